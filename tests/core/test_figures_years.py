"""Year or count, and numbers that name: one news sentence per row, every figure it must yield."""

from __future__ import annotations

import pytest

from akhbar_tui.figures import extract

Row = tuple[str, str, float | int | None, str | None]


def found(text: str) -> list[Row]:
    return [(f.span, f.kind, f.value, f.unit) for f in extract(text)]


COUNTS = [
    # Arabic tamyiz: a singular indefinite noun after thousands and hundreds.
    ("نشرت وزارة الدفاع 2000 جندي على الحدود الشمالية", [("2000 جندي", "count", 2000, "جندي")]),
    ("قالت الشركة إنها ستسرّح 1500 موظف من فروعها", [("1500 موظف", "count", 1500, "موظف")]),
    ("وأفادت الوزارة بأن 1900 شخص أصيبوا بالكوليرا", [("1900 شخص", "count", 1900, "شخص")]),
    ("وشارك في الماراثون 2024 متسابقا", [("2024 متسابقا", "count", 2024, "متسابق")]),
    ("وسجلت المدينة 1850 حالة إصابة جديدة", [("1850 حالة", "count", 1850, "حالة")]),
    ("وتضم الجامعة اليوم 2000 طالب", [("2000 طالب", "count", 2000, "طالب")]),
    ("ارتفع عدد العاملين إلى 1800 عامل", [("1800 عامل", "count", 1800, "عامل")]),
    # English: a lower-case plural after the number.
    ("The army deployed 2,000 troops to the border", [("2,000 troops", "count", 2000, "troop")]),
    ("Some 1999 people signed the petition", [("1999 people", "count", 1999, "person")]),
    ("The charity has trained 1900 nurses", [("1900 nurses", "count", 1900, "nurse")]),
    ("Police said 2100 officers would be on duty", [("2100 officers", "count", 2100, "officer")]),
    ("About 2050 families were evacuated", [("2050 families", "count", 2050, "family")]),
    # A round hundred with a counted noun is a count even after في / "the"; two-word nouns.
    ("يعمل في 1800 مدرسة حكومية", [("1800 مدرسة", "count", 1800, "مدرسة")]),
    ("The union said the 1800 workers would strike", [("1800 workers", "count", 1800, "worker")]),
    ("The strike involved 1900 dock workers", [("1900 dock workers", "count", 1900, "worker")]),
]

YEARS = [
    # Arabic: a temporal word before, or no counted noun after.
    ("في 2024 ارتفعت صادرات المملكة", [("2024", "year", 2024, None)]),
    ("وفي 2024 ارتفعت الصادرات", [("2024", "year", 2024, None)]),
    ("منذ عام 2022 تضاعف العدد", [("2022", "year", 2022, None)]),
    ("سنة 2023 شهدت نموا قويا", [("2023", "year", 2023, None)]),
    ("ومنذ 2015 تضاعف عدد الشركات", [("2015", "year", 2015, None)]),
    ("بحلول نهاية 2025", [("2025", "year", 2025, None)]),
    ("تعود جذور الأزمة إلى 2008 حين انهارت الأسواق", [("2008", "year", 2008, None)]),
    ("وتأسس البنك في 1920 برأسمال صغير", [("1920", "year", 1920, None)]),
    ("انتخابات 2024 الرئاسية", [("2024", "year", 2024, None)]),
    ("2023 سجلت البلاد عجزا", [("2023", "year", 2023, None)]),
    ("من 2015 إلى 2020 ارتفعت", [("2015", "year", 2015, None), ("2020", "year", 2020, None)]),
    # English: in/since/the before, a singular or a capitalised word after.
    ("In 2024 the company cut jobs", [("2024", "year", 2024, None)]),
    ("Since 2019, the charity has grown", [("2019", "year", 2019, None)]),
    ("The 2024 budget sets aside money", [("2024", "year", 2024, None)]),
    ("during the 2026 World Cup matches", [("2026", "year", 2026, None)]),
    ("the Paris 2024 Olympics opened", [("2024", "year", 2024, None)]),
    ("the 2024 elections were close", [("2024", "year", 2024, None)]),
    ("By 2030 the country wants more wind", [("2030", "year", 2030, None)]),
    ("from 2015 to 2020 sales rose", [("2015", "year", 2015, None), ("2020", "year", 2020, None)]),
    ("The hall, built in 1958, seats", [("1958", "year", 1958, None)]),
    # ... but not a verb, an adverb in ة, a year that is not a round hundred, or "in".
    ("في 2000 ارتفع الإنتاج", [("2000", "year", 2000, None)]),
    ("وتراجعت الأسعار في 2000 خاصة", [("2000", "year", 2000, None)]),
    ("وافتتحت في 2019 مدرسة جديدة", [("2019", "year", 2019, None)]),
    ("the 2016 elections were close", [("2016", "year", 2016, None)]),
    ("In 2000 companies went bust", [("2000", "year", 2000, None)]),
    ("the 2024 budget cuts hurt", [("2024", "year", 2024, None)]),
    # An era suffix or a year word always makes a year.
    ("تأسست عام 2014م وضمت", [("2014م", "year", 2014, None)]),
]

NAMES = [
    "ويمكن للمواطنين الاتصال بالرقم 920033360 للاستفسار",
    "اتصل بالرقم 0501234567 للحصول على موعد",
    "For more information, call 1-800-555-0199 or visit",
    "وأطلقت الشركة الإصدار 2.0 من تطبيقها",
    "The update to iOS 17.4 lets users download apps",
    "وشارك قادة مجموعة الـ20 في جلسة خاصة",
    "Leaders of the Group of 20 will meet",
    "وتعرضت طائرة من طراز بوينغ 737 ماكس لعطل",
    "The airline's Boeing 787 fleet was grounded",
    "The Formula 1 season opens in Bahrain",
    "Windows 11 now runs on new laptops",
    "وطالبوا بإلغاء القرار رقم 45 الصادر عن الوزارة",
]


@pytest.mark.parametrize(("text", "expected"), COUNTS + YEARS)
def test_year_or_count(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", NAMES)
def test_numbers_that_name_are_not_figures(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("growth of 2.5-3% next year", [("2.5", "percent", 2.5, "%"), ("3%", "percent", 3, "%")]),
        ("published 2024-03-15 by the ministry", [("2024-03-15", "date", None, None)]),
        (
            "ارتفع إلى 1500 موظف في 2024",
            [("1500 موظف", "count", 1500, "موظف"), ("2024", "year", 2024, None)],
        ),
    ],
)
def test_neighbours_of_the_rules(text: str, expected: list[Row]) -> None:
    """A two-group range is not a phone chain; an ISO date is one date; count and year together."""
    assert found(text) == expected
