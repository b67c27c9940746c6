"""Cleaning of untrusted text: what a stranger's feed may not smuggle into a terminal.

Feed titles, authors and bodies end up painted on a terminal. A terminal obeys escape sequences
(colour, cursor moves, window titles, hyperlinks, even clipboard writes through OSC 52), and bidi
embeddings/overrides (U+202A–U+202E) reorder text behind the reader's back (the "Trojan Source"
trick). Both are removed here, at parse time, so nothing downstream ever sees them:

- whole escape sequences: CSI (`ESC [` or U+009B … final byte), OSC/DCS/SOS/PM/APC strings
  (`ESC ]`, `ESC P`, … up to BEL or ST; an unterminated one up to the end of its line), and the
  other two- or three-byte ESC sequences — not only the ESC, which would leave `[31m` behind;
- every other C0 and C1 control character and DEL;
- bidi embeddings and overrides U+202A–U+202E.

HTML fields get one more step (`clean_html`): numeric character references that name such
characters (`&#27;`, `&#x202E;`) are dropped too, since an HTML parser would turn them back into
the real thing.

Kept on purpose: newline and tab (a carriage return becomes a newline), the bidi marks LRM, RLM
and ALM, and the isolates U+2066–U+2069, which writers use legitimately and which cannot leak
past the end of a paragraph. Rich/Textual markup such as `[red]` is plain text here: the UI shows
it literally.
"""

from __future__ import annotations

import re

# String sequences: payload runs up to BEL or ST (ESC \ or U+009C); unterminated ones stop at the
# end of the line so a stray introducer cannot swallow the rest of a document.
_STRING_SEQUENCE = r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
_CSI_SEQUENCE = r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
_OTHER_ESCAPE = r"\x1b[\x20-\x2f]*[\x30-\x7e]?"
_LONE_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e]"

_UNSAFE = re.compile(f"{_STRING_SEQUENCE}|{_CSI_SEQUENCE}|{_OTHER_ESCAPE}|{_LONE_CONTROL}")
_CARRIAGE_RETURN = re.compile(r"\r\n?")
# One cheap scan decides whether any work is needed: almost all feed text is clean.
_NEEDS_WORK = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]")


def clean_text(s: str) -> str:
    """Return `s` without terminal escape sequences, control characters or bidi overrides.

    Every text that comes from a feed passes through here before it is stored, so the UI and the
    command line can print it without fear of a feed restyling or scrambling the terminal.
    Newlines, tabs, bidi marks and isolates survive; `\\r\\n` and a lone `\\r` become `\\n`.
    """
    if not _NEEDS_WORK.search(s):
        return s
    if "\r" in s:
        s = _CARRIAGE_RETURN.sub("\n", s)
    return _UNSAFE.sub("", s)


_BAD_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _drop_unsafe_reference(match: re.Match[str]) -> str:
    """Replace a numeric character reference with nothing when it names an unsafe character."""
    hex_digits, decimal = match.groups()
    code = int(hex_digits, 16) if hex_digits else int(decimal)
    unsafe = (
        (code < 0x20 and code not in (0x09, 0x0A))
        or 0x7F <= code <= 0x9F
        or 0x202A <= code <= 0x202E
    )
    return "" if unsafe else match.group(0)


def clean_html(s: str) -> str:
    """`clean_text` for HTML: also drops numeric references to controls and bidi overrides.

    The HTML is kept as HTML (tags and safe entities untouched); only what an HTML parser would
    decode into an escape, a control or an override disappears.
    """
    s = clean_text(s)
    if "&#" not in s:
        return s
    return _BAD_REFERENCE.sub(_drop_unsafe_reference, s)
