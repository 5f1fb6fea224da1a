"""Property suite (issue 13): for any table, ``read_claims(errors="flag")`` keeps every
row with every original cell, and the flagged table reads back the same from CSV, JSON
and Parquet."""

from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import estimates as est

pytest.importorskip("pyarrow")

CELLS = {
    "quantity": ["troops", "q", "  q  ", "=1+1", "1e6"],
    "figure": ["up to 12,000", "about 500", "des milliers", "x", "1 1/2", "12 000", "-5"],
    "low": ["1", "12,000", "x", "1e400", "1e-400", "-3", "inf", "-inf", "0", "1 000,5"],
    "high": ["30", "2", "inf", "1e308", "-5", "12000", "nan", "5"],
    "best": ["10", "-5", "1e999", "abc"],
    "hedge": ["at_most", "range", "up_to", "exact", "bogus", "more_than"],
    "source": ["A", "B; C", "=HYPERLINK(1)", "UK MoD"],
    "stated": [
        "2024-11-12",
        "3024-11-12",
        "0001-01-01",
        "2025-03-08T18:00",
        "12/11/2024",
        "2024-W45",
        "2023-08/..",
        "zz",
    ],
    "unit": ["soldier", "km", "parsec", "banana", "degC"],
    "status": ["claimed", "disputed", "nope"],
    "note": [" spaced ", "line\nbreak", "é"],
    "lang": ["en", "fr", "xx"],
    "country": ["UA", "=cmd|' /C calc'!A0", " =2"],
}
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=8,
)


def _cell(column: str) -> st.SearchStrategy[str | None]:
    return st.one_of(st.none(), st.sampled_from(CELLS[column]), TEXT)


@st.composite
def raw_tables(draw: st.DrawFn) -> pd.DataFrame:
    """A table as a CSV gives it: text cells or missing, in some of the known columns."""
    optional = sorted(set(CELLS) - {"quantity"})
    cols = ["quantity", *draw(st.lists(st.sampled_from(optional), unique=True, max_size=7))]
    if not {"figure", "low", "high", "best"} & set(cols):
        cols.append(draw(st.sampled_from(["figure", "low", "high", "best"])))
    n = draw(st.integers(1, 5))
    data = {c: draw(st.lists(_cell(c), min_size=n, max_size=n)) for c in cols}
    return pd.DataFrame(data, dtype=object)


def _flag(data) -> est.Claims:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", est.DataQualityWarning)
        return est.read_claims(data, errors="flag")


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    a = a.reset_index(drop=True)
    b = b.reset_index(drop=True)
    assert list(a.columns) == list(b.columns)
    for c in a.columns:
        x = a[c].astype(object).where(a[c].notna(), None).tolist()
        y = b[c].astype(object).where(b[c].notna(), None).tolist()
        assert x == y, c


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=raw_tables())
def test_flag_keeps_every_row_and_every_original_cell(table):
    before = table.copy()
    claims = _flag(table)
    frame = claims.frame
    pd.testing.assert_frame_equal(table, before)  # never modified
    assert len(frame) == len(table)
    flagged = frame["error"].notna().to_numpy()
    for i in flagged.nonzero()[0]:
        cells = json.loads(frame["original_cells"].iloc[i])
        assert cells == {c: table[c].iloc[i] for c in table.columns}
    # A clean row keeps its figure text as written, and computations accept it.
    for i in (~flagged).nonzero()[0]:
        claim = claims[int(i)]
        if "figure" in table.columns:
            assert claim.figure.text == table["figure"].iloc[i]


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(table=raw_tables())
def test_a_flagged_table_round_trips(tmp_path, fmt, table):
    flagged = _flag(table)
    path = tmp_path / f"flagged.{fmt}"
    getattr(flagged, f"to_{fmt}")(path)
    _same(_flag(path).frame, flagged.frame)
