"""article_text on summaries that carry no HTML: paragraphs, line breaks, direction."""

from __future__ import annotations

from pathlib import Path

from akhbar_tui.article_text import parse

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def test_bbc_style_one_line_summary_is_one_paragraph() -> None:
    text = (FIXTURES / "bbc_summary.txt").read_text(encoding="utf-8")
    article = parse(text)
    assert [(b.kind, b.direction) for b in article.blocks] == [("paragraph", "ltr")]
    assert article.text == text.strip()
    assert '"do whatever it takes"' in article.text


def test_blank_lines_split_paragraphs_and_single_newlines_stay_line_breaks() -> None:
    article = parse((FIXTURES / "summary_paragraphs.txt").read_text(encoding="utf-8"))
    assert [b.text for b in article.blocks] == [
        "Markets rallied on Friday after the jobs report.\nAnalysts had expected weaker numbers.",
        "The central bank meets next week & is expected to hold rates.",  # entity decoded
        "Oil prices were little changed.",
    ]


def test_very_long_single_line_stays_one_paragraph() -> None:
    sentence = "Officials said the figures would be revised next month. "
    text = sentence * 400
    article = parse(text)
    assert len(article.blocks) == 1
    assert article.text == text.strip()


def test_crlf_tabs_and_padding() -> None:
    article = parse("  First\tline  \r\n   second line\r\n \r\n\r\nNext\tparagraph  ")
    assert [b.text for b in article.blocks] == ["First line\nsecond line", "Next paragraph"]
    assert article.blocks[1].start == len("First line\nsecond line") + 2


def test_less_than_sign_without_tags_is_still_plain_text() -> None:
    article = parse("Inflation < 2% for the first time\n\nRates > 5%")
    assert [b.text for b in article.blocks] == ["Inflation < 2% for the first time", "Rates > 5%"]


def test_arabic_summary_and_feed_language() -> None:
    article = parse("ارتفعت الأسعار بنسبة ٣٪\n\n2024", lang="ar")
    assert [(b.text, b.direction, b.lang) for b in article.blocks] == [
        ("ارتفعت الأسعار بنسبة ٣٪", "rtl", "ar"),
        ("2024", "rtl", "ar"),  # no strong character: the feed's language decides
    ]
    assert parse("2024").blocks[0].direction == "auto"


def test_plain_summary_is_cleaned() -> None:
    article = parse("Alert\x1b[2J\x07 text\u202e here\u2028next line")
    assert article.text == "Alert text here\nnext line"


def test_inline_only_html_with_blank_lines_splits_paragraphs() -> None:
    article = parse("First with <b>bold</b> and <a href='https://a.example'>a link</a>.\n\nSecond.")
    assert [b.text for b in article.blocks] == ["First with bold and a link[1].", "Second."]
    # Inside a block element, newlines are ordinary HTML whitespace.
    assert parse("<p>one\n\ntwo</p>").text == "one two"


def test_document_wrapper_around_plain_text() -> None:
    article = parse("<html><body>Para one\nline two\n\nPara two</body></html>")
    assert [b.text for b in article.blocks] == ["Para one\nline two", "Para two"]
