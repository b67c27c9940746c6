"""feeds.toml: validation errors with file/line/key, warnings, defaults and the packaged list."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from akhbar_tui.config import default_feeds_text, ensure_user_config, load_config
from akhbar_tui.errors import ConfigError
from akhbar_tui.settings import SETTING_RULES, Settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    assert info.value.exit_code == 2
    return info.value


def test_packaged_default_is_valid_and_mostly_arabic(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, default_feeds_text()))
    arabic = [f for f in config.feeds if f.lang == "ar"]
    english = [f for f in config.feeds if f.lang == "en"]
    assert len(arabic) >= 12 and len(english) >= 2
    assert all(f.title and f.category for f in config.feeds)
    assert config.warnings == ()
    assert all(f.url.startswith("https://") for f in config.feeds)


def test_empty_file_gives_defaults(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, ""))
    assert config.settings == Settings()
    assert config.feeds == () and config.keys == {}


def test_full_feed_entry(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            """
[settings]
bidi = "terminal"
max_per_host = 8
[keys]
refresh_all = "ctrl+r"
[[feeds]]
url = "https://example.com/ar.xml"
title = "مثال"
category = "أخبار"
tags = ["a", "b"]
lang = "ar"
direction = "rtl"
country = "sa"
enabled = false
""",
        )
    )
    (feed,) = config.feeds
    assert feed.title == "مثال" and feed.tags == ("a", "b") and feed.direction == "rtl"
    assert feed.country == "SA" and feed.enabled is False
    assert config.enabled_feeds == ()
    assert config.settings.bidi == "terminal" and config.settings.max_per_host == 8
    assert config.keys == {"refresh_all": "ctrl+r"}


def test_unknown_keys_warn_with_line(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            '[settings]\ncolour = "red"\n\n[[feeds]]\nurl = "https://a.example/"\nicon = 1\n',
        )
    )
    assert len(config.warnings) == 2
    assert "feeds.toml:2: unknown setting 'colour'" in config.warnings[0]
    assert "feeds.toml:6: unknown feed key 'icon'" in config.warnings[1]


def test_bad_toml_names_line_and_column(tmp_path: Path) -> None:
    error = error_for(tmp_path, "[settings]\nrefresh_minutes = = 3\n")
    assert error.line == 2 and error.column is not None
    assert "feeds.toml:2:" in str(error) and "not valid TOML" in str(error)


@pytest.mark.parametrize(
    ("text", "line", "key", "words"),
    [
        ('[settings]\nrefresh_minutes = "ten"\n', 2, "refresh_minutes", "whole number"),
        ("[settings]\nkeep_days = true\n", 2, "keep_days", "whole number"),
        ('[settings]\nbidi = "both"\n', 2, "bidi", '"app", "terminal"'),
        ('[settings]\nlanguage = "fr"\n', 2, "language", '"auto", "ar", "en"'),
        ("[settings]\ntheme = 3\n", 2, "theme", "must be a string"),
        ("[settings]\nmax_connections = 0\n", 2, "max_connections", "at least 1"),
        ('[[feeds]]\ntitle = "x"\n', 1, None, "has no url"),
        ('[[feeds]]\nurl = "ftp://x.example/f"\n', 2, "url", "http:// or https://"),
        ('[[feeds]]\nurl = "feed.xml"\n', 2, "url", "http:// or https://"),
        ('[[feeds]]\nurl = "https://a.example/"\ntags = "x"\n', 3, "tags", "list of strings"),
        ('[[feeds]]\nurl = "https://a.example/"\ntags = [1]\n', 3, "tags", "list of strings"),
        ('[[feeds]]\nurl = "https://a.example/"\ndirection = "up"\n', 3, "direction", '"rtl"'),
        ('[[feeds]]\nurl = "https://a.example/"\ncountry = "KSA"\n', 3, "country", "ISO 3166"),
        ('[[feeds]]\nurl = "https://a.example/"\nenabled = "yes"\n', 3, "enabled", "true or false"),
        ('[[feeds]]\nurl = "https://a.example/"\ntitle = 5\n', 3, "title", "a string"),
        (
            '[[feeds]]\nurl = "https://a.example/"\n\n[[feeds]]\nurl = "https://a.example/"\n',
            5,
            "url",
            "duplicate url",
        ),
        ("[keys]\nquit = 1\n", 2, "quit", "key name"),
        ('settings = "x"\n', 1, "settings", "must be a table"),
        ('feeds = "x"\n', 1, "feeds", "array of tables"),
    ],
)
def test_every_error_names_file_line_key(
    tmp_path: Path, text: str, line: int, key: str | None, words: str
) -> None:
    error = error_for(tmp_path, text)
    assert error.file and error.file.endswith("feeds.toml")
    assert error.line == line
    assert error.key == key
    assert words in str(error)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.toml")


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_bytes('title = "عربي"'.encode("cp1256"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(path)


def test_first_run_copies_default(tmp_path: Path) -> None:
    target = tmp_path / "cfg" / "feeds.toml"
    ensure_user_config(target)
    assert target.read_text(encoding="utf-8") == default_feeds_text()
    target.write_text("# mine\n", encoding="utf-8")
    ensure_user_config(target)
    assert target.read_text(encoding="utf-8") == "# mine\n"


def test_every_setting_has_a_rule() -> None:
    assert set(SETTING_RULES) == {f.name for f in fields(Settings)}
