"""Issue 12 in the table layer: one row-to-Figure path, one missing-value rule, explicit
options."""

from __future__ import annotations

import dataclasses
import inspect
import warnings

import numpy as np
import pandas as pd
import pytest

import estimates as est
from estimates._model.missing import is_missing, present
from estimates._table import ingest
from estimates._table.schema import row_figure


def test_missing_value_rule():
    assert [is_missing(v) for v in (None, pd.NA, pd.NaT, np.nan, np.float32("nan"))] == [True] * 5
    assert [is_missing(v) for v in (0, "", "x", 0.0, pd.Timestamp("2024-01-01"))] == [False] * 5
    assert present(np.nan) is None and present("a") == "a"


def test_one_row_to_figure_path_serves_claims():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", est.DataQualityWarning)
        claims = est.read_claims("seeds/kursk_claims.csv")
    frame = claims.frame
    for i in range(len(frame)):
        assert claims[i].figure == row_figure(frame.iloc[i])
    assert row_figure(frame.iloc[0], unit="").unit == ""


def test_read_options_are_one_small_frozen_object():
    opts = ingest.ReadOptions(lang="fr", na_values={"best": [-999]})
    with pytest.raises(dataclasses.FrozenInstanceError):
        opts.lang = "en"  # type: ignore[misc]
    assert opts.na_for("best") == [-999] and opts.na_for("low") == []
    # The readers take the options object, not long runs of positional arguments.
    for fn in (ingest._figures_from_numbers, ingest._read_dates, ingest._figures_from_text):
        assert len(inspect.signature(fn).parameters) <= 5


def test_accessor_spells_out_its_arguments():
    for name in ("claims", "validate"):
        params = inspect.signature(getattr(est._api.accessor.EstimatesAccessor, name)).parameters
        assert not any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    df = pd.DataFrame({"what": ["q"], "lo": [1], "who": ["A"], "stated": ["2024-01-01"]})
    c = df.estimates.claims(columns={"quantity": "what", "low": "lo", "source": "who"})
    assert c.frame["low"].tolist() == [1]
