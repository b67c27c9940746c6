"""Plain, frozen data that crosses module boundaries.

Models carry no behaviour beyond small derived properties, and no I/O: the engine hands them to
the UI and the command line, the store builds them from rows, the parser from feed entries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

Direction = Literal["auto", "rtl", "ltr"]
TextDirection = Literal["rtl", "ltr"]


@dataclass(frozen=True, slots=True)
class FeedSpec:
    """One `[[feeds]]` entry of feeds.toml, as the user wrote it (validated)."""

    url: str
    title: str | None = None
    category: str | None = None
    tags: tuple[str, ...] = ()
    lang: str | None = None
    direction: Direction = "auto"
    country: str | None = None
    enabled: bool = True
    full_text: bool = False

    @property
    def display_title(self) -> str:
        """The title to show: the user's, else the URL."""
        return self.title or self.url


@dataclass(frozen=True, slots=True)
class Feed:
    """A feed as stored: its spec fields plus fetch state and counts."""

    id: int
    url: str
    title: str
    category: str | None = None
    lang: str | None = None
    direction: Direction = "auto"
    site_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_attempt: datetime | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    consecutive_failures: int = 0
    unread: int = 0
    total: int = 0
    enabled: bool = True

    @property
    def failing(self) -> bool:
        """True when the last refresh of this feed failed."""
        return self.last_error is not None


@dataclass(frozen=True, slots=True)
class Article:
    """One entry of a feed, cleaned of control characters at parse time.

    `guid` is the stable id within its feed (guid, else link, else a hash). `id` is the store's
    integer id, None until stored. `summary_html`/`content_html` are the feed's HTML as sent
    (cleaned of controls); `article_text` turns them into plain blocks.
    """

    feed_url: str
    guid: str
    title: str
    link: str | None = None
    author: str | None = None
    published: datetime | None = None
    summary_html: str = ""
    content_html: str = ""
    lang: str | None = None
    direction: TextDirection = "ltr"
    id: int | None = None
    read: bool = False
    starred: bool = False
    full_text: str | None = None


@dataclass(frozen=True, slots=True)
class FetchOutcome:
    """The result of one conditional GET.

    `status` is the final HTTP status (304 means not modified, `body` then is empty);
    `error` is a human reason when the fetch failed, and then `body` is empty.
    """

    url: str
    status: int | None = None
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    final_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    elapsed: float = 0.0

    @property
    def not_modified(self) -> bool:
        """True for a 304: nothing to parse."""
        return self.status == 304 and self.error is None


FigureKind = Literal["money", "percent", "count", "quantity", "year", "date", "other"]
Qualifier = Literal["approx", "more_than", "less_than"]


@dataclass(frozen=True, slots=True)
class Figure:
    """A key figure found in a text; `span == text[start:end]` always holds."""

    start: int
    end: int
    span: str
    kind: FigureKind
    value: float | int | str | None
    unit: str | None = None
    qualifier: Qualifier | None = None
    sentence: str = ""


FeedStatus = Literal["new", "updated", "unchanged", "failed", "ok"]


@dataclass(frozen=True, slots=True)
class FeedResult:
    """What one feed's refresh did: counts, and the human reason when it failed."""

    url: str
    title: str
    status: FeedStatus
    new: int = 0
    updated: int = 0
    reason: str | None = None
    warning: str | None = None


@dataclass(frozen=True, slots=True)
class RefreshReport:
    """All feeds' results of one refresh, in the order of the feed list."""

    results: tuple[FeedResult, ...] = ()
    elapsed: float = 0.0

    @property
    def failed(self) -> tuple[FeedResult, ...]:
        """The feeds whose refresh failed."""
        return tuple(r for r in self.results if r.status == "failed")

    @property
    def new_articles(self) -> int:
        """How many articles this refresh stored for the first time."""
        return sum(r.new for r in self.results)

    def summary_line(self) -> str:
        """The machine-stable last line of `akhbar refresh` (never translated)."""
        unchanged = sum(1 for r in self.results if r.status == "unchanged")
        failed = len(self.failed)
        ok = len(self.results) - unchanged - failed
        return (
            f"{len(self.results)} feeds: {ok} ok, {unchanged} unchanged, {failed} failed; "
            f"{self.new_articles} new articles"
        )


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """What the parser made of one feed document: its metadata and its articles."""

    title: str | None
    site_url: str | None
    lang: str | None
    articles: tuple[Article, ...]
    warning: str | None = None


@dataclass(frozen=True, slots=True)
class RefreshProgress:
    """One step of a refresh, reported through the engine's plain progress callable."""

    done: int
    total: int
    url: str
    title: str
    status: FeedStatus


@dataclass(frozen=True, slots=True)
class HeadlineQuery:
    """Which headlines a list shows: all, one feed, one category, starred, unread only."""

    feed_id: int | None = None
    category: str | None = None
    starred_only: bool = False
    unread_only: bool = False


@dataclass(frozen=True, slots=True)
class Headline:
    """One row of the headline list: no bodies, so tens of thousands stay cheap."""

    id: int
    feed_id: int
    feed_title: str
    title: str
    published: datetime | None
    read: bool
    starred: bool
    direction: TextDirection
    lang: str | None = None
    link: str | None = None


SearchOrder = Literal["newest", "relevance"]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article found by search, with what a result list shows.

    `snippet` is a line of the article's text around its first match; `snippet_matches` and
    `title_matches` are (start, end) offsets of the matched words in `snippet` and `title`.
    Offsets in the reader's plain text come from `Engine.search_matches(text, query)` once the
    article is opened (laying out every hit's text would make each search ten times slower).
    """

    id: int
    feed_id: int
    feed_title: str
    feed_url: str
    title: str
    link: str | None
    published: datetime | None
    snippet: str
    snippet_matches: tuple[tuple[int, int], ...] = ()
    title_matches: tuple[tuple[int, int], ...] = ()
    read: bool = False
    starred: bool = False
    direction: TextDirection = "ltr"
    lang: str | None = None
