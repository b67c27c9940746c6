"""The article database: one SQLite file, safe to share between threads and processes.

Every thread gets its own connection (SQLite connections must not be shared across threads while
in use); all of them are closed by `close()`. The file is in WAL mode, so readers never wait for
a refresh that writes, and a busy timeout makes a second writer wait its turn instead of failing.
Writes go through `atomic()`, which opens `BEGIN IMMEDIATE` (taking the write lock up front, so
a read-then-write transaction cannot deadlock against another process) and nests as savepoints.
Temporary storage is in memory: inside a transaction SQLite keeps a statement journal for every
insert that may fail halfway, and on disk that journal cost a cold refresh of the bench corpus
about 150,000 `pwrite` calls (a third of its system time); in memory it holds only the pages
one statement touched.

The store returns models, never rows. Reads live in `store_queries`, refresh writes in
`store_write`, the schema in `store_schema`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from akhbar_tui import store_queries, store_write
from akhbar_tui.errors import StoreError
from akhbar_tui.models import (
    Article,
    Feed,
    FeedSpec,
    Headline,
    HeadlineQuery,
    ParsedFeed,
    SearchHit,
    SearchOrder,
)
from akhbar_tui.store_schema import migrate

if TYPE_CHECKING:
    from akhbar_tui.search_query import SearchQuery

BUSY_TIMEOUT_MS = 15_000


class Store:
    """SQLite access for the engine: connection per thread, migrations, `atomic()`, models out."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._closed = False
        self._connection()  # open (and migrate) now, so a bad file fails at construction

    # -- connections and transactions -------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        if self._closed:
            raise StoreError("the article database was closed")
        try:
            conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS
            )
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA temp_store = MEMORY")
            migrate(conn)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open the article database {self.path}: {error}") from error
        self._local.conn = conn
        self._local.depth = 0
        with self._lock:
            self._connections.append(conn)
        return conn

    @property
    def conn(self) -> sqlite3.Connection:
        """The calling thread's connection (for `store_*` helpers and tests)."""
        return self._connection()

    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing write: BEGIN IMMEDIATE outside, a SAVEPOINT when nested."""
        conn = self._connection()
        depth: int = self._local.depth
        savepoint = f"sp{depth}"
        try:
            conn.execute(f"SAVEPOINT {savepoint}" if depth else "BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise StoreError(f"the article database is busy or unwritable: {error}") from error
        self._local.depth = depth + 1
        try:
            yield conn
            conn.execute(f"RELEASE {savepoint}" if depth else "COMMIT")
        except BaseException as error:
            if conn.in_transaction:
                if depth:
                    conn.execute(f"ROLLBACK TO {savepoint}")
                    conn.execute(f"RELEASE {savepoint}")
                else:
                    conn.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise StoreError(f"the article database could not be written: {error}") from error
            raise
        finally:
            self._local.depth = depth

    def close_thread(self) -> None:
        """Close the calling thread's connection (a thread that is about to end)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            return
        self._local.conn = None
        with self._lock:
            self._connections = [c for c in self._connections if c is not conn]
        conn.close()

    def close(self) -> None:
        """Close every thread's connection; the store cannot be used afterwards."""
        with self._lock:
            self._closed = True
            connections, self._connections = self._connections, []
        for conn in connections:
            conn.close()
        self._local = threading.local()

    # -- feeds --------------------------------------------------------------------------------

    def sync_feeds(self, specs: Sequence[FeedSpec]) -> dict[str, int]:
        """Make the feeds table follow feeds.toml; returns url → feed id.

        Feeds that left the file keep their rows (position NULL) until `purge_removed_feeds`,
        so removing and re-adding a feed before the next refresh loses nothing.
        """
        with self.atomic() as conn:
            return store_write.sync_feeds(conn, specs)

    def purge_removed_feeds(self) -> int:
        """Delete the articles of feeds no longer in feeds.toml (starred ones stay)."""
        with self.atomic() as conn:
            return store_write.purge_removed_feeds(conn)

    def add_detached_feeds(self, specs: Sequence[FeedSpec]) -> dict[str, int]:
        """Rows for feeds refreshed although not in feeds.toml; returns url → id of all feeds."""
        with self.atomic() as conn:
            return store_write.add_detached_feeds(conn, specs)

    def feed_ids(self) -> dict[str, int]:
        """url → id of every feed row."""
        return dict(self._connection().execute("SELECT url, id FROM feeds").fetchall())

    def validators(self, feed_id: int) -> tuple[str | None, str | None]:
        """The (ETag, Last-Modified) to send with the next conditional GET of a feed."""
        row = (
            self._connection()
            .execute("SELECT etag, last_modified FROM feeds WHERE id = ?", (feed_id,))
            .fetchone()
        )
        return (row[0], row[1]) if row else (None, None)

    def feeds(self) -> list[Feed]:
        """The feeds of feeds.toml, in its order, with counts and fetch state."""
        return store_queries.feeds(self._connection())

    # -- refresh writes (the engine batches several into one `atomic()`) ---------------------

    def store_parsed(
        self,
        feed_id: int,
        parsed: ParsedFeed,
        *,
        etag: str | None,
        last_modified: str | None,
        keep_days: int,
        keep_per_feed: int,
        fingerprints: Sequence[str] | None = None,
        now: float | None = None,
    ) -> tuple[int, int]:
        """Upsert one feed's articles and record the successful fetch; returns (new, updated)."""
        with self.atomic() as conn:
            return store_write.store_parsed(
                conn,
                feed_id,
                parsed,
                etag=etag,
                last_modified=last_modified,
                retention=store_write.Retention(keep_days, keep_per_feed),
                fingerprints=fingerprints,
                now=now,
            )

    def record_not_modified(
        self, feed_id: int, etag: str | None, last_modified: str | None, now: float | None = None
    ) -> None:
        """A 304: the feed is fine and unchanged."""
        with self.atomic() as conn:
            store_write.record_not_modified(conn, feed_id, etag, last_modified, now)

    def record_failure(self, feed_id: int, reason: str, now: float | None = None) -> None:
        """A failed fetch or parse: remember why; the feed's articles stay as they were."""
        with self.atomic() as conn:
            store_write.record_failure(conn, feed_id, reason, now)

    def forget_old_pruned(self, now: float | None = None) -> int:
        """Drop memories of pruned items their feeds stopped carrying long ago."""
        with self.atomic() as conn:
            return store_write.forget_old_pruned(conn, now)

    # -- reads --------------------------------------------------------------------------------

    def headline_count(self, query: HeadlineQuery) -> int:
        """How many headlines `query` selects."""
        return store_queries.headline_count(self._connection(), query)

    def headlines(self, query: HeadlineQuery, offset: int = 0, limit: int = 100) -> list[Headline]:
        """One page of headlines, newest first."""
        return store_queries.headlines(self._connection(), query, offset, limit)

    def headline_position(self, query: HeadlineQuery, article_id: int) -> int | None:
        """The row index of an article in `query`'s list, None when the list lacks it."""
        return store_queries.headline_position(self._connection(), query, article_id)

    def article(self, article_id: int) -> Article:
        """One article with its bodies; StoreError when it does not exist (any more)."""
        return store_queries.article(self._connection(), article_id)

    # -- state changes --------------------------------------------------------------------------

    def mark_read(self, article_id: int, read: bool = True) -> None:
        """Set one article's read flag."""
        with self.atomic() as conn:
            conn.execute("UPDATE articles SET read = ? WHERE id = ?", (int(read), article_id))

    def mark_all_read(self, query: HeadlineQuery) -> int:
        """Mark every unread article `query` selects as read; returns how many changed."""
        with self.atomic() as conn:
            return store_queries.mark_all_read(conn, query)

    def star(self, article_id: int, starred: bool = True) -> None:
        """Set one article's starred flag (starred articles survive retention and removal)."""
        with self.atomic() as conn:
            conn.execute("UPDATE articles SET starred = ? WHERE id = ?", (int(starred), article_id))

    def set_full_text(self, article_id: int, text: str | None) -> None:
        """Keep the extracted main text of an article's web page."""
        with self.atomic() as conn:
            conn.execute("UPDATE bodies SET full_text = ? WHERE article_id = ?", (text, article_id))

    def without_full_text(
        self, feed_id: int, first_seen: float, limit: int = -1
    ) -> list[tuple[int, str]]:
        """(id, link) of a feed's articles stored at `first_seen` that have a link and no full
        text yet: the new articles of one refresh, whose pages a `full_text` feed fetches.

        Newest first (by date, then in the feed's own order), at most `limit` (-1: all), so a
        cap on pages keeps the articles a reader opens first.
        """
        rows = self._connection().execute(
            "SELECT a.id, a.link FROM articles a JOIN bodies b ON b.article_id = a.id "
            "WHERE a.feed_id = ? AND a.first_seen = ? AND a.link IS NOT NULL AND a.link != '' "
            "AND b.full_text IS NULL ORDER BY a.published DESC NULLS LAST, a.id LIMIT ?",
            (feed_id, first_seen, limit),
        )
        return [(int(article_id), str(link)) for article_id, link in rows]

    def set_last_refresh(self, when: datetime) -> None:
        """Remember when a refresh finished."""
        with self.atomic() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('last_refresh', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (when.timestamp(),),
            )

    def last_refresh(self) -> datetime | None:
        """When the last refresh finished, None before the first."""
        row = (
            self._connection()
            .execute("SELECT value FROM meta WHERE key = 'last_refresh'")
            .fetchone()
        )
        return datetime.fromtimestamp(row[0], UTC) if row else None

    # -- search -------------------------------------------------------------------------------

    def update_search_index(self) -> int:
        """Index the articles queued since the last catch-up (see `store_search`)."""
        try:
            from akhbar_tui import store_search

            return store_search.index_pending(self._connection(), self.atomic)
        except sqlite3.Error as error:
            raise StoreError(f"the search index could not be updated: {error}") from error

    def search(
        self,
        query: SearchQuery,
        *,
        feed_ids: Sequence[int] | None = None,
        unread_only: bool = False,
        order: SearchOrder = "newest",
        limit: int = 100,
    ) -> list[SearchHit]:
        """The hits of a parsed query (see `store_search.search`)."""
        from akhbar_tui import store_search

        return store_search.search(
            self._connection(),
            query,
            feed_ids=feed_ids,
            unread_only=unread_only,
            order=order,
            limit=limit,
        )

    def integrity_ok(self) -> bool:
        """True when SQLite's own integrity check finds nothing wrong."""
        return self._connection().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
