"""The engine's failure reasons in the reader's language.

The engine writes why a feed or a page failed as a short English sentence built from a fixed set
of templates ("timed out after 20 s", "HTTP 404", "not a feed: got an HTML page; it links to the
feed …"). That sentence is a machine format: it is stored as it is (`feeds.last_error`), returned
in `FetchOutcome.error` and `FeedResult.reason`, and printed in the `FAILED title: reason` lines
scripts grep for. Only where a person reads it is it translated, with `reason_text`:

    reason_text(feed.last_error, tr)   # "انتهت مهلة الانتظار بعد ٢٠ ثانية"

`REASONS` is the table: one anchored pattern per template of the engine, and the message id
(`reason.*`, in `catalogs/<lang>_reasons.py`) that says it in the reader's language. Named groups
become the message's parameters:

- numbers (`count`, `status`, `line`, `limit`) are kept as the engine wrote them — no thousands
  separator added, so the English wording comes back byte for byte — and shown in the reader's
  digits; `count` picks the plural form (a fraction such as `2.5` takes CLDR's `other`);
- `reason` is itself a reason, translated in turn (`{url}: {reason}`);
- everything else (a URL, a host name, a MIME type, the text of an OS, TLS or XML error) comes
  from the outside world and is inserted unchanged.

A reason that matches no template (written by an older akhbar, or a server's own words) is
returned unchanged: showing English is better than guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from akhbar_tui.i18n.catalog import catalog
from akhbar_tui.i18n.plural import choose

if TYPE_CHECKING:
    from akhbar_tui.i18n import Translator

__all__ = [
    "NUMBER_GROUPS",
    "REASONS",
    "ReasonMatch",
    "ReasonTemplate",
    "match_reason",
    "reason_text",
]

NUMBER_GROUPS = frozenset({"count", "status", "line", "limit"})
"""Groups that hold a number akhbar wrote: shown in the reader's digits."""
_NESTED = "reason"
_NUM = r"\d+(?:\.\d+)?"  # seconds() and size() write "20", "2.5", "1.5"


@dataclass(frozen=True, slots=True)
class ReasonTemplate:
    """One template of the engine: a pattern that matches all of a reason, and its message id."""

    pattern: re.Pattern[str]
    msg_id: str


def _table(*rows: tuple[str, str]) -> tuple[ReasonTemplate, ...]:
    return tuple(ReasonTemplate(re.compile(regex, re.DOTALL), msg_id) for regex, msg_id in rows)


# First match wins: a specific HTTP status comes before the general one; `{url}: {reason}` last.
REASONS = _table(
    # fetch.py, fetch_support.py
    (r"invalid URL", "reason.invalid_url"),
    (rf"timed out after (?P<count>{_NUM}) s", "reason.timed_out"),
    (r"HTTP (?P<status>404)", "reason.http.not_found"),
    (r"HTTP (?P<status>410)", "reason.http.gone"),
    (r"HTTP (?P<status>40[13])", "reason.http.forbidden"),
    (r"HTTP (?P<status>429)", "reason.http.too_many_requests"),
    (r"HTTP (?P<status>5\d\d)", "reason.http.server_error"),
    (r"HTTP (?P<status>\d+)", "reason.http.status"),
    (rf"HTTP (?P<status>\d+), retry after (?P<count>{_NUM}) s", "reason.http.retry_after"),
    (r"HTTP (?P<status>\d+): unexpected answer", "reason.http.unexpected"),
    (r"only http and https URLs can be fetched", "reason.scheme"),
    (r"redirected to a URL that is not http or https", "reason.redirect_scheme"),
    (r"too many redirects", "reason.redirects"),
    (rf"response over (?P<count>{_NUM}) MB", "reason.too_large.mb"),
    (r"response over (?P<count>\d+) bytes", "reason.too_large.bytes"),
    (r"unsupported content encoding (?P<encoding>.+)", "reason.content_encoding"),
    (
        r"could not decompress the response \(bad (?P<encoding>\S+) data\)",
        "reason.decompress",
    ),
    (r"proxy error: (?P<detail>.+)", "reason.proxy"),
    (r"connection refused", "reason.refused"),
    (r"host not found: (?P<host>.*)", "reason.host_not_found"),
    (r"TLS error: (?P<detail>.+)", "reason.tls"),
    (r"could not connect: (?P<detail>.+)", "reason.connect"),
    (r"the server broke off the answer: (?P<detail>.+)", "reason.broken_answer"),
    (r"fetch failed: (?P<detail>.+)", "reason.fetch"),
    # parse.py, parse_text.py, engine_worker.py, engine_pool.py
    (r"empty response", "reason.empty"),
    (
        r"feed too complex to parse: (?P<count>\d+) tags \(limit (?P<limit>\d+)\)",
        "reason.too_complex",
    ),
    (r"XML error at line (?P<line>\d+): (?P<detail>.+)", "reason.xml.at_line"),
    (r"XML error: (?P<detail>.+)", "reason.xml.message"),
    (r"XML error \((?P<kind>\w+)\)", "reason.xml.kind"),
    (r"not a feed: got an HTML page", "reason.not_feed.html"),
    (
        r"not a feed: got an HTML page; it links to the feed (?P<links>.+)",
        "reason.not_feed.html_links",
    ),
    (r"not a feed: got JSON", "reason.not_feed.json"),
    (r"not a feed: XML that is neither RSS nor Atom", "reason.not_feed.xml"),
    (r"not a feed: got binary data", "reason.not_feed.binary"),
    (r"not a feed: got plain text", "reason.not_feed.text"),
    (r"the feed could not be parsed \((?P<kind>\w+)\)", "reason.parser_failed"),
    (r"the feed parser process stopped unexpectedly", "reason.parser_stopped"),
    # fulltext.py, engine.py
    (r"no main text found on the page", "reason.page.no_text"),
    (r"no main text found on the page: it is empty", "reason.page.no_text_empty"),
    (r"the page is empty", "reason.page.empty"),
    (r"not a web page: got (?P<content_type>.+)", "reason.page.not_html"),
    (r"not a web page: the server did not say what it sent", "reason.page.unlabelled"),
    (r"this article has no link to its web page", "reason.page.no_link"),
    # engine.discover: the address, then a reason of its own (only when that one is known)
    (rf"(?P<url>[A-Za-z][\w+.-]*://\S*?): (?P<{_NESTED}>.+)", "reason.at_url"),
)


class ReasonMatch(NamedTuple):
    """The template a reason was built from: its message id and the values of its groups."""

    msg_id: str
    params: dict[str, str]


def match_reason(reason: str) -> ReasonMatch | None:
    """Which engine template `reason` was built from, or None for foreign or older text.

    Lets a caller (or a test) tell akhbar's own reasons from a server's words without
    translating. The first template that matches all of `reason` wins; `{url}: {reason}` only
    counts when its inner reason is itself known.
    """
    for template in REASONS:
        found = template.pattern.fullmatch(reason)
        if found is None:
            continue
        params = found.groupdict()
        if _NESTED in params and match_reason(params[_NESTED]) is None:
            continue
        return ReasonMatch(template.msg_id, params)
    return None


def reason_text(reason: str, tr: Translator) -> str:
    """`reason` (an English failure reason from the engine) in the reader's language.

    Numbers come in the reader's digits with plural agreement; URLs, host names, MIME types and
    the words of servers and libraries stay as they are; an unknown reason is returned as it is.
    With an English translator and western digits the result is `reason` itself.
    """
    found = match_reason(reason)
    if found is None:
        return reason
    msg_id, groups = found
    entry = catalog(tr.language)[msg_id]
    if isinstance(entry, str):
        template = entry
    else:
        count = groups["count"]
        # CLDR puts every fraction in `other`; the rules in `plural` are for integers.
        template = choose(entry, int(count), tr.language) if count.isdigit() else entry["other"]
    values: dict[str, str] = {}
    for name, value in groups.items():
        if name in NUMBER_GROUPS:
            values[name] = tr.digits_of(value)
        elif name == _NESTED:
            values[name] = reason_text(value, tr)
        else:
            values[name] = value
    return template.format_map(values)
