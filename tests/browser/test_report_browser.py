"""The seed report in a real browser: headless Chromium renders it, screenshot and DOM.

Skipped when no ``chromium`` (or ``chromium-browser`` / ``google-chrome``) is installed.
The browser runs with a fresh profile, no network services and no sandbox (CI runs as
root); the page needs nothing from the network anyway.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest

import estimates as est

from ..datasets import NK, ROOT

WIDTH, HEIGHT = 1200, 2000

BROWSER = next(
    (b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None
)
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(BROWSER is None, reason="no chromium binary found"),
]


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        BROWSER,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=90, check=False)


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> Path:
    from estimates._present.html.report import report

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", est.DataQualityWarning)
        claims = est.read_claims(ROOT / "seeds" / "kursk_claims.csv")
    path = tmp_path_factory.mktemp("report") / "kursk.html"
    path.write_text(report(claims), encoding="utf-8")
    return path


def test_screenshot_is_a_rendered_page(seed_report, tmp_path):
    image_module = pytest.importorskip("PIL.Image")
    png = tmp_path / "out.png"
    proc = chromium(
        tmp_path / "profile",
        f"--screenshot={png}",
        f"--window-size={WIDTH},{HEIGHT}",
        seed_report.as_uri(),
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert png.exists() and png.stat().st_size > 10_000
    with image_module.open(png) as im:
        assert im.format == "PNG"
        assert im.size == (WIDTH, HEIGHT)
        rgb = im.convert("RGB")
        grey = rgb.convert("L")
        histogram = grey.histogram()
    pixels = WIDTH * HEIGHT
    non_white = 1 - sum(histogram[250:]) / pixels
    assert 0.02 < non_white < 0.6, non_white  # text and charts, on a white page
    mean = sum(i * n for i, n in enumerate(histogram)) / pixels
    variance = sum(n * (i - mean) ** 2 for i, n in enumerate(histogram)) / pixels
    assert variance > 200, variance  # not a blank or uniform page
    # The chart's blue (matplotlib's first colour) is on screen: the SVG was drawn.
    colours = rgb.getcolors(maxcolors=1 << 20) or []
    blue = sum(n for n, (r, g, b) in colours if b > 150 and r < 80 and 90 < g < 150)
    assert blue > 500, blue


def test_dom_has_charts_and_sentences(seed_report, tmp_path):
    proc = chromium(tmp_path / "profile", "--dump-dom", seed_report.as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = proc.stdout
    assert dom.count("<svg") == 3  # one range strip per quantity
    assert dom.count('<p class="sentence">') == 3
    assert "There are three estimates of North Korean troops in Kursk: 10,000" in dom
    assert f"<h2>{NK}</h2>" in dom and 'id="methodology"' in dom
    assert "<text" in dom and "United States · week of 4 November 2024" in dom  # text
    assert "<script" not in dom


#: A phone's width: the report must read there without scrolling sideways.
NARROW = 400

_MEASURE = """<script>
addEventListener("load", () => {
  const root = document.documentElement;
  const wide = [...document.querySelectorAll("body *")].filter(
    (e) => e.getBoundingClientRect().right > root.clientWidth + 1
      && !e.closest(".scroll") && !e.closest("svg"));
  document.title = "WIDTH " + root.scrollWidth + " " + root.clientWidth + " " + wide.length
    + " " + wide.slice(0, 5).map((e) => e.tagName + "." + e.className).join(",");
});
</script>"""


def measured(report: Path, tmp_path: Path) -> list[str]:
    """The page's scroll width, client width and overflowing elements at 400 px wide.

    A copy of the page, without its Content Security Policy, gets a measuring script
    (the report itself runs none), and is shown in a 400 px frame (headless Chromium's
    window is at least 500 px wide); the frame's title carries the measures.
    """
    page = report.read_text(encoding="utf-8")
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    copy = tmp_path / "measured.html"
    copy.write_text(page.replace("</head>", _MEASURE + "</head>", 1), encoding="utf-8")
    frame = tmp_path / "frame.html"
    frame.write_text(
        f'<html><body style="margin:0"><iframe id="f" src="{copy.name}" '
        f'style="width:{NARROW}px;height:900px;border:0"></iframe><script>'
        'document.getElementById("f").addEventListener("load", () => {'
        'document.title = document.getElementById("f").contentDocument.title; });'
        "</script></body></html>",
        encoding="utf-8",
    )
    proc = chromium(
        tmp_path / "profile",
        "--allow-file-access-from-files",
        "--dump-dom",
        "--window-size=800,900",
        "--virtual-time-budget=5000",
        frame.as_uri(),
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = re.search(r"<title>WIDTH ([^<]*)</title>", proc.stdout)
    assert found, proc.stdout[:500]
    return found[1].split(" ")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_report_reads_at_400_px_without_sideways_scroll(tmp_path, lang):
    from estimates._present.html.report import report

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", est.DataQualityWarning)
        claims = est.read_claims(ROOT / "seeds" / "kursk_claims.csv")
    path = tmp_path / "kursk.html"
    path.write_text(report(claims, lang=lang), encoding="utf-8")
    scroll, client, wide, *which = measured(path, tmp_path)
    assert int(client) <= NARROW
    assert int(scroll) <= int(client), (scroll, client, which)
    assert wide == "0", which
