"""Feed text is shown literally; Arabic reads right to left; the layout fits 80×24."""

from __future__ import annotations

from reader_fixtures import loaded

from akhbar_tui.ui.app import AkhbarApp


def screen_rows(app: AkhbarApp) -> list[str]:
    """The screen as text, one string per row (what a terminal would show)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def painted_segments(app: AkhbarApp) -> str:
    """Every character the compositor would send, to look for escape sequences."""
    return "".join(seg.text for strip in app.screen._compositor.render_strips() for seg in strip)


async def test_markup_and_escapes_from_a_feed_show_literally(engine) -> None:
    app = AkhbarApp(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        headlines = app.main.headlines
        row = next(
            i for i in range(headlines.count) if headlines.headline_at(i).feed_title == "Hostile"
        )
        headlines.move_to(row)
        await pilot.press("enter")
        await pilot.pause(0.3)
        rows = screen_rows(app)
        title_rows = [r for r in rows if "[red]x[/red]" in r]
        assert len(title_rows) >= 3  # the headline, the article title, the body
        assert any("[link=file:///etc/passwd]click[/link]" in r for r in rows)
        painted = painted_segments(app)
        assert "\x1b" not in painted and "\x07" not in painted and "\x9b" not in painted


async def test_rtl_headline_is_flush_right_with_its_first_word_rightmost(engine) -> None:
    app = AkhbarApp(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        headline = app.main.headlines.highlighted
        assert headline.title.startswith("البنك المركزي")
        first_word = app.bidi.visual("البنك")
        row = next(r for r in screen_rows(app) if first_word in r and "1h" in r)
        before_feed = row.split(app.bidi.visual("نشرة الاقتصاد"))[0].rstrip()
        assert before_feed.endswith(first_word)


async def test_article_first_row_holds_the_first_words_and_relayouts_on_resize(engine) -> None:
    app = AkhbarApp(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await pilot.press("enter")
        await pilot.pause(0.3)
        view = app.main.article_view
        body = next(line for line in view.lines if line.block >= 3 and line.line is not None)
        assert body.line.logical.startswith("قرر البنك المركزي")
        assert body.line.visual.rstrip(" .").endswith(app.bidi.visual("قرر"))
        wide = len(view.lines)
        await pilot.resize_terminal(104, 40)  # still the wide layout: a narrower article pane
        await pilot.pause(0.3)
        assert view._width == view.scrollable_content_region.width < 64
        assert len(view.lines) > wide
        first = next(line for line in view.lines if line.block >= 3 and line.line is not None)
        assert first.line.logical.startswith("قرر البنك")
        assert all(line.line is None or line.line.cells <= view._width for line in view.lines)


async def test_narrow_terminal_hides_side_panes_until_they_have_focus(engine) -> None:
    app = AkhbarApp(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        main = app.main
        assert main.has_class("-narrow")
        assert main.feeds.display is False or main.feeds.region.width == 0
        assert main.headlines.region.width >= 78
        await pilot.press("escape")
        await pilot.pause(0.05)
        assert app.focused is main.feeds and main.feeds.region.width > 0
        await pilot.press("tab")
        await pilot.pause(0.05)
        assert main.feeds.region.width == 0
