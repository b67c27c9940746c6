"""Change feeds.toml the way a careful person would: keep comments, order and formatting.

Every write goes through tomlkit (which round-trips the user's file) and lands atomically: the new
text is written to a temporary file in the same directory, flushed to disk, then renamed over the
old one, so a crash never leaves a half-written feeds.toml.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import AoT, Table

from akhbar_tui.errors import ConfigError
from akhbar_tui.models import FeedSpec
from akhbar_tui.phrase import Phrase
from akhbar_tui.settings import SETTING_RULES


def add_feed(path: Path, spec: FeedSpec) -> None:
    """Append a `[[feeds]]` entry for `spec`; a URL already in the file is an error."""
    if not add_feeds(path, [spec]):
        raise ConfigError(
            Phrase("config.already_listed", url=spec.url),
            file=str(path),
            key="url",
            hint=Phrase("config.already_listed.hint"),
        )


def add_feeds(path: Path, specs: Iterable[FeedSpec]) -> list[FeedSpec]:
    """Append every spec whose URL is not in the file yet, in one write; returns those added."""
    doc = _read(path)
    feeds = _feeds_array(doc, create=True)
    known = {str(table.get("url")) for table in feeds}
    added: list[FeedSpec] = []
    for spec in specs:
        if spec.url in known:
            continue
        known.add(spec.url)
        table = _feed_table(spec)
        if len(feeds):
            table.trivia.indent = "\n"  # a blank line between entries, as a person would write
        feeds.append(table)
        added.append(spec)
    if added:
        _write(path, doc)
    return added


def _feed_table(spec: FeedSpec) -> Table:
    """A `[[feeds]]` table holding only the keys that differ from their defaults."""
    table = tomlkit.table()
    table["url"] = spec.url
    for key in ("title", "category", "lang", "country"):
        value = getattr(spec, key)
        if value:
            table[key] = value
    if spec.tags:
        table["tags"] = list(spec.tags)
    if spec.direction != "auto":
        table["direction"] = spec.direction
    if not spec.enabled:
        table["enabled"] = False
    if spec.full_text:
        table["full_text"] = True
    return table


def remove_feed(path: Path, url_or_title: str) -> FeedSpec:
    """Remove the feed whose url or title is `url_or_title`; returns what was removed."""
    doc = _read(path)
    feeds = _feeds_array(doc, create=False)
    wanted = url_or_title.strip()
    matches = [
        i
        for i, table in enumerate(feeds or [])
        if table.get("url") == wanted or str(table.get("title", "")).casefold() == wanted.casefold()
    ]
    if not matches:
        raise ConfigError(
            Phrase("config.no_such_feed", name=repr(wanted)),
            file=str(path),
            hint=Phrase("config.no_such_feed.hint"),
        )
    if len(matches) > 1:
        raise ConfigError(
            Phrase("config.ambiguous_title", count=len(matches), name=repr(wanted)),
            file=str(path),
            hint=Phrase("config.ambiguous_title.hint"),
        )
    table = feeds[matches[0]]
    removed = FeedSpec(
        url=str(table.get("url")),
        title=_plain(table.get("title")),
        category=_plain(table.get("category")),
    )
    del feeds[matches[0]]
    if not len(feeds):
        del doc["feeds"]  # an empty array of tables would be written as `feeds = []`
    _write(path, doc)
    return removed


def set_setting(path: Path, key: str, value: Any) -> None:
    """Set `[settings] key = value`, creating the table if needed; unknown keys are refused."""
    rule = SETTING_RULES.get(key)
    if rule is None:
        raise ConfigError(Phrase("config.unknown_setting", key=key), file=str(path), key=key)
    kind, allowed, _minimum = rule
    if not isinstance(value, kind) or (allowed is not None and value not in allowed):
        raise ConfigError(
            Phrase("config.invalid_value", value=repr(value)), file=str(path), key=key
        )
    doc = _read(path)
    settings = doc.get("settings")
    if settings is None:
        settings = tomlkit.table()
        doc["settings"] = settings
    settings[key] = value
    _write(path, doc)


def _plain(value: Any) -> str | None:
    """tomlkit items → plain str (or None) for the models."""
    return None if value is None else str(value)


def _read(path: Path) -> tomlkit.TOMLDocument:
    """Parse the file for round-trip editing; errors name the file."""
    try:
        return tomlkit.parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return tomlkit.document()
    except (TOMLKitError, UnicodeDecodeError) as error:
        raise ConfigError(
            Phrase("config.cannot_edit", reason=str(error)),
            file=str(path),
            hint=Phrase("config.cannot_edit.hint"),
        ) from None


def _feeds_array(doc: tomlkit.TOMLDocument, *, create: bool) -> AoT | None:
    """The `[[feeds]]` array of tables, created empty when asked."""
    feeds = doc.get("feeds")
    if feeds is None and create:
        feeds = tomlkit.aot()
        doc.append("feeds", feeds)
    if feeds is not None and not isinstance(feeds, AoT | list):
        raise ConfigError(Phrase("config.feeds_not_tables"), key="feeds")
    if feeds is not None and not all(isinstance(t, Table | dict) for t in feeds):
        raise ConfigError(Phrase("config.feed_not_table"), key="feeds")
    return feeds


def _write(path: Path, doc: tomlkit.TOMLDocument) -> None:
    """Atomically replace `path` with `doc`, keeping the file's permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = tomlkit.dumps(doc).rstrip("\n") + "\n"  # removals can leave blank lines at the end
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp_name, path.stat().st_mode & 0o7777)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
