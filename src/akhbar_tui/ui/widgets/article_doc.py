"""An opened article as the rows-to-be of the article pane: header, body blocks, link list.

`article_text` gives the body as blocks whose text is exactly the plain text figures point into;
this module adds what the pane shows around them (title, meta line, the numbered link list) and
says how each block is drawn (style, indentation prefix), leaving wrapping to the view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from akhbar_tui.models import Article
from akhbar_tui.ui.text import safe

if TYPE_CHECKING:  # the parser is loaded when the first article opens, not at start
    from akhbar_tui.article_text import ArticleText

_STYLES = {"heading": "heading", "quote": "quote", "preformatted": "pre"}


@dataclass(frozen=True, slots=True)
class DocBlock:
    """A paragraph of the pane: text in logical order, its direction, style and prefix.

    `offset` is where `text` starts in the article's plain text (None for the header and the
    link list, which are not part of it).
    """

    text: str
    direction: str = "auto"
    style: str = "body"
    prefix: str = ""
    offset: int | None = None


@dataclass(frozen=True, slots=True)
class Doc:
    """What the article pane shows, and the article's plain text (for copying and figures)."""

    article: Article
    text: ArticleText
    blocks: tuple[DocBlock, ...]


def build_doc(article: Article, text: ArticleText, feed_title: str = "") -> Doc:
    """Header, body and links of `article` as pane blocks."""
    fallback = article.direction
    blocks: list[DocBlock] = [
        DocBlock(article.title or "(untitled)", fallback, "title"),
        DocBlock(meta_line(article, feed_title), fallback, "meta"),
        DocBlock(""),
    ]
    for block in text.blocks:
        direction = block.direction if block.direction != "auto" else fallback
        if block.kind == "rule":
            blocks.append(DocBlock("─" * 12, "ltr", "meta"))
        elif block.kind == "quote":
            blocks.append(
                DocBlock(block.text, direction, "quote", "│ " * (block.depth + 1), block.start)
            )
        elif block.kind == "list_item":
            blocks.append(
                DocBlock(block.text, direction, "body", "  " * (block.depth + 1), block.start)
            )
        else:
            blocks.append(
                DocBlock(block.text, direction, _STYLES.get(block.kind, "body"), "", block.start)
            )
        blocks.append(DocBlock(""))
    if text.links:
        blocks.append(DocBlock("Links", "ltr", "heading"))
        for link in text.links:
            blocks.append(DocBlock(f"[{link.number}] {safe(link.url)}", "ltr", "link"))
    return Doc(article, text, tuple(blocks))


LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"
"""Bidi isolates: left-to-right, first-strong, and their end (UAX #9)."""


def meta_line(article: Article, feed_title: str) -> str:
    """Feed · author · date, whichever are known, each field isolated from the others.

    In an Arabic line the digits of `2026-11-23 20:40` would otherwise follow the Arabic
    letters before them and read `20:40 23-11-2026` (UAX #9 rule W2); an LRI…PDI isolate keeps
    the date left to right, and FSI…PDI gives a name its own direction (an English author in an
    Arabic line stays one piece).
    """
    parts = [FSI + text + PDI for text in (feed_title, article.author or "") if text]
    if article.published is not None:
        parts.append(LRI + article.published.strftime("%Y-%m-%d %H:%M") + PDI)
    return " · ".join(parts)
