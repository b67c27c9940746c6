"""A refresh killed at any moment, or racing other processes, never damages the database.

`akhbar refresh` runs as a real subprocess against a local server whose feeds grow by a few
items at every round, and is SIGKILLed at a random moment (from start-up to the last commit).
Afterwards SQLite's integrity check passes, every article stored before is still there with its
id and its read/starred flags, and the parse workers the killed process started are gone too.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from engine_helpers import AKHBAR, rss, run_cli, snapshot, write_config
from feedserver import FeedServer, Recorded, Reply, feed

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and /proc")

FEEDS = 16
KILLS = 22


def growing_server(generation: list[int]) -> FeedServer:
    """Feeds whose item count grows with `generation[0]` (one new item per round)."""
    server = FeedServer(latency=0.01)

    def handler(request: Recorded) -> Reply:
        n = int(request.path.strip("/").split(".")[0][1:])
        count = 15 + generation[0]
        body = rss(range(count), title=f"Feed {n}", arabic=n % 2 == 0, edited=[generation[0] % 7])
        # A new ETag per round: an ETag stored without its articles would hide them for good.
        return feed(body, etag=f'"round-{generation[0]}"')

    for n in range(FEEDS):
        server.routes[f"/f{n}.xml"] = handler
    return server


def flag_some(database: Path, rng: random.Random) -> None:
    """Mark a few random articles read or starred, as a reader would between refreshes."""
    with sqlite3.connect(database, timeout=10) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM articles")]
        for article_id in rng.sample(ids, min(len(ids), 8)):
            column = rng.choice(("read", "starred"))
            conn.execute(f"UPDATE articles SET {column} = 1 - {column} WHERE id = ?", (article_id,))
    conn.close()


def worker_pids(parent: int) -> list[int]:
    """Parse workers started by `parent` (they carry its pid as their last argument)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"akhbar_tui.engine_worker" in argv and str(parent).encode() in argv:
            found.append(int(entry.name))
    return found


def wait_gone(parent: int, seconds: float = 5.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := worker_pids(parent)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
def test_sigkill_at_random_moments_keeps_every_stored_article_and_flag(
    tmp_path: Path, user_dirs: tuple[Path, Path]
) -> None:
    seed = int(os.environ.get("AKHBAR_CRASH_SEED", time.time()))
    rng = random.Random(seed)
    generation = [0]
    database = user_dirs[1] / "akhbar.db"
    with growing_server(generation) as server:
        config = tmp_path / "feeds.toml"
        write_config(config, [server.url(f"/f{n}.xml") for n in range(FEEDS)])
        started = time.monotonic()
        first = run_cli("refresh", "--config", str(config))
        assert first.returncode == 0, first.stderr
        duration = time.monotonic() - started
        killed_during = 0
        for _round in range(KILLS):
            generation[0] += 1
            flag_some(database, rng)
            before = snapshot(database)
            process = subprocess.Popen(
                [*AKHBAR, "refresh", "--config", str(config)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(rng.uniform(0.0, duration * 1.1))
            if process.poll() is None:
                killed_during += 1
            process.send_signal(signal.SIGKILL)
            process.wait()
            assert not wait_gone(process.pid), f"parse workers outlived their refresh (seed {seed})"
            with sqlite3.connect(database, timeout=10) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", seed
            conn.close()
            after = snapshot(database)
            lost = {key: value for key, value in before.items() if key not in after}
            assert not lost, f"articles lost after a kill (seed {seed})"
            changed = {
                key: (value, after[key])
                for key, value in before.items()
                if (value[0], value[2], value[3]) != (after[key][0], after[key][2], after[key][3])
            }
            assert not changed, f"ids or flags changed after a kill (seed {seed})"
        assert killed_during >= KILLS // 2, "most kills should land while the refresh runs"
        final = run_cli("refresh", "--config", str(config))
        assert final.returncode == 0, final.stderr
        assert len(snapshot(database)) == FEEDS * (15 + generation[0])


def test_refreshes_and_a_reader_in_parallel_processes_share_the_database(
    tmp_path: Path, user_dirs: tuple[Path, Path]
) -> None:
    generation = [3]
    with growing_server(generation) as server:
        config = tmp_path / "feeds.toml"
        write_config(config, [server.url(f"/f{n}.xml") for n in range(FEEDS)])
        reader = (
            "import sys, time\n"
            "from pathlib import Path\n"
            "from akhbar_tui.config import load_config\n"
            "from akhbar_tui.engine import Engine\n"
            "from akhbar_tui.models import HeadlineQuery\n"
            "from akhbar_tui import paths\n"
            "paths.database_file().parent.mkdir(parents=True, exist_ok=True)\n"
            "engine = Engine(load_config(Path(sys.argv[1])), paths.database_file())\n"
            "end = time.monotonic() + 2.0\n"
            "while time.monotonic() < end:\n"
            "    for head in engine.headlines(HeadlineQuery(), 0, 20):\n"
            "        engine.article(head.id)\n"
            "        engine.mark_read(head.id)\n"
            "    engine.feeds()\n"
            "engine.close()\n"
        )
        processes = [
            subprocess.Popen(
                [*AKHBAR, "refresh", "--config", str(config)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        processes.append(
            subprocess.Popen(
                [sys.executable, "-c", reader, str(config)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
        outputs = [p.communicate(timeout=120) for p in processes]
        for process, (_out, err) in zip(processes, outputs, strict=True):
            assert process.returncode == 0, err
        totals = [out.splitlines()[-1] for out, _err in outputs[:2]]
        new = sum(int(line.split("; ")[1].split()[0]) for line in totals)
        expected = FEEDS * (15 + generation[0])
        assert new == expected  # each article was new to exactly one of the two refreshes
        database = user_dirs[1] / "akhbar.db"
        with sqlite3.connect(database) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == expected
        conn.close()
