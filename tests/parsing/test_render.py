"""render(): figures back to text that parse() reads back."""

from __future__ import annotations

import math

import pytest

from estimates import COUNT_UNITS, Figure, canonical_unit, get_conventions, parse, render
from estimates._parsing.render import _EN_UNITS, _FR_UNITS, _MAGNITUDES, format_number

NNBSP = "\u202f"
CONV = get_conventions("default")


@pytest.mark.parametrize(
    ("hedge", "value", "unit", "en", "fr"),
    [
        ("exact", 10000, "soldier", "10,000 soldiers", f"10{NNBSP}000 soldats"),
        ("exact", 1, "soldier", "1 soldier", "1 soldat"),
        ("approx", 50000, "soldier", "about 50,000 soldiers", f"environ 50{NNBSP}000 soldats"),
        ("nearly", 10000, "", "nearly 10,000", f"près de 10{NNBSP}000"),
        (
            "more_than",
            13000,
            "container",
            "more than 13,000 containers",
            f"plus de 13{NNBSP}000 conteneurs",
        ),
        (
            "at_least",
            700000,
            "person",
            "at least 700,000 people",
            f"au moins 700{NNBSP}000 personnes",
        ),
        ("less_than", 100, "person", "fewer than 100 people", "moins de 100 personnes"),
        ("less_than", 100, "kilometer", "less than 100 km", "moins de 100 km"),
        ("at_most", 5, "", "at most 5", "au plus 5"),
        ("up_to", 12000, "soldier", "up to 12,000 soldiers", f"jusqu’à 12{NNBSP}000 soldats"),
        ("exact", 3e9, "dollar", "$3,000,000,000", f"3{NNBSP}000{NNBSP}000{NNBSP}000 dollars"),
        ("exact", 25, "percent", "25%", f"25{NNBSP}%"),
        ("exact", 2.5e6, "euro", "€2,500,000", f"2{NNBSP}500{NNBSP}000{NNBSP}€"),
        ("exact", 1.5, "", "1.5", "1,5"),
    ],
)
def test_render_hedges(hedge: str, value: float, unit: str, en: str, fr: str) -> None:
    fig = CONV.figure(hedge, value, unit=unit)
    assert render(fig, "en") == en
    assert render(fig, "fr") == fr
    for lang in ("en", "fr"):
        assert parse(render(fig, lang), lang).replace(text=None) == fig


def test_render_range() -> None:
    fig = CONV.figure("range", 2e6, 3e6, unit="dollar")
    assert render(fig) == "between $2,000,000 and $3,000,000"
    assert render(fig, "fr") == (f"entre 2{NNBSP}000{NNBSP}000 et 3{NNBSP}000{NNBSP}000 dollars")
    fig = CONV.figure("range", 10, 20, unit="percent")
    assert render(fig) == "between 10 and 20%"


@pytest.mark.parametrize(
    ("x", "en", "fr"),
    [
        (0, "0", "0"),
        (999, "999", "999"),
        (1000, "1,000", f"1{NNBSP}000"),
        (1498, f"1{NNBSP}498", f"1{NNBSP}498"),  # "1,498" would be flagged ambiguous
        (12500, "12,500", f"12{NNBSP}500"),
        (1234567, "1,234,567", f"1{NNBSP}234{NNBSP}567"),
        (1.5, "1.5", "1,5"),
        (1.498, "1.4980", "1,4980"),  # three decimals would be ambiguous
        (1234.567, "1,234.567", f"1{NNBSP}234,567"),
        (0.1 + 0.2, "0.30000000000000004", "0,30000000000000004"),
        (1e-7, "0.0000001", "0,0000001"),
        (2e21, "2,000,000,000,000,000,000,000", None),
        (-5, "-5", "-5"),
    ],
)
def test_format_number(x: float, en: str, fr: str | None) -> None:
    assert format_number(x, "en") == en
    if fr is not None:
        assert format_number(x, "fr") == fr


def test_format_number_refuses_infinity() -> None:
    with pytest.raises(ValueError, match="a finite number to write as digits"):
        format_number(math.inf)


@pytest.mark.parametrize("x", [1498, 1.498, 1234567.891, 0.1 + 0.2, 2024, 1e20, 12.5])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_numbers_round_trip_unflagged(x: float, lang: str) -> None:
    fig = parse(format_number(x, lang), lang)
    assert fig.low == x
    assert fig.ambiguous is False


@pytest.mark.parametrize("profile", ["default", "acled", "ccc"])
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(
    "unit", ["", "soldier", "person", "dollar", "euro", "kilometer", "percent", "metric_ton"]
)
def test_magnitudes_round_trip(profile: str, lang: str, unit: str) -> None:
    conv = get_conventions(profile)
    for kind, scale, _, _ in _MAGNITUDES:
        fig = conv.magnitude(kind, scale, unit=unit)  # type: ignore[arg-type]
        text = render(fig, lang)
        assert parse(text, lang, conventions=profile).replace(text=None) == fig, text


@pytest.mark.parametrize(
    ("profile", "kind", "scale", "en", "fr"),
    [
        ("default", "plural", 1000, "thousands of soldiers", "des milliers de soldats"),
        (
            "default",
            "plural",
            10**5,
            "hundreds of thousands of soldiers",
            "des centaines de milliers de soldats",
        ),
        ("default", "several", 100, "several hundred soldiers", "plusieurs centaines de soldats"),
        ("default", "few", 1000, "a few thousand soldiers", "quelques milliers de soldats"),
        ("default", "several", 1, "several soldiers", "plusieurs soldats"),
        ("acled", "plural", 100, "hundreds of soldiers", "des centaines de soldats"),
        (
            "ccc",
            "plural",
            10**4,
            "tens of thousands of soldiers",
            "des dizaines de milliers de soldats",
        ),
    ],
)
def test_render_magnitudes(profile: str, kind: str, scale: int, en: str, fr: str) -> None:
    fig = get_conventions(profile).magnitude(kind, scale, unit="soldier")  # type: ignore[arg-type]
    assert render(fig, "en") == en
    assert render(fig, "fr") == fr


def test_render_elides_de() -> None:
    fig = CONV.magnitude("plural", 10**6, unit="euro")
    assert render(fig, "fr") == "des millions d’euros"
    assert render(fig, "en") == "millions of euros"


@pytest.mark.parametrize(
    ("figure", "en", "fr"),
    [
        (
            Figure(10000, 12000, True, False, unit="soldier"),
            "[10,000, 12,000) soldiers",
            f"[10{NNBSP}000 ; 12{NNBSP}000) soldats",
        ),
        (Figure(13000, math.inf, False, False), "(13,000, ∞)", f"(13{NNBSP}000 ; ∞)"),
        (
            Figure(-math.inf, 5, False, True, unit="dimensionless"),
            "(-∞, 5] dimensionless",
            "(-∞ ; 5] dimensionless",
        ),
        (Figure(1.25, 3.5, best=2), "[1.25, 3.5]; best 2", "[1,25 ; 3,5] ; valeur centrale 2"),
        (Figure(7, 7, hedge="approx"), "[7]", "[7]"),
        (Figure(0, 5, hedge="up_to", profile="unregistered"), "[0, 5]", "[0 ; 5]"),
        (
            Figure(-5, 5, False, False, unit="dimensionless"),
            "(-5, 5) dimensionless",
            "(-5 ; 5) dimensionless",
        ),
    ],
)
def test_unstateable_figures_are_intervals(figure: Figure, en: str, fr: str) -> None:
    assert render(figure, "en") == en
    assert render(figure, "fr") == fr


def test_render_checks_its_arguments() -> None:
    with pytest.raises(TypeError, match="expected a Figure"):
        render("10,000")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unsupported language"):
        render(Figure.exact(5), "de")
    assert render(Figure.exact(5), "fr-CA") == "5"


@pytest.mark.parametrize("table", [_EN_UNITS, _FR_UNITS])
def test_unit_words_map_back(table: dict[str, tuple[str, str, str]]) -> None:
    for unit, (singular, plural, _) in table.items():
        assert canonical_unit(singular) == unit
        assert canonical_unit(plural) == unit


@pytest.mark.parametrize("unit", sorted(COUNT_UNITS))
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_count_unit_round_trips(unit: str, lang: str) -> None:
    for fig in (CONV.figure("approx", 300, unit=unit), CONV.magnitude("plural", 100, unit=unit)):
        assert parse(render(fig, lang), lang).replace(text=None) == fig


@pytest.mark.parametrize(
    ("figure", "en", "fr"),
    [
        (CONV.figure("exact", -5, unit="dimensionless"), "-5 dimensionless", "-5 dimensionless"),
        (CONV.figure("exact", -1.5, unit="percent"), "-1.5%", f"-1,5{NNBSP}%"),
        (CONV.figure("approx", -0.8, unit="percent"), "about -0.8%", f"environ -0,8{NNBSP}%"),
        (
            CONV.figure("less_than", 5, unit="degree_Celsius"),
            "less than 5 °C",
            f"moins de 5{NNBSP}°C",
        ),
        (
            CONV.figure("range", -10, -5, unit="degree_Celsius"),
            "between -10 and -5 °C",
            f"entre -10 et -5{NNBSP}°C",
        ),
    ],
)
def test_signed_figures_are_written_and_read_back(figure: Figure, en: str, fr: str) -> None:
    # Issue 13: negative percentages and temperatures are stated, so they are written
    # as text (no longer as intervals) and parse reads them back whole.
    for lang, text in (("en", en), ("fr", fr)):
        assert render(figure, lang) == text
        assert parse(text, lang).replace(text=None) == figure
