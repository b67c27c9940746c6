"""Figures without a numeral token: Arabic duals of units and currencies, ages as ordinals.

`عامين` is two years and `دولارين` two dollars (the dual is the numeral); `نقطتين مئويتين` is two
percentage points; `ساعة ونصف` is one and a half hours. An age may be written as an ordinal:
`في سن التاسعة والستين` is 69 years.
"""

from __future__ import annotations

from akhbar_tui.figures.drafts import Draft
from akhbar_tui.figures.text import Token
from akhbar_tui.figures.units import AR_DUAL_CURRENCIES, AR_DUAL_UNITS, AR_UNITS
from akhbar_tui.figures.words_ar import AR_ORDINAL_TENS, AR_ORDINALS

_CLITICS = ("و", "ب", "ل", "ف")
AGE_WORDS = frozenset({"سن", "عمر", "السن", "العمر", "بسن", "بعمر"})
_PP_DUALS = frozenset({"نقطتين", "نقطتان"})
_PP_ADJECTIVES = frozenset({"مئويتين", "مئويتان"})
DUAL_WORDS = frozenset({*AR_DUAL_UNITS, *AR_DUAL_CURRENCIES, *_PP_DUALS})


def _strip(word: str) -> tuple[str, int]:
    if word[:1] in _CLITICS and len(word) > 4:
        return word[1:], 1
    return word, 0


def standalone_dual(tokens: list[Token], i: int, text: str) -> Draft | None:
    """A dual noun of time, measure or currency standing for "two" of it."""
    token = tokens[i]
    if token.kind != "w":
        return None
    word, cut = _strip(token.norm)
    start = token.start + cut
    if word in _PP_DUALS and i + 1 < len(tokens) and tokens[i + 1].norm in _PP_ADJECTIVES:
        return Draft(start, tokens[i + 1].end, "percent", 2, "pp", next_index=i + 2)
    unit = AR_DUAL_UNITS.get(word)
    if unit is not None:
        return Draft(start, token.end, "quantity", 2, unit, next_index=i + 1)
    single = AR_UNITS.get(word)
    half = i + 1 < len(tokens) and tokens[i + 1].norm == "ونصف"
    if single is not None and half and tokens[i + 1].start - token.end <= 1:
        return Draft(start, tokens[i + 1].end, "quantity", 1.5, single, next_index=i + 2)
    family = AR_DUAL_CURRENCIES.get(word)
    if family is not None:
        return Draft(start, token.end, "money", 2, None, family, next_index=i + 1)
    return None


def ordinal_age(tokens: list[Token], i: int, text: str) -> Draft | None:
    """`سن التاسعة والستين` → quantity 69 year (the only ordinal that is a figure, besides days)."""
    if i == 0 or tokens[i - 1].norm not in AGE_WORDS:
        return None
    token = tokens[i]
    value = AR_ORDINALS.get(token.norm) or AR_ORDINAL_TENS.get(token.norm)
    if value is None:
        return None
    end = token.end
    j = i + 1
    if j < len(tokens) and value < 10 and tokens[j].norm in AR_ORDINAL_TENS:
        value += AR_ORDINAL_TENS[tokens[j].norm]
        end = tokens[j].end
        j += 1
    return Draft(token.start, end, "quantity", value, "year", next_index=j)
