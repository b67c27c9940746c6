"""Run a command and measure its wall time and the peak RSS of its whole process tree.

`/usr/bin/time -v` reports the largest single process; akhbar's refresh is a process plus parse
workers, so this polls /proc instead and keeps the largest *sum* of VmRSS over the command and
all its descendants (Linux only; elsewhere the RSS figure is 0).
"""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from pathlib import Path

POLL_SECONDS = 0.02


def _children_map() -> dict[int, list[int]]:
    """ppid → pids, from one pass over /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: fields start after the last ')'.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_mb(root: int) -> float:
    """Resident memory of `root` and every descendant, in MB."""
    children = _children_map()
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _rss_kb(pid)
        stack.extend(children.get(pid, ()))
    return total / 1024


def run_measured(command: list[str], env: dict[str, str]) -> tuple[float, float, float, str]:
    """(wall s, peak tree RSS MB, CPU s of the whole tree, stdout) of one run; no stderr.

    CPU time (user + system of the command and every descendant it waited for) is the figure
    that survives a busy machine best: wall time there also measures the neighbours.
    """
    peak = 0.0
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    finished = threading.Event()

    def poll() -> None:
        nonlocal peak
        while not finished.is_set():
            if Path("/proc").is_dir():
                peak = max(peak, tree_rss_mb(process.pid))
            finished.wait(POLL_SECONDS)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    out, _err = process.communicate()
    wall = time.perf_counter() - started
    finished.set()
    poller.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, peak, cpu, out
