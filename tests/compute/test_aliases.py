"""Names that probably name one source: proposed, never merged (one source is never
cited as several unless the user says the names differ)."""

from __future__ import annotations

import string
import time

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import estimates as est
from estimates._compute.aliases import MAX_NAMES_PER_KEY, alias_candidates, name_keys

from ..datasets import DATA, economist_claims, quiet, seed_claims

ECONOMIST_PAIRS = [
    (
        "Dutch Military Intelligence and Security Service (MIVD)",
        "Dutch Military Intelligence and Security Service (MIVD; note, timing clarified via "
        "email)",
        "bracketed note",
    ),
    ("Meduza", "Meduza (cumulative)", "bracketed note"),
    ("NATO officials (via media24)", "NATO officials (via WP)", "bracketed note"),
    ("US officials (via NYT)", "US officials (via The Economist)", "bracketed note"),
    ("CSIS", "The Centre for Strategic and International Studies", "initials"),
    ("UK MoD", "UK Ministry of Defence", "initials"),
]


def _claims(names: list[str]) -> est.Claims:
    """One claim per name, of one quantity, stated on one day."""
    return est.read_claims(
        pd.DataFrame({"quantity": "q", "figure": "10", "source": names, "stated": "2024-05-01"})
    )


def _pairs(table: pd.DataFrame) -> list[tuple[str, str, str]]:
    return list(zip(table["name"], table["other"], table["reason"], strict=True))


def test_the_economist_names_one_ministry_and_one_think_tank_two_ways():
    claims = economist_claims()
    table = claims.alias_candidates()
    assert _pairs(table) == ECONOMIST_PAIRS
    by_name = table.set_index("name")
    # UK MoD's monthly series (42 claims) and the ministry's 5 are one source's
    assert by_name.loc["UK MoD", ["claims", "other_claims"]].tolist() == [42, 5]
    assert by_name.loc["CSIS", ["claims", "other_claims"]].tolist() == [9, 2]
    # "Mediazona; Meduza (cumulative)" is a joint claim: its agents count one by one
    assert by_name.loc["Meduza", ["claims", "other_claims"]].tolist() == [5, 1]
    assert list(table.columns) == ["name", "other", "reason", "claims", "other_claims"]


def test_names_the_user_already_aliased_are_one_name():
    claims = economist_claims()
    book = est.SourceBook(
        # matching ignores case and spacing
        aliases={
            "UK MoD": "UK Ministry of Defence",
            "the centre for strategic and  international studies": "CSIS",
        }
    )
    pairs = _pairs(claims.alias_candidates(sources=book))
    assert pairs == [p for p in ECONOMIST_PAIRS if p[2] != "initials"]


def test_no_pairs_among_wikipedia_editors_or_in_the_seed():
    # 2,415 editor names, 1,500-odd of them "contributor #0 (<address>)": an address in
    # brackets is an identifier, not a note, and names are a family past the cap
    raw = pd.read_csv(DATA / "population_claims.csv")
    frame = raw.rename(columns={"city": "quantity", "population": "best"})
    claims = quiet(est.read_claims, frame)
    assert raw["source"].nunique() == 2415
    assert len(claims.alias_candidates()) == 0
    assert len(seed_claims().alias_candidates()) == 0


def test_a_family_of_numbered_names_is_not_paired():
    names = [f"Reuters ({city})" for city in ("Paris", "London", "Kyiv", "Seoul", "Rome")]
    assert len(names) > MAX_NAMES_PER_KEY
    claims = _claims([*names, "Reuters"])
    assert len(claims.alias_candidates()) == 0
    two = _claims(names[:2])
    assert _pairs(two.alias_candidates()) == [
        ("Reuters (London)", "Reuters (Paris)", "bracketed note")
    ]


def test_spelling_initials_and_countries():
    names = [
        "UK Foreign ministry",
        "UK  foreign Ministry.",
        "US",
        "United States",
        "L'Agence France-Presse",
        "AFP",
        "Agence France Presse",
        "État-major",
        "Etat major",
        "The Memory Book",
    ]
    pairs = {(frozenset(p[:2]), p[2]) for p in _pairs(_claims(names).alias_candidates())}

    def has(a: str, b: str, reason: str) -> bool:
        return (frozenset((a, b)), reason) in pairs

    # (the table's names are read with their spacing collapsed)
    assert has("UK Foreign ministry", "UK foreign Ministry.", "spelling")
    assert has("United States", "US", "initials")
    assert has("État-major", "Etat major", "spelling")
    # the leading article and the hyphen are set aside; AFP pairs with both spellings
    assert has("L'Agence France-Presse", "Agence France Presse", "spelling")
    assert has("L'Agence France-Presse", "AFP", "initials")
    assert has("Agence France Presse", "AFP", "initials")
    assert len(pairs) == 6  # nothing else: not "The Memory Book", not US with the UK


def test_the_methodology_lists_the_pairs_in_both_languages():
    claims = economist_claims()
    by = ["country", "type"]
    en = quiet(claims.methodology, by=by)
    # said to the story's reader as a fact of the analysis, not as a tool's instructions
    assert "These source names may name the same source; this analysis counts them as " \
        "separate sources:" in en  # fmt: skip
    assert "SourceBook" not in en and "--alias" not in en
    assert "| UK MoD | UK Ministry of Defence | one is the initials of the other |" in en
    fr = quiet(claims.methodology, by=by, lang="fr")
    assert "cette analyse les compte comme des sources distinctes" in fr
    assert "| UK MoD | UK Ministry of Defence | l’un est le sigle de l’autre |" in fr
    seed = quiet(seed_claims().methodology)
    assert "may name the same source" not in seed


def test_names_without_letters_pair_with_nothing():
    assert len(_claims(["?", "-", "(12)", "Reuters"]).alias_candidates()) == 0


def test_pathological_names_are_read_in_linear_time():
    bad = ["(" * 20_000 + "x", "x" + ")" * 20_000, "A " * 20_000, "é" * 20_000]
    start = time.perf_counter()
    keys = name_keys(bad)
    assert time.perf_counter() - start < 2.0
    assert len(keys) == 4


# ---------------------------------------------------------------------- properties
WORD = st.text(string.ascii_letters, min_size=1, max_size=8)
NAME = st.one_of(
    st.lists(WORD, min_size=1, max_size=4).map(" ".join),
    st.tuples(WORD, WORD).map(lambda t: f"{t[0]} ({t[1]})"),
    st.text(string.ascii_uppercase, min_size=2, max_size=5),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(NAME, min_size=1, max_size=12), st.randoms(use_true_random=False))
def test_pairs_do_not_depend_on_row_order(names, rnd):
    table = alias_candidates(_claims(names).frame)
    order = list(names)
    rnd.shuffle(order)
    again = alias_candidates(_claims(order).frame)
    key = ["name", "other"]
    assert (
        table.sort_values(key)
        .reset_index(drop=True)
        .equals(again.sort_values(key).reset_index(drop=True))
    )
    # each pair once, never a name with itself, both names among the sources
    assert not table.duplicated(key).any()
    assert not set(zip(table["name"], table["other"], strict=True)) & set(
        zip(table["other"], table["name"], strict=True)
    )
    assert (table["name"] != table["other"]).all()
    assert (table["claims"] >= table["other_claims"]).all()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(string.ascii_lowercase, min_size=2, max_size=8), min_size=2, max_size=4))
def test_a_name_and_its_initials_are_paired(words):
    long = " ".join(w.capitalize() for w in words)
    short = "".join(w[0].upper() for w in words)
    pairs = {frozenset(p[:2]) for p in _pairs(_claims([long, short]).alias_candidates())}
    assert frozenset((long, short)) in pairs


@settings(max_examples=60, deadline=None)
@given(NAME, st.sampled_from(["upper", "lower", "spaces", "dot"]))
def test_a_name_written_differently_is_paired_by_spelling(name, how):
    other = {
        "upper": name.upper(),
        "lower": name.lower(),
        "spaces": "  ".join(name.split()),
        "dot": name + ".",
    }[how]
    if other == name:
        return
    table = _claims([name, other]).alias_candidates()
    if " ".join(name.split()) == " ".join(other.split()):  # read as one name already
        assert len(table) == 0
    else:
        assert set(table["reason"]) == {"spelling"}
        assert np.array_equal(sorted([*table["name"], *table["other"]]), sorted([name, other]))
