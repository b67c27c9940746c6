"""A guard against HTML nested so deep that building its tree would hang the reader.

The HTML5 tree builder scans the stack of open elements for most tags, so its cost grows with
depth × tags: 100,000 nested `<div>`s take lexbor about 25 s. No article nests like that (a
browser caps its tree at 512 levels); such input is an attack or a broken generator, and it is
read as plain text instead — in linear time, by the standard library's tokenizer.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

MAX_DEPTH = 1024
# Depth cannot exceed the number of tags: with this few, even fully nested ones cost the tree
# builder about 50 ms, so the scan (about 0.8 ms for a 5,000-word article) is skipped.
SCAN_FROM_TAGS = 5000
# A rough tag scanner, only to estimate depth (the tree builder does the real parsing).
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^<>]*?(/?)>")
# Elements whose end tags are optional or that hold nothing: they do not deepen the tree.
_FLAT_NAMES = (
    "p li dt dd tr td th tbody thead tfoot option optgroup colgroup caption rb rt rp"
    " area base br col embed hr img input link meta param source track wbr"
)
_FLAT = frozenset(_FLAT_NAMES.split())
_SKIPPED = frozenset({"script", "style", "template", "svg", "math", "head", "title", "noscript"})


def too_deep(html: str) -> bool:
    """True when `html` has many tags and nests them deeper than any real article does."""
    if html.count("<") <= SCAN_FROM_TAGS:
        return False
    depth = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if name.lower() in _FLAT:
            continue
        if closing:
            depth = max(depth - 1, 0)
        elif not self_closing:
            depth += 1
            if depth > MAX_DEPTH:
                return True
    return False


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in ("p", "div", "li", "tr", "br", "h1", "h2", "h3", "blockquote"):
            self.parts.append("\n\n" if tag != "br" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def text_only(html: str) -> str:
    """The text of `html` with paragraph breaks at the main block tags, in linear time."""
    parser = _TextOnly()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser's AssertionError on `<![` junk: keep what was read
        pass
    return "".join(parser.parts)
