"""What the command line says, in the reader's language, laid out for the terminal it goes to.

Two problems meet here. The language is a setting of feeds.toml, yet argparse's help must be
built before any command reads that file: `startup_settings(argv)` reads just `[settings]` from
the file `--config` names (or the user's own), forgiving whatever is wrong elsewhere, so that
the error about it can already be said in the right language. And a terminal shows characters
in the order it gets them: Arabic printed to a terminal (with `--bidi app`, the default) is
shaped and put in visual order one line at a time by `bidi_layout`, right-aligned as a
right-to-left paragraph; printed to a pipe or a file, or with `--bidi terminal`, it stays in
logical order, which is what scripts, `grep` and bidi-aware terminals want.

Machine formats (`akhbar paths`, the `refresh` summary, `--json`) never pass through `Console`.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from akhbar_tui.i18n import Translator, translator_for
from akhbar_tui.settings import SETTING_RULES, Settings

__all__ = ["Console", "console_for", "lay_out", "startup_settings"]

LRI, PDI, ZWSP = "\u2066", "\u2069", "\u200b"
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
# Letters of right-to-left scripts (and RLM): a line without any needs no layout.
_RIGHT_TO_LEFT = re.compile("[\u200f\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")
# Bidi controls a message already holds (an isolated feed name): a Latin run never spans one,
# or its isolate would nest across theirs.
_CONTROLS = "\u200e\u200f\u202a-\u202e\u2066-\u2069"
# A word with a Latin letter or a digit and no Arabic letter; runs of them joined by spaces.
_LATIN_WORD = rf"[^\s{_ARABIC}{_CONTROLS}]*[A-Za-z0-9][^\s{_ARABIC}{_CONTROLS}]*"
_LATIN_RUN = re.compile(rf"{_LATIN_WORD}(?:[ ]+{_LATIN_WORD})*")


_SETTINGS_HEADER = re.compile(r"^[ \t]*\[[ \t]*settings[ \t]*\][ \t]*(?:#.*)?$", re.MULTILINE)
_NEXT_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Console:
    """The translator and bidi mode of one `akhbar` run, and the two streams it writes to.

    Streams are looked up on each write (`sys.stdout` at that moment), so redirections made
    after the console was built, such as pytest's capture, are honoured.
    """

    tr: Translator
    bidi: str = "app"

    def say(self, msg_id: str, *, count: int | None = None, **params: object) -> None:
        """Print catalogue message `msg_id` on stdout (a result: `added …`, `imported …`)."""
        self.out(self.tr(msg_id, count=count, **params))

    def note(self, msg_id: str, *, count: int | None = None, **params: object) -> None:
        """Print catalogue message `msg_id` on stderr (progress and side remarks)."""
        self.err(self.tr(msg_id, count=count, **params))

    def warn(self, warning: str) -> None:
        """`akhbar: warning: …` on stderr; a Phrase warning is said in this language."""
        from akhbar_tui.phrase import say

        self.err(self.tr("cli.warning", warning=say(warning, self.tr)))

    def fail(self, error: str) -> None:
        """`akhbar: …` on stderr for an error message already in this language."""
        self.err(self.tr("cli.error", error=error))

    def out(self, text: str) -> None:
        """Write translated `text` and a newline to stdout, laid out if stdout is a terminal."""
        write(sys.stdout, text + "\n", self)

    def err(self, text: str) -> None:
        """Write translated `text` and a newline to stderr, laid out if stderr is a terminal."""
        write(sys.stderr, text + "\n", self)


def write(stream: TextIO, text: str, console: Console) -> None:
    """Write `text` to `stream`, in visual order when the console's rules ask for it."""
    stream.write(lay_out(text, stream, console))
    stream.flush()


def lay_out(text: str, stream: TextIO, console: Console) -> str:
    """`text` as the terminal behind `stream` must get it: unchanged in a pipe, a file, or
    `terminal` bidi mode. On a terminal in `app` mode, an Arabic interface's lines become
    right-to-left rows, right-aligned at the terminal width; in an English interface only the
    lines that hold right-to-left text (a feed title, a figure's span) are laid out, each in
    its own direction (right-aligned when it reads right to left).
    """
    if console.bidi != "app" or not _is_terminal(stream):
        return text
    rtl = console.tr.rtl
    if not rtl and _RIGHT_TO_LEFT.search(text) is None:
        return text
    from akhbar_tui.bidi_layout import enter_sequence, exit_sequence, layout

    width = _width(stream)
    ending = "\n" if text.endswith("\n") else ""
    rows: list[str] = []
    for paragraph in text.removesuffix("\n").split("\n"):
        if rtl:
            lines = layout(_isolate_latin(paragraph), width, direction="rtl", mode="app")
        elif _RIGHT_TO_LEFT.search(paragraph) is None:
            rows.append(paragraph)
            continue
        else:
            lines = layout(paragraph, width, direction="auto", mode="app")
        for line in lines:
            # bidi_layout shows each isolate control as a zero-width space: drop them, so a
            # command copied from the terminal has no invisible characters in it.
            shift = max(0, width - line.cells) if line.rtl else 0
            rows.append(" " * shift + line.visual.replace(ZWSP, ""))
    # A terminal that runs bidi itself must show these rows as they are (see bidi_layout).
    return enter_sequence("app") + "\n".join(rows) + ending + exit_sequence("app")


def _isolate_latin(paragraph: str) -> str:
    """Wrap each run of Latin words (`--title TITLE`, `akhbar feeds add`, a URL) in an LRI…PDI
    isolate: in a right-to-left line, its leading dashes and brackets would otherwise be
    ordered with the Arabic around it (`title TITLE--`).
    """
    return _LATIN_RUN.sub(lambda m: LRI + m.group() + PDI, paragraph)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _width(stream: TextIO) -> int:
    """The terminal's columns (COLUMNS wins, as for argparse), at least 20."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return max(20, int(columns))
    try:
        return max(20, os.get_terminal_size(stream.fileno()).columns)
    except (AttributeError, ValueError, OSError):
        return 80


def console_for(args: argparse.Namespace) -> Console:
    """The console `cli.main` put on `args`; one from the configuration when a test calls a
    command's `run` with its own parser.
    """
    console = getattr(args, "console", None)
    if isinstance(console, Console):
        return console
    settings = startup_settings(_argv_of(args))
    return Console(translator_for(settings), getattr(args, "bidi", None) or settings.bidi)


def _argv_of(args: argparse.Namespace) -> list[str]:
    config = getattr(args, "config", None)
    return ["--config", str(config)] if config else []


def startup_settings(argv: Sequence[str]) -> Settings:
    """The `[settings]` of the feeds.toml this run will use, read leniently and cheaply.

    The file is the last `--config FILE` (or `--config=FILE`) before `--`, else the user's
    feeds.toml if it exists. A missing or unreadable file, bad TOML or a wrong value only
    drops that setting to its default (language `auto`: the locale): the command itself reads
    the file properly and reports the mistake, in the language found here.
    """
    path = _config_path(argv)
    if path is None:
        return Settings()
    try:
        table = _settings_table(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return Settings()
    if not isinstance(table, dict):
        return Settings()
    return Settings(**{k: v for k, v in table.items() if _valid_setting(k, v)})


def _settings_table(text: str) -> object:
    """The `[settings]` table of a feeds.toml, parsing only its section when it can: the
    command parses the whole file again (hundreds of feeds) a moment later."""
    header = _SETTINGS_HEADER.search(text)
    if header is not None:
        end = _NEXT_HEADER.search(text, header.end())
        section = text[header.start() : end.start() if end else len(text)]
        try:
            return tomllib.loads(section).get("settings")
        except tomllib.TOMLDecodeError:
            pass  # a value spanning a line that starts with "[": read the whole file
    return tomllib.loads(text).get("settings")


def _valid_setting(key: str, value: object) -> bool:
    rule = SETTING_RULES.get(key)
    if rule is None:
        return False
    kind, allowed, minimum = rule
    if not isinstance(value, kind) or isinstance(value, bool):
        return False
    if allowed is not None and value not in allowed:
        return False
    return minimum is None or value >= minimum  # type: ignore[operator]


def _config_path(argv: Sequence[str]) -> Path | None:
    """The `--config` argument, else the user's feeds.toml when it exists."""
    chosen = _option(argv, "--config")
    if chosen:
        return Path(chosen).expanduser()
    from akhbar_tui import paths

    user = paths.user_feeds_file()
    return user if user.exists() else None


def bidi_argument(argv: Sequence[str]) -> str | None:
    """The `--bidi` mode named on the command line, for output printed while parsing it."""
    mode = _option(argv, "--bidi")
    return mode if mode in ("app", "terminal") else None


def _option(argv: Sequence[str], name: str) -> str | None:
    """The value of the last `name VALUE` or `name=VALUE` before `--`, as argparse keeps it."""
    value: str | None = None
    words = list(argv)
    for index, word in enumerate(words):
        if word == "--":
            break
        if word == name and index + 1 < len(words):
            value = words[index + 1]
        elif word.startswith(name + "="):
            value = word.removeprefix(name + "=")
    return value
