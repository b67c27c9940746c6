"""Full text through the engine: on demand (`Engine.fetch_full_text`, the reader's `f`) and
during a refresh for `full_text = true` feeds, against pages served on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from feedserver import FeedServer, Recorded, Reply, feed

from akhbar_tui.config import load_config
from akhbar_tui.engine import Engine
from akhbar_tui.engine_refresh import PAGES_PER_FEED
from akhbar_tui.errors import FetchError
from akhbar_tui.models import HeadlineQuery

FIXTURES = Path(__file__).parent / "fixtures" / "fulltext"
HTML = {"Content-Type": "text/html; charset=utf-8"}
ARTICLE = (FIXTURES / "portal_ar.html").read_bytes()
FIRST_PARAGRAPH = "أعلن البنك المركزي يوم الخميس رفع سعر الفائدة الرئيسي"


def rss(links: list[str]) -> str:
    """A teaser-only feed: one sentence per item, the article on the linked page."""
    items = "".join(
        f"<item><title>خبر {n}</title><guid>item-{n}</guid><link>{escape(link)}</link>"
        f"<description>سطر واحد فقط.</description></item>"
        for n, link in enumerate(links)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    )


def make_engine(tmp_path: Path, feed_url: str, *, full_text: bool) -> Engine:
    config = tmp_path / "feeds.toml"
    config.write_text(
        f'[settings]\nkeep_days = 3650\n\n[[feeds]]\nurl = "{feed_url}"\n'
        f"full_text = {'true' if full_text else 'false'}\n",
        encoding="utf-8",
    )
    return Engine(load_config(config), tmp_path / "akhbar.db")


@pytest.fixture
def site() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server


def article_ids(engine: Engine) -> list[int]:
    return [h.id for h in engine.headlines(HeadlineQuery(), 0, 100)]


async def test_fetch_full_text_on_demand_opens_offline(site: FeedServer, tmp_path: Path) -> None:
    site.routes["/article"] = Reply(body=ARTICLE, headers=HTML)
    site.routes["/feed"] = feed(rss([site.url("/article")]))
    engine = make_engine(tmp_path, site.url("/feed"), full_text=False)
    await engine.refresh()
    (article_id,) = article_ids(engine)
    assert engine.article(article_id).full_text is None
    assert site.hits("/article") == 0  # full_text is off for this feed: no page fetched

    article = await engine.fetch_full_text(article_id)
    assert article.full_text is not None and FIRST_PARAGRAPH in article.full_text
    assert article.full_text.startswith('<div dir="rtl" lang="ar">')
    engine.close()

    feed_url = site.url("/feed")
    site.stop()  # offline: a new engine on the same database still has the text
    reopened = make_engine(tmp_path, feed_url, full_text=False)
    assert FIRST_PARAGRAPH in (reopened.article(article_id).full_text or "")
    reopened.close()


async def test_failed_fetch_keeps_feed_text_and_says_why(site: FeedServer, tmp_path: Path) -> None:
    site.routes["/feed"] = feed(rss([site.url("/gone"), ""]))
    engine = make_engine(tmp_path, site.url("/feed"), full_text=False)
    await engine.refresh()
    with_link, without_link = sorted(
        article_ids(engine), key=lambda i: engine.article(i).link or ""
    )[::-1]
    with pytest.raises(FetchError, match=r"^HTTP 404$"):
        await engine.fetch_full_text(with_link)
    with pytest.raises(FetchError, match="no link"):
        await engine.fetch_full_text(without_link)
    kept = engine.article(with_link)
    assert kept.full_text is None and "سطر واحد فقط" in kept.summary_html
    engine.close()


class PageCounter:
    """Serves the article page slowly and remembers the most requests in flight at once."""

    def __init__(self) -> None:
        self.in_flight = 0
        self.peak = 0
        self._lock = threading.Lock()

    def __call__(self, request: Recorded) -> Reply:
        with self._lock:
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
        time.sleep(0.15)
        with self._lock:
            self.in_flight -= 1
        return Reply(body=ARTICLE, headers=HTML)


async def test_refresh_fetches_new_articles_pages_two_per_host(
    site: FeedServer, tmp_path: Path
) -> None:
    pages = PageCounter()
    links = [site.url(f"/article/{n}") for n in range(6)]
    for n in range(6):
        site.routes[f"/article/{n}"] = pages
    links.append(site.url("/missing"))
    site.routes["/feed"] = feed(rss(links))
    engine = make_engine(tmp_path, site.url("/feed"), full_text=True)

    (result,) = (await engine.refresh()).results
    assert result.new == 7
    assert result.warning == "full text: 1 of 7 pages failed (HTTP 404)"
    assert pages.peak == 2  # concurrent, but never more than two pages per host
    stored = {engine.article(i).link: engine.article(i) for i in article_ids(engine)}
    for link in links[:6]:
        assert FIRST_PARAGRAPH in (stored[link].full_text or "")
    assert stored[links[6]].full_text is None
    assert "سطر واحد فقط" in stored[links[6]].summary_html

    # Only new articles: a second refresh fetches no page again.
    hits = [site.hits(f"/article/{n}") for n in range(6)]
    site.routes["/feed"] = feed(rss([*links, site.url("/article/new")]))
    site.routes["/article/new"] = Reply(body=ARTICLE, headers=HTML)
    (again,) = (await engine.refresh()).results
    assert again.new == 1 and again.warning is None
    assert [site.hits(f"/article/{n}") for n in range(6)] == hits
    assert site.hits("/article/new") == 1 and site.hits("/missing") == 1
    engine.close()


async def test_a_first_refresh_fetches_only_the_newest_pages(
    site: FeedServer, tmp_path: Path
) -> None:
    total = PAGES_PER_FEED + 5
    for n in range(total):
        site.routes[f"/article/{n}"] = Reply(body=ARTICLE, headers=HTML)
    dated = "".join(
        f"<item><title>خبر {n}</title><guid>item-{n}</guid>"
        f"<link>{escape(site.url(f'/article/{n}'))}</link><description>سطر.</description>"
        f"<pubDate>{format_datetime(datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=n))}"
        "</pubDate></item>"
        for n in range(total)
    )
    site.routes["/feed"] = feed(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{dated}</channel></rss>'
    )
    engine = make_engine(tmp_path, site.url("/feed"), full_text=True)

    (result,) = (await engine.refresh()).results
    assert result.new == total and result.warning is None
    fetched = [n for n in range(total) if site.hits(f"/article/{n}") == 1]
    assert fetched == list(range(5, total))  # the newest by date, whatever the feed's order
    oldest = next(
        engine.article(i) for i in article_ids(engine) if engine.article(i).title == "خبر 0"
    )
    assert oldest.full_text is None  # keeps the feed's text; `f` fetches it on demand
    engine.close()
