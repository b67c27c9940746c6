"""Levels are resolved per paragraph, rows reordered one by one (UAX #9: X1–I2 on the paragraph,
L1–L4 per line), so a row that starts with a figure shows it as it shows mid-line.

Each case gives the rows a reader sees, left to right, and the rows as they would be if each row
were resolved on its own (what `fribidi --nobreak` does per line): the second list proves the
case really needs the previous row's context. The expected rows were checked against libfribidi
at paragraph level (`fribidi_get_par_embedding_levels_ex` on the whole paragraph, then
`fribidi_reorder_line` per row), through `fribidi_compare.py --reference paragraph`.
"""

from __future__ import annotations

import pytest

from akhbar_tui.bidi_layout import Prepared, highlight, layout
from akhbar_tui.bidi_levels import bidi_classes, paragraph_levels

# (case, text, width, logical rows, visual rows, visual rows if each row were its own paragraph)
CASES = [
    (
        "a row that starts with ،5.25% after Arabic: Arabic number (W2), as mid-line",
        "ارتفع سعر الفائدة إلى ،5.25% هذا الشهر",
        21,
        ["ارتفع سعر الفائدة إلى", "،5.25% هذا الشهر"],
        ["ﻰﻟﺇ ﺓﺪﺋﺎﻔﻟﺍ ﺮﻌﺳ ﻊﻔﺗﺭﺍ", "ﺮﻬﺸﻟﺍ ﺍﺬﻫ %5.25،"],
        ["ﻰﻟﺇ ﺓﺪﺋﺎﻔﻟﺍ ﺮﻌﺳ ﻊﻔﺗﺭﺍ", "ﺮﻬﺸﻟﺍ ﺍﺬﻫ 5.25%،"],
    ),
    (
        "digits after Arabic text on the previous row",
        "بلغ النمو في الربع الثالث 3.5% مقارنة بالعام الماضي",
        26,
        ["بلغ النمو في الربع الثالث", "3.5% مقارنة بالعام الماضي"],
        ["ﺚﻟﺎﺜﻟﺍ ﻊﺑﺮﻟﺍ ﻲﻓ ﻮﻤﻨﻟﺍ ﻎﻠﺑ", "ﻲﺿﺎﻤﻟﺍ ﻡﺎﻌﻟﺎﺑ ﺔﻧﺭﺎﻘﻣ %3.5"],
        ["ﺚﻟﺎﺜﻟﺍ ﻊﺑﺮﻟﺍ ﻲﻓ ﻮﻤﻨﻟﺍ ﻎﻠﺑ", "ﻲﺿﺎﻤﻟﺍ ﻡﺎﻌﻟﺎﺑ ﺔﻧﺭﺎﻘﻣ 3.5%"],
    ),
    (
        "a signed percentage at the start of a row (research notes, section 4)",
        "سجل المؤشر مقابل -3.5% أمس.",
        17,
        ["سجل المؤشر مقابل", "-3.5% أمس."],
        ["ﻞﺑﺎﻘﻣ ﺮﺷﺆﻤﻟﺍ ﻞﺠﺳ", ".ﺲﻣﺃ %3.5-"],
        ["ﻞﺑﺎﻘﻣ ﺮﺷﺆﻤﻟﺍ ﻞﺠﺳ", ".ﺲﻣﺃ 3.5%-"],
    ),
    (
        "brackets opened on one row and closed on the next take the pair's direction (N0)",
        "شركة Apple (Inc Corp) اليوم",
        15,
        ["شركة Apple (Inc", "Corp) اليوم"],
        ["Apple (Inc ﺔﻛﺮﺷ", "ﻡﻮﻴﻟﺍ Corp)"],
        ["Apple (Inc ﺔﻛﺮﺷ", "ﻡﻮﻴﻟﺍ (Corp"],
    ),
    (
        "nested brackets and a quote across a break stay mirrored as pairs",
        "قال (الصفقة [التي أعلنت] تاريخية) أمس",
        18,
        ["قال (الصفقة [التي", "أعلنت] تاريخية)", "أمس"],
        ["ﻲﺘﻟﺍ] ﺔﻘﻔﺼﻟﺍ) ﻝﺎﻗ", "(ﺔﻴﺨﻳﺭﺎﺗ [ﺖﻨﻠﻋﺃ", "ﺲﻣﺃ"],
        ["ﻲﺘﻟﺍ] ﺔﻘﻔﺼﻟﺍ) ﻝﺎﻗ", "(ﺔﻴﺨﻳﺭﺎﺗ [ﺖﻨﻠﻋﺃ", "ﺲﻣﺃ"],
    ),
    (
        "a neutral at the start of a row between English words (N1)",
        "قال Apple - Google اليوم",
        9,
        ["قال Apple", "- Google", "اليوم"],
        ["Apple ﻝﺎﻗ", "- Google", "ﻡﻮﻴﻟﺍ"],
        ["Apple ﻝﺎﻗ", "Google -", "ﻡﻮﻴﻟﺍ"],
    ),
]


@pytest.mark.parametrize(
    ("text", "width", "logical", "visual", "row_alone"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_rows_keep_the_paragraph_context(
    text: str, width: int, logical: list[str], visual: list[str], row_alone: list[str]
) -> None:
    rows = layout(text, width)
    assert [row.logical for row in rows] == logical
    assert [row.visual for row in rows] == visual
    alone = [layout(row.logical, 80, direction="rtl" if row.rtl else "ltr") for row in rows]
    assert [single.visual for (single,) in alone] == row_alone


@pytest.mark.parametrize("figure", ["،5.25%", "3.5%", "-3.5%", "١٢٬٥٠٠", "$33", "10-12"])
def test_a_figure_looks_the_same_wherever_the_row_breaks(figure: str) -> None:
    text = f"قال المتحدث باسم الوزارة إن النسبة بلغت {figure} في الربع الأخير من العام"
    start = text.index(figure)
    (mid_line,) = layout(text, 200)
    ((_, a, b),) = highlight([mid_line], start, start + len(figure))
    expected = mid_line.visual[a:b]
    for width in range(len(figure), 60):
        rows = layout(text, width)
        ((row, a, b),) = highlight(rows, start, start + len(figure))
        assert rows[row].visual[a:b] == expected, (width, rows[row].logical)


def test_levels_resolved_at_one_width_serve_every_other_width() -> None:
    """The paragraph's levels are resolved once and kept in `Prepared`: rows at each new width
    are the rows a fresh `Prepared` gives at that width."""
    text = "\n".join(CASES[k][1] for k in range(len(CASES)))
    options = {"direction": "auto", "fallback": "ltr", "keep_harakat": False, "mode": "app"}
    reused = Prepared(text, **options)
    for width in (21, 9, 30, 15, 21, 80):
        assert reused.lines(width) == Prepared(text, **options).lines(width)
    mid = reused.lines(26)
    assert reused.lines(26, 3, 7) == mid[3:7]


def test_paragraph_levels_are_none_for_a_pure_paragraph_and_unaffected_by_rule_l1() -> None:
    assert paragraph_levels("مرحبا بالعالم", bidi_classes("مرحبا بالعالم"), True) is None
    text = "abc عربي "
    # The trailing space sits between R and the LTR paragraph's eos: level 0 by N2, and L1 is
    # left to each row (it depends on where the row ends).
    assert paragraph_levels(text, bidi_classes(text), False) == "000011110"
    text = "عربي abc "
    assert paragraph_levels(text, bidi_classes(text), True) == "111112221"


LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
HOSTILE = {
    "isolate controls": "عربي " + (RLI + LRI + "a 1 " + PDI) * 6000,
    "initiators without partners": "عربي " + FSI * 30_000 + " abc",
    "bracket pairs with English inside": "عربي " + "(ab) " * 10_000,
    "brackets nested past the BD16 stack": "عربي " + "(" * 20_000 + "a" + ")" * 20_000,
    "a long run of percent signs after a number": "عربي 5% " + "%" * 40_000 + " x",
    "neutrals between English words": "عربي a" + " -" * 20_000 + " b",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_paragraph_long_hostile_input_is_laid_out(text: str) -> None:
    """A stranger's one-paragraph feed item, tens of thousands of characters of controls or
    punctuation, is resolved as one paragraph now: every pass must stay linear (a quadratic
    one would take minutes here, not milliseconds)."""
    rows = layout(text, 30)
    assert sum(len(row.logical.replace(" ", "")) for row in rows) == len(text.replace(" ", ""))
    assert all(row.cells <= 30 for row in rows)
    assert not any(set(row.visual) & {LRI, RLI, FSI, PDI} for row in rows)
