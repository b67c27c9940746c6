"""Currency words, symbols and nationality adjectives, and how an ambiguous one is resolved.

A currency word names a *family* (ريال، دينار، dollar …). The ISO code comes from, in order: the
adjective after it (ريال قطري), a country named in the sentence (… البرازيلية), the feed's
`country`, then the family's default. Minor units (سنت، هللة، فلس، قرش) divide into their main unit.
"""

from __future__ import annotations

import re

from akhbar_tui.figures.text import fold, word_set

# Folded singular/plural/dual/accusative forms → family.
_AR_FAMILIES = {
    "dollar": "دولار دولارا دولارات دولاران دولارين",
    "euro": "يورو يوروهات",
    "pound": "جنيه جنيها جنيهات جنيهان جنيهين",
    "sterling": "استرليني",
    "riyal": "ريال ريالا ريالات ريالان ريالين",
    "dinar": "دينار دينارا دنانير ديناران دينارين",
    "dirham": "درهم درهما دراهم درهمان درهمين",
    "lira": "ليرة ليرات ليرتين",
    "yen": "ين",
    "yuan": "يوان",
    "ringgit": "رينغيت رينغت رينجيت",
    "rouble": "روبل روبلات",
    "rupee": "روبية روبيات",
    "franc": "فرنك فرنكات",
    "shekel": "شيكل شيكلات شيكلا",
    "cent": "سنت سنتا سنتات",
    "halala": "هللة هللات",
    "fils": "فلس فلسا فلوس",
    "qirsh": "قرش قرشا قروش",
    "baisa": "بيسة بيسات",
}
AR_CURRENCY_WORDS: dict[str, str] = {
    form: family for family, forms in _AR_FAMILIES.items() for form in forms.split()
}
AR_CURRENCY_WORDS.update({"ال" + form: family for form, family in list(AR_CURRENCY_WORDS.items())})

EN_CURRENCY_WORDS: dict[str, str] = {
    **dict.fromkeys(("dollar", "dollars"), "dollar"),
    **dict.fromkeys(("euro", "euros"), "euro"),
    **dict.fromkeys(("pound", "pounds"), "pound"),
    "sterling": "sterling",
    **dict.fromkeys(("riyal", "riyals", "rial", "rials"), "riyal"),
    **dict.fromkeys(("dinar", "dinars"), "dinar"),
    **dict.fromkeys(("dirham", "dirhams"), "dirham"),
    **dict.fromkeys(("lira", "liras", "lire"), "lira"),
    "yen": "yen",
    "yuan": "yuan",
    "renminbi": "yuan",
    **dict.fromkeys(("ringgit",), "ringgit"),
    **dict.fromkeys(("rouble", "roubles", "ruble", "rubles"), "rouble"),
    **dict.fromkeys(("rupee", "rupees"), "rupee"),
    **dict.fromkeys(("franc", "francs"), "franc"),
    **dict.fromkeys(("shekel", "shekels"), "shekel"),
    **dict.fromkeys(("cent", "cents"), "cent"),
    **dict.fromkeys(("pence", "penny"), "pence"),
}
ISO_CODES = word_set(
    "USD EUR GBP JPY CNY SAR AED QAR KWD BHD OMR EGP JOD IQD MAD TND DZD LYD SYP LBP TRY INR "
    "BRL RUB CHF CAD AUD MYR YER IRR SDG ILS"
)

# Nationality adjectives (folded, with or without the article) → ISO code.
_ADJECTIVES = {
    "USD": "امريكي اميركي",
    "CAD": "كندي",
    "AUD": "استرالي",
    "SGD": "سنغافوري",
    "GBP": "استرليني",
    "EGP": "مصري",
    "SDG": "سوداني",
    "SAR": "سعودي",
    "QAR": "قطري",
    "OMR": "عماني",
    "YER": "يمني",
    "IRR": "ايراني",
    "BRL": "برازيلي",
    "KWD": "كويتي",
    "BHD": "بحريني",
    "JOD": "اردني",
    "IQD": "عراقي",
    "LYD": "ليبي",
    "TND": "تونسي",
    "DZD": "جزائري",
    "AED": "اماراتي",
    "MAD": "مغربي",
    "SYP": "سوري سورية",
    "LBP": "لبناني لبنانية",
    "TRY": "تركي تركية",
    "CHF": "سويسري",
    "INR": "هندي هندية",
    "PKR": "باكستاني باكستانية",
}
AR_ADJECTIVES: dict[str, str] = {}
for _code, _forms in _ADJECTIVES.items():
    for _form in _forms.split():
        AR_ADJECTIVES[_form] = AR_ADJECTIVES["ال" + _form] = _code
EN_ADJECTIVES: dict[str, str] = {
    "us": "USD",
    "american": "USD",
    "canadian": "CAD",
    "australian": "AUD",
    "swiss": "CHF",
    "egyptian": "EGP",
    "saudi": "SAR",
    "qatari": "QAR",
    "kuwaiti": "KWD",
    "turkish": "TRY",
    "indian": "INR",
    "hong": "HKD",
}

# family → (country → code), default code, minor divisor (None: a main unit).
_FAMILY_RULES: dict[str, tuple[dict[str, str], str, float | None]] = {
    "dollar": ({"CA": "CAD", "AU": "AUD", "SG": "SGD", "HK": "HKD", "NZ": "NZD"}, "USD", None),
    "euro": ({}, "EUR", None),
    "pound": ({"GB": "GBP", "SD": "SDG", "SS": "SSP", "LB": "LBP", "SY": "SYP"}, "EGP", None),
    "sterling": ({}, "GBP", None),
    "riyal": ({"QA": "QAR", "OM": "OMR", "YE": "YER", "IR": "IRR", "BR": "BRL"}, "SAR", None),
    "dinar": (
        {"BH": "BHD", "JO": "JOD", "IQ": "IQD", "LY": "LYD", "TN": "TND", "DZ": "DZD", "RS": "RSD"},
        "KWD",
        None,
    ),
    "dirham": ({"MA": "MAD"}, "AED", None),
    "lira": ({"SY": "SYP", "LB": "LBP"}, "TRY", None),
    "yen": ({}, "JPY", None),
    "yuan": ({}, "CNY", None),
    "ringgit": ({}, "MYR", None),
    "rouble": ({}, "RUB", None),
    "rupee": ({"PK": "PKR", "LK": "LKR", "NP": "NPR", "ID": "IDR"}, "INR", None),
    "franc": ({}, "CHF", None),
    "shekel": ({}, "ILS", None),
    "cent": ({}, "USD", 100),
    "pence": ({}, "GBP", 100),
    "halala": ({}, "SAR", 100),
    "fils": ({"BH": "BHD", "JO": "JOD", "IQ": "IQD", "AE": "AED"}, "KWD", 1000),
    "qirsh": ({"JO": "JOD", "LB": "LBP", "SY": "SYP"}, "EGP", 100),
    "baisa": ({}, "OMR", 1000),
}
_MINOR_DIVISORS = {"AED": 100, "QAR": 100, "EGP": 100, "JOD": 100, "LBP": 100, "SYP": 100}

# Countries named in the sentence that settle an ambiguous family (folded text is searched), as
# `|`-separated plain words: a C substring search per word beats a regex alternation.
_CUE_TABLE: dict[str, tuple[tuple[str, str], ...]] = {
    "riyal": (
        ("برازيل|brazil", "BRL"),
        ("قطر|الدوحة|qatar", "QAR"),
        ("عمان|مسقط|oman", "OMR"),
        ("يمن|عدن|صنعاء|yemen", "YER"),
        ("ايران|طهران|iran", "IRR"),
        ("سعودي|الرياض|saudi", "SAR"),
    ),
    "dinar": (
        ("كويت|kuwait", "KWD"),
        ("بحرين|bahrain", "BHD"),
        ("اردن|عمان|jordan", "JOD"),
        ("عراق|بغداد|iraq", "IQD"),
        ("ليبي|طرابلس|libya", "LYD"),
        ("تونس|tunisia", "TND"),
        ("جزائر|algeria", "DZD"),
    ),
    "dirham": (
        ("مغرب|المملكة المغربية|morocc", "MAD"),
        ("امارات|دبي|ابوظبي|ابو ظبي|uae|emirat", "AED"),
        ("قطر|الدوحة", "QAR"),
    ),
    "lira": (
        ("لبنان|بيروت|lebanon", "LBP"),
        ("سوري|دمشق|syria", "SYP"),
        ("ترك|انقرة|اسطنبول|turk", "TRY"),
    ),
    "pound": (
        ("بريطان|لندن|britain|british|london", "GBP"),
        ("سودان|sudan", "SDG"),
        ("مصر|القاهرة|egypt", "EGP"),
    ),
}

_CUES = {
    family: tuple((tuple(words.split("|")), code) for words, code in cues)
    for family, cues in _CUE_TABLE.items()
}
# Every cue word of a family: most sentences name none, and are done with one pass.
_ANY_CUE = {family: tuple(w for words, _ in cues for w in words) for family, cues in _CUES.items()}


# The families a country named in the sentence can settle.
CUE_FAMILIES = frozenset(_CUES)


def resolve(
    family: str,
    adjective: str | None,
    sentence: str,
    country: str | None,
    folded: str | None = None,
) -> tuple[str, float]:
    """ISO code and divisor (1, or 100/1000 for a minor unit) of a currency family in context.

    `folded`, when given, is the sentence already folded (a slice of the text's folded copy, its
    edges perhaps not stripped): cues are searched in it instead of folding the sentence again.
    """
    if family == "dirham" and (country or "").upper() == "QA" and adjective is None:
        return "QAR", _MINOR_DIVISORS["QAR"]
    by_country, default, divisor = _FAMILY_RULES[family]
    code = adjective
    if code is None:
        cues = _CUES.get(family, ())
        if cues:
            if folded is None:
                folded = fold(sentence)
            if any(map(folded.__contains__, _ANY_CUE[family])):
                code = next((c for words, c in cues if any(map(folded.__contains__, words))), None)
    if code is None and country:
        code = by_country.get(country.upper())
    if code is None and family in ("dirham", "qirsh") and country:
        code = {"QA": "QAR"}.get(country.upper())
    return code or default, float(divisor or 1)


# Symbols written before the amount, longest first: "US$5", "R$200,000", "Rs 31,000", "€40m".
PREFIX_SYMBOL = re.compile(
    r"(?:(?P<code>US\$|U\.S\.\$|R\$|A\$|C\$|HK\$|S\$|NZ\$|\$|€|£|¥|₹|Rs\.?|INR|USD|EUR|GBP|SAR|AED)"
    r"\s?)$"
)
# Last characters of those symbols: a number after anything else has no prefix symbol.
SYMBOL_ENDS = frozenset("$€£¥₹sRDP.")
SYMBOL_CODES = {
    "US$": "USD",
    "U.S.$": "USD",
    "$": "USD",
    "R$": "BRL",
    "A$": "AUD",
    "C$": "CAD",
    "HK$": "HKD",
    "S$": "SGD",
    "NZ$": "NZD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "Rs": "INR",
    "Rs.": "INR",
}
