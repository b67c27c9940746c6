"""The text search indexes and shows: HTML → words, where a query's words are, snippets.

Indexing has to keep up with a refresh (10,000 articles in under two seconds), so the text it
indexes comes from a quick pass that drops tags and decodes entities (`index_text`), not from the
full `article_text` layout: the words are the same, only markers such as "[1]" differ. The
reader's plain text is laid out when an article is opened; `match_spans` then finds a query's
words in it, with offsets into that exact string.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from akhbar_tui.arabic import fold_with_map
from akhbar_tui.search_query import SearchQuery, Term, parse

_MARKUP = re.compile(
    r"<(script|style|template)\b.*?</\1\s*>|<!--.*?-->|<[a-zA-Z/!?][^>]*>", re.S | re.I
)
_SPACES = re.compile(r"\s+")
_EDGE = r"(?<![^\W_])"  # no letter or digit before
_END = r"(?![^\W_])"  # no letter or digit after
SNIPPET_CHARS = 160
CHUNK = 1200  # characters folded at a time when looking for a first match
OVERLAP = 200  # so that a phrase across two chunks is still found

Span = tuple[int, int]


def html_words(fragment: str) -> str:
    """The visible text of an HTML fragment (or of plain text); spacing left as it is."""
    if "<" in fragment:
        fragment = _MARKUP.sub(" ", fragment)
    if "&" in fragment:
        fragment = html.unescape(fragment)
    return fragment


def index_text(summary_html: str, content_html: str, full_text: str | None) -> str:
    """Everything of an article's body worth finding: summary, content, and the full text
    fetched from its page."""
    parts = [html_words(summary_html), html_words(content_html)]
    if full_text:
        parts.append(html_words(full_text))
    return " ".join(part for part in parts if part)


@lru_cache(maxsize=64)
def _pattern(query: SearchQuery) -> re.Pattern[str] | None:
    """One regex over folded text for every written form of the query's positive terms."""
    alternatives = [_term_pattern(term) for term in query.positive]
    if not alternatives:
        return None
    return re.compile("|".join(alternatives))


def _term_pattern(term: Term) -> str:
    """A term's forms, word by word, separated by anything that is not a letter or digit."""
    words = []
    for index, options in enumerate(term.positions):
        choice = "(?:" + "|".join(sorted(map(re.escape, options), key=len, reverse=True)) + ")"
        if term.prefix and index == len(term.positions) - 1:
            choice += r"[^\W_]*"
        words.append(choice)
    return _EDGE + r"[\W_]+".join(words) + _END


def match_spans(text: str, query: str | SearchQuery | None) -> list[Span]:
    """Where the query's words are in `text`, as (start, end) offsets into `text` itself.

    Works on any text, harakat, hamza forms and all: the reader passes the article's plain text
    to highlight matches in the opened article."""
    parsed = parse(query) if isinstance(query, str) else query
    if parsed is None or not text:
        return []
    pattern = _pattern(parsed)
    if pattern is None:
        return []
    folded, mapping = fold_with_map(text)
    return [mapping.span(m.start(), m.end()) for m in pattern.finditer(folded)]


def first_match(text: str, query: SearchQuery, chunk: int = CHUNK) -> Span | None:
    """The first match of `query` in `text`, folding it a chunk at a time (a result list needs
    only each hit's first match; folding whole articles would cost ten times more)."""
    pattern = _pattern(query)
    if pattern is None:
        return None
    position = 0
    while position < len(text):
        end = min(len(text), position + chunk)
        space = _SPACES.search(text, end)
        end = space.start() if space else len(text)
        folded, mapping = fold_with_map(text[position:end])
        found = pattern.search(folded)
        if found:
            start, stop = mapping.span(found.start(), found.end())
            return position + start, position + stop
        if end >= len(text):
            return None
        overlap = _SPACES.search(text, max(position + 1, end - OVERLAP), end)
        position = overlap.end() if overlap else end
    return None


def hit_snippet(text: str, query: SearchQuery) -> tuple[str, list[Span]]:
    """`snippet` around the first match of `query` in `text`, with every match inside it."""
    first = first_match(text, query)
    if first is None:
        return snippet(text, [])
    low = max(0, first[0] - SNIPPET_CHARS)
    high = min(len(text), first[1] + 2 * SNIPPET_CHARS)
    spans = [(low + s, low + e) for s, e in match_spans(text[low:high], query)]
    return snippet(text, [span for span in spans if span[0] >= first[0]] or [first])


def snippet(text: str, spans: list[Span], width: int = SNIPPET_CHARS) -> tuple[str, list[Span]]:
    """About `width` characters of `text` around its first match (its opening when there is
    none), cut at spaces and on one line, with the matches inside as offsets into the snippet."""
    first_start, first_end = spans[0] if spans else (0, 0)
    start = max(0, first_start - width // 3)
    if start:
        space = _SPACES.search(text, start, first_start)
        start = space.end() if space else start
    end = min(len(text), start + width)
    if end < len(text):
        space = _last_space(text, max(first_end, start), end)
        end = space if space is not None else end
    return _one_line(text, start, end, [(s, e) for s, e in spans if s >= start and e <= end])


def _last_space(text: str, low: int, high: int) -> int | None:
    """The position of the last whitespace in text[low:high], None when there is none."""
    for match in reversed(list(_SPACES.finditer(text, low, high))):
        return match.start()
    return None


def _one_line(text: str, start: int, end: int, spans: list[Span]) -> tuple[str, list[Span]]:
    """text[start:end] with whitespace runs made single spaces and "…" where it was cut;
    `spans` (offsets into `text`) moved to offsets into the result."""
    cut_before, cut_after = start > 0, end < len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    pieces = ["…"] if cut_before else []
    length = len(pieces)
    moved: dict[int, int] = {}
    points = sorted({p for span in spans for p in span})
    position = start
    for match in [*_SPACES.finditer(text, start, end), None]:
        stop = match.start() if match else end
        while points and points[0] <= stop:
            point = points.pop(0)
            moved[point] = length + max(0, point - position)
        pieces.append(text[position:stop])
        length += stop - position
        if match is None:
            break
        pieces.append(" ")
        length += 1
        position = match.end()
    if cut_after:
        pieces.append("…")
    return "".join(pieces), [(moved[s], moved[e]) for s, e in spans]
