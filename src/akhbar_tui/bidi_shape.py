"""Arabic shaping for `bidi_layout`: words → presentation forms, cell widths, offset alignment.

Shaping is done once per distinct word of a batch. arabic-reshaper decides the forms, but its
per-character loop (about 2 µs a letter, plus ~40 µs a call) would be most of a long article's
layout time, so the common words — no ZWJ, and no harakat unless they are deleted — go through
`_shape_plain`, the same algorithm over the reshaper's own letter and ligature tables in one
tight loop (a test checks the two agree). The rest is given to the reshaper itself: kept harakat
in one batched call (joining never crosses a space), ZWJ words one Arabic run at a time, because
the reshaper deletes every U+200D and that would break emoji sequences. The reshaper is
configured explicitly, key by key, so that a user's `PYTHON_ARABIC_RESHAPER_CONFIGURATION_FILE`
cannot change what akhbar shows: lam-alef ligatures on, every other ligature off (the ALLAH word
ligature would turn عبدالله into ﻋﺒﺪﷲ).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

import arabic_reshaper
from arabic_reshaper.arabic_reshaper import HARAKAT_RE
from arabic_reshaper.letters import FINAL, INITIAL, ISOLATED, LETTERS_ARABIC, MEDIAL
from arabic_reshaper.ligatures import LIGATURES
from rich.cells import cell_len, get_character_cell_size, split_graphemes

_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
HAS_ARABIC = re.compile(f"[{_ARABIC}]")
_ARABIC_RUN = re.compile(f"[{_ARABIC}]+(?:[\u200c\u200d]+[{_ARABIC}]+)*")
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
_LAM_ALEF = (
    "ARABIC LIGATURE LAM WITH ALEF",
    "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA ABOVE",
    "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA BELOW",
    "ARABIC LIGATURE LAM WITH ALEF WITH MADDA ABOVE",
)

# Characters that are one cell wide in rich's table (checked against it at first use): a word
# made only of these needs no per-character measuring and has one grapheme per character.
_SINGLE_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0x2FF),
    (0x370, 0x482),
    (0x590, 0x5FF),
    (0x600, 0x6FF),
    (0x750, 0x77F),
    (0x2010, 0x205E),
    (0x20A0, 0x20C0),
    (0x2100, 0x22FF),
    (0xFB1D, 0xFB4F),
    (0xFB50, 0xFEFC),
)


@cache
def _single_cell_chars() -> frozenset[str]:
    chars = (chr(c) for lo, hi in _SINGLE_RANGES for c in range(lo, hi + 1))
    return frozenset(
        ch
        for ch in chars
        if get_character_cell_size(ch) == 1 and not unicodedata.category(ch).startswith(("M", "C"))
    )


def reshaper_configuration(keep_harakat: bool) -> dict[str, bool | str]:
    """Every reshaper key whose value akhbar depends on, so no config file can override it."""
    config: dict[str, bool | str] = {
        "language": "Arabic",
        "delete_harakat": not keep_harakat,
        "shift_harakat_position": False,
        "delete_tatweel": False,
        "support_zwj": True,
        "use_unshaped_instead_of_isolated": False,
        "support_ligatures": True,
    }
    for name, _forms in LIGATURES:
        config[name] = name in _LAM_ALEF
    return config


@cache
def _reshaper(keep_harakat: bool) -> arabic_reshaper.ArabicReshaper:
    return arabic_reshaper.ArabicReshaper(configuration=reshaper_configuration(keep_harakat))


def shape_words(words: Iterable[str], keep_harakat: bool) -> dict[str, str]:
    """Shape each distinct word once; words without Arabic letters map to themselves.

    Plain words take `_shape_plain`; one reshaper call covers the words with kept harakat (its
    per-call overhead dominates short words); ZWJ-bearing words are shaped one Arabic run at a
    time.
    """
    reshape = _reshaper(keep_harakat).reshape
    result: dict[str, str] = {}
    batch: list[str] = []
    for word in set(words):
        if not HAS_ARABIC.search(word):
            result[word] = word
        elif "\u200d" in word:
            result[word] = _ARABIC_RUN.sub(lambda m: reshape(m.group()), word)
        elif not HARAKAT_RE.search(word):
            result[word] = _shape_plain(word)
        elif not keep_harakat:
            result[word] = _shape_plain(HARAKAT_RE.sub("", word))
        else:
            batch.append(word)
    if batch:
        shaped = reshape(" ".join(batch)).split(" ")
        if len(shaped) != len(batch):  # never seen; shaping word by word is always right
            shaped = [reshape(word) for word in batch]
        result.update(zip(batch, shaped, strict=True))
    return result


_FORMS = {ch: forms for ch, forms in LETTERS_ARABIC.items() if ch != "\u200d"}
_JOINS_BEFORE = frozenset(ch for ch, f in _FORMS.items() if f[FINAL] or f[MEDIAL])
_JOINS_AFTER = frozenset(ch for ch, f in _FORMS.items() if f[INITIAL] or f[MEDIAL])
_HAS_MEDIAL = frozenset(ch for ch, f in _FORMS.items() if f[MEDIAL])
_LIGATURE_FORMS = {match: forms for name, (match, forms) in LIGATURES if name in _LAM_ALEF}
_LIGATURE = re.compile("|".join(map(re.escape, _LIGATURE_FORMS)))
_UNSHAPED = -1


def _shape_plain(word: str) -> str:
    """arabic-reshaper's `reshape` for a word without ZWJ or harakat, with akhbar's settings.

    The same decisions in the same order (a letter joins the one before it when both sides
    allow it, a final letter without a medial form ends the join, a lam-alef pair becomes one
    ligature in the form its ends call for), over the reshaper's own tables.
    """
    forms = [_UNSHAPED] * len(word)
    previous = ""
    before = _UNSHAPED
    for i, ch in enumerate(word):
        if ch not in _FORMS:
            form = _UNSHAPED
        elif (
            before == _UNSHAPED
            or ch not in _JOINS_BEFORE
            or previous not in _JOINS_AFTER
            or (before == FINAL and previous not in _HAS_MEDIAL)
        ):
            form = ISOLATED
        else:
            forms[i - 1] = INITIAL if before == ISOLATED else MEDIAL
            form = FINAL
        forms[i] = form
        previous, before = ch, form
    glyphs = [ch if form < 0 else _FORMS[ch][form] for ch, form in zip(word, forms, strict=True)]
    if "\u0644" in word:
        for match in _LIGATURE.finditer(word):
            a, b = match.span()
            first, last = forms[a], forms[b - 1]
            ends_isolated = last in (ISOLATED, FINAL)
            if first in (ISOLATED, INITIAL):
                form = ISOLATED if ends_isolated else INITIAL
            else:
                form = FINAL if ends_isolated else MEDIAL
            ligature = _LIGATURE_FORMS[match.group()][form]
            if ligature:
                glyphs[a] = ligature
                glyphs[a + 1 : b] = [""] * (b - 1 - a)
    return "".join(glyphs)


def cells(text: str) -> int:
    """Display width with rich's table (what Textual paints with), fast for plain words."""
    if _single_cell_chars().issuperset(text):
        return len(text)
    return cell_len(text)


def is_simple(text: str) -> bool:
    """True when every character is its own one-cell grapheme (no marks, joiners, wide chars)."""
    return _single_cell_chars().issuperset(text)


def clusters(text: str) -> list[tuple[int, int, int]]:
    """Grapheme clusters as rich sees them: (start, end, cells); marks stay with their base."""
    if is_simple(text):
        return [(i, i + 1, 1) for i in range(len(text))]
    return split_graphemes(text)[0]


def align(logical: str, shaped: str) -> list[int] | None:
    """Boundaries mapping shaped characters back to the logical word.

    `bounds[k]` is the logical offset where shaped character k starts (`bounds[0]` is 0 and
    `bounds[-1]` is `len(logical)`). Deleted harakat and ZWJs belong to the character before
    them, a lam-alef ligature covers both letters, and a kept mark that the reshaper moved after
    a ligature covers nothing. None when the two cannot be matched (the word is then one unit).
    """
    if len(logical) == len(shaped):
        return list(range(len(shaped) + 1))
    n = len(logical)
    bounds: list[int] = []
    i = 0
    for k, ch in enumerate(shaped):
        base = unicodedata.normalize("NFKC", ch) if _PRESENTATION.match(ch) else ch
        if k:
            while i < n and logical[i] != base[0] and _deletable(logical[i]):
                i += 1
        start = i if k else 0
        for want in base:
            while i < n and logical[i] != want and _deletable(logical[i]):
                i += 1
            if i < n and logical[i] == want:
                i += 1
            elif unicodedata.category(ch) == "Mn":
                i = start
                break
            else:
                return None
        bounds.append(start)
    if not all(_deletable(c) for c in logical[i:]):
        return None
    bounds.append(n)
    return bounds


def _deletable(ch: str) -> bool:
    return ch == "\u200d" or HARAKAT_RE.match(ch) is not None
