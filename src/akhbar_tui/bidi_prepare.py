"""The width-independent half of `bidi_layout` and the wrapping that uses it.

`Prepared` splits a text into paragraphs and, only when a paragraph is first needed, shapes it
(in batches, each distinct word once) into words with their cell widths. Wrapping at a width
is then a cheap greedy pass over those widths, cached per width, and a line is only reordered
when asked for: a screenful of a long article costs a screenful of work. A paragraph's bidi
levels are resolved once, when its first row is asked for, and serve every width (UAX #9
resolves per paragraph and reorders per row).
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from functools import partial
from itertools import accumulate

from akhbar_tui.bidi_levels import bidi_classes, first_strong_rtl, paragraph_levels, visual_order
from akhbar_tui.bidi_line import Token, VisualLine, new_line
from akhbar_tui.bidi_shape import align, cells, clusters, is_simple, shape_words

# What str.splitlines splits on: no line separator may reach the bidi rules (rule P1).
PARAGRAPH_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
BREAK_SPACE = " \t\u1680\u2000-\u2006\u2008-\u200a\u205f\u3000"  # not the no-break spaces
_BREAK = re.compile(f"([{BREAK_SPACE}]+)")
_NEEDS_DISPLAY = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e]")
_ISOLATE_CHAR = re.compile("[\u2066-\u2069]")

# One character in, one character out, so offsets survive: controls become their visible
# pictures (never reach the terminal), tabs become spaces, embeddings/overrides become ZWSP
# (zero width, and no terminal reorders around it). Isolates are kept until their bidi classes
# are taken, then hidden the same way (HIDE_ISOLATES).
DISPLAY = {c: 0x2400 + c for c in range(0x20)}
DISPLAY |= {0x09: 0x20, 0x7F: 0x2421}
DISPLAY |= {c: 0xFFFD for c in range(0x80, 0xA0)}
DISPLAY |= {c: 0x200B for c in range(0x202A, 0x202F)}
HIDE_ISOLATES = {c: 0x200B for c in range(0x2066, 0x206A)}

_FIRST_BATCH_CHARS = 4096
_WIDTHS_KEPT = 4

_Words = tuple[list[int], list[int], list[str]]
"""A paragraph's words: start offsets, end offsets and the words themselves."""

LineSpec = tuple[int, int, int, int, int, int]
"""A wrapped line before reordering: (paragraph, first word, shaped start in it, last word,
shaped end in it, cells). Word -1 marks the empty line of a paragraph without words."""


@dataclass(slots=True)
class _Paragraph:
    start: int
    rtl: bool
    word_starts: list[int]
    word_ends: list[int]
    words: list[str]  # as shown (controls replaced), before shaping
    shaped: list[str]
    widths: list[int]
    bounds: dict[int, list[int] | None]  # `word_bounds`, filled on first use
    text: str  # the shaped words with their gaps (one space per whitespace character)
    text_starts: list[int]  # where each shaped word starts in `text`
    cell_ends: list[int]  # cells from the first word's start to the end of word k
    classes: str  # bidi classes of `text`
    simple: bool  # every character of `text` is a one-cell grapheme
    levels: str | None = None  # `paragraph_levels` of `text`, once `resolved`
    resolved: bool = False


class Prepared:
    """A text made ready for layout at any width; built by `prepare` (cached in `layout`)."""

    def __init__(
        self, text: str, *, direction: str, fallback: str, keep_harakat: bool, mode: str
    ) -> None:
        self.text = text
        self.direction = direction
        self.fallback = fallback
        self.keep_harakat = keep_harakat
        self.mode = mode
        self._spans = paragraph_spans(text)
        self._paragraphs: list[_Paragraph | None] = [None] * len(self._spans)
        self._shaped_chars = 0
        self._wraps: OrderedDict[int, list[LineSpec]] = OrderedDict()
        self._wrapped_upto: dict[int, int] = {}
        self._lock = threading.RLock()

    @property
    def paragraph_count(self) -> int:
        """How many paragraphs the text has (a blank line is an empty paragraph)."""
        return len(self._spans)

    def line_count(self, width: int) -> int:
        """How many rows the whole text takes at `width` (wraps everything, reorders nothing)."""
        with self._lock:
            return len(self._wrap(max(1, width), None))

    def lines(self, width: int, start: int = 0, stop: int | None = None) -> list[VisualLine]:
        """Rows `start` to `stop` at `width`; only paragraphs up to row `stop` are touched.

        The first screenful of a long article is ready after shaping just its first
        paragraphs; the rest can follow (`lines(width, 40)`) when the reader scrolls.
        """
        width = max(1, width)
        with self._lock:
            specs = self._wrap(width, stop)[start:stop]
            return [self._materialize(spec) for spec in specs]

    def natural_width(self) -> int:
        """Cells of the widest paragraph set on one row: a width at which nothing wraps."""
        with self._lock:
            widest = 0
            for index in range(len(self._spans)):
                paragraph = self._paragraph(index)
                starts, ends = paragraph.word_starts, paragraph.word_ends
                gaps = sum(starts[k] - ends[k - 1] for k in range(1, len(starts)))
                widest = max(widest, sum(paragraph.widths) + gaps)
            return widest

    def prefix_end(self, budget: int) -> int:
        """Where the longest logical prefix of the first paragraph that fits `budget` cells
        ends (a text offset), cut between words or, inside a word, between graphemes."""
        with self._lock:
            paragraph = self._paragraph(0)
        starts, ends = paragraph.word_starts, paragraph.word_ends
        used = 0
        for k, w in enumerate(paragraph.widths):
            gap = starts[k] - ends[k - 1] if k else 0
            if used + gap + w <= budget:
                used += gap + w
                continue
            fitted = 0
            for _a, b, cw in clusters(paragraph.shaped[k]):
                if used + gap + cw > budget:
                    break
                used += cw
                fitted = b
            if fitted:
                return starts[k] + _logical(paragraph, k, fitted)
            return ends[k - 1] if k else paragraph.start
        return ends[-1] if ends else paragraph.start

    def _wrap(self, width: int, stop: int | None) -> list[LineSpec]:
        specs = self._wraps.get(width)
        if specs is None:
            specs = self._wraps[width] = []
            self._wrapped_upto[width] = 0
            if len(self._wraps) > _WIDTHS_KEPT:
                dropped, _ = self._wraps.popitem(last=False)
                del self._wrapped_upto[dropped]
        self._wraps.move_to_end(width)
        index = self._wrapped_upto[width]
        while index < len(self._spans) and (stop is None or len(specs) < stop):
            specs.extend(wrap_paragraph(index, self._paragraph(index), width))
            index += 1
        self._wrapped_upto[width] = index
        return specs

    def _paragraph(self, index: int) -> _Paragraph:
        paragraph = self._paragraphs[index]
        if paragraph is None:
            self._shape_batch(index)
            paragraph = self._paragraphs[index]
            assert paragraph is not None
        return paragraph

    def _shape_batch(self, first: int) -> None:
        """Shape paragraphs from `first` on, doubling the batch each time (each word once)."""
        budget = max(_FIRST_BATCH_CHARS, self._shaped_chars)
        found: list[tuple[int, _Words]] = []
        chars = 0
        index = first
        while index < len(self._spans) and self._paragraphs[index] is None and chars < budget:
            start, end = self._spans[index]
            shown = self.text[start:end]
            if _NEEDS_DISPLAY.search(shown):
                shown = shown.translate(DISPLAY)
            found.append((index, _split_words(shown, start)))
            chars += end - start + 1
            index += 1
        self._shaped_chars += chars
        unique = {word for _, (_, _, words) in found for word in words}
        if self.mode == "app":
            shaped = shape_words(unique, self.keep_harakat)
        else:
            shaped = {word: word for word in unique}
        measured = {form: (cells(form), is_simple(form)) for form in set(shaped.values())}
        forced = None if self.direction == "auto" else self.direction == "rtl"
        for index, words in found:
            self._paragraphs[index] = _build_paragraph(
                self._spans[index][0], forced, self.fallback == "rtl", words, shaped, measured
            )

    def _materialize(self, spec: LineSpec) -> VisualLine:
        index, first, a, last, b, width = spec
        paragraph = self._paragraphs[index]
        assert paragraph is not None
        if first < 0:
            return _empty_line(index, paragraph.start, paragraph.rtl)
        lo = paragraph.text_starts[first] + a
        hi = paragraph.text_starts[last] + b
        shaped = paragraph.text[lo:hi]
        simple = paragraph.simple or is_simple(shaped)
        if self.mode == "app":
            resolved = _levels(paragraph)
            row_levels = resolved and resolved[lo:hi]
            row_classes = paragraph.classes[lo:hi]
            visual, segments = visual_order(shaped, row_classes, row_levels, paragraph.rtl, simple)
        else:
            visual, segments = shaped, ((0, len(shaped), False),)
        start = paragraph.word_starts[first] + (a and _logical(paragraph, first, a))
        end = paragraph.word_ends[last]
        if b != len(paragraph.shaped[last]):
            end = paragraph.word_starts[last] + _logical(paragraph, last, b)
        return new_line(
            index,
            start,
            end,
            self.text[start:end],
            visual,
            paragraph.rtl,
            width,
            shaped,
            segments,
            simple,
            partial(_tokens, paragraph, first, a, last, b),
        )


def _split_words(shown: str, offset: int) -> _Words:
    """Words of a paragraph with their start and end offsets (one C-level split, no loop)."""
    parts = _BREAK.split(shown)
    if parts[0] == "" and len(parts) > 1:
        offset += len(parts[1])
        parts = parts[2:]
    if parts and parts[-1] == "":
        parts = parts[:-2]
    ends = list(accumulate(map(len, parts), initial=offset))
    return ends[0::2][: len(parts[0::2])], ends[1::2], parts[0::2]


def _build_paragraph(
    start: int,
    forced_rtl: bool | None,
    fallback_rtl: bool,
    words: _Words,
    shaped: dict[str, str],
    measured: dict[str, tuple[int, bool]],
) -> _Paragraph:
    """Lay the shaped words of one paragraph end to end, with the sums wrapping needs.

    The direction (rules P2/P3) is read from the shaped text's classes: shaping keeps every
    strong character strong in its direction.
    """
    word_starts, word_ends, logical = words
    forms = list(map(shaped.__getitem__, logical))
    widths = [measured[form][0] for form in forms]
    gaps = [" " * (a - b) for a, b in zip(word_starts[1:], word_ends, strict=False)]
    pieces: list[str] = [""] * (2 * len(forms) - 1) if forms else []
    pieces[0::2] = forms
    pieces[1::2] = gaps
    text_starts = list(accumulate(map(len, pieces), initial=0))[0::2]
    piece_cells: list[int] = [0] * len(pieces)
    piece_cells[0::2] = widths
    piece_cells[1::2] = map(len, gaps)
    text = "".join(pieces)
    classes = bidi_classes(text)
    rtl = forced_rtl
    if rtl is None:
        rtl = first_strong_rtl(classes)
        if rtl is None:
            rtl = fallback_rtl
    simple = all(measured[form][1] for form in forms)
    if _ISOLATE_CHAR.search(text):
        text = text.translate(HIDE_ISOLATES)
        forms = [form.translate(HIDE_ISOLATES) for form in forms]
        logical = [word.translate(HIDE_ISOLATES) for word in logical]
    return _Paragraph(
        start=start,
        rtl=rtl,
        word_starts=word_starts,
        word_ends=word_ends,
        words=logical,
        shaped=forms,
        widths=widths,
        bounds={},
        text=text,
        text_starts=text_starts,
        cell_ends=list(accumulate(piece_cells))[0::2],
        classes=classes,
        simple=simple,
    )


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, as `str.splitlines` would cut (no trailing empty one)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def wrap_paragraph(index: int, paragraph: _Paragraph, width: int) -> list[LineSpec]:
    """Greedy wrap in logical order at shaped widths; a word wider than the line is cut
    between grapheme clusters, and a cluster wider than the line stands alone.

    Each row is one bisection in the running cell sums, so wrapping costs per row, not per word.
    """
    widths, ends = paragraph.widths, paragraph.cell_ends
    if not widths:
        return [(index, -1, 0, -1, 0, 0)]
    specs: list[LineSpec] = []
    k = 0
    while k < len(widths):
        a, used = 0, 0
        if widths[k] > width:
            chunks = _chunks(paragraph.shaped[k], width)
            specs.extend((index, k, ca, k, cb, cw) for ca, cb, cw in chunks[:-1])
            a, _, used = chunks[-1]
            room_until = ends[k] + width - used
        else:
            room_until = ends[k] - widths[k] + width
        last = max(k, bisect_right(ends, room_until) - 1)
        used += ends[last] - ends[k] + (widths[k] if a == 0 and widths[k] <= width else 0)
        specs.append((index, k, a, last, len(paragraph.shaped[last]), used))
        k = last + 1
    return specs


def _chunks(shaped: str, width: int) -> list[tuple[int, int, int]]:
    """Cut one over-wide word into (start, end, cells) pieces of at most `width` cells."""
    chunks: list[tuple[int, int, int]] = []
    start = used = 0
    for a, _b, w in clusters(shaped):
        if used and used + w > width:
            chunks.append((start, a, used))
            start, used = a, 0
        used += w
    chunks.append((start, len(shaped), used))
    return chunks


def _levels(paragraph: _Paragraph) -> str | None:
    """The paragraph's levels, resolved on first use (a screenful touches few paragraphs)."""
    if not paragraph.resolved:
        paragraph.levels = paragraph_levels(paragraph.text, paragraph.classes, paragraph.rtl)
        paragraph.resolved = True
    return paragraph.levels


def _tokens(paragraph: _Paragraph, first: int, a: int, last: int, b: int) -> list[Token]:
    """Where each shaped character of a line came from (for the column map, built lazily)."""
    tokens: list[Token] = []
    for k in range(first, last + 1):
        length = paragraph.word_ends[k] - paragraph.word_starts[k]
        if k > first:
            gap = paragraph.word_starts[k] - paragraph.word_ends[k - 1]
            tokens.append((paragraph.word_ends[k - 1], None, 0, gap))
        shaped = paragraph.shaped[k]
        bounds = word_bounds(paragraph, k)
        if bounds is None and len(shaped) != length:
            bounds = [0] * len(shaped) + [length]
        lo = a if k == first else 0
        hi = b if k == last else len(shaped)
        tokens.append((paragraph.word_starts[k], bounds, lo, hi))
    return tokens


def _logical(paragraph: _Paragraph, k: int, shaped_at: int) -> int:
    """The offset inside word `k` where its shaped character `shaped_at` starts."""
    length = paragraph.word_ends[k] - paragraph.word_starts[k]
    if shaped_at == 0:
        return 0
    if shaped_at >= len(paragraph.shaped[k]):
        return length
    bounds = word_bounds(paragraph, k)
    if bounds is None:
        return shaped_at if len(paragraph.shaped[k]) == length else 0
    return bounds[shaped_at]


def word_bounds(paragraph: _Paragraph, k: int) -> list[int] | None:
    """`align` of word `k` (None when shaping kept its length), computed when first needed:
    only a highlighted line or a word cut inside needs it."""
    if k not in paragraph.bounds:
        logical, shaped = paragraph.words[k], paragraph.shaped[k]
        paragraph.bounds[k] = None if len(shaped) == len(logical) else align(logical, shaped)
    return paragraph.bounds[k]


def _empty_line(index: int, offset: int, rtl: bool) -> VisualLine:
    return VisualLine(index, offset, offset, "", "", rtl, 0, "", (), True, list)
