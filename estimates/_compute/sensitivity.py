"""Sensitivity: how a group's range and verdict change without each source.

Leave-one-source-out, vectorised: for every group and every agent in it, the group's
claims minus those the agent made (alone or jointly) form one more group, and the
kernel runs once over all of them.  "From 10,000 to 12,000; from 11,000 to 12,000
without the US figure."
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .reconcile import _by_list, group_codes, reconcile_frame, select
from .sources import agents_of

if TYPE_CHECKING:  # pragma: no cover
    from .._table.claims import Claims

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
    claims: Claims,
    by: str | Sequence[str] = "quantity",
    *,
    strategy: str = "median",
    **options: Any,
) -> pd.DataFrame:
    """Leave-one-source-out reconciliation.

    Returns one row per (group, left-out source), indexed by the ``by`` keys and
    ``without``, with the reconcile columns recomputed without that source, the full
    group's values as ``full_<column>`` and ``changed`` (True when the verdict or the
    stated range moves).  A group with one source is reported with ``claims == 0``
    rows removed (nothing is left to reconcile).
    """
    by = _by_list(by)
    sources = options.get("sources")
    frame = select(claims, by, **options)
    full = reconcile_frame(frame, by, strategy=strategy, sources=sources, check=False)
    codes, labels = group_codes(frame, by)
    agents = agents_of(frame, sources)
    # distinct (group, agent) pairs
    key = codes[agents.claim] * np.int64(len(agents.names)) + agents.code
    pairs = np.unique(key)
    p_group, p_agent = np.divmod(pairs, np.int64(len(agents.names)))
    k = np.bincount(codes, minlength=len(labels))
    order = np.argsort(codes, kind="stable")
    start = np.cumsum(k) - k
    # each pair takes every claim of its group ...
    rep = k[p_group]
    pair_of = np.repeat(np.arange(len(pairs)), rep)
    within = np.arange(rep.sum()) - np.repeat(np.cumsum(rep) - rep, rep)
    claim = order[np.repeat(start[p_group], rep) + within]
    # ... except the claims the left-out agent made
    made = np.isin(
        claim * np.int64(len(agents.names)) + p_agent[pair_of],
        agents.claim * np.int64(len(agents.names)) + agents.code,
    )
    pair_of, claim = pair_of[~made], claim[~made]
    expanded = frame.iloc[claim].assign(without=agents.names[p_agent[pair_of]])
    result = reconcile_frame(
        expanded, [*by, "without"], strategy=strategy, sources=sources, check=False
    )
    base = full.reindex(result.index.droplevel("without"))
    for col in COMPARED:
        result[f"full_{col}"] = base[col].to_numpy()
    changed = (
        (result["verdict"].astype(str).to_numpy() != base["verdict"].astype(str).to_numpy())
        | ~np.isclose(result["stated_low"], base["stated_low"], equal_nan=True)
        | ~np.isclose(result["stated_high"], base["stated_high"], equal_nan=True)
    )
    result["changed"] = changed
    return result
