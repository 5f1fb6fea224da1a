"""Writing figures back as text, so that :func:`~estimates.parse` reads them back.

:func:`render` writes a figure the way a journalist would type it: the hedge, the
number(s) with the language's grouping, and the unit ("up to 12,000 soldiers",
"jusqu'à 12 000 soldats", "between $2,000 and $3,000", "des milliers de soldats").

The promise
-----------
``parse(render(f, lang), lang, conventions=f.profile)`` equals ``f`` in every field but
``text`` whenever ``f`` is what its profile makes of a hedge and stated numbers (every
figure of :func:`estimates.strategies.stated_figures`), or a vague magnitude of a
registered profile ("thousands", "a few hundred", "plusieurs milliers"...) in a unit
the lexicon can name.  ``ambiguous`` is not carried over: render always writes an
unambiguous text.

How numbers are written
-----------------------
All digits, exactly: integers in full with the language's grouping ("1,234,567" in
English; "1 234 567" with narrow no-break spaces U+202F in French), decimals only when
needed, with the shortest digits that give back the same float ("1.5", "1,5").  Two
texts that :func:`~estimates.parse` would flag as ambiguous are avoided: an English
number with a single comma group not ending in 0 is grouped with U+202F instead
("1 498", not "1,498"), and exactly three decimals get a fourth, zero ("1.4980").

Figures no text can state
-------------------------
Arbitrary float intervals, open or closed bounds that no hedge produces, negative
values in a unit that cannot be negative, values of 1e29 or more or below 1e-30 in
size (parse reads at most 30 integer digits and 64 decimals), or figures of an
unregistered profile are written as an interval, with no round-trip promise:
``"[10,000, 12,000) soldiers"``, ``"(13,000, ∞)"``, with the best value after a
semicolon ("; best 11,000"); French uses ``" ; "`` between the bounds.

Examples
--------
>>> from estimates import Figure, get_conventions
>>> c = get_conventions()
>>> render(c.figure("up_to", 12000, unit="soldier"))
'up to 12,000 soldiers'
>>> render(c.figure("up_to", 12000, unit="soldier"), "fr")
'jusqu’à 12\\u202f000 soldats'
>>> render(c.figure("range", 2e6, 3e6, unit="dollar"))
'between $2,000,000 and $3,000,000'
>>> render(c.magnitude("plural", 1000, unit="soldier"), "fr")
'des milliers de soldats'
>>> render(Figure(10000, 12000, True, False, unit="soldier"))
'[10,000, 12,000) soldiers'
"""

from __future__ import annotations

import math
from decimal import Decimal

from .._i18n.unit_words import of_word, unit_words
from .._model.conventions import PROFILES, Conventions
from .._model.errors import ArgumentTypeError, FigureError
from .._model.figure import Figure
from .._model.hedges import Hedge
from .._model.units import canonical_unit, is_count
from .lexicon import TEMPERATURE_SIGNS, normalise_lang

__all__ = ["format_number", "render"]

NNBSP = "\u202f"

# fmt: off
# Hedge templates; {n} is the number with its unit, {a} {b} the ends of a range.
_TEMPLATES: dict[str, dict[Hedge, str]] = {
    "en": {
        Hedge.EXACT: "{n}", Hedge.APPROX: "about {n}", Hedge.NEARLY: "nearly {n}",
        Hedge.MORE_THAN: "more than {n}", Hedge.AT_LEAST: "at least {n}",
        Hedge.LESS_THAN: "less than {n}", Hedge.AT_MOST: "at most {n}",
        Hedge.UP_TO: "up to {n}", Hedge.RANGE: "between {a} and {b}",
    },
    "fr": {
        Hedge.EXACT: "{n}", Hedge.APPROX: "environ {n}", Hedge.NEARLY: "près de {n}",
        Hedge.MORE_THAN: "plus de {n}", Hedge.AT_LEAST: "au moins {n}",
        Hedge.LESS_THAN: "moins de {n}", Hedge.AT_MOST: "au plus {n}",
        Hedge.UP_TO: "jusqu’à {n}", Hedge.RANGE: "entre {a} et {b}",
    },
}

# Vague magnitudes: (kind, scale, English, French).  Render picks the first whose
# reading under the figure's profile is the figure.
_MAGNITUDES: tuple[tuple[str, int, str, str], ...] = (
    ("plural", 10**3, "thousands", "des milliers"),
    ("plural", 100, "hundreds", "des centaines"),
    ("plural", 12, "dozens", "des douzaines"),
    ("plural", 10, "tens", "des dizaines"),
    ("plural", 20, "scores", "des vingtaines"),
    ("plural", 10**4, "tens of thousands", "des dizaines de milliers"),
    ("plural", 10**5, "hundreds of thousands", "des centaines de milliers"),
    ("plural", 10**6, "millions", "des millions"),
    ("plural", 10**7, "tens of millions", "des dizaines de millions"),
    ("plural", 10**8, "hundreds of millions", "des centaines de millions"),
    ("plural", 10**9, "billions", "des milliards"),
    ("several", 1, "several", "plusieurs"),
    ("several", 10, "several tens", "plusieurs dizaines"),
    ("several", 12, "several dozen", "plusieurs douzaines"),
    ("several", 100, "several hundred", "plusieurs centaines"),
    ("several", 10**3, "several thousand", "plusieurs milliers"),
    ("several", 10**4, "several tens of thousands", "plusieurs dizaines de milliers"),
    ("several", 10**5, "several hundred thousand", "plusieurs centaines de milliers"),
    ("several", 10**6, "several million", "plusieurs millions"),
    ("several", 10**9, "several billion", "plusieurs milliards"),
    ("few", 1, "a few", "quelques"),
    ("few", 10, "a few tens", "quelques dizaines"),
    ("few", 12, "a few dozen", "quelques douzaines"),
    ("few", 100, "a few hundred", "quelques centaines"),
    ("few", 10**3, "a few thousand", "quelques milliers"),
    ("few", 10**4, "a few tens of thousands", "quelques dizaines de milliers"),
    ("few", 10**5, "a few hundred thousand", "quelques centaines de milliers"),
    ("few", 10**6, "a few million", "quelques millions"),
    ("few", 10**9, "a few billion", "quelques milliards"),
)

# fmt: on

_MAX_WRITTEN = 1e29  # parse reads at most 30 integer digits
_MIN_WRITTEN = 1e-30  # and at most 64 decimals


def format_number(x: float, lang: str = "en") -> str:
    """Write a number exactly, with the language's grouping and decimal mark.

    Parameters
    ----------
    x : float
        A finite number (negative numbers get a leading "-").
    lang : str
        ``"en"`` or ``"fr"``.

    Examples
    --------
    >>> format_number(1234567)
    '1,234,567'
    >>> format_number(1234567.5, "fr")
    '1\\u202f234\\u202f567,5'
    >>> format_number(1498)
    '1\\u202f498'
    >>> format_number(1.498)
    '1.4980'
    >>> format_number(0.1 + 0.2)
    '0.30000000000000004'
    """
    key = normalise_lang(lang)
    if not math.isfinite(x):
        raise FigureError("x", x, "a finite number to write as digits")
    sign = "-" if x < 0 else ""
    x = abs(x)
    if x == int(x) and x < 1e21:
        int_part, frac = str(int(x)), ""
    else:
        s = format(Decimal(repr(x)), "f")
        int_part, _, frac = s.partition(".")
        frac = frac.rstrip("0")
    groups = []
    while len(int_part) > 3:
        groups.append(int_part[-3:])
        int_part = int_part[:-3]
    groups.append(int_part)
    groups.reverse()
    if key == "en":
        sep = ","
        if len(groups) == 2 and not frac and not groups[1].endswith("0"):
            sep = NNBSP  # "1,498" would read as ambiguous
        mark = "."
    else:
        sep, mark = NNBSP, ","
    out = sep.join(groups)
    if frac:
        if len(frac) == 3 and len(groups) == 1:
            frac += "0"  # "1.498" would read as ambiguous
        out += mark + frac
    return sign + out


def _unit_forms(unit: str, lang: str) -> tuple[str, str, str] | None:
    """(singular, plural, placement) for a unit, or None if no word names it.

    The words are the one unit-word table of the language (its message catalogue,
    :func:`estimates._i18n.unit_words`); a narrow-space symbol ("5 %") is written
    after the figure like a word.
    """
    got = unit_words(unit, lang)
    if got is not None:
        placement = "after" if got.placement == "thin" else got.placement
        return got.singular, got.plural, placement
    if lang == "en" and canonical_unit(unit + "s") == unit:
        return unit, unit + "s", "after"
    if canonical_unit(unit) == unit:
        return unit, unit, "after"
    for sign, name in TEMPERATURE_SIGNS.items():
        if name == unit:
            return sign, sign, "after"
    return None


def _with_unit(x: float, unit: str, lang: str) -> str | None:
    n = format_number(x, lang)
    if not unit:
        return n
    forms = _unit_forms(unit, lang)
    if forms is None:
        return None
    word = forms[0] if x == 1 else forms[1]
    if forms[2] == "prefix":
        return word + n
    if forms[2] == "glued":
        return n + word
    return f"{n}{NNBSP if lang == 'fr' and not word[0].isalnum() else ' '}{word}"


def _of_unit(unit: str, lang: str) -> str | None:
    """The unit after "of" / "de": "of soldiers", "de soldats", "d'euros"."""
    if not unit:
        return ""
    word = of_word(unit, lang)
    if word is None:
        forms = _unit_forms(unit, lang)
        if forms is None:
            return None
        word = forms[1]
    if not word[0].isalnum():
        return f" {word}"  # a sign ("°C") takes no "of"
    if lang == "en":
        return f" of {word}"
    if word[0].lower() in "aeiouyhéèêâîôû":
        return f" d’{word}"
    return f" de {word}"


def _same(a: Figure, b: Figure) -> bool:
    return (
        a.low == b.low
        and a.high == b.high
        and a.low_closed == b.low_closed
        and a.high_closed == b.high_closed
        and a.best == b.best
        and a.hedge is b.hedge
        and a.unit == b.unit
        and a.profile == b.profile
    )


def _magnitude(f: Figure, conv: Conventions, lang: str) -> str | None:
    for kind, scale, en, fr in _MAGNITUDES:
        try:
            cand = conv.magnitude(kind, scale, unit=f.unit)  # type: ignore[arg-type]
        except FigureError:  # pragma: no cover - the table's kinds are valid
            continue
        if not _same(cand, f):
            continue
        phrase = en if lang == "en" else fr
        if not f.unit:
            return phrase
        if scale == 1 or (lang == "en" and not phrase.endswith("s")):
            # "several soldiers", "a few hundred soldiers": no "of".
            forms = _unit_forms(f.unit, lang)
            if forms is None:
                return None
            word = of_word(f.unit, lang) or forms[1]
            return f"{phrase} {word}"
        of = _of_unit(f.unit, lang)
        return None if of is None else phrase + of
    return None


def _stated(f: Figure, conv: Conventions, lang: str) -> str | None:
    h = f.hedge
    if h is Hedge.RANGE:
        values: tuple[float, ...] = (f.low, f.high)
    elif h in (Hedge.EXACT, Hedge.APPROX):
        if f.best is None:
            return None
        values = (f.best,)
    elif h.is_floor:
        values = (f.low,)
    else:
        values = (f.high,)
    if not all(v == 0 or _MIN_WRITTEN <= abs(v) < _MAX_WRITTEN for v in values):
        return None
    try:
        cand = conv.figure(h, *values, unit=f.unit)
    except FigureError:
        return None
    if not _same(cand, f):
        return None
    template = _TEMPLATES[lang][h]
    if h is Hedge.LESS_THAN and lang == "en" and is_count(f.unit):
        template = "fewer than {n}"
    if h is Hedge.RANGE:
        forms = _unit_forms(f.unit, lang) if f.unit else None
        if f.unit and forms is None:
            return None
        if forms is not None and forms[2] == "prefix":
            a, b = _with_unit(values[0], f.unit, lang), _with_unit(values[1], f.unit, lang)
        else:
            a, b = format_number(values[0], lang), _with_unit(values[1], f.unit, lang)
        if a is None or b is None:
            return None
        return template.format(a=a, b=b)
    n = _with_unit(values[0], f.unit, lang)
    return None if n is None else template.format(n=n)


def _interval(f: Figure, lang: str) -> str:
    def num(x: float) -> str:
        if math.isinf(x):
            return "∞" if x > 0 else "-∞"
        return format_number(x, lang)

    if f.low == f.high:
        body = f"[{num(f.low)}]"
    else:
        sep = ", " if lang == "en" else " ; "
        body = (
            f"{'[' if f.low_closed else '('}{num(f.low)}{sep}{num(f.high)}"
            f"{']' if f.high_closed else ')'}"
        )
    if f.unit:
        forms = _unit_forms(f.unit, lang)
        body += " " + (forms[1] if forms is not None else f.unit)
    if f.best is not None and not (f.low == f.high == f.best):
        body += ("; best " if lang == "en" else " ; valeur centrale ") + num(f.best)
    return body


def render(figure: Figure, lang: str = "en") -> str:
    """Write a figure as text that :func:`~estimates.parse` reads back.

    Parameters
    ----------
    figure : Figure
        The figure.
    lang : str
        ``"en"`` or ``"fr"`` (or a tag such as ``"fr-FR"``).

    Returns
    -------
    str
        The hedged text ("about 50,000 soldiers", "plus de 13 000 conteneurs"), or,
        for a figure no hedge produces, an interval ("[10,000, 12,000)").

    Examples
    --------
    >>> from estimates import get_conventions, parse
    >>> f = get_conventions("acled").magnitude("plural", 100)
    >>> render(f)
    'hundreds'
    >>> parse(render(f), conventions="acled") == f.replace(text="hundreds")
    True
    >>> render(get_conventions().figure("more_than", 13000, unit="container"), "fr")
    'plus de 13\\u202f000 conteneurs'
    """
    key = normalise_lang(lang)
    if not isinstance(figure, Figure):
        raise ArgumentTypeError("figure", figure, "a Figure for render()")
    conv = PROFILES.get(figure.profile)
    if conv is not None:
        if figure.hedge is Hedge.MAGNITUDE:
            out = _magnitude(figure, conv, key)
        else:
            out = _stated(figure, conv, key)
        if out is not None:
            return out
    return _interval(figure, key)
