"""Issue 13 at table level: every input is read right, refused by name, or flagged."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pandas as pd
import pytest

import estimates as est
from estimates import ValidationError
from estimates._table.io import neutralise_formulas


def _df(**cols):
    n = max(len(v) for v in cols.values())
    base = {"quantity": ["q"] * n, "source": [f"S{i}" for i in range(n)]}
    base.update(cols)
    return pd.DataFrame(base)


def _read(data, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", est.DataQualityWarning)
        return est.read_claims(data, **kw)


def _failure(data, **kw):
    with pytest.raises(ValidationError) as info:
        _read(data, **kw)
    return info.value.failures


# ---------------------------------------------------------------- dates out of range
@pytest.mark.parametrize("day", ["3024-11-12", "0001-01-01", "1677-01-01", "2263-01"])
def test_dates_outside_the_pandas_range_are_refused_not_wrapped(day):
    f = _failure(_df(low=[1, 2], stated=["2024-11-12", day]))
    assert f[["row", "column", "value"]].values.tolist() == [[1, "stated", day]]
    assert "1677-09-22 and 2262-04-10" in f["expected"].iloc[0]


def test_dates_outside_the_range_in_datetime_columns_and_formats():
    wide = pd.Series(np.array(["2024-11-12", "3024-11-12"], dtype="datetime64[s]"))
    f = _failure(_df(low=[1, 2], published=wide))
    assert f["row"].tolist() == [1] and f["column"].tolist() == ["published"]
    f = _failure(_df(low=[1], stated=["12/11/3024"]), date_format="%d/%m/%Y")
    assert f["value"].tolist() == ["12/11/3024"]


# ---------------------------------------------------------------- overflow, underflow
def test_overflowing_and_underflowing_numbers_are_refused_as_written():
    f = _failure(_df(low=["1", "1e-400", "2"], high=["1e400", "5", "-1e999"]))
    got = {(r, c, v) for r, c, v in f[["row", "column", "value"]].values.tolist()}
    assert got == {(0, "high", "1e400"), (1, "low", "1e-400"), (2, "high", "-1e999")}
    assert "inf" not in " ".join(f["value"].astype(str))
    # inf written as inf stays an open bound; a real zero stays zero.
    c = _read(_df(low=["0", "0.0e5"], high=["inf", "1"]))
    assert c.frame["high"].tolist() == [np.inf, 1.0] and c.frame["low"].tolist() == [0, 0]


def test_check_failures_show_the_cell_as_written():
    f = _failure(_df(low=["12,000"], high=["1 000"]))
    assert f[["column", "value"]].values.tolist() == [["low", "12,000"]]


# ---------------------------------------------------------------- duplicate headers
def test_duplicate_headers_in_a_dataframe_are_named():
    df = pd.DataFrame([["q", 1, "A", "B"]], columns=["quantity", "low", "source", "source"])
    f = _failure(df)
    assert f["column"].tolist() == ["source"]
    assert "2" in f["expected"].iloc[0]


def test_duplicate_headers_in_a_csv_are_named_not_renamed(tmp_path):
    p = tmp_path / "dup.csv"
    p.write_text("quantity,figure,source,source\nq,12,A,B\n", encoding="utf-8")
    f = _failure(p)
    assert f["column"].tolist() == ["source"]


# ---------------------------------------------------------------- contradicting columns
def test_figure_text_contradicting_numbers_is_an_error():
    f = _failure(_df(figure=["up to 12,000", "about 50"], low=[50000, 50], high=[None, 50]))
    assert f[["row", "column", "value"]].values.tolist()[0] == [0, "figure", "up to 12,000"]
    assert "[0, 12000]" in f["expected"].iloc[0] and "50000" in f["expected"].iloc[0]
    # Text and numbers that agree read fine.
    c = _read(_df(figure=["up to 12,000"], high=[12000]))
    assert c.frame["high"].tolist() == [12000]


@pytest.mark.parametrize(
    ("hedge", "cols", "blamed"),
    [
        ("at_most", {"low": [5]}, "ceiling"),
        ("up_to", {"low": [5]}, "ceiling"),
        ("more_than", {"high": [5]}, "floor"),
        ("range", {"low": [5]}, "range"),
        ("exact", {"low": [5]}, "best"),
    ],
)
def test_hedge_contradicting_the_numbers_is_an_error(hedge, cols, blamed):
    f = _failure(_df(hedge=[hedge], **cols))
    assert f[["row", "column", "value"]].values.tolist() == [[0, "hedge", hedge]]
    assert blamed in f["expected"].iloc[0]


# ---------------------------------------------------------------- flag mode
def test_flag_mode_keeps_every_original_cell_and_infers_nothing():
    df = _df(low=["x", "1"], high=["30", "2"], note=["  keep  me ", "n"], extra=[3.5, None])
    c = _read(df, errors="flag")
    f = c.frame
    # low='x' is not read as 0 with an 'up to' hedge: nothing is inferred.
    assert np.isnan(f["low"].iloc[0]) and f["high"].iloc[0] == 30
    assert pd.isna(f["hedge"].iloc[0])
    cells = json.loads(f["original_cells"].iloc[0])
    assert cells == {
        "quantity": "q",
        "source": "S0",
        "low": "x",
        "high": "30",
        "note": "  keep  me ",
        "extra": 3.5,
    }
    assert pd.isna(f["original_cells"].iloc[1])  # clean rows carry no copy
    long = "x" * 200
    c = _read(_df(low=[long], high=["3"]), errors="flag")
    assert json.loads(c.frame["original_cells"].iloc[0])["low"] == long


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_a_flagged_table_reads_back_as_the_same_table(tmp_path, fmt):
    df = _df(
        low=["x", "1", "3", "1e400", "4"],
        high=["30", "2", "2", "5", "5"],
        stated=["2024-01-01", "3024-01-01", "2024-02-02T10:30", "zz", "2024-03-01"],
        extra=["=1+1", " =2", "a", None, "b"],
    )
    flagged = _read(df, errors="flag")
    assert flagged.flags.notna().tolist() == [True, True, True, True, False]
    path = tmp_path / f"flagged.{fmt}"
    getattr(flagged, f"to_{fmt}")(path)
    back = _read(path, errors="flag")
    # Missing is missing (None in memory, NaN from a file): compare the values.
    pd.testing.assert_frame_equal(
        back.frame.astype(object).where(back.frame.notna(), None),
        flagged.frame.astype(object).where(flagged.frame.notna(), None),
    )
    # With errors="raise", rows flagged earlier are refused by row.
    with pytest.raises(ValidationError) as info:
        _read(path)
    assert info.value.failures["row"].tolist() == [0, 1, 2, 3]


# ---------------------------------------------------------------- smaller losses
def test_extra_datetime_columns_keep_their_time_of_day(tmp_path):
    when = pd.to_datetime(["2024-11-12 18:30", "2024-11-13 00:00"])
    c = _read(_df(low=[1, 2], seen=when))
    csv = c.to_csv()
    assert "2024-11-12T18:30:00" in csv and ",2024-11-13," in csv.replace("\r\n", ",")
    doc = json.loads(c.to_json())
    assert [r["seen"] for r in doc["claims"]] == ["2024-11-12T18:30:00", "2024-11-13"]


def test_quantity_from_a_float_column_reads_the_same_with_or_without_nans():
    a = _read(
        pd.DataFrame({"c": ["UA", "UA"], "y": [2024.0, 2025.0], "low": [1, 2]}),
        quantity=["c", "y"],
    )
    b = _read(
        pd.DataFrame({"c": ["UA", "UA"], "y": [2024.0, np.nan], "low": [1, 2]}),
        quantity=["c", "y"],
        errors="flag",
    )
    assert a.frame["quantity"].tolist() == ["UA 2024", "UA 2025"]
    assert b.frame["quantity"].iloc[0] == "UA 2024"


def test_note_and_text_are_kept_verbatim():
    c = _read(_df(figure=[" up to 12,000 "], note=["  two  spaces\n"]))
    assert c.frame["text"].iloc[0] == " up to 12,000 "
    assert c.frame["note"].iloc[0] == "  two  spaces\n"
    assert c.frame["high"].iloc[0] == 12000


def test_negative_zero_is_written_as_negative_zero(tmp_path):
    c = _read(_df(low=[-0.0], high=[1.0], unit=["degC"]))
    text = c.to_csv()
    assert ",-0.0," in text
    p = tmp_path / "z.csv"
    p.write_text(text, encoding="utf-8")
    assert np.signbit(_read(p).frame["low"].iloc[0])


# ---------------------------------------------------------------- blame
def test_a_lone_negative_high_blames_high():
    f = _failure(_df(high=[-5]))
    assert f[["column", "value"]].values.tolist() == [["high", -5]]
    assert "starts at 0" in f["expected"].iloc[0]


def test_a_lone_negative_best_blames_best():
    f = _failure(_df(best=[-5]))
    assert f[["column", "value"]].values.tolist() == [["best", -5]]


# ---------------------------------------------------------------- errors a user can act on
def test_a_cp1252_file_gets_an_encoding_hint(tmp_path):
    p = tmp_path / "fr.csv"
    p.write_bytes("quantity,figure,source\nmanifestants,12 000,Préfecture\n".encode("cp1252"))
    with pytest.raises(ValidationError, match="encoding='cp1252'") as info:
        _read(p)
    assert "line 2" in str(info.value)
    c = _read(p, encoding="cp1252", lang="fr")
    assert c.frame["source"].tolist() == ["Préfecture"]


def test_a_semicolon_file_gets_a_separator_hint(tmp_path):
    p = tmp_path / "fr.csv"
    p.write_text("quantity;figure;source;stated\nq;12;A;2024-11-12\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="sep=';'"):
        _read(p)
    assert _read(p, sep=";").frame["best"].tolist() == [12]


@pytest.mark.parametrize("name", ["empty.csv", "empty.json", "empty.jsonl", "blank.csv"])
def test_empty_files_all_give_an_empty_table(tmp_path, name):
    p = tmp_path / name
    p.write_text("" if name.startswith("empty") else "\n\n", encoding="utf-8")
    c = _read(p)
    assert len(c) == 0 and list(c.frame.columns[:3]) == ["quantity", "text", "low"]


# ---------------------------------------------------------------- stated with a time
def test_stated_takes_a_time_of_day_and_keeps_days_as_days(tmp_path):
    c = _read(
        _df(low=[8000, 12000, 5], stated=["2025-03-08T09:00", "2025-03-08T18:00", "2025-03-08"])
    )
    f = c.frame
    assert f["stated_start"].tolist() == [
        pd.Timestamp("2025-03-08 09:00"),
        pd.Timestamp("2025-03-08 18:00"),
        pd.Timestamp("2025-03-08"),
    ]
    assert f["stated_end"].iloc[1] > f["stated_end"].iloc[0]  # the two updates are ordered
    for fmt in ("csv", "json", "parquet"):
        path = tmp_path / f"t.{fmt}"
        getattr(c, f"to_{fmt}")(path)
        pd.testing.assert_frame_equal(_read(path).frame, f)
    with pytest.raises(ValidationError, match="2025-03-08T18:00"):
        _read(_df(low=[1], stated=["2025-03-08T25:00"]))


# ---------------------------------------------------------------- spreadsheet safety
def test_spreadsheet_csv_neutralises_headers_and_padded_formulas():
    c = _read(_df(low=[1, 2], **{"=1+1": [" =2+2", "\n@SUM(A1)"], "ok": ["-x", "fine"]}))
    text = c.to_csv(spreadsheet=True)
    header = text.splitlines()[0]
    assert "'=1+1" in header and ",=1+1" not in header
    assert "' =2+2" in text and "'\n@SUM(A1)" in text and "'-x" in text
    # The lossless default keeps every cell as it was.
    assert ",=1+1" in c.to_csv().splitlines()[0]


def test_neutralise_formulas_is_the_one_rule():
    cells = pd.Series(["=A", " =A", "\t=A", "\r\n+A", "\u00a0@A", "a=b", "", None], dtype=object)
    assert neutralise_formulas(cells).tolist() == [
        "'=A",
        "' =A",
        "'\t=A",
        "'\r\n+A",
        "'\u00a0@A",
        "a=b",
        "",
        None,
    ]


# ---------------------------------------------------------------- the seed's warning
def test_seed_missing_date_warning_is_singular_and_names_the_row():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        est.read_claims("seeds/kursk_claims.csv")
    messages = [str(w.message) for w in caught if issubclass(w.category, est.MissingDateWarning)]
    assert messages == [
        "1 of 5 claims has no statement date (row 0, 'North Korean troops in Kursk'); "
        "as_of=, window= and timelines leave it out (give a 'stated' day or period to "
        "place it)"
    ]


def test_a_ceiling_of_zero_read_back_keeps_no_best_value(tmp_path):
    """Found by the flag-mode round trip (hypothesis): a standard table with hedge
    ``up_to``, ``low == high == 0`` and no best value read back with ``best`` 0.0 (a
    point's best was inferred even though the hedge says the figure states none)."""
    table = pd.DataFrame(
        {"quantity": ["troops"], "high": ["0"], "source": ["A"], "stated": ["2024-01-01"]},
        dtype=object,
    )
    claims = est.read_claims(table)
    assert claims.frame["hedge"].tolist() == ["up_to"]
    assert np.isnan(claims.frame["best"].iloc[0])
    for name in ("c.parquet", "c.csv", "c.json"):
        path = tmp_path / name
        getattr(claims, "to_" + name.split(".")[1])(path)
        back = est.read_claims(path)
        assert np.isnan(back.frame["best"].iloc[0]), name
        assert back.frame["hedge"].tolist() == ["up_to"]
