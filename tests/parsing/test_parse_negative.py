"""parse() refuses what is not one figure, saying what it read and what was expected."""

from __future__ import annotations

import pytest

import estimates as est
from estimates import EstimatesError, ParseError, parse
from estimates._model.errors import ArgumentTypeError

# (text, lang, words the reason must contain)
NOT_FIGURES = [
    # years
    ("en 2024", "fr", "a year"),
    ("in 2024", "en", "a year"),
    ("since 2023", "en", "a year"),
    ("depuis 2023", "fr", "a year"),
    ("2024", "en", "a year"),
    ("1999", "fr", "a year"),
    # ranges of years
    ("2023-2024", "en", "a range of years"),
    ("2014–2022", "fr", "a range of years"),
    ("2023-24", "en", "a range of years"),
    ("de 2014 à 2022", "fr", "a range of years"),
    ("between 2014 and 2022", "en", "a range of years"),
    ("from 1939 to 1945", "en", "a range of years"),
    # dates
    ("12 novembre 2024", "fr", "a date"),
    ("le 7 novembre", "fr", "a date"),
    ("November 7", "en", "a date"),
    ("7 November 2024", "en", "a date"),
    ("Nov. 7, 2024", "en", "a date"),
    ("12/11/2024", "fr", "a date"),
    ("2024-11-12", "en", "a date"),
    ("12.11.2024", "fr", "a date"),
    ("août 2023", "fr", "a date"),
    ("depuis août 2023", "fr", "a date"),
    ("début août", "fr", "no number"),
    ("1er mai", "fr", "an ordinal"),
    # names with digits
    ("COVID-19", "en", "a name"),
    ("A380", "en", "a name"),
    ("CAC 40", "fr", "a name"),
    ("G7", "en", "a name"),
    ("F-16", "en", "a name"),
    ("Su-35", "fr", "a name"),
    ("MH17", "en", "a name"),
    ("5G", "en", "a name"),
    ("Article 5", "en", "a label"),
    ("Boeing 737", "en", "a label"),
    ("#1", "en", "a label"),
    # scores
    ("3-1", "en", "a score"),
    ("2–0", "fr", "a score"),
    ("1-1", "en", "a score"),
    # phone numbers
    ("+33 1 23 45 67 89", "fr", "a phone number"),
    ("01 23 45 67 89", "fr", "a phone number"),
    ("(555) 123-4567", "en", "a phone number"),
    ("555-1234", "en", "a phone number"),
    # times
    ("10h30", "fr", "a time"),
    ("21h", "fr", "a time"),
    ("10:30", "en", "a time"),
    ("9 a.m.", "en", "a time"),
    ("9pm", "en", "a time"),
    # ordinals
    ("21st", "en", "an ordinal"),
    ("3rd", "en", "an ordinal"),
    ("3e", "fr", "an ordinal"),
    ("IIe", "fr", "an ordinal"),
    ("XXIe siècle", "fr", "an ordinal"),
    ("premier", "fr", "an ordinal"),
    # ages
    ("23-year-old", "en", "an age"),
    ("23 years old", "en", "an age"),
    ("aged 23", "en", "an age"),
    ("âgé de 23 ans", "fr", "an age"),
    # reversed ranges are never swapped
    ("between 20 and 10", "en", "not below its high end"),
    ("de 20 à 10", "fr", "not below its high end"),
    ("3 to 1", "en", "not below its high end"),
    # other non-figures
    ("-5", "en", "a signed number"),
    ("-5 soldiers", "en", "a signed number"),
    ("−2.5 millions", "fr", "a signed number"),
    ("1" * 40, "en", "digits"),
    ("hello", "en", "no number"),
    ("few soldiers", "en", "no number"),
    ("des", "fr", "no number"),
    ("   ", "en", "empty"),
    ("", "fr", "empty"),
]


@pytest.mark.parametrize(("text", "lang", "reason"), NOT_FIGURES)
def test_not_a_figure(text: str, lang: str, reason: str) -> None:
    with pytest.raises(ParseError) as info:
        parse(text, lang)
    err = info.value
    assert isinstance(err, ValueError)
    assert isinstance(err, EstimatesError)
    assert err.text == text.strip()
    assert err.lang == lang
    assert reason in err.reason
    assert "expected" in str(err)
    assert "a number with an optional hedge and unit" in err.expected


@pytest.mark.parametrize(
    ("text", "lang", "count"),
    [
        ("10 soldiers and 5 tanks", "en", 2),
        ("10 000 soldats, 12 000 blessés et 3 000 morts", "fr", 3),
        ("1, 2, 3, 4, 5, 6, 7", "en", 7),
    ],
)
def test_several_figures(text: str, lang: str, count: int) -> None:
    with pytest.raises(ParseError) as info:
        parse(text, lang)
    assert f"{count} separate figures" in info.value.reason
    assert "one figure per cell" in info.value.expected


def test_several_figures_are_named() -> None:
    with pytest.raises(ParseError, match="'10 soldiers', '5 tanks'"):
        parse("10 soldiers and 5 tanks")


def test_position_points_at_the_refused_text() -> None:
    with pytest.raises(ParseError) as info:
        parse("since 2023")
    assert info.value.position == 6


@pytest.mark.parametrize("lang", ["de", "es-ES", "", "english", None, 3])
def test_unsupported_language(lang: object) -> None:
    with pytest.raises(ParseError, match="unsupported language") as info:
        parse("10,000", lang)  # type: ignore[arg-type]
    assert isinstance(info.value, est.LanguageError)
    assert info.value.expected.startswith("one of 'en', 'fr'")
    assert info.value.text == "10,000"


def test_not_a_string() -> None:
    # Issue 12: a library error that is also a TypeError, naming the argument.
    with pytest.raises(ArgumentTypeError, match="text: expected a str for parse") as info:
        parse(10000)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)


def test_unknown_profile() -> None:
    with pytest.raises(KeyError, match="no conventions profile named 'nope'"):
        parse("thousands", conventions="nope")


def test_dates_around_a_figure_are_skipped() -> None:
    fig = parse("12 novembre 2024 : 10 000 soldats", "fr")
    assert (fig.low, fig.unit) == (10000, "soldier")
    assert fig.text == "12 novembre 2024 : 10 000 soldats"
