"""Feed documents → `Article`s, with feedparser as the parser and every text cleaned.

feedparser stays the parser because it is the most tolerant of broken feeds. Around it:

- the bytes are decoded by `encoding.to_utf8` first (declared charset honoured, mislabelled
  windows-1256 Arabic recovered) and always handed over as a stream, never as a string that
  feedparser would treat as a URL or a file name;
- feedparser's HTML sanitizer and relative-URI rewriting are off: `article_text` parses the HTML
  with a real parser later and keeps only text, so they would cost half the parse time for
  nothing; each entry's *link* is still resolved against the feed's base and xml:base;
- every text field passes through `clean_text` (escape sequences, controls, bidi overrides);
  Rich/Textual markup is stored verbatim, since the UI shows text literally;
- what is not a feed ends in a `FeedParseError` that says what it is instead.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import unicodedata
from collections.abc import Mapping
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.sax import SAXParseException

import feedparser

from akhbar_tui.encoding import to_utf8
from akhbar_tui.errors import FeedParseError
from akhbar_tui.models import Article, FeedSpec, ParsedFeed, TextDirection
from akhbar_tui.text_clean import clean_html, clean_text

__all__ = [
    "MAX_TAGS",
    "NotAFeedError",
    "clean_text",
    "direction_of",
    "discover_feed_links",
    "parse_feed",
]

_MAX_GUID_CHARS = 512
MAX_TAGS = 250_000
"""Documents with more `<` than this are refused: feedparser spends 20–40 µs per element, so a
10 MB body of bare tags would cost minutes of CPU. Real feeds stay far below (a 10 MB feed of
the bench corpus's shape has about 125,000)."""
_RTL_LANGUAGES = frozenset(
    {"ar", "arc", "azb", "bal", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "lrc", "mzn", "nqo"}
    | {"pnb", "prs", "ps", "sd", "sdh", "syr", "ug", "ur", "yi"}
)
_RTL_SCRIPTS = frozenset({"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"})
_HTML_MARKUP = ("text/html", "application/xhtml+xml")
_WHITESPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>|&[#\w]+;")
_FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/json",
    "text/xml",
    "application/xml",
)


class NotAFeedError(FeedParseError):
    """A document that is no feed at all; `feed_links` lists the feeds an HTML page names."""

    def __init__(self, message: str, feed_links: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.feed_links = feed_links


def parse_feed(
    body: bytes,
    headers: Mapping[str, str],
    *,
    spec: FeedSpec,
    base_url: str | None = None,
) -> ParsedFeed:
    """Read one fetched document as a feed: metadata plus cleaned, de-duplicated articles.

    `headers` are the response headers (any case): their charset is honoured and their
    Content-Type helps recognise an HTML page. `base_url` (the final URL after redirects,
    default `spec.url`) resolves relative links. Recoverable errors become
    `ParsedFeed.warning`; a document that yields nothing usable raises `FeedParseError`
    (`NotAFeedError` when it is an HTML page, JSON, text or binary data).
    """
    if not body.strip():
        raise FeedParseError("empty response")
    tags = body.count(b"<")
    if tags > MAX_TAGS:
        raise FeedParseError(f"feed too complex to parse: {tags} tags (limit {MAX_TAGS})")
    lowered = {k.lower(): v for k, v in headers.items()}
    base = base_url or spec.url
    decoded = to_utf8(body, lowered)
    # No Content-Location: feedparser would join every element's xml:base with it (a tenth of
    # the parse time); links are joined with `base` here instead, and guids stay base-free.
    response_headers = {"content-type": "application/xml; charset=utf-8"}
    if "content-language" in lowered:
        response_headers["content-language"] = lowered["content-language"]
    result = feedparser.parse(
        io.BytesIO(decoded.body),
        response_headers=response_headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    entries = result.get("entries") or []
    xml_problem = _xml_problem(result) if result.get("bozo") else None
    if not result.get("version") and not entries:
        _raise_not_a_feed(body, lowered, base, xml_problem)
    if xml_problem and not entries:
        raise FeedParseError(xml_problem)

    feed = result.get("feed") or {}
    feed_lang = _language(feed.get("language")) or _language(lowered.get("content-language"))
    articles: list[Article] = []
    seen: set[str] = set()
    for entry in entries:
        article = _article(entry, spec=spec, base=base, feed_lang=feed_lang)
        if article.guid not in seen:
            seen.add(article.guid)
            articles.append(article)

    warning = "; ".join(w for w in (decoded.note, xml_problem) if w) or None
    return ParsedFeed(
        title=_plain(feed.get("title_detail") or feed.get("title")) or None,
        site_url=_web_link(feed.get("link"), base),
        lang=spec.lang or feed_lang,
        articles=tuple(articles),
        warning=warning,
    )


def _article(entry: Any, *, spec: FeedSpec, base: str | None, feed_lang: str | None) -> Article:
    """One feedparser entry → an `Article` with a stable guid and cleaned text."""
    title = _plain(entry.get("title_detail") or entry.get("title"))
    link = _web_link(entry.get("link"), base)
    summary_html = _as_html(entry.get("summary_detail") or entry.get("summary"))
    content_html = _content_html(entry.get("content"))
    entry_lang = None
    for detail in (entry.get("title_detail"), entry.get("summary_detail")):
        if detail and detail.get("language"):
            entry_lang = _language(detail["language"])
            break
    lang = spec.lang or entry_lang or feed_lang
    # dict.get: FeedParserDict maps a missing "updated" to "published", with a deprecation warning.
    date = entry.get("published") or dict.get(entry, "updated") or ""
    return Article(
        feed_url=spec.url,
        guid=_guid(entry.get("id"), link, title, date, summary_html or content_html),
        title=title,
        link=link,
        author=_plain(entry.get("author")) or None,
        published=_utc(
            entry.get("published_parsed")
            or dict.get(entry, "updated_parsed")
            or entry.get("created_parsed")
        ),
        summary_html=summary_html,
        content_html=content_html,
        lang=lang,
        direction=direction_of(
            spec.direction, lang, title, summary_html or content_html, spec_lang=spec.lang
        ),
    )


def direction_of(
    override: str,
    lang: str | None,
    title: str,
    body_html: str = "",
    *,
    spec_lang: str | None = None,
) -> TextDirection:
    """The paragraph direction of an article.

    Order: the feed's `direction` setting; a right-to-left language (the user's `lang`, the
    entry's, the feed's); then the text's first strong character (title, then body). A declared
    left-to-right language only decides when the text has no strong character, because many
    Arabic sites ship templates that declare `en-US`.
    """
    if override in ("rtl", "ltr"):
        return override  # type: ignore[return-value]
    if _is_rtl_language(spec_lang or lang):
        return "rtl"
    strong = _first_strong(title) or _first_strong(_TAG.sub(" ", body_html[:4000]))
    return strong or "ltr"


def _is_rtl_language(lang: str | None) -> bool:
    """True for a BCP 47 tag whose language or script is written right to left."""
    if not lang:
        return False
    parts = lang.lower().replace("_", "-").split("-")
    return parts[0] in _RTL_LANGUAGES or any(p in _RTL_SCRIPTS for p in parts[1:])


def _first_strong(text: str) -> TextDirection | None:
    """The direction of the first strongly directional character in `text`, if any."""
    for ch in text:
        if ch.isascii():
            if ch.isalpha():
                return "ltr"
            continue
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return None


def _language(value: Any) -> str | None:
    """A cleaned, lower-case language tag, or None."""
    if not isinstance(value, str):
        return None
    tag = clean_text(value).strip().lower().replace("_", "-")
    return tag[:35] or None


def _plain(detail: Any) -> str:
    """A one-line plain text from a feedparser value or detail dict (HTML tags dropped)."""
    if not detail:
        return ""
    if isinstance(detail, str):
        value, kind = detail, "text/plain"
    else:
        value, kind = detail.get("value") or "", detail.get("type") or "text/plain"
    if kind in _HTML_MARKUP and ("<" in value or "&" in value):
        value = _html_to_text(value)
    return _WHITESPACE.sub(" ", clean_text(value)).strip()


def _as_html(detail: Any) -> str:
    """The HTML of a summary or content detail; plain text is escaped so it stays text."""
    if not detail:
        return ""
    if isinstance(detail, str):
        return clean_html(detail)
    if (detail.get("type") or "text/html") in _HTML_MARKUP:
        return clean_html(detail.get("value") or "")
    value = clean_text(detail.get("value") or "")
    return html.escape(value, quote=False).replace("\n", "<br>\n")


def _content_html(contents: Any) -> str:
    """The entry's main content: the first HTML `<content>`, else the first of any type."""
    if not contents:
        return ""
    for item in contents:
        if item.get("type") in _HTML_MARKUP:
            return _as_html(item)
    return _as_html(contents[0])


def _guid(raw_id: Any, link: str | None, title: str, date: str, body: str) -> str:
    """The article's stable id: its guid, else its link, else a hash of title, date, summary."""
    guid = clean_text(raw_id).strip() if isinstance(raw_id, str) else ""
    guid = guid or link or ""
    if guid and len(guid) <= _MAX_GUID_CHARS:
        return guid
    source = guid or "\x1f".join((title, str(date), body))
    return "sha1:" + hashlib.sha1(source.encode("utf-8", "surrogatepass")).hexdigest()


def _web_link(value: Any, base: str | None) -> str | None:
    """An absolute http(s) link resolved against `base`, or None for any other scheme."""
    if not isinstance(value, str) or not value.strip():
        return None
    link = clean_text(value).strip()
    if base:
        try:
            link = urljoin(base, link)
        except ValueError:
            return None
    try:
        parts = urlsplit(link)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return link


def _utc(parsed: Any) -> datetime | None:
    """feedparser's UTC `struct_time` → an aware UTC datetime (None if absent or absurd)."""
    if not parsed:
        return None
    try:
        return datetime(*parsed[:6], tzinfo=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


class _TextCollector(HTMLParser):
    """Collects the character data of an HTML fragment (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html_to_text(fragment: str) -> str:
    """The text of a small HTML fragment such as an HTML-typed title."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return "".join(collector.parts)


class _FeedLinkFinder(HTMLParser):
    """Collects `<link rel="alternate">` hrefs whose type names a feed format."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "base" and self.base is None and attributes.get("href"):
            self.base = attributes["href"]
        if tag != "link":
            return
        rels = attributes.get("rel", "").lower().split()
        kind = attributes.get("type", "").lower().split(";")[0].strip()
        if "alternate" in rels and kind in _FEED_TYPES and attributes.get("href"):
            self.hrefs.append(attributes["href"])


def discover_feed_links(html_bytes: bytes, base_url: str) -> list[str]:
    """The feeds a web page announces with `<link rel="alternate" type=…>`, as absolute URLs.

    Used by `feeds add --discover` and to make "not a feed: got an HTML page" say where the
    feed is. Only http(s) links are returned, in page order, without duplicates.
    """
    finder = _FeedLinkFinder()
    try:
        finder.feed(html_bytes[: 2 * 1024 * 1024].decode("utf-8", errors="replace"))
        finder.close()
    except AssertionError:  # html.parser gives up on some hostile markup; keep what it found
        pass
    base = urljoin(base_url, finder.base) if finder.base else base_url
    links = (_web_link(href, base) for href in finder.hrefs)
    return list(dict.fromkeys(link for link in links if link))


def _xml_problem(result: Any) -> str | None:
    """A human sentence for feedparser's bozo exception, or None when it is harmless."""
    exc = result.get("bozo_exception")
    if exc is None:
        return None
    if isinstance(exc, SAXParseException):
        return f"XML error at line {exc.getLineNumber()}: {clean_text(exc.getMessage())}"
    name = type(exc).__name__
    if name in ("NonXMLContentType", "CharacterEncodingOverride"):
        return None
    message = clean_text(str(exc)).strip()
    return f"XML error: {message}" if message else f"XML error ({name})"


def _raise_not_a_feed(
    body: bytes, headers: Mapping[str, str], base: str | None, xml_problem: str | None
) -> None:
    """Raise the error that names what a document without any feed structure is instead."""
    head = body[:4096].lstrip()
    lowered = head.lower()
    content_type = headers.get("content-type", "").lower()
    if b"<html" in lowered or b"<!doctype html" in lowered or "text/html" in content_type:
        links = tuple(discover_feed_links(body, base or ""))
        suffix = f"; it links to the feed {', '.join(links)}" if links else ""
        raise NotAFeedError("not a feed: got an HTML page" + suffix, links)
    if head[:1] in (b"{", b"["):
        raise NotAFeedError("not a feed: got JSON")
    if head.startswith(b"<"):
        raise FeedParseError(xml_problem or "not a feed: XML that is neither RSS nor Atom")
    printable = sum(1 for byte in head[:512] if byte >= 0x20 or byte in b"\t\r\n")
    if printable < 0.9 * min(len(head), 512):
        raise NotAFeedError("not a feed: got binary data")
    raise NotAFeedError("not a feed: got plain text")
