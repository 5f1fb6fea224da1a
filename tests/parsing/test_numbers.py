"""Reading numbers: digits in local forms, number words, exact values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from estimates import ParseError
from estimates._parsing.lexicon import get_lexicon
from estimates._parsing.numbers import (
    NUMBER_WORDS,
    Digits,
    Refusal,
    read_digits,
    read_number,
    read_words,
)

NBSP, NNBSP = "\u00a0", "\u202f"


# ------------------------------------------------------------------ digits
@pytest.mark.parametrize(
    ("text", "lang", "value", "ambiguous"),
    [
        ("10,000", "en", 10000, False),
        ("10 000", "en", 10000, False),
        (f"10{NBSP}000", "en", 10000, False),
        (f"10{NNBSP}000", "en", 10000, False),
        ("1,234,567", "en", 1234567, False),
        ("1,234,567.25", "en", Decimal("1234567.25"), False),
        ("1.5", "en", Decimal("1.5"), False),
        ("0.5", "en", Decimal("0.5"), False),
        ("10.000", "en", 10000, False),  # a decimal reading "10.000" is implausible
        ("1,498", "en", 1498, True),
        ("1.498", "en", Decimal("1.498"), True),
        ("319,300", "en", 319300, False),
        ("10 000", "fr", 10000, False),
        (f"10{NBSP}000", "fr", 10000, False),
        (f"10{NNBSP}000", "fr", 10000, False),
        ("10.000", "fr", 10000, False),
        ("10,000", "fr", 10000, False),
        ("1.234.567", "fr", 1234567, False),
        ("1 234 567,89", "fr", Decimal("1234567.89"), False),
        ("1.234,5", "fr", Decimal("1234.5"), False),
        ("1.234,5", "en", Decimal("1234.5"), False),
        ("1,12", "fr", Decimal("1.12"), False),
        ("1,12", "en", Decimal("1.12"), False),
        ("1,498", "fr", Decimal("1.498"), True),
        ("1.498", "fr", 1498, True),
        ("12,500", "fr", 12500, False),
        ("0,498", "fr", Decimal("0.498"), False),
        ("1234,567", "en", Decimal("1234.567"), False),
        ("2023", "en", 2023, False),
    ],
)
def test_read_digits(text: str, lang: str, value: object, ambiguous: bool) -> None:
    got = read_digits(text, 0, lang)
    assert isinstance(got, Digits)
    assert got.value == value
    assert type(got.value) is type(value)
    assert got.ambiguous is ambiguous
    assert got.end == len(text)


@pytest.mark.parametrize(
    ("text", "end"),
    [("10 000 20", 6), ("2023 10 000", 4), ("5, 6", 1), ("12.5.", 4), ("7 000 000 soldats", 9)],
)
def test_read_digits_stops(text: str, end: int) -> None:
    got = read_digits(text, 0, "fr")
    assert isinstance(got, Digits)
    assert got.end == end


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("12/11/2024", "date"),
        ("24/7", "fraction"),
        ("10:30", "time"),
        ("01 23 45 67 89", "leading zero"),
        ("007", "leading zero"),
        ("33 1 23 45 67 89", "phone"),
        ("12.11.2024", "date"),
        ("1.2.3", "version"),
        ("1,2,3", "list"),
        ("1" * 31, "digits"),
    ],
)
def test_read_digits_refuses(text: str, reason: str) -> None:
    got = read_digits(text, 0, "fr")
    assert isinstance(got, Refusal)
    assert reason in got.reason
    assert got.start == 0
    assert got.end == len(text)


def test_read_digits_needs_a_digit() -> None:
    with pytest.raises(ValueError, match="no digit"):
        read_digits("abc", 0, "en")


def test_refused_run_covers_every_group() -> None:
    # Issue 13: "1 " * 10 read its last "1" as a figure; a refused run is one span,
    # however long, so nothing in it is read again.
    text = "1 " * 1000
    got = read_digits(text, 0, "en")
    assert isinstance(got, Refusal)
    assert got.end == len(text) - 1
    version = read_digits("1.2.3.4.5.6.7.8.9.10.11", 0, "en")
    assert isinstance(version, Refusal) and version.end == 23


# ------------------------------------------------------------------ words
@pytest.mark.parametrize(
    ("words", "lang", "value", "used"),
    [
        ("three thousand", "en", 3000, 2),
        ("fifteen hundred", "en", 1500, 2),
        ("dozen", "en", 12, 1),
        ("two dozen", "en", 24, 2),
        ("half a million", "en", 500000, 3),
        ("half a dozen", "en", 6, 3),
        ("two million", "en", 2_000_000, 2),
        ("twenty one", "en", 21, 2),
        ("one hundred and five", "en", 105, 4),
        ("nine hundred thousand", "en", 900_000, 3),
        ("one million two hundred thousand", "en", 1_200_000, 5),
        ("two and a half million", "en", Decimal("2500000.0"), 5),
        ("one two", "en", 1, 1),
        ("twenty thirty", "en", 20, 1),
        ("zero", "en", 0, 1),
        ("deux millions", "fr", 2_000_000, 2),
        ("quatre vingt dix", "fr", 90, 3),
        ("quatre vingts", "fr", 80, 2),
        ("quatre vingt dix sept", "fr", 97, 4),
        ("trois cents", "fr", 300, 2),
        ("mille", "fr", 1000, 1),
        ("vingt et un", "fr", 21, 3),
        ("soixante et onze", "fr", 71, 3),
        ("soixante dix sept", "fr", 77, 3),
        ("dix sept", "fr", 17, 2),
        ("deux cent mille", "fr", 200_000, 3),
        ("cent vingt", "fr", 120, 2),
        ("un million et demi", "fr", Decimal("1500000"), 4),
        ("septante", "fr", 70, 1),
        ("trois milliards", "fr", 3_000_000_000, 2),
        ("un pays", "fr", 1, 1),
    ],
)
def test_read_words(words: str, lang: str, value: object, used: int) -> None:
    got = read_words(words.split(), lang)
    assert got is not None
    assert got.value == value
    assert got.used == used


@pytest.mark.parametrize(("words", "lang"), [("soldiers", "en"), ("half", "en"), ("", "fr")])
def test_read_words_none(words: str, lang: str) -> None:
    assert read_words(words.split(), lang) is None


def test_read_words_scale_for_sharing() -> None:
    got = read_words(["three", "million"], "en")
    assert got is not None
    assert (got.pre, got.scale, got.big) == (3, 10**6, True)
    got = read_words(["three", "million", "five"], "en")
    assert got is not None
    assert (got.pre, got.scale) == (None, None)


# ------------------------------------------------------------------ whole strings
@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("319,300", "en", 319300),
        ("1,12 million", "fr", Decimal("1120000")),
        ("2.8M", "en", Decimal("2800000")),
        ("10k", "en", 10000),
        ("3bn", "en", 3_000_000_000),
        ("2,5 milliards", "fr", Decimal("2500000000")),
        ("quatre-vingt-dix", "fr", 90),
        ("three thousand", "en", 3000),
        (" 10 000 ", "fr-FR", 10000),
    ],
)
def test_read_number(text: str, lang: str, value: object) -> None:
    assert read_number(text, lang) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,12 million", 1120000.0),
        ("0,1 million", 100000.0),
        ("2,675 milliards", 2675000000.0),
        ("1,1 million", 1100000.0),
        ("3,3 millions", 3300000.0),
    ],
)
def test_values_are_exact(text: str, value: float) -> None:
    # 1.12 * 1e6 in binary floats is 1120000.0000000002; decimals are read exactly.
    assert float(read_number(text, "fr")) == value
    assert repr(float(read_number(text, "fr"))) == repr(value)


@pytest.mark.parametrize("text", ["12/11/2024", "10 soldiers", "three soldiers", "", "k10"])
def test_read_number_refuses(text: str) -> None:
    with pytest.raises(ParseError) as info:
        read_number(text, "en")
    assert isinstance(info.value, ValueError)
    assert "expected a number" in str(info.value)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_number_word_triggers_the_scanner(lang: str) -> None:
    trigger = get_lexicon(lang).trigger
    for word in NUMBER_WORDS[lang]:
        assert trigger.fullmatch(word), word
        assert trigger.fullmatch(word.capitalize()), word
