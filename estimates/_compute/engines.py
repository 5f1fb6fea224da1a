"""Engines: the same reconcile kernel past one machine.

:func:`~estimates._compute.reconcile.reconcile_frame` is a pure function from a frame
holding whole groups to one row per group with a fixed schema.  A distributed engine
only has to bring each group's claims into one partition and run it there; Dask does
both with ``shuffle`` and ``map_partitions`` (the fixed schema gives Dask its
``meta`` for free: the kernel run on an empty frame).

Examples
--------
>>> import dask.dataframe as dd, estimates, warnings  # doctest: +SKIP
>>> claims = estimates.read_claims("seeds/kursk_claims.csv")  # doctest: +SKIP
>>> ddf = dd.from_pandas(claims.frame, npartitions=2)  # doctest: +SKIP
>>> estimates.reconcile_dask(ddf).compute().sort_index()  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .reconcile import _by_list, reconcile_frame

__all__ = ["reconcile_dask"]


def reconcile_dask(frame: Any, by: str | Sequence[str] = "quantity", **options: Any) -> Any:
    """Reconcile a Dask DataFrame of claims, one partition of whole groups at a time.

    Parameters
    ----------
    frame : dask.dataframe.DataFrame
        Claims in the standard schema (e.g. ``dd.from_pandas(claims.frame, ...)``);
        rows flagged invalid must be removed first.
    by : str or list of str
        Grouping columns.
    **options
        Options of :func:`~estimates._compute.reconcile.reconcile_frame` (``strategy``,
        ``sources``, ``unit``, ``quantiles`` ...).

    Returns
    -------
    dask.dataframe.DataFrame
        One row per group, the kernel's fixed schema, indexed by the ``by`` keys
        (unordered across partitions: ``.compute().sort_index()`` to order).
    """
    try:
        import dask.dataframe  # noqa: F401
    except ImportError as exc:  # pragma: no cover
        raise ImportError("reconcile_dask needs dask: pip install 'estimates[dask]'") from exc
    by = _by_list(by)
    if "error" in frame.columns:
        raise ValueError(
            "the frame has an 'error' column: drop flagged rows first (claims.valid().frame)"
        )
    meta = reconcile_frame(frame._meta, by, **options)
    shuffled = frame.shuffle(on=by) if frame.npartitions > 1 else frame
    return shuffled.map_partitions(reconcile_frame, by, meta=meta, **options)
