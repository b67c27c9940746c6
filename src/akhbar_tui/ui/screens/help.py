"""The `?` screen: every key, as the user's `[keys]` table has remapped it, in their language.

In Arabic the table is mirrored: keys at the right edge, their label to the left of them and the
binding id (the name to use in `[keys]`, never translated) at the left edge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from akhbar_tui.ui.labels import key_message_id
from akhbar_tui.ui.text import pad, width_of

if TYPE_CHECKING:
    from akhbar_tui.ui.app import AkhbarApp

ROW_WIDTH = 80
"""Cells of a help row (the dialog is 90 wide: a border, padding and a scrollbar leave 82)."""
LABEL_WIDTH = 28


def binding_groups() -> list[tuple[str, list[Binding]]]:
    """(catalogue id of the group's heading, its bindings), in the order the help lists them."""
    from akhbar_tui.ui.app import AkhbarApp
    from akhbar_tui.ui.screens.main import MainScreen
    from akhbar_tui.ui.widgets.article_view import ArticleView
    from akhbar_tui.ui.widgets.headline_list import HeadlineList
    from akhbar_tui.ui.widgets.virtual_list import VirtualList

    def of(cls: type) -> list[Binding]:
        return [b for b in cls.BINDINGS if isinstance(b, Binding)]

    return [
        ("ui.help.group.everywhere", of(AkhbarApp) + of(MainScreen)),
        ("ui.help.group.lists", of(HeadlineList) + of(VirtualList)),
        ("ui.help.group.article", of(ArticleView)),
    ]


def key_rows(app: AkhbarApp) -> list[tuple[str, str, str]]:
    """(keys, what it does in the reader's language, binding id) for every binding, with the
    keymap applied; the label is logical text."""
    keymap: dict[str, str] = getattr(app, "_keymap", {})
    rows = []
    for _group, bindings in binding_groups():
        for binding in bindings:
            rows.append(
                (shown_keys(app, binding, keymap), label_of(app, binding), binding.id or "")
            )
    return rows


def shown_keys(app: AkhbarApp, binding: Binding, keymap: dict[str, str]) -> str:
    """The binding's keys as the Footer shows them, after the user's `[keys]`."""
    keys = keymap.get(binding.id or "", binding.key)
    return ", ".join(app.get_key_display(Binding(k.strip(), "")) for k in keys.split(","))


def label_of(app: AkhbarApp, binding: Binding) -> str:
    """The binding's label in the reader's language (logical)."""
    msg_id = key_message_id(binding, app.has_message)
    return app.translator(msg_id) if msg_id is not None else binding.description


def help_lines(app: AkhbarApp) -> list[str]:
    """The table's rows, ready to paint: a heading per group, then one row per key."""
    keymap: dict[str, str] = getattr(app, "_keymap", {})
    groups = [
        (heading, [(shown_keys(app, b, keymap), label_of(app, b), b.id or "") for b in bindings])
        for heading, bindings in binding_groups()
    ]
    key_width = max(width_of(keys) for _, rows in groups for keys, _, _ in rows) + 2
    rtl = app.translator.rtl
    lines: list[str] = []
    for heading, rows in groups:
        if lines:
            lines.append("")
        title = app.label(heading, width=ROW_WIDTH)
        lines.append(pad(title, width_of(title), ROW_WIDTH, right=rtl))
        for keys, what, ident in rows:
            label = app.bidi.fit(what, LABEL_WIDTH - 2, app.direction).text
            if rtl:
                cells = (
                    pad(ident, width_of(ident), ROW_WIDTH - key_width - LABEL_WIDTH, right=False),
                    pad(label, width_of(label), LABEL_WIDTH - 2, right=True) + "  ",
                    pad(keys, width_of(keys), key_width, right=True),
                )
            else:
                cells = (
                    pad(keys, width_of(keys), key_width, right=False),
                    pad(label, width_of(label), LABEL_WIDTH, right=False),
                    ident,
                )
            lines.append("".join(cells))
    return lines


class HelpScreen(ModalScreen[None]):
    """A scrollable table of keys; Esc, `q` or `?` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
    ]

    app: AkhbarApp

    def compose(self) -> ComposeResult:
        """The title, then one line per key: keys, label, binding id (the `[keys]` name)."""
        rtl = "-rtl" if self.app.translator.rtl else ""
        with VerticalScroll(classes=f"dialog help {rtl}"):
            yield Static(
                Content(self.app.label("ui.help.title", width=ROW_WIDTH)), classes="dialog-title"
            )
            yield Static(Content("\n".join(help_lines(self.app))), id="help-keys")

    def on_mount(self) -> None:
        """Its own key (Esc) labelled in the reader's language."""
        self.app.localize(self)

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help screen."""
        self.dismiss(result)
