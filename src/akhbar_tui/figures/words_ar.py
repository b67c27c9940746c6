"""Arabic number words: cardinals, hundreds, scales with their plurals and duals, fractions.

Every entry is keyed by its folded form (see `text.fold`) and also under the clitics newspapers
glue to it (و، ف، ب، ل، ك and the article), so a lookup is one dict access. The clitic length is
kept so the span can start after و/ب/ل but keep the article (`الخمسة ملايين ريال`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Word:
    """A number word of kind one, ten, hundred, scale, frac or teen_base; `clitic`: letters cut."""

    kind: str
    value: float
    clitic: int = 0
    dual: bool = False
    plural: bool = False
    weak: bool = False
    accusative: bool = False


_ONES = {
    1: "واحد واحدة واحدا",
    2: "اثنان اثنين اثنتان اثنتين",
    3: "ثلاث ثلاثة",
    4: "اربع اربعة",
    5: "خمس خمسة",
    6: "ست ستة",
    7: "سبع سبعة",
    8: "ثمان ثماني ثمانية",
    9: "تسع تسعة",
    10: "عشر عشرة",
}
_TEEN_BASES = {1: "احد احدي", 2: "اثنا اثني اثنتا اثنتي"}
_TEEN_TAILS = frozenset({"عشر", "عشرة"})
_TENS = {
    20: "عشرون عشرين",
    30: "ثلاثون ثلاثين",
    40: "اربعون اربعين",
    50: "خمسون خمسين",
    60: "ستون ستين",
    70: "سبعون سبعين",
    80: "ثمانون ثمانين",
    90: "تسعون تسعين",
}
_HUNDRED_PREFIX = {3: "ثلاث", 4: "اربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثمان", 9: "تسع"}
_SCALES = {
    1e3: ("الف", "الفا", "الفان الفين الفي", "الاف الوف"),
    1e6: ("مليون", "مليونا", "مليونان مليونين مليوني", "ملايين"),
    1e9: ("مليار بليون", "مليارا بليونا", "ملياران مليارين ملياري", "مليارات بلايين"),
    1e12: ("تريليون ترليون", "تريليونا ترليونا", "تريليونان تريليونين تريليوني", "تريليونات"),
}
_FRACTIONS = {0.5: "نصف", 0.25: "ربع", 1 / 3: "ثلث", 2 / 3: "ثلثا ثلثي"}

# Clitic prefixes (folded) and whether they carry the article.
_PREFIXES = {
    "": 0,
    "و": 1,
    "ف": 1,
    "ب": 1,
    "ل": 1,
    "ك": 1,
    "وب": 2,
    "ول": 2,
    "فب": 2,
    "وك": 2,
}
_ARTICLE_PREFIXES = {"ال": 0, "وال": 1, "بال": 1, "فال": 1, "كال": 1, "وبال": 2, "لل": 1}
# Words that look like a clitic + number but are common words of their own.
_NOT_NUMBERS = frozenset({"لست", "فست", "بست", "كست", "لثلث"})


def _base_entries() -> dict[str, Word]:
    base: dict[str, Word] = {}
    for value, forms in _ONES.items():
        for form in forms.split():
            base[form] = Word("one", value, weak=value == 1)
    for value, forms in _TEEN_BASES.items():
        for form in forms.split():
            base.setdefault(form, Word("teen_base", value))
    for value, forms in _TENS.items():
        for form in forms.split():
            base[form] = Word("ten", value)
    for form in ("مائة", "مئة", "مائه", "مية"):
        base[form] = Word("hundred", 100)
    for form in ("مائتان", "مائتين", "مائتي", "مئتان", "مئتين", "مئتي", "مائتا", "مئتا"):
        base[form] = Word("hundred", 200)
    for digit, stem in _HUNDRED_PREFIX.items():
        for tail in ("مائة", "مئة"):
            base[stem + tail] = Word("hundred", digit * 100)
    base["ثمانمائة"] = base["ثمانمئة"] = Word("hundred", 800)
    for value, (singular, accusative, duals, plurals) in _SCALES.items():
        for form in singular.split():
            base[form] = Word("scale", value)
        for form in accusative.split():
            base[form] = Word("scale", value, accusative=True)
        for form in duals.split():
            base[form] = Word("scale", value, dual=True)
        for form in plurals.split():
            base[form] = Word("scale", value, plural=True)
    for value, forms in _FRACTIONS.items():
        for form in forms.split():
            base[form] = Word("frac", value)
    return base


def _expand(base: dict[str, Word]) -> dict[str, Word]:
    words: dict[str, Word] = {}
    for form, entry in base.items():
        for prefix, cut in _PREFIXES.items():
            words.setdefault(prefix + form, _with_clitic(entry, cut))
        if entry.kind in ("one", "ten", "hundred", "scale", "frac"):
            for prefix, cut in _ARTICLE_PREFIXES.items():
                key = prefix + form
                if prefix == "لل" and form.startswith("ل"):
                    continue
                words.setdefault(key, _with_clitic(entry, cut))
    for word in _NOT_NUMBERS:
        words.pop(word, None)
    return words


def _with_clitic(entry: Word, cut: int) -> Word:
    if cut == 0:
        return entry
    return Word(
        entry.kind, entry.value, cut, entry.dual, entry.plural, entry.weak, entry.accusative
    )


AR_NUMBER_WORDS: dict[str, Word] = _expand(_base_entries())


def is_teen_tail(folded: str) -> bool:
    """True for عشر/عشرة after a unit (ثلاث عشرة، أحد عشر)."""
    return folded in _TEEN_TAILS


_ORDINAL_UNITS = {
    1: "اول اولي حادي حادية",
    2: "ثاني ثانية",
    3: "ثالث ثالثة",
    4: "رابع رابعة",
    5: "خامس خامسة",
    6: "سادس سادسة",
    7: "سابع سابعة",
    8: "ثامن ثامنة",
    9: "تاسع تاسعة",
    10: "عاشر عاشرة",
}
AR_ORDINALS: dict[str, int] = {
    "ال" + form: value for value, forms in _ORDINAL_UNITS.items() for form in forms.split()
}
AR_ORDINAL_TENS: dict[str, int] = {
    "ال" + form: value for value, forms in _TENS.items() for form in forms.split()
}
AR_ORDINAL_TENS.update({"وال" + form[2:]: value for form, value in list(AR_ORDINAL_TENS.items())})
