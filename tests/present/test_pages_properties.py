"""Property: for any claims table, the report and the Datawrapper export run without
error, link only safe URLs, and plot only numbers some claim stated (issues 8 and 13).

The report is drawn without charts here (matplotlib is slow under hypothesis); the
chart code runs on the same rows in tests/present/test_charts.py.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import estimates as est
from estimates import strategies as es
from estimates._compute.camps import stated_numbers
from estimates._compute.reconcile import hedge_codes
from estimates._present.export import datawrapper_charts
from estimates._present.html.report import report

from .test_report import assert_safe

SETTINGS = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _quiet(fn, *args, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", est.EstimatesWarning)
        return fn(*args, **kw)


@SETTINGS
@given(claims=es.claims_tables(min_size=0, max_size=12), lang=st.sampled_from(["en", "fr"]))
def test_report_runs_on_any_claims_table(claims, lang):
    html = _quiet(report, claims, lang=lang, charts=None)
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert_safe(html)


@SETTINGS
@given(claims=es.claims_tables(min_size=1, max_size=12), lang=st.sampled_from(["en", "fr"]))
def test_datawrapper_plots_only_stated_numbers(claims, lang):
    # intro=False: the sentences have their own property tests (test_sentences.py).
    charts = _quiet(datawrapper_charts, claims, lang=lang, intro=False)
    f = claims.valid().frame
    hedge = hedge_codes(f["hedge"])
    lo, hi = stated_numbers(
        f["low"].to_numpy(float), f["high"].to_numpy(float), f["best"].to_numpy(float), hedge
    )
    stated = {float(v) for v in np.concatenate([lo, hi]) if not math.isnan(v)}
    for table, meta in charts.values():
        numbers = table.iloc[:, 4:7].to_numpy(dtype="float64").ravel()
        shown = {float(v) for v in numbers if not math.isnan(v)}
        assert all(any(math.isclose(v, s, rel_tol=1e-9) for s in stated) for v in shown)
        assert "<" not in str(meta["metadata"])


EDGES = [(5.0, math.inf), (1e40, 2e40), (1e-300, 3.0), (0.0, 2e40), (1e-300, 2e-300)]


def edge_claims(low: float, high: float) -> est.Claims:
    return _quiet(
        est.read_claims,
        pd.DataFrame(
            {
                "quantity": ["q", "q"],
                "low": [low, 1.0],
                "high": [high, 3.0],
                "source": ["A", "B"],
                "stated": ["2024-01-01", "2024-01-02"],
            }
        ),
    )


@pytest.mark.parametrize(("low", "high"), EDGES)
def test_report_and_export_at_the_edges_of_the_number_line(low, high, monkeypatch):
    # The page's own parts (key figures, tables, charts, export); the sentences are
    # the words layer's (see the next test).
    import estimates._present.sentences as sentences

    monkeypatch.setattr(sentences, "describe", lambda *a, **k: pd.Series(dtype=object))
    claims = edge_claims(low, high)
    html = _quiet(report, claims)
    assert "E40" in html or "E-300" in html or "∞" in html or "more than" in html
    assert "0.0000000" not in html  # never a row of 300 zeros
    _quiet(datawrapper_charts, claims, intro=False)


@pytest.mark.parametrize(("low", "high"), EDGES)
def test_whole_report_at_the_edges_of_the_number_line(low, high):
    _quiet(report, edge_claims(low, high), charts=None)
