"""The words around numbers, per language: hedges, scale words, vague magnitudes.

This module is data.  It lists, for English and French, the words that qualify a
number ("up to", "environ"), scale it ("million", "bn", "milliards"), stand for a vague
magnitude ("thousands", "des milliers", "a few"), or show that a number is *not* a
figure (month names before a year, labels such as "Article 5").  Everything is
compiled once, at import, into one :class:`Lexicon` per language.

Phrases are written in lower case with a plain apostrophe and single spaces; the
compiled patterns match them case-insensitively, with any run of whitespace
(including no-break spaces) for a space and any of ``' ’ ʼ`` for the apostrophe.

Hedge phrases that come *before* a number are matched backwards: the text just
before the number is reversed and matched against the reversed phrases, anchored, so
that looking for a hedge costs the same however long the text is.

Examples
--------
>>> lex = get_lexicon("fr")
>>> lex.prefix_hedges["jusqu'à"]
'up_to'
>>> lex.spaced_scales["milliards"]
1000000000
>>> lex.plural_magnitudes["milliers"]
1000
>>> get_lexicon("en-GB").lang
'en'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .._i18n.lang import normalise_lang as normalise_i18n_lang  # the one language normaliser

__all__ = [
    "LANGS",
    "OPEN_BETWEEN",
    "OPEN_FROM",
    "TEMPERATURE_SIGNS",
    "Lexicon",
    "get_lexicon",
    "normalise_lang",
    "normalise_phrase",
]

#: Languages the parser reads.
LANGS: tuple[str, ...] = ("en", "fr")

#: Pseudo-hedge codes for range openers: "between X and Y" / "from X to Y".
OPEN_BETWEEN = "open_between"
OPEN_FROM = "open_from"

# fmt: off
# ----------------------------------------------------------------------- hedges
# Phrases before the number -> hedge code (or a range opener).
_PREFIX_HEDGES: dict[str, dict[str, str]] = {
    "en": {
        # approx
        "about": "approx", "around": "approx", "roughly": "approx", "some": "approx",
        "approximately": "approx", "approx.": "approx", "approx": "approx",
        "an estimated": "approx", "estimated": "approx", "estimated at": "approx",
        "circa": "approx", "ca.": "approx", "c.": "approx", "in the region of": "approx",
        "on the order of": "approx", "of the order of": "approx", "something like": "approx",
        "roughly about": "approx", "~": "approx", "≈": "approx", "more or less": "approx",
        # nearly
        "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
        "just shy of": "nearly", "not quite": "nearly", "nearly all of": "nearly",
        # more_than
        "more than": "more_than", "over": "more_than", "upwards of": "more_than",
        "in excess of": "more_than", "above": "more_than", "exceeding": "more_than",
        "well over": "more_than", "just over": "more_than", "greater than": "more_than",
        "well above": "more_than", "more then": "more_than", ">": "more_than",
        # at_least
        "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
        "not less than": "at_least", "not fewer than": "at_least", "a minimum of": "at_least",
        "at the very least": "at_least", "≥": "at_least", ">=": "at_least",
        # less_than
        "fewer than": "less_than", "less than": "less_than", "under": "less_than",
        "below": "less_than", "<": "less_than", "not even": "less_than",
        # at_most
        "at most": "at_most", "no more than": "at_most", "not more than": "at_most",
        "a maximum of": "at_most", "at the most": "at_most", "≤": "at_most", "<=": "at_most",
        # up_to
        "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "as high as": "up_to",
        # range openers
        "between": OPEN_BETWEEN, "from": OPEN_FROM,
    },
    "fr": {
        # approx
        "environ": "approx", "quelque": "approx", "autour de": "approx", "autour d'": "approx",
        "approximativement": "approx", "à peu près": "approx", "a peu pres": "approx",
        "aux alentours de": "approx", "aux alentours d'": "approx", "de l'ordre de": "approx",
        "de l'ordre d'": "approx", "grosso modo": "approx", "estimé à": "approx",
        "estimée à": "approx", "estimés à": "approx", "estimées à": "approx", "env.": "approx",
        "quelque chose comme": "approx", "~": "approx", "≈": "approx",
        "plus ou moins": "approx",
        # nearly
        "près de": "nearly", "près d'": "nearly", "pres de": "nearly", "presque": "nearly",
        "quasiment": "nearly", "pas loin de": "nearly", "pas loin d'": "nearly",
        "tout près de": "nearly", "tout près d'": "nearly", "proche de": "nearly",
        "proche d'": "nearly",
        # more_than
        "plus de": "more_than", "plus d'": "more_than", "au-delà de": "more_than",
        "au-delà d'": "more_than", "un peu plus de": "more_than", "un peu plus d'": "more_than",
        "bien plus de": "more_than", "bien plus d'": "more_than",
        "largement plus de": "more_than", "supérieur à": "more_than", ">": "more_than",
        # at_least
        "au moins": "at_least", "au minimum": "at_least", "pas moins de": "at_least",
        "pas moins d'": "at_least", "au bas mot": "at_least", "≥": "at_least", ">=": "at_least",
        # less_than
        "moins de": "less_than", "moins d'": "less_than", "un peu moins de": "less_than",
        "un peu moins d'": "less_than", "inférieur à": "less_than", "<": "less_than",
        "même pas": "less_than", "pas même": "less_than",
        # at_most
        "au plus": "at_most", "au maximum": "at_most", "pas plus de": "at_most",
        "pas plus d'": "at_most", "tout au plus": "at_most", "≤": "at_most", "<=": "at_most",
        # up_to
        "jusqu'à": "up_to", "jusqu'a": "up_to", "allant jusqu'à": "up_to",
        # range openers
        "entre": OPEN_BETWEEN, "de": OPEN_FROM,
    },
}

# Phrases after the number (or after its unit) -> hedge code.
_POSTFIX_HEDGES: dict[str, dict[str, str]] = {
    "en": {
        "or more": "at_least", "or above": "at_least", "or over": "at_least",
        "and more": "at_least", "and up": "at_least", "and upwards": "at_least",
        "and above": "at_least", "or greater": "at_least", "at least": "at_least",
        "minimum": "at_least", "at a minimum": "at_least",
        "or so": "approx", "or thereabouts": "approx", "give or take": "approx",
        "or fewer": "at_most", "or less": "at_most", "at most": "at_most",
        "at the most": "at_most", "maximum": "at_most", "max": "at_most", "tops": "at_most",
    },
    "fr": {
        "ou plus": "at_least", "et plus": "at_least", "au moins": "at_least",
        "minimum": "at_least", "au minimum": "at_least", "au bas mot": "at_least",
        "environ": "approx", "à peu près": "approx",
        "ou moins": "at_most", "au plus": "at_most", "maximum": "at_most",
        "au maximum": "at_most", "tout au plus": "at_most", "max": "at_most",
    },
}

#: Range connectors by opener (None: no opener; "X to Y", "X-Y" and "X à Y" need none).
_CONNECTORS: dict[str, dict[str | None, frozenset[str]]] = {
    "en": {
        None: frozenset({"to"}),
        OPEN_BETWEEN: frozenset({"and", "to"}),
        OPEN_FROM: frozenset({"to"}),
    },
    "fr": {
        None: frozenset({"à"}),
        OPEN_BETWEEN: frozenset({"et", "à"}),
        OPEN_FROM: frozenset({"à", "a"}),
    },
}

# ----------------------------------------------------------------------- scales
# Scale words glued to digits ("10k", "2.8M", "3bn", "2,5Md").  Case matters: "t" is
# not a trillion and "m" glued to digits is read as million (the news convention:
# "$3m", "2.8m people"), never as metres.
_GLUED_SCALES: dict[str, int] = {
    "k": 10**3, "K": 10**3,
    "m": 10**6, "M": 10**6, "mn": 10**6, "Mn": 10**6, "mln": 10**6, "Mio": 10**6,
    "bn": 10**9, "Bn": 10**9, "b": 10**9, "B": 10**9, "bln": 10**9,
    "md": 10**9, "Md": 10**9, "mds": 10**9, "Mds": 10**9, "mrd": 10**9, "Mrd": 10**9,
    "tn": 10**12, "trn": 10**12, "T": 10**12,
}

# Scale words after a number and a space ("1.5 million", "2,5 milliards"), lower case.
_SPACED_SCALES: dict[str, dict[str, int]] = {
    "en": {
        "hundred": 100, "thousand": 10**3, "million": 10**6, "millions": 10**6,
        "billion": 10**9, "billions": 10**9, "trillion": 10**12, "trillions": 10**12,
        "mn": 10**6, "mln": 10**6, "bn": 10**9, "bln": 10**9, "tn": 10**12, "dozen": 12,
        "milliard": 10**9, "milliards": 10**9,
    },
    "fr": {
        "mille": 10**3, "million": 10**6, "millions": 10**6, "milliard": 10**9,
        "milliards": 10**9, "billion": 10**12, "billions": 10**12, "mn": 10**6,
        "mln": 10**6, "md": 10**9, "mds": 10**9, "mrd": 10**9, "mrds": 10**9,
        "bn": 10**9, "douzaine": 12,
    },
}

#: Short scale symbols that may stand apart from the number before a currency sign
#: ("10 k€", "2,8 M€", "3 Md$").
SPACED_SCALE_BEFORE_CURRENCY: Mapping[str, int] = MappingProxyType(
    {"k": 10**3, "m": 10**6, "md": 10**9, "mds": 10**9, "mrd": 10**9}
)

# ------------------------------------------------------------------- magnitudes
# "N-s of M" words: thousands, des milliers.  Value is the scale M.
_PLURAL_MAGNITUDES: dict[str, dict[str, int]] = {
    "en": {
        "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 10**3,
        "millions": 10**6, "billions": 10**9, "trillions": 10**12,
    },
    "fr": {
        "dizaines": 10, "douzaines": 12, "vingtaines": 20, "centaines": 100,
        "milliers": 10**3, "millions": 10**6, "milliards": 10**9,
    },
}

# Plural magnitudes that need "of" after them to be numbers ("tens of", "scores of").
_NEEDS_OF: dict[str, frozenset[str]] = {
    "en": frozenset({"tens", "scores"}),
    "fr": frozenset(),
}

# "several" / "a few" words: kind of vague magnitude.
_VAGUE_QUANTIFIERS: dict[str, dict[str, str]] = {
    "en": {"several": "several", "few": "few"},
    "fr": {"plusieurs": "several", "quelques": "few"},
}

# Quantifiers that need an article before them ("a few"; bare "few" is "not many").
_NEEDS_ARTICLE: dict[str, frozenset[str]] = {
    "en": frozenset({"few"}),
    "fr": frozenset(),
}

# Singular scale words that may follow "several" / "a few" ("several hundred thousand").
_QUANTIFIER_SCALES: dict[str, dict[str, int]] = {
    "en": {"dozen": 12, "hundred": 100, "thousand": 10**3, "million": 10**6,
           "billion": 10**9, "trillion": 10**12},
    "fr": {},
}

# French approximate collectives: "une dizaine" is about 10.
_COLLECTIVES: dict[str, dict[str, int]] = {
    "en": {},
    "fr": {
        "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
        "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
        "millier": 10**3,
        "dizaines": 10, "douzaines": 12, "quinzaines": 15, "vingtaines": 20,
        "trentaines": 30, "quarantaines": 40, "cinquantaines": 50, "soixantaines": 60,
        "centaines": 100, "milliers": 10**3,
    },
}

# Articles that may precede a scale or magnitude word ("a dozen", "des milliers").
_ARTICLES: dict[str, tuple[str, ...]] = {
    "en": ("a", "an"),
    "fr": ("des", "les", "par", "de", "d'"),
}

# Number words that start a figure only after an article: "a hundred", "a dozen".
_ARTICLE_NUMBERS: dict[str, frozenset[str]] = {
    "en": frozenset({
        "hundred", "thousand", "million", "billion", "trillion", "dozen", "quarter", "third",
    }),
    "fr": frozenset(),
}
# Scale words that need a count before them: "un million", never "million" alone.
_COUNTED_SCALES: dict[str, frozenset[str]] = {
    "en": frozenset(),
    "fr": frozenset({"million", "milliard", "billion", "billions"}),
}

# Words that link a magnitude to what it counts ("thousands of troops").
_OF: dict[str, frozenset[str]] = {"en": frozenset({"of"}), "fr": frozenset({"de", "d"})}

# Adjectives that may stand between a number and its noun ("5,000 more troops").
_ADJECTIVES: dict[str, frozenset[str]] = {
    "en": frozenset({
        "more", "additional", "extra", "new", "other", "foreign", "armed", "enemy",
        "regular", "elite", "active", "young", "local", "innocent", "unarmed", "fresh",
        "further", "trained", "allied", "professional", "reserve", "total", "estimated",
        "confirmed", "reported", "documented", "verified", "recorded", "registered", "known",
        "identified", "official", "combined", "military", "western",
        "ukrainian", "russian", "korean", "north", "south", "american", "british", "french",
        "chinese", "iranian", "israeli", "palestinian", "syrian", "german",
    }),
    "fr": frozenset({
        "autres", "nouveaux", "nouvelles", "jeunes", "anciens", "anciennes", "simples",
        "vrais", "véritables", "premiers", "premières", "derniers", "dernières",
    }),
}

# ----------------------------------------------------------------------- not figures
# Month names: a day number next to one, or a year after one, is a date.
# English months are matched with their capital ("May", "March" are also common words).
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec",
)
_MONTHS_FR = (
    "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août",
    "aout", "septembre", "octobre", "novembre", "décembre", "decembre", "janv", "févr",
    "fév", "fevr", "avr", "juil", "sept", "oct", "nov", "déc", "dec",
)

# Words before a number that make it a label, not a quantity ("Article 5", "Flight 370").
_LABELS = (
    "article", "articles", "flight", "vol", "apollo", "boeing", "airbus", "windows",
    "iphone", "ligue", "league", "route", "highway", "autoroute", "chapter", "chapitre",
    "section", "page", "pages", "room", "gate", "level", "phase", "stage", "étape",
    "episode", "épisode", "season", "saison", "resolution", "résolution", "no.", "n°", "nº",
    "no", "numéro", "number", "version", "model", "modèle", "type", "block", "bloc",
    "division", "brigade", "regiment", "régiment", "battalion", "bataillon", "unit",
    "unité", "formula", "formule", "catégorie", "category", "grade", "class", "classe",
    "titre", "title", "tome", "volume", "vol.", "act", "acte", "lot", "line", "ligne",
    "rue", "avenue", "street", "bus", "channel", "canal", "kursk-",
)

# Words before a number that make it an age ("aged 23", "âgé de 23 ans").
_AGE_PREFIXES: dict[str, tuple[str, ...]] = {
    "en": ("aged", "age", "ages", "age of", "aged between", "aged from"),
    "fr": ("âgé de", "âgée de", "âgés de", "âgées de", "âge de", "l'âge de", "agé de",
           "âgé d'", "âgés d'", "âgés entre", "âgées entre"),
}

# Currency signs and codes that may stand before the number ("$3bn", "US$5", "EUR 3m").
_CURRENCY_PREFIXES = ("us$", "$", "€", "£", "₽", "₴")
_CURRENCY_CODES = ("USD", "EUR", "GBP", "RUB", "UAH")

# Symbols that may stand after the number, glued or after one space ("10 %", "5€").
_UNIT_SYMBOLS = frozenset({"%", "€", "$", "£", "₽", "₴"})

# Suffixes glued to digits that make an ordinal ("21st", "3e", "1er", "2nde").
_ORDINAL_SUFFIXES = frozenset({
    "st", "nd", "rd", "th", "e", "er", "re", "ère", "eme", "ème", "è", "ᵉ", "ᵉʳ", "nde",
    "d", "ieme", "ième", "me",
})

# Number words: where a figure in words may start (they include every word that
# numbers.read_words reads; a test checks it).
_TRIGGER_WORDS: dict[str, tuple[str, ...]] = {
    "en": (
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fourty",
        "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million",
        "billion", "trillion", "dozen", "half", "quarter", "third",
    ),
    "fr": (
        "zéro", "zero", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept",
        "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize",
        "vingt", "vingts", "trente", "quarante", "cinquante", "soixante", "septante",
        "huitante", "octante", "nonante", "cent", "cents", "mille", "million", "millions",
        "milliard", "milliards", "billion", "billions",
    ),
}

# Words that may stand between a hedge and its number ("up to another $4.4 billion").
_FILLERS: dict[str, tuple[str, ...]] = {
    "en": ("another", "a further", "an additional", "an extra"),
    "fr": ("encore",),
}

#: Temperature signs read as units after a number ("5 °C", "-3°C", "41 °F").  A
#: temperature has no floor at 0: "less than 5 °C" is (-inf, 5).
TEMPERATURE_SIGNS: Mapping[str, str] = MappingProxyType({
    "°C": "degree_Celsius", "°F": "degree_Fahrenheit", "℃": "degree_Celsius",
    "℉": "degree_Fahrenheit", "ºC": "degree_Celsius", "ºF": "degree_Fahrenheit",
})

# Words that carry meaning for a figure beyond the hedge phrases and number words:
# negations and fractions.  A cell word of these (or of any hedge phrase, number,
# scale or magnitude word of either language) that the parser did not use makes
# parse() refuse the cell rather than drop it.
_MEANING_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("not", "never", "nor", "no", "half", "quarter", "quarters", "third", "thirds",
           "plus", "minus", "times", "per", "fraction"),
    "fr": ("pas", "jamais", "ni", "demi", "demie", "quart", "quarts", "tiers", "moitié",
           "fois", "moins", "plus", "par"),
}
# Words of hedge phrases too common to mean anything alone ("of", "the", "de").
_COMMON_WORDS = frozenset({
    "a", "an", "the", "of", "to", "in", "at", "as", "on", "by", "for", "and", "or", "all",
    "something", "like", "just", "well", "quite", "high", "close", "region", "order", "c",
    "ca", "de", "d", "l", "la", "le", "les", "du", "des", "à", "et", "ou", "un", "une",
    "en", "tout", "bien", "comme", "chose", "allant", "peu", "s", "from", "so", "then",
    "take", "give", "very", "au", "aux", "bas", "mot", "ordre",
})

# fmt: on


# ----------------------------------------------------------------------- helpers
_LETTERS = re.compile(r"[^\W\d_]+")


def normalise_phrase(phrase: str) -> str:
    """Lower-case a phrase, straighten its apostrophes and collapse its spaces.

    >>> normalise_phrase("Jusqu’à")
    "jusqu'à"
    >>> normalise_phrase("up\\u00a0 To")
    'up to'
    >>> normalise_phrase("au-delà de")
    'au delà de'
    """
    s = phrase.replace("’", "'").replace("ʼ", "'").replace("\u2011", "-").replace("\u2010", "-")
    return " ".join(s.replace("-", " ").lower().split())


def normalise_lang(lang: str, text: str = "") -> str:
    """Return ``"en"`` or ``"fr"`` for a language tag, or raise :class:`LanguageError`
    (a :class:`ParseError`) naming the text that was to be read.

    >>> normalise_lang("fr-FR")
    'fr'
    >>> normalise_lang("de", "about 10")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    estimates._model.errors.LanguageError: cannot read 'about 10': unsupported language 'de'; ...
    """
    return normalise_i18n_lang(lang, LANGS, text=text)


def _char_class(ch: str) -> str:
    if ch == "'":
        return "['’ʼ]"
    if ch == " ":
        return r"\s+"
    if ch == "-":
        return r"[-\u2010\u2011\s]"
    return re.escape(ch)


def _reversed_alternation(phrases: Iterable[str]) -> str:
    """An alternation of phrases written backwards, longest first."""
    out = []
    for p in sorted(set(phrases), key=len, reverse=True):
        body = "".join(_char_class(c) for c in reversed(p))
        # A phrase that starts with a letter must start at a word boundary.
        tail = r"(?![^\W_])" if p[0].isalnum() else ""
        out.append(body + tail)
    return "|".join(out)


def _forward_alternation(phrases: Iterable[str]) -> str:
    out = []
    for p in sorted(set(phrases), key=len, reverse=True):
        body = "".join(_char_class(c) for c in p)
        tail = r"(?![^\W_])" if p[-1].isalnum() else ""
        out.append(body + tail)
    return "|".join(out)


# ----------------------------------------------------------------------- lexicon
@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """Everything the parser knows about one language, compiled.

    Attributes
    ----------
    lang : str
        ``"en"`` or ``"fr"``.
    prefix_hedges, postfix_hedges : Mapping[str, str]
        Normalised phrase -> hedge code (or :data:`OPEN_BETWEEN` / :data:`OPEN_FROM`).
    connectors : Mapping[str | None, frozenset[str]]
        Word connectors allowed after each range opener (dashes are always allowed).
    glued_scales, spaced_scales : Mapping[str, int]
        Scale words glued to digits (case-sensitive) and after a space (lower case).
    plural_magnitudes, quantifiers, quantifier_scales, collectives : Mapping
        Vague magnitude words and their scales.
    needs_of, needs_article : frozenset of str
        Magnitude words that need "of" after them ("tens of") or an article before
        them ("a few").
    articles, of_words, adjectives : frozenset of str
        Articles before a magnitude ("des milliers"), words linking a number to its
        noun ("of", "de"), adjectives allowed between them ("5,000 more troops").
    months : frozenset of str
        Month names and abbreviations (English ones capitalised, matched with case).
    article_numbers, counted_scales : frozenset of str
        Number words that need an article ("a dozen") or a count ("un million").
    ordinal_suffixes, unit_symbols : frozenset of str
        Suffixes glued to digits that make an ordinal; unit signs after a number.
    trigger : re.Pattern
        Where a figure may start: a digit run or a number / magnitude word.
    back_hedge, back_currency, back_article, back_context : re.Pattern
        Anchored patterns over the *reversed* text before a number.
    postfix : re.Pattern
        Anchored pattern for a hedge after the number.
    back_filler : re.Pattern
        Anchored reversed pattern for a word between a hedge and its number
        ("another", "encore").
    hedge_ahead : re.Pattern or None
        Hedge phrases that start with a number word ("un peu plus de"): where one
        starts, the number word is part of the hedge, not a figure.
    figure_words : frozenset of str
        Every word that carries meaning for a figure in this language (hedge, number,
        scale, magnitude, fraction and negation words, less a few very common ones):
        :func:`~estimates.parse` refuses a cell where one is left unread.
    """

    lang: str
    prefix_hedges: Mapping[str, str]
    postfix_hedges: Mapping[str, str]
    connectors: Mapping[str | None, frozenset[str]]
    glued_scales: Mapping[str, int]
    spaced_scales: Mapping[str, int]
    spaced_scales_before_currency: Mapping[str, int]
    plural_magnitudes: Mapping[str, int]
    needs_of: frozenset[str]
    quantifiers: Mapping[str, str]
    needs_article: frozenset[str]
    quantifier_scales: Mapping[str, int]
    collectives: Mapping[str, int]
    articles: frozenset[str]
    of_words: frozenset[str]
    adjectives: frozenset[str]
    months: frozenset[str]
    article_numbers: frozenset[str]
    counted_scales: frozenset[str]
    ordinal_suffixes: frozenset[str]
    unit_symbols: frozenset[str]
    trigger: re.Pattern[str]
    back_hedge: re.Pattern[str]
    back_currency: re.Pattern[str]
    back_article: re.Pattern[str]
    back_context: re.Pattern[str]
    postfix: re.Pattern[str]
    month_after: re.Pattern[str]
    back_filler: re.Pattern[str]
    figure_words: frozenset[str]
    hedge_ahead: re.Pattern[str] | None


def _build(lang: str) -> Lexicon:
    prefix = _PREFIX_HEDGES[lang]
    postfix = _POSTFIX_HEDGES[lang]
    plural = _PLURAL_MAGNITUDES[lang]
    quant = _VAGUE_QUANTIFIERS[lang]
    colls = _COLLECTIVES[lang]
    trig_words = (
        set(_TRIGGER_WORDS[lang])
        | set(plural)
        | set(quant)
        | set(colls)
        | set(_QUANTIFIER_SCALES[lang])
    )
    trig_alt = "|".join(sorted((re.escape(w) for w in trig_words), key=len, reverse=True))
    first_letters = "".join(
        sorted({w[0] for w in trig_words} | {w[0].upper() for w in trig_words})
    )
    trigger = re.compile(
        r"[0-9]+|(?<![^\W\d_])(?=["
        + re.escape(first_letters)
        + r"])(?:"
        + trig_alt
        + r")(?![^\W\d_])",
        re.IGNORECASE,
    )
    months = _MONTHS_EN if lang == "en" else _MONTHS_FR
    month_alt = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    rev_month_alt = "|".join(sorted((re.escape(m[::-1]) for m in months), key=len, reverse=True))
    month_open = "(?:" if lang == "en" else "(?i:"
    labels = _reversed_alternation(_LABELS)
    ages = _reversed_alternation(_AGE_PREFIXES[lang])
    # Reversed context before a number: a month (optionally "Nov."), a label word, an
    # age prefix, or an all-capitals word ("CAC 40", "FTSE 100").
    back_context = re.compile(
        r"[^\S\n]*(?:"
        r"(?P<month>\.?" + month_open + rev_month_alt + r"))(?![^\W_])"
        r"|(?P<label>(?i:" + labels + r"))"
        r"|(?P<age>(?i:" + ages + r"))"
        r"|(?P<caps>[A-Z&]{2,}(?![^\W_]))"
        r"|(?P<hash>[#№])"
        r")"
    )
    month_after = re.compile(
        r"[^\S\n]+(?:(?:of|de)[^\S\n]+)?" + month_open + month_alt + r")"
        r"(?![^\W_])\.?"
    )
    back_hedge = re.compile(r"\s*(?:" + _reversed_alternation(prefix) + r")", re.IGNORECASE)
    back_currency = re.compile(
        r"\s*(?:(?P<sym>" + _reversed_alternation(_CURRENCY_PREFIXES) + r")"
        r"|(?P<code>(?-i:" + "|".join(c[::-1] for c in _CURRENCY_CODES) + r"))(?![^\W_]))",
        re.IGNORECASE,
    )
    back_article = re.compile(
        r"\s*(?:" + _reversed_alternation(_ARTICLES[lang]) + r")", re.IGNORECASE
    )
    postfix_re = re.compile(r"[^\S\n]*(?:" + _forward_alternation(postfix) + r")", re.IGNORECASE)
    back_filler = re.compile(
        r"\s*(?:" + _reversed_alternation(_FILLERS[lang]) + r")", re.IGNORECASE
    )
    ahead = [p for p in prefix if p.split()[0] in trig_words]
    vocabulary = set(trig_words) | set(_SPACED_SCALES[lang]) | set(_MEANING_WORDS[lang])
    for phrase in (*prefix, *postfix):
        vocabulary.update(_LETTERS.findall(normalise_phrase(phrase)))
    return Lexicon(
        lang=lang,
        prefix_hedges=MappingProxyType({normalise_phrase(k): v for k, v in prefix.items()}),
        postfix_hedges=MappingProxyType({normalise_phrase(k): v for k, v in postfix.items()}),
        connectors=MappingProxyType(dict(_CONNECTORS[lang])),
        glued_scales=MappingProxyType(dict(_GLUED_SCALES)),
        spaced_scales=MappingProxyType(dict(_SPACED_SCALES[lang])),
        spaced_scales_before_currency=SPACED_SCALE_BEFORE_CURRENCY,
        plural_magnitudes=MappingProxyType(dict(plural)),
        needs_of=_NEEDS_OF[lang],
        quantifiers=MappingProxyType(dict(quant)),
        needs_article=_NEEDS_ARTICLE[lang],
        quantifier_scales=MappingProxyType(dict(_QUANTIFIER_SCALES[lang])),
        collectives=MappingProxyType(dict(colls)),
        articles=frozenset(_ARTICLES[lang]),
        of_words=_OF[lang],
        adjectives=_ADJECTIVES[lang],
        months=frozenset(months),
        article_numbers=_ARTICLE_NUMBERS[lang],
        counted_scales=_COUNTED_SCALES[lang],
        ordinal_suffixes=_ORDINAL_SUFFIXES,
        unit_symbols=_UNIT_SYMBOLS,
        trigger=trigger,
        back_hedge=back_hedge,
        back_currency=back_currency,
        back_article=back_article,
        back_context=back_context,
        postfix=postfix_re,
        month_after=month_after,
        back_filler=back_filler,
        figure_words=frozenset(w for w in vocabulary if w not in _COMMON_WORDS),
        hedge_ahead=re.compile(_forward_alternation(ahead), re.IGNORECASE) if ahead else None,
    )


# Compiled once, at import (about 10 ms for both languages).
_LEXICONS: dict[str, Lexicon] = {lang: _build(lang) for lang in LANGS}


def get_lexicon(lang: str) -> Lexicon:
    """The compiled :class:`Lexicon` of a language (``"en"``, ``"fr"``, or a tag)."""
    return _LEXICONS[normalise_lang(lang)]
