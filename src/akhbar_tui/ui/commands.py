"""Command-palette provider: go to a feed, refresh, mark read, search, full text, open the link,
bidi mode, theme.

Only commands that apply now are offered (no "open link" without an article that has one).
Feed names are shaped and ordered before they reach the palette, a stock widget that shows one
line per command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

if TYPE_CHECKING:
    from akhbar_tui.ui.app import AkhbarApp

PALETTE_WIDTH = 50


def literal_highlight(matcher: Matcher, title: str) -> Content:
    """The title with the matched letters styled, read literally (`Matcher.highlight` parses
    markup, so a feed named `[red]x[/red]` would be restyled by it)."""
    content = Content(title)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    for offset in offsets:
        if not title[offset].isspace():
            content = content.stylize("bold underline", offset, offset + 1)
    return content


class AkhbarCommands(Provider):
    """The reader's own commands, next to Textual's system commands."""

    def commands(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        """(title, callback, help) of every command that applies now."""
        app: AkhbarApp = self.app  # type: ignore[assignment]
        main = app.main
        yield "Refresh all feeds", app.action_refresh_all, "Fetch every enabled feed now"
        headline = main.headlines.highlighted
        if headline is not None:
            yield (
                "Refresh this feed",
                main.action_refresh_feed,
                "Fetch the highlighted article's feed",
            )
            label = "Mark article unread" if headline.read else "Mark article read"
            yield label, main.action_toggle_read, "Flip the highlighted article's read mark"
        if main.headlines.count:
            yield (
                "Mark all in this list read",
                main.action_mark_feed_read,
                "Mark every listed article read",
            )
        yield "Search articles…", main.action_search, "Find articles by words (Arabic-aware)"
        if main.search_query is not None:
            yield "Leave search results", main.leave_search, "Back to the list you searched from"
        article = main.open_article
        if article is not None and article.link:
            yield (
                "Fetch full article text",
                main.action_full_text,
                "Download the article's web page and show its main text",
            )
        link = main._article_link()
        if link and link.lower().startswith(("http://", "https://")):
            yield "Open article link in browser", main.action_open_link, link
        other = "terminal" if app.bidi.mode == "app" else "app"
        yield (
            f"Switch bidi mode to {other}",
            app.action_switch_bidi,
            "app: akhbar orders Arabic; terminal: the terminal does",
        )
        yield "Theme: choose…", app.action_change_theme, "Pick a colour theme (saved to feeds.toml)"
        for entry in main.feeds.entries:
            if entry.kind in ("feed", "category"):
                name = app.bidi.visual(entry.label, PALETTE_WIDTH, entry.direction)
                yield (
                    f"Go to {entry.kind}: {name}",
                    partial(main.show_entry, entry),
                    "List its headlines",
                )

    async def discover(self) -> Hits:
        """Everything that applies, before anything is typed."""
        for title, callback, help_text in self.commands():
            yield DiscoveryHit(Content(title), callback, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        """The commands matching what is typed, best first."""
        matcher = self.matcher(query)
        for title, callback, help_text in self.commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score, literal_highlight(matcher, title), callback, text=title, help=help_text
                )
