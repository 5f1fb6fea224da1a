"""Validation of claims tables: every failure at once, by row and column.

Like pandera's lazy mode, checks run over whole columns and collect every failure in a
:class:`Failures` table before anything is raised.  ``errors="raise"`` turns the
table into one :class:`~estimates.ValidationError`; ``errors="flag"`` keeps every
row and writes the reasons into an ``error`` column.  Nothing is dropped, swapped,
clipped or coerced.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from .._model.errors import (
    MissingDateWarning,
    MissingSourceWarning,
    OptionError,
    ValidationError,
)
from .._model.missing import is_missing
from .._model.silencing import warn

__all__ = [
    "Errors",
    "Failures",
    "check_figures",
    "fmt_number",
    "refuse_duplicate_columns",
    "warn_thin_data",
]

Errors = Literal["raise", "flag"]


def check_errors_arg(errors: str) -> Errors:
    """Validate the ``errors=`` argument."""
    if errors == "raise":
        return "raise"
    if errors == "flag":
        return "flag"
    raise OptionError(
        "errors",
        errors,
        "'raise' (stop on bad rows) or 'flag' (keep them, with the reason in an 'error' column)",
    )


class Failures:
    """Collects validation failures over whole columns.

    Parameters
    ----------
    index : pandas.Index
        Row labels of the input, reported as ``row``.
    ids : array-like, optional
        Claim ids (reported as ``id``), e.g. UCDP event ids.
    """

    def __init__(self, index: pd.Index, ids: Sequence[object] | np.ndarray | None = None) -> None:
        self.index = index
        self.ids = None if ids is None else np.asarray(ids, dtype=object)
        self._parts: list[pd.DataFrame] = []
        self.bad = np.zeros(len(index), dtype=bool)

    def add(
        self,
        mask: np.ndarray,
        column: str,
        values: object,
        expected: str | Sequence[str] | np.ndarray | Callable[[np.ndarray], Sequence[str]],
    ) -> None:
        """Record a failure for each row where ``mask`` is True.

        ``values`` and ``expected`` may be scalars or arrays aligned with the rows;
        ``expected`` may also be a function of the failing positions, so that messages
        are only written for the rows that fail.
        """
        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            return
        pos = np.flatnonzero(mask)
        vals = _pick(values, pos)
        exp = (
            np.asarray(expected(pos), dtype=object) if callable(expected) else _pick(expected, pos)
        )
        part = pd.DataFrame(
            {
                "position": pos,
                "row": self.index[pos],
                "id": self.ids[pos] if self.ids is not None else None,
                "column": column,
                "value": pd.Series(vals, dtype=object),  # cells as held, None kept
                "expected": exp,
            }
        )
        self._parts.append(part)
        self.bad |= mask

    def forget(self, rows: np.ndarray) -> None:
        """Drop the failures recorded for ``rows`` (a mask)."""
        rows = np.asarray(rows, dtype=bool)
        if not rows.any():
            return
        self._parts = [p[~rows[p["position"].to_numpy()]] for p in self._parts]
        self._parts = [p for p in self._parts if len(p)]
        self.bad &= ~rows

    def __bool__(self) -> bool:
        return bool(self._parts)

    def __len__(self) -> int:
        return sum(len(p) for p in self._parts)

    def frame(self) -> pd.DataFrame:
        """All failures, in row order, as a DataFrame."""
        if not self._parts:
            return pd.DataFrame(columns=["row", "id", "column", "value", "expected"])
        out = pd.concat(self._parts, ignore_index=True)
        out = out.sort_values("position", kind="stable").drop(columns="position")
        if self.ids is None:
            out = out.drop(columns="id")
        return out.reset_index(drop=True)

    def reasons(self) -> np.ndarray:
        """Per row: ``"column: expected ..."`` reasons joined by ``"; "``, or None."""
        out = np.full(len(self.index), None, dtype=object)
        if not self._parts:
            return out
        f = pd.concat(self._parts, ignore_index=True).sort_values("position", kind="stable")
        text = (
            f["column"].astype(str)
            + "="
            + f["value"].map(_short)
            + ": expected "
            + f["expected"].astype(str)
        )
        joined = text.groupby(f["position"].to_numpy(), sort=True).agg("; ".join)
        out[joined.index.to_numpy()] = joined.to_numpy()
        return out

    def raise_if_any(self, what: str = "claims table") -> None:
        """Raise one :class:`ValidationError` holding every failure, if there are any."""
        if self:
            raise ValidationError(self.frame(), what=what)


def refuse_duplicate_columns(names: Sequence[object], *, where: str = "table") -> None:
    """Raise a :class:`ValidationError` naming each column name given more than once."""
    text = [str(c) for c in names]
    dups = [c for c in dict.fromkeys(text) if text.count(c) > 1]
    if dups:
        raise ValidationError(
            pd.DataFrame(
                [
                    {
                        "row": None,
                        "column": c,
                        "value": None,
                        "expected": f"one column named {c!r} (the {where} has "
                        f"{text.count(c)}): rename or drop the others",
                    }
                    for c in dups
                ]
            )
        )


def _pick(values: object, pos: np.ndarray) -> np.ndarray:
    """The cells at ``pos`` as objects (only those are converted, not the whole column)."""
    if isinstance(values, str) or not isinstance(values, pd.Series | np.ndarray | list | tuple):
        return np.full(len(pos), values, dtype=object)
    if isinstance(values, pd.Series):
        return values.iloc[pos].to_numpy(dtype=object)
    if isinstance(values, np.ndarray):
        return values[pos].astype(object)
    return np.asarray(values, dtype=object)[pos]


def check_figures(
    failures: Failures,
    low: np.ndarray,
    high: np.ndarray,
    low_closed: np.ndarray,
    high_closed: np.ndarray,
    best: np.ndarray,
    *,
    rows: np.ndarray | None = None,
    names: Mapping[str, str] | None = None,
    shown: Mapping[str, np.ndarray] | None = None,
) -> None:
    """Check the figure invariants over whole columns (the vector form of ``Figure``).

    ``rows`` restricts the checks to those rows (others already failed upstream);
    ``names`` maps standard column names to the user's names for the report, and
    ``shown`` to the cells as the user wrote them (reported as ``value``).
    """
    n = len(low)
    names = names or {}
    name = {k: names.get(k, k) for k in ("low", "high", "best", "low_closed", "high_closed")}
    shown = shown or {}
    low_v, high_v, best_v = (
        shown.get(k, v) for k, v in (("low", low), ("high", high), ("best", best))
    )
    live = np.ones(n, dtype=bool) if rows is None else rows
    with np.errstate(invalid="ignore"):
        nan_low = live & np.isnan(low)
        nan_high = live & np.isnan(high)
        failures.add(nan_low, name["low"], low_v, "a number (-inf for no lower bound)")
        failures.add(nan_high, name["high"], high_v, "a number (inf for no upper bound)")
        ok = live & ~nan_low & ~nan_high
        failures.add(ok & (low == np.inf), name["low"], low_v, "a finite number or -inf")
        failures.add(ok & (high == -np.inf), name["high"], high_v, "a finite number or inf")
        swapped = ok & (low > high)
        failures.add(
            swapped,
            name["low"],
            low_v,
            lambda pos: [f"low <= high (high={fmt_number(high[p])})" for p in pos],
        )
        ok &= ~swapped & (low != np.inf) & (high != -np.inf)
        inf_closed_lo = ok & np.isinf(low) & low_closed
        inf_closed_hi = ok & np.isinf(high) & high_closed
        failures.add(
            inf_closed_lo,
            name["low_closed"],
            low_closed,
            "False: an infinite bound cannot be closed",
        )
        failures.add(
            inf_closed_hi,
            name["high_closed"],
            high_closed,
            "False: an infinite bound cannot be closed",
        )
        empty = ok & (low == high) & ~(low_closed & high_closed)
        failures.add(
            empty,
            name["low_closed"],
            low_closed,
            "True on both sides for a point figure (otherwise it is empty)",
        )
        ok &= ~empty
        has_best = ok & ~np.isnan(best)
        above = (best > low) | ((best == low) & low_closed)
        below = (best < high) | ((best == high) & high_closed)
        outside = has_best & ~(above & below)
        failures.add(
            outside,
            name["best"],
            best_v,
            lambda pos: [
                f"a value inside [low, high] (low={fmt_number(low[p])}, "
                f"high={fmt_number(high[p])})"
                for p in pos
            ],
        )


def fmt_number(x: float) -> str:
    """Short text of a number for messages (integers without '.0'; zero as 0, never -0)."""
    return f"{x + 0.0:.15g}"


def _short(v: object) -> str:
    """A cell in a reason: text quoted, a missing cell (None, NaN, NA) as ``(empty)``."""
    if is_missing(v):
        return "(empty)"
    s = repr(v) if isinstance(v, str) else str(v)
    return s if len(s) <= 40 else s[:37] + "..."


def _rows_text(frame: pd.DataFrame, mask: np.ndarray) -> str:
    """``row 0 ('North Korean troops in Kursk')`` or ``rows [0, 3, 5, ...]``."""
    labels = list(frame.index[mask][:5])
    if len(labels) == 1:
        q = frame["quantity"].to_numpy(dtype=object)[mask][0]
        what = f", {q!r}" if isinstance(q, str) else ""
        return f"row {labels[0]}{what}"
    return f"rows {labels}{' ...' if mask.sum() > 5 else ''}"


def _claims_have(k: int, n: int, singular: str, plural: str) -> str:
    """``1 of 5 claims has ...`` / ``2 of 5 claims have ...``."""
    return f"{k} of {n} claim{'s' if n != 1 else ''} {singular if k == 1 else plural}"


def warn_thin_data(frame: pd.DataFrame, *, stacklevel: int = 3) -> None:
    """Issue typed data-quality warnings: claims without a source or without a date."""
    if "error" in frame.columns:
        frame = frame[frame["error"].isna().to_numpy()]
    n = len(frame)
    if not n:
        return
    no_source = frame["source"].isna().to_numpy()
    if no_source.any():
        k = int(no_source.sum())
        warn(
            f"{_claims_have(k, n, 'names no source', 'name no source')} "
            f"({_rows_text(frame, no_source)}); "
            f"{'it counts' if k == 1 else 'they count'} as one anonymous source each",
            MissingSourceWarning,
            stacklevel=stacklevel,
        )
    no_date = frame["stated_end"].isna().to_numpy()
    if no_date.any():
        k = int(no_date.sum())
        warn(
            f"{_claims_have(k, n, 'has no statement date', 'have no statement date')} "
            f"({_rows_text(frame, no_date)}); as_of=, window= and timelines leave "
            f"{'it' if k == 1 else 'them'} out (give a 'stated' day or period to place "
            f"{'it' if k == 1 else 'them'})",
            MissingDateWarning,
            stacklevel=stacklevel,
        )
