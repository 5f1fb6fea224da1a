"""The hedge vocabulary: how a figure was qualified when it was stated.

A hedge is what the speaker wrapped around the number ("up to", "about", "thousands").
It decides, through a :class:`~estimates.Conventions` profile, which interval the
figure stands for, and which of its numbers were *stated* (a journalist may quote them)
rather than implied.

========== ==================================== =================== ===============
hedge      examples                             interval            stated numbers
========== ==================================== =================== ===============
exact      "10,000", "10 000 soldats"           [X, X]              X
approx     "about 50,000", "environ", "some",   band around X       X
           "more or less", "plus ou moins"
nearly     "nearly 10,000", "près de"           [X(1-w), X]         X
more_than  "more than 13,000", "plus de"        (X, inf)            X
at_least   "at least 700,000", "X or more"      [X, inf)            X
less_than  "fewer than 100", "moins de",        [floor, X)          X
           "not even", "même pas"
at_most    "at most 5", "no more than"          [floor, X]          X
up_to      "up to 12,000", "jusqu'à"            [floor, X]          X
range      "between 2 and 3 million", "15-20k"  [X, Y]              X and Y
magnitude  "thousands", "des milliers"          profile's reading   none
========== ==================================== =================== ===============

``floor`` is the profile's floor (0) for counts and unsigned units, and ``-inf`` for
signed units (percentages, temperatures): "less than 5 °C" is ``(-inf, 5)``.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Hedge"]


class Hedge(StrEnum):
    """How a figure was qualified.  See the module documentation for the table."""

    EXACT = "exact"
    APPROX = "approx"
    NEARLY = "nearly"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"
    UP_TO = "up_to"
    RANGE = "range"
    MAGNITUDE = "magnitude"

    @property
    def states_low(self) -> bool:
        """Whether the figure's low bound is a number the source stated."""
        return self in _STATES_LOW

    @property
    def states_high(self) -> bool:
        """Whether the figure's high bound is a number the source stated."""
        return self in _STATES_HIGH

    @property
    def states_best(self) -> bool:
        """Whether the figure's best value is a number the source stated."""
        return self in _STATES_BEST

    @property
    def is_ceiling(self) -> bool:
        """A ceiling ("up to X") bounds the figure from above and gives no best value."""
        return self in (Hedge.LESS_THAN, Hedge.AT_MOST, Hedge.UP_TO)

    @property
    def is_floor(self) -> bool:
        """A floor ("more than X") bounds the figure from below and gives no best value."""
        return self in (Hedge.MORE_THAN, Hedge.AT_LEAST)


_STATES_LOW = frozenset({Hedge.MORE_THAN, Hedge.AT_LEAST, Hedge.RANGE})
_STATES_HIGH = frozenset({Hedge.NEARLY, Hedge.LESS_THAN, Hedge.AT_MOST, Hedge.UP_TO, Hedge.RANGE})
_STATES_BEST = frozenset({Hedge.EXACT, Hedge.APPROX})

#: Hedge codes in a fixed order, for categorical columns.
HEDGE_CODES: tuple[str, ...] = tuple(h.value for h in Hedge)
