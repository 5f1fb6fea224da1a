"""Charts of claims: range strips and timelines, drawn with matplotlib.

:func:`range_strip` (:mod:`.strip`)
    One row per claim (or per source, or each source's latest claim): a single number
    is a dot, a stated range a bar, a ceiling ("up to") a faded bar from zero ending
    at the number stated, an unbounded side an arrow.  The consensus range (what every
    claim allows) is shaded; when there is none, the range the most claims allow.
:func:`timeline_chart` (:mod:`.timeline`)
    The claims of one quantity over time, over the shaded running envelope.

Both draw into ``ax=`` when given (and return its Figure), else make a new
:class:`matplotlib.figure.Figure` on an Agg canvas: no pyplot state is touched.  They
follow the user's style: sizes and fonts come from ``rcParams``, the claims' colour
from the prop cycle (``"C0"``); shadings are grey.  Numbers and dates are written in
``lang``.  :func:`to_png` and :func:`to_svg` render a figure (:mod:`.draw`); the data
behind a chart is :mod:`.data`.

matplotlib is an optional dependency: ``pip install 'estimates[plot]'``.
"""

from .data import ChartData, Comparison, chart_data, group_label, strip_rows
from .draw import to_png, to_svg
from .strip import range_strip, strip_figure
from .timeline import timeline_chart, timeline_figure

__all__ = [
    "ChartData",
    "Comparison",
    "chart_data",
    "group_label",
    "range_strip",
    "strip_figure",
    "strip_rows",
    "timeline_chart",
    "timeline_figure",
    "to_png",
    "to_svg",
]
