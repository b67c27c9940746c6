"""The scan that turns a text into figures.

`anchors.find_anchors` marks where a figure can start; only small windows around the anchors are
tokenized. At each anchor a date or clock time is tried first (one figure each), else the numeral
is read (`numbers.read_number`) and given a kind by the words after it (`followers.tail_after`)
or before it (currency symbols, `٪`), and recorded as a `Draft`. `drafts.join_ranges` and
`drafts.finish` then settle ranges, currencies, qualifiers and sentences.
"""

from __future__ import annotations

import re

from akhbar_tui.figures.anchors import DIGIT, MONTH, find_anchors, folded_copy
from akhbar_tui.figures.context import arabic_singular, count_noun
from akhbar_tui.figures.currencies import PREFIX_SYMBOL, SYMBOL_CODES, SYMBOL_ENDS
from akhbar_tui.figures.dates import date_at
from akhbar_tui.figures.drafts import Draft, finish, join_ranges
from akhbar_tui.figures.followers import Tail, tail_after
from akhbar_tui.figures.identifiers import is_identifier
from akhbar_tui.figures.numbers import Numeral, read_number
from akhbar_tui.figures.special import AGE_WORDS, ordinal_age, standalone_dual
from akhbar_tui.figures.text import Token, is_arabic, tokenize
from akhbar_tui.figures.units import PERCENT_SIGNS
from akhbar_tui.figures.words_ar import AR_ORDINALS
from akhbar_tui.figures.words_en import EN_ARTICLES, EN_FRACTIONS, EN_SCALES
from akhbar_tui.figures.years import after_year_range, year
from akhbar_tui.models import Figure

_ODDS_AR = ("من", "كل")
_SNAP = 32
_WORD_REST = re.compile(r"\S*")  # `\s` is `str.isspace`, as in `str.split`
_BEFORE = 16
_AFTER = 40
_EN_AFTER_ARTICLE = frozenset({*EN_FRACTIONS, *EN_SCALES})
_TWO = frozenset({"اثنين", "اثنتين", "اثنان", "اثنتان"})
_TEEN_TAILS = frozenset({"عشر", "عشرة"})
_WEEKDAY_LIKE = frozenset({"الاثنين", "الاثنان"})


def scan(text: str, lang: str | None, country: str | None) -> list[Figure]:
    """All figures of `text` in text order (see the package docstring for the contract)."""
    folded, exact = folded_copy(text)
    anchors = find_anchors(text, folded)
    words = folded if exact else None
    drafts: list[Draft] = []
    for start, end, first, stop in _regions(anchors, len(text), text):
        _scan_region(text, tokenize(text, start, end, words), anchors[first:stop], drafts)
    join_ranges(drafts, text)
    return finish(drafts, text, country, words) if drafts else []


def _regions(
    anchors: list[tuple[int, str]], length: int, text: str
) -> list[tuple[int, int, int, int]]:
    """Windows around anchors, merged where they touch: the only text the scanner tokenizes.

    Each is (start, end, first, stop): its text span and the slice of `anchors` inside it.
    """
    regions: list[tuple[int, int, int, int]] = []
    start = 0
    last = -_BEFORE - 1  # no region yet: the first anchor opens one
    opened = 0
    for k, (offset, _) in enumerate(anchors):
        if offset - _BEFORE > last:
            if k:
                regions.append((_snap_back(text, start), _snap_forward(text, last), opened, k))
            start = offset - _BEFORE if offset > _BEFORE else 0
            opened = k
        last = offset + _AFTER
    if anchors:
        last = min(last, length)
        regions.append((_snap_back(text, start), _snap_forward(text, last), opened, len(anchors)))
    return regions


def _snap_back(text: str, offset: int) -> int:
    """Back to a word start, at most `_SNAP` characters (text without spaces stays linear)."""
    limit = max(0, offset - _SNAP)
    if offset == limit or text[offset - 1].isspace():
        return offset
    word = text[limit:offset].rsplit(None, 1)[-1]
    return offset - len(word)


def _snap_forward(text: str, offset: int) -> int:
    """On to a word end, at most `_SNAP` characters: one bounded C match, no slice or split."""
    return _WORD_REST.match(text, offset, offset + _SNAP).end()  # type: ignore[union-attr]


def _scan_region(
    text: str, tokens: list[Token], anchors: list[tuple[int, str]], drafts: list[Draft]
) -> None:
    """Read the figures at the anchors of one window (anchors in text order), into `drafts`."""
    n = len(tokens)
    done = drafts[-1].end if drafts else 0
    cursor = 0
    i = 0  # walks the tokens to each anchor in turn (both are in text order)
    for offset, kind in anchors:
        while i < n and tokens[i].start < offset:
            i += 1
        if i == n or tokens[i].start != offset or i < cursor or offset < done:
            continue
        cursor = i + 1
        draft = None
        if kind in (DIGIT, MONTH):
            span = date_at(text, offset)
            if span is not None and span[0] >= done:
                draft = Draft(span[0], span[1], "date", None)
                k = i
                while k < n and tokens[k].start < span[1]:
                    k += 1
                draft.next_index = k
        if draft is None and kind != MONTH:
            previous = drafts[-1] if drafts else None
            draft = _anchored_figure(tokens, i, text, after_year_range(previous, text, offset))
        if draft is None:
            continue
        cursor = max(draft.next_index, i + 1)
        if draft.start < done:  # a prefix symbol glued to the previous figure (`0R$0`)
            draft.start = done
            while draft.start < draft.end and text[draft.start].isspace():
                draft.start += 1
            if draft.start >= draft.end:
                continue
        drafts.append(draft)
        done = draft.end


def _anchored_figure(
    tokens: list[Token], i: int, text: str, after_year: bool = False
) -> Draft | None:
    """The figure at an anchor, looking one token back where the numeral starts earlier."""
    token = tokens[i]
    norm = token.norm
    if i > 0:
        prev = tokens[i - 1]
        if norm == "ونصف" or (prev.norm in EN_ARTICLES and norm in _EN_AFTER_ARTICLE):
            found = _figure_at(tokens, i - 1, text, after_year)
            if found is not None:
                return found
    if norm in AGE_WORDS:
        return ordinal_age(tokens, i + 1, text) if i + 1 < len(tokens) else None
    return _figure_at(tokens, i, text, after_year)


def _figure_at(tokens: list[Token], i: int, text: str, after_year: bool = False) -> Draft | None:
    token = tokens[i]
    if token.kind == "n" and is_identifier(tokens, i, text):
        return None
    if token.norm in _TEEN_TAILS and i > 0 and tokens[i - 1].norm in AR_ORDINALS:
        return None
    numeral = read_number(tokens, i, text)
    if numeral is None:
        return standalone_dual(tokens, i, text) or ordinal_age(tokens, i, text)
    if _definite_name(tokens, i, numeral):
        return None
    j = numeral.next_index
    tail = tail_after(tokens, j, text, numeral.end)
    if tail is None:
        tail = _sign_before(tokens, i, text) or _magnitude_before(tokens, i, numeral)
        if tail is not None and tail.kind == "percent":
            return _with_tail(numeral, tail, tokens[i - 1].start)
    start = numeral.start
    prefix = _prefix_symbol(text, start)
    if prefix is not None and (numeral.digits is not None or numeral.scale > 1):
        start = prefix.start("code")
        code = SYMBOL_CODES.get(prefix.group("code"), prefix.group("code"))
        if tail is None or tail.kind != "money":
            tail = Tail("money", None, j, numeral.end, code=code)
    if (numeral.fraction_only or numeral.weak) and (tail is None or tail.kind == "other"):
        return None
    if tail is not None:
        return _with_tail(numeral, tail, start, tokens)
    odds = _odds(tokens, numeral, text)
    if odds is not None:
        return odds
    found = year(tokens, i, numeral, after_year)
    if found is not None:
        return found
    return _count(tokens, i, numeral, text)


def _prefix_symbol(text: str, start: int) -> re.Match[str] | None:
    """A currency symbol written just before the number (`$80bn`, `R$ 200`), else None."""
    before = text[max(0, start - 2) : start]
    if not before or (before[-1] not in SYMBOL_ENDS and before[:1] not in SYMBOL_ENDS):
        return None
    return PREFIX_SYMBOL.search(text, max(0, start - 8), start)


def _sign_before(tokens: list[Token], i: int, text: str) -> Tail | None:
    """`٪١٥`: the percent sign typed before the number, as right-to-left editors often leave it."""
    if i == 0 or tokens[i].kind != "n":
        return None
    sign = tokens[i - 1]
    if sign.text not in PERCENT_SIGNS or sign.end != tokens[i].start:
        return None
    if sign.start > 0 and not text[sign.start - 1].isspace():
        return None
    return Tail("percent", "%", i + 1, tokens[i].end)


def _magnitude_before(tokens: list[Token], i: int, numeral: Numeral) -> Tail | None:
    """An earthquake's "magnitude 6.8" / "magnitude of 6.8"."""
    if (i and tokens[i - 1].norm == "magnitude") or (i > 1 and tokens[i - 2].norm == "magnitude"):
        return Tail("quantity", "magnitude", numeral.next_index, numeral.end)
    return None


def _definite_name(tokens: list[Token], i: int, numeral: Numeral) -> bool:
    """A definite number word with nothing counted is a name (مجموعة العشرين، يوم الاثنين)."""
    token = tokens[i]
    if not numeral.words or numeral.scale > 1 or not token.norm.startswith("ال"):
        return False
    if token.norm in _WEEKDAY_LIKE:
        return True
    prev = tokens[i - 1] if i else None
    return prev is None or prev.kind != "w" or not prev.norm.startswith("ال")


def _with_tail(
    numeral: Numeral, tail: Tail, start: int, tokens: list[Token] | None = None
) -> Draft:
    value = numeral.value * tail.factor
    if tokens is not None and tail.next_index < len(tokens) and tail.kind == "quantity":
        after = tokens[tail.next_index]
        if after.norm == "ونصف" and after.start - tail.end <= 1:
            value += 0.5
            tail.end = after.end
            tail.next_index += 1
    if tail.unit in ("%", "pp") and numeral.digits is not None and numeral.digits.thousands:
        value = numeral.value
    return Draft(
        start,
        tail.end,
        tail.kind,
        value,
        tail.unit,
        tail.family,
        tail.code,
        scale=numeral.scale,
        next_index=tail.next_index,
    )


def _odds(tokens: list[Token], numeral: Numeral, text: str) -> Draft | None:
    j = numeral.next_index
    if j + 1 >= len(tokens):
        return None
    if tokens[j].norm == "in" and tokens[j + 1].kind == "n":
        end, k = tokens[j + 1].end, j + 2
    elif (
        j + 2 < len(tokens)
        and (tokens[j].norm, tokens[j + 1].norm) == _ODDS_AR
        and tokens[j + 2].kind == "n"
    ):
        end, k = tokens[j + 2].end, j + 3
    else:
        return None
    if numeral.value != 1:
        return None
    return Draft(numeral.start, end, "other", None, "odds", next_index=k)


def _count(tokens: list[Token], i: int, numeral: Numeral, text: str) -> Draft:
    value = numeral.value
    if numeral.digits is not None and numeral.digits.thousands is not None:
        value = numeral.digits.thousands
    before = _noun_before(tokens, i, numeral, text)
    if before is not None:
        start, unit = before
        return Draft(start, numeral.end, "count", value, unit, next_index=numeral.next_index)
    noun = count_noun(tokens, numeral.next_index, text, numeral.end)
    if noun is not None:
        end_index, unit = noun
        return Draft(
            numeral.start,
            tokens[end_index - 1].end,
            "count",
            value,
            unit or None,
            scale=numeral.scale,
            next_index=end_index,
        )
    return Draft(
        numeral.start,
        numeral.end,
        "count",
        value,
        None,
        scale=numeral.scale,
        bare=True,
        next_index=numeral.next_index,
    )


def _noun_before(
    tokens: list[Token], i: int, numeral: Numeral, text: str
) -> tuple[int, str] | None:
    """The counted noun before an adjectival number: الأشهر السبعة، عنصرين اثنين."""
    if not numeral.words or i == 0:
        return None
    token = tokens[i]
    prev = tokens[i - 1]
    if prev.kind != "w" or not is_arabic(prev.text) or text[prev.end : token.start] != " ":
        return None
    if token.norm.startswith("ال") and prev.norm.startswith("ال"):
        return prev.start, arabic_singular(prev.norm)
    if token.norm in _TWO and prev.norm.endswith(("ين", "ان")) and len(prev.norm) > 4:
        stem = prev.norm[:-2]
        return prev.start, stem[:-1] + "ة" if stem.endswith("ت") else stem
    return None
