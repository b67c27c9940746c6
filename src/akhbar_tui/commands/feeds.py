"""`akhbar feeds list|add|remove`: edit the feed list without opening an editor.

`add` needs no network (it writes the URL as given) unless `--discover` asks akhbar to find the
feed a web page links.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from akhbar_tui.errors import ConfigError
from akhbar_tui.i18n import Translator
from akhbar_tui.models import FeedSpec
from akhbar_tui.phrase import Phrase


def register(parser: argparse.ArgumentParser, tr: Translator | None = None) -> None:
    """`list`, `add URL [--title] [--category] [--tag]… [--lang] [--discover]`, `remove`."""
    tr = tr or Translator()
    actions = parser.add_subparsers(dest="feeds_action", metavar="ACTION", required=True)
    actions.add_parser(
        "list", help=tr("cli.feeds.list.help"), description=tr("cli.feeds.list.help")
    )
    add = actions.add_parser(
        "add", help=tr("cli.feeds.add.help"), description=tr("cli.feeds.add.help")
    )
    add.add_argument("url", metavar="URL")
    add.add_argument("--title")
    add.add_argument("--category")
    add.add_argument("--tag", action="append", default=[], dest="tags", metavar="TAG")
    add.add_argument("--lang", metavar="LANG", help=tr("cli.feeds.add.lang_help"))
    add.add_argument("--discover", action="store_true", help=tr("cli.feeds.add.discover_help"))
    remove = actions.add_parser(
        "remove", help=tr("cli.feeds.remove.help"), description=tr("cli.feeds.remove.help")
    )
    remove.add_argument("feed", metavar="URL|TITLE")


def run(args: argparse.Namespace) -> int:
    """Dispatch to the action."""
    from akhbar_tui.cli_output import console_for
    from akhbar_tui.commands._context import config_from_args

    config = config_from_args(args, missing_ok=args.feeds_action == "add")
    if args.feeds_action == "list":
        return _list(config.feeds)
    if args.feeds_action == "add":
        return _add(args, config.path)
    removed = _remove(config.path, args.feed)
    console_for(args).say("cli.feeds.removed", title=removed.display_title, url=removed.url)
    return 0


def _list(feeds: tuple[FeedSpec, ...]) -> int:
    """One feed per line: title, category, language and url, tab-separated for scripts.

    A machine format: the same in every language, never laid out.
    """
    for feed in feeds:
        flags = "" if feed.enabled else "\t(disabled)"
        columns = (feed.display_title, feed.category or "-", feed.lang or "-", feed.url)
        print("\t".join(columns) + flags)
    return 0


def _add(args: argparse.Namespace, path: Path) -> int:
    """Write the new feed, discovering it first when asked."""
    from akhbar_tui.cli_output import console_for
    from akhbar_tui.config import add_feed

    url = args.url.strip()
    if args.discover:
        url = _discover(args, url)
    spec = FeedSpec(
        url=url,
        title=args.title,
        category=args.category,
        tags=tuple(args.tags),
        lang=args.lang,
    )
    _check_url(spec.url)
    add_feed(path, spec)
    console_for(args).say("cli.feeds.added", title=spec.display_title, url=spec.url)
    return 0


def _discover(args: argparse.Namespace, page_url: str) -> str:
    """The first feed `page_url` links; the others are listed so the user can pick one."""
    from akhbar_tui.cli_output import console_for
    from akhbar_tui.commands._context import engine_from_args

    engine = engine_from_args(args)
    try:
        found = asyncio.run(engine.discover(page_url))
    finally:
        engine.close()
    if not found:
        raise ConfigError(
            Phrase("cli.feeds.no_feed_linked", url=page_url),
            hint=Phrase("cli.feeds.no_feed_linked.hint"),
        )
    for other in found[1:]:
        console_for(args).note("cli.feeds.also_found", url=other)
    return found[0]


def _check_url(url: str) -> None:
    """Refuse what feeds.toml would refuse, before writing it."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(
            Phrase("cli.feeds.bad_url", url=repr(url)), hint=Phrase("cli.feeds.bad_url.hint")
        )


def _remove(path: Path, ident: str) -> FeedSpec:
    """Remove by url or title through config's writer."""
    from akhbar_tui.config import remove_feed

    return remove_feed(path, ident)
