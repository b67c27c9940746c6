"""The article database on real SQLite files: schema, upserts, retention, queries, threads."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from akhbar_tui.errors import StoreError
from akhbar_tui.models import Article, FeedSpec, HeadlineQuery, ParsedFeed
from akhbar_tui.store import Store
from akhbar_tui.store_schema import MIGRATIONS, SCHEMA_VERSION

URL = "https://example.org/feed.xml"
OTHER = "https://example.net/rss"
BASE = datetime(2026, 1, 1, tzinfo=UTC)
NOW = (BASE + timedelta(days=30)).timestamp()


def article(n: int, *, url: str = URL, title: str | None = None, days: float = 0) -> Article:
    return Article(
        feed_url=url,
        guid=f"g{n}",
        title=title or f"Item {n}",
        link=f"https://example.org/{n}",
        published=BASE + timedelta(days=days, hours=n),
        summary_html=f"<p>summary {n}</p>",
        content_html=f"<p>content {n}</p>",
        direction="ltr",
    )


def parsed(*articles: Article, title: str = "Feed") -> ParsedFeed:
    return ParsedFeed(title=title, site_url="https://example.org/", lang="en", articles=articles)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "akhbar.db")
    s.sync_feeds([FeedSpec(url=URL, title="Mine", category="news"), FeedSpec(url=OTHER)])
    yield s
    s.close()


def put(store: Store, *articles: Article, url: str = URL, keep_days: int = 3650, keep: int = 500,
        now: float = NOW) -> tuple[int, int]:  # fmt: skip
    feed_id = store.feed_ids()[url]
    return store.store_parsed(
        feed_id, parsed(*articles), etag='"e"', last_modified=None,
        keep_days=keep_days, keep_per_feed=keep, now=now,
    )  # fmt: skip


def ids_by_guid(store: Store) -> dict[str, int]:
    return dict(store.conn.execute("SELECT guid, id FROM articles").fetchall())


def test_fresh_database_is_migrated_to_the_latest_schema_in_wal_mode(tmp_path: Path) -> None:
    store = Store(tmp_path / "new.db")
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert len(MIGRATIONS) == SCHEMA_VERSION  # the number opening a database checks against
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # statement journals in RAM
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    store.close()


def test_database_from_a_newer_akhbar_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer akhbar"):
        Store(path)


def test_new_articles_are_counted_and_stored_with_bodies_apart(store: Store) -> None:
    assert put(store, article(1), article(2)) == (2, 0)
    heads = store.headlines(HeadlineQuery())
    assert [h.title for h in heads] == ["Item 2", "Item 1"]
    assert heads[0].feed_title == "Mine"
    full = store.article(heads[0].id)
    assert (full.summary_html, full.content_html) == ("<p>summary 2</p>", "<p>content 2</p>")
    feed = store.feeds()[0]
    assert (feed.total, feed.unread, feed.etag, feed.last_error) == (2, 2, '"e"', None)


def test_upsert_updates_edited_text_but_never_resets_read_or_starred(store: Store) -> None:
    put(store, article(1), article(2))
    ids = ids_by_guid(store)
    store.mark_read(ids["g1"])
    store.star(ids["g1"])
    store.star(ids["g2"])
    assert put(store, article(1, title="Item 1, corrected"), article(2)) == (0, 1)
    assert ids_by_guid(store) == ids
    edited = store.article(ids["g1"])
    assert (edited.title, edited.read, edited.starred) == ("Item 1, corrected", True, True)
    assert store.article(ids["g2"]).starred is True
    assert put(store, article(1, title="Item 1, corrected"), article(2)) == (0, 0)


def test_duplicate_guids_in_one_document_are_stored_once(store: Store) -> None:
    assert put(store, article(1), article(1, title="duplicate")) == (1, 0)
    assert [h.title for h in store.headlines(HeadlineQuery())] == ["Item 1"]


def test_ids_are_never_reused_after_articles_are_deleted(store: Store) -> None:
    put(store, article(1), article(2), keep=1)
    first = {1, 2}
    assert set(ids_by_guid(store).values()) < first  # one of the two was pruned at once
    put(store, article(3), keep=1)
    assert set(ids_by_guid(store)) == {"g3"}
    assert ids_by_guid(store)["g3"] > max(first)


def test_keep_per_feed_prunes_the_oldest_unstarred_and_they_never_return(store: Store) -> None:
    put(store, *(article(n) for n in range(5)))
    ids = ids_by_guid(store)
    store.star(ids["g0"])
    new, _updated = put(store, *(article(n) for n in range(7)), keep=3)
    assert new == 2  # g5 and g6 made it; g1..g3 were pushed out, starred g0 stays
    assert set(ids_by_guid(store)) == {"g0", "g4", "g5", "g6"}
    # The feed still carries g1..g3: they do not come back, not even as unread.
    assert put(store, *(article(n) for n in range(7)), keep=500) == (0, 0)
    assert set(ids_by_guid(store)) == {"g0", "g4", "g5", "g6"}


def test_keep_days_drops_old_unstarred_articles_and_skips_old_new_ones(store: Store) -> None:
    put(store, article(1, days=-100), article(2, days=20), now=NOW)
    ids = ids_by_guid(store)
    store.star(ids["g1"])
    put(store, article(1, days=-100), article(2, days=20), article(3, days=-50), keep_days=40)
    assert set(ids_by_guid(store)) == {"g1", "g2"}  # g1 is starred; g3 was already too old
    store.star(ids["g1"], starred=False)
    put(store, article(1, days=-100), article(2, days=20), keep_days=40)
    assert set(ids_by_guid(store)) == {"g2"}


def test_future_dates_cannot_sort_above_what_arrived_later(store: Store) -> None:
    put(store, article(1, days=400), now=NOW)
    put(store, article(2, days=30), now=NOW + 2 * 3600 + 60)  # dated two hours after NOW
    assert [h.title for h in store.headlines(HeadlineQuery())] == ["Item 2", "Item 1"]


def test_removed_feeds_lose_unstarred_articles_and_keep_starred(store: Store) -> None:
    put(store, article(1), article(2))
    put(store, article(7, url=OTHER), url=OTHER)
    store.star(ids_by_guid(store)["g1"])
    store.sync_feeds([FeedSpec(url=OTHER)])
    assert [f.url for f in store.feeds()] == [OTHER]
    assert store.purge_removed_feeds() == 1
    assert set(ids_by_guid(store)) == {"g1", "g7"}
    assert store.headlines(HeadlineQuery(starred_only=True))[0].feed_title == "Mine"
    store.star(ids_by_guid(store)["g1"], starred=False)
    store.purge_removed_feeds()
    assert URL not in store.feed_ids()


def test_failure_and_not_modified_update_fetch_state_only(store: Store) -> None:
    put(store, article(1))
    feed_id = store.feed_ids()[URL]
    store.record_failure(feed_id, "HTTP 500", now=NOW)
    store.record_failure(feed_id, "timed out after 30 s", now=NOW)
    feed = store.feeds()[0]
    assert (feed.last_error, feed.consecutive_failures, feed.total) == (
        "timed out after 30 s",
        2,
        1,
    )
    assert feed.failing
    store.record_not_modified(feed_id, None, "Wed, 01 Jan 2026 00:00:00 GMT", now=NOW)
    feed = store.feeds()[0]
    assert (feed.last_error, feed.consecutive_failures, feed.etag) == (None, 0, '"e"')
    assert feed.last_modified == "Wed, 01 Jan 2026 00:00:00 GMT"


def test_atomic_nests_and_rolls_back_whole(store: Store) -> None:
    feed_id = store.feed_ids()[URL]
    with store.atomic():
        store.record_failure(feed_id, "outer")
        with pytest.raises(RuntimeError), store.atomic():
            store.record_failure(feed_id, "inner")
            raise RuntimeError("inner fails")
    assert store.feeds()[0].last_error == "outer"
    with pytest.raises(RuntimeError), store.atomic():
        store.record_failure(feed_id, "both")
        raise RuntimeError("outer fails")
    assert store.feeds()[0].last_error == "outer"


def test_queries_filter_count_page_and_locate(store: Store) -> None:
    put(store, *(article(n) for n in range(10)))
    put(store, *(article(n + 100, url=OTHER) for n in range(5)), url=OTHER)
    everything = HeadlineQuery()
    assert store.headline_count(everything) == 15
    titles = [h.title for h in store.headlines(everything, offset=0, limit=100)]
    assert titles == [h.title for h in store.headlines(everything, 0, 7)] + [
        h.title for h in store.headlines(everything, 7, 100)
    ]
    mine = HeadlineQuery(feed_id=store.feed_ids()[URL])
    assert store.headline_count(mine) == 10
    assert store.headline_count(HeadlineQuery(category="news")) == 10
    target = store.headlines(mine, 4, 1)[0]
    assert store.headline_position(mine, target.id) == 4
    store.mark_read(target.id)
    unread = HeadlineQuery(feed_id=mine.feed_id, unread_only=True)
    assert store.headline_position(unread, target.id) is None
    assert store.headline_count(unread) == 9
    store.star(target.id)
    assert [h.id for h in store.headlines(HeadlineQuery(starred_only=True))] == [target.id]
    assert store.mark_all_read(HeadlineQuery(category="news")) == 9
    assert store.headline_count(HeadlineQuery(unread_only=True)) == 5
    assert store.feeds()[1].unread == 5


@pytest.mark.parametrize(
    "query",
    [
        HeadlineQuery(),
        HeadlineQuery(unread_only=True),
        HeadlineQuery(starred_only=True),
        HeadlineQuery(feed_id=1),
        HeadlineQuery(feed_id=1, unread_only=True),
    ],
)
def test_headline_pages_walk_an_index_instead_of_sorting(
    store: Store, query: HeadlineQuery
) -> None:
    from akhbar_tui.store_queries import _where

    where, params = _where(query)
    plan = " | ".join(
        row[3]
        for row in store.conn.execute(
            f"EXPLAIN QUERY PLAN SELECT a.id FROM articles a JOIN feeds f ON f.id = a.feed_id"
            f"{where} ORDER BY a.sort_key DESC, a.id DESC LIMIT 100",
            params,
        )
    )
    assert "TEMP B-TREE" not in plan, plan
    assert "INDEX articles_" in plan, plan


def test_missing_article_is_a_store_error(store: Store) -> None:
    with pytest.raises(StoreError, match="no longer"):
        store.article(12345)


def test_threads_read_on_their_own_connections_while_another_writes(store: Store) -> None:
    put(store, *(article(n) for n in range(20)))
    errors: list[BaseException] = []
    stop = time.monotonic() + 1.0

    def reader() -> None:
        try:
            while time.monotonic() < stop:
                count = store.headline_count(HeadlineQuery())
                assert count >= 20
                assert len(store.headlines(HeadlineQuery(), 0, 50)) >= min(count, 50)
        except BaseException as error:  # collected for the main thread
            errors.append(error)

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for thread in threads:
        thread.start()
    for batch in range(10):
        put(store, *(article(100 + batch * 5 + n) for n in range(5)))
    for thread in threads:
        thread.join()
    assert not errors
    assert store.headline_count(HeadlineQuery()) == 70


def test_last_refresh_round_trips(store: Store) -> None:
    assert store.last_refresh() is None
    when = datetime(2026, 3, 1, 12, tzinfo=UTC)
    store.set_last_refresh(when)
    assert store.last_refresh() == when
    assert store.integrity_ok()
