"""Every help text of the command line has an English catalogue entry (and so an Arabic one)."""

from __future__ import annotations

import re

from i18n_scan import ENGLISH_TEXTS, SRC, literals

CLI_LITERALS = [
    re.compile(r'help="((?:[^"\\]|\\.)+)"'),
    re.compile(r"help='([^']+)'"),
    re.compile(r'"[a-z-]+": \("[a-z_]+", "([^"]+)"\)'),
]


def test_cli_help_texts_are_in_the_catalogue() -> None:
    files = [*sorted((SRC / "commands").glob("*.py")), SRC / "cli.py"]
    found = literals(files, CLI_LITERALS)
    assert len(found) > 25
    missing = sorted((name, text) for name, text in found if text not in ENGLISH_TEXTS)
    assert missing == [], "add these to i18n/catalogs/en.py and ar.py"
