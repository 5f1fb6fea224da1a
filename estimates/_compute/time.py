"""Time in computations: which claims count as of a date, and periods of statement.

A claim is *stated by* a date when the last day it may have been made
(``stated_end``) is on or before that date: "last week" counts as of Sunday, not
before.  Claims with no statement date cannot be placed in time; filters leave them
out and say how many (a :class:`~estimates.MissingDateWarning`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import numpy as np
import pandas as pd

from .._model.errors import FigureError, MissingDateWarning, RevisionWarning
from .._model.silencing import warn

__all__ = ["as_of_mask", "decreases", "latest_per_source", "period_codes", "to_day"]

DateLike = str | date | datetime | pd.Timestamp


def to_day(value: DateLike, name: str = "as_of") -> pd.Timestamp:
    """A day from an ISO string, a date or a timestamp."""
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        raise FigureError(name, value, "a date such as '2024-11-12'") from None
    if ts is pd.NaT:
        raise FigureError(name, value, "a date such as '2024-11-12'")
    return ts.tz_localize(None).normalize() if ts.tzinfo else ts.normalize()


def as_of_mask(
    frame: pd.DataFrame,
    as_of: DateLike | None,
    window: str | pd.Timedelta | None,
    *,
    stacklevel: int = 4,
) -> np.ndarray | None:
    """Rows stated by ``as_of`` (and within ``window`` before it); None when no filter.

    ``window`` alone counts back from the latest statement in the table.
    """
    if as_of is None and window is None:
        return None
    end = frame["stated_end"]
    dated = end.notna().to_numpy()
    if (~dated).any():
        warn(
            f"{int((~dated).sum())} claims have no statement date and were left out by "
            "as_of=/window=",
            MissingDateWarning,
            stacklevel=stacklevel,
        )
    day = to_day(as_of) if as_of is not None else end.max()
    mask = dated & (end <= day).to_numpy()
    if window is not None:
        try:
            span = pd.Timedelta(window)
        except (ValueError, TypeError):
            raise FigureError(
                "window", window, "a duration such as '30D', '4W' or pd.Timedelta(days=30)"
            ) from None
        if span is pd.NaT or span <= pd.Timedelta(0):
            raise FigureError("window", window, "a positive duration")
        mask &= (end > day - span).to_numpy()
    return mask


def latest_per_source(
    frame: pd.DataFrame, by: Sequence[str], source_key: np.ndarray | None = None
) -> np.ndarray:
    """Positions of the rows kept when a source's later claim supersedes its earlier ones.

    Per (group, source), the claim with the latest ``stated_end`` is kept (the last row
    on ties).  Undated claims cannot be ordered and are all kept.  ``source_key``
    (e.g. source cells with aliases applied) replaces the ``source`` column.
    """
    n = len(frame)
    pos = np.arange(n)
    dated = frame["stated_end"].notna().to_numpy()
    key = frame["source"].to_numpy(dtype=object) if source_key is None else source_key
    sub = frame.iloc[np.flatnonzero(dated)][[*by, "stated_end"]].assign(
        _pos=pos[dated], source=key[dated]
    )
    sub = sub.assign(source=sub["source"].fillna("\x00anonymous"))
    sub = sub.sort_values("stated_end", kind="stable")
    kept = sub.drop_duplicates(subset=[*by, "source"], keep="last")["_pos"].to_numpy()
    keep = ~dated
    keep[kept] = True
    return np.flatnonzero(keep)


_FREQ = {"D": "D", "W": "W-SUN", "M": "M", "Q": "Q-DEC", "Y": "Y-DEC", "A": "Y-DEC"}


def period_codes(stated_end: pd.Series, freq: str) -> pd.Series:
    """The period (``pandas.Period``) of each statement day at ``freq``.

    ``freq`` is ``"D"``, ``"W"`` (ISO weeks ending Sunday), ``"M"``, ``"Q"`` or ``"Y"``.
    """
    key = freq.upper()
    if key not in _FREQ:
        raise FigureError("freq", freq, "one of D, W, M, Q, Y")
    return stated_end.dt.to_period(_FREQ[key])


def decreases(frame: pd.DataFrame, by: Sequence[str], *, stacklevel: int = 4) -> pd.DataFrame:
    """Pairs where a source's later claim on a cumulative quantity is lower than its
    earlier one (by upper bound: a toll cannot fall below what was already counted).

    Returns one row per decrease: group keys, source, the two statement days, the two
    figures' texts and their best-or-low values.  Issues a :class:`RevisionWarning`
    when there are any.
    """
    dated = frame[frame["stated_end"].notna()]
    level = dated["best"].where(dated["best"].notna(), dated["low"])
    d = dated[[*by, "source", "stated_end", "text"]].assign(level=level.to_numpy())
    d = d[d["source"].notna() & np.isfinite(d["level"])]
    d = d.sort_values([*by, "source", "stated_end"], kind="stable")
    prev = d.groupby([*by, "source"], sort=False, observed=True).shift(1)
    down = (d["level"] < prev["level"]).to_numpy() & prev["level"].notna().to_numpy()
    out = pd.DataFrame(
        {
            **{c: d[c].to_numpy()[down] for c in by},
            "source": d["source"].to_numpy()[down],
            "earlier_stated": prev["stated_end"].to_numpy()[down],
            "later_stated": d["stated_end"].to_numpy()[down],
            "earlier": prev["level"].to_numpy()[down],
            "later": d["level"].to_numpy()[down],
            "earlier_text": prev["text"].to_numpy()[down],
            "later_text": d["text"].to_numpy()[down],
        }
    )
    if len(out):
        warn(
            f"{len(out)} decrease(s) in a cumulative quantity from the same source "
            f"(first: {out['source'].iloc[0]} from {out['earlier'].iloc[0]:,.0f} to "
            f"{out['later'].iloc[0]:,.0f}); see revisions()",
            RevisionWarning,
            stacklevel=stacklevel,
        )
    return out
