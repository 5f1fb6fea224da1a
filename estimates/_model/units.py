"""Units: the words that name what a figure counts or measures, and pint behind them.

One lexicon maps the words of English and French news ("soldats", "troops", "km",
"tonnes", "$", "€") to a *canonical unit*: a name that :mod:`pint` understands in the
library's registry.  Count nouns get units of their own (``soldier``, ``container``...)
so that claims counting different things cannot be pooled by mistake, while nouns for
the same kind of thing share a dimension (``troop`` and ``soldat`` are ``soldier``;
``soldier`` is a kind of ``person``).

The pint registry is built lazily on first use, so ``import estimates`` stays fast.
The plain-count unit is the empty string ``""``.

Examples
--------
>>> canonical_unit("soldats")
'soldier'
>>> canonical_unit("km")
'kilometer'
>>> conversion_factor("mile", "kilometer")
1.609344
>>> conversion_factor("thousand soldier", "soldier")
1000.0
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import UnitError

if TYPE_CHECKING:  # pragma: no cover
    import pint

__all__ = [
    "COUNT_UNITS",
    "canonical_unit",
    "check_unit",
    "conversion_factor",
    "is_count",
    "is_signed",
    "registry",
    "same_dimension",
    "unit_label",
]

# --------------------------------------------------------------------------- lexicon
# canonical count unit -> (pint definition, surface words in English and French).
# Human groups are all kinds of ``person`` (so "troops" and "soldiers" and "people"
# can be compared); other count nouns are dimensions of their own.
COUNT_UNITS: dict[str, tuple[str, tuple[str, ...]]] = {
    "person": (
        "person = [person] = people",
        (
            "person",
            "persons",
            "people",
            "individual",
            "individuals",
            "personne",
            "personnes",
            "gens",
            "individu",
            "individus",
            "man",
            "men",
            "woman",
            "women",
            "homme",
            "hommes",
            "femme",
            "femmes",
            "child",
            "children",
            "enfant",
            "enfants",
        ),
    ),
    "soldier": (
        "soldier = person",
        (
            "soldier",
            "soldiers",
            "troop",
            "troops",
            "serviceman",
            "servicemen",
            "servicemembers",
            "servicemember",
            "fighter",
            "fighters",
            "combatant",
            "combatants",
            "soldat",
            "soldats",
            "troupe",
            "troupes",
            "militaire",
            "militaires",
            "combattant",
            "combattants",
            "conscript",
            "conscripts",
            "conscrit",
            "conscrits",
            "recruit",
            "recruits",
            "recrue",
            "recrues",
            "mercenary",
            "mercenaries",
            "mercenaire",
            "mercenaires",
            "personnel",
        ),
    ),
    "civilian": (
        "civilian = person",
        ("civilian", "civilians", "civil", "civils"),
    ),
    "refugee": (
        "refugee = person",
        ("refugee", "refugees", "réfugié", "réfugiés", "réfugiée", "réfugiées", "displaced"),
    ),
    "prisoner": (
        "prisoner = person",
        (
            "prisoner",
            "prisoners",
            "prisonnier",
            "prisonniers",
            "detainee",
            "detainees",
            "détenu",
            "détenus",
            "hostage",
            "hostages",
            "otage",
            "otages",
        ),
    ),
    "protester": (
        "protester = person",
        (
            "protester",
            "protesters",
            "protestor",
            "protestors",
            "demonstrator",
            "demonstrators",
            "manifestant",
            "manifestants",
            "manifestante",
            "manifestantes",
            "marcher",
            "marchers",
        ),
    ),
    "casualty": (
        "casualty = [casualty] = casualties",
        (
            "casualty",
            "casualties",
            "victime",
            "victimes",
            "killed or wounded",
            "morts et blessés",
            "tués et blessés",
            "pertes",
        ),
    ),
    "death": (
        "death = [death] = deaths",
        (
            "death",
            "deaths",
            "dead",
            "killed",
            "fatality",
            "fatalities",
            "mort",
            "morts",
            "tué",
            "tués",
            "décès",
            "victims killed",
        ),
    ),
    "wounded": (
        "wounded = [wounded]",
        ("wounded", "injured", "injuries", "blessé", "blessés", "blessée", "blessées"),
    ),
    "container": (
        "container = [container]",
        (
            "container",
            "containers",
            "conteneur",
            "conteneurs",
            "shipping container",
            "shipping containers",
        ),
    ),
    "shell": (
        "shell = [shell]",
        ("shell", "shells", "obus", "munition", "munitions"),
    ),
    "missile": (
        "missile = [missile]",
        ("missile", "missiles", "rocket", "rockets", "roquette", "roquettes"),
    ),
    "drone": ("drone = [drone]", ("drone", "drones", "uav", "uavs")),
    "vehicle": (
        "vehicle = [vehicle]",
        (
            "vehicle",
            "vehicles",
            "véhicule",
            "véhicules",
            "tank",
            "tanks",
            "char",
            "chars",
            "blindé",
            "blindés",
        ),
    ),
    "aircraft": (
        "aircraft = [aircraft]",
        (
            "aircraft",
            "plane",
            "planes",
            "jet",
            "jets",
            "avion",
            "avions",
            "helicopter",
            "helicopters",
            "hélicoptère",
            "hélicoptères",
        ),
    ),
    "ship": ("ship = [ship]", ("ship", "ships", "vessel", "vessels", "navire", "navires")),
    "home": (
        "home = [home]",
        (
            "home",
            "homes",
            "house",
            "houses",
            "building",
            "buildings",
            "maison",
            "maisons",
            "logement",
            "logements",
            "bâtiment",
            "bâtiments",
        ),
    ),
    "event": (
        "event = [event]",
        (
            "event",
            "events",
            "attack",
            "attacks",
            "strike",
            "strikes",
            "attaque",
            "attaques",
            "frappe",
            "frappes",
            "incident",
            "incidents",
        ),
    ),
}

# surface word -> pint unit expression, for measures (length, mass, money, ...).
MEASURE_WORDS: dict[str, str] = {
    # length
    "km": "kilometer",
    "kilometre": "kilometer",
    "kilometres": "kilometer",
    "kilometer": "kilometer",
    "kilometers": "kilometer",
    "kilomètre": "kilometer",
    "kilomètres": "kilometer",
    "mile": "mile",
    "miles": "mile",
    "metre": "meter",
    "metres": "meter",
    "meter": "meter",
    "meters": "meter",
    "mètre": "meter",
    "mètres": "meter",
    # area
    "km2": "kilometer ** 2",
    "km²": "kilometer ** 2",
    "sq km": "kilometer ** 2",
    "square kilometres": "kilometer ** 2",
    "square kilometers": "kilometer ** 2",
    "kilomètres carrés": "kilometer ** 2",
    "square mile": "mile ** 2",
    "square miles": "mile ** 2",
    "mile carré": "mile ** 2",
    "miles carrés": "mile ** 2",
    "hectare": "hectare",
    "hectares": "hectare",
    "ha": "hectare",
    "acre": "acre",
    "acres": "acre",
    # mass
    "tonne": "metric_ton",
    "tonnes": "metric_ton",
    "metric tons": "metric_ton",
    "kg": "kilogram",
    "kilogram": "kilogram",
    "kilograms": "kilogram",
    "kilogramme": "kilogram",
    "kilogrammes": "kilogram",
    # money
    "$": "dollar",
    "us$": "dollar",
    "usd": "dollar",
    "dollar": "dollar",
    "dollars": "dollar",
    "€": "euro",
    "eur": "euro",
    "euro": "euro",
    "euros": "euro",
    "£": "pound_sterling",
    "gbp": "pound_sterling",
    "livre sterling": "pound_sterling",
    "livres sterling": "pound_sterling",
    "pound sterling": "pound_sterling",
    "pounds sterling": "pound_sterling",
    "₽": "rouble",
    "rouble": "rouble",
    "roubles": "rouble",
    "ruble": "rouble",
    "rubles": "rouble",
    "rub": "rouble",
    "hryvnia": "hryvnia",
    "hryvnias": "hryvnia",
    "uah": "hryvnia",
    # time
    "day": "day",
    "days": "day",
    "jour": "day",
    "jours": "day",
    "week": "week",
    "weeks": "week",
    "semaine": "week",
    "semaines": "week",
    "month": "month",
    "months": "month",
    "mois": "month",
    "year": "year",
    "years": "year",
    "année": "year",
    "années": "year",
    "ans": "year",
    # ratios
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "pour cent": "percent",
    "dimensionless": "dimensionless",
}

# Definitions added to pint's defaults.  Scale words make "thousand soldier" a unit.
_EXTRA_DEFINITIONS = (
    "thousand = 1e3",
    "million = 1e6",
    "billion = 1e9",
    "milliard = 1e9",
    "trillion = 1e12",
    "dollar = [currency_usd] = USD",
    "euro = [currency_eur] = EUR",
    "pound_sterling = [currency_gbp] = GBP",
    "rouble = [currency_rub] = RUB = ruble",
    "hryvnia = [currency_uah] = UAH",
)

_SIGNED_DIMENSIONS = ("[temperature]",)
# Dimensionless units that measure changes or shares and may go below zero.
_SIGNED_UNITS = frozenset(
    {"percent", "%", "percentage_point", "permille", "dimensionless", "number"}
)

_WORDS: dict[str, str] = {}
for _unit, (_definition, _forms) in COUNT_UNITS.items():
    for _form in (_unit, *_forms):
        _WORDS[_form.casefold()] = _unit
for _form, _unit in MEASURE_WORDS.items():
    _WORDS.setdefault(_form.casefold(), _unit)

#: Every surface word the lexicon knows, longest first (for scanners).
UNIT_WORDS: tuple[str, ...] = tuple(sorted(_WORDS, key=len, reverse=True))


def canonical_unit(word: str) -> str | None:
    """Return the canonical unit for a surface word, or ``None`` if it is unknown.

    Parameters
    ----------
    word : str
        A noun or symbol as written ("soldats", "Troops", "km", "$").

    Examples
    --------
    >>> canonical_unit("Troops")
    'soldier'
    >>> canonical_unit("conteneurs")
    'container'
    >>> canonical_unit("bananas") is None
    True
    """
    return _WORDS.get(" ".join(word.split()).casefold())


# --------------------------------------------------------------------------- pint
_lock = threading.Lock()
_registry: pint.UnitRegistry | None = None


def registry() -> pint.UnitRegistry:
    """Return the library's pint registry (built on first call).

    It is pint's default registry plus the count nouns of :data:`COUNT_UNITS`,
    scale words (``thousand``, ``million``, ``billion``, ``milliard``) and currencies
    (each its own dimension: there is no exchange rate in a unit registry).
    """
    global _registry
    if _registry is None:
        with _lock:
            if _registry is None:
                import pint

                reg: pint.UnitRegistry = pint.UnitRegistry(cache_folder=None)
                for definition, _forms in COUNT_UNITS.values():
                    reg.define(definition)
                for definition in _EXTRA_DEFINITIONS:
                    reg.define(definition)
                _registry = reg
    return _registry


@lru_cache(maxsize=4096)
def _parse_unit(unit: str) -> pint.Unit | pint.Quantity:
    reg = registry()
    if unit == "":
        return reg.Quantity(1.0)
    try:
        return reg.parse_expression(unit)
    except Exception as exc:  # pint raises several unrelated types
        raise UnitError(
            unit,
            f"unknown unit {unit!r}: expected a unit pint knows, or a count noun "
            f"such as 'soldier' (see estimates.COUNT_UNITS)",
        ) from exc


@lru_cache(maxsize=4096)
def conversion_factor(unit: str, to: str) -> float:
    """The factor that turns values in ``unit`` into values in ``to``.

    Raises
    ------
    UnitError
        If either unit is unknown or their dimensions differ.

    Examples
    --------
    >>> conversion_factor("tonne", "kilogram")
    1000.0
    >>> conversion_factor("soldier", "container")
    Traceback (most recent call last):
    ...
    estimates._model.errors.UnitError: cannot convert 'soldier' ([person]) to 'container' ...
    """
    scale, offset = conversion_affine(unit, to)
    if offset != 0:
        raise UnitError(
            unit,
            f"{unit!r} converts to {to!r} with an offset, not a factor: use conversion_affine()",
            other=to,
        )
    return scale


@lru_cache(maxsize=4096)
def conversion_affine(unit: str, to: str) -> tuple[float, float]:
    """``(scale, offset)`` turning values in ``unit`` into ``to``: ``x * scale + offset``.

    The same as ``(conversion_factor(unit, to), 0.0)`` for multiplicative units; offset
    units (degree Celsius, Fahrenheit) get their offset.

    Raises
    ------
    UnitError
        If either unit is unknown or their dimensions differ.

    Examples
    --------
    >>> conversion_affine("degree_Celsius", "degree_Fahrenheit")
    (1.8, 32.0)
    >>> conversion_affine("tonne", "kilogram")
    (1000.0, 0.0)
    """
    if unit == to:
        return 1.0, 0.0
    a = _parse_unit(_normalise(unit))
    b = _parse_unit(_normalise(to))
    reg = registry()
    qa: Any = a if hasattr(a, "magnitude") else reg.Quantity(1.0, a)
    qb: Any = b if hasattr(b, "magnitude") else reg.Quantity(1.0, b)
    if qa.dimensionality != qb.dimensionality:
        raise UnitError(
            unit,
            f"cannot convert {unit!r} ({_dim(qa)}) to {to!r} ({_dim(qb)})",
            other=to,
        )

    def at(x: float) -> float:
        q = reg.Quantity(x * float(qa.magnitude), qa.units).to(qb.units)
        return float(q.magnitude) / float(qb.magnitude)

    offset = at(0.0)
    return _clean((at(1e6) - offset) / 1e6), _clean(offset)


def _clean(x: float) -> float:
    """``x`` without float noise: 1.7999999999999972 is 1.8 (9 significant digits)."""
    r = float(f"{x:.9g}")
    return r if abs(r - x) <= 1e-12 * max(abs(x), 1.0) else x


def check_unit(unit: str) -> None:
    """Raise :class:`UnitError` unless ``unit`` is a unit the registry can read."""
    _parse_unit(_normalise(unit))


def _normalise(unit: str) -> str:
    word = canonical_unit(unit)
    return word if word is not None else unit


def _dim(q: pint.Quantity) -> str:
    d = str(q.dimensionality)
    return d if d != "dimensionless" else "plain count"


def same_dimension(units: Iterable[str]) -> bool:
    """Whether all units can be converted into one another."""
    units = list(dict.fromkeys(units))
    if len(units) <= 1:
        return True
    try:
        for u in units[1:]:
            conversion_factor(u, units[0])
    except UnitError:
        return False
    return True


def is_signed(unit: str) -> bool:
    """Whether values in ``unit`` may be negative (temperatures, percentages);
    counts, lengths, masses and money may not."""
    if unit == "" or canonical_unit(unit) in COUNT_UNITS:
        return False
    if unit in _SIGNED_UNITS or canonical_unit(unit) in _SIGNED_UNITS:
        return True
    try:
        q = _parse_unit(_normalise(unit))
    except UnitError:
        return False
    qq = q if hasattr(q, "magnitude") else 1.0 * q
    return any(dim in str(qq.dimensionality) for dim in _SIGNED_DIMENSIONS)


def is_count(unit: str) -> bool:
    """Whether ``unit`` counts things: the plain count ``""`` and the count nouns.

    Counts never go below 0.  A signed number without a unit uses ``"dimensionless"``.
    """
    return unit == "" or unit in COUNT_UNITS or canonical_unit(unit) in COUNT_UNITS


def unit_label(unit: str, *, plural: bool = True) -> str:
    """A short English label for a canonical unit ("soldiers", "km", "$", "metres").

    The words are the English unit words of the message catalogue (the one table,
    :func:`estimates._i18n.unit_words`); a unit it does not name is its own label.
    """
    if not unit:
        return ""
    from .._i18n.unit_words import unit_words  # the catalogue layer sits above _model

    words = unit_words(unit, "en")
    if words is None:
        return unit
    return words.plural if plural else words.singular
