"""One refresh: fetch every feed concurrently, parse in worker processes, store in batches.

The three stages overlap. Fetch coroutines (as many as `max_connections`) walk the feed list,
interleaved by host so one slow site cannot hold every slot; a body goes to the `ParsePool` while
its fetcher moves on to the next feed; results queue for one writer that commits whatever has
arrived in a single transaction. A byte budget stops new fetches while too many bodies wait to be
parsed, which bounds memory. A 304 is never parsed; nothing is parsed twice.

Each feed ends as one `FeedResult`; a failure (fetch, parse, HTML page…) is recorded on that
feed alone and never touches another feed's articles.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from akhbar_tui.errors import FeedParseError
from akhbar_tui.fetch import Fetcher
from akhbar_tui.models import FeedResult, FeedSpec, FetchOutcome, ParsedFeed, RefreshProgress
from akhbar_tui.settings import Settings
from akhbar_tui.store import Store
from akhbar_tui.store_write import Retention

if TYPE_CHECKING:
    from akhbar_tui.engine_fulltext import PageFetches
    from akhbar_tui.engine_pool import ParsePool

# Bodies fetched but not yet parsed; past this, fetchers wait (bench feeds are ~200 KB each).
PENDING_BYTES = 8 * 1024 * 1024
# Article pages a `full_text` feed fetches per refresh, newest first. A feed's first refresh
# finds every item new (often 50 or more); the older ones keep the feed's text, and the reader's
# `f` fetches any of them on demand.
PAGES_PER_FEED = 20

Progress = Callable[[RefreshProgress], None]


@dataclass(slots=True)
class _Done:
    """A feed's outcome on its way to the writer."""

    spec: FeedSpec
    outcome: FetchOutcome
    parsed: ParsedFeed | None = None
    fingerprints: list[str] | None = None
    reason: str | None = None


def interleave_by_host(specs: Sequence[FeedSpec]) -> list[FeedSpec]:
    """Round-robin the feeds over their hosts, keeping each host's own order."""
    by_host: dict[str, deque[FeedSpec]] = {}
    for spec in specs:
        try:
            host = (urlsplit(spec.url).hostname or "").lower()
        except ValueError:
            host = ""
        by_host.setdefault(host, deque()).append(spec)
    order: list[FeedSpec] = []
    queues = list(by_host.values())
    while queues:
        for queue in queues:
            order.append(queue.popleft())
        queues = [q for q in queues if q]
    return order


class _ByteBudget:
    """Admits new fetches only while the bodies waiting for a parser stay under a limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0
        self._changed = asyncio.Condition()

    async def room(self) -> None:
        async with self._changed:
            await self._changed.wait_for(lambda: self.used < self.limit)

    def take(self, size: int) -> None:
        self.used += size

    async def give(self, size: int) -> None:
        async with self._changed:
            self.used -= size
            self._changed.notify_all()


class Refresh:
    """The state of one refresh run; `await Refresh(...).run()` returns the per-feed results."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        specs: Sequence[FeedSpec],
        feed_ids: dict[str, int],
        on_progress: Progress | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.specs = list(specs)
        self.feed_ids = feed_ids
        self.on_progress = on_progress
        self.retention = Retention(settings.keep_days, settings.keep_per_feed)
        self.results: dict[str, FeedResult] = {}
        self._pool: ParsePool | None = None
        self._budget = _ByteBudget(PENDING_BYTES)
        self._written: asyncio.Queue[_Done | None] = asyncio.Queue()
        self._parsing: set[asyncio.Task[None]] = set()
        # Full text: (feed url, [(article id, link)]) of new articles, found on the store thread.
        self._new_pages: list[tuple[str, list[tuple[int, str]]]] = []
        self._pages: PageFetches | None = None
        self._full_text = any(spec.full_text for spec in self.specs)

    async def run(self) -> dict[str, FeedResult]:
        """Fetch, parse and store every feed; returns url → result."""
        validators = self._validators()
        queue = deque(interleave_by_host(self.specs))
        # SQLite work runs on one thread of its own (its own connection), so the event loop
        # keeps fetching and feeding the parsers while a batch is written.
        storing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="akhbar-store")
        writer = asyncio.create_task(self._write(storing))
        try:
            if any(validators.get(spec.url, (None, None)) == (None, None) for spec in self.specs):
                self.pool.prestart()  # some feed cannot answer 304: bodies are coming
            async with Fetcher(self.settings) as fetcher:
                if self._full_text:
                    from akhbar_tui.engine_fulltext import PageFetches

                    self._pages = PageFetches(self.store, fetcher)
                count = max(1, min(self.settings.max_connections, len(queue)))
                await asyncio.gather(
                    *(self._fetch_loop(fetcher, queue, validators) for _ in range(count))
                )
                while self._parsing:
                    await asyncio.gather(*list(self._parsing))
                await self._written.put(None)
                await writer
                pages = await self._pages.wait() if self._pages is not None else {}
                for url, warning in pages.items():
                    result = self.results[url]
                    joined = f"{result.warning}; {warning}" if result.warning else warning
                    self.results[url] = replace(result, warning=joined)
        finally:
            writer.cancel()
            for task in self._parsing:
                task.cancel()
            if self._pool is not None:
                await self._pool.close()
            await asyncio.get_running_loop().run_in_executor(storing, self.store.close_thread)
            storing.shutdown(wait=True)
        return self.results

    @property
    def pool(self) -> ParsePool:
        """The parse workers, made on first use (a refresh of 304s never imports them)."""
        if self._pool is None:
            from akhbar_tui.engine_pool import ParsePool

            self._pool = ParsePool()
        return self._pool

    def _validators(self) -> dict[str, tuple[str | None, str | None]]:
        """ETag and Last-Modified per feed url, read once."""
        wanted = {spec.url for spec in self.specs}
        return {
            url: self.store.validators(feed_id)
            for url, feed_id in self.feed_ids.items()
            if url in wanted
        }

    async def _fetch_loop(
        self,
        fetcher: Fetcher,
        queue: deque[FeedSpec],
        validators: dict[str, tuple[str | None, str | None]],
    ) -> None:
        while queue:
            spec = queue.popleft()
            etag, modified = validators.get(spec.url, (None, None))
            await self._budget.room()
            outcome = await fetcher.fetch(spec.url, etag=etag, last_modified=modified)
            if outcome.error is not None or outcome.not_modified:
                await self._written.put(_Done(spec, outcome))
                continue
            size = len(outcome.body)
            self._budget.take(size)
            task = asyncio.create_task(self._parse(spec, outcome, size))
            self._parsing.add(task)
            task.add_done_callback(self._parsing.discard)

    async def _parse(self, spec: FeedSpec, outcome: FetchOutcome, size: int) -> None:
        try:
            parsed, prints = await self.pool.parse(
                outcome.body, outcome.headers, spec, outcome.final_url or spec.url
            )
            done = _Done(spec, outcome, parsed, prints)
        except FeedParseError as error:
            done = _Done(spec, outcome, reason=str(error))
        finally:
            await self._budget.give(size)
        await self._written.put(done)

    async def _write(self, storing: ThreadPoolExecutor) -> None:
        """Commit whatever has arrived in one transaction per batch; report progress after."""
        loop = asyncio.get_running_loop()
        finished = False
        while not finished:
            batch = [await self._written.get()]
            while not self._written.empty():
                batch.append(self._written.get_nowait())
            finished = None in batch
            items = [item for item in batch if item is not None]
            if not items:
                continue
            results = await loop.run_in_executor(storing, self._store_batch, items)
            for result in results:
                self.results[result.url] = result
                if self.on_progress is not None:
                    self.on_progress(
                        RefreshProgress(
                            done=len(self.results),
                            total=len(self.specs),
                            url=result.url,
                            title=result.title,
                            status=result.status,
                        )
                    )
            while self._new_pages and self._pages is not None:
                self._pages.add(*self._new_pages.pop())

    def _store_batch(self, items: list[_Done]) -> list[FeedResult]:
        """One transaction for several feeds (runs on the store thread)."""
        now = time.time()
        with self.store.atomic():
            return [self._store_one(item, now) for item in items]

    def _store_one(self, item: _Done, now: float) -> FeedResult:
        spec, outcome = item.spec, item.outcome
        feed_id = self.feed_ids[spec.url]
        reason = outcome.error or item.reason
        if reason is not None:
            self.store.record_failure(feed_id, reason, now)
            return FeedResult(spec.url, spec.display_title, "failed", reason=reason)
        if item.parsed is None:
            self.store.record_not_modified(feed_id, outcome.etag, outcome.last_modified, now)
            return FeedResult(spec.url, spec.display_title, "unchanged")
        parsed = item.parsed
        new, updated = self.store.store_parsed(
            feed_id,
            parsed,
            etag=outcome.etag,
            last_modified=outcome.last_modified,
            keep_days=self.retention.keep_days,
            keep_per_feed=self.retention.keep_per_feed,
            fingerprints=item.fingerprints,
            now=now,
        )
        if spec.full_text and new:
            pages = self.store.without_full_text(feed_id, now, limit=PAGES_PER_FEED)
            self._new_pages.append((spec.url, pages))
        status = "new" if new else "updated" if updated else "ok"
        title = spec.title or parsed.title or spec.url
        return FeedResult(spec.url, title, status, new=new, updated=updated, warning=parsed.warning)
