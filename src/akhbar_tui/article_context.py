"""The state behind `article_html`'s walk: what a run of text becomes, and how it is tidied.

`Ctx` travels down the element tree (a list item inside a quote inside an `dir="rtl"` div…);
the `*State` objects are shared by everything inside one list, item, table, figure or link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BR = "\x00"  # a <br> in the buffer, until whitespace is collapsed
_SUPERSCRIPT = str.maketrans("0123456789+-−=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿ")
_SUBSCRIPT = str.maketrans("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")
_BR_RUN = re.compile(r" ?\x00 ?")


@dataclass(slots=True)
class RawBlock:
    """A block before directions, image labels and offsets are settled."""

    kind: str
    text: str
    level: int = 0
    depth: int = 0
    number: int | None = None
    dir: str | None = None
    lang: str | None = None


@dataclass(slots=True)
class RawImage:
    """An image seen in the HTML; `rtl` is True/False when its context decides the label."""

    alt: str
    rtl: bool | None
    marker: str


@dataclass(slots=True)
class ListState:
    ordered: bool
    next: int = 1
    step: int = 1


@dataclass(slots=True)
class ItemState:
    marker: str
    number: int | None
    pending: bool = True


@dataclass(slots=True)
class TableState:
    cells: list[str] = field(default_factory=list)
    saved: list[str] | None = None  # the enclosing cell's text while a nested table runs


@dataclass(slots=True)
class FigureState:
    captions: list[RawBlock] = field(default_factory=list)
    has_image: bool = False


@dataclass(slots=True)
class LinkState:
    url: str
    parts: list[str] = field(default_factory=list)  # its text, until it has a number
    pending: bool = False  # text shown since the last marker
    number: int | None = None


@dataclass(slots=True)
class Ctx:
    """What a flushed buffer becomes, inherited down the element stack."""

    kind: str = "paragraph"
    level: int = 0
    lists: int = 0
    lst: ListState | None = None
    item: ItemState | None = None
    quote: int = 0
    table: TableState | None = None
    cell: bool = False
    pre: bool = False
    figure: FigureState | None = None
    caption: bool = False
    top: bool = True
    dir: str | None = None
    lang: str | None = None
    lang_html: bool = False

    def copy(self) -> Ctx:
        return Ctx(
            self.kind, self.level, self.lists, self.lst, self.item, self.quote, self.table,
            self.cell, self.pre, self.figure, self.caption, self.top, self.dir, self.lang,
            self.lang_html,
        )  # fmt: skip


def number_list(lst: ListState, attrs: dict[str, str | None]) -> None:
    start = _int(attrs.get("start"))
    if "reversed" in attrs and start is not None:
        lst.step = -1
    if start is not None:
        lst.next = start


def new_item(lst: ListState | None, attrs: dict[str, str | None]) -> ItemState:
    if lst is None or not lst.ordered:
        return ItemState("• ", None)
    value = _int(attrs.get("value"))
    number = lst.next if value is None else value
    lst.next = number + lst.step
    return ItemState(f"{number}. ", number)


def _int(value: str | None) -> int | None:
    text = (value or "").strip()
    digits = text[1:] if text[:1] in "+-" else text
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 9:
        return None
    return int(text)


def collapse(text: str) -> str:
    # str.split() also folds no-break and other Unicode spaces: one fast pass, and a terminal
    # wraps on them no differently.
    text = " ".join(text.split())
    if BR in text:
        text = _BR_RUN.sub("\n", text).strip()
    return text


def pre_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "").replace(BR, "\n")
    return text.expandtabs(8).rstrip()


def script_digits(buf: list[str], start: int, *, superscript: bool) -> None:
    """Rewrite the text of a `<sup>`/`<sub>` (`buf[start:]`) so "10<sup>6</sup>" cannot read
    as 106: with superscript/subscript characters when it is all digits and signs ("10⁶",
    "CO₂"), else with a caret before it ("word^a")."""
    raw = "".join(buf[start:])
    text = raw.strip()
    if not text:
        return
    table = _SUPERSCRIPT if superscript else _SUBSCRIPT
    mapped = text.translate(table)
    if any(char == mapped_char for char, mapped_char in zip(text, mapped, strict=True)):
        mapped = ("^" if superscript else "_") + text
    lead = raw[: len(raw) - len(raw.lstrip())]
    trail = raw[len(raw.rstrip()) :]
    buf[start:] = [lead, mapped, trail]
