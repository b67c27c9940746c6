"""Shared by the literal scans: find string literals of given shapes in source files."""

from __future__ import annotations

import re
from pathlib import Path

from akhbar_tui.i18n import catalog

SRC = Path(__file__).resolve().parents[1] / "src" / "akhbar_tui"


def variants(entry: object) -> list[str]:
    """The texts of one catalogue entry (one, or one per plural form)."""
    return [entry] if isinstance(entry, str) else list(entry.values())  # type: ignore[attr-defined]


ENGLISH_TEXTS = {
    text.replace("{{", "{").replace("}}", "}")
    for e in catalog("en").values()
    for text in variants(e)
}


def literals(files: list[Path], patterns: list[re.Pattern[str]]) -> set[tuple[str, str]]:
    """(file name, text) of every match of `patterns`' first group in `files`."""
    found = set()
    for path in files:
        source = path.read_text(encoding="utf-8")
        for pattern in patterns:
            for match in pattern.finditer(source):
                found.add((path.name, match.group(1)))
    return found
