"""The timeline: the claims of one quantity over time (x = the last day each may have
been stated), over the shaded running envelope (every source's latest claim so far,
see :func:`~estimates._compute.timeline.timeline`) and what every latest claim allows.

Marks are those of :mod:`.draw`; the legend names exactly the marks and shadings drawn;
dates are written with month names in ``lang``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..._compute.selection import Comparison, Selection
from ..._i18n import words
from ..._model.errors import ComparabilityWarning, OptionError
from ..._model.silencing import silenced
from .data import ChartData, chart_data, group_label, targets
from .draw import (
    GID,
    SHADE,
    _date_formatter_class,
    _figure_axes,
    _limits,
    _marks,
    _matplotlib,
    _new_figure,
    _number_formatter,
    _plain,
    mark_handles,
    unit_axis_label,
)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


__all__ = ["timeline_chart", "timeline_figure"]

FREQS = ("D", "W", "M", "Q", "Y")


def timeline_chart(
    claims: pd.DataFrame,
    quantity: Any = None,
    *,
    by: str | Sequence[str] = "quantity",
    ax: Axes | None = None,
    freq: str = "M",
    lang: str = "en",
    selection: Selection | None = None,
    comparison: Comparison | None = None,
) -> Figure:
    """The claims of one quantity over time, over the shaded running envelope.

    What :meth:`estimates.Claims.plot` draws with ``kind="timeline"`` (its arguments,
    which it documents, with ``claims`` a claims frame and the claim selection and
    comparison options as two objects); ``freq`` is the period of the running envelope.
    Claims without a statement date cannot be placed: they are left out (with a
    :class:`~estimates.MissingDateWarning` from the timeline).  Returns the
    :class:`matplotlib.figure.Figure`.

    Examples
    --------
    >>> import pandas as pd, estimates
    >>> c = estimates.read_claims(pd.DataFrame({
    ...     "quantity": ["troops"] * 3, "figure": ["1,500", "3,000", "more than 10,000"],
    ...     "source": ["US", "US", "UK"],
    ...     "stated": ["2024-09-02", "2024-10-07", "2024-11-12"]}))
    >>> ax = timeline_chart(c, "troops").axes[0]
    >>> len(ax.get_lines()[0].get_xdata()), ax.get_title()
    (2, 'troops')
    """
    _matplotlib()
    if freq not in FREQS:
        raise OptionError("freq", freq, "'D', 'W', 'M', 'Q' or 'Y'")
    # A timeline shows claims of every date on purpose: the comparison window of
    # ``reconcile`` (whose warning says some were not compared) does not apply.
    with silenced(ComparabilityWarning):
        data = chart_data(claims, by, freq=freq, selection=selection, comparison=comparison)
    groups = targets(data.labels, quantity, ax)
    h = float(_matplotlib().rcParams["figure.figsize"][1])
    fig, axes = _figure_axes(ax, h * len(groups) + 0.5, len(groups))
    drawn: dict[str, bool] = {}
    for a, g in zip(axes, groups, strict=True):
        for k, v in _draw_timeline_group(a, data, g, lang).items():
            drawn[k] = drawn.get(k, False) or v
    _timeline_legend(fig, axes[0], drawn, lang, own=ax is None)
    return fig


def timeline_figure(data: ChartData, g: int, *, lang: str = "en") -> Figure:
    """A new figure holding the timeline of group ``g`` of ``data`` (built with ``freq``)."""
    h = float(_matplotlib().rcParams["figure.figsize"][1])
    fig = _new_figure(h + 0.5)
    drawn = _draw_timeline_group(fig.axes[0], data, g, lang)
    _timeline_legend(fig, fig.axes[0], drawn, lang, own=True)
    return fig


def _draw_timeline_group(ax: Axes, data: ChartData, g: int, lang: str) -> dict[str, bool]:
    if data.running is None:
        raise OptionError("freq", None, "chart_data(..., freq=) to draw a timeline")
    key = data.labels[g]
    rows = data.rows(g, lang=lang)
    rows = rows[rows["stated_end"].notna()]
    env = _group_rows(data.running, key, len(data.by))
    return _draw_timeline(ax, rows, env, group_label(key), str(data.units[g]), lang)


def _timeline_legend(
    fig: Figure, ax: Axes, drawn: dict[str, bool], lang: str, *, own: bool
) -> None:
    handles, names = ax.get_legend_handles_labels()
    marks = mark_handles(drawn, lang, vertical=True)
    handles = [*marks, *handles]
    names = [h.get_label() for h in marks] + names
    if own:
        width, height = fig.get_size_inches()
        fig.set_size_inches(width, height + 0.25 * -(-len(handles) // 2))
        fig.legend(handles, names, loc="outside lower center", ncols=2, fontsize="small")
    else:
        ax.legend(handles, names, loc="best", fontsize="small")


def _group_rows(tl: pd.DataFrame, key: Any, nby: int) -> pd.DataFrame:
    if len(tl) == 0:
        return tl
    full = key if isinstance(key, tuple) else (key,)
    idx = tl.index
    mask = np.ones(len(tl), dtype=bool)
    for i, k in enumerate(full[:nby]):
        mask &= idx.get_level_values(i) == k
    part = tl[mask]
    return part.set_axis(part.index.get_level_values(-1), axis=0)


def _steps(
    ax: Axes,
    edges: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    gid: str,
    label: str,
    colour: str,
    alpha: float,
    zorder: float,
) -> None:
    have = np.isfinite(low) | np.isfinite(high)
    if not have.any():
        return
    lo, hi = ax.get_ylim()
    a = np.clip(np.where(have, low, np.nan), lo, hi)
    b = np.clip(np.where(have, high, np.nan), lo, hi)
    poly = ax.fill_between(
        edges,
        np.append(a, a[-1]),
        np.append(b, b[-1]),
        where=np.append(have, have[-1]),
        step="post",
        color=colour,
        alpha=alpha,
        linewidth=0,
        label=_plain(label),
        zorder=zorder,
    )
    poly.set_gid(gid)


def _draw_timeline(
    ax: Axes, rows: pd.DataFrame, env: pd.DataFrame, title: str, unit: str, lang: str
) -> dict[str, bool]:
    import matplotlib.dates as mdates

    w = words(lang)
    x = mdates.date2num(pd.DatetimeIndex(rows["stated_end"]).to_numpy())
    low, high, best = (rows[c].to_numpy(dtype="float64") for c in ("low", "high", "best"))
    values = [low, high, best]
    if len(env):
        values += [
            env["stated_low"].to_numpy(dtype="float64"),
            env["envelope_low"].to_numpy(dtype="float64"),
            env["envelope_high"].to_numpy(dtype="float64"),
        ]
    y0, y1 = _limits(values, bool(np.isneginf(low).any()), bool(np.isposinf(high).any()))
    fin = np.concatenate(values)
    if np.nanmin(np.where(np.isfinite(fin), fin, np.nan), initial=0) >= 0:
        y0 = 0.0  # counts start at zero: growth reads as growth
    ax.set_ylim(y0, y1)
    ax.set_autoscaley_on(False)
    if len(env):
        periods = pd.PeriodIndex(env.index)
        last = periods[-1].end_time.normalize() + pd.Timedelta(days=1)
        edges = np.append(
            mdates.date2num(periods.start_time.to_numpy()), mdates.date2num(last.to_datetime64())
        )
        # The running envelope, then (over two periods or more) the running consensus.
        layers = [("envelope", "envelope", 0.15, 0), ("consensus", "running_consensus", 0.4, 1)]
        for kind, word, alpha, zorder in layers[: 2 if len(env) > 1 else 1]:
            _steps(
                ax,
                edges,
                env[f"{kind}_low"].to_numpy(dtype="float64"),
                env[f"{kind}_high"].to_numpy(dtype="float64"),
                GID + kind,
                w[word],
                SHADE,
                alpha,
                zorder,
            )
        ax.set_xlim(min(edges[0], x.min(initial=edges[0])), edges[-1])
    drawn = _marks(ax, x, rows, (y0, y1), vertical=True)
    ax.set_title(_plain(title), wrap=True)
    ax.set_ylabel(_plain(unit_axis_label(unit, lang)))
    ax.set_xlabel(_plain(w["stated"]))
    ax.yaxis.set_major_formatter(_number_formatter(lang))
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=7))
    ax.xaxis.set_major_formatter(_date_formatter_class()(lang))
    return drawn
