"""Numeral expressions over tokens: digits, Arabic and English number words, scales, fractions.

`read_number` starts at one token and returns the whole numeral (`18 مليارا و800 مليون`,
`مليونين ونصف المليون`, `ثلاث عشرة`, `$80bn`'s `80bn`, `Twenty-five`, `a quarter of a million`)
with its value, or None. Units, currencies and ranges are the scanner's business.
"""

from __future__ import annotations

from dataclasses import dataclass

from akhbar_tui.figures.digits import Digits, kuwaiti, parse_digits
from akhbar_tui.figures.text import Token, raw_offset
from akhbar_tui.figures.words_ar import AR_NUMBER_WORDS, Word, is_teen_tail
from akhbar_tui.figures.words_en import (
    EN_ARTICLES,
    EN_FRACTIONS,
    EN_ONES,
    EN_SCALES,
    EN_SUFFIX_SCALES,
    EN_TENS,
)


@dataclass(slots=True)
class Numeral:
    """A numeral found in the text: char offsets, value and what shaped it."""

    start: int
    end: int
    next_index: int
    value: float
    scale: float = 1.0
    digits: Digits | None = None
    words: bool = False
    weak: bool = False
    fraction_only: bool = False
    dual_accusative: bool = False


def _after_gap(text: str, left: Token, right: Token, limit: int = 1) -> bool:
    """True when only `limit` or fewer spaces separate two tokens."""
    gap = text[left.end : right.start]
    return len(gap) <= limit and (not gap or gap.isspace())


def read_number(tokens: list[Token], i: int, text: str) -> Numeral | None:
    """The numeral that starts at token `i`, or None when the token does not begin one."""
    token = tokens[i]
    if token.kind == "n":
        return _digits_first(tokens, i, text)
    if token.kind != "w":
        return None
    entry = AR_NUMBER_WORDS.get(token.norm)
    if entry is not None:
        return _arabic_words(tokens, i, text, entry)
    if token.norm in EN_ONES or token.norm in EN_TENS or token.norm in EN_ARTICLES:
        return _english_words(tokens, i, text)
    if token.norm in EN_FRACTIONS or token.norm in ("one",):
        return _english_words(tokens, i, text)
    return None


def _digits_first(tokens: list[Token], i: int, text: str, ceiling: float = float("inf")) -> Numeral:
    token = tokens[i]
    n = len(tokens)
    if (
        i + 2 < n
        and tokens[i + 1].norm == "ر"
        and tokens[i + 2].kind == "n"
        and _after_gap(text, token, tokens[i + 1])
        and _after_gap(text, tokens[i + 1], tokens[i + 2])
    ):
        value = kuwaiti(token.text, tokens[i + 2].text)
        numeral = Numeral(token.start, tokens[i + 2].end, i + 3, value)
    else:
        digits = parse_digits(token.text)
        numeral = Numeral(token.start, token.end, i + 1, digits.value, digits=digits)
    j = numeral.next_index
    if j < n and tokens[j].kind == "w" and tokens[j].start == numeral.end:
        suffix = EN_SUFFIX_SCALES.get(tokens[j].norm)
        if suffix is not None:
            numeral.value *= suffix
            numeral.scale = suffix
            numeral.end = tokens[j].end
            numeral.next_index = j + 1
            return numeral
    return _continue_scales(tokens, numeral, text, ceiling)


def _continue_scales(
    tokens: list[Token], numeral: Numeral, text: str, ceiling: float = float("inf")
) -> Numeral:
    """Scale words after a number (`80 مليار`, `2.7 million`) and و-joined lower groups.

    `ceiling` bounds the scales of a group joined after a larger one (`مليار و800 مليون`), which
    also bounds the recursion on hostile input (`مليون و5 مليون و5 …`).
    """
    n = len(tokens)
    total = 0.0
    current = numeral.value
    last_scale = ceiling
    j = numeral.next_index
    while j < n:
        token = tokens[j]
        if token.kind != "w" or not _after_gap(text, tokens[j - 1], token, 2):
            break
        entry = AR_NUMBER_WORDS.get(token.norm)
        en_scale = EN_SCALES.get(token.norm)
        if entry is not None and entry.kind == "scale" and entry.clitic == 0:
            scale = entry.value
        elif en_scale is not None and en_scale >= 1000:
            scale = en_scale
        else:
            break
        if scale >= last_scale or current is None:
            break
        total += current * scale
        current = None
        last_scale = scale
        numeral.scale = scale
        numeral.end = token.end
        j += 1
        joined = _join_lower_group(tokens, j, text, last_scale)
        if joined is None:
            break
        value, j, end, group_scale = joined
        total += value
        numeral.end = end
        if group_scale:
            last_scale = group_scale
    numeral.value = total + (current or 0.0)
    numeral.next_index = j
    return numeral


def _join_lower_group(
    tokens: list[Token], j: int, text: str, last_scale: float
) -> tuple[float, int, int, float] | None:
    """After a scale: `و800 مليون` or `ونصف المليون`, when smaller than that scale."""
    n = len(tokens)
    if j >= n:
        return None
    token = tokens[j]
    start_j = j
    if token.norm == "و" and j + 1 < n and _after_gap(text, token, tokens[j + 1]):
        j += 1
        token = tokens[j]
    elif not (token.kind == "w" and token.norm.startswith("و")):
        return None
    if token.kind == "n":
        if j == start_j:
            return None
        group = _digits_first(tokens, j, text, last_scale)
    elif token.kind == "w":
        entry = AR_NUMBER_WORDS.get(token.norm)
        if entry is None or entry.clitic == 0 or not token.norm.startswith("و"):
            return None
        if entry.kind == "scale" and entry.value >= last_scale:
            return None
        if entry.kind == "frac":
            nxt = AR_NUMBER_WORDS.get(tokens[j + 1].norm) if j + 1 < n else None
            if nxt is not None and nxt.kind == "scale" and nxt.clitic == 0:
                return entry.value * nxt.value, j + 2, tokens[j + 1].end, 0.0
            return entry.value * last_scale, j + 1, token.end, 0.0
        group = _arabic_words(tokens, j, text, entry, last_scale)
        if group is None:
            return None
    else:
        return None
    if group.value >= last_scale or group.value <= 0:
        return None
    return group.value, group.next_index, group.end, group.scale if group.scale > 1 else 0.0


def _arabic_words(
    tokens: list[Token], i: int, text: str, entry: Word, ceiling: float = float("inf")
) -> Numeral | None:
    """Arabic number words from token `i`: ones, teens, tens, hundreds, scales, fractions."""
    n = len(tokens)
    token = tokens[i]
    start = token.start + raw_offset(token.text, entry.clitic)
    if entry.kind == "teen_base":
        if i + 1 < n and is_teen_tail(tokens[i + 1].norm):
            numeral = Numeral(start, tokens[i + 1].end, i + 2, entry.value + 10, words=True)
            return _continue_scales(tokens, numeral, text, ceiling)
        return None
    if entry.kind == "scale":
        if entry.plural or entry.value >= ceiling:
            return None
        nxt = tokens[i + 1] if i + 1 < n else None
        dual = entry.dual
        if entry.accusative:
            dual = nxt is not None and nxt.kind == "w" and not nxt.norm.startswith("و")
            dual = dual and nxt.start - token.end <= 1
        numeral = Numeral(start, token.end, i + 1, entry.value, words=True)
        numeral.value = entry.value * (2 if dual else 1)
        numeral.scale = entry.value
        total_scale = entry.value
        joined = _join_lower_group(tokens, i + 1, text, total_scale)
        if joined is not None:
            value, j, end, _ = joined
            numeral.value += value
            numeral.end = end
            numeral.next_index = j
        return numeral
    if entry.kind == "frac":
        nxt = tokens[i + 1] if i + 1 < n else None
        nxt_entry = AR_NUMBER_WORDS.get(nxt.norm) if nxt is not None else None
        if (
            nxt is not None
            and nxt_entry is not None
            and nxt_entry.kind == "scale"
            and not nxt_entry.plural
            and nxt_entry.clitic == 0
        ):
            numeral = Numeral(start, nxt.end, i + 2, entry.value * nxt_entry.value)
            numeral.scale = nxt_entry.value
            numeral.words = True
            return numeral
        return Numeral(start, token.end, i + 1, entry.value, words=True, fraction_only=True)
    value = entry.value
    j = i + 1
    end = token.end
    if entry.kind == "one" and j < n and is_teen_tail(tokens[j].norm):
        value += 10
        end = tokens[j].end
        j += 1
    elif entry.kind == "one" and j < n and tokens[j].norm in ("مائة", "مئة"):
        value *= 100
        end = tokens[j].end
        j += 1
    while j < n and tokens[j].kind == "w" and tokens[j].norm.startswith("و"):
        nxt = AR_NUMBER_WORDS.get(tokens[j].norm)
        if nxt is None or nxt.clitic == 0 or not _joins(value, nxt):
            break
        value += nxt.value
        end = tokens[j].end
        j += 1
    numeral = Numeral(start, end, j, value, words=True, weak=entry.weak and value == 1)
    return _continue_scales(tokens, numeral, text, ceiling)


def _joins(value: float, nxt: Word) -> bool:
    """Whether `و` + this word continues the number: 5 وعشرين, 100 وأربعين, 105 وعشرين."""
    below_hundred = value % 100
    if nxt.kind == "ten":
        return below_hundred < 10
    if nxt.kind == "one":
        return value >= 100 and below_hundred == 0
    return False


def _english_words(tokens: list[Token], i: int, text: str) -> Numeral | None:
    """English number words: `Twenty-five`, `three hundred`, `a quarter of a million`."""
    n = len(tokens)
    j = i
    value = 0.0
    current = 0.0
    seen_number = False
    fraction = 0.0
    start = tokens[i].start
    end = tokens[i].end
    if tokens[j].norm in EN_ARTICLES or tokens[j].norm == "one":
        if j + 1 < n and (tokens[j + 1].norm in EN_FRACTIONS or tokens[j + 1].norm in EN_SCALES):
            current = 1.0
            j += 1
        elif tokens[j].norm == "one":
            return Numeral(start, end, j + 1, 1, words=True, weak=True)
        else:
            return None
    while j < n and tokens[j].kind == "w":
        word = tokens[j].norm
        if word in EN_FRACTIONS and not seen_number:
            fraction = EN_FRACTIONS[word]
            end = tokens[j].end
            j += 1
            if j < n and tokens[j].norm == "of":
                j += 1
            if j < n and tokens[j].norm in EN_ARTICLES:
                j += 1
            end = tokens[j - 1].end
            current = 0.0
            continue
        if word in EN_ONES or word in EN_TENS:
            current += EN_ONES.get(word) or EN_TENS[word]
            seen_number = True
        elif word in EN_SCALES and (seen_number or current or fraction):
            scale = EN_SCALES[word]
            base = fraction or current or 1.0
            if scale == 100:
                current = base * 100
            else:
                value += base * scale
                current = 0.0
            fraction = 0.0
            seen_number = True
        else:
            break
        end = tokens[j].end
        j += 1
        if j + 1 < n and tokens[j].text in ("-", "and") and tokens[j + 1].norm in EN_ONES:
            j += 1
    if not seen_number and not fraction:
        return None
    if fraction and not seen_number:
        return Numeral(start, end, j, fraction, words=True, fraction_only=True)
    return Numeral(start, end, j, value + current, words=True)
