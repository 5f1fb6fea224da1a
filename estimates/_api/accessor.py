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

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from .._model.conventions import Conventions
from .._table.schema import ERROR_COLUMN
from .claims import Claims, read_claims

__all__ = ["EstimatesAccessor"]

Mapped = Mapping[str, str | Sequence[str]]
NaValues = Mapping[str, Sequence[object]] | Sequence[object] | None


@pd.api.extensions.register_dataframe_accessor("estimates")
class EstimatesAccessor:
    """``df.estimates``: read the frame as claims and analyse it.

    The DataFrame is never modified.
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame = frame

    def claims(
        self,
        *,
        errors: str = "raise",
        lang: str = "en",
        conventions: str | Conventions | None = None,
        date_format: str | None = None,
        na_values: NaValues = None,
        columns: Mapped | None = None,
    ) -> Claims:
        """The frame as a :class:`~estimates.Claims` table.

        Parameters
        ----------
        errors, lang, conventions, date_format, na_values
            As for :func:`~estimates.read_claims`.
        columns : mapping, optional
            Standard field -> your column name (``{"low": "estimate_low"}``), the
            ``**mapping`` of :func:`~estimates.read_claims`.
        """
        mapping: dict[str, Any] = dict(columns or {})
        return read_claims(
            self._frame,
            errors=errors,
            lang=lang,
            conventions=conventions,
            date_format=date_format,
            na_values=na_values,
            **mapping,
        )

    def validate(
        self,
        *,
        lang: str = "en",
        conventions: str | Conventions | None = None,
        date_format: str | None = None,
        na_values: NaValues = None,
        columns: Mapped | None = None,
    ) -> pd.DataFrame:
        """Every problem in the frame, as a table (empty when the frame is valid).

        One row per invalid input row: ``error`` says why, ``original_cells`` holds the
        row's cells as written.  Parameters as for :meth:`claims`.
        """
        claims = self.claims(
            errors="flag",
            lang=lang,
            conventions=conventions,
            date_format=date_format,
            na_values=na_values,
            columns=columns,
        )
        frame = claims.frame
        return frame.loc[frame[ERROR_COLUMN].notna().to_numpy(), [ERROR_COLUMN]]

    def reconcile(self, by: str | list[str] = "quantity", **options: Any) -> pd.DataFrame:
        """``read_claims(df).reconcile(by, **options)`` (options of
        :meth:`Claims.reconcile <estimates.Claims.reconcile>`)."""
        return read_claims(self._frame).reconcile(by=by, **options)
