"""The `akhbar` command line: the composition root.

It parses arguments, resolves paths and configuration, and hands each subcommand to its module in
`akhbar_tui.commands`. Those modules are imported only when their command runs, so `akhbar --help`
loads neither Textual nor the network or database stack. A user mistake (`AkhbarError`) becomes one
message on stderr and its exit code, never a traceback.

Everything it says is in the reader's language: the settings are read first, cheaply
(`cli_output.startup_settings`), then the parser is built with translated help texts, and each
command prints through the `Console` it finds on `args.console`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from akhbar_tui import __version__
from akhbar_tui.cli_output import Console, bidi_argument, startup_settings
from akhbar_tui.cli_parser import parser_class, speaking
from akhbar_tui.errors import AkhbarError
from akhbar_tui.i18n import Translator, translator_for

__all__ = ["COMMANDS", "add_common_options", "build_parser", "main"]

# Subcommand name → (module in akhbar_tui.commands, catalogue id of its one-line help). Each
# module has `register(parser, tr)` to add its arguments and `run(args) -> int`.
COMMANDS: dict[str, tuple[str, str]] = {
    "refresh": ("refresh", "cli.command.refresh"),
    "feeds": ("feeds", "cli.command.feeds"),
    "opml": ("opml", "cli.command.opml"),
    "paths": ("paths", "cli.command.paths"),
    "fetch-article": ("fetch_article", "cli.command.fetch_article"),
    "search": ("search", "cli.command.search"),
    "figures": ("figures", "cli.command.figures"),
    "render": ("render", "cli.command.render"),
}


def build_parser(console: Console | None = None) -> argparse.ArgumentParser:
    """The whole argument parser; subcommand modules are imported only to add their arguments.

    Without a console the texts are English and nothing is laid out (tests, tooling).
    """
    console = console or Console(Translator())
    tr = console.tr
    parser = parser_class(console)(prog="akhbar", description=tr("cli.description"), add_help=False)
    _add_help(parser, tr)
    parser.add_argument(
        "--version",
        action="version",
        version=f"akhbar {__version__}",
        help=tr("cli.option.version"),
    )
    add_common_options(parser, tr=tr)
    parser.add_argument("--demo", action="store_true", help=tr("cli.option.demo"))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_id) in COMMANDS.items():
        help_text = tr(help_id)
        sub = subparsers.add_parser(name, help=help_text, description=help_text, add_help=False)
        _add_help(sub, tr)
        sub.set_defaults(command_module=module_name)
        _command_module(module_name).register(sub, tr)
        _add_common_to_leaves(sub, tr)
    return parser


def _add_help(parser: argparse.ArgumentParser, tr: Translator) -> None:
    """`-h/--help` with its text from the catalogue (argparse's own is added untranslated)."""
    parser.add_argument("-h", "--help", action="help", help=tr("cli.option.help"))


def _add_common_to_leaves(parser: argparse.ArgumentParser, tr: Translator) -> None:
    """Let `--config`/`--bidi` also follow the last word (`akhbar feeds list --config F`)."""
    nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not nested:
        add_common_options(parser, default=argparse.SUPPRESS, tr=tr)
        return
    for action in nested:
        for child in set(action.choices.values()):
            _add_common_to_leaves(child, tr)


def add_common_options(
    parser: argparse.ArgumentParser, default: object = None, tr: Translator | None = None
) -> None:
    """Options accepted both before and after the subcommand name."""
    tr = tr or Translator()
    parser.add_argument("--config", metavar="FILE", default=default, help=tr("cli.option.config"))
    parser.add_argument(
        "--bidi", choices=("app", "terminal"), default=default, help=tr("cli.option.bidi")
    )


def _command_module(module_name: str) -> ModuleType:
    """Import `akhbar_tui.commands.<module_name>` (lazily, when a command needs it)."""
    return importlib.import_module(f"akhbar_tui.commands.{module_name}")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `akhbar` script; returns the process exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    settings = startup_settings(words)
    console = Console(translator_for(settings), bidi_argument(words) or settings.bidi)
    with speaking(console):
        args = build_parser(console).parse_args(words)
    args.console = Console(console.tr, getattr(args, "bidi", None) or settings.bidi)
    try:
        if getattr(args, "command_module", None):
            return int(_command_module(args.command_module).run(args))
        return int(_command_module("tui").run(args))
    except AkhbarError as error:
        args.console.fail(error.localized(args.console.tr))
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
