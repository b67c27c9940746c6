"""The Footer, mirrored in a right-to-left interface.

In Arabic the keys start at the right edge (the first binding rightmost, as a reader's eye
starts there), each shows its label to the left of its key (`خروج q` reads key first, right to
left), and the command palette's key moves to the left edge. When the keys do not all fit, the
last ones are cut (on the left), as in English where they are cut on the right. Labels were
already translated and ordered for the terminal by `labels.localize_bindings`; nothing here
re-orders text.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class MirroredFooterKey(FooterKey):
    """A Footer key painted label first, key second (right to left reading: key, then label)."""

    def render(self) -> Text:
        """The label, then the key, each in its own Footer style."""
        key_style = self.get_component_rich_style("footer-key--key")
        description_style = self.get_component_rich_style("footer-key--description")
        key_padding = self.get_component_styles("footer-key--key").padding
        key = " " * key_padding.left + self.key_display + " " * key_padding.right
        if self.description:
            text = Text.assemble((" " + self.description, description_style), (key, key_style))
        else:
            text = Text.assemble((key, key_style))
        text.stylize_before(self.rich_style)
        return text


class ReaderFooter(Footer):
    """Textual's Footer; with the `-rtl` class its keys run from the right edge leftwards."""

    DEFAULT_CSS = """
    ReaderFooter.-rtl {
        align-horizontal: right;
        FooterKey.-command-palette {
            dock: left;
            border-left: none;
            border-right: vkey $foreground 20%;
        }
    }
    """

    def compose(self) -> ComposeResult:
        """Textual's keys; mirrored (reversed order, label before key) in an RTL interface."""
        widgets = list(super().compose())
        if not self.has_class("-rtl"):
            yield from widgets
            return
        keys = [mirrored(w) if type(w) is FooterKey else w for w in widgets]
        palette = [w for w in keys if w.has_class("-command-palette")]
        rest = [w for w in keys if not w.has_class("-command-palette")]
        yield from reversed(rest)
        yield from palette

    def watch_virtual_size(self) -> None:
        """Keys that do not fit overflow on the right: mirrored, the first ones are there, so
        show that end."""
        if self.has_class("-rtl"):
            self.call_after_refresh(self._show_first_keys)

    def _show_first_keys(self) -> None:
        self.scroll_to(x=self.max_scroll_x, animate=False, immediate=True)


def mirrored(key: FooterKey) -> MirroredFooterKey:
    """The same key as a `MirroredFooterKey`."""
    copy = MirroredFooterKey(
        key.key,
        key.key_display,
        key.description,
        key.action,
        disabled=key.has_class("-disabled"),
        tooltip=str(key.tooltip or ""),
        classes=" ".join(c for c in key.classes if c != "-disabled"),
    )
    return copy.data_bind(compact=Footer.compact)
