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
    Number of claim pairs of the comparison set whose intervals do not meet, even
    within rounding (see :mod:`estimates._compute.compare`); ``tensions`` counts the
    pairs apart only at a conventional edge or within rounding.
max_gap
    The widest gap between two claims that do not meet (NaN when all meet).
spread
    ``stated_high / stated_low``.
verdict
    ``agree`` when a consensus range exists; ``conflict`` when some pair is in
    conflict; ``tension`` when the only separations are tensions; ``single`` for a
    lone compared claim.
comparison columns
    Every kernel column above describes the group's *comparison set*: each source's
    latest claim (earlier ones are revisions), stated within ``compare_within`` (31
    days) of the group's latest claim.  :data:`COMPARISON_SCHEMA` adds ``tensions``,
    ``claims_total``, ``revisions``, ``earlier``, ``compared_since``, ``span_days``,
    the earliest and latest dated claims (``first_*``, ``latest_*``: how estimates
    grew) and the source that stands apart (``stands_apart``, ``apart_claim``,
    ``apart_gap``, ``apart_gap_open``, ``apart_direction``; see
    :mod:`estimates._compute.camps`).
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
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import numpy as np
import pandas as pd

from .._model.errors import FigureError
from .._model.hedges import HEDGE_CODES
from .._model.sources import SourceBook
from .camps import stands_apart
from .comparability import check_periods, converted
from .compare import (
    ComparisonSet,
    comparison_set,
    hard_pairs,
    or_none,
    source_codes,
    tolerances,
    warn_out_of_window,
)
from .kernel import (
    KERNEL_SCHEMA,
    claim_points,
    distinct_per_group,
    group_medians,
    summarise,
)
from .pooling import pool_columns, pooled_quantiles
from .selection import (
    ALL_STRATEGIES,
    DEFAULT_COMPARE_WITHIN,
    Comparison,
    Selection,
    as_frame,
    by_list,
    selection_of,
)
from .sources import agents_of, claim_weights
from .time import DateLike, decreases

__all__ = [
    "ALL_STRATEGIES",
    "AUTO",
    "COMPARISON_SCHEMA",
    "group_codes",
    "reconcile",
    "reconcile_frame",
    "select",
]

#: The verdicts, in the order of their categorical codes (fixed, so that results of
#: partitions concatenate).
VERDICTS = ("single", "agree", "tension", "conflict")

#: ``compare_within="auto"``: the default window, saying when claims were left out.
AUTO = "auto"

_by_list = by_list


def group_codes(frame: pd.DataFrame, by: Sequence[str]) -> tuple[np.ndarray, pd.Index]:
    """Dense group codes (groups in key order) and the group labels.

    Categorical keys use their codes (no hashing of strings); missing keys form a
    group of their own, last.
    """
    missing = [c for c in by if c not in frame.columns]
    if missing:
        raise FigureError(
            "by",
            list(by),
            f"column names of the claims (no column {missing[0]!r}); "
            f"columns are {list(frame.columns)}",
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
    compare_within: str | pd.Timedelta | int | None = AUTO,
    stacklevel: int = 5,
) -> pd.DataFrame:
    """The reconcile kernel on a frame of claims holding whole groups.

    Pure: the frame is not modified, the output schema is fixed
    (:data:`~estimates._compute.kernel.KERNEL_SCHEMA`, ``unit``, the comparison
    columns of :data:`COMPARISON_SCHEMA` and, for ``strategy="pooled"``, the pool's
    quantiles).  Running it on each partition of a frame partitioned by ``by`` gives
    the same rows as running it on the whole.

    The kernel columns describe each group's *comparison set* (see
    :mod:`estimates._compute.compare`): each source's latest claim, stated within
    ``compare_within`` of the group's latest claim (``"auto"``: 31 days, with a
    :class:`~estimates.ComparabilityWarning` when claims were left out; ``None``:
    every source's latest claim).
    """
    by = _by_list(by)
    if strategy not in ALL_STRATEGIES:
        raise FigureError("strategy", strategy, f"one of {', '.join(ALL_STRATEGIES)}")
    auto = isinstance(compare_within, str) and compare_within == AUTO
    span = DEFAULT_COMPARE_WITHIN if auto else Comparison(compare_within=compare_within).span
    codes, labels = group_codes(frame, by)
    ngroups = len(labels)
    extra = pool_columns(quantiles) if strategy == "pooled" else []
    if ngroups == 0:
        cols: dict[str, pd.Series] = {c: pd.Series([], dtype=t) for c, t in KERNEL_SCHEMA.items()}
        cols["unit"] = pd.Series([], dtype="category")
        for c, t in COMPARISON_SCHEMA.items():
            cols[c] = pd.Series([], dtype=t)
        for c in extra:
            cols[c] = pd.Series([], dtype="float64")
        if strategy == "reliability":
            cols["strategy_explanation"] = pd.Series([], dtype=object)
        return pd.DataFrame(cols, index=labels)
    all_low, all_high, all_best, group_unit = converted(frame, codes, ngroups, labels, unit)
    src, src_names = source_codes(frame, sources)
    cs = comparison_set(frame, codes, ngroups, src, span)
    if auto and span is not None:
        warn_out_of_window(cs, codes, labels, span, stacklevel=stacklevel)
    if check and frame["refers_start"].notna().any():
        check_periods(
            frame["refers_start"][cs.mask],
            frame["refers_end"][cs.mask],
            codes[cs.mask],
            ngroups,
            labels,
            stacklevel=stacklevel,
        )
    mask = cs.mask
    every = bool(mask.all())
    pos = None if every else np.flatnonzero(mask)  # compared rows

    def take(x: np.ndarray, pos: np.ndarray | None = pos) -> np.ndarray:
        return x if pos is None else x[pos]

    sub_codes = take(codes)
    totals = {
        "claims_total": np.bincount(codes, minlength=ngroups),
        "revisions": np.bincount(codes[cs.superseded], minlength=ngroups),
        "earlier": np.bincount(codes[cs.out_of_window], minlength=ngroups),
    }
    del codes  # (the compared claims' codes are kept)
    if len(src_names) < 2**31:
        src = src.astype(np.int32)
    low, high, best = take(all_low), take(all_high), take(all_best)
    del all_low, all_high, all_best  # (copies when some claims are not compared)
    hcodes = take(hedge_codes(frame["hedge"]))
    w = (
        take(claim_weights(frame, sources, weights))
        if strategy in ("weighted", "pooled")
        else None
    )
    stated = (
        take(frame["stated_end"].to_numpy(dtype="datetime64[ns]").view(np.int64))
        if strategy == "latest"
        else None
    )
    low_closed = take(frame["low_closed"].to_numpy(dtype=bool))
    high_closed = take(frame["high_closed"].to_numpy(dtype=bool))
    # the compared claims' source columns (all agents_of reads), when they are few
    few = pos is not None and 2 * len(pos) < len(frame)
    who = frame
    if few:
        assert pos is not None
        who = pd.DataFrame(
            {c: frame[c].iloc[pos] for c in ("source", "original_source") if c in frame}
        )
    del pos, take  # (the compared rows are found again from the mask when needed)

    # distinct sources (before the sweep: the agents' arrays are large, and freed)
    agents = agents_of(who, sources, use_originals=use_originals)
    claim, code = agents.claim, agents.code
    del agents, who
    if not (every or few):  # keep the compared claims' agents, renumbered
        keep = mask[claim]
        claim = (np.cumsum(mask) - 1)[claim[keep]]
        code = code[keep]
        del keep
    n_sources = distinct_per_group(sub_codes[claim], code, ngroups)
    del claim, code

    def medians() -> np.ndarray | None:
        if strategy not in ("median", "pooled"):
            return None
        return group_medians(sub_codes, claim_points(low, high, best, hcodes), ngroups)

    # The median is independent of the sweep: on large tables it runs on the other
    # core (numpy releases the GIL in sorts and array loops).
    with _maybe_parallel(len(sub_codes)) as pool:
        side = pool.submit(medians)
        out: dict[str, Any] = summarise(
            sub_codes,
            ngroups,
            low,
            high,
            low_closed,
            high_closed,
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
        out["sources"] = n_sources
        median = side.result()
        if median is not None:
            out["best"] = median
    del low_closed, high_closed, stated
    _tension(out, sub_codes, ngroups, low, high, best, hcodes)
    result = pd.DataFrame(
        {
            c: pd.Categorical(out[c], categories=VERDICTS) if c == "verdict" else _typed(out[c], t)
            for c, t in KERNEL_SCHEMA.items()
        },
        index=labels,
        copy=False,
    )
    # (the frame holds the kernel's columns now; keep what the comparison columns read)
    out = {c: out[c] for c in ("tensions", "conflicts", "widened")}
    result["unit"] = pd.Categorical(group_unit)
    _comparison_columns(
        result,
        frame,
        totals,
        ngroups,
        cs,
        span,
        sub_codes,
        src_names,
        src,
        out,
        (low, high, best, hcodes),
    )
    if strategy == "pooled":
        qv = pooled_quantiles(sub_codes, ngroups, low, high, best, w, quantiles, tail=tail)
        for j, name in enumerate(extra):
            result[name] = qv[:, j]
        mid = [i for i, q in enumerate(quantiles) if q == 0.5]
        result["best"] = (
            qv[:, mid[0]]
            if mid
            else pooled_quantiles(sub_codes, ngroups, low, high, best, w, (0.5,), tail=tail)[:, 0]
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


def _tension(
    out: dict[str, Any],
    g: np.ndarray,
    ngroups: int,
    low: np.ndarray,
    high: np.ndarray,
    best: np.ndarray,
    hedge: np.ndarray,
) -> None:
    """Split the kernel's disjoint pairs into conflicts and tensions (in place).

    A disjoint pair whose claims meet once widened by their rounding (open ends
    closed) is a tension (see :mod:`estimates._compute.compare`).  Only groups with
    disjoint pairs are swept again.
    """
    strict = out["conflicts"].astype(np.int64)
    hard = strict.copy()
    rows = np.flatnonzero(strict[g] > 0) if strict.any() else np.zeros(0, dtype=np.int64)
    whole = len(rows) == len(g)  # (no copies when every group has disjoint pairs)

    def of(x: np.ndarray) -> np.ndarray:
        return x if whole else x[rows]

    # the claims of groups with disjoint pairs, widened by their rounding
    tol_lo, tol_hi = tolerances(of(hedge), of(low), of(high), of(best))
    tol_lo -= of(low)
    lo_w = np.negative(tol_lo, out=tol_lo)
    tol_hi += of(high)
    hi_w = tol_hi
    del tol_lo, tol_hi
    if len(rows):
        counts, _ = hard_pairs(of(g), ngroups, lo_w, hi_w)
        hard = np.where(strict > 0, counts, 0)
    out["widened"] = (rows, lo_w, hi_w)  # for stands_apart: one rounding
    k = out["claims"]
    out["conflicts"] = hard
    out["tensions"] = strict - hard
    verdict = np.where(k == 1, 0, np.where(hard > 0, 3, np.where(strict > 0, 2, 1)))
    out["verdict"] = pd.Categorical.from_codes(verdict, categories=pd.Index(VERDICTS))


#: Columns reconcile adds to the kernel's: the comparison set, the time span, the
#: earliest and latest claims, tensions and the source that stands apart.
COMPARISON_SCHEMA: dict[str, str] = {
    "tensions": "int64",
    "claims_total": "int64",
    "revisions": "int64",
    "earlier": "int64",
    "compared_since": "datetime64[ns]",
    "span_days": "float64",
    "first_claim": "object",
    "first_stated": "datetime64[ns]",
    "first_source": "object",
    "first_text": "object",
    "first_hedge": "object",
    "first_low": "float64",
    "first_high": "float64",
    "first_best": "float64",
    "latest_claim": "object",
    "latest_stated": "datetime64[ns]",
    "latest_source": "object",
    "latest_text": "object",
    "stands_apart": "object",
    "apart_claim": "object",
    "apart_gap": "float64",
    "apart_gap_open": "bool",
    "apart_direction": "object",
}


def _comparison_columns(
    result: pd.DataFrame,
    frame: pd.DataFrame,
    totals: dict[str, np.ndarray],
    ngroups: int,
    cs: ComparisonSet,
    span: pd.Timedelta | None,
    sub_codes: np.ndarray,
    src_names: np.ndarray,
    src: np.ndarray,
    out: dict[str, Any],
    values: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
) -> None:
    """Add the :data:`COMPARISON_SCHEMA` columns to ``result`` (in place).

    Only the rows named per group (earliest, latest, apart) are read from the
    frame's object columns.
    """
    cols: dict[str, Any] = {}
    cols["tensions"] = out["tensions"].astype(np.int64)
    for name, counts in totals.items():  # claims_total, revisions, earlier
        cols[name] = counts.astype(np.int64)
    nat = np.datetime64("NaT", "ns")

    def at(rows: np.ndarray, column: str, fill: object) -> np.ndarray:
        ok = rows >= 0
        if column == "source":
            taken = src_names[src[rows[ok]]]
        elif column == "index":
            taken = frame.index.take(rows[ok]).to_numpy()  # (no copy of the whole index)
        else:
            taken = frame[column].iloc[rows[ok]].to_numpy()
        if isinstance(fill, np.datetime64):
            res = np.full(len(rows), fill, dtype="datetime64[ns]")
        elif isinstance(fill, float):
            res = np.full(len(rows), fill)
        else:
            res = np.full(len(rows), None, dtype=object)
        res[ok] = taken
        if res.dtype == object:
            res[pd.isna(res)] = None
        return res

    latest = at(cs.last, "stated_end", nat)
    cols["compared_since"] = (
        latest - np.timedelta64(span.value, "ns") if span is not None else np.full(ngroups, nat)
    )
    cols["span_days"] = cs.span_days
    for name, rows in (("first", cs.first), ("latest", cs.last)):
        cols[f"{name}_claim"] = at(rows, "index", None)
        cols[f"{name}_stated"] = at(rows, "stated_end", nat)
        cols[f"{name}_source"] = at(rows, "source", None)
        cols[f"{name}_text"] = at(rows, "text", None)
        if name == "first":
            cols["first_hedge"] = at(rows, "hedge", None).astype(object)
            cols["first_low"] = at(rows, "low", np.nan)
            cols["first_high"] = at(rows, "high", np.nan)
            cols["first_best"] = at(rows, "best", np.nan)
    apart = stands_apart(
        sub_codes,
        ngroups,
        *values,
        out["conflicts"],
        lambda i: src_names[src[np.flatnonzero(cs.mask)[i]]],
        widened=out["widened"],
    )
    pos = np.flatnonzero(cs.mask)  # the compared rows
    has = apart["claim"] >= 0
    cols["stands_apart"] = or_none(has, apart["source"])
    apart_rows = np.where(has, pos[np.maximum(apart["claim"], 0)], -1)
    cols["apart_claim"] = at(apart_rows, "index", None)
    cols["apart_gap"] = apart["gap"]
    cols["apart_gap_open"] = apart["gap_open"]
    cols["apart_direction"] = or_none(has, apart["direction"])
    for c, v in cols.items():
        # object columns stay object (no per-value string inference)
        result[c] = (
            pd.Series(v, index=result.index, dtype=object, copy=False)
            if (isinstance(v, np.ndarray) and v.dtype == object)
            else v
        )


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
        raise FigureError("hedge", "column", "hedge codes such as 'exact' or 'up_to'")
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
    claims: object,
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
    """The rows of a claims frame (or table) that count, after every documented filter.

    The same as ``Selection(...).apply(frame, by)[0]``.
    """
    selection = Selection(
        as_of=as_of,
        window=window,
        latest_per_source=latest_per_source,
        exclude_kinds=tuple([exclude_kinds] if isinstance(exclude_kinds, str) else exclude_kinds),
        dedupe=dedupe,
        sources=sources,
    )
    frame, _trace = selection.apply(as_frame(claims), by, stacklevel=stacklevel + 1)
    return frame


def reconcile(
    claims: object,
    by: str | Sequence[str] = "quantity",
    *,
    selection: Selection | None = None,
    dedupe: bool = True,
    sources: SourceBook | None = None,
    strategy: str = "median",
    weights: str | None = None,
    unit: str | None = None,
    compare_within: str | pd.Timedelta | int | None = AUTO,
    cumulative: bool | Sequence[str] = False,
    quantiles: Sequence[float] = (0.05, 0.5, 0.95),
    tail: float = 2.0,
    stacklevel: int = 5,
) -> pd.DataFrame:
    """Select the claims that count, then reconcile each group (frames in, frame out).

    ``claims`` is a claims frame (a :class:`~estimates.Claims` is read through its
    public ``frame``).  See :meth:`estimates.Claims.reconcile` for every argument and
    the module documentation for every column.
    """
    by = _by_list(by)
    sel = selection_of(selection, dedupe=dedupe, sources=sources)
    frame, _trace = sel.apply(as_frame(claims), by, stacklevel=stacklevel)
    result = reconcile_frame(
        frame,
        by,
        strategy=strategy,
        sources=sel.sources,
        weights=weights,
        unit=unit,
        quantiles=quantiles,
        tail=tail,
        compare_within=compare_within,
        stacklevel=stacklevel + 1,
    )
    if cumulative is not False:
        result = _with_decreases(frame, by, result, cumulative, stacklevel=stacklevel + 1)
    return result


def cumulative_rows(frame: pd.DataFrame, cumulative: bool | str | Sequence[str]) -> np.ndarray:
    """Per row, whether its quantity is cumulative: every row (``True``), none
    (``False``), or the rows of the named quantities."""
    if isinstance(cumulative, bool):
        return np.full(len(frame), cumulative)
    wanted = [cumulative] if isinstance(cumulative, str) else list(cumulative)
    return frame["quantity"].isin(wanted).to_numpy(dtype=bool)


def _with_decreases(
    frame: pd.DataFrame,
    by: list[str],
    result: pd.DataFrame,
    cumulative: bool | Sequence[str],
    *,
    stacklevel: int,
) -> pd.DataFrame:
    cum = frame if cumulative is True else frame[cumulative_rows(frame, cumulative)]
    down = decreases(cum, by, stacklevel=stacklevel + 1)
    counts = down.groupby(by, observed=True).size() if len(down) else pd.Series(dtype="int64")
    result = result.copy()
    result["decreases"] = counts.reindex(result.index).fillna(0).astype("int64").to_numpy()
    return result
