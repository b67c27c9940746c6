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
from akhbar_tui.ui.text import (
    Bidi,
    interface_direction,
    pad,
    paintable,
    styled_cells,
    translator_of,
)
from akhbar_tui.ui.widgets.article_doc import Doc, build_doc

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
        "article-view--match",
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
        """The chosen figure's span in the article's plain text."""
        self.matches: tuple[tuple[int, int], ...] = ()
        """Search matches in the article's plain text."""
        self.title_matches: tuple[tuple[int, int], ...] = ()

    @property
    def complete(self) -> bool:
        """True once every block is laid out at the current width."""
        return self.doc is None or (self._next_block >= len(self.doc.blocks) and not self._partial)

    def show(self, doc: Doc | None) -> None:
        """Show `doc` from its top: the first screen now, the rest right after.

        A doc whose header was written for another reader (built without the app's translator)
        gets its header again in the reader's language, calendar and digits.
        """
        tr = translator_of(self.app)
        if doc is not None and doc.tr != tr:
            doc = build_doc(doc.article, doc.text, doc.feed_title, tr=tr, country=doc.country)
        self.doc = doc
        self.highlight = None
        self.matches = self.title_matches = ()
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
        """Paint one row: prefix and text, RTL rows flush right, figure and matches marked."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = int(self.scroll_offset.y) + y
        if self.doc is None:
            if y == 0:
                style = base + self.get_component_rich_style("article-view--empty")
                tr = translator_of(self.app)
                hint = self.bidi.fit(tr("ui.article.empty"), width, interface_direction(tr))
                text = pad(hint.text, hint.cells, width, right=hint.rtl)
                return Strip([Segment(text, style)]).adjust_cell_length(width, base)
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
        body = pad(paintable(line.visual), line.cells, inner, right=line.rtl)
        marks = [(a + shift, b + shift, mark) for a, b, mark in self._marks(row)]
        segments = styled_cells(body, style, marks)
        if line.rtl:
            segments.append(Segment(row.prefix[::-1], style))
        else:
            segments.insert(0, Segment(row.prefix, style))
        return Strip(segments).adjust_cell_length(width, base)

    def _marks(self, row: Painted) -> list[tuple[int, int, Style]]:
        """Cell ranges of `row.visual` to restyle: search matches, then the chosen figure."""
        if self.doc is None or row.line is None or row.block < 0:
            return []
        block = self.doc.blocks[row.block]
        if block.style == "title":
            ranges, offset = [(s, e, "match") for s, e in self.title_matches], 0
        elif block.offset is None:
            return []
        else:
            ranges = [(s, e, "match") for s, e in self.matches]
            if self.highlight is not None:
                ranges.append((*self.highlight, "figure"))
            offset = block.offset
        line = row.line
        marks: list[tuple[int, int, Style]] = []
        for start, end, kind in ranges:
            if start - offset < line.end and line.start < end - offset:
                mark = self.get_component_rich_style(f"article-view--{kind}")
                marks.extend((a, b, mark) for a, b in line.columns(start - offset, end - offset))
        return marks

    def row_of(self, start: int, end: int) -> int | None:
        """The first laid-out row showing any of the plain-text range [start, end)."""
        for index, row in enumerate(self.lines):
            block = self.doc.blocks[row.block] if self.doc and row.block >= 0 else None
            if block is None or block.offset is None or row.line is None:
                continue
            lo, hi = start - block.offset, end - block.offset
            if lo < row.line.end and row.line.start < hi and row.line.columns(lo, hi):
                return index
        return None

    def show_span(self, start: int, end: int) -> None:
        """Highlight the text at [start, end) of the article's plain text and scroll to it."""
        if self.doc is None:
            return
        self.finish_layout()
        self.highlight = (start, end)
        self._scroll_near(self.row_of(start, end))
        self.refresh()

    def show_matches(self, matches: list[tuple[int, int]], title: list[tuple[int, int]]) -> None:
        """Mark search matches (plain-text and title offsets) and bring the first into view."""
        self.matches = tuple(matches)
        self.title_matches = tuple(title)
        if matches and self.doc is not None:
            self.finish_layout()
            self._scroll_near(self.row_of(*matches[0]))
        self.refresh()

    def _scroll_near(self, row: int | None) -> None:
        """Scroll so `row` sits a third of the way down (it stays in context)."""
        if row is not None:
            height = self.scrollable_content_region.height
            self.scroll_to(y=max(row - height // 3, 0), animate=False, immediate=True)

    def action_page_down(self) -> None:
        """A screen further (laying out the rest first if it is not there yet)."""
        self.finish_layout()
        step = max(self.scrollable_content_region.height - 1, 1)
        self.scroll_to(y=self.scroll_offset.y + step, animate=False)

    def action_page_up(self) -> None:
        """A screen back."""
        step = max(self.scrollable_content_region.height - 1, 1)
        self.scroll_to(y=max(self.scroll_offset.y - step, 0), animate=False)
