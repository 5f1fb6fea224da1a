"""The pooled strategy: a linear opinion pool of per-claim distributions.

Each claim becomes a probability distribution over the quantity, with a documented
shape; the pool is their weighted average (a *linear opinion pool*, Stone 1961; see
Clemen & Winkler 1999, "Combining probability distributions from experts in risk
analysis", *Risk Analysis* 19(2)).  Its quantiles (p05, p50, p95 by default) say what
the claims, taken together, make likely.

Shapes (all piecewise uniform, so the pool's CDF is piecewise linear and its
quantiles are exact):

=============================  ===============================================
claim                          distribution
=============================  ===============================================
a point ``[x, x]``             all weight at x
a bounded range ``[a, b]``     uniform on [a, b]  ("up to X" is uniform on [0, X])
a range with a best value      half the weight at the best, half uniform on [a, b]
"more than X" / "at least X"   uniform on [X, tail·X]  (``tail`` = 2 by default)
unbounded below, ceiling X     uniform on [X - (tail-1)·|X|, X]
unbounded on both sides        left out (it says nothing)
=============================  ===============================================
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .._model.errors import FigureError

__all__ = ["pool_columns", "pooled_quantiles"]


def pool_columns(quantiles: Sequence[float]) -> list[str]:
    """Column names for pooled quantiles (``0.05`` -> ``"pool_p05"``)."""
    names = []
    for q in quantiles:
        pct = q * 100
        names.append(f"pool_p{pct:02.0f}" if float(pct).is_integer() else f"pool_p{pct:g}")
    return names


def pooled_quantiles(
    group: np.ndarray,
    ngroups: int,
    low: np.ndarray,
    high: np.ndarray,
    best: np.ndarray,
    weight: np.ndarray | None,
    quantiles: Sequence[float] = (0.05, 0.5, 0.95),
    *,
    tail: float = 2.0,
) -> np.ndarray:
    """Quantiles of each group's pooled distribution, shape ``(ngroups, len(quantiles))``."""
    qs = np.asarray(quantiles, dtype="float64")
    if np.any((qs < 0) | (qs > 1)):
        raise FigureError("quantiles", list(quantiles), "values in [0, 1]")
    if tail <= 1:
        raise FigureError("tail", tail, "a factor > 1")
    n = len(group)
    w = np.ones(n) if weight is None else np.asarray(weight, dtype="float64")
    a, b = low.astype("float64").copy(), high.astype("float64").copy()
    lo_inf, hi_inf = np.isinf(a), np.isinf(b)
    usable = ~(lo_inf & hi_inf) & (w > 0)
    up = ~lo_inf & hi_inf
    b[up] = np.where(a[up] > 0, a[up] * tail, a[up] + np.maximum(np.abs(a[up]), 1) * (tail - 1))
    down = lo_inf & ~hi_inf
    a[down] = b[down] - np.maximum(np.abs(b[down]), 1) * (tail - 1)
    # normalise weights per group
    total = np.bincount(group[usable], weights=w[usable], minlength=ngroups)
    wn = np.where(usable, w / np.where(total[group] > 0, total[group], 1), 0.0)
    point = usable & (a == b)
    has_best = usable & ~point & ~np.isnan(best)
    spread = usable & ~point
    mass_point = np.where(point, wn, np.where(has_best, wn / 2, 0.0))
    mass_spread = np.where(spread, np.where(has_best, wn / 2, wn), 0.0)
    at = np.where(point, a, best)
    # events: (group, x, jump, slope change)
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = np.where(spread, mass_spread / (b - a), 0.0)
    pm = mass_point > 0
    sp = mass_spread > 0
    g_ev = np.concatenate([group[pm], group[sp], group[sp]]).astype(np.int64)
    x_ev = np.concatenate([at[pm], a[sp], b[sp]])
    jump = np.concatenate([mass_point[pm], np.zeros(sp.sum()), np.zeros(sp.sum())])
    dslope = np.concatenate([np.zeros(pm.sum()), slope[sp], -slope[sp]])
    order = np.lexsort((x_ev, g_ev))
    g_ev, x_ev, jump, dslope = g_ev[order], x_ev[order], jump[order], dslope[order]
    out = np.full((ngroups, len(qs)), np.nan)
    m = len(g_ev)
    if not m:
        return out
    new_group = np.ones(m, dtype=bool)
    new_group[1:] = g_ev[1:] != g_ev[:-1]
    starts = np.flatnonzero(new_group)
    seg_len = np.diff(np.append(starts, m))
    # slope in force on (x_{j-1}, x_j): cumulative dslope up to j-1, within the group
    cs = np.cumsum(dslope)
    group_base = np.repeat(cs[starts] - dslope[starts], seg_len)
    slope_after = cs - group_base
    slope_before = np.empty(m)
    slope_before[0] = 0.0
    slope_before[1:] = slope_after[:-1]
    slope_before[new_group] = 0.0
    dx = np.empty(m)
    dx[0] = 0.0
    dx[1:] = x_ev[1:] - x_ev[:-1]
    dx[new_group] = 0.0
    inc = slope_before * dx + jump
    ci = np.cumsum(inc)
    cdf_after = ci - np.repeat(ci[starts] - inc[starts], seg_len)
    cdf_before = cdf_after - jump
    gids = g_ev[starts]
    key = g_ev * 4.0 + np.clip(cdf_after, 0, 1.5)
    eps = 1e-12
    for j, q in enumerate(qs):
        target = gids * 4.0 + q - eps
        idx = np.searchsorted(key, target, side="left")
        idx = np.minimum(idx, starts + seg_len - 1)
        inside = cdf_before[idx] >= q - eps
        prev = np.maximum(idx - 1, 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            interp = x_ev[prev] + (q - cdf_after[prev]) / slope_before[idx]
        first_in_group = idx == starts
        x = np.where(inside & ~first_in_group & (slope_before[idx] > 0), interp, x_ev[idx])
        out[gids, j] = x
    return out
