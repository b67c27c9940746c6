"""HTTP fetching of feeds: the one place that configures httpx.

One `Fetcher` serves a refresh. Its limits come from `Settings`:

- concurrency: a per-host semaphore (`max_per_host`) is taken first, then a global one
  (`max_connections`), so a feed waiting for a busy host never holds a global slot;
- fetches in flight share small connection pools, at most `CLIENT_FETCHES` on each, so
  httpcore never queues and never scans a big pool: a single client with hundreds of queued
  requests is what slowed down sharply in the trial the issue mentions, and even with its queue
  empty one 32-connection pool scans every connection (polling each idle socket) for every
  request it assigns — most of the refresh process's HTTP CPU time (see
  `benchmarks/fetch_pool.py`);
- requests go straight to an `httpx.AsyncHTTPTransport` (the layer under the client), built
  here with the client's headers and timeouts: the client's request merging, auth, cookie and
  redirect machinery cost a third of the CPU of a conditional GET, and akhbar follows redirects
  itself. When the environment names a proxy, an `httpx.AsyncClient` with `trust_env` sends the
  same requests instead, so proxies (and `NO_PROXY`) are routed exactly as httpx routes them.
  The pools share one TLS context (certificates and host
  names checked), whose trusted CAs — `SSL_CERT_FILE`, `SSL_CERT_DIR` or certifi's bundle, as
  httpx would pick — are loaded before the first https request, so a refresh of plain-http
  feeds never parses the CA bundle; kept-alive connections are reused by the next fetch on the
  same client;
- a total deadline per fetch (`timeout_seconds`) around the whole exchange, redirects, the
  Retry-After wait and the streamed body included, besides httpx's connect and read timeouts,
  so a server that drips one byte a second cannot hold a feed forever;
- the body is decompressed here (gzip, deflate) chunk by chunk with the size cap applied to the
  decompressed bytes, so neither a huge body nor a gzip bomb fills the memory;
- redirects are followed by hand: at most five, only to http(s);
- conditional GET (If-None-Match / If-Modified-Since) and 429/503 Retry-After are honoured;
- proxies come from the environment (`trust_env`, see above).

`Fetcher.fetch` never raises for network or HTTP trouble: the `FetchOutcome` carries a short
human reason instead ("timed out after 30 s", "HTTP 404", "connection refused",
"response over 10 MB", "too many redirects").
"""

from __future__ import annotations

import asyncio
import os
import ssl
import time
from types import TracebackType
from urllib.parse import urljoin, urlsplit
from urllib.request import getproxies

import httpx

from akhbar_tui import __version__
from akhbar_tui.fetch_support import (
    FetchFailed,
    causes,
    decoded,
    retry_after,
    seconds,
    size,
    with_elapsed,
    with_validators,
)
from akhbar_tui.models import FetchOutcome
from akhbar_tui.settings import Settings

__all__ = ["FEED_ACCEPT", "MAX_BODY_BYTES", "MAX_REDIRECTS", "USER_AGENT", "Fetcher"]

MAX_BODY_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
MAX_RETRY_WAIT = 5.0
"""Longest Retry-After (seconds) akhbar waits for inside one fetch; longer ones fail the feed."""
USER_AGENT = f"akhbar/{__version__} (terminal news reader; python-httpx)"
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
)
CLIENT_FETCHES = 2
"""Fetches one connection pool carries at once (it holds one connection more, for a redirect)."""
_DRAIN_BYTES = 64 * 1024
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_RETRY_STATUSES = frozenset({429, 503})


class Fetcher:
    """Async HTTP fetching with the limits from Settings: `async with Fetcher(settings) as f`.

    One instance serves one event loop (a refresh): the semaphores and the connection pool belong
    to the loop that entered it.
    """

    def __init__(self, settings: Settings, *, max_bytes: int = MAX_BODY_BYTES) -> None:
        self._settings = settings
        self._max_bytes = max_bytes
        self._timeout = float(settings.timeout_seconds)
        self._global = asyncio.Semaphore(settings.max_connections)
        self._per_host: dict[str, asyncio.Semaphore] = {}
        self._clients: list[httpx.AsyncClient | httpx.AsyncHTTPTransport] = []
        self._in_flight: list[int] = []
        self._proxied = bool(getproxies())
        self._headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
        self._timeouts = httpx.Timeout(self._timeout, connect=min(10.0, self._timeout)).as_dict()
        self._tls = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # verifies; trust loaded lazily
        self._trusting = False
        self._entered = False

    async def __aenter__(self) -> Fetcher:
        self._entered = True
        return self

    def _borrow(self) -> int:
        """The index of a pool with room for one more fetch, made when all are full."""
        for index, count in enumerate(self._in_flight):
            if count < CLIENT_FETCHES:
                self._in_flight[index] = count + 1
                return index
        # One more connection than fetches: a redirect to another host must not wait.
        limits = httpx.Limits(
            max_connections=CLIENT_FETCHES + 1, max_keepalive_connections=CLIENT_FETCHES
        )
        client: httpx.AsyncClient | httpx.AsyncHTTPTransport
        if self._proxied:
            client = httpx.AsyncClient(
                limits=limits, follow_redirects=False, trust_env=True, verify=self._tls
            )
        else:
            client = httpx.AsyncHTTPTransport(verify=self._tls, limits=limits)
        self._clients.append(client)
        self._in_flight.append(1)
        return len(self._clients) - 1

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._entered = False
        clients, self._clients, self._in_flight = self._clients, [], []
        await asyncio.gather(*(client.aclose() for client in clients))

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = FEED_ACCEPT,
    ) -> FetchOutcome:
        """GET `url` conditionally and return the body or the reason it could not be had.

        The deadline starts once this fetch holds its concurrency slots, so feeds queued behind
        others are not charged for the wait. A 304 comes back with `not_modified` true and the
        validators it was sent with (or newer ones the server gave).
        """
        if not self._entered:
            raise RuntimeError("Fetcher used outside `async with`")
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            return FetchOutcome(url=url, error="invalid URL")
        headers = {**self._headers, "Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified

        host_slot = self._per_host.setdefault(host, asyncio.Semaphore(self._settings.max_per_host))
        async with host_slot, self._global:
            started = time.monotonic()
            slot = self._borrow()
            client = self._clients[slot]
            try:
                async with asyncio.timeout(self._timeout):
                    outcome = await self._exchange(client, url, headers, started + self._timeout)
            except TimeoutError:
                reason = f"timed out after {seconds(self._timeout)} s"
                outcome = FetchOutcome(url=url, error=reason)
            except FetchFailed as failed:
                outcome = FetchOutcome(url=url, status=failed.status, error=failed.reason)
            except (httpx.HTTPError, httpx.InvalidURL, OSError, ValueError) as exc:
                outcome = FetchOutcome(url=url, error=_reason(exc, url, self._timeout))
            finally:
                if self._clients:  # not closed under us
                    self._in_flight[slot] -= 1
        if outcome.status == 304:
            outcome = with_validators(outcome, etag, last_modified)
        return with_elapsed(outcome, time.monotonic() - started)

    async def _exchange(
        self,
        client: httpx.AsyncClient | httpx.AsyncHTTPTransport,
        url: str,
        headers: dict[str, str],
        deadline: float,
    ) -> FetchOutcome:
        """Follow redirects and at most one short Retry-After wait; read the final body."""
        retried = False
        while True:
            response = await self._follow(client, url, headers)
            try:
                status = response.status_code
                if status in _RETRY_STATUSES:
                    wait = retry_after(response.headers.get("retry-after"))
                    remaining = deadline - time.monotonic()
                    if (
                        wait is not None
                        and not retried
                        and wait <= MAX_RETRY_WAIT
                        and wait < remaining - 1.0
                    ):
                        retried = True
                        await response.aclose()
                        await asyncio.sleep(wait)
                        continue
                    after = f", retry after {seconds(wait)} s" if wait is not None else ""
                    raise FetchFailed(f"HTTP {status}{after}", status)
                if status == 304:
                    await _drain(response)
                    return _outcome(url, response, b"")
                if status >= 400:
                    raise FetchFailed(f"HTTP {status}", status)
                if not 200 <= status < 300:
                    raise FetchFailed(f"HTTP {status}: unexpected answer", status)
                body = await self._read_body(response)
                return _outcome(url, response, body)
            finally:
                await response.aclose()

    def _trust(self) -> None:
        """Load the trusted CAs into the shared TLS context (once, before the first https)."""
        if self._trusting:
            return
        if os.environ.get("SSL_CERT_FILE"):
            self._tls.load_verify_locations(cafile=os.environ["SSL_CERT_FILE"])
        elif os.environ.get("SSL_CERT_DIR"):
            self._tls.load_verify_locations(capath=os.environ["SSL_CERT_DIR"])
        else:
            import certifi

            self._tls.load_verify_locations(cafile=certifi.where())
        self._trusting = True

    async def _follow(
        self,
        client: httpx.AsyncClient | httpx.AsyncHTTPTransport,
        url: str,
        headers: dict[str, str],
    ) -> httpx.Response:
        """Send the GET, following up to MAX_REDIRECTS redirects that stay on http(s)."""
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            scheme = urlsplit(current).scheme.lower()
            if scheme not in ("http", "https"):
                raise FetchFailed("only http and https URLs can be fetched")
            if scheme == "https":
                self._trust()
            request = httpx.Request(
                "GET", current, headers=headers, extensions={"timeout": self._timeouts}
            )
            if isinstance(client, httpx.AsyncClient):
                response = await client.send(request, stream=True)
            else:
                response = await client.handle_async_request(request)
                response.request = request
            location = response.headers.get("location")
            if response.status_code not in _REDIRECT_STATUSES or not location:
                return response
            await _drain(response)
            await response.aclose()
            current = urljoin(str(response.url), location.strip())
            if urlsplit(current).scheme.lower() not in ("http", "https"):
                raise FetchFailed("redirected to a URL that is not http or https")
        raise FetchFailed("too many redirects")

    async def _read_body(self, response: httpx.Response) -> bytes:
        """Stream and decompress the body, failing as soon as it passes the size cap."""
        cap = self._max_bytes
        too_big = f"response over {size(cap)}"
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        declared = response.headers.get("content-length", "")
        if encoding in ("", "identity") and declared.isdigit() and int(declared) > cap:
            raise FetchFailed(too_big, response.status_code)
        body = bytearray()
        async for chunk in decoded(response.aiter_raw(), encoding, cap):
            body += chunk
            if len(body) > cap:
                raise FetchFailed(too_big, response.status_code)
        return bytes(body)


async def _drain(response: httpx.Response) -> None:
    """Read a body that is known to be short (a 304's none, a small declared length) so that
    closing the response hands its connection back for the next request instead of closing it:
    without this every conditional GET paid for a new TCP connection."""
    declared = response.headers.get("content-length", "")
    if response.status_code == 304 or (declared.isdigit() and int(declared) <= _DRAIN_BYTES):
        async for _chunk in response.aiter_raw():
            pass


def _outcome(url: str, response: httpx.Response, body: bytes) -> FetchOutcome:
    """A successful (2xx or 304) exchange as a FetchOutcome."""
    headers = {k.lower(): v for k, v in response.headers.items()}
    return FetchOutcome(
        url=url,
        status=response.status_code,
        body=body,
        headers=headers,
        final_url=str(response.url),
        etag=headers.get("etag"),
        last_modified=headers.get("last-modified"),
    )


def _reason(exc: Exception, url: str, timeout: float) -> str:
    """The short human reason for a transport-level failure."""
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out after {seconds(timeout)} s"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return "only http and https URLs can be fetched"
    if isinstance(exc, httpx.InvalidURL | ValueError):
        return "invalid URL"
    if isinstance(exc, httpx.ProxyError):
        return f"proxy error: {exc}"
    text = str(exc) or type(exc).__name__
    lowered = " ".join(str(e) for e in causes(exc)).lower()
    if isinstance(exc, httpx.ConnectError | OSError):
        if any(isinstance(e, ConnectionRefusedError) for e in causes(exc)):
            return "connection refused"
        if any(s in lowered for s in ("name or service", "nodename", "name resolution", "getaddr")):
            return f"host not found: {urlsplit(url).hostname}"
        if "ssl" in lowered or "certificate" in lowered:
            return f"TLS error: {text}"
        return f"could not connect: {text}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the server broke off the answer: {text}"
    return f"fetch failed: {text}"
