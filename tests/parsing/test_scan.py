"""scan(): every figure in running text, with spans; robust and linear-time."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from estimates import Figure, scan
from estimates._parsing.parser import Mention

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_9e8ba33e4502eb57.txt"


def _check_spans(text: str, mentions: list[Mention]) -> None:
    last = 0
    for m in mentions:
        assert 0 <= last <= m.start < m.end <= len(text)
        assert m.text == text[m.start : m.end]
        assert m.figure.text == m.text
        a, b = m.number_span
        assert m.start <= a < b <= m.end
        for span in (m.hedge_span, m.unit_span):
            if span is not None:
                assert m.start <= span[0] < span[1] <= m.end
        last = m.end


# ------------------------------------------------------------------ the seed article
def test_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = scan(text, "fr")
    _check_spans(text, found)
    assert [m.text for m in found] == [
        "des milliers de soldats",
        "10 000 soldats",
        "environ 50 000 soldats",
        "jusqu’à 12 000 soldats",
        "plus de 13 000 conteneurs",
    ]
    assert [m.figure.hedge.value for m in found] == [
        "magnitude",
        "exact",
        "approx",
        "up_to",
        "more_than",
    ]
    assert [m.figure.unit for m in found] == ["soldier"] * 4 + ["container"]
    # "depuis août 2023" and "début août" are dates, "les deux pays" is not a figure.
    assert all("2023" not in m.text and "deux" not in m.text for m in found)


def test_mention_spans() -> None:
    text = "Selon Kyiv, plus de 13 000 conteneurs d’artillerie ont été envoyés."
    (m,) = scan(text, "fr")
    assert text[slice(*m.hedge_span)] == "plus de"  # type: ignore[misc]
    assert text[slice(*m.number_span)] == "13 000"
    assert text[slice(*m.unit_span)] == "conteneurs"  # type: ignore[misc]
    assert m.figure == Figure(
        13000,
        float("inf"),
        False,
        False,
        hedge="more_than",
        unit="container",
        text="plus de 13 000 conteneurs",
    )


def test_spans_of_a_range_and_a_currency() -> None:
    text = "It cost between $2bn and $3bn last year."
    (m,) = scan(text)
    assert m.text == "between $2bn and $3bn"
    assert text[slice(*m.hedge_span)] == "between"  # type: ignore[misc]
    assert text[slice(*m.number_span)] == "2bn and $3bn"
    assert text[slice(*m.unit_span)] == "$"  # type: ignore[misc]
    assert (m.figure.low, m.figure.high, m.figure.unit) == (2e9, 3e9, "dollar")


def test_postfix_hedge_span() -> None:
    text = "We counted 5,000 soldiers or more."
    (m,) = scan(text)
    assert m.text == "5,000 soldiers or more"
    assert text[slice(*m.hedge_span)] == "or more"  # type: ignore[misc]
    assert m.figure.hedge.value == "at_least"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "In 2024, about 5,000 troops and 12 tanks left on 7 November.",
            "en",
            ["about 5,000 troops", "12 tanks"],
        ),
        ("The A380 and the F-16 flew 3 missions at 10:30 on 12/11/2024.", "en", ["3"]),
        ("Russia won 3-1; CAC 40 fell 2%; call +33 1 23 45 67 89.", "fr", ["2%"]),
        ("Three soldiers and one officer: les deux pays.", "en", ["Three soldiers"]),
        ("les deux pays ont signé un accord, une fois.", "fr", []),
        (
            "Des dizaines de milliers de personnes, plusieurs centaines de soldats.",
            "fr",
            ["Des dizaines de milliers de personnes", "plusieurs centaines de soldats"],
        ),
        ("several countries and several soldiers", "en", ["several soldiers"]),
        ("the 23-year-old, aged 40, met 20 people", "en", ["20 people"]),
        ("from 2014 to 2022, between 10 and 20 km", "en", ["between 10 and 20 km"]),
        ("prices rose from 20 to 10 per cent", "en", ["20", "10 per cent"]),
        (
            "une dizaine de blessés et un millier de morts",
            "fr",
            ["une dizaine de blessés", "un millier de morts"],
        ),
        ("the 21st century, the 1990s, COVID-19", "en", []),
        ("see https://x.com/DefenceHQ/status/1876584633103507960/photo/2 or ?id=5", "en", []),
        ("BBC counted 78,329 confirmed deaths; call 555-1234.", "en", ["78,329 confirmed deaths"]),
        (
            "Le 12 novembre 2024, environ 11 000 soldats; en 2023, 1.498 morts.",
            "fr",
            ["environ 11 000 soldats", "1.498 morts"],
        ),
    ],
)
def test_running_text(text: str, lang: str, expected: list[str]) -> None:
    found = scan(text, lang)
    _check_spans(text, found)
    assert [m.text for m in found] == expected


def test_scan_uses_profile() -> None:
    (m,) = scan("There were thousands of protesters.", conventions="ccc")
    assert (m.figure.low, m.figure.high, m.figure.profile) == (2000, 2000, "ccc")


def test_scan_type_and_language_errors() -> None:
    with pytest.raises(TypeError):
        scan(b"10,000")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unsupported language"):
        scan("10,000", "de")


# ------------------------------------------------------------------ robustness and speed
@pytest.mark.parametrize(
    "unit",
    ["1 ", "1,", "1.", "111 ", "1-", "de 1 à ", "a dozen ", "thousands of ", "12/", "x1 ", "€"],
)
def test_scan_of_repetitions_scales_exactly(unit: str) -> None:
    # Growth in time is measured in benchmarks/bench_parse.py (ratio 4x text / 1x text,
    # same run); here, 4x the text must give exactly 4x the mentions, every span valid
    # (nothing dropped, merged or cut at a chunk boundary).
    n = 5_000
    small, big = unit * n, unit * (4 * n)
    found_small, found_big = scan(small, "fr"), scan(big, "fr")
    _check_spans(big, found_big)
    assert len(found_big) == 4 * len(found_small)


@pytest.mark.parametrize("unit", ["1 ", "1,"])
def test_huge_repetitions_return_promptly(unit: str) -> None:
    text = unit * 100_000
    found = scan(text)
    _check_spans(text, found)
    assert found == []  # a run of bare digits and separators is no figure


@pytest.mark.slow
def test_ten_megabytes_of_mixed_text() -> None:
    base = SEED.read_text(encoding="utf-8") + (
        " About 5,000 troops, 12/11/2024, COVID-19, between 2 and 3 million people, "
        "des milliers de soldats, 1 1 1 1, 1,1,1,1, +33 1 23 45 67 89.\n"
    )
    # Speed (and its growth from 1 MB to 10 MB) is measured in benchmarks/bench_parse.py;
    # here, 10 MB must give the mentions of 1 MB ten times over, every span valid.
    copies = 1_000_000 // len(base) + 1
    small = base * copies
    text = base * (10 * copies)
    found_small = scan(small, "fr")
    found = scan(text, "fr")
    _check_spans(text, found)
    assert len(found) == 10 * len(found_small) > 10_000


def test_binary_junk() -> None:
    rng = random.Random(0)
    text = bytes(rng.getrandbits(8) for _ in range(300_000)).decode("utf-8", errors="replace")
    for lang in ("en", "fr"):
        found = scan(text, lang)
        _check_spans(text, found)
        assert all(any(ch.isdigit() for ch in m.text) or m.figure.best for m in found)


@pytest.mark.parametrize("text", ["", " ", "\n\n", "1", "k", "$", "-", "un", "a few"])
def test_tiny_inputs(text: str) -> None:
    _check_spans(text, scan(text))
    _check_spans(text, scan(text, "fr"))


def test_long_digit_run_is_one_refusal() -> None:
    text = "9" * 1_000_000 + " soldiers"
    assert scan(text) == []
    assert scan(text, "fr") == []
