"""The ``df.estimates`` accessor: the claims API from any pandas DataFrame.

Importing :mod:`estimates` registers it.

Examples
--------
>>> import pandas as pd, estimates
>>> df = pd.DataFrame({"quantity": ["q", "q"], "low": [1, 5], "high": [3, 9],
...                    "source": ["A", "B"], "stated": ["2024-11-04", "2024-11-12"]})
>>> df.estimates.reconcile()[["envelope_low", "envelope_high", "verdict"]]
          envelope_low  envelope_high   verdict
quantity
q                  1.0            9.0  conflict
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .claims import Claims, read_claims

__all__ = ["EstimatesAccessor"]


@pd.api.extensions.register_dataframe_accessor("estimates")
class EstimatesAccessor:
    """``df.estimates``: read the frame as claims and analyse it.

    The DataFrame is never modified.
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame = frame

    def claims(self, **options: Any) -> Claims:
        """The frame as a :class:`~estimates.Claims` table (options of ``read_claims``)."""
        return read_claims(self._frame, **options)

    def validate(self, **options: Any) -> pd.DataFrame:
        """Every problem in the frame, as a table (empty when the frame is valid)."""
        claims = read_claims(self._frame, errors="flag", **options)
        flags = claims.flags
        return claims.frame.loc[flags.notna().to_numpy(), ["error"]]

    def reconcile(self, by: str | list[str] = "quantity", **options: Any) -> pd.DataFrame:
        """``read_claims(df).reconcile(by, **options)``."""
        return read_claims(self._frame).reconcile(by=by, **options)
