"""`akhbar render`: a file or stdin laid out at a width, RTL rows right-aligned."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import pytest

from akhbar_tui.commands import render


def run_render(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bidi", choices=("app", "terminal"))
    render.register(parser)
    args = parser.parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(stdin), out, err
    try:
        code = render.run(args)
    finally:
        sys.stdin, sys.stdout, sys.stderr = old
    return code, out.getvalue(), err.getvalue()


def test_render_a_file_right_aligns_arabic_and_keeps_english_left(tmp_path: Path) -> None:
    source = tmp_path / "text.txt"
    source.write_text("مرحبا بالعالم\nHello world\n", encoding="utf-8")
    code, out, _ = run_render(["--width", "20", str(source)])
    assert code == 0
    assert out.splitlines() == [" " * 7 + "ﻢﻟﺎﻌﻟﺎﺑ ﺎﺒﺣﺮﻣ", "Hello world"]
    assert "\x1b" not in out  # not a terminal: no mode sequences


def test_render_reads_stdin_and_wraps_in_reading_order() -> None:
    code, out, _ = run_render(["--width", "12", "-"], stdin="قال «إن الصفقة تاريخية» أمس")
    assert code == 0
    assert [row.strip() for row in out.splitlines()] == ["ﻥﺇ» ﻝﺎﻗ", "ﺔﻘﻔﺼﻟﺍ", "ﺲﻣﺃ «ﺔﻴﺨﻳﺭﺎﺗ"]


def test_render_terminal_mode_prints_logical_text() -> None:
    code, out, _ = run_render(["--bidi", "terminal", "--width", "30"], stdin="مرحبا بالعالم")
    assert code == 0
    assert out.strip() == "مرحبا بالعالم"


@pytest.mark.parametrize("argv", [["--width", "0", "-"], ["/nonexistent/file.txt"]])
def test_render_reports_bad_input_without_a_traceback(argv: list[str]) -> None:
    code, out, err = run_render(argv)
    assert code == 2
    assert out == ""
    assert err.startswith("akhbar: ")
