"""UAX #9 for one display line: levels, reordering (L2), marks after base (L3), mirroring (L4).

python-bidi 0.6 reorders but neither exposes levels nor applies L3/L4, and akhbar needs the
levels to map source offsets to screen columns. So the rules run here, on a string of one-letter
bidi classes, mostly as regular-expression passes (C speed; a per-character Python loop would
cost more than shaping). Levels are resolved once per paragraph (`paragraph_levels`, rules
X1–I2), as UAX #9 says, so a rule that looks back across a line break keeps its context: digits
after an Arabic word that ended the previous row are still Arabic numbers (W2), a bracket pair
split by a break still resolves as a pair (N0). Each row then takes its slice of those levels
and gets rules L1–L4 (`line_levels`, `reorder`).

Explicit embeddings and overrides (LRE, RLE, LRO, RLO, PDF) are treated as boundary neutrals
(BN): the text inside them is ordered as if they were absent (feed text has them stripped
already; honouring an override would let a stranger reorder what surrounds it). Isolates
(LRI, RLI, FSI … PDI) are honoured, by `bidi_isolates`: they can only reorder their own content.
LRM, RLM and ALM are strong characters of their direction, by their bidi class.
"""

from __future__ import annotations

import re
import unicodedata

from bidi.mirror import MIRRORED

from akhbar_tui.bidi_shape import clusters

# Bidi class → one letter. B (paragraph separator) cannot occur inside a line; it counts as S.
_CODES = {
    "L": "L",
    "R": "R",
    "AL": "A",
    "EN": "E",
    "ES": "S",
    "ET": "T",
    "AN": "N",
    "CS": "C",
    "NSM": "M",
    "BN": "B",
    "B": "X",
    "S": "X",
    "WS": "W",
    "ON": "O",
    "LRI": "i",
    "RLI": "j",
    "FSI": "f",
    "PDI": "p",
}


class _ClassTable(dict[int, str]):
    """`str.translate` table from code point to class letter, filled on first sight."""

    def __missing__(self, code: int) -> str:
        bidi_class = unicodedata.bidirectional(chr(code))
        letter = _CODES.get(bidi_class, "B") if bidi_class else "L"
        self[code] = letter
        return letter


_CLASSES = _ClassTable()


def bidi_classes(text: str) -> str:
    """One class letter per character of `text` (see `_CODES`)."""
    return text.translate(_CLASSES)


_STRONG = re.compile("[LRA]")
_STRONG_OR_ISOLATE_CONTROL = re.compile("[LRAijfp]")
ISOLATE_CONTROL = re.compile("[ijfp]")


def first_strong_rtl(classes: str) -> bool | None:
    """Rules P2/P3: True if the first strong character is R or AL, False if L, None if there
    is none. Characters between an isolate initiator and its matching PDI (or the end) are
    skipped.
    """
    if ISOLATE_CONTROL.search(classes) is None:
        found = _STRONG.search(classes)
        return None if found is None else found.group() != "L"
    depth = 0
    for found in _STRONG_OR_ISOLATE_CONTROL.finditer(classes):
        kind = found.group()
        if kind in "ijf":
            depth += 1
        elif kind == "p":
            depth = max(0, depth - 1)
        elif depth == 0:
            return kind != "L"
    return None


_ANY_RTL = re.compile("[RANijfp]")
_ANY_LTR_OR_NUMBER = re.compile("[LENijfp]")
_W1 = re.compile(r"([^M])M+")
_W4_EN = re.compile(r"E[SC](?=E)")
_W4_AN = re.compile(r"NC(?=N)")
# Matched only from a run's start and possessively: a paragraph-long run of ET must not
# be re-scanned from each of its characters.
_W5 = re.compile(r"(?<!T)T++(?=E)|(?<=E)T++")
_W6 = str.maketrans("STC", "OOO")
# Spans whose nearest strong class is AL (W2: L, R and AL are strong) or L (W7: AL is R by then).
_W2 = re.compile("A[^LR]*")
_W7 = re.compile("L[^R]*")
_N1_LTR_IN_RTL = re.compile(r"L[OWX]+(?=L)")
_N1_RTL_IN_LTR = re.compile(r"[REN][OWX]+(?=[REN])")
_N2_RTL = str.maketrans("OWX", "RRR")
_N2_LTR = str.maketrans("OWX", "LLL")
_NUMBERS_AS_R = str.maketrans("EN", "RR")
_LEVELS_RTL = str.maketrans("LREN", "2122")
_LEVELS_LTR = str.maketrans("LREN", "0122")
# Rule L1: whitespace and isolate controls before a segment separator or the line end, and the
# separators. A run is matched only from its start and possessively, so a stranger's long run
# of zero-width controls costs linear time.
_L1_TRAILING = re.compile(r"(?<![WBijfp])[WBijfp]*+(?:X|$)")
_L1_ENDS = ("W", "B", "X", "i", "j", "f", "p")

_EQUIVALENT = {"\u2329": "\u3008", "\u232a": "\u3009"}
_OPENERS = {
    ch: _EQUIVALENT.get(MIRRORED[ch], MIRRORED[ch])
    for ch in MIRRORED
    if unicodedata.category(ch) == "Ps"
}
_CLOSERS = {ch for ch in MIRRORED if unicodedata.category(ch) == "Pe"}
_BRACKET = re.compile("[" + re.escape("".join(sorted(_OPENERS.keys() | _CLOSERS))) + "]")


def _mirror(text: str) -> str:
    """Rule L4 on a right-to-left piece: each mirrored character swapped for its mirror.

    A regex pass touches only the brackets; `str.translate` would look up every character.
    """
    return _MIRRORED_CHAR.sub(_mirrored, text)


def _mirrored(match: re.Match[str]) -> str:
    return MIRRORED[match.group()]


_MIRRORED_CHAR = re.compile("[" + re.escape("".join(sorted(MIRRORED))) + "]")
_MAX_BRACKET_DEPTH = 63


def levels(text: str, classes: str, rtl: bool) -> str:
    """Resolved embedding level of each character of a text that is one paragraph on one
    line, as `chr(48 + level)`: `paragraph_levels` then `line_levels`."""
    resolved = paragraph_levels(text, classes, rtl)
    if resolved is None:
        return ("1" if rtl else "0") * len(text)
    return line_levels(resolved, classes, rtl)


def paragraph_levels(text: str, classes: str, rtl: bool) -> str | None:
    """Rules X1–I2 on a whole paragraph: each character's level as `chr(48 + level)` (digits
    '0'–'2' unless it holds isolates), or None when all are at the paragraph level.

    `classes` is `bidi_classes(text)`; `rtl` is the paragraph direction. Pure paragraphs (an
    Arabic one without digits or Latin, or an English one) skip the rules entirely. Rule L1
    depends on where the rows break: `line_levels` applies it to each row's slice.
    """
    if not (_ANY_LTR_OR_NUMBER if rtl else _ANY_RTL).search(classes):
        return None
    if ISOLATE_CONTROL.search(classes):
        from akhbar_tui.bidi_isolates import isolate_levels  # it builds on this module

        return isolate_levels(text, classes, rtl)
    if "B" in classes:
        return _without_boundary_neutrals(text, classes, rtl)
    return _resolve(text, classes, rtl)


def line_levels(resolved: str, classes: str, rtl: bool) -> str:
    """Rule L1 on one row: `resolved` and `classes` are the paragraph's, sliced to the row.

    Whitespace and isolate controls at the row's end or before a segment separator, and the
    separators, go back to the paragraph level.
    """
    if classes[-1:] in _L1_ENDS or "X" in classes:
        base = "1" if rtl else "0"
        chars = list(resolved)
        for match in _L1_TRAILING.finditer(classes):
            chars[match.start() : match.end()] = base * (match.end() - match.start())
        resolved = "".join(chars)
    return resolved


def _without_boundary_neutrals(text: str, classes: str, rtl: bool) -> str:
    """Rule X9: resolve without BN characters; each then takes its neighbour's level."""
    kept = [i for i, c in enumerate(classes) if c != "B"]
    if not kept:
        return ("1" if rtl else "0") * len(text)
    inner = _resolve("".join(text[i] for i in kept), "".join(classes[i] for i in kept), rtl)
    out = [""] * len(text)
    for position, level in zip(kept, inner, strict=True):
        out[position] = level
    previous = "1" if rtl else "0"
    for i, level in enumerate(out):
        if level:
            previous = level
        else:
            out[i] = previous
    return "".join(out)


def _resolve(text: str, classes: str, rtl: bool) -> str:
    """Rules W1–W7, N0–N2, I1–I2 on one isolating run sequence with sos = eos = base."""
    e = "R" if rtl else "L"
    return resolve_types(text, classes, e, e, e).translate(_LEVELS_RTL if rtl else _LEVELS_LTR)


def resolve_types(text: str, classes: str, e: str, sos: str, eos: str) -> str:
    """Rules W1–W7 and N0–N2 on one isolating run sequence: the resolved type of each
    character, L, R, E (European number) or N (Arabic number), for I1–I2 to turn into levels.

    `e` is the embedding direction (L or R); `sos`/`eos` the types before and after it.
    """
    rtl = e == "R"
    s = sos + classes + eos
    if "M" in s:
        s = _W1.sub(lambda m: m.group(1) * len(m.group()), s)
    if "E" in s and "A" in s:
        s = _W2.sub(_numbers_as_arabic, s)
    s = s.replace("A", "R")
    if "S" in s or "C" in s:
        if "E" in s:
            s = _W4_EN.sub("EE", s)
        if "N" in s:
            s = _W4_AN.sub("NN", s)
    if "T" in s and ("ET" in s or "TE" in s):
        s = _W5.sub(lambda m: "E" * len(m.group()), s)
    s = s.translate(_W6)
    if "E" in s and "L" in s:
        s = _W7.sub(_numbers_as_ltr, s)
    if _BRACKET.search(text):
        s = _bracket_pairs(text, s, classes, e)
    if rtl:
        if "L" in s:
            s = _N1_LTR_IN_RTL.sub(lambda m: "L" * len(m.group()), s)
        return s[1:-1].translate(_N2_RTL)
    if "R" in s or "E" in s or "N" in s:
        s = _N1_RTL_IN_LTR.sub(lambda m: m.group()[0] + "R" * (len(m.group()) - 1), s)
    return s[1:-1].translate(_N2_LTR)


def _numbers_as_arabic(span: re.Match[str]) -> str:
    """Rule W2 on a span from an AL to the next L or R: its European numbers become AN."""
    return span.group().replace("E", "N")


def _numbers_as_ltr(span: re.Match[str]) -> str:
    """Rule W7 on a span from an L to the next R: its European numbers become L."""
    return span.group().replace("E", "L")


def _bracket_pairs(text: str, s: str, classes: str, e: str) -> str:
    """Rule N0 (with BD16 pairing): a bracket pair takes the direction its content implies."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for match in _BRACKET.finditer(text):
        i = match.start()
        ch = text[i]
        if s[i + 1] != "O":
            continue
        if ch in _OPENERS:
            if len(stack) == _MAX_BRACKET_DEPTH:
                break
            stack.append((_OPENERS[ch], i))
            continue
        closer = _EQUIVALENT.get(ch, ch)
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == closer:
                pairs.append((stack[depth][1], i))
                del stack[depth:]
                break
    if not pairs:
        return s
    opposite = "L" if e == "R" else "R"
    chars = list(s)
    # N0 c: the strong type before an opener, types set by earlier pairs included. Pairs come
    # in opener order and only set types at or after their opener, so one forward scan serves
    # them all (a paragraph of thousands of pairs costs linear time).
    scanned, context = 0, "R" if s[0] == "R" else "L"
    for opener, closer_at in sorted(pairs):
        inside = "".join(chars[opener + 2 : closer_at + 1]).translate(_NUMBERS_AS_R)
        if e in inside:
            direction = e
        elif opposite in inside:
            before = "".join(chars[scanned : opener + 1]).translate(_NUMBERS_AS_R)
            last_l, last_r = before.rfind("L"), before.rfind("R")
            if last_l != last_r:
                context = "L" if last_l > last_r else "R"
            scanned = opener + 1
            direction = opposite if context == opposite else e
        else:
            continue
        for at in (opener, closer_at):
            chars[at + 1] = direction
            follower = at + 1
            while follower < len(classes) and classes[follower] == "M":
                chars[follower + 1] = direction
                follower += 1
    return "".join(chars)


Segment = tuple[int, int, bool]
"""A run of one level in a line: (start, end, reversed) in logical positions."""

_BLOCK = re.compile("0+|[12]+")
_ABOVE_TWO = re.compile("[^012]")
_RUN = re.compile("1+|2+")


def reorder(text: str, line_levels: str, simple: bool) -> tuple[str, tuple[Segment, ...]]:
    """Rules L2–L4: the visual string and its level runs in visual (left-to-right) order.

    Without isolates levels are 0–2, so L2 is: reverse each block at level ≥ 1,
    which reverses the order of its runs and the characters of its level-1 runs. Odd runs are
    reversed by grapheme cluster, so marks, variation selectors and ZWJ emoji sequences stay
    after their base (L3), and their mirrored characters are swapped (L4). `simple` says every
    character is its own cluster.
    """
    segments: list[Segment]
    if _ABOVE_TWO.search(line_levels):
        from akhbar_tui.bidi_isolates import segments_any_level  # it builds on this module

        segments = segments_any_level(line_levels)
    elif "0" in line_levels:
        segments = []
        for block in _BLOCK.finditer(line_levels):
            a, b = block.span()
            if line_levels[a] == "0":
                segments.append((a, b, False))
                continue
            runs = [run.span() for run in _RUN.finditer(line_levels, a, b)]
            segments.extend((x, y, line_levels[x] == "1") for x, y in reversed(runs))
    else:  # the usual RTL line: one block at levels 1 and 2
        runs = [run.span() for run in _RUN.finditer(line_levels)]
        segments = [(x, y, line_levels[x] == "1") for x, y in reversed(runs)]
    if simple and _MIRRORED_CHAR.search(text) is None:
        pieces = [text[a:b][::-1] if back else text[a:b] for a, b, back in segments]
        return "".join(pieces), tuple(segments)
    pieces = []
    for start, end, backwards in segments:
        piece = text[start:end]
        if backwards:
            piece = piece[::-1] if simple else _reverse_clusters(piece)
            if _MIRRORED_CHAR.search(piece):
                piece = _mirror(piece)
        pieces.append(piece)
    return "".join(pieces), tuple(segments)


def visual_order(
    text: str, classes: str, resolved: str | None, rtl: bool, simple: bool
) -> tuple[str, tuple[Segment, ...]]:
    """A row's visual string and level runs: `line_levels` then `reorder`.

    `classes` and `resolved` are the paragraph's `bidi_classes` and `paragraph_levels` sliced
    to the row (`resolved` None for a pure paragraph). A row all at the paragraph level (all
    right-to-left in an RTL paragraph, all left-to-right in an LTR one: about half the rows of
    Arabic news) takes a shortcut.
    """
    base = "1" if rtl else "0"
    if resolved is None or not resolved.strip(base):
        if not rtl:
            return text, ((0, len(text), False),)
        piece = text[::-1] if simple else _reverse_clusters(text)
        if _MIRRORED_CHAR.search(piece):
            piece = _mirror(piece)
        return piece, ((0, len(text), True),)
    return reorder(text, line_levels(resolved, classes, rtl), simple)


def _reverse_clusters(piece: str) -> str:
    return "".join(piece[a:b] for a, b, _ in reversed(clusters(piece)))


def visual_positions(text: str, segments: tuple[Segment, ...], simple: bool) -> list[int]:
    """The logical position of each character of the visual string, left to right."""
    positions: list[int] = []
    for start, end, backwards in segments:
        if not backwards:
            positions.extend(range(start, end))
        elif simple:
            positions.extend(range(end - 1, start - 1, -1))
        else:
            for a, b, _ in reversed(clusters(text[start:end])):
                positions.extend(range(start + a, start + b))
    return positions
