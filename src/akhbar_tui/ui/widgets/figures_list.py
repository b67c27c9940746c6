"""The key-figures pane: the open article's figures grouped by kind, each with its value.

Rows are grouped (money, percent, count, quantity, year, date, other) and keep reading order
inside a group; a group's name, in the reader's language, heads its first row. Each row shows the
figure as written (its span, shaped and ordered by `Bidi`) and its compact value in the reader's
language and digits (`$80B` / `80 مليار دولار`, see `figure_values`). In the Arabic interface a
row mirrors: the group name at the right edge, the value at the left.

Choosing one posts `VirtualList.Selected` with the row index, which is the index into
`figures` (the grouped list); the screen then scrolls the article to the figure's span.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.strip import Strip

from akhbar_tui.models import Figure
from akhbar_tui.ui.text import Bidi, interface_direction, pad, translator_of
from akhbar_tui.ui.widgets.figure_values import KIND_ORDER, grouped, value_text
from akhbar_tui.ui.widgets.virtual_list import VirtualList


class FiguresList(VirtualList):
    """One row per figure: group name (first row of a group), the span as written, its value."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Show", id="open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "figures-list--kind",
        "figures-list--value",
        "figures-list--empty",
    }

    def __init__(self, bidi: Bidi, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bidi = bidi
        self.figures: list[Figure] = []
        self.empty_text: str | None = None
        """What the pane says with no figures (logical text); None: no article is open."""

    def set_figures(self, figures: list[Figure], empty_text: str | None = None) -> None:
        """Show `figures` grouped by kind (or `empty_text`, already translated, when none)."""
        self.figures = grouped(figures)
        self.empty_text = empty_text
        self.set_count(len(self.figures), keep_cursor=0)

    def render_line(self, y: int) -> Strip:
        """The empty state on the first row when there is nothing to list."""
        if not self.figures and y == 0:
            width = self.scrollable_content_region.width
            tr = translator_of(self.app)
            style = self.rich_style + self.get_component_rich_style("figures-list--empty")
            empty = self.empty_text or tr("ui.figures.no_article")
            text = self.bidi.fit(empty, width, interface_direction(tr))
            row = pad(text.text, text.cells, width, right=text.rtl)
            return Strip([Segment(row, style)]).adjust_cell_length(width, self.rich_style)
        return super().render_line(y)

    def _kind_width(self) -> int:
        """Cells of the group-name column: the longest name in this language, and a space."""
        tr = translator_of(self.app)
        names = (cell_len(tr(f"ui.figure_kind.{kind}")) for kind in KIND_ORDER)
        return max(names) + 1

    def render_row(self, index: int, width: int, style: Style) -> Strip:
        """`kind  value  span`, mirrored in an RTL interface.

        The compact value is what a reader scans for (`$80B`), so it comes right after the group
        name; the span as the article wrote it follows when it fits whole. Neither is ever cut:
        `500 ألف ريال` cut to `50…` would read as another number. A value that says no more
        than the span (`31%`) is left out.
        """
        figure = self.figures[index]
        tr = translator_of(self.app)
        rtl = tr.rtl
        kind_width = min(self._kind_width(), max(width // 3, 1))
        heads_group = index == 0 or self.figures[index - 1].kind != figure.kind
        kind_style = style + self.get_component_rich_style("figures-list--kind", partial=True)
        value_style = style + self.get_component_rich_style("figures-list--value", partial=True)
        direction = interface_direction(tr)
        kind = self.bidi.fit(tr(f"ui.figure_kind.{figure.kind}"), kind_width - 1, direction)
        kind_text = pad(kind.text, kind.cells, kind_width - 1, right=rtl) if heads_group else ""
        room = max(width - kind_width, 1)
        value = value_text(figure, tr)
        shown = None
        if value and value != figure.span:
            shown = self.bidi.fit(value, room, direction)
        span_room = room - (shown.cells + 2 if shown is not None else 0)
        span = self.bidi.fit(figure.span, max(span_room, 1), fallback=direction)
        if shown is not None and span.line is not None and span.line.end < len(figure.span):
            span = None  # cut short: the value alone says it
        kind_text = kind_text or " " * (kind_width - 1)
        parts = [
            (f.text, f.cells, st)
            for f, st in ((shown, value_style), (span, style))
            if f is not None
        ]
        if not rtl:
            segments = [Segment(kind_text + " ", kind_style)]
            segments += [Segment(("  " if n else "") + t, st) for n, (t, _, st) in enumerate(parts)]
            return Strip(segments)
        used = sum(cells for _, cells, _ in parts) + 2 * max(len(parts) - 1, 0)
        segments = [Segment(" " * max(room - used, 0), style)]
        for n, (text, _, part_style) in reversed(list(enumerate(parts))):
            segments.append(Segment(text + ("  " if n else ""), part_style))
        segments.append(Segment(" " + kind_text, kind_style))
        return Strip(segments)
