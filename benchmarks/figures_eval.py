"""Score `figures.extract` on the dev set, the way the figures spec says.

    .venv/bin/python benchmarks/figures_eval.py            # score data/figures_dev/dev.jsonl
    .venv/bin/python benchmarks/figures_eval.py --build    # rebuild dev.jsonl from ar.txt/en.txt
    .venv/bin/python benchmarks/figures_eval.py --errors   # also list every miss and false alarm
    .venv/bin/python benchmarks/figures_eval.py --heldout  # score heldout.txt (never tuned on)

Gold is written in `ar.txt`/`en.txt` (span strings, readable in review); `--build` finds their
offsets and writes the JSON lines `{"id", "lang", "country", "text", "figures": [record, ...]}`.
A prediction matches a gold figure when their character ranges overlap (one-to-one, best overlap
first). "Full" also needs the same kind, value (relative 1e-6) and, for money, currency.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from akhbar_tui.figures import extract

DATA = Path(__file__).parent / "data" / "figures_dev"
SOURCES = (("ar", DATA / "ar.txt"), ("en", DATA / "en.txt"))
DEV = DATA / "dev.jsonl"
HELDOUT = DATA / "heldout.txt"


def _value(field: str) -> float | int | None:
    if field == "-":
        return None
    number = float(field)
    return int(number) if number.is_integer() else number


def _blocks(lang: str, path: Path) -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    k = 0
    while k < len(lines):
        if not lines[k].strip():
            k += 1
            continue
        head = lines[k].split()
        text = lines[k + 1]
        k += 2
        figures = []
        seen: dict[str, int] = defaultdict(int)
        while k < len(lines) and lines[k].startswith("  "):
            fields = [f.strip() for f in lines[k].split("|")]
            span, _, nth = fields[0].partition("#")
            starts = [m.start() for m in re.finditer(rf"(?<![\w.,]){re.escape(span)}(?!\w)", text)]
            starts = starts or [m.start() for m in re.finditer(re.escape(span), text)]
            wanted = int(nth) if nth else seen[span] + 1
            at = starts[wanted - 1] if len(starts) >= wanted else -1
            if at < 0:
                raise SystemExit(f"{head[0]}: span {span!r} not in text")
            seen[span] += 1
            figures.append(
                {
                    "start": at,
                    "end": at + len(span),
                    "span": span,
                    "kind": fields[1],
                    "value": _value(fields[2]),
                    "unit": None if fields[3] == "-" else fields[3],
                    "qualifier": fields[4] if len(fields) > 4 and fields[4] != "-" else None,
                }
            )
            k += 1
        country = head[1] if len(head) > 1 else None
        records.append(
            {"id": head[0], "lang": lang, "country": country, "text": text, "figures": figures}
        )
    return records


def build() -> None:
    """Write dev.jsonl from the authored gold files."""
    with DEV.open("w", encoding="utf-8") as out:
        for lang, path in SOURCES:
            for record in _blocks(lang, path):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _overlap(a: dict[str, object], b: dict[str, object]) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])  # type: ignore[operator]


def _full(pred: dict[str, object], gold: dict[str, object]) -> bool:
    if pred["kind"] != gold["kind"]:
        return False
    if gold["value"] is not None:
        if pred["value"] is None:
            return False
        gv, pv = float(gold["value"]), float(pred["value"])  # type: ignore[arg-type]
        if abs(pv - gv) > 1e-6 * max(1.0, abs(gv)):
            return False
    return gold["kind"] != "money" or pred["unit"] == gold["unit"]


def _match(preds: list[dict[str, object]], golds: list[dict[str, object]]) -> list[tuple[int, int]]:
    pairs = sorted(
        ((_overlap(p, g), pi, gi) for pi, p in enumerate(preds) for gi, g in enumerate(golds)),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched = []
    for overlap, pi, gi in pairs:
        if overlap <= 0:
            break
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        matched.append((pi, gi))
    return matched


class Tally:
    """Counts for one slice (overall, a language, a kind)."""

    def __init__(self) -> None:
        self.pred = self.gold = self.span = self.full = 0
        self.span_pred = 0  # matches counted on the predicted side (per-kind precision)

    def line(self, name: str) -> str:
        def prf(hit: int, hit_pred: int | None = None) -> str:
            p = (hit if hit_pred is None else hit_pred) / self.pred if self.pred else 1.0
            r = hit / self.gold if self.gold else 1.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return f"P {p:.3f} R {r:.3f} F1 {f:.3f}"

        counts = f"{name:<13} gold {self.gold:>4} pred {self.pred:>4}"
        return f"{counts} | span {prf(self.span, self.span_pred)} | full {prf(self.full)}"


def evaluate(show_errors: bool, records: list[dict[str, object]] | None = None) -> dict[str, Tally]:
    """Score every record (the dev set unless given); returns the tallies by slice name."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    if records is None:
        records = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
    for record in records:
        text = record["text"]
        preds = [
            {
                "start": f.start,
                "end": f.end,
                "span": f.span,
                "kind": f.kind,
                "value": f.value,
                "unit": f.unit,
            }
            for f in extract(text, record["lang"], record.get("country"))
        ]
        golds = record["figures"]
        matched = _match(preds, golds)
        full_p = {pi for pi, gi in matched if _full(preds[pi], golds[gi])}
        for slice_name in ("overall", record["lang"]):
            t = tallies[slice_name]
            t.pred += len(preds)
            t.gold += len(golds)
            t.span += len(matched)
            t.span_pred += len(matched)
            t.full += len(full_p)
        for p in preds:
            tallies["kind:" + p["kind"]].pred += 1
        for g in golds:
            tallies["kind:" + g["kind"]].gold += 1
        for pi, gi in matched:
            kind_tally = tallies["kind:" + golds[gi]["kind"]]
            kind_tally.span += 1
            tallies["kind:" + preds[pi]["kind"]].span_pred += 1
            kind_tally.full += pi in full_p
        if show_errors:
            _print_errors(record["id"], preds, golds, matched, full_p)
    return tallies


def _print_errors(rid, preds, golds, matched, full_p) -> None:  # type: ignore[no-untyped-def]
    got_p = {pi for pi, _ in matched}
    got_g = {gi for _, gi in matched}
    brief = lambda f: f"{f['span']!r} {f['kind']} {f['value']} {f['unit']}"  # noqa: E731
    for pi, gi in matched:
        if pi not in full_p:
            print(f"{rid} WRONG  {brief(preds[pi])}  gold {brief(golds[gi])}")
    for gi, g in enumerate(golds):
        if gi not in got_g:
            print(f"{rid} MISS   {brief(g)}")
    for pi, p in enumerate(preds):
        if pi not in got_p:
            print(f"{rid} EXTRA  {brief(p)}")


def main() -> int:
    """Build or score; prints one line per slice, full F1 being the headline."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="rebuild dev.jsonl from ar.txt/en.txt")
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    parser.add_argument("--heldout", action="store_true", help="score the held-out sentences")
    args = parser.parse_args()
    if args.build:
        build()
    held = None
    if args.heldout:
        held = [{**r, "lang": str(r["id"]).split("-")[1]} for r in _blocks("", HELDOUT)]
    tallies = evaluate(args.errors, held)
    order = ["overall", "ar", "en", *sorted(k for k in tallies if k.startswith("kind:"))]
    for name in order:
        if name in tallies:
            print(tallies[name].line(name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
