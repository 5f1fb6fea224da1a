"""Conventions profiles: each documented reading, switching, and registry behaviour."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import estimates as est
from estimates import Conventions, FigureError, get_conventions, use_conventions

INF = math.inf


def _interval(f):
    return (f.low, f.high, f.low_closed, f.high_closed, f.best)


@pytest.mark.parametrize(
    ("hedge", "x", "expected"),
    [
        ("exact", 10000, (10000, 10000, True, True, 10000)),
        ("approx", 50000, (45000, 55000, True, True, 50000)),
        ("nearly", 10000, (9000, 10000, True, True, None)),
        ("more_than", 13000, (13000, INF, False, False, None)),
        ("at_least", 700000, (700000, INF, True, False, None)),
        ("less_than", 100, (0, 100, True, False, None)),
        ("at_most", 5, (0, 5, True, True, None)),
        ("up_to", 12000, (0, 12000, True, True, None)),
    ],
)
def test_default_readings(hedge, x, expected):
    f = get_conventions("default").figure(hedge, x, unit="soldier")
    assert _interval(f) == expected
    assert f.profile == "default"
    assert f.hedge == hedge


def test_range_is_closed_with_no_invented_best():
    f = get_conventions().figure("range", 2e6, 3e6)
    assert _interval(f) == (2e6, 3e6, True, True, None)
    assert f.center == (2.5e6, True)


def test_range_refuses_reversed_bounds():
    with pytest.raises(FigureError):
        get_conventions().figure("range", 3, 2)


def test_ceiling_below_floor_is_an_error():
    with pytest.raises(FigureError):
        get_conventions().figure("up_to", -5, unit="soldier")


def test_signed_units_have_no_floor():
    f = get_conventions().figure("up_to", 5, unit="degree_Celsius")
    assert f.low == -INF


@pytest.mark.parametrize(
    ("profile", "kind", "scale", "expected"),
    [
        ("default", "plural", 1000, (2000, 20000, True, False, None)),
        ("default", "plural", 10000, (20000, 200000, True, False, None)),
        ("default", "plural", 12, (24, 240, True, False, None)),
        ("default", "several", 1000, (3000, 10000, True, False, None)),
        ("default", "few", 1000, (2000, 5000, True, True, None)),
        ("default", "several", 1, (3, 10, True, False, None)),
        ("acled", "plural", 12, (12, 12, True, True, 12)),
        ("acled", "plural", 100, (100, 100, True, True, 100)),
        ("acled", "several", 1, (10, 10, True, True, 10)),
        ("ccc", "plural", 1000, (2000, 2000, True, True, 2000)),
        ("ccc", "plural", 10000, (20000, 20000, True, True, 20000)),
    ],
)
def test_magnitude_profiles(profile, kind, scale, expected):
    f = get_conventions(profile).magnitude(kind, scale)
    assert _interval(f) == expected
    assert f.profile == profile
    assert f.hedge == "magnitude"
    assert f.stated == ()


@given(st.integers(min_value=200, max_value=10**12))
def test_default_plurals_tile_the_number_line(x):
    # Every number from 200 up is read by exactly one of "hundreds", "thousands",
    # "tens of thousands", ... (issue 8: 10,000-19,999 belonged to none).
    conv = get_conventions("default")
    scales = [10**k for k in range(2, 13)]
    holding = [m for m in scales if x in conv.magnitude("plural", m)]
    assert len(holding) == 1


def test_ten_to_twenty_thousand_are_thousands():
    conv = get_conventions("default")
    thousands = conv.magnitude("plural", 1000)
    tens = conv.magnitude("plural", 10000)
    assert 10000 in thousands and 19999 in thousands
    assert 20000 not in thousands and 20000 in tens


def test_use_conventions_is_scoped():
    assert get_conventions().name == "default"
    with use_conventions("acled") as c:
        assert c.name == "acled"
        assert get_conventions().name == "acled"
    assert get_conventions().name == "default"


def test_set_conventions_changes_the_default():
    try:
        est.set_conventions("ccc")
        assert get_conventions().name == "ccc"
    finally:
        est.set_conventions("default")


def test_custom_profile_registers_and_records_its_name():
    wide = Conventions(name="wide-about", description="about is +-25%", about=0.25)
    with use_conventions(wide):
        f = get_conventions().figure("approx", 100)
    assert (f.low, f.high, f.profile) == (75, 125, "wide-about")
    assert "wide-about" in est.conventions_names()
    with pytest.raises(FigureError):
        est.register_conventions(Conventions(name="wide-about", description="other", about=0.3))


def test_unknown_profile_lists_known_ones():
    with pytest.raises(KeyError, match="known: acled, ccc, default"):
        get_conventions("nope")


def test_profiles_are_documented():
    for name in ("default", "acled", "ccc"):
        conv = est.PROFILES[name]
        assert conv.description
        assert conv.references


@pytest.mark.parametrize("bad", [-0.1, 1.0, 2])
def test_about_width_validated(bad):
    with pytest.raises(FigureError):
        Conventions(name="x", description="", about=bad)
