"""Whatever a user types into search → a safe FTS5 MATCH expression over stemmed text.

The index holds `arabic.stem` of every folded word, so each word of the query is folded and
stemmed the same way and then quoted: nothing the user types reaches FTS5's own syntax. A small,
forgiving language survives on top: `"quoted phrases"`, `prefix*`, `title:` / `body:` filters,
`OR`, `NOT` / `-word`; unbalanced quotes close at the end, stray operators, parentheses, `^` and
a lone `*` are ignored, and a query with no words is None (no results, never an error).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from akhbar_tui.arabic import TOKEN, fold, stem

COLUMNS = ("title", "body")
MAX_TERMS = 32  # keeps a pasted paragraph from becoming a slow query

_PIECE = re.compile(
    r'(?P<neg>-)?(?:(?P<col>[A-Za-z]+):)?(?:"(?P<phrase>[^"]*)(?:"|$)|(?P<word>[^\s"]+))'
)
_OPERATORS = {"OR", "AND", "NOT"}


@dataclass(frozen=True, slots=True)
class Term:
    """One word or phrase of a query: `stems` in order (one for a word), the last a prefix when
    `prefix`; `folded` the words before stemming (a prefix also matches them unstemmed)."""

    stems: tuple[str, ...]
    folded: tuple[str, ...]
    prefix: bool = False
    column: str | None = None
    negated: bool = False

    def expression(self) -> str:
        """This term in FTS5 syntax; only letters and digits appear inside its quotes."""
        star = " *" if self.prefix else ""
        forms = [self.stems]
        if self.prefix and self.folded != self.stems:
            forms.append(self.folded)
        column = f"{self.column} : " if self.column else ""
        parts = [f'{column}"{" ".join(form)}"{star}' for form in forms]
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


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
    stems = tuple(stem(word) for word in folded)
    return Term(stems, folded, prefix=prefix, column=column, negated=negated)


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
    return Term(term.stems, term.folded, term.prefix, term.column, negated=False)
