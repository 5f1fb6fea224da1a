"""Words and numbers of the charts, the report and the export, in a language.

Every visible word comes from the message catalogues (:mod:`estimates._i18n`: contexts
``chart``, ``report`` and ``export``), so a third language is a catalogue, not a code
change; numbers and dates come from the one formatter (:mod:`estimates._present.format`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any

import pandas as pd

from ..._i18n import translator, unit_words
from ..._model.units import unit_label
from ..format import format_number as _format_number
from ..format import format_period, locale_of

__all__ = [
    "Words",
    "format_number",
    "locale_of",
    "range_text",
    "stated_text",
    "unit_text",
    "words",
]


class Words(Mapping[str, str]):
    """The messages of one context of a language's catalogue, read like a dict."""

    def __init__(self, lang: str, context: str) -> None:
        self._t = translator(lang)
        self._context = context

    @property
    def lang(self) -> str:
        """The catalogue's language key ("en", "fr")."""
        return self._t.lang

    def __getitem__(self, key: str) -> str:
        return self._t(key, context=self._context)

    def get(self, key: str, default: Any = None) -> Any:
        """The message, or ``default`` when the catalogue has none."""
        return self[key] if self._t.has(key, self._context) else default

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._t.keys(self._context)))

    def __len__(self) -> int:
        return len(self._t.keys(self._context))


def words(lang: str, context: str = "chart") -> Words:
    """The words of ``context`` in ``lang`` ("fr-FR" and "fr" alike)."""
    return Words(lang, context)


def format_number(value: Any, lang: str = "en") -> str:
    """A number as the one formatter writes it; numbers too large or too small for a
    row of digits (a chart's tick, a table cell) in scientific notation.

    >>> format_number(12000), format_number(12000.5, "fr") == "12\\u202f000,5"
    ('12,000', True)
    >>> format_number(float("inf")), format_number(float("nan"))
    ('∞', '')
    >>> format_number(1e40), format_number(-2.5e-300)
    ('1E40', '-2.5E-300')
    """
    from babel.numbers import format_scientific

    if value is None or pd.isna(value):
        return ""
    v = float(value)
    if v != 0 and abs(v) != float("inf") and not 1e-6 <= abs(v) < 1e21:
        return format_scientific(v, "#.######E0", locale=locale_of(lang))
    return _format_number(v, lang)


def range_text(
    low: float, high: float, lang: str, low_closed: bool = True, high_closed: bool = True
) -> str:
    """A range in words: "2,000 to 10,000", "more than 13,000", "at most 5" (the
    hedges of the catalogue; numbers as :func:`format_number` writes them)."""
    t = translator(lang)
    if math.isinf(high) and not math.isinf(low):
        return t(
            "at_least" if low_closed else "more_than", context="hedge", n=format_number(low, lang)
        )
    if math.isinf(low) and not math.isinf(high):
        return t(
            "at_most" if high_closed else "less_than", context="hedge", n=format_number(high, lang)
        )
    if low == high:
        return format_number(low, lang)
    return t("range", context="hedge", a=format_number(low, lang), b=format_number(high, lang))


def stated_text(start: Any, end: Any, lang: str) -> str:
    """A statement date in words, as the sentences write it ("week of 4 November 2024")."""
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return words(lang)["undated"]
    return format_period(pd.Timestamp(start).date(), pd.Timestamp(end).date(), lang)


def unit_text(unit: str, lang: str = "en") -> str:
    """The plural words of a unit in ``lang`` ("soldiers", "soldats"; "" for a count).

    >>> unit_text("soldier", "fr")
    'soldats'
    """
    if not unit:
        return ""
    found = unit_words(unit, lang)
    return found.plural if found is not None else unit_label(unit)


def unit_axis_label(unit: str, lang: str) -> str:
    """The label of a value axis: the unit's words, else "number"."""
    return unit_text(unit, lang) or words(lang)["count"]
