"""Every failure reason the engine's source can write is a template `i18n.reasons` knows.

The scan reads each core module (not `ui/`, not `i18n/`) with `ast` and collects the strings the
engine makes reasons of:

- the message given to `FetchFailed`, `FeedParseError`, `NotAFeedError`, `FullTextError` or
  `FetchError`, and any `error=` / `reason=` keyword of a call;
- any value assigned to a variable called `reason`, and what `engine_fulltext._one` returns;

following names assigned in the same module, calls of the module's own functions or of one it
imports from akhbar (`_reason`, `_xml_problem`, `size`), and both sides of `a if c else b`,
`a or b` and `a + b`. Every f-string is rendered once per sample of each interpolated
expression (`SAMPLES`; an expression with no sample fails the test with its name, so a new
template cannot slip by unrendered), and every rendering must match a template of the table, be
given back unchanged in English, and each template of the table must be met by the scan.
`MIN_RENDERINGS` keeps the scan from passing on nothing if a class or module is renamed.
"""

from __future__ import annotations

import ast
import itertools
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

from akhbar_tui.i18n import Translator
from akhbar_tui.i18n.reasons import REASONS, match_reason, reason_text

SRC = Path(__file__).resolve().parents[2] / "src" / "akhbar_tui"
SINK_CALLS = {"FetchFailed", "FeedParseError", "NotAFeedError", "FullTextError", "FetchError"}
SINK_KEYWORDS = {"error", "reason"}
SINK_RETURNS = {("engine_fulltext.py", "_one")}
MIN_RENDERINGS = 60

# Source text of an interpolated expression → values it takes in real reasons.
SAMPLES: dict[str, list[str]] = {
    "seconds(self._timeout)": ["20", "2.5"],
    "seconds(timeout)": ["30"],
    "seconds(wait)": ["3600", "1.5"],
    "status": ["300", "403", "404", "410", "418", "429", "500"],
    "mb": ["10", "1.5"],
    "n": ["1000", "2"],
    "encoding": ["br", "gzip"],
    "exc": ["501 Unsupported method ('CONNECT')"],
    "urlsplit(url).hostname": ["feeds.invalid"],
    "text": ["[Errno 113] No route to host"],
    "tags": ["250003"],
    "MAX_TAGS": ["250000"],
    "exc.getLineNumber()": ["7"],
    "clean_text(exc.getMessage())": ["mismatched tag"],
    "message": ["undefined entity"],
    "name": ["CharacterEncodingUnknown"],
    "', '.join(links)": ["https://news.example/rss.xml, https://news.example/atom.xml"],
    "type(error).__name__": ["RecursionError"],
    "page_url": ["https://news.example/"],
    "outcome.error": ["HTTP 404", "timed out after 20 s"],
    "content_type[:80]": ["application/pdf"],
}


@dataclass
class Module:
    """One source file: where its names are assigned, its functions, what it imports."""

    path: Path
    tree: ast.Module
    assigned: dict[str, list[ast.expr]] = field(default_factory=dict)
    functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = field(default_factory=dict)
    imported: dict[str, str] = field(default_factory=dict)


@cache
def module(path: Path) -> Module:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = Module(path, tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    found.assigned.setdefault(target.id, []).append(node.value)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found.functions[node.name] = node
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("akhbar_tui."):
            for alias in node.names:
                found.imported[alias.asname or alias.name] = node.module  # type: ignore[assignment]
    return found


def returns(function: ast.AST) -> list[ast.expr]:
    return [n.value for n in ast.walk(function) if isinstance(n, ast.Return) and n.value]


def combine(results: list[list[str] | None]) -> list[str] | None:
    """The union of the string-valued alternatives; None when none of them is a string."""
    known = [r for r in results if r is not None]
    return [text for r in known for text in r] if known else None


def render(node: ast.expr, mod: Module, seen: frozenset[str] = frozenset()) -> list[str] | None:
    """Every string `node` can be (None: not a literal reason, e.g. `str(error)` passed on)."""
    match node:
        case ast.Constant(value=str() as text):
            return [text]
        case ast.JoinedStr(values=parts):
            options = [
                [part.value] if isinstance(part, ast.Constant) else sample(part, mod, seen)
                for part in parts
            ]
            return ["".join(choice) for choice in itertools.product(*options)]
        case ast.IfExp(body=body, orelse=orelse):
            return combine([render(body, mod, seen), render(orelse, mod, seen)])
        case ast.BoolOp(values=values):
            return combine([render(value, mod, seen) for value in values])
        case ast.BinOp(op=ast.Add(), left=left, right=right):
            lefts, rights = render(left, mod, seen), render(right, mod, seen)
            if lefts is None or rights is None:
                return None
            return [a + b for a in lefts for b in rights]
        case ast.Name(id=name) if name not in seen:
            values = mod.assigned.get(name, [])
            return combine([render(value, mod, seen | {name}) for value in values])
        case ast.Call(func=ast.Name(id=name)) if name not in seen:
            target = mod
            if name not in mod.functions and name in mod.imported:
                dotted = mod.imported[name].removeprefix("akhbar_tui.").replace(".", "/")
                target = module(SRC / f"{dotted}.py")
            function = target.functions.get(name)
            if function is None:
                return None
            return combine([render(value, target, seen | {name}) for value in returns(function)])
    return None


def sample(part: ast.FormattedValue, mod: Module, seen: frozenset[str]) -> list[str]:
    """The values an interpolation takes: from SAMPLES, else rendered from the source."""
    key = ast.unparse(part.value)
    values = SAMPLES.get(key) or render(part.value, mod, seen)
    assert values is not None, f"{mod.path.name}: add a sample for {{{key}}} to SAMPLES"
    return [repr(value) if part.conversion == ord("r") else value for value in values]


def sinks(mod: Module) -> list[ast.expr]:
    """The expressions of `mod` whose value becomes a failure reason."""
    found: list[ast.expr] = []
    for node in ast.walk(mod.tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in SINK_CALLS and node.args:
                found.append(node.args[0])
            found += [kw.value for kw in node.keywords if kw.arg in SINK_KEYWORDS]
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "reason" for t in node.targets
        ):
            found.append(node.value)
    for file_name, function_name in SINK_RETURNS:
        if mod.path.name == file_name:
            found += returns(mod.functions[function_name])
    return found


@cache
def renderings() -> dict[str, str]:
    """Every reason the scanned source can write → where (file:line) it is written."""
    files = [
        path
        for path in sorted(SRC.rglob("*.py"))
        if not {"ui", "i18n"} & set(path.relative_to(SRC).parts)
    ]
    assert {"fetch.py", "parse.py", "fulltext.py"} <= {p.name for p in files}
    found: dict[str, str] = {}
    for path in files:
        mod = module(path)
        for node in sinks(mod):
            for text in render(node, mod) or []:
                found.setdefault(text, f"{path.name}:{node.lineno}")
    return found


def test_the_scan_finds_the_engine_reasons() -> None:
    found = renderings()
    assert len(found) >= MIN_RENDERINGS, sorted(found)
    for known in ("too many redirects", "timed out after 20 s", "not a feed: got JSON"):
        assert known in found
    for file_name, function_name in SINK_RETURNS:
        assert function_name in module(SRC / file_name).functions


def test_every_reason_in_the_source_is_in_the_table() -> None:
    unknown = {text: where for text, where in renderings().items() if match_reason(text) is None}
    assert not unknown, f"add these templates to i18n/reasons.py: {unknown}"


def test_english_templates_have_the_engine_wording() -> None:
    english = Translator("en")
    changed = {text: reason_text(text, english) for text in renderings()}
    assert {text: out for text, out in changed.items() if out != text} == {}


def test_every_template_of_the_table_is_still_written_by_the_engine() -> None:
    met = {found.msg_id for text in renderings() if (found := match_reason(text))}
    stale = {template.msg_id for template in REASONS} - met
    assert not stale, f"the engine no longer writes these: {sorted(stale)}"


def test_the_scan_would_see_a_new_template(tmp_path: Path) -> None:
    """The scan on a module written here: a new sentence is found, a new expression flagged."""
    fake = tmp_path / "fake.py"
    fake.write_text(
        "from akhbar_tui.fetch_support import FetchFailed, size\n"
        "def check(status, cap):\n"
        "    if status:\n"
        '        reason = f"HTTP {status}, and a new sentence"\n'
        "        raise FetchFailed(reason)\n"
        '    raise FetchFailed(f"over the cap of {size(cap)}")\n'
        "def other(widget):\n"
        '    raise FetchFailed(f"lost the {widget}")\n',
        encoding="utf-8",
    )
    mod = module(fake)
    by_line = {node.lineno: node for node in sinks(mod)}
    assert sorted(by_line) == [4, 5, 6, 8]
    texts = [text for line in (4, 5, 6) for text in render(by_line[line], mod) or []]
    assert "HTTP 404, and a new sentence" in texts
    assert {"over the cap of 10 MB", "over the cap of 2 bytes"} <= set(texts)
    assert all(match_reason(text) is None for text in texts)
    with pytest.raises(AssertionError, match=r"add a sample for \{widget\}"):
        render(by_line[8], mod)
