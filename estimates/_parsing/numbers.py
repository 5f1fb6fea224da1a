"""Reading numbers: digits in every local form, and number words.

Two readers, both exact (integers and :class:`~decimal.Decimal`, never binary floats
until the very end):

:func:`read_digits`
    A run of digits and separators at a position in a text, read by the rules below.
:func:`read_words`
    A sequence of number words ("three thousand", "quatre-vingt-dix",
    "vingt et un", "half a million").

:func:`read_number` reads a whole string as one number (digits with an optional scale
word, or number words) and is what other layers use for a bare number cell.

Digit rules
-----------
* **Grouping.**  Thousands are grouped by ``,`` (English), ``.`` (French), or a
  single space of any kind (ASCII space, no-break space U+00A0, narrow no-break space
  U+202F, thin space U+2009, figure space U+2007) in both languages.  A group is exactly
  three digits; the first group has one to three digits and does not start with 0.
* **Decimals.**  ``.`` is the English decimal mark and ``,`` the French one, but a
  mark that cannot be a grouping (not followed by exactly three digits, or after a
  grouping by the other mark) is read as a decimal mark in either language: "1,12" is
  1.12 and "2.8" is 2.8 whatever the language; "1.234,5" is 1234.5.
* **Ambiguity.**  A number with exactly one ``.`` or ``,`` followed by exactly three
  digits ("1,498", "1.498") reads differently in the two languages.  When its last
  digit is 0 ("10,000", "12.500", "319,300") the decimal reading is not plausible
  (writers do not write trailing zeros after a decimal mark), so it is always a
  grouping, not flagged.  Otherwise the language decides (English: "1,498" is 1498 and
  "1.498" is 1.498; French the reverse) and the reading is flagged ``ambiguous``.
* **Not numbers.**  Digits joined by ``/`` (dates, fractions) or ``:`` (times), a
  number with a leading zero ("01 23 45 67 89", "007"), four or more space-separated
  groups of one or two digits (phone numbers), a number followed by more separators
  after its decimals ("12.11.2024", "1.2.3") and integer runs of more than 30 digits
  are refused with a reason (a :class:`Refusal`).  Decimals may have up to 64 digits.

Examples
--------
>>> read_digits("10 000 soldats", 0, "fr")  # doctest: +NORMALIZE_WHITESPACE
Digits(value=10000, start=0, end=6, int_digits='10000', grouped=True, decimals=False,
       ambiguous=False)
>>> read_digits("1,12 million", 0, "fr").value
Decimal('1.12')
>>> read_digits("1.498", 0, "fr").ambiguous
True
>>> read_words(["quatre", "vingt", "dix", "sept"], "fr").value
97
>>> read_number("1,12 million", "fr")
Decimal('1120000.00')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from .._model.errors import ParseError
from .lexicon import get_lexicon, normalise_lang

__all__ = [
    "GROUP_SPACES",
    "MAX_DIGITS",
    "MAX_VALUE",
    "MIN_VALUE",
    "NUMBER_WORDS",
    "Digits",
    "Number",
    "Refusal",
    "Words",
    "read_digits",
    "read_number",
    "read_words",
]

#: An exact number: an ``int``, or a ``Decimal`` when it has decimals.
Number = int | Decimal

#: Single characters that group thousands in both languages.
GROUP_SPACES = frozenset(" \u00a0\u202f\u2009\u2007")

#: Longest integer digit run read as a number; longer runs are codes or identifiers.
MAX_DIGITS = 30
# Longest run of digits after a separator (decimals may be long: "0.30000000000000004").
_MAX_GROUP = 64

_DIGITS = re.compile(r"[0-9]+")
_SEPARATORS = GROUP_SPACES | {".", ",", "/", ":"}
# Groups looked at past the first: bounds the work per number (scanning stays linear).
_LOOKAHEAD = 8
# The rest of a refused run: more groups linked by the same separators.
_RUN_TAILS = {
    seps: re.compile(
        "(?:["
        + "".join(re.escape(c) for c in seps).replace(" ", "".join(sorted(GROUP_SPACES)))
        + "][0-9]+)*"
    )
    for seps in ("/.-", ":", " .", " ", ".,/:")
}
# An exponent after a number: "1e6", "2.5E-3" (nothing alphanumeric glued after).
_SCIENTIFIC = re.compile(r"[eE]([+-]?[0-9]{1,5})(?![\w.,])")
#: Figures this library reads are 0 or from ``MIN_VALUE`` to below ``MAX_VALUE`` in
#: size: what :func:`~estimates.render` can write back in digits.
MAX_VALUE = Decimal("1e29")
MIN_VALUE = Decimal("1e-30")


@dataclass(frozen=True, slots=True)
class Refusal:
    """A span of text that looks numeric but is not a figure, and why.

    ``reason`` is a noun phrase: "a year", "a date", "a phone number"...  ``benign``
    is True when the span is understood as something that holds no quantity (a date,
    a year, a name, a time...), so a figure beside it in a cell is still read; False
    when it is a number that cannot be taken (a signed count, an overflow, a list), so
    a cell holding it is refused.
    """

    start: int
    end: int
    reason: str
    benign: bool = True


@dataclass(frozen=True, slots=True)
class Digits:
    """A number written in digits, read exactly.

    Attributes
    ----------
    value : int or Decimal
        The number (a ``Decimal`` only when it has decimals).
    start, end : int
        Its span in the text.
    int_digits : str
        The digits of its integer part, without separators.
    grouped : bool
        Whether a thousands separator was used ("10,000", "10 000").
    decimals : bool
        Whether it has a decimal part.
    ambiguous : bool
        Whether the two languages read it differently and ``lang`` decided.
    """

    value: Number
    start: int
    end: int
    int_digits: str
    grouped: bool
    decimals: bool
    ambiguous: bool


def read_digits(text: str, pos: int, lang: str) -> Digits | Refusal:
    """Read the number in digits that starts at ``text[pos]`` (an ASCII digit).

    Parameters
    ----------
    text : str
        The text.
    pos : int
        Index of the first digit.
    lang : {"en", "fr"}
        Decides the reading of "1,498" / "1.498" (see the module rules).

    Returns
    -------
    Digits or Refusal
        The number, or why the digits there are not a number.

    Examples
    --------
    >>> read_digits("1,234,567.5", 0, "en").value
    Decimal('1234567.5')
    >>> read_digits("12/11/2024", 0, "fr")
    Refusal(start=0, end=10, reason='a date or a fraction', benign=True)
    >>> read_digits("01 23 45 67 89", 0, "fr").reason
    'a number with a leading zero (a phone number or a code)'
    """
    n = len(text)
    m = _DIGITS.match(text, pos)
    if m is None:
        raise ParseError(
            _clip(text[pos : pos + 40]),
            f"no digit at position {pos}",
            lang=lang,
            expected="a position where an ASCII digit starts",
        )
    g0 = m.group()
    p = m.end()
    if len(g0) > MAX_DIGITS:
        return Refusal(pos, p, f"a run of more than {MAX_DIGITS} digits (a code)", False)
    groups = [g0]
    seps: list[str] = []
    ends = [p]
    while len(groups) <= _LOOKAHEAD and p + 1 < n:
        c = text[p]
        if c not in _SEPARATORS or not ("0" <= text[p + 1] <= "9"):
            break
        m = _DIGITS.match(text, p + 1)
        g = m.group()  # type: ignore[union-attr]
        if len(g) > _MAX_GROUP:
            break
        groups.append(g)
        seps.append(" " if c in GROUP_SPACES else c)
        p = m.end()  # type: ignore[union-attr]
        ends.append(p)
    k = len(groups)
    s0 = seps[0] if seps else None

    # Shapes that are not numbers.
    if s0 == "/":
        return Refusal(
            pos, _run_end(text, ends[_linked(seps, 0, "/.-")], "/.-"), "a date or a fraction"
        )
    if s0 == ":":
        return Refusal(
            pos, _run_end(text, ends[_linked(seps, 0, ":")], ":"), "a time of day or a ratio"
        )
    if len(g0) > 1 and g0[0] == "0":
        return Refusal(
            pos,
            _run_end(text, ends[_linked(seps, 0, " .")], " ."),
            "a number with a leading zero (a phone number or a code)",
        )
    if s0 == " ":
        j = _linked(seps, 0, " ")
        if j >= 3 and all(len(g) <= 2 for g in groups[1 : j + 1]):
            return Refusal(pos, _run_end(text, ends[j], " "), "a phone number")

    # Thousands grouping.
    j = 0
    gsep: str | None = None
    if len(g0) <= 3 and g0[0] != "0":
        while (
            j + 1 < k
            and len(groups[j + 1]) == 3
            and seps[j] in " .,"
            and (gsep is None or seps[j] == gsep)
        ):
            gsep = seps[j]
            j += 1
    int_digits = "".join(groups[: j + 1])
    frac: str | None = None
    if j + 1 < k and seps[j] in ".," and seps[j] != gsep:
        frac = groups[j + 1]
        j += 1
    ambiguous = False
    if frac is None and j == 1 and gsep in (".", ","):
        # "1,498" / "1.498": one dot or comma then exactly three digits.
        last = groups[1]
        if not last.endswith("0"):
            ambiguous = True
            if gsep == ("." if lang == "en" else ","):
                int_digits, frac, gsep = g0, last, None
    if j + 1 < k and seps[j] != " ":
        # More separators after a complete number: a date, a version, a list.
        jj = _linked(seps, j, ".,/:")
        reason = (
            "a list of numbers or a malformed number"
            if seps[j] == ","
            else ("a date or a version number")
        )
        return Refusal(pos, _run_end(text, ends[jj], ".,/:"), reason, seps[j] == ",")
    value: Number = Decimal(f"{int_digits}.{frac}") if frac is not None else int(int_digits)
    end = ends[j]
    if end < n and text[end] in "eE":
        sci = _SCIENTIFIC.match(text, end)
        if sci is not None:
            exp = int(sci.group(1))
            big = Decimal(value).scaleb(exp)
            if big != 0 and not (MIN_VALUE <= big < MAX_VALUE):
                return Refusal(pos, sci.end(), _out_of_range(text[pos : sci.end()]), False)
            value = int(big) if big == int(big) else big
            return Digits(value, pos, sci.end(), int_digits, gsep is not None, True, ambiguous)
    if value != 0 and not (MIN_VALUE <= value < MAX_VALUE):
        return Refusal(pos, end, _out_of_range(text[pos:end]), False)
    return Digits(value, pos, end, int_digits, gsep is not None, frac is not None, ambiguous)


def _out_of_range(written: str) -> str:
    return (
        f"a number out of the range this library reads ({_clip(written)}; figures are 0, "
        f"or from {MIN_VALUE} to below {MAX_VALUE} in size)"
    )


def _run_end(text: str, end: int, seps: str) -> int:
    """Where a refused run of digits and separators really ends.

    A refusal covers every group linked to it by the same separators ("1 1 1 1 ..."
    is one phone-like run, "1.2.3.4.5.6.7.8.9.10" one version number), however many,
    so no part of it is read again as a figure.
    """
    m = _RUN_TAILS[seps].match(text, end)
    return m.end() if m is not None else end


def _clip(s: str, width: int = 60) -> str:
    """``s`` cut to ``width`` characters for a message (errors stay short)."""
    return s if len(s) <= width else s[: width - 3] + "..."


def _linked(seps: list[str], i: int, chars: str) -> int:
    """Index of the last group linked to group ``i`` by separators in ``chars``."""
    j = i
    while j < len(seps) and seps[j] in chars:
        j += 1
    return j


# ------------------------------------------------------------------ number words
# fmt: off
_ATOMS: dict[str, dict[str, int]] = {
    "en": {
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    },
    "fr": {
        "zéro": 0, "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4,
        "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11,
        "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
        "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
        "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
    },
}
_HUNDREDS: dict[str, frozenset[str]] = {
    "en": frozenset({"hundred"}),
    "fr": frozenset({"cent", "cents"}),
}
_BIG: dict[str, dict[str, int]] = {
    "en": {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12},
    "fr": {
        "mille": 10**3, "million": 10**6, "millions": 10**6, "milliard": 10**9,
        "milliards": 10**9, "billion": 10**12, "billions": 10**12,
    },
}

# Fractions of a scale word: "a quarter of a million", "un demi-million".  Plural
# forms need a count of two or more ("three quarters of a million").
_THIRD = Decimal(1) / Decimal(3)
_FRACTIONS: dict[str, dict[str, Decimal]] = {
    "en": {"half": Decimal("0.5"), "quarter": Decimal("0.25"), "third": _THIRD,
           "quarters": Decimal("0.25"), "thirds": _THIRD},
    "fr": {"demi": Decimal("0.5"), "demie": Decimal("0.5"), "quart": Decimal("0.25"),
           "quarts": Decimal("0.25"), "tiers": _THIRD},
}
_PLURAL_FRACTIONS = frozenset({"quarters", "thirds", "quarts"})
_FRACTION_ARTICLES: dict[str, frozenset[str]] = {
    "en": frozenset({"a", "an", "one", "of"}),
    "fr": frozenset({"de", "d", "du"}),
}

# fmt: on

#: Every number word of each language (for the scanner's triggers).
NUMBER_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(_ATOMS[lang])
    | _HUNDREDS[lang]
    | frozenset(_BIG[lang])
    | (frozenset({"dozen", "half", "quarter", "third"}) if lang == "en" else frozenset())
    for lang in ("en", "fr")
}


def _fraction_of_scale(
    words: Sequence[str], i: int, count: Number, lang: str
) -> tuple[Number, int] | None:
    """Read "<fraction> [of] [a] <scale>" at ``words[i]``: (value, words used up to)."""
    frac = _FRACTIONS[lang].get(words[i])
    if frac is None:
        return None
    if (words[i] in _PLURAL_FRACTIONS) != (count >= 2) or count >= 10:
        return None
    j = i + 1
    links = _FRACTION_ARTICLES[lang]
    while j < len(words) and j <= i + 2 and words[j] in links:
        j += 1
    if j >= len(words):
        return None
    w = words[j]
    scale = _BIG[lang].get(w) or (100 if w in _HUNDREDS[lang] else 0)
    if lang == "en" and w == "dozen":
        scale = 12
    if not scale:
        return None
    product = count * frac * scale
    return (int(product) if product == int(product) else product), j + 1


@dataclass(frozen=True, slots=True)
class Words:
    """A number read from words.

    Attributes
    ----------
    value : int or Decimal
        The number.
    used : int
        How many of the given words it took.
    pre, scale : int or Decimal or None
        For "<numeral> <scale word>" ("three thousand"), the numeral and the scale
        (``value == pre * scale``), so a range can share the scale; else None.
    big : bool
        Whether a scale word of a thousand or more was used.
    """

    value: Number
    used: int
    pre: Number | None
    scale: int | None
    big: bool


def _can_add(cur: Number, x: int, lang: str) -> bool:
    r = cur % 100
    if r == 0:
        return True
    if r % 10 == 0 and r >= 20 and 1 <= x <= 9:
        return True
    if lang == "fr":
        if r in (60, 80) and 10 <= x <= 19:
            return True
        if r == 10 and 7 <= x <= 9:
            return True
        if r == 4 and x == 20:  # quatre-vingt(s)
            return True
    return False


def read_words(words: Sequence[str], lang: str) -> Words | None:
    """Read a number from lower-case words (hyphens already split off).

    Parameters
    ----------
    words : sequence of str
        Lower-case words in order ("quatre-vingt-dix" is ``quatre vingt dix``).
    lang : {"en", "fr"}

    Returns
    -------
    Words or None
        None when the first word does not start a number.

    Examples
    --------
    >>> read_words(["fifteen", "hundred", "troops"], "en")
    Words(value=1500, used=2, pre=None, scale=None, big=False)
    >>> read_words(["three", "thousand"], "en").pre
    3
    >>> read_words(["half", "a", "million"], "en").value
    500000
    >>> read_words(["vingt", "et", "un"], "fr").value
    21
    >>> read_words(["deux", "millions", "et", "demi"], "fr").value
    Decimal('2500000')
    """
    atoms = _ATOMS[lang]
    hundreds = _HUNDREDS[lang]
    big = _BIG[lang]
    nw = len(words)
    if not nw:
        return None
    if words[0] in _FRACTIONS[lang]:
        got = _fraction_of_scale(words, 0, 1, lang)
        if got is None:
            return None
        return Words(got[0], got[1], None, None, got[0] >= 250)
    total: Number = 0
    cur: Number = 0
    last_scale: int | None = None
    pre: Number | None = None
    prev = ""
    i = used = 0
    while i < nw:
        w = words[i]
        if prev == "atom" and total == 0 and w in _FRACTIONS[lang]:
            got = _fraction_of_scale(words, i, cur, lang)
            if got is not None:
                return Words(got[0], got[1], None, None, True)
            break
        x = atoms.get(w)
        if x is not None:
            if x == 0:
                if i == 0:
                    used = 1
                break
            if not _can_add(cur, x, lang):
                break
            if lang == "fr" and x == 20 and cur % 100 == 4:
                cur += 76  # quatre-vingt(s): 4 x 20
            else:
                cur += x
            prev = "atom"
            i += 1
            used = i
            continue
        if w in hundreds:
            if cur >= 100 or prev == "hundred":
                break
            cur = (cur or 1) * 100
            prev = "hundred"
            i += 1
            used = i
            continue
        if lang == "en" and w == "dozen":
            if prev == "dozen":
                break
            cur = (cur or 1) * 12
            prev = "dozen"
            i += 1
            used = i
            continue
        v = big.get(w)
        if v is not None:
            if last_scale is not None and v >= last_scale:
                break
            if cur == 0 and i > 0:
                break
            pre = cur or 1
            total += pre * v
            cur = 0
            last_scale = v
            prev = "scale"
            i += 1
            used = i
            continue
        nxt = words[i + 1] if i + 1 < nw else ""
        if lang == "en" and w == "and":
            if (
                prev == "scale"
                and last_scale is not None
                and nxt == "a"
                and i + 2 < nw
                and words[i + 2] == "half"
                and not (i + 3 < nw and words[i + 3] in big)
            ):
                total += Decimal(last_scale) / 2  # "a million and a half"
                i += 3
                used = i
                break
            if nxt == "a" and i + 3 < nw and words[i + 2] == "half" and words[i + 3] in big:
                if prev == "atom" and total == 0:
                    cur = cur + Decimal("0.5")
                    i += 3
                    continue
                break
            if prev in ("hundred", "scale") and nxt in atoms:
                i += 1
                continue
            break
        if lang == "fr" and w == "et":
            if prev == "scale" and nxt in ("demi", "demie") and last_scale is not None:
                total += Decimal(last_scale) / 2
                i += 2
                used = i
                break
            if (
                prev == "atom"
                and cur % 100 in (20, 30, 40, 50, 60)
                and nxt
                in (
                    "un",
                    "une",
                    "onze",
                )
            ):
                i += 1
                continue
            break
        break
    if used == 0:
        return None
    value = total + cur
    is_product = (
        cur == 0 and last_scale is not None and pre is not None and (total == pre * last_scale)
    )
    return Words(
        value,
        used,
        pre if is_product else None,
        last_scale if is_product else None,
        last_scale is not None,
    )


# ------------------------------------------------------------------ whole strings
_WORD_SPLIT = re.compile(r"[^\W\d_]+", re.UNICODE)


def read_number(text: str, lang: str = "en") -> Number:
    """Read a whole string as one number: digits (with an optional scale) or words.

    Parameters
    ----------
    text : str
        "319,300", "10 000", "1,12 million", "2.8M", "three thousand"...
    lang : str
        ``"en"`` or ``"fr"`` (or a tag such as ``"fr-FR"``).

    Raises
    ------
    ParseError
        If the string is not exactly one number.

    Examples
    --------
    >>> read_number("319,300")
    319300
    >>> read_number("2.8M")
    Decimal('2800000.0')
    >>> read_number("quatre-vingt-dix", "fr")
    90
    >>> read_number("12/11/2024", "fr")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    estimates._model.errors.ParseError: cannot read '12/11/2024' (fr) at character 0: a date ...
    """
    key = normalise_lang(lang, text)
    lex = get_lexicon(key)
    s = text.strip()
    expected = "a number such as '10,000', '10 000', '1.5 million' or 'three thousand'"
    if s and "0" <= s[0] <= "9":
        d = read_digits(s, 0, key)
        if isinstance(d, Refusal):
            raise ParseError(text, d.reason, lang=key, expected=expected, position=d.start)
        rest = s[d.end :]
        value: Number = d.value
        scale = lex.glued_scales.get(rest) if rest else None
        if scale is None and rest:
            scale = (
                lex.spaced_scales.get(" ".join(rest.split()).lower())
                if (rest[0] in GROUP_SPACES or rest[0].isspace())
                else None
            )
            if scale is None:
                raise ParseError(
                    text,
                    f"unexpected {_clip(rest.strip())!r} after the number",
                    lang=key,
                    expected=expected,
                    position=d.end,
                )
        return value * scale if scale else value
    words = [w.lower() for w in _WORD_SPLIT.findall(s)]
    got = read_words(words, key)
    if got is None or got.used != len(words):
        raise ParseError(text, "not a number", lang=key, expected=expected)
    return got.value
