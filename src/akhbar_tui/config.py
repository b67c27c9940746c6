"""feeds.toml: read it into a validated `Config`, and change it without losing the user's hand.

Reading uses the standard library's `tomllib` (fast, strict). Every mistake becomes a
`ConfigError` that names the file, the line (found by `config_locate`), the key, what is wrong
and how to fix it. Writing goes through `config_write` (tomlkit, atomic) so comments, order and
formatting survive.
"""

from __future__ import annotations

import shutil
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from akhbar_tui.config_locate import locate
from akhbar_tui.errors import ConfigError
from akhbar_tui.models import FeedSpec
from akhbar_tui.phrase import Phrase
from akhbar_tui.settings import SETTING_RULES, Settings

__all__ = [
    "Config",
    "default_feeds_text",
    "ensure_user_config",
    "load_config",
]

FEED_KEYS: dict[str, type | tuple[type, ...]] = {
    "url": str,
    "title": str,
    "category": str,
    "tags": list,
    "lang": str,
    "direction": str,
    "country": str,
    "enabled": bool,
    "full_text": bool,
}
DIRECTIONS = ("auto", "rtl", "ltr")
TOP_LEVEL = ("settings", "feeds", "keys")


# The writers live in `config_write` (tomlkit); they are re-exported here but imported only when
# first used, so reading the configuration at start-up does not pay for tomlkit.
_WRITERS = ("add_feed", "add_feeds", "remove_feed", "set_setting")


def __getattr__(name: str) -> Any:
    """Lazily re-export the writers of `config_write` (PEP 562)."""
    if name in _WRITERS:
        from akhbar_tui import config_write

        return getattr(config_write, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True, slots=True)
class Config:
    """A validated feeds.toml: settings, every feed (disabled ones too) and key bindings."""

    path: Path
    settings: Settings
    feeds: tuple[FeedSpec, ...]
    keys: dict[str, str]
    warnings: tuple[Phrase, ...] = ()

    @property
    def enabled_feeds(self) -> tuple[FeedSpec, ...]:
        """The feeds a refresh fetches."""
        return tuple(f for f in self.feeds if f.enabled)


def default_feeds_text() -> str:
    """The feeds.toml shipped inside the package (the repository's root file)."""
    return resources.files("akhbar_tui").joinpath("data/feeds.toml").read_text("utf-8")


def ensure_user_config(path: Path) -> Path:
    """Copy the default feed list to `path` on first run, so the user has a file to edit."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(default_feeds_text(), encoding="utf-8")
        shutil.move(tmp, path)
    return path


def load_config(path: Path) -> Config:
    """Read and validate feeds.toml; a user mistake raises `ConfigError` with file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            Phrase("config.file_not_found"),
            file=str(path),
            hint=Phrase("config.file_not_found.hint"),
        ) from None
    except UnicodeDecodeError as error:
        raise ConfigError(
            Phrase("config.not_utf8", reason=error.reason, byte=error.start),
            file=str(path),
            hint=Phrase("config.not_utf8.hint"),
        ) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise ConfigError(Phrase("config.cannot_read", reason=reason), file=str(path)) from None
    return parse_config(text, path)


def parse_config(text: str, path: Path) -> Config:
    """Validate the TOML text of `path`; split from `load_config` so tests can feed strings."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, column = _toml_error_position(error)
        raise ConfigError(
            Phrase("config.bad_toml", reason=str(error).split(" (at line")[0]),
            file=str(path),
            line=line,
            column=column,
            hint=Phrase("config.bad_toml.hint"),
        ) from None
    checker = _Checker(text, path)
    for key in data:
        if key not in TOP_LEVEL:
            checker.warn(Phrase("config.unknown_top_level", key=key), section=None, key=key)
    settings = checker.settings(data.get("settings", {}))
    feeds = checker.feeds(data.get("feeds", []))
    keys = checker.keys(data.get("keys", {}))
    return Config(path, settings, feeds, keys, tuple(checker.warnings))


def _toml_error_position(error: tomllib.TOMLDecodeError) -> tuple[int | None, int | None]:
    """tomllib puts `(at line L, column C)` in its message; pull the numbers out."""
    message = str(error)
    marker = "(at line "
    if marker not in message:
        return None, None
    tail = message.rsplit(marker, 1)[1].rstrip(")")
    line_part, _, column_part = tail.partition(", column ")
    try:
        return int(line_part), int(column_part) if column_part else None
    except ValueError:
        return None, None


class _Checker:
    """Validates the parsed tables, collecting warnings and raising the first error."""

    def __init__(self, text: str, path: Path) -> None:
        self.text = text
        self.path = path
        self.warnings: list[Phrase] = []

    def error(
        self,
        message: Phrase,
        *,
        section: str | tuple[str, int] | None,
        key: str | None,
        hint: Phrase | None = None,
    ) -> ConfigError:
        """A ConfigError located at `key` inside `section` (a table name or (array, index))."""
        line = locate(self.text, section, key)
        return ConfigError(message, file=str(self.path), line=line, key=key, hint=hint)

    def warn(self, message: Phrase, *, section: str | tuple[str, int] | None, key: str) -> None:
        """Record a warning naming the file and line; the CLI prints them on stderr."""
        line = locate(self.text, section, key)
        where = f"{self.path}:{line}" if line else str(self.path)
        self.warnings.append(Phrase("config.warning_at", where=where, message=message))

    def settings(self, table: Any) -> Settings:
        """Check `[settings]` against SETTING_RULES and build a Settings."""
        if not isinstance(table, dict):
            raise self.error(
                Phrase("config.must_be_table"),
                section=None,
                key="settings",
                hint=Phrase("config.settings.hint"),
            )
        values: dict[str, Any] = {}
        for key, value in table.items():
            rule = SETTING_RULES.get(key)
            if rule is None:
                self.warn(
                    Phrase("config.unknown_setting_ignored", key=key), section="settings", key=key
                )
                continue
            kind, allowed, minimum = rule
            if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
                raise self.error(
                    Phrase("config.must_be_whole_number", value=_describe(value)),
                    section="settings",
                    key=key,
                    hint=Phrase("config.whole_number.hint", key=key),
                )
            if kind is str and not isinstance(value, str):
                raise self.error(
                    Phrase("config.must_be_string", value=_describe(value)),
                    section="settings",
                    key=key,
                    hint=Phrase("config.string.hint"),
                )
            if allowed is not None and value not in allowed:
                choices = ", ".join(f'"{a}"' for a in allowed)
                raise self.error(
                    Phrase("config.must_be_one_of", choices=choices, value=repr(value)),
                    section="settings",
                    key=key,
                )
            if minimum is not None and value < minimum:
                raise self.error(
                    Phrase("config.must_be_at_least", minimum=minimum, value=value),
                    section="settings",
                    key=key,
                )
            values[key] = value
        return Settings(**values)

    def feeds(self, array: Any) -> tuple[FeedSpec, ...]:
        """Check every `[[feeds]]` entry: a unique http(s) url and well-typed keys."""
        if not isinstance(array, list):
            raise self.error(
                Phrase("config.must_be_array_of_tables"),
                section=None,
                key="feeds",
                hint=Phrase("config.feeds.hint"),
            )
        specs: list[FeedSpec] = []
        seen: dict[str, int] = {}
        for index, entry in enumerate(array):
            section = ("feeds", index)
            if not isinstance(entry, dict):
                raise self.error(Phrase("config.feed_must_be_table"), section=None, key="feeds")
            spec = self.feed(entry, section, index)
            if spec.url in seen:
                raise self.error(
                    Phrase("config.duplicate_url", index=index + 1, first=seen[spec.url] + 1),
                    section=section,
                    key="url",
                    hint=Phrase("config.duplicate_url.hint"),
                )
            seen[spec.url] = index
            specs.append(spec)
        return tuple(specs)

    def feed(self, entry: dict[str, Any], section: tuple[str, int], index: int) -> FeedSpec:
        """Build one FeedSpec, raising on the first wrong key."""
        for key, value in entry.items():
            expected = FEED_KEYS.get(key)
            if expected is None:
                self.warn(Phrase("config.unknown_feed_key", key=key), section=section, key=key)
            elif not isinstance(value, expected) or (
                expected is not bool and isinstance(value, bool)
            ):
                raise self.error(
                    Phrase(
                        "config.feed_key_type",
                        expected=_type_name(expected),
                        value=_describe(value),
                    ),
                    section=section,
                    key=key,
                )
        url = entry.get("url")
        if url is None:
            raise self.error(
                Phrase("config.feed_without_url", index=index + 1),
                section=section,
                key=None,
                hint=Phrase("config.feed_without_url.hint"),
            )
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise self.error(Phrase("config.url_scheme", url=repr(url)), section=section, key="url")
        tags = entry.get("tags", [])
        if not all(isinstance(t, str) for t in tags):
            raise self.error(Phrase("config.tags_list"), section=section, key="tags")
        direction = entry.get("direction", "auto")
        if direction not in DIRECTIONS:
            raise self.error(
                Phrase("config.direction", value=repr(direction)),
                section=section,
                key="direction",
            )
        country = entry.get("country")
        if country is not None and not (
            len(country) == 2 and country.isascii() and country.isalpha()
        ):
            raise self.error(
                Phrase("config.country", value=repr(country)),
                section=section,
                key="country",
            )
        return FeedSpec(
            url=url.strip(),
            title=entry.get("title"),
            category=entry.get("category"),
            tags=tuple(tags),
            lang=entry.get("lang"),
            direction=direction,
            country=country.upper() if country else None,
            enabled=entry.get("enabled", True),
            full_text=entry.get("full_text", False),
        )

    def keys(self, table: Any) -> dict[str, str]:
        """Check `[keys]`: binding id → key name, both strings."""
        if not isinstance(table, dict):
            raise self.error(
                Phrase("config.must_be_table"),
                section=None,
                key="keys",
                hint=Phrase("config.keys.hint"),
            )
        for key, value in table.items():
            if not isinstance(value, str) or not value:
                raise self.error(
                    Phrase("config.key_name", value=_describe(value)),
                    section="keys",
                    key=key,
                )
        return dict(table)


def _describe(value: Any) -> Phrase:
    """A short description of a wrong value for error messages: `a number (12)`."""
    kinds = {
        bool: "bool",
        int: "number",
        float: "number",
        str: "string",
        list: "list",
        dict: "table",
    }
    kind = kinds.get(type(value))
    if kind is None:
        return Phrase("config.describe.other", kind=type(value).__name__, value=repr(value))
    return Phrase(f"config.describe.{kind}", value=repr(value))


def _type_name(expected: type | tuple[type, ...]) -> Phrase:
    """'a string', 'true or false', … for the expected type of a feed key."""
    kinds = {str: "string", bool: "bool", list: "list"}
    return Phrase(f"config.expected.{kinds.get(expected, 'other')}")  # type: ignore[call-overload]
