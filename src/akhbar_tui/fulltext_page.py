"""The page side of full-text extraction: prepare an article page for trafilatura, tidy its output.

trafilatura finds the main content well, but real news pages defeat it in a few known ways, so
`prepare` fixes the tree first:

- ad slots named in CamelCase or with whole-word tokens (`AdSlot`, `ad-slot`, `advert`,
  `gpt-ad…`) slip past its lower-case token list, and AMP pages carry ads, share buttons,
  sidebars and consent notices as `amp-*` elements it does not know; they are removed here;
- CSS-module class names (`ArticleBody__content`, `ConsentBanner`) miss its case-sensitive
  patterns, so each mixed-case class or id also gets its lower-case form;
- `amp-img` is an image; links and image sources are made absolute against the page URL;
- figure captions: trafilatura keeps an image but drops its `<figcaption>`, so captions are
  collected here by image URL and put back around the image by `finish`.

`finish` turns trafilatura's HTML into the fragment akhbar stores: only the tags and attributes
`article_text.parse` reads, images wrapped with their captions, a leading heading that repeats
the title dropped, and one root `<div>` carrying the page's direction and language.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html

from akhbar_tui.text_clean import clean_text as clean

_AMP_NOISE = (
    "amp-ad",
    "amp-embed",
    "amp-sticky-ad",
    "amp-analytics",
    "amp-pixel",
    "amp-user-notification",
    "amp-consent",
    "amp-social-share",
    "amp-sidebar",
    "amp-iframe",
)
_AD_TOKEN = re.compile(
    r"(?:^|[\s_-])(?:ads?|advert\w*|adslot\w*|adunit\w*|ad-?container|ad-?wrapper|gpt-ad\w*"
    r"|dfp\w*|sponsored)(?:[\s_-]|$)"
    r"|(?:^|\s)Ad(?:Slot|Unit|Container|Wrapper|Banner|Label)\w*",
    re.IGNORECASE,
)
_KEPT_ROOTS = frozenset({"html", "body", "main", "article"})
_CAPTION_CONTAINER = re.compile(r"(?:^|\s)wp-caption(?:\s|$)")
_CAPTION_TEXT = re.compile(r"caption-text|wp-caption-dd")
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_WS = re.compile(r"\s+")
# lxml refuses a str that still declares its byte encoding (XHTML served as such).
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_RTL_LANGS = frozenset({"ar", "fa", "he", "iw", "ur", "ps", "sd", "ckb", "ug", "yi", "dv"})
_BLOCK_ENDS = frozenset(
    {
        "p",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "figure",
        "div",
        "br",
        "tr",
        "pre",
    }
)
_XML_TAGS = {
    "p": "p",
    "item": "li",
    "quote": "blockquote",
    "ref": "a",
    "graphic": "img",
    "lb": "br",
    "table": "table",
    "row": "tr",
    "code": "pre",
    "del": "del",
    "div": "div",
}
_HI_TAGS = {"#b": "strong", "#i": "em", "#u": "u", "#t": "code", "#sub": "sub", "#sup": "sup"}


@dataclass(slots=True)
class PageFacts:
    """What `prepare` learnt from the page before trafilatura rewrote it."""

    title: str | None = None
    lang: str | None = None
    direction: str | None = None
    captions: dict[str, str] = field(default_factory=dict)
    link_texts: frozenset[str] = frozenset()
    base_url: str | None = None


def parse_page(text: str) -> lxml_html.HtmlElement | None:
    """The page as an lxml tree, or None when there is no markup to read."""
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        return None
    try:
        return lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None


def prepare(tree: lxml_html.HtmlElement, base_url: str | None) -> PageFacts:
    """Fix the tree in place for trafilatura (see the module docstring) and note its facts."""
    facts = PageFacts(title=_title(tree))
    facts.lang, facts.direction = _lang_and_direction(tree)
    for element in list(tree.iter(*_AMP_NOISE)):
        element.drop_tree()
    for element in tree.iter("amp-img"):
        element.tag = "img"
    facts.base_url = _base_url(tree, base_url)
    for element in list(tree.iter(etree.Element)):
        if element.getparent() is None or element.tag in _KEPT_ROOTS:
            continue
        names = " ".join(filter(None, (element.get("class"), element.get("id"))))
        if names and _AD_TOKEN.search(names):
            element.drop_tree()
            continue
        for attribute in ("class", "id"):
            value = element.get(attribute)
            if value and value != value.lower():
                element.set(attribute, f"{value} {value.lower()}")
    facts.captions = _captions(tree)
    facts.link_texts = frozenset(t for a in tree.iter("a") if (t := _norm(a.text_content())))
    return facts


def finish(body: etree._Element, facts: PageFacts) -> tuple[str, str]:
    """trafilatura's document body → (the stored fragment, its text that was not link text)."""
    root = lxml_html.Element("div")
    _convert_children(body, root)
    _drop_title_heading(root, facts.title)
    _wrap_captioned_images(root, facts.captions)
    if facts.base_url:
        _absolute_links(root, facts.base_url)
    if facts.direction:
        root.set("dir", facts.direction)
    if facts.lang:
        root.set("lang", facts.lang)
    fragment = lxml_html.tostring(root, encoding="unicode", method="html")
    return fragment, _text_outside_links(root, facts.link_texts)


def _convert_children(source: etree._Element, target: lxml_html.HtmlElement) -> None:
    """Copy `source`'s content into `target`, trafilatura's XML tags turned into HTML.

    Its own HTML output flattens `<ol>` into `<ul>`, losing the numbers an ordered list's
    items are referred to by, hence this conversion; only the attributes `article_text`
    reads are carried over.
    """
    target.text = source.text
    for child in source:
        if not isinstance(child.tag, str):
            continue
        converted = lxml_html.Element(_html_tag(child))
        if converted.tag == "a":
            converted.set("href", child.get("target") or "")
        elif converted.tag == "img":
            for name in ("src", "alt"):
                if child.get(name):
                    converted.set(name, child.get(name) or "")
        _convert_children(child, converted)
        converted.tail = child.tail
        target.append(converted)


def _html_tag(element: etree._Element) -> str:
    """The HTML tag for one element of trafilatura's XML."""
    tag = str(element.tag)
    rend = element.get("rend") or ""
    if tag == "head":
        return rend if re.fullmatch(r"h[1-6]", rend) else "h3"
    if tag == "list":
        return "ol" if rend == "ol" else "ul"
    if tag == "hi":
        return _HI_TAGS.get(rend, "span")
    if tag == "cell":
        return "th" if element.get("role") == "head" else "td"
    return _XML_TAGS.get(tag, "span")


def _base_url(tree: lxml_html.HtmlElement, page_url: str | None) -> str | None:
    """What relative links resolve against: the page URL, moved by a `<base href>`."""
    for base in tree.iter("base"):
        href = (base.get("href") or "").strip()
        if href:
            with contextlib.suppress(ValueError):
                return urljoin(page_url or "", href) or page_url
    return page_url


def _absolute_links(root: lxml_html.HtmlElement, base_url: str) -> None:
    """Resolve the kept links and images only: a portal page has thousands of menu links that
    trafilatura throws away, and resolving those (its `url=` option) cost a third of the time.
    """
    for element, attribute in [(a, "href") for a in root.iter("a")] + [
        (img, "src") for img in root.iter("img")
    ]:
        value = (element.get(attribute) or "").strip()
        if value:
            try:
                element.set(attribute, urljoin(base_url, value))
            except ValueError:
                del element.attrib[attribute]


def _title(tree: lxml_html.HtmlElement) -> str | None:
    """The article's title: og:title, else the first `<h1>`, else `<title>`."""
    for value in tree.xpath("//meta[@property='og:title']/@content"):
        if _norm(value):
            return clean(_norm(value))
    for tag in ("h1", "title"):
        for node in tree.iter(tag):
            text = _norm(node.text_content())
            if text:
                return clean(text)
    return None


def _lang_and_direction(tree: lxml_html.HtmlElement) -> tuple[str | None, str | None]:
    """The page's language and declared direction (`dir` on html, body, article or main)."""
    lang = None
    for node in tree.iter("html", "body", "article", "main"):
        value = node.get("lang") or node.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
        if _LANG.match(value.strip()):
            lang = value.strip()
            break
    direction = None
    for node in tree.iter("html", "body", "article", "main"):
        value = (node.get("dir") or "").strip().lower()
        if value in ("rtl", "ltr"):
            direction = value
            break
    if direction is None and lang and lang.split("-")[0].lower() in _RTL_LANGS:
        direction = "rtl"
    return lang, direction


def _captions(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """Image URL → caption text, from `<figure>`s and WordPress `wp-caption` boxes."""
    captions: dict[str, str] = {}
    for figure in tree.iter(etree.Element):
        if figure.tag == "figure":
            texts = [_norm(c.text_content()) for c in figure.iter("figcaption")]
        elif _CAPTION_CONTAINER.search(figure.get("class") or ""):
            texts = [
                _norm(c.text_content())
                for c in figure.iter(etree.Element)
                if _CAPTION_TEXT.search(c.get("class") or "")
            ]
        else:
            continue
        caption = " ".join(t for t in texts if t)
        if not caption:
            continue
        images = list(figure.iter("img"))
        for image in images:
            src = (image.get("src") or "").strip()
            if src:
                captions.setdefault(src, clean(caption))
        # Photo credits and share icons around the image would otherwise leak into the text.
        for child in list(figure):
            child.drop_tree()
        figure.text = None
        for image in images:
            image.tail = None
            figure.append(image)
    return captions


def _drop_title_heading(root: lxml_html.HtmlElement, title: str | None) -> None:
    """Drop a first heading that is the headline: the reader shows the article's title already.

    A leading `<h1>` is the headline on every news page; a leading `<h2>` only when it repeats
    the title (some themes use it for the first section).
    """
    first = next(iter(root), None)
    if first is None:
        return
    heading = _norm(first.text_content()).casefold()
    if first.tag == "h1" or (first.tag == "h2" and title and heading == title.casefold()):
        first.drop_tree()


def _wrap_captioned_images(root: lxml_html.HtmlElement, captions: dict[str, str]) -> None:
    """Put each kept image whose page had a caption into `<figure>` with its `<figcaption>`."""
    for image in list(root.iter("img")):
        caption = captions.get((image.get("src") or "").strip())
        parent = image.getparent()
        if not caption or parent is None or parent.tag == "figure":
            continue
        figure = lxml_html.Element("figure")
        figure.tail, image.tail = image.tail, None
        parent.replace(image, figure)
        figure.append(image)
        figcaption = lxml_html.Element("figcaption")
        figcaption.text = caption
        figure.append(figcaption)
        following = figure.getnext()
        if following is not None and _norm(following.text_content()) == caption:
            following.drop_tree()


def _text_outside_links(root: lxml_html.HtmlElement, link_texts: frozenset[str]) -> str:
    """The fragment's text that was not link text on the page.

    On a page without an article trafilatura returns the whole page's text, links flattened to
    lines of plain text; lines that were a link's text on the page are left out too.
    """
    parts: list[str] = []

    def walk(node: lxml_html.HtmlElement, in_link: bool) -> None:
        inside = in_link or node.tag == "a"
        if node.text and not inside:
            parts.append(node.text)
        for child in node:
            walk(child, inside)
            if child.tail and not in_link:
                parts.append(child.tail)
        if node.tag in _BLOCK_ENDS:
            parts.append("\n")

    walk(root, False)
    lines = (_norm(line) for line in "".join(parts).split("\n"))
    return " ".join(line for line in lines if line and line not in link_texts)


def _norm(text: str) -> str:
    """Whitespace collapsed and trimmed."""
    return _WS.sub(" ", text).strip()
