"""The cheap first pass: where in a text a figure can start.

One regex walks a same-length folded copy of the text and keeps only digit runs and the words a
figure can begin with (number words, unit and currency duals, month names, age words). The
expensive work (tokens, lookahead, date patterns) then runs only in small windows around these
anchors, so text without numbers costs almost nothing.
"""

from __future__ import annotations

import re

from akhbar_tui.figures.special import AGE_WORDS, DUAL_WORDS
from akhbar_tui.figures.text import same_length_fold, word_set
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

_DIGITS = re.compile(r"[0-9٠-٩۰-۹]+(?:[.,٫٬][0-9٠-٩۰-۹]+)*")
_EDGE_PUNCTUATION = "()[]{}«»\"'“”‘’،,.;:!?؛؟-–—"
_EDGES = frozenset(_EDGE_PUNCTUATION)


def find_anchors(text: str) -> list[tuple[int, str]]:
    """(offset, kind) of every place a figure may start, in text order.

    Words come from `str.split` on a same-length folded copy (a C loop, no regex per word);
    only the words that hit the anchor table are located in the text.
    """
    folded = same_length_fold(text)
    found = [(m.start(), DIGIT) for m in _DIGITS.finditer(folded)]
    get = ANCHOR_WORDS.get
    edges = _EDGES
    position = 0
    for word in folded.split():
        kind = get(word)
        core = word
        if kind is None:
            if word[0] in edges or word[-1] in edges:
                core = word.strip(_EDGE_PUNCTUATION)
                if not core:
                    continue
            if "A" <= core[0] <= "Z" or "-" in core:
                core = core.lower().partition("-")[0]
            elif "ـ" in core:
                core = core.replace("ـ", "")
            elif core is word:
                continue
            kind = get(core)
            if kind is None:
                continue
        at = _locate(folded, word, position)
        position = at + len(word)
        found.append((at + len(word) - len(word.lstrip(_EDGE_PUNCTUATION)), kind))
    found.sort()
    return found


def _locate(folded: str, word: str, position: int) -> int:
    """Offset of the whitespace-delimited `word` at or after `position`."""
    at = folded.find(word, position)
    while at > 0 and not folded[at - 1].isspace():
        at = folded.find(word, at + 1)
    return at
