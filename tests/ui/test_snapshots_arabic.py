"""Snapshots of the reader in Arabic (`language = "ar"`) at 120×40: main screen, help, a dialog.

The feeds are dated relative to a fixed moment and the app's clock is that moment. The SVG holds
the cells as the terminal shows them (visual order: Arabic shaped, right to left); an SVG viewer
runs bidi again, so in a browser Arabic runs may look reversed. What is compared is the cells.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from arabic_fixtures import engine_copy
from reader_fixtures import loaded, reader_app, sample_store
from waiting import settled, until

from akhbar_tui.engine import Engine
from akhbar_tui.ui.screens.dialogs import ConfirmDialog
from akhbar_tui.ui.screens.help import HelpScreen

MOMENT = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def arabic_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of the Arabic and English sample feeds dated relative to MOMENT, read in an
    Arabic interface."""
    return sample_store(tmp_path_factory.mktemp("snapshots-ar"), MOMENT, "ar")


@pytest.fixture
def arabic_engine(arabic_store: Path, tmp_path: Path) -> Iterator[Engine]:
    """A private copy of the fixed database, read in Arabic."""
    with engine_copy(arabic_store, tmp_path, language="ar") as engine:
        yield engine


async def article_open(pilot) -> None:  # type: ignore[no-untyped-def]
    """The newest (Arabic) headline opened, its key figures listed, the reader idle."""
    main = pilot.app.main
    await loaded(pilot.app, pilot)
    await pilot.press("enter")
    await until(pilot, lambda: bool(main.figures_list.figures), "the article's key figures")
    await settled(pilot)


def test_arabic_main_screen(snap_compare, arabic_engine) -> None:
    """120×40, Arabic interface, the Arabic interest-rate article open.

    Must show, mirrored: the feeds pane at the RIGHT edge (its border on its left) with الكل,
    the starred list and the categories; the headlines to its left; under them the article and,
    at the LEFT edge, the figures pane (its border on its right). The status line's list name
    (الكل) flush right. The Footer from the right edge: `فتح ⏎` rightmost, then `غير مقروء تالٍ
    n`, `نجمة s`, … `تحديث الكل R`, each label shaped and left of its key, and `الأوامر ^p` at
    the left edge.
    """
    app = reader_app(arabic_engine, now=lambda: MOMENT)
    assert snap_compare(app, terminal_size=(120, 40), run_before=article_open)


def test_arabic_help_screen(snap_compare, arabic_engine) -> None:
    """120×40, the `?` screen in Arabic over the main screen.

    Must show: the title (المفاتيح — غيّر أيًّا منها …) flush right; group headings (في كل مكان,
    القوائم …, المقال) flush right; each row mirrored: the key rightmost (q, ?, R, tab …), its
    Arabic label flush right in the column left of it, the binding id (app.quit, help …) at the
    left edge, read left to right.
    """

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await loaded(pilot.app, pilot)
        await settled(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), "the help screen")
        await settled(pilot)

    app = reader_app(arabic_engine, now=lambda: MOMENT)
    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_arabic_remove_feed_dialog(snap_compare, arabic_engine) -> None:
    """120×40, `d` on the feed نشرة الاقتصاد: the confirmation in Arabic.

    Must show: the question "حذف نشرة الاقتصاد؟" shaped, flush right, the feed's name inside
    it and the question mark at its left end; the buttons mirrored: نعم at the right, لا
    (focused, the safe default) to its left.
    """

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        await loaded(app, pilot)
        await pilot.press("escape")
        feeds = app.main.feeds
        feeds.move_to(next(i for i, e in enumerate(feeds.entries) if e.label == "نشرة الاقتصاد"))
        await settled(pilot)
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the confirmation")
        await settled(pilot)

    app = reader_app(arabic_engine, now=lambda: MOMENT)
    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
