"""The report: one self-contained HTML file saying what the claims span and where they clash.

:func:`report` writes, per quantity (per group of ``by``):

* the neutral, attributed sentence of :func:`~estimates._present.sentences.describe`;
* the key figures of ``reconcile`` (claims, sources, stated range, consensus or
  agreement range, best estimate, conflicts);
* the range strip (and, when its claims span several months, the timeline) as inline
  SVG (or PNG data URIs, ``charts="png"``);
* the claims table, each claim linked to its source when its URL is ``http(s)``;
* the disagreements: the pairs of claims that exclude each other, with gap and ratio;

then a methodology section (the Markdown of
:func:`~estimates._present.methodology.methodology`, rendered by a small, safe
Markdown subset renderer, :func:`markdown_html`).

The file needs nothing else: no network, no external CSS, no JavaScript (a Content
Security Policy forbids scripts and remote resources).  Everything that comes from the
data is escaped, so a source named ``<script>alert(1)</script>`` is shown as text.

Examples
--------
>>> import estimates
>>> from estimates._present.report import report
>>> claims = estimates.read_claims("seeds/kursk_claims.csv")  # doctest: +SKIP
>>> html = report(claims, lang="fr")  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import html
import math
import re
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from .._compute.reconcile import _by_list
from .._model.errors import MissingDateWarning
from .charts import (
    SELECT_OPTIONS,
    ChartData,
    chart_data,
    format_number,
    group_label,
    unit_text,
)

if TYPE_CHECKING:  # pragma: no cover
    from .._table.claims import Claims

__all__ = ["markdown_html", "report", "safe_url"]

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "What the claims say",
        "subtitle": "{claims} on {quantities}, from {sources}.",
        "claims_n": "{n} claims",
        "claim_1": "1 claim",
        "quantities_n": "{n} quantities",
        "quantity_1": "1 quantity",
        "sources_n": "{n} sources",
        "source_1": "1 source",
        "contents": "Contents",
        "key": "Key figures",
        "k_claims": "Claims",
        "k_sources": "Sources",
        "k_stated": "Figures stated",
        "k_consensus": "Allowed by every claim",
        "k_agreement": "Allowed by most claims",
        "k_agreement_of": "{range} ({n} of {m} claims)",
        "k_none": "none",
        "more_than": "more than {x}",
        "at_least": "at least {x}",
        "k_best": "Central estimate ({strategy})",
        "k_conflicts": "Pairs of claims in conflict",
        "k_verdict": "Verdict",
        "verdict_agree": "the claims can all be true together",
        "verdict_conflict": "some claims exclude each other",
        "verdict_single": "a single claim",
        "chart_strip": "Each row is a claim: a dot is one number, a bar a range, an arrow a "
        "side with no bound, a hollow circle a bound the claim excludes.",
        "chart_timeline": "The claims by date stated, over the range of every source's "
        "latest claim.",
        "claims_table": "Claims",
        "c_source": "Source",
        "c_stated": "Stated",
        "c_figure": "As written",
        "c_reading": "Read as",
        "c_status": "Status",
        "c_reported": "Reported by",
        "c_link": "Link",
        "c_note": "Note",
        "undated": "undated",
        "disagreements": "Disagreements",
        "no_conflict": "No two claims exclude each other.",
        "one_claim": "A single claim: nothing to compare.",
        "d_a": "Claim",
        "d_b": "Against",
        "d_gap": "Gap",
        "d_ratio": "Ratio",
        "d_touch": "none: they meet at a bound one of them excludes",
        "d_more": "… and {n} more pairs in conflict (see claims.disagreements()).",
        "methodology": "Methodology",
        "generated": "Made with estimates {version}. Everything in this page comes from the "
        "claims file; nothing is fetched from the network.",
        "no_charts": "Charts need matplotlib: pip install 'estimates[plot]'.",
    },
    "fr": {
        "title": "Ce que disent les affirmations",
        "subtitle": "{claims} sur {quantities}, de {sources}.",
        "claims_n": "{n} affirmations",
        "claim_1": "1 affirmation",
        "quantities_n": "{n} grandeurs",
        "quantity_1": "1 grandeur",
        "sources_n": "{n} sources",
        "source_1": "1 source",
        "contents": "Sommaire",
        "key": "Chiffres clés",
        "k_claims": "Affirmations",
        "k_sources": "Sources",
        "k_stated": "Chiffres avancés",
        "k_consensus": "Admis par toutes les affirmations",
        "k_agreement": "Admis par le plus d’affirmations",
        "k_agreement_of": "{range} ({n} affirmations sur {m})",
        "k_none": "aucun",
        "more_than": "plus de {x}",
        "at_least": "au moins {x}",
        "k_best": "Estimation centrale ({strategy})",
        "k_conflicts": "Paires d’affirmations en conflit",
        "k_verdict": "Verdict",
        "verdict_agree": "les affirmations peuvent toutes être vraies à la fois",
        "verdict_conflict": "certaines affirmations s’excluent",
        "verdict_single": "une seule affirmation",
        "chart_strip": "Chaque ligne est une affirmation : un point est un nombre, une barre "
        "un intervalle, une flèche un côté sans borne, un cercle vide une borne exclue.",
        "chart_timeline": "Les affirmations par date, sur l’étendue des dernières "
        "affirmations de chaque source.",
        "claims_table": "Affirmations",
        "c_source": "Source",
        "c_stated": "Date",
        "c_figure": "Texte",
        "c_reading": "Lu comme",
        "c_status": "Statut",
        "c_reported": "Rapporté par",
        "c_link": "Lien",
        "c_note": "Note",
        "undated": "sans date",
        "disagreements": "Désaccords",
        "no_conflict": "Aucune affirmation n’en exclut une autre.",
        "one_claim": "Une seule affirmation : rien à comparer.",
        "d_a": "Affirmation",
        "d_b": "Contre",
        "d_gap": "Écart",
        "d_ratio": "Rapport",
        "d_touch": "aucun : elles se touchent en une borne que l’une exclut",
        "d_more": "… et {n} autres paires en conflit (voir claims.disagreements()).",
        "methodology": "Méthodologie",
        "generated": "Produit avec estimates {version}. Tout ce qui figure sur cette page "
        "vient du fichier d’affirmations ; rien n’est chargé depuis le réseau.",
        "no_charts": "Les graphiques demandent matplotlib : pip install 'estimates[plot]'.",
    },
}

_STATUS = {
    "fr": {
        "claimed": "affirmé",
        "confirmed": "confirmé",
        "disputed": "contesté",
        "retracted": "retiré",
    },
}

#: Quantities with more claims than this get one range-strip row per source.
PER_SOURCE_ABOVE = 30

#: Content Security Policy of the report: no scripts, no remote resources at all.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)

_CSS = """
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1d1d1f; background: #fff; max-width: 62rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 .5rem; border-bottom: 1px solid #ddd; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .4rem; }
.subtitle { color: #555; margin-top: 0; }
.sentence { font-size: 1.1rem; background: #f6f6f4; border-left: 4px solid #888;
  padding: .6rem .9rem; }
dl.key { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; }
dl.key dt { color: #555; } dl.key dd { margin: 0; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; }
figure svg, figure img { width: 100%; max-width: 50rem; height: auto; display: block; }
figcaption { color: #555; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .3rem .45rem; text-align: left;
  vertical-align: top; }
th { background: #f3f3f3; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.note { color: #555; font-size: .85rem; } td.when { white-space: nowrap; }
nav ol { columns: 2; }
pre { background: #f6f6f4; padding: .6rem; overflow-x: auto; }
code { background: #f3f3f3; padding: 0 .2rem; }
footer { color: #777; font-size: .85rem; margin-top: 3rem; border-top: 1px solid #ddd; }
"""


def _words(lang: str) -> dict[str, str]:
    return _WORDS.get(lang.split("_")[0].split("-")[0].lower(), _WORDS["en"])


def _e(value: Any) -> str:
    """Escaped text of a cell (empty for missing values)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return html.escape(str(value), quote=True)


def safe_url(url: Any) -> str | None:
    """The URL when it is an absolute ``http``/``https`` link, else None.

    >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)")
    ('https://example.org/a?b=1', None)
    >>> safe_url(" JaVaScRiPt:alert(1)"), safe_url("//evil.example/x")
    (None, None)
    """
    if not isinstance(url, str):
        return None
    u = url.strip()
    if any(ord(ch) < 32 or ch.isspace() for ch in u):
        return None
    try:
        parts = urlsplit(u)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return u


def _link(url: Any, text: str | None = None) -> str:
    """An ``<a>`` to a safe URL, else the URL as escaped text."""
    ok = safe_url(url)
    if ok is None:
        return _e(url)
    shown = text if text is not None else (urlsplit(ok).netloc or ok)
    return (
        f'<a href="{html.escape(ok, quote=True)}" rel="noopener noreferrer nofollow">'
        f"{_e(shown)}</a>"
    )


# --------------------------------------------------------------------------- markdown
_INLINE_CODE = re.compile(r"`([^`]+)`")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash before ASCII punctuation
_LINK = re.compile(r"\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_ITALIC = re.compile(
    r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"
    r"|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"
)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s{0,3}\d{1,9}[.)]\s+(.*)$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def _inline(text: str) -> str:
    """Escape text, then apply the inline subset: code, links, bold, italics."""
    slots: list[str] = []

    def keep(fragment: str) -> str:
        slots.append(fragment)
        return f"\x00{len(slots) - 1}\x00"

    text = text.replace("\x00", "")
    # CommonMark backslash escapes: "\*" is a literal "*", never formatting.
    text = _ESCAPED.sub(lambda m: keep(html.escape(m[1])), text)
    text = _INLINE_CODE.sub(lambda m: keep(f"<code>{_restore(m[1], slots)}</code>"), text)

    def link(m: re.Match[str]) -> str:
        label = _emphasis(html.escape(m[1], quote=True))
        url = safe_url(m[2])
        if url is None:
            return keep(label)
        href = html.escape(url, quote=True)
        return keep(f'<a href="{href}" rel="noopener noreferrer nofollow">{label}</a>')

    text = _LINK.sub(link, text)
    out = _emphasis(html.escape(text, quote=True))
    while "\x00" in out:  # kept fragments may hold kept fragments (a code span in a link)
        out = re.sub(r"\x00(\d+)\x00", lambda m: slots[int(m[1])], out)
    return out


def _restore(code: str, slots: list[str]) -> str:
    """Code span text: escaped characters kept as written (with their backslash)."""
    return re.sub(r"\x00(\d+)\x00", lambda m: "\\" + slots[int(m[1])], html.escape(code))


def _emphasis(escaped: str) -> str:
    escaped = _BOLD.sub(lambda m: f"<strong>{m[1] or m[2]}</strong>", escaped)
    return _ITALIC.sub(lambda m: f"<em>{m[1] or m[2]}</em>", escaped)


def _cells(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", s)]


def markdown_html(text: str, *, top: int = 2) -> str:
    """Render a safe subset of Markdown to HTML; every character of ``text`` is escaped.

    Supported: ATX headings (the highest level becomes ``<h{top}>``), paragraphs,
    bullet and numbered lists, block quotes, fenced code, rules, pipe tables, and inline
    code, ``**bold**``, ``*italic*``, ``[links](https://...)`` and backslash escapes
    (``\\*`` is a literal ``*``).  Links other than
    ``http(s)`` are shown as plain text; raw HTML is shown as text.

    >>> print(markdown_html("# Method\\n\\nClaims are **intervals**.\\n\\n- one\\n- <b>two</b>"))
    <h2>Method</h2>
    <p>Claims are <strong>intervals</strong>.</p>
    <ul>
    <li>one</li>
    <li>&lt;b&gt;two&lt;/b&gt;</li>
    </ul>
    >>> markdown_html("[x](javascript:alert(1))")
    '<p>x</p>'
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    levels = [len(m[1]) for ln in lines if (m := _HEADING.match(ln))]
    shift = top - min(levels) if levels else 0
    out: list[str] = []
    para: list[str] = []
    i = 0

    def flush() -> None:
        if para:
            out.append(f"<p>{_inline(' '.join(p.strip() for p in para))}</p>")
            para.clear()

    while i < len(lines):
        line = lines[i]
        if line.strip().startswith("```"):
            flush()
            j = i + 1
            while j < len(lines) and not lines[j].strip().startswith("```"):
                j += 1
            out.append(f"<pre><code>{html.escape(chr(10).join(lines[i + 1 : j]))}</code></pre>")
            i = j + 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        if m := _HEADING.match(line):
            flush()
            level = min(max(len(m[1]) + shift, 1), 6)
            out.append(f"<h{level}>{_inline(m[2])}</h{level}>")
            i += 1
            continue
        if _RULE.match(line):
            flush()
            out.append("<hr>")
            i += 1
            continue
        if "|" in line and i + 1 < len(lines) and _TABLE_SEP.match(lines[i + 1]):
            flush()
            head = _cells(line)
            rows = []
            j = i + 2
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                rows.append(_cells(lines[j]))
                j += 1
            out.append("<table>")
            out.append(
                "<thead><tr>" + "".join(f"<th>{_inline(c)}</th>" for c in head) + "</tr></thead>"
            )
            out.append("<tbody>")
            for r in rows:
                r = (r + [""] * len(head))[: len(head)]
                out.append("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in r) + "</tr>")
            out.append("</tbody></table>")
            i = j
            continue
        if line.lstrip().startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].lstrip().startswith(">"):
                quote.append(lines[i].lstrip()[1:].removeprefix(" "))
                i += 1
            out.append(
                f"<blockquote>{markdown_html(chr(10).join(quote), top=top + 1)}</blockquote>"
            )
            continue
        bullet, numbered = _BULLET.match(line), _NUMBERED.match(line)
        if bullet or numbered:
            flush()
            tag, pattern = ("ul", _BULLET) if bullet else ("ol", _NUMBERED)
            items: list[str] = []
            while i < len(lines):
                m = pattern.match(lines[i])
                if m:
                    items.append(m[1])
                elif lines[i].strip() and lines[i][:1].isspace() and items:
                    items[-1] += " " + lines[i].strip()  # a continuation line
                else:
                    break
                i += 1
            out.append(f"<{tag}>")
            out.extend(f"<li>{_inline(it)}</li>" for it in items)
            out.append(f"</{tag}>")
            continue
        para.append(line)
        i += 1
    flush()
    return "\n".join(out)


# --------------------------------------------------------------------------- pieces
def _count(n: int, one: str, many: str, w: dict[str, str]) -> str:
    return w[one] if n == 1 else w[many].format(n=format(n, ","))


def _interval(low: float, high: float, lc: bool, hc: bool, unit: str, lang: str) -> str:
    def num(v: float) -> str:
        return format_number(v, lang)

    body = num(low) if low == high else f"{num(low)}, {num(high)}"
    text = f"{'[' if lc else '('}{body}{']' if hc else ')'}"
    return f"{text} {unit_text(unit, lang)}".strip() if unit else text


def _span(low: float, high: float, lang: str, low_closed: bool = True) -> str:
    """A range in words where a side is unbounded ("more than 13,000")."""
    if math.isinf(high) and not math.isinf(low):
        key = "at_least" if low_closed else "more_than"
        return _words(lang)[key].format(x=format_number(low, lang))
    return _range(low, high, lang)


def _range(low: float, high: float, lang: str) -> str:
    if low == high:
        return format_number(low, lang)
    return f"{format_number(low, lang)}–{format_number(high, lang)}"


def _stated(start: Any, end: Any, w: dict[str, str]) -> str:
    if pd.isna(start) or pd.isna(end):
        return w["undated"]
    from .._model.dates import DateInterval

    return str(DateInterval(start, end))


_STRATEGY_FR = {
    "median": "médiane",
    "conservative": "prudente",
    "midpoint": "milieu",
    "latest": "dernière",
    "weighted": "pondérée",
    "pooled": "mélange",
}


def _strategy_name(strategy: str, lang: str) -> str:
    return _STRATEGY_FR.get(strategy, strategy) if lang.startswith("fr") else strategy


def _key_figures(row: pd.Series, lang: str, w: dict[str, str]) -> str:
    unit = str(row.get("unit") or "")
    u = f" {unit_text(unit, lang)}" if unit else ""
    items = [
        (w["k_claims"], format_number(row["claims"], lang)),
        (w["k_sources"], format_number(row["sources"], lang)),
    ]
    if not pd.isna(row.get("stated_low")):
        items.append((w["k_stated"], _range(row["stated_low"], row["stated_high"], lang) + u))
    if not pd.isna(row.get("consensus_low")):
        items.append(
            (
                w["k_consensus"],
                _span(
                    row["consensus_low"],
                    row["consensus_high"],
                    lang,
                    bool(row["consensus_low_closed"]),
                )
                + u,
            )
        )
    else:
        items.append((w["k_consensus"], w["k_none"]))
        if not pd.isna(row.get("agreement_low")):
            items.append(
                (
                    w["k_agreement"],
                    w["k_agreement_of"].format(
                        range=_span(
                            row["agreement_low"],
                            row["agreement_high"],
                            lang,
                            bool(row["agreement_low_closed"]),
                        )
                        + u,
                        n=int(row["agreement_claims"]),
                        m=int(row["claims"]),
                    ),
                )
            )
    if not pd.isna(row.get("best")):
        items.append(
            (
                w["k_best"].format(
                    strategy=_strategy_name(str(row.get("best_strategy", "")), lang)
                ),
                format_number(row["best"], lang) + u,
            )
        )
    items.append((w["k_conflicts"], format_number(row["conflicts"], lang)))
    verdict = str(row.get("verdict", ""))
    items.append((w["k_verdict"], w.get(f"verdict_{verdict}", verdict)))
    body = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in items)
    return f'<dl class="key">{body}</dl>'


def _claims_table(
    part: pd.DataFrame, factor: np.ndarray, unit: str, lang: str, w: dict[str, str]
) -> str:
    """The claims of a group, oldest first (undated last); empty columns left out."""
    status = _STATUS.get(lang.split("_")[0], {})
    end = part["stated_end"]
    order = np.lexsort(
        (end.to_numpy(dtype="datetime64[ns]").astype(np.int64), end.isna().to_numpy())
    )
    cells: dict[str, list[str]] = {
        c: []
        for c in (
            "c_source",
            "c_stated",
            "c_figure",
            "c_reading",
            "c_status",
            "c_reported",
            "c_link",
            "c_note",
        )
    }
    for i in order:
        r = part.iloc[i]
        k = factor[i]
        st = "" if pd.isna(r["status"]) else str(r["status"])
        cells["c_source"].append(_e(r["source"]))
        cells["c_stated"].append(_e(_stated(r["stated_start"], r["stated_end"], w)))
        cells["c_figure"].append(_e(r["text"]))
        cells["c_reading"].append(
            _e(
                _interval(
                    r["low"] * k,
                    r["high"] * k,
                    bool(r["low_closed"]),
                    bool(r["high_closed"]),
                    unit,
                    lang,
                )
            )
        )
        cells["c_status"].append(_e(status.get(st, st)))
        cells["c_reported"].append(_e(r["reported_by"]))
        cells["c_link"].append("" if pd.isna(r["url"]) else _link(r["url"]))
        cells["c_note"].append(_e(r["note"]))
    css = {"c_stated": "when", "c_reading": "num", "c_note": "note"}
    cols = [c for c, v in cells.items() if any(v) or c in ("c_source", "c_reading")]
    head = "".join(f'<th scope="col">{_e(w[c])}</th>' for c in cols)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="{css[c]}">{cells[c][j]}</td>' if c in css else f"<td>{cells[c][j]}</td>"
            for c in cols
        )
        + "</tr>"
        for j in range(len(order))
    )
    return f'<table class="claims"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _disagreements(
    pairs: pd.DataFrame,
    table: pd.DataFrame,
    unit: str,
    lang: str,
    w: dict[str, str],
    limit: int,
) -> str:
    """The pairs of claims that exclude each other, widest gap first (``limit`` rows)."""
    if pairs.empty:
        return f"<p>{_e(w['no_conflict'])}</p>"
    pairs = pairs.sort_values(["gap", "ratio"], ascending=False, kind="stable")
    u = f" {unit_text(unit, lang)}" if unit else ""
    head = "".join(f'<th scope="col">{_e(w[c])}</th>' for c in ("d_a", "d_b", "d_gap", "d_ratio"))
    rows = []
    for _, p in pairs.head(limit).iterrows():

        def who(side: str, p: pd.Series = p) -> str:
            claim = table.loc[p[f"claim_{side}"]]
            when = _stated(claim["stated_start"], claim["stated_end"], w)
            return (
                f"<strong>{_e(p[f'source_{side}'])}</strong>: {_e(p[f'text_{side}'])} "
                f'<span class="note">({_e(when)})</span>'
            )

        gap = w["d_touch"] if p["gap"] == 0 else format_number(p["gap"], lang) + u
        ratio = "" if pd.isna(p["ratio"]) else "×" + format_number(round(p["ratio"], 2), lang)
        rows.append(
            f"<tr><td>{who('a')}</td><td>{who('b')}</td>"
            f'<td class="num">{_e(gap)}</td><td class="num">{_e(ratio)}</td></tr>'
        )
    more = len(pairs) - limit
    tail = f'<p class="note">{_e(w["d_more"].format(n=more))}</p>' if more > 0 else ""
    return (
        f'<table class="disagreements"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>{tail}"
    )


_SVG_ID = re.compile(r'(\bid="|url\(#|xlink:href="#|\bhref="#)([^"()]+)')


def _svg_inline(svg: str, label: str, prefix: str) -> str:
    """An SVG document as an inline ``<svg>`` element (no prolog), labelled for readers.

    Its ids (and the references to them) get ``prefix``, so that several charts in one
    page never share an id.
    """
    body = svg[svg.find("<svg") :]
    body = _SVG_ID.sub(lambda m: f"{m[1]}{prefix}{m[2]}", body)
    return body.replace("<svg ", f'<svg role="img" aria-label="{_e(label)}" ', 1)


def _chart_html(fig: Any, label: str, caption: str, kind: str, prefix: str) -> str:
    from .charts import to_png, to_svg

    if kind == "png":
        data = base64.b64encode(to_png(fig)).decode("ascii")
        img = f'<img alt="{_e(label)}" src="data:image/png;base64,{data}">'
    else:
        img = _svg_inline(to_svg(fig), label, prefix)
    return f"<figure>{img}<figcaption>{_e(caption)}</figcaption></figure>"


def _has_matplotlib() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:  # pragma: no cover - exercised without the extra
        return False
    return True


def _progress(items: Sequence[Any], enabled: bool) -> Iterable[Any]:
    if not enabled:
        return items
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is optional
        return items
    return tqdm(items, desc="report", unit="quantity", file=sys.stderr, disable=None, leave=False)


# --------------------------------------------------------------------------- report
def report(
    claims: Claims,
    *,
    by: str | Sequence[str] = "quantity",
    lang: str = "en",
    title: str | None = None,
    charts: str | None = "svg",
    timeline: bool | None = None,
    max_pairs: int = 20,
    per: str | None = None,
    progress: bool = False,
    **options: Any,
) -> str:
    """One self-contained HTML page: per quantity, sentence, chart, claims, disagreements.

    Parameters
    ----------
    claims : Claims
    by : str or list of str
        Grouping columns, as for ``reconcile``.
    lang : {"en", "fr"}
        Language of the page (sentences, headings, numbers, dates).
    title : str, optional
        The page title (default: "What the claims say" / "Ce que disent les
        affirmations").
    charts : {"svg", "png", None}
        Inline SVG (default; text stays text), PNG data URIs, or no charts.
    timeline : bool, optional
        Add a timeline chart per quantity.  Default: when its dated claims span more
        than one month.
    max_pairs : int
        Disagreements shown per quantity (the widest gaps first).
    per : {"claim", "source"}, optional
        Rows of the range strips: one per claim, or one per source.  Default: per
        claim, per source for a quantity of more than 30 claims.
    progress : bool
        Show a progress bar on stderr (tqdm, when installed and stderr is a terminal).
    **options
        Passed to ``reconcile``, ``describe``, ``disagreements`` and ``methodology``:
        ``strategy``, ``as_of``, ``window``, ``sources``, ``exclude_kinds`` ...

    Returns
    -------
    str
        The HTML document.
    """
    if charts not in ("svg", "png", None):
        raise ValueError(f"charts={charts!r}: expected 'svg', 'png' or None")
    from .. import __version__
    from .methodology import methodology
    from .sentences import describe

    w = _words(lang)
    by = _by_list(by)
    data = chart_data(claims, by, **options)
    summary, frame = data.summary, data.frame
    sentences = describe(claims, lang=lang, by=by, **options)
    pair_options = {k: v for k, v in options.items() if k in SELECT_OPTIONS and k != "sources"}
    conflicts = claims.disagreements(
        by, only_conflicts=True, sources=options.get("sources"), **pair_options
    )
    pairs_of = conflicts.groupby(by, observed=True, dropna=False, sort=False).indices
    draw = charts is not None and _has_matplotlib()
    if draw and timeline is not False:
        with warnings.catch_warnings():
            # Undated claims were already reported when the table was read.
            warnings.simplefilter("ignore", MissingDateWarning)
            running = claims.timeline(
                "M",
                by=by,
                running=True,
                **{k: v for k, v in options.items() if k in (*SELECT_OPTIONS, "strategy", "unit")},
            )
        data = replace(data, running=running)
    keys = list(summary.index)
    if len(data.labels) != len(keys):  # pragma: no cover - both come from one selection
        raise RuntimeError("groups of reconcile and of the selection differ")

    sections = []
    toc = []
    for n, key in enumerate(_progress(keys, progress), start=1):
        g = data.group(key)
        name = group_label(key)
        anchor = f"q{n}"
        toc.append(f'<li><a href="#{anchor}">{_e(name)}</a></li>')
        row = summary.iloc[n - 1]
        unit = str(row.get("unit") or "")
        mask = data.codes == g
        part = frame[mask]
        body = [f'<section id="{anchor}"><h2>{_e(name)}</h2>']
        sentence = _lookup(sentences, key)
        if sentence:
            body.append(f'<p class="sentence">{_e(sentence)}</p>')
        body.append(_key_figures(row, lang, w))
        if draw:
            rows_per = per or ("source" if len(part) > PER_SOURCE_ABOVE else "claim")
            body.extend(_charts(data, g, lang, charts, timeline, part, w, anchor, rows_per))
        body.append(f"<h3>{_e(w['claims_table'])}</h3>")
        body.append(_claims_table(part, data.factor[mask], unit, lang, w))
        body.append(f"<h3>{_e(w['disagreements'])}</h3>")
        if int(row["claims"]) < 2:
            body.append(f"<p>{_e(w['one_claim'])}</p>")
        else:
            at = pairs_of.get(key, pairs_of.get((key,), []))
            pairs = conflicts.iloc[np.asarray(at, dtype=np.int64)]
            body.append(_disagreements(pairs, claims._frame, unit, lang, w, max_pairs))
        body.append("</section>")
        sections.append("\n".join(body))
    if charts is not None and not draw:  # pragma: no cover - without matplotlib
        sections.insert(0, f'<p class="note">{_e(w["no_charts"])}</p>')

    method_md = methodology(
        claims,
        by=by,
        strategy=options.get("strategy", "median"),
        sources=options.get("sources"),
        lang=lang,
        **{k: v for k, v in options.items() if k not in ("strategy", "sources")},
    )
    method = markdown_html(method_md, top=2)
    if not method.startswith("<h2"):
        method = f"<h2>{_e(w['methodology'])}</h2>\n{method}"
    toc.append(f'<li><a href="#methodology">{_e(w["methodology"])}</a></li>')

    page_title = title if title is not None else w["title"]
    nq = len(keys)
    subtitle = w["subtitle"].format(
        claims=_count(int(summary["claims"].sum()) if nq else 0, "claim_1", "claims_n", w),
        quantities=_count(nq, "quantity_1", "quantities_n", w),
        sources=_count(len(claims.valid().sources), "source_1", "sources_n", w),
    )
    html_lang = _e(lang.split("_")[0])
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{html_lang}">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="referrer" content="no-referrer">',
            f'<meta name="generator" content="estimates {_e(__version__)}">',
            f"<title>{_e(page_title)}</title>",
            f"<style>{_CSS}</style>",
            "</head>",
            "<body>",
            f"<header><h1>{_e(page_title)}</h1>",
            f'<p class="subtitle">{_e(subtitle)}</p>',
            f'<nav aria-label="{_e(w["contents"])}"><ol>{"".join(toc)}</ol></nav></header>',
            "<main>",
            *sections,
            f'<section id="methodology">{method}</section>',
            "</main>",
            f"<footer><p>{_e(w['generated'].format(version=__version__))}</p></footer>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _lookup(sentences: pd.Series, key: Any) -> str | None:
    try:
        value = sentences.loc[key]
    except KeyError:
        return None
    if isinstance(value, pd.Series):
        value = value.iloc[0] if len(value) else None
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    return str(value)


def _charts(
    data: ChartData,
    g: int,
    lang: str,
    kind: str,
    timeline: bool | None,
    part: pd.DataFrame,
    w: dict[str, str],
    anchor: str,
    per: str,
) -> Iterator[str]:
    from .charts import strip_figure, timeline_figure

    name = group_label(data.labels[g])
    fig = strip_figure(data, g, lang=lang, per=per)
    yield _chart_html(fig, name, w["chart_strip"], kind, f"{anchor}s-")
    dated = part["stated_end"].dropna()
    months = dated.dt.to_period("M").nunique() if len(dated) else 0
    if data.running is not None and (timeline or (timeline is None and months > 1)):
        fig = timeline_figure(data, g, lang=lang)
        yield _chart_html(fig, name, w["chart_timeline"], kind, f"{anchor}t-")
