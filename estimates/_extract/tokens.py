"""Words of a sentence with their spans, for the rules that walk over them.

A token is a word (letters and digits, with inner hyphens and apostrophes:
"nord-coréens", "Russia's"), a French elided article or pronoun kept apart ("l’",
"d’", "qu’", "n’" in "l’Ukraine"), a dotted abbreviation ("U.S."), or one punctuation
mark.  Tokenising is one regex pass: linear in the length of the text.

Examples
--------
>>> [t.text for t in tokenize("L’agence des U.S., selon lui, a dit 5 000.")]
['L’', 'agence', 'des', 'U.S.', ',', 'selon', 'lui', ',', 'a', 'dit', '5', '000', '.']
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Token", "tokenize"]

_TOKEN = re.compile(
    r"(?P<elided>(?<![^\W_])(?i:[ldjmnstc]|qu|jusqu|lorsqu|puisqu|quoiqu)['’ʼ](?=[^\W\d_]))"
    r"|(?P<abbr>(?:[A-Z]\.){2,})"
    r"|(?P<word>[^\W_]+(?:[-‐'’ʼ][^\W_]+)*)"
    r"|(?P<punct>[^\w\s])"
)


class Token(NamedTuple):
    """One token: its span, its text and its lower-case form with a plain apostrophe."""

    start: int
    end: int
    text: str
    low: str

    @property
    def is_word(self) -> bool:
        """Whether it is a word (not punctuation)."""
        return self.text[0].isalnum()

    @property
    def capitalised(self) -> bool:
        """Whether it starts with a capital letter."""
        return self.text[0].isupper()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]`` (spans refer to ``text``).

    >>> [(t.text, t.low) for t in tokenize("Qu’il DIT", 0)]
    [('Qu’', "qu'"), ('il', 'il'), ('DIT', 'dit')]
    """
    stop = len(text) if end is None else end
    make = Token
    out = []
    for m in _TOKEN.finditer(text, start, stop):
        t = m.group()
        low = t.lower()
        if "’" in low or "ʼ" in low:
            low = low.replace("’", "'").replace("ʼ", "'")
        out.append(make(m.start(), m.end(), t, low))
    return out
