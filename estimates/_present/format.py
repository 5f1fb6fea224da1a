"""The one formatter of numbers, ranges, intervals and dates for readers.

Sentences, tables, charts, reports and the CLI write numbers and dates through this
module, in the words of the language's message catalogue (:mod:`estimates._i18n`) and
the digits of its Babel locale (CLDR): "12,000" and "12 000" (narrow no-break space
U+202F), "1.49 million" and "1,49 million", "4 November 2024" and "4 novembre 2024",
"week of 4 November 2024" and "semaine du 4 novembre 2024".

Precision: a number is written with exactly the digits it has (the shortest that give
back the same float), never rounded and never padded.  A scale word ("million") is
used only when the number divided by the scale needs at most ``scale_decimals``
decimals (2 in both shipped languages): 1,490,000 is "1.49 million", 1,225,000 stays
"1,225,000".  Rounding derived numbers (means, gaps) to the precision of what sources
stated is the sentence writer's job (:func:`estimates._present.style.round_to`).

:func:`estimates._parsing.render.format_number` is another thing: it writes digits the
parser reads back exactly (no scale words, no locale variants), for round trips.

Examples
--------
>>> format_number(1_490_000, "en", scale=True), format_number(1_490_000, "fr", scale=True)
('1.49 million', '1,49 million')
>>> format_number(12000, "fr") == "12\\u202f000"
True
>>> format_number(float("inf")), format_number(float("nan"))
('∞', '')
>>> from datetime import date
>>> format_period(date(2024, 11, 4), date(2024, 11, 10), "fr")
'semaine du 4 novembre 2024'
>>> format_range(13000, float("inf"), "en", low_closed=False)
'more than 13,000'
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
from babel import Locale
from babel.dates import format_date
from babel.numbers import (
    format_decimal,
    format_scientific,
    get_decimal_symbol,
    get_group_symbol,
    get_minus_sign_symbol,
    parse_pattern,
)

from .._i18n import translator
from .._i18n.catalogue import generation
from .._model.dates import DateInterval
from .._model.missing import is_missing

__all__ = [
    "DateWords",
    "date_words",
    "digits",
    "format_day",
    "format_interval",
    "format_number",
    "format_period",
    "format_periods",
    "format_range",
    "format_stated",
    "locale_of",
    "plain",
    "scale_parts",
]


@lru_cache(maxsize=64)
def _locale(lang: str, _gen: int) -> str:
    return translator(lang)("locale", context="style")


def locale_of(lang: str) -> str:
    """The Babel locale of a language's catalogue ("fr" -> "fr_FR")."""
    return _locale(translator(lang).lang, generation())


@lru_cache(maxsize=64)
def _symbols(locale: str) -> tuple[str, str, str, tuple[int, int], int]:
    """(group, decimal, minus, (primary, secondary) grouping, minimum grouping digits)."""
    loc = Locale.parse(locale)
    pattern = parse_pattern(loc.decimal_formats[None])
    # CLDR's minimum grouping digits (2 in Spanish: "1000" but "10 000"), measured.
    group = get_group_symbol(loc)
    minimum = 1 if group in format_decimal(1000, locale=loc) else 2
    return group, get_decimal_symbol(loc), get_minus_sign_symbol(loc), pattern.grouping, minimum


def plain(x: float) -> bool:
    """Whether ``x`` is written as a row of digits: 0, or 1e-6 <= |x| < 1e21.  Other
    finite numbers (1e40, 1e-300) are written in scientific notation, never as a row
    of forty zeros."""
    ax = abs(float(x))
    return ax == 0 or 1e-6 <= ax < 1e21 or not math.isfinite(ax)


def digits(x: float, locale: str) -> str:
    """``x`` with exactly its digits (the shortest that give back the float), grouped
    in the locale; in scientific notation when not :func:`plain` ("1.5E40").  Written
    by hand from the locale's symbols: Babel rounds to 28 significant digits and fails
    on 1e40 or 1e-300.

    >>> digits(1.5e40, "en_GB"), digits(-2.5e-300, "fr_FR"), digits(0.000123, "en_GB")
    ('1.5E40', '-2,5E-300', '0.000123')
    """
    if not plain(x):
        mantissa = len(Decimal(repr(float(x))).normalize().as_tuple().digits)
        pattern = "0." + "#" * (mantissa - 1) + "E0" if mantissa > 1 else "0E0"
        return format_scientific(Decimal(repr(float(x))), pattern, locale=locale)
    group, mark, minus, (primary, secondary), minimum = _symbols(locale)
    text = format(abs(Decimal(repr(float(x)))), "f")
    int_part, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    if len(int_part) >= primary + minimum:
        head, groups = int_part[:-primary], [int_part[-primary:]]
        while len(head) > secondary:
            groups.append(head[-secondary:])
            head = head[:-secondary]
        groups.append(head)
        int_part = group.join(reversed(groups))
    out = int_part + (mark + frac if frac else "")
    return (minus if x < 0 else "") + out


@lru_cache(maxsize=64)
def _scales(lang: str, _gen: int) -> tuple[tuple[float, int], ...]:
    """(value, decimals) of the language's scale words, largest first."""
    t = translator(lang)
    decimals = int(t("scale_decimals", context="style"))
    found = [
        (float(v), decimals)
        for v in ("1000000000000", "1000000000", "1000000")
        if t.has(v, "scale")
    ]
    return tuple(found)


def scale_parts(x: float, lang: str) -> tuple[Decimal, float] | None:
    """``(q, scale)`` when ``x`` is written ``q`` times a scale word ("1.49 million"),
    else None.  Exact: only when ``q`` needs at most the catalogue's
    ``scale_decimals`` decimals.

    >>> scale_parts(1_490_000, "en")
    (Decimal('1.49'), 1000000.0)
    >>> scale_parts(1_225_000, "en") is None, scale_parts(1e40, "en") is None
    (True, True)
    """
    ax = abs(float(x))
    if not math.isfinite(ax) or not plain(ax):
        return None
    key = translator(lang).lang
    for value, decimals in _scales(key, generation()):
        if ax >= value:
            q = (Decimal(repr(ax)) / Decimal(repr(value))).normalize()
            exponent = q.as_tuple().exponent
            if isinstance(exponent, int) and exponent >= -decimals:
                return (q if x >= 0 else -q), value
            return None
    return None


def format_number(
    value: Any, lang: str = "en", *, scale: bool = False, decimals: int | None = None
) -> str:
    """A number for readers, in the language's digits.

    Parameters
    ----------
    value : float
        The number.  NaN, None or ``pd.NA`` gives ``""``; infinities ``"∞"`` / ``"-∞"``.
    lang : str
        Language tag ("en", "fr-FR").
    scale : bool
        Write round figures of a million or more with a scale word ("1.49 million").
    decimals : int, optional
        Round to this many decimals and show them all ("4.0" beside "5.6"); by default
        the number's own digits.

    Returns
    -------
    str

    Examples
    --------
    >>> format_number(1e40, scale=True), format_number(-2.5e-300, "fr")
    ('1E40', '-2,5E-300')
    >>> format_number(4, decimals=1), format_number(4.04, "fr", decimals=1)
    ('4.0', '4,0')
    """
    if is_missing(value):
        return ""
    x = float(value)
    if math.isnan(x):
        return ""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    locale = locale_of(lang)
    if scale:
        parts = scale_parts(x, lang)
        if parts is not None:
            q, v = parts
            word = translator(lang).plural(str(int(v)), float(q), context="scale")
            return f"{digits(float(q), locale)} {word}"
    if decimals is None or not plain(x):
        return digits(x, locale)
    mark = _symbols(locale)[1]
    whole, _, frac = digits(round(x, decimals), locale).partition(mark)
    return whole + (mark + frac.ljust(decimals, "0") if decimals > 0 else "")


def format_range(
    low: float,
    high: float,
    lang: str = "en",
    *,
    low_closed: bool = True,
    high_closed: bool = True,
    scale: bool = False,
    compact: bool = False,
) -> str:
    """A range in words: "2,000 to 10,000", "more than 13,000", "at most 5", "12,000".

    Open ends take the hedge of the catalogue (``more_than``/``at_least``,
    ``less_than``/``at_most``); a point is one number.  ``scale`` as in
    :func:`format_number`; ``compact`` joins a bounded range with an en dash,
    for table cells ("2,000–10,000").

    >>> format_range(2000, 10000, "fr", compact=True) == "2\u202f000–10\u202f000"
    True
    """
    t = translator(lang)

    def n(x: float) -> str:
        return format_number(x, lang, scale=scale)

    lo_inf, hi_inf = math.isinf(low), math.isinf(high)
    if hi_inf and not lo_inf:
        return t("at_least" if low_closed else "more_than", context="hedge", n=n(low))
    if lo_inf and not hi_inf:
        return t("at_most" if high_closed else "less_than", context="hedge", n=n(high))
    if low == high:
        return n(low)
    if compact:
        return f"{n(low)}–{n(high)}"
    return t("range", context="hedge", a=n(low), b=n(high))


def format_interval(
    low: float, high: float, low_closed: bool = True, high_closed: bool = True, lang: str = "en"
) -> str:
    """Interval notation: "[0, 12,000]", "(13,000, ∞)", "[10,000]" (French separates
    the bounds with " ; ", as its decimal mark is a comma)."""
    a, b = format_number(low, lang), format_number(high, lang)
    if low == high:
        return f"[{a}]"
    sep = "\u202f; " if translator(lang).lang == "fr" else ", "
    return f"{'[' if low_closed else '('}{a}{sep}{b}{']' if high_closed else ')'}"


# ---------------------------------------------------------------------- dates
@dataclass(frozen=True, slots=True)
class DateWords:
    """How a language writes days and spans of days (CLDR patterns and templates)."""

    locale: str
    day_pattern: str
    day_month_pattern: str
    month_pattern: str
    quarter_pattern: str
    year_pattern: str
    week: str
    between_days: str
    between_months: str
    first_of_month: str | None = None


@lru_cache(maxsize=64)
def _date_words(lang: str, _gen: int) -> DateWords:
    t = translator(lang)

    def s(key: str) -> str:
        return t(key, context="style")

    return DateWords(
        locale=s("locale"),
        day_pattern=s("day_pattern"),
        day_month_pattern=s("day_month_pattern"),
        month_pattern=s("month_pattern"),
        quarter_pattern=s("quarter_pattern"),
        year_pattern=s("year_pattern"),
        week=s("week"),
        between_days=s("between_days"),
        between_months=s("between_months"),
        first_of_month=s("first_of_month") or None,
    )


def date_words(lang: str) -> DateWords:
    """The date words of a language's catalogue."""
    return _date_words(translator(lang).lang, generation())


def _words(lang: str | DateWords) -> DateWords:
    return lang if isinstance(lang, DateWords) else date_words(lang)


def format_day(d: date, lang: str | DateWords = "en", pattern: str | None = None) -> str:
    """A day: "4 November 2024", "1er novembre 2024"."""
    w = _words(lang)
    p = pattern or w.day_pattern
    if d.day == 1 and w.first_of_month:
        p = p.replace("d", f"'{w.first_of_month}'", 1)
    return format_date(d, p, locale=w.locale)


def format_period(start: date, end: date, lang: str | DateWords = "en") -> str:
    """A span of days as readers say it: a day, a week, a month, a quarter, a year,
    or "between ... and ...".

    >>> format_period(date(2024, 10, 1), date(2024, 10, 31))
    'October 2024'
    >>> format_period(date(2024, 11, 4), date(2024, 11, 20))
    'between 4 and 20 November 2024'
    >>> format_period(date(2023, 8, 1), date(2024, 10, 31), "fr")
    'entre août 2023 et octobre 2024'
    """
    w = _words(lang)
    precision = DateInterval(start, end).precision
    if precision == "day":
        return format_day(start, w)
    if precision == "week":
        return w.week.format(day=format_day(start, w))
    if precision == "month":
        return format_date(start, w.month_pattern, locale=w.locale)
    if precision == "quarter":
        return format_date(start, w.quarter_pattern, locale=w.locale)
    if precision == "year":
        return format_date(start, w.year_pattern, locale=w.locale)
    whole_months = start.day == 1 and DateInterval.month(end.year, end.month).end == end
    if whole_months:
        first = "MMMM" if start.year == end.year else w.month_pattern
        return w.between_months.format(
            start=format_date(start, first, locale=w.locale),
            end=format_date(end, w.month_pattern, locale=w.locale),
        )
    if (start.year, start.month) == (end.year, end.month):
        first = format_day(start, w, "d")
    elif start.year == end.year:
        first = format_day(start, w, w.day_month_pattern)
    else:
        first = format_day(start, w)
    return w.between_days.format(start=first, end=format_day(end, w))


def format_stated(start: Any, end: Any, lang: str = "en") -> str:
    """When a claim was stated, in words ("week of 4 November 2024"); the catalogue's
    ``undated`` word when either end is missing.

    >>> format_stated(None, None, "fr"), format_stated("2024-11-04", "2024-11-10")
    ('sans date', 'week of 4 November 2024')
    """
    if is_missing(start) or is_missing(end):
        return translator(lang)("undated", context="chart")
    return format_period(pd.Timestamp(start).date(), pd.Timestamp(end).date(), lang)


def format_periods(
    starts: Sequence[Any] | pd.Series | np.ndarray,
    ends: Sequence[Any] | pd.Series | np.ndarray,
    lang: str = "en",
) -> np.ndarray:
    """:func:`format_period` for columns of start and end timestamps; missing dates
    give ``""``.  Each distinct span is written once."""
    s = pd.to_datetime(pd.Series(np.asarray(starts, dtype=object)), errors="coerce")
    e = pd.to_datetime(pd.Series(np.asarray(ends, dtype=object)), errors="coerce")
    out = np.full(len(s), "", dtype=object)
    ok = (s.notna() & e.notna()).to_numpy()
    if not ok.any():
        return out
    w = date_words(lang)
    pairs = pd.DataFrame({"s": s[ok].to_numpy(), "e": e[ok].to_numpy()})
    codes, uniques = pd.factorize(pd.MultiIndex.from_frame(pairs))
    texts = np.array(
        [format_period(pd.Timestamp(a).date(), pd.Timestamp(b).date(), w) for a, b in uniques],
        dtype=object,
    )
    out[ok] = texts[codes]
    return out
