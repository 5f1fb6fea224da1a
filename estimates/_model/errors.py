"""The error and warning types of ``estimates``.

Every error raised on purpose by the library derives from :class:`EstimatesError`
*and* from the built-in exception it really is, so ``except ValueError`` keeps working
for users who do not know this library.  Each error carries its fields as attributes,
so callers can act on them without parsing the message.

Warnings derive from :class:`EstimatesWarning` (a ``UserWarning``).  Data-quality
warnings (:class:`DataQualityWarning`) say something is thin about the data but not
wrong: a claim with no source, no date, or pooled periods that do not overlap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "ComparabilityError",
    "ComparabilityWarning",
    "DataQualityWarning",
    "EstimatesError",
    "EstimatesWarning",
    "FigureError",
    "MissingDateWarning",
    "MissingSourceWarning",
    "PairBudgetError",
    "ParseError",
    "RevisionWarning",
    "UnitError",
    "ValidationError",
]


class EstimatesError(Exception):
    """Root of every error raised on purpose by ``estimates``."""


class ParseError(EstimatesError, ValueError):
    """A text holds no figure, or not one we can read without guessing.

    Attributes
    ----------
    text : str
        The text given.
    lang : str
        The language it was read in.
    reason : str
        What went wrong, in words.
    expected : str
        What would have been accepted.
    position : int or None
        Character offset where reading failed, if known.
    """

    def __init__(
        self,
        text: str,
        reason: str,
        *,
        lang: str = "en",
        expected: str = "a number with an optional hedge and unit, e.g. 'about 10,000 soldiers'",
        position: int | None = None,
    ) -> None:
        self.text = text
        self.lang = lang
        self.reason = reason
        self.expected = expected
        self.position = position
        shown = text if len(text) <= 120 else text[:117] + "..."
        where = f" at character {position}" if position is not None else ""
        super().__init__(f"cannot read {shown!r} ({lang}){where}: {reason}; expected {expected}")


class FigureError(EstimatesError, ValueError):
    """A figure (or claim) was built from values that break its invariants.

    Attributes
    ----------
    field : str
        The offending field (``"low"``, ``"best"`` ...).
    value : object
        The value given.
    expected : str
        What the field must satisfy.
    """

    def __init__(self, field: str, value: Any, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(f"{field}={value!r}: expected {expected}")


class UnitError(EstimatesError, ValueError):
    """A unit is unknown, or two units cannot be compared.

    Attributes
    ----------
    unit : str
        The unit at fault.
    other : str or None
        The unit it was compared with, if any.
    quantity : str or None
        The quantity (group) where the clash happened, if any.
    """

    def __init__(
        self,
        unit: str,
        reason: str,
        *,
        other: str | None = None,
        quantity: str | None = None,
    ) -> None:
        self.unit = unit
        self.other = other
        self.quantity = quantity
        self.reason = reason
        super().__init__(reason)


class ComparabilityError(EstimatesError, ValueError):
    """Claims that cannot be pooled were asked to be pooled.

    Attributes
    ----------
    group : object
        The group key where the problem is.
    reason : str
        Why the claims are not comparable.
    """

    def __init__(self, group: Any, reason: str) -> None:
        self.group = group
        self.reason = reason
        super().__init__(f"group {group!r}: {reason}")


class PairBudgetError(EstimatesError, ValueError):
    """A pairwise computation would exceed its pair budget.

    Attributes
    ----------
    pairs : int
        How many pairs the computation needs.
    budget : int
        The budget it was given.
    """

    def __init__(self, pairs: int, budget: int) -> None:
        self.pairs = pairs
        self.budget = budget
        super().__init__(
            f"{pairs:,} claim pairs exceed the pair budget of {budget:,}; pass a larger "
            "max_pairs=, or narrow the claims (by quantity, as_of=, window=) first"
        )


class ValidationError(EstimatesError, ValueError):
    """One or more rows of a claims table are invalid.

    Every failure is collected before raising (like pandera's lazy mode).

    Attributes
    ----------
    failures : pandas.DataFrame
        One row per failure, with columns ``row`` (the row label in the input),
        ``id`` (the claim id, when the table has one), ``column``, ``value`` and
        ``expected``.
    """

    max_shown = 20

    def __init__(self, failures: pd.DataFrame, *, what: str = "claims table") -> None:
        self.failures = failures
        self.what = what
        super().__init__(self._message())

    def _message(self) -> str:
        failures = self.failures
        n = len(failures)
        rows = failures["row"].nunique() if n else 0
        head = failures.head(self.max_shown)
        where = f"in {rows} row{'s' if rows != 1 else ''}" if rows else "with the columns"
        lines = [f"{n} problem{'s' if n != 1 else ''} {where} of the {self.what}:"]
        cols = [
            c for c in ("row", "line", "id", "column", "value", "expected") if c in head.columns
        ]
        if "id" in cols and head["id"].isna().all():
            cols.remove("id")
        table = head[cols].astype(object).where(head[cols].notna(), "")
        for c in cols:
            if c == "expected":
                table[c] = table[c].map(lambda v: _clip(str(v), 200))
            else:
                table[c] = table[c].map(lambda v: _clip(repr(v) if isinstance(v, str) else str(v)))
        widths = {c: max(len(c), *(len(s) for s in table[c])) for c in cols}
        lines.append("  " + "  ".join(c.ljust(widths[c]) for c in cols).rstrip())
        for _, rec in table.iterrows():
            lines.append("  " + "  ".join(str(rec[c]).ljust(widths[c]) for c in cols).rstrip())
        if n > self.max_shown:
            lines.append(f"  ... +{n - self.max_shown} more (see .failures)")
        return "\n".join(lines)


def _clip(s: str, width: int = 60) -> str:
    return s if len(s) <= width else s[: width - 3] + "..."


class EstimatesWarning(UserWarning):
    """Root of every warning issued by ``estimates``."""


class DataQualityWarning(EstimatesWarning):
    """The data are usable but thin: something a careful reader would want to know."""


class MissingSourceWarning(DataQualityWarning):
    """Some claims name no source."""


class MissingDateWarning(DataQualityWarning):
    """Some claims have no statement date, so time filters cannot place them."""


class ComparabilityWarning(DataQualityWarning):
    """Claims pooled together describe periods that do not overlap."""


class RevisionWarning(DataQualityWarning):
    """A cumulative quantity went down between two claims of the same source."""
