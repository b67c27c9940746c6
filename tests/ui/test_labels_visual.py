"""`Bidi.visual` takes a short cut for left-to-right labels: it must give what the full layout
gives, for every message of both catalogues."""

from __future__ import annotations

import pytest

from akhbar_tui.i18n import catalog, message, placeholders
from akhbar_tui.ui.text import Bidi


def filled(language: str) -> list[str]:
    texts = []
    for msg_id, entry in catalog(language).items():
        sample = entry if isinstance(entry, str) else next(iter(entry.values()))
        params = {name: "x1" for name in placeholders(sample) - {"count"}}
        count = None if isinstance(entry, str) else 3
        texts.append(message(language, msg_id, count=count, **params))
    return texts


@pytest.mark.parametrize("mode", ["app", "terminal"])
@pytest.mark.parametrize("direction", ["auto", "ltr", "rtl"])
def test_the_short_cut_matches_the_layout(mode: str, direction: str) -> None:
    bidi = Bidi(mode)
    extra = ["a \u2066b\u2069 c", "Search: \u2068مليار\u2069", "  lead  and  gaps  ", "tab\there"]
    texts = filled("en") + filled("ar") + extra
    for text in texts:
        assert bidi.visual(text, 200, direction) == bidi.fit(text, 200, direction).text, text
