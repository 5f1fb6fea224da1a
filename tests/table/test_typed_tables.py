"""Reading a table whose columns are already typed (float64 numbers, datetime64 days,
text columns as pandas strings), as Parquet files and Dask partitions give them.

``read_claims`` takes shortcuts there (numbers are not written out and parsed again,
text is worked on once per distinct value, dates are range-checked in place).  These
tests pin that the shortcuts change nothing: the same table read from the same cells
held as plain objects (what records or JSON give, through the general path) reads the
same, row for row, failure for failure; each row reads as it reads alone; and the
table never shares memory with the user's frame.
"""

from __future__ import annotations

import contextlib
import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import estimates as est
from estimates._model.dates import EXPECTED as DATE_EXPECTED
from estimates._model.missing import is_missing
from estimates._table.ingest import _may_hold_nul, factorize_text
from tests.datasets import (
    SYRIA_CSV,
    UCDP_MAPPING,
    economist_claims,
    prio_vs_ucdp,
    quiet,
    seed_claims,
)

NUMBERS = [math.nan, math.inf, -math.inf, 0.0, -0.0, 1.0, 5.0, 12000.0, -3.0, 1e308, 5e-324]
TEXTS = [None, "", "  ", "q", " q ", "troops in Kursk", "=1+1", "a\x00b", "é t é"]
SOURCES = [None, "", "  ", "A", " A ", "B; C", "A;B;  A", ";", "UK MoD", "x (a; b)", "A\x00"]
HEDGES = [None, "", "exact", "approx", "at_most", "UP_TO", "range", "more_than", "bogus"]
UNITS = [None, "", "soldier", "km", "banana", "degC"]
STATUSES = [None, "", "claimed", "Disputed", " confirmed ", "retracted", "rumoured"]
#: pandas' datetime64[ns] range, edge days included (refused: a day must fit whole).
NS = np.iinfo(np.int64)
DAYS = ["2024-11-12", "1677-09-21", "1677-09-22", "2262-04-10", "2262-04-11", "1969-12-31"]


def _string_dtypes() -> list[object]:
    dtypes: list[object] = [object, pd.StringDtype("python"), "category"]
    try:
        import pyarrow  # noqa: F401
    except ImportError:  # pragma: no cover
        return dtypes
    dtypes.append(pd.StringDtype("pyarrow"))
    with contextlib.suppress(TypeError):  # pandas 3's default text dtype ("str", NaN)
        dtypes.append(pd.StringDtype("pyarrow", na_value=np.nan))
    return dtypes


STRING_DTYPES = _string_dtypes()
number = st.one_of(st.sampled_from(NUMBERS), st.floats(allow_nan=True, allow_infinity=True))
instant = st.one_of(
    st.none(),
    st.sampled_from(DAYS).map(np.datetime64),
    st.integers(NS.min + 1, NS.max).map(lambda i: np.datetime64(i, "ns")),
)


@st.composite
def typed_frames(draw: st.DrawFn) -> pd.DataFrame:
    """A typed claims table: float64 numbers, datetime64[ns] days, text in a string dtype."""
    n = draw(st.integers(1, 6))
    text = draw(st.sampled_from(STRING_DTYPES))

    def strings(pool: list[str | None]) -> pd.Series:
        cells = draw(st.lists(st.sampled_from(pool), min_size=n, max_size=n))
        return pd.Series(cells, dtype=object).astype(text)

    def floats() -> np.ndarray:
        return np.array(draw(st.lists(number, min_size=n, max_size=n)), dtype="float64")

    def days() -> np.ndarray:
        cells = draw(st.lists(instant, min_size=n, max_size=n))
        return np.array([np.datetime64("NaT") if c is None else c for c in cells], "M8[ns]")

    cols: dict[str, object] = {"quantity": strings(TEXTS)}
    for name in draw(st.lists(st.sampled_from(["low", "high", "best"]), min_size=1, unique=True)):
        cols[name] = floats()
    cols["source"] = strings(SOURCES)
    for name in draw(st.lists(st.sampled_from(["stated_start", "stated_end"]), unique=True)):
        cols[name] = days()
    if draw(st.booleans()):
        cols["hedge"] = strings(HEDGES)
    if draw(st.booleans()):
        cols["unit"] = strings(UNITS)
    if draw(st.booleans()):
        cols["id"] = strings(TEXTS)
    if draw(st.booleans()):
        cols["status"] = strings(STATUSES)
    return pd.DataFrame(cols)


def as_objects(frame: pd.DataFrame) -> pd.DataFrame:
    """The same cells as plain Python objects (each missing cell as its dtype's marker)."""
    return frame.astype(object)


def outcome(frame: pd.DataFrame, errors: str) -> tuple[str, object]:
    """The table read (as its frame), or the failures it was refused with."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", est.DataQualityWarning)
            return "read", est.read_claims(frame, errors=errors).frame
    except est.ValidationError as exc:
        return "refused", exc.failures


def assert_same(a: tuple[str, object], b: tuple[str, object]) -> None:
    assert a[0] == b[0]
    x, y = a[1], b[1]
    assert isinstance(x, pd.DataFrame) and isinstance(y, pd.DataFrame)
    if a[0] == "refused" and "id" in x.columns:  # a missing id: NaN or NA, as read
        x, y = (f.assign(id=[None if is_missing(v) else v for v in f["id"]]) for f in (x, y))
    pd.testing.assert_frame_equal(x, y, check_exact=True)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(typed_frames(), st.sampled_from(["raise", "flag"]))
def test_typed_table_reads_as_the_same_cells_held_as_objects(frame, errors):
    assert_same(outcome(frame, errors), outcome(as_objects(frame), errors))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(typed_frames())
def test_each_row_of_a_typed_table_reads_as_it_reads_alone(frame):
    whole = outcome(frame, "flag")[1]
    assert isinstance(whole, pd.DataFrame)
    for i in range(len(frame)):
        alone = outcome(frame.iloc[[i]], "flag")[1]
        assert isinstance(alone, pd.DataFrame)
        for c in whole.columns:
            if c in alone.columns:
                assert whole[c].iloc[[i]].equals(alone[c]), (i, c)
            else:  # a row read alone has no 'error' column when it is valid
                assert pd.isna(whole[c].iloc[i]), (i, c)


def _typed_claims(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    low = np.floor(rng.uniform(100, 1000, n))
    return pd.DataFrame(
        {
            "quantity": pd.array([f"q{i % 7}" for i in range(n)], dtype="string"),
            "low": low,
            "high": low + np.floor(rng.uniform(0, 500, n)),
            "best": np.where(rng.random(n) < 0.5, low, np.nan),
            "source": pd.array([f"source {i % 5}" for i in range(n)], dtype="string"),
            "stated_start": np.datetime64("2024-01-01", "ns")
            + rng.integers(0, 300, n).astype("m8[D]"),
            "note": pd.array([f"note {i % 3}" for i in range(n)], dtype="string"),
        }
    )


def test_low_above_high_in_a_typed_table_names_row_column_value_and_bound():
    frame = _typed_claims(1000)
    frame.loc[[3, 998], "low"] = [5000.0, math.inf]
    frame.loc[[3, 998], "high"] = [2.0, 7.5]
    frame.loc[500, "best"] = -math.inf
    with pytest.raises(est.ValidationError) as info:
        est.read_claims(frame)
    f = info.value.failures
    assert f[["row", "column"]].values.tolist() == [
        [3, "low"],
        [500, "best"],
        [500, "best"],
        [998, "low"],
        [998, "low"],
    ]
    assert f["value"].tolist() == [5000.0, -math.inf, -math.inf, math.inf, math.inf]
    assert f["expected"].tolist()[0] == "low <= high (high=2)"
    assert f["expected"].tolist()[1].startswith("a value inside [low, high] (low=")
    assert f["expected"].tolist()[2].startswith("a count >= 0")
    assert f["expected"].tolist()[3:] == ["a finite number or -inf", "low <= high (high=7.5)"]
    flagged = quiet(est.read_claims, frame, errors="flag")
    assert flagged.flags.notna().sum() == 3 and len(flagged) == 1000
    assert flagged.frame.loc[3, "low"] == 5000.0 and flagged.frame.loc[3, "high"] == 2.0


def test_a_typed_table_shares_no_memory_with_the_users_frame():
    frame = _typed_claims(50)
    keep = frame.copy(deep=True)
    claims = quiet(est.read_claims, frame)
    before = claims.frame
    frame.loc[0, "low"] = -1.0
    frame.loc[0, "stated_start"] = pd.Timestamp("2000-01-01")
    frame.loc[0, "source"] = "someone else"
    frame.loc[0, "note"] = "changed"  # free text, kept as written: still a copy
    pd.testing.assert_frame_equal(claims.frame, before)
    out = claims.frame
    out.loc[1, "low"] = -2.0
    out.loc[1, "stated_end"] = pd.Timestamp("2001-01-01")
    pd.testing.assert_frame_equal(claims.frame, before)
    frame.loc[0] = keep.loc[0]
    pd.testing.assert_frame_equal(frame, keep)


def _syria_flagged() -> est.Claims:
    return quiet(est.read_claims, SYRIA_CSV, errors="flag", **UCDP_MAPPING)


@pytest.mark.parametrize(
    "load",
    [seed_claims, economist_claims, prio_vs_ucdp, _syria_flagged],
    ids=["seed", "economist", "prio-ucdp", "ucdp-syria-flagged"],
)
def test_a_claims_table_read_again_from_its_typed_frame_is_the_same(load):
    """The standard frame (every column typed) reads back as itself, flags included."""
    claims = load()
    flagged = "error" in claims.frame.columns
    again = quiet(est.read_claims, claims.frame, errors="flag" if flagged else "raise")
    assert again.equals(claims)
    assert flagged == (load is _syria_flagged)


@pytest.mark.parametrize("held_as", ["datetime64[ns]", "text", "day-first text"])
def test_the_edge_days_of_pandas_dates_are_read_the_same_way_however_held(held_as):
    """1677-09-22 and 2262-04-10 are the first and last whole days a datetime64[ns]
    column holds: read; the days around them are refused by row (numpy wraps
    nanoseconds cast to days round near those ends: 1677-09-21 read as 2262-04-10)."""
    days = ["1677-09-21", "1677-09-22", "2262-04-10", "2262-04-11"]
    if held_as == "datetime64[ns]":
        stated = pd.Series(
            np.array(["1677-09-21T00:25", days[1], days[2], "2262-04-11T00:00"], "M8[ns]")
        )
        options = {}
    elif held_as == "text":
        stated, options = pd.Series(days), {}
    else:
        stated = pd.Series(["21/09/1677", "22/09/1677", "10/04/2262", "11/04/2262"])
        options = {"date_format": "%d/%m/%Y"}
    frame = pd.DataFrame({"quantity": "q", "low": [1.0] * 4, "source": "A", "stated": stated})
    with pytest.raises(est.ValidationError) as info:
        est.read_claims(frame, **options)
    f = info.value.failures
    assert f["row"].tolist() == [0, 3] and set(f["column"]) == {"stated"}
    assert set(f["expected"]).issubset(
        {"a date between 1677-09-22 and 2262-04-10 (the range of pandas dates)"}
        | {f"a date in the format '%d/%m/%Y', or {DATE_EXPECTED}"}
    )
    read = quiet(est.read_claims, frame.iloc[1:3], **options).frame
    assert read["stated_start"].dt.strftime("%Y-%m-%d").tolist() == days[1:3]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.text(max_size=6)), max_size=12),
    st.integers(0, 4),
    st.sampled_from(STRING_DTYPES[1:]),
)
def test_the_quick_nul_scan_finds_every_nul_and_only_those(cells, start, dtype):
    """The scan that spares the check by row says False only when no cell holds NUL,
    on any slice of a column (pyarrow arrays share their bytes with the whole)."""
    cells = [c for c in cells if c is None or not any(0xD800 <= ord(x) < 0xE000 for x in c)]
    values = pd.Series(cells, dtype=object).astype(dtype).iloc[start:]
    holds = any(isinstance(c, str) and "\x00" in c for c in cells[start:])
    assert _may_hold_nul(values) == holds


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(st.none(), st.sampled_from(["A", "A\x00", "A\x00x", "\\0", "\x00", ""])),
        max_size=10,
    ),
    st.sampled_from(STRING_DTYPES),
)
def test_factorize_text_tells_apart_cells_that_differ_after_a_nul(cells, dtype):
    """pandas 2 hashes text only up to its first NUL; the cells read once per distinct
    value must still be the distinct cells."""
    values = pd.Series(cells, dtype=object).astype(dtype)
    codes, uniques = factorize_text(values)
    assert [None if c < 0 else uniques[c] for c in codes] == [
        None if is_missing(v) else v for v in values.astype(object)
    ]
    assert len(set(uniques)) == len(uniques)


def test_a_cell_with_a_nul_is_refused_not_read_up_to_the_nul():
    frame = pd.DataFrame(
        {
            "quantity": ["q", "q"],
            "low": [1.0, 2.0],
            "source": ["A", "A"],
            "stated": ["2024-01-01", "2024-01-01\x00x"],
            "unit": ["km", "km\x00zz"],
        }
    )
    with pytest.raises(est.ValidationError) as info:
        est.read_claims(frame)
    f = info.value.failures
    assert f[["row", "column"]].values.tolist() == [[1, "unit"], [1, "stated"]]
    assert f["value"].tolist() == ["km\x00zz", "2024-01-01\x00x"]
