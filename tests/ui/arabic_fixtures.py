"""The sample feeds stored once, and engines on copies of them whose reader speaks Arabic.

`reader_settings` rewrites the copy's `[settings]` (language, calendar, digits), so one refreshed
database serves every combination a test needs.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from akhbar_tui.config import load_config
from akhbar_tui.engine import Engine

_CHOSEN = re.compile(r"^(language|calendar|digits) = .*\n", re.MULTILINE)


def reader_settings(toml: Path, **settings: str) -> None:
    """Set `[settings]` keys of the feeds.toml at `toml` (any earlier value of them replaced)."""
    text = _CHOSEN.sub("", toml.read_text(encoding="utf-8"))
    lines = "".join(f'{key} = "{value}"\n' for key, value in settings.items())
    toml.write_text(text.replace("[settings]\n", "[settings]\n" + lines, 1), encoding="utf-8")


@contextmanager
def engine_copy(store: Path, folder: Path, **settings: str) -> Iterator[Engine]:
    """An engine on a private copy of the refreshed `store`, with these reader settings."""
    for path in store.glob("*"):
        shutil.copy(path, folder / path.name)
    reader_settings(folder / "feeds.toml", **settings)
    engine = Engine(load_config(folder / "feeds.toml"), folder / "akhbar.db")
    try:
        yield engine
    finally:
        engine.close()
