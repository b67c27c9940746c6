"""The `?` screen: every key, as the user's `[keys]` table has remapped it."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

if TYPE_CHECKING:
    from textual.app import App


def binding_groups() -> list[tuple[str, list[Binding]]]:
    """The bindings of each part of the reader, in the order the help screen lists them."""
    from akhbar_tui.ui.app import AkhbarApp
    from akhbar_tui.ui.screens.main import MainScreen
    from akhbar_tui.ui.widgets.article_view import ArticleView
    from akhbar_tui.ui.widgets.headline_list import HeadlineList
    from akhbar_tui.ui.widgets.virtual_list import VirtualList

    def of(cls: type) -> list[Binding]:
        return [b for b in cls.BINDINGS if isinstance(b, Binding)]

    return [
        ("Everywhere", of(AkhbarApp) + of(MainScreen)),
        ("Lists (feeds, headlines, figures)", of(HeadlineList) + of(VirtualList)),
        ("Article", of(ArticleView)),
    ]


def key_rows(app: App[object]) -> list[tuple[str, str, str]]:
    """(keys, what it does, binding id) for every binding, with the keymap applied."""
    keymap: dict[str, str] = getattr(app, "_keymap", {})
    rows = []
    for _group, bindings in binding_groups():
        for binding in bindings:
            keys = keymap.get(binding.id or "", binding.key)
            shown = ", ".join(app.get_key_display(Binding(k.strip(), "")) for k in keys.split(","))
            rows.append((shown, binding.description, binding.id or ""))
    return rows


class HelpScreen(ModalScreen[None]):
    """A scrollable table of keys; Esc, `q` or `?` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        """One line per key: keys, description, binding id (the name to use in `[keys]`)."""
        rows = key_rows(self.app)
        width = max(len(keys) for keys, _, _ in rows) + 2
        lines = [f"{keys.ljust(width)}{what:<26}{ident}" for keys, what, ident in rows]
        with VerticalScroll(classes="dialog help"):
            yield Label(
                "Keys — remap any of them in feeds.toml [keys] by its id", classes="dialog-title"
            )
            yield Static(Content("\n".join(lines)), id="help-keys")

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help screen."""
        self.dismiss(result)
