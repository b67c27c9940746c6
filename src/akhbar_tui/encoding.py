"""Character-set recovery: turn a feed's bytes into UTF-8 before feedparser sees them.

feedparser follows RFC 3023 to the letter (a `text/xml` body without a charset is US-ASCII) and,
when the declared charset does not fit the bytes, falls back to windows-1252. For older Arabic
sites that is the wrong guess: their windows-1256 bytes, labelled UTF-8 or ISO-8859-1, come out as
mojibake ("ÇáÚÑÈíÉ" for "العربية"). This module picks the encoding the way a reader would — BOM,
then the HTTP charset, then the XML declaration, then UTF-8 — checks that the bytes really decode,
and recognises windows-1256 Arabic behind a wrong label by the shape of the decoded text: Arabic
words are runs of Arabic letters, while the accented letters of a Latin-1 text that cp1256 happens
to map to Arabic (ä, ö, ß…) stand alone inside Latin words.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping
from dataclasses import dataclass

_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?\?>")
_DECLARED_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0660-\u06d3]{3,}")
_BOMS = (
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
)
# Labels whose decoders accept (nearly) any byte, so "it decoded" proves nothing about them.
_LATIN_FAMILY = frozenset({"iso8859-1", "cp1252", "iso8859-15", "ascii"})
_ARABIC_SHARE = 0.6
_ARABIC_MIN_CHARS = 8


@dataclass(frozen=True, slots=True)
class Decoded:
    """A document re-encoded as UTF-8, with what was declared and what was used."""

    body: bytes
    encoding: str
    declared: str | None
    note: str | None = None


def charset_from_headers(headers: Mapping[str, str]) -> str | None:
    """The `charset` parameter of a Content-Type header (keys already lower-case)."""
    match = _CHARSET_PARAM.search(headers.get("content-type", ""))
    return match.group(1) if match else None


def _codec_name(label: str | None) -> str | None:
    """Python's canonical codec name for a charset label, or None if unknown."""
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None


def _looks_like_cp1256_arabic(body: bytes) -> bool:
    """True when the high bytes of `body`, read as windows-1256, form Arabic words.

    Two tests: most non-ASCII characters sit in runs of three or more Arabic letters, and the
    definite article "ال" is frequent. Other single-byte scripts (KOI8-R and windows-1251
    Cyrillic, windows-1255 Hebrew) also land on Arabic letters in cp1256, but almost never spell
    alef-lam.
    """
    text = body.decode("cp1256", errors="replace")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    if non_ascii < _ARABIC_MIN_CHARS:
        return False
    words = _ARABIC_WORD.findall(text)
    in_words = sum(len(w) for w in words)
    with_article = sum(1 for w in words if "ال" in w)
    return in_words >= _ARABIC_SHARE * non_ascii and with_article >= max(2, len(words) // 10)


def _mostly_utf8(body: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few bad bytes: the text (bad bytes replaced) and their count; else None.

    One stray byte in a large UTF-8 feed must not turn every other character into mojibake,
    so when the valid multi-byte characters outnumber the broken sequences, UTF-8 stays.
    """
    text = body.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - body.count("\ufffd".encode())
    valid = len(text) - len(text.encode("ascii", errors="ignore")) - broken
    return (text, broken) if valid >= broken else None


def _sniff_without_bom(body: bytes) -> str | None:
    """UTF-16/32 recognised by how `<` is spelled (XML 1.0, appendix F), when there is no BOM."""
    head = body[:4]
    if head[:3] == b"\0\0\0" and head[3:4] != b"\0":
        return "utf-32-be"
    if head[:1] not in (b"", b"\0") and head[1:4] == b"\0\0\0":
        return "utf-32-le"
    if head[:1] == b"\0" and head[1:2] not in (b"", b"\0"):
        return "utf-16-be"
    if head[:1] not in (b"", b"\0") and head[1:2] == b"\0":
        return "utf-16-le"
    return None


def _pretty(codec: str) -> str:
    """The charset name people know for a Python codec name."""
    if codec.startswith("cp125"):
        return "windows-" + codec[2:]
    return codec.replace("iso8859", "iso-8859")


def _try_decode(body: bytes, codec: str) -> str | None:
    """`body` decoded strictly with `codec`, or None when the bytes do not fit."""
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _with_utf8_declaration(text: str, utf8: bytes | None = None) -> bytes:
    """`text` as UTF-8 bytes whose XML declaration (if any) names UTF-8; `utf8`, when given, is
    those bytes already (a body that decoded as UTF-8), so they are not encoded again."""
    data = text.encode("utf-8") if utf8 is None else utf8
    match = _XML_DECLARATION.match(data)
    if match:
        declaration = _DECLARED_ENCODING.sub(b'encoding="utf-8"', match.group(0))
        data = declaration + data[match.end() :]
    return data


def to_utf8(body: bytes, headers: Mapping[str, str]) -> Decoded:
    """Decode a feed document and return it as UTF-8, recovering mislabelled windows-1256.

    Why not let feedparser decide: its fallback for a wrong label is windows-1252, which turns
    Arabic into mojibake silently, and its RFC 3023 strictness flags most real `text/xml` feeds.
    `headers` must have lower-case keys. `note` says when the declared charset was wrong.
    """
    for bom, bom_codec in _BOMS:
        if body.startswith(bom):
            text = body[len(bom) :].decode(bom_codec, errors="replace")
            return Decoded(_with_utf8_declaration(text), bom_codec, bom_codec)
    wide = _sniff_without_bom(body)
    if wide:
        text = body.decode(wide, errors="replace")
        return Decoded(_with_utf8_declaration(text), wide, wide)

    head = body[:512].lstrip()
    xml_label = None
    declaration = _XML_DECLARATION.match(head)
    if declaration:
        found = _DECLARED_ENCODING.search(declaration.group(0))
        xml_label = found.group(1).decode("ascii") if found else None
    http_label = charset_from_headers(headers)
    declared_codecs = [c for c in (_codec_name(http_label), _codec_name(xml_label)) if c]
    declared = (http_label or xml_label or "").lower() or None
    label = declared or "utf-8 (by default)"

    for codec in dict.fromkeys([*declared_codecs, "utf-8"]):
        if codec in _LATIN_FAMILY and (
            (not body.isascii() and _try_decode(body, "utf-8") is not None)
            or _looks_like_cp1256_arabic(body)
        ):
            continue  # "Latin-1" that is really UTF-8 or windows-1256: a later step reads it
        text = _try_decode(body, codec)
        if text is not None:
            note = None
            if declared_codecs and codec not in declared_codecs:
                note = f"declared as {label}, but the bytes are {_pretty(codec)}"
            same = body if codec == "utf-8" else None
            return Decoded(_with_utf8_declaration(text, same), codec, declared, note)

    mostly = _mostly_utf8(body)
    if mostly is not None:
        text, broken = mostly
        note = f"declared as {label}; {broken} invalid UTF-8 byte sequence(s) replaced"
        return Decoded(_with_utf8_declaration(text), "utf-8", declared, note)
    if _looks_like_cp1256_arabic(body):
        codec = "cp1256"
    else:
        codec = "cp1252" if _try_decode(body, "cp1252") is not None else "iso8859-1"
    text = body.decode(codec, errors="replace")
    note = f"declared as {label}, but the bytes are {_pretty(codec)}"
    return Decoded(_with_utf8_declaration(text), codec, declared, note)
