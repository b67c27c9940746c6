"""`[settings] calendar` and `digits`: defaults, accepted values, and the errors for bad ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from akhbar_tui.config import load_config, set_setting
from akhbar_tui.errors import ConfigError
from akhbar_tui.settings import Settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_are_gregorian_and_western() -> None:
    settings = Settings()
    assert (settings.calendar, settings.digits) == ("gregorian", "western")


@pytest.mark.parametrize("calendar", ["gregorian", "hijri", "both"])
@pytest.mark.parametrize("digits", ["western", "arabic-indic"])
def test_every_allowed_value_loads(tmp_path: Path, calendar: str, digits: str) -> None:
    text = f'[settings]\ncalendar = "{calendar}"\ndigits = "{digits}"\n'
    settings = load_config(write(tmp_path, text)).settings
    assert (settings.calendar, settings.digits) == (calendar, digits)


@pytest.mark.parametrize(
    ("key", "value", "choices"),
    [
        ("calendar", '"islamic"', '"gregorian", "hijri", "both"'),
        ("calendar", '"Hijri"', '"gregorian", "hijri", "both"'),
        ("digits", '"eastern"', '"western", "arabic-indic"'),
        ("digits", '"arabic_indic"', '"western", "arabic-indic"'),
    ],
)
def test_unknown_value_names_line_key_and_choices(
    tmp_path: Path, key: str, value: str, choices: str
) -> None:
    path = write(tmp_path, f'[settings]\ntheme = "x"\n{key} = {value}\n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    error = info.value
    assert (error.line, error.key, error.exit_code) == (3, key, 2)
    assert f"must be one of {choices}" in str(error)
    assert value.strip('"') in str(error)


@pytest.mark.parametrize("key", ["calendar", "digits"])
def test_non_string_value_is_refused(tmp_path: Path, key: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, f"[settings]\n{key} = 1\n"))
    assert info.value.key == key
    assert "must be a string" in str(info.value)


def test_writer_saves_and_refuses(tmp_path: Path) -> None:
    path = write(tmp_path, "# mine\n[settings]\n")
    set_setting(path, "calendar", "both")
    set_setting(path, "digits", "arabic-indic")
    settings = load_config(path).settings
    assert (settings.calendar, settings.digits) == ("both", "arabic-indic")
    assert path.read_text(encoding="utf-8").startswith("# mine")
    with pytest.raises(ConfigError) as info:
        set_setting(path, "digits", "persian")
    assert info.value.key == "digits"
    assert load_config(path).settings.digits == "arabic-indic"
