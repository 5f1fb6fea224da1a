"""Conventions: how hedged words become intervals, as named, switchable profiles.

Reading "about 50,000" or "thousands" as numbers takes conventions.  This module
holds them in one place, like pint's registry holds units: a :class:`Conventions`
profile says how wide "about" is, what "thousands" covers, and so on; every figure
records the name of the profile that produced it; the parser, the claims table and
the report all ask the active profile rather than hard-code a rule.

Three profiles ship with the library:

``default``
    The plain reading of the words, suited to comparing claims.

    * "more than X" is ``(X, inf)`` and "at least X" is ``[X, inf)``: the strict and
      non-strict readings of the comparatives (Cummins, Sauerland & Solt 2012,
      "Granularity and scalar implicature in numerical expressions", *Linguistics and
      Philosophy* 35).
    * "fewer than X" is ``[0, X)``; "at most X" and "up to X" are ``[0, X]``, with no
      best value: X is a ceiling, not a best guess (the same paper; "up to" is
      the ceiling reading used by regulators for advertised maxima, e.g. the UK
      ASA's guidance on "up to" claims).  Counts never go below 0.
    * "about X" is ``X ± 10%`` with best X: the ±10% band is a common default for
      round-number approximation (Krifka 2009, "Approximate interpretations of number
      words", in *Theory and Evidence in Semantics*), chosen over a rounding-aware width
      because it treats "about 12,500" and "about 10,000" alike.  Change ``about``.
    * "nearly X" is ``[X(1 - 10%), X]``: just below X, with X as its top.
    * a range "X to Y" is ``[X, Y]`` with no invented best (its midpoint is
      available from :attr:`Figure.center`, flagged as derived).
    * vague plurals: "N-s of M" is ``[2M, 20M)``: "thousands" is ``[2,000, 20,000)``
      (at least two thousand, and fewer than "tens of thousands", which starts at two
      tens of thousands, 20,000).  The plurals of successive scale words tile the
      number line without a hole: "hundreds" ``[200, 2,000)``, "thousands"
      ``[2,000, 20,000)``, "tens of thousands" ``[20,000, 200,000)``, "hundreds of
      thousands" ``[200,000, 2,000,000)``, "millions" ``[2,000,000, 20,000,000)``, so
      every number from 200 up belongs to exactly one of them.  "several M" is
      ``[3M, 10M)``; "a few M" is ``[2M, 5M]``;
      "une dizaine / vingtaine / centaine", "un millier" read as "about 10 / 20 / 100 /
      1,000".

``acled``
    The Armed Conflict Location & Event Data Project's coding of vague fatality
    counts (ACLED Codebook, "Fatalities"): when reports say "several" or "many", 10
    is recorded; "dozens" is 12; "hundreds" is 100 — the lowest credible reading, as a
    single value.  Extended in the same spirit: "N-s of M" is ``M``, "a few M" is
    ``M``... except bare "several" / "a few", which are 10.

``ccc``
    The Crowd Counting Consortium's reading of vague crowd sizes: "thousands" is
    2,000 and "tens of thousands" is 20,000 — the smallest number the words allow,
    as a single value ("N-s of M" is ``2M``, "several M" is ``3M``, "a few M" is ``2M``).

Examples
--------
>>> conv = get_conventions()
>>> conv.name
'default'
>>> conv.figure("up_to", 12000, unit="soldier")
Figure([0, 12000] soldier, hedge='up_to')
>>> conv.magnitude("plural", 1000)
Figure([2000, 20000), hedge='magnitude')
>>> with use_conventions("acled"):
...     get_conventions().magnitude("plural", 12)
Figure([12], best=12, hedge='magnitude', profile='acled')
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from .errors import FigureError
from .figure import Figure
from .hedges import Hedge
from .units import is_signed

__all__ = [
    "Conventions",
    "MagnitudeReading",
    "conventions_names",
    "get_conventions",
    "register_conventions",
    "set_conventions",
    "use_conventions",
]

VagueKind = Literal["plural", "several", "few"]


@dataclass(frozen=True, slots=True)
class MagnitudeReading:
    """How a vague magnitude reads, as multiples of its scale M.

    "thousands" has scale M = 1,000; under the default reading (``low=2, high=20,
    high_closed=False``) it is ``[2,000, 20,000)``.  A point reading (ACLED's
    "hundreds" = 100) has ``low == high == best``.
    """

    low: float
    high: float
    low_closed: bool = True
    high_closed: bool = False
    best: float | None = None

    def __post_init__(self) -> None:
        if not (0 <= self.low <= self.high):
            raise FigureError("low", self.low, f"0 <= low <= high (high={self.high})")
        if self.low == self.high and not (self.low_closed and self.high_closed):
            raise FigureError("high_closed", self.high_closed, "True for a point reading")


@dataclass(frozen=True, slots=True)
class Conventions:
    """A named set of conventions for reading hedged figures.

    Parameters
    ----------
    name : str
        The profile's name, recorded on every figure it produces.
    description : str
        One paragraph saying where the conventions come from.
    about : float
        Relative half-width of "about X" (0.10 means ``[0.9X, 1.1X]``).
    nearly : float
        Relative depth of "nearly X" (0.10 means ``[0.9X, X]``).
    floor : float
        Lowest value of a count or other unsigned measure ("up to X" is
        ``[floor, X]``).  Signed units (temperatures) have no floor.
    plural, several, few : MagnitudeReading
        Readings of "N-s of M" ("thousands"), "several M" and "a few M".
    bare_several : MagnitudeReading
        Reading of "several" / "plusieurs" / "a few" with no scale word, as
        absolute numbers (not multiples).
    references : tuple of str
        Where the conventions come from.
    """

    name: str
    description: str
    about: float = 0.10
    nearly: float = 0.10
    floor: float = 0.0
    plural: MagnitudeReading = MagnitudeReading(2, 20)
    several: MagnitudeReading = MagnitudeReading(3, 10)
    few: MagnitudeReading = MagnitudeReading(2, 5, True, True)
    bare_several: MagnitudeReading = MagnitudeReading(3, 10)
    references: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.name or not isinstance(self.name, str):
            raise FigureError("name", self.name, "a non-empty profile name")
        for attr in ("about", "nearly"):
            v = getattr(self, attr)
            if not (0 <= v < 1):
                raise FigureError(attr, v, "a relative width in [0, 1)")

    # ------------------------------------------------------------------ reading
    def lower_limit(self, unit: str) -> float:
        """The lowest value a figure in ``unit`` can take (``floor``, or -inf if signed)."""
        return -math.inf if is_signed(unit) else self.floor

    def figure(
        self,
        hedge: Hedge | str,
        value: float,
        value2: float | None = None,
        *,
        unit: str = "",
        text: str | None = None,
        ambiguous: bool = False,
    ) -> Figure:
        """Turn a hedge and its number(s) into a :class:`Figure` under this profile.

        Parameters
        ----------
        hedge : Hedge or str
            Any hedge but ``magnitude`` (see :meth:`magnitude`).
        value : float
            The stated number (the low end for a ``range``).
        value2 : float, optional
            The high end of a ``range``.

        Examples
        --------
        >>> c = get_conventions()
        >>> c.figure("more_than", 13000, unit="container")
        Figure((13000, +inf) container, hedge='more_than')
        >>> c.figure("about", 50000)
        Traceback (most recent call last):
        ...
        estimates._model.errors.FigureError: hedge='about': expected a hedge code such as ...
        """
        try:
            h = Hedge(hedge)
        except ValueError:
            raise FigureError(
                "hedge", hedge, "a hedge code such as 'approx' or 'up_to' (see estimates.Hedge)"
            ) from None
        x = float(value)
        kw: dict[str, Any] = {
            "hedge": h,
            "unit": unit,
            "text": text,
            "profile": self.name,
            "ambiguous": ambiguous,
        }
        floor = self.lower_limit(unit)
        inf = math.inf
        if h is Hedge.EXACT:
            return Figure(x, x, True, True, best=x, **kw)
        if h is Hedge.APPROX:
            d = abs(x) * self.about
            lo = max(x - d, floor) if x >= floor else x - d
            return Figure(lo, x + d, True, True, best=x, **kw)
        if h is Hedge.NEARLY:
            d = abs(x) * self.nearly
            lo = max(x - d, floor) if x >= floor else x - d
            return Figure(lo, x, True, True, **kw)
        if h is Hedge.MORE_THAN:
            return Figure(x, inf, False, False, **kw)
        if h is Hedge.AT_LEAST:
            return Figure(x, inf, True, False, **kw)
        if h in (Hedge.LESS_THAN, Hedge.AT_MOST, Hedge.UP_TO):
            if x < floor or (x == floor and h is Hedge.LESS_THAN):
                raise FigureError(
                    "value",
                    x,
                    f"a ceiling above {floor:g}, the lowest value of {unit or 'a count'}",
                )
            lc = math.isfinite(floor)
            return Figure(floor, x, lc, h is not Hedge.LESS_THAN, **kw)
        if h is Hedge.RANGE:
            if value2 is None:
                raise FigureError("value2", None, "the high end of the range")
            y = float(value2)
            if x > y:
                raise FigureError("value", x, f"a range low <= high (high={y:g})")
            return Figure(x, y, True, True, **kw)
        raise FigureError("hedge", h.value, "not 'magnitude' here: use Conventions.magnitude()")

    def magnitude(
        self,
        kind: VagueKind,
        scale: float,
        *,
        unit: str = "",
        text: str | None = None,
    ) -> Figure:
        """Read a vague magnitude ("thousands", "several hundred", "a few") as a figure.

        Parameters
        ----------
        kind : {"plural", "several", "few"}
            "N-s of M" / "des milliers" is ``plural``; "several M" / "plusieurs M" is
            ``several``; "a few M" / "quelques M" is ``few``.
        scale : float
            M, the scale word's value (1,000 for "thousands"); ``1`` for a bare
            "several" / "a few", which then uses :attr:`bare_several`.
        """
        if kind == "plural":
            r = self.plural
        elif kind in ("several", "few"):
            if scale == 1:
                r = self.bare_several
                scale = 1.0
            else:
                r = self.several if kind == "several" else self.few
        else:
            raise FigureError("kind", kind, "one of 'plural', 'several', 'few'")
        best = None if r.best is None else r.best * scale
        return Figure(
            r.low * scale,
            r.high * scale,
            r.low_closed,
            r.high_closed,
            best=best,
            hedge=Hedge.MAGNITUDE,
            unit=unit,
            text=text,
            profile=self.name,
        )


# ---------------------------------------------------------------------- profiles
DEFAULT = Conventions(
    name="default",
    description=(
        "Plain reading of the words: 'more than X' is (X, inf), 'at least X' is [X, inf), "
        "'up to X' and 'at most X' are [0, X] with no best value, 'fewer than X' is "
        "[0, X), 'about X' is X ± 10%, 'nearly X' is [0.9X, X], ranges are closed, and "
        "'N-s of M' (thousands, des milliers) is [2M, 20M), so that 'thousands' [2,000, "
        "20,000) and 'tens of thousands' [20,000, 200,000) leave no number between them."
    ),
    references=(
        "Cummins, Sauerland & Solt (2012), Granularity and scalar implicature in numerical "
        "expressions, Linguistics and Philosophy 35(2)",
        "Krifka (2009), Approximate interpretations of number words: a case for strategic "
        "communication, in Theory and Evidence in Semantics",
    ),
)

ACLED = Conventions(
    name="acled",
    description=(
        "ACLED's conservative coding of vague fatality counts: 'several' or 'many' is 10, "
        "'dozens' is 12, 'hundreds' is 100, each as a single value (the lowest credible "
        "reading); 'N-s of M' is M."
    ),
    plural=MagnitudeReading(1, 1, True, True, 1),
    several=MagnitudeReading(1, 1, True, True, 1),
    few=MagnitudeReading(1, 1, True, True, 1),
    bare_several=MagnitudeReading(10, 10, True, True, 10),
    references=("ACLED Codebook, section 'Fatalities' (Armed Conflict Location & Event Data)",),
)

CCC = Conventions(
    name="ccc",
    description=(
        "The Crowd Counting Consortium's reading of vague crowd sizes: the smallest number "
        "the words allow, as a single value ('thousands' is 2,000, 'tens of thousands' is "
        "20,000; 'several M' is 3M, 'a few M' is 2M)."
    ),
    plural=MagnitudeReading(2, 2, True, True, 2),
    several=MagnitudeReading(3, 3, True, True, 3),
    few=MagnitudeReading(2, 2, True, True, 2),
    bare_several=MagnitudeReading(3, 3, True, True, 3),
    references=("Crowd Counting Consortium, data dictionary (size_low / size_high coding)",),
)

_PROFILES: dict[str, Conventions] = {c.name: c for c in (DEFAULT, ACLED, CCC)}
_default_name = "default"
_override: ContextVar[str | None] = ContextVar("estimates_conventions", default=None)

#: Read-only view of the registered profiles, by name.
PROFILES: Mapping[str, Conventions] = MappingProxyType(_PROFILES)


def register_conventions(conventions: Conventions, *, replace: bool = False) -> Conventions:
    """Register a profile under its name, so that figures can name it.

    Raises
    ------
    ValueError
        If a different profile of that name exists and ``replace`` is False.
    """
    old = _PROFILES.get(conventions.name)
    if old is not None and old != conventions and not replace:
        raise FigureError("name", conventions.name, "a new profile name (or pass replace=True)")
    _PROFILES[conventions.name] = conventions
    return conventions


def get_conventions(name: str | Conventions | None = None) -> Conventions:
    """The active profile, or the one named.

    Raises
    ------
    KeyError
        If no profile has that name (the message lists the known ones).
    """
    if isinstance(name, Conventions):
        return name
    if name is None:
        name = _override.get() or _default_name
    try:
        return _PROFILES[name]
    except KeyError:
        raise KeyError(
            f"no conventions profile named {name!r}; known: {', '.join(sorted(_PROFILES))}"
        ) from None


def set_conventions(name: str | Conventions) -> Conventions:
    """Make a profile the default for the whole process.  Returns it."""
    global _default_name
    conv = get_conventions(name)
    if conv.name not in _PROFILES:
        register_conventions(conv)
    _default_name = conv.name
    return conv


@contextmanager
def use_conventions(name: str | Conventions) -> Iterator[Conventions]:
    """Use a profile within a ``with`` block (thread- and task-local).

    >>> with use_conventions("ccc") as c:
    ...     c.name
    'ccc'
    """
    conv = get_conventions(name)
    if conv.name not in _PROFILES:
        register_conventions(conv)
    token = _override.set(conv.name)
    try:
        yield conv
    finally:
        _override.reset(token)


def conventions_names() -> tuple[str, ...]:
    """Names of the registered profiles."""
    return tuple(_PROFILES)
