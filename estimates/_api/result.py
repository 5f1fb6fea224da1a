"""The result of ``reconcile``: a DataFrame that displays itself for readers.

:class:`Reconciliation` is a plain :class:`pandas.DataFrame` (every pandas method
works and returns plain DataFrames) whose notebook display is a compact table of
ranges, verdicts and conflicts rather than 25 raw columns.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["Reconciliation"]


class Reconciliation(pd.DataFrame):
    """One row per group: the columns documented in ``Claims.reconcile``."""

    @property
    def _constructor(self) -> type[pd.DataFrame]:
        # Derived frames (selections, copies) are plain DataFrames.
        return pd.DataFrame

    def _repr_html_(self) -> str | None:
        from .._present.html import reconciliation_html

        return reconciliation_html(self)

    def to_frame(self) -> pd.DataFrame:
        """The same data as a plain DataFrame."""
        return pd.DataFrame(self)
