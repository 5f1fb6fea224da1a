"""Reconcile: per group, what the claims span, allow and support, and how they clash.

:func:`reconcile` is what :meth:`Claims.reconcile` runs.  It selects the claims that
count (valid rows, ``as_of``/``window``, ``latest_per_source``, excluded source kinds,
one claim per repeated original), then runs :func:`reconcile_frame` — the pure kernel
over a frame holding whole groups — which a distributed engine can run per partition.

Output columns (one row per group, indexed by the ``by`` keys)
----------------------------------------------------------------
claims
    Number of claims in the group.
sources
    Number of distinct agents after aliases (a joint claim counts each of its agents;
    an ``original_source`` stands for the outlets repeating it).
stated_low, stated_high
    The smallest and largest numbers the sources stated ("from 10,000 to 12,000"):
    the bound of "up to 12,000" is stated, its implied floor of 0 is not; a vague
    magnitude ("thousands") states no number.
envelope_low, envelope_high (+ ``_closed``)
    The hull of all the claims' intervals.
consensus_low, consensus_high (+ ``_closed``)
    What every claim allows (their intersection); NaN when there is none.
agreement_low, agreement_high (+ ``_closed``), agreement_claims, agreement_regions
    The sub-range supported by the most claims, how many support it, and how many
    separate sub-ranges tie for that support (the narrowest is shown, then the lowest:
    "10,000" held by two claims is sharper than "2,000 to 10,000" held by two).
best, best_strategy
    A central estimate under the named strategy (see below).
conflicts
    Number of claim pairs whose intervals do not meet (closedness respected).
max_gap
    The widest gap between two claims that do not meet (NaN when all meet).
spread
    ``stated_high / stated_low``.
verdict
    ``agree`` when a consensus range exists, ``conflict`` when it does not (exactly
    when some pair of claims excludes each other), ``single`` for a lone claim.
unit
    The unit every figure of the group was converted to.

Best-estimate strategies
------------------------
median
    The median of the claims' best values (a range without a best counts by its
    midpoint; ceilings, floors and vague magnitudes state no best and are left out).
conservative
    The lowest credible figure, as ACLED and UCDP do: the smallest best value or lower
    bound any claim gives (ceilings give none).
midpoint
    The middle of the consensus range, else of the agreement range.
latest
    The best value (or range midpoint) of the most recently stated claim.
weighted
    The weighted mean of best values, weighted by source (see ``sources=`` and
    ``weights=``).
reliability
    The weighted median of the claims' intervals, each weighted by its source's
    reliability learned across every group at once (truth discovery; see
    :mod:`estimates._compute.reliability`); adds ``strategy_explanation``.
pooled
    The median of a linear opinion pool of per-claim distributions (see
    :mod:`estimates._compute.pooling`); adds ``pool_p05``, ``pool_p50`` and
    ``pool_p95`` columns (or the ``quantiles=`` asked for).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._model.errors import DataQualityWarning
from .._model.hedges import HEDGE_CODES
from .._model.sources import SourceBook
from . import time as _time
from .comparability import check_periods, harmonise_units
from .kernel import (
    KERNEL_SCHEMA,
    STRATEGIES,
    claim_points,
    distinct_per_group,
    group_medians,
    summarise,
)
from .pooling import pool_columns, pooled_quantiles
from .result import Reconciliation
from .sources import agents_of, canonical_cells, claim_weights, dedupe_originals, kind_mask
from .time import DateLike, as_of_mask, revisions

if TYPE_CHECKING:  # pragma: no cover
    from .._table.claims import Claims

__all__ = ["group_codes", "reconcile", "reconcile_frame", "select"]

ALL_STRATEGIES = (*STRATEGIES, "pooled", "reliability")


def _by_list(by: str | Sequence[str]) -> list[str]:
    return [by] if isinstance(by, str) else list(by)


def group_codes(frame: pd.DataFrame, by: Sequence[str]) -> tuple[np.ndarray, pd.Index]:
    """Dense group codes (groups in key order) and the group labels.

    Categorical keys use their codes (no hashing of strings); missing keys form a
    group of their own, last.
    """
    missing = [c for c in by if c not in frame.columns]
    if missing:
        raise KeyError(
            f"by={list(by)}: no column {missing[0]!r}; columns are {list(frame.columns)}"
        )
    parts: list[tuple[np.ndarray, pd.Index]] = [_codes_of(frame[c]) for c in by]
    n = len(frame)
    key = np.zeros(n, dtype=np.int64)
    size = 1
    for codes, labels in parts:
        size *= len(labels)
        if size >= 2**62:  # pragma: no cover - astronomically many combinations
            raise OverflowError("too many combinations of group keys")
        key = key * len(labels) + codes
    if size <= 4 * n + 1024:
        present = np.bincount(key, minlength=size) > 0
        if present.all():  # every key is used: the codes are already dense
            codes = key
        else:
            remap = np.cumsum(present) - 1
            codes = remap[key]
        used = np.flatnonzero(present)
    else:
        used, codes = np.unique(key, return_inverse=True)
    levels = []
    rest = used
    for _, labels in reversed(parts):
        rest, idx = np.divmod(rest, len(labels))
        levels.append(labels.take(idx))
    levels.reverse()
    if len(by) == 1:
        index = pd.Index(levels[0], name=by[0])
    else:
        index = pd.MultiIndex.from_arrays(levels, names=list(by))
    return codes.astype(np.int64, copy=False), index


def _codes_of(s: pd.Series) -> tuple[np.ndarray, pd.Index]:
    if isinstance(s.dtype, pd.CategoricalDtype):
        codes = s.cat.codes.to_numpy(dtype=np.int64)
        cats = s.cat.categories
        if (codes < 0).any():
            codes = np.where(codes < 0, len(cats), codes)
            cats = cats.append(pd.Index([np.nan]))
        return codes, cats
    codes, uniques = pd.factorize(s, sort=True, use_na_sentinel=True)
    labels = pd.Index(uniques)
    if (codes < 0).any():
        codes = np.where(codes < 0, len(labels), codes)
        labels = labels.append(pd.Index([np.nan]))
    return codes.astype(np.int64), labels


def reconcile_frame(
    frame: pd.DataFrame,
    by: str | Sequence[str] = "quantity",
    *,
    strategy: str = "median",
    sources: SourceBook | None = None,
    weights: str | None = None,
    unit: str | None = None,
    quantiles: Sequence[float] = (0.05, 0.5, 0.95),
    tail: float = 2.0,
    use_originals: bool = True,
    check: bool = True,
) -> pd.DataFrame:
    """The reconcile kernel on a frame of claims holding whole groups.

    Pure: the frame is not modified, the output schema is fixed
    (:data:`~estimates._compute.kernel.KERNEL_SCHEMA` plus ``unit`` and, for
    ``strategy="pooled"``, the pool's quantiles).  Running it on each partition of a
    frame partitioned by ``by`` gives the same rows as running it on the whole.
    """
    by = _by_list(by)
    if strategy not in ALL_STRATEGIES:
        raise ValueError(f"strategy={strategy!r}: expected one of {', '.join(ALL_STRATEGIES)}")
    codes, labels = group_codes(frame, by)
    ngroups = len(labels)
    extra = pool_columns(quantiles) if strategy == "pooled" else []
    if ngroups == 0:
        cols = {c: pd.Series([], dtype=t) for c, t in KERNEL_SCHEMA.items()}
        cols["unit"] = pd.Series([], dtype="category")
        for c in extra:
            cols[c] = pd.Series([], dtype="float64")
        if strategy == "reliability":
            cols["strategy_explanation"] = pd.Series([], dtype=object)
        return pd.DataFrame(cols, index=labels)
    factor, group_unit = harmonise_units(frame["unit"], codes, ngroups, labels, unit)
    low = frame["low"].to_numpy(dtype="float64")
    high = frame["high"].to_numpy(dtype="float64")
    best = frame["best"].to_numpy(dtype="float64")
    if factor is not None:
        low, high, best = low * factor, high * factor, best * factor
    if check and frame["refers_start"].notna().any():
        check_periods(
            frame["refers_start"], frame["refers_end"], codes, ngroups, labels, stacklevel=5
        )
    hcodes = hedge_codes(frame["hedge"])
    w = claim_weights(frame, sources, weights) if strategy in ("weighted", "pooled") else None
    stated = frame["stated_end"].to_numpy(dtype="datetime64[ns]").astype(np.int64)

    def count_sources_and_medians() -> tuple[np.ndarray, np.ndarray | None]:
        agents = agents_of(frame, sources, use_originals=use_originals)
        counts = distinct_per_group(codes[agents.claim], agents.code, ngroups)
        del agents
        if strategy not in ("median", "pooled"):
            return counts, None
        return counts, group_medians(codes, claim_points(low, high, best, hcodes), ngroups)

    # Counting sources and the median are independent of the sweep: on large tables
    # they run on the other core (numpy releases the GIL in sorts and array loops).
    with _maybe_parallel(len(frame)) as pool:
        side = pool.submit(count_sources_and_medians)
        out = summarise(
            codes,
            ngroups,
            low,
            high,
            frame["low_closed"].to_numpy(dtype=bool),
            frame["high_closed"].to_numpy(dtype=bool),
            best,
            hcodes,
            stated=stated,
            weight=w,
            sources=np.zeros(ngroups, dtype=np.int64),
            strategy="median" if strategy in ("pooled", "reliability") else strategy,
            best_values=(
                np.zeros(ngroups) if strategy in ("median", "pooled", "reliability") else None
            ),
        )
        out["sources"], medians = side.result()
        if medians is not None:
            out["best"] = medians
    result = pd.DataFrame(
        {c: _typed(out[c], t) for c, t in KERNEL_SCHEMA.items()}, index=labels, copy=False
    )
    result["unit"] = pd.Categorical(group_unit)
    if strategy == "pooled":
        qv = pooled_quantiles(codes, ngroups, low, high, best, w, quantiles, tail=tail)
        for j, name in enumerate(extra):
            result[name] = qv[:, j]
        mid = [i for i, q in enumerate(quantiles) if q == 0.5]
        result["best"] = (
            qv[:, mid[0]]
            if mid
            else pooled_quantiles(codes, ngroups, low, high, best, w, (0.5,), tail=tail)[:, 0]
        )
        result["best_strategy"] = pd.Categorical(["pooled"] * ngroups)
    if strategy == "reliability":
        result = _with_reliability(frame, by, result, sources, unit)
    return result


def _with_reliability(
    frame: pd.DataFrame,
    by: list[str],
    result: pd.DataFrame,
    sources: SourceBook | None,
    unit: str | None,
) -> pd.DataFrame:
    """The ``reliability`` strategy hook (see :mod:`estimates._compute.reliability`):
    ``best`` from source weights learned across every group of the frame, and a
    ``strategy_explanation`` column."""
    from .reliability import discover_frame

    groups, _ = discover_frame(frame, by, sources=sources, unit=unit)
    result["best"] = groups["best"].to_numpy()
    result["best_strategy"] = pd.Categorical(["reliability"] * len(result))
    result["strategy_explanation"] = groups["strategy_explanation"].to_numpy()
    return result


def _typed(values: np.ndarray, dtype: str) -> Any:
    if dtype == "category":
        return pd.Categorical(values)
    return np.asarray(values, dtype=dtype)


def hedge_codes(hedge: pd.Series) -> np.ndarray:
    """Integer hedge codes in the order of :class:`estimates.Hedge`."""
    if isinstance(hedge.dtype, pd.CategoricalDtype) and tuple(hedge.cat.categories) == HEDGE_CODES:
        codes = hedge.cat.codes.to_numpy()
    else:
        codes = pd.Categorical(hedge.astype(object), categories=HEDGE_CODES).codes
    if (codes < 0).any():
        raise ValueError("hedge: expected hedge codes such as 'exact' or 'up_to'")
    return codes


class _Inline:
    """A stand-in executor that runs work at once (for small tables)."""

    def __enter__(self) -> _Inline:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def submit(self, fn: Any, *args: Any) -> Future[Any]:
        fut: Future[Any] = Future()
        try:
            fut.set_result(fn(*args))
        except BaseException as exc:
            fut.set_exception(exc)
        return fut


def _maybe_parallel(n: int) -> Any:
    if n >= PARALLEL_THRESHOLD and (os.cpu_count() or 1) > 1:
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="estimates")
    return _Inline()


#: Tables at least this long count sources on a second thread.
PARALLEL_THRESHOLD = 200_000


def select(
    claims: Claims,
    by: Sequence[str],
    *,
    as_of: DateLike | None = None,
    window: str | pd.Timedelta | None = None,
    latest_per_source: bool = False,
    sources: SourceBook | None = None,
    exclude_kinds: Sequence[str] | str = (),
    dedupe: bool = True,
    stacklevel: int = 4,
) -> pd.DataFrame:
    """The rows of ``claims`` that count, after every documented filter."""
    frame = claims._frame
    if "error" in frame.columns:
        bad = frame["error"].notna().to_numpy()
        if bad.any():
            warnings.warn(
                f"{int(bad.sum())} claims flagged invalid were left out (see claims.flagged())",
                DataQualityWarning,
                stacklevel=stacklevel,
            )
            frame = frame[~bad]
    mask = as_of_mask(frame, as_of, window, stacklevel=stacklevel + 1)
    if mask is not None:
        frame = frame[mask]
    kinds = [exclude_kinds] if isinstance(exclude_kinds, str) else list(exclude_kinds)
    if kinds:
        frame = frame[~kind_mask(frame, kinds, sources)]
    if latest_per_source:
        frame = frame.iloc[_time.latest_per_source(frame, by, canonical_cells(frame, sources))]
    if dedupe:
        frame = dedupe_originals(frame, by)
    return frame


def reconcile(
    claims: Claims,
    by: str | Sequence[str] = "quantity",
    *,
    strategy: str = "median",
    as_of: DateLike | None = None,
    window: str | pd.Timedelta | None = None,
    latest_per_source: bool = False,
    sources: SourceBook | None = None,
    exclude_kinds: Sequence[str] | str = (),
    weights: str | None = None,
    unit: str | None = None,
    cumulative: bool | Sequence[str] = False,
    dedupe: bool = True,
    quantiles: Sequence[float] = (0.05, 0.5, 0.95),
    tail: float = 2.0,
) -> pd.DataFrame:
    """Per group: ranges, consensus, agreement, conflicts and a best estimate.

    Parameters
    ----------
    claims : Claims
    by : str or list of str
        Column(s) to group by (default ``"quantity"``; e.g. ``["country", "type"]``).
    strategy : str
        Best-estimate strategy: ``median`` (default), ``conservative``, ``midpoint``,
        ``latest``, ``weighted``, ``pooled`` or ``reliability`` (see the module
        documentation).
    as_of : date, optional
        Only claims stated by then (``stated_end <= as_of``).
    window : duration, optional
        Only claims stated within this span before ``as_of`` (``"30D"``, ``"4W"``).
    latest_per_source : bool
        A source's later claim on a group supersedes its earlier ones.
    sources : SourceBook, optional
        Aliases (merged before counting), kinds (for ``exclude_kinds``) and weights.
    exclude_kinds : str or list of str
        Leave out claims by sources of these kinds (from a ``source_kind`` column or
        ``sources.kinds``), e.g. ``"warring party"``.
    weights : str, optional
        Name of a column of per-claim weights (default: the sources' weights).
    unit : str, optional
        Convert every group to this unit (default: each group's most common unit).
    cumulative : bool or list of str
        Mark quantities as cumulative (a toll): a source's later claim lower than its
        earlier one is flagged (``decreases`` column and a ``RevisionWarning``).
    dedupe : bool
        Count a figure repeated from one ``original_source`` once.
    quantiles, tail
        For ``strategy="pooled"``.

    Returns
    -------
    pandas.DataFrame
        One row per group (see the module documentation for every column).

    Examples
    --------
    >>> import pandas as pd, estimates
    >>> claims = estimates.read_claims(pd.DataFrame({
    ...     "quantity": ["troops"] * 2, "figure": ["10,000", "up to 12,000"],
    ...     "source": ["United States", "US intelligence"],
    ...     "stated": ["2024-W45", "2024-11-12"]}))
    >>> r = claims.reconcile()
    >>> print(r.loc["troops", ["stated_low", "stated_high", "verdict", "best"]].to_dict())
    {'stated_low': 10000.0, 'stated_high': 12000.0, 'verdict': 'agree', 'best': 10000.0}
    """
    by = _by_list(by)
    frame = select(
        claims,
        by,
        as_of=as_of,
        window=window,
        latest_per_source=latest_per_source,
        sources=sources,
        exclude_kinds=exclude_kinds,
        dedupe=dedupe,
    )
    result = reconcile_frame(
        frame,
        by,
        strategy=strategy,
        sources=sources,
        weights=weights,
        unit=unit,
        quantiles=quantiles,
        tail=tail,
    )
    if cumulative is not False:
        result = _with_decreases(frame, by, result, cumulative)
    return Reconciliation(result)


def _with_decreases(
    frame: pd.DataFrame, by: list[str], result: pd.DataFrame, cumulative: Any
) -> pd.DataFrame:
    if cumulative is True:
        cum = frame
    else:
        names = [cumulative] if isinstance(cumulative, str) else list(cumulative)
        cum = frame[frame["quantity"].isin(names).to_numpy()]
    down = revisions(cum, by, stacklevel=6)
    counts = down.groupby(by, observed=True).size() if len(down) else pd.Series(dtype="int64")
    result = result.copy()
    result["decreases"] = counts.reindex(result.index).fillna(0).astype("int64").to_numpy()
    return result
