"""Every literal label of the reader has an English catalogue entry (and so an Arabic one)."""

from __future__ import annotations

import re

from i18n_scan import ENGLISH_TEXTS, SRC, literals

UI_LITERALS = [
    re.compile(r'Binding\(\s*"[^"]*",\s*"[^"]*",\s*"([^"]+)"'),
    re.compile(r'(?:Label|Button)\(\s*"([^"]+)"'),
    re.compile(r'placeholder="([^"]+)"'),
    re.compile(r'notify\(\s*"([^"]+)"'),
    re.compile(r'set_(?:task|figures)\((?:\[\],\s*)?"([^"]+)"'),
    re.compile(r"yield \(?\s*\"([^\"]+)\""),
]
NOT_MESSAGES = {"https://example.com/feed.xml"}


def test_reader_literals_are_in_the_catalogue() -> None:
    found = literals(sorted((SRC / "ui").rglob("*.py")), UI_LITERALS)
    found = {(name, text) for name, text in found if text not in NOT_MESSAGES}
    assert len(found) > 40  # the scan works: the reader has this many literal labels today
    missing = sorted((name, text) for name, text in found if text not in ENGLISH_TEXTS)
    assert missing == [], "add these to i18n/catalogs/en_ui.py and ar_ui.py"
