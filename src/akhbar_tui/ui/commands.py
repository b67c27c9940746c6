"""Command-palette provider: go to a feed, refresh, mark read, search, full text, open the link,
bidi mode, theme — and Textual's own commands — in the reader's language.

Only commands that apply now are offered (no "open link" without an article that has one).
What is typed is matched against a command's logical text (Arabic typed in the palette is
logical); what is shown is that text shaped and ordered, since the palette is a stock widget
that shows one line per command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from akhbar_tui.ui.app import AkhbarApp

PALETTE_WIDTH = 70

# Textual's system commands by their English title and help, as textual 8 words them.
SYSTEM = {
    ("Theme", "Change the current theme"): (
        "ui.palette.system.theme",
        "ui.palette.system.theme.help",
    ),
    ("Quit", "Quit the application as soon as possible"): (
        "ui.palette.system.quit",
        "ui.palette.system.quit.help",
    ),
    ("Keys", "Show help for the focused widget and a summary of available keys"): (
        "ui.palette.system.keys",
        "ui.palette.system.keys.show",
    ),
    ("Keys", "Hide the keys and widget help panel"): (
        "ui.palette.system.keys",
        "ui.palette.system.keys.hide",
    ),
    ("Maximize", "Maximize the focused widget"): (
        "ui.palette.system.maximize",
        "ui.palette.system.maximize.help",
    ),
    ("Minimize", "Minimize the widget and restore to normal size"): (
        "ui.palette.system.minimize",
        "ui.palette.system.minimize.help",
    ),
    ("Screenshot", "Save an SVG 'screenshot' of the current screen"): (
        "ui.palette.system.screenshot",
        "ui.palette.system.screenshot.help",
    ),
}


def system_commands(app: AkhbarApp, commands: Iterable[SystemCommand]) -> Iterator[SystemCommand]:
    """Textual's system commands with akhbar's words for them (shaped for the palette); one
    that Textual adds in a later version and akhbar does not know yet stays as it is."""
    for command in commands:
        ids = SYSTEM.get((command.title, command.help))
        if ids is None:
            yield command
        else:
            title, help_id = ids
            yield SystemCommand(
                app.label(title, width=PALETTE_WIDTH),
                escape(app.label(help_id, width=PALETTE_WIDTH)),
                command.callback,
                command.discover,
            )


def literal_highlight(matcher: Matcher, title: str) -> Content:
    """The title with the matched letters styled, read literally (`Matcher.highlight` parses
    markup, so a feed named `[red]x[/red]` would be restyled by it)."""
    content = Content(title)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    for offset in offsets:
        if not title[offset].isspace():
            content = content.stylize("bold underline", offset, offset + 1)
    return content


@dataclass(frozen=True, slots=True)
class Command:
    """One palette entry: `text` is logical (matched), `shown` ordered for display, `help` a
    display-ready line that the palette reads as markup (so escaped)."""

    text: str
    shown: str
    callback: Callable[[], object]
    help: str


class AkhbarCommands(Provider):
    """The reader's own commands, next to Textual's system commands."""

    def command(
        self, msg_id: str, callback: Callable[[], object], help_id: str, **params: object
    ) -> Command:
        """A palette entry from two catalogue messages."""
        app: AkhbarApp = self.app  # type: ignore[assignment]
        text = app.translator(msg_id, **params)
        shown = app.bidi.visual(text, PALETTE_WIDTH, app.direction)
        return Command(text, shown, callback, escape(app.label(help_id, width=PALETTE_WIDTH)))

    def commands(self) -> Iterator[Command]:
        """Every command that applies now."""
        app: AkhbarApp = self.app  # type: ignore[assignment]
        main = app.main
        command = self.command
        yield command(
            "ui.palette.refresh_all", app.action_refresh_all, "ui.palette.refresh_all.help"
        )
        headline = main.headlines.highlighted
        if headline is not None:
            yield command(
                "ui.palette.refresh_feed", main.action_refresh_feed, "ui.palette.refresh_feed.help"
            )
            label = "ui.palette.mark_unread" if headline.read else "ui.palette.mark_read"
            yield command(label, main.action_toggle_read, "ui.palette.toggle_read.help")
        if main.headlines.count:
            yield command(
                "ui.palette.mark_all_read",
                main.action_mark_feed_read,
                "ui.palette.mark_all_read.help",
            )
        yield command("ui.palette.search", main.action_search, "ui.palette.search.help")
        if main.search_query is not None:
            yield command(
                "ui.palette.leave_search", main.leave_search, "ui.palette.leave_search.help"
            )
        article = main.open_article
        if article is not None and article.link:
            yield command(
                "ui.palette.full_text", main.action_full_text, "ui.palette.full_text.help"
            )
        link = main._article_link()
        if link and link.lower().startswith(("http://", "https://")):
            entry = command("ui.palette.open_link", main.action_open_link, "ui.palette.open_link")
            yield Command(entry.text, entry.shown, entry.callback, escape(link))
        other = "terminal" if app.bidi.mode == "app" else "app"
        yield command("ui.palette.bidi", app.action_switch_bidi, "ui.palette.bidi.help", mode=other)
        yield command("ui.palette.theme", app.action_change_theme, "ui.palette.theme.help")
        for entry in main.feeds.entries:
            if entry.kind in ("feed", "category"):
                msg_id = (
                    "ui.palette.go_to_feed" if entry.kind == "feed" else "ui.palette.go_to_category"
                )
                yield command(
                    msg_id,
                    partial(main.show_entry, entry),
                    "ui.palette.go_to.help",
                    name=entry.label,
                )

    async def discover(self) -> Hits:
        """Everything that applies, before anything is typed."""
        for command in self.commands():
            yield DiscoveryHit(
                Content(command.shown), command.callback, text=command.text, help=command.help
            )

    async def search(self, query: str) -> Hits:
        """The commands matching what is typed, best first."""
        matcher = self.matcher(query)
        for command in self.commands():
            score = matcher.match(command.text)
            if score > 0:
                # Matched letters can be marked only where the shown text is the typed one.
                shown = (
                    literal_highlight(matcher, command.text)
                    if command.shown == command.text
                    else Content(command.shown)
                )
                yield Hit(score, shown, command.callback, text=command.text, help=command.help)


class ReaderPalette(CommandPalette):
    """Textual's palette, saying "no matches" in the reader's language.

    Textual 8 words that line in English inside `_start_no_matches_countdown`; this is the same
    countdown with the catalogue's line (textual is pinned below 9 in pyproject.toml).
    """

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if not search_value:  # discovery mode: nothing to say about no matches
                self._list_visible = False
                return
            label = self.app.label("ui.palette.no_matches")  # type: ignore[attr-defined]
            self.query_one(CommandList).add_option(
                Option(
                    Align.center(Text(label, style="not bold")), disabled=True, id=self._NO_MATCHES
                )
            )
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
