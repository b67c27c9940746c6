"""Arabic messages painted inside the reader's panes: headline rows, the article's meta line,
the feeds pane and the figures pane (the rest of the reader is `ar_ui.py`).
"""

from __future__ import annotations

from akhbar_tui.i18n.catalog import Message

MESSAGES: dict[str, Message] = {}
