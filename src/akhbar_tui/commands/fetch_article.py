"""`akhbar fetch-article URL [--render]`: print the main text of an article page.

The page is fetched with the same client and limits as a refresh (the `[settings]` of feeds.toml:
deadline, size cap, redirects, only http/https) and its main text extracted the way the reader's
full-text fetch does, so this command shows exactly what `f` in the reader would store.

Output: the title, a blank line, the article's plain text (blocks separated by blank lines,
links marked `[n]`), then the numbered link targets. Plain by default, which is what a pipe or a
bidi-aware terminal wants; `--render` lays each block out for the terminal width the way the
reader does (Arabic shaped and put in visual order, right-to-left blocks aligned right). A
failure prints `akhbar: <reason>` on stderr and exits 1.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from akhbar_tui.i18n import Translator

if TYPE_CHECKING:
    from akhbar_tui.article_text import ArticleText
    from akhbar_tui.fulltext import FullText
    from akhbar_tui.settings import Settings


def register(parser: argparse.ArgumentParser, tr: Translator | None = None) -> None:
    """The page URL, `--render` and `--width`."""
    tr = tr or Translator()
    parser.add_argument("url", metavar="URL", help=tr("cli.fetch_article.url_help"))
    parser.add_argument("--render", action="store_true", help=tr("cli.fetch_article.render_help"))
    parser.add_argument(
        "--width", type=int, default=None, metavar="N", help=tr("cli.fetch_article.width_help")
    )


def run(args: argparse.Namespace) -> int:
    """Fetch, extract and print; a failure raises a FullTextError that the CLI reports."""
    import asyncio
    import shutil

    from akhbar_tui import article_text
    from akhbar_tui.commands._context import config_from_args

    settings = config_from_args(args).settings
    mode = getattr(args, "bidi", None) or settings.bidi
    full = asyncio.run(_fetch(args.url, settings))
    article = article_text.parse(full.html, full.url, lang=full.lang)
    if args.render:
        width = args.width or shutil.get_terminal_size().columns
        lines = render_lines(full, article, max(width, 10), mode)
    else:
        lines = plain_lines(full, article)
    print("\n".join(lines))
    return 0


async def _fetch(url: str, settings: Settings) -> FullText:
    """One full-text fetch with its own client."""
    from akhbar_tui.fetch import Fetcher
    from akhbar_tui.fulltext import fetch_full_text

    async with Fetcher(settings) as fetcher:
        return await fetch_full_text(fetcher, url)


def plain_lines(full: FullText, article: ArticleText) -> list[str]:
    """Title, the article text in logical order, and the link list."""
    lines = [full.title, ""] if full.title else []
    lines.append(article.text)
    if article.links:
        lines.append("")
        lines.extend(f"[{link.number}] {link.url}" for link in article.links)
    return lines


def render_lines(full: FullText, article: ArticleText, width: int, mode: str = "app") -> list[str]:
    """The same text laid out for `width` columns, each block in its own direction.

    `mode` is `--bidi`: `app` shapes and reorders, `terminal` leaves that to the terminal.
    """
    from akhbar_tui.bidi_layout import layout

    def laid_out(text: str, direction: str) -> list[str]:
        out = []
        for line in layout(text, width, direction=direction, fallback="ltr", mode=mode):
            pad = width - line.cells if line.rtl else 0
            out.append(" " * max(pad, 0) + line.visual)
        return out

    page_direction = full.direction or "auto"
    lines: list[str] = []
    if full.title:
        lines.extend(laid_out(full.title, page_direction))
        lines.append("")
    for index, block in enumerate(article.blocks):
        if index:
            lines.append("")
        lines.extend(laid_out(block.text, block.direction))
    if article.links:
        lines.append("")
        lines.extend(f"[{link.number}] {link.url}" for link in article.links)
    return lines
