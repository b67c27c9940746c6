"""A feed with one long Arabic article (figures far below its first screen) and a teaser whose
link leads to a full article page, served on 127.0.0.1; and the engine refreshed from it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from akhbar_tui.config import load_config
from akhbar_tui.engine import Engine
from core.feedserver import FeedServer, Reply, feed, status

FILLER = (
    "وتناول التقرير أوضاع الأسواق في المنطقة خلال الأشهر الماضية وأثر السياسات النقدية "
    "على حركة التجارة والاستثمار في القطاعات المختلفة"
)
LATE_FIGURE = "80 مليار دولار"
LATE_SENTENCE = f"وبلغت قيمة الصفقة {LATE_FIGURE} في نهاية العام."
PAGE_TEXT = "وأكد الوزير أن الاستثمارات الجديدة بلغت 45 مليار ريال خلال عامين."


def long_body(paragraphs: int = 30) -> str:
    """Paragraphs of filler, the figure sentence last: far below the first screen."""
    body = "".join(f"<p>{FILLER} ({n}).</p>" for n in range(paragraphs))
    return body + f"<p>{LATE_SENTENCE}</p>"


def page(body: str) -> bytes:
    """An article web page in the shape of a news site: menu, article, related links, footer."""
    return (
        '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر</title>'
        "</head><body><nav><a href='/'>الرئيسية</a><a href='/a'>اقتصاد</a></nav>"
        f"<article><h1>الاستثمارات الجديدة</h1>{body}</article>"
        "<aside><a href='/r'>أخبار ذات صلة</a></aside><footer>جميع الحقوق محفوظة</footer>"
        "</body></html>"
    ).encode()


def rss(base: str) -> bytes:
    """The long article, a teaser with a full page behind it, a teaser whose page is gone."""
    items = [
        ("long", "تقرير طويل عن الأسواق", "https://long.test/1", long_body()),
        ("teaser", "الوزير يعلن استثمارات جديدة", f"{base}/page.html", "<p>موجز قصير.</p>"),
        ("gone", "خبر صفحته محذوفة", f"{base}/gone.html", "<p>نص الموجز الأصلي.</p>"),
    ]
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>"
        f"<pubDate>Mon, 0{n + 1} Jan 2024 00:00:00 GMT</pubDate>"
        f"<description><![CDATA[{html}]]></description></item>"
        for n, (guid, title, link, html) in enumerate(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>تقارير</title><link>https://long.test/</link>{body}</channel></rss>"
    ).encode()


@contextmanager
def long_engine(tmp_path: Path) -> Iterator[tuple[Engine, FeedServer]]:
    """An engine refreshed from the served feed, its search index caught up."""
    paragraphs = "".join(f"<p>{PAGE_TEXT if n == 3 else FILLER} ({n}).</p>" for n in range(8))
    server = FeedServer(
        {
            "/page.html": Reply(
                body=page(paragraphs), headers={"Content-Type": "text/html; charset=utf-8"}
            ),
            "/gone.html": status(404),
        }
    ).start()
    server.routes["/feed.xml"] = feed(rss(server.url("").rstrip("/")))
    path = tmp_path / "feeds.toml"
    path.write_text(
        "[settings]\nrefresh_minutes = 600\nkeep_days = 36500\n\n[[feeds]]\n"
        f'title = "تقارير"\nurl = "{server.url("/feed.xml")}"\nlang = "ar"\n',
        encoding="utf-8",
    )
    engine = Engine(load_config(path), tmp_path / "akhbar.db")
    try:
        asyncio.run(engine.refresh())
        engine.update_search_index()
        yield engine, server
    finally:
        engine.close()
        server.stop()
