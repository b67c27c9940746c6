"""Parse time per entry on generated 50-item feeds: akhbar's parse_feed against feedparser.

Three figures per feed, medians of several runs, in CPU time (`time.process_time`), which the
other helpers sharing this machine disturb far less than wall time:

- `feedparser defaults`: `feedparser.parse(bytes)` as most readers call it (sanitizer and
  relative-URI resolver on);
- `feedparser lean`: the same with `sanitize_html=False, resolve_relative_uris=False`;
- `akhbar parse_feed`: the lean call plus charset recovery, Article building, text cleaning,
  direction and guid work — the whole cost the refresh pays per feed.

Importing `akhbar_tui.parse` applies its feedparser speed-ups to the whole process, so the two
feedparser rows include them; `--stock` measures them in a fresh interpreter without them.

The feeds come from `../shared/bench/make_feeds.py` (RSS 2.0 and Atom 1.0, Arabic, English and
mixed, 1–6 KB HTML bodies). Run: `.venv/bin/python benchmarks/parse_speed.py [--feeds 8 --runs 7]`.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import feedparser

from akhbar_tui.models import FeedSpec
from akhbar_tui.parse import parse_feed

# Stock feedparser, timed in a fresh interpreter that never imports akhbar_tui.parse.
STOCK = """
import io, statistics, subprocess, sys, tempfile, time
from pathlib import Path
import feedparser
feeds, runs, generator = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, generator, "--n", str(feeds), "--m", "50", "--out", tmp],
                   check=True, capture_output=True)
    rows = {"defaults": [], "lean": []}
    for path in sorted((Path(tmp) / "feeds").glob("*.xml")):
        body = path.read_bytes()
        for name, kw in (("defaults", {}),
                         ("lean", {"sanitize_html": False, "resolve_relative_uris": False})):
            times = []
            for _ in range(runs):
                started = time.process_time()
                feedparser.parse(io.BytesIO(body), **kw)
                times.append(time.process_time() - started)
            rows[name].append(statistics.median(times) * 1000 / 50)
print("stock feedparser, median CPU ms/entry: defaults %.3f, lean %.3f"
      % (statistics.median(rows["defaults"]), statistics.median(rows["lean"])))
"""

GENERATOR = Path(__file__).resolve().parents[2] / "shared" / "bench" / "make_feeds.py"
ITEMS = 50


def median_ms_per_entry(run: Callable[[], object], runs: int) -> float:
    """Median CPU time of `run()` over `runs` calls, in ms per entry."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return statistics.median(times) * 1000 / ITEMS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=8)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--stock", action="store_true", help="feedparser rows without speed-ups")
    args = parser.parse_args()
    if args.stock and "akhbar_tui.parse" in sys.modules:
        return subprocess.call(
            [sys.executable, "-c", STOCK, str(args.feeds), str(args.runs), str(GENERATOR)],
        )
    if not GENERATOR.exists():
        print(f"{GENERATOR} not found: nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                sys.executable,
                str(GENERATOR),
                "--n",
                str(args.feeds),
                "--m",
                str(ITEMS),
                "--out",
                tmp,
            ],
            check=True,
            capture_output=True,
        )
        files = sorted((Path(tmp) / "feeds").glob("*.xml"))
        rows: dict[str, list[float]] = {"defaults": [], "lean": [], "akhbar": []}
        headers = {"content-type": "application/xml; charset=utf-8"}
        for path in files:
            body = path.read_bytes()
            spec = FeedSpec(url=f"http://127.0.0.1/{path.name}")
            assert len(parse_feed(body, headers, spec=spec).articles) == ITEMS
            rows["defaults"].append(
                median_ms_per_entry(lambda b=body: feedparser.parse(io.BytesIO(b)), args.runs)
            )
            rows["lean"].append(
                median_ms_per_entry(
                    lambda b=body: feedparser.parse(
                        io.BytesIO(b), sanitize_html=False, resolve_relative_uris=False
                    ),
                    args.runs,
                )
            )
            rows["akhbar"].append(
                median_ms_per_entry(
                    lambda b=body, s=spec: parse_feed(b, headers, spec=s), args.runs
                )
            )
            print(
                f"{path.name:16} {len(body) / 1024:6.0f} KB  defaults {rows['defaults'][-1]:.3f}"
                f"  lean {rows['lean'][-1]:.3f}  akhbar {rows['akhbar'][-1]:.3f}  CPU ms/entry"
            )
    defaults, lean, ours = (statistics.median(rows[k]) for k in ("defaults", "lean", "akhbar"))
    print(
        f"median over {len(files)} feeds x {ITEMS} items: feedparser defaults {defaults:.3f} "
        f"CPU ms/entry, feedparser lean {lean:.3f}, akhbar parse_feed {ours:.3f} "
        f"({ours / defaults:.2f} x defaults)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
