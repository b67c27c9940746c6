"""Full articles: fetch an article's web page and keep only its main text.

Most Arabic feeds carry a one-line teaser, so the reader fetches the linked page and keeps what a
person would call the article: paragraphs, headings, lists, quotes, images with captions and
links, without menus, ads, share buttons, related-article boxes, comments or cookie banners.
The finding is done by trafilatura, a library made for exactly this; `fulltext_page` fixes the
few page shapes it misreads and tidies its output.

The result is an HTML fragment (`FullText.html`), the input `article_text.parse` reads, with one
root `<div>` that carries the page's `dir` and `lang` so an Arabic page stays right-to-left. Only
that fragment is kept, never the raw page.

Shape of the API: both entry points *raise* `FullTextError` (a `FetchError`, so one `except
FetchError` covers every way a full-text fetch can fail) whose message is the human reason to
show or store: "HTTP 404", "timed out after 30 s", "response over 10 MB", "not a web page: got
application/pdf", "no main text found on the page". Raising rather than returning a reason keeps
the happy path a plain value, and callers that collect reasons (the refresh) read `str(error)`.

`extract` is CPU work (tens of milliseconds a page); `fetch_full_text` runs it in a worker thread
so an event loop fetching other pages is not blocked. trafilatura is imported on first use: it
takes a third of a second to load, which `akhbar --help` and a refresh without full-text feeds
should not pay.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from akhbar_tui.encoding import charset_from_headers, to_utf8
from akhbar_tui.errors import FetchError
from akhbar_tui.text_clean import clean_text

if TYPE_CHECKING:
    from akhbar_tui.fetch import Fetcher

__all__ = [
    "HTML_ACCEPT",
    "MIN_MAIN_TEXT",
    "FullText",
    "FullTextError",
    "extract",
    "fetch_full_text",
]

HTML_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
MIN_MAIN_TEXT = 100
"""Characters of non-link text below which a page is taken to have no article on it.

trafilatura falls back to "whatever text there is" on pages without an article (a home page's
headline list, a login form, a video player), so akhbar judges the result itself: a front page is
almost all link text, and the shortest real news brief is longer than this."""

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE
)
_LOOKS_LIKE_HTML = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)", re.I | re.S
)


class FullTextError(FetchError):
    """A full-text fetch that failed; the message is the human reason."""


@dataclass(frozen=True, slots=True)
class FullText:
    """The main text of one article page.

    `html` is the fragment to store and to give `article_text.parse` (root `<div>` with the
    page's `dir`/`lang` when it declares them); `url` is the page's final URL after redirects,
    the base its relative links were resolved against.
    """

    url: str
    html: str
    title: str | None = None
    lang: str | None = None
    direction: str | None = None


def extract(
    page: str | bytes, url: str | None = None, *, headers: Mapping[str, str] | None = None
) -> FullText:
    """The main text of an article page, or `FullTextError("no main text found on the page")`.

    `page` as bytes is decoded like a browser would: BOM, the HTTP charset in `headers` (lower-case
    keys), a `<meta charset>`, UTF-8, and windows-1256 Arabic behind a wrong label. `url` is the
    page's address, used to make links and images absolute.
    """
    import trafilatura

    from akhbar_tui import fulltext_page

    text = _decode(page, headers or {}) if isinstance(page, bytes) else page
    tree = fulltext_page.parse_page(clean_text(text))
    if tree is None:
        raise FullTextError("no main text found on the page: it is empty")
    facts = fulltext_page.prepare(tree, url)
    document = trafilatura.bare_extraction(
        tree,
        include_comments=False,
        include_images=True,
        include_links=True,
        include_formatting=True,
        include_tables=True,
        deduplicate=False,
    )
    body = getattr(document, "body", None)
    if body is None or len(body) == 0:
        raise FullTextError("no main text found on the page")
    fragment, own_text = fulltext_page.finish(body, facts)
    if len(own_text) < MIN_MAIN_TEXT:
        raise FullTextError("no main text found on the page")
    return FullText(
        url=url or "",
        html=fragment,
        title=facts.title,
        lang=facts.lang,
        direction=facts.direction,
    )


async def fetch_full_text(fetcher: Fetcher, url: str) -> FullText:
    """Fetch `url` with the refresh's `Fetcher` (its deadline, size cap, redirect and scheme
    rules, per-host limits) and return its main text; every failure is a `FullTextError`.

    Only HTML (text/html, application/xhtml+xml) is read; a response without a Content-Type is
    read when it starts like an HTML document.
    """
    outcome = await fetcher.fetch(url, accept=HTML_ACCEPT)
    if outcome.error:
        raise FullTextError(outcome.error)
    if outcome.status == 304 or not outcome.body:
        raise FullTextError("the page is empty")
    content_type = outcome.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type:
        if content_type not in _HTML_TYPES:
            raise FullTextError(f"not a web page: got {content_type[:80]}")
    elif not _LOOKS_LIKE_HTML.match(outcome.body[:1024]):
        raise FullTextError("not a web page: the server did not say what it sent")
    final_url = outcome.final_url or url
    return await asyncio.to_thread(extract, outcome.body, final_url, headers=outcome.headers)


def _decode(body: bytes, headers: Mapping[str, str]) -> str:
    """HTML bytes → text; a `<meta charset>` counts when the HTTP header names none."""
    if not charset_from_headers(headers):
        declared = _META_CHARSET.search(body[:4096])
        if declared:
            content_type = headers.get("content-type", "text/html")
            label = declared.group(1).decode("ascii")
            headers = {**headers, "content-type": f"{content_type}; charset={label}"}
    return to_utf8(body, headers).body.decode("utf-8")
