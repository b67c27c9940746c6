"""The parse worker pool: real worker processes, real feeds, a worker killed mid-job."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest
from engine_helpers import rss

from akhbar_tui.engine_pool import ParsePool
from akhbar_tui.errors import FeedParseError
from akhbar_tui.models import FeedSpec
from akhbar_tui.store_write import fingerprint

SPEC = FeedSpec(url="https://example.org/feed.xml")


def test_parses_in_workers_with_fingerprints_and_reasons() -> None:
    async def scenario() -> None:
        pool = ParsePool(size=2)
        try:
            good, bad = await asyncio.gather(
                pool.parse(rss(range(5), arabic=True), {}, SPEC, SPEC.url),
                pool.parse(b"<!doctype html><html><body>hi</body></html>", {}, SPEC, SPEC.url),
                return_exceptions=True,
            )
        finally:
            await pool.close()
        parsed, prints = good  # type: ignore[misc]
        assert parsed.articles[0].title == "خبر رقم 4"
        assert prints == [fingerprint(a) for a in parsed.articles]
        assert isinstance(bad, FeedParseError) and "HTML" in str(bad)
        assert 1 <= pool.started <= 2

    asyncio.run(scenario())


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_a_dead_worker_fails_only_its_jobs_and_is_replaced() -> None:
    async def scenario() -> None:
        pool = ParsePool(size=1)
        try:
            await pool.parse(rss(range(1)), {}, SPEC, SPEC.url)  # worker up and warm
            victim = pool._workers[0].process
            big = rss(range(3000))
            job = asyncio.create_task(pool.parse(big, {}, SPEC, SPEC.url))
            await asyncio.sleep(0.05)
            os.kill(victim.pid, signal.SIGKILL)
            with pytest.raises(FeedParseError, match="stopped unexpectedly"):
                await job
            parsed, _prints = await pool.parse(rss(range(2)), {}, SPEC, SPEC.url)
            assert len(parsed.articles) == 2
            assert pool.started == 2
        finally:
            await pool.close()

    asyncio.run(scenario())


def test_prestart_starts_every_worker_and_jobs_use_them() -> None:
    async def scenario() -> None:
        pool = ParsePool(size=2)
        try:
            pool.prestart()
            pool.prestart()  # already starting: no extra workers
            results = await asyncio.gather(
                *(pool.parse(rss(range(3)), {}, SPEC, SPEC.url) for _ in range(4))
            )
            assert [len(parsed.articles) for parsed, _prints in results] == [3, 3, 3, 3]
            assert pool.started == 2
            processes = [w.process for w in pool._workers]
        finally:
            await pool.close()
        assert all(p.returncode is not None for p in processes)  # closed, not leaked

    asyncio.run(scenario())


def test_prestarted_workers_close_even_when_never_used() -> None:
    async def scenario() -> None:
        pool = ParsePool(size=2)
        pool.prestart()
        await asyncio.sleep(0)  # the starts are under way, not finished
        await pool.close()
        assert pool.started == 2 and pool._workers == []
        again = ParsePool(size=1)
        again.prestart()
        await asyncio.gather(*again._starting)
        (process,) = [w.process for w in again._workers]
        await again.close()
        assert process.returncode is not None

    asyncio.run(scenario())
