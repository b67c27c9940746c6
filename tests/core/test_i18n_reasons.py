"""The engine's failure reasons in Arabic: real reasons from the real engine, translated.

`reason_cases.produce` provokes every failure class over 127.0.0.1 and reads the reasons the
engine stored (see there). For each: the table knows its template, English gives it back byte
for byte, Arabic has no Latin word but the parameters from outside (URL, server words) and a few
names (HTTP, XML…), and its numbers follow `digits`. Then plural agreement, and text that is not
akhbar's own passing through untouched. `test_i18n_reasons_scan.py` checks the table against the
engine's source.
"""

from __future__ import annotations

import re

import pytest
from reason_cases import CASES, produce

from akhbar_tui.i18n import Translator, catalog, localize_digits
from akhbar_tui.i18n.reasons import NUMBER_GROUPS, REASONS, match_reason, reason_text

EN = Translator("en")
AR = Translator("ar")
AR_INDIC = Translator("ar", digits="arabic-indic")
NAMES = {"HTTP", "TLS", "XML", "JSON", "RSS", "Atom", "http", "https"}
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
INDIC_DIGIT = re.compile("[٠-٩]")


@pytest.fixture(scope="module")
def produced(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return produce(tmp_path_factory.mktemp("reasons"))


def real(produced: dict[str, str], case: str) -> str:
    if case == "tls" and case not in produced:
        pytest.skip("the TLS case needs openssl to make a certificate")
    return produced[case]


def parameters(reason: str, *, numbers: bool) -> list[str]:
    """The values `reason` fills its template with: numbers, or the rest (nested reasons too)."""
    found = match_reason(reason)
    assert found is not None, reason
    values: list[str] = []
    for name, value in found.params.items():
        if name == "reason":
            values += parameters(value, numbers=numbers)
        elif (name in NUMBER_GROUPS) == numbers:
            values.append(value)
    return values


def without(text: str, values: list[str]) -> str:
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, " ")
    return text


def test_every_failure_class_was_provoked(produced: dict[str, str]) -> None:
    missing = set(CASES) - set(produced) - {"tls"}
    assert not missing
    assert all(produced.values()), produced


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_table_knows_the_engine_reason(produced: dict[str, str], case: str) -> None:
    reason = real(produced, case)
    found = match_reason(reason)
    assert found is not None and found.msg_id == CASES[case], reason


@pytest.mark.parametrize("case", sorted(CASES))
def test_english_gives_the_reason_back(produced: dict[str, str], case: str) -> None:
    reason = real(produced, case)
    assert reason_text(reason, EN) == reason


@pytest.mark.parametrize("case", sorted(CASES))
def test_arabic_has_no_english_but_the_parameters(produced: dict[str, str], case: str) -> None:
    reason = real(produced, case)
    arabic = reason_text(reason, AR)
    outside = parameters(reason, numbers=False)
    assert arabic != reason and ARABIC_LETTER.search(arabic), arabic
    assert all(value in arabic for value in outside), (outside, arabic)
    rest = without(arabic, outside)
    assert set(re.findall("[A-Za-z]+", rest)) <= NAMES, arabic
    assert not re.search(r"\{\w*\}", rest), arabic


@pytest.mark.parametrize("case", sorted(CASES))
def test_numbers_follow_the_digits_setting(produced: dict[str, str], case: str) -> None:
    reason = real(produced, case)
    outside = parameters(reason, numbers=False)
    indic = without(reason_text(reason, AR_INDIC), outside)
    western = without(reason_text(reason, AR), outside)
    assert not re.search("[0-9]", indic), indic
    assert not INDIC_DIGIT.search(western), western
    for number in parameters(reason, numbers=True):
        if number not in ("1", "2"):  # "one second", "two seconds" say the number in words
            assert localize_digits(number, "arabic-indic") in indic, (number, indic)
            assert number in western, (number, western)


@pytest.mark.parametrize(
    ("reason", "arabic"),
    [
        ("timed out after 1 s", "انتهت مهلة الانتظار بعد ثانية واحدة"),
        ("timed out after 2 s", "انتهت مهلة الانتظار بعد ثانيتين"),
        ("timed out after 3 s", "انتهت مهلة الانتظار بعد 3 ثوانٍ"),
        ("timed out after 10 s", "انتهت مهلة الانتظار بعد 10 ثوانٍ"),
        ("timed out after 11 s", "انتهت مهلة الانتظار بعد 11 ثانية"),
        ("timed out after 100 s", "انتهت مهلة الانتظار بعد 100 ثانية"),
        ("timed out after 103 s", "انتهت مهلة الانتظار بعد 103 ثوانٍ"),
        ("timed out after 2.5 s", "انتهت مهلة الانتظار بعد 2.5 ثانية"),
        ("HTTP 429, retry after 2 s", "طلب الخادم إعادة المحاولة بعد ثانيتين (HTTP 429)"),
        ("HTTP 503, retry after 3600 s", "طلب الخادم إعادة المحاولة بعد 3600 ثانية (HTTP 503)"),
        ("response over 1 MB", "الردّ أكبر من ميغابايت واحد"),
        ("response over 2 MB", "الردّ أكبر من ميغابايتين"),
        ("response over 1.5 MB", "الردّ أكبر من 1.5 ميغابايت"),
        ("response over 2 bytes", "الردّ أكبر من بايتين"),
        ("response over 5 bytes", "الردّ أكبر من 5 بايتات"),
        ("response over 99 bytes", "الردّ أكبر من 99 بايتًا"),
        ("response over 1000 bytes", "الردّ أكبر من 1000 بايت"),
        (
            "feed too complex to parse: 250011 tags (limit 250000)",
            "المصدر أعقد من أن يُحلَّل: فيه 250011 وسمًا (الحد الأقصى 250000)",
        ),
        (
            "feed too complex to parse: 250103 tags (limit 250000)",
            "المصدر أعقد من أن يُحلَّل: فيه 250103 وسوم (الحد الأقصى 250000)",
        ),
    ],
    ids=lambda value: value if value.isascii() else "",
)
def test_counts_agree_with_their_noun(reason: str, arabic: str) -> None:
    assert reason_text(reason, AR) == arabic
    assert reason_text(reason, AR_INDIC) == localize_digits(arabic, "arabic-indic")
    assert reason_text(reason, EN) == reason


def test_digits_apply_to_an_english_reader_too() -> None:
    english_indic = Translator("en", digits="arabic-indic")
    assert reason_text("timed out after 20 s", english_indic) == "timed out after ٢٠ s"
    assert reason_text("HTTP 404", english_indic) == "HTTP ٤٠٤"


@pytest.mark.parametrize(
    "reason",
    [
        "",
        "Connection reset by peer",
        "HTTP 404 Not Found",
        "timed out after 20 seconds",
        "not a feed",
        "HTTP 404\nand more",
        "https://news.example/feed: the server said no",
        "Error: connection refused",
        "فشل الاتصال",
    ],
)
def test_text_that_is_not_an_engine_reason_is_left_alone(reason: str) -> None:
    assert match_reason(reason) is None
    assert reason_text(reason, AR_INDIC) == reason


def test_outside_words_are_inserted_literally() -> None:
    detail = "[Errno 113] No route to host {x} ١٢ <b>"
    assert reason_text(f"could not connect: {detail}", AR_INDIC) == f"تعذّر الاتصال: {detail}"
    nested = reason_text("https://a.example/2024/feed: HTTP 500", AR_INDIC)
    assert nested == "تعذّر جلب https://a.example/2024/feed: خطأ في الخادم (HTTP ٥٠٠)"


def test_table_and_catalogue_name_the_same_messages() -> None:
    table = {template.msg_id for template in REASONS}
    for language in ("en", "ar"):
        assert table == {msg_id for msg_id in catalog(language) if msg_id.startswith("reason.")}
    assert len(table) == len(REASONS), "two patterns for one message: merge them"
