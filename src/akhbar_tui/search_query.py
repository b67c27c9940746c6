"""Whatever a user types into search → a safe FTS5 MATCH expression over folded text.

The index holds every word folded (`arabic.fold`) as written, proclitics included. Each word of
the query is folded and widened to the written forms search treats as the same word
(`arabic.forms`: مليار → المليار, وبالمليار …), and every form is quoted, so nothing the user
types reaches FTS5's own syntax. A small,
forgiving language survives on top: `"quoted phrases"`, `prefix*`, `title:` / `body:` filters,
`OR`, `NOT` / `-word`; unbalanced quotes close at the end, stray operators, parentheses, `^` and
a lone `*` are ignored, and a query with no words is None (no results, never an error).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

from akhbar_tui.arabic import TOKEN, fold, forms, prefix_forms, stem

COLUMNS = ("title", "body")
MAX_TERMS = 32  # keeps a pasted paragraph from becoming a slow query
MAX_PHRASES = 96  # written variants of one quoted phrase looked for

_PIECE = re.compile(
    r'(?P<neg>-)?(?:(?P<col>[A-Za-z]+):)?(?:"(?P<phrase>[^"]*)(?:"|$)|(?P<word>[^\s"]+))'
)
_OPERATORS = {"OR", "AND", "NOT"}


@dataclass(frozen=True, slots=True)
class Term:
    """One word or phrase of a query: for each of its words in order, the written forms that
    count as that word (`positions`); the last word is a prefix when `prefix`."""

    positions: tuple[tuple[str, ...], ...]
    prefix: bool = False
    column: str | None = None
    negated: bool = False

    def variants(self) -> list[tuple[str, ...]]:
        """Each written word sequence this term looks for."""
        return list(product(*self.positions))

    def expression(self) -> str:
        """This term in FTS5 syntax; only letters and digits appear inside its quotes."""
        star = " *" if self.prefix else ""
        column = f"{self.column} : " if self.column else ""
        parts = [f'{column}"{" ".join(words)}"{star}' for words in self.variants()]
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def _positions(words: tuple[str, ...], prefix: bool) -> tuple[tuple[str, ...], ...]:
    """The forms of each word: all proclitic forms for the first word of a phrase; the word as
    typed, its stem, and its stem with the article for the next ones (a conjunction or a
    preposition inside a phrase changes its meaning)."""
    last = len(words) - 1
    positions: list[tuple[str, ...]] = []
    for index, word in enumerate(words):
        if prefix and index == last:
            positions.append(prefix_forms(word) if index == 0 else (word,))
        elif index == 0:
            positions.append(forms(word))
        else:
            base = stem(word)
            with_article = "ال" + base
            later = [word, base] + ([with_article] if stem(with_article) == base else [])
            positions.append(tuple(dict.fromkeys(later)))
    count = 1
    for options in positions:
        count *= len(options)
    if count > MAX_PHRASES:
        positions = [positions[0]] + [(word,) for word in words[1:]]
    return tuple(positions)


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A parsed query: the MATCH expression, and the terms a highlighter looks for."""

    expression: str
    terms: tuple[Term, ...]

    @property
    def positive(self) -> tuple[Term, ...]:
        """The terms that must (or may, with OR) appear: the ones to highlight."""
        return tuple(term for term in self.terms if not term.negated)


def parse(text: str) -> SearchQuery | None:
    """Turn user input into a `SearchQuery`, or None when it holds no word to look for.

    Never raises on any string: everything but the small syntax above is literal text."""
    items: list[Term | str] = []
    pending_not = False
    for match in _PIECE.finditer(text or ""):
        word = match.group("word")
        if word in _OPERATORS and not match.group("col") and not match.group("neg"):
            if word == "NOT":
                pending_not = True
            elif word == "OR":
                items.append("OR")
            continue
        term = _term(match, negated=pending_not or bool(match.group("neg")))
        pending_not = False
        if term is not None:
            items.append(term)
        if sum(isinstance(item, Term) for item in items) >= MAX_TERMS:
            break
    return _assemble(items)


def _term(match: re.Match[str], *, negated: bool) -> Term | None:
    """One piece of input as a Term, or None when it has no letters or digits."""
    column = (match.group("col") or "").lower() or None
    raw = match.group("phrase")
    prefix = False
    if raw is None:
        raw = match.group("word")
        if column is None and ":" in raw:
            raw = raw.replace(":", " ")
        stripped = raw.rstrip("*")
        prefix = stripped != raw
        raw = stripped
    if column is not None and column not in COLUMNS:
        raw = f"{column} {raw}"
        column = None
    folded = tuple(m.group() for m in TOKEN.finditer(fold(raw)))
    if not folded:
        return None
    return Term(_positions(folded, prefix), prefix=prefix, column=column, negated=negated)


def _assemble(items: list[Term | str]) -> SearchQuery | None:
    """Join terms with AND (implicit) and OR (where typed between two terms); NOT terms go last
    and only when something positive is left to subtract them from."""
    positive: list[Term | str] = []
    negated: list[Term] = []
    for item in items:
        if isinstance(item, Term) and item.negated:
            negated.append(item)
        elif item == "OR" and (not positive or positive[-1] == "OR"):
            continue
        else:
            positive.append(item)
    while positive and positive[-1] == "OR":
        positive.pop()
    if not positive:
        if not negated:
            return None
        positive = [_unnegated(term) for term in negated]
        negated = []
    parts: list[str] = []
    for index, item in enumerate(positive):
        if isinstance(item, Term):
            if index and isinstance(positive[index - 1], Term):
                parts.append("AND")
            parts.append(item.expression())
        else:
            parts.append("OR")
    expression = "(" + " ".join(parts) + ")"
    for term in negated:
        expression += " NOT " + term.expression()
    terms = tuple(item for item in positive if isinstance(item, Term)) + tuple(negated)
    return SearchQuery(expression, terms)


def _unnegated(term: Term) -> Term:
    """The same term, looked for rather than excluded (a query made only of exclusions)."""
    return Term(term.positions, term.prefix, term.column, negated=False)
