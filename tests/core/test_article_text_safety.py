"""article_text against hostile input: links, escapes, controls, and arbitrary strings."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar_tui.article_guard import MAX_DEPTH, SCAN_FROM_TAGS, too_deep
from akhbar_tui.article_text import ArticleText, parse, plain_text

FIXTURES = Path(__file__).parent / "fixtures" / "html"
# Anything that could move the cursor, restyle the terminal or reorder text by force.
FORBIDDEN = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\ud800-\udfff]")
KINDS = {"paragraph", "heading", "list_item", "quote", "preformatted", "image", "rule", "table_row"}


def hostile() -> ArticleText:
    html = (FIXTURES / "hostile.html").read_text(encoding="utf-8")
    return parse(html, "https://site.example/story")


def test_only_http_https_and_mailto_links_survive() -> None:
    article = hostile()
    assert [(link.number, link.url) for link in article.links] == [
        (1, "mailto:tips@paper.example"),
        (2, "https://cdn.example/doc"),
        (3, "https://ok.example/a?b=1&c=2"),
        (4, "https://img.example/ok.png"),
    ]
    texts = [block.text for block in article.blocks]
    # Dropped links keep their text and get no marker.
    assert texts[0] == "Click here to win."
    assert texts[1] == "mixed case and tab split and newline split."
    assert texts[2] == "data link file link vb link ftp link"
    assert texts[3] == "Safe ones: email us[1], protocol-relative[2], query[3]."


def test_escape_sequences_and_controls_are_removed() -> None:
    texts = [block.text for block in hostile().blocks]
    assert "Escapes: red and raw green and OSC hyperlink end." in texts
    bell = next(text for text in texts if text.startswith("Bell"))
    assert FORBIDDEN.search(bell) is None
    assert bell.startswith("Bell and backspace and NUL")
    assert "31m" not in bell  # the 8-bit CSI goes with its parameters


def test_markup_like_text_is_kept_literally() -> None:
    texts = [block.text for block in hostile().blocks]
    assert (
        "Markup-looking text stays: [red]x[/red] [bold]b[/bold] [link=https://evil.example]y[/link]"
        " $(rm -rf ~)"
    ) in texts


def test_bidi_overrides_removed() -> None:
    texts = [block.text for block in hostile().blocks]
    assert "Bidi override: txt.exe and embedding x." in texts


def test_hostile_images_svg_buttons_and_styles() -> None:
    article = hostile()
    images = [block.text for block in article.blocks if block.kind == "image"]
    assert images == ["[image: js image]", "[image: ok image][4]"]
    for gone in ("svg text", "Press me", "display"):
        assert gone not in article.text
    assert article.blocks[-1].text == "bad ipv6 and no host."


def test_tracking_pixels_are_dropped() -> None:
    html = (
        "<p>Story</p>"
        '<img src="https://news.example/a.jpg" width="1" height="1">'
        '<img src="https://news.example/b.jpg" style="display: none">'
        '<img src="https://feeds.feedburner.com/~r/Feed/~4/xyz">'
        '<img src="https://stats.example.com/count?id=1">'
        '<img src="https://news.example/track.gif?u=1">'
        '<img src="https://news.example/photos/pixel-8-review.jpg" alt="Phone">'
    )
    article = parse(html)
    assert [block.text for block in article.blocks] == ["Story", "[image: Phone][1]"]


def test_urls_are_cleaned_of_spaces_and_formatting() -> None:
    article = parse('<a href="https://ex.example/a b\u202e/c\u200f">x</a>')
    assert article.links[0].url == "https://ex.example/a%20b/c"


SOUP = [
    "<p>", "</p>", "<div dir='rtl'>", "<div lang=ar>", "</div>", "<p dir=ltr lang=en>",
    "<a href='javascript:x'>", "<a href='https://e.example/x'>", "<a href='/rel'>",
    "<a href='mailto:a@b'>", "</a>", "<ul>", "<ol start='-3'>", "<ol reversed start=2>",
    "<li value=x>", "<li>", "</li>", "</ul>", "</ol>", "<table>", "<tr>", "<td>", "<th>",
    "</td>", "</table>", "<br>", "<img src='https://i.example/a.png' alt='", "'>",
    "<img width=1 height=1 src='https://x.example/p.gif'>", "<img>", "<pre>", "</pre>",
    "<h2>", "</h2>", "<blockquote>", "</blockquote>", "<figure>", "<figcaption>",
    "</figure>", "<script>", "</script>", "<iframe/>", "<iframe>", "<!--", "-->",
    "<![CDATA[", "]]>",
    "<sup>", "</sup>", "<sub>", "<a href='#x'>", "<svg>", "<button>", "<form>", "<hr>",
    "&amp;", "&#27;", "&#x202e;",
    "&#0;", "&#x9b;", "&nbsp;", "\x1b[31m", "\x1b]8;;x\x1b\\", "\x9b", "\x85", "\u202e",
    "\u2067", "\u2069", "\ud800", "\x00", "\r\n", "\n\n", "\n", "\t", " ", "مرحبا",
    "Hello", "[1]", "[red]x[/red]", "<", ">", "&", "\u2028", "\x02", "\x03", "\x021\x03",
]  # fmt: skip


@st.composite
def soups(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(st.sampled_from(SOUP), st.text(max_size=12)), max_size=40))
    return "".join(parts)


def check_invariants(article: ArticleText) -> None:
    assert article.text == plain_text(article.blocks)
    position = 0
    for block in article.blocks:
        assert block.kind in KINDS
        assert block.direction in ("rtl", "ltr", "auto")
        assert block.text and not block.text.isspace()
        assert block.start == position
        assert article.text[block.start : block.end] == block.text
        position = block.end + 2
    assert FORBIDDEN.search(article.text) is None
    assert "\x02" not in article.text  # no image sentinel leaks out
    for link in article.links:
        assert link.url.startswith(("http://", "https://", "mailto:"))
        assert FORBIDDEN.search(link.url) is None
        assert FORBIDDEN.search(link.text) is None
        assert f"[{link.number}]" in article.text


@settings(max_examples=300, deadline=None)
@given(soups(), st.sampled_from([None, "https://base.example/dir/page", "javascript:x", "::"]))
def test_any_html_soup_gives_consistent_clean_output(html: str, base: str | None) -> None:
    check_invariants(parse(html, base))


@settings(max_examples=200, deadline=None)
@given(st.text(), st.sampled_from([None, "ar", "en", ""]))
def test_any_string_gives_consistent_clean_output(text: str, lang: str | None) -> None:
    check_invariants(parse(text, lang=lang))


def test_nesting_deeper_than_the_recursion_limit_is_walked() -> None:
    # 1,200 levels, small enough to go through the tree builder: the walk must not recurse.
    html = "<div><blockquote><ul><li>" * 300 + "deep" + "</li></ul></blockquote></div>" * 300
    assert not too_deep(html)
    article = parse(html)
    assert [(b.kind, b.depth, b.text) for b in article.blocks] == [("list_item", 299, "• deep")]
    check_invariants(article)


def test_too_deep_spares_real_articles() -> None:
    # Thousands of unclosed <p> and <li> are ordinary old-CMS markup, not depth.
    ordinary = "<div>" + "<p>Paragraph <b>bold</b> <br> text" * 3000 + "<ul>" + "<li>x" * 3000
    assert ordinary.count("<") > SCAN_FROM_TAGS
    assert not too_deep(ordinary)
    assert not too_deep("<svg>" + '<path d="M0 0"/>' * SCAN_FROM_TAGS + "</svg>")
    assert too_deep("<span>" * (MAX_DEPTH + 1) + "<br>" * SCAN_FROM_TAGS)
    assert not too_deep("<span>" * SCAN_FROM_TAGS)  # too few tags to be slow, not scanned


def test_hostile_nesting_is_read_as_text() -> None:
    html = "<div><blockquote>" * 20_000 + "<p>deep <b>text</b></p>" + "</blockquote></div>" * 20
    article = parse(html + "<p>after</p>")
    assert article.text == "deep text\n\nafter"
    check_invariants(article)
