"""Year or count: a bare four-digit number between 1800 and 2100.

`في 2024` and `since 2019` are years; `2000 جندي` and `1999 people` are counts. A number in that
range reads as a year unless a counted noun follows it and nothing before it says "year":

- the words before: a temporal preposition or year word (في، منذ، عام، بحلول، in, since, the …),
  or a year just before it joined by a range connector (`بين 2015 و2020`);
- the word after: Arabic — an indefinite noun (no ال, no preposition clitic, not a verb ending in
  ت: `في 2024 ارتفعت` stays a year even without في); English — a lower-case plural
  (`2,000 troops`, `1999 people`), since a year used as an adjective takes a singular
  (`2024 budget`) and names are capitalised (`2026 World Cup`).

Hijri years and years with an era suffix (`2014م`) are always years; so is any number right after
عام/سنة/year, whatever its size (`عام 1436`).
"""

from __future__ import annotations

from akhbar_tui.figures.context import AR_STOP, EN_STOP
from akhbar_tui.figures.drafts import Draft
from akhbar_tui.figures.numbers import Numeral
from akhbar_tui.figures.text import Token, fold, is_arabic, word_set

# Words after which any four-digit number is a year (`عام 1436` → 1436 AH).
YEAR_WORDS = frozenset({"عام", "العام", "سنة", "لعام", "بعام", "year", "since", "in", "until"})
# Words after which a number in 1800–2100 is a year even when a noun follows it.
_AR_YEAR_BEFORE = word_set(
    """في وفي ففي منذ ومنذ حتي وحتي عام العام سنة لعام بعام لسنة وعام وسنة بحلول وبحلول خلال
    وخلال مطلع ومطلع منتصف ومنتصف نهاية ونهاية بنهاية بداية وبداية ببداية اوائل واوائل اواخر
    واواخر اواسط قبل وقبل بعد وبعد قبيل موسم لموسم موازنة ميزانية"""
)
_EN_YEAR_BEFORE = word_set(
    """in since until till by from through during before after the year early late mid circa
    fiscal spring summer autumn fall winter"""
)
_RANGE_JOINERS = frozenset({"و", "-", "–", "—", "الي", "حتي", "to", "and", "through"})
_EN_PLURALS = word_set(
    """people children men women police staff personnel cattle sheep fish troops crew
    aircraft"""
)
# Words in ة that follow a year as adverbs or adjectives (في 2019 خاصة، في 2000 كاملة).
_AR_ADVERBS_IN_TA = word_set("خاصة عامة كاملة مرة نتيجة اضافة بداية نهاية ميلادية هجرية")
_AR_CLITIC_ARTICLES = ("ال", "بال", "لل", "كال", "فال", "وال", "و")


def year(tokens: list[Token], i: int, numeral: Numeral, after_year: bool) -> Draft | None:
    """The year at token `i`, or None when the numeral is not one (or a counted noun follows).

    `after_year` is true when a year figure ends just before, across a range connector.
    """
    digits = numeral.digits
    if digits is None or not digits.plain or digits.length != 4 or numeral.scale != 1:
        return None
    value = int(digits.value)
    j = numeral.next_index
    era = tokens[j] if j < len(tokens) and tokens[j].norm in ("ه", "م") else None
    if era is not None and era.start - numeral.end > 1:
        era = None
    prev = tokens[i - 1].norm if i > 0 else ""
    after_year_word = prev in YEAR_WORDS
    hijri = era is not None and era.norm == "ه"
    if not (1800 <= value <= 2100 or hijri or after_year_word):
        return None
    if era is None and not after_year and _counted_noun_follows(tokens, i, j, value):
        return None
    unit = "AH" if hijri or (after_year_word and 1300 <= value <= 1500) else None
    end = era.end if era is not None else numeral.end
    return Draft(numeral.start, end, "year", value, unit, next_index=j + (1 if era else 0))


def after_year_range(previous: Draft | None, text: str, start: int) -> bool:
    """True when `previous` is a year and only a range connector lies between it and `start`."""
    if previous is None or previous.kind != "year":
        return False
    gap = text[previous.end : start].strip()
    # Every joiner is one word: a gap with whitespace inside (often long) is not folded at all.
    return len(gap.split(None, 1)) == 1 and fold(gap) in _RANGE_JOINERS


def _counted_noun_follows(tokens: list[Token], i: int, j: int, value: int) -> bool:
    """Whether the word after the number is a counted noun and nothing before says "year".

    A round hundred (1800, 1900, 2000) is rarely a year with a noun after it and often a count,
    so for it a clear counted noun wins even after في or "the" (`في 1800 مدرسة`, `the 1800
    workers`), and an English noun may take two words (`1900 dock workers`).
    """
    if j >= len(tokens) or tokens[j].kind != "w" or tokens[j].start - tokens[j - 1].end > 1:
        return False
    prev = tokens[i - 1] if i > 0 else None
    word = tokens[j]
    round_hundred = value % 100 == 0
    if is_arabic(word.text):
        if prev is not None and prev.norm in _AR_YEAR_BEFORE:
            return round_hundred and _arabic_feminine_noun(word.norm)
        return _arabic_counted(word.norm)
    if (
        prev is not None
        and prev.norm in _EN_YEAR_BEFORE
        and not (round_hundred and prev.norm == "the")
    ):
        return False
    if _english_counted(word.text, word.norm):
        return True
    return round_hundred and _english_compound(tokens, j)


def _arabic_feminine_noun(word: str) -> bool:
    """An indefinite singular noun in ة (مدرسة، شركة): no verb ends so; a few adverbs do."""
    return word.endswith("ة") and _arabic_counted(word) and word not in _AR_ADVERBS_IN_TA


def _english_compound(tokens: list[Token], j: int) -> bool:
    """`dock workers`: a lower-case word, then a counted plural right after it."""
    if j + 1 >= len(tokens) or tokens[j + 1].kind != "w":
        return False
    first, second = tokens[j], tokens[j + 1]
    if second.start - first.end != 1 or not first.text.islower() or first.norm in EN_STOP:
        return False
    return _english_counted(second.text, second.norm)


def _arabic_counted(word: str) -> bool:
    """An indefinite noun that can follow a number: not a stop word, article, clitic or verb."""
    if len(word) < 2 or word in AR_STOP or word.startswith(_AR_CLITIC_ARTICLES):
        return False
    return not (len(word) >= 4 and word.endswith("ت") and not word.endswith("ات"))


def _english_counted(raw: str, word: str) -> bool:
    """A lower-case plural noun: `troops`, `people`, `nurses` (not `budget`, not `World`)."""
    if not raw[:1].islower() or word in EN_STOP:
        return False
    if word in _EN_PLURALS:
        return True
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3
