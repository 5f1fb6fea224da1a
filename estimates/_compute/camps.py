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
    compared claims and runs for every group at once (groups of similar sizes are
    padded into one array; Python loops over claim positions, never over groups);
    groups of more than :data:`MAX_CAMP_CLAIMS` are split at the gaps between
    overlapping runs instead (linear after a sort).
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
        # (groups whose disjoint pairs are all tensions are left in, and dropped
        # below: the candidates are found group by group)
        rows, lo_w, hi_w = widened
        gr = g if len(rows) == len(g) else g[rows]
    ncand, j_local = _candidates(gr, ngroups, lo_w, hi_w)
    calm = conflicts <= 0
    ncand[calm] = 0
    j_local[calm] = -1
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
    np.maximum.at(second, g, np.where(at_top, -np.inf, x))  # the largest of the rest
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
    return camp_numbers(np.zeros(len(low), dtype=np.int64), 1, low, high, best, hedge)


def camp_numbers(
    g: np.ndarray,
    ngroups: int,
    low: np.ndarray,
    high: np.ndarray,
    best: np.ndarray,
    hedge: np.ndarray,
) -> np.ndarray:
    """Camp number (0, 1, ...) of each claim within its group, for every group at once.

    Claims are ordered by (group, low, high); each group is split as the module notes
    say: the exact dynamic programme for groups of at most :data:`MAX_CAMP_CLAIMS`
    claims, run for many groups at once (a loop over claim positions, never over
    groups), and overlapping runs for larger groups.
    """
    m = len(g)
    camp = np.zeros(m, dtype=np.int64)
    if m == 0:
        return camp
    g = g.astype(np.int64, copy=False)
    order = np.lexsort((high, low, g))
    tol_lo, tol_hi = tolerances(hedge, low, high, best)
    lo_w = (low - tol_lo)[order]
    hi_w = (high + tol_hi)[order]
    del tol_lo, tol_hi
    gs = g[order]
    k = np.bincount(gs, minlength=ngroups)
    seg = np.zeros(ngroups + 1, dtype=np.int64)
    np.cumsum(k, out=seg[1:])
    out = np.zeros(m, dtype=np.int64)
    big = k[gs] > MAX_CAMP_CLAIMS
    if big.any():
        rows = np.flatnonzero(big)
        out[rows] = _overlap_runs(gs[rows], lo_w[rows], hi_w[rows])
    # the dynamic programme, for groups of similar sizes at once (padded to a power
    # of two, in chunks of bounded memory): a loop over sizes and claim positions
    small = np.flatnonzero((k > 0) & (k <= MAX_CAMP_CLAIMS))
    widths = _pow2_at_least(k[small])
    for width in np.unique(widths).tolist():
        groups = small[widths == width]
        per_chunk = max(1, _DP_CELLS // (width * width))
        for c0 in range(0, len(groups), per_chunk):
            chunk = groups[c0 : c0 + per_chunk]
            kc = k[chunk]
            idx = seg[chunk][:, None] + np.minimum(np.arange(width), kc[:, None] - 1)
            res = _dp_batch(lo_w[idx], hi_w[idx], kc)
            real = np.arange(width) < kc[:, None]
            out[idx[real]] = res[real]
    camp[order] = out
    return camp


#: Cells (claim pairs) of one batch of the camps' dynamic programme.
_DP_CELLS = 1 << 21


def _pow2_at_least(k: np.ndarray) -> np.ndarray:
    return 1 << np.ceil(np.log2(np.maximum(k, 1))).astype(np.int64)


def _dp_batch(lo: np.ndarray, hi: np.ndarray, k: np.ndarray) -> np.ndarray:
    """Exact best split of each row's ordered claims into runs (correlation
    clustering on a line), for a batch of groups padded to one width.

    ``lo``, ``hi`` are (groups, width) arrays of ordered, widened claims; ``k`` the
    number of real claims of each group (the padding is never read for them).
    Among splits of equal score the one with the fewest camps wins, then the one
    whose last cut comes first (the order of a left-to-right search).
    """
    ng, w = lo.shape
    compat = ~((hi[:, :, None] < lo[:, None, :]) | (hi[:, None, :] < lo[:, :, None]))
    s = np.where(compat, 1, -1).astype(np.int64)
    del compat
    s *= np.triu(np.ones((w, w), dtype=bool), 1)  # pairs i < j only
    # score(a, b) = sum of s[i, j] for a <= i < j < b, from 2-D prefix sums
    p = np.zeros((ng, w + 1, w + 1), dtype=np.int64)
    p[:, 1:, 1:] = s.cumsum(1).cumsum(2)
    del s
    diag = np.diagonal(p, axis1=1, axis2=2)  # p[:, a, a]
    # best[a] as one integer: score * 1024 - camps (fewer camps wins ties)
    best = np.full((ng, w + 1), np.iinfo(np.int64).min // 2, dtype=np.int64)
    best[:, 0] = 0
    cut = np.zeros((ng, w + 1), dtype=np.int64)
    for b in range(1, w + 1):
        # score(a, b) = p[b, b] - p[a, b] - p[b, a] + p[a, a], for a < b
        score = diag[:, b : b + 1] - p[:, :b, b] - p[:, b, :b] + diag[:, :b]
        cand = best[:, :b] + score * 1024 - 1
        a = np.argmax(cand, axis=1)  # the first best: as the left-to-right search
        cut[:, b] = a
        best[:, b] = cand[np.arange(ng), a]
    # walk the cuts back from each group's end, marking where camps begin
    starts = np.zeros((ng, w + 1), dtype=bool)
    cur = k.astype(np.int64).copy()
    rows = np.arange(ng)
    for _ in range(w):
        live = cur > 0
        if not live.any():
            break
        cur = np.where(live, cut[rows, cur], 0)
        starts[rows[live], cur[live]] = True
    starts[:, 0] = False
    return np.cumsum(starts[:, :w], axis=1)


def _overlap_runs(g: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Runs of ordered claims that chain by overlap (a new run after each gap), per
    group (``g`` sorted; the camps of groups too large for the dynamic programme)."""
    reach = np.empty(len(g), dtype=np.complex128)  # (group, high): its running maximum
    reach.real = g
    reach.imag = hi
    reach = np.maximum.accumulate(reach).imag  # lexicographic: within each group
    new = np.zeros(len(lo), dtype=bool)
    new[1:] = (lo[1:] > reach[:-1]) & (g[1:] == g[:-1])
    runs = np.cumsum(new)
    first = np.ones(len(g), dtype=bool)
    first[1:] = g[1:] != g[:-1]
    return (runs - runs[np.flatnonzero(first)][np.cumsum(first) - 1]).astype(np.int64)


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
    """One row per camp of every group in conflict (the columns of ``Claims.camps``).

    Column-wise: the camps of every group at once (:func:`camp_numbers`), one sort of
    the claims by (group, camp, low, high), and per-camp reductions; Python only
    builds the list-valued cells (sources, ids and texts of each camp).
    """
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
    rows = np.flatnonzero(conflicts[codes] > 0) if len(codes) else np.zeros(0, dtype=np.int64)
    if not len(rows):
        return pd.DataFrame([], columns=cols)
    g = codes[rows].astype(np.int64)
    lo, hi = low[rows], high[rows]
    camp = camp_numbers(g, len(labels), lo, hi, best[rows], hedge[rows])
    # the claims of each camp in the order of the line (ties: row order)
    order = np.lexsort((hi, lo, camp, g))
    rows, g, camp, lo, hi = rows[order], g[order], camp[order], lo[order], hi[order]
    new = np.ones(len(rows), dtype=bool)
    new[1:] = (g[1:] != g[:-1]) | (camp[1:] != camp[:-1])
    first = np.flatnonzero(new)
    size = np.diff(np.append(first, len(rows)))
    seg = np.repeat(np.arange(len(first)), size)
    lc = frame["low_closed"].to_numpy(dtype=bool)[rows]
    hc = frame["high_closed"].to_numpy(dtype=bool)[rows]
    # each camp's lowest low (closed first) and highest high (closed last), the
    # first and last of their ties in the order of the line
    i_lo = rows[np.lexsort((~lc, lo, seg))[first]]
    i_hi = rows[np.lexsort((hc, hi, seg))[first + size - 1]]
    smin, smax = stated_numbers(low[rows], high[rows], best[rows], hedge[rows])
    stated_low = np.fmin.reduceat(smin, first)
    stated_high = np.fmax.reduceat(smax, first)
    group = g[first]
    ncamps = np.bincount(group, minlength=len(labels))[group]
    lcf = frame["low_closed"].to_numpy(dtype=bool)
    hcf = frame["high_closed"].to_numpy(dtype=bool)
    idx = frame.index.to_numpy()[rows]
    text = frame["text"].to_numpy(dtype=object)[rows]
    src = source[rows]
    out: dict[str, list[object]] = {}
    keys = labels.take(group).tolist()
    for j, name in enumerate(by):
        out[name] = [k[j] if isinstance(k, tuple) else k for k in keys]
    out["camp"] = (camp[first] + 1).tolist()
    out["camps"] = ncamps.tolist()
    out["low"] = low[i_lo].astype(float).tolist()
    out["high"] = high[i_hi].astype(float).tolist()
    out["low_closed"] = lcf[i_lo].tolist()
    out["high_closed"] = hcf[i_hi].tolist()
    out["stated_low"] = stated_low.tolist()
    out["stated_high"] = stated_high.tolist()
    out["claims"] = size.tolist()
    spans = list(zip(first.tolist(), (first + size).tolist(), strict=True))
    src_l, idx_l, text_l = src.tolist(), idx.tolist(), text.tolist()
    per_camp = [list(dict.fromkeys(src_l[a:b])) for a, b in spans]
    out["sources"] = ["; ".join(dict.fromkeys(str(s) for s in c)) for c in per_camp]
    out["source_list"] = [[str(s) for s in c] for c in per_camp]
    out["claim_ids"] = [idx_l[a:b] for a, b in spans]
    out["texts"] = [
        [None if t is None or t is pd.NA else str(t) for t in text_l[a:b]] for a, b in spans
    ]
    return pd.DataFrame(out, columns=cols)


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
