"""The key-figures pane: each figure of the open article with its kind and value.

Choosing one posts `VirtualList.Selected`; the screen then scrolls the article to the figure's
span and highlights it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.strip import Strip

from akhbar_tui.models import Figure
from akhbar_tui.ui.text import Bidi
from akhbar_tui.ui.widgets.virtual_list import VirtualList


def value_text(figure: Figure) -> str:
    """The figure's value as a short string (`12,400,000,000 USD`, `45 %`, `2026`)."""
    value = figure.value
    if value is None:
        return ""
    if isinstance(value, int | float) and figure.kind not in ("year", "date"):
        value = f"{value:,.10g}" if isinstance(value, float) else f"{value:,}"
    unit = f" {figure.unit}" if figure.unit else ""
    return f"{value}{unit}"


class FiguresList(VirtualList):
    """One row per figure: kind, the span as written, its value."""

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
        self.empty_text = "No article open."

    def set_figures(self, figures: list[Figure], empty_text: str) -> None:
        """Show `figures` (or `empty_text` when there are none)."""
        self.figures = figures
        self.empty_text = empty_text
        self.set_count(len(figures), keep_cursor=0)

    def render_line(self, y: int) -> Strip:
        """The empty state on the first row when there is nothing to list."""
        if not self.figures and y == 0:
            width = self.scrollable_content_region.width
            style = self.rich_style + self.get_component_rich_style("figures-list--empty")
            text = self.bidi.fit(self.empty_text, width)
            return Strip([Segment(text.text, style)]).adjust_cell_length(width, self.rich_style)
        return super().render_line(y)

    def render_row(self, index: int, width: int, style: Style) -> Strip:
        """`kind  span  value`: the span shaped and ordered first, the value in what is left."""
        figure = self.figures[index]
        kind = figure.kind.ljust(9)
        span = self.bidi.fit(figure.span, max(width - len(kind), 1))
        value = value_text(figure)
        room = width - len(kind) - span.cells - 2
        segments = [
            Segment(
                kind, style + self.get_component_rich_style("figures-list--kind", partial=True)
            ),
            Segment(span.text, style),
        ]
        if value and value != figure.span and room > 1:
            shown = self.bidi.fit(value, room, "ltr")
            segments.append(
                Segment(
                    "  " + shown.text,
                    style + self.get_component_rich_style("figures-list--value", partial=True),
                )
            )
        return Strip(segments)
