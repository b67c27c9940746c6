"""Run every file of feedparser's test corpus through parse (and store) and count the outcomes.

Each file is one document a stranger could serve: well-formed feeds, ill-formed ones, every
encoding trick. The point is robustness, not speed: nothing may escape as an exception. A file is

- *stored*: parsed without a warning (and written to a fresh SQLite store when `akhbar_tui.store`
  exists),
- *warned*: parsed with a warning (recoverable XML or charset trouble), also stored,
- *refused*: a `FeedParseError` with a human reason (not a feed, broken beyond use),
- *crashed*: anything else — a bug; listed with its traceback's last line.

The corpus's own `Header: Name: value` comment lines (feedparser's test convention) are sent as
response headers, so charset tests see the headers they were written for.

Run: `.venv/bin/python benchmarks/corpus.py [DIR]` (default `../shared/corpus/feedparser`);
exits 0 with a note when the folder is missing, 1 if anything crashed.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

from akhbar_tui.errors import FeedParseError
from akhbar_tui.models import FeedSpec
from akhbar_tui.parse import parse_feed

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "feedparser"
_HEADER = re.compile(rb"^\s*Header:\s*([A-Za-z-]+):\s*(.*?)\s*$", re.MULTILINE)
_FIRST_COMMENT = re.compile(rb"<!--(.*?)-->", re.DOTALL)


def corpus_headers(body: bytes) -> dict[str, str]:
    """`Header:` lines of the document's first comment, as response headers."""
    comment = _FIRST_COMMENT.search(body[:4096])
    if not comment:
        return {}
    return {
        name.decode("latin-1").lower(): value.decode("latin-1")
        for name, value in _HEADER.findall(comment.group(1))
    }


def open_store(folder: Path) -> Any | None:
    """A fresh store in `folder`, or None while `akhbar_tui.store` does not exist yet."""
    try:
        from akhbar_tui.store import Store
    except ImportError:
        return None
    return Store(folder / "corpus.sqlite3")


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    if not folder.is_dir():
        print(f"corpus folder {folder} not found: nothing to do")
        return 0
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    crashes: list[str] = []
    articles = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp))
        for path in files:
            url = f"http://corpus.example/{path.relative_to(folder).as_posix()}"
            body = path.read_bytes()
            spec = FeedSpec(url=url)
            try:
                parsed = parse_feed(body, corpus_headers(body), spec=spec)
                if store is not None:
                    feed_id = store.sync_feeds([spec])[url]
                    store.store_parsed(
                        feed_id,
                        parsed,
                        etag=None,
                        last_modified=None,
                        keep_days=100_000,
                        keep_per_feed=100_000,
                    )
                articles += len(parsed.articles)
                counts["warned" if parsed.warning else "stored"] += 1
            except FeedParseError as exc:
                counts["refused"] += 1
                reasons[re.sub(r"line \d+", "line N", str(exc))[:70]] += 1
            except Exception:
                counts["crashed"] += 1
                last = traceback.format_exc().strip().splitlines()[-1]
                crashes.append(f"{path.relative_to(folder)}: {last}")
        if store is not None:
            store.close()
    elapsed = time.perf_counter() - started

    mode = "parse + store" if store is not None else "parse only (no akhbar_tui.store yet)"
    print(f"{len(files)} files from {folder} ({mode}), {elapsed:.2f} s")
    for key in ("stored", "warned", "refused", "crashed"):
        print(f"  {key:8} {counts[key]}")
    print(f"  articles {articles}")
    if reasons:
        print("refusal reasons:")
        for reason, n in reasons.most_common(12):
            print(f"  {n:4}  {reason}")
    for crash in crashes:
        print(f"CRASH {crash}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
