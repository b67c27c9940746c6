"""Calendar expressions: Gregorian, Levantine and Hijri month names, numeric dates, clock times.

Dates are found by regexes over the raw text before the token scan, so a date is always one figure
(`15 أغسطس 2023`, `سبتمبر (أيلول) 2007`, `١/٣/١٤٣٧هـ`, `March 3, 2024`, `٧:٠٦ مساءً`). A month name
with no numeral is never a figure. A trailing parenthesised gloss stays out of the span.
"""

from __future__ import annotations

import re

_A = "[اأإآ]"
_D = "[0-9٠-٩۰-۹]"
_HARAKAT = "[\u064b-\u065f\u0670]*"

_GREGORIAN = (
    "يناير",
    "فبراير",
    "مارس",
    f"{_A}بريل",
    "مايو",
    "يونيو",
    "يونيه",
    "يوليو",
    "يوليه",
    f"{_A}غسطس",
    "سبتمبر",
    f"{_A}كتوبر",
    "نوفمبر",
    "ديسمبر",
)
_LEVANTINE = (
    f"كانون {_A}لثاني",
    f"كانون {_A}ل{_A}ول",
    f"تشرين {_A}لثاني",
    f"تشرين {_A}ل{_A}ول",
    "شباط",
    f"{_A}ذار",
    "نيسان",
    f"{_A}يار",
    "حزيران",
    "تموز",
    f"{_A}ب",
    f"{_A}يلول",
)
_HIJRI = (
    "محرم",
    "صفر",
    f"ربيع {_A}ل{_A}ول",
    f"ربيع {_A}لثاني",
    f"ربيع {_A}ل{_A}خر",
    f"جمادى {_A}ل{_A}ول[ىي]",
    f"جمادى {_A}ل{_A}خرة",
    f"جمادى {_A}لثانية",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    f"ذ[وي] {_A}لقعدة",
    f"ذ[وي] {_A}لحجة",
)
_AR_MONTH = (
    "(?:" + "|".join(sorted((*_GREGORIAN, *_LEVANTINE, *_HIJRI), key=len, reverse=True)) + ")"
)
_AR_ORDINAL_DAY = (
    f"{_A}ل(?:حادي|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع)"
    f"(?: عشر| و{_A}لعشرين| و{_A}لثلاثين)?"
    f"|{_A}ل{_A}ول|{_A}لعاشر|{_A}لعشرين|{_A}لثلاثين"
)
_AR_DAY = f"(?:{_D}{{1,2}}|{_AR_ORDINAL_DAY})"
_YEAR = f"{_D}{{4}}(?:\\s?(?:هـ|ه|م)(?![\\w]))?"
_AR_GLUE = f"(?:\\s*\\({_AR_MONTH}\\)|\\s*/\\s*(?:{_AR_MONTH}))?"
_AR_DATE = (
    f"(?:{_AR_DAY}\\s+(?:من\\s+(?:شهر\\s+)?)?{_AR_MONTH}{_AR_GLUE}(?:\\s*،?\\s*{_YEAR})?"
    f"|{_AR_MONTH}{_AR_GLUE}\\s+{_YEAR})"
)

_EN_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_EN_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_EN_DATE = (
    rf"(?:{_EN_MONTH}\s+{_EN_DAY}(?![0-9])(?:,?\s+[12][0-9]{{3}}(?![0-9]))?"
    rf"|{_EN_DAY}\s+{_EN_MONTH}(?:,?\s+[12][0-9]{{3}}(?![0-9]))?"
    rf"|{_EN_MONTH}\s+(?:of\s+)?[12][0-9]{{3}}(?![0-9]))"
)
_NUMERIC = (
    f"(?:{_D}{{4}}/{_D}{{1,2}}/{_D}{{1,2}}|{_D}{{1,2}}/{_D}{{1,2}}/(?:{_D}{{4}}|{_D}{{2}})"
    f"|{_D}{{4}}-{_D}{{2}}-{_D}{{2}}(?!{_D}|-))"
    f"(?:\\s?(?:هـ|ه|م)(?![\\w]))?"
)
_TIME = (
    f"{_D}{{1,2}}:{_D}{{2}}(?!{_D}|:)"
    r"(?:\s?(?:a\.m\.|p\.m\.|am|pm|AM|PM|GMT|صباح[اًا]*|مساء[ًا]*|ظهر[اًا]*|فجر[اًا]*))?"
)

_DATE = re.compile(rf"(?:[وبلف]ـ?)?(?P<d>{_NUMERIC}|{_TIME}|{_AR_DATE}|{_EN_DATE})(?![\w])")
_ORDINAL_BEFORE = re.compile(rf"(?:{_AR_ORDINAL_DAY})\s+من\s+(?:شهر\s+)?$")
_NUMERIC_ONLY = re.compile(_NUMERIC)
_TRAILING_GLOSS = re.compile(r"\s*(?:\([^()]*\)|/\s*\S+(?:\s\S+)?)$")
_NOT_BEFORE = frozenset(".,٫٬")
_DIGIT_CHARS = frozenset("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
# The whole digit run: one or two digits before a day's follower, or four before `/` or `-`.
_MAY_START = re.compile(f"{_D}{{1,2}}(?!{_D})(?=[/:snrt]|\\s)|{_D}{{4}}(?!{_D})(?=[/-])")


def date_at(text: str, pos: int) -> tuple[int, int] | None:
    """The date or clock time starting at `pos` (a clitic there is skipped), else None.

    A month anchor also looks back for an ordinal day (`الرابع من يونيو`).
    """
    # A digit run begins a date only as a day (1–2 digits before a space, `/`, `:` or an English
    # ordinal suffix) or a year before `/` or `-`. Most numbers are neither, and this spares them
    # the date pattern (an ordinal day before a digit never makes a date either).
    if text[pos : pos + 1] in _DIGIT_CHARS and _MAY_START.match(text, pos) is None:
        return None
    before = text[max(0, pos - 40) : pos]
    ordinal = _ORDINAL_BEFORE.search(before) if "من" in before else None
    if ordinal is not None:
        pos = pos - len(before) + ordinal.start()
    if not _boundary_before(text, pos):
        return None
    match = _DATE.match(text, pos)
    if match is None:
        return None
    start, end = match.span("d")
    span = match.group("d")
    if span.endswith(")") or ("/" in span and not span[-1].isdigit() and "/" not in span[:3]):
        gloss = _TRAILING_GLOSS.search(span)
        if gloss and not _NUMERIC_ONLY.fullmatch(span):
            end = start + gloss.start()
    return start, end


def _boundary_before(text: str, pos: int) -> bool:
    """A date starts a word, or follows a one-letter clitic (و15 أغسطس، بـ12 مايو)."""
    k = pos
    while k > 0 and text[k - 1] == "ـ":
        k -= 1
    if k == 0:
        return True
    if text[k - 1] in "وبلف":
        return k == 1 or not text[k - 2].isalnum()
    return text[k - 1] not in _NOT_BEFORE and not text[k - 1].isalnum()
