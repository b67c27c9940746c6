"""`akhbar opml import FILE` and `akhbar opml export [FILE]`: move feed lists between readers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from akhbar_tui.errors import OpmlError


def register(parser: argparse.ArgumentParser) -> None:
    """`import FILE` and `export [FILE]` (stdout when no file is given)."""
    actions = parser.add_subparsers(dest="opml_action", metavar="ACTION", required=True)
    importer = actions.add_parser("import", help="add the feeds of an OPML file to feeds.toml")
    importer.add_argument("file", metavar="FILE")
    exporter = actions.add_parser("export", help="write the feed list as OPML 2.0")
    exporter.add_argument("file", metavar="FILE", nargs="?")


def run(args: argparse.Namespace) -> int:
    """Import (skipping and counting duplicates) or export."""
    from akhbar_tui.commands._context import config_from_args
    from akhbar_tui.config import add_feeds
    from akhbar_tui.opml import export_opml, parse_opml

    config = config_from_args(args, missing_ok=args.opml_action == "import")
    if args.opml_action == "export":
        text = export_opml(config.feeds)
        if args.file:
            Path(args.file).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return 0
    source = Path(args.file)
    try:
        data = source.read_bytes()
    except OSError as error:
        raise OpmlError(f"{source}: cannot read: {error.strerror}") from None
    result = parse_opml(data, source=str(source))
    added = add_feeds(config.path, result.feeds)
    already = len(result.feeds) - len(added)
    print(
        f"imported {len(added)} feeds from {source}; skipped {result.duplicates + already} "
        f"duplicates and {result.invalid} entries without an http(s) feed address"
    )
    return 0
