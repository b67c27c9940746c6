"""`akhbar refresh` as a user runs it: a subprocess against a local server."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from engine_helpers import rss, run_cli, snapshot, write_config
from feedserver import FeedServer, feed, status

from akhbar_tui.commands.refresh import Progress, one_line
from akhbar_tui.models import RefreshProgress


@pytest.fixture
def server() -> FeedServer:
    with FeedServer() as srv:
        srv.routes["/ok.xml"] = feed(rss(range(3), title="Good"), etag='"v1"')
        srv.routes["/ar.xml"] = feed(rss(range(2), arabic=True))
        srv.routes["/evil.xml"] = status(500)
        yield srv


def test_all_ok_exits_0_with_the_summary_last(
    tmp_path: Path, server: FeedServer, user_dirs: tuple[Path, Path]
) -> None:
    config = tmp_path / "feeds.toml"
    write_config(config, [server.url("/ok.xml"), server.url("/ar.xml")], titles=["Good", "عربي"])
    first = run_cli("refresh", "--config", str(config))
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == ["2 feeds: 2 ok, 0 unchanged, 0 failed; 5 new articles"]
    # Not a terminal: one plain progress line per feed on stderr.
    progress = [line for line in first.stderr.splitlines() if line.startswith("[")]
    assert [line.split("]")[0] for line in progress] == ["[1/2", "[2/2"]
    assert sorted(line.split("] ", 1)[1] for line in progress) == ["new: Good", "new: عربي"]
    assert len(snapshot(user_dirs[1] / "akhbar.db")) == 5
    second = run_cli("refresh", "--config", str(config))
    assert second.stdout.splitlines()[-1] == (
        "2 feeds: 1 ok, 1 unchanged, 0 failed; 0 new articles"
    )


def test_failed_feeds_are_listed_and_exit_1(tmp_path: Path, server: FeedServer) -> None:
    config = tmp_path / "feeds.toml"
    write_config(config, [server.url("/ok.xml"), server.url("/evil.xml"), server.url("/no.xml")],
                 titles=["Good", "Evil", "Gone"])  # fmt: skip
    result = run_cli("refresh", "--config", str(config))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert sorted(lines[:-1]) == ["FAILED Evil: HTTP 500", "FAILED Gone: HTTP 404"]
    assert lines[-1] == "3 feeds: 1 ok, 0 unchanged, 2 failed; 3 new articles"


def test_feed_option_selects_by_url_or_title(tmp_path: Path, server: FeedServer) -> None:
    config = tmp_path / "feeds.toml"
    write_config(config, [server.url("/ok.xml"), server.url("/ar.xml"), server.url("/evil.xml")],
                 titles=["Good", "Arabic", "Evil"])  # fmt: skip
    result = run_cli(
        "refresh", "--feed", "good", "--feed", server.url("/ar.xml"), "--config", str(config)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["2 feeds: 2 ok, 0 unchanged, 0 failed; 5 new articles"]
    assert server.hits("/evil.xml") == 0


def test_unknown_feed_and_broken_config_exit_2(tmp_path: Path, server: FeedServer) -> None:
    config = tmp_path / "feeds.toml"
    write_config(config, [server.url("/ok.xml")])
    unknown = run_cli("refresh", "--feed", "nope", "--config", str(config))
    assert unknown.returncode == 2
    assert "nope" in unknown.stderr
    config.write_text("[settings\nbroken = ")
    broken = run_cli("refresh", "--config", str(config))
    assert broken.returncode == 2
    assert "feeds.toml" in broken.stderr
    assert server.hits("/ok.xml") == 0


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_terminal_progress_is_one_redrawn_line_without_feed_escapes() -> None:
    stream = FakeTty()
    progress = Progress(stream)
    progress(RefreshProgress(1, 4, "http://x/a", "A \x1b[31mred\x1b[0m\nfeed", "new"))
    progress(RefreshProgress(4, 4, "http://x/b", "B", "failed"))
    progress.finish()
    text = stream.getvalue()
    assert "\n" not in text
    assert text.count("\r\x1b[2K") == 3
    assert "[31m" not in text and "A red feed" in text
    last = text.split("\r\x1b[2K")[2]
    assert last.startswith("[###") and "-" not in last.split("]")[0] and " 4/4 B" in last


def test_one_line_folds_whitespace() -> None:
    assert one_line("HTTP 500\n\tInternal  error") == "HTTP 500 Internal error"
