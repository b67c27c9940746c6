"""The reader's panes in an Arabic interface: mirrored headline rows with compact Arabic ages,
the meta line's Hijri date, Arabic figure groups and feed names, the reader's digits — and the
article's own text untouched. The last tests hold the English interface as it was.

The sample feeds are dated relative to MOMENT and the app's clock is MOMENT, so the newest
article was published 2024-03-11 20:40 UTC, the first day of Ramadan 1445 (Umm al-Qura).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from arabic_fixtures import engine_copy, reader_settings
from reader_fixtures import empty_reader, loaded, reader_app, sample_store
from waiting import settled, until

from akhbar_tui.config import load_config
from akhbar_tui.engine import Engine
from akhbar_tui.ui.app import AkhbarApp
from akhbar_tui.ui.screens.dialogs import SearchDialog
from akhbar_tui.ui.widgets.virtual_list import VirtualList

MOMENT = datetime(2024, 3, 11, 21, 40, tzinfo=UTC)
INDIC = re.compile("[٠-٩]")
WESTERN = re.compile("[0-9]")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Arabic and English sample feeds, refreshed once, dated relative to MOMENT."""
    return sample_store(tmp_path_factory.mktemp("panes"), MOMENT)


@pytest.fixture
def arabic(store: Path, tmp_path: Path) -> Iterator[Engine]:
    """An Arabic reader with Arabic-Indic digits and Hijri dates."""
    with engine_copy(
        store, tmp_path, language="ar", digits="arabic-indic", calendar="hijri"
    ) as engine:
        yield engine


def rows_of(widget: VirtualList, count: int) -> list[str]:
    """The first `count` rows of a list pane as the terminal shows them."""
    return ["".join(seg.text for seg in widget.render_line(y)) for y in range(count)]


async def open_first(app: AkhbarApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Open the newest article and wait until its figures are listed and the reader is idle."""
    await pilot.press("enter")
    await until(pilot, lambda: bool(app.main.figures_list.figures), "figures listed")
    await settled(pilot)


async def test_headline_rows_mirror_with_arabic_indic_ages_and_untouched_titles(arabic) -> None:
    app = reader_app(arabic, now=lambda: MOMENT)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        headlines = app.main.headlines
        rows = rows_of(headlines, headlines.count)
        first = headlines.headline_at(0)
        assert first.title.startswith("البنك المركزي") and "5.25" in first.title
        row = rows[0]
        age = app.bidi.visual("١ س", direction="rtl")  # one hour, read right to left
        assert row.startswith(age)
        # The title keeps the feed's own digits; only the age is in the reader's digits.
        assert "5.25" in row and "٥٫٢٥" not in row
        assert INDIC.findall(row) == ["١"]
        assert row.rstrip().endswith("•")  # unread mark at the right edge
        assert row[:-2].rstrip().endswith(app.bidi.visual("البنك"))  # title flush right
        assert headlines.headline_at(1).title.startswith("Chipmaker")
        english = rows[1]
        # An English title reads left to right in its own cells, flush against the feed column.
        assert "Markets Daily Chipmaker beats" in english
        assert re.search(r"… +•$", english)
        assert english.startswith(age)


async def test_arabic_reader_with_western_digits_keeps_them_in_ages(store, tmp_path) -> None:
    with engine_copy(store, tmp_path, language="ar") as engine:
        app = reader_app(engine, now=lambda: MOMENT)
        async with app.run_test(size=(120, 40)) as pilot:
            await loaded(app, pilot)
            row = rows_of(app.main.headlines, 1)[0]
            assert row.startswith(app.bidi.visual("1 س", direction="rtl"))
            assert not INDIC.search(row)


async def test_meta_line_shows_the_hijri_date_and_the_body_keeps_its_digits(arabic) -> None:
    app = reader_app(arabic, now=lambda: MOMENT)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await open_first(app, pilot)
        view = app.main.article_view
        meta = next(row.line for row in view.lines if row.style == "meta")
        assert "\u2068١ رمضان ١٤٤٥ هـ، ٢٠:٤٠\u2069" in meta.logical
        assert meta.logical.startswith("\u2068نشرة الاقتصاد\u2069 · ")
        date = app.bidi.visual("١ رمضان ١٤٤٥ هـ، ٢٠:٤٠", direction="rtl")
        assert date in meta.visual.replace("\u200b", "")  # ordered by itself, right to left
        body = " ".join(
            row.line.logical for row in view.lines if row.block >= 3 and row.line is not None
        )
        # The feed's digits stay as written: its Western 5.25% and its own Arabic-Indic ١٢٪.
        assert "5.25%" in body and "١٢٪" in body and "٥٫٢٥" not in body
        screen = [strip.text for strip in app.screen._compositor.render_strips()]
        assert any(app.bidi.visual("رمضان") in row for row in screen)


async def test_the_feeds_country_picks_its_month_names(store: Path, tmp_path: Path) -> None:
    for path in store.glob("*"):
        shutil.copy(path, tmp_path / path.name)
    toml = tmp_path / "feeds.toml"
    reader_settings(toml, language="ar", calendar="gregorian")
    text = toml.read_text(encoding="utf-8").replace('lang = "ar"', 'lang = "ar"\ncountry = "SY"')
    toml.write_text(text, encoding="utf-8")
    engine = Engine(load_config(toml), tmp_path / "akhbar.db")
    app = reader_app(engine, now=lambda: MOMENT)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await open_first(app, pilot)
        meta = next(row.line for row in app.main.article_view.lines if row.style == "meta")
        # The Levant's month names for a Syrian feed, whatever the reader's locale says.
        assert "11 آذار 2024" in meta.logical and "مارس" not in meta.logical
    engine.close()


async def test_figures_pane_groups_under_arabic_names_with_arabic_indic_values(arabic) -> None:
    app = reader_app(arabic, now=lambda: MOMENT)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await open_first(app, pilot)
        figures = app.main.figures_list
        kinds = [f.kind for f in figures.figures]
        assert kinds == sorted(
            kinds, key=["money", "percent", "count", "quantity", "year", "date", "other"].index
        )
        rows = rows_of(figures, len(kinds))
        names = {"money": "مبلغ", "percent": "نسبة", "count": "عدد", "quantity": "كمية"}
        for index, kind in enumerate(kinds):
            heads = index == 0 or kinds[index - 1] != kind
            if kind in names and heads:
                assert rows[index].endswith(app.bidi.visual(names[kind])), rows[index]
            elif not heads:
                assert not re.search("[\u0600-\u06ff\ufe70-\ufeff]", rows[index][-5:])
        percent = kinds.index("percent")
        figure = figures.figures[percent]
        assert figure.span == "5.25%"
        # Right to left: the group name, the value in the reader's digits, then the span as the
        # article wrote it (at the left).
        value = app.bidi.visual("٥٫٢٥٪", direction="rtl")
        assert value == "٪٥٫٢٥"  # the percent sign after the number, read right to left
        assert re.search(value + " +" + app.bidi.visual("نسبة") + "$", rows[percent])
        assert rows[percent].lstrip().startswith("5.25%  " + value)
        assert figure.span in rows[percent]  # the span as the article wrote it


async def test_feeds_pane_names_all_in_arabic_and_counts_in_arabic_indic(arabic) -> None:
    app = reader_app(arabic, now=lambda: MOMENT)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        feeds = app.main.feeds
        assert [e.label for e in feeds.entries[:2]] == ["الكل", "المميّزة بنجمة"]
        rows = rows_of(feeds, len(feeds.entries))
        everything = feeds.entries[0].unread
        assert everything > 0
        indic = str(everything).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
        assert rows[0].startswith(indic + " ")  # the count column at the left
        assert rows[0].rstrip().endswith(app.bidi.visual("الكل"))
        assert not any(WESTERN.search(row.split(" ")[0]) for row in rows)
        arabic_feed = rows[[e.label for e in feeds.entries].index("نشرة الاقتصاد")]
        assert arabic_feed.endswith(app.bidi.visual("نشرة الاقتصاد") + "   ")  # mark, indent


async def test_english_interface_keeps_its_columns_and_digits(store, tmp_path) -> None:
    with engine_copy(store, tmp_path, language="en", digits="arabic-indic") as engine:
        app = reader_app(engine, now=lambda: MOMENT)
        async with app.run_test(size=(120, 40)) as pilot:
            await loaded(app, pilot)
            row = rows_of(app.main.headlines, 1)[0]
            assert row.startswith("• ") and row.endswith(" ١h")
            feeds = app.main.feeds
            assert feeds.entries[0].label == "All"
            assert rows_of(feeds, 1)[0].startswith(" All")


async def test_before_an_article_opens_the_panes_say_so_in_arabic_flush_right(arabic) -> None:
    app = reader_app(arabic, now=lambda: MOMENT)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        article = "".join(seg.text for seg in app.main.article_view.render_line(0))
        # An Arabic sentence that starts with a key name still reads right to left.
        sentence = app.bidi.visual("Enter يفتح العنوان المحدد.", direction="rtl")
        assert sentence.endswith(" Enter") and article.endswith(sentence)
        assert article.startswith(" ")
        figures = rows_of(app.main.figures_list, 1)[0]
        assert figures.endswith(app.bidi.visual("لا مقال مفتوح.", direction="rtl"))


async def test_search_results_mirror_with_the_snippet_between_age_and_title(arabic) -> None:
    arabic.update_search_index()
    app = reader_app(arabic, now=lambda: MOMENT)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await pilot.press("slash")
        await until(pilot, lambda: isinstance(app.screen, SearchDialog), "search dialog")
        await pilot.press(*"مليار", "enter")
        await until(pilot, lambda: app.main.search_query == "مليار", "search results")
        await settled(pilot)
        headlines = app.main.headlines
        rows = rows_of(headlines, headlines.count)
        assert headlines.count >= 2
        for index, row in enumerate(rows):
            hit = headlines.headline_at(index)
            age = app.translator.age(hit.published, MOMENT)
            assert INDIC.search(age)
            assert row.startswith(app.bidi.visual(age, direction="rtl"))  # the age at the left
            assert row[-1] in "•★ " and row[-2] == " "  # the mark at the right edge
            first_word = app.bidi.visual(hit.title.split()[0])
            assert row[:-2].rstrip().endswith(first_word), row  # the title from the right


async def test_an_empty_list_says_what_to_do_in_arabic(tmp_path: Path) -> None:
    async with empty_reader(tmp_path, "ar") as (app, _pilot):
        row = rows_of(app.main.headlines, 1)[0]
        hint = app.translator("ui.pane.headlines.empty")
        assert hint.startswith("لا مقالات")
        assert row.rstrip().endswith(app.bidi.visual("لا مقالات", direction="rtl"))
