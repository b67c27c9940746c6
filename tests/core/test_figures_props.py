"""Properties of `figures.extract` on arbitrary input: it never raises, spans are exact slices."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar_tui.figures import extract

# Pieces that exercise the scanner's paths, mixed with arbitrary Unicode.
_PIECES = st.sampled_from(
    [
        "80",
        "٣٤٬٠٩٧",
        "2,9",
        "1.014.600",
        "3ر10",
        " ر ",
        "مليار",
        "مليارا",
        "ونصف",
        "و",
        "بـ",
        "الـ ",
        "دولار",
        "ريال",
        "سنتا",
        "%",
        "٪",
        "في المئة",
        "نقطة مئوية",
        "من",
        "إلى",
        "بين",
        " - ",
        "أكتوبر",
        "الأول من ديسمبر",
        "(أيلول)",
        "هـ",
        "٧:٠٦",
        "$",
        "R$",
        "bn",
        "a quarter of a",
        "million",
        "Twenty-",
        "March",
        "in",
        "عامين",
        "سن التاسعة",
        " ",
        "\n",
        "ً",
        "ـ",
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=200), _TEXT), country=st.sampled_from([None, "QA", "xx"]))
def test_never_raises_and_spans_are_exact_slices(text: str, country: str | None) -> None:
    figures = extract(text, None, country)
    for figure in figures:
        assert 0 <= figure.start < figure.end <= len(text)
        assert text[figure.start : figure.end] == figure.span
        assert figure.kind in {"money", "percent", "count", "quantity", "year", "date", "other"}
        assert figure.value is None or isinstance(figure.value, int | float)
    assert [f.start for f in figures] == sorted(f.start for f in figures)
    for left, right in pairwise(figures):
        assert left.end <= right.start


def test_empty_and_figure_free_text() -> None:
    assert extract("") == []
    assert extract("لا أرقام هنا على الإطلاق. No numbers here at all.") == []


def test_hostile_repetitions_neither_recurse_nor_carry_the_whole_text() -> None:
    for text in ("مليون و5 " * 3000, "مليار وألف و" * 3000, "بين 5 و" * 3000, "12 " * 3000):
        figures = extract(text)
        assert figures
        assert all(len(f.sentence) <= 600 for f in figures)
        assert all(text[f.start : f.end] == f.span for f in figures)
