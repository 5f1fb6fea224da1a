"""Exports for charting tools: the wide table Datawrapper's range, dot and arrow plots read.

Datawrapper's range plot, dot plot and arrow plot all read a *wide* table: one row per
category (here: per quantity, or per group of ``by``), the first column holding the
category labels, then one numeric column per series.  The range plot and the arrow
plot draw between two of those columns (chosen in Datawrapper's "Refine" step: range
start / range end, arrow start / arrow end); the dot plot draws one dot per column.

:func:`datawrapper` builds that table from claims:

=====================  ==============================================================
column                 meaning
=====================  ==============================================================
(label)                the group: the quantity, or the ``by`` keys joined with `` · ``
one per source         the source's figure for the group: its latest claim's best
                       value, else the number it stated ("up to 12,000" gives 12,000,
                       "more than 13,000" gives 13,000), else the middle of its range
lowest stated          the smallest number any source stated (``stated_low``)
highest stated         the largest number any source stated (``stated_high``)
consensus from / to    what every claim allows (blank when the claims conflict or a
                       side is unbounded)
agreement from / to    what most claims allow
central estimate       ``reconcile``'s best value (strategy in the metadata)
=====================  ==============================================================

Use *lowest stated* and *highest stated* as the range (or arrow) ends, and the source
columns for a dot plot.  Headers are in ``lang`` ("en" or "fr").  Values are plain
numbers in the group's unit (the unit is in the metadata); non-finite values are blank.

The metadata dictionary follows the shape of a Datawrapper chart's properties
(``title``, ``type``, ``metadata.describe`` with ``intro``, ``source-name``,
``source-url``, and ``metadata.annotate.notes``; Datawrapper shows those fields as
HTML, so they are HTML-escaped), plus an ``estimates`` block with the raw source names,
their links and claims, the units and the meaning of every column.

With ``spreadsheet=True`` (the default) every text cell *and header* that a spreadsheet
would run as a formula (``=``, ``+``, ``-``, ``@`` ...) is prefixed with ``'``
(:func:`~estimates._table.io.neutralise_formulas`).

Examples
--------
>>> import pandas as pd, estimates
>>> c = estimates.read_claims(pd.DataFrame({
...     "quantity": ["troops"] * 2, "figure": ["10,000", "up to 12,000"],
...     "source": ["US", "UK"], "stated": ["2024-11-12", "2024-11-10"]}))
>>> table, meta = datawrapper(c)
>>> table.iloc[:, :5]
  quantity       US       UK  lowest stated  highest stated
0   troops  10000.0  12000.0        10000.0         12000.0
>>> meta["type"], meta["estimates"]["range"]
('d3-range-plot', {'start': 'lowest stated', 'end': 'highest stated'})
"""

from __future__ import annotations

import html
import json
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._compute.comparability import harmonise_units
from .._compute.reconcile import _by_list, group_codes, select
from .._compute.sources import canonical_cells
from .._table.io import json_number, neutralise_formulas, write_csv
from .charts import SELECT_OPTIONS, group_label
from .html.escape import safe_url

if TYPE_CHECKING:  # pragma: no cover
    from .._table.claims import Claims

__all__ = ["datawrapper", "write_datawrapper"]

_HEADERS: dict[str, dict[str, str]] = {
    "en": {
        "quantity": "quantity",
        "stated_low": "lowest stated",
        "stated_high": "highest stated",
        "consensus_low": "consensus from",
        "consensus_high": "consensus to",
        "agreement_low": "agreement from",
        "agreement_high": "agreement to",
        "best": "central estimate",
        "notes": "Dots: each source's latest figure (its best value, else the number it "
        "stated, else the middle of its range). Range: lowest to highest figure stated. "
        "Consensus: what every claim allows; agreement: what most claims allow.",
        "source_suffix": " (source)",
    },
    "fr": {
        "quantity": "grandeur",
        "stated_low": "plus bas avancé",
        "stated_high": "plus haut avancé",
        "consensus_low": "consensus de",
        "consensus_high": "consensus à",
        "agreement_low": "accord de",
        "agreement_high": "accord à",
        "best": "estimation centrale",
        "notes": "Points : le dernier chiffre de chaque source (sa meilleure valeur, sinon le "
        "nombre avancé, sinon le milieu de son intervalle). Intervalle : du plus bas au plus "
        "haut chiffre avancé. Consensus : ce que toutes les affirmations admettent ; accord : "
        "ce que le plus d’affirmations admettent.",
        "source_suffix": " (source)",
    },
}

_STATS = (
    "stated_low",
    "stated_high",
    "consensus_low",
    "consensus_high",
    "agreement_low",
    "agreement_high",
    "best",
)


def _headers(lang: str) -> dict[str, str]:
    return _HEADERS.get(lang.split("_")[0].split("-")[0].lower(), _HEADERS["en"])


def _centres(low: np.ndarray, high: np.ndarray, best: np.ndarray, hedge: pd.Series) -> np.ndarray:
    """Best value, else the number stated (a ceiling's top, a floor's bottom), else the
    middle of the range, else its one finite bound."""
    kind = hedge.astype(str).to_numpy()
    ceiling = np.isin(kind, ("up_to", "at_most", "less_than"))
    floor = np.isin(kind, ("more_than", "at_least"))
    fl, fh = np.isfinite(low), np.isfinite(high)
    with np.errstate(invalid="ignore"):
        mid = np.where(fl & fh, (low + high) / 2, np.where(fl, low, np.where(fh, high, np.nan)))
    stated = np.where(ceiling & fh, high, np.where(floor & fl, low, mid))
    return np.where(np.isfinite(best), best, stated)


def _finite(values: pd.Series) -> pd.Series:
    v = values.astype("float64")
    return v.where(np.isfinite(v.to_numpy()))


def datawrapper(
    claims: Claims,
    *,
    by: str | Sequence[str] = "quantity",
    lang: str = "en",
    spreadsheet: bool = True,
    chart: str = "range",
    **options: Any,
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """The wide table and metadata for a Datawrapper range, dot or arrow plot.

    Parameters
    ----------
    claims : Claims
    by : str or list of str
        Grouping columns (one table row per group).
    lang : {"en", "fr"}
        Language of the headers and notes.
    spreadsheet : bool
        Neutralise text cells and headers a spreadsheet would run as formulas.
    chart : {"range", "dot", "arrow"}
        The Datawrapper chart type named in the metadata.
    **options
        Passed to ``reconcile`` (``strategy``, ``as_of``, ``sources``,
        ``exclude_kinds`` ...).

    Returns
    -------
    (pandas.DataFrame, dict)
        The table (see the module documentation for its columns) and the metadata.
    """
    types = {"range": "d3-range-plot", "dot": "d3-dot-plot", "arrow": "d3-arrow-plot"}
    if chart not in types:
        raise ValueError(f"chart={chart!r}: expected 'range', 'dot' or 'arrow'")
    h = _headers(lang)
    by = _by_list(by)
    summary = claims.reconcile(by, **options)
    frame = select(claims, by, **{k: v for k, v in options.items() if k in SELECT_OPTIONS})
    codes, labels = group_codes(frame, by)
    factor, units = harmonise_units(frame["unit"], codes, len(labels), labels, options.get("unit"))
    k = np.ones(len(frame)) if factor is None else factor
    low = frame["low"].to_numpy(dtype="float64") * k
    high = frame["high"].to_numpy(dtype="float64") * k
    best = frame["best"].to_numpy(dtype="float64") * k
    source = canonical_cells(frame, options.get("sources"))
    label_of = {i: group_label(lab) for i, lab in enumerate(labels)}
    long = pd.DataFrame(
        {
            "group": codes,
            "source": source,
            "value": _centres(low, high, best, frame["hedge"]),
            "stated": frame["stated_end"].to_numpy(),
            "order": np.arange(len(frame)),
        }
    )
    # A source's latest claim on a group stands for it (undated claims count as oldest).
    long = long.sort_values(
        ["group", "source", "stated", "order"], na_position="first", kind="stable"
    )
    latest = long.groupby(["group", "source"], sort=False).tail(1)
    source_order = list(pd.unique(source))
    wide = latest.pivot(index="group", columns="source", values="value")
    wide = wide.reindex(index=range(len(labels)), columns=source_order)

    reserved = {h["quantity"], *(h[s] for s in _STATS)}
    names = {s: (s + h["source_suffix"] if s in reserved else s) for s in source_order}
    table = pd.DataFrame({h["quantity"]: [label_of[i] for i in range(len(labels))]})
    for s in source_order:
        table[names[s]] = _finite(wide[s]).to_numpy()
    stats = summary.reindex(labels)
    for s in _STATS:
        table[h[s]] = _finite(stats[s]).to_numpy()
    if spreadsheet:
        table[h["quantity"]] = neutralise_formulas(table[h["quantity"]])
        table.columns = neutralise_formulas(pd.Series(table.columns, dtype=object)).tolist()

    meta = _metadata(
        claims,
        frame,
        source,
        codes,
        labels,
        units,
        names,
        summary,
        h,
        lang,
        types[chart],
        by,
        options,
    )
    return table, meta


def _metadata(
    claims: Claims,
    frame: pd.DataFrame,
    source: np.ndarray,
    codes: np.ndarray,
    labels: pd.Index,
    units: np.ndarray,
    names: dict[str, str],
    summary: pd.DataFrame,
    h: dict[str, str],
    lang: str,
    kind: str,
    by: list[str],
    options: dict[str, Any],
) -> dict[str, Any]:
    urls = frame["url"].astype(object).to_numpy()
    texts = frame["text"].astype(object).to_numpy()
    notes = frame["note"].astype(object).to_numpy()
    start, end = frame["stated_start"], frame["stated_end"]
    sources: list[dict[str, Any]] = []
    for s in names:
        rows = np.flatnonzero(source == s)
        links = list(dict.fromkeys(u for u in urls[rows] if safe_url(u)))
        sources.append(
            {
                "name": s,
                "column": names[s],
                "links": links,
                "claims": [
                    {
                        "group": group_label(labels[codes[i]]),
                        "text": _text(texts[i]),
                        "stated": _day_span(start.iloc[i], end.iloc[i]),
                        "low": json_number(frame["low"].iloc[i]),
                        "high": json_number(frame["high"].iloc[i]),
                        "note": _text(notes[i]),
                        "url": _text(urls[i]),
                    }
                    for i in rows
                ],
            }
        )
    first_link = next((x for src in sources for x in src["links"]), "")
    intro = ""
    if len(labels) == 1:
        from .sentences import describe

        sentence = describe(claims, lang=lang, by=by, **options)
        intro = str(sentence.iloc[0]) if len(sentence) else ""
    strategy = (
        str(summary["best_strategy"].iloc[0])
        if len(summary)
        else options.get("strategy", "median")
    )
    title = " / ".join(group_label(x) for x in labels[:3]) + (" …" if len(labels) > 3 else "")
    return {
        "title": html.escape(title, quote=False),
        "type": kind,
        "language": "fr-FR" if lang.startswith("fr") else "en-US",
        "metadata": {
            "describe": {
                "intro": html.escape(intro, quote=False),
                "source-name": html.escape(", ".join(names), quote=False),
                "source-url": first_link,
                "byline": "",
            },
            "annotate": {"notes": html.escape(h["notes"], quote=False)},
        },
        "estimates": {
            "by": by,
            "label_column": h["quantity"],
            "range": {"start": h["stated_low"], "end": h["stated_high"]},
            "columns": {h[s]: s for s in _STATS},
            "units": {group_label(lab): str(u) for lab, u in zip(labels, units, strict=True)},
            "strategy": strategy,
            "sources": sources,
        },
    }


def _text(v: Any) -> str | None:
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return None
    return str(v)


def _day_span(start: Any, end: Any) -> str | None:
    if pd.isna(start) or pd.isna(end):
        return None
    from .._model.dates import DateInterval

    return str(DateInterval(start, end))


def write_datawrapper(
    claims: Claims, path: str | os.PathLike[str], **options: Any
) -> tuple[Path, Path]:
    """Write the Datawrapper table to ``path`` (CSV) and its metadata next to it (JSON).

    The JSON file has the CSV's name with the suffix ``.json``.  Options are those of
    :func:`datawrapper`.  Returns both paths.
    """
    table, meta = datawrapper(claims, **options)
    csv_path = Path(path)
    json_path = csv_path.with_suffix(".json")
    if json_path == csv_path:
        json_path = csv_path.with_name(csv_path.name + ".json")
    write_csv(table, csv_path, spreadsheet=options.get("spreadsheet", True))
    json_path.write_text(
        json.dumps(meta, ensure_ascii=False, indent=2, allow_nan=False), encoding="utf-8"
    )
    return csv_path, json_path
