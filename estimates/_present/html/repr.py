"""Compact HTML for Jupyter: figures, claims, claims tables and reconciliations.

These functions are what ``_repr_html_`` of :class:`~estimates.Figure`,
:class:`~estimates.Claim`, :class:`~estimates.Claims` and the ``Reconciliation``
returned by ``reconcile`` call.  The output is a fragment (no ``<html>``), with a small
``<style>`` block whose class names all start with ``estimates-``, and no JavaScript.

Safety: every value that comes from the data (quantities, sources, texts, notes,
errors, URLs, group keys, column names) goes through :func:`html.escape`; a URL becomes
a link only when :func:`~estimates._present.html.escape.safe_url` accepts it; anything
else (``javascript:``, ``data:``, relative paths) is shown as escaped text.

Examples
--------
>>> from estimates import parse
>>> print(figure_html(parse("up to 12,000 soldiers")))  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
<style>...</style><span class="estimates-html estimates-figure"><strong>up to 12,000
soldiers</strong> <code>[0, 12,000] soldiers</code> <span class="estimates-muted">hedge
up_to · conventions default</span></span>
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..._compute.selection import as_frame
from ..._model.dates import DateInterval
from ..._model.errors import ArgumentTypeError
from ..._model.figure import Figure
from ..._table.schema import ERROR_COLUMN
from ..style import get_style
from ..text import claims_summary, interval_text, reconciliation_summary
from .escape import css, link
from .escape import text as _e

if TYPE_CHECKING:  # pragma: no cover
    from ..._model.claim import Claim

__all__ = ["claim_html", "claims_html", "figure_html", "reconciliation_html"]

#: Rows of a claims table shown before "... N more".
MAX_ROWS = 50

_CSS = f"<style>{css('repr.css')}</style>"


def _link(url: Any, label: str | None = None) -> str:
    """A link for a safe URL, else the URL as escaped, muted text."""
    return link(url, label, muted="estimates-muted")


def _head(summary: str) -> str:
    """A table's summary line, escaped."""
    return f"<p><strong>{_e(summary)}</strong></p>"


def _empty(head: str, message: str) -> str:
    """A table with nothing to show: its summary line and a muted note."""
    return (
        f'{_CSS}<div class="estimates-html">{head}<p class="estimates-muted">{message}</p></div>'
    )


def _num(x: float) -> str:
    if not math.isfinite(x):
        return "∞" if x > 0 else ("−∞" if x < 0 else "")
    return get_style("ap").number(x, spell=False)


def _interval(lo: float, hi: float, lc: bool, hc: bool, unit: str = "") -> str:
    if math.isnan(lo) or math.isnan(hi):
        return "none"
    if lo == hi:  # a single number, never in brackets that read as a range
        return f"{_num(lo)} {unit}" if unit else _num(lo)
    text = str(interval_text(np.array([lo]), np.array([hi]), np.array([lc]), np.array([hc]))[0])
    return f"{text} {unit}" if unit else text


def _when(start: Any, end: Any) -> str:
    """A statement date: words, with the ISO form as a tooltip."""
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return ""
    span = DateInterval(start, end)
    words = get_style("ap").date(span.start, span.end)
    return f'<span title="{_e(span)}">{_e(words)}</span>'


# ---------------------------------------------------------------------- figure
def figure_html(figure: Figure) -> str:
    """A figure: its words, its interval, its hedge and conventions profile."""
    if not isinstance(figure, Figure):
        raise ArgumentTypeError("figure", figure, "a Figure")
    return _CSS + _figure_span(figure)


def _figure_span(figure: Figure) -> str:
    from ..sentences import figure_phrase

    words = figure.text or figure_phrase(figure)
    from ..._model.units import unit_label

    interval = _interval(
        figure.low, figure.high, figure.low_closed, figure.high_closed, unit_label(figure.unit)
    )
    notes = [f"hedge {figure.hedge.value}", f"conventions {figure.profile}"]
    if figure.best is not None and not (figure.is_point and figure.hedge.value == "exact"):
        notes.insert(0, f"best {_num(figure.best)}")
    if figure.ambiguous:
        notes.append("ambiguous number")
    return (
        f'<span class="estimates-html estimates-figure"><strong>{_e(words)}</strong> '
        f"<code>{_e(interval)}</code> "
        f'<span class="estimates-muted">{_e(" · ".join(notes))}</span></span>'
    )


# ---------------------------------------------------------------------- claim
def claim_html(claim: Claim) -> str:
    """A claim: quantity and figure, then who said it, when, and where to read it."""
    from ..._model.claim import Claim

    if not isinstance(claim, Claim):
        raise ArgumentTypeError("claim", claim, "a Claim")
    rows: list[tuple[str, str]] = [
        ("source", _e("; ".join(claim.source)) or '<span class="estimates-muted">none</span>'),
    ]
    if claim.reported_by:
        rows.append(("reported by", _e(claim.reported_by)))
    if claim.original_source:
        rows.append(("original source", _e(claim.original_source)))
    if claim.stated is not None:
        rows.append(("stated", _when(claim.stated.start, claim.stated.end)))
    if claim.refers_to is not None:
        rows.append(("refers to", _when(claim.refers_to.start, claim.refers_to.end)))
    if claim.published is not None:
        rows.append(("published", _when(claim.published, claim.published)))
    if claim.url:
        rows.append(("link", _link(claim.url, claim.url)))
    rows.append(("status", _e(claim.status.value)))
    if claim.note:
        rows.append(("note", _e(claim.note)))
    if claim.id:
        rows.append(("id", _e(claim.id)))
    body = "".join(f"<tr><th>{_e(k)}</th><td>{v}</td></tr>" for k, v in rows)
    return (
        f'{_CSS}<div class="estimates-html estimates-claim">'
        f"<div><strong>{_e(claim.quantity)}</strong>: {_figure_span(claim.figure)}</div>"
        f"<table>{body}</table></div>"
    )


# ---------------------------------------------------------------------- claims table
def claims_html(claims: pd.DataFrame, max_rows: int = MAX_ROWS) -> str:
    """A claims table: a summary line, then one row per claim (flagged rows show why).

    >>> import pandas as pd, estimates
    >>> html = claims_html(estimates.read_claims(pd.DataFrame({"quantity": [], "low": []})))
    >>> "0 claims" in html and "No claims." in html
    True
    """
    f = as_frame(claims)
    head = _head(claims_summary(f))
    if len(f) == 0:
        return _empty(head, "No claims.")
    shown = f.head(max_rows)
    has_error = ERROR_COLUMN in f.columns
    cols = ["", "quantity", "figure", "interval", "source", "stated", "link", "status"]
    if has_error:
        cols.append("error")
    intervals = interval_text(
        shown["low"].to_numpy(),
        shown["high"].to_numpy(),
        shown["low_closed"].to_numpy(dtype=bool),
        shown["high_closed"].to_numpy(dtype=bool),
    )
    units = shown["unit"].astype(object).where(shown["unit"].notna(), "").to_numpy()
    lines = []
    for pos, (label, row) in enumerate(shown.iterrows()):
        error = row[ERROR_COLUMN] if has_error else None
        flagged = has_error and not pd.isna(error)
        interval = str(intervals[pos]) + (f" {units[pos]}" if units[pos] else "")
        if pd.isna(row["low"]) or pd.isna(row["high"]):  # a flagged row may have no figure
            interval = ""
        cells = [
            f'<td class="estimates-muted">{_e(label)}</td>',
            f"<td>{_e(row['quantity'])}</td>",
            f"<td>{_e(_words(row))}</td>",
            f"<td><code>{_e(interval)}</code></td>" if interval else "<td></td>",
            f"<td>{_e(row['source'])}</td>",
            f"<td>{_when(row['stated_start'], row['stated_end'])}</td>",
            f"<td>{_link(row['url']) if not pd.isna(row['url']) else ''}</td>",
            f"<td>{_e(row['status'])}</td>",
        ]
        if has_error:
            cells.append(f'<td class="estimates-error">{_e(error)}</td>')
        cls = ' class="estimates-flagged"' if flagged else ""
        lines.append(f"<tr{cls}>{''.join(cells)}</tr>")
    return _table_html(head, cols, lines, len(f) - max_rows, "more")


def _table_html(
    head: str, cols: Sequence[str], rows: Sequence[str], hidden: int, more: str
) -> str:
    """A table under its heading, with a note of the rows left out.

    Parameters
    ----------
    head : str
        HTML above the table (the summary line).
    cols : sequence of str
        Column headings, as text (escaped here).
    rows : sequence of str
        The ``<tr>`` elements, as HTML.
    hidden : int
        How many rows were left out; a note "... N more" follows the table when > 0.
    more : str
        The words of that note after the number ("more", "more groups").

    Returns
    -------
    str
        The table and its style sheet, in a ``div.estimates-html``.
    """
    note = f'<p class="estimates-muted">... {hidden:,} {more}</p>' if hidden > 0 else ""
    header = "".join(f"<th>{_e(c)}</th>" for c in cols)
    return (
        f'{_CSS}<div class="estimates-html">{head}<table><thead><tr>{header}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>{note}</div>"
    )


def _words(row: pd.Series) -> str:
    """The figure as written, else in words ("up to 12,000 soldiers")."""
    text = row["text"]
    if isinstance(text, str) and text:
        return text
    from ..sentences import figure_words

    unit = row["unit"] if isinstance(row["unit"], str) else ""
    best = row["best"]
    try:
        words = figure_words(
            get_style("ap"),
            str(row["hedge"]),
            float(row["low"]),
            float(row["high"]),
            float("nan") if pd.isna(best) else float(best),
            unit,
        )
    except (ValueError, TypeError):  # a flagged row's numbers may not make a figure
        return ""
    return words or ""


# ---------------------------------------------------------------------- reconciliation


def reconciliation_html(
    frame: pd.DataFrame, max_rows: int = MAX_ROWS, claims: pd.DataFrame | None = None
) -> str:
    """A reconciliation: per group, claims, sources, stated range, consensus,
    agreement, best estimate, verdict and conflicts -- the cells of the one table
    formatter, :func:`estimates._present.text.reconciliation_frame`, escaped.

    ``claims``, the claims frame it was computed from, keeps the hedges of the stated
    range and the honest label of the best value (a notebook shows what a reader may
    quote).  A frame without the columns of ``reconcile`` is shown as an escaped plain
    table.
    """
    from ..text import RECONCILIATION_CORE, reconciliation_frame

    head = _head(reconciliation_summary(frame))
    if len(frame) == 0:
        return _empty(head, "No groups.")
    if not all(c in frame.columns for c in RECONCILIATION_CORE):
        return (
            f'{_CSS}<div class="estimates-html">'
            + pd.DataFrame(frame).head(max_rows).to_html(escape=True, border=0)
            + "</div>"
        )
    shown = frame.head(max_rows)
    table = reconciliation_frame(shown, claims)
    names = [str(n) if n is not None else "group" for n in shown.index.names]
    cols = [*names, *(str(c) for c in table.columns)]
    cells_of = {c: table[c].astype(object).to_numpy() for c in table.columns}
    lines = []
    for i, key in enumerate(shown.index):
        keys = key if isinstance(key, tuple) else (key,)
        cells = [f"<th>{_e(k)}</th>" for k in keys]
        for c, values in cells_of.items():
            v = values[i]
            text = "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)
            if c == "verdict":
                cells.append(f'<td class="estimates-{_e(text)}">{_e(text)}</td>')
            elif c in ("consensus", "agreement"):
                cells.append(f"<td><code>{_e(text)}</code></td>")
            elif c == "unit":
                cells.append(f"<td>{_e(text)}</td>")
            else:
                cells.append(f'<td class="estimates-num">{_e(text)}</td>')
        lines.append(f"<tr>{''.join(cells)}</tr>")
    return _table_html(head, cols, lines, len(frame) - max_rows, "more groups")


def _stated_text(lo: float, hi: float) -> str:
    if math.isnan(lo):
        return "none"
    return _num(lo) if lo == hi else f"{_num(lo)} – {_num(hi)}"


def _getter(frame: pd.DataFrame) -> Any:
    arrays = {c: frame[c].to_numpy() for c in frame.columns}

    def get(col: str, i: int, default: Any = None) -> Any:
        values = arrays.get(col)
        if values is None:
            return default
        v = values[i]
        return default if default is not None and pd.isna(v) else v

    return get
