"""Message catalogues: one Python module per language, looked up by stable message ids.

Why Python modules and not gettext `.po`/`.mo` files:

- Arabic needs six plural forms. gettext encodes them as `msgstr[0]`…`msgstr[5]` indexed by a
  C expression in the file's `Plural-Forms` header; here a plural message is a dict keyed by the
  CLDR category names (`zero`, `one`, `two`, `few`, `many`, `other`), which a translator can read
  and a test can check category by category.
- `.mo` files must be compiled by `msgfmt` and shipped; the build (hatchling) has no step for it
  and nothing else in akhbar needs the gettext toolchain. A module is packaged as it is, imports
  in well under a millisecond, and ruff and the tests see it like any other code.
- Ids are stable keys (`cli.feeds.added`), not the English text, so fixing an English wording
  does not orphan its translation.

Rules for entries: a value is a whole sentence or label with named placeholders
(`"added {title} ({url})"`) — never a fragment that code glues to another translated fragment,
since Arabic orders a sentence's parts differently. Literal braces are doubled (`{{`). A plural
message is a dict of categories and takes its number as `count`. Both catalogues define the same
ids with the same placeholders (a test holds this).

Machine formats are never translated and have no entries: the output of `akhbar paths`, the last
line of `akhbar refresh` (`RefreshReport.summary_line`), every `--json`/`--jsonl` output, the
tab-separated `akhbar feeds list`, and the `FAILED title: reason` lines scripts grep for.
"""

from __future__ import annotations

import importlib
import string
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from akhbar_tui.i18n.digits import format_number
from akhbar_tui.i18n.plural import choose

LANGUAGES = ("en", "ar")

Message = str | Mapping[str, str]


# Each language's catalogue is split by audience to keep files short: `<lang>` holds ages,
# dates, the command line, feeds.toml and OPML messages, `<lang>_ui` the reader's screens,
# `<lang>_panes` what its panes paint (headline rows, the article's meta line, feeds, figures),
# `<lang>_reasons` the engine's failure reasons (see `i18n.reasons`).
PARTS = ("", "_ui", "_panes", "_reasons")


@cache
def catalog(language: str) -> Mapping[str, Message]:
    """Every message of `language` (`en` or `ar`), merged once from `i18n/catalogs/<lang>*.py`.

    An id defined in two parts is a mistake that would silently hide one wording, so it raises.
    """
    if language not in LANGUAGES:
        raise ValueError(f"no catalogue for language {language!r}; known: {LANGUAGES}")
    merged: dict[str, Message] = {}
    for part in PARTS:
        module = importlib.import_module(f"akhbar_tui.i18n.catalogs.{language}{part}")
        repeated = merged.keys() & module.MESSAGES.keys()
        if repeated:
            raise ValueError(f"{language}{part}.py repeats ids: {sorted(repeated)}")
        merged.update(module.MESSAGES)
    return MappingProxyType(merged)


def placeholders(text: str) -> set[str]:
    """The named placeholders of one message text (`{title}` → `title`)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def message(
    language: str,
    msg_id: str,
    *,
    count: int | None = None,
    digits: str = "western",
    **params: object,
) -> str:
    """The text of `msg_id` in `language` with its placeholders filled.

    `count` selects a plural message's variant and fills `{count}`. Numbers (the count and any
    int/float parameter) are formatted with `digits`; strings are inserted as they are, so feed
    titles and article text keep their own digits and braces. An unknown id or a missing
    parameter is a programming error and raises `KeyError`.
    """
    entry = catalog(language)[msg_id]
    if isinstance(entry, str):
        template = entry
    else:
        if count is None:
            raise KeyError(f"{msg_id} is a plural message and needs count=")
        template = choose(entry, count, language)
    values: dict[str, object] = {}
    if count is not None:
        values["count"] = format_number(count, digits)
    for name, value in params.items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            values[name] = format_number(value, digits)
        else:
            values[name] = value
    return template.format_map(values)
