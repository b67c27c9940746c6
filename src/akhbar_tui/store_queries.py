"""Reads of the article database, turned into models: feeds, headline pages, one article.

Headline lists walk the `(sort_key DESC, id DESC)` indexes (a partial one for unread and for
starred), so a page stays cheap at tens of thousands of rows; no query here reads a body except
`article()`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from akhbar_tui.errors import StoreError
from akhbar_tui.models import Article, Feed, Headline, HeadlineQuery

if TYPE_CHECKING:
    import sqlite3

FEED_TITLE = "COALESCE(f.spec_title, f.doc_title, f.url)"


def moment(value: float | None) -> datetime | None:
    """A stored timestamp as an aware UTC datetime."""
    return None if value is None else datetime.fromtimestamp(value, UTC)


def feeds(conn: sqlite3.Connection) -> list[Feed]:
    """Feeds in feeds.toml order with unread/total counts and their fetch state."""
    counts = {
        feed_id: (total, unread or 0)
        for feed_id, total, unread in conn.execute(
            "SELECT feed_id, COUNT(*), SUM(read = 0) FROM articles GROUP BY feed_id"
        )
    }
    rows = conn.execute(
        f"SELECT f.id, f.url, {FEED_TITLE}, f.category, f.lang, f.direction, f.site_url, f.etag, "
        "f.last_modified, f.last_attempt, f.last_success, f.last_error, f.consecutive_failures, "
        "f.enabled FROM feeds f WHERE f.position IS NOT NULL ORDER BY f.position"
    ).fetchall()
    result = []
    for row in rows:
        total, unread = counts.get(row[0], (0, 0))
        result.append(
            Feed(
                id=row[0],
                url=row[1],
                title=row[2],
                category=row[3],
                lang=row[4],
                direction=row[5],
                site_url=row[6],
                etag=row[7],
                last_modified=row[8],
                last_attempt=moment(row[9]),
                last_success=moment(row[10]),
                last_error=row[11],
                consecutive_failures=row[12],
                unread=unread,
                total=total,
                enabled=bool(row[13]),
            )
        )
    return result


def _where(query: HeadlineQuery) -> tuple[str, list[Any]]:
    """A headline query as SQL; `read = 0`/`starred = 1` verbatim so partial indexes apply."""
    clauses: list[str] = []
    params: list[Any] = []
    if query.feed_id is not None:
        clauses.append("a.feed_id = ?")
        params.append(query.feed_id)
    if query.category is not None:
        clauses.append("a.feed_id IN (SELECT id FROM feeds WHERE category = ?)")
        params.append(query.category)
    if query.unread_only:
        clauses.append("a.read = 0")
    if query.starred_only:
        clauses.append("a.starred = 1")
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def headline_count(conn: sqlite3.Connection, query: HeadlineQuery) -> int:
    """How many articles the query selects."""
    where, params = _where(query)
    return conn.execute(f"SELECT COUNT(*) FROM articles a{where}", params).fetchone()[0]


def headlines(
    conn: sqlite3.Connection, query: HeadlineQuery, offset: int = 0, limit: int = 100
) -> list[Headline]:
    """One page of the query's headlines, newest first (ties: the later stored first)."""
    where, params = _where(query)
    rows = conn.execute(
        f"SELECT a.id, a.feed_id, {FEED_TITLE}, a.title, a.published, a.read, a.starred, "
        f"a.direction, a.lang, a.link FROM articles a JOIN feeds f ON f.id = a.feed_id{where} "
        "ORDER BY a.sort_key DESC, a.id DESC LIMIT ? OFFSET ?",
        [*params, max(0, limit), max(0, offset)],
    ).fetchall()
    return [
        Headline(
            id=row[0],
            feed_id=row[1],
            feed_title=row[2],
            title=row[3],
            published=moment(row[4]),
            read=bool(row[5]),
            starred=bool(row[6]),
            direction=row[7],
            lang=row[8],
            link=row[9],
        )
        for row in rows
    ]


def headline_position(
    conn: sqlite3.Connection, query: HeadlineQuery, article_id: int
) -> int | None:
    """The index of an article in the query's list, None when the list does not hold it."""
    where, params = _where(query)
    joiner = " AND " if where else " WHERE "
    row = conn.execute(
        f"SELECT a.sort_key FROM articles a{where}{joiner}a.id = ?", [*params, article_id]
    ).fetchone()
    if row is None:
        return None
    sort_key = row[0]
    before = conn.execute(
        f"SELECT COUNT(*) FROM articles a{where}{joiner}"
        "(a.sort_key > ? OR (a.sort_key = ? AND a.id > ?))",
        [*params, sort_key, sort_key, article_id],
    ).fetchone()[0]
    return int(before)


def article(conn: sqlite3.Connection, article_id: int) -> Article:
    """One article with its bodies; StoreError when it is gone (retention, removed feed)."""
    row = conn.execute(
        "SELECT f.url, a.guid, a.title, a.link, a.author, a.published, b.summary_html, "
        "b.content_html, a.lang, a.direction, a.id, a.read, a.starred, b.full_text "
        "FROM articles a JOIN feeds f ON f.id = a.feed_id "
        "LEFT JOIN bodies b ON b.article_id = a.id WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        raise StoreError(f"article {article_id} is no longer in the database")
    return Article(
        feed_url=row[0],
        guid=row[1],
        title=row[2],
        link=row[3],
        author=row[4],
        published=moment(row[5]),
        summary_html=row[6] or "",
        content_html=row[7] or "",
        lang=row[8],
        direction=row[9],
        id=row[10],
        read=bool(row[11]),
        starred=bool(row[12]),
        full_text=row[13],
    )


def mark_all_read(conn: sqlite3.Connection, query: HeadlineQuery) -> int:
    """Mark the query's unread articles read; returns how many changed."""
    where, params = _where(query)
    joiner = " AND " if where else " WHERE "
    return conn.execute(
        f"UPDATE articles AS a SET read = 1{where}{joiner}a.read = 0", params
    ).rowcount
