"""The `akhbar` command line: the composition root.

It parses arguments, resolves paths and configuration, and hands each subcommand to its module in
`akhbar_tui.commands`. Those modules are imported only when their command runs, so `akhbar --help`
loads neither Textual nor the network or database stack. A user mistake (`AkhbarError`) becomes one
message on stderr and its exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from akhbar_tui import __version__
from akhbar_tui.errors import AkhbarError

# Subcommand name → (module in akhbar_tui.commands, one-line help). Each module has
# `register(parser)` to add its arguments and `run(args) -> int`.
COMMANDS: dict[str, tuple[str, str]] = {
    "refresh": ("refresh", "fetch every enabled feed and store new articles"),
    "feeds": ("feeds", "list, add or remove feeds in feeds.toml"),
    "opml": ("opml", "import or export the feed list as OPML"),
    "paths": ("paths", "print where akhbar keeps its files"),
    "fetch-article": ("fetch_article", "print the main text of an article page"),
    "search": ("search", "search stored articles"),
    "figures": ("figures", "print the key figures of a text or a stored article"),
    "render": ("render", "print text laid out for this terminal (Arabic shaped and ordered)"),
}


def build_parser() -> argparse.ArgumentParser:
    """The whole argument parser; subcommand modules are imported only to add their arguments."""
    parser = argparse.ArgumentParser(
        prog="akhbar",
        description="A terminal news reader that shows Arabic right, with each article's key "
        "figures. Without a command, opens the reader.",
    )
    parser.add_argument("--version", action="version", version=f"akhbar {__version__}")
    add_common_options(parser)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the reader on bundled sample feeds in a temporary database",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(command_module=module_name)
        _command_module(module_name).register(sub)
        _add_common_to_leaves(sub)
    return parser


def _add_common_to_leaves(parser: argparse.ArgumentParser) -> None:
    """Let `--config`/`--bidi` also follow the last word (`akhbar feeds list --config F`)."""
    nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not nested:
        add_common_options(parser, default=argparse.SUPPRESS)
        return
    for action in nested:
        for child in set(action.choices.values()):
            _add_common_to_leaves(child)


def add_common_options(parser: argparse.ArgumentParser, default: object = None) -> None:
    """Options accepted both before and after the subcommand name."""
    parser.add_argument(
        "--config",
        metavar="FILE",
        default=default,
        help="use this feeds.toml instead of the one in the config directory",
    )
    parser.add_argument(
        "--bidi",
        choices=("app", "terminal"),
        default=default,
        help="app: akhbar shapes and orders Arabic; terminal: leave it to a bidi-aware terminal",
    )


def _command_module(module_name: str) -> ModuleType:
    """Import `akhbar_tui.commands.<module_name>` (lazily, when a command needs it)."""
    return importlib.import_module(f"akhbar_tui.commands.{module_name}")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `akhbar` script; returns the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        if getattr(args, "command_module", None):
            return int(_command_module(args.command_module).run(args))
        return int(_command_module("tui").run(args))
    except AkhbarError as error:
        print(f"akhbar: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
