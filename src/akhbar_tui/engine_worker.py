"""A parse worker process: feed bytes in on stdin, `ParsedFeed`s out on stdout.

`engine_pool` starts one or two of these per refresh (`python -m akhbar_tui.engine_worker PID`)
so parsing, the CPU-heavy step, runs on every core while the refresh process fetches and stores.
Frames on both pipes are an 8-byte little-endian length and a pickle; each request is
`(job, body, headers, spec, base_url)`, each answer `(job, packed ParsedFeed | None,
fingerprints, error)`. The feed travels as plain tuples (`pack_parsed`): pickling ten thousand
frozen dataclasses calls Python code for every one on both sides, a tuple of strings does not.
Pickle is safe here: both ends are this package, over a private pipe, which is widened to 1 MiB
where Linux allows it so a 200 KB feed crosses in one or two writes.

A worker never outlives its refresh: on Linux the kernel kills it when its parent dies
(PR_SET_PDEATHSIG), elsewhere a watchdog thread notices the parent is gone; and it exits at the
end of its input.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import sys
import threading
import time
from typing import TYPE_CHECKING, Any, BinaryIO

FRAME = struct.Struct("<Q")
_PR_SET_PDEATHSIG = 1
_SIGKILL = 9
_F_SETPIPE_SZ = 1031
PIPE_BYTES = 1 << 20

if TYPE_CHECKING:
    from akhbar_tui.models import ParsedFeed

PackedFeed = tuple[str | None, str | None, str | None, str | None, list[tuple[Any, ...]]]


def pack_parsed(parsed: ParsedFeed) -> PackedFeed:
    """A `ParsedFeed` as tuples of its fields, cheap to pickle."""
    return (
        parsed.title,
        parsed.site_url,
        parsed.lang,
        parsed.warning,
        [
            (a.feed_url, a.guid, a.title, a.link, a.author, a.published, a.summary_html,
             a.content_html, a.lang, a.direction)
            for a in parsed.articles
        ],
    )  # fmt: skip


def unpack_parsed(packed: PackedFeed) -> ParsedFeed:
    """The `ParsedFeed` that `pack_parsed` packed."""
    from akhbar_tui.models import Article, ParsedFeed

    title, site_url, lang, warning, articles = packed
    return ParsedFeed(
        title=title,
        site_url=site_url,
        lang=lang,
        articles=tuple(Article(*fields) for fields in articles),
        warning=warning,
    )


def widen_pipe(fd: int) -> None:
    """Grow a pipe's kernel buffer to PIPE_BYTES (Linux; elsewhere, or when refused, no-op)."""
    if not sys.platform.startswith("linux"):
        return
    import fcntl

    with contextlib.suppress(OSError):
        fcntl.fcntl(fd, _F_SETPIPE_SZ, PIPE_BYTES)


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
    packed = pack_parsed(parsed)
    return pickle.dumps((job, packed, prints, None), protocol=pickle.HIGHEST_PROTOCOL)


def main(argv: list[str]) -> int:
    """Serve parse requests until stdin closes."""
    die_with_parent(int(argv[1]) if len(argv) > 1 else os.getppid())
    import warnings

    warnings.simplefilter("ignore")
    # Answers travel on a private copy of stdout; anything a library prints goes to stderr.
    widen_pipe(0)
    widen_pipe(1)
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
