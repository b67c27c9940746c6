"""The search index's catch-up, run in a child process while the reader stays responsive.

Indexing folds every new article's text in Python. In a thread of the reader that work holds the
GIL for long stretches, and with 50,000 fresh articles (a cache filled by `akhbar refresh` from
cron) keypresses waited seconds for a repaint. A child process has its own interpreter and
shares only the SQLite file (WAL: the reader's reads never wait for it).

`python -m akhbar_tui.ui.indexer FEEDS_TOML DATABASE` runs one catch-up; no Textual import.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def start(config_path: Path, database: Path) -> subprocess.Popen[bytes]:
    """Start a catch-up of the index of `database`; the caller waits on (or ends) it."""
    return subprocess.Popen(
        [sys.executable, "-m", "akhbar_tui.ui.indexer", str(config_path), str(database)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def main(argv: list[str]) -> int:
    """Catch the index up; a failure is one line on stderr and exit status 1."""
    from akhbar_tui.config import load_config
    from akhbar_tui.engine import Engine
    from akhbar_tui.errors import AkhbarError

    config_path, database = (Path(a) for a in argv)
    try:
        engine = Engine(load_config(config_path), database)
        try:
            engine.update_search_index()
        finally:
            engine.close()
    except AkhbarError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
