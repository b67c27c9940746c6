"""Gregorian dates with Arabic month names, Umm al-Qura Hijri dates, the calendar setting."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from akhbar_tui.i18n import Translator, format_date, translator_for
from akhbar_tui.i18n.dates import MONTHS_AR, MONTHS_LEVANT, country_of_locale, month_name
from akhbar_tui.i18n.hijri import HijriDate, to_gregorian, to_hijri
from akhbar_tui.settings import Settings

# Gregorian day → Umm al-Qura date. The first two are the issue's; 15 Jumada al-Akhirah 1445 is
# hijridate's own README example; 1 Ramadan 1444, 1 Shawwal 1446 (Eid al-Fitr) and
# 10 Dhu al-Hijjah 1446 (Eid al-Adha) are the dates announced in Saudi Arabia.
KNOWN = [
    (date(2024, 3, 11), HijriDate(1445, 9, 1)),
    (date(2024, 7, 7), HijriDate(1446, 1, 1)),
    (date(2023, 12, 28), HijriDate(1445, 6, 15)),
    (date(2023, 3, 23), HijriDate(1444, 9, 1)),
    (date(2025, 3, 30), HijriDate(1446, 10, 1)),
    (date(2025, 6, 6), HijriDate(1446, 12, 10)),
]


@pytest.mark.parametrize(("gregorian", "hijri"), KNOWN)
def test_known_dates_convert_both_ways(gregorian: date, hijri: HijriDate) -> None:
    assert to_hijri(gregorian) == hijri
    assert to_gregorian(hijri) == gregorian


def test_consecutive_days_never_skip_or_repeat() -> None:
    day = date(2024, 3, 1)
    previous = to_hijri(day - timedelta(days=1))
    for offset in range(400):
        current = to_hijri(day + timedelta(days=offset))
        assert previous is not None and current is not None
        if current.day == 1:
            assert previous.day in (29, 30)
            assert (current.month - previous.month) % 12 == 1
        else:
            assert current == previous._replace(day=previous.day + 1)
        previous = current


def test_outside_the_tables_there_is_no_hijri_date() -> None:
    assert to_hijri(date(1924, 8, 1)) == HijriDate(1343, 1, 1)
    assert to_hijri(date(1924, 7, 31)) is None
    assert to_hijri(date(2077, 11, 16)) == HijriDate(1500, 12, 30)
    assert to_hijri(date(2077, 11, 17)) is None
    old = date(1900, 1, 1)
    assert format_date(old, language="ar", calendar="hijri") == "1 يناير 1900"


@pytest.mark.parametrize(
    ("country", "family"),
    [
        ("SY", MONTHS_LEVANT),
        ("lb", MONTHS_LEVANT),
        ("JO", MONTHS_LEVANT),
        ("PS", MONTHS_LEVANT),
        ("IQ", MONTHS_LEVANT),
        ("EG", MONTHS_AR),
        ("SA", MONTHS_AR),
        ("MA", MONTHS_AR),
        (None, MONTHS_AR),
    ],
)
def test_month_family_follows_the_country(country: str | None, family: tuple[str, ...]) -> None:
    assert [month_name(m, "ar", country) for m in range(1, 13)] == list(family)


def test_month_names() -> None:
    assert (MONTHS_AR[0], MONTHS_AR[8]) == ("يناير", "سبتمبر")
    assert (MONTHS_LEVANT[0], MONTHS_LEVANT[2], MONTHS_LEVANT[11]) == (
        "كانون الثاني",
        "آذار",
        "كانون الأول",
    )
    assert month_name(3, "en", "SY") == "March"


@pytest.mark.parametrize(
    ("locale", "country"),
    [
        ("ar_SY.UTF-8", "SY"),
        ("ar_eg", "EG"),
        ("ar-IQ", "IQ"),
        ("ar", None),
        ("C", None),
        ("", None),
    ],
)
def test_country_of_locale(locale: str, country: str | None) -> None:
    assert country_of_locale(locale) == country


DAY = date(2024, 3, 11)


@pytest.mark.parametrize(
    ("language", "calendar", "country", "digits", "text"),
    [
        ("ar", "gregorian", None, "western", "11 مارس 2024"),
        ("ar", "gregorian", "SY", "western", "11 آذار 2024"),
        ("ar", "hijri", None, "western", "1 رمضان 1445 هـ"),
        ("ar", "both", "IQ", "western", "1 رمضان 1445 هـ الموافق 11 آذار 2024 م"),
        ("ar", "hijri", None, "arabic-indic", "١ رمضان ١٤٤٥ هـ"),
        ("en", "gregorian", None, "western", "11 March 2024"),
        ("en", "hijri", None, "western", "1 Ramadan 1445 AH"),
        ("en", "both", None, "western", "11 March 2024 (1 Ramadan 1445 AH)"),
    ],
)
def test_format_date(
    language: str, calendar: str, country: str | None, digits: str, text: str
) -> None:
    assert (
        format_date(DAY, language=language, calendar=calendar, country=country, digits=digits)
        == text
    )


def test_with_time_and_year_without_grouping() -> None:
    when = datetime(2026, 11, 23, 20, 40, tzinfo=UTC)
    ar = Translator("ar", "arabic-indic", "gregorian")
    assert ar.date(when, with_time=True) == "٢٣ نوفمبر ٢٠٢٦، ٢٠:٤٠"
    assert ar.date(when, country="LB") == "٢٣ تشرين الثاني ٢٠٢٦"
    assert Translator("en").date(when, with_time=True) == "23 November 2026, 20:40"
    assert Translator("en").date(when.date(), with_time=True) == "23 November 2026"


def test_translator_takes_the_locale_territory() -> None:
    settings = Settings(language="auto", calendar="both", digits="western")
    tr = translator_for(settings, {"LANG": "ar_JO.UTF-8"})
    assert (tr.language, tr.country, tr.rtl) == ("ar", "JO", True)
    assert tr.date(DAY) == "1 رمضان 1445 هـ الموافق 11 آذار 2024 م"
    assert (
        translator_for(settings, {"LANG": "ar_JO.UTF-8"}, country="EG")
        .date(DAY)
        .endswith("11 مارس 2024 م")
    )
