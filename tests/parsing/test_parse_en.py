"""parse() on English figure cells, by category, with every field of the result."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from estimates import parse

INF = math.inf
NBSP, NNBSP = "\u00a0", "\u202f"

Expect = Callable[..., None]

# (text, low, high, shape, best, hedge, unit)
NUMBER_FORMS = [
    ("10,000", 10000, 10000, "[]", 10000, "exact", ""),
    ("10 000", 10000, 10000, "[]", 10000, "exact", ""),
    (f"10{NBSP}000", 10000, 10000, "[]", 10000, "exact", ""),
    (f"10{NNBSP}000", 10000, 10000, "[]", 10000, "exact", ""),
    ("1,234,567", 1234567, 1234567, "[]", 1234567, "exact", ""),
    ("1,234,567.5", 1234567.5, 1234567.5, "[]", 1234567.5, "exact", ""),
    ("1.5 million", 1.5e6, 1.5e6, "[]", 1.5e6, "exact", ""),
    ("10k", 10000, 10000, "[]", 10000, "exact", ""),
    ("10K", 10000, 10000, "[]", 10000, "exact", ""),
    ("2.8M", 2.8e6, 2.8e6, "[]", 2.8e6, "exact", ""),
    ("2.8m", 2.8e6, 2.8e6, "[]", 2.8e6, "exact", ""),
    ("3bn", 3e9, 3e9, "[]", 3e9, "exact", ""),
    ("1.2 billion", 1.2e9, 1.2e9, "[]", 1.2e9, "exact", ""),
    ("3 million", 3e6, 3e6, "[]", 3e6, "exact", ""),
    ("15 thousand", 15000, 15000, "[]", 15000, "exact", ""),
    ("3 dozen", 36, 36, "[]", 36, "exact", ""),
    ("0.5", 0.5, 0.5, "[]", 0.5, "exact", ""),
    ("12", 12, 12, "[]", 12, "exact", ""),
    ("319,300", 319300, 319300, "[]", 319300, "exact", ""),
    ("10.000", 10000, 10000, "[]", 10000, "exact", ""),
    ("2,000", 2000, 2000, "[]", 2000, "exact", ""),
    ("  7,500  ", 7500, 7500, "[]", 7500, "exact", ""),
]

NUMBER_WORDS = [
    ("three thousand", 3000, 3000, "[]", 3000, "exact", ""),
    ("fifteen hundred", 1500, 1500, "[]", 1500, "exact", ""),
    ("a dozen", 12, 12, "[]", 12, "exact", ""),
    ("two dozen", 24, 24, "[]", 24, "exact", ""),
    ("half a million", 500000, 500000, "[]", 500000, "exact", ""),
    ("half a dozen", 6, 6, "[]", 6, "exact", ""),
    ("two million", 2e6, 2e6, "[]", 2e6, "exact", ""),
    ("twenty-one", 21, 21, "[]", 21, "exact", ""),
    ("one hundred and five", 105, 105, "[]", 105, "exact", ""),
    ("a thousand", 1000, 1000, "[]", 1000, "exact", ""),
    ("a hundred soldiers", 100, 100, "[]", 100, "exact", "soldier"),
    ("nine hundred thousand", 9e5, 9e5, "[]", 9e5, "exact", ""),
    ("two and a half million", 2.5e6, 2.5e6, "[]", 2.5e6, "exact", ""),
    ("Three Thousand", 3000, 3000, "[]", 3000, "exact", ""),
    ("seventy", 70, 70, "[]", 70, "exact", ""),
]

HEDGES = [
    ("about 50,000", 45000, 55000, "[]", 50000, "approx", ""),
    ("around 50,000", 45000, 55000, "[]", 50000, "approx", ""),
    ("roughly 50,000", 45000, 55000, "[]", 50000, "approx", ""),
    ("some 50,000", 45000, 55000, "[]", 50000, "approx", ""),
    ("approximately 50,000", 45000, 55000, "[]", 50000, "approx", ""),
    ("an estimated 50,000", 45000, 55000, "[]", 50000, "approx", ""),
    ("estimated at 50,000", 45000, 55000, "[]", 50000, "approx", ""),
    ("circa 50,000", 45000, 55000, "[]", 50000, "approx", ""),
    ("~50,000", 45000, 55000, "[]", 50000, "approx", ""),
    ("50,000 or so", 45000, 55000, "[]", 50000, "approx", ""),
    ("nearly 10,000", 9000, 10000, "[]", None, "nearly", ""),
    ("almost 10,000", 9000, 10000, "[]", None, "nearly", ""),
    ("close to 10,000", 9000, 10000, "[]", None, "nearly", ""),
    ("just under 10,000", 9000, 10000, "[]", None, "nearly", ""),
    ("more than 13,000", 13000, INF, "()", None, "more_than", ""),
    ("over 13,000", 13000, INF, "()", None, "more_than", ""),
    ("upwards of 13,000", 13000, INF, "()", None, "more_than", ""),
    ("in excess of 13,000", 13000, INF, "()", None, "more_than", ""),
    ("above 13,000", 13000, INF, "()", None, "more_than", ""),
    ("> 13,000", 13000, INF, "()", None, "more_than", ""),
    ("at least 700,000", 700000, INF, "[)", None, "at_least", ""),
    ("no fewer than 700,000", 700000, INF, "[)", None, "at_least", ""),
    ("no less than 700,000", 700000, INF, "[)", None, "at_least", ""),
    ("700,000 or more", 700000, INF, "[)", None, "at_least", ""),
    ("700,000+", 700000, INF, "[)", None, "at_least", ""),
    ("700,000-plus", 700000, INF, "[)", None, "at_least", ""),
    ("fewer than 100", 0, 100, "[)", None, "less_than", ""),
    ("less than 100", 0, 100, "[)", None, "less_than", ""),
    ("under 100", 0, 100, "[)", None, "less_than", ""),
    ("below 100", 0, 100, "[)", None, "less_than", ""),
    ("at most 5", 0, 5, "[]", None, "at_most", ""),
    ("no more than 5", 0, 5, "[]", None, "at_most", ""),
    ("not more than 5", 0, 5, "[]", None, "at_most", ""),
    ("5 or fewer", 0, 5, "[]", None, "at_most", ""),
    ("up to 12,000", 0, 12000, "[]", None, "up_to", ""),
    ("as many as 12,000", 0, 12000, "[]", None, "up_to", ""),
    ("as much as 12,000", 0, 12000, "[]", None, "up_to", ""),
    ("UP TO 12,000", 0, 12000, "[]", None, "up_to", ""),
    ("About 50,000", 45000, 55000, "[]", 50000, "approx", ""),
    ("ABOUT 816 civilians", 734.4, 897.6, "[]", 816, "approx", "civilian"),
    ("about 2000 troops", 1800, 2200, "[]", 2000, "approx", "soldier"),
    ("about 2000", 1800, 2200, "[]", 2000, "approx", ""),
    ("more than a dozen", 12, INF, "()", None, "more_than", ""),
    ("about a dozen", 10.8, 13.2, "[]", 12, "approx", ""),
]

RANGES = [
    ("between 2 and 3 million", 2e6, 3e6, "[]", None, "range", ""),
    ("15-20k", 15000, 20000, "[]", None, "range", ""),
    ("10-20", 10, 20, "[]", None, "range", ""),
    ("10–20", 10, 20, "[]", None, "range", ""),
    ("10—20", 10, 20, "[]", None, "range", ""),
    ("10 - 20", 10, 20, "[]", None, "range", ""),
    ("10 to 20", 10, 20, "[]", None, "range", ""),
    ("from 10 to 20", 10, 20, "[]", None, "range", ""),
    ("between 10,000 and 12,000 soldiers", 10000, 12000, "[]", None, "range", "soldier"),
    ("$2-3bn", 2e9, 3e9, "[]", None, "range", "dollar"),
    ("between $2bn and $3bn", 2e9, 3e9, "[]", None, "range", "dollar"),
    ("two to three thousand", 2000, 3000, "[]", None, "range", ""),
    ("1.5-2 million", 1.5e6, 2e6, "[]", None, "range", ""),
    ("10%-20%", 10, 20, "[]", None, "range", "percent"),
    ("10 km to 20 km", 10, 20, "[]", None, "range", "kilometer"),
    ("between 1900 and 2000 troops", 1900, 2000, "[]", None, "range", "soldier"),
    ("Between 40 and 50 people", 40, 50, "[]", None, "range", "person"),
    ("10km-20km", 10, 20, "[]", None, "range", "kilometer"),
    ("100-2000 soldiers", 100, 2000, "[]", None, "range", "soldier"),
    ("1,000 - 2,000", 1000, 2000, "[]", None, "range", ""),
    ("$10-$20", 10, 20, "[]", None, "range", "dollar"),
    ("two-three", 2, 3, "[]", None, "range", ""),
]

SCALE_SHARING = [
    ("between 2 and 3 million", 2e6, 3e6),
    ("2-3 million", 2e6, 3e6),
    ("15-20k", 15000, 20000),
    ("between 1 and 1.5 billion", 1e9, 1.5e9),
    ("10 to 20 thousand", 10000, 20000),
    ("between 500 and 3 million", 500, 3e6),  # 500 > 3: the scale is not shared
    ("between 500,000 and 3 million", 500000, 3e6),
    ("2bn-3bn", 2e9, 3e9),
]

MAGNITUDES = [
    ("dozens", 24, 240, "[)", None, "magnitude", ""),
    ("tens of soldiers", 20, 200, "[)", None, "magnitude", "soldier"),
    ("scores of people", 40, 400, "[)", None, "magnitude", "person"),
    ("hundreds", 200, 2000, "[)", None, "magnitude", ""),
    ("thousands", 2000, 20000, "[)", None, "magnitude", ""),
    ("thousands of troops", 2000, 20000, "[)", None, "magnitude", "soldier"),
    ("tens of thousands", 20000, 200000, "[)", None, "magnitude", ""),
    ("hundreds of thousands of people", 2e5, 2e6, "[)", None, "magnitude", "person"),
    ("millions", 2e6, 2e7, "[)", None, "magnitude", ""),
    ("several", 3, 10, "[)", None, "magnitude", ""),
    ("several hundred", 300, 1000, "[)", None, "magnitude", ""),
    ("several thousand", 3000, 10000, "[)", None, "magnitude", ""),
    ("several dozen", 36, 120, "[)", None, "magnitude", ""),
    ("several hundred thousand", 3e5, 1e6, "[)", None, "magnitude", ""),
    ("a few", 3, 10, "[)", None, "magnitude", ""),
    ("a few thousand", 2000, 5000, "[]", None, "magnitude", ""),
    ("a few hundred soldiers", 200, 500, "[]", None, "magnitude", "soldier"),
    ("Thousands of North Korean troops", 2000, 20000, "[)", None, "magnitude", "soldier"),
]

UNITS = [
    ("5,000 soldiers", "soldier"),
    ("5,000 troops", "soldier"),
    ("5,000 North Korean troops", "soldier"),
    ("5,000 more troops", "soldier"),
    ("300 people", "person"),
    ("300 civilians", "civilian"),
    ("1,000 refugees", "refugee"),
    ("13,000 containers", "container"),
    ("40 drones", "drone"),
    ("200 killed", "death"),
    ("10 km", "kilometer"),
    ("10km", "kilometer"),
    ("10 km2", "kilometer ** 2"),
    ("500 tonnes", "metric_ton"),
    ("10%", "percent"),
    ("10 per cent", "percent"),
    ("10 percent", "percent"),
    ("3 days", "day"),
    ("5,000 bananas", ""),
    ("5,000 of the troops", ""),
    ("78,329 confirmed deaths", "death"),
    ("300 children", "person"),
    ("10 killed or wounded", "casualty"),
    ("5 shipping containers", "container"),
]

CURRENCIES = [
    ("$3bn", 3e9, "dollar"),
    ("US$5", 5, "dollar"),
    ("US$5 million", 5e6, "dollar"),
    ("€2.5m", 2.5e6, "euro"),
    ("£3m", 3e6, "pound_sterling"),
    ("EUR 3m", 3e6, "euro"),
    ("USD 5 million", 5e6, "dollar"),
    ("5 million dollars", 5e6, "dollar"),
    ("$2000", 2000, "dollar"),
]


@pytest.mark.parametrize(("text", "low", "high", "shape", "best", "hedge", "unit"), NUMBER_FORMS)
def test_number_forms(expect: Expect, text, low, high, shape, best, hedge, unit) -> None:
    fig = parse(text)
    expect(fig, low, high, shape, best, hedge, unit)
    assert fig.text == text.strip()


@pytest.mark.parametrize(("text", "low", "high", "shape", "best", "hedge", "unit"), NUMBER_WORDS)
def test_number_words(expect: Expect, text, low, high, shape, best, hedge, unit) -> None:
    expect(parse(text, "en"), low, high, shape, best, hedge, unit)


@pytest.mark.parametrize(("text", "low", "high", "shape", "best", "hedge", "unit"), HEDGES)
def test_hedges(expect: Expect, text, low, high, shape, best, hedge, unit) -> None:
    expect(parse(text, "en"), low, high, shape, best, hedge, unit)


@pytest.mark.parametrize(("text", "low", "high", "shape", "best", "hedge", "unit"), RANGES)
def test_ranges(expect: Expect, text, low, high, shape, best, hedge, unit) -> None:
    fig = parse(text, "en")
    expect(fig, low, high, shape, best, hedge, unit)
    assert fig.text == text


@pytest.mark.parametrize(("text", "low", "high"), SCALE_SHARING)
def test_scale_sharing(expect: Expect, text: str, low: float, high: float) -> None:
    expect(parse(text, "en"), low, high, "[]", None, "range")


@pytest.mark.parametrize(("text", "low", "high", "shape", "best", "hedge", "unit"), MAGNITUDES)
def test_magnitudes(expect: Expect, text, low, high, shape, best, hedge, unit) -> None:
    fig = parse(text, "en")
    expect(fig, low, high, shape, best, hedge, unit)
    assert fig.text == text


@pytest.mark.parametrize(("text", "unit"), UNITS)
def test_units(text: str, unit: str) -> None:
    fig = parse(text, "en")
    assert fig.unit == unit
    assert fig.hedge.value == "exact"


@pytest.mark.parametrize(("text", "value", "unit"), CURRENCIES)
def test_currencies(expect: Expect, text: str, value: float, unit: str) -> None:
    expect(parse(text, "en"), value, value, "[]", value, "exact", unit)


def test_hedged_currency(expect: Expect) -> None:
    expect(parse("about $3bn"), 2.7e9, 3.3e9, "[]", 3e9, "approx", "dollar")
    expect(parse("up to $1.5bn"), 0, 1.5e9, "[]", None, "up_to", "dollar")


@pytest.mark.parametrize("lang", ["en", "EN", "en-GB", "en_US", "en-us"])
def test_language_tags(lang: str) -> None:
    assert parse("1,498", lang).low == 1498
