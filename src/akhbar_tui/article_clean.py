"""Character-level hygiene for article text: what may reach a terminal, and which URLs survive.

Feed text is written by strangers. Escape sequences, C0/C1 controls and bidi *overrides* could
restyle the terminal or spoof the reading order, so they are removed here, once, for every piece
of text `article_text` produces. Bidi isolates and marks (LRM, RLM, ALM, U+2066–U+2069) stay:
they are how authors keep mixed Arabic/English runs in order, and python-bidi honours them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

# One alternation so each chunk of text costs one pass. Terminated string sequences (OSC, DCS,
# SOS, PM, APC) go whole with their payload; an unterminated one loses only its introducer, so
# the stranger's text after it is still shown literally rather than swallowed.
_UNSAFE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b[\]PX^_][^\x07\x1b\x9c\n]{0,4096}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[!-/]*[0-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c\n]{0,4096}(?:\x07|\x1b\\|\x9c)"
    r"|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u206a-\u206f\u2028\u2029\ud800-\udfff]"
)
# Every character `_UNSAFE` can start with: a plain scan for these is far cheaper than trying
# each alternative at every position, and most text has none.
_SUSPECT = re.compile(
    r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u206a-\u206f\u2028\u2029\ud800-\udfff]"
)
# Bidi formatting of any kind is stripped from URLs: there it only serves to disguise a host.
_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_RTL_LANGS = frozenset({"ar", "fa", "he", "iw", "ur", "ps", "sd", "ug", "yi", "ckb", "dv", "ku"})


def _replace_unsafe(match: re.Match[str]) -> str:
    char = match.group()
    if char in "\u2028\u2029":
        return "\n"
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"
    return ""


def clean(text: str) -> str:
    """Remove escape sequences and control characters, keeping tab, newline, CR and form feed.

    The whitespace survivors are dealt with by the caller (collapsed, or expanded inside `pre`).
    Line and paragraph separators become newlines; lone surrogates become U+FFFD so the text
    can always be encoded.
    """
    if _SUSPECT.search(text) is None:
        return text
    return _UNSAFE.sub(_replace_unsafe, text)


def first_strong_direction(text: str) -> str | None:
    """ "rtl" or "ltr" from the first strongly directional character (UAX #9 P2), else None."""
    bidirectional = unicodedata.bidirectional
    isolated = 0  # text inside LRI/RLI/FSI … PDI does not decide (P2)
    for char in text:
        kind = bidirectional(char)
        if kind in ("LRI", "RLI", "FSI"):
            isolated += 1
        elif kind == "PDI":
            isolated = max(isolated - 1, 0)
        elif isolated:
            continue
        elif kind == "L":
            return "ltr"
        elif kind in ("R", "AL"):
            return "rtl"
    return None


def is_rtl_lang(lang: str | None) -> bool:
    """True when a BCP 47 tag names a language written right to left (ar, fa, he, ur, …)."""
    if not lang:
        return False
    return lang.split("-", 1)[0].lower() in _RTL_LANGS


def clean_lang(value: str) -> str | None:
    """A `lang` attribute reduced to BCP 47 characters; None when nothing usable is left."""
    tag = "".join(c for c in value.strip()[:35] if c.isascii() and (c.isalnum() or c == "-"))
    return tag or None


def safe_url(raw: str, base_url: str | None, *, image: bool = False) -> str | None:
    """The absolute form of `raw` if it is an http(s) (or, for links, mailto) URL, else None.

    Browsers drop tabs and newlines inside URLs, so `java\\tscript:` is `javascript:` — they are
    removed before the scheme is judged. Relative URLs need `base_url`; protocol-relative ones
    default to https without it.
    """
    url = _URL_UNSAFE.sub(_url_char, raw.strip(" \t\n\r\x0c"))
    if not url:
        return None
    if url.startswith("//") and not base_url:
        url = "https:" + url
    head = url[:8].lower()
    if head.startswith(("http://", "https://")) and "[" not in url:
        rest = url[url.index("//") + 2 :]
        return url if rest and rest[0] not in "/?#" else None
    try:
        if base_url and not head.startswith(("http://", "https://", "mailto:")):
            url = _join(base_url, url)
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return url if parts.netloc else None
    if scheme == "mailto" and not image and len(url) > 7:
        return url
    return None


@lru_cache(maxsize=64)
def _origin(base_url: str) -> str | None:
    parts = urlsplit(clean(base_url))
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


def _join(base_url: str, url: str) -> str:
    """`urljoin`, with a shortcut for the common site-absolute path (`/news/1`)."""
    if url.startswith("/") and not url.startswith("//") and "/." not in url:
        origin = _origin(base_url)
        if origin is not None:
            return origin + url
    return urljoin(clean(base_url), url)


def _url_char(match: re.Match[str]) -> str:
    return "%20" if match.group() == " " else ""
