"""A real HTTP server on 127.0.0.1 for tests: feeds, failures and conditional GET, in a thread.

Usage::

    from feedserver import FeedServer, Reply, hang, redirect

    with FeedServer({"/feed.xml": Reply(body=xml, etag='"v1"')}) as server:
        url = server.url("/feed.xml")
        ...                                  # fetch it
        assert server.hits("/feed.xml") == 1
        assert server.requests[-1].headers["user-agent"].startswith("akhbar/")

(`tests/core` has no `__init__.py`, so pytest puts it on `sys.path` and `import feedserver`
works from tests in that folder; from `tests/ui` or `tests/e2e` use `from core.feedserver import
…`, since `tests/` itself is on `sys.path` because of `tests/conftest.py`.)

Routes map a path (query string ignored) to a `Reply` or to a callable `handler(request) ->
Reply`, where `request` is a `Recorded` (path, query, headers with lower-case names, the
number of this hit on the path). `server.routes` may be changed while the server runs. An unknown
path gets a 404.

What a `Reply` can do:

- `status`, `headers`, `body` — sent as given (`Content-Length` added unless `chunked=True` or
  `omit_length=True`);
- `etag` / `last_modified` — sent as validators; a request whose If-None-Match or
  If-Modified-Since matches gets `304 Not Modified` with no body;
- `gzip=True` — the body is gzip-compressed when the request accepts gzip;
- `delay` — seconds to wait before answering (latency); the server-wide `latency=` adds to it;
- `hang=True` — accept the request and never answer (until the server stops);
- `drip=(chunk_size, interval)` — send the headers, then the body a few bytes at a time;
- `size=N` — a generated body of N bytes (streamed, never held in memory), for oversize tests.

Helpers build the common replies: `feed(body, content_type)`, `redirect(location, status)`,
`status(code)`, `hang()`, `drip(body, chunk, interval)`, `oversize(n, declare_length)`,
`sequence(*replies)` (one reply per hit, the last one repeated: e.g. a 429 then a 200).
Call `server.stop()` (or leave the `with` block) to end it; hanging handlers are released.
"""

from __future__ import annotations

import contextlib
import gzip as gzip_module
import ssl
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "FeedServer",
    "Recorded",
    "Reply",
    "drip",
    "feed",
    "hang",
    "oversize",
    "redirect",
    "sequence",
    "status",
]


@dataclass(frozen=True)
class Reply:
    """What the server answers on one path (see the module docstring)."""

    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False
    delay: float = 0.0
    hang: bool = False
    drip: tuple[int, float] | None = None
    size: int | None = None
    omit_length: bool = False


@dataclass(frozen=True)
class Recorded:
    """One request the server received."""

    method: str
    path: str
    query: str
    headers: dict[str, str]
    hit: int
    peer: int = 0
    """The client's port: requests on one kept-alive connection share it."""


Route = Reply | Callable[[Recorded], Reply]


def feed(
    body: bytes | str,
    content_type: str = "application/rss+xml",
    *,
    headers: Mapping[str, str] | None = None,
    **options: Any,
) -> Reply:
    """A 200 with a feed body (`str` sent as UTF-8); `options` are other `Reply` fields."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    return Reply(body=data, headers={"Content-Type": content_type, **(headers or {})}, **options)


def redirect(location: str, code: int = 302) -> Reply:
    """A redirect to `location` (relative or absolute)."""
    return Reply(status=code, headers={"Location": location})


def status(code: int, body: bytes = b"", headers: Mapping[str, str] | None = None) -> Reply:
    """A bare status answer, e.g. `status(404)` or `status(429, headers={"Retry-After": "1"})`."""
    return Reply(status=code, body=body, headers=dict(headers or {}))


def hang() -> Reply:
    """A request that is accepted and never answered."""
    return Reply(hang=True)


def drip(body: bytes, chunk: int = 1, interval: float = 0.2) -> Reply:
    """Headers at once, then `chunk` bytes every `interval` seconds (a slowloris answer)."""
    return Reply(body=body, drip=(chunk, interval), headers={"Content-Type": "application/xml"})


def oversize(n: int, *, declare_length: bool = True) -> Reply:
    """A body of `n` bytes, streamed; without a Content-Length when `declare_length` is False."""
    return Reply(size=n, omit_length=not declare_length, headers={"Content-Type": "text/xml"})


def self_signed(folder: Path) -> ssl.SSLContext:
    """A server TLS context with a throwaway self-signed certificate for 127.0.0.1, made by
    openssl as `folder/cert.pem` (a client that should trust it can be pointed there)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True, timeout=30,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def sequence(*replies: Reply) -> Callable[[Recorded], Reply]:
    """A handler answering the first hit with the first reply, and so on; the last repeats."""
    return lambda request: replies[min(request.hit, len(replies)) - 1]


class FeedServer:
    """A threaded HTTP server on 127.0.0.1 (port chosen by the OS) serving `routes`."""

    def __init__(
        self,
        routes: Mapping[str, Route] | None = None,
        *,
        latency: float = 0.0,
        tls: ssl.SSLContext | None = None,
    ):
        self.routes: dict[str, Route] = dict(routes or {})
        self.latency = latency
        self.tls = tls
        self.requests: list[Recorded] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> FeedServer:
        """Bind to a free port on 127.0.0.1 and serve in a daemon thread."""
        server = self

        class Handler(_Handler):
            owner = server

        self._httpd = _QuietServer(("127.0.0.1", 0), Handler)
        if self.tls is not None:
            self._httpd.socket = self.tls.wrap_socket(self._httpd.socket, server_side=True)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Release hanging handlers, stop serving and close the socket."""
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The port the OS gave the server."""
        assert self._httpd is not None, "server not started"
        return self._httpd.server_address[1]

    def url(self, path: str = "/") -> str:
        """The absolute URL of `path` on this server."""
        scheme = "https" if self.tls is not None else "http"
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> int:
        """How many requests reached `path` so far."""
        with self._lock:
            return sum(1 for r in self.requests if r.path == path)

    def _record(self, method: str, target: str, headers: dict[str, str], peer: int = 0) -> Recorded:
        parts = urlsplit(target)
        with self._lock:
            hit = 1 + sum(1 for r in self.requests if r.path == parts.path)
            recorded = Recorded(method, parts.path, parts.query, headers, hit, peer)
            self.requests.append(recorded)
        return recorded


class _QuietServer(ThreadingHTTPServer):
    """Clients that hang up early (timeouts, size caps) are expected, not errors to print."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class _Handler(BaseHTTPRequestHandler):
    owner: FeedServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, *, send_body: bool) -> None:
        owner = self.owner
        headers = {k.lower(): v for k, v in self.headers.items()}
        request = owner._record(self.command, self.path, headers, self.client_address[1])
        route = owner.routes.get(request.path)
        reply = route(request) if callable(route) else route
        if reply is None:
            reply = Reply(status=404, body=b"not found", headers={"Content-Type": "text/plain"})
        wait = owner.latency + reply.delay
        if reply.hang:
            owner._stopping.wait(3600)
            return
        if wait and owner._stopping.wait(wait):
            return
        # The client may give up mid-answer (size cap, timeout): that is what those tests provoke.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._send(reply, headers, send_body=send_body)

    def _send(self, reply: Reply, request: dict[str, str], *, send_body: bool) -> None:
        body = reply.body
        extra = dict(reply.headers)
        if reply.etag:
            extra["ETag"] = reply.etag
        if reply.last_modified:
            extra["Last-Modified"] = reply.last_modified
        if reply.status == 200 and _not_modified(reply, request):
            self.send_response(304)
            for name in ("ETag", "Last-Modified"):
                if name in extra:
                    self.send_header(name, extra[name])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if reply.gzip and "gzip" in request.get("accept-encoding", ""):
            body = gzip_module.compress(body)
            extra["Content-Encoding"] = "gzip"
        length = reply.size if reply.size is not None else len(body)
        self.send_response(reply.status)
        for name, value in extra.items():
            self.send_header(name, value)
        if reply.omit_length:
            self.send_header("Connection", "close")
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(length))
        self.end_headers()
        if not send_body:
            return
        if reply.size is not None:
            block = b"<item>" + b"x" * 65530
            for start in range(0, reply.size, len(block)):
                self.wfile.write(block[: reply.size - start])
        elif reply.drip is not None:
            chunk, interval = reply.drip
            for start in range(0, len(body), chunk):
                self.wfile.write(body[start : start + chunk])
                self.wfile.flush()
                if self.owner._stopping.wait(interval):
                    return
        else:
            self.wfile.write(body)


def _not_modified(reply: Reply, request: dict[str, str]) -> bool:
    """True when the request's validators match the reply's (If-None-Match wins)."""
    if reply.etag and "if-none-match" in request:
        tags = [t.strip() for t in request["if-none-match"].split(",")]
        return reply.etag in tags or "*" in tags
    if reply.last_modified and "if-modified-since" in request:
        return request["if-modified-since"] == reply.last_modified
    return False
