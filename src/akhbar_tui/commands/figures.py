"""`akhbar figures`: the key figures of a text, a stored article, or a batch of JSON lines.

akhbar figures story.txt                 a table: kind, value, unit, span
akhbar figures - --json < story.txt      the spec's records as one JSON array
akhbar figures --article 42              figures of a stored article's text as the reader shows it
akhbar figures --jsonl < batch.jsonl     per line {"id","text","lang","country"?} → {"id","figures"}
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from akhbar_tui.errors import AkhbarError
from akhbar_tui.i18n import Translator
from akhbar_tui.phrase import Phrase

if TYPE_CHECKING:
    from akhbar_tui.cli_output import Console
    from akhbar_tui.models import Figure


def register(parser: argparse.ArgumentParser, tr: Translator | None = None) -> None:
    """`[FILE|-] [--lang L] [--country CC] [--json | --jsonl] [--article ID]`."""
    tr = tr or Translator()
    parser.add_argument(
        "file", nargs="?", default="-", metavar="FILE|-", help=tr("cli.figures.file_help")
    )
    parser.add_argument("--lang", metavar="L", help=tr("cli.figures.lang_help"))
    parser.add_argument("--country", metavar="CC", help=tr("cli.figures.country_help"))
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help=tr("cli.figures.json_help"))
    output.add_argument("--jsonl", action="store_true", help=tr("cli.figures.jsonl_help"))
    parser.add_argument("--article", type=int, metavar="ID", help=tr("cli.figures.article_help"))


def run(args: argparse.Namespace) -> int:
    """Read the input, extract, print; bad input is one clear error, never a traceback."""
    from akhbar_tui.figures import extract

    if args.jsonl:
        return _batch(extract)
    if args.article is not None:
        from akhbar_tui.article_figures import article_figures

        text, lang, country = _article_text(args)
        figures = article_figures(text, args.lang or lang, args.country or country)
    else:
        figures = extract(_read(args.file), args.lang, args.country)
    if args.json:
        print(json.dumps([record(f) for f in figures], ensure_ascii=False, indent=1))
    else:
        from akhbar_tui.cli_output import console_for

        _table(figures, console_for(args))
    return 0


def record(figure: Figure) -> dict[str, Any]:
    """The spec's output record for one figure (the `sentence` stays out, as in the spec)."""
    return {
        "start": figure.start,
        "end": figure.end,
        "span": figure.span,
        "kind": figure.kind,
        "value": figure.value,
        "unit": figure.unit,
        "qualifier": figure.qualifier,
    }


def _read(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    try:
        return Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise AkhbarError(
            Phrase("cli.figures.cannot_read", name=name, reason=str(error))
        ) from error


def _article_text(args: argparse.Namespace) -> tuple[str, str | None, str | None]:
    """The stored article's text exactly as the reader shows it, with its feed's country."""
    from akhbar_tui import article_text
    from akhbar_tui.commands._context import engine_from_args

    engine = engine_from_args(args)
    try:
        article = engine.article(args.article)
        feeds = engine.config.feeds
        country = next((f.country for f in feeds if f.url == article.feed_url), None)
    finally:
        engine.close()
    html = article.full_text or article.content_html or article.summary_html
    blocks = article_text.blocks(html, article.link, lang=article.lang)
    return article_text.plain_text(blocks), article.lang, country


def _table(figures: list[Figure], console: Console) -> None:
    """One row per figure for a person: kind, value, unit, the span as written, qualifier — in
    the reader's language and digits (Arabic rows laid out for a terminal by the console)."""
    tr = console.tr
    for figure in figures:
        value = figure.value
        if value is None or isinstance(value, str):
            shown = value or "-"
        else:
            shown = tr.number(value, grouping=figure.kind != "year")
        params = {
            "kind": tr(f"ui.figure_kind.{figure.kind}"),
            "value": shown,
            "unit": figure.unit or "-",
            "span": figure.span,
        }
        if figure.qualifier:
            qualifier = tr(f"cli.figures.qualifier.{figure.qualifier}")
            console.out(tr("cli.figures.row_qualified", qualifier=qualifier, **params))
        else:
            console.out(tr("cli.figures.row", **params))


def _batch(extract: Any) -> int:
    """One output line per input line; a bad line gets an "error" field, the batch goes on."""
    status = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise TypeError("a line must be a JSON object")
            text = item["text"]
            if not isinstance(text, str):
                raise TypeError("text is not a string")
        except (ValueError, KeyError, TypeError) as error:
            print(json.dumps({"line": number, "error": str(error)}))
            status = 1
            continue
        figures = extract(text, item.get("lang"), item.get("country"))
        out = {"id": item.get("id"), "figures": [record(f) for f in figures]}
        print(json.dumps(out, ensure_ascii=False))
    return status
