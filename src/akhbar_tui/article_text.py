"""Article HTML (or a plain-text summary) → blocks of clean text and one plain text.

The reader shows `plain_text(blocks)`, key figures and search matches are offsets into that same
string, and a copy of the article is that string: so every character shown (link markers "[1]",
list markers "1. " / "• ", image placeholders) is in a block's `text`, and decoration that is not
a character (indentation by `depth`, a quote bar, heading style) is left to the view.

Parsing lives in `article_html` (one walk over selectolax's HTML5 tree, with its state in
`article_context` and its element tables in `article_tags`), character hygiene in
`article_clean`; this module settles what needs the whole article — the language of image
placeholders, each block's direction — and lays the blocks out in one string.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from selectolax.lexbor import LexborHTMLParser

from akhbar_tui.article_clean import clean, first_strong_direction, is_rtl_lang
from akhbar_tui.article_context import RawBlock, RawImage
from akhbar_tui.article_guard import text_only, too_deep
from akhbar_tui.article_html import ArticleBuilder

BlockKind = Literal[
    "paragraph", "heading", "list_item", "quote", "preformatted", "image", "rule", "table_row"
]
BlockDirection = Literal["rtl", "ltr", "auto"]

SEPARATOR = "\n\n"
_IMAGE = re.compile(r"\x02(\d+)\x03")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\x0c]*\n\s*")
_SPACES = re.compile(r"[ \t\x0c]+")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the article as shown: `text` is exactly `plain_text(...)[start:end]`.

    `level` is the heading level (1–6); `depth` the nesting depth of a list item (0 = top) or of
    a quote inside quotes; `number` the ordered-list number, on the item's first block only.
    `direction` comes from `dir=` attributes, else the first strong character, else the
    language; "auto" means the text gives no clue and the view decides.
    """

    kind: BlockKind
    text: str
    start: int = 0
    end: int = 0
    level: int = 0
    depth: int = 0
    number: int | None = None
    direction: BlockDirection = "auto"
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """A numbered reference: the marker `[number]` follows the link's text (or image) in blocks."""

    number: int
    url: str
    text: str


@dataclass(frozen=True, slots=True)
class ArticleText:
    """Blocks, their links and the plain text they index into (`text == plain_text(blocks)`)."""

    blocks: tuple[Block, ...]
    links: tuple[Link, ...]
    text: str


def parse(html: str, base_url: str | None = None, *, lang: str | None = None) -> ArticleText:
    """Turn a feed's article HTML (or plain text) into blocks, links and plain text, in one pass.

    This is what the reader calls: it never raises, whatever a feed sends. `base_url` makes
    relative links absolute; `lang` is the feed's language, used where the HTML says nothing.
    Input without any tag is read as a plain-text summary: blank lines separate paragraphs and
    single newlines stay line breaks.
    """
    if "<" not in html:
        return _from_plain(html_lib.unescape(html), lang)
    if too_deep(html):
        return _from_plain(text_only(html), lang)
    builder = ArticleBuilder(base_url, lang)
    try:
        tree = LexborHTMLParser(_SURROGATES.sub("\ufffd", html))
        builder.build(tree)
    except Exception:  # a parser bug must not cost the reader the article: show it literally
        return _from_plain(html, lang)
    if not builder.saw_markup:  # only text, e.g. "x < y": a summary after all
        body = tree.body
        return _from_plain(body.text(deep=True) if body is not None else "", lang)
    raw = _settle_images(builder.blocks, builder.images, lang)
    links = tuple(Link(number, url, text) for number, url, text in builder.links)
    return _layout(raw, links)


def blocks(html: str, base_url: str | None = None, *, lang: str | None = None) -> list[Block]:
    """The article's blocks, for callers that do not need the links (see `parse`)."""
    return list(parse(html, base_url, lang=lang).blocks)


def plain_text(blocks: Sequence[Block]) -> str:
    """The article as one string: block texts separated by a blank line.

    Offsets of key figures and search matches refer to this string, and blocks from `parse`
    carry their own `start`/`end` in it.
    """
    return SEPARATOR.join(block.text for block in blocks)


def _from_plain(text: str, lang: str | None) -> ArticleText:
    text = clean(text).replace("\r\n", "\n").replace("\r", "\n")
    raw = []
    for paragraph in _PARAGRAPH_BREAK.split(text):
        lines = (_SPACES.sub(" ", line).strip() for line in paragraph.split("\n"))
        body = "\n".join(line for line in lines if line)
        if body:
            raw.append(RawBlock("paragraph", body, lang=lang))
    return _layout(raw, ())


def _settle_images(raw: list[RawBlock], images: list[RawImage], lang: str | None) -> list[RawBlock]:
    """Replace image sentinels with "[صورة: alt]" or "[image: alt]" and their link marker.

    An image's own context (dir/lang attributes, then its alt text) decides; failing that the
    article's prevailing direction, then the feed's language.
    """
    if not images:
        return raw
    article_rtl: bool | None = None
    if any(image.rtl is None for image in images):
        article_rtl = _prevailing_rtl(raw)
        if article_rtl is None:
            article_rtl = is_rtl_lang(lang)
    labels = [_label(image, article_rtl) for image in images]

    def label(match: re.Match[str]) -> str:
        return labels[int(match.group(1))]

    for block in raw:
        if "\x02" in block.text:
            block.text = _IMAGE.sub(label, block.text)
    return raw


def _label(image: RawImage, article_rtl: bool | None) -> str:
    rtl = article_rtl if image.rtl is None else image.rtl
    word = "صورة" if rtl else "image"
    shown = f"[{word}: {image.alt}]" if image.alt else f"[{word}]"
    return shown + image.marker


def _prevailing_rtl(raw: list[RawBlock]) -> bool | None:
    counts = {"rtl": 0, "ltr": 0}
    for block in raw:
        if block.kind != "image":
            direction = block.dir or first_strong_direction(block.text)
            if direction is not None:
                counts[direction] += len(block.text)
    if counts["rtl"] == counts["ltr"] == 0:
        return None
    return counts["rtl"] > counts["ltr"]


def _layout(raw: Sequence[RawBlock], links: tuple[Link, ...]) -> ArticleText:
    out: list[Block] = []
    position = 0
    for block in raw:
        text = block.text
        direction = block.dir or first_strong_direction(text)
        if direction is None:
            direction = "rtl" if is_rtl_lang(block.lang) else "auto"
        end = position + len(text)
        out.append(
            Block(
                block.kind,  # type: ignore[arg-type]
                text,
                position,
                end,
                block.level,
                block.depth,
                block.number,
                direction,  # type: ignore[arg-type]
                block.lang,
            )
        )
        position = end + len(SEPARATOR)
    return ArticleText(tuple(out), links, plain_text(out))
