"""No English literal is left in the reader: every word it shows comes from the catalogue.

The source of `akhbar_tui/ui/` is parsed and every place where text reaches the screen is looked
at: widget texts (`Label`, `Static`, `Button`, `Content`, `Text`, `Segment`), placeholders,
tooltips, help texts, notifications, the status line's parts, palette hits and the rows a
provider yields, system commands, border titles. A string literal (or the literal part of an
f-string, or a module constant) with a word in it fails the test unless the allow-list below
says why it is not a message. Bindings are
declared in English on purpose (their ids are what `[keys]` remaps); the second test checks that
each one has its label in the catalogue instead.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import sys
from pathlib import Path

from textual.binding import Binding

from akhbar_tui import ui
from akhbar_tui.i18n import catalog
from akhbar_tui.ui.labels import key_message_id

UI = Path(next(iter(ui.__path__)))  # a namespace package: no __init__.py

# Calls whose positional arguments are text on screen (None: all of them; else their indexes).
TEXT_ARGS: dict[str, tuple[int, ...] | None] = {
    "Label": (0,),
    "Static": (0,),
    "Button": (0,),
    "Content": (0,),
    "Text": (0,),
    "Segment": (0,),
    "notify": (0,),
    "notify_anywhere": (0,),
    "set_task": None,
    "set_view": (0,),
    "show_reason": None,
    "set_figures": (1,),
    "finished": (0,),
    "SystemCommand": (0, 1),
    "Hit": (1,),
    "DiscoveryHit": (0,),
    "FeedEntry": (1,),
    "update": (0,),
}
# Keyword arguments that are text on screen, whatever the call.
TEXT_KEYWORDS = {"placeholder", "tooltip", "help", "title", "message", "label", "text"}
# Attributes that are text on screen when assigned.
TEXT_ATTRIBUTES = {"border_title", "border_subtitle", "tooltip", "sub_title"}
WORD = re.compile(r"[A-Za-z]{2,}")

# (file, literal) → why it is not a message. Keep this short: each entry is a promise that no
# reader needs it in their language.
NOT_MESSAGES = {
    ("dialogs.py", "https://example.com/feed.xml"): "an example URL, the same in every language",
}


def module_constants(tree: ast.Module) -> dict[str, str]:
    """Module-level `NAME = "text"` assignments (a literal moved into a constant is still one)."""
    constants = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                    constants[target.id] = node.value.value
    return constants


def literal_texts(node: ast.expr, constants: dict[str, str]) -> list[str]:
    """The literal text inside an expression that reaches the screen (not what it computes)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant)]
    if isinstance(node, ast.Name) and node.id in constants:
        return [constants[node.id]]
    if isinstance(node, ast.BinOp):
        return literal_texts(node.left, constants) + literal_texts(node.right, constants)
    if isinstance(node, ast.IfExp):
        return literal_texts(node.body, constants) + literal_texts(node.orelse, constants)
    return []


def call_name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def shown_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every literal with a word in it that reaches the screen in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = module_constants(tree)
    found: list[tuple[int, ast.expr]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = call_name(node)
            if name == "Binding":
                continue  # checked by the bindings test
            if name in TEXT_ARGS:
                indexes = TEXT_ARGS[name]
                for i, arg in enumerate(node.args):
                    if indexes is None or i in indexes:
                        found.append((node.lineno, arg))
            found += [(node.lineno, k.value) for k in node.keywords if k.arg in TEXT_KEYWORDS]
        elif isinstance(node, ast.Yield) and node.value is not None:
            # A provider yielding (title, callback, help) rows: the palette shows them.
            value = node.value
            items = value.elts if isinstance(value, ast.Tuple) else [value]
            found += [(node.lineno, item) for item in items]
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Attribute) and target.attr in TEXT_ATTRIBUTES:
                    found.append((node.lineno, node.value))
    return [
        (line, text)
        for line, expr in found
        for text in literal_texts(expr, constants)
        if WORD.search(text) and (path.name, text) not in NOT_MESSAGES
    ]


def test_no_english_literal_reaches_the_screen() -> None:
    files = sorted(UI.rglob("*.py"))
    assert len(files) > 15  # the scan sees the reader's modules
    remaining = [
        f"{path.relative_to(UI)}:{line}: {text!r}"
        for path in files
        for line, text in shown_literals(path)
    ]
    assert remaining == [], "put these in i18n/catalogs/*_ui.py or *_panes.py:\n" + "\n".join(
        remaining
    )


def test_the_scan_finds_a_literal(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'TITLE = "Some title"\n'
        "def f(self, n):\n"
        '    self.notify(f"Marked {n} read.")\n'
        '    yield Label("Hello")\n'
        '    self.border_title = "Feeds"\n'
        "    yield Input(placeholder=TITLE)\n"
        '    yield Label("…  │  ")\n'
        '    yield "Go to feed", self.go, "List its headlines"\n',
        encoding="utf-8",
    )
    assert sorted(shown_literals(sample)) == [
        (3, " read."),
        (3, "Marked "),
        (4, "Hello"),
        (5, "Feeds"),
        (6, "Some title"),
        (8, "Go to feed"),
        (8, "List its headlines"),
    ]


def reader_bindings() -> list[tuple[str, Binding]]:
    """Every binding declared by a class of the reader (its modules imported)."""
    for info in pkgutil.walk_packages(ui.__path__, "akhbar_tui.ui."):
        importlib.import_module(info.name)
    found = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("akhbar_tui.ui"):
            continue
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == name:
                for binding in cls.__dict__.get("BINDINGS", []):
                    if isinstance(binding, Binding):
                        found.append((cls.__name__, binding))
    return found


def test_every_binding_has_a_label_in_both_languages() -> None:
    bindings = reader_bindings()
    assert len(bindings) > 30  # the reader's keys were found
    for language in ("en", "ar"):
        messages = catalog(language)
        unlabelled = [
            f"{owner}: {binding.id or binding.key} ({binding.description})"
            for owner, binding in bindings
            if key_message_id(binding, messages.__contains__) is None
        ]
        assert unlabelled == [], f"no ui.key.<id> label in {language}: {unlabelled}"


def test_english_labels_match_the_source_descriptions() -> None:
    # The English catalogue was copied from the source; a description changed in one place only
    # would show one thing in the help screen and another in the Footer.
    english = catalog("en")
    for owner, binding in reader_bindings():
        msg_id = key_message_id(binding, english.__contains__)
        assert msg_id is not None
        assert english[msg_id] == binding.description, (owner, binding.id)
