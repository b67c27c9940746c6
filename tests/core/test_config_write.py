"""feeds.toml writes keep comments, order and formatting, and are atomic."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from akhbar_tui.config import add_feed, add_feeds, load_config, remove_feed, set_setting
from akhbar_tui.errors import ConfigError
from akhbar_tui.models import FeedSpec

ORIGINAL = """\
# My feeds — hand written
[settings]
refresh_minutes = 15   # I like it fresh

# Arabic first
[[feeds]]
url = "https://a.example/rss"   # the first one
title = "أ"

[[feeds]]
url   =   "https://b.example/rss"
title = "B"
"""


@pytest.fixture
def feeds_file(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(ORIGINAL, encoding="utf-8")
    return path


def test_add_then_remove_round_trips_byte_for_byte(feeds_file: Path) -> None:
    add_feed(feeds_file, FeedSpec(url="https://c.example/x", title="سي", tags=("t",), lang="ar"))
    text = feeds_file.read_text(encoding="utf-8")
    assert text.startswith(ORIGINAL)
    assert '\n\n[[feeds]]\nurl = "https://c.example/x"\ntitle = "سي"\nlang = "ar"\n' in text
    assert [f.url for f in load_config(feeds_file).feeds][-1] == "https://c.example/x"
    removed = remove_feed(feeds_file, "https://c.example/x")
    assert removed.title == "سي"
    assert feeds_file.read_text(encoding="utf-8") == ORIGINAL


def test_remove_by_title_keeps_comments_and_order(feeds_file: Path) -> None:
    removed = remove_feed(feeds_file, "b")
    assert removed.url == "https://b.example/rss"
    text = feeds_file.read_text(encoding="utf-8")
    assert "# I like it fresh" in text and "# the first one" in text and "# Arabic first" in text
    assert [f.url for f in load_config(feeds_file).feeds] == ["https://a.example/rss"]


def test_add_duplicate_is_refused(feeds_file: Path) -> None:
    with pytest.raises(ConfigError, match="already in the feed list"):
        add_feed(feeds_file, FeedSpec(url="https://a.example/rss"))
    assert feeds_file.read_text(encoding="utf-8") == ORIGINAL


def test_add_feeds_skips_known_urls(feeds_file: Path) -> None:
    added = add_feeds(
        feeds_file,
        [
            FeedSpec(url="https://a.example/rss"),
            FeedSpec(url="https://d.example/"),
            FeedSpec(url="https://d.example/"),
        ],
    )
    assert [s.url for s in added] == ["https://d.example/"]


def test_remove_unknown_and_ambiguous(feeds_file: Path) -> None:
    with pytest.raises(ConfigError, match="no feed has"):
        remove_feed(feeds_file, "zzz")
    add_feed(feeds_file, FeedSpec(url="https://e.example/", title="B"))
    with pytest.raises(ConfigError, match="2 feeds have the title"):
        remove_feed(feeds_file, "B")


def test_set_setting_keeps_comment(feeds_file: Path) -> None:
    set_setting(feeds_file, "theme", "nord")
    text = feeds_file.read_text(encoding="utf-8")
    assert "# I like it fresh" in text and 'theme = "nord"' in text
    assert load_config(feeds_file).settings.theme == "nord"
    with pytest.raises(ConfigError):
        set_setting(feeds_file, "bidi", "sideways")
    with pytest.raises(ConfigError):
        set_setting(feeds_file, "nonsense", 1)


def test_write_into_empty_directory(tmp_path: Path) -> None:
    path = tmp_path / "new" / "feeds.toml"
    add_feed(path, FeedSpec(url="https://x.example/"))
    assert load_config(path).feeds[0].url == "https://x.example/"


def test_failed_write_leaves_the_old_file(
    feeds_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that dies after the temporary file is written (disk full at fsync, say) leaves
    the old file untouched and no temporary file behind."""
    os.chmod(feeds_file, 0o640)

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        add_feed(feeds_file, FeedSpec(url="https://y.example/", title="Y"))
    assert feeds_file.read_text(encoding="utf-8") == ORIGINAL
    assert oct(feeds_file.stat().st_mode & 0o777) == "0o640"
    assert [p.name for p in feeds_file.parent.iterdir()] == ["feeds.toml"]


def test_mode_is_kept(feeds_file: Path) -> None:
    os.chmod(feeds_file, 0o600)
    add_feed(feeds_file, FeedSpec(url="https://z.example/"))
    assert feeds_file.stat().st_mode & 0o777 == 0o600
