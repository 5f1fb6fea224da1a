"""House styles: how sentences write numbers, dates, hedges, units and lists.

A :class:`HouseStyle` holds one publication's conventions in one immutable object, the
way pint's registry holds units and :class:`~estimates.Conventions` holds the reading
of hedges: the sentence writer asks the style and hard-codes none of it.  Numbers,
dates and lists go through Babel (CLDR data), in the style's ``locale``.

Two styles ship, one default per language:

``ap`` (default for ``lang="en"``)
    AP-like English.  Figures with thousands commas ("10,000"); whole numbers one to
    nine spelled out in counts ("five soldiers"), as AP does, but never with a unit
    symbol ("$5", "5%", "5 km"); "million" and "billion" for round figures of a
    million or more that need at most two decimals ("1.49 million", "$3 million"),
    other figures in full ("1,225,000"); currency symbols before the figure.  Lists
    without a serial comma ("US, South Korean and Ukrainian intelligence": CLDR's
    ``en_GB`` list pattern, which is also AP's; ``en_GB`` numbers are the same as
    ``en_US``).  Dates day first, month in full, as in the issue's examples: "12
    November 2024", "week of 4 November 2024", "October 2024" (AP's "Nov. 12" is
    not used).  "fewer than" for counts, "less than" for measures.

``fr-press`` (default for ``lang="fr"``)
    French press style.  Figures in digits with CLDR's French grouping, a narrow
    no-break space (U+202F: "10 000"), decimal comma; "million(s)" and
    "milliard(s)" for round figures ("1,49 million de victimes", "2 millions
    d'euros"); figures are never spelled out (this also avoids "un"/"une" agreement),
    but small counts of estimates are ("trois estimations"); currencies as words
    after the figure ("10 000 dollars").  Dates "12 novembre 2024", "1er novembre
    2024", "semaine du 4 novembre 2024", "octobre 2024".  French punctuation: a
    no-break space (U+00A0) before ":" and inside « », a narrow no-break space
    before ";"; "de" elides before a vowel ("d'environ 50 000").

Examples
--------
>>> ap = get_style("ap")
>>> ap.number(12000), ap.number(7), ap.number(1_490_000)
('12,000', 'seven', '1.49 million')
>>> from datetime import date
>>> ap.date(date(2024, 11, 4), date(2024, 11, 10))
'week of 4 November 2024'
>>> fr = get_style(lang="fr")
>>> fr.name, fr.number(12000) == "12\\u202f000"
('fr-press', True)
>>> fr.date(date(2024, 11, 1), date(2024, 11, 1))
'1er novembre 2024'
>>> fr.hedged("up_to", fr.amount(12000, "soldier"))
'jusqu’à 12\\u202f000 soldats'
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType
from typing import Literal

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal

from .._model.dates import DateInterval
from .._model.hedges import Hedge
from .._model.units import is_count, unit_label

__all__ = [
    "DEFAULT_STYLES",
    "STYLES",
    "HouseStyle",
    "UnitWords",
    "get_style",
    "normalise_lang",
    "register_style",
    "round_to",
    "style_names",
]

NBSP = "\u00a0"
NNBSP = "\u202f"

Placement = Literal["after", "prefix", "glued", "thin"]


@dataclass(frozen=True, slots=True)
class UnitWords:
    """How a style writes a unit next to a figure.

    ``placement``: ``after`` ("5 km"), ``prefix`` ("$5"), ``glued`` ("5%") or ``thin``
    (after a narrow no-break space: "5 %").
    """

    singular: str
    plural: str
    placement: Placement = "after"


@dataclass(frozen=True, eq=False)
class HouseStyle:
    """A publication's writing conventions (immutable; compared by identity).

    Parameters
    ----------
    name : str
        The style's name (``"ap"``, ``"fr-press"``).
    lang : str
        The language it writes: ``"en"`` or ``"fr"``.
    locale : str
        Babel locale for numbers, dates and lists.
    description : str
        One paragraph saying what the style does.
    day_pattern, day_month_pattern, month_pattern, quarter_pattern, year_pattern : str
        CLDR date patterns for a day, a day without its year, a month, a quarter and
        a year.
    first_of_month : str or None
        How the first day of a month is written ("1er"), when not as a plain numeral.
    week : str
        An ISO week, from its Monday: ``"week of {day}"``.
    between_days, between_months : str
        Other spans of days or of whole months: ``"between {start} and {end}"``.
    spell_below : int
        Whole figures from 1 to ``spell_below - 1`` are written in words (AP: 10;
        0 for never).
    number_words : tuple of str
        Words for 0 to 9, used for figures (``spell_below``) and for counts of
        estimates and ratios ("three estimates", "five times").
    scales : tuple of (float, str, str)
        ``(value, singular, plural)`` scale words, largest first ("million").
    scale_decimals : int
        A figure is written with a scale word when it needs at most this many
        decimals ("1.49 million" with 2).
    scale_unit : str
        Word between a scale word and a unit noun (French "de": "1 million de soldats").
    hedges : mapping of str to str
        Hedge code to template, ``{n}`` the figure ("up to {n}"); ``range`` uses
        ``{a}`` and ``{b}``; ``less_than`` is for measures and ``fewer_than`` for counts.
    after_preposition : mapping of str to str
        Templates used right after a preposition, when the language needs another word
        order (French "à 12 000 au maximum", never "à jusqu'à 12 000").
    units : mapping of str to UnitWords
        Words for canonical units (others fall back on ``unit_label``).
    quotes : (str, str)
        Opening and closing quotation marks.
    colon, semicolon : str
        The punctuation with the spacing the language wants (French " :", " ;").
    elide : bool
        Whether "de" becomes "d'" before a vowel (French).
    quote_labels : bool
        Whether group labels are quoted in sentences (French: the labels are the
        user's keys, often in another language: « North Korean troops in Kursk »).
    phrases : mapping of str to str
        The sentence templates, by purpose (see :mod:`estimates._present.sentences`).
    """

    name: str
    lang: str
    locale: str
    description: str
    day_pattern: str
    day_month_pattern: str
    month_pattern: str
    quarter_pattern: str
    year_pattern: str
    week: str
    between_days: str
    between_months: str
    number_words: tuple[str, ...]
    hedges: Mapping[str, str]
    units: Mapping[str, UnitWords]
    phrases: Mapping[str, str]
    first_of_month: str | None = None
    spell_below: int = 0
    scales: tuple[tuple[float, str, str], ...] = ()
    scale_decimals: int = 2
    scale_unit: str = ""
    after_preposition: Mapping[str, str] = field(default_factory=dict)
    quotes: tuple[str, str] = ("“", "”")
    colon: str = ":"
    semicolon: str = ";"
    elide: bool = False
    quote_labels: bool = False

    def __post_init__(self) -> None:
        if self.lang not in LANGS:
            raise ValueError(f"lang={self.lang!r}: expected one of {', '.join(LANGS)}")
        if len(self.number_words) != 10:
            raise ValueError("number_words: expected ten words, for 0 to 9")
        for name in ("hedges", "units", "phrases", "after_preposition"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))
        missing = [
            h.value for h in Hedge if h.value not in self.hedges and h is not Hedge.MAGNITUDE
        ]
        if missing:
            raise ValueError(f"hedges: no template for {', '.join(missing)}")

    # ------------------------------------------------------------------ numbers
    def number(self, x: float, *, spell: bool = True) -> str:
        """A figure in the style ("12,000", "seven", "1.49 million", "12 000").

        Parameters
        ----------
        x : float
            A finite number.
        spell : bool
            Whether a small whole number may be written in words (``spell_below``).
        """
        return self._number(x, spell)[0]

    def _number(self, x: float, spell: bool) -> tuple[str, bool]:
        """The figure and whether it ends with a scale word ("million")."""
        x = float(x)
        if not math.isfinite(x):
            raise ValueError(f"cannot write {x!r} as a figure")
        if spell and x == int(x) and 0 < x < min(self.spell_below, 10):
            return self.number_words[int(x)], False
        ax = abs(x)
        for value, singular, plural in self.scales:
            if ax >= value:
                q = Decimal(repr(ax)) / Decimal(repr(value))
                if q == q.quantize(Decimal(1).scaleb(-self.scale_decimals)):
                    word = singular if q < 2 else plural
                    digits = format_decimal(q, locale=self.locale, decimal_quantization=False)
                    return f"{'-' if x < 0 else ''}{digits} {word}", True
                break
        if x == int(x) and ax < 1e21:
            value_: Decimal | int = int(x)
        else:
            value_ = Decimal(repr(x))
        return format_decimal(value_, locale=self.locale, decimal_quantization=False), False

    def amount(self, x: float, unit: str = "") -> str:
        """A figure with its unit ("12,000 soldiers", "$3 million", "5 %").

        >>> get_style("ap").amount(3e6, "dollar")
        '$3 million'
        >>> get_style("fr-press").amount(1.5e6, "soldier")
        '1,5 million de soldats'
        """
        words = self.unit_words(unit) if unit else None
        spell = not unit or is_count(unit)  # "five soldiers", but "5 km", "$5", "5%"
        n, scaled = self._number(x, spell)
        if words is None:
            return n
        if words.placement == "prefix":
            return words.singular + n
        if words.placement == "glued":
            return n + words.singular
        if words.placement == "thin":
            return n + NNBSP + words.singular
        word = words.singular if self._singular(x) else words.plural
        if scaled and self.scale_unit:
            return f"{n} {self.prep(self.scale_unit, word)}"
        return f"{n} {word}"

    def _singular(self, x: float) -> bool:
        # English: one; French: below two ("1,5 million", "0,5 kilomètre").
        return abs(x) == 1 if self.lang == "en" else abs(x) < 2

    def unit_words(self, unit: str) -> UnitWords:
        """How the style writes a canonical unit."""
        got = self.units.get(unit)
        if got is not None:
            return got
        return UnitWords(unit_label(unit, plural=False), unit_label(unit, plural=True))

    def count_word(self, n: int) -> str:
        """A count of estimates or pairs: words for one to nine ("three"), else digits."""
        if 0 <= n < 10:
            return self.number_words[n]
        return self.number(n, spell=False)

    def times(self, ratio: float) -> str:
        """A ratio rounded sensibly, in words: "twice", "two and a half times",
        "five times", "about 12 times" (halves below five, whole numbers to 20, then
        two significant digits).

        >>> get_style("ap").times(4.96), get_style("fr-press").times(2.5)
        ('five times', 'deux fois et demie')
        """
        if not math.isfinite(ratio) or ratio < 1:
            raise ValueError(f"ratio={ratio!r}: expected a number >= 1")
        if ratio < 5:
            r = float(round_to(ratio, 0.5))
        elif ratio < 20:
            r = float(round_to(ratio, 1))
        else:
            r = float(round_to(ratio, 10 ** (math.floor(math.log10(ratio)) - 1)))
        whole = int(r)
        key = "times_half" if r != whole else ("twice" if whole == 2 else "times")
        words = self.count_word(whole) if whole < 10 else self.number(whole, spell=False)
        text = self.phrases[key].format(n=words)
        if not math.isclose(r, ratio, rel_tol=0.05):
            text = self.hedged("approx", text)
        return text

    # ------------------------------------------------------------------ words
    def hedged(
        self, hedge: str, n: str, *, count: bool = True, after_preposition: bool = False
    ) -> str:
        """A figure with its hedge ("up to 12,000"); ``n`` is already written.

        ``count`` picks "fewer than" (counts) or "less than" (measures);
        ``after_preposition`` the word order used after "from"/"to", "de"/"à".
        """
        key = (
            "fewer_than"
            if hedge == "less_than" and count and "fewer_than" in self.hedges
            else hedge
        )
        template = None
        if after_preposition:
            template = self.after_preposition.get(key)
        if template is None:
            template = self.hedges[key]
        return template.format(n=n)

    def span(self, a: str, b: str, *, after_preposition: bool = False) -> str:
        """A range of two written figures ("10,000 to 12,000", "de 10 000 à 12 000")."""
        template = self.after_preposition.get("range") if after_preposition else None
        return (template or self.hedges["range"]).format(a=a, b=b)

    def quote(self, text: str) -> str:
        """Text in the style's quotation marks."""
        return f"{self.quotes[0]}{text}{self.quotes[1]}"

    def prep(self, word: str, phrase: str) -> str:
        """A preposition before a phrase, elided when the language wants it
        ("de environ 50 000" is "d'environ 50 000")."""
        if self.elide and word.endswith("de") and phrase[:1].lower() in _VOWELS:
            return f"{word[:-2]}d’{phrase}"
        return f"{word} {phrase}"

    def list(self, items: Sequence[str], *, style: str = "standard") -> str:
        """Items joined with the locale's list pattern (Babel ``format_list``)."""
        return format_list(list(items), style=style, locale=self.locale)

    def phrase(self, key: str, **fields: object) -> str:
        """A sentence template of the style, filled in."""
        try:
            template = self.phrases[key]
        except KeyError:
            raise KeyError(f"style {self.name!r} has no phrase {key!r}") from None
        return template.format(**fields)

    # ------------------------------------------------------------------ dates
    def day(self, d: date, pattern: str | None = None) -> str:
        """A day in the style ("12 November 2024", "1er novembre 2024")."""
        p = pattern or self.day_pattern
        if d.day == 1 and self.first_of_month:
            p = p.replace("d", f"'{self.first_of_month}'", 1)
        return format_date(d, p, locale=self.locale)

    def date(self, start: date, end: date) -> str:
        """A span of days as readers say it: a day, a week, a month, a quarter, a year,
        or "between ... and ...".

        >>> from datetime import date
        >>> ap = get_style("ap")
        >>> ap.date(date(2024, 10, 1), date(2024, 10, 31))
        'October 2024'
        >>> ap.date(date(2024, 11, 4), date(2024, 11, 20))
        'between 4 and 20 November 2024'
        >>> get_style("fr-press").date(date(2023, 8, 1), date(2024, 10, 31))
        'entre août 2023 et octobre 2024'
        """
        precision = DateInterval(start, end).precision
        if precision == "day":
            return self.day(start)
        if precision == "week":
            return self.week.format(day=self.day(start))
        if precision == "month":
            return format_date(start, self.month_pattern, locale=self.locale)
        if precision == "quarter":
            return format_date(start, self.quarter_pattern, locale=self.locale)
        if precision == "year":
            return format_date(start, self.year_pattern, locale=self.locale)
        whole_months = start.day == 1 and DateInterval.month(end.year, end.month).end == end
        if whole_months:
            first = "MMMM" if start.year == end.year else self.month_pattern
            return self.between_months.format(
                start=format_date(start, first, locale=self.locale),
                end=format_date(end, self.month_pattern, locale=self.locale),
            )
        if (start.year, start.month) == (end.year, end.month):
            first = self.day(start, "d")
        elif start.year == end.year:
            first = self.day(start, self.day_month_pattern)
        else:
            first = self.day(start)
        return self.between_days.format(start=first, end=self.day(end))


_VOWELS = frozenset("aeiouyhàâäéèêëîïôöùûüœæ")


def round_to(x: float, step: float) -> Decimal:
    """``x`` rounded to a multiple of ``step`` (half away from zero), exactly.

    >>> round_to(24333.33, 1000), round_to(125000, 10000)
    (Decimal('24000'), Decimal('130000'))
    """
    d = Decimal(repr(float(x)))
    s = Decimal(repr(float(step))).normalize()
    return ((d / s).quantize(Decimal(1), rounding=ROUND_HALF_UP) * s).normalize() + 0


# ---------------------------------------------------------------------- the styles
LANGS = ("en", "fr")

_EN_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# Feminine: the French counts are of "estimations", "paires" and "sources".
_FR_WORDS = ("zéro", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf")

_EN_UNITS = {
    "dollar": UnitWords("$", "$", "prefix"),
    "euro": UnitWords("€", "€", "prefix"),
    "pound_sterling": UnitWords("£", "£", "prefix"),
    "percent": UnitWords("%", "%", "glued"),
    "meter": UnitWords("metre", "metres"),
    "metric_ton": UnitWords("tonne", "tonnes"),
}

_FR_UNITS = {
    "person": UnitWords("personne", "personnes"),
    "soldier": UnitWords("soldat", "soldats"),
    "civilian": UnitWords("civil", "civils"),
    "refugee": UnitWords("réfugié", "réfugiés"),
    "prisoner": UnitWords("prisonnier", "prisonniers"),
    "protester": UnitWords("manifestant", "manifestants"),
    "casualty": UnitWords("victime", "victimes"),
    "death": UnitWords("mort", "morts"),
    "wounded": UnitWords("blessé", "blessés"),
    "container": UnitWords("conteneur", "conteneurs"),
    "shell": UnitWords("obus", "obus"),
    "missile": UnitWords("missile", "missiles"),
    "drone": UnitWords("drone", "drones"),
    "vehicle": UnitWords("véhicule", "véhicules"),
    "aircraft": UnitWords("avion", "avions"),
    "ship": UnitWords("navire", "navires"),
    "home": UnitWords("logement", "logements"),
    "event": UnitWords("incident", "incidents"),
    "dollar": UnitWords("dollar", "dollars"),
    "euro": UnitWords("euro", "euros"),
    "pound_sterling": UnitWords("livre sterling", "livres sterling"),
    "rouble": UnitWords("rouble", "roubles"),
    "hryvnia": UnitWords("hryvnia", "hryvnias"),
    "percent": UnitWords("%", "%", "thin"),
    "kilometer": UnitWords("km", "km"),
    "meter": UnitWords("mètre", "mètres"),
    "mile": UnitWords("mile", "miles"),
    "kilometer ** 2": UnitWords("km²", "km²"),
    "mile ** 2": UnitWords("mile carré", "miles carrés"),
    "hectare": UnitWords("hectare", "hectares"),
    "metric_ton": UnitWords("tonne", "tonnes"),
    "kilogram": UnitWords("kg", "kg"),
    "day": UnitWords("jour", "jours"),
    "week": UnitWords("semaine", "semaines"),
    "month": UnitWords("mois", "mois"),
    "year": UnitWords("an", "ans"),
}

# Sentence templates.  Fields are written by the sentence writer, already in style.
_EN_PHRASES = {
    "single": "A single estimate of {label}{colon} {figure}.",
    "range": "Estimates of {label} range {low} {high}.",
    "from": "from",
    "to": "to",
    "one_source": "One source, {who}, gives {n} estimates of {label}, ranging {low} {high}.",
    "all_same": "All {n} estimates of {label} give {figure}.",
    "both_same": "Both estimates of {label} give {figure}.",
    "only_figure": "The only figure stated for {label} is {figure}.",
    "no_figure": "Estimates of {label} state no figure{colon} {figures}.",
    "agree_two": "Both estimates are consistent with a figure {consensus}.",
    "agree_all": "All {n} estimates are consistent with a figure {consensus}.",
    "of": "of",
    "is": "",
    "conflict_two": "The two estimates conflict{colon} {clause}.",
    "conflict_one_pair": "Two of the estimates conflict{colon} {clause}.",
    "conflict_pairs": "The estimates conflict in {n} pairs; the furthest apart{colon} {clause}.",
    "conflict_apart": "The estimates conflict, and one source stands apart{colon} {clause}.",
    "first": "{figure}",
    "second": "{figure}",
    "np_prep": "",
    "points": "{n} percentage points",
    "short_of": "{low} stops just short of {high}",
    "exceeds": "{high} exceeds {low} by {gap}",
    "ratio": "{high} is {times} {low}",
    "reading": "{figure}, read as {reading},",
    "times": "{n} times",
    "times_half": "{n} and a half times",
    "twice": "twice",
    "others": "and {n} others",
    "other": "and one other",
    "unattributed": "unattributed",
    "central_median": "The median estimate is {x}.",
    "central_median_some": "The median of the {m} estimates that give a central value is {x}.",
    "central_weighted": "The weighted mean of the estimates is {x}.",
    "central_weighted_some": (
        "The weighted mean of the {m} estimates that give a central value is {x}."
    ),
    "central_pooled": "Pooling the estimates gives a median of {x}.",
    "central_reliability": (
        "Weighting each source by its record across all quantities gives a median of {x}."
    ),
    "central_conservative": "The lowest credible figure is {x}.",
    "central_midpoint": "The middle of the range all estimates allow is {x}.",
    "central_midpoint_agreement": "The middle of the range most estimates support is {x}.",
    "central_latest": "The latest central value is {x}.",
}

_FR_PHRASES = {
    "single": "Une seule estimation pour {label}{colon} {figure}.",
    "range": "Les estimations pour {label} vont {low} {high}.",
    "from": "de",
    "to": "à",
    "one_source": "Une seule source, {who}, donne {n} estimations pour {label}, {low} {high}.",
    "all_same": "Les {n} estimations pour {label} donnent toutes {figure}.",
    "both_same": "Les deux estimations pour {label} donnent {figure}.",
    "only_figure": "Le seul chiffre avancé pour {label} est {figure}.",
    "no_figure": "Les estimations pour {label} n’avancent aucun chiffre{colon} {figures}.",
    "agree_two": "Les deux estimations sont compatibles avec un chiffre {consensus}.",
    "agree_all": "Les {n} estimations sont toutes compatibles avec un chiffre {consensus}.",
    "of": "de",
    "is": "de",
    "conflict_two": "Les deux estimations se contredisent{colon} {clause}.",
    "conflict_one_pair": "Deux des estimations se contredisent{colon} {clause}.",
    "conflict_pairs": (
        "Les estimations se contredisent dans {n} paires{semicolon} les plus éloignées{colon} "
        "{clause}."
    ),
    "conflict_apart": (
        "Les estimations se contredisent, et une source fait exception{colon} {clause}."
    ),
    "first": "l’estimation {figure}",
    "second": "celle {figure}",
    "np_prep": "de",
    "points": "{n} points",
    "short_of": "{low} s’arrête juste avant {high}",
    "exceeds": "{high} dépasse de {gap} {low}",
    "ratio": "{high} représente {times} {low}",
    "reading": "{figure}, soit {reading},",
    "times": "{n} fois",
    "times_half": "{n} fois et demie",
    "twice": "deux fois",
    "others": "et {n} autres",
    "other": "et une autre",
    "unattributed": "source non précisée",
    "central_median": "L’estimation médiane est {x}.",
    "central_median_some": (
        "La médiane des {m} estimations qui donnent une valeur centrale est {x}."
    ),
    "central_weighted": "La moyenne pondérée des estimations est {x}.",
    "central_weighted_some": (
        "La moyenne pondérée des {m} estimations qui donnent une valeur centrale est {x}."
    ),
    "central_pooled": "La mise en commun des estimations donne une médiane {x}.",
    "central_reliability": (
        "En pondérant chaque source par son bilan sur toutes les quantités, la médiane est {x}."
    ),
    "central_conservative": "Le chiffre crédible le plus bas est {x}.",
    "central_midpoint": "Le milieu de la plage admise par toutes les estimations est {x}.",
    "central_midpoint_agreement": (
        "Le milieu de la plage soutenue par le plus d’estimations est {x}."
    ),
    "central_latest": "La valeur centrale la plus récente est {x}.",
}

AP = HouseStyle(
    name="ap",
    lang="en",
    locale="en_GB",
    description=(
        "AP-like English: figures with thousands commas, one to nine spelled out in "
        "counts, 'million'/'billion' for round figures, currency symbols first, no "
        "serial comma; dates as '12 November 2024', 'week of 4 November 2024', "
        "'October 2024'."
    ),
    day_pattern="d MMMM y",
    day_month_pattern="d MMMM",
    month_pattern="MMMM y",
    quarter_pattern="QQQQ 'of' y",
    year_pattern="y",
    week="week of {day}",
    between_days="between {start} and {end}",
    between_months="between {start} and {end}",
    number_words=_EN_WORDS,
    spell_below=10,
    scales=((1e9, "billion", "billion"), (1e6, "million", "million")),
    hedges={
        "exact": "{n}",
        "approx": "about {n}",
        "nearly": "nearly {n}",
        "more_than": "more than {n}",
        "at_least": "at least {n}",
        "less_than": "less than {n}",
        "fewer_than": "fewer than {n}",
        "at_most": "at most {n}",
        "up_to": "up to {n}",
        "range": "{a} to {b}",
    },
    # "from 10,000 to up to 12,000" stumbles; "to as many as 12,000" keeps the ceiling.
    after_preposition={"up_to": "as many as {n}"},
    units=_EN_UNITS,
    phrases=_EN_PHRASES,
)

FR_PRESS = HouseStyle(
    name="fr-press",
    lang="fr",
    locale="fr_FR",
    description=(
        "Presse française : chiffres groupés par espaces fines insécables, virgule "
        "décimale, « million(s) » et « milliard(s) » pour les chiffres ronds ; dates "
        "« 12 novembre 2024 », « 1er novembre 2024 », « semaine du 4 novembre 2024 », "
        "« octobre 2024 » ; espaces insécables avant les deux-points et dans les "
        "guillemets."
    ),
    day_pattern="d MMMM y",
    day_month_pattern="d MMMM",
    month_pattern="MMMM y",
    quarter_pattern="QQQQ y",
    year_pattern="y",
    first_of_month="1er",
    week="semaine du {day}",
    between_days="entre le {start} et le {end}",
    between_months="entre {start} et {end}",
    number_words=_FR_WORDS,
    spell_below=0,
    scales=((1e9, "milliard", "milliards"), (1e6, "million", "millions")),
    scale_unit="de",
    hedges={
        "exact": "{n}",
        "approx": "environ {n}",
        "nearly": "près de {n}",
        "more_than": "plus de {n}",
        "at_least": "au moins {n}",
        "less_than": "moins de {n}",
        "at_most": "au plus {n}",
        "up_to": "jusqu’à {n}",
        "range": "de {a} à {b}",
    },
    after_preposition={
        "up_to": "{n} au maximum",
        "at_most": "{n} au plus",
        "at_least": "{n} au moins",
        "range": "{a} à {b}",
    },
    units=_FR_UNITS,
    phrases=_FR_PHRASES,
    quotes=(f"«{NBSP}", f"{NBSP}»"),
    colon=f"{NBSP}:",
    semicolon=f"{NNBSP};",
    elide=True,
    quote_labels=True,
)

_STYLES: dict[str, HouseStyle] = {s.name: s for s in (AP, FR_PRESS)}

#: Read-only view of the registered styles, by name.
STYLES: Mapping[str, HouseStyle] = MappingProxyType(_STYLES)

#: The style used for each language when none is named.
DEFAULT_STYLES: Mapping[str, str] = MappingProxyType({"en": "ap", "fr": "fr-press"})


def normalise_lang(lang: str) -> str:
    """``"en"`` or ``"fr"`` from a language tag ("en-GB", "fr_FR").

    Raises
    ------
    ValueError
        For any other language.
    """
    if isinstance(lang, str):
        key = lang.strip().lower().replace("_", "-").split("-", 1)[0]
        if key in LANGS:
            return key
    raise ValueError(f"lang={lang!r}: expected 'en' or 'fr' (or a tag such as 'fr-FR')")


def register_style(style: HouseStyle, *, replace: bool = False) -> HouseStyle:
    """Register a house style under its name.

    Raises
    ------
    ValueError
        If another style has that name and ``replace`` is False.
    """
    if not isinstance(style, HouseStyle):
        raise TypeError(f"expected a HouseStyle, got {type(style).__name__}")
    old = _STYLES.get(style.name)
    if old is not None and old != style and not replace:
        raise ValueError(f"a style named {style.name!r} exists; pass replace=True")
    _STYLES[style.name] = style
    return style


def style_names() -> tuple[str, ...]:
    """Names of the registered styles."""
    return tuple(_STYLES)


def get_style(style: str | HouseStyle | None = None, lang: str | None = None) -> HouseStyle:
    """The named style, or the default style of ``lang``.

    Raises
    ------
    ValueError
        For an unknown style or language, or a style that writes another language
        than ``lang``.

    Examples
    --------
    >>> get_style(lang="en").name
    'ap'
    >>> get_style("chicago")
    Traceback (most recent call last):
    ...
    ValueError: style='chicago': expected one of 'ap', 'fr-press' (or a HouseStyle)
    >>> get_style("ap", lang="fr")
    Traceback (most recent call last):
    ...
    ValueError: style 'ap' writes 'en', not lang='fr': use style='fr-press' (or style=None)
    """
    key = None if lang is None else normalise_lang(lang)
    if style is None:
        return _STYLES[DEFAULT_STYLES[key or "en"]]
    if isinstance(style, HouseStyle):
        found = style
    else:
        found = _STYLES.get(style) if isinstance(style, str) else None
        if found is None:
            known = ", ".join(repr(n) for n in _STYLES)
            raise ValueError(f"style={style!r}: expected one of {known} (or a HouseStyle)")
    if key is not None and found.lang != key:
        raise ValueError(
            f"style {found.name!r} writes {found.lang!r}, not lang={lang!r}: use "
            f"style={DEFAULT_STYLES[key]!r} (or style=None)"
        )
    return found
