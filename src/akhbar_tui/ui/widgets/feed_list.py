"""The feeds pane: "all", "starred", then each category and its feeds, with unread counts.

A feed whose last refresh failed carries a `!`; the reason is shown in the status line when the
row is highlighted (the screen reads `FeedEntry.reason`, the engine's words, stored as they came).

The "all" and "starred" rows are named in the reader's language (`ui.feeds.all`/`starred`) and
counts are in the reader's digits. In an Arabic interface a row mirrors: the count column at the
left, the failing mark and the indentation at the right. A name aligns to its own start (Arabic
flush right, English flush left) in both interfaces.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import ClassVar, Literal

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.strip import Strip

from akhbar_tui.i18n import Translator
from akhbar_tui.models import Feed, HeadlineQuery
from akhbar_tui.ui.text import ENGLISH, Bidi, pad, translator_of
from akhbar_tui.ui.widgets.virtual_list import VirtualList

EntryKind = Literal["all", "starred", "category", "feed"]


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One row of the feeds pane and the headline query it stands for."""

    kind: EntryKind
    label: str
    unread: int = 0
    feed_id: int | None = None
    category: str | None = None
    reason: str | None = None
    direction: str = "auto"

    def query(self, unread_only: bool) -> HeadlineQuery:
        """The headlines this entry lists."""
        return HeadlineQuery(
            feed_id=self.feed_id,
            category=self.category if self.kind == "category" else None,
            starred_only=self.kind == "starred",
            unread_only=unread_only,
        )


def build_entries(feeds: Iterable[Feed], tr: Translator = ENGLISH) -> list[FeedEntry]:
    """Rows: "all", "starred" (named in `tr`'s language), then each category (first-seen order)
    with its feeds."""
    feeds = list(feeds)
    all_label, starred = tr("ui.feeds.all"), tr("ui.feeds.starred")
    groups: dict[str, list[Feed]] = {}
    for feed in feeds:
        groups.setdefault(feed.category or "", []).append(feed)
    entries = [
        FeedEntry("all", all_label, sum(f.unread for f in feeds)),
        FeedEntry("starred", starred),
    ]
    for category, members in groups.items():
        if category:
            entries.append(
                FeedEntry("category", category, sum(f.unread for f in members), category=category)
            )
        for feed in members:
            entries.append(
                FeedEntry(
                    "feed",
                    feed.title,
                    feed.unread,
                    feed_id=feed.id,
                    category=feed.category,
                    reason=feed.last_error,
                    direction=feed.direction,
                )
            )
    return entries


class FeedList(VirtualList):
    """The feed entries, painted one line each; Enter lists a feed's headlines."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Show", id="open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "feed-list--category",
        "feed-list--count",
        "feed-list--failing",
    }

    def __init__(self, bidi: Bidi, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bidi = bidi
        self.entries: list[FeedEntry] = []
        self._count_width = 1

    def set_entries(self, entries: list[FeedEntry]) -> None:
        """Show `entries`, keeping the cursor on the same feed when it is still there.

        The "all" and "starred" rows are (re)named in the reader's language here, so entries
        built without a translator still read right (and the palette and status line, which read
        `label`, say the same).
        """
        current = self.highlighted
        tr = translator_of(self.app)
        self.entries = [_named(entry, tr) for entry in entries]
        self._count_width = max((len(self._unread_text(e, tr)) for e in entries), default=1)
        keep = 0
        if current is not None:
            keep = next(
                (
                    i
                    for i, e in enumerate(entries)
                    if (e.kind, e.feed_id, e.category)
                    == (current.kind, current.feed_id, current.category)
                ),
                0,
            )
        self.set_count(len(entries), keep_cursor=keep)

    @property
    def highlighted(self) -> FeedEntry | None:
        """The entry under the cursor."""
        return self.entries[self.cursor] if 0 <= self.cursor < len(self.entries) else None

    @staticmethod
    def _unread_text(entry: FeedEntry, tr: Translator) -> str:
        """The unread count in the reader's digits; blank when nothing is unread."""
        return tr.number(entry.unread, grouping=False) if entry.unread else ""

    def render_row(self, index: int, width: int, style: Style) -> Strip:
        """Indent, failing mark, label (aligned to its own start) and the count in its own
        column; mirrored in a right-to-left interface."""
        entry = self.entries[index]
        tr = translator_of(self.app)
        count_width = self._count_width
        count = self._unread_text(entry, tr)
        mark = "!" if entry.reason else " "
        indent = "  " if entry.kind == "feed" and entry.category else ""
        label_width = max(width - len(indent) - 1 - 1 - count_width, 1)
        label = self.bidi.fit(entry.label, label_width, entry.direction)
        label_style = style
        if entry.kind in ("all", "starred", "category"):
            label_style = style + self.get_component_rich_style("feed-list--category", partial=True)
        count_style = style + self.get_component_rich_style("feed-list--count", partial=True)
        mark_style = style + self.get_component_rich_style("feed-list--failing", partial=True)
        label_cell = Segment(
            pad(label.text, label.cells, label_width, right=label.rtl), label_style
        )
        if tr.rtl:
            return Strip(
                [
                    Segment(count.ljust(count_width) + " ", count_style),
                    label_cell,
                    Segment(mark, mark_style),
                    Segment(indent, style),
                ]
            )
        return Strip(
            [
                Segment(indent, style),
                Segment(mark, mark_style),
                label_cell,
                Segment(" " + count.rjust(count_width), count_style),
            ]
        )


def _named(entry: FeedEntry, tr: Translator) -> FeedEntry:
    """`entry` with the name the reader's language gives the "all" and "starred" rows."""
    if entry.kind in ("all", "starred"):
        return replace(entry, label=tr(f"ui.feeds.{entry.kind}"))
    return entry
