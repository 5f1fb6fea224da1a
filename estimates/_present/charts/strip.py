"""The range strip: one row per claim of a quantity (or per source), over the shaded
range every claim allows (else the range the most claims allow).

Marks are those of :mod:`.draw` (dot, bar, faded ceiling, arrow, hollow circle); the
legend names exactly the marks and the shading drawn.  A quantity of more than
:data:`~.data.MAX_STRIP_ROWS` claims shows each source's latest claim (one row per
source), with a note of how many earlier claims are left out.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..._compute.selection import Comparison, Selection
from ..._i18n import words
from ..._model.missing import is_missing
from ..format import format_range
from .data import (
    ChartData,
    auto_per,
    chart_data,
    check_per,
    group_label,
    targets,
)
from .draw import (
    GID,
    SHADE,
    _figure_axes,
    _limits,
    _locator_class,
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


__all__ = ["range_strip", "strip_figure"]


def range_strip(
    claims: pd.DataFrame,
    quantity: Any = None,
    *,
    by: str | Sequence[str] = "quantity",
    ax: Axes | None = None,
    lang: str = "en",
    per: str | None = None,
    selection: Selection | None = None,
    comparison: Comparison | None = None,
) -> Figure:
    """One row per claim of a quantity: dots, bars and arrows over the shaded consensus.

    What :meth:`estimates.Claims.plot` draws with ``kind="range"`` (its arguments, which
    it documents, with ``claims`` a claims frame and the claim selection and comparison
    options as two objects).  Default: every group, one Axes each (a single group when
    ``ax`` is given); rows per claim up to 30 claims, else each source's latest claim.
    Returns the :class:`matplotlib.figure.Figure`.

    Examples
    --------
    >>> import pandas as pd, estimates
    >>> c = estimates.read_claims(pd.DataFrame({
    ...     "quantity": ["troops"] * 3,
    ...     "figure": ["10,000", "up to 12,000", "more than 11,000"],
    ...     "source": ["US", "UK", "Ukraine"],
    ...     "stated": ["2024-11-12", "2024-11-01", "2024-11-02"]}))
    >>> fig = range_strip(c, "troops")
    >>> ax = fig.axes[0]
    >>> ax.get_title(), [t.get_text() for t in ax.get_yticklabels()]
    ('troops', ['UK · 1 November 2024', 'Ukraine · 2 November 2024', 'US · 12 November 2024'])
    >>> len([a for a in ax.get_children() if a.get_gid() == "estimates-open-end"])
    1
    """
    _matplotlib()
    check_per(per)
    data = chart_data(claims, by, selection=selection, comparison=comparison, stacklevel=4)
    groups = targets(data.labels, quantity, ax)
    if ax is None and len(groups) == 1:
        return strip_figure(data, groups[0], lang=lang, per=per)
    per_group = [
        data.rows(g, per=auto_per(int((data.codes == g).sum()), per), lang=lang) for g in groups
    ]
    heights = [_strip_height(rows) for rows in per_group]
    fig, axes = _figure_axes(ax, sum(heights), len(groups), heights)
    for a, g, rows in zip(axes, groups, per_group, strict=True):
        _draw_strip_group(a, data, g, rows, lang)
    return fig


def strip_figure(data: ChartData, g: int, *, lang: str = "en", per: str | None = None) -> Figure:
    """A new figure holding the range strip of group ``g`` of ``data`` (rows as
    :func:`range_strip` lays them out)."""
    rows = data.rows(g, per=auto_per(int((data.codes == g).sum()), per), lang=lang)
    fig = _new_figure(_strip_height(rows))
    handles = _draw_strip_group(fig.axes[0], data, g, rows, lang, legend=False)
    if handles:  # below the chart, where it never hides a claim nor narrows the axes
        width, height = fig.get_size_inches()
        fig.set_size_inches(width, height + 0.25 * -(-len(handles) // 2))
        fig.legend(handles=handles, loc="outside lower center", fontsize="small", ncols=2)
    return fig


def _draw_strip_group(
    ax: Axes, data: ChartData, g: int, rows: pd.DataFrame, lang: str, *, legend: bool = True
) -> list[Any]:
    key = data.labels[g]
    summary = data.summary.loc[[key]].iloc[0]
    return _draw_strip(ax, rows, summary, group_label(key), str(data.units[g]), lang, legend)


def _row_lines(rows: pd.DataFrame, width: int = 46) -> list[str]:
    """The tick label of each row, ``source · when`` on two lines at most.

    The dates are never cut: a source too long for two lines is shortened (with "…").
    """
    first = rows.drop_duplicates("row")
    out = []
    nbsp = "\u00a0"  # textwrap never breaks at it: the dates stay whole
    for src, when in zip(first["source"], first["when"], strict=True):
        tail = nbsp + "·" + nbsp + when.replace(" ", nbsp)
        lines = textwrap.wrap(src + tail, width)
        if len(lines) > 2:
            room = 2 * width - len(tail) - 4
            short = textwrap.shorten(src, max(room, 10), placeholder="…")
            lines = textwrap.wrap(short + tail, width)[:2]
        out.append("\n".join(lines).replace(nbsp, " "))
    return out


def _strip_height(rows: pd.DataFrame) -> float:
    lines = sum(t.count("\n") + 1 for t in _row_lines(rows)) if len(rows) else 1
    nrows = int(rows["row"].max()) + 1 if len(rows) else 1
    return 1.5 + 0.2 * nrows + 0.12 * lines


def _shade(
    ax: Axes, summary: pd.Series, lo: float, hi: float, lang: str
) -> tuple[str, float, float] | None:
    """Shade the consensus (else the agreement) range; returns (kind, low, high)."""
    w = words(lang)
    cl, ch = summary.get("consensus_low"), summary.get("consensus_high")
    kind = "consensus"
    if cl is None or ch is None or is_missing(cl) or is_missing(ch):
        cl, ch = summary.get("agreement_low"), summary.get("agreement_high")
        if cl is None or ch is None or is_missing(cl) or is_missing(ch):
            return None
        kind = "agreement"
        text = w["agreement"].format(
            n=int(summary["agreement_claims"]),
            m=int(summary["claims"]),
            range=_range_words(cl, ch, lang, _closed(summary, "agreement")),
        )
    else:
        text = w["consensus"].format(
            range=_range_words(cl, ch, lang, _closed(summary, "consensus"))
        )
    a, b = max(float(cl), lo), min(float(ch), hi)
    art: Any
    if a == b:
        art = ax.axvline(a, color=SHADE, linewidth=2.5, alpha=0.7, label=_plain(text), zorder=1)
    else:
        art = ax.axvspan(a, b, color=SHADE, alpha=0.2, linewidth=0, label=_plain(text), zorder=0)
    art.set_gid(GID + kind)
    return kind, float(cl), float(ch)


def _range_words(low: float, high: float, lang: str, closed: tuple[bool, bool]) -> str:
    return format_range(low, high, lang, low_closed=closed[0], high_closed=closed[1])


def _closed(summary: pd.Series, kind: str) -> tuple[bool, bool]:
    return bool(summary.get(f"{kind}_low_closed", True)), bool(
        summary.get(f"{kind}_high_closed", True)
    )


def _draw_strip(
    ax: Axes,
    rows: pd.DataFrame,
    summary: pd.Series,
    title: str,
    unit: str,
    lang: str,
    legend: bool,
) -> list[Any]:
    """Draw one group's strip; returns the legend entries (drawn in the Axes, above the
    first row, when ``legend``)."""
    low, high, best = (rows[c].to_numpy(dtype="float64") for c in ("low", "high", "best"))
    spans = [
        summary.get(c, np.nan)
        for c in ("consensus_low", "consensus_high", "agreement_low", "agreement_high")
    ]
    x0, x1 = _limits(
        [low, high, best, np.asarray(spans, dtype="float64")],
        bool(np.isneginf(low).any()),
        bool(np.isposinf(high).any()),
    )
    if np.nanmin(np.where(np.isfinite(low), low, np.nan), initial=np.inf) >= 0:
        x0 = max(x0, 0.0) if (low == 0).any() else x0
    ax.set_xlim(x0, x1)
    ax.set_autoscalex_on(False)
    nrows = int(rows["row"].max()) + 1 if len(rows) else 1
    _shade(ax, summary, x0, x1, lang)
    y = rows["row"].to_numpy(dtype="float64")
    drawn = _marks(ax, y, rows, (x0, x1), vertical=False)
    ax.set_yticks(np.arange(nrows))
    ax.set_yticklabels([_plain(t) for t in _row_lines(rows)])
    ax.tick_params(axis="y", length=0)
    ax.set_title(_plain(title), wrap=True)
    label = unit_axis_label(unit, lang)
    left_out = int(rows.attrs.get("left_out", 0))
    if left_out:
        label += "\n" + words(lang)["left_out"].format(n=left_out)
    ax.set_xlabel(_plain(label))
    ax.xaxis.set_major_locator(_locator_class()(nbins=6, steps=[1, 2, 2.5, 5, 10]))
    ax.xaxis.set_major_formatter(_number_formatter(lang))
    shading, _ = ax.get_legend_handles_labels()
    handles = mark_handles(drawn, lang, vertical=False) + shading
    # A blank band above the first row holds the legend, so it never hides a claim.
    band = 0.75 * -(-len(handles) // 2) + 0.3 if handles and legend else 0
    ax.set_ylim(nrows - 0.5, -0.5 - band)
    if handles and legend:
        ax.legend(handles=handles, loc="upper left", fontsize="small", ncols=2)
    return handles
