"""The report: one self-contained HTML file saying what the claims span and where they clash.

:func:`report` writes, per quantity (per group of ``by``):

* the neutral, attributed sentence of :func:`~estimates._present.sentences.describe`;
* the key figures of ``reconcile`` (claims, sources, stated range, consensus or
  agreement range, best estimate, conflicts);
* the range strip (and, when its claims span several months, the timeline) as inline
  SVG (or PNG data URIs, ``charts="png"``);
* the claims table, each claim linked to its source when its URL is ``http(s)``;
* the disagreements: the pairs of claims that exclude each other, widest gap first;

then a methodology section (the note of
:func:`~estimates._present.methodology.methodology_document`, a document the words
layer builds once and renders to HTML with every text escaped).

The page is built from Jinja2 templates (``templates/report.html.j2``) with
autoescaping, and styled by ``report.css``, both package files.  It needs nothing else:
no network, no external CSS, no JavaScript (a Content Security Policy forbids scripts
and remote resources).  Everything that comes from the data is escaped, so a source
named ``<script>alert(1)</script>`` is shown as text; links go through the one URL
policy, :func:`~estimates._present.html.escape.safe_url`.

The report works on a group of any size: the disagreements it lists are found among
the claims with the lowest upper bounds and the highest lower bounds (no enumeration
of every pair), and the claims table and charts show at most :data:`MAX_ROWS` claims per
quantity, with a note of how many are left out.

Examples
--------
>>> import estimates
>>> from estimates._present.html.report import report
>>> claims = estimates.read_claims("seeds/kursk_claims.csv")  # doctest: +SKIP
>>> html = report(claims, lang="fr")  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import functools
import math
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..._compute.selection import Comparison, Selection, as_frame, by_list, sources_of
from ..._i18n import Words, normalise_lang, unit_plural, words
from ..._model.errors import EstimatesWarning, MissingDateWarning, OptionError
from ..._model.missing import is_missing
from ..._model.silencing import silenced
from ..._table.schema import ERROR_COLUMN
from ..charts.data import check_per
from ..format import format_number, format_range, format_stated
from .escape import css, safe_url, short_url

if TYPE_CHECKING:  # pragma: no cover
    from jinja2 import Environment

    from ..charts import ChartData

__all__ = ["report"]

#: Claims listed per quantity in the claims table (the rest are counted in a note).
MAX_ROWS = 200

#: Content Security Policy of the report: no scripts, no remote resources at all.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)

CHARTS = ("svg", "png", None)


# --------------------------------------------------------------------------- words
def _words(lang: str) -> Words:
    """The report's words in ``lang`` (the catalogue's ``report`` context)."""
    return words(lang, "report")


# --------------------------------------------------------------------------- page model
@dataclass
class Cell:
    """One table cell: escaped text, or a link when ``url`` passes :func:`safe_url`."""

    text: str = ""
    css: str = ""
    url: str | None = None


@dataclass
class Table:
    """A table of cells under column headings, with a note of the rows left out."""

    css: str
    heads: list[str]
    rows: list[list[Cell]]
    note: str = ""


@dataclass
class Chart:
    """A chart: an inline SVG element (trusted, made by matplotlib) or a PNG data URI."""

    label: str
    caption: str
    svg: str = ""
    png: str = ""


@dataclass
class Section:
    """One quantity of the report."""

    anchor: str
    name: str
    sentence: str | None
    key: list[tuple[str, str]]
    charts: list[Chart]
    claims: Table
    pairs: Table | None
    pairs_text: str = ""
    words: Mapping[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------- rendering
@functools.cache
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("estimates._present.html", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["short_url"] = short_url
    return env


# --------------------------------------------------------------------------- numbers
def _num(value: float, lang: str) -> str:
    return format_number(value, lang)


def _unit(unit: str, lang: str) -> str:
    return f" {unit_plural(unit, lang)}" if unit else ""


def _span(low: float, high: float, lang: str, low_closed: bool, high_closed: bool) -> str:
    """A range in words ("2,000–10,000", "more than 13,000", "at most 5")."""
    if math.isinf(high) and math.isinf(low):
        return _words(lang)["k_none"]
    return format_range(
        low,
        high,
        lang,
        low_closed=low_closed,
        high_closed=high_closed,
        compact=True,
    )


def _reading(low: float, high: float, lc: bool, hc: bool, unit: str, lang: str) -> str:
    """How a claim was read, in words: a point, a range, a floor or a ceiling."""
    if low == high:
        return _num(low, lang) + _unit(unit, lang)
    if low == 0 and lc and math.isfinite(high):
        return _span(-math.inf, high, lang, lc, hc) + _unit(unit, lang)
    return _span(low, high, lang, lc, hc) + _unit(unit, lang)


def _when(start: Any, end: Any, lang: str) -> str:
    """A statement date in words, in ``lang`` ("week of 4 November 2024")."""
    return format_stated(start, end, lang)


def _count(n: int, one: str, many: str, lang: str) -> str:
    w = _words(lang)
    return w[one] if n == 1 else w[many].format(n=_num(n, lang))


# --------------------------------------------------------------------------- pieces
def _key_figures(row: pd.Series, said: pd.Series, lang: str) -> list[tuple[str, str]]:
    """The key figures of one group of ``reconcile``, as (label, value) pairs; what
    every claim allows and the central value in the sources' words (``said``, a row
    of :func:`estimates._present.text.stated_words`): "about 50,000", never the
    45,000-55,000 a convention reads it as, nor a best value no source stated."""
    w = _words(lang)
    u = _unit(str(row.get("unit") or ""), lang)
    total = row.get("claims_total", row["claims"])
    items = [(w["k_claims"], _num(total, lang))]
    if not pd.isna(total) and int(total) != int(row["claims"]):
        items.append((w["k_compared"], _num(row["claims"], lang)))
    items.append((w["k_sources"], _num(row["sources"], lang)))
    # The numbers stated are not listed bare here: "10,000-12,000" would drop the "up
    # to" of 12,000; the sentence above gives them with their hedges.
    if not pd.isna(row.get("consensus_low")):
        items.append((w["k_consensus"], str(said["consensus"]) + u))
    else:
        items.append((w["k_consensus"], w["k_none"]))
        held = row.get("agreement_claims")
        if not pd.isna(row.get("agreement_low")) and not pd.isna(held) and int(held) >= 2:
            text = w["k_agreement_of"].format(
                range=_group_span(row, "agreement", lang) + u,
                n=int(row["agreement_claims"]),
                m=int(row["claims"]),
            )
            items.append((w["k_agreement"], text))
    if str(said["best_figure"]):
        kind = str(said["best_kind"])
        label = w["k_best"].format(strategy=w.get(f"s_{kind}", kind))
        items.append((label, str(said["best_figure"]) + u))
    items.append((w["k_conflicts"], _num(row["conflicts"], lang)))
    tensions = row.get("tensions", 0)
    if not pd.isna(tensions) and int(tensions) > 0:
        items.append((w["k_tensions"], _num(tensions, lang)))
    verdict = str(row.get("verdict", ""))
    items.append((w["k_verdict"], w.get(f"verdict_{verdict}", verdict)))
    return items


def _group_span(row: pd.Series, kind: str, lang: str) -> str:
    return _span(
        float(row[f"{kind}_low"]),
        float(row[f"{kind}_high"]),
        lang,
        bool(row.get(f"{kind}_low_closed", True)),
        bool(row.get(f"{kind}_high_closed", True)),
    )


_CLAIM_COLUMNS = (
    "c_source",
    "c_stated",
    "c_figure",
    "c_reading",
    "c_status",
    "c_reported",
    "c_link",
    "c_note",
)
_CLAIM_CSS = {"c_stated": "when", "c_reading": "num", "c_note": "note"}


def _claims_table(part: pd.DataFrame, factor: np.ndarray, unit: str, lang: str) -> Table:
    """The claims of a group, oldest first (undated last), at most :data:`MAX_ROWS` (the
    most recent); columns with nothing in them are left out."""
    w = _words(lang)
    end = part["stated_end"]
    order = np.lexsort(
        (end.to_numpy(dtype="datetime64[ns]").astype(np.int64), end.isna().to_numpy())
    )
    hidden = max(len(order) - MAX_ROWS, 0)
    if hidden:
        dated = order[~end.isna().to_numpy()[order]]
        order = np.sort(dated[-MAX_ROWS:]) if len(dated) >= MAX_ROWS else order[:MAX_ROWS]
        order = order[np.argsort(end.to_numpy(dtype="datetime64[ns]")[order], kind="stable")]
    rows: list[dict[str, Cell]] = []
    for i in order:
        r = part.iloc[i]
        k = float(factor[i])
        status = "" if pd.isna(r["status"]) else str(r["status"])
        url = r["url"]
        rows.append(
            {
                "c_source": Cell(_str(r["source"])),
                "c_stated": Cell(_when(r["stated_start"], r["stated_end"], lang), "when"),
                "c_figure": Cell(_str(r["text"])),
                "c_reading": Cell(
                    _reading(
                        r["low"] * k,
                        r["high"] * k,
                        bool(r["low_closed"]),
                        bool(r["high_closed"]),
                        unit,
                        lang,
                    ),
                    "num",
                ),
                "c_status": Cell(w.get(f"st_{status}", status)),
                "c_reported": Cell(_str(r["reported_by"])),
                "c_link": Cell(_str(url), url=safe_url(url)),
                "c_note": Cell(_str(r["note"]), "note"),
            }
        )
    cols = [
        c
        for c in _CLAIM_COLUMNS
        if c in ("c_source", "c_reading") or any(row[c].text for row in rows)
    ]
    note = w["rows_more"].format(n=_num(hidden, lang), m=_num(len(order), lang)) if hidden else ""
    return Table("claims", [w[c] for c in cols], [[row[c] for c in cols] for row in rows], note)


def _str(value: Any) -> str:
    return "" if is_missing(value) else str(value)


def _conflict_pairs(
    data: ChartData, selection: Selection, comparison: Comparison, limit: int
) -> pd.DataFrame:
    """The pairs of claims in conflict (``disagreements``: same time, not one source's
    revisions, apart beyond rounding), widest gap first, at most ``limit`` per group.

    A group too large to list its pairs is searched among its ``limit + 1`` claims with
    the lowest upper bounds and its ``limit + 1`` with the highest lower bounds (where
    the widest gaps are): the pairs are then some of the widest, and the count of all
    of them comes from ``reconcile``, which needs no pair.
    """
    from ..._compute.disagreements import DEFAULT_MAX_PAIRS, disagreements
    from ..._model.errors import PairBudgetError
    from ..sentences import compared_mask

    options = {k: v for k, v in comparison.options().items() if k in ("unit", "compare_within")}
    options["sources"] = selection.sources
    # The pairs of the claims reconcile compared: each source's latest, of the same time.
    compared = compared_mask(
        data.frame, data.codes, len(data.labels), selection.sources, comparison.span
    )
    frame = data.frame[compared]
    codes = data.codes[compared]
    try:
        pairs = disagreements(
            frame, list(data.by), revisions=False, only_conflicts=True, **options
        )
    except PairBudgetError:
        k = data.factor[compared]
        low = frame["low"].to_numpy(dtype="float64") * k
        high = frame["high"].to_numpy(dtype="float64") * k
        keep = np.zeros(len(frame), dtype=bool)
        for g in range(len(data.labels)):
            at = np.flatnonzero(codes == g)
            if len(at) * (len(at) - 1) // 2 <= DEFAULT_MAX_PAIRS:
                keep[at] = True
                continue
            keep[at[np.argsort(high[at], kind="stable")[: limit + 1]]] = True
            keep[at[np.argsort(-low[at], kind="stable")[: limit + 1]]] = True
        pairs = disagreements(
            frame[keep], list(data.by), revisions=False, only_conflicts=True, **options
        )
    order = pairs.sort_values(["gap"], ascending=False, kind="stable")
    return order.groupby(list(data.by), observed=True, sort=False, dropna=False).head(limit)


def _pairs_table(
    frame: pd.DataFrame, pairs: pd.DataFrame, unit: str, lang: str, total: int
) -> Table:
    """The pairs in conflict, lower claim first; ``total`` is how many the group has."""
    w = _words(lang)
    rows = []
    for p in pairs.to_dict("records"):
        a, b = frame.loc[p["claim_a"]], frame.loc[p["claim_b"]]
        lower, upper = (a, b) if float(p["high_a"]) <= float(p["low_b"]) else (b, a)
        gap = _gap(float(p["gap"]), float(p["gap_stated"]), bool(p["gap_open"]), unit, lang)
        rows.append([_who(lower, unit, lang), _who(upper, unit, lang), Cell(gap, "num")])
    more = max(total - len(pairs), 0)
    note = w["d_more"].format(n=_num(more, lang)) if more > 0 else ""
    return Table("disagreements", [w["d_a"], w["d_b"], w["d_gap"]], rows, note)


def _gap(gap: float, stated: float, open_: bool, unit: str, lang: str) -> str:
    """The gap between the facing numbers the two sources stated, hedged like them
    ("more than 38,000" when a facing number is a floor, a ceiling or a range's end);
    when one states no number (a vague magnitude), the distance between the ranges, as
    a lower bound."""
    w = _words(lang)
    if math.isnan(stated):
        if gap == 0:
            return w["d_touch"]
        return _span(gap, math.inf, lang, True, True) + _unit(unit, lang)
    if open_:
        return _span(stated, math.inf, lang, False, True) + _unit(unit, lang)
    return _num(stated, lang) + _unit(unit, lang)


def _who(claim: pd.Series, unit: str, lang: str) -> Cell:
    """A claim in a pair: its source, its words (or how it was read) and its date."""
    when = _when(claim["stated_start"], claim["stated_end"], lang)
    words = _str(claim["text"]) or _reading(
        float(claim["low"]),
        float(claim["high"]),
        bool(claim["low_closed"]),
        bool(claim["high_closed"]),
        unit,
        lang,
    )
    return Cell(f"{_str(claim['source'])}: {words} ({when})")


_SVG_ID = re.compile(r'(\bid="|url\(#|xlink:href="#|\bhref="#)([^"()]+)')


def _svg_inline(svg: str, prefix: str) -> str:
    """An SVG document as an inline ``<svg>`` element (no prolog).

    Its ids (and the references to them) get ``prefix``, so that several charts in one
    page never share an id.
    """
    body = svg[svg.find("<svg") :]
    return _SVG_ID.sub(lambda m: f"{m[1]}{prefix}{m[2]}", body)


def _chart(fig: Any, label: str, caption: str, kind: str, prefix: str) -> Chart:
    from ..charts import to_png, to_svg

    if kind == "png":
        return Chart(label, caption, png=base64.b64encode(to_png(fig)).decode("ascii"))
    return Chart(label, caption, svg=_svg_inline(to_svg(fig), prefix))


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


def _version() -> str:
    try:
        return metadata.version("estimates")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "(development)"


# --------------------------------------------------------------------------- report
def report(
    claims: pd.DataFrame,
    *,
    by: str | Sequence[str] = "quantity",
    lang: str = "en",
    title: str | None = None,
    charts: str | None = "svg",
    timeline: bool | None = None,
    max_pairs: int = 20,
    per: str | None = None,
    progress: bool = False,
    selection: Selection | None = None,
    comparison: Comparison | None = None,
    version: str | None = None,
) -> str:
    """One self-contained HTML page: per quantity, sentence, chart, claims, disagreements.

    What :meth:`estimates.Claims.report` returns (its arguments, which it documents,
    with ``claims`` a claims frame and the claim selection and comparison options as two
    objects: every part of the page, sentences, key figures, charts and methodology,
    uses the same two).  ``version`` is the version named in the footer (default: the
    installed ``estimates``).  Returns the HTML document.

    Raises
    ------
    OptionError
        For ``charts``, ``per`` or ``max_pairs`` outside what they accept.
    """
    if charts not in CHARTS:
        raise OptionError("charts", charts, "'svg', 'png' or None")
    check_per(per)
    if not isinstance(max_pairs, int) or max_pairs < 0:
        raise OptionError("max_pairs", max_pairs, "a whole number >= 0")
    chosen = selection or Selection()
    how = comparison or Comparison()
    by_ = by_list(by)
    claims = as_frame(claims)
    data = _chart_data(claims, by_, chosen, how, charts is not None and timeline is not False)
    sentences = _sentences(claims, by_, lang, chosen, how)
    pairs = _conflict_pairs(data, chosen, how, max_pairs)
    draw = charts is not None and _has_matplotlib()
    said = _said(data, lang)
    sections = [
        _section(data, n, lang, sentences, pairs, charts if draw else None, timeline, per, said)
        for n in _progress(range(len(data.labels)), progress)
    ]
    notes = [_words(lang)["no_charts"]] if charts is not None and not draw else []
    method = _methodology(claims, by_, lang, chosen, how)
    return _page(claims, data, sections, method, lang, title, notes, version or _version())


def _chart_data(
    claims: pd.DataFrame,
    by: list[str],
    selection: Selection,
    comparison: Comparison,
    running: bool,
) -> ChartData:
    """Claims selected, grouped and reconciled once (with the running timeline)."""
    from ..charts import chart_data

    if not running or not _has_matplotlib():
        return chart_data(claims, by, selection=selection, comparison=comparison, stacklevel=5)
    # Undated claims were already reported when the table was read: not again for
    # the running timeline (other date warnings, e.g. of ``as_of``, still show).
    with silenced(MissingDateWarning, match="not on the timeline"):
        return chart_data(
            claims, by, freq="M", selection=selection, comparison=comparison, stacklevel=5
        )


def _said(data: ChartData, lang: str) -> pd.DataFrame:
    """Per group, the key figures in the sources' words (hedges kept, no number that
    no source stated): :func:`estimates._present.text.stated_words`."""
    from ..text import stated_words

    return stated_words(data.summary, data.frame, lang=normalise_lang(lang))


def _sentences(
    claims: pd.DataFrame, by: list[str], lang: str, selection: Selection, comparison: Comparison
) -> pd.Series:
    from ..sentences import describe

    lang = normalise_lang(lang)
    # The same selection and comparison as the key figures': their warnings were
    # given once already (by chart_data), not again for the sentences.
    with silenced(EstimatesWarning):
        return describe(claims, lang=lang, by=by, selection=selection, comparison=comparison)


def _methodology(
    claims: pd.DataFrame, by: list[str], lang: str, selection: Selection, comparison: Comparison
) -> str:
    """The methodology note, built once as a document (the words layer's), as HTML
    with its headings one level under the page's title."""
    from dataclasses import replace

    from ..document import Document, Heading
    from ..methodology import methodology_document

    lang = normalise_lang(lang)
    doc = methodology_document(
        claims, lang=lang, by=by, selection=selection, comparison=comparison
    )
    top = min((b.level for b in doc.blocks if isinstance(b, Heading)), default=1)
    shifted = Document(
        tuple(
            replace(b, level=b.level - top + 2) if isinstance(b, Heading) else b
            for b in doc.blocks
        )
    )
    html = shifted.to_html()
    if not html.startswith("<h2"):
        html = f"<h2>{_words(lang)['methodology']}</h2>\n{html}"
    return html


def _group_pairs(pairs: pd.DataFrame, data: ChartData, key: Any) -> pd.DataFrame:
    """The rows of ``pairs`` of one group."""
    keys = key if isinstance(key, tuple) else (key,)
    mask = np.ones(len(pairs), dtype=bool)
    for col, k in zip(data.by, keys, strict=True):
        mask &= (pairs[col] == k).to_numpy(dtype=bool)
    return pairs[mask]


def _section(
    data: ChartData,
    g: int,
    lang: str,
    sentences: pd.Series,
    conflicts: pd.DataFrame,
    charts: str | None,
    timeline: bool | None,
    per: str | None,
    said: pd.DataFrame,
) -> Section:
    """One quantity: its sentence, key figures, charts, claims and disagreements."""
    from ..charts import group_label

    w = _words(lang)
    key = data.labels[g]
    row = data.summary.iloc[g]
    unit = str(row.get("unit") or "")
    mask = data.codes == g
    part = data.frame[mask]
    factor = data.factor[mask]
    anchor = f"q{g + 1}"
    figures: list[Chart] = []
    if charts is not None:
        figures = _charts(data, g, lang, charts, timeline, part, anchor, per)
    pairs: Table | None = None
    text = ""
    if int(row["claims"]) < 2:
        text = w["one_claim"]
    else:
        found = _group_pairs(conflicts, data, key)
        if len(found) == 0:
            text = w["no_conflict"]
        else:
            total = max(int(row.get("conflicts", 0) or 0), len(found))
            pairs = _pairs_table(data.frame, found, unit, lang, total)
    return Section(
        anchor=anchor,
        name=group_label(key),
        sentence=_lookup(sentences, key),
        key=_key_figures(row, said.iloc[g], lang),
        charts=figures,
        claims=_claims_table(part, factor, unit, lang),
        pairs=pairs,
        pairs_text=text,
        words=w,
    )


def _page(
    claims: pd.DataFrame,
    data: ChartData,
    sections: list[Section],
    method: str,
    lang: str,
    title: str | None,
    notes: list[str],
    version: str,
) -> str:
    """The whole document, through ``templates/report.html.j2``."""
    from markupsafe import Markup

    w = _words(lang)
    summary = data.summary
    n = len(sections)
    subtitle = w["subtitle"].format(
        claims=_count(int(summary["claims"].sum()) if n else 0, "claim_1", "claims_n", lang),
        quantities=_count(n, "quantity_1", "quantities_n", lang),
        sources=_count(len(_valid_sources(claims)), "source_1", "sources_n", lang),
    )
    for s in sections:
        for c in s.charts:
            c.svg = Markup(c.svg)  # noqa: S704 - made by matplotlib
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            lang=normalise_lang(lang),
            csp=Markup(CSP),  # noqa: S704 - a constant of this module
            css=Markup(css("report.css")),  # noqa: S704 - trusted
            version=version,
            title=title if title is not None else w["title"],
            subtitle=subtitle,
            notes=notes,
            sections=sections,
            methodology=Markup(method),  # noqa: S704 - markdown-it-py output, raw HTML disabled
            w=w,
            footer=w["generated"].format(version=version),
        )
    )


def _valid_sources(claims: pd.DataFrame) -> list[str]:
    """The source agents of the claims that are not flagged invalid."""
    if ERROR_COLUMN in claims.columns:
        claims = claims[claims[ERROR_COLUMN].isna().to_numpy()]
    return sources_of(claims)


def _lookup(sentences: pd.Series, key: Any) -> str | None:
    try:
        value = sentences.loc[key]
    except KeyError:
        return None
    if isinstance(value, pd.Series):
        value = value.iloc[0] if len(value) else None
    if is_missing(value):
        return None
    return str(value)


def _charts(
    data: ChartData,
    g: int,
    lang: str,
    kind: str,
    timeline: bool | None,
    part: pd.DataFrame,
    anchor: str,
    per: str | None,
) -> list[Chart]:
    from ..charts import group_label, strip_figure, timeline_figure

    w = _words(lang)
    name = group_label(data.labels[g])
    out = [
        _chart(
            strip_figure(data, g, lang=lang, per=per), name, w["chart_strip"], kind, f"{anchor}s-"
        )
    ]
    dated = part["stated_end"].dropna()
    months = dated.dt.to_period("M").nunique() if len(dated) else 0
    if data.running is not None and (timeline or (timeline is None and months > 1)):
        fig = timeline_figure(data, g, lang=lang)
        out.append(_chart(fig, name, w["chart_timeline"], kind, f"{anchor}t-"))
    return out
