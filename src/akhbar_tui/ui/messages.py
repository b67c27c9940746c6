"""Messages that carry engine results and refresh progress between workers, the app and panes."""

from __future__ import annotations

from textual.message import Message

from akhbar_tui.models import RefreshProgress, RefreshReport


class RefreshStarted(Message):
    """A refresh of `total` feeds began."""

    def __init__(self, total: int) -> None:
        super().__init__()
        self.total = total


class RefreshProgressed(Message):
    """One more feed is done; only the newest of a burst needs painting."""

    def __init__(self, progress: RefreshProgress) -> None:
        super().__init__()
        self.progress = progress

    def can_replace(self, message: Message) -> bool:
        """A newer progress report makes an older, unhandled one pointless."""
        return isinstance(message, RefreshProgressed)


class RefreshFinished(Message):
    """A refresh ended: `report` is None when it failed as a whole (`error` says why)."""

    def __init__(self, report: RefreshReport | None, error: str | None = None) -> None:
        super().__init__()
        self.report = report
        self.error = error


class ArticleOpened(Message):
    """The article pane now shows article `article_id` (it was marked read)."""

    def __init__(self, article_id: int) -> None:
        super().__init__()
        self.article_id = article_id


class FeedsChanged(Message):
    """The feed list changed (added, removed, marked read): reload the feeds pane."""


class BidiModeChanged(Message):
    """The bidi mode switched: every pane lays its text out again."""

    def __init__(self, mode: str) -> None:
        super().__init__()
        self.mode = mode
