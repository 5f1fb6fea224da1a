"""A plain, obviously-correct reference for the reliability kernel.

Per group, per source, in Python lists and dicts: slow by design, used only to check
:func:`estimates._compute.reliability.discover` on small random inputs.  It follows the
module notes of :mod:`estimates._compute.reliability` literally.
"""

from __future__ import annotations

import math
from collections import defaultdict


def weighted_lower_median(points: list[tuple[float, float]], upper: bool = False) -> float:
    """The first value (in increasing order) where the cumulative weight reaches half
    (``upper``: passes half)."""
    points = sorted(points)
    total = sum(w for _, w in points)
    if total <= 0:
        return math.nan
    acc = 0.0
    for value, w in points:
        acc += w
        if (acc > total / 2 + 1e-9 * total) if upper else (acc >= total / 2 - 1e-9 * total):
            if math.isinf(value):
                finite = [v for v, _ in points if math.isfinite(v)]
                if not finite:
                    return math.nan
                return max(finite) if value > 0 else min(finite)
            return value
    return points[-1][0]  # pragma: no cover


def claim_points(low: float, high: float, best: float) -> list[tuple[float, float]]:
    """(value, share of the claim's weight) of each point of a claim."""
    if math.isfinite(best) and low < high:
        return [(low, 0.25), (high, 0.25), (best, 0.5)]
    return [(low, 0.5), (high, 0.5)]


def error(estimate: float, low: float, high: float, tolerance: float) -> float:
    if math.isnan(estimate):
        return 0.0
    d = max(low - estimate, estimate - high, 0.0)
    scale = tolerance * abs(estimate)
    if scale == 0:
        return 1.0 if d > 0 else 0.0
    return min(d / scale, 1.0)


def reference(
    rows: list[tuple[int, float, float, float, bool, int]],
    *,
    tolerance: float = 1e-3,
    prior: float = 0.5,
    floor: float = 0.01,
    vague: float = 0.25,
    outlier: float = 10.0,
    iterations: int = 30,
) -> tuple[dict[int, float], dict[int, float]]:
    """``rows``: (group, low, high, best, vague?, source).  Returns (estimates, weights)."""
    sources = sorted({r[5] for r in rows})
    groups = sorted({r[0] for r in rows})

    def off(m: float, lo: float, hi: float) -> bool:
        return m > 0 and (lo > m * outlier or hi < m / outlier)

    every_pair: dict[tuple[int, int], int] = defaultdict(int)
    for g, *_, s in rows:
        every_pair[(g, s)] += 1

    def votes(g: int) -> list[tuple[float, float]]:
        """The group's points, each source's claims sharing one vote."""
        return [
            (v, share * (vague if r[4] else 1.0) / every_pair[(g, r[5])])
            for r in rows
            if r[0] == g
            for v, share in claim_points(r[1], r[2], r[3])
        ]

    middle = {}
    for g in groups:
        pts = votes(g)
        middle[g] = (weighted_lower_median(pts), weighted_lower_median(pts, upper=True))
    gross = [off(middle[r[0]][0], r[1], r[2]) and off(middle[r[0]][1], r[1], r[2]) for r in rows]
    rows = [r for r, bad in zip(rows, gross, strict=True) if not bad]
    per_pair: dict[tuple[int, int], int] = defaultdict(int)
    for g, *_, s in rows:
        per_pair[(g, s)] += 1
    weight = dict.fromkeys(sources, 1.0)
    kept_groups = {r[0] for r in rows}
    estimates: dict[int, float] = {}
    records: tuple[dict[int, float], dict[int, float]] = ({}, {})
    for it in range(iterations + 1):
        new = {}
        for g in groups:
            pts = []
            for gg, lo, hi, best, is_vague, s in rows:
                if gg != g:
                    continue
                w = weight[s] / per_pair[(g, s)] * (vague if is_vague else 1.0)
                pts += [(v, share * w) for v, share in claim_points(lo, hi, best)]
            if g not in kept_groups:  # only outliers: they count after all, one vote each
                pts = votes(g)
            new[g] = weighted_lower_median(pts)
        right = dict.fromkeys(sources, 0.0)
        count = dict.fromkeys(sources, 0.0)

        def backed(g: int, s: int, estimate: float) -> bool:
            """Does a claim of another source in ``g`` meet ``estimate``?"""
            return any(
                r[0] == g and r[5] != s and error(estimate, r[1], r[2], tolerance) < 1
                for r in rows
            )

        def others_estimate(g: int, s: int, weight: dict[int, float]) -> float:
            """The group's estimate without source ``s``, when two or more other
            sources have a claim meeting it (else NaN)."""
            pts = [
                (v, share * weight[r[5]] / per_pair[(g, r[5])] * (vague if r[4] else 1.0))
                for r in rows
                if r[0] == g and r[5] != s
                for v, share in claim_points(r[1], r[2], r[3])
            ]
            m = weighted_lower_median(pts) if pts else math.nan
            meeting = {
                r[5]
                for r in rows
                if r[0] == g and r[5] != s and error(m, r[1], r[2], tolerance) < 1
            }
            return m if not math.isnan(m) and len(meeting) >= 2 else math.nan

        # a source whose figure alone met the estimate (no other source's claim meets
        # it) is judged against the others' estimate, when they agree on one
        lone = {
            (g, s)
            for g, lo, hi, _b, _v, s in rows
            if error(new[g], lo, hi, tolerance) < 1 and not backed(g, s, new[g])
        }
        # a miss against a lone figure counts with the share of the group's sources
        # (one vote each, a source's claims sharing it) meeting the estimate
        confidence = {}
        for g in {g for g, _s in lone}:
            claim_w = [
                (1.0 / per_pair[(g, r[5])] * (vague if r[4] else 1.0), r)
                for r in rows
                if r[0] == g
            ]
            total = sum(w for w, _ in claim_w)
            met = sum(w for w, r in claim_w if error(new[g], r[1], r[2], tolerance) < 1)
            confidence[g] = met / total if total > 0 else 0.0
        for g, lo, hi, _best, _v, s in rows:
            e = error(new[g], lo, hi, tolerance)
            judged = e > 0 or backed(g, s, new[g])
            sure = 1.0
            if (g, s) in lone:
                m = others_estimate(g, s, weight)
                if not math.isnan(m):
                    e, judged = error(m, lo, hi, tolerance), True
            elif g in confidence:
                sure = confidence[g]
            if judged:
                right[s] += (1 - e) / per_pair[(g, s)] * sure
                count[s] += 1.0 / per_pair[(g, s)] * sure
        # converged when neither the estimates nor the records moved (records depend
        # on the weights too, through the others' estimates)
        converged = (
            it > 0
            and all(
                (math.isnan(new[g]) and math.isnan(estimates[g])) or new[g] == estimates[g]
                for g in groups
            )
            and (right, count) == records
        )
        estimates, records = new, (right, count)
        if it == iterations or converged:
            break
        total = sum(count.values())
        pooled = min(max(sum(right.values()) / total, 0.02), 0.98) if total else 0.5
        new_weight = {}
        for s in sources:
            acc = (right[s] + prior * pooled) / (count[s] + prior)
            acc = min(max(acc, 1e-6), 1 - 1e-6)
            new_weight[s] = max(math.log(acc / (1 - acc)), floor)
        if it > 0 and all(abs(new_weight[s] - weight[s]) <= 1e-12 for s in sources):
            break
        weight = new_weight
    return estimates, weight
