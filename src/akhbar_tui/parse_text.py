"""What parsing a feed needs besides feedparser: direction, links, and naming what is not a feed.

- `direction_of`: an article's paragraph direction from the user's setting, the declared
  languages and, failing those, the text itself;
- `web_link`: an entry's or feed's link made absolute and kept only when it is http(s);
- `html_to_text`: the text of a small HTML fragment (an HTML-typed title);
- `discover_feed_links`: the feeds a web page announces, for `feeds add --discover` and for
  the error a refresh gives when a feed URL answers with a page;
- `raise_not_a_feed`: the `NotAFeedError` that says what a document is instead of a feed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

from akhbar_tui.errors import FeedParseError
from akhbar_tui.models import TextDirection
from akhbar_tui.text_clean import clean_text

__all__ = [
    "NotAFeedError",
    "direction_of",
    "discover_feed_links",
    "html_to_text",
    "raise_not_a_feed",
    "web_link",
]

_RTL_LANGUAGES = frozenset(
    {"ar", "arc", "azb", "bal", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "lrc", "mzn", "nqo"}
    | {"pnb", "prs", "ps", "sd", "sdh", "syr", "ug", "ur", "yi"}
)
_RTL_SCRIPTS = frozenset({"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"})
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


def web_link(value: Any, base: str | None) -> str | None:
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


class _TextCollector(HTMLParser):
    """Collects the character data of an HTML fragment (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(fragment: str) -> str:
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
    links = (web_link(href, base) for href in finder.hrefs)
    return list(dict.fromkeys(link for link in links if link))


def raise_not_a_feed(
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
