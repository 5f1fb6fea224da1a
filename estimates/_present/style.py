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
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_UP, Decimal, localcontext
from types import MappingProxyType
from typing import Literal

from babel.lists import format_list

from .._i18n import UnitWords, languages, normalise_lang, translator, unit_words
from .._model.errors import ArgumentTypeError, OptionError
from .._model.hedges import Hedge
from .._model.units import is_count, unit_label
from .format import DateWords, date_words, digits, format_day, format_period, plain

__all__ = [
    "DEFAULT_STYLES",
    "STYLES",
    "HouseStyle",
    "StyleError",
    "UnitWords",
    "default_style",
    "get_style",
    "register_style",
    "round_to",
    "style_from_catalogue",
    "style_names",
]

ListStyle = Literal[
    "standard", "standard-short", "or", "or-short", "unit", "unit-short", "unit-narrow"
]
NBSP = "\u00a0"
NNBSP = "\u202f"


class StyleError(OptionError):
    """A house style is misdefined or unknown, or cannot write a value.

    An :class:`estimates.OptionError` (so a ``ValueError``) with its fields: ``option``
    (the argument or style field), ``value`` and ``expected``; code ``option.invalid``.
    """


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
    date_words : DateWords
        How days and spans of days are written (CLDR patterns and templates: a day,
        a week "week of {day}", a month, "between {start} and {end}" ...), the one
        home of those words (:class:`estimates._present.format.DateWords`).
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
    date_words: DateWords
    number_words: tuple[str, ...]
    hedges: Mapping[str, str]
    units: Mapping[str, UnitWords]
    phrases: Mapping[str, str]
    spell_below: int = 0
    scales: tuple[tuple[float, str, str], ...] = ()
    scale_decimals: int = 2
    scale_unit: str = ""
    after_preposition: Mapping[str, str] = field(default_factory=dict)
    quotes: tuple[str, str] = ("“", "”")
    colon: str = ":"
    semicolon: str = ";"
    elide: bool = False
    elision_letters: str = "aeiouyhàâäéèêëîïôöùûüœæ"
    quote_labels: bool = False

    def __post_init__(self) -> None:
        if self.lang not in languages():
            raise StyleError(
                "lang",
                self.lang,
                f"one of {', '.join(repr(x) for x in languages())} "
                "(a language with a message catalogue)",
            )
        if len(self.number_words) != 10:
            raise StyleError("number_words", self.number_words, "ten words, for 0 to 9")
        for name in ("hedges", "units", "phrases", "after_preposition"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))
        missing = [
            h.value for h in Hedge if h.value not in self.hedges and h is not Hedge.MAGNITUDE
        ]
        if missing:
            raise StyleError(
                "hedges", tuple(self.hedges), f"a template for {', '.join(missing)} too"
            )

    def word(self, key: str, context: str = "sentence", **fields: object) -> str:
        """A word of the style's language catalogue (verdicts, statuses, headings)."""
        return translator(self.lang)(key, context=context, **fields)

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
            raise StyleError("x", x, "a finite number to write as a figure")
        if spell and x == int(x) and 0 < x < min(self.spell_below, 10):
            return self.number_words[int(x)], False
        ax = abs(x)
        for value, singular, plural in self.scales if plain(x) else ():
            if ax >= value:
                q = (Decimal(repr(ax)) / Decimal(repr(value))).normalize()
                exponent = q.as_tuple().exponent
                if isinstance(exponent, int) and exponent >= -self.scale_decimals:
                    word = singular if self._singular(float(q)) else plural
                    text = digits(float(q), self.locale)
                    return f"{'-' if x < 0 else ''}{text} {word}", True
                break
        return digits(x, self.locale), False

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
        # The catalogue's plural rule (CLDR for fractions): English "1 metre" but
        # "1.5 metres"; French "1,5 million", "0,5 kilomètre".
        return translator(self.lang).is_singular(x)

    def unit_words(self, unit: str) -> UnitWords:
        """How the style writes a canonical unit (the style's own words, else the
        catalogue's, else the unit's name)."""
        got = self.units.get(unit) or unit_words(unit, self.lang)
        if got is not None:
            return got
        return UnitWords(unit_label(unit, plural=False), unit_label(unit, plural=True))

    def count_word(self, n: int) -> str:
        """A count of estimates or pairs: words for one to nine ("three"), else digits."""
        if 0 <= n < 10:
            return self.number_words[n]
        return self.number(n, spell=False)

    def times(self, ratio: float, *, floor: bool = False) -> str:
        """A ratio rounded sensibly, in words: "twice", "two and a half times",
        "five times", "about 12 times" (halves below five, whole numbers to 20, then
        two significant digits).  ``floor`` rounds down and never says "about", for a
        ratio that is a lower bound (the caller says "more than").

        >>> get_style("ap").times(4.96), get_style("fr-press").times(2.5)
        ('five times', 'deux fois et demie')
        >>> get_style("ap").times(4.17, floor=True)
        'four times'
        """
        if not math.isfinite(ratio) or ratio < 1:
            raise StyleError("ratio", ratio, "a number >= 1")
        if ratio < 5:
            step = 0.5
        elif ratio < 20:
            step = 1.0
        else:
            step = 10.0 ** (math.floor(math.log10(ratio)) - 1)
        if floor:
            r = math.floor(ratio / step + 1e-9) * step
            r = max(r, 1.0)
        else:
            r = float(round_to(ratio, step))
        whole = int(r)
        key = "times_half" if r != whole else ("twice" if whole == 2 else "times")
        words = self.count_word(whole) if whole < 10 else self.number(whole, spell=False)
        text = self.phrases[key].format(n=words)
        if not floor and not math.isclose(r, ratio, rel_tol=0.05):
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
        if self.elide and word.endswith("de") and phrase[:1].lower() in self.elision_letters:
            return f"{word[:-2]}d’{phrase}"
        return f"{word} {phrase}"

    def list(self, items: Sequence[str], *, style: ListStyle = "standard") -> str:
        """Items joined with the locale's list pattern (Babel ``format_list``)."""
        return format_list(list(items), style=style, locale=self.locale)

    def phrase(self, key: str, **fields: object) -> str:
        """A sentence template of the style, filled in."""
        template = self.phrases.get(key)
        if template is None:
            raise StyleError("key", key, f"a phrase of style {self.name!r}")
        return template.format(**fields)

    # ------------------------------------------------------------------ dates
    def day(self, d: date, pattern: str | None = None) -> str:
        """A day in the style ("12 November 2024", "1er novembre 2024")."""
        return format_day(d, self.date_words, pattern)

    def date(self, start: date, end: date) -> str:
        """A span of days as readers say it (see
        :func:`estimates._present.format.format_period`).

        >>> from datetime import date
        >>> get_style("ap").date(date(2024, 11, 4), date(2024, 11, 20))
        'between 4 and 20 November 2024'
        """
        return format_period(start, end, self.date_words)


def round_to(x: float, step: float) -> Decimal:
    """``x`` rounded to a multiple of ``step`` (half away from zero), exactly.

    >>> round_to(24333.33, 1000), round_to(125000, 10000)
    (Decimal('24000'), Decimal('130000'))
    >>> float(round_to(1.5e40, 1)), float(round_to(2.5e-300, 1e-300))
    (1.5e+40, 3e-300)
    """
    d = Decimal(repr(float(x)))
    s = Decimal(repr(float(step))).normalize()
    with localcontext() as ctx:  # any float over any step: up to ~650 digits, exactly
        ctx.prec = 800
        ctx.Emin, ctx.Emax = MIN_EMIN, MAX_EMAX
        return ((d / s).quantize(Decimal(1), rounding=ROUND_HALF_UP) * s).normalize() + 0


# ---------------------------------------------------------------------- the styles
def style_from_catalogue(name: str, lang: str, description: str | None = None) -> HouseStyle:
    """A house style whose words all come from the message catalogue of ``lang``
    (contexts ``style``, ``number``, ``scale``, ``hedge``, ``hedge-after-preposition``,
    ``sentence``; unit words from ``unit``).  A third language needs only a catalogue.
    """
    t = translator(lang)

    def s(key: str) -> str:
        return t(key, context="style")

    scales = tuple(
        (float(v), t.plural(v, 1, context="scale"), t.plural(v, 2, context="scale"))
        for v in sorted(t.keys("scale"), key=float, reverse=True)
    )
    return HouseStyle(
        name=name,
        lang=t.lang,
        locale=s("locale"),
        description=description if description is not None else s("description"),
        date_words=date_words(t.lang),
        number_words=tuple(t(str(i), context="number") for i in range(10)),
        spell_below=int(s("spell_below")),
        scales=scales,
        scale_decimals=int(s("scale_decimals")),
        scale_unit=s("scale_unit"),
        hedges={k: t(k, context="hedge") for k in t.keys("hedge")},
        after_preposition={
            k: t(k, context="hedge-after-preposition") for k in t.keys("hedge-after-preposition")
        },
        units={},
        phrases={k: t(k, context="sentence") for k in t.keys("sentence")},
        quotes=(s("quote_open"), s("quote_close")),
        colon=s("colon"),
        semicolon=s("semicolon"),
        elide=s("elide") == "yes",
        elision_letters=s("elision_letters"),
        quote_labels=s("quote_labels") == "yes",
    )


AP = style_from_catalogue("ap", "en")
FR_PRESS = style_from_catalogue("fr-press", "fr")

_STYLES: dict[str, HouseStyle] = {s.name: s for s in (AP, FR_PRESS)}

#: Read-only view of the registered styles, by name.
STYLES: Mapping[str, HouseStyle] = MappingProxyType(_STYLES)

#: The style used for each language when none is named.
DEFAULT_STYLES: Mapping[str, str] = MappingProxyType({"en": "ap", "fr": "fr-press"})


def register_style(style: HouseStyle, *, replace: bool = False) -> HouseStyle:
    """Register a house style under its name.

    Raises
    ------
    StyleError
        If another style has that name and ``replace`` is False.
    """
    if not isinstance(style, HouseStyle):
        raise ArgumentTypeError("style", style, "a HouseStyle")
    old = _STYLES.get(style.name)
    if old is not None and old != style and not replace:
        raise StyleError(
            "style", style.name, "a name no other style has (or replace=True to replace it)"
        )
    _STYLES[style.name] = style
    return style


def style_names() -> tuple[str, ...]:
    """Names of the registered styles."""
    return tuple(_STYLES)


def get_style(style: str | HouseStyle | None = None, lang: str | None = None) -> HouseStyle:
    """The named style, or the default style of ``lang``.

    Raises
    ------
    StyleError
        For an unknown style or language, or a style that writes another language
        than ``lang``.

    Examples
    --------
    >>> get_style(lang="en").name
    'ap'
    >>> get_style("chicago")
    Traceback (most recent call last):
    ...
    estimates._present.style.StyleError: style='chicago': expected one of 'ap', ...
    >>> get_style("ap", lang="fr")
    Traceback (most recent call last):
    ...
    estimates._present.style.StyleError: style='ap': expected a style writing lang='fr' ...
    """
    key = None if lang is None else normalise_lang(lang)
    if style is None:
        return default_style(key or "en")
    found: HouseStyle | None
    if isinstance(style, HouseStyle):
        found = style
    else:
        found = _STYLES.get(style) if isinstance(style, str) else None
    if found is None:
        known = ", ".join(repr(n) for n in _STYLES)
        raise StyleError("style", style, f"one of {known} (or a HouseStyle)")
    if key is not None and found.lang != key:
        raise StyleError(
            "style",
            found.name,
            f"a style writing lang={lang!r} ({found.name!r} writes {found.lang!r}): "
            f"use style={default_style(key).name!r} (or style=None)",
        )
    return found


_CATALOGUE_STYLES: dict[tuple[str, int], HouseStyle] = {}


def default_style(lang: str) -> HouseStyle:
    """The default style of a language: the registered default, else a style built
    from the language's catalogue (named after the language)."""
    from .._i18n.catalogue import generation

    key = normalise_lang(lang)
    name = DEFAULT_STYLES.get(key)
    if name is not None and name in _STYLES:
        return _STYLES[name]
    cache_key = (key, generation())
    got = _CATALOGUE_STYLES.get(cache_key)
    if got is None:
        got = _CATALOGUE_STYLES[cache_key] = style_from_catalogue(key, key)
    return got
