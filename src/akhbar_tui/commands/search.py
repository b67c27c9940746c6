"""`akhbar search QUERY [--json] [--relevance] [--feed URL|TITLE] [--unread] [--limit N]`.

Plain output is one hit per line — date, feed, title, then the snippet — with feed text
stripped of control characters. `--json` prints an array of hits (`id`, `feed`, `feed_url`,
`title`, `link`, `published` in ISO 8601 UTC or null, `snippet`). Whatever the query, and
whether or not anything matched, the exit status is 0; only an unknown `--feed` is an error.
"""

from __future__ import annotations

import argparse
import json
import sys

from akhbar_tui.i18n import Translator
from akhbar_tui.models import SearchHit


def register(parser: argparse.ArgumentParser, tr: Translator | None = None) -> None:
    """The query words and the filters."""
    tr = tr or Translator()
    parser.add_argument("query", nargs="*", metavar="QUERY", help=tr("cli.search.query_help"))
    parser.add_argument("--json", action="store_true", help=tr("cli.search.json_help"))
    parser.add_argument("--relevance", action="store_true", help=tr("cli.search.relevance_help"))
    parser.add_argument("--feed", metavar="URL|TITLE", help=tr("cli.search.feed_help"))
    parser.add_argument("--unread", action="store_true", help=tr("cli.search.unread_help"))
    parser.add_argument(
        "--limit", type=int, default=100, metavar="N", help=tr("cli.search.limit_help")
    )


def run(args: argparse.Namespace) -> int:
    """Bring the index up to date, search, print."""
    from akhbar_tui.commands._context import engine_from_args

    engine = engine_from_args(args)
    try:
        hits = engine.search(
            " ".join(args.query),
            feed=args.feed,
            unread_only=args.unread,
            order="relevance" if args.relevance else "newest",
            limit=args.limit,
        )
    finally:
        engine.close()
    if args.json:
        json.dump([as_json(hit) for hit in hits], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    from akhbar_tui.cli_output import console_for

    console = console_for(args)
    for hit in hits:
        console.out(as_line(hit, console.tr))
    if not hits:
        console.note("cli.search.no_hits")
    return 0


def as_json(hit: SearchHit) -> dict[str, object]:
    """The documented JSON shape of one hit."""
    return {
        "id": hit.id,
        "feed": hit.feed_title,
        "feed_url": hit.feed_url,
        "title": hit.title,
        "link": hit.link,
        "published": hit.published.isoformat() if hit.published else None,
        "snippet": hit.snippet,
    }


def as_line(hit: SearchHit, tr: Translator) -> str:
    """`YYYY-MM-DD  feed  title — snippet`, on one line, free of terminal controls; the date in
    the reader's digits."""
    from akhbar_tui.text_clean import clean_text

    date = tr.digits_of(hit.published.strftime("%Y-%m-%d")) if hit.published else "----------"
    parts = [date, hit.feed_title, hit.title]
    line = "  ".join(" ".join(clean_text(part).split()) for part in parts)
    snippet = " ".join(clean_text(hit.snippet).split())
    return f"{line} — {snippet}" if snippet else line
