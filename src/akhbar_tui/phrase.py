"""A message that is English text today and can be said in the reader's language later.

Errors and warnings are built deep in `config`, `opml` and the commands, long before anyone
knows who will read them (a log, a test, the CLI in Arabic, the reader's notification). A
`Phrase` is a `str` holding the English wording, so `str(error)`, `in` and `match=` keep
working, and it also keeps its catalogue id and parameters, so whoever shows it can say it
again with a `Translator`:

    raise ConfigError(Phrase("config.must_be_at_least", minimum=1, value=0), key="keep_days")
    ...
    print(phrase.say(tr))          # يجب ألا يقل عن 1، لا 0

A parameter may itself be a Phrase (`opml.refused` names `what` with one); it is said in the
same language. Anything else (a file name, a feed title, a server's reason) goes in as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from akhbar_tui.i18n.catalog import message

if TYPE_CHECKING:
    from akhbar_tui.i18n import Translator

__all__ = ["Phrase", "say"]


class Phrase(str):
    """The English text of catalogue message `msg_id`, remembering the id and parameters."""

    msg_id: str
    params: Mapping[str, object]
    count: int | None

    def __new__(cls, msg_id: str, /, *, count: int | None = None, **params: object) -> Phrase:
        text = message("en", msg_id, count=count, **params)
        phrase = super().__new__(cls, text)
        phrase.msg_id = msg_id
        phrase.params = dict(params)
        phrase.count = count
        return phrase

    def say(self, tr: Translator | None) -> str:
        """This message in `tr`'s language and digits (English when `tr` is None)."""
        if tr is None:
            return str(self)
        params = {name: say(value, tr) for name, value in self.params.items()}
        return tr(self.msg_id, count=self.count, **params)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle by id and parameters (the default would pass the English text as the id)."""
        return (_rebuild, (self.msg_id, self.count, dict(self.params)))


def say(value: object, tr: Translator | None) -> object:
    """`value` said by `tr` when it is a Phrase; any other value unchanged."""
    return value.say(tr) if isinstance(value, Phrase) else value


def _rebuild(msg_id: str, count: int | None, params: dict[str, object]) -> Phrase:
    return Phrase(msg_id, count=count, **params)
