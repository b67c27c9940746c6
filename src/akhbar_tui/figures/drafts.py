"""Drafts of figures and the pass that settles them: ranges, currencies, qualifiers, sentences.

The scanner records a `Draft` per figure. `join_ranges` lets the bare first end of a range
(`من 10 مليارات إلى 75 مليار دولار`, `بين 150 و600 ريال`, `50 - 55 ألف سيارة`) take the other
end's kind, unit, currency and scale; `finish` resolves currencies in their sentence and builds
the `Figure`s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from akhbar_tui.figures.context import Sentences, qualifier
from akhbar_tui.figures.currencies import CUE_FAMILIES, resolve
from akhbar_tui.figures.text import has_marks
from akhbar_tui.models import Figure


@dataclass(slots=True)
class Draft:
    """A figure before ranges, currencies and qualifiers are settled."""

    start: int
    end: int
    kind: str
    value: float | None
    unit: str | None = None
    family: str | None = None
    code: str | None = None
    factor: float = 1.0
    scale: float = 1.0
    bare: bool = False
    next_index: int = 0


_RANGE_ALWAYS = re.compile(r"^\s*(?:-|–|—|الى|إلى|حتى|to|through)\s*$")
_RANGE_PAIRED = re.compile(r"^\s*(?:و|and)\s*$")
_RANGE_OPENER = re.compile(r"(?:بين|between|from|من)\s*$", re.IGNORECASE)


def join_ranges(drafts: list[Draft], text: str) -> None:
    """Let the bare first end of a range take the second end's kind, unit, currency and scale."""
    for first, second in pairwise(drafts):
        if not first.bare:
            continue
        between = text[first.end : second.start]
        if not _RANGE_ALWAYS.match(between):
            if not _RANGE_PAIRED.match(between):
                continue
            if not _RANGE_OPENER.search(text[max(0, first.start - 10) : first.start]):
                continue
        if second.kind == "date":
            if first.value is not None and 1 <= first.value <= 31 and first.scale == 1:
                first.kind, first.value, first.unit = "date", None, None
            continue
        if second.kind == "count" and second.bare:
            continue
        first.kind = second.kind
        first.unit = second.unit
        first.family, first.code, first.factor = second.family, second.code, second.factor
        if first.value is not None and first.scale == 1 and second.scale > 1:
            first.value *= second.scale
        if first.value is not None:
            first.value *= second.factor
        if second.kind == "year":
            first.value = int(first.value) if first.value is not None else None


def finish(
    drafts: list[Draft], text: str, country: str | None, folded: str | None = None
) -> list[Figure]:
    """The `Figure`s of settled drafts; `folded` (see `context.qualifier`) spares folding words
    and the sentences searched for currency cues."""
    sentences = Sentences(text)
    # The money figures of a sentence share its currency cues: fold and search it once.
    currencies: dict[tuple[str, str | None, str], tuple[str, float]] = {}
    figures = []
    since = until = 0
    for draft in drafts:
        if not since <= draft.start < until:
            sentence, start, end, whole = sentences.cut(draft.start)
            since, until = (start, end) if whole else (draft.start, draft.start + 1)
        unit = draft.unit
        value = draft.value
        if draft.kind == "money":
            if draft.code is not None and draft.family is None:
                unit = draft.code
            else:
                key = (draft.family or "dollar", draft.code, sentence)
                resolved = currencies.get(key)
                if resolved is None:
                    cues = None
                    if folded is not None and key[0] in CUE_FAMILIES:
                        cues = folded[start:end]
                        if has_marks(cues):  # folding drops them: cues may span them
                            cues = None
                    resolved = currencies[key] = resolve(*key, country, cues)
                unit, divisor = resolved
                if value is not None:
                    value = value / divisor
        figures.append(
            Figure(
                draft.start,
                draft.end,
                text[draft.start : draft.end],
                draft.kind,  # type: ignore[arg-type]
                _clean(value),
                unit,
                qualifier(text, draft.start, folded),  # type: ignore[arg-type]
                sentence,
            )
        )
    return figures


def _clean(value: float | None) -> float | int | None:
    """Whole numbers as int, others rounded off float noise (2.23e12, not 2230000000000.0002)."""
    if value is None or type(value) is int:
        return value
    if value.is_integer():
        return int(value)
    rounded = round(value, 9) if abs(value) < 1e6 else round(value, 3)
    return int(rounded) if float(rounded).is_integer() else rounded
