"""Search in the reader: `/` asks for a query, the headlines pane lists the hits, `Esc` goes back.

A mixin of `MainScreen`. The list the user came from is kept as a snapshot (rows, cursor, scroll)
and shown again, unchanged, when the search ends; a refresh that lands meanwhile reloads it then.
The search index catches up in a background worker after every refresh, so a search never waits
for indexing (`engine.search(..., catch_up=False)`).
"""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

from textual import work

from akhbar_tui.models import SearchHit
from akhbar_tui.ui.widgets.headline_list import ListState

if TYPE_CHECKING:
    from akhbar_tui.ui.screens.main import MainScreen

    _Base = MainScreen
else:
    _Base = object

SEARCH_LIMIT = 100


class SearchActions(_Base):
    """The search field, the results list and the way back."""

    search_query: str | None = None
    """The query whose hits the headlines pane shows (None: not searching)."""
    _before_search: ListState | None = None
    _stale_while_searching = False
    _indexer: subprocess.Popen[bytes] | None = None

    def action_search(self) -> None:
        """/: ask for words to find (typed in logical order, previewed shaped)."""
        from akhbar_tui.ui.screens.dialogs import SearchDialog

        self.app.push_screen(SearchDialog(self.app.bidi, self.search_query or ""), self._searched)

    def _searched(self, text: str | None) -> None:
        if text:
            self.status.set_task(self.app.translator("ui.status.searching"))
            self.run_search(text)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        """Query the index (as it is: catching up is the background worker's job)."""
        hits: list[SearchHit] | None = None
        with self.app.engine_errors("ui.error.searching"):
            hits = self.app.engine.search(query, limit=SEARCH_LIMIT, catch_up=False)
        if hits is None:
            self.app.call_from_thread(self.status.set_task, None)
        else:
            self.app.call_from_thread(self._show_hits, query, hits)

    def _show_hits(self, query: str, hits: list[SearchHit]) -> None:
        if self.search_query is None:
            self._before_search = self.headlines.snapshot()
            self._stale_while_searching = False
        self.search_query = query
        self.headlines.show_hits(hits)
        tr = self.app.translator
        self.status.set_view(tr("ui.status.search", query=query), False)
        found = tr("ui.status.found", count=len(hits)) if hits else tr("ui.status.nothing_found")
        self.status.set_task(found)
        self.focus_pane("headlines")

    def leave_search(self, *, restore: bool = True) -> bool:
        """End the search; with `restore`, show the list the user came from as it was.

        Returns False when no search was shown.
        """
        if self.search_query is None:
            return False
        self.search_query = None
        state, self._before_search = self._before_search, None
        self.status.set_task(None)
        self.status.set_view(self.entry.label, self.unread_only)
        if restore and state is not None:
            self.headlines.restore(state)
            if self._stale_while_searching:
                self.reload()
        else:
            self.headlines.hits = None
        return True

    def mark_hits_read(self) -> None:
        """A while searching: mark the listed hits read (never the list behind the search)."""
        hits = self.headlines.hits or {}
        self._mark_read_ids(list(hits))

    @work(thread=True, group="state")
    def _mark_read_ids(self, ids: list[int]) -> None:
        with self.app.engine_errors("ui.error.marking_results_read"):
            for article_id in ids:
                self.app.engine.mark_read(article_id, True)
            for article_id in ids:
                self.app.call_from_thread(self.headlines.update_state, article_id, read=True)
            self.app.say("ui.notify.marked_read", count=len(ids), timeout=2)
            self.app.call_from_thread(self.load_feeds)

    def index_new_articles(self) -> None:
        """Start the index's catch-up unless the app was told not to index in the background."""
        if self.app.index_in_background:
            self.catch_up_search_index()

    @work(thread=True, exclusive=True, group="search-index")
    def catch_up_search_index(self) -> None:
        """Index what the last refresh stored, in a child process (see `ui.indexer`)."""
        from akhbar_tui.ui import indexer

        engine = self.app.engine
        child = indexer.start(engine.config.path, engine.database)
        self._indexer = child
        _out, err = child.communicate()
        if child.returncode not in (0, -15):  # -15: ended by the reader on its way out
            lines = err.decode("utf-8", "replace").strip().splitlines()
            reason = lines[-1] if lines else f"exit status {child.returncode}"
            self.app.say("ui.error.search_index", error=reason, severity="error")

    def stop_indexer(self) -> None:
        """End a running catch-up (the reader is closing; the next one finishes the work)."""
        child = self._indexer
        if child is not None and child.poll() is None:
            child.terminate()
            child.wait(timeout=5)
