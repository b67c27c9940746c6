"""What the article parser knows about HTML elements: which are blocks, which are dropped, and
which images are tracking pixels rather than pictures."""

from __future__ import annotations

import re


def _names(*words: str) -> frozenset[str]:
    return frozenset(" ".join(words).split())


HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Dropped with their content: code, styling, embeds, and controls a reader cannot use.
SKIP = _names(
    "script style iframe noscript template textarea title object video audio canvas form select"
    " head svg math button frameset noembed noframes datalist"
)
# A form or button whose text runs longer than this is an unclosed tag that swallowed the
# article (HTML5 keeps it open to the end): its content is read instead of dropped.
SKIP_UNLESS_LONGER = {"form": 400, "button": 200}
BLOCK = HEADINGS | _names(
    "address article aside blockquote body caption center dd details dialog dir div dl dt"
    " fieldset figcaption figure footer header hgroup hr html legend li listing main menu nav ol"
    " p plaintext pre section summary table tbody td tfoot th thead tr ul xmp"
)
# Blocks that only end the text before them; the others set the kind of what follows.
GENERIC = (
    BLOCK
    - HEADINGS
    - _names(
        "ul ol menu dir li blockquote pre listing xmp plaintext table td th tr figure figcaption hr"
    )
)

_TRACKER_URL = re.compile(
    r"^[a-z]+://(?:[^/?#]*\.)?(?:pixel|beacon|track|tracking|tracker|stats|analytics)\.[^/?#]+/"
    r"|feedburner\.com/~|/~(?:r|ff)/|feedsportal\.com|doubleclick\.net|google-analytics\.com"
    r"|scorecardresearch\.com|quantserve\.com|pheedo\.com|feedblitz\.com/[^?#]*\.gif"
    r"|/(?:pixel|beacon|tracker|track|spacer|blank|1x1|t|open)\.(?:gif|png)(?:[?#]|$)",
    re.IGNORECASE,
)


def is_hidden(attrs: dict[str, str | None]) -> bool:
    """True for elements a browser does not show: `hidden`, or styled `display: none`."""
    if "hidden" in attrs:
        return True
    style = attrs.get("style") or ""
    return "display:none" in style.replace(" ", "").lower()


def is_tracker(attrs: dict[str, str | None]) -> bool:
    """True for images that only report a view: 1×1 or hidden, or served from a tracker URL."""
    for name in ("width", "height"):
        size = _pixels(attrs.get(name))
        if size is not None and size <= 1:
            return True
    if is_hidden(attrs):
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    if "width:1px" in style or "height:1px" in style:
        return True
    return any(
        _TRACKER_URL.search(attrs.get(name) or "") for name in ("src", "data-src", "data-lazy-src")
    )


def _pixels(value: str | None) -> int | None:
    text = (value or "").strip().lower().removesuffix("px").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 7 else None
