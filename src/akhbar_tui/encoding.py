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
    """True when the high bytes of `body`, read as windows-1256, form Arabic words."""
    text = body.decode("cp1256", errors="replace")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    if non_ascii < _ARABIC_MIN_CHARS:
        return False
    in_words = sum(len(m) for m in _ARABIC_WORD.findall(text))
    return in_words >= _ARABIC_SHARE * non_ascii


def _try_decode(body: bytes, codec: str) -> str | None:
    """`body` decoded strictly with `codec`, or None when the bytes do not fit."""
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _with_utf8_declaration(text: str) -> bytes:
    """`text` as UTF-8 bytes whose XML declaration (if any) names UTF-8."""
    data = text.encode("utf-8")
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
            text = _try_decode(body[len(bom) :], bom_codec)
            if text is not None:
                return Decoded(_with_utf8_declaration(text), bom_codec, bom_codec)
            break

    head = body[:512].lstrip()
    xml_label = None
    declaration = _XML_DECLARATION.match(head)
    if declaration:
        found = _DECLARED_ENCODING.search(declaration.group(0))
        xml_label = found.group(1).decode("ascii") if found else None
    http_label = charset_from_headers(headers)
    declared_codecs = [c for c in (_codec_name(http_label), _codec_name(xml_label)) if c]
    declared = (http_label or xml_label or "").lower() or None

    candidates = [*declared_codecs, "utf-8"]
    for codec in dict.fromkeys(candidates):
        if codec in _LATIN_FAMILY and _looks_like_cp1256_arabic(body):
            continue
        text = _try_decode(body, codec)
        if text is not None:
            note = None
            if declared_codecs and codec not in declared_codecs:
                note = f"declared as {declared}, but the bytes are {codec}; read as {codec}"
            return Decoded(_with_utf8_declaration(text), codec, declared, note)

    if _looks_like_cp1256_arabic(body):
        codec = "cp1256"
    else:
        codec = "cp1252"
        if _try_decode(body, codec) is None:
            codec = "iso8859-1"
    text = body.decode(codec, errors="replace")
    label = declared or "utf-8 (by default)"
    pretty = {"cp1256": "windows-1256", "cp1252": "windows-1252"}.get(codec, codec)
    note = f"declared as {label}, but the bytes are {pretty}; read as {pretty}"
    return Decoded(_with_utf8_declaration(text), codec, declared, note)
