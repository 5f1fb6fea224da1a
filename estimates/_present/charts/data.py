"""Chart data: claims selected, grouped and reconciled once, and the rows a chart draws.

:class:`~estimates._compute.selection.Selection` holds which claims count and
:class:`~estimates._compute.selection.Comparison` how they are summarised (the options of
``reconcile``); :func:`chart_data` applies them once and returns a :class:`ChartData`
from which the range strip and the timeline draw any group; :func:`strip_rows` gives
the rows a range strip draws.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from ..._compute.comparability import harmonise_units
from ..._compute.reconcile import group_codes, reconcile
from ..._compute.selection import Comparison, Selection, as_frame, by_list
from ..._compute.timeline import timeline
from ..._i18n import words
from ..._model.errors import ComparabilityWarning, MissingColumnError, OptionError
from ..._model.silencing import silenced
from ..format import format_stated

__all__ = ["ChartData", "Comparison", "chart_data", "group_label", "strip_rows"]

#: Hedges of a ceiling: the claim states its upper bound ("up to 12,000").
CEILINGS = ("up_to", "at_most", "less_than")
#: Rows of a range strip per group before it shows each source's latest claim only.
MAX_STRIP_ROWS = 30
#: Ways of laying out the rows of a range strip.
PER = ("claim", "source", "latest")


def group_label(key: Any) -> str:
    """A group key as a title: a string as is, a tuple of keys joined with `` · ``.

    >>> group_label(("russia", "deaths"))
    'russia · deaths'
    """
    if isinstance(key, tuple):
        return " · ".join(str(k) for k in key)
    return str(key)


@dataclass(frozen=True)
class ChartData:
    """Claims selected, grouped and summarised once, to draw any of their groups.

    Build it with :func:`chart_data`; :func:`strip_figure` and :func:`timeline_figure`
    draw one group from it.  A report of many quantities computes it once.
    """

    frame: pd.DataFrame  #: the claims that count (``reconcile``'s selection)
    codes: np.ndarray  #: group code of each row of ``frame``
    labels: pd.Index  #: the group keys, in ``reconcile``'s order
    factor: np.ndarray  #: per row, the factor to the group's unit
    units: np.ndarray  #: per group, its unit
    summary: pd.DataFrame  #: ``reconcile``, one row per group
    running: pd.DataFrame | None  #: ``timeline(freq, running=True)``, when asked
    by: tuple[str, ...]
    sources: Any  #: the SourceBook, if any

    def group(self, quantity: Any) -> int:
        """The position of a group key (``KeyError`` naming the known ones)."""
        return _find(self.labels, quantity)

    def rows(self, g: int, *, per: str = "claim", lang: str = "en") -> pd.DataFrame:
        """The rows a range strip draws for group ``g`` (see :func:`strip_rows`)."""
        return _rows_of(self.frame, self.codes == g, self.factor, per, lang, self.sources)


def chart_data(
    claims: pd.DataFrame,
    by: str | Sequence[str] = "quantity",
    *,
    freq: str | None = None,
    selection: Selection | None = None,
    comparison: Comparison | None = None,
    stacklevel: int = 3,
) -> ChartData:
    """Select, group and reconcile ``claims`` (a claims frame) once, with ``selection``
    and ``comparison`` (defaults: every valid claim, as ``reconcile``); with ``freq``
    (``"W"``, ``"M"``, ``"Q"``, ``"Y"``) also run the running timeline.  Warnings
    point ``stacklevel`` frames up from here (3: the caller of this function's caller,
    e.g. the user's call of a ``Claims`` method that called the function calling this).
    """
    sel = selection or Selection()
    how = comparison or Comparison()
    by_ = by_list(by)
    table = as_frame(claims)
    frame, _trace = sel.apply(table, by_, stacklevel=stacklevel + 1)
    codes, labels = group_codes(frame, by_)
    factor, group_unit = harmonise_units(frame["unit"], codes, len(labels), labels, how.unit)
    running = None
    if freq is not None:
        options = replace(how, weights=None).options()
        running = timeline(table, freq, by_, running=True, selection=sel, **options)
    return ChartData(
        frame=frame,
        codes=codes,
        labels=labels,
        factor=np.ones(len(frame)) if factor is None else factor,
        units=np.asarray(group_unit, dtype=object),
        summary=reconcile(table, by_, selection=sel, **how.options(), stacklevel=stacklevel + 2),
        running=running,
        by=tuple(by_),
        sources=sel.sources,
    )


def _find(labels: pd.Index, quantity: Any) -> int:
    for i, lab in enumerate(labels):
        if lab == quantity or (isinstance(lab, tuple) and len(lab) == 1 and lab[0] == quantity):
            return i
    known = ", ".join(repr(group_label(x)) for x in labels[:20])
    raise MissingColumnError(str(quantity), known, what="groups of the claims")


def strip_rows(
    claims: pd.DataFrame,
    quantity: Any,
    *,
    by: str | Sequence[str] = "quantity",
    per: str = "claim",
    lang: str = "en",
    selection: Selection | None = None,
    comparison: Comparison | None = None,
) -> pd.DataFrame:
    """The rows a range strip draws for one group, in drawing order (top first).

    Columns: ``row`` (the row number the claim is drawn on), ``label`` (``source ·
    when``), ``source``, ``when`` (the row's dates, in words), ``stated`` (as words)
    and ``stated_end`` (its last day), ``low``, ``high``, ``low_closed``,
    ``high_closed``, ``best`` (in the group's unit), ``hedge`` and ``claim`` (the
    claim's label in the claims table).  Claims are in order of statement (undated
    last).  With ``per="source"`` the claims of a source share a row; with
    ``per="latest"`` each source has one row, its latest claim.

    Examples
    --------
    >>> import pandas as pd, estimates
    >>> c = estimates.read_claims(pd.DataFrame({
    ...     "quantity": ["troops"] * 2, "figure": ["10,000", "up to 12,000"],
    ...     "source": ["US", "UK"], "stated": ["2024-11-12", "2024-11-01"]}))
    >>> strip_rows(c, "troops")[["row", "label", "low", "high"]]
       row                  label      low     high
    0    0   UK · 1 November 2024      0.0  12000.0
    1    1  US · 12 November 2024  10000.0  10000.0
    """
    # The rows are every selected claim, whatever the comparison window: the
    # warning that some were not compared belongs to the consensus, not to them.
    with silenced(ComparabilityWarning):
        data = chart_data(claims, by, selection=selection, comparison=comparison)
    return data.rows(data.group(quantity), per=per, lang=lang)


def check_per(per: str | None) -> None:
    """Refuse a row layout other than those of :data:`PER` (or None: automatic)."""
    if per is not None and per not in PER:
        raise OptionError("per", per, "'claim', 'source', 'latest' or None")


def auto_per(n: int, per: str | None) -> str:
    """The row layout: as asked, else one row per claim up to :data:`MAX_STRIP_ROWS`
    claims, else each source's latest claim."""
    if per is not None:
        return per
    return "claim" if n <= MAX_STRIP_ROWS else "latest"


def _rows_of(
    frame: pd.DataFrame,
    mask: np.ndarray,
    factor: np.ndarray,
    per: str,
    lang: str,
    sources: Any,
) -> pd.DataFrame:
    from ..._compute.sources import canonical_cells

    check_per(per)
    f = frame[mask]
    k = factor[mask]
    start, end = f["stated_start"], f["stated_end"]
    rows = pd.DataFrame(
        {
            "claim": f.index.to_numpy(),
            "source": canonical_cells(f, sources),
            "stated_start": start.to_numpy(),
            "stated_end": end.to_numpy(),
            "low": f["low"].to_numpy(dtype="float64") * k,
            "high": f["high"].to_numpy(dtype="float64") * k,
            "low_closed": f["low_closed"].to_numpy(dtype=bool),
            "high_closed": f["high_closed"].to_numpy(dtype=bool),
            "best": f["best"].to_numpy(dtype="float64") * k,
            "hedge": f["hedge"].astype(str).to_numpy(),
        }
    )
    rows = (
        rows.assign(_undated=rows["stated_end"].isna())
        .sort_values(["_undated", "stated_end"], kind="stable")
        .drop(columns="_undated")
        .reset_index(drop=True)
    )
    if per == "latest":
        # Each source's latest claim (undated claims count as its oldest).
        latest = rows.assign(_dated=rows["stated_end"].notna()).sort_values(
            ["_dated", "stated_end"], kind="stable", na_position="first"
        )
        keep = latest.groupby("source", sort=False).tail(1).index
        rows = rows.loc[sorted(keep)].reset_index(drop=True)
        rows.attrs["left_out"] = int(mask.sum()) - len(rows)
    # Dates in words only for the rows drawn (a crowded group draws few of its claims).
    rows["stated"] = [
        format_stated(s, e, lang)
        for s, e in zip(rows.pop("stated_start"), rows["stated_end"], strict=True)
    ]
    if per in ("claim", "latest"):
        rows["row"] = np.arange(len(rows))
        rows["when"] = rows["stated"]
    else:
        rows = _per_source(rows, lang)
    rows["label"] = rows["source"] + " · " + rows["when"]
    cols = [
        "row",
        "label",
        "source",
        "when",
        "stated",
        "stated_end",
        "low",
        "high",
        "low_closed",
        "high_closed",
        "best",
        "hedge",
        "claim",
    ]
    out = rows[cols]
    out.attrs["left_out"] = rows.attrs.get("left_out", 0)
    return out


def _per_source(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per source: its claims share it; ``when`` spans its dates."""
    w = words(lang)
    order = pd.unique(rows["source"])
    rank = {s: i for i, s in enumerate(order)}
    rows["row"] = rows["source"].map(rank).astype("int64")
    whens = {}
    for s, part in rows.groupby("source", sort=False):
        dated = part[part["stated_end"].notna()]
        if len(dated) == 0:
            when = w["undated"]
        elif len(part) == 1 or dated["stated"].iloc[0] == dated["stated"].iloc[-1]:
            when = dated["stated"].iloc[0]
        else:
            when = f"{dated['stated'].iloc[0]}{w['to']}{dated['stated'].iloc[-1]}"
        n = len(part)
        whens[s] = when + (f" ({w['claims'].format(n=n)})" if n > 1 else "")
    rows["when"] = rows["source"].map(whens)
    return rows.sort_values("row", kind="stable").reset_index(drop=True)


def targets(labels: pd.Index, quantity: Any, ax: Any) -> list[int]:
    if quantity is not None:
        return [_find(labels, quantity)]
    if len(labels) == 0:
        raise OptionError("claims", "no claims", "at least one valid claim to draw")
    if ax is not None and len(labels) > 1:
        known = ", ".join(repr(group_label(x)) for x in labels[:20])
        raise OptionError("quantity", None, f"one group when ax= is given: one of {known}")
    return list(range(len(labels)))
