"""The seed report in a real browser: headless Chromium renders it, screenshot and DOM.

Skipped when no ``chromium`` (or ``chromium-browser`` / ``google-chrome``) is installed.
The browser runs with a fresh profile, no network services and no sandbox (CI runs as
root); the page needs nothing from the network anyway.
"""

from __future__ import annotations

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
    assert "Estimates of North Korean troops in Kursk range from 10,000" in dom
    assert f"<h2>{NK}</h2>" in dom and 'id="methodology"' in dom
    assert "<text" in dom and "United States · 2024-W45" in dom  # labels are text
    assert "<script" not in dom
