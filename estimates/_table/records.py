"""Claims tables built from :class:`~estimates.Claim` objects (the one row-from-Claim path)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from .._model.claim import Claim
from .._model.errors import FigureError
from .ingest import standardise

__all__ = ["empty_frame", "frame_of_claims"]


def frame_of_claims(claims: Iterable[Claim]) -> pd.DataFrame:
    """The standard claims frame of some claims (their ``extra`` become columns)."""
    rows = [_claim_record(c) for c in claims]
    if not rows:
        return empty_frame()
    return standardise(pd.DataFrame.from_records(rows), errors="raise")


def empty_frame() -> pd.DataFrame:
    """A standard claims frame with no rows."""
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


def _ts(d: date | None) -> object:  # a Timestamp, or NaT
    return pd.NaT if d is None else pd.Timestamp(d)
