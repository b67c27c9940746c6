"""UAX #9 explicit isolates (LRI, RLI, FSI … PDI) for one paragraph, and L2 at any level.

Feeds keep isolates on purpose: a publisher wraps a name or a number in one so that it is
ordered apart from its surroundings ("⁧xAI⁩ 2"). Paragraphs holding an isolate control come here
instead of the one-sequence fast path of `bidi_levels`: rules X5a–X6a give the levels inside
isolates (nested ones too, up to depth 125), X9 sets boundary neutrals aside, X10 chains level
runs into isolating run sequences with their own sos/eos, and each sequence is resolved by
`bidi_levels.resolve_types` on its own, so an isolate's content is ordered independently of its
surroundings. Embeddings and overrides (LRE … PDF) stay boundary neutrals, as in `bidi_levels`.

Levels are resolved on the whole paragraph, so an isolate that opens on one row and closes on a
later one is still one isolate: its content is ordered apart on each row it covers.
"""

from __future__ import annotations

import re

from akhbar_tui.bidi_levels import Segment, resolve_types

MAX_DEPTH = 125
_AS_NEUTRAL = str.maketrans("ijfp", "OOOO")
_RUN = re.compile(r"(.)\1*", re.DOTALL)
_STRONG_OR_ISOLATE_CONTROL = re.compile("[LRAijfp]")


def isolate_levels(text: str, classes: str, rtl: bool) -> str:
    """Levels of a paragraph holding isolate controls, as characters `chr(48 + level)`.

    `classes` is `bidi_levels.bidi_classes(text)`; `rtl` is the paragraph direction. Rule L1
    is left to the caller.
    """
    base = 1 if rtl else 0
    kept = [i for i, c in enumerate(classes) if c != "B"]
    if not kept:
        return chr(48 + base) * len(text)
    cls = "".join(classes[i] for i in kept)
    txt = "".join(text[i] for i in kept)
    partner = _matching_pairs(cls)
    level = _explicit_levels(cls, partner, base)
    resolved = [0] * len(cls)
    for runs in _sequences(cls, level, partner):
        _resolve_sequence(txt, cls, level, runs, base, resolved)
    out: list[int | None] = [None] * len(text)
    for position, value in zip(kept, resolved, strict=True):
        out[position] = value
    previous = base
    for i, value in enumerate(out):
        if value is None:
            out[i] = previous  # X9: a removed boundary neutral takes the level before it
        else:
            previous = value
    return "".join(chr(48 + (base if lv is None else lv)) for lv in out)


def _matching_pairs(cls: str) -> list[int]:
    """BD9: each isolate initiator's matching PDI and each PDI's initiator (-1 for none)."""
    partner = [-1] * len(cls)
    opened: list[int] = []
    for i, c in enumerate(cls):
        if c in "ijf":
            opened.append(i)
        elif c == "p" and opened:
            j = opened.pop()
            partner[i], partner[j] = j, i
    return partner


def _explicit_levels(cls: str, partner: list[int], base: int) -> list[int]:
    """Rules X5a–X5c, X6 and X6a for isolates: the embedding level of every character."""
    level = [base] * len(cls)
    stack = [base]
    overflow = valid = 0
    fsi_rtl = _fsi_directions(cls) if "f" in cls else {}
    for i, c in enumerate(cls):
        current = stack[-1]
        if c in "ijf":
            level[i] = current
            if c == "f":
                c = "j" if fsi_rtl.get(i) else "i"
            odd = c == "j"
            new = current + 1 if (current % 2 == 0) == odd else current + 2
            if new <= MAX_DEPTH and overflow == 0:
                valid += 1
                stack.append(new)
            else:
                overflow += 1
        elif c == "p":
            if overflow:
                overflow -= 1
            elif valid:
                valid -= 1
                stack.pop()
            level[i] = stack[-1]
        else:
            level[i] = current
    return level


def _fsi_directions(cls: str) -> dict[int, bool]:
    """Rules P2/P3 for the content of every FSI at once (up to its matching PDI, nested
    isolates skipped): True for R/AL, False for L, absent for none (then LTR).

    One pass, each strong character counting for the innermost open isolate only, so a
    stranger's thousands of FSIs cost linear time, not a scan each.
    """
    found: dict[int, bool] = {}
    opened: list[int] = []
    for match in _STRONG_OR_ISOLATE_CONTROL.finditer(cls):
        kind = match.group()
        if kind in "ijf":
            opened.append(match.start())
        elif kind == "p":
            if opened:
                opened.pop()
        elif opened and cls[opened[-1]] == "f" and opened[-1] not in found:
            found[opened[-1]] = kind != "L"
    return found


def _sequences(cls: str, level: list[int], partner: list[int]) -> list[list[tuple[int, int]]]:
    """BD13/X10: level runs chained into isolating run sequences (an initiator that ends a
    run continues at the run its matching PDI starts)."""
    sequences: list[list[tuple[int, int]]] = []
    waiting: dict[int, list[tuple[int, int]]] = {}
    start = 0
    for end in range(1, len(cls) + 1):
        if end < len(cls) and level[end] == level[start]:
            continue
        runs = waiting.pop(start, None)
        if runs is None:
            runs = []
            sequences.append(runs)
        runs.append((start, end))
        last = end - 1
        if cls[last] in "ijf" and partner[last] >= 0:
            waiting[partner[last]] = runs
        start = end
    return sequences


def _resolve_sequence(
    txt: str,
    cls: str,
    level: list[int],
    runs: list[tuple[int, int]],
    base: int,
    resolved: list[int],
) -> None:
    """Rules W1–I2 on one isolating run sequence; writes its characters' levels."""
    first, last = runs[0][0], runs[-1][1] - 1
    own = level[first]
    before = level[first - 1] if first > 0 else base
    after = base if cls[last] in "ijf" or last + 1 >= len(cls) else level[last + 1]
    sos = "R" if max(own, before) % 2 else "L"
    eos = "R" if max(own, after) % 2 else "L"
    seq_cls = "".join(cls[a:b] for a, b in runs).translate(_AS_NEUTRAL)
    seq_txt = "".join(txt[a:b] for a, b in runs)
    types = resolve_types(seq_txt, seq_cls, "R" if own % 2 else "L", sos, eos)
    raise_by = {"L": 1, "E": 1, "N": 1, "R": 0} if own % 2 else {"L": 0, "R": 1, "E": 2, "N": 2}
    at = iter(types)
    for a, b in runs:
        for i in range(a, b):
            resolved[i] = own + raise_by[next(at)]


def segments_any_level(line_levels: str) -> list[Segment]:
    """Rule L2 for levels above 2: from the highest level down to the lowest odd one, reverse
    every stretch of runs at that level or above. Returns the runs in visual order, each
    marked reversed when its level is odd (an odd number of reversals)."""
    runs = [(m.start(), m.end(), ord(m.group(1)) - 48) for m in _RUN.finditer(line_levels)]
    order = list(range(len(runs)))
    lowest = min(run[2] for run in runs)
    lowest_odd = lowest if lowest % 2 else lowest + 1
    for at_least in range(max(run[2] for run in runs), lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if runs[order[i]][2] < at_least:
                i += 1
                continue
            j = i
            while j < len(order) and runs[order[j]][2] >= at_least:
                j += 1
            order[i:j] = order[i:j][::-1]
            i = j
    return [(runs[k][0], runs[k][1], runs[k][2] % 2 == 1) for k in order]
