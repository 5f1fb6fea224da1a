"""Claims tables in files: CSV, JSON and Parquet, losslessly.

Every standard column survives a round trip through each format: open and infinite
bounds (``inf`` / ``-inf`` in CSV and JSON), closedness, best values, multi-agent
sources, dates, units and the original text.  Floats are written with Python's
shortest round-trip representation, so no digit is lost.

Spreadsheets run cells starting with ``=``, ``+``, ``-`` or ``@`` as formulas.  CSV
meant for a spreadsheet (``spreadsheet=True``) prefixes such text cells with an
apostrophe (OWASP's advice for CSV injection); the lossless default does not, since a
program reading the file back must get the text as it was.

No format here executes or unpickles anything from a file.
"""

from __future__ import annotations

import io
import json
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._model.errors import ArgumentTypeError, DependencyError, OptionError, ValidationError
from .._model.missing import is_missing
from .validation import refuse_duplicate_columns

__all__ = [
    "neutralise_formulas",
    "read_table",
    "spreadsheet_safe",
    "write_csv",
    "write_json",
    "write_parquet",
]

PathLike = str | os.PathLike[str]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def read_table(
    path: PathLike, *, encoding: str = "utf-8", sep: str | None = None
) -> tuple[pd.DataFrame, int | None]:
    """Read a CSV, TSV, JSON or Parquet file into a DataFrame of raw cells.

    Returns the frame and, for text formats, the file line of its first data row.
    CSV cells are read as text (nothing is guessed); blanks are missing.  An empty file
    gives an empty frame, whatever its format.  A file that is not text in ``encoding``
    is refused with a hint (``encoding='cp1252'`` for French Excel exports).
    """
    p = Path(path)
    if p.is_dir():
        raise IsADirectoryError(21, "is a directory, not a claims file", str(p))
    suffixes = [x.lower() for x in p.suffixes]
    compressed = bool(suffixes) and suffixes[-1] in (".gz", ".bz2", ".xz", ".zst", ".zip")
    suffix = (suffixes[-2] if compressed and len(suffixes) > 1 else p.suffix).lower()
    try:
        if suffix in (".csv", ".tsv", ".txt"):
            return _read_csv(
                p, sep if sep is not None else ("\t" if suffix == ".tsv" else ","), encoding
            ), 2
        if compressed:
            raise OptionError(
                "path", str(p), "an uncompressed file: only CSV files may be compressed"
            )
        if suffix in (".json", ".jsonl"):
            return _read_json(p, suffix, encoding), None
    except UnicodeDecodeError as exc:
        raise _encoding_error(p, encoding, exc) from None
    except LookupError:
        raise OptionError(
            "encoding", encoding, "a text encoding Python knows: utf-8, cp1252, latin-1 ..."
        ) from None
    if suffix in (".parquet", ".pq"):
        _need_pyarrow()
        return pd.read_parquet(p), None
    raise OptionError(
        "path",
        str(p),
        f"a file ending in .csv, .tsv, .json, .jsonl or .parquet (not {suffix or 'no suffix'!r})",
    )


def _read_csv(p: Path, sep: str, encoding: str) -> pd.DataFrame:
    options: dict[str, Any] = {"dtype": str, "sep": sep, "encoding": encoding}
    try:
        header = pd.read_csv(p, header=None, nrows=1, keep_default_na=False, **options)
    except pd.errors.EmptyDataError:
        return pd.DataFrame()
    refuse_duplicate_columns(header.iloc[0].tolist() if len(header) else [], where="header")
    return pd.read_csv(p, keep_default_na=False, na_values=[""], **options)


def _read_json(p: Path, suffix: str, encoding: str) -> pd.DataFrame:
    with open(p, encoding=encoding) as fh:
        text = fh.read()
    if not text.strip():
        return pd.DataFrame()
    try:
        if suffix == ".jsonl":
            records = [json.loads(line) for line in text.split("\n") if line.strip()]
        else:
            records = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            pd.DataFrame(
                [
                    {
                        "row": None,
                        "column": None,
                        "value": f"line {exc.lineno}, column {exc.colno}",
                        "expected": f"valid JSON ({exc.msg})",
                    }
                ]
            ),
            what=f"file {p.name}",
        ) from None
    columns = None
    if isinstance(records, dict) and "claims" in records:
        columns = records.get("columns")
        records = records["claims"]
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ValidationError(
            pd.DataFrame(
                [
                    {
                        "row": None,
                        "column": None,
                        "value": type(records).__name__,
                        "expected": "a JSON list of claim records (objects), or an object "
                        "with 'columns' and 'claims'",
                    }
                ]
            ),
            what=f"file {p.name}",
        )
    if not records and not columns:
        return pd.DataFrame()
    return frame_of_records(records, columns)


def _encoding_error(p: Path, encoding: str, exc: UnicodeDecodeError) -> ValidationError:
    """A file that is not text in ``encoding``: say where, and which encoding fits."""
    raw = p.read_bytes()
    guess = next((e for e in ("utf-8", "cp1252", "latin-1") if _decodes(raw, e)), "latin-1")
    try:  # pandas reports offsets within a chunk: find the byte in the whole file
        raw.decode(encoding)
        start, end = exc.start, exc.end
    except UnicodeDecodeError as whole:
        start, end = whole.start, whole.end
    except LookupError:
        start, end = exc.start, exc.end
    bad = raw[start:end]
    line = raw[:start].count(b"\n") + 1
    return ValidationError(
        pd.DataFrame(
            [
                {
                    "row": None,
                    "column": None,
                    "value": f"byte {bad.hex(' ')} on line {line}",
                    "expected": f"text in {encoding}; the file reads as {guess} (French "
                    f"Excel saves cp1252): pass encoding={guess!r}",
                }
            ]
        ),
        what=f"file {p.name}",
    )


def _decodes(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def read_csv_buffer(
    buffer: Any, *, encoding: str = "utf-8", sep: str | None = None
) -> pd.DataFrame:
    """A CSV from an open file or buffer (text or bytes), read like a CSV file."""
    text = buffer.read()
    if isinstance(text, bytes):
        try:
            text = text.decode(encoding)
        except UnicodeDecodeError as exc:
            raise _encoding_error(Path("<buffer>"), encoding, exc) from None
    if not isinstance(text, str):
        raise ArgumentTypeError("table", text, "a file or buffer of CSV text")
    options: dict[str, Any] = {"dtype": str, "sep": sep if sep is not None else ","}
    try:
        header = pd.read_csv(
            io.StringIO(text), header=None, nrows=1, keep_default_na=False, **options
        )
    except pd.errors.EmptyDataError:
        return pd.DataFrame()
    refuse_duplicate_columns(header.iloc[0].tolist() if len(header) else [], where="header")
    return pd.read_csv(io.StringIO(text), keep_default_na=False, na_values=[""], **options)


def frame_of_records(
    records: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """Records as a frame of raw cells (object columns: nothing inferred or re-encoded;
    the claims reader types and checks each column)."""
    for i, r in enumerate(records):
        if not isinstance(r, Mapping):
            raise ArgumentTypeError(
                f"table[{i}]", r, "a mapping of column names to cells (one record per claim)"
            )
    if columns is None:
        columns = list(dict.fromkeys(k for r in records for k in r))
    return pd.DataFrame([dict(r) for r in records], columns=list(columns), dtype=object)


def _need_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:  # pragma: no cover
        raise DependencyError("pyarrow", "parquet", "Parquet") from None


def neutralise_formulas(values: pd.Series) -> pd.Series:
    """Prefix text cells that a spreadsheet would run as a formula with ``'``.

    A cell is neutralised when it starts with ``=``, ``+``, ``-``, ``@``, a tab or a
    carriage return, or when blanks or line breaks come before one of ``=+-@`` (some
    spreadsheets trim them, then run the rest).  This is the one spreadsheet-safety
    rule: cells and headers of every CSV meant for a spreadsheet go through it.

    >>> cells = pd.Series(["=HYPERLINK(1)", "UK", "-2+3", " =1+1", "\\n@x", None], dtype=object)
    >>> neutralise_formulas(cells).tolist()
    ["'=HYPERLINK(1)", 'UK', "'-2+3", "' =1+1", "'\\n@x", None]
    """
    s = values.astype(object)
    out = s.to_numpy(dtype=object).copy()
    risky = np.fromiter((_runs_as_formula(v) for v in out), dtype=bool, count=len(out))
    out[risky] = ["'" + v for v in out[risky]]
    return pd.Series(out, index=values.index, name=values.name, dtype=object)


def _runs_as_formula(v: object) -> bool:
    if not isinstance(v, str) or not v:
        return False
    return v.startswith(_FORMULA_START) or v.lstrip(" \t\r\n\u00a0").startswith(
        ("=", "+", "-", "@")
    )


def spreadsheet_safe(frame: pd.DataFrame, *, like: pd.DataFrame | None = None) -> pd.DataFrame:
    """``frame`` with text cells *and headers* neutralised (:func:`neutralise_formulas`).

    Numbers, booleans and dates are never touched (``-3`` stays a number).  ``like``
    is the frame whose dtypes say which columns are text, when ``frame`` is already
    written out as text.
    """
    kinds = frame if like is None else like
    out = frame.copy()
    for c in out.columns:
        dt = kinds[c].dtype
        if not (
            pd.api.types.is_numeric_dtype(dt)
            or pd.api.types.is_bool_dtype(dt)
            or pd.api.types.is_datetime64_any_dtype(dt)
        ):
            v = out[c]
            out[c] = neutralise_formulas(v.astype(object).where(v.notna(), None))
    out.columns = pd.Index(
        neutralise_formulas(pd.Series([str(c) for c in out.columns], dtype=object)).tolist()
    )
    return out


def _text_frame(frame: pd.DataFrame, *, spreadsheet: bool) -> pd.DataFrame:
    out: dict[Any, Any] = {}
    for c in frame.columns:
        v = frame[c]
        if pd.api.types.is_datetime64_any_dtype(v.dtype):
            out[c] = _datetime_text(v)
        elif pd.api.types.is_float_dtype(v.dtype):
            out[c] = _float_text(v.to_numpy(dtype="float64"))
        elif pd.api.types.is_bool_dtype(v.dtype):
            out[c] = np.where(v.to_numpy(dtype=bool), "True", "False").astype(object)
        else:
            out[c] = v.astype(object).where(v.notna(), None)
    text = pd.DataFrame(out, index=frame.index)
    return spreadsheet_safe(text, like=frame) if spreadsheet else text


def _datetime_text(v: pd.Series) -> np.ndarray:
    """ISO days, with the time of day (and offset) where a cell has one."""
    day = v.dt.strftime("%Y-%m-%d").to_numpy(dtype=object)
    known = v.notna().to_numpy()
    if getattr(v.dt, "tz", None) is not None:
        timed = known
    else:
        timed = known & (v != v.dt.normalize()).to_numpy()
    if timed.any():
        day[timed] = [t.isoformat() for t in v[timed]]
    day[~known] = None
    return day


def _float_text(x: np.ndarray) -> np.ndarray:
    """Shortest exact text of floats: integers without '.0', inf as 'inf', NaN blank."""
    out = np.empty(len(x), dtype=object)
    nan = np.isnan(x)
    integral = ~nan & np.isfinite(x) & (np.abs(x) < 2**53) & (x == np.round(x))
    integral &= ~((x == 0) & np.signbit(x))  # -0.0 is written '-0.0', not '0'
    out[integral] = x[integral].astype(np.int64).astype(str)
    rest = ~nan & ~integral
    out[rest] = [repr(float(v)) for v in x[rest]]
    out[nan] = None
    return out


def write_csv(
    frame: pd.DataFrame, path: PathLike | None = None, *, spreadsheet: bool = False
) -> str | None:
    """Write a claims frame as CSV (to ``path``, or return the text)."""
    text = _text_frame(frame, spreadsheet=spreadsheet)
    buf = io.StringIO()
    text.to_csv(buf, index=False, lineterminator="\r\n")  # RFC 4180; quotes any \r in cells
    if path is None:
        return buf.getvalue()
    Path(path).write_text(buf.getvalue(), encoding="utf-8")
    return None


def json_number(v: Any) -> float | str | None:
    """A number as JSON has it: NaN as ``None``, infinities as ``"inf"`` / ``"-inf"``.

    Parameters
    ----------
    v : float-like
        Anything ``float()`` takes.

    Returns
    -------
    float, str or None

    Examples
    --------
    >>> json_number(2.5), json_number(float("-inf")), json_number(float("nan"))
    (2.5, '-inf', None)
    """
    f = float(v)
    if math.isnan(f):
        return None
    if math.isinf(f):
        return "inf" if f > 0 else "-inf"
    return f


def _json_value(v: Any) -> Any:
    if is_missing(v):
        return None
    if isinstance(v, float | np.floating):
        return json_number(v)
    if isinstance(v, np.bool_ | bool):
        return bool(v)
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, pd.Timestamp):
        return v.strftime("%Y-%m-%d") if v == v.normalize() and v.tz is None else v.isoformat()
    return v


def records(frame: pd.DataFrame) -> Iterable[dict[str, Any]]:
    """JSON-ready records of a claims frame (inf as strings, dates as ISO days)."""
    cols = list(frame.columns)
    for row in frame.itertuples(index=False, name=None):
        yield {c: _json_value(v) for c, v in zip(cols, row, strict=True)}


def write_json(frame: pd.DataFrame, path: PathLike | None = None) -> str | None:
    """Write a claims frame as JSON (to ``path``, or return it).

    The document is an object ``{"format": "estimates.claims", "version": 1,
    "columns": [...], "claims": [records]}``; a plain list of records reads too.
    """
    doc = {
        "format": "estimates.claims",
        "version": 1,
        "columns": [str(c) for c in frame.columns],
        "claims": list(records(frame)),
    }
    text = json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False)
    if path is None:
        return text
    Path(path).write_text(text, encoding="utf-8")
    return None


def write_parquet(frame: pd.DataFrame, path: PathLike) -> None:
    """Write a claims frame as Parquet (needs pyarrow)."""
    _need_pyarrow()
    frame.to_parquet(path, index=False)
