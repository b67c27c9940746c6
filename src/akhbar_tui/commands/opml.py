"""`akhbar opml import FILE` and `akhbar opml export [FILE]`: move feed lists between readers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from akhbar_tui.errors import OpmlError
from akhbar_tui.i18n import Translator
from akhbar_tui.phrase import Phrase


def register(parser: argparse.ArgumentParser, tr: Translator | None = None) -> None:
    """`import FILE` and `export [FILE]` (stdout when no file is given)."""
    tr = tr or Translator()
    actions = parser.add_subparsers(dest="opml_action", metavar="ACTION", required=True)
    importer = actions.add_parser(
        "import", help=tr("cli.opml.import_help"), description=tr("cli.opml.import_help")
    )
    importer.add_argument("file", metavar="FILE")
    exporter = actions.add_parser(
        "export", help=tr("cli.opml.export_help"), description=tr("cli.opml.export_help")
    )
    exporter.add_argument("file", metavar="FILE", nargs="?")


def run(args: argparse.Namespace) -> int:
    """Import (skipping and counting duplicates) or export (a machine format, as it is)."""
    from akhbar_tui.cli_output import console_for
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
        reason = error.strerror or str(error)
        raise OpmlError(Phrase("cli.opml.cannot_read", source=str(source), reason=reason)) from None
    result = parse_opml(data, source=str(source))
    added = add_feeds(config.path, result.feeds)
    already = len(result.feeds) - len(added)
    console_for(args).say(
        "cli.opml.imported",
        count=len(added),
        source=str(source),
        duplicates=result.duplicates + already,
        invalid=result.invalid,
    )
    return 0
