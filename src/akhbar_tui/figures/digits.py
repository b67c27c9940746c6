"""Numbers written with digits: both scripts and the separators news wires use.

`٫` is always a decimal mark; `٬` groups thousands; a `,` followed by one or two digits is a decimal
comma (`2,9`); `,` or repeated `.` before groups of three digits group thousands (`1.014.600`); a
single `.` before exactly three digits is ambiguous (`2.960 مستثمرا`) and is settled by context.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from akhbar_tui.figures.text import DIGITS


class Digits(NamedTuple):
    """A digit number: its value, the thousands reading when ambiguous, and its raw shape."""

    value: float
    thousands: float | None
    plain: bool
    length: int


_LEADING = re.compile(r"\d+(?:\.\d+)?")


def _number(text: str) -> float:
    """A float that becomes an int when whole, so JSON shows 2960, not 2960.0.

    Malformed mixtures of separators (`0٫0.0`) keep their first well-formed part.
    """
    try:
        value = float(text)
    except ValueError:
        leading = _LEADING.match(text)
        value = float(leading.group()) if leading else 0.0
    return int(value) if value.is_integer() and abs(value) < 1e18 else value


def parse_digits(raw: str) -> Digits:
    """Read one digit token (separators included) as a number."""
    if raw.isascii():
        if raw.isdigit():
            return Digits(int(raw), None, True, len(raw))
        whole, dot, frac = raw.partition(".")
        # A plain decimal (`4.5`, `0.25`); a dot before exactly three digits is read below.
        if dot and whole.isdigit() and frac.isdigit() and (len(frac) != 3 or whole == "0"):
            return Digits(_number(raw), None, False, 0)
    text = raw.translate(DIGITS).replace("٫", "d").replace("٬", "")
    plain = text.isdigit()
    if plain:
        return Digits(_number(text), None, True, len(text))
    if "d" in text:
        whole, _, frac = text.partition("d")
        return Digits(_number(whole.replace(",", "").replace(".", "") + "." + frac), None, False, 0)
    if "," in text and "." in text:
        if text.rfind(".") > text.rfind(","):
            return Digits(_number(text.replace(",", "")), None, False, 0)
        return Digits(_number(text.replace(".", "").replace(",", ".")), None, False, 0)
    sep = "," if "," in text else "."
    groups = text.split(sep)
    tail_is_thousands = all(len(g) == 3 for g in groups[1:])
    if sep == "," and tail_is_thousands:
        return Digits(_number("".join(groups)), None, False, 0)
    if sep == "," and len(groups) == 2:
        return Digits(_number(groups[0] + "." + groups[1]), None, False, 0)
    if sep == "." and len(groups) > 2 and tail_is_thousands:
        return Digits(_number("".join(groups)), None, False, 0)
    if sep == "." and len(groups) == 2:
        ambiguous = len(groups[1]) == 3 and groups[0] != "0"
        thousands = _number("".join(groups)) if ambiguous else None
        return Digits(_number(text), thousands, False, 0)
    return Digits(_number("".join(groups)), None, False, 0)


def kuwaiti(fraction_raw: str, whole_raw: str) -> float:
    """Wire style `3ر10` / `4 ر 124`: the fraction digits come first (10.3, 124.4)."""
    fraction = fraction_raw.translate(DIGITS)
    whole = parse_digits(whole_raw).value
    if not fraction.isdigit() or not float(whole).is_integer():
        return whole
    return _number(f"{int(whole)}.{fraction}")
