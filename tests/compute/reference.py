"""A plain, obviously-correct reference for the reconcile kernel, built on Figure.

Per group, per pair, in Python: slow by design, used only to check the vectorised
kernel on random inputs.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections import defaultdict

from estimates import Figure


def depth_at(figs: list[Figure], x: float) -> int:
    return sum(x in f for f in figs)


def candidate_points(figs: list[Figure]) -> list[float]:
    ends = sorted({v for f in figs for v in (f.low, f.high) if math.isfinite(v)})
    pts = list(ends)
    pts += [(a + b) / 2 for a, b in itertools.pairwise(ends)]
    if ends:
        pts += [ends[0] - 1, ends[-1] + 1]
    else:
        pts.append(0.0)
    return sorted(set(pts))


def peak_regions(figs: list[Figure], peak: int) -> list[tuple[float, float]]:
    """Maximal runs of values held by ``peak`` claims, as (inf, sup) pairs in order.

    The line is cut into elementary pieces at every finite end: (-inf, e0), [e0],
    (e0, e1), [e1], ... (em, inf); depth is constant on each piece.
    """
    ends = sorted({v for f in figs for v in (f.low, f.high) if math.isfinite(v)})
    pieces: list[tuple[float, float, float]] = []  # (inf, sup, a point inside)
    if not ends:
        pieces.append((-math.inf, math.inf, 0.0))
    else:
        pieces.append((-math.inf, ends[0], ends[0] - 1))
        for i, e in enumerate(ends):
            pieces.append((e, e, e))
            nxt = ends[i + 1] if i + 1 < len(ends) else math.inf
            pieces.append((e, nxt, (e + nxt) / 2 if math.isfinite(nxt) else e + 1))
    regions: list[tuple[float, float]] = []
    current: list[float] | None = None
    for lo, hi, x in pieces:
        if depth_at(figs, x) == peak:
            if current is None:
                current = [lo, hi]
            else:
                current[1] = hi
        elif current is not None:
            regions.append((current[0], current[1]))
            current = None
    if current is not None:
        regions.append((current[0], current[1]))
    return regions


def reference(groups: dict[object, list[tuple[Figure, tuple[str, ...]]]]) -> dict:
    out = {}
    for key, items in groups.items():
        figs = [f for f, _ in items]
        env = figs[0]
        for f in figs[1:]:
            env = env.hull(f)
        cons = figs[0]
        for f in figs[1:]:
            cons = cons.intersection(f) if cons is not None else None
        pairs = list(itertools.combinations(figs, 2))
        disjoint = [(a, b) for a, b in pairs if a.relation(b) == "disjoint"]
        stated = [x for f in figs for x in f.stated]
        agents = {a for _, src in items for a in src}
        anon = sum(1 for _, src in items if not src)
        points = [
            f.best
            if f.best is not None
            else ((f.low + f.high) / 2 if f.hedge == "range" and f.is_bounded else None)
            for f in figs
        ]
        points = [p for p in points if p is not None]
        cands = candidate_points(figs)
        peak = max(depth_at(figs, x) for x in cands)
        regions = peak_regions(figs, peak)
        out[key] = {
            "claims": len(figs),
            "sources": len(agents) + anon,
            "envelope": env,
            "consensus": cons,
            "conflicts": len(disjoint),
            "max_gap": max((a.gap(b) for a, b in disjoint), default=math.nan),
            "stated_low": min(stated) if stated else math.nan,
            "stated_high": max(stated) if stated else math.nan,
            "agreement_claims": peak,
            "median": statistics.median(points) if points else math.nan,
            "regions": regions,
        }
    return out


def group_items(claims) -> dict:
    groups = defaultdict(list)
    for c in claims:
        groups[c.quantity].append((c.figure, c.source))
    return dict(groups)
