"""`AkhbarApp`: the reader. It owns the engine, the refresh worker and the terminal's bidi mode.

Panes never call the engine; the main screen's workers and this app do. Every engine error in a
worker ends in `engine_errors`, which turns it into a notification: a failing feed or a locked
database is a message to read, never a crash.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, ClassVar

from rich.console import RenderableType
from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen
from textual.theme import Theme, ThemeProvider

from akhbar_tui import bidi_layout
from akhbar_tui.engine import Engine
from akhbar_tui.errors import AkhbarError
from akhbar_tui.i18n import Translator, catalog, translator_for
from akhbar_tui.models import RefreshProgress
from akhbar_tui.ui.commands import AkhbarCommands, ReaderPalette, system_commands
from akhbar_tui.ui.key_timing import KeyTimer
from akhbar_tui.ui.labels import localize_bindings, localize_tree, toast_text
from akhbar_tui.ui.messages import (
    BidiModeChanged,
    RefreshFinished,
    RefreshProgressed,
    RefreshStarted,
)
from akhbar_tui.ui.screens.main import MainScreen
from akhbar_tui.ui.text import Bidi

FIRST_PAINT_ENV = "AKHBAR_FIRST_PAINT_FILE"
"""When set, the app writes the time of its first screen with headlines (and its pid) there."""
KEY_TIMING_ENV = "AKHBAR_KEY_TIMING_FILE"
"""When set, the app appends there, per key, the milliseconds from the key's arrival to the end
of the first screen update written after the key was handled (see `ui.key_timing`)."""


def mode_sequence(sequence: str) -> str:
    """`sequence`, and under tmux (`$TMUX`) also wrapped for the outer terminal: tmux swallows
    the bidi mode itself and forwards it only as a passthrough."""
    if os.environ.get("TMUX"):
        return sequence + bidi_layout.tmux_passthrough(sequence)
    return sequence


class AkhbarApp(App[None]):
    """The terminal news reader: feeds · headlines · article · figures."""

    CSS_PATH = "app.tcss"
    TITLE = "akhbar"
    COMMANDS = App.COMMANDS | {AkhbarCommands}
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("R", "refresh_all", "Refresh all", id="refresh.all"),
    ]

    def __init__(
        self,
        engine: Engine,
        *,
        bidi: str | None = None,
        demo: bool = False,
        now: Callable[[], datetime] | None = None,
        index_in_background: bool = True,
    ) -> None:
        super().__init__()
        self.now = now or (lambda: datetime.now(UTC))
        """The clock relative times are shown against (fixed in snapshot tests)."""
        self.index_in_background = index_in_background
        """Catch the search index up in a child process after the first screen and each refresh
        (off in tests that are not about it: they index beforehand and need no child process)."""
        self.engine = engine
        settings = engine.config.settings
        self.bidi = Bidi(bidi or settings.bidi)
        self.translator: Translator = translator_for(settings)
        """The reader's language, digits and calendar: every label, age and date goes through it
        (`self.app.translator("ui.…")`); Arabic labels then go through `self.bidi.visual`."""
        self.demo = demo
        self.opened_urls: list[str] = []
        self.refreshing = False
        self._ui_thread = threading.get_ident()
        timing = os.environ.get(KEY_TIMING_ENV)
        self._key_timer = KeyTimer.to_file(timing) if timing else None
        localize_bindings(self, self.label, self.has_message)

    @property
    def main(self) -> MainScreen:
        """The reader's screen (under any dialog)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    # ── the reader's language ────────────────────────────────────────────────────────────────

    @property
    def direction(self) -> str:
        """The interface's base direction, `rtl` in Arabic: labels are laid out with it."""
        return "rtl" if self.translator.rtl else "ltr"

    def has_message(self, msg_id: str) -> bool:
        """Whether the catalogue has `msg_id` (bindings without a label keep Textual's)."""
        return msg_id in catalog(self.translator.language)

    def label(
        self, msg_id: str, *, count: int | None = None, width: int = 200, **params: object
    ) -> str:
        """A catalogue message as one line for a stock widget: translated, then shaped and ordered
        for the terminal in `app` bidi mode (logical in `terminal` mode). Never wraps: a stock
        widget wrapping or cropping a visual string would scramble it."""
        text = self.translator(msg_id, count=count, **params)
        return self.bidi.visual(text, width, self.direction)

    def say(
        self,
        msg_id: str,
        *,
        severity: str = "information",
        timeout: float | None = None,
        count: int | None = None,
        **params: object,
    ) -> None:
        """Notify the catalogue message `msg_id`, from the UI thread or a worker thread.

        The text is wrapped and ordered here (see `labels.toast_text`) and never read as markup:
        feed titles and server errors go inside it as they are.
        """
        text = toast_text(
            self.translator(msg_id, count=count, **params), self.translator, self.bidi
        )
        self.notify_anywhere(text, severity=severity, timeout=timeout)

    def localize(self, root: Screen) -> None:
        """Label `root`'s bindings and its widgets' in the reader's language (a screen calls it
        when it mounts; the main screen again when the bidi mode changes)."""
        localize_tree(root, self.label, self.has_message)
        root.refresh_bindings()

    def get_system_commands(self, screen: Screen) -> Iterator[SystemCommand]:
        """Textual's palette commands (theme, quit, keys…) in the reader's language."""
        yield from system_commands(self, super().get_system_commands(screen))

    def action_command_palette(self) -> None:
        """ctrl+p: Textual's palette, its search prompt in the reader's language."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            placeholder = self.label("ui.palette.placeholder")
            classes = "-rtl" if self.translator.rtl else ""
            palette = ReaderPalette(
                placeholder=placeholder, id="--command-palette", classes=classes
            )
            self.push_screen(palette)

    def search_themes(self) -> None:
        """The theme picker (Textual's palette of themes), its prompt in the reader's language."""
        placeholder = self.label("ui.palette.theme_placeholder")
        rtl = "-rtl" if self.translator.rtl else ""
        picker = ReaderPalette(providers=[ThemeProvider], placeholder=placeholder, classes=rtl)
        self.push_screen(picker)

    @on(events.DeliveryComplete)
    def _screenshot_saved(self, event: events.DeliveryComplete) -> None:
        """Textual's "Saved screenshot" notification, in the reader's language instead."""
        if event.name == "screenshot":
            event.prevent_default()
            if event.path is None:
                self.say("ui.notify.screenshot_saved")
            else:
                self.say("ui.notify.screenshot_saved_to", path=str(event.path))

    @on(events.DeliveryFailed)
    def _screenshot_failed(self, event: events.DeliveryFailed) -> None:
        """Textual's "Failed to save screenshot", in the reader's language instead."""
        if event.name == "screenshot":
            event.prevent_default()
            self.say("ui.notify.screenshot_failed", severity="error")

    def get_default_screen(self) -> MainScreen:
        """The reader's screen is the base of the stack: dialogs come and go above it."""
        return MainScreen()

    def on_mount(self) -> None:
        """Theme, keymap, bidi mode; the main screen; a refresh now if stale, then periodically."""
        settings = self.engine.config.settings
        if settings.theme in self.available_themes:
            self.theme = settings.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.engine.config.keys:
            self.set_keymap(dict(self.engine.config.keys))
        self.send_bidi_mode()
        minutes = settings.refresh_minutes
        if minutes > 0:
            self.set_interval(minutes * 60, self.action_refresh_all)
        last = self.engine.last_refresh()
        stale = last is None or (datetime.now(UTC) - last).total_seconds() >= minutes * 60
        if self.demo or (minutes > 0 and stale):
            self.call_after_refresh(self.action_refresh_all)

    # ── terminal bidi mode ─────────────────────────────────────────────────────────────────────

    def send_bidi_mode(self) -> None:
        """In `app` mode tell the terminal not to reorder (we do); in `terminal` mode let it."""
        self.write_to_terminal(mode_sequence(bidi_layout.enter_sequence(self.bidi.mode)))

    def write_to_terminal(self, sequence: str) -> None:
        """Send a raw control sequence (Textual has no public call for it: wrap the driver)."""
        driver = self._driver
        if driver is not None and not self.is_headless:
            driver.write(sequence)
            driver.flush()

    def action_switch_bidi(self) -> None:
        """Switch between `app` and `terminal` bidi, save it, and lay every pane out again."""
        mode = "terminal" if self.bidi.mode == "app" else "app"
        self.bidi.mode = mode
        self.send_bidi_mode()
        self.save_setting("bidi", mode)
        localize_bindings(self, self.label, self.has_message)
        self.localize(self.main)
        self.main.post_message(BidiModeChanged(mode))
        self.say("ui.notify.bidi_mode", mode=mode, timeout=3)

    # ── settings ─────────────────────────────────────────────────────────────────────────────

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != self.engine.config.settings.theme:
            self.save_setting("theme", theme.name)

    @work(thread=True, group="settings")
    def save_setting(self, key: str, value: object) -> None:
        """Write a setting to feeds.toml (a demo session writes to its temporary copy)."""
        with self.engine_errors("ui.error.saving_setting", key=key):
            self.engine.save_setting(key, value)

    # ── refresh ──────────────────────────────────────────────────────────────────────────────

    def action_refresh_all(self) -> None:
        """R: refresh every enabled feed in the background."""
        self.start_refresh(None)

    def start_refresh(self, urls: Sequence[str] | None) -> None:
        """Refresh `urls` (None: all enabled feeds) unless a refresh is already running."""
        if self.refreshing:
            self.say("ui.notify.refresh_running", timeout=2)
            return
        self.refreshing = True
        self._refresh(None if urls is None else list(urls))

    @work(thread=True, exclusive=True, group="refresh")
    def _refresh(self, urls: list[str] | None) -> None:
        """Run the engine's refresh in this thread's own event loop; progress comes as messages."""
        config = self.engine.config
        specs = (
            config.enabled_feeds
            if urls is None
            else tuple(s for s in config.feeds if s.url in urls)
        )
        self.post_message(RefreshStarted(len(specs)))

        def progress(step: RefreshProgress) -> None:
            self.post_message(RefreshProgressed(step))

        try:
            report = asyncio.run(self.engine.refresh(specs, on_progress=progress))
        except AkhbarError as error:  # the whole refresh failed: say why, keep the reader open
            self.post_message(RefreshFinished(None, error.localized(self.translator)))
        except Exception as error:
            self.post_message(RefreshFinished(None, str(error)))
        else:
            self.post_message(RefreshFinished(report))

    @on(RefreshStarted)
    def _refresh_started(self, event: RefreshStarted) -> None:
        self.main.status.progress(RefreshProgress(0, event.total, "", "", "ok"))

    @on(RefreshProgressed)
    def _refresh_progressed(self, event: RefreshProgressed) -> None:
        self.main.status.progress(event.progress)

    @on(RefreshFinished)
    def _refresh_finished(self, event: RefreshFinished) -> None:
        self.refreshing = False
        main = self.main
        if event.report is None:
            main.status.refresh_failed(event.error)
            if event.error:
                self.say("ui.notify.refresh_failed_because", reason=event.error, severity="error")
            else:
                self.say("ui.notify.refresh_failed", severity="error")
            return
        main.status.finished(event.report, datetime.now(UTC))
        failed = len(event.report.failed)
        if failed:
            self.say("ui.notify.feeds_failed", count=failed, severity="warning", timeout=5)
        main.reload()
        main.index_new_articles()

    # ── helpers ──────────────────────────────────────────────────────────────────────────────

    @contextmanager
    def engine_errors(self, msg_id: str, **params: object) -> Iterator[None]:
        """Turn an engine error inside a worker into the notification `msg_id` (a `ui.error.*`
        sentence with an `{error}` placeholder), from any thread."""
        try:
            yield
        except AkhbarError as error:
            self.say(msg_id, error=error.localized(self.translator), severity="error", **params)
        except OSError as error:
            self.say(msg_id, error=str(error), severity="error", **params)

    def notify_anywhere(
        self, message: str, severity: str = "error", timeout: float | None = None
    ) -> None:
        """`notify`, from the UI thread or a worker thread; feed text in it is never markup."""
        options: dict[str, Any] = {"severity": severity, "markup": False}
        if timeout is not None:
            options["timeout"] = timeout
        if threading.get_ident() == self._ui_thread:
            self.notify(message, **options)
        else:
            self.call_from_thread(self.notify, message, **options)

    def action_help(self) -> None:
        """?: the key table."""
        from akhbar_tui.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    async def on_event(self, event: events.Event) -> None:
        """Time each key from its arrival to its handling, when the benchmark asks for it."""
        if self._key_timer is not None and isinstance(event, events.Key):
            await self._key_timer.around(event, lambda: super(AkhbarApp, self).on_event(event))
        else:
            await super().on_event(event)

    def _display(self, screen: Screen, renderable: RenderableType | None) -> None:
        # Textual's one place that writes a screen update: the end of a key's repaint.
        super()._display(screen, renderable)
        if self._key_timer is not None and renderable is not None and not self._batch_count:
            self._key_timer.written()

    def report_first_paint(self) -> None:
        """Write the time of the first screen with headlines where the benchmark asked for it."""
        target = os.environ.get(FIRST_PAINT_ENV)
        if target:
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(f"{time.time():.6f} {os.getpid()}\n")
