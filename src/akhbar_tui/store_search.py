"""The full-text index: an FTS5 table of folded words, kept in step by triggers, and its queries.

Why deferred: writing the index inside a refresh's transactions would add its whole cost to the
refresh, which must stay faster than newsboat's. Instead triggers on `articles` and `bodies` put
every new or edited article in `search_pending` in the same transaction as its upsert (so
nothing is ever forgotten, even after a crash), deleting an article deletes its index row, and
`index_pending` folds and indexes the queue in batches — right after a refresh in the app, and
before every `akhbar search`. A migration queued every article already stored, so an old
database gets its index at the first catch-up.

The index holds `arabic.fold` of the title and of `search_text.index_text`, tokenized by FTS5's
ascii tokenizer (folded text has only letters, digits and ASCII between words, so its words are
the ones `arabic.TOKEN` sees); proclitics are handled by
the query (`search_query`), so indexing is one fold and one insert per article. The folded body
the index stores is also where a hit's snippet is found, so a query folds almost nothing.

"Relevance" ranks (bm25) the `RELEVANCE_POOL` most recently stored matches — all of them when
there are fewer. Ranking every match costs about a microsecond and a half per match, and a
common word matches most of a large database (60 ms and more for 30,000 matches).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from datetime import UTC, datetime

from akhbar_tui.arabic import fold
from akhbar_tui.models import SearchHit, SearchOrder
from akhbar_tui.search_query import SearchQuery
from akhbar_tui.search_text import hit_snippet, index_text, pattern_spans, query_pattern

MIGRATION = """
CREATE VIRTUAL TABLE search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0');
CREATE TABLE search_queue (article_id INTEGER PRIMARY KEY);
INSERT INTO search_queue (article_id) SELECT id FROM articles;
CREATE TRIGGER search_queue_new AFTER INSERT ON bodies BEGIN
    INSERT OR IGNORE INTO search_queue (article_id) VALUES (new.article_id);
END;
CREATE TRIGGER search_queue_body AFTER UPDATE OF summary_html, content_html, full_text ON bodies
BEGIN
    INSERT OR IGNORE INTO search_queue (article_id) VALUES (new.article_id);
END;
CREATE TRIGGER search_queue_title AFTER UPDATE OF title ON articles BEGIN
    INSERT OR IGNORE INTO search_queue (article_id) VALUES (new.id);
END;
CREATE TRIGGER search_forget AFTER DELETE ON articles BEGIN
    DELETE FROM search WHERE rowid = old.id;
    DELETE FROM search_queue WHERE article_id = old.id;
END;
"""

# Migration 3: FTS5's ascii tokenizer (`arabic.fold` turns every non-ASCII character that is
# no letter or digit into a space, so the words are those of unicode61 without its per-character
# Unicode tables: a third faster to index), and a queue whose entry gets a new `seq` when its
# article changes again while a catch-up indexes it, so the catch-up takes off the queue only
# the entries it has read. Every article is indexed again.
MIGRATION_SEQ = """
DROP TRIGGER search_queue_new;
DROP TRIGGER search_queue_body;
DROP TRIGGER search_queue_title;
DROP TRIGGER search_forget;
DROP TABLE search_queue;
DROP TABLE search;
CREATE VIRTUAL TABLE search USING fts5(title, body, tokenize = 'ascii');
CREATE TABLE search_pending (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL UNIQUE
);
INSERT INTO search_pending (article_id) SELECT id FROM articles ORDER BY id;
CREATE TRIGGER search_pending_new AFTER INSERT ON bodies BEGIN
    INSERT OR REPLACE INTO search_pending (article_id) VALUES (new.article_id);
END;
CREATE TRIGGER search_pending_body AFTER UPDATE OF summary_html, content_html, full_text ON bodies
BEGIN
    INSERT OR REPLACE INTO search_pending (article_id) VALUES (new.article_id);
END;
CREATE TRIGGER search_pending_title AFTER UPDATE OF title ON articles BEGIN
    INSERT OR REPLACE INTO search_pending (article_id) VALUES (new.id);
END;
CREATE TRIGGER search_forget AFTER DELETE ON articles BEGIN
    DELETE FROM search WHERE rowid = old.id;
    DELETE FROM search_pending WHERE article_id = old.id;
END;
"""

MIGRATIONS = (MIGRATION, MIGRATION_SEQ)

BATCH = 300  # rows per write: 900 parameters, under SQLite's oldest limit of 999
BUSY_TIMEOUT_S = 15.0
TITLE_WEIGHT = 4.0  # bm25: a word in the title counts four times one in the body
RELEVANCE_POOL = 2000  # the most recently stored matches that "relevance" ranks


def pending(conn: sqlite3.Connection) -> int:
    """How many articles wait to be indexed."""
    return int(conn.execute("SELECT count(*) FROM search_pending").fetchone()[0])


def _marks(count: int) -> str:
    """`?, ?, …` for `count` parameters."""
    return ", ".join("?" * count)


def _folded_rows(conn: sqlite3.Connection, ids: Sequence[int]) -> list[tuple[int, str, str]]:
    """(id, folded title, folded body text) of the articles `ids`, as the index stores them."""
    rows = conn.execute(
        "SELECT a.id, a.title, b.summary_html, b.content_html, b.full_text "
        "FROM articles a JOIN bodies b ON b.article_id = a.id "
        f"WHERE a.id IN ({_marks(len(ids))})",
        list(ids),
    )
    return [
        (article_id, fold(title), fold(index_text(summary, content, full_text)))
        for article_id, title, summary, content, full_text in rows
    ]


def index_pending(
    conn: sqlite3.Connection, atomic: Callable[[], AbstractContextManager[sqlite3.Connection]]
) -> int:
    """Index every queued article; returns how many were queued.

    Batches are pipelined over two cores: a helper thread, on its own read connection, reads
    and folds the next batch (Python) while this thread writes the previous one in one short
    `atomic()` (readers and a refresh are never held up long). Every write is a single
    statement, during which SQLite runs without the GIL; a statement stepping row by row would
    wait for the folding thread to hand the GIL back after every row."""
    queued = conn.execute("SELECT seq, article_id FROM search_pending ORDER BY seq").fetchall()
    batches = [queued[start : start + BATCH] for start in range(0, len(queued), BATCH)]
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    if len(batches) < 2 or not path:  # nothing to overlap, or a database only `conn` sees
        for batch in batches:
            _write(atomic, batch, _folded_rows(conn, [article_id for _, article_id in batch]))
        return len(queued)
    readers: list[sqlite3.Connection] = []

    def prepare(batch: list[tuple[int, int]]) -> list[tuple[int, str, str]]:
        if not readers:
            readers.append(sqlite3.connect(path, timeout=BUSY_TIMEOUT_S))
        return _folded_rows(readers[0], [article_id for _, article_id in batch])

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="akhbar-index") as pool:
        try:
            folding = pool.submit(prepare, batches[0])
            for batch, following in zip(batches, [*batches[1:], None], strict=True):
                rows = folding.result()
                if following is not None:
                    folding = pool.submit(prepare, following)
                _write(atomic, batch, rows)
        finally:
            pool.submit(lambda: [reader.close() for reader in readers]).result()
    return len(queued)


def _write(
    atomic: Callable[[], AbstractContextManager[sqlite3.Connection]],
    batch: list[tuple[int, int]],
    rows: list[tuple[int, str, str]],
) -> None:
    """Replace the index rows of `rows` and take `batch`'s (seq, id) entries off the queue.

    An article deleted since `rows` were read is not written back; one edited since then was
    queued again under a new `seq`, so the next catch-up indexes its new text."""
    # Ascending rowids: FTS5 flushes its pending terms whenever a rowid goes backwards.
    rows = sorted(rows)
    with atomic() as writer:
        if rows:
            writer.execute(
                f"DELETE FROM search WHERE rowid IN ({_marks(len(rows))})", [row[0] for row in rows]
            )
            writer.execute(
                "INSERT INTO search (rowid, title, body) SELECT * FROM (VALUES "
                + ", ".join(["(?, ?, ?)"] * len(rows))
                + ") WHERE column1 IN (SELECT id FROM articles)",
                [value for row in rows for value in row],
            )
        writer.execute(
            f"DELETE FROM search_pending WHERE seq IN ({_marks(len(batch))})",
            [seq for seq, _ in batch],
        )


def search(
    conn: sqlite3.Connection,
    query: SearchQuery,
    *,
    feed_ids: Sequence[int] | None = None,
    unread_only: bool = False,
    order: SearchOrder = "newest",
    limit: int = 100,
) -> list[SearchHit]:
    """The hits of `query`, best or newest first, each with its snippet and matches."""
    filters = ""
    params: list[object] = []
    if feed_ids is not None:
        filters += f" AND a.feed_id IN ({_marks(len(feed_ids))})"
        params.extend(feed_ids)
    if unread_only:
        filters += " AND a.read = 0"
    if order == "relevance":
        sql = (
            "SELECT a.id FROM search JOIN articles a ON a.id = search.rowid "
            f"WHERE search MATCH ?{filters} AND search.rowid >= (SELECT min(rowid) FROM "
            "(SELECT search.rowid FROM search JOIN articles a ON a.id = search.rowid "
            f"WHERE search MATCH ?{filters} ORDER BY search.rowid DESC LIMIT ?)) "
            f"ORDER BY bm25(search, {TITLE_WEIGHT}, 1.0), a.sort_key DESC, a.id DESC LIMIT ?"
        )
        params = [query.expression, *params, query.expression, *params, RELEVANCE_POOL]
    else:
        # `+a.id` keeps SQLite from looking each match up by id and sorting them all: it walks
        # the articles newest first (an index) and stops at `limit` matches instead.
        sql = (
            "SELECT a.id FROM articles a WHERE +a.id IN "
            f"(SELECT rowid FROM search WHERE search MATCH ?){filters} "
            "ORDER BY a.sort_key DESC, a.id DESC LIMIT ?"
        )
        params = [query.expression, *params]
    ids = [row[0] for row in conn.execute(sql, [*params, max(0, limit)])]
    return _hits(conn, ids, query)


def _hits(conn: sqlite3.Connection, ids: list[int], query: SearchQuery) -> list[SearchHit]:
    """Load the rows of `ids` (kept in that order) and cut their snippets."""
    if not ids:
        return []
    rows = conn.execute(
        "SELECT a.id, a.feed_id, COALESCE(f.spec_title, f.doc_title, f.url), f.url, a.title, "
        "a.link, a.published, a.read, a.starred, a.direction, a.lang, "
        "b.summary_html, b.content_html, b.full_text "
        "FROM articles a JOIN feeds f ON f.id = a.feed_id JOIN bodies b ON b.article_id = a.id "
        f"WHERE a.id IN ({_marks(len(ids))})",
        ids,
    ).fetchall()
    folded = dict(
        conn.execute(f"SELECT rowid, body FROM search WHERE rowid IN ({_marks(len(ids))})", ids)
    )
    by_id = {row[0]: row for row in rows}
    pattern = query_pattern(query)
    hits: list[SearchHit] = []
    for article_id in ids:
        row = by_id.get(article_id)
        if row is None:
            continue
        body = index_text(row[11], row[12], row[13])
        text, inside = hit_snippet(body, pattern, folded.get(article_id))
        hits.append(
            SearchHit(
                id=row[0],
                feed_id=row[1],
                feed_title=row[2],
                feed_url=row[3],
                title=row[4],
                link=row[5],
                published=datetime.fromtimestamp(row[6], UTC) if row[6] is not None else None,
                snippet=text,
                snippet_matches=tuple(inside),
                title_matches=tuple(pattern_spans(row[4], pattern)),
                read=bool(row[7]),
                starred=bool(row[8]),
                direction=row[9],
                lang=row[10],
            )
        )
    return hits
