"""The message catalogues: same ids and placeholders in both, every form present, safe filling.

The scans of the source at the end fail when a label, notification or help text is added to the
reader or the CLI without an English catalogue entry (and so, by the parity test, an Arabic one).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from akhbar_tui.i18n import catalog, message, placeholders, resolve_language
from akhbar_tui.i18n.plural import CATEGORIES

SRC = Path(__file__).resolve().parents[2] / "src" / "akhbar_tui"
EN = catalog("en")
AR = catalog("ar")


def variants(entry: object) -> list[str]:
    return [entry] if isinstance(entry, str) else list(entry.values())  # type: ignore[attr-defined]


def all_placeholders(entry: object) -> set[str]:
    return set().union(*(placeholders(text) for text in variants(entry)))


def test_both_catalogues_have_the_same_ids() -> None:
    assert sorted(set(EN) - set(AR)) == [], "ids missing from ar.py"
    assert sorted(set(AR) - set(EN)) == [], "ids missing from en.py"


@pytest.mark.parametrize("msg_id", sorted(EN))
def test_placeholders_agree(msg_id: str) -> None:
    assert all_placeholders(EN[msg_id]) == all_placeholders(AR[msg_id])
    for language, entry in (("en", EN[msg_id]), ("ar", AR[msg_id])):
        needed = all_placeholders(entry) - {"count"}
        for text in variants(entry):
            # Arabic says "one" and "two" with the noun alone, so only {count} may be left out.
            assert placeholders(text) - {"count"} == needed, (language, text)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_plural_messages_have_every_form_of_their_language(language: str) -> None:
    for msg_id, entry in catalog(language).items():
        if not isinstance(entry, str):
            assert tuple(entry) == CATEGORIES[language], msg_id
    plural_ids = {k for k, v in EN.items() if not isinstance(v, str)}
    assert plural_ids == {k for k, v in AR.items() if not isinstance(v, str)}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_message_formats(language: str) -> None:
    for msg_id, entry in catalog(language).items():
        params = {name: f"<{name}>" for name in all_placeholders(entry) - {"count"}}
        counts = (None,) if isinstance(entry, str) else (0, 1, 2, 3, 11, 100)
        for count in counts:
            text = message(language, msg_id, count=count, **params)
            assert text.strip() and not re.search(r"\{\w*\}", text), (msg_id, text)
            assert all(p in text for p in params.values()), (msg_id, text)


def test_arabic_entries_are_arabic() -> None:
    """Every Arabic entry has Arabic words, except the program name and TOML's true/false."""
    arabic = re.compile("[\u0600-\u06ff]")
    untranslated = {k for k, v in AR.items() if any(not arabic.search(t) for t in variants(v))}
    # Layouts made only of placeholders and punctuation have no words to translate.
    layout_only = {
        k
        for k in untranslated
        if all(not re.search(r"[A-Za-z]", re.sub(r"\{\w+\}", "", t)) for t in variants(AR[k]))
    }
    assert untranslated - layout_only == {"cli.error", "config.describe.bool"}


def test_filling_keeps_strings_and_localizes_numbers() -> None:
    text = message(
        "ar",
        "cli.feeds.added",
        digits="arabic-indic",
        title="قناة 24 {x}",
        url="https://example.com/1.xml",
    )
    assert text == "أُضيف قناة 24 {x} (https://example.com/1.xml)"
    assert message("ar", "ui.status.refreshing", digits="arabic-indic", done=3, total=12) == (
        "جارٍ التحديث ٣/١٢"
    )
    assert message("en", "ui.notify.marked_read", count=1) == "Marked 1 article read."
    assert message("ar", "ui.notify.marked_read", count=2) == "عُلِّم مقالان مقروءَين."
    assert message("ar", "ui.notify.marked_read", count=1003) == "عُلِّمت 1,003 مقالات مقروءة."


def test_programming_errors_raise() -> None:
    with pytest.raises(KeyError):
        message("en", "no.such.id")
    with pytest.raises(KeyError):
        message("en", "ui.notify.marked_read")  # plural without count
    with pytest.raises(KeyError):
        message("en", "cli.feeds.added", title="x")  # url missing
    with pytest.raises(ValueError):
        catalog("fr")


@pytest.mark.parametrize(
    ("setting", "environ", "language"),
    [
        ("ar", {"LANG": "en_US.UTF-8"}, "ar"),
        ("en", {"LANG": "ar_SA.UTF-8"}, "en"),
        ("auto", {"LANG": "ar_SA.UTF-8"}, "ar"),
        ("auto", {"LANG": "ar"}, "ar"),
        ("auto", {"LANG": "en_GB.UTF-8"}, "en"),
        ("auto", {"LANGUAGE": "ar:en", "LANG": "en_US.UTF-8"}, "ar"),
        ("auto", {"LANGUAGE": "en", "LANG": "ar_EG.UTF-8"}, "en"),
        ("auto", {"LANGUAGE": "", "LC_ALL": "ar_LB.UTF-8", "LANG": "en_US"}, "ar"),
        ("auto", {"LC_ALL": "C", "LANG": "ar_EG.UTF-8"}, "en"),
        ("auto", {"LC_MESSAGES": "ar_MA", "LANG": "fr_FR"}, "ar"),
        ("auto", {"LANG": "fr_FR.UTF-8"}, "en"),
        ("auto", {"LANG": "POSIX"}, "en"),
        ("auto", {}, "en"),
    ],
)
def test_language_from_setting_and_locale(
    setting: str, environ: dict[str, str], language: str
) -> None:
    assert resolve_language(setting, environ) == language


def test_importing_i18n_stays_light() -> None:
    probe = (
        "import sys, akhbar_tui.i18n\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('hijridate', 'textual', 'rich', 'akhbar_tui') and not m.startswith('akhbar_tui.i18n')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert eval(out) == ["akhbar_tui", "akhbar_tui.settings"]
