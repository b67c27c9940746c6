"""The reader's speed with a big cache: 50,000 articles in 200 feeds, fresh database.

Figures (targets from issue 6):

- process start → first paint showing headlines ≤ 0.6 s: the real `akhbar` in tmux (120×40),
  measured from outside: spawn time vs. the time the app writes when its first screen with
  headlines has been painted (`AKHBAR_FIRST_PAINT_FILE`), median of 5 starts;
- keypress → repaint in the headline list ≤ 16 ms median, ≤ 50 ms p95 (Pilot: `press("j")`
  then `pause()`, 300 presses in-process);
- opening a 5,000-word Arabic article to its first screen ≤ 60 ms (body read, parsed, figures
  extracted, first screen laid out and painted), median of 15;
- peak RSS of the real app process ≤ 200 MB (VmHWM after starting and scrolling).

The cache is built through the real path: 200 feeds of 250 items served on 127.0.0.1, one
refresh. Items are dated 2025, so `keep_days` is raised.

Run: `.venv/bin/python benchmarks/bench_ui.py`.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from akhbar_tui.config import load_config
from akhbar_tui.engine import Engine
from akhbar_tui.models import HeadlineQuery
from core.feedserver import FeedServer, feed

FEEDS, ITEMS = 200, 250
START = datetime(2025, 6, 1, tzinfo=UTC)
AR = (
    "أعلن البنك المركزي اليوم عن ارتفاع الاحتياطي إلى 45.2 مليار دولار بنسبة 12% "
    "مقارنة بالعام الماضي"
)
EN = "The central bank said reserves rose to $45.2 billion, up 12% from a year earlier"


def long_article(words: int = 5000) -> str:
    """An Arabic article of `words` words in paragraphs of about 100 words."""
    unit = AR.split()
    paragraphs = []
    for p in range(words // 100):
        text = " ".join(unit[(p + i) % len(unit)] for i in range(100))
        paragraphs.append(f"<p>{text} ({p}).</p>")
    return "".join(paragraphs)


def rss(index: int) -> bytes:
    """Feed `index`: 250 items alternating Arabic and English titles, dated 2025."""
    items = []
    for n in range(ITEMS):
        when = format_datetime(START - timedelta(minutes=(n * FEEDS + index) * 3))
        title = f"{AR if (n + index) % 2 else EN} — {index}/{n}"
        body = f"<p>{AR}. {EN}.</p>"
        if index == 0 and n == 0:
            title, body = "مقال طويل من خمسة آلاف كلمة عن الاقتصاد", long_article()
        items.append(
            f"<item><title>{title}</title><link>https://bench.test/{index}/{n}</link>"
            f"<guid>b-{index}-{n}</guid><pubDate>{when}</pubDate>"
            f"<description><![CDATA[{body}]]></description></item>"
        )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Feed {index}</title><link>https://bench.test/{index}</link>{''.join(items)}"
        f"</channel></rss>"
    ).encode()


def build(folder: Path) -> Path:
    """feeds.toml + a database of 50,000 articles, through one real refresh."""
    server = FeedServer({f"/f{i}.xml": feed(rss(i)) for i in range(FEEDS)}).start()
    lines = ["[settings]", "refresh_minutes = 100000", "keep_days = 36500", "keep_per_feed = 1000"]
    for i in range(FEEDS):
        category = ["أخبار", "اقتصاد", "World", "Tech"][i % 4]
        lines += [
            "",
            "[[feeds]]",
            f'title = "Feed {i}"',
            f'url = "{server.url(f"/f{i}.xml")}"',
            f'category = "{category}"',
        ]
    config = folder / "feeds.toml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "data").mkdir()
    engine = Engine(load_config(config), folder / "data" / "akhbar.db")
    started = time.perf_counter()
    report = asyncio.run(engine.refresh())
    print(f"cache built: {report.summary_line()} in {time.perf_counter() - started:.1f} s")
    print(f"articles in cache: {engine.headline_count(HeadlineQuery())}")
    engine.close()
    server.stop()
    return config


def first_paint(config: Path, folder: Path, runs: int = 5) -> tuple[list[float], int]:
    """Seconds from spawning `akhbar` in tmux to its first painted screen; peak RSS in kB."""
    times, peak = [], 0
    for run in range(runs):
        marker = folder / f"paint{run}.txt"
        sock = folder / f"tmux{run}.sock"
        env = (
            f"env -u COLUMNS -u LINES AKHBAR_FIRST_PAINT_FILE={marker} "
            f"AKHBAR_CONFIG_DIR={folder / 'config'} AKHBAR_DATA_DIR={folder / 'data'} "
            f"TERM=xterm-256color"
        )
        command = f"{env} {sys.executable} -m akhbar_tui --config {config}"
        base = ["tmux", "-S", str(sock)]
        spawned = time.time()
        subprocess.run([*base, "new-session", "-d", "-x", "120", "-y", "40", command], check=True)
        deadline = time.monotonic() + 20
        while not marker.exists() or not marker.read_text().strip():
            if time.monotonic() > deadline:
                raise SystemExit("no first paint within 20 s")
            time.sleep(0.005)
        painted, pid = marker.read_text().split()
        times.append(float(painted) - spawned)
        for _ in range(40):
            subprocess.run([*base, "send-keys", "j"], check=True)
        subprocess.run([*base, "send-keys", "End"], check=True)
        time.sleep(0.5)
        status = Path(f"/proc/{pid}/status").read_text()
        peak = max(
            peak, int(next(x for x in status.splitlines() if x.startswith("VmHWM")).split()[1])
        )
        subprocess.run([*base, "kill-server"], capture_output=True)
    return times, peak


async def pilot_baseline() -> list[float]:
    """Pilot press+pause on a one-widget app: the harness's own cost on this machine."""
    from textual.app import App
    from textual.widgets import Static

    class Bare(App[None]):
        BINDINGS = [("j", "bump", "bump")]  # noqa: RUF012

        def compose(self):  # type: ignore[no-untyped-def]
            yield Static("0", id="n")

        def action_bump(self) -> None:
            self.query_one("#n", Static).update("1")

    app, times = Bare(), []
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(100):
            started = time.perf_counter()
            await pilot.press("j")
            await pilot.pause()
            times.append(time.perf_counter() - started)
    return times


async def in_process(config: Path, folder: Path) -> tuple[list[float], list[float], list[float]]:
    """Keypress→repaint times (Pilot, and the app's own work), open-to-first-screen times."""
    from akhbar_tui.article_text import parse
    from akhbar_tui.ui.app import AkhbarApp
    from akhbar_tui.ui.screens.main import extract_figures
    from akhbar_tui.ui.widgets.article_doc import build_doc

    engine = Engine(load_config(config), folder / "data" / "akhbar.db")
    app = AkhbarApp(engine)
    keys, work, opens = [], [], []
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.main.headlines.highlighted:
            await pilot.pause(0.01)
        for _ in range(300):
            started = time.perf_counter()
            await pilot.press("j")
            await pilot.pause()
            keys.append(time.perf_counter() - started)
        headlines = app.main.headlines
        for _ in range(300):  # the key's action and a repaint of every visible row
            started = time.perf_counter()
            headlines.action_cursor_down()
            for y in range(headlines.scrollable_content_region.height):
                headlines.render_line(y)
            work.append(time.perf_counter() - started)
            await pilot.pause()
        long_id = next(
            h.id
            for h in engine.headlines(HeadlineQuery(feed_id=None), 0, 50_000)
            if h.title.startswith("مقال طويل")
        )
        view = app.main.article_view
        for _ in range(15):
            started = time.perf_counter()
            article = engine.article(long_id)
            text = parse(article.summary_html, article.link, lang=article.lang)
            extract_figures(text.text, article.lang)
            view.show(build_doc(article, text, "Feed 0"))
            for y in range(view.scrollable_content_region.height):
                view.render_line(y)
            opens.append(time.perf_counter() - started)
            await pilot.pause()
        words = len(text.text.split())
    engine.close()
    print(f"long article: {words} words")
    return keys, work, opens


def ms(values: list[float], q: float) -> float:
    """The q-quantile of `values`, in milliseconds."""
    ordered = sorted(values)
    return 1000 * ordered[min(int(q * len(ordered)), len(ordered) - 1)]


def main() -> None:
    """Build the cache, measure, print the figures."""
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is needed for the first-paint figure")
    with tempfile.TemporaryDirectory(prefix="akhbar-bench-ui-") as tmp:
        folder = Path(tmp)
        config = build(folder)
        paints, peak_kb = first_paint(config, folder)
        keys, work, opens = asyncio.run(in_process(config, folder))
        bare = asyncio.run(pilot_baseline())
    print(
        f"first paint with headlines: median {statistics.median(paints):.3f} s "
        f"(runs: {', '.join(f'{p:.3f}' for p in paints)})  target ≤ 0.6 s"
    )
    print(
        f"keypress → repaint (j): median {ms(keys, 0.5):.1f} ms, p95 {ms(keys, 0.95):.1f} ms  "
        f"target ≤ 16 / ≤ 50 ms"
    )
    print(
        f"  same harness on a one-Static app: median {ms(bare, 0.5):.1f} ms, "
        f"p95 {ms(bare, 0.95):.1f} ms (Pilot's own wait)"
    )
    print(
        f"  the app's work per key (action + all visible rows painted): "
        f"median {ms(work, 0.5):.2f} ms, p95 {ms(work, 0.95):.2f} ms"
    )
    print(f"open 5,000-word article → first screen: median {ms(opens, 0.5):.1f} ms  target ≤ 60 ms")
    print(f"peak RSS of the app process: {peak_kb / 1024:.0f} MB  target ≤ 200 MB")


if __name__ == "__main__":
    main()
