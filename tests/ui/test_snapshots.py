"""Snapshots of the main screen with an Arabic and an English article, wide and narrow.

The feeds are dated relative to a fixed moment and the app's clock is that moment, so ages
("1h", "3h") and dates are the same on every run. SVG viewers run bidi again on the text, so
in a browser the Arabic rows may look reversed: the SVG holds the cells as the terminal shows
them (visual order), and that is what is compared.
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
from akhbar_tui.ui.screens.dialogs import SearchDialog

MOMENT = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def fixed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of the Arabic and English sample feeds dated relative to MOMENT."""
    return sample_store(tmp_path_factory.mktemp("snapshots"), MOMENT)


@pytest.fixture
def fixed_engine(fixed_store: Path, tmp_path: Path) -> Iterator[Engine]:
    """A private copy of the fixed database, read in English."""
    with engine_copy(fixed_store, tmp_path, language="en") as engine:
        yield engine


def opening(row: int):  # type: ignore[no-untyped-def]
    """Wait for the headlines, move to `row`, open it and wait until the reader is idle."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await loaded(pilot.app, pilot)
        pilot.app.main.headlines.move_to(row)
        await pilot.press("enter")
        await figures_shown(pilot)

    return run_before


async def figures_shown(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the highlighted article is open with its key figures listed (they follow its
    first paint), then until no worker is left (feed counts and read marks reloaded too)."""
    main = pilot.app.main

    def figures_in() -> bool:
        article, highlighted = main.open_article, main.headlines.highlighted
        return (
            article is not None
            and highlighted is not None
            and article.id == highlighted.id
            and bool(main.figures_list.figures)
        )

    await until(pilot, figures_in, "the article's key figures listed")
    await settled(pilot)


def test_wide_arabic_article(snap_compare, fixed_engine) -> None:
    """120×40, the Arabic interest-rate article open.

    Must show: feeds pane with "All 7", "Starred", the categories اقتصاد and Business with their
    feeds and unread counts; headlines newest first, the Arabic titles flush right against the
    feed column with their first word (البنك) at the right end, English titles flush left,
    unread marked "•" (bold); the article title and body right-aligned, the body's first row
    ending (on the right) with "قرر البنك المركزي", the list items with "•" on the right, the
    quote with its bar on the right; the figures pane beside the article; status and Footer.
    """
    app = reader_app(fixed_engine, now=lambda: MOMENT)
    assert snap_compare(app, terminal_size=(120, 40), run_before=opening(0))


def test_wide_english_article(snap_compare, fixed_engine) -> None:
    """120×40, the English chipmaker article open.

    Must show: the English title bold at the left of the article pane, the meta line
    "Markets Daily · Markets desk · 10 March 2025, 07:30", the body flush left, the "Guidance"
    heading, the link marker "[1]" after "full release" and the "Links" list with
    "[1] https://demo.akhbar.invalid/markets/chips/release" at the end (scroll) — the first
    headline row is no longer marked unread after the second was opened. The figures pane
    groups money first ("money" on its first row only), each with its compact value ("$12.4B",
    "$3.1B  $3.1 billion" where the span fits whole), then "percent" (31%, 8.5%, 54%).
    """
    app = reader_app(fixed_engine, now=lambda: MOMENT)
    assert snap_compare(app, terminal_size=(120, 40), run_before=opening(1))


def test_narrow_arabic_article(snap_compare, fixed_engine) -> None:
    """80×24: no feeds or figures pane; nine headline rows over the article, full width.

    Must show: Arabic headlines flush right with their first word at the right end and
    truncated on the left with "…" when too long; the Arabic article below, right-aligned, its
    title's first words (البنك المركزي) at the right of the first article row.
    """
    app = reader_app(fixed_engine, now=lambda: MOMENT)
    assert snap_compare(app, terminal_size=(80, 24), run_before=opening(0))


def test_narrow_english_article(snap_compare, fixed_engine) -> None:
    """80×24, the English chipmaker article under the headlines, flush left, wrapped at words."""
    app = reader_app(fixed_engine, now=lambda: MOMENT)
    assert snap_compare(app, terminal_size=(80, 24), run_before=opening(1))


def test_wide_arabic_search_results(snap_compare, fixed_engine) -> None:
    """120×40, the results of searching مليار, the first result open.

    Must show: the status line "Search: مليار │ 3 found"; three Arabic results, each title flush
    right in the left half of the row and, in the right half, a snippet cut ("…") so that its
    match مليار shows, underlined on an accent background; the first result's article below with
    مليار marked in its body the same way.
    """
    fixed_engine.update_search_index()

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await loaded(pilot.app, pilot)
        await pilot.press("slash")
        await until(pilot, lambda: isinstance(pilot.app.screen, SearchDialog), "search dialog")
        await pilot.press(*"مليار", "enter")
        await until(pilot, lambda: pilot.app.main.search_query == "مليار", "search results")
        await pilot.press("enter")
        await figures_shown(pilot)

    app = reader_app(fixed_engine, now=lambda: MOMENT)
    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_wide_arabic_interface_article(snap_compare, fixed_store, tmp_path) -> None:
    """120×40, the Arabic interface (`language = "ar"`, `calendar = "both"`, `digits =
    "arabic-indic"`), the Arabic interest-rate article open.

    Must show, mirrored: headline rows with the age at the LEFT edge in Arabic-Indic digits and
    Arabic letters ("١ س" read right to left: ١ then س), then the feed column, the title (Arabic
    flush right, its first word البنك at the right end; English titles left to right right after
    the feed column), unread "•" at the RIGHT edge; titles keep their Western digits (5.25%). The
    meta line reads from the right: نشرة الاقتصاد · قسم الاقتصاد · ١٠ رمضان ١٤٤٦ هـ الموافق ١٠
    مارس ٢٠٢٥ م، ٠٨:٠٠ (wrapped). The figures pane groups under Arabic names at its right edge
    (مبلغ، نسبة، عدد، كمية، سنة), spans as written, values at its left edge in Arabic-Indic
    digits (٥٫٢٥٪, ٣ أشهر, ٢٠٢٦). The feeds pane names الكل and المميّزة بنجمة with Arabic-Indic
    counts in its left column. The body keeps the feed's digits.
    """
    settings = {"language": "ar", "calendar": "both", "digits": "arabic-indic"}
    with engine_copy(fixed_store, tmp_path, **settings) as engine:
        app = reader_app(engine, now=lambda: MOMENT)
        assert snap_compare(app, terminal_size=(120, 40), run_before=opening(0))
