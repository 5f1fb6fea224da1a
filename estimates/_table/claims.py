"""The claims table: many claims, one typed column per field, backed by pandas.

:class:`Claims` is the collection users work with.  Build it with
:func:`read_claims` (from a CSV, JSON or Parquet file, a DataFrame or records), or
:meth:`Claims.from_claims`.  Indexing or iterating gives :class:`~estimates.Claim`
objects; ``.frame`` gives the DataFrame (see :mod:`estimates._table.schema` for its
columns).  The analysis methods (:meth:`reconcile`, :meth:`disagreements`,
:meth:`timeline`, :meth:`describe` ...) delegate to the compute and presentation layers.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, overload

import numpy as np
import pandas as pd

from .._model.claim import Claim, Status
from .._model.conventions import Conventions
from .._model.dates import DateInterval
from .._model.errors import FigureError, ValidationError
from .._model.missing import present
from .._model.units import conversion_factor
from . import io as _io
from .ingest import standardise
from .schema import ERROR_COLUMN, INPUT_COLUMN, STANDARD, row_figure
from .validation import check_errors_arg, warn_thin_data

__all__ = ["Claims", "read_claims"]

PathLike = str | os.PathLike[str]

# pandas >= 3 copies on write: a shallow copy of our frame is safe to hand out.
_COPY_ON_WRITE = int(pd.__version__.split(".")[0]) >= 3


def read_claims(
    source: PathLike | pd.DataFrame | Iterable[Mapping[str, Any]] | Claims,
    /,
    *,
    errors: str = "raise",
    lang: str = "en",
    conventions: str | Conventions | None = None,
    date_format: str | None = None,
    na_values: Mapping[str, Sequence[object]] | Sequence[object] | None = None,
    encoding: str = "utf-8",
    sep: str | None = None,
    **mapping: str | Sequence[str],
) -> Claims:
    """Read claims from a file, a DataFrame or records.

    Parameters
    ----------
    source : path, DataFrame, iterable of dicts, or Claims
        A ``.csv``/``.tsv``/``.json``/``.jsonl``/``.parquet`` path, or data in memory.
        Its columns give ``quantity``, ``source`` and the figure: either ``figure``
        (the figure as written, read in each row's ``lang``) or numbers in
        ``low``/``high``/``best``.
    errors : {"raise", "flag"}
        ``"raise"`` (default): one :class:`~estimates.ValidationError` lists every bad
        row, column, value and what was expected.  ``"flag"``: keep every row; bad
        rows get the reason in an ``error`` column, their cells as written in
        ``original_cells`` (a JSON object), and are left out of computations.  A flagged
        table written to CSV, JSON or Parquet reads back the same with ``errors="flag"``.
    lang : str
        Language of figure texts in rows without a ``lang`` value: "en", "fr", or
        "auto" (each row's language detected from its figure text, and stored in
        ``lang``).  A French hedge read as English (or the reverse) is refused by row,
        never dropped.  When ``lang`` names a column of the input instead, that column
        gives each row's language.
    conventions : str or Conventions, optional
        Profile used to read hedges and vague figures (default: the active one).
    date_format : str, optional
        ``strptime`` format for single-day dates that are not ISO, e.g. ``"%d/%m/%Y"``.
    na_values : mapping or sequence, optional
        Sentinels meaning "missing" in numeric columns, e.g. ``{"best": [-999]}``.
    encoding, sep : str, optional
        For text files: the encoding (French Excel saves ``"cp1252"``) and the CSV
        separator (``";"`` in French Excel).  A file that is not valid text in
        ``encoding``, or a header that holds a ``;`` or a tab, gets an error saying
        which to pass.
    **mapping
        Standard field = your column name, e.g. ``low="estimate_low"``,
        ``stated="date"``, ``url="source_url"``.  ``quantity`` may name several
        columns (joined with a space).  Fields: every standard column plus ``figure``,
        ``stated`` and ``refers_to`` (ISO dates, periods or intervals).

    When only numbers are given, the hedge is inferred: ``low`` and ``high`` make a
    range (a point when equal); ``low`` alone is "at least" ``[low, inf)``; ``high``
    alone is "up to" ``[0, high]``; ``best`` alone is exact.  A ``hedge`` column, when
    present, is used instead.

    Returns
    -------
    Claims

    Examples
    --------
    >>> import pandas as pd, estimates
    >>> df = pd.DataFrame({"quantity": ["troops", "troops"],
    ...                    "figure": ["up to 12,000", "environ 10 000"],
    ...                    "lang": ["en", "fr"], "source": ["US", "Ukraine"],
    ...                    "stated": ["2024-11-12", "2024-11-11"]})
    >>> claims = estimates.read_claims(df)
    >>> claims.frame[["low", "high", "best", "hedge"]]
         low      high    best   hedge
    0     0.0  12000.0     NaN   up_to
    1  9000.0  11000.0  10000.0  approx
    """
    errs = check_errors_arg(errors)
    if isinstance(source, Claims):
        if mapping:
            raise TypeError("column mapping does not apply to a Claims table")
        return source
    line_offset = None
    if isinstance(source, pd.DataFrame):
        data = source
    elif isinstance(source, str | os.PathLike):
        data, line_offset = _io.read_table(source, encoding=encoding, sep=sep)
    else:
        data = _io.frame_of_records(list(source))
    if data.shape == (0, 0):  # an empty file: no records, no columns
        return Claims._from_frame(_empty_frame())
    if lang in data.columns and lang not in ("en", "fr"):
        mapping = {**mapping, "lang": lang}
        lang = "en"
    frame = standardise(
        data,
        errors=errs,
        lang=lang,
        conventions=conventions,
        date_format=date_format,
        na_values=na_values,
        mapping=mapping,
        line_offset=line_offset,
    )
    warn_thin_data(frame, stacklevel=3)
    return Claims._from_frame(frame)


class Claims:
    """A table of claims.

    Build one with :func:`read_claims` (``Claims(data, **options)`` is the same) or
    :meth:`from_claims`.  The table is immutable: methods return new tables.

    Examples
    --------
    >>> import estimates
    >>> claims = estimates.read_claims("seeds/kursk_claims.csv")  # doctest: +SKIP
    >>> len(claims), claims.quantities  # doctest: +SKIP
    """

    __slots__ = ("_frame",)

    def __init__(self, data: Any, **options: Any) -> None:
        self._frame = read_claims(data, **options)._frame

    @classmethod
    def _from_frame(cls, frame: pd.DataFrame) -> Claims:
        obj = cls.__new__(cls)
        obj._frame = frame
        return obj

    # ------------------------------------------------------------------ builders
    @classmethod
    def from_claims(cls, claims: Iterable[Claim]) -> Claims:
        """A table of :class:`~estimates.Claim` objects (their ``extra`` become columns)."""
        rows = [_claim_record(c) for c in claims]
        if not rows:
            return cls._from_frame(_empty_frame())
        data = pd.DataFrame.from_records(rows)
        frame = standardise(data, errors="raise")
        return cls._from_frame(frame)

    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, Any]], **options: Any) -> Claims:
        """Same as :func:`read_claims` on a list of dicts."""
        return read_claims(list(records), **options)

    @classmethod
    def concat(cls, tables: Iterable[Claims]) -> Claims:
        """One table holding the rows of several."""
        frames = [t._frame for t in tables]
        if not frames:
            return cls._from_frame(_empty_frame())
        return cls._from_frame(pd.concat(frames, ignore_index=True))

    # ------------------------------------------------------------------ data access
    @property
    def frame(self) -> pd.DataFrame:
        """The claims as a DataFrame (a copy: changing it never changes the table)."""
        return self._frame.copy(deep=not _COPY_ON_WRITE)

    def __len__(self) -> int:
        return len(self._frame)

    @property
    def quantities(self) -> list[str]:
        """The distinct quantities, in order of first appearance."""
        return [str(q) for q in pd.unique(self._frame["quantity"].dropna())]

    @property
    def sources(self) -> list[str]:
        """The distinct source agents, in order of first appearance."""
        agents = self._frame["source"].dropna().str.split(";").explode().str.strip()
        return [str(a) for a in pd.unique(agents)]

    @property
    def flags(self) -> pd.Series:
        """Per row, why it is invalid (``errors="flag"``), else missing."""
        if ERROR_COLUMN in self._frame.columns:
            return self._frame[ERROR_COLUMN].copy()
        return pd.Series(pd.NA, index=self._frame.index, dtype="string", name=ERROR_COLUMN)

    def valid(self) -> Claims:
        """The rows without validation errors."""
        if ERROR_COLUMN not in self._frame.columns:
            return self
        ok = self._frame[ERROR_COLUMN].isna().to_numpy()
        flag_columns = [c for c in (ERROR_COLUMN, INPUT_COLUMN) if c in self._frame.columns]
        return Claims._from_frame(self._frame[ok].drop(columns=flag_columns))

    def flagged(self) -> Claims:
        """The rows flagged invalid (``read_claims(..., errors="flag")``)."""
        if ERROR_COLUMN not in self._frame.columns:
            return Claims._from_frame(self._frame.iloc[:0])
        bad = self._frame[ERROR_COLUMN].notna().to_numpy()
        return Claims._from_frame(self._frame[bad])

    @overload
    def __getitem__(self, key: int) -> Claim: ...
    @overload
    def __getitem__(self, key: slice | Sequence[int] | np.ndarray | pd.Series) -> Claims: ...

    def __getitem__(self, key: Any) -> Claim | Claims:
        """``claims[i]`` is a :class:`Claim`; a slice, positions or a mask give a table."""
        if isinstance(key, int | np.integer):
            return _row_claim(self._frame, int(key))
        if isinstance(key, str):
            raise TypeError(
                f"claims[{key!r}]: index claims by position or mask; use "
                f"claims.frame[{key!r}] for a column"
            )
        if isinstance(key, pd.Series) and key.dtype == bool:
            return Claims._from_frame(self._frame[key.to_numpy()])
        return Claims._from_frame(self._frame.iloc[key])

    def __iter__(self) -> Iterator[Claim]:
        for i in range(len(self._frame)):
            yield _row_claim(self._frame, i)

    def to_claims(self) -> list[Claim]:
        """All rows as :class:`~estimates.Claim` objects."""
        return list(self)

    def equals(self, other: Claims) -> bool:
        """Whether two tables hold the same claims in the same order (labels ignored)."""
        a = self._frame.reset_index(drop=True)
        b = other._frame.reset_index(drop=True)
        if list(a.columns) != list(b.columns):
            return False
        return all(a[c].dtype == b[c].dtype and a[c].equals(b[c]) for c in a.columns)

    def to_unit(self, unit: str) -> Claims:
        """The same claims with every figure converted to ``unit``.

        Raises
        ------
        UnitError
            If a claim's unit cannot be converted.
        """
        f = self._frame
        units, codes = np.unique(
            f["unit"].fillna("").to_numpy(dtype=object).astype(str), return_inverse=True
        )
        k = np.array([conversion_factor(u, unit) for u in units])[codes]
        out = f.copy()
        for c in ("low", "high", "best"):
            out[c] = f[c].to_numpy() * k
        out["unit"] = pd.array([unit] * len(f), dtype="string")
        return Claims._from_frame(out)

    # ------------------------------------------------------------------ files
    def to_csv(self, path: PathLike | None = None, *, spreadsheet: bool = False) -> str | None:
        """Write the table as CSV, losslessly (returns the text when ``path`` is None).

        ``spreadsheet=True`` neutralises cells a spreadsheet would run as formulas.
        """
        return _io.write_csv(self._frame, path, spreadsheet=spreadsheet)

    def to_json(self, path: PathLike | None = None) -> str | None:
        """Write the table as a JSON list of records (returns the text without a path)."""
        return _io.write_json(self._frame, path)

    def to_parquet(self, path: PathLike) -> None:
        """Write the table as Parquet (needs pyarrow)."""
        _io.write_parquet(self._frame, path)

    # ------------------------------------------------------------------ analysis
    def reconcile(self, by: str | Sequence[str] = "quantity", **options: Any) -> pd.DataFrame:
        """Per group: what the claims span, allow and support, and how they conflict.

        See :func:`estimates._compute.reconcile.reconcile` for every option and column.
        """
        from .._compute.reconcile import reconcile

        return reconcile(self, by=by, **options)

    def disagreements(self, by: str | Sequence[str] = "quantity", **options: Any) -> pd.DataFrame:
        """One row per pair of claims within a group, with their relation and gap."""
        from .._compute.disagreements import disagreements

        return disagreements(self, by=by, **options)

    def by_source(self, by: str | Sequence[str] = "quantity", **options: Any) -> pd.DataFrame:
        """A source x source table of how often and how far sources disagree."""
        from .._compute.disagreements import by_source

        return by_source(self, by=by, **options)

    def timeline(
        self, freq: str = "M", by: str | Sequence[str] = "quantity", **options: Any
    ) -> pd.DataFrame:
        """Reconcile per period of statement (``freq``: ``"W"``, ``"M"``, ``"Q"``, ``"Y"``)."""
        from .._compute.timeline import timeline

        return timeline(self, freq=freq, by=by, **options)

    def sensitivity(self, by: str | Sequence[str] = "quantity", **options: Any) -> pd.DataFrame:
        """Leave-one-source-out: how the range and verdict change without each source."""
        from .._compute.sensitivity import sensitivity

        return sensitivity(self, by=by, **options)

    def describe(
        self, lang: str = "en", by: str | Sequence[str] = "quantity", **options: Any
    ) -> pd.Series:
        """Neutral, attributed sentences per group (indexed like :meth:`reconcile`)."""
        from .._present.sentences import describe

        return describe(self, lang=lang, by=by, **options)

    def plot(self, kind: str = "range", **options: Any) -> Any:
        """A range strip (``kind="range"``) or timeline (``kind="timeline"``) chart."""
        from .._present import charts

        if kind == "range":
            return charts.range_strip(self, **options)
        if kind == "timeline":
            return charts.timeline_chart(self, **options)
        raise ValueError(f"kind={kind!r}: expected 'range' or 'timeline'")

    def report(self, path: PathLike | None = None, **options: Any) -> str:
        """One self-contained HTML report (sentences, charts, claims, disagreements and
        methodology); written to ``path`` when given.  Returns the HTML."""
        from .._present.report import report

        page = report(self, **options)
        if path is not None:
            Path(path).write_text(page, encoding="utf-8")
        return page

    def methodology(self, **options: Any) -> str:
        """A Markdown methodology note: definitions, conventions, sources, revisions."""
        from .._present.methodology import methodology

        return methodology(self, **options)

    # ------------------------------------------------------------------ display
    def __repr__(self) -> str:
        from .._present.text import claims_text

        return claims_text(self)

    def _repr_html_(self) -> str:
        from .._present.html import claims_html

        return claims_html(self)


# ---------------------------------------------------------------------- rows <-> claims
def _empty_frame() -> pd.DataFrame:
    data = pd.DataFrame(
        {"quantity": pd.Series([], dtype="string"), "low": pd.Series([], dtype="float64")}
    )
    return standardise(data, errors="raise")


def _claim_record(c: Claim) -> dict[str, Any]:
    if not isinstance(c, Claim):
        raise FigureError("claim", c, "a Claim")
    f = c.figure
    rec: dict[str, Any] = {
        "quantity": c.quantity,
        "text": f.text,
        "low": f.low,
        "high": f.high,
        "low_closed": f.low_closed,
        "high_closed": f.high_closed,
        "best": np.nan if f.best is None else f.best,
        "hedge": f.hedge.value,
        "unit": f.unit,
        "profile": f.profile,
        "ambiguous": f.ambiguous,
        "source": "; ".join(c.source) if c.source else None,
        "reported_by": c.reported_by,
        "original_source": c.original_source,
        "stated_start": _ts(c.stated.start if c.stated else None),
        "stated_end": _ts(c.stated.end if c.stated else None),
        "refers_start": _ts(c.refers_to.start if c.refers_to else None),
        "refers_end": _ts(c.refers_to.end if c.refers_to else None),
        "url": c.url,
        "published": _ts(c.published),
        "lang": c.lang,
        "status": c.status.value,
        "note": c.note,
        "id": c.id,
    }
    for k, v in c.extra.items():
        if k in rec:
            raise FigureError("extra", k, "an extra column name that is not a standard field")
        rec[k] = v
    return rec


def _ts(d: date | None) -> pd.Timestamp:
    return pd.NaT if d is None else pd.Timestamp(d)


_opt = present


def _row_claim(frame: pd.DataFrame, i: int) -> Claim:
    n = len(frame)
    if not -n <= i < n:
        raise IndexError(f"claim {i} out of range for a table of {n} claims")
    row = frame.iloc[i]
    if ERROR_COLUMN in frame.columns and _opt(row[ERROR_COLUMN]) is not None:
        raise ValidationError(
            pd.DataFrame(
                [
                    {
                        "row": frame.index[i],
                        "column": ERROR_COLUMN,
                        "value": row[ERROR_COLUMN],
                        "expected": "a valid row (this one was flagged; see .valid())",
                    }
                ]
            )
        )
    fig = row_figure(row)

    def interval(a: str, b: str) -> DateInterval | None:
        s, e = _opt(row[a]), _opt(row[b])
        return None if s is None or e is None else DateInterval(s, e)

    pub = _opt(row["published"])
    flags = (ERROR_COLUMN, INPUT_COLUMN)
    extra = {k: row[k] for k in frame.columns if k not in STANDARD and k not in flags}
    return Claim(
        fig,
        quantity=str(row["quantity"]),
        source=_opt(row["source"]) or (),
        reported_by=_opt(row["reported_by"]),
        original_source=_opt(row["original_source"]),
        stated=interval("stated_start", "stated_end"),
        refers_to=interval("refers_start", "refers_end"),
        url=_opt(row["url"]),
        published=None if pub is None else pub.date(),
        lang=_opt(row["lang"]) or "en",
        status=Status(str(row["status"])),
        note=_opt(row["note"]),
        id=_opt(row["id"]),
        extra=extra,
    )
