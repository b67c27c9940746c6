"""The real `akhbar` in a real terminal (tmux 120×40) against feeds served on 127.0.0.1.

What a user sees is read back with `capture-pane`: tmux does no bidi of its own, so each row
is the cells in the order akhbar painted them. The Arabic title's first word must sit at the
right end of its row, the body's first row must hold the paragraph's first words, and a feed
full of markup and escape sequences must show its brackets literally and nothing else.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from akhbar_tui.demo import feed_body
from core.feedserver import FeedServer, feed

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

ESC = "\x1b"
HOSTILE = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Hostile</title><link>https://hostile.test/</link>
<item><title>[red]x[/red] {ESC}]0;title\x07{ESC}[31m[link=file:///etc/passwd]p[/link]</title>
<link>https://hostile.test/1</link><guid>h1</guid>
<description>&lt;p&gt;body [red]x[/red] {ESC}[2J{ESC}]0;title\x07 end&lt;/p&gt;</description>
</item></channel></rss>
"""


def reshaped_reversed(word: str) -> str:
    """How an Arabic word looks in visual order: shaped, its letters right to left."""
    from akhbar_tui.bidi_layout import truncate

    return truncate(word, 80).visual


class Tmux:
    """One tmux server (its own socket) running one command in a 120×40 window."""

    def __init__(self, socket: Path, command: list[str], env: dict[str, str]) -> None:
        self.base = ["tmux", "-S", str(socket)]
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        line = f"env -u COLUMNS -u LINES {exports} " + " ".join(command)
        subprocess.run([*self.base, "new-session", "-d", "-x", "120", "-y", "40", line], check=True)
        subprocess.run([*self.base, "resize-window", "-x", "120", "-y", "40"], check=True)

    def rows(self) -> list[str]:
        """The pane's rows as text."""
        out = subprocess.run(
            [*self.base, "capture-pane", "-p", "-J"], capture_output=True, text=True, check=True
        ).stdout
        return out.split("\n")

    def raw(self) -> str:
        """The pane with escape sequences for attributes (to look for injected ones)."""
        return subprocess.run(
            [*self.base, "capture-pane", "-p", "-e"], capture_output=True, text=True, check=True
        ).stdout

    def keys(self, *keys: str) -> None:
        """Type keys into the pane."""
        subprocess.run([*self.base, "send-keys", *keys], check=True)

    def title(self) -> str:
        """The pane title (an OSC 0 from a feed would change it)."""
        return subprocess.run(
            [*self.base, "display-message", "-p", "#{pane_title}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    def wait_for(self, text: str, timeout: float = 60.0) -> list[str]:
        """Rows of the pane once `text` appears on it (a generous bound: CI's 2 cores are shared,
        and the first screen waits for the interpreter's start and a refresh)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            rows = self.rows()
            if any(text in row for row in rows):
                return rows
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared:\n" + "\n".join(self.rows()))

    def kill(self) -> None:
        """End the tmux server."""
        subprocess.run([*self.base, "kill-server"], capture_output=True)


def start_reader(tmp_path: Path, language: str):  # type: ignore[no-untyped-def]
    """`akhbar` in tmux, in `language`, on a feeds.toml naming the served Arabic, English and
    hostile feeds; returns the tmux window and the feed server."""
    server = FeedServer(
        {
            "/ar.xml": feed(feed_body("iqtisad.xml")),
            "/en.xml": feed(feed_body("markets.xml")),
            "/hostile.xml": feed(HOSTILE.encode("utf-8")),
        }
    ).start()
    config = tmp_path / "feeds.toml"
    config.write_text(
        f'[settings]\nrefresh_minutes = 600\nlanguage = "{language}"\n\n'
        f'[[feeds]]\ntitle = "نشرة"\nurl = "{server.url("/ar.xml")}"\n\n'
        f'[[feeds]]\ntitle = "Markets"\nurl = "{server.url("/en.xml")}"\n\n'
        f'[[feeds]]\ntitle = "Hostile"\nurl = "{server.url("/hostile.xml")}"\n',
        encoding="utf-8",
    )
    env = {
        "AKHBAR_CONFIG_DIR": str(tmp_path / "config"),
        "AKHBAR_DATA_DIR": str(tmp_path / "data"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "PATH": os.environ.get("PATH", ""),
    }
    command = [sys.executable, "-m", "akhbar_tui", "--config", str(config)]
    try:
        return Tmux(tmp_path / "tmux.sock", command, env), server
    except Exception:
        server.stop()
        raise


def running_reader(tmp_path: Path, language: str):  # type: ignore[no-untyped-def]
    """The reader in `language` for one test; its terminal and feed server stopped after."""
    tmux, server = start_reader(tmp_path, language)
    try:
        yield tmux, server
    finally:
        tmux.kill()
        server.stop()


@pytest.fixture
def reader(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The reader in English."""
    yield from running_reader(tmp_path, "en")


@pytest.fixture
def arabic_reader(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The reader with `language = "ar"` in feeds.toml."""
    yield from running_reader(tmp_path, "ar")


def test_reader_in_a_real_terminal(reader) -> None:  # type: ignore[no-untyped-def]
    tmux, server = reader
    tmux.wait_for("3 feeds: 3 ok")  # the first start refreshes from the server
    assert server.hits("/ar.xml") == 1

    # The hostile feed (undated, so first): brackets literal, no escape reached the terminal.
    rows = tmux.wait_for("[red]x[/red]")
    row = next(r for r in rows if "[red]x[/red]" in r)
    assert "[link=file:///etc/passwd]p[/link]" in row
    tmux.keys("Enter")
    rows = tmux.wait_for("body [red]x[/red] end")
    screen = "\n".join(rows)
    assert "]0;" not in screen and "[31m" not in screen and "[2J" not in screen
    assert tmux.title() != "title"
    assert "\x1b]" not in tmux.raw()

    # The newest Arabic headline: flush right in its column, its first word rightmost.
    tmux.keys("j")
    first_word = reshaped_reversed("البنك")
    rows = tmux.wait_for(first_word)
    title_row = next(row for row in rows if first_word in row and "1h" in row)
    title_part = title_row.split("▕")[-1]  # the feeds pane's border, when shown
    before_feed = title_part.split(reshaped_reversed("نشرة"))[0].rstrip()
    assert before_feed.endswith(first_word), title_row

    # Its body: the first row holds the paragraph's first words, right to left.
    tmux.keys("Enter")
    rows = tmux.wait_for(reshaped_reversed("قرر"))
    body_row = next(row for row in rows if reshaped_reversed("قرر") in row)
    body_row = body_row.split("\u258f")[0]  # the figures pane's border, when shown
    assert len(rows[0]) >= 119, "tmux window is not 120 columns wide"
    visual = [reshaped_reversed(w) for w in ("قرر", "البنك", "المركزي", "يوم")]
    positions = [body_row.rfind(v) for v in visual]
    assert all(p >= 0 for p in positions), body_row
    assert positions == sorted(positions, reverse=True), body_row
    assert body_row.rstrip().endswith(visual[0]), body_row
    tmux.keys("q")


def test_reader_in_arabic_in_a_real_terminal(arabic_reader) -> None:  # type: ignore[no-untyped-def]
    tmux, server = arabic_reader
    quit_label = reshaped_reversed("خروج")
    tmux.wait_for(reshaped_reversed("سليمة"))  # "3 مصادر: سليمة 3، …": the first refresh ended
    assert server.hits("/ar.xml") == 1, "\n".join(tmux.rows())
    rows = tmux.wait_for(quit_label + " q")  # the Footer: label left of its key, shaped, RTL
    footer = next(row for row in reversed(rows) if quit_label in row)
    # Mirrored: the first key (Enter, "فتح") at the right edge, the palette's at the left.
    assert footer.rstrip().endswith(reshaped_reversed("فتح") + " ⏎"), footer
    assert footer.lstrip().startswith(reshaped_reversed("الأوامر") + " ^p"), footer
    positions = [footer.find(reshaped_reversed(w)) for w in ("تحديث الكل", "مساعدة", "خروج")]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), footer

    # The feeds pane is at the right edge: "الكل" (all) ends the first row, and the feed's name
    # shows right of the pane border while the headlines fill the left.
    rows = tmux.wait_for(reshaped_reversed("نشرة"))
    assert rows[0].rstrip().endswith(reshaped_reversed("الكل")), rows[0]
    feed_row = next(row for row in rows if row.rstrip().endswith(reshaped_reversed("نشرة")))
    border = feed_row.rfind("\u258f")  # the feeds pane's border, on its left
    assert border > 80, feed_row

    # The help screen, in Arabic: the key at the right of its label.
    tmux.keys("?")
    rows = tmux.wait_for(reshaped_reversed("في كل مكان"))
    quit_row = next(row for row in rows if "app.quit" in row)
    assert quit_row.index("app.quit") < quit_row.index(quit_label) < quit_row.rindex(" q ")
    tmux.keys("Escape")
    tmux.keys("q")
