"""The columns of a claims table: names, types and meaning.

A claims table (:class:`~estimates.Claims`) is a pandas DataFrame with one typed
column per field of a claim.  Columns not listed here (a user's ``country``,
``type``, event ids ...) are carried along untouched, after the standard ones.

=================  ==============  ===========================================
column             dtype           meaning
=================  ==============  ===========================================
quantity           string          what is measured (the grouping key)
text               string          the figure as written ("up to 12,000")
low, high          float64         bounds; -inf / inf when unbounded
low_closed         bool            whether ``low`` belongs to the interval
high_closed        bool            whether ``high`` belongs to the interval
best               float64         best value, NaN when none was given
hedge              category        see :class:`~estimates.Hedge`
unit               string          canonical unit ("" for a plain count)
profile            string          conventions profile that read the figure
ambiguous          bool            the text's number needed a locale guess
source             string          agents, separated by ``;``
reported_by        string          the outlet carrying the claim
original_source    string          who the figure really comes from
stated_start/_end  datetime64[ns]  when it was said (inclusive days)
refers_start/_end  datetime64[ns]  the period the number describes
url                string          link to the report
published          datetime64[ns]  publication date of the report
lang               string          language of ``text``
status             category        claimed, confirmed, disputed, retracted
note               string          free text
id                 string          the claim's id in the user's data
error              string          why the row is invalid (only with errors="flag")
original_cells     string          a flagged row's cells as read, a JSON object
                                   (only with errors="flag")
=================  ==============  ===========================================
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

from .._model.claim import STATUS_CODES
from .._model.figure import Figure
from .._model.hedges import HEDGE_CODES, Hedge
from .._model.missing import present

__all__ = [
    "COLUMNS",
    "ERROR_COLUMN",
    "INPUT_COLUMN",
    "STANDARD",
    "Column",
    "dtype_of",
    "row_figure",
]

Kind = Literal["string", "float", "bool", "datetime", "category"]


@dataclass(frozen=True, slots=True)
class Column:
    """One standard column of a claims table."""

    name: str
    kind: Kind
    description: str
    categories: tuple[str, ...] | None = None


COLUMNS: tuple[Column, ...] = (
    Column("quantity", "string", "what is measured: the key claims are grouped by"),
    Column("text", "string", "the figure as written"),
    Column("low", "float", "lower bound; -inf when unbounded below"),
    Column("high", "float", "upper bound; inf when unbounded above"),
    Column("low_closed", "bool", "whether low belongs to the interval"),
    Column("high_closed", "bool", "whether high belongs to the interval"),
    Column("best", "float", "best value; NaN when the source gave none"),
    Column("hedge", "category", "how the figure was qualified", HEDGE_CODES),
    Column("unit", "string", "canonical unit; empty for a plain count"),
    Column("profile", "string", "conventions profile that read the figure"),
    Column("ambiguous", "bool", "the number needed a locale guess"),
    Column("source", "string", "agents who made the claim, separated by ';'"),
    Column("reported_by", "string", "outlet that carried the claim"),
    Column("original_source", "string", "who the figure really comes from"),
    Column("stated_start", "datetime", "first day the claim may have been made"),
    Column("stated_end", "datetime", "last day the claim may have been made"),
    Column("refers_start", "datetime", "first day of the period the figure describes"),
    Column("refers_end", "datetime", "last day of the period the figure describes"),
    Column("url", "string", "link to the report"),
    Column("published", "datetime", "publication date of the report"),
    Column("lang", "string", "language of the text"),
    Column("status", "category", "claimed, confirmed, disputed or retracted", STATUS_CODES),
    Column("note", "string", "free text"),
    Column("id", "string", "the claim's identifier in the user's data"),
)

#: Names of the standard columns, in order.
STANDARD: tuple[str, ...] = tuple(c.name for c in COLUMNS)
BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}

#: Column added by ``errors="flag"``.
ERROR_COLUMN = "error"
#: Column added by ``errors="flag"``: a flagged row's original cells, verbatim (JSON).
INPUT_COLUMN = "original_cells"

DATETIME = "datetime64[ns]"


def dtype_of(col: Column) -> object:
    """The pandas dtype of a standard column."""
    if col.kind == "string":
        return pd.StringDtype()
    if col.kind == "float":
        return "float64"
    if col.kind == "bool":
        return "bool"
    if col.kind == "datetime":
        return DATETIME
    return pd.CategoricalDtype(list(col.categories or ()), ordered=False)


def row_figure(row: Mapping[str, Any] | pd.Series, *, unit: str | None = None) -> Figure:
    """The :class:`~estimates.Figure` of one row of a claims table (the one place a row
    becomes a figure).

    Parameters
    ----------
    row : mapping or pandas.Series
        A row with the standard figure columns (``low`` ... ``ambiguous``).
    unit : str, optional
        Use this unit instead of the row's (``""`` to leave it out).

    Examples
    --------
    >>> row_figure({"low": 0.0, "high": 12000.0, "low_closed": True, "high_closed": True,
    ...             "best": float("nan"), "hedge": "up_to", "unit": "soldier",
    ...             "text": "up to 12,000", "profile": "default", "ambiguous": False})
    Figure([0, 12000] soldier, hedge='up_to', text='up to 12,000')
    """
    best = present(row["best"])
    return Figure(
        float(row["low"]),
        float(row["high"]),
        bool(row["low_closed"]),
        bool(row["high_closed"]),
        best=None if best is None else float(best),
        hedge=Hedge(str(row["hedge"])),
        unit=(present(row["unit"]) or "") if unit is None else unit,
        text=present(row["text"]),
        profile=present(row["profile"]) or "default",
        ambiguous=bool(present(row.get("ambiguous", False)) or False),
    )
