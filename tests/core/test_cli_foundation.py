"""The command line as a user runs it: real subprocesses, real files in tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from akhbar_tui import __version__
from akhbar_tui.config import default_feeds_text

FIXTURES = Path(__file__).parent / "fixtures" / "opml"


def akhbar(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "akhbar_tui", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=os.environ.copy(),
        timeout=60,
    )


def test_version_and_help() -> None:
    assert akhbar("--version").stdout.strip() == f"akhbar {__version__}"
    result = akhbar("--help")
    assert result.returncode == 0
    for command in ("feeds", "opml", "paths"):
        assert command in result.stdout


def test_paths_prints_three_lines_and_first_run_copies_default(
    user_dirs: tuple[Path, Path],
) -> None:
    config_dir, data_dir = user_dirs
    result = akhbar("paths")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        f"config: {config_dir / 'feeds.toml'}",
        f"data: {data_dir}",
        f"database: {data_dir / 'akhbar.db'}",
    ]
    assert (config_dir / "feeds.toml").read_text(encoding="utf-8") == default_feeds_text()


def test_paths_honours_config_flag(tmp_path: Path) -> None:
    other = tmp_path / "elsewhere.toml"
    result = akhbar("paths", "--config", str(other))
    assert result.stdout.splitlines()[0] == f"config: {other}"


def test_feeds_add_list_remove(tmp_path: Path) -> None:
    cfg = tmp_path / "f.toml"
    cfg.write_text("# keep me\n", encoding="utf-8")
    added = akhbar(
        "--config",
        str(cfg),
        "feeds",
        "add",
        "https://x.example/rss",
        "--title",
        "إكس",
        "--category",
        "تقنية",
        "--tag",
        "a",
        "--tag",
        "b",
        "--lang",
        "ar",
    )
    assert added.returncode == 0, added.stderr
    listed = akhbar("feeds", "list", "--config", str(cfg))
    assert listed.stdout == "إكس\tتقنية\tar\thttps://x.example/rss\n"
    assert akhbar("feeds", "add", "https://x.example/rss", "--config", str(cfg)).returncode == 2
    removed = akhbar("feeds", "remove", "إكس", "--config", str(cfg))
    assert removed.returncode == 0 and "removed" in removed.stdout
    assert cfg.read_text(encoding="utf-8").startswith("# keep me\n")


def test_feeds_add_refuses_non_http(tmp_path: Path) -> None:
    cfg = tmp_path / "f.toml"
    result = akhbar("feeds", "add", "javascript:alert(1)", "--config", str(cfg))
    assert result.returncode == 2
    assert "http:// or https://" in result.stderr and "Traceback" not in result.stderr
    assert not cfg.exists()


def test_config_error_is_one_message_exit_2(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text('[settings]\nbidi = "sideways"\n', encoding="utf-8")
    result = akhbar("feeds", "list", "--config", str(cfg))
    assert result.returncode == 2
    assert result.stderr.startswith(f"akhbar: {cfg}:2: key 'bidi': must be one of")
    assert "Traceback" not in result.stderr


def test_missing_config_file(tmp_path: Path) -> None:
    result = akhbar("feeds", "list", "--config", str(tmp_path / "none.toml"))
    assert result.returncode == 2 and "file not found" in result.stderr


def test_warnings_go_to_stderr(tmp_path: Path) -> None:
    cfg = tmp_path / "f.toml"
    cfg.write_text("[settings]\nshiny = 1\n", encoding="utf-8")
    result = akhbar("feeds", "list", "--config", str(cfg))
    assert result.returncode == 0
    assert "warning" in result.stderr and "shiny" in result.stderr


def test_opml_import_export_via_cli(tmp_path: Path) -> None:
    cfg = tmp_path / "f.toml"
    cfg.write_text('[[feeds]]\nurl = "https://lwn.net/headlines/rss"\n', encoding="utf-8")
    result = akhbar(
        "opml", "import", str(FIXTURES / "subscriptions-cp1256.opml"), "--config", str(cfg)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("imported 4 feeds")
    assert "skipped 2 duplicates and 1 entries" in result.stdout
    out = tmp_path / "out.opml"
    assert akhbar("opml", "export", str(out), "--config", str(cfg)).returncode == 0
    assert "الجزيرة" in out.read_text(encoding="utf-8")
    to_stdout = akhbar("opml", "export", "--config", str(cfg)).stdout
    undated = [line for line in to_stdout.splitlines() if "dateCreated" not in line]
    assert undated == [
        line for line in out.read_text(encoding="utf-8").splitlines() if "dateCreated" not in line
    ]


def test_hostile_opml_is_refused(tmp_path: Path) -> None:
    cfg = tmp_path / "f.toml"
    result = akhbar("opml", "import", str(FIXTURES / "billion-laughs.opml"), "--config", str(cfg))
    assert result.returncode == 2 and "refused" in result.stderr
    result = akhbar("opml", "import", str(tmp_path / "missing.opml"), "--config", str(cfg))
    assert result.returncode == 2 and "cannot read" in result.stderr
