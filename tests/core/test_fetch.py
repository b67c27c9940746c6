"""Fetcher against a real HTTP server on 127.0.0.1: success, 304, every failure class, limits."""

from __future__ import annotations

import asyncio
import gzip
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from feedserver import (
    FeedServer,
    Recorded,
    Reply,
    drip,
    feed,
    hang,
    oversize,
    redirect,
    sequence,
    status,
)

from akhbar_tui import __version__
from akhbar_tui.fetch import MAX_BODY_BYTES, USER_AGENT, Fetcher
from akhbar_tui.models import FetchOutcome
from akhbar_tui.settings import Settings

XML = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
LAST_MODIFIED = "Wed, 01 Jan 2025 00:00:00 GMT"


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


async def fetch_one(url: str, settings: Settings | None = None, **kw: object) -> FetchOutcome:
    async with Fetcher(settings or Settings(timeout_seconds=5)) as fetcher:
        return await fetcher.fetch(url, **kw)  # type: ignore[arg-type]


async def test_success_returns_body_headers_and_validators(server: FeedServer) -> None:
    server.routes["/feed"] = feed(XML, etag='"v1"', last_modified=LAST_MODIFIED)
    outcome = await fetch_one(server.url("/feed"))
    assert (outcome.status, outcome.error, outcome.body) == (200, None, XML)
    assert (outcome.etag, outcome.last_modified) == ('"v1"', LAST_MODIFIED)
    assert outcome.headers["content-type"] == "application/rss+xml"
    assert outcome.final_url == server.url("/feed")
    assert outcome.elapsed > 0
    sent = server.requests[-1].headers
    assert sent["user-agent"] == USER_AGENT and f"akhbar/{__version__}" in USER_AGENT
    assert "application/rss+xml" in sent["accept"]
    assert "gzip" in sent["accept-encoding"]


async def test_gzip_body_is_decompressed(server: FeedServer) -> None:
    server.routes["/gz"] = feed(XML * 50, gzip=True)
    outcome = await fetch_one(server.url("/gz"))
    assert outcome.headers["content-encoding"] == "gzip"
    assert outcome.body == XML * 50


async def test_conditional_get_flow(server: FeedServer) -> None:
    server.routes["/feed"] = feed(XML, etag='"v1"', last_modified=LAST_MODIFIED)
    server.routes["/dated"] = feed(XML, last_modified=LAST_MODIFIED)
    async with Fetcher(Settings()) as fetcher:
        first = await fetcher.fetch(server.url("/feed"))
        second = await fetcher.fetch(
            server.url("/feed"), etag=first.etag, last_modified=first.last_modified
        )
        dated = await fetcher.fetch(server.url("/dated"), last_modified=LAST_MODIFIED)
        server.routes["/feed"] = feed(XML + b" ", etag='"v2"')
        changed = await fetcher.fetch(server.url("/feed"), etag='"v1"')
    assert second.status == 304 and second.not_modified and second.body == b""
    assert (second.etag, second.last_modified) == ('"v1"', LAST_MODIFIED)
    assert server.requests[1].headers["if-none-match"] == '"v1"'
    assert server.requests[1].headers["if-modified-since"] == LAST_MODIFIED
    assert dated.not_modified
    assert (changed.status, changed.etag, changed.body) == (200, '"v2"', XML + b" ")


async def test_hang_times_out_at_the_deadline(server: FeedServer) -> None:
    server.routes["/hang"] = hang()
    started = time.monotonic()
    outcome = await fetch_one(server.url("/hang"), Settings(timeout_seconds=1))
    assert outcome.error == "timed out after 1 s"
    assert 0.9 < time.monotonic() - started < 3


async def test_slow_drip_is_cut_by_the_total_deadline(server: FeedServer) -> None:
    # A byte every 0.1 s never trips a read timeout; only the total deadline stops it.
    server.routes["/drip"] = drip(XML * 10, chunk=1, interval=0.1)
    started = time.monotonic()
    outcome = await fetch_one(server.url("/drip"), Settings(timeout_seconds=1))
    assert outcome.error == "timed out after 1 s"
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("declare_length", [True, False])
async def test_oversize_body_is_refused(server: FeedServer, declare_length: bool) -> None:
    server.routes["/big"] = oversize(MAX_BODY_BYTES + 100_000, declare_length=declare_length)
    outcome = await fetch_one(server.url("/big"))
    assert outcome.error == "response over 10 MB"
    assert outcome.body == b""


async def test_gzip_bomb_is_stopped_at_the_cap(server: FeedServer) -> None:
    bomb = gzip.compress(b"\0" * 20_000_000)
    server.routes["/bomb"] = Reply(body=bomb, headers={"Content-Encoding": "gzip"})
    async with Fetcher(Settings(), max_bytes=1024 * 1024) as fetcher:
        outcome = await fetcher.fetch(server.url("/bomb"))
    assert len(bomb) < 100_000
    assert outcome.error == "response over 1 MB"


async def test_bad_gzip_is_a_clear_error(server: FeedServer) -> None:
    server.routes["/badgz"] = Reply(body=b"not gzip at all", headers={"Content-Encoding": "gzip"})
    outcome = await fetch_one(server.url("/badgz"))
    assert outcome.error is not None and outcome.error.startswith("could not decompress")


async def test_redirects_followed_up_to_five(server: FeedServer) -> None:
    server.routes["/feed"] = feed(XML)
    for hop in range(1, 6):
        target = "/feed" if hop == 5 else f"/hop{hop + 1}"
        server.routes[f"/hop{hop}"] = redirect(target, 301 if hop % 2 else 307)
    outcome = await fetch_one(server.url("/hop1"))
    assert (outcome.status, outcome.body, outcome.final_url) == (200, XML, server.url("/feed"))
    server.routes["/hop0"] = redirect("/hop1")
    assert (await fetch_one(server.url("/hop0"))).error == "too many redirects"


async def test_redirect_loop(server: FeedServer) -> None:
    server.routes["/loop"] = redirect("/loop")
    outcome = await fetch_one(server.url("/loop"))
    assert outcome.error == "too many redirects"
    assert server.hits("/loop") == 6


async def test_redirect_to_another_scheme_is_refused(server: FeedServer) -> None:
    server.routes["/file"] = redirect("file:///etc/passwd")
    outcome = await fetch_one(server.url("/file"))
    assert outcome.error == "redirected to a URL that is not http or https"


@pytest.mark.parametrize("code", [404, 410, 500, 502])
async def test_http_errors(server: FeedServer, code: int) -> None:
    server.routes["/err"] = status(code, b"<html>error page</html>")
    outcome = await fetch_one(server.url("/err"))
    assert (outcome.status, outcome.error, outcome.body) == (code, f"HTTP {code}", b"")


async def test_short_retry_after_is_waited_for(server: FeedServer) -> None:
    server.routes["/busy"] = sequence(status(429, headers={"Retry-After": "1"}), feed(XML))
    started = time.monotonic()
    outcome = await fetch_one(server.url("/busy"), Settings(timeout_seconds=5))
    assert (outcome.status, outcome.body) == (200, XML)
    assert server.hits("/busy") == 2
    assert time.monotonic() - started >= 0.9


@pytest.mark.parametrize(
    ("code", "retry_after", "reason"),
    [
        (429, "120", "HTTP 429, retry after 120 s"),
        (503, "3600", "HTTP 503, retry after 3600 s"),
        (503, None, "HTTP 503"),
    ],
)
async def test_long_retry_after_fails_at_once(
    server: FeedServer, code: int, retry_after: str | None, reason: str
) -> None:
    headers = {"Retry-After": retry_after} if retry_after else {}
    server.routes["/busy"] = status(code, headers=headers)
    started = time.monotonic()
    outcome = await fetch_one(server.url("/busy"))
    assert (outcome.status, outcome.error) == (code, reason)
    assert server.hits("/busy") == 1
    assert time.monotonic() - started < 5


async def test_retry_after_longer_than_the_deadline_is_not_waited(server: FeedServer) -> None:
    server.routes["/busy"] = status(429, headers={"Retry-After": "2"})
    outcome = await fetch_one(server.url("/busy"), Settings(timeout_seconds=2))
    assert outcome.error == "HTTP 429, retry after 2 s"


async def test_connection_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    outcome = await fetch_one(f"http://127.0.0.1:{port}/feed")
    assert outcome.error == "connection refused"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://127.0.0.1/feed", "only http and https URLs can be fetched"),
        ("file:///etc/passwd", "only http and https URLs can be fetched"),
        ("http://[::1/feed", "invalid URL"),
    ],
)
async def test_bad_urls_end_in_a_reason(url: str, reason: str) -> None:
    assert (await fetch_one(url)).error == reason


def _counting(delay: float) -> tuple[dict[str, int], object]:
    """A handler that holds each request `delay` s and records the peak of concurrent ones."""
    lock = threading.Lock()
    counts = {"now": 0, "peak": 0}

    def handler(request: Recorded) -> Reply:
        with lock:
            counts["now"] += 1
            counts["peak"] = max(counts["peak"], counts["now"])
        time.sleep(delay)
        with lock:
            counts["now"] -= 1
        return feed(XML)

    return counts, handler


@pytest.mark.parametrize(("per_host", "total", "peak"), [(2, 32, 2), (8, 3, 3)])
async def test_per_host_and_global_limits(
    server: FeedServer, per_host: int, total: int, peak: int
) -> None:
    counts, handler = _counting(0.2)
    server.routes["/slow"] = handler  # type: ignore[assignment]
    settings = Settings(max_per_host=per_host, max_connections=total)
    async with Fetcher(settings) as fetcher:
        outcomes = await asyncio.gather(
            *(fetcher.fetch(server.url("/slow") + f"?n={i}") for i in range(8))
        )
    assert all(o.error is None for o in outcomes)
    assert counts["peak"] == peak


async def test_hanging_feeds_do_not_hold_up_the_others(server: FeedServer) -> None:
    server.routes["/hang"] = hang()
    server.routes["/feed"] = feed(XML)
    settings = Settings(timeout_seconds=1, max_per_host=8, max_connections=8)

    async def timed(fetcher: Fetcher, path: str) -> tuple[FetchOutcome, float]:
        started = time.monotonic()
        outcome = await fetcher.fetch(server.url(path))
        return outcome, time.monotonic() - started

    async with Fetcher(settings) as fetcher:
        results = await asyncio.gather(
            *(timed(fetcher, "/hang") for _ in range(4)), timed(fetcher, "/feed")
        )
    *hung, (good, good_time) = results
    assert [o.error for o, _ in hung] == ["timed out after 1 s"] * 4
    assert good.body == XML and good_time < 0.9


async def test_deadline_starts_when_the_slot_is_free(server: FeedServer) -> None:
    server.routes["/slow"] = feed(XML, delay=0.6)
    settings = Settings(timeout_seconds=1, max_per_host=1)
    async with Fetcher(settings) as fetcher:
        outcomes = await asyncio.gather(*(fetcher.fetch(server.url("/slow")) for _ in range(2)))
    assert [o.error for o in outcomes] == [None, None]


async def test_proxy_from_the_environment(
    server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The test server plays the proxy: it receives the absolute-form request for another host.
    server.routes["/via-proxy"] = feed(XML)
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", server.url("/"))
    outcome = await fetch_one("http://feeds.invalid/via-proxy")
    assert (outcome.status, outcome.body) == (200, XML)
    assert server.requests[-1].headers["host"] == "feeds.invalid"


async def test_304s_and_redirects_reuse_one_kept_alive_connection(server: FeedServer) -> None:
    server.routes["/feed"] = feed(XML, etag='"v1"')
    server.routes["/moved"] = redirect("/feed")
    async with Fetcher(Settings(timeout_seconds=5)) as fetcher:
        outcomes = [await fetcher.fetch(server.url("/feed"), etag='"v1"') for _ in range(3)]
        moved = await fetcher.fetch(server.url("/moved"), etag='"v1"')
    assert [o.status for o in [*outcomes, moved]] == [304, 304, 304, 304]
    assert len(server.requests) == 5
    assert len({r.peer for r in server.requests}) == 1  # one connection carried them all
