"""Pilot tests of moving around: list keys, Enter, Esc, Tab, paging, next/previous unread."""

from __future__ import annotations

from reader_fixtures import loaded, reader_app
from waiting import settled, until

from akhbar_tui.models import HeadlineQuery
from akhbar_tui.ui.messages import ArticleOpened
from akhbar_tui.ui.widgets.virtual_list import VirtualList


async def test_starts_on_all_newest_first_with_headlines_focused(engine, recorder) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40), message_hook=recorder) as pilot:
        await loaded(app, pilot)
        main = app.main
        assert app.focused is main.headlines
        assert main.entry.kind == "all"
        newest = engine.headlines(HeadlineQuery(), 0, 1)[0]
        assert main.headlines.highlighted == newest
        assert main.headlines.count == engine.headline_count(HeadlineQuery())


async def test_j_k_and_arrows_move_the_cursor_and_post_highlighted(engine, recorder) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40), message_hook=recorder) as pilot:
        await loaded(app, pilot)
        headlines = app.main.headlines
        await pilot.press("j", "j", "down")
        assert headlines.cursor == 3
        await pilot.press("k", "up")
        assert headlines.cursor == 1
        await pilot.press("end")
        assert headlines.cursor == headlines.count - 1
        await pilot.press("home")
        assert headlines.cursor == 0
        moved = [m.index for m in recorder.of(VirtualList.Highlighted) if m.control is headlines]
        assert moved[-6:] == [1, 2, 3, 2, 1, headlines.count - 1][-6:] or 3 in moved


async def test_j_enter_j_enter_reads_one_article_after_another(engine, recorder) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40), message_hook=recorder) as pilot:
        await loaded(app, pilot)
        main = app.main
        first = main.headlines.highlighted
        await pilot.press("enter")
        await until(pilot, lambda: main.open_article is not None, "first article opened")
        assert main.open_article is not None and main.open_article.id == first.id
        assert app.focused is main.headlines
        await pilot.press("j", "enter")
        await until(pilot, lambda: main.open_article.id != first.id, "second article opened")
        await settled(pilot)
        second = main.headlines.highlighted
        assert main.open_article.id == second.id != first.id
        opened = [m.article_id for m in recorder.of(ArticleOpened)]
        assert opened == [first.id, second.id]
        assert engine.article(first.id).read and engine.article(second.id).read
        assert main.headlines.headline_at(0).read


async def test_tab_cycles_panes_and_shift_tab_goes_back(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        order = []
        for _ in range(4):
            await pilot.press("tab")
            order.append(app.focused.id)
        assert order == ["article", "figures", "feeds", "headlines"]
        await pilot.press("shift+tab")
        assert app.focused.id == "feeds"


async def test_escape_goes_back_from_article_to_headlines_to_feeds(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await pilot.press("tab")
        assert app.focused.id == "article"
        await pilot.press("escape")
        assert app.focused.id == "headlines"
        await pilot.press("escape")
        assert app.focused.id == "feeds"


async def test_space_and_pagedown_page_the_article_from_the_headlines(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        await pilot.press("enter")
        view = app.main.article_view
        await until(pilot, lambda: app.main.doc is not None, "article opened")
        await settled(pilot)
        assert view.virtual_size.height > view.scrollable_content_region.height
        await pilot.press("space")
        await until(pilot, lambda: view.scroll_offset.y > 0, "article paged")
        first = view.scroll_offset.y
        assert first > 0
        await pilot.press("pagedown")
        await until(
            pilot,
            lambda: view.scroll_offset.y > first or view.scroll_offset.y == view.max_scroll_y,
            "article paged again",
        )
        assert view.scroll_offset.y > first or view.scroll_offset.y == view.max_scroll_y
        assert app.focused is app.main.headlines


async def test_n_and_p_open_next_and_previous_unread(engine, recorder) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40), message_hook=recorder) as pilot:
        await loaded(app, pilot)
        headlines = app.main.headlines
        await pilot.press("enter")
        await until(pilot, lambda: app.main.open_article is not None, "first article opened")
        await settled(pilot)
        await pilot.press("n")
        await until(
            pilot, lambda: len(recorder.of(ArticleOpened)) == 2, "next unread article opened"
        )
        await settled(pilot)
        assert headlines.cursor == 1
        assert app.main.open_article.id == headlines.highlighted.id
        await pilot.press("j", "j", "m")  # row 3 marked read by hand... then back up
        await until(pilot, lambda: headlines.headline_at(3).read, "row 3 marked read")
        await settled(pilot)
        await pilot.press("k", "k", "k", "m")  # row 0 unread again
        await until(pilot, lambda: not headlines.headline_at(0).read, "row 0 unread again")
        await settled(pilot)
        await pilot.press("j", "j", "p")
        await until(
            pilot, lambda: len(recorder.of(ArticleOpened)) == 3, "previous unread article opened"
        )
        await settled(pilot)
        assert headlines.cursor == 0
        assert [m.article_id for m in recorder.of(ArticleOpened)][-1] == headlines.headline_at(0).id


async def test_enter_on_a_feed_lists_its_headlines(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        main = app.main
        await pilot.press("escape")
        assert app.focused is main.feeds
        row = next(i for i, e in enumerate(main.feeds.entries) if e.label == "Markets Daily")
        main.feeds.move_to(row)
        await pilot.press("enter")
        await until(pilot, lambda: main.headlines.count == 3, "the feed's headlines listed")
        await settled(pilot)
        assert app.focused is main.headlines
        assert main.entry.label == "Markets Daily"
        assert main.headlines.count == 3
        assert {main.headlines.headline_at(i).feed_title for i in range(3)} == {"Markets Daily"}


async def test_moving_while_the_list_reloads_keeps_the_new_position(engine) -> None:
    """A refresh's reload lands after the reader moved on: the cursor stays where they went."""
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        main, headlines = app.main, app.main.headlines
        target = headlines.headline_at(3)
        main.reload()  # the worker's answer can only land after this turn of the event loop
        headlines.move_to(3)
        await settled(pilot)
        assert headlines.cursor == 3
        assert headlines.highlighted.id == target.id
