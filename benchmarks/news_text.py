"""News-style Arabic paragraphs, generated from a seed: for the layout benchmarks and corpus.

Every paragraph mixes what Arabic news carries: Latin names (xAI, Google), both digit scripts,
percentages with `%` and `٪`, currencies, dates, URLs, parentheses, brackets and «quotes» (long
enough that a pair often opens on one line and closes on the next), now and then harakat, a
Hebrew name, or a whole English sentence with an Arabic word inside. Around the template phrases,
most words come from `news_vocab` (tens of thousands of forms, Zipf frequencies), so an article
has about as many distinct words as real news and shaping is not flattered by repetition.
"""

from __future__ import annotations

import random

from news_vocab import draw

SUBJECTS = [
    "الحكومة المصرية",
    "وزارة المالية",
    "البنك المركزي",
    "شركة أرامكو",
    "مجلس الوزراء",
    "الرئيس التنفيذي للشركة",
    "المتحدث باسم الوزارة",
    "صندوق النقد الدولي",
    "البنك الدولي",
    "هيئة الاستثمار",
    "وكالة الأنباء الرسمية",
    "رئيس الوزراء",
    "محافظ البنك",
    "الاتحاد الأوروبي",
    "منظمة الصحة العالمية",
    "الأمين العام للأمم المتحدة",
    "عبدالله بن محمد",
    "الشيخ عبد الرحمن",
    "وزير الطاقة",
    "مجلس إدارة البورصة",
]
VERBS = [
    "أعلن",
    "أكد",
    "كشف",
    "قال",
    "أوضح",
    "ذكر",
    "أفاد",
    "نفى",
    "توقع",
    "رجح",
    "أشار",
    "صرّح",
]
OBJECTS = [
    "أن الاقتصاد سيحقق نموا",
    "أن حجم الاستثمارات ارتفع",
    "أن أسعار النفط تراجعت",
    "أن معدل التضخم بلغ",
    "أن الصادرات زادت",
    "أن عدد المستخدمين تجاوز",
    "أن الأرباح الصافية ارتفعت",
    "أن العجز في الموازنة انخفض",
    "أن قيمة الصفقة تقدر",
    "أن الإيرادات السنوية وصلت",
    "أن نسبة البطالة استقرت",
    "أن الشركة ستطرح أسهمها",
]
NAMES_LATIN = ["xAI", "Google", "OpenAI", "Microsoft", "Reuters", "Bloomberg", "IMF", "GPT-4o"]
PLACES = ["القاهرة", "الرياض", "دبي", "عمّان", "بيروت", "الدوحة", "تونس", "الرباط", "بغداد"]
TAILS = [
    "خلال الربع الأول من العام الجاري",
    "مقارنة بالفترة نفسها من العام الماضي",
    "وفق بيان رسمي صدر اليوم",
    "بحسب ما نقلته وسائل إعلام محلية",
    "في ظل التحديات الاقتصادية الراهنة",
    "وسط توقعات بمزيد من التحسن",
    "على الرغم من تباطؤ الاقتصاد العالمي",
    "في إطار خطة التنمية الشاملة",
]
_FILLER_SENTENCE = (
    "وأضاف أن الخطة تشمل مشروعات جديدة في قطاعات الطاقة والنقل والاتصالات والتعليم والصحة "
    "مع التركيز على دعم الشركات الصغيرة والمتوسطة وتوفير فرص العمل للشباب في مختلف المحافظات"
)
FILLER = _FILLER_SENTENCE.split()
HARAKAT = ["قَالَ الْمُتَحَدِّثُ", "إِنَّ الصَّفْقَةَ تَارِيخِيَّةٌ", "شَامِلًا", "مُسْتَقْبَلُ"]
ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"


def _number(rng: random.Random) -> str:
    value = rng.choice([rng.randint(2, 99), rng.randint(100, 9999), round(rng.uniform(1, 99), 1)])
    text = f"{value:,}" if isinstance(value, int) and rng.random() < 0.5 else str(value)
    if rng.random() < 0.25:
        text = text.translate(str.maketrans("0123456789,.", ARABIC_INDIC + "٬٫"))
    return text


def _figure(rng: random.Random) -> str:
    n = _number(rng)
    return rng.choice(
        [
            f"{n}%",
            f"بنسبة {n}%",
            f"{n}٪",
            f"{n} مليار دولار",
            f"${n} مليون",
            f"{n} مليون جنيه",
            f"€{n}",
            f"نحو {n} ألف برميل يوميا",
            f"-{n}%",
            f"في {rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2019, 2025)}",
            f"عام {rng.randint(1990, 2025)}",
        ]
    )


def _aside(rng: random.Random) -> str:
    latin = rng.choice(NAMES_LATIN)
    place = rng.choice(PLACES)
    return rng.choice(
        [
            f"({latin} سابقا)",
            f"(بحسب {latin})",
            f"«{rng.choice(TAILS)}»",
            f"[المصدر: {latin}]",
            f"(وهو ما أكدته مصادر في {place} [{_figure(rng)}] «{rng.choice(OBJECTS)}»)",
            f'"{rng.choice(TAILS)}"',
            f"(انظر https://example.com/news/{rng.randint(1, 999)}?id={rng.randint(1, 99)})",
            f"({_figure(rng)} في {place})",
            f"[{rng.choice(FILLER)} {latin}]",
        ]
    )


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(VERBS), rng.choice(SUBJECTS)]
    if rng.random() < 0.5:
        words.append(_aside(rng))
    words += [rng.choice(OBJECTS), *draw(rng, rng.randint(4, 14)), _figure(rng)]
    words += [*draw(rng, rng.randint(3, 10)), rng.choice(TAILS)]
    if rng.random() < 0.35:
        words.insert(rng.randrange(2, len(words)), _aside(rng))
    if rng.random() < 0.3:
        words.append(" ".join(rng.sample(FILLER, rng.randint(4, 10))))
    if rng.random() < 0.06:
        words.append(rng.choice(HARAKAT))
    if rng.random() < 0.05:
        words.append("ونقلت صحيفة הארץ الإسرائيلية ذلك")
    return " ".join(words) + rng.choice([".", "،", "؛", "."])


def _english(rng: random.Random) -> str:
    name = rng.choice(NAMES_LATIN)
    return (
        f"{name} said revenue rose {_number(rng)}% in {rng.choice(['Cairo', 'Riyadh', 'Dubai'])} "
        f"— known in Arabic as «{rng.choice(PLACES)}» — after the deal (worth ${_number(rng)} "
        f"billion) closed, according to the statement [{rng.choice(SUBJECTS)}]."
    )


def paragraph(rng: random.Random) -> str:
    """One paragraph of 1–3 sentences (occasionally an English one, or a short heading)."""
    if rng.random() < 0.06:
        return _english(rng)
    if rng.random() < 0.08:
        return " ".join(draw(rng, rng.randint(3, 7)))
    return " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))


def article(seed: int, words: int = 5000) -> str:
    """An article of at least `words` words, distinct paragraphs separated by blank lines."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        text = paragraph(rng)
        paragraphs.append(text)
        count += len(text.split())
    return "\n\n".join(paragraphs)
