"""Pilot tests of feed edits, help, quit, remapped keys, the palette, bidi mode and theme."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader_fixtures import loaded, reader_app
from textual.command import CommandList, CommandPalette
from waiting import settled, until

from akhbar_tui.config import load_config
from akhbar_tui.engine import Engine
from akhbar_tui.ui.app import AkhbarApp
from akhbar_tui.ui.messages import BidiModeChanged, RefreshStarted
from akhbar_tui.ui.screens.dialogs import AddFeedDialog, ConfirmDialog
from akhbar_tui.ui.screens.help import HelpScreen


async def test_a_adds_a_feed_to_feeds_toml_with_a_shaped_title_preview(engine, recorder) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40), message_hook=recorder) as pilot:
        await loaded(app, pilot)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AddFeedDialog), "add-feed dialog")
        assert isinstance(app.screen, AddFeedDialog)
        await pilot.press(*"http://127.0.0.1:9/new.xml", "tab", *"أخبار")
        await until(
            pilot,
            lambda: (
                str(app.screen.query_one("#title-preview").render()) == app.bidi.visual("أخبار")
            ),
            "shaped title preview",
        )
        preview = str(app.screen.query_one("#title-preview").render())
        assert preview == app.bidi.visual("أخبار")
        await pilot.press("enter")
        await until(pilot, lambda: recorder.of(RefreshStarted), "refresh of the new feed")
        await settled(pilot)
        assert "http://127.0.0.1:9/new.xml" in engine.config.path.read_text("utf-8")
        assert any(f.title == "أخبار" for f in engine.config.feeds)
        assert recorder.of(RefreshStarted)[-1].total == 1


async def test_d_removes_the_highlighted_feed_after_confirmation(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        feed = app.main.headlines.highlighted.feed_title
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "confirmation")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await until(pilot, lambda: not isinstance(app.screen, ConfirmDialog), "dialog closed")
        await settled(pilot)
        assert any(f.title == feed for f in engine.config.feeds)
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "confirmation")
        await pilot.press("y")
        await until(
            pilot, lambda: not any(f.title == feed for f in engine.config.feeds), "feed removed"
        )
        await settled(pilot)
        assert not any(f.title == feed for f in engine.config.feeds)
        assert feed not in engine.config.path.read_text("utf-8")


async def test_question_mark_shows_every_binding_id_and_q_quits(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help screen")
        assert isinstance(app.screen, HelpScreen)
        table = str(app.screen.query_one("#help-keys").render())
        for ident in ("article.star", "unread.next", "refresh.all", "feed.add", "pane.next"):
            assert ident in table
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, HelpScreen), "help closed")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await until(pilot, lambda: app.return_code is not None, "the reader quit")
    assert app.return_code == 0


async def test_keys_table_remaps_bindings(stored, tmp_path: Path) -> None:
    folder, _server = stored
    for path in folder.glob("*"):
        shutil.copy(path, tmp_path / path.name)
    config = tmp_path / "feeds.toml"
    config.write_text(config.read_text("utf-8") + '\n[keys]\n"article.star" = "x"\n', "utf-8")
    engine = Engine(load_config(config), tmp_path / "akhbar.db")
    try:
        app = reader_app(engine)
        async with app.run_test(size=(120, 40)) as pilot:
            await loaded(app, pilot)
            headline = app.main.headlines.highlighted
            await pilot.press("s")
            await settled(pilot)
            assert not engine.article(headline.id).starred
            await pilot.press("x")
            await until(pilot, lambda: app.main.headlines.highlighted.starred, "row starred")
            await settled(pilot)
            assert engine.article(headline.id).starred
    finally:
        engine.close()


async def run_command(app: AkhbarApp, pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Open the palette, type `text`, run the best match (if any)."""
    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(app.screen, CommandPalette), "command palette")
    assert isinstance(app.screen, CommandPalette)
    palette = app.screen
    await pilot.press(*text)
    commands = palette.query_one(CommandList)
    await until(pilot, lambda: commands.option_count > 0, f"commands for {text!r}")
    await settled(pilot)  # the providers' search is done: the best match is highlighted
    await pilot.press("enter")
    await settled(pilot)  # the command ran (none, when nothing matched) and its workers ended


async def test_palette_switches_bidi_mode_and_saves_it(engine, recorder) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40), message_hook=recorder) as pilot:
        await loaded(app, pilot)
        await run_command(app, pilot, "Switch bidi mode to terminal")
        assert app.bidi.mode == "terminal"
        assert [m.mode for m in recorder.of(BidiModeChanged)] == ["terminal"]
        assert load_config(engine.config.path).settings.bidi == "terminal"


async def test_palette_goes_to_a_feed(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await run_command(app, pilot, "Go to feed: Markets")
        assert app.main.entry.label == "Markets Daily"
        assert app.main.headlines.count == 3


async def test_palette_refreshes_and_marks_read(engine, recorder) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40), message_hook=recorder) as pilot:
        await loaded(app, pilot)
        headline = app.main.headlines.highlighted
        await run_command(app, pilot, "Mark article read")
        assert engine.article(headline.id).read
        await run_command(app, pilot, "Refresh all feeds")
        assert recorder.of(RefreshStarted)[0].total == 3


async def test_palette_offers_open_link_only_with_a_web_link(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        from akhbar_tui.ui.commands import AkhbarCommands

        provider = AkhbarCommands(app.screen)
        titles = [command.text for command in provider.commands()]
        assert "Open article link in browser" in titles
        headlines = app.main.headlines
        hostile = next(
            i for i in range(headlines.count) if headlines.headline_at(i).feed_title == "Hostile"
        )
        headlines.move_to(hostile)
        assert not (headlines.highlighted.link or "").startswith("http")
        titles = [command.text for command in provider.commands()]
        assert "Open article link in browser" not in titles
        await run_command(app, pilot, "Open article link")
        assert app.opened_urls == []


async def test_theme_choice_is_saved_to_settings(engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        app.theme = "nord"
        await until(pilot, lambda: "nord" in engine.config.path.read_text("utf-8"), "theme saved")
        await settled(pilot)
        assert load_config(engine.config.path).settings.theme == "nord"
