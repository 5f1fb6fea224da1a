"""Plain-text display of claims tables, for terminals and ``repr``."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._compute.selection import as_frame, quantities_of, sources_of
from .._i18n import translator
from .format import format_interval, format_number, format_periods

__all__ = [
    "claims_summary",
    "claims_text",
    "interval_text",
    "reconciliation_frame",
    "reconciliation_summary",
    "reconciliation_text",
    "summary_frame",
]


def interval_text(
    low: np.ndarray, high: np.ndarray, lc: np.ndarray, hc: np.ndarray, lang: str = "en"
) -> np.ndarray:
    """Interval notation per row: ``[0, 12,000]``, ``(13,000, ∞)``, ``[10,000]`` (the one
    formatter, :func:`estimates._present.format.format_interval`)."""
    return np.array(
        [
            format_interval(float(a), float(b), bool(c), bool(d), lang)
            for a, b, c, d in zip(low, high, lc, hc, strict=True)
        ],
        dtype=object,
    )


def summary_frame(
    claims: pd.DataFrame, max_rows: int | None = None, lang: str = "en"
) -> pd.DataFrame:
    """The columns a reader wants first: quantity, figure, interval, source, stated."""
    f = as_frame(claims)
    f = f if max_rows is None else f.head(max_rows)
    # Dates in words, as in sentences and charts: "week of 4 November 2024".
    stated = format_periods(f["stated_start"], f["stated_end"], lang)
    out = pd.DataFrame(
        {
            "quantity": f["quantity"].astype(object).fillna(""),
            "figure": f["text"].astype(object).fillna(""),
            "interval": interval_text(
                f["low"].to_numpy(),
                f["high"].to_numpy(),
                f["low_closed"].to_numpy(),
                f["high_closed"].to_numpy(),
                lang,
            ),
            "unit": f["unit"].astype(object).fillna(""),
            "hedge": f["hedge"].astype(object),
            "source": f["source"].astype(object).fillna(""),
            "stated": stated,
        },
        index=f.index,
    )
    if "error" in f.columns:
        out["error"] = f["error"].astype(object).fillna("")
    return out


def claims_summary(claims: pd.DataFrame) -> str:
    """One line: how many claims, quantities and sources (and flagged rows).

    >>> import pandas as pd, estimates
    >>> claims_summary(estimates.read_claims(pd.DataFrame(
    ...     {"quantity": ["q"], "figure": ["10"], "source": ["A"], "stated": ["2024"]})))
    'Claims: 1 claim, 1 quantity, 1 source'
    """
    f = as_frame(claims)
    n, q, s = len(f), len(quantities_of(f)), len(sources_of(f))
    head = (
        f"Claims: {n} claim{'s' if n != 1 else ''}, {q} "
        f"quantit{'ies' if q != 1 else 'y'}, "
        f"{s} source{'s' if s != 1 else ''}"
    )
    if "error" in f.columns:
        head += f", {int(f['error'].notna().sum())} flagged invalid"
    return head


def claims_text(claims: pd.DataFrame, max_rows: int = 20, lang: str = "en") -> str:
    """A short header and the first rows of a claims table."""
    f = as_frame(claims)
    n = len(f)
    head = claims_summary(f)
    if n == 0:
        return head
    table = summary_frame(f, max_rows, lang).to_string(max_colwidth=40)
    more = f"\n... {n - max_rows} more" if n > max_rows else ""
    return f"{head}\n{table}{more}"


# ---------------------------------------------------------------------- reconciliations
def reconciliation_summary(frame: pd.DataFrame) -> str:
    """One line: how many groups, and how many of each verdict.

    >>> import pandas as pd
    >>> reconciliation_summary(pd.DataFrame({"verdict": ["conflict", "single", "single"]}))
    'Reconciliation: 3 groups (1 conflict, 2 single)'
    """
    n = len(frame)
    text = f"Reconciliation: {n:,} group{'s' if n != 1 else ''}"
    if n and "verdict" in frame.columns:
        counts = frame["verdict"].astype(str).value_counts()
        parts = [
            f"{counts[v]:,} {v}" for v in ("conflict", "tension", "agree", "single") if v in counts
        ]
        if parts:
            text += " (" + ", ".join(parts) + ")"
    return text


def _num_text(x: np.ndarray, lang: str = "en") -> np.ndarray:
    return np.array([format_number(v, lang) for v in x], dtype=object)


def _range_text(frame: pd.DataFrame, prefix: str) -> np.ndarray:
    lo = frame[f"{prefix}_low"].to_numpy(dtype="float64")
    hi = frame[f"{prefix}_high"].to_numpy(dtype="float64")
    lc_col, hc_col = f"{prefix}_low_closed", f"{prefix}_high_closed"
    lc = frame[lc_col].to_numpy(dtype=bool) if lc_col in frame else np.ones(len(frame), bool)
    hc = frame[hc_col].to_numpy(dtype=bool) if hc_col in frame else np.ones(len(frame), bool)
    text = interval_text(lo, hi, lc, hc)
    text[np.isnan(lo) | np.isnan(hi)] = "none"
    return text


def reconciliation_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns a reader wants first, as text: claims, sources, stated range,
    consensus, agreement, best, verdict, conflicts, max gap, unit.  Column-wise."""
    out = pd.DataFrame(index=frame.index)
    for col in ("claims", "sources"):
        if col in frame.columns:
            out[col] = frame[col].to_numpy()
    if {"stated_low", "stated_high"} <= set(frame.columns):
        lo = frame["stated_low"].to_numpy(dtype="float64")
        hi = frame["stated_high"].to_numpy(dtype="float64")
        lo_t, hi_t = _num_text(lo), _num_text(hi)
        out["stated"] = np.where(
            np.isnan(lo), "none", np.where(lo == hi, lo_t, lo_t + " to " + hi_t)
        )
    for prefix in ("consensus", "agreement"):
        if {f"{prefix}_low", f"{prefix}_high"} <= set(frame.columns):
            out[prefix] = _range_text(frame, prefix)
    if "agreement_claims" in frame.columns and "agreement" in out.columns:
        # Exactly how many claims hold the range: "(2 of 6 claims)", never "most".
        held = frame["agreement_claims"].to_numpy()
        total = frame["claims"].to_numpy() if "claims" in frame.columns else held
        t = translator("en")
        words = np.array(
            [
                t.plural("held", int(n), context="text", k=f"{int(k):,}", n=f"{int(n):,}")
                for k, n in zip(held, total, strict=True)
            ],
            dtype=object,
        )
        out["agreement"] = np.where(
            out["agreement"] == "none", "none", out["agreement"] + " (" + words + ")"
        )
    if "best" in frame.columns:
        out["best"] = _num_text(frame["best"].to_numpy(dtype="float64"))
        if "best_strategy" in frame.columns:
            strategy = frame["best_strategy"].astype(str).to_numpy(dtype=object)
            out["best"] = np.where(out["best"] == "", "", out["best"] + " (" + strategy + ")")
    for col in ("verdict", "conflicts"):
        if col in frame.columns:
            out[col] = frame[col].astype(object).to_numpy()
    if "max_gap" in frame.columns:
        out["max gap"] = _num_text(frame["max_gap"].to_numpy(dtype="float64"))
    for col in ("unit", "decreases"):
        if col in frame.columns:
            out[col] = frame[col].astype(object).to_numpy()
    return out


def reconciliation_text(
    frame: pd.DataFrame, max_rows: int = 50, max_colwidth: int | None = 40
) -> str:
    """A reconciliation as plain text: a summary line and one row per group.

    Works on the result of ``reconcile`` (and of ``timeline``); used by the CLI (which
    shows every row, and the group keys whole: ``max_colwidth=None``).

    >>> import pandas as pd, estimates
    >>> claims = estimates.read_claims(pd.DataFrame({
    ...     "quantity": ["troops"] * 2, "figure": ["10,000 soldiers", "up to 12,000 troops"],
    ...     "source": ["United States", "US intelligence"],
    ...     "stated": ["2024-W45", "2024-11-12"]}))
    >>> text = reconciliation_text(claims.reconcile())
    >>> print(text.splitlines()[0])
    Reconciliation: 1 group (1 agree)
    >>> "[10,000] (2 of 2 claims)" in text
    True
    """
    head = reconciliation_summary(frame)
    if len(frame) == 0:
        return head
    table = reconciliation_frame(frame.head(max_rows)).to_string(max_colwidth=max_colwidth)
    more = f"\n... {len(frame) - max_rows:,} more groups" if len(frame) > max_rows else ""
    return f"{head}\n{table}{more}"
