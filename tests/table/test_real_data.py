"""The real datasets load through the public API (see tests/data/README.md)."""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import estimates as est

from ..datasets import SYRIA_CSV as SYRIA
from ..datasets import UCDP_MAPPING

DATA = Path(__file__).resolve().parents[1] / "data"
ECONOMIST = DATA / "economist_ukraine_loss_estimates.csv"
SAMPLE = DATA / "ucdp_ged231_sample1000.csv.gz"

ECONOMIST_MAPPING = {
    "quantity": ["country", "type"],
    "low": "estimate_low",
    "high": "estimate_high",
    "best": "estimate",
    "stated": "date",
    "url": "source_url",
}


@pytest.fixture(scope="module")
def economist() -> est.Claims:
    return est.read_claims(ECONOMIST, date_format="%d/%m/%Y", **ECONOMIST_MAPPING)


def test_economist_all_rows_load(economist):
    f = economist.frame
    assert len(f) == 124
    raw = pd.read_csv(ECONOMIST, dtype=str)
    lo, hi, pt = (raw[c].notna() for c in ("estimate_low", "estimate_high", "estimate"))
    # The shared README's census of the file.
    assert (pt & ~lo & ~hi).sum() == 74
    assert (lo & hi & ~pt).sum() == 30
    assert (lo & ~hi & ~pt).sum() == 14
    assert (~lo & hi & ~pt).sum() == 2
    assert (lo & hi & pt).sum() == 4
    hedges = f["hedge"].astype(str).value_counts().to_dict()
    assert hedges == {"exact": 74, "range": 34, "at_least": 14, "up_to": 2}
    # "At least" rows are [low, inf); "up to" rows are [0, high] with no best.
    at_least = f[f["hedge"] == "at_least"]
    assert (at_least["high"] == math.inf).all() and not at_least["high_closed"].any()
    up_to = f[f["hedge"] == "up_to"]
    assert (up_to["low"] == 0).all() and up_to["best"].isna().all()
    assert (f["low"] <= f["high"]).all()


def test_economist_quoted_thousands_and_both_date_forms(economist):
    f = economist.frame
    raw = pd.read_csv(ECONOMIST, dtype=str)
    quoted = raw["estimate"].str.contains(",", na=False)
    assert quoted.sum() > 0
    expected = raw.loc[quoted, "estimate"].str.replace(",", "").astype(float).to_numpy()
    np.testing.assert_array_equal(f.loc[quoted.to_numpy(), "best"].to_numpy(), expected)
    unpadded = raw["date"].str.fullmatch(r"\d{1,2}/\d/\d{4}")
    assert unpadded.any()
    row = unpadded.idxmax()
    d, m, y = (int(x) for x in raw.loc[row, "date"].split("/"))
    assert f.loc[row, "stated_start"] == pd.Timestamp(y, m, d)
    assert f["stated_start"].min() == pd.Timestamp("2022-04-01")
    assert f["stated_end"].max() == pd.Timestamp("2026-06-30")
    assert f["stated_start"].notna().all()


def test_economist_groups_and_same_day_clash(economist):
    f = economist.frame
    sizes = f.groupby(["country", "type"]).size().to_dict()
    assert sizes == {
        ("russia", "casualties"): 66,
        ("russia", "deaths"): 36,
        ("ukraine", "casualties"): 8,
        ("ukraine", "deaths"): 14,
    }
    day = f[(f["stated_start"] == "2024-11-19") & (f["quantity"] == "russia casualties")]
    claims = {c.source[0]: c.figure for c in est.read_claims(day)}
    uk, wsj = claims["UK Ministry of Defence"], claims["Western intelligence agencies (via WSJ)"]
    assert uk.hedge == "at_least" and uk.low == 700000
    assert wsj.hedge == "exact" and wsj.best == 600000
    assert uk.relation(wsj) == "disjoint"
    assert uk.gap(wsj) == 100000


def test_economist_day_first_dates_need_the_format():
    with pytest.raises(est.ValidationError) as info:
        est.read_claims(ECONOMIST, **ECONOMIST_MAPPING)
    f = info.value.failures
    assert set(f["column"]) == {"date"}
    assert "line" in f.columns and f["line"].iloc[0] == f["row"].iloc[0] + 2


def _read_syria(**kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", est.MissingDateWarning)
        return est.read_claims(SYRIA, **UCDP_MAPPING, **kw)


def test_ucdp_syria_inconsistent_events_all_reported():
    with pytest.raises(est.ValidationError) as info:
        _read_syria()
    f = info.value.failures
    raw = pd.read_csv(SYRIA)
    bad = (raw["low"] > raw["high"]) | (raw["low"] > raw["best"]) | (raw["best"] > raw["high"])
    assert bad.sum() == 101
    assert len(f) == 101 and f["row"].nunique() == 101
    assert set(f["row"]) == set(raw.index[bad])
    assert set(f["id"].astype(int)) == set(raw.loc[bad, "id"])
    swapped = raw.index[raw["low"] > raw["high"]]
    assert len(swapped) == 58
    assert set(f.loc[f["column"] == "low", "row"]) == set(swapped)
    assert (f["column"] == "best").sum() == 43
    # The example from the shared README: id 236249, low 8, best 15, high 7.
    ex = f[f["id"] == "236249"].iloc[0]
    assert (ex["column"], ex["value"]) == ("low", "8")  # the cell as written
    assert "high=7" in ex["expected"]
    assert "... +81 more" in str(info.value)


def test_ucdp_syria_flagged_not_dropped():
    claims = _read_syria(errors="flag")
    assert len(claims) == 16566
    assert len(claims.flagged()) == 101 and len(claims.valid()) == 16465
    raw = pd.read_csv(SYRIA)
    flagged = claims.flagged().frame
    # Kept exactly as given: nothing swapped or clipped.
    np.testing.assert_array_equal(flagged["low"].to_numpy(), raw.loc[flagged.index, "low"])
    np.testing.assert_array_equal(flagged["high"].to_numpy(), raw.loc[flagged.index, "high"])
    assert flagged["error"].notna().all()
    valid = claims.valid().frame
    assert (valid["low"] <= valid["high"]).all()
    multi = valid["source"].str.contains(";", na=False)
    assert multi.sum() > 1000
    assert claims.frame["refers_start"].notna().all()


def test_ucdp_sample_counts():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", est.MissingDateWarning)
        with pytest.raises(est.ValidationError) as info:
            est.read_claims(SAMPLE, **UCDP_MAPPING)
    raw = pd.read_csv(SAMPLE)
    assert (
        (raw["low"] > raw["best"]).sum(),
        (raw["best"] > raw["high"]).sum(),
        (raw["low"] > raw["high"]).sum(),
    ) == (8, 5, 7)
    bad = (raw["low"] > raw["high"]) | (raw["low"] > raw["best"]) | (raw["best"] > raw["high"])
    assert set(info.value.failures["row"]) == set(raw.index[bad])


def test_prio_missing_best_sentinel():
    prio = pd.read_csv(DATA / "prio_battle_deaths_v3.0.csv", encoding="cp1252")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", est.MissingDateWarning)
        claims = est.read_claims(
            prio.rename(columns={"source": "prio_source"}).assign(src="PRIO"),
            quantity=["id", "year"],
            low="bdeadlow",
            high="bdeadhig",
            best="bdeadbes",
            source="src",
            na_values={"best": [-999]},
        )
    f = claims.frame
    assert len(f) == 1957
    assert f["best"].isna().sum() == 771
    assert (f["hedge"] == "range").sum() + (f["hedge"] == "exact").sum() == 1957
