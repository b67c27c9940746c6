"""Explicit isolates (LRI, RLI, FSI … PDI) and the marks LRM, RLM, ALM in `bidi_layout`.

Expected rows are what a reader sees, left to right. Isolate controls are shown as zero-width
spaces (never sent to the terminal), so rows are compared with those removed; a separate test
checks that no isolate control reaches a row. A differential test compares the visual order
with python-bidi's UAX #9 (the Rust `unicode-bidi` crate), which implements isolates.
"""

from __future__ import annotations

import pytest
from bidi import get_display
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import split_graphemes

from akhbar_tui.bidi_layout import layout
from akhbar_tui.bidi_levels import bidi_classes, levels, reorder

LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
LRM, RLM, ALM = "\u200e", "\u200f", "\u061c"

# (case, text, width, visual rows without the zero-width stand-ins of the isolate controls)
ISOLATES = [
    (
        "an RTL name isolated in English keeps the number after it",
        f"Name: {RLI}عمرو{PDI} 2 items",
        80,
        ["Name: ﻭﺮﻤﻋ 2 items"],
    ),
    (
        "the same without the isolate: the number joins the name",
        "Name: عمرو 2 items",
        80,
        ["Name: 2 ﻭﺮﻤﻋ items"],
    ),
    (
        "an LTR isolate in Arabic keeps its trailing punctuation",
        f"شركة {LRI}Apple!{PDI} رائدة",
        80,
        ["ﺓﺪﺋﺍﺭ Apple! ﺔﻛﺮﺷ"],
    ),
    ("the same without the isolate", "شركة Apple! رائدة", 80, ["ﺓﺪﺋﺍﺭ !Apple ﺔﻛﺮﺷ"]),
    (
        "brackets and a number inside an LTR isolate stay one unit",
        f"قال {LRI}(C++) 3{PDI} اليوم",
        80,
        ["ﻡﻮﻴﻟﺍ (C++) 3 ﻝﺎﻗ"],
    ),
    ("the same without the isolate", "قال (C++) 3 اليوم", 80, ["ﻡﻮﻴﻟﺍ 3 (++C) ﻝﺎﻗ"]),
    (
        "FSI whose first strong is RTL acts as RLI",
        f"x {FSI}עב abc גד{PDI} y",
        80,
        ["x דג abc בע y"],
    ),
    (
        "FSI whose first strong is LTR acts as LRI",
        f"x {FSI}abc עב גד{PDI} y",
        80,
        ["x abc דג בע y"],
    ),
    (
        "nested isolates, the innermost RTL with a number",
        f"a {RLI}b {LRI}c {RLI}ع 1{PDI}{PDI} d{PDI} e",
        80,
        ["a b c 1 ﻉ d e"],
    ),
    (
        "brackets inside an RTL isolate in English",
        f"abc {RLI}(xyz){PDI} def",
        80,
        ["abc (xyz) def"],
    ),
    (
        "the paragraph direction skips an isolate's content (P2)",
        f"{RLI}عربي{PDI} hello",
        80,
        ["ﻲﺑﺮﻋ hello"],
    ),
    ("a lone PDI is a neutral", f"مرحبا {PDI}abc", 80, ["abc ﺎﺒﺣﺮﻣ"]),
    (
        # Levels are resolved on the whole paragraph (UAX #9), so the PDI on the second row still
        # closes the isolate and the "2" stays outside it, after the name as in one row; the
        # second row used to read "2 ﺹﺎﻌﻟﺍ ﻦﺑ" when each row was resolved on its own.
        # libfribidi agrees (fribidi_get_par_embedding_levels_ex + fribidi_reorder_line).
        "an isolate cut by a line break still closes on the next row",
        f"Name: {RLI}عمرو بن العاص{PDI} 2 items",
        12,
        ["Name: ﻭﺮﻤﻋ", "ﺹﺎﻌﻟﺍ ﻦﺑ 2", "items"],
    ),
]

MARKS = [
    ("no mark: the '!' follows the paragraph (LTR)", "Hello עולם!", {}, "Hello םלוע!"),
    ("RLM makes the '!' part of the Hebrew", f"Hello עולם!{RLM}", {}, f"Hello !{RLM}םלוע"),
    ("no mark: the '!' follows the paragraph (RTL)", "مرحبا abc!", {}, "!abc ﺎﺒﺣﺮﻣ"),
    ("LRM makes the '!' part of the English", f"مرحبا abc!{LRM}", {}, f"abc!{LRM} ﺎﺒﺣﺮﻣ"),
    ("after RLM a range stays one European number", f"{RLM}1-2", {"direction": "rtl"}, f"1-2{RLM}"),
    (
        "after ALM digits are Arabic numbers (W2): the range flips",
        f"{ALM}1-2",
        {"direction": "rtl"},
        f"2-1{ALM}",
    ),
    ("an LRM alone decides an LTR paragraph", f"{LRM}مرحبا", {}, f"{LRM}ﺎﺒﺣﺮﻣ"),
    ("an RLM alone decides an RTL paragraph", f"{RLM}(abc", {}, "abc)" + RLM),
]


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [case[1:] for case in ISOLATES],
    ids=[case[0] for case in ISOLATES],
)
def test_isolates_are_ordered_apart_from_their_surroundings(
    text: str, width: int, expected: list[str]
) -> None:
    rows = layout(text, width)
    assert [row.visual.replace("\u200b", "") for row in rows] == expected
    for row in rows:
        assert not set(row.visual) & {LRI, RLI, FSI, PDI}
        assert row.logical == text[row.start : row.end]


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [case[1:] for case in MARKS],
    ids=[case[0] for case in MARKS],
)
def test_marks_are_strong_characters_of_their_direction(
    text: str, options: dict, expected: str
) -> None:
    (row,) = layout(text, 80, **options)
    assert row.visual == expected


def test_an_isolated_figure_is_highlighted_where_it_shows() -> None:
    text = f"Name: {RLI}عمرو{PDI} 2 items"
    (row,) = layout(text, 80)
    name = text.index("عمرو")
    ((a, b),) = row.columns(name, name + 4)
    assert _at_columns(row.visual, a, b) == "ﻭﺮﻤﻋ"
    two = row.column_of(text.index("2"))
    assert two is not None and _at_columns(row.visual, two, two + 1) == "2"


def _at_columns(visual: str, a: int, b: int) -> str:
    """What shows in cell columns [a, b) of `visual`, zero-width stand-ins left out."""
    spans, _ = split_graphemes(visual)
    shown, column = "", 0
    for start, end, width in spans:
        if a <= column < b:
            shown += visual[start:end]
        column += width
    return shown.replace("\u200b", "")


_ALPHABET = st.sampled_from(
    [*"ab עב عر 12 ٣٤ ()[] .,:/%$-+", LRI, RLI, FSI, PDI, LRI, RLI, FSI, PDI, LRM, RLM, ALM]
)
_SAME_BRACKET = str.maketrans(")]", "([")


@settings(max_examples=500, deadline=None)
@given(st.text(_ALPHABET, min_size=1, max_size=24), st.booleans())
def test_visual_order_agrees_with_python_bidi(text: str, rtl: bool) -> None:
    """Our reordering of one line equals python-bidi's (Rust unicode-bidi) UAX #9, isolates
    included. python-bidi mirrors nothing (rule L4), so brackets are compared as one shape."""
    ours, _ = reorder(text, levels(text, bidi_classes(text), rtl), True)
    theirs = get_display(text, base_dir="R" if rtl else "L")
    assert ours.translate(_SAME_BRACKET) == theirs.translate(_SAME_BRACKET)


@pytest.mark.parametrize(
    "text",
    [
        (RLI + "ع ") * 70 + "abc 1" + PDI * 70 + " x",
        (LRI + "a " + RLI + "ب ") * 40 + "12" + PDI * 90 + " ج",
        FSI * 200 + "ع" + PDI * 150 + " a",
    ],
    ids=["past depth 125", "alternating past depth 125", "FSIs without partners"],
)
def test_isolates_nested_past_the_maximum_depth_agree_with_python_bidi(text: str) -> None:
    for rtl in (False, True):
        ours, _ = reorder(text, levels(text, bidi_classes(text), rtl), True)
        assert ours == get_display(text, base_dir="R" if rtl else "L")
    rows = layout(text, 10_000)
    assert len(rows) == 1 and not set(rows[0].visual) & {LRI, RLI, FSI, PDI}
