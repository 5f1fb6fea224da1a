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
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

import numpy as np
import pandas as pd

from .._compute.selection import (
    SELECTION_ARGS,
    Comparison,
    quantities_of,
    selection_of,
    sources_of,
)
from .._model.claim import Claim, Status
from .._model.conventions import Conventions
from .._model.dates import DateInterval
from .._model.errors import ArgumentTypeError, FigureError, OptionError, ValidationError
from .._model.missing import present
from .._model.sources import SourceBook
from .._model.units import conversion_affine
from .._table import io as _io
from .._table.ingest import standardise
from .._table.records import empty_frame as _empty_frame
from .._table.records import frame_of_claims
from .._table.schema import ERROR_COLUMN, INPUT_COLUMN, STANDARD, row_figure
from .._table.validation import check_errors_arg, warn_thin_data
from .docs import fill_doc
from .result import Reconciliation

if TYPE_CHECKING:  # pragma: no cover
    from .._compute.selection import Selection
    from .._compute.time import DateLike
    from .._present.style import HouseStyle

__all__ = ["Claims", "read_claims"]

PathLike = str | os.PathLike[str]

# pandas >= 3 copies on write: a shallow copy of our frame is safe to hand out.
_COPY_ON_WRITE = int(pd.__version__.split(".")[0]) >= 3


def read_claims(
    table: PathLike | pd.DataFrame | Iterable[Mapping[str, Any]] | Claims,
    /,
    *,
    errors: str = "raise",
    lang: str = "en",
    conventions: str | Conventions | None = None,
    date_format: str | None = None,
    na_values: Mapping[str, Sequence[object]] | Sequence[object] | None = None,
    encoding: str = "utf-8",
    sep: str | None = None,
    columns: Mapping[str, str | Sequence[str]] | None = None,
    quantity: str | Sequence[str] | None = None,
    text: str | Sequence[str] | None = None,
    low: str | Sequence[str] | None = None,
    high: str | Sequence[str] | None = None,
    low_closed: str | Sequence[str] | None = None,
    high_closed: str | Sequence[str] | None = None,
    best: str | Sequence[str] | None = None,
    hedge: str | Sequence[str] | None = None,
    unit: str | Sequence[str] | None = None,
    profile: str | Sequence[str] | None = None,
    ambiguous: str | Sequence[str] | None = None,
    source: str | Sequence[str] | None = None,
    reported_by: str | Sequence[str] | None = None,
    original_source: str | Sequence[str] | None = None,
    stated_start: str | Sequence[str] | None = None,
    stated_end: str | Sequence[str] | None = None,
    refers_start: str | Sequence[str] | None = None,
    refers_end: str | Sequence[str] | None = None,
    url: str | Sequence[str] | None = None,
    published: str | Sequence[str] | None = None,
    status: str | Sequence[str] | None = None,
    note: str | Sequence[str] | None = None,
    id: str | Sequence[str] | None = None,
    figure: str | Sequence[str] | None = None,
    stated: str | Sequence[str] | None = None,
    refers_to: str | Sequence[str] | None = None,
) -> Claims:
    """Read claims from a file, a DataFrame or records.

    Parameters
    ----------
    table : path, DataFrame, iterable of dicts, or Claims
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
    columns : mapping, optional
        Standard field -> your column name, e.g. ``{"low": "estimate_low"}``: the same
        as the keyword arguments below, in one object (as ``df.estimates.claims``).
    quantity, text, low, high, low_closed, high_closed, best, hedge, unit, profile, \
ambiguous, source, reported_by, original_source, stated_start, stated_end, refers_start, \
refers_end, url, published, status, note, id, figure, stated, refers_to : str or sequence of \
str, optional
        Standard field = your column name, e.g. ``low="estimate_low"``,
        ``stated="date"``, ``url="source_url"``.  ``quantity`` may name several
        columns (joined with a space).  Fields: every standard column plus ``figure``,
        ``stated`` and ``refers_to`` (ISO dates, periods or intervals); a column named
        as its field needs no mapping.  ``lang`` names a column through ``lang`` above.

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
    named = {
        "quantity": quantity,
        "text": text,
        "low": low,
        "high": high,
        "low_closed": low_closed,
        "high_closed": high_closed,
        "best": best,
        "hedge": hedge,
        "unit": unit,
        "profile": profile,
        "ambiguous": ambiguous,
        "source": source,
        "reported_by": reported_by,
        "original_source": original_source,
        "stated_start": stated_start,
        "stated_end": stated_end,
        "refers_start": refers_start,
        "refers_end": refers_end,
        "url": url,
        "published": published,
        "status": status,
        "note": note,
        "id": id,
        "figure": figure,
        "stated": stated,
        "refers_to": refers_to,
    }
    mapping: dict[str, str | Sequence[str]] = {
        **dict(columns or {}),
        **{k: v for k, v in named.items() if v is not None},
    }
    errs = check_errors_arg(errors)
    if isinstance(table, Claims):
        if mapping:
            raise OptionError(
                "columns",
                sorted(mapping),
                "no column mapping with a Claims table (it is read already)",
            )
        return table
    line_offset = None
    if isinstance(table, pd.DataFrame):
        data = table
    elif isinstance(table, str | os.PathLike):
        data, line_offset = _io.read_table(table, encoding=encoding, sep=sep)
    elif hasattr(table, "read"):  # an open file or a buffer of CSV text
        data, line_offset = _io.read_csv_buffer(table, encoding=encoding, sep=sep), 2
    else:
        data = _io.frame_of_records(list(table))
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
    _frame: pd.DataFrame

    def __init__(
        self,
        data: PathLike | pd.DataFrame | Iterable[Mapping[str, Any]] | Claims,
        /,
        *,
        errors: str = "raise",
        lang: str = "en",
        conventions: str | Conventions | None = None,
        date_format: str | None = None,
        na_values: Mapping[str, Sequence[object]] | Sequence[object] | None = None,
        encoding: str = "utf-8",
        sep: str | None = None,
        columns: Mapping[str, str | Sequence[str]] | None = None,
    ) -> None:
        """Read a table: the same as :func:`read_claims` (see it for the arguments).

        Parameters
        ----------
        data : path, DataFrame, iterable of dicts, or Claims
            What to read.
        errors, lang, conventions, date_format, na_values, encoding, sep, columns
            As for :func:`read_claims`.
        """
        self._frame = read_claims(data, **forwarded(locals(), "data"))._frame

    @classmethod
    def _from_frame(cls, frame: pd.DataFrame) -> Claims:
        obj = cls.__new__(cls)
        obj._frame = frame
        return obj

    # ------------------------------------------------------------------ builders
    @classmethod
    def from_claims(cls, claims: Iterable[Claim]) -> Claims:
        """A table of :class:`~estimates.Claim` objects (their ``extra`` become columns).

        Parameters
        ----------
        claims : iterable of Claim
            The claims, one row each, in order.
        """
        return cls._from_frame(frame_of_claims(claims))

    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any]],
        /,
        *,
        errors: str = "raise",
        lang: str = "en",
        conventions: str | Conventions | None = None,
        date_format: str | None = None,
        na_values: Mapping[str, Sequence[object]] | Sequence[object] | None = None,
        columns: Mapping[str, str | Sequence[str]] | None = None,
    ) -> Claims:
        """Same as :func:`read_claims` on a list of dicts.

        Parameters
        ----------
        records : iterable of dict
            One dict per claim, keyed by column.
        errors, lang, conventions, date_format, na_values, columns
            As for :func:`read_claims`.
        """
        return read_claims(list(records), **forwarded(locals(), "records"))

    @classmethod
    def concat(cls, tables: Iterable[Claims]) -> Claims:
        """One table holding the rows of several.

        Parameters
        ----------
        tables : iterable of Claims
            The tables, their rows in order (the index is renumbered).
        """
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
        return quantities_of(self._frame)

    @property
    def sources(self) -> list[str]:
        """The distinct source agents, in order of first appearance."""
        return sources_of(self._frame)

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
            raise ArgumentTypeError(
                f"claims[{key!r}]",
                key,
                f"a position, slice, positions or mask (use claims.frame[{key!r}] for a column)",
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
        """Whether two tables hold the same claims in the same order (labels ignored).

        Parameters
        ----------
        other : object
            Another table (anything else is not equal).
        """
        a = self._frame.reset_index(drop=True)
        b = other._frame.reset_index(drop=True)
        if list(a.columns) != list(b.columns):
            return False
        return all(a[c].dtype == b[c].dtype and a[c].equals(b[c]) for c in a.columns)

    def to_unit(self, unit: str) -> Claims:
        """The same claims with every figure converted to ``unit``.

        Parameters
        ----------
        unit : str
            The unit to convert to, e.g. ``"km"`` or ``"million"``.

        Raises
        ------
        UnitError
            If a claim's unit cannot be converted.
        """
        f = self._frame
        units, codes = np.unique(
            f["unit"].fillna("").to_numpy(dtype=object).astype(str), return_inverse=True
        )
        affine = np.array([conversion_affine(u, unit) for u in units]).reshape(-1, 2)
        scale, offset = affine[codes, 0], affine[codes, 1]
        out = f.copy()
        for c in ("low", "high", "best"):
            out[c] = f[c].to_numpy() * scale + offset
        out["unit"] = pd.array([unit] * len(f), dtype="string")
        return Claims._from_frame(out)

    # ------------------------------------------------------------------ files
    def to_csv(self, path: PathLike | None = None, *, spreadsheet: bool = False) -> str | None:
        """Write the table as CSV, losslessly (returns the text when ``path`` is None).

        Parameters
        ----------
        path : str or os.PathLike, optional
            The file to write; without it, the CSV text is returned.
        spreadsheet : bool
            ``True`` neutralises cells a spreadsheet would run as formulas.
        """
        return _io.write_csv(self._frame, path, spreadsheet=spreadsheet)

    def to_json(self, path: PathLike | None = None) -> str | None:
        """Write the table as a JSON list of records (returns the text without a path).

        Parameters
        ----------
        path : str or os.PathLike, optional
            The file to write; without it, the JSON text is returned.
        """
        return _io.write_json(self._frame, path)

    def to_parquet(self, path: PathLike) -> None:
        """Write the table as Parquet (needs pyarrow).

        Parameters
        ----------
        path : str or os.PathLike
            The file to write.
        """
        _io.write_parquet(self._frame, path)

    # ------------------------------------------------------------------ analysis
    @fill_doc
    def reconcile(
        self,
        by: str | Sequence[str] = "quantity",
        *,
        selection: Selection | None = None,
        as_of: DateLike | None = None,
        window: str | pd.Timedelta | None = None,
        latest_per_source: bool = False,
        exclude_kinds: Sequence[str] | str = (),
        dedupe: bool = True,
        sources: SourceBook | None = None,
        strategy: str = "median",
        weights: str | None = None,
        unit: str | None = None,
        compare_within: str | pd.Timedelta | int | None = "auto",
        cumulative: bool | Sequence[str] = False,
        quantiles: Sequence[float] = (0.05, 0.5, 0.95),
        tail: float = 2.0,
    ) -> pd.DataFrame:
        """Per group: what the claims of the same time span, allow and support.

        Each group is summarised on its *comparison set*: each source's latest claim
        (a source's earlier claims are revisions, see :meth:`revisions`), stated
        within ``compare_within`` of the group's latest claim.  Everything here is
        computed by sorting, never by listing pairs, so it works on groups of any size.

        Parameters
        ----------
        by : str or list of str, default "quantity"
            Column(s) to group by, e.g. ``["country", "type"]``.
        %(selection_parameters)s
        strategy : str, default "median"
            Best-estimate strategy: ``median``, ``conservative``, ``midpoint``,
            ``latest``, ``weighted`` or ``pooled`` (``estimates.STRATEGIES``), or
            ``reliability``: the claims weighted by their sources' reliability learned
            across every group at once (truth discovery after CRH, GTM, TruthFinder and
            KDEm, generalised to hedged intervals; see :meth:`reliability` and
            :mod:`estimates._compute.reliability`), with a ``strategy_explanation``
            column saying why each best value was chosen.
        weights : str, optional
            Name of a column of per-claim weights (default: the sources' weights).
        unit : str, optional
            Convert every group to this unit (default: each group's most common).
        %(compare_within_auto)s
        cumulative : bool or list of str, default False
            Quantities that are running totals: a source's decrease is flagged
            (``decreases`` column and a ``RevisionWarning``).
        quantiles : sequence of float, default (0.05, 0.5, 0.95)
            Quantiles of the pool, for ``strategy="pooled"``.
        tail : float, default 2.0
            Tail factor of open-ended claims in the pool, for ``strategy="pooled"``.

        Returns
        -------
        pandas.DataFrame
            One row per group.  Kernel columns (on the comparison set): ``claims``,
            ``sources``, ``stated_low``/``stated_high`` (the numbers sources stated),
            ``envelope_*``, ``consensus_*``, ``agreement_*``, ``best``,
            ``conflicts`` (pairs disjoint beyond rounding), ``max_gap``, ``spread``,
            ``verdict`` (``single``, ``agree``, ``tension`` or ``conflict``), ``unit``.
            Comparison columns: ``tensions``, ``claims_total`` (every selected claim),
            ``revisions`` (superseded claims of a source), ``earlier`` (claims before
            the window), ``compared_since``, ``span_days``; the earliest and latest
            dated claims (``first_claim``, ``first_stated``, ``first_source``,
            ``first_text``, ``first_hedge``, ``first_low``, ``first_high``,
            ``first_best``; ``latest_claim``, ``latest_stated``, ``latest_source``,
            ``latest_text``): "from 11,966 (UK MoD, 1 April 2022) to the latest range";
            the source that stands apart (``stands_apart``, ``apart_claim``,
            ``apart_gap`` between stated numbers, ``apart_gap_open`` when that gap is a
            lower bound, ``apart_direction``).  See
            :mod:`estimates._compute.reconcile` for the details.

        Examples
        --------
        >>> import estimates
        >>> claims = estimates.read_claims("tests/data/protest_paris.csv")
        >>> r = claims.reconcile()
        >>> print(r[["claims", "conflicts", "tensions", "verdict"]].iloc[0].to_dict())
        {'claims': 6, 'conflicts': 11, 'tensions': 1, 'verdict': 'conflict'}
        >>> r["stands_apart"].iloc[0] is None  # two camps, no single source apart
        True
        """
        from .._compute.reconcile import reconcile

        return Reconciliation.of(
            reconcile(
                self._frame,
                by,
                selection=_selection(locals()),
                strategy=strategy,
                weights=weights,
                unit=unit,
                compare_within=compare_within,
                cumulative=cumulative,
                quantiles=quantiles,
                tail=tail,
                stacklevel=4,
            ),
            self._frame,
        )

    @fill_doc
    def disagreements(
        self,
        by: str | Sequence[str] = "quantity",
        *,
        selection: Selection | None = None,
        as_of: DateLike | None = None,
        window: str | pd.Timedelta | None = None,
        latest_per_source: bool = False,
        exclude_kinds: Sequence[str] | str = (),
        dedupe: bool = True,
        sources: SourceBook | None = None,
        unit: str | None = None,
        compare_within: str | pd.Timedelta | int | None = "auto",
        revisions: bool = True,
        only_conflicts: bool = False,
        max_pairs: int = 1_000_000,
    ) -> pd.DataFrame:
        """One row per pair of claims within a group: relation, kind, gap and ratio.

        Parameters
        ----------
        by : str or list of str, default "quantity"
            Grouping columns, as for :meth:`reconcile`.
        %(selection_parameters)s
        %(unit)s
        compare_within : duration, "auto" or None, default "auto"
            Pairs stated further apart than this (31 days for ``"auto"``), with no
            overlapping ``refers_to``, are of ``kind == "different_time"`` and never
            a conflict.  ``None`` compares pairs of any dates.
        revisions : bool, default True
            List a source's own successive claims as pairs of ``kind == "revision"``
            (never a conflict); False leaves them out.
        only_conflicts : bool, default False
            Keep only the pairs in conflict.
        max_pairs : int, default 1,000,000
            The pair budget: more pairs raise ``PairBudgetError`` (use
            :meth:`reconcile` for summaries of large groups).

        Returns
        -------
        pandas.DataFrame
            ``by`` keys, ``claim_a``/``claim_b``, ``source_*``, ``text_*``,
            ``stated_*``, ``low_*``/``high_*``, ``relation`` (interval geometry),
            ``kind`` (``compared``, ``revision``, ``different_time``), ``conflict``,
            ``tension``, ``gap``, ``gap_stated`` and ``gap_open`` ("by more than"),
            ``overlap``, ``ratio`` and ``ratio_is_bound`` ("at least N times"); see
            :mod:`estimates._compute.disagreements`.

        Examples
        --------
        >>> import estimates
        >>> claims = estimates.read_claims("tests/data/protest_paris.csv")
        >>> d = claims.disagreements(only_conflicts=True)
        >>> row = d[(d.source_a == "Préfecture de police") & (d.source_b == "CGT")].iloc[0]
        >>> float(row.gap_stated), bool(row.gap_open)
        (38000.0, True)
        """
        from .._compute.disagreements import disagreements

        return disagreements(
            self._frame,
            by,
            selection=_selection(locals()),
            unit=unit,
            compare_within=compare_within,
            revisions=revisions,
            only_conflicts=only_conflicts,
            max_pairs=max_pairs,
        )

    @fill_doc
    def revisions(
        self,
        by: str | Sequence[str] = "quantity",
        *,
        selection: Selection | None = None,
        as_of: DateLike | None = None,
        window: str | pd.Timedelta | None = None,
        latest_per_source: bool = False,
        exclude_kinds: Sequence[str] | str = (),
        dedupe: bool = True,
        sources: SourceBook | None = None,
        unit: str | None = None,
        cumulative: bool | Sequence[str] = False,
        first: bool = True,
    ) -> pd.DataFrame:
        """Each source's successive figures on a group, with dates, change and direction.

        Two claims of one group by the same source (after ``sources`` aliases) are a
        revision, not a disagreement: they never count as conflicts.

        Parameters
        ----------
        %(by)s
        %(selection_parameters)s
        %(unit)s
        cumulative : bool or list of str, default False
            Quantities that are running totals: a fall is flagged in ``decrease``.
        first : bool, default True
            Include each source's first claim (``direction == "first"``).

        Returns
        -------
        pandas.DataFrame
            One row per dated claim of a source with several on a group: ``by`` keys,
            ``source``, ``revision`` (1, 2 ...), ``revisions``, ``claim``, ``stated``,
            ``text``, ``hedge``, ``low``, ``high``, ``best``, ``unit``, the previous
            claim's ``previous_*``, ``change`` (between stated central values only),
            ``direction`` (``first``, ``up``, ``down``, ``same``, ``narrower``,
            ``wider``, ``shifted``) and ``decrease``.

        Examples
        --------
        >>> import pandas as pd, estimates
        >>> police = estimates.read_claims(pd.DataFrame({
        ...     "quantity": ["protesters"] * 2, "figure": ["8,000", "12,000"],
        ...     "source": ["Police"] * 2, "stated": ["2025-03-07", "2025-03-08"]}))
        >>> police.revisions()[["revision", "best", "change", "direction"]]
           revision     best   change direction
        0         1   8000.0      NaN     first
        1         2  12000.0   4000.0        up
        """
        from .._compute.revisions import revisions

        sel = _selection(locals())
        by_ = [by] if isinstance(by, str) else list(by)
        frame, _trace = sel.apply(self._frame, by_, stacklevel=3)
        return revisions(
            frame, by_, sources=sel.sources, unit=unit, cumulative=cumulative, first=first
        )

    @fill_doc
    def camps(
        self,
        by: str | Sequence[str] = "quantity",
        *,
        selection: Selection | None = None,
        as_of: DateLike | None = None,
        window: str | pd.Timedelta | None = None,
        latest_per_source: bool = False,
        exclude_kinds: Sequence[str] | str = (),
        dedupe: bool = True,
        sources: SourceBook | None = None,
        unit: str | None = None,
        compare_within: str | pd.Timedelta | int | None = "auto",
    ) -> pd.DataFrame:
        """The camps of each group in conflict: which sources claim what range.

        Computed on each group's comparison set (as :meth:`reconcile`); see
        :mod:`estimates._compute.camps` for the rule.

        Parameters
        ----------
        %(by)s
        %(selection_parameters)s
        %(unit)s
        %(compare_within_auto)s

        Returns
        -------
        pandas.DataFrame
            One row per camp of a group in conflict: ``by`` keys, ``camp`` (1 is the
            lowest), ``camps``, ``low``/``high`` (+ ``_closed``: the camp's range),
            ``stated_low``/``stated_high`` (numbers its sources stated), ``claims``,
            ``sources`` (joined by "; ", in the order of the line), ``source_list``,
            ``claim_ids`` and ``texts``.

        Examples
        --------
        >>> import estimates
        >>> claims = estimates.read_claims("tests/data/protest_paris.csv")
        >>> claims.camps()[["camp", "low", "high", "sources"]]
           camp      low       high                                sources
        0     1  12000.0    16500.0  Préfecture de police; AFP; Occurrence
        1     2  20000.0        inf                    BFMTV; Reuters; CGT
        """
        from .._compute.camps import camps

        sel = _selection(locals())
        by_ = [by] if isinstance(by, str) else list(by)
        frame, _trace = sel.apply(self._frame, by_, stacklevel=3)
        return camps(
            frame, by_, sources=sel.sources, unit=unit, compare_within=compare_within, stacklevel=4
        )

    @fill_doc
    def by_source(
        self,
        by: str | Sequence[str] = "quantity",
        *,
        selection: Selection | None = None,
        as_of: DateLike | None = None,
        window: str | pd.Timedelta | None = None,
        latest_per_source: bool = False,
        exclude_kinds: Sequence[str] | str = (),
        dedupe: bool = True,
        sources: SourceBook | None = None,
        unit: str | None = None,
        compare_within: str | pd.Timedelta | int | None = "auto",
        wide: bool = False,
        max_pairs: int = 1_000_000,
    ) -> pd.DataFrame:
        """How often, and how far, each pair of sources disagree (same time only).

        A source's own revisions and claims of different times are never counted.

        Parameters
        ----------
        %(by)s
        %(selection_parameters)s
        %(unit)s
        compare_within : duration, "auto" or None, default "auto"
            As for :meth:`disagreements`.
        wide : bool, default False
            Return the source x source matrix of ``share``.
        max_pairs : int, default 1,000,000
            The pair budget.

        Returns
        -------
        pandas.DataFrame
            Indexed by (``source``, ``other``): ``pairs``, ``conflicts``,
            ``tensions``, ``share``, ``median_ratio`` (of stated central values) and
            ``max_gap``.

        Examples
        --------
        >>> import estimates
        >>> claims = estimates.read_claims("tests/data/protest_paris.csv")
        >>> int(claims.by_source().loc[("AFP", "Préfecture de police"), "tensions"])
        1
        """
        from .._compute.disagreements import by_source

        return by_source(
            self._frame,
            by,
            selection=_selection(locals()),
            unit=unit,
            compare_within=compare_within,
            wide=wide,
            max_pairs=max_pairs,
        )

    def alias_candidates(self, *, sources: SourceBook | None = None) -> pd.DataFrame:
        """Pairs of source names that probably name one source, for you to decide.

        Counted apart, one source is cited as several ("from 7 sources") and its
        revisions and track record are split.  Nothing is merged here: give the names
        one name with ``sources=SourceBook(aliases={...})`` (``--alias`` on the
        command line) where you judge them one source.  The methodology note lists
        these pairs too.

        Parameters
        ----------
        sources : SourceBook, optional
            Aliases already known: names it gives one name are one name.

        Returns
        -------
        pandas.DataFrame
            One row per pair: ``name`` (of the two, the one with more claims, on a
            tie the longer: the likelier canonical name), ``other``, ``reason``
            (``"spelling"``: the same words once case, accents, punctuation and a
            leading article are set aside; ``"bracketed note"``: the same name but for
            a note in brackets at its end; ``"initials"``: one is an acronym of the
            other), ``claims`` and ``other_claims`` (each name's claims, joint claims
            counting for each agent).  When more than four names share a key (e.g.
            numbered anonymous editors) they are a family, not one source, and are not
            paired.

        Examples
        --------
        >>> import pandas as pd, estimates
        >>> claims = estimates.read_claims(pd.DataFrame({
        ...     "quantity": ["losses"] * 4, "figure": ["17,756", "24,917", "500,000", "1.2m"],
        ...     "source": ["UK MoD", "UK MoD", "UK Ministry of Defence", "CSIS"],
        ...     "stated": ["2022-05-01", "2022-06-01", "2024-05-31", "2025-12-01"]}))
        >>> claims.alias_candidates()[["name", "other", "reason", "claims"]]
             name                   other    reason  claims
        0  UK MoD  UK Ministry of Defence  initials       2
        """
        from .._compute.aliases import alias_candidates

        return alias_candidates(self._frame, sources)

    @fill_doc
    def timeline(
        self,
        freq: str = "M",
        by: str | Sequence[str] = "quantity",
        *,
        running: bool | None = None,
        selection: Selection | None = None,
        as_of: DateLike | None = None,
        window: str | pd.Timedelta | None = None,
        latest_per_source: bool = False,
        exclude_kinds: Sequence[str] | str = (),
        dedupe: bool = True,
        sources: SourceBook | None = None,
        strategy: str = "median",
        unit: str | None = None,
        compare_within: str | pd.Timedelta | int | None = "31D",
        cumulative: bool | Sequence[str] = False,
    ) -> pd.DataFrame:
        """Reconcile per period of statement, so that growth reads as growth.

        Parameters
        ----------
        freq : {"D", "W", "M", "Q", "Y"}, default "M"
            Period length.
        by : str or list of str, default "quantity"
            Grouping columns; ``period`` is added as the last index level.
        running : bool, optional
            True: each period holds every source's latest claim stated so far (the
            running state of knowledge); False: the claims stated in the period.
            Default: running for ``cumulative`` quantities, else not.
        %(selection_parameters)s
        %(strategy)s
        %(unit)s
        compare_within : duration or None, default "31D"
            Within a period, claims are compared with those stated within this span
            of the period's latest claim (None: every claim of the period).
        cumulative : bool or list of str, default False
            Running totals: their timeline is running (the range rises as they grow).

        Returns
        -------
        pandas.DataFrame
            The columns of :meth:`reconcile`, indexed by the ``by`` keys and ``period``.

        Examples
        --------
        >>> import pandas as pd, estimates
        >>> toll = estimates.read_claims(pd.DataFrame({
        ...     "quantity": ["deaths"] * 4, "best": [100, 130, 400, 500],
        ...     "source": ["A", "B", "A", "B"],
        ...     "stated": ["2024-01-10", "2024-01-12", "2024-06-10", "2024-06-11"]}))
        >>> toll.timeline("Q", cumulative=True)[["stated_low", "stated_high", "verdict"]]
                         stated_low  stated_high   verdict
        quantity period
        deaths   2024Q1       100.0        130.0  conflict
                 2024Q2       400.0        500.0  conflict
        """
        from .._compute.timeline import timeline

        return Reconciliation(
            timeline(
                self._frame,
                freq,
                by,
                running=running,
                selection=_selection(locals()),
                strategy=strategy,
                unit=unit,
                compare_within=compare_within,
                cumulative=cumulative,
            )
        )

    @fill_doc
    def sensitivity(
        self,
        by: str | Sequence[str] = "quantity",
        *,
        selection: Selection | None = None,
        as_of: DateLike | None = None,
        window: str | pd.Timedelta | None = None,
        latest_per_source: bool = False,
        exclude_kinds: Sequence[str] | str = (),
        dedupe: bool = True,
        sources: SourceBook | None = None,
        strategy: str = "median",
        unit: str | None = None,
        compare_within: str | pd.Timedelta | int | None = "31D",
    ) -> pd.DataFrame:
        """Leave-one-source-out: how the range and verdict change without each source.

        Parameters
        ----------
        %(by)s
        %(selection_parameters)s
        %(strategy)s
        %(unit)s
        compare_within : duration or None, default "31D"
            As for :meth:`reconcile` (no warning is repeated here).

        Returns
        -------
        pandas.DataFrame
            One row per (group, left-out source), indexed by the ``by`` keys and
            ``without``: the reconcile columns without that source, the full group's
            as ``full_<column>``, and ``changed``.  Memory stays proportional to the
            number of claims.

        Examples
        --------
        >>> import estimates
        >>> claims = estimates.read_claims("tests/data/protest_paris.csv")
        >>> s = claims.sensitivity()
        >>> sorted(s.index.get_level_values("without"))[:2]
        ['AFP', 'BFMTV']
        """
        from .._compute.sensitivity import sensitivity

        return sensitivity(
            self._frame,
            by,
            selection=_selection(locals()),
            strategy=strategy,
            unit=unit,
            compare_within=compare_within,
        )

    def reliability(
        self,
        by: str | Sequence[str] = "quantity",
        *,
        freq: str | None = None,
        sources: Any = None,
        exclude_kinds: Sequence[str] | str = (),
        tolerance: float = 1e-3,
        prior: float = 0.5,
        level: float = 0.95,
    ) -> pd.DataFrame:
        """Each source's track record against the other sources' consensus.

        The consensus of a quantity (and period) *without* a source is the weighted
        median of the other sources' claims, their weights learned across every
        quantity at once (see :mod:`estimates._compute.reliability`).

        Parameters
        ----------
        by : str or list of str
            What one quantity is (default ``"quantity"``).
        freq : {"D", "W", "M", "Q", "Y"}, optional
            Compare only claims stated in the same period (a toll that grows is
            compared month by month with ``"M"``); undated claims are left out
            (with a ``MissingDateWarning``).
        sources : SourceBook, optional
            Aliases (merged first: one row per canonical agent) and kinds (sources of a
            kind share a prior).  A joint claim credits each of its agents.
        exclude_kinds : str or list of str
            Leave out claims by sources of these kinds.
        tolerance : float
            Relative distance from the consensus within which a claim counts as right.
        prior : float
            Pseudo-claims of its kind's accuracy added to each source's record.
        level : float
            Confidence level of the intervals (default 0.95).

        Returns
        -------
        pandas.DataFrame
            One row per source (index ``source``), most claims first: ``kind``,
            ``claims``, ``quantities``, ``revisions`` (claims restating a quantity and
            period it already spoke on), ``compared`` (claims with a consensus of
            others to compare with), ``hits`` and ``hit_rate`` (how often its claim
            contained that consensus) with a Wilson interval ``hit_low``/``hit_high``;
            ``bias`` (median ratio of its figure to the others' consensus) with a
            distribution-free interval ``bias_low``/``bias_high`` (0 and inf when too
            few figures to bound the median) over ``bias_claims`` figures; ``spread``
            (median absolute deviation of those ratios, as a factor); ``digits`` (the
            fewest significant digits among its figures); ``weight`` and ``accuracy``
            (what the reliability strategy learned); ``only_quantity`` (the quantity
            when it spoke on one only).

        Examples
        --------
        >>> import pandas as pd, estimates
        >>> claims = estimates.read_claims(pd.DataFrame({
        ...     "quantity": ["a", "a", "a", "b", "b", "b"],
        ...     "best": [100, 100, 150, 10, 10, 15],
        ...     "source": ["X", "Y", "Z", "X", "Y", "Z"], "stated": "2024-11-12"}))
        >>> t = claims.reliability()
        >>> int(t.loc["Z", "compared"]), int(t.loc["Z", "hits"]), float(t.loc["Z", "bias"])
        (2, 0, 1.5)
        """
        from .._compute.reliability import track_record

        return track_record(
            self._frame,
            by,
            freq=freq,
            sources=sources,
            exclude_kinds=exclude_kinds,
            tolerance=tolerance,
            prior=prior,
            level=level,
        )

    @fill_doc
    def describe(
        self,
        lang: str = "en",
        by: str | Sequence[str] = "quantity",
        *,
        style: str | HouseStyle | None = None,
        selection: Selection | None = None,
        as_of: DateLike | None = None,
        window: str | pd.Timedelta | None = None,
        latest_per_source: bool = False,
        exclude_kinds: Sequence[str] | str = (),
        dedupe: bool = True,
        sources: SourceBook | None = None,
        strategy: str = "median",
        weights: str | None = None,
        unit: str | None = None,
        compare_within: str | pd.Timedelta | int | None = "auto",
        cumulative: bool | Sequence[str] = False,
    ) -> pd.Series:
        """Neutral, attributed sentences per group, as a journalist would publish them.

        Each group's paragraph says what was stated (the range, each end quoted with
        its hedge and attributed: source and date), whether the claims agree, and how
        they differ when they do not: the source that stands apart (one whose removal
        resolves every conflict), else the camps (which sources claim what range
        against which), with gaps and ratios taken only from numbers sources stated
        ("by more than 38,000" when a facing number is open).  Claims are compared
        like with like in time (see :meth:`reconcile`): a source's successive figures
        are a revision, and claims before the comparison window are told as how the
        estimates grew since the first.  Vague words are quoted as written, in their
        own language.  Where the claims show a source's figures running clearly higher
        or lower than other sources' for the same quantity (and month, when dated;
        see :meth:`reliability`: enough figures compared, an interval clear of 1),
        that track-record sentence follows in the paragraphs of the groups it spoke on.

        Parameters
        ----------
        lang : str, default "en"
            Output language: ``"en"``, ``"fr"`` (tags such as ``"fr-FR"`` alike), or a
            language whose catalogue was added with
            ``estimates._i18n.register_catalogue``.
        by : str or list of str, default "quantity"
            Grouping column(s), as for :meth:`reconcile`.  Labels of several columns
            read "Russia, deaths".
        style : str or HouseStyle, optional
            House style: ``"ap"`` or ``"fr-press"`` (default: the language's own).
        %(selection_parameters)s
        strategy : str, default "median"
            Central-estimate strategy of the "central value" sentence (never printed
            between conflicting claims).
        weights : str, optional
            Weight column, for ``strategy="weighted"``.
        unit : str, optional
            Unit to describe every group in (default: each group's most common unit).
        compare_within : duration, int, "auto" or None, default "auto"
            Comparison window: claims are compared when stated within it of each
            other (31 days by default; ``None``: every source's latest claim).
        cumulative : bool or list of str, default False
            Quantities that are running totals.

        Returns
        -------
        pandas.Series
            One paragraph per group, named ``description``, indexed like
            :meth:`reconcile`; it prints whole sentences at the prompt.

        Raises
        ------
        LanguageError
            (a ``ParseError``, so a ``ValueError``) for a language without a catalogue.
        OptionError
            (a ``ValueError``) for an unknown style or one of another language.

        Examples
        --------
        >>> import estimates
        >>> claims = estimates.read_claims("tests/data/protest_paris.csv")
        >>> print(claims.describe().iloc[0])  # doctest: +NORMALIZE_WHITESPACE
        The six estimates of protesters in Paris range from 12,000 (Préfecture de police,
        8 March 2025) to more than 50,000 (CGT, 8 March 2025). The estimates split into
        two camps: 12,000 to 16,200 (Préfecture de police, AFP and Occurrence) against
        20,000 or more (BFMTV, Reuters and CGT). The furthest apart: more than 50,000
        (CGT) is more than four times 12,000 (Préfecture de police).
        """
        from .._present.sentences import describe

        return describe(
            self._frame,
            lang=lang,
            by=by,
            style=style,
            selection=_selection(locals()),
            comparison=Comparison(strategy, compare_within, cumulative, unit, weights),
            stacklevel=4,
        )

    @fill_doc
    def plot(
        self,
        kind: str = "range",
        quantity: Any = None,
        *,
        by: str | Sequence[str] = "quantity",
        ax: Any = None,
        lang: str = "en",
        per: str | None = None,
        freq: str = "M",
        selection: Selection | None = None,
        as_of: DateLike | None = None,
        window: str | pd.Timedelta | None = None,
        latest_per_source: bool = False,
        exclude_kinds: Sequence[str] | str = (),
        dedupe: bool = True,
        sources: SourceBook | None = None,
        strategy: str = "median",
        unit: str | None = None,
        compare_within: str | pd.Timedelta | int | None = "auto",
        cumulative: bool | Sequence[str] = False,
    ) -> Any:
        """A chart of the claims: a range strip or a timeline (matplotlib).

        Parameters
        ----------
        kind : {"range", "timeline"}
            ``"range"``: one row per claim (a dot for a single number, a bar for a
            stated range, a faded bar for a ceiling, an arrow for an open end) over the
            range every claim allows.  ``"timeline"``: the claims by date stated.
        quantity : str or tuple, optional
            The group to draw; default every group, one Axes each.
        by : str or list of str
            Grouping columns, as for :meth:`reconcile`.
        ax : matplotlib.axes.Axes, optional
            Draw one group into these Axes.
        lang : str
            Language of labels, numbers and dates ("en", "fr").
        per : {"claim", "source", "latest"}, optional
            Range strip rows: one per claim, per source, or each source's latest claim
            (default: per claim up to 30 claims, else latest, with a note of the rest).
        freq : {"D", "W", "M", "Q", "Y"}
            Period of the timeline's running envelope.
        %(selection_parameters)s
        strategy, unit, compare_within, cumulative
            How they are summarised, as for :meth:`reconcile`.

        Returns
        -------
        matplotlib.figure.Figure
        """
        from .._present import charts

        common: dict[str, Any] = {
            "by": by,
            "ax": ax,
            "lang": lang,
            "selection": _selection(locals()),
            "comparison": Comparison(strategy, compare_within, cumulative, unit),
        }
        if kind == "range":
            return charts.range_strip(self._frame, quantity, per=per, **common)
        if kind == "timeline":
            return charts.timeline_chart(self._frame, quantity, freq=freq, **common)
        raise OptionError("kind", kind, "'range' or 'timeline'")

    @fill_doc
    def report(
        self,
        path: PathLike | None = None,
        *,
        by: str | Sequence[str] = "quantity",
        lang: str = "en",
        title: str | None = None,
        charts: str | None = "svg",
        timeline: bool | None = None,
        max_pairs: int = 20,
        per: str | None = None,
        progress: bool = False,
        selection: Selection | None = None,
        as_of: DateLike | None = None,
        window: str | pd.Timedelta | None = None,
        latest_per_source: bool = False,
        exclude_kinds: Sequence[str] | str = (),
        dedupe: bool = True,
        sources: SourceBook | None = None,
        strategy: str = "median",
        unit: str | None = None,
        compare_within: str | pd.Timedelta | int | None = "auto",
        cumulative: bool | Sequence[str] = False,
    ) -> str:
        """One self-contained HTML report: per quantity its sentence, key figures,
        charts, claims and disagreements, then the methodology note.

        Parameters
        ----------
        path : str or path, optional
            Also write the page to this file (UTF-8).
        by : str or list of str
            Grouping columns, as for :meth:`reconcile`.
        lang : str
            Language of the page ("en", "fr"; "fr-FR" is "fr").
        title : str, optional
            The page title (default: "What the claims say", in ``lang``).
        charts : {"svg", "png", None}
            Inline SVG (default), PNG images, or no charts.
        timeline : bool, optional
            Add a timeline per quantity (default: when its claims span months).
        max_pairs : int
            Pairs in conflict listed per quantity, the widest gaps first.
        per : {"claim", "source", "latest"}, optional
            Range strip rows, as for :meth:`plot`.
        progress : bool
            A progress bar on a terminal (tqdm).
        %(selection_parameters)s
        strategy, unit, compare_within, cumulative
            How they are summarised, as for :meth:`reconcile`.

        Returns
        -------
        str
            The HTML document.
        """
        from .._present.html.report import report

        page = report(
            self._frame,
            by=by,
            lang=lang,
            title=title,
            charts=charts,
            timeline=timeline,
            max_pairs=max_pairs,
            per=per,
            progress=progress,
            selection=_selection(locals()),
            comparison=Comparison(strategy, compare_within, cumulative, unit),
        )
        if path is not None:
            Path(path).write_text(page, encoding="utf-8")
        return page

    @fill_doc
    def methodology(
        self,
        lang: str = "en",
        by: str | Sequence[str] = "quantity",
        *,
        format: str = "markdown",
        selection: Selection | None = None,
        as_of: DateLike | None = None,
        window: str | pd.Timedelta | None = None,
        latest_per_source: bool = False,
        exclude_kinds: Sequence[str] | str = (),
        dedupe: bool = True,
        sources: SourceBook | None = None,
        strategy: str = "median",
        unit: str | None = None,
        compare_within: str | pd.Timedelta | int | None = "auto",
    ) -> str:
        """A methodology note to publish under a chart or an article.

        Sections: scope, definitions, how figures were read (conventions profiles),
        comparison (time window, revisions), central estimate (strategy), sources,
        revisions and what was left out.  The note is built once as a document and
        describes the very :class:`~estimates.Selection` that was applied (its trace);
        every value from the data is escaped.

        Parameters
        ----------
        lang : str, default "en"
            Output language (``"en"``, ``"fr"``, tags such as ``"fr-FR"``, or a
            language with an added catalogue).
        by : str or list of str, default "quantity"
            Grouping column(s), as for :meth:`reconcile`.
        format : {"markdown", "html"}, default "markdown"
            Markdown (CommonMark with a GitHub table) or an HTML fragment.
        %(selection_parameters)s
        strategy : str, default "median"
            The central-estimate strategy to explain.
        unit : str, optional
            The unit every group is converted to, when one was asked for.
        compare_within : duration, int, "auto" or None, default "auto"
            The comparison window to explain (31 days by default).

        Returns
        -------
        str
            The note, in Markdown or HTML.

        Raises
        ------
        LanguageError
            (a ``ValueError``) for a language without a catalogue.
        FigureError
            (a ``ValueError``) for an unknown strategy or format.

        Examples
        --------
        >>> import estimates
        >>> claims = estimates.read_claims("tests/data/protest_paris.csv")
        >>> claims.methodology("fr").splitlines()[0]
        '# Méthodologie'
        >>> claims.methodology(format="html").splitlines()[0]
        '<h1>Methodology</h1>'
        """
        from .._present.methodology import methodology_document

        if format not in ("markdown", "html"):
            raise FigureError("format", format, "'markdown' or 'html'")
        doc = methodology_document(
            self._frame,
            lang=lang,
            by=by,
            selection=_selection(locals()),
            comparison=Comparison(strategy, compare_within, unit=unit),
        )
        return doc.to_markdown() if format == "markdown" else doc.to_html()

    @fill_doc
    def datawrapper(
        self,
        by: str | Sequence[str] = "quantity",
        *,
        lang: str = "en",
        chart: str = "range",
        spreadsheet: bool = True,
        selection: Selection | None = None,
        as_of: DateLike | None = None,
        window: str | pd.Timedelta | None = None,
        latest_per_source: bool = False,
        exclude_kinds: Sequence[str] | str = (),
        dedupe: bool = True,
        sources: SourceBook | None = None,
        unit: str | None = None,
        intro: bool = True,
    ) -> dict[Any, tuple[pd.DataFrame, dict[str, Any]]]:
        """One Datawrapper chart per quantity: its table and its metadata.

        Each table has a dated row per claim holding only the numbers its source stated
        (``from``/``to`` for a range, ``value`` for a single number, an open end for
        "more than" and "up to"; nothing for a vague word such as "thousands").  The
        command line writes the same with ``estimates export --datawrapper``.

        Parameters
        ----------
        by : str or list of str
            Column(s) that define a quantity; one chart per group.
        lang : {"en", "fr"}
            Language of the headers, the intro sentence and the dates.
        chart : {"range", "dot", "arrow"}
            Datawrapper chart type the metadata asks for.
        spreadsheet : bool
            Neutralise cells a spreadsheet would run as formulas (default ``True``).
        %(selection_parameters)s
        unit : str, optional
            Convert every figure to this unit first.
        intro : bool
            Put the group's sentence in the metadata's intro (default ``True``).

        Returns
        -------
        dict
            ``{quantity: (table, metadata)}``.

        Examples
        --------
        >>> import estimates
        >>> claims = estimates.read_claims("tests/data/protest_paris.csv")
        >>> charts = claims.datawrapper(lang="fr")
        >>> table, meta = charts["protesters in Paris"]
        >>> len(table) == len(claims)
        True
        """
        from .._present.export import datawrapper_charts

        return datawrapper_charts(
            self._frame,
            by=by,
            lang=lang,
            spreadsheet=spreadsheet,
            chart=chart,
            selection=_selection(locals()),
            unit=unit,
            intro=intro,
        )

    # ------------------------------------------------------------------ display
    def __repr__(self) -> str:
        from .._present.text import claims_text

        return claims_text(self._frame)

    def _repr_html_(self) -> str:
        """The table as HTML for Jupyter: a summary line and the first 50 claims (every
        value escaped; links only to plain ``http(s)`` URLs)."""
        from .._present.html import claims_html

        return claims_html(self._frame)


def forwarded(call: Mapping[str, Any], *positional: str) -> dict[str, Any]:
    """The keyword arguments of a call (its ``locals()``, taken first thing) to forward
    as they are: every argument but ``self``/``cls`` and the ``positional`` ones."""
    return {k: v for k, v in call.items() if k not in ("self", "cls", *positional)}


def _selection(call: Mapping[str, Any]) -> Selection:
    """The one :class:`Selection` of a method call, from its ``locals()``: its
    ``selection`` or its separate selection arguments (see ``selection_of``)."""
    return selection_of(call["selection"], **{k: call[k] for k in SELECTION_ARGS})


# ---------------------------------------------------------------------- rows <-> claims
def frame_of(claims: Claims) -> pd.DataFrame:
    """The claims frame of a table, not copied: for the package's engines, read-only."""
    return claims._frame


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
