"""Modal dialogs: add a feed, confirm, the article's links, search.

Inputs keep what is typed in logical order (Textual's `Input` cannot show RTL text properly);
a preview line under each one shows the text shaped and ordered, as the panes will show it.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from akhbar_tui.article_text import Link
from akhbar_tui.models import FeedSpec
from akhbar_tui.ui.text import Bidi, safe

PREVIEW_WIDTH = 56


class ShapedPreview(Static):
    """A one-line preview of an input's text, shaped and ordered (empty while it is empty)."""

    def __init__(self, bidi: Bidi, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False, classes="preview")
        self.bidi = bidi

    def show_text(self, text: str) -> None:
        """Preview `text` (logical) as it will look."""
        self.update(Content(self.bidi.visual(text, PREVIEW_WIDTH)) if text else Content(""))


class _Dialog(ModalScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    def action_cancel(self) -> None:
        """Esc: close without an answer."""
        self.dismiss(None)


class AddFeedDialog(_Dialog):
    """URL, optional title and category; the title and category previews show them shaped."""

    def __init__(self, bidi: Bidi) -> None:
        super().__init__()
        self.bidi = bidi

    def compose(self) -> ComposeResult:
        """Three inputs with previews, and the buttons."""
        with Vertical(classes="dialog"):
            yield Label("Add a feed", classes="dialog-title")
            yield Input(placeholder="https://example.com/feed.xml", id="url")
            yield Input(placeholder="Title (optional)", id="title")
            yield ShapedPreview(self.bidi, id="title-preview")
            yield Input(placeholder="Category (optional)", id="category")
            yield ShapedPreview(self.bidi, id="category-preview")
            with Horizontal(classes="buttons"):
                yield Button("Add", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    @on(Input.Changed, "#title, #category")
    def _preview(self, event: Input.Changed) -> None:
        self.query_one(f"#{event.input.id}-preview", ShapedPreview).show_text(event.value)

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        url = self.query_one("#url", Input).value.strip()
        if not url.lower().startswith(("http://", "https://")):
            self.notify("A feed URL starts with http:// or https://.", severity="warning")
            self.query_one("#url", Input).focus()
            return
        title = safe(self.query_one("#title", Input).value).strip() or None
        category = safe(self.query_one("#category", Input).value).strip() or None
        self.dismiss(FeedSpec(url=url, title=title, category=category))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(_Dialog):
    """A yes/no question (`y` or Enter: yes; `n` or Esc: no)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="dialog.yes"),
        Binding("n", "answer(False)", "No", id="dialog.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        """The question (already ordered for display) and two buttons."""
        with Vertical(classes="dialog"):
            yield Static(Content(safe(self.question)), classes="dialog-title")
            with Horizontal(classes="buttons"):
                yield Button("Yes", variant="error", id="yes")
                yield Button("No", id="no")

    def on_mount(self) -> None:
        """No is the safe default."""
        self.query_one("#no", Button).focus()

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class LinksDialog(_Dialog):
    """The article's numbered links; type a number and Enter to open one."""

    def __init__(self, links: tuple[Link, ...]) -> None:
        super().__init__()
        self.links = links

    def compose(self) -> ComposeResult:
        """The list, then the number input."""
        lines = "\n".join(f"[{link.number}] {safe(link.url)}" for link in self.links)
        with Vertical(classes="dialog links"):
            yield Label("Links — type a number, Enter opens it", classes="dialog-title")
            yield Static(Content(lines), id="link-lines")
            yield Input(placeholder="number", id="number", restrict=r"[0-9]*")

    @on(Input.Submitted, "#number")
    def _open(self, event: Input.Submitted) -> None:
        chosen = next(
            (link for link in self.links if str(link.number) == event.value.strip()), None
        )
        if chosen is None:
            self.notify("No link with that number.", severity="warning")
            return
        self.dismiss(chosen.url)


class SearchDialog(_Dialog):
    """A search box with a shaped preview of what is typed (starting from the last query)."""

    def __init__(self, bidi: Bidi, query: str = "") -> None:
        super().__init__()
        self.bidi = bidi
        self.initial = query

    def compose(self) -> ComposeResult:
        """The input and its preview."""
        with Vertical(classes="dialog"):
            yield Label("Search", classes="dialog-title")
            yield Input(self.initial, placeholder="words to find", id="query")
            yield ShapedPreview(self.bidi, id="query-preview")
            yield Label("Enter searches · Esc cancels", classes="hint")

    def on_mount(self) -> None:
        """The last query, previewed, ready to edit."""
        self.query_one("#query-preview", ShapedPreview).show_text(self.initial)

    @on(Input.Changed, "#query")
    def _preview(self, event: Input.Changed) -> None:
        self.query_one("#query-preview", ShapedPreview).show_text(event.value)

    @on(Input.Submitted, "#query")
    def _submit(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)
