"""Engines: the same kernels past one machine.

The Dask engine is the public module :mod:`estimates.dask` (``read_claims``,
``extract``, ``reconcile``, ``disagreements``, ``revisions``, ``by_source``,
``timeline``, ``sensitivity``).  :func:`reconcile_dask` is kept for compatibility: it
is :func:`estimates.dask.reconcile`.

Examples
--------
>>> import dask.dataframe as dd, estimates, estimates.dask as ed  # doctest: +SKIP
>>> claims = estimates.read_claims("seeds/kursk_claims.csv")  # doctest: +SKIP
>>> ddf = dd.from_pandas(claims.frame, npartitions=2)  # doctest: +SKIP
>>> ed.reconcile(ddf).compute().sort_index()  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["reconcile_dask"]


def reconcile_dask(frame: Any, by: str | Sequence[str] = "quantity", **options: Any) -> Any:
    """Reconcile a Dask DataFrame of claims: :func:`estimates.dask.reconcile`.

    Kept for compatibility; new code calls ``estimates.dask.reconcile(ddf, by=...,
    ...)``, whose options are spelled out.

    Parameters
    ----------
    frame : dask.dataframe.DataFrame
        Claims in the standard schema.
    by : str or list of str
        Grouping columns.
    **options
        The options of :func:`estimates.dask.reconcile`.

    Returns
    -------
    dask.dataframe.DataFrame
        One row per group, indexed by the ``by`` keys (unordered across partitions).
    """
    from .. import dask as _engine  # lazy: importing estimates must not import dask

    return _engine.reconcile(frame, by, **options)
