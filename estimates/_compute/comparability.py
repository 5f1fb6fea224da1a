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

import numpy as np
import pandas as pd

from .._model.errors import ComparabilityWarning, UnitError
from .._model.silencing import warn
from .._model.units import conversion_affine

__all__ = ["check_periods", "converted", "harmonise_units", "harmonise_units_affine"]


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

    Raises
    ------
    UnitError
        When units cannot be converted, or need an offset (degrees Celsius against
        Fahrenheit: use :func:`harmonise_units_affine`).
    """
    scale, offset, group_unit = harmonise_units_affine(unit, group, ngroups, labels, target)
    if offset is not None:
        i = int(np.flatnonzero(offset != 0)[0])
        raise UnitError(
            str(unit.iloc[i]),
            f"group {_name(labels[group[i]])!r} mixes offset units ({unit.iloc[i]} and "
            f"{group_unit[group[i]]}), which convert with an offset, not a factor",
            other=str(group_unit[group[i]]),
        )
    return scale, group_unit


def harmonise_units_affine(
    unit: pd.Series,
    group: np.ndarray,
    ngroups: int,
    labels: pd.Index,
    target: str | None = None,
) -> tuple[np.ndarray | None, np.ndarray | None, np.ndarray]:
    """Per-claim ``scale`` and ``offset`` to each group's unit, and the group units.

    A claim's values in its group's unit are ``x * scale + offset`` (offset units such
    as degrees Celsius and Fahrenheit have an offset; every scale is positive, so an
    interval keeps its ends and their closedness).  ``scale`` (``offset``) is None
    when every scale is 1 (every offset 0).

    Raises
    ------
    UnitError
        Naming the group and the units that cannot be converted (or the unit asked
        for with ``unit=`` that the group's units cannot be converted to).
    """
    ucode, uniques = pd.factorize(unit, use_na_sentinel=False)
    names = np.array(["" if pd.isna(x) else str(x) for x in uniques], dtype=object)
    if len(names) > 1 and len(set(names)) < len(names):  # NaN and "" both present
        ucode, uniq = pd.factorize(names[ucode])
        names = np.asarray(uniq, dtype=object)
    n_units = len(names)
    if n_units == 0:
        return None, None, np.full(ngroups, target or "", dtype=object)
    if target is None and n_units == 1:
        return None, None, np.full(ngroups, names[0], dtype=object)
    key = group.astype(np.int64) * n_units + ucode
    counts = np.bincount(key, minlength=ngroups * n_units).reshape(ngroups, n_units)
    if target is None:
        ref = counts.argmax(axis=1)  # most common unit of each group
        group_unit = names[ref]
    else:
        group_unit = np.full(ngroups, target, dtype=object)
    present = np.flatnonzero(counts.ravel())
    pg, pu = np.divmod(present, n_units)
    scales = np.ones(ngroups * n_units)
    offsets = np.zeros(ngroups * n_units)
    cache: dict[tuple[str, str], tuple[float, float]] = {}
    for gi, ui in zip(pg, pu, strict=True):
        src, dst = names[ui], group_unit[gi]
        pair = (src, dst)
        if pair not in cache:
            try:
                cache[pair] = conversion_affine(src, dst)
            except UnitError as exc:
                label = _name(labels[gi])
                reason = (
                    f"group {label!r} is in {src!r}, which cannot be converted to "
                    f"unit={target!r}: {exc.reason}"
                    if target is not None
                    else f"group {label!r} mixes units that cannot be compared: {exc.reason}"
                )
                raise UnitError(src, reason, other=dst, quantity=label) from None
        scales[gi * n_units + ui], offsets[gi * n_units + ui] = cache[pair]
    scale = None if np.all(scales == 1) else scales[key]
    offset = None if np.all(offsets == 0) else offsets[key]
    return scale, offset, group_unit


def converted(
    frame: pd.DataFrame,
    group: np.ndarray,
    ngroups: int,
    labels: pd.Index,
    target: str | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every claim's ``low``, ``high`` and ``best`` in its group's unit, and the units.

    The one place claims are converted (offset units included).
    """
    scale, offset, group_unit = harmonise_units_affine(
        frame["unit"], group, ngroups, labels, target
    )
    out = []
    for col in ("low", "high", "best"):
        x = frame[col].to_numpy(dtype="float64")
        if scale is not None:
            x = x * scale
        if offset is not None:
            x = x + offset
        out.append(x)
    return out[0], out[1], out[2], group_unit


def _name(label: object) -> str:
    """A group label as words: ``('russia', 'deaths')`` is ``russia deaths``."""
    if isinstance(label, tuple):
        return " ".join(str(x) for x in label)
    return str(label)


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
        warn(
            f"{int(bad.sum())} group(s) pool claims about periods that do not overlap "
            f"(e.g. {', '.join(names)}): their figures may not measure the same thing",
            ComparabilityWarning,
            stacklevel=stacklevel,
        )
    return bad
