"""Umm al-Qura Hijri dates, through the `hijridate` package.

Umm al-Qura is Saudi Arabia's official calendar, tabulated from astronomical data; `hijridate`
carries its tables, so conversion is a lookup, not an estimate (an arithmetic "tabular Islamic"
calendar is often a day or two off the dates an Arabic reader sees in the press). The tables
cover 1 Muharram 1343 to 29 Dhu al-Hijjah 1500 (1 August 1924 to 16 November 2077); outside
that range there is no Hijri date and callers show the Gregorian one alone.

`hijridate` is imported on first use: it costs about 20 ms and only the reader's date lines need
it.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

HIJRI_MONTHS_AR = (
    "محرم",
    "صفر",
    "ربيع الأول",
    "ربيع الآخر",
    "جمادى الأولى",
    "جمادى الآخرة",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو القعدة",
    "ذو الحجة",
)
HIJRI_MONTHS_EN = (
    "Muharram",
    "Safar",
    "Rabi al-Awwal",
    "Rabi al-Akhir",
    "Jumada al-Ula",
    "Jumada al-Akhirah",
    "Rajab",
    "Shaban",
    "Ramadan",
    "Shawwal",
    "Dhu al-Qadah",
    "Dhu al-Hijjah",
)


class HijriDate(NamedTuple):
    """A day of the Umm al-Qura calendar; `month` is 1 (Muharram) to 12 (Dhu al-Hijjah)."""

    year: int
    month: int
    day: int


def to_hijri(day: date) -> HijriDate | None:
    """The Umm al-Qura date of a Gregorian day, or None outside the calendar's tables."""
    from hijridate import Gregorian

    try:
        hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    except OverflowError:
        return None
    return HijriDate(hijri.year, hijri.month, hijri.day)


def to_gregorian(hijri: HijriDate) -> date:
    """The Gregorian day of an Umm al-Qura date; ValueError/OverflowError for one that is not."""
    from hijridate import Hijri

    return date(*Hijri(hijri.year, hijri.month, hijri.day).to_gregorian().datetuple())


def hijri_month_name(month: int, language: str) -> str:
    """The month's name: Arabic for `ar`, a common English transliteration otherwise."""
    names = HIJRI_MONTHS_AR if language == "ar" else HIJRI_MONTHS_EN
    return names[month - 1]
