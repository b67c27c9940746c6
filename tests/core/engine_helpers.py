"""Shared by the store, engine, refresh-CLI and crash tests: feeds to serve, configs, snapshots.

`rss()` writes an RSS 2.0 document whose items are numbered, so a test can say "items 0–9,
the third one edited" and know exactly what the store must hold afterwards.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from akhbar_tui.config import Config, load_config

# The real `akhbar` command line, as a subprocess.
AKHBAR = (sys.executable, "-m", "akhbar_tui")

NOW = datetime.now(UTC).replace(microsecond=0)


def rss(
    items: Iterable[int],
    *,
    title: str = "Test feed",
    edited: Sequence[int] = (),
    arabic: bool = False,
    start: datetime | None = None,
) -> bytes:
    """An RSS 2.0 feed of numbered items, item `n` dated `n` hours after `start`."""
    start = start or NOW - timedelta(days=3)
    entries = []
    for n in items:
        label = f"خبر رقم {n}" if arabic else f"Item {n}"
        if n in edited:
            label += " (edited)"
        date = (start + timedelta(hours=n)).strftime("%a, %d %b %Y %H:%M:%S +0000")
        entries.append(
            f"<item><title>{escape(label)}</title><guid isPermaLink='false'>item-{n}</guid>"
            f"<link>https://example.org/{n}</link><pubDate>{date}</pubDate>"
            f"<description>{escape(f'<p>Body of {label}</p>')}</description></item>"
        )
    channel = f"<title>{escape(title)}</title><link>https://example.org/</link>"
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        + channel
        + "".join(reversed(entries))
        + "</channel></rss>"
    ).encode()


def write_config(
    path: Path, urls: Sequence[str], *, settings: str = "", titles: Sequence[str] = ()
) -> Config:
    """A feeds.toml with these feeds (and `settings` lines), loaded back."""
    lines = ["[settings]", "keep_days = 3650", settings, ""]
    for index, url in enumerate(urls):
        lines.append("[[feeds]]")
        lines.append(f'url = "{url}"')
        if index < len(titles):
            lines.append(f'title = "{titles[index]}"')
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return load_config(path)


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`akhbar ARGS…` in a subprocess (environment inherited, so user dirs stay redirected)."""
    return subprocess.run(
        [*AKHBAR, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def snapshot(database: Path) -> dict[tuple[str, str], tuple[int, str, int, int]]:
    """(feed url, guid) → (id, title, read, starred) of every stored article."""
    with sqlite3.connect(database) as conn:
        rows = conn.execute(
            "SELECT f.url, a.guid, a.id, a.title, a.read, a.starred "
            "FROM articles a JOIN feeds f ON f.id = a.feed_id"
        ).fetchall()
    conn.close()
    return {(url, guid): (i, title, read, starred) for url, guid, i, title, read, starred in rows}
