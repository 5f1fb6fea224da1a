"""The HTML report: content per quantity, self-containment, escaping, Markdown rendering."""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

import estimates as est
from estimates._present.html.escape import safe_url
from estimates._present.html.report import report

from ..datasets import DATA as ROOT_DATA
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
    # "Thousands" and the US 10,000 are no longer a conflict (issue 8): every claim
    # allows 10,000, and no pair is listed as excluding another.
    assert "<dt>Allowed by every claim</dt><dd>10,000 soldiers</dd>" in html
    assert "<dt>Verdict</dt><dd>the claims can all be true together</dd>" in html
    assert html.count('<table class="disagreements">') == 0
    assert html.count("No two claims exclude each other.") == 1
    # No ratio: "thousands" states no central value to divide by (issue 8).
    assert "×" not in html
    assert html.count("A single claim: nothing to compare.") == 2
    text = " ".join(doc.text)
    # Dates in words, as in the sentences; a ceiling reads as one, never as "[0, 12,000]".
    assert "undated" in text and "week of 4 November 2024" in text and "W45" not in text
    assert "at most 12,000 soldiers" in text and "[0, 12,000]" not in text
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
    assert "sans date" in html and "On compte trois estimations pour" in html
    assert "10\u202f000" in html  # French grouping in tables and key figures
    assert "soldats" in html and "affirmé" in html
    # one central value is no median; "environ" survives into the key figures, and no
    # number is shown that no source stated (45 000 and 55 000 are a convention's)
    assert "Estimation centrale (seule valeur centrale)" in html
    assert "environ 50\u202f000 soldats" in html
    assert "45\u202f000–55\u202f000 soldats</dd>" not in html


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
    with pytest.warns(est.ComparabilityWarning, match="span more than 31 days"):
        html = report(economist, timeline=False, charts="svg", per="source")
    section = html.split('<section id="q1">')[1].split("</section>")[0]  # 66 claims
    assert "MoD · 1 April 2022–30 April 2026 (39 claims)" in section  # on two lines
    with pytest.warns(est.ComparabilityWarning):
        one_per_claim = report(economist, timeline=False, per="claim")
    assert one_per_claim.count("UK MoD · ") > section.count("UK MoD · ")
    # By default a crowded quantity shows each source's latest claim, and says so.
    with pytest.warns(est.ComparabilityWarning):
        latest = report(economist, timeline=False)
    assert "earlier claims not shown" in latest.split('<section id="q2">')[0]


def test_report_options_reach_every_part(seed):
    with pytest.warns(est.MissingDateWarning):
        html = seed.report(as_of="2024-11-11", strategy="conservative")
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
    # "<" and ">" cannot be in a URL: shown as text, like javascript: (issue 13).
    assert links == []
    assert "https://example.org/a?b=1&amp;c=&lt;2&gt;" in html
    assert "javascript:alert(1)" in text  # shown as text, never a link
    assert not any("javascript" in (v or "").lower() for _, a in doc.tags for v in a.values())
    # Formula-like names are plain text in HTML (no spreadsheet here).
    assert "=HYPERLINK(&#34;http://x&#34;)" in html and '=HYPERLINK("http://x")' in text


def test_economist_report_many_sources_over_years(economist):
    book = est.SourceBook(aliases={"UK Ministry of Defence": "UK MoD"})
    with pytest.warns(est.ComparabilityWarning, match="span more than 31 days"):
        html = economist.report(sources=book, max_pairs=5)
    assert_safe(html)
    h2 = re.findall(r"<h2>(.*?)</h2>", html)
    assert h2[:4] == ["russia casualties", "russia deaths", "ukraine casualties", "ukraine deaths"]
    # Claims over 2022-2026: each quantity gets its range strip and its timeline.
    assert html.count("<svg") == 8
    # Time-aware (issue 8): only each source's latest claim of the same time is
    # compared; four years of a running total are not listed as disputes.
    assert html.count('<table class="disagreements">') == 1
    section = html.split('<section id="q1">')[1].split("</section>")[0]
    assert "<dt>Claims</dt><dd>66</dd>" in section
    assert (
        "<dt>Claims compared (each source&#39;s latest, stated at the same time)</dt>" in section
    )
    pairs = section.split('<table class="disagreements">')[1].split("</table>")[0]
    assert pairs.count("<tr>") == 1 + 1
    assert "June 2026" in pairs and "2022" not in pairs and "UK MoD" not in pairs
    links = re.findall(r'<a href="(https?://[^"]+)"', html)
    assert len(links) > 50
    with pytest.warns(est.ComparabilityWarning):
        assert report(economist, timeline=False).count("<svg") == 4


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


# ---------------------------------------------------------------- languages (issue 8, 12)
#: English words that are not also French: none may show in a French report.
ENGLISH = {
    "the", "claims", "claim", "of", "and", "more", "than", "at", "most", "least", "conflict",
    "agree", "single", "disputed", "claimed", "confirmed", "range", "undated", "stated",
    "allowed", "every", "central", "estimate", "pairs", "number", "to", "by",
    "from", "with", "is", "are", "what", "each", "none", "latest", "median", "written",
    "read", "as", "link", "reported", "against", "gap", "contents", "quantity",
    "quantities", "made", "nothing", "fetched", "network", "bound",
    "ceiling", "shaded", "up", "many", "over", "between", "week",
}  # fmt: skip


def french_claims() -> est.Claims:
    protest = pd.read_csv(ROOT_DATA / "protest_paris.csv", dtype=str)
    fr = protest[protest["lang"] == "fr"].assign(quantity="manifestants à Paris")
    return est.read_claims(fr, lang="lang")


def visible_words(html: str, data: est.Claims) -> set[str]:
    """The words a reader sees (chart text included), less the data's own words."""
    body = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    text = " ".join(parse(body).text)
    for col in ("source", "text", "quantity"):
        for value in data.frame[col].dropna().astype(str):
            text = text.replace(value, " ")
    return {w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ’']+", text)}


def french_visible_words(html: str, claims: est.Claims) -> set[str]:
    """English words a reader of a French page sees: everything but the data's own
    words, identifiers the user types (``<code>``: strategy="median", by="quantity")
    and the titles of the references (works cited under their own titles)."""
    html = re.sub(r"<code>[^<]*</code>", " ", html)
    html = re.sub(r"<li>[^<]*\(\d{4}\)[^<]*</li>", " ", html)
    return visible_words(html, claims) & ENGLISH


def test_french_report_has_no_english_word():
    claims = french_claims()
    html = report(claims, lang="fr")
    assert '<section id="methodology">' in html
    # The whole page: key figures, tables, charts, the methodology note, the footer.
    english = french_visible_words(html, claims)
    assert not english, sorted(english)
    # "fr" and "fr-FR" are one language.
    assert report(claims, lang="fr-FR") == html


def test_french_methodology_section_has_no_english_word():
    claims = french_claims()
    method = report(claims, lang="fr").split('<section id="methodology">')[1]
    assert "Lecture littérale des mots" in method  # the profile, described in French
    english = french_visible_words(method, claims)
    assert not english, sorted(english)


def test_a_third_language_is_a_catalogue_not_a_code_change(tmp_path):
    from estimates._i18n import register_catalogue, unregister_catalogue
    from estimates._i18n.catalogue import LOCALES

    english = (LOCALES / "en" / "LC_MESSAGES" / "estimates.po").read_text(encoding="utf-8")
    test_only = (
        english.replace("Language: en", "Language: xq")
        .replace('msgstr "What the claims say"', 'msgstr "Qué dicen las cifras"')
        .replace('msgstr "Disagreements"', 'msgstr "Desacuerdos"')
        .replace('msgstr "a single number"', 'msgstr "un número"')
    )
    path = tmp_path / "xq" / "LC_MESSAGES" / "estimates.po"
    path.parent.mkdir(parents=True)
    path.write_text(test_only, encoding="utf-8")
    register_catalogue("xq", tmp_path)
    try:
        claims = french_claims()
        html = report(claims, lang="xq")
    finally:
        unregister_catalogue("xq")
    assert '<html lang="xq">' in html
    assert "<h1>Qué dicen las cifras</h1>" in html and "<h3>Desacuerdos</h3>" in html
    assert ">un número<" in html  # the chart's legend, from the same catalogue
    assert "What the claims say" not in html


def test_key_figures_never_drop_a_hedge(seed_html):
    """'up to 12,000' and 'more than 13,000' are never shown as bare numbers in the key
    figures: no '10,000–12,000' range that no source stated, no bare '13,000'."""
    assert "10,000–12,000" not in seed_html and "10,000-12,000" not in seed_html
    assert "up to 12,000" in seed_html  # the sentence keeps the ceiling
    assert "more than 13,000" in seed_html
    assert not re.search(r"<td[^>]*>\s*13,000 containers\s*</td>", seed_html)
