"""Dates as inclusive intervals: when a figure was stated, and what period it describes.

News dates are rarely a single day: "last week", "in October", "since August 2023".
A :class:`DateInterval` is an inclusive run of days ``[start, end]``, written in ISO
8601 forms that a spreadsheet user can type:

=======================  ===================================
text                     interval
=======================  ===================================
``2024-11-12``           that day
``2024-11``              the month
``2024-W45``             the ISO week (Monday to Sunday)
``2024-Q4``              the quarter
``2024``                 the year
``2024-11-04/2024-11-10`` from the start of one to the end of the other
``2023-08/..``           open-ended (only where an end can be supplied)
=======================  ===================================

Examples
--------
>>> DateInterval.parse("2024-W45")
DateInterval('2024-W45')
>>> DateInterval.parse("2024-11-04/2024-11-10").days
7
>>> str(DateInterval.parse("2023-08/2024-10"))
'2023-08/2024-10'
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from .errors import FigureError

__all__ = ["DateInterval", "parse_date_bounds"]

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_YEAR = re.compile(r"(\d{4})")

EXPECTED = (
    "an ISO date or period: 2024-11-12, 2024-11, 2024-W45, 2024-Q4, 2024, "
    "or start/end such as 2024-11-04/2024-11-10"
)


def _one(text: str) -> tuple[date, date]:
    """Start and end of a single ISO date or period."""
    t = text.strip()
    try:
        if m := _DAY.fullmatch(t):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _WEEK.fullmatch(t):
            d = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return d, d + timedelta(days=6)
        if m := _QUARTER.fullmatch(t):
            y, q = int(m[1]), int(m[2])
            last = 3 * q
            return date(y, last - 2, 1), date(y, last, calendar.monthrange(y, last)[1])
        if m := _MONTH.fullmatch(t):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        if m := _YEAR.fullmatch(t):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31)
    except ValueError as exc:
        raise FigureError("date", text, f"{EXPECTED} ({exc})") from None
    raise FigureError("date", text, EXPECTED)


def parse_date_bounds(text: str) -> tuple[date | None, date | None]:
    """Start and end of an ISO date, period or interval; ``None`` for an open ``..`` end.

    >>> parse_date_bounds("2023-08/..")
    (datetime.date(2023, 8, 1), None)
    """
    t = text.strip()
    if "/" in t:
        a, _, b = t.partition("/")
        start = None if a.strip() in ("", "..") else _one(a)[0]
        end = None if b.strip() in ("", "..") else _one(b)[1]
        if start is not None and end is not None and start > end:
            raise FigureError("date", text, f"start <= end ({EXPECTED})")
        return start, end
    return _one(t)


@dataclass(frozen=True, slots=True, order=True)
class DateInterval:
    """An inclusive interval of days.

    Parameters
    ----------
    start, end : datetime.date
        First and last day (``start <= end``).  ``datetime`` and ``pandas.Timestamp``
        are accepted and reduced to their date.
    """

    start: date
    end: date

    def __post_init__(self) -> None:
        s, e = _as_date("start", self.start), _as_date("end", self.end)
        if s > e:
            raise FigureError("start", s, f"a day on or before end={e.isoformat()}")
        object.__setattr__(self, "start", s)
        object.__setattr__(self, "end", e)

    # ------------------------------------------------------------------ builders
    @classmethod
    def parse(cls, text: str) -> DateInterval:
        """Read an ISO date, period or ``start/end`` interval (see module docs)."""
        if not isinstance(text, str):
            raise FigureError("date", text, EXPECTED)
        start, end = parse_date_bounds(text)
        if start is None or end is None:
            raise FigureError("date", text, "a closed interval here (no '..' end)")
        return cls(start, end)

    @classmethod
    def day(cls, d: date | str) -> DateInterval:
        """A single day."""
        d = _as_date("day", date.fromisoformat(d) if isinstance(d, str) else d)
        return cls(d, d)

    @classmethod
    def week_of(cls, d: date) -> DateInterval:
        """The ISO week (Monday-Sunday) holding ``d``."""
        d = _as_date("day", d)
        monday = d - timedelta(days=d.weekday())
        return cls(monday, monday + timedelta(days=6))

    @classmethod
    def month(cls, year: int, month: int) -> DateInterval:
        """A calendar month."""
        return cls(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))

    @classmethod
    def year(cls, year: int) -> DateInterval:
        """A calendar year."""
        return cls(date(year, 1, 1), date(year, 12, 31))

    # ------------------------------------------------------------------ queries
    @property
    def days(self) -> int:
        """Number of days covered."""
        return (self.end - self.start).days + 1

    @property
    def precision(self) -> str:
        """The coarsest calendar unit this interval is exactly: day, week, month,
        quarter, year, or ``interval``."""
        return _label(self.start, self.end)[1]

    def __contains__(self, d: object) -> bool:
        if isinstance(d, DateInterval):
            return self.start <= d.start and d.end <= self.end
        try:
            dd = _as_date("day", d)
        except FigureError:
            return False
        return self.start <= dd <= self.end

    def overlaps(self, other: DateInterval) -> bool:
        """Whether the two intervals share a day."""
        return self.start <= other.end and other.start <= self.end

    def __str__(self) -> str:
        return _label(self.start, self.end)[0]

    def __repr__(self) -> str:
        return f"DateInterval({str(self)!r})"


def _label(s: date, e: date) -> tuple[str, str]:
    if s == e:
        return s.isoformat(), "day"
    if s.weekday() == 0 and e - s == timedelta(days=6):
        y, w, _ = s.isocalendar()
        return f"{y}-W{w:02d}", "week"
    if s.day == 1 and s.year == e.year:
        last = calendar.monthrange(e.year, e.month)[1]
        if e.day == last:
            if s.month == e.month:
                return f"{s.year}-{s.month:02d}", "month"
            if s.month == 1 and e.month == 12:
                return f"{s.year}", "year"
            if s.month % 3 == 1 and e.month == s.month + 2:
                return f"{s.year}-Q{(s.month + 2) // 3}", "quarter"
    if s.day == 1 and e.day == calendar.monthrange(e.year, e.month)[1]:
        return f"{s.year}-{s.month:02d}/{e.year}-{e.month:02d}", "interval"
    return f"{s.isoformat()}/{e.isoformat()}", "interval"


def _as_date(name: str, value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    to_pydatetime = getattr(value, "to_pydatetime", None)
    if to_pydatetime is not None:  # pandas.Timestamp
        return to_pydatetime().date()
    if hasattr(value, "astype") and hasattr(value, "dtype"):  # numpy.datetime64
        return date.fromisoformat(str(value.astype("datetime64[D]")))
    raise FigureError(name, value, "a date")
