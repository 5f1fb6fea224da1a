"""Disagreements: every pair of claims within a group, and sources against sources.

Pairwise by nature, but vectorised: pairs are generated with integer arithmetic
(no Python loop), compared column-wise, and bounded by a *pair budget*
(``max_pairs``, default one million) so a table of many claims per group fails fast
with a clear :class:`~estimates.PairBudgetError` instead of exhausting memory.

Columns of :func:`disagreements`
--------------------------------
by keys
    The group.
claim_a, claim_b
    Row labels of the two claims in the claims table (``a`` is the earlier row).
source_a, source_b, text_a, text_b, stated_a, stated_b
    Who said each, what they said, and the last day they may have said it.
low_a, high_a, low_b, high_b
    The two intervals, in the group's unit.
relation
    ``equal``, ``nested`` (one holds the other), ``overlapping``, ``touching``
    (exactly one value in common) or ``disjoint`` — closedness respected.
conflict
    True for disjoint pairs.
gap
    The distance between disjoint intervals (0 when they meet).
overlap
    Jaccard share: length of the intersection over length of the union (1 for the
    same point, NaN when the union is unbounded).
ratio
    Larger over smaller central value (best, else midpoint, else the stated bound):
    ``5.0`` reads "five times higher".  NaN when a centre is missing or not positive.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._model.errors import PairBudgetError
from .._model.sources import SourceBook
from .comparability import harmonise_units
from .reconcile import _by_list, group_codes, select
from .sources import canonical_cells

if TYPE_CHECKING:  # pragma: no cover
    from .._table.claims import Claims

__all__ = ["RELATIONS", "by_source", "disagreements", "pair_indices", "relations"]

#: The relations of two intervals, in the order of their codes.
RELATIONS = ("equal", "nested", "overlapping", "touching", "disjoint")

DEFAULT_MAX_PAIRS = 1_000_000


def pair_indices(group: np.ndarray, ngroups: int, max_pairs: int) -> tuple[np.ndarray, np.ndarray]:
    """Row positions ``(a, b)`` of every pair of rows within the same group (a < b).

    Raises
    ------
    PairBudgetError
        When the pairs would exceed ``max_pairs``.
    """
    order = np.argsort(group, kind="stable")
    k = np.bincount(group, minlength=ngroups).astype(np.int64)
    total = int((k * (k - 1) // 2).sum())
    if total > max_pairs:
        raise PairBudgetError(total, max_pairs)
    if total == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    end = np.cumsum(k)
    pos = np.arange(len(group), dtype=np.int64)  # positions in sorted order
    later = np.repeat(end, k) - pos - 1  # how many rows of its group come after
    a_sorted = np.repeat(pos, later)
    first = np.cumsum(later) - later
    b_sorted = a_sorted + 1 + (np.arange(total, dtype=np.int64) - np.repeat(first, later))
    a, b = order[a_sorted], order[b_sorted]
    swap = a > b
    a[swap], b[swap] = b[swap], a[swap]
    return a, b


def relations(
    lo_a: np.ndarray,
    hi_a: np.ndarray,
    lca: np.ndarray,
    hca: np.ndarray,
    lo_b: np.ndarray,
    hi_b: np.ndarray,
    lcb: np.ndarray,
    hcb: np.ndarray,
) -> dict[str, np.ndarray]:
    """Relation, gap and overlap share of interval pairs, column-wise."""
    lo = np.maximum(lo_a, lo_b)
    lc = np.where(lo_a > lo_b, lca, np.where(lo_b > lo_a, lcb, lca & lcb))
    hi = np.minimum(hi_a, hi_b)
    hc = np.where(hi_a < hi_b, hca, np.where(hi_b < hi_a, hcb, hca & hcb))
    meet = (lo < hi) | ((lo == hi) & lc & hc)
    equal = (lo_a == lo_b) & (hi_a == hi_b) & (lca == lcb) & (hca == hcb)

    def holds(l1, h1, c1l, c1h, l2, h2, c2l, c2h):
        left = (l1 < l2) | ((l1 == l2) & (c1l | ~c2l))
        right = (h1 > h2) | ((h1 == h2) & (c1h | ~c2h))
        return left & right

    nested = holds(lo_a, hi_a, lca, hca, lo_b, hi_b, lcb, hcb) | holds(
        lo_b, hi_b, lcb, hcb, lo_a, hi_a, lca, hca
    )
    touching = meet & (lo == hi) & ~nested
    # codes into RELATIONS: equal, nested, overlapping, touching, disjoint
    relation = np.full(len(lo), 2, dtype=np.int8)
    relation[touching] = 3
    relation[nested] = 1
    relation[~meet] = 4
    relation[equal] = 0
    with np.errstate(invalid="ignore"):
        gap = np.where(meet, 0.0, np.maximum(lo_a - hi_b, lo_b - hi_a))
        inter = np.where(meet, hi - lo, 0.0)
        union = np.maximum(hi_a, hi_b) - np.minimum(lo_a, lo_b)
        overlap = np.where(union == 0, 1.0, np.where(np.isinf(union), np.nan, inter / union))
    return {"relation": relation, "conflict": ~meet, "gap": gap, "overlap": overlap}


def _centres(low: np.ndarray, high: np.ndarray, best: np.ndarray) -> np.ndarray:
    mid = np.where(
        np.isfinite(low) & np.isfinite(high),
        (low + high) / 2,
        np.where(np.isfinite(low), low, np.where(np.isfinite(high), high, np.nan)),
    )
    return np.where(np.isnan(best), mid, best)


def disagreements(
    claims: Claims,
    by: str | Sequence[str] = "quantity",
    *,
    max_pairs: int = DEFAULT_MAX_PAIRS,
    only_conflicts: bool = False,
    sources: SourceBook | None = None,
    **options: Any,
) -> pd.DataFrame:
    """One row per pair of claims within a group (see the module documentation).

    Parameters
    ----------
    claims : Claims
    by : str or list of str
        Grouping columns, as for ``reconcile``.
    max_pairs : int
        The pair budget: more pairs raise :class:`~estimates.PairBudgetError`.
    only_conflicts : bool
        Keep only disjoint pairs.
    sources : SourceBook, optional
        Aliases applied to the source columns.
    **options
        ``as_of``, ``window``, ``latest_per_source``, ``exclude_kinds``, ``dedupe``:
        the claim selection of ``reconcile``.
    """
    by = _by_list(by)
    frame = select(claims, by, sources=sources, **options)
    codes, labels = group_codes(frame, by)
    a, b = pair_indices(codes, len(labels), max_pairs)
    factor, _unit = harmonise_units(frame["unit"], codes, len(labels), labels)
    f = np.ones(len(frame)) if factor is None else factor
    low = frame["low"].to_numpy(dtype="float64") * f
    high = frame["high"].to_numpy(dtype="float64") * f
    best = frame["best"].to_numpy(dtype="float64") * f
    lc = frame["low_closed"].to_numpy(dtype=bool)
    hc = frame["high_closed"].to_numpy(dtype=bool)
    rel = relations(low[a], high[a], lc[a], hc[a], low[b], high[b], lc[b], hc[b])
    centre = _centres(low, high, best)
    ca, cb = centre[a], centre[b]
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        ratio = np.where((ca > 0) & (cb > 0), np.maximum(ca, cb) / np.minimum(ca, cb), np.nan)
    src_codes, src_names = pd.factorize(canonical_cells(frame, sources))
    text_codes, text_values = pd.factorize(frame["text"], use_na_sentinel=True)
    out: dict[str, Any] = {}
    group_of_pair = codes[a]
    for i, name in enumerate(by):
        if isinstance(labels, pd.MultiIndex):
            lvl_codes = labels.codes[i][group_of_pair]
            out[name] = pd.Categorical.from_codes(lvl_codes, labels.levels[i])
        else:
            out[name] = (
                pd.Categorical.from_codes(group_of_pair, labels.unique())
                if labels.is_unique
                else labels.take(group_of_pair)
            )
    idx = frame.index.to_numpy()
    stated = frame["stated_end"].to_numpy()
    out.update(
        claim_a=idx[a],
        claim_b=idx[b],
        source_a=pd.Categorical.from_codes(src_codes[a], src_names),
        source_b=pd.Categorical.from_codes(src_codes[b], src_names),
        text_a=pd.Categorical.from_codes(text_codes[a], text_values),
        text_b=pd.Categorical.from_codes(text_codes[b], text_values),
        stated_a=stated[a],
        stated_b=stated[b],
        low_a=low[a],
        high_a=high[a],
        low_b=low[b],
        high_b=high[b],
        relation=pd.Categorical.from_codes(rel["relation"], RELATIONS),
        conflict=rel["conflict"],
        gap=rel["gap"],
        overlap=rel["overlap"],
        ratio=ratio,
    )
    result = pd.DataFrame(out, copy=False)
    if only_conflicts:
        result = result[result["conflict"].to_numpy()].reset_index(drop=True)
    return result


def by_source(
    claims: Claims,
    by: str | Sequence[str] = "quantity",
    *,
    wide: bool = False,
    max_pairs: int = DEFAULT_MAX_PAIRS,
    sources: SourceBook | None = None,
    **options: Any,
) -> pd.DataFrame:
    """How often, and how far, each pair of sources disagree.

    One row per ordered pair of agents (``source``, ``other``) that made claims on a
    same group (a joint claim counts for each of its agents): ``pairs`` compared,
    ``conflicts`` (disjoint pairs), ``share`` (conflicts / pairs), ``median_ratio``
    and ``max_gap``.  ``wide=True`` returns the source x source matrix of ``share``.
    """
    by = _by_list(by)
    pairs = disagreements(claims, by, max_pairs=max_pairs, sources=sources, **options)
    cols = ["source", "other", "pairs", "conflicts", "share", "median_ratio", "max_gap"]
    if pairs.empty:
        empty = pd.DataFrame(columns=cols).set_index(["source", "other"])
        return empty if not wide else pd.DataFrame()
    sa = pairs["source_a"].astype(str).str.split("; ")
    sb = pairs["source_b"].astype(str).str.split("; ")
    long = pd.DataFrame(
        {
            "a": sa,
            "b": sb,
            "conflict": pairs["conflict"],
            "ratio": pairs["ratio"],
            "gap": pairs["gap"],
        }
    )
    long = long.explode("a").explode("b")
    both = pd.concat([long, long.rename(columns={"a": "b", "b": "a"})], ignore_index=True)
    both = both[both["a"] != both["b"]]
    g = both.groupby(["a", "b"], sort=True)
    out = pd.DataFrame(
        {
            "pairs": g.size(),
            "conflicts": g["conflict"].sum().astype("int64"),
            "median_ratio": g["ratio"].median(),
            "max_gap": g["gap"].max(),
        }
    )
    out["share"] = out["conflicts"] / out["pairs"]
    out.index.names = ["source", "other"]
    out = out[cols[2:]]
    if wide:
        return out["share"].unstack("other")
    return out
