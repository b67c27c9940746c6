"""What the keys do to the article and the feed: read state, stars, links, copies, feed edits.

A mixin of `MainScreen`, kept apart so that each file stays about one thing: the screen wires the
panes, this module acts on them through the engine (always in thread workers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work

from akhbar_tui.models import FeedSpec
from akhbar_tui.ui.messages import FeedsChanged
from akhbar_tui.ui.widgets.headline_list import PAGE

if TYPE_CHECKING:
    from akhbar_tui.ui.screens.main import MainScreen

    _Base = MainScreen
else:
    _Base = object

WEB_SCHEMES = ("http://", "https://")
LINK_SCHEMES = (*WEB_SCHEMES, "mailto:")


class ReadingActions(_Base):
    """Actions bound on the main screen that change or use the article and the feed."""

    def action_next_unread(self) -> None:
        """n: open the next unread headline below the cursor."""
        self._seek_unread(+1)

    def action_previous_unread(self) -> None:
        """p: open the previous unread headline above the cursor."""
        self._seek_unread(-1)

    def _seek_unread(self, step: int) -> None:
        cursor = self.headlines.cursor
        rows = self.headlines.loaded_rows()
        candidates = [(i, h) for i, h in rows if not h.read and (i - cursor) * step > 0]
        if candidates:
            index, headline = candidates[0] if step > 0 else candidates[-1]
            self.headlines.move_to(index)
            self.open_headline(headline.id, headline.feed_title, self.search_query)
            return
        if step > 0:
            self.find_unread_below(self.headlines.generation, cursor)
        else:
            self.app.say("ui.notify.no_unread_above", timeout=2)

    @work(thread=True, exclusive=True, group="seek")
    def find_unread_below(self, generation: int, cursor: int) -> None:
        """Page through the list past what is loaded until an unread headline turns up."""
        query = self.headline_query
        with self.app.engine_errors("ui.error.finding_next_unread"):
            page = cursor // PAGE + 1
            while page * PAGE < self.headlines.count:
                rows = self.app.engine.headlines(query, page * PAGE, PAGE)
                self.app.call_from_thread(self.headlines.put_page, generation, page, rows)
                for offset, headline in enumerate(rows):
                    if not headline.read:
                        self.app.call_from_thread(self.headlines.move_to, page * PAGE + offset)
                        self.app.call_from_thread(
                            self.open_headline, headline.id, headline.feed_title
                        )
                        return
                page += 1
            self.app.say("ui.notify.no_unread_below", timeout=2)

    def action_refresh_feed(self) -> None:
        """r: refresh the feed of the highlighted headline (or the highlighted feed)."""
        feed_id = self.entry.feed_id
        headline = self.headlines.highlighted
        if self.focused is not self.feeds and headline is not None:
            feed_id = headline.feed_id
        elif self.feeds.highlighted is not None:
            feed_id = self.feeds.highlighted.feed_id
        urls = [f.url for f in self.known_feeds if feed_id is None or f.id == feed_id]
        self.app.start_refresh(urls if feed_id is not None else None)

    def action_toggle_read(self) -> None:
        """m: flip the read mark of the highlighted headline."""
        headline = self.headlines.highlighted
        if headline is not None:
            self.set_state(headline.id, read=not headline.read)

    def action_toggle_star(self) -> None:
        """s: star or unstar the highlighted headline."""
        headline = self.headlines.highlighted
        if headline is not None:
            self.set_state(headline.id, starred=not headline.starred)

    @work(thread=True, group="state")
    def set_state(
        self, article_id: int, *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        """Store a read or star change, then show it on the row and in the counts."""
        with self.app.engine_errors("ui.error.saving_change"):
            if read is not None:
                self.app.engine.mark_read(article_id, read)
            if starred is not None:
                self.app.engine.star(article_id, starred)
            self.app.call_from_thread(
                self.headlines.update_state, article_id, read=read, starred=starred
            )
            self.app.call_from_thread(self.load_feeds)

    def action_mark_feed_read(self) -> None:
        """A: mark everything in the current list read (the results, while searching)."""
        if self.search_query is not None:
            self.mark_hits_read()
        else:
            self.mark_list_read()

    @work(thread=True, group="state")
    def mark_list_read(self) -> None:
        """Mark every article of the current feed, category or list read."""
        with self.app.engine_errors("ui.error.marking_feed_read"):
            changed = self.app.engine.mark_all_read(self.headline_query)
            self.app.say("ui.notify.marked_read", count=changed, timeout=2)
            self.post_message(FeedsChanged())

    def action_toggle_unread_only(self) -> None:
        """u: list only unread headlines, or all again."""
        self.leave_search(restore=False)
        self.unread_only = not self.unread_only
        self.status.set_view(self.entry.label, self.unread_only)
        self.load_headlines()

    def _article_link(self) -> str | None:
        if self.open_article is not None and self.open_article.link:
            return self.open_article.link
        headline = self.headlines.highlighted
        return headline.link if headline is not None else None

    def action_open_link(self) -> None:
        """o: open the article's own link in the browser (http and https only)."""
        self.open_url(self._article_link(), WEB_SCHEMES)

    def open_url(self, url: str | None, schemes: tuple[str, ...] = LINK_SCHEMES) -> None:
        """Hand `url` to the browser in a worker, refusing any scheme but `schemes`."""
        if not url:
            self.app.say("ui.notify.no_link", severity="warning", timeout=3)
            return
        if not url.lower().startswith(schemes):
            self.app.say("ui.notify.unsafe_link", scheme=url.split(":", 1)[0], severity="warning")
            return
        self.app.opened_urls.append(url)
        self._browse(url)

    @work(thread=True, group="browser")
    def _browse(self, url: str) -> None:
        if not self.app.is_headless:
            import webbrowser

            webbrowser.open(url)

    def action_list_links(self) -> None:
        """l: list the article's numbered links; typing a number opens one."""
        from akhbar_tui.ui.screens.dialogs import LinksDialog

        if self.doc is None or not self.doc.text.links:
            self.app.say("ui.notify.no_links", timeout=2)
            return
        self.app.push_screen(LinksDialog(self.doc.text.links), self._link_chosen)

    def _link_chosen(self, url: str | None) -> None:
        if url:
            self.open_url(url)

    def action_copy_link(self) -> None:
        """y: copy the article's link to the terminal's clipboard (OSC 52)."""
        link = self._article_link()
        if link:
            self.app.copy_to_clipboard(link)
            self.app.say("ui.notify.link_copied", timeout=2)

    def action_copy_text(self) -> None:
        """Y: copy the open article's text, in logical order, to the clipboard (OSC 52)."""
        if self.doc is None:
            self.app.say("ui.notify.no_article_open", timeout=2)
            return
        article = self.doc.article
        self.app.copy_to_clipboard(f"{article.title}\n\n{self.doc.text.text}")
        self.app.say("ui.notify.text_copied", timeout=2)

    def action_add_feed(self) -> None:
        """a: ask for a feed URL (and title, category), add it, then fetch it."""
        from akhbar_tui.ui.screens.dialogs import AddFeedDialog

        self.app.push_screen(AddFeedDialog(self.app.bidi), self._feed_to_add)

    def _feed_to_add(self, spec: FeedSpec | None) -> None:
        if spec is not None:
            self.add_feed(spec)

    @work(thread=True, group="config")
    def add_feed(self, spec: FeedSpec) -> None:
        """Write the feed to feeds.toml through the engine, then refresh it."""
        with self.app.engine_errors("ui.error.adding_feed"):
            self.app.engine.add_feed(spec)
            self.app.say("ui.notify.feed_added", name=spec.display_title)
            self.app.call_from_thread(self.app.start_refresh, [spec.url])

    def action_remove_feed(self) -> None:
        """d: remove the highlighted feed from feeds.toml, after a confirmation."""
        from akhbar_tui.ui.screens.dialogs import ConfirmDialog

        feed = self._feed_in_focus()
        if feed is None:
            self.app.say("ui.notify.highlight_feed_to_remove", timeout=3)
            return
        self.app.push_screen(
            ConfirmDialog("ui.dialog.remove_feed.question", title=feed.title),
            lambda yes: self._remove(yes, feed.url),
        )

    def _feed_in_focus(self) -> Any:
        feed_id = None
        if self.focused is self.feeds and self.feeds.highlighted is not None:
            feed_id = self.feeds.highlighted.feed_id
        elif self.headlines.highlighted is not None:
            feed_id = self.headlines.highlighted.feed_id
        return next((f for f in self.known_feeds if f.id == feed_id), None)

    def _remove(self, yes: bool | None, url: str) -> None:
        if yes:
            self.remove_feed(url)

    @work(thread=True, group="config")
    def remove_feed(self, url: str) -> None:
        """Remove the feed through the engine (it rewrites feeds.toml)."""
        with self.app.engine_errors("ui.error.removing_feed"):
            spec = self.app.engine.remove_feed(url)
            self.app.say("ui.notify.feed_removed", name=spec.display_title)
            self.post_message(FeedsChanged())
