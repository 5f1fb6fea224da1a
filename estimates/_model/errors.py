"""The error and warning types of ``estimates``.

Every error raised on purpose by the library derives from :class:`EstimatesError`
*and* from the built-in exception it really is, so ``except ValueError`` keeps working
for users who do not know this library.  Each error carries its fields as attributes,
so callers can act on them without parsing the message.

Every error has a stable, machine-readable reason code, ``err.code``: a member of
:class:`ErrorCode` (a ``str`` enum, so ``err.code == "unit.unknown"`` holds).  Codes are
part of the public API: their values never change meaning.  A leaf has a default code
and a raise site may pass a more precise one (``code=ErrorCode.PARSE_EMPTY``).

Errors and warnings cross process boundaries (Dask workers, ``multiprocessing``): they
pickle with the standard library and keep their type, message, code and fields, like
pint's errors (``__reduce__`` rebuilds the object without calling ``__init__`` again).

Warnings derive from :class:`EstimatesWarning` (a ``UserWarning``).  Data-quality
warnings (:class:`DataQualityWarning`) say something is thin about the data but not
wrong: a claim with no source, no date, or pooled periods that do not overlap.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "ArgumentTypeError",
    "ClaimError",
    "ComparabilityError",
    "ComparabilityWarning",
    "DataQualityWarning",
    "DateError",
    "DependencyError",
    "ErrorCode",
    "EstimatesError",
    "EstimatesWarning",
    "FigureError",
    "LanguageError",
    "MissingColumnError",
    "MissingDateWarning",
    "MissingSourceWarning",
    "OptionError",
    "PairBudgetError",
    "ParseError",
    "RevisionWarning",
    "SourceError",
    "UnitError",
    "ValidationError",
]


class ErrorCode(StrEnum):
    """Stable reason codes of the library's errors (``err.code``).

    The value is a dotted string, ``"<area>.<reason>"``; compare with either the member
    or the string.  New codes may be added; existing ones keep their meaning.
    """

    #: No more precise reason (only the root class uses it; leaves have their own).
    UNSPECIFIED = "estimates.error"
    #: A text could not be read as a figure (the default of :class:`ParseError`).
    PARSE_UNREADABLE = "parse.unreadable"
    #: The text to read is empty.
    PARSE_EMPTY = "parse.empty"
    #: The text holds no number.
    PARSE_NO_NUMBER = "parse.no_number"
    #: The text could be read more than one way (e.g. ambiguous separators).
    PARSE_AMBIGUOUS = "parse.ambiguous"
    #: The language is not one the library reads or writes.
    LANGUAGE_UNSUPPORTED = "language.unsupported"
    #: A figure's fields break its invariants (the default of :class:`FigureError`).
    FIGURE_INVALID = "figure.invalid"
    #: A date or period is unreadable or inverted.
    DATE_INVALID = "date.invalid"
    #: A claim's fields break its invariants.
    CLAIM_INVALID = "claim.invalid"
    #: A source book (aliases, weights) is invalid.
    SOURCE_INVALID = "source.invalid"
    #: A conventions profile is invalid or unknown.
    CONVENTIONS_INVALID = "conventions.invalid"
    #: A unit is unknown.
    UNIT_UNKNOWN = "unit.unknown"
    #: Two units cannot be compared (different dimensions).
    UNIT_INCOMPATIBLE = "unit.incompatible"
    #: Claims that cannot be pooled were asked to be pooled.
    NOT_COMPARABLE = "comparability.not_comparable"
    #: A pairwise computation exceeds its pair budget.
    PAIR_BUDGET_EXCEEDED = "pairs.budget_exceeded"
    #: Rows of a claims table are invalid.
    VALIDATION_FAILED = "validation.failed"
    #: An option has a value outside what it accepts.
    OPTION_INVALID = "option.invalid"
    #: An argument has the wrong type.
    ARGUMENT_TYPE = "argument.type"
    #: A column (or key) that is needed is missing.
    COLUMN_MISSING = "column.missing"
    #: An optional dependency is not installed.
    DEPENDENCY_MISSING = "dependency.missing"
    #: A message catalogue lacks a message (a defect of the catalogue).
    MESSAGE_MISSING = "i18n.message_missing"
    #: The files a shuffle wrote are missing or not what was written.
    SHUFFLE_FILES = "engine.shuffle_files"


def _restore(cls: type[BaseException], args: tuple[Any, ...]) -> BaseException:
    """Rebuild an error from its class and message without calling ``__init__``."""
    obj = cls.__new__(cls, *args)
    obj.args = args
    return obj


class EstimatesError(Exception):
    """Root of every error raised on purpose by ``estimates``.

    Attributes
    ----------
    code : ErrorCode
        The stable reason code (see :class:`ErrorCode`).
    """

    code: ErrorCode = ErrorCode.UNSPECIFIED  # every leaf sets its own default

    def _set_code(self, code: ErrorCode | str | None) -> None:
        if code is not None:
            self.code = ErrorCode(code)

    def __reduce__(self) -> tuple[Any, ...]:
        # Leaves take their fields as constructor arguments, so the default
        # ``(cls, self.args)`` would call ``__init__`` with the message only.  Rebuild
        # from the message and restore the fields (and code) as state instead.
        return (_restore, (type(self), self.args), self.__dict__.copy())

    def fields(self) -> dict[str, Any]:
        """The error's fields (and code) as a dict, e.g. for logs or JSON."""
        out = {k: v for k, v in vars(self).items() if not k.startswith("_")}
        out["code"] = self.code
        return out


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
    code : ErrorCode
        ``parse.unreadable`` by default; ``parse.empty``, ``parse.no_number`` ...
    """

    code = ErrorCode.PARSE_UNREADABLE

    def __init__(
        self,
        text: str,
        reason: str,
        *,
        lang: str = "en",
        expected: str = "a number with an optional hedge and unit, e.g. 'about 10,000 soldiers'",
        position: int | None = None,
        code: ErrorCode | str | None = None,
    ) -> None:
        self._set_code(code)
        self.text = text
        self.lang = lang
        self.reason = reason
        self.expected = expected
        self.position = position
        where = f" at character {position}" if position is not None else ""
        super().__init__(
            f"cannot read {_clip(text, 120)!r} ({lang}){where}: {reason}; expected {expected}"
        )


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
    code : ErrorCode
        ``figure.invalid`` by default (leaves: ``date.invalid``, ``claim.invalid`` ...).
    """

    code = ErrorCode.FIGURE_INVALID

    def __init__(
        self, field: str, value: Any, expected: str, *, code: ErrorCode | str | None = None
    ) -> None:
        self._set_code(code)
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
    reason : str
        What went wrong, in words.
    code : ErrorCode
        ``unit.incompatible`` when ``other`` is given, else ``unit.unknown``.
    """

    code = ErrorCode.UNIT_UNKNOWN

    def __init__(
        self,
        unit: str,
        reason: str,
        *,
        other: str | None = None,
        quantity: str | None = None,
        code: ErrorCode | str | None = None,
    ) -> None:
        if code is None and other is not None:
            code = ErrorCode.UNIT_INCOMPATIBLE
        self._set_code(code)
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

    code = ErrorCode.NOT_COMPARABLE

    def __init__(self, group: Any, reason: str, *, code: ErrorCode | str | None = None) -> None:
        self._set_code(code)
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
    group : object or None
        The group whose pairs exceed the budget, when the budget is per group.
    """

    code = ErrorCode.PAIR_BUDGET_EXCEEDED

    def __init__(
        self, pairs: int, budget: int, *, group: Any = None, code: ErrorCode | str | None = None
    ) -> None:
        self._set_code(code)
        self.group = group
        self.pairs = pairs
        self.budget = budget
        where = f"group {group!r}: " if group is not None else ""
        super().__init__(
            f"{where}{pairs:,} claim pairs exceed the pair budget of {budget:,}; pass a larger "
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
    code = ErrorCode.VALIDATION_FAILED

    def __init__(
        self,
        failures: pd.DataFrame,
        *,
        what: str = "claims table",
        code: ErrorCode | str | None = None,
    ) -> None:
        self._set_code(code)
        self.failures = failures
        self.what = what
        super().__init__(self._message())

    def _message(self) -> str:
        failures = self.failures
        n = len(failures)
        where_cols = [c for c in ("file", "row") if c in failures.columns]
        rows = len(failures.loc[failures["row"].notna(), where_cols].drop_duplicates()) if n else 0
        head = failures.head(self.max_shown)
        where = f"in {rows} row{'s' if rows != 1 else ''}" if rows else "with the columns"
        lines = [f"{n} problem{'s' if n != 1 else ''} {where} of the {self.what}:"]
        cols = [
            c
            for c in ("file", "row", "line", "id", "column", "value", "expected")
            if c in head.columns
        ]
        if "id" in cols and head["id"].isna().all():
            cols.remove("id")
        table = head[cols].astype(object).where(head[cols].notna(), "")
        for c in cols:
            if c == "expected":
                table[c] = table[c].map(lambda v: _clip(str(v), 200))
            elif c == "file":  # its name is at the end: clip the folders
                table[c] = table[c].map(lambda v: v if len(v) <= 60 else "..." + v[-57:])
            else:
                table[c] = table[c].map(lambda v: _clip(repr(v) if isinstance(v, str) else str(v)))
        widths = {c: max(len(c), *(len(s) for s in table[c])) for c in cols}
        lines.append("  " + "  ".join(c.ljust(widths[c]) for c in cols).rstrip())
        for _, rec in table.iterrows():
            lines.append("  " + "  ".join(str(rec[c]).ljust(widths[c]) for c in cols).rstrip())
        if n > self.max_shown:
            lines.append(f"  ... +{n - self.max_shown} more (see .failures)")
        return "\n".join(lines)


class DateError(FigureError):
    """A date or period is unreadable, inverted, or open where it must be closed.

    Same fields as :class:`FigureError` (``field``, ``value``, ``expected``).
    """

    code = ErrorCode.DATE_INVALID


class ClaimError(FigureError):
    """A claim was built from values that break its invariants.

    Same fields as :class:`FigureError` (``field``, ``value``, ``expected``).
    """

    code = ErrorCode.CLAIM_INVALID


class SourceError(FigureError):
    """A source book (names, aliases, weights) is invalid.

    Same fields as :class:`FigureError` (``field``, ``value``, ``expected``).
    """

    code = ErrorCode.SOURCE_INVALID


class LanguageError(ParseError):
    """A language is not one the library reads (or writes).

    Raised wherever a language is asked for: reading figures (``parse``, ``extract``),
    writing sentences (``describe``, ``report``) and looking up messages.

    Attributes
    ----------
    lang : str
        The language asked for, as given (a value that is not a string, such as a
        table passed in its place, is named by its type).
    supported : tuple of str
        The languages that would have been accepted.
    text : str
        The text that was to be read in it ("" when nothing was being read).
    """

    code = ErrorCode.LANGUAGE_UNSUPPORTED

    def __init__(
        self,
        lang: Any,
        supported: Iterable[str] = (),
        *,
        text: str = "",
        code: ErrorCode | str | None = None,
    ) -> None:
        self._set_code(code)
        if isinstance(lang, str):
            shown = _clip(repr(lang), 40)
        elif lang is None:
            shown = "None"
        else:  # say what it is, not its repr (a whole table, passed by mistake)
            shown = f"(a {type(lang).__name__}, not a language tag)"
        self.supported = tuple(str(s) for s in supported)
        self.text = text
        self.lang = lang if isinstance(lang, str) and len(lang) <= 40 else shown
        self.reason = f"unsupported language {shown}"
        self.expected = (
            "one of " + ", ".join(repr(x) for x in self.supported)
            if self.supported
            else "a supported language code"
        ) + " (or a tag such as 'en-GB', 'fr-FR', 'fr_CA')"
        self.position = None
        if text:
            message = f"cannot read {_clip(text, 120)!r}: {self.reason}; expected {self.expected}"
        else:
            message = f"{self.reason}: expected {self.expected}"
        Exception.__init__(self, message)


class OptionError(EstimatesError, ValueError):
    """An option (a function argument) has a value outside what it accepts.

    Attributes
    ----------
    option : str
        The option's name.
    value : object
        The value given.
    expected : str
        What would have been accepted.
    """

    code = ErrorCode.OPTION_INVALID

    def __init__(
        self, option: str, value: Any, expected: str, *, code: ErrorCode | str | None = None
    ) -> None:
        self._set_code(code)
        self.option = option
        self.value = value
        self.expected = expected
        super().__init__(f"{option}={_clip(repr(value), 120)}: expected {expected}")


class ArgumentTypeError(EstimatesError, TypeError):
    """An argument has the wrong type.

    Attributes
    ----------
    argument : str
        The argument's name.
    value : object
        The value given.
    expected : str
        The type(s) that would have been accepted.
    """

    code = ErrorCode.ARGUMENT_TYPE

    def __init__(
        self, argument: str, value: Any, expected: str, *, code: ErrorCode | str | None = None
    ) -> None:
        self._set_code(code)
        self.argument = argument
        self.value = value
        self.expected = expected
        super().__init__(
            f"{argument}: expected {expected}, got {type(value).__name__} {_clip(repr(value), 80)}"
        )


class MissingColumnError(EstimatesError, KeyError):
    """A column (or key) that is needed is missing.

    Attributes
    ----------
    column : str
        The missing column.
    available : tuple of str
        The columns (keys) that are there.
    what : str
        What was looked in (``"claims table"``, ``"profile"`` ...).
    """

    code = ErrorCode.COLUMN_MISSING

    def __init__(
        self,
        column: str,
        available: Any = (),
        *,
        what: str = "claims table",
        code: ErrorCode | str | None = None,
    ) -> None:
        self._set_code(code)
        self.column = column
        self.available = tuple(str(a) for a in available)
        self.what = what
        shown = ", ".join(repr(a) for a in self.available[:30])
        more = f" (+{len(self.available) - 30} more)" if len(self.available) > 30 else ""
        has = f"; it has {shown}{more}" if self.available else ""
        super().__init__(f"no column {column!r} in the {what}{has}")

    def __str__(self) -> str:  # KeyError would print the repr of the message
        return str(self.args[0]) if self.args else ""


class DependencyError(EstimatesError, ImportError):
    """An optional dependency is not installed.

    Attributes
    ----------
    package : str
        The missing package.
    extra : str
        The ``estimates`` extra that installs it (``pip install 'estimates[extra]'``).
    feature : str
        What needs it.
    """

    code = ErrorCode.DEPENDENCY_MISSING

    def __init__(
        self, package: str, extra: str, feature: str, *, code: ErrorCode | str | None = None
    ) -> None:
        self._set_code(code)
        self.package = package
        self.extra = extra
        self.feature = feature
        super().__init__(f"{feature} needs {package}: pip install 'estimates[{extra}]'")


class ShuffleError(EstimatesError, OSError):
    """The files of a file shuffle (:mod:`estimates.dask`) are missing or not what was
    written: a folder the workers do not all see, or files deleted before every
    partition had read them.

    Attributes
    ----------
    directory : str
        The shuffle's folder.
    partition : int
        The output partition that could not read its rows.
    reason : str
        What was wrong, and what to do.
    """

    code = ErrorCode.SHUFFLE_FILES

    def __init__(
        self,
        directory: str,
        partition: int,
        reason: str,
        *,
        code: ErrorCode | str | None = None,
    ) -> None:
        self._set_code(code)
        self.directory = directory
        self.partition = partition
        self.reason = reason
        super().__init__(f"shuffle folder {directory}, partition {partition}: {reason}")


def _clip(s: str, width: int = 60) -> str:
    return s if len(s) <= width else s[: width - 3] + "..."


class EstimatesWarning(UserWarning):
    """Root of every warning issued by ``estimates``.

    Warnings are built from their message only, so they pickle as they are.
    """


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
