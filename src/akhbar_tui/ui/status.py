"""The status line: what the list shows, refresh progress, a failing feed's reason.

Its parts are catalogue sentences in the reader's language with feed names and server reasons
inside as they are; the whole line is laid out once, in the interface's direction, at the
widget's width (an Arabic line reads from the right edge, its first part rightmost).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from akhbar_tui.models import RefreshProgress, RefreshReport

if TYPE_CHECKING:
    from akhbar_tui.ui.app import AkhbarApp

SEPARATOR = "  │  "


class StatusLine(Static):
    """One line; every part is plain text (a `Content`), never markup."""

    app: AkhbarApp

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.view = ""
        self.unread_only = False
        self.activity = ""
        self.reason: str | None = None
        self.current_task: str | None = None
        self.last_refresh: datetime | None = None

    def set_view(self, label: str, unread_only: bool) -> None:
        """Which list the headlines pane shows (`label` in logical order)."""
        self.view = label
        self.unread_only = unread_only
        self.repaint()

    def show_reason(self, reason: str | None) -> None:
        """The highlighted feed's last error, or None to clear it."""
        self.reason = reason
        self.repaint()

    def set_task(self, task: str | None) -> None:
        """What a worker is doing now besides refreshing (a translated sentence, or None)."""
        self.current_task = task
        self.repaint()

    def progress(self, progress: RefreshProgress) -> None:
        """Refresh progress: `done/total`."""
        self.activity = self.app.translator(
            "ui.status.refreshing", done=progress.done, total=progress.total
        )
        self.repaint()

    def finished(self, report: RefreshReport, when: datetime | None) -> None:
        """A refresh ended: how many feeds, how many failed, how many new articles."""
        unchanged = sum(1 for r in report.results if r.status == "unchanged")
        failed = len(report.failed)
        self.activity = self.app.translator(
            "ui.status.refresh_summary",
            count=len(report.results),
            ok=len(report.results) - unchanged - failed,
            unchanged=unchanged,
            failed=failed,
            new=report.new_articles,
        )
        self.last_refresh = when
        self.repaint()

    def refresh_failed(self, reason: str | None) -> None:
        """A refresh failed as a whole (`reason`: the error, when known)."""
        tr = self.app.translator
        self.activity = (
            tr("ui.notify.refresh_failed_because", reason=reason)
            if reason
            else tr("ui.notify.refresh_failed")
        )
        self.repaint()

    def on_resize(self) -> None:
        """Lay the line out again for the new width."""
        self.repaint()

    def repaint(self) -> None:
        """Lay the line out (again: a new width, a new bidi mode) and show it."""
        if not self.is_mounted:
            return
        tr = self.app.translator
        view = tr("ui.status.unread_only", view=self.view) if self.unread_only else self.view
        parts = [view]
        if self.current_task:
            parts.append(self.current_task)
        if self.activity:
            parts.append(self.activity)
        elif self.last_refresh is not None:
            parts.append(tr("ui.status.refreshed", age=tr.ago(self.last_refresh, self.app.now())))
        if self.reason:
            from akhbar_tui.i18n.reasons import reason_text  # its table compiles on first use

            parts.append(tr("ui.status.failed", reason=reason_text(self.reason, tr)))
        width = max(self.content_region.width, 1)
        # Each part isolated: a query or feed name in the other script keeps to its own part.
        line = SEPARATOR.join(f"\u2068{part}\u2069" for part in parts)
        fitted = self.app.bidi.fit(line, width, self.app.direction)
        shown = " " * (width - fitted.cells) + fitted.text if fitted.rtl else fitted.text
        self.update(Content(shown))
