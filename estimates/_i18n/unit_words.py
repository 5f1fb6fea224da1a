"""The one table of unit words, per language (catalogue context ``unit``).

Each canonical unit has a singular and a plural form.  A form holding ``{n}`` says
where the figure goes: ``"${n}"`` (prefix), ``"{n}%"`` (glued), ``"{n}\\u202f%"``
(after a narrow no-break space); a plain word goes after the figure and a space.
The parser reads every word back (``estimates._parsing.render`` relies on it; a test
checks it).

>>> unit_words("meter", "en"), unit_words("year", "fr").plural
(UnitWords(singular='metre', plural='metres', placement='after'), 'ans')
>>> unit_words("dollar", "en").placement, unit_words("dollar", "en").singular
('prefix', '$')
>>> unit_words("furlong", "en") is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .._model.units import unit_label
from .catalogue import MessageError, translator

__all__ = ["Placement", "UnitWords", "of_word", "unit_plural", "unit_table", "unit_words"]

Placement = Literal["after", "prefix", "glued", "thin"]
_NNBSP = "\u202f"


@dataclass(frozen=True, slots=True)
class UnitWords:
    """How a unit is written next to a figure.

    ``placement``: ``after`` ("5 km"), ``prefix`` ("$5"), ``glued`` ("5%") or ``thin``
    (after a narrow no-break space: "5 %").
    """

    singular: str
    plural: str
    placement: Placement = "after"

    def word(self, singular: bool) -> str:
        """The singular or plural form."""
        return self.singular if singular else self.plural


def _split(form: str) -> tuple[str, Placement]:
    if "{n}" not in form:
        return form, "after"
    before, _, after = form.partition("{n}")
    if before:
        return before, "prefix"
    if after.startswith((_NNBSP, "\u00a0", " ")):
        return after[1:], "thin"
    return after, "glued"


@lru_cache(maxsize=1024)
def _cached(unit: str, lang: str, _generation: int) -> UnitWords | None:
    t = translator(lang)
    if not t.has(unit, "unit"):
        return None
    try:
        one, place = _split(t.plural(unit, 1, context="unit"))
        many, _ = _split(t.plural(unit, 2, context="unit"))
    except MessageError:  # pragma: no cover - has() said it exists
        return None
    return UnitWords(one, many, place)


def unit_words(unit: str, lang: str) -> UnitWords | None:
    """The words of a canonical unit in a language, or None when the catalogue has no
    entry for it (``lang`` is normalised: "fr-FR" is "fr")."""
    from .catalogue import generation

    return _cached(unit, translator(lang).lang, generation())


def of_word(unit: str, lang: str) -> str | None:
    """The unit after "of"/"de" where its symbol reads badly ("thousands of dollars"),
    or None when the plural word serves."""
    t = translator(lang)
    return t(unit, context="unit-after-of") if t.has(unit, "unit-after-of") else None


def unit_table(lang: str) -> dict[str, UnitWords]:
    """Every unit the language's catalogue names, with its words."""
    t = translator(lang)
    table = {unit: unit_words(unit, t.lang) for unit in sorted(t.keys("unit"))}
    return {unit: words for unit, words in table.items() if words is not None}


def unit_plural(unit: str, lang: str = "en") -> str:
    """The plural words of a unit in ``lang`` ("soldiers", "soldats"; "" for a count;
    the unit's own label when the catalogue has no words for it).

    >>> unit_plural("soldier", "fr"), unit_plural("")
    ('soldats', '')
    """
    if not unit:
        return ""
    found = unit_words(unit, lang)
    if found is not None:
        return found.plural
    return unit_label(unit)
