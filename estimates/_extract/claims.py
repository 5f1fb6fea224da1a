"""Which figures of a text are claims: figures that are not, and number words missed.

:func:`not_a_claim` says why a figure found by :func:`estimates.scan` is no claim
(every rule reads a few characters around the figure: linear in the text):

* a duration ("a few days ago", "quelques jours plus tard", "two days after",
  "trois mois"): a figure whose unit is a span of time;
* a compound adjective ("a 90-minute video", "the 20-month conflict", "21-year-old");
* a multiplier ("multiplied by 1.5", "multiplié par 3", "six fois plus");
* an earthquake magnitude ("magnitude 7,8", "de force 6");
* a distance or a speed ("about 70 miles (115 km)", "170 mph"), and a conversion in
  brackets after a figure;
* a rank ("one of the 10 costliest", "l'un des 5 pays");
* the speaker of a claim ("at least one analyst said", "deux responsables").

:func:`number_words` finds the small number words the scanner reads only before a
known noun, where they are claims all the same: in an enumeration after another
figure ("dont trente dans le Kunar, dix au Nangarhar", "12 autres blessés et deux
capturés", "3,575 people have been displaced and nine are still missing"), or before
"more" / "autres" ("four more Himars").

Examples
--------
>>> from estimates._parsing.parser import scan
>>> text = "Il a fallu quelques jours plus tard, pour 3 000 morts."
>>> [not_a_claim(text, m, "fr") for m in scan(text, "fr")]
['a duration', None]
>>> text = "Quarante talibans ont été tués, dont trente dans le Kunar, dix au Nangarhar."
>>> [m.text for m in number_words(text, "fr", scan(text, "fr"), 0, len(text))]
['Quarante', 'trente', 'dix']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .._model.errors import EstimatesError
from .._parsing.numbers import NUMBER_WORDS
from .._parsing.parser import Mention, parse

__all__ = ["not_a_claim", "number_words"]

_TIME_UNITS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
)
_DISTANCE_UNITS = frozenset(
    {
        "mile",
        "kilometer",
        "meter",
        "centimeter",
        "millimeter",
        "foot",
        "inch",
        "yard",
        "nautical_mile",
        "kilometer_per_hour",
        "mile_per_hour",
        "knot",
    }
)
_COMPOUND = re.compile(r"[-‐][^\W\d_]")
_MULTIPLIED = re.compile(
    r"(?:multipli\w*|divis\w*|divided|times)\s+(?:par|by)\s*$|(?:fois|times)\s*$", re.IGNORECASE
)
_FOIS_AFTER = re.compile(r"\s*(?:fois|times)\b", re.IGNORECASE)
_MAGNITUDE = re.compile(r"(?:magnitude|force|richter)\s+(?:de\s+|of\s+)?$", re.IGNORECASE)
_SPEED_AFTER = re.compile(r"\s*(?:mph|km/h|kmh|km\s*/\s*h|nœuds|knots)\b", re.IGNORECASE)
_RANK_BEFORE = re.compile(
    r"(?:one|among)\s+(?:of\s+)?the\s+(?:top\s+)?$|l['’]une?\s+des\s+$|top\s+$", re.IGNORECASE
)
_SUPERLATIVE_AFTER = re.compile(r"\s+(?:most\s+\w+|\w+est|plus\s+\w+)\b", re.IGNORECASE)
_SPEAKER_AFTER = re.compile(
    r"\s+(?:(?:other|more|autres?|senior|hauts?|US|U\.S\.|western|occidentaux)\s+)?"
    r"(?:analysts?|experts?|officials?|sources?|diplomats?|witnesses|witness|spokesm[ae]n|"
    r"analystes?|responsables?|diplomates?|témoins?|porte-parole)\b",
    re.IGNORECASE,
)
# A figure in brackets right after another figure: a conversion ("70 miles (115 km)").
_OPEN_BRACKET_BEFORE = re.compile(r"\(\s*$")


def not_a_claim(text: str, m: Mention, lang: str, previous: Mention | None = None) -> str | None:
    """Why the figure ``m`` of ``text`` is no claim, or None when it is one.

    Parameters
    ----------
    text : str
        The whole text (``m``'s spans refer to it).
    m : Mention
        A figure found by :func:`estimates.scan`.
    lang : {"en", "fr"}
    previous : Mention, optional
        The figure before it in the sentence (for conversions in brackets).

    Returns
    -------
    str or None
        A short reason ("a duration", "a multiplier", ...), or None.
    """
    unit = m.figure.unit
    before = text[max(0, m.start - 30) : m.start]
    after = text[m.end : m.end + 30]
    if unit in _TIME_UNITS:
        return "a duration"
    if _COMPOUND.match(after):
        return "a compound adjective"
    if _MULTIPLIED.search(before) or _FOIS_AFTER.match(after):
        return "a multiplier"
    if _MAGNITUDE.search(before):
        return "a magnitude"
    if unit in _DISTANCE_UNITS or _SPEED_AFTER.match(after):
        return "a distance or a speed"
    if (
        previous is not None
        and _OPEN_BRACKET_BEFORE.search(before)
        and previous.figure.unit in _DISTANCE_UNITS | _TIME_UNITS
    ):
        return "a conversion"
    if _RANK_BEFORE.search(before) and _SUPERLATIVE_AFTER.match(after):
        return "a rank"
    if _SPEAKER_AFTER.match(after) and m.figure.low <= 10 and not m.figure.unit:
        return "the speaker of a claim"
    return None


# Small numerals only: no articles ("un", "one"), no scale words ("billion", "mille",
# "hundred": they need a number before them), no "half" / "dozen".
_NOT_SMALL = frozenset(
    {
        "un",
        "une",
        "one",
        "zero",
        "zéro",
        "half",
        "dozen",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "trillion",
        "cent",
        "cents",
        "mille",
        "milliard",
        "milliards",
        "billiard",
    }
)
_SMALL = {
    lang: frozenset(w for w in NUMBER_WORDS[lang] if w.lower() not in _NOT_SMALL)
    for lang in ("en", "fr")
}


def _trie(words: Sequence[str]) -> str:
    """A regex alternation of ``words`` factored by first letters (fast to scan)."""
    groups: dict[str, list[str]] = {}
    end = False
    for w in words:
        if w:
            groups.setdefault(w[0], []).append(w[1:])
        else:
            end = True
    if not groups:
        return ""
    body = "(?:" + "|".join(re.escape(c) + _trie(rest) for c, rest in sorted(groups.items())) + ")"
    return body + "?" if end else body


_SMALL_RE = {
    lang: re.compile(r"(?<![^\W_])(?i:" + _trie(sorted(words)) + r")(?:-[^\W\d_]+)*(?![^\W_])")
    for lang, words in _SMALL.items()
}
_ENUM_BEFORE = re.compile(
    r"(?:,|\bdont|\bet|\band|\bincluding|\by\s+compris|\bplus|\bwhile|\btandis\s+que)\s*$",
    re.IGNORECASE,
)
_MORE_AFTER = re.compile(r"\s+(?:more|others?|autres?|de\s+plus|supplémentaires)\b", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:les|des|ces|ses|leurs|nos|vos|the|these|those|its|their|our|all|tous|toutes)\s*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”»)]*\s")
_PLURAL_NOUN_AFTER = re.compile(r"\s+[^\W\d_A-Z]{3,}[sx]\b")


def number_words(
    text: str, lang: str, mentions: Sequence[Mention], start: int, end: int
) -> list[Mention]:
    """Small number words of ``text[start:end]`` that the scanner left, and that are
    claims: in an enumeration after a figure, before "more" / "autres", or before a
    plural noun ("huit répliques").

    Parameters
    ----------
    text : str
    lang : {"en", "fr"}
    mentions : sequence of Mention
        The figures already found in the stretch.
    start, end : int
        The stretch (a sentence).

    Returns
    -------
    list of Mention
        New figures, in text order (exact, no unit).
    """
    small = _SMALL.get(lang, frozenset())
    out: list[Mention] = []
    ends = {m.start: m.end for m in mentions}
    starts = sorted(ends)
    pattern = _SMALL_RE.get(lang)
    if pattern is None:
        return out
    for w in pattern.finditer(text, start, end):
        low = w.group().lower()
        if low not in small:
            continue
        a, b = w.span()
        i = bisect.bisect_right(starts, a) - 1
        if i >= 0 and a < ends[starts[i]]:
            continue  # inside a figure
        before = text[max(start, a - 20) : a]
        after = text[b : b + 30]
        if _DETERMINER_BEFORE.search(before):
            continue
        # an enumeration: a figure before it in the same sentence
        prev = starts[i] if i >= 0 else None
        enumeration = (
            prev is not None
            and a - prev < 300
            and _SENTENCE_END.search(text, prev, a) is None
            and _ENUM_BEFORE.search(before) is not None
        )
        if not (enumeration or _MORE_AFTER.match(after) or _PLURAL_NOUN_AFTER.match(after)):
            continue
        try:
            figure = parse(w.group(), lang)
        except EstimatesError:
            continue  # not a number on its own after all
        out.append(Mention(a, b, w.group(), figure, None, (a, b), None))
        bisect.insort(starts, a)
        ends[a] = b
    return out
