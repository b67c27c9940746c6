"""parse_feed on the fixture feeds: formats, ids, links, dates, direction, hostile text, errors."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from akhbar_tui.errors import FeedParseError
from akhbar_tui.models import FeedSpec, ParsedFeed
from akhbar_tui.parse import NotAFeedError, direction_of, discover_feed_links, parse_feed

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
URL = "https://feeds.example/dir/feed.xml"
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]")


def parse(name: str, headers: dict[str, str] | None = None, **spec: object) -> ParsedFeed:
    return parse_feed(
        (FEEDS / name).read_bytes(),
        headers or {},
        spec=FeedSpec(url=URL, **spec),  # type: ignore[arg-type]
    )


def test_rss20_english_entries_fields() -> None:
    feed = parse("rss20_en.xml", {"Content-Type": "application/rss+xml; charset=utf-8"})
    assert (feed.title, feed.site_url, feed.lang, feed.warning) == (
        "Harbour Gazette",
        "https://gazette.example/",
        "en-gb",
        None,
    )
    first, second = feed.articles
    assert first.guid == "gazette-2024-0001"
    assert first.title == "Port handles 4.2 million containers in 2024"
    assert first.link == "https://gazette.example/news/port-record"
    assert first.author == "Jane Doe"
    assert first.published == datetime(2025, 1, 14, 8, 30, tzinfo=UTC)
    assert first.summary_html == "<p>Volumes rose <b>12%</b> over the year.</p>"
    assert first.content_html.startswith("<p>Volumes rose <b>12%</b> over the year, the authority")
    assert first.direction == "ltr"
    assert first.feed_url == URL
    assert second.title == "Fish & chips prices climb"
    assert second.guid == "https://gazette.example/news/fish-chips"


def test_rss20_arabic_is_rtl_with_utc_dates() -> None:
    feed = parse("rss20_ar.xml")
    assert feed.title == "أخبار الاقتصاد"
    assert [a.direction for a in feed.articles] == ["rtl", "rtl"]
    assert feed.articles[0].published == datetime(2025, 3, 2, 5, 15, tzinfo=UTC)
    assert feed.articles[0].published.tzinfo is UTC
    assert feed.articles[1].title == "Brent يتراجع إلى 70 دولاراً"
    assert feed.articles[0].lang == "ar"


def test_rss091_without_guids_uses_link_then_a_stable_hash() -> None:
    feed = parse("rss091_en.xml")
    linked, bare = feed.articles
    assert linked.guid == "http://crier.example/stories/town-hall.html"
    assert bare.link is None
    assert re.fullmatch(r"sha1:[0-9a-f]{40}", bare.guid)
    assert parse("rss091_en.xml").articles[1].guid == bare.guid


def test_rss10_rdf_arabic() -> None:
    feed = parse("rss10_ar.rdf")
    (article,) = feed.articles
    assert article.title == "افتتاح معرض القاهرة للكتاب بمشاركة ٥٠ دولة"
    assert article.author == "محمد علي"
    assert article.published == datetime(2025, 1, 24, 8, 0, tzinfo=UTC)
    assert (article.lang, article.direction) == ("ar-eg", "rtl")


def test_atom03() -> None:
    (article,) = parse("atom03_en.xml").articles
    assert article.guid == "tag:legacy.example,2004:3"
    assert article.link == "http://legacy.example/2004/12/13/atom03"
    assert article.published == datetime(2004, 12, 13, 12, 29, 29, tzinfo=UTC)
    assert article.content_html == "<p>The <em>body</em>.</p>"
    assert article.author == "Sam Old"


def test_atom10_xml_base_resolves_links_and_html_titles_become_text() -> None:
    feed = parse("atom10_ar_xmlbase.xml")
    first, second = feed.articles
    assert feed.site_url == "https://mudawwana.example/blog/"
    assert first.link == "https://mudawwana.example/blog/posts/ai-education"
    assert second.link == "https://mudawwana.example/archive/2024/python-313"
    assert first.title == "الذكاء الاصطناعي في التعليم"
    # A plain-text summary is escaped into HTML, so `&` stays a character.
    assert first.summary_html == "ملخص قصير &amp; بسيط"
    # Relative URIs inside HTML are left for article_text (feedparser's resolver is off).
    assert 'href="/relative"' in first.content_html
    assert "<strong>xhtml</strong>" in second.content_html
    assert second.direction == "rtl"


def test_duplicate_guids_keep_the_first_and_unsafe_links_are_dropped() -> None:
    feed = parse("duplicates.xml")
    titles = [a.title for a in feed.articles]
    assert titles == ["First copy", "No guid, has link", "No guid, no link", "Unsafe link"]
    by_title = {a.title: a for a in feed.articles}
    assert by_title["No guid, has link"].link == "https://feeds.example/relative/b"
    assert by_title["No guid, has link"].guid == "https://feeds.example/relative/b"
    assert by_title["Unsafe link"].link is None
    assert len({a.guid for a in feed.articles}) == 4


def test_base_url_after_redirect_resolves_relative_links() -> None:
    feed = parse_feed(
        (FEEDS / "duplicates.xml").read_bytes(),
        {},
        spec=FeedSpec(url=URL),
        base_url="https://moved.example/new/feed",
    )
    assert feed.articles[1].link == "https://moved.example/relative/b"


def test_empty_channel_is_zero_articles_without_error() -> None:
    feed = parse("empty_channel.xml")
    assert feed.articles == ()
    assert feed.title == "Nothing yet"
    assert feed.warning is None


def test_hostile_raw_escapes_are_removed_and_markup_kept_verbatim() -> None:
    feed = parse("hostile_raw_escapes.xml")
    assert feed.title == "Hostile feed"
    first, second = feed.articles
    assert first.title == "Red alert [red]x[/red] [link=file:///etc/passwd]click[/link]"
    assert first.author == "evil@hostile.example (Mallory)"
    assert first.summary_html == "<p>body cleared</p>"
    assert second.title == "pwned and clipboard device"
    assert second.summary_html == "second\nline"
    assert feed.warning is not None and feed.warning.startswith("XML error at line 4")
    for article in feed.articles:
        for text in (article.title, article.author or "", article.summary_html):
            assert not UNSAFE.search(text)


def test_bidi_overrides_removed_marks_and_isolates_kept() -> None:
    first, second = parse("hostile_bidi_markup.xml").articles
    assert first.title == ("invoicefdp.exe [bold]not bold[/bold] [link=file:///etc/passwd]x[/link]")
    assert not UNSAFE.search(first.summary_html)
    assert second.title == ("\u200fمرحبا\u200e and \u2067عربي\u2069 with marks \u061ckept embed")
    assert second.summary_html == "tab\there"


def test_malformed_xml_with_entries_is_read_with_a_warning() -> None:
    feed = parse("malformed_with_items.xml")
    assert [a.title for a in feed.articles] == ["Salt & pepper", "Still here"]
    assert feed.warning == "XML error at line 8: not well-formed (invalid token)"


def test_malformed_xml_without_entries_names_the_line() -> None:
    with pytest.raises(FeedParseError, match=r"^XML error at line 7: mismatched tag$"):
        parse("malformed_no_items.xml")


def test_html_page_is_refused_and_names_its_feeds() -> None:
    with pytest.raises(NotAFeedError) as caught:
        parse("page.html", {"Content-Type": "text/html; charset=utf-8"})
    assert str(caught.value).startswith("not a feed: got an HTML page")
    assert caught.value.feed_links == (
        "https://feeds.example/feeds/rss.xml",
        "https://news.example/feeds/atom.xml",
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ((FEEDS / "garbage.bin").read_bytes(), "not a feed: got binary data"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', "not a feed: got JSON"),
        (b"Service temporarily unavailable, try later.\n", "not a feed: got plain text"),
        (b"<opml version='2.0'><body/></opml>", "not a feed: XML that is neither RSS nor Atom"),
        (b"   \n ", "empty response"),
    ],
)
def test_garbage_is_refused_with_what_it_is(body: bytes, message: str) -> None:
    with pytest.raises(FeedParseError, match=f"^{re.escape(message)}$"):
        parse_feed(body, {}, spec=FeedSpec(url=URL))


def test_feed_direction_override_wins() -> None:
    feed = parse("rss20_ar.xml", direction="ltr")
    assert {a.direction for a in feed.articles} == {"ltr"}
    feed = parse("rss20_en.xml", direction="rtl")
    assert {a.direction for a in feed.articles} == {"rtl"}


def test_user_language_decides_lang_and_direction() -> None:
    feed = parse("rss091_en.xml", lang="fa")
    assert {(a.lang, a.direction) for a in feed.articles} == {("fa", "rtl")}


@pytest.mark.parametrize(
    ("lang", "title", "body", "expected"),
    [
        ("ar", "Breaking: English title", "", "rtl"),
        ("ur-PK", "", "", "rtl"),
        ("ku-Arab", "", "", "rtl"),
        ("en-US", "عنوان عربي", "", "rtl"),  # Arabic sites that ship an en-US template
        ("en", "English", "", "ltr"),
        (None, "«١٢٣» خبر", "", "rtl"),
        (None, "123 — ", "<p class='x'>Texte</p>", "ltr"),
        (None, "", "<p dir='ltr'>نص</p>", "rtl"),
        (None, "2025", "", "ltr"),
    ],
)
def test_direction_of(lang: str | None, title: str, body: str, expected: str) -> None:
    assert direction_of("auto", lang, title, body) == expected


def test_discover_feed_links_resolves_against_base_tag() -> None:
    page = (
        b"<html><head><base href='https://cdn.example/site/'>"
        b"<link rel='alternate feed' type='application/atom+xml' href='atom.xml'>"
        b"<link rel='alternate' type='application/rss+xml' href='atom.xml'>"
        b"<link rel='alternate' type='text/html' href='other.html'>"
        b"</head></html>"
    )
    assert discover_feed_links(page, "https://www.example/") == [
        "https://cdn.example/site/atom.xml"
    ]


def test_html_fields_lose_references_to_controls_and_overrides() -> None:
    body = (
        "<rss version='2.0'><channel><title>t</title><item><title>x</title><guid>g</guid>"
        "<description><![CDATA[<p>\u202eevil\u202c &#x1b;[31m&#27;[0m &#8238;x &#x202A;"
        " &#65; &amp; &#x0a;</p>]]></description>"
        "</item></channel></rss>"
    ).encode()
    (article,) = parse_feed(body, {}, spec=FeedSpec(url=URL)).articles
    assert article.summary_html == "<p>evil [31m[0m x  &#65; &amp; &#x0a;</p>"
