"""Issue 8 (compute part): revisions, time-aware comparison, tensions, stated-only
ratios and gaps, who stands apart and the camps, on the seed, the Economist data and
the protest table (tests/data/protest_paris.csv)."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import estimates as est
from estimates._compute.compare import rounding

from ..datasets import BOOK, DATA, NK, quiet, table

PROTEST = DATA / "protest_paris.csv"
BY = ["country", "type"]


@pytest.fixture(scope="module")
def protest() -> est.Claims:
    return est.read_claims(PROTEST)


def _all_warnings(fn, *args, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = fn(*args, **kw)
    return out, caught


# ------------------------------------------------------------------ 1. revisions
def test_economist_same_source_pairs_are_revisions_never_conflicts(economist):
    d = quiet(economist.disagreements, BY, sources=BOOK)
    same = (d["source_a"].astype(str) == d["source_b"].astype(str)).to_numpy()
    assert same.sum() == (d["kind"] == "revision").sum() > 700
    assert not (d["conflict"].to_numpy() & same).any()
    assert not (d["tension"].to_numpy() & same).any()
    # Without the source book, "UK Ministry of Defence" and "UK MoD" are two sources
    # but each still never conflicts with itself.
    raw = quiet(economist.disagreements, BY)
    raw_same = (raw["source_a"].astype(str) == raw["source_b"].astype(str)).to_numpy()
    assert not (raw["conflict"].to_numpy() & raw_same).any()
    # by_source never counts a source against itself, nor revisions
    bs = quiet(economist.by_source, BY, sources=BOOK)
    assert not (bs.index.get_level_values(0) == bs.index.get_level_values(1)).any()
    assert int(bs["conflicts"].sum()) == 2 * int(d["conflict"].sum()) or bs["conflicts"].sum() > 0


def test_police_update_is_a_revision_not_a_conflict():
    police = table(
        quantity=["protesters"] * 2,
        figure=["8,000", "12,000"],
        source=["Préfecture de police"] * 2,
        stated=["2025-03-07", "2025-03-08"],
    )
    r = police.reconcile()
    row = r.loc["protesters"]
    assert row["verdict"] == "single" and row["conflicts"] == 0
    assert (row["claims"], row["claims_total"], row["revisions"]) == (1, 2, 1)
    assert row["stated_low"] == row["stated_high"] == 12000  # the latest figure
    d = police.disagreements()
    assert d["kind"].tolist() == ["revision"] and not d["conflict"].any()
    assert police.disagreements(revisions=False).empty
    rev = police.revisions()
    assert rev["best"].tolist() == [8000, 12000]
    assert rev["direction"].astype(str).tolist() == ["first", "up"]
    assert rev["change"].iloc[1] == 4000 and math.isnan(rev["change"].iloc[0])
    assert rev["stated"].iloc[1] == pd.Timestamp("2025-03-08")


def test_revisions_after_aliases_and_cumulative_decrease(economist):
    rev = quiet(economist.revisions, BY, sources=BOOK, cumulative=True)
    uk = rev[
        (rev["source"] == "UK MoD") & (rev["country"] == "russia") & (rev["type"] == "casualties")
    ]
    assert len(uk) > 10 and (uk["revision"].diff().dropna() > 0).all()
    # a running total that grows: most of UK MoD's updates go up
    assert (uk["direction"] == "up").sum() > (uk["direction"] == "down").sum()
    assert set(rev["direction"].astype(str)) <= set(est._compute.revisions.DIRECTIONS)
    # ranges state no central value: no change is invented for them
    ranged = rev[rev["best"].isna() | rev["previous_best"].isna()]
    assert ranged["change"].isna().all()


# ------------------------------------------------------------------ 2. time
def test_economist_no_conflict_between_claims_further_apart_than_the_window(economist):
    d = quiet(economist.disagreements, BY, sources=BOOK)
    c = d[d["conflict"].to_numpy()]
    assert len(c) > 0
    apart = (c["stated_a"] - c["stated_b"]).abs()
    assert (apart <= pd.Timedelta(days=31)).all()
    far = d[(d["stated_a"] - d["stated_b"]).abs() > pd.Timedelta(days=31)]
    assert (far["kind"].astype(str).isin(["different_time", "revision"])).all()


def test_economist_reconcile_is_time_aware_and_says_so(economist):
    r, caught = _all_warnings(economist.reconcile, BY, sources=BOOK)
    comp = [w for w in caught if issubclass(w.category, est.ComparabilityWarning)]
    assert len(comp) == 1
    assert "span more than 31 days" in str(comp[0].message)
    assert "russia casualties" in str(comp[0].message)
    cas = r.loc[("russia", "casualties")]
    # the latest range, not a 2022 figure against a 2026 one
    assert cas["compared_since"] == pd.Timestamp("2026-05-30")
    assert cas["latest_stated"] == pd.Timestamp("2026-06-30")
    assert cas["claims"] < cas["claims_total"] == 66
    assert cas["stated_high"] == 1_490_000 and cas["stated_low"] >= 1_000_000
    # and how the estimates grew: the earliest dated figure
    assert (cas["first_best"], cas["first_source"]) == (11966, "UK MoD")
    assert cas["first_stated"] == pd.Timestamp("2022-04-01")
    # an explicit window says nothing; None compares every source's latest claim
    _, quiet_caught = _all_warnings(economist.reconcile, BY, sources=BOOK, compare_within="31D")
    assert not [w for w in quiet_caught if issubclass(w.category, est.ComparabilityWarning)]
    every = quiet(economist.reconcile, BY, sources=BOOK, compare_within=None)
    assert every.loc[("russia", "casualties"), "earlier"] == 0
    assert every.loc[("russia", "casualties"), "claims"] > cas["claims"]


def test_readme_yearly_timeline_no_longer_reads_growth_as_conflict(economist):
    t = quiet(economist.timeline, "Y", BY, sources=BOOK)
    assert len(t) == 19
    assert (t["verdict"] == "conflict").sum() <= 5  # was 17 of 19
    cum = quiet(economist.timeline, "Y", BY, sources=BOOK, cumulative=True)
    cas = cum.loc[("russia", "casualties")]
    # a running total: the range rises year after year
    assert cas["stated_high"].is_monotonic_increasing
    assert cas["stated_low"].iloc[-1] > 10 * cas["stated_low"].iloc[0]


def test_overlapping_refers_to_periods_are_the_same_time():
    claims = table(
        quantity=["deaths in 2023"] * 2,
        best=[1000, 5000],
        source=["A", "B"],
        stated=["2024-01-10", "2024-09-01"],
        refers_to=["2023", "2023"],
    )
    r = claims.reconcile(compare_within="31D")
    assert r["claims"].iloc[0] == 2 and r["verdict"].iloc[0] == "conflict"
    d = claims.disagreements()
    assert d["kind"].tolist() == ["compared"] and d["conflict"].tolist() == [True]


# ------------------------------------------------------------------ 3. tension
def test_seed_north_korean_troops_are_not_a_conflict(seed):
    nk = quiet(seed.reconcile).loc[NK]
    assert nk["verdict"] == "agree" and nk["conflicts"] == 0 and nk["tensions"] == 0
    d = quiet(seed.disagreements)
    assert not d["conflict"].any()


def test_a_separation_only_at_a_conventional_edge_is_a_tension():
    claims = table(
        quantity=["troops"] * 2,
        figure=["des milliers", "20 000"],
        lang=["fr", "fr"],
        source=["Ukraine", "United States"],
        stated=["2024-11-10", "2024-11-12"],
    )
    row = claims.reconcile().iloc[0]
    assert (row["verdict"], row["conflicts"], row["tensions"]) == ("tension", 0, 1)
    d = claims.disagreements()
    assert d["relation"].tolist() == ["disjoint"]
    assert d["tension"].tolist() == [True] and d["conflict"].tolist() == [False]


def test_the_old_convention_edge_reads_as_tension():
    # Under a profile with the old "thousands" [2,000, 10,000), the seed's case
    # ("des milliers" against 10,000: disjoint, gap 0) is a tension, not a conflict.
    old = est.Conventions(
        name="old-thousands",
        description="thousands is [2,000, 10,000)",
        plural=est.MagnitudeReading(2, 10),
    )
    claims = quiet(
        est.read_claims,
        pd.DataFrame(
            {
                "quantity": ["troops"] * 2,
                "figure": ["des milliers", "10 000"],
                "lang": ["fr", "fr"],
                "source": ["Ukraine", "United States"],
                "stated": ["2024-11-10", "2024-11-12"],
            }
        ),
        conventions=old,
    )
    row = claims.reconcile().iloc[0]
    assert row["envelope_low"] == 2000 and row["verdict"] == "tension"


def test_within_rounding_is_tension_beyond_is_conflict(protest):
    d = protest.disagreements()
    pair = d[(d["source_a"] == "Préfecture de police") & (d["source_b"] == "AFP")].iloc[0]
    assert pair["relation"] == "disjoint" and pair["tension"] and not pair["conflict"]
    pair = d[(d["source_a"] == "BFMTV") & (d["source_b"] == "AFP")].iloc[0]
    assert pair["conflict"] and not pair["tension"]
    assert int(d["conflict"].sum()) == 11 and int(d["tension"].sum()) == 1


def test_rounding_steps():
    got = rounding(np.array([12000, 15000, 16200, 10000, 390580, 0.5, np.nan, -2000]))
    assert got.tolist() == [500, 1500, 50, 1000, 5, 0, 0, 200]


# ------------------------------------------------------------------ 4. stated numbers only
def test_ratio_uses_only_stated_numbers(seed):
    d = quiet(seed.disagreements)
    us = d[(d["source_a"] == "United States") & d["source_b"].astype(str).str.startswith("US ")]
    assert len(us) == 1 and math.isnan(us["ratio"].iloc[0])  # never 10,000 / 6,000
    vs_tens = table(
        quantity=["troops"] * 2,
        figure=["10,000", "tens of thousands"],
        source=["A", "B"],
        stated=["2024-11-12"] * 2,
    ).disagreements()
    assert math.isnan(vs_tens["ratio"].iloc[0])  # never 60,000 / 10,000
    assert math.isnan(vs_tens["gap_stated"].iloc[0])  # "tens of thousands" states none


def test_open_bounds_give_lower_bound_gaps(protest):
    d = protest.disagreements(only_conflicts=True)
    cgt = d[(d["source_a"] == "Préfecture de police") & (d["source_b"] == "CGT")].iloc[0]
    assert (cgt["gap_stated"], cgt["gap_open"]) == (38000, True)  # "by more than 38,000"
    assert cgt["ratio_is_bound"] and cgt["ratio"] == pytest.approx(50000 / 12000)
    occ = d[(d["source_a"] == "Préfecture de police") & (d["source_b"] == "Occurrence")].iloc[0]
    assert (occ["gap_stated"], occ["gap_open"], occ["ratio_is_bound"]) == (4200, False, False)
    assert occ["ratio"] == pytest.approx(16200 / 12000)


# ------------------------------------------------------------------ 5. apart and camps
def test_protest_no_single_source_stands_apart_two_camps(protest):
    r = protest.reconcile().iloc[0]
    assert r["stands_apart"] is None and math.isnan(r["apart_gap"])
    camps = protest.camps()
    assert camps["camps"].tolist() == [2, 2]
    low, high = camps.iloc[0], camps.iloc[1]
    assert low["source_list"] == ["Préfecture de police", "AFP", "Occurrence"]
    assert (low["low"], low["high"]) == (12000, 16500)
    assert (low["stated_low"], low["stated_high"]) == (12000, 16200)
    assert high["source_list"] == ["BFMTV", "Reuters", "CGT"]
    assert high["low"] == 20000 and math.isinf(high["high"])
    assert (high["stated_low"], high["stated_high"]) == (20000, 50000)


def test_a_source_that_stands_apart_is_named_with_its_largest_gap():
    claims = table(
        quantity=["crowd"] * 4,
        figure=["10,000", "about 11,000", "between 9,000 and 12,000", "more than 50,000"],
        source=["Police", "AFP", "Reuters", "Organisers"],
        stated=["2025-03-08"] * 4,
    )
    r = claims.reconcile().iloc[0]
    assert r["stands_apart"] == "Organisers" and r["apart_direction"] == "above"
    # its largest gap is to the police's 10,000: "by more than 40,000"
    assert r["apart_gap"] == 50000 - 10000 and r["apart_gap_open"]
    assert r["conflicts"] == 3
    camps = claims.camps()
    assert camps["source_list"].tolist() == [["Reuters", "AFP", "Police"], ["Organisers"]]


def test_a_lone_conflicting_pair_has_no_source_apart():
    claims = table(
        quantity=["q"] * 2, best=[100, 300], source=["A", "B"], stated=["2025-01-01"] * 2
    )
    r = claims.reconcile().iloc[0]
    assert r["verdict"] == "conflict" and r["stands_apart"] is None


@st.composite
def _groups(draw):
    n = draw(st.integers(2, 7))
    lows = draw(st.lists(st.integers(0, 60), min_size=n, max_size=n))
    widths = draw(st.lists(st.integers(0, 20), min_size=n, max_size=n))
    return pd.DataFrame(
        {
            "quantity": ["q"] * n,
            "low": [float(lo * 7 + 1) for lo in lows],
            "high": [float(lo * 7 + 1 + w * 3) for lo, w in zip(lows, widths, strict=True)],
            "source": [f"S{i}" for i in range(n)],
            "stated": ["2025-01-01"] * n,
        }
    )


@settings(max_examples=40)
@given(_groups())
def test_stands_apart_is_leave_one_out_and_conflicts_match_pairs(df):
    claims = quiet(est.read_claims, df)
    r = claims.reconcile().iloc[0]
    d = claims.disagreements()
    assert r["conflicts"] == int(d["conflict"].sum())
    assert r["tensions"] == int(d["tension"].sum())
    resolving = [
        s
        for s in df["source"]
        if r["conflicts"] > 0
        and quiet(est.read_claims, df[df["source"] != s]).reconcile().iloc[0]["conflicts"] == 0
    ]
    expected = resolving[0] if len(resolving) == 1 else None
    assert r["stands_apart"] == expected


# ------------------------------------------------------------------ 6. issue 13
def test_offset_units_convert():
    claims = table(
        quantity=["temperature"] * 3,
        low=[5, 41, 280],
        high=[10, 50, 285],
        unit=["degree_Celsius", "degree_Fahrenheit", "kelvin"],
        source=["A", "B", "C"],
        stated=["2025-01-01"] * 3,
    )
    r = claims.reconcile().iloc[0]
    assert r["unit"] == "degree_Celsius" and r["verdict"] == "agree"
    assert r["consensus_low"] == pytest.approx(6.85) and r["consensus_high"] == pytest.approx(10)
    f = claims.to_unit("degree_Fahrenheit").frame
    assert f["low"].tolist() == pytest.approx([41, 41, 44.33])
    assert claims.to_unit("kelvin").frame["low"].iloc[0] == pytest.approx(278.15)


def test_incompatible_target_unit_is_named(seed):
    with pytest.raises(est.UnitError, match="cannot be converted to unit='parsec'"):
        quiet(seed.reconcile, unit="parsec")


def test_summaries_need_no_pairs_on_a_group_of_100000_claims():
    rng = np.random.default_rng(1)
    n = 100_000
    best = rng.integers(1000, 2000, n).astype(float)
    best[0] = 10**7  # one source far above every other
    frame = pd.DataFrame(
        {
            "quantity": "q",
            "low": best,
            "high": 3000.0 + rng.integers(0, 3000, n),  # every other claim holds 2,000-3,000
            "source": ["Outlier"] + [f"S{i}" for i in range(1, n)],
            "stated": "2025-01-01",
        }
    )
    frame.loc[0, "high"] = 10**7
    claims = quiet(est.read_claims, frame)
    r = claims.reconcile().iloc[0]
    assert r["claims"] == n and r["conflicts"] >= n - 1
    assert r["stands_apart"] == "Outlier" and r["apart_direction"] == "above"
    with pytest.raises(est.PairBudgetError):
        claims.disagreements()


def test_sensitivity_in_chunks_equals_whole(economist):
    from estimates._compute.sensitivity import sensitivity

    whole = quiet(sensitivity, economist.frame, BY, sources=BOOK)
    chunked = quiet(sensitivity, economist.frame, BY, sources=BOOK, chunk=7)
    pd.testing.assert_frame_equal(whole, chunked, check_categorical=False)


# ------------------------------------------------------------------ 7. issue 12
def test_public_compute_methods_spell_out_their_arguments():
    import inspect

    for name in (
        "reconcile",
        "disagreements",
        "revisions",
        "camps",
        "by_source",
        "timeline",
        "sensitivity",
    ):
        method = getattr(est.Claims, name)
        params = inspect.signature(method).parameters.values()
        assert not [p for p in params if p.kind is p.VAR_KEYWORD], name
        doc = inspect.getdoc(method) or ""
        for p in params:
            if p.name != "self":
                assert f"{p.name} :" in doc or f"{p.name}," in doc, (name, p.name)


def test_selection_describes_itself_and_traces_what_it_dropped(economist):
    from estimates._compute.selection import Comparison, Selection

    sel = Selection(as_of="2024-01-01", exclude_kinds="warring party", sources=BOOK)
    assert sel.describe() == [
        "claims stated on or before 2024-01-01",
        "claims by sources of kind warring party are left out",
        "one claim per repeated original (its first repetition)",
    ]
    kept, trace = quiet(sel.apply, economist.frame, BY)
    dropped_time = trace.dropped("as_of")
    dropped_kind = trace.dropped("exclude_kinds")
    assert len(kept) + len(dropped_time) + len(dropped_kind) == len(economist)
    assert (economist.frame.loc[list(dropped_time), "stated_end"] > "2024-01-01").all()
    r = quiet(economist.reconcile, BY, selection=sel)
    assert r["claims_total"].sum() == len(kept)
    with pytest.raises(est.FigureError, match="selection="):
        economist.reconcile(BY, selection=sel, as_of="2023-01-01")
    assert Comparison(compare_within="14D").steps()[0].params == {"days": 14}
    with pytest.raises(est.FigureError, match="strategy"):
        Comparison(strategy="best")


def test_one_strategies_list():
    from estimates._cli import options
    from estimates._compute.selection import ALL_STRATEGIES

    assert options.STRATEGIES is ALL_STRATEGIES
