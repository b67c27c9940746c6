"""The language is read before argparse is built, from `[settings]` alone when it can be."""

from __future__ import annotations

from pathlib import Path

from akhbar_tui.cli_output import startup_settings


def settings_of(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "feeds.toml"
    path.write_text(text, encoding="utf-8")
    return startup_settings(["--config", str(path), "refresh"])


def test_the_settings_section_alone_decides(tmp_path: Path) -> None:
    text = (
        '[[feeds]]\nurl = "https://a.test/feed"\n\n'
        '[settings]  # the reader\nlanguage = "ar"\ndigits = "arabic-indic"\n\n'
        '[[feeds]]\nurl = "https://b.test/feed"\n[keys]\n"app.quit" = "x"\n'
    )
    chosen = settings_of(tmp_path, text)
    assert (chosen.language, chosen.digits) == ("ar", "arabic-indic")


def test_a_value_that_spans_lines_falls_back_to_the_whole_file(tmp_path: Path) -> None:
    text = '[settings]\nlanguage = "ar"\nnote = """\n[not a table]\n"""\ncalendar = "hijri"\n'
    chosen = settings_of(tmp_path, text)
    assert (chosen.language, chosen.calendar) == ("ar", "hijri")


def test_bad_toml_or_no_section_means_defaults(tmp_path: Path) -> None:
    assert settings_of(tmp_path, '[settings]\nlanguage = "ar\n').language == "auto"
    assert settings_of(tmp_path, '[[feeds]]\nurl = "https://a.test/"\n').language == "auto"
    assert settings_of(tmp_path, 'settings.language = "ar"\n').language == "ar"
