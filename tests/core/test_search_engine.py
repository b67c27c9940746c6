"""`Engine.search` and `akhbar search` against a real SQLite file in tmp_path."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from akhbar_tui import cli, paths, store_search
from akhbar_tui.arabic import fold
from akhbar_tui.article_text import parse as parse_html
from akhbar_tui.config import load_config
from akhbar_tui.engine import Engine
from akhbar_tui.errors import ConfigError
from akhbar_tui.models import Article, ParsedFeed
from akhbar_tui.search_text import index_text
from akhbar_tui.store_schema import MIGRATIONS

AR = "https://ar.example/feed.xml"
EN = "https://en.example/feed.xml"
NOW = datetime.now(UTC).replace(microsecond=0)

ARTICLES = {
    AR: [
        ("a1", "إيلون ماسك يشتري منصة جديدة", "<p>قال مصدر إن الصفقة بلغت ٤٤ مليار دولار.</p>"),
        ("a2", "الاقتصاد العالمي", "<p>وقالَ الوزيرُ إنّ الاقتصاد ينمو <b>وبالمليار</b> دولار.</p>"),
        ("a3", "لقاء في بيروت", "<p>زار الوزير لبنان وتحدث عن لعب الأطفال وماسك.</p>"),
        ("a4", "أخبار الملاعب", "<p>ملعب جديد وتلاعب بالنتائج وزيارة للوزارة.</p>"),
    ],
    EN: [
        ("e1", "Musk buys a platform", "<p>Elon Musk said the deal is worth $44 billion.</p>"),
        (
            "e2",
            "Markets today",
            "<p>The <i>market value</i> of the company rose; MUSK fans cheered.</p>",
        ),
    ],
}


def write_feeds(path: Path) -> Path:
    path.write_text(
        f'[[feeds]]\nurl = "{AR}"\ntitle = "أخبار"\nlang = "ar"\n\n'
        f'[[feeds]]\nurl = "{EN}"\ntitle = "News"\nlang = "en"\n',
        encoding="utf-8",
    )
    return path


def store(engine: Engine, url: str, items: list[tuple[str, str, str]], hours: int = 0) -> None:
    articles = tuple(
        Article(
            feed_url=url,
            guid=guid,
            title=title,
            link=f"{url}#{guid}",
            published=NOW - timedelta(hours=hours + n),
            summary_html=body,
        )
        for n, (guid, title, body) in enumerate(items)
    )
    feed_id = engine._store.feed_ids()[url]
    engine._store.store_parsed(
        feed_id, ParsedFeed("t", None, None, articles), etag=None, last_modified=None,
        keep_days=3650, keep_per_feed=1000,
    )  # fmt: skip


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    database = paths.database_file()  # where `akhbar search` looks too
    database.parent.mkdir(parents=True, exist_ok=True)
    engine = Engine(load_config(write_feeds(tmp_path / "feeds.toml")), database)
    store(engine, AR, ARTICLES[AR])
    store(engine, EN, ARTICLES[EN], hours=10)
    yield engine
    engine.close()


def guids(engine: Engine, query: str, **kw: object) -> list[str]:
    hits = engine.search(query, **kw)  # type: ignore[arg-type]
    conn = engine._store.conn
    return [conn.execute("SELECT guid FROM articles WHERE id = ?", (h.id,)).fetchone()[0]
            for h in hits]  # fmt: skip


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ماسك", ["a1", "a3"]),  # a3 has وماسك
        ("مليار", ["a1", "a2"]),  # a2 has وبالمليار
        ("بالمليار", ["a1", "a2"]),
        ("اقتصاد", ["a2"]),  # الاقتصاد in title and body
        ("اقتص*", ["a2"]),
        ("وزير", ["a2", "a3"]),  # الوزيرُ (with a haraka), الوزير
        ("زير", []),  # near miss: وزير is not و + زير
        ("لعب", ["a3"]),  # not ملعب, تلاعب
        ("قال", ["a1", "a2"]),  # قال, وقالَ
        ("٤٤", ["a1", "e1"]),
        ("44", ["a1", "e1"]),
        ('"مليار دولار"', ["a1", "a2"]),
        ('"دولار مليار"', []),
        ("musk", ["e1", "e2"]),
        ('"market value"', ["e2"]),
        ("title:musk", ["e1"]),
        ("musk -deal", ["e2"]),
        ("بيروت OR platform", ["a3", "e1"]),
    ],
)
def test_search_finds_what_a_reader_expects(
    engine: Engine, query: str, expected: list[str]
) -> None:
    assert guids(engine, query) == expected


@pytest.mark.parametrize("query", ["", '"', "*", "AND", "NOT", "OR OR", "title:", "^", "(("])
def test_hostile_queries_find_nothing_without_error(engine: Engine, query: str) -> None:
    assert engine.search(query) == []


def test_newest_and_relevance_orders(engine: Engine) -> None:
    assert guids(engine, "musk") == ["e1", "e2"]  # e1 is newer
    store(engine, EN, [("e3", "Musk Musk Musk", "<p>Musk, Musk and Musk.</p>")], hours=100)
    assert guids(engine, "musk")[-1] == "e3"  # oldest last
    assert guids(engine, "musk", order="relevance")[0] == "e3"


def test_feed_and_unread_filters(engine: Engine) -> None:
    assert guids(engine, "44", feed="News") == ["e1"]
    assert guids(engine, "44", feed=AR) == ["a1"]
    first = engine.search("44", feed="news")[0]
    engine.mark_read(first.id)
    assert guids(engine, "44", unread_only=True) == ["a1"]
    with pytest.raises(ConfigError):
        engine.search("44", feed="no such feed")


def test_hit_fields_snippet_and_highlights(engine: Engine) -> None:
    (hit,) = engine.search("بالمليار", feed="أخبار", limit=1)
    assert hit.feed_title == "أخبار" and hit.feed_url == AR
    assert hit.link == f"{AR}#a1" and hit.published == NOW
    marked = [hit.snippet[s:e] for s, e in hit.snippet_matches]
    assert marked == ["مليار"]
    (hit,) = engine.search("الاقتصاد")
    assert [hit.title[s:e] for s, e in hit.title_matches] == ["الاقتصاد"]
    assert [fold(hit.snippet[s:e]) for s, e in hit.snippet_matches] == ["الاقتصاد"]


def test_matches_in_the_article_plain_text(engine: Engine) -> None:
    (hit,) = engine.search("وزير مليار")
    article = engine.article(hit.id)
    text = parse_html(article.summary_html, article.link, lang="ar").text
    spans = engine.search_matches(text, "وزير مليار")
    assert [text[s:e] for s, e in spans] == ["الوزيرُ", "وبالمليار"]


def test_edits_and_deletions_reach_the_index(engine: Engine) -> None:
    store(engine, EN, [("e1", "Bezos buys a platform", "<p>No one else.</p>")], hours=10)
    assert guids(engine, "musk") == ["e2"]
    assert guids(engine, "bezos") == ["e1"]
    engine._store.conn.execute("DELETE FROM articles WHERE guid = 'e1'")
    assert guids(engine, "bezos") == []
    assert engine._store.conn.execute("SELECT count(*) FROM search").fetchone()[0] == 5


def test_migration_indexes_an_existing_database(tmp_path: Path) -> None:
    database = tmp_path / "akhbar.db"
    conn = sqlite3.connect(database)
    conn.executescript(MIGRATIONS[0])
    conn.execute(
        "INSERT INTO feeds (id, url, spec_title, position) VALUES (1, ?, 'أخبار', 0)", (AR,)
    )
    conn.execute(
        "INSERT INTO articles (id, feed_id, guid, title, first_seen, sort_key, fingerprint) "
        "VALUES (7, 1, 'old', 'خبر قديم', 0, 0, 'x')"
    )
    conn.execute("INSERT INTO bodies (article_id, summary_html) VALUES (7, '<p>والمليار</p>')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    engine = Engine(load_config(write_feeds(tmp_path / "feeds.toml")), database)
    try:
        assert [h.id for h in engine.search("مليار")] == [7]
    finally:
        engine.close()


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = cli.main(list(argv))
    return code, capsys.readouterr().out


def test_cli_json_and_plain_output(
    engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = str(tmp_path / "feeds.toml")
    engine.close()
    code, out = run_cli(capsys, "search", "مليار", "--json", "--config", config)
    assert code == 0
    hits = json.loads(out)
    assert [h["title"] for h in hits] == [t for g, t, _ in ARTICLES[AR][:2]]
    assert set(hits[0]) == {"id", "feed", "feed_url", "title", "link", "published", "snippet"}
    assert hits[0]["feed"] == "أخبار" and hits[0]["feed_url"] == AR
    assert datetime.fromisoformat(hits[0]["published"]) == NOW
    code, out = run_cli(capsys, "search", "musk", "--relevance", "--config", config)
    assert code == 0
    assert len(out.splitlines()) == 2 and "Musk buys a platform" in out
    for query in ["", '"', "NOT", "nothing-matches-this"]:
        code, out = run_cli(capsys, "search", query, "--config", config)
        assert (code, out) == (0, "")


def test_words_next_to_arabic_punctuation_are_found(engine: Engine) -> None:
    store(engine, AR, [("p1", "خبر", "<p>قال «ماسك»، إن الصفقة تمت؛ وانتهى.</p>")], hours=50)
    assert guids(engine, "ماسك") == ["a1", "a3", "p1"]
    assert guids(engine, "الصفقة") == ["a1", "p1"]


def test_a_summary_is_searchable_unless_the_content_repeats_it(engine: Engine) -> None:
    article = Article(
        feed_url=EN,
        guid="s1",
        title="Summary test",
        link=f"{EN}#s1",
        published=NOW - timedelta(hours=60),
        summary_html="<p>Only the summary says zanzibar.</p>",
        content_html="<p>The content says quokka.</p>",
    )
    repeat = dataclasses.replace(
        article,
        guid="s2",
        summary_html="<p>The content says kookaburra.</p>",
        content_html="<p>The content says kookaburra.</p><p>And more.</p>",
    )
    feed_id = engine._store.feed_ids()[EN]
    engine._store.store_parsed(
        feed_id, ParsedFeed("t", None, None, (article, repeat)), etag=None,
        last_modified=None, keep_days=3650, keep_per_feed=1000,
    )  # fmt: skip
    assert guids(engine, "zanzibar") == ["s1"]
    assert guids(engine, "quokka") == ["s1"]
    assert guids(engine, "kookaburra") == ["s2"]
    assert index_text(repeat.summary_html, repeat.content_html, None).count("kookaburra") == 1


def test_an_edit_made_while_a_catch_up_runs_stays_queued(engine: Engine) -> None:
    conn = engine._store.conn
    engine.update_search_index()
    store(engine, EN, [("e1", "Musk buys a platform", "<p>Old words: walrus.</p>")], hours=10)
    batch = conn.execute("SELECT seq, article_id FROM search_pending").fetchall()
    stale = store_search._folded_rows(conn, [article_id for _, article_id in batch])
    store(engine, EN, [("e1", "Musk buys a platform", "<p>New words: narwhal.</p>")], hours=10)
    store_search._write(engine._store.atomic, batch, stale)  # the catch-up read before the edit
    assert store_search.pending(conn) == 1
    assert guids(engine, "narwhal") == ["e1"] and guids(engine, "walrus") == []


def test_an_article_deleted_while_a_catch_up_runs_is_not_indexed_again(engine: Engine) -> None:
    conn = engine._store.conn
    batch = conn.execute("SELECT seq, article_id FROM search_pending").fetchall()
    rows = store_search._folded_rows(conn, [article_id for _, article_id in batch])
    conn.execute("DELETE FROM articles WHERE guid = 'e1'")
    store_search._write(engine._store.atomic, batch, rows)
    assert conn.execute("SELECT count(*) FROM search").fetchone()[0] == 5
    assert store_search.pending(conn) == 0


def test_relevance_ranks_the_most_recently_stored_matches(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    store(engine, EN, [("e3", "Musk Musk Musk", "<p>Musk, Musk and Musk.</p>")], hours=100)
    assert guids(engine, "musk", order="relevance")[0] == "e3"
    monkeypatch.setattr(store_search, "RELEVANCE_POOL", 2)
    store(engine, EN, [("e4", "Musk again", "<p>A word on musk.</p>")], hours=1)
    assert guids(engine, "musk", order="relevance") == ["e3", "e4"]  # e1, e2 stored earlier


def test_catch_up_in_batches_indexes_everything(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_search, "BATCH", 2)  # several batches: the pipelined path
    items = [(f"b{n}", f"Batch item {n}", f"<p>platypus number {n}</p>") for n in range(7)]
    store(engine, EN, items, hours=200)
    assert engine.update_search_index() == 13
    assert len(engine.search("platypus")) == 7
    assert store_search.pending(engine._store.conn) == 0
