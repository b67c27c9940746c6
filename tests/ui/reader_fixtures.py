"""Feeds, a served feed list and a refreshed engine for the reader's tests.

The sample feeds are the demo's (Arabic and English, dated relative to now) plus a hostile feed
whose title and body carry markup and raw escape sequences. They are served by the test feed
server on 127.0.0.1 and go through the real refresh (fetch, parse, store).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from waiting import settled, until

from akhbar_tui.config import load_config
from akhbar_tui.demo import feed_body
from akhbar_tui.engine import Engine
from akhbar_tui.ui.app import AkhbarApp
from core.feedserver import FeedServer, feed

ESC = "\x1b"
HOSTILE_TITLE = (
    f"[red]x[/red] {ESC}]0;pwned\x07{ESC}[31mred{ESC}[0m [link=file:///etc/passwd]click[/link]"
)
HOSTILE = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Hostile [b]feed[/b]</title><link>https://hostile.test/</link>
<item><title>{HOSTILE_TITLE}</title><link>javascript:alert(1)</link><guid>h1</guid>
<pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>
<description>&lt;p&gt;[red]x[/red] {ESC}[2J{ESC}]0;title\x07 [link=file:///etc/passwd]p[/link]&lt;/p&gt;</description>
</item></channel></rss>
"""


def feeds_toml(
    server: FeedServer,
    *,
    keys: dict[str, str] | None = None,
    hostile: bool = True,
    language: str = "en",
) -> str:
    """A feeds.toml naming the served feeds; no background refresh during a test; the reader
    in `language` (English unless a test is about Arabic, whatever the machine's locale)."""
    lines = [
        "[settings]",
        "refresh_minutes = 600",
        "keep_days = 36500",
        f'language = "{language}"',
        "",
        "[[feeds]]",
        'title = "نشرة الاقتصاد"',
        f'url = "{server.url("/iqtisad.xml")}"',
        'category = "اقتصاد"',
        'lang = "ar"',
        "",
        "[[feeds]]",
        'title = "Markets Daily"',
        f'url = "{server.url("/markets.xml")}"',
        'category = "Business"',
        'lang = "en"',
    ]
    if hostile:
        lines += ["", "[[feeds]]", 'title = "Hostile"', f'url = "{server.url("/hostile.xml")}"']
    if keys:
        lines += ["", "[keys]", *(f'"{k}" = "{v}"' for k, v in keys.items())]
    return "\n".join(lines) + "\n"


def serve(now: datetime | None = None) -> FeedServer:
    """A started feed server with the three feeds, dated relative to `now` (default: now)."""
    return FeedServer(
        {
            "/iqtisad.xml": feed(feed_body("iqtisad.xml", now)),
            "/markets.xml": feed(feed_body("markets.xml", now)),
            "/hostile.xml": feed(HOSTILE.encode("utf-8")),
        }
    ).start()


def sample_store(folder: Path, now: datetime, language: str = "en") -> Path:
    """`folder` with the Arabic and English sample feeds refreshed into its database once,
    dated relative to `now` (a fixed clock for snapshots); tests read copies of it."""
    with refreshed_engine(folder, hostile=False, now=now, language=language):
        pass
    return folder


@contextmanager
def refreshed_engine(
    tmp_path: Path,
    *,
    keys: dict[str, str] | None = None,
    hostile: bool = True,
    now: datetime | None = None,
    language: str = "en",
) -> Iterator[tuple[Engine, FeedServer]]:
    """An engine on a fresh database, refreshed once from the served feeds."""
    server = serve(now)
    path = tmp_path / "feeds.toml"
    text = feeds_toml(server, keys=keys, hostile=hostile, language=language)
    path.write_text(text, encoding="utf-8")
    engine = Engine(load_config(path), tmp_path / "akhbar.db")
    try:
        asyncio.run(engine.refresh())
        yield engine, server
    finally:
        engine.close()
        server.stop()


def reader_app(engine: Engine, **options: Any) -> AkhbarApp:
    """The reader as these tests run it: without the search indexer's child process (the tests
    that search index beforehand) unless a test turns it on."""
    options.setdefault("index_in_background", False)
    return AkhbarApp(engine, **options)


async def loaded(app: AkhbarApp, pilot, rows: int = 1) -> None:  # type: ignore[no-untyped-def]
    """Wait until the headline list shows at least `rows` rows and the feeds are in."""

    def shown() -> bool:
        main = app.main
        return (
            main.headlines.count >= rows
            and bool(main.headlines.highlighted)
            and bool(main.feeds.entries)
        )

    await until(pilot, shown, "headlines loaded")


@asynccontextmanager
async def empty_reader(folder: Path, language: str = "en") -> AsyncIterator[tuple[AkhbarApp, Any]]:
    """The reader on an empty database, as at a first start: (app, pilot) once its headline
    list has been reset and it is idle."""
    toml = folder / "feeds.toml"
    toml.write_text(
        f'[settings]\nrefresh_minutes = 600\nlanguage = "{language}"\n', encoding="utf-8"
    )
    engine = Engine(load_config(toml), folder / "empty.db")
    try:
        app = reader_app(engine)
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: app.main.headlines.generation > 0, "the list was reset")
            await settled(pilot)
            yield app, pilot
    finally:
        engine.close()
