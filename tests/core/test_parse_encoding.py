"""Declared encodings honoured; windows-1256 Arabic behind a wrong label recovered, not mojibake."""

from __future__ import annotations

from pathlib import Path

import pytest

from akhbar_tui.encoding import to_utf8
from akhbar_tui.models import FeedSpec
from akhbar_tui.parse import parse_feed

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
TITLE = "الحكومة تعلن ميزانية جديدة بقيمة 20 مليار"
SPEC = FeedSpec(url="http://khaleej-old.example/rss.asp")


@pytest.mark.parametrize(
    ("name", "content_type", "warned"),
    [
        ("rss20_ar_cp1256.xml", "text/xml", False),
        ("rss20_ar_cp1256.xml", "application/rss+xml; charset=windows-1256", False),
        ("rss20_ar_cp1256_declared_utf8.xml", "text/xml", True),
        ("rss20_ar_cp1256_declared_utf8.xml", "application/xml; charset=UTF-8", True),
        ("rss20_ar_cp1256_declared_latin1.xml", "text/xml", True),
        # the XML declaration is right when the HTTP header is wrong: no warning
        ("rss20_ar_cp1256.xml", "text/xml; charset=ISO-8859-1", False),
        ("rss20_ar_cp1256.xml", "text/xml; charset=utf-8", False),
    ],
)
def test_windows_1256_arabic_is_recovered(name: str, content_type: str, warned: bool) -> None:
    feed = parse_feed((FEEDS / name).read_bytes(), {"Content-Type": content_type}, spec=SPEC)
    (article,) = feed.articles
    assert article.title == TITLE
    assert feed.title == "جريدة الخليج القديمة"
    assert article.direction == "rtl"
    if warned:
        assert feed.warning is not None and "windows-1256" in feed.warning
    else:
        assert feed.warning is None


def test_real_latin1_is_not_mistaken_for_arabic() -> None:
    text = "Mädchen für Größe: schöne Grüße aus Köln, Straße, Ähre, Öl, Übermaß"
    doc = f"<?xml version='1.0' encoding='iso-8859-1'?><rss version='2.0'><channel><title>t</title><item><guid>1</guid><title>{text}</title></item></channel></rss>"  # noqa: E501
    feed = parse_feed(doc.encode("latin-1"), {}, spec=SPEC)
    assert feed.articles[0].title == text
    assert feed.warning is None


def test_latin1_bytes_labelled_utf8_fall_back_with_a_warning() -> None:
    text = "Café crème à la française"
    doc = f"<rss version='2.0'><channel><title>t</title><item><guid>1</guid><title>{text}</title></item></channel></rss>"  # noqa: E501
    feed = parse_feed(doc.encode("latin-1"), {"Content-Type": "text/xml; charset=utf-8"}, spec=SPEC)
    assert feed.articles[0].title == text
    assert feed.warning == ("declared as utf-8, but the bytes are windows-1252")


def test_utf8_served_as_text_xml_without_charset_is_not_flagged() -> None:
    body = (FEEDS / "rss20_ar.xml").read_bytes()
    feed = parse_feed(body, {"content-type": "text/xml"}, spec=SPEC)
    assert feed.warning is None
    assert feed.articles[0].title.startswith("ارتفاع صادرات النفط")


@pytest.mark.parametrize("codec", ["utf-16", "utf-8-sig"])
def test_byte_order_marks_win(codec: str) -> None:
    doc = "<?xml version='1.0' encoding='windows-1252'?><rss><channel><title>عنوان</title></channel></rss>"  # noqa: E501
    decoded = to_utf8(doc.encode(codec), {"content-type": "text/xml; charset=iso-8859-1"})
    assert "عنوان" in decoded.body.decode("utf-8")
    assert b'encoding="utf-8"' in decoded.body


def test_declaration_is_rewritten_to_utf8() -> None:
    body = (FEEDS / "rss20_ar_cp1256.xml").read_bytes()
    decoded = to_utf8(body, {})
    assert decoded.encoding == "cp1256"
    assert decoded.body.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    assert TITLE in decoded.body.decode("utf-8")


def test_cyrillic_single_byte_text_is_not_taken_for_arabic() -> None:
    text = "Москва объявила новый бюджет города на следующий год, сообщают источники"
    doc = f"<rss version='2.0'><channel><title>t</title><item><guid>1</guid><title>{text}</title></item></channel></rss>"  # noqa: E501
    for codec in ("koi8-r", "cp1251"):
        decoded = to_utf8(doc.encode(codec), {})
        assert decoded.encoding != "cp1256", codec


def test_one_stray_byte_does_not_turn_utf8_arabic_into_mojibake() -> None:
    body = (
        (FEEDS / "rss20_ar.xml").read_bytes().replace(b"</description>", b"\xff</description>", 1)
    )
    feed = parse_feed(body, {"content-type": "application/rss+xml; charset=utf-8"}, spec=SPEC)
    assert feed.articles[0].title.startswith("ارتفاع صادرات النفط")
    assert feed.warning == "declared as utf-8; 1 invalid UTF-8 byte sequence(s) replaced"


def test_utf8_labelled_latin1_is_read_as_utf8() -> None:
    body = (FEEDS / "rss20_ar.xml").read_bytes().replace(b'"UTF-8"', b'"ISO-8859-1"', 1)
    feed = parse_feed(body, {"content-type": "text/xml; charset=iso-8859-1"}, spec=SPEC)
    assert feed.articles[0].title.startswith("ارتفاع صادرات النفط")
    assert feed.warning == "declared as iso-8859-1, but the bytes are utf-8"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_encodings_without_bom_are_sniffed(codec: str) -> None:
    body = (FEEDS / "rss20_ar.xml").read_text(encoding="utf-8").encode(codec)
    feed = parse_feed(body, {}, spec=SPEC)
    assert feed.articles[0].title.startswith("ارتفاع صادرات النفط")
