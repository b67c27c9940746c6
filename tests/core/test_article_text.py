"""article_text on HTML in the shapes real feeds send (fixtures in fixtures/html/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from akhbar_tui.article_text import ArticleText, Block, blocks, parse, plain_text

FIXTURES = Path(__file__).parent / "fixtures" / "html"
BASE = "https://site.example/section/story.html"


def load(name: str) -> ArticleText:
    return parse((FIXTURES / name).read_text(encoding="utf-8"), BASE)


def pairs(article: ArticleText) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in article.blocks]


def urls(article: ArticleText) -> dict[int, str]:
    return {link.number: link.url for link in article.links}


def test_wordpress_post() -> None:
    article = load("wordpress.html")
    texts = [block.text for block in article.blocks]
    # Entities decoded, the "more" anchor and &nbsp;-only paragraphs leave no empty blocks.
    assert texts[0].startswith("The city council voted 7–2 on Tuesday")
    assert "“It’s a historic day,” said Mayor Ellen Ruiz." in texts[0]
    assert all(text.strip() for text in texts)
    # Lazy-loaded image: the data-src URL wins over the data: placeholder in src.
    assert ("image", "[image: Council members raise their hands during the vote][2]") in pairs(
        article
    )
    assert urls(article)[2].endswith("/council-vote-1024x683.jpg")
    caption = texts.index("Council members vote on the transit plan. (Photo: J. Park)")
    assert article.blocks[caption - 1].kind == "image"
    assert ("heading", "What happens next") in pairs(article)
    assert article.blocks[texts.index("What happens next")].level == 2
    # Relative link resolved against the base URL; the share button's javascript: link is gone.
    assert "public hearings[3] listed below:" in texts[texts.index("What happens next") + 1]
    assert urls(article)[3] == "https://site.example/transit-hearings/"
    assert ("list_item", "• Twitter") in pairs(article)
    assert not any("javascript" in link.url for link in article.links)
    # The feedburner and wp.com pixels are not images.
    assert [b.kind for b in article.blocks].count("image") == 1
    assert not any("pixel.wp.com" in u or "feedburner" in u for u in urls(article).values())
    assert texts[-1] == (
        "The post Council approves transit plan after three-year debate[4] appeared first on"
        " Local News[5]."
    )


def test_news_site_with_figure_related_links_and_embeds() -> None:
    article = load("news_figure.html")
    texts = [block.text for block in article.blocks]
    assert texts[0].startswith("Shipping through the canal fell by a third")
    image = texts.index("[image: A container ship in the canal][1]")
    assert urls(article)[1] == (
        "https://images.example-news.com/news/624/cpsprodpb/1A2B/production/_132_ship.jpg"
    )  # protocol-relative src made absolute with the base's scheme
    assert texts[image + 2].endswith("Traffic has fallen to its lowest level since 2020")
    # Related-links box: a heading and one item per link, each with its marker.
    assert ("heading", "Related Topics") in pairs(article)
    assert ("list_item", "• Why shipping costs are rising again[2]") in pairs(article)
    assert urls(article)[3] == "https://site.example/news/world-67999999"
    # Scripts, the ad's noscript image, the YouTube iframe and the newsletter form are gone.
    joined = article.text
    for dropped in ("adSlots", "Advertisement", "YouTube", "newsletter", "Sign up", "widgets"):
        assert dropped not in joined
    assert ("quote", "Traffic update: queues are shorter today.") in pairs(article)
    quote = texts.index("Traffic update: queues are shorter today.")
    assert article.blocks[quote].lang == "en"
    assert texts[-1] == "More analysis will follow."


def test_nested_lists_with_depth_numbers_and_start() -> None:
    article = load("nested_lists.html")
    items = [(b.depth, b.number, b.text) for b in article.blocks if b.kind == "list_item"]
    assert items == [
        (0, 1, "1. Check that you are eligible:"),
        (1, None, "• aged 18 or over"),
        (1, None, "• resident for at least"),
        (2, 3, "3. three years, or"),
        (2, 4, "4. two years with a work permit"),
        (0, 2, "2. Fill in the online form[1]."),
        (0, 10, "10. Wait for a reply (usually 10 working days)."),
        (0, 11, "11. Bring your documents."),
        (0, None, "Originals only, no copies."),  # second paragraph of item 11: no new number
        (0, 3, "3. Gold"),
        (0, 2, "2. Silver"),
        (0, 1, "1. Bronze"),
    ]


def test_table_rows() -> None:
    article = load("table.html")
    rows = [b.text for b in article.blocks if b.kind == "table_row"]
    assert rows == [
        "Region | Turnout | Change",
        "North | 61.2% | +1.4",
        "South[1] | 58.9% | −0.7",
        "East (incl. islands) |  | n/a",  # empty cells keep their column; empty rows vanish
    ]
    assert ("paragraph", "Turnout, 2024 election") in pairs(article)
    assert pairs(article)[-1] == ("paragraph", "Source: electoral commission.")


def test_broken_markup_keeps_every_sentence_in_order() -> None:
    article = load("broken.html")
    assert pairs(article)[:10] == [
        ("paragraph", "First paragraph has no end tag"),
        ("paragraph", "Second one starts bold and never closes"),
        ("paragraph", "Third is still bold in a browser"),
        ("paragraph", "Inside a div"),
        ("paragraph", "text after the div"),
        ("list_item", "• One"),
        ("list_item", "• Two"),
        ("list_item", "• Three"),
        ("table_row", "a | b"),
        ("table_row", "c"),
    ]
    rest = pairs(article)[10:]
    # The unclosed <h2> does not turn the rest of the article into one long heading.
    assert rest[0] == ("heading", "Heading unclosed")
    assert rest[1] == ("paragraph", "After heading")
    # A link around blocks gets its marker after its text in each block.
    assert [text for _, text in rest[2:5]] == ["link[1]", "spanning[1]", "blocks[1]"]
    # `<iframe />` is not self-closing in HTML5; the text it swallowed is read back.
    assert ("paragraph", "Text after a self-closed iframe") in rest
    assert rest[-1][1] == (
        "Trailing text with & unterminated © entity and a stray < sign < and 3 > 2"
    )


def test_arabic_article_with_dir_rtl() -> None:
    article = load("arabic_rtl.html")
    assert all(block.direction == "rtl" for block in article.blocks)
    assert all(block.lang == "ar" for block in article.blocks)
    assert pairs(article)[0] == ("heading", "الحكومة تعلن ميزانية جديدة")
    # An image without alt in an Arabic article: the Arabic placeholder, with its link.
    assert ("image", "[صورة][1]") in pairs(article)
    assert urls(article)[1] == "https://news.example.com/img/budget.jpg"
    assert ("quote", "«هذه ميزانية النمو والعدالة الاجتماعية» قال الوزير.") in pairs(article)
    assert ("list_item", "• التعليم: ٢٫١ مليار") in pairs(article)
    assert ("paragraph", "للمزيد اقرأ التقرير الكامل[2].") in pairs(article)
    assert urls(article)[2] == "https://site.example/economy/budget-2024"
    assert ("rule", "* * *") in pairs(article)


def test_mixed_direction_paragraphs() -> None:
    article = load("mixed_direction.html")
    direction = {block.text: block.direction for block in article.blocks}
    assert direction["The minister spoke in Arabic at the summit."] == "ltr"
    # No dir attribute: the first strong character decides, whatever comes after.
    assert direction["«نحن ملتزمون بالسلام» said the minister, according to a translation."] == (
        "rtl"
    )
    assert direction["2024 كان عاما صعبا على الاقتصاد"] == "rtl"  # digits are not strong
    assert direction["123 456"] == "rtl"  # no strong character: lang="ar" decides
    # dir= wins over the text, and is inherited from ancestors.
    assert direction["Reuters contributed reporting. رويترز"] == "ltr"
    assert direction["تقرير مترجم from English"] == "rtl"
    assert direction["مرحبا with an auto direction"] == "rtl"
    # Inline dir/lang does not make the paragraph RTL.
    assert direction["Launch of الجزيرة الوثائقية in 2007."] == "ltr"
    # Isolates and marks are kept (and isolated text is skipped when judging direction);
    # the RLO/PDF override pair is removed.
    isolate = "\u2067قناة\u2069 and a mark\u200f stay; an override reversed does not."
    assert direction[isolate] == "ltr"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<div dir="rtl"><img src="https://i.example/a.jpg" alt="x"></div>', "[صورة: x][1]"),
        ('<p lang="ar-EG">نص</p><img src="https://i.example/a.jpg">', "[صورة][1]"),
        ('<div lang="en"><img src="https://i.example/a.jpg" alt="وزير"></div>', "[image: وزير][1]"),
        ('<img src="https://i.example/a.jpg" alt="وزير المالية">', "[صورة: وزير المالية][1]"),
        ("<p>Hello there</p><img src='https://i.example/a.jpg'>", "[image][1]"),
        ("<p>مرحبا بكم جميعا</p><p>ok</p><img src='https://i.example/a.jpg'>", "[صورة][1]"),
        ("<img src='/a.jpg' alt='relative, no base'>", "[image: relative, no base]"),
    ],
)
def test_image_placeholder_language(html: str, expected: str) -> None:
    images = [b.text for b in parse(html).blocks if b.kind == "image"]
    assert images == [expected]


def test_feed_language_decides_when_nothing_else_does() -> None:
    article = parse("<img src='https://i.example/a.jpg'>", lang="ar")
    assert article.blocks[0].text == "[صورة][1]"
    assert article.blocks[0].lang == "ar"
    assert parse("<img src='https://i.example/a.jpg'>", lang="en").blocks[0].text == "[image][1]"


def test_image_inside_table_cell_stays_in_the_row() -> None:
    article = parse(
        "<table><tr><td><img src='https://i.example/flag.png' alt='flag'></td><td>France</td>"
        "</tr></table>"
    )
    assert pairs(article) == [("table_row", "[image: flag][1] | France")]


def test_caption_before_image_is_shown_after_it() -> None:
    article = parse(
        "<figure><figcaption>The caption</figcaption><img src='https://i.example/a.jpg'"
        " alt='A'></figure><p>Next</p>"
    )
    assert [b.text for b in article.blocks] == ["[image: A][1]", "The caption", "Next"]


def test_br_line_breaks_and_double_br_paragraphs() -> None:
    article = parse("<p>Line one<br>Line two<br/>  Line three</p><p>A<br><br>B</p>")
    assert [b.text for b in article.blocks] == ["Line one\nLine two\nLine three", "A", "B"]


def test_whitespace_collapsed_except_in_pre() -> None:
    article = parse("<p>  spread\n   over\tlines  </p><pre>keep   this\n\tindent\n</pre>")
    assert pairs(article) == [
        ("paragraph", "spread over lines"),
        ("preformatted", "keep   this\n        indent"),
    ]


def test_headings_quotes_and_rules() -> None:
    article = parse(
        "<h1>One</h1><h6>Six</h6><blockquote>Outer<blockquote>Inner</blockquote></blockquote>"
        "<hr><p>End</p>"
    )
    shaped = [(b.kind, b.level, b.depth, b.text) for b in article.blocks]
    assert shaped == [
        ("heading", 1, 0, "One"),
        ("heading", 6, 0, "Six"),
        ("quote", 0, 0, "Outer"),
        ("quote", 0, 1, "Inner"),
        ("rule", 0, 0, "* * *"),
        ("paragraph", 0, 0, "End"),
    ]


def test_same_url_keeps_its_number() -> None:
    article = parse(
        '<p><a href="https://a.example/">A</a> <a href="https://b.example/">B</a>'
        ' <a href="https://a.example/">A again</a></p>'
    )
    assert article.blocks[0].text == "A[1] B[2] A again[1]"
    assert [(link.number, link.text) for link in article.links] == [(1, "A"), (2, "B")]


def test_link_without_text_gets_no_marker() -> None:
    article = parse('<p>Before <a href="https://a.example/"> </a>after</p>')
    assert article.blocks[0].text == "Before after"
    assert article.links == ()


def test_offsets_index_the_plain_text() -> None:
    article = load("wordpress.html")
    assert article.text == plain_text(article.blocks)
    for block in article.blocks:
        assert article.text[block.start : block.end] == block.text
    assert "\n\n".join(b.text for b in article.blocks) == article.text
    marker = article.text.index("[3]")
    holder = next(b for b in article.blocks if b.start <= marker < b.end)
    assert "public hearings[3]" in holder.text


def test_blocks_is_parse_blocks() -> None:
    html = (FIXTURES / "nested_lists.html").read_text(encoding="utf-8")
    listed = blocks(html, BASE)
    assert isinstance(listed, list)
    assert listed == list(parse(html, BASE).blocks)
    assert all(isinstance(block, Block) for block in listed)


def test_plain_text_of_no_blocks_is_empty() -> None:
    assert plain_text([]) == ""
    assert parse("").blocks == ()
    assert parse("<p> </p><div>&nbsp;</div>").text == ""


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>10<sup>6</sup> tonnes of CO<sub>2</sub></p>", "10⁶ tonnes of CO₂"),
        ("<p>x<sup>n+1</sup> and y<sub>(2)</sub></p>", "xⁿ⁺¹ and y₍₂₎"),
        ("<p>note<sup>a</sup>, index<sub>i</sub></p>", "note^a, index_i"),
    ],
)
def test_superscripts_and_subscripts_do_not_merge_into_numbers(html: str, expected: str) -> None:
    assert parse(html).text == expected


def test_in_page_anchor_links_get_no_marker() -> None:
    article = parse('<p>Claim<sup><a href="#fn1">1</a></sup> and <a href="#top">top</a></p>', BASE)
    assert article.text == "Claim¹ and top"
    assert article.links == ()


def test_hidden_blocks_are_not_shown() -> None:
    article = parse(
        '<p>Shown</p><div hidden><p>Buy pills</p></div><p style="display: none">Spam</p>'
        '<div style="color: red">Also shown</div>'
    )
    assert [b.text for b in article.blocks] == ["Shown", "Also shown"]
