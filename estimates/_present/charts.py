"""Charts of claims: range strips and timelines, drawn with matplotlib.

Two charts, both one quantity (one group) per Axes:

:func:`range_strip`
    One row per claim (or per source): a point figure is a dot, a bounded range a bar,
    an unbounded side an arrow running to the edge of the axis.  Open bounds ("fewer
    than 10,000") are hollow circles.  The consensus range (what every claim allows) is
    shaded; when there is none, the agreement range (what most claims allow) is shaded
    and labelled instead, and the claims that do not allow it are drawn in another
    colour of the prop cycle.
:func:`timeline_chart`
    The claims of one quantity over time (x = the last day each may have been stated):
    dots, vertical bars and arrows as above, over the shaded *running envelope* (every
    source's latest claim so far, see :func:`~estimates._compute.timeline.timeline`).

Both draw into ``ax=`` when given (and return its Figure), else make a new
:class:`matplotlib.figure.Figure` on an Agg canvas: no pyplot state is touched.  They
follow the user's style: sizes and fonts come from ``rcParams``, colours from the
current prop cycle (``"C0"``, ``"C1"`` ...).  Numbers are written with the thousands
separators of ``lang`` (Babel), dates with its month names.

Every artist a chart adds carries a ``gid`` naming what it shows, so that code (and
tests) can find it: ``estimates-range`` (bars), ``estimates-open-end`` (arrows),
``estimates-points`` (point figures), ``estimates-best`` (best values on ranges),
``estimates-open-bound`` (hollow circles), ``estimates-consensus``,
``estimates-agreement`` and ``estimates-envelope`` (shading).

:func:`to_png` and :func:`to_svg` render a figure to bytes / text (SVG text stays text).

matplotlib is an optional dependency: ``pip install 'estimates[plot]'``.
"""

from __future__ import annotations

import functools
import io
import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._compute.comparability import harmonise_units
from .._compute.reconcile import _by_list, group_codes, select
from .._model.units import unit_label

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .._table.claims import Claims

__all__ = [
    "ChartData",
    "chart_data",
    "format_number",
    "group_label",
    "range_strip",
    "strip_figure",
    "strip_rows",
    "timeline_chart",
    "timeline_figure",
    "to_png",
    "to_svg",
    "unit_text",
]

#: Options of ``reconcile`` that select which claims count (also drawn by the charts).
SELECT_OPTIONS = ("as_of", "window", "latest_per_source", "sources", "exclude_kinds", "dedupe")
#: Options ``timeline`` accepts besides the selection.
TIMELINE_OPTIONS = (*SELECT_OPTIONS, "strategy", "unit")

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "undated": "undated",
        "claims": "{n} claims",
        "count": "number",
        "consensus": "all claims allow {range}",
        "agreement": "{n} of {m} claims allow {range}",
        "outside": "does not allow the shaded range",
        "claim": "claim (dot: one number; bar: a range; arrow: no bound)",
        "envelope": "running envelope (latest claim of each source)",
        "running_consensus": "what every latest claim allows",
        "stated": "date stated",
        "to": "–",
        "more_than": "more than {x}",
        "at_least": "at least {x}",
        "less_than": "less than {x}",
        "at_most": "at most {x}",
    },
    "fr": {
        "undated": "sans date",
        "claims": "{n} affirmations",
        "count": "nombre",
        "consensus": "toutes les affirmations admettent {range}",
        "agreement": "{n} affirmations sur {m} admettent {range}",
        "outside": "n’admet pas la zone ombrée",
        "claim": "affirmation (point : un nombre ; barre : un intervalle ; flèche : sans borne)",
        "envelope": "enveloppe (dernière affirmation de chaque source)",
        "running_consensus": "ce que toutes les dernières affirmations admettent",
        "stated": "date de la déclaration",
        "to": "–",
        "more_than": "plus de {x}",
        "at_least": "au moins {x}",
        "less_than": "moins de {x}",
        "at_most": "au plus {x}",
    },
}

_GID = "estimates-"


# --------------------------------------------------------------------------- helpers
def _matplotlib() -> Any:
    try:
        import matplotlib
    except ImportError as exc:  # pragma: no cover - exercised without the extra
        raise ImportError("charts need matplotlib: pip install 'estimates[plot]'") from exc
    return matplotlib


def _words(lang: str) -> dict[str, str]:
    return _WORDS.get(lang.split("_")[0].split("-")[0].lower(), _WORDS["en"])


def _locale(lang: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return "en"
    return lang.replace("-", "_")


def format_number(value: float, lang: str = "en") -> str:
    """A number with the thousands separators and decimal mark of ``lang``.

    Infinite values are written ``∞`` / ``-∞``; NaN is an empty string.

    >>> format_number(12000)
    '12,000'
    >>> format_number(12000.5, "fr") == "12\\u202f000,5"
    True
    >>> format_number(float("inf"))
    '∞'
    """
    from babel.numbers import format_decimal

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    v = float(value)
    if math.isnan(v):
        return ""
    if math.isinf(v):
        return "∞" if v > 0 else "-∞"
    v = round(v, 6)
    if v == int(v) and abs(v) < 2**53:
        v = int(v)
    return format_decimal(v, locale=_locale(lang), decimal_quantization=False)


def _range_text(
    low: float, high: float, lang: str, low_closed: bool = True, high_closed: bool = True
) -> str:
    """A range in words: "2,000–10,000", "more than 13,000", "at most 5"."""
    w = _words(lang)
    if math.isinf(high) and not math.isinf(low):
        return w["at_least" if low_closed else "more_than"].format(x=format_number(low, lang))
    if math.isinf(low) and not math.isinf(high):
        return w["at_most" if high_closed else "less_than"].format(x=format_number(high, lang))
    if low == high:
        return format_number(low, lang)
    return f"{format_number(low, lang)}{w['to']}{format_number(high, lang)}"


def group_label(key: Any) -> str:
    """A group key as a title: a string as is, a tuple of keys joined with `` · ``.

    >>> group_label(("russia", "deaths"))
    'russia · deaths'
    """
    if isinstance(key, tuple):
        return " · ".join(str(k) for k in key)
    return str(key)


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


def _stated_text(start: pd.Timestamp, end: pd.Timestamp, lang: str) -> str:
    if pd.isna(start) or pd.isna(end):
        return _words(lang)["undated"]
    from .._model.dates import DateInterval

    return str(DateInterval(start, end))


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
        return ax.figure, [ax]
    fig = _new_figure(height, nrows, ratios)
    return fig, list(fig.axes)


# --------------------------------------------------------------------------- data
def _selection(options: dict[str, Any], keys: Sequence[str]) -> dict[str, Any]:
    return {k: v for k, v in options.items() if k in keys}


@dataclass(frozen=True)
class ChartData:
    """Claims selected, grouped and summarised once, to draw any of their groups.

    Build it with :func:`chart_data`; :func:`strip_figure` and :func:`timeline_figure`
    draw one group from it.  A report of many quantities computes it once.
    """

    frame: pd.DataFrame  #: the claims that count (``reconcile``'s selection)
    codes: np.ndarray  #: group code of each row of ``frame``
    labels: pd.Index  #: the group keys, in ``reconcile``'s order
    factor: np.ndarray  #: per row, the factor to the group's unit
    units: np.ndarray  #: per group, its unit
    summary: pd.DataFrame  #: ``reconcile``, one row per group
    running: pd.DataFrame | None  #: ``timeline(freq, running=True)``, when asked
    by: tuple[str, ...]
    sources: Any  #: the SourceBook, if any

    def group(self, quantity: Any) -> int:
        """The position of a group key (``KeyError`` naming the known ones)."""
        return _find(self.labels, quantity)

    def rows(self, g: int, *, per: str = "claim", lang: str = "en") -> pd.DataFrame:
        """The rows a range strip draws for group ``g`` (see :func:`strip_rows`)."""
        return _rows_of(self.frame, self.codes == g, self.factor, per, lang, self.sources)


def chart_data(
    claims: Claims,
    by: str | Sequence[str] = "quantity",
    *,
    freq: str | None = None,
    **options: Any,
) -> ChartData:
    """Select, group and reconcile ``claims`` once (and, with ``freq``, run the timeline).

    ``options`` are those of ``reconcile``; the timeline gets the ones it accepts.
    """
    by_ = _by_list(by)
    frame = select(claims, by_, **_selection(options, SELECT_OPTIONS), stacklevel=5)
    codes, labels = group_codes(frame, by_)
    factor, group_unit = harmonise_units(
        frame["unit"], codes, len(labels), labels, options.get("unit")
    )
    running = None
    if freq is not None:
        running = claims.timeline(
            freq, by=by_, running=True, **_selection(options, TIMELINE_OPTIONS)
        )
    return ChartData(
        frame=frame,
        codes=codes,
        labels=labels,
        factor=np.ones(len(frame)) if factor is None else factor,
        units=np.asarray(group_unit, dtype=object),
        summary=claims.reconcile(by_, **options),
        running=running,
        by=tuple(by_),
        sources=options.get("sources"),
    )


def _find(labels: pd.Index, quantity: Any) -> int:
    for i, lab in enumerate(labels):
        if lab == quantity or (isinstance(lab, tuple) and len(lab) == 1 and lab[0] == quantity):
            return i
    known = ", ".join(repr(group_label(x)) for x in labels[:20])
    raise KeyError(f"quantity={quantity!r}: no claims for it; known: {known}")


def strip_rows(
    claims: Claims,
    quantity: Any,
    *,
    by: str | Sequence[str] = "quantity",
    per: str = "claim",
    lang: str = "en",
    **options: Any,
) -> pd.DataFrame:
    """The rows a range strip draws for one group, in drawing order (top first).

    Columns: ``row`` (the row number the claim is drawn on), ``label`` (``source ·
    when``), ``source``, ``when`` (the row's dates), ``stated`` (as text) and
    ``stated_end`` (its last day), ``low``, ``high``, ``low_closed``, ``high_closed``,
    ``best`` (in the group's unit) and ``claim`` (the claim's label in the claims
    table).  Claims are in
    order of statement (undated last).  With ``per="source"`` the claims of a source
    share a row.

    Examples
    --------
    >>> import pandas as pd, estimates
    >>> c = estimates.read_claims(pd.DataFrame({
    ...     "quantity": ["troops"] * 2, "figure": ["10,000", "up to 12,000"],
    ...     "source": ["US", "UK"], "stated": ["2024-11-12", "2024-11-01"]}))
    >>> strip_rows(c, "troops")[["row", "label", "low", "high"]]
       row              label      low     high
    0    0  UK · 2024-11-01      0.0  12000.0
    1    1  US · 2024-11-12  10000.0  10000.0
    """
    if per not in ("claim", "source"):
        raise ValueError(f"per={per!r}: expected 'claim' or 'source'")
    by_ = _by_list(by)
    frame = select(claims, by_, **_selection(options, SELECT_OPTIONS), stacklevel=4)
    codes, labels = group_codes(frame, by_)
    factor, _units = harmonise_units(
        frame["unit"], codes, len(labels), labels, options.get("unit")
    )
    factor = np.ones(len(frame)) if factor is None else factor
    g = _find(labels, quantity)
    return _rows_of(frame, codes == g, factor, per, lang, options.get("sources"))


def _rows_of(
    frame: pd.DataFrame,
    mask: np.ndarray,
    factor: np.ndarray,
    per: str,
    lang: str,
    sources: Any,
) -> pd.DataFrame:
    from .._compute.sources import canonical_cells

    f = frame[mask]
    k = factor[mask]
    src = canonical_cells(f, sources)
    start, end = f["stated_start"], f["stated_end"]
    stated = [_stated_text(s, e, lang) for s, e in zip(start, end, strict=True)]
    rows = pd.DataFrame(
        {
            "claim": f.index.to_numpy(),
            "source": src,
            "stated": stated,
            "stated_end": end.to_numpy(),
            "low": f["low"].to_numpy(dtype="float64") * k,
            "high": f["high"].to_numpy(dtype="float64") * k,
            "low_closed": f["low_closed"].to_numpy(dtype=bool),
            "high_closed": f["high_closed"].to_numpy(dtype=bool),
            "best": f["best"].to_numpy(dtype="float64") * k,
        }
    )
    rows = (
        rows.assign(_undated=rows["stated_end"].isna())
        .sort_values(["_undated", "stated_end"], kind="stable")
        .drop(columns="_undated")
    )
    rows = rows.reset_index(drop=True)
    if per == "claim":
        rows["row"] = np.arange(len(rows))
        rows["when"] = rows["stated"]
    else:
        order = pd.unique(rows["source"])
        rank = {s: i for i, s in enumerate(order)}
        rows["row"] = rows["source"].map(rank).astype("int64")
        whens = {}
        for s, part in rows.groupby("source", sort=False):
            dated = part[part["stated_end"].notna()]
            if len(dated) == 0:
                when = _words(lang)["undated"]
            elif len(part) == 1 or dated["stated"].iloc[0] == dated["stated"].iloc[-1]:
                when = dated["stated"].iloc[0]
            else:
                when = f"{dated['stated'].iloc[0]}{_words(lang)['to']}{dated['stated'].iloc[-1]}"
            n = len(part)
            whens[s] = when + (f" ({_words(lang)['claims'].format(n=n)})" if n > 1 else "")
        rows["when"] = rows["source"].map(whens)
        rows = rows.sort_values("row", kind="stable").reset_index(drop=True)
    rows["label"] = rows["source"] + " · " + rows["when"]
    cols = [
        "row",
        "label",
        "source",
        "when",
        "stated",
        "stated_end",
        "low",
        "high",
        "low_closed",
        "high_closed",
        "best",
        "claim",
    ]
    return rows[cols]


# --------------------------------------------------------------------------- range strip
def range_strip(
    claims: Claims,
    quantity: Any = None,
    *,
    by: str | Sequence[str] = "quantity",
    ax: Axes | None = None,
    lang: str = "en",
    per: str = "claim",
    **options: Any,
) -> Figure:
    """One row per claim of a quantity: dots, bars and arrows over the shaded consensus.

    Parameters
    ----------
    claims : Claims
    quantity : str or tuple, optional
        The group to draw (a ``by`` key).  Default: every group, one Axes each (a
        single group when ``ax`` is given).
    by : str or list of str
        Grouping columns, as for ``reconcile``.
    ax : matplotlib.axes.Axes, optional
        Draw into these Axes (their Figure is returned).
    lang : str
        Language of the labels and of number formatting ("en", "fr").
    per : {"claim", "source"}
        One row per claim, or one row per source (its claims on the same row).
    **options
        Passed to ``reconcile`` (``strategy``, ``as_of``, ``sources``,
        ``exclude_kinds`` ...); the claim selection options also choose the rows.

    Returns
    -------
    matplotlib.figure.Figure

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
    ('troops', ['UK · 2024-11-01', 'Ukraine · 2024-11-02', 'US · 2024-11-12'])
    >>> len([a for a in ax.get_children() if a.get_gid() == "estimates-open-end"])
    1
    """
    _matplotlib()
    if per not in ("claim", "source"):
        raise ValueError(f"per={per!r}: expected 'claim' or 'source'")
    data = chart_data(claims, by, **options)
    targets = _targets(data.labels, quantity, ax)
    if ax is None and len(targets) == 1:
        return strip_figure(data, targets[0], lang=lang, per=per)
    per_group = [data.rows(g, per=per, lang=lang) for g in targets]
    heights = [_strip_height(rows) for rows in per_group]
    fig, axes = _figure_axes(ax, sum(heights), len(targets), heights)
    for a, g, rows in zip(axes, targets, per_group, strict=True):
        _draw_strip_group(a, data, g, rows, lang)
    return fig


def strip_figure(data: ChartData, g: int, *, lang: str = "en", per: str = "claim") -> Figure:
    """A new figure holding the range strip of group ``g`` of ``data``."""
    rows = data.rows(g, per=per, lang=lang)
    fig = _new_figure(_strip_height(rows))
    _draw_strip_group(fig.axes[0], data, g, rows, lang)
    return fig


def _draw_strip_group(ax: Axes, data: ChartData, g: int, rows: pd.DataFrame, lang: str) -> None:
    key = data.labels[g]
    summary = data.summary.loc[[key]].iloc[0]
    _draw_strip(ax, rows, summary, group_label(key), str(data.units[g]), lang)


def _targets(labels: pd.Index, quantity: Any, ax: Any) -> list[int]:
    if quantity is not None:
        return [_find(labels, quantity)]
    if len(labels) == 0:
        raise ValueError("no claims to draw")
    if ax is not None and len(labels) > 1:
        known = ", ".join(repr(group_label(x)) for x in labels[:20])
        raise ValueError(f"ax= draws one quantity: pass quantity= (one of {known})")
    return list(range(len(labels)))


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


def unit_text(unit: str, lang: str = "en") -> str:
    """The plural words of a unit in ``lang`` ("soldiers", "soldats"; "" for a count).

    >>> unit_text("soldier", "fr")
    'soldats'
    """
    if not unit:
        return ""
    try:
        from .style import get_style

        return get_style(lang=lang).unit_words(unit).plural
    except (ImportError, ValueError):  # no house style for this language
        return unit_label(unit)


def _unit_axis_label(unit: str, lang: str) -> str:
    return unit_text(unit, lang) or _words(lang)["count"]


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


def _number_formatter(lang: str) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: format_number(v, lang))


@functools.cache
def _locator_class() -> type:
    """A MaxNLocator that leaves room for long, thousands-separated labels."""
    from matplotlib.ticker import MaxNLocator

    class SpacedLocator(MaxNLocator):
        def __call__(self) -> Any:
            vmin, vmax = self.axis.get_view_interval()
            chars = max(len(f"{abs(v):,.0f}") for v in (vmin, vmax)) + 1
            space = self.axis.get_tick_space()  # ticks that fit at 3 em each
            self.set_params(nbins=max(2, min(8, int(space * 3 / max(chars * 0.65, 3)))))
            return super().__call__()

    return SpacedLocator


def _shade(
    ax: Axes, summary: pd.Series, lo: float, hi: float, lang: str
) -> tuple[str, float, float] | None:
    """Shade the consensus (else the agreement) range; returns (kind, low, high)."""
    w = _words(lang)
    cl, ch = summary.get("consensus_low"), summary.get("consensus_high")
    kind = "consensus"
    if cl is None or pd.isna(cl) or pd.isna(ch):
        cl, ch = summary.get("agreement_low"), summary.get("agreement_high")
        if cl is None or pd.isna(cl) or pd.isna(ch):
            return None
        kind = "agreement"
        text = w["agreement"].format(
            n=int(summary["agreement_claims"]),
            m=int(summary["claims"]),
            range=_range_text(cl, ch, lang, *_closed(summary, "agreement")),
        )
    else:
        text = w["consensus"].format(
            range=_range_text(cl, ch, lang, *_closed(summary, "consensus"))
        )
    a, b = max(float(cl), lo), min(float(ch), hi)
    if a == b:
        art = ax.axvline(a, color="C2", linewidth=2.5, alpha=0.7, label=_plain(text), zorder=1)
    else:
        art = ax.axvspan(a, b, color="C2", alpha=0.2, linewidth=0, label=_plain(text), zorder=0)
    art.set_gid(_GID + kind)
    return kind, float(cl), float(ch)


def _closed(summary: pd.Series, kind: str) -> tuple[bool, bool]:
    return bool(summary.get(f"{kind}_low_closed", True)), bool(
        summary.get(f"{kind}_high_closed", True)
    )


def _allows(rows: pd.DataFrame, a: float, b: float) -> np.ndarray:
    """Whether each claim's interval holds some of the range ``[a, b]``."""
    low, high = rows["low"].to_numpy(), rows["high"].to_numpy()
    lc, hc = rows["low_closed"].to_numpy(), rows["high_closed"].to_numpy()
    above = (high > a) | ((high == a) & hc)
    below = (low < b) | ((low == b) & lc)
    return above & below


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
            gid=_GID + "open-end",
        )
    )


def _marks(
    ax: Axes,
    pos: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    best: np.ndarray,
    lc: np.ndarray,
    hc: np.ndarray,
    colour: np.ndarray,
    limits: tuple[float, float],
    *,
    vertical: bool,
) -> None:
    """Points, bars, arrows, best values and open bounds of claims along one axis."""

    def xy(values: np.ndarray, at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return (at, values) if vertical else (values, at)

    point = low == high
    bounded = np.isfinite(low) & np.isfinite(high) & ~point
    if bounded.any():
        if vertical:
            for c in pd.unique(colour[bounded]):
                m = bounded & (colour == c)
                ax.vlines(
                    pos[m], low[m], high[m], color=c, linewidth=5, zorder=2, gid=_GID + "range"
                )
        else:
            bars = ax.barh(
                pos[bounded],
                (high - low)[bounded],
                left=low[bounded],
                height=0.42,
                color=list(colour[bounded]),
                zorder=2,
            )
            for r in bars.patches:
                r.set_gid(_GID + "range")
    middle = (limits[0] + limits[1]) / 2
    for i in np.flatnonzero(~np.isfinite(low) | ~np.isfinite(high)):
        ends = []
        if not np.isfinite(high[i]):
            ends.append((low[i] if np.isfinite(low[i]) else middle, limits[1]))
        if not np.isfinite(low[i]):
            ends.append((high[i] if np.isfinite(high[i]) else middle, limits[0]))
        for a, b in ends:
            start, end = ((pos[i], a), (pos[i], b)) if vertical else ((a, pos[i]), (b, pos[i]))
            _arrow(ax, start, end, colour[i], 0.2 if vertical else 0.4)
    for c in pd.unique(colour[point]):
        m = point & (colour == c)
        ax.plot(
            *xy(low[m], pos[m]),
            linestyle="none",
            marker="o",
            markersize=7,
            color=c,
            zorder=3,
            gid=_GID + "points",
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
            gid=_GID + "best",
        )
    opened = [
        (b[m], pos[m])
        for b, cl in ((low, lc), (high, hc))
        for m in [np.isfinite(b) & ~cl & ~point]
        if m.any()
    ]
    if opened:
        vals = np.concatenate([v for v, _ in opened])
        at = np.concatenate([p for _, p in opened])
        ax.plot(
            *xy(vals, at),
            linestyle="none",
            marker="o",
            markersize=6,
            markerfacecolor=ax.get_facecolor(),
            markeredgewidth=1.5,
            color="C0",
            zorder=4,
            gid=_GID + "open-bound",
        )


def _draw_strip(
    ax: Axes, rows: pd.DataFrame, summary: pd.Series, title: str, unit: str, lang: str
) -> None:
    low, high, best = (rows[c].to_numpy(dtype="float64") for c in ("low", "high", "best"))
    lc, hc = rows["low_closed"].to_numpy(), rows["high_closed"].to_numpy()
    spans = [
        summary.get(c, np.nan)
        for c in ("consensus_low", "consensus_high", "agreement_low", "agreement_high")
    ]
    x0, x1 = _limits(
        [low, high, best, np.asarray(spans, dtype="float64")],
        bool(np.isneginf(low).any()),
        bool(np.isposinf(high).any()),
    )
    ax.set_xlim(x0, x1)
    ax.set_autoscalex_on(False)
    nrows = int(rows["row"].max()) + 1 if len(rows) else 1
    shaded = _shade(ax, summary, x0, x1, lang)
    colour = np.full(len(rows), "C0", dtype=object)
    if shaded is not None and shaded[0] == "agreement":
        colour[~_allows(rows, shaded[1], shaded[2])] = "C1"
    y = rows["row"].to_numpy(dtype="float64")
    _marks(ax, y, low, high, best, lc, hc, colour, (x0, x1), vertical=False)
    ax.set_yticks(np.arange(nrows))
    ax.set_yticklabels([_plain(t) for t in _row_lines(rows)])
    ax.tick_params(axis="y", length=0)
    ax.set_title(_plain(title), wrap=True)
    ax.set_xlabel(_plain(_unit_axis_label(unit, lang)))
    ax.xaxis.set_major_locator(_locator_class()(nbins=6, steps=[1, 2, 2.5, 5, 10]))
    ax.xaxis.set_major_formatter(_number_formatter(lang))
    handles, _ = ax.get_legend_handles_labels()
    if (colour == "C1").any():
        from matplotlib.lines import Line2D

        handles.append(
            Line2D([], [], color="C1", linewidth=5, label=_plain(_words(lang)["outside"]))
        )
    # A blank band above the first row holds the legend, so it never hides a claim.
    band = 0.75 * len(handles) + (0.3 if handles else 0)
    ax.set_ylim(nrows - 0.5, -0.5 - band)
    if handles:
        ax.legend(handles=handles, loc="upper left", fontsize="small")


# --------------------------------------------------------------------------- timeline
def timeline_chart(
    claims: Claims,
    quantity: Any = None,
    *,
    by: str | Sequence[str] = "quantity",
    ax: Axes | None = None,
    freq: str = "M",
    lang: str = "en",
    **options: Any,
) -> Figure:
    """The claims of one quantity over time, over the shaded running envelope.

    Parameters
    ----------
    claims : Claims
    quantity : str or tuple, optional
        The group to draw.  Default: every group, one Axes each (a single group when
        ``ax`` is given).
    by : str or list of str
        Grouping columns.
    ax : matplotlib.axes.Axes, optional
        Draw into these Axes (their Figure is returned).
    freq : {"W", "M", "Q", "Y"}
        Period of the running envelope (``claims.timeline(freq, running=True)``).
    lang : str
        Language of labels, numbers and dates.
    **options
        Claim selection (``as_of``, ``sources``, ``exclude_kinds`` ...), ``strategy``
        and ``unit``, as for ``timeline``.

    Claims without a statement date cannot be placed: they are left out (with a
    :class:`~estimates.MissingDateWarning` from the timeline).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd, estimates
    >>> c = estimates.read_claims(pd.DataFrame({
    ...     "quantity": ["troops"] * 3, "figure": ["1,500", "3,000", "more than 10,000"],
    ...     "source": ["US", "US", "UK"],
    ...     "stated": ["2024-09-02", "2024-10-07", "2024-11-12"]}))
    >>> import warnings  # claims over three months: compared within 31 days (issue 8)
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", estimates.ComparabilityWarning)
    ...     ax = timeline_chart(c, "troops").axes[0]
    >>> len(ax.get_lines()[0].get_xdata()), ax.get_title()
    (2, 'troops')
    """
    _matplotlib()
    data = chart_data(claims, by, freq=freq, **_selection(options, TIMELINE_OPTIONS))
    targets = _targets(data.labels, quantity, ax)
    h = float(_matplotlib().rcParams["figure.figsize"][1])
    fig, axes = _figure_axes(ax, h * len(targets) + 0.5, len(targets))
    for a, g in zip(axes, targets, strict=True):
        _draw_timeline_group(a, data, g, lang)
    _timeline_legend(fig, axes[0], lang, own=ax is None)
    return fig


def timeline_figure(data: ChartData, g: int, *, lang: str = "en") -> Figure:
    """A new figure holding the timeline of group ``g`` of ``data`` (built with ``freq``)."""
    h = float(_matplotlib().rcParams["figure.figsize"][1])
    fig = _new_figure(h + 0.5)
    _draw_timeline_group(fig.axes[0], data, g, lang)
    _timeline_legend(fig, fig.axes[0], lang, own=True)
    return fig


def _draw_timeline_group(ax: Axes, data: ChartData, g: int, lang: str) -> None:
    if data.running is None:
        raise ValueError("chart_data(..., freq=) is needed to draw a timeline")
    key = data.labels[g]
    rows = data.rows(g, lang=lang)
    rows = rows[rows["stated_end"].notna()]
    env = _group_rows(data.running, key, len(data.by))
    _draw_timeline(ax, rows, env, group_label(key), str(data.units[g]), lang)


def _timeline_legend(fig: Figure, ax: Axes, lang: str, *, own: bool) -> None:
    from matplotlib.lines import Line2D

    handles, names = ax.get_legend_handles_labels()
    claim = _plain(_words(lang)["claim"])
    handles = [Line2D([], [], color="C0", marker="o", linewidth=4, label=claim), *handles]
    names = [claim, *names]
    if own:
        fig.legend(handles, names, loc="outside lower center", ncols=1, fontsize="small")
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
) -> None:
    import matplotlib.dates as mdates

    w = _words(lang)
    x = mdates.date2num(pd.DatetimeIndex(rows["stated_end"]).to_numpy())
    low, high, best = (rows[c].to_numpy(dtype="float64") for c in ("low", "high", "best"))
    lc, hc = rows["low_closed"].to_numpy(), rows["high_closed"].to_numpy()
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
        _steps(
            ax,
            edges,
            env["envelope_low"].to_numpy(dtype="float64"),
            env["envelope_high"].to_numpy(dtype="float64"),
            _GID + "envelope",
            w["envelope"],
            "C0",
            0.12,
            0,
        )
        if len(env) > 1:
            _steps(
                ax,
                edges,
                env["consensus_low"].to_numpy(dtype="float64"),
                env["consensus_high"].to_numpy(dtype="float64"),
                _GID + "consensus",
                w["running_consensus"],
                "C2",
                0.35,
                1,
            )
        ax.set_xlim(min(edges[0], x.min(initial=edges[0])), edges[-1])
    _marks(
        ax,
        x,
        low,
        high,
        best,
        lc,
        hc,
        np.full(len(rows), "C0", dtype=object),
        (y0, y1),
        vertical=True,
    )
    ax.set_title(_plain(title), wrap=True)
    ax.set_ylabel(_plain(_unit_axis_label(unit, lang)))
    ax.set_xlabel(_plain(w["stated"]))
    ax.yaxis.set_major_formatter(_number_formatter(lang))
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=7))
    ax.xaxis.set_major_formatter(_date_formatter_class()(lang))


@functools.cache
def _date_formatter_class() -> type:
    """A matplotlib Formatter for date ticks in a language (built on first use)."""
    import matplotlib.dates as mdates
    from babel.dates import format_date
    from matplotlib.ticker import Formatter

    class DateFormatter(Formatter):
        """Tick labels of a date axis: years, months or days, as the ticks need."""

        def __init__(self, lang: str) -> None:
            self.locale = _locale(lang)

        def format_ticks(self, values: Sequence[float]) -> list[str]:
            days = [mdates.num2date(v).date() for v in values]
            if all(d.month == 1 and d.day == 1 for d in days):
                pattern = "y"
            elif all(d.day == 1 for d in days):
                pattern = "MMM y"
            else:
                pattern = "d MMM y"
            return [format_date(d, pattern, locale=self.locale) for d in days]

        def __call__(self, x: float, pos: int | None = None) -> str:
            return format_date(mdates.num2date(x).date(), "d MMM y", locale=self.locale)

    return DateFormatter


# --------------------------------------------------------------------------- output
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
