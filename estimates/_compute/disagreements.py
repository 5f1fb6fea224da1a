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
    (exactly one value in common) or ``disjoint`` — closedness respected; the
    geometry of the two intervals, whatever their sources and dates.
kind
    ``compared``: two sources on the same time; ``revision``: the same source (its
    ``source`` cell after aliases) updating its figure, never a disagreement;
    ``different_time``: stated further apart than ``compare_within`` (31 days by
    default) with no overlapping ``refers_to`` periods, so not compared.  Revisions are
    listed by default (``revisions=False`` leaves them out); see also
    ``Claims.revisions``.
conflict
    A compared pair that is disjoint beyond rounding (see
    :mod:`estimates._compute.compare`).
tension
    A compared pair that is disjoint only at a conventional edge or within the
    rounding of a round figure ("des milliers" against "20,000").
gap
    The distance between the two intervals (0 when they meet); may start at a
    conventional edge.
gap_stated, gap_open
    For disjoint pairs, the gap between the facing numbers the sources stated (NaN
    when a facing claim states none, such as "tens of thousands"); ``gap_open`` when
    it is a lower bound because a facing number is a floor, a ceiling or a range's
    end: "more than 50,000" exceeds "12,000" by *more than* 38,000.
overlap
    Jaccard share: length of the intersection over length of the union (1 for the
    same point, NaN when the union is unbounded).
ratio, ratio_is_bound
    Larger over smaller stated central value (exact or "about") of the two claims:
    ``5.0`` reads "five times higher".  For a disjoint pair without two central
    values, the ratio of the facing stated numbers, a lower bound
    (``ratio_is_bound``: "at least four times").  Otherwise NaN: no midpoint of a
    range, no floor of a ceiling and no edge of a vague magnitude is used.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._model.errors import PairBudgetError
from .._model.sources import SourceBook
from .camps import stated_numbers
from .comparability import converted
from .compare import source_codes, tolerances
from .reconcile import AUTO, _by_list, group_codes, hedge_codes
from .selection import DEFAULT_COMPARE_WITHIN, Comparison, Selection, as_frame, selection_of

__all__ = [
    "KINDS",
    "RELATIONS",
    "by_source",
    "disagreements",
    "pair_indices",
    "pair_ratio",
    "relations",
    "stated_gap",
]

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


#: What a pair of claims is to a reader, in the order of its codes.
KINDS = ("compared", "revision", "different_time")


def _facing(
    low: np.ndarray,
    high: np.ndarray,
    best: np.ndarray,
    hedge: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per pair, the upper claim's smallest and the lower claim's largest stated
    number (the numbers facing each other), and per claim whether it states a
    central value (exact or "about")."""
    smin, smax = stated_numbers(low, high, best, hedge)
    a_above = low[a] >= high[b]
    upper_min = np.where(a_above, smin[a], smin[b])
    lower_max = np.where(a_above, smax[b], smax[a])
    return upper_min, lower_max, (hedge == 0) | (hedge == 1)


def pair_ratio(
    low: np.ndarray,
    high: np.ndarray,
    best: np.ndarray,
    hedge: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    disjoint: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Larger over smaller stated number of each pair, and whether it is a bound.

    Two central values (exact, "about") give their ratio.  A disjoint pair otherwise
    gives the ratio of its facing stated numbers, a lower bound on how many times
    larger one is ("at least 4 times"), flagged in the second array.  Nothing else
    gives a ratio: no midpoint or conventional edge is ever used.
    """
    upper_min, lower_max, central = _facing(low, high, best, hedge, a, b)
    both = central[a] & central[b]
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        ba, bb = best[a], best[b]
        exact = np.where((ba > 0) & (bb > 0), np.maximum(ba, bb) / np.minimum(ba, bb), np.nan)
        bound = np.where(
            disjoint & (upper_min > 0) & (lower_max > 0), upper_min / lower_max, np.nan
        )
    ratio = np.where(both, exact, bound)
    is_bound = ~both & ~np.isnan(ratio)
    return ratio, is_bound


def stated_gap(
    low: np.ndarray,
    high: np.ndarray,
    best: np.ndarray,
    hedge: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    disjoint: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """The gap between the facing stated numbers of disjoint pairs, and whether it is
    a lower bound (a facing number is a floor, a ceiling or a range's end: "by more
    than 38,000").  NaN when a facing claim states no number (a vague magnitude)."""
    upper_min, lower_max, central = _facing(low, high, best, hedge, a, b)
    gap = np.where(disjoint, upper_min - lower_max, np.nan)
    gap = np.where(np.isfinite(gap), gap, np.nan)
    open_ = ~np.isnan(gap) & ~(central[a] & central[b])
    return gap, open_


def disagreements(
    claims: object,
    by: str | Sequence[str] = "quantity",
    *,
    selection: Selection | None = None,
    dedupe: bool = True,
    sources: SourceBook | None = None,
    unit: str | None = None,
    compare_within: str | pd.Timedelta | int | None = AUTO,
    revisions: bool = True,
    only_conflicts: bool = False,
    max_pairs: int = DEFAULT_MAX_PAIRS,
    stacklevel: int = 4,
) -> pd.DataFrame:
    """One row per pair of claims within a group (see the module documentation).

    ``claims`` is a claims frame (or table).  See :meth:`estimates.Claims.disagreements`
    for the arguments.
    """
    by = _by_list(by)
    sel = selection_of(selection, dedupe=dedupe, sources=sources)
    sources = sel.sources
    frame, _trace = sel.apply(as_frame(claims), by, stacklevel=stacklevel)
    auto = isinstance(compare_within, str) and compare_within == AUTO
    span = DEFAULT_COMPARE_WITHIN if auto else Comparison(compare_within=compare_within).span
    codes, labels = group_codes(frame, by)
    a, b = pair_indices(codes, len(labels), max_pairs)
    low, high, best, _unit = converted(frame, codes, len(labels), labels, unit)
    lc = frame["low_closed"].to_numpy(dtype=bool)
    hc = frame["high_closed"].to_numpy(dtype=bool)
    hedge = hedge_codes(frame["hedge"])
    rel = relations(low[a], high[a], lc[a], hc[a], low[b], high[b], lc[b], hc[b])
    disjoint = rel["conflict"]
    # tension: disjoint, but meeting once widened by rounding (open ends closed)
    tol_lo, tol_hi = tolerances(hedge, low, high, best)
    lo_w, hi_w = low - tol_lo, high + tol_hi
    hard = disjoint & ((hi_w[a] < lo_w[b]) | (hi_w[b] < lo_w[a]))
    # kind: a source's own update, claims of different times, or a comparison
    src, src_names = source_codes(frame, sources)
    stated = frame["stated_end"].to_numpy(dtype="datetime64[ns]")
    kind = np.zeros(len(a), dtype=np.int8)
    if span is not None:
        far = _apart_in_time(frame, stated, a, b, span)
        kind[far] = 2
    kind[src[a] == src[b]] = 1
    compared = kind == 0
    ratio, ratio_is_bound = pair_ratio(low, high, best, hedge, a, b, disjoint)
    gap_stated, gap_open = stated_gap(low, high, best, hedge, a, b, disjoint)
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
    names = pd.Index(src_names.astype(str))
    src_cats, src_idx = np.unique(names, return_inverse=True)
    out.update(
        claim_a=idx[a],
        claim_b=idx[b],
        source_a=pd.Categorical.from_codes(src_idx[src[a]], pd.Index(src_cats)),
        source_b=pd.Categorical.from_codes(src_idx[src[b]], pd.Index(src_cats)),
        text_a=pd.Categorical.from_codes(text_codes[a], text_values),
        text_b=pd.Categorical.from_codes(text_codes[b], text_values),
        stated_a=stated[a],
        stated_b=stated[b],
        low_a=low[a],
        high_a=high[a],
        low_b=low[b],
        high_b=high[b],
        relation=pd.Categorical.from_codes(rel["relation"], pd.Index(RELATIONS)),
        kind=pd.Categorical.from_codes(kind, pd.Index(KINDS)),
        conflict=hard & compared,
        tension=disjoint & ~hard & compared,
        gap=rel["gap"],
        gap_stated=gap_stated,
        gap_open=gap_open,
        overlap=rel["overlap"],
        ratio=ratio,
        ratio_is_bound=ratio_is_bound,
    )
    result = pd.DataFrame(out, copy=False)
    keep = np.ones(len(result), dtype=bool)
    if not revisions:
        keep &= kind != 1
    if only_conflicts:
        keep &= result["conflict"].to_numpy()
    if not keep.all():
        result = result[keep].reset_index(drop=True)
    return result


def _apart_in_time(
    frame: pd.DataFrame, stated: np.ndarray, a: np.ndarray, b: np.ndarray, span: pd.Timedelta
) -> np.ndarray:
    """Pairs stated further apart than ``span`` whose ``refers_to`` do not overlap."""
    s = stated.astype("datetime64[ns]").astype(np.int64)
    nat = np.iinfo(np.int64).min
    both = (s[a] != nat) & (s[b] != nat)
    far = both & (np.abs(s[a] - s[b]) > span.value)
    if far.any() and frame["refers_start"].notna().any():
        rs = frame["refers_start"].to_numpy(dtype="datetime64[ns]").astype(np.int64)
        re_ = frame["refers_end"].to_numpy(dtype="datetime64[ns]").astype(np.int64)
        has = (rs != nat) & (re_ != nat)
        overlap = has[a] & has[b] & (rs[a] <= re_[b]) & (rs[b] <= re_[a])
        far &= ~overlap
    return far


def by_source(
    claims: object,
    by: str | Sequence[str] = "quantity",
    *,
    selection: Selection | None = None,
    dedupe: bool = True,
    sources: SourceBook | None = None,
    unit: str | None = None,
    compare_within: str | pd.Timedelta | int | None = AUTO,
    wide: bool = False,
    max_pairs: int = DEFAULT_MAX_PAIRS,
    stacklevel: int = 4,
) -> pd.DataFrame:
    """How often, and how far, each pair of sources disagree.

    One row per ordered pair of agents (``source``, ``other``) that made claims on a
    same group of the same time (a joint claim counts for each of its agents; a
    source's own revisions and claims of different times are not compared):
    ``pairs`` compared, ``conflicts``, ``tensions``, ``share`` (conflicts / pairs),
    ``median_ratio`` (of stated central values only) and ``max_gap``.  ``wide=True``
    returns the source x source matrix of ``share``.
    """
    by = _by_list(by)
    pairs = disagreements(
        claims,
        by,
        selection=selection,
        dedupe=dedupe,
        sources=sources,
        unit=unit,
        compare_within=compare_within,
        max_pairs=max_pairs,
        stacklevel=stacklevel + 1,
    )
    pairs = pairs[(pairs["kind"] == "compared").to_numpy()]
    cols = [
        "source",
        "other",
        "pairs",
        "conflicts",
        "tensions",
        "share",
        "median_ratio",
        "max_gap",
    ]
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
            "tension": pairs["tension"],
            "ratio": pairs["ratio"].where(~pairs["ratio_is_bound"]),
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
            "tensions": g["tension"].sum().astype("int64"),
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
