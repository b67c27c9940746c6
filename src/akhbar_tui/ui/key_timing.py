"""The reader's own keypress → repaint clock, for `benchmarks/bench_ui.py`.

A key is timed from its arrival (the moment Textual's input thread parsed it: `Key.time`, on the
monotonic clock) to the end of the first screen update written *after the key was handled*. The
app receives a key twice: first unforwarded (it checks priority bindings and forwards the key to
the focused widget), then once more when the key has bubbled back up, where the ordinary bindings
run the key's action. Stamping at the first update after the arrival, as this clock did at first,
also counted updates that were already due (a notification, a page of rows arriving) before the
action had run; stamping only after the handling counts the action, and the frame that shows it.

A key a widget consumes (typed into an `Input`) never comes back and is not timed: keys travel
the same queues in order, so once a later key has been handled an earlier one still unhandled
was consumed on its way, and is forgotten. A key that changes nothing on screen waits for the
next unrelated update: the log shows it as a large gap between handled and written.

One line per key in the log: `key total_ms handled_ms` (arrival → update written, arrival →
handled).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TextIO

from textual import events


@dataclass
class _Waiting:
    event: events.Key
    handled: float | None = None


@dataclass
class KeyTimer:
    """Keys on their way from arrival to the screen update that shows them."""

    log: TextIO
    _waiting: list[_Waiting] = field(default_factory=list)

    @classmethod
    def to_file(cls, path: str) -> KeyTimer:
        """A timer appending to `path` (kept open for the app's life: one line per key)."""
        return cls(open(path, "a", encoding="utf-8"))

    def arrived(self, event: events.Key) -> None:
        """The app got `event` from the terminal (before any binding ran)."""
        self._waiting.append(_Waiting(event))

    def handled(self, event: events.Key) -> None:
        """The app has run `event`'s bindings (and the action they named); keys that arrived
        before it and were never handled were consumed by a widget: forget them."""
        now = time.monotonic()
        for index, waiting in enumerate(self._waiting):
            if waiting.event is event:
                waiting.handled = now
                earlier = self._waiting[:index]
                self._waiting[:index] = [w for w in earlier if w.handled is not None]
                return

    async def around(self, event: events.Key, dispatch: Callable[[], Awaitable[None]]) -> None:
        """Let the app `dispatch` `event`, noting its arrival and the end of its handling.

        Unforwarded, the key has just arrived: if the app keeps it (a priority binding ran) it
        is handled now, else it went to the focused widget and comes back forwarded, where the
        app's ordinary bindings handle it."""
        arriving = not event.is_forwarded
        if arriving:
            self.arrived(event)
        await dispatch()
        if not arriving or not event.is_forwarded:
            self.handled(event)

    def written(self) -> None:
        """A screen update was just written: log every key handled before it."""
        if not self._waiting:
            return
        now = time.monotonic()  # Textual's event clock on POSIX
        still: list[_Waiting] = []
        for waiting in self._waiting:
            handled = waiting.handled
            if handled is None:
                still.append(waiting)
                continue
            arrived = waiting.event.time
            total, handling = (now - arrived) * 1000, (handled - arrived) * 1000
            self.log.write(f"{waiting.event.key} {total:.3f} {handling:.3f}\n")
        if len(still) != len(self._waiting):
            self.log.flush()
        self._waiting = still
