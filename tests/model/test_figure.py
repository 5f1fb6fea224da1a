"""The Figure value type: validation, repr, set algebra and its algebraic laws."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import estimates as est
from estimates import Figure, FigureError, Hedge
from estimates import strategies as S  # noqa: N812

INF = math.inf


# ---------------------------------------------------------------- construction
def test_defaults_close_finite_and_open_infinite_bounds():
    f = Figure(13000, INF)
    assert (f.low_closed, f.high_closed) == (True, False)
    g = Figure(-INF, 5, unit="dimensionless")
    assert (g.low_closed, g.high_closed) == (False, True)


@pytest.mark.parametrize(
    ("kwargs", "field", "expected_part"),
    [
        ({"low": math.nan, "high": 1}, "low", "not NaN"),
        ({"low": 0, "high": math.nan}, "high", "not NaN"),
        ({"low": 5, "high": 3}, "low", "low <= high"),
        ({"low": INF, "high": INF}, "low", "finite number or -inf"),
        ({"low": 0, "high": -INF}, "high", "finite number or inf"),
        ({"low": 0, "high": INF, "high_closed": True}, "high_closed", "cannot be closed"),
        ({"low": 3, "high": 3, "low_closed": False}, "low_closed", "closed on both sides"),
        ({"low": 0, "high": 10, "best": 11}, "best", "inside [0, 10]"),
        ({"low": 0, "high": 10, "high_closed": False, "best": 10}, "best", "inside [0, 10)"),
        ({"low": 0, "high": 10, "hedge": "roughly"}, "hedge", "one of exact"),
        ({"low": 0, "high": 10, "unit": "furlongs per fortnight squared banana"}, "unit", ""),
        ({"low": "ten", "high": 10}, "low", "a number"),
        ({"low": True, "high": 10}, "low", "not a boolean"),
        ({"low": 0, "high": 10, "low_closed": "yes"}, "low_closed", "True or False"),
    ],
)
def test_invalid_figures_name_field_and_expectation(kwargs, field, expected_part):
    with pytest.raises(FigureError) as info:
        Figure(**kwargs)
    err = info.value
    assert isinstance(err, ValueError)
    assert isinstance(err, est.EstimatesError)
    assert err.field == field
    assert expected_part in err.expected


def test_nothing_is_swapped():
    with pytest.raises(FigureError):
        Figure(12000, 10000)


def test_nan_best_means_none():
    assert Figure(0, 10, best=math.nan).best is None


def test_immutable():
    f = Figure.exact(10000)
    with pytest.raises(AttributeError):
        f.low = 3  # type: ignore[misc]


def test_hashable_and_equal_by_value():
    a = Figure(0, 12000, hedge="up_to", unit="soldier")
    b = Figure(0.0, 12000.0, True, True, hedge=Hedge.UP_TO, unit="soldier")
    assert a == b
    assert len({a, b}) == 1


# ---------------------------------------------------------------- repr
@pytest.mark.parametrize(
    ("figure", "text"),
    [
        (Figure.exact(10000, unit="soldier"), "Figure([10000] soldier)"),
        (Figure(0, 12000, hedge="up_to"), "Figure([0, 12000], hedge='up_to')"),
        (Figure(13000, INF, False, hedge="more_than"), "Figure((13000, +inf), hedge='more_than')"),
        (
            Figure(45000, 55000, best=50000, hedge="approx"),
            "Figure([45000, 55000], best=50000, hedge='approx')",
        ),
        (
            Figure(2000, 10000, True, False, hedge="magnitude", text="des milliers"),
            "Figure([2000, 10000), hedge='magnitude', text='des milliers')",
        ),
        (Figure(1.5, 2.25, hedge="range"), "Figure([1.5, 2.25], hedge='range')"),
    ],
)
def test_repr_is_readable(figure, text):
    assert repr(figure) == text


def test_str_is_interval_notation():
    assert str(Figure(0, 12000, hedge="up_to", unit="soldier")) == "[0, 12000] soldier"


# ---------------------------------------------------------------- queries
def test_stated_numbers_follow_the_hedge():
    conv = est.get_conventions()
    assert conv.figure("up_to", 12000).stated == (12000.0,)
    assert conv.figure("more_than", 13000).stated == (13000.0,)
    assert conv.figure("approx", 50000).stated == (50000.0,)
    assert conv.figure("range", 2e6, 3e6).stated == (2e6, 3e6)
    assert conv.figure("nearly", 10000).stated == (10000.0,)
    assert conv.magnitude("plural", 1000).stated == ()


def test_center_is_best_or_derived_midpoint():
    assert Figure.between(10, 20).center == (15.0, True)
    assert Figure.exact(7).center == (7.0, False)
    assert Figure(5, INF).center == (None, True)


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        (Figure.exact(10000), Figure.exact(10000), "equal"),
        (Figure(0, 12000), Figure.exact(10000), "nested"),
        (Figure(0, 12000), Figure(10000, 15000), "overlapping"),
        (Figure(0, 10000), Figure(10000, 15000), "touching"),
        (Figure(0, 10000, True, False), Figure(10000, 15000), "disjoint"),
        (Figure(0, 10000), Figure(10000, 15000, False, True), "disjoint"),
        (Figure(0, 10), Figure(11, 15), "disjoint"),
        (Figure(700000, INF), Figure.exact(600000), "disjoint"),
        (Figure(0, 10), Figure(0, 10, False, True), "nested"),
    ],
)
def test_relation(a, b, relation):
    assert a.relation(b) == relation
    assert b.relation(a) == relation


def test_gap_between_uk_mod_and_wsj():
    # 2024-11-19: UK MoD "at least 700,000" against the WSJ's 600,000.
    uk = Figure(700000, INF, hedge="at_least")
    wsj = Figure.exact(600000)
    assert uk.gap(wsj) == wsj.gap(uk) == 100000
    assert uk.intersection(wsj) is None


def test_unit_conversion_in_comparisons():
    km = Figure.exact(16.09344, unit="kilometer")
    mile = Figure.exact(10, unit="mile")
    assert km.relation(mile) == "equal"
    with pytest.raises(est.UnitError):
        Figure.exact(1, unit="soldier").relation(Figure.exact(1, unit="container"))


def test_point_containment():
    f = Figure(0, 12000, hedge="up_to")
    assert 12000 in f
    assert 12000.5 not in f
    assert "12000" not in f
    assert 13000 not in Figure(13000, INF, False)


# ---------------------------------------------------------------- laws
@given(S.figures(), S.figures())
def test_hull_contains_both(a, b):
    a, b = a.replace(unit="dimensionless"), b.replace(unit="dimensionless")
    h = a.hull(b)
    assert h.contains(a)
    assert h.contains(b)


@given(S.figures(), S.figures())
def test_intersection_lies_in_both_and_is_symmetric(a, b):
    a, b = a.replace(unit="dimensionless"), b.replace(unit="dimensionless")
    i = a.intersection(b)
    j = b.intersection(a)
    assert (i is None) == (j is None)
    if i is not None:
        assert a.contains(i)
        assert b.contains(i)
        assert (i.low, i.high, i.low_closed, i.high_closed) == (
            j.low,
            j.high,
            j.low_closed,
            j.high_closed,
        )


@given(S.figures(), S.figures())
def test_relation_is_symmetric_and_consistent(a, b):
    a, b = a.replace(unit="dimensionless"), b.replace(unit="dimensionless")
    r = a.relation(b)
    assert r == b.relation(a)
    assert (r == "disjoint") == (not a.overlaps(b))
    if r == "disjoint":
        assert a.gap(b) >= 0
    else:
        assert a.gap(b) == 0


@given(S.figures())
def test_contains_itself_and_its_best(f):
    assert f.contains(f)
    if f.best is not None:
        assert f.best in f


@given(S.figures(units=("dimensionless",)), st.floats(-1e9, 1e9, allow_nan=False))
def test_point_in_figure_iff_point_figure_nested(f, x):
    assert (x in f) == f.contains(Figure.exact(x, unit="dimensionless"))


@given(S.figures(units=("kilometer",), unbounded=True), S.figures(units=("kilometer",)))
def test_relation_invariant_under_unit_conversion(a, b):
    assert a.to("meter").relation(b.to("meter")) == a.relation(b) or _float_edge(a, b)


def _float_edge(a: Figure, b: Figure) -> bool:
    # Scaling by 1000 is exact for integers but may round other floats; allow only
    # relations that hinge on two bounds being equal to the last bit.
    ends = {a.low, a.high, b.low, b.high}
    scaled = {x * 1000 for x in ends}
    return len(scaled) < len(ends) or any(
        abs(x - y) <= 4 * math.ulp(max(abs(x), abs(y))) and x != y for x in ends for y in ends
    )


@given(S.stated_figures())
def test_conventions_produce_valid_figures_holding_their_stated_numbers(f):
    for x in f.stated:
        lo_ok = x > f.low or (x == f.low and f.low_closed)
        hi_ok = x < f.high or (x == f.high and f.high_closed)
        # A stated bound of an open interval ("more than X") lies on its edge.
        assert (lo_ok and hi_ok) or x in (f.low, f.high)
