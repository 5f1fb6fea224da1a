"""Property tests: render/parse round trips, and scan on arbitrary text."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from estimates import Figure, ParseError, get_conventions, parse, render, scan
from estimates._parsing.lexicon import (
    _PLURAL_MAGNITUDES,
    _POSTFIX_HEDGES,
    _PREFIX_HEDGES,
    _VAGUE_QUANTIFIERS,
    OPEN_BETWEEN,
    OPEN_FROM,
    get_lexicon,
)
from estimates._parsing.numbers import read_number
from estimates._parsing.parser import _read_cell, detect_lang
from estimates._parsing.render import _MAGNITUDES, format_number
from estimates.strategies import stated_figures

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LANGS = st.sampled_from(["en", "fr"])
LANGS_AUTO = st.sampled_from(["en", "fr", "auto"])


def _same(a: Figure, b: Figure) -> bool:
    return a.replace(text=None) == b.replace(text=None)


@SETTINGS
@given(stated_figures(), LANGS)
def test_round_trip_default(f: Figure, lang: str) -> None:
    text = render(f, lang)
    assert _same(parse(text, lang, conventions=f.profile), f), text


@SETTINGS
@given(stated_figures(conventions="acled"), LANGS)
def test_round_trip_acled(f: Figure, lang: str) -> None:
    text = render(f, lang)
    assert _same(parse(text, lang, conventions=f.profile), f), text


@SETTINGS
@given(stated_figures(conventions="ccc"), LANGS)
def test_round_trip_ccc(f: Figure, lang: str) -> None:
    text = render(f, lang)
    assert _same(parse(text, lang, conventions=f.profile), f), text


@SETTINGS
@given(
    st.sampled_from(["default", "acled", "ccc"]),
    st.sampled_from(_MAGNITUDES),
    st.sampled_from(["", "soldier", "container", "person", "kilometer", "dollar"]),
    LANGS,
)
def test_round_trip_magnitudes(
    profile: str, row: tuple[str, int, str, str], unit: str, lang: str
) -> None:
    f = get_conventions(profile).magnitude(row[0], row[1], unit=unit)  # type: ignore[arg-type]
    text = render(f, lang)
    assert _same(parse(text, lang, conventions=profile), f), text


@SETTINGS
@given(
    st.one_of(
        st.integers(0, 10**18).map(float),
        st.floats(1e-20, 1e15, allow_nan=False, allow_infinity=False),
        st.just(0.0),
    ),
    LANGS,
)
def test_numbers_round_trip_exactly(x: float, lang: str) -> None:
    written = format_number(x, lang)
    assert float(read_number(written, lang)) == x
    fig = parse(written, lang)
    assert (fig.low, fig.ambiguous) == (x, False)


@settings(max_examples=400, deadline=None)
@given(st.text(), LANGS)
def test_scan_never_raises(text: str, lang: str) -> None:
    last = 0
    for m in scan(text, lang):
        assert last <= m.start < m.end <= len(text)
        assert m.text == text[m.start : m.end] == m.figure.text
        last = m.end


_PIECES = st.sampled_from(
    [
        "1",
        "0",
        "12",
        "2023",
        "10,000",
        "10 000",
        "1.5",
        "1,5",
        ",",
        ".",
        " ",
        "-",
        "–",
        "/",
        ":",
        "+",
        "$",
        "€",
        "%",
        "k",
        "m",
        "bn",
        "million",
        "millions",
        "thousand",
        "about",
        "up to",
        "jusqu’à",
        "plus de",
        "between",
        "and",
        "entre",
        "et",
        "de",
        "à",
        "to",
        "a",
        "few",
        "des",
        "milliers",
        "dizaine",
        "une",
        "un",
        "several",
        "dozen",
        "soldiers",
        "soldats",
        "North",
        "Korean",
        "troops",
        "November",
        "août",
        "COVID",
        "CAC",
        "h",
        "e",
        "st",
        "year",
        "old",
        "aged",
        "or more",
        "environ",
        "\u202f",
        "\u00a0",
        "\n",
        "(",
        ")",
        "#",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), LANGS)
def test_scan_never_raises_on_figure_like_text(text: str, lang: str) -> None:
    last = 0
    for m in scan(text, lang):
        assert last <= m.start < m.end <= len(text)
        assert m.text == text[m.start : m.end] == m.figure.text
        last = m.end


# ------------------------------------------------------------ issue 13: read whole or refuse
# Pieces of figure-like text, in both languages, with the forms issue 13 found dropped.
_CELL_PIECES = st.sampled_from(
    [
        "1",
        "5",
        "12",
        "60",
        "2023",
        "10,000",
        "70,000",
        "10 000",
        "13.000",
        "1.5",
        "1,5",
        "1/2",
        "1e6",
        "1e400",
        " ",
        " ",
        " ",
        "-",
        "−",
        "–",
        ",",
        ".",
        "%",
        "°C",
        "$",
        "€",
        "(",
        "]",
        "+",
        "k",
        "million",
        "millions",
        "thousand",
        "hundred",
        "mille",
        "about",
        "up to",
        "another",
        "not",
        "even",
        "more",
        "or",
        "less",
        "than",
        "at least",
        "between",
        "and",
        "to",
        "a",
        "of",
        "half",
        "quarter",
        "third",
        "few",
        "thousands",
        "several",
        "plus",
        "de",
        "d'",
        "un",
        "demi",
        "quart",
        "environ",
        "jusqu’à",
        "au moins",
        "entre",
        "et",
        "à",
        "ou",
        "des",
        "milliers",
        "dizaine",
        "soldiers",
        "soldats",
        "people",
        "November",
        "v",
        "per",
        "day",
    ]
)
_DIGIT = re.compile(r"[0-9]")
_WORDS = re.compile(r"[^\W\d_]+")
_ALL_FIGURE_WORDS = get_lexicon("en").figure_words | get_lexicon("fr").figure_words


def _check_cell(text: str, lang: str) -> None:
    try:
        f = parse(text, lang)
    except ParseError as exc:
        message = str(exc)
        f = None
    if f is None:
        assert len(message) < 1500
        return
    s = text.strip()
    key = lang if lang != "auto" else detect_lang(s)
    covered: list[tuple[int, int]] = []
    try:
        _read_cell(s, key, get_conventions(), covered)
    except ParseError:  # auto chose the other language: read it there
        covered.clear()
        key = "fr" if key == "en" else "en"
        _read_cell(s, key, get_conventions(), covered)
    # Every digit and every figure word of either language was used.
    for m in (*_DIGIT.finditer(s), *_WORDS.finditer(s)):
        if m.group().isalpha() and m.group().lower() not in _ALL_FIGURE_WORDS:
            continue
        assert any(a <= m.start() < b for a, b in covered), (s, m.group(), covered)
    # And render gives the figure back.
    again = parse(render(f, key), key, conventions=f.profile)
    assert again.replace(text=None, ambiguous=False) == f.replace(text=None, ambiguous=False), (
        s,
        render(f, key),
    )


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_CELL_PIECES, min_size=1, max_size=8).map("".join), LANGS_AUTO)
def test_parse_reads_every_word_or_refuses(text: str, lang: str) -> None:
    _check_cell(text, lang)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40), LANGS_AUTO)
def test_parse_any_text_reads_every_word_or_refuses(text: str, lang: str) -> None:
    _check_cell(text, lang)


# ------------------------------------------------------------ issue 8: the whole hedge lexicon
def _hedge_cases() -> list[tuple[str, str, str]]:
    """(text, language of the hedge, expected hedge code) for every hedge phrase."""
    cases = []
    for lang in ("en", "fr"):
        for phrase, code in _PREFIX_HEDGES[lang].items():
            if code == OPEN_BETWEEN:
                conn = "and" if lang == "en" else "et"
                cases.append((f"{phrase} 10 000 {conn} 20 000", lang, "range"))
            elif code == OPEN_FROM:
                conn = "to" if lang == "en" else "à"
                cases.append((f"{phrase} 10 000 {conn} 20 000", lang, "range"))
            elif phrase.endswith("'"):
                cases.append((f"{phrase}un million", lang, code))
            else:
                cases.append((f"{phrase} 50 000", lang, code))
        for phrase, code in _POSTFIX_HEDGES[lang].items():
            cases.append((f"50 000 {phrase}", lang, code))
        for word in (*_PLURAL_MAGNITUDES[lang], *_VAGUE_QUANTIFIERS[lang]):
            article = {"en": "", "fr": "des "}[lang] if word not in ("quelques",) else ""
            if word in ("few",):
                article = "a "
            if word in _VAGUE_QUANTIFIERS[lang]:
                article = "a " if word == "few" else ""
            cases.append((f"{article}{word}", lang, "magnitude"))
    return cases


@pytest.mark.parametrize(("text", "hedge_lang", "code"), _hedge_cases())
@pytest.mark.parametrize("setting", ["en", "fr", "auto"])
def test_every_hedge_word_is_read_or_refused_with_a_hint(
    text: str, hedge_lang: str, code: str, setting: str
) -> None:
    message = ""
    try:
        f = parse(text, setting)
    except ParseError as exc:
        message = str(exc)
    if message:
        # Refused: only in the other language, and saying which language to use.
        assert setting not in (hedge_lang, "auto"), message
        assert f"pass lang={hedge_lang!r} or lang='auto'" in message, message
        return
    # Read: always with its hedge, never as an exact number.
    assert f.hedge.value == code, (text, setting, f)
