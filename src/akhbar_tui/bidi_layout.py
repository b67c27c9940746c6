"""Logical text + width → rows a terminal can print: Arabic shaped, every row in visual order.

Terminals do no shaping and (mostly) no bidi, and Textual treats text as left-to-right cells, so
akhbar does it all here, in this order:

1. split the text into paragraphs (never hand a newline to the bidi rules);
2. find each paragraph's direction (first strong character, or forced by a feed);
3. shape each distinct Arabic word of a batch once (arabic-reshaper's tables), measuring
   widths after shaping: lam-alef ligatures shrink, harakat are zero width, emoji are two cells;
4. wrap in logical order, at spaces (cutting only a word wider than the line);
5. resolve each paragraph's bidi levels once (UAX #9 X1–I2, isolates honoured), so a row keeps
   the context of the rows before it: a figure at the start of a row shows as it does mid-line;
6. reorder each row with its slice of those levels (L1–L4: marks kept after their base,
   brackets mirrored, also when a pair is split across rows).

Wrapping before reordering is the point: reordering a paragraph and then wrapping it puts its
lines bottom to top. Steps 1–3 and 5 do not depend on the width and are cached per text, so a
resize only re-wraps and reorders; `Prepared.lines(width, stop=N)` does the first screenful first.

Mode `terminal` is for terminals that do bidi themselves (VTE, Konsole, mlterm): the same rows,
but left logical and unshaped. `enter_sequence`/`exit_sequence` give what the UI must send so
the terminal does not reorder akhbar's rows a second time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace

from akhbar_tui.bidi_line import VisualLine
from akhbar_tui.bidi_prepare import PARAGRAPH_BREAK, Prepared

__all__ = [
    "BIDI_MODES",
    "EXPLICIT_MODE",
    "IMPLICIT_MODE",
    "Prepared",
    "VisualLine",
    "enter_sequence",
    "exit_sequence",
    "highlight",
    "layout",
    "prepare",
    "tmux_passthrough",
    "truncate",
]

BIDI_MODES = ("app", "terminal")
EXPLICIT_MODE = "\x1b[8l"
"""ECMA-48 BDSM reset (`CSI 8 l`): the terminal shows cells in the order received."""
IMPLICIT_MODE = "\x1b[8h"
"""ECMA-48 BDSM set (`CSI 8 h`): the terminal runs bidi itself; the default to restore."""
ELLIPSIS = "…"

_DIRECTIONS = ("auto", "rtl", "ltr")
_CACHE_SIZE = 64
_cache: OrderedDict[tuple[str, str, str, bool, str], Prepared] = OrderedDict()
_cache_lock = threading.Lock()


def enter_sequence(mode: str) -> str:
    """What to write to the terminal when the reader starts (and after entering the alt screen).

    `app` rows are already in visual order, so a bidi-capable terminal must be told to show
    them as they are; `terminal` rows need the terminal's own bidi, its default.
    """
    _check(mode, BIDI_MODES, "mode")
    return EXPLICIT_MODE if mode == "app" else IMPLICIT_MODE


def exit_sequence(mode: str) -> str:
    """What to write on exit: the terminal's default (implicit) mode, whatever the mode was."""
    _check(mode, BIDI_MODES, "mode")
    return IMPLICIT_MODE


def tmux_passthrough(sequence: str) -> str:
    """Wrap a sequence so tmux forwards it to the outer terminal (tmux swallows BDSM itself;
    the outer tmux needs `set -g allow-passthrough on`)."""
    return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"


def prepare(
    text: str,
    *,
    direction: str = "auto",
    fallback: str = "ltr",
    keep_harakat: bool = False,
    mode: str = "app",
) -> Prepared:
    """The width-independent layout state of `text`, from a bounded LRU shared by all callers.

    A widget keeps this to re-lay out on every resize without re-shaping, and to lay out a long
    article a screenful at a time (`lines(width, start, stop)`).
    """
    _check(direction, _DIRECTIONS, "direction")
    _check(fallback, ("rtl", "ltr"), "fallback")
    _check(mode, BIDI_MODES, "mode")
    key = (text, direction, fallback, keep_harakat, mode)
    with _cache_lock:
        prepared = _cache.get(key)
        if prepared is not None:
            _cache.move_to_end(key)
            return prepared
    prepared = Prepared(
        text, direction=direction, fallback=fallback, keep_harakat=keep_harakat, mode=mode
    )
    with _cache_lock:
        _cache[key] = prepared
        if len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return prepared


def layout(
    text: str,
    width: int,
    *,
    direction: str = "auto",
    fallback: str = "ltr",
    keep_harakat: bool = False,
    mode: str = "app",
    max_lines: int | None = None,
) -> list[VisualLine]:
    """Lay out `text` (one or more paragraphs) in rows of at most `width` cells.

    `direction` is `auto` (each paragraph's first strong character decides) or `rtl`/`ltr`
    (a feed's override, for every paragraph); `fallback` is the direction of a paragraph with no
    strong character under `auto`. Each paragraph gives at least one row (a blank line an empty
    one); the only row wider than `width` is a single grapheme wider than `width`.
    `max_lines` stops after that many rows, touching only the paragraphs they need.
    """
    prepared = prepare(
        text, direction=direction, fallback=fallback, keep_harakat=keep_harakat, mode=mode
    )
    return prepared.lines(width, 0, max_lines)


def truncate(
    text: str,
    width: int,
    *,
    direction: str = "auto",
    fallback: str = "ltr",
    keep_harakat: bool = False,
    mode: str = "app",
) -> VisualLine:
    """One row of at most `width` cells for a headline or a feed name.

    The cut is made in logical order and the ellipsis goes at the logical end, before
    reordering: for an RTL headline that is the left edge, and the reader still sees its
    beginning. Line breaks count as spaces. The ellipsis maps to the first hidden character.
    """
    flat = PARAGRAPH_BREAK.sub(lambda m: " " * len(m.group()), text)
    options = {"fallback": fallback, "keep_harakat": keep_harakat, "mode": mode}
    whole = prepare(flat, direction=direction, **options)
    if whole.paragraph_count == 0:
        return VisualLine(0, 0, 0, "", "", fallback == "rtl", 0, "", (), True, list)
    width = max(1, width)
    row = whole.lines(whole.natural_width())[0]
    if row.cells <= width:
        return replace(row, logical=text[row.start : row.end])
    cut = whole.prefix_end(width - 1)
    forced = "rtl" if row.rtl else "ltr"
    short = prepare(flat[:cut] + ELLIPSIS, direction=forced, **options)
    shown = short.lines(short.natural_width())[0]
    return replace(shown, end=cut, logical=text[shown.start : cut])


def highlight(lines: Sequence[VisualLine], start: int, end: int) -> list[tuple[int, int, int]]:
    """Where the source range `[start, end)` shows on screen: (row, first column, end column).

    For a key figure or a search match that may be split by a line break or by reordering;
    columns are relative to each row's `visual` (add the padding of right-aligned rows).
    """
    found: list[tuple[int, int, int]] = []
    for row, line in enumerate(lines):
        if line.start < end and start < line.end:
            found.extend((row, a, b) for a, b in line.columns(start, end))
    return found


def _check(value: str, allowed: tuple[str, ...], name: str) -> None:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}, not {value!r}")
