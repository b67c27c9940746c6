"""What a refresh writes: feeds.toml synced into `feeds`, articles upserted, retention applied.

All functions take a connection already inside a transaction (`Store.atomic()`), so a feed's
articles and its new ETag land together or not at all: a crash can never leave an ETag that
would hide articles that were never stored.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, NamedTuple

from akhbar_tui.models import Article, FeedSpec, ParsedFeed

if TYPE_CHECKING:
    import sqlite3

DAY = 86_400.0
# A pruned item's memory is dropped once its feed has not carried it for this long.
PRUNED_MEMORY_DAYS = 60


class Retention(NamedTuple):
    """How much of a feed to keep (starred articles are always kept)."""

    keep_days: int
    keep_per_feed: int


def fingerprint(article: Article) -> str:
    """A digest of everything a feed can change in an article: equal digests, nothing to write."""
    published = article.published.isoformat() if article.published else ""
    parts = (
        article.title,
        article.link or "",
        article.author or "",
        published,
        article.summary_html,
        article.content_html,
        article.lang or "",
        article.direction,
    )
    return hashlib.blake2b(
        "\x1f".join(parts).encode("utf-8", "surrogatepass"), digest_size=16
    ).hexdigest()


def timestamp(moment: datetime | None) -> float | None:
    """Seconds since the epoch; a naive datetime is taken as UTC."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def sync_feeds(conn: sqlite3.Connection, specs: Sequence[FeedSpec]) -> dict[str, int]:
    """Upsert one row per spec (in file order) and detach rows whose feed left the file."""
    conn.execute("UPDATE feeds SET position = NULL WHERE position IS NOT NULL")
    conn.executemany(
        "INSERT INTO feeds (url, spec_title, category, lang, direction, enabled, position) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
        "spec_title = excluded.spec_title, category = excluded.category, lang = excluded.lang, "
        "direction = excluded.direction, enabled = excluded.enabled, position = excluded.position",
        [
            (s.url, s.title, s.category, s.lang, s.direction, int(s.enabled), index)
            for index, s in enumerate(specs)
        ],
    )
    return dict(conn.execute("SELECT url, id FROM feeds").fetchall())


def add_detached_feeds(conn: sqlite3.Connection, specs: Sequence[FeedSpec]) -> dict[str, int]:
    """Give feeds outside feeds.toml a row (position NULL) so they can be refreshed once."""
    conn.executemany(
        "INSERT INTO feeds (url, spec_title, category, lang, direction) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (url) DO NOTHING",
        [(s.url, s.title, s.category, s.lang, s.direction) for s in specs],
    )
    return dict(conn.execute("SELECT url, id FROM feeds").fetchall())


def purge_removed_feeds(conn: sqlite3.Connection) -> int:
    """Delete unstarred articles of feeds that left feeds.toml, and the feeds left empty."""
    removed = conn.execute(
        "DELETE FROM articles WHERE starred = 0 AND feed_id IN "
        "(SELECT id FROM feeds WHERE position IS NULL)"
    ).rowcount
    conn.execute(
        "DELETE FROM feeds WHERE position IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM articles WHERE articles.feed_id = feeds.id)"
    )
    return removed


def store_parsed(
    conn: sqlite3.Connection,
    feed_id: int,
    parsed: ParsedFeed,
    *,
    etag: str | None,
    last_modified: str | None,
    retention: Retention,
    fingerprints: Sequence[str] | None = None,
    now: float | None = None,
) -> tuple[int, int]:
    """Upsert a feed's articles, apply retention, record the fetch; returns (new, updated).

    Read and starred flags are never written here, so an edited article keeps them. Items that
    retention dropped before, or that are already older than `keep_days`, are not stored again.
    """
    now = time.time() if now is None else now
    prints = (
        list(fingerprints)
        if fingerprints is not None
        else [fingerprint(a) for a in parsed.articles]
    )
    existing = {
        guid: (article_id, old_print, first_seen)
        for guid, article_id, old_print, first_seen in conn.execute(
            "SELECT guid, id, fingerprint, first_seen FROM articles WHERE feed_id = ?", (feed_id,)
        )
    }
    pruned = {
        row[0] for row in conn.execute("SELECT guid FROM pruned WHERE feed_id = ?", (feed_id,))
    }
    cutoff = now - retention.keep_days * DAY

    fresh: list[tuple[Article, str, float | None, float]] = []
    changed: list[tuple[Article, str, float | None, float, int]] = []
    still_carried: list[tuple[float, int, str]] = []
    seen: set[str] = set()
    for article, digest in zip(parsed.articles, prints, strict=True):
        if article.guid in seen:
            continue
        seen.add(article.guid)
        published = timestamp(article.published)
        if article.guid in existing:
            article_id, old_print, first_seen = existing[article.guid]
            if old_print != digest:
                sort_key = min(published, first_seen) if published is not None else first_seen
                changed.append((article, digest, published, sort_key, article_id))
        elif article.guid in pruned:
            still_carried.append((now, feed_id, article.guid))
        else:
            sort_key = min(published, now) if published is not None else now
            if sort_key >= cutoff:
                fresh.append((article, digest, published, sort_key))

    new_ids = _insert(conn, feed_id, fresh, now)
    _update(conn, changed)
    conn.executemany("UPDATE pruned SET seen = ? WHERE feed_id = ? AND guid = ?", still_carried)
    dropped = apply_retention(conn, feed_id, retention, now)
    conn.execute(
        "UPDATE feeds SET doc_title = ?, site_url = ?, etag = ?, last_modified = ?, "
        "last_attempt = ?, last_success = ?, last_error = NULL, consecutive_failures = 0 "
        "WHERE id = ?",
        (parsed.title, parsed.site_url, etag, last_modified, now, now, feed_id),
    )
    return len(set(new_ids) - dropped), len(changed)


def _insert(
    conn: sqlite3.Connection,
    feed_id: int,
    fresh: list[tuple[Article, str, float | None, float]],
    now: float,
) -> list[int]:
    """Insert new articles with ids allocated here (never reused: AUTOINCREMENT's counter).

    The feed's first item gets the highest id, so undated items keep the feed's order.
    """
    if not fresh:
        return []
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'articles'").fetchone()
    first = (row[0] if row else 0) + 1
    ids = list(range(first + len(fresh) - 1, first - 1, -1))
    conn.executemany(
        "INSERT INTO articles (id, feed_id, guid, title, link, author, published, first_seen, "
        "sort_key, lang, direction, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id, feed_id, a.guid, a.title, a.link, a.author, published, now,
                sort_key, a.lang, a.direction, digest,
            )
            for article_id, (a, digest, published, sort_key) in zip(ids, fresh, strict=True)
        ],
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO bodies (article_id, summary_html, content_html) VALUES (?, ?, ?)",
        [(i, a.summary_html, a.content_html) for i, (a, *_rest) in zip(ids, fresh, strict=True)],
    )
    return ids


def _update(
    conn: sqlite3.Connection, changed: list[tuple[Article, str, float | None, float, int]]
) -> None:
    """Rewrite the text of edited articles; read/starred and first_seen stay."""
    conn.executemany(
        "UPDATE articles SET title = ?, link = ?, author = ?, published = ?, sort_key = ?, "
        "lang = ?, direction = ?, fingerprint = ? WHERE id = ?",
        [
            (a.title, a.link, a.author, published, sort_key, a.lang, a.direction, digest, i)
            for a, digest, published, sort_key, i in changed
        ],
    )
    conn.executemany(
        "UPDATE bodies SET summary_html = ?, content_html = ? WHERE article_id = ?",
        [(a.summary_html, a.content_html, i) for a, _d, _p, _s, i in changed],
    )


def apply_retention(
    conn: sqlite3.Connection, feed_id: int, retention: Retention, now: float
) -> set[int]:
    """Drop a feed's unstarred articles past `keep_days` or beyond its newest `keep_per_feed`.

    Their guids go to `pruned` so the feed cannot bring them back as unread. Returns the ids.
    """
    cutoff = now - retention.keep_days * DAY
    victims = conn.execute(
        "SELECT id, guid FROM articles WHERE feed_id = ? AND starred = 0 AND sort_key < ?",
        (feed_id, cutoff),
    ).fetchall()
    victims += conn.execute(
        "SELECT id, guid FROM (SELECT id, guid, starred, sort_key FROM articles WHERE feed_id = ? "
        "ORDER BY sort_key DESC, id DESC LIMIT -1 OFFSET ?) WHERE starred = 0 AND sort_key >= ?",
        (feed_id, retention.keep_per_feed, cutoff),
    ).fetchall()
    if not victims:
        return set()
    _delete_articles(conn, (article_id for article_id, _guid in victims))
    conn.executemany(
        "INSERT INTO pruned (feed_id, guid, seen) VALUES (?, ?, ?) "
        "ON CONFLICT (feed_id, guid) DO UPDATE SET seen = excluded.seen",
        [(feed_id, guid, now) for _id, guid in victims],
    )
    return {article_id for article_id, _guid in victims}


def _delete_articles(conn: sqlite3.Connection, ids: Iterable[int]) -> None:
    """Delete articles and their bodies."""
    rows = [(article_id,) for article_id in ids]
    conn.executemany("DELETE FROM bodies WHERE article_id = ?", rows)
    conn.executemany("DELETE FROM articles WHERE id = ?", rows)


def record_not_modified(
    conn: sqlite3.Connection,
    feed_id: int,
    etag: str | None,
    last_modified: str | None,
    now: float | None = None,
) -> None:
    """A 304: store the validators the server confirmed and clear any earlier error."""
    now = time.time() if now is None else now
    conn.execute(
        "UPDATE feeds SET etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified), "
        "last_attempt = ?, last_success = ?, last_error = NULL, consecutive_failures = 0 "
        "WHERE id = ?",
        (etag, last_modified, now, now, feed_id),
    )


def record_failure(
    conn: sqlite3.Connection, feed_id: int, reason: str, now: float | None = None
) -> None:
    """A failed fetch or parse: the reason and one more consecutive failure; articles untouched."""
    now = time.time() if now is None else now
    conn.execute(
        "UPDATE feeds SET last_attempt = ?, last_error = ?, "
        "consecutive_failures = consecutive_failures + 1 WHERE id = ?",
        (now, reason, feed_id),
    )


def forget_old_pruned(conn: sqlite3.Connection, now: float | None = None) -> int:
    """Forget pruned items that their feed has not carried for PRUNED_MEMORY_DAYS."""
    now = time.time() if now is None else now
    return conn.execute(
        "DELETE FROM pruned WHERE seen < ?", (now - PRUNED_MEMORY_DAYS * DAY,)
    ).rowcount
