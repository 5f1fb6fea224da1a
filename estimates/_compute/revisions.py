"""Revisions: a source's successive figures on one quantity, with change and direction.

Two claims of one group by the same source (its ``source`` cell after the source
book's aliases) are a *revision*, not a disagreement: a police force that says 8,000
at noon and 12,000 in the evening has updated its count.  :func:`revisions` lists, per
group and source, every dated claim in order of statement, each with its predecessor.

Columns
-------
by keys, source
    The group and the source (aliases applied).
revision
    1 for the source's first claim on the group, 2 for the next ...; ``revisions``
    is how many claims the source made on the group.
claim, stated, text, hedge, low, high, best
    The claim (row label), when it was stated and what it said (in the group's unit).
previous_claim, previous_stated, previous_text, previous_low, previous_high, previous_best
    The source's previous claim on the group (missing for the first).
change
    ``best - previous_best`` when both claims state a central value, else NaN (no
    central value is invented for a range or a bound).
direction
    ``first``; ``up`` (neither end went down, one went up), ``down`` (the reverse),
    ``same`` (the same interval), ``narrower``, ``wider`` or ``shifted`` (one end up,
    the other down: "between 10,000 and 12,000" after "up to 15,000" is narrower).
decrease
    For quantities marked ``cumulative`` (a running total cannot fall), True where the
    upper end fell below the previous claim's: a correction, or a different scope.

Claims without a statement date cannot be ordered and are left out.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .._model.sources import SourceBook
from .comparability import converted
from .compare import or_none, source_codes
from .reconcile import cumulative_rows, group_codes
from .selection import by_list

__all__ = ["DIRECTIONS", "revisions"]

#: Values of the ``direction`` column.
DIRECTIONS = ("first", "up", "down", "same", "narrower", "wider", "shifted")


def revisions(
    frame: pd.DataFrame,
    by: str | Sequence[str] = "quantity",
    *,
    sources: SourceBook | None = None,
    unit: str | None = None,
    cumulative: bool | Sequence[str] = False,
    first: bool = True,
) -> pd.DataFrame:
    """Each source's successive figures per group (frames in, frame out).

    Parameters
    ----------
    frame : DataFrame
        Selected claims (see :class:`~estimates._compute.selection.Selection`).
    by : str or list of str
        Grouping columns.
    sources : SourceBook, optional
        Aliases: "UK Ministry of Defence" and "UK MoD" are one source.
    unit : str, optional
        Convert every group to this unit.
    cumulative : bool or list of str
        Quantities that are running totals: their decreases are flagged.
    first : bool
        Keep each source's first claim (``direction == "first"``); False keeps only
        the updates.  Sources with a single dated claim on a group are never listed.
    """
    by = by_list(by)
    codes, labels = group_codes(frame, by)
    ngroups = len(labels)
    low, high, best, group_unit = converted(frame, codes, ngroups, labels, unit)
    src, names = source_codes(frame, sources)
    stated = frame["stated_end"].to_numpy(dtype="datetime64[ns]")
    dated = ~np.isnat(stated)
    rows = np.flatnonzero(dated)
    order = rows[np.lexsort((rows, stated[rows], src[rows], codes[rows]))]
    g, s = codes[order], src[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = (g[1:] != g[:-1]) | (s[1:] != s[:-1])
    run = np.cumsum(new) - 1
    run_len = np.bincount(run) if len(run) else np.zeros(0, dtype=np.int64)
    keep = run_len[run] > 1 if len(run) else np.zeros(0, dtype=bool)
    start = np.flatnonzero(new)
    number = np.arange(len(order)) - start[run] + 1
    prev = np.where(new, -1, np.roll(order, 1))
    has_prev = prev >= 0
    p = np.maximum(prev, 0)
    lo, hi, be = low[order], high[order], best[order]
    plo, phi, pbe = low[p], high[p], best[p]
    with np.errstate(invalid="ignore"):
        same = (lo == plo) & (hi == phi)
        up = (lo >= plo) & (hi >= phi) & ~same
        down = (lo <= plo) & (hi <= phi) & ~same
        narrower = (lo >= plo) & (hi <= phi) & ~same
        wider = (lo <= plo) & (hi >= phi) & ~same
    direction = np.select(
        [~has_prev, same, up, down, narrower, wider],
        ["first", "same", "up", "down", "narrower", "wider"],
        "shifted",
    )
    cum = cumulative_rows(frame, cumulative)[order]
    idx = frame.index.to_numpy()
    text = frame["text"].to_numpy(dtype=object)
    hedge = frame["hedge"].astype(object).to_numpy()
    nat = np.datetime64("NaT", "ns")
    out: dict[str, object] = {}
    key_rows = order
    for i, name in enumerate(by):
        level = labels.get_level_values(i) if isinstance(labels, pd.MultiIndex) else labels
        out[name] = level.take(codes[key_rows]).to_numpy()
    with np.errstate(invalid="ignore"):
        change = np.where(has_prev, be - pbe, np.nan)
    out.update(
        source=names[src[order]],
        revision=number,
        revisions=run_len[run] if len(run) else np.zeros(0, dtype=np.int64),
        claim=idx[order],
        stated=stated[order],
        text=text[order],
        hedge=hedge[order],
        low=lo,
        high=hi,
        best=be,
        unit=group_unit[codes[order]],
        previous_claim=or_none(has_prev, idx[p]),
        previous_stated=np.where(has_prev, stated[p], nat),
        previous_text=or_none(has_prev, text[p]),
        previous_low=np.where(has_prev, plo, np.nan),
        previous_high=np.where(has_prev, phi, np.nan),
        previous_best=np.where(has_prev, pbe, np.nan),
        change=change,
        direction=pd.Categorical(direction, categories=DIRECTIONS),
        decrease=cum & has_prev & (hi < phi),
    )
    result = pd.DataFrame(out)
    mask = keep if first else keep & has_prev
    return result[mask].reset_index(drop=True)
