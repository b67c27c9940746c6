"""Measure the HTTP pool: hundreds of requests queued inside one httpx pool vs. gated outside it.

The issue reports that one httpx client with hundreds of queued requests slowed down sharply.
This script fetches the bench corpus (200 feeds x 50 items, gzip) from `../shared/bench/serve.py`
on loopback, all requests started at once, three ways:

- `pool-queue`: one `httpx.AsyncClient` limited to 32 connections, every request handed to it at
  once, so the pool itself queues the rest (the pattern that slowed down);
- `pool-wide`: the same client with no connection limit (one connection per request);
- `Fetcher`: akhbar's fetcher — per-host and global semaphores (32) taken *before* any pool,
  and small pools (`fetch.CLIENT_FETCHES` fetches each) behind them, so no pool ever has a
  waiting request or many connections to scan.

It prints the median wall time of `--runs` rounds for `--requests` requests (the feed list
repeated as needed) at each latency. Run:
`.venv/bin/python benchmarks/fetch_pool.py [--requests 200 1000] [--latency 0 50] [--runs 3]`.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx

from akhbar_tui.fetch import Fetcher
from akhbar_tui.settings import Settings

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
CONNECTIONS = 32


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def with_pool(urls: list[str], limit: int | None) -> int:
    """Every URL handed to one client at once; the client's pool does the queueing."""
    limits = httpx.Limits(max_connections=limit, max_keepalive_connections=limit)
    async with httpx.AsyncClient(limits=limits, timeout=120) as client:

        async def one(url: str) -> int:
            response = await client.get(url)
            return len(response.content)

        return sum(await asyncio.gather(*(one(u) for u in urls)))


async def with_fetcher(urls: list[str]) -> int:
    """Every URL handed to akhbar's Fetcher at once; semaphores do the queueing."""
    settings = Settings(max_connections=CONNECTIONS, max_per_host=CONNECTIONS, timeout_seconds=120)
    async with Fetcher(settings) as fetcher:
        outcomes = await asyncio.gather(*(fetcher.fetch(u) for u in urls))
    failed = [o.error for o in outcomes if o.error]
    if failed:
        raise RuntimeError(f"{len(failed)} fetches failed, e.g. {failed[0]}")
    return sum(len(o.body) for o in outcomes)


def timed(make: Callable[[], Awaitable[int]], runs: int) -> tuple[float, int]:
    """Median seconds of `runs` fresh event loops running `make()`, and the bytes read."""
    times, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        size = asyncio.run(make())  # type: ignore[arg-type]
        times.append(time.perf_counter() - started)
    return statistics.median(times), size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, nargs="+", default=[200, 1000])
    parser.add_argument("--latency", type=int, nargs="+", default=[0, 50])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not (BENCH / "serve.py").exists():
        print(f"{BENCH} not found: nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        subprocess.run(
            [
                sys.executable,
                str(BENCH / "make_feeds.py"),
                "--n",
                "200",
                "--m",
                "50",
                "--out",
                str(corpus),
            ],
            check=True,
            capture_output=True,
        )
        names = sorted(p.name for p in (corpus / "feeds").glob("*.xml"))
        for latency in args.latency:
            port = free_port()
            server = subprocess.Popen(
                [
                    sys.executable,
                    str(BENCH / "serve.py"),
                    "--root",
                    str(corpus),
                    "--port",
                    str(port),
                    "--latency-ms",
                    str(latency),
                    "--max-seconds",
                    "900",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                time.sleep(0.5)
                base = f"http://127.0.0.1:{port}/feeds/"
                for count in args.requests:
                    urls = [base + names[i % len(names)] for i in range(count)]
                    ways: dict[str, Callable[[], Awaitable[int]]] = {
                        "pool-queue": lambda u=urls: with_pool(u, CONNECTIONS),
                        "pool-wide": lambda u=urls: with_pool(u, None),
                        "Fetcher": lambda u=urls: with_fetcher(u),
                    }
                    for name, make in ways.items():
                        seconds, size = timed(make, args.runs)
                        print(
                            f"latency {latency:3} ms  {count:5} requests  {name:10} "
                            f"{seconds:6.2f} s median of {args.runs}  ({size / 1e6:.0f} MB)",
                            flush=True,
                        )
            finally:
                server.terminate()
                server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
