"""User input → FTS5 MATCH expressions: hostile strings never reach SQLite as syntax."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar_tui.arabic import fold
from akhbar_tui.search_query import MAX_TERMS, parse
from akhbar_tui.search_text import hit_snippet, query_pattern

DOCS = {
    1: ("مليار دولار للبنان", "قال الوزير إن الاقتصاد ينمو وبالمليار"),
    2: ("Musk buys Twitter", "Elon Musk said the deal is worth 44 billion dollars"),
    3: ("ماسك يشتري تويتر", "وقال ماسك إن الصفقة بلغت ٤٤ مليار دولار"),
}


@pytest.fixture(scope="module")
def index() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(title, body, tokenize='ascii')")
    for rowid, (title, body) in DOCS.items():
        conn.execute(
            "INSERT INTO f(rowid, title, body) VALUES (?, ?, ?)",
            (rowid, fold(title), fold(body)),
        )
    return conn


def hits(conn: sqlite3.Connection, text: str) -> set[int]:
    query = parse(text)
    if query is None:
        return set()
    rows = conn.execute("SELECT rowid FROM f WHERE f MATCH ?", (query.expression,))
    return {row[0] for row in rows}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مليار", {1, 3}),
        ("بالمليار", {1, 3}),
        ("ماسك", {3}),
        ("musk", {2}),
        ("MUSK", {2}),
        ("اقتص*", {1}),
        ("bill*", {2}),
        ('"مليار دولار"', {1, 3}),
        ('"دولار مليار"', set()),
        ('"elon musk"', {2}),
        ('"musk elon"', set()),
        ("title:مليار", {1}),
        ('title:"مليار دولار"', {1}),
        ("body:twitter", set()),
        ("مليار OR musk", {1, 2, 3}),
        ("مليار NOT لبنان", {3}),
        ("مليار -لبنان", {3}),
        ("مليار AND ماسك", {3}),
        ("٤٤", {2, 3}),
        ("44", {2, 3}),
        ("الوزير", {1}),
        ("زير", set()),
        ("بنان", set()),
        ("-مليار", {1, 3}),  # nothing positive left: the exclusion is searched for
    ],
)
def test_queries_find_what_a_reader_expects(
    index: sqlite3.Connection, text: str, expected: set[int]
) -> None:
    assert hits(index, text) == expected


HOSTILE = [
    "",
    "   ",
    '"',
    '""',
    '"مليار',
    'مليار"',
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "NEAR(مليار دولار, 2)",
    "a OR",
    "OR OR OR",
    "NOT NOT x",
    "*",
    "* *",
    "^مليار",
    "title:",
    "title:*",
    "{title body}:x",
    "foo:bar",
    "((مليار",
    "مليار))",
    "'; DROP TABLE f; --",
    "\\",
    "\x00",
    "-",
    "--",
    "+x",
    "x:y:z",
    "مليار*دولار",
    "ـ",  # tatweel alone folds to nothing
    "َ",  # a lone haraka
    "\u202eevil",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_never_reaches_sqlite_as_syntax(index: sqlite3.Connection, text: str) -> None:
    hits(index, text)  # raises sqlite3.OperationalError on a malformed expression
    query = parse(text)
    assert query is None or query.expression.count('"') % 2 == 0


@pytest.mark.parametrize("text", ["", " ", '"', "*", "AND", "OR NOT", "^", "()", "ـَ", "-"])
def test_input_without_words_is_no_query(text: str) -> None:
    assert parse(text) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("مليار دولارmusk\"*^():-{}ORANDNOTEA \\'\x00")))
def test_any_string_is_a_valid_expression(text: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(title, body)")
    query = parse(text)
    if query is not None:
        conn.execute("SELECT count(*) FROM f WHERE f MATCH ?", (query.expression,)).fetchone()


def test_terms_are_capped() -> None:
    query = parse(" ".join(f"word{n}" for n in range(200)))
    assert query is not None
    assert len(query.terms) == MAX_TERMS


def test_highlight_terms_exclude_negated_ones() -> None:
    query = parse('"مليار دولار" اقتص* -لبنان')
    assert query is not None
    phrase, prefix = query.positive
    assert "بالمليار" in phrase.positions[0]
    assert "الدولار" in phrase.positions[1]
    assert prefix.prefix
    assert "والاقتص" in prefix.positions[0]
    assert [t.positions[0][0] for t in query.terms if t.negated] == ["لبنان"]


def test_phrases_with_many_variants_are_capped() -> None:
    query = parse('"مليار دولار امريكي نقدا"')
    assert query is not None
    assert len(query.terms[0].variants()) <= 96


SNIPPET_TEXT = (
    "مقدمة طويلة عن السوق.\n\n" * 20
    + "وقالَ الوزيرُ إنّ الصفقة بلغت  ٤٤ مليار\tدولار «وبالمليار» أيضاً.\n"
    + "خاتمة. " * 40
)


@pytest.mark.parametrize("text", ["مليار", "وزير مليار", '"مليار دولار"', "اقتص*", "زير"])
def test_snippet_from_the_stored_fold_equals_folding_the_text(text: str) -> None:
    pattern = query_pattern(parse(text))
    stored = hit_snippet(SNIPPET_TEXT, pattern, fold(SNIPPET_TEXT))
    assert stored == hit_snippet(SNIPPET_TEXT, pattern, None)
    line, spans = stored
    assert "\n" not in line and "\t" not in line and "  " not in line
    for start, end in spans:
        assert fold(line[start:end]) in {"مليار", "وزير", "الوزير", "مليار دولار", "وبالمليار"}


def test_snippet_survives_a_stored_fold_of_older_text() -> None:
    pattern = query_pattern(parse("مليار"))
    line, spans = hit_snippet(SNIPPET_TEXT, pattern, fold("نص قديم فيه مليار"))
    assert [fold(line[s:e]) for s, e in spans] == ["مليار", "وبالمليار"]
