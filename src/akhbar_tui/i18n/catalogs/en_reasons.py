"""English failure reasons: word for word what the engine writes, so that translating a reason
into English gives it back unchanged (`i18n.reasons.reason_text`).

The engine stores these sentences in English (`feeds.last_error`, `FetchOutcome.error`, the
`FAILED title: reason` lines); `i18n.reasons` recognizes them and fills the reader's language.
A change of wording in the engine must be made here too (a test compares them). `{count}` is
the number that picks a plural form; `{status}`, `{line}` and `{limit}` are other numbers;
`{url}`, `{host}`, `{detail}`, `{kind}`, `{encoding}`, `{links}` and `{content_type}` are
inserted as the engine or the server gave them.
"""

from __future__ import annotations

from akhbar_tui.i18n.catalog import Message

MESSAGES: dict[str, Message] = {
    # ── fetching (fetch.py, fetch_support.py) ──────────────────────────────────────────────
    "reason.invalid_url": "invalid URL",
    "reason.timed_out": {"one": "timed out after {count} s", "other": "timed out after {count} s"},
    "reason.http.status": "HTTP {status}",
    "reason.http.not_found": "HTTP {status}",
    "reason.http.gone": "HTTP {status}",
    "reason.http.forbidden": "HTTP {status}",
    "reason.http.too_many_requests": "HTTP {status}",
    "reason.http.server_error": "HTTP {status}",
    "reason.http.retry_after": {
        "one": "HTTP {status}, retry after {count} s",
        "other": "HTTP {status}, retry after {count} s",
    },
    "reason.http.unexpected": "HTTP {status}: unexpected answer",
    "reason.scheme": "only http and https URLs can be fetched",
    "reason.redirect_scheme": "redirected to a URL that is not http or https",
    "reason.redirects": "too many redirects",
    "reason.too_large.mb": {"one": "response over {count} MB", "other": "response over {count} MB"},
    "reason.too_large.bytes": {
        "one": "response over {count} bytes",
        "other": "response over {count} bytes",
    },
    "reason.content_encoding": "unsupported content encoding {encoding}",
    "reason.decompress": "could not decompress the response (bad {encoding} data)",
    "reason.proxy": "proxy error: {detail}",
    "reason.refused": "connection refused",
    "reason.host_not_found": "host not found: {host}",
    "reason.tls": "TLS error: {detail}",
    "reason.connect": "could not connect: {detail}",
    "reason.broken_answer": "the server broke off the answer: {detail}",
    "reason.fetch": "fetch failed: {detail}",
    # ── parsing (parse.py, parse_text.py, engine_worker.py, engine_pool.py) ────────────────
    "reason.empty": "empty response",
    "reason.too_complex": {
        "one": "feed too complex to parse: {count} tags (limit {limit})",
        "other": "feed too complex to parse: {count} tags (limit {limit})",
    },
    "reason.xml.at_line": "XML error at line {line}: {detail}",
    "reason.xml.message": "XML error: {detail}",
    "reason.xml.kind": "XML error ({kind})",
    "reason.not_feed.html": "not a feed: got an HTML page",
    "reason.not_feed.html_links": "not a feed: got an HTML page; it links to the feed {links}",
    "reason.not_feed.json": "not a feed: got JSON",
    "reason.not_feed.xml": "not a feed: XML that is neither RSS nor Atom",
    "reason.not_feed.binary": "not a feed: got binary data",
    "reason.not_feed.text": "not a feed: got plain text",
    "reason.parser_failed": "the feed could not be parsed ({kind})",
    "reason.parser_stopped": "the feed parser process stopped unexpectedly",
    # ── an article's web page (fulltext.py, engine.py) ─────────────────────────────────────
    "reason.page.no_text": "no main text found on the page",
    "reason.page.no_text_empty": "no main text found on the page: it is empty",
    "reason.page.empty": "the page is empty",
    "reason.page.not_html": "not a web page: got {content_type}",
    "reason.page.unlabelled": "not a web page: the server did not say what it sent",
    "reason.page.no_link": "this article has no link to its web page",
    # ── a reason about one address (engine.discover) ───────────────────────────────────────
    "reason.at_url": "{url}: {reason}",
}
