"""Plain-text display of claims tables, for terminals and ``repr``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from .._table.claims import Claims

__all__ = ["claims_text", "interval_text", "summary_frame"]


def interval_text(low: np.ndarray, high: np.ndarray, lc: np.ndarray, hc: np.ndarray) -> np.ndarray:
    """Interval notation per row: ``[0, 12,000]``, ``(13,000, inf)``, ``[10,000]``."""

    def num(x: np.ndarray) -> np.ndarray:
        out = np.array([f"{v:,.15g}" for v in x], dtype=object)
        out[np.isposinf(x)] = "inf"
        out[np.isneginf(x)] = "-inf"
        return out

    lo, hi = num(low), num(high)
    left = np.where(lc, "[", "(")
    right = np.where(hc, "]", ")")
    body = np.where(low == high, lo, lo + ", " + hi)
    return (left + body + right).astype(object)


def summary_frame(claims: Claims, max_rows: int | None = None) -> pd.DataFrame:
    """The columns a reader wants first: quantity, figure, interval, source, stated."""
    f = claims._frame if max_rows is None else claims._frame.head(max_rows)
    stated = np.where(
        f["stated_start"].isna(),
        "",
        np.where(
            f["stated_start"] == f["stated_end"],
            f["stated_start"].dt.strftime("%Y-%m-%d"),
            f["stated_start"].dt.strftime("%Y-%m-%d") + "/" + f["stated_end"].dt.strftime("%Y-%m-%d"),
        ),
    )
    out = pd.DataFrame(
        {
            "quantity": f["quantity"].astype(object).fillna(""),
            "figure": f["text"].astype(object).fillna(""),
            "interval": interval_text(
                f["low"].to_numpy(), f["high"].to_numpy(), f["low_closed"].to_numpy(),
                f["high_closed"].to_numpy(),
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


def claims_text(claims: Claims, max_rows: int = 20) -> str:
    """A short header and the first rows of a claims table."""
    f = claims._frame
    n = len(f)
    head = (
        f"Claims: {n} claim{'s' if n != 1 else ''}, {len(claims.quantities)} "
        f"quantit{'ies' if len(claims.quantities) != 1 else 'y'}, "
        f"{len(claims.sources)} source{'s' if len(claims.sources) != 1 else ''}"
    )
    if "error" in f.columns:
        head += f", {int(f['error'].notna().sum())} flagged invalid"
    if n == 0:
        return head
    table = summary_frame(claims, max_rows).to_string(max_colwidth=40)
    more = f"\n... {n - max_rows} more" if n > max_rows else ""
    return f"{head}\n{table}{more}"
