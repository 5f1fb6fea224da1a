"""Conventions profiles, the locale-ambiguity flag, and real-data figure strings."""

from __future__ import annotations

import csv
import math
from collections.abc import Callable
from pathlib import Path

import pytest

from estimates import Conventions, ParseError, get_conventions, parse, use_conventions
from estimates._parsing.numbers import read_number

Expect = Callable[..., None]
DATA = Path(__file__).resolve().parents[1] / "data"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


# ------------------------------------------------------------------ profiles
@pytest.mark.parametrize(
    ("text", "lang", "profile", "value"),
    [
        ("dozens", "en", "acled", 12),
        ("hundreds", "en", "acled", 100),
        ("thousands", "en", "acled", 1000),
        ("tens of thousands", "en", "acled", 10000),
        ("several", "en", "acled", 10),
        ("a few", "en", "acled", 10),
        ("plusieurs", "fr", "acled", 10),
        ("des milliers", "fr", "acled", 1000),
        ("des centaines", "fr", "acled", 100),
        ("several hundred", "en", "acled", 100),
        ("thousands", "en", "ccc", 2000),
        ("tens of thousands", "en", "ccc", 20000),
        ("hundreds", "en", "ccc", 200),
        ("dozens", "en", "ccc", 24),
        ("des milliers", "fr", "ccc", 2000),
        ("des dizaines de milliers", "fr", "ccc", 20000),
        ("several thousand", "en", "ccc", 3000),
        ("a few thousand", "en", "ccc", 2000),
        ("quelques milliers", "fr", "ccc", 2000),
        ("several", "en", "ccc", 3),
    ],
)
def test_profile_point_readings(
    expect: Expect, text: str, lang: str, profile: str, value: float
) -> None:
    expect(
        parse(text, lang, conventions=profile),
        value,
        value,
        "[]",
        value,
        "magnitude",
        profile=profile,
    )


@pytest.mark.parametrize(
    ("text", "lang", "low", "high", "shape"),
    [
        ("dozens", "en", 24, 240, "[)"),
        ("hundreds", "en", 200, 2000, "[)"),
        ("thousands", "en", 2000, 20000, "[)"),
        ("des milliers", "fr", 2000, 20000, "[)"),
        ("a few hundred", "en", 200, 500, "[]"),
    ],
)
def test_default_profile_readings(
    expect: Expect, text: str, lang: str, low: float, high: float, shape: str
) -> None:
    expect(parse(text, lang, conventions="default"), low, high, shape, None, "magnitude")


def test_profile_applies_to_hedges_too(expect: Expect) -> None:
    wide = Conventions(name="wide-test", description="test profile", about=0.25)
    expect(parse("about 100", conventions=wide), 75, 125, "[]", 100, "approx", profile="wide-test")


def test_active_profile_is_used() -> None:
    with use_conventions("ccc"):
        fig = parse("thousands")
    assert (fig.low, fig.profile) == (2000, "ccc")
    assert parse("thousands").profile == get_conventions().name


def test_conventions_object() -> None:
    fig = parse("des milliers", "fr", conventions=get_conventions("acled"))
    assert (fig.low, fig.high, fig.profile) == (1000, 1000, "acled")


# ------------------------------------------------------------------ ambiguity
@pytest.mark.parametrize(
    ("text", "lang", "value", "ambiguous"),
    [
        ("1,498", "en", 1498, True),
        ("1,498", "fr", 1.498, True),
        ("1.498", "en", 1.498, True),
        ("1.498", "fr", 1498, True),
        ("2.675 million", "en", 2675000, True),
        ("10,000", "fr", 10000, False),
        ("10.000", "en", 10000, False),
        ("12,500", "fr", 12500, False),
        ("319,300", "fr", 319300, False),
        ("1,234,567", "fr", 1234567, False),
        ("1.234,5", "en", 1234.5, False),
        ("1,5", "en", 1.5, False),
        ("1 498", "en", 1498, False),
        ("0,498", "fr", 0.498, False),
        ("1498", "en", 1498, False),
    ],
)
def test_ambiguity_flag(text: str, lang: str, value: float, ambiguous: bool) -> None:
    fig = parse(text, lang)
    assert fig.low == value
    assert fig.ambiguous is ambiguous


def test_ambiguity_in_a_range() -> None:
    fig = parse("1,498-2,000", "en")
    assert (fig.low, fig.high, fig.ambiguous) == (1498, 2000, True)


def test_ambiguity_with_hedge(expect: Expect) -> None:
    expect(
        parse("plus de 1.498 soldats", "fr"),
        1498,
        math.inf,
        "()",
        None,
        "more_than",
        "soldier",
        ambiguous=True,
    )


# ------------------------------------------------------------------ real data
def _economist_values() -> list[str]:
    with (DATA / "economist_ukraine_loss_estimates.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    cols = ("estimate_low", "estimate_high", "estimate")
    return [r[c] for r in rows for c in cols if r[c].strip()]


def test_economist_estimates_all_parse() -> None:
    values = _economist_values()
    assert len(values) > 150
    for v in values:
        fig = parse(v, "en")
        expected = float(v.replace(",", ""))
        assert (fig.low, fig.high, fig.best) == (expected, expected, expected), v
        assert read_number(v, "en") == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("319,300", 319300),
        ("369,000", 369000),
        ("500,000", 500000),
        ("700,000", 700000),
        ("750,000", 750000),
        ("390580", 390580),
        ("11966", 11966),
    ],
)
def test_economist_quoted_thousands(expect: Expect, text: str, value: float) -> None:
    expect(parse(text, "en"), value, value, "[]", value, "exact")


@pytest.mark.parametrize("text", ["16/01/2024", "1/4/2022", "19/12/2023"])
def test_economist_dates_are_not_figures(text: str) -> None:
    with pytest.raises(ParseError, match="a date"):
        parse(text, "en")


def test_kursk_claims_figures() -> None:
    with (SEEDS / "kursk_claims.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    hedges = [parse(r["figure"], r["lang"]).hedge.value for r in rows]
    assert hedges == ["magnitude", "exact", "up_to", "approx", "more_than"]
    assert {parse(r["figure"], r["lang"]).unit for r in rows} == {"soldier", "container"}
