"""https against a real TLS server on 127.0.0.1 with a throwaway certificate: the fetcher checks
certificates (an untrusted one fails the feed with a TLS reason) and trusts what the environment
names (`SSL_CERT_FILE`), loaded only once an https URL comes up."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from feedserver import FeedServer, feed, redirect, self_signed

from akhbar_tui.fetch import Fetcher
from akhbar_tui.settings import Settings

XML = b'<?xml version="1.0"?><rss version="2.0"><channel><title>tls</title></channel></rss>'

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl")


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[FeedServer]:
    with FeedServer({"/feed": feed(XML)}, tls=self_signed(tmp_path)) as running:
        yield running


async def test_untrusted_certificate_fails_the_feed(
    tls_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    async with Fetcher(Settings(timeout_seconds=5)) as fetcher:
        outcome = await fetcher.fetch(tls_server.url("/feed"))
    assert outcome.body == b""
    assert outcome.error is not None and outcome.error.startswith("TLS error")
    assert "certificate" in outcome.error.lower(), outcome.error


async def test_certificate_named_by_the_environment_is_trusted_after_a_redirect(
    tls_server: FeedServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "cert.pem"))  # self_signed wrote it
    with FeedServer({"/old": redirect(tls_server.url("/feed"))}) as plain:
        async with Fetcher(Settings(timeout_seconds=5)) as fetcher:
            first = await fetcher.fetch(plain.url("/old"))  # http first: trust loads at the hop
            again = await fetcher.fetch(tls_server.url("/feed"))
    assert (first.status, first.error, first.body) == (200, None, XML)
    assert first.final_url == tls_server.url("/feed")
    assert (again.status, again.body) == (200, XML)
