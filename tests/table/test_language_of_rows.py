"""Issue 8 point 7 at table level: a row's language is never guessed silently."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import estimates as est
from estimates._cli.main import main

PROTEST = pd.DataFrame(
    {
        "quantity": ["protesters"] * 6,
        "figure": [
            "12 000 manifestants",
            "plus de 50 000 manifestants",
            "entre 20 000 et 30 000 personnes",
            "tens of thousands of protesters",
            "about 15,000 people",
            "16 200 manifestants",
        ],
        "source": ["Préfecture de police", "CGT", "BFMTV", "Reuters", "AFP", "Occurrence"],
        "stated": ["2024-11-12"] * 6,
    }
)


def _read(data, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", est.DataQualityWarning)
        return est.read_claims(data, **kw)


def test_french_hedge_without_a_lang_column_is_refused_by_row_column_and_value():
    with pytest.raises(est.ValidationError) as info:
        _read(PROTEST)
    f = info.value.failures
    rows = dict(zip(f["row"], f["value"], strict=True))
    assert rows[1] == "plus de 50 000 manifestants"
    assert rows[2] == "entre 20 000 et 30 000 personnes"
    assert set(f["column"]) == {"figure"}
    assert "lang='auto'" in f.loc[f["row"] == 1, "expected"].iloc[0]


def test_lang_auto_reads_each_row_in_its_own_language():
    c = _read(PROTEST, lang="auto")
    f = c.frame
    assert f["lang"].tolist() == ["fr", "fr", "fr", "en", "en", "fr"]
    assert (f["low"].iloc[1], f["high"].iloc[1], f["hedge"].iloc[1]) == (
        50000,
        float("inf"),
        "more_than",
    )
    assert (f["low"].iloc[2], f["high"].iloc[2], f["hedge"].iloc[2]) == (20000, 30000, "range")
    assert f["hedge"].iloc[4] == "approx" and f["best"].iloc[4] == 15000
    # A lang column still wins over lang="auto" where it has a value.
    with_col = PROTEST.assign(lang=["fr", None, None, None, "en", None])
    assert _read(with_col, lang="auto").frame["lang"].tolist() == [
        "fr",
        "fr",
        "fr",
        "en",
        "en",
        "fr",
    ]


def test_cli_hint_names_the_input_language_flag(tmp_path, capsys):
    p = tmp_path / "protest.csv"
    PROTEST.to_csv(p, index=False)
    # Every command: --lang is the output, --input-lang the figures read.
    assert main(["show", str(p), "--input-lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "use --input-lang 'fr'" in err and "lang='fr'" not in err
    assert main(["methodology", str(p), "--input-lang", "en"]) == 2
    assert "use --input-lang 'fr'" in capsys.readouterr().err
    assert main(["show", str(p)]) == 0  # --input-lang auto (the default)
    assert "plus de 50 000" in capsys.readouterr().out
