"""The reader's keypress → repaint clock (`AKHBAR_KEY_TIMING_FILE`, read by bench_ui).

A key is timed to the first screen update written after its handling, not to the first update
after its arrival: an update already due when the key came (here the status line, changed by
the key's own slow action before it finishes) must not count as the key's repaint.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import ClassVar

from reader_fixtures import loaded, reader_app
from textual.binding import Binding, BindingType
from waiting import settled, until

from akhbar_tui.ui import app as app_module
from akhbar_tui.ui.app import KEY_TIMING_ENV, AkhbarApp
from akhbar_tui.ui.screens.dialogs import AddFeedDialog

SLOW = 0.3


class SlowKeyReader(AkhbarApp):
    """The reader with one key whose action updates the screen, then works on for `SLOW` s."""

    CSS_PATH = Path(app_module.__file__).with_name("app.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [*AkhbarApp.BINDINGS, Binding("x", "slow", "Slow")]

    async def action_slow(self) -> None:
        self.main.status.set_task("working")
        await asyncio.sleep(SLOW)
        self.main.status.set_task(None)


def logged(path: Path) -> list[tuple[str, float, float]]:
    """The timing file's lines as (key, arrival → update ms, arrival → handled ms)."""
    rows = [line.split() for line in path.read_text(encoding="utf-8").splitlines()]
    return [(key, float(total), float(handled)) for key, total, handled in rows]


async def test_each_key_is_logged_once_after_it_was_handled(engine, tmp_path, monkeypatch):
    log = tmp_path / "keys.txt"
    monkeypatch.setenv(KEY_TIMING_ENV, str(log))
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot, rows=4)
        await pilot.press("j", "j", "k", "end")
        await until(pilot, lambda: len(logged(log)) == 4, "four keys logged")
        await settled(pilot)
    rows = logged(log)
    assert [key for key, _, _ in rows] == ["j", "j", "k", "end"]
    assert all(0 <= handled <= total for _, total, handled in rows)


async def test_an_update_during_a_keys_action_is_not_its_repaint(engine, tmp_path, monkeypatch):
    log = tmp_path / "keys.txt"
    monkeypatch.setenv(KEY_TIMING_ENV, str(log))
    app = SlowKeyReader(engine, index_in_background=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await pilot.press("x")
        await until(pilot, lambda: logged(log), "the slow key logged")
        await settled(pilot)
    [(key, total, handled)] = logged(log)
    assert key == "x"
    assert handled >= SLOW * 1000
    assert total >= handled


async def test_a_key_an_input_consumes_is_not_timed_and_holds_up_no_other(
    engine, tmp_path, monkeypatch
):
    log = tmp_path / "keys.txt"
    monkeypatch.setenv(KEY_TIMING_ENV, str(log))
    app = reader_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AddFeedDialog), "add-feed dialog")
        await pilot.press("h", "escape")
        await until(pilot, lambda: not isinstance(app.screen, AddFeedDialog), "dialog closed")
        await until(pilot, lambda: len(logged(log)) == 2, "the dialog's keys logged")
        await settled(pilot)
    assert [key for key, _, _ in logged(log)] == ["a", "escape"]
