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

import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._model.errors import MissingDateWarning
from .reconcile import _by_list, group_codes, reconcile_frame, select
from .result import Reconciliation
from .sources import canonical_cells
from .time import period_codes

if TYPE_CHECKING:  # pragma: no cover
    from .._table.claims import Claims

__all__ = ["timeline"]


def timeline(
    claims: Claims,
    freq: str = "M",
    by: str | Sequence[str] = "quantity",
    *,
    running: bool = False,
    strategy: str = "median",
    unit: str | None = None,
    **options: Any,
) -> pd.DataFrame:
    """Reconcile per period of statement.

    Parameters
    ----------
    claims : Claims
    freq : {"D", "W", "M", "Q", "Y"}
        Period length.
    by : str or list of str
        Grouping columns; ``period`` is added as the last index level.
    running : bool
        Per period, reconcile every source's latest claim stated so far (see the
        module documentation), instead of the claims stated within the period.
    strategy, unit
        As for ``reconcile``.
    **options
        Claim selection as for ``reconcile`` (``sources``, ``exclude_kinds``,
        ``as_of``, ``window``, ``dedupe``).

    Returns
    -------
    pandas.DataFrame
        The columns of ``reconcile``, indexed by the ``by`` keys and ``period``.
    """
    by = _by_list(by)
    sources = options.get("sources")
    frame = select(claims, by, **options)
    dated = frame["stated_end"].notna().to_numpy()
    if (~dated).any():
        warnings.warn(
            f"{int((~dated).sum())} claims have no statement date and are not on the timeline",
            MissingDateWarning,
            stacklevel=3,
        )
        frame = frame[dated]
    period = period_codes(frame["stated_end"], freq)
    frame = frame.assign(period=period.to_numpy())
    if running:
        frame = _running(frame, by, canonical_cells(frame, sources))
    return Reconciliation(
        reconcile_frame(
            frame, [*by, "period"], strategy=strategy, sources=sources, unit=unit, check=False
        )
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
    periods = pd.PeriodIndex.from_ordinals(np.repeat(start, life) + offsets, freq=freq)
    out = frame.iloc[rep_rows].copy()
    out["period"] = periods
    return out
