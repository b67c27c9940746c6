"""Dates as a reader expects them: Arabic month names, Hijri, or both, in either digit style.

Arabic has two families of Gregorian month names. Egypt, the Gulf and the Maghreb say يناير،
فبراير، مارس… (from the European names); Syria, Lebanon, Jordan, Palestine and Iraq say كانون
الثاني، شباط، آذار… (the old Syriac names). The family follows a country hint (a feed's
`country`, or the locale's territory, e.g. `ar_SY`), and defaults to يناير… where none is known.

`calendar` is the `[settings] calendar` value: `gregorian`, `hijri` (Umm al-Qura, see `hijri`) or
`both`; a date outside the Hijri tables falls back to Gregorian alone.
"""

from __future__ import annotations

from datetime import date, datetime

from akhbar_tui.i18n.catalog import message
from akhbar_tui.i18n.digits import localize_digits
from akhbar_tui.i18n.hijri import hijri_month_name, to_hijri

CALENDARS = ("gregorian", "hijri", "both")

MONTHS_AR = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)
MONTHS_LEVANT = (
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# ISO 3166 codes of the countries that name months كانون الثاني، شباط…
LEVANT_COUNTRIES = frozenset({"SY", "LB", "JO", "PS", "IQ"})


def country_of_locale(locale: str | None) -> str | None:
    """The territory of a POSIX locale name (`ar_SY.UTF-8` → `SY`), if it has one."""
    if not locale:
        return None
    base = locale.split(".")[0].split("@")[0]
    _, _, territory = base.replace("-", "_").partition("_")
    return territory.upper() if len(territory) == 2 and territory.isalpha() else None


def month_name(month: int, language: str, country: str | None = None) -> str:
    """The Gregorian month's name for `language`, in the family `country` uses (Arabic only)."""
    if language != "ar":
        return MONTHS_EN[month - 1]
    family = MONTHS_LEVANT if (country or "").upper() in LEVANT_COUNTRIES else MONTHS_AR
    return family[month - 1]


def format_date(
    when: date,
    *,
    language: str = "en",
    calendar: str = "gregorian",
    country: str | None = None,
    digits: str = "western",
    with_time: bool = False,
) -> str:
    """`when` as a reader's date: `11 March 2024`, `11 آذار 2024`, `1 رمضان 1445 هـ`, or both.

    `with_time` appends the 24-hour time of a datetime (`20:40`), which is how feeds state it.
    The time is the datetime's own (the caller converts to local time first if it wants to).
    """
    day = when.date() if isinstance(when, datetime) else when
    gregorian = message(
        language,
        "date.gregorian",
        day=localize_digits(str(day.day), digits),
        month=month_name(day.month, language, country),
        year=localize_digits(str(day.year), digits),
    )
    text = gregorian
    hijri = to_hijri(day) if calendar in ("hijri", "both") else None
    if hijri is not None:
        hijri_text = message(
            language,
            "date.hijri",
            day=localize_digits(str(hijri.day), digits),
            month=hijri_month_name(hijri.month, language),
            year=localize_digits(str(hijri.year), digits),
        )
        text = (
            hijri_text
            if calendar == "hijri"
            else message(language, "date.both", gregorian=gregorian, hijri=hijri_text)
        )
    if with_time and isinstance(when, datetime):
        clock = localize_digits(when.strftime("%H:%M"), digits)
        text = message(language, "date.with_time", date=text, time=clock)
    return text
