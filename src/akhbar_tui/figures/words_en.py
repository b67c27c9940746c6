"""English number words, scale words and the suffixes glued to digits ($80bn, 2.7m, 1.5C)."""

from __future__ import annotations

_ONES = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
)
EN_ONES: dict[str, int] = {word: value for value, word in enumerate(_ONES.split(), start=1)}
EN_TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
EN_SCALES: dict[str, float] = {
    "hundred": 100,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "crore": 1e7,
    "lakh": 1e5,
    "dozen": 12,
}
EN_FRACTIONS: dict[str, float] = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
# Glued to digits only: "$80bn", "2.7m", "12k".
EN_SUFFIX_SCALES: dict[str, float] = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    "tr": 1e12,
}
EN_ARTICLES = frozenset({"a", "an"})
