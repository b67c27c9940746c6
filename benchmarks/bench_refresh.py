"""Refresh benchmark: akhbar against newsboat on 200 feeds × 50 items over loopback.

Uses ../shared/bench (make_feeds.py, serve.py; see its README.md and NEWSBOAT.md). For each
added latency (0 and 50 ms) it serves the generated corpus and, in the same run, times:

- akhbar cold: a fresh database, a feeds.toml holding only the bench feeds (`max_per_host`
  raised to `max_connections`, since every bench feed shares one host; retention raised, since
  bench items are dated 2025);
- akhbar warm: the next refresh, where every feed answers 304;
- newsboat (reload-threads 16) cold, and its third reload as its warm figure (2.21 sends
  conditional requests only from the third reload on).

Wall time is measured around the process, CPU time (user + system) over its whole tree; peak
RSS is the largest sum, over time, of the resident memory of the process and all its
descendants (akhbar's parse workers included), from polling /proc. Prints medians and the
ratios against the targets (cold ≤ 0.9 × newsboat, warm ≤ 0.2 × newsboat, akhbar peak RSS
≤ 150 MB).

    .venv/bin/python benchmarks/bench_refresh.py [--reps 3] [--latencies 0 50] [--no-newsboat]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from proctree import run_measured

REPO = Path(__file__).resolve().parents[1]
BENCH = Path(os.environ.get("AKHBAR_BENCH_DIR", REPO.parent / "shared" / "bench"))
TARGETS = {"cold": 0.9, "warm": 0.2}
RSS_TARGET_MB = 150


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_stats(base: str, reset: bool = False) -> dict[str, object]:
    path = "/__reset" if reset else "/__stats"
    with urllib.request.urlopen(base + path, timeout=5) as response:
        body = response.read()
    return json.loads(body) if not reset else {}


def start_server(corpus: Path, latency: int, work: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    log = (work / f"serve-{latency}.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, str(BENCH / "serve.py"), "--root", str(corpus), "--port", str(port),
         "--latency-ms", str(latency), "--max-seconds", "1800"],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            server_stats(base)
            return process, base
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"serve.py did not come up; see {work}")


def akhbar_config(work: Path, urls: list[str]) -> Path:
    config = work / "akhbar-config" / "feeds.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        "[settings]",
        "max_connections = 32",
        "max_per_host = 32",
        "keep_days = 36500",
        "keep_per_feed = 10000",
        "",
    ]
    for url in urls:
        lines += ["[[feeds]]", f'url = "{url}"', ""]
    config.write_text("\n".join(lines), encoding="utf-8")
    return config


def run_akhbar(config: Path, data: Path) -> tuple[float, float, float, str]:
    env = dict(os.environ, AKHBAR_CONFIG_DIR=str(config.parent), AKHBAR_DATA_DIR=str(data))
    command = [sys.executable, "-m", "akhbar_tui", "refresh", "--config", str(config)]
    wall, rss, cpu, out = run_measured(command, env)
    return wall, rss, cpu, out.strip().splitlines()[-1] if out.strip() else "(no output)"


def run_newsboat(urls_file: Path, cache: Path, nb_config: Path) -> tuple[float, float, float]:
    command = ["newsboat", "-u", str(urls_file), "-c", str(cache), "-C", str(nb_config)]
    env = dict(os.environ, HOME=str(nb_config.parent))
    wall, rss, cpu, _out = run_measured([*command, "-x", "reload"], env)
    return wall, rss, cpu


def status_counts(base: str) -> str:
    stats = server_stats(base)
    by_status = stats.get("by_status", {})
    assert isinstance(by_status, dict)
    return f"{by_status.get('200', 0)}×200 {by_status.get('304', 0)}×304"


def bench_latency(
    latency: int, corpus: Path, manifest: dict[str, object], work: Path, args: argparse.Namespace
) -> dict[str, list[tuple[float, float, float]]]:
    server, base = start_server(corpus, latency, work)
    feeds = manifest["feeds"]
    assert isinstance(feeds, list)
    urls = [f"{base}/{f['file']}" for f in feeds]
    results: dict[str, list[tuple[float, float, float]]] = {}
    try:
        config = akhbar_config(work, urls)
        urls_file = work / "urls"
        urls_file.write_text("\n".join(urls) + "\n")
        nb_config = work / "newsboat" / "config"
        nb_config.parent.mkdir(exist_ok=True)
        nb_config.write_text(
            "reload-threads 16\ndownload-timeout 60\ndownload-retries 1\ncleanup-on-quit yes\n"
            f'error-log "{work / "newsboat" / "error.log"}"\n'
        )
        for rep in range(1, args.reps + 1):
            data = work / "akhbar-data"
            shutil.rmtree(data, ignore_errors=True)
            for phase in ("cold", "warm"):
                server_stats(base, reset=True)
                wall, rss, cpu, line = run_akhbar(config, data)
                results.setdefault(f"akhbar {phase}", []).append((wall, rss, cpu))
                print(f"  {latency:>2} ms rep {rep} akhbar {phase:<4} {wall:6.2f} s "
                      f"{cpu:6.2f} cpu-s {rss:6.1f} MB  [{status_counts(base)}] {line}",
                      flush=True)  # fmt: skip
            if args.no_newsboat:
                continue
            cache = work / "newsboat" / "cache.db"
            for leftover in (cache, cache.with_suffix(".db.lock")):
                leftover.unlink(missing_ok=True)
            for reload in (1, 2, 3):
                server_stats(base, reset=True)
                wall, rss, cpu = run_newsboat(urls_file, cache, nb_config)
                phase = {1: "cold", 3: "warm"}.get(reload)
                if phase:
                    results.setdefault(f"newsboat {phase}", []).append((wall, rss, cpu))
                print(f"  {latency:>2} ms rep {rep} newsboat reload{reload} {wall:6.2f} s "
                      f"{cpu:6.2f} cpu-s {rss:6.1f} MB  [{status_counts(base)}]",
                      flush=True)  # fmt: skip
    finally:
        server.terminate()
        server.wait(10)
    return results


def report(latency: int, results: dict[str, list[tuple[float, float, float]]]) -> bool:
    """Print medians and ratios; True when every target holds."""
    print(f"\n## latency {latency} ms (medians of {len(next(iter(results.values())))} runs)")
    print(f"{'reader':<16} {'wall s':>8} {'cpu s':>8} {'peak RSS MB':>12}")
    median: dict[str, tuple[float, ...]] = {}
    for name, runs in results.items():
        median[name] = tuple(statistics.median(column) for column in zip(*runs, strict=True))
        wall, rss, cpu = median[name]
        print(f"{name:<16} {wall:8.2f} {cpu:8.2f} {rss:12.1f}")
    ok = True
    for phase, target in TARGETS.items():
        if f"newsboat {phase}" not in median:
            continue
        ratio = median[f"akhbar {phase}"][0] / median[f"newsboat {phase}"][0]
        verdict = "ok" if ratio <= target else "MISSED"
        ok &= ratio <= target
        cpu_ratio = median[f"akhbar {phase}"][2] / median[f"newsboat {phase}"][2]
        print(f"{phase} ratio akhbar/newsboat: {ratio:.2f} (target ≤ {target}) {verdict}; "
              f"CPU-time ratio {cpu_ratio:.2f}")  # fmt: skip
    peak = max(
        run[1] for name, runs in results.items() if name.startswith("akhbar") for run in runs
    )
    ok &= peak <= RSS_TARGET_MB
    print(f"akhbar peak RSS (all processes): {peak:.1f} MB (target ≤ {RSS_TARGET_MB}) "
          f"{'ok' if peak <= RSS_TARGET_MB else 'MISSED'}")  # fmt: skip
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--latencies", type=int, nargs="+", default=[0, 50])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--m", type=int, default=50)
    parser.add_argument("--no-newsboat", action="store_true", help="time akhbar only")
    args = parser.parse_args()
    if not (BENCH / "make_feeds.py").exists():
        print(f"skipped: {BENCH} (the shared bench kit) is not here")
        return 0
    if not args.no_newsboat and shutil.which("newsboat") is None:
        print("newsboat is not installed: apt-get update && apt-get install -y newsboat")
        return 2
    with tempfile.TemporaryDirectory(prefix="akhbar-bench-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        subprocess.run(
            [sys.executable, str(BENCH / "make_feeds.py"), "--n", str(args.n), "--m", str(args.m),
             "--out", str(corpus)],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        manifest = json.loads((corpus / "manifest.json").read_text())
        print(f"corpus: {args.n} feeds × {args.m} items; {os.cpu_count()} cores")
        ok = True
        for latency in args.latencies:
            ok &= report(latency, bench_latency(latency, corpus, manifest, work, args))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
