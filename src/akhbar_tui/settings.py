"""The `[settings]` table of feeds.toml as a typed, frozen object with its defaults.

Each field's comment is the documentation a user sees in the README's schema table. `config`
validates values against `SETTING_RULES` before building a `Settings`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Settings:
    """Reader-wide settings; every field has a default so an empty table is valid."""

    refresh_minutes: int = 30
    """Refresh in the background when the last refresh is older than this (and this often)."""
    keep_per_feed: int = 500
    """Keep at most this many articles per feed (starred ones always stay)."""
    keep_days: int = 90
    """Drop articles older than this many days (starred ones always stay)."""
    bidi: str = "app"
    """`app`: akhbar shapes and orders Arabic; `terminal`: the terminal does bidi itself."""
    theme: str = "textual-dark"
    """The Textual theme of the reader."""
    language: str = "auto"
    """Interface language: `auto` (from the locale), `ar` or `en`."""
    max_connections: int = 32
    """How many feeds are fetched at once."""
    max_per_host: int = 4
    """How many requests go to one host at once."""
    timeout_seconds: int = 30
    """Total deadline for one feed's fetch."""
    calendar: str = "gregorian"
    """Dates the reader shows: `gregorian`, `hijri` (Umm al-Qura) or `both`."""
    digits: str = "western"
    """Digits of the numbers akhbar prints: `western` (0-9) or `arabic-indic` (٠-٩)."""


# name → (type, allowed values or None, minimum or None)
SETTING_RULES: dict[str, tuple[type, tuple[Any, ...] | None, int | None]] = {
    "refresh_minutes": (int, None, 0),
    "keep_per_feed": (int, None, 1),
    "keep_days": (int, None, 1),
    "bidi": (str, ("app", "terminal"), None),
    "theme": (str, None, None),
    "language": (str, ("auto", "ar", "en"), None),
    "max_connections": (int, None, 1),
    "max_per_host": (int, None, 1),
    "timeout_seconds": (int, None, 1),
    "calendar": (str, ("gregorian", "hijri", "both"), None),
    "digits": (str, ("western", "arabic-indic"), None),
}
