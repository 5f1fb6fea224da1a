"""The result of ``reconcile``: a DataFrame that displays itself for readers.

:class:`Reconciliation` is a plain :class:`pandas.DataFrame` (every pandas method
works and returns plain DataFrames) whose display -- in a notebook, and at a Python or
IPython prompt -- is a compact table of ranges, verdicts and conflicts rather than
some fifty raw columns cut to a few by pandas.
"""

from __future__ import annotations

from typing import ClassVar

import pandas as pd

__all__ = ["Reconciliation"]


class Reconciliation(pd.DataFrame):
    """One row per group: the columns documented in ``Claims.reconcile``.

    It keeps a reference to the claims frame it was computed from (never copied), so
    that its display keeps the claims' hedges ("10,000 to as many as 12,000").
    """

    _metadata: ClassVar[list[str]] = ["_claims"]
    _claims: pd.DataFrame | None = None

    @property
    def _constructor(self) -> type[pd.DataFrame]:
        # Derived frames (selections, copies) are plain DataFrames.
        return pd.DataFrame

    def __repr__(self) -> str:
        """The reader's table, as the CLI prints it (hedges kept), and how to see the
        rest; a frame without the columns of ``reconcile`` shows as pandas shows it."""
        from .._present.text import RECONCILIATION_CORE, reconciliation_text

        if not all(c in self.columns for c in RECONCILIATION_CORE):
            return super().__repr__()
        text = reconciliation_text(self, claims=self._claims)
        return f"{text}\n[{len(self.columns)} columns: .to_frame() shows them all]"

    def _repr_html_(self) -> str | None:
        from .._present.html import reconciliation_html

        return reconciliation_html(self, claims=self._claims)

    @classmethod
    def of(cls, result: pd.DataFrame, claims: pd.DataFrame | None = None) -> Reconciliation:
        """``result`` shown as a reconciliation of the claims frame ``claims``."""
        out = cls(result)
        out._claims = claims
        return out

    def to_frame(self) -> pd.DataFrame:
        """The same data as a plain DataFrame."""
        return pd.DataFrame(self)
