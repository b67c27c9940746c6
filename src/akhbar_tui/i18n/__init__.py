"""akhbar's interface in Arabic or English: messages, plural agreement, ages, dates and digits.

One object carries a reader's choices: `Translator(language, digits, calendar, country)`, built
from the settings with `translator_for(settings)`. Everything akhbar says to a person goes
through it:

    tr = translator_for(config.settings)
    tr("cli.feeds.added", title=spec.display_title, url=spec.url)
    tr("ui.notify.marked_read", count=changed)          # plural agreement in both languages
    tr.ago(article.published)                             # منذ 3 دقائق / 3 minutes ago
    tr.age(headline.published)                            # 3 د / 3m (the headline list)
    tr.date(article.published, with_time=True)            # 11 مارس 2024، 20:40
    tr.number(figure.value)                               # ١٢٬٤٠٠ with arabic-indic digits

Only strings akhbar builds are translated or get Arabic-Indic digits: feed titles, article text
and error reasons from servers are inserted as they are. Machine formats have no messages at
all (see `catalog`). This package imports neither Textual nor rich, nor anything heavy at import
time (`hijridate` loads on the first Hijri date).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from akhbar_tui.i18n.catalog import LANGUAGES, catalog, message, placeholders
from akhbar_tui.i18n.dates import country_of_locale, format_date
from akhbar_tui.i18n.digits import format_number, localize_digits
from akhbar_tui.i18n.plural import choose, plural_category
from akhbar_tui.i18n.relative_time import relative_time
from akhbar_tui.settings import Settings

__all__ = [
    "LANGUAGES",
    "LOCALE_VARIABLES",
    "Translator",
    "catalog",
    "choose",
    "format_date",
    "format_number",
    "locale_name",
    "localize_digits",
    "message",
    "placeholders",
    "plural_category",
    "relative_time",
    "resolve_language",
    "translator_for",
]

# Searched in this order, as gettext does: the first one set (and not empty) decides.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def locale_name(environ: Mapping[str, str] | None = None) -> str | None:
    """The locale the user asked for messages in (`ar_EG.UTF-8`), from the environment.

    `LANGUAGE` may list several (`ar:en`); the first is the one wanted.
    """
    env = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = env.get(variable, "").split(":")[0].strip()
        if value:
            return value
    return None


def resolve_language(setting: str, environ: Mapping[str, str] | None = None) -> str:
    """`ar` or `en` for `[settings] language` (`auto`, `ar`, `en`).

    `auto` reads the locale: a name starting with `ar` (`ar`, `ar_SA.UTF-8`) means Arabic;
    anything else, `C`, `POSIX` or nothing at all means English.
    """
    if setting in LANGUAGES:
        return setting
    name = locale_name(environ)
    return "ar" if name is not None and name.lower().startswith("ar") else "en"


@dataclass(frozen=True, slots=True)
class Translator:
    """A reader's language, digits, calendar and country hint, applied to every string."""

    language: str = "en"
    digits: str = "western"
    calendar: str = "gregorian"
    country: str | None = None

    @property
    def rtl(self) -> bool:
        """Whether the interface reads right to left (labels then go through bidi_layout)."""
        return self.language == "ar"

    def __call__(self, msg_id: str, *, count: int | None = None, **params: object) -> str:
        """The message `msg_id` with `params` filled (numbers in this reader's digits)."""
        return message(self.language, msg_id, count=count, digits=self.digits, **params)

    def ago(self, when: datetime | None, now: datetime | None = None) -> str:
        """A phrase such as `منذ 5 دقائق` / `5 minutes ago`; empty when `when` is unknown."""
        return relative_time(when, now, self.language, digits=self.digits)

    def age(self, when: datetime | None, now: datetime | None = None) -> str:
        """The headline list's compact age (`5 د` / `5m`); empty when `when` is unknown."""
        return relative_time(when, now, self.language, compact=True, digits=self.digits)

    def date(self, when: date, *, with_time: bool = False, country: str | None = None) -> str:
        """`when` in this reader's calendar; `country` (a feed's) overrides the month family."""
        return format_date(
            when,
            language=self.language,
            calendar=self.calendar,
            country=country or self.country,
            digits=self.digits,
            with_time=with_time,
        )

    def number(self, value: float, *, grouping: bool = True) -> str:
        """A count or figure value in this reader's digits, thousands grouped."""
        return format_number(value, self.digits, grouping=grouping)

    def digits_of(self, text: str) -> str:
        """Digits of a string akhbar built (a time, `3/10`) in this reader's style."""
        return localize_digits(text, self.digits)


def translator_for(
    settings: Settings, environ: Mapping[str, str] | None = None, country: str | None = None
) -> Translator:
    """The Translator for these settings; `country` defaults to the locale's territory."""
    return Translator(
        language=resolve_language(settings.language, environ),
        digits=settings.digits,
        calendar=settings.calendar,
        country=country or country_of_locale(locale_name(environ)),
    )
