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
   claims that state no number ("thousands") are quoted.  When the range would leave
   out one of up to :data:`NAME_EACH` estimates, or cut a stated range to one of its
   bounds ("from 25 (PRIO)" for "25 to 999"), each estimate is named instead, with its
   hedge, source and date ("undated" beside dated ones): "There are three estimates
   of X: 10,000 (...), up to 12,000 (...) and “des milliers” (..., undated)."
2. **Whether they agree.**  Compatible claims: the figure they are all consistent with
   (the consensus).  Claims apart only within rounding or at a vague figure's edge
   (a tension): the pair, named ("Only the rounding of a round figure separates
   400,000 to 450,000 (CSIS) from 500,000 (NATO officials)"), or how many pairs and
   the furthest apart.  Conflicting claims: who stands apart (a source whose claims
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

import dataclasses
import math
import textwrap
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._compute.camps import camps as camps_of
from .._compute.camps import stated_numbers
from .._compute.comparability import harmonise_units
from .._compute.compare import comparison_set, source_codes
from .._compute.kernel import claim_points
from .._compute.reconcile import group_codes, hedge_codes, reconcile_frame
from .._compute.selection import Comparison, Selection, as_frame, by_list
from .._compute.sources import canonical_cells
from .._i18n import translator
from .._model.errors import EstimatesWarning
from .._model.figure import Figure
from .._model.hedges import Hedge
from .._model.missing import is_missing
from .._model.silencing import silenced
from .._model.sources import SourceBook, split_agents
from .._model.units import is_count
from .._parsing.lexicon import LANGS as PARSE_LANGS
from .._parsing.render import render
from .._table.schema import row_figure
from .style import HouseStyle, get_style, round_to

if TYPE_CHECKING:  # pragma: no cover
    from .._model.claim import Claim

__all__ = [
    "Descriptions",
    "compared_mask",
    "describe",
    "describe_claim",
    "figure_phrase",
    "figure_words",
    "gap_hedge",
    "group_label",
    "join_agents_words",
    "magnitude_words",
    "precision_exponents",
]

_STATES_LOW = np.array([Hedge(c).states_low for c in Hedge], dtype=bool)
_STATES_HIGH = np.array([Hedge(c).states_high for c in Hedge], dtype=bool)
_STATES_BEST = np.array([Hedge(c).states_best for c in Hedge], dtype=bool)
_HEDGES = tuple(h.value for h in Hedge)
# Hedges whose interval is a reading of words under the conventions, not a stated bound.
_READ = frozenset({"magnitude", "approx", "nearly"})
# Hedge codes of claims that state a central value (exact, "about").
_CENTRAL = frozenset({0, 1})
#: Up to this many compared estimates, a range that would leave one out (or cut a
#: range to one of its bounds) gives way to naming each estimate.
NAME_EACH = 4
# Up to this many pairs in tension, pairs sharing their figures are named together.
_FEW_PAIRS = 12


def describe(
    claims: pd.DataFrame,
    lang: str = "en",
    by: str | Sequence[str] = "quantity",
    *,
    style: str | HouseStyle | None = None,
    selection: Selection | None = None,
    comparison: Comparison | None = None,
    stacklevel: int = 4,
) -> pd.Series:
    """Neutral, attributed sentences per group, indexed like ``reconcile``.

    ``claims`` is a claims frame; ``lang``, ``by`` and ``style`` are those of
    :meth:`estimates.Claims.describe` (which documents them), ``selection`` which
    claims count and ``comparison`` how they are compared and summarised (defaults:
    as ``reconcile``).

    Returns
    -------
    pandas.Series
        One paragraph per group, named ``description``.

    Raises
    ------
    LanguageError
        For a language without a message catalogue.
    OptionError
        For an unknown style, or a style of another language (its leaf
        ``StyleError``).

    Examples
    --------
    >>> import pandas as pd, estimates
    >>> claims = estimates.read_claims(pd.DataFrame({
    ...     "quantity": ["containers"], "figure": ["plus de 13 000 conteneurs"],
    ...     "lang": ["fr"], "source": ["South Korean intelligence agency"],
    ...     "stated": ["2024-10"]}))
    >>> print(describe(claims).iloc[0])  # doctest: +NORMALIZE_WHITESPACE
    A single estimate of containers: more than 13,000 containers (South Korean
    intelligence agency, October 2024).

    French sentences use French typography: no-break spaces (U+00A0) before ":" and
    inside « », narrow ones (U+202F) in numbers.

    >>> describe(claims, "fr").iloc[0].startswith("Une seule estimation pour «\xa0containers")
    True
    """
    st = get_style(style, lang)
    by_ = by_list(by)
    sel = selection or Selection()
    how = comparison or Comparison()
    frame, _trace = sel.apply(as_frame(claims), by_, stacklevel=stacklevel)
    frame = frame.reset_index(drop=True)
    book = sel.sources
    result = reconcile_frame(
        frame,
        by_,
        strategy=how.strategy,
        sources=book,
        weights=how.weights,
        unit=how.unit,
        compare_within=how.compare_within,
        stacklevel=stacklevel + 1,
    )
    with silenced(EstimatesWarning):  # reconcile_frame has warned once already
        camp_rows = camps_of(
            frame, by_, sources=book, unit=how.unit, compare_within=how.compare_within
        )
    codes, labels = group_codes(frame, by_)
    compared = compared_mask(frame, codes, len(labels), book, how.span)
    writer = _Writer(frame, by_, result, camp_rows, compared, st, book, how.unit)
    texts = [writer.paragraph(g) for g in range(len(result))]
    # sources whose record clearly runs high or low, where the data support it
    from .track_record import track_record_notes

    notes = track_record_notes(frame, by_, result.index, lang=lang, sources=book)
    texts = [f"{t} {n}" if n else t for t, n in zip(texts, notes, strict=True)]
    return Descriptions(texts, index=result.index, name="description", dtype=object)


class Descriptions(pd.Series):
    """The paragraphs of :func:`describe`: a Series that prints whole sentences.

    Everything else is a plain Series (slices and operations return ``pd.Series``).

    >>> print(Descriptions(["A single estimate of q: 10 (A)."], index=["q"]))
    q
      A single estimate of q: 10 (A).
    """

    @property
    def _constructor(self) -> type[pd.Series]:
        return pd.Series

    def __repr__(self) -> str:
        if not len(self):
            return "Descriptions: no groups"
        out = []
        for key, text in self.items():
            label = ", ".join(map(str, key)) if isinstance(key, tuple) else str(key)
            out.append(label)
            out.extend(
                textwrap.wrap(str(text), width=88, initial_indent="  ", subsequent_indent="  ")
            )
        return "\n".join(out)


def compared_mask(
    frame: pd.DataFrame,
    codes: np.ndarray,
    ngroups: int,
    book: SourceBook | None,
    span: pd.Timedelta | None,
) -> np.ndarray:
    """Per row, whether ``reconcile`` compares it (its comparison set: each source's
    latest claim of the same time): the same rule, from the same compute functions."""
    if not len(frame):
        return np.zeros(0, dtype=bool)
    src, _names = source_codes(frame, book)
    return comparison_set(frame, codes, ngroups, src, span).mask


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
    from .._table.records import frame_of_claims

    return str(describe(frame_of_claims([claim]), lang=lang, style=style).iloc[0])


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
        camp_rows: pd.DataFrame,
        compared: np.ndarray,
        st: HouseStyle,
        book: Any,
        unit: str | None,
    ) -> None:
        self.st = st
        # A figure below ten is spelled ("five soldiers") unless it is compared with
        # larger ones: "from 4 to 8,657", never "from four to 8,657" (Chicago 9.7).
        self._style = st
        self._digits = dataclasses.replace(st, spell_below=0) if st.spell_below else st
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
        self.compared = compared
        central = ~np.isnan(claim_points(self.low, self.high, self.best, self.hcode)) & compared
        self.centrals = np.bincount(codes, weights=central, minlength=ngroups).astype(int)
        # Numbers each claim states (NaN for vague magnitudes), in the group's unit.
        self.smin, self.smax = stated_numbers(self.low, self.high, self.best, self.hcode)
        # Compared members of each group, earliest statement first (undated last).
        end_key = np.where(np.isnat(self.end), np.datetime64("9999-12-31"), self.end)
        rows = np.flatnonzero(compared)
        order = rows[np.lexsort((rows, end_key[rows], codes[rows]))]
        bounds = np.searchsorted(codes[order], np.arange(ngroups + 1))
        self.members = [order[bounds[g] : bounds[g + 1]] for g in range(ngroups)]
        # Camps of the groups in conflict, by group position.
        self.camps: dict[int, list[dict[str, Any]]] = {}
        if len(camp_rows):
            position = {k: g for g, k in enumerate(result.index)}
            keys = camp_rows[by].itertuples(index=False, name=None)
            for key, rec in zip(keys, camp_rows.to_dict("records"), strict=True):
                g = position[key if len(by) > 1 else key[0]]
                self.camps.setdefault(g, []).append({str(k): v for k, v in rec.items()})
        self.cols = {c: result[c].to_numpy() for c in result.columns}
        self.verdicts = result["verdict"].astype(str).to_numpy()
        self.labels = [group_label(k) for k in result.index]
        # A label joined from several columns ("Russia, deaths") reads as a list in a
        # sentence unless it is quoted, in every language.
        self.joined = [isinstance(k, tuple) and len(k) > 1 for k in result.index]
        self._who: dict[str, str] = {}
        self._when: dict[tuple[Any, Any], str | None] = {}

    # ------------------------------------------------------------------ paragraph
    def paragraph(self, g: int) -> str:
        rows = self.members[g]
        numbers = self.smax[rows]
        large = len(rows) > 1 and bool((numbers[np.isfinite(numbers)] >= 10).any())
        self.st = self._digits if large else self._style
        self.unit = str(self.group_unit[g] or "")
        self.k = self.exponent[g]
        quoted = self.st.quote_labels or self.joined[g]
        label = self.st.quote(self.labels[g]) if quoted else self.labels[g]
        earlier = int(self.cols["claims_total"][g]) > len(rows)
        growth = self._growth(g, rows) if earlier else None
        if len(rows) == 1:
            i = int(rows[0])
            figure = self._cite([i], self.figure(i, with_unit=True))
            key = "single_latest" if earlier else "single"
            parts = [self.st.phrase(key, label=label, figure=figure, colon=self.st.colon)]
            return " ".join([*parts, growth] if growth else parts)
        parts = [self._stated(g, rows, label, since=growth is not None, latest=earlier)]
        verdict = self.verdicts[g]
        if verdict == "agree":
            parts.append(self._agree(g, rows))
        elif verdict == "tension":
            parts.append(self._tension(g, rows))
        elif verdict == "conflict":
            parts.append(self._conflict(g, rows))
        if verdict != "conflict":  # a central value between camps would mislead
            central = self._central(g, rows)
            if central:
                parts.append(central)
        if growth:
            parts.append(growth)
        return " ".join(parts)

    # ------------------------------------------------------------------ growth
    def _growth(self, g: int, rows: np.ndarray) -> str | None:
        """How estimates moved since the group's first claim, when earlier claims
        were left out of the comparison (a running total is not a dispute)."""
        first = self.cols["first_claim"][g]
        if first is None or not len(rows):
            return None
        i = int(first)
        lo, hi = float(self.cols["stated_low"][g]), float(self.cols["stated_high"][g])
        fig = self.figure(i)
        figure = self._cite([i], fig)
        top, bottom = self.smax[i], self.smin[i]
        if math.isfinite(lo) and math.isfinite(top) and top < lo:
            return self.st.phrase("growth_up", figure=figure)
        if math.isfinite(hi) and math.isfinite(bottom) and bottom > hi:
            return self.st.phrase("growth_down", figure=figure)
        if self.hedge[i] == "magnitude":
            return self.st.phrase("growth_other", figure=figure)
        # after "était de", a range is "7 000 à 15 000", never "de de 7 000 à 15 000"
        fig = self.figure(i, after_preposition=bool(self.st.phrases["is"]))
        return self.st.phrase("growth_other", figure=self._is(self._cite([i], fig)))

    # ------------------------------------------------------------------ what was stated
    def _stated(
        self, g: int, rows: np.ndarray, label: str, *, since: bool = False, latest: bool = False
    ) -> str:
        st = self.st
        lo, hi = float(self.cols["stated_low"][g]), float(self.cols["stated_high"][g])
        n = len(rows)
        if not (math.isfinite(lo) and math.isfinite(hi)):
            items = [self._cite([int(i)], self.figure(int(i))) for i in rows]
            vague = all(self.hedge[i] == "magnitude" for i in rows)
            key = "no_figure" if vague else "figures"  # floors and ceilings with no end
            return st.phrase(key, label=label, figures=st.list(items), colon=st.colon)
        at_lo = [int(i) for i in rows if self._states(int(i), lo)]
        at_hi = [int(i) for i in rows if self._states(int(i), hi)]
        one_source = len({self.cells[i] for i in rows}) == 1
        if n <= NAME_EACH and not one_source and not self._names_each(rows, at_lo, at_hi, lo, hi):
            # A few estimates, some of which the range would leave out or cut to one
            # of their bounds: each is named, with its hedge, source and date.
            return self._listed(rows, label, latest=latest)
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
        if since:
            first = min(_day(self.start[i]) for i in rows if not np.isnat(self.start[i]))
            return st.phrase("range_since", since=st.day(first), label=label, low=low, high=high)
        if n > NAME_EACH:  # many estimates, not each named: say how many
            return st.phrase("range_n", n=st.count_word(n), label=label, low=low, high=high)
        return st.phrase("range", label=label, low=low, high=high)

    def _names_each(
        self, rows: np.ndarray, at_lo: list[int], at_hi: list[int], lo: float, hi: float
    ) -> bool:
        """Whether the range sentence cites every claim of ``rows`` with its whole
        figure: each states an end of the range, and none is a range cut to one of
        its bounds ("from 25 (PRIO)" for PRIO's "25 to 999")."""
        ends = set(at_lo) | set(at_hi)
        if ends != {int(i) for i in rows}:
            return False
        if lo == hi:
            return True
        return not any(self.hedge[i] == "range" for i in ends)

    def _listed(self, rows: np.ndarray, label: str, *, latest: bool = False) -> str:
        """Each claim named: "There are three estimates of X: 10,000 (United States,
        week of 4 November 2024), up to 12,000 (...) and “thousands” (..., undated)."""
        st = self.st
        # "undated" only beside dated estimates, not on every figure of an undated data set
        undated = bool((~np.isnat(self.end[rows])).any())
        # earliest statement first (undated last); of the same time, the lowest first
        end_key = np.where(np.isnat(self.end[rows]), np.datetime64("9999-12-31"), self.end[rows])
        low_key = np.where(np.isnan(self.smin[rows]), self.low[rows], self.smin[rows])
        rows = rows[np.lexsort((rows, low_key, end_key))]
        items = [self._cite([int(i)], self.figure(int(i)), undated=undated) for i in rows]
        key = "listed_latest" if latest else "listed"
        return st.phrase(
            key, n=st.count_word(len(rows)), label=label, figures=st.list(items), colon=st.colon
        )

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
        """The figure every estimate allows, in words a source used: a claim's own
        figure when the consensus is exactly its interval ("about 5,000", never the
        "4,500 to 5,500" that convention reads it as); the bare interval when both its
        ends are numbers a source stated; else only that the estimates are consistent
        (no number no source gave)."""
        st, c = self.st, self.cols
        lo, hi = float(c["consensus_low"][g]), float(c["consensus_high"][g])
        lc, hc = bool(c["consensus_low_closed"][g]), bool(c["consensus_high_closed"][g])
        n = len(rows)
        same = [
            int(i)
            for i in rows
            if self.low[i] == lo and self.high[i] == hi and self.lc[i] == lc and self.hc[i] == hc
        ]
        if same:
            phrase: str | None = self.figure(same[0], after_preposition=True)
        elif self._stated_anywhere(rows, lo) and self._stated_anywhere(rows, hi):
            phrase = self.interval(lo, hi, lc, hc, after_preposition=True)
        else:
            phrase = None
        if phrase is None:
            key = "agree_two_plain" if n == 2 else "agree_all_plain"
            return st.phrase(key, n=st.count_word(n))
        consensus = st.prep(st.phrases["of"], phrase)
        key = "agree_two" if n == 2 else "agree_all"
        return st.phrase(key, consensus=consensus, n=st.count_word(n))

    def _stated_anywhere(self, rows: np.ndarray, value: float) -> bool:
        """Whether a source among ``rows`` stated ``value`` (an infinite end is an open
        bound, which the interval words say as "more than"/"up to")."""
        return not math.isfinite(value) or any(self._states(int(i), value) for i in rows)

    # ------------------------------------------------------------------ tension
    def _tension(self, g: int, rows: np.ndarray) -> str:
        """Which estimates are apart only within rounding or at a vague edge: the one
        pair, or how many pairs and the furthest apart, each figure cited."""
        st = self.st
        lower, upper = self._furthest(rows)
        prep = st.phrases["np_prep"]
        cell_count: dict[str, int] = {}
        for i in rows:
            cell_count[self.cells[i]] = cell_count.get(self.cells[i], 0) + 1

        def cited(members: list[int]) -> str:
            i = members[0]
            magnitude = self.hedge[i] == "magnitude"
            fig = self.figure(i, after_preposition=bool(prep) and not magnitude)
            if prep and not magnitude:
                fig = st.prep(prep, fig)
            dated = any(cell_count.get(self.cells[j], 0) > 1 for j in members)
            return self._cite(members, fig, dates=dated)

        def disjoint(i: int, j: int) -> bool:
            return bool(
                self.high[i] < self.low[j]
                or (self.high[i] == self.low[j] and not (self.hc[i] and self.lc[j]))
            )

        # the claims giving the same figure as each of the pair, apart from the other
        # (looked for among a few pairs only: a figure is written per claim)
        npairs = int(self.cols["tensions"][g])
        few = npairs <= _FEW_PAIRS
        low_fig, high_fig = self.figure(lower), self.figure(upper)
        same_low = [
            int(i)
            for i in (rows if few else [lower])
            if disjoint(int(i), upper) and self.figure(int(i)) == low_fig
        ]
        same_high = [
            int(j)
            for j in (rows if few else [upper])
            if disjoint(lower, int(j)) and self.figure(int(j)) == high_fig
        ]
        if len(same_low) * len(same_high) != npairs:  # other pairs: name the furthest
            same_low, same_high = [lower], [upper]
        kw = {"a": cited(same_low), "b": cited(same_high)}
        kw.update(colon=st.colon, semicolon=st.semicolon)
        if len(same_low) * len(same_high) < npairs:
            return st.phrase("tension_pairs", n=st.count_word(npairs), **kw)
        edge = self._gap(lower, upper) == 0 or "magnitude" in (
            self.hedge[lower],
            self.hedge[upper],
        )
        return st.phrase("tension_edge" if edge else "tension_rounding", **kw)

    # ------------------------------------------------------------------ conflicts
    def _conflict(self, g: int, rows: np.ndarray) -> str:
        """Who stands apart (leave-one-source-out, from ``reconcile``), else the camps,
        else the conflicting pair(s); every gap and ratio from stated numbers."""
        st = self.st
        kw = {"colon": st.colon, "semicolon": st.semicolon}
        cell_count: dict[str, int] = {}
        for i in rows:
            cell_count[self.cells[i]] = cell_count.get(self.cells[i], 0) + 1
        n, npairs = len(rows), int(self.cols["conflicts"][g])
        apart = self.cols["apart_claim"][g]
        if apart is not None and n >= 3:
            j = int(apart)
            up = self.cols["apart_direction"][g] == "above"
            others = [int(i) for i in rows if self.cells[i] != self.cells[j]]
            # the farthest claim on the other side, by stated numbers
            if up:
                k = min(others, key=lambda i: (_nan_high(float(self.smax[i])), self.high[i]))
                pair = (k, j)
            else:
                k = max(others, key=lambda i: (_nan_low(float(self.smin[i])), self.low[i]))
                pair = (j, k)
            clause = self._clause(*pair, cell_count, first=j)
            return st.phrase("conflict_apart", who=self.who(j), clause=clause, **kw)
        lower, upper = self._furthest(rows)
        clause = self._clause(lower, upper, cell_count)
        camps = self.camps.get(g, [])
        if n >= 3 and len(camps) >= 2:
            texts = [self._camp(c) for c in camps]
            if len(texts) == 2:
                head = st.phrase("camps_two", a=texts[0], b=texts[1], **kw)
            else:
                head = st.phrase(
                    "camps_many", n=st.count_word(len(texts)), camps=st.list(texts), **kw
                )
            return f"{head} {st.phrase('furthest', clause=clause, **kw)}"
        if n == 2:
            return st.phrase("conflict_two", clause=clause, **kw)
        if npairs == 1:
            return st.phrase("conflict_one_pair", clause=clause, **kw)
        return st.phrase("conflict_pairs", n=st.count_word(npairs), clause=clause, **kw)

    def _furthest(self, rows: np.ndarray) -> tuple[int, int]:
        """The furthest-apart claims: the lowest largest stated number against the
        highest smallest one (interval ends for claims that state none).  Linear."""
        lower = min(
            (int(i) for i in rows), key=lambda i: (_nan_high(float(self.smax[i])), self.high[i])
        )
        upper = max(
            (int(i) for i in rows), key=lambda i: (_nan_low(float(self.smin[i])), self.low[i])
        )
        if lower == upper or self.low[upper] < self.high[lower]:
            lower = min((int(i) for i in rows), key=lambda i: self.high[i])
            upper = max((int(i) for i in rows), key=lambda i: self.low[i])
        return lower, upper

    def _camp(self, camp: dict[str, Any]) -> str:
        """A camp: the range its claims state, and its sources."""
        st = self.st
        unit = self._shown_unit(False)
        count = not unit or is_count(unit)
        lo, hi = float(camp["stated_low"]), float(camp["stated_high"])
        if math.isnan(lo) or math.isnan(hi):  # only vague magnitudes: quote them
            words = st.list([st.quote(str(t)) for t in camp["texts"] if t])
        elif math.isinf(float(camp["high"])):
            words = st.phrase("or_more", n=st.amount(lo, unit))
        elif float(camp["low"]) <= 0 and count and lo == hi:
            words = st.hedged("up_to", st.amount(hi, unit), count=count)
        elif lo == hi:
            words = st.amount(lo, unit)
        else:
            words = st.span(st.amount(lo, "" if count else unit), st.amount(hi, unit))
        agents: list[str] = []
        for cell in camp["source_list"]:
            agents.extend([] if cell == "(no source)" else split_agents(str(cell)))
        who = st.list(list(dict.fromkeys(agents))) if agents else st.phrases["unattributed"]
        # "(contributor #0 [217.20.241.115])", never "((...))", as in citations
        return f"{words} ({who.translate(_BRACKETS)})"

    def _clause(
        self, a: int, b: int, cell_count: dict[str, int], *, first: int | None = None
    ) -> str:
        """How two conflicting claims differ: "stops just short of", a ratio of stated
        numbers ("is five times", "is more than four times"), or the gap between the
        facing stated numbers ("by 8,000", "by more than 38,000").  ``first``: the
        claim to name first (a source that stands apart)."""
        st = self.st
        lower, upper = (a, b) if self.high[a] <= self.low[b] else (b, a)
        prep = st.phrases["np_prep"]

        def side(i: int, role: str) -> str:
            magnitude = self.hedge[i] == "magnitude"
            fig = self.figure(i, after_preposition=bool(prep) and not magnitude)
            if prep and not magnitude:
                fig = st.prep(prep, fig)
            dated = cell_count.get(self.cells[i], 0) > 1
            named = i != first  # the source standing apart is named before the clause
            text = st.phrase(role, figure=self._cite([i], fig, names=named, dates=dated))
            if self.hedge[i] in _READ and (magnitude or math.isnan(self._stated_gap(a, b)[0])):
                reading = self.interval(self.low[i], self.high[i], self.lc[i], self.hc[i])
                text = st.phrase("reading", figure=text, reading=reading)
            return text

        gap, gap_open = self._stated_gap(lower, upper)
        ratio, ratio_open = self._ratio(lower, upper)
        down = first is not None and first == lower
        if self._gap(lower, upper) == 0 and not (gap > 0):
            clause = st.phrase("short_of", low=side(lower, "first"), high=side(upper, "second"))
        elif ratio >= 2 and math.isfinite(ratio) and not down:  # 4 / 2e-308 overflows
            times = st.times(ratio, floor=bool(ratio_open))
            if ratio_open:
                # rounded down: "more than four times" when 4 is below the bound
                exact_floor = ratio == _floor_step(ratio)
                hedge = "at_least" if ratio_open == "at_least" and exact_floor else "more_than"
                times = st.hedged(hedge, times, count=False)
            clause = st.phrase(
                "ratio", low=side(lower, "second"), high=side(upper, "first"), times=times
            )
        elif math.isnan(gap):  # a facing claim states no number: no number for the gap
            clause = st.phrase(
                "above_reading", low=side(lower, "second"), high=side(upper, "first")
            )
        else:
            text = self._gap_text(gap)
            if gap_open:
                text = st.hedged(gap_open, text, count=False)
            text = st.prep(st.phrases["by"], text)
            if down:
                clause = st.phrase(
                    "falls_short", low=side(lower, "first"), high=side(upper, "second"), gap=text
                )
            else:
                clause = st.phrase(
                    "exceeds", low=side(lower, "second"), high=side(upper, "first"), gap=text
                )
        return clause.removesuffix(",")

    def _gap(self, a: int, b: int) -> float:
        return max(self.low[b] - self.high[a], self.low[a] - self.high[b], 0.0)

    def _stated_gap(self, lower: int, upper: int) -> tuple[float, str]:
        """The gap between the facing numbers the two sources stated, and its hedge:
        ``""`` (two central values), ``"more_than"`` (a facing bound is open: "more
        than 50,000" exceeds 12,000 by more than 38,000) or ``"at_least"`` (a facing
        bound is closed: a range's end, "up to", "at least")."""
        gap = self.smin[upper] - self.smax[lower]
        if not math.isfinite(gap):
            return math.nan, ""
        hedge = gap_hedge(
            int(self.hcode[lower]),
            bool(self.hc[lower]),
            int(self.hcode[upper]),
            bool(self.lc[upper]),
        )
        return float(gap), hedge

    def _ratio(self, lower: int, upper: int) -> tuple[float, str]:
        """Larger over smaller stated number: of two central values, or of the facing
        numbers (then a lower bound, hedged like the gap).  NaN when either states
        none."""
        if self.hcode[lower] in _CENTRAL and self.hcode[upper] in _CENTRAL:
            lo, hi = self.best[lower], self.best[upper]
            hedge = ""
        else:
            lo, hi = self.smax[lower], self.smin[upper]
            hedge = self._stated_gap(lower, upper)[1]
        if not (lo > 0 and math.isfinite(hi)):
            return math.nan, ""
        with np.errstate(over="ignore"):  # too large a ratio is inf: said as a gap
            return float(np.float64(hi) / np.float64(lo)), hedge

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
        if not self._stated_by_a_source(value, rows):
            return None  # a midpoint or a pooled value: no source said it, none is printed
        if strategy in ("median", "weighted") and not self._stated_by_a_source(
            value, rows, central=True
        ):
            return None  # the end of one source's range is no "median estimate"
        key = f"central_{strategy}"
        if strategy in ("median", "weighted") and m < n:
            key += "_some"
        if strategy == "midpoint" and not math.isfinite(float(c["consensus_low"][g])):
            key = "central_midpoint_agreement"
        x = self.derived(value, unit=self._shown_unit(False))
        givers = [int(i) for i in rows if math.isclose(self.best[i], value, rel_tol=1e-9)]
        if givers and all(self.hedge[i] == "approx" for i in givers):
            x = self.st.hedged("approx", x)  # "about 10,500" stays "about" in the median
        return self.st.phrase(key, x=self._is(x), m=self.st.count_word(m))

    def _stated_by_a_source(
        self, value: float, rows: np.ndarray, *, central: bool = False
    ) -> bool:
        """Whether ``value`` is a number one of ``rows`` stated (a central value or a
        stated bound; only a central value with ``central``): the midpoint of
        "369,000 to 523,000" is not."""
        parts = (
            [self.best[rows]] if central else [self.best[rows], self.smin[rows], self.smax[rows]]
        )
        stated = np.concatenate(parts)
        stated = stated[np.isfinite(stated)]
        return bool(np.isclose(stated, value, rtol=1e-9, atol=0.0).any())

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
            fig = row_figure(row, unit=None if unit else "")
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
                low_closed=bool(self.lc[i]),
                high_closed=bool(self.hc[i]),
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
            low_closed=bool(self.lc[i]),
            high_closed=bool(self.hc[i]),
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
        elif lo <= 0 and count:  # a ceiling of a count: the upper bound, hedged
            hedge, bound = ("up_to" if hc else "less_than"), hi
        elif math.isinf(lo):  # open below
            hedge, bound = ("at_most" if hc else "less_than"), hi
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

    def _cite(
        self,
        rows: list[int],
        text: str,
        *,
        names: bool = True,
        dates: bool = True,
        undated: bool = False,
    ) -> str:
        """``text (who, when; who, when)``: attributions of one or more claims;
        ``undated`` says "undated" of a claim with no statement date."""
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
            when = [w for w in (self.when(*s) for s in sorted(spans)) if w]
            if undated and dates and not when:
                when = [st.phrases["undated"]]
            parts = [p for p in (who, st.list(when) if when else "") if p]
            if parts:
                items.append(", ".join(parts))
        if len(items) > 3:
            rest = len(items) - 3
            more = st.phrase("other") if rest == 1 else st.phrase("others", n=st.count_word(rest))
            items = [*items[:3], more]
        if not items:
            return text
        # Parentheses inside the citation's parentheses become brackets:
        # "(NATO officials [via media24], 17 June 2026)", never "((...))".
        inner = (st.semicolon + " ").join(items).translate(_BRACKETS)
        return f"{text} ({inner})"

    def who(self, i: int) -> str:
        """The claim's source(s): "US, South Korean and Ukrainian intelligence"."""
        cell = str(self.cells[i])
        got = self._who.get(cell)
        if got is None:
            agents = [] if cell == "(no source)" else split_agents(cell)
            got = join_agents_words(agents, self.st) if agents else self.st.phrases["unattributed"]
            self._who[cell] = got
        return got

    def when(self, start: Any, end: Any) -> str | None:
        """When a claim was stated, in words."""
        key = (start, end)
        if key not in self._when:
            self._when[key] = self.st.date(_day(start), _day(end))
        return self._when[key]


def gap_hedge(lower: int, lower_high_closed: bool, upper: int, upper_low_closed: bool) -> str:
    """The hedge of the gap between two claims' facing stated numbers (hedge codes
    ``lower`` and ``upper``): ``""`` between two central values, ``"more_than"`` when
    a facing bound is open ("more than 50,000" exceeds 12,000 by more than 38,000),
    ``"at_least"`` when it is closed (a range's end, "up to", "at least").

    >>> gap_hedge(0, True, 3, False), gap_hedge(8, True, 0, True), gap_hedge(0, True, 1, True)
    ('more_than', 'at_least', '')
    """
    if lower in _CENTRAL and upper in _CENTRAL:
        return ""
    opened = (lower not in _CENTRAL and not lower_high_closed) or (
        upper not in _CENTRAL and not upper_low_closed
    )
    return "more_than" if opened else "at_least"


def figure_words(
    st: HouseStyle,
    hedge: str,
    low: float,
    high: float,
    best: float,
    unit: str = "",
    *,
    after_preposition: bool = False,
    low_closed: bool = True,
    high_closed: bool = True,
) -> str | None:
    """The stated number(s) of a figure with its hedge, in house style; None for a
    vague magnitude or a figure whose hedge needs a best value it lacks.  A range
    with one infinite end is written as its finite end, hedged ("at least 5").

    >>> from estimates._present.style import get_style
    >>> figure_words(get_style("ap"), "up_to", 0, 12000, float("nan"), "soldier")
    'up to 12,000 soldiers'
    >>> figure_words(get_style("fr-press"), "range", 2e6, 3e6, float("nan"), "dollar")
    'de 2 millions à 3 millions de dollars'
    """
    count = not unit or is_count(unit)
    if hedge == "range" and math.isinf(high) and math.isfinite(low):  # low=5, high=inf
        hedge = "at_least" if low_closed else "more_than"
    elif hedge == "range" and math.isinf(low) and math.isfinite(high):
        hedge = "at_most" if high_closed else "less_than"
    elif hedge == "range" and not (math.isfinite(low) and math.isfinite(high)):
        return None
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
    """A vague magnitude quoted in its own words ("des milliers" stays French in an
    English sentence); without its text, written in the style's language."""
    if figure.text:
        return figure.text
    if st.lang not in PARSE_LANGS:  # render writes only the languages parse reads
        return render(figure, "en")
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


#: Parentheses within parentheses are written as brackets (Chicago 6.101; French too).
_BRACKETS = str.maketrans("()", "[]")


def join_agents_words(agents: Sequence[str], st: HouseStyle) -> str:
    """Agents of a joint claim as one phrase: in a language whose catalogue says so
    (style ``shared_last_word``: English), a shared last word is said once ("US, South
    Korean and Ukrainian intelligence"); otherwise the full names in a list, so that a
    French sentence never factors an English noun ("US, South Korean et Ukrainian
    intelligence").

    >>> from estimates._present.style import get_style
    >>> join_agents_words(["US intelligence", "Ukrainian intelligence"], get_style("ap"))
    'US and Ukrainian intelligence'
    >>> join_agents_words(["US intelligence", "Ukrainian intelligence"], get_style("fr-press"))
    'US intelligence et Ukrainian intelligence'
    """
    if len(agents) == 1:
        return agents[0]
    if translator(st.lang)("shared_last_word", context="style") != "yes":
        return st.list(list(agents))
    words = [a.split() for a in agents]
    last = words[0][-1]
    if all(len(w) >= 2 and w[-1] == last for w in words):
        return f"{st.list([' '.join(w[:-1]) for w in words])} {last}"
    return st.list(list(agents))


def group_label(key: Any) -> str:
    """A group's label: its key; keys of several columns joined with commas, the first
    capitalised when it is all lower case ("Russia, deaths" for ("russia", "deaths"))."""
    parts = key if isinstance(key, tuple) else (key,)
    words = [str(p) for p in parts if not is_missing(p)]
    if len(words) > 1 and words[0] and words[0] == words[0].lower():
        words[0] = words[0][0].upper() + words[0][1:]
    return ", ".join(words)


def _text(value: Any) -> str:
    return "" if is_missing(value) else str(value)


def _float_or_none(value: Any) -> float | None:
    return None if is_missing(value) else float(value)


def _day(value: Any) -> date:
    return pd.Timestamp(value).date()


def _nan_low(x: float) -> float:
    return -math.inf if math.isnan(x) else x


def _nan_high(x: float) -> float:
    return math.inf if math.isnan(x) else x


def _floor_step(ratio: float) -> float:
    """A ratio rounded down the way :meth:`HouseStyle.times` rounds it."""
    step = 0.5 if ratio < 5 else 1.0 if ratio < 20 else 10.0 ** (math.floor(math.log10(ratio)) - 1)
    return max(math.floor(ratio / step + 1e-9) * step, 1.0)
