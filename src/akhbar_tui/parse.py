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
- what is not a feed ends in a `FeedParseError` that says what it is instead (`parse_text`).

feedparser spends most of a refresh's CPU time, so three runtime settings make it cheaper
without changing what it returns (`_speed_up_feedparser`, applied once at import; a test parses
feeds with and without them and compares the results):

- expat buffers character data (`sax_buffered`), so feedparser handles one piece of text per
  element instead of one per line and per entity reference;
- the table feedparser translates every text through (windows-1252 code points 128–159) is a
  list indexed by code point instead of a dict: `str.translate` looks every non-ASCII character
  up in it, and a dict raises and clears a KeyError for each one (all of an Arabic text);
- `FeedParserDict.get` answers ordinary keys with `dict.get`: feedparser calls it about a
  hundred times an entry, and the original resolves aliases and raises a KeyError for a miss;
- `FeedParserDict.__deepcopy__` copies the small dict feedparser copies for every text detail
  directly, instead of through `__reduce_ex__` and a KeyError from its `__getattr__`;
- joining an empty base with an empty `xml:base`, which feedparser does for every element of a
  feed without a base URI, returns the empty string without a regex and `urljoin`.
"""

from __future__ import annotations

import copy
import hashlib
import html
import io
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any
from xml.sax import SAXParseException

import feedparser
import feedparser.api
import feedparser.mixin
import feedparser.util

from akhbar_tui import sax_buffered
from akhbar_tui.encoding import to_utf8
from akhbar_tui.errors import FeedParseError
from akhbar_tui.models import Article, FeedSpec, ParsedFeed
from akhbar_tui.parse_text import (
    NotAFeedError,
    direction_of,
    discover_feed_links,
    html_to_text,
    raise_not_a_feed,
    web_link,
)
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
_HTML_MARKUP = ("text/html", "application/xhtml+xml")
_WHITESPACE = re.compile(r"\s+")


def _speed_up_feedparser() -> None:
    """Make feedparser cheaper without changing its results (see the module docstring)."""
    if sax_buffered.__name__ not in feedparser.api.PREFERRED_XML_PARSERS:
        feedparser.api.PREFERRED_XML_PARSERS.insert(0, sax_buffered.__name__)
    cp1252 = feedparser.mixin._cp1252
    if isinstance(cp1252, dict):
        table: list[int | str] = list(range(0x10000))
        for code, replacement in cp1252.items():
            table[code] = replacement
        feedparser.mixin._cp1252 = table  # type: ignore[assignment]
    parser_dict = feedparser.util.FeedParserDict
    if getattr(parser_dict.get, "__name__", "") != "_plain_get":
        parser_dict.get = _fast_get(parser_dict)  # type: ignore[method-assign]
        parser_dict.__deepcopy__ = _deepcopy_parser_dict  # type: ignore[attr-defined]
        feedparser.mixin._urljoin = _empty_join(feedparser.mixin._urljoin)


def _fast_get(parser_dict: type[dict[str, Any]]) -> Any:
    """`FeedParserDict.get` that leaves only its aliased and computed keys to the original."""
    original = parser_dict.get
    special = frozenset(getattr(parser_dict, "keymap", {})) | {
        "category",
        "enclosures",
        "license",
        "updated",
        "updated_parsed",
    }

    def _plain_get(self: dict[str, Any], key: str, default: Any = None) -> Any:
        if key in special:
            return original(self, key, default)
        return dict.get(self, key, default)

    return _plain_get


def _deepcopy_parser_dict(self: dict[Any, Any], memo: dict[int, Any]) -> dict[Any, Any]:
    """What `copy.deepcopy` makes of a FeedParserDict, without the generic reduce protocol."""
    new = type(self)()
    memo[id(self)] = new
    state = getattr(self, "__dict__", None)
    if state:
        new.__dict__.update(copy.deepcopy(state, memo))
    for key, value in dict.items(self):
        if type(key) is not str:
            key = copy.deepcopy(key, memo)
        if value is not None and type(value) is not str:
            value = copy.deepcopy(value, memo)
        new[key] = value
    return new


def _empty_join(original: Callable[[str, str], str]) -> Callable[[str, str], str]:
    """feedparser's `_urljoin`, answering the join of two empty strings at once."""

    def _urljoin(base: str, uri: str) -> str:
        if not base and not uri and isinstance(uri, str):
            return ""
        return original(base, uri)

    return _urljoin


_speed_up_feedparser()


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
        raise_not_a_feed(body, lowered, base, xml_problem)
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
        site_url=web_link(feed.get("link"), base),
        lang=spec.lang or feed_lang,
        articles=tuple(articles),
        warning=warning,
    )


def _article(entry: Any, *, spec: FeedSpec, base: str | None, feed_lang: str | None) -> Article:
    """One feedparser entry → an `Article` with a stable guid and cleaned text."""
    title = _plain(entry.get("title_detail") or entry.get("title"))
    link = web_link(entry.get("link"), base)
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
        value = html_to_text(value)
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


def _utc(parsed: Any) -> datetime | None:
    """feedparser's UTC `struct_time` → an aware UTC datetime (None if absent or absurd)."""
    if not parsed:
        return None
    try:
        return datetime(*parsed[:6], tzinfo=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


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
