"""The one door through which feed text reaches the screen.

Feed text is cleaned at parse time; this module is the second lock: every string a widget paints
passes `safe()` here, which removes any control or escape character that might still be there
(a Segment's text goes to the terminal byte for byte). Visual (shaped, reordered) strings come
from `akhbar_tui.bidi_layout`; `Bidi` remembers the user's mode so widgets need not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

from akhbar_tui import bidi_layout
from akhbar_tui.i18n import Translator

# Hebrew, Arabic, Syriac, Thaana, NKo… their presentation forms and RLM: what reorders a line.
_RIGHT_TO_LEFT = re.compile("[\u200f\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff]")
_NO_ISOLATES = dict.fromkeys(range(0x2066, 0x206A))
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e]")


def paintable(visual: str) -> str:
    """A laid-out row as it goes to the terminal: safe, and without the zero-width spaces that
    stand in for bidi isolate controls (no cell, so no column moves; some terminals draw them)."""
    return safe(visual).replace("\u200b", "")


def safe(text: str) -> str:
    """`text` with every control character (and bidi override) turned into a space."""
    return _CONTROLS.sub(" ", text)


@dataclass(frozen=True, slots=True)
class Fitted:
    """One line ready to paint: its visual text, cell width, direction and laid-out line
    (whose offset → column map places a search match; None for an empty text)."""

    text: str
    cells: int
    rtl: bool
    line: bidi_layout.VisualLine | None = None


class Bidi:
    """Shaping and ordering in the user's mode (`app`: akhbar orders; `terminal`: it does)."""

    def __init__(self, mode: str = "app") -> None:
        self.mode = mode

    def fit(self, text: str, width: int, direction: str = "auto", fallback: str = "ltr") -> Fitted:
        """`text` truncated to `width` cells in logical order, then ordered for display.

        Truncating first keeps an Arabic title's beginning (its right end) on screen; a stock
        widget cropping a visual string would keep its end instead. `fallback` is the direction
        of a text with no letter to decide by (`١٢٪` reads right to left in an Arabic row).
        """
        text = safe(text)
        if width <= 0 or not text:
            return Fitted("", 0, False)
        line = bidi_layout.truncate(
            text, width, direction=_direction(direction), fallback=fallback, mode=self.mode
        )
        return Fitted(paintable(line.visual), line.cells, line.rtl, line)

    def lines(
        self, text: str, width: int, direction: str = "auto", *, max_lines: int | None = None
    ) -> list[bidi_layout.VisualLine]:
        """`text` wrapped to `width` in logical order, each line ordered for display."""
        return bidi_layout.layout(
            safe_multiline(text),
            max(width, 1),
            direction=_direction(direction),
            mode=self.mode,
            max_lines=max_lines,
        )

    def visual(self, text: str, width: int = 200, direction: str = "auto") -> str:
        """A short visual string for a stock widget that must not wrap or crop it (palette).

        Labels are asked for again on every screen mount and bidi-mode change, so they are
        remembered; a left-to-right label with no right-to-left letter is its own visual form.
        """
        return _visual(text, width, _direction(direction), self.mode)


@lru_cache(maxsize=2048)
def _visual(text: str, width: int, direction: str, mode: str) -> str:
    if direction != "rtl" and not _RIGHT_TO_LEFT.search(text) and cell_len(text) <= width:
        return paintable(text).translate(_NO_ISOLATES).strip(" ")
    return Bidi(mode).fit(text, width, direction).text


def safe_multiline(text: str) -> str:
    """Like `safe`, but newlines survive (they separate paragraphs)."""
    return "\n".join(safe(part) for part in text.split("\n"))


def _direction(direction: str | None) -> str:
    return direction if direction in ("rtl", "ltr") else "auto"


def pad(text: str, cells: int, width: int, *, right: bool) -> str:
    """`text` (already `cells` wide) padded to `width`, flush right when `right`."""
    gap = max(width - cells, 0)
    return " " * gap + text if right else text + " " * gap


def styled_cells(text: str, style: Style, marks: list[tuple[int, int, Style]]) -> list[Segment]:
    """`text` as segments in `style`, with the cell ranges `[a, b)` of `marks` restyled.

    Ranges are in cells, as `VisualLine.columns` gives them (a wide character is two); a later
    mark wins where two overlap (a figure over a search match).
    """
    if not marks:
        return [Segment(text, style)]
    cuts = sorted({c for a, b, _ in marks for c in (a, b) if 0 < c < cell_len(text)})
    pieces = Segment.divide([Segment(text, style)], [*cuts, cell_len(text)])
    out: list[Segment] = []
    at = 0
    for piece in pieces:
        piece_style = style
        for a, b, mark in marks:
            if a <= at < b:
                piece_style = style + mark
        for segment in piece:
            out.append(Segment(segment.text, piece_style))
            at += segment.cell_length
    return out


def fitted_segments(
    fitted: Fitted, width: int, style: Style, spans: tuple[tuple[int, int], ...], mark: Style
) -> list[Segment]:
    """A fitted text padded to `width` (flush right when RTL) with the source ranges `spans`
    (offsets into the text given to `Bidi.fit`) restyled with `mark`."""
    shift = max(width - fitted.cells, 0) if fitted.rtl else 0
    marks: list[tuple[int, int, Style]] = []
    if fitted.line is not None:
        for start, end in spans:
            marks.extend((a + shift, b + shift, mark) for a, b in fitted.line.columns(start, end))
    return styled_cells(pad(fitted.text, fitted.cells, width, right=fitted.rtl), style, marks)


def around_first_match(
    text: str, spans: tuple[tuple[int, int], ...], room: int
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """`text` cut at a word boundary a little before its first match, so that the match shows
    in `room` cells (a snippet is longer than a result row has room for); spans follow the cut."""
    if not spans or spans[0][0] < room // 3:
        return text, spans
    cut = text.rfind(" ", 0, max(spans[0][0] - room // 4, 1))
    if cut <= 0:
        return text, spans
    shift = cut  # text[cut] (the space) becomes the ellipsis
    shown = "…" + text[cut + 1 :]
    return shown, tuple((a - shift, b - shift) for a, b in spans if a - shift >= 1)


def width_of(text: str) -> int:
    """Terminal cells of `text`, with the table Textual paints with."""
    return cell_len(text)


ENGLISH = Translator()
"""The interface a widget speaks outside an `AkhbarApp` (a bare test app has no translator)."""


def translator_of(app: object) -> Translator:
    """The reader's translator (language, digits, calendar) of the app a widget runs in."""
    translator = getattr(app, "translator", None)
    return translator if isinstance(translator, Translator) else ENGLISH


def interface_direction(tr: Translator) -> str:
    """The direction akhbar's own labels are laid out in: the interface's, never guessed from
    the first letter (`Enter يفتح العنوان المحدد.` is an Arabic sentence that starts in Latin)."""
    return "rtl" if tr.rtl else "ltr"
