"""The scanner's front end: anchors found on a folded copy of the whole text must agree with a
plain word-by-word regex scan, and a text's figures must not depend on where it sits."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from akhbar_tui.figures import anchors, extract, scanner
from akhbar_tui.figures.anchors import ANCHOR_WORDS, DIGIT, find_anchors, folded_copy
from akhbar_tui.figures.context import Sentences, qualifier
from akhbar_tui.figures.currencies import CUE_FAMILIES, resolve
from akhbar_tui.figures.text import has_marks, same_length_fold, tokenize

_WORDS = st.sampled_from(
    [
        "80",
        "(2024)،",
        "٣٤٬٠٩٧",
        "مليار",
        "بـخمسة",
        "ثلاثةً",
        "(مليون",
        "دولار",
        "أكتوبر",
        "Twenty-",
        "March",
        "x" * 40,
        "GPT-4o)",
        "عمّان",
        "19/6/2020",
        "ΑΣ",
        "(ΟΔΟΣ)",
        "İstanbul",
        "إلـى",
        "أكثرَ من",
        "نحوَ",
        "لأقل من",
    ]
)
_GAPS = st.sampled_from([" ", "  ", "\n", "\n\n", "\t", " \u00a0", ""])
_TEXT = st.lists(st.tuples(st.one_of(_WORDS, st.text(max_size=5)), _GAPS), max_size=30).map(
    lambda parts: "".join(word + gap for word, gap in parts)
)


def _reference_anchors(raw: str) -> list[tuple[int, str]]:
    """Anchors found word by word with a regex scan (no pieces, no memory)."""
    found = []
    for m in re.finditer(r"\S+", raw):
        word = "".join(c if len(c.lower()) != 1 else c.lower() for c in same_length_fold(m[0]))
        if word.isalpha():
            kind = ANCHOR_WORDS.get(word.replace("ـ", "")) or ANCHOR_WORDS.get(word)
            if kind is not None:
                found.append((m.start(), kind))
        elif re.search(r"[0-9٠-٩۰-۹]", word):
            found += [(m.start() + d.start(), DIGIT) for d in anchors._DIGITS.finditer(word)]
        else:
            inside = anchors._inside(word)
            if inside is not None:
                found.append((m.start() + inside[0], inside[1]))
    return found


@settings(max_examples=300, deadline=None)
@given(raw=_TEXT)
@example(raw="y" * 60 + "80 مليار " + "z" * 70)  # numbers next to words longer than the snap
@example(raw="بلغ\n\n" + "y" * 40 + "\t12  مليون\u00a0دولار")
def test_anchors_match_a_plain_scan(raw: str) -> None:
    assert find_anchors(raw) == _reference_anchors(raw)


def test_results_do_not_depend_on_what_was_read_before_or_where() -> None:
    raw = "بلغ 80 مليار دولار،\n\nمقابل 33 مليار  دولار (2024)، بعد خصم ديون تُقدّر بـ12 مليار دولار"
    cold = extract(raw)
    assert [f.value for f in cold if f.kind == "money"] == [
        80_000_000_000,
        33_000_000_000,
        12_000_000_000,
    ]
    assert extract(raw) == cold
    prefix = "الخبر. "
    shifted = extract(prefix + raw)
    assert [(f.start - len(prefix), f.span, f.value) for f in shifted] == [
        (f.start, f.span, f.value) for f in cold
    ]


def test_text_without_spaces_is_read_alike() -> None:
    lines = "بلغ\n80\nمليار\nدولار\nوقال\nالتقرير\nإن\nالنمو\nبلغ\n3.5%\nهذا\nالعام\n" * 20
    assert find_anchors(lines) == _reference_anchors(lines)
    spaced = extract(lines.replace("\n", " "))
    assert [(f.start, f.end, f.kind, f.value) for f in extract(lines)] == [
        (f.start, f.end, f.kind, f.value) for f in spaced
    ]
    assert len(spaced) == 40


def _shapes(raw: str, start: int, end: int, folded: str | None) -> list[tuple]:
    return [(t.kind, t.start, t.end, t.text, t.norm) for t in tokenize(raw, start, end, folded)]


@settings(max_examples=300, deadline=None)
@given(raw=_TEXT, cut=st.tuples(st.integers(0, 400), st.integers(0, 400)))
@example(raw="ΑΣ (ΟΔΟΣ) إلـى 12", cut=(0, 400))  # final sigma, tatweel
@example(raw="İstanbul 80 مليار", cut=(0, 400))  # a lower case longer than its letter
@example(raw="أكثر من 5 ونحو 6 وأقل من 7 (نحوَ 8", cut=(0, 400))  # qualifiers, harakat
@example(raw="أكثر من 5 ونحو 6 وأقل من 7 (نحو 8 وبحوالي 9 تجاوزت ل 10", cut=(0, 400))
@example(raw="80  (ΟΔΟΣ) ", cut=(8, 9))  # a cut inside a word ending in sigma
def test_tokens_from_the_folded_copy_are_the_folded_words(raw: str, cut: tuple[int, int]) -> None:
    """Norms sliced from the whole text's folded copy (and offsets added up over single spaces)
    must be exactly what folding each word and searching for it give; so must the qualifiers read
    from that copy."""
    folded, exact = folded_copy(raw)
    start, end = sorted(min(c, len(raw)) for c in cut)
    # Windows are cut between words (the scanner snaps them): inside one, a lower case that
    # depends on its neighbours (a final sigma) sees the same neighbours as in the whole text.
    while start and not raw[start - 1].isspace():
        start -= 1
    while end < len(raw) and not raw[end].isspace():
        end += 1
    reference = _shapes(raw, start, end, None)
    assert _shapes(raw, start, end, folded if exact else None) == reference
    assert [t[3] for t in reference] == [raw[t[1] : t[2]] for t in reference]
    if exact:
        assert [qualifier(raw, t[1], folded) for t in reference] == [
            qualifier(raw, t[1]) for t in reference
        ]


_CUE_WORDS = st.sampled_from(
    ["جنيه", "القاهرة", "لندن", "ليرة", "بيروت", "دينار", "عمّان", "أبوظبي", "Britain", "TURKEY"]
)
_SENTENCES = st.lists(
    st.tuples(
        st.one_of(_CUE_WORDS, _WORDS, st.text(max_size=4)), st.sampled_from([" ", ". ", "\n"])
    ),
    max_size=40,
).map(lambda parts: "".join(word + gap for word, gap in parts))


@settings(max_examples=200, deadline=None)
@given(raw=_SENTENCES, at=st.integers(0, 2000))
@example(raw="بلغ 5 جنيه. " + "x " * 400 + "في لندن 6 جنيه", at=900)  # a sentence cut to 600
def test_currency_cues_from_the_folded_copy(raw: str, at: int) -> None:
    """Cues searched in the folded copy's slice of a sentence (unstripped) must settle a currency
    as folding the stripped sentence does, for the slices `finish` uses (no harakat or tatweel)."""
    folded, exact = folded_copy(raw)
    if not raw or not exact:
        return
    sentences = Sentences(raw)
    offset = at % len(raw)
    sentence, start, end, whole = sentences.cut(offset)
    assert raw[start:end].strip() == sentence == sentences.around(offset)
    if whole:  # every offset in the bounds has the same sentence
        assert {sentences.around(k) for k in range(start, end)} == {sentence}
    if has_marks(folded[start:end]):
        return
    for family in CUE_FAMILIES:
        assert resolve(family, None, sentence, None, folded[start:end]) == resolve(
            family, None, sentence, None
        )


@settings(max_examples=100, deadline=None)
@given(raw=_TEXT)
@example(raw="x" * 40 + " y\u00a0zz\tq\u2003r")
def test_windows_snap_forward_to_a_word_end(raw: str) -> None:
    """A window's end moves on to the end of its word, at most `_SNAP` characters."""
    for offset in range(len(raw) + 1):
        limit = min(len(raw), offset + scanner._SNAP)
        rest = raw[offset:limit].split(None, 1)
        expected = offset if not rest or raw[offset].isspace() else offset + len(rest[0])
        assert scanner._snap_forward(raw, offset) == expected
