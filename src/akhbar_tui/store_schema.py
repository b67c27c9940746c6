"""The article database's schema, as numbered migrations recorded in `PRAGMA user_version`.

Each migration runs once, inside the transaction that also bumps `user_version`, so a database is
always at exactly one version. Add a migration at the end of `MIGRATIONS`; never edit one that has
shipped. (The second and third, from `store_search`, add the full-text index.) `SCHEMA_VERSION`
is their count, kept as a number so that opening an up-to-date database (every refresh) does not
import `store_search` and its Arabic folding tables; a test checks it against `MIGRATIONS`, which
is built on first use.

Layout, and why:

- `feeds`: one row per feed URL with its fetch state. `spec_title` is the user's title,
  `doc_title` the feed's own; `position` is the place in feeds.toml, NULL once the feed left it
  (its articles go at the next refresh, starred ones excepted).
- `articles`: the narrow row a headline list needs; `sort_key` is the publication time clamped to
  the time akhbar first saw the article (future-dated items cannot squat at the top), so "newest
  first" is one index walk. `fingerprint` tells an edited article from an unchanged one without
  reading its body.
- `bodies`: the HTML and full text, read only when an article is opened.
- `pruned`: (feed, guid) pairs that retention dropped, so an item still in its feed never comes
  back as unread; `seen` is refreshed while the feed still carries it.
- `meta`: small key/value facts such as the time of the last refresh.
"""

from __future__ import annotations

import sqlite3

from akhbar_tui.errors import StoreError

SCHEMA_VERSION = 3
"""len(MIGRATIONS): bump it with every migration added."""

_CORE = (
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        spec_title TEXT,
        doc_title TEXT,
        category TEXT,
        lang TEXT,
        direction TEXT NOT NULL DEFAULT 'auto',
        enabled INTEGER NOT NULL DEFAULT 1,
        position INTEGER,
        site_url TEXT,
        etag TEXT,
        last_modified TEXT,
        last_attempt REAL,
        last_success REAL,
        last_error TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid TEXT NOT NULL,
        title TEXT NOT NULL,
        link TEXT,
        author TEXT,
        published REAL,
        first_seen REAL NOT NULL,
        sort_key REAL NOT NULL,
        lang TEXT,
        direction TEXT NOT NULL DEFAULT 'ltr',
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        fingerprint TEXT NOT NULL,
        UNIQUE (feed_id, guid)
    );
    CREATE INDEX articles_by_time ON articles (sort_key DESC, id DESC);
    CREATE INDEX articles_by_feed ON articles (feed_id, sort_key DESC, id DESC);
    CREATE INDEX articles_unread ON articles (sort_key DESC, id DESC) WHERE read = 0;
    CREATE INDEX articles_starred ON articles (sort_key DESC, id DESC) WHERE starred = 1;
    CREATE INDEX articles_feed_read ON articles (feed_id, read);
    CREATE TABLE bodies (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        summary_html TEXT NOT NULL DEFAULT '',
        content_html TEXT NOT NULL DEFAULT '',
        full_text TEXT
    );
    CREATE TABLE pruned (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid TEXT NOT NULL,
        seen REAL NOT NULL,
        PRIMARY KEY (feed_id, guid)
    ) WITHOUT ROWID;
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value
    ) WITHOUT ROWID;
    """,
)


def migrations() -> tuple[str, ...]:
    """Every migration in order (the full-text ones come from `store_search`)."""
    from akhbar_tui.store_search import MIGRATIONS as SEARCH_MIGRATIONS

    return (*_CORE, *SEARCH_MIGRATIONS)


def __getattr__(name: str) -> tuple[str, ...]:
    """`MIGRATIONS`, built when first asked for."""
    if name == "MIGRATIONS":
        return migrations()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the database to the newest schema; a database from a newer akhbar is refused.

    Runs under BEGIN IMMEDIATE so two processes opening a fresh file at once do not both try
    to create the tables.
    """
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the database was written by a newer akhbar (schema {version}, this one knows "
            f"{SCHEMA_VERSION}): upgrade akhbar, or move the database file away"
        )
    steps = migrations()
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version, len(steps)):
            for statement in _statements(steps[number]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit the open transaction)."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements
