"""How long `figures.extract` takes per 1,000 words of news text (target: ≤ 2 ms CPU median).

In the app every article is extracted once, and the extractor remembers the folded forms of
words across calls (bounded), so a text extracted again and again is faster than a new one. The
figures the target is judged on are therefore taken on *fresh* text:

- *fresh ar*: `FRESH` distinct articles of about 1,000 words from `news_text` (the layout
  benchmarks' generator: template sentences around a Zipf vocabulary, ~560 distinct words per
  1,000, ~40 figures), one per seed, all generated before timing; each is extracted once, so no
  text is seen twice in the process. They are timed first, before any other text has been read.
  `news_text` writes Arabic only (its rare English sentence aside), so there is no *fresh en*;
- *article ar* / *article en*: business-news prose at an ordinary density of figures (a few dozen
  per 1,000 words): one paragraph repeated to 1,000 words and extracted many times;

and, for comparison only, on the same text repeated (warm caches):

- *varied ar*: one `news_text` article extracted many times;
- *dense ar* / *dense en*: the dev set's sentences back to back (about 120 figures per 1,000
  words), a stress case where nearly every word is near a number.

CPU time (`time.process_time`) is what is judged; wall time is printed too, with the load
average: on a shared machine wall time measures the neighbours as well.

Run: `.venv/bin/python benchmarks/bench_figures.py`. Exit status 1 when *fresh ar* or an *article*
misses the target on its CPU median.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from akhbar_tui.figures import extract
from news_text import article

TARGET_MS = 2.0
WORDS = 1_000
FRESH = 60
DEV = Path(__file__).parent / "data" / "figures_dev" / "dev.jsonl"

_ARTICLE_AR = (
    "أعلنت الشركة القابضة اليوم نتائجها المالية للعام الماضي، وقالت إن الإيرادات ارتفعت بنسبة "
    "12 في المئة إلى 4.5 مليار ريال، مدفوعة بتحسن الطلب في الأسواق المحلية وتوسع أعمالها في "
    "دول الخليج. وأوضح الرئيس التنفيذي في مؤتمر صحفي أن مجلس الإدارة أوصى بتوزيع أرباح نقدية "
    "على المساهمين، مشيرا إلى أن الشركة تواصل تنفيذ خطتها الاستراتيجية التي تركز على التحول "
    "الرقمي وتحسين الكفاءة التشغيلية وخفض التكاليف. وأضاف أن الشركة افتتحت خلال العام 35 فرعا "
    "جديدا ووظفت نحو ألفي موظف، وأنها تعتزم استثمار ما يقارب 800 مليون ريال في مشاريع جديدة "
    "خلال السنوات الثلاث المقبلة. ولفت إلى أن التحديات ما زالت قائمة، ومنها ارتفاع أسعار الفائدة "
    "وتقلب أسعار المواد الخام واضطراب سلاسل الإمداد العالمية، لكنه أكد أن الميزانية العمومية "
    "قوية وأن مستويات السيولة مريحة. وقال محللون إن النتائج جاءت أفضل من التوقعات، وإن السهم "
    "قد يستفيد من تحسن ثقة المستثمرين في القطاع، خاصة بعد الإصلاحات التي أقرتها الحكومة لتحفيز "
    "القطاع الخاص وجذب الاستثمارات الأجنبية المباشرة إلى المملكة. "
)
_ARTICLE_EN = (
    "The company reported on Tuesday that revenue rose 12% to $4.5 billion last year, helped by "
    "stronger demand at home and a steady expansion across the region. The chief executive told "
    "reporters that the board had recommended a cash dividend and that the group would keep "
    "investing in its digital platforms, its logistics network and the training of its staff. "
    "It opened 35 new branches during the year and hired about 2,000 people, and it plans to "
    "spend roughly $800 million on new projects over the next three years. Higher interest "
    "rates, volatile commodity prices and disrupted supply chains remain a concern, he said, "
    "but the balance sheet is strong and liquidity is comfortable. Analysts said the results "
    "beat expectations and that the shares could benefit from improving investor sentiment, "
    "particularly after the reforms the government introduced to encourage private investment "
    "and attract foreign capital into the country. "
)


def _repeat(paragraph: str) -> str:
    return paragraph * -(-WORDS // len(paragraph.split()))


def _dense(lang: str) -> str:
    records = map(json.loads, DEV.read_text(encoding="utf-8").splitlines())
    sentences = [r["text"] for r in records if r["lang"] == lang]
    out: list[str] = []
    words = 0
    while words < WORDS:
        sentence = sentences[len(out) % len(sentences)]
        out.append(sentence)
        words += len(sentence.split())
    return " ".join(out)


def _load() -> str:
    """The 1, 5 and 15 minute load averages: the machine is shared, so wall time drifts."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


def _fresh_ms(texts: list[str]) -> tuple[float, float, float, int]:
    """Median wall and CPU time per 1,000 words of one `extract` per text (each text once).

    Also the CPU time of the first text (nothing seen yet in the process) and the median number
    of figures per text.
    """
    walls = []
    cpus = []
    found = []
    for text in texts:
        per = 1000 * WORDS / len(text.split())
        c0 = time.process_time()
        t0 = time.perf_counter()
        figures = extract(text)
        walls.append((time.perf_counter() - t0) * per)
        cpus.append((time.process_time() - c0) * per)
        found.append(len(figures))
    return statistics.median(walls), statistics.median(cpus), cpus[0], int(statistics.median(found))


def _repeated_ms(text: str, rounds: int = 200) -> tuple[float, float, int]:
    """Median wall and CPU time of one `extract` of the same text, per 1,000 words (warm)."""
    words = len(text.split())
    figures = extract(text)
    walls = []
    cpus = []
    for _ in range(rounds):
        c0 = time.process_time()
        t0 = time.perf_counter()
        extract(text)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    per = 1000 * WORDS / words
    return statistics.median(walls) * per, statistics.median(cpus) * per, len(figures)


def main() -> int:
    """Print wall and CPU medians per text; exit 1 when fresh text or an article misses."""
    fresh = [article(seed, WORDS) for seed in range(1_000, 1_000 + FRESH)]
    repeated = (
        ("article ar", _repeat(_ARTICLE_AR), True),
        ("article en", _repeat(_ARTICLE_EN), True),
        ("varied ar", article(7, WORDS), False),
        ("dense ar", _dense("ar"), False),
        ("dense en", _dense("en"), False),
    )
    print(f"load average before: {_load()}")
    wall, cpu, first, found = _fresh_ms(fresh)
    worst = cpu
    print(f"fresh text, each extracted once ({FRESH} articles, timed first):")
    print(
        f"  {'fresh ar':<11} ~{WORDS} words, ~{found:>3} figures: "
        f"wall {wall:.3f} ms, CPU {cpu:.3f} ms / 1,000 words (medians); "
        f"first article {first:.3f} ms CPU"
    )
    print("same text repeated: warm caches")
    for name, text, judged in repeated:
        wall, cpu, found = _repeated_ms(text)
        if judged:
            worst = max(worst, cpu)
        words = len(text.split())
        print(
            f"  {name:<11} {words:>5} words, {found:>3} figures: "
            f"wall {wall:.3f} ms, CPU {cpu:.3f} ms / 1,000 words (medians)"
            + ("" if judged else "  [not judged]")
        )
    print(f"load average after:  {_load()}")
    print(
        f"fresh ar and articles, worst CPU median: {worst:.3f} ms / 1,000 words "
        f"(target ≤ {TARGET_MS})"
    )
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
