"""Disagreements and sensitivity against plain references, and their symmetry."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

import estimates as est
from estimates._compute.disagreements import relations

from .test_kernel_properties import tables

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _quiet(fn, *args, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", est.DataQualityWarning)
        return fn(*args, **kw)


@pytest.mark.slow  # > 5 s: still runs in CI
@SETTINGS
@given(tables(integers=False))
def test_pairs_match_figure_relations(claims):
    pairs = _quiet(claims.disagreements)
    figs = {label: c.figure for label, c in zip(claims.frame.index, claims, strict=True)}
    quantity = claims.frame["quantity"].to_dict()
    k = claims.frame.groupby("quantity").size()
    assert len(pairs) == int((k * (k - 1) // 2).sum())
    for row in pairs.itertuples(index=False):
        a, b = figs[row.claim_a], figs[row.claim_b]
        assert quantity[row.claim_a] == quantity[row.claim_b] == row.quantity
        assert row.claim_a < row.claim_b
        assert row.relation == a.relation(b)
        # disjoint pairs are conflicts unless only in tension or not compared
        # (issue 8: revisions, different times, conventional edges)
        assert row.conflict == (
            a.relation(b) == "disjoint" and not row.tension and row.kind == "compared"
        )
        assert not (row.conflict and row.tension)
        assert row.gap == a.gap(b)


@SETTINGS
@given(tables(integers=True))
def test_relations_are_symmetric(claims):
    f = claims.frame
    n = len(f)
    i, j = np.meshgrid(np.arange(n), np.arange(n))
    i, j = i.ravel(), j.ravel()
    cols = [f[c].to_numpy() for c in ("low", "high", "low_closed", "high_closed")]
    ab = relations(*(c[i] for c in cols), *(c[j] for c in cols))
    ba = relations(*(c[j] for c in cols), *(c[i] for c in cols))
    for key in ("relation", "conflict", "gap", "overlap"):
        np.testing.assert_array_equal(ab[key], ba[key])


@pytest.mark.slow  # > 5 s: still runs in CI
@SETTINGS
@given(tables(integers=True))
def test_leave_one_out_equals_reconciling_without_the_source(claims):
    s = _quiet(claims.sensitivity)
    for (quantity, agent), row in s.iterrows():
        # An anonymous claim is its own source, named "(no source) #<row>".
        keep = [
            pos
            for pos, c in enumerate(claims)
            if c.quantity == quantity and agent not in c.source and agent != f"(no source) #{pos}"
        ]
        sub = claims[keep]
        expected = _quiet(sub.reconcile).loc[quantity]
        for col in ("claims", "conflicts", "verdict"):
            assert row[col] == expected[col]
        np.testing.assert_equal(row["stated_low"], expected["stated_low"])
        np.testing.assert_equal(row["envelope_high"], expected["envelope_high"])


def test_by_source_is_symmetric():
    claims = _quiet(
        est.read_claims,
        pd.DataFrame(
            {
                "quantity": ["q"] * 4,
                "low": [1, 5, 2, 20],
                "high": [3, 9, 6, 30],
                "source": ["A", "B", "A; C", "B"],
                "stated": "2024",
            }
        ),
    )
    t = _quiet(claims.by_source)
    for (s, o), row in t.iterrows():
        other = t.loc[(o, s)]
        assert (row["pairs"], row["conflicts"]) == (other["pairs"], other["conflicts"])
    wide = _quiet(claims.by_source, wide=True)
    assert wide.loc["A", "B"] == wide.loc["B", "A"] == t.loc[("A", "B"), "share"]
