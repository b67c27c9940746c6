"""Search benchmark: indexing the refresh benchmark's 10,000 articles, then queries over 50,000.

Generates the refresh benchmark's corpus (../shared/bench/make_feeds.py: 200 feeds × 50 items,
Arabic, English and mixed), parses it with akhbar's parser and stores it; times the catch-up
that indexes those 10,000 articles (target ≤ 2 s). Then stores four more copies under other
feeds (50,000 articles), indexes them, and times a mixed set of Arabic and English queries in
both orders through `Engine.search` (snippets and highlights included; target: median ≤ 20 ms,
p95 ≤ 60 ms). Prints the size of the index. Wall time is printed beside CPU time (both threads
of the indexing pipeline) and the load average: on a shared, loaded machine CPU time is the
honest figure.

    .venv/bin/python benchmarks/bench_search.py [--copies 5] [--rounds 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from akhbar_tui.config import load_config
from akhbar_tui.engine import Engine
from akhbar_tui.models import FeedSpec, ParsedFeed
from akhbar_tui.parse import parse_feed

REPO = Path(__file__).resolve().parents[1]
BENCH = Path(os.environ.get("AKHBAR_BENCH_DIR", REPO.parent / "shared" / "bench"))
QUERIES = [
    "مليار",
    "ماسك",
    "بالمليار",
    "الذكاء الاصطناعي",
    '"الذكاء الاصطناعي"',
    "اقتص*",
    "شركة",
    "منصة إكس",
    "أمريكي",
    "تويتر OR إكس",
    "مستخدم -مليار",
    "musk",
    "billion",
    '"market value"',
    "revenue grow",
    "compan*",
    "title:deal",
    "inflation rate",
    "Dubai",
    "xai",
]


def corpus(work: Path) -> list[Path]:
    """The refresh benchmark's feed files (generated here)."""
    out = work / "corpus"
    subprocess.run(
        [
            sys.executable,
            str(BENCH / "make_feeds.py"),
            "--n",
            "200",
            "--m",
            "50",
            "--out",
            str(out),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return sorted((out / "feeds").iterdir())


def store_copy(engine: Engine, parsed: list[ParsedFeed], copy: int) -> None:
    """Store every parsed feed under feed URLs of this copy (its own 10,000 articles)."""
    store = engine._store
    specs = [
        FeedSpec(url=f"http://bench/{copy}/{i}", title=f"feed {copy}.{i}")
        for i in range(len(parsed))
    ]
    ids = store.add_detached_feeds(specs)
    for spec, feed in zip(specs, parsed, strict=True):
        articles = tuple(dataclasses.replace(a, feed_url=spec.url) for a in feed.articles)
        store.store_parsed(
            ids[spec.url],
            dataclasses.replace(feed, articles=articles),
            etag=None,
            last_modified=None,
            keep_days=100_000,
            keep_per_feed=100_000,
        )


def load() -> str:
    """The 1-, 5- and 15-minute load averages."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = corpus(work)
        parsed = [parse_feed(p.read_bytes(), {}, spec=FeedSpec(url=p.as_uri())) for p in files]
        config_file = work / "feeds.toml"
        config_file.write_text("")
        database = work / "akhbar.db"
        engine = Engine(load_config(config_file), database)
        store_copy(engine, parsed, 0)
        count = engine._store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        started, cpu = time.perf_counter(), time.process_time()
        indexed = engine.update_search_index()
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(
            f"indexing {indexed} articles ({count} stored): {elapsed:.2f} s wall, "
            f"{cpu:.2f} s CPU (target ≤ 2 s); load {load()}"
        )
        for copy in range(1, args.copies):
            store_copy(engine, parsed, copy)
        engine.update_search_index()
        total = engine._store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        size = engine._store.conn.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search%'"
        ).fetchone()[0]
        print(
            f"index size over {total} articles: {size / 1e6:.1f} MB "
            f"(database {database.stat().st_size / 1e6:.1f} MB)"
        )
        timings: list[float] = []
        cpu_times: list[float] = []
        for _ in range(args.rounds):
            for order in ("newest", "relevance"):
                for query in QUERIES:
                    started, cpu = time.perf_counter(), time.process_time()
                    hits = engine.search(query, order=order, catch_up=False)
                    timings.append(time.perf_counter() - started)
                    cpu_times.append(time.process_time() - cpu)
                    if _ == 0 and order == "newest":
                        print(f"  {len(hits):3d} hits  {query}")
        for name, values in (("wall", timings), ("CPU", cpu_times)):
            values.sort()
            median = statistics.median(values) * 1000
            p95 = values[int(len(values) * 0.95) - 1] * 1000
            print(
                f"queries ({name}): {len(values)}; median {median:.1f} ms (target ≤ 20), "
                f"p95 {p95:.1f} ms (target ≤ 60), max {values[-1] * 1000:.1f} ms"
            )
        print(f"load {load()}")
        engine.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
