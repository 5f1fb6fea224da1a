"""Datawrapper export: the wide table, its metadata, and spreadsheet safety."""

from __future__ import annotations

import csv
import json
import math

import numpy as np
import pandas as pd
import pytest

import estimates as est
from estimates._present.export import datawrapper, write_datawrapper

from ..datasets import NK, quiet, strict_table

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HOSTILE_SOURCES = [
    '=HYPERLINK("http://x")',
    "+cmd",
    "@SUM(A1)",
    "-1+1",
    "<script>alert(1)</script>",
]


@pytest.fixture(scope="module")
def hostile() -> est.Claims:
    return est.read_claims(
        pd.DataFrame(
            {
                "quantity": ["=cmd|' /C calc'!A0"] * 3 + ["@troops"] * 2,
                "figure": ["10,000", "up to 12,000", "more than 20,000", "5,000", "7,000"],
                "source": [*HOSTILE_SOURCES],
                "url": [
                    "javascript:alert(1)",
                    "https://example.org/a?b=1&c=2",
                    None,
                    "data:text/html,<script>alert(1)</script>",
                    "http://example.com/x",
                ],
                "note": ["<img src=x onerror=alert(1)>", "=1+1", None, None, None],
                "stated": ["2024-11-01", "2024-11-02", "2024-11-03", "2024-11-04", "2024-11-05"],
            }
        )
    )


def test_seed_table_one_row_per_quantity(seed):
    table, meta = datawrapper(seed)
    assert table.columns.tolist() == [
        "quantity",
        "South Korea; United States; Ukraine",
        "United States",
        "US intelligence; South Korean intelligence; Ukrainian intelligence",
        "Volodymyr Zelensky",
        "South Korean intelligence agency",
        "lowest stated",
        "highest stated",
        "consensus from",
        "consensus to",
        "agreement from",
        "agreement to",
        "central estimate",
    ]
    t = table.set_index("quantity")
    assert t.index.tolist() == [
        NK,
        "North Korean weapons containers sent to Russia",
        "Russian troops held in Kursk by Ukraine",
    ]
    nk = t.loc[NK]
    # Each source's figure: the ceiling of "up to 12,000", the middle of "thousands".
    assert nk["United States"] == 10000
    assert nk["US intelligence; South Korean intelligence; Ukrainian intelligence"] == 12000
    assert nk["South Korea; United States; Ukraine"] == 11000  # [2,000, 20,000) since issue 8
    assert (nk["lowest stated"], nk["highest stated"]) == (10000, 12000)
    # issue 8: every claim allows 10,000 ("des milliers" is [2,000, 20,000))
    assert nk["consensus from"] == nk["consensus to"] == 10000
    assert (nk["agreement from"], nk["agreement to"], nk["central estimate"]) == (
        10000,
        10000,
        10000,
    )
    assert math.isnan(nk["Volodymyr Zelensky"])  # said nothing about this quantity
    containers = t.loc["North Korean weapons containers sent to Russia"]
    assert containers["consensus from"] == 13000
    assert math.isnan(containers["consensus to"])  # unbounded: blank, not "inf"
    assert meta["type"] == "d3-range-plot"
    assert meta["estimates"]["range"] == {"start": "lowest stated", "end": "highest stated"}
    assert meta["estimates"]["units"][NK] == "soldier"
    names = [s["name"] for s in meta["estimates"]["sources"]]
    assert names == table.columns[1:6].tolist()
    us = meta["estimates"]["sources"][1]
    assert us["claims"][0]["text"] == "10 000 soldats nord-coréens"
    assert us["claims"][0]["stated"] == "2024-W45"
    assert "Consensus" in meta["metadata"]["annotate"]["notes"]


def test_french_headers_and_chart_types(seed):
    table, meta = datawrapper(seed, lang="fr", chart="dot")
    assert table.columns[0] == "grandeur"
    assert {"plus bas avancé", "plus haut avancé", "estimation centrale"} <= set(table.columns)
    assert meta["type"] == "d3-dot-plot" and meta["language"] == "fr-FR"
    assert datawrapper(seed, chart="arrow")[1]["type"] == "d3-arrow-plot"
    with pytest.raises(ValueError, match="chart="):
        datawrapper(seed, chart="pie")


def test_single_quantity_gets_its_sentence_as_intro(seed):
    claims = seed[np.asarray(seed.frame["quantity"] == NK)]
    _, meta = quiet(datawrapper, claims)
    assert meta["metadata"]["describe"]["intro"].startswith(
        "Estimates of North Korean troops in Kursk"
    )


def test_economist_aliases_and_latest_claim_per_source(economist):
    book = est.SourceBook(aliases={"UK Ministry of Defence": "UK MoD"})
    table, meta = datawrapper(economist, sources=book, exclude_kinds="warring party")
    assert "UK Ministry of Defence" not in table.columns
    assert "Armed Forces of Ukraine" not in table.columns  # a warring party, excluded
    t = table.set_index("quantity")
    assert t.index.tolist() == [
        "russia casualties",
        "russia deaths",
        "ukraine casualties",
        "ukraine deaths",
    ]
    # UK MoD's latest figure of Russian casualties (its monthly series ends in 2026).
    f = economist.frame
    mod = f[
        (f["quantity"] == "russia casualties")
        & f["source"].isin(["UK MoD", "UK Ministry of Defence"])
    ]
    latest = mod.sort_values("stated_end").iloc[-1]
    expected = latest["best"] if not math.isnan(latest["best"]) else latest["low"]
    assert t.loc["russia casualties", "UK MoD"] == expected
    assert (t["lowest stated"] <= t["highest stated"]).all()
    links = next(s for s in meta["estimates"]["sources"] if s["name"] == "UK MoD")["links"]
    assert links and all(u.startswith(("http://", "https://")) for u in links)
    assert meta["metadata"]["describe"]["source-url"].startswith("http")


def test_hostile_cells_and_headers_are_neutralised(hostile):
    table, meta = datawrapper(hostile)
    for name in table.columns:
        assert not str(name).startswith(FORMULA_START), name
    for cell in table.iloc[:, 0]:
        assert not cell.startswith(FORMULA_START), cell
    assert '\'=HYPERLINK("http://x")' in table.columns
    assert {"'+cmd", "'@SUM(A1)", "'-1+1"} <= set(table.columns)
    assert table.iloc[:, 0].tolist() == ["'=cmd|' /C calc'!A0", "'@troops"]
    # Raw names stay in the metadata's own block; Datawrapper's HTML fields are escaped.
    names = [s["name"] for s in meta["estimates"]["sources"]]
    assert names == HOSTILE_SOURCES
    assert "<script>" not in json.dumps(meta["metadata"])
    assert "&lt;script&gt;" in meta["metadata"]["describe"]["source-name"]
    for s in meta["estimates"]["sources"]:
        for link in s["links"]:
            assert link.startswith(("http://", "https://"))
    assert meta["metadata"]["describe"]["source-url"] == "https://example.org/a?b=1&c=2"


def test_written_csv_is_spreadsheet_safe_and_json_next_to_it(hostile, tmp_path):
    csv_path, json_path = write_datawrapper(hostile, tmp_path / "chart.csv")
    assert json_path == tmp_path / "chart.json"
    with open(csv_path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 3  # header + two quantities
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_START), cell
    header = rows[0]
    assert header[0] == "quantity" and "'+cmd" in header
    body = dict(zip(header, rows[1], strict=True))
    assert body["lowest stated"] == "10000" and body["highest stated"] == "20000"
    meta = json.loads(json_path.read_text(encoding="utf-8"))
    assert meta["estimates"]["label_column"] == "quantity"


def test_negative_numbers_stay_numbers(tmp_path):
    claims = strict_table(
        quantity=["balance"] * 2,
        low=["-5", "-3"],
        high=["-1", "2"],
        unit="dimensionless",
        source=["A", "B"],
        stated=["2024-01-01", "2024-01-02"],
    )
    table, _ = datawrapper(claims)
    assert table["lowest stated"].iloc[0] == -5
    csv_path, _ = write_datawrapper(claims, tmp_path / "t.csv")
    # A's middle, B's middle, the stated ends, consensus, agreement and the median.
    assert "balance,-3,-0.5,-5,2,-3,-1,-3,-1,-1.75" in csv_path.read_text(encoding="utf-8")
