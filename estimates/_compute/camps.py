"""Who stands apart, and the camps: the shape of a disagreement, as data.

Two questions about a group in conflict, answered on its comparison set (each
source's latest claim of the same time; see :mod:`estimates._compute.compare`):

Stands apart (leave-one-source-out)
    A source *stands apart* when leaving it out resolves every conflict of its group
    (tensions aside): every conflicting pair involves it.  With two claims in conflict
    either could be left out, so neither stands apart.  Found without listing pairs or
    sorting: leaving a claim out resolves every conflict when the other claims (widened
    by their rounding) meet pairwise, that is (intervals on a line) when the largest low
    of the others is at most their smallest high, read from each group's two largest
    lows and two smallest highs; a claim stands apart when it is the only such claim.  Its
    largest gap is measured between stated numbers (never a conventional edge or an
    invented midpoint); ``gap_open`` says the gap is a lower bound, because a facing
    number is a bound ("more than 50,000", "up to 12,000", a range's end).

Camps
    When no single source stands apart, the claims split into *camps*: runs of claims,
    in the order of the number line, chosen so that claims within a camp are
    compatible (they meet, or are only in tension) and claims of different camps are
    not, with as few exceptions as possible (correlation clustering restricted to
    runs of the ordered claims, solved exactly by dynamic programming; among equally
    good splits, the one with the fewest camps).  Each camp has a range (the hull of
    its claims) and its sources.  The dynamic programme is quadratic in a group's
    compared claims; groups of more than :data:`MAX_CAMP_CLAIMS` are split at the
    gaps between overlapping runs instead (linear after a sort).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from .compare import hard_pairs, or_none, tolerances

__all__ = ["MAX_CAMP_CLAIMS", "camp_segments", "stands_apart", "stated_numbers"]

#: Groups with more compared claims than this get camps from overlapping runs.
MAX_CAMP_CLAIMS = 200

_EXACT, _APPROX, _NEARLY, _MORE, _AT_LEAST, _LESS, _AT_MOST, _UP_TO, _RANGE, _MAG = range(10)
# Which of (low, best, high, none) holds a claim's smallest / largest stated number.
_STATED_MIN = np.array([1, 1, 2, 0, 0, 2, 2, 2, 0, 3], dtype=np.int8)
_STATED_MAX = np.array([1, 1, 2, 0, 0, 2, 2, 2, 2, 3], dtype=np.int8)
_CENTRAL = np.zeros(10, dtype=bool)
_CENTRAL[[_EXACT, _APPROX]] = True


def stated_numbers(
    low: np.ndarray, high: np.ndarray, best: np.ndarray, hedge: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Each claim's smallest and largest *stated* number (NaN for vague magnitudes).

    The bound of "up to 12,000" is stated, its floor of 0 is not; "about 15,000"
    states 15,000, not its conventional edges.
    """

    def pick(which: np.ndarray) -> np.ndarray:
        out = np.where(
            which == 0, low, np.where(which == 1, best, np.where(which == 2, high, np.nan))
        )
        return np.where(np.isinf(out), np.nan, out)

    return pick(_STATED_MIN[hedge]), pick(_STATED_MAX[hedge])


def stands_apart(
    g: np.ndarray,
    ngroups: int,
    low: np.ndarray,
    high: np.ndarray,
    best: np.ndarray,
    hedge: np.ndarray,
    conflicts: np.ndarray,
    source: np.ndarray | Callable[[np.ndarray], np.ndarray],
    *,
    widened: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
) -> dict[str, np.ndarray]:
    """Per group, the claim whose source stands apart (see the module notes).

    Parameters
    ----------
    g : int array
        Group code of each compared claim.
    low, high, best, hedge : arrays
        The compared claims (in the group's unit; hedge codes).
    conflicts : int array
        Per group, its conflicts (disjoint pairs beyond tension).
    source : array of str, or a function of positions
        Each compared claim's source cell (a function is asked only for the claims
        that stand apart).
    widened : (int array, float array, float array), optional
        Positions of claims (among the compared ones) that include every claim of
        the groups in conflict, and their low and high widened by their rounding
        (:func:`~estimates._compute.compare.tolerances`), when already computed;
        else computed here.

    Returns
    -------
    dict of arrays, one entry per group
        ``claim`` (position among the compared claims, -1 when none stands apart),
        ``source``, ``gap`` (between stated numbers; NaN when a facing claim states
        none), ``gap_open`` (the gap is a lower bound), ``direction`` (``"above"`` or
        ``"below"`` the others) and ``candidates`` (claims whose removal resolves every
        conflict: 2 for a lone conflicting pair).
    """
    claim = np.full(ngroups, -1, dtype=np.int64)
    out: dict[str, np.ndarray] = {
        "claim": claim,
        "source": np.full(ngroups, None, dtype=object),
        "gap": np.full(ngroups, np.nan),
        "gap_open": np.zeros(ngroups, dtype=bool),
        "direction": np.full(ngroups, None, dtype=object),
        "candidates": np.zeros(ngroups, dtype=np.int64),
    }
    if not (conflicts > 0).any():
        return out
    if widened is None:
        rows = np.flatnonzero(conflicts[g] > 0)
        gr = g[rows]
        tol_lo, tol_hi = tolerances(hedge[rows], low[rows], high[rows], best[rows])
        lo_w, hi_w = low[rows] - tol_lo, high[rows] + tol_hi
        del tol_lo, tol_hi
    else:
        rows = widened[0]
        gr = g[rows]
        sel = conflicts[gr] > 0
        rows, gr, lo_w, hi_w = rows[sel], gr[sel], widened[1][sel], widened[2][sel]
        del sel
    ncand, j_local = _candidates(gr, ngroups, lo_w, hi_w)
    out["candidates"] = ncand
    has = j_local >= 0
    if not has.any():
        return out
    # Only the groups with a claim apart are read further.
    sub = np.flatnonzero(has[gr])
    rows, gr, lo_w, hi_w = rows[sub], gr[sub], lo_w[sub], hi_w[sub]
    j_local = np.where(has, np.searchsorted(sub, np.maximum(j_local, 0)), -1)
    del sub
    claim[has] = rows[j_local[has]]
    picked = claim[has]
    out["source"][has] = source(picked) if callable(source) else source[picked]
    # direction: above when more of its conflicting partners lie below it
    jl0 = j_local[gr]
    below_j = hi_w < lo_w[jl0]  # partner i below the apart claim j
    above_j = lo_w > hi_w[jl0]
    n_below = np.bincount(gr, weights=below_j, minlength=ngroups)
    n_above = np.bincount(gr, weights=above_j, minlength=ngroups)
    is_up = n_below >= n_above
    smin, smax = stated_numbers(low[rows], high[rows], best[rows], hedge[rows])
    central = _CENTRAL[hedge[rows]]
    up_rows = below_j & is_up[gr]
    down_rows = above_j & ~is_up[gr]
    # j above: gap = j's smallest stated number - the smallest largest-number below it
    far_low = np.full(ngroups, np.inf)
    np.fmin.at(far_low, gr[up_rows], smax[up_rows])
    far_high = np.full(ngroups, -np.inf)
    np.fmax.at(far_high, gr[down_rows], smin[down_rows])
    jpos = np.maximum(j_local, 0)
    with np.errstate(invalid="ignore"):
        gap = np.where(is_up, smin[jpos] - far_low, far_high - smax[jpos])
    gap = np.where(has & np.isfinite(gap), gap, np.nan)
    out["gap"] = gap
    out["direction"] = or_none(has, np.where(is_up, "above", "below"))
    # open: j's facing number, or every partner at the far end, is a bound
    far = np.where(is_up, far_low, far_high)
    extreme = (up_rows & (smax == far[gr])) | (down_rows & (smin == far[gr]))
    n_ext = np.bincount(gr, weights=extreme, minlength=ngroups)
    n_ext_bound = np.bincount(gr, weights=extreme & ~central, minlength=ngroups)
    partner_open = (n_ext > 0) & (n_ext_bound == n_ext)
    out["gap_open"] = has & np.isfinite(gap) & (~central[jpos] | partner_open)
    return out


def _candidates(
    gr: np.ndarray, ngroups: int, lo: np.ndarray, hi: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per group: how many claims resolve every conflict when left out, and the
    position of the claim when it is the only one (-1 otherwise).

    A claim resolves every conflict when it is in every disjoint pair of closed
    ``[lo, hi]`` of its group.  The others then meet pairwise, which for intervals on
    a line (Helly) means they share a point: the largest low of the others is at most
    their smallest high.  With ``T``/``S`` the largest and runner-up low and ``B``/``C``
    the smallest and runner-up high of a group, the others' largest low is ``S`` for
    the claim that alone holds ``T`` and ``T`` for every other claim (likewise for the
    highs).  So when ``T <= B`` every claim resolves, and otherwise only the claim
    alone at ``T`` and the claim alone at ``B`` can: per group maxima and runners-up,
    no sort and no pair.  NaN bounds fall back to counting each claim's disjoint
    partners (:func:`~estimates._compute.compare.hard_pairs`).
    """
    if np.isnan(lo).any() or np.isnan(hi).any():
        counts, per = hard_pairs(gr, ngroups, lo, hi, per_claim=True)
        assert per is not None
        cand = per == counts[gr]
        ncand = np.bincount(gr[cand], minlength=ngroups).astype(np.int64)
        j_local = np.full(ngroups, -1, dtype=np.int64)
        pick = cand & (ncand[gr] == 1)
        j_local[gr[pick]] = np.flatnonzero(pick)
        return ncand, j_local
    top, top_at = _top_two(gr, ngroups, lo)
    neg_bottom, bottom_at = _top_two(gr, ngroups, -hi)
    t, s = top
    b, c = -neg_bottom[0], -neg_bottom[1]
    k = np.bincount(gr, minlength=ngroups)
    ia, ib = top_at, bottom_at  # the claim alone at T (at B), else -1
    same = (ia >= 0) & (ia == ib)
    with np.errstate(invalid="ignore"):
        meet = t <= b
        a_ok = (ia >= 0) & (s <= np.where(same, c, b))
        b_ok = (ib >= 0) & (np.where(same, s, t) <= c)
    b_ok &= ~same  # one claim, counted once (a_ok and b_ok agree then)
    ncand = np.where(meet, k, a_ok.astype(np.int64) + b_ok)
    only = np.where(a_ok, ia, ib)
    one = np.where(meet, k == 1, ncand == 1)
    # a lone claim of its group resolves (nothing to resolve): it is at T and at B
    j_local = np.where(one, only, -1)
    return ncand.astype(np.int64), j_local.astype(np.int64)


def _top_two(
    g: np.ndarray, ngroups: int, x: np.ndarray
) -> tuple[tuple[np.ndarray, np.ndarray], np.ndarray]:
    """Per group, the largest ``x`` and the runner-up (the largest of the other rows:
    equal to the largest when it is tied; -inf when none), and the row alone at the
    largest (-1 when tied)."""
    top = np.full(ngroups, -np.inf)
    np.maximum.at(top, g, x)
    at_top = x == top[g]
    ntop = np.bincount(g[at_top], minlength=ngroups)
    second = np.full(ngroups, -np.inf)
    rest = ~at_top
    np.maximum.at(second, g[rest], x[rest])
    second = np.where(ntop > 1, top, second)
    alone = np.full(ngroups, -1, dtype=np.int64)
    lone = np.flatnonzero(at_top)
    lone = lone[ntop[g[lone]] == 1]
    alone[g[lone]] = lone
    return (top, second), alone


def camp_segments(
    low: np.ndarray,
    high: np.ndarray,
    best: np.ndarray,
    hedge: np.ndarray,
) -> np.ndarray:
    """Camp number (0, 1, ...) of each claim of ONE group, in the order of the line.

    See the module notes; claims are ordered by (low, high).
    """
    k = len(low)
    if k == 0:
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((high, low))
    tol_lo, tol_hi = tolerances(hedge, low, high, best)
    lo_w = (low - tol_lo)[order]
    hi_w = (high + tol_hi)[order]
    camp_sorted = _dp_segments(lo_w, hi_w) if k <= MAX_CAMP_CLAIMS else _overlap_runs(lo_w, hi_w)
    camp = np.empty(k, dtype=np.int64)
    camp[order] = camp_sorted
    return camp


def _dp_segments(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Exact best split of ordered claims into runs (correlation clustering on a line)."""
    k = len(lo)
    compat = ~((hi[:, None] < lo[None, :]) | (hi[None, :] < lo[:, None]))
    s = np.where(compat, 1, -1).astype(np.int64)
    np.fill_diagonal(s, 0)
    s = np.triu(s)
    # score(a, b) = sum of s[i, j] for a <= i < j <= b, from 2-D prefix sums
    p = np.zeros((k + 1, k + 1), dtype=np.int64)
    p[1:, 1:] = s.cumsum(0).cumsum(1)

    def score(a: int, b: int) -> int:  # claims a .. b-1
        return int(p[b, b] - p[a, b] - p[b, a] + p[a, a])

    best = [(0, 0)] + [(-(10**18), 0)] * k  # (score, -camps): larger is better
    cut = [0] * (k + 1)
    for b in range(1, k + 1):
        for a in range(b):
            cand = (best[a][0] + score(a, b), best[a][1] - 1)
            if cand > best[b]:
                best[b], cut[b] = cand, a
    camp = np.zeros(k, dtype=np.int64)
    bounds = []
    b = k
    while b > 0:
        bounds.append((cut[b], b))
        b = cut[b]
    for c, (a, b) in enumerate(reversed(bounds)):
        camp[a:b] = c
    return camp


def _overlap_runs(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Runs of ordered claims that chain by overlap (a new run after each gap)."""
    reach = np.maximum.accumulate(hi)
    new = np.zeros(len(lo), dtype=bool)
    new[1:] = lo[1:] > reach[:-1]
    return np.cumsum(new).astype(np.int64)


def camps_table(
    frame: pd.DataFrame,
    by: Sequence[str],
    codes: np.ndarray,
    labels: pd.Index,
    low: np.ndarray,
    high: np.ndarray,
    best: np.ndarray,
    hedge: np.ndarray,
    source: np.ndarray,
    conflicts: np.ndarray,
) -> pd.DataFrame:
    """One row per camp of every group in conflict (the columns of ``Claims.camps``)."""
    rows: list[dict[str, object]] = []
    lc = frame["low_closed"].to_numpy(dtype=bool)
    hc = frame["high_closed"].to_numpy(dtype=bool)
    idx = frame.index.to_numpy()
    text = frame["text"].to_numpy(dtype=object)
    smin, smax = stated_numbers(low, high, best, hedge)
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(labels) + 1))
    # one pass per group in conflict: bounded by MAX_CAMP_CLAIMS squared each
    for gi in np.flatnonzero(conflicts > 0):
        members = order[bounds[gi] : bounds[gi + 1]]
        camp = camp_segments(low[members], high[members], best[members], hedge[members])
        key = labels[int(gi)]
        keys = key if isinstance(key, tuple) else (key,)
        for c in range(int(camp.max()) + 1):
            m = members[camp == c]
            m = m[np.lexsort((high[m], low[m]))]  # in the order of the line
            i_lo = m[np.lexsort((~lc[m], low[m]))[0]]
            i_hi = m[np.lexsort((hc[m], high[m]))[-1]]
            rows.append(
                {
                    **dict(zip(by, keys, strict=True)),
                    "camp": c + 1,
                    "camps": int(camp.max()) + 1,
                    "low": float(low[i_lo]),
                    "high": float(high[i_hi]),
                    "low_closed": bool(lc[i_lo]),
                    "high_closed": bool(hc[i_hi]),
                    "stated_low": float(np.nanmin(smin[m]))
                    if np.isfinite(smin[m]).any()
                    else np.nan,
                    "stated_high": float(np.nanmax(smax[m]))
                    if np.isfinite(smax[m]).any()
                    else np.nan,
                    "claims": len(m),
                    "sources": "; ".join(dict.fromkeys(str(s) for s in source[m])),
                    "source_list": [str(s) for s in dict.fromkeys(source[m])],
                    "claim_ids": idx[m].tolist(),
                    "texts": [None if t is None or t is pd.NA else str(t) for t in text[m]],
                }
            )
    cols = [
        *by,
        "camp",
        "camps",
        "low",
        "high",
        "low_closed",
        "high_closed",
        "stated_low",
        "stated_high",
        "claims",
        "sources",
        "source_list",
        "claim_ids",
        "texts",
    ]
    return pd.DataFrame(rows, columns=cols)


def camps(
    frame: pd.DataFrame,
    by: str | Sequence[str] = "quantity",
    *,
    sources: object | None = None,
    unit: str | None = None,
    compare_within: object = "auto",
    stacklevel: int = 5,
) -> pd.DataFrame:
    """The camps of every group in conflict, on its comparison set (frames in and out).

    ``frame`` holds the selected claims (see :class:`~estimates._compute.selection.
    Selection`).  Groups without conflicts have no rows.  See ``Claims.camps``.
    """
    from .comparability import converted
    from .compare import comparison_set, source_codes, warn_out_of_window
    from .reconcile import AUTO, group_codes, hedge_codes
    from .selection import DEFAULT_COMPARE_WITHIN, Comparison, by_list

    by = by_list(by)
    auto = isinstance(compare_within, str) and compare_within == AUTO
    span = (
        DEFAULT_COMPARE_WITHIN if auto else Comparison(compare_within=compare_within).span  # type: ignore[arg-type]
    )
    codes, labels = group_codes(frame, by)
    ngroups = len(labels)
    if ngroups == 0:
        return camps_table(
            frame,
            by,
            codes,
            labels,
            *(np.zeros(0),) * 3,
            np.zeros(0, dtype=np.int64),
            np.zeros(0, dtype=object),
            np.zeros(0, dtype=np.int64),
        )
    all_low, all_high, all_best, _unit = converted(frame, codes, ngroups, labels, unit)
    src, names = source_codes(frame, sources)
    cs = comparison_set(frame, codes, ngroups, src, span)
    if auto and span is not None:
        warn_out_of_window(cs, codes, labels, span, stacklevel=stacklevel)
    sub = frame[cs.mask]
    g = codes[cs.mask]
    low, high, best = all_low[cs.mask], all_high[cs.mask], all_best[cs.mask]
    hedge = hedge_codes(sub["hedge"])
    tol_lo, tol_hi = tolerances(hedge, low, high, best)
    hard, _ = hard_pairs(g, ngroups, low - tol_lo, high + tol_hi)
    return camps_table(sub, by, g, labels, low, high, best, hedge, names[src[cs.mask]], hard)
