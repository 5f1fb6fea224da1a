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
        points = [f.best if f.best is not None else (
            (f.low + f.high) / 2 if f.hedge == "range" and f.is_bounded else None)
            for f in figs]
        points = [p for p in points if p is not None]
        cands = candidate_points(figs)
        peak = max(depth_at(figs, x) for x in cands)
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
            "lowest_peak_point": min(x for x in cands if depth_at(figs, x) == peak),
        }
    return out


def group_items(claims) -> dict:
    groups = defaultdict(list)
    for c in claims:
        groups[c.quantity].append((c.figure, c.source))
    return dict(groups)
