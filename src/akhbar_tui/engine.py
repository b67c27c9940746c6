"""The use cases of akhbar, headless: refresh, read, mark, star, change the feed list.

The UI and the command line call only this. An `Engine` is safe to use from several threads at
once: each thread gets its own SQLite connection (WAL: reads never wait for a refresh), and a
refresh runs in whichever thread awaits `refresh()`, with its own HTTP client and parse workers.
Changes to the feed list and settings go through `config`'s writer, after which `config` is read
again from the file, so the file stays the single source of truth.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from akhbar_tui import config as config_module
from akhbar_tui.config import Config
from akhbar_tui.errors import ConfigError
from akhbar_tui.models import (
    Article,
    Feed,
    FeedSpec,
    Headline,
    HeadlineQuery,
    RefreshProgress,
    RefreshReport,
    SearchHit,
    SearchOrder,
)
from akhbar_tui.phrase import Phrase
from akhbar_tui.store import Store


class Engine:
    """akhbar's core: one feeds.toml (`config`) and one article database."""

    def __init__(self, config: Config, database: Path) -> None:
        self.config = config
        self.database = database
        """The article database's path (the reader's search indexer opens it in a child)."""
        self._store = Store(database)
        self._store.sync_feeds(config.feeds)

    # -- refresh --------------------------------------------------------------------------------

    async def refresh(
        self,
        feeds: Sequence[FeedSpec] | None = None,
        on_progress: Callable[[RefreshProgress], None] | None = None,
    ) -> RefreshReport:
        """Fetch, parse and store `feeds` (default: every enabled feed) concurrently.

        Feeds that left feeds.toml lose their unstarred articles first. Every feed ends with a
        `FeedResult` (new/updated/ok/unchanged/failed with a human reason) in the order given;
        `on_progress` is called in this thread after each feed is stored.
        """
        from akhbar_tui.engine_refresh import Refresh

        started = time.monotonic()
        chosen = self.config.enabled_feeds if feeds is None else feeds
        specs = list({spec.url: spec for spec in chosen}.values())  # each url once
        self._store.sync_feeds(self.config.feeds)
        self._store.purge_removed_feeds()
        feed_ids = self._store.add_detached_feeds(specs)
        results = await Refresh(
            self._store, self.config.settings, specs, feed_ids, on_progress
        ).run()
        self._store.forget_old_pruned()
        self._store.set_last_refresh(datetime.now(UTC))
        ordered = tuple(results[spec.url] for spec in specs)
        return RefreshReport(results=ordered, elapsed=time.monotonic() - started)

    async def discover(self, page_url: str) -> list[str]:
        """The feed URLs a web page links (`<link rel="alternate">`); [page_url] if it is a feed.

        Raises FetchError when the page cannot be fetched.
        """
        from akhbar_tui.errors import FeedParseError, FetchError
        from akhbar_tui.fetch import Fetcher
        from akhbar_tui.parse import discover_feed_links, parse_feed

        async with Fetcher(self.config.settings) as fetcher:
            outcome = await fetcher.fetch(page_url)
        if outcome.error is not None:
            raise FetchError(f"{page_url}: {outcome.error}")
        base = outcome.final_url or page_url
        links = discover_feed_links(outcome.body, base)
        if links:
            return links
        try:
            parse_feed(outcome.body, outcome.headers, spec=FeedSpec(url=base), base_url=base)
        except FeedParseError:
            return []
        return [base]

    def last_refresh(self) -> datetime | None:
        """When the last refresh finished (any process), None before the first."""
        return self._store.last_refresh()

    # -- reads ----------------------------------------------------------------------------------

    def feeds(self) -> list[Feed]:
        """The feeds of feeds.toml in its order, with unread/total counts and fetch state."""
        return self._store.feeds()

    def headline_count(self, query: HeadlineQuery) -> int:
        """How many headlines the query selects (for a virtual list's height)."""
        return self._store.headline_count(query)

    def headlines(self, query: HeadlineQuery, offset: int = 0, limit: int = 100) -> list[Headline]:
        """One page of headlines, newest first; no bodies, so any page is cheap."""
        return self._store.headlines(query, offset, limit)

    def headline_position(self, query: HeadlineQuery, article_id: int) -> int | None:
        """Where an article sits in the query's list now (to keep a selection across refreshes)."""
        return self._store.headline_position(query, article_id)

    def article(self, article_id: int) -> Article:
        """One article with its bodies; StoreError when retention or a removal dropped it."""
        return self._store.article(article_id)

    # -- state changes ----------------------------------------------------------------------------

    def mark_read(self, article_id: int, read: bool = True) -> None:
        """Mark one article read (or unread again)."""
        self._store.mark_read(article_id, read)

    def mark_all_read(self, query: HeadlineQuery) -> int:
        """Mark everything the query selects as read; returns how many changed."""
        return self._store.mark_all_read(query)

    def star(self, article_id: int, starred: bool = True) -> None:
        """Star (keep forever) or unstar one article."""
        self._store.star(article_id, starred)

    def set_full_text(self, article_id: int, text: str | None) -> None:
        """Keep the main text extracted from an article's web page."""
        self._store.set_full_text(article_id, text)

    async def fetch_full_text(self, article_id: int) -> Article:
        """Fetch the article's web page and keep its main text (the reader's `f` key).

        The page is fetched with the refresh's limits and its main text stored with the article
        (`Article.full_text`: the extracted HTML fragment for `article_text.parse`), so it opens
        offline. On failure a `FullTextError` (a FetchError) says why, and the article keeps the
        feed's own text. Run it in a worker: it awaits the network, extraction runs in a thread.
        """
        from akhbar_tui.fetch import Fetcher
        from akhbar_tui.fulltext import FullTextError, fetch_full_text

        article = self.article(article_id)
        if not article.link:
            raise FullTextError("this article has no link to its web page")
        async with Fetcher(self.config.settings) as fetcher:
            full = await fetch_full_text(fetcher, article.link)
        self._store.set_full_text(article_id, full.html)
        return self.article(article_id)

    def add_feed(self, spec: FeedSpec) -> None:
        """Append a feed to feeds.toml (ConfigError on a duplicate) and reload the file."""
        config_module.add_feed(self.config.path, spec)
        self._reload()

    def remove_feed(self, url_or_title: str) -> FeedSpec:
        """Remove a feed from feeds.toml; its unstarred articles go at the next refresh."""
        removed = config_module.remove_feed(self.config.path, url_or_title)
        self._reload()
        return removed

    def save_setting(self, key: str, value: object) -> None:
        """Write one `[settings]` value to feeds.toml (validated there) and reload the file."""
        config_module.set_setting(self.config.path, key, value)
        self._reload()

    def _reload(self) -> None:
        self.config = config_module.load_config(self.config.path)
        self._store.sync_feeds(self.config.feeds)

    # -- search ---------------------------------------------------------------------------------

    def search(
        self,
        query: str,
        feed: str | None = None,
        unread_only: bool = False,
        order: SearchOrder = "newest",
        limit: int = 100,
        *,
        catch_up: bool = True,
    ) -> list[SearchHit]:
        """Articles matching what the user typed, newest or most relevant first.

        Any string is a query (nothing to look for → no hits, never an error); Arabic words
        match across harakat, hamza forms and proclitics (see `search_query`). `feed` is a
        feed's URL or title (ConfigError when no feed has it). With `catch_up` the index first
        takes in articles stored since the last catch-up; the app passes False and calls
        `update_search_index` in the background after a refresh instead.
        """
        from akhbar_tui.search_query import parse

        if catch_up:
            self.update_search_index()
        parsed = parse(query)
        if parsed is None:
            return []
        feed_ids = None if feed is None else self._feed_ids_named(feed)
        return self._store.search(
            parsed, feed_ids=feed_ids, unread_only=unread_only, order=order, limit=limit
        )

    def update_search_index(self) -> int:
        """Index the articles stored or edited since the last catch-up; returns how many."""
        return self._store.update_search_index()

    def search_matches(self, text: str, query: str) -> list[tuple[int, int]]:
        """(start, end) offsets of the query's matches in `text`, e.g. an opened article's
        plain text (`article_text.parse(...).text`), for highlighting."""
        from akhbar_tui.search_text import match_spans

        return match_spans(text, query)

    def _feed_ids_named(self, name: str) -> list[int]:
        """The ids of the feeds whose URL or title is `name` (case-insensitive)."""
        key = name.strip().casefold()
        ids = [f.id for f in self.feeds() if key in (f.url.casefold(), f.title.casefold())]
        if not ids:
            raise ConfigError(
                Phrase("config.no_such_feed", name=name), hint=Phrase("config.no_such_feed.hint")
            )
        return ids

    def close(self) -> None:
        """Close every database connection this engine opened."""
        self._store.close()
