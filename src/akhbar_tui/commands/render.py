"""`akhbar render`: print any text laid out the way the reader shows it.

Useful on its own (Arabic in a plain terminal) and to check a terminal: with `--bidi app` the
first words of an Arabic paragraph must appear at the right of the first row, joined; if they
come out reversed, the terminal does bidi itself and `--bidi terminal` is the mode for it.
"""

from __future__ import annotations

import argparse
import shutil
import sys

from akhbar_tui.i18n import Translator


def register(parser: argparse.ArgumentParser, tr: Translator | None = None) -> None:
    """`--width N` and the input file (`-` or nothing: standard input)."""
    tr = tr or Translator()
    parser.add_argument("--width", type=int, metavar="N", help=tr("cli.render.width_help"))
    parser.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help=tr("cli.render.file_help")
    )


def run(args: argparse.Namespace) -> int:
    """Lay out the text and print it, RTL rows right-aligned; 2 if the file cannot be read."""
    from akhbar_tui.bidi_layout import enter_sequence, exit_sequence, layout
    from akhbar_tui.cli_output import console_for

    console = console_for(args)
    width = args.width if args.width is not None else shutil.get_terminal_size((80, 24)).columns
    if width < 1:
        console.fail(console.tr("cli.render.width_too_small"))
        return 2
    try:
        if args.file == "-":
            text = sys.stdin.read()
        else:
            with open(args.file, encoding="utf-8", errors="replace") as handle:
                text = handle.read()
    except OSError as error:
        reason = error.strerror or str(error)
        console.fail(console.tr("cli.render.cannot_read", name=args.file, reason=reason))
        return 2
    mode = getattr(args, "bidi", None) or "app"
    interactive = sys.stdout.isatty()
    out = sys.stdout
    if interactive:
        out.write(enter_sequence(mode))
    try:
        for line in layout(text, width, mode=mode):
            pad = " " * max(0, width - line.cells) if line.rtl else ""
            out.write(pad + line.visual + "\n")
    finally:
        if interactive:
            out.write(exit_sequence(mode))
        out.flush()
    return 0
