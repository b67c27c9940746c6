"""No literal remains: everything the command line says comes from the catalogue.

The scan reads the syntax trees of the CLI, its commands and the modules whose errors it prints
(config, config_write, opml, errors, cli_output) and fails on any string with words in it that
is handed to a person without a catalogue lookup: an argparse `help=`/`description=`/`epilog=`,
an argument of `print`, of a stream's `write`, of an akhbar error or of the Console's methods.
A string passed where an id is expected (`tr("…")`, `Phrase("…")`, `console.say("…")`) must be
an id of the English catalogue (and so, by the parity test, of the Arabic one).

Machine formats are printed as they are in every language; the functions that print them are
listed in MACHINE_FORMATS, each with the reason.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import re
from pathlib import Path

from akhbar_tui.cli_parser import ARGPARSE_IDS, ARGPARSE_PLURAL_IDS
from akhbar_tui.i18n import catalog

SRC = Path(__file__).resolve().parents[2] / "src" / "akhbar_tui"
FILES = [
    SRC / "cli.py",
    *sorted((SRC / "commands").glob("*.py")),
    SRC / "cli_output.py",
    SRC / "config.py",
    SRC / "config_write.py",
    SRC / "opml.py",
    SRC / "errors.py",
]

# (file, function) → why its strings are printed as they are.
MACHINE_FORMATS = {
    ("feeds.py", "_list"): "`feeds list`: tab-separated columns and the (disabled) flag",
    ("refresh.py", "print_machine_report"): "`FAILED title: reason` lines and the summary",
    ("paths.py", "run"): "`akhbar paths`: config:/data:/database: lines",
}
# Calls whose string arguments reach a person.
SPOKEN_CALLS = {"print", "write", "fail", "out", "err", "warn"}
# Calls whose first string argument is a catalogue id.
ID_CALLS = {"tr", "Phrase", "say", "note", "_said"}
HELP_KEYWORDS = {"help", "description", "epilog", "hint", "message"}
ERRORS = {"AkhbarError", "ConfigError", "OpmlError", "FetchError", "FeedParseError", "error"}

WORD = re.compile(r"[A-Za-z\u0600-\u06ff]{2,}")
EN = catalog("en")


def words_in(node: ast.AST) -> bool:
    """Whether a str constant or f-string has a word outside its {placeholders}."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(WORD.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(words_in(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):  # "a" + b, "%s" % x
        return words_in(node.left) or words_in(node.right)
    return False


def call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def functions(tree: ast.AST) -> dict[ast.AST, str]:
    """Every node → the name of the function it is in ("" at module level)."""
    owner: dict[ast.AST, str] = {}

    def visit(node: ast.AST, name: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.FunctionDef) else name
            owner[child] = inner
            visit(child, inner)

    visit(tree, "")
    return owner


def problems(path: Path, source: str | None = None) -> list[str]:
    """Every spoken literal and unknown id in one file, as `file:line: what`."""
    tree = ast.parse(source if source is not None else path.read_text(encoding="utf-8"))
    owner = functions(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or (path.name, owner.get(node, "")) in MACHINE_FORMATS:
            continue
        name = call_name(node)
        where = f"{path.name}:{node.lineno}"
        for keyword in node.keywords:
            if keyword.arg in HELP_KEYWORDS and words_in(keyword.value):
                found.append(f"{where}: {keyword.arg}= literal")
        spoken = name in SPOKEN_CALLS or name in ERRORS
        if spoken and any(words_in(arg) for arg in node.args):
            found.append(f"{where}: {name}() literal")
        if name in ID_CALLS and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if first.value not in EN:
                    found.append(f"{where}: unknown id {first.value!r}")
            elif isinstance(first, ast.JoinedStr):
                found.extend(unknown_family(first, where))
    return found


def unknown_family(node: ast.JoinedStr, where: str) -> list[str]:
    """An id built as f"prefix.{x}" must have catalogue entries under its prefix."""
    head = node.values[0]
    prefix = head.value if isinstance(head, ast.Constant) else ""
    if isinstance(prefix, str) and prefix and any(k.startswith(prefix) for k in EN):
        return []
    return [f"{where}: id built from {prefix!r} matches no catalogue entry"]


def test_no_literal_remains_in_what_the_cli_says() -> None:
    found = [problem for path in FILES for problem in problems(path)]
    assert found == [], "put these in i18n/catalogs/en.py and ar.py and look them up"


def test_the_scan_catches_a_new_literal() -> None:
    """The patterns are live: each shape of mistake added to a real command is reported."""
    path = SRC / "commands" / "feeds.py"
    source = path.read_text(encoding="utf-8")
    mistakes = [
        'print("Added feed")',
        'print(f"Added {url}")',
        'parser.add_argument("--x", help="some text")',
        'raise ConfigError("bad thing", hint="do this")',
        'console.say("cli.feeds.addded", title=1, url=2)',
        'sys.stderr.write("warning: careful\\n")',
        'print(url + " skipped")',
    ]
    for mistake in mistakes:
        broken = source + f"\n\ndef _mistake(parser, console, url):\n    {mistake}\n"
        assert problems(path, broken), mistake
    assert problems(path, source) == []
    machine = source.replace("return 0\n", 'print("skipped")\n    return 0\n', 1)
    assert problems(path, machine), "only the listed functions may print as they are"


def test_machine_format_functions_exist() -> None:
    """An allow-list entry whose function was renamed would silently allow nothing."""
    for file_name, function in MACHINE_FORMATS:
        path = next(p for p in FILES if p.name == file_name)
        assert f"def {function}(" in path.read_text(encoding="utf-8"), (file_name, function)


def argparse_msgids() -> tuple[set[str], set[str]]:
    """The strings this Python's argparse passes to gettext, and to ngettext (singulars)."""
    source = inspect.getsource(argparse)
    singles = set(re.findall(r"""\b_\(\s*(['"])((?:(?!\1).)*)\1""", source))
    plurals = set(re.findall(r"""ngettext\(\s*(['"])((?:(?!\1).)*)\1""", source))
    unescape = {text.replace("\\n", "\n") for _, text in singles}
    return unescape, {text for _, text in plurals}


# argparse's messages to programmers (a broken parser definition), never seen by a user.
PROGRAMMER_ERRORS = {
    "'required' is an invalid argument for positionals",
    "%r is not callable",
    ".__call__() not defined",
    'argument "-" with mode %r',
    "cannot have multiple subparser arguments",
    "cannot merge actions - two groups are named %r",
    "conflicting subparser alias: %s",
    "conflicting subparser: %s",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "invalid option string %(option)r: ",
    "mutually exclusive arguments must be optional",
    "conflicting option string: %s",
}


def test_every_argparse_word_a_user_sees_is_translated() -> None:
    singles, plurals = argparse_msgids()
    assert {"usage: ", "options", "the following arguments are required: %s"} <= singles
    assert set() == singles - PROGRAMMER_ERRORS - set(ARGPARSE_IDS)
    assert set() == plurals - PROGRAMMER_ERRORS - set(ARGPARSE_PLURAL_IDS)
    for msg_id in [*ARGPARSE_IDS.values(), *ARGPARSE_PLURAL_IDS.values()]:
        assert msg_id in EN


def test_argparse_placeholders_survive_translation() -> None:
    """argparse fills `%(name)s`/`%s` after the lookup, so the Arabic must keep each one."""
    percent = re.compile(r"%\(\w+\)[sr]|%[sr]")
    for msgid, msg_id in [*ARGPARSE_IDS.items(), *ARGPARSE_PLURAL_IDS.items()]:
        arabic = catalog("ar")[msg_id]
        texts = [arabic] if isinstance(arabic, str) else list(arabic.values())
        for text in texts:
            assert sorted(percent.findall(text)) == sorted(percent.findall(msgid)), msg_id
