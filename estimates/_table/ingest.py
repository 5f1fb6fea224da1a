"""From a user's table to a typed claims frame, column by column.

:func:`standardise` is the engine behind :func:`estimates.read_claims`: it renames the
user's columns, reads each one into its standard type (numbers, booleans, dates,
agents, figures written as text), checks the figure invariants, and collects every
failure by row and column.  All steps work on whole columns; a figure text is parsed
once per distinct (text, language) pair.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._model.claim import STATUS_CODES
from .._model.conventions import Conventions, get_conventions
from .._model.dates import EXPECTED as DATE_EXPECTED
from .._model.dates import parse_date_bounds
from .._model.errors import EstimatesError, FigureError, ParseError, UnitError, ValidationError
from .._model.hedges import HEDGE_CODES, Hedge
from .._model.sources import join_agents
from .._model.units import canonical_unit, check_unit, conversion_factor, is_count
from .schema import BY_NAME, COLUMNS, DATETIME, ERROR_COLUMN, STANDARD, dtype_of
from .validation import Errors, Failures, check_figures

__all__ = ["MAPPABLE", "standardise"]

#: Fields a user may map their columns to (``read_claims(df, low="estimate_low")``).
MAPPABLE: tuple[str, ...] = (*STANDARD, "figure", "stated", "refers_to")

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
_NUMBER_EXPECTED = "a number such as 12000, 12,000, 1.5e6, inf or -inf"


def standardise(
    data: pd.DataFrame,
    *,
    errors: Errors = "raise",
    lang: str = "en",
    conventions: str | Conventions | None = None,
    date_format: str | None = None,
    na_values: Mapping[str, Sequence[object]] | Sequence[object] | None = None,
    mapping: Mapping[str, str | Sequence[str]] | None = None,
    line_offset: int | None = None,
) -> pd.DataFrame:
    """Return the typed claims frame for ``data`` (never modified).

    Parameters
    ----------
    data : pandas.DataFrame
        The user's table.
    errors : {"raise", "flag"}
        Raise one :class:`ValidationError` listing every failure, or keep every row
        and explain failures in an ``error`` column.
    lang : str
        Language of figure texts in rows with no ``lang`` value.
    conventions : str or Conventions, optional
        Profile used to read figure texts and hedges (default: the active one).
    date_format : str, optional
        ``strptime`` format of single-day dates that are not ISO (``"%d/%m/%Y"``).
    na_values : mapping or sequence, optional
        Sentinels meaning "missing" in numeric columns (``{"best": [-999]}``).
    mapping : mapping
        Standard field -> the user's column name.  ``quantity`` may name several
        columns, joined with a space.
    line_offset : int, optional
        When the data came from a file, the file line of row 0 (reported as ``line``).
    """
    conv = get_conventions(conventions)
    mapping = dict(mapping or {})
    unknown = sorted(set(mapping) - set(MAPPABLE))
    if unknown:
        raise TypeError(
            f"unknown field(s) {unknown}: map your columns to one of {', '.join(MAPPABLE)}"
        )
    _check_mapped_columns(data, mapping)
    index = data.index
    n = len(data)

    def col(field: str) -> pd.Series | None:
        name = mapping.get(field, field)
        if isinstance(name, list | tuple):
            parts = [data[c].astype("string") for c in name]
            out = parts[0]
            for p in parts[1:]:
                out = out + " " + p
            return out
        return data[name] if name in data.columns else None

    def user_name(field: str) -> str:
        name = mapping.get(field, field)
        return " + ".join(name) if isinstance(name, list | tuple) else str(name)

    id_col = col("id")
    failures = Failures(index, None if id_col is None else _text(id_col).to_numpy(object))
    out: dict[str, Any] = {}

    # ------------------------------------------------------------ quantity
    q = col("quantity")
    if q is None:
        raise ValidationError(
            pd.DataFrame(
                [
                    {
                        "row": None,
                        "column": "quantity",
                        "value": None,
                        "expected": "a 'quantity' column (or quantity='your column'): "
                        "what is measured; "
                        f"columns are {list(map(str, data.columns))}",
                    }
                ]
            )
        )
    quantity = _text(q)
    failures.add(quantity.isna().to_numpy(), user_name("quantity"), q, "a non-empty quantity key")
    out["quantity"] = quantity

    # ------------------------------------------------------------ languages
    lang_col = col("lang")
    langs = (
        _text(lang_col) if lang_col is not None else pd.Series(pd.NA, index=index, dtype="string")
    )
    langs = langs.fillna(lang)
    out["lang"] = langs

    # ------------------------------------------------------------ figures
    text_src = col("figure")
    if text_src is None:
        text_src = col("text")
    text = (
        _text(text_src) if text_src is not None else pd.Series(pd.NA, index=index, dtype="string")
    )
    numeric = any(col(f) is not None for f in ("low", "high", "best"))
    unit_col = col("unit")
    units_given = _text(unit_col) if unit_col is not None else None
    if numeric:
        fig = _figures_from_numbers(
            col, user_name, failures, conv, n, na_values, units_given, index
        )
    elif text_src is not None:
        fig = _figures_from_text(
            text,
            langs,
            conv,
            failures,
            user_name("figure" if col("figure") is not None else "text"),
            units_given,
            n,
        )
    else:
        raise ValidationError(
            pd.DataFrame(
                [
                    {
                        "row": None,
                        "column": "figure",
                        "value": None,
                        "expected": "a 'figure' column of texts ('up to 12,000') or numbers in "
                        f"low/high/best columns; columns are {list(map(str, data.columns))}",
                    }
                ]
            )
        )
    out["text"] = text
    out.update(fig)

    # ------------------------------------------------------------ sources
    for field in ("source", "reported_by", "original_source", "url", "note", "id"):
        c = col(field)
        if c is None:
            out[field] = pd.Series(pd.NA, index=index, dtype="string")
        elif field == "source":
            out[field] = _agents(c, failures, user_name(field))
        else:
            out[field] = _text(c)

    # ------------------------------------------------------------ dates
    stated_s, stated_e = _interval_columns(
        col, "stated", "stated_start", "stated_end", failures, user_name, date_format, None
    )
    refers_s, refers_e = _interval_columns(
        col,
        "refers_to",
        "refers_start",
        "refers_end",
        failures,
        user_name,
        date_format,
        stated_e,
    )
    pub = col("published")
    published = (
        _days(pub, failures, user_name("published"), date_format)[0]
        if pub is not None
        else pd.Series(pd.NaT, index=index, dtype=DATETIME)
    )
    out.update(
        stated_start=stated_s,
        stated_end=stated_e,
        refers_start=refers_s,
        refers_end=refers_e,
        published=published,
    )

    # ------------------------------------------------------------ status
    st = col("status")
    if st is None:
        status = pd.Series("claimed", index=index)
    else:
        s = _text(st).str.strip().str.lower()
        bad = s.notna().to_numpy() & ~s.isin(STATUS_CODES).to_numpy()
        failures.add(bad, user_name("status"), st, "one of " + ", ".join(STATUS_CODES))
        status = s.where(~pd.Series(bad, index=index) & s.notna(), "claimed")
    out["status"] = status

    # ------------------------------------------------------------ text hygiene
    for name in (
        "quantity",
        "text",
        "source",
        "reported_by",
        "original_source",
        "url",
        "note",
        "id",
        "lang",
    ):
        col_values = out[name]
        has_nul = (
            pd.Series(col_values, index=index)
            .astype("string")
            .str.contains("\x00", regex=False)
            .fillna(False)
            .to_numpy(dtype=bool)
        )
        label = "figure" if name == "text" and col("figure") is not None else name
        failures.add(has_nul, user_name(label), col_values, "text without NUL characters")

    # ------------------------------------------------------------ assemble
    frame = pd.DataFrame({name: out[name] for name in STANDARD}, index=index)
    frame = cast_standard(frame)
    # Columns renamed to a field are consumed; columns combined into one (quantity from
    # country and type) stay, since users group by them too.
    used = {v for k, v in mapping.items() if not isinstance(v, list | tuple)}
    used |= {f for f in MAPPABLE if f not in mapping and f in data.columns}
    extras = [c for c in data.columns if c not in used]
    clash = [c for c in extras if c in STANDARD or c == ERROR_COLUMN]
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
        frame[c] = (
            data[c].to_numpy()
            if not isinstance(data[c].dtype, pd.CategoricalDtype)
            else data[c].copy()
        )
    if errors == "raise":
        if failures:
            f = failures.frame()
            if line_offset is not None:
                f.insert(1, "line", f["row"].astype("int64") + line_offset)
            raise ValidationError(f)
    else:
        frame[ERROR_COLUMN] = pd.array(failures.reasons(), dtype="string")
    return frame


# ---------------------------------------------------------------------- columns
def _check_mapped_columns(data: pd.DataFrame, mapping: Mapping[str, Any]) -> None:
    missing = []
    for field, name in mapping.items():
        names = name if isinstance(name, list | tuple) else [name]
        for c in names:
            if c not in data.columns:
                missing.append((field, c))
    if missing:
        raise ValidationError(
            pd.DataFrame(
                [
                    {
                        "row": None,
                        "column": str(c),
                        "value": None,
                        "expected": f"a column of the input for {field}= "
                        f"(columns are {list(map(str, data.columns))})",
                    }
                    for field, c in missing
                ]
            )
        )


def _text(s: pd.Series) -> pd.Series:
    """A string column: strings kept, numbers written out, blanks as missing."""
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
            if t.dtype.storage == "python":  # pyarrow storage has checked already
                t.dropna().str.encode("utf-8")
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
    t = t.str.strip()
    return t.mask(t == "")


def _not_unicode(v: str) -> bool:
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _num_text(v: Any) -> Any:
    if isinstance(v, float | np.floating) and np.isnan(v):
        return None
    if isinstance(v, float | np.floating) and float(v).is_integer():
        return str(int(v))
    return str(v)


def _agents(s: pd.Series, failures: Failures, name: str) -> pd.Series:
    t = _text(s)
    codes, uniques = pd.factorize(t, use_na_sentinel=True)
    joined = np.empty(len(uniques), dtype=object)
    bad = np.zeros(len(uniques), dtype=bool)
    for i, u in enumerate(uniques):
        try:
            joined[i] = join_agents(str(u))
        except FigureError:
            bad[i] = True
    if len(uniques):
        failures.add(
            bad[np.maximum(codes, 0)] & (codes >= 0),
            name,
            s,
            "agent names separated by ';' (a name cannot hold ';')",
        )
        values = np.where(codes >= 0, joined[np.maximum(codes, 0)], None)
    else:
        values = np.full(len(t), None, dtype=object)
    return pd.Series(pd.array(values, dtype="string"), index=s.index)


def to_float(s: pd.Series, failures: Failures, name: str, na: Sequence[object] = ()) -> np.ndarray:
    """Read a numeric column strictly: numbers, grouped digits, inf; blanks are NaN."""
    if pd.api.types.is_bool_dtype(s.dtype):
        failures.add(np.ones(len(s), dtype=bool), name, s, _NUMBER_EXPECTED)
        return np.full(len(s), np.nan)
    if pd.api.types.is_numeric_dtype(s.dtype):
        x = s.to_numpy(dtype="float64", na_value=np.nan)
    else:
        t = _text(s)
        low = t.str.lower()
        inf = low.map(_INF).astype("float64")
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
    if na:
        x = np.where(np.isin(x, np.asarray(list(na), dtype="float64")), np.nan, x)
    return x


def _exact_floats(cells: np.ndarray) -> np.ndarray:
    """Strings to floats with Python's exact (round-trip) parsing; NaN where unreadable.

    (``pd.to_numeric`` may round the last digit on pandas 2.)
    """
    cells = np.where(pd.isna(cells), None, cells)
    try:
        return np.asarray(cells, dtype="float64")
    except (ValueError, TypeError):
        out = np.full(len(cells), np.nan)
        for i, v in enumerate(cells):  # only on the error path: find the bad cells
            if v is None:
                continue
            try:
                out[i] = float(v)
            except (ValueError, TypeError):
                out[i] = np.nan
        return out


def _to_bool(s: pd.Series, failures: Failures, name: str) -> np.ndarray:
    """Read a boolean column strictly; missing stays missing (returned as a mask)."""
    if pd.api.types.is_bool_dtype(s.dtype) and not s.isna().any():
        return s.to_numpy(dtype=bool)
    t = _text(s).str.lower()
    true = t.isin(_TRUE).to_numpy()
    false = t.isin(_FALSE).to_numpy()
    bad = t.notna().to_numpy() & ~true & ~false
    failures.add(bad, name, s, "True or False")
    return np.where(true, 1, np.where(false, 0, -1)).astype("int8")


def _figures_from_numbers(
    col: Any,
    user_name: Any,
    failures: Failures,
    conv: Conventions,
    n: int,
    na_values: Any,
    units_given: pd.Series | None,
    index: pd.Index,
) -> dict[str, Any]:
    def na_for(field: str) -> Sequence[object]:
        if na_values is None:
            return ()
        if isinstance(na_values, Mapping):
            return list(na_values.get(field, ()))
        return list(na_values)

    before = failures.bad.copy()
    nums = {}
    for f in ("low", "high", "best"):
        c = col(f)
        nums[f] = (
            to_float(c, failures, user_name(f), na_for(f)) if c is not None else np.full(n, np.nan)
        )
    low, high, best = nums["low"], nums["high"], nums["best"]
    unit = _units(units_given, failures, user_name("unit"), n, index)
    floor = _floor_per_row(unit, conv)
    hedge_col = col("hedge")
    has_lo, has_hi, has_b = ~np.isnan(low), ~np.isnan(high), ~np.isnan(best)
    if hedge_col is not None:
        h = _text(hedge_col).str.strip().str.lower()
        badh = h.notna().to_numpy() & ~h.isin(HEDGE_CODES).to_numpy()
        failures.add(
            badh, user_name("hedge"), hedge_col, "a hedge code: " + ", ".join(HEDGE_CODES)
        )
        hedge = h.where(~pd.Series(badh, index=index)).to_numpy(dtype=object)
    else:
        hedge = np.full(n, None, dtype=object)
    inferred = pd.isna(hedge)
    # Inference from which numbers are present (documented in read_claims).
    only_low = inferred & has_lo & ~has_hi
    only_high = inferred & ~has_lo & has_hi
    both = inferred & has_lo & has_hi
    only_best = inferred & ~has_lo & ~has_hi & has_b
    none = ~has_lo & ~has_hi & ~has_b
    failures.add(
        none & ~failures.bad, user_name("low"), None, "a figure: a number in low, high or best"
    )
    point = both & (low == high) & (~has_b | (best == low))
    hedge = np.where(only_low, Hedge.AT_LEAST.value, hedge)
    hedge = np.where(only_high, Hedge.UP_TO.value, hedge)
    hedge = np.where(both, np.where(point, Hedge.EXACT.value, Hedge.RANGE.value), hedge)
    hedge = np.where(only_best, Hedge.EXACT.value, hedge)
    hedge = np.where(pd.isna(hedge), Hedge.EXACT.value, hedge)
    low = np.where(only_best, best, np.where(only_high, floor, low))
    high = np.where(only_best, best, np.where(only_low, np.inf, high))
    best = np.where(point & ~has_b, low, best)
    # Explicit hedge with a missing bound: a ceiling's floor and a floor's infinity.
    explicit = ~inferred
    low = np.where(explicit & np.isnan(low) & has_hi, floor, low)
    high = np.where(explicit & np.isnan(high) & has_lo, np.inf, high)
    lc = _closedness(col("low_closed"), low, failures, user_name("low_closed"))
    hc = _closedness(col("high_closed"), high, failures, user_name("high_closed"))
    if col("low_closed") is None:
        lc = np.where(hedge == Hedge.MORE_THAN.value, False, lc)
    if col("high_closed") is None:
        hc = np.where(hedge == Hedge.LESS_THAN.value, False, hc)
    # Rows whose numbers could not be read are not checked further (one message each).
    live = ~(failures.bad & ~before) & ~none
    names = {f: user_name(f) for f in ("low", "high", "best", "low_closed", "high_closed")}
    check_figures(failures, low, high, lc, hc, best, rows=live.copy(), names=names)
    _check_counts(failures, low, best, unit, names, live)
    amb_col = col("ambiguous")
    amb = (
        np.zeros(n, dtype=bool)
        if amb_col is None
        else _closedness(amb_col, np.zeros(n), failures, user_name("ambiguous"))
    )
    prof_col = col("profile")
    profile = (
        _text(prof_col).fillna(conv.name)
        if prof_col is not None
        else pd.Series(conv.name, index=index)
    )
    return {
        "low": low,
        "high": high,
        "low_closed": lc,
        "high_closed": hc,
        "best": best,
        "hedge": hedge,
        "unit": unit,
        "profile": profile,
        "ambiguous": amb.astype(bool),
    }


def _closedness(
    c: pd.Series | None, bound: np.ndarray, failures: Failures, name: str
) -> np.ndarray:
    default = np.isfinite(bound)
    if c is None:
        return default
    v = _to_bool(c, failures, name)
    if v.dtype == bool:
        return v
    return np.where(v == -1, default, v == 1)


def _units(
    units_given: pd.Series | None, failures: Failures, name: str, n: int, index: pd.Index
) -> np.ndarray:
    if units_given is None:
        return np.full(n, "", dtype=object)
    codes, uniques = pd.factorize(units_given, use_na_sentinel=True)
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
    return canon[idx]


def _floor_per_row(unit: np.ndarray, conv: Conventions) -> np.ndarray:
    codes, uniques = pd.factorize(unit)
    floors = np.array([conv.lower_limit(str(u)) for u in uniques], dtype="float64")
    return floors[codes] if len(uniques) else np.zeros(len(unit))


def _check_counts(
    failures: Failures,
    low: np.ndarray,
    best: np.ndarray,
    unit: np.ndarray,
    names: Mapping[str, str],
    live: np.ndarray,
) -> None:
    codes, uniques = pd.factorize(unit)
    counts = np.array([is_count(str(u)) for u in uniques], dtype=bool)
    if not len(uniques):
        return
    count = counts[codes]
    with np.errstate(invalid="ignore"):
        failures.add(
            live & count & (low < 0),
            names["low"],
            low,
            "a count >= 0 (a negative number is often a missing-value code: pass na_values=)",
        )
        failures.add(
            live & count & (best < 0),
            names["best"],
            best,
            "a count >= 0 (a negative number is often a missing-value code: pass na_values=)",
        )


def _figures_from_text(
    text: pd.Series,
    langs: pd.Series,
    conv: Conventions,
    failures: Failures,
    name: str,
    units_given: pd.Series | None,
    n: int,
) -> dict[str, Any]:
    from .._parsing.parser import parse

    pairs = pd.DataFrame({"t": text, "l": langs})
    codes, uniques = pd.factorize(pd.MultiIndex.from_frame(pairs.fillna({"t": "\x00"})))
    m = len(uniques)
    lo = np.full(m, np.nan)
    hi = np.full(m, np.nan)
    lc = np.zeros(m, dtype=bool)
    hc = np.zeros(m, dtype=bool)
    be = np.full(m, np.nan)
    hedge = np.full(m, Hedge.EXACT.value, dtype=object)
    unit = np.full(m, "", dtype=object)
    amb = np.zeros(m, dtype=bool)
    reason = np.full(m, None, dtype=object)
    for i, (t, lang) in enumerate(uniques):
        if t == "\x00":
            reason[i] = "a figure as written, such as 'up to 12,000' (the cell is empty)"
            continue
        try:
            f = parse(str(t), str(lang), conventions=conv)
        except (ParseError, EstimatesError, ValueError) as exc:
            reason[i] = getattr(exc, "reason", None) or str(exc)
            if isinstance(exc, ParseError):
                reason[i] = f"a figure ({exc.reason}; expected {exc.expected})"
            continue
        lo[i], hi[i], lc[i], hc[i] = f.low, f.high, f.low_closed, f.high_closed
        be[i] = np.nan if f.best is None else f.best
        hedge[i], unit[i], amb[i] = f.hedge.value, f.unit, f.ambiguous
    bad = reason[codes]
    failures.add(pd.notna(bad), name, text, np.where(pd.notna(bad), bad, ""))
    out_unit = unit[codes]
    low, high, best = lo[codes], hi[codes], be[codes]
    if units_given is not None:
        given = _units(units_given, failures, "unit", n, text.index)
        has = given != ""
        # A unit column names the unit; a parsed noun must agree with it.
        parsed = out_unit
        conflict = np.zeros(n, dtype=bool)
        for g, p in set(
            zip(given[has & (parsed != "")], parsed[has & (parsed != "")], strict=True)
        ):
            try:
                conversion_factor(p, g)
            except UnitError:
                conflict |= (given == g) & (parsed == p)
        failures.add(conflict, "unit", units_given, "a unit compatible with the figure's noun")
        out_unit = np.where(has, given, parsed)
    return {
        "low": low,
        "high": high,
        "low_closed": lc[codes],
        "high_closed": hc[codes],
        "best": best,
        "hedge": hedge[codes],
        "unit": out_unit,
        "profile": pd.Series(conv.name, index=text.index),
        "ambiguous": amb[codes],
    }


# ---------------------------------------------------------------------- dates
def _days(
    s: pd.Series, failures: Failures, name: str, date_format: str | None
) -> tuple[pd.Series, pd.Series]:
    """Start and end days of each cell (a day, period or ISO interval)."""
    idx = s.index
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        d = _as_naive_days(s)
        return d, d.copy()
    t = _text(s)
    codes, uniques = pd.factorize(t, use_na_sentinel=True)
    m = len(uniques)
    starts = np.full(m + 1, np.datetime64("NaT"), dtype="datetime64[ns]")
    ends = starts.copy()
    bad = np.zeros(m + 1, dtype=bool)
    why = np.full(m + 1, "", dtype=object)
    if date_format is not None and m:
        parsed = pd.to_datetime(
            pd.Series(uniques, dtype=object), format=date_format, errors="coerce"
        )
        ok = parsed.notna().to_numpy()
        starts[:m][ok] = parsed[ok].to_numpy(dtype="datetime64[ns]")
        ends[:m][ok] = starts[:m][ok]
        todo = np.flatnonzero(~ok)
    else:
        todo = np.arange(m)
    for i in todo:
        u = str(uniques[i])
        try:
            a, b = parse_date_bounds(u)
            if a is None or b is None:
                raise FigureError("date", u, "a closed interval (no '..' end) here")
            starts[i], ends[i] = np.datetime64(a, "ns"), np.datetime64(b, "ns")
        except FigureError as exc:
            bad[i] = True
            why[i] = (
                exc.expected
                if date_format is None
                else (f"a date in the format {date_format!r}, or {DATE_EXPECTED}")
            )
            if date_format is None and re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", u):
                why[i] += "; for day-first dates pass date_format='%d/%m/%Y'"
    cidx = np.where(codes >= 0, codes, m)
    failures.add(bad[cidx], name, s, why[cidx])
    return pd.Series(starts[cidx], index=idx), pd.Series(ends[cidx], index=idx)


def _as_naive_days(s: pd.Series) -> pd.Series:
    d = s
    if getattr(d.dt, "tz", None) is not None:
        d = d.dt.tz_localize(None)
    return d.dt.normalize().astype(DATETIME)


def _interval_columns(
    col: Any,
    single: str,
    start: str,
    end: str,
    failures: Failures,
    user_name: Any,
    date_format: str | None,
    open_end: pd.Series | None,
) -> tuple[pd.Series, pd.Series]:
    one = col(single)
    a, b = col(start), col(end)
    if one is not None:
        return _open_interval(one, failures, user_name(single), date_format, open_end)
    if a is None and b is None:
        nat = pd.Series(pd.NaT, index=col("quantity").index, dtype=DATETIME)
        return nat, nat.copy()
    if a is not None:
        sa = _days(a, failures, user_name(start), date_format)[0]
    if b is not None:
        sb = _days(b, failures, user_name(end), date_format)[1]
    if a is None:
        sa = sb.copy()
    if b is None:
        sb = sa.copy()
    swapped = (sa > sb).to_numpy()
    failures.add(swapped, user_name(start), sa.astype(str), "a day on or before the end day")
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
    cols = {}
    for c in COLUMNS:
        v = frame[c.name]
        dt = dtype_of(c)
        if c.kind == "string":
            v = v.astype(dt) if v.dtype != dt else v
        elif c.kind == "category":
            v = pd.Series(
                pd.Categorical(v.astype(object), categories=dt.categories), index=frame.index
            )
        elif c.kind == "bool":
            v = v.astype(bool)
        else:
            v = v.astype(dt)
        cols[c.name] = v
    out = pd.DataFrame(cols, index=frame.index)
    for c in frame.columns:
        if c not in BY_NAME:
            out[c] = frame[c]
    return out
