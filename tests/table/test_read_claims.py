"""read_claims: mapping, inference, typed columns, errors collected by row and column."""

from __future__ import annotations

import json
import math
import warnings

import numpy as np
import pandas as pd
import pytest

import estimates as est
from estimates import ValidationError

INF = math.inf


def _df(**cols):
    n = max(len(v) for v in cols.values())
    base = {"quantity": ["q"] * n, "source": ["S"] * n, "stated": ["2024-11-12"] * n}
    base.update(cols)
    return pd.DataFrame(base)


def test_column_types_are_documented_types():
    c = est.read_claims(_df(figure=["up to 12,000 soldiers"]))
    f = c.frame
    assert f["low"].dtype == "float64" and f["best"].dtype == "float64"
    assert f["low_closed"].dtype == bool and f["ambiguous"].dtype == bool
    assert isinstance(f["quantity"].dtype, pd.StringDtype)
    assert isinstance(f["hedge"].dtype, pd.CategoricalDtype)
    assert str(f["stated_start"].dtype) == "datetime64[ns]"
    assert list(f.columns[:3]) == ["quantity", "text", "low"]


def test_numbers_infer_hedges():
    c = est.read_claims(
        _df(
            low=[1, 5, None, None, 3, 2],
            high=[3, None, 9, None, 3, 4],
            best=[2, None, None, 7, None, None],
        )
    )
    f = c.frame
    assert list(f["hedge"]) == ["range", "at_least", "up_to", "exact", "exact", "range"]
    assert list(f["low"]) == [1, 5, 0, 7, 3, 2]
    assert list(f["high"]) == [3, INF, 9, 7, 3, 4]
    assert f["best"].tolist()[3:5] == [7, 3]
    assert math.isnan(f["best"].iloc[0]) is False and f["best"].iloc[0] == 2
    assert list(f["high_closed"]) == [True, False, True, True, True, True]


def test_errors_are_collected_for_every_row_and_column():
    df = _df(
        low=["1", "x", "5", "", "-3"], high=["3", "4", "2", "", "4"], best=["", "", "", "", ""]
    )
    df.loc[4, "quantity"] = None
    with pytest.raises(ValidationError) as info:
        est.read_claims(df)
    f = info.value.failures
    assert list(f.columns) == ["row", "column", "value", "expected"]
    got = {(r, c) for r, c in zip(f["row"], f["column"], strict=True)}
    assert got == {(1, "low"), (2, "low"), (3, "low"), (4, "quantity"), (4, "low")}
    msg = str(info.value)
    assert "5 problems in 4 rows" in msg
    assert "low <= high (high=2)" in msg


def test_errors_report_user_column_names():
    df = pd.DataFrame({"what": ["q"], "lo": [5], "hi": [2], "who": ["A"]})
    with pytest.raises(ValidationError) as info:
        est.read_claims(df, quantity="what", low="lo", high="hi", source="who")
    assert info.value.failures["column"].tolist() == ["lo"]


def test_flag_keeps_rows_and_says_why():
    df = _df(low=[1, 5], high=[3, 2])
    c = est.read_claims(df, errors="flag")
    assert len(c) == 2
    assert c.flags.isna().tolist() == [True, False]
    assert "low <= high" in c.flags.iloc[1]
    assert len(c.valid()) == 1 and len(c.flagged()) == 1
    # Values are kept as given: nothing swapped; every cell is also kept as written.
    assert (c.frame["low"].iloc[1], c.frame["high"].iloc[1]) == (5, 2)
    assert json.loads(c.frame["original_cells"].iloc[1])["low"] == 5
    assert json.loads(c.frame["original_cells"].iloc[1])["high"] == 2
    with pytest.raises(ValidationError):
        c[1]
    assert c[0].figure.high == 3


def test_bad_errors_argument():
    with pytest.raises(ValueError, match="'raise'"):
        est.read_claims(_df(low=[1]), errors="ignore")


def test_unknown_field_and_missing_column():
    # A field keyword that does not exist is refused by the signature itself (help()
    # lists the fields); through ``columns`` it is refused by name.
    with pytest.raises(TypeError, match="lowest"):
        est.read_claims(_df(low=[1]), lowest="low")
    with pytest.raises(TypeError, match="unknown field"):
        est.read_claims(_df(low=[1]), columns={"lowest": "low"})
    with pytest.raises(ValidationError, match="columns are"):
        est.read_claims(_df(low=[1]), high="estimate_high")


def test_no_figure_columns():
    with pytest.raises(ValidationError, match="figure"):
        est.read_claims(pd.DataFrame({"quantity": ["q"], "source": ["s"]}))


def test_missing_source_and_date_are_typed_warnings():
    df = pd.DataFrame({"quantity": ["q", "q"], "low": [1, 2], "source": [None, "A"]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        est.read_claims(df)
    messages = {w.category: str(w.message) for w in caught}
    assert "1 of 2 claims names no source (row 0, 'q')" in messages[est.MissingSourceWarning]
    assert "2 of 2 claims have no statement date" in messages[est.MissingDateWarning]


def test_user_frame_is_never_modified():
    df = _df(low=["1", "2"], high=["3", "4"])
    before = df.copy(deep=True)
    c = est.read_claims(df)
    pd.testing.assert_frame_equal(df, before)
    out = c.frame
    out.loc[0, "low"] = -99
    assert c.frame["low"].iloc[0] == 1


def test_extra_columns_are_carried():
    df = _df(low=[1], country=["russia"])
    c = est.read_claims(df)
    assert c.frame["country"].tolist() == ["russia"]
    assert c[0].extra["country"] == "russia"


def test_quantity_from_several_columns():
    df = pd.DataFrame(
        {
            "country": ["russia"],
            "type": ["deaths"],
            "estimate": [1],
            "source": ["A"],
            "stated": ["2024"],
        }
    )
    c = est.read_claims(df, quantity=["country", "type"], best="estimate")
    assert c.quantities == ["russia deaths"]


def test_day_first_dates_need_a_format():
    df = _df(low=[1])
    df["stated"] = ["03/04/2024"]
    with pytest.raises(ValidationError, match="date_format='%d/%m/%Y'"):
        est.read_claims(df)
    c = est.read_claims(df, date_format="%d/%m/%Y")
    assert c.frame["stated_start"].iloc[0] == pd.Timestamp("2024-04-03")


def test_stated_period_and_open_refers_to():
    df = _df(low=[1, 2], stated=["2024-10", "2024-W45"], refers_to=["2023-08/..", "2024"])
    f = est.read_claims(df).frame
    assert f["stated_start"].tolist() == [pd.Timestamp("2024-10-01"), pd.Timestamp("2024-11-04")]
    assert f["stated_end"].tolist() == [pd.Timestamp("2024-10-31"), pd.Timestamp("2024-11-10")]
    assert f["refers_start"].iloc[0] == pd.Timestamp("2023-08-01")
    assert f["refers_end"].iloc[0] == pd.Timestamp("2024-10-31")


def test_negative_counts_are_suspected_sentinels():
    df = _df(low=[-99, 10], high=[5, 20])
    with pytest.raises(ValidationError, match="missing-value code"):
        est.read_claims(df)
    c = est.read_claims(df, na_values={"low": [-99]})
    assert c.frame["hedge"].tolist() == ["up_to", "range"]


def test_status_validated():
    df = _df(low=[1, 2], status=["confirmed", "rumoured"])
    with pytest.raises(ValidationError, match="claimed, confirmed, disputed, retracted"):
        est.read_claims(df)


def test_source_cells_normalised():
    c = est.read_claims(_df(low=[1], source=["  A ;B;  A "]))
    assert c.frame["source"].tolist() == ["A; B"]
    assert c[0].source == ("A", "B")
    assert c.sources == ["A", "B"]


def test_claims_indexing():
    c = est.read_claims(_df(low=[1, 2, 3]))
    assert isinstance(c[0], est.Claim)
    assert len(c[1:]) == 2
    assert len(c[c.frame["low"] > 1]) == 2
    assert [x.figure.low for x in c] == [1, 2, 3]
    with pytest.raises(IndexError):
        c[3]
    with pytest.raises(TypeError, match="frame"):
        c["low"]


def test_accessor_reads_without_modifying():
    df = _df(low=[1, 5], high=[3, 2])
    problems = df.estimates.validate()
    assert problems.index.tolist() == [1]
    assert df.columns.tolist() == ["quantity", "source", "stated", "low", "high"]


def test_unit_column_and_conversion():
    df = _df(low=[10, 16.09344], unit=["mile", "km"])
    c = est.read_claims(df)
    assert c.frame["unit"].tolist() == ["mile", "kilometer"]
    km = c.to_unit("kilometer").frame["low"].to_numpy()
    np.testing.assert_allclose(km, [16.09344, 16.09344])
    with pytest.raises(est.UnitError):
        c.to_unit("soldier")
    with pytest.raises(ValidationError, match="known unit"):
        est.read_claims(_df(low=[1], unit=["wibbles"]))


def test_lone_surrogates_are_refused_by_row_and_column():
    records = [{"quantity": "q", "low": 1, "source": "A", "stated": "2024", "note": "\ud800"}]
    with pytest.raises(ValidationError, match="valid Unicode") as info:
        est.read_claims(records)
    assert info.value.failures["column"].tolist() == ["note"]


def test_nul_characters_are_refused():
    df = _df(low=[1], note=["a\x00b"])
    with pytest.raises(ValidationError, match="without NUL"):
        est.read_claims(df)
