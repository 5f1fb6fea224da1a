"""Date intervals, source books and the unit registry."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as hs

import estimates as est
from estimates import DateInterval, FigureError, SourceBook, UnitError
from estimates import strategies as S  # noqa: N812
from estimates._model.sources import join_agents, split_agents


# ---------------------------------------------------------------- dates
@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("2024-11-12", date(2024, 11, 12), date(2024, 11, 12), "day"),
        ("2024-W45", date(2024, 11, 4), date(2024, 11, 10), "week"),
        ("2024-11", date(2024, 11, 1), date(2024, 11, 30), "month"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
        ("2024-Q4", date(2024, 10, 1), date(2024, 12, 31), "quarter"),
        ("2024", date(2024, 1, 1), date(2024, 12, 31), "year"),
        ("2023-08/2024-10", date(2023, 8, 1), date(2024, 10, 31), "interval"),
        ("2024-11-04/2024-11-20", date(2024, 11, 4), date(2024, 11, 20), "interval"),
    ],
)
def test_parse_iso_forms(text, start, end, precision):
    d = DateInterval.parse(text)
    assert (d.start, d.end, d.precision) == (start, end, precision)
    assert DateInterval.parse(str(d)) == d


@pytest.mark.parametrize(
    "bad",
    ["12/11/2024", "2024-13", "2024-02-30", "last week", "", "2024-11-10/2024-11-04", "2024-W54"],
)
def test_bad_dates_say_what_is_expected(bad):
    with pytest.raises(FigureError) as info:
        DateInterval.parse(bad)
    assert "ISO" in info.value.expected or "start <= end" in info.value.expected


def test_week_of_the_seed_article():
    # Published Tuesday 2024-11-12: "la semaine dernière" is the week of Monday 4 November.
    assert DateInterval.week_of(date(2024, 11, 5)) == DateInterval.parse("2024-W45")


@given(S.date_intervals())
def test_str_round_trips(d):
    assert DateInterval.parse(str(d)) == d
    assert d.days >= 1
    assert d.start in d and d.end in d


# ---------------------------------------------------------------- sources
def test_joint_sources_split_and_join():
    cell = "US intelligence;South Korean intelligence ;  Ukrainian intelligence"
    assert split_agents(cell) == (
        "US intelligence",
        "South Korean intelligence",
        "Ukrainian intelligence",
    )
    assert join_agents(split_agents(cell)) == (
        "US intelligence; South Korean intelligence; Ukrainian intelligence"
    )
    with pytest.raises(FigureError):
        join_agents(["a;b"])


def test_source_book_aliases_kinds_weights():
    book = SourceBook(
        aliases={
            "UK Ministry of Defence": "UK MoD",
            "Pentagon leak": "US DoD",
            "The Centre for Strategic and International Studies": "CSIS",
        },
        kinds={"Armed Forces of Ukraine": "warring party", "UK MoD": "government"},
        weights={"warring party": 0.5, "CSIS": 2},
    )
    assert book.canonical("UK  Ministry of defence") == "UK MoD"
    assert book.canonical("NATO") == "NATO"
    assert book.kind("Armed Forces of Ukraine") == "warring party"
    assert book.weight("Armed Forces of Ukraine") == 0.5
    assert book.weight("The Centre for Strategic and International Studies") == 2
    assert book.weight("NATO") == 1


def test_alias_chains_resolve_and_cycles_fail():
    assert SourceBook(aliases={"a": "b", "b": "c"}).canonical("a") == "c"
    with pytest.raises(FigureError):
        SourceBook(aliases={"a": "b", "b": "a"})


def test_negative_weight_refused():
    with pytest.raises(FigureError):
        SourceBook(weights={"x": -1})


# ---------------------------------------------------------------- units
@pytest.mark.parametrize(
    ("word", "unit"),
    [
        ("soldats", "soldier"),
        ("Troops", "soldier"),
        ("conteneurs", "container"),
        ("personnes", "person"),
        ("people", "person"),
        ("km", "kilometer"),
        ("tonnes", "metric_ton"),
        ("$", "dollar"),
        ("€", "euro"),
        ("casualties", "casualty"),
        ("morts", "death"),
    ],
)
def test_surface_words(word, unit):
    assert est.canonical_unit(word) == unit


@pytest.mark.parametrize(
    ("a", "b", "factor"),
    [
        ("mile", "kilometer", 1.609344),
        ("metric_ton", "kilogram", 1000.0),
        ("thousand soldier", "soldier", 1000.0),
        ("million", "", 1e6),
        ("soldier", "person", 1.0),
        ("troops", "soldats", 1.0),
    ],
)
def test_conversions(a, b, factor):
    assert est.conversion_factor(a, b) == pytest.approx(factor, rel=1e-15)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("soldier", "container"),
        ("dollar", "euro"),
        ("kilometer", "soldier"),
        ("death", "casualty"),
    ],
)
def test_incompatible_units_raise(a, b):
    with pytest.raises(UnitError) as info:
        est.conversion_factor(a, b)
    assert info.value.unit == a and info.value.other == b
    assert isinstance(info.value, ValueError)


def test_unknown_unit():
    with pytest.raises(UnitError, match="unknown unit"):
        est.conversion_factor("wibble", "soldier")


# -- one source is never cited as several: ";" inside brackets belongs to one name
MIVD = "Dutch Military Intelligence and Security Service (MIVD; note, timing clarified via email)"


def test_a_separator_inside_brackets_keeps_one_agent():
    assert split_agents(MIVD) == (MIVD,)
    assert split_agents(f"{MIVD}; CSIS") == (MIVD, "CSIS")
    assert split_agents("A [x; y]; B {z; w}; C") == ("A [x; y]", "B {z; w}", "C")
    # an unbalanced closing bracket does not swallow the next agent
    assert split_agents("A); B") == ("A)", "B")


def test_the_economist_mivd_is_one_source_everywhere():
    from tests.datasets import BOOK, economist_claims

    claims = economist_claims()
    names = claims.sources
    assert MIVD in names
    assert not any(
        n
        in (
            "Dutch Military Intelligence and Security Service (MIVD",
            "note, timing clarified via email)",
        )
        for n in names
    )
    table = claims.reliability(sources=BOOK)
    assert MIVD in table.index
    assert not any(str(s).startswith("note, timing") for s in table.index)


@given(hs.text(alphabet="ab ;()[]", max_size=30))
def test_split_agents_scans_only_where_brackets_are(st_text):
    """Without brackets the split is the plain one; every agent is a non-empty name
    with its spaces normalised."""
    parts = split_agents(st_text)
    if not any(b in st_text for b in "(["):
        plain = [" ".join(p.split()) for p in st_text.split(";")]
        assert parts == tuple(dict.fromkeys(p for p in plain if p))
    assert all(p == " ".join(p.split()) and p for p in parts)
