"""The status line: what the list shows, refresh progress, a failing feed's reason."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content
from textual.widgets import Static

from akhbar_tui.models import RefreshProgress
from akhbar_tui.ui.text import relative_time, safe


class StatusLine(Static):
    """One line; every part is plain text (a `Content`), never markup."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.view = "All"
        self.unread_only = False
        self.activity = ""
        self.reason: str | None = None
        self.current_task: str | None = None
        self.last_refresh: datetime | None = None

    def set_view(self, label: str, unread_only: bool) -> None:
        """Which list the headlines pane shows (label already ordered for display)."""
        self.view = label
        self.unread_only = unread_only
        self._paint()

    def show_reason(self, reason: str | None) -> None:
        """The highlighted feed's last error, or None to clear it."""
        self.reason = reason
        self._paint()

    def set_task(self, task: str | None) -> None:
        """What a worker is doing now besides refreshing (`Fetching the full article…`)."""
        self.current_task = task
        self._paint()

    def progress(self, progress: RefreshProgress) -> None:
        """Refresh progress: `done/total` and the feed just finished."""
        self.activity = f"Refreshing {progress.done}/{progress.total}"
        self._paint()

    def finished(self, summary: str, when: datetime | None) -> None:
        """A refresh ended: its one-line summary."""
        self.activity = summary
        self.last_refresh = when
        self._paint()

    def _paint(self) -> None:
        parts = [self.view + (" · unread only" if self.unread_only else "")]
        if self.current_task:
            parts.append(self.current_task)
        if self.activity:
            parts.append(self.activity)
        elif self.last_refresh is not None:
            parts.append(f"refreshed {relative_time(self.last_refresh)} ago")
        if self.reason:
            parts.append(f"failed: {self.reason}")
        self.update(Content(safe("  │  ".join(parts))))
