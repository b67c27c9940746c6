"""Real failure reasons from the real engine, one per failure class, for the i18n reason tests.

`produce(tmp)` serves every kind of failure on 127.0.0.1 (statuses, a hang, an oversize body,
redirect loops, bad compression, web pages, JSON, text, binary data, broken XML, a TLS server with
an untrusted certificate, a socket that hangs up, a refusing port, a proxy that cannot tunnel),
runs `Engine.refresh` over them and reads each feed's `last_error` back from the SQLite file;
article pages fail through `Engine.fetch_full_text`, a page without feeds through
`Engine.discover`, and the few cases a feeds.toml cannot hold (a non-http URL, a broken URL, a
proxy) through the `Fetcher`. `CASES` maps each case to the template id it must give.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from engine_helpers import write_config
from feedserver import (
    FeedServer,
    Reply,
    feed,
    hang,
    oversize,
    redirect,
    self_signed,
    status,
)

from akhbar_tui.engine import Engine
from akhbar_tui.errors import FetchError
from akhbar_tui.fetch import MAX_BODY_BYTES, Fetcher
from akhbar_tui.models import HeadlineQuery
from akhbar_tui.settings import Settings

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
FULLTEXT = Path(__file__).parent / "fixtures" / "fulltext"
HTML = "text/html; charset=utf-8"
PAGE_WITH_FEED = (
    b'<!doctype html><html><head><link rel="alternate" type="application/rss+xml" '
    b'href="/feeds/news.xml"></head><body>home</body></html>'
)

# Feeds in feeds.toml: path on the test server → the template id its failure must match.
FEED_CASES = {
    "/404": "reason.http.not_found",
    "/410": "reason.http.gone",
    "/403": "reason.http.forbidden",
    "/429": "reason.http.too_many_requests",
    "/500": "reason.http.server_error",
    "/418": "reason.http.status",
    "/busy": "reason.http.retry_after",
    "/300": "reason.http.unexpected",
    "/hang": "reason.timed_out",
    "/big": "reason.too_large.mb",
    "/loop": "reason.redirects",
    "/to-file": "reason.redirect_scheme",
    "/bad-gzip": "reason.decompress",
    "/brotli": "reason.content_encoding",
    "/home": "reason.not_feed.html_links",
    "/bare-page": "reason.not_feed.html",
    "/broken.xml": "reason.xml.at_line",
    "/data.json": "reason.not_feed.json",
    "/notes.txt": "reason.not_feed.text",
    "/garbage": "reason.not_feed.binary",
    "/catalog.xml": "reason.not_feed.xml",
    "/blank": "reason.empty",
    "/huge.xml": "reason.too_complex",
}
OTHER_CASES = {
    "refused": "reason.refused",
    "no such host": "reason.host_not_found",
    "hang up": "reason.broken_answer",
    "tls": "reason.tls",
    "ftp": "reason.scheme",
    "broken url": "reason.invalid_url",
    "proxy": "reason.proxy",
    "byte cap": "reason.too_large.bytes",
    "discover": "reason.at_url",
    "page: no link": "reason.page.no_link",
    "page: pdf": "reason.page.not_html",
    "page: unlabelled": "reason.page.unlabelled",
    "page: empty": "reason.page.empty",
    "page: no text": "reason.page.no_text",
    "page: whitespace": "reason.page.no_text_empty",
}
CASES = {**FEED_CASES, **OTHER_CASES}

PAGES = {  # article pages the full-text cases link to
    "/pdf": Reply(body=b"%PDF-1.4 ...", headers={"Content-Type": "application/pdf"}),
    "/unlabelled": Reply(body=b"\x00\x01\x02 binary"),
    "/empty-page": Reply(body=b"", headers={"Content-Type": HTML}),
    "/no-text": Reply(
        body=(FULLTEXT / "no_main_text.html").read_bytes(), headers={"Content-Type": HTML}
    ),
    "/whitespace": Reply(body=b"  \n ", headers={"Content-Type": HTML}),
}
PAGE_CASES = {
    "/pdf": "page: pdf",
    "/unlabelled": "page: unlabelled",
    "/empty-page": "page: empty",
    "/no-text": "page: no text",
    "/whitespace": "page: whitespace",
}


def routes() -> dict[str, Reply]:
    """Every failing feed and article page of `FEED_CASES` and `PAGES`."""
    return {
        **{f"/{code}": status(code) for code in (404, 410, 403, 429, 500, 418, 300)},
        "/busy": status(503, headers={"Retry-After": "3600"}),
        "/hang": hang(),
        "/big": oversize(MAX_BODY_BYTES + 1),
        "/loop": redirect("/loop"),
        "/to-file": redirect("file:///etc/passwd"),
        "/bad-gzip": Reply(body=b"not gzip at all", headers={"Content-Encoding": "gzip"}),
        "/brotli": Reply(body=b"\x1b\x00", headers={"Content-Encoding": "br"}),
        "/home": feed(PAGE_WITH_FEED, HTML),
        "/bare-page": feed(b"<!doctype html><html><body>hello</body></html>", HTML),
        "/broken.xml": feed((FEEDS / "malformed_no_items.xml").read_bytes()),
        "/data.json": feed(b'{"items": []}', "application/json"),
        "/notes.txt": feed(b"just a few words\n", "text/plain"),
        "/garbage": feed((FEEDS / "garbage.bin").read_bytes(), "application/octet-stream"),
        "/catalog.xml": feed(b'<?xml version="1.0"?><catalog><book/></catalog>', "text/xml"),
        "/blank": feed(b"  \n", "text/xml"),
        "/huge.xml": feed(b"<r>" + b"<x/>" * 250_001 + b"</r>", "text/xml"),
        **PAGES,
    }


def pages_feed(base: str) -> bytes:
    """An RSS feed whose items link to the failing article pages, plus one without a link."""
    items = [f"<item><title>{path}</title><link>{base}{path}</link></item>" for path in PAGES]
    items.append("<item><title>no link</title><guid isPermaLink='false'>x-1</guid></item>")
    return (
        f'<rss version="2.0"><channel><title>pages</title>{"".join(items)}</channel></rss>'.encode()
    )


@contextlib.contextmanager
def hanging_up() -> Iterator[str]:
    """A socket on 127.0.0.1 that reads each request and closes without answering; its URL."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                conn.recv(4096)

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/feed"
    finally:
        listener.close()


@contextlib.contextmanager
def untrusted_tls(tmp: Path) -> Iterator[str | None]:
    """An https server with a throwaway self-signed certificate; None without openssl."""
    if shutil.which("openssl") is None:
        yield None
        return
    context = self_signed(tmp)
    with FeedServer({"/feed": feed(b"<rss/>")}, tls=context) as server:
        yield server.url("/feed")


def closed_port_url() -> str:
    """A URL on a port of 127.0.0.1 that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/feed"


async def _fetch_error(url: str, *, max_bytes: int = MAX_BODY_BYTES) -> str | None:
    async with Fetcher(Settings(timeout_seconds=5), max_bytes=max_bytes) as fetcher:
        return (await fetcher.fetch(url)).error


async def _engine_cases(tmp: Path, server: FeedServer, others: dict[str, str]) -> dict[str, str]:
    """Refresh every failing feed with the engine; page and discovery failures through it too."""
    server.routes["/pages.xml"] = feed(pages_feed(server.url("")))
    urls = {server.url(path): path for path in FEED_CASES} | {u: n for n, u in others.items()}
    config = write_config(
        tmp / "feeds.toml", [*urls, server.url("/pages.xml")], settings="timeout_seconds = 1"
    )
    engine = Engine(config, tmp / "akhbar.db")
    try:
        report = await engine.refresh()
        by_url = {feed.url: feed.last_error for feed in engine.feeds()}
        for result in report.failed:  # what the CLI prints is what the database holds
            assert by_url[result.url] == result.reason, result
        found = {name: by_url[url] or "" for url, name in urls.items()}
        pages_id = next(f.id for f in engine.feeds() if f.url.endswith("/pages.xml"))
        for headline in engine.headlines(HeadlineQuery(feed_id=pages_id)):
            name = PAGE_CASES[headline.title] if headline.link else "page: no link"
            with pytest.raises(FetchError) as caught:
                await engine.fetch_full_text(headline.id)
            found[name] = str(caught.value)
        with pytest.raises(FetchError) as caught:
            await engine.discover(server.url("/404"))
        found["discover"] = str(caught.value)
    finally:
        engine.close()
    return found


async def _produce(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    for name in ("SSL_CERT_FILE", "SSL_CERT_DIR", "HTTPS_PROXY", "https_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    with FeedServer(routes()) as server, hanging_up() as hang_up, untrusted_tls(tmp) as tls:
        others = {"refused": closed_port_url(), "no such host": "http://feeds.invalid/rss"}
        others["hang up"] = hang_up
        if tls is not None:
            others["tls"] = tls
        found = await _engine_cases(tmp, server, others)
        found["ftp"] = await _fetch_error("ftp://127.0.0.1/feed") or ""
        found["broken url"] = await _fetch_error("http://[::1/feed") or ""
        found["byte cap"] = await _fetch_error(server.url("/huge.xml"), max_bytes=1000) or ""
        monkeypatch.setenv("HTTPS_PROXY", server.url("/"))  # it cannot tunnel: 501 to CONNECT
        found["proxy"] = await _fetch_error("https://feeds.invalid/rss") or ""
    return found


def produce(tmp: Path) -> dict[str, str]:
    """Case name → the reason the engine gave (see the module docstring)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        return asyncio.run(_produce(tmp, monkeypatch))
