"""What follows a numeral and decides its kind: percent forms, currencies, units, multipliers.

Each matcher looks at the tokens right after the numeral and returns a `Tail`: the kind it implies,
the unit or currency family, a factor for the value and the token index where the figure ends.
"""

from __future__ import annotations

from dataclasses import dataclass

from akhbar_tui.figures.currencies import (
    AR_ADJECTIVES,
    AR_CURRENCY_WORDS,
    EN_ADJECTIVES,
    EN_CURRENCY_WORDS,
    ISO_CODES,
)
from akhbar_tui.figures.text import Token
from akhbar_tui.figures.units import (
    AR_MULTIPLIERS,
    AR_PERCENT,
    AR_UNIT_REFINERS,
    AR_UNITS,
    EN_GLUED_UNITS,
    EN_MULTIPLIERS,
    EN_PERCENT,
    EN_UNIT_REFINERS,
    EN_UNITS,
    PERCENT_SIGNS,
)


@dataclass(slots=True)
class Tail:
    """The words after a numeral that give it a kind; `next_index` is the first token after."""

    kind: str
    unit: str | None
    next_index: int
    end: int
    family: str | None = None
    code: str | None = None
    factor: float = 1.0


def _near(text: str, left_end: int, right: Token, limit: int = 2) -> bool:
    gap = text[left_end : right.start]
    return len(gap) <= limit and (not gap or gap.isspace())


_FIRST_WORDS = frozenset(key[0] for key in (*AR_PERCENT, *EN_PERCENT))


def _match_sequence(
    tokens: list[Token], j: int, table: dict[tuple[str, ...], str]
) -> tuple[str, int] | None:
    if tokens[j].norm not in _FIRST_WORDS:
        return None
    for length in (3, 2, 1):
        key = tuple(t.norm for t in tokens[j : j + length])
        if len(key) == length and key in table:
            return table[key], j + length
    return None


def tail_after(tokens: list[Token], j: int, text: str, end: int) -> Tail | None:
    """The kind-giving words right after a numeral that ends at char `end` (token `j` next)."""
    if j >= len(tokens):
        return None
    token = tokens[j]
    if token.kind == "s" and token.text in PERCENT_SIGNS and _near(text, end, token, 1):
        return Tail("percent", "%", j + 1, token.end)
    if (
        token.text == "-"
        and token.start == end
        and j + 1 < len(tokens)
        and tokens[j + 1].start == token.end
        and tokens[j + 1].norm in EN_UNITS
    ):
        return Tail("quantity", EN_UNITS[tokens[j + 1].norm], j + 2, tokens[j + 1].end)
    if token.kind != "w" or not _near(text, end, token):
        return None
    if token.start == end and token.text in EN_GLUED_UNITS:
        return Tail("quantity", EN_GLUED_UNITS[token.text], j + 1, token.end)
    percent = _match_sequence(tokens, j, AR_PERCENT) or _match_sequence(tokens, j, EN_PERCENT)
    if percent is not None:
        unit, k = percent
        if unit == "bp":
            return Tail("percent", "pp", k, tokens[k - 1].end, factor=0.01)
        return Tail("percent", unit, k, tokens[k - 1].end)
    return _currency(tokens, j) or _unit(tokens, j, text) or _multiplier(tokens, j)


def _currency(tokens: list[Token], j: int) -> Tail | None:
    token = tokens[j]
    word = token.norm
    n = len(tokens)
    if token.text in ISO_CODES:
        return Tail("money", None, j + 1, token.end, code=token.text)
    if word in EN_ADJECTIVES and j + 1 < n and tokens[j + 1].norm in EN_CURRENCY_WORDS:
        family = EN_CURRENCY_WORDS[tokens[j + 1].norm]
        return Tail("money", None, j + 2, tokens[j + 1].end, family, EN_ADJECTIVES[word])
    family = AR_CURRENCY_WORDS.get(word) or EN_CURRENCY_WORDS.get(word)
    if family is None:
        return None
    code = "GBP" if family == "sterling" else None
    if j + 1 < n and tokens[j + 1].kind == "w":
        nxt = tokens[j + 1].norm
        adjective = AR_ADJECTIVES.get(nxt) or (
            "GBP" if nxt == "sterling" and family == "pound" else None
        )
        if adjective is not None:
            return Tail("money", None, j + 2, tokens[j + 1].end, family, adjective)
    return Tail("money", None, j + 1, token.end, family, code)


def _unit(tokens: list[Token], j: int, text: str) -> Tail | None:
    token = tokens[j]
    unit = AR_UNITS.get(token.norm)
    refiners: dict[tuple[str, str], str] = AR_UNIT_REFINERS
    if unit is None:
        unit = EN_UNITS.get(token.norm)
        refiners = EN_UNIT_REFINERS
    if unit is None:
        return None
    k = j + 1
    end = token.end
    if k < len(tokens) and tokens[k].kind == "w" and _near(text, end, tokens[k], 1):
        refined = refiners.get((unit, tokens[k].norm))
        if refined is not None:
            unit = refined
            end = tokens[k].end
            k += 1
    return Tail("quantity", unit, k, end)


def _multiplier(tokens: list[Token], j: int) -> Tail | None:
    word = tokens[j].norm
    if word in AR_MULTIPLIERS or word in EN_MULTIPLIERS:
        return Tail("other", "times", j + 1, tokens[j].end)
    return None
