"""Hostile and random documents: parse_feed returns a feed or a FeedParseError, nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar_tui.errors import FeedParseError
from akhbar_tui.models import FeedSpec
from akhbar_tui.parse import MAX_TAGS, parse_feed

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
SEEDS = [p.read_bytes() for p in sorted(FEEDS.iterdir())]
SPEC = FeedSpec(url="https://fuzz.example/feed")
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]")


def check(body: bytes, headers: dict[str, str] | None = None) -> None:
    try:
        feed = parse_feed(body, headers or {}, spec=SPEC)
    except FeedParseError as error:
        assert str(error)
        return
    for article in feed.articles:
        assert article.guid
        for text in (article.title, article.author or "", article.summary_html):
            assert not UNSAFE.search(text)
        assert article.link is None or article.link.startswith(("http://", "https://"))


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes(body: bytes) -> None:
    check(body)


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(SEEDS),
    st.integers(min_value=0, max_value=4000),
    st.binary(min_size=1, max_size=40),
    st.sampled_from(
        ["", "text/xml", "text/html", "application/xml; charset=utf-16", "x; charset=bogus"]
    ),
)
def test_mutated_fixture_feeds(seed: bytes, at: int, junk: bytes, content_type: str) -> None:
    position = at % (len(seed) + 1)
    check(seed[:position] + junk + seed[position:], {"content-type": content_type})


def test_external_entities_are_not_read() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<rss version='2.0'><channel><title>t</title><item><guid>1</guid><title>&x;</title>"
        b"</item></channel></rss>"
    )
    (article,) = parse_feed(body, {}, spec=SPEC).articles
    assert "root:" not in article.title


def test_a_body_that_names_a_local_file_is_not_opened() -> None:
    # feedparser.parse(str|bytes) would open a path; akhbar always hands it a stream.
    with pytest.raises(FeedParseError, match="not a feed: got plain text"):
        parse_feed(b"/etc/passwd", {}, spec=SPEC)


def test_tag_bombs_are_refused_before_parsing() -> None:
    body = b"<rss version='2.0'><channel><item><description>" + b"<a>" * (MAX_TAGS + 1)
    with pytest.raises(FeedParseError, match=r"^feed too complex to parse: \d+ tags"):
        parse_feed(body, {}, spec=SPEC)
