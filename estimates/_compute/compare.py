"""Comparing like with like: same time, different sources, hard separations only.

Three rules decide which claims of a group are compared, and how a separation reads.

Revisions are not disagreements
    Two claims of one group by the same source (its ``source`` cell after the source
    book's aliases) are a *revision*: the source updated its figure.  Only a source's
    latest claim on a group is compared with the others (claims without a statement
    date come before dated ones; on the same date the later row is the later claim).

Same time
    Claims are compared only when they describe the same time: stated within the
    comparison window (``compare_within``, 31 days by default) of each other, or with
    overlapping ``refers_to`` periods.  ``reconcile`` compares, per group, the claims
    stated within the window of the group's latest claim (its *comparison set*: the
    latest range); undated claims cannot be placed and are compared.  When a group's
    claims span more than the window and no ``compare_within`` was given, a
    :class:`~estimates.ComparabilityWarning` says how many claims were left out of
    the comparison.

Tension, not conflict
    Two disjoint claims are in *tension*, not in conflict, when the separation exists
    only at a conventional edge or within rounding: once each claim is widened by the
    rounding of its round stated figure (:func:`rounding`) and its open ends closed,
    they meet.  "des milliers" ``[2,000, 20,000)`` against "20,000" (they touch at
    the open edge of the convention), or "12,000" against "about 15,000" (12,000 is
    round to the thousand, ±500; 15,000 to the five thousand, capped at the ±10% of
    "about": ±1,500; the gap of 1,500 is within them) are tensions.  Counting the
    disjoint pairs of widened intervals is one more sorted sweep (:func:`hard_pairs`).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._model.errors import ComparabilityWarning
from .._model.silencing import warn
from .comparability import _name
from .sources import canonical_cells

__all__ = [
    "ComparisonSet",
    "comparison_set",
    "hard_pairs",
    "or_none",
    "rounding",
    "source_codes",
    "tolerances",
]

_NS_PER_DAY = 86_400 * 10**9
_LITTLE = sys.byteorder == "little"
_MIN = np.iinfo(np.int64).min

# Hedge codes (the order of estimates.Hedge).
_EXACT, _APPROX, _NEARLY, _MORE, _AT_LEAST, _LESS, _AT_MOST, _UP_TO, _RANGE, _MAG = range(10)


def or_none(mask: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``values`` where ``mask``, else None (an object array)."""
    out = np.full(len(mask), None, dtype=object)
    out[mask] = np.asarray(values, dtype=object)[mask]
    return out


def source_codes(frame: pd.DataFrame, book: object | None) -> tuple[np.ndarray, np.ndarray]:
    """Per row, a code of its source cell after aliases, and the cells' names.

    Rows without a source get codes of their own (two anonymous claims are never one
    source's revision).
    """
    # Aliases are applied to the distinct cells only (rows take their cell's code),
    # with the codes and names factorizing every row's canonical cell would give.
    cell, uniques = pd.factorize(frame["source"], use_na_sentinel=True)
    distinct = pd.DataFrame({"source": pd.Series([*uniques, None], dtype=object)})
    joined = canonical_cells(distinct, book)  # type: ignore[arg-type]  # last: no source
    blank = np.flatnonzero(cell < 0)
    n_cells = len(uniques)
    # cells come in order of first appearance; the blank one comes after those seen
    # before its first row
    if len(blank):
        seen = int(cell[: blank[0]].max(initial=-1)) + 1
        order = np.concatenate([np.arange(seen), [n_cells], np.arange(seen, n_cells)])
    else:
        order = np.arange(n_cells)
    cell = np.where(cell >= 0, cell, n_cells)
    in_order, names = pd.factorize(joined[order])
    of_cell = np.zeros(len(joined), dtype=np.int64)
    of_cell[order] = in_order
    codes = of_cell[cell]
    anon = (joined == "(no source)")[cell]
    names = np.asarray(names, dtype=object)
    if anon.any():
        n_anon = int(anon.sum())
        codes[anon] = len(names) + np.arange(n_anon)
        names = np.concatenate([names, np.full(n_anon, "(no source)", dtype=object)])
    return codes, names


@dataclass(frozen=True)
class ComparisonSet:
    """The claims of each group that are compared, and the group's time span.

    Attributes
    ----------
    mask : bool array
        Per row: compared (the latest claim of its source, within the window).
    superseded : bool array
        Per row: an earlier claim of the same source on the group (a revision).
    out_of_window : bool array
        Per row: the latest of its source, but stated before the window.
    first, last : int arrays
        Per group, the row position of the earliest and latest dated claim (-1: none).
    span_days : float array
        Per group, days between the earliest and latest statement (NaN: undated).
    """

    mask: np.ndarray
    superseded: np.ndarray
    out_of_window: np.ndarray
    first: np.ndarray
    last: np.ndarray
    span_days: np.ndarray


def comparison_set(
    frame: pd.DataFrame,
    codes: np.ndarray,
    ngroups: int,
    source: np.ndarray,
    span: pd.Timedelta | None,
) -> ComparisonSet:
    """Which claims of each group are compared (see the module notes).

    Column-wise: one sort of the (group, source) keys to find revisions (only rows of
    repeated keys are ordered by date), and per-group maxima for the window.
    """
    n = len(frame)
    stated = frame["stated_end"].to_numpy(dtype="datetime64[ns]").astype(np.int64)
    dated = stated != _MIN  # NaT is int64 min
    # ---- revisions: per (group, source), only the latest claim
    nsrc = np.int64(int(source.max()) + 1 if n else 1)
    key = codes.astype(np.int64) * nsrc + source
    # rows sharing their (group, source) with another row (counting when the keys
    # are few, else hashing)
    if n <= 1:
        dup = np.zeros(n, dtype=bool)
    elif int(nsrc) * ngroups <= 4 * n + 1024:
        dup = np.bincount(key, minlength=int(nsrc) * ngroups)[key] > 1
    else:
        dup = repeated(key)
    superseded = np.zeros(n, dtype=bool)
    if dup.any():
        rows = np.flatnonzero(dup)
        # order repeated rows by (key, stated, row): the last of each key is the latest
        o = np.lexsort((rows, stated[rows], key[rows]))
        r = rows[o]
        k = key[r]
        last_of_key = np.ones(len(r), dtype=bool)
        last_of_key[:-1] = k[1:] != k[:-1]
        superseded[r[~last_of_key]] = True
    # ---- time: the window before each group's latest statement
    latest = np.full(ngroups, _MIN, dtype=np.int64)
    earliest = np.full(ngroups, np.iinfo(np.int64).max, dtype=np.int64)
    if dated.all():  # (no copies)
        np.maximum.at(latest, codes, stated)
        np.minimum.at(earliest, codes, stated)
    elif dated.any():
        np.maximum.at(latest, codes[dated], stated[dated])
        np.minimum.at(earliest, codes[dated], stated[dated])
    has_dates = latest != _MIN
    span_days = np.where(has_dates, (latest - earliest) / _NS_PER_DAY, np.nan)
    out_of_window = np.zeros(n, dtype=bool)
    if span is not None and dated.any():
        limit = latest[codes] - span.value
        old = dated & (stated < limit)
        if old.any() and frame["refers_start"].notna().any():
            old &= ~_refers_overlap_latest(frame, codes, ngroups, stated, latest)
        out_of_window = old & ~superseded
    mask = ~superseded & ~out_of_window
    first = _position_of(codes, ngroups, stated, earliest, dated, last=False)
    last = _position_of(codes, ngroups, stated, latest, dated, last=True)
    return ComparisonSet(mask, superseded, out_of_window, first, last, span_days)


def repeated(key: np.ndarray) -> np.ndarray:
    """Per row, whether its (non-negative int64) ``key`` occurs in another row too.

    One sort of the keys finds the repeated ones (usually few); rows are then looked
    up in a bitmap of their hash slots (a multiplicative hash), and only the rows
    whose slot holds a repeated key are checked exactly (a binary search).
    """
    n = len(key)
    out = np.zeros(n, dtype=bool)
    if n < 2:
        return out
    # (32-bit keys sort faster, when they fit)
    s = np.sort(key.astype(np.uint32) if int(key.max()) < 2**32 else key)
    same = s[1:] == s[:-1]
    rep = np.unique(s[1:][same]).astype(np.int64)
    del s, same
    if not len(rep):
        return out
    bits = min(max((4 * len(rep)).bit_length() + 4, 8), 24)
    mult = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing (wraps around)
    shift = np.uint64(64 - bits)
    marked = np.zeros(1 << bits, dtype=bool)
    marked[((rep.astype(np.uint64) * mult) >> shift).view(np.int64)] = True
    slot = key.astype(np.uint64)
    slot *= mult
    slot >>= shift
    cand = np.flatnonzero(marked[slot.view(np.int64)])
    del slot, marked
    kc = key[cand]
    i = np.searchsorted(rep, kc)
    i[i == len(rep)] = 0
    out[cand] = rep[i] == kc
    return out


def _position_of(
    codes: np.ndarray,
    ngroups: int,
    stated: np.ndarray,
    target: np.ndarray,
    dated: np.ndarray,
    *,
    last: bool,
) -> np.ndarray:
    """Per group, the row of a dated claim stated on ``target`` (the last or first row)."""
    hit = dated & (stated == target[codes])
    out = np.full(ngroups, -1, dtype=np.int64)
    rows = np.flatnonzero(hit)
    if last:
        out[codes[rows]] = rows  # later rows overwrite earlier ones
    else:
        out[codes[rows[::-1]]] = rows[::-1]
    return out


def _refers_overlap_latest(
    frame: pd.DataFrame,
    codes: np.ndarray,
    ngroups: int,
    stated: np.ndarray,
    latest: np.ndarray,
) -> np.ndarray:
    """Per row, whether its ``refers_to`` overlaps that of its group's latest claim."""
    rs = frame["refers_start"].to_numpy(dtype="datetime64[ns]").astype(np.int64)
    re_ = frame["refers_end"].to_numpy(dtype="datetime64[ns]").astype(np.int64)
    has = (rs != _MIN) & (re_ != _MIN)
    anchor = np.flatnonzero(stated == latest[codes])
    a_start = np.full(ngroups, _MIN, dtype=np.int64)
    a_end = np.full(ngroups, _MIN, dtype=np.int64)
    a_has = has[anchor]
    a_start[codes[anchor[a_has]]] = rs[anchor[a_has]]
    a_end[codes[anchor[a_has]]] = re_[anchor[a_has]]
    g_has = a_start[codes] != _MIN
    return has & g_has & (rs <= a_end[codes]) & (re_ >= a_start[codes])


def warn_out_of_window(
    cs: ComparisonSet,
    codes: np.ndarray,
    labels: pd.Index,
    span: pd.Timedelta,
    *,
    stacklevel: int,
) -> None:
    """Say which groups were compared over the window only (the time-aware default)."""
    if not cs.out_of_window.any():
        return
    groups = np.flatnonzero(np.bincount(codes[cs.out_of_window]))
    names = ", ".join(repr(_name(labels[i])) for i in groups[:3])
    more = f" and {len(groups) - 3} more" if len(groups) > 3 else ""
    warn(
        f"the claims of {len(groups)} group(s) ({names}{more}) span more than "
        f"{span.days} days: only the claims stated within {span.days} days of each "
        f"group's latest one were compared ({int(cs.out_of_window.sum())} earlier claims "
        "were not; see timeline() and revisions()). Pass compare_within= to choose the "
        "window, or compare_within=None to compare every claim.",
        ComparabilityWarning,
        stacklevel=stacklevel,
    )


# ---------------------------------------------------------------------- tension
def rounding(x: np.ndarray, cap: float = 0.10) -> np.ndarray:
    """Half the rounding step of each round figure, at most ``cap`` of its size.

    The step of an integer is the largest power of ten, or five times a power of
    ten, dividing it: 12,000 is round to the thousand (±500), 15,000 to the five
    thousand (±2,500, capped at ±1,500 by ``cap=0.10``), 16,200 to the hundred (±50).
    Non-integers and NaN give 0.

    >>> rounding(np.array([12000.0, 15000.0, 16200.0, 7.0, 2.5])).tolist()
    [500.0, 1500.0, 50.0, 0.5, 0.0]
    """
    v = np.abs(np.asarray(x, dtype="float64"))
    with np.errstate(invalid="ignore"):
        ok = v > 0  # (NaN: False)
        ok &= v < 2.0**53
    out = np.zeros(v.shape)
    at = np.flatnonzero(ok)
    del ok
    vals = v[at]
    del v
    whole = vals == np.floor(vals)
    if not whole.all():
        at, vals = at[whole], vals[whole]
    del whole
    # only round figures are divided, and only while divisible
    if not len(at):
        return out
    step = np.ones(len(at))
    live = np.arange(len(at))  # positions (into vals) still divisible by ten
    rest = vals.astype(np.int64)  # exact: integers below 2**53
    for _ in range(16):  # at most 16 trailing zeros below 2**53
        r = rest[live]
        div = r % 10 == 0
        if not div.any():
            break
        live = live[div]
        step[live] *= 10.0
        rest[live] = r[div] // 10
    five = rest % 5 == 0
    step[five] *= 5.0
    out[at] = np.minimum(step / 2.0, cap * vals)
    return out


def tolerances(
    hedge: np.ndarray, low: np.ndarray, high: np.ndarray, best: np.ndarray, cap: float = 0.10
) -> tuple[np.ndarray, np.ndarray]:
    """How far each claim's low and high ends may move within rounding.

    A stated central figure (exact, "about") is round to its step on both sides;
    "nearly X" on its top, X.  Bounds a source stated as bounds (floors, ceilings,
    ranges) and conventional edges of vague magnitudes do not move.
    """
    central = (hedge == _EXACT) | (hedge == _APPROX)
    # one pass of rounding: a claim is central or "nearly", never both
    stated = np.full(len(hedge), np.nan)
    np.copyto(stated, best, where=central)
    np.copyto(stated, high, where=hedge == _NEARLY)
    r = rounding(stated, cap)
    del stated
    return np.where(central, r, 0.0), r


def hard_pairs(
    group: np.ndarray,
    ngroups: int,
    low: np.ndarray,
    high: np.ndarray,
    *,
    per_claim: bool = False,
) -> tuple[np.ndarray, np.ndarray | None]:
    """Disjoint pairs per group of *closed* intervals ``[low, high]`` (no pair listed).

    Returns the count per group and, with ``per_claim``, each claim's number of
    disjoint partners.  The starts and the ends are sorted by (group, value) (one
    sort each, as complex keys ``group + i value``); a claim's partners below it are
    the ends of its group before its start, found by a binary search of the sorted
    starts in the sorted ends (queries in order), less the ends of earlier groups (a
    cumulative count, no search).  Its partners above are the starts of its group
    after its end, searched with the ends in the order of the starts (each group's
    queries fall in its own short segment).
    """
    n = len(group)
    if n == 0:
        return np.zeros(ngroups, dtype=np.int64), np.zeros(
            0, dtype=np.int64
        ) if per_claim else None
    if np.isnan(low).any() or np.isnan(high).any():
        return _hard_pairs_ranked(group, ngroups, low, high, per_claim=per_claim)
    g = group.astype(np.int64, copy=False)
    k = np.bincount(g, minlength=ngroups)
    seg = np.zeros(ngroups + 1, dtype=np.int64)  # claims of earlier groups
    np.cumsum(k, out=seg[1:])
    if not per_claim:
        packed = _hard_counts_packed(g, k, seg, low, high)
        if packed is not None:
            return packed, None
    gf = g.astype("float64")
    hi_key = _complex_key(gf, high)
    hi_key.sort()
    if not per_claim:
        lo_key = _complex_key(gf, low)
        lo_key.sort()
        g_sorted = lo_key.real.astype(np.int64)
        below = np.searchsorted(hi_key, lo_key, side="left") - seg[g_sorted]
        return np.bincount(g_sorted, weights=below, minlength=ngroups).astype(np.int64), None
    order = np.argsort(_complex_key(gf, low))
    lo_key = _complex_key(gf[order], low[order])
    g_sorted = g[order]
    below = np.searchsorted(hi_key, lo_key, side="left") - seg[g_sorted]
    counts = np.bincount(g_sorted, weights=below, minlength=ngroups).astype(np.int64)
    # starts of the group strictly after each end: the group's last start position
    # less the starts at or before the end
    above = seg[g_sorted + 1] - np.searchsorted(
        lo_key, _complex_key(gf[order], high[order]), side="right"
    )
    per = np.empty(n, dtype=np.int64)
    per[order] = below + above
    return counts, per


def _hard_counts_packed(
    g: np.ndarray, k: np.ndarray, seg: np.ndarray, low: np.ndarray, high: np.ndarray
) -> np.ndarray | None:
    """Disjoint pairs per group when every bound is a multiple of 1/2 (None if not).

    Rounding widens round figures by half steps, so the bounds are usually halves:
    then twice each bound is an integer slot, and one int64 sort of the packed
    ``(group, slot, kind)`` events (starts before ends at the same slot) orders
    everything.  At the i-th start, at sorted position p, p - i ends lie before it;
    those of its own group are p - i less the ends of earlier groups.
    """
    n = len(g)
    fin_lo, fin_hi = np.isfinite(low), np.isfinite(high)
    vmin = 2.0 * min(
        float(np.min(low, where=fin_lo, initial=np.inf)),
        float(np.min(high, where=fin_hi, initial=np.inf)),
    )
    vmax = 2.0 * max(
        float(np.max(low, where=fin_lo, initial=-np.inf)),
        float(np.max(high, where=fin_hi, initial=-np.inf)),
    )
    if not np.isfinite(vmin):
        vmin = vmax = 0.0
    span = vmax - vmin
    ngroups = len(k)
    if not span < 2**40:
        return None
    width = 1 << (int(span) + 3).bit_length()  # slots 0 (-inf) .. span + 2 (+inf)
    if width * 2 * max(ngroups, 1) >= 2**62:
        return None
    offset = vmin - 1.0
    events = np.empty(2 * n, dtype=np.int64)
    group_part = g * width
    for half, x, fin, tag in ((events[:n], low, fin_lo, 0), (events[n:], high, fin_hi, 1)):
        slot = x * 2.0
        every = bool(fin.all())
        if not every:
            slot[~fin] = 0.0
        half[:] = slot  # truncates: exact when every bound is a multiple of 1/2
        if not np.array_equal(half, slot):
            return None
        del slot
        half -= int(offset)  # (an integer: the smallest doubled bound, checked, less 1)
        if not every:
            half[~fin] = np.where(x[~fin] > 0, int(span) + 2, 0)
        half += group_part
        half <<= 1
        half |= tag
    del group_part, fin_lo, fin_hi
    events.sort()
    lowest_byte = events.view(np.uint8)[::8] if _LITTLE else events.view(np.uint8)[7::8]
    start_pos = np.flatnonzero((lowest_byte & 1) == 0)
    del events, lowest_byte
    # sum over a group's starts of (p - i - seg): sum(p) - 2 k seg - k (k - 1) / 2
    kk = k.astype(np.int64)
    has = kk > 0
    sum_p = np.zeros(ngroups, dtype=np.int64)
    sum_p[has] = np.add.reduceat(start_pos, seg[:-1][has])
    return sum_p - 2 * kk * seg[:-1] - kk * (kk - 1) // 2


def _complex_key(g: np.ndarray, value: np.ndarray) -> np.ndarray:
    """``g + i value`` with infinities kept (``1j * inf`` would be ``nan + inf i``)."""
    key = np.empty(len(g), dtype=np.complex128)
    key.real = g
    key.imag = value
    return key


def _hard_pairs_ranked(
    group: np.ndarray,
    ngroups: int,
    low: np.ndarray,
    high: np.ndarray,
    *,
    per_claim: bool = False,
) -> tuple[np.ndarray, np.ndarray | None]:
    """:func:`hard_pairs` on dense value ranks (NaN bounds rank last, as one value)."""
    n = len(group)
    values, inv = np.unique(np.concatenate([low, high]), return_inverse=True)
    width = np.int64(len(values) + 1)
    g = group.astype(np.int64)
    lo_key = g * width + inv[:n]
    hi_key = g * width + inv[n:]
    hi_sorted = np.sort(hi_key)
    base = g * width
    # ends strictly below each claim's start, within its group
    below = np.searchsorted(hi_sorted, lo_key, side="left") - np.searchsorted(
        hi_sorted, base, side="left"
    )
    counts = np.bincount(g, weights=below, minlength=ngroups).astype(np.int64)
    if not per_claim:
        return counts, None
    lo_sorted = np.sort(lo_key)
    above = np.searchsorted(lo_sorted, base + width, side="left") - np.searchsorted(
        lo_sorted, hi_key, side="right"
    )
    return counts, (below + above).astype(np.int64)
