"""The reader's own words in the reader's language: key labels, one-line labels, notifications.

Bindings are declared in English in the source (with ids, so `[keys]` can remap them); when a
screen starts, `localize_bindings` gives each node's bindings the catalogue label of their id,
already shaped and ordered for the terminal. Textual applies a keymap to a copy of those
bindings on every key (`Binding.with_key` keeps the description), so remapped keys keep their
translated labels.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from akhbar_tui.i18n import Translator
from akhbar_tui.ui.text import Bidi, pad, paintable, width_of

# One binding id used by widgets that mean different things by it: Enter "shows" a feed or a
# figure and "opens" a headline. The English description in the source tells them apart.
SHARED_IDS = {
    ("open", "Show"): "ui.key.open.show",
    ("open", "Open"): "ui.key.open.headline",
}
# Textual's own bindings that the Footer shows have no id: they are named by their action.
BY_ACTION = {"command_palette": "ui.key.palette"}

TOAST_TEXT_WIDTH = 56
"""Cells of text in a notification (Textual's Toast: 60 wide, a border and padding)."""


def key_message_id(binding: Binding, known: Callable[[str], bool]) -> str | None:
    """The catalogue id of a binding's label, or None for a binding akhbar does not label."""
    shared = SHARED_IDS.get((binding.id or "", binding.description))
    if shared is not None:
        return shared
    if binding.id and known(f"ui.key.{binding.id}"):
        return f"ui.key.{binding.id}"
    action = binding.action.removeprefix("app.")
    return BY_ACTION.get(action)


def localize_bindings(
    node: DOMNode, label: Callable[[str], str], known: Callable[[str], bool]
) -> None:
    """Give `node`'s bindings their labels from the catalogue (`label(msg_id)`).

    The node's map is replaced, never changed in place: its lists are shared with the class's
    merged bindings, which other apps (another language, a test) start from too.
    """
    bindings: BindingsMap = node._bindings  # Textual keeps each node's bindings here
    localized: dict[str, list[Binding]] = {}
    for key, key_bindings in bindings.key_to_bindings.items():
        localized[key] = []
        for binding in key_bindings:
            msg_id = key_message_id(binding, known)
            if msg_id is not None:
                binding = replace(binding, description=label(msg_id), tooltip="")
            localized[key].append(binding)
    node._bindings = BindingsMap.from_keys(localized)


def localize_tree(root: DOMNode, label: Callable[[str], str], known: Callable[[str], bool]) -> None:
    """`localize_bindings` on `root` and every node below it."""
    localize_bindings(root, label, known)
    for node in root.walk_children():
        localize_bindings(node, label, known)


def toast_text(text: str, translator: Translator, bidi: Bidi, width: int = TOAST_TEXT_WIDTH) -> str:
    """A notification's text wrapped in logical order and each row ordered for display.

    A Toast wraps its text itself; wrapping a visual (reordered) string would put an Arabic
    sentence's rows bottom to top, so the rows are made here, narrower than the toast, and an
    Arabic interface's rows are flush right. Feed names inside keep their own direction.
    """
    direction = "rtl" if translator.rtl else "ltr"
    lines = bidi.lines(text, width, direction)
    if not lines:
        return ""
    widest = max(line.cells for line in lines)
    visuals = [paintable(line.visual) for line in lines]
    rows = [
        pad(v, width_of(v), widest, right=line.rtl) for v, line in zip(visuals, lines, strict=True)
    ]
    return "\n".join(row.rstrip() if not translator.rtl else row for row in rows)
