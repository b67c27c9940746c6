"""Waiting in Pilot tests for a condition or for the reader to be idle, never for a fixed time.

The suite runs on 2 shared cores, often next to other work: a worker thread or a child process
can take seconds where it takes milliseconds on an idle machine. So every wait polls until what
the test needs holds, with a generous wall-clock bound that only a real hang reaches, and then
fails naming what never happened.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

DEADLINE = 60.0
"""Seconds a wait may last before the test fails (a hang, not a slow machine)."""
POLL = 0.02


async def until(pilot, condition: Callable[[], object], what: str) -> None:  # type: ignore[no-untyped-def]
    """Pause until `condition()` is true; fail naming `what` after `DEADLINE` seconds."""
    deadline = time.monotonic() + DEADLINE
    while True:
        await pilot.pause(POLL)
        if condition():
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened within {DEADLINE:.0f} s: {what}")


async def settled(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the reader is idle: no worker running or pending, every message handled.

    A worker's results reach the screen through `call_from_thread`, which returns only once the
    UI has run the callback, and a callback may start another worker (opening an article
    reloads the feed counts): so loop until a pass finds no worker at all.
    """
    app = pilot.app
    deadline = time.monotonic() + DEADLINE
    while True:
        await pilot.pause()
        workers = list(app.workers)
        if not workers:
            await pilot.wait_for_scheduled_animations()
            return
        left = deadline - time.monotonic()
        if left <= 0:
            names = ", ".join(sorted({w.name or w.group for w in workers}))
            raise AssertionError(f"workers still busy after {DEADLINE:.0f} s: {names}")
        try:
            await asyncio.wait_for(app.workers.wait_for_complete(workers), timeout=left)
        except TimeoutError:
            continue
