"""English messages: the source wording, copied from the modules that print them today.

Ids are grouped by where the text appears: `time.`/`date.` (relative ages, dates), `cli.` (the
command line: help texts, results, errors of each command), `config.` (feeds.toml checks),
`opml.`. The reader's `ui.` messages are in `en_ui.py` (`ui.key.<binding id>` are Footer and
help labels, then `ui.palette.`, `ui.dialog.`, `ui.notify.`, `ui.error.`, `ui.status.`…).
"""

from __future__ import annotations

from akhbar_tui.i18n.catalog import Message

MESSAGES: dict[str, Message] = {
    # ── relative times and dates ───────────────────────────────────────────────────────────
    "time.ago.now": "just now",
    "time.ago.minute": {"one": "{count} minute ago", "other": "{count} minutes ago"},
    "time.ago.hour": {"one": "{count} hour ago", "other": "{count} hours ago"},
    "time.ago.day": {"one": "yesterday", "other": "{count} days ago"},
    "time.ago.week": {"one": "{count} week ago", "other": "{count} weeks ago"},
    "time.ago.month": {"one": "{count} month ago", "other": "{count} months ago"},
    "time.ago.year": {"one": "{count} year ago", "other": "{count} years ago"},
    "time.short.now": "now",
    "time.short.minute": {"one": "{count}m", "other": "{count}m"},
    "time.short.hour": {"one": "{count}h", "other": "{count}h"},
    "time.short.day": {"one": "{count}d", "other": "{count}d"},
    "time.short.week": {"one": "{count}w", "other": "{count}w"},
    "time.short.month": {"one": "{count}mo", "other": "{count}mo"},
    "time.short.year": {"one": "{count}y", "other": "{count}y"},
    "date.gregorian": "{day} {month} {year}",
    "date.hijri": "{day} {month} {year} AH",
    "date.both": "{gregorian} ({hijri})",
    "date.with_time": "{date}, {time}",
    # ── command line: parser and common options ────────────────────────────────────────────
    "cli.error": "akhbar: {error}",
    "cli.warning": "akhbar: warning: {warning}",
    "cli.description": "A terminal news reader that shows Arabic right, with each article's key "
    "figures. Without a command, opens the reader.",
    "cli.option.config": "use this feeds.toml instead of the one in the config directory",
    "cli.option.bidi": "app: akhbar shapes and orders Arabic; terminal: leave it to a bidi-aware "
    "terminal",
    "cli.option.demo": "open the reader on bundled sample feeds in a temporary database",
    "cli.command.refresh": "fetch every enabled feed and store new articles",
    "cli.command.feeds": "list, add or remove feeds in feeds.toml",
    "cli.command.opml": "import or export the feed list as OPML",
    "cli.command.paths": "print where akhbar keeps its files",
    "cli.command.fetch_article": "print the main text of an article page",
    "cli.command.search": "search stored articles",
    "cli.command.figures": "print the key figures of a text or a stored article",
    "cli.command.render": "print text laid out for this terminal (Arabic shaped and ordered)",
    # ── akhbar feeds ───────────────────────────────────────────────────────────────────────
    "cli.feeds.list.help": "list the feeds in feeds.toml",
    "cli.feeds.add.help": "add a feed (offline: the URL is written as given)",
    "cli.feeds.add.lang_help": "BCP 47 language, e.g. ar",
    "cli.feeds.add.discover_help": "URL is a web page: fetch it and add the first feed it links",
    "cli.feeds.remove.help": "remove a feed by url or title",
    "cli.feeds.added": "added {title} ({url})",
    "cli.feeds.removed": "removed {title} ({url})",
    "cli.feeds.also_found": "also found: {url}",
    "cli.feeds.no_feed_linked": "{url} links no RSS or Atom feed",
    "cli.feeds.no_feed_linked.hint": "find the feed's address on the site and add it without "
    "--discover",
    "cli.feeds.bad_url": "a feed address must start with http:// or https://, not {url}",
    "cli.feeds.bad_url.hint": "for example: akhbar feeds add https://example.com/feed.xml",
    # ── akhbar fetch-article ───────────────────────────────────────────────────────────────
    "cli.fetch_article.url_help": "the article page (http or https)",
    "cli.fetch_article.render_help": "lay the text out for the terminal: Arabic shaped and "
    "ordered, rtl right-aligned",
    "cli.fetch_article.width_help": "line width for --render (default: the terminal's width)",
    # ── akhbar figures ─────────────────────────────────────────────────────────────────────
    "cli.figures.file_help": "text to read",
    "cli.figures.lang_help": "language of the text (ar, en)",
    "cli.figures.country_help": "ISO 3166 country of the source: settles ريال, دينار …",
    "cli.figures.json_help": "print a JSON array of figures",
    "cli.figures.jsonl_help": 'read JSON lines {{"id","text","lang","country"}} on stdin, '
    'print {{"id","figures"}}',
    "cli.figures.article_help": "extract from a stored article instead",
    "cli.figures.cannot_read": "cannot read {name}: {reason}",
    # ── akhbar opml ────────────────────────────────────────────────────────────────────────
    "cli.opml.import_help": "add the feeds of an OPML file to feeds.toml",
    "cli.opml.export_help": "write the feed list as OPML 2.0",
    "cli.opml.cannot_read": "{source}: cannot read: {reason}",
    "cli.opml.imported": {
        "one": "imported {count} feed from {source}; skipped {duplicates} duplicates and "
        "{invalid} entries without an http(s) feed address",
        "other": "imported {count} feeds from {source}; skipped {duplicates} duplicates and "
        "{invalid} entries without an http(s) feed address",
    },
    # ── akhbar refresh ─────────────────────────────────────────────────────────────────────
    "cli.refresh.feed_help": "refresh only this feed (repeatable); disabled feeds can be named too",
    "cli.refresh.unknown_feed": "no feed with url or title {name} in the feed list",
    "cli.refresh.unknown_feed.hint": "`akhbar feeds list` shows the feeds",
    "cli.refresh.progress": "[{done}/{total}] {status}: {title}",
    "cli.refresh.status.new": "new",
    "cli.refresh.status.updated": "updated",
    "cli.refresh.status.unchanged": "unchanged",
    "cli.refresh.status.failed": "failed",
    "cli.refresh.status.ok": "ok",
    # ── akhbar render ──────────────────────────────────────────────────────────────────────
    "cli.render.width_help": "columns to lay out for (default: the terminal's width)",
    "cli.render.file_help": "text file, or -",
    "cli.render.width_too_small": "--width must be at least 1",
    "cli.render.cannot_read": "cannot read {name}: {reason}",
    # ── akhbar search ──────────────────────────────────────────────────────────────────────
    "cli.search.query_help": 'words, "a phrase", prefix*, title:word, OR, -word (Arabic '
    "proclitics are understood)",
    "cli.search.json_help": "print the hits as a JSON array",
    "cli.search.relevance_help": "best matches first instead of newest first",
    "cli.search.feed_help": "search only this feed",
    "cli.search.unread_help": "only unread articles",
    "cli.search.limit_help": "at most N hits (default 100)",
    # ── errors.ConfigError layout and feeds.toml checks (config.py, config_write.py) ───────
    "error.config.key": "key '{key}': {message}",
    "error.config.fix": "fix: {hint}",
    "config.file_not_found": "file not found",
    "config.file_not_found.hint": "create it, or run `akhbar` once without --config to get the "
    "default list",
    "config.not_utf8": "not UTF-8 text ({reason} at byte {byte})",
    "config.not_utf8.hint": "save the file as UTF-8",
    "config.cannot_read": "cannot read: {reason}",
    "config.bad_toml": "not valid TOML: {reason}",
    "config.bad_toml.hint": "check quotes, brackets and `key = value` syntax on that line",
    "config.unknown_top_level": "unknown top-level key '{key}' is ignored",
    "config.unknown_setting_ignored": "unknown setting '{key}' is ignored",
    "config.unknown_feed_key": "unknown feed key '{key}' is ignored",
    "config.warning_at": "{where}: {message}",
    "config.must_be_table": "must be a table",
    "config.settings.hint": "write it as a [settings] section",
    "config.keys.hint": "write it as a [keys] section",
    "config.must_be_whole_number": "must be a whole number, not {value}",
    "config.whole_number.hint": "for example {key} = 30",
    "config.must_be_string": "must be a string, not {value}",
    "config.string.hint": "put the value in quotes",
    "config.must_be_one_of": "must be one of {choices}, not {value}",
    "config.must_be_at_least": "must be at least {minimum}, not {value}",
    "config.must_be_array_of_tables": "must be an array of tables",
    "config.feeds.hint": "write each feed as a [[feeds]] section",
    "config.feed_must_be_table": "each feed must be a table",
    "config.duplicate_url": "duplicate url: feed #{index} repeats feed #{first}",
    "config.duplicate_url.hint": "remove one of the two [[feeds]] entries",
    "config.feed_key_type": "must be {expected}, not {value}",
    "config.feed_without_url": "feed #{index} has no url",
    "config.feed_without_url.hint": 'add a line like url = "https://example.com/feed.xml"',
    "config.url_scheme": "must be an http:// or https:// address, not {url}",
    "config.tags_list": "must be a list of strings",
    "config.direction": 'must be "auto", "rtl" or "ltr", not {value}',
    "config.country": 'must be a two-letter ISO 3166 code such as "SA", not {value}',
    "config.key_name": 'must be a key name such as "j" or "ctrl+r", not {value}',
    "config.describe.bool": "true/false ({value})",
    "config.describe.number": "a number ({value})",
    "config.describe.string": "a string ({value})",
    "config.describe.list": "a list ({value})",
    "config.describe.table": "a table ({value})",
    "config.expected.string": "a string",
    "config.expected.bool": "true or false",
    "config.expected.list": "a list of strings",
    "config.expected.other": "another type",
    "config.already_listed": "{url} is already in the feed list",
    "config.already_listed.hint": "remove it first with `akhbar feeds remove URL` to change it",
    "config.no_such_feed": "no feed has the url or title {name}",
    "config.no_such_feed.hint": "`akhbar feeds list` shows every feed's title and url",
    "config.ambiguous_title": {
        "one": "{count} feed has the title {name}",
        "other": "{count} feeds have the title {name}",
    },
    "config.ambiguous_title.hint": "remove it by its url instead",
    "config.unknown_setting": "unknown setting '{key}'",
    "config.invalid_value": "invalid value {value}",
    "config.cannot_edit": "cannot edit: {reason}",
    "config.cannot_edit.hint": "fix the file by hand first",
    "config.feeds_not_tables": "'feeds' must be [[feeds]] tables",
    "config.feed_not_table": "each feed must be a [[feeds]] table",
    # ── opml.py ────────────────────────────────────────────────────────────────────────────
    "opml.refused": "{source}: refused: the file contains {what}, which OPML never needs (it "
    "could expand entities or read other files)",
    "opml.refused.doctype": "a DOCTYPE",
    "opml.refused.entity": "an entity declaration",
    "opml.refused.external_entity": "an external entity",
    "opml.not_well_formed": "{source}:{line}:{column}: not well-formed XML ({reason})",
    "opml.cannot_decode": "{source}: cannot decode the file: {reason}",
    "opml.not_opml": "{source}: not an OPML file (no <opml> root element)",
}
