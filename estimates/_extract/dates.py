"""Dates in news text, resolved against the publication date as inclusive intervals.

:func:`find_dates` finds date expressions in a stretch of text ("lundi", "la semaine
dernière", "début août", "on 7 November", "three days ago", "depuis août 2023") and
resolves each to a :class:`~estimates.DateInterval` of days, relative to the
publication date of the article.  One compiled pattern per language finds them (no
nested quantifiers, so matching is linear in the text); resolution is arithmetic.

Rules
-----
All relative expressions are read from the publication day ``P`` (the article's
"now"), in the past: news reports what was said, not what will be.

===================================  =============================================
expression                           interval
===================================  =============================================
weekday ("lundi", "on Monday")        the most recent such day on or before ``P``:
                                      the publication weekday itself means ``P``
"last Monday" / "lundi dernier"       the most recent such day strictly before ``P``
"hier" / "yesterday"                  ``P - 1``; "avant-hier" / "the day before
                                      yesterday" ``P - 2``; "aujourd'hui" / "today",
                                      "ce matin", "tonight" ... ``P``
"cette semaine" / "this week"         Monday of ``P``'s ISO week to ``P``
"la semaine dernière" / "last week"   the ISO week before ``P``'s (Monday-Sunday)
"ce mois-ci" / "this month"           first of ``P``'s month to ``P``
"le mois dernier" / "last month"      the calendar month before ``P``'s
"cette année" / "this year"           1 January to ``P``
"l'an dernier" / "last year"          the calendar year before ``P``'s
"en octobre" / "in October"           the most recent October that began on or before
                                      ``P`` (cut at ``P`` when it holds ``P``); with a
                                      year, that month; "last October" is the most
                                      recent October before ``P``'s month
"début / mi- / fin août",             days 1-10, 11-20 and 21-end of that month
"early / mid / late August"           (year as for a month)
"le 7 novembre" / "on 7 November"     that day, in the most recent year that puts it on
                                      or before ``P`` (with a year: that day)
"en 2023" / "in 2023"                 the year (cut at ``P``)
"il y a 3 jours" / "three days ago"   ``P - 3``; N weeks ago: the ISO week holding
                                      ``P - 7N``; N months ago: the calendar month N
                                      before ``P``'s; N years ago: that calendar year
"au cours des dernières 24 heures",   from ``P`` less the period (hours rounded up
"over the past 24 hours"              to days) to ``P``
"depuis X" / "since X"                from the start of X to the end of the statement
                                      (``since=True``; the caller closes it)
===================================  =============================================

Plain dates (a day and a month, "yesterday", "N days ago") are resolved by
``dateparser`` when it is installed (``pip install 'estimates[extract]'``), with the
publication date as base, past preference and the article's language; the rules
above (which ``dateparser`` lacks: weekday of publication, sub-month modifiers,
"since", "last + weekday", periods) are this module's own, and it falls back on its
own arithmetic for plain dates when ``dateparser`` is missing.  Both agree on the
plain dates (a test checks it).

English month and weekday names count only with their capital ("may", "march" and
"sun" stay words).

Examples
--------
>>> from datetime import date
>>> [(d.text, str(d.interval)) for d in find_dates("Zelensky a déclaré lundi", "fr",
...                                                 date(2024, 11, 12))]
[('lundi', '2024-11-11')]
>>> d = find_dates("since August 2023", "en", date(2024, 11, 12))[0]
>>> d.since, str(d.interval)
(True, '2023-08')
>>> str(resolve_text("la semaine dernière", "fr", date(2024, 11, 12)))
'2024-W45'
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from .._model.dates import DateInterval
from .._model.errors import ParseError

__all__ = ["DateMention", "find_dates", "resolve_text"]

# fmt: off
_MONTHS: dict[str, dict[str, int]] = {
    "fr": {
        "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
        "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
        "décembre": 12, "decembre": 12,
    },
    "en": {
        "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
        "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
        "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
        "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
    },
}
_WEEKDAYS: dict[str, dict[str, int]] = {
    "fr": {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
           "dimanche": 6},
    "en": {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4,
           "Saturday": 5, "Sunday": 6},
}
_SMALL_NUMBERS: dict[str, dict[str, int]] = {
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
           "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
           "quinze": 15, "vingt": 20, "trente": 30, "quarante-huit": 48},
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "fifteen": 15, "twenty": 20, "thirty": 30, "forty-eight": 48},
}
# Relative phrases -> rule code.
_RELATIVE: dict[str, dict[str, str]] = {
    "fr": {
        "avant-hier": "day-2", "avant hier": "day-2", "hier": "day-1",
        "aujourd'hui": "day0", "ce matin": "day0", "ce soir": "day0", "cet après-midi": "day0",
        "cette semaine": "this_week", "ce mois-ci": "this_month", "ce mois": "this_month",
        "cette année": "this_year", "la semaine dernière": "last_week",
        "la semaine passée": "last_week", "le mois dernier": "last_month",
        "le mois passé": "last_month", "l'an dernier": "last_year", "l'an passé": "last_year",
        "l'année dernière": "last_year", "l'année passée": "last_year",
    },
    "en": {
        "the day before yesterday": "day-2", "yesterday": "day-1", "today": "day0",
        "this morning": "day0", "tonight": "day0", "this afternoon": "day0",
        "this evening": "day0", "earlier today": "day0", "this week": "this_week",
        "earlier this week": "this_week", "this month": "this_month",
        "earlier this month": "this_month", "this year": "this_year",
        "earlier this year": "this_year", "last week": "last_week",
        "last month": "last_month", "last year": "last_year",
    },
}
_UNITS: dict[str, dict[str, str]] = {
    "fr": {"jour": "day", "jours": "day", "semaine": "week", "semaines": "week",
           "mois": "month", "an": "year", "ans": "year", "année": "year", "années": "year",
           "heure": "hour", "heures": "hour"},
    "en": {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
           "months": "month", "year": "year", "years": "year", "hour": "hour",
           "hours": "hour"},
}
_RELATIVE_RULES = {
    "day0": "the publication day", "day-1": "the day before publication",
    "day-2": "two days before publication",
    "this_week": "the publication week, up to publication",
    "last_week": "the week (Monday-Sunday) before the publication week",
    "this_month": "the publication month, up to publication",
    "last_month": "the month before the publication month",
    "this_year": "the publication year, up to publication",
    "last_year": "the year before the publication year",
}
_SUB_MONTH = {"début": "early", "mi": "mid", "fin": "late", "early": "early", "mid": "mid",
              "late": "late", "beginning of": "early", "start of": "early",
              "middle of": "mid", "end of": "late"}
# fmt: on

_APOS = "['’ʼ]"
_S = r"[^\S\n]+"  # a run of spaces (no newline)
_S0 = r"[^\S\n]*"


def _alt(words: Iterable[object], *, case: bool = False) -> str:
    body = "|".join(
        sorted(
            (re.escape(str(w)).replace("'", _APOS).replace(r"\ ", _S) for w in words),
            key=len,
            reverse=True,
        )
    )
    return f"(?-i:{body})" if case else f"(?:{body})"


def _build(lang: str) -> re.Pattern[str]:
    case = lang == "en"  # English month and weekday names need their capital
    mon = _alt(_MONTHS[lang], case=case)
    if lang == "en":
        mon = f"{mon}\\.?"
    wd = _alt(_WEEKDAYS[lang], case=case)
    rel = _alt(_RELATIVE[lang])
    units = _alt(_UNITS[lang])
    num = r"(?:[0-9]{1,3}|" + _alt(_SMALL_NUMBERS[lang]) + ")"
    year = r"(?:1[89][0-9]{2}|20[0-9]{2})"
    if lang == "fr":
        since = rf"(?P<since>depuis{_S}(?:le{_S}mois{_S}d{_APOS}{_S0}|le{_S})?)"
        dmy = (
            rf"(?:(?:le|du|au|ce){_S})?(?:(?P<dmy_wd>{wd}){_S})?"
            rf"(?P<dmy_d>[0-9]{{1,2}}|1er|premier){_S}(?P<dmy_m>{mon})"
            rf"(?:{_S}(?P<dmy_y>{year}))?"
        )
        sub = (
            rf"(?:(?:au|à{_S}la|a{_S}la|la|dès{_S}le|dès{_S}la|dès){_S})?"
            rf"(?P<sub_q>début|mi|fin)(?:{_S}|-)(?:(?:du{_S}mois{_S})?d{_APOS}{_S0}|de{_S})?"
            rf"(?P<sub_m>{mon})(?:{_S}(?P<sub_y>{year}))?"
        )
        month = (
            rf"(?:(?P<my_pre>en|au{_S}mois{_S}d{_APOS}|au{_S}mois{_S}de|durant|pendant)"
            rf"{_S0})?(?P<my_m>{mon})(?:{_S}(?P<my_y>{year}))?"
        )
        yr = rf"(?:(?P<yr_pre>en|durant|pendant|courant){_S})?(?P<yr>{year})"
        ago = rf"il{_S}y{_S}a{_S}(?P<ago_n>{num}){_S}(?P<ago_u>{units})"
        past = (
            rf"(?:au{_S}cours{_S}des|ces|durant{_S}les|pendant{_S}les|lors{_S}des){_S}"
            rf"(?:(?P<past_n>{num}){_S}derni[eè]re?s|derni[eè]re?s{_S}(?P<past_n2>{num}))"
            rf"{_S}(?P<past_u>{units})"
        )
        wday = rf"(?P<wd>{wd})(?:{_S}(?P<wd_last>dernier|passé))?"
    else:
        since = rf"(?P<since>since{_S})"
        dmy = (
            rf"(?:on{_S})?(?:(?P<dmy_wd>{wd}),?{_S})?(?:the{_S})?"
            rf"(?:(?P<dmy_d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:{_S}of)?{_S}(?P<dmy_m>{mon})"
            rf"|(?P<dmy_m2>{mon}){_S}(?P<dmy_d2>[0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9]))"
            rf"(?:,?{_S}(?P<dmy_y>{year}))?"
        )
        sub = (
            rf"(?:(?:in|by|at|from|until){_S})?(?:the{_S})?"
            rf"(?P<sub_q>early|mid|late|beginning{_S}of|start{_S}of|middle{_S}of|end{_S}of)"
            rf"(?:{_S}|-)(?P<sub_m>{mon})(?:,?{_S}(?P<sub_y>{year}))?"
        )
        month = (
            rf"(?:(?P<my_pre>in|during|throughout|last|since){_S})?(?P<my_m>{mon})"
            rf"(?:,?{_S}(?P<my_y>{year}))?"
        )
        yr = rf"(?:(?P<yr_pre>in|during|throughout){_S})?(?P<yr>{year})"
        ago = rf"(?P<ago_n>{num}){_S}(?P<ago_u>{units}){_S}ago"
        past = (
            rf"(?:in|over|during|for){_S}the{_S}(?:past|last){_S}(?P<past_n>{num}){_S}"
            rf"(?P<past_u>{units})"
        )
        wday = rf"(?:(?:(?P<wd_last>last)|on){_S})?(?P<wd>{wd})"
    iso = r"(?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2})"
    core = (
        rf"(?P<dmy>{dmy})|(?P<sub>{sub})|(?P<ago>{ago})|(?P<past>{past})"
        rf"|(?P<rel>{rel})|(?P<month>{month})|{iso}|(?P<yrx>{yr})|(?P<wday>{wday})"
    )
    return re.compile(rf"(?<![^\W_])(?:{since})?(?:{core})(?![^\W_])", re.IGNORECASE)


_PATTERNS: dict[str, re.Pattern[str]] = {lang: _build(lang) for lang in ("en", "fr")}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in text and resolved.

    Attributes
    ----------
    start, end : int
        Span of the expression in the text.
    text : str
        The words ("la semaine dernière").
    interval : DateInterval
        The days it covers (for ``since``: the start period, see below).
    kind : str
        ``day``, ``weekday``, ``relative``, ``ago``, ``past``, ``month``, ``sub_month``,
        ``year``.
    since : bool
        "depuis X" / "since X": the period runs from the start of ``interval`` to
        the statement date, which the caller supplies.
    rule : str
        How it was resolved, in words, for a reviewer.
    """

    start: int
    end: int
    text: str
    interval: DateInterval
    kind: str
    since: bool
    rule: str


# ----------------------------------------------------------------------- calendar
def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _shift_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) - k
    return i // 12, i % 12 + 1


def _cut(start: date, end: date, pub: date) -> DateInterval | None:
    """``[start, min(end, pub)]``, or None when it starts after publication."""
    if start > pub:
        return None
    return DateInterval(start, min(end, pub))


def _month_year(m: int, y: int | None, pub: date, *, strictly_before: bool = False) -> int:
    if y is not None:
        return y
    if strictly_before:
        return pub.year if m < pub.month else pub.year - 1
    return pub.year if m <= pub.month else pub.year - 1


def _day_of(d: int, m: int, y: int | None, pub: date) -> date | None:
    try:
        if y is not None:
            return date(y, m, d)
        cand = date(pub.year, m, d)
        return cand if cand <= pub else date(pub.year - 1, m, d)
    except ValueError:  # 31 February, or 29 February in the wrong year
        return None


def _weekday(w: int, pub: date, *, strictly_before: bool) -> date:
    delta = (pub.weekday() - w) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return pub - timedelta(days=delta)


def _relative(code: str, pub: date) -> DateInterval:
    monday = pub - timedelta(days=pub.weekday())
    if code.startswith("day"):
        d = pub + timedelta(days=int(code[3:]))
        return DateInterval(d, d)
    if code == "this_week":
        return DateInterval(monday, pub)
    if code == "last_week":
        return DateInterval(monday - timedelta(days=7), monday - timedelta(days=1))
    if code == "this_month":
        return DateInterval(pub.replace(day=1), pub)
    if code == "last_month":
        y, m = _shift_months(pub.year, pub.month, 1)
        return DateInterval.month(y, m)
    if code == "this_year":
        return DateInterval(date(pub.year, 1, 1), pub)
    if code == "last_year":
        return DateInterval.year(pub.year - 1)
    raise ParseError(  # pragma: no cover
        code, "unknown relative date code", expected="a code of dates._RELATIVE"
    )


def _ago(n: int, unit: str, pub: date) -> DateInterval:
    if unit == "day":
        d = pub - timedelta(days=n)
        return DateInterval(d, d)
    if unit == "week":
        return DateInterval.week_of(pub - timedelta(days=7 * n))
    if unit == "month":
        return DateInterval.month(*_shift_months(pub.year, pub.month, n))
    if unit == "year":
        return DateInterval.year(pub.year - n)
    d = pub - timedelta(days=-(-n // 24))  # hours
    return DateInterval(d, d)


def _past(n: int, unit: str, pub: date) -> DateInterval:
    if unit == "hour":
        days = -(-n // 24)
    elif unit == "day":
        days = n
    elif unit == "week":
        days = 7 * n
    elif unit == "month":
        y, m = _shift_months(pub.year, pub.month, n)
        start = date(y, m, min(pub.day, calendar.monthrange(y, m)[1]))
        return DateInterval(start, pub)
    else:
        days = 366 * n if n == 1 else 365 * n
    return DateInterval(pub - timedelta(days=days), pub)


# ----------------------------------------------------------------------- dateparser
@lru_cache(maxsize=4096)
def _dateparser_day(phrase: str, lang: str, pub: date) -> date | None:
    """A plain date read by dateparser (None when it is missing or reads nothing)."""
    try:
        import dateparser
    except ImportError:
        return None
    settings = {
        "RELATIVE_BASE": datetime(pub.year, pub.month, pub.day, 12),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    got = dateparser.parse(phrase, languages=[lang], settings=settings)
    if got is None:
        return None
    return got.date()


def has_dateparser() -> bool:
    """Whether ``dateparser`` is installed (plain dates then go through it)."""
    try:
        import dateparser  # noqa: F401
    except ImportError:
        return False
    return True


# ----------------------------------------------------------------------- resolution
def _number(word: str, lang: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return _SMALL_NUMBERS[lang].get(w)


def _lookup(table: dict[str, int], word: str, lang: str) -> int:
    key = " ".join(word.replace("’", "'").replace("ʼ", "'").split()).rstrip(".")
    if lang == "en":
        return table[key]
    return table[key.lower()]


def _resolve(
    m: re.Match[str], lang: str, pub: date, use_dateparser: bool
) -> tuple[DateInterval, str, str] | None:
    """(interval, kind, rule) of one match, or None when it is not a usable date."""
    g = m.group
    months, weekdays = _MONTHS[lang], _WEEKDAYS[lang]
    since = g("since") is not None
    if g("dmy") is not None:
        d_txt = g("dmy_d") or (g("dmy_d2") if lang == "en" else None)
        m_txt = g("dmy_m") or (g("dmy_m2") if lang == "en" else None)
        if d_txt is None or m_txt is None:
            return None
        day = 1 if d_txt.lower() in ("1er", "premier") else int(d_txt)
        mon = _lookup(months, m_txt, lang)
        y = int(g("dmy_y")) if g("dmy_y") else None
        d = _dateparser_day(m.group("dmy"), lang, pub) if use_dateparser else None
        how = "read by dateparser" if d is not None else "day and month"
        if d is None:
            d = _day_of(day, mon, y, pub)
        if d is None:
            return None
        if y is None and not since:
            how += ", in the latest year that puts it on or before publication"
        return DateInterval(d, d), "day", how
    if g("sub") is not None:
        q = _SUB_MONTH[" ".join(g("sub_q").lower().split())]
        mon = _lookup(months, g("sub_m"), lang)
        y = _month_year(mon, int(g("sub_y")) if g("sub_y") else None, pub)
        a, b = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}[q]
        end = _month_end(y, mon)
        iv = _cut(date(y, mon, a), min(end, date(y, mon, min(b, end.day))), pub)
        if iv is None:
            return None
        return iv, "sub_month", f"{q} month: days {a}-{b if b < 31 else 'end'}"
    if g("ago") is not None:
        n = _number(g("ago_n"), lang)
        unit = _UNITS[lang][g("ago_u").lower()]
        if n is None:
            return None
        if unit == "day" and use_dateparser:
            d = _dateparser_day(m.group("ago"), lang, pub)
            if d is not None:
                return DateInterval(d, d), "ago", f"{n} day(s) before publication (dateparser)"
        iv = _ago(n, unit, pub)
        return iv, "ago", f"{n} {unit}(s) before publication"
    if g("past") is not None:
        n = _number(g("past_n") or g("past_n2"), lang)
        if n is None:
            return None
        unit = _UNITS[lang][g("past_u").lower()]
        return _past(n, unit, pub), "past", f"the {n} {unit}(s) up to publication"
    if g("rel") is not None:
        key = " ".join(g("rel").lower().replace("’", "'").replace("ʼ", "'").split())
        code = _RELATIVE[lang][key]
        if code in ("day-1", "day-2") and use_dateparser:
            d = _dateparser_day(key, lang, pub)
            if d is not None:
                return DateInterval(d, d), "relative", _RELATIVE_RULES[code] + " (dateparser)"
        return _relative(code, pub), "relative", _RELATIVE_RULES[code]
    if g("month") is not None:
        pre = (g("my_pre") or "").lower()
        if pre == "since":
            since = True
        y_txt = g("my_y")
        if not pre and not y_txt and not since:
            return None  # a bare month name: too often another word ("Mars", "mai")
        mon = _lookup(months, g("my_m"), lang)
        last = pre == "last"
        y = _month_year(mon, int(y_txt) if y_txt else None, pub, strictly_before=last)
        iv = _cut(date(y, mon, 1), _month_end(y, mon), pub)
        if iv is None:
            return None
        rule = "that month" if y_txt else "the latest such month on or before publication"
        if last:
            rule = "the latest such month before the month of publication"
        return iv, "month", rule
    if g("yrx") is not None:
        if not g("yr_pre") and not since:
            return None  # a bare year is no date expression of its own
        y = int(g("yr"))
        iv = _cut(date(y, 1, 1), date(y, 12, 31), pub)
        if iv is None:
            return None
        return iv, "year", "that year"
    if g("wday") is not None:
        w = _lookup(weekdays, g("wd"), lang)
        last = g("wd_last") is not None
        d = _weekday(w, pub, strictly_before=last)
        if last:
            rule = "the latest such weekday before publication"
        elif d == pub:
            rule = "the publication weekday itself: the publication day"
        else:
            rule = "the latest such weekday before publication"
        return DateInterval(d, d), "weekday", rule
    if g("iso") is not None:
        try:
            d = date.fromisoformat(g("iso"))
        except ValueError:
            return None
        return DateInterval(d, d), "day", "ISO date"
    return None  # pragma: no cover


def find_dates(
    text: str,
    lang: str,
    published: date,
    start: int = 0,
    end: int | None = None,
    *,
    use_dateparser: bool = True,
) -> list[DateMention]:
    """Date expressions in ``text[start:end]``, resolved against ``published``.

    Parameters
    ----------
    text : str
        The text (only ``[start, end)`` is searched; spans refer to ``text``).
    lang : {"en", "fr"}
    published : datetime.date
        Publication date of the article: "now" for relative dates.
    start, end : int
        The stretch to search.
    use_dateparser : bool
        Resolve plain dates with ``dateparser`` when it is installed (default);
        ``False`` uses this module's own arithmetic only.

    Returns
    -------
    list of DateMention
        In text order, non-overlapping.  Expressions that would start after
        publication ("en décembre" in a November article with no year is last
        December) or do not exist ("31 février") are left out.

    Examples
    --------
    >>> from datetime import date
    >>> pub = date(2024, 11, 12)  # a Tuesday
    >>> [str(d.interval) for d in find_dates("mardi, hier et début août", "fr", pub)]
    ['2024-11-12', '2024-11-11', '2024-08-01/2024-08-10']
    >>> [str(d.interval) for d in find_dates("on Monday, in May, three days ago", "en", pub)]
    ['2024-11-11', '2024-05', '2024-11-09']
    """
    pat = _PATTERNS[lang]
    out: list[DateMention] = []
    stop = len(text) if end is None else end
    for m in pat.finditer(text, start, stop):
        got = _resolve(m, lang, published, use_dateparser)
        if got is None:
            continue
        iv, kind, rule = got
        since = m.group("since") is not None or (
            m.group("month") is not None and (m.group("my_pre") or "").lower() == "since"
        )
        out.append(DateMention(m.start(), m.end(), m.group(), iv, kind, since, rule))
    return out


def resolve_text(phrase: str, lang: str, published: date) -> DateInterval | None:
    """The interval of a whole date phrase ("la semaine dernière"), or None.

    >>> from datetime import date
    >>> str(resolve_text("fin août", "fr", date(2024, 11, 12)))
    '2024-08-21/2024-08-31'
    >>> str(resolve_text("last Tuesday", "en", date(2024, 11, 12)))
    '2024-11-05'
    """
    found = find_dates(phrase.strip(), lang, published)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(phrase.strip()):
        return found[0].interval
    return None
