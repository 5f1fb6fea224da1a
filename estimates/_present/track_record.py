"""Source track records in words and in a chart.

:func:`track_record_sentences` turns :meth:`estimates.Claims.reliability` into one
sentence per source ("Figures from UK MoD have run on average 1.1 times those of
other sources for the same quantity in the same month (9 figures compared; 95%
interval 1.0 to 1.2)").  What may
be said comes from :func:`estimates._compute.reliability.track_record_facts`: a source
is said to run high or low only when enough figures were compared and the interval
of its median ratio excludes 1; otherwise the sentence says there are too few
comparisons, or that they show no clear difference.  The ratio is given with at most
two significant digits, fewer when the figures compared were rounder.

(Integration into ``describe()`` is left to the sentences module; this module exposes
the function.)

:func:`track_record_chart` draws, per source, its median ratio to the others'
consensus (log scale) and its hit rate, each with its interval (matplotlib: the
``plot`` extra).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .._compute.reliability import MIN_COMPARED, track_record_facts
from .charts.draw import _figure_axes, _plain, _wrap
from .format import format_number

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["track_record_chart", "track_record_sentences"]

_PERIOD = {None: "", "D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}


def _ratio(x: float, digits: int) -> str:
    """A ratio with ``digits`` significant digits (at least one decimal below 10)."""
    if not math.isfinite(x) or x <= 0:
        return ""
    mag = math.floor(math.log10(x))
    decimals = max(digits - 1 - mag, 0)
    return format_number(round(x, decimals))


def _where(freq: str | None) -> str:
    key = None if freq is None else str(freq).upper()
    if key is None or key not in _PERIOD:
        return "for the same quantity"
    return f"for the same quantity in the same {_PERIOD[key]}"


def track_record_sentences(
    table: pd.DataFrame, *, min_compared: int = MIN_COMPARED, level: float = 0.95
) -> pd.Series:
    """One sentence per source on how its figures compare with other sources'.

    Parameters
    ----------
    table : DataFrame
        The result of :meth:`estimates.Claims.reliability`.
    min_compared : int
        Fewest figures compared before a source is said to run high or low.
    level : float
        The confidence level the table was computed with (for the wording).

    Returns
    -------
    pandas.Series
        Indexed by source.

    Examples
    --------
    >>> import pandas as pd, estimates
    >>> claims = estimates.read_claims(pd.DataFrame({
    ...     "quantity": ["a", "a", "b", "b"], "best": [100, 120, 10, 12],
    ...     "source": ["X", "Y", "X", "Y"], "stated": "2024-11-12"}))
    >>> print(track_record_sentences(claims.reliability())["Y"])  # doctest: +NORMALIZE_WHITESPACE
    Too few figures to judge whether figures from Y run higher or lower than other
    sources' for the same quantity (2 compared).
    """
    facts = track_record_facts(table, min_compared=min_compared)
    pct = f"{level * 100:g}%"
    freq = table.attrs.get("freq")
    where = _where(freq if isinstance(freq, str) else None)
    when = where[len("for the same quantity") :]
    out: list[str] = []
    columns = zip(
        facts.index.astype(str),
        facts["verdict"].astype(str),
        facts["quantity"].to_numpy(dtype=object),
        facts["compared"].to_numpy(dtype=np.int64),
        facts["digits"].to_numpy(dtype=np.int64),
        facts["ratio"].to_numpy(dtype="float64"),
        facts["ratio_low"].to_numpy(dtype="float64"),
        facts["ratio_high"].to_numpy(dtype="float64"),
        strict=True,
    )
    for name, verdict, quantity, n, d, ratio, ratio_low, ratio_high in columns:
        q = quantity if isinstance(quantity, str) else None
        whose = f"figures from {name}" + (f" for {q}" if q else "")
        lo, hi = _ratio(float(ratio_low), int(d)), _ratio(float(ratio_high), int(d))
        if verdict == "none":
            out.append(f"No other source gave a figure for the same quantity{when} as {name}.")
        elif verdict == "too few":
            out.append(
                f"Too few figures to judge whether {whose} run higher or lower than other "
                f"sources' {where} ({n} compared)."
            )
        elif verdict == "unclear":
            out.append(
                f"{n} figures compared do not show {whose} running higher or lower than "
                f"other sources' {where} ({pct} interval {lo} to {hi} times theirs)."
            )
        else:
            out.append(
                f"{whose[0].upper()}{whose[1:]} have run on average "
                f"{_ratio(float(ratio), int(d))} times those of other sources {where} "
                f"({n} figures compared; {pct} interval {lo} to {hi})."
            )
    return pd.Series(out, index=facts.index, name="track_record", dtype=object)


def track_record_chart(table: pd.DataFrame, *, top: int = 15) -> Figure:
    """Per source: median ratio to the others' consensus and hit rate, with intervals.

    Parameters
    ----------
    table : DataFrame
        The result of :meth:`estimates.Claims.reliability`.
    top : int
        Sources shown: those with the most figures compared.

    Returns
    -------
    matplotlib.figure.Figure
    """
    shown = table[table["compared"] > 0].sort_values("compared", ascending=False).head(top)
    shown = shown.iloc[::-1]
    height = 1.2 + 0.32 * max(len(shown), 1)
    fig, _ = _figure_axes(None, height, 1)
    fig.clear()
    left, right = fig.subplots(1, 2, sharey=True, gridspec_kw={"width_ratios": [3, 2]})
    y = np.arange(len(shown))
    labels = [
        _plain(_wrap(f"{s} ({int(n)})", 34, 1))
        for s, n in zip(shown.index, shown["compared"], strict=True)
    ]
    bias = shown["bias"].to_numpy(dtype="float64")
    b_lo = shown["bias_low"].to_numpy(dtype="float64")
    b_hi = shown["bias_high"].to_numpy(dtype="float64")
    finite = np.concatenate(
        [bias[np.isfinite(bias)], b_lo[(b_lo > 0) & np.isfinite(b_lo)], b_hi[np.isfinite(b_hi)]]
    )
    lim_lo = min(float(finite.min()) if len(finite) else 1.0, 1.0) / 1.5
    lim_hi = max(float(finite.max()) if len(finite) else 1.0, 1.0) * 1.5
    draw_lo = np.where(b_lo > 0, b_lo, lim_lo)
    draw_hi = np.where(np.isfinite(b_hi), b_hi, lim_hi)
    has = np.isfinite(bias)
    open_ = has & ((b_lo <= 0) | ~np.isfinite(b_hi))
    left.hlines(y[has & ~open_], draw_lo[has & ~open_], draw_hi[has & ~open_], color="#4a6fa5")
    left.hlines(y[open_], draw_lo[open_], draw_hi[open_], color="#4a6fa5", linestyles="dotted")
    left.plot(bias[has], y[has], "o", color="#1f3b63")
    left.axvline(1.0, color="#888888", linewidth=0.8)
    left.set_xscale("log")
    left.set_xlim(lim_lo, lim_hi)
    left.set_xlabel("its figure ÷ the others' consensus (median, interval)")
    left.set_yticks(y, labels)
    rate = shown["hit_rate"].to_numpy(dtype="float64")
    right.hlines(
        y,
        shown["hit_low"].to_numpy(dtype="float64"),
        shown["hit_high"].to_numpy(dtype="float64"),
        color="#a56f4a",
    )
    right.plot(rate, y, "o", color="#63391f")
    right.set_xlim(0, 1)
    right.set_xlabel("share of its claims containing the others' consensus")
    fig.suptitle(
        "Source track records (figures compared in brackets; dotted: too few to bound)",
        fontsize="medium",
    )
    return fig
