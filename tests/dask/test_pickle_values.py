"""Every value type, and the claims table, pickles and deep-copies to an equal value."""

from __future__ import annotations

import copy
import pickle
from datetime import date

import pandas as pd
import pytest

import estimates as est
from estimates._api.claims import Claims

from ..datasets import BOOK, economist_claims, seed_claims


def _round_trips(obj):
    yield pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
    yield pickle.loads(pickle.dumps(obj, protocol=2))
    yield copy.deepcopy(obj)
    yield copy.copy(obj)


def _claim() -> est.Claim:
    return est.Claim(
        est.parse("up to 12,000 soldiers"),
        "North Korean troops in Kursk",
        source="US intelligence; South Korean intelligence",
        reported_by="Reuters",
        stated="2024-11",
        refers_to="2024-10-01/2024-11-30",
        url="https://example.org/a",
        published=date(2024, 11, 5),
        lang="en",
        status="disputed",
        note="n",
        id="c1",
        extra={"desk": "world", "score": 3},
    )


VALUES = {
    "figure": est.parse("environ 50 000 soldats", lang="fr"),
    "figure-open": est.parse("more than 1,000 people"),
    "date": est.DateInterval.parse("2024-W45"),
    "sourcebook": BOOK,
    "sourcebook-full": est.SourceBook(
        aliases={"UK Ministry of Defence": "UK MoD", "MoD": "UK Ministry of Defence"},
        kinds={"UK MoD": "government"},
        weights={"government": 0.5, "UK MoD": 2},
    ),
    "conventions": est.get_conventions("acled"),
    "conventions-custom": est.Conventions(
        name="test-pickle", description="d", about=0.2, plural=est.MagnitudeReading(3, 9)
    ),
    "hedge": est.Hedge.UP_TO,
    "claim": _claim(),
}


@pytest.mark.parametrize("name", sorted(VALUES))
def test_value_round_trips(name):
    obj = VALUES[name]
    for back in _round_trips(obj):
        assert type(back) is type(obj)
        assert back == obj
        assert repr(back) == repr(obj)


def test_sourcebook_keeps_its_behaviour():
    book = VALUES["sourcebook-full"]
    for back in _round_trips(book):
        assert back.canonical("mod") == "UK MoD"
        assert back.weight("UK Ministry of Defence") == 2.0
        assert back.kind("MoD") == "government"


def test_claim_keeps_extra_read_only():
    for back in _round_trips(VALUES["claim"]):
        assert dict(back.extra) == {"desk": "world", "score": 3}
        with pytest.raises(TypeError):
            back.extra["desk"] = "x"  # type: ignore[index]


@pytest.mark.parametrize("load", [seed_claims, economist_claims])
def test_claims_table_round_trips(load):
    claims = load()
    for back in _round_trips(claims):
        assert isinstance(back, Claims)
        pd.testing.assert_frame_equal(back.frame, claims.frame)
    # every row of a real table pickles as a Claim (missing extras are NaN, which is
    # equal to itself only by identity: compare them as pandas does)
    rows = list(claims)
    for back_rows in (pickle.loads(pickle.dumps(rows)), copy.deepcopy(rows)):
        assert len(back_rows) == len(rows)
        for a, b in zip(rows, back_rows, strict=True):
            assert a.replace(extra={}) == b.replace(extra={})
            assert pd.Series(dict(a.extra), dtype=object).equals(
                pd.Series(dict(b.extra), dtype=object)
            )
