"""Folding, offset maps and proclitic stems of `akhbar_tui.arabic`, with real Arabic words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from akhbar_tui.arabic import (
    _tables,
    fold,
    fold_with_map,
    forms,
    prefix_forms,
    stem,
    tokens,
    unfold_offset,
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("مِلْيَارٌ", "مليار"),  # harakat
        ("اقتصـــاد", "اقتصاد"),  # tatweel
        ("مُحَمَّدٌ", "محمد"),  # shadda with harakat
        ("أحمد", "احمد"),  # hamza above
        ("إسرائيل", "اسرائيل"),  # hamza below
        ("آلاف", "الاف"),  # madda
        ("ٱلكتاب", "الكتاب"),  # wasla
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("مدرسة", "مدرسه"),  # taa marbuta
        ("کتاب", "كتاب"),  # Persian kaf
        ("ایران", "ايران"),  # Persian yeh
        ("٢٠٢٤", "2024"),  # Arabic-Indic digits
        ("۱۴۰۳", "1403"),  # Persian digits
        ("Reuters", "reuters"),  # Latin case
        ("STRASSE Straße", "strasse strasse"),  # full case folding
        ("Café", "cafe"),  # Latin accents
        ("ﻻ", "لا"),  # presentation-form ligature
        ("ب\u200cرنامج", "برنامج"),  # zero-width non-joiner inside a word
    ],
)
def test_fold_rules(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_with_map_points_back_at_the_words_as_written() -> None:
    text = "قالَ الوزيرُ إنّ ﻻ شيءَ في Straße ٢٠٢٤"
    folded, mapping = fold_with_map(text)
    assert folded == fold(text)
    spans = [mapping.span(m.start(), m.end()) for m in tokens(folded)]
    assert [text[s:e] for s, e in spans] == [
        "قالَ",
        "الوزيرُ",
        "إنّ",
        "ﻻ",
        "شيءَ",
        "في",
        "Straße",
        "٢٠٢٤",
    ]


@given(st.text(alphabet=st.sampled_from("اأإآبتةىيکیـَُِّْ٠١٢ßİﻻAbc \u200c-.")))
def test_fold_with_map_agrees_with_fold_and_each_word_folds_back(text: str) -> None:
    folded, mapping = fold_with_map(text)
    assert folded == fold(text)
    for match in tokens(folded):
        start, end = mapping.span(match.start(), match.end())
        assert match.group() in fold(text[start:end])


@pytest.mark.parametrize(
    ("written", "query"),
    [
        ("وماسك", "ماسك"),
        ("لماسك", "ماسك"),
        ("بماسك", "ماسك"),
        ("فماسك", "ماسك"),
        ("كماسك", "ماسك"),
        ("المليار", "مليار"),
        ("بالمليار", "مليار"),
        ("وبالمليار", "مليار"),
        ("فالمليار", "مليار"),
        ("كالمليار", "مليار"),
        ("للمليار", "مليار"),
        ("وللمليار", "مليار"),
        ("الوزير", "وزير"),
        ("للوزير", "وزير"),
        ("والوزير", "وزير"),
        ("ولبنان", "لبنان"),
        ("للبنان", "لبنان"),
        ("بلبنان", "لبنان"),
        ("لليبيا", "ليبيا"),
        ("للعب", "لعب"),  # ل + اللعب: one lam is not written
        ("للغة", "لغة"),
        ("للجنة", "لجنة"),
        ("للاعب", "لاعب"),
        ("وقال", "قال"),
        ("فقال", "قال"),
        ("وبيروت", "بيروت"),
        ("ببيروت", "بيروت"),
        ("الأسعار", "أسعار"),
        ("وبالأسعار", "اسعار"),
        ("لله", "الله"),
        ("والاقتصاد", "اقتصاد"),
        ("وبمليار", "مليار"),
    ],
)
def test_proclitics_are_stripped(written: str, query: str) -> None:
    assert stem(fold(written)) == stem(fold(query))
    assert fold(written) in forms(fold(query))


@pytest.mark.parametrize(
    ("written", "query"),
    [
        ("وزير", "زير"),
        ("وزارة", "زارة"),
        ("وجود", "جود"),
        ("واحد", "أحد"),
        ("وسائل", "سائل"),
        ("وفاة", "فاه"),
        ("فساد", "ساد"),
        ("فكرة", "كره"),
        ("فريق", "ريق"),
        ("فترة", "ترة"),
        ("فقط", "قط"),
        ("لبنان", "بنان"),
        ("لجنة", "جنة"),
        ("لحظة", "حظه"),
        ("لماذا", "ماذا"),
        ("لعب", "عب"),
        ("ملعب", "لعب"),
        ("تلاعب", "لعب"),
        ("لعبة", "لعب"),
        ("بطاقة", "طاقة"),
        ("بطولة", "طولة"),
        ("بداية", "داية"),
        ("كتاب", "تاب"),
        ("كامل", "أمل"),
        ("كمال", "مال"),
        ("كانت", "أنت"),
        ("كبير", "بير"),
        ("كلام", "لام"),
        ("ألمانيا", "مانيا"),
        ("الآن", "أن"),
        ("الله", "له"),
        ("إلهي", "هي"),
        ("ألفي", "في"),
        ("آلاف", "أف"),
        ("بالغ", "غ"),
        ("والد", "د"),
        ("وطن", "طن"),
        ("ولد", "لد"),
        ("مليارات", "مليار"),
    ],
)
def test_near_misses_stay_apart(written: str, query: str) -> None:
    assert stem(fold(written)) != stem(fold(query))
    assert fold(written) not in forms(fold(query))


@pytest.mark.parametrize("word", ["reuters", "2024", "مليار", "ماسك", "اقتصاد", "", "و", "ال"])
def test_words_without_proclitics_are_their_own_stem(word: str) -> None:
    assert stem(word) == word


@pytest.mark.parametrize(
    ("written", "prefix"),
    [("الاقتصاد", "اقتص"), ("وبالاقتصادية", "اقتص"), ("اقتصادي", "اقتص"), ("للمليارات", "مليار")],
)
def test_prefix_forms_reach_words_behind_proclitics(written: str, prefix: str) -> None:
    assert any(fold(written).startswith(form) for form in prefix_forms(fold(prefix)))


@pytest.mark.parametrize(("written", "prefix"), [("وزيره", "زير"), ("لبنانيه", "بنان")])
def test_prefix_forms_keep_near_misses_out(written: str, prefix: str) -> None:
    assert not any(fold(written).startswith(form) for form in prefix_forms(prefix))


def test_latin_words_and_numbers_have_no_proclitic_forms() -> None:
    assert forms("musk") == ("musk",)
    assert forms("2024") == ("2024",)


def test_forms_are_the_words_whose_stem_is_the_stem() -> None:
    for word in ["مليار", "وزير", "لعب", "لبنان", "ماسك", "اقتصاد", "الله"]:
        for form in forms(word):
            assert stem(form) == stem(word)


@given(st.text(alphabet=st.sampled_from("اأإآىةکیـًٌَّ٠۹ßİﻻAÉé \u200c\u0301")) | st.text())
def test_fast_fold_agrees_with_the_per_character_table(text: str) -> None:
    assert fold(text) == text.translate(_tables().table)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("«ماسك»،", " ماسك  "),  # Arabic quotes and comma: word breaks, one space each
        ("مليار؛ ٣٫٥", "مليار  3 5"),  # semicolon, Arabic decimal separator
        ("a\u00a0b", "a b"),  # no-break space
        ("x😀y", "x y"),  # a symbol outside the BMP
        ("Hello, world.", "hello, world."),  # ASCII punctuation stays (FTS5 splits on it)
    ],
)
def test_non_letters_fold_to_spaces_of_the_same_length(text: str, folded: str) -> None:
    assert fold(text) == folded
    # What FTS5's ascii tokenizer needs: every non-ASCII character left is a letter or digit.
    assert all(char.isascii() or char.isalnum() for char in fold(text))


def test_each_character_folds_like_its_case_fold_folded_letter_by_letter() -> None:
    for code in range(0x10000):
        char = chr(code)
        if 0xD800 <= code < 0xE000:
            continue
        assert fold(char) == "".join(fold(piece) for piece in char.casefold()), hex(code)
        assert fold(fold(char)) == fold(char), hex(code)


@given(st.text(alphabet=st.sampled_from("اأبةـَُّ٠ßİﻻAé ،\u200c-")))
def test_unfold_offset_agrees_with_the_fold_map(text: str) -> None:
    folded, mapping = fold_with_map(text)
    for position in range(len(folded) + 1):
        assert unfold_offset(text, position) == mapping.start(position)
