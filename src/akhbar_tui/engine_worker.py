"""A parse worker process: feed bytes in on stdin, `ParsedFeed`s out on stdout.

`engine_pool` starts one or two of these per refresh (`python -m akhbar_tui.engine_worker PID`)
so parsing, the CPU-heavy step, runs on every core while the refresh process fetches and stores.
Frames on both pipes are an 8-byte little-endian length and a pickle; each request is
`(job, body, headers, spec, base_url)`, each answer `(job, ParsedFeed | None, fingerprints,
error)`. Pickle is safe here: both ends are this package, over a private pipe.

A worker never outlives its refresh: on Linux the kernel kills it when its parent dies
(PR_SET_PDEATHSIG), elsewhere a watchdog thread notices the parent is gone; and it exits at the
end of its input.
"""

from __future__ import annotations

import os
import pickle
import struct
import sys
import threading
import time
from typing import BinaryIO

FRAME = struct.Struct("<Q")
_PR_SET_PDEATHSIG = 1
_SIGKILL = 9


def read_frame(stream: BinaryIO) -> bytes | None:
    """One length-prefixed frame, None at end of input."""
    header = stream.read(FRAME.size)
    if len(header) < FRAME.size:
        return None
    (size,) = FRAME.unpack(header)
    payload = stream.read(size)
    return payload if len(payload) == size else None


def frame(payload: bytes) -> bytes:
    """Length-prefix a payload."""
    return FRAME.pack(len(payload)) + payload


def die_with_parent(parent: int) -> None:
    """Make sure this process ends when `parent` does, even mid-parse."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, _SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(0)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def answer(
    job: int, body: bytes, headers: dict[str, str], spec: object, base_url: str | None
) -> bytes:
    """Parse one document; every failure becomes a human reason, never a dead worker."""
    from akhbar_tui.errors import FeedParseError
    from akhbar_tui.parse import parse_feed
    from akhbar_tui.store_write import fingerprint

    try:
        parsed = parse_feed(body, headers, spec=spec, base_url=base_url)  # type: ignore[arg-type]
    except FeedParseError as error:
        return pickle.dumps((job, None, None, str(error)), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # a parser bug on hostile input must not take the worker down
        reason = f"the feed could not be parsed ({type(error).__name__})"
        return pickle.dumps((job, None, None, reason), protocol=pickle.HIGHEST_PROTOCOL)
    prints = [fingerprint(article) for article in parsed.articles]
    return pickle.dumps((job, parsed, prints, None), protocol=pickle.HIGHEST_PROTOCOL)


def main(argv: list[str]) -> int:
    """Serve parse requests until stdin closes."""
    die_with_parent(int(argv[1]) if len(argv) > 1 else os.getppid())
    import warnings

    warnings.simplefilter("ignore")
    # Answers travel on a private copy of stdout; anything a library prints goes to stderr.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    source = sys.stdin.buffer
    import akhbar_tui.parse  # noqa: F401  (import before the first job, not during it)

    while (payload := read_frame(source)) is not None:
        job, body, headers, spec, base_url = pickle.loads(payload)
        out.write(frame(answer(job, body, headers, spec, base_url)))
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
