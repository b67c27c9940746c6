"""The cheap first pass: where in a text a figure can start.

The text is cut at its spaces into *pieces* (nearly always one word each); a piece's offset is
the sum of the lengths before it, so no search is needed. Whether a piece holds an anchor (a digit
run, or a word a figure can begin with: number words, unit and currency duals, month names, age
words) is worked out once per distinct piece and remembered across calls, since news repeats its
vocabulary: a text then costs a split, set operations and one look-up per piece, all at C speed.
The expensive work (tokens, lookahead, date patterns) runs only in small windows around the
anchors, so text without numbers costs almost nothing.
"""

from __future__ import annotations

import re
from itertools import accumulate, compress, count
from operator import not_

from akhbar_tui.figures.special import AGE_WORDS, DUAL_WORDS
from akhbar_tui.figures.text import REMEMBERED, fold, same_length_fold, word_set
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

Anchors = tuple[tuple[int, str], ...]


class _Memory:
    """Pieces seen before: the anchors of those that hold any, and every piece seen.

    Replaced (never cleared in place) when full, so a call running in another thread keeps a
    consistent pair.
    """

    LIMIT = 50_000

    def __init__(self) -> None:
        self.anchors: dict[str, Anchors] = {}
        self.seen: set[str] = set()


_memory = _Memory()


def find_anchors(text: str) -> tuple[list[tuple[int, str, int]], list[str], list[int]]:
    """(offset, kind, piece) of every place a figure may start, in text order; and the pieces.

    The pieces (`text.split(" ")`) are returned too, with the total length of the pieces before
    each (piece k starts at `before[k] + k`): the scanner builds its windows' tokens from them.
    """
    global _memory
    memory = _memory
    if len(memory.seen) > _Memory.LIMIT:
        memory = _memory = _Memory()
    pieces = text.split(" ")
    unknown = set(pieces).difference(memory.seen)
    anchors_of = memory.anchors
    if unknown:
        unremembered = _learn(list(unknown), memory)
        if unremembered:  # long pieces are not remembered: a small dict of this text's anchors
            anchors_of = {piece: anchors_of[piece] for piece in set(pieces) if piece in anchors_of}
            anchors_of.update(unremembered)
    hits = list(compress(count(), map(anchors_of.__contains__, pieces)))
    if not hits:
        return [], pieces, []
    # Piece k starts after the k pieces before it and the k spaces between them.
    before = list(accumulate(map(len, pieces), initial=0))
    found: list[tuple[int, str, int]] = []
    for k in hits:
        at = before[k] + k
        anchors = anchors_of[pieces[k]]
        if len(anchors) == 1:
            offset, kind = anchors[0]
            found.append((at + offset, kind, k))
        else:
            found.extend((at + offset, kind, k) for offset, kind in anchors)
    return found, pieces, before


def _learn(pieces: list[str], memory: _Memory) -> dict[str, Anchors]:
    """Work out the anchors of new pieces, from a folded, lower-cased copy made in one go.

    Pieces up to `REMEMBERED` characters are remembered; the anchors of longer ones (text
    without spaces) are returned instead, so memory stays small whatever strangers send.
    """
    joined = _lower(same_length_fold(" ".join(pieces)))
    folded = joined.split(" ")
    anchors_of: dict[str, Anchors] = {}
    for piece, word in compress(
        zip(pieces, folded, strict=True), map(_ANCHOR_KEYS.__contains__, folded)
    ):
        anchors_of[piece] = ((0, ANCHOR_WORDS[word]),)
    # Every anchor word is all letters: only pieces with digits, marks, punctuation or line
    # breaks need a closer look, and letter pieces only when they hold a tatweel.
    for piece, word in compress(
        zip(pieces, folded, strict=True), map(not_, map(str.isalpha, folded))
    ):
        anchors = _within(word)
        if anchors:
            anchors_of[piece] = anchors
    if "ـ" in joined:
        for piece, word in zip(pieces, folded, strict=True):
            if "ـ" in word and word.isalpha():
                kind = ANCHOR_WORDS.get(word.replace("ـ", ""))
                if kind is not None:
                    anchors_of[piece] = ((0, kind),)
    if max(map(len, pieces)) <= REMEMBERED:
        memory.anchors.update(anchors_of)
        memory.seen.update(pieces)
        return {}
    memory.anchors.update((p, a) for p, a in anchors_of.items() if len(p) <= REMEMBERED)
    memory.seen.update(piece for piece in pieces if len(piece) <= REMEMBERED)
    return {piece: a for piece, a in anchors_of.items() if len(piece) > REMEMBERED}


def _within(piece: str) -> Anchors:
    """The anchors of a folded piece that is not all letters (a piece may hold line breaks)."""
    if piece.isprintable():  # one word, no whitespace inside
        first = _DIGITS.search(piece)
        if first is not None:
            if _DIGITS.search(piece, first.end()) is None:
                return ((first.start(), DIGIT),)
            return tuple((m.start(), DIGIT) for m in _DIGITS.finditer(piece))
        anchor = _inside(piece)
        return () if anchor is None else (anchor,)
    found: list[tuple[int, str]] = []
    position = 0
    for word in piece.split():
        at = piece.find(word, position)
        position = at + len(word)
        if word.isalpha():
            kind = ANCHOR_WORDS.get(word.replace("ـ", "")) if "ـ" in word else None
            if kind is None:
                kind = ANCHOR_WORDS.get(word)
            if kind is not None:
                found.append((at, kind))
        elif _HAS_DIGIT.search(word):
            found.extend((at + m.start(), DIGIT) for m in _DIGITS.finditer(word))
        else:
            anchor = _inside(word)
            if anchor is not None:
                found.append((at + anchor[0], anchor[1]))
    return tuple(found)


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
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in folded)
