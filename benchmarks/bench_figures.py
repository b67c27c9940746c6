"""How long `figures.extract` takes per 1,000 words of news text (target: ≤ 2 ms median).

Three texts of about 1,000 words each are built from the dev set's sentences (which are dense
with figures, denser than real articles): Arabic, English and mixed. Each is extracted many times
and the median per 1,000 words is printed. Run: `.venv/bin/python benchmarks/bench_figures.py`.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from akhbar_tui.figures import extract

TARGET_MS = 2.0
WORDS = 1_000
DEV = Path(__file__).parent / "data" / "figures_dev" / "dev.jsonl"


def _text(langs: tuple[str, ...]) -> str:
    sentences = [
        r["text"]
        for r in map(json.loads, DEV.read_text(encoding="utf-8").splitlines())
        if r["lang"] in langs
    ]
    out: list[str] = []
    words = 0
    k = 0
    while words < WORDS:
        sentence = sentences[k % len(sentences)]
        out.append(sentence)
        words += len(sentence.split())
        k += 1
    return " ".join(out)


def _median_ms(text: str, rounds: int = 200) -> tuple[float, int]:
    words = len(text.split())
    extract(text)
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        figures = extract(text)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000 * WORDS / words, len(figures)


def main() -> int:
    """Print the median for each text; exit 1 when one misses the target."""
    worst = 0.0
    for name, langs in (("arabic", ("ar",)), ("english", ("en",)), ("mixed", ("ar", "en"))):
        text = _text(langs)
        ms, found = _median_ms(text)
        worst = max(worst, ms)
        print(
            f"{name:<8} {len(text.split()):>5} words, {found:>3} figures: {ms:.3f} ms / 1,000 words"
        )
    print(f"median, worst text: {worst:.3f} ms per 1,000 words (target ≤ {TARGET_MS} ms)")
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
