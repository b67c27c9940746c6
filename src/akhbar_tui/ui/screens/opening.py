"""Opening an article: body, search matches, key figures and the on-demand full text (`f`).

A mixin of `MainScreen`. The article's first screen is painted before its key figures are
extracted: the worker hands the laid-out text to the UI, then extracts the figures (cached per
article and text) and hands those over in a second step, so a long article opens at once.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from typing import TYPE_CHECKING

from textual import work

from akhbar_tui.errors import FetchError
from akhbar_tui.models import Article, Figure
from akhbar_tui.ui.messages import ArticleOpened

if TYPE_CHECKING:
    from akhbar_tui.article_text import ArticleText
    from akhbar_tui.engine import Engine
    from akhbar_tui.ui.screens.main import MainScreen

    _Base = MainScreen
else:
    _Base = object

FIGURE_CACHE = 64
_figures: OrderedDict[tuple[str | None, str | None, str], list[Figure]] = OrderedDict()


def article_body(article: Article) -> str:
    """The HTML the article pane shows: the fetched full text whenever it is stored."""
    return article.full_text or article.content_html or article.summary_html


def figures_of(article: Article, text: str, country: str | None = None) -> list[Figure]:
    """The article's key figures, extracted once per text (reopening an article is instant).

    Keyed by what the extraction reads (language, the feed's country, text), never by the
    article's id: ids are per database, and another database (a demo's copy, a test's) reuses
    them for other articles. `country` resolves a bare ريال or دينار to the feed's currency.
    """
    from akhbar_tui.article_figures import article_figures

    key = (article.lang, country, text)
    if key in _figures:
        _figures.move_to_end(key)
        return _figures[key]
    figures = _figures[key] = article_figures(text, article.lang, country)
    if len(_figures) > FIGURE_CACHE:
        _figures.popitem(last=False)
    return figures


def feed_country(engine: Engine, feed_url: str) -> str | None:
    """The `country` feeds.toml gives the article's feed (ISO 3166), if any."""
    return next((spec.country for spec in engine.config.feeds if spec.url == feed_url), None)


class ArticleOpening(_Base):
    """Open, mark read, highlight, fill the figures pane, fetch the full text."""

    @work(thread=True, exclusive=True, group="article")
    def open_headline(
        self, article_id: int, feed_title: str = "", query: str | None = None
    ) -> None:
        """Load, parse and lay out the article, mark it read, then find its key figures.

        With `query` (opened from search results) the query's matches are marked in it.
        """
        from akhbar_tui.article_text import parse

        with self.app.engine_errors("ui.error.opening_article"):
            engine = self.app.engine
            article = engine.article(article_id)
            text = parse(article_body(article), article.link, lang=article.lang)
            matches: list[tuple[int, int]] = []
            title: list[tuple[int, int]] = []
            if query:
                matches = engine.search_matches(text.text, query)
                title = engine.search_matches(article.title, query)
            if not article.read:
                engine.mark_read(article_id, True)
            country = feed_country(engine, article.feed_url)
            self.app.call_from_thread(
                self._show_article, article, text, feed_title, matches, title, country
            )
            figures = figures_of(article, text.text, country)
            self.app.call_from_thread(self._show_figures, article_id, figures)

    def _show_article(
        self,
        article: Article,
        text: ArticleText,
        feed_title: str,
        matches: list[tuple[int, int]],
        title: list[tuple[int, int]],
        country: str | None,
    ) -> None:
        from akhbar_tui.ui.widgets.article_doc import build_doc

        assert article.id is not None
        self.open_article = article
        self.doc = build_doc(article, text, feed_title, tr=self.app.translator, country=country)
        self.article_view.show(self.doc)
        if matches or title:
            self.article_view.show_matches(matches, title)
        self.figures_list.set_figures([], self.app.translator("ui.figures.finding"))
        self.headlines.update_state(article.id, read=True)
        self.post_message(ArticleOpened(article.id))
        if not article.read:
            self.load_feeds()

    def _show_figures(self, article_id: int, figures: list[Figure]) -> None:
        if self.open_article is None or self.open_article.id != article_id:
            return
        self.figures_list.set_figures(figures, self.app.translator("ui.figures.none"))

    def action_full_text(self) -> None:
        """f: fetch the open article's web page and show its main text instead of the teaser."""
        article = self.open_article
        if article is None or article.id is None:
            self.app.say("ui.notify.open_article_first", timeout=2)
            return
        if not article.link:
            self.app.say("ui.notify.no_link", severity="warning", timeout=3)
            return
        self.status.set_task(self.app.translator("ui.status.fetching_full_article"))
        self.fetch_full_text(article.id, self._feed_title_of(article))

    def _feed_title_of(self, article: Article) -> str:
        return next((f.title for f in self.known_feeds if f.url == article.feed_url), "")

    @work(thread=True, exclusive=True, group="full_text")
    def fetch_full_text(self, article_id: int, feed_title: str) -> None:
        """Fetch and store the full text (the engine awaits the network in this thread's loop)."""
        engine = self.app.engine
        try:
            article = asyncio.run(engine.fetch_full_text(article_id))
        except FetchError as error:
            self.app.call_from_thread(self.status.set_task, None)
            reason = error.localized(self.app.translator)
            self.app.say("ui.error.fetching_full_article", error=reason, severity="warning")
            return
        except Exception as error:  # a store error or a bug: say so, keep the reader open
            self.app.call_from_thread(self.status.set_task, None)
            self.app.say("ui.error.fetching_full_article", error=str(error), severity="error")
            return
        self.app.call_from_thread(self.status.set_task, None)
        self.app.call_from_thread(self._full_text_stored, article, feed_title)
        with self.app.engine_errors("ui.error.indexing_full_article"):
            engine.update_search_index()

    def _full_text_stored(self, article: Article, feed_title: str) -> None:
        if self.open_article is not None and self.open_article.id == article.id:
            assert article.id is not None
            self.open_headline(article.id, feed_title, self.search_query)
        else:
            self.app.say("ui.notify.full_text_saved", timeout=2)
