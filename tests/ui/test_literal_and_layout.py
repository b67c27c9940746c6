"""Feed text is shown literally; Arabic reads right to left; the layout fits 80×24."""

from __future__ import annotations

from reader_fixtures import empty_reader, loaded, reader_app
from waiting import settled, until

from akhbar_tui.ui.app import AkhbarApp


def screen_rows(app: AkhbarApp) -> list[str]:
    """The screen as text, one string per row (what a terminal would show)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def painted_segments(app: AkhbarApp) -> str:
    """Every character the compositor would send, to look for escape sequences."""
    return "".join(seg.text for strip in app.screen._compositor.render_strips() for seg in strip)


async def test_markup_and_escapes_from_a_feed_show_literally(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        headlines = app.main.headlines
        row = next(
            i for i in range(headlines.count) if headlines.headline_at(i).feed_title == "Hostile"
        )
        headlines.move_to(row)
        await pilot.press("enter")
        await until(pilot, lambda: app.main.doc is not None, "hostile article opened")
        await settled(pilot)
        rows = screen_rows(app)
        title_rows = [r for r in rows if "[red]x[/red]" in r]
        assert len(title_rows) >= 3  # the headline, the article title, the body
        assert any("[link=file:///etc/passwd]click[/link]" in r for r in rows)
        painted = painted_segments(app)
        assert "\x1b" not in painted and "\x07" not in painted and "\x9b" not in painted


async def test_rtl_headline_is_flush_right_with_its_first_word_rightmost(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        headline = app.main.headlines.highlighted
        assert headline.title.startswith("البنك المركزي")
        first_word = app.bidi.visual("البنك")
        row = next(r for r in screen_rows(app) if first_word in r and "1h" in r)
        before_feed = row.split(app.bidi.visual("نشرة الاقتصاد"))[0].rstrip()
        assert before_feed.endswith(first_word)


async def test_article_first_row_holds_the_first_words_and_relayouts_on_resize(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await pilot.press("enter")
        view = app.main.article_view
        await until(pilot, lambda: app.main.doc is not None and view.lines, "article laid out")
        await settled(pilot)
        body = next(line for line in view.lines if line.block >= 3 and line.line is not None)
        assert body.line.logical.startswith("قرر البنك المركزي")
        assert body.line.visual.rstrip(" .").endswith(app.bidi.visual("قرر"))
        wide = len(view.lines)
        await pilot.resize_terminal(104, 40)  # still the wide layout: a narrower article pane
        await until(pilot, lambda: len(view.lines) > wide, "article laid out again")
        await settled(pilot)
        assert view._width == view.scrollable_content_region.width < 64
        assert len(view.lines) > wide
        first = next(line for line in view.lines if line.block >= 3 and line.line is not None)
        assert first.line.logical.startswith("قرر البنك")
        assert all(line.line is None or line.line.cells <= view._width for line in view.lines)


async def test_narrow_terminal_hides_side_panes_until_they_have_focus(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        main = app.main
        assert main.has_class("-narrow")
        assert main.feeds.display is False or main.feeds.region.width == 0
        assert main.headlines.region.width >= 78
        await pilot.press("escape")
        await until(pilot, lambda: main.feeds.region.width > 0, "feeds pane shown")
        assert app.focused is main.feeds and main.feeds.region.width > 0
        await pilot.press("tab")
        await until(pilot, lambda: main.feeds.region.width == 0, "feeds pane hidden again")
        assert main.feeds.region.width == 0


async def test_rtl_meta_line_keeps_the_date_left_to_right_and_the_feed_rightmost(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await pilot.press("enter")
        await until(pilot, lambda: app.main.doc is not None, "article opened")
        await settled(pilot)
        article = app.main.open_article
        assert article is not None and article.direction == "rtl"
        meta = next(row.line for row in app.main.article_view.lines if row.style == "meta")
        visible = meta.visual.replace("\u200b", "")
        date = app.translator.date(article.published, with_time=True)  # 11 March 2024, 20:40
        assert visible.startswith(date)  # the last field sits leftmost, read left to right
        assert visible.endswith(app.bidi.visual("نشرة الاقتصاد"))
        rows = screen_rows(app)
        assert any(date in row for row in rows)
        assert not any("\u200b" in row for row in rows)  # isolates leave nothing on screen


async def test_feeds_pane_arabic_names_flush_right_and_counts_in_one_column(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        feeds = app.main.feeds
        width = feeds.scrollable_content_region.width
        rows = [
            "".join(seg.text for seg in feeds.render_line(y)) for y in range(len(feeds.entries))
        ]
        arabic = rows[[e.label for e in feeds.entries].index("نشرة الاقتصاد")]
        category = rows[[e.label for e in feeds.entries].index("اقتصاد")]
        english = rows[[e.label for e in feeds.entries].index("Markets Daily")]
        count_width = max(len(str(e.unread)) for e in feeds.entries)
        for row in (arabic, category, english):
            assert len(row) == width
        assert arabic[: -count_width - 1].rstrip().endswith(app.bidi.visual("نشرة الاقتصاد"))
        assert arabic[: -count_width - 1].endswith(app.bidi.visual("نشرة الاقتصاد"))
        assert category[: -count_width - 1].endswith(app.bidi.visual("اقتصاد"))
        assert english.lstrip().startswith("Markets Daily")
        counts = [row[-count_width:].strip() for row in (arabic, category, english)]
        assert all(c.isdigit() for c in counts)


async def test_an_empty_list_says_what_to_do(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A first start with nothing stored shows a hint in the headlines pane, not a blank pane."""
    async with empty_reader(tmp_path) as (app, _pilot):
        assert app.main.headlines.count == 0
        assert any("No articles here yet. R refreshes every feed" in r for r in screen_rows(app))
