"""From a user's table to a typed claims frame, column by column.

:func:`standardise` is the engine behind :func:`estimates.read_claims`: it renames the
user's columns, reads each one into its standard type (numbers, booleans, dates,
agents, figures written as text), checks the figure invariants, and collects every
failure by row and column.  All steps work on whole columns; a figure text is parsed
once per distinct (text, language) pair.

Every cell is read right, refused by row and column, or (``errors="flag"``) kept: a
flagged row keeps its figure columns empty, the reasons in ``error`` and every original
cell, verbatim, in ``input`` (a JSON object), so a flagged table written to CSV, JSON or
Parquet reads back as the same table.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, cast

import numpy as np
import pandas as pd

from .._model.claim import STATUS_CODES
from .._model.conventions import Conventions, get_conventions
from .._model.dates import EXPECTED as DATE_EXPECTED
from .._model.dates import parse_date_bounds
from .._model.errors import (
    ArgumentTypeError,
    EstimatesError,
    FigureError,
    ParseError,
    UnitError,
    ValidationError,
)
from .._model.hedges import HEDGE_CODES, Hedge
from .._model.missing import is_missing
from .._model.sources import join_agents
from .._model.units import canonical_unit, check_unit, conversion_factor, is_count
from .schema import (
    BY_NAME,
    COLUMNS,
    DATETIME,
    ERROR_COLUMN,
    INPUT_COLUMN,
    STANDARD,
    Column,
    dtype_of,
)
from .validation import Errors, Failures, check_figures, fmt_number, refuse_duplicate_columns

__all__ = ["MAPPABLE", "ReadOptions", "cast_standard", "standardise", "to_float"]

#: Fields a user may map their columns to (``read_claims(df, low="estimate_low")``).
MAPPABLE: tuple[str, ...] = (*STANDARD, "figure", "stated", "refers_to")

NaValues = Mapping[str, Sequence[object]] | Sequence[object] | None
Mapped = Mapping[str, str | Sequence[str]]

_TRUE = frozenset({"true", "t", "yes", "y", "1"})
_FALSE = frozenset({"false", "f", "no", "n", "0"})
_INF = {
    "inf": np.inf,
    "+inf": np.inf,
    "infinity": np.inf,
    "+infinity": np.inf,
    "-inf": -np.inf,
    "-infinity": -np.inf,
}
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_SPACED = re.compile(r"[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?")
_NONZERO_MANTISSA = re.compile(r"[^eE]*[1-9]")
_DATETIME_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?")
_NUMBER_EXPECTED = "a number such as 12000, 12,000, 1.5e6, inf or -inf"
#: Days a datetime64[ns] column holds (pandas' range, 1677-09-21 to 2262-04-11).
_FIRST_DAY = np.datetime64("1677-09-22")
_LAST_DAY = np.datetime64("2262-04-10")
_DATE_RANGE = "a date between 1677-09-22 and 2262-04-10 (the range of pandas dates)"
#: Hedges that need a given bound (an explicit hedge must agree with the numbers).
_NEEDS_HIGH = frozenset({Hedge.UP_TO.value, Hedge.AT_MOST.value, Hedge.LESS_THAN.value})
_NEEDS_LOW = frozenset({Hedge.AT_LEAST.value, Hedge.MORE_THAN.value})
#: Free text kept exactly as written (no stripping; an empty string stays one).
_VERBATIM = ("text", "note")
#: Hedges as small integers while a table is read: the position in ``HEDGE_CODES``,
#: -1 for none (``_HEDGE_OBJECTS[code]`` is the code's text, None for -1).
_HEDGE_INT = {h: i for i, h in enumerate(HEDGE_CODES)}
_HEDGE_OBJECTS = np.array([*HEDGE_CODES, None], dtype=object)
_HEDGE_DTYPE = cast(pd.CategoricalDtype, dtype_of(BY_NAME["hedge"]))
_STATUS_DTYPE = cast(pd.CategoricalDtype, dtype_of(BY_NAME["status"]))


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How :func:`standardise` reads a table (the options of ``read_claims``).

    Parameters
    ----------
    errors : {"raise", "flag"}
        Raise one :class:`ValidationError` listing every failure, or keep every row
        and explain failures in an ``error`` column.
    lang : str
        Language of figure texts in rows with no ``lang`` value (``"auto"``: detected
        per phrase by the parser).
    conventions : Conventions
        Profile used to read figure texts and hedges.
    date_format : str, optional
        ``strptime`` format of single-day dates that are not ISO (``"%d/%m/%Y"``).
    na_values : mapping or sequence, optional
        Sentinels meaning "missing" in numeric columns (``{"best": [-999]}``).
    line_offset : int, optional
        When the data came from a file, the file line of row 0 (reported as ``line``).
    """

    errors: Errors = "raise"
    lang: str = "en"
    conventions: Conventions = field(default_factory=lambda: get_conventions(None))
    date_format: str | None = None
    na_values: NaValues = None
    line_offset: int | None = None

    def na_for(self, name: str) -> list[object]:
        """The missing-value sentinels of one numeric field."""
        if self.na_values is None:
            return []
        if isinstance(self.na_values, Mapping):
            return list(self.na_values.get(name, ()))
        return list(self.na_values)


class _Input:
    """The user's table seen through the field mapping."""

    def __init__(self, data: pd.DataFrame, mapping: Mapped) -> None:
        self.data = data
        self.mapping = dict(mapping)
        self.index = data.index
        self.n = len(data)
        self._missing: pd.api.extensions.ExtensionArray | None = None

    def get(self, name: str) -> pd.Series | None:
        """The column for a field (several columns joined by a space), or None."""
        mapped = self.mapping.get(name, name)
        if isinstance(mapped, list | tuple):
            parts = [_text(self._column(c)) for c in mapped]
            out = parts[0]
            for p in parts[1:]:
                out = out + " " + p
            return out
        return self._column(mapped) if mapped in self.data.columns else None

    def _column(self, name: object) -> pd.Series:
        return self.data[name]

    def name(self, name: str) -> str:
        """The user's name for a field (for messages)."""
        mapped = self.mapping.get(name, name)
        return " + ".join(mapped) if isinstance(mapped, list | tuple) else str(mapped)

    def columns_text(self) -> str:
        return str(list(map(str, self.data.columns)))

    def missing_strings(self) -> pd.Series:
        if self._missing is None:  # one array for every such column (never written to)
            self._missing = _strings([None], np.full(self.n, -1, dtype=np.intp), self.index).array
        return pd.Series(self._missing, index=self.index, copy=False)

    def constant_strings(self, value: str) -> pd.Series:
        return _strings([value], np.zeros(self.n, dtype=np.intp), self.index)


def standardise(
    data: pd.DataFrame,
    *,
    errors: Errors = "raise",
    lang: str = "en",
    conventions: str | Conventions | None = None,
    date_format: str | None = None,
    na_values: NaValues = None,
    mapping: Mapped | None = None,
    line_offset: int | None = None,
) -> pd.DataFrame:
    """Return the typed claims frame for ``data`` (never modified).

    Parameters
    ----------
    data : pandas.DataFrame
        The user's table.
    errors, lang, conventions, date_format, na_values, line_offset
        See :class:`ReadOptions`.
    mapping : mapping
        Standard field -> the user's column name.  ``quantity`` may name several
        columns, joined with a space.
    """
    opts = ReadOptions(
        errors=errors,
        lang=lang,
        conventions=get_conventions(conventions),
        date_format=date_format,
        na_values=na_values,
        line_offset=line_offset,
    )
    _check_columns(data, dict(mapping or {}))
    carried = _carried_rows(data)
    src = _Input(
        data.drop(columns=[ERROR_COLUMN, INPUT_COLUMN]) if carried is not None else data,
        mapping or {},
    )
    ids = src.get("id")
    failures = Failures(src.index, None if ids is None else _text(ids).to_numpy(object))
    out: dict[str, Any] = {}
    out["quantity"] = _read_quantity(src, failures)
    langs = src.get("lang")
    out["lang"] = (
        _text(langs).fillna(opts.lang) if langs is not None else src.constant_strings(opts.lang)
    )
    figures = _read_figures(src, failures, opts, out["lang"])
    literal = figures.pop("literal")
    out.update(figures)
    out.update(_read_people_and_notes(src, failures))
    out.update(_read_dates(src, failures, opts))
    out["status"] = _read_status(src, failures)
    _refuse_nul(src, failures, out, opts.lang)
    frame = _standard_frame(out, src.index)
    _add_extras(frame, src)
    return _finish(frame, failures, opts, data=data, carried=carried, literal=literal)


# ---------------------------------------------------------------------- table level
def _table_error(column: str, expected: str, value: object = None) -> ValidationError:
    return ValidationError(
        pd.DataFrame([{"row": None, "column": column, "value": value, "expected": expected}])
    )


def _check_columns(data: pd.DataFrame, mapping: Mapping[str, Any]) -> None:
    """Refuse unknown fields, duplicated headers and mapped columns that do not exist."""
    unknown = sorted(set(mapping) - set(MAPPABLE))
    if unknown:
        raise ArgumentTypeError(
            ", ".join(unknown),
            mapping[unknown[0]],
            f"a known field (unknown field {', '.join(unknown)}): map your columns to one "
            f"of {', '.join(MAPPABLE)}",
        )
    refuse_duplicate_columns(list(data.columns))
    missing = [
        (name, c)
        for name, mapped in mapping.items()
        for c in (mapped if isinstance(mapped, list | tuple) else [mapped])
        if c not in data.columns
    ]
    if missing:
        raise ValidationError(
            pd.DataFrame(
                [
                    {
                        "row": None,
                        "column": str(c),
                        "value": None,
                        "expected": f"a column of the input for {name}= "
                        f"(columns are {list(map(str, data.columns))})",
                    }
                    for name, c in missing
                ]
            )
        )


def _carried_rows(data: pd.DataFrame) -> np.ndarray | None:
    """Rows flagged by an earlier ``errors="flag"`` read (a flagged table read back)."""
    if ERROR_COLUMN not in data.columns or INPUT_COLUMN not in data.columns:
        return None
    return np.asarray(data[ERROR_COLUMN].notna().to_numpy(), dtype=bool)


def _separator_hint(src: _Input) -> str:
    cols = [str(c) for c in src.data.columns]
    if len(cols) == 1:
        for sep in (";", "\t", "|"):
            if sep in cols[0]:
                return f"; the file looks separated by {sep!r}: pass sep={sep!r}"
    return ""


def _read_quantity(src: _Input, failures: Failures) -> pd.Series:
    q = src.get("quantity")
    if q is None:
        raise _table_error(
            "quantity",
            "a 'quantity' column (or quantity='your column'): what is measured; "
            f"columns are {src.columns_text()}{_separator_hint(src)}",
        )
    quantity = _text(q)
    failures.add(quantity.isna().to_numpy(), src.name("quantity"), q, "a non-empty quantity key")
    return quantity


def _read_people_and_notes(src: _Input, failures: Failures) -> dict[str, pd.Series]:
    out: dict[str, pd.Series] = {}
    for name in ("source", "reported_by", "original_source", "url", "note", "id"):
        c = src.get(name)
        if c is None:
            out[name] = src.missing_strings()
        elif name == "source":
            out[name] = _agents(c, failures, src.name(name))
        else:
            out[name] = _text(c, strip=name not in _VERBATIM)
    return out


def _read_status(src: _Input, failures: Failures) -> pd.Series:
    st = src.get("status")
    if st is None:
        codes = np.full(src.n, STATUS_CODES.index("claimed"), dtype=np.int8)
        return pd.Series(pd.Categorical.from_codes(codes, dtype=_STATUS_DTYPE), index=src.index)
    # each distinct cell looked up once, then spread over the rows by its code
    codes, uniques = factorize_text(_text(st).str.lower())
    known = np.append(pd.Index(STATUS_CODES).get_indexer(pd.Index(uniques, dtype=object)), -2)
    found = known[codes]  # -1: not a status; -2: blank
    bad = found == -1
    failures.add(bad, src.name("status"), st, "one of " + ", ".join(STATUS_CODES))
    found = np.where(found >= 0, found, STATUS_CODES.index("claimed")).astype(np.int8)
    return pd.Series(pd.Categorical.from_codes(found, dtype=_STATUS_DTYPE), index=src.index)


def _refuse_nul(src: _Input, failures: Failures, out: Mapping[str, Any], lang: str) -> None:
    for name in _TEXT_FIELDS:
        given = src.get(name) is not None or (name == "text" and src.get("figure") is not None)
        if not given and (name != "lang" or "\x00" not in lang):
            continue  # no such column: all missing, or lang= (or the detected language)
        values = pd.Series(out[name], index=src.index).astype("string")
        if not _may_hold_nul(values):
            continue
        has_nul = values.str.contains("\x00", regex=False).fillna(False).to_numpy(dtype=bool)
        label = "figure" if name == "text" and src.get("figure") is not None else name
        failures.add(has_nul, src.name(label), values, "text without NUL characters")


def _may_hold_nul(values: pd.Series) -> bool:
    """Whether a cell of a text column (a string dtype, or str objects) may hold a NUL.

    One pass over the bytes behind pyarrow-backed text (UTF-8 writes no other character
    with a zero byte), or over the cells joined; the check by row runs only where this
    says True.
    """
    if getattr(values.dtype, "storage", None) != "pyarrow":
        return "\x00" in "".join(values.to_numpy(dtype=object, na_value=""))
    import pyarrow as pa

    for chunk in values.array.__arrow_array__().chunks:
        if not (pa.types.is_string(chunk.type) or pa.types.is_large_string(chunk.type)):
            return True
        _, offsets, data = chunk.buffers()
        if data is None or not len(chunk):
            continue
        width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
        ends = np.frombuffer(offsets, dtype=width)[chunk.offset : chunk.offset + len(chunk) + 1]
        if not np.frombuffer(data, dtype=np.uint8)[ends[0] : ends[-1]].all():
            return True
    return False


_TEXT_FIELDS = (
    "quantity",
    "text",
    "source",
    "reported_by",
    "original_source",
    "url",
    "note",
    "id",
    "lang",
)


def _add_extras(frame: pd.DataFrame, src: _Input) -> None:
    """Carry the user's other columns, after the standard ones.

    Columns renamed to a field are consumed; columns combined into one (quantity from
    country and type) stay, since users group by them too.
    """
    used = {v for v in src.mapping.values() if not isinstance(v, list | tuple)}
    used |= {f for f in MAPPABLE if f not in src.mapping and f in src.data.columns}
    extras = [c for c in src.data.columns if c not in used]
    clash = [c for c in extras if c in STANDARD or c in (ERROR_COLUMN, INPUT_COLUMN)]
    if clash:
        raise ValidationError(
            pd.DataFrame(
                [
                    {
                        "row": None,
                        "column": str(c),
                        "value": None,
                        "expected": f"no column named {c!r} besides the one mapped to it "
                        "(rename it)",
                    }
                    for c in clash
                ]
            )
        )
    for c in extras:
        v = src.data[c]
        frame[c] = v.to_numpy() if not isinstance(v.dtype, pd.CategoricalDtype) else v.copy()


def _finish(
    frame: pd.DataFrame,
    failures: Failures,
    opts: ReadOptions,
    *,
    data: pd.DataFrame,
    carried: np.ndarray | None,
    literal: Mapping[str, Any],
) -> pd.DataFrame:
    """Raise the failures, or flag their rows keeping every original cell.

    A flagged row's figure holds only what its cells say (nothing inferred from a
    half-read row: ``low="x", high=30`` keeps ``high`` 30 and no hedge), and its cells as
    written go to ``original_cells``.
    """
    if carried is not None:
        failures.forget(carried)
        if opts.errors == "raise" and carried.any():
            failures.add(
                carried,
                ERROR_COLUMN,
                data[ERROR_COLUMN],
                "a valid row: this one was flagged when first read (its cells are in "
                f"{INPUT_COLUMN!r}); fix them, or read with errors='flag'",
            )
    if opts.errors == "raise":
        if failures:
            f = failures.frame()
            if opts.line_offset is not None:
                f.insert(1, "line", f["row"].astype("int64") + opts.line_offset)
            raise ValidationError(f)
        return frame
    reasons = failures.reasons()
    cells = np.full(len(frame), None, dtype=object)
    flagged = failures.bad.copy()
    if flagged.any():
        cells[flagged] = _raw_cells(data, flagged)
    if carried is not None and carried.any():
        reasons[carried] = data[ERROR_COLUMN].to_numpy(dtype=object)[carried]
        cells[carried] = data[INPUT_COLUMN].to_numpy(dtype=object)[carried]
        flagged |= carried
    _literal_figures(frame, flagged, literal)
    frame[ERROR_COLUMN] = pd.Series(reasons, index=frame.index, dtype=object).astype("string")
    frame[INPUT_COLUMN] = pd.Series(cells, index=frame.index, dtype=object).astype("string")
    return frame


def _literal_figures(frame: pd.DataFrame, rows: np.ndarray, literal: Mapping[str, Any]) -> None:
    """Give flagged rows the figure their cells state, with nothing inferred.

    ``literal`` holds the numbers as read and the hedge as given (a categorical of the
    hedge codes, missing where the row states none).
    """
    if not rows.any():
        return
    for name in ("low", "high", "best"):
        frame[name] = np.where(rows, literal[name], frame[name].to_numpy())
    codes = np.where(rows, literal["hedge"].codes, frame["hedge"].cat.codes.to_numpy())
    frame["hedge"] = pd.Categorical.from_codes(codes, dtype=_HEDGE_DTYPE)


def _raw_cells(data: pd.DataFrame, rows: np.ndarray) -> list[str]:
    """Each flagged row's cells, verbatim, as a JSON object (column -> cell)."""
    cols = [str(c) for c in data.columns]
    sub = data.iloc[np.flatnonzero(rows)]
    return [
        json.dumps(
            {c: _cell_json(v) for c, v in zip(cols, row, strict=True)},
            ensure_ascii=False,
            allow_nan=False,
        )
        for row in sub.itertuples(index=False, name=None)
    ]


def _none_where(mask: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``values`` as objects, with None where ``mask`` holds."""
    out = np.asarray(values, dtype=object).copy()
    out[np.asarray(mask, dtype=bool)] = None
    return out


def _cell_json(v: Any) -> Any:
    if isinstance(v, str):
        return v
    if is_missing(v):
        return None
    if isinstance(v, bool | np.bool_):
        return bool(v)
    if isinstance(v, int | np.integer):
        return int(v)
    if isinstance(v, float | np.floating):
        f = float(v)
        return f if np.isfinite(f) else ("inf" if f > 0 else "-inf")
    if isinstance(v, pd.Timestamp):
        return v.isoformat()
    return str(v)


# ---------------------------------------------------------------------- text cells
def _text(s: pd.Series, *, strip: bool = True) -> pd.Series:
    """A string column: strings kept, numbers written out, missing as NA.

    With ``strip`` (keys, names, codes) surrounding blanks go and a blank cell is
    missing; without it (free text) the cell is kept exactly as written, spaces and line
    breaks included.  An empty cell is missing either way (a CSV file cannot tell an
    empty cell from a missing one, so every format reads it the same).

    Text held as Python objects (an object column of strings, pandas' "python" string
    storage) or as categories (Parquet's dictionary-encoded text) is read once per
    distinct cell, then spread over the rows.
    """
    if isinstance(s.dtype, pd.CategoricalDtype) or _python_text(s):
        codes, uniques = _distinct_cells(s)
        if len(uniques):
            distinct = pd.Series(np.asarray(uniques, dtype=object), dtype=object, name=s.name)
            try:
                cells = _text_cells(distinct, strip=strip)
            except ValidationError:  # the rows are named from the whole column
                return _text_cells(s, strip=strip)
            return pd.Series(cells.array.take(codes, allow_fill=True), index=s.index, name=s.name)
    return _text_cells(s, strip=strip)


def _distinct_cells(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Each row's position among the distinct cells of ``s`` (-1: missing), and those
    cells: a categorical column's own codes and categories (no hashing of the rows)."""
    if isinstance(s.dtype, pd.CategoricalDtype):
        return s.cat.codes.to_numpy(), np.asarray(s.cat.categories, dtype=object)
    return factorize_text(s)


def factorize_text(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize`` of a text column (-1 for missing; the distinct cells as objects),
    exact for cells that hold a NUL character.

    Text held as Python strings is factorized with a missing cell appended: on a column
    of strings only, pandas 2 hashes C strings, which end at a NUL ('km' and
    'km\\x00zz' as one cell).
    """
    if getattr(values.dtype, "storage", None) == "pyarrow":
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        return codes, np.asarray(uniques, dtype=object)
    cells = np.append(values.to_numpy(dtype=object), np.array([None], dtype=object))
    with_missing, distinct = pd.factorize(cells, use_na_sentinel=True)
    return with_missing[:-1], np.asarray(distinct, dtype=object)


def distinct_text(values: pd.Series) -> np.ndarray:
    """The distinct cells of a text column, missing left out (see :func:`factorize_text`)."""
    if getattr(values.dtype, "storage", None) == "pyarrow":
        return np.asarray(values.dropna().unique(), dtype=object)
    return factorize_text(values)[1]


def _python_text(s: pd.Series) -> bool:
    """Whether ``s`` holds its text as Python strings (an object column of strings, or
    pandas' "python" string storage)."""
    if s.dtype == object:
        return pd.api.types.infer_dtype(s, skipna=True) == "string"
    return bool(s.dtype == pd.StringDtype("python"))


def _text_cells(s: pd.Series, *, strip: bool) -> pd.Series:
    """:func:`_text`, cell by cell."""
    if isinstance(s.dtype, pd.StringDtype):
        t = s
    else:
        obj = s.astype(object)
        if pd.api.types.infer_dtype(obj, skipna=True) in ("string", "empty"):
            isnum = pd.Series(False, index=obj.index)
        else:  # mixed cells (records, JSON): write numbers out, one by one
            isnum = obj.map(
                lambda v: (
                    isinstance(v, int | float | np.integer | np.floating)
                    and not isinstance(v, bool)
                )
            )
        if isnum.any():
            obj = obj.where(~isnum, obj.map(_num_text))
        try:
            t = obj.astype("string")
            if getattr(t.dtype, "storage", None) == "python":  # pyarrow has checked already
                # One lone surrogate anywhere fails the encoding of the cells joined.
                "".join(t.to_numpy(dtype=object, na_value="")).encode("utf-8")
        except UnicodeEncodeError:
            bad = obj.map(lambda v: isinstance(v, str) and _not_unicode(v)).to_numpy(bool)
            raise ValidationError(
                pd.DataFrame(
                    {
                        "row": s.index[bad],
                        "column": str(s.name),
                        "value": obj[bad].map(ascii),
                        "expected": "valid Unicode text (no lone surrogate code points)",
                    }
                )
            ) from None
    if strip:
        t = t.str.strip()
    empty = t == ""
    return t.mask(empty) if empty.any() else t


def _not_unicode(v: str) -> bool:
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _num_text(v: Any) -> Any:
    if is_missing(v):
        return None
    if isinstance(v, float | np.floating) and float(v).is_integer():
        return str(int(v))
    return str(v)


def _agents(s: pd.Series, failures: Failures, name: str) -> pd.Series:
    """The ``source`` column: each distinct cell's agents joined once (:func:`join_agents`)."""
    if isinstance(s.dtype, pd.StringDtype) and all(
        _joined_or_none(str(u)) == (u,) for u in distinct_text(s)
    ):  # every cell is written as joined (so stripped, and not empty): kept as it is
        return s.astype("string")
    t = _text(s)
    codes, uniques = factorize_text(t)
    cells = np.full(len(uniques) + 1, None, dtype=object)  # the last: missing cells (-1)
    bad = np.zeros(len(uniques) + 1, dtype=bool)
    for i, u in enumerate(uniques):
        j = _joined_or_none(str(u))
        bad[i] = j is None
        cells[i] = None if j is None else j[0]
    failures.add(
        bad[codes],
        name,
        s,
        "agent names separated by ';' (a name cannot hold ';')",
    )
    return _strings(cells, codes, s.index)


def _joined_or_none(cell: str) -> tuple[str | None] | None:
    """``(join_agents(cell),)``, or None when the cell cannot be split into agents."""
    try:
        return (join_agents(cell),)
    except FigureError:
        return None


def _strings(
    uniques: Sequence[object] | np.ndarray, codes: np.ndarray, index: pd.Index
) -> pd.Series:
    """A string column from its distinct values and each row's position among them.

    A position of -1 is a missing cell; ``uniques`` may hold None (missing) too.
    """
    if not len(uniques):
        uniques = [None]
    values = pd.array(np.asarray(uniques, dtype=object), dtype="string")
    return pd.Series(values.take(codes, allow_fill=True), index=index)


# ---------------------------------------------------------------------- numbers
def to_float(s: pd.Series, failures: Failures, name: str, na: Sequence[object] = ()) -> np.ndarray:
    """Read a numeric column strictly: numbers, grouped digits, inf; blanks are NaN.

    A written number too large or too small for a float (``1e400``, ``1e-400``) is
    refused, naming the cell as written, never stored as ``inf`` or ``0``.
    """
    if pd.api.types.is_bool_dtype(s.dtype):
        failures.add(np.ones(len(s), dtype=bool), name, s, _NUMBER_EXPECTED)
        return np.full(len(s), np.nan)
    if pd.api.types.is_numeric_dtype(s.dtype):
        x = s.to_numpy(dtype="float64", na_value=np.nan)
    else:
        obj = s.astype(object)
        big = np.zeros(len(s), dtype=bool)
        if pd.api.types.infer_dtype(obj, skipna=True) not in ("string", "empty"):
            big = obj.map(_too_big_int).to_numpy(dtype=bool)  # Python ints from records
        t = _text(s)
        lowered = t.str.lower()
        inf = lowered.map(_INF).astype("float64")
        plain = t.where(inf.isna())
        grouped = plain.str.fullmatch(_GROUPED.pattern).fillna(False).astype(bool)
        spaced = plain.str.fullmatch(_SPACED.pattern).fillna(False).astype(bool)
        cleaned = plain.where(~grouped, plain.str.replace(",", "", regex=False))
        cleaned = cleaned.where(
            ~spaced,
            cleaned.str.replace(r"[ \u00a0\u202f]", "", regex=True).str.replace(
                ",", ".", regex=False
            ),
        )
        num = _exact_floats(cleaned.astype(object).to_numpy())
        x = np.where(inf.notna().to_numpy(), inf.to_numpy(), num)
        bad = t.notna().to_numpy() & np.isnan(x)
        failures.add(bad, name, s, _NUMBER_EXPECTED)
        overflow = (np.isinf(num) & inf.isna().to_numpy()) | big
        failures.add(
            overflow & ~bad,
            name,
            s,
            "a number a float can hold (at most about 1.8e308; write inf for no bound)",
        )
        underflow = np.zeros(len(s), dtype=bool)
        zero = num == 0
        if zero.any():  # '1e-400' reads as 0: a written non-zero digit says otherwise
            underflow[zero] = (
                cleaned[zero].str.match(_NONZERO_MANTISSA.pattern).fillna(False).to_numpy(bool)
            )
        failures.add(
            underflow, name, s, "a number a float can hold (this one is too small: it reads as 0)"
        )
        x = np.where(overflow | underflow, np.nan, x)
    if na:
        x = np.where(np.isin(x, np.asarray(list(na), dtype="float64")), np.nan, x)
    return np.asarray(x, dtype="float64")


def _too_big_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and abs(v) > 2**1023


def _exact_floats(cells: np.ndarray) -> np.ndarray:
    """Strings to floats with Python's exact (round-trip) parsing; NaN where unreadable.

    (``pd.to_numeric`` may round the last digit on pandas 2.)
    """
    cells = _none_where(pd.isna(cells), cells)
    try:
        return np.asarray(cells, dtype="float64")
    except (ValueError, TypeError, OverflowError):
        out = np.full(len(cells), np.nan)
        for i, v in enumerate(cells):  # only on the error path: find the bad cells
            if v is None:
                continue
            try:
                out[i] = float(v)
            except (ValueError, TypeError, OverflowError):
                out[i] = np.nan
        return out


def _to_bool(s: pd.Series, failures: Failures, name: str) -> np.ndarray:
    """Read a boolean column strictly: 1 (true), 0 (false) or -1 (missing)."""
    if pd.api.types.is_bool_dtype(s.dtype) and not s.isna().any():
        return s.to_numpy(dtype=bool).astype("int8")
    t = _text(s).str.lower()
    true = t.isin(_TRUE).to_numpy()
    false = t.isin(_FALSE).to_numpy()
    bad = t.notna().to_numpy() & ~true & ~false
    failures.add(bad, name, s, "True or False")
    return np.where(true, 1, np.where(false, 0, -1)).astype("int8")


def _flag_column(src: _Input, failures: Failures, name: str, default: np.ndarray) -> np.ndarray:
    """A boolean column (``low_closed``, ``ambiguous`` ...); ``default`` where blank."""
    c = src.get(name)
    if c is None:
        return default
    v = _to_bool(c, failures, src.name(name))
    return np.where(v == -1, default, v == 1)


# ---------------------------------------------------------------------- figures
def _read_figures(
    src: _Input, failures: Failures, opts: ReadOptions, langs: pd.Series
) -> dict[str, Any]:
    figure = src.get("figure")
    text_src = figure if figure is not None else src.get("text")
    text_name = src.name("figure" if figure is not None else "text")
    numeric = any(src.get(f) is not None for f in ("low", "high", "best"))
    unit_col = src.get("unit")
    units = _units(unit_col, failures, src.name("unit"), src.n)
    if numeric:
        fig = _figures_from_numbers(src, failures, opts, units)
        if figure is not None:
            _check_text_agrees(_text(figure), langs, opts, failures, text_name, fig)
    elif text_src is not None:
        fig = _figures_from_text(_text(text_src), langs, opts, failures, text_name)
        fig.update(
            _with_unit_column(fig["unit"], units.per_row(), unit_col, failures, src.name("unit"))
        )
    else:
        raise _table_error(
            "figure",
            "a 'figure' column of texts ('up to 12,000') or numbers in low/high/best "
            f"columns; columns are {src.columns_text()}{_separator_hint(src)}",
        )
    fig["text"] = _text(text_src, strip=False) if text_src is not None else src.missing_strings()
    fig["lang"] = _detected_langs(langs, _text(text_src) if text_src is not None else None)
    return fig


def _detected_langs(langs: pd.Series, text: pd.Series | None) -> pd.Series:
    """Rows read with ``lang="auto"`` get the language their figure text shows."""
    auto = (langs == "auto").fillna(False).to_numpy(dtype=bool)
    if not auto.any():
        return langs
    from .._parsing.parser import detect_lang

    cells = text if text is not None else pd.Series(pd.NA, index=langs.index, dtype="string")
    codes, uniques = factorize_text(cells.where(pd.Series(auto, index=langs.index)))
    found = np.array([detect_lang(str(u)) for u in uniques] + ["en"], dtype=object)
    detected = found[np.where(codes >= 0, codes, len(uniques))]
    return langs.where(~auto, pd.Series(detected, index=langs.index, dtype="string"))


def _figures_from_numbers(
    src: _Input, failures: Failures, opts: ReadOptions, unit: _Units
) -> dict[str, Any]:
    n, before = src.n, failures.bad.copy()
    nums: dict[str, np.ndarray] = {}
    shown: dict[str, Any] = {}  # the cells as written, for messages
    for name in ("low", "high", "best"):
        c = src.get(name)
        nums[name] = (
            to_float(c, failures, src.name(name), opts.na_for(name))
            if c is not None
            else np.full(n, np.nan)
        )
        shown[name] = c if c is not None else nums[name]
    low, high, best = nums["low"], nums["high"], nums["best"]
    names = {f: src.name(f) for f in ("low", "high", "best", "low_closed", "high_closed")}
    floor = _floor_per_row(unit, opts.conventions)
    has_lo, has_hi, has_b = ~np.isnan(low), ~np.isnan(high), ~np.isnan(best)
    hedge = _read_hedges(src, failures)
    explicit = hedge >= 0
    none = ~has_lo & ~has_hi & ~has_b
    failures.add(
        none & ~failures.bad, names["low"], None, "a figure: a number in low, high or best"
    )
    _check_hedge_bounds(src, failures, hedge, has_lo=has_lo, has_hi=has_hi, has_b=has_b)
    # Inference from which numbers are present (documented in read_claims).
    only_low = has_lo & ~has_hi
    only_high = ~has_lo & has_hi
    both = has_lo & has_hi
    only_best = ~has_lo & ~has_hi & has_b
    point = both & (low == high) & (~has_b | (best == low))
    exact = _HEDGE_INT[Hedge.EXACT.value]
    inferred = np.select(
        [only_low, only_high, both & ~point],
        [
            _HEDGE_INT[Hedge.AT_LEAST.value],
            _HEDGE_INT[Hedge.UP_TO.value],
            _HEDGE_INT[Hedge.RANGE.value],
        ],
        exact,
    )
    hedge = np.where(explicit, hedge, inferred).astype(np.int8)
    filled_low = only_high  # a ceiling starts at the unit's floor
    low = np.where(only_best, best, np.where(only_high, floor, low))
    high = np.where(only_best, best, np.where(only_low, np.inf, high))
    # A point's best value is the point, unless an explicit hedge says the figure has
    # none ("up to 0" is a ceiling that happens to be 0, not an exact 0).
    states_best = ~explicit | (hedge == exact) | (hedge == _HEDGE_INT[Hedge.APPROX.value])
    best = np.where(point & ~has_b & states_best, low, best)
    lc = _flag_column(src, failures, "low_closed", np.isfinite(low))
    hc = _flag_column(src, failures, "high_closed", np.isfinite(high))
    if src.get("low_closed") is None:
        lc = np.where(hedge == _HEDGE_INT[Hedge.MORE_THAN.value], False, lc)
    if src.get("high_closed") is None:
        hc = np.where(hedge == _HEDGE_INT[Hedge.LESS_THAN.value], False, hc)
    # Rows whose numbers could not be read are not checked further (one message each).
    live = ~(failures.bad & ~before) & ~none
    with np.errstate(invalid="ignore"):
        below_floor = live & filled_low & (high < low)
    failures.add(
        below_floor,
        names["high"],
        shown["high"],
        lambda pos: [
            f"a number >= {fmt_number(low[p])}: a figure given only by its high bound starts at "
            f"{fmt_number(low[p])} (give {names['low']} for another start)"
            for p in pos
        ],
    )
    live &= ~below_floor
    check_figures(failures, low, high, lc, hc, best, rows=live.copy(), names=names, shown=shown)
    _check_counts(failures, nums, unit, names, shown, live)
    profile = src.get("profile")
    return {
        "literal": {
            "low": nums["low"],
            "high": nums["high"],
            "best": nums["best"],
            "hedge": pd.Categorical.from_codes(np.where(explicit, hedge, -1), dtype=_HEDGE_DTYPE),
        },
        "low": low,
        "high": high,
        "low_closed": lc,
        "high_closed": hc,
        "best": best,
        "hedge": pd.Categorical.from_codes(hedge, dtype=_HEDGE_DTYPE),
        "unit": _strings(unit.canon, unit.codes, src.index),
        "profile": (
            _text(profile).fillna(opts.conventions.name)
            if profile is not None
            else src.constant_strings(opts.conventions.name)
        ),
        "ambiguous": _flag_column(src, failures, "ambiguous", np.zeros(n, dtype=bool)),
    }


def _read_hedges(src: _Input, failures: Failures) -> np.ndarray:
    """The ``hedge`` column as positions in ``HEDGE_CODES`` (-1 where blank or absent)."""
    c = src.get("hedge")
    if c is None:
        return np.full(src.n, -1, dtype=np.int8)
    h = _text(c).str.lower()
    codes, uniques = factorize_text(h)
    known = pd.Index(HEDGE_CODES).get_indexer(pd.Index(np.asarray(uniques, dtype=object)))
    hedge = np.append(known, -1).astype(np.int8)[codes]
    bad = (codes >= 0) & (hedge < 0)
    failures.add(bad, src.name("hedge"), c, "a hedge code: " + ", ".join(HEDGE_CODES))
    return hedge


def _check_hedge_bounds(
    src: _Input,
    failures: Failures,
    hedge: np.ndarray,
    *,
    has_lo: np.ndarray,
    has_hi: np.ndarray,
    has_b: np.ndarray,
) -> None:
    """An explicit hedge (codes from :func:`_read_hedges`) must agree with the numbers
    given (``at_most`` needs a high)."""

    def among(codes: Iterable[str]) -> np.ndarray:
        return np.isin(hedge, [_HEDGE_INT[c] for c in codes])

    ceiling = among(_NEEDS_HIGH) & ~has_hi
    floor = among(_NEEDS_LOW) & ~has_lo
    rng = among([Hedge.RANGE.value]) & ~(has_lo & has_hi)
    point = among([Hedge.EXACT.value, Hedge.APPROX.value]) & ~has_b & ~(has_lo & has_hi)
    if not (ceiling | floor | rng | point).any():
        return
    h = _HEDGE_OBJECTS[hedge]
    name = src.name("hedge")
    failures.add(
        ceiling & ~failures.bad,
        name,
        h,
        f"a hedge that matches the numbers: a ceiling needs a value in {src.name('high')}",
    )
    failures.add(
        floor & ~failures.bad,
        name,
        h,
        f"a hedge that matches the numbers: a floor needs a value in {src.name('low')}",
    )
    failures.add(
        rng & ~failures.bad,
        name,
        h,
        f"a hedge that matches the numbers: a range needs both {src.name('low')} "
        f"and {src.name('high')}",
    )
    failures.add(
        point & ~failures.bad,
        name,
        h,
        f"a hedge that matches the numbers: a value in {src.name('best')}, or "
        f"both {src.name('low')} and {src.name('high')}",
    )


class _Units(NamedTuple):
    """Each row's canonical unit: ``canon[codes]`` ("" for none)."""

    codes: np.ndarray
    canon: np.ndarray

    def per_row(self) -> np.ndarray:
        return np.asarray(self.canon[self.codes], dtype=object)


def _units(units_given: pd.Series | None, failures: Failures, name: str, n: int) -> _Units:
    """Canonical units, once per distinct cell; unknown units are failures."""
    if units_given is None:
        return _Units(np.zeros(n, dtype=np.intp), np.array([""], dtype=object))
    text = _text(units_given)
    codes, uniques = factorize_text(text)
    canon = np.empty(len(uniques) + 1, dtype=object)
    bad_u = np.zeros(len(uniques) + 1, dtype=bool)
    canon[-1] = ""
    for i, u in enumerate(uniques):
        c = canonical_unit(str(u))
        if c is None:
            try:
                check_unit(str(u))
                c = str(u)
            except UnitError:
                bad_u[i] = True
                c = ""
        canon[i] = c
    idx = np.where(codes >= 0, codes, len(uniques))
    failures.add(
        bad_u[idx],
        name,
        units_given,
        "a known unit: a count noun such as 'soldier' or a unit pint knows",
    )
    return _Units(idx, canon)


def _floor_per_row(unit: _Units, conv: Conventions) -> np.ndarray:
    floors = np.array([conv.lower_limit(str(u)) for u in unit.canon], dtype="float64")
    return floors[unit.codes]


def _check_counts(
    failures: Failures,
    nums: Mapping[str, np.ndarray],
    unit: _Units,
    names: Mapping[str, str],
    shown: Mapping[str, Any],
    live: np.ndarray,
) -> None:
    """Counts are never negative; blame the column that holds the negative number."""
    count = np.array([is_count(str(u)) for u in unit.canon], dtype=bool)[unit.codes]
    expected = "a count >= 0 (a negative number is often a missing-value code: pass na_values=)"
    blamed = np.zeros(len(unit.codes), dtype=bool)
    with np.errstate(invalid="ignore"):
        for name in ("low", "best", "high"):
            neg = live & count & ~blamed & (nums[name] < 0)
            failures.add(neg, names[name], shown[name], expected)
            blamed |= neg


def _parse_texts(
    text: pd.Series, langs: pd.Series, conv: Conventions
) -> tuple[dict[str, Any], np.ndarray]:
    """Parse each distinct (text, language) once: figure fields per row, and reasons."""
    from .._parsing.parser import parse

    t_codes, t_uniques = factorize_text(text)
    l_codes, l_uniques = factorize_text(langs)
    width = len(l_uniques) + 1
    codes, keys = pd.factorize((t_codes + 1) * width + (l_codes + 1))
    texts = np.array([*t_uniques, "\x00"], dtype=object)  # missing: the empty sentinel
    languages = np.array([*l_uniques, np.nan], dtype=object)
    uniques = list(zip(texts[keys // width - 1], languages[keys % width - 1], strict=True))
    m = len(uniques)
    f = {
        "low": np.full(m, np.nan),
        "high": np.full(m, np.nan),
        "low_closed": np.zeros(m, dtype=bool),
        "high_closed": np.zeros(m, dtype=bool),
        "best": np.full(m, np.nan),
        "hedge": np.full(m, _HEDGE_INT[Hedge.EXACT.value], dtype=np.int8),
        "unit": np.full(m, "", dtype=object),
        "ambiguous": np.zeros(m, dtype=bool),
    }
    reason = np.full(m, None, dtype=object)
    for i, (t, lang) in enumerate(uniques):
        if t == "\x00":
            reason[i] = "a figure as written, such as 'up to 12,000' (the cell is empty)"
            continue
        try:
            fig = parse(str(t), str(lang), conventions=conv)
        except ParseError as exc:
            reason[i] = f"a figure ({exc.reason}; expected {exc.expected})"
            continue
        except EstimatesError as exc:
            reason[i] = f"a figure ({exc})"
            continue
        f["low"][i], f["high"][i] = fig.low, fig.high
        f["low_closed"][i], f["high_closed"][i] = fig.low_closed, fig.high_closed
        f["best"][i] = np.nan if fig.best is None else fig.best
        f["hedge"][i] = _HEDGE_INT[fig.hedge.value]
        f["unit"][i], f["ambiguous"][i] = fig.unit, fig.ambiguous
    out: dict[str, Any] = {k: v[codes] for k, v in f.items()}
    out["hedge"] = pd.Categorical.from_codes(out["hedge"], dtype=_HEDGE_DTYPE)
    return out, reason[codes]


def _figures_from_text(
    text: pd.Series, langs: pd.Series, opts: ReadOptions, failures: Failures, name: str
) -> dict[str, Any]:
    fig, reason = _parse_texts(text, langs, opts.conventions)
    bad = pd.notna(reason)
    failures.add(bad, name, text, np.where(bad, reason, ""))
    literal = {k: fig[k] for k in ("low", "high", "best")}
    literal["hedge"] = pd.Categorical.from_codes(
        np.where(bad, -1, fig["hedge"].codes), dtype=_HEDGE_DTYPE
    )
    return {
        **fig,
        "literal": literal,
        "profile": pd.Series(opts.conventions.name, index=text.index),
    }


def _with_unit_column(
    parsed: np.ndarray,
    given: np.ndarray,
    units_given: pd.Series | None,
    failures: Failures,
    name: str,
) -> dict[str, np.ndarray]:
    """A unit column names the unit; a noun parsed from the figure must agree with it."""
    if units_given is None:
        return {}
    has = given != ""
    conflict = np.zeros(len(given), dtype=bool)
    both = has & (parsed != "")
    for g, p in set(zip(given[both], parsed[both], strict=True)):
        try:
            conversion_factor(p, g)
        except UnitError:
            conflict |= (given == g) & (parsed == p)
    failures.add(conflict, name, units_given, "a unit compatible with the figure's noun")
    return {"unit": np.where(has, given, parsed)}


def _check_text_agrees(
    text: pd.Series,
    langs: pd.Series,
    opts: ReadOptions,
    failures: Failures,
    name: str,
    numbers: Mapping[str, Any],
) -> None:
    """A row with both a figure text and numbers must not contradict itself."""
    rows = text.notna().to_numpy() & ~failures.bad
    if not rows.any():
        return
    fig, reason = _parse_texts(text.where(rows), langs, opts.conventions)
    bad = rows & pd.notna(reason)
    failures.add(bad, name, text, np.where(bad, reason, ""))
    with np.errstate(invalid="ignore"):
        same = np.isclose(fig["low"], numbers["low"], rtol=1e-9, atol=0) & np.isclose(
            fig["high"], numbers["high"], rtol=1e-9, atol=0
        )
        same |= (fig["low"] == numbers["low"]) & (fig["high"] == numbers["high"])
    differ = rows & ~bad & ~same

    def why(pos: np.ndarray) -> list[str]:
        return [
            f"a figure that agrees with the numbers of its row: it reads as "
            f"[{fmt_number(fig['low'][p])}, {fmt_number(fig['high'][p])}] "
            f"({fig['hedge'][p]}), the numbers give [{fmt_number(numbers['low'][p])}, "
            f"{fmt_number(numbers['high'][p])}] ({numbers['hedge'][p]}); give one or make "
            "them agree"
            for p in pos
        ]

    failures.add(differ, name, text, why)


# ---------------------------------------------------------------------- dates
def _read_dates(src: _Input, failures: Failures, opts: ReadOptions) -> dict[str, pd.Series]:
    stated_s, stated_e = _interval_columns(src, failures, opts, "stated", None)
    refers_s, refers_e = _interval_columns(src, failures, opts, "refers", stated_e)
    pub = src.get("published")
    published = (
        _days(pub, failures, src.name("published"), opts.date_format)[0]
        if pub is not None
        else pd.Series(pd.NaT, index=src.index, dtype=DATETIME)
    )
    return {
        "stated_start": stated_s,
        "stated_end": stated_e,
        "refers_start": refers_s,
        "refers_end": refers_e,
        "published": published,
    }


def _days(
    s: pd.Series, failures: Failures, name: str, date_format: str | None
) -> tuple[pd.Series, pd.Series]:
    """Start and end of each cell: a day, a day and time, a period or an ISO interval.

    Dates outside the range a ``datetime64[ns]`` column holds are refused, never wrapped.
    """
    idx = s.index
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        d = s.dt.tz_localize(None) if getattr(s.dt, "tz", None) is not None else s
        values = d.to_numpy()
        out = _in_range(values, failures, name, s)
        return pd.Series(out, index=idx), pd.Series(out, index=idx)  # one instant each
    t = _text(s)
    codes, uniques = factorize_text(t)
    m = len(uniques)
    starts = np.full(m + 1, np.datetime64("NaT"), dtype="datetime64[ns]")
    ends = starts.copy()
    why = np.full(m + 1, None, dtype=object)
    todo = np.arange(m)
    if date_format is not None and m:
        parsed = pd.to_datetime(
            pd.Series(uniques, dtype=object), format=date_format, errors="coerce"
        ).to_numpy()
        ok = ~pd.isna(parsed) & _within(parsed, parsed)
        starts[:m][ok] = parsed[ok].astype("datetime64[ns]")
        ends[:m][ok] = starts[:m][ok]
        todo = np.flatnonzero(~ok)
    for i in todo:
        u = str(uniques[int(i)])
        try:
            a, b = _cell_bounds(u)
        except FigureError as exc:
            why[i] = (
                exc.expected
                if date_format is None
                else f"a date in the format {date_format!r}, or {DATE_EXPECTED}"
            )
            if date_format is None and re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", u):
                why[i] += "; for day-first dates pass date_format='%d/%m/%Y'"
            continue
        if not _within(np.array([a]), np.array([b]))[0]:
            why[i] = _DATE_RANGE
            continue
        starts[i], ends[i] = a.astype("datetime64[ns]"), b.astype("datetime64[ns]")
    cidx = np.where(codes >= 0, codes, m)
    bad = pd.notna(why)[cidx]
    failures.add(bad, name, s, why[cidx])
    return pd.Series(starts[cidx], index=idx), pd.Series(ends[cidx], index=idx)


def _cell_bounds(u: str) -> tuple[np.datetime64, np.datetime64]:
    """First and last instant of one date cell (a day and time is a single instant)."""
    if _DATETIME_TEXT.fullmatch(u):
        try:  # at its own resolution (minutes, seconds ...): nothing wraps
            instant = np.datetime64(u.replace(" ", "T"))
        except ValueError:
            raise FigureError(
                "date", u, f"{DATE_EXPECTED}, or a day and time such as 2025-03-08T18:00"
            ) from None
        return instant, instant
    a, b = parse_date_bounds(u)
    if a is None or b is None:
        raise FigureError("date", u, "a closed interval (no '..' end) here")
    return np.datetime64(a, "D"), np.datetime64(b, "D")


def _within(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Whether each [a, b] lies in the days a ``datetime64[ns]`` column holds (False for
    NaT).

    Compared in the values' own unit: casting nanoseconds to days wraps round near the
    ends of their range (numpy reads 1677-09-21 as 2262-04-10).
    """
    lo, hi = np.asarray(a), np.asarray(b)
    return np.asarray(
        (lo >= _in_unit(_FIRST_DAY, lo)) & (hi < _in_unit(_LAST_DAY + 1, hi)), dtype=bool
    )


def _in_unit(day: np.datetime64, values: np.ndarray) -> np.datetime64:
    """``day`` in the unit of ``values`` when finer than a day (else the day itself)."""
    unit = np.datetime_data(values.dtype)[0]
    return day if unit in ("Y", "M", "W", "D") else day.astype(values.dtype)


def _in_range(values: np.ndarray, failures: Failures, name: str, shown: pd.Series) -> np.ndarray:
    """A datetime column as ``datetime64[ns]``, refusing what that range cannot hold."""
    nat = np.isnat(values)
    ok = nat | _within(values, values)
    failures.add(~ok, name, shown, _DATE_RANGE)
    if ok.all():
        return values.astype("datetime64[ns]", copy=False)
    out = np.full(len(values), np.datetime64("NaT"), dtype="datetime64[ns]")
    good = ok & ~nat
    out[good] = values[good].astype("datetime64[ns]")
    return out


def _interval_columns(
    src: _Input,
    failures: Failures,
    opts: ReadOptions,
    prefix: str,
    open_end: pd.Series | None,
) -> tuple[pd.Series, pd.Series]:
    """``stated`` (or ``stated_start``/``stated_end``) and the same for ``refers``."""
    single = "stated" if prefix == "stated" else "refers_to"
    start, end = f"{prefix}_start", f"{prefix}_end"
    one = src.get(single)
    if one is not None:
        return _open_interval(one, failures, src.name(single), opts.date_format, open_end)
    a, b = src.get(start), src.get(end)
    if a is None and b is None:
        nat = pd.Series(pd.NaT, index=src.index, dtype=DATETIME)
        return nat, nat.copy()
    sa = _days(a, failures, src.name(start), opts.date_format)[0] if a is not None else None
    sb = _days(b, failures, src.name(end), opts.date_format)[1] if b is not None else None
    if sa is None:
        assert sb is not None
        sa = sb.copy()
    if sb is None:
        sb = sa.copy()
    swapped = (sa > sb).to_numpy()  # only when both are given: the start cell is shown
    failures.add(swapped, src.name(start), a, "a day on or before the end day")
    return sa, sb


def _open_interval(
    s: pd.Series,
    failures: Failures,
    name: str,
    date_format: str | None,
    open_end: pd.Series | None,
) -> tuple[pd.Series, pd.Series]:
    """Like :func:`_days`, but an ISO interval may end with '..' (closed by ``open_end``)."""
    if open_end is None or pd.api.types.is_datetime64_any_dtype(s.dtype):
        return _days(s, failures, name, date_format)
    t = _text(s)
    is_open = t.str.endswith("/..").fillna(False).astype(bool).to_numpy()
    if not is_open.any():
        return _days(s, failures, name, date_format)
    closed_text = t.where(~is_open, t.str.slice(0, -3))
    starts, ends = _days(closed_text, failures, name, date_format)
    ends = ends.where(~is_open, open_end)
    missing = is_open & open_end.isna().to_numpy()
    failures.add(
        missing,
        name,
        s,
        "an end date: an open interval ('2023-08/..') ends on the "
        "stated date, which this row lacks",
    )
    return starts, ends


# ---------------------------------------------------------------------- dtypes
def cast_standard(frame: pd.DataFrame) -> pd.DataFrame:
    """Give the standard columns their documented dtypes."""
    out = _standard_frame({name: frame[name] for name in STANDARD}, frame.index)
    for name in frame.columns:
        if name not in BY_NAME:
            out[name] = frame[name]
    return out


def _standard_frame(columns: Mapping[str, Any], index: pd.Index) -> pd.DataFrame:
    """The standard columns (arrays or Series on ``index``) as one typed frame.

    The frame gets its own copy of every column: some of ``columns`` share memory with
    the user's table (a datetime column read as it is) or with each other.  An array
    this module has just made (a NumPy array that is no view) is its own already and
    is taken as it is; every other column is copied, once.  The frame is built without
    stacking columns of one dtype into blocks, which would copy every one of them again.
    """
    typed = {}
    for col in COLUMNS:
        values = columns[col.name]
        fresh = isinstance(values, np.ndarray) and values.base is None
        if fresh:
            values = pd.Series(values, index=index, copy=False)
        one = _typed(col, values, index)
        typed[col.name] = one if fresh else one.copy(deep=True)
    return pd.DataFrame(typed, index=index, copy=False)


def _typed(col: Column, values: Any, index: pd.Index) -> pd.Series:
    """One standard column in its documented dtype (left as is when it has it)."""
    v = values if isinstance(values, pd.Series) else pd.Series(values, index=index)
    dt: Any = dtype_of(col)
    if col.kind == "category":
        if isinstance(v.dtype, pd.CategoricalDtype) and v.dtype.categories.equals(dt.categories):
            return v
        return pd.Series(pd.Categorical(v.astype(object), categories=dt.categories), index=index)
    if col.kind == "bool":
        return v.astype(bool)
    return v if v.dtype == dt else v.astype(dt)
