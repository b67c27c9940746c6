"""Arabic messages painted inside the reader's panes: headline rows, the article's meta line,
the feeds pane and the figures pane (the rest of the reader is `ar_ui.py`).

Compact figure values read as an Arabic paper's tables write them: the number, then the scale
word, then the currency or unit (80 مليار دولار، 600 مليون مستخدم). After a scale word the noun
is singular (مليار دولار، ألف طن); for small counts the unit agrees with the number by the plural
rules (3 ساعات، 11 ساعة) — see `figure_values` for the count each value is agreed with.
"""

from __future__ import annotations

from akhbar_tui.i18n.catalog import Message


def _agree(singular: str, plural: str, accusative: str | None = None) -> dict[str, str]:
    """A unit after a number: plural for 3–10, accusative singular for 11–99, else singular."""
    return {
        "zero": singular,
        "one": singular,
        "two": singular,
        "few": plural,
        "many": accusative or singular,
        "other": singular,
    }


MESSAGES: dict[str, Message] = {
    # ── headline list ──────────────────────────────────────────────────────────────────────
    "ui.pane.headlines.empty": (
        "لا مقالات هنا بعد. R يحدّث كل المصادر، و`akhbar --demo` يعرض مصادر للتجربة."
    ),
    "ui.pane.headlines.no_match": "لا نتائج مطابقة.",
    # ── article ────────────────────────────────────────────────────────────────────────────
    "ui.pane.article.untitled": "(بلا عنوان)",
    # ── figures pane: compact values ───────────────────────────────────────────────────────
    "ui.pane.figure.thousand": "{number} ألف",
    "ui.pane.figure.million": "{number} مليون",
    "ui.pane.figure.billion": "{number} مليار",
    "ui.pane.figure.trillion": "{number} تريليون",
    "ui.pane.figure.percent": "{number}٪",
    "ui.pane.figure.points": "{number} نقطة مئوية",
    "ui.pane.figure.count": "{amount} {noun}",
    "ui.pane.figure.year_ah": "{year} هـ",
    "ui.pane.figure.times": "{amount} أضعاف",
    "ui.pane.figure.unit.other": "{amount} {unit}",
    "ui.pane.figure.unit.km": "{amount} كم",
    "ui.pane.figure.unit.km2": "{amount} كم²",
    "ui.pane.figure.unit.m": "{amount} م",
    "ui.pane.figure.unit.MW": "{amount} ميغاواط",
    "ui.pane.figure.unit.degC": "{amount} °م",
    "ui.pane.figure.unit.ft": "{amount} قدم",
    "ui.pane.figure.unit.hour": _agree("{amount} ساعة", "{amount} ساعات"),
    "ui.pane.figure.unit.day": _agree("{amount} يوم", "{amount} أيام", "{amount} يومًا"),
    "ui.pane.figure.unit.week": _agree("{amount} أسبوع", "{amount} أسابيع", "{amount} أسبوعًا"),
    "ui.pane.figure.unit.month": _agree("{amount} شهر", "{amount} أشهر", "{amount} شهرًا"),
    "ui.pane.figure.unit.year": _agree("{amount} عام", "{amount} أعوام", "{amount} عامًا"),
    "ui.pane.figure.unit.century": _agree("{amount} قرن", "{amount} قرون", "{amount} قرنًا"),
    "ui.pane.figure.unit.ton": _agree("{amount} طن", "{amount} أطنان", "{amount} طنًا"),
    "ui.pane.figure.unit.barrel": _agree("{amount} برميل", "{amount} براميل", "{amount} برميلًا"),
    "ui.pane.figure.unit.point": _agree("{amount} نقطة", "{amount} نقاط"),
    "ui.pane.figure.currency.other": "{amount} {code}",
    "ui.pane.figure.currency.USD": "{amount} دولار",
    "ui.pane.figure.currency.EUR": "{amount} يورو",
    "ui.pane.figure.currency.GBP": "{amount} جنيه إسترليني",
    "ui.pane.figure.currency.JPY": "{amount} ين",
    "ui.pane.figure.currency.CNY": "{amount} يوان",
    "ui.pane.figure.currency.INR": "{amount} روبية",
    "ui.pane.figure.currency.SAR": "{amount} ريال سعودي",
    "ui.pane.figure.currency.AED": "{amount} درهم إماراتي",
    "ui.pane.figure.currency.EGP": "{amount} جنيه مصري",
    "ui.pane.figure.currency.KWD": "{amount} دينار كويتي",
    "ui.pane.figure.currency.QAR": "{amount} ريال قطري",
}
