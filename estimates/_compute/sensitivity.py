"""Sensitivity: how a group's range and verdict change without each source.

Leave-one-source-out, vectorised: for every group and every agent in it, the group's
claims minus those the agent made (alone or jointly) form one more group, and the
kernel runs once over all of them.  "From 10,000 to 12,000; from 11,000 to 12,000
without the US figure."
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._model.sources import SourceBook
from .reconcile import _by_list, group_codes, reconcile_frame
from .selection import DEFAULT_COMPARE_WITHIN, Selection, as_frame, selection_of
from .sources import agents_of

__all__ = ["sensitivity"]

#: Columns compared with the full group's result.
COMPARED = (
    "stated_low",
    "stated_high",
    "envelope_low",
    "envelope_high",
    "consensus_low",
    "consensus_high",
    "best",
    "verdict",
    "claims",
    "conflicts",
)


def sensitivity(
    claims: object,
    by: str | Sequence[str] = "quantity",
    *,
    selection: Selection | None = None,
    sources: SourceBook | None = None,
    strategy: str = "median",
    unit: str | None = None,
    compare_within: str | pd.Timedelta | int | None = DEFAULT_COMPARE_WITHIN,
    chunk: int | None = None,
    stacklevel: int = 4,
) -> pd.DataFrame:
    """Leave-one-source-out reconciliation (frames in, frame out).

    Returns one row per (group, left-out source), indexed by the ``by`` keys and
    ``without``, with the reconcile columns recomputed without that source, the full
    group's values as ``full_<column>`` and ``changed`` (True when the verdict or the
    stated range moves).  A group with one source is reported with ``claims == 0``
    rows removed (nothing is left to reconcile).

    Memory stays proportional to the claims: the (group, source) variants are
    reconciled in chunks of at most ``chunk`` claims (default: the table's length, at
    least 10^6), so 10^5 claims of 500 sources never hold 5 x 10^7 rows at once.
    """
    by = _by_list(by)
    sel = selection_of(selection, sources=sources)
    sources = sel.sources
    frame, _trace = sel.apply(as_frame(claims), by, stacklevel=stacklevel)
    opts: dict[str, Any] = {
        "strategy": strategy,
        "sources": sources,
        "unit": unit,
        "check": False,
        "compare_within": compare_within,
    }
    full = reconcile_frame(frame, by, **opts)
    codes, labels = group_codes(frame, by)
    agents = agents_of(frame, sources)
    width = np.int64(len(agents.names))
    # distinct (group, agent) pairs, in group order
    pairs = np.unique(codes[agents.claim] * width + agents.code)
    p_group, p_agent = np.divmod(pairs, width)
    k = np.bincount(codes, minlength=len(labels))
    order = np.argsort(codes, kind="stable")
    start = np.cumsum(k) - k
    made_keys = np.sort(agents.claim * width + agents.code)
    rep_all = k[p_group]
    budget = max(int(chunk) if chunk else len(frame), 1_000_000 if chunk is None else 1)
    ends = np.cumsum(rep_all)
    parts: list[pd.DataFrame] = []
    lo = 0
    while lo < len(pairs):
        # the longest run of pairs whose expansion fits the budget (at least one pair)
        base = ends[lo - 1] if lo else 0
        hi = max(int(np.searchsorted(ends, base + budget, side="right")), lo + 1)
        parts.append(
            _variants(
                frame,
                by,
                order,
                start,
                p_group[lo:hi],
                p_agent[lo:hi],
                rep_all[lo:hi],
                made_keys,
                width,
                agents.names,
                opts,
            )
        )
        lo = hi
    if parts:
        result = parts[0] if len(parts) == 1 else _concat(parts)
    else:
        result = _variants(
            frame,
            by,
            order,
            start,
            p_group,
            p_agent,
            rep_all,
            made_keys,
            width,
            agents.names,
            opts,
        )
    index = result.index
    assert isinstance(index, pd.MultiIndex)
    base_rows = full.reindex(index.droplevel(len(by)))
    for col in COMPARED:
        result[f"full_{col}"] = base_rows[col].to_numpy()
    changed = (
        (result["verdict"].astype(str).to_numpy() != base_rows["verdict"].astype(str).to_numpy())
        | ~np.isclose(result["stated_low"], base_rows["stated_low"], equal_nan=True)
        | ~np.isclose(result["stated_high"], base_rows["stated_high"], equal_nan=True)
    )
    result["changed"] = changed
    return result


def _concat(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The chunks' results as one frame, in group order, categorical columns kept."""
    out = pd.concat(parts).sort_index()
    for col, dtype in parts[0].dtypes.items():
        if isinstance(dtype, pd.CategoricalDtype):
            out[col] = out[col].astype(str).astype("category")
    return out


def _variants(
    frame: pd.DataFrame,
    by: list[str],
    order: np.ndarray,
    start: np.ndarray,
    p_group: np.ndarray,
    p_agent: np.ndarray,
    rep: np.ndarray,
    made_keys: np.ndarray,
    width: np.int64,
    names: np.ndarray,
    opts: dict[str, Any],
) -> pd.DataFrame:
    """Reconcile the groups of some (group, left-out agent) pairs."""
    pair_of = np.repeat(np.arange(len(p_group)), rep)
    within = np.arange(int(rep.sum())) - np.repeat(np.cumsum(rep) - rep, rep)
    claim = order[np.repeat(start[p_group], rep) + within]
    key = claim * width + p_agent[pair_of]
    pos = np.searchsorted(made_keys, key)
    made = (pos < len(made_keys)) & (made_keys[np.minimum(pos, len(made_keys) - 1)] == key)
    pair_of, claim = pair_of[~made], claim[~made]
    expanded = frame.iloc[claim].assign(without=names[p_agent[pair_of]])
    return reconcile_frame(expanded, [*by, "without"], **opts)
