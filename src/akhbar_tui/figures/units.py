"""Units of measure and time, percent forms and multipliers, Arabic and English.

Keys are folded (`text.fold`). Values are the spec's normalised English unit names. Arabic duals
of units (عامين، كيلومترين) are figures on their own, worth 2.
"""

from __future__ import annotations

_AR_UNITS = {
    "year": "عام عاما اعوام سنة سنوات سنين سنه",
    "month": "شهر شهرا اشهر شهور",
    "week": "اسبوع اسبوعا اسابيع",
    "day": "يوم يوما ايام",
    "hour": "ساعة ساعات",
    "minute": "دقيقة دقائق",
    "second": "ثانية ثوان ثواني",
    "century": "قرن قرنا قرون",
    "decade": "عقد عقود",
    "km": "كيلومتر كيلومترا كيلومترات كلم كم",
    "m": "متر مترا امتار",
    "cm": "سنتيمتر سنتيمترا سنتيمترات سم",
    "mm": "مليمتر مليمترا مليمترات ملم",
    "mile": "ميل ميلا اميال",
    "ft": "اقدام",
    "ha": "هكتار هكتارا هكتارات",
    "feddan": "فدان فدانا افدنة",
    "dunam": "دونم دونما دونمات",
    "ton": "طن طنا اطنان",
    "kg": "كيلو كيلوغرام كيلوغراما كيلوغرامات كيلوجرام كيلوجراما كيلوجرامات كغ كجم",
    "g": "غرام غراما غرامات جرام جراما جرامات",
    "oz": "اوقية اونصة",
    "barrel": "برميل برميلا براميل",
    "l": "لتر لترا لترات",
    "MW": "ميغاواط ميجاوات ميغاوات ميجاواط",
    "GW": "غيغاواط جيجاوات غيغاوات جيجاواط",
    "kW": "كيلوواط كيلووات",
    "degree": "درجة درجات",
    "point": "نقطة نقاط",
}
AR_UNITS: dict[str, str] = {
    form: unit for unit, forms in _AR_UNITS.items() for form in forms.split()
}
AR_UNITS.update({"ال" + form: unit for form, unit in list(AR_UNITS.items())})
# A second word that refines the first: كيلومتر مربع، متر مكعب، درجة مئوية.
AR_UNIT_REFINERS: dict[tuple[str, str], str] = {
    ("km", "مربع"): "km2",
    ("km", "مربعا"): "km2",
    ("m", "مربع"): "m2",
    ("m", "مربعا"): "m2",
    ("m", "مكعب"): "m3",
    ("m", "مكعبا"): "m3",
    ("degree", "مئوية"): "degC",
    ("degree", "درجة مئوية"): "degC",
    ("mile", "بحريا"): "nmi",
    ("mile", "بحري"): "nmi",
}
AR_DUAL_UNITS: dict[str, str] = {
    "عامين": "year",
    "عامان": "year",
    "سنتين": "year",
    "سنتان": "year",
    "شهرين": "month",
    "شهران": "month",
    "يومين": "day",
    "يومان": "day",
    "اسبوعين": "week",
    "ساعتين": "hour",
    "ساعتان": "hour",
    "دقيقتين": "minute",
    "قرنين": "century",
    "عقدين": "decade",
    "كيلومترين": "km",
    "مترين": "m",
    "طنين": "ton",
    "ميلين": "mile",
    "برميلين": "barrel",
}
AR_DUAL_CURRENCIES: dict[str, str] = {
    "دولارين": "dollar",
    "دولاران": "dollar",
    "ريالين": "riyal",
    "دينارين": "dinar",
    "درهمين": "dirham",
    "جنيهين": "pound",
}

_EN_UNITS = {
    "year": "year years yr yrs",
    "month": "month months",
    "week": "week weeks",
    "day": "day days",
    "hour": "hour hours hrs",
    "minute": "minute minutes mins",
    "second": "second seconds",
    "century": "century centuries",
    "decade": "decade decades",
    "km": "km kilometre kilometres kilometer kilometers",
    "km2": "km2 km²",
    "m": "metre metres meter meters",
    "cm": "cm centimetre centimetres centimeter centimeters",
    "mm": "mm millimetre millimetres millimeter millimeters",
    "mile": "mile miles",
    "ft": "ft foot feet",
    "ha": "hectare hectares",
    "acre": "acre acres",
    "ton": "ton tons tonne tonnes",
    "kg": "kg kilogram kilograms kilogramme kilogrammes",
    "g": "gram grams",
    "oz": "ounce ounces oz",
    "barrel": "barrel barrels bpd",
    "l": "litre litres liter liters",
    "MW": "mw megawatt megawatts",
    "GW": "gw gigawatt gigawatts",
    "kW": "kw kilowatt kilowatts",
    "GWh": "gwh",
    "degree": "degree degrees",
    "point": "point points",
}
EN_UNITS: dict[str, str] = {
    form: unit for unit, forms in _EN_UNITS.items() for form in forms.split()
}
EN_UNIT_REFINERS: dict[tuple[str, str], str] = {
    ("degree", "celsius"): "degC",
    ("degree", "centigrade"): "degC",
    ("degree", "fahrenheit"): "degF",
}
# Glued to digits: "1.5C", "40F".
EN_GLUED_UNITS: dict[str, str] = {"C": "degC", "F": "degF", "km": "km", "kg": "kg", "mw": "MW"}

# Percent forms after the number, as folded word sequences → unit.
AR_PERCENT: dict[tuple[str, ...], str] = {
    ("في", "المائة"): "%",
    ("في", "المئة"): "%",
    ("في", "الماية"): "%",
    ("في", "المية"): "%",
    ("بالمئة",): "%",
    ("بالمائة",): "%",
    ("بالماية",): "%",
    ("بالمية",): "%",
    ("نقطة", "مئوية"): "pp",
    ("نقاط", "مئوية"): "pp",
    ("نقطتين", "مئويتين"): "pp",
    ("نقطتان", "مئويتان"): "pp",
    ("نقطة", "مئوية", "واحدة"): "pp",
}
EN_PERCENT: dict[tuple[str, ...], str] = {
    ("percent",): "%",
    ("per", "cent"): "%",
    ("pct",): "%",
    ("percentage", "point"): "pp",
    ("percentage", "points"): "pp",
    ("basis", "points"): "bp",
    ("basis", "point"): "bp",
}
PERCENT_SIGNS = frozenset({"%", "٪"})
AR_MULTIPLIERS = frozenset({"امثال", "اضعاف", "مثل", "ضعف"})
EN_MULTIPLIERS = frozenset({"times", "fold"})
