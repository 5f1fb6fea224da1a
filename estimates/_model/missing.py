"""One rule for "missing": ``None``, ``pd.NA``, ``pd.NaT`` and float NaN.

Every layer asks the same question of a cell (is it missing?) and wants the same
answer, so the rule lives here and nowhere else.

Examples
--------
>>> import math
>>> [is_missing(v) for v in (None, float("nan"), 0, "", "x")]
[True, True, False, False, False]
>>> present(float("nan")) is None, present(3.0)
(True, 3.0)
"""

from __future__ import annotations

import math
from typing import Any, TypeVar

__all__ = ["is_missing", "present"]

T = TypeVar("T")


def is_missing(value: Any) -> bool:
    """Whether a scalar cell is missing: ``None``, ``pd.NA``, ``pd.NaT`` or a float NaN.

    An empty string is not missing (it is text a user wrote).
    """
    if value is None:
        return True
    if isinstance(value, float):  # also numpy.float64
        return math.isnan(value)
    name = type(value).__name__
    if name in ("NAType", "NaTType"):
        return True
    try:  # other numpy floating scalars (float32 ...)
        return bool(value != value) if hasattr(value, "dtype") else False
    except (TypeError, ValueError):
        return False


def present(value: T | None) -> T | None:
    """``value``, or ``None`` when it is missing (see :func:`is_missing`)."""
    return None if is_missing(value) else value
