"""`akhbar` without a command: open the reader (or, with `--demo`, the bundled sample feeds).

Textual is imported here, inside `run`, so no other command pays for it. The terminal's bidi mode
is restored in `finally`, so a crash does not leave the terminal in explicit mode.
"""

from __future__ import annotations

import argparse
import sys

from akhbar_tui.i18n import Translator


def register(parser: argparse.ArgumentParser, tr: Translator | None = None) -> None:
    """The reader takes only the common options (`--config`, `--bidi`, `--demo`)."""


def run(args: argparse.Namespace) -> int:
    """Open the reader on the user's feeds or the demo feeds; returns the exit code."""
    from contextlib import ExitStack

    from akhbar_tui import bidi_layout
    from akhbar_tui.commands._context import config_from_args, engine_from_args

    with ExitStack() as stack:
        if getattr(args, "demo", False):
            from akhbar_tui.demo import open_demo

            engine = stack.enter_context(open_demo(config_from_args(args)))
        else:
            engine = engine_from_args(args)
            stack.callback(engine.close)
        from akhbar_tui.ui.app import AkhbarApp, mode_sequence

        app = AkhbarApp(
            engine, bidi=getattr(args, "bidi", None), demo=bool(getattr(args, "demo", False))
        )
        mode = app.bidi.mode
        try:
            app.run()
        finally:
            if sys.stdout.isatty():
                sys.stdout.write(mode_sequence(bidi_layout.exit_sequence(mode)))
                sys.stdout.flush()
        return int(app.return_code or 0)
