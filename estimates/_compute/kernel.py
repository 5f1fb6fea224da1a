"""The reconcile kernel: per-group summaries of many intervals, in one sorted sweep.

This module is pure numpy: arrays in, arrays out, no Python loop over claims or
groups.  :func:`summarise` computes, for every group at once, the envelope, the
consensus (intersection), the most-supported sub-range (the *agreement*), the number
of claim pairs that do not meet, and the group's stated figures, sources and best
estimate.  :func:`kernel` wraps it as a function from a claims frame to a frame with
a fixed schema, so the very same code can run on each partition of a distributed
engine (see :func:`kernel_meta`).

How it works
------------
Every bound becomes an integer *coordinate* on an extended line where each value
``x`` has three points ``x⁻ < x < x⁺``: a closed bound sits at ``x``, an open lower
bound at ``x⁺`` (coverage starts just after ``x``) and an open upper bound at ``x⁻``.
On that line every interval is closed and the real-number semantics of open and
closed ends are exact: ``[a, b]`` and ``[b, c]`` share ``b``; ``[a, b)`` and ``[b, c]``
share nothing.  Coordinates come from the values directly when they are integers of
moderate size (the common case: counts), else from their dense ranks.

Each claim yields a *start* and an *end* event keyed by ``(group, coordinate, kind)``
packed into one int64, so one vectorised integer sort orders every group's events
at once (ends after starts at the same coordinate, so touching closed ends meet).
A running sum of +1 (start) / -1 (end) over the sorted events is the number of claims
covering each point; it returns to zero at the end of every group, so no per-group
offset is needed.  From that sweep:

* envelope = first start and last end of the group;
* consensus = last start and first end, when the last start comes before the first end;
* agreement = from a start where the running sum peaks to the next event (an end);
  when several such regions tie, the narrowest (then the lowest);
* disjoint pairs = for each end, the starts of its group that come after it.

Costs: one int64 sort of ``2n`` keys (the coordinates are written straight into the
event array: no separate start and end arrays), a few O(n) passes, and a sort of the
(group, agent) pairs to count distinct sources (32-bit keys when they fit).
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._model.errors import FigureError

__all__ = [
    "KERNEL_SCHEMA",
    "STRATEGIES",
    "Coordinates",
    "coordinates",
    "distinct_per_group",
    "group_medians",
    "summarise",
]

#: Best-estimate strategies the kernel computes directly.
STRATEGIES = ("median", "conservative", "midpoint", "latest", "weighted")

#: Output columns of the kernel, with their dtypes (the public contract of reconcile).
KERNEL_SCHEMA: dict[str, str] = {
    "claims": "int64",
    "sources": "int64",
    "stated_low": "float64",
    "stated_high": "float64",
    "envelope_low": "float64",
    "envelope_high": "float64",
    "envelope_low_closed": "bool",
    "envelope_high_closed": "bool",
    "consensus_low": "float64",
    "consensus_high": "float64",
    "consensus_low_closed": "bool",
    "consensus_high_closed": "bool",
    "agreement_low": "float64",
    "agreement_high": "float64",
    "agreement_low_closed": "bool",
    "agreement_high_closed": "bool",
    "agreement_claims": "int64",
    "agreement_regions": "int64",
    "best": "float64",
    "best_strategy": "category",
    "conflicts": "int64",
    "max_gap": "float64",
    "spread": "float64",
    "verdict": "category",
}

# Hedge codes, in the order of estimates.Hedge (the categorical codes of 'hedge').
_EXACT, _APPROX, _NEARLY, _MORE, _AT_LEAST, _LESS, _AT_MOST, _UP_TO, _RANGE, _MAG = range(10)
_STATES_LOW = np.zeros(10, dtype=bool)
_STATES_LOW[[_MORE, _AT_LEAST, _RANGE]] = True
_STATES_HIGH = np.zeros(10, dtype=bool)
_STATES_HIGH[[_NEARLY, _LESS, _AT_MOST, _UP_TO, _RANGE]] = True
_STATES_BEST = np.zeros(10, dtype=bool)
_STATES_BEST[[_EXACT, _APPROX]] = True
# Which of (low, best, high, none) holds a claim's smallest / largest stated number.
_STATED_MIN = np.array([1, 1, 2, 0, 0, 2, 2, 2, 0, 3], dtype=np.int8)
_STATED_MAX = np.array([1, 1, 2, 0, 0, 2, 2, 2, 2, 3], dtype=np.int8)


def _pick(which: np.ndarray, low: np.ndarray, best: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Per claim, low (0), best (1), high (2) or NaN (3); infinities as NaN."""
    out = low.copy()
    np.copyto(out, best, where=which == 1)
    np.copyto(out, high, where=which == 2)
    out[(which == 3) | np.isinf(out)] = np.nan
    return out


_FAST_LIMIT = 2**61  # keys must stay below 2**62 after the kind bit
_LITTLE = sys.byteorder == "little"


@dataclass(frozen=True)
class Coordinates:
    """Integer coordinates of interval ends on the extended line.

    ``start``/``end`` are per-claim coordinates; ``width`` is the number of distinct
    coordinates (keys are ``group * width + coordinate``); :meth:`decode` maps
    coordinates back to ``(value, closed)``.
    """

    start: np.ndarray
    end: np.ndarray
    width: int  # a power of two above every coordinate
    top: int  # the slot of +inf (slot 0 is -inf)
    offset: float | None  # fast path: slot = value - offset
    values: np.ndarray | None  # general path: slot -> value (sorted uniques)

    def value(self, coord: np.ndarray) -> np.ndarray:
        """The value of each coordinate."""
        slot = coord // 3
        top = self.top
        if self.values is None:
            v = slot.astype("float64") + self.offset
        else:
            v = self.values[np.clip(slot - 1, 0, len(self.values) - 1)]
        v = np.where(slot == 0, -np.inf, v)
        return np.where(slot == top, np.inf, v)


def coordinates(
    low: np.ndarray,
    high: np.ndarray,
    low_closed: np.ndarray,
    high_closed: np.ndarray,
    ngroups: int,
    out: np.ndarray | None = None,
) -> Coordinates:
    """Coordinates of every claim's start and end (see the module notes).

    The coordinate width is a power of two, so keys split with bit operations.  With
    ``out`` (an int64 array of ``2n``), the starts are written to its first half and
    the ends to its second (``start`` and ``end`` are then views of it).
    """
    n = len(low)
    if out is None:
        out = np.empty(2 * n, dtype=np.int64)
    finite_lo = np.isfinite(low)
    finite_hi = np.isfinite(high)
    vmin = min(_finite_min(low, finite_lo), _finite_min(high, finite_hi))
    vmax = max(-_finite_min(-low, finite_lo), -_finite_min(-high, finite_hi))
    if not np.isfinite(vmin):
        vmin = vmax = 0.0
    span = float(vmax - vmin)
    groups = max(ngroups, 1)
    slot_lo = slot_hi = None
    offset: float | None = None
    if (
        span < 2**52
        and vmin == np.floor(vmin)
        and max(abs(vmin), abs(vmax)) < 2**62  # (values convert to int64 exactly)
        and _pow2(3 * (int(span) + 3)) * groups < _FAST_LIMIT
    ):
        offset = float(vmin) - 1.0
        top = int(span) + 2
        for half, x, finite, fill in (
            (out[:n], low, finite_lo, 0),
            (out[n:], high, finite_hi, top),
        ):
            slots = _slots(x, finite, offset, fill)
            if slots is None:
                break
            half[:] = slots
            del slots
        else:
            slot_lo, slot_hi = out[:n], out[n:]
    if slot_lo is not None and slot_hi is not None:
        values = None
    else:
        fl, fh = low[finite_lo], high[finite_hi]
        values, inverse = np.unique(np.concatenate([fl, fh]), return_inverse=True)
        top = len(values) + 1
        slot_lo, slot_hi = out[:n], out[n:]
        slot_lo[:] = 0
        slot_lo[finite_lo] = inverse[: len(fl)] + 1
        slot_hi[:] = top
        slot_hi[finite_hi] = inverse[len(fl) :] + 1
        offset = None
        if _pow2(3 * (top + 1)) * groups >= _FAST_LIMIT:  # pragma: no cover
            raise OverflowError("too many groups and distinct values for 63-bit keys")
    start = slot_lo
    start *= 3
    start += 2
    start -= low_closed
    end = slot_hi
    end *= 3
    end += high_closed
    return Coordinates(start, end, _pow2(3 * (top + 1)), top, offset, values)


def _slots(x: np.ndarray, finite: np.ndarray, offset: float, fill: int) -> np.ndarray | None:
    """``x - offset`` as int64, with ``fill`` where ``x`` is infinite; None when some
    finite ``x`` is not an integer (``offset`` is one)."""
    every = bool(finite.all())
    exact = x if every else np.where(finite, x, 0.0)
    out = exact.astype(np.int64)  # truncates: exact when every value is an integer
    if not np.array_equal(out, exact):
        return None
    del exact
    out -= np.int64(offset)
    if not every:
        out[~finite] = fill
    return out


def _pow2(x: int) -> int:
    return 1 << max(int(x) - 1, 1).bit_length()


def _finite_min(x: np.ndarray, finite: np.ndarray) -> float:
    return float(np.min(x, where=finite, initial=np.inf))


def _segment_starts(counts: np.ndarray) -> np.ndarray:
    out = np.zeros(len(counts), dtype=np.int64)
    np.cumsum(counts[:-1], out=out[1:])
    return out


def group_medians(group: np.ndarray, values: np.ndarray, ngroups: int) -> np.ndarray:
    """Median of ``values`` per group (NaN values ignored; NaN for empty groups)."""
    ok = ~np.isnan(values)
    out = np.full(ngroups, np.nan)
    if not ok.any():
        return out
    every = bool(ok.all())
    g = group if every else group[ok]
    v = values if every else values[ok]
    lo = float(v.min())
    width = float(v.max()) - lo
    # integer keys only for a finite span that int64 holds exactly (no cast of inf)
    exact = math.isfinite(width) and width < 2.0**53
    if exact:
        shifted = v - lo
        keys = shifted.astype(np.int64)
        span = int(keys.max()) + 1 if len(keys) else 1
        del shifted
        # exact when the integers give back every value (1 + 1e-300 - 1 would not)
        exact = np.array_equal(keys + lo, v)
    if exact and _pow2(span) * max(ngroups, 1) < _FAST_LIMIT:
        shift = _pow2(span).bit_length() - 1
        keys += np.left_shift(g, shift, dtype=np.int64)
        keys.sort()
        keys &= np.int64((1 << shift) - 1)
        sorted_v = keys.astype("float64")
        sorted_v += lo
        del keys
    else:
        sorted_v = v[np.lexsort((v, g))]  # values by group, then value (inf kept)
    counts = np.bincount(g, minlength=ngroups)
    starts = _segment_starts(counts)
    has = counts > 0
    a = starts + (counts - 1) // 2
    b = starts + counts // 2
    with np.errstate(invalid="ignore"):  # the middle of -inf and inf is NaN
        out[has] = sorted_v[a[has]] / 2 + sorted_v[b[has]] / 2  # halves: no overflow
    return out


def distinct_per_group(group: np.ndarray, item: np.ndarray, ngroups: int) -> np.ndarray:
    """Number of distinct ``item`` codes (non-negative ints) per group."""
    if not len(item):
        return np.zeros(ngroups, dtype=np.int64)
    width = np.int64(int(item.max()) + 1)
    keys = np.multiply(group, width, dtype=np.int64)
    keys += item
    if int(width) * max(ngroups, 1) <= 2**32:  # 32-bit keys sort faster
        keys = keys.astype(np.uint32)
    keys.sort()
    new = np.ones(len(keys), dtype=bool)
    new[1:] = keys[1:] != keys[:-1]
    return np.bincount((keys[new] // keys.dtype.type(width)).astype(np.int64), minlength=ngroups)


def summarise(
    group: np.ndarray,
    ngroups: int,
    low: np.ndarray,
    high: np.ndarray,
    low_closed: np.ndarray,
    high_closed: np.ndarray,
    best: np.ndarray,
    hedge: np.ndarray,
    *,
    agent_group: np.ndarray | None = None,
    agent_code: np.ndarray | None = None,
    sources: np.ndarray | None = None,
    stated: np.ndarray | None = None,
    weight: np.ndarray | None = None,
    strategy: str = "median",
    best_values: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """Per-group summary of intervals (every column of :data:`KERNEL_SCHEMA`).

    Parameters
    ----------
    group : int array
        Group code of each claim, in ``0 .. ngroups-1``; every group has a claim.
    low, high, low_closed, high_closed, best : arrays
        The claims' intervals (best NaN when none).
    hedge : int array
        Hedge codes (the order of :class:`estimates.Hedge`).
    agent_group, agent_code : int arrays, optional
        One row per (claim's group, agent) to count distinct sources.
    sources : int array, optional
        Distinct sources per group, when already counted (overrides the agents).
    stated : int64 array, optional
        Statement day (as integers, NaT as the minimum) for ``latest``.
    weight : float array, optional
        Per-claim weight for ``weighted``.
    strategy : str
        Best-estimate strategy, one of :data:`STRATEGIES`.
    best_values : float array, optional
        The groups' best estimates, when already computed (``median`` on another core).
    """
    n = len(group)
    g = group.astype(np.int64, copy=False)
    k = np.bincount(g, minlength=ngroups).astype(np.int64)
    seg = _segment_starts(k)

    # ------------------------------------------------------------ the sweep
    events = np.empty(2 * n, dtype=np.int64)
    co = coordinates(low, high, low_closed, high_closed, ngroups, out=events)  # in place
    shift = co.width.bit_length() - 1
    mask = np.int64(co.width - 1)
    decode = co.value
    del co
    group_part = np.left_shift(g, shift)
    for half, tag in ((events[:n], 0), (events[n:], 1)):
        half += group_part
        half <<= 1
        half |= tag
    del group_part, half
    events.sort()
    lowest_byte = events.view(np.uint8)[::8] if _LITTLE else events.view(np.uint8)[7::8]
    is_end = (lowest_byte & 1).view(bool)
    start_pos = np.flatnonzero(~is_end)  # k[g] starts per group, group-major
    end_pos = np.flatnonzero(is_end)
    del is_end

    def coord(pos: np.ndarray, events: np.ndarray = events) -> np.ndarray:
        return (events[pos] >> 1) & mask

    first_event = 2 * seg
    last_event = 2 * (seg + k) - 1
    env_lo_c = coord(first_event)
    env_hi_c = coord(last_event)
    last_start = start_pos[seg + k - 1]
    first_end = end_pos[seg]
    has_consensus = last_start < first_end
    cons_lo_c = coord(last_start)
    cons_hi_c = coord(first_end)

    # The running count of covering claims needs no cumulative sum: at the i-th start
    # (0-based, over all groups) sitting at sorted position p, i+1 starts and p-i ends
    # lie at or before it, so the count is 2i + 1 - p; at the j-th end it is p - 2j - 1.
    depth = start_pos  # turned into the count in place: p = 2i + 1 - depth
    np.subtract(np.arange(1, 2 * n, 2, dtype=np.int64), start_pos, out=depth)
    peak = np.maximum.reduceat(depth, seg) if n else np.zeros(0, dtype=np.int64)
    peak_idx = np.flatnonzero(depth == np.repeat(peak, k))
    peak_group = np.searchsorted(seg, peak_idx, side="right") - 1  # (seg: sorted)
    # Each peak start opens a region that runs to the next event (an end: see the
    # module notes).  Regions that touch (an end at x then a start at x+, or an end at
    # x- then a start at x) are one region.  Several regions may tie for support: keep
    # the narrowest, then the lowest.
    region_start = 2 * peak_idx + 1 - depth[peak_idx]
    lo_c_all = coord(region_start)
    hi_c_all = coord(region_start + 1)
    del coord, events, lowest_byte  # the sorted events are read no more
    begins = np.ones(len(peak_idx), dtype=bool)
    begins[1:] = (peak_group[1:] != peak_group[:-1]) | (lo_c_all[1:] != hi_c_all[:-1] + 1)
    run_first = np.flatnonzero(begins)
    run_last = np.append(run_first[1:], len(peak_idx)) - 1
    run_group = peak_group[run_first]
    lo_c_run = lo_c_all[run_first]
    hi_c_run = hi_c_all[run_last]
    with np.errstate(invalid="ignore"):
        width = decode(hi_c_run) - decode(lo_c_run)
    width = np.where(np.isnan(width), np.inf, width)
    seg_first = np.ones(len(run_first), dtype=bool)
    seg_first[1:] = run_group[1:] != run_group[:-1]
    seg_starts = np.flatnonzero(seg_first)
    narrowest = np.minimum.reduceat(width, seg_starts) if len(width) else width
    is_min = width == np.repeat(narrowest, np.diff(np.append(seg_starts, len(width))))
    chosen = np.flatnonzero(is_min)
    keep = np.ones(len(chosen), dtype=bool)
    keep[1:] = run_group[chosen[1:]] != run_group[chosen[:-1]]
    chosen = chosen[keep]
    agree_lo_c = lo_c_run[chosen]
    agree_hi_c = hi_c_run[chosen]
    regions = np.bincount(run_group, minlength=ngroups).astype(np.int64)
    del peak_idx, peak_group, depth, start_pos, region_start, lo_c_all, hi_c_all, width

    # Disjoint pairs.  At the j-th end of a group (j = 1..k) the count is
    # (starts so far) - j, and the starts after that end number k - starts so far; so
    # the group's disjoint pairs are k(k-1)/2 minus the sum of the count at its ends.
    # The count at the j-th end overall (0-based), at position p, is p - 2j - 1; over a
    # group's ends j = seg .. seg+k-1 the subtracted terms sum to k(2 seg + k).
    at_ends = (np.add.reduceat(end_pos, seg) if n else np.zeros(0, dtype=np.int64)) - k * (
        2 * seg + k
    )
    conflicts = k * (k - 1) // 2 - at_ends
    del end_pos

    def val(c: np.ndarray) -> np.ndarray:
        return decode(c)

    env_lo, env_hi = val(env_lo_c), val(env_hi_c)
    cons_lo, cons_hi = val(cons_lo_c), val(cons_hi_c)
    agr_lo, agr_hi = val(agree_lo_c), val(agree_hi_c)
    cons_lo_closed = cons_lo_c % 3 == 1
    cons_hi_closed = cons_hi_c % 3 == 1
    max_gap = np.where(conflicts > 0, cons_lo - cons_hi, np.nan)

    # ------------------------------------------------------------ stated figures
    h = hedge
    # A claim's smallest stated number is its low (floors, ranges), its best (exact,
    # approx) or its high (ceilings, "nearly"); its largest is its high (ceilings,
    # ranges, "nearly"), best or low (floors).  Vague magnitudes state none.
    stated_low = np.full(ngroups, np.nan)
    stated_high = np.full(ngroups, np.nan)
    np.fmin.at(stated_low, g, _pick(_STATED_MIN[h], low, best, high))
    np.fmax.at(stated_high, g, _pick(_STATED_MAX[h], low, best, high))
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        spread = np.where(stated_low > 0, stated_high / stated_low, np.nan)

    # ------------------------------------------------------------ sources
    if sources is None:
        if agent_group is not None and agent_code is not None:
            sources = distinct_per_group(agent_group, agent_code, ngroups)
        else:
            sources = k.copy()

    # ------------------------------------------------------------ best estimate
    if best_values is not None:
        best_out = best_values
    else:
        best_out = best_estimate(
            strategy,
            g,
            ngroups,
            claim_points(low, high, best, h),
            low,
            hedge=h,
            consensus=(cons_lo, cons_hi, has_consensus),
            agreement=(agr_lo, agr_hi),
            stated=stated,
            weight=weight,
        )

    verdict = np.where(k == 1, "single", np.where(has_consensus, "agree", "conflict"))
    return {
        "claims": k,
        "sources": sources.astype(np.int64),
        "stated_low": stated_low,
        "stated_high": stated_high,
        "envelope_low": env_lo,
        "envelope_high": env_hi,
        "envelope_low_closed": env_lo_c % 3 == 1,
        "envelope_high_closed": env_hi_c % 3 == 1,
        "consensus_low": np.where(has_consensus, cons_lo, np.nan),
        "consensus_high": np.where(has_consensus, cons_hi, np.nan),
        "consensus_low_closed": has_consensus & cons_lo_closed,
        "consensus_high_closed": has_consensus & cons_hi_closed,
        "agreement_low": agr_lo,
        "agreement_high": agr_hi,
        "agreement_low_closed": agree_lo_c % 3 == 1,
        "agreement_high_closed": agree_hi_c % 3 == 1,
        "agreement_claims": peak.astype(np.int64),
        "agreement_regions": regions,
        "best": best_out,
        "best_strategy": np.full(ngroups, strategy, dtype=object),
        "conflicts": conflicts.astype(np.int64),
        "max_gap": max_gap,
        "spread": spread,
        "verdict": verdict.astype(object),
    }


def claim_points(
    low: np.ndarray, high: np.ndarray, best: np.ndarray, hedge: np.ndarray
) -> np.ndarray:
    """Each claim's point value: its best, else the midpoint of a stated range, else NaN."""
    point = best.copy()
    rng = np.isnan(point) & (hedge == _RANGE)
    point[rng] = (low[rng] + high[rng]) / 2
    point[np.isinf(point)] = np.nan
    return point


def best_estimate(
    strategy: str,
    g: np.ndarray,
    ngroups: int,
    point: np.ndarray,
    low: np.ndarray,
    *,
    hedge: np.ndarray,
    consensus: tuple[np.ndarray, np.ndarray, np.ndarray],
    agreement: tuple[np.ndarray, np.ndarray],
    stated: np.ndarray | None,
    weight: np.ndarray | None,
) -> np.ndarray:
    """The group's central estimate under a named strategy (see ``reconcile``)."""
    if strategy == "median":
        return group_medians(g, point, ngroups)
    if strategy == "conservative":
        credible = np.where(
            (hedge == _EXACT) | (hedge == _APPROX),
            point,
            np.where(
                np.isin(hedge, (_UP_TO, _AT_MOST, _LESS, _NEARLY)) & np.isnan(point),
                np.nan,
                np.where(np.isfinite(low), low, np.nan),
            ),
        )
        out = np.full(ngroups, np.inf)
        np.fmin.at(out, g, credible)
        out[np.isinf(out)] = np.nan
        return out
    if strategy == "midpoint":
        c_lo, c_hi, has = consensus
        a_lo, a_hi = agreement
        mid_c = np.where(has & np.isfinite(c_lo) & np.isfinite(c_hi), (c_lo + c_hi) / 2, np.nan)
        mid_a = np.where(np.isfinite(a_lo) & np.isfinite(a_hi), (a_lo + a_hi) / 2, np.nan)
        return np.where(np.isnan(mid_c), mid_a, mid_c)
    if strategy == "latest":
        if stated is None:
            raise FigureError("strategy", strategy, "a strategy other than 'latest' without dates")
        ok = ~np.isnan(point)
        day = np.where(ok, stated, np.iinfo(np.int64).min)
        newest = np.full(ngroups, np.iinfo(np.int64).min, dtype=np.int64)
        np.maximum.at(newest, g, day)
        is_newest = ok & (day == newest[g])
        pick = np.full(ngroups, -1, dtype=np.int64)
        np.maximum.at(pick, g[is_newest], np.flatnonzero(is_newest))
        return np.where(pick >= 0, point[np.maximum(pick, 0)], np.nan)
    if strategy == "weighted":
        wt = np.ones(len(g)) if weight is None else weight
        ok = ~np.isnan(point) & (wt > 0)
        num = np.bincount(g[ok], weights=(wt * point)[ok], minlength=ngroups)
        den = np.bincount(g[ok], weights=wt[ok], minlength=ngroups)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(den > 0, num / den, np.nan)
    raise FigureError("strategy", strategy, f"one of {', '.join((*STRATEGIES, 'pooled'))}")


def empty_result(index: pd.Index) -> pd.DataFrame:
    """A kernel result with no rows (the fixed schema)."""
    return pd.DataFrame({c: pd.Series([], dtype=t) for c, t in KERNEL_SCHEMA.items()}, index=index)
