"""An article's figures leave out akhbar's own link markers (`[1]`) and keep the story's."""

from __future__ import annotations

from akhbar_tui.article_figures import article_figures
from akhbar_tui.article_text import parse

HTML = (
    '<p>ارتفعت الإيرادات إلى <a href="https://example.com/r">4.5 مليار ريال</a> '
    'وفق <a href="https://example.com/s">البيان</a>، مع 30 فرعا جديدا.</p>'
)


def test_link_markers_are_not_figures() -> None:
    text = parse(HTML, "https://example.com/a", lang="ar").text
    assert "[1]" in text and "[2]" in text  # the markers are in the text the reader shows
    figures = article_figures(text, "ar")
    assert [(f.span, f.kind) for f in figures] == [
        ("4.5 مليار ريال", "money"),
        ("30 فرعا", "count"),
    ]
    assert all(text[f.start : f.end] == f.span for f in figures)


def test_a_bracketed_reference_is_no_figure_but_a_number_beside_it_is() -> None:
    text = "Revenue rose 12% [3] to $4 billion."
    assert [f.span for f in article_figures(text, "en")] == ["12%", "$4 billion"]
