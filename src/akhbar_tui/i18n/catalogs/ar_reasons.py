"""Arabic failure reasons, one for each id of `en_reasons.py` (see `i18n.reasons`).

The English reasons are terse engine notes ("HTTP 404", "timed out after 20 s"); the Arabic
says what happened as a news reader would: whose fault (الخادم، العنوان) and what it means.
HTTP, TLS, XML, JSON, RSS, Atom and the schemes http/https are names, kept in Latin letters.
Counts agree with their noun in all six CLDR forms: ثانيتان، 3 ثوانٍ، 11 ثانية؛ بايتان، 3 بايتات،
11 بايتًا؛ ميغابايت stays invariable after a number, as in Arabic technical writing.
"""

from __future__ import annotations

from akhbar_tui.i18n.catalog import Message

MESSAGES: dict[str, Message] = {
    # ── fetching (fetch.py, fetch_support.py) ──────────────────────────────────────────────
    "reason.invalid_url": "العنوان غير صالح",
    "reason.timed_out": {
        "zero": "انتهت مهلة الانتظار بعد {count} ثانية",
        "one": "انتهت مهلة الانتظار بعد ثانية واحدة",
        "two": "انتهت مهلة الانتظار بعد ثانيتين",
        "few": "انتهت مهلة الانتظار بعد {count} ثوانٍ",
        "many": "انتهت مهلة الانتظار بعد {count} ثانية",
        "other": "انتهت مهلة الانتظار بعد {count} ثانية",
    },
    "reason.http.status": "ردّ الخادم برمز الخطأ HTTP {status}",
    "reason.http.not_found": "العنوان غير موجود على الخادم (HTTP {status})",
    "reason.http.gone": "أزال الخادم هذا العنوان نهائيًا (HTTP {status})",
    "reason.http.forbidden": "رفض الخادم السماح بالوصول (HTTP {status})",
    "reason.http.too_many_requests": "يطلب الخادم تخفيف عدد الطلبات (HTTP {status})",
    "reason.http.server_error": "خطأ في الخادم (HTTP {status})",
    "reason.http.retry_after": {
        "zero": "طلب الخادم إعادة المحاولة بعد {count} ثانية (HTTP {status})",
        "one": "طلب الخادم إعادة المحاولة بعد ثانية واحدة (HTTP {status})",
        "two": "طلب الخادم إعادة المحاولة بعد ثانيتين (HTTP {status})",
        "few": "طلب الخادم إعادة المحاولة بعد {count} ثوانٍ (HTTP {status})",
        "many": "طلب الخادم إعادة المحاولة بعد {count} ثانية (HTTP {status})",
        "other": "طلب الخادم إعادة المحاولة بعد {count} ثانية (HTTP {status})",
    },
    "reason.http.unexpected": "ردّ غير متوقَّع من الخادم (HTTP {status})",
    "reason.scheme": "لا يمكن الجلب إلا من عناوين http أو https",
    "reason.redirect_scheme": "أعاد الخادم التوجيه إلى عنوان ليس http ولا https",
    "reason.redirects": "أعاد الخادم التوجيه مرات كثيرة جدًا",
    "reason.too_large.mb": {
        "zero": "الردّ أكبر من {count} ميغابايت",
        "one": "الردّ أكبر من ميغابايت واحد",
        "two": "الردّ أكبر من ميغابايتين",
        "few": "الردّ أكبر من {count} ميغابايت",
        "many": "الردّ أكبر من {count} ميغابايت",
        "other": "الردّ أكبر من {count} ميغابايت",
    },
    "reason.too_large.bytes": {
        "zero": "الردّ أكبر من {count} بايت",
        "one": "الردّ أكبر من بايت واحد",
        "two": "الردّ أكبر من بايتين",
        "few": "الردّ أكبر من {count} بايتات",
        "many": "الردّ أكبر من {count} بايتًا",
        "other": "الردّ أكبر من {count} بايت",
    },
    "reason.content_encoding": "ترميز ضغط غير مدعوم: {encoding}",
    "reason.decompress": "تعذّر فكّ ضغط الردّ (بيانات {encoding} تالفة)",
    "reason.proxy": "خطأ في الخادم الوسيط: {detail}",
    "reason.refused": "رفض الخادم الاتصال",
    "reason.host_not_found": "تعذّر العثور على الخادم: {host}",
    "reason.tls": "خطأ في الاتصال الآمن (TLS): {detail}",
    "reason.connect": "تعذّر الاتصال: {detail}",
    "reason.broken_answer": "قطع الخادم الردّ قبل اكتماله: {detail}",
    "reason.fetch": "تعذّر الجلب: {detail}",
    # ── parsing (parse.py, parse_text.py, engine_worker.py, engine_pool.py) ────────────────
    "reason.empty": "الردّ فارغ",
    "reason.too_complex": {
        "zero": "المصدر أعقد من أن يُحلَّل: فيه {count} وسم (الحد الأقصى {limit})",
        "one": "المصدر أعقد من أن يُحلَّل: فيه وسم واحد (الحد الأقصى {limit})",
        "two": "المصدر أعقد من أن يُحلَّل: فيه وسمان (الحد الأقصى {limit})",
        "few": "المصدر أعقد من أن يُحلَّل: فيه {count} وسوم (الحد الأقصى {limit})",
        "many": "المصدر أعقد من أن يُحلَّل: فيه {count} وسمًا (الحد الأقصى {limit})",
        "other": "المصدر أعقد من أن يُحلَّل: فيه {count} وسم (الحد الأقصى {limit})",
    },
    "reason.xml.at_line": "خطأ في صياغة XML في السطر {line}: {detail}",
    "reason.xml.message": "خطأ في صياغة XML: {detail}",
    "reason.xml.kind": "خطأ في صياغة XML ({kind})",
    "reason.not_feed.html": "هذا ليس مصدر أخبار بل صفحة ويب",
    "reason.not_feed.html_links": "هذا ليس مصدر أخبار بل صفحة ويب، وهي تشير إلى المصدر {links}",
    "reason.not_feed.json": "هذا ليس مصدر أخبار بل بيانات JSON",
    "reason.not_feed.xml": "هذا ليس مصدر أخبار: مستند XML ليس بصيغة RSS ولا Atom",
    "reason.not_feed.binary": "هذا ليس مصدر أخبار بل بيانات ثنائية",
    "reason.not_feed.text": "هذا ليس مصدر أخبار بل نص عادي",
    "reason.parser_failed": "تعذّر تحليل المصدر ({kind})",
    "reason.parser_stopped": "توقفت عملية تحليل المصادر على نحو غير متوقَّع",
    # ── an article's web page (fulltext.py, engine.py) ─────────────────────────────────────
    "reason.page.no_text": "لم يُعثر على نص رئيسي في الصفحة",
    "reason.page.no_text_empty": "لم يُعثر على نص رئيسي في الصفحة: إنها فارغة",
    "reason.page.empty": "الصفحة فارغة",
    "reason.page.not_html": "ليست صفحة ويب: أرسل الخادم {content_type}",
    "reason.page.unlabelled": "ليست صفحة ويب: لم يذكر الخادم نوع ما أرسله",
    "reason.page.no_link": "ليس لهذا المقال رابط إلى صفحته على الويب",
    # ── a reason about one address (engine.discover) ───────────────────────────────────────
    "reason.at_url": "تعذّر جلب {url}: {reason}",
}
