"""How long full-text extraction takes per article page (median over the test pages).

The pages are the fixtures of `tests/core/test_fulltext.py`: WordPress in English and Arabic, a
large Arabic and a large English news portal, an AMP page and two pages whose article is split
across `<div>`s, each 5–12 KB with menus, ads, share buttons, related boxes, comments and cookie
banners. A second pass uses each page padded to the size of a real portal page (~150 KB: the
same boilerplate repeated, plus scripts and inline styles as real pages carry), since extraction
time grows with the page, not with the article.

Measured: `fulltext.extract` (bytes → decoded → tree → trafilatura → stored fragment), the CPU
work a full-text fetch adds to the network time; and, once, the first call, which pays for
importing trafilatura. Run: `.venv/bin/python benchmarks/bench_fulltext.py [repeats]`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from akhbar_tui.fulltext import extract

PAGES = Path(__file__).parent.parent / "tests" / "core" / "fixtures" / "fulltext"
NAMES = ("wordpress_en", "wordpress_ar", "portal_ar", "portal_en", "amp_ar", "split_en", "split_ar")
PORTAL_BYTES = 150_000
_PADDING = (
    '<script>window.__APP_STATE__={"menu":['
    + ",".join(f'{{"id":{i},"t":"x"}}' for i in range(60))
    + "]};</script><style>"
    + ".c{margin:0;padding:0;color:#333}" * 40
    + "</style>"
    '<div class="mega-menu"><ul>'
    + "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(40))
    + '</ul></div><div class="footer-links">'
    + "".join(f'<a href="/about/{i}">Footer link {i}</a>' for i in range(30))
    + "</div>"
)


def padded(page: bytes) -> bytes:
    """The page grown to about PORTAL_BYTES with boilerplate before `</body>`."""
    text = page.decode("utf-8")
    need = max(0, PORTAL_BYTES - len(page))
    filler = _PADDING * (need // len(_PADDING.encode("utf-8")) + 1)
    return text.replace("</body>", filler + "</body>").encode("utf-8")


def time_page(page: bytes, repeats: int) -> float:
    """Median seconds of `extract` on one page."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        extract(page, "https://news.example/2024/05/article", headers={"content-type": "text/html"})
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def first_call_ms() -> float:
    """A fresh interpreter's first `extract`, trafilatura's import included."""
    code = (
        "import time; from pathlib import Path; t = time.perf_counter();"
        "from akhbar_tui.fulltext import extract;"
        f"extract(Path({str(PAGES / 'portal_ar.html')!r}).read_bytes(), 'https://x.example/a');"
        "print((time.perf_counter() - t) * 1000)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return float(result.stdout.strip())


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    pages = {name: (PAGES / f"{name}.html").read_bytes() for name in NAMES}
    extract(pages["portal_ar"], "https://news.example/warm-up")
    print(f"full-text extraction, median of {repeats} runs per page")
    plain, large = [], []
    for name, page in pages.items():
        big = padded(page)
        plain.append(time_page(page, repeats))
        large.append(time_page(big, repeats))
        print(
            f"  {name:<13} {len(page) / 1024:6.1f} KB {plain[-1] * 1000:7.2f} ms"
            f"   padded {len(big) / 1024:6.1f} KB {large[-1] * 1000:7.2f} ms"
        )
    print(f"median per page ({len(pages)} pages): {statistics.median(plain) * 1000:.2f} ms")
    padded_median = statistics.median(large) * 1000
    print(f"median per page padded to ~{PORTAL_BYTES // 1000} KB: {padded_median:.2f} ms")
    print(f"first call in a fresh process (imports trafilatura): {first_call_ms():.0f} ms")


if __name__ == "__main__":
    main()
