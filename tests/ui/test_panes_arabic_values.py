"""Compact figure values in both languages and both digit styles (issue #7: `80 مليار دولار →
$80B`), from figures the real extractor finds; the article meta line's isolates and dates."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from akhbar_tui.figures import extract
from akhbar_tui.i18n import Translator
from akhbar_tui.models import Article, Figure
from akhbar_tui.ui.widgets.article_doc import FSI, PDI, meta_line
from akhbar_tui.ui.widgets.figure_values import compact_number, grouped, value_text

DEAL = (
    "استحواذ بلغ 80 مليار دولار، مقابل 33 مليار دولار لقيمة إكس، بعد خصم ديون تُقدّر بـ12 مليار"
    " دولار، ويستخدم المنصة 600 مليون مستخدم."
)
EN = Translator()
AR = Translator("ar")
AR_INDIC = Translator("ar", "arabic-indic")


def values(text: str, tr: Translator, lang: str = "ar") -> list[str]:
    return [value_text(figure, tr) for figure in extract(text, lang)]


def test_the_deal_reads_compactly_in_each_interface() -> None:
    assert values(DEAL, EN) == ["$80B", "$33B", "$12B", "600M مستخدم"]
    assert values(DEAL, AR) == [
        "80 مليار دولار",
        "33 مليار دولار",
        "12 مليار دولار",
        "600 مليون مستخدم",
    ]
    assert values(DEAL, AR_INDIC)[0] == "٨٠ مليار دولار"
    assert values(DEAL, AR_INDIC)[3] == "٦٠٠ مليون مستخدم"


@pytest.mark.parametrize(
    ("text", "english", "arabic"),
    [
        ("استمر الاجتماع 3 ساعات.", "3 hours", "3 ساعات"),
        ("استمر الاجتماع 11 ساعة.", "11 hours", "11 ساعة"),
        ("ارتفع المؤشر 2.5% أمس.", "2.5%", "2.5٪"),
        ("Revenue was $12.4 billion.", "$12.4B", "12.4 مليار دولار"),
        ("The loan is 2.7m euros.", "€2.7M", "2.7 مليون يورو"),
    ],
)
def test_units_agree_with_their_number(text: str, english: str, arabic: str) -> None:
    lang = "en" if text.isascii() else "ar"
    assert values(text, EN, lang) == [english]
    assert values(text, AR, lang) == [arabic]


def test_unknown_currency_and_unit_keep_their_code() -> None:
    money = Figure(0, 5, "5 XYZ", "money", 5_000_000, "XYZ")
    assert value_text(money, EN) == "XYZ 5M"
    assert value_text(money, AR_INDIC) == "٥ مليون XYZ"
    odd = Figure(0, 4, "4 qq", "quantity", 4, "qq")
    assert value_text(odd, AR) == "4 qq"
    assert value_text(Figure(0, 4, "1436هـ", "year", 1436, "AH"), AR_INDIC) == "١٤٣٦ هـ"
    assert value_text(Figure(0, 2, "x", "date", None), AR) == ""


def test_scaled_numbers_round_to_two_decimals_and_small_ones_stay_whole() -> None:
    assert compact_number(1_250_000_000_000, EN) == ("1.25T", 100)
    assert compact_number(18_800_000_000, AR) == ("18.8 مليار", 100)
    assert compact_number(3_500, EN) == ("3,500", 3500)
    assert compact_number(0.34, AR_INDIC) == ("٠٫٣٤", 100)


def test_groups_follow_the_kind_order_and_keep_reading_order_inside() -> None:
    figures = extract("في عام 2023 ارتفع السهم 5% إلى 80 مليار دولار ثم 3% و12 مليار دولار.", "ar")
    kinds = [(f.kind, f.start) for f in grouped(figures)]
    assert [k for k, _ in kinds] == ["money", "money", "percent", "percent", "year"]
    assert kinds == sorted(kinds, key=lambda k: (["money", "percent", "year"].index(k[0]), k[1]))


def test_meta_line_isolates_each_field_and_dates_in_the_readers_calendar() -> None:
    article = Article(
        "https://a.test/feed",
        "g",
        "عنوان",
        author="Jane Roe",
        published=datetime(2024, 3, 11, 20, 40, tzinfo=UTC),
    )
    assert meta_line(article, "نشرة", EN) == (
        f"{FSI}نشرة{PDI} · {FSI}Jane Roe{PDI} · {FSI}11 March 2024, 20:40{PDI}"
    )
    both = Translator("ar", "arabic-indic", "both")
    levant = f"{FSI}Jane Roe{PDI} · {FSI}١ رمضان ١٤٤٥ هـ الموافق ١١ آذار ٢٠٢٤ م، ٢٠:٤٠{PDI}"
    assert meta_line(article, "", both, "SY") == levant  # a Syrian feed's month names
    assert "١١ مارس ٢٠٢٤" in meta_line(article, "", both)


def test_thousands_are_counted_in_thousands() -> None:
    barrels = extract("بزيادة 350 ألف برميل عن سبتمبر", "ar")
    assert [value_text(f, EN) for f in barrels] == ["350K barrels"]
    assert [value_text(f, AR) for f in barrels] == ["350 ألف برميل"]
