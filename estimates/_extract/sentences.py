"""Sentences with their spans: where each figure's evidence starts and ends.

:func:`split_sentences` cuts a text into sentences in one pass over its sentence-ending
marks, so it takes time linear in the length of the text.

Rules
-----
* A line break always ends a sentence (news text keeps one paragraph per line).
* ``.``, ``!``, ``?`` and ``…`` (with closing quotes or brackets after them) end a
  sentence when followed by a space and then a capital letter, a digit, an opening
  quote or a dash, or by the end of the text.
* A ``.`` does not end a sentence after an abbreviation ("M.", "Mme.", "Dr.",
  "Gen.", "approx.", "No."), an initial ("J. Biden"), or a word with dots inside
  ("U.S.", "U.N.").
* A sentence longer than :data:`MAX_SENTENCE` characters (a list, a table flattened
  into text, junk) is cut at a space, so that the work done per sentence, and per
  figure, stays bounded.

Examples
--------
>>> text = "M. Dupont a parlé. Les U.S. ont dit 5 000. Fin"
>>> [text[a:b] for a, b in split_sentences(text)]
['M. Dupont a parlé.', 'Les U.S. ont dit 5 000.', 'Fin']
"""

from __future__ import annotations

import re

__all__ = ["MAX_SENTENCE", "split_sentences"]

#: Longest sentence kept whole, in characters.
MAX_SENTENCE = 1000

_CANDIDATE = re.compile(r"\n|[.!?…]+[\"'”»)\]’]*(?:[^\S\n][»”])?")
_AFTER = re.compile(r"[^\S\n]+(?=[\"'“«(\[—–\-]?[^\W_a-zà-ÿ])")
_WORD_BEFORE = re.compile(r"[\w.]{1,12}$")

# Lower-case abbreviations, without their final dot.
# fmt: off
_ABBREVIATIONS = frozenset({
    "m", "mm", "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr", "pr", "prof", "st", "ste",
    "gen", "gén", "col", "lt", "sgt", "capt", "cpt", "gov", "sen", "rep", "rev", "jr", "sr",
    "no", "n°", "nos", "vs", "cf", "ex", "fig", "vol", "art", "p", "pp", "env", "approx",
    "ca", "av", "bd", "ave", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "janv", "févr", "fév", "avr", "juil", "déc", "etc", "min", "max",
    "inc", "corp", "ltd", "co", "dept", "mgr", "me", "maj", "adm", "cdt",
})
# fmt: on


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the ``.`` at ``dot`` closes an abbreviation, an initial or "U.S."."""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if m is None:
        return False
    word = m.group()
    if "." in word:  # "U.S", "p.ex", "a.m"
        return True
    if len(word) == 1 and word.isalpha():  # an initial, "J."
        return True
    return word.lower() in _ABBREVIATIONS


def _cut_long(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while b - a > MAX_SENTENCE:
        limit = a + MAX_SENTENCE
        cut = text.rfind(" ", a + MAX_SENTENCE // 2, limit)
        if cut <= a:
            cut = limit
        out.append((a, cut))
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if a < b:
        out.append((a, b))


def _push(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        _cut_long(text, a, b, out)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of the sentences of ``text``, in order.

    Spans exclude the spaces around sentences; every character that is not a space
    belongs to exactly one sentence.

    Examples
    --------
    >>> split_sentences("Hello world. Bye!\\nNext line")
    [(0, 12), (13, 17), (18, 27)]
    >>> split_sentences("")
    []
    """
    out: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    for m in _CANDIDATE.finditer(text):
        e = m.end()
        if m.group() == "\n":
            _push(text, start, m.start(), out)
            start = e
            continue
        if e < n and _AFTER.match(text, e) is None:
            continue
        first = m.start()
        if text[first] == "." and m.group()[:2] != ".." and _is_abbreviation(text, first):
            continue
        _push(text, start, e, out)
        start = e
    _push(text, start, n, out)
    return out
