"""English constructions of the figures spec, one table row each: span, kind, value, unit."""

from __future__ import annotations

import pytest

from akhbar_tui.figures import extract

Row = tuple[str, str, float | int | None, str | None]


def found(text: str, country: str | None = None) -> list[Row]:
    return [(f.span, f.kind, f.value, f.unit) for f in extract(text, "en", country)]


CASES: list[tuple[str, list[Row]]] = [
    ("agreed to buy it for $80bn in cash", [("$80bn", "money", 80_000_000_000, "USD")]),
    ("revenue of 2.7m", [("2.7m", "count", 2_700_000, None)]),
    ("rose 15 percent on Monday", [("15 percent", "percent", 15, "%")]),
    ("it runs 3,500 stores", [("3,500 stores", "count", 3500, "store")]),
    ("on March 3, 2024, analysts", [("March 3, 2024", "date", None, None)]),
    ("set aside £1.2 billion for", [("£1.2 billion", "money", 1_200_000_000, "GBP")]),
    ("raised €40m in a round", [("€40m", "money", 40_000_000, "EUR")]),
    ("cut 1.5 million barrels a day", [("1.5 million barrels", "quantity", 1_500_000, "barrel")]),
    ("stay between 3% and 5% this year", [("3%", "percent", 3, "%"), ("5%", "percent", 5, "%")]),
    ("a profit of R$200,000 million", [("R$200,000 million", "money", 2e11, "BRL")]),
    ("spend Rs 31,000 crore on roads", [("Rs 31,000 crore", "money", 310_000_000_000, "INR")]),
    ("sold 4.5 billion Swiss francs", [("4.5 billion Swiss francs", "money", 4.5e9, "CHF")]),
    ("fined 250 million euros", [("250 million euros", "money", 250_000_000, "EUR")]),
    ("climbed 34 cents", [("34 cents", "money", 0.34, "USD")]),
    ("fell 0.3 percentage points", [("0.3 percentage points", "percent", 0.3, "pp")]),
    (
        "by a quarter of a percentage point",
        [("a quarter of a percentage point", "percent", 0.25, "pp")],
    ),
    ("a move worth 200 basis points", [("200 basis points", "percent", 2, "pp")]),
    ("was founded in 1998 and", [("1998", "year", 1998, None)]),
    ("signed on 15 August 1947 in", [("15 August 1947", "date", None, None)]),
    ("set for December 31st, officials", [("December 31st", "date", None, None)]),
    ("fell in October 2022, the", [("October 2022", "date", None, None)]),
    ("started at 7:30 p.m. and", [("7:30 p.m.", "date", None, None)]),
    ("took effect on Jan. 19 after", [("Jan. 19", "date", None, None)]),
    ("lasted more than three hours", [("three hours", "quantity", 3, "hour")]),
    ("stretches 1,200 km from", [("1,200 km", "quantity", 1200, "km")]),
    ("reached 45 degrees Celsius", [("45 degrees Celsius", "quantity", 45, "degC")]),
    ("below 1.5C by then", [("1.5C", "quantity", 1.5, "degC")]),
    ("The 17-year-old was", [("17-year", "quantity", 17, "year")]),
    ("to power a million homes", [("a million homes", "count", 1_000_000, "home")]),
    (
        "A quarter of a million people marched",
        [("A quarter of a million people", "count", 250_000, "person")],
    ),
    ("Twenty-five people were injured", [("Twenty-five people", "count", 25, "person")]),
    (
        "grew to $1.2tn from $900bn",
        [
            ("$1.2tn", "money", 1.2e12, "USD"),
            ("$900bn", "money", 900_000_000_000, "USD"),
        ],
    ),
    ("from $50 to $75 a barrel", [("$50", "money", 50, "USD"), ("$75", "money", 75, "USD")]),
    (
        "between 10,000 and 15,000 tonnes",
        [
            ("10,000", "quantity", 10_000, "ton"),
            ("15,000 tonnes", "quantity", 15_000, "ton"),
        ],
    ),
    ("growth of 2.5-3% next year", [("2.5", "percent", 2.5, "%"), ("3%", "percent", 3, "%")]),
    ("about 1 in 300, scientists", [("1 in 300", "other", None, "odds")]),
    ("rose three times faster", [("three times", "other", 3, "times")]),
    ("5.35 trillion yen in the year", [("5.35 trillion yen", "money", 5.35e12, "JPY")]),
    ("paid A$1.7 billion in", [("A$1.7 billion", "money", 1.7e9, "AUD")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_construction(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("More than 2,000 people", "more_than"),
        ("Up to 500 workers", "less_than"),
        ("fewer than 10 percent", "less_than"),
        ("about 120,000 people", "approx"),
        ("roughly $400 million", "approx"),
        ("exactly 12 jobs", None),
    ],
)
def test_qualifier(text: str, qualifier: str | None) -> None:
    (figure,) = extract(text, "en")
    assert figure.qualifier == qualifier


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of people gathered in the square.",
        "The fourth round of talks ended without agreement on Thursday.",
        "The first quarter was the weakest since the pandemic; early December looks better.",
        "Rents have doubled over the past decade, and nearly half of all voters agree.",
        "The F-16 and the G20 summit, the S&P 500 and version COVID-19.",
    ],
)
def test_not_figures(text: str) -> None:
    assert found(text) == []


def test_riyal_resolved_from_the_sentence() -> None:
    (figure,) = extract("Saudi Aramco plans to sell shares worth up to 45 billion riyals.", "en")
    assert (figure.unit, figure.value, figure.qualifier) == ("SAR", 45e9, "less_than")
