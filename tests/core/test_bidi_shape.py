"""The fast paths of `bidi_layout` give exactly what the slow ones give: shaping, line objects."""

from __future__ import annotations

from dataclasses import fields

from arabic_reshaper.letters import LETTERS_ARABIC
from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar_tui.bidi_layout import VisualLine, layout
from akhbar_tui.bidi_line import new_line
from akhbar_tui.bidi_shape import _reshaper, shape_words

_LETTERS = sorted(ch for ch in LETTERS_ARABIC if ch != "\u200d")
_MARKS_AND_OTHERS = ["\u064e", "\u0651", "\u0652", "\u0640", "a", "1", "(", "،", "«"]
_ALPHABET = [*_LETTERS, *"لالالأإآ", *_MARKS_AND_OTHERS]


def test_every_pair_and_every_lam_alef_context_matches_the_reshaper() -> None:
    reshape = _reshaper(False).reshape
    pairs = [a + b for a in _LETTERS for b in _LETTERS]
    lam_alef = [a + "ل" + alef + b for a in _LETTERS for alef in "اأإآ" for b in ("", "ب", "ا")]
    words = pairs + lam_alef
    assert shape_words(words, False) == {word: reshape(word) for word in words}


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(st.sampled_from(_ALPHABET), min_size=1, max_size=12), max_size=8))
def test_shaped_words_match_the_reshaper_with_and_without_harakat(words: list[str]) -> None:
    for keep_harakat in (False, True):
        reshape = _reshaper(keep_harakat).reshape
        assert shape_words(words, keep_harakat) == {word: reshape(word) for word in words}


def test_a_fast_built_line_equals_the_dataclass_built_one() -> None:
    (row,) = layout("أعلنت الشركة (Twitter سابقا) نموا بنسبة 45%", 80)
    values = [getattr(row, f.name) for f in fields(VisualLine)]
    assert new_line(*values) == VisualLine(*values) == row
    assert hash(new_line(*values)) == hash(row)
    assert new_line(*values).columns(0, 5) == row.columns(0, 5)
