"""Arabic text facts the figure extractor needs: digit conversion, folding for lookups, tokens.

Lexicons are keyed by folded forms (no harakat or tatweel, one alef, ى as ي, Latin lower-cased),
so one entry covers the spellings newsrooms actually use. Offsets always refer to the raw text.
"""

from __future__ import annotations

import re

# Arabic-Indic and Extended (Persian) digits to ASCII.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

_FOLD = str.maketrans(
    {
        **dict.fromkeys(range(0x064B, 0x0660)),
        0x0670: None,
        0x0640: None,
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
    }
)
_MARKS = frozenset(chr(c) for c in (*range(0x064B, 0x0660), 0x0670, 0x0640))

_TOKEN = re.compile(
    r"(?P<n>[0-9٠-٩۰-۹]+(?:[.,٫٬][0-9٠-٩۰-۹]+)*)"
    r"|(?P<w>(?:[^\W\d_]|[\u064B-\u065F\u0670])+)"
    r"|(?P<s>\S)"
)


def fold(word: str) -> str:
    """The lookup form of a word: harakat and tatweel dropped, alef and yaa unified, lower case."""
    return word.translate(_FOLD).lower()


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
        while index < len(raw) and raw[index] in _MARKS:
            index += 1
    return index


class Token:
    """One word, number or symbol of the text, with its offsets and folded form."""

    __slots__ = ("end", "kind", "norm", "start", "text")

    def __init__(self, kind: str, start: int, end: int, text: str) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.norm = fold(text) if kind == "w" else text

    def __repr__(self) -> str:
        return f"Token({self.kind!r}, {self.start}, {self.end}, {self.text!r})"


def tokenize(text: str) -> list[Token]:
    """Split `text` into number, word and single-symbol tokens in one regex pass."""
    return [Token(m.lastgroup or "s", m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def word_set(words: str) -> frozenset[str]:
    """A set from a whitespace-separated list: long word lists stay readable in the source."""
    return frozenset(words.split())


def is_arabic(word: str) -> bool:
    """True when the word starts with an Arabic letter."""
    return bool(word) and "\u0600" <= word[0] <= "\u06ff"
