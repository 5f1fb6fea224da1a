"""Hypothesis strategies for figures, claims and claims tables.

Use them to test code built on ``estimates`` the way the library tests itself::

    from hypothesis import given
    from estimates import strategies as est

    @given(est.figures())
    def test_hull_contains(f):
        assert f.hull(f).contains(f)

Requires the ``hypothesis`` package (``pip install estimates[test]``).

Strategies
----------
figures
    Any valid :class:`~estimates.Figure`: points, closed/open/half-open bounded
    intervals, one-sided and unbounded ones, with or without best values.
stated_figures
    Figures as the conventions produce them from a hedge and round numbers: what a
    text can say, so that ``parse(render(f)) == f`` can be checked.
date_intervals
    :class:`~estimates.DateInterval` values between 1990 and 2035.
claims
    :class:`~estimates.Claim` values with sources, dates and statuses.
claims_tables
    :class:`~estimates.Claims` tables of such claims, over a few quantities.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover
    raise ImportError(
        "estimates.strategies needs hypothesis: pip install 'estimates[test]'"
    ) from exc

from ._model.claim import Claim, Status
from ._model.conventions import Conventions, get_conventions
from ._model.dates import DateInterval
from ._model.figure import Figure
from ._model.hedges import Hedge
from ._model.units import is_count

__all__ = [
    "AGENTS",
    "QUANTITIES",
    "claims",
    "claims_tables",
    "date_intervals",
    "figures",
    "stated_figures",
]

#: Source names used by :func:`claims` (real agents from the bundled data).
AGENTS = (
    "United States",
    "US intelligence",
    "South Korean intelligence",
    "Ukrainian intelligence",
    "Volodymyr Zelensky",
    "UK MoD",
    "CSIS",
    "BBC Russia",
    "Mediazona",
    "NATO",
    "Pentagon",
    "WSJ",
    "O'Brien & Co <analysts>",
    "=HYPERLINK",
)
#: Quantity keys used by :func:`claims`.
QUANTITIES = ("north korean troops in kursk", "russian casualties", "containers")

# Text as files can hold it: any character but NUL and lone surrogates.
_TEXT_CHARS = st.characters(exclude_categories=["Cs"], exclude_characters="\x00")

_magnitudes = st.one_of(
    st.integers(-(10**12), 10**12).map(float),
    st.floats(-1e12, 1e12, allow_nan=False, allow_infinity=False, allow_subnormal=False),
)


@st.composite
def figures(
    draw: st.DrawFn,
    *,
    units: tuple[str, ...] = ("", "soldier", "kilometer", "dimensionless"),
    unbounded: bool = True,
    nonnegative: bool = False,
) -> Figure:
    """Any valid figure.

    Parameters
    ----------
    units : tuple of str
        Units to draw from.
    unbounded : bool
        Whether one or both bounds may be infinite.
    nonnegative : bool
        Keep bounds >= 0 (counts always are).
    """
    unit = draw(st.sampled_from(units))
    nonnegative = nonnegative or is_count(unit)
    lo_floor = 0.0 if nonnegative else -1e12
    a = draw(st.floats(lo_floor, 1e12, allow_nan=False, allow_subnormal=False))
    b = draw(st.floats(lo_floor, 1e12, allow_nan=False, allow_subnormal=False))
    low, high = min(a, b), max(a, b)
    shape = draw(st.sampled_from(["point", "bounded", "bounded", "floor", "ceiling", "all"]))
    if shape == "point":
        return Figure.exact(low, unit=unit)
    if not unbounded and shape in ("floor", "ceiling", "all"):
        shape = "bounded"
    if shape == "floor":
        high = math.inf
    elif shape == "ceiling" and not nonnegative:
        low = -math.inf
    elif shape == "all" and not nonnegative:
        low, high = -math.inf, math.inf
    elif shape in ("ceiling", "all"):
        high = math.inf
    if low == high:
        return Figure.exact(low, unit=unit)
    lc = math.isfinite(low) and draw(st.booleans())
    hc = math.isfinite(high) and draw(st.booleans())
    best = None
    if draw(st.booleans()) and math.isfinite(low) and math.isfinite(high):
        t = draw(st.floats(0, 1))
        cand = low + t * (high - low)
        if (low < cand < high) or (cand == low and lc) or (cand == high and hc):
            best = cand
    hedge = (
        Hedge.RANGE
        if math.isfinite(low) and math.isfinite(high)
        else (Hedge.AT_LEAST if math.isfinite(low) else Hedge.AT_MOST)
    )
    if hedge is Hedge.AT_LEAST and not lc:
        hedge = Hedge.MORE_THAN
    return Figure(low, high, lc, hc, best=best, hedge=hedge, unit=unit)


# Round numbers as texts state them: a few significant digits times a power of ten.
_round_numbers = st.builds(
    lambda mant, exp: float(mant * 10**exp),
    st.integers(1, 999),
    st.integers(0, 6),
)


@st.composite
def stated_figures(
    draw: st.DrawFn,
    *,
    conventions: Conventions | str | None = None,
    units: tuple[str, ...] = ("", "soldier", "container", "person", "kilometer", "dollar"),
    hedges: tuple[Hedge, ...] = tuple(h for h in Hedge if h is not Hedge.MAGNITUDE),
) -> Figure:
    """Figures as a profile reads hedged round numbers (what text can say)."""
    conv = get_conventions(conventions)
    hedge = draw(st.sampled_from(hedges))
    unit = draw(st.sampled_from(units))
    x = draw(_round_numbers)
    if hedge is Hedge.RANGE:
        y = draw(_round_numbers.filter(lambda v: v > x))
        return conv.figure(hedge, x, y, unit=unit)
    return conv.figure(hedge, x, unit=unit)


def date_intervals(
    *, min_value: date = date(1990, 1, 1), max_value: date = date(2035, 12, 31)
) -> st.SearchStrategy[DateInterval]:
    """Inclusive date intervals: days, weeks, months and free spans."""
    days = st.dates(min_value, max_value)

    def build(d: date, kind: str, length: int) -> DateInterval:
        if kind == "day":
            return DateInterval(d, d)
        if kind == "week":
            return DateInterval.week_of(d)
        if kind == "month":
            return DateInterval.month(d.year, d.month)
        return DateInterval(d, d + timedelta(days=length))

    return st.builds(
        build, days, st.sampled_from(["day", "week", "month", "span"]), st.integers(0, 400)
    )


@st.composite
def claims(
    draw: st.DrawFn,
    *,
    quantities: tuple[str, ...] = QUANTITIES,
    agents: tuple[str, ...] = AGENTS,
    figure_strategy: st.SearchStrategy[Figure] | None = None,
) -> Claim:
    """Claims with one to three agents, optional dates, status and notes."""
    fig = draw(
        figure_strategy
        if figure_strategy is not None
        else figures(units=("soldier",), nonnegative=True)
    )
    source = draw(st.lists(st.sampled_from(agents), min_size=1, max_size=3, unique=True))
    stated = draw(st.none() | date_intervals())
    refers = draw(st.none() | date_intervals())
    return Claim(
        fig,
        quantity=draw(st.sampled_from(quantities)),
        source=tuple(source),
        reported_by=draw(st.none() | st.sampled_from(["AFP", "Reuters", "Le Monde"])),
        original_source=draw(st.none() | st.sampled_from(agents)),
        stated=stated,
        refers_to=refers,
        url=draw(st.none() | st.just("https://example.org/a?b=1&c=<2>")),
        published=None if stated is None else stated.end,
        lang=draw(st.sampled_from(["en", "fr"])),
        status=draw(st.sampled_from(list(Status))),
        note=draw(st.none() | st.text(_TEXT_CHARS, max_size=30)),
    )


@st.composite
def claims_tables(draw: st.DrawFn, *, min_size: int = 0, max_size: int = 30, **kw: Any) -> Any:
    """:class:`~estimates.Claims` tables of :func:`claims`."""
    from ._api.claims import Claims

    items = draw(st.lists(claims(**kw), min_size=min_size, max_size=max_size))
    return Claims.from_claims(items)
