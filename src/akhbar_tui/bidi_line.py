"""`VisualLine`: one display row of laid-out text, with its map from source offsets to columns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from akhbar_tui.bidi_levels import Segment, visual_positions
from akhbar_tui.bidi_shape import clusters

Token = tuple[int, list[int] | None, int, int]
"""A piece of the shaped line: (logical offset of its word or gap, boundaries or None for one
character per character, first shaped index used, end shaped index)."""


@dataclass(frozen=True)
class VisualLine:
    """One row to print: `visual` goes on screen as is (RTL rows right-aligned by the caller).

    `start`/`end` are offsets into the text given to `layout`; `logical` is `text[start:end]`
    (the whitespace at the line break is dropped). Columns count from the left edge of `visual`,
    without padding: a caller that right-aligns an RTL row in `W` cells adds `W - cells`.
    """

    paragraph: int
    start: int
    end: int
    logical: str
    visual: str
    rtl: bool
    cells: int
    _shaped: str = field(repr=False, compare=False)
    _segments: tuple[Segment, ...] = field(repr=False, compare=False)
    _simple: bool = field(repr=False, compare=False)
    _tokens: Callable[[], list[Token]] = field(repr=False, compare=False)

    def columns(self, start: int, end: int) -> list[tuple[int, int]]:
        """Visual column ranges `[a, b)` showing any part of the source range `[start, end)`.

        A range that is contiguous in the text can be split on screen (an English name inside
        an Arabic line, a number next to a word), so this returns every piece, left to right,
        with touching pieces merged. Empty when the range is not on this line.
        """
        spans: list[tuple[int, int]] = []
        for col_a, col_b, lo, hi in self._column_map:
            if lo < end and start < hi:
                if spans and spans[-1][1] == col_a:
                    spans[-1] = (spans[-1][0], col_b)
                else:
                    spans.append((col_a, col_b))
        return spans

    def column_of(self, offset: int) -> int | None:
        """The leftmost column showing the character at source `offset`, or None if off-line."""
        for col_a, _col_b, lo, hi in self._column_map:
            if lo <= offset < hi:
                return col_a
        return None

    def offset_at(self, column: int) -> int | None:
        """The source offset shown at `column` (for a click), or None over no character."""
        for col_a, col_b, lo, hi in self._column_map:
            if col_a <= column < col_b and lo < hi:
                return lo
        return None

    @cached_property
    def _column_map(self) -> list[tuple[int, int, int, int]]:
        """(first column, end column, source start, source end) per visual grapheme.

        Built on first use only: most lines are painted and never highlighted.
        """
        starts: list[int] = []
        ends: list[int] = []
        for origin, bounds, first, last in self._tokens():
            for k in range(first, last):
                if bounds is None:
                    starts.append(origin + k)
                    ends.append(origin + k + 1)
                else:
                    starts.append(origin + bounds[k])
                    ends.append(origin + bounds[k + 1])
        positions = visual_positions(self._shaped, self._segments, self._simple)
        result: list[tuple[int, int, int, int]] = []
        column = 0
        for a, b, width in clusters(self.visual):
            covered = [p for p in positions[a:b] if p < len(starts) and starts[p] < ends[p]]
            if covered:
                lo = min(starts[p] for p in covered)
                hi = max(ends[p] for p in covered)
                result.append((column, column + width, lo, hi))
            column += width
        return result


_new = object.__new__
_set = object.__setattr__


def new_line(
    paragraph: int,
    start: int,
    end: int,
    logical: str,
    visual: str,
    rtl: bool,
    cells: int,
    shaped: str,
    segments: tuple[Segment, ...],
    simple: bool,
    tokens: Callable[[], list[Token]],
) -> VisualLine:
    """`VisualLine(...)`, a quarter of the cost: the frozen dataclass's `__init__` sets each
    field through `object.__setattr__`, and a long article at a new width makes hundreds."""
    line = _new(VisualLine)
    _set(
        line,
        "__dict__",
        {
            "paragraph": paragraph,
            "start": start,
            "end": end,
            "logical": logical,
            "visual": visual,
            "rtl": rtl,
            "cells": cells,
            "_shaped": shaped,
            "_segments": segments,
            "_simple": simple,
            "_tokens": tokens,
        },
    )
    return line
