"""`akhbar refresh [--feed URL|TITLE]…`: fetch feeds from a shell or cron, no reader needed.

On a terminal a progress bar redraws one stderr line; otherwise (cron, pipes) each finished feed
is one plain stderr line. Stdout gets one `FAILED <title>: <reason>` line per failed feed and
then the summary line `N feeds: A ok, U unchanged, F failed; K new articles`. Exit status: 0
when every feed succeeded, 1 when some failed, 2 on a configuration error.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from typing import TextIO

from akhbar_tui.cli_output import Console
from akhbar_tui.errors import ConfigError
from akhbar_tui.i18n import Translator
from akhbar_tui.models import FeedSpec, RefreshProgress, RefreshReport
from akhbar_tui.phrase import Phrase


def register(parser: argparse.ArgumentParser, tr: Translator | None = None) -> None:
    """`--feed URL|TITLE`, repeatable; without it every enabled feed."""
    tr = tr or Translator()
    parser.add_argument(
        "--feed",
        action="append",
        default=[],
        dest="feeds",
        metavar="URL|TITLE",
        help=tr("cli.refresh.feed_help"),
    )


def run(args: argparse.Namespace) -> int:
    """Refresh and report; the exit status says whether every feed succeeded."""
    import asyncio

    from akhbar_tui.cli_output import console_for
    from akhbar_tui.commands._context import engine_from_args

    engine = engine_from_args(args)
    try:
        chosen = select_feeds(engine.config.feeds, args.feeds) if args.feeds else None
        progress = Progress(sys.stderr, console_for(args))
        report = asyncio.run(engine.refresh(chosen, progress))
        progress.finish()
    finally:
        engine.close()
    print_machine_report(report)
    return 1 if report.failed else 0


def print_machine_report(report: RefreshReport) -> None:
    """One `FAILED title: reason` line per failed feed, then the summary line.

    A machine format, the same in every language: scripts and cron mails grep these lines.
    """
    from akhbar_tui.text_clean import clean_text

    for result in report.failed:
        reason = one_line(clean_text(result.reason or "failed"))
        print(f"FAILED {one_line(clean_text(result.title))}: {reason}")
    print(report.summary_line())


def select_feeds(feeds: Sequence[FeedSpec], wanted: Sequence[str]) -> list[FeedSpec]:
    """The feeds named by url or title (case-insensitive); an unknown name is a ConfigError."""
    chosen: list[FeedSpec] = []
    for name in wanted:
        key = name.strip()
        matches = [
            f
            for f in feeds
            if f.url == key or (f.title is not None and f.title.casefold() == key.casefold())
        ]
        if not matches:
            raise ConfigError(
                Phrase("cli.refresh.unknown_feed", name=repr(key)),
                hint=Phrase("cli.refresh.unknown_feed.hint"),
            )
        chosen.extend(m for m in matches if m not in chosen)
    return chosen


def one_line(text: str) -> str:
    """Newlines and tabs folded so one result stays one line."""
    return " ".join(text.split())


class Progress:
    """The progress callable: a redrawn bar on a terminal, plain lines elsewhere.

    The plain lines (`[3/10] new: title`) are in the reader's language; the bar has no words.
    """

    def __init__(self, stream: TextIO, console: Console | None = None) -> None:
        self.stream = stream
        self.console = console or Console(Translator())
        self.tty = stream.isatty()
        self.drawn = False

    def __call__(self, step: RefreshProgress) -> None:
        from akhbar_tui.text_clean import clean_text

        title = one_line(clean_text(step.title))
        if not self.tty:
            tr = self.console.tr
            status = tr(f"cli.refresh.status.{step.status}")
            line = tr(
                "cli.refresh.progress", done=step.done, total=step.total, status=status, title=title
            )
            self.stream.write(line + "\n")
            self.stream.flush()
            return
        width = max(20, shutil.get_terminal_size((80, 24)).columns - 1)
        counter = f" {step.done}/{step.total} "
        bar_width = max(10, min(30, width // 3))
        filled = bar_width * step.done // max(1, step.total)
        bar = "[" + "#" * filled + "-" * (bar_width - filled) + "]"
        room = max(0, width - len(bar) - len(counter))
        line = f"{bar}{counter}{self.shown(title, room)}"
        self.stream.write("\r\x1b[2K" + line)
        self.stream.flush()
        self.drawn = True

    def shown(self, title: str, room: int) -> str:
        """A feed title cut to `room` cells as the terminal must get it (an Arabic title
        shaped and in visual order in `app` mode, logical in `terminal` mode)."""
        from akhbar_tui.bidi_layout import truncate

        return truncate(title, room, mode=self.console.bidi).visual if room else ""

    def finish(self) -> None:
        """Clear the bar so the report starts on a clean line."""
        if self.drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
