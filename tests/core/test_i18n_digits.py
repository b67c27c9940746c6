"""Arabic-Indic digits for numbers akhbar prints; article text keeps its own digits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from akhbar_tui.i18n import Translator, format_number, localize_digits
from akhbar_tui.i18n.digits import ARABIC_INDIC


@pytest.mark.parametrize(
    ("text", "indic"),
    [
        ("0123456789", "٠١٢٣٤٥٦٧٨٩"),
        ("12,400,000,000 USD", "١٢٬٤٠٠٬٠٠٠٬٠٠٠ USD"),
        ("3.75", "٣٫٧٥"),
        ("1,234.5", "١٬٢٣٤٫٥"),
        ("45 %", "٤٥ ٪"),
        ("12.5%", "١٢٫٥٪"),
        ("20:40", "٢٠:٤٠"),
        ("3/12", "٣/١٢"),
        ("2026", "٢٠٢٦"),
        ("a, b. c", "a, b. c"),
        ("done, 5.", "done, ٥."),
        ("الساعة 9، تقريبًا", "الساعة ٩، تقريبًا"),
        ("% 5", "% ٥"),
        ("", ""),
    ],
)
def test_arabic_indic(text: str, indic: str) -> None:
    assert localize_digits(text, "arabic-indic") == indic
    assert localize_digits(text, "western") == text


@given(st.text())
def test_western_is_the_identity_and_indic_keeps_length_and_letters(text: str) -> None:
    assert localize_digits(text, "western") == text
    indic = localize_digits(text, "arabic-indic")
    assert len(indic) == len(text)
    assert not any(c in "0123456789" for c in indic)
    for before, after in zip(text, indic, strict=True):
        if before not in "0123456789,.%":
            assert before == after


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_numbers_round_trip(value: int) -> None:
    indic = format_number(value, "arabic-indic")
    back = indic.translate(str.maketrans(ARABIC_INDIC + "٬", "0123456789,"))
    assert back == f"{value:,}"


@pytest.mark.parametrize(
    ("value", "western", "indic"),
    [
        (0, "0", "٠"),
        (1000, "1,000", "١٬٠٠٠"),
        (12400000000, "12,400,000,000", "١٢٬٤٠٠٬٠٠٠٬٠٠٠"),
        (3.75, "3.75", "٣٫٧٥"),
        (2.0, "2", "٢"),
        (1234567.5, "1,234,567.5", "١٬٢٣٤٬٥٦٧٫٥"),
        (float("nan"), "nan", "nan"),
    ],
)
def test_format_number(value: float, western: str, indic: str) -> None:
    assert format_number(value, "western") == western
    assert format_number(value, "arabic-indic") == indic


def test_years_are_not_grouped() -> None:
    assert format_number(2026, "arabic-indic", grouping=False) == "٢٠٢٦"
    assert Translator(digits="arabic-indic").number(1446, grouping=False) == "١٤٤٦"


def test_feed_text_in_a_message_keeps_its_digits() -> None:
    tr = Translator("ar", "arabic-indic")
    text = tr("ui.notify.feed_added", name="فرانس 24")
    assert text == "أُضيف \u2068فرانس 24\u2069."  # isolated, its digits as they came
    assert tr("ui.status.refreshing", done=3, total=40) == "جارٍ التحديث ٣/٤٠"
    assert tr.digits_of("3/40") == "٣/٤٠"
    assert Translator("ar").digits_of("3/40") == "3/40"
