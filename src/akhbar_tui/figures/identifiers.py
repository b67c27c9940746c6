"""Numbers that name rather than count: the spec's identifiers and names with digits.

G20, F-16, 2004 YD5; numbers after "No."/رقم (law numbers, shirt numbers, phone numbers);
versions (`الإصدار 2.0`, `iOS 17.4`); product and series names (`Boeing 787`, `بوينغ 737`,
`Formula 1`, `Windows 11`); the Group of 20 (`مجموعة الـ20`); phone-like chains (`1-800-555-0199`)
and digit strings with a leading zero (`0501234567`).
"""

from __future__ import annotations

from akhbar_tui.figures.currencies import ISO_CODES
from akhbar_tui.figures.text import Token, is_arabic, word_set

_CLITIC_BEFORE_DIGITS = frozenset({"و", "ب", "ل", "ف", "ك", "وب", "ول", "ال", "وال", "بال"})
# Words whose next number is a name or a code (folded; Arabic with its usual clitics).
_ID_WORDS = word_set(
    """رقم الرقم برقم بالرقم للرقم ورقم والرقم no nos number # version v الاصدار اصدار
    بالاصدار والاصدار النسخة نسخة بالنسخة طراز الطراز boeing airbus formula windows android
    iphone galaxy playstation بوينغ بوينج ايرباص فورمولا ويندوز اندرويد ايفون"""
)
_GROUP_WORDS = frozenset({"مجموعة", "ومجموعة", "لمجموعة", "بمجموعة", "group"})
_GROUP_LINKS = ("of", "ال")
_MAX_DIGITS = 24


def is_identifier(tokens: list[Token], i: int, text: str) -> bool:
    """Whether the digit token `i` names something (a model, a code, a phone) instead."""
    token = tokens[i]
    if len(token.text) > _MAX_DIGITS:
        return True
    if len(token.text) >= 3 and token.text[0] in "0٠۰" and token.text[1:].isdigit():
        return True
    prev = tokens[i - 1] if i else None
    if prev is None:
        return _in_chain(tokens, i)
    if prev.end == token.start:
        if prev.kind == "w" and prev.norm not in _CLITIC_BEFORE_DIGITS and not is_arabic(prev.text):
            return True
        if (
            prev.text == "-"
            and i >= 2
            and tokens[i - 2].end == prev.start
            and tokens[i - 2].kind == "w"
            and not is_arabic(tokens[i - 2].text)
        ):
            return True
    norm = prev.norm
    if norm.rstrip(".") in _ID_WORDS:
        return True
    if (norm in _GROUP_WORDS or norm in _GROUP_LINKS) and _after_group(tokens, i):
        return True
    if prev.kind == "w" and prev.text.isascii() and _code_like(prev.text):
        return True
    # Most numbers touch no hyphen: `_in_chain` is only walked when one does.
    glued = prev.text == "-" or (i + 1 < len(tokens) and tokens[i + 1].text == "-")
    return glued and _in_chain(tokens, i)


def _code_like(word: str) -> bool:
    """Short all-capitals (not a currency code) or mixed case inside the word (iOS, macOS)."""
    if word.isupper() and word not in ISO_CODES and len(word) <= 5:
        return True
    return any(c.isupper() for c in word[1:]) and not word.isupper()


def _after_group(tokens: list[Token], i: int) -> bool:
    """`Group of 20`, `مجموعة الـ20`, `مجموعة 77`: the number is part of a name."""
    prev = tokens[i - 1].norm
    if prev in _GROUP_WORDS:
        return prev != "group"
    if prev not in _GROUP_LINKS or i < 2:
        return False
    before = tokens[i - 2]
    return before.norm in _GROUP_WORDS and (before.norm != "group" or before.text == "Group")


def _in_chain(tokens: list[Token], i: int) -> bool:
    """Three or more digit groups glued by hyphens (`1-800-555-0199`): a phone or a code."""
    if not (
        (i + 1 < len(tokens) and tokens[i + 1].text == "-") or (i and tokens[i - 1].text == "-")
    ):
        return False
    first = i
    while first >= 2 and _glued_hyphen(tokens, first - 2):
        first -= 2
    last = i
    while last + 2 < len(tokens) and _glued_hyphen(tokens, last):
        last += 2
    return (last - first) // 2 + 1 >= 3


def _glued_hyphen(tokens: list[Token], k: int) -> bool:
    """Tokens k, k+1, k+2 are digits, `-`, digits with nothing between them."""
    left, dash, right = tokens[k], tokens[k + 1], tokens[k + 2]
    return (
        left.kind == "n"
        and dash.text == "-"
        and right.kind == "n"
        and left.end == dash.start
        and dash.end == right.start
    )
