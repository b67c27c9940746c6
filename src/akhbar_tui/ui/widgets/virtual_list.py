"""A cursor list painted with the Line API: only the visible rows are ever rendered.

Textual's OptionList builds every option up front (3.4 s to mount 50,000 here); this list only
knows how many rows there are and asks its subclass to paint row `i` when it scrolls into view,
so its cost does not grow with the row count.

| Key | Action |
| --- | --- |
| `j`, `down` | next row |
| `k`, `up` | previous row |
| `home`, `end` | first, last row |
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from akhbar_tui.ui.text import Bidi, interface_direction, pad, translator_of


class VirtualList(ScrollView, can_focus=True):
    """A scrollable list of `count` rows with a cursor; subclasses paint rows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", id="cursor.down", show=False),
        Binding("k,up", "cursor_up", "Up", id="cursor.up", show=False),
        Binding("home", "first", "First", id="cursor.first", show=False),
        Binding("end", "last", "Last", id="cursor.last", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-list--cursor",
        "virtual-list--cursor-blurred",
        "virtual-list--empty",
    }

    cursor: reactive[int] = reactive(0, always_update=False, init=False)

    class Highlighted(Message):
        """The cursor moved to `index`."""

        def __init__(self, control: VirtualList, index: int) -> None:
            super().__init__()
            self._control = control
            self.index = index

        @property
        def control(self) -> VirtualList:
            """The list whose cursor moved."""
            return self._control

    class Selected(Message):
        """Row `index` was chosen (Enter or a click)."""

        def __init__(self, control: VirtualList, index: int) -> None:
            super().__init__()
            self._control = control
            self.index = index

        @property
        def control(self) -> VirtualList:
            """The list whose row was chosen."""
            return self._control

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._count = 0
        self.bidi = Bidi()
        """Shapes and orders what the rows paint (subclasses are given the app's)."""

    @property
    def count(self) -> int:
        """How many rows the list has."""
        return self._count

    def set_count(self, count: int, *, keep_cursor: int | None = None) -> None:
        """Change the row count; the cursor goes to `keep_cursor` (or is clamped)."""
        self._count = max(count, 0)
        self.virtual_size = Size(self.scrollable_content_region.width, self._count)
        target = self.cursor if keep_cursor is None else keep_cursor
        target = min(max(target, 0), max(self._count - 1, 0))
        self.set_reactive(VirtualList.cursor, target)
        self.refresh()

    def render_row(self, index: int, width: int, style: Style) -> Strip:
        """Paint row `index` across `width` cells on top of `style` (the cursor's or the base)."""
        raise NotImplementedError

    def empty_hint(self) -> str:
        """What the first row says when the list has no rows (subclasses say what to do), in
        logical order: it is shaped and ordered here, flush right when it reads right to left."""
        return ""

    def render_line(self, y: int) -> Strip:
        """Paint screen row `y`: the row at `scroll_y + y`, or blank past the end."""
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        base = self.rich_style
        if index >= self._count:
            hint = self.empty_hint() if self._count == 0 and index == 0 else ""
            if hint:
                style = base + self.get_component_rich_style("virtual-list--empty")
                fitted = self.bidi.fit(hint, width, interface_direction(translator_of(self.app)))
                text = pad(fitted.text, fitted.cells, width, right=fitted.rtl)
                return Strip([Segment(text, style)]).adjust_cell_length(width, base)
            return Strip([Segment(" " * width, base)], width)
        style = base
        if index == self.cursor:
            name = "virtual-list--cursor" if self.has_focus else "virtual-list--cursor-blurred"
            style = base + self.get_component_rich_style(name)
        return self.render_row(index, width, style).adjust_cell_length(width, style)

    def watch_cursor(self, old: int, new: int) -> None:
        """Repaint the two rows that changed and keep the cursor on screen."""
        self.refresh_line(old)
        self.refresh_line(new)
        self.scroll_to_show(new)
        self.post_message(self.Highlighted(self, new))

    def scroll_to_show(self, index: int) -> None:
        """Scroll the least needed to bring row `index` into view."""
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if index < top:
            self.scroll_to(y=index, animate=False, immediate=True)
        elif height and index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False, immediate=True)

    def move_to(self, index: int) -> None:
        """Put the cursor on `index` (clamped to the rows there are)."""
        if self._count:
            self.cursor = min(max(index, 0), self._count - 1)

    def action_cursor_down(self) -> None:
        """Next row."""
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        """Previous row."""
        self.move_to(self.cursor - 1)

    def action_first(self) -> None:
        """First row."""
        self.move_to(0)

    def action_last(self) -> None:
        """Last row."""
        self.move_to(self._count - 1)

    def action_select(self) -> None:
        """Choose the row under the cursor."""
        if self._count:
            self.post_message(self.Selected(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor there; a second click on it chooses it."""
        index = self.scroll_offset.y + event.y
        if 0 <= index < self._count:
            if index == self.cursor or event.chain > 1:
                self.post_message(self.Selected(self, index))
            self.cursor = index

    def on_focus(self) -> None:
        """The cursor's colour depends on focus."""
        self.refresh_line(self.cursor)

    def on_blur(self) -> None:
        """The cursor's colour depends on focus."""
        self.refresh_line(self.cursor)

    def on_resize(self) -> None:
        """Keep the virtual width equal to the visible one, and the cursor in view."""
        self.virtual_size = Size(self.scrollable_content_region.width, self._count)
        self.scroll_to_show(self.cursor)
