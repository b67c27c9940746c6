"""The cost of `full_text = true` in a refresh: 200 feeds, a tenth of them fetching every page.

Serves 200 RSS feeds of 10 items each on 127.0.0.1, and, for the 20 full-text feeds, the items'
article pages (the seven site shapes of tests/core/fixtures/fulltext, 4–9 KB each) on twenty
loopback addresses 127.0.0.2–127.0.0.21, one "site" per full-text feed, as in real life where
those feeds belong to different news sites (all pages on one host would be throttled to two at a
time by design). Each run is a cold refresh into a fresh database through `Engine.refresh`:

- baseline: the same 200 feeds with `full_text` off;
- full text: 20 feeds with `full_text = true`, i.e. 200 article pages fetched and extracted.

Prints the median wall time of each over `--reps` runs and the difference per page.
Run: `.venv/bin/python benchmarks/bench_fulltext_refresh.py [--reps 3]`.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "core"))

from feedserver import FeedServer, Reply, feed  # noqa: E402

from akhbar_tui.config import load_config  # noqa: E402
from akhbar_tui.engine import Engine  # noqa: E402

FEEDS = 200
FULL_TEXT_FEEDS = 20
ITEMS = 10
PAGES = REPO / "tests" / "core" / "fixtures" / "fulltext"
SHAPES = (
    "wordpress_en",
    "wordpress_ar",
    "portal_ar",
    "portal_en",
    "amp_ar",
    "split_en",
    "split_ar",
)


class SiteServer(FeedServer):
    """The test FeedServer, bound to another loopback address (one "site" each)."""

    def __init__(self, address: str, routes: dict[str, Reply]) -> None:
        super().__init__(routes)
        self.address = address

    def start(self) -> SiteServer:
        super().start()
        # Rebind: FeedServer listens on 127.0.0.1; this site answers on its own address.
        assert self._httpd is not None
        handler = self._httpd.RequestHandlerClass
        self._httpd.shutdown()
        self._httpd.server_close()
        self._httpd = ThreadingHTTPServer((self.address, 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def url(self, path: str = "/") -> str:
        return f"http://{self.address}:{self.port}{path}"


def rss(feed_no: int, links: list[str]) -> str:
    items = "".join(
        f"<item><title>Feed {feed_no} item {n}</title><guid>f{feed_no}-i{n}</guid>"
        f"<link>{link}</link><description>One-line teaser {n}.</description></item>"
        for n, link in enumerate(links)
    )
    channel = f"<channel><title>F{feed_no}</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


def write_config(path: Path, urls: list[str], full_text: bool) -> None:
    lines = ["[settings]", "keep_days = 36500", "max_connections = 32", "max_per_host = 32", ""]
    for index, url in enumerate(urls):
        lines += ["[[feeds]]", f'url = "{url}"']
        if full_text and index < FULL_TEXT_FEEDS:
            lines.append("full_text = true")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def one_refresh(urls: list[str], full_text: bool) -> tuple[float, int]:
    """Wall seconds of one cold refresh, and how many articles got their full text."""
    with tempfile.TemporaryDirectory() as work:
        config = Path(work) / "feeds.toml"
        write_config(config, urls, full_text)
        engine = Engine(load_config(config), Path(work) / "akhbar.db")
        started = time.perf_counter()
        report = asyncio.run(engine.refresh())
        elapsed = time.perf_counter() - started
        assert not report.failed, report.failed
        ids = [i for f in engine.feeds() for i in _ids(engine, f.id)]
        with_text = sum(1 for i in ids if engine.article(i).full_text)
        engine.close()
    return elapsed, with_text


def _ids(engine: Engine, feed_id: int) -> list[int]:
    from akhbar_tui.models import HeadlineQuery

    return [h.id for h in engine.headlines(HeadlineQuery(feed_id=feed_id), 0, 1000)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=3)
    reps = parser.parse_args().reps
    bodies = [(PAGES / f"{name}.html").read_bytes() for name in SHAPES]
    html = {"Content-Type": "text/html; charset=utf-8"}
    sites = [
        SiteServer(
            f"127.0.0.{2 + s}",
            {
                f"/page/{n}": Reply(body=bodies[(s + n) % len(bodies)], headers=html)
                for n in range(ITEMS)
            },
        ).start()
        for s in range(FULL_TEXT_FEEDS)
    ]
    feeds = FeedServer().start()
    try:
        urls = []
        for f in range(FEEDS):
            if f < FULL_TEXT_FEEDS:
                links = [sites[f].url(f"/page/{n}") for n in range(ITEMS)]
            else:
                links = [f"https://example.org/{f}/{n}" for n in range(ITEMS)]
            feeds.routes[f"/feed/{f}"] = feed(rss(f, links))
            urls.append(feeds.url(f"/feed/{f}"))
        one_refresh(urls, full_text=False)  # warm-up: imports, parse workers' first start
        base = [one_refresh(urls, full_text=False)[0] for _ in range(reps)]
        runs = [one_refresh(urls, full_text=True) for _ in range(reps)]
    finally:
        feeds.stop()
        for site in sites:
            site.stop()
    pages = FULL_TEXT_FEEDS * ITEMS
    assert all(count == pages for _, count in runs), runs
    with_full = statistics.median(t for t, _ in runs)
    without = statistics.median(base)
    print(f"{FEEDS} feeds x {ITEMS} items, cold refresh, median of {reps}")
    print(f"  full_text off everywhere:           {without:6.2f} s")
    print(f"  full_text on {FULL_TEXT_FEEDS} feeds ({pages} pages): {with_full:6.2f} s")
    extra = with_full - without
    print(f"  cost of full text: {extra:.2f} s in all, {extra / pages * 1000:.1f} ms per page")


if __name__ == "__main__":
    main()
