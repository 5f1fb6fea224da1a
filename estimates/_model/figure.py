"""The figure: one stated number read as an interval.

A :class:`Figure` is what "up to 12,000 soldiers" means once read: the bounds
``[0, 12000]``, both closed, no best value (a ceiling is not a best guess), the hedge
``up_to``, the unit ``soldier``, the original text, and the name of the conventions
profile that turned the words into the interval.

Figures are immutable and validated when built.  Their API is small, in the spirit
of :mod:`portion`: containment (``x in f``, :meth:`Figure.contains`), overlap,
:meth:`Figure.relation`, :meth:`Figure.intersection`, :meth:`Figure.hull`,
:meth:`Figure.gap` and unit conversion (:meth:`Figure.to`).

Examples
--------
>>> f = Figure(0, 12000, hedge="up_to", unit="soldier", text="up to 12,000 soldiers")
>>> f
Figure([0, 12000] soldier, hedge='up_to', text='up to 12,000 soldiers')
>>> 10000 in f
True
>>> f.relation(Figure.exact(10000, unit="soldier"))
'nested'
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

from .errors import FigureError, UnitError
from .hedges import Hedge
from .units import COUNT_UNITS, MEASURE_WORDS, check_unit, conversion_factor, is_count

__all__ = ["Figure", "Relation"]

Relation = Literal["equal", "nested", "overlapping", "touching", "disjoint"]

_KNOWN_UNITS = frozenset(COUNT_UNITS) | frozenset(MEASURE_WORDS.values()) | {""}


def _validate_unit(unit: str) -> None:
    if unit in _KNOWN_UNITS:
        return
    # Anything else must be a unit pint can read (checked lazily, cached).
    check_unit(unit)


@dataclass(frozen=True, slots=True, repr=False)
class Figure:
    """A stated figure read as an interval.

    Parameters
    ----------
    low, high : float
        The bounds.  ``-inf``/``inf`` for an unbounded side.  ``low <= high``.
    low_closed, high_closed : bool, optional
        Whether each bound belongs to the interval.  Default: closed when finite,
        open when infinite (an infinite bound cannot be closed).
    best : float or None
        The figure's best value, when the source gave one.  Inside the interval.
    hedge : Hedge or str
        How the figure was qualified (see :class:`~estimates.Hedge`).
    unit : str
        Canonical unit (``""`` for a plain count; ``"soldier"``, ``"kilometer"``...).
    text : str or None
        The figure as written.
    profile : str
        Name of the conventions profile that produced the interval.
    ambiguous : bool
        True when reading the text needed a guess that the language settled (French
        "1.498": 1,498 or 1.498?).

    Raises
    ------
    FigureError
        When a field breaks an invariant (NaN bound, ``low > high``, best outside ...).

    Examples
    --------
    >>> Figure(13000, float("inf"), low_closed=False, hedge="more_than")
    Figure((13000, +inf), hedge='more_than')
    >>> Figure(5, 3)
    Traceback (most recent call last):
    ...
    estimates._model.errors.FigureError: low=5.0: expected low <= high (high=3.0)
    """

    low: float
    high: float
    low_closed: bool = None  # type: ignore[assignment]  # None -> closed iff finite
    high_closed: bool = None  # type: ignore[assignment]
    best: float | None = None
    hedge: Hedge = Hedge.EXACT
    unit: str = ""
    text: str | None = field(default=None, compare=True)
    profile: str = "default"
    ambiguous: bool = False

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        low = _as_float("low", self.low)
        high = _as_float("high", self.high)
        if math.isnan(low):
            raise FigureError("low", self.low, "a number (-inf for no lower bound), not NaN")
        if math.isnan(high):
            raise FigureError("high", self.high, "a number (inf for no upper bound), not NaN")
        if low == math.inf:
            raise FigureError("low", low, "a finite number or -inf")
        if high == -math.inf:
            raise FigureError("high", high, "a finite number or inf")
        if low > high:
            raise FigureError("low", low, f"low <= high (high={high!r})")
        lc = _closed("low_closed", self.low_closed, low)
        hc = _closed("high_closed", self.high_closed, high)
        if low == high and not (lc and hc):
            raise FigureError(
                "low_closed" if not lc else "high_closed",
                False,
                f"a point figure [{low!r}, {high!r}] closed on both sides (otherwise it is empty)",
            )
        best = self.best
        if best is not None:
            best = _as_float("best", best)
            if math.isnan(best):
                best = None
            elif not _inside(best, low, high, lc, hc):
                raise FigureError(
                    "best", best, f"a value inside {_fmt_interval(low, high, lc, hc)}"
                )
        try:
            hedge = Hedge(self.hedge)
        except ValueError:
            raise FigureError(
                "hedge", self.hedge, "one of " + ", ".join(h.value for h in Hedge)
            ) from None
        if not isinstance(self.unit, str):
            raise FigureError("unit", self.unit, "a unit name as a string ('' for a count)")
        try:
            _validate_unit(self.unit)
        except UnitError as exc:
            raise FigureError("unit", self.unit, exc.reason) from None
        if low < 0 and is_count(self.unit):
            raise FigureError(
                "low",
                low,
                "a count >= 0 (use unit='dimensionless' for a signed number without unit)",
            )
        if self.text is not None and not isinstance(self.text, str):
            raise FigureError("text", self.text, "the figure as written, a string, or None")
        if not isinstance(self.profile, str) or not self.profile:
            raise FigureError("profile", self.profile, "the name of a conventions profile")
        set_(self, "low", low)
        set_(self, "high", high)
        set_(self, "low_closed", lc)
        set_(self, "high_closed", hc)
        set_(self, "best", best)
        set_(self, "hedge", hedge)
        set_(self, "ambiguous", bool(self.ambiguous))

    # ------------------------------------------------------------------ builders
    @classmethod
    def exact(cls, value: float, *, unit: str = "", text: str | None = None) -> Figure:
        """A point figure ``[value, value]`` with best ``value``.

        >>> Figure.exact(10000, unit="soldier")
        Figure([10000] soldier)
        """
        return cls(value, value, best=value, hedge=Hedge.EXACT, unit=unit, text=text)

    @classmethod
    def between(
        cls,
        low: float,
        high: float,
        *,
        best: float | None = None,
        unit: str = "",
        text: str | None = None,
    ) -> Figure:
        """A closed range ``[low, high]`` (hedge ``range``), with an optional best.

        >>> Figure.between(2e6, 3e6)
        Figure([2000000, 3000000], hedge='range')
        """
        return cls(low, high, best=best, hedge=Hedge.RANGE, unit=unit, text=text)

    def replace(self, **changes: Any) -> Figure:
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)

    # ------------------------------------------------------------------ properties
    @property
    def is_point(self) -> bool:
        """True for a single value ``[x, x]``."""
        return self.low == self.high

    @property
    def is_bounded(self) -> bool:
        """True when both bounds are finite."""
        return math.isfinite(self.low) and math.isfinite(self.high)

    @property
    def width(self) -> float:
        """``high - low`` (``inf`` when unbounded)."""
        return self.high - self.low

    @property
    def midpoint(self) -> float | None:
        """The middle of a bounded figure (a *derived* value), else ``None``."""
        return (self.low + self.high) / 2 if self.is_bounded else None

    @property
    def center(self) -> tuple[float | None, bool]:
        """``(value, derived)``: the best value if stated, else the midpoint (derived).

        >>> Figure.between(10, 20).center
        (15.0, True)
        """
        if self.best is not None:
            return self.best, False
        return self.midpoint, True

    @property
    def stated(self) -> tuple[float, ...]:
        """The numbers the source actually stated (a vague magnitude states none).

        >>> Figure(0, 12000, hedge="up_to").stated
        (12000.0,)
        """
        out: list[float] = []
        h = self.hedge
        if h.states_low and math.isfinite(self.low):
            out.append(self.low)
        if h.states_best and self.best is not None:
            out.append(self.best)
        if h.states_high and math.isfinite(self.high) and self.high not in out:
            out.append(self.high)
        return tuple(out)

    # ------------------------------------------------------------------ set algebra
    def __contains__(self, value: object) -> bool:
        if isinstance(value, Figure):
            return self.contains(value)
        if not isinstance(value, int | float):
            return False
        return _inside(float(value), self.low, self.high, self.low_closed, self.high_closed)

    def _aligned(self, other: Figure) -> Figure:
        if other.unit == self.unit:
            return other
        return other.to(self.unit)

    def contains(self, other: Figure) -> bool:
        """Whether every value of ``other`` lies in this figure (units converted)."""
        o = self._aligned(other)
        lo_ok = self.low < o.low or (self.low == o.low and (self.low_closed or not o.low_closed))
        hi_ok = self.high > o.high or (
            self.high == o.high and (self.high_closed or not o.high_closed)
        )
        return lo_ok and hi_ok

    def overlaps(self, other: Figure) -> bool:
        """Whether the two figures share at least one value."""
        return self.intersection(other) is not None

    def intersection(self, other: Figure) -> Figure | None:
        """The values both figures allow, or ``None`` when they are disjoint.

        >>> Figure(0, 12000, hedge="up_to").intersection(Figure.exact(10000))
        Figure([10000], hedge='range')
        """
        o = self._aligned(other)
        low, lc = _max_low((self.low, self.low_closed), (o.low, o.low_closed))
        high, hc = _min_high((self.high, self.high_closed), (o.high, o.high_closed))
        if low > high or (low == high and not (lc and hc)):
            return None
        return Figure(
            low,
            high,
            lc if math.isfinite(low) else False,
            hc if math.isfinite(high) else False,
            hedge=Hedge.RANGE,
            unit=self.unit,
            profile=self.profile,
        )

    def hull(self, other: Figure) -> Figure:
        """The smallest interval holding both figures (their envelope)."""
        o = self._aligned(other)
        if (o.low, not o.low_closed) < (self.low, not self.low_closed):
            low, lc = o.low, o.low_closed
        else:
            low, lc = self.low, self.low_closed
        if (o.high, o.high_closed) > (self.high, self.high_closed):
            high, hc = o.high, o.high_closed
        else:
            high, hc = self.high, self.high_closed
        return Figure(low, high, lc, hc, hedge=Hedge.RANGE, unit=self.unit, profile=self.profile)

    def gap(self, other: Figure) -> float:
        """Distance between two disjoint figures; ``0.0`` when they meet or touch."""
        o = self._aligned(other)
        if o.low >= self.high:
            return o.low - self.high
        if self.low >= o.high:
            return self.low - o.high
        return 0.0

    def relation(self, other: Figure) -> Relation:
        """How two figures stand to each other, closedness respected.

        ``equal`` (same set), ``nested`` (one holds the other), ``overlapping``
        (they share a stretch of values), ``touching`` (they share exactly one value,
        an end of each) or ``disjoint`` (no value in common).
        """
        o = self._aligned(other)
        same = (self.low, self.high, self.low_closed, self.high_closed) == (
            o.low,
            o.high,
            o.low_closed,
            o.high_closed,
        )
        if same:
            return "equal"
        inter = self.intersection(o)
        if inter is None:
            return "disjoint"
        if self.contains(o) or o.contains(self):
            return "nested"
        if inter.is_point:
            return "touching"
        return "overlapping"

    # ------------------------------------------------------------------ units
    def to(self, unit: str) -> Figure:
        """The same figure in another, compatible unit.

        >>> Figure.exact(10, unit="mile").to("kilometer").low
        16.09344
        """
        if unit == self.unit:
            return self
        k = conversion_factor(self.unit, unit)
        best = None if self.best is None else self.best * k
        return replace(self, low=self.low * k, high=self.high * k, best=best, unit=unit)

    # ------------------------------------------------------------------ display
    def __repr__(self) -> str:
        parts = [_fmt_interval(self.low, self.high, self.low_closed, self.high_closed)]
        if self.unit:
            parts[0] += f" {self.unit}"
        if self.best is not None and not (self.is_point and self.hedge is Hedge.EXACT):
            parts.append(f"best={_fmt_num(self.best)}")
        if self.hedge is not Hedge.EXACT:
            parts.append(f"hedge={self.hedge.value!r}")
        if self.text is not None:
            parts.append(f"text={self.text!r}")
        if self.profile != "default":
            parts.append(f"profile={self.profile!r}")
        if self.ambiguous:
            parts.append("ambiguous=True")
        return f"Figure({', '.join(parts)})"

    def __str__(self) -> str:
        s = _fmt_interval(self.low, self.high, self.low_closed, self.high_closed)
        return f"{s} {self.unit}" if self.unit else s

    def _repr_html_(self) -> str:
        from .._present.html import figure_html

        return figure_html(self)

    def as_dict(self) -> dict[str, Any]:
        """The figure's fields as a plain dict (the hedge as its string code)."""
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["hedge"] = self.hedge.value
        return d


# ---------------------------------------------------------------------- helpers
def _as_float(name: str, value: Any) -> float:
    if isinstance(value, bool):
        raise FigureError(name, value, "a number, not a boolean")
    try:
        return float(value)
    except OverflowError:
        shown = str(value)
        if len(shown) > 40:
            shown = f"{shown[:12]}...{shown[-6:]} ({len(shown)} digits)"
        raise FigureError(
            name, shown, "a number a float can hold (at most about 1.8e308 in size)"
        ) from None
    except (TypeError, ValueError):
        raise FigureError(name, value, "a number") from None


def _closed(name: str, value: Any, bound: float) -> bool:
    if value is None:
        return math.isfinite(bound)
    if not isinstance(value, bool):
        import numpy as np

        if isinstance(value, np.bool_):
            value = bool(value)
        else:
            raise FigureError(name, value, "True or False")
    if value and not math.isfinite(bound):
        raise FigureError(name, value, f"False: an infinite bound ({bound}) cannot be closed")
    return value


def _inside(x: float, low: float, high: float, lc: bool, hc: bool) -> bool:
    above = x > low or (x == low and lc)
    below = x < high or (x == high and hc)
    return above and below


def _max_low(a: tuple[float, bool], b: tuple[float, bool]) -> tuple[float, bool]:
    if a[0] != b[0]:
        return a if a[0] > b[0] else b
    return a[0], a[1] and b[1]


def _min_high(a: tuple[float, bool], b: tuple[float, bool]) -> tuple[float, bool]:
    if a[0] != b[0]:
        return a if a[0] < b[0] else b
    return a[0], a[1] and b[1]


def _fmt_num(x: float) -> str:
    if math.isinf(x):
        return "+inf" if x > 0 else "-inf"
    if x == int(x) and abs(x) < 1e16:
        return str(int(x))
    return repr(x)


def _fmt_interval(low: float, high: float, lc: bool, hc: bool) -> str:
    if low == high:
        return f"[{_fmt_num(low)}]"
    return f"{'[' if lc else '('}{_fmt_num(low)}, {_fmt_num(high)}{']' if hc else ')'}"
