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
from typing import TYPE_CHECKING

import pandas as pd

from .._model.conventions import Conventions
from .._model.sources import SourceBook
from .._table.schema import ERROR_COLUMN
from .claims import Claims, forwarded, read_claims
from .docs import fill_doc

if TYPE_CHECKING:  # pragma: no cover
    from .._compute.selection import Selection
    from .._compute.time import DateLike

__all__ = ["EstimatesAccessor"]

Mapped = Mapping[str, str | Sequence[str]]
NaValues = Mapping[str, Sequence[object]] | Sequence[object] | None


@pd.api.extensions.register_dataframe_accessor("estimates")
class EstimatesAccessor:
    """``df.estimates``: read the frame as claims and analyse it.

    The DataFrame is never modified.
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        """Made by pandas on ``df.estimates``.

        Parameters
        ----------
        frame : pandas.DataFrame
            The frame, read (never modified) by each method.
        """
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
        return read_claims(self._frame, **forwarded(locals()))

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
        row's cells as written.

        Parameters
        ----------
        lang, conventions, date_format, na_values, columns
            As for :meth:`claims`.
        """
        claims = self.claims(errors="flag", **forwarded(locals()))
        frame = claims.frame
        return frame.loc[frame[ERROR_COLUMN].notna().to_numpy(), [ERROR_COLUMN]]

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
        """``read_claims(df).reconcile(...)``: the frame's claims, reconciled.

        Parameters
        ----------
        by : str or list of str, default "quantity"
            Column(s) to group by, as for :meth:`Claims.reconcile
            <estimates.Claims.reconcile>`.
        %(selection_parameters)s
        strategy, weights, unit, cumulative, quantiles, tail
            As for :meth:`Claims.reconcile <estimates.Claims.reconcile>`.
        %(compare_within_auto)s
        """
        return read_claims(self._frame).reconcile(**forwarded(locals()))
