"""English messages painted inside the reader's panes: headline rows, the article's meta line,
the feeds pane and the figures pane (the rest of the reader is `en_ui.py`).

Figure values are shown compactly (`$80B`, `600M users`): a scaled number is a whole message
(`{number}B`), and a money or unit message takes that compact amount whole, so no sentence is
glued from fragments. Units and currencies without an entry fall back to `…figure.unit.other`
and `…currency.other` with their code.
"""

from __future__ import annotations

from akhbar_tui.i18n.catalog import Message


def _plural(one: str, other: str) -> dict[str, str]:
    return {"one": one, "other": other}


MESSAGES: dict[str, Message] = {
    # ── headline list ──────────────────────────────────────────────────────────────────────
    "ui.pane.headlines.empty": (
        "No articles here yet. R refreshes every feed; `akhbar --demo` shows sample feeds."
    ),
    "ui.pane.headlines.no_match": "Nothing matched.",
    # ── article ────────────────────────────────────────────────────────────────────────────
    "ui.pane.article.untitled": "(untitled)",
    # ── figures pane: compact values ───────────────────────────────────────────────────────
    "ui.pane.figure.thousand": "{number}K",
    "ui.pane.figure.million": "{number}M",
    "ui.pane.figure.billion": "{number}B",
    "ui.pane.figure.trillion": "{number}T",
    "ui.pane.figure.percent": "{number}%",
    "ui.pane.figure.points": "{number} pp",
    "ui.pane.figure.count": "{amount} {noun}",
    "ui.pane.figure.year_ah": "{year} AH",
    "ui.pane.figure.times": "{amount}×",
    "ui.pane.figure.unit.other": "{amount} {unit}",
    "ui.pane.figure.unit.km": "{amount} km",
    "ui.pane.figure.unit.km2": "{amount} km²",
    "ui.pane.figure.unit.m": "{amount} m",
    "ui.pane.figure.unit.MW": "{amount} MW",
    "ui.pane.figure.unit.degC": "{amount} °C",
    "ui.pane.figure.unit.ft": "{amount} ft",
    "ui.pane.figure.unit.hour": _plural("{amount} hour", "{amount} hours"),
    "ui.pane.figure.unit.day": _plural("{amount} day", "{amount} days"),
    "ui.pane.figure.unit.week": _plural("{amount} week", "{amount} weeks"),
    "ui.pane.figure.unit.month": _plural("{amount} month", "{amount} months"),
    "ui.pane.figure.unit.year": _plural("{amount} year", "{amount} years"),
    "ui.pane.figure.unit.century": _plural("{amount} century", "{amount} centuries"),
    "ui.pane.figure.unit.ton": _plural("{amount} ton", "{amount} tons"),
    "ui.pane.figure.unit.barrel": _plural("{amount} barrel", "{amount} barrels"),
    "ui.pane.figure.unit.point": _plural("{amount} point", "{amount} points"),
    "ui.pane.figure.currency.other": "{code} {amount}",
    "ui.pane.figure.currency.USD": "${amount}",
    "ui.pane.figure.currency.EUR": "€{amount}",
    "ui.pane.figure.currency.GBP": "£{amount}",
    "ui.pane.figure.currency.JPY": "¥{amount}",
    "ui.pane.figure.currency.CNY": "CN¥{amount}",
    "ui.pane.figure.currency.INR": "₹{amount}",
    "ui.pane.figure.currency.SAR": "SAR {amount}",
    "ui.pane.figure.currency.AED": "AED {amount}",
    "ui.pane.figure.currency.EGP": "EGP {amount}",
    "ui.pane.figure.currency.KWD": "KWD {amount}",
    "ui.pane.figure.currency.QAR": "QAR {amount}",
}
