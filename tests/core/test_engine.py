"""The engine against a real HTTP server on 127.0.0.1 and a real SQLite file."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from engine_helpers import rss, write_config
from feedserver import FeedServer, Reply, feed, status

from akhbar_tui.config import load_config
from akhbar_tui.engine import Engine
from akhbar_tui.engine_refresh import Refresh, interleave_by_host
from akhbar_tui.errors import ConfigError, FetchError, StoreError
from akhbar_tui.models import FeedSpec, HeadlineQuery, RefreshProgress

HTML_PAGE = (
    b"<!doctype html><html><head><title>Site</title>"
    b'<link rel="alternate" type="application/rss+xml" href="/feed.xml">'
    b'<link rel="alternate" type="application/atom+xml" href="/atom.xml">'
    b"</head><body>hello</body></html>"
)


@pytest.fixture
def server() -> FeedServer:
    with FeedServer() as srv:
        yield srv


def make_engine(tmp_path: Path, server: FeedServer, paths: list[str], **kw: str) -> Engine:
    config = write_config(tmp_path / "feeds.toml", [server.url(p) for p in paths], **kw)
    return Engine(config, tmp_path / "akhbar.db")


def by_url(report: object) -> dict[str, object]:
    return {r.url.rsplit("/", 1)[-1]: r for r in report.results}  # type: ignore[attr-defined]


def test_refresh_stores_new_then_gets_304_and_parses_nothing(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/a.xml"] = feed(rss(range(5)), etag='"a1"')
    server.routes["/b.xml"] = feed(
        rss(range(3), arabic=True), last_modified="Wed, 01 Jan 2025 00:00:00 GMT"
    )
    engine = make_engine(tmp_path, server, ["/a.xml", "/b.xml"])
    report = asyncio.run(engine.refresh())
    assert report.summary_line() == "2 feeds: 2 ok, 0 unchanged, 0 failed; 8 new articles"
    assert [r.status for r in report.results] == ["new", "new"]
    assert engine.headline_count(HeadlineQuery()) == 8
    assert engine.last_refresh() is not None

    refresh = Refresh(engine._store, engine.config.settings, engine.config.feeds,
                      engine._store.feed_ids())  # fmt: skip
    results = asyncio.run(refresh.run())
    assert {r.status for r in results.values()} == {"unchanged"}
    assert refresh.pool.started == 0  # a 304 is never parsed
    conditional = [r.headers for r in server.requests[-2:]]
    assert any(h.get("if-none-match") == '"a1"' for h in conditional)
    assert any(h.get("if-modified-since") for h in conditional)
    engine.close()


def test_edited_article_keeps_read_and_starred_and_counts_as_updated(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/a.xml"] = feed(rss(range(4)))
    engine = make_engine(tmp_path, server, ["/a.xml"])
    asyncio.run(engine.refresh())
    heads = {h.title: h.id for h in engine.headlines(HeadlineQuery())}
    engine.mark_read(heads["Item 2"])
    engine.star(heads["Item 2"])
    server.routes["/a.xml"] = feed(rss(range(5), edited=[2]))
    report = asyncio.run(engine.refresh())
    result = report.results[0]
    assert (result.status, result.new, result.updated) == ("new", 1, 1)
    edited = engine.article(heads["Item 2"])
    assert (edited.title, edited.read, edited.starred) == ("Item 2 (edited)", True, True)
    assert engine.feeds()[0].unread == 4
    engine.close()


def test_one_feed_failing_never_touches_another_or_its_own_articles(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/good.xml"] = feed(rss(range(3)))
    server.routes["/flaky.xml"] = feed(rss(range(2)))
    server.routes["/page.html"] = feed(HTML_PAGE, "text/html")
    server.routes["/broken.xml"] = feed(b"<?xml version='1.0'?><rss version='2.0'><channel><ti")
    server.routes["/damaged.xml"] = feed(b"<rss version='2.0'><channel><item><title>x</ti")
    engine = make_engine(
        tmp_path,
        server,
        ["/good.xml", "/flaky.xml", "/page.html", "/broken.xml", "/damaged.xml", "/gone.xml"],
    )
    asyncio.run(engine.refresh())
    server.routes["/flaky.xml"] = status(500)
    report = asyncio.run(engine.refresh())
    results = by_url(report)
    assert results["good.xml"].status == "ok"
    assert (results["flaky.xml"].status, results["flaky.xml"].reason) == ("failed", "HTTP 500")
    assert results["gone.xml"].reason == "HTTP 404"
    assert results["page.html"].status == "failed"
    assert "HTML page" in results["page.html"].reason
    assert server.url("/feed.xml") in results["page.html"].reason
    assert results["broken.xml"].status == "failed"
    assert "XML" in results["broken.xml"].reason
    assert (results["damaged.xml"].status, results["damaged.xml"].new) == ("ok", 0)
    assert results["damaged.xml"].warning  # recoverable: its item was stored the first time
    feeds = {f.url.rsplit("/", 1)[-1]: f for f in engine.feeds()}
    assert (feeds["flaky.xml"].total, feeds["flaky.xml"].last_error) == (2, "HTTP 500")
    assert feeds["flaky.xml"].consecutive_failures == 1
    assert feeds["good.xml"].total == 3 and not feeds["good.xml"].failing
    assert report.summary_line().endswith("4 failed; 0 new articles")
    engine.close()


def test_progress_reports_every_feed_once_in_the_refreshing_thread(
    tmp_path: Path, server: FeedServer
) -> None:
    for name in "abcd":
        server.routes[f"/{name}.xml"] = feed(rss(range(2), title=name))
    engine = make_engine(tmp_path, server, [f"/{n}.xml" for n in "abcd"])
    steps: list[RefreshProgress] = []
    threads: set[int] = set()

    def on_progress(step: RefreshProgress) -> None:
        steps.append(step)
        threads.add(threading.get_ident())

    asyncio.run(engine.refresh(on_progress=on_progress))
    assert [s.done for s in steps] == [1, 2, 3, 4]
    assert {s.total for s in steps} == {4}
    assert sorted(s.title for s in steps) == ["a", "b", "c", "d"]
    assert threads == {threading.get_ident()}
    engine.close()


def test_removed_feed_loses_unstarred_articles_at_the_next_refresh(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/a.xml"] = feed(rss(range(3)))
    server.routes["/b.xml"] = feed(rss(range(10, 12)))
    engine = make_engine(tmp_path, server, ["/a.xml", "/b.xml"], titles=["A", "B"])
    asyncio.run(engine.refresh())
    keep = engine.headlines(HeadlineQuery(feed_id=engine.feeds()[0].id))[0]
    engine.star(keep.id)
    removed = engine.remove_feed("A")
    assert removed.url == server.url("/a.xml")
    assert [f.title for f in engine.feeds()] == ["B"]
    assert engine.headline_count(HeadlineQuery()) == 5  # nothing deleted before the refresh
    asyncio.run(engine.refresh())
    assert engine.headline_count(HeadlineQuery()) == 3
    assert engine.article(keep.id).starred
    assert [h.id for h in engine.headlines(HeadlineQuery(starred_only=True))] == [keep.id]
    engine.close()


def test_refresh_of_named_feeds_only_and_disabled_feeds_skipped(
    tmp_path: Path, server: FeedServer
) -> None:
    for name in "abc":
        server.routes[f"/{name}.xml"] = feed(rss(range(2)))
    path = tmp_path / "feeds.toml"
    write_config(path, [server.url(f"/{n}.xml") for n in "abc"])
    path.write_text(path.read_text() + "enabled = false\n")  # the last feed
    engine = Engine(load_config(path), tmp_path / "akhbar.db")
    assert [f.enabled for f in engine.feeds()] == [True, True, False]
    report = asyncio.run(engine.refresh())
    assert [r.url for r in report.results] == [server.url("/a.xml"), server.url("/b.xml")]
    report = asyncio.run(engine.refresh([engine.config.feeds[2]]))
    assert [(r.url, r.new) for r in report.results] == [(server.url("/c.xml"), 2)]
    engine.close()


def test_add_feed_and_save_setting_write_the_file_and_reload(
    tmp_path: Path, server: FeedServer
) -> None:
    engine = make_engine(tmp_path, server, ["/a.xml"])
    engine.add_feed(FeedSpec(url=server.url("/new.xml"), title="New"))
    assert [f.title for f in engine.feeds()][-1] == "New"
    assert engine.config.feeds[-1].title == "New"
    with pytest.raises(ConfigError):
        engine.add_feed(FeedSpec(url=server.url("/new.xml")))
    engine.save_setting("keep_per_feed", 42)
    assert engine.config.settings.keep_per_feed == 42
    assert "keep_per_feed = 42" in (tmp_path / "feeds.toml").read_text()
    engine.close()


def test_discover_lists_the_feeds_a_page_links(tmp_path: Path, server: FeedServer) -> None:
    server.routes["/"] = feed(HTML_PAGE, "text/html")
    server.routes["/feed.xml"] = feed(rss(range(1)))
    engine = make_engine(tmp_path, server, [])
    assert asyncio.run(engine.discover(server.url("/"))) == [
        server.url("/feed.xml"),
        server.url("/atom.xml"),
    ]
    assert asyncio.run(engine.discover(server.url("/feed.xml"))) == [server.url("/feed.xml")]
    with pytest.raises(FetchError, match="404"):
        asyncio.run(engine.discover(server.url("/nothing")))
    engine.close()


def test_reads_from_other_threads_during_a_refresh(tmp_path: Path, server: FeedServer) -> None:
    server.latency = 0.05
    paths = [f"/f{n}.xml" for n in range(12)]
    for n, path in enumerate(paths):
        server.routes[path] = feed(rss(range(n * 100, n * 100 + 20)))
    engine = make_engine(tmp_path, server, paths)
    errors: list[BaseException] = []
    done = threading.Event()
    counts: list[int] = []

    def refresher() -> None:
        try:
            asyncio.run(engine.refresh())
        except BaseException as error:  # reported by the main thread
            errors.append(error)
        finally:
            done.set()

    worker = threading.Thread(target=refresher)
    worker.start()
    while not done.is_set():
        counts.append(engine.headline_count(HeadlineQuery()))
        for head in engine.headlines(HeadlineQuery(), 0, 30):
            try:
                engine.article(head.id)
            except StoreError as error:
                errors.append(error)
        engine.feeds()
    worker.join()
    assert not errors
    assert counts == sorted(counts)
    assert engine.headline_count(HeadlineQuery()) == 240
    engine.close()


def test_interleave_by_host_round_robins() -> None:
    specs = [
        FeedSpec(url=u)
        for u in ("http://a/1", "http://a/2", "http://a/3", "http://b/1", "http://c/1")
    ]
    assert [s.url for s in interleave_by_host(specs)] == [
        "http://a/1", "http://b/1", "http://c/1", "http://a/2", "http://a/3",
    ]  # fmt: skip


def test_a_redirected_feed_resolves_links_against_its_final_url(
    tmp_path: Path, server: FeedServer
) -> None:
    body = rss(range(1)).replace(b"https://example.org/0", b"story/0")
    server.routes["/old.xml"] = Reply(status=301, headers={"Location": "/news/new.xml"})
    server.routes["/news/new.xml"] = feed(body)
    engine = make_engine(tmp_path, server, ["/old.xml"])
    asyncio.run(engine.refresh())
    assert engine.headlines(HeadlineQuery())[0].link == server.url("/news/story/0")
    engine.close()
