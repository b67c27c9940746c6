"""Pilot tests of search (`/`, results, Esc), key figures (selection scrolls and highlights) and
the full text (`f`), on a served feed with a long Arabic article and article pages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from long_article import LATE_FIGURE, PAGE_TEXT, long_engine
from reader_fixtures import loaded, reader_app
from rich.style import Style
from waiting import settled, until

from akhbar_tui.engine import Engine
from akhbar_tui.ui.app import AkhbarApp
from akhbar_tui.ui.screens.dialogs import SearchDialog
from core.feedserver import FeedServer


@pytest.fixture
def long_reader(tmp_path) -> Iterator[tuple[Engine, FeedServer]]:  # type: ignore[no-untyped-def]
    """The long-article feed, refreshed outside the test's event loop."""
    with long_engine(tmp_path) as pair:
        yield pair


async def wait_for(pilot, condition, what: str) -> None:  # type: ignore[no-untyped-def]
    """Pause until `condition()` holds (a generous deadline: see `waiting`)."""
    await until(pilot, condition, what)


def styled_text(strip, style: Style) -> str:  # type: ignore[no-untyped-def]
    """The characters of a painted row carrying every attribute of `style`."""
    return "".join(
        seg.text
        for seg in strip
        if seg.style is not None
        and (style.bgcolor is None or seg.style.bgcolor == style.bgcolor)
        and (not style.underline or seg.style.underline)
        and (not style.bold or seg.style.bold)
    )


async def search(app: AkhbarApp, pilot, query: str) -> None:  # type: ignore[no-untyped-def]
    """Type `query` into the search field and wait for the results."""
    await pilot.press("slash")
    await wait_for(pilot, lambda: isinstance(app.screen, SearchDialog), "search dialog")
    await pilot.press(*query, "enter")
    await wait_for(pilot, lambda: app.main.search_query == query, "search results")


async def test_search_lists_hits_with_matches_marked_and_esc_restores_the_list(engine) -> None:
    engine.update_search_index()
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        main, headlines = app.main, app.main.headlines
        await pilot.press("j", "j")
        before = (headlines.count, headlines.cursor, headlines.highlighted.id)
        await search(app, pilot, "المركزي")
        assert headlines.hits is not None and headlines.count == len(headlines.hits) >= 1
        assert all("المركزي" in h.title or "المركزي" in h.snippet for h in headlines.hits.values())
        hit = headlines.highlighted
        assert headlines.hits[hit.id].title_matches
        mark = headlines.get_component_rich_style("headline-list--match", partial=True)
        row = headlines.render_line(0)
        marked = styled_text(row, mark)
        assert app.bidi.visual("المركزي") in marked
        assert "Search" in str(main.status.render())
        await pilot.press("enter")
        await wait_for(pilot, lambda: main.open_article is not None, "article opened")
        assert main.open_article.id == hit.id
        view = main.article_view
        assert view.matches and view.title_matches
        start, end = view.matches[0]
        assert view.doc.text.text[start:end] == "المركزي"
        match = view.get_component_rich_style("article-view--match")
        painted = [styled_text(view.render_line(y), match) for y in range(10)]
        assert app.bidi.visual("المركزي") in "".join(painted)
        await pilot.press("tab", "escape")  # from the article, Esc goes back to the results
        await wait_for(pilot, lambda: app.focused is headlines, "focus back on the results")
        await settled(pilot)
        assert app.focused is headlines and main.search_query is not None
        await pilot.press("escape")
        await wait_for(pilot, lambda: main.search_query is None, "search left")
        await settled(pilot)
        assert main.search_query is None and headlines.hits is None
        assert (headlines.count, headlines.cursor, headlines.highlighted.id) == before
        assert app.focused is headlines


async def test_hostile_query_is_a_query_and_nothing_found_keeps_the_reader(engine) -> None:
    engine.update_search_index()
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await search(app, pilot, '"AND * [red]')
        assert app.main.headlines.count == 0
        assert "nothing found" in str(app.main.status.render())
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.main.headlines.count >= 1, "the list back")
        assert app.main.headlines.count >= 1


async def test_palette_offers_search_and_full_text(engine) -> None:
    from akhbar_tui.ui.commands import AkhbarCommands

    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        provider = AkhbarCommands(app.screen)
        titles = [command.text for command in provider.commands()]
        assert "Search articles…" in titles and "Fetch full article text" not in titles
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.main.open_article is not None, "article opened")
        titles = [command.text for command in provider.commands()]
        assert "Fetch full article text" in titles and "Leave search results" not in titles


async def test_selecting_a_figure_scrolls_the_article_to_it_and_highlights_it(long_reader) -> None:
    engine, _server = long_reader
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        main = app.main
        headlines = main.headlines
        row = next(
            i for i in range(headlines.count) if headlines.headline_at(i).title.startswith("تقرير")
        )
        headlines.move_to(row)
        await pilot.press("enter")
        figures = main.figures_list
        await wait_for(pilot, lambda: bool(figures.figures), "figures found")
        view = main.article_view
        assert view.scroll_offset.y == 0
        last = max(figures.figures, key=lambda f: f.start)  # the figure of the last paragraph
        index = figures.figures.index(last)
        assert LATE_FIGURE.split()[0] in last.span
        await pilot.press("tab", "tab")  # headlines → article → figures
        assert app.focused is figures
        figures.move_to(index)
        await pilot.press("enter")
        await wait_for(pilot, lambda: view.highlight is not None, "figure highlighted")
        await settled(pilot)
        figure = figures.figures[index]
        assert view.highlight == (figure.start, figure.end)
        assert view.doc.text.text[figure.start : figure.end] == figure.span
        target = view.row_of(figure.start, figure.end)
        height = view.scrollable_content_region.height
        assert target is not None and target > height  # it was below the first screen
        assert view.scroll_offset.y > 0
        assert view.scroll_offset.y <= target < view.scroll_offset.y + height
        mark = view.get_component_rich_style("article-view--figure")
        strip = view.render_line(target - int(view.scroll_offset.y))
        marked = styled_text(strip, mark)
        assert marked.replace(" ", "") == app.bidi.visual(figure.span).replace(" ", "")
        others = [
            styled_text(view.render_line(y), mark)
            for y in range(height)
            if y != target - int(view.scroll_offset.y)
        ]
        assert not any(o.strip() for o in others)


async def test_f_fetches_the_full_text_and_figures_follow_it(long_reader, recorder) -> None:
    engine, server = long_reader
    app = reader_app(engine)
    async with app.run_test(size=(120, 40), message_hook=recorder) as pilot:
        await loaded(app, pilot)
        main, headlines = app.main, app.main.headlines
        row = next(
            i for i in range(headlines.count) if headlines.headline_at(i).title.startswith("الوزير")
        )
        headlines.move_to(row)
        await pilot.press("enter")
        await wait_for(pilot, lambda: main.open_article is not None, "article opened")
        assert "موجز قصير" in main.doc.text.text
        await pilot.press("f")
        await wait_for(
            pilot, lambda: main.doc is not None and PAGE_TEXT in main.doc.text.text, "full text"
        )
        assert server.hits("/page.html") == 1
        assert "أخبار ذات صلة" not in main.doc.text.text
        assert app.focused is headlines
        await wait_for(pilot, lambda: bool(main.figures_list.figures), "figures of full text")
        spans = [f.span for f in main.figures_list.figures]
        assert any("45 مليار ريال" in s for s in spans)
        stored = engine.article(main.open_article.id)
        assert stored.full_text
        await pilot.press("j", "k", "enter")  # opening it again shows the stored full text
        await wait_for(pilot, lambda: PAGE_TEXT in main.doc.text.text, "stored full text")
        assert server.hits("/page.html") == 1


async def test_f_on_a_failing_page_warns_and_keeps_the_feed_text(long_reader) -> None:
    engine, server = long_reader
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        main, headlines = app.main, app.main.headlines
        row = next(
            i for i in range(headlines.count) if headlines.headline_at(i).title.startswith("خبر")
        )
        headlines.move_to(row)
        await pilot.press("enter")
        await wait_for(pilot, lambda: main.open_article is not None, "article opened")
        await pilot.press("f")
        await wait_for(pilot, lambda: server.hits("/gone.html") == 1, "page requested")
        await wait_for(pilot, lambda: bool(app._notifications), "a notification")
        notes = list(app._notifications)
        assert any(n.severity == "warning" and "404" in n.message for n in notes)
        assert "نص الموجز الأصلي" in main.doc.text.text
        assert engine.article(main.open_article.id).full_text is None
        assert main.status.current_task is None


async def test_the_reader_catches_the_index_up_in_a_child_process(engine) -> None:
    """Nothing indexed beforehand: after the first screen the reader's indexer makes it findable."""
    assert engine.search("المركزي", limit=5, catch_up=False) == []
    app = reader_app(engine, index_in_background=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await settled(pilot)  # the catch-up worker ends when its child process does
        assert app.main._indexer is not None and app.main._indexer.returncode == 0
    hits = engine.search("المركزي", limit=5, catch_up=False)
    assert hits and all("المركزي" in h.title or "المركزي" in h.snippet for h in hits)
