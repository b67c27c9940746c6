"""A key figure's value, compact and in the reader's language: `$80B` / `80 مليار دولار`.

The figures pane shows each figure as written in the article (its span) and, beside it, what it
amounts to: `80 مليار دولار → $80B`, `600 مليون مستخدم → 600M مستخدم` (issue #7). In the Arabic
interface the same value reads as an Arabic paper's tables write it: number, scale word, then
currency or unit (`80 مليار دولار`, `600 مليون مستخدم`, `3 ساعات`), digits per `[settings]
digits`. Every piece is one catalogue message (`ui.pane.figure.*`) that takes the number whole.

The noun of a count comes from the article and is inserted as it is.
"""

from __future__ import annotations

from akhbar_tui.i18n import Translator, catalog
from akhbar_tui.models import Figure

KIND_ORDER = ("money", "percent", "count", "quantity", "year", "date", "other")
"""The figures pane's groups, in this order; figures keep their reading order inside each."""

# (from this magnitude, divide by, scale word): thousands only from 10,000 (3,500 stays whole).
_SCALES = (
    (1e12, 1e12, "trillion"),
    (1e9, 1e9, "billion"),
    (1e6, 1e6, "million"),
    (1e4, 1e3, "thousand"),
)
# After a scale word an Arabic noun is singular (مليار دولار) whatever the number before it:
# the agreement of the `other` category (100 دولار) and the English plural.
_SCALED_COUNT = 100


def grouped(figures: list[Figure]) -> list[Figure]:
    """`figures` grouped by kind (money first), each group in reading order."""
    rank = {kind: n for n, kind in enumerate(KIND_ORDER)}
    return sorted(figures, key=lambda f: (rank.get(f.kind, len(rank)), f.start))


def compact_number(value: float, tr: Translator) -> tuple[str, int]:
    """`value` with a scale word when it is large (`80B` / `80 مليار`), and the count a noun
    after it agrees with (the whole number when unscaled, else one that asks for a singular)."""
    magnitude = abs(value)
    for threshold, size, name in _SCALES:
        if magnitude >= threshold:
            mantissa = round(value / size, 2)
            if mantissa.is_integer():
                mantissa = int(mantissa)
            return tr(f"ui.pane.figure.{name}", number=mantissa), _SCALED_COUNT
    if isinstance(value, float) and not value.is_integer():
        return tr.number(round(value, 2)), _SCALED_COUNT
    return tr.number(int(value)), int(value)


def _with_unit(prefix: str, key: str, amount: str, count: int, tr: Translator, **extra: str) -> str:
    """`amount` with the unit or currency `key` (a catalogue entry, else the `other` layout)."""
    msg_id = f"ui.pane.figure.{prefix}.{key}"
    if msg_id not in catalog(tr.language):
        return tr(f"ui.pane.figure.{prefix}.other", amount=amount, **extra)
    entry = catalog(tr.language)[msg_id]
    return tr(msg_id, amount=amount, count=None if isinstance(entry, str) else count)


def value_text(figure: Figure, tr: Translator) -> str:
    """The figure's value for the pane; empty when it has none worth showing (a date)."""
    value = figure.value
    if value is None or isinstance(value, bool):
        return ""
    if not isinstance(value, int | float):
        return str(value)
    unit = figure.unit
    if figure.kind == "year":
        year = tr.number(value, grouping=False)
        return tr("ui.pane.figure.year_ah", year=year) if unit == "AH" else year
    if figure.kind == "percent":
        number = tr.number(value)
        return tr(
            "ui.pane.figure.points" if unit == "pp" else "ui.pane.figure.percent", number=number
        )
    amount, count = compact_number(value, tr)
    if figure.kind == "money" and unit:
        return _with_unit("currency", unit, amount, count, tr, code=unit)
    if figure.kind == "count" and unit:
        return tr("ui.pane.figure.count", amount=amount, noun=unit)
    if unit == "times":
        return tr("ui.pane.figure.times", amount=amount)
    if unit:
        return _with_unit("unit", unit, amount, count, tr, unit=unit)
    return amount
