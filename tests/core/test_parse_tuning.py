"""parse's feedparser speed-ups change nothing: the same documents, parsed by a fresh interpreter
with stock feedparser and here (where importing `akhbar_tui.parse` applied them), give equal
results — entries, feed fields, versions, bozo flags and exception messages."""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import feedparser
import feedparser.api
import feedparser.mixin

import akhbar_tui.parse  # noqa: F401  (applies the speed-ups)
from akhbar_tui import sax_buffered

FEEDS = Path(__file__).parent / "fixtures" / "feeds"

# Text long enough for expat to split it (over the 64 KiB buffer), every windows-1252 code point
# feedparser maps (U+0080–U+009F, raw and as references), entities, CDATA and astral characters.
C1 = "".join(chr(code) for code in range(0x80, 0xA0))
LINES = "&lt;p&gt;سطر &amp;amp; line&lt;/p&gt;\n" * 4000
WORDS = "نص طويل " * 12000
TRICKY = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>C1 {C1} &amp; &#x93;quoted&#x94; &#150; dash</title><link>https://t.example/</link>
<item><title>عنوان &lt;b&gt;عريض&lt;/b&gt; {C1} 😀</title><guid isPermaLink="false">g1</guid>
<description>{LINES}</description>
<content:encoded><![CDATA[<p>{WORDS}</p>]]></content:encoded>
<category>a</category><category>b</category><pubDate>Tue, 01 Apr 2025 10:00:00 +0300</pubDate>
<enclosure url="https://t.example/a.mp3" type="audio/mpeg" length="1"/></item>
<item><title type="html">x</title><link>/rel?a=1&amp;b=2</link><author>a@b.c (A B)</author></item>
</channel></rss>""".encode()


# Run in fresh interpreters: once with stock feedparser, once after importing akhbar_tui.parse.
SCRIPT = """
import io, pickle, sys
if sys.argv[2] == "tuned":
    import akhbar_tui.parse
import feedparser

def plain(value):
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, BaseException):
        return (type(value).__name__, str(value))
    return value

documents = pickle.loads(open(sys.argv[1], "rb").read())
results = [plain(feedparser.parse(io.BytesIO(d), sanitize_html=False)) for d in documents]
assert ("akhbar_tui.parse" in sys.modules) == (sys.argv[2] == "tuned")
sys.stdout.buffer.write(pickle.dumps(results))
"""


def _parsed(source: Path, mode: str) -> list[Any]:
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(source), mode],
        capture_output=True,
        check=True,
        timeout=120,
    )
    results: list[Any] = pickle.loads(run.stdout)
    return results


def test_speed_ups_are_applied() -> None:
    assert feedparser.api.PREFERRED_XML_PARSERS[0] == sax_buffered.__name__
    assert isinstance(feedparser.mixin._cp1252, list)
    entry = feedparser.util.FeedParserDict
    assert entry.get.__name__ == "_plain_get"
    # Aliased and computed keys still go through feedparser's own lookup.
    item = entry(tags=[{"term": "a"}], summary="s", links=[])
    assert (item.get("category"), item.get("description"), item.get("guid", 7)) == ("a", "s", 7)
    assert (item.get("summary"), item.get("nothing"), item.get("nothing", 0)) == ("s", None, 0)
    assert item.get("enclosures") == []
    # Deep copies stay deep, keep the type and keep instance state.
    item.marker = ["state"]
    twin = copy.deepcopy(item)
    assert type(twin) is entry and twin == item and twin is not item
    assert twin["tags"] is not item["tags"] and twin["tags"][0] is not item["tags"][0]
    assert twin.__dict__ == {"marker": ["state"]} and twin.marker is not item.marker
    # The empty join short-cut answers as feedparser's own join does.
    join = feedparser.mixin._urljoin
    assert (join("", ""), join("", "a/b"), join("http://x.example/d/", "e")) == (
        "",
        "a/b",
        "http://x.example/d/e",
    )


def test_results_equal_stock_feedparser(tmp_path: Path) -> None:
    documents = [path.read_bytes() for path in sorted(FEEDS.iterdir())] + [TRICKY]
    source = tmp_path / "documents.pickle"
    source.write_bytes(pickle.dumps(documents))
    stock, tuned = _parsed(source, "stock"), _parsed(source, "tuned")
    assert len(tuned) == len(stock) == len(documents)
    for document, mine, theirs in zip(documents, tuned, stock, strict=True):
        assert mine == theirs, document[:80]
    tricky = tuned[-1]
    assert len(tricky["entries"][0]["summary"]) > 1 << 16  # over expat's buffer: split and joined
    assert "\u201c" in tricky["feed"]["title"]  # windows-1252 quotes mapped, as stock does
    assert [tag["term"] for tag in tricky["entries"][0]["tags"]] == ["a", "b"]
