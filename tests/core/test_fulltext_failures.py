"""How a full-text fetch fails: always a `FullTextError` (a `FetchError`) with a human reason.

The pages are served on 127.0.0.1; the failures are the real ones (a server that never answers,
a body over the size cap, a PDF, a 404, a front page with no article on it), not mocks.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from feedserver import FeedServer, Reply, hang, redirect, status

from akhbar_tui.errors import FetchError
from akhbar_tui.fetch import MAX_BODY_BYTES, Fetcher
from akhbar_tui.fulltext import FullTextError, extract, fetch_full_text
from akhbar_tui.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "fulltext"
HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture
def site() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server


async def reason(url: str, *, timeout: int = 30) -> str:
    """The message of the FullTextError that fetching `url` raises."""
    async with Fetcher(Settings(timeout_seconds=timeout)) as fetcher:
        with pytest.raises(FullTextError) as caught:
            await fetch_full_text(fetcher, url)
    assert isinstance(caught.value, FetchError)
    return str(caught.value)


async def test_timeout(site: FeedServer) -> None:
    site.routes["/slow"] = hang()
    started = time.monotonic()
    assert await reason(site.url("/slow"), timeout=1) == "timed out after 1 s"
    assert time.monotonic() - started < 5


async def test_oversize_without_content_length(site: FeedServer) -> None:
    site.routes["/huge"] = Reply(size=MAX_BODY_BYTES + 1, omit_length=True, headers=HTML)
    assert await reason(site.url("/huge")) == "response over 10 MB"


async def test_oversize_declared(site: FeedServer) -> None:
    site.routes["/huge"] = Reply(size=MAX_BODY_BYTES * 3, headers=HTML)
    assert await reason(site.url("/huge")) == "response over 10 MB"


async def test_pdf_is_not_a_web_page(site: FeedServer) -> None:
    site.routes["/report.pdf"] = Reply(
        body=b"%PDF-1.7\n1 0 obj<<>>endobj\n", headers={"Content-Type": "application/pdf"}
    )
    assert await reason(site.url("/report.pdf")) == "not a web page: got application/pdf"


async def test_feed_is_not_a_web_page(site: FeedServer) -> None:
    body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'
    site.routes["/feed"] = Reply(body=body, headers={"Content-Type": "application/rss+xml"})
    assert await reason(site.url("/feed")) == "not a web page: got application/rss+xml"


async def test_unlabelled_binary_is_not_a_web_page(site: FeedServer) -> None:
    site.routes["/blob"] = Reply(body=b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert await reason(site.url("/blob")) == "not a web page: the server did not say what it sent"


async def test_404(site: FeedServer) -> None:
    assert await reason(site.url("/gone")) == "HTTP 404"


async def test_server_error(site: FeedServer) -> None:
    site.routes["/broken"] = status(500)
    assert await reason(site.url("/broken")) == "HTTP 500"


async def test_page_with_no_main_text(site: FeedServer) -> None:
    """A front page: menus and a list of headline links, no article."""
    page = (FIXTURES / "no_main_text.html").read_bytes()
    site.routes["/"] = Reply(body=page, headers=HTML)
    assert await reason(site.url("/")) == "no main text found on the page"


async def test_login_page_has_no_main_text(site: FeedServer) -> None:
    page = (
        b"<html><head><title>Sign in</title></head><body><nav><a href='/'>Home</a></nav>"
        b"<h1>Sign in to continue reading</h1><form><input name='user'><button>Log in"
        b"</button></form><p><a href='/reset'>Forgot your password?</a></p></body></html>"
    )
    site.routes["/login"] = Reply(body=page, headers=HTML)
    assert await reason(site.url("/login")) == "no main text found on the page"


async def test_empty_page(site: FeedServer) -> None:
    site.routes["/empty"] = Reply(body=b"", headers=HTML)
    assert await reason(site.url("/empty")) == "the page is empty"


async def test_redirect_to_another_scheme_is_refused(site: FeedServer) -> None:
    site.routes["/away"] = redirect("ftp://files.example/article.html")
    assert await reason(site.url("/away")) == "redirected to a URL that is not http or https"


async def test_only_http_and_https() -> None:
    assert await reason("file:///etc/passwd") == "only http and https URLs can be fetched"


@pytest.mark.parametrize(
    "page",
    ["", "   ", "<html></html>", "\x00\x01\x02", "<" * 10_000, "<p>" * 5_000 + "short"],
)
def test_garbage_is_no_main_text_never_a_crash(page: str) -> None:
    with pytest.raises(FullTextError, match="no main text found on the page"):
        extract(page, "https://news.example/a")
