"""The text search indexes and shows: HTML → words, where a query's words are, snippets.

Indexing has to keep up with a refresh (10,000 articles in under two seconds), so the text it
indexes comes from a quick pass that drops tags and decodes entities (`index_text`), not from the
full `article_text` layout: the words are the same, only markers such as "[1]" differ. The
reader's plain text is laid out when an article is opened; `match_spans` then finds a query's
words in it, with offsets into that exact string. A hit's snippet is found in the folded text the
index stores (`hit_snippet`), so a query folds only the few hundred characters it shows.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from akhbar_tui.arabic import fold_with_map, unfold_offset
from akhbar_tui.search_query import SearchQuery, Term, parse

_MARKUP = re.compile(
    r"<(script|style|template)\b.*?</\1\s*>|<!--.*?-->|<[a-zA-Z/!?][^>]*>", re.S | re.I
)
_SPACES = re.compile(r"\s+")
_CHANGED_SPACE = re.compile(r"\s{2,}|[^\S ]")  # whitespace runs `_one_line` changes
_LAST_SPACE = re.compile(r"\s(?=\S*\Z)")
_END = r"(?![^\W_])"  # no letter or digit after
SNIPPET_CHARS = 160
CHUNK = 1200  # characters folded at a time when looking for a first match
OVERLAP = 200  # so that a phrase across two chunks is still found
SNIPPET_SLACK = 40  # characters folded past a snippet's end, for a match it cuts through

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
    fetched from its page. A summary that the content repeats (most feeds send the first
    paragraph twice) is left out: its words are found in the content anyway, and indexing
    them twice cost a third of the indexing time."""
    content = html_words(content_html)
    if content.strip() and summary_html in content_html:
        parts = [content]
    else:
        summary = html_words(summary_html)
        parts = [content] if content.strip() and summary.strip() in content else [summary, content]
    if full_text:
        parts.append(html_words(full_text))
    return " ".join(part for part in parts if part)


@lru_cache(maxsize=64)
def query_pattern(query: SearchQuery) -> re.Pattern[str] | None:
    """One regex over folded text for every written form of the query's positive terms (None
    when nothing is left to highlight); give it to `pattern_spans` and `hit_snippet`.

    Its top level is one alternation whose branches each begin with a literal letter, the
    shape for which `re` skips ahead with a character set instead of trying every branch at
    every position (a snippet searches a whole stored article)."""
    branches = [branch for term in query.positive for branch in _term_branches(term)]
    if not branches:
        return None
    return re.compile("(?:" + "|".join(branches) + ")")


def _term_branches(term: Term) -> list[str]:
    """A term's forms, word by word, separated by anything that is not a letter or digit: one
    branch per first letter, with the word-start check right after that letter."""
    rest = []
    for index, options in enumerate(term.positions[1:], start=1):
        rest.append(r"[\W_]+" + _alternation(_trie(options)))
        if term.prefix and index == len(term.positions) - 1:
            rest.append(r"[^\W_]*")
    tail = "".join(rest) + _END
    first = _trie(term.positions[0])
    star = r"[^\W_]*" if term.prefix and len(term.positions) == 1 else ""
    return [
        re.escape(char) + _STARTS_WORD + _alternation(node) + star + tail
        for char, node in first.items()
        if char
    ]


_Trie = dict[str, "_Trie"]
_STARTS_WORD = r"(?<![^\W_].)"  # after a word's first letter: no letter or digit before it


def _trie(words: tuple[str, ...]) -> _Trie:
    """The words as a letter tree; the key "" marks the end of a word."""
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def _alternation(node: _Trie) -> str:
    """A regex for the words below `node`, longest first (greedy), sharing their prefixes."""
    branches = [re.escape(char) + _alternation(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def match_spans(text: str, query: str | SearchQuery | None) -> list[Span]:
    """Where the query's words are in `text`, as (start, end) offsets into `text` itself.

    Works on any text, harakat, hamza forms and all: the reader passes the article's plain text
    to highlight matches in the opened article."""
    parsed = parse(query) if isinstance(query, str) else query
    return pattern_spans(text, query_pattern(parsed)) if parsed is not None else []


def pattern_spans(text: str, pattern: re.Pattern[str] | None) -> list[Span]:
    """`match_spans` with the query's pattern already compiled (`query_pattern`)."""
    if pattern is None or not text:
        return []
    folded, mapping = fold_with_map(text)
    return [mapping.span(m.start(), m.end()) for m in pattern.finditer(folded)]


def first_match(text: str, pattern: re.Pattern[str], chunk: int = CHUNK) -> Span | None:
    """The first match of `pattern` in `text`, folding it a chunk at a time (a result list
    needs only each hit's first match; folding whole articles would cost ten times more)."""
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


def hit_snippet(
    text: str, pattern: re.Pattern[str] | None, folded: str | None = None
) -> tuple[str, list[Span]]:
    """`snippet` around the first match of `pattern` (`query_pattern`) in `text`, with every
    match inside it.

    `folded` is `fold(text)` as the index stores it: the first match is looked up there, and
    only the snippet's stretch of `text` is folded again (no match there: the hit matched by
    its title, and the snippet is the text's opening). Without `folded`, or when it no longer
    agrees with `text` (an edit not yet indexed), `text` is folded a chunk at a time."""
    if pattern is None:
        return snippet(text, [])
    if folded is not None:
        found = pattern.search(folded)
        if found is None:
            return snippet(text, [])
        start = unfold_offset(text, found.start())
        spans = _spans_from(text, pattern, start)
        if spans and spans[0][0] == start:
            return snippet(text, spans)
    first = first_match(text, pattern)
    if first is None:
        return snippet(text, [])
    return snippet(text, _spans_from(text, pattern, first[0]) or [first])


def _spans_from(text: str, pattern: re.Pattern[str], start: int) -> list[Span]:
    """The matches of `pattern` from `start` to the end of the snippet that `snippet` cuts
    around a first match at `start` (folding only that stretch)."""
    low = max(0, start - SNIPPET_CHARS // 2)
    high = min(len(text), start + SNIPPET_CHARS + SNIPPET_SLACK)
    spans = [(low + s, low + e) for s, e in pattern_spans(text[low:high], pattern)]
    return [span for span in spans if span[0] >= start]


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
    found = _LAST_SPACE.search(text, low, high)
    return found.start() if found else None


def _one_line(text: str, start: int, end: int, spans: list[Span]) -> tuple[str, list[Span]]:
    """text[start:end] with whitespace runs made single spaces and "…" where it was cut;
    `spans` (offsets into `text`) moved to offsets into the result."""
    cut_before, cut_after = start > 0, end < len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    lead = "…" if cut_before else ""
    # Each run that becomes one space: where it ends and how many characters it loses.
    runs = [(m.end(), m.end() - m.start() - 1) for m in _CHANGED_SPACE.finditer(text, start, end)]

    def moved(point: int) -> int:
        lost = sum(shrink for run_end, shrink in runs if run_end <= point)
        return len(lead) + point - start - lost

    line = lead + (_SPACES.sub(" ", text[start:end]) if runs else text[start:end])
    return line + ("…" if cut_after else ""), [(moved(s), moved(e)) for s, e in spans]
