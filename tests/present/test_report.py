"""The HTML report: content per quantity, self-containment, escaping, Markdown rendering."""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

import estimates as est
from estimates._present.report import markdown_html, report, safe_url

from ..datasets import QUANTITIES


@pytest.fixture(scope="module")
def seed_html(seed) -> str:
    return report(seed)


@pytest.fixture(scope="module")
def hostile() -> est.Claims:
    script = "<script>alert(1)</script>"
    return est.read_claims(
        pd.DataFrame(
            {
                "quantity": [f"{script} troops"] * 3 + ['=HYPERLINK("http://x")'] * 2,
                "figure": ["10,000", "up to 5,000", "more than 20,000", "5,000", "7,000"],
                "source": [script, '=HYPERLINK("http://x")', "+cmd", "@SUM(A1)", "-1+1"],
                "reported_by": ["<iframe src=//evil.example>", None, None, None, None],
                "url": [
                    "javascript:alert(1)",
                    "https://example.org/a?b=1&c=<2>",
                    " JAVASCRIPT:x",
                    "data:text/html,<script>alert(1)</script>",
                    "//evil.example/x",
                ],
                "note": [
                    '<img src=x onerror="alert(1)">',
                    'a" onmouseover="alert(1)',
                    None,
                    "</td></tr></table><script>alert(2)</script>",
                    None,
                ],
                "stated": ["2024-11-01", "2024-11-02", "2024-11-03", "2024-11-04", "2024-11-05"],
            }
        )
    )


class Tags(HTMLParser):
    """Every start tag of a document, with its attributes, and its visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> Tags:
    p = Tags()
    p.feed(html)
    p.close()
    return p


def assert_safe(html: str) -> Tags:
    """No script, no event handler, no remote resource, only http(s) or in-page links."""
    doc = parse(html)
    names = [t for t, _ in doc.tags]
    assert "script" not in names and "iframe" not in names and "object" not in names
    assert "link" not in names  # no external stylesheet
    for tag, attrs in doc.tags:
        for key, value in attrs.items():
            assert not key.startswith("on"), (tag, key, value)
            if key == "href" and tag == "a":
                assert value.startswith(("https://", "http://", "#")), value
            if key == "src":
                assert value.startswith("data:image/png;base64,"), value
    assert not re.search(r"<script", html, re.IGNORECASE)
    return doc


# ---------------------------------------------------------------- the seed
def test_seed_report_has_every_section(seed, seed_html):
    html = seed_html
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in html
    doc = assert_safe(html)
    h2 = re.findall(r"<h2>(.*?)</h2>", html)
    assert h2[:3] == QUANTITIES and h2[-1].lower().startswith("methodology")
    # Per quantity: the sentence, key figures, a chart (no timeline: one month each),
    # the claims and the disagreements.
    sentences = est.Claims.describe(seed)
    for q in QUANTITIES:
        assert f'<p class="sentence">{_escape(sentences[q])}</p>' in html
    assert html.count("<svg") == 3
    assert html.count('<table class="claims">') == 3
    assert html.count('<dl class="key">') == 3
    # Issue 8: "des milliers" ([2,000, 20,000)) holds the US figure: no conflict, and
    # no ratio invented from a ceiling.
    assert html.count('<table class="disagreements">') == 0
    assert "×1.67" not in html
    assert html.count("A single claim: nothing to compare.") == 2
    text = " ".join(doc.text)
    assert "undated" in text and "2024-W45" in text and "[0, 12,000] soldiers" in text
    assert "more than 13,000 containers" in text  # consensus of an unbounded claim


def _escape(text: str) -> str:
    import html as h

    return h.escape(text, quote=True)


def test_seed_report_is_self_contained(seed_html):
    html = seed_html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r"""src=["']?(https?:)?//""", html)  # nothing fetched
    assert "@import" not in html and not re.search(r"url\((?!#)", html)  # only in-page refs
    # Inline SVGs share one document: every in-page reference names exactly one element.
    ids = re.findall(r'\bid="([^"]+)"', html)
    for ref in set(re.findall(r"url\(#([^)]+)\)", html)):
        assert ids.count(ref) == 1, ref
    assert not [i for i in set(ids) if ids.count(i) > 1 and "estimates-" not in i]
    assert "<style>" in html


def test_seed_report_in_french(seed):
    html = report(seed, lang="fr")
    assert_safe(html)
    assert '<html lang="fr">' in html
    assert "<h3>Affirmations</h3>" in html and "<h3>Désaccords</h3>" in html
    assert "sans date" in html and "Les estimations pour" in html
    assert "10\u202f000" in html  # French grouping in tables and key figures
    assert "soldats" in html and "affirmé" in html
    assert "Estimation centrale (médiane)" in html


def test_report_title_and_png_charts(seed):
    html = report(seed, title="Kursk <2024>", charts="png")
    assert "<title>Kursk &lt;2024&gt;</title>" in html
    doc = assert_safe(html)
    imgs = [a for t, a in doc.tags if t == "img"]
    assert len(imgs) == 3 and "<svg" not in html
    data = base64.b64decode(imgs[0]["src"].split(",", 1)[1])
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<figure" not in report(seed, charts=None)
    with pytest.raises(ValueError, match="charts="):
        report(seed, charts="gif")


def test_report_progress_bar_off_the_terminal_changes_nothing(seed, seed_html, capsys):
    pytest.importorskip("tqdm")
    assert report(seed, progress=True) == seed_html
    assert capsys.readouterr().err == ""  # stderr is not a terminal: no bar


def test_report_rows_per_source_for_crowded_quantities(economist):
    html = report(economist, timeline=False, charts="svg")
    section = html.split('<section id="q1">')[1].split("</section>")[0]  # 66 claims
    assert "UK MoD · 2022-04-01–2026-04-30 (39 claims)" in section
    one_per_claim = report(economist, timeline=False, per="claim")
    assert one_per_claim.count("UK MoD · 2022-") > section.count("UK MoD · 2022-")


def test_report_options_reach_every_part(seed):
    with pytest.warns(est.MissingDateWarning):
        html = report(seed, as_of="2024-11-11", strategy="conservative")
    assert "Central estimate (conservative)" in html
    # As of 11 November only the US figure of the week of 4 November counts for the troops.
    section = html.split('<section id="q1">')[1].split("</section>")[0]
    assert section.count("<tr>") == 2  # header + one claim


# ---------------------------------------------------------------- hostile data
def test_hostile_names_quotes_and_urls_render_as_text(hostile):
    html = report(hostile)
    doc = assert_safe(html)
    text = " ".join(doc.text)
    assert "<script>alert(1)</script> troops" in text  # shown, as text
    assert '<img src=x onerror="alert(1)">' in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    claims_part = parse(html.split('<section id="methodology">')[0])
    links = [a["href"] for t, a in claims_part.tags if t == "a" and a["href"][0] != "#"]
    assert links == ["https://example.org/a?b=1&c=<2>"]  # the only http(s) URL
    assert "javascript:alert(1)" in text  # shown as text, never a link
    assert not any("javascript" in (v or "").lower() for _, a in doc.tags for v in a.values())
    # Formula-like names are plain text in HTML (no spreadsheet here).
    assert "=HYPERLINK(&quot;http://x&quot;)" in html


def test_hostile_methodology_markdown_is_escaped():
    html = markdown_html(
        "# Note <script>alert(1)</script>\n\n[click](javascript:alert(1)) "
        "and [ok](https://example.org/?a=1&b=2) <b onclick=x>bold</b>"
    )
    assert "<script" not in html and "onclick" not in html.replace("onclick=x&gt;", "")
    assert html.startswith("<h2>Note &lt;script&gt;alert(1)&lt;/script&gt;</h2>")
    assert (
        '<a href="https://example.org/?a=1&amp;b=2" rel="noopener noreferrer nofollow">ok</a>'
        in html
    )
    assert "click" in html and "javascript" not in html.split("click")[0]
    assert 'href="javascript' not in html


# ---------------------------------------------------------------- the Economist
def test_economist_report_many_sources_over_years(economist):
    book = est.SourceBook(aliases={"UK Ministry of Defence": "UK MoD"})
    html = report(economist, sources=book, max_pairs=5)
    assert_safe(html)
    h2 = re.findall(r"<h2>(.*?)</h2>", html)
    assert h2[:4] == ["russia casualties", "russia deaths", "ukraine casualties", "ukraine deaths"]
    # Claims over 2022-2026: each quantity gets its range strip and its timeline.
    assert html.count("<svg") == 8
    # issue 8: only claims of the same time are compared (Ukrainian losses: none left)
    assert html.count('<table class="disagreements">') == 2
    section = html.split('<section id="q2">')[1].split("</section>")[0]
    pairs = section.split('<table class="disagreements">')[1].split("</table>")[0]
    assert pairs.count("<tr>") == 1 + 5
    assert "more pairs in conflict" in section
    links = re.findall(r'<a href="(https?://[^"]+)"', html)
    assert len(links) > 50
    assert report(economist, timeline=False).count("<svg") == 4


# ---------------------------------------------------------------- markdown subset
def test_markdown_blocks():
    md = """# Title

Some *emphasis*, **strong** and `code <x>`.

## Section

- one
- two
  continued
1. first
2. second

> quoted **text**

| a | b |
|---|:-:|
| 1 | <2> |

```
raw <html> & **not bold**
```

---
"""
    html = markdown_html(md, top=2)
    assert "<h2>Title</h2>" in html and "<h3>Section</h3>" in html
    assert "<em>emphasis</em>" in html and "<strong>strong</strong>" in html
    assert "<code>code &lt;x&gt;</code>" in html
    assert "<ul>\n<li>one</li>\n<li>two continued</li>\n</ul>" in html
    assert "<ol>\n<li>first</li>\n<li>second</li>\n</ol>" in html
    assert "<blockquote><p>quoted <strong>text</strong></p></blockquote>" in html
    assert "<th>a</th><th>b</th>" in html and "<td>&lt;2&gt;</td>" in html
    assert "<pre><code>raw &lt;html&gt; &amp; **not bold**</code></pre>" in html
    assert "<hr>" in html


def test_markdown_words_with_underscores_stay_words():
    assert markdown_html("stated_low and stated_high") == "<p>stated_low and stated_high</p>"
    assert markdown_html("2 * 3 * 4") == "<p>2 * 3 * 4</p>"


def test_safe_url():
    assert safe_url("https://a.example/x?y=1") == "https://a.example/x?y=1"
    assert safe_url("http://a.example") == "http://a.example"
    for bad in (
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "//a.b/c",
        "ftp://a.b/c",
        "https://",
        "https://a.b/c d",
        "https://a.b/\nx",
        None,
        42,
        "vbscript:x",
        "/relative/path",
    ):
        assert safe_url(bad) is None, bad
