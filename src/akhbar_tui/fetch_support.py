"""What `fetch` needs besides httpx: body decompression with a cap, Retry-After, outcome copies,
and the small formatting of its human reasons."""

from __future__ import annotations

import dataclasses
import time
import zlib
from collections.abc import AsyncIterator
from email.utils import parsedate_to_datetime

from akhbar_tui.models import FetchOutcome


class FetchFailed(Exception):
    """A fetch ended with a human reason (and maybe an HTTP status)."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


async def decoded(raw: AsyncIterator[bytes], encoding: str, cap: int) -> AsyncIterator[bytes]:
    """Decompress a raw byte stream, never producing more than `cap + 1` bytes in all."""
    if encoding in ("", "identity"):
        async for chunk in raw:
            yield chunk
        return
    if encoding in ("gzip", "x-gzip"):
        decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decoder = None  # zlib-wrapped or raw: decided by the first chunk
    else:
        raise FetchFailed(f"unsupported content encoding {encoding!r}")
    produced = 0
    try:
        async for chunk in raw:
            if decoder is None:
                raw_deflate = not chunk or (chunk[0] & 0x0F) != 8
                decoder = zlib.decompressobj(-zlib.MAX_WBITS if raw_deflate else zlib.MAX_WBITS)
            out = decoder.decompress(chunk, cap + 1 - produced)
            produced += len(out)
            yield out
            if produced > cap:
                return
        if decoder is not None:
            yield decoder.flush()
    except zlib.error as exc:
        raise FetchFailed(f"could not decompress the response (bad {encoding} data)") from exc


def with_validators(outcome: FetchOutcome, etag: str | None, modified: str | None) -> FetchOutcome:
    """A 304 keeps the validators it was asked with unless the server sent new ones."""
    return FetchOutcome(
        url=outcome.url,
        status=outcome.status,
        body=b"",
        headers=outcome.headers,
        final_url=outcome.final_url,
        etag=outcome.etag or etag,
        last_modified=outcome.last_modified or modified,
        error=outcome.error,
    )


def with_elapsed(outcome: FetchOutcome, elapsed: float) -> FetchOutcome:
    """The same outcome with its wall time filled in."""
    return dataclasses.replace(outcome, elapsed=elapsed)


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def causes(exc: BaseException) -> list[BaseException]:
    """`exc` and the exceptions it was raised from (httpx wraps the OS error twice)."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def seconds(value: float) -> str:
    """Seconds without a useless `.0`."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def size(n: int) -> str:
    """A byte count the way the error messages say it ("10 MB")."""
    mb = n / (1024 * 1024)
    return f"{mb:g} MB" if n >= 1024 * 1024 else f"{n} bytes"
