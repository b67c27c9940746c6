"""Find the line of a key in feeds.toml text, so error messages can point at it.

tomllib returns plain dicts without positions; errors are rare, so a light scan of the text on
the error path is cheaper than parsing with positions every time.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\"'-]+)\s*\]\]?")
_ASSIGN = re.compile(r"""^\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=""")

Section = str | tuple[str, int] | None


def locate(text: str, section: Section, key: str | None) -> int | None:
    """1-based line of `key` in `section` (a table name, or (array name, index)), else None.

    With `key=None` the section's header line is returned; with `section=None` a top-level key
    or the header of the table named `key`.
    """
    current: Section = None
    counts: dict[str, int] = {}
    header_line: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            name = header.group(2).strip("\"'")
            if header.group(1) == "[[":
                counts[name] = counts.get(name, -1) + 1
                current = (name, counts[name])
            else:
                current = name
            if section is None and key == name:
                return number
            if current == section:
                header_line = number
                if key is None:
                    return number
            continue
        if current != section or key is None:
            continue
        assign = _ASSIGN.match(line)
        if assign and key in assign.groups():
            return number
    return header_line
