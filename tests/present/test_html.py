"""HTML for Jupyter: expected elements, escaping of hostile data, safe links only."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest

import estimates as est
from estimates._present.html import (
    claim_html,
    claims_html,
    figure_html,
    reconciliation_html,
    safe_url,
)

from ..datasets import quiet

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(document.cookie)"


class Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def assert_safe(html: str) -> None:
    tags = Tags(html).tags
    names = {t for t, _ in tags}
    assert not names & {"script", "img", "iframe", "object", "embed"}, names
    for _, attrs in tags:
        assert not any(k.startswith("on") for k in attrs), attrs
        href = attrs.get("href")
        if href is not None:
            assert href.startswith(("http://", "https://")), href


@pytest.fixture(scope="module")
def hostile() -> est.Claims:
    return est.read_claims(
        pd.DataFrame(
            {
                "quantity": [IMG, IMG, IMG],
                "figure": ["10,000", "12,000", "5 to 2"],
                "source": [SCRIPT, 'O\'Brien & "Sons"', "B"],
                "stated": ["2024-11-12", "2024-W45", "2024"],
                "url": [JS_URL, "https://example.org/a?b=1&c=<x>", "data:text/html,<b>x</b>"],
                "note": ["<b>bold</b>", None, None],
            }
        ),
        errors="flag",
    )


# ---------------------------------------------------------------- hostile data
def test_claims_html_escapes_everything(hostile):
    html = hostile._repr_html_()
    assert SCRIPT not in html and IMG not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "O&#x27;Brien &amp; &quot;Sons&quot;" in html
    # javascript: and data: URLs are shown as text, never linked.
    assert 'href="javascript' not in html and 'href="data' not in html
    assert "javascript:alert(document.cookie)" in html
    # "<" and ">" cannot be in a URL: shown as text, never linked (issue 13).
    assert 'href="https://example.org/a?b=1' not in html
    assert "https://example.org/a?b=1&amp;c=&lt;x&gt;" in html
    assert_safe(html)


def test_flagged_rows_show_their_error(hostile):
    html = claims_html(hostile)
    assert "1 flagged invalid" in html
    assert "<th>error</th>" in html
    assert 'class="estimates-flagged"' in html
    assert "figure=&#x27;5 to 2&#x27;: expected a figure" in html
    assert "nan" not in html


def test_claim_html_escapes_and_links_only_http(hostile):
    bad = hostile[0]
    html = bad._repr_html_()
    assert SCRIPT not in html and "<b>bold</b>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert 'href="javascript' not in html
    assert_safe(html)
    good = hostile[1]
    html = claim_html(good)
    assert "<a href" not in html and "https://example.org/a?b=1&amp;c=&lt;x&gt;" in html
    linked = claim_html(
        est.Claim(est.parse("5"), quantity="q", source="S", url="https://example.org/a?b=1&c=x")
    )
    assert '<a href="https://example.org/a?b=1&amp;c=x"' in linked
    assert 'rel="noopener noreferrer nofollow"' in linked
    assert_safe(html)


def test_reconciliation_html_escapes_group_keys(hostile):
    r = quiet(hostile.valid().reconcile)
    html = r._repr_html_()
    assert IMG not in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert_safe(html)


def test_figure_html_escapes_text():
    f = est.Figure(0, 12000, hedge="up_to", text=SCRIPT)
    html = f._repr_html_()
    assert SCRIPT not in html and "&lt;script&gt;" in html
    assert_safe(html)


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/x", True),
        ("http://example.org", True),
        ("HTTPS://EXAMPLE.ORG/", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("https://exa mple.org", False),
        ("data:text/html,<script>", False),
        ("vbscript:msgbox", False),
        ("//example.org/x", False),
        ("/relative/path", False),
        ("https:///no-host", False),
        ('https://ok.example/"onmouseover="alert(1)', False),
        ("https://ok.example/<script>", False),
        ("https://ok.example/a>b", False),
        ("https://ok.example/a`b", False),
        ("https://ok.example/a\\b", False),
        ("https://ok.example/a\x7fb", False),
        (None, False),
        (float("nan"), False),
    ],
)
def test_safe_url(url, ok):
    assert (safe_url(url) is not None) is ok


# ---------------------------------------------------------------- expected elements
def test_figure_repr_html():
    html = est.parse("jusqu’à 12 000 soldats", lang="fr")._repr_html_()
    assert "<strong>jusqu’à 12 000 soldats</strong>" in html
    assert "<code>[0, 12,000] soldiers</code>" in html
    assert "hedge up_to · conventions default" in html
    # Without its text, the figure is written in words.
    html = figure_html(
        est.Figure(13000, float("inf"), low_closed=False, hedge="more_than", unit="container")
    )
    assert "<strong>more than 13,000 containers</strong>" in html
    assert "(13,000, ∞) containers" in html  # the one interval formatter (format.py)


def test_claim_repr_html_has_source_and_dates(seed):
    html = seed[2]._repr_html_()
    assert "<strong>North Korean troops in Kursk</strong>" in html
    assert "US intelligence; South Korean intelligence; Ukrainian intelligence" in html
    assert '<th>stated</th><td><span title="2024-11-12">12 November 2024</span></td>' in html
    assert "<th>status</th><td>claimed</td>" in html
    html = seed[1]._repr_html_()
    assert '<span title="2024-W45">week of 4 November 2024</span>' in html
    assert "<th>status</th><td>confirmed</td>" in html
    assert_safe(html)


def test_claims_repr_html(seed):
    html = seed._repr_html_()
    assert "<strong>Claims: 5 claims, 3 quantities, 7 sources</strong>" in html
    for header in ("quantity", "figure", "interval", "source", "stated", "link", "status"):
        assert f"<th>{header}</th>" in html
    assert "<td>plus de 13 000 conteneurs d’artillerie</td>" in html
    assert '<span title="2024-10">October 2024</span>' in html
    assert "<td>South Korea; United States; Ukraine</td>" in html
    assert "<th>error</th>" not in html
    assert html.count("<tr>") == 1 + 5
    assert_safe(html)


def test_claims_html_words_for_numeric_rows_and_row_limit():
    claims = quiet(
        est.read_claims,
        pd.DataFrame(
            {
                "quantity": ["q"] * 3,
                "low": [700000, 1, 2],
                "source": ["UK MoD", "A", "B"],
                "stated": ["2024-11-19"] * 3,
                "url": ["https://www.gov.uk/x", None, None],
            }
        ),
    )
    html = claims_html(claims, max_rows=2)
    assert "<td>at least 700,000</td>" in html
    assert '<a href="https://www.gov.uk/x"' in html and ">gov.uk</a>" in html
    assert "... 1 more" in html


def test_reconciliation_repr_html(seed):
    r = quiet(seed.reconcile)
    html = r._repr_html_()
    # Issue 8: "thousands" and the US 10,000 no longer conflict; every claim allows 10,000.
    assert "<strong>Reconciliation: 3 groups (1 agree, 2 single)</strong>" in html
    assert "<th>North Korean troops in Kursk</th>" in html
    assert '<td class="estimates-agree">agree</td>' in html
    assert '<td class="estimates-single">single</td>' in html
    # the one table formatter's cells: hedges kept, in the sources' words
    assert "10,000 to as many as 12,000" in html
    assert "10,000 (3 of 3 claims)" in html
    assert "10,000 (only central value)" in html
    assert "more than 13,000" in html and "about 50,000" in html
    assert "45,000" not in html  # the convention's reading of "about 50,000", never shown
    # a frame derived from it is a plain DataFrame, without the claims
    assert type(r.head(1)) is pd.DataFrame
    assert_safe(html)


def test_reconciliation_html_multiindex_and_plain_frames(seed):
    r = quiet(seed.reconcile, by=["quantity", "status"])
    html = reconciliation_html(r)
    assert "<th>quantity</th><th>status</th>" in html
    # A frame without reconcile's columns: an escaped plain table.
    html = reconciliation_html(pd.DataFrame({"a": [SCRIPT]}))
    assert SCRIPT not in html and "&lt;script&gt;" in html


def test_empty_tables():
    empty = est.read_claims(pd.DataFrame({"quantity": [], "low": []}))
    html = empty._repr_html_()
    assert "Claims: 0 claims, 0 quantities, 0 sources" in html and "No claims." in html
    r = empty.reconcile()
    html = r._repr_html_()
    assert "Reconciliation: 0 groups" in html and "No groups." in html
