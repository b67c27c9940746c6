"""CLDR plural categories and relative times in Arabic and English, across the tricky counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from akhbar_tui.i18n import Translator, choose, plural_category, relative_time
from akhbar_tui.i18n.relative_time import UNITS, ago, compact_ago, elapsed

COUNTS = (0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 111)
NOW = datetime(2024, 3, 11, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("count", "category"),
    [
        (0, "zero"),
        (1, "one"),
        (2, "two"),
        (3, "few"),
        (10, "few"),
        (11, "many"),
        (99, "many"),
        (100, "other"),
        (101, "other"),
        (102, "other"),
        (103, "few"),
        (110, "few"),
        (111, "many"),
        (200, "other"),
        (1000, "other"),
        (1002, "other"),
        (1005, "few"),
        (1011, "many"),
        (-3, "few"),
    ],
)
def test_arabic_categories_follow_cldr(count: int, category: str) -> None:
    assert plural_category(count, "ar") == category


@pytest.mark.parametrize("count", COUNTS)
def test_english_has_one_and_other(count: int) -> None:
    assert plural_category(count, "en") == ("one" if count == 1 else "other")


def test_choose_falls_back_to_other() -> None:
    variants = {"one": "an article", "other": "{count} articles"}
    assert choose(variants, 1, "ar") == "an article"
    assert choose(variants, 2, "ar") == "{count} articles"  # no "two" variant: other
    assert choose(variants, 11, "en") == "{count} articles"


# Per unit: less-than phrase (0), one, two, the plural noun (3-10), the accusative singular
# (11-99) and the plain singular (100, 101, 102 …).
ARABIC_FORMS = {
    "minute": ("منذ أقل من دقيقة", "منذ دقيقة", "منذ دقيقتين", "دقائق", "دقيقة", "دقيقة"),
    "hour": ("منذ أقل من ساعة", "منذ ساعة", "منذ ساعتين", "ساعات", "ساعة", "ساعة"),
    "day": ("منذ أقل من يوم", "أمس", "منذ يومين", "أيام", "يومًا", "يوم"),
    "week": ("منذ أقل من أسبوع", "منذ أسبوع", "منذ أسبوعين", "أسابيع", "أسبوعًا", "أسبوع"),
    "month": ("منذ أقل من شهر", "منذ شهر", "منذ شهرين", "أشهر", "شهرًا", "شهر"),
    "year": ("منذ أقل من سنة", "منذ سنة", "منذ سنتين", "سنوات", "سنة", "سنة"),
}


def expected_arabic(count: int, unit: str) -> str:
    zero, one, two, plural, accusative, singular = ARABIC_FORMS[unit]
    if count in (0, 1, 2):
        return (zero, one, two)[count]
    if 3 <= count % 100 <= 10:
        return f"منذ {count} {plural}"
    if 11 <= count % 100 <= 99:
        return f"منذ {count} {accusative}"
    return f"منذ {count} {singular}"


def test_every_unit_has_arabic_forms() -> None:
    assert set(ARABIC_FORMS) == set(UNITS)


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("count", COUNTS)
def test_arabic_ago_agrees_with_the_count(count: int, unit: str) -> None:
    assert ago(count, unit, "ar") == expected_arabic(count, unit)


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (1, "منذ دقيقة"),
        (2, "منذ دقيقتين"),
        (3, "منذ 3 دقائق"),
        (11, "منذ 11 دقيقة"),
        (100, "منذ 100 دقيقة"),
        (103, "منذ 103 دقائق"),
    ],
)
def test_the_issue_examples(count: int, text: str) -> None:
    assert ago(count, "minute", "ar") == text


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("count", COUNTS)
def test_english_ago(count: int, unit: str) -> None:
    if count == 1:
        expected = "yesterday" if unit == "day" else f"1 {unit} ago"
    else:
        expected = f"{count} {unit}s ago"
    assert ago(count, unit, "en") == expected


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("count", COUNTS)
def test_compact_forms_do_not_inflect(count: int, unit: str) -> None:
    letters = dict(zip(UNITS, ("د", "س", "ي", "أ", "ش", "ع"), strict=True))
    suffixes = dict(zip(UNITS, ("m", "h", "d", "w", "mo", "y"), strict=True))
    assert compact_ago(count, unit, "ar") == f"{count} {letters[unit]}"
    assert compact_ago(count, unit, "en") == f"{count}{suffixes[unit]}"


def test_digits_apply_to_the_count_only() -> None:
    assert ago(103, "minute", "ar", "arabic-indic") == "منذ ١٠٣ دقائق"
    assert compact_ago(5, "minute", "ar", "arabic-indic") == "٥ د"
    assert ago(1234, "year", "en", "arabic-indic") == "١٬٢٣٤ years ago"


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (timedelta(seconds=0), None),
        (timedelta(seconds=59), None),
        (timedelta(seconds=60), (1, "minute")),
        (timedelta(minutes=59, seconds=59), (59, "minute")),
        (timedelta(hours=1), (1, "hour")),
        (timedelta(hours=23, minutes=59), (23, "hour")),
        (timedelta(hours=24), (1, "day")),
        (timedelta(hours=47), (1, "day")),
        (timedelta(hours=48), (2, "day")),
        (timedelta(days=6, hours=23), (6, "day")),
        (timedelta(days=7), (1, "week")),
        (timedelta(days=29), (4, "week")),
        (timedelta(days=30), (1, "month")),
        (timedelta(days=364), (12, "month")),
        (timedelta(days=365), (1, "year")),
        (timedelta(days=365 * 11), (11, "year")),
        (timedelta(days=-3), None),
    ],
)
def test_elapsed_picks_the_largest_unit(age: timedelta, expected: tuple[int, str] | None) -> None:
    assert elapsed(NOW - age, NOW) == expected


def test_relative_time_long_and_compact() -> None:
    cases = [
        (timedelta(seconds=20), "منذ لحظات", "just now", "الآن", "now"),
        (timedelta(minutes=5), "منذ 5 دقائق", "5 minutes ago", "5 د", "5m"),
        (timedelta(hours=3), "منذ 3 ساعات", "3 hours ago", "3 س", "3h"),
        (timedelta(hours=30), "أمس", "yesterday", "1 ي", "1d"),
        (timedelta(days=2), "منذ يومين", "2 days ago", "2 ي", "2d"),
        (timedelta(days=21), "منذ 3 أسابيع", "3 weeks ago", "3 أ", "3w"),
        (timedelta(days=330), "منذ 11 شهرًا", "11 months ago", "11 ش", "11mo"),
        (timedelta(days=800), "منذ سنتين", "2 years ago", "2 ع", "2y"),
    ]
    for age, ar_long, en_long, ar_short, en_short in cases:
        when = NOW - age
        assert relative_time(when, NOW, "ar") == ar_long
        assert relative_time(when, NOW, "en") == en_long
        assert relative_time(when, NOW, "ar", compact=True) == ar_short
        assert relative_time(when, NOW, "en", compact=True) == en_short


def test_unknown_and_naive_dates() -> None:
    assert relative_time(None, NOW, "ar") == ""
    naive = datetime(2024, 3, 11, 11, 0)  # a feed without a zone: read as UTC
    assert relative_time(naive, NOW, "en") == "1 hour ago"
    assert Translator("ar", "arabic-indic").age(NOW - timedelta(minutes=45), NOW) == "٤٥ د"
    assert Translator("en").ago(None) == ""
