"""What a figure counts, and where: the counted-noun phrase, the place, a suggested key.

:func:`counted_phrase` reads the words that say what a figure counts, as written:
the counted noun with its adjectives ("soldats nord-coréens", "North Korean troops")
and its complements ("conteneurs d'artillerie, de missiles et d'autres armes",
"containers of artillery, missiles and other weapons").  :func:`find_place` reads the
place the clause names ("à Koursk", "dans la région russe de Koursk", "in the Kursk
region").  :func:`suggest_key` joins them into a quantity key the user maps to their
own ("soldats nord-coréens @ Koursk").

Rules
-----
* The noun is the parser's unit word when it found one; otherwise the word right after
  the number when it is a plural, lower-case word that is no function word ("500
  maisons", "10,000 homes").
* French adjectives after the noun: hyphenated words ("nord-coréens") and words with
  an adjective or participle ending ("ukrainiens", "russes", "tués", "blessés"), at
  most three.  English adjectives stand before the noun and are part of the parser's
  unit phrase already.
* Complements: "de" / "d'" / "du" / "des" (French), "of" (English) and a lower-case
  noun, then more of them after a comma, "et" / "ou" / "and" / "or" ("d'artillerie,
  de missiles et d'autres armes"); at most twelve words in all.
* The place: a preposition ("à", "au", "en", "dans", "près de", "in", "at", "near",
  "to") and a capitalised name, looked for after the figure up to the next figure or
  the end of its clause ("où", "where", "which", ";"), then before it back to the
  start of its clause.  Region words are looked through ("dans la région russe de
  Koursk" and "in Russia's Kursk region" are "Koursk" / "Kursk").  Month and weekday
  names are not places.

Examples
--------
>>> from estimates import scan
>>> s = "plus de 13 000 conteneurs d’artillerie, de missiles et d’autres armes à la Russie"
>>> m = scan(s, "fr")[0]
>>> counted_phrase(s, m, "fr", len(s))[0]
'conteneurs d’artillerie, de missiles et d’autres armes'
>>> find_place(s, m.end, len(s), "fr")
'Russie'
"""

from __future__ import annotations

import re

from .._parsing.parser import Mention
from .tokens import Token, tokenize

__all__ = ["clause_end", "counted_phrase", "find_place", "suggest_key"]

# fmt: off
_FUNCTION: dict[str, frozenset[str]] = {
    "fr": frozenset({
        "de", "d'", "du", "des", "le", "la", "les", "l'", "un", "une", "à", "au", "aux", "en",
        "dans", "sur", "sous", "par", "pour", "avec", "sans", "entre", "vers", "chez", "et",
        "ou", "mais", "que", "qu'", "qui", "dont", "où", "se", "s'", "ne", "n'", "y", "ont",
        "sont", "est", "a", "avait", "avaient", "étaient", "était", "seront", "sera", "ce",
        "cette", "ces", "son", "sa", "ses", "leur", "leurs", "il", "elle", "ils", "elles",
        "on", "plus", "moins", "selon", "depuis", "pendant", "après", "avant", "environ",
        "autres", "fois", "ans", "mois", "jours", "heures", "semaines", "années", "contre",
        "près", "lors", "ainsi", "aussi", "déjà", "actuellement", "alors", "très", "tous",
        "toutes", "ceux", "celles", "parmi", "dès", "jusqu'", "jusqu'à", "fin", "début", "mi",
    }),
    "en": frozenset({
        "of", "the", "a", "an", "in", "on", "at", "to", "from", "by", "for", "with", "and",
        "or", "but", "that", "which", "who", "whom", "where", "when", "were", "was", "are",
        "is", "have", "has", "had", "be", "been", "will", "would", "could", "should", "may",
        "might", "as", "its", "his", "her", "their", "this", "these", "those", "more",
        "less", "than", "into", "over", "under", "about", "since", "during", "after",
        "before", "per", "each", "other", "others", "times", "years", "months", "days",
        "hours", "weeks", "says", "said", "thus", "also", "us", "yes", "besides",
        "across", "among", "against", "whereas",
    }),
}
_FR_ADJ_ENDINGS = (
    "ien", "iens", "ienne", "iennes", "ain", "ains", "aine", "aines", "ais", "aise",
    "aises", "ois", "oise", "oises", "ique", "iques", "al", "aux", "ale", "ales", "el",
    "els", "elle", "elles", "aire", "aires", "if", "ifs", "ive", "ives", "eux", "euse",
    "euses", "é", "és", "ée", "ées", "u", "us", "ue", "ues", "is", "ie", "ies", "it", "its",
    "ite", "ites", "ant", "ants", "ante", "antes", "ent", "ents", "ente", "entes", "gers",
    "ère", "ères", "ier", "iers", "ière", "ières", "esse", "esses", "ste", "stes", "sse",
    "ses", "re", "res", "ne", "nes", "ge", "ges", "x",
)
_FR_NOT_ADJ = frozenset({
    "sont", "ont", "étaient", "avaient", "font", "vont", "doivent", "peuvent", "seraient",
    "auraient", "meurent", "restent", "se", "actuellement", "également", "notamment",
    "environ", "selon", "depuis", "pendant", "plus", "moins", "mais", "puis", "ainsi",
    "aussi", "tous", "toutes", "alors", "hier", "aujourd'hui", "demain", "dernier",
    "dernière", "derniers", "dernières", "tués", "est", "était", "fut", "sera",
})
_OF: dict[str, tuple[str, ...]] = {"fr": ("de", "d'", "du", "des"), "en": ("of",)}
_COORD: dict[str, tuple[str, ...]] = {"fr": ("et", "ou"), "en": ("and", "or")}
_BEFORE_NOUN: dict[str, frozenset[str]] = {
    "fr": frozenset({"la", "l'", "les", "autres", "d'autres", "nombreux", "nombreuses"}),
    "en": frozenset({"other", "various", "several"}),
}
_NOT_PLACES = frozenset({
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "total", "all", "tout", "i",
})
# fmt: on

_MAX_WORDS = 12
# Leading words left out of a suggested key ("3,000 more troops" counts troops).
_KEY_SKIP = frozenset({"more", "additional", "extra", "further", "other", "new", "fresh"})
_CAP = r"[^\W\d_a-zà-ÿ][\w’'.\-]*"
_PLACE: dict[str, re.Pattern[str]] = {
    "fr": re.compile(
        r"(?<![^\W_])(?:à|au|aux|en|dans|près[^\S\n]+de|près[^\S\n]+d['’]|vers|sur)"
        r"[^\S\n]*(?:(?:la|le|les|l['’])[^\S\n]*)?"
        r"(?:(?:région|province|oblast|ville|district|territoire|zone|frontière|capitale|"
        r"localité|village|secteur|direction)(?:[^\S\n]+[a-zéèêàâîôûç\-]+)?[^\S\n]*"
        r"(?:de[^\S\n]+(?:la[^\S\n]+|l['’])?|d['’]|du[^\S\n]+)?)?"
        r"(?P<place>"
        + _CAP
        + r"(?:[^\S\n]+(?:du[^\S\n]+|de[^\S\n]+|des[^\S\n]+)?"
        + _CAP
        + r"){0,3})"
    ),
    "en": re.compile(
        r"(?<![^\W_])(?:in|at|near|into|inside|across|around|outside|to)[^\S\n]+"
        r"(?:the[^\S\n]+)?(?:(?:region|province|oblast|city|town|village|district|area)"
        r"[^\S\n]+of[^\S\n]+)?"
        r"(?P<place>" + _CAP + r"(?:[^\S\n]+(?:of[^\S\n]+)?" + _CAP + r"){0,3})"
    ),
}
_CLAUSE_END: dict[str, re.Pattern[str]] = {
    "fr": re.compile(r"[;:]|(?<![^\W_])(?:où|qui|dont|lorsque|lorsqu['’]|tandis|mais)(?![^\W_])"),
    "en": re.compile(r"[;:]|(?<![^\W_])(?:where|which|who|while|whereas|but)(?![^\W_])"),
}


def _is_adjective_fr(t: Token) -> bool:
    w = t.low
    if not t.is_word or t.capitalised or w in _FR_NOT_ADJ or w in _FUNCTION["fr"]:
        return False
    if "-" in w and all(p.isalpha() for p in w.split("-")):
        return True
    return len(w) > 3 and w.endswith(_FR_ADJ_ENDINGS) and not w.endswith(("ent", "ont"))


def _noun_word(t: Token, lang: str) -> bool:
    return (
        t.is_word
        and not t.capitalised
        and t.text.isalpha()
        and len(t.text) > 2
        and t.low not in _FUNCTION[lang]
    )


def counted_phrase(
    text: str, m: Mention, lang: str, limit: int
) -> tuple[str, tuple[int, int] | None]:
    """The words that say what the figure ``m`` counts, as written, and their span.

    ``limit`` is where the search stops (the end of the sentence).  Returns ``("",
    None)`` when no counted noun stands next to the figure.

    Examples
    --------
    >>> from estimates import scan
    >>> s = "up to 12,000 North Korean troops of the elite corps were sent"
    >>> counted_phrase(s, scan(s)[0], "en", len(s))
    ('North Korean troops', (13, 32))
    """
    toks = tokenize(text, m.number_span[1], min(limit, m.end + 160))
    if not toks:
        return "", None
    if m.unit_span is not None and text[m.unit_span[0]].isalpha():
        start = m.unit_span[0] if lang == "fr" else _first_word_after(toks, m)
        k = next((i for i, t in enumerate(toks) if t.start >= m.unit_span[1]), len(toks))
        end = m.unit_span[1]
    else:
        # the word right after the number: a plural, lower-case noun ("500 maisons")
        k = 0
        if k < len(toks) and toks[k].low in _OF[lang]:
            k += 1
        if k >= len(toks) or not _noun_word(toks[k], lang) or toks[k].low[-1] not in "sx":
            return "", None
        if lang == "en" and toks[k].low.endswith(("ss", "us", "is")):
            return "", None
        start, end = toks[k].start, toks[k].end
        k += 1
    words = 1
    if lang == "fr":
        while k < len(toks) and words < 4 and _is_adjective_fr(toks[k]):
            end = toks[k].end
            k += 1
            words += 1
    # complements: "d'artillerie, de missiles et d'autres armes"; "of artillery, ..."
    first = True
    while k < len(toks) and words < _MAX_WORDS:
        j = k
        if not first:
            if toks[j].text == ",":
                j += 1
            if j < len(toks) and toks[j].low in _COORD[lang]:
                j += 1
            if j == k:
                break
        if j < len(toks) and toks[j].low in _OF[lang]:
            j += 1
        elif first or lang == "fr":
            break
        # else English goes on with a bare noun: "of artillery, missiles and other weapons"
        while j < len(toks) and toks[j].low in _BEFORE_NOUN[lang]:
            j += 1
        if j >= len(toks) or not _noun_word(toks[j], lang):
            break
        end = toks[j].end
        j += 1
        words += 1
        if lang == "fr":
            while j < len(toks) and words < _MAX_WORDS and _is_adjective_fr(toks[j]):
                end = toks[j].end
                j += 1
                words += 1
        k = j
        first = False
    return text[start:end], (start, end)


def _first_word_after(toks: list[Token], m: Mention) -> int:
    """English: the counted phrase starts after the number and any "of"."""
    for t in toks:
        if t.is_word and t.low != "of":
            return t.start
    return m.unit_span[0] if m.unit_span else m.number_span[1]


def clause_end(text: str, start: int, end: int, lang: str) -> int:
    """Where the clause running from ``start`` ends: a relative word ("où", "where",
    "which", "qui"), "mais" / "but", ``;`` or ``:``, else ``end``.

    >>> clause_end("10 000 soldats à Koursk, où l’Ukraine", 0, 37, "fr")
    25
    """
    cut = _CLAUSE_END[lang].search(text, start, end)
    return cut.start() if cut is not None else end


def find_place(text: str, start: int, end: int, lang: str) -> str | None:
    """The first place named in ``text[start:end]``, cut at the end of the clause.

    >>> s = "10 000 soldats dans la région russe de Koursk, où l’Ukraine a lancé"
    >>> find_place(s, 14, len(s), "fr")
    'Koursk'
    >>> s = "troops in Russia's Kursk region"
    >>> find_place(s, 6, len(s), "en")
    'Kursk'
    """
    cut = _CLAUSE_END[lang].search(text, start, end)
    stop = cut.start() if cut is not None else end
    for m in _PLACE[lang].finditer(text, start, stop):
        place = m.group("place")
        for sep in ("'s ", "’s "):
            if sep in place:
                place = place.rsplit(sep, 1)[1]
        if "." in place[:-1] and place.endswith("."):
            pass  # "U.S."
        else:
            place = place.rstrip(".")
        first = place.split()[0].lower().rstrip(".")
        if first in _NOT_PLACES:
            continue
        return place
    return None


def suggest_key(counted: str, place: str | None, unit: str) -> str:
    """A quantity key: the counted words (else the unit), and the place after ``@``.

    >>> suggest_key("soldats nord-coréens", "Koursk", "soldier")
    'soldats nord-coréens @ Koursk'
    >>> suggest_key("more troops", None, "soldier")
    'troops'
    >>> suggest_key("", None, "")
    'figure'
    """
    words = counted.split()
    while len(words) > 1 and words[0].lower() in _KEY_SKIP:
        words = words[1:]
    what = " ".join(words) or unit or "figure"
    return f"{what} @ {place}" if place else what
