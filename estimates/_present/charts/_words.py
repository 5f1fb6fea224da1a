"""Words and numbers of the charts in a language: labels, legends, numbers and dates.

Numbers are written with Babel (thousands separators and decimal mark of ``lang``),
dates in words as the sentences write them ("week of 4 November 2024").
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from ..._model.units import unit_label

__all__ = ["format_number", "range_text", "stated_text", "unit_text", "words"]

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "undated": "undated",
        "claims": "{n} claims",
        "count": "number",
        "consensus": "all claims allow {range}",
        "agreement": "{n} of {m} claims allow {range}",
        "claim": "claim",
        "point": "a single number",
        "range": "a stated range",
        "ceiling": "a ceiling (“up to”, from zero)",
        "open": "no bound on this side",
        "best": "the claim's central value",
        "excluded": "a bound the claim excludes",
        "left_out": "{n} earlier claims not shown: the latest claim of each source",
        "envelope": "running envelope (latest claim of each source)",
        "running_consensus": "what every latest claim allows",
        "stated": "date stated",
        "to": "–",
        "more_than": "more than {x}",
        "at_least": "at least {x}",
        "less_than": "less than {x}",
        "at_most": "at most {x}",
    },
    "fr": {
        "undated": "sans date",
        "claims": "{n} affirmations",
        "count": "nombre",
        "consensus": "toutes les affirmations admettent {range}",
        "agreement": "{n} affirmations sur {m} admettent {range}",
        "claim": "affirmation",
        "point": "un nombre",
        "range": "un intervalle avancé",
        "ceiling": "un plafond (« jusqu’à », depuis zéro)",
        "open": "pas de borne de ce côté",
        "best": "la valeur centrale de l’affirmation",
        "excluded": "une borne exclue",
        "left_out": "{n} affirmations antérieures non montrées : la dernière de chaque source",
        "envelope": "enveloppe (dernière affirmation de chaque source)",
        "running_consensus": "ce que toutes les dernières affirmations admettent",
        "stated": "date de la déclaration",
        "to": "–",
        "more_than": "plus de {x}",
        "at_least": "au moins {x}",
        "less_than": "moins de {x}",
        "at_most": "au plus {x}",
    },
}


def words(lang: str) -> dict[str, str]:
    """The chart words of ``lang`` ("fr-FR" and "fr" alike; English otherwise)."""
    return _WORDS.get(lang.replace("_", "-").split("-")[0].lower(), _WORDS["en"])


def locale_of(lang: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return "en"
    return lang.replace("-", "_")


def format_number(value: float, lang: str = "en") -> str:
    """A number with the thousands separators and decimal mark of ``lang``.

    Infinite values are written ``∞`` / ``-∞``; NaN is an empty string.

    >>> format_number(12000)
    '12,000'
    >>> format_number(12000.5, "fr") == "12\\u202f000,5"
    True
    >>> format_number(float("inf"))
    '∞'

    Numbers too large or too small for a row of digits are written in scientific
    notation, never rounded to zero nor refused:

    >>> format_number(1e40), format_number(-2.5e-300)
    ('1E40', '-2.5E-300')
    """
    from babel.numbers import format_decimal, format_scientific

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    v = float(value)
    if math.isnan(v):
        return ""
    if math.isinf(v):
        return "∞" if v > 0 else "-∞"
    if v != 0 and not 1e-6 <= abs(v) < 1e21:
        return format_scientific(v, "#.######E0", locale=locale_of(lang))
    v = round(v, 6)
    if v == int(v) and abs(v) < 2**53:
        v = int(v)
    return format_decimal(v, locale=locale_of(lang), decimal_quantization=False)


def range_text(
    low: float, high: float, lang: str, low_closed: bool = True, high_closed: bool = True
) -> str:
    """A range in words: "2,000–10,000", "more than 13,000", "at most 5"."""
    w = words(lang)
    if math.isinf(high) and not math.isinf(low):
        return w["at_least" if low_closed else "more_than"].format(x=format_number(low, lang))
    if math.isinf(low) and not math.isinf(high):
        return w["at_most" if high_closed else "less_than"].format(x=format_number(high, lang))
    if low == high:
        return format_number(low, lang)
    return f"{format_number(low, lang)}{w['to']}{format_number(high, lang)}"


def stated_text(start: Any, end: Any, lang: str) -> str:
    """A statement date in words, as the sentences write it ("week of 4 November 2024")."""
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return words(lang)["undated"]
    from ..style import get_style

    key = lang.replace("_", "-").split("-")[0].lower()
    style = get_style(lang=key if key in _WORDS else "en")
    return style.date(pd.Timestamp(start).date(), pd.Timestamp(end).date())


def unit_text(unit: str, lang: str = "en") -> str:
    """The plural words of a unit in ``lang`` ("soldiers", "soldats"; "" for a count).

    >>> unit_text("soldier", "fr")
    'soldats'
    """
    if not unit:
        return ""
    try:
        from ..style import get_style

        return get_style(lang=lang).unit_words(unit).plural
    except (ImportError, ValueError):  # no house style for this language
        return unit_label(unit)


def unit_axis_label(unit: str, lang: str) -> str:
    return unit_text(unit, lang) or words(lang)["count"]
