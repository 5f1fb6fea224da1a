"""Datawrapper export: one chart per quantity, a dated row per claim, only stated numbers."""

from __future__ import annotations

import csv
import json
import math
import re

import numpy as np
import pandas as pd
import pytest

import estimates as est
from estimates._compute.selection import Selection
from estimates._present.export import datawrapper, datawrapper_charts, write_datawrapper

from ..datasets import NK, ROOT, quiet, strict_table

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBERS = ("from", "to", "value")


@pytest.fixture(scope="module")
def protest() -> est.Claims:
    return est.read_claims(ROOT / "tests" / "data" / "protest_paris.csv", lang="lang")


@pytest.fixture(scope="module")
def hostile() -> est.Claims:
    return est.read_claims(
        pd.DataFrame(
            {
                "quantity": ["=cmd|' /C calc'!A0"] * 5,
                "figure": ["10,000", "up to 12,000", "more than 20,000", "5,000", "7,000"],
                "source": ["=A", "'=A", "<b>Bold</b> & co", "+cmd", "@SUM(A1)"],
                "url": [
                    "javascript:alert(1)",
                    "https://example.org/a?b=1&c=2",
                    'https://ok.example/"onmouseover="alert(1)',
                    None,
                    "http://example.com/x",
                ],
                "stated": ["2024-11-01", "2024-11-02", "2024-11-03", "2024-11-04", "2024-11-05"],
            }
        )
    )


def stated_by_some_source(claims: est.Claims) -> set[float]:
    """Every number written in the claims' texts (digits with thousands separators)."""
    found: set[float] = set()
    for text in claims.frame["text"].dropna():
        for m in re.findall(r"\d[\d\s\u202f,.]*\d|\d", str(text)):
            found.add(float(re.sub(r"[\s\u202f,]", "", m)))
    return found


def plotted(table: pd.DataFrame) -> set[float]:
    values = table[list(NUMBERS)].to_numpy(dtype="float64").ravel()
    return {float(v) for v in values if not math.isnan(v)}


# ---------------------------------------------------------------- issue 8
def test_seed_one_chart_per_quantity_every_value_stated(seed):
    charts = quiet(datawrapper_charts, seed)
    assert [str(k) for k in charts] == [
        NK,
        "North Korean weapons containers sent to Russia",
        "Russian troops held in Kursk by Ukraine",
    ]
    stated = stated_by_some_source(seed)
    for table, meta in charts.values():
        assert plotted(table) <= stated, (plotted(table) - stated, meta["title"])
    nk, meta = charts[NK]
    rows = nk.set_index("source")
    # "des milliers" is not a dot at 6,000: it states no number.
    vague = rows.loc["South Korea; United States; Ukraine"]
    assert all(math.isnan(vague[c]) for c in NUMBERS)
    # "up to 12,000" is not a plain dot at 12,000, nor a bar from 0: a ceiling, open below.
    ceiling = rows.loc["US intelligence; South Korean intelligence; Ukrainian intelligence"]
    assert math.isnan(ceiling["from"]) and ceiling["to"] == 12000
    assert math.isnan(ceiling["value"]) and ceiling["open end"] == "below"
    us = rows.loc["United States"]
    assert (us["from"], us["to"], us["value"]) == (10000, 10000, 10000)
    # Dates as stated (the week, not a day of it nobody said); the undated claim says so.
    assert nk["stated"].tolist()[:2] == ["2024-W45", "2024-11-12"]
    containers_when = charts["North Korean weapons containers sent to Russia"][0]["stated"]
    assert containers_when.tolist() == ["2024-10"]  # "last month", not 31 October
    assert pd.isna(nk["stated"].iloc[2])
    assert nk["claim"].tolist()[0] == "United States · week of 4 November 2024"
    assert meta["estimates"]["unit"] == "soldier" and meta["title"] == NK
    containers = charts["North Korean weapons containers sent to Russia"][0].iloc[0]
    assert containers["from"] == 13000 and math.isnan(containers["to"])
    assert math.isnan(containers["value"]) and containers["open end"] == "above"


def test_mixed_quantities_are_refused_in_one_chart(seed):
    with pytest.raises(est.OptionError, match="a chart shows one quantity"):
        quiet(datawrapper, seed)
    table, meta = quiet(datawrapper, seed, "North Korean weapons containers sent to Russia")
    assert len(table) == 1 and meta["estimates"]["unit"] == "container"


def test_protest_table_every_plotted_value_was_stated(protest):
    table, meta = datawrapper(protest)
    assert plotted(table) <= stated_by_some_source(protest)
    rows = table.set_index("source")
    assert (rows.loc["CGT", "from"], rows.loc["CGT", "open end"]) == (50000, "above")
    assert math.isnan(rows.loc["CGT", "to"]) and math.isnan(rows.loc["CGT", "value"])
    assert (rows.loc["BFMTV", "from"], rows.loc["BFMTV", "to"]) == (20000, 30000)
    assert math.isnan(rows.loc["BFMTV", "value"])  # no invented middle of 25,000
    assert all(math.isnan(rows.loc["Reuters", c]) for c in NUMBERS)  # no 60,000
    assert rows.loc["AFP", "value"] == 15000 and math.isnan(rows.loc["AFP", "from"])
    assert rows.loc["Occurrence", "value"] == 16200
    assert set(table["stated"]) == {"2025-03-08"}
    assert "state no number (1)" in meta["metadata"]["annotate"]["notes"]


def test_economist_dates_every_row_and_never_mixes_quantities(economist):
    book = est.SourceBook(aliases={"UK Ministry of Defence": "UK MoD"})
    with pytest.warns(est.ComparabilityWarning):
        charts = datawrapper_charts(economist, selection=Selection(sources=book))
    assert len(charts) == 4
    for key, (table, meta) in charts.items():
        assert table["stated"].notna().all()  # 2022 and 2026 figures always dated
        assert meta["title"] == str(key)
        assert "UK Ministry of Defence" not in set(table["source"])


def test_french_headers_and_chart_types(protest):
    table, meta = datawrapper(protest, lang="fr-FR", chart="dot")
    assert table.columns.tolist() == [
        "affirmation",
        "source",
        "date",
        "texte",
        "de",
        "à",
        "valeur",
        "sans borne",
    ]
    assert table["sans borne"].tolist()[1] == "au-dessus"
    assert table["affirmation"].tolist()[0] == "Préfecture de police · 8 mars 2025"
    assert meta["type"] == "d3-dot-plot" and meta["language"] == "fr-FR"
    assert datawrapper(protest, chart="arrow")[1]["type"] == "d3-arrow-plot"
    with pytest.raises(est.OptionError, match="chart="):
        datawrapper(protest, chart="pie")


def test_single_quantity_gets_its_sentence_as_intro(seed):
    claims = seed[np.asarray(seed.frame["quantity"] == NK)]
    _, meta = quiet(datawrapper, claims)
    assert meta["metadata"]["describe"]["intro"].startswith(
        "There are three estimates of North Korean troops in Kursk"
    )


# ---------------------------------------------------------------- issue 13
def test_sources_that_collide_after_neutralising_stay_two_rows(hostile):
    table, _ = datawrapper(hostile)
    assert len(table) == 5  # nothing silently dropped
    assert table["source"].tolist()[:2] == ["'=A", "''=A"]
    for col in ("claim", "source", "as written"):
        for cell in table[col].dropna():
            assert not cell.startswith(FORMULA_START), cell


def test_html_in_source_names_is_escaped_for_datawrapper(hostile):
    table, meta = datawrapper(hostile)
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in table["source"].tolist()
    assert not any("<b>" in str(c) for c in table.to_numpy().ravel())
    assert "<b>" not in json.dumps(meta)
    # One URL policy: only safe links, never one with a quote or a javascript: scheme.
    assert meta["estimates"]["links"] == ["https://example.org/a?b=1&c=2", "http://example.com/x"]
    assert meta["metadata"]["describe"]["source-url"] == "https://example.org/a?b=1&c=2"


def test_written_csv_is_spreadsheet_safe_and_json_next_to_it(hostile, tmp_path):
    ((csv_path, json_path),) = write_datawrapper(
        datawrapper_charts(hostile), tmp_path / "chart.csv"
    )
    assert json_path == tmp_path / "chart.json"
    with open(csv_path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 6  # header + five claims
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_START), cell
    meta = json.loads(json_path.read_text(encoding="utf-8"))
    assert meta["estimates"]["label_column"] == "claim"


def test_one_file_pair_per_quantity(seed, tmp_path):
    written = write_datawrapper(quiet(datawrapper_charts, seed), tmp_path / "kursk.csv")
    assert [p.name for p, _ in written] == [
        "kursk-1-north-korean-troops-in-kursk.csv",
        "kursk-2-north-korean-weapons-containers-sent-to-russia.csv",
        "kursk-3-russian-troops-held-in-kursk-by-ukraine.csv",
    ]
    assert all(j.exists() for _, j in written)


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
    assert table["from"].tolist() == [-5, -3] and table["to"].tolist() == [-1, 2]
    ((csv_path, _),) = write_datawrapper(datawrapper_charts(claims), tmp_path / "t.csv")
    assert "A · 1 January 2024,A,2024-01-01,,-5,-1,," in csv_path.read_text(encoding="utf-8")
