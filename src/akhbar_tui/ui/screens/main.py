"""The main screen: feeds · headlines · article · figures, and the status line.

The panes only paint and post messages; this screen answers them by running the engine in short
thread workers (one exclusive group per pane) and handing the results back to the panes. Key
actions that act on the article or the feed live in `ReadingActions`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget

from akhbar_tui.models import Article, Feed, Headline, HeadlineQuery
from akhbar_tui.ui.footer import ReaderFooter
from akhbar_tui.ui.messages import BidiModeChanged, FeedsChanged
from akhbar_tui.ui.screens.opening import ArticleOpening
from akhbar_tui.ui.screens.reading import ReadingActions
from akhbar_tui.ui.screens.searching import SearchActions
from akhbar_tui.ui.status import StatusLine
from akhbar_tui.ui.widgets.article_view import ArticleView
from akhbar_tui.ui.widgets.feed_list import FeedEntry, FeedList, build_entries
from akhbar_tui.ui.widgets.figures_list import FiguresList
from akhbar_tui.ui.widgets.headline_list import PAGE, HeadlineList
from akhbar_tui.ui.widgets.virtual_list import VirtualList

if TYPE_CHECKING:
    from akhbar_tui.ui.app import AkhbarApp
    from akhbar_tui.ui.widgets.article_doc import Doc

PANES = ("feeds", "headlines", "article", "figures")
NARROW_WIDTH = 100


class MainScreen(SearchActions, ArticleOpening, ReadingActions, Screen[None]):
    """The reader: four panes, a status line and the Footer."""

    AUTO_FOCUS = "#headlines"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "next_pane", "Next pane", id="pane.next", show=False, priority=True),
        Binding(
            "shift+tab",
            "previous_pane",
            "Previous pane",
            id="pane.previous",
            show=False,
            priority=True,
        ),
        Binding("escape", "back", "Back", id="back", show=False),
        Binding("space,pagedown", "page_article", "Page", id="article.page", show=False),
        Binding("pageup", "page_article_up", "Page up", id="article.page_back", show=False),
        Binding("n", "next_unread", "Next unread", id="unread.next"),
        Binding("p", "previous_unread", "Prev unread", id="unread.previous", show=False),
        Binding("r", "refresh_feed", "Refresh feed", id="refresh.feed", show=False),
        Binding("m", "toggle_read", "Read/unread", id="article.toggle_read", show=False),
        Binding("A", "mark_feed_read", "Mark feed read", id="feed.mark_read", show=False),
        Binding("s", "toggle_star", "Star", id="article.star"),
        Binding("u", "toggle_unread_only", "Unread only", id="unread_only"),
        Binding("o", "open_link", "Open link", id="article.open_link"),
        Binding("l", "list_links", "Links", id="article.links", show=False),
        Binding("y", "copy_link", "Copy link", id="article.copy_link", show=False),
        Binding("Y", "copy_text", "Copy text", id="article.copy_text", show=False),
        Binding("slash", "search", "Search", id="search"),
        Binding("f", "full_text", "Full text", id="article.full_text", show=False),
        Binding("a", "add_feed", "Add feed", id="feed.add", show=False),
        Binding("d", "remove_feed", "Remove feed", id="feed.remove", show=False),
    ]

    app: AkhbarApp

    def __init__(self) -> None:
        super().__init__()
        self.entry = FeedEntry("all", self.app.translator("ui.feeds.all"))
        self.unread_only = False
        self.open_article: Article | None = None
        self.doc: Doc | None = None
        self.known_feeds: list[Feed] = []
        self._first_paint_reported = False

    @property
    def headline_query(self) -> HeadlineQuery:
        """The headlines the list shows now."""
        return self.entry.query(self.unread_only)

    def compose(self) -> ComposeResult:
        """Feeds on the left; headlines over the article and its figures; status; Footer.

        An Arabic interface mirrors it: feeds on the right, the figures left of the article, the
        Footer's keys from the right edge (the `-rtl` class flips the panes' borders).
        """
        bidi = self.app.bidi
        rtl = self.app.translator.rtl
        self.set_class(rtl, "-rtl")

        def mirrored(*widgets: Widget) -> tuple[Widget, ...]:
            return widgets[::-1] if rtl else widgets

        right = Vertical(
            HeadlineList(bidi, id="headlines"),
            Horizontal(
                *mirrored(ArticleView(bidi, id="article"), FiguresList(bidi, id="figures")),
                id="reading",
            ),
            id="right",
        )
        yield Horizontal(*mirrored(FeedList(bidi, id="feeds"), right), id="body")
        yield StatusLine(id="status")
        yield ReaderFooter(classes="-rtl" if rtl else "")

    @property
    def headlines(self) -> HeadlineList:
        """The headline pane."""
        return self.query_one("#headlines", HeadlineList)

    @property
    def feeds(self) -> FeedList:
        """The feeds pane."""
        return self.query_one("#feeds", FeedList)

    @property
    def article_view(self) -> ArticleView:
        """The article pane."""
        return self.query_one("#article", ArticleView)

    @property
    def figures_list(self) -> FiguresList:
        """The key-figures pane."""
        return self.query_one("#figures", FiguresList)

    @property
    def status(self) -> StatusLine:
        """The status line."""
        return self.query_one("#status", StatusLine)

    def on_mount(self) -> None:
        """Show the cache at once: feeds and the "all" list, with focus on the headlines."""
        self.app.localize(self)
        self.headlines.focus()
        self.status.set_view(self.entry.label, self.unread_only)
        self._apply_narrow(self.size.width)
        self.load_feeds()
        self.load_headlines()

    def on_unmount(self) -> None:
        """Leave no child indexer behind (a demo's database is about to be removed)."""
        self.stop_indexer()

    def on_resize(self) -> None:
        """Switch between the wide and the narrow layout."""
        self._apply_narrow(self.size.width)

    def _apply_narrow(self, width: int) -> None:
        self.set_class(width < NARROW_WIDTH, "-narrow")
        self._show_side_panes()

    def _show_side_panes(self) -> None:
        focused = self.focused.id if self.focused is not None else None
        self.set_class(focused == "feeds", "-show-feeds")
        self.set_class(focused == "figures", "-show-figures")

    # ── loading ───────────────────────────────────────────────────────────────────────────────

    @work(thread=True, exclusive=True, group="feeds")
    def load_feeds(self) -> None:
        """Read the feeds and their unread counts (a thread: the UI never waits on SQLite)."""
        with self.app.engine_errors("ui.error.reading_feeds"):
            feeds = self.app.engine.feeds()
            self.known_feeds = feeds
            self.app.call_from_thread(self.feeds.set_entries, build_entries(feeds))

    @work(thread=True, exclusive=True, group="headlines")
    def load_headlines(self, keep_id: int | None = None, keep_row: int | None = None) -> None:
        """Count the list and fetch the page under the cursor, keeping `keep_id` where it was.

        After a refresh the selected article may have moved down (new ones above it): the cursor
        follows it, and the list scrolls by the same amount so it stays at the same screen row.
        """
        engine = self.app.engine
        query = self.headline_query
        with self.app.engine_errors("ui.error.reading_headlines"):
            count = engine.headline_count(query)
            cursor = 0
            if keep_id is not None:
                position = engine.headline_position(query, keep_id)
                cursor = position if position is not None else min(keep_row or 0, max(count - 1, 0))
            page = cursor // PAGE
            pages = {page: engine.headlines(query, page * PAGE, PAGE)}
            self.app.call_from_thread(
                self._show_headlines, query, count, cursor, pages, keep_id, keep_row
            )

    def _show_headlines(
        self,
        query: HeadlineQuery,
        count: int,
        cursor: int,
        pages: dict[int, list[Headline]],
        keep_id: int | None,
        keep_row: int | None,
    ) -> None:
        if query != self.headline_query or self.search_query is not None:
            return
        headlines = self.headlines
        current = headlines.highlighted
        if keep_id is not None and current is not None and current.id != keep_id:
            # The reader moved while the list was re-read: keep where they are now instead.
            self.load_headlines(current.id, headlines.cursor)
            return
        top = None
        if keep_row is not None:
            top = cursor - (keep_row - int(headlines.scroll_offset.y))
        headlines.reset(count, cursor=cursor, pages=pages, top=top)
        if not self._first_paint_reported:
            self._first_paint_reported = True
            self.call_after_refresh(self.app.report_first_paint)
            self.call_after_refresh(self.index_new_articles)

    @on(HeadlineList.WantPage)
    def _want_page(self, event: HeadlineList.WantPage) -> None:
        self.fetch_page(event.generation, event.page)

    @work(thread=True, group="pages")
    def fetch_page(self, generation: int, page: int) -> None:
        """Fetch one page of rows the list needs to paint."""
        query = self.headline_query
        with self.app.engine_errors("ui.error.reading_headlines"):
            rows = self.app.engine.headlines(query, page * PAGE, PAGE)
            self.app.call_from_thread(self.headlines.put_page, generation, page, rows)

    def reload(self) -> None:
        """Re-read feeds and headlines, keeping the selected article where it is on screen.

        While search results are shown only the feeds are re-read; the list behind the search
        is reloaded when the search ends.
        """
        self.load_feeds()
        if self.search_query is not None:
            self._stale_while_searching = True
            return
        current = self.headlines.highlighted
        if current is None:
            self.load_headlines()
        else:
            self.load_headlines(current.id, self.headlines.cursor)

    @on(FeedsChanged)
    def _feeds_changed(self) -> None:
        self.reload()

    @on(BidiModeChanged)
    def _bidi_changed(self) -> None:
        self.status.repaint()
        self.headlines.forget_layout()
        self.feeds.refresh()
        self.figures_list.refresh()
        if self.doc is not None:
            self.article_view.show(self.doc)

    # ── panes ─────────────────────────────────────────────────────────────────────────────────

    @on(VirtualList.Highlighted, "#feeds")
    def _feed_highlighted(self, event: VirtualList.Highlighted) -> None:
        entry = self.feeds.highlighted
        self.status.show_reason(entry.reason if entry is not None else None)

    @on(VirtualList.Selected, "#feeds")
    def _feed_selected(self) -> None:
        entry = self.feeds.highlighted
        if entry is not None:
            self.show_entry(entry)
            self.focus_pane("headlines")

    def show_entry(self, entry: FeedEntry) -> None:
        """List the headlines of `entry` (a feed, a category, all or starred)."""
        self.leave_search(restore=False)
        self.entry = entry
        self.status.set_view(entry.label, self.unread_only)
        self.load_headlines()

    @on(VirtualList.Selected, "#headlines")
    def _headline_selected(self) -> None:
        headline = self.headlines.highlighted
        if headline is not None:
            self.open_headline(headline.id, headline.feed_title, self.search_query)

    @on(VirtualList.Selected, "#figures")
    def _figure_selected(self, event: VirtualList.Selected) -> None:
        figure = self.figures_list.figures[event.index]
        self.article_view.show_span(figure.start, figure.end)

    @on(VirtualList.Highlighted, "#figures")
    def _figure_highlighted(self, event: VirtualList.Highlighted) -> None:
        if self.figures_list.figures and self.figures_list.has_focus:
            figure = self.figures_list.figures[event.index]
            self.article_view.show_span(figure.start, figure.end)

    def focus_pane(self, name: str) -> None:
        """Focus one of the four panes (showing it first when the narrow layout hides it)."""
        self.set_class(name == "feeds", "-show-feeds")
        self.set_class(name == "figures", "-show-figures")
        self.query_one(f"#{name}").focus()

    def _current_pane(self) -> int:
        focused = self.focused.id if self.focused is not None else "headlines"
        return PANES.index(focused) if focused in PANES else 1

    def action_next_pane(self) -> None:
        """Tab: feeds → headlines → article → figures → feeds."""
        self.focus_pane(PANES[(self._current_pane() + 1) % len(PANES)])

    def action_previous_pane(self) -> None:
        """Shift+Tab: the other way round."""
        self.focus_pane(PANES[(self._current_pane() - 1) % len(PANES)])

    def action_back(self) -> None:
        """Esc: from the article or figures back to the headlines, from search results back to
        the list the search started from, from the headlines to the feeds."""
        current = PANES[self._current_pane()]
        if current == "headlines" and self.leave_search():
            return
        self.focus_pane("feeds" if current == "headlines" else "headlines")

    def action_page_article(self) -> None:
        """Space/PgDn: page the article while the headlines keep focus."""
        self.article_view.action_page_down()

    def action_page_article_up(self) -> None:
        """PgUp: page the article back while the headlines keep focus."""
        self.article_view.action_page_up()
