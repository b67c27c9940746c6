"""Medians for `bidi_layout` on 5,000-word Arabic articles at width 80 (issue 4's targets).

    .venv/bin/python benchmarks/bench_layout.py [--runs 15] [--width 80]

Each timed run lays out a NEW article (distinct paragraphs, its own seed, ~1,750 distinct words
drawn from a Zipf vocabulary of 60,000 forms: see `news_vocab`), so neither the prepare cache
nor anything else carries over. Targets: full layout from raw text ≤ 60 ms, first 40 lines
≤ 16 ms; once prepared, re-layout at a new width ≤ 10 ms for the whole article and ≤ 2 ms for
a 40-line window (at the top, and in the middle of the article).

The machine is shared, so each step prints the median and minimum of wall time AND of CPU time
(`time.process_time`, which other processes do not inflate), with the load average.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from akhbar_tui.bidi_layout import layout, prepare
from news_text import article

TARGETS = {
    "full layout from raw text": 60.0,
    "first 40 lines from raw text": 16.0,
    "re-layout, whole article, new width": 10.0,
    "40-line window at the top, new width": 2.0,
    "40-line window mid-article, new width": 2.0,
}


def _timed(action: Callable[[], object]) -> tuple[float, float]:
    """(wall ms, CPU ms) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def _loadavg() -> str:
    path = Path("/proc/loadavg")
    return " ".join(path.read_text().split()[:3]) if path.exists() else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--width", type=int, default=80)
    args = parser.parse_args()
    width = args.width
    seed = 1000
    wall: dict[str, list[float]] = {name: [] for name in TARGETS}
    cpu: dict[str, list[float]] = {name: [] for name in TARGETS}

    def record(name: str, action: Callable[[], object]) -> None:
        w, c = _timed(action)
        wall[name].append(w)
        cpu[name].append(c)

    layout(article(seed - 1), width)  # imports, reshaper construction, class tables
    load_before = _loadavg()
    sizes = []
    for run in range(args.runs):
        seed += 1
        text = article(seed)
        words = text.split()
        sizes.append((len(words), len(set(words)), text.count("\n\n") + 1))
        record("full layout from raw text", lambda t=text: layout(t, width))
        rows = prepare(text).line_count(width)
        seed += 1
        fresh = article(seed)
        record("first 40 lines from raw text", lambda t=fresh: layout(t, width, max_lines=40))
        prepared = prepare(text)
        new_width = width - 7 - run % 5
        record("re-layout, whole article, new width", lambda p=prepared, w=new_width: p.lines(w))
        record(
            "40-line window at the top, new width",
            lambda p=prepared, w=new_width + 20: p.lines(w, 0, 40),
        )
        middle = rows // 2
        record(
            "40-line window mid-article, new width",
            lambda p=prepared, w=new_width + 30, m=middle: p.lines(w, m, m + 40),
        )
    words = statistics.median(s[0] for s in sizes)
    distinct = statistics.median(s[1] for s in sizes)
    paragraphs = statistics.median(s[2] for s in sizes)
    print(
        f"{args.runs} runs at width {width}, a new article each: median {words:.0f} words, "
        f"{distinct:.0f} distinct, {paragraphs:.0f} paragraphs"
    )
    print(f"load average before {load_before}, after {_loadavg()}")
    print(f"{'step':40s} {'wall median':>11s} {'min':>7s} {'cpu median':>10s} {'min':>7s}  target")
    for name, target in TARGETS.items():
        w, c = wall[name], cpu[name]
        verdict = "ok" if statistics.median(w) <= target else "MISSED"
        print(
            f"{name:40s} {statistics.median(w):8.2f} ms {min(w):7.2f} "
            f"{statistics.median(c):7.2f} ms {min(c):7.2f}  ≤ {target:g} ms {verdict}"
        )


if __name__ == "__main__":
    main()
