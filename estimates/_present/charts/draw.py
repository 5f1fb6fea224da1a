"""Drawing primitives shared by the range strip and the timeline, and figure output.

Marks: a single number is a dot; a stated range a solid bar; a ceiling ("up to
12,000", read as [0, 12,000]) a faded bar from zero ending in a solid tick at the
number stated; a side with no bound an arrow to the edge of the axis; a bound the
claim excludes a hollow circle; a range's central value a hollow diamond.  Every
artist carries a ``gid`` naming what it shows (``estimates-points``,
``estimates-range``, ``estimates-ceiling``, ``estimates-open-end``,
``estimates-open-bound``, ``estimates-best``, and the shadings
``estimates-consensus``, ``estimates-agreement``, ``estimates-envelope``).

Colours are neutral: every claim in the first colour of the prop cycle, shadings in
grey; no colour marks a claim or a source as right or wrong.
"""

from __future__ import annotations

import functools
import io
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pandas as pd

from ..._i18n import unit_plural, words
from ..._model.errors import DependencyError
from ..format import format_day, format_number

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["mark_handles", "to_png", "to_svg"]

#: Colour of the claims (the prop cycle's first) and of shadings (neutral grey).
CLAIM = "C0"
SHADE = "0.45"

GID = "estimates-"


def _matplotlib() -> Any:
    try:
        import matplotlib
    except ImportError as exc:  # pragma: no cover - exercised without the extra
        raise DependencyError("matplotlib", "plot", "charts") from exc
    return matplotlib


def _plain(text: str) -> str:
    """Text for matplotlib that is never read as mathtext (``$`` escaped)."""
    return text.replace("$", r"\$")


def _wrap(text: str, width: int = 40, lines: int = 2) -> str:
    parts = textwrap.wrap(text, width) or [""]
    if len(parts) > lines:
        parts = [
            *parts[: lines - 1],
            textwrap.shorten(" ".join(parts[lines - 1 :]), width, placeholder="…"),
        ]
    return "\n".join(parts)


def _new_figure(height: float, nrows: int = 1, ratios: Sequence[float] | None = None) -> Figure:
    mpl = _matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width = float(mpl.rcParams["figure.figsize"][0])
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    if nrows > 1:
        fig.subplots(nrows, 1, gridspec_kw={"height_ratios": list(ratios or [1] * nrows)})
    else:
        fig.add_subplot()
    return fig


def _figure_axes(
    ax: Axes | None, height: float, nrows: int, ratios: Sequence[float] | None = None
) -> tuple[Figure, list[Axes]]:
    """The figure and the Axes to draw ``nrows`` groups into.

    Parameters
    ----------
    ax : matplotlib.axes.Axes or None
        The caller's Axes: drawn into as they are (one group).  ``None``: a new figure.
    height : float
        Height of a new figure, in inches.
    nrows : int
        Axes of a new figure, stacked.
    ratios : sequence of float, optional
        Their relative heights (equal by default).

    Returns
    -------
    tuple of (matplotlib.figure.Figure, list of matplotlib.axes.Axes)
    """
    if ax is not None:
        return cast("Figure", ax.figure), [ax]
    fig = _new_figure(height, nrows, ratios)
    return fig, list(fig.axes)


def _limits(values: Sequence[np.ndarray], open_lo: bool, open_hi: bool) -> tuple[float, float]:
    """Axis limits holding every finite value, with room for arrows on open sides."""
    allv = np.concatenate([np.asarray(v, dtype="float64").ravel() for v in values])
    fin = allv[np.isfinite(allv)]
    lo, hi = (float(fin.min()), float(fin.max())) if len(fin) else (0.0, 1.0)
    span = hi - lo if hi > lo else max(abs(hi) * 0.5, 1.0)
    x0 = lo - span * (0.3 if open_lo else 0.05)
    x1 = hi + span * (0.3 if open_hi else 0.05)
    if lo >= 0 and not open_lo:  # counts: do not run far below zero
        x0 = max(x0, lo - span * 0.03) if lo == 0 else x0
    return x0, x1


def unit_axis_label(unit: str, lang: str) -> str:
    """The label of a value axis: the unit's plural words, else "number"."""
    return unit_plural(unit, lang) or words(lang, "chart")["count"]


def _number_formatter(lang: str) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: format_number(v, lang))


@functools.cache
def _locator_class() -> type:
    """A MaxNLocator that leaves room for long, thousands-separated labels."""
    from matplotlib.ticker import MaxNLocator

    class SpacedLocator(MaxNLocator):
        def __call__(self) -> Any:
            axis: Any = self.axis
            vmin, vmax = axis.get_view_interval()
            chars = max(len(f"{abs(v):,.0f}") for v in (vmin, vmax)) + 1
            space = axis.get_tick_space()  # ticks that fit at 3 em each
            self.set_params(nbins=max(2, min(8, int(space * 3 / max(chars * 0.65, 3)))))
            return super().__call__()

    return SpacedLocator


def _arrow(
    ax: Axes, start: tuple[float, float], end: tuple[float, float], colour: str, width: float
) -> None:
    from matplotlib.patches import FancyArrowPatch

    ax.add_patch(
        FancyArrowPatch(
            start,
            end,
            arrowstyle=f"simple,head_length=0.7,head_width=0.9,tail_width={width}",
            mutation_scale=16,
            color=colour,
            linewidth=0,
            shrinkA=0,
            shrinkB=0,
            zorder=2,
            gid=GID + "open-end",
        )
    )


@functools.cache
def _date_formatter_class() -> type:
    """A matplotlib Formatter for date ticks in a language (built on first use)."""
    import matplotlib.dates as mdates
    from matplotlib.ticker import Formatter

    class DateFormatter(Formatter):
        """Tick labels of a date axis: years, months or days, as the ticks need."""

        def __init__(self, lang: str) -> None:
            self.lang = lang

        def format_ticks(self, values: Sequence[float]) -> list[str]:
            days = [mdates.num2date(v).date() for v in values]
            if all(d.month == 1 and d.day == 1 for d in days):
                pattern = "y"
            elif all(d.day == 1 for d in days):
                pattern = "MMM y"
            else:
                pattern = "d MMM y"
            return [format_day(d, self.lang, pattern) for d in days]

        def __call__(self, x: float, pos: int | None = None) -> str:
            return format_day(mdates.num2date(x).date(), self.lang, "d MMM y")

    return DateFormatter


def to_png(fig: Figure, *, dpi: float | None = None) -> bytes:
    """The figure as PNG bytes (Agg), ``dpi`` defaulting to the figure's.

    The image is ``fig.get_size_inches() * dpi`` pixels.
    """
    _matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi or fig.dpi, metadata={"Software": None})
    return buf.getvalue()


def to_svg(fig: Figure) -> str:
    """The figure as an SVG document, text kept as ``<text>`` (selectable, searchable).

    Rendering is deterministic (fixed id salt, no date in the metadata).
    """
    mpl = _matplotlib()
    buf = io.StringIO()
    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "estimates"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def _marks(
    ax: Axes,
    pos: np.ndarray,
    rows: pd.DataFrame,
    limits: tuple[float, float],
    *,
    vertical: bool,
) -> dict[str, bool]:
    """Points, bars, ceilings, arrows, central values and open bounds of claims along
    one axis; returns which kinds of mark were drawn (for the legend)."""
    from .data import CEILINGS

    low, high, best = (rows[c].to_numpy(dtype="float64") for c in ("low", "high", "best"))
    lc = rows["low_closed"].to_numpy(dtype=bool)
    hc = rows["high_closed"].to_numpy(dtype=bool)

    def xy(values: np.ndarray, at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return (at, values) if vertical else (values, at)

    point = low == high
    bounded = np.isfinite(low) & np.isfinite(high) & ~point
    hedges = rows["hedge"].to_numpy(dtype=str)
    ceiling = bounded & (low == 0) & np.isin(hedges, CEILINGS)
    # A vague word ("thousands") states no number: its conventional reading is drawn
    # hatched and faded, never like a range a source stated.
    vague = bounded & (hedges == "magnitude")
    solid = bounded & ~ceiling & ~vague
    for m, gid, alpha, hatch in (
        (solid, "range", 1.0, None),
        (ceiling, "ceiling", 0.3, None),
        (vague, "vague", 0.25, "///"),
    ):
        if not m.any():
            continue
        if vertical:
            art = ax.vlines(
                pos[m], low[m], high[m], color=CLAIM, linewidth=5, alpha=alpha, zorder=2
            )
            art.set_gid(GID + gid)
        else:
            bars = ax.barh(
                pos[m],
                (high - low)[m],
                left=low[m],
                height=0.42,
                color=CLAIM,
                alpha=alpha,
                hatch=hatch,
                zorder=2,
            )
            for r in bars.patches:
                r.set_gid(GID + gid)
    if ceiling.any():  # the number stated: a solid tick at the top of the faded bar
        ax.plot(
            *xy(high[ceiling], pos[ceiling]),
            linestyle="none",
            marker="_" if vertical else "|",
            markersize=16,
            markeredgewidth=3,
            color=CLAIM,
            zorder=3,
            gid=GID + "ceiling-top",
        )
    middle = (limits[0] + limits[1]) / 2
    opens = np.flatnonzero(~np.isfinite(low) | ~np.isfinite(high))
    for i in opens:
        ends = []
        if not np.isfinite(high[i]):
            ends.append((low[i] if np.isfinite(low[i]) else middle, limits[1]))
        if not np.isfinite(low[i]):
            ends.append((high[i] if np.isfinite(high[i]) else middle, limits[0]))
        for a, b in ends:
            start, end = ((pos[i], a), (pos[i], b)) if vertical else ((a, pos[i]), (b, pos[i]))
            _arrow(ax, start, end, CLAIM, 0.2 if vertical else 0.4)
    if point.any():
        ax.plot(
            *xy(low[point], pos[point]),
            linestyle="none",
            marker="o",
            markersize=7,
            color=CLAIM,
            zorder=3,
            gid=GID + "points",
        )
    has_best = ~point & np.isfinite(best)
    if has_best.any():
        ax.plot(
            *xy(best[has_best], pos[has_best]),
            linestyle="none",
            marker="D",
            markersize=5,
            markerfacecolor=ax.get_facecolor(),
            markeredgecolor=_matplotlib().rcParams["text.color"],
            markeredgewidth=1.2,
            zorder=4,
            gid=GID + "best",
        )
    opened = [
        (b[m], pos[m])
        for b, cl in ((low, lc), (high, hc))
        for m in [np.isfinite(b) & ~cl & ~point]
        if m.any()
    ]
    if opened:
        ax.plot(
            *xy(np.concatenate([v for v, _ in opened]), np.concatenate([p for _, p in opened])),
            linestyle="none",
            marker="o",
            markersize=6,
            markerfacecolor=ax.get_facecolor(),
            markeredgewidth=1.5,
            color=CLAIM,
            zorder=4,
            gid=GID + "open-bound",
        )
    return {
        "point": bool(point.any()),
        "range": bool(solid.any()),
        "ceiling": bool(ceiling.any()),
        "vague": bool(vague.any()),
        "open": len(opens) > 0,
        "best": bool(has_best.any()),
        "excluded": bool(opened),
    }


def mark_handles(drawn: dict[str, bool], lang: str, *, vertical: bool) -> list[Any]:
    """Legend entries for exactly the kinds of mark drawn (in ``lang``)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    w = words(lang)

    def marker(kind: str, shape: str, **style: Any) -> Line2D:
        return Line2D([], [], linestyle="none", marker=shape, label=_plain(w[kind]), **style)

    out: list[Any] = []
    if drawn.get("point"):
        out.append(marker("point", "o", color=CLAIM))
    if drawn.get("range"):
        out.append(Patch(color=CLAIM, label=_plain(w["range"])))
    if drawn.get("ceiling"):
        out.append(Patch(color=CLAIM, alpha=0.3, label=_plain(w["ceiling"])))
    if drawn.get("vague"):
        out.append(Patch(color=CLAIM, alpha=0.25, hatch="///", label=_plain(w["vague"])))
    if drawn.get("open"):
        out.append(marker("open", "^" if vertical else ">", color=CLAIM))
    if drawn.get("best"):
        out.append(marker("best", "D", markerfacecolor="white", markeredgecolor="0.1"))
    if drawn.get("excluded"):
        out.append(marker("excluded", "o", markerfacecolor="white", color=CLAIM))
    return out
