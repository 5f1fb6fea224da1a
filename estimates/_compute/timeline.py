"""Timelines: reconcile per period, so that growth reads as growth, not conflict.

Two readings of "over time":

``running=False`` (default)
    Each period holds the claims *stated in it*.  Troop counts of 1,500, then 3,000,
    then 10,000 in three successive weeks are three agreeing periods, not one conflict.
``running=True``
    Each period holds what was known *by its end*: every source's latest claim stated
    so far (a source's later claim supersedes its earlier one).  This is the running
    state of knowledge that a running envelope chart shades.

Both run the same kernel (:func:`~estimates._compute.reconcile.reconcile_frame`) with
the period as one more grouping key.  Claims without a statement date cannot be
placed and are left out (with a :class:`~estimates.MissingDateWarning`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .._model.errors import MissingDateWarning
from .._model.silencing import warn
from .._model.sources import SourceBook
from .reconcile import _by_list, cumulative_rows, group_codes, reconcile_frame
from .selection import DEFAULT_COMPARE_WITHIN, Selection, as_frame, selection_of
from .sources import canonical_cells
from .time import period_codes

__all__ = ["timeline"]


def timeline(
    claims: object,
    freq: str = "M",
    by: str | Sequence[str] = "quantity",
    *,
    running: bool | None = None,
    selection: Selection | None = None,
    sources: SourceBook | None = None,
    strategy: str = "median",
    unit: str | None = None,
    compare_within: str | pd.Timedelta | int | None = DEFAULT_COMPARE_WITHIN,
    cumulative: bool | Sequence[str] = False,
    stacklevel: int = 4,
) -> pd.DataFrame:
    """Reconcile per period of statement (frames in, frame out).

    See :meth:`estimates.Claims.timeline` for the arguments.  Within a period, claims
    are compared as in ``reconcile``: each source's latest claim, stated within
    ``compare_within`` of the period's latest claim.  Cumulative quantities are
    reconciled ``running`` unless ``running=False`` is given: each period then holds
    every source's latest figure so far, so the range of a growing total rises.
    """
    by = _by_list(by)
    sel = selection_of(selection, sources=sources)
    frame, _trace = sel.apply(as_frame(claims), by, stacklevel=stacklevel)
    dated = frame["stated_end"].notna().to_numpy()
    if (~dated).any():
        warn(
            f"{int((~dated).sum())} claims have no statement date and are not on the timeline",
            MissingDateWarning,
            stacklevel=stacklevel - 1,
        )
        frame = frame[dated]
    period = period_codes(frame["stated_end"], freq)
    frame = frame.assign(period=period.to_numpy())
    if running is None:
        run_rows = cumulative_rows(frame, cumulative)
    else:
        run_rows = np.full(len(frame), bool(running))
    if run_rows.any():
        ran = _running(frame[run_rows], by, canonical_cells(frame[run_rows], sel.sources))
        frame = ran if run_rows.all() else pd.concat([frame[~run_rows], ran])
    return reconcile_frame(
        frame,
        [*by, "period"],
        strategy=strategy,
        sources=sel.sources,
        unit=unit,
        check=False,
        compare_within=compare_within,
    )


def _running(frame: pd.DataFrame, by: list[str], source_key: np.ndarray) -> pd.DataFrame:
    """Each claim repeated in every period from its own until its source's next claim
    on the group (or the last period of the table)."""
    if frame.empty:
        return frame
    periods_in = pd.PeriodIndex(frame["period"])
    ordinals = periods_in.asi8
    freq = periods_in.freq
    last = ordinals.max()
    key, _labels = group_codes(frame.assign(_source=source_key), [*by, "_source"])
    order = np.lexsort((frame["stated_end"].to_numpy(), key))
    k_sorted = key[order]
    o_sorted = ordinals[order]
    nxt = np.empty(len(order), dtype=np.int64)
    nxt[:-1] = np.where(k_sorted[1:] == k_sorted[:-1], o_sorted[1:], last + 1)
    nxt[-1] = last + 1
    # A later claim in the same period supersedes at once: such a claim lives 0 periods.
    life = np.maximum(nxt - o_sorted, 0)
    keep = life > 0
    rows = order[keep]
    life = life[keep]
    start = o_sorted[keep]
    rep_rows = np.repeat(rows, life)
    offsets = np.arange(len(rep_rows)) - np.repeat(np.cumsum(life) - life, life)
    periods = pd.PeriodIndex.from_ordinals(  # type: ignore[attr-defined]
        np.repeat(start, life) + offsets, freq=freq
    )
    out = frame.iloc[rep_rows].copy()
    out["period"] = periods
    return out
