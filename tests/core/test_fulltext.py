"""Full-text extraction of article pages served on 127.0.0.1, in the shapes real news sites use.

Each fixture page in `fixtures/fulltext/` is written like a real site of its kind (WordPress in
English and Arabic with the Jannah/Twenty-* markup, a large Arabic and a large English news portal,
an AMP page, pages whose article is split across `<div>`s), with menus, share buttons, ads,
related-article boxes, comments, newsletter boxes and cookie banners around the article. The pages
are fetched through the refresh engine's `Fetcher` and extracted: every block of the article must
come back whole, and no boilerplate string may appear.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from feedserver import FeedServer, Reply, redirect
from lxml import html as lxml_html

from akhbar_tui.fetch import Fetcher
from akhbar_tui.fulltext import FullText, extract, fetch_full_text
from akhbar_tui.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "fulltext"
PAGES = ("wordpress_en", "wordpress_ar", "portal_ar", "portal_en", "amp_ar", "split_en", "split_ar")
RTL_PAGES = {"wordpress_ar", "portal_ar", "amp_ar", "split_ar"}

# For each page, "keep": every block of its article (whitespace collapsed), all of which must
# come back whole; "drop": strings from around the article (navigation, share buttons, ads,
# related boxes, comments, newsletter and cookie banners, footers), none of which may appear.
EXPECTED: dict[str, dict[str, list[str]]] = json.loads(
    (FIXTURES / "expected.json").read_text(encoding="utf-8")
)
KEEP = {name: tuple(page["keep"]) for name, page in EXPECTED.items()}
DROP = {name: tuple(page["drop"]) for name, page in EXPECTED.items()}


def page_bytes(name: str) -> bytes:
    return (FIXTURES / f"{name}.html").read_bytes()


def plain(fragment: str) -> str:
    """The fragment's text with whitespace collapsed, the way a reader sees it."""
    return " ".join(lxml_html.fragment_fromstring(fragment).text_content().split())


@pytest.fixture(scope="module")
def site() -> Iterator[FeedServer]:
    routes: dict[str, Reply] = {
        f"/{name}": Reply(
            body=page_bytes(name), headers={"Content-Type": "text/html; charset=utf-8"}
        )
        for name in PAGES
    }
    with FeedServer(routes) as server:
        yield server


async def fetch(url: str, **settings: int) -> FullText:
    async with Fetcher(Settings(**settings)) as fetcher:
        return await fetch_full_text(fetcher, url)


@pytest.mark.parametrize("name", PAGES)
async def test_article_kept_whole_and_boilerplate_dropped(site: FeedServer, name: str) -> None:
    result = await fetch(site.url(f"/{name}"))
    text = plain(result.html)
    missing = [block for block in KEEP[name] if block not in text]
    assert not missing, f"{name}: article blocks lost: {missing}"
    leaked = [s for s in DROP[name] if s in text]
    assert not leaked, f"{name}: boilerplate kept: {leaked}"
    # Nothing but the article: its blocks account for (almost) all of the extracted text.
    article_chars = sum(len(block) for block in KEEP[name])
    assert len(text) <= article_chars * 1.05 + 40, f"{name}: extra text: {text}"


@pytest.mark.parametrize("name", PAGES)
async def test_direction_and_language_kept(site: FeedServer, name: str) -> None:
    result = await fetch(site.url(f"/{name}"))
    root = lxml_html.fragment_fromstring(result.html)
    assert root.tag == "div"
    if name in RTL_PAGES:
        assert result.direction == "rtl" and root.get("dir") == "rtl"
        assert result.lang == "ar" and root.get("lang") == "ar"
    else:
        assert result.direction is None and root.get("dir") is None
        assert result.lang is not None and result.lang.startswith("en")


async def test_structure_survives(site: FeedServer) -> None:
    """Headings, lists, quotes, links and captioned images stay what they were."""
    result = await fetch(site.url("/wordpress_en"))
    root = lxml_html.fragment_fromstring(result.html)
    assert [h.text_content() for h in root.iter("h2")] == ["How the plan is paid for"]
    assert len(root.xpath(".//ul/li")) == 3
    assert "largest investment" in root.xpath("string(.//blockquote)")
    links = {a.text_content(): a.get("href") for a in root.iter("a")}
    assert links == {"city budget office": "https://example.org/budget.pdf"}
    (figure,) = root.iter("figure")
    image = figure.find("img")
    assert image.get("src") == site.url("/wp-content/uploads/2024/03/rail-map.jpg")
    assert image.get("alt") == "Map of the three proposed light-rail lines"
    assert figure.findtext("figcaption").startswith("The three proposed lines")
    # Only the attributes the article renderer reads are kept (no classes, ids, styles).
    attributes = {name for element in root.iter() for name in element.attrib}
    assert attributes <= {"href", "src", "alt", "dir", "lang"}


async def test_arabic_structure_and_relative_links(site: FeedServer) -> None:
    result = await fetch(site.url("/wordpress_ar"))
    root = lxml_html.fragment_fromstring(result.html)
    assert [h.text_content() for h in root.iter("h3")] == ["جوائز الدورة"]
    assert tuple(li.text_content() for li in root.xpath(".//ol/li")) == KEEP["wordpress_ar"][5:8]
    (link,) = root.iter("a")
    assert link.get("href") == site.url("/tag/mariam-yousef/")
    (figure,) = root.iter("figure")
    assert (
        figure.findtext("figcaption")
        == "زوار يتجولون بين أجنحة دور النشر في اليوم الأخير من المهرجان"
    )
    assert result.title == "مهرجان الكتاب يستقبل 300 ألف زائر في دورته العشرين"


async def test_headline_not_repeated_in_body(site: FeedServer) -> None:
    """The reader shows the title; the page's `<h1>` is not repeated as the first block."""
    result = await fetch(site.url("/split_en"))
    assert result.title == "Drought cuts wheat harvest by a third as rivers run dry"
    assert result.title not in plain(result.html)
    assert "<h2>Prices climb in city markets</h2>" in result.html


async def test_links_resolve_against_the_final_url_after_redirects(site: FeedServer) -> None:
    site.routes["/short/1"] = redirect("/wordpress_ar", 301)
    result = await fetch(site.url("/short/1"))
    assert result.url == site.url("/wordpress_ar")
    assert site.url("/tag/mariam-yousef/") in result.html


async def test_windows_1256_page_declared_in_meta_only(site: FeedServer) -> None:
    """Older Arabic sites send windows-1256 with only a `<meta charset>` to say so."""
    source = page_bytes("wordpress_ar").decode("utf-8")
    legacy = source.replace('<meta charset="UTF-8" />', '<meta charset="windows-1256" />')
    site.routes["/legacy"] = Reply(
        body=legacy.encode("cp1256"), headers={"Content-Type": "text/html"}
    )
    text = plain((await fetch(site.url("/legacy"))).html)
    assert all(block in text for block in KEEP["wordpress_ar"])


async def test_page_without_content_type_read_when_it_is_html(site: FeedServer) -> None:
    site.routes["/bare"] = Reply(body=page_bytes("portal_en"))
    text = plain((await fetch(site.url("/bare"))).html)
    assert KEEP["portal_en"][1] in text


def test_escape_sequences_and_bidi_overrides_never_reach_the_text() -> None:
    page = (
        page_bytes("portal_en")
        .decode()
        .replace("The survey, led by", "The \x1b]52;c;ZXZpbA==\x07\x1b[31msurvey\u202e, led by")
    )
    result = extract(page, "https://wnn.example/news/science-1")
    assert "The survey, led by" in plain(result.html)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", result.html)


def test_extract_accepts_bytes_and_a_base_url() -> None:
    result = extract(page_bytes("amp_ar"), "https://daily.example/local/2024/06/desalination.amp")
    assert result.url == "https://daily.example/local/2024/06/desalination.amp"
    assert all(block in plain(result.html) for block in KEEP["amp_ar"])
