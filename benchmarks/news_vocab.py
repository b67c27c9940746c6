"""A large, news-like Arabic vocabulary with Zipf frequencies, for honest layout benchmarks.

Shaping is done once per distinct word of a batch, so a benchmark whose articles reuse a few
hundred words flatters it. Real Arabic news has many distinct forms: every root takes several
patterns and clitics (و، ف، ب، ل، ال … ـها، ـهم، ـات، ـون), so a 5,000-word article holds
roughly two thousand distinct words. This vocabulary is generated (root × pattern × clitics,
tens of thousands of forms, many with lam-alef) behind a core of real function and news
words, and words are drawn with Zipf weights, so the most common words repeat as in real text
and the long tail keeps bringing new ones.
"""

from __future__ import annotations

import random
from functools import cache
from itertools import accumulate

# Real, frequent words first (they take the top Zipf ranks).
_CORE = (
    "في من على إلى أن عن مع التي الذي هذا هذه كان قد لا ما أو ثم بين بعد قبل خلال حتى عند "
    "كما لم لن إن كل أي وفي ومن وعلى وأن الى بها به لها له منذ حيث أكثر أيضا نحو وقال وأضاف "
    "العام اليوم الحكومة الشركة الوزارة الرئيس الدولة البلاد الاقتصاد السوق الأسعار المالية "
    "الاستثمار النفط الطاقة الأمن المجلس الوزراء مليار مليون دولار المئة بالمئة الماضي الجاري "
    "العالمي الدولي المحلي الرسمي الأمريكي العربية المصرية السعودية الإماراتية الأوروبي "
    "التواصل الاجتماعي الذكاء الاصطناعي المنصة الصفقة المستخدمين البيانات التقنية الإعلام"
)
CORE = tuple(_CORE.split())
_ROOTS = (
    "كتب علم عمل قول حكم دول سلم صلح نظم قدر قرر وزر رأس شرك سوق نمو زيد نقص رفع خفض "
    "دعم حمل نقل وصل طلب عرض صدر ورد بيع شري ملك مال نفق دخل خرج قبل رفض وقع حدث جمع "
    "فرق قسم حسب عدد نسب قيس كشف بين وضح ذكر نشر خبر سئل جوب حول أمن سلح حرب قتل صبح "
    "مسي عمر بنى شغل خدم صنع زرع تجر صرف بنك سهم ربح خسر عجز فيض نفط غاز كهر طوق مدن "
    "قرى حرك سير طير بحر برر جوز سفر قدم أخر ولد شبب علج صحح مرض طبب درس فهم عقل فكر "
    "بحث نقش حور فوض وفق خلف نصر هزم لعب فوز سبق عرب غرب شرق شمل جنب وسط قطع ربط فتح "
    "غلق بدأ نهى تمم كمل"
)
ROOTS = tuple(_ROOTS.split())
# Consonant skeletons; 1, 2, 3 stand for the root letters.
PATTERNS = (
    "123",
    "1ا23",
    "م12و3",
    "ت12ي3",
    "است12ا3",
    "م1ا23ة",
    "ا1ت2ا3",
    "ت1ا23",
    "م123",
    "12ي3",
    "12ا3",
    "ا12ا3",
    "م1ت23",
    "م1ا2ي3",
    "12و3",
    "ت123",
    "ي123",
    "ت1ت23",
    "م12ا3",
    "1ا2و3",
)
PREFIXES = ("", "", "", "ال", "ال", "ال", "و", "وال", "ب", "بال", "ل", "لل", "ف", "ك", "س")
SUFFIXES = ("", "", "", "", "ة", "ات", "ون", "ين", "ها", "هم", "ه", "ي", "وا", "تها", "ان", "نا")
VOCABULARY_SIZE = 60_000
ZIPF_EXPONENT = 1.0


@cache
def vocabulary() -> tuple[tuple[str, ...], tuple[float, ...]]:
    """(words by rank, cumulative Zipf weights): the same every time (fixed seed)."""
    rng = random.Random(4)
    stems = [
        pattern.replace("1", root[0]).replace("2", root[1]).replace("3", root[2])
        for root in ROOTS
        for pattern in PATTERNS
    ]
    seen = set(CORE)
    words = list(CORE)
    while len(words) < VOCABULARY_SIZE:
        word = rng.choice(PREFIXES) + rng.choice(stems) + rng.choice(SUFFIXES)
        if word not in seen:
            seen.add(word)
            words.append(word)
    weights = [1 / (rank + 2.7) ** ZIPF_EXPONENT for rank in range(len(words))]
    return tuple(words), tuple(accumulate(weights))


def draw(rng: random.Random, count: int) -> list[str]:
    """`count` words drawn with Zipf frequencies."""
    words, cumulative = vocabulary()
    return rng.choices(words, cum_weights=cumulative, k=count)
