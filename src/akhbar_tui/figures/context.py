"""What surrounds a numeral: qualifiers before it, the noun it counts, the sentence it sits in."""

from __future__ import annotations

import re
from bisect import bisect_right

from akhbar_tui.figures.text import Token, fold, has_marks, is_arabic, word_set

_AR_QUALIFIERS = (
    ("more_than", "اكثر من|ما يزيد علي|ما يزيد عن|يزيد علي|يزيد عن|ازيد من|تجاوز|تجاوزت|يتجاوز"),
    ("more_than", "تتجاوز|تخطي|تخطت|ما لا يقل عن|لا يقل عن|فوق"),
    ("less_than", "اقل من|دون|ما دون|لا يتجاوز|يصل الي|تصل الي"),
    ("approx", "نحو|حوالي|حوالى|قرابة|زهاء|ما يقارب|يقارب|ما يقرب من|يقرب من|تقريبا|قدرها نحو"),
)
_EN_QUALIFIERS = (
    ("more_than", "more than|over|above|at least|upwards of|in excess of|exceeding"),
    ("less_than", "less than|fewer than|under|below|up to|as many as|no more than"),
    ("approx", "about|around|roughly|some|approximately|nearly|almost|an estimated|close to"),
)


def _tail_pattern() -> re.Pattern[str]:
    """One pattern for both languages, tolerant of alef and yaa spellings (no folding needed)."""
    parts = []
    for k, (name, words) in enumerate((*_AR_QUALIFIERS, *_EN_QUALIFIERS)):
        spelled = words.replace("ا", "[اأإآ]").replace("ي", "[يى]")
        parts.append(f"(?P<{name}{k}>{spelled})")
    alternatives = "|".join(parts)
    return re.compile(rf"(?:^|[\s(])[وبل]?(?:{alternatives})\s*(?:ب|بـ|ل|لـ)?\s*$", re.IGNORECASE)


_TAIL = _tail_pattern()
# The folded last word of every qualifier: a figure whose previous word (without a `(`, a leading
# و/ب/ل or a trailing ب/ل clitic) is none of them has no qualifier, and `_TAIL` is not searched.
_LAST_WORDS = frozenset(
    fold(phrase.split()[-1])
    for _, words in (*_AR_QUALIFIERS, *_EN_QUALIFIERS)
    for phrase in words.split("|")
)
# Those words with the clitics a qualifier may carry: a leading و/ب/ل, a trailing ب/ل, or both.
_QUALIFYING = frozenset(
    lead + word + trail
    for word in _LAST_WORDS
    for lead in ("", "و", "ب", "ل")
    for trail in ("", "ب", "ل")
)
_TRAILING_CLITICS = frozenset({"ب", "بـ", "ل", "لـ"})


def qualifier(text: str, start: int, folded: str | None = None) -> str | None:
    """`approx`, `more_than` or `less_than` from the words just before a figure, else None.

    `folded`, when given, is `text` folded character for character (`anchors.folded_copy` when
    exact): the word before the figure is then folded already unless it holds harakat or tatweel.
    Most figures have no qualifier: their previous word is one set lookup, and most follow a word
    of letters and one space, which is cut without a split.
    """
    low = max(0, start - 24)
    if folded is not None and start and folded[start - 1] == " ":
        at = folded.rfind(" ", low, start - 1)
        word = folded[at + 1 if at >= 0 else low : start - 1]
        # Letters (harakat are not) and no tatweel: folded; no other whitespace, no clitic alone.
        if word.isalpha() and "ـ" not in word and word not in _TRAILING_CLITICS:
            return _tail(text, low, start) if word in _QUALIFYING else None
    words = (text if folded is None else folded)[low:start].rsplit(None, 2)
    if not words:
        return None
    word = words[-1]
    if word in _TRAILING_CLITICS:
        if len(words) == 1:
            return None
        word = words[-2]
    if folded is None or has_marks(word):
        word = fold(word)
    return _tail(text, low, start) if word.lstrip("(") in _QUALIFYING else None


def _tail(text: str, low: int, start: int) -> str | None:
    match = _TAIL.search(text, low, start)
    if match is None or match.lastgroup is None:
        return None
    return match.lastgroup.rstrip("0123456789")


AR_STOP = word_set(
    """من في على علي الى الي عن مع او ثم قد كان كانت كما هذا هذه ذلك تلك التي الذي الذين ان لا
    لم لن ما حتى حتي خلال منذ بعد قبل عند بين نحو حوالي بنسبة مقارنة فقط ايضا كل مقابل سنويا
    شهريا يوميا اسبوعيا تقريبا لكل اي وفق وفقا حسب بحسب لدى لدي فيما بينما إذ اذ حين عندما
    مليون مليار الف عام سنة العام الماضي المقبل الجاري الحالي شخصا"""
)
_AR_OTHERS = frozenset({"اخرين", "اخرون", "اخري", "اخر", "اخريات"})
EN_STOP = word_set(
    """of to in and or the a an at on for from by with as was were is are be been per than that
    which who this these those it its their his her last next each after before since ago over
    under up down more less percent cents a.m p.m while when but if so he she they we you i
    year-on-year compared against versus vs there here now then earlier later higher lower
    million billion thousand trillion hundred"""
)


def count_noun(tokens: list[Token], j: int, text: str, prev_end: int) -> tuple[int, str] | None:
    """The counted noun right after a numeral: (end token index, singular-ish unit), or None."""
    if j >= len(tokens):
        return None
    token = tokens[j]
    gap = text[prev_end : token.start]
    if token.kind != "w" or len(gap) > 2 or (gap and not gap.isspace()):
        return None
    if is_arabic(token.text):
        return _arabic_noun(token, j)
    return _english_noun(tokens, j, text)


def _arabic_noun(token: Token, j: int) -> tuple[int, str] | None:
    word = token.norm
    if word in _AR_OTHERS:
        return j + 1, ""
    if word in AR_STOP or word.startswith(("لل", "و", "لكل")) or len(word) < 2:
        return None
    return j + 1, arabic_singular(word)


def arabic_singular(word: str) -> str:
    """Strip the article and accusative alef; plurals stay as written (no morphology here)."""
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    if word.endswith("ا") and len(word) > 3 and not word.endswith("اا"):
        word = word[:-1]
    return word


def _english_noun(tokens: list[Token], j: int, text: str) -> tuple[int, str] | None:
    word = tokens[j].norm
    if word in EN_STOP or not word.isalpha():
        return None
    end = j + 1
    if (
        not word.endswith("s")
        and j + 1 < len(tokens)
        and tokens[j + 1].kind == "w"
        and tokens[j + 1].norm.endswith("s")
        and tokens[j + 1].norm not in EN_STOP
        and text[tokens[j].end : tokens[j + 1].start] == " "
    ):
        end = j + 2
        word = tokens[j + 1].norm
    return end, _english_singular(word)


def _english_singular(word: str) -> str:
    if word == "people":
        return "person"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


_LONGEST = 600
_MARKS = ".!?؟…"


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence end: a mark before whitespace or the end, a newline run.

    Found with `str.find` (a C scan per mark) rather than a regex, which costs ~20 ns a character.
    """
    ends = []
    size = len(text)
    find = text.find
    for mark in _MARKS:
        at = find(mark)
        while at >= 0:
            at += 1
            if at == size or text[at].isspace():
                ends.append(at)
            at = find(mark, at)
    at = find("\n")
    while at >= 0:
        at += 1
        while at < size and text[at] == "\n":
            at += 1
        ends.append(at)
        at = find("\n", at)
    ends.sort()
    return ends


class Sentences:
    """Sentence boundaries of a text, found once; `around(offset)` is the sentence at an offset."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._ends = sentence_ends(text)

    def around(self, offset: int) -> str:
        """The stripped sentence that contains `offset`, at most `_LONGEST` characters of it.

        Text without sentence ends (a stranger's feed) would otherwise make every figure carry
        the whole text, and extraction quadratic.
        """
        return self.cut(offset)[0]

    def cut(self, offset: int) -> tuple[str, int, int, bool]:
        """`around(offset)`, where it lies in the text (before it is stripped), and whether it is
        the whole sentence: every offset in those bounds then has it too, so a caller walking
        figures in text order cuts a sentence holding several of them once."""
        start, end, whole = self._bounds(bisect_right(self._ends, offset), offset)
        return self._text[start:end].strip(), start, end, whole

    def _bounds(self, k: int, offset: int) -> tuple[int, int, bool]:
        start = self._ends[k - 1] if k else 0
        end = self._ends[k] if k < len(self._ends) else len(self._text)
        if end - start <= _LONGEST:
            return start, end, True
        start = max(start, offset - _LONGEST // 2)
        return start, min(end, start + _LONGEST), False
