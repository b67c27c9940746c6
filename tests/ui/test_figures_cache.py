"""The reader's figures cache lives for the whole process, across databases (a demo's copy, each
test's): it must never hand one article's figures to another article that reuses its id."""

from __future__ import annotations

from akhbar_tui.models import Article
from akhbar_tui.ui.screens.opening import figures_of


def test_same_id_in_another_database_gets_its_own_figures() -> None:
    first = Article("https://a.test/feed", "g1", "A", id=7, lang="en")
    second = Article("https://b.test/feed", "g9", "B", id=7, lang="en")
    revenue = figures_of(first, "Revenue rose to $12.4 billion, up 31%.")
    shares = figures_of(second, "Shares jumped 8.5% after hours.")
    assert [f.span for f in revenue] == ["$12.4 billion", "31%"]
    assert [f.span for f in shares] == ["8.5%"]


def test_reopening_the_same_text_reuses_the_extraction() -> None:
    article = Article("https://a.test/feed", "g1", "A", id=3, lang="en")
    text = "Net income rose to $3.1 billion."
    assert figures_of(article, text) is figures_of(article, text)


def test_the_feeds_country_resolves_a_bare_riyal() -> None:
    article = Article("https://a.test/feed", "g1", "A", id=5, lang="ar")
    text = "بلغت الإيرادات 5 مليارات ريال."
    (saudi,) = figures_of(article, text)
    (qatari,) = figures_of(article, text, country="QA")
    assert (saudi.unit, qatari.unit) == ("SAR", "QAR")
    assert saudi.value == qatari.value == 5e9
