"""Fixtures every test gets: user directories redirected into the test's tmp_path.

No test may touch the real home directory, so `AKHBAR_CONFIG_DIR` and `AKHBAR_DATA_DIR` point into
`tmp_path` for every test (subprocesses inherit them through the environment). The interface
language is English unless a test asks for Arabic: `language = "auto"` would otherwise follow the
locale of whoever runs the suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Redirect akhbar's config and data directories for the duration of one test."""
    config_dir = tmp_path / "config"
    data_dir = tmp_path / "data"
    monkeypatch.setenv("AKHBAR_CONFIG_DIR", str(config_dir))
    monkeypatch.setenv("AKHBAR_DATA_DIR", str(data_dir))
    monkeypatch.delenv("PYTHON_ARABIC_RESHAPER_CONFIGURATION_FILE", raising=False)
    monkeypatch.setenv("LANGUAGE", "en")
    return config_dir, data_dir
