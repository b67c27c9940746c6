"""The offset → column map of `VisualLine`, checked against the visual strings themselves,
plus the hypothesis properties of issue 4 and a differential test of the levels against libfribidi.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len, split_graphemes

from akhbar_tui.bidi_layout import highlight, layout, truncate
from akhbar_tui.bidi_levels import bidi_classes, levels
from akhbar_tui.bidi_prepare import BREAK_SPACE, PARAGRAPH_BREAK

_SPACE = set(" \t\u1680\u205f\u3000") | {chr(c) for c in range(0x2000, 0x200B) if c != 0x2007}
assert "\u2000-\u2006" in BREAK_SPACE  # keep _SPACE in step with the module


def test_a_figure_split_by_reordering_and_a_match_across_rows_are_highlighted() -> None:
    text = "أعلنت الشركة (Twitter سابقا) نموا بنسبة 45% اليوم"
    rows = layout(text, 16)
    start = text.index("Twitter")
    hits = highlight(rows, start, start + len("Twitter"))
    assert len(hits) == 1
    row, a, b = hits[0]
    assert rows[row].visual[a:b] == "Twitter"
    figure = text.index("45%")
    ((row, a, b),) = highlight(rows, figure, figure + 3)
    assert rows[row].visual[a:b] == "%45"
    phrase = text.index("الشركة")
    across = highlight(rows, phrase, text.index("سابقا") + 5)
    assert len({row for row, _, _ in across}) == 2


def test_columns_of_shaped_text_cover_ligatures_and_deleted_marks() -> None:
    text = "قَالَ لا"
    (row,) = layout(text, 20)
    assert row.visual == "ﻻ ﻝﺎﻗ"
    assert row.column_of(text.index("لا")) == 0  # lam and alef are one ligature cell
    assert row.column_of(text.index("لا") + 1) == 0
    assert row.columns(0, 5) == [(2, 5)]  # قَالَ with its harakat, three cells
    assert row.column_of(1) == row.column_of(0) == 4  # the fatha belongs to qaf
    assert row.offset_at(0) == text.index("لا")
    assert row.column_of(len(text)) is None


def test_emoji_and_marks_map_to_whole_clusters() -> None:
    text = "عائلة 👨\u200d👩\u200d👧 سعيدة"
    (row,) = layout(text, 40)
    emoji = text.index("👨")
    assert row.columns(emoji, emoji + 5) == [(6, 8)]
    assert row.offset_at(6) == emoji


_MAP_ALPHABET = st.sampled_from(list("abcXYZ אבגד 0123456789 .,:%$-+ \u05b8"))


@settings(max_examples=150, deadline=None)
@given(st.lists(_MAP_ALPHABET, max_size=60).map("".join), st.integers(1, 30), st.booleans())
def test_every_visible_character_is_found_at_its_column(text: str, width: int, rtl: bool) -> None:
    """With unshaped scripts and no brackets, the character at `column_of(i)` is `text[i]`."""
    for row in layout(text, width, direction="rtl" if rtl else "ltr"):
        columns = _cluster_at_column(row.visual)
        for i in range(row.start, row.end):
            column = row.column_of(i)
            if text[i] in _SPACE:
                continue
            assert column is not None
            assert text[i] in columns[column]


def _cluster_at_column(visual: str) -> dict[int, str]:
    spans, _ = split_graphemes(visual)
    found: dict[int, str] = {}
    column = 0
    for a, b, width in spans:
        found[column] = found.get(column, "") + visual[a:b]  # zero-width clusters share it
        column += width
    return found


_ANY_TEXT = st.text(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("عربي لا الله ( ) [ ] « » 12 ٣٤ % \u064e \u200d 👨 \n\t")),
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT, st.integers(1, 25), st.booleans(), st.sampled_from(["app", "terminal"]))
def test_layout_properties_on_arbitrary_unicode(
    text: str, width: int, keep_harakat: bool, mode: str
) -> None:
    rows = layout(text, width, keep_harakat=keep_harakat, mode=mode)
    for row in rows:
        assert cell_len(row.visual) == row.cells
        if row.cells > width:
            spans, _ = split_graphemes(row.visual)
            assert len([s for s in spans if s[2]]) == 1, row
        assert row.logical == text[row.start : row.end]
        for column in range(row.cells):
            offset = row.offset_at(column)
            assert offset is None or row.start <= offset < max(row.end, row.start + 1)
    assert _non_space(" ".join(row.logical for row in rows)) == _non_space(text)
    assert [row.start for row in rows] == sorted(row.start for row in rows)


@settings(max_examples=200, deadline=None)
@given(_ANY_TEXT, st.integers(1, 25))
def test_truncate_properties_on_arbitrary_unicode(text: str, width: int) -> None:
    row = truncate(text, width)
    assert row.cells <= width or len(split_graphemes(row.visual)[0]) == 1
    assert row.logical == text[row.start : row.end]
    flat = PARAGRAPH_BREAK.sub(" ", text)
    assert _non_space(flat).startswith(_non_space(row.logical))


def _non_space(text: str) -> str:
    return "".join(ch for ch in PARAGRAPH_BREAK.sub("", text) if ch not in _SPACE)


def _libfribidi() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("fribidi")
    return ctypes.CDLL(name) if name else None


@pytest.mark.skipif(_libfribidi() is None, reason="libfribidi is not installed")
@settings(max_examples=400, deadline=None)
@given(
    st.text(st.sampled_from(list("ab עב عر 12 ٣٤ ()[]«» .,:/%$-+\u064e")), max_size=30),
    st.booleans(),
)
def test_levels_agree_with_libfribidi(text: str, rtl: bool) -> None:
    """Our UAX #9 levels equal GNU FriBidi's for text without explicit embeddings.

    (FriBidi 1.0.8 loses a bracket followed by a combining mark; the alphabet keeps marks, but
    only after letters.)
    """
    text = _marks_after_letters(text)
    lib = _libfribidi()
    assert lib is not None
    n = len(text)
    u32 = ctypes.c_uint32
    chars = (u32 * n)(*map(ord, text))
    types, brackets = (u32 * n)(), (u32 * n)()
    theirs = (ctypes.c_int8 * n)()
    lib.fribidi_get_bidi_types(chars, n, types)
    lib.fribidi_get_bracket_types(chars, n, types, brackets)
    base = u32(0x111 if rtl else 0x110)
    lib.fribidi_get_par_embedding_levels_ex(types, brackets, n, ctypes.byref(base), theirs)
    assert levels(text, bidi_classes(text), rtl) == "".join(str(theirs[i]) for i in range(n))


def _marks_after_letters(text: str) -> str:
    out = []
    for ch in text:
        if unicodedata.category(ch) == "Mn" and not (out and out[-1].isalpha()):
            continue
        out.append(ch)
    return "".join(out)
