"""Arabic-Indic digits for the numbers akhbar itself prints, never for the text of articles.

With `[settings] digits = "arabic-indic"` the counts, times, dates and figure values that akhbar
formats are shown as ٠١٢٣٤٥٦٧٨٩, with the Arabic decimal separator ٫ (U+066B), the thousands
separator ٬ (U+066C) and the Arabic percent sign ٪ (U+066A) after a number. Only strings akhbar
builds go through here (a formatted number, a time, a figure's value); an article's title, body
or a feed's name keeps whatever digits its writer chose, so quoting it stays exact.
"""

from __future__ import annotations

import math
import re

DIGIT_STYLES = ("western", "arabic-indic")
ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
DECIMAL_SEPARATOR = "٫"
THOUSANDS_SEPARATOR = "٬"
PERCENT_SIGN = "٪"

_WESTERN_TO_INDIC = str.maketrans("0123456789", ARABIC_INDIC)
# A number as Python formats it: digits, optional `,` groups, optional `.` fraction, and a `%`
# that directly follows (with at most one space). A `,` or `.` not between digits is punctuation.
_NUMBER = re.compile(r"\d+(?:,\d+)*(?:\.\d+)?(?: ?%)?")


def _indic_number(match: re.Match[str]) -> str:
    number = match.group()
    number = number.replace(",", THOUSANDS_SEPARATOR).replace(".", DECIMAL_SEPARATOR)
    return number.replace("%", PERCENT_SIGN).translate(_WESTERN_TO_INDIC)


def localize_digits(text: str, digits: str) -> str:
    """`text` (made by akhbar) with its numbers in the chosen digit style.

    `western` returns the text unchanged. `arabic-indic` rewrites each number: `12,400.5` →
    `١٢٬٤٠٠٫٥`, `45 %` → `٤٥ ٪`, `20:40` → `٢٠:٤٠`; commas and points that are not inside a
    number stay as they are.
    """
    if digits != "arabic-indic":
        return text
    return _NUMBER.sub(_indic_number, text)


def format_number(value: float, digits: str, *, grouping: bool = True) -> str:
    """A count or figure value for display: thousands grouped, then in the chosen digits.

    Floats keep up to ten significant digits (the figures pane's precision) without an
    exponent for ordinary magnitudes; `grouping=False` is for years and identifiers.
    """
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.10g}" if grouping else f"{value:.10g}"
    else:
        text = f"{int(value):,}" if grouping else str(int(value))
    return localize_digits(text, digits)
