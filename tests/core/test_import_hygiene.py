"""The core/UI boundary of the design, checked in fresh interpreters.

Importing any core module loads neither textual nor rich (bidi_layout may load `rich.cells`, the
width table Textual paints with), and `akhbar --help` loads neither the UI nor the network,
database or feed-parsing stacks, so it starts instantly.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

import akhbar_tui

UI_PACKAGES = ("akhbar_tui.ui", "akhbar_tui.commands.tui")


def core_modules() -> list[str]:
    names = [
        info.name
        for info in pkgutil.walk_packages(akhbar_tui.__path__, prefix="akhbar_tui.")
        if not info.name.startswith(UI_PACKAGES) and info.name != "akhbar_tui.__main__"
    ]
    assert "akhbar_tui.config" in names and "akhbar_tui.cli" in names
    return sorted(names)


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def rich_outside_cells(modules: set[str]) -> set[str]:
    """rich modules other than the package itself, rich.cells and the private tables it loads."""
    allowed = {"rich", "rich.cells"}
    return {
        m
        for m in modules
        if (m == "rich" or m.startswith("rich."))
        and m not in allowed
        and not m.startswith("rich._")
    }


@pytest.mark.parametrize("module", core_modules())
def test_core_module_loads_no_ui(module: str) -> None:
    loaded = loaded_after(f"import {module}")
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}
    if module.startswith("akhbar_tui.bidi"):
        assert not rich_outside_cells(loaded)
    else:
        assert "rich" not in loaded, f"{module} imports rich"


def test_help_loads_nothing_heavy() -> None:
    loaded = loaded_after(
        "import contextlib, io\n"
        "from akhbar_tui import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    cli.main(['--help'])"
    )
    heavy = {
        "textual",
        "rich",
        "httpx",
        "sqlite3",
        "feedparser",
        "arabic_reshaper",
        "bidi",
        "tomlkit",
    }
    assert not heavy & {m.split(".")[0] for m in loaded}
