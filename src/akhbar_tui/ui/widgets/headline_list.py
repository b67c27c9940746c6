"""The headline list: a virtual list whose rows are fetched from the engine a page at a time.

A row is `mark title feed age` (or `mark title snippet age` for a search result); in an Arabic
interface it mirrors to `age feed title mark`, the age at the left edge and the marks at the
right. A title aligns to its own start in both: an Arabic title flush right, an English one flush
left in its cell range (its first word is where the eye starts reading it). The feed column
follows the interface (flush left in English, flush right in Arabic). Ages are the translator's
compact form (`5m` / `5 د`) in the reader's digits; titles are painted as the feed wrote them.

The widget never calls the engine: when a row it must paint is not loaded it posts `WantPage`,
and the screen's worker answers with `put_page`. A generation number ties every page to the query
it was asked for, so a late answer for an old query is dropped instead of painted.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip

from akhbar_tui.models import Headline, SearchHit
from akhbar_tui.ui.text import (
    Bidi,
    Fitted,
    around_first_match,
    fitted_segments,
    interface_direction,
    pad,
    translator_of,
)
from akhbar_tui.ui.widgets.virtual_list import VirtualList

PAGE = 200


@dataclasses.dataclass(frozen=True, slots=True)
class ListState:
    """Where the list was: rows loaded, cursor and scroll (restored when a search ends)."""

    count: int
    pages: dict[int, list[Headline]]
    cursor: int
    top: int


def hit_headline(hit: SearchHit) -> Headline:
    """A search hit as a headline row (so read, star, open and links act on it alike)."""
    return Headline(
        id=hit.id,
        feed_id=hit.feed_id,
        feed_title=hit.feed_title,
        title=hit.title,
        published=hit.published,
        read=hit.read,
        starred=hit.starred,
        direction=hit.direction,
        lang=hit.lang,
        link=hit.link,
    )


class HeadlineList(VirtualList):
    """Title, feed and age of each headline; unread bold, starred marked, RTL flush right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", id="open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "headline-list--unread",
        "headline-list--read",
        "headline-list--meta",
        "headline-list--star",
        "headline-list--match",
    }

    class WantPage(Message):
        """Rows of page `page` (PAGE rows each) are needed to paint the list."""

        def __init__(self, generation: int, page: int) -> None:
            super().__init__()
            self.generation = generation
            self.page = page

    def __init__(self, bidi: Bidi, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bidi = bidi
        self.generation = 0
        self._pages: dict[int, list[Headline]] = {}
        self._asked: set[int] = set()
        self._now = datetime.now(UTC)
        self._fitted: dict[tuple[int, int, int], tuple[Fitted, Fitted | None]] = {}
        self.hits: dict[int, SearchHit] | None = None
        self._hit_fitted: dict[
            tuple[int, int, int], tuple[Fitted, Fitted | None, tuple[tuple[int, int], ...]]
        ] = {}
        """Search results by article id while the list shows them (None: a feed's list)."""

    def reset(
        self,
        count: int,
        *,
        cursor: int = 0,
        pages: dict[int, list[Headline]] | None = None,
        top: int | None = None,
    ) -> int:
        """Show a new result: `count` rows, some pages already loaded; returns the generation.

        `top` keeps the row on screen at the same height it had (new articles arriving above the
        selection push the list down, not the reader's eye).
        """
        self.generation += 1
        self._pages = dict(pages or {})
        self._asked = set()
        self._fitted.clear()
        self._now = getattr(self.app, "now", lambda: datetime.now(UTC))()
        self.set_count(count, keep_cursor=cursor)
        if top is not None:
            self.scroll_to(y=max(top, 0), animate=False, immediate=True)
        self.scroll_to_show(self.cursor)
        self.post_message(self.Highlighted(self, self.cursor))
        return self.generation

    def empty_hint(self) -> str:
        """Say why the list is empty and what to do, once the count is known (a reset ran)."""
        if self.generation == 0:
            return ""
        tr = translator_of(self.app)
        if self.hits is not None:
            return tr("ui.pane.headlines.no_match")
        return tr("ui.pane.headlines.empty")

    def snapshot(self) -> ListState:
        """The list as it is now, to come back to."""
        return ListState(self.count, dict(self._pages), self.cursor, int(self.scroll_offset.y))

    def restore(self, state: ListState) -> None:
        """Show a snapshot again: same rows, cursor and scroll position."""
        self.hits = None
        self.reset(state.count, cursor=state.cursor, pages=state.pages, top=state.top)

    def show_hits(self, hits: list[SearchHit]) -> None:
        """List search results (all loaded at once: a search returns at most a page)."""
        self.hits = {hit.id: hit for hit in hits}
        self._hit_fitted.clear()
        self.reset(len(hits), pages={0: [hit_headline(hit) for hit in hits]}, top=0)

    def put_page(self, generation: int, page: int, rows: list[Headline]) -> None:
        """Store rows fetched for `page` and repaint, unless they belong to an older query."""
        if generation != self.generation:
            return
        self._pages[page] = rows
        self._asked.discard(page)
        self.refresh()
        if page * PAGE <= self.cursor < (page + 1) * PAGE:
            self.post_message(self.Highlighted(self, self.cursor))

    def headline_at(self, index: int) -> Headline | None:
        """The headline on row `index`, or None while its page is loading."""
        rows = self._pages.get(index // PAGE)
        if rows is None:
            return None
        offset = index % PAGE
        return rows[offset] if offset < len(rows) else None

    @property
    def highlighted(self) -> Headline | None:
        """The headline under the cursor, if loaded."""
        return self.headline_at(self.cursor) if self.count else None

    def index_of(self, article_id: int) -> int | None:
        """The row of a loaded headline with this id."""
        for page, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row.id == article_id:
                    return page * PAGE + offset
        return None

    def update_state(
        self, article_id: int, *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        """Reflect a read/star change on a loaded row without a reload."""
        index = self.index_of(article_id)
        if index is None:
            return
        rows = self._pages[index // PAGE]
        row = rows[index % PAGE]
        changes = {k: v for k, v in (("read", read), ("starred", starred)) if v is not None}
        rows[index % PAGE] = dataclasses.replace(row, **changes)
        self.refresh_line(index)

    def loaded_rows(self) -> list[tuple[int, Headline]]:
        """Every loaded (row, headline), in row order (for next/previous unread)."""
        return sorted(
            (page * PAGE + offset, row)
            for page, rows in self._pages.items()
            for offset, row in enumerate(rows)
        )

    def _age(self, headline: Headline) -> Fitted:
        """The compact age (`5m` / `5 د`) in the reader's language and digits, ordered."""
        tr = translator_of(self.app)
        age = tr.age(headline.published, self._now)
        return self.bidi.fit(age, 8, interface_direction(tr))

    def _mark(self, headline: Headline, rtl: bool) -> str:
        """Two cells: a star, an unread dot, or blank; the mark sits against the row's edge."""
        mark = "★" if headline.starred else ("•" if not headline.read else " ")
        return " " + mark if rtl else mark + " "

    def render_row(self, index: int, width: int, style: Style) -> Strip:
        """Mark, title (aligned to its own start), feed and age, fitted to `width`; mirrored
        in a right-to-left interface."""
        headline = self.headline_at(index)
        meta_style = style + self.get_component_rich_style("headline-list--meta", partial=True)
        if headline is None:
            self._ask(index // PAGE)
            return Strip([Segment("…", meta_style)])
        if self.hits is not None and headline.id in self.hits:
            return self._hit_row(self.hits[headline.id], headline, width, style)
        rtl = translator_of(self.app).rtl
        weight = "headline-list--read" if headline.read else "headline-list--unread"
        title_style = style + self.get_component_rich_style(weight, partial=True)
        age = self._age(headline)
        age_width = max(age.cells, 4)
        feed_width = min(18, width // 5) if width >= 60 else 0
        title_width = max(width - 2 - age_width - 1 - (feed_width + 1 if feed_width else 0), 1)
        mark_style = style + self.get_component_rich_style("headline-list--star", partial=True)
        title, feed = self._fit(headline, title_width, feed_width)
        mark = Segment(self._mark(headline, rtl), mark_style if headline.starred else title_style)
        parts = [[Segment(pad(title.text, title.cells, title_width, right=title.rtl), title_style)]]
        if feed is not None:
            feed_text = pad(feed.text, feed.cells, feed_width, right=rtl)
            parts.append([Segment(" " + feed_text, meta_style)])
        parts.append(
            [Segment(" " + pad(age.text, age.cells, age_width, right=not rtl), meta_style)]
        )
        return _row(mark, parts, rtl)

    def _hit_row(self, hit: SearchHit, headline: Headline, width: int, style: Style) -> Strip:
        """Mark, title and snippet with the matched words marked, and the age (mirrored in a
        right-to-left interface)."""
        rtl = translator_of(self.app).rtl
        meta_style = style + self.get_component_rich_style("headline-list--meta", partial=True)
        weight = "headline-list--read" if headline.read else "headline-list--unread"
        title_style = style + self.get_component_rich_style(weight, partial=True)
        mark_style = self.get_component_rich_style("headline-list--match", partial=True)
        age = self._age(headline)
        age_width = max(age.cells, 4)
        room = max(width - 2 - age_width - 1, 2)
        snippet_width = room // 2 if width >= 60 else 0
        title_width = max(room - (snippet_width + 1 if snippet_width else 0), 1)
        title, snippet, snippet_spans = self._fit_hit(hit, title_width, snippet_width)
        parts = [fitted_segments(title, title_width, title_style, hit.title_matches, mark_style)]
        if snippet is not None:
            parts.append(
                [
                    Segment(" ", meta_style),
                    *fitted_segments(snippet, snippet_width, meta_style, snippet_spans, mark_style),
                ]
            )
        parts.append(
            [Segment(" " + pad(age.text, age.cells, age_width, right=not rtl), meta_style)]
        )
        return _row(Segment(self._mark(headline, rtl), title_style), parts, rtl)

    def _fit_hit(
        self, hit: SearchHit, title_width: int, snippet_width: int
    ) -> tuple[Fitted, Fitted | None, tuple[tuple[int, int], ...]]:
        """Shaped, truncated title and snippet (cut to show its first match), kept per row."""
        key = (hit.id, title_width, -1 - snippet_width)
        fitted = self._hit_fitted.get(key)
        if fitted is None:
            title = self.bidi.fit(hit.title, title_width, hit.direction)
            snippet, spans = around_first_match(hit.snippet, hit.snippet_matches, snippet_width)
            shown = self.bidi.fit(snippet, snippet_width) if snippet_width else None
            fitted = self._hit_fitted[key] = (title, shown, spans)
        return fitted

    def _fit(
        self, headline: Headline, title_width: int, feed_width: int
    ) -> tuple[Fitted, Fitted | None]:
        """Shaped, truncated title and feed name, kept per row and width (repaints are free)."""
        key = (headline.id, title_width, feed_width)
        fitted = self._fitted.get(key)
        if fitted is None:
            if len(self._fitted) > 4 * PAGE:
                self._fitted.clear()
            title = self.bidi.fit(headline.title, title_width, headline.direction)
            feed = self.bidi.fit(headline.feed_title, feed_width) if feed_width else None
            fitted = self._fitted[key] = (title, feed)
        return fitted

    def forget_layout(self) -> None:
        """Drop the fitted rows (the bidi mode changed) and repaint."""
        self._fitted.clear()
        self._hit_fitted.clear()
        self.refresh()

    def _ask(self, page: int) -> None:
        if page not in self._asked:
            self._asked.add(page)
            self.post_message(self.WantPage(self.generation, page))


def _row(mark: Segment, parts: list[list[Segment]], rtl: bool) -> Strip:
    """The mark and the columns (each but the first led by a separating space), left to right,
    or mirrored: columns in reverse order, each separator moved to its column's other side."""
    if not rtl:
        return Strip([mark, *(seg for part in parts for seg in part)])
    return Strip([*(seg for part in reversed(parts) for seg in _flip(part)), mark])


def _flip(part: list[Segment]) -> list[Segment]:
    """A column whose leading separator space moves to its other side (the row is mirrored)."""
    if part and part[0].text.startswith(" "):
        first = part[0]
        rest = [Segment(first.text[1:], first.style), *part[1:]] if first.text[1:] else part[1:]
        return [*rest, Segment(" ", first.style)]
    return part
