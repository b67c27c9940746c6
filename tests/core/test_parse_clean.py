"""clean_text: what a hostile feed may not smuggle into a terminal, and what it must keep."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from akhbar_tui.parse import clean_text

FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]")


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("\x1b[31mred\x1b[0m", "red"),
        ("\x1b[1;38;2;255;0;0mtrue colour\x1b[m", "true colour"),
        ("a\x1b]0;window title\x07b", "ab"),
        ("\x1b]8;;file:///etc/passwd\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("\x1b]52;c;ZXZpbA==\x07clip", "clip"),
        ("\x1bP1$qm\x1b\\device", "device"),
        ("\x1b_apc payload\x1b\\x", "x"),
        ("\x9b31mC1 CSI\x9b0m", "C1 CSI"),
        ("\x9d0;c1 osc\x9cafter", "after"),
        ("\x1b7saved\x1b8", "saved"),
        ("\x1b(Bcharset", "charset"),
        ("bell\x07 back\x08space del\x7f", "bell backspace del"),
        ("unterminated \x1b]0;title\nnext line", "unterminated \nnext line"),
        ("trailing ESC\x1b", "trailing ESC"),
        ("crlf\r\nand cr\rend", "crlf\nand cr\nend"),
        ("invoice\u202efdp.exe\u202c", "invoicefdp.exe"),
        ("\u202aembed\u202b \u202doverride", "embed override"),
    ],
)
def test_escape_sequences_and_controls_are_removed_whole(dirty: str, clean: str) -> None:
    assert clean_text(dirty) == clean


@pytest.mark.parametrize(
    "kept",
    [
        "line one\nline two\ttabbed",
        "\u200fمرحبا\u200e mark \u061c alm",
        "\u2066isolate\u2069 \u2067عربي\u2069 \u2068first strong\u2069",
        "[red]x[/red] [link=file:///etc/passwd]click[/link] [@click=app.quit]q[/]",
        "Résumé — «quotes» ١٢٣ 😀 \u00a0nbsp",
    ],
)
def test_legitimate_text_is_kept_verbatim(kept: str) -> None:
    assert clean_text(kept) == kept


@given(st.text())
def test_nothing_dangerous_survives_and_cleaning_is_idempotent(text: str) -> None:
    cleaned = clean_text(text)
    assert not FORBIDDEN.search(cleaned)
    assert clean_text(cleaned) == cleaned


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"))))
def test_text_without_controls_is_untouched_except_overrides(text: str) -> None:
    expected = re.sub(r"[\u202a-\u202e]", "", text)
    assert clean_text(text) == expected
