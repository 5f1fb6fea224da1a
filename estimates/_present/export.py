"""Datawrapper export: one chart per quantity, each claim a dated row of stated numbers.

:func:`datawrapper` builds the table and metadata of one Datawrapper chart for one
quantity (one group of ``by``); :func:`write_datawrapper` writes one CSV and its JSON
metadata per quantity.  Claims on different quantities are never put in one chart
(soldiers and containers are different things), and every row says when it was stated,
so 2022 and 2026 figures are never shown side by side undated.

The table has one row per claim, oldest first (undated last):

=================  ==================================================================
column             meaning
=================  ==================================================================
claim              the row's label: the source and the date stated, in words
source             who said it
stated             the last day it may have been stated (ISO ``YYYY-MM-DD``; blank
                   when undated)
as written         the figure as the source wrote it
from               the lower number the source stated (blank when it stated none:
                   "up to 12,000" states no lower number, "about 15,000" states only
                   15,000, "thousands" states no number at all)
to                 the upper number the source stated (blank likewise: "more than
                   50,000" states no upper number)
value              the single number the source stated ("10,000", "about 15,000");
                   blank for ranges, floors, ceilings and vague magnitudes
open end           "above" for a floor with no upper bound ("more than 50,000"), "below"
                   for a ceiling ("up to 12,000"): draw an arrow, not a bar or a dot
=================  ==================================================================

Every number in the table is a number some source stated: nothing is invented (no
middle of a range, no 6,000 for "thousands", no 0 under "up to").  Use ``from`` and
``to`` as a range plot's ends or an arrow plot's start and end, ``value`` for a dot
plot; ``open end`` says which rows need an arrow.  Headers are in ``lang``.

Safety: Datawrapper shows labels and descriptions as HTML, so every text cell and every
metadata text field is HTML-escaped; with ``spreadsheet=True`` (the default) a text
cell a spreadsheet would run as a formula is prefixed with ``'``
(:func:`~estimates._table.io.neutralise_formulas`).  Sources are rows, not columns: two
sources whose names look alike after neutralising (``=A`` and ``'=A``) stay two rows,
and nothing is dropped.  Links are kept only when
:func:`~estimates._present.html.escape.safe_url` accepts them.

Examples
--------
>>> import pandas as pd, estimates
>>> c = estimates.read_claims(pd.DataFrame({
...     "quantity": ["troops"] * 2, "figure": ["10,000", "up to 12,000"],
...     "source": ["US", "UK"], "stated": ["2024-11-12", "2024-11-10"]}))
>>> table, meta = datawrapper(c)
>>> table[["source", "stated", "from", "to", "value", "open end"]]
  source      stated     from       to    value open end
0     UK  2024-11-10      NaN  12000.0      NaN    below
1     US  2024-11-12  10000.0  10000.0  10000.0      NaN
>>> meta["title"], meta["type"]
('troops', 'd3-range-plot')
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._compute.camps import stated_numbers
from .._compute.reconcile import hedge_codes
from .._compute.selection import Comparison, Selection
from .._compute.sources import canonical_cells
from .._i18n import Words, words
from .._model.dates import DateInterval
from .._model.errors import EstimatesWarning, OptionError
from .._model.missing import is_missing
from .._model.silencing import silenced
from .._table.io import neutralise_formulas, write_csv
from .charts.data import ChartData, chart_data, group_label
from .format import format_stated, locale_of
from .html.escape import safe_url

__all__ = ["datawrapper", "datawrapper_charts", "write_datawrapper"]

CHARTS = {"range": "d3-range-plot", "dot": "d3-dot-plot", "arrow": "d3-arrow-plot"}


def _headers(lang: str) -> Words:
    """The export's words in ``lang`` (the catalogue's ``export`` context)."""
    return words(lang, "export")


def _cell(value: Any) -> Any:
    """A text cell as Datawrapper should show it: HTML-escaped (it renders HTML)."""
    if is_missing(value):
        return None
    return html.escape(str(value), quote=False)


def _spreadsheet_text(cells: pd.Series) -> pd.Series:
    """Text a spreadsheet shows as written: formulas neutralised with a leading ``'``,
    and a leading ``'`` of the text itself doubled, so that ``'=A`` (a source's name)
    never shows as ``=A`` (another source's name, neutralised)."""
    quoted = cells.map(lambda v: "'" + v if isinstance(v, str) and v.startswith("'") else v)
    return neutralise_formulas(quoted)


def stated_bounds(frame: pd.DataFrame, factor: np.ndarray) -> pd.DataFrame:
    """Per claim, the numbers its source stated: ``from``, ``to``, ``value``, ``open``.

    ``from`` (``to``) is the claim's lower (upper) bound when the source stated it,
    else NaN; ``value`` its single stated number, else NaN; ``open`` is ``"above"``
    for a claim with no upper bound, ``"below"`` for a ceiling read from zero.
    """
    low = frame["low"].to_numpy(dtype="float64") * factor
    high = frame["high"].to_numpy(dtype="float64") * factor
    best = frame["best"].to_numpy(dtype="float64") * factor
    hedge = hedge_codes(frame["hedge"])
    smin, smax = stated_numbers(low, high, best, hedge)
    with np.errstate(invalid="ignore"):
        lo = np.where(np.isfinite(low) & (low == smin), low, np.nan)
        hi = np.where(np.isfinite(high) & (high == smax), high, np.nan)
        one = np.where((smin == smax) & np.isfinite(smin), smin, np.nan)
    central = (hedge == 0) | (hedge == 1)  # exact, about: a single number stated
    value = np.where(central, one, np.nan)
    lo = np.where(np.isnan(lo) & np.isfinite(value) & (low == high), value, lo)
    hi = np.where(np.isnan(hi) & np.isfinite(value) & (low == high), value, hi)
    kind = frame["hedge"].astype(str).to_numpy()
    ceiling = np.isin(kind, ("up_to", "at_most", "less_than"))
    opened = np.where(
        np.isposinf(high), "above", np.where(ceiling | np.isneginf(low), "below", "")
    )
    return pd.DataFrame({"from": lo, "to": hi, "value": value, "open": opened}, index=frame.index)


def datawrapper(
    claims: pd.DataFrame,
    quantity: Any = None,
    *,
    by: str | Sequence[str] = "quantity",
    lang: str = "en",
    spreadsheet: bool = True,
    chart: str = "range",
    selection: Selection | None = None,
    unit: str | None = None,
    intro: bool = True,
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """The table and metadata of one Datawrapper chart: one quantity, a row per claim.

    The arguments are those of :meth:`estimates.Claims.datawrapper` (which documents
    them), with ``claims`` a claims frame, and ``quantity``: the group to chart (a
    ``by`` key), needed when the claims hold several (one chart never mixes
    quantities; :func:`datawrapper_charts` gives one chart per quantity).

    Returns
    -------
    (pandas.DataFrame, dict)
        The table (see the module documentation for its columns) and the metadata.

    Raises
    ------
    OptionError
        For an unknown ``chart``, or claims of several quantities without ``quantity=``.
    """
    data, kind, sentences = _data(claims, by, lang, chart, selection, unit, intro)
    if quantity is None:
        if len(data.labels) != 1:
            known = ", ".join(repr(group_label(x)) for x in data.labels[:20])
            raise OptionError(
                "quantity",
                None,
                f"one of {known}: a chart shows one quantity "
                "(datawrapper_charts() gives one chart per quantity)",
            )
        g = 0
    else:
        g = data.group(quantity)
    return _chart(data, g, lang, spreadsheet, kind, sentences)


def _data(
    claims: pd.DataFrame,
    by: str | Sequence[str],
    lang: str,
    chart: str,
    selection: Selection | None,
    unit: str | None,
    intro: bool,
) -> tuple[ChartData, str, pd.Series | None]:
    """The claims selected and grouped once, the Datawrapper chart type, and (with
    ``intro``) each group's sentence, described once with the same selection and unit
    as the charts."""
    from .sentences import describe

    if chart not in CHARTS:
        raise OptionError("chart", chart, "'range', 'dot' or 'arrow'")
    chosen = selection or Selection()
    how = Comparison(unit=unit)
    data = chart_data(claims, by, selection=chosen, comparison=how, stacklevel=5)
    sentences = None
    if intro:
        # The same selection and comparison as the charts': their warnings were
        # given once already (by chart_data), not again for the sentences.
        with silenced(EstimatesWarning):
            sentences = describe(claims, lang, list(data.by), selection=chosen, comparison=how)
    return data, CHARTS[chart], sentences


def datawrapper_charts(
    claims: pd.DataFrame,
    *,
    by: str | Sequence[str] = "quantity",
    lang: str = "en",
    spreadsheet: bool = True,
    chart: str = "range",
    selection: Selection | None = None,
    unit: str | None = None,
    intro: bool = True,
) -> dict[Any, tuple[pd.DataFrame, dict[str, Any]]]:
    """One Datawrapper chart (table and metadata) per quantity, keyed by group.

    Arguments as for :func:`datawrapper`.
    """
    data, kind, sentences = _data(claims, by, lang, chart, selection, unit, intro)
    return {
        data.labels[g]: _chart(data, g, lang, spreadsheet, kind, sentences)
        for g in range(len(data.labels))
    }


def _chart(
    data: ChartData,
    g: int,
    lang: str,
    spreadsheet: bool,
    kind: str,
    sentences: pd.Series | None,
) -> tuple[pd.DataFrame, dict[str, Any]]:
    h = _headers(lang)
    mask = data.codes == g
    part = data.frame[mask]
    end = part["stated_end"]
    order = np.lexsort(
        (end.to_numpy(dtype="datetime64[ns]").astype(np.int64), end.isna().to_numpy())
    )
    part = part.iloc[order]
    end = part["stated_end"]
    factor = data.factor[mask][order]
    nums = stated_bounds(part, factor)
    source = np.asarray(canonical_cells(part, data.sources), dtype=object)
    when = [format_stated(s, e, lang) for s, e in zip(part["stated_start"], end, strict=True)]
    # the period as stated, in ISO form ("2024-W45", "2024-10"), never a day inside it
    # that nobody said ("2024-11-10" for "last week")
    iso = [
        None if pd.isna(s) or pd.isna(e) else str(DateInterval(s, e))
        for s, e in zip(part["stated_start"], end, strict=True)
    ]
    words = {"above": h["above"], "below": h["below"], "": None}
    table = pd.DataFrame(
        {
            h["claim"]: [_cell(f"{s} · {w}") for s, w in zip(source, when, strict=True)],
            h["source"]: [_cell(s) for s in source],
            h["stated"]: np.array(iso, dtype=object),
            h["text"]: [_cell(t) for t in part["text"].astype(object)],
            h["from"]: nums["from"].to_numpy(),
            h["to"]: nums["to"].to_numpy(),
            h["value"]: nums["value"].to_numpy(),
            h["open"]: [words[o] for o in nums["open"]],
        }
    )
    if spreadsheet:
        for c in (h["claim"], h["source"], h["text"]):
            table[c] = _spreadsheet_text(table[c])
    meta = _metadata(data, g, part, source, nums, h, kind, sentences)
    return table, meta


def _metadata(
    data: ChartData,
    g: int,
    part: pd.DataFrame,
    source: np.ndarray,
    nums: pd.DataFrame,
    h: Words,
    kind: str,
    sentences: pd.Series | None,
) -> dict[str, Any]:
    key = data.labels[g]
    title = group_label(key)
    links = [u for u in dict.fromkeys(part["url"].astype(object)) if safe_url(u)]
    names = list(dict.fromkeys(source.tolist()))
    sentence = ""
    if sentences is not None and key in sentences.index:
        sentence = str(sentences.loc[[key]].iloc[0])
    vague = int((nums["from"].isna() & nums["to"].isna() & nums["value"].isna()).sum())
    notes = h["notes"] + (" " + h["vague"].format(n=vague) if vague else "")
    return {
        "title": html.escape(title, quote=False),
        "type": kind,
        "language": locale_of(h.lang).replace("_", "-"),  # the catalogue's locale
        "metadata": {
            "describe": {
                "intro": html.escape(sentence, quote=False),
                "source-name": html.escape(", ".join(names), quote=False),
                "source-url": links[0] if links else "",
                "byline": "",
            },
            "annotate": {"notes": html.escape(notes, quote=False)},
        },
        "estimates": {
            "group": title,
            "by": list(data.by),
            "unit": str(data.units[g]),
            "label_column": h["claim"],
            "range": {"start": h["from"], "end": h["to"]},
            "dot": h["value"],
            "open_end": h["open"],
            "sources": [html.escape(str(n), quote=False) for n in names],
            "links": links,
        },
    }


_SLUG = re.compile(r"[^0-9A-Za-z]+")


def write_datawrapper(
    charts: Mapping[Any, tuple[pd.DataFrame, dict[str, Any]]],
    path: str | os.PathLike[str],
    *,
    spreadsheet: bool = True,
) -> list[tuple[Path, Path]]:
    """Write Datawrapper charts (those of :func:`datawrapper_charts`, or of
    ``Claims.datawrapper``): for each quantity a CSV and its metadata as JSON.

    One quantity: ``path`` and ``path`` with the suffix ``.json``.  Several: one pair
    per quantity, named ``<stem>-<n>-<quantity>.csv`` (and ``.json``) next to ``path``.
    ``spreadsheet`` neutralises formulas in the CSV (as when the charts were made).
    Returns the (CSV, JSON) paths written.
    """
    base = Path(path)
    written = []
    for n, (key, (table, meta)) in enumerate(charts.items(), start=1):
        if len(charts) == 1:
            csv_path = base
        else:
            slug = _SLUG.sub("-", group_label(key)).strip("-").lower()[:60] or "quantity"
            csv_path = base.with_name(f"{base.stem}-{n}-{slug}{base.suffix or '.csv'}")
        json_path = csv_path.with_suffix(".json")
        if json_path == csv_path:
            json_path = csv_path.with_name(csv_path.name + ".json")
        write_csv(table, csv_path, spreadsheet=spreadsheet)
        json_path.write_text(
            json.dumps(meta, ensure_ascii=False, indent=2, allow_nan=False), encoding="utf-8"
        )
        written.append((csv_path, json_path))
    return written
