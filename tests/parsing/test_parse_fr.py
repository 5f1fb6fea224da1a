"""parse() on French figure cells, by category, with every field of the result."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from estimates import Figure, parse

INF = math.inf
NBSP, NNBSP = "\u00a0", "\u202f"

Expect = Callable[..., None]

NUMBER_FORMS = [
    ("10 000", 10000, 10000, "[]", 10000, "exact", ""),
    (f"10{NBSP}000", 10000, 10000, "[]", 10000, "exact", ""),
    (f"10{NNBSP}000", 10000, 10000, "[]", 10000, "exact", ""),
    ("10.000", 10000, 10000, "[]", 10000, "exact", ""),
    ("10,000", 10000, 10000, "[]", 10000, "exact", ""),
    ("1,12 million", 1120000, 1120000, "[]", 1120000, "exact", ""),
    ("1,5 million", 1.5e6, 1.5e6, "[]", 1.5e6, "exact", ""),
    ("2,5 milliards", 2.5e9, 2.5e9, "[]", 2.5e9, "exact", ""),
    ("10,5", 10.5, 10.5, "[]", 10.5, "exact", ""),
    ("1.234.567", 1234567, 1234567, "[]", 1234567, "exact", ""),
    ("1 234 567,89", 1234567.89, 1234567.89, "[]", 1234567.89, "exact", ""),
    ("3 millions", 3e6, 3e6, "[]", 3e6, "exact", ""),
    ("2 milliards", 2e9, 2e9, "[]", 2e9, "exact", ""),
    ("10 mille", 10000, 10000, "[]", 10000, "exact", ""),
    ("2,8 M", 2.8, 2.8, "[]", 2.8, "exact", ""),  # a lone "M" is not a scale
    ("2,8M", 2.8e6, 2.8e6, "[]", 2.8e6, "exact", ""),
    ("3 Md", 3e9, 3e9, "[]", 3e9, "exact", ""),
    ("12 000", 12000, 12000, "[]", 12000, "exact", ""),
    ("0,5", 0.5, 0.5, "[]", 0.5, "exact", ""),
]

NUMBER_WORDS = [
    ("deux millions", 2e6, 2e6, "[]", 2e6, "exact", ""),
    ("quatre-vingt-dix", 90, 90, "[]", 90, "exact", ""),
    ("quatre-vingts", 80, 80, "[]", 80, "exact", ""),
    ("quatre-vingt-dix-sept", 97, 97, "[]", 97, "exact", ""),
    ("trois cents", 300, 300, "[]", 300, "exact", ""),
    ("mille", 1000, 1000, "[]", 1000, "exact", ""),
    ("vingt et un", 21, 21, "[]", 21, "exact", ""),
    ("soixante-dix-sept", 77, 77, "[]", 77, "exact", ""),
    ("soixante et onze", 71, 71, "[]", 71, "exact", ""),
    ("deux cent mille", 2e5, 2e5, "[]", 2e5, "exact", ""),
    ("un million", 1e6, 1e6, "[]", 1e6, "exact", ""),
    ("un million et demi", 1.5e6, 1.5e6, "[]", 1.5e6, "exact", ""),
    ("dix-sept soldats", 17, 17, "[]", 17, "exact", "soldier"),
    ("trois milliards d'euros", 3e9, 3e9, "[]", 3e9, "exact", "euro"),
    ("Deux mille", 2000, 2000, "[]", 2000, "exact", ""),
]

HEDGES = [
    ("environ 50 000", 45000, 55000, "[]", 50000, "approx", ""),
    ("Environ 50 000", 45000, 55000, "[]", 50000, "approx", ""),
    ("quelque 50 000", 45000, 55000, "[]", 50000, "approx", ""),
    ("autour de 50 000", 45000, 55000, "[]", 50000, "approx", ""),
    ("approximativement 50 000", 45000, 55000, "[]", 50000, "approx", ""),
    ("à peu près 50 000", 45000, 55000, "[]", 50000, "approx", ""),
    ("aux alentours de 50 000", 45000, 55000, "[]", 50000, "approx", ""),
    ("de l'ordre de 50 000", 45000, 55000, "[]", 50000, "approx", ""),
    ("estimé à 50 000", 45000, 55000, "[]", 50000, "approx", ""),
    ("50 000 environ", 45000, 55000, "[]", 50000, "approx", ""),
    ("près de 10 000", 9000, 10000, "[]", None, "nearly", ""),
    ("presque 10 000", 9000, 10000, "[]", None, "nearly", ""),
    ("quasiment 10 000", 9000, 10000, "[]", None, "nearly", ""),
    ("près d'un millier", 900, 1000, "[]", None, "nearly", ""),
    ("plus de 13 000", 13000, INF, "()", None, "more_than", ""),
    ("plus d'un million", 1e6, INF, "()", None, "more_than", ""),
    ("au-delà de 13 000", 13000, INF, "()", None, "more_than", ""),
    ("plus d'une centaine", 100, INF, "()", None, "more_than", ""),
    ("au moins 700 000", 700000, INF, "[)", None, "at_least", ""),
    ("au minimum 700 000", 700000, INF, "[)", None, "at_least", ""),
    ("pas moins de 700 000", 700000, INF, "[)", None, "at_least", ""),
    ("700 000 ou plus", 700000, INF, "[)", None, "at_least", ""),
    ("700 000 soldats au moins", 700000, INF, "[)", None, "at_least", "soldier"),
    ("moins de 100", 0, 100, "[)", None, "less_than", ""),
    ("moins d'une centaine", 0, 100, "[)", None, "less_than", ""),
    ("au plus 5", 0, 5, "[]", None, "at_most", ""),
    ("au maximum 5", 0, 5, "[]", None, "at_most", ""),
    ("pas plus de 5", 0, 5, "[]", None, "at_most", ""),
    ("5 au maximum", 0, 5, "[]", None, "at_most", ""),
    ("jusqu'à 12 000", 0, 12000, "[]", None, "up_to", ""),
    ("jusqu’à 12 000", 0, 12000, "[]", None, "up_to", ""),
    ("Jusqu’à 12 000", 0, 12000, "[]", None, "up_to", ""),
    ("JUSQU'À 12 000", 0, 12000, "[]", None, "up_to", ""),
    ("environ une centaine", 90, 110, "[]", 100, "approx", ""),
]

RANGES = [
    ("entre 2 et 3 millions", 2e6, 3e6, "[]", None, "range", ""),
    ("2 à 3 millions", 2e6, 3e6, "[]", None, "range", ""),
    ("de 10 à 20", 10, 20, "[]", None, "range", ""),
    ("10-20", 10, 20, "[]", None, "range", ""),
    ("10–20", 10, 20, "[]", None, "range", ""),
    ("entre 10 000 et 12 000 soldats", 10000, 12000, "[]", None, "range", "soldier"),
    ("de 2 à 3 milliards d'euros", 2e9, 3e9, "[]", None, "range", "euro"),
    ("entre 1,5 et 2 millions", 1.5e6, 2e6, "[]", None, "range", ""),
    ("deux à trois mille", 2000, 3000, "[]", None, "range", ""),
    ("10 à 20 %", 10, 20, "[]", None, "range", "percent"),
    ("Entre 40 et 50 personnes", 40, 50, "[]", None, "range", "person"),
    ("de 10 000 à 15 000 conteneurs", 10000, 15000, "[]", None, "range", "container"),
]

MAGNITUDES = [
    ("des dizaines", 20, 200, "[)", None, "magnitude", ""),
    ("des centaines", 200, 2000, "[)", None, "magnitude", ""),
    ("des milliers", 2000, 20000, "[)", None, "magnitude", ""),
    ("des milliers de soldats", 2000, 20000, "[)", None, "magnitude", "soldier"),
    ("des dizaines de milliers", 20000, 200000, "[)", None, "magnitude", ""),
    ("des centaines de milliers", 2e5, 2e6, "[)", None, "magnitude", ""),
    ("des centaines de milliers de personnes", 2e5, 2e6, "[)", None, "magnitude", "person"),
    ("des millions", 2e6, 2e7, "[)", None, "magnitude", ""),
    ("des millions d'euros", 2e6, 2e7, "[)", None, "magnitude", "euro"),
    ("plusieurs", 3, 10, "[)", None, "magnitude", ""),
    ("plusieurs centaines", 300, 1000, "[)", None, "magnitude", ""),
    ("plusieurs milliers", 3000, 10000, "[)", None, "magnitude", ""),
    ("plusieurs centaines de milliers", 3e5, 1e6, "[)", None, "magnitude", ""),
    ("quelques", 3, 10, "[)", None, "magnitude", ""),
    ("quelques milliers", 2000, 5000, "[]", None, "magnitude", ""),
    ("quelques centaines de soldats", 200, 500, "[]", None, "magnitude", "soldier"),
    ("Des milliers de soldats", 2000, 20000, "[)", None, "magnitude", "soldier"),
]

# Approximate collectives: "une dizaine" is about 10.
COLLECTIVES = [
    ("une dizaine", 10),
    ("une douzaine", 12),
    ("une quinzaine", 15),
    ("une vingtaine", 20),
    ("une trentaine", 30),
    ("une quarantaine", 40),
    ("une cinquantaine", 50),
    ("une soixantaine", 60),
    ("une centaine", 100),
    ("un millier", 1000),
    ("une dizaine de milliers", 10000),
    ("une centaine de milliers", 100000),
    ("deux centaines", 200),
]

UNITS = [
    ("10 000 soldats", "soldier"),
    ("10 000 soldats nord-coréens", "soldier"),
    ("10 000 troupes", "soldier"),
    ("13 000 conteneurs d’artillerie", "container"),
    ("300 personnes", "person"),
    ("5 000 morts", "death"),
    ("200 blessés", "wounded"),
    ("40 réfugiés", "refugee"),
    ("10 km", "kilometer"),
    ("5 000 km²", "kilometer ** 2"),
    ("500 tonnes", "metric_ton"),
    ("10 %", "percent"),
    (f"10{NNBSP}%", "percent"),
    ("10 pour cent", "percent"),
    ("3 jours", "day"),
    ("23 ans", "year"),
    ("10 000 bananes", ""),
    ("2 millions de dollars", "dollar"),
]

CURRENCIES = [
    ("€2,5 milliards", 2.5e9, "euro"),
    ("2,5 milliards d’euros", 2.5e9, "euro"),
    ("5 €", 5, "euro"),
    ("5€", 5, "euro"),
    ("10 000 $", 10000, "dollar"),
    ("2,5 Md€", 2.5e9, "euro"),
    ("3 M€", 3e6, "euro"),
    ("10 k€", 10000, "euro"),
    ("5 millions de dollars", 5e6, "dollar"),
]


@pytest.mark.parametrize(("text", "low", "high", "shape", "best", "hedge", "unit"), NUMBER_FORMS)
def test_number_forms(expect: Expect, text, low, high, shape, best, hedge, unit) -> None:
    fig = parse(text, "fr")
    expect(fig, low, high, shape, best, hedge, unit)
    assert fig.text == text


@pytest.mark.parametrize(("text", "low", "high", "shape", "best", "hedge", "unit"), NUMBER_WORDS)
def test_number_words(expect: Expect, text, low, high, shape, best, hedge, unit) -> None:
    expect(parse(text, "fr"), low, high, shape, best, hedge, unit)


@pytest.mark.parametrize(("text", "low", "high", "shape", "best", "hedge", "unit"), HEDGES)
def test_hedges(expect: Expect, text, low, high, shape, best, hedge, unit) -> None:
    expect(parse(text, "fr"), low, high, shape, best, hedge, unit)


@pytest.mark.parametrize(("text", "low", "high", "shape", "best", "hedge", "unit"), RANGES)
def test_ranges(expect: Expect, text, low, high, shape, best, hedge, unit) -> None:
    fig = parse(text, "fr")
    expect(fig, low, high, shape, best, hedge, unit)
    assert fig.text == text


@pytest.mark.parametrize(("text", "low", "high", "shape", "best", "hedge", "unit"), MAGNITUDES)
def test_magnitudes(expect: Expect, text, low, high, shape, best, hedge, unit) -> None:
    fig = parse(text, "fr")
    expect(fig, low, high, shape, best, hedge, unit)
    assert fig.text == text


@pytest.mark.parametrize(("text", "value"), COLLECTIVES)
def test_collectives(expect: Expect, text: str, value: float) -> None:
    expect(parse(text, "fr"), value * 0.9, value * 1.1, "[]", value, "approx")


@pytest.mark.parametrize(("text", "unit"), UNITS)
def test_units(text: str, unit: str) -> None:
    fig = parse(text, "fr")
    assert fig.unit == unit
    assert fig.hedge.value == "exact"


@pytest.mark.parametrize(("text", "value", "unit"), CURRENCIES)
def test_currencies(expect: Expect, text: str, value: float, unit: str) -> None:
    expect(parse(text, "fr"), value, value, "[]", value, "exact", unit)


def test_exact_decimal_value() -> None:
    fig = parse("1,12 million", "fr")
    assert fig.low == fig.high == fig.best == 1120000.0
    assert repr(fig.low) == "1120000.0"  # not 1120000.0000000002


# ------------------------------------------------------------------ the seed article
SEED = [
    (
        "des milliers de soldats nord-coréens",
        Figure(2000, 20000, True, False, hedge="magnitude", unit="soldier"),
    ),
    ("10 000 soldats nord-coréens", Figure(10000, 10000, best=10000, unit="soldier")),
    (
        "environ 50 000 soldats",
        Figure(45000, 55000, best=50000, hedge="approx", unit="soldier"),
    ),
    ("jusqu’à 12 000 soldats nord-coréens", Figure(0, 12000, hedge="up_to", unit="soldier")),
    (
        "plus de 13 000 conteneurs d’artillerie, de missiles et d’autres armes",
        Figure(13000, INF, False, False, hedge="more_than", unit="container"),
    ),
]


@pytest.mark.parametrize(("text", "figure"), SEED)
def test_seed_figures(text: str, figure: Figure) -> None:
    assert parse(text, "fr") == figure.replace(text=text)


@pytest.mark.parametrize("lang", ["fr", "FR", "fr-FR", "fr_CA", "fr-be"])
def test_language_tags(lang: str) -> None:
    assert parse("1.498", lang).low == 1498
