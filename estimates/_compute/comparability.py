"""The comparability guard: only like is pooled with like.

* Different quantities are never pooled: they are different groups.
* Within a group, every figure is converted to one unit (the group's most common,
  or the one asked for); units that cannot be converted raise a
  :class:`~estimates.UnitError` naming the group.
* Claims whose ``refers_to`` periods do not all overlap are pooled with a
  :class:`~estimates.ComparabilityWarning` ("deaths in 2022" and "deaths since 2014"
  are not the same number).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .._model.errors import ComparabilityWarning, UnitError
from .._model.units import conversion_factor

__all__ = ["check_periods", "harmonise_units"]


def harmonise_units(
    unit: pd.Series,
    group: np.ndarray,
    ngroups: int,
    labels: pd.Index,
    target: str | None = None,
) -> tuple[np.ndarray | None, np.ndarray]:
    """Per-claim conversion factors and each group's unit.

    Returns ``(factor, group_unit)``: multiply a claim's numbers by ``factor`` to
    express them in its group's unit; ``factor`` is None when every factor is 1.
    """
    ucode, uniques = pd.factorize(unit, use_na_sentinel=False)
    uniques = np.array(["" if pd.isna(x) else str(x) for x in uniques], dtype=object)
    if len(uniques) > 1 and len(set(uniques)) < len(uniques):  # NaN and "" both present
        ucode, uniq = pd.factorize(uniques[ucode])
        uniques = np.asarray(uniq, dtype=object)
    n_units = len(uniques)
    if n_units == 0:
        return None, np.full(ngroups, target or "", dtype=object)
    if target is None and n_units == 1:
        return None, np.full(ngroups, uniques[0], dtype=object)
    key = group.astype(np.int64) * n_units + ucode
    counts = np.bincount(key, minlength=ngroups * n_units).reshape(ngroups, n_units)
    if target is None:
        ref = counts.argmax(axis=1)  # most common unit of each group
        group_unit = uniques[ref]
    else:
        group_unit = np.full(ngroups, target, dtype=object)
    present = np.flatnonzero(counts.ravel())
    pg, pu = np.divmod(present, n_units)
    factors = np.ones(ngroups * n_units)
    cache: dict[tuple[str, str], float] = {}
    for gi, ui in zip(pg, pu, strict=True):
        src, dst = uniques[ui], group_unit[gi]
        pair = (src, dst)
        if pair not in cache:
            try:
                cache[pair] = conversion_factor(src, dst)
            except UnitError as exc:
                raise UnitError(
                    src,
                    f"group {_label(labels, gi)!r} mixes units that cannot be compared: "
                    f"{exc.reason}",
                    other=dst,
                    quantity=str(_label(labels, gi)),
                ) from None
        factors[gi * n_units + ui] = cache[pair]
    if np.all(factors == 1):
        return None, group_unit
    return factors[key], group_unit


def _label(labels: pd.Index, i: int) -> object:
    return labels[i]


def check_periods(
    refers_start: pd.Series,
    refers_end: pd.Series,
    group: np.ndarray,
    ngroups: int,
    labels: pd.Index,
    *,
    stacklevel: int = 4,
) -> np.ndarray:
    """Groups whose claims describe periods that do not all overlap (warns)."""
    s = refers_start.to_numpy(dtype="datetime64[ns]").astype(np.int64)
    e = refers_end.to_numpy(dtype="datetime64[ns]").astype(np.int64)
    has = ~refers_start.isna().to_numpy() & ~refers_end.isna().to_numpy()
    if not has.any():
        return np.zeros(ngroups, dtype=bool)
    lo = np.iinfo(np.int64)
    max_start = np.full(ngroups, lo.min, dtype=np.int64)
    min_end = np.full(ngroups, lo.max, dtype=np.int64)
    np.maximum.at(max_start, group[has], s[has])
    np.minimum.at(min_end, group[has], e[has])
    bad = max_start > min_end
    if bad.any():
        names = [str(labels[i]) for i in np.flatnonzero(bad)[:3]]
        warnings.warn(
            f"{int(bad.sum())} group(s) pool claims about periods that do not overlap "
            f"(e.g. {', '.join(names)}): their figures may not measure the same thing",
            ComparabilityWarning,
            stacklevel=stacklevel,
        )
    return bad
