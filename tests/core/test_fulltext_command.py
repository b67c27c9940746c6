"""`akhbar fetch-article URL`: the extracted text on stdout, the reason and exit 1 on failure."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from feedserver import FeedServer, Reply

from akhbar_tui import cli

FIXTURES = Path(__file__).parent / "fixtures" / "fulltext"
HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture
def site() -> Iterator[FeedServer]:
    routes = {
        f"/{name}": Reply(body=(FIXTURES / f"{name}.html").read_bytes(), headers=HTML)
        for name in ("wordpress_en", "portal_ar")
    }
    routes["/report.pdf"] = Reply(body=b"%PDF-1.7", headers={"Content-Type": "application/pdf"})
    with FeedServer(routes) as server:
        yield server


def test_prints_title_text_and_links(site: FeedServer, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["fetch-article", site.url("/wordpress_en")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "City council approves $2.4 billion transit plan"
    assert out[1] == ""
    assert out[2].startswith("The city council voted 9 to 2 on Tuesday night")
    assert "How the plan is paid for" in out
    assert "according to the city budget office[2]:" in "\n".join(out)
    assert out[-2:] == [
        f"[1] {site.url('/wp-content/uploads/2024/03/rail-map.jpg')}",
        "[2] https://example.org/budget.pdf",
    ]
    assert not any("Share on" in line or "cookies" in line for line in out)


def test_arabic_plain_output_is_in_logical_order(
    site: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """Plain output is for pipes and bidi-aware terminals: logical order, unshaped letters."""
    assert cli.main(["fetch-article", site.url("/portal_ar")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("البنك المركزي يرفع سعر الفائدة إلى 5.5% لكبح التضخم\n\n")
    assert "• إصدار سندات خزينة بقيمة 2 مليار دينار" in out
    assert "الأكثر قراءة" not in out


@pytest.mark.parametrize(
    ("path", "reason"),
    [("/missing", "HTTP 404"), ("/report.pdf", "not a web page: got application/pdf")],
)
def test_failure_prints_reason_and_exits_1(
    site: FeedServer, capsys: pytest.CaptureFixture[str], path: str, reason: str
) -> None:
    assert cli.main(["fetch-article", site.url(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"akhbar: {reason}\n"


def test_render_lays_arabic_out_right_aligned(
    site: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    from akhbar_tui.bidi_layout import layout

    assert cli.main(["fetch-article", "--render", "--width", "40", site.url("/portal_ar")]) == 0
    out = capsys.readouterr().out.splitlines()
    title = "البنك المركزي يرفع سعر الفائدة إلى 5.5% لكبح التضخم"
    expected = [" " * (40 - line.cells) + line.visual for line in layout(title, 40)]
    assert out[: len(expected)] == expected
    assert len(expected) == 2  # the title wrapped at 40 columns
    body = [line for line in out if line and not line.startswith("[")]
    assert all(line == line.rstrip() for line in body)  # right-aligned: nothing trails
    assert sum(line.startswith(" ") for line in body) > len(body) // 2
    assert not any(title[:10] in line for line in out)  # shaped and reordered, not logical


def test_render_keeps_english_left_aligned(
    site: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["fetch-article", "--render", "--width", "50", site.url("/wordpress_en")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "City council approves $2.4 billion transit plan"
    text = [line for line in out if line and not line.startswith("[")]
    assert all(len(line) <= 50 and not line.startswith(" ") for line in text)
    assert "The city council voted 9 to 2 on Tuesday night" in out[2]
