"""The key figures of an article as the reader shows it.

`article_text` numbers each link and writes its marker into the text (`[3]`), so that the links
list can be reached from the body. The marker is akhbar's own, not the article's: its digits are
no figure of the story, and the figures pane and `akhbar figures --article` leave them out. A
bracketed number the article wrote itself (`[12]`, a reference) is no key figure either.
"""

from __future__ import annotations

import re

from akhbar_tui.figures import extract
from akhbar_tui.models import Figure

_MARKER = re.compile(r"\[([0-9]+)\]")


def article_figures(text: str, lang: str | None, country: str | None = None) -> list[Figure]:
    """`figures.extract` on an article's plain text, without its link and reference markers."""
    markers = {(m.start(1), m.end(1)) for m in _MARKER.finditer(text)}
    figures = extract(text, lang=lang, country=country)
    return [f for f in figures if (f.start, f.end) not in markers]
