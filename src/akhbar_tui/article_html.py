"""Feed HTML → raw blocks: one walk over the document tree that selectolax (lexbor) builds.

Why selectolax: lexbor is an HTML5 tree builder in C, so tag soup (unclosed tags, stray `</p>`,
misnested tables) comes out as the tree a browser would show, and it builds the tree of the
5,000-word benchmark article in 0.25 ms of CPU. The standard library's `html.parser` was tried
first: its tokenizer alone, with empty handlers, costs 4.5 ms CPU on that article, and the
handler work (4–5 ms here) would have come on top — the whole 10 ms budget — before adding
the HTML5 recovery rules it lacks (benchmarks/bench_article_text.py prints both figures).

Text is gathered into a buffer and flushed as a block whenever a block-level element opens or
closes; the *context* (`Ctx`) of the innermost element says what kind of block that text is.
Images are stored as a sentinel (`\\x02<index>\\x03`) because whether the placeholder reads
"[صورة…]" or "[image…]" may depend on the whole article; `article_text` resolves them.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from akhbar_tui.article_clean import (
    clean,
    clean_lang,
    first_strong_direction,
    is_rtl_lang,
    safe_url,
)
from akhbar_tui.article_context import (
    BR,
    Ctx,
    FigureState,
    LinkState,
    ListState,
    RawBlock,
    RawImage,
    TableState,
    collapse,
    new_item,
    number_list,
    pre_text,
    script_digits,
)
from akhbar_tui.article_tags import (
    BLOCK,
    GENERIC,
    HEADINGS,
    SKIP,
    SKIP_UNLESS_LONGER,
    is_hidden,
    is_tracker,
)

Frame = tuple[str, object, object]  # (tag, what to restore on leaving, element state)
_BLANK_LINE = re.compile(r"\n[ \t\r\x0c]*\n")
_NEWLINES = re.compile(r"\n+")
_SKIP: Frame = ("", None, "skip")  # nothing to descend into
_INLINE: Frame = ("", None, None)  # descend; nothing to do on leaving
_MAX_RESCUES = 3


class ArticleBuilder:
    """Walks a parsed document into `blocks`, `images` and `links` (number, url, text)."""

    def __init__(self, base_url: str | None, lang: str | None) -> None:
        self.base_url = base_url
        self.blocks: list[RawBlock] = []
        self.images: list[RawImage] = []
        self.links: list[tuple[int, str, str]] = []
        self.saw_markup = False
        self._numbers: dict[str, int] = {}
        self._ctx = Ctx(lang=lang)
        self._buf: list[str] = []
        self._link: LinkState | None = None
        self._rescues = 0

    def build(self, tree: LexborHTMLParser) -> None:
        """Read the document's body (dir/lang of `<html>` included) and flush the last text."""
        root, body = tree.root, tree.body
        if root is not None:
            self._ctx = self._attr_ctx(self._ctx, root.attributes)
        if body is not None:
            self._walk(body)
        self._flush()

    def _walk(self, top: LexborNode) -> None:
        outer = self._enter(top.tag or "", top)
        if outer is _SKIP:
            return
        stack: list[tuple[LexborNode, Frame]] = []
        node = top.child
        while True:
            while node is not None:
                tag = node.tag or ""
                if tag == "-text":
                    self._text(node.text_content or "")
                elif tag == "-comment":
                    self._comment(node.comment_content or "")
                elif tag[:1] not in ("-", "!", "#", ""):
                    frame = self._enter(tag, node)
                    if frame is not _SKIP:
                        child = node.child
                        if child is not None:
                            stack.append((node, frame))
                            node = child
                            continue
                        self._leave(frame)
                node = node.next
            if not stack:
                break
            parent, frame = stack.pop()
            self._leave(frame)
            node = parent.next
        self._leave(outer)

    def _enter(self, tag: str, node: LexborNode) -> Frame:
        if tag != "body":
            self.saw_markup = True
        if tag in BLOCK:
            attrs = node.attributes
            if attrs and is_hidden(attrs):  # what a browser never shows (often SEO spam)
                return _SKIP
            self._flush()
            if tag == "hr":
                self._emit("rule", "* * *", self._attr_ctx(self._ctx, attrs))
                return _SKIP
            ctx, extra = self._block_ctx(tag, attrs)
            frame = (tag, self._ctx, extra)
            self._ctx = ctx
            return frame
        if tag == "a":
            return self._open_link(node.attributes)
        if tag == "br":
            ctx = self._ctx
            self._buf.append("\n" if ctx.pre else " " if ctx.cell else BR)
            return _SKIP
        if tag == "img":
            self._image(node.attributes)
            return _SKIP
        if tag in SKIP:
            return self._skipped(tag, node)
        if tag in ("sup", "sub"):
            return (tag, self._buf, len(self._buf))
        return _INLINE

    def _leave(self, frame: Frame) -> None:
        tag, restore, extra = frame
        if not tag:
            return
        if tag == "a":
            link = self._link
            if link is not None and link.pending:
                self._marker(link)
            self._link = restore  # type: ignore[assignment]
            return
        if tag in ("sup", "sub"):
            if restore is self._buf:  # no block boundary inside: the pieces are all still here
                script_digits(self._buf, extra, superscript=tag == "sup")  # type: ignore[arg-type]
            return
        self._flush()
        if extra is not None:
            self._close(tag, extra)
        self._ctx = restore  # type: ignore[assignment]

    def _skipped(self, tag: str, node: LexborNode) -> Frame:
        limit = SKIP_UNLESS_LONGER.get(tag)
        if limit is not None and len(node.text(deep=True)) > limit:
            return _INLINE
        if tag == "iframe" and self._rescues < _MAX_RESCUES:
            # `<iframe … />` is not closed in HTML5: the rest of the article became its raw text.
            swallowed = node.text(deep=True)
            if "<" in swallowed:
                self._rescues += 1
                body = LexborHTMLParser(swallowed).body
                if body is not None:
                    self._walk(body)
        return _SKIP

    def _comment(self, content: str) -> None:
        if content.startswith("[CDATA["):  # XHTML CDATA, a bogus comment to an HTML parser
            self._text(content[7:].removesuffix("]]"))
        self.saw_markup = True

    # --- elements ------------------------------------------------------------------------

    def _block_ctx(self, tag: str, attrs: dict[str, str | None]) -> tuple[Ctx, object]:
        parent = self._ctx
        extra: object = None
        if parent.kind == "heading" and (tag == "p" or tag not in GENERIC):
            # A heading holding paragraphs is an unclosed one (HTML5 keeps it open to the end):
            # from here on its text is body text, not one long heading.
            parent.kind, parent.level = "paragraph", 0
        if tag in GENERIC:
            if tag in ("body", "html"):
                return self._attr_ctx(parent, attrs), None
            if not parent.top and not attrs:
                return parent, None
            ctx = parent.copy()
        else:
            ctx = parent.copy()
            if tag in HEADINGS:
                ctx.kind, ctx.level = "heading", int(tag[1])
            elif tag in ("ul", "ol", "menu", "dir"):
                ctx.lists += 1
                ctx.lst = ListState(ordered=tag == "ol")
                ctx.item = None
                if tag == "ol":
                    number_list(ctx.lst, attrs)
            elif tag == "li":
                ctx.kind, ctx.item = "list_item", new_item(parent.lst, attrs)
            elif tag == "blockquote":
                ctx.kind, ctx.quote = "quote", parent.quote + 1
            elif tag in ("pre", "listing", "xmp", "plaintext"):
                ctx.kind, ctx.pre = "preformatted", True
            elif tag == "table":
                extra = ctx.table = TableState()
                ctx.cell = False
                if parent.cell:  # a table inside a cell: keep the cell's text for later
                    ctx.table.saved, self._buf = self._buf, []
            elif tag in ("td", "th", "tr"):
                extra = ctx.table
                ctx.cell = tag != "tr" and extra is not None
            elif tag == "figure":
                extra = ctx.figure = FigureState()
            elif tag == "figcaption":
                ctx.caption = True
        ctx.top = False
        return self._attr_ctx(ctx, attrs), extra

    def _attr_ctx(self, ctx: Ctx, attrs: dict[str, str | None]) -> Ctx:
        """`ctx` with the element's dir and lang applied (a copy if it is the current one)."""
        direction = (attrs.get("dir") or "").strip().lower()
        lang = clean_lang(attrs.get("lang") or attrs.get("xml:lang") or "")
        if direction not in ("rtl", "ltr", "auto") and not lang:
            return ctx
        if ctx is self._ctx:
            ctx = ctx.copy()
        if direction in ("rtl", "ltr", "auto"):
            ctx.dir = direction
        if lang:
            ctx.lang, ctx.lang_html = lang, True
        return ctx

    def _open_link(self, attrs: dict[str, str | None]) -> Frame:
        outer = self._link
        if outer is not None and outer.pending:
            self._marker(outer)
        href = (attrs.get("href") or "").strip()
        # In-page anchors (footnotes, contents) lead nowhere a terminal reader can go.
        url = safe_url(href, self.base_url) if href and href[0] != "#" else None
        self._link = LinkState(url) if url else None
        return ("a", outer, None)

    def _image(self, attrs: dict[str, str | None]) -> None:
        if is_tracker(attrs):
            return
        url = None
        for name in ("data-src", "data-lazy-src", "data-original", "src"):
            value = attrs.get(name)
            if value and (url := safe_url(value, self.base_url, image=True)):
                break
        else:
            srcset = (attrs.get("srcset") or "").strip().split(",")[0].split()
            url = safe_url(srcset[0], self.base_url, image=True) if srcset else None
        alt = collapse(clean(attrs.get("alt") or attrs.get("title") or ""))
        ctx = self._ctx
        if ctx.dir in ("rtl", "ltr"):
            rtl: bool | None = ctx.dir == "rtl"
        elif ctx.lang_html:
            rtl = is_rtl_lang(ctx.lang)
        else:
            direction = first_strong_direction(alt)
            rtl = None if direction is None else direction == "rtl"
        marker = f"[{self._number(url, alt)}]" if url else ""
        sentinel = f"\x02{len(self.images)}\x03"
        self.images.append(RawImage(alt, rtl, marker))
        if ctx.cell:
            self._buf.append(sentinel)
            return
        self._flush()
        self._emit("image", sentinel, ctx)
        figure = ctx.figure
        if figure is not None and not figure.has_image:
            figure.has_image = True
            self.blocks.extend(figure.captions)
            figure.captions.clear()

    def _close(self, tag: str, extra: object) -> None:
        if isinstance(extra, FigureState):
            self.blocks.extend(extra.captions)
            extra.captions.clear()
        elif isinstance(extra, TableState):
            if tag in ("td", "th"):
                extra.cells.append(collapse("".join(self._buf)))
                self._buf = []
                return
            cells, extra.cells = extra.cells, []
            if any(cells):
                self._emit("table_row", " | ".join(cells), self._ctx, raw=True)
            if tag == "table" and extra.saved is not None:
                self._buf = [*extra.saved, " ", *self._buf]

    # --- text ----------------------------------------------------------------------------

    def _text(self, data: str) -> None:
        data = clean(data)
        if not data:
            return
        if self._ctx.top and "\n" in data and _BLANK_LINE.search(data):
            # Text outside any block: a blank line is the author's paragraph break.
            first, *rest = _BLANK_LINE.split(data)
            self._add_text(first)
            for part in rest:
                self._flush()
                self._add_text(part)
        else:
            self._add_text(data)

    def _add_text(self, data: str) -> None:
        self._buf.append(data)
        link = self._link
        if link is not None:
            if link.number is None:
                link.parts.append(data)
            if not link.pending and not data.isspace():
                link.pending = True

    def _marker(self, link: LinkState) -> None:
        """Put `[n]` right after the link's last visible character, before any spaces."""
        link.pending = False
        buf = self._buf
        spaces = ""
        while buf and buf[-1].isspace():
            spaces = buf.pop() + spaces
        if buf:
            last = buf[-1]
            kept = last.rstrip()
            if len(kept) < len(last):
                buf[-1], spaces = kept, last[len(kept) :] + spaces
        if link.number is None:
            link.number = self._number(link.url, collapse("".join(link.parts)))
            link.parts.clear()
        buf.append(f"[{link.number}]")
        if spaces:
            buf.append(spaces)

    def _number(self, url: str, text: str) -> int:
        number = self._numbers.get(url)
        if number is None:
            number = self._numbers[url] = len(self.links) + 1
            self.links.append((number, url, text))
        return number

    def _flush(self) -> None:
        link = self._link
        if link is not None and link.pending:
            self._marker(link)
        if not self._buf:
            return
        ctx = self._ctx
        if ctx.cell:
            self._buf.append(" ")
            return
        text = "".join(self._buf)
        self._buf = []
        self._emit(ctx.kind, text, ctx)

    def _emit(self, kind: str, text: str, ctx: Ctx, *, raw: bool = False) -> None:
        if kind == "image" or kind == "rule":
            texts = [text]
        elif ctx.pre:
            texts = [pre_text(text)]
        else:
            text = text if raw else collapse(text)
            if kind in ("paragraph", "quote") and "\n\n" in text:
                texts = [part.strip() for part in text.split("\n\n")]
            else:
                texts = [_NEWLINES.sub("\n", text) if "\n\n" in text else text]
        for part in texts:
            if part and not part.isspace():
                self._add_block(kind, part, ctx)

    def _add_block(self, kind: str, text: str, ctx: Ctx) -> None:
        number = None
        item = ctx.item
        if item is not None and item.pending and kind not in ("image", "rule", "table_row"):
            item.pending = False
            text, number = item.marker + text, item.number
        depth = ctx.quote - 1 if kind == "quote" else max(ctx.lists - 1, 0)
        direction = ctx.dir if ctx.dir in ("rtl", "ltr") else None
        block = RawBlock(kind, text, ctx.level, depth, number, direction, ctx.lang)
        figure = ctx.figure
        if ctx.caption and figure is not None and not figure.has_image:
            figure.captions.append(block)  # shown after the figure's image, wherever it is
        else:
            self.blocks.append(block)
