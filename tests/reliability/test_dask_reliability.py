"""Reliability on Dask: weights learned across partitions equal the single-machine ones."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from estimates._compute.reliability import discover_frame

from ..datasets import BOOK, economist_claims, quiet
from .test_reliability import population_claims

dd = pytest.importorskip("dask.dataframe")
ed = pytest.importorskip("estimates.dask")

BY = ["quantity", "year"]


def test_dask_reliability_learns_the_single_machine_weights():
    claims, _ = population_claims()
    _, single = quiet(discover_frame, claims.frame, BY)
    ddf = dd.from_pandas(claims.frame, npartitions=3)
    learned = ed.reliability(ddf, by=BY)
    assert list(learned.columns) == ["weight", "accuracy", "right", "count", "kind"]
    single = single.sort_index()
    assert learned.index.equals(single.index)
    np.testing.assert_allclose(learned["weight"], single["weight"], rtol=1e-9)
    np.testing.assert_allclose(learned["right"], single["right"], rtol=1e-9)
    np.testing.assert_allclose(learned["count"], single["count"], rtol=1e-9)
    # the busiest bot is learned to be reliable, on Dask as on one machine
    bot = "contributor #5512121: capitalbot"
    assert learned.loc[bot, "weight"] == pytest.approx(single.loc[bot, "weight"])
    assert learned.loc[bot, "count"] > 300


def test_dask_reconcile_reliability_equals_the_single_machine_result():
    claims, _ = population_claims()
    want = quiet(claims.reconcile, by=BY, strategy="reliability")
    ddf = dd.from_pandas(claims.frame, npartitions=4)
    got = quiet(lambda: ed.reconcile(ddf, by=BY, strategy="reliability").compute().sort_index())
    want = pd.DataFrame(want).sort_index()
    assert list(got.columns) == list(want.columns)
    # (labels may come back as Arrow strings: values and labels must agree)
    pd.testing.assert_series_equal(got["best"], want["best"], check_index_type=False)
    assert got["strategy_explanation"].tolist() == want["strategy_explanation"].tolist()
    assert (got["best_strategy"].astype(str) == "reliability").all()
    # a per-partition learning would differ: the weights must be the whole table's
    alone = quiet(lambda: claims.frame.iloc[: len(claims.frame) // 4].pipe(discover_frame, BY)[0])
    assert len(alone) < len(want)


def test_dask_reliability_with_aliases_and_kinds():
    claims = economist_claims()
    _, single = quiet(discover_frame, claims.frame, "quantity", sources=BOOK)
    ddf = dd.from_pandas(claims.frame, npartitions=2)
    learned = quiet(ed.reliability, ddf, sources=BOOK)
    single = single.sort_index()
    assert "UK Ministry of Defence" not in learned.index
    np.testing.assert_allclose(
        learned["weight"], single["weight"].reindex(learned.index), rtol=1e-9
    )
    assert learned.loc["Armed Forces of Ukraine", "kind"] == "warring party"
    want = quiet(claims.reconcile, strategy="reliability", sources=BOOK)
    got = quiet(
        lambda: ed.reconcile(ddf, strategy="reliability", sources=BOOK).compute().sort_index()
    )
    pd.testing.assert_series_equal(
        got["best"], pd.DataFrame(want).sort_index()["best"], check_index_type=False
    )


def test_dask_reliability_refuses_a_bad_iteration_count():
    claims, _ = population_claims()
    ddf = dd.from_pandas(claims.frame, npartitions=2)
    with pytest.raises(ValueError, match="iterations"):
        ed.reliability(ddf, by=BY, iterations=-1)
