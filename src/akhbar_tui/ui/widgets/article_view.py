"""The article pane: title, meta line, body blocks and numbered links, painted with the Line API.

Blocks are wrapped by `bidi_layout` at the pane's width, in logical order, and each line is then
reordered for display; RTL lines sit flush right. Only the first screen is laid out before the
first paint; the rest follows in slices on later turns of the event loop, and a resize lays it all
out again at the new width. A figure can be highlighted by its span in the article's plain text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from akhbar_tui.bidi_layout import VisualLine
from akhbar_tui.ui.text import Bidi, pad
from akhbar_tui.ui.widgets.article_doc import Doc

SLICE = 40


@dataclass(slots=True)
class Painted:
    """One screen row of the article: its laid-out line, style, prefix and source block."""

    line: VisualLine | None
    style: str
    prefix: str = ""
    block: int = -1


class ArticleView(ScrollView, can_focus=True):
    """Scrolls the open article; `j`/`k` scroll a line, `space`/`pagedown` a page."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Down", id="article.down", show=False),
        Binding("k,up", "scroll_up", "Up", id="article.up", show=False),
        Binding("space,pagedown", "page_down", "Page", id="article.page_down", show=False),
        Binding("pageup,b", "page_up", "Page up", id="article.page_up", show=False),
        Binding("home", "scroll_home", "Top", id="article.top", show=False),
        Binding("end", "scroll_end", "End", id="article.end", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--title",
        "article-view--meta",
        "article-view--heading",
        "article-view--quote",
        "article-view--pre",
        "article-view--link",
        "article-view--figure",
        "article-view--empty",
    }

    def __init__(self, bidi: Bidi, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bidi = bidi
        self.doc: Doc | None = None
        self.lines: list[Painted] = []
        self._next_block = 0
        self._partial = 0
        self._width = 0
        self._layout_round = 0
        self.highlight: tuple[int, int] | None = None

    @property
    def complete(self) -> bool:
        """True once every block is laid out at the current width."""
        return self.doc is None or (self._next_block >= len(self.doc.blocks) and not self._partial)

    def show(self, doc: Doc | None) -> None:
        """Show `doc` from its top: the first screen now, the rest right after."""
        self.doc = doc
        self.highlight = None
        self.scroll_to(y=0, animate=False, immediate=True)
        self._relayout()

    def _relayout(self) -> None:
        self._layout_round += 1
        self.lines = []
        self._next_block = 0
        self._partial = 0
        self._width = self.scrollable_content_region.width or self.size.width or 80
        height = self.scrollable_content_region.height or self.size.height or 24
        self._extend(until_lines=height + int(self.scroll_offset.y) + 1)
        self._sync_size()
        self.refresh()
        if not self.complete:
            round_ = self._layout_round
            self.call_after_refresh(self._continue, round_)

    def _continue(self, round_: int) -> None:
        if round_ != self._layout_round or self.complete:
            return
        self._extend(blocks=SLICE)
        self._sync_size()
        if not self.complete:
            self.call_later(self._continue, round_)

    def finish_layout(self) -> None:
        """Lay out everything now (before scrolling to a far line)."""
        self._extend(blocks=None)
        self._sync_size()

    def _extend(self, *, until_lines: int | None = None, blocks: int | None = None) -> None:
        if self.doc is None:
            return
        if self._partial:
            del self.lines[-self._partial :]
            self._partial = 0
        done = 0
        while self._next_block < len(self.doc.blocks):
            if until_lines is not None and len(self.lines) >= until_lines:
                break
            if blocks is not None and done >= blocks:
                break
            room = None if until_lines is None else until_lines - len(self.lines)
            rows = self._lay_block(self._next_block, room)
            self.lines.extend(rows)
            if room is not None and len(rows) >= room:
                self._partial = len(rows)  # the block may go on: laid out in full next time
                break
            self._next_block += 1
            done += 1

    def _lay_block(self, index: int, max_lines: int | None = None) -> list[Painted]:
        block = self.doc.blocks[index] if self.doc is not None else None
        if block is None or not block.text:
            return [Painted(None, "body", block=index)]
        inner = max(self._width - len(block.prefix), 1)
        lines = self.bidi.lines(block.text, inner, block.direction, max_lines=max_lines)
        blank = " " * len(block.prefix)
        return [
            Painted(line, block.style, block.prefix if n == 0 else blank, index)
            for n, line in enumerate(lines)
        ]

    def _sync_size(self) -> None:
        self.virtual_size = Size(self._width, len(self.lines))

    def on_resize(self) -> None:
        """A new width means new line breaks: lay out again, keeping the reader's block."""
        width = self.scrollable_content_region.width
        if width == self._width or self.doc is None:
            return
        top = int(self.scroll_offset.y)
        block = self.lines[top].block if top < len(self.lines) else 0
        self._relayout()
        self.finish_layout()
        row = next((i for i, line in enumerate(self.lines) if line.block >= block), 0)
        self.scroll_to(y=row, animate=False, immediate=True)

    def render_line(self, y: int) -> Strip:
        """Paint one row: prefix and text, RTL rows flush right, a highlighted figure marked."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = int(self.scroll_offset.y) + y
        if self.doc is None:
            if y == 0:
                style = base + self.get_component_rich_style("article-view--empty")
                empty = Strip([Segment("Enter opens the highlighted headline.", style)])
                return empty.adjust_cell_length(width, base)
            return Strip.blank(width, base)
        if index >= len(self.lines):
            return Strip.blank(width, base)
        row = self.lines[index]
        style = base
        if row.style != "body":
            style = base + self.get_component_rich_style(f"article-view--{row.style}")
        line = row.line
        if line is None:
            return Strip.blank(width, base)
        inner = width - len(row.prefix)
        shift = max(inner - line.cells, 0) if line.rtl else 0
        body = pad(line.visual, line.cells, inner, right=line.rtl)
        segments = self._segments(row, body, style, shift)
        if line.rtl:
            segments.append(Segment(row.prefix[::-1], style))
        else:
            segments.insert(0, Segment(row.prefix, style))
        return Strip(segments).adjust_cell_length(width, base)

    def _segments(self, row: Painted, body: str, style: Style, shift: int) -> list[Segment]:
        """`body` cut into plain and highlighted pieces (a figure may be split by reordering)."""
        spans = self._highlight_columns(row)
        if not spans:
            return [Segment(body, style)]
        mark = style + self.get_component_rich_style("article-view--figure")
        segments: list[Segment] = []
        at = 0
        for left, right in spans:
            segments.append(Segment(body[at : left + shift], style))
            segments.append(Segment(body[left + shift : right + shift], mark))
            at = right + shift
        segments.append(Segment(body[at:], style))
        return segments

    def _highlight_columns(self, row: Painted) -> list[tuple[int, int]]:
        """Columns of `row.visual` showing the highlighted span (character columns, 1 cell each)."""
        if self.highlight is None or self.doc is None or row.line is None or row.block < 0:
            return []
        offset = self.doc.blocks[row.block].offset
        if offset is None:
            return []
        return row.line.columns(self.highlight[0] - offset, self.highlight[1] - offset)

    def show_span(self, start: int, end: int) -> None:
        """Highlight the text at [start, end) of the article's plain text and scroll to it."""
        if self.doc is None:
            return
        self.finish_layout()
        self.highlight = (start, end)
        for row, line in enumerate(self.lines):
            if self._highlight_columns(line):
                height = self.scrollable_content_region.height
                self.scroll_to(y=max(row - height // 3, 0), animate=False, immediate=True)
                break
        self.refresh()

    def action_page_down(self) -> None:
        """A screen further (laying out the rest first if it is not there yet)."""
        self.finish_layout()
        step = max(self.scrollable_content_region.height - 1, 1)
        self.scroll_to(y=self.scroll_offset.y + step, animate=False)

    def action_page_up(self) -> None:
        """A screen back."""
        step = max(self.scrollable_content_region.height - 1, 1)
        self.scroll_to(y=max(self.scroll_offset.y - step, 0), animate=False)
