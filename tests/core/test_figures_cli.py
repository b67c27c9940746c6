"""`akhbar figures`: the table, the spec's JSON records and the JSON-lines batch mode."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from akhbar_tui.cli import add_common_options
from akhbar_tui.commands import figures as command
from akhbar_tui.errors import AkhbarError

FIXTURES = Path(__file__).parent / "fixtures" / "figures"


def run(argv: list[str], stdin: str = "", monkeypatch: pytest.MonkeyPatch | None = None) -> int:
    parser = argparse.ArgumentParser()
    add_common_options(parser)
    command.register(parser)
    if monkeypatch is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return command.run(parser.parse_args(argv))


def test_json_records_point_into_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "article_ar.txt"
    assert run([str(path), "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    text = path.read_text(encoding="utf-8")
    assert [r["value"] for r in records if r["kind"] == "money"] == [8e10, 3.3e10, 1.2e10]
    assert {r["kind"] for r in records} == {"money", "percent", "date"}
    for record in records:
        assert text[record["start"] : record["end"]] == record["span"]
        assert set(record) == {"start", "end", "span", "kind", "value", "unit", "qualifier"}


def test_table_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(["-", "--country", "QA"], "الإيرادات 8.3 مليار ريال", monkeypatch) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.split()[:3] == ["money", "8,300,000,000", "QAR"]
    assert line.endswith("8.3 مليار ريال")


def test_table_in_arabic_with_arabic_indic_digits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text('[settings]\nlanguage = "ar"\ndigits = "arabic-indic"\n', encoding="utf-8")
    text = "بلغت الإيرادات نحو 8.3 مليار ريال في 2024"
    assert run(["--config", str(config), "-", "--country", "QA"], text, monkeypatch) == 0
    money, year = capsys.readouterr().out.splitlines()  # piped: logical order
    assert money == "مبلغ: ٨٬٣٠٠٬٠٠٠٬٠٠٠ QAR — 8.3 مليار ريال (تقريبًا)"
    assert year == "سنة: ٢٠٢٤ - — 2024"  # the span as written; a year is never grouped


def test_jsonl_batch_answers_every_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    batch = (FIXTURES / "batch.jsonl").read_text(encoding="utf-8")
    assert run(["--jsonl"], batch, monkeypatch) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line.get("id") for line in lines] == ["a", "b", None, "c"]
    assert [(f["value"], f["unit"]) for f in lines[0]["figures"]] == [(1650, "YER")]
    assert [f["span"] for f in lines[1]["figures"]] == ["15 percent", "$2.7m"]
    assert lines[2] == {"line": 3, "error": "a line must be a JSON object"}
    assert lines[3]["figures"] == []


def test_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(AkhbarError, match="cannot read"):
        run([str(tmp_path / "missing.txt")])
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(AkhbarError, match="cannot read"):
        run([str(binary)])


def test_article_figures_use_the_reader_text_and_the_feed_country(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from akhbar_tui import article_text, paths
    from akhbar_tui.config import load_config
    from akhbar_tui.engine import Engine
    from akhbar_tui.models import Article, HeadlineQuery, ParsedFeed

    url = "https://example.test/qa.xml"
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(f'[[feeds]]\nurl = "{url}"\nlang = "ar"\ncountry = "QA"\n', encoding="utf-8")
    database = paths.database_file()
    database.parent.mkdir(parents=True, exist_ok=True)
    html = "<p>مقدمة الخبر.</p><p>وبلغت الإيرادات <b>8.3 مليار ريال</b> بنمو 9%.</p>"
    engine = Engine(load_config(feeds), database)
    try:
        article = Article(feed_url=url, guid="g1", title="نتائج", summary_html=html, lang="ar")
        engine._store.store_parsed(
            engine._store.feed_ids()[url],
            ParsedFeed("t", None, "ar", (article,)),
            etag=None,
            last_modified=None,
            keep_days=3650,
            keep_per_feed=100,
        )
        (headline,) = engine.headlines(HeadlineQuery())
    finally:
        engine.close()

    assert run(["--article", str(headline.id), "--json", "--config", str(feeds)]) == 0
    records = json.loads(capsys.readouterr().out)
    shown = article_text.plain_text(article_text.blocks(html, None, lang="ar"))
    assert [(r["span"], r["unit"]) for r in records] == [("8.3 مليار ريال", "QAR"), ("9%", "%")]
    assert all(shown[r["start"] : r["end"]] == r["span"] for r in records)
