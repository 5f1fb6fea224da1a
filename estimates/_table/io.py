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
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["neutralise_formulas", "read_table", "write_csv", "write_json", "write_parquet"]

PathLike = str | os.PathLike[str]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def read_table(
    path: PathLike, *, encoding: str = "utf-8", sep: str | None = None
) -> tuple[pd.DataFrame, int | None]:
    """Read a CSV, TSV, JSON or Parquet file into a DataFrame of raw cells.

    Returns the frame and, for text formats, the file line of its first data row.
    CSV cells are read as text (nothing is guessed); blanks are missing.
    """
    p = Path(path)
    suffixes = [x.lower() for x in p.suffixes]
    compressed = bool(suffixes) and suffixes[-1] in (".gz", ".bz2", ".xz", ".zst", ".zip")
    suffix = (suffixes[-2] if compressed and len(suffixes) > 1 else p.suffix).lower()
    if suffix in (".csv", ".tsv", ".txt"):
        delimiter = sep if sep is not None else ("\t" if suffix == ".tsv" else ",")
        frame = pd.read_csv(
            p,
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            sep=delimiter,
            encoding=encoding,
        )
        return frame, 2
    if compressed:
        raise ValueError(f"{p}: only CSV files may be compressed")
    if suffix in (".json", ".jsonl"):
        with open(p, encoding=encoding) as fh:
            if suffix == ".jsonl":
                records = [json.loads(line) for line in fh if line.strip()]
            else:
                records = json.load(fh)
        columns = None
        if isinstance(records, dict) and "claims" in records:
            columns = records.get("columns")
            records = records["claims"]
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise ValueError(
                f"{p}: expected a JSON list of claim records (objects), or an object with "
                "'columns' and 'claims'"
            )
        return frame_of_records(records, columns), None
    if suffix in (".parquet", ".pq"):
        _need_pyarrow()
        return pd.read_parquet(p), None
    raise ValueError(
        f"{p}: unknown file type {suffix!r}; expected .csv, .tsv, .json, .jsonl or .parquet"
    )


def frame_of_records(
    records: list[dict[str, Any]], columns: list[str] | None = None
) -> pd.DataFrame:
    """Records as a frame of raw cells (object columns: nothing inferred or re-encoded;
    the claims reader types and checks each column)."""
    if columns is None:
        columns = list(dict.fromkeys(k for r in records for k in r))
    return pd.DataFrame(records, columns=columns, dtype=object)


def _need_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:  # pragma: no cover
        raise ImportError("Parquet needs pyarrow: pip install 'estimates[parquet]'") from exc


def neutralise_formulas(values: pd.Series) -> pd.Series:
    """Prefix text cells that a spreadsheet would run as a formula with ``'``.

    >>> cells = pd.Series(["=HYPERLINK(1)", "UK MoD", "-2+3", None], dtype=object)
    >>> neutralise_formulas(cells).tolist()
    ["'=HYPERLINK(1)", 'UK MoD', "'-2+3", None]
    """
    s = values.astype(object)
    text = s.map(lambda v: isinstance(v, str) and v.startswith(_FORMULA_START)).to_numpy(bool)
    out = s.to_numpy(dtype=object).copy()
    out[text] = ["'" + v for v in out[text]]
    return pd.Series(out, index=values.index, name=values.name, dtype=object)


def _text_frame(frame: pd.DataFrame, *, spreadsheet: bool) -> pd.DataFrame:
    out = {}
    for c in frame.columns:
        v = frame[c]
        if pd.api.types.is_datetime64_any_dtype(v.dtype):
            out[c] = v.dt.strftime("%Y-%m-%d").astype(object).where(v.notna(), None)
        elif pd.api.types.is_float_dtype(v.dtype):
            out[c] = _float_text(v.to_numpy(dtype="float64"))
        elif pd.api.types.is_bool_dtype(v.dtype):
            out[c] = np.where(v.to_numpy(dtype=bool), "True", "False").astype(object)
        else:
            obj = v.astype(object).where(v.notna(), None)
            out[c] = neutralise_formulas(obj) if spreadsheet else obj
    return pd.DataFrame(out, index=frame.index)


def _float_text(x: np.ndarray) -> np.ndarray:
    """Shortest exact text of floats: integers without '.0', inf as 'inf', NaN blank."""
    out = np.empty(len(x), dtype=object)
    nan = np.isnan(x)
    integral = ~nan & np.isfinite(x) & (np.abs(x) < 2**53) & (x == np.round(x))
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
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float | np.floating):
        return json_number(v)
    if isinstance(v, np.bool_ | bool):
        return bool(v)
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, pd.Timestamp):
        return v.strftime("%Y-%m-%d")
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
