"""CLDR plural categories for Arabic and English, and choosing a message's plural variant.

Arabic nouns take six forms after a number, and which one depends on the number (CLDR's
`ar` rules, integers only — akhbar counts articles, feeds and minutes, never fractions):

    zero   n = 0                  لا مقالات / 0 مقال
    one    n = 1                  مقال واحد
    two    n = 2                  مقالان
    few    n % 100 in 3..10       3 مقالات، 103 مقالات
    many   n % 100 in 11..99      11 مقالًا، 99 مقالًا
    other  everything else        100 مقال، 101 مقال، 102 مقال

English has `one` (n = 1) and `other`. A message with plural variants is a dict from category
to text; `choose` picks the variant, falling back to `other`, which every plural message has.
"""

from __future__ import annotations

from collections.abc import Mapping

ARABIC_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
ENGLISH_CATEGORIES = ("one", "other")
CATEGORIES: dict[str, tuple[str, ...]] = {"ar": ARABIC_CATEGORIES, "en": ENGLISH_CATEGORIES}


def plural_category(count: int, language: str) -> str:
    """The CLDR category of `count` in `language` (`ar` or `en`; anything else follows `en`).

    Negative counts take the category of their magnitude, as CLDR's rules use the absolute value.
    """
    n = abs(count)
    if language != "ar":
        return "one" if n == 1 else "other"
    if n in (0, 1, 2):
        return ("zero", "one", "two")[n]
    if 3 <= n % 100 <= 10:
        return "few"
    if 11 <= n % 100 <= 99:
        return "many"
    return "other"


def choose(variants: Mapping[str, str], count: int, language: str) -> str:
    """The variant of a plural message for `count`; `other` stands in for a missing category.

    Catalogues are checked to define every category of their language, so the fallback only
    matters for a message shared across languages with fewer forms.
    """
    return variants.get(plural_category(count, language), variants["other"])
