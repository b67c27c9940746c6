"""Where akhbar keeps its files: the only module that asks platformdirs.

`AKHBAR_CONFIG_DIR` and `AKHBAR_DATA_DIR` override the platform directories (the tests use them so
that no test touches the real home directory). Nothing is created at import time.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "akhbar"


def config_dir() -> Path:
    """The directory that holds the user's feeds.toml."""
    override = os.environ.get("AKHBAR_CONFIG_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """The directory that holds the article database."""
    override = os.environ.get("AKHBAR_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_feeds_file() -> Path:
    """The user's copy of feeds.toml (copied from the default on first run)."""
    return config_dir() / "feeds.toml"


def database_file() -> Path:
    """The SQLite file that keeps feeds and articles."""
    return data_dir() / "akhbar.db"
