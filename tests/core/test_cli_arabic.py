"""The command line in Arabic, as a user runs it: real subprocesses with `language = "ar"`.

Output goes to pipes here, so every Arabic line must come out in logical order, exactly the
catalogue's text; machine formats (`paths`, `feeds list`, the `refresh` summary and `FAILED`
lines, `--json`) must be byte for byte what English gives.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from engine_helpers import rss
from feedserver import FeedServer, feed, status

from akhbar_tui.i18n import message

FIXTURES = Path(__file__).parent / "fixtures"


def akhbar(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "akhbar_tui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
    )


def config(tmp_path: Path, body: str = "", language: str = "ar", name: str = "f.toml") -> Path:
    path = tmp_path / name
    path.write_text(f'[settings]\nlanguage = "{language}"\n{body}', encoding="utf-8")
    return path


def ar(msg_id: str, **params: object) -> str:
    return message("ar", msg_id, **params)  # type: ignore[arg-type]


def test_help_speaks_arabic_including_argparse_words(tmp_path: Path) -> None:
    result = akhbar("--config", str(config(tmp_path)), "--help", COLUMNS="200")
    assert result.returncode == 0
    out = result.stdout
    assert out.startswith("الاستخدام: akhbar ")
    for heading in ("المعاملات الموضعية:", "الخيارات:"):
        assert heading in out.splitlines()
    for msg_id in ("cli.description", "cli.command.refresh", "cli.option.help", "cli.option.bidi"):
        assert ar(msg_id) in out
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in out
    leaf = akhbar("feeds", "add", "--help", "--config", str(config(tmp_path)), COLUMNS="200")
    assert leaf.stdout.startswith("الاستخدام: akhbar feeds add ")
    assert ar("cli.feeds.add.discover_help") in leaf.stdout


def test_argparse_errors_are_arabic(tmp_path: Path) -> None:
    cfg = str(config(tmp_path))
    missing = akhbar("--config", cfg, "feeds")
    assert missing.returncode == 2
    assert missing.stderr.splitlines()[-1] == "akhbar feeds: خطأ: المعاملات التالية مطلوبة: ACTION"
    wrong = akhbar("--config", cfg, "--bidi", "sideways")
    assert wrong.stderr.splitlines()[-1] == (
        "akhbar: خطأ: المعامل --bidi: اختيار غير صالح: 'sideways' (اختر من 'app', 'terminal')"
    )
    number = akhbar("search", "x", "--limit", "many", "--config", cfg)
    assert "المعامل --limit: قيمة int غير صالحة: 'many'" in number.stderr
    both = akhbar("figures", "--json", "--jsonl", "--config", cfg)
    assert "غير مسموح به مع المعامل --json" in both.stderr


def test_feeds_add_and_remove_say_arabic_and_list_stays_machine_format(tmp_path: Path) -> None:
    cfg = str(config(tmp_path))
    added = akhbar("feeds", "add", "https://x.example/rss", "--title", "إكس", "--config", cfg)
    assert (added.returncode, added.stdout) == (0, "أُضيف إكس (https://x.example/rss)\n")
    listed = akhbar("feeds", "list", "--config", cfg)
    assert listed.stdout == "إكس\t-\t-\thttps://x.example/rss\n"
    removed = akhbar("feeds", "remove", "إكس", "--config", cfg)
    assert removed.stdout == "حُذف إكس (https://x.example/rss)\n"


def test_config_error_keeps_its_location_and_says_the_rest_in_arabic(tmp_path: Path) -> None:
    cfg = config(tmp_path, "keep_days = 0\n")
    result = akhbar("feeds", "list", "--config", str(cfg))
    assert result.returncode == 2
    assert result.stderr == f"akhbar: {cfg}:3: المفتاح 'keep_days': يجب ألا يقل عن 1، لا 0\n"
    typed = config(tmp_path, "refresh_minutes = 'often'\n", name="g.toml")
    result = akhbar("feeds", "list", "--config", str(typed))
    assert result.stderr == (
        f"akhbar: {typed}:3: المفتاح 'refresh_minutes': يجب أن يكون عددًا صحيحًا، لا نص ('often')\n"
        "  الحل: مثلًا refresh_minutes = 30\n"
    )


def test_broken_toml_is_reported_in_the_locale_language(tmp_path: Path) -> None:
    """The file cannot say its language, so `LANGUAGE=ar` decides; file:line:col stays."""
    cfg = tmp_path / "broken.toml"
    cfg.write_text('[settings]\nlanguage = "ar"\ntitle = "unterminated\n', encoding="utf-8")
    result = akhbar("feeds", "list", "--config", str(cfg), LANGUAGE="ar")
    assert result.returncode == 2
    first, fix = result.stderr.splitlines()
    assert first.startswith(f"akhbar: {cfg}:3:") and "ليس TOML صالحًا" in first
    assert fix == "  " + ar("error.config.fix", hint=ar("config.bad_toml.hint"))


def test_warnings_and_opml_errors_in_arabic(tmp_path: Path) -> None:
    cfg = config(tmp_path, "shiny = 1\n")
    warned = akhbar("feeds", "list", "--config", str(cfg))
    assert warned.stderr == f"akhbar: تحذير: {cfg}:3: الإعداد المجهول 'shiny' مُهمَل\n"
    hostile = FIXTURES / "opml" / "billion-laughs.opml"
    refused = akhbar("opml", "import", str(hostile), "--config", str(config(tmp_path)))
    assert refused.returncode == 2
    what = ar("opml.refused.doctype")
    assert refused.stderr == f"akhbar: {ar('opml.refused', source=str(hostile), what=what)}\n"
    missing = akhbar("opml", "import", str(tmp_path / "none.opml"), "--config", str(cfg))
    assert f"{tmp_path / 'none.opml'}: تعذّرت القراءة: " in missing.stderr


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        srv.routes["/ok.xml"] = feed(rss(range(2), arabic=True))
        srv.routes["/bad.xml"] = status(500)
        yield srv


def test_refresh_progress_in_arabic_summary_and_failures_in_english(
    tmp_path: Path, server: FeedServer
) -> None:
    feeds = (
        f'[[feeds]]\nurl = "{server.url("/ok.xml")}"\ntitle = "جيد"\n'
        f'[[feeds]]\nurl = "{server.url("/bad.xml")}"\ntitle = "Bad"\n'
    )
    result = akhbar("refresh", "--config", str(config(tmp_path, feeds)))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "FAILED Bad: HTTP 500"
    assert lines[-1].startswith("2 feeds: 1 ok, 0 unchanged, 1 failed; ")
    progress = sorted(line.split("] ", 1)[1] for line in result.stderr.splitlines())
    assert progress == ["جديد: جيد", "فشل: Bad"]


def test_fetch_article_failure_reason_in_arabic(tmp_path: Path, server: FeedServer) -> None:
    """Engine reasons (not Phrases) are matched by i18n.reasons and said in Arabic."""
    result = akhbar("fetch-article", server.url("/bad.xml"), "--config", str(config(tmp_path)))
    assert result.returncode == 1
    assert result.stderr.startswith("akhbar: ") and "(HTTP 500)" in result.stderr
    assert "الخادم" in result.stderr and "Traceback" not in result.stderr


def test_machine_formats_are_the_same_in_both_languages(tmp_path: Path) -> None:
    text = tmp_path / "story.txt"
    text.write_text("ارتفعت الإيرادات 12% إلى 8.3 مليار ريال في 2023", encoding="utf-8")
    outputs = {}
    for language in ("ar", "en"):
        cfg = str(config(tmp_path, language=language, name=f"{language}.toml"))
        figures = akhbar("figures", str(text), "--json", "--country", "SA", "--config", cfg)
        paths = akhbar("paths", "--config", cfg)
        outputs[language] = (figures.stdout, paths.stdout.replace(cfg, "CONFIG"))
    assert outputs["ar"] == outputs["en"]
    assert '"kind": "percent"' in outputs["ar"][0]
    assert outputs["ar"][1].splitlines()[0] == "config: CONFIG"


def test_auto_follows_the_locale_and_a_setting_overrides_it(tmp_path: Path) -> None:
    auto = str(config(tmp_path, language="auto"))
    said = akhbar("feeds", "add", "https://a.example/rss", "--config", auto, LANGUAGE="ar")
    assert said.stdout == "أُضيف https://a.example/rss (https://a.example/rss)\n"
    english = str(config(tmp_path, language="en", name="en.toml"))
    said = akhbar("feeds", "add", "https://a.example/rss", "--config", english, LANGUAGE="ar")
    assert said.stdout == "added https://a.example/rss (https://a.example/rss)\n"


def opml_with(count: int) -> str:
    outlines = "".join(
        f'<outline type="rss" text="f{n}" xmlUrl="https://e{n}.example/rss"/>' for n in range(count)
    )
    return f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>'


@pytest.mark.parametrize(
    ("count", "opening"),
    [
        (0, "لم يُستورد أي مصدر من"),
        (1, "استُورد مصدر واحد من"),
        (2, "استُورد مصدران من"),
        (3, "استُوردت 3 مصادر من"),
        (11, "استُورد 11 مصدرًا من"),
        (100, "استُورد 100 مصدر من"),
    ],
)
def test_import_count_agrees_with_its_noun(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], count: int, opening: str
) -> None:
    from akhbar_tui import cli

    source = tmp_path / "list.opml"
    source.write_text(opml_with(count), encoding="utf-8")
    cfg = config(tmp_path)
    assert cli.main(["opml", "import", str(source), "--config", str(cfg)]) == 0
    out = capsys.readouterr().out
    assert out == (f"{opening} {source}؛ وتُخطّي المكرر (0) وما ليس له عنوان http(s) (0)\n")


def test_arabic_indic_digits_in_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from akhbar_tui import cli

    source = tmp_path / "list.opml"
    source.write_text(opml_with(13), encoding="utf-8")
    cfg = config(tmp_path, 'digits = "arabic-indic"\n')
    assert cli.main(["opml", "import", str(source), "--config", str(cfg)]) == 0
    assert capsys.readouterr().out.startswith("استُورد ١٣ مصدرًا من ")


def test_search_without_hits_and_render_errors_say_arabic(tmp_path: Path) -> None:
    cfg = str(config(tmp_path))
    search = akhbar("search", "nothing", "--config", cfg)
    assert (search.returncode, search.stdout) == (0, "")
    assert search.stderr == ar("cli.search.no_hits") + "\n"
    as_json = akhbar("search", "nothing", "--json", "--config", cfg)
    assert (as_json.stdout, as_json.stderr) == ("[]\n", "")
    narrow = akhbar("render", "--width", "0", "--config", cfg)
    assert (narrow.returncode, narrow.stderr) == (2, "akhbar: يجب ألا تقل قيمة --width عن 1\n")


def test_arabic_help_to_a_pipe_stays_light(tmp_path: Path) -> None:
    """Reading the language costs no heavy import; bidi loads only for a terminal."""
    probe = (
        "import contextlib, io, json, sys\n"
        "from akhbar_tui import cli\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):\n"
        f"    cli.main(['--config', {str(config(tmp_path))!r}, '--help'])\n"
        "print(json.dumps([out.getvalue()[:12], sorted(sys.modules)]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )
    head, modules = json.loads(result.stdout)
    assert head.startswith("الاستخدام")
    heavy = {"textual", "rich", "httpx", "sqlite3", "feedparser", "bidi", "arabic_reshaper"}
    assert not (heavy | {"tomlkit"}) & {m.split(".")[0] for m in modules}
