"""Which claims count, and how they are compared: two small option objects.

:class:`Selection` says which rows of a claims table enter a computation (valid rows,
``as_of``/``window``, excluded source kinds, ``latest_per_source``, one claim per
repeated original).  :class:`Comparison` says how the selected claims of a group are
compared (the comparison window, cumulative quantities, the best-estimate strategy, the
unit).  Both are frozen dataclasses that compute and presentation take alike, so the
methodology note describes the very object that was computed: :meth:`Selection.steps`
and :meth:`Comparison.steps` give what they do as data (a code and its parameters, for
the words layer to render in any language), :meth:`~Selection.describe` in plain
English, and :meth:`Selection.apply` returns the rows kept with a :class:`Trace` of
what each step dropped.

Examples
--------
>>> Selection(as_of="2024-11-12", window="30D").describe()
['claims stated on or before 2024-11-12', 'claims stated within 30 days before that date', \
'one claim per repeated original (its first repetition)']
>>> Comparison().describe()[0]
'claims compared only with claims stated within 31 days of the latest one of their group \
(overlapping refers_to periods count as the same time)'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .._model.errors import DataQualityWarning, FigureError
from .._model.silencing import warn
from .._model.sources import SourceBook, split_agents
from . import time as _time
from .kernel import STRATEGIES
from .sources import canonical_cells, dedupe_originals, kind_mask
from .time import DateLike, as_of_mask, to_day

__all__ = [
    "ALL_STRATEGIES",
    "DEFAULT_COMPARE_WITHIN",
    "SELECTION_ARGS",
    "Comparison",
    "Selection",
    "Step",
    "Trace",
    "as_frame",
    "by_list",
    "quantities_of",
    "selection_of",
    "sources_of",
]

#: Every best-estimate strategy ``reconcile`` accepts: the one list (the CLI imports it).
ALL_STRATEGIES: tuple[str, ...] = (*STRATEGIES, "pooled", "reliability")

#: Claims of a group are compared when stated within this span of each other.
DEFAULT_COMPARE_WITHIN = pd.Timedelta(days=31)

#: ``compare_within="auto"``: :data:`DEFAULT_COMPARE_WITHIN`, with a warning when a
#: group's claims span more (the value of ``estimates._compute.reconcile.AUTO``).
AUTO = "auto"


def by_list(by: str | Sequence[str]) -> list[str]:
    """``by`` as a list of column names."""
    return [by] if isinstance(by, str) else list(by)


def as_frame(data: object) -> pd.DataFrame:
    """The claims frame of ``data``: a DataFrame as is, or a table's public ``frame``.

    Compute functions take frames; this lets them also take a :class:`~estimates.Claims`
    (through its public, copying ``frame`` property).
    """
    if isinstance(data, pd.DataFrame):
        return data
    frame = getattr(data, "frame", None)
    if isinstance(frame, pd.DataFrame):
        return frame
    raise FigureError("claims", type(data).__name__, "a claims table or its DataFrame")


def quantities_of(frame: pd.DataFrame) -> list[str]:
    """The distinct quantities of a claims frame, in order of first appearance."""
    return [str(q) for q in pd.unique(frame["quantity"].dropna())]


def sources_of(frame: pd.DataFrame) -> list[str]:
    """The distinct source agents of a claims frame, in order of first appearance."""
    cells = pd.unique(frame["source"].dropna().astype(str))
    return list(dict.fromkeys(a for cell in cells for a in split_agents(cell)))


def _duration(value: str | pd.Timedelta | int, name: str) -> pd.Timedelta:
    try:
        span = pd.Timedelta(days=value) if isinstance(value, int) else pd.Timedelta(value)
    except (ValueError, TypeError):
        raise FigureError(
            name, value, "a duration such as '31D', '4W' or pd.Timedelta(days=31)"
        ) from None
    if span is pd.NaT or span <= pd.Timedelta(0):
        raise FigureError(name, value, "a positive duration such as '31D'")
    return span


@dataclass(frozen=True)
class Step:
    """One step of a selection or comparison: a code, its parameters, the rows it dropped.

    ``code`` is stable (``"flagged"``, ``"as_of"``, ``"window"``, ``"exclude_kinds"``,
    ``"latest_per_source"``, ``"dedupe"``, ``"compare_within"``, ``"cumulative"``,
    ``"strategy"``, ``"unit"``); ``params`` holds its arguments; ``dropped`` the row
    labels it left out (empty for comparison steps, which drop nothing).
    """

    code: str
    params: dict[str, object] = field(default_factory=dict)
    dropped: tuple[object, ...] = ()

    def words(self) -> str:
        """The step in plain English (the words layer translates from ``code``)."""
        p = self.params
        match self.code:
            case "flagged":
                return "claims flagged invalid are left out"
            case "as_of":
                return f"claims stated on or before {p['as_of']}"
            case "window":
                return f"claims stated within {p['days']} days before that date"
            case "exclude_kinds":
                kinds = ", ".join(str(k) for k in p["kinds"])  # type: ignore[attr-defined]
                return f"claims by sources of kind {kinds} are left out"
            case "latest_per_source":
                return "a source's later claim on a group supersedes its earlier ones"
            case "dedupe":
                return "one claim per repeated original (its first repetition)"
            case "compare_within":
                if p["days"] is None:
                    return "every claim of a group compared with every other"
                return (
                    f"claims compared only with claims stated within {p['days']} days of "
                    "the latest one of their group (overlapping refers_to periods count "
                    "as the same time)"
                )
            case "revisions":
                return (
                    "a source's successive claims on a group are revisions, not "
                    "disagreements: only its latest is compared"
                )
            case "cumulative":
                return "cumulative quantities (running totals): " + ", ".join(
                    str(q)
                    for q in p["quantities"]  # type: ignore[attr-defined]
                )
            case "strategy":
                return f"best estimate: {p['strategy']}"
            case "unit":
                return f"figures converted to {p['unit']}"
        return self.code  # pragma: no cover - every code is listed above


@dataclass(frozen=True)
class Trace:
    """What a selection kept and dropped, step by step."""

    steps: tuple[Step, ...]
    kept: int

    def dropped(self, code: str) -> tuple[object, ...]:
        """Row labels dropped by the step ``code`` (empty when it did not run)."""
        for s in self.steps:
            if s.code == code:
                return s.dropped
        return ()


@dataclass(frozen=True)
class Selection:
    """Which claims of a table count.

    Parameters
    ----------
    as_of : date, optional
        Only claims stated by then (``stated_end <= as_of``).
    window : duration, optional
        Only claims stated within this span before ``as_of`` (or before the table's
        latest statement): ``"30D"``, ``"4W"``.
    latest_per_source : bool
        Keep only a source's latest claim on each group (its earlier ones are left
        out of every figure, not only of comparisons).
    exclude_kinds : tuple of str
        Leave out claims by sources of these kinds (``source_kind`` column or the
        source book's kinds), e.g. ``("warring party",)``.
    dedupe : bool
        Count a figure repeated from one ``original_source`` once.
    sources : SourceBook, optional
        Aliases and kinds of sources.
    """

    as_of: DateLike | None = None
    window: str | pd.Timedelta | None = None
    latest_per_source: bool = False
    exclude_kinds: tuple[str, ...] = ()
    dedupe: bool = True
    sources: SourceBook | None = None

    def __post_init__(self) -> None:
        if isinstance(self.exclude_kinds, str):
            object.__setattr__(self, "exclude_kinds", (self.exclude_kinds,))
        else:
            object.__setattr__(self, "exclude_kinds", tuple(self.exclude_kinds))
        if self.as_of is not None:
            to_day(self.as_of)
        if self.window is not None:
            _duration(self.window, "window")

    def steps(self) -> list[Step]:
        """The steps this selection takes, as data (nothing dropped yet)."""
        out = [Step("flagged")]
        if self.as_of is not None:
            out.append(Step("as_of", {"as_of": to_day(self.as_of).date().isoformat()}))
        if self.window is not None:
            out.append(Step("window", {"days": _duration(self.window, "window").days}))
        if self.exclude_kinds:
            out.append(Step("exclude_kinds", {"kinds": self.exclude_kinds}))
        if self.latest_per_source:
            out.append(Step("latest_per_source"))
        if self.dedupe:
            out.append(Step("dedupe"))
        return out

    def describe(self) -> list[str]:
        """The selection in plain English, one phrase a step (flagged rows aside)."""
        return [s.words() for s in self.steps() if s.code != "flagged"]

    def apply(
        self, frame: pd.DataFrame, by: Sequence[str], *, stacklevel: int = 4
    ) -> tuple[pd.DataFrame, Trace]:
        """The rows of ``frame`` that count, and a trace of what each step dropped."""
        by = list(by)
        steps: list[Step] = []

        def keep(code: str, params: dict[str, object], mask: np.ndarray) -> None:
            nonlocal frame
            steps.append(Step(code, params, tuple(frame.index[~mask])))
            frame = frame[mask]

        if "error" in frame.columns:
            bad = frame["error"].notna().to_numpy()
            if bad.any():
                warn(
                    f"{int(bad.sum())} claims flagged invalid were left out "
                    "(see claims.flagged())",
                    DataQualityWarning,
                    stacklevel=stacklevel,
                )
            keep("flagged", {}, ~bad)
        mask = as_of_mask(frame, self.as_of, self.window, stacklevel=stacklevel + 1)
        if mask is not None:
            code = "as_of" if self.as_of is not None else "window"
            keep(code, {"as_of": self.as_of, "window": self.window}, mask)
        if self.exclude_kinds:
            keep(
                "exclude_kinds",
                {"kinds": self.exclude_kinds},
                ~kind_mask(frame, list(self.exclude_kinds), self.sources),
            )
        if self.latest_per_source:
            pos = _time.latest_per_source(frame, by, canonical_cells(frame, self.sources))
            m = np.zeros(len(frame), dtype=bool)
            m[pos] = True
            keep("latest_per_source", {}, m)
        if self.dedupe:
            kept = dedupe_originals(frame, by)
            if len(kept) != len(frame):
                keep("dedupe", {}, frame.index.isin(kept.index))
            else:
                steps.append(Step("dedupe"))
        return frame, Trace(tuple(steps), len(frame))


@dataclass(frozen=True)
class Comparison:
    """How the selected claims of a group are compared and summarised: the options of
    ``reconcile`` beyond the claim :class:`Selection`, as one object that computation
    and presentation (sentences, charts, report, methodology note) take alike.

    Parameters
    ----------
    strategy : str
        Best-estimate strategy, one of :data:`ALL_STRATEGIES` (default ``"median"``).
    compare_within : duration, "auto" or None
        Claims are compared (consensus, conflicts, agreement, verdict) only with claims
        describing the same time: stated within this span of each other, or with
        overlapping ``refers_to`` periods.  ``reconcile`` compares the claims stated
        within this span of each group's latest claim.  ``"auto"`` (default, as
        ``reconcile``) is :data:`DEFAULT_COMPARE_WITHIN` with a
        ``ComparabilityWarning`` when a group's claims span more; ``None`` compares
        every claim with every other.
    cumulative : bool or tuple of str
        Quantities that are running totals ("since February 2022"): compared within
        the window like any other, their decreases from one source are flagged and
        their timeline is the running state of knowledge.  ``True`` marks every group.
    unit : str, optional
        Convert every group to this unit.
    weights : str, optional
        Column of per-claim weights (``strategy="weighted"``).

    Examples
    --------
    >>> Comparison(strategy="conservative", cumulative=["deaths"]).options()
    {'strategy': 'conservative', 'cumulative': ('deaths',)}
    >>> Comparison().span, Comparison(compare_within=None).span
    (Timedelta('31 days 00:00:00'), None)
    """

    strategy: str = "median"
    compare_within: str | pd.Timedelta | int | None = AUTO
    cumulative: bool | Sequence[str] = False  #: stored as a tuple of str (or a bool)
    unit: str | None = None
    weights: str | None = None

    def __post_init__(self) -> None:
        if self.strategy not in ALL_STRATEGIES:
            raise FigureError("strategy", self.strategy, f"one of {', '.join(ALL_STRATEGIES)}")
        if self.compare_within is not None and not self.auto:
            object.__setattr__(
                self, "compare_within", _duration(self.compare_within, "compare_within")
            )
        if isinstance(self.cumulative, str):
            object.__setattr__(self, "cumulative", (self.cumulative,))
        elif not isinstance(self.cumulative, bool):
            object.__setattr__(self, "cumulative", tuple(self.cumulative))

    @property
    def auto(self) -> bool:
        """Whether the comparison window is ``"auto"`` (the default, which warns)."""
        cw = self.compare_within
        return isinstance(cw, str) and cw == AUTO

    @property
    def span(self) -> pd.Timedelta | None:
        """The comparison window as a :class:`pandas.Timedelta` (None: no window)."""
        cw = self.compare_within
        if self.auto:
            return DEFAULT_COMPARE_WITHIN
        return None if cw is None else pd.Timedelta(cw)

    def options(self) -> dict[str, Any]:
        """As keyword arguments of ``reconcile`` (defaults left out)."""
        out: dict[str, Any] = {}
        if self.strategy != "median":
            out["strategy"] = self.strategy
        if self.unit is not None:
            out["unit"] = self.unit
        if not self.auto:
            out["compare_within"] = self.compare_within
        if self.cumulative:
            out["cumulative"] = self.cumulative
        if self.weights is not None:
            out["weights"] = self.weights
        return out

    def steps(self) -> list[Step]:
        """What the comparison does, as data."""
        span = self.span
        out = [
            Step("compare_within", {"days": None if span is None else span.days}),
            Step("revisions"),
        ]
        if self.cumulative is not False:
            q = ("every quantity",) if self.cumulative is True else self.cumulative
            out.append(Step("cumulative", {"quantities": q}))
        out.append(Step("strategy", {"strategy": self.strategy}))
        if self.unit is not None:
            out.append(Step("unit", {"unit": self.unit}))
        return out

    def describe(self) -> list[str]:
        """The comparison in plain English, one phrase a step."""
        return [s.words() for s in self.steps()]


#: The separate arguments of a call that make its claim selection (besides
#: ``selection=`` itself), as the public methods spell them out.
SELECTION_ARGS = ("as_of", "window", "latest_per_source", "exclude_kinds", "dedupe", "sources")


def selection_of(
    selection: Selection | None,
    *,
    as_of: DateLike | None = None,
    window: str | pd.Timedelta | None = None,
    latest_per_source: bool = False,
    exclude_kinds: Sequence[str] | str = (),
    dedupe: bool = True,
    sources: SourceBook | None = None,
) -> Selection:
    """The :class:`Selection` of a call: ``selection`` itself, or one built from the
    separate arguments (giving both is an error, so nothing is silently ignored)."""
    if selection is None:
        return Selection(
            as_of=as_of,
            window=window,
            latest_per_source=latest_per_source,
            exclude_kinds=tuple(
                [exclude_kinds] if isinstance(exclude_kinds, str) else exclude_kinds
            ),
            dedupe=dedupe,
            sources=sources,
        )
    given = [
        name
        for name, value, default in (
            ("as_of", as_of, None),
            ("window", window, None),
            ("latest_per_source", latest_per_source, False),
            ("exclude_kinds", tuple(exclude_kinds), ()),
            ("dedupe", dedupe, True),
        )
        if value != default
    ]
    if given:
        values: dict[str, object] = {"as_of": as_of, "window": window}
        values["latest_per_source"] = latest_per_source
        values.update(exclude_kinds=exclude_kinds, dedupe=dedupe)
        raise FigureError(
            given[0], values[given[0]], "to be given in selection= (Selection(...)), not beside it"
        )
    if sources is not None and selection.sources is None:
        return Selection(
            as_of=selection.as_of,
            window=selection.window,
            latest_per_source=selection.latest_per_source,
            exclude_kinds=selection.exclude_kinds,
            dedupe=selection.dedupe,
            sources=sources,
        )
    return selection
