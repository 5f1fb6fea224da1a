"""Property tests: render/parse round trips, and scan on arbitrary text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from estimates import Figure, get_conventions, parse, render, scan
from estimates._parsing.numbers import read_number
from estimates._parsing.render import _MAGNITUDES, format_number
from estimates.strategies import stated_figures

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LANGS = st.sampled_from(["en", "fr"])


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
