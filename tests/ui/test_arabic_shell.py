"""The reader's shell in Arabic: Footer, palette, dialogs, notifications, status, mirrored panes.

A feeds.toml with `language = "ar"` makes the whole interface Arabic. Every label reaches the
terminal shaped and right to left (the visual strings `bidi_layout` makes), the screen is
mirrored (feeds on the right, figures left of the article, Footer keys from the right edge),
and in `terminal` bidi mode the same labels go out logical for the terminal to order.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from reader_fixtures import loaded, reader_app
from textual.command import CommandPalette
from textual.widgets import Button, Input, Label, Static
from textual.widgets._footer import FooterKey
from waiting import settled, until

from akhbar_tui.bidi_layout import truncate
from akhbar_tui.config import load_config
from akhbar_tui.engine import Engine
from akhbar_tui.i18n.reasons import reason_text
from akhbar_tui.ui.footer import MirroredFooterKey
from akhbar_tui.ui.screens.dialogs import AddFeedDialog, ConfirmDialog
from akhbar_tui.ui.screens.help import HelpScreen
from akhbar_tui.ui.text import paintable
from core.feedserver import FeedServer


def rtl(text: str) -> str:
    """How akhbar paints an Arabic label in `app` bidi mode: shaped, right to left."""
    return truncate(text, 200, direction="rtl").visual


def arabic_copy(folder: Path, target: Path, keys: dict[str, str] | None = None) -> Engine:
    """An engine on a copy of the refreshed database whose feeds.toml says `language = "ar"`."""
    for path in folder.glob("*"):
        shutil.copy(path, target / path.name)
    config = target / "feeds.toml"
    text = config.read_text(encoding="utf-8").replace('language = "en"', 'language = "ar"')
    if keys:
        text += "\n[keys]\n" + "".join(f'"{k}" = "{v}"\n' for k, v in keys.items())
    config.write_text(text, encoding="utf-8")
    return Engine(load_config(config), target / "akhbar.db")


@pytest.fixture
def arabic(stored: tuple[Path, FeedServer], tmp_path: Path) -> Iterator[Engine]:
    """The session's refreshed feeds, read in an Arabic interface."""
    engine = arabic_copy(stored[0], tmp_path)
    yield engine
    engine.close()


def screen_rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The screen's rows as the terminal gets them (cells left to right)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def footer_keys(app) -> list[FooterKey]:  # type: ignore[no-untyped-def]
    """The Footer's keys, left to right on screen (the palette's key included)."""
    return sorted(app.main.query(FooterKey), key=lambda key: key.region.x)


async def test_the_footer_speaks_arabic_from_the_right_edge(arabic: Engine) -> None:
    app = reader_app(arabic)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await until(pilot, lambda: len(footer_keys(app)) > 3, "the Footer's keys")
        keys = footer_keys(app)
        labels = {key.key: key.description for key in keys}
        assert labels["q"] == rtl("خروج")
        assert labels["question_mark"] == rtl("مساعدة")
        assert labels["slash"] == rtl("بحث")
        assert labels["ctrl+p"] == rtl("الأوامر")
        assert all(isinstance(key, MirroredFooterKey) for key in keys)
        # Mirrored: the first binding (the headline's Enter) rightmost, the palette's key at the
        # left edge; each label left of its key.
        assert keys[0].action == "command_palette"
        assert keys[-1].key == "enter"
        assert keys[-1].description == rtl("فتح")
        footer_row = screen_rows(app)[-1]
        assert rtl("خروج") + " q" in footer_row
        assert footer_row.rstrip().endswith(rtl("فتح") + " enter") or footer_row.rstrip().endswith(
            rtl("فتح") + " ⏎"
        ), footer_row


async def test_remapped_keys_keep_their_arabic_labels(
    stored: tuple[Path, FeedServer], tmp_path: Path
) -> None:
    engine = arabic_copy(stored[0], tmp_path, keys={"app.quit": "x", "search": "ctrl+f"})
    try:
        app = reader_app(engine)
        async with app.run_test(size=(120, 40)) as pilot:
            await loaded(app, pilot)
            await until(pilot, lambda: len(footer_keys(app)) > 3, "the Footer's keys")
            by_label = {key.description: key.key for key in footer_keys(app)}
            assert by_label[rtl("خروج")] == "x"
            assert by_label[rtl("بحث")] == "ctrl+f"
    finally:
        engine.close()


async def test_the_panes_are_mirrored(arabic: Engine) -> None:
    app = reader_app(arabic)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        main = app.main
        assert main.has_class("-rtl")
        assert main.feeds.region.x > main.headlines.region.x  # feeds on the right
        assert main.feeds.region.right == 120
        assert main.figures_list.region.x < main.article_view.region.x  # figures on the left
        assert main.figures_list.region.x == main.headlines.region.x == 0


async def test_the_status_line_reads_from_the_right(arabic: Engine) -> None:
    app = reader_app(arabic)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await pilot.press("u")
        await settled(pilot)
        status = screen_rows(app)[-2]
        # "الكل · غير المقروء فقط": the list's name rightmost, then the filter to its left.
        assert status.rstrip().endswith(rtl("الكل · غير المقروء فقط")), status


async def test_the_palette_lists_arabic_commands(arabic: Engine) -> None:
    app = reader_app(arabic)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await pilot.press(*"تحديث")  # typed in logical order, as a keyboard sends it
        palette = app.screen

        def prompts() -> list[str]:
            options = palette.query_one("CommandList")
            return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]

        await until(pilot, lambda: rtl("تحديث كل المصادر") in " ".join(prompts()), "Arabic hits")
        shown = " ".join(prompts())
        assert rtl("اجلب كل المصادر المفعّلة الآن") in shown  # its help line
        assert "Refresh" not in shown
        await settled(pilot)
        rows = [row.rstrip() for row in screen_rows(app)]
        command = next(row for row in rows if row.endswith(rtl("تحديث كل المصادر")))
        assert len(command) > 100  # flush right in the 120-column palette, not at its left


async def test_the_palette_says_no_matches_in_arabic(arabic: Engine) -> None:
    app = reader_app(arabic)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await pilot.press(*"zqxj")
        options = app.screen.query_one("CommandList")

        def said() -> str:
            return " ".join(
                str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
            )

        await until(pilot, lambda: rtl("لا أوامر مطابقة") in said(), "no matches, in Arabic")
        assert "No matches" not in said()


async def test_the_add_feed_dialog_is_arabic(arabic: Engine) -> None:
    app = reader_app(arabic)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AddFeedDialog), "the add-feed dialog")
        dialog = app.screen
        title = dialog.query_one(".dialog-title", Label)
        assert str(title.render()) == rtl("إضافة مصدر")
        assert dialog.query_one("#title", Input).placeholder == rtl("الاسم (اختياري)")
        buttons = sorted(dialog.query(Button), key=lambda b: b.region.x)
        assert [str(b.label) for b in buttons] == [rtl("إلغاء"), rtl("إضافة")]  # Add rightmost
        assert any(rtl("إضافة مصدر") in row for row in screen_rows(app))
        # A URL that is not one: the warning is Arabic too.
        await pilot.press(*"ftp://x", "enter")
        await until(pilot, lambda: bool(app._notifications), "a notification")
        message = list(app._notifications)[-1].message
        # The URL prefixes stay whole, left to right, inside the Arabic sentence.
        assert message == "." + "https:// " + rtl("أو") + " http:// " + rtl("يبدأ عنوان المصدر بـ")


async def test_the_remove_dialog_names_the_feed_in_an_arabic_question(arabic: Engine) -> None:
    app = reader_app(arabic)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await pilot.press("escape")  # to the feeds pane
        feeds = app.main.feeds
        feeds.move_to(next(i for i, e in enumerate(feeds.entries) if e.label == "نشرة الاقتصاد"))
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the confirmation")
        question = app.screen.query_one(".dialog-title", Static)
        assert str(question.render()) == rtl("حذف نشرة الاقتصاد؟")
        await pilot.press("escape")


async def test_notifications_are_arabic(arabic: Engine) -> None:
    app = reader_app(arabic)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await pilot.press("Y")  # copy the article's text, with none open
        await until(pilot, lambda: bool(app._notifications), "a notification")
        notification = list(app._notifications)[-1]
        assert notification.message == rtl("لا مقال مفتوح.")
        assert notification.markup is False


async def test_a_saved_screenshot_is_said_in_arabic(arabic: Engine, tmp_path: Path) -> None:
    app = reader_app(arabic)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        app.action_screenshot(filename="shot.svg", path=str(tmp_path))
        await until(pilot, lambda: (tmp_path / "shot.svg").exists(), "the screenshot")
        await until(pilot, lambda: bool(app._notifications), "screenshot saved")
        said = [n.message for n in app._notifications]
        assert rtl("حُفظت لقطة الشاشة في") in said[-1].replace("\n", " "), said
        assert not any("Saved screenshot" in text for text in said)


async def test_the_theme_picker_asks_in_arabic(arabic: Engine) -> None:
    app = reader_app(arabic)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        app.search_themes()
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the theme picker")
        assert app.screen.query_one(Input).placeholder == rtl("ابحث عن سمة…")


async def test_a_feed_name_keeps_its_own_order_in_an_arabic_notification(arabic: Engine) -> None:
    app = reader_app(arabic)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        app.say("ui.notify.feed_removed", name="Markets Daily!")
        await until(pilot, lambda: bool(app._notifications), "a notification")
        notification = list(app._notifications)[-1]
        # "حُذف Markets Daily!." : the English name whole, its "!" kept at its end.
        assert notification.message == ".Markets Daily! " + rtl("حُذف")
        assert "\u200b" not in notification.message and "\u2068" not in notification.message


async def test_the_help_screen_is_mirrored_arabic(arabic: Engine) -> None:
    app = reader_app(arabic)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen")
        lines = str(app.screen.query_one("#help-keys", Static).render()).split("\n")
        quit_row = next(line for line in lines if "app.quit" in line)
        # The binding id (the [keys] name) at the left, the key rightmost, its label between.
        assert quit_row.startswith("app.quit")
        assert re.fullmatch(r"app\.quit +" + rtl("خروج") + " +q", quit_row.rstrip()), quit_row
        search_row = next(line for line in lines if line.startswith("search "))
        # The labels' column is flush right: every label ends in the same column.
        label_end = quit_row.index(rtl("خروج")) + len(rtl("خروج"))
        assert search_row.index(rtl("بحث")) + len(rtl("بحث")) == label_end
        assert any(line.strip() == rtl("في كل مكان") for line in lines)


async def test_terminal_bidi_mode_sends_labels_logical(arabic: Engine) -> None:
    app = reader_app(arabic, bidi="terminal")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await until(pilot, lambda: len(footer_keys(app)) > 3, "the Footer's keys")
        labels = {key.key: key.description for key in footer_keys(app)}
        assert labels["q"] == "خروج"  # the terminal shapes and orders it


async def test_english_footer_stays_left_to_right(engine: Engine) -> None:
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await until(pilot, lambda: len(footer_keys(app)) > 3, "the Footer's keys")
        keys = footer_keys(app)
        assert not any(isinstance(key, MirroredFooterKey) for key in keys)
        assert keys[0].key == "enter" and keys[0].description == "Open"
        assert keys[-1].key == "ctrl+p" and keys[-1].description == "palette"
        assert not app.main.has_class("-rtl")
        assert app.main.feeds.region.x == 0


async def test_a_failing_feeds_reason_is_said_in_arabic(arabic: Engine) -> None:
    app = reader_app(arabic)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        app.main.status.show_reason("timed out after 20 s")  # as the engine stored it
        await settled(pilot)
        status = screen_rows(app)[-2]
        reason = reason_text("timed out after 20 s", app.translator)
        assert "timed out" not in status and "20" in reason
        assert paintable(rtl(app.translator("ui.status.failed", reason=reason))) in status, status
