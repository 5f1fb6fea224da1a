"""The faster column-wise paths against plain references, on random inputs.

Each vectorised helper the reconcile kernel leans on is checked here against a plain,
obviously-correct version: per group, per pair or per split, in Python.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from estimates import SourceBook
from estimates._compute.camps import MAX_CAMP_CLAIMS, _candidates, camp_numbers, camp_segments
from estimates._compute.compare import (
    _hard_counts_packed,
    _hard_pairs_ranked,
    repeated,
    source_codes,
    tolerances,
)
from estimates._compute.kernel import coordinates, distinct_per_group
from estimates._compute.sources import canonical_cells

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ------------------------------------------------------------------ source codes
CELLS = ["Reuters", "AFP", "Reuters; AFP", "AFP;Reuters", " ; ", "UK MoD", "Ministry of Defence"]


@SETTINGS
@given(
    st.lists(st.one_of(st.none(), st.sampled_from(CELLS)), max_size=30),
    st.booleans(),
    st.booleans(),
)
def test_source_codes_equal_factorizing_every_rows_canonical_cell(cells, categorical, aliases):
    """Codes from the distinct cells are those of factorizing each row's cell."""
    s = pd.Series(cells, dtype="category" if categorical else object)
    if categorical:
        s = s.cat.add_categories(["never used"])
    frame = pd.DataFrame({"source": s})
    book = SourceBook(aliases={"Ministry of Defence": "UK MoD"}) if aliases else None
    per_row = canonical_cells(frame, book)
    want, names = pd.factorize(per_row)
    want = want.astype(np.int64)
    names = np.asarray(names, dtype=object)
    anon = per_row == "(no source)"
    if anon.any():
        want[anon] = len(names) + np.arange(int(anon.sum()))
        names = np.concatenate([names, per_row[anon]])
    codes, got_names = source_codes(frame, book)
    assert codes.tolist() == want.tolist()
    assert got_names.tolist() == names.tolist()


# ------------------------------------------------------------------ repeats
@SETTINGS
@given(st.lists(st.integers(0, 2**62), max_size=60), st.integers(1, 40))
def test_repeated_equals_duplicated(values, modulus):
    """Rows whose key occurs again, as pandas' duplicated(keep=False) says."""
    key = np.array([v % modulus if modulus < 40 else v for v in values], dtype=np.int64)
    want = pd.Series(key, dtype="int64").duplicated(keep=False).to_numpy()
    assert repeated(key).tolist() == want.tolist()


# ------------------------------------------------------------------ distinct sources
@SETTINGS
@given(
    st.lists(st.tuples(st.integers(0, 6), st.integers(0, 2**40)), max_size=60),
    st.booleans(),
)
def test_distinct_per_group_counts_sets(pairs, small):
    ngroups = 7
    g = np.array([p[0] for p in pairs], dtype=np.int64)
    item = np.array([p[1] % 5 if small else p[1] for p in pairs], dtype=np.int64)
    want = [len({int(i) for gg, i in zip(g, item, strict=True) if gg == k}) for k in range(7)]
    assert distinct_per_group(g, item, ngroups).tolist() == want


# ------------------------------------------------------------------ coordinates
finite = st.one_of(
    st.integers(-50, 50).map(float),
    st.integers(-50, 50).map(lambda i: i + 2.0**40),
    st.integers(-50, 50).map(lambda i: i * 1e-10),
    st.integers(-50, 50).map(lambda i: i / 4),
)
bounds = st.one_of(finite, st.sampled_from([-np.inf, np.inf]))


@SETTINGS
@given(
    st.lists(
        st.tuples(finite, finite, st.booleans(), st.booleans(), st.booleans(), st.booleans()),
        min_size=1,
        max_size=25,
    )
)
def test_coordinates_decode_to_the_values_and_keep_their_order(rows):
    """Every end decodes to its value, and coordinates order ends as the extended line
    does (x- < x < x+; infinite ends are open), whichever path (integer slots or
    ranks) was taken."""
    lo = np.array([-np.inf if r[4] else min(r[0], r[1]) for r in rows])
    hi = np.array([np.inf if r[5] else max(r[0], r[1]) for r in rows])
    lc = np.array([r[2] for r in rows]) & np.isfinite(lo)
    hc = np.array([r[3] for r in rows]) & np.isfinite(hi)
    co = coordinates(lo, hi, lc, hc, 1)
    assert co.value(co.start).tolist() == lo.tolist()
    assert co.value(co.end).tolist() == hi.tolist()
    ends = [(v, 1 - int(c)) for v, c in zip(lo, lc, strict=True)]  # open start: x+
    ends += [(v, -1 + int(c)) for v, c in zip(hi, hc, strict=True)]  # open end: x-
    coords = np.concatenate([co.start, co.end]).tolist()
    for (a, ca), (b, cb) in itertools.combinations(zip(ends, coords, strict=True), 2):
        if np.isinf(a[0]) and a[0] == b[0]:
            continue  # (no finer order at infinity)
        assert (a < b) == (ca < cb) and (a == b) == (ca == cb)


# ------------------------------------------------------------------ hard pairs
@SETTINGS
@given(
    st.lists(st.tuples(st.integers(0, 3), bounds, bounds), min_size=1, max_size=40),
)
def test_packed_hard_pairs_equal_ranked(rows):
    g = np.array([r[0] for r in rows], dtype=np.int64)
    lo = np.array([min(r[1], r[2]) for r in rows])
    hi = np.array([max(r[1], r[2]) for r in rows])
    k = np.bincount(g, minlength=4)
    seg = np.zeros(5, dtype=np.int64)
    np.cumsum(k, out=seg[1:])
    order = np.argsort(g, kind="stable")
    packed = _hard_counts_packed(g[order], k, seg, lo[order], hi[order])
    want = [
        sum(
            1
            for i, j in itertools.combinations(np.flatnonzero(g == q), 2)
            if hi[i] < lo[j] or hi[j] < lo[i]
        )
        for q in range(4)
    ]
    ranked, _ = _hard_pairs_ranked(g, 4, lo, hi)
    assert ranked.tolist() == want
    if packed is not None:
        assert packed.tolist() == want


# ------------------------------------------------------------------ stands apart
@SETTINGS
@given(
    st.lists(
        st.tuples(st.integers(0, 4), st.integers(0, 12), st.integers(0, 6)),
        min_size=1,
        max_size=30,
    )
)
def test_candidates_are_the_claims_in_every_disjoint_pair(rows):
    """A claim is a candidate when leaving it out leaves no disjoint pair."""
    g = np.array([r[0] for r in rows], dtype=np.int64)
    lo = np.array([float(r[1]) for r in rows])
    hi = lo + np.array([float(r[2]) for r in rows])
    ncand, only = _candidates(g, 5, lo, hi)
    for q in range(5):
        members = np.flatnonzero(g == q).tolist()

        def disjoint_without(x: int, members: list[int] = members) -> bool:
            rest = [i for i in members if i != x]
            return any(hi[i] < lo[j] or hi[j] < lo[i] for i, j in itertools.combinations(rest, 2))

        cands = [i for i in members if not disjoint_without(i)]
        assert ncand[q] == len(cands)
        assert only[q] == (cands[0] if len(cands) == 1 else -1)


# ------------------------------------------------------------------ camps
def _dp_reference(lo: np.ndarray, hi: np.ndarray) -> list[int]:
    """The camps' dynamic programme for one group, in plain Python (as first written)."""
    k = len(lo)

    def s(i: int, j: int) -> int:
        return 1 if not (hi[i] < lo[j] or hi[j] < lo[i]) else -1

    def score(a: int, b: int) -> int:
        return sum(s(i, j) for i in range(a, b) for j in range(i + 1, b))

    best = [(0, 0)] + [(-(10**18), 0)] * k
    cut = [0] * (k + 1)
    for b in range(1, k + 1):
        for a in range(b):
            cand = (best[a][0] + score(a, b), best[a][1] - 1)
            if cand > best[b]:
                best[b], cut[b] = cand, a
    camp = [0] * k
    bounds = []
    b = k
    while b > 0:
        bounds.append((cut[b], b))
        b = cut[b]
    for c, (a, b) in enumerate(reversed(bounds)):
        camp[a:b] = [c] * (b - a)
    return camp


def _best_split(lo: np.ndarray, hi: np.ndarray) -> tuple[int, int]:
    """(score, -camps) of the best split into runs, by trying every split."""
    k = len(lo)
    best = None
    for cuts in itertools.product([False, True], repeat=k - 1):
        camp = np.concatenate([[0], np.cumsum(cuts)])
        score = sum(
            (1 if not (hi[i] < lo[j] or hi[j] < lo[i]) else -1) * (1 if camp[i] == camp[j] else -1)
            for i, j in itertools.combinations(range(k), 2)
        )
        cand = (score, -int(camp[-1] + 1))
        best = cand if best is None or cand > best else best
    assert best is not None
    return best


claim_rows = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 20), st.integers(0, 5), st.booleans()),
    min_size=1,
    max_size=40,
)


@SETTINGS
@given(claim_rows)
def test_camps_of_every_group_at_once_equal_the_plain_programme(rows):
    g = np.array([r[0] for r in rows], dtype=np.int64)
    low = np.array([r[1] * 500.0 for r in rows])
    central = np.array([r[3] for r in rows])
    high = np.where(central, low, low + np.array([r[2] * 500.0 for r in rows]))
    best = np.where(central, low, np.nan)
    hedge = np.where(central, 0, 8)  # exact, range
    camp = camp_numbers(g, 4, low, high, best, hedge)
    tol_lo, tol_hi = tolerances(hedge, low, high, best)
    for q in range(4):
        m = np.flatnonzero(g == q)
        if not len(m):
            continue
        order = np.lexsort((high[m], low[m]))
        lo_w, hi_w = (low - tol_lo)[m][order], (high + tol_hi)[m][order]
        assert camp[m][order].tolist() == _dp_reference(lo_w, hi_w)
        assert camp_segments(low[m], high[m], best[m], hedge[m]).tolist() == camp[m].tolist()
        if len(m) <= 8:  # the programme finds the best split (and the fewest camps)
            split = camp[m][order]
            score = sum(
                (1 if not (hi_w[i] < lo_w[j] or hi_w[j] < lo_w[i]) else -1)
                * (1 if split[i] == split[j] else -1)
                for i, j in itertools.combinations(range(len(m)), 2)
            )
            assert (score, -int(split.max() + 1)) == _best_split(lo_w, hi_w)


def test_large_groups_get_camps_from_overlapping_runs():
    rng = np.random.default_rng(3)
    k = MAX_CAMP_CLAIMS + 50
    g = np.repeat([0, 1], k)
    low = rng.integers(0, 400, 2 * k) * 10.0
    high = low + rng.integers(0, 30, 2 * k)
    best = np.full(2 * k, np.nan)
    hedge = np.full(2 * k, 8)
    camp = camp_numbers(g, 2, low, high, best, hedge)
    for q in (0, 1):
        m = np.flatnonzero(g == q)
        order = np.lexsort((high[m], low[m]))
        lo, hi = low[m][order], high[m][order]
        want, reach, c = [0], hi[0], 0
        for x, y in zip(lo[1:], hi[1:], strict=True):
            c += bool(x > reach)
            want.append(c)
            reach = max(reach, y)
        assert camp[m][order].tolist() == want


@given(
    st.lists(
        st.tuples(
            st.integers(0, 4),
            st.one_of(
                st.integers(-1000, 1000).map(float),
                st.floats(-1e300, 1e300),
                st.sampled_from([np.inf, -np.inf, np.nan, 0.5, 1e19]),
            ),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_group_medians_equal_pandas_with_infinities_and_huge_values(rows):
    """Integer fast path or the general one: the median of each group (the middle
    value, or halfway between the middle two), with infinite, huge and out-of-int64
    values, and without any numpy warning."""
    import warnings

    from estimates._compute.kernel import group_medians

    g = np.array([r[0] for r in rows], dtype=np.int64)
    v = np.array([r[1] for r in rows], dtype="float64")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = group_medians(g, v, 5)
    want = np.full(5, np.nan)
    for k in range(5):
        s = sorted(x for x, gk in zip(v, g, strict=True) if gk == k and not np.isnan(x))
        if s:
            lo, hi = s[(len(s) - 1) // 2], s[len(s) // 2]
            want[k] = np.nan if {lo, hi} == {np.inf, -np.inf} else lo / 2 + hi / 2
    np.testing.assert_allclose(got, want, rtol=1e-12, equal_nan=True)
