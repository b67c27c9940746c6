"""`akhbar paths`: exactly three lines, never translated, for scripts and bug reports."""

from __future__ import annotations

import argparse

from akhbar_tui import paths
from akhbar_tui.i18n import Translator


def register(parser: argparse.ArgumentParser, tr: Translator | None = None) -> None:
    """No arguments beyond the common ones."""


def run(args: argparse.Namespace) -> int:
    """Print the feeds.toml in use, the data directory and the database file."""
    from akhbar_tui.commands._context import config_path

    print(f"config: {config_path(args)}")
    print(f"data: {paths.data_dir()}")
    print(f"database: {paths.database_file()}")
    return 0
