"""Arabic from the CLI on a real terminal: shaped and in visual order, right-aligned.

A pseudo-terminal (`os.openpty`) stands for the terminal in the unit tests and for one run of
`akhbar feeds add`; tmux (which does no bidi of its own, so `capture-pane` shows the cells as
they were written) runs the real command with stdout and stderr on its terminal. The first
word of an Arabic sentence must then be the rightmost word of its row, its letters joined.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import pytest

from akhbar_tui.bidi_layout import EXPLICIT_MODE, IMPLICIT_MODE, layout, truncate
from akhbar_tui.cli_output import Console, lay_out
from akhbar_tui.i18n import Translator, message

ADDED = message("ar", "cli.feeds.added", title="واي", url="https://y.example/rss")


def visual(word: str) -> str:
    """How an Arabic word shows in visual order: shaped, letters right to left."""
    return truncate(word, 80).visual


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[int, TextIO]]:
    """A real pseudo-terminal 60 columns wide: (master fd, the slave as a text stream)."""
    monkeypatch.delenv("COLUMNS", raising=False)
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 60, 0, 0))
    stream = os.fdopen(slave, "w", encoding="utf-8")
    try:
        yield master, stream
    finally:
        stream.close()
        os.close(master)


def test_arabic_to_a_terminal_is_laid_out_right_aligned(terminal: tuple[int, TextIO]) -> None:
    _, stream = terminal
    out = lay_out(ADDED + "\n", stream, Console(Translator("ar")))
    assert out.startswith(EXPLICIT_MODE) and out.endswith("\n" + IMPLICIT_MODE)
    (row,) = out.removeprefix(EXPLICIT_MODE).removesuffix("\n" + IMPLICIT_MODE).split("\n")
    (line,) = layout(ADDED, 60, direction="rtl")
    assert row == " " * (60 - line.cells) + line.visual
    assert row.endswith(visual("أُضيف")) and ADDED not in row


def test_long_arabic_wraps_at_the_terminal_width(terminal: tuple[int, TextIO]) -> None:
    _, stream = terminal
    text = message("ar", "cli.option.config") + " " + message("ar", "cli.command.render")
    rows = lay_out(text, stream, Console(Translator("ar"))).strip(EXPLICIT_MODE + IMPLICIT_MODE)
    rows_list = rows.split("\n")
    assert len(rows_list) >= 2
    assert all(len(row) <= 60 for row in rows_list)
    assert rows_list[0].endswith(visual(text.split()[0]))


def test_options_and_commands_keep_their_order_in_arabic_lines(
    terminal: tuple[int, TextIO],
) -> None:
    """`--title TITLE` must not become `title TITLE--` at the right of an RTL help row."""
    _, stream = terminal
    help_row = "  --title TITLE    " + message("ar", "cli.option.help")
    usage = message("ar", "cli.argparse.usage") + "akhbar feeds add [-h] [--title TITLE]"
    out = lay_out(help_row + "\n" + usage, stream, Console(Translator("ar")))
    first, second = out.removeprefix(EXPLICIT_MODE).removesuffix(IMPLICIT_MODE).split("\n")
    assert first.endswith("  --title TITLE")
    assert first.lstrip().startswith(visual(message("ar", "cli.option.help").split()[-1]))
    assert second.lstrip().startswith("akhbar feeds add [-h] [--title TITLE] ")
    assert "\u200b" not in out and "\u2066" not in out


def test_a_figure_row_reads_in_order_on_a_terminal(terminal: tuple[int, TextIO]) -> None:
    """`مبلغ: ٨٠٬٠٠٠٬٠٠٠٬٠٠٠ USD — 80 مليار دولار` from the right: the Latin code and the span's
    Western digits stay in their places (UAX#9 alone would join `USD — 80` into one run)."""
    _, stream = terminal
    tr = Translator("ar", "arabic-indic")
    span = "80 مليار دولار"
    row = tr("cli.figures.row", kind="مبلغ", value=tr.number(8e10), unit="USD", span=span)
    out = lay_out(row, stream, Console(tr)).removeprefix(EXPLICIT_MODE).removesuffix(IMPLICIT_MODE)
    (line,) = layout(span, 60, direction="rtl")
    assert out.lstrip().startswith(line.visual + " — USD ")
    assert out.endswith(visual("مبلغ:"))


def test_a_title_with_its_own_isolates_keeps_them(terminal: tuple[int, TextIO]) -> None:
    """A feed title may carry isolates of its own: a Latin run is isolated beside them, never
    across them (an LRI opened before an FSI and closed after its digits broke the nesting)."""
    _, stream = terminal
    title = "\u206880 مليار\u2069"
    out = lay_out(f"أُضيف {title} (https://x.test/a)", stream, Console(Translator("ar")))
    row = out.removeprefix(EXPLICIT_MODE).removesuffix(IMPLICIT_MODE).lstrip()
    assert row == "(https://x.test/a) " + visual("مليار") + " 80 " + visual("أُضيف")


def test_left_logical_for_pipes_terminal_mode_and_english(terminal: tuple[int, TextIO]) -> None:
    _, stream = terminal
    assert lay_out(ADDED, stream, Console(Translator("ar"), bidi="terminal")) == ADDED
    assert lay_out("added x (u)", stream, Console(Translator("en"))) == "added x (u)"
    read, write = os.pipe()
    with os.fdopen(write, "w") as pipe:
        assert lay_out(ADDED, pipe, Console(Translator("ar"))) == ADDED
    os.close(read)


def test_arabic_feed_text_in_an_english_interface_is_laid_out(
    terminal: tuple[int, TextIO],
) -> None:
    """A search hit or a figure's span is Arabic whatever the interface: on a terminal its line
    is laid out in its own direction; English lines go out as they are."""
    _, stream = terminal
    hit = "2024-03-11  نشرة الاقتصاد  البنك المركزي يثبت سعر الفائدة"
    english = "2024-03-11  Markets Daily  Chipmaker beats forecasts"
    out = lay_out(hit + "\n" + english + "\n", stream, Console(Translator("en")))
    first, second = out.removeprefix(EXPLICIT_MODE).removesuffix("\n" + IMPLICIT_MODE).split("\n")
    (line,) = layout(hit, 60)
    assert line.rtl and first == " " * (60 - line.cells) + line.visual.replace("\u200b", "")
    assert first.endswith("2024-03-11") and "نشرة" not in first  # the date first, at the right
    assert second == english
    assert lay_out(english, stream, Console(Translator("en"))) == english  # nothing to do


def test_refresh_bar_shows_an_arabic_title_in_visual_order(
    terminal: tuple[int, TextIO],
) -> None:
    from akhbar_tui.commands.refresh import Progress
    from akhbar_tui.models import RefreshProgress

    master, stream = terminal
    progress = Progress(stream, Console(Translator("ar")))
    progress(RefreshProgress(1, 2, "https://a.example/rss", "الجزيرة نت", "new"))
    stream.flush()
    drawn = os.read(master, 4096).decode("utf-8")
    assert drawn.endswith(truncate("الجزيرة نت", 80).visual) and "الجزيرة" not in drawn
    logical = Progress(stream, Console(Translator("ar"), bidi="terminal"))
    logical(RefreshProgress(1, 2, "https://a.example/rss", "الجزيرة نت", "new"))
    stream.flush()
    assert os.read(master, 4096).decode("utf-8").endswith("الجزيرة نت")


def ar_config(tmp_path: Path) -> Path:
    path = tmp_path / "ar.toml"
    path.write_text('[settings]\nlanguage = "ar"\n', encoding="utf-8")
    return path


def test_feeds_add_on_a_pty_prints_visual_order(
    tmp_path: Path, terminal: tuple[int, TextIO]
) -> None:
    master, stream = terminal
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    command = [sys.executable, "-m", "akhbar_tui", "--config", str(ar_config(tmp_path))]
    command += ["feeds", "add", "https://y.example/rss", "--title", "واي"]
    result = subprocess.run(command, stdout=stream, stderr=subprocess.PIPE, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    written = os.read(master, 65536).decode("utf-8").replace("\r\n", "\n")
    row = written.removeprefix(EXPLICIT_MODE).removesuffix(IMPLICIT_MODE).rstrip("\n")
    assert row.rstrip().endswith(visual("أُضيف")) and len(row) == 60
    assert ADDED not in written


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_results_and_errors_in_tmux_read_right_to_left(tmp_path: Path) -> None:
    cfg = ar_config(tmp_path)
    exports = " ".join(
        f"{k}={os.environ[k]}" for k in ("AKHBAR_CONFIG_DIR", "AKHBAR_DATA_DIR", "LANGUAGE")
    )
    akhbar = f"{sys.executable} -m akhbar_tui --config {cfg}"
    script = (
        f"env -u COLUMNS -u LINES {exports} {akhbar} feeds add https://y.example/rss --title واي;"
        f" env -u COLUMNS -u LINES {exports} {akhbar} feeds remove nothing; sleep 60"
    )
    base = ["tmux", "-S", str(tmp_path / "tmux.sock")]
    subprocess.run([*base, "new-session", "-d", "-x", "100", "-y", "30", script], check=True)
    try:
        rows = wait_for_rows(base, visual("مصدر"))
    finally:
        subprocess.run([*base, "kill-server"], capture_output=True)
    added = next(row for row in rows if "y.example" in row)
    assert added.rstrip().endswith(visual("أُضيف")) and len(added.rstrip()) > 90
    assert "أُضيف" not in added and "أضيف" not in added
    failed = next(row for row in rows if visual("مصدر") in row)
    assert "مصدر" not in failed


def wait_for_rows(base: list[str], text: str, timeout: float = 60.0) -> list[str]:
    """The pane's rows once `text` shows (CI's shared cores start interpreters slowly)."""
    deadline = time.monotonic() + timeout
    rows: list[str] = []
    while time.monotonic() < deadline:
        pane = subprocess.run(
            [*base, "capture-pane", "-p"], capture_output=True, text=True, check=True
        )
        rows = pane.stdout.split("\n")
        if any(text in row for row in rows):
            return rows
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared:\n" + "\n".join(rows))
