"""An opened article as the rows-to-be of the article pane: header, body blocks, link list.

`article_text` gives the body as blocks whose text is exactly the plain text figures point into;
this module adds what the pane shows around them (title, meta line, the numbered link list) and
says how each block is drawn (style, indentation prefix), leaving wrapping to the view.

What akhbar writes around the article speaks the reader's language (a `Translator`): the date in
the meta line (Gregorian, Hijri or both, in the reader's digits), the links heading, "untitled".
The article's own title and text are never altered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from akhbar_tui.i18n import Translator
from akhbar_tui.models import Article
from akhbar_tui.ui.text import ENGLISH, interface_direction, safe

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
    """What the article pane shows, and the article's plain text (for copying and figures).

    `feed_title`, `country` and `tr` are what the header was built from, so the view can build it
    again for another reader (`ArticleView.show` does when its app's translator differs).
    """

    article: Article
    text: ArticleText
    blocks: tuple[DocBlock, ...]
    feed_title: str = ""
    country: str | None = None
    tr: Translator = ENGLISH


def build_doc(
    article: Article,
    text: ArticleText,
    feed_title: str = "",
    *,
    tr: Translator = ENGLISH,
    country: str | None = None,
) -> Doc:
    """Header, body and links of `article` as pane blocks, labelled in `tr`'s language.

    `country` is the feed's (ISO 3166): it picks the Arabic month names the feed's readers use.
    """
    fallback = article.direction
    interface = interface_direction(tr)
    blocks: list[DocBlock] = [
        DocBlock(article.title or tr("ui.pane.article.untitled"), fallback, "title"),
        DocBlock(meta_line(article, feed_title, tr, country), fallback, "meta"),
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
        blocks.append(DocBlock(tr("ui.article.links_heading"), interface, "heading"))
        for link in text.links:
            blocks.append(DocBlock(f"[{link.number}] {safe(link.url)}", "ltr", "link"))
    return Doc(article, text, tuple(blocks), feed_title, country, tr)


FSI, PDI = "\u2068", "\u2069"
"""Bidi isolates: first-strong, and its end (UAX #9)."""


def meta_line(
    article: Article, feed_title: str, tr: Translator = ENGLISH, country: str | None = None
) -> str:
    """Feed · author · date, whichever are known, each field isolated from the others.

    Each field is an FSI…PDI isolate: it takes its own direction from its first strong letter
    and its digits cannot join the fields around it (UAX #9 rule W2 would otherwise turn the
    date's digits of an English line after Arabic letters around). An English author in an Arabic
    line stays one piece; an English date (`11 March 2024, 20:40`) reads left to right in an
    Arabic article's line, and an Arabic date (`1 رمضان 1445 هـ، 20:40`) right to left in an
    English one — which an LRI isolate would have reversed.
    """
    fields = [feed_title, article.author or ""]
    if article.published is not None:
        fields.append(tr.date(article.published, with_time=True, country=country))
    return " · ".join(FSI + text + PDI for text in fields if text)
