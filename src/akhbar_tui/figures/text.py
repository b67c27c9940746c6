"""Arabic text facts the figure extractor needs: digit conversion, folding for lookups, tokens.

Lexicons are keyed by folded forms (no harakat or tatweel, one alef, ى as ي, Latin lower-cased),
so one entry covers the spellings newsrooms actually use. Offsets always refer to the raw text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Arabic-Indic and Extended (Persian) digits to ASCII.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
MARK_CHARS = frozenset(chr(c) for c in (*range(0x064B, 0x0660), 0x0670, 0x0640))
_FOLD_CACHE: dict[str, str] = {}
_CACHE_LIMIT = 50_000

_NUMBER = re.compile(r"[0-9٠-٩۰-۹]+(?:[.,٫٬][0-9٠-٩۰-۹]+)*")
# Characters that are always one symbol token of their own (never inside a word or a number).
_PUNCTUATION = "()[]{}«»\"'“”‘’،,.;:!?؛؟-–—%٪$€£/…"
_TOKEN = re.compile(
    r"(?P<n>[0-9٠-٩۰-۹]+(?:[.,٫٬][0-9٠-٩۰-۹]+)*)"
    r"|(?P<w>(?:[^\W\d_]|[\u064B-\u065F\u0670])+)"
    r"|(?P<s>\S)"
)


def fold(word: str) -> str:
    """The lookup form of a word: harakat and tatweel dropped, alef and yaa unified, lower case.

    `str.translate` with a mapping costs ~200 ns a character on Arabic, so this uses C-speed
    `replace` calls and remembers short words (news repeats its vocabulary).
    """
    cached = _FOLD_CACHE.get(word)
    if cached is not None:
        return cached
    folded = _MARKS.sub("", word) if _MARKS.search(word) else word
    folded = same_length_fold(folded).lower()
    if len(word) < 24:
        if len(_FOLD_CACHE) > _CACHE_LIMIT:
            _FOLD_CACHE.clear()
        _FOLD_CACHE[word] = folded
    return folded


def has_marks(text: str) -> bool:
    """Whether `text` holds harakat or tatweel, which `fold` drops (so a folded word is shorter)."""
    return _MARKS.search(text) is not None


def same_length_fold(text: str) -> str:
    """Alef variants to ا and ى to ي: offsets in the result are offsets in `text`."""
    return (
        text.replace("أ", "ا")
        .replace("إ", "ا")
        .replace("آ", "ا")
        .replace("ٱ", "ا")
        .replace("ى", "ي")
    )


def raw_offset(raw: str, letters: int) -> int:
    """Index in `raw` just after its first `letters` folded letters (harakat skipped).

    Clitics are stripped in folded form; this maps the cut back to the raw word so that spans
    start exactly at the number word.
    """
    seen = 0
    index = 0
    while index < len(raw) and seen < letters:
        index += 1
        seen += 1
        while index < len(raw) and raw[index] in MARK_CHARS:
            index += 1
    return index


class Token:
    """One word, number or symbol of the text, with its offsets; `norm` is the folded word.

    Folding is done when the token is made: nearly every word of a window is looked up, and a
    plain attribute is read far more cheaply than a property.
    """

    __slots__ = ("end", "kind", "norm", "start", "text")

    def __init__(self, kind: str, start: int, end: int, text: str, norm: str) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.norm = norm

    def __repr__(self) -> str:
        return f"Token({self.kind!r}, {self.start}, {self.end}, {self.text!r})"


def tokenize(
    text: str, start: int = 0, end: int | None = None, folded: str | None = None
) -> list[Token]:
    """Number, word and single-symbol tokens of `text[start:end]`, with offsets into `text`.

    Most whitespace-separated chunks are a plain word or number, perhaps between punctuation
    (`(2024)،`); those are cut with string methods. The rest (clitics glued to digits, harakat,
    `$80bn`) go through `_TOKEN`, whose per-character classes cost about a microsecond a token.
    `folded`, when given, is the text folded character for character (`same_length_fold`, then
    lower case of the same length): a word without tatweel then takes its folded form from it,
    a slice instead of a `fold` per distinct word. When the window's words are separated by
    single spaces (nearly always) their offsets are added up instead of searched for.
    """
    stop = len(text) if end is None else end
    tokens: list[Token] = []
    append = tokens.append
    raw = text[start:stop]
    chunks = raw.split()
    spaced = " ".join(chunks) == raw
    norms: Iterable[str]
    if folded is not None and folded.find("ـ", start, stop) < 0:
        norms = folded[start:stop].split()
    else:
        folded = None
        norms = map(fold, chunks)  # a word's norm; the other chunks' are settled below
    find = text.find
    position = start
    for chunk, norm in zip(chunks, norms, strict=True):
        at = position if spaced else find(chunk, position)
        stop = at + len(chunk)
        position = stop + 1
        if chunk.isalpha():
            append(Token("w", at, stop, chunk, norm))
            continue
        core = chunk.strip(_PUNCTUATION)
        if core.isalpha():
            kind = "w"
            norm = fold(core) if folded is None else norm.strip(_PUNCTUATION)
        elif (core.isdecimal() and core.isascii()) or (core and _NUMBER.fullmatch(core)):
            kind = "n"
            norm = core
        else:
            for m in _TOKEN.finditer(text, at, stop):
                word = m.group()
                kind = m.lastgroup or "s"
                append(Token(kind, *m.span(), word, fold(word) if kind == "w" else word))
            continue
        lead = at + chunk.index(core)
        for k in range(at, lead):
            append(Token("s", k, k + 1, text[k], text[k]))
        append(Token(kind, lead, lead + len(core), core, norm))
        for k in range(lead + len(core), stop):
            append(Token("s", k, k + 1, text[k], text[k]))
    return tokens


def word_set(words: str) -> frozenset[str]:
    """A set from a whitespace-separated list: long word lists stay readable in the source."""
    return frozenset(words.split())


def is_arabic(word: str) -> bool:
    """True when the word starts with an Arabic letter."""
    return bool(word) and "\u0600" <= word[0] <= "\u06ff"
