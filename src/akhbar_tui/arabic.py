"""Arabic text facts shared by search and figures: folding, tokens and proclitic stems.

Readers treat أحمد and احمد, مِليار and مليار, ٢٠٢٤ and 2024 as the same thing, so search folds
both the indexed text and the query the same way (`fold`). Highlighting needs to know where a
folded match sits in the text the reader sees, so `fold_with_map` also returns a `FoldMap`.

Arabic glues conjunctions, prepositions and the article to the next word (وبالمليار = و + ب + ال
+ مليار). `stem` strips those proclitics from a folded token so that مليار finds بالمليار. Many
words begin with the same letters as part of the word itself (وزير is not و + زير), so stripping
is conservative: the rest must stay long enough to be a word, and a list of common words whose
first letters are their own (`_OWN_LETTERS`) is never split. Stemming is applied alike at index
and query time, so a wrong split only merges two forms, it never hides an article.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

# Harakat, Quranic annotation marks, superscript alef, tatweel; zero-width and bidi marks that
# can sit inside a word; soft hyphen; Latin combining accents (decomposed text).
_REMOVED = frozenset(
    chr(code)
    for low, high in (
        (0x0610, 0x061A),
        (0x061C, 0x061C),
        (0x064B, 0x065F),
        (0x0670, 0x0670),
        (0x0640, 0x0640),
        (0x06D6, 0x06DC),
        (0x06DF, 0x06E4),
        (0x06E7, 0x06E8),
        (0x06EA, 0x06ED),
        (0x00AD, 0x00AD),
        (0x200B, 0x200F),
        (0x202A, 0x202E),
        (0x2066, 0x2069),
        (0x0300, 0x036F),
        (0xFEFF, 0xFEFF),
    )
    for code in range(low, high + 1)
)
_LETTERS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ک": "ك", "ی": "ي"}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {
    chr(0x06F0 + i): str(i) for i in range(10)
}
# Arabic presentation forms (ﻻ, ﺍ …) are folded through NFKC to the letters they draw.
_PRESENTATION = range(0xFB50, 0xFEFD)
_LATIN_END = 0x250

TOKEN = re.compile(r"[^\W_]+")


def _fold_char(char: str) -> str:
    """The folded form of one character (possibly empty or longer than one)."""
    if char in _LETTERS:
        return _LETTERS[char]
    if char in _DIGITS:
        return _DIGITS[char]
    if char in _REMOVED:
        return ""
    code = ord(char)
    if code in _PRESENTATION:
        letters = unicodedata.normalize("NFKC", char)
        if letters != char and ord(letters[0]) not in _PRESENTATION:
            return "".join(_fold_char(c) for c in letters)
        return _separator(char)
    folded = char.casefold()
    if code < _LATIN_END and not folded.isascii():
        stripped = "".join(
            c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c)
        )
        folded = stripped or folded
    return "".join(map(_separator, folded))


def _separator(char: str) -> str:
    """A space for a non-ASCII character that is no letter or digit (، « » – \u00a0 …), the
    character itself otherwise: folded text then splits into the same words for FTS5's ascii
    tokenizer (which takes every non-ASCII character for a letter) as for `TOKEN`."""
    return char if char.isascii() or char.isalnum() else " "


# The common one-to-one folds, done by `str.replace` (a C scan per character, cheaper than the
# regex's call back per occurrence): letter variants, and punctuation frequent in news.
_SIMPLE = tuple(_LETTERS.items()) + tuple((mark, " ") for mark in "،؛؟«»“”‘’–—\u00a0")


class _Table(dict[int, str]):
    """Code point → folded text, for `str.translate`. The table is built for the BMP, whose
    characters it lacks fold to themselves; one outside the BMP is folded on first sight."""

    def __missing__(self, code: int) -> str:
        folded = chr(code) if code < _BMP_END else _fold_astral(chr(code))
        self[code] = folded
        return folded


_BMP_END = 0x10000
_ASTRAL = "\U00010000-\U0010ffff"  # characters outside the BMP, as a regex class range


def _fold_astral(char: str) -> str:
    """The fold of a character outside the BMP: case folding, or a space for a non-letter."""
    return "".join(map(_separator, char.casefold()))


@dataclass(frozen=True, slots=True)
class _Tables:
    """What `fold` needs, built once: the per-character table, the characters that case folding
    and the letter variants leave to fold (`odd`, with `odd_map`), and the characters whose fold
    changes the length of the text (for `FoldMap`)."""

    table: _Table
    odd: re.Pattern[str]
    odd_map: dict[str, str]
    irregular: re.Pattern[str]


def _char_class(chars: list[str]) -> str:
    """A regex class matching any one of `chars`."""
    return "[" + "".join(re.escape(c) for c in chars) + "]"


@cache
def _tables() -> _Tables:
    """Fold every BMP character once (a few hundredths of a second, on first use)."""
    odd_map: dict[str, str] = {}
    for code in range(_BMP_END):
        char = chr(code)
        folded = _fold_char(char)
        if folded != char:
            odd_map[char] = folded
    odd = re.compile(_char_class(sorted(odd_map))[:-1] + _ASTRAL + "]")
    table = _Table()
    irregular: list[str] = []
    for code in range(_BMP_END):
        char = chr(code)
        if char not in odd_map and char.casefold() == char:
            continue
        folded = _fold_fast(char, odd, odd_map)
        if folded != char:
            table[code] = folded
        if len(folded) != 1:
            irregular.append(char)
    return _Tables(table, odd, odd_map, re.compile(_char_class(irregular)))


def _fold_fast(text: str, odd: re.Pattern[str], odd_map: dict[str, str]) -> str:
    """Case folding, then the letter variants (`str.replace`, the common case, C speed), then
    one regex pass for what is left: marks, digits, presentation forms, accented Latin."""
    text = text.casefold()
    for variant, letter in _SIMPLE:
        text = text.replace(variant, letter)
    return odd.sub(lambda match: odd_map.get(match[0]) or _odd_rest(match[0], odd_map), text)


def _odd_rest(char: str, odd_map: dict[str, str]) -> str:
    """The fold of an odd character that folds to nothing or lies outside the BMP."""
    return odd_map[char] if char in odd_map else _fold_astral(char)


def fold(text: str) -> str:
    """Text as search compares it: no harakat or tatweel, one alef, ي for ى, ه for ة, ASCII
    digits, Latin case-folded and without accents. The same function runs at index and at
    query time, on every article's whole text, so it is built from C passes (`str.casefold`,
    `str.replace`, one regex) rather than a per-character loop; it folds each character
    independently, as `_tables().table` does."""
    if text.isascii():
        return text.lower()
    tables = _tables()
    return _fold_fast(text, tables.odd, tables.odd_map)


@dataclass(frozen=True, slots=True)
class FoldMap:
    """Where each position of a folded text came from in the original.

    Folding maps one character to one almost everywhere, so the map keeps only breakpoints: from
    folded position `folded[k]` on, folded `p` came from original `original[k] + p - folded[k]`.
    A removed mark adds a breakpoint that skips it; a character folded into two adds two.
    """

    folded: tuple[int, ...]
    original: tuple[int, ...]
    length: int
    folded_length: int

    def start(self, position: int) -> int:
        """Original offset of the character at folded `position`."""
        if position >= self.folded_length:
            return self.length
        index = bisect.bisect_right(self.folded, position) - 1
        return self.original[index] + position - self.folded[index]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of folded `[start, end)`: marks inside the span and right after its
        last letter (a word's final vowel) are part of it."""
        return self.start(start), self.start(end)


def fold_with_map(text: str) -> tuple[str, FoldMap]:
    """`fold(text)` and the map from its positions back to `text`'s."""
    tables = _tables()
    folded_points = [0]
    original_points = [0]
    shift = 0  # folded position minus original position, so far
    for match in tables.irregular.finditer(text):
        at = match.start()
        width = len(tables.table.get(ord(text[at]), text[at]))
        for extra in range(1, width):
            folded_points.append(at + shift + extra)
            original_points.append(at)
        shift += width - 1
        folded_points.append(at + 1 + shift)
        original_points.append(at + 1)
    folded = fold(text)
    return folded, FoldMap(tuple(folded_points), tuple(original_points), len(text), len(folded))


def unfold_offset(text: str, position: int) -> int:
    """The offset in `text` of the character at `position` in `fold(text)`, found without
    folding `text`: only the characters whose fold is longer or shorter than one are visited,
    up to `position` (a search snippet needs one offset in a long stored text)."""
    tables = _tables()
    shift = 0  # folded offset minus original offset, so far
    for match in tables.irregular.finditer(text):
        at = match.start()
        if position < at + shift:
            break
        width = len(tables.table.get(ord(text[at]), text[at]))
        if position < at + shift + width:
            return at
        shift += width - 1
    return min(len(text), position - shift)


def tokens(folded: str) -> Iterator[re.Match[str]]:
    """The words of a folded text: runs of letters and digits (what FTS5's unicode61 sees)."""
    return TOKEN.finditer(folded)


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`."""
    return frozenset(text.split())


# Common words (folded) that begin with و ف ب ل ك or ال as part of the word itself: never
# split, so زير does not find وزير and بنان does not find لبنان.
_OWN_LETTERS = _words(
    """
    وزير وزيره وزراء وزاره وزارات وصول وقود وجود وكاله وكالات وفاه وفاته وفيات ورقه وسائل
    وسيله وسط واحد واحده وحده وحدات وادي واقع واقعه واضح واضحه وارد واردات وثيقه وثائق وظيفه
    وظائف ولايه ولايات والد والده والدي والي وجهه وجبه وباء وعود ورشه وطنيه وكيل ورود وقائع
    واشنطن واجب واجهه وليد وليمه وقاحه
    فريق فرنسا فرنسي فرنسيه فلسطين فلسطيني فلسطينيه فكره فتره فترات فرصه فرص فساد فيروس فارق
    فائده فوائد فاتوره فندق فيلم فصيل فصائل فئه فئات فضاء فعاليه فعاليات فنزويلا فيتنام فنلندا
    فاطمه فيصل فوضي فلاح فقراء فضيحه فبراير
    بلاد بلدان بلديه بيان بيانات بدايه بطوله بطولات بطاقه بطاله بنات بناء برنامج برامج برلمان
    بورصه بريطانيا بريطاني بريطانيه بيروت بغداد باريس بكين برلين بلجيكا بولندا برازيل
    بنغلاديش باكستان بحرين بترول بنزين بضائع بيئه بيوت بنوك بحار بحيره بعثه بقايا بلاغ
    بوتين بايدن بوابه بطل بشار بدل بدلا بقاء بروكسل بيت بيتكوين
    لبنان لبناني لبنانيه ليبيا ليبي ليبيه لجنه لجان لقاء لقاءات لاعب لاعبين لاعبون لعبه لندن
    لحظه لحظات لغه لغات ليله ليالي لاجئ لاجئين لاجئون لائحه لواء لوائح لماذا لازم لحوم لوحه
    لقطه لهجه لياقه لوبي لوكسمبورغ لاتفيا لاوس ليتوانيا
    كتاب كتب كبير كبيره كبار كلمه كلمات كانت كندا كمال كميه كميات كليه كافه كامل كامله كريم
    كتله كتل كلام كرسي كراسي كهرباء كوريا كورونا كولومبيا كينيا كوبا كرواتيا كازاخستان كتيبه
    كارثه كوارث كبري لقمه
    الله اللهم الان الذي التي الذين اللذين اللتين اللاتي اللواتي الهي الفي الفين الاف الفا
    المانيا البانيا الاسكا اليه اليها اليهم الينا
    """
)
# Whole tokens whose stem is irregular: لله is ل + الله.
_IRREGULAR = {"لله": "الله", "ولله": "الله", "فلله": "الله", "بالله": "الله", "والله": "الله"}

_CONJUNCTIONS = ("و", "ف")
_ARTICLES = ("بال", "كال", "ال")  # with an optional preposition; لل is handled apart
_PREPOSITIONS = ("ب", "ل", "ك")
_MIN_AFTER_ARTICLE = 2
_MIN_AFTER_LETTER = 3


def _is_arabic(word: str) -> bool:
    """True when `word` starts with an Arabic letter (proclitics only attach to those)."""
    return "\u0621" <= word[:1] <= "\u064a"


def stem(token: str) -> str:
    """A folded token without its proclitics (و ف, ب ل ك, ال), or the token itself.

    وبالمليار → مليار, وماسك → ماسك, للعب → لعب; وزير, لبنان and other words in
    `_OWN_LETTERS` stay whole, and so does anything that would leave too short a rest."""
    if token in _IRREGULAR:
        return _IRREGULAR[token]
    if token in _OWN_LETTERS or not _is_arabic(token):
        return token
    rest = token
    if rest[0] in _CONJUNCTIONS and len(rest) > _MIN_AFTER_LETTER:
        after = rest[1:]
        if after in _OWN_LETTERS:
            return after
        stripped = _after_preposition_or_article(after)
        if stripped is not None:
            return stripped
        if len(after) >= _MIN_AFTER_LETTER and not after.startswith("ال"):
            return after
        return token
    stripped = _after_preposition_or_article(rest)
    return token if stripped is None else stripped


def _after_preposition_or_article(word: str) -> str | None:
    """`word` without a leading preposition and/or article, or None when it has none."""
    if word.startswith("لل") and len(word) > len("لل"):
        rest = word[2:]
        with_lam = "ل" + rest
        if with_lam in _OWN_LETTERS or len(rest) < _MIN_AFTER_LETTER:
            return with_lam
        return rest
    for article in _ARTICLES:
        rest = word[len(article) :]
        if word.startswith(article) and len(rest) >= _MIN_AFTER_ARTICLE:
            return rest
    if word[:1] in _PREPOSITIONS:
        rest = word[1:]
        if rest in _OWN_LETTERS:
            return rest
        if len(rest) >= _MIN_AFTER_LETTER and not rest.startswith("ال"):
            return rest
    return None


# Every proclitic combination: conjunction, then a preposition and/or the article (ل + ال is
# written لل).
_PROCLITICS = tuple(
    conj + rest
    for conj in ("", "و", "ف")
    for rest in ("", "ب", "ل", "ك", "ال", "بال", "كال", "لل")
    if conj + rest
)
_MIN_PREFIX_FOR_LETTER = 3


@cache
def forms(word: str) -> tuple[str, ...]:
    """The written forms of a folded word that search treats as that word: its stem, and the
    stem behind every proclitic combination that `stem` would strip again.

    The index holds folded words as written; a query looks for all of these, so مليار finds
    وبالمليار while زير does not find وزير (because `stem("وزير")` is وزير)."""
    base = stem(word)
    found = [base]
    if _is_arabic(base):
        found += [p + base for p in _PROCLITICS if stem(p + base) == base]
    found += [written for written, meant in _IRREGULAR.items() if meant == base]
    if word not in found:
        found.append(word)
    return tuple(dict.fromkeys(found))


@cache
def prefix_forms(prefix: str) -> tuple[str, ...]:
    """The forms a prefix query (`اقتص*`) looks for: the prefix as typed and stemmed, behind
    each proclitic, except where that would start one of `_OWN_LETTERS` (زير* must not
    find وزيره)."""
    bases = list(dict.fromkeys((stem(prefix), prefix)))
    found = list(bases)
    if not _is_arabic(prefix):
        return tuple(found)
    for base in bases:
        for proclitic in _PROCLITICS:
            if "ال" not in proclitic and len(base) < _MIN_PREFIX_FOR_LETTER:
                continue
            written = proclitic + base
            if not any(own.startswith(written) for own in _OWN_LETTERS):
                found.append(written)
    return tuple(dict.fromkeys(found))
