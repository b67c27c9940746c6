"""The errors akhbar raises on purpose, as one tree.

    AkhbarError                 anything akhbar reports to the user without a traceback
    ├── ConfigError             feeds.toml: bad TOML, wrong type or value, missing file
    ├── OpmlError               an OPML file that cannot be read or is hostile (DTD, entities)
    ├── FetchError              HTTP: timeout, status, size cap, redirects, not allowed scheme
    ├── FeedParseError          bytes that are not a feed (an HTML page, garbage, broken XML)
    └── StoreError              the SQLite database cannot be opened, migrated or written

Every error carries a message meant for a person: what is wrong, where, and how to fix it.
`str(error)` is English (logs, tests). An error raised with a `Phrase` (a catalogue message)
can also be said in the reader's language: `error.localized(tr)`, which the command line prints
after `akhbar: ` and exits with `exit_code`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from akhbar_tui.phrase import Phrase, say

if TYPE_CHECKING:
    from akhbar_tui.i18n import Translator


class AkhbarError(Exception):
    """Base of every error that ends in a message rather than a traceback."""

    exit_code: int = 1

    def localized(self, tr: Translator | None) -> str:
        """The message in `tr`'s language: its Phrase when it was raised with one, else an
        engine reason ("HTTP 404", "timed out after 20 s") matched by `i18n.reasons`; wording
        that is neither (an OS error's text) stays as it is."""
        first = self.args[0] if self.args else None
        if isinstance(first, Phrase) and len(self.args) == 1:
            return first.say(tr)
        if tr is None:
            return str(self)
        from akhbar_tui.i18n.reasons import reason_text

        return reason_text(str(self), tr)


class ConfigError(AkhbarError):
    """A user mistake in the configuration; names the file, line, key and the fix."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        key: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.hint = hint
        super().__init__(self._render(None))

    def localized(self, tr: Translator | None) -> str:
        """`FILE:LINE:COL: key 'K': message` and the fix, in `tr`'s language."""
        return self._render(tr)

    def _render(self, tr: Translator | None) -> str:
        """Build `FILE:LINE:COL: key 'K': message\\n  fix: hint` from the parts that are known.

        The location stays as it is in every language (editors and scripts parse it).
        """
        where = ""
        if self.file:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        text = str(say(self.message, tr))
        if self.key:
            text = _said(tr, "error.config.key", key=self.key, message=text)
        if self.hint:
            text += "\n  " + _said(tr, "error.config.fix", hint=str(say(self.hint, tr)))
        return where + text


def _said(tr: Translator | None, msg_id: str, **params: object) -> str:
    """A layout message (`key '…': …`, `fix: …`) in `tr`'s language, English without one."""
    return Phrase(msg_id, **params).say(tr)


class OpmlError(AkhbarError):
    """An OPML file that cannot be imported (unreadable, malformed or hostile)."""

    exit_code = 2


class FetchError(AkhbarError):
    """An HTTP fetch that failed; the message is the human reason ("HTTP 404", "timed out…")."""


class FeedParseError(AkhbarError):
    """Bytes that could not be read as a feed; the message says what they were instead."""


class StoreError(AkhbarError):
    """The article database could not be opened, migrated or written."""
