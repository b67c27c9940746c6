"""What every command needs: the feeds.toml in use and an engine on the user's database.

The precedence is `--config FILE`, else the user's copy in the config directory (copied from the
packaged default on first run). Warnings from the file go to stderr once.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from akhbar_tui import paths
from akhbar_tui.config import Config, ensure_user_config, load_config, parse_config

if TYPE_CHECKING:
    from akhbar_tui.engine import Engine


def config_path(args: argparse.Namespace) -> Path:
    """The feeds.toml this invocation uses (first run copies the default into place)."""
    explicit = getattr(args, "config", None)
    if explicit:
        return Path(explicit).expanduser()
    return ensure_user_config(paths.user_feeds_file())


def config_from_args(
    args: argparse.Namespace, *, warn: bool = True, missing_ok: bool = False
) -> Config:
    """Load and validate the configuration; unknown keys are reported on stderr.

    Commands that write the file (`feeds add`, `opml import`) pass `missing_ok`: a `--config`
    file that does not exist yet is then an empty list that the write creates.
    """
    path = config_path(args)
    if missing_ok and not path.exists():
        return parse_config("", path)
    config = load_config(path)
    if warn:
        from akhbar_tui.cli_output import console_for

        console = console_for(args)
        for warning in config.warnings:
            console.warn(warning)
    return config


def engine_from_args(args: argparse.Namespace) -> Engine:
    """An engine on the user's database (created on first use) with this configuration."""
    from akhbar_tui.engine import Engine

    config = config_from_args(args)
    database = paths.database_file()
    database.parent.mkdir(parents=True, exist_ok=True)
    return Engine(config, database)
