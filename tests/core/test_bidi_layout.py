"""`bidi_layout`: exact visual rows for the cases issue 4 lists, truncation, modes, prepare/resize.

Expected strings are what a reader must see, left to right: Arabic in presentation forms,
reversed; Latin words, numbers and URLs left to right inside it; brackets mirrored. They were
checked against GNU FriBidi 1.0.8 (`fribidi --nobreak`, same line breaks).
"""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from akhbar_tui.bidi_layout import (
    EXPLICIT_MODE,
    IMPLICIT_MODE,
    enter_sequence,
    exit_sequence,
    layout,
    prepare,
    tmux_passthrough,
    truncate,
)

# (case, text, width, options, visual rows left to right)
CASES = [
    ("pure Arabic", "مرحبا بالعالم", 80, {}, ["ﻢﻟﺎﻌﻟﺎﺑ ﺎﺒﺣﺮﻣ"]),
    ("English word", "شركة Google الأمريكية", 80, {}, ["ﺔﻴﻜﻳﺮﻣﻷﺍ Google ﺔﻛﺮﺷ"]),
    ("Western digits", "في عام 2023 نما الاقتصاد", 80, {}, ["ﺩﺎﺼﺘﻗﻻﺍ ﺎﻤﻧ 2023 ﻡﺎﻋ ﻲﻓ"]),
    ("Arabic-Indic digits", "ارتفع المؤشر ١٢٬٥٠٠ نقطة", 80, {}, ["ﺔﻄﻘﻧ ١٢٬٥٠٠ ﺮﺷﺆﻤﻟﺍ ﻊﻔﺗﺭﺍ"]),
    ("percentages", "نمو بنسبة 45% و٪٤٥ سنويا", 80, {}, ["ﺎﻳﻮﻨﺳ ٤٥٪ﻭ %45 ﺔﺒﺴﻨﺑ ﻮﻤﻧ"]),
    (
        "money",
        "الصفقة بقيمة $33 مليار و12.5 مليون €",
        80,
        {},
        ["€ ﻥﻮﻴﻠﻣ 12.5ﻭ ﺭﺎﻴﻠﻣ 33$ ﺔﻤﻴﻘﺑ ﺔﻘﻔﺼﻟﺍ"],
    ),
    (
        "nested brackets and quotes",
        "قال: (الصفقة [التي أعلنت «أمس»] تاريخية)",
        80,
        {},
        ["(ﺔﻴﺨﻳﺭﺎﺗ [«ﺲﻣﺃ» ﺖﻨﻠﻋﺃ ﻲﺘﻟﺍ] ﺔﻘﻔﺼﻟﺍ) :ﻝﺎﻗ"],
    ),
    (
        "brackets open on one row and close on the next",
        "أعلنت الشركة (سابقا Twitter) اليوم",
        14,
        {},
        ["ﺔﻛﺮﺸﻟﺍ ﺖﻨﻠﻋﺃ", "ﺎﻘﺑﺎﺳ)", "ﻡﻮﻴﻟﺍ (Twitter"],
    ),
    (
        "quotes across a break",
        "قال «إن الصفقة تاريخية» أمس",
        12,
        {},
        ["ﻥﺇ» ﻝﺎﻗ", "ﺔﻘﻔﺼﻟﺍ", "ﺲﻣﺃ «ﺔﻴﺨﻳﺭﺎﺗ"],
    ),
    (
        "URL",
        "راجع https://example.com/news?id=42 الآن",
        80,
        {},
        ["ﻥﻵﺍ https://example.com/news?id=42 ﻊﺟﺍﺭ"],
    ),
    ("harakat removed", "قَالَ المُتَحَدِّث", 80, {}, ["ﺙﺪﺤﺘﻤﻟﺍ ﻝﺎﻗ"]),
    (
        "harakat kept after their base",
        "قَالَ المُتَحَدِّث",
        80,
        {"keep_harakat": True},
        ["ﺙﺪِّﺤَﺘَﻤُﻟﺍ ﻝَﺎﻗَ"],
    ),
    ("lam-alef ligatures", "لا الإسلام", 80, {}, ["ﻡﻼﺳﻹﺍ ﻻ"]),
    ("no Allah ligature", "عبدالله والله", 80, {}, ["ﻪﻠﻟﺍﻭ ﻪﻠﻟﺍﺪﺒﻋ"]),
    (
        "ZWJ emoji sequence intact",
        "عائلة 👨\u200d👩\u200d👧 سعيدة",
        80,
        {},
        ["ﺓﺪﻴﻌﺳ 👨\u200d👩\u200d👧 ﺔﻠﺋﺎﻋ"],
    ),
    ("Hebrew", "שלום עולם", 80, {}, ["םלוע םולש"]),
    (
        "English paragraph with Arabic inside",
        "The platform «إكس» grew 5%",
        80,
        {},
        ["The platform «ﺲﻛﺇ» grew 5%"],
    ),
    (
        "word longer than the width",
        "كلمة abcdefghijkl نهاية",
        5,
        {},
        ["ﺔﻤﻠﻛ", "abcde", "fghij", "kl", "ﺔﻳﺎﻬﻧ"],
    ),
    ("width 1", "ab لا", 1, {}, ["a", "b", "ﻻ"]),
    ("width 2", "من هو", 2, {}, ["ﻦﻣ", "ﻮﻫ"]),
    ("width 3", "في عام", 3, {}, ["ﻲﻓ", "ﻡﺎﻋ"]),
    ("width 4", "abc de f", 4, {}, ["abc", "de f"]),
    ("width 5", "على 12 نحو", 5, {}, ["ﻰﻠﻋ", "12", "ﻮﺤﻧ"]),
    ("width 6", "على 12 نحو", 6, {}, ["12 ﻰﻠﻋ", "ﻮﺤﻧ"]),
    ("emoji wider than width 1", "😀a", 1, {}, ["😀", "a"]),
    ("empty text", "", 10, {}, []),
    ("whitespace-only text", "   \t ", 10, {}, [""]),
    ("blank line between paragraphs", "abc\n\nمن", 10, {}, ["abc", "", "ﻦﻣ"]),
    ("forced RTL", "abc 12", 10, {"direction": "rtl"}, ["abc 12"]),
    ("no strong character, RTL fallback", "(12)", 10, {"fallback": "rtl"}, ["(12)"]),
    ("no strong character, LTR fallback", "1 - (2)", 10, {}, ["1 - (2)"]),
]


@pytest.mark.parametrize(
    ("text", "width", "options", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_visual_rows(text: str, width: int, options: dict, expected: list[str]) -> None:
    rows = layout(text, width, **options)
    assert [row.visual for row in rows] == expected
    for row in rows:
        assert row.cells == cell_len(row.visual)
        assert row.logical == text[row.start : row.end]


def test_first_words_of_an_arabic_paragraph_are_on_the_right_of_the_first_row() -> None:
    text = "في خطوة قد تعيد رسم ملامح مستقبل الذكاء الاصطناعي ومنصات التواصل الاجتماعي"
    rows = layout(text, 30)
    assert len(rows) >= 3
    assert rows[0].rtl
    assert rows[0].visual.endswith("ﺓﻮﻄﺧ ﻲﻓ")
    assert rows[-1].visual.startswith("ﻲﻋﺎﻤﺘﺟﻻﺍ")
    assert " ".join(row.logical for row in rows) == text


def test_direction_is_per_paragraph_and_can_be_forced() -> None:
    rows = layout("Hello عالم\nعالم hello", 40)
    assert [row.rtl for row in rows] == [False, True]
    assert [row.rtl for row in layout("Hello عالم\nعالم hello", 40, direction="ltr")] == [
        False,
        False,
    ]
    assert layout("Hello عالم", 40, direction="rtl")[0].visual == "ﻢﻟﺎﻋ Hello"
    assert layout("123", 10, fallback="rtl")[0].rtl


def test_line_breaks_never_reach_the_bidi_rules() -> None:
    rows = layout("مرحبا hello\r\nworld عالم\u2029سطر ثالث", 40)
    assert [row.visual for row in rows] == ["hello ﺎﺒﺣﺮﻣ", "world ﻢﻟﺎﻋ", "ﺚﻟﺎﺛ ﺮﻄﺳ"]
    assert [row.paragraph for row in rows] == [0, 1, 2]


def test_control_characters_and_overrides_never_reach_the_terminal() -> None:
    rows = layout("red \x1b[31m x\u202eab\tc", 80)
    visual = rows[0].visual
    assert "\x1b" not in visual and "\u202e" not in visual and "\t" not in visual
    assert "␛[31m" in visual


def test_terminal_mode_keeps_text_logical_and_unshaped_with_the_same_breaks() -> None:
    text = "أعلنت الشركة (Twitter سابقا) اليوم"
    app = layout(text, 14)
    terminal = layout(text, 14, mode="terminal")
    assert [row.logical for row in terminal] == [row.logical for row in app]
    assert [row.visual for row in terminal] == [row.logical for row in app]
    assert all(row.rtl for row in terminal)


def test_mode_escape_sequences() -> None:
    assert EXPLICIT_MODE == "\x1b[8l" and IMPLICIT_MODE == "\x1b[8h"
    assert enter_sequence("app") == "\x1b[8l"
    assert enter_sequence("terminal") == "\x1b[8h"
    assert exit_sequence("app") == exit_sequence("terminal") == "\x1b[8h"
    assert tmux_passthrough("\x1b[8l") == "\x1bPtmux;\x1b\x1b[8l\x1b\\"
    with pytest.raises(ValueError, match="mode"):
        layout("x", 10, mode="off")


@pytest.mark.parametrize(
    ("text", "width", "visual", "logical"),
    [
        ("في خطوة قد تعيد رسم ملامح", 12, "…ﺪﻗ ﺓﻮﻄﺧ ﻲﻓ", "في خطوة قد"),
        ("Hello wide world", 10, "Hello wid…", "Hello wid"),
        ("شركة Google الأمريكية", 12, "…Google ﺔﻛﺮﺷ", "شركة Google"),
        ("شركة Google الأمريكية", 9, "…Goo ﺔﻛﺮﺷ", "شركة Goo"),
        ("مرحبا", 1, "…", ""),
        ("short", 10, "short", "short"),
        ("عنوان\nثان", 20, "ﻥﺎﺛ ﻥﺍﻮﻨﻋ", "عنوان\nثان"),
        ("", 5, "", ""),
    ],
)
def test_truncate_cuts_in_logical_order_with_the_ellipsis_at_the_logical_end(
    text: str, width: int, visual: str, logical: str
) -> None:
    row = truncate(text, width)
    assert row.visual == visual
    assert row.logical == logical
    assert row.cells <= width


def test_truncate_shapes_the_cut_word_as_a_word_end() -> None:
    row = truncate("مرحبا بالعالم", 9)
    assert row.visual == "…ﺎﺑ ﺎﺒﺣﺮﻣ"  # ﺎﺑ: the cut "با" ends in a final alef
    assert row.column_of(row.end) == 0  # the ellipsis stands for what was cut


def test_prepared_lines_are_the_same_in_pieces_and_at_once() -> None:
    text = "\n".join(
        f"الفقرة رقم {n} فيها (نص طويل [ممتد «عبر» الأسطر]) وأرقام {n * 7}%" for n in range(30)
    )
    whole = layout(text, 23)
    prepared = prepare(text)
    assert prepared.lines(23, 0, 10) == whole[:10]
    assert prepared.lines(23, 10, 25) == whole[10:25]
    assert prepared.line_count(23) == len(whole)
    assert layout(text, 23, max_lines=7) == whole[:7]
    assert layout(text, 40) == prepare(text).lines(40)
    assert [r.visual for r in layout(text, 23)] == [r.visual for r in whole]
