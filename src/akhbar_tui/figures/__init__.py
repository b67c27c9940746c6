"""Key figures of Arabic and English news text: amounts, percentages, counts, measures, dates.

`extract(text, lang, country)` returns `Figure`s in text order, following the conventions of the
figures spec (what counts, spans, kinds, values, units). Every span is an exact slice of the input.
The package has no I/O and imports nothing heavy, so the engine and the UI can both call it.

Modules by responsibility: `text` (folding, digits, tokens), `digits` (separators), `words_ar` and
`words_en` (number words), `numbers` (numeral expressions), `currencies`, `units`, `dates`,
`followers` (what gives a numeral its kind), `special` (duals, ordinal ages), `context`
(qualifiers, counted nouns, sentences), `anchors` (the cheap first pass), `scanner` (reads the
figure at each anchor) and `drafts` (ranges, currencies in context, the final `Figure`s).
"""

from __future__ import annotations

from akhbar_tui.figures.scanner import scan
from akhbar_tui.models import Figure

__all__ = ["Figure", "extract"]


def extract(text: str, lang: str | None = None, country: str | None = None) -> list[Figure]:
    """The key figures of `text`, in text order.

    `lang` ("ar", "en" or None for mixed/unknown) is accepted for callers that know it; the
    scanner reads both languages in one pass, so it does not change the result today. `country`
    (ISO 3166 alpha-2 of the feed) resolves ambiguous currency words: ريال is SAR unless the
    sentence or the country points elsewhere.
    """
    if not text:
        return []
    return scan(text, lang, country)
