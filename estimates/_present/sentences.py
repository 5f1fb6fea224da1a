"""Neutral, attributed sentences per group of claims, in house style.

:func:`describe` is what :meth:`Claims.describe` runs: one short paragraph per group,
indexed like :meth:`Claims.reconcile`.  :func:`describe_claim` is what
:meth:`Claim.describe` runs.  Every word about numbers, dates, hedges, units and lists
comes from a :class:`~estimates._present.style.HouseStyle`; the rules here are about
*what* to say:

1. **What was stated.**  The stated range (``stated_low`` to ``stated_high`` of
   ``reconcile``) with the claims that state each end, each quoted with its hedge
   ("to as many as 12,000") and attributed in parentheses: the source(s), then when it
   was said ("12 November 2024", "week of 4 November 2024", "October 2024").  A lone
   claim is "a single estimate"; one source giving several figures is "one source";
   claims that state no number ("thousands") are quoted.
2. **Whether they agree.**  Compatible claims: the figure they are all consistent with
   (the consensus).  Conflicting claims: who stands apart (a source whose claims
   conflict with every other source's), else the one conflicting pair or the
   furthest-apart pair, and by how much: "stops just short of" (they touch at an
   excluded end), "exceeds ... by 100,000" (the gap), or "is five times" (the ratio
   of the pair's central values, when it is at least two and both figures give one).
   A figure whose interval comes from the conventions ("thousands", "about 50,000",
   "nearly 10,000") is followed by its reading ("read as 2,000 to fewer than
   10,000"), so the reader sees why it conflicts.
3. **A central figure**, when two or more claims give a central value (or the
   strategy picks one regardless): "The median estimate is 446,000."

Derived numbers (central values, gaps, consensus bounds, readings) are never printed
more precisely than the stated inputs: they are rounded to the largest power of ten
that divides every number the group's claims state (10,000, 30,000 and 33,000 give
1,000: a mean of 24,333.33 reads "about 24,000"), and "about" says when rounding
changed the value.  Stated numbers are printed as stated; a figure converted to its
group's unit is cited in its own unit ("about 20 miles" in a group counted in km), and
the precision of its numbers is converted with it.

Units: a count noun ("soldiers") is printed with a lone claim's figure; in sentences
about several claims the label names what is counted and figures are bare ("from
10,000 to 12,000"); measures ("km", "$", "%") are always printed.

Labels: the group key ("North Korean troops in Kursk"); keys of several columns are
joined with spaces ("russia casualties").  French sentences quote the key as given
(« North Korean troops in Kursk »).

Examples
--------
>>> import pandas as pd, estimates
>>> claims = estimates.read_claims(pd.DataFrame({
...     "quantity": ["troops", "troops"], "figure": ["10,000", "up to 12,000"],
...     "source": ["United States", "US intelligence; Ukrainian intelligence"],
...     "stated": ["2024-W45", "2024-11-12"]}))
>>> print(claims.describe()["troops"])  # doctest: +NORMALIZE_WHITESPACE
Estimates of troops range from 10,000 (United States, week of 4 November 2024) to as many as
12,000 (US and Ukrainian intelligence, 12 November 2024). Both estimates are consistent
with a figure of 10,000.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._compute.comparability import harmonise_units
from .._compute.disagreements import disagreements
from .._compute.kernel import claim_points
from .._compute.reconcile import _by_list, group_codes, hedge_codes, reconcile, select
from .._compute.sources import canonical_cells
from .._model.figure import Figure
from .._model.hedges import Hedge
from .._model.units import is_count
from .._parsing.lexicon import LANGS as PARSE_LANGS
from .._parsing.render import render
from .style import HouseStyle, get_style, round_to

if TYPE_CHECKING:  # pragma: no cover
    from .._model.claim import Claim
    from .._table.claims import Claims

__all__ = [
    "OPTIONS",
    "describe",
    "describe_claim",
    "figure_phrase",
    "figure_words",
    "join_agents_words",
    "magnitude_words",
    "precision_exponents",
]

#: Options of :func:`describe`, by the step that uses them.
OPTIONS: dict[str, tuple[str, ...]] = {
    "select": ("as_of", "window", "latest_per_source", "sources", "exclude_kinds", "dedupe"),
    "reconcile": ("strategy", "weights", "unit", "cumulative", "quantiles", "tail"),
    "disagreements": ("max_pairs",),
}
_ALL_OPTIONS = tuple(o for group in OPTIONS.values() for o in group)

_STATES_LOW = np.array([Hedge(c).states_low for c in Hedge], dtype=bool)
_STATES_HIGH = np.array([Hedge(c).states_high for c in Hedge], dtype=bool)
_STATES_BEST = np.array([Hedge(c).states_best for c in Hedge], dtype=bool)
_HEDGES = tuple(h.value for h in Hedge)
# Hedges whose interval is a reading of words under the conventions, not a stated bound.
_READ = frozenset({"magnitude", "approx", "nearly"})
# Hedges with no central value of their own (a ratio of centres would mislead).
_NO_CENTRE = frozenset({"magnitude", "more_than", "at_least", "less_than", "at_most", "up_to"})


def describe(
    claims: Claims,
    lang: str = "en",
    by: str | Sequence[str] = "quantity",
    *,
    style: str | HouseStyle | None = None,
    **options: Any,
) -> pd.Series:
    """Neutral, attributed sentences per group, indexed like ``reconcile``.

    Parameters
    ----------
    claims : Claims
    lang : str
        ``"en"`` or ``"fr"``.
    by : str or list of str
        Grouping column(s), as for ``reconcile``.
    style : str or HouseStyle, optional
        ``"ap"`` or ``"fr-press"`` (default: the language's default style).
    **options
        Passed on: ``as_of``, ``window``, ``latest_per_source``, ``sources``,
        ``exclude_kinds``, ``dedupe`` (which claims count), ``strategy``, ``weights``,
        ``unit``, ``cumulative``, ``quantiles``, ``tail`` (``reconcile``) and
        ``max_pairs`` (``disagreements``).

    Returns
    -------
    pandas.Series
        One paragraph per group, named ``description``.

    Raises
    ------
    ValueError
        For an unknown language or style.
    TypeError
        For an unknown option.

    Examples
    --------
    >>> import pandas as pd, estimates
    >>> claims = estimates.read_claims(pd.DataFrame({
    ...     "quantity": ["containers"], "figure": ["plus de 13 000 conteneurs"],
    ...     "lang": ["fr"], "source": ["South Korean intelligence agency"],
    ...     "stated": ["2024-10"]}))
    >>> print(claims.describe().iloc[0])  # doctest: +NORMALIZE_WHITESPACE
    A single estimate of containers: more than 13,000 containers (South Korean
    intelligence agency, October 2024).

    French sentences use French typography: no-break spaces (U+00A0) before ":" and
    inside « », narrow ones (U+202F) in numbers.

    >>> claims.describe("fr").iloc[0].startswith("Une seule estimation pour «\xa0containers")
    True
    """
    st = get_style(style, lang)
    by_ = _by_list(by)
    unknown = sorted(set(options) - set(_ALL_OPTIONS))
    if unknown:
        raise TypeError(
            f"describe() got unexpected option(s) {', '.join(map(repr, unknown))}; "
            f"accepted: {', '.join(_ALL_OPTIONS)}"
        )
    pick = {step: {k: options[k] for k in keys if k in options} for step, keys in OPTIONS.items()}
    book = options.get("sources")
    frame = select(claims, by_, stacklevel=4, **pick["select"]).reset_index(drop=True)
    from .._table.claims import Claims

    chosen = Claims._from_frame(frame)
    result = reconcile(chosen, by_, sources=book, dedupe=False, **pick["reconcile"])
    pairs = disagreements(
        chosen, by_, sources=book, dedupe=False, only_conflicts=True, **pick["disagreements"]
    )
    writer = _Writer(frame, by_, result, pairs, st, book, pick["reconcile"].get("unit"))
    texts = [writer.paragraph(g) for g in range(len(result))]
    return pd.Series(texts, index=result.index, name="description", dtype=object)


def describe_claim(claim: Claim, lang: str = "en", style: str | HouseStyle | None = None) -> str:
    """One attributed sentence for a single claim.

    Examples
    --------
    >>> from estimates import Claim, parse
    >>> c = Claim(parse("about 50,000 soldiers"), quantity="Russian troops held in Kursk",
    ...           source="Volodymyr Zelensky", stated="2024-11-11")
    >>> print(describe_claim(c))  # doctest: +NORMALIZE_WHITESPACE
    A single estimate of Russian troops held in Kursk: about 50,000 soldiers (Volodymyr
    Zelensky, 11 November 2024).
    """
    from .._table.claims import Claims

    return str(describe(Claims.from_claims([claim]), lang=lang, style=style).iloc[0])


def precision_exponents(
    low: np.ndarray, best: np.ndarray, high: np.ndarray, hedge: np.ndarray
) -> np.ndarray:
    """Per claim, the largest power of ten (its exponent) dividing every number the
    claim states; NaN when it states none.  Column-wise.

    >>> h = np.array([0, 7, 8])  # exact, up_to, range
    >>> precision_exponents(np.array([0., 0., 369000.]), np.array([10000., np.nan, np.nan]),
    ...                     np.array([0., 12000., 523000.]), h).tolist()
    [4.0, 3.0, 3.0]
    """
    stated = np.stack(
        [
            np.where(_STATES_LOW[hedge] & np.isfinite(low), low, np.nan),
            np.where(_STATES_BEST[hedge], best, np.nan),
            np.where(_STATES_HIGH[hedge] & np.isfinite(high), high, np.nan),
        ]
    )
    exp = np.full(stated.shape, np.nan)
    usable = np.isfinite(stated) & (stated != 0)
    with np.errstate(invalid="ignore", over="ignore"):
        for k in range(18, -10, -1):
            q = stated / 10.0**k
            r = np.round(q)
            hit = usable & np.isnan(exp) & (r != 0) & (np.abs(q - r) <= 1e-9 * np.abs(q))
            exp[hit] = k
    with np.errstate(all="ignore"):
        return np.fmin(np.fmin(exp[0], exp[1]), exp[2])


class _Writer:
    """Holds one table's columns, computed once, and writes each group's paragraph."""

    def __init__(
        self,
        frame: pd.DataFrame,
        by: list[str],
        result: pd.DataFrame,
        pairs: pd.DataFrame,
        st: HouseStyle,
        book: Any,
        unit: str | None,
    ) -> None:
        self.st = st
        self.frame = frame
        codes, labels = group_codes(frame, by)
        self.codes = codes
        ngroups = len(labels)
        factor, self.group_unit = harmonise_units(frame["unit"], codes, ngroups, labels, unit)
        f = np.ones(len(frame)) if factor is None else factor
        # A figure converted to its group's unit is derived: it is cited as stated
        # ("about 20 miles"), from these, and its precision converted with it.
        self.converted = f != 1
        self.orig = {c: frame[c].to_numpy(dtype="float64") for c in ("low", "high", "best")}
        self.orig_unit = frame["unit"].astype(object).where(frame["unit"].notna(), "").to_numpy()
        self.low = self.orig["low"] * f
        self.high = self.orig["high"] * f
        self.best = self.orig["best"] * f
        self.lc = frame["low_closed"].to_numpy(dtype=bool)
        self.hc = frame["high_closed"].to_numpy(dtype=bool)
        self.hcode = hedge_codes(frame["hedge"])
        self.hedge = np.array(_HEDGES, dtype=object)[self.hcode]
        self.cells = canonical_cells(frame, book) if len(frame) else np.array([], dtype=object)
        self.start = frame["stated_start"].to_numpy(dtype="datetime64[D]")
        self.end = frame["stated_end"].to_numpy(dtype="datetime64[D]")
        # Numbers the claims state, for citing the stated range.
        self.s_low = np.where(_STATES_LOW[self.hcode] & np.isfinite(self.low), self.low, np.nan)
        self.s_best = np.where(_STATES_BEST[self.hcode], self.best, np.nan)
        self.s_high = np.where(
            _STATES_HIGH[self.hcode] & np.isfinite(self.high), self.high, np.nan
        )
        # Per group: precision of the stated numbers, and how many give a central value.
        exp = precision_exponents(
            self.orig["low"], self.orig["best"], self.orig["high"], self.hcode
        )
        with np.errstate(divide="ignore"):
            exp = exp + np.floor(np.log10(f))
        self.exponent = (
            pd.Series(exp).groupby(codes).min().reindex(range(ngroups)).to_numpy(dtype="float64")
        )
        central = ~np.isnan(claim_points(self.low, self.high, self.best, self.hcode))
        self.centrals = np.bincount(codes, weights=central, minlength=ngroups).astype(int)
        # Members of each group, earliest statement first (undated last).
        end_key = np.where(np.isnat(self.end), np.datetime64("9999-12-31"), self.end)
        order = np.lexsort((np.arange(len(frame)), end_key, codes))
        bounds = np.searchsorted(codes[order], np.arange(ngroups + 1))
        self.members = [order[bounds[g] : bounds[g + 1]] for g in range(ngroups)]
        # Conflicting pairs, by group.
        self.pairs: list[list[tuple[int, int, float]]] = [[] for _ in range(ngroups)]
        if len(pairs):
            a = pairs["claim_a"].to_numpy(dtype=np.int64)
            b = pairs["claim_b"].to_numpy(dtype=np.int64)
            ratio = pairs["ratio"].to_numpy(dtype="float64")
            for i, j, r in zip(a, b, ratio, strict=True):
                self.pairs[codes[i]].append((int(i), int(j), float(r)))
        self.cols = {c: result[c].to_numpy() for c in result.columns}
        self.verdicts = result["verdict"].astype(str).to_numpy()
        self.labels = [_label(k) for k in result.index]
        self._who: dict[str, str] = {}
        self._when: dict[tuple[Any, Any], str | None] = {}

    # ------------------------------------------------------------------ paragraph
    def paragraph(self, g: int) -> str:
        rows = self.members[g]
        self.unit = str(self.group_unit[g] or "")
        self.k = self.exponent[g]
        label = self.st.quote(self.labels[g]) if self.st.quote_labels else self.labels[g]
        if len(rows) == 1:
            i = int(rows[0])
            figure = self._cite([i], self.figure(i, with_unit=True))
            return self.st.phrase("single", label=label, figure=figure, colon=self.st.colon)
        parts = [self._stated(g, rows, label)]
        verdict = self.verdicts[g]
        if verdict == "agree":
            parts.append(self._agree(g, rows))
        elif verdict == "conflict" and self.pairs[g]:
            parts.append(self._conflict(g, rows))
        central = self._central(g, rows)
        if central:
            parts.append(central)
        return " ".join(parts)

    # ------------------------------------------------------------------ what was stated
    def _stated(self, g: int, rows: np.ndarray, label: str) -> str:
        st = self.st
        lo, hi = float(self.cols["stated_low"][g]), float(self.cols["stated_high"][g])
        n = len(rows)
        if not (math.isfinite(lo) and math.isfinite(hi)):
            items = [self._cite([int(i)], self.figure(int(i))) for i in rows]
            return st.phrase("no_figure", label=label, figures=st.list(items), colon=st.colon)
        at_lo = [int(i) for i in rows if self._states(int(i), lo)]
        at_hi = [int(i) for i in rows if self._states(int(i), hi)]
        one_source = len({self.cells[i] for i in rows}) == 1
        if lo == hi:
            figure = self._at_bound(at_lo, lo, after_preposition=False)
            if len(at_lo) == n:
                key = "both_same" if n == 2 else "all_same"
                return st.phrase(key, label=label, figure=figure, n=st.count_word(n))
            return st.phrase(
                "only_figure",
                label=label,
                figure=self._is(
                    self._at_bound(at_lo, lo, after_preposition=bool(st.phrases["is"]))
                ),
            )
        names = not one_source
        if at_lo == at_hi:  # one claim states both ends: attribute it once
            low = st.prep(
                st.phrases["from"], self.derived(lo, bound=True, unit=self._shown_unit(False))
            )
        else:
            low = st.prep(st.phrases["from"], self._at_bound(at_lo, lo, names=names))
        high = st.prep(st.phrases["to"], self._at_bound(at_hi, hi, names=names))
        if one_source:
            return st.phrase(
                "one_source",
                who=self.who(at_lo[0]),
                n=st.count_word(n),
                label=label,
                low=low,
                high=high,
            )
        return st.phrase("range", label=label, low=low, high=high)

    def _is(self, phrase: str) -> str:
        """A figure after "is" ("est de 10 000" in French)."""
        word = self.st.phrases["is"]
        return self.st.prep(word, phrase) if word else phrase

    def _states(self, i: int, value: float) -> bool:
        return any(
            math.isclose(v, value, rel_tol=1e-9, abs_tol=1e-12)
            for v in (self.s_low[i], self.s_best[i], self.s_high[i])
            if not math.isnan(v)
        )

    def _at_bound(
        self, rows: list[int], value: float, *, after_preposition: bool = True, names: bool = True
    ) -> str:
        """The figure(s) stating one end of the range, with their attributions."""
        by_phrase: dict[str, list[int]] = {}
        for i in rows:
            if self.hedge[i] == "range" and self.converted[i]:  # the bound, as stated
                own = self.orig["low"][i] if value == self.low[i] else self.orig["high"][i]
                text = self.st.amount(own, str(self.orig_unit[i]))
            elif self.hedge[i] == "range":
                text = self.st.amount(value, self._shown_unit(False))
            else:
                text = self.figure(i, after_preposition=after_preposition)
            by_phrase.setdefault(text, []).append(i)
        items = [self._cite(members, text, names=names) for text, members in by_phrase.items()]
        return items[0] if len(items) == 1 else self.st.list(items, style="or")

    # ------------------------------------------------------------------ agreement
    def _agree(self, g: int, rows: np.ndarray) -> str:
        st, c = self.st, self.cols
        phrase = self.interval(
            float(c["consensus_low"][g]),
            float(c["consensus_high"][g]),
            bool(c["consensus_low_closed"][g]),
            bool(c["consensus_high_closed"][g]),
            after_preposition=True,
        )
        consensus = st.prep(st.phrases["of"], phrase)
        n = len(rows)
        key = "agree_two" if n == 2 else "agree_all"
        return st.phrase(key, consensus=consensus, n=st.count_word(n))

    # ------------------------------------------------------------------ conflicts
    def _conflict(self, g: int, rows: np.ndarray) -> str:
        st = self.st
        pairs = self.pairs[g]
        ratio = {(a, b): r for a, b, r in pairs} | {(b, a): r for a, b, r in pairs}
        n = len(rows)
        cell_count: dict[str, int] = {}
        for i in rows:
            cell_count[self.cells[i]] = cell_count.get(self.cells[i], 0) + 1
        # A source stands apart when every pair of its claims with another source's
        # conflicts: count those pairs per source (linear in the pairs).
        across: dict[str, int] = {}
        for a, b, _ in pairs:
            if self.cells[a] != self.cells[b]:
                across[self.cells[a]] = across.get(self.cells[a], 0) + 1
                across[self.cells[b]] = across.get(self.cells[b], 0) + 1
        apart = []
        if n >= 3 and len(cell_count) >= 3:
            apart = [c for c, k in cell_count.items() if across.get(c, 0) == k * (n - k)]
        kw = {"colon": st.colon, "semicolon": st.semicolon}
        if len(apart) == 1:
            mine = [int(i) for i in rows if self.cells[i] == apart[0]]
            others = [int(j) for j in rows if self.cells[j] != apart[0]]
            a, b = min(
                ((i, j) for i in mine for j in others),
                key=lambda p: (self._gap(*p), ratio.get(p, math.inf)),
            )
            return st.phrase(
                "conflict_apart", clause=self._clause(a, b, ratio[a, b], cell_count), **kw
            )
        a, b, r = max(pairs, key=lambda p: (self._gap(p[0], p[1]), _nan_low(p[2])))
        clause = self._clause(a, b, r, cell_count)
        if n == 2:
            return st.phrase("conflict_two", clause=clause, **kw)
        if len(pairs) == 1:
            return st.phrase("conflict_one_pair", clause=clause, **kw)
        return st.phrase("conflict_pairs", n=st.count_word(len(pairs)), clause=clause, **kw)

    def _gap(self, a: int, b: int) -> float:
        return max(self.low[b] - self.high[a], self.low[a] - self.high[b], 0.0)

    def _clause(self, a: int, b: int, ratio: float, cell_count: dict[str, int]) -> str:
        st = self.st
        lower, upper = (a, b) if self.high[a] <= self.low[b] else (b, a)
        gap = self._gap(a, b)
        prep = st.phrases["np_prep"]

        def side(i: int, role: str) -> str:
            magnitude = self.hedge[i] == "magnitude"
            fig = self.figure(i, after_preposition=bool(prep) and not magnitude)
            if prep and not magnitude:
                fig = st.prep(prep, fig)
            dated = cell_count.get(self.cells[i], 0) > 1
            text = st.phrase(role, figure=self._cite([i], fig, dates=dated))
            if self.hedge[i] in _READ:
                reading = self.interval(self.low[i], self.high[i], self.lc[i], self.hc[i])
                text = st.phrase("reading", figure=text, reading=reading)
            return text

        if gap == 0:
            clause = st.phrase("short_of", low=side(lower, "first"), high=side(upper, "second"))
        elif ratio >= 2 and not ({self.hedge[lower], self.hedge[upper]} & _NO_CENTRE):
            clause = st.phrase(
                "ratio",
                low=side(lower, "second"),
                high=side(upper, "first"),
                times=st.times(ratio),
            )
        else:
            clause = st.phrase(
                "exceeds",
                low=side(lower, "second"),
                high=side(upper, "first"),
                gap=self._gap_text(gap),
            )
        return clause.removesuffix(",")

    # ------------------------------------------------------------------ central value
    def _central(self, g: int, rows: np.ndarray) -> str | None:
        value = float(self.cols["best"][g])
        if not math.isfinite(value):
            return None
        c = self.cols
        if float(c["consensus_low"][g]) == float(c["consensus_high"][g]) == value:
            return None  # "consistent with a figure of 10,000" already says it
        strategy = str(c["best_strategy"][g])
        m, n = int(self.centrals[g]), len(rows)
        if strategy in ("median", "weighted") and m < 2:
            return None
        key = f"central_{strategy}"
        if strategy in ("median", "weighted") and m < n:
            key += "_some"
        if strategy == "midpoint" and not math.isfinite(float(c["consensus_low"][g])):
            key = "central_midpoint_agreement"
        x = self.derived(value, unit=self._shown_unit(False))
        return self.st.phrase(key, x=self._is(x), m=self.st.count_word(m))

    # ------------------------------------------------------------------ pieces
    def _shown_unit(self, with_unit: bool) -> str:
        """The group's unit as printed: count nouns only when asked (the label names
        what is counted), measures always."""
        if not self.unit or (is_count(self.unit) and not with_unit):
            return ""
        return self.unit

    def figure(self, i: int, *, with_unit: bool = False, after_preposition: bool = False) -> str:
        """A claim's figure as stated, with its hedge ("up to 12,000", "“thousands”")."""
        unit = self._shown_unit(with_unit)
        h = self.hedge[i]
        if h == "magnitude":
            row = self.frame.iloc[i]
            fig = Figure(
                float(row["low"]),
                float(row["high"]),
                bool(row["low_closed"]),
                bool(row["high_closed"]),
                best=_float_or_none(row["best"]),
                hedge="magnitude",
                unit=_text(row["unit"]) if unit else "",
                text=_text(row["text"]) or None,
                profile=_text(row["profile"]) or "default",
            )
            return self.st.quote(magnitude_words(fig, self.st))
        if self.converted[i]:  # as stated, in its own unit
            o = self.orig
            text = figure_words(
                self.st,
                h,
                o["low"][i],
                o["high"][i],
                o["best"][i],
                str(self.orig_unit[i]),
                after_preposition=after_preposition,
            )
            if text is not None:
                return text
        text = figure_words(
            self.st,
            h,
            self.low[i],
            self.high[i],
            self.best[i],
            unit,
            after_preposition=after_preposition,
        )
        if text is None:
            return self.interval(
                self.low[i],
                self.high[i],
                self.lc[i],
                self.hc[i],
                after_preposition=after_preposition,
            )
        return text

    def interval(
        self, lo: float, hi: float, lc: bool, hc: bool, *, after_preposition: bool = False
    ) -> str:
        """An interval in words ("2,000 to fewer than 10,000", "at least 700,000"),
        derived bounds rounded to the group's precision."""
        st = self.st
        unit = self._shown_unit(False)
        count = not unit or is_count(unit)
        if lo == hi:
            return self.derived(lo, bound=True, unit=unit)
        if math.isinf(hi):  # open above: the lower bound, hedged
            hedge, bound = ("at_least" if lc else "more_than"), lo
        elif (lo <= 0 and count) or math.isinf(lo):  # open below: the upper bound, hedged
            hedge, bound = ("up_to" if hc else "less_than"), hi
        else:
            a = self.derived(lo, bound=True, unit="" if count else unit)
            if not lc:
                a = st.hedged("more_than", a, count=count)
            b = self.derived(hi, bound=True, unit=unit)
            if not hc:
                b = st.hedged("less_than", b, count=count)
            return st.span(a, b, after_preposition=after_preposition)
        return st.hedged(
            hedge,
            self.derived(bound, bound=True, unit=unit),
            count=count,
            after_preposition=after_preposition,
        )

    def derived(self, x: float, *, bound: bool = False, unit: str = "") -> str:
        """A derived number rounded to the group's precision ("about 24,000").

        Central values and gaps are rounded to the largest power of ten dividing every
        stated number of the group, and say "about" when that changed them; interval
        bounds read from the conventions ("about 50,000" is 45,000 to 55,000) keep one
        more digit and no "about".  Without stated numbers, two significant digits.
        """
        if x == 0 or not math.isfinite(x):
            return self.st.amount(x, unit) if math.isfinite(x) else str(x)
        top = math.floor(math.log10(abs(x)))
        exp = self.k - bound if not math.isnan(self.k) else top - 1
        rounded = float(round_to(x, 10.0 ** min(exp, top)))
        text = self.st.amount(rounded, unit)
        if not bound and not math.isclose(rounded, x, rel_tol=1e-12):
            text = self.st.hedged("approx", text)
        return text

    def _gap_text(self, gap: float) -> str:
        unit = self._shown_unit(False)
        if unit == "percent":  # a difference of percentages is in points
            return self.st.phrase("points", n=self.derived(gap))
        return self.derived(gap, unit=unit)

    def _cite(self, rows: list[int], text: str, *, names: bool = True, dates: bool = True) -> str:
        """``text (who, when; who, when)``: attributions of one or more claims."""
        st = self.st
        whos: dict[str, list[tuple[Any, Any]]] = {}
        for i in rows:
            key = self.who(i) if names else ""
            whos.setdefault(key, [])
            if dates and not np.isnat(self.end[i]):
                span = (self.start[i], self.end[i])
                if span not in whos[key]:
                    whos[key].append(span)
        items = []
        for who, spans in whos.items():
            when = [self.when(*s) for s in sorted(spans)]
            parts = [p for p in (who, st.list(when) if when else "") if p]
            if parts:
                items.append(", ".join(parts))
        if len(items) > 3:
            rest = len(items) - 3
            more = st.phrase("other") if rest == 1 else st.phrase("others", n=st.count_word(rest))
            items = [*items[:3], more]
        if not items:
            return text
        return f"{text} ({(st.semicolon + ' ').join(items)})"

    def who(self, i: int) -> str:
        """The claim's source(s): "US, South Korean and Ukrainian intelligence"."""
        cell = str(self.cells[i])
        got = self._who.get(cell)
        if got is None:
            agents = [] if cell == "(no source)" else cell.split("; ")
            got = join_agents_words(agents, self.st) if agents else self.st.phrases["unattributed"]
            self._who[cell] = got
        return got

    def when(self, start: Any, end: Any) -> str | None:
        """When a claim was stated, in words."""
        key = (start, end)
        if key not in self._when:
            self._when[key] = self.st.date(_day(start), _day(end))
        return self._when[key]


def figure_words(
    st: HouseStyle,
    hedge: str,
    low: float,
    high: float,
    best: float,
    unit: str = "",
    *,
    after_preposition: bool = False,
) -> str | None:
    """The stated number(s) of a figure with its hedge, in house style; None for a
    vague magnitude or a figure whose hedge needs a best value it lacks.

    >>> from estimates._present.style import get_style
    >>> figure_words(get_style("ap"), "up_to", 0, 12000, float("nan"), "soldier")
    'up to 12,000 soldiers'
    >>> figure_words(get_style("fr-press"), "range", 2e6, 3e6, float("nan"), "dollar")
    'de 2 millions à 3 millions de dollars'
    """
    count = not unit or is_count(unit)
    if hedge == "range":
        words = st.unit_words(unit) if unit else None
        if words is not None and words.placement != "after":
            a = st.amount(low, unit)
        else:
            a = st.number(low, spell=count)
        return st.span(a, st.amount(high, unit), after_preposition=after_preposition)
    if hedge in ("exact", "approx"):
        if best is None or math.isnan(best):
            return None
        n = st.amount(best, unit)
        if hedge == "exact":
            return n
        return st.hedged(hedge, n, count=count, after_preposition=after_preposition)
    if hedge == "magnitude":
        return None
    value = low if hedge in ("more_than", "at_least") else high
    return st.hedged(
        hedge, st.amount(value, unit), count=count, after_preposition=after_preposition
    )


def magnitude_words(figure: Figure, st: HouseStyle) -> str:
    """A vague magnitude in the style's language ("thousands", "des milliers"), else
    the words as written."""
    if st.lang not in PARSE_LANGS:  # render writes only the languages parse reads
        return figure.text or render(figure, "en")
    text = render(figure, st.lang)
    if text[:1] not in "[(":
        return text
    return figure.text or text


def figure_phrase(
    figure: Figure, style: str | HouseStyle | None = None, lang: str | None = None
) -> str:
    """A figure in words, in house style, with its unit: "up to 12,000 soldiers",
    "“thousands of soldiers”", "environ 50 000 soldats".

    >>> from estimates import parse
    >>> figure_phrase(parse("jusqu’à 12 000 soldats", "fr"))
    'up to 12,000 soldiers'
    >>> figure_phrase(parse("des milliers de soldats", "fr"), lang="fr")
    '«\xa0des milliers de soldats\xa0»'
    """
    st = get_style(style, lang)
    if figure.hedge is Hedge.MAGNITUDE:
        return st.quote(magnitude_words(figure, st))
    best = math.nan if figure.best is None else figure.best
    text = figure_words(st, figure.hedge.value, figure.low, figure.high, best, figure.unit)
    return text if text is not None else str(figure)


def join_agents_words(agents: Sequence[str], st: HouseStyle) -> str:
    """Agents of a joint claim as one phrase: a shared last word is said once
    ("US, South Korean and Ukrainian intelligence"); otherwise a plain list.

    >>> from estimates._present.style import get_style
    >>> join_agents_words(["US intelligence", "Ukrainian intelligence"], get_style("ap"))
    'US and Ukrainian intelligence'
    >>> join_agents_words(["South Korea", "United States", "Ukraine"], get_style("fr-press"))
    'South Korea, United States et Ukraine'
    """
    if len(agents) == 1:
        return agents[0]
    words = [a.split() for a in agents]
    last = words[0][-1]
    if all(len(w) >= 2 and w[-1] == last for w in words):
        return f"{st.list([' '.join(w[:-1]) for w in words])} {last}"
    return st.list(list(agents))


def _label(key: Any) -> str:
    parts = key if isinstance(key, tuple) else (key,)
    return " ".join(str(p) for p in parts if not (p is None or p is pd.NA or p != p))


def _text(value: Any) -> str:
    return "" if value is None or value is pd.NA or value != value else str(value)


def _float_or_none(value: Any) -> float | None:
    return None if value is None or value is pd.NA or value != value else float(value)


def _day(value: Any) -> date:
    return pd.Timestamp(value).date()


def _nan_low(x: float) -> float:
    return -math.inf if math.isnan(x) else x
