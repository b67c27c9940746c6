"""Fixtures of the reader's Pilot and snapshot tests."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from reader_fixtures import feeds_toml, serve
from textual.message import Message

from akhbar_tui.config import load_config
from akhbar_tui.engine import Engine
from core.feedserver import FeedServer


@pytest.fixture(scope="session")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, FeedServer]]:
    """One refreshed database and feeds.toml for the session, and the live feed server."""
    folder = tmp_path_factory.mktemp("reader")
    server = serve()
    (folder / "feeds.toml").write_text(feeds_toml(server), encoding="utf-8")
    engine = Engine(load_config(folder / "feeds.toml"), folder / "akhbar.db")
    asyncio.run(engine.refresh())
    engine.close()
    yield folder, server
    server.stop()


@pytest.fixture
def engine(stored: tuple[Path, FeedServer], tmp_path: Path) -> Iterator[Engine]:
    """An engine on a private copy of the refreshed database (Arabic, English, hostile feeds)."""
    folder, _server = stored
    for path in folder.glob("*"):
        shutil.copy(path, tmp_path / path.name)
    engine = Engine(load_config(tmp_path / "feeds.toml"), tmp_path / "akhbar.db")
    yield engine
    engine.close()


class Recorder:
    """Every message the app's widgets posted, for asserting on what the reader said."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self._seen: set[int] = set()

    def __call__(self, message: Message) -> None:
        # A bubbling message reaches the hook once per node it visits: keep it once.
        if id(message) not in self._seen:
            self._seen.add(id(message))
            self.messages.append(message)

    def of(self, kind: type[Message]) -> list[Message]:
        """The recorded messages of one type."""
        return [m for m in self.messages if isinstance(m, kind)]


@pytest.fixture
def recorder() -> Recorder:
    """A message hook for `run_test`."""
    return Recorder()
