"""Run a command and measure its wall time and the peak RSS of its whole process tree.

`/usr/bin/time -v` reports the largest single process; akhbar's refresh is a process plus parse
workers, so this polls /proc instead and keeps the largest *sum* of VmRSS over the command and
all its descendants (Linux only; elsewhere the RSS figure is 0).

The poll runs on the machine it measures, so it is kept cheap (raw reads, every 50 ms): a poll
reads the `stat` of every process to find the tree, and at the first version's 20 ms with
`Path.read_text` that took ~18 % of one core away from the reader being timed — a reader that
uses both cores pays for that more than one that uses one.
"""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from pathlib import Path

POLL_SECONDS = 0.05
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


def _read(path: str) -> bytes:
    """A small /proc file's bytes (b"" once the process is gone)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return b""
    try:
        return os.read(fd, 4096)
    except OSError:
        return b""
    finally:
        os.close(fd)


def _children_map() -> dict[int, list[int]]:
    """ppid → pids, from one pass over /proc."""
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        stat = _read(f"/proc/{name}/stat")
        if not stat:
            continue
        # The command name may hold spaces and parentheses: fields start after the last ')'.
        ppid = int(stat.rsplit(b")", 1)[1].split(None, 2)[1])
        children.setdefault(ppid, []).append(int(name))
    return children


def _rss_kb(pid: int) -> int:
    """Resident pages of one process, in KB (from statm: no parsing of the long status file)."""
    statm = _read(f"/proc/{pid}/statm").split()
    return int(statm[1]) * PAGE_KB if len(statm) > 1 else 0


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
