"""Lossless round trips of claims tables through CSV, JSON and Parquet."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

import estimates as est
from estimates import strategies as S  # noqa: N812

pytest.importorskip("pyarrow")

FORMATS = ["csv", "json", "parquet", "jsonl"]


def _write(claims: est.Claims, path, fmt: str) -> None:
    if fmt == "csv":
        claims.to_csv(path)
    elif fmt == "json":
        claims.to_json(path)
    elif fmt == "parquet":
        claims.to_parquet(path)
    else:
        import json

        from estimates._table.io import records

        with open(path, "w", encoding="utf-8") as fh:
            for r in records(claims.frame):
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def _read(path) -> est.Claims:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", est.DataQualityWarning)
        return est.read_claims(path)


def _assert_same(a: est.Claims, b: est.Claims) -> None:
    fa = a.frame.reset_index(drop=True)
    fb = b.frame.reset_index(drop=True)
    pd.testing.assert_frame_equal(fa, fb, check_dtype=True, check_exact=True)
    assert a.equals(b)


@pytest.mark.slow  # > 5 s: still runs in CI
@pytest.mark.parametrize("fmt", FORMATS)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(table=S.claims_tables(max_size=12))
def test_round_trip(tmp_path, fmt, table):
    path = tmp_path / f"claims.{fmt}"
    _write(table, path, fmt)
    _assert_same(table, _read(path))


def test_round_trip_keeps_every_kind_of_figure(tmp_path):
    conv = est.get_conventions()
    figs = [
        conv.figure("up_to", 12000, unit="soldier"),
        conv.figure("more_than", 13000, unit="container"),
        conv.figure("approx", 50000, unit="soldier"),
        conv.magnitude("plural", 1000, unit="soldier"),
        est.Figure(-float("inf"), float("inf"), unit="dimensionless"),
        est.Figure(0.1, 0.30000000000000004, False, True, best=0.2),
        conv.figure("less_than", 100),
    ]
    claims = est.Claims.from_claims(
        est.Claim(
            f,
            quantity="q",
            source=("US intelligence", "South Korean intelligence"),
            stated="2024-W45",
            refers_to="2023-08/2024-10",
            note="=cmd|' /C calc'!A0",
            url="https://example.org/?a=1&b=<2>",
        )
        for f in figs
    )
    for fmt in FORMATS:
        path = tmp_path / f"c.{fmt}"
        _write(claims, path, fmt)
        back = _read(path)
        _assert_same(claims, back)
        assert [c.figure for c in back] == figs


def test_spreadsheet_csv_neutralises_formulas(tmp_path):
    claims = est.Claims.from_claims(
        [
            est.Claim(
                est.Figure.exact(1),
                quantity="=1+1",
                source="@SUM(A1)",
                note="+33 1 23",
                stated="2024-01-01",
            ),
        ]
    )
    text = claims.to_csv(spreadsheet=True)
    row = text.splitlines()[1]
    assert row.startswith("'=1+1,")
    assert ",'@SUM(A1)," in row and ",'+33 1 23," in row
    lossless = claims.to_csv()
    assert lossless.splitlines()[1].startswith("=1+1,")
