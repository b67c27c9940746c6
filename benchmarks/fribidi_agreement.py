"""Agreement of `bidi_layout` with GNU FriBidi, through the team's `fribidi_compare.py`.

    .venv/bin/python benchmarks/fribidi_agreement.py [--show N]

Runs `../shared/tools/fribidi_compare.py` on `benchmarks/data/layout_corpus.txt` at widths 30,
50 and 80 with `--pipeline fribidi_agreement:pipeline` (the adapter below) and the tool's default
`lines` reference: FriBidi reorders each of our logical lines with the paragraph's direction.
Target: ≥ 99.5% of lines equal at the `nomarks` level at every width. Skips, with a message,
when the `fribidi` binary (apt-get install libfribidi-bin) or the shared tool is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TOOL = ROOT.parent / "shared" / "tools" / "fribidi_compare.py"
CORPUS = HERE / "data" / "layout_corpus.txt"
WIDTHS = ("30", "50", "80")
TARGET = 99.5


def pipeline(paragraph: str, width: int) -> list[tuple[str, str]]:
    """The adapter the tool calls: our (logical, visual) rows for one paragraph.

    The tool's paragraphs without a strong character default to RTL, hence `fallback="rtl"`.
    """
    from akhbar_tui.bidi_layout import layout

    return [(row.logical, row.visual) for row in layout(paragraph, width, fallback="rtl")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=10, help="differing lines to print")
    args = parser.parse_args()
    if shutil.which("fribidi") is None:
        print("skipped: the fribidi binary is missing (apt-get install libfribidi-bin)")
        return 0
    if not TOOL.exists():
        print(f"skipped: {TOOL} is missing (the shared research folder is not here)")
        return 0
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(HERE), str(ROOT / "src")]))
    command = [sys.executable, str(TOOL), str(CORPUS), *WIDTHS]
    command += ["--pipeline", "fribidi_agreement:pipeline", "--json", "--show", str(args.show)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    report = json.loads(result.stdout)
    print(f"{CORPUS.name}: {report['paragraphs']} paragraphs; {report['fribidi']}")
    ok = True
    for width, numbers in report["widths"].items():
        pct = numbers["agree_pct"]
        ok &= pct["nomarks"] >= TARGET
        print(
            f"width {width:>3}: {numbers['lines']:>5} lines; exact {pct['exact']}%, "
            f"content {pct['content']}%, nfkc {pct['nfkc']}%, nomarks {pct['nomarks']}% "
            f"(target ≥ {TARGET}%); kinds {numbers['diff_kinds']}"
        )
        for diff in numbers["diffs"]:
            if diff["kind"] not in ("padding/FEFF", "shaping-forms", "combining-marks"):
                print(f"   [{diff['kind']}] {diff['logical']}\n     ours   : {diff['ours']}")
                print(f"     fribidi: {diff['fribidi']}")
    print("target met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
