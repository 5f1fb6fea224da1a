"""The seed article end to end: exactly its five claims, and the same reconciliation."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from estimates import EstimatesWarning, parse, read_claims
from estimates._api.extract import extract
from estimates._extract.extract import EXTRA_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_9e8ba33e4502eb57.txt"
CURATED = ROOT / "seeds" / "kursk_claims.csv"
NK = "North Korean troops in Kursk"


@pytest.fixture(scope="module")
def text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def frame(text: str) -> pd.DataFrame:
    return extract(text, lang="fr", published="2024-11-12").frame


def _iso(a: object, b: object) -> str | None:
    from estimates import DateInterval

    return None if pd.isna(a) else str(DateInterval(a, b))  # type: ignore[arg-type]


def test_exactly_five_claims(frame: pd.DataFrame) -> None:
    rows = [
        (q, t, s, _iso(a, b), _iso(c, d))
        for q, t, s, a, b, c, d in zip(
            frame["quantity"],
            frame["text"],
            frame["source"],
            frame["stated_start"],
            frame["stated_end"],
            frame["refers_start"],
            frame["refers_end"],
            strict=True,
        )
    ]
    assert rows == [
        (
            "soldats nord-coréens @ Russie",
            "des milliers de soldats",
            "Corée du Sud; États-Unis; Ukraine",
            None,
            None,
        ),
        ("soldats nord-coréens @ Koursk", "10 000 soldats", "États-Unis", "2024-W45", None),
        ("soldats @ Koursk", "environ 50 000 soldats", "Volodymyr Zelensky", "2024-11-11", None),
        (
            "soldats nord-coréens @ Ukraine",
            "jusqu’à 12 000 soldats",
            "services de renseignement américains; services de renseignement sud-coréens; "
            "services de renseignement ukrainiens",
            "2024-11-12",
            None,
        ),
        (
            "conteneurs d’artillerie, de missiles et d’autres armes @ Russie",
            "plus de 13 000 conteneurs",
            "agence de renseignement sud-coréenne",
            "2024-10",
            "2023-08/2024-10",
        ),
    ]


def test_figures_hedges_counted(frame: pd.DataFrame, text: str) -> None:
    assert frame["hedge"].astype(str).tolist() == [
        "magnitude",
        "exact",
        "approx",
        "up_to",
        "more_than",
    ]
    assert frame["counted"].tolist() == [
        "soldats nord-coréens",
        "soldats nord-coréens",
        "soldats",
        "soldats nord-coréens",
        "conteneurs d’artillerie, de missiles et d’autres armes",
    ]
    assert frame["place"].tolist() == ["Russie", "Koursk", "Koursk", "Ukraine", "Russie"]
    for t, a, b, sentence in zip(
        frame["text"], frame["span_start"], frame["span_end"], frame["sentence"], strict=True
    ):
        assert text[a:b] == t  # the evidence: the figure's words
        assert t in sentence
        assert parse(t, "fr").hedge == parse(text[a:b], "fr").hedge
    # no year or date taken as a figure
    assert not any(any(y in t for y in ("2023", "2024", "août")) for t in frame["text"])
    assert frame["status"].astype(str).tolist()[1] == "confirmed"
    assert list(frame.columns[-len(EXTRA_COLUMNS) :]) == list(EXTRA_COLUMNS)


def test_reasons(frame: pd.DataFrame) -> None:
    reasons = frame["reasons"].tolist()
    assert "stated: no date in the text" in reasons[0]
    assert "'La semaine dernière' = 2024-W45" in reasons[1]
    assert "'lundi' = 2024-11-11" in reasons[2]
    assert "present tense 'estiment'" in reasons[3]
    assert "publication date" in reasons[3]
    assert "'depuis août 2023'" in reasons[4]
    # début août is a date inside a relative clause: not the statement date, nor read
    assert "début août" not in reasons[1]
    conf = frame["confidence"].tolist()
    assert all(0 < c <= 1 for c in conf)
    assert conf[3] < conf[0]  # the present tense date is an inference


def test_reconcile_matches_the_curated_table(frame: pd.DataFrame) -> None:
    mapping = {
        "soldats nord-coréens @ Russie": NK,
        "soldats nord-coréens @ Koursk": NK,
        "soldats nord-coréens @ Ukraine": NK,
    }
    mine = frame.copy()
    mine["quantity"] = mine["quantity"].replace(mapping)
    cols = [
        "claims",
        "stated_low",
        "stated_high",
        "envelope_low",
        "envelope_high",
        "envelope_low_closed",
        "envelope_high_closed",
        "verdict",
        "unit",
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EstimatesWarning)  # one undated claim in each
        got = read_claims(mine).reconcile().loc[NK, cols]
        want = read_claims(CURATED).reconcile().loc[NK, cols]
    pd.testing.assert_series_equal(got, want)


def test_same_day_weekday_and_no_published(text: str) -> None:
    # Published the Monday itself, "lundi" is that day.
    f = extract(text, "fr", "2024-11-11").frame
    assert _iso(f["stated_start"][2], f["stated_end"][2]) == "2024-11-11"
    # Without a publication date nothing is resolved, and the reasons say so.
    f = extract(text, "fr").frame
    assert f["stated_start"].isna().all() and f["refers_start"].isna().all()
    assert all("no publication date" in r for r in f["reasons"])
    assert f["source"].notna().all()


def test_without_dateparser(text: str) -> None:
    a = extract(text, "fr", "2024-11-12").frame
    b = extract(text, "fr", "2024-11-12", use_dateparser=False).frame
    for c in ("stated_start", "stated_end", "refers_start", "refers_end"):
        assert a[c].equals(b[c])
