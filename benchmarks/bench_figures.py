"""How long `figures.extract` takes per 1,000 words of news text (target: ≤ 2 ms median).

Two kinds of text, about 1,000 words each, each extracted many times (median per 1,000 words):

- *article*: business-news prose in Arabic and in English at an ordinary density of figures
  (a few dozen per 1,000 words), the case the target is about;
- *varied ar*: an article from `news_text` (the layout benchmarks' generator: template sentences
  around a Zipf vocabulary, ~560 distinct words per 1,000, ~40 figures), so repetition of one
  paragraph flatters nothing;
- *dense*: the dev set's sentences back to back (about 120 figures per 1,000 words), a stress
  case where nearly every word is near a number and the whole text has to be tokenized.

Wall time and CPU time (`time.process_time`) are both reported, with the load average: on a
shared machine wall time measures the neighbours too, CPU time is the honest number.

Run: `.venv/bin/python benchmarks/bench_figures.py`. Exit status 1 when an *article* or the *varied*
text misses the target on its CPU median.
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


def _medians_ms(text: str, rounds: int = 200) -> tuple[float, float, int]:
    """Median wall and CPU (process) time of one `extract`, per 1,000 words, and the figures."""
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
    """Print wall and CPU medians per text; exit 1 when an ordinary-density text misses."""
    print(f"load average before: {_load()}")
    worst = 0.0
    texts = (
        ("article ar", _repeat(_ARTICLE_AR)),
        ("article en", _repeat(_ARTICLE_EN)),
        ("varied ar", article(7, WORDS)),
        ("dense ar", _dense("ar")),
        ("dense en", _dense("en")),
    )
    for name, text in texts:
        wall, cpu, found = _medians_ms(text)
        if not name.startswith("dense"):
            worst = max(worst, cpu)
        words = len(text.split())
        print(
            f"{name:<11} {words:>5} words, {found:>3} figures: "
            f"wall {wall:.3f} ms, CPU {cpu:.3f} ms / 1,000 words (medians)"
        )
    print(f"load average after:  {_load()}")
    print(f"ordinary texts, worst CPU median: {worst:.3f} ms / 1,000 words (target ≤ {TARGET_MS})")
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
