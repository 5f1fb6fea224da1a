"""Source reliability learned across quantities: truth discovery for hedged intervals.

Which sources have been right?  Truth-discovery methods answer by alternating two
steps over *all* quantities at once: estimate each quantity from the claims, weighting
each claim by its source's reliability; then re-estimate each source's reliability
from how far its claims fell from those estimates.  This module does that for the
claims of this library -- intervals with open or closed ends, floors ("more than X"),
ceilings ("up to X"), vague magnitudes ("thousands"), several agents per claim and
revisions -- with every step a few sorts, cumulative sums and ``bincount`` calls over
all claims (no Python loop over groups or sources).

Papers followed
---------------
* CRH -- Li, Li, Gao, Su, Zhao, Fan, Han, "Resolving conflicts in heterogeneous data
  by truth discovery and source reliability estimation", SIGMOD 2014: the alternation,
  and the weighted median as the truth of a continuous quantity under absolute loss.
* GTM -- Zhao & Han, "A probabilistic model for estimating real-valued truth from
  conflicting sources", QDB 2012: a prior on each source's quality, so a source seen
  once is not trusted like one seen a hundred times.
* TruthFinder -- Yin, Han, Yu, KDD 2007: a source's trustworthiness as the share of
  its claims that are right, turned into a vote weight by its log-odds.
* KDEm -- Wan, Chen, Han, Gao, KDD 2016: robustness to outlying claims (here by
  bounding each claim's error and setting gross outliers aside, see below).

Where this departs from them
----------------------------
* **Intervals.**  A claim's error is its distance to the estimate, zero anywhere inside
  its interval: "more than 13,000" is wrong only below 13,000, "up to 12,000" only
  above.  The estimate that minimises the weighted sum of these distances is the
  weighted median of the claims' *endpoints*, each end carrying half the claim's
  weight (a point claim puts both halves on one value).  A claim with a best value
  inside a range ("about 10,000", "290,000-350,000, most likely 320,000") puts half
  its weight on the best and a quarter on each end.  When the median falls on an
  infinite end (only floors, say), the nearest finite end is taken.  On an exact tie
  the lower of the two figures is taken (the conservative convention of ACLED and
  UCDP), so the estimate is always a figure some claim states.
* **Bounded, scale-free errors.**  A claim's error is ``min(1, d / (tolerance *
  |estimate|))``: relative, so one source is judged across quantities of any size, and
  capped at 1, so a figure off by a factor of a billion costs its source no more than
  one off by 1%.
* **Weights.**  CRH's ``-log(loss_s / sum of losses)`` is nearly flat when thousands
  of sources each speak once.  Here a source's *accuracy* is its share of claims that
  were right (one minus the mean error), shrunk towards the accuracy of its kind with
  ``prior`` pseudo-claims (empirical Bayes, as GTM's prior), and its weight is the
  log-odds of that accuracy (TruthFinder), floored at ``floor``: a source right less
  than half the time does not vote against its figures, it just barely counts.
  Sources of one kind (a ``source_kind`` column or :class:`~estimates.SourceBook`
  kinds: "anonymous editor", "warring party") share the prior their kind has earned.
* **Gross outliers are set aside first.**  A claim wholly more than ``outlier``
  times (10 by default) above or below both middle values of its group's median
  (one vote per source) -- a vandal's 10^9, a dropped digit -- carries no weight in
  any estimate and no place in its source's learned record (KDEm gives such claims no
  density).  So a vandal's figure moves no estimate and no weight wherever three or
  more sources' figures lie within 10x of each other (tested on the population data
  and on random groups); in a group split evenly between two figures far apart, any
  further claim can tip the median, as with every median.  The track records
  (:func:`source_table`) still count an outlier as a miss.
* **Vague magnitudes** ("thousands") weigh ``vague`` times a stated figure.
* **No self-confirmation.**  A claim that meets the estimate counts in its source's
  record only when a claim by another agent meets it too: a lone figure that became
  the estimate (the only claim, or the median of scattered figures) proves nothing.
  Nor is a lone figure excused: when two or more other sources agree on the
  estimate the group would have without it (the weighted median of the others'
  claims), it is judged against that, as a leave-one-out record would.  Without
  this a source that has come to dominate could never be found wrong again: its
  lone figures became the estimates, went unjudged, and the sources that stated the
  truth against it were counted as misses (a fixed point the property tests found
  on synthetic data).  And a miss against a lone figure is no surer than that
  figure: it counts only as far as the figure is backed, by the share of the
  group's sources that meet it -- a half where one of two sources states it, a
  third among three scattered figures; a miss against an estimate two agents meet
  counts whole (EM-style truth discovery likewise weighs each piece of evidence by
  its confidence in the truth it is judged against).  The share counts every
  source once (a source's claims on the group share its vote, as for outliers), not
  by its learned weight, which would let a dominant source back its own figures;
  it also keeps the records a step function of the weights, so the alternation
  still stops at an exact fixed point.  Without it, where the other sources agree
  on nothing, a lone figure that won went unjudged while each figure it beat
  counted as a whole miss: on the property test's synthetic tables 6 of 25,000
  seeds ended with the truthful source not the weightiest; none of seeds 0 to
  29,999 nor of 8,000 random 32-bit seeds do now.  (Judging nobody in such groups
  removed them, but cost two city-years of the population truth and the lowest
  error; judging a lone figure against the others' estimate when one other agent
  meets it, not two, gained one city-year but made other seeds fail.)
* **Revisions and duplicates are not independent votes.**  A source's claims on one
  group share its weight (each gets ``1 / number of its claims there``) and count as
  one claim in its record, so repeating a figure does not double its say.
* **Joint claims** ("South Korea; United States") weigh the mean of their agents'
  weights, and each agent is credited with the claim's error.

Measured
--------
On the population truth-discovery data (``benchmarks/bench_reliability.py``; 136
city-years with census truth): 83.1% of city-years exact (113), within 1% 86.0%,
mean absolute error 2,054 (83.8% and 2,054 with anonymous editors marked as a kind),
against 80.1% / 2,413 for a majority vote, 79.4% / 2,132 for ``pooled``, 62.5% / 2,887
for the median and 68.4% / 3,587 for CRH as published: the most exact and the lowest
error of all.  Short of the 90% aimed at, for a reason the data show: in 18 of the 23
city-years missed the census figure is stated by one editor against two or more who
agree on another figure (most often the busiest bot, right on 80% of the dev truth,
and a second editor stating the bot's figure); in 4 no other figure has two editors
either (one against one, or scattered figures; in one the bot's right figure is set
aside as more than 10 times below the others); one has no claim of the census figure
at all.  No weighting learned from agreement can side with a lone dissenter whose
other figures agree with that bot, and settings that push the weights harder
(stronger priors, capped or confidence-bound weights, leave-one-out records, only
contested groups counted) were tried on the dev truth and score the same or worse;
so does scoring the sources against known census figures (10-fold cross-validation
on the dev truth, each fold's city-years estimated with the other folds' census
figures fixed: 113 of 136 exact, measured before misses against lone figures were
weighted by their backing).  The data bound every such method: a vote weighting each
source by its record on the census figures of the *other* 135 dev city-years --
supervised, knowing what no agreement can teach, and with or without cutting the votes
of one-off, anonymous and copying editors -- estimates at most 119 of 136 exactly
(87.5%, the best of 1,920 settings chosen on the dev truth itself; the benchmark's last
line), short of the 123 that 90% would need.
(Before judging lone figures against the others' agreed estimate, see "No
self-confirmation", the score was 114 of 136; the two city-years lost are one
against one, or eight scattered figures.  Weighting a miss against a lone figure by
its backing then took the score from 112 to 113 of 136: Chattanooga 2006, one editor
against one, is now right, while Cincinnati 2005, already missed, moved further off
(by 37,558 instead of 942), which raises the mean error from 1,881 to 2,054.)
Speed (same run, 10^7 claims in 10^6 groups, two cores, load ~1.0): 8.2x a plain
``reconcile()`` by the clock, 8.0x in CPU time.

Running it distributed
----------------------
:func:`discover_frame` is pure (frames in, frames out) and, given ``source_weights``
and ``iterations=0``, only estimates and scores.  The weights are global, so a
distributed engine (Dask) alternates:

1. on each partition holding whole groups, ``discover_frame(part, by,
   source_weights=w, iterations=0)``; its second frame holds each source's
   ``right`` and ``count`` (sufficient statistics) and ``kind``;
2. sum ``right`` and ``count`` per source over the partitions and call
   :func:`weights_from_record` (kinds as integer codes) for the next ``w``;
3. repeat until ``w`` stops changing (start from ``w = 1``); the last pass's first
   frame gives ``best`` and ``strategy_explanation`` per group.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from .._model.errors import ArgumentTypeError, OptionError
from .._model.silencing import warn
from .._model.sources import SourceBook
from .kernel import _MAG, _segment_starts, claim_points
from .sources import Agents, agents_of, canonical_cells

__all__ = [
    "DEFAULTS",
    "Discovery",
    "ReliabilityError",
    "discover",
    "discover_frame",
    "interval_median",
    "leave_one_out_median",
    "weights_from_record",
]


class ReliabilityError(OptionError):
    """An argument of the reliability computation is out of its range: an
    :class:`estimates.OptionError` (so a ``ValueError``) with ``option``, ``value``
    and ``expected``."""


#: Default settings (tuned on the population dev truth; see benchmarks/bench_reliability.py).
DEFAULTS = {
    "tolerance": 1e-3,
    "prior": 0.5,
    "floor": 0.01,
    "vague": 0.25,
    "outlier": 10.0,
    "iterations": 30,
}


@dataclass(frozen=True)
class Discovery:
    """What :func:`discover` learned.

    Attributes
    ----------
    estimate : float array, one per group
        The reliability-weighted interval median.
    weight : float array, one per source
        Each source's learned weight (log-odds of its shrunk accuracy, floored).
    accuracy : float array, one per source
        Its shrunk accuracy (share of claims right, with the prior's pseudo-claims).
    right, count : float arrays, one per source
        Its claims right (1 - error, summed) and claims counted (revisions of one group
        count once); sufficient statistics, additive across partitions.
    kind_accuracy : float array, one per kind
        The prior accuracy of each kind.
    claim_weight : float array, one per claim
        The weight each claim carried in the last estimate.
    claim_error : float array, one per claim
        Each claim's bounded error against its group's estimate (0 = right, 1 = wrong).
    iterations : int
        Iterations run before the estimates and weights stopped changing.
    """

    estimate: np.ndarray
    weight: np.ndarray
    accuracy: np.ndarray
    right: np.ndarray
    count: np.ndarray
    kind_accuracy: np.ndarray
    claim_weight: np.ndarray
    claim_error: np.ndarray
    iterations: int


# ---------------------------------------------------------------------------- medians
@dataclass(frozen=True)
class _Points:
    """Weighted points of every claim, sorted by (group, value) once for all iterations."""

    order: np.ndarray  # positions into the concatenated point arrays, sorted
    group: np.ndarray  # group of each sorted point
    value: np.ndarray  # value of each sorted point
    claim: np.ndarray  # claim of each sorted point
    share: np.ndarray  # share of its claim's weight each sorted point carries
    start: np.ndarray  # first sorted point of each group
    count: np.ndarray  # points per group


def _points(
    group: np.ndarray,
    ngroups: int,
    low: np.ndarray,
    high: np.ndarray,
    best: np.ndarray,
) -> _Points:
    """Each claim's weighted points: both ends at half weight, or a best at half weight
    and the ends at a quarter (see the module notes)."""
    n = len(group)
    has_best = np.isfinite(best) & (low < high)
    end_share = np.where(has_best, 0.25, 0.5)
    # a point claim's two halves fall on one value: one point with the whole weight
    two = ~(low == high)
    end_share = np.where(two, end_share, 1.0)
    highs = np.flatnonzero(two)
    claim = np.concatenate([np.arange(n), highs, np.flatnonzero(has_best)])
    value = np.concatenate([low, high[highs], best[has_best]])
    share = np.concatenate([end_share, end_share[highs], np.full(int(has_best.sum()), 0.5)])
    g = group[claim].astype(np.int64)
    order = _group_value_order(g, value)
    count = np.bincount(g, minlength=ngroups)
    return _Points(
        order, g[order], value[order], claim[order], share[order], _segment_starts(count), count
    )


def _group_value_order(g: np.ndarray, value: np.ndarray) -> np.ndarray:
    """The order sorting points by group, then value.  Equal values of a group may come
    in any order.

    Two sorts of packed int64 keys, not argsorts (a plain sort is several times
    faster): the values' order, as ``(value << index bits) | index`` when every finite
    value is a whole number in a span that fits beside the index (an argsort
    otherwise); then ``group * m + rank``, from which the rank gives the position back.
    """
    m = len(value)
    if m == 0 or int(g.max()) >= (2**62) // max(m, 1):  # pragma: no cover - huge inputs
        return np.lexsort((value, g))
    idx = np.arange(m, dtype=np.int64)
    by_value = _value_order(value, idx)
    rank = np.empty(m, dtype=np.int64)
    rank[by_value] = idx
    keys = g.astype(np.int64) * np.int64(m)
    keys += rank
    keys.sort()
    keys %= np.int64(m)
    return by_value[keys]


def _value_order(value: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """The positions of ``value`` in increasing order (see :func:`_group_value_order`)."""
    m = len(value)
    bits = max(int(m - 1).bit_length(), 1)
    finite = np.isfinite(value)
    if finite.any() and not np.isnan(value).any():
        vf = value[finite]
        lo, hi = float(vf.min()), float(vf.max())
        # whole numbers in a span that leaves room for the index and the two infinities
        # (and below 2**53, where float arithmetic on them is exact)
        span_ok = hi - lo + 2 < min(2.0 ** (62 - bits), 2.0**53)
        if span_ok and np.array_equal(np.floor(vf), vf):
            span = np.int64(hi - lo + 2)
            keys = np.where(finite, value - lo + 1, np.where(value > 0, span, 0)).astype(np.int64)
            keys <<= np.int64(bits)
            keys |= idx
            keys.sort()
            keys &= np.int64((1 << bits) - 1)
            return keys
    return np.argsort(value)


def _weighted_median(
    pts: _Points, weight: np.ndarray, ngroups: int, *, upper: bool = False
) -> np.ndarray:
    """Per group, the weighted median of the sorted points with claim weights ``weight``.

    The lower weighted median: the first point where the cumulative weight reaches
    half.  On an exact tie (two figures with equal support) that is the lower figure,
    the conservative convention of ACLED and UCDP, and always a figure some claim
    states.  An infinite median becomes the nearest finite point of the group.  With
    ``upper`` the last such point instead (lower and upper bound the set of values
    minimising the weighted distance).
    """
    out = np.full(ngroups, np.nan)
    if not len(pts.value):
        return out
    w = weight[pts.claim] * pts.share
    cum = np.cumsum(w)
    total = np.bincount(pts.group, weights=w, minlength=ngroups)
    base = np.concatenate([[0.0], cum])[pts.start]
    has = (pts.count > 0) & (total > 0)
    half = base + total / 2
    tiny = 1e-9 * total
    last = np.maximum(pts.start + pts.count - 1, 0)
    target = half + tiny if upper else half - tiny
    j = np.minimum(np.searchsorted(cum, target, side="left"), last)
    j = np.minimum(np.maximum(j, pts.start), len(cum) - 1)
    out[has] = pts.value[j][has]
    # infinite medians: the nearest finite point of the group
    inf = has & np.isinf(out)
    if inf.any():
        fin = np.isfinite(pts.value)
        lo = np.full(ngroups, np.inf)
        hi = np.full(ngroups, -np.inf)
        np.minimum.at(lo, pts.group[fin], pts.value[fin])
        np.maximum.at(hi, pts.group[fin], pts.value[fin])
        out[inf] = np.where(out[inf] > 0, hi[inf], lo[inf])
        out[np.isinf(out)] = np.nan
    return out


def interval_median(
    group: np.ndarray,
    ngroups: int,
    low: np.ndarray,
    high: np.ndarray,
    best: np.ndarray,
    weight: np.ndarray,
    *,
    upper: bool = False,
) -> np.ndarray:
    """Per group, the value minimising the weighted sum of distances to the claims'
    intervals (the weighted median of their endpoints; see the module notes).

    >>> import numpy as np
    >>> g = np.array([0, 0, 0]); w = np.ones(3)
    >>> interval_median(g, 1, np.array([10., 12., 1e9]), np.array([10., 12., 1e9]),
    ...                 np.array([10., 12., 1e9]), w).tolist()
    [12.0]

    ``upper=True`` gives the largest minimiser ("up to 12,000" alone: 0 and 12,000).
    """
    pts = _points(group, ngroups, low, high, best)
    return _weighted_median(pts, weight, ngroups, upper=upper)


def leave_one_out_median(
    group: np.ndarray,
    ngroups: int,
    low: np.ndarray,
    high: np.ndarray,
    best: np.ndarray,
    weight: np.ndarray,
    entry_claim: np.ndarray,
    entry_unit: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Per entry (claim, unit), the (lower, upper) weighted interval median of the claim's group
    without any claim of that unit (e.g. that source, joint claims included): the
    consensus of the *others*; NaN when no other claim has weight.

    The computation forms one sub-group per (group, unit) holding the group's other
    claims, so it costs the sum over groups of claims x units (quadratic in a group's
    size; meant for track records, not for the reconcile hot path).

    >>> import numpy as np
    >>> x = np.array([10., 12., 30.])
    >>> leave_one_out_median(np.zeros(3, int), 1, x, x, x, np.ones(3),
    ...                      np.arange(3), np.arange(3))[0].tolist()
    [12.0, 10.0, 10.0]
    """
    m = len(entry_claim)
    if m == 0:
        return np.zeros(0), np.zeros(0)
    g = group.astype(np.int64)
    ec = entry_claim.astype(np.int64)
    eu = entry_unit.astype(np.int64)
    width = np.int64(int(eu.max()) + 1)
    key = g[ec] * width + eu
    sub, sub_of = np.unique(key, return_inverse=True)
    sub_group = sub // width
    sub_unit = sub % width
    by_group = np.argsort(g, kind="stable")
    gcount = np.bincount(g, minlength=ngroups)
    gstart = _segment_starts(gcount)
    reps = gcount[sub_group]
    pair_sub = np.repeat(np.arange(len(sub)), reps)
    within = np.arange(len(pair_sub)) - np.repeat(_segment_starts(reps), reps)
    pair_claim = by_group[gstart[sub_group][pair_sub] + within]
    # leave out the claims the unit took part in
    made = np.unique(ec * width + eu)
    probe = pair_claim * width + sub_unit[pair_sub]
    keep = ~np.isin(probe, made, assume_unique=False)
    pair_sub, pair_claim = pair_sub[keep], pair_claim[keep]
    pts = _points(pair_sub, len(sub), low[pair_claim], high[pair_claim], best[pair_claim])
    lower = _weighted_median(pts, weight[pair_claim], len(sub))
    upper = _weighted_median(pts, weight[pair_claim], len(sub), upper=True)
    return lower[sub_of], upper[sub_of]


# ---------------------------------------------------------------------------- weights
def weights_from_record(
    right: np.ndarray,
    count: np.ndarray,
    kind: np.ndarray,
    *,
    prior: float = 0.5,
    floor: float = 0.01,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Weights from each source's record: ``(weight, accuracy, kind_accuracy)``.

    A source's accuracy is ``(right + prior * p_kind) / (count + prior)`` where
    ``p_kind`` is the pooled accuracy of its kind (all its members' claims), kept
    within [0.02, 0.98]; its weight is ``max(floor, log(acc / (1 - acc)))``.

    >>> import numpy as np
    >>> w, acc, pk = weights_from_record(np.array([9., 0.]), np.array([10., 1.]),
    ...                                  np.array([0, 0]))
    >>> bool(w[0] > w[1]), round(float(pk[0]), 3)
    (True, 0.818)
    """
    kind = kind.astype(np.int64)
    nk = int(kind.max()) + 1 if len(kind) else 0
    kr = np.bincount(kind, weights=right, minlength=nk)
    kc = np.bincount(kind, weights=count, minlength=nk)
    with np.errstate(invalid="ignore", divide="ignore"):
        pk = np.where(kc > 0, kr / kc, 0.5)
    pk = np.clip(pk, 0.02, 0.98)
    acc = (right + prior * pk[kind]) / (count + prior)
    acc = np.clip(acc, 1e-6, 1 - 1e-6)
    weight = np.maximum(np.log(acc / (1 - acc)), floor)
    return weight, acc, pk


def _check(name: str, value: float, low: float, high: float) -> float:
    v = float(value)
    if not (low <= v <= high) or np.isnan(v):
        raise ReliabilityError(name, value, f"a number from {low} to {high}")
    return v


def discover(
    group: np.ndarray,
    ngroups: int,
    low: np.ndarray,
    high: np.ndarray,
    best: np.ndarray,
    hedge: np.ndarray,
    agent_claim: np.ndarray,
    agent_code: np.ndarray,
    nagents: int,
    *,
    agent_kind: np.ndarray | None = None,
    tolerance: float = 1e-3,
    prior: float = 0.5,
    floor: float = 0.01,
    vague: float = 0.25,
    outlier: float = 10.0,
    iterations: int = 30,
    source_weights: np.ndarray | None = None,
) -> Discovery:
    """Learn source weights and per-group estimates together (see the module notes).

    Parameters
    ----------
    group : int array
        Group of each claim, ``0 .. ngroups-1``.
    low, high, best : float arrays
        The claims' intervals and best values (NaN when none); one unit per group.
    hedge : int array
        Hedge codes (the order of :class:`estimates.Hedge`).
    agent_claim, agent_code : int arrays
        One entry per (claim, agent): joint claims have several.
    nagents : int
        Number of agent codes.
    agent_kind : int array, optional
        Kind code of each agent (sources of one kind share a prior); default one kind.
    tolerance : float
        Relative distance from the estimate at which a claim counts as wholly wrong.
    prior : float
        Pseudo-claims of the kind's accuracy added to each source's record.
    floor : float
        Smallest weight a source can have.
    vague : float
        Weight of a vague magnitude relative to a stated figure.
    outlier : float
        Claims wholly more than this factor above or below their group's unweighted
        median are set aside: no weight in estimates, no place in records.
    iterations : int
        Most rounds of the alternation (it stops earlier when nothing changes).
    source_weights : float array, optional
        Start from these weights (one per agent); with ``iterations=0`` the estimate
        uses them as given (the distributed pattern in the module notes).

    Returns
    -------
    Discovery
    """
    tolerance = _check("tolerance", tolerance, 1e-12, 1e6)
    prior = _check("prior", prior, 0.0, 1e9)
    floor = _check("floor", floor, 1e-9, 1e3)
    vague = _check("vague", vague, 0.0, 1.0)
    outlier = _check("outlier", outlier, 1.0, math.inf)
    if int(iterations) != iterations or iterations < 0:
        raise ReliabilityError("iterations", iterations, "a whole number >= 0")
    n = len(group)
    g = group.astype(np.int64, copy=False)
    ac = agent_claim.astype(np.int64, copy=False)
    code = agent_code.astype(np.int64, copy=False)
    kind = np.zeros(nagents, dtype=np.int64) if agent_kind is None else agent_kind.astype(np.int64)
    pts = _points(g, ngroups, low, high, best)
    # Gross outliers (a vandal's 10^9, a figure off by a dropped digit) are set aside
    # before anything is learned: wholly more than ``outlier`` times off both middle
    # values of the group's median with every source weighing the same
    # (each source's claims on a group share one vote, so duplicates change nothing)
    pair = g[ac] * np.int64(max(nagents, 1)) + code
    agents_per_claim = np.bincount(ac, minlength=n).astype("float64")
    agents_per_claim[agents_per_claim == 0] = 1.0
    pair_of, _uniq = pd.factorize(pair)  # hashing: no sort of the entries
    pair_n = np.bincount(pair_of)
    pair_group = np.zeros(len(pair_n), dtype=np.int64)
    pair_group[pair_of] = g[ac]
    plain = np.where(hedge == _MAG, vague, 1.0)
    votes = plain * np.bincount(
        ac, weights=1.0 / pair_n[pair_of] / agents_per_claim[ac], minlength=n
    )
    mid_lo = _weighted_median(pts, votes, ngroups)
    mid_hi = _weighted_median(pts, votes, ngroups, upper=True)
    gross = outliers(mid_lo[g], low, high, outlier) & outliers(mid_hi[g], low, high, outlier)
    base = plain * ~gross
    # Revisions: a source's entries in one group share its weight and count once.
    kept = ~gross[ac]
    kept_n = np.bincount(pair_of, weights=kept, minlength=len(pair_n))
    share = np.where(kept, 1.0 / np.maximum(kept_n, 1.0)[pair_of], 0.0)
    # an entry's share of its claim (joint claims average their agents' weights)
    entry_share = share / agents_per_claim[ac]
    # each entry's vote with every source weighing the same (a source's claims on a
    # group share one vote): the head count behind a lone figure, below
    heads = base[ac] * entry_share
    heads_total = np.bincount(g[ac], weights=heads, minlength=ngroups)
    count = np.zeros(nagents)
    weight = (
        np.ones(nagents) if source_weights is None else np.asarray(source_weights, dtype="float64")
    )
    acc = np.full(nagents, np.nan)
    pk = np.full(int(kind.max()) + 1 if len(kind) else 0, np.nan)
    estimate = np.full(ngroups, np.nan)
    err = np.zeros(n)
    cw = np.zeros(n)
    right = np.zeros(nagents)
    last = (right, count)
    done = 0
    for it in range(int(iterations) + 1):
        cw = base * np.bincount(ac, weights=weight[code] * entry_share, minlength=n)
        new = _weighted_median(pts, cw, ngroups)
        lost = np.isnan(new) & ~np.isnan(mid_lo)
        if lost.any():  # only outliers in the group: they count after all
            new[lost] = _weighted_median(pts, np.where(gross, votes, cw), ngroups)[lost]
        err = claim_errors(new[g], low, high, tolerance)
        # A claim that meets the estimate is evidence for its source only when a claim
        # by another agent meets it too: a lone figure that became the estimate
        # proves nothing (no self-confirmation); a miss counts (see below for a miss
        # against a lone figure).
        meets = (err < 1) & ~gross
        others = (
            np.bincount(g, weights=meets, minlength=ngroups)[g[ac]]
            - np.bincount(pair_of, weights=meets[ac] & kept, minlength=len(pair_n))[pair_of]
        )
        # ... but it is not excused either: a source whose lone figure became the
        # estimate over other sources' figures is judged against the estimate of the
        # others (the group's weighted median without that source's claims), as a
        # leave-one-out record would; otherwise a source that has come to dominate
        # could never be found wrong again.
        entry_err = err[ac]
        lone = np.bincount(
            pair_of, weights=meets[ac] & kept & (others < 0.5), minlength=len(pair_n)
        )
        judged = (entry_err > 0) | (others > 0.5)
        lone_group = np.bincount(pair_group, weights=lone, minlength=ngroups) > 0
        # Nor is a miss against a lone figure sure: it counts only as far as the
        # figure is backed, by the share of the group's sources (one vote each, not
        # their learned weights, which would let a dominant source back its own
        # figure) that meet it -- a half when one of two sources states it, a third
        # of three.  A miss against an estimate two agents meet counts whole.
        sure = np.ones(len(ac))
        if lone_group.any():
            # only the entries of groups with a lone figure (few): the others'
            # estimate there, and whether two or more other agents meet it
            sub = np.flatnonzero(lone_group[g[ac]])
            sac, spair = ac[sub], pair_of[sub]
            left_out = lone[spair] > 0
            met = np.bincount(g[sac], weights=heads[sub] * meets[sac], minlength=ngroups)
            confidence = np.divide(met, heads_total, out=np.zeros(ngroups), where=heads_total > 0)
            sure[sub[~left_out]] = confidence[g[sac[~left_out]]]
            cw_others = base * np.bincount(
                sac, weights=weight[code[sub]] * entry_share[sub] * ~left_out, minlength=n
            )
            loo = _weighted_median(_subset(pts, lone_group), cw_others, ngroups)[g[sac]]
            loo_err = claim_errors(loo, low[sac], high[sac], tolerance)
            agree = np.unique(spair[(loo_err < 1) & kept[sub] & ~left_out])
            agreeing = np.bincount(pair_group[agree], minlength=ngroups)[g[sac]]
            has_loo = left_out & ~np.isnan(loo) & (agreeing >= 2)
            entry_err[sub[has_loo]] = loo_err[has_loo]
            judged[sub[has_loo]] = True
        checked = share * judged * sure
        right = np.asarray(
            np.bincount(code, weights=(1.0 - entry_err) * checked, minlength=nagents),
            dtype="float64",
        )
        count = np.bincount(code, weights=checked, minlength=nagents).astype("float64")
        # converged when neither the estimates nor the records moved (the records
        # depend on the weights too, through the others' estimates above)
        converged = (
            it > 0
            and np.array_equal(new, estimate, equal_nan=True)
            and np.array_equal(right, last[0])
            and np.array_equal(count, last[1])
        )
        estimate, last = new, (right, count)
        if it == int(iterations) or converged:
            done = it
            break
        new_w, acc, pk = weights_from_record(right, count, kind, prior=prior, floor=floor)
        if np.allclose(new_w, weight, rtol=0, atol=1e-12) and it > 0:
            done = it
            break
        weight = new_w
    return Discovery(estimate, weight, acc, right, count, pk, cw, err, done)


def _subset(pts: _Points, keep: np.ndarray) -> _Points:
    """The sorted points of the groups where ``keep`` (a flag per group) is set."""
    on = keep[pts.group]
    count = np.where(keep, pts.count, 0)
    return _Points(
        pts.order[on],
        pts.group[on],
        pts.value[on],
        pts.claim[on],
        pts.share[on],
        _segment_starts(count),
        count,
    )


def outliers(
    estimate: np.ndarray, low: np.ndarray, high: np.ndarray, outlier: float
) -> np.ndarray:
    """Claims wholly more than ``outlier`` times above or below a positive estimate.

    >>> import numpy as np
    >>> outliers(np.array([100., 100., 100.]), np.array([1e9, 50., 0.]),
    ...          np.array([1e9, 60., 9.]), 10.0).tolist()
    [True, False, True]
    """
    with np.errstate(invalid="ignore"):
        pos = estimate > 0
        return pos & ((low > estimate * outlier) | (high < estimate / outlier))


def claim_errors(
    estimate: np.ndarray, low: np.ndarray, high: np.ndarray, tolerance: float
) -> np.ndarray:
    """Each claim's bounded error: its distance to the estimate (zero inside its
    interval) over ``tolerance * |estimate|``, at most 1; 0 when the estimate is NaN.

    >>> import numpy as np
    >>> claim_errors(np.array([100., 100., 100.]), np.array([90., 101., 0.]),
    ...              np.array([110., np.inf, 99.5]), 1e-2).round(3).tolist()
    [0.0, 1.0, 0.5]
    """
    with np.errstate(invalid="ignore", over="ignore"):  # a distance past 1e308: error 1
        d = np.maximum(np.maximum(low - estimate, estimate - high), 0.0)
        scale = tolerance * np.abs(estimate)
        e = np.where(scale > 0, d / np.where(scale > 0, scale, 1.0), (d > 0).astype(float))
    e = np.minimum(e, 1.0)
    e[np.isnan(estimate)] = 0.0
    return e


# ---------------------------------------------------------------------------- frames
@dataclass(frozen=True)
class _Learned:
    """A frame's claims as arrays, and what :func:`discover` learned from them."""

    codes: np.ndarray
    labels: pd.Index
    low: np.ndarray
    high: np.ndarray
    best: np.ndarray
    hedge: np.ndarray
    agents: Agents
    kind: np.ndarray
    kind_names: np.ndarray
    found: Discovery


def _compact(agents: Agents) -> Agents:
    """The agents with codes only for those that make a claim (``agents_of`` reserves
    a code per row for anonymous claims)."""
    used = np.zeros(len(agents.names), dtype=bool)
    used[agents.code] = True
    if used.all():
        return agents
    new = np.cumsum(used) - 1
    return Agents(agents.claim, new[agents.code], agents.names[used])


def _learn(
    frame: pd.DataFrame,
    keys: list[str],
    book: SourceBook | None,
    *,
    tolerance: float,
    prior: float,
    floor: float,
    vague: float,
    iterations: int,
    source_weights: pd.Series | None,
    unit: str | None = None,
) -> _Learned:
    """Group, convert each group to one unit, explode agents and kinds, and run
    :func:`discover` on a frame."""
    from .comparability import harmonise_units
    from .reconcile import group_codes, hedge_codes

    codes, labels = group_codes(frame, keys)
    low = frame["low"].to_numpy(dtype="float64")
    high = frame["high"].to_numpy(dtype="float64")
    best = frame["best"].to_numpy(dtype="float64")
    factor, _ = harmonise_units(frame["unit"], codes, len(labels), labels, unit)
    if factor is not None:
        low, high, best = low * factor, high * factor, best * factor
    hc = hedge_codes(frame["hedge"])
    agents = _compact(agents_of(frame, book, use_originals=True))
    nag = len(agents.names)
    kind, kind_names = agent_kinds(frame, agents, book)
    start = None
    if source_weights is not None:
        start = (
            pd.Series(source_weights, dtype="float64")
            .reindex(pd.Index(agents.names.astype(str)))
            .fillna(float(floor))
            .to_numpy()
        )
    found = discover(
        codes,
        len(labels),
        low,
        high,
        best,
        hc,
        agents.claim,
        agents.code,
        nag,
        agent_kind=kind,
        tolerance=tolerance,
        prior=prior,
        floor=floor,
        vague=vague,
        iterations=iterations,
        source_weights=start,
    )
    return _Learned(codes, labels, low, high, best, hc, agents, kind, kind_names, found)


def discover_frame(
    frame: pd.DataFrame,
    by: str | Sequence[str] = "quantity",
    *,
    sources: object | None = None,
    tolerance: float = 1e-3,
    prior: float = 0.5,
    floor: float = 0.01,
    vague: float = 0.25,
    iterations: int = 30,
    source_weights: pd.Series | None = None,
    unit: str | None = None,
    source_record: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Truth discovery on a frame of claims: ``(groups, sources)`` frames.

    Pure: frames in, frames out.  ``groups`` has one row per group (indexed by the
    ``by`` keys): ``best`` (the estimate), ``strategy_explanation``, ``top_source`` and
    ``top_weight``.  ``sources`` has one row per source agent (after aliases):
    ``weight``, ``accuracy``, ``right``, ``count``, ``kind``.

    On Dask, learn the weights on the whole table (``right``/``count`` sum across
    partitions; :func:`weights_from_record` turns them into weights), then run this
    per partition of whole groups with ``source_weights=`` and ``iterations=0``; pass
    the summed records as ``source_record`` (columns ``right`` and ``count``, indexed by
    source) so that ``strategy_explanation`` quotes each source's whole record, not the
    partition's share of it.
    """
    from .reconcile import _by_list

    book = sources if isinstance(sources, SourceBook) else None
    x = _learn(
        frame,
        _by_list(by),
        book,
        tolerance=tolerance,
        prior=prior,
        floor=floor,
        vague=vague,
        iterations=iterations,
        source_weights=source_weights,
        unit=unit,
    )
    codes, labels, found, agents = x.codes, x.labels, x.found, x.agents
    ngroups, nag = len(labels), len(agents.names)
    if source_record is not None:
        whole = source_record.reindex(pd.Index(agents.names.astype(str)))
        found = replace(
            found,
            right=whole["right"].fillna(0.0).to_numpy(dtype="float64"),
            count=whole["count"].fillna(0.0).to_numpy(dtype="float64"),
        )
    kind = (x.kind, x.kind_names)
    cells = canonical_cells(frame, book)
    groups = explain(codes, ngroups, labels, found, agents.claim, agents.code, agents.names, cells)
    src = pd.DataFrame(
        {
            "weight": found.weight,
            "accuracy": found.accuracy,
            "right": found.right,
            "count": found.count,
            "kind": kind[1][kind[0]] if len(kind[1]) else np.full(nag, None),
        },
        index=pd.Index(agents.names.astype(str), name="source"),
    )
    used = np.bincount(agents.code, minlength=nag) > 0
    return groups, src[used]


def agent_kinds(
    frame: pd.DataFrame, agents: Agents, book: SourceBook | None
) -> tuple[np.ndarray, np.ndarray]:
    """Each agent's kind code and the kind names (from a ``source_kind`` column, else
    the source book's kinds; agents without a kind share the kind ``None``)."""
    nag = len(agents.names)
    names = np.full(nag, "", dtype=object)
    if "source_kind" in frame.columns:
        col = frame["source_kind"].astype("string").fillna("").to_numpy(dtype=object)
        # an agent's kind: the last non-empty kind among its claims
        has = col[agents.claim] != ""
        names[agents.code[has]] = col[agents.claim][has]
    if isinstance(book, SourceBook) and book.kinds:
        # agent names are canonical already: the book's kinds by folded name, column-wise
        empty = np.flatnonzero(names == "")
        folded = (
            pd.Series(agents.names[empty], dtype="string").str.split().str.join(" ").str.casefold()
        )
        names[empty] = folded.map(dict(book.kinds)).fillna("").to_numpy(dtype=object)
    kinds, code = np.unique(names.astype(str), return_inverse=True)
    return code.astype(np.int64), np.array([k or None for k in kinds], dtype=object)


def explain(
    group: np.ndarray,
    ngroups: int,
    labels: pd.Index,
    found: Discovery,
    agent_claim: np.ndarray,
    agent_code: np.ndarray,
    names: np.ndarray,
    claim_label: np.ndarray,
) -> pd.DataFrame:
    """Per group: the estimate and, in words, why: the share of the weight the claims
    containing it carried (over half: a weighted majority; exactly half: an even split,
    the lower figure taken; under half: no figure had half), and the weightiest of
    those claims, by its source cell ``claim_label``, with its agent's record when it
    has one agent.

    Column-wise: the sentence is assembled with vectorised string operations.
    """
    g = group.astype(np.int64)
    k = np.bincount(g, minlength=ngroups)
    # why: the share of the weight carried by the claims containing the estimate, and
    # the weightiest of those claims (ties: the agent first by name, then the first
    # entry; three reductions, no sort, the same on any partition of the groups)
    meets = found.claim_error == 0
    total = np.bincount(g, weights=found.claim_weight, minlength=ngroups)
    support = np.bincount(g, weights=found.claim_weight * meets, minlength=ngroups)
    ew = np.where(meets[agent_claim], found.claim_weight[agent_claim], -1.0)
    eg = g[agent_claim]
    top_claim_w = np.full(ngroups, -np.inf)
    np.maximum.at(top_claim_w, eg, ew)
    cand = np.flatnonzero((ew == top_claim_w[eg]) & (ew >= 0))
    name_rank = np.empty(len(names), dtype=np.int64)
    name_rank[np.argsort(names.astype(str), kind="stable")] = np.arange(len(names))
    big = np.iinfo(np.int64).max
    top_rank = np.full(ngroups, big, dtype=np.int64)
    np.minimum.at(top_rank, eg[cand], name_rank[agent_code[cand]])
    cand = cand[name_rank[agent_code[cand]] == top_rank[eg[cand]]]
    first_entry = np.full(ngroups, big, dtype=np.int64)
    np.minimum.at(first_entry, eg[cand], cand)
    has_top = first_entry < big
    top = np.full(ngroups, -1, dtype=np.int64)
    top[has_top] = agent_code[first_entry[has_top]]
    top_claim = np.full(ngroups, -1, dtype=np.int64)
    top_claim[has_top] = agent_claim[first_entry[has_top]]
    single = np.bincount(agent_claim, minlength=len(g))[np.maximum(top_claim, 0)] == 1
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(total > 0, support / total, np.nan)
    tname = np.where(has_top, names[np.maximum(top, 0)], "")
    tlabel = pd.Series(np.where(has_top, claim_label[np.maximum(top_claim, 0)], ""), dtype=object)
    tweight = np.where(has_top, found.weight[np.maximum(top, 0)], np.nan)
    tcount = np.where(has_top, found.count[np.maximum(top, 0)], 0.0)
    tright = np.where(has_top, found.right[np.maximum(top, 0)], 0.0)
    kk = pd.Series(k).astype(str)
    head = "weighted median of " + kk + " claims"
    pct_v = np.round(np.nan_to_num(share) * 100)
    pct_v = np.where(share < 1, np.clip(pct_v, 1, 99), 100)  # never "100%" unless all
    pct = pd.Series(pct_v).astype(int).astype(str)
    quant = pd.Series(np.round(tcount).astype(np.int64)).astype(str)
    rights = pd.Series(np.round(tright).astype(np.int64)).astype(str)
    record = pd.Series(
        np.where(
            single & (tcount > 0),
            (
                " (a record of "
                + rights
                + " right of "
                + quant
                + " checked against other sources)"
            ).to_numpy(dtype=object),
            "",
        ),
        dtype=object,
    )
    most = ", the largest share from " + tlabel + record
    tie = np.abs(np.nan_to_num(share) - 0.5) <= 1e-9
    majority = (": the claims containing it carried " + pct + "% of the weight" + most).to_numpy(
        dtype=object
    )
    even = (
        ": the weight split evenly between it and a higher figure, and the lower is taken "
        "(the conservative convention); claims containing it: " + tlabel + record
    ).to_numpy(dtype=object)
    minority = (
        ": no figure had half the weight; the claims containing it carried " + pct + "%" + most
    ).to_numpy(dtype=object)
    why = np.where(tie, even, np.where(np.nan_to_num(share) > 0.5, majority, minority))
    text = np.where(
        np.isnan(found.estimate),
        "no claim states a usable figure",
        np.where(k == 1, "the only claim", (head.to_numpy(dtype=object) + why)),
    ).astype(object)
    return pd.DataFrame(
        {
            "best": found.estimate,
            "strategy_explanation": text,
            "top_source": pd.array(
                np.where(has_top, tname.astype(object), np.array(None)), dtype="string"
            ),
            "top_weight": tweight,
        },
        index=labels,
    )


# ---------------------------------------------------------------------------- track records
#: Columns of :func:`source_table` (the public contract of ``Claims.reliability``).
TRACK_COLUMNS = (
    "kind",
    "claims",
    "quantities",
    "revisions",
    "compared",
    "hits",
    "hit_rate",
    "hit_low",
    "hit_high",
    "bias",
    "bias_low",
    "bias_high",
    "bias_claims",
    "spread",
    "digits",
    "weight",
    "accuracy",
)


def wilson(hits: np.ndarray, n: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for a binomial proportion (NaN where ``n`` is 0).

    >>> import numpy as np
    >>> lo, hi = wilson(np.array([3.]), np.array([3.]), 0.95)
    >>> round(float(lo[0]), 3), float(hi[0])
    (0.439, 1.0)
    """
    from statistics import NormalDist

    z = NormalDist().inv_cdf(0.5 + level / 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = hits / n
        den = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / den
        half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / den
    return np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)


def median_rank_interval(n: np.ndarray, level: float) -> np.ndarray:
    """Per sample size, the rank ``l`` (1-based) such that the ``l``-th smallest and
    ``l``-th largest values bound the median with at least ``level`` confidence
    (distribution-free, from the binomial); 0 when no such ranks exist (few values).

    >>> median_rank_interval(np.array([5, 6, 20]), 0.95).tolist()
    [0, 1, 6]
    """
    from math import comb

    n = np.asarray(n, dtype=np.int64)
    out = np.zeros(len(n), dtype=np.int64)
    alpha = 1 - level
    for size in np.unique(n[n > 0]):  # distinct sample sizes, not sources
        k = int(size)
        cdf = np.cumsum([comb(k, i) for i in range(k + 1)]) / 2.0**k
        # the largest l with P(Bin(k, 1/2) <= l - 1) <= alpha / 2
        ok = np.flatnonzero(cdf <= alpha / 2)
        out[n == size] = int(ok[-1]) + 1 if len(ok) else 0
    return out


def source_table(
    frame: pd.DataFrame,
    keys: Sequence[str],
    *,
    quantity_keys: Sequence[str],
    sources: object | None = None,
    tolerance: float = 1e-3,
    prior: float = 0.5,
    level: float = 0.95,
) -> pd.DataFrame:
    """One row per source agent: its record against the other sources' consensus.

    ``keys`` define what counts as "the same quantity and time" (e.g. the quantity
    and the month of statement); ``quantity_keys`` what counts as one quantity.
    Column-wise; see :meth:`estimates.Claims.reliability` for the columns.
    """
    from .reconcile import group_codes

    level = _check("level", level, 0.5, 0.999999)
    book = sources if isinstance(sources, SourceBook) else None
    x = _learn(
        frame,
        list(keys),
        book,
        tolerance=tolerance,
        prior=prior,
        floor=DEFAULTS["floor"],
        vague=DEFAULTS["vague"],
        iterations=int(DEFAULTS["iterations"]),
        source_weights=None,
    )
    qcodes, _ = group_codes(frame, list(quantity_keys))
    codes, found, agents = x.codes, x.found, x.agents
    low, high, best, hc = x.low, x.high, x.best, x.hedge
    ngroups, nag = len(x.labels), len(agents.names)
    kind_code, kind_names = x.kind, x.kind_names
    ec, ea = agents.claim, agents.code
    o_lo, o_hi = leave_one_out_median(codes, ngroups, low, high, best, found.claim_weight, ec, ea)
    compared = np.isfinite(o_lo) & np.isfinite(o_hi)
    # a hit: the claim's interval meets the others' consensus (the set of values that
    # minimise their weighted distance), within the tolerance
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):  # not finite: unused
        gap = np.maximum(np.maximum(low[ec] - o_hi, o_lo - high[ec]), 0.0)
        hit = compared & (gap <= tolerance * np.maximum(np.abs(o_lo), np.abs(o_hi)))
        # bias only against a determinate consensus (one value), by the claim's own
        # point (its best, or the middle of a stated range; not of a floor or ceiling)
        point = claim_points(low, high, best, hc)
        lr = np.log(point[ec] / o_lo)
    usable = compared & (o_lo == o_hi) & np.isfinite(lr)
    digits = _significant_digits(low, best, high, hc)
    # per agent counts
    claims_n = np.bincount(ea, minlength=nag)
    gq = np.unique(qcodes[ec].astype(np.int64) * nag + ea)
    quantities = np.bincount(gq % nag, minlength=nag)
    gk = np.unique(codes[ec].astype(np.int64) * nag + ea)
    revisions = claims_n - np.bincount(gk % nag, minlength=nag)
    n_cmp = np.bincount(ea[compared], minlength=nag).astype("float64")
    n_hit = np.bincount(ea[hit], minlength=nag).astype("float64")
    h_lo, h_hi = wilson(n_hit, n_cmp, level)
    # bias: median log ratio, its rank interval, and its spread (median absolute deviation)
    ua, ul = ea[usable], lr[usable]
    order = np.lexsort((ul, ua))
    ua, ul = ua[order], ul[order]
    nb = np.bincount(ua, minlength=nag)
    st = _segment_starts(nb)
    has = nb > 0
    mid_a = st + (nb - 1) // 2
    mid_b = st + nb // 2
    med = np.full(nag, np.nan)
    med[has] = (ul[mid_a[has]] + ul[mid_b[has]]) / 2
    r = median_rank_interval(nb, level)
    ok = r > 0
    b_lo = np.where(has, -np.inf, np.nan)
    b_hi = np.where(has, np.inf, np.nan)
    b_lo[ok] = ul[st[ok] + r[ok] - 1]
    b_hi[ok] = ul[st[ok] + nb[ok] - r[ok]]
    dev = np.abs(ul - med[ua]) if len(ua) else ul
    mad = np.full(nag, np.nan)
    if len(dev):
        dorder = np.lexsort((dev, ua))
        dsorted = dev[dorder]
        mad[has] = (dsorted[mid_a[has]] + dsorted[mid_b[has]]) / 2
    # the fewest significant digits among the figures compared (its own and the others')
    dig = np.full(nag, np.inf)
    with np.errstate(invalid="ignore"):  # a figure without digits (NaN) leaves NaN
        np.minimum.at(dig, ea[usable], digits[ec][usable])
    dig[np.isinf(dig)] = np.nan
    out = pd.DataFrame(
        {
            "kind": pd.array(
                kind_names[kind_code] if len(kind_names) else np.full(nag, None),
                dtype="string",
            ),
            "claims": claims_n.astype(np.int64),
            "quantities": quantities.astype(np.int64),
            "revisions": revisions.astype(np.int64),
            "compared": n_cmp.astype(np.int64),
            "hits": n_hit.astype(np.int64),
            "hit_rate": np.where(n_cmp > 0, n_hit / np.maximum(n_cmp, 1), np.nan),
            "hit_low": h_lo,
            "hit_high": h_hi,
            "bias": np.exp(med),
            "bias_low": np.exp(b_lo),
            "bias_high": np.exp(b_hi),
            "bias_claims": nb.astype(np.int64),
            "spread": np.exp(mad),
            "digits": dig,
            "weight": found.weight,
            "accuracy": found.accuracy,
        },
        index=pd.Index(agents.names.astype(str), name="source"),
    )
    out = out[claims_n > 0]
    return out.sort_values(["claims", "weight"], ascending=False, kind="stable")


def _significant_digits(
    low: np.ndarray, best: np.ndarray, high: np.ndarray, hedge: np.ndarray
) -> np.ndarray:
    """Per claim, the significant digits of its least precise stated number (NaN when
    it states none): "10,000" has 1, "12,500" 3, "390,580" 5."""
    from .._present.sentences import precision_exponents

    exp = precision_exponents(low, best, high, hedge)
    stated = np.fmax(
        np.fmax(
            np.abs(np.where(np.isfinite(low), low, np.nan)),
            np.abs(np.where(np.isfinite(best), best, np.nan)),
        ),
        np.abs(np.where(np.isfinite(high), high, np.nan)),
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        mag = np.floor(np.log10(np.where(stated > 0, stated, np.nan)))
    return np.maximum(mag - exp + 1, 1)


def track_record(
    claims: pd.DataFrame,
    by: str | Sequence[str] = "quantity",
    *,
    freq: str | None = None,
    sources: object | None = None,
    exclude_kinds: Sequence[str] | str = (),
    tolerance: float = 1e-3,
    prior: float = 0.5,
    level: float = 0.95,
    stacklevel: int = 4,
) -> pd.DataFrame:
    """What :meth:`estimates.Claims.reliability` runs (see it for the arguments)."""
    from .._model.errors import MissingDateWarning
    from .reconcile import _by_list, select
    from .time import period_codes

    if not isinstance(claims, pd.DataFrame):
        raise ArgumentTypeError("claims", claims, "a claims frame")
    book = sources if isinstance(sources, SourceBook) else None
    keys = _by_list(by)
    frame = select(
        claims, keys, sources=book, exclude_kinds=exclude_kinds, stacklevel=stacklevel + 1
    )
    group_keys = list(keys)
    if freq is not None:
        dated = frame["stated_end"].notna().to_numpy()
        if (~dated).any():
            warn(
                f"{int((~dated).sum())} claims have no statement date and were left out of "
                f"the track records by freq={freq!r}",
                MissingDateWarning,
                stacklevel=stacklevel,
            )
        frame = frame[dated]
        frame = frame.assign(_period=period_codes(frame["stated_end"], freq).to_numpy())
        group_keys.append("_period")
    table = source_table(
        frame,
        group_keys,
        quantity_keys=keys,
        sources=book,
        tolerance=tolerance,
        prior=prior,
        level=level,
    )
    table.attrs["freq"] = freq
    table.attrs["by"] = keys
    if len(keys) == 1:
        # the one quantity each source spoke on, for sentences ("its figures for ...")
        q = frame[keys[0]].astype("string").to_numpy(dtype=object)
        agents = agents_of(frame, book, use_originals=True)
        names = agents.names.astype(str)[agents.code]
        pairs = pd.DataFrame({"source": names, "q": q[agents.claim]}).drop_duplicates()
        nq = pairs["source"].value_counts()
        first = pairs.drop_duplicates("source").set_index("source")["q"]
        single = nq.reindex(table.index).to_numpy() == 1
        only = first.reindex(table.index).to_numpy(dtype=object).copy()
        only[~single] = None
        table["only_quantity"] = pd.array(only, dtype="string")
    else:
        table["only_quantity"] = pd.array([None] * len(table), dtype="string")
    return table


#: Fewest figures compared before a sentence may say a source runs high or low.
MIN_COMPARED = 6


def track_record_facts(table: pd.DataFrame, *, min_compared: int = MIN_COMPARED) -> pd.DataFrame:
    """What may be said of each source's bias, as data (one row per source).

    ``verdict`` is ``"higher"`` or ``"lower"`` only when the distribution-free
    interval of its median ratio excludes 1 and at least ``min_compared`` figures were
    compared; ``"unclear"`` when enough were compared but the interval includes 1;
    ``"too few"`` otherwise (never a claim of bias from two or three figures);
    ``"none"`` when no other source spoke on the same quantity and period.
    ``digits`` is how many significant digits the ratio is given with: two (a ratio
    of two figures each stated to one digit is still only known to about two).

    Parameters
    ----------
    table : DataFrame
        The result of :meth:`estimates.Claims.reliability`.
    min_compared : int
        Fewest figures compared before a bias is stated.

    Returns
    -------
    pandas.DataFrame
        Indexed by source: ``verdict``, ``ratio``, ``ratio_low``, ``ratio_high``,
        ``compared``, ``digits``, ``quantity`` (when it spoke on one) and ``freq``.
    """
    n = table["bias_claims"].to_numpy(dtype=np.int64)
    met = table["compared"].to_numpy(dtype=np.int64)
    lo = table["bias_low"].to_numpy(dtype="float64")
    hi = table["bias_high"].to_numpy(dtype="float64")
    bounded = np.isfinite(hi) & (lo > 0)
    enough = (n >= min_compared) & bounded
    verdict = np.where(
        met == 0,
        "none",
        np.where(
            ~enough,
            "too few",
            np.where(lo > 1, "higher", np.where(hi < 1, "lower", "unclear")),
        ),
    )
    quantity = (
        table["only_quantity"].to_numpy(dtype=object)
        if "only_quantity" in table.columns
        else np.full(len(table), None, dtype=object)
    )
    return pd.DataFrame(
        {
            "verdict": verdict,
            "ratio": table["bias"].to_numpy(dtype="float64"),
            "ratio_low": lo,
            "ratio_high": hi,
            "compared": n,
            "digits": np.full(len(table), 2, dtype=np.int64),
            "quantity": quantity,
            "freq": table.attrs.get("freq"),
        },
        index=table.index,
    )
