"""reconcile, disagreements, timeline and sensitivity on the seed and the real datasets."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import estimates as est

from ..datasets import BOOK, DATA, NK, flagged_pair, prio_vs_ucdp, quiet, table


# ---------------------------------------------------------------- the seed article
def test_seed_troops_range_from_10000_to_12000(seed):
    r = quiet(seed.reconcile)
    nk = r.loc[NK]
    assert (nk["stated_low"], nk["stated_high"]) == (10000, 12000)
    assert nk["claims"] == 3
    assert nk["sources"] == 6  # South Korea, United States, Ukraine + three agencies
    assert nk["unit"] == "soldier"
    # Issue 8: "des milliers" is [2,000, 20,000) (the plurals tile the line), so it
    # holds the US figure of 10,000: the three claims agree on 10,000.
    assert nk["verdict"] == "agree" and nk["conflicts"] == 0 and math.isnan(nk["max_gap"])
    assert (nk["consensus_low"], nk["consensus_high"]) == (10000, 10000)
    assert (nk["agreement_low"], nk["agreement_high"], nk["agreement_claims"]) == (
        10000,
        10000,
        3,
    )
    assert nk["agreement_low_closed"] and nk["agreement_high_closed"]
    assert nk["agreement_regions"] == 1
    assert nk["best"] == 10000


def test_seed_50000_held_in_kursk_never_pooled(seed):
    r = quiet(seed.reconcile)
    assert set(r.index) == {
        NK,
        "Russian troops held in Kursk by Ukraine",
        "North Korean weapons containers sent to Russia",
    }
    held = r.loc["Russian troops held in Kursk by Ukraine"]
    assert held["claims"] == 1 and held["verdict"] == "single"
    assert (held["envelope_low"], held["envelope_high"], held["best"]) == (45000, 55000, 50000)
    assert r.loc[NK, "envelope_high"] == 20000  # "des milliers" is [2,000, 20,000)
    containers = r.loc["North Korean weapons containers sent to Russia"]
    assert containers["unit"] == "container"
    assert containers["envelope_low"] == 13000 and not containers["envelope_low_closed"]
    assert math.isinf(containers["envelope_high"])


def test_seed_as_of_and_latest(seed):
    r = quiet(seed.reconcile, as_of="2024-11-11")
    assert r.loc[NK, "claims"] == 1  # only the US figure of the week of 4 November
    assert "North Korean weapons containers sent to Russia" in r.index
    with pytest.warns(est.MissingDateWarning, match="1 claims have no statement date"):
        seed.reconcile(as_of="2024-11-12")


def test_seed_sensitivity(seed):
    s = quiet(seed.sensitivity)
    without_us = s.loc[(NK, "United States")]
    # Without the United States (alone and in the joint "thousands" claim) only the
    # intelligence agencies' "up to 12,000" is left.
    assert without_us["claims"] == 1
    assert without_us["stated_low"] == 12000 and without_us["full_stated_low"] == 10000
    assert bool(without_us["changed"])


# ---------------------------------------------------------------- PRIO vs UCDP
def test_prio_ucdp_shared_conflict_years():
    prio = pd.read_csv(DATA / "prio_battle_deaths_v3.0.csv", encoding="cp1252")
    claims = prio_vs_ucdp()
    r = quiet(claims.reconcile, by=["conflict", "year"])
    shared = r[r["claims"] == 2]
    assert len(shared) == 759
    assert (shared["verdict"] == "agree").sum() == 582
    # one of the 177 disjoint pairs is only a tension (within rounding): issue 8
    assert (shared["verdict"] == "conflict").sum() == 176
    assert (shared["verdict"] == "tension").sum() == 1
    assert set(shared.index.get_level_values("year")) <= set(range(1989, 2009))
    # Philippines 1990: PRIO 25-999 against UCDP 1165-1174.
    phil = r.loc[
        (
            int(
                prio.loc[(prio["location"] == "Philippines") & (prio["year"] == 1990), "id"].iloc[
                    0
                ]
            ),
            1990,
        )
    ]
    assert phil["verdict"] == "conflict" and phil["max_gap"] == 1165 - 999
    pairs = quiet(claims.disagreements, by=["conflict", "year"])
    assert len(pairs) == 759
    assert int(pairs["conflict"].sum()) == 176 and int(pairs["tension"].sum()) == 1
    table = quiet(claims.by_source, by=["conflict", "year"])
    assert table.loc[("PRIO", "UCDP"), "pairs"] == 759
    assert table.loc[("PRIO", "UCDP"), ["conflicts", "tensions"]].tolist() == [176, 1]


# ---------------------------------------------------------------- The Economist
def test_economist_same_day_clash_is_a_conflict(economist):
    m = quiet(economist.timeline, "M", by=["country", "type"], sources=BOOK)
    nov = m.loc[("russia", "casualties", pd.Period("2024-11", "M"))]
    assert nov["verdict"] == "conflict"
    pairs = quiet(economist.disagreements, by=["country", "type"], sources=BOOK)
    day = pairs[
        (pairs["stated_a"] == pd.Timestamp("2024-11-19"))
        & (pairs["stated_b"] == pd.Timestamp("2024-11-19"))
        & (pairs["type"] == "casualties")
    ]
    assert len(day) == 1
    row = day.iloc[0]
    assert {row["source_a"], row["source_b"]} == {
        "UK MoD",
        "Western intelligence agencies (via WSJ)",
    }
    assert row["relation"] == "disjoint" and row["gap"] == 100000
    assert row["ratio"] == pytest.approx(700000 / 600000)


def test_economist_same_month_groups(economist):
    m = quiet(economist.timeline, "M", by=["country", "type"], sources=BOOK)
    assert (m["claims_total"] >= 2).sum() == 26
    # one of them holds a source's own update: a revision, compared by its latest figure
    assert (m["claims"] >= 2).sum() == 25
    june = m.loc[("russia", "deaths", pd.Period("2026-06", "M"))]
    # BBC Russia 369,000-523,000, CSIS 400,000-450,000 and NATO 500,000.
    # CSIS's 450,000 and NATO's round 500,000 (±50,000) are apart only within
    # rounding: a tension, not a conflict (issue 8)
    assert june["claims"] == 3 and june["verdict"] == "tension"
    assert (june["stated_low"], june["stated_high"]) == (369000, 523000)
    # Two sub-ranges are held by two claims each: 400,000-450,000 (BBC and CSIS) and
    # 500,000 (BBC and NATO); the sharper one is shown.
    assert (june["agreement_low"], june["agreement_high"], june["agreement_claims"]) == (
        500000,
        500000,
        2,
    )
    assert june["agreement_regions"] == 2


def test_economist_without_warring_parties(economist):
    full = quiet(economist.timeline, "Y", by=["country", "type"])
    neutral = quiet(economist.timeline, "Y", by=["country", "type"], exclude_kinds="warring party")
    # The Russian MoD's 383,000 was the top of Ukraine's 2023 casualty range.
    key = ("ukraine", "casualties", pd.Period("2023", "Y"))
    assert full.loc[key, "envelope_high"] == 383000
    assert neutral.loc[key, "envelope_high"] == 190000
    # Ukraine's 2022 deaths rest on the Office of the President alone: gone.
    assert ("ukraine", "deaths", pd.Period("2022", "Y")) in full.index
    assert ("ukraine", "deaths", pd.Period("2022", "Y")) not in neutral.index
    assert len(full) - len(neutral) == 1
    assert (full["claims_total"].sum() - neutral["claims_total"].sum()) == 4
    book = est.SourceBook(
        kinds={
            "Armed Forces of Ukraine": "warring party",
            "Russian Ministry of Defense": "warring party",
            "Office of the President of Ukraine": "warring party",
        }
    )
    plain = economist.frame.drop(columns="source_kind")
    via_book = quiet(
        quiet(est.read_claims, plain).timeline,
        "Y",
        by=["country", "type"],
        exclude_kinds="warring party",
        sources=book,
    )
    pd.testing.assert_frame_equal(via_book, neutral)


def test_economist_casualty_range_rises(economist):
    t = quiet(economist.timeline, "Y", by=["country", "type"])
    rc = t.loc[("russia", "casualties")]
    assert list(rc.index.astype(str)) == ["2022", "2023", "2024", "2025", "2026"]
    assert rc["stated_low"].is_monotonic_increasing
    assert rc["stated_high"].is_monotonic_increasing
    # each year's range is its latest month's; the first figure is kept apart (issue 8)
    assert (rc["first_best"].iloc[0], rc["stated_high"].iloc[-1]) == (11966, 1490000)


def test_running_timeline_envelope_is_monotone_for_uk_mod(economist):
    uk = quiet(
        est.read_claims,
        economist.frame[
            economist.frame["source"].isin(["UK MoD", "UK Ministry of Defence"])
            & (economist.frame["quantity"] == "russia casualties")
        ],
    )
    t = quiet(uk.timeline, "M", sources=BOOK, running=True)
    assert (t["claims"] == 1).all()  # one source (after aliases), its latest claim
    periods = t.index.get_level_values("period")
    assert (str(periods.min()), str(periods.max()), len(t)) == ("2022-04", "2026-04", 49)
    # The running best grows month after month (cumulative casualties); in 2024-11 the
    # latest claim is "at least 700,000", which states no best value.
    best = t["best"].dropna()
    assert best.is_monotonic_increasing and len(best) == 48


def test_cumulative_decrease_is_flagged():
    claims = quiet(
        est.read_claims,
        pd.DataFrame(
            {
                "quantity": ["toll"] * 3,
                "figure": ["1,500", "3,000", "2,800"],
                "source": ["A", "A", "A"],
                "stated": ["2024-01-01", "2024-02-01", "2024-03-01"],
            }
        ),
    )
    with pytest.warns(est.RevisionWarning, match="from 3,000 to 2,800"):
        r = claims.reconcile(cumulative=True)
    assert r.loc["toll", "decreases"] == 1
    # Growth over weeks reads as growth, not conflict, period by period.
    t = quiet(claims.timeline, "M")
    assert set(t["verdict"]) == {"single"}


def test_weighted_latest_conservative_midpoint_pooled(economist):
    june = table(
        quantity=["q"] * 3,
        low=[369000, 400000, 500000],
        high=[523000, 450000, 500000],
        source=["BBC Russia", "CSIS", "NATO"],
        stated=["2026-06-01", "2026-06-10", "2026-06-20"],
    )
    pick = {
        s: quiet(june.reconcile, strategy=s).loc["q", "best"]
        for s in ("median", "conservative", "midpoint", "latest")
    }
    assert pick["median"] == 446000  # midpoints 446,000 and 425,000, and 500,000
    assert pick["conservative"] == 369000
    assert pick["midpoint"] == 500000  # no consensus; the sharpest agreement is 500,000
    assert pick["latest"] == 500000
    book = est.SourceBook(weights={"NATO": 0, "CSIS": 3})
    w = quiet(june.reconcile, strategy="weighted", sources=book).loc["q", "best"]
    assert w == pytest.approx((446000 + 3 * 425000) / 4)
    pooled = quiet(june.reconcile, strategy="pooled").loc["q"]
    assert pooled["best_strategy"] == "pooled"
    assert pooled["pool_p05"] < pooled["pool_p50"] < pooled["pool_p95"]
    assert pooled["pool_p05"] >= 369000 and pooled["pool_p95"] <= 523000


def test_pooled_point_masses_and_quantiles():
    claims = quiet(
        est.read_claims,
        pd.DataFrame({"quantity": ["q", "q"], "best": [100, 200], "source": ["A", "B"]}),
    )
    r = quiet(claims.reconcile, strategy="pooled", quantiles=(0.25, 0.5, 0.75))
    assert r.loc["q", ["pool_p25", "pool_p50", "pool_p75"]].tolist() == [100, 100, 200]


def test_comparability_warning_for_periods():
    claims = quiet(
        est.read_claims,
        pd.DataFrame(
            {
                "quantity": ["q", "q"],
                "low": [1, 2],
                "source": ["A", "B"],
                "refers_to": ["2022", "2024"],
                "stated": ["2024", "2024"],
            }
        ),
    )
    with pytest.warns(est.ComparabilityWarning, match="do not overlap"):
        claims.reconcile()


def test_pair_budget():
    claims = quiet(
        est.read_claims,
        pd.DataFrame(
            {"quantity": ["q"] * 50, "low": np.arange(50), "source": "A", "stated": "2024"}
        ),
    )
    with pytest.raises(est.PairBudgetError) as info:
        claims.disagreements(max_pairs=100)
    assert info.value.pairs == 1225 and info.value.budget == 100
    assert len(claims.disagreements(max_pairs=1225)) == 1225


def test_flagged_rows_are_left_out_with_a_warning():
    claims = flagged_pair()
    with pytest.warns(est.DataQualityWarning, match="1 claims flagged invalid"):
        r = claims.reconcile()
    assert r.loc["q", "claims"] == 1
