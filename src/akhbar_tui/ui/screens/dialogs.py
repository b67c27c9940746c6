"""Modal dialogs: add a feed, confirm, the article's links, search.

Inputs keep what is typed in logical order (Textual's `Input` cannot show RTL text properly);
a preview line under each one shows the text shaped and ordered, as the panes will show it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

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

if TYPE_CHECKING:
    from akhbar_tui.ui.app import AkhbarApp

PREVIEW_WIDTH = 56
URL_EXAMPLE = "https://example.com/feed.xml"
"""The URL field's placeholder: an example, the same in every language."""


class ShapedPreview(Static):
    """A one-line preview of an input's text, shaped and ordered (empty while it is empty)."""

    def __init__(self, bidi: Bidi, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False, classes="preview")
        self.bidi = bidi

    def show_text(self, text: str) -> None:
        """Preview `text` (logical) as it will look."""
        self.update(Content(self.bidi.visual(text, PREVIEW_WIDTH)) if text else Content(""))


class _Dialog(ModalScreen):
    """A dialog in the reader's language: its labels come from the catalogue, shaped and
    ordered; in Arabic its texts are flush right (the `-rtl` class) and its buttons mirrored."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    app: AkhbarApp

    def text(self, msg_id: str, **params: object) -> Content:
        """A catalogue message as a display-ready, never-markup line."""
        return Content(self.app.label(msg_id, width=PREVIEW_WIDTH, **params))

    def box(self, *extra: str) -> Vertical:
        """The dialog's frame (with `-rtl` in an Arabic interface)."""
        classes = ["dialog", *extra]
        if self.app.translator.rtl:
            classes.append("-rtl")
        return Vertical(classes=" ".join(classes))

    def buttons(self, *buttons: Button) -> Horizontal:
        """A row of buttons, the first one rightmost in an Arabic interface."""
        ordered = reversed(buttons) if self.app.translator.rtl else buttons
        return Horizontal(*ordered, classes="buttons")

    def on_mount(self) -> None:
        """Its keys labelled in the reader's language."""
        self.app.localize(self)

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
        with self.box():
            yield Label(self.text("ui.dialog.add_feed.title"), classes="dialog-title")
            yield Input(placeholder=URL_EXAMPLE, id="url")
            yield Input(
                placeholder=self.app.label("ui.dialog.add_feed.title_placeholder"), id="title"
            )
            yield ShapedPreview(self.bidi, id="title-preview")
            yield Input(
                placeholder=self.app.label("ui.dialog.add_feed.category_placeholder"), id="category"
            )
            yield ShapedPreview(self.bidi, id="category-preview")
            yield self.buttons(
                Button(self.text("ui.dialog.add_feed.add"), variant="primary", id="ok"),
                Button(self.text("ui.dialog.cancel"), id="cancel"),
            )

    @on(Input.Changed, "#title, #category")
    def _preview(self, event: Input.Changed) -> None:
        self.query_one(f"#{event.input.id}-preview", ShapedPreview).show_text(event.value)

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        url = self.query_one("#url", Input).value.strip()
        if not url.lower().startswith(("http://", "https://")):
            self.app.say("ui.notify.bad_feed_url", severity="warning")
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

    def __init__(self, msg_id: str, **params: object) -> None:
        super().__init__()
        self.msg_id = msg_id
        self.params = params

    def compose(self) -> ComposeResult:
        """The question (a catalogue message; feed names inside as they are) and two buttons."""
        with self.box():
            yield Static(self.text(self.msg_id, **self.params), classes="dialog-title")
            yield self.buttons(
                Button(self.text("ui.dialog.yes"), variant="error", id="yes"),
                Button(self.text("ui.dialog.no"), id="no"),
            )

    def on_mount(self) -> None:
        """No is the safe default."""
        super().on_mount()
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
        with self.box("links"):
            yield Label(self.text("ui.dialog.links.title"), classes="dialog-title")
            yield Static(Content(lines), id="link-lines")
            yield Input(
                placeholder=self.app.label("ui.dialog.links.placeholder"),
                id="number",
                restrict=r"[0-9]*",
            )

    @on(Input.Submitted, "#number")
    def _open(self, event: Input.Submitted) -> None:
        chosen = next(
            (link for link in self.links if str(link.number) == event.value.strip()), None
        )
        if chosen is None:
            self.app.say("ui.notify.no_such_link", severity="warning")
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
        with self.box():
            yield Label(self.text("ui.dialog.search.title"), classes="dialog-title")
            yield Input(
                self.initial, placeholder=self.app.label("ui.dialog.search.placeholder"), id="query"
            )
            yield ShapedPreview(self.bidi, id="query-preview")
            yield Label(self.text("ui.dialog.search.hint"), classes="hint")

    def on_mount(self) -> None:
        """The last query, previewed, ready to edit."""
        super().on_mount()
        self.query_one("#query-preview", ShapedPreview).show_text(self.initial)

    @on(Input.Changed, "#query")
    def _preview(self, event: Input.Changed) -> None:
        self.query_one("#query-preview", ShapedPreview).show_text(event.value)

    @on(Input.Submitted, "#query")
    def _submit(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)
