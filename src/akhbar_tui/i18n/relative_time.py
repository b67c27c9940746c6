"""How long ago something was published, in Arabic or English, long or compact.

Long forms read as a phrase (`منذ 3 دقائق`, `5 minutes ago`) and agree with the number by the
CLDR plural rules (see `plural`): منذ دقيقة، منذ دقيقتين، منذ 3 دقائق، منذ 11 دقيقة،
منذ 100 دقيقة، منذ 103 دقائق. One day ago is `أمس` / `yesterday`; under a minute is
`منذ لحظات` / `just now`. "Yesterday" here means 24 to 48 hours ago: ages are measured in
elapsed time, the same for every reader's time zone, not in calendar days.

Compact forms are for the headline list, where an age gets four or five cells:

- English: `now`, `5m`, `3h`, `2d`, `3w`, `5mo`, `2y`.
- Arabic: `الآن`, `5 د`, `3 س`, `2 ي`, `3 أ`, `5 ش`, `2 ع` — the number, a space, and the first
  letter of the unit's noun (دقيقة، ساعة، يوم، أسبوع، شهر، عام). Arabic news sites and the
  Arabic interfaces of social apps abbreviate minutes, hours and days exactly so (٥ د، ٣ س، ٢ ي).
  Years use ع (عام) because س already means ساعة. The space matters: a lone letter glued to
  digits reads as part of a word, and with it the pair stays number-then-unit read right to left.
  No plural agreement is needed: an abbreviation does not inflect.

Units: under a minute → moments; then minutes (< 1 h), hours (< 1 day), days (< 1 week),
weeks (< 30 days), months of 30 days (< 365 days), years of 365 days.
"""

from __future__ import annotations

from datetime import UTC, datetime

from akhbar_tui.i18n.catalog import message

UNITS = ("minute", "hour", "day", "week", "month", "year")

_MINUTE = 60
_HOUR = 3600
_DAY = 86400
# (unit, seconds in one, this unit is used while the age is below this many seconds)
_SCALE = (
    ("minute", _MINUTE, _HOUR),
    ("hour", _HOUR, _DAY),
    ("day", _DAY, 7 * _DAY),
    ("week", 7 * _DAY, 30 * _DAY),
    ("month", 30 * _DAY, 365 * _DAY),
    ("year", 365 * _DAY, None),
)


def elapsed(when: datetime, now: datetime | None = None) -> tuple[int, str] | None:
    """The age of `when` as (count, unit) in the largest fitting unit; None under a minute.

    A naive `when` is taken as UTC (feeds without a zone); a future date counts as now, since
    a clock ahead of ours is not news from the future.
    """
    now = now or datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    seconds = max((now - when).total_seconds(), 0.0)
    if seconds < _MINUTE:
        return None
    for unit, size, below in _SCALE:
        if below is None or seconds < below:
            return int(seconds // size), unit
    raise AssertionError("unreachable: the last unit has no upper bound")


def ago(count: int, unit: str, language: str, digits: str = "western") -> str:
    """`count` `unit`s ago as a phrase (`منذ 3 دقائق`, `3 minutes ago`), agreeing with `count`.

    In Arabic a count of 0 takes the `zero` form, "less than a minute/hour/…" (منذ أقل من
    دقيقة); English has no such form and says `0 minutes ago`. One day is `أمس` / `yesterday`.
    """
    return message(language, f"time.ago.{unit}", count=count, digits=digits)


def compact_ago(count: int, unit: str, language: str, digits: str = "western") -> str:
    """The headline list's short age (`5m` / `5 د`); see the module docstring for the letters."""
    return message(language, f"time.short.{unit}", count=count, digits=digits)


def relative_time(
    when: datetime | None,
    now: datetime | None = None,
    language: str = "en",
    *,
    compact: bool = False,
    digits: str = "western",
) -> str:
    """How long ago `when` was, long or compact; empty for an unknown date.

    The reader shows this beside each headline and in the status line, so it must stay short
    and be right for every count, including the ones that trip naive pluralisation (2, 11, 103).
    """
    if when is None:
        return ""
    age = elapsed(when, now)
    if age is None:
        return message(language, "time.short.now" if compact else "time.ago.now")
    count, unit = age
    if compact:
        return compact_ago(count, unit, language, digits)
    return ago(count, unit, language, digits)
