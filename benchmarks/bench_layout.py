"""Medians for `bidi_layout` on 5,000-word Arabic articles at width 80 (issue 4's targets).

    .venv/bin/python benchmarks/bench_layout.py [--runs 15]

Each timed run lays out a NEW article (distinct paragraphs, its own seed), so neither the
prepare cache nor anything else carries over. Targets: full layout from raw text ≤ 60 ms,
first 40 lines ≤ 16 ms; once prepared, re-layout at a new width ≤ 10 ms for the whole article
and ≤ 2 ms for a 40-line window (at the top, and in the middle of the article).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from akhbar_tui.bidi_layout import layout, prepare
from news_text import article


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--width", type=int, default=80)
    args = parser.parse_args()
    width = args.width
    seed = 1000
    results: dict[str, list[float]] = {}

    def record(name: str, ms: float) -> None:
        results.setdefault(name, []).append(ms)

    layout(article(seed - 1), width)  # imports, reshaper construction, class tables
    sizes = []
    for run in range(args.runs):
        seed += 1
        text = article(seed)
        sizes.append((len(text.split()), len(text.split("\n\n"))))
        start = time.perf_counter()
        rows = layout(text, width)
        record("full layout from raw text", (time.perf_counter() - start) * 1000)
        seed += 1
        fresh = article(seed)
        record(
            "first 40 lines from raw text", _timed(lambda t=fresh: layout(t, width, max_lines=40))
        )
        prepared = prepare(text)
        new_width = width - 7 - run % 5
        record(
            "re-layout, whole article, new width",
            _timed(lambda p=prepared, w=new_width: p.lines(w)),
        )
        record(
            "40-line window at the top, new width",
            _timed(lambda p=prepared, w=new_width + 20: p.lines(w, 0, 40)),
        )
        middle = len(rows) // 2
        record(
            "40-line window mid-article, new width",
            _timed(lambda p=prepared, w=new_width + 30, m=middle: p.lines(w, m, m + 40)),
        )
    words, paragraphs = sizes[-1]
    print(f"{args.runs} runs at width {width}; last: {words} words, {paragraphs} paragraphs")
    for name, values in results.items():
        print(f"{name:40s} median {statistics.median(values):6.2f} ms   (min {min(values):.2f})")


if __name__ == "__main__":
    main()
