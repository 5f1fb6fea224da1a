"""Benchmark of reconcile(): ratios against a sort floor and against peers, one run.

Run:  python benchmarks/bench_reconcile.py [--sizes 1e6:1e5,1e7:1e6] [--peers 1e5]

What it measures, side by side on this machine, in this process:

* floor: sorting, by value, the lower bounds and the upper bounds each keyed by their
  group (``np.sort(group + 1j * bound)``, twice) — the work any exact per-group
  interval summary must at least do;
* ``claims.reconcile(compare_within=None)`` of every contract column on the same
  claims, every claim compared (each source's latest claim: the full contract, with
  tensions and the source that stands apart), and the default ``reconcile()``, which
  compares each group's claims of the latest month only (fewer claims on these dates);
* peers at 10^5 claims: a pandas ``groupby().apply`` of a per-group Python function
  computing the same columns, and a per-group loop over ``portion`` intervals;
* peak memory (tracemalloc) of reconcile at the largest size, above its input;
* ``disagreements()`` throughput in pairs per second.

Goals (issue #3): reconcile <= 2x floor; >= 100x faster than groupby.apply; >= 300x
faster than portion; <= 1.5 GB above the input at 10^7 claims.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import math
import time
import tracemalloc
import warnings

import numpy as np
import pandas as pd

import estimates as est
from estimates._api.claims import Claims
from estimates._model.hedges import HEDGE_CODES

AGENTS = [f"Source {i}" for i in range(300)]


def synthetic(n: int, groups: int, seed: int = 0) -> Claims:
    """~n/groups claims a group: points, ranges, floors, ceilings and bands, with ties."""
    rng = np.random.default_rng(seed)
    g = rng.integers(0, groups, n)
    scale = 10 ** rng.integers(2, 6, groups)[g]  # each group has its own magnitude
    centre = rng.integers(1, 100, n) * scale / 10
    kind = rng.choice(5, n, p=[0.4, 0.3, 0.1, 0.1, 0.1])
    width = rng.integers(1, 30, n) * scale / 10
    low = np.where(kind == 0, centre, centre - width)
    low = np.maximum(low, 0)
    high = np.where(kind == 0, centre, centre + width)
    hedge = np.array(["exact", "range", "at_least", "up_to", "approx"], dtype=object)[kind]
    best = np.where((kind == 0) | (kind == 4), centre, np.nan)
    high = np.where(kind == 2, np.inf, high)
    low = np.where(kind == 3, 0.0, low)
    low_closed = np.ones(n, dtype=bool)
    high_closed = np.isfinite(high)
    more_than = (kind == 2) & (rng.random(n) < 0.5)
    low_closed[more_than] = False
    hedge = np.where(more_than, "more_than", hedge)
    low = np.where(kind == 4, centre * 0.9, low)
    high = np.where(kind == 4, centre * 1.1, high)
    low = np.round(low)
    high = np.where(np.isfinite(high), np.round(high), high)
    best = np.where((best < low) | (best > high), np.nan, best)
    joint = rng.random(n) < 0.1
    a1 = rng.integers(0, len(AGENTS), n)
    a2 = rng.integers(0, len(AGENTS), n)
    pairs = sorted({(i, j) for i, j in zip(a1[joint], a2[joint], strict=True)})[:2000]
    cells = AGENTS + [f"{AGENTS[i]}; {AGENTS[j]}" for i, j in pairs if i != j]
    src_code = np.where(joint, len(AGENTS) + rng.integers(0, len(cells) - len(AGENTS), n), a1)
    stated = pd.Timestamp("2022-02-24").to_datetime64() + rng.integers(0, 1500, n).astype(
        "timedelta64[D]"
    )
    frame = pd.DataFrame(
        {
            "quantity": pd.Categorical.from_codes(g, [f"q{i:07d}" for i in range(groups)]),
            "text": pd.Categorical.from_codes(np.full(n, -1), ["x"]),
            "low": low,
            "high": high,
            "low_closed": low_closed,
            "high_closed": high_closed,
            "best": best,
            "hedge": pd.Categorical(hedge, categories=HEDGE_CODES),
            "unit": pd.Categorical.from_codes(np.zeros(n, dtype=np.int64), ["soldier"]),
            "profile": pd.Categorical.from_codes(np.zeros(n, dtype=np.int64), ["default"]),
            "ambiguous": np.zeros(n, dtype=bool),
            "source": pd.Categorical.from_codes(src_code, cells),
            "reported_by": pd.Categorical.from_codes(np.full(n, -1), ["x"]),
            "original_source": pd.Categorical.from_codes(np.full(n, -1), ["x"]),
            "stated_start": stated,
            "stated_end": stated,
            "refers_start": np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]"),
            "refers_end": np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]"),
            "url": pd.Categorical.from_codes(np.full(n, -1), ["x"]),
            "published": np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]"),
            "lang": pd.Categorical.from_codes(np.zeros(n, dtype=np.int64), ["en"]),
            "status": pd.Categorical.from_codes(
                np.zeros(n, dtype=np.int64), ["claimed", "confirmed", "disputed", "retracted"]
            ),
            "note": pd.Categorical.from_codes(np.full(n, -1), ["x"]),
            "id": pd.Categorical.from_codes(np.full(n, -1), ["x"]),
        }
    )
    return Claims._from_frame(frame)


def floor_time(claims: Claims) -> float:
    f = claims._frame
    g = f["quantity"].cat.codes.to_numpy().astype("float64")
    lo = f["low"].to_numpy()
    hi = f["high"].to_numpy()
    t = time.perf_counter()
    for bound in (lo, hi):
        key = np.empty(len(g), dtype=np.complex128)  # g + 1j * bound, with inf kept
        key.real = g
        key.imag = bound
        np.sort(key)
    return time.perf_counter() - t


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


# ---------------------------------------------------------------- peers
def _python_group(df: pd.DataFrame) -> pd.Series:
    """The contract columns for one group, in plain Python (the peer)."""
    rows = list(
        zip(df["low"], df["high"], df["low_closed"], df["high_closed"], df["best"], strict=True)
    )
    env_lo = min(r[0] for r in rows)
    env_hi = max(r[1] for r in rows)
    cons_lo = max(r[0] for r in rows)
    cons_hi = min(r[1] for r in rows)

    def meets(a, b):
        lo = max(a[0], b[0])
        hi = min(a[1], b[1])
        if lo < hi:
            return True
        if lo > hi:
            return False
        lc = (a[2] or a[0] < lo) and (b[2] or b[0] < lo)
        hc = (a[3] or a[1] > hi) and (b[3] or b[1] > hi)
        return lc and hc

    disjoint = [(a, b) for a, b in itertools.combinations(rows, 2) if not meets(a, b)]
    conflicts = len(disjoint)
    max_gap = max((max(a[0] - b[1], b[0] - a[1]) for a, b in disjoint), default=math.nan)
    stated = []
    for (lo, hi, _, _, best), hedge in zip(rows, df["hedge"], strict=True):
        if not math.isnan(best):
            stated.append(best)
        if hedge in ("range", "at_least", "more_than"):
            stated.append(lo)
        if hedge in ("range", "up_to", "less_than", "at_most", "nearly"):
            stated.append(hi)
    pts = sorted({r[0] for r in rows} | {r[1] for r in rows})
    depth = max(
        sum(
            1
            for r in rows
            if (r[0] < x or (r[0] == x and r[2])) and (x < r[1] or (x == r[1] and r[3]))
        )
        for x in pts
    )
    bests = sorted(b for b in df["best"] if not math.isnan(b))
    med = float(np.median(bests)) if bests else math.nan
    agents = {a.strip() for s in df["source"].astype(str) for a in s.split(";")}
    return pd.Series(
        {
            "claims": len(rows),
            "sources": len(agents),
            "envelope_low": env_lo,
            "envelope_high": env_hi,
            "consensus_low": cons_lo,
            "consensus_high": cons_hi,
            "agreement_claims": depth,
            "conflicts": conflicts,
            "max_gap": max_gap,
            "stated_low": min(stated, default=math.nan),
            "stated_high": max(stated, default=math.nan),
            "best": med,
        }
    )


def peer_groupby_apply(claims: Claims) -> float:
    f = claims._frame[
        ["quantity", "low", "high", "low_closed", "high_closed", "best", "hedge", "source"]
    ]
    t = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        f.groupby("quantity", observed=True).apply(_python_group)
    return time.perf_counter() - t


def peer_portion(claims: Claims) -> float:
    """The same contract columns with a per-group loop over ``portion`` intervals."""
    import portion as P  # noqa: N812 - portion's documented alias

    f = claims._frame[
        ["quantity", "low", "high", "low_closed", "high_closed", "best", "hedge", "source"]
    ]
    t = time.perf_counter()
    out = []
    for _, df in f.groupby("quantity", observed=True, sort=True):
        ivs, points, stated = [], [], []
        for lo, hi, lc, hc, best, hedge in zip(
            df["low"],
            df["high"],
            df["low_closed"],
            df["high_closed"],
            df["best"],
            df["hedge"],
            strict=True,
        ):
            ivs.append(
                P.Interval.from_atomic(
                    P.CLOSED if lc else P.OPEN, lo, hi, P.CLOSED if hc else P.OPEN
                )
            )
            if not math.isnan(best):
                points.append(best)
                stated.append(best)
            elif hedge == "range":
                points.append((lo + hi) / 2)
            if hedge in ("range", "at_least", "more_than"):
                stated.append(lo)
            if hedge in ("range", "up_to", "less_than", "at_most", "nearly"):
                stated.append(hi)
        union = P.empty()
        cons = ivs[0]
        for iv in ivs:
            union = union | iv
            cons = cons & iv
        envelope = union.enclosure
        disjoint = [(a, b) for a, b in itertools.combinations(ivs, 2) if (a & b).empty]
        gaps = [max(a.lower - b.upper, b.lower - a.upper) for a, b in disjoint]
        # agreement: the atom of the boundary partition held by the most intervals
        bounds = sorted({iv.lower for iv in ivs} | {iv.upper for iv in ivs})
        atoms = [P.singleton(x) for x in bounds if math.isfinite(x)]
        atoms += [P.open(a, b) for a, b in itertools.pairwise(bounds)]
        depth, best_atom = max(
            ((sum(1 for iv in ivs if atom in iv), atom) for atom in atoms), key=lambda t: t[0]
        )
        agents = {a.strip() for s in df["source"].astype(str) for a in s.split(";")}
        out.append(
            (
                len(ivs),
                len(agents),
                min(stated, default=math.nan),
                max(stated, default=math.nan),
                envelope,
                cons,
                depth,
                best_atom,
                len(disjoint),
                max(gaps, default=math.nan),
                float(np.median(points)) if points else math.nan,
            )
        )
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--sizes", default="1e6:1e5,1e7:1e6", help="comma-separated claims:groups pairs"
    )
    ap.add_argument("--peers", default="1e5", help="claims for the peer comparison (0: skip)")
    ap.add_argument("--pairs", default="2e6", help="claim pairs for disagreements (0: skip)")
    args = ap.parse_args()
    print(f"estimates {est.__version__}, numpy {np.__version__}, pandas {pd.__version__}")
    sizes = [tuple(int(float(x)) for x in s.split(":")) for s in args.sizes.split(",") if s]
    for n, groups in sizes:
        claims = synthetic(n, groups)
        fl = (
            best_of(lambda c=claims: floor_time(c), repeat=2) if n <= 10**6 else floor_time(claims)
        )
        repeat = 2 if n <= 10**6 else 1
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", est.ComparabilityWarning)
            full = best_of(lambda c=claims: c.reconcile(compare_within=None), repeat=repeat)
            rec = best_of(lambda c=claims: c.reconcile(), repeat=repeat)
        print(
            f"reconcile n={n:,} groups={groups:,}: floor {fl:.2f} s; "
            f"every claim compared (compare_within=None) {full:.2f} s, ratio "
            f"{full / fl:.2f}x; default (latest month) {rec:.2f} s, ratio {rec / fl:.2f}x "
            "(goal <= 2x)"
        )
        if n == max(s[0] for s in sizes):
            base = sum(claims._frame[c].memory_usage(deep=False) for c in claims._frame.columns)
            gc.collect()
            tracemalloc.start()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", est.ComparabilityWarning)
                claims.reconcile(compare_within=None)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(
                f"memory at n={n:,}: peak {peak / 2**30:.2f} GB above the input "
                f"({base / 2**30:.2f} GB of columns) (goal <= 1.5 GB)"
            )
        del claims
        gc.collect()
    n_peer = int(float(args.peers))
    if n_peer:
        claims = synthetic(n_peer, n_peer // 10, seed=1)
        ours = best_of(lambda: claims.reconcile())
        ga = peer_groupby_apply(claims)
        print(
            f"peers n={n_peer:,}: reconcile {ours * 1e3:.1f} ms; groupby.apply {ga:.2f} s "
            f"({ga / ours:.0f}x, goal >= 100x)",
            end="",
        )
        try:
            po = peer_portion(claims)
            print(f"; portion loop {po:.2f} s ({po / ours:.0f}x, goal >= 300x)")
        except ImportError:
            print("; portion not installed (pip install 'estimates[bench]')")
    n_pairs = int(float(args.pairs))
    if n_pairs:
        try:
            from estimates._compute.disagreements import disagreements
        except ImportError:
            print("disagreements: not available")
            return
        groups = max(1, n_pairs // 45)  # 10 claims a group -> 45 pairs
        claims = synthetic(groups * 10, groups, seed=2)
        t = time.perf_counter()
        pairs = disagreements(claims, max_pairs=n_pairs * 2)
        dt = time.perf_counter() - t
        print(
            f"disagreements: {len(pairs):,} pairs in {dt:.2f} s = {len(pairs) / dt:,.0f} pairs/s"
        )


if __name__ == "__main__":
    main()
