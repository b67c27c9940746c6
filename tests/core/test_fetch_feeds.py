"""Fetch then parse, over real HTTP: each fixture feed and each failure class gives its outcome."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from feedserver import FeedServer, feed, hang, oversize, redirect, status

from akhbar_tui.errors import FeedParseError
from akhbar_tui.fetch import MAX_BODY_BYTES, Fetcher
from akhbar_tui.models import FeedSpec, ParsedFeed
from akhbar_tui.parse import parse_feed
from akhbar_tui.settings import Settings

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def fixture(name: str) -> bytes:
    return (FEEDS / name).read_bytes()


ROUTES = {
    "/en.xml": feed(fixture("rss20_en.xml"), etag='"en-1"'),
    "/ar.xml": feed(fixture("rss20_ar.xml"), "text/xml", gzip=True),
    "/old.xml": feed(fixture("rss091_en.xml"), "text/xml; charset=iso-8859-1"),
    "/rdf.xml": feed(fixture("rss10_ar.rdf"), "application/rdf+xml"),
    "/atom03.xml": feed(fixture("atom03_en.xml"), "application/atom+xml"),
    "/blog/atom.xml": feed(fixture("atom10_ar_xmlbase.xml"), "application/atom+xml"),
    "/cp1256.xml": feed(fixture("rss20_ar_cp1256.xml"), "text/xml"),
    "/mislabelled.xml": feed(
        fixture("rss20_ar_cp1256_declared_utf8.xml"), "application/rss+xml; charset=utf-8"
    ),
    "/dupes/feed": feed(fixture("duplicates.xml")),
    "/moved": redirect("/dupes/feed", 301),
    "/empty.xml": feed(fixture("empty_channel.xml")),
    "/page": feed(fixture("page.html"), "text/html; charset=utf-8"),
    "/broken.xml": feed(fixture("malformed_no_items.xml")),
    "/sloppy.xml": feed(fixture("malformed_with_items.xml")),
    "/hostile.xml": feed(fixture("hostile_raw_escapes.xml")),
    "/bidi.xml": feed(fixture("hostile_bidi_markup.xml")),
    "/garbage": feed(fixture("garbage.bin"), "application/octet-stream"),
    "/hang": hang(),
    "/big": oversize(MAX_BODY_BYTES + 1),
    "/loop": redirect("/loop"),
    "/404": status(404),
    "/500": status(500),
}


@pytest.fixture(scope="module")
def server() -> Iterator[FeedServer]:
    with FeedServer(ROUTES) as running:
        yield running


async def refresh_one(server: FeedServer, path: str) -> ParsedFeed | str:
    """Fetch and parse one path; the human reason when either step fails."""
    url = server.url(path)
    async with Fetcher(Settings(timeout_seconds=1)) as fetcher:
        outcome = await fetcher.fetch(url)
    if outcome.error:
        return outcome.error
    try:
        return parse_feed(
            outcome.body, outcome.headers, spec=FeedSpec(url=url), base_url=outcome.final_url
        )
    except FeedParseError as exc:
        return str(exc)


@pytest.mark.parametrize(
    ("path", "count", "first_title"),
    [
        ("/en.xml", 2, "Port handles 4.2 million containers in 2024"),
        ("/ar.xml", 2, "ارتفاع صادرات النفط بنسبة ٪١٢ خلال الربع الأول"),
        ("/old.xml", 2, "Town hall reopens"),
        ("/rdf.xml", 1, "افتتاح معرض القاهرة للكتاب بمشاركة ٥٠ دولة"),
        ("/atom03.xml", 1, "Atom 0.3 still exists"),
        ("/blog/atom.xml", 2, "الذكاء الاصطناعي في التعليم"),
        ("/cp1256.xml", 1, "الحكومة تعلن ميزانية جديدة بقيمة 20 مليار"),
        ("/mislabelled.xml", 1, "الحكومة تعلن ميزانية جديدة بقيمة 20 مليار"),
        ("/dupes/feed", 4, "First copy"),
        ("/empty.xml", 0, None),
    ],
)
async def test_feeds_are_fetched_and_parsed(
    server: FeedServer, path: str, count: int, first_title: str | None
) -> None:
    parsed = await refresh_one(server, path)
    assert isinstance(parsed, ParsedFeed), parsed
    assert len(parsed.articles) == count
    if first_title:
        assert parsed.articles[0].title == first_title


async def test_relative_links_resolve_against_the_final_url(server: FeedServer) -> None:
    parsed = await refresh_one(server, "/moved")
    assert isinstance(parsed, ParsedFeed)
    assert parsed.articles[1].link == server.url("/relative/b")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/hang", "timed out after 1 s"),
        ("/big", "response over 10 MB"),
        ("/loop", "too many redirects"),
        ("/404", "HTTP 404"),
        ("/500", "HTTP 500"),
        ("/broken.xml", "XML error at line 7: mismatched tag"),
        ("/garbage", "not a feed: got binary data"),
    ],
)
async def test_failure_classes_end_in_a_human_reason(
    server: FeedServer, path: str, reason: str
) -> None:
    assert await refresh_one(server, path) == reason


async def test_html_page_reason_names_the_linked_feed(server: FeedServer) -> None:
    reason = await refresh_one(server, "/page")
    assert reason == (
        "not a feed: got an HTML page; it links to the feed "
        f"{server.url('/feeds/rss.xml')}, https://news.example/feeds/atom.xml"
    )


@pytest.mark.parametrize(
    ("path", "warning"),
    [
        ("/sloppy.xml", "XML error at line 8: not well-formed (invalid token)"),
        (
            "/mislabelled.xml",
            "declared as utf-8, but the bytes are windows-1256",
        ),
        ("/hostile.xml", "XML error at line 4: not well-formed (invalid token)"),
    ],
)
async def test_recoverable_problems_are_warnings(
    server: FeedServer, path: str, warning: str
) -> None:
    parsed = await refresh_one(server, path)
    assert isinstance(parsed, ParsedFeed)
    assert parsed.articles and parsed.warning == warning


async def test_escapes_bidi_and_markup_from_the_wire(server: FeedServer) -> None:
    hostile = await refresh_one(server, "/hostile.xml")
    bidi = await refresh_one(server, "/bidi.xml")
    assert isinstance(hostile, ParsedFeed) and isinstance(bidi, ParsedFeed)
    titles = [a.title for a in hostile.articles + bidi.articles]
    assert titles[0] == "Red alert [red]x[/red] [link=file:///etc/passwd]click[/link]"
    assert titles[2] == "invoicefdp.exe [bold]not bold[/bold] [link=file:///etc/passwd]x[/link]"
    joined = "".join(titles)
    assert "\x1b" not in joined and "\u202e" not in joined and "\x07" not in joined


async def test_304_is_not_parsed(server: FeedServer) -> None:
    async with Fetcher(Settings()) as fetcher:
        first = await fetcher.fetch(server.url("/en.xml"))
        again = await fetcher.fetch(server.url("/en.xml"), etag=first.etag)
    assert first.etag == '"en-1"' and first.body
    assert again.not_modified and again.body == b""
