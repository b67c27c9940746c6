"""OPML import (nested categories, encodings, duplicates, hostile files) and export round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from akhbar_tui.errors import OpmlError
from akhbar_tui.models import FeedSpec
from akhbar_tui.opml import export_opml, parse_opml

FIXTURES = Path(__file__).parent / "fixtures" / "opml"


def test_realistic_windows_1256_file() -> None:
    result = parse_opml((FIXTURES / "subscriptions-cp1256.opml").read_bytes())
    by_url = {f.url: f for f in result.feeds}
    assert list(by_url) == [
        "https://www.aljazeera.net/rss",
        "https://feeds.bbci.co.uk/arabic/rss.xml",
        "https://notitle.example/feed.xml",
        "https://lwn.net/headlines/rss",
        "http://top.example/rss",
    ]
    assert by_url["https://www.aljazeera.net/rss"].title == "الجزيرة"
    assert by_url["https://www.aljazeera.net/rss"].category == "أخبار / عربي"
    assert by_url["https://notitle.example/feed.xml"].title is None
    assert by_url["https://notitle.example/feed.xml"].category == "أخبار"
    assert by_url["https://lwn.net/headlines/rss"].category == "Tech"
    assert by_url["http://top.example/rss"].category is None
    assert result.duplicates == 1
    assert result.invalid == 1


@pytest.mark.parametrize("name", ["billion-laughs.opml", "external-entity.opml"])
def test_dtd_and_entities_are_refused(name: str) -> None:
    with pytest.raises(OpmlError, match="refused: the file contains a DOCTYPE"):
        parse_opml((FIXTURES / name).read_bytes(), source=name)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"<opml><body><outline></body></opml>", "not well-formed XML"),
        (b"", "not well-formed XML"),
        (b"<rss><channel/></rss>", "not an OPML file"),
        (b"\xff\xfe\x00garbage", "OPML"),
    ],
)
def test_broken_files(data: bytes, words: str) -> None:
    with pytest.raises(OpmlError, match=words):
        parse_opml(data)


def test_export_import_round_trip() -> None:
    feeds = (
        FeedSpec(
            url="https://a.example/rss?x=1&y=2",
            title='عنوان "مقتبس" & <رمز>',
            category="أخبار",
            lang="ar",
        ),
        FeedSpec(url="https://b.example/atom", title=None, category="Tech / Linux"),
        FeedSpec(url="https://c.example/", title="C", category=None),
        FeedSpec(url="https://d.example/", title="D", category="أخبار"),
    )
    text = export_opml(feeds)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    again = parse_opml(text.encode("utf-8")).feeds
    assert sorted(again, key=lambda f: f.url) == sorted(feeds, key=lambda f: f.url)
