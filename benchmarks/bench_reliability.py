"""Benchmark of strategy="reliability": accuracy on real truth, and speed, in one run.

Run:  python benchmarks/bench_reliability.py [--claims 1e7] [--groups 1e6]

Accuracy: the population truth-discovery data (``shared/data/population_truth``, copied
to ``tests/data/population_claims.csv`` and ``population_truth_dev.csv``; Pasternack &
Roth 2010): 4,183 claims of city populations by 2,415 Wikipedia editors over 1,172
city-years, scored on the 136 city-years with a census figure (the dev truth, the only
truth used to tune).  Side by side: the median, a majority vote, a CRH-style weighted
median (Li et al. 2014: weights ``-log(loss_s / sum of losses)``, losses normalised
by the group's spread), every existing strategy of ``reconcile``, and
``strategy="reliability"`` -- with and without marking anonymous (IP) editors as a
source kind (a documented rule on the source text, not a cleaning of values).

Speed: ``reconcile(strategy="reliability")`` against a plain ``reconcile()`` of the
same synthetic claims (``--claims`` in ``--groups``), interleaved, best of
``--repeat``; by the clock and in CPU time (the machine may be shared); goal at most 10x.

Measured (two shared cores): strategy="reliability" 83.1% exact (113 of 136), within
1% 86.0%, MAE 2,054 -- the most exact and the lowest MAE of every method here
(majority vote 80.1% / 2,413, ``pooled`` 79.4% / 2,132, median 62.5% / 2,887,
CRH-style 68.4% / 3,587); with anonymous editors a kind, 83.8% / 2,054.  (Before a
miss against a lone figure was weighted by the figure's backing, see the notes'
"No self-confirmation": 112 of 136, MAE 1,881; Chattanooga 2006 is now right and
Cincinnati 2005, missed either way, is off by 37,558 instead of 942.)  Speed at
10^7 claims in 10^6 groups: 8.2x a plain ``reconcile()`` by the clock, 8.0x in CPU
time.  The 90% goal is not met: of the 23 city-years missed, 18 have the census
figure from a single editor against two or more agreeing on another figure (most
often the busiest bot, 80% right on the dev truth, and a second editor stating its
figure), 4 have no figure stated by two editors, one has no claim of the census
figure; stronger priors, capped or confidence-bound (CATD-style) weights,
leave-one-out records, counting only contested groups, and fixing the census
figures of the other folds (10-fold cross-validation: 113 of 136, measured before
the lone-figure weighting) were tried and score the same or barely better (see the
notes of ``estimates._compute.reliability``).  Nor can any weighting of sources: the
benchmark's last line is a ceiling, a vote weighting each source by its record on the
census figures of the *other* 135 dev city-years (supervised, leave one city-year out),
with or without cutting the votes of one-off, anonymous and copying editors, the best
of 1,920 settings chosen on the dev truth itself: 119 of 136 (87.5%), short of the 123
that 90% needs.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import estimates as est  # noqa: E402
from benchmarks.bench_reconcile import synthetic  # noqa: E402

DATA = ROOT / "tests" / "data"
STRATEGIES = ("median", "conservative", "midpoint", "latest", "weighted", "pooled")


def timed(fn: object) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    fn()  # type: ignore[operator]
    return time.perf_counter() - wall, time.process_time() - cpu


def population(kinds: bool) -> tuple[est.Claims, pd.DataFrame]:
    raw = pd.read_csv(DATA / "population_claims.csv")
    truth = pd.read_csv(DATA / "population_truth_dev.csv")
    frame = raw.rename(columns={"city": "quantity", "population": "best"})
    frame["stated"] = frame["year"].astype(str)
    if kinds:
        anon = frame["source"].str.match(r"contributor #0 \(", na=False)
        frame["source_kind"] = np.where(anon, "anonymous editor", None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        claims = est.read_claims(frame)
    return claims, truth


def score(best: pd.Series, truth: pd.DataFrame) -> tuple[float, float, float]:
    key = pd.MultiIndex.from_frame(truth[["city", "year"]], names=["quantity", "year"])
    e = best.reindex(key).to_numpy(dtype="float64")
    t = truth["population"].to_numpy(dtype="float64")
    err = np.abs(e - t)
    err = np.where(np.isnan(err), t, err)  # no estimate: as wrong as estimating 0
    return float(np.mean(err)), float(np.mean(err == 0)), float(np.mean(err <= 0.01 * t))


def majority(frame: pd.DataFrame) -> pd.Series:
    """The most frequent figure per city-year (ties: the lower figure)."""
    counts = frame.groupby(["quantity", "year", "best"], observed=True).size().rename("n")
    counts = counts.reset_index().sort_values(
        ["quantity", "year", "n", "best"], ascending=[True, True, False, True]
    )
    return counts.drop_duplicates(["quantity", "year"]).set_index(["quantity", "year"])["best"]


def crh(frame: pd.DataFrame, iterations: int = 20) -> pd.Series:
    """CRH (Li et al. 2014) for continuous data: weighted median, normalised absolute
    loss, weights -log(loss_s / sum of losses)."""
    g, _ = pd.factorize(pd.MultiIndex.from_frame(frame[["quantity", "year"]]))
    s, _ = pd.factorize(frame["source"])
    v = frame["best"].to_numpy(dtype="float64")
    ng, ns = g.max() + 1, s.max() + 1
    w = np.ones(ns)
    order = np.lexsort((v, g))
    gs, vs = g[order], v[order]
    start = np.concatenate([[0], np.cumsum(np.bincount(g, minlength=ng))[:-1]])
    std = pd.Series(v).groupby(g).std(ddof=0).to_numpy() + 1.0
    for _ in range(iterations):
        ws = w[s][order]
        cw = np.cumsum(ws)
        tot = np.bincount(gs, weights=ws, minlength=ng)
        base = cw[start] - ws[start]
        j = np.searchsorted(cw, base + tot / 2)
        est_ = vs[j]
        loss = np.abs(v - est_[g]) / std[g]
        per = np.bincount(s, weights=loss, minlength=ns) + 1e-9
        w = -np.log(per / per.sum())
    keys = pd.MultiIndex.from_frame(frame[["quantity", "year"]]).unique()
    first = pd.Series(np.arange(len(g))).groupby(g).first().to_numpy()
    return pd.Series(
        est_,
        index=pd.MultiIndex.from_arrays(
            [frame["quantity"].to_numpy()[first], frame["year"].to_numpy()[first]],
            names=["quantity", "year"],
        ),
    ).reindex(keys)


def supervised_ceiling(frame: pd.DataFrame, truth: pd.DataFrame) -> tuple[int, int, str]:
    """How far any weighting of sources can go on these claims: a vote in which each
    source's weight is learned from the census figures of the *other* 135 dev
    city-years (leave one city-year out): the log-odds of its share of figures there
    that were the census figure, shrunk by ``a`` pseudo-claims towards the pooled share,
    times ``values`` (the false figures a source might give).  On top, in every
    combination, the votes of one-off editors, of anonymous editors and of editors
    repeating the figure of a busier editor of the same city-year (a copy of the
    infobox as it stood) are cut to a half, a fifth or nothing; gross outliers are
    kept or set aside.  A method learning from agreement alone knows less than this
    one, and the settings are searched on the dev truth itself, so the ceiling is
    optimistic.

    Returns the most city-years estimated exactly, the settings tried, and the first
    setting that did it.
    """
    key = pd.MultiIndex.from_frame(frame[["quantity", "year"]])
    truth_of = pd.Series(
        truth["population"].to_numpy(dtype="float64"),
        index=pd.MultiIndex.from_frame(truth[["city", "year"]], names=["quantity", "year"]),
    )
    t = truth_of.reindex(key).to_numpy()
    on = ~np.isnan(t)
    busy = frame["source"].map(frame["source"].value_counts()).to_numpy()[on]
    dev = frame.loc[on, ["source", "best"]].reset_index(drop=True)
    g, _ = pd.factorize(key[on])
    s, _ = pd.factorize(dev["source"])
    v = dev["best"].to_numpy(dtype="float64")
    hit = (v == t[on]).astype("float64")
    ng = int(g.max()) + 1
    # each source's record with the claim's own city-year left out
    h = np.bincount(s, weights=hit)[s] - hit
    n = np.bincount(s)[s] - 1.0
    pooled = (hit.sum() - np.bincount(g, weights=hit)[g]) / (len(hit) - np.bincount(g)[g])
    median = pd.Series(v).groupby(g).transform("median").to_numpy()
    cand, cand_of = np.unique(np.stack([g.astype("float64"), v]), axis=1, return_inverse=True)
    cand_of = cand_of.ravel()
    cand_group = cand[0].astype(np.int64)
    truth_g = np.zeros(ng)
    truth_g[g] = t[on]
    one_off = busy == 1
    anonymous = dev["source"].str.startswith("contributor #0 (").to_numpy()
    copy = busy < pd.Series(busy).groupby(cand_of).transform("max").to_numpy()
    cuts = (1.0, 0.5, 0.2, 0.0)
    shrink, values_ = (0.25, 0.5, 1.0, 2.0, 4.0), (1.0, 2.0, 5.0)
    grid = list(itertools.product(shrink, values_, (False, True), cuts, cuts, cuts))
    best, setting = -1, ""
    for a, values, gross, one_cut, anon_cut, copy_cut in grid:
        acc = np.clip((h + a * pooled) / (n + a), 0.01, 0.99)
        vote = np.maximum(np.log(values * acc / (1 - acc)), 0.01)
        vote = vote * np.where(one_off, one_cut, 1.0) * np.where(anonymous, anon_cut, 1.0)
        vote = vote * np.where(copy, copy_cut, 1.0)
        if gross:
            vote = vote * ~((v > 10 * median) | (v < median / 10))
        score = np.bincount(cand_of, weights=vote, minlength=cand.shape[1])
        # per city-year the highest score, ties to the lower figure
        order = np.lexsort((cand[1], -score, cand_group))
        first = order[np.r_[True, cand_group[order][1:] != cand_group[order][:-1]]]
        exact = int(np.sum(cand[1][first] == truth_g[cand_group[first]]))
        if exact > best:
            best = exact
            setting = (
                f"a={a}, values={values}, outliers {'set aside' if gross else 'kept'}, "
                f"votes x{one_cut} one-off, x{anon_cut} anonymous, x{copy_cut} copies"
            )
    return best, len(grid), setting


def accuracy_table() -> tuple[pd.DataFrame, tuple[int, int, str]]:
    rows = []
    claims, truth = population(kinds=False)
    frame = claims.frame
    by = ["quantity", "year"]
    rows.append(("median of figures", *score(frame.groupby(by)["best"].median(), truth)))
    rows.append(("majority vote", *score(majority(frame), truth)))
    rows.append(("CRH-style weighted median", *score(crh(frame), truth)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for s in STRATEGIES:
            r = claims.reconcile(by=by, strategy=s)
            rows.append((f'reconcile(strategy="{s}")', *score(r["best"], truth)))
        r = claims.reconcile(by=by, strategy="reliability")
        rows.append(('reconcile(strategy="reliability")', *score(r["best"], truth)))
        kinded, _ = population(kinds=True)
        r = kinded.reconcile(by=by, strategy="reliability")
        rows.append(
            (
                'reconcile(strategy="reliability"), anonymous editors a kind',
                *score(r["best"], truth),
            )
        )
    table = pd.DataFrame(rows, columns=["method", "MAE", "exact", "within 1%"]).set_index("method")
    return table, supervised_ceiling(frame, truth)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", default="1e7", help="claims for the speed test (0: skip)")
    ap.add_argument("--groups", default=None, help="groups (default: claims / 10)")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    table, (ceiling, tried, setting) = accuracy_table()
    with pd.option_context("display.width", 120):
        print("Accuracy on the population dev truth (136 city-years)")
        print(
            table.to_string(
                formatters={
                    "MAE": "{:,.0f}".format,
                    "exact": "{:.1%}".format,
                    "within 1%": "{:.1%}".format,
                }
            )
        )
    total = len(pd.read_csv(DATA / "population_truth_dev.csv"))
    print(
        f"\nCeiling of any weighting of sources: each source's vote learned from the census\n"
        f"figures of the other dev city-years, best of {tried} settings ({setting}):\n"
        f"  {ceiling} of {total} exact ({ceiling / total:.1%}); goal 90% = "
        f"{int(np.ceil(0.9 * total))} of {total}"
    )
    n = int(float(args.claims))
    if n:
        groups = int(float(args.groups)) if args.groups else max(n // 10, 1)
        claims = synthetic(n, groups)
        # interleaved, best of --repeat each, wall-clock and CPU time (the machine may be
        # shared: CPU time is what the computation itself costs)
        plain, rel = [], []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for _ in range(args.repeat):
                plain.append(timed(lambda: claims.reconcile()))
                rel.append(timed(lambda: claims.reconcile(strategy="reliability")))
        pw, pc = min(t[0] for t in plain), min(t[1] for t in plain)
        rw, rc = min(t[0] for t in rel), min(t[1] for t in rel)
        print(
            f"\nSpeed, {n:,} claims in {groups:,} groups (best of {args.repeat}):\n"
            f"  wall clock: reconcile() {pw:.2f} s, "
            f'strategy="reliability" {rw:.2f} s: {rw / pw:.1f}x (goal <= 10x)\n'
            f"  CPU time:   reconcile() {pc:.2f} s, "
            f'strategy="reliability" {rc:.2f} s: {rc / pc:.1f}x\n'
            f"  load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )


if __name__ == "__main__":
    main()
