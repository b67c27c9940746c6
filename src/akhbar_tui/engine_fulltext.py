"""Full text during a refresh: the pages of new articles of `full_text = true` feeds.

A refresh hands each such feed's new articles (id, link) to `PageFetches`, which fetches their
pages with the refresh's own `Fetcher` (deadline, size cap, redirects, http/https only) and keeps
the extracted main text with the article. Pages go out at most `PAGES_PER_HOST` at a time per
host, on top of the Fetcher's own per-host limit: a news site publishing thirty articles at once
gets two page requests at a time from akhbar, not thirty. A page that cannot be had leaves the
feed's own text in place; the feed's result says how many pages failed and why.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Sequence
from urllib.parse import urlsplit

from akhbar_tui.errors import FetchError
from akhbar_tui.fetch import Fetcher
from akhbar_tui.fulltext import fetch_full_text
from akhbar_tui.store import Store

PAGES_PER_HOST = 2


class PageFetches:
    """The article-page fetches of one refresh; `add` schedules, `wait` finishes them all."""

    def __init__(self, store: Store, fetcher: Fetcher, per_host: int = PAGES_PER_HOST) -> None:
        self._store = store
        self._fetcher = fetcher
        self._per_host = per_host
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._tasks: list[asyncio.Task[str | None]] = []
        self._feed_of: dict[asyncio.Task[str | None], str] = {}

    def add(self, feed_url: str, articles: Sequence[tuple[int, str]]) -> None:
        """Schedule the pages of one feed's new articles (article id, page URL)."""
        for article_id, link in articles:
            task = asyncio.create_task(self._one(article_id, link))
            self._tasks.append(task)
            self._feed_of[task] = feed_url

    async def wait(self) -> dict[str, str]:
        """Finish every scheduled page; returns feed url → warning for feeds with failed pages."""
        if not self._tasks:
            return {}
        reasons = await asyncio.gather(*self._tasks)
        failures: dict[str, Counter[str]] = {}
        totals: Counter[str] = Counter()
        for task, reason in zip(self._tasks, reasons, strict=True):
            feed_url = self._feed_of[task]
            totals[feed_url] += 1
            if reason is not None:
                failures.setdefault(feed_url, Counter())[reason] += 1
        return {
            url: _warning(sum(counts.values()), totals[url], counts)
            for url, counts in failures.items()
        }

    async def _one(self, article_id: int, link: str) -> str | None:
        """Fetch and store one page's main text; the reason when it could not be had."""
        try:
            host = (urlsplit(link).hostname or "").lower()
        except ValueError:
            return "invalid URL"
        slot = self._hosts.setdefault(host, asyncio.Semaphore(self._per_host))
        async with slot:
            try:
                full = await fetch_full_text(self._fetcher, link)
            except FetchError as error:
                return str(error)
        self._store.set_full_text(article_id, full.html)
        return None


def _warning(failed: int, total: int, reasons: Counter[str]) -> str:
    """ "full text: 2 of 9 pages failed (HTTP 404 ×2)"."""
    parts = [f"{reason} ×{n}" if n > 1 else reason for reason, n in reasons.most_common(3)]
    return f"full text: {failed} of {total} pages failed ({'; '.join(parts)})"
