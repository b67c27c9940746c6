"""`akhbar --demo`: the reader on bundled sample feeds, offline, in a throwaway database.

The sample feeds are files in this package (Arabic and English news-style articles full of
figures). They are served from 127.0.0.1 by a small HTTP server in a thread and go through the
real refresh path (fetch, parse, store), so the demo shows exactly what a real feed would. Their
dates are set relative to now when served, so retention never drops them. The user's settings
(theme, bidi, language) and key bindings are honoured; their feeds and articles are not touched:
everything lives in a temporary directory that is removed on exit.
"""

from __future__ import annotations

import json
import re
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from akhbar_tui.config import Config, load_config

if TYPE_CHECKING:
    from akhbar_tui.engine import Engine

# file name → (title, category, lang)
DEMO_FEEDS: dict[str, tuple[str, str, str]] = {
    "iqtisad.xml": ("نشرة الاقتصاد", "اقتصاد", "ar"),
    "akhbar.xml": ("أخبار اليوم", "أخبار", "ar"),
    "markets.xml": ("Markets Daily", "Business", "en"),
}
_HOURS_AGO = re.compile(r"\{\{hours_ago:(\d+(?:\.\d+)?)\}\}")


def feed_body(name: str, now: datetime | None = None) -> bytes:
    """A bundled feed with its `{{hours_ago:N}}` placeholders turned into RFC 822 dates."""
    now = now or datetime.now(UTC)
    text = resources.files(__package__).joinpath("feeds", name).read_text("utf-8")
    text = _HOURS_AGO.sub(lambda m: format_datetime(now - timedelta(hours=float(m.group(1)))), text)
    return text.encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        name = self.path.lstrip("/")
        if name not in DEMO_FEEDS:
            self.send_error(404)
            return
        body = feed_body(name)
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """The reader owns the terminal: the server prints nothing."""


def demo_config_text(user: Config, base_url: str) -> str:
    """feeds.toml for the demo: the user's settings and keys, the bundled feeds."""
    lines = ["[settings]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in asdict(user.settings).items()]
    if user.keys:
        lines.append("\n[keys]")
        lines += [f"{json.dumps(key)} = {json.dumps(value)}" for key, value in user.keys.items()]
    for name, (title, category, lang) in DEMO_FEEDS.items():
        lines += [
            "\n[[feeds]]",
            f"title = {json.dumps(title, ensure_ascii=False)}",
            f"url = {json.dumps(base_url + name)}",
            f"category = {json.dumps(category, ensure_ascii=False)}",
            f"lang = {json.dumps(lang)}",
        ]
    return "\n".join(lines) + "\n"


@contextmanager
def open_demo(user: Config) -> Iterator[Engine]:
    """An engine on the bundled feeds in a temporary directory, served while it is open."""
    from akhbar_tui.engine import Engine

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with tempfile.TemporaryDirectory(prefix="akhbar-demo-") as tmp:
            path = Path(tmp) / "feeds.toml"
            base = f"http://127.0.0.1:{server.server_address[1]}/"
            path.write_text(demo_config_text(user, base), encoding="utf-8")
            engine = Engine(load_config(path), Path(tmp) / "akhbar.db")
            try:
                yield engine
            finally:
                engine.close()
    finally:
        server.shutdown()
        server.server_close()
