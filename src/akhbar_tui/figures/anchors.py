"""The cheap first pass: where in a text a figure can start.

A same-length folded, lower-cased copy of the text is split into words; only digit runs and the
words a figure can begin with (number words, unit and currency duals, month names, age words) are
kept. The expensive work (tokens, lookahead, date patterns) then runs only in small windows around
these anchors, so text without numbers costs almost nothing.
"""

from __future__ import annotations

import re
from itertools import filterfalse

from akhbar_tui.figures.special import AGE_WORDS, DUAL_WORDS
from akhbar_tui.figures.text import fold, same_length_fold, word_set
from akhbar_tui.figures.words_ar import AR_NUMBER_WORDS
from akhbar_tui.figures.words_en import EN_FRACTIONS, EN_ONES, EN_SCALES, EN_TENS

DIGIT = "d"
WORD = "w"
MONTH = "m"

_AR_MONTH_WORDS = word_set(
    """يناير فبراير مارس ابريل مايو يونيو يونيه يوليو يوليه اغسطس سبتمبر اكتوبر نوفمبر ديسمبر
    كانون تشرين شباط اذار نيسان ايار حزيران تموز اب ايلول محرم صفر ربيع جمادي جمادى رجب شعبان
    رمضان شوال ذو ذي"""
)
_EN_MONTH_WORDS = word_set(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec"""
)
_CLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول")

ANCHOR_WORDS: dict[str, str] = {}
for _word in AR_NUMBER_WORDS:
    ANCHOR_WORDS[_word] = WORD
for _word in (*DUAL_WORDS, *AGE_WORDS, *EN_ONES, *EN_TENS, *EN_FRACTIONS, *EN_SCALES):
    for _clitic in _CLITICS:
        ANCHOR_WORDS.setdefault(_clitic + _word, WORD)
for _word in (*_AR_MONTH_WORDS, *_EN_MONTH_WORDS):
    for _clitic in _CLITICS:
        ANCHOR_WORDS.setdefault(_clitic + _word, MONTH)
ANCHOR_WORDS["magnitude"] = WORD
_ANCHOR_KEYS = frozenset(ANCHOR_WORDS)

_DIGITS = re.compile(r"[0-9٠-٩۰-۹]+(?:[.,٫٬][0-9٠-٩۰-۹]+)*")
_HAS_DIGIT = re.compile(r"[0-9٠-٩۰-۹]")
_EDGE_PUNCTUATION = "()[]{}«»\"'“”‘’،,.;:!?؛؟-–—"
_MARKS = frozenset(chr(c) for c in (*range(0x064B, 0x0660), 0x0670, 0x0640))


def folded_copy(text: str) -> tuple[str, bool]:
    """`text` folded and lower-cased character for character, and whether every word of it is
    exactly that word's `fold` when it has no harakat or tatweel (false when some character's
    lower case is longer than one character and was kept as it is)."""
    same = same_length_fold(text)
    lowered = same.lower()
    if len(lowered) == len(same):
        return lowered, True
    return _lower(same), False


def find_anchors(text: str, folded: str | None = None) -> list[tuple[int, str]]:
    """(offset, kind) of every place a figure may start, in text order.

    The whitespace-separated words of a folded, lower-cased copy (`folded`, made here when not
    given) are sorted out with set operations and C-level filters; Python code runs only for the
    distinct words that are not all letters (digits, punctuation) and for the words that turn out
    to be anchors.
    """
    if folded is None:
        folded = folded_copy(text)[0]
    words = folded.split()
    # Every anchor word is all letters, so no word with a digit or a mark can match here. The
    # words are looked up as they are, not made a set first: their hashes, computed here, are
    # kept by the strings for the filter below, and the few words that are not all letters
    # make a small set.
    inside: dict[str, list[tuple[int, str]]] = {
        word: [(0, ANCHOR_WORDS[word])] for word in _ANCHOR_KEYS.intersection(words)
    }
    for word in set(filterfalse(str.isalpha, words)):
        core = word.strip(_EDGE_PUNCTUATION)
        if core.isalpha() and "ـ" not in core:
            # Letters between punctuation (`الشركة،`): an anchor only when the letters are one.
            kind = ANCHOR_WORDS.get(core)
            if kind is not None:
                inside[word] = [(len(word) - len(word.lstrip(_EDGE_PUNCTUATION)), kind)]
        elif _DIGITS.fullmatch(core) is not None:
            # One number between punctuation (`(2024)،`): the edges hold no digit.
            inside[word] = [(len(word) - len(word.lstrip(_EDGE_PUNCTUATION)), DIGIT)]
        elif _HAS_DIGIT.search(word):
            inside[word] = [(m.start(), DIGIT) for m in _DIGITS.finditer(word)]
        else:
            anchor = _inside(word)
            if anchor is not None:
                inside[word] = [anchor]
    if "ـ" in folded:  # tatweel is a letter to `isalpha`: `بـخمسة` is looked up as `بخمسة`
        for word in set(filter(str.isalpha, words)):
            kind = ANCHOR_WORDS.get(word.replace("ـ", "")) if "ـ" in word else None
            if kind is not None:
                inside[word] = [(0, kind)]
    found: list[tuple[int, str]] = []
    position = 0
    find = folded.find
    limit = len(folded)
    for word in filter(inside.__contains__, words):
        # The next whole whitespace-separated `word` at or after `position` (it is there).
        at = find(word, position)
        end = at + len(word)
        while (at and not folded[at - 1].isspace()) or (end < limit and not folded[end].isspace()):
            at = find(word, at + 1)
            end = at + len(word)
        position = end
        anchors = inside[word]
        if len(anchors) == 1:
            offset, kind = anchors[0]
            found.append((at + offset, kind))
        else:
            found.extend((at + offset, kind) for offset, kind in anchors)
    found.sort()
    return found


def _inside(word: str) -> tuple[int, str] | None:
    """The word anchor within a word of punctuation and letters (no digits): `(مليون`."""
    core = word.strip(_EDGE_PUNCTUATION)
    if not core:
        return None
    if "-" in core:
        core = core.partition("-")[0]
    if not _MARKS.isdisjoint(core):
        core = fold(core)
    kind = ANCHOR_WORDS.get(core)
    if kind is None:
        return None
    return len(word) - len(word.lstrip(_EDGE_PUNCTUATION)), kind


def _lower(folded: str) -> str:
    """Lower case with offsets kept (a character whose lower case is longer stays as it is)."""
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in folded)
