"""Pilot tests of the keys that change things: read, star, unread only, refresh, links, copies."""

from __future__ import annotations

import base64

from reader_fixtures import loaded, reader_app
from waiting import settled, until

from akhbar_tui.models import HeadlineQuery
from akhbar_tui.ui.app import AkhbarApp
from akhbar_tui.ui.messages import RefreshFinished, RefreshStarted
from akhbar_tui.ui.screens.dialogs import LinksDialog, SearchDialog


async def opened(app: AkhbarApp, pilot, title_start: str) -> None:  # type: ignore[no-untyped-def]
    """Move to the first headline whose title starts with `title_start` and open it."""
    headlines = app.main.headlines
    row = next(
        i for i in range(headlines.count) if headlines.headline_at(i).title.startswith(title_start)
    )
    headlines.move_to(row)
    await pilot.press("enter")
    main = app.main
    await until(
        pilot,
        lambda: main.open_article is not None and main.open_article.id == headlines.highlighted.id,
        f"article {title_start!r} opened",
    )


async def test_m_toggles_read_and_s_toggles_star(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        headline = app.main.headlines.highlighted
        await pilot.press("m")
        await until(pilot, lambda: app.main.headlines.highlighted.read, "row marked read")
        await settled(pilot)
        assert engine.article(headline.id).read
        assert app.main.headlines.highlighted.read
        await pilot.press("m", "s")
        await until(pilot, lambda: app.main.headlines.highlighted.starred, "row starred")
        await settled(pilot)
        stored = engine.article(headline.id)
        assert not stored.read and stored.starred
        assert app.main.headlines.highlighted.starred
        await pilot.press("s")
        await until(pilot, lambda: not app.main.headlines.highlighted.starred, "row unstarred")
        await settled(pilot)
        assert not engine.article(headline.id).starred


async def test_u_lists_unread_only_and_A_marks_the_list_read(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        total = app.main.headlines.count
        await pilot.press("enter")
        await until(pilot, lambda: app.main.open_article is not None, "article opened")
        await settled(pilot)  # its read mark stored before the unread list is read
        await pilot.press("u")
        await until(pilot, lambda: app.main.headlines.count == total - 1, "unread-only list")
        assert app.main.unread_only
        assert app.main.headlines.count == total - 1
        await pilot.press("A")
        await until(pilot, lambda: app.main.headlines.count == 0, "list marked read")
        await settled(pilot)
        assert engine.headline_count(HeadlineQuery(unread_only=True)) == 0
        assert app.main.headlines.count == 0
        await pilot.press("u")
        await until(pilot, lambda: app.main.headlines.count == total, "the whole list again")
        assert app.main.headlines.count == total


async def test_R_refreshes_every_feed_and_r_one_feed(engine, stored, recorder) -> None:
    _folder, server = stored
    app = reader_app(engine)
    async with app.run_test(size=(120, 40), message_hook=recorder) as pilot:
        await loaded(app, pilot)
        before = server.hits("/markets.xml")
        await pilot.press("R")
        await until(pilot, lambda: recorder.of(RefreshFinished), "refresh of every feed")
        await settled(pilot)  # the list reloaded after the refresh: moving now sticks
        assert recorder.of(RefreshStarted)[0].total == 3
        report = recorder.of(RefreshFinished)[0].report
        assert report is not None and len(report.results) == 3
        assert server.hits("/markets.xml") == before + 1
        markets = next(
            i
            for i in range(app.main.headlines.count)
            if app.main.headlines.headline_at(i).feed_title == "Markets Daily"
        )
        app.main.headlines.move_to(markets)
        await pilot.press("r")
        await until(
            pilot,
            lambda: len(recorder.of(RefreshFinished)) == 2 and not app.refreshing,
            "refresh of one feed",
        )
        assert recorder.of(RefreshStarted)[1].total == 1
        assert [r.title for r in recorder.of(RefreshFinished)[1].report.results] == [
            "Markets Daily"
        ]
        assert "1 feed: 1 ok" in str(app.main.status.render())


async def test_o_opens_only_web_links(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await opened(app, pilot, "Chipmaker")
        await pilot.press("o")
        await until(pilot, lambda: app.opened_urls, "link opened")
        assert app.opened_urls == ["https://demo.akhbar.invalid/markets/chips"]
        await opened(app, pilot, "[red]")  # its javascript: link never reaches the reader
        await pilot.press("o")
        await settled(pilot)
        for url in ("file:///etc/passwd", "javascript:alert(1)", "mailto:a@b.test"):
            app.main.open_url(url, ("http://", "https://"))
        await settled(pilot)
        assert app.opened_urls == ["https://demo.akhbar.invalid/markets/chips"]


async def test_l_lists_links_and_a_number_opens_one(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await opened(app, pilot, "Chipmaker")
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, LinksDialog), "links dialog")
        assert isinstance(app.screen, LinksDialog)
        await pilot.press("1", "enter")
        await until(pilot, lambda: app.opened_urls, "link 1 opened")
        await until(pilot, lambda: not isinstance(app.screen, LinksDialog), "links dialog closed")
        assert app.opened_urls == ["https://demo.akhbar.invalid/markets/chips/release"]
        assert not isinstance(app.screen, LinksDialog)


async def test_y_copies_the_link_and_Y_the_text_in_logical_order(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await opened(app, pilot, "البنك المركزي")
        await pilot.press("y")
        assert app.clipboard == "https://demo.akhbar.invalid/iqtisad/rates"
        await pilot.press("Y")
        text = app.clipboard
        assert text.startswith("البنك المركزي يثبّت سعر الفائدة")
        assert "قرر البنك المركزي يوم الأربعاء" in text
        assert base64.b64encode(text.encode()).decode()  # OSC 52 carries it as base64


async def test_slash_opens_search_with_a_shaped_preview(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await pilot.press("slash")
        await until(pilot, lambda: isinstance(app.screen, SearchDialog), "search dialog")
        assert isinstance(app.screen, SearchDialog)
        await pilot.press(*"سلام")
        await until(
            pilot,
            lambda: str(app.screen.query_one("#query-preview").render()) == app.bidi.visual("سلام"),
            "shaped preview",
        )
        preview = str(app.screen.query_one("#query-preview").render())
        assert preview == app.bidi.visual("سلام") and preview != "سلام"
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchDialog)
