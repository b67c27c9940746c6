"""The errors akhbar raises on purpose, as one tree.

    AkhbarError                 anything akhbar reports to the user without a traceback
    ├── ConfigError             feeds.toml: bad TOML, wrong type or value, missing file
    ├── OpmlError               an OPML file that cannot be read or is hostile (DTD, entities)
    ├── FetchError              HTTP: timeout, status, size cap, redirects, not allowed scheme
    ├── FeedParseError          bytes that are not a feed (an HTML page, garbage, broken XML)
    └── StoreError              the SQLite database cannot be opened, migrated or written

Every error carries a message meant for a person: what is wrong, where, and how to fix it.
The command line prints `str(error)` and exits with `exit_code`; the UI shows it with `notify`.
"""

from __future__ import annotations


class AkhbarError(Exception):
    """Base of every error that ends in a message rather than a traceback."""

    exit_code: int = 1


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
        super().__init__(self._render())

    def _render(self) -> str:
        """Build `FILE:LINE:COL: key 'K': message. hint` from whatever parts are known."""
        where = ""
        if self.file:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        key = f"key '{self.key}': " if self.key else ""
        hint = f"\n  fix: {self.hint}" if self.hint else ""
        return f"{where}{key}{self.message}{hint}"


class OpmlError(AkhbarError):
    """An OPML file that cannot be imported (unreadable, malformed or hostile)."""

    exit_code = 2


class FetchError(AkhbarError):
    """An HTTP fetch that failed; the message is the human reason ("HTTP 404", "timed out…")."""


class FeedParseError(AkhbarError):
    """Bytes that could not be read as a feed; the message says what they were instead."""


class StoreError(AkhbarError):
    """The article database could not be opened, migrated or written."""
