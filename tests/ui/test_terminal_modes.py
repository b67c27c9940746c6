"""The bidi mode sequences the reader sends: plain, and under tmux also as a passthrough."""

from __future__ import annotations

import pytest

from akhbar_tui import bidi_layout
from akhbar_tui.ui.app import mode_sequence


def test_outside_tmux_only_the_plain_sequence_goes_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TMUX", raising=False)
    assert mode_sequence(bidi_layout.enter_sequence("app")) == "\x1b[8l"
    assert mode_sequence(bidi_layout.exit_sequence("app")) == "\x1b[8h"


def test_under_tmux_the_sequence_also_goes_through_to_the_outer_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    sent = mode_sequence(bidi_layout.enter_sequence("app"))
    assert sent == "\x1b[8l" + "\x1bPtmux;\x1b\x1b[8l\x1b\\"
    assert mode_sequence(bidi_layout.exit_sequence("terminal")).endswith(
        "\x1bPtmux;\x1b\x1b[8h\x1b\\"
    )
