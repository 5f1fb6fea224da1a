"""Reading hedged figures from text: :func:`parse` one figure, :func:`scan` many.

A *figure phrase* is an optional hedge, one number or a range of two, an optional
scale word, and an optional unit or counted noun: "up to 12,000 soldiers", "environ
50 000 soldats", "between 2 and 3 million", "$3bn", "des milliers de soldats".
:func:`scan` finds every figure phrase in running text and returns them as
:class:`Mention` objects; :func:`parse` reads a cell that holds exactly one.

How it works
------------
One compiled regex finds *triggers*: digit runs and number or magnitude words.  From
each trigger a hand-written reader moves forward token by token (number, scale word,
range connector, second number, unit, trailing hedge), and looks backward at a short,
bounded stretch of text for a hedge, a currency sign or an article, matching reversed
phrases anchored at the number.  Every step looks at a bounded number of tokens, and
text taken by one figure is never read again, so scanning is linear in the length of
the text; no regex has nested quantifiers over overlapping classes.

Rules (what is and is not a figure)
-----------------------------------
* **Years.**  A bare four-digit number from 1800 to 2100 (no separator, decimals,
  scale, unit, currency or hedge) is a year: "in 2024", "since 2023".  "2,000
  soldiers", "2000 troops", "about 2000" and "$2000" are figures.  Two year-like
  numbers joined as a range with no unit are a range of years ("2014–2022",
  "2023-24", "de 2014 à 2022").
* **Dates.**  A day number (1-31, one or two digits) next to a month name ("12
  novembre", "November 7", "le 7 novembre"), a year after a month name ("août 2023"),
  digits joined by ``/`` ("12/11/2024") or two dashes ("2024-11-12"), or by dots after
  decimals ("12.11.2024").  English month names count only with their capital (so
  "may" and "march" stay verbs).
* **Names with digits.**  Digits glued to letters before them ("A380", "G7", "MH17"),
  after a letter and a hyphen ("COVID-19", "F-16", "Su-35"), after an all-capitals
  word ("CAC 40", "FTSE 100"), after a label word ("Article 5", "Flight 370", "n°5"),
  glued to letters after them that are not a scale or a unit ("5G", "4x4"), or after
  ``/ = @ & ? #`` (links and codes: "/status/187...", "?id=5", "#1").  A hedge or a
  currency before the number overrides the capitals and label rules ("ABOUT 500").
* **Scores.**  A dash range whose low end is not below its high end ("3-1", "2–0").
  Any range with low >= high is refused (never swapped); in running text a word range
  ("from 20 to 10") is read as two figures instead.
* **Phone numbers and codes.**  "+33 1 23 45 67 89", "01 23 45 67 89", "(555)
  123-4567", "555-1234" (three digits, a hyphen, four digits, no unit), numbers with a
  leading zero, four or more space-separated groups of one or two digits.
* **Times.**  "10h30", "10:30", "9 a.m.", "21h".
* **Ordinals.**  "21st", "3rd", "3e", "1er" (Roman "IIe" and words such as "premier"
  hold no number).
* **Ages.**  "23-year-old", "23 years old", "aged 23", "âgé de 23 ans".
* **Signed numbers.**  A minus sign (``-`` or U+2212 ``−``) is read where the unit
  may be negative (:func:`~estimates.is_signed`: percentages, temperatures): "-1.5%",
  "-0,8 %", "−3 °C", "between -10 and -5 °C".  For a count or an unsigned unit the
  whole signed number is refused by name ("-1,500.5", "−2.5 millions"), never read
  without its sign.
* **Out of range.**  Numbers of 1e29 or more, or below 1e-30 but not 0, are refused
  naming what was written ("1e400", "1e-400"); scientific notation is read ("1e6",
  "2.5E3").
* **Runs of numbers.**  More than :data:`RUN_LIMIT` numbers joined only by spaces,
  punctuation or signs ("1-1-1-...", "1 000 1 000 ...") are one refusal, found in one
  regex pass; a refused run or code covers every group glued to it ("v1.2.3", "1 1 1
  1 1 1 1 1 1 1"), so no piece of it is read again.  :func:`scan` reads at most
  :data:`MAX_SCAN_CHARS` characters.

In running text (:func:`scan`, not :func:`parse`) a number written only in words
counts when it has a hedge, a known unit, a scale word of a thousand or more, or is a
range ("three soldiers", "about thirty", "two million"; not "les deux pays", nor "a
dozen" alone); "one"/"un"/"une" alone never count (they are mostly articles); bare
"several"/"a few"/"plusieurs"/"quelques" count only with a known unit; "tens" and
"scores" count only before "of".  :func:`parse` reads all of these.

Every word read or refused
--------------------------
:func:`parse` reads a cell whole: every digit and every word that carries meaning for a
figure in either language (hedges, number, scale, magnitude and fraction words,
negations: see ``Lexicon.figure_words``) is part of the figure or of a non-figure
beside it (a date, a year, a name), or the cell is refused with the word named.  A
figure in brackets ("(10, 20]", "[10,000]") or before "/" is refused.  "not even
5,000" is ``less_than``; "more or less 10,000" / "plus ou moins" ``approx``; "12,000
to 15,000 or more" and "about 5,000 or more" are refused (their ends are unclear);
"about 5,000 or so" is ``approx``.

Languages
---------
A hedge of the other language around an unhedged figure ("plus de 50 000" read as
English, "about 50,000" as French) is never dropped: :func:`parse` refuses it with a
hint ("looks French: pass lang='fr' or lang='auto'"), as it does for any cell the
other language reads, and :func:`scan` leaves it out.  ``lang="auto"`` reads a cell in
both languages and keeps the reading that uses every word (the one its words show
when both do and differ; refused when nothing tells, as "1.498"); :func:`scan` with
``"auto"`` reads each sentence in the language its words show (:func:`detect_lang`).

Other decisions
---------------
* Fractions of scale words are read: "a quarter of a million" (250,000), "half a
  million", "a half million", "a million and a half", "three quarters of a million",
  "un demi-million", "un quart de million", "un million et demi", "1 1/2 million",
  "2½ million", "1/2 million".
* A scale after a hyphen counts: "15-hundred", "a 2-million-strong army".
* Shared trailing zeros: in "60-70,000", "12 à 13.000", "9 à 10.000" (a dash, "to" or
  "à"; not "between ... and") a bare low end smaller than the first group of a
  high end grouped with zeros ("70,000" is 70 x 1,000) takes the same zeros:
  [60,000, 70,000].  "100-2,000" and "between 1 and 10,000" are read as written.
* Words between a hedge and its number: "up to another $4.4 billion" is ``up_to``.
* "°C", "°F" after a number are temperature units, with no floor at 0: "less than
  5 °C" is (-inf, 5).
* A hedge after the number ("5,000 or more", "10,000+", "5,000-plus", "50 000
  environ", "5 000 soldats au moins") counts when there is none before it.
* A hedge before a vague magnitude ("up to thousands") or a range ("about 10-20")
  is part of the phrase read, but the figure is the magnitude or the range as stated.
* "X to Y", "X-Y", "X à Y" need no opener; "X and Y" / "X et Y" need "between" /
  "entre".  A scale word after the second number is shared when the first has none
  and is not larger than the second's numeral: "between 2 and 3 million" is
  [2e6, 3e6] but "between 500 and 3 million" is [500, 3e6].
* Glued "m"/"M" is million ("$3m", "2.8M"), never metres.
* A French collective ("une dizaine", "un millier", "deux centaines") is ``approx``
  unless another hedge qualifies it ("plus d'une centaine" is ``more_than`` 100);
  English "a dozen" is exactly 12.
* ``unit`` is the canonical unit of the counted noun or symbol
  (:func:`~estimates.canonical_unit`), found right after the number, after "of" /
  "de" / "d'" when the number ends with a scale word or is a magnitude ("millions of
  dollars", "2 millions d'euros"), or after up to three adjectives ("5,000 North Korean
  troops"); an unknown noun gives ``""`` and is not part of the mention.  A currency
  before the number ("$3bn", "US$5", "€2,5 milliards", "EUR 3m") is the unit.

Examples
--------
>>> parse("jusqu’à 12 000 soldats nord-coréens", "fr")
Figure([0, 12000] soldier, hedge='up_to', text='jusqu’à 12 000 soldats nord-coréens')
>>> parse("between 2 and 3 million")
Figure([2000000, 3000000], hedge='range', text='between 2 and 3 million')
>>> [m.text for m in scan("In 2024, about 5,000 troops and 12 tanks left on 7 November.")]
['about 5,000 troops', '12 tanks']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .._model.conventions import Conventions, get_conventions
from .._model.errors import ArgumentTypeError, FigureError, ParseError
from .._model.figure import Figure
from .._model.units import UNIT_WORDS, canonical_unit, is_signed
from .lexicon import (
    _LEXICONS,
    LANGS,
    OPEN_BETWEEN,
    OPEN_FROM,
    TEMPERATURE_SIGNS,
    Lexicon,
    get_lexicon,
    normalise_lang,
    normalise_phrase,
)
from .numbers import MAX_VALUE, MIN_VALUE, Number, Refusal, _clip, read_digits, read_words

__all__ = ["AUTO", "MAX_SCAN_CHARS", "RUN_LIMIT", "Mention", "detect_lang", "parse", "scan"]

_EXPECTED = "a number with an optional hedge and unit, e.g. 'about 10,000 soldiers'"

_WORD = re.compile(r"[^\W\d_]+")
_DIGITS_RUN = re.compile(r"[0-9]+")
_GAP = re.compile(r"[^\S\r\n]{1,3}")
_DASHES = "-‐‑‒–—"
_CONNECTOR = re.compile(
    r"[^\S\r\n]{0,3}(?P<dash>[-‐‑‒–—])[^\S\r\n]{0,3}"
    r"|[^\S\r\n]{1,3}(?P<word>[^\W\d_]+)[^\S\r\n]{1,3}"
)
_CURRENCY_AHEAD = re.compile(r"(?:US\$|\$|€|£|₽|₴)[^\S\r\n]?")
_AGE_AFTER = re.compile(r"[-‐‑\s](?:years?|yrs?)[-‐‑\s]olds?(?![^\W_])", re.IGNORECASE)
_TIME_AFTER = re.compile(
    r"[^\S\r\n]?(?:[ap]\.m\.|[ap]m(?![^\W_])|[ap]\.m(?![^\W_]))"
    r"|[^\S\r\n]h[^\S\r\n]?[0-9]{2}(?![0-9])",
    re.IGNORECASE,
)
_PAREN_PHONE = re.compile(r"[0-9]{3}\)[^\S\r\n]?[0-9]{3}[-.][0-9]{4}")
_YEAR_AFTER_DAY = re.compile(r",?[^\S\r\n]{1,3}(?=[0-9]{4}(?![0-9]))")
_NAME_TAIL = re.compile(r"\w*(?:[-‐‑.,/:][0-9]\w*)*")
_PHONE_TAIL = re.compile(r"[0-9]+(?:[^\S\r\n]?[-.]?[^\S\r\n]?[0-9]{1,4}){0,8}")
_ORDINAL_WORD = re.compile(
    r"\b(?:[IVXLC]+(?:e|er|ème|eme|re)|premier|première|second|seconde|first|third|"
    r"[^\W\d_]+(?:ième|ieme))\b",
    re.IGNORECASE,
)
# First words of the lexicon's multi-word units ("per cent", "killed or wounded").
_MULTIWORD_STARTS = frozenset(w.split()[0] for w in UNIT_WORDS if " " in w)
_CURRENCY_CODES = frozenset({"USD", "EUR", "GBP", "RUB", "UAH", "US", "UK", "EU", "UN"})
_YEARS = range(1800, 2101)
# "1/2 million": a fraction before a scale word; "1 1/2", "2½": mixed numbers.
_FRACTION = re.compile(r"([1-9])/([1-9][0-9]?)(?![0-9/])")
_MIXED = re.compile(r"[ \u00a0\u202f]([1-9])/([1-9][0-9]?)(?![0-9/.,])|([½¼¾⅓⅔])")
_VULGAR = {
    "½": Decimal("0.5"),
    "¼": Decimal("0.25"),
    "¾": Decimal("0.75"),
    "⅓": Decimal(1) / 3,
    "⅔": Decimal(2) / 3,
}
# Minus signs: ASCII hyphen-minus and U+2212.
_MINUS = "-\u2212"

#: Most numbers in a row, with nothing but spaces, punctuation or signs between them,
#: that :func:`scan` reads one by one; a longer run is refused as a whole.
RUN_LIMIT = 64
_RUN_SEP = r"[^\w\n]{1,3}\n?"
_RUN_START = re.compile(r"[0-9]{1,30}(?:" + _RUN_SEP + r"[0-9]{1,30}){" + str(RUN_LIMIT) + "}")
_RUN_REST = re.compile(r"(?:" + _RUN_SEP + r"[0-9]+)*")

#: Longest text :func:`scan` reads (characters): about ten seconds of work at the
#: slowest.  Split longer texts (by article, page or paragraph).
MAX_SCAN_CHARS = 20_000_000


@dataclass(frozen=True, slots=True)
class Mention:
    """One figure found in a text.

    Attributes
    ----------
    start, end : int
        Span of the whole figure phrase (hedge + number(s) + unit word).
    text : str
        ``text[start:end]`` of the scanned text.
    figure : Figure
        The figure read (``figure.text == text``).
    hedge_span : tuple of int or None
        Span of the hedge words ("up to", "or more", "between"), if any.
    number_span : tuple of int
        Span of the number(s), scale words included ("2 and 3 million").
    unit_span : tuple of int or None
        Span of the unit or counted noun ("soldats", "$"), if any.

    Examples
    --------
    >>> m = scan("Il y avait plus de 13 000 conteneurs.", "fr")[0]
    >>> m.text, m.hedge_span, m.number_span, m.unit_span
    ('plus de 13 000 conteneurs', (11, 18), (19, 25), (26, 36))
    """

    start: int
    end: int
    text: str
    figure: Figure
    hedge_span: tuple[int, int] | None
    number_span: tuple[int, int]
    unit_span: tuple[int, int] | None


# ----------------------------------------------------------------------- reading
@dataclass(slots=True)
class _Quantity:
    """A number, collective or vague magnitude read at a trigger."""

    kind: str  # "num", "collective", "magnitude"
    start: int
    end: int
    value: Number  # the number; for a magnitude, its scale
    mag_kind: str = ""
    pre: Number | None = None  # numeral before the scale word (for sharing)
    scale: int | None = None  # the scale word's value, if any
    words: bool = False
    big: bool = False
    bare: str | None = None  # digits of a bare integer
    ambiguous: bool = False
    needs_article: bool = False
    article_ok: bool = False
    unit: str | None = None  # a unit glued to the digits ("10km")
    unit_span: tuple[int, int] | None = None
    neg: bool = False  # written with a minus sign ("-1.5%", "−3 °C")
    of_ok: bool = False  # words ending with a scale word ("un demi-million de ...")
    lead: int | None = None  # "70,000": the first group (70), all others zeros
    lead_scale: int | None = None  # and what it is multiplied by (1,000)


@dataclass(slots=True)
class _Back:
    """What stands before a number: hedge, currency, article."""

    hedge: str | None = None
    hedge_span: tuple[int, int] | None = None
    unit: str | None = None
    unit_span: tuple[int, int] | None = None
    article_span: tuple[int, int] | None = None


class _Reader:
    """Finds figure phrases in one text (one instance per call)."""

    __slots__ = (
        "conv",
        "figure_text",
        "last",
        "lex",
        "mentions",
        "n",
        "others",
        "refusals",
        "strict",
        "text",
        "vocab",
    )

    def __init__(
        self,
        text: str,
        lex: Lexicon,
        conv: Conventions,
        strict: bool,
        figure_text: str | None = None,
    ) -> None:
        self.text = text
        self.figure_text = figure_text  # parse(): figures carry the whole cell
        self.n = len(text)
        self.lex = lex
        self.others = tuple(_LEXICONS[k] for k in LANGS if k != lex.lang)
        self.vocab = _number_vocabulary(lex)
        self.conv = conv
        self.strict = strict
        self.last = 0
        self.mentions: list[Mention] = []
        self.refusals: list[Refusal] = []

    def run(self, start: int = 0, stop: int | None = None) -> None:
        """Read every figure whose first number starts in ``text[start:stop]``."""
        self.last = max(self.last, start)
        search = self.lex.trigger.search
        text = self.text
        stop = self.n if stop is None else stop
        pos = start
        while pos < stop:
            m = search(text, pos, stop)
            if m is None:
                break
            p = m.start()
            # Text taken by a figure or a refusal is never looked at again: the next
            # trigger is searched after it (a 10 MB refused run costs one search).
            pos = m.end()
            if p < self.last:
                pos = max(pos, self.last)
                continue
            got = self._at(p)
            if got is None:
                continue
            if isinstance(got, Refusal):
                self.refusals.append(got)
                self.last = max(self.last, got.end)
            else:
                self.mentions.append(got)
                self.last = got.end
            pos = max(pos, self.last)

    # ------------------------------------------------------------------ triggers
    def _at(self, p: int) -> Mention | Refusal | None:
        text = self.text
        q: _Quantity | Refusal | None
        if "0" <= text[p] <= "9":
            run = self._run(p)
            if run is not None:
                return run
            if self._minus(p):
                q = self._signed(p)
            else:
                refused = self._digit_context(p)
                if refused is not None:
                    return refused
                q = self._digits(p)
        else:
            ahead = self.lex.hedge_ahead
            if ahead is not None and ahead.match(text, p):
                return None  # "un peu plus de 50 000": "un" is part of the hedge
            q = self._words(p)
        if q is None or isinstance(q, Refusal):
            return q
        return self._figure(q)

    def _minus(self, p: int) -> bool:
        """Whether the digits at ``p`` carry a minus sign ("-1.5%", "−3 °C")."""
        if p == 0 or self.text[p - 1] not in _MINUS:
            return False
        before = self.text[p - 2] if p >= 2 else " "
        return not before.isalnum() and before not in "%$€_-−"

    def _signed(self, p: int) -> _Quantity | Refusal:
        """A number written with a minus sign: read, and negated."""
        q = self._digits(p)
        if isinstance(q, Refusal):
            return Refusal(p - 1, q.end, q.reason, q.benign)
        q.start = p - 1
        q.neg = True
        q.value = -q.value
        if q.pre is not None:
            q.pre = -q.pre
        q.bare = None
        q.lead = None
        return q

    def _run(self, p: int) -> Refusal | None:
        """A long run of numbers with no word between them: one refusal, read fast.

        More than :data:`RUN_LIMIT` numbers joined only by spaces, punctuation or
        signs ("1-1-1-1...", "1 000 1 000 1 000...") are a table, a list or a dump,
        not figure phrases; the whole run is refused at once, so pathological input
        costs one regex pass.
        """
        text = self.text
        if p and text[p - 1].isdigit():
            return None
        m = _RUN_START.match(text, p)
        if m is None:
            return None
        end = _RUN_REST.match(text, m.end()).end()  # type: ignore[union-attr]
        return Refusal(
            p,
            end,
            f"a run of more than {RUN_LIMIT} numbers with no words between them "
            "(a table or a list)",
            False,
        )

    def _digit_context(self, p: int) -> Refusal | None:
        """Refuse digits glued to a name, a sign or a label before them."""
        if p == 0:
            return None
        text = self.text
        b = text[p - 1]
        if b.isalpha() or b == "_":
            start = p - 1
            while start > self.last and start > p - 20 and text[start - 1].isalnum():
                start -= 1
            end = _NAME_TAIL.match(text, p).end()  # type: ignore[union-attr]
            return Refusal(start, end, "a name or code with digits (like 'A380' or 'G7')")
        if b in "-‐‑" and p >= 2 and text[p - 2].isalpha():
            start = p - 2
            while start > self.last and start > p - 20 and text[start - 1].isalnum():
                start -= 1
            end = _NAME_TAIL.match(text, p).end()  # type: ignore[union-attr]
            return Refusal(start, end, "a name with digits (like 'COVID-19' or 'F-16')")
        before = text[p - 2] if p >= 2 else " "
        if b == "+" and not before.isalnum():
            end = _PHONE_TAIL.match(text, p).end()  # type: ignore[union-attr]
            return Refusal(p - 1, max(end, p + 1), "a phone number or a signed change")
        if b in "#№":
            end = _NAME_TAIL.match(text, p).end()  # type: ignore[union-attr]
            return Refusal(p - 1, end, "a label with a number (like '#1')")
        if b in "/\\=@&?":
            end = _NAME_TAIL.match(text, p).end()  # type: ignore[union-attr]
            return Refusal(p - 1, end, "part of a link or a code (like '/status/187')")
        if b == "(":
            m = _PAREN_PHONE.match(text, p)  # "(555) 123-4567"
            if m:
                return Refusal(p - 1, m.end(), "a phone number")
        return None

    def _digits(self, p: int) -> _Quantity | Refusal:
        text, n, lex = self.text, self.n, self.lex
        frac = _FRACTION.match(text, p) if text[p + 1 : p + 2] == "/" else None
        if frac is not None:  # "1/2 million": a fraction of a scale word
            got = self._spaced_scale(frac.end())
            if got is not None and int(frac.group(1)) < int(frac.group(2)):
                part = Decimal(frac.group(1)) / Decimal(frac.group(2)) * got[0]
                return _Quantity("num", p, got[1], _exact(part), big=got[0] >= 1000)
        d = read_digits(text, p, lex.lang)
        if isinstance(d, Refusal):
            return d
        e = d.end
        value: Number = d.value
        scale: int | None = None
        unit: str | None = None
        unit_span: tuple[int, int] | None = None
        mixed = False
        if (
            not (d.grouped or d.decimals)
            and e < n
            and (text[e + 2 : e + 3] == "/" or text[e] in _VULGAR)
        ):
            m = _MIXED.match(text, e)  # "1 1/2", "2½"
            if m is not None:
                if m.group(3) is not None:
                    piece = _VULGAR[m.group(3)]
                else:
                    piece = Decimal(m.group(1)) / Decimal(m.group(2))
                if piece < 1:
                    value = _exact(value + piece)
                    e = m.end()
                    mixed = True
        if e < n and text[e].isalpha() and not mixed:
            m = _WORD.match(text, e)
            if m is None:  # a letter \w does not class as a word letter
                return Refusal(p, e + 1, "a name or code with digits (like '5G')")
            w = m.group()
            we = m.end()
            lw = w.lower()
            if w in lex.glued_scales:
                scale = lex.glued_scales[w]
                e = we
            elif lw in lex.ordinal_suffixes and not d.grouped and not d.decimals:
                return Refusal(p, we, "an ordinal (like '21st' or '3e')")
            elif lw == "h" or (lw.startswith("h") and lw[1:] in ("", "rs")):
                end = _NAME_TAIL.match(text, we).end()  # type: ignore[union-attr]
                return Refusal(p, end, "a time of day (like '10h30')")
            elif lw in ("am", "pm"):
                return Refusal(p, we, "a time of day (like '9am')")
            elif lw == "s" and not d.grouped:
                return Refusal(p, we, "a decade (like '1990s')")
            else:
                u = canonical_unit(w)
                if u is None:
                    end = _NAME_TAIL.match(text, we).end()  # type: ignore[union-attr]
                    return Refusal(p, end, "a name or code with digits (like '5G' or '4x4')")
                unit, unit_span = u, (e, we)
        if scale is None and unit is None:
            got = self._spaced_scale(e)
            if got is not None:
                scale, e = got
            elif (
                e + 1 < n
                and text[e] in "-‐‑"
                and not d.grouped
                and not mixed
                and (m := _WORD.match(text, e + 1)) is not None
                and lex.spaced_scales.get(m.group().lower(), 0) >= 100
            ):  # "15-hundred", "a 2-million-strong army"
                scale, e = lex.spaced_scales[m.group().lower()], m.end()
        pre = None
        if scale is not None:
            pre = value
            value = _exact(value * scale)
        bare = d.int_digits if not (d.grouped or d.decimals or scale or unit or mixed) else None
        lead = lead_scale = None
        if d.grouped and not d.decimals and scale is None and unit is None and not mixed:
            k = len(d.int_digits) % 3 or 3
            if d.int_digits[k:].strip("0") == "":
                lead, lead_scale = int(d.int_digits[:k]), 10 ** (len(d.int_digits) - k)
        return _Quantity(
            "num",
            p,
            e,
            value,
            pre=pre,
            scale=scale,
            big=bool(scale and scale >= 1000),
            bare=bare,
            ambiguous=d.ambiguous,
            unit=unit,
            unit_span=unit_span,
            lead=lead,
            lead_scale=lead_scale,
        )

    def _spaced_scale(self, e: int) -> tuple[int, int] | None:
        """A scale word after a space at ``e`` ("1.5 million", "10 k€"): (scale, end)."""
        text, lex = self.text, self.lex
        g = _GAP.match(text, e)
        if g is None:
            return None
        m = _WORD.match(text, g.end())
        if m is None:
            return None
        lw = m.group().lower()
        if lw in lex.spaced_scales:
            return lex.spaced_scales[lw], m.end()
        if (
            lw in lex.spaced_scales_before_currency
            and text[m.end() : m.end() + 1] in lex.unit_symbols
        ):
            return lex.spaced_scales_before_currency[lw], m.end()
        return None

    def _word_list(self, p: int, limit: int = 12) -> list[tuple[str, int, int]]:
        """Lower-case words from ``p``, joined by short spaces or hyphens."""
        text, n = self.text, self.n
        out: list[tuple[str, int, int]] = []
        pos = p
        while len(out) < limit:
            m = _WORD.match(text, pos)
            if m is None:
                break
            lw = m.group().lower()
            out.append((lw, m.start(), m.end()))
            if lw not in self.vocab:
                break  # no number word reads past a word that is none of them
            q = m.end()
            if q < n and text[q] in "-‐‑" and q + 1 < n and text[q + 1].isalpha():
                pos = q + 1
                continue
            g = _GAP.match(text, q)
            if g is None:
                break
            pos = g.end()
        return out

    def _words(self, p: int) -> _Quantity | None:
        lex = self.lex
        words = self._word_list(p)
        if not words:
            return None
        lw = [w for w, _, _ in words]
        first = lw[0]
        if first in lex.quantifiers:
            scale, k = self._scale_chain(lw, 1)
            return _Quantity(
                "magnitude",
                p,
                words[k - 1][2],
                scale,
                mag_kind=lex.quantifiers[first],
                needs_article=first in lex.needs_article,
                article_ok=True,
            )
        if first in lex.plural_magnitudes:
            if (
                self.strict
                and first in lex.needs_of
                and (len(lw) < 2 or lw[1] not in lex.of_words)
            ):
                return None  # "tens" / "scores" alone are other words in running text
            scale = lex.plural_magnitudes[first]
            k = 1
            while k + 1 < len(lw) and lw[k] in lex.of_words and lw[k + 1] in lex.plural_magnitudes:
                scale *= lex.plural_magnitudes[lw[k + 1]]
                k += 2
            return _Quantity(
                "magnitude", p, words[k - 1][2], scale, mag_kind="plural", article_ok=True
            )
        if first in lex.collectives:
            return self._collective(words, lw, 0, 1, p)
        got = read_words(lw, lex.lang)
        if got is None:
            return None
        k = got.used
        if k < len(lw) and lw[k] in lex.collectives:
            return self._collective(words, lw, k, got.value, p)
        if first in lex.counted_scales:
            return None  # "million" alone: "un million" is the number
        needs_article = first in lex.article_numbers
        return _Quantity(
            "num",
            p,
            words[k - 1][2],
            got.value,
            pre=got.pre,
            scale=got.scale,
            words=True,
            big=got.big,
            needs_article=needs_article,
            article_ok=needs_article or first in ("half", "demi"),
            of_ok=lw[k - 1] in lex.spaced_scales,
        )

    def _collective(
        self, words: list[tuple[str, int, int]], lw: list[str], k: int, count: Number, p: int
    ) -> _Quantity:
        lex = self.lex
        value = count * lex.collectives[lw[k]]
        k += 1
        while k + 1 < len(lw) and lw[k] in lex.of_words and lw[k + 1] in lex.plural_magnitudes:
            value *= lex.plural_magnitudes[lw[k + 1]]
            k += 2
        return _Quantity("collective", p, words[k - 1][2], value, words=True, big=True)

    def _scale_chain(self, lw: list[str], k: int) -> tuple[int, int]:
        """Product of the scale words after "several" / "a few" and where it ends."""
        lex = self.lex
        scale = 1
        while k < len(lw):
            w = lw[k]
            if w in lex.quantifier_scales:
                scale *= lex.quantifier_scales[w]
                k += 1
                continue
            if w in lex.plural_magnitudes:
                scale *= lex.plural_magnitudes[w]
                k += 1
                if (
                    k + 1 < len(lw)
                    and lw[k] in lex.of_words
                    and lw[k + 1] in (lex.plural_magnitudes)
                ):
                    k += 1
                continue
            break
        return scale, k

    # ------------------------------------------------------------------ context
    def _back(self, q: _Quantity) -> _Back:
        """Hedge, currency and article just before the quantity (read backwards)."""
        s = q.start
        rev = self.text[max(self.last, s - 64) : s][::-1]
        lex = self.lex
        out = _Back()
        pos = 0
        if q.article_ok:
            m = lex.back_article.match(rev, pos)
            if m is not None:
                out.article_span = (s - m.end(), s - _lstrip(rev, m.start()))
                pos = m.end()
        if q.kind == "num":
            m = lex.back_currency.match(rev, pos)
            if m is not None:
                g = "sym" if m.group("sym") is not None else "code"
                out.unit = canonical_unit(m.group(g)[::-1])
                out.unit_span = (s - m.end(g), s - m.start(g))
                pos = m.end()
        m = lex.back_hedge.match(rev, pos)
        if m is None and q.kind == "num":  # "up to another $4.4 billion"
            f = lex.back_filler.match(rev, pos)
            if f is not None:
                m = lex.back_hedge.match(rev, f.end())
        if m is not None:
            span = (s - m.end(), s - _lstrip(rev, m.start()))
            code = lex.prefix_hedges.get(normalise_phrase(rev[m.start() : m.end()][::-1]))
            if code is not None:
                out.hedge, out.hedge_span = code, span
        return out

    def _context(self, q: _Quantity, back: _Back) -> Refusal | None:
        """Refuse a bare integer that is a date part, a label, an age or a time."""
        text, lex = self.text, self.lex
        bare = q.bare
        if bare is None:
            return None
        v = int(bare)
        s, e = q.start, q.end
        day = len(bare) <= 2 and 1 <= v <= 31
        lo = max(self.last, s - 40)
        rev = text[lo:s][::-1]
        m = lex.back_context.match(rev)
        if m is not None:
            kind = m.lastgroup
            start = s - m.end()
            if kind == "month" and (day or (len(bare) == 4 and v in _YEARS)):
                end = self._after_month_day(e)
                return Refusal(start, end, "a date")
            if kind == "age":
                return Refusal(start, e, "an age")
            # A label before the number; but "ABOUT 500" is a hedge in capitals.
            labelled = back.hedge is None and back.unit is None
            if kind == "label" and labelled:
                return Refusal(start, e, "a label with a number (like 'Article 5')")
            if kind == "caps" and labelled and m.group("caps")[::-1] not in _CURRENCY_CODES:
                return Refusal(start, e, "a name with digits (like 'CAC 40')")
            if kind == "hash":
                return Refusal(start, e, "a label with a number (like '#1')")
        if day:
            m = lex.month_after.match(text, e)
            if m is not None:
                end = m.end()
                g = _GAP.match(text, end)
                if g is not None and text[g.end() : g.end() + 1].isdigit():
                    d = read_digits(text, g.end(), lex.lang)
                    end = d.end
                return Refusal(s, end, "a date")
        if v <= 24:
            m = _TIME_AFTER.match(text, e)
            if m is not None:
                return Refusal(s, m.end(), "a time of day")
        m = _AGE_AFTER.match(text, e)
        if m is not None:
            return Refusal(s, m.end(), "an age")
        return None

    def _after_month_day(self, e: int) -> int:
        """End of a date after its month: "Nov 7, 2024" takes the year too."""
        text = self.text
        m = _YEAR_AFTER_DAY.match(text, e)
        if m is not None:
            return m.end() + 4
        return e

    # ------------------------------------------------------------------ figure
    def _figure(self, q: _Quantity) -> Mention | Refusal | None:
        text = self.text
        back = self._back(q)
        if q.needs_article and back.article_span is None:
            return None
        refused = self._context(q, back) if q.kind == "num" else None
        if refused is not None:
            return refused
        opener = back.hedge if back.hedge in (OPEN_BETWEEN, OPEN_FROM) else None
        q2: _Quantity | None = None
        x: Number = q.value
        y: Number | None = None
        unit, unit_span = (back.unit, back.unit_span) if back.unit else (q.unit, q.unit_span)
        if q.kind == "num":
            got = self._range(q, opener)
            if isinstance(got, Refusal):
                return got
            if got is not None:
                q2, x, y, mid_unit = got
                if mid_unit is not None and unit is None:
                    unit, unit_span = mid_unit
                if q2.unit is not None and unit is None:
                    unit, unit_span = q2.unit, q2.unit_span
        last = q2 if q2 is not None else q
        num_end = last.end
        end = num_end
        hedge: str | None = None
        hedge_span: tuple[int, int] | None = None
        if q2 is not None:
            hedge = "range"
            if opener is not None:
                hedge_span = back.hedge_span
        elif back.hedge is not None and opener is None and q.kind != "magnitude":
            hedge, hedge_span = back.hedge, back.hedge_span
        if unit_span is not None and unit_span[1] > end:
            end = unit_span[1]  # a unit glued to the digits: "10km"
        # Trailing "+", "-plus", "or more" (before the unit).
        post = self._postfix(end) if hedge is None and q.kind != "magnitude" else None
        if post is not None:
            hedge, hedge_span = post
            end = post[1][1]
        if unit is None:
            got_unit = self._unit(end, q.kind != "num" or last.scale is not None or last.of_ok)
            if got_unit is not None:
                unit, unit_span = got_unit
                end = unit_span[1]
        if hedge is None and q.kind != "magnitude":
            post = self._postfix(end)
            if post is not None:
                hedge, hedge_span = post[0], post[1]
                end = post[1][1]
        elif q2 is None and hedge_span is not None and back.hedge_span == hedge_span:
            # "about 5,000 or so": a second hedge after the number.
            post = self._postfix(end)
            if post is not None:
                if post[0] != hedge:
                    return Refusal(
                        hedge_span[0],
                        post[1][1],
                        f"a figure with two hedges that disagree "
                        f"({text[hedge_span[0] : hedge_span[1]]!r} and "
                        f"{text[post[1][0] : post[1][1]]!r})",
                        False,
                    )
                end = post[1][1]
        if q2 is not None or q.kind == "magnitude":
            # "12,000 to 15,000 or more", "thousands or more": an open end on a range
            # or a vague magnitude says more than either reads; refuse, never drop it.
            post = self._postfix(num_end) or self._postfix(end)
            if post is not None:
                return Refusal(
                    q.start,
                    max(end, post[1][1]),
                    f"a {'range' if q2 is not None else 'vague magnitude'} followed by "
                    f"{text[post[1][0] : post[1][1]]!r}, which leaves its ends unclear "
                    "(write 'at least X' or 'between X and Y')",
                    False,
                )
        # A bare four-digit number from 1800 to 2100 with no unit or hedge is a year.
        if (
            q.bare is not None
            and q2 is None
            and hedge is None
            and unit is None
            and len(q.bare) == 4
            and int(q.bare) in _YEARS
        ):
            return Refusal(q.start, num_end, "a year")
        start = q.start
        if back.article_span is not None:
            start = back.article_span[0]
        num_start = start
        if back.unit_span is not None and back.unit_span[0] < start:
            start = back.unit_span[0]
        if hedge_span is not None and hedge_span[0] < start:
            start = hedge_span[0]
        elif (
            hedge_span is None
            and back.hedge_span is not None
            and back.hedge not in (OPEN_BETWEEN, OPEN_FROM)
        ):
            # "about 10-20", "up to thousands": read as part of the phrase; the figure
            # is the range or the magnitude as stated (module rules).
            start = min(start, back.hedge_span[0])
        # Running text: words-only numbers need support.
        if self.strict and not self._supported(q, q2, hedge, unit):
            return None
        if (q.neg or (q2 is not None and q2.neg)) and not _may_be_negative(unit or ""):
            return Refusal(
                start,
                end,
                f"a signed number ({_clip(text[start:end])!r}) for "
                f"{'a count' if not unit else repr(unit)}, which is never negative "
                "(signed figures are read for percentages and temperatures)",
                False,
            )
        for v in (x, y):
            if v is not None and v != 0 and not (MIN_VALUE <= abs(Decimal(v)) < MAX_VALUE):
                return Refusal(
                    start,
                    end,
                    f"a number out of the range this library reads ({_clip(text[start:end])}; "
                    f"figures are 0, or from {MIN_VALUE} to below {MAX_VALUE} in size)",
                    False,
                )
        if hedge is None and (q2 is None or opener is None):
            foreign = self._foreign(start, end)
            if foreign is not None:
                return foreign
        mtext = text[start:end]
        ftext = self.figure_text if self.figure_text is not None else mtext
        conv = self.conv
        u = unit or ""
        try:
            if q.kind == "magnitude":
                fig = conv.magnitude(q.mag_kind, float(q.value), unit=u, text=ftext)  # type: ignore[arg-type]
            elif q2 is not None:
                fig = conv.figure(
                    "range",
                    float(x),
                    float(y if y is not None else x),
                    unit=u,
                    text=ftext,
                    ambiguous=q.ambiguous or q2.ambiguous,
                )
            else:
                h = hedge or ("approx" if q.kind == "collective" else "exact")
                fig = conv.figure(h, float(x), unit=u, text=ftext, ambiguous=q.ambiguous)
        except FigureError as exc:
            return Refusal(start, end, f"not a valid figure ({_clip(str(exc), 200)})", False)
        return Mention(start, end, mtext, fig, hedge_span, (num_start, num_end), unit_span)

    def _foreign(self, start: int, end: int) -> Refusal | None:
        """A hedge of the other language around an unhedged figure: refused, with a hint.

        "plus de 50 000" read as English would silently be an exact 50,000; this is
        where it is caught ("looks French: pass lang='fr' or lang='auto'").
        """
        text = self.text
        for other in self.others:
            rev = text[max(self.last, start - 64) : start][::-1]
            m = other.back_hedge.match(rev)
            phrase = None
            span = (start, end)
            if m is not None:
                phrase = rev[m.start() : m.end()][::-1].strip()
                span = (start - m.end() + _lstrip(rev, m.start()) - m.start(), end)
                span = (start - m.end(), end)
            else:
                m = other.postfix.match(text, end)
                if m is not None:
                    phrase = m.group().strip()
                    span = (start, m.end())
            if phrase is None or not any(c.isalpha() for c in phrase):
                continue
            if normalise_phrase(phrase) in self.lex.prefix_hedges or (
                normalise_phrase(phrase) in self.lex.postfix_hedges
            ):
                continue
            return Refusal(
                span[0],
                span[1],
                f"a figure with the {_LANG_NAMES[other.lang]} hedge {phrase!r}, which "
                f"{_LANG_NAMES[self.lex.lang]} does not read; looks {_LANG_NAMES[other.lang]}: "
                f"pass lang={other.lang!r} or lang='auto'",
                False,
            )
        return None

    def _supported(
        self, q: _Quantity, q2: _Quantity | None, hedge: str | None, unit: str | None
    ) -> bool:
        if q.kind == "magnitude":
            return q.value != 1 or unit is not None
        if q.kind == "collective" or not q.words:
            return True
        if q2 is not None:
            return True
        if q.value == 1 and hedge is None:
            return False
        return hedge is not None or unit is not None or q.big

    # ------------------------------------------------------------------ pieces
    def _second(self, pos: int) -> _Quantity | Refusal | None:
        """The second number of a range, at ``pos``."""
        text = self.text
        if pos >= self.n:
            return None
        m = _CURRENCY_AHEAD.match(text, pos)
        if m is not None:
            pos = m.end()
            if pos >= self.n:
                return None
        c = text[pos]
        if "0" <= c <= "9":
            return self._digits(pos)
        if c in _MINUS and pos + 1 < self.n and "0" <= text[pos + 1] <= "9":
            return self._signed(pos + 1)
        if c.isalpha():
            t = self.lex.trigger.match(text, pos)
            if t is None:
                return None
            q = self._words(pos)
            if q is not None and q.kind == "num" and not q.needs_article:
                return q
        return None

    def _range(
        self, q: _Quantity, opener: str | None
    ) -> tuple[_Quantity, Number, Number, tuple[str, tuple[int, int]] | None] | Refusal | None:
        text, lex = self.text, self.lex
        mid_unit: tuple[str, tuple[int, int]] | None = None
        pos = q.end
        if q.unit is not None and q.unit_span is not None:  # "10km-20km"
            mid_unit = (q.unit, q.unit_span)
            pos = q.unit_span[1]
        m = _CONNECTOR.match(text, pos)
        if m is None or not self._connector_ok(m, opener):
            # "10 km to 20 km", "10%-20%": a unit between the numbers.
            got_unit = self._unit(q.end, q.scale is not None) if mid_unit is None else None
            if got_unit is None:
                return None
            m = _CONNECTOR.match(text, got_unit[1][1])
            if m is None or not self._connector_ok(m, opener):
                return None
            mid_unit = got_unit
        dash = m.group("dash") is not None
        q2 = self._second(m.end())
        if q2 is None:
            return None
        if isinstance(q2, Refusal):
            if dash and q.bare is not None:
                return Refusal(q.start, q2.end, q2.reason)
            return None
        if q2.kind != "num":
            return None
        if mid_unit is not None:
            after = (
                self._unit(q2.end, q2.scale is not None)
                if q2.unit is None
                else (q2.unit, q2.unit_span)
            )
            if after is None or after[0] != mid_unit[0]:
                return None
        x: Number = q.value
        y: Number = q2.value
        if q.scale is None and q2.scale is not None and q2.pre is not None and q.value <= q2.pre:
            x = q.value * q2.scale
        elif (
            q.bare is not None
            and len(q.bare) <= 3
            and q2.lead is not None
            and q2.lead_scale is not None
            and 0 < q.value < q2.lead
            and mid_unit is None
            and opener != OPEN_BETWEEN
        ):
            # "60-70,000", "12 à 13.000": the second number's trailing zeros are shared.
            x = q.value * q2.lead_scale
        # "2024-11-12": an ISO date.
        if dash and m.group(0) == m.group("dash") and q2.bare is not None:
            e = q2.end
            if e + 1 < self.n and text[e] in _DASHES and text[e + 1].isdigit():
                d = read_digits(text, e + 1, lex.lang)
                return Refusal(q.start, d.end, "a date")
        # "2014-2022", "2023-24": a range of years.
        if (
            q.bare is not None
            and q2.bare is not None
            and len(q.bare) == 4
            and (int(q.bare) in _YEARS)
            and ((len(q2.bare) == 4 and int(q2.bare) in _YEARS) or len(q2.bare) == 2)
            and q2.unit is None
            and mid_unit is None
            and self._unit(q2.end, False) is None
        ):
            return Refusal(q.start, q2.end, "a range of years")
        # "(555) 123-4567", "555-1234"
        if (
            m.group(0) == "-"
            and opener is None
            and q.bare is not None
            and q2.bare is not None
            and len(q.bare) == 3
            and len(q2.bare) == 4
            and self._unit(q2.end, False) is None
        ):
            return Refusal(q.start, q2.end, "a phone number")
        if x >= y:
            if dash:
                return Refusal(
                    q.start,
                    q2.end,
                    f"a score (or a range whose low end {_show(x)} is not below its high end "
                    f"{_show(y)})",
                )
            if self.strict:
                return None
            return Refusal(
                q.start,
                q2.end,
                f"a range whose low end {_show(x)} is not below its high end {_show(y)}",
            )
        return q2, x, y, mid_unit

    def _connector_ok(self, m: re.Match[str], opener: str | None) -> bool:
        if m.group("dash") is not None:
            return True
        w = m.group("word").lower()
        return w in self.lex.connectors[opener]

    def _postfix(self, pos: int) -> tuple[str, tuple[int, int]] | None:
        text, n = self.text, self.n
        if pos < n and text[pos] == "+" and not text[pos + 1 : pos + 2].isdigit():
            return "at_least", (pos, pos + 1)
        if (
            pos < n
            and text[pos] in "-‐‑"
            and text[pos + 1 : pos + 5].lower() == "plus"
            and (not text[pos + 5 : pos + 6].isalnum())
        ):
            return "at_least", (pos, pos + 5)
        m = self.lex.postfix.match(text, pos)
        if m is None:
            return None
        raw = m.group(0)
        phrase = normalise_phrase(raw)
        code = self.lex.postfix_hedges.get(phrase)
        if code is None:
            return None
        lead = len(raw) - len(raw.lstrip())
        return code, (pos + lead, m.end())

    def _unit(self, pos: int, allow_of: bool) -> tuple[str, tuple[int, int]] | None:
        """The unit or counted noun after ``pos``: a symbol, or words.

        Skips "of" / "de" / "d'" when ``allow_of`` (after a scale word or a magnitude),
        then up to three adjectives ("North Korean troops"), and tries multi-word units
        ("per cent", "killed or wounded") before single words.
        """
        text, n, lex = self.text, self.n, self.lex
        g = _GAP.match(text, pos)
        p1 = g.end() if g is not None else pos
        if p1 >= n:
            return None
        c = text[p1]
        if c in "°º℃℉":
            sign = text[p1 : p1 + 2] if c in "°º" else c
            if sign in TEMPERATURE_SIGNS:
                return TEMPERATURE_SIGNS[sign], (p1, p1 + len(sign))
        if c in lex.unit_symbols:
            u = canonical_unit(c)
            if u is not None:
                return u, (p1, p1 + 1)
        if g is None or not c.isalpha():
            return None
        q: int | None = p1
        skipped = 0
        first = True
        while q is not None:
            m = _WORD.match(text, q)
            if m is None:
                return None
            w = m.group()
            ws, we = m.span()
            lw = w.lower()
            if first and allow_of and lw in lex.of_words:
                first = False
                q = self._next_word(we)
                continue
            first = False
            if we < n and "0" <= text[we] <= "9":  # "km2", "m2"
                d = _DIGITS_RUN.match(text, we)
                u = canonical_unit(w + d.group())  # type: ignore[union-attr]
                if u is not None:
                    return u, (ws, d.end())  # type: ignore[union-attr]
            if lw in _MULTIWORD_STARTS:
                got = self._multiword_unit(w, ws, we)
                if got is not None:
                    return got
            u = canonical_unit(w)
            if u is not None:
                return u, (ws, we)
            if skipped < 3 and (lw in lex.adjectives or (lex.lang == "en" and w[0].isupper())):
                skipped += 1
                q = self._next_word(we)
                continue
            return None
        return None

    def _next_word(self, e: int) -> int | None:
        """Where the next word of a noun phrase starts after ``e``, if one follows."""
        text, n = self.text, self.n
        if e + 1 < n and text[e] in "'’ʼ-‐‑" and text[e + 1].isalpha():
            return e + 1
        g = _GAP.match(text, e)
        return g.end() if g is not None else None

    def _multiword_unit(self, w: str, ws: int, we: int) -> tuple[str, tuple[int, int]] | None:
        """The longest unit of two or three words starting with ``w``."""
        words = [w]
        ends = [we]
        q = self._next_word(we)
        while q is not None and len(words) < 3:
            m = _WORD.match(self.text, q)
            if m is None:
                break
            words.append(m.group())
            ends.append(m.end())
            q = self._next_word(m.end())
        for size in range(len(words), 1, -1):
            u = canonical_unit(" ".join(words[:size]))
            if u is not None:
                return u, (ws, ends[size - 1])
        return None


_LANG_NAMES = {"en": "English", "fr": "French"}


_VOCABULARIES: dict[str, frozenset[str]] = {}


def _number_vocabulary(lex: Lexicon) -> frozenset[str]:
    """Words that may go on inside a number or magnitude in words ("quatre vingt dix",
    "tens of thousands", "un quart de million"): word lists stop after any other."""
    got = _VOCABULARIES.get(lex.lang)
    if got is None:
        got = frozenset(
            {w for w in lex.figure_words if w.isalpha()}
            | set(lex.spaced_scales)
            | set(lex.plural_magnitudes)
            | set(lex.collectives)
            | set(lex.quantifier_scales)
            | set(lex.of_words)
            | {"and", "a", "an", "one", "of", "et", "un", "une", "de", "d", "du"}
            | {"half", "quarter", "quarters", "third", "thirds"}
            | {"demi", "demie", "quart", "quarts", "tiers"}
        )
        _VOCABULARIES[lex.lang] = got
    return got


def _may_be_negative(unit: str) -> bool:
    """Signed units (percentages, temperatures; see :func:`~estimates.is_signed`)."""
    return unit != "" and is_signed(unit)


def _exact(x: Number) -> Number:
    """An integral Decimal as an int (so "1.5 million" is 1500000, not 1500000.0)."""
    if isinstance(x, Decimal) and x == x.to_integral_value():
        return int(x)
    return x


def _lstrip(rev: str, i: int) -> int:
    while i < len(rev) and rev[i].isspace():
        i += 1
    return i


def _show(x: Number) -> str:
    return f"{x:,}" if x == int(x) else str(x)


# ----------------------------------------------------------------------- public
#: The language settings :func:`parse` and :func:`scan` take besides a tag: ``"auto"``
#: reads each phrase (each sentence in :func:`scan`) in the language its words show.
AUTO = "auto"

# Words that show a language in running text (besides its figure words).
_MARKERS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "of",
            "and",
            "than",
            "to",
            "in",
            "were",
            "was",
            "are",
            "is",
            "said",
            "says",
            "people",
            "troops",
            "soldiers",
            "killed",
            "dead",
            "wounded",
            "according",
            "at",
            "least",
            "more",
            "about",
            "some",
            "up",
            "over",
            "nearly",
            "almost",
        ]
    ),
    "fr": frozenset(
        [
            "de",
            "des",
            "le",
            "la",
            "les",
            "et",
            "du",
            "d",
            "l",
            "à",
            "au",
            "aux",
            "selon",
            "personnes",
            "soldats",
            "manifestants",
            "morts",
            "blessés",
            "environ",
            "plus",
            "moins",
            "près",
            "jusqu",
            "est",
            "sont",
            "ont",
            "été",
            "a",
        ]
    ),
}
_ACCENTS = frozenset("éèêàâçùûîôœ")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
# A sentence: up to a full stop, "!" or "?" before a space, or a line break.  Every
# character is taken once (the two alternatives exclude each other): linear.
_SENTENCE = re.compile(r"(?:[^.!?\n]+|[.!?](?![\s]|$))*(?:[.!?]+|\n+)?")


def _scores(text: str) -> dict[str, int]:
    """How many words of ``text`` show each language (figure words and markers)."""
    out = dict.fromkeys(LANGS, 0)
    lexes = [_LEXICONS[k] for k in LANGS]
    for w in _LETTERS_RE.findall(text):
        lw = w.lower()
        for lex in lexes:
            if lw in lex.figure_words or lw in _MARKERS[lex.lang]:
                out[lex.lang] += 1
        if any(c in _ACCENTS for c in lw):
            out["fr"] += 1
    return out


def detect_lang(text: str, default: str = "en") -> str:
    """The language (``"en"`` or ``"fr"``) whose words ``text`` shows most.

    Counts figure words ("about", "environ", "milliers"...) and common words of each
    language; accented letters count for French.  A tie gives ``default``.

    Examples
    --------
    >>> detect_lang("plus de 50 000 manifestants")
    'fr'
    >>> detect_lang("more than 50,000 protesters")
    'en'
    >>> detect_lang("50 000", default="fr")
    'fr'
    """
    sc = _scores(text)
    best = max(sc.values())
    winners = [k for k in LANGS if sc[k] == best]
    return default if len(winners) != 1 else winners[0]


def _check_text(text: object, what: str) -> str:
    if not isinstance(text, str):
        raise ArgumentTypeError("text", text, f"a str for {what}()")
    return text


def _key(lang: str, text: str) -> str:
    if isinstance(lang, str) and lang.strip().lower() == AUTO:
        return AUTO
    return normalise_lang(lang, _clip(text, 120))


def scan(
    text: str, lang: str = "en", *, conventions: str | Conventions | None = None
) -> list[Mention]:
    """Find every figure mentioned in running text.

    Parameters
    ----------
    text : str
        Any text (an article, a page, a cell), at most :data:`MAX_SCAN_CHARS`
        characters.
    lang : str
        ``"en"`` or ``"fr"``, a tag such as ``"fr-FR"``, or ``"auto"`` to read each
        sentence in the language its words show (see :func:`detect_lang`).
    conventions : str or Conventions, optional
        The profile that reads hedges and magnitudes (default: the active one).

    Returns
    -------
    list of Mention
        In text order, non-overlapping.  Years, dates, names with digits, scores,
        phone numbers, times, ordinals and ages are left out (see the module rules),
        and so are figures that cannot be read whole: a signed count, a number out of
        range, a hedge of the other language ("plus de" read as English), a range
        with "or more", a run of more than :data:`RUN_LIMIT` numbers.

    Raises
    ------
    ParseError
        When the text is longer than :data:`MAX_SCAN_CHARS`, or the language is not
        supported.

    Examples
    --------
    >>> text = "Des milliers de soldats, dont environ 50 000 à Koursk depuis août 2023."
    >>> [(m.text, m.figure.hedge.value) for m in scan(text, "fr")]
    [('Des milliers de soldats', 'magnitude'), ('environ 50 000', 'approx')]
    >>> [m.text for m in scan("About 5,000 troops. Plus de 13 000 conteneurs.", "auto")]
    ['About 5,000 troops', 'Plus de 13 000 conteneurs']
    """
    text = _check_text(text, "scan")
    key = _key(lang, text)
    if len(text) > MAX_SCAN_CHARS:
        raise ParseError(
            text,
            f"the text is {len(text):,} characters long, more than the {MAX_SCAN_CHARS:,} "
            "scan() reads at once (MAX_SCAN_CHARS)",
            lang=str(key),
            expected="a shorter text: split it by article, page or paragraph",
        )
    conv = get_conventions(conventions)
    if key != AUTO:
        reader = _Reader(text, get_lexicon(key), conv, strict=True)
        reader.run()
        return reader.mentions
    # lang="auto": one language per sentence (sentences with no telling word take the
    # language of the whole text), one reader per stretch of a language.
    whole = detect_lang(text[:100_000])
    readers = {k: _Reader(text, get_lexicon(k), conv, strict=True) for k in LANGS}
    out: list[Mention] = []
    last = 0
    seg_start, seg_lang = 0, None
    for m in _SENTENCE.finditer(text):
        if m.start() == m.end():
            continue
        k = detect_lang(m.group(), default=seg_lang or whole)
        if seg_lang is None:
            seg_lang = k
        if k != seg_lang:
            last = _run_segment(readers[seg_lang], out, seg_start, m.start(), last)
            seg_start, seg_lang = m.start(), k
    _run_segment(readers[seg_lang or whole], out, seg_start, len(text), last)
    return out


def _run_segment(reader: _Reader, out: list[Mention], start: int, stop: int, last: int) -> int:
    reader.mentions = []
    reader.last = last
    reader.run(start, stop)
    out.extend(reader.mentions)
    return reader.last


def parse(text: str, lang: str = "en", *, conventions: str | Conventions | None = None) -> Figure:
    """Read a figure cell ("up to 12,000", "environ 50 000 soldats") as a :class:`Figure`.

    Every word of the cell that carries meaning for a figure (a number, a hedge, a
    scale, a fraction, a negation, in either language) is either read or makes the
    cell refused: a cell is never read with a word dropped.  Other words (a noun after
    the unit, a date, a place) may stand around the figure.

    Parameters
    ----------
    text : str
        The cell: one figure, possibly with words around it.
    lang : str
        ``"en"`` or ``"fr"``, a tag such as ``"en-GB"``, or ``"auto"``: read in both
        and keep the reading that uses every word (the language the words show when
        both do and differ; refused when nothing tells them apart).
    conventions : str or Conventions, optional
        The profile that turns hedges and magnitudes into intervals (default: the
        active one); its name is the figure's ``profile``.

    Returns
    -------
    Figure
        With ``text`` the whole (stripped) input.

    Raises
    ------
    ParseError
        When the text holds no figure (saying what it looks like instead: a year, a
        date...), several separate figures, a word the figure does not use (with a
        hint when it belongs to the other language), or an unsupported language.

    Examples
    --------
    >>> parse("up to 12,000 soldiers")
    Figure([0, 12000] soldier, hedge='up_to', text='up to 12,000 soldiers')
    >>> parse("environ 50 000 soldats", "fr")
    Figure([45000, 55000] soldier, best=50000, hedge='approx', text='environ 50 000 soldats')
    >>> parse("des milliers", "fr", conventions="ccc")
    Figure([2000], best=2000, hedge='magnitude', text='des milliers', profile='ccc')
    >>> parse("plus de 50 000 manifestants", "auto")
    Figure((50000, +inf) protester, hedge='more_than', text='plus de 50 000 manifestants')
    >>> parse("since 2023")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    estimates._model.errors.ParseError: cannot read 'since 2023' ...: '2023' reads as a year, ...
    """
    text = _check_text(text, "parse")
    key = _key(lang, text)
    conv = get_conventions(conventions)
    s = text.strip()
    if not s:
        raise ParseError(s, "the text is empty", lang=key, expected=_EXPECTED, code="parse.empty")
    if key != AUTO:
        try:
            return _read_cell(s, key, conv).figure
        except ParseError as exc:
            if "lang='auto'" in exc.reason:
                raise
            for k in LANGS:  # "des milliards" in English: it reads as French
                if k == key:
                    continue
                try:
                    _read_cell(s, k, conv)
                except ParseError:
                    continue
                raise ParseError(
                    s,
                    f"{exc.reason}; it reads as {_LANG_NAMES[k]}: pass lang={k!r} or lang='auto'",
                    lang=exc.lang,
                    expected=exc.expected,
                    position=exc.position,
                    code=exc.code,
                ) from None
            raise
    got: dict[str, Mention] = {}
    errors: dict[str, ParseError] = {}
    for k in LANGS:
        try:
            got[k] = _read_cell(s, k, conv)
        except ParseError as exc:
            errors[k] = exc
    told = detect_lang(s, default="")
    if len(got) == 1:
        return next(iter(got.values())).figure
    if not got:
        raise errors[told or LANGS[0]]
    figs = {k: m.figure.replace(ambiguous=False) for k, m in got.items()}
    if len(set(figs.values())) == 1:
        return got[told or LANGS[0]].figure
    if told:
        return got[told].figure
    readings = ", ".join(f"{_LANG_NAMES[k]} {_clip(str(f), 40)}" for k, f in figs.items())
    raise ParseError(
        s,
        f"the text reads differently in each language ({readings}) and no word tells which",
        lang=AUTO,
        expected="lang='en' or lang='fr'",
        code="parse.ambiguous",
    )


def _read_cell(
    s: str, key: str, conv: Conventions, covered: list[tuple[int, int]] | None = None
) -> Mention:
    """The one figure of a cell, every meaningful word read, or ParseError.

    ``covered``, when given, receives the spans read: the figure's and those of the
    non-figures beside it (dates, years, names), for the property tests.
    """
    lex = _LEXICONS[key]
    reader = _Reader(s, lex, conv, strict=False, figure_text=s)
    reader.run()
    found = reader.mentions
    if len(found) > 1:
        shown = ", ".join(repr(_clip(m.text)) for m in found[:5])
        more = f" and {len(found) - 5} more" if len(found) > 5 else ""
        raise ParseError(
            s,
            f"{len(found)} separate figures ({shown}{more})",
            lang=key,
            expected="one figure per cell (a single number or range, e.g. 'between 2 and 3 "
            "million')",
        )
    bad = [r for r in reader.refusals if not r.benign]
    refusals = bad or reader.refusals
    if refusals and (bad or not found):
        r = refusals[0]
        raise ParseError(
            s,
            f"{_clip(s[r.start : r.end])!r} reads as {r.reason}, not a figure",
            lang=key,
            expected=_EXPECTED,
            position=r.start,
        )
    if not found:
        hint = _hint(s, lex)
        m = _ORDINAL_WORD.search(s)
        if m is not None and not hint:
            raise ParseError(
                s,
                f"{m.group()!r} is an ordinal, not a quantity",
                lang=key,
                expected=_EXPECTED,
                position=m.start(),
            )
        raise ParseError(
            s, "no number found" + hint, lang=key, expected=_EXPECTED, code="parse.no_number"
        )
    mention = found[0]
    spans = [(mention.start, mention.end)] + [(r.start, r.end) for r in reader.refusals]
    problem = _unused(s, mention, spans, lex)
    if problem is not None:
        reason, position = problem
        raise ParseError(s, reason, lang=key, expected=_EXPECTED, position=position)
    if covered is not None:
        covered.extend(spans)
    return mention


def _hint(s: str, lex: Lexicon, words: list[re.Match[str]] | None = None) -> str:
    """ "; looks French: pass lang='fr' or lang='auto'" when other-language words show.

    ``words`` are the words to look at (default: every word of ``s``).
    """
    own = lex.figure_words
    if words is None:
        words = list(_LETTERS_RE.finditer(s))
    for k in LANGS:
        if k == lex.lang:
            continue
        other = _LEXICONS[k].figure_words
        for m in words:
            lw = m.group().lower()
            if lw in other and lw not in own:
                return f"; {m.group()!r} looks {_LANG_NAMES[k]}: pass lang={k!r} or lang='auto'"
    return ""


def _gaps(n: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of ``range(n)`` outside every span."""
    out = []
    pos = 0
    for a, b in sorted(spans):
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < n:
        out.append((pos, n))
    return out


_OPENING = "([{"
_CLOSING = ")]}"


def _unused(
    s: str, mention: Mention, spans: list[tuple[int, int]], lex: Lexicon
) -> tuple[str, int] | None:
    """Why the cell has a meaningful word the figure did not use, or None."""
    gaps = _gaps(len(s), spans)
    if not gaps:
        return None
    left = [m for a, b in gaps for m in _LETTERS_RE.finditer(s, a, b)]
    if left:
        hint = _hint(s, lex, left)
        for m in left:
            if m.group().lower() in lex.figure_words or hint:
                return (
                    f"{m.group()!r} is not part of the figure read ({_clip(mention.text)!r}), "
                    f"and a figure word is never dropped{hint}",
                    m.start(),
                )
    for a, b in gaps:
        for i in range(a, b):
            if s[i].isnumeric():  # "¼", "²", "٣": numbers in forms not read
                return (
                    f"{s[i]!r} (character {i}) is a number in a form this library does not "
                    f"read beside the figure {_clip(mention.text)!r}",
                    i,
                )
    before = s[: mention.start].rstrip()
    after = s[mention.end :].lstrip()
    if (before and before[-1] in _OPENING + "±") or (after and after[0] in _CLOSING + "±/"):
        return (
            f"the figure {_clip(mention.text)!r} stands in brackets or beside a sign "
            "(interval notation, an accounting negative or a rate); write it in words",
            mention.start,
        )
    return None
