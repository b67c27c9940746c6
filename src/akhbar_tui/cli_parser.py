"""argparse in the reader's language: its own words (`usage:`, `options`, its error messages)
translated, and everything it prints laid out for the terminal like the rest of the CLI.

argparse looks its words up through `gettext` at the moment it uses them (`_('usage: ')`),
under the process-wide default domain and only from compiled `.mo` files. Rather than ship
`.mo` files for one module, `speaking(console)` swaps argparse's two lookup functions for ones
that find the English msgid in `ARGPARSE_IDS` and say the matching catalogue message, for the
time the parser is built and used; English runs leave argparse untouched. The catalogue keeps
argparse's `%`-placeholders (`%(prog)s`, `%s`), which argparse fills afterwards. A msgid that
is not in the table (a later Python's new wording) stays English rather than failing.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, ClassVar

from akhbar_tui.cli_output import Console, write

__all__ = ["ARGPARSE_IDS", "ARGPARSE_PLURAL_IDS", "AkhbarParser", "parser_class", "speaking"]

# argparse's user-facing msgids (Python 3.11 to 3.14 wordings) → catalogue ids.
ARGPARSE_IDS: dict[str, str] = {
    "usage: ": "cli.argparse.usage",
    "positional arguments": "cli.argparse.positionals",
    "options": "cli.argparse.options",
    "optional arguments": "cli.argparse.options",
    "show this help message and exit": "cli.option.help",
    "show program's version number and exit": "cli.option.version",
    "%(prog)s: error: %(message)s\n": "cli.argparse.error",
    "the following arguments are required: %s": "cli.argparse.required",
    "unrecognized arguments: %s": "cli.argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid_choice",
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "expected one argument": "cli.argparse.expected_one",
    "expected at least one argument": "cli.argparse.expected_at_least_one",
    "expected at most one argument": "cli.argparse.expected_at_most_one",
    "invalid %(type)s value: %(value)r": "cli.argparse.invalid_value",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse.ambiguous",
    "not allowed with argument %s": "cli.argparse.not_allowed_with",
    "one of the arguments %s is required": "cli.argparse.one_required",
    "ignored explicit argument %r": "cli.argparse.ignored_explicit",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "cli.argparse.unknown_parser",
    "can't open '%(filename)s': %(error)s": "cli.argparse.cannot_open",
    "unexpected option string: %s": "cli.argparse.unexpected_option",
}
# ngettext msgids (singular form) → plural catalogue ids.
ARGPARSE_PLURAL_IDS: dict[str, str] = {
    "expected %s argument": "cli.argparse.expected_n",
}


class AkhbarParser(argparse.ArgumentParser):
    """An ArgumentParser whose help, usage and errors go out through the run's Console.

    Subparsers are made with `type(self)`, so a class made by `parser_class(console)` carries
    the console to every level.
    """

    console: ClassVar[Console | None] = None

    def _print_message(self, message: str, file: IO[str] | None = None) -> None:
        """Help and usage go to stdout, errors to stderr, each laid out for its terminal."""
        if not message:
            return
        import sys

        stream = file or sys.stderr
        if self.console is None:
            stream.write(message)
            return
        write(stream, message, self.console)  # type: ignore[arg-type]


def parser_class(console: Console) -> type[AkhbarParser]:
    """An AkhbarParser subclass bound to `console` (one per run)."""
    return type("AkhbarParser", (AkhbarParser,), {"console": console})


@contextmanager
def speaking(console: Console) -> Iterator[None]:
    """While inside, argparse says its words in the console's language."""
    if not console.tr.rtl:
        yield
        return
    saved: tuple[Callable[..., str], Callable[..., str]] = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
    argparse._ = _translate_with(console)  # type: ignore[attr-defined]
    argparse.ngettext = _translate_plural_with(console)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _translate_with(console: Console) -> Callable[[str], str]:
    def translate(msgid: str) -> str:
        msg_id = ARGPARSE_IDS.get(msgid)
        return msgid if msg_id is None else console.tr(msg_id)

    return translate


def _translate_plural_with(console: Console) -> Callable[[str, str, int], str]:
    def translate(singular: str, plural: str, count: int) -> str:
        msg_id = ARGPARSE_PLURAL_IDS.get(singular)
        if msg_id is None:
            return singular if count == 1 else plural
        return console.tr(msg_id, count=count)

    return translate
