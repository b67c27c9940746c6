"""Parsing on every core: a small pool of `engine_worker` processes driven from asyncio.

Workers start on demand (a refresh where every feed answers 304 starts none) and the second
only once the first has a backlog — or all at once with `prestart`, when the refresh knows
bodies are coming (feeds it has no validators for), so their start-up overlaps the first
fetches instead of following the first response. Each job goes to the worker with the fewest
jobs in hand. A worker that dies fails only the jobs it held, with a human reason, and the next
job starts a new one.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pickle
import sys
from collections.abc import Mapping
from pathlib import Path

import akhbar_tui
from akhbar_tui.engine_worker import FRAME, PIPE_BYTES, unpack_parsed
from akhbar_tui.errors import FeedParseError
from akhbar_tui.models import FeedSpec, ParsedFeed

ParseResult = tuple[ParsedFeed, list[str]]


def default_size() -> int:
    """One worker per core, at most two: the refresh process itself needs a share of the CPU."""
    return max(1, min(2, os.cpu_count() or 1))


class _Worker:
    """One worker process, its jobs in flight and the task that reads its answers."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.pending: dict[int, asyncio.Future[ParseResult]] = {}
        self.alive = True
        self.reader = asyncio.create_task(self._read_answers())

    async def _read_answers(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        try:
            while True:
                (size,) = FRAME.unpack(await stdout.readexactly(FRAME.size))
                job, packed, prints, error = pickle.loads(await stdout.readexactly(size))
                future = self.pending.pop(job, None)
                if future is None or future.done():
                    continue
                if error is not None:
                    future.set_exception(FeedParseError(error))
                else:
                    future.set_result((unpack_parsed(packed), prints))
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            self._fail_pending()

    def _fail_pending(self) -> None:
        self.alive = False
        for future in self.pending.values():
            if not future.done():
                future.set_exception(FeedParseError("the feed parser process stopped unexpectedly"))
        self.pending.clear()

    async def close(self) -> None:
        stdin = self.process.stdin
        if stdin is not None and not stdin.is_closing():
            stdin.close()
        try:
            await asyncio.wait_for(self.process.wait(), 3.0)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                self.process.kill()
            await self.process.wait()
        self.reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.reader


class ParsePool:
    """Up to `size` parse worker processes for one event loop (one refresh).

    A worker holds at most `DEPTH` jobs (one parsing, one waiting in its pipe), so it never
    idles between jobs while other bodies wait here, unpickled, instead of twice in memory.
    """

    DEPTH = 2

    def __init__(self, size: int | None = None) -> None:
        self.size = size or default_size()
        self._workers: list[_Worker] = []
        self._changed: asyncio.Condition | None = None
        self._spawning = 0
        self._next_job = 0
        self._starting: set[asyncio.Task[None]] = set()
        self.started = 0

    def prestart(self) -> None:
        """Start every worker now, in the background (call from the event loop)."""
        if self._changed is None:
            self._changed = asyncio.Condition()
        for _ in range(self.size - len(self._workers) - self._spawning):
            self._spawning += 1
            task = asyncio.create_task(self._start_one())
            self._starting.add(task)
            task.add_done_callback(self._starting.discard)

    async def _start_one(self) -> None:
        """One background start; waiting jobs are woken for the worker's slots (or, if it
        failed to start, so that one of them tries again)."""
        assert self._changed is not None
        try:
            worker = _Worker(await _spawn())
            self.started += 1
            self._workers.append(worker)
        finally:
            self._spawning -= 1
            async with self._changed:
                self._changed.notify(self.DEPTH)

    async def parse(
        self, body: bytes, headers: Mapping[str, str], spec: FeedSpec, base_url: str | None
    ) -> ParseResult:
        """Parse one document in a worker: (ParsedFeed, fingerprints) or FeedParseError."""
        worker = await self._pick()
        self._next_job += 1
        job = self._next_job
        payload = pickle.dumps(
            (job, body, dict(headers), spec, base_url), protocol=pickle.HIGHEST_PROTOCOL
        )
        future: asyncio.Future[ParseResult] = asyncio.get_running_loop().create_future()
        worker.pending[job] = future
        stdin = worker.process.stdin
        assert stdin is not None
        try:
            stdin.write(FRAME.pack(len(payload)))
            stdin.write(payload)
            del payload
            await stdin.drain()
            return await future
        except (ConnectionError, RuntimeError):
            raise FeedParseError("the feed parser process stopped unexpectedly") from None
        finally:
            worker.pending.pop(job, None)
            await self._notify()

    async def _notify(self) -> None:
        """Wake one waiting job: one slot came free. (Waking all of them, dozens while the
        fetchers run ahead, made each finished job cost a round of futile wake-ups.)"""
        assert self._changed is not None
        async with self._changed:
            self._changed.notify()

    async def _pick(self) -> _Worker:
        """A live worker with room, starting one when all are busy and the pool has room."""
        if self._changed is None:
            self._changed = asyncio.Condition()
        async with self._changed:
            while True:
                self._workers = [w for w in self._workers if w.alive]
                roomy = [w for w in self._workers if len(w.pending) < self.DEPTH]
                if roomy:
                    return min(roomy, key=lambda w: len(w.pending))
                if len(self._workers) + self._spawning < self.size:
                    break
                await self._changed.wait()
            self._spawning += 1
        try:
            worker = _Worker(await _spawn())
        finally:
            self._spawning -= 1
        self.started += 1
        self._workers.append(worker)
        return worker

    async def close(self) -> None:
        """Let the workers finish and exit (they would die with this process anyway)."""
        await asyncio.gather(*self._starting, return_exceptions=True)
        workers, self._workers = self._workers, []
        await asyncio.gather(*(w.close() for w in workers))


async def _spawn() -> asyncio.subprocess.Process:
    """Start `python -m akhbar_tui.engine_worker PID`, finding this very package."""
    env = dict(os.environ)
    package_root = str(Path(akhbar_tui.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "akhbar_tui.engine_worker",
        str(os.getpid()),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
        env=env,
        limit=PIPE_BYTES,
    )
