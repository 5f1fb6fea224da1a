"""Plain text: repr of a claims table, str of a reconciliation, reconciliation_text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import estimates as est
from estimates._present.text import (
    claims_summary,
    reconciliation_frame,
    reconciliation_summary,
    reconciliation_text,
)

from ..datasets import flagged_pair, quiet


def test_claims_repr_reads_well(seed):
    lines = repr(seed).splitlines()
    assert lines[0] == "Claims: 5 claims, 3 quantities, 7 sources"
    assert lines[1].split() == [
        "quantity",
        "figure",
        "interval",
        "unit",
        "hedge",
        "source",
        "stated",
    ]
    assert "[2,000, 20,000)" in lines[2] and "magnitude" in lines[2]
    # Dates as in sentences and charts (one date formatter).
    assert "week of 4 November 2024" in lines[3]
    assert "(13,000, ∞)" in lines[6] and "container" in lines[6] and "October 2024" in lines[6]
    assert len(lines) == 7


def test_claims_repr_flagged_and_empty():
    flagged = flagged_pair()
    text = repr(flagged)
    assert text.splitlines()[0] == "Claims: 2 claims, 1 quantity, 2 sources, 1 flagged invalid"
    assert "expected low <= high" in text
    empty = est.read_claims(pd.DataFrame({"quantity": [], "low": []}))
    assert repr(empty) == "Claims: 0 claims, 0 quantities, 0 sources"
    assert claims_summary(empty) == repr(empty)


def test_str_of_reconciliation_is_the_readers_table(seed):
    """At a terminal prompt a reconciliation reads as the CLI prints it, not as pandas'
    cut of 48 columns to a few ("claims sources ... apart_direction"); the raw frame is
    one call away and named."""
    r = quiet(seed.reconcile)
    text = str(r)
    assert text == repr(r)
    lines = text.splitlines()
    assert lines[0] == "Reconciliation: 3 groups (1 agree, 2 single)"
    assert "10,000 to as many as 12,000" in text  # the hedges of the claims kept
    assert "more than 13,000" in text and "about 50,000" in text
    assert "..." not in lines[1]  # no column elided
    assert lines[-1] == f"[{len(r.columns)} columns: .to_frame() shows them all]"
    with pd.option_context("display.width", 1000, "display.max_columns", 60):
        raw = str(r.to_frame())
    assert {"claims", "sources", "stated_low", "stated_high"} <= set(raw.splitlines()[0].split())
    # a selection is a plain DataFrame, shown as pandas shows it
    assert str(r[["claims", "verdict"]]) == str(pd.DataFrame(r)[["claims", "verdict"]])


def test_reconciliation_text(seed):
    r = quiet(seed.reconcile)
    lines = reconciliation_text(r).splitlines()
    assert lines[0] == "Reconciliation: 3 groups (1 agree, 2 single)"
    assert lines[1].split() == [
        "claims",
        "sources",
        "stated",
        "consensus",
        "agreement",
        "best",
        "verdict",
        "conflicts",
        "max",
        "gap",
        "unit",
    ]
    nk = lines[3]
    assert nk.startswith("North Korean troops in Kursk")
    assert " ".join(nk.split()[5:]) == (
        "3 6 10,000 to 12,000 [10,000] [10,000] (3 of 3 claims) 10,000 (median) agree 0 soldier"
    )
    assert " ".join(lines[4].split()[-12:]) == (
        "13,000 (13,000, ∞) (13,000, ∞) (1 of 1 claim) single 0 container"
    )


def test_reconciliation_frame_columns(seed):
    f = reconciliation_frame(quiet(seed.reconcile))
    held = f.loc["Russian troops held in Kursk by Ukraine"]
    assert held.to_dict() == {
        "claims": 1,
        "sources": 1,
        "stated": "50,000",
        "consensus": "[45,000, 55,000]",
        "agreement": "[45,000, 55,000] (1 of 1 claim)",
        "best": "50,000 (median)",
        "verdict": "single",
        "conflicts": 0,
        "max gap": "",
        "unit": "soldier",
    }


def test_reconciliation_text_limits_and_timeline(seed):
    t = quiet(seed.timeline, "M")
    text = reconciliation_text(t, max_rows=1)
    assert text.splitlines()[0].startswith("Reconciliation: ")
    assert text.endswith("more groups")
    assert reconciliation_summary(pd.DataFrame()) == "Reconciliation: 0 groups"
    empty = est.read_claims(pd.DataFrame({"quantity": [], "low": []}))
    assert reconciliation_text(empty.reconcile()) == "Reconciliation: 0 groups"


def test_agreement_says_exactly_how_many_claims_hold_it():
    claims = est.read_claims(Path(__file__).parent.parent / "data" / "protest_paris.csv")
    f = reconciliation_frame(quiet(claims.reconcile))
    assert f["agreement"].iloc[0] == "[16,200] (2 of 6 claims)"
    assert "most" not in reconciliation_text(quiet(claims.reconcile))
