"""OPML 1.0/2.0 ⇄ FeedSpecs: how feed lists move between readers.

Reading uses expat directly with handlers that refuse any DOCTYPE or entity declaration, so a
hostile file can neither expand entities (billion laughs) nor reach external resources. Nested
outlines without a feed URL become categories ("News / World").
"""

from __future__ import annotations

import xml.parsers.expat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

from akhbar_tui.errors import OpmlError
from akhbar_tui.models import FeedSpec
from akhbar_tui.phrase import Phrase

CATEGORY_SEPARATOR = " / "


@dataclass(frozen=True, slots=True)
class OpmlImport:
    """What an OPML file held: usable feeds, plus how many entries were duplicates or unusable."""

    feeds: tuple[FeedSpec, ...]
    duplicates: int = 0
    invalid: int = 0


class _Refused(Exception):
    """Raised from expat handlers to stop parsing a hostile document; `what` names what it met."""

    def __init__(self, what: Phrase) -> None:
        super().__init__(what)
        self.what = what


def parse_opml(data: bytes, *, source: str = "OPML") -> OpmlImport:
    """Read the feeds of an OPML document; hostile or malformed input raises `OpmlError`."""
    parser = xml.parsers.expat.ParserCreate()
    reader = _OutlineReader()
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.StartDoctypeDeclHandler = _refuse(Phrase("opml.refused.doctype"))
    parser.EntityDeclHandler = _refuse(Phrase("opml.refused.entity"))
    parser.ExternalEntityRefHandler = _refuse(Phrase("opml.refused.external_entity"))
    try:
        parser.Parse(data, True)
    except _Refused as refusal:
        raise OpmlError(Phrase("opml.refused", source=source, what=refusal.what)) from None
    except xml.parsers.expat.ExpatError as error:
        raise OpmlError(
            Phrase(
                "opml.not_well_formed",
                source=source,
                line=str(error.lineno),
                column=str(error.offset + 1),
                reason=xml.parsers.expat.ErrorString(error.code),
            )
        ) from None
    except (LookupError, ValueError) as error:
        raise OpmlError(Phrase("opml.cannot_decode", source=source, reason=str(error))) from None
    if not reader.saw_opml:
        raise OpmlError(Phrase("opml.not_opml", source=source))
    return OpmlImport(tuple(reader.feeds), reader.duplicates, reader.invalid)


def _refuse(what: Phrase) -> Callable[..., None]:
    """An expat handler (of any arity) that aborts parsing, naming what it met."""

    def handler(*_args: object) -> None:
        raise _Refused(what)

    return handler


class _OutlineReader:
    """Expat callbacks that walk nested <outline> elements, tracking the category path."""

    def __init__(self) -> None:
        self.feeds: list[FeedSpec] = []
        self.seen: set[str] = set()
        self.duplicates = 0
        self.invalid = 0
        self.saw_opml = False
        self.depth = 0
        self.categories: list[str | None] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """Record a feed outline, or push a category outline onto the path."""
        self.depth += 1
        if self.depth == 1:
            self.saw_opml = name.lower() == "opml"
            return
        if name.lower() != "outline":
            return
        attrs = {k.lower(): v for k, v in attrs.items()}
        url = (attrs.get("xmlurl") or "").strip()
        title = (attrs.get("title") or attrs.get("text") or "").strip() or None
        if not url:
            self.categories.append(title)
            return
        if title == url:
            title = None  # readers (akhbar too) write the URL as text when a feed has no title
        self.categories.append(None)
        self._add(url, title, attrs)

    def end(self, name: str) -> None:
        """Pop the category path when an outline closes."""
        self.depth -= 1
        if name.lower() == "outline" and self.categories:
            self.categories.pop()

    def _add(self, url: str, title: str | None, attrs: dict[str, str]) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            self.invalid += 1
            return
        if url in self.seen:
            self.duplicates += 1
            return
        self.seen.add(url)
        path = [c for c in self.categories[:-1] if c]
        category = CATEGORY_SEPARATOR.join(path) or (attrs.get("category") or "").strip() or None
        lang = (attrs.get("language") or "").strip() or None
        self.feeds.append(FeedSpec(url=url, title=title, category=category, lang=lang))


def export_opml(
    feeds: tuple[FeedSpec, ...] | list[FeedSpec], *, now: datetime | None = None
) -> str:
    """OPML 2.0 text for `feeds`, grouped into one outline per category."""
    stamp = format_datetime(now or datetime.now(UTC), usegmt=True)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head>",
        "    <title>akhbar feeds</title>",
        f"    <dateCreated>{stamp}</dateCreated>",
        "  </head>",
        "  <body>",
    ]
    groups: dict[str | None, list[FeedSpec]] = {}
    for feed in feeds:
        groups.setdefault(feed.category, []).append(feed)
    for category, members in groups.items():
        indent = "    "
        if category:
            lines.append(f"    <outline text={quoteattr(category)} title={quoteattr(category)}>")
            indent = "      "
        for feed in members:
            lines.append(indent + _feed_outline(feed))
        if category:
            lines.append("    </outline>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _feed_outline(feed: FeedSpec) -> str:
    """One `<outline type="rss" …/>` element with every attribute escaped."""
    title = feed.title or feed.url
    attrs = f'type="rss" text={quoteattr(title)} title={quoteattr(title)}'
    attrs += f" xmlUrl={quoteattr(feed.url)}"
    if feed.lang:
        attrs += f" language={quoteattr(feed.lang)}"
    return f"<outline {attrs}/>"
