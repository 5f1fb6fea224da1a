"""Bad input returns promptly (in linear time) and never crashes."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from estimates._api.extract import extract
from estimates._extract.claims import number_words
from estimates._extract.sentences import MAX_SENTENCE, split_sentences
from estimates._model.errors import ArgumentTypeError, DataQualityWarning, ParseError
from estimates._parsing.parser import scan

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_9e8ba33e4502eb57.txt"
PUB = "2024-11-12"


def test_empty() -> None:
    for text in ("", " ", "\n\n\n", "."):
        claims = extract(text, "fr", PUB)
        assert len(claims) == 0
        assert "span_start" in claims.frame.columns


def test_binary_junk() -> None:
    rng = random.Random(5)
    junk = bytes(rng.randrange(256) for _ in range(200_000))
    # bytes that are not UTF-8 are refused, naming the first bad byte ...
    with pytest.raises(ParseError) as err:
        extract(junk, "en", PUB)
    bad = junk.decode("utf-8", errors="replace").find("\ufffd")
    assert err.value.position is not None and err.value.position >= bad
    # ... or replaced on request, with a warning that says how many and where
    with pytest.warns(DataQualityWarning, match="not UTF-8 replaced by U\\+FFFD"):
        extract(junk, "en", PUB, invalid_utf8="replace")
    with pytest.raises(ParseError, match="invalid_utf8='raise' or invalid_utf8='replace'"):
        extract("5 000 soldats", "fr", PUB, invalid_utf8="ignore")
    with pytest.raises(ArgumentTypeError, match="a str, or bytes in UTF-8") as wrong:
        extract(5000, "fr", PUB)  # type: ignore[arg-type]
    assert isinstance(wrong.value, TypeError) and wrong.value.argument == "text"
    extract(junk.decode("latin-1"), "fr", PUB)
    extract("\x00" * 10_000 + "5 000 soldats" + "\ufffd" * 1000, "fr", PUB)


def test_lone_surrogates() -> None:
    text = "\ud800 The Pentagon said 5,000 troops \udfff were there."
    f = extract(text, "en", PUB).frame
    assert f["text"].tolist() == ["5,000 troops"]
    assert text[f["span_start"][0] : f["span_end"][0]] == "5,000 troops"


def test_other_language() -> None:
    fr = SEED.read_text(encoding="utf-8")
    en = (
        "The Pentagon said on Monday that 10,000 North Korean troops were in Kursk, "
        "according to officials."
    )
    assert len(extract(fr, "en", PUB)) >= 1  # digits are read whatever the language
    assert len(extract(en, "fr", PUB)) >= 1
    with pytest.raises(Exception, match="unsupported language"):
        extract(en, "de", PUB)


def test_two_megabytes() -> None:
    # Speed is measured in benchmarks/bench_extract.py (no wall clock in tests): here,
    # a long text gives every claim of every copy, no more, no fewer.
    block = SEED.read_text(encoding="utf-8") + "\n"
    text = block * (2_000_000 // len(block) + 1)
    claims = extract(text, "fr", PUB)
    assert len(claims) == 5 * (2_000_000 // len(block) + 1)


@pytest.mark.parametrize(
    "unit",
    [
        "1 ",  # "1 1 1 1 ..."
        "1,000 troops ",  # a figure per word, no sentence end
        "said ",  # reporting verbs only
        "selon ",
        "a déclaré que ",
        ", ",
        "la semaine dernière ",
        "environ ",
        "de ",
        "10 000 soldats, la Corée, ",
    ],
)
def test_repetitions_scale_exactly(unit: str) -> None:
    # Growth in time is measured in benchmarks/bench_extract.py (ratio 4x / 1x text,
    # same run); here, 4x the text must give exactly 4x the claims, each span its text.
    n = 25_000 if len(unit) <= 2 else 1_000
    small = extract(unit * n, "fr", PUB).frame
    large_text = unit * (4 * n)
    large = extract(large_text, "fr", PUB).frame
    assert len(large) == 4 * len(small)
    spans = zip(large["span_start"], large["span_end"], large["text"], strict=True)
    assert all(large_text[a:b] == t for a, b, t in spans)


def test_long_sentences_are_cut() -> None:
    text = "mot " * 5000
    spans = split_sentences(text)
    assert all(b - a <= MAX_SENTENCE for a, b in spans)
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")


def test_sentences_rules() -> None:
    text = (
        "M. Dupont a parlé. Les U.S. ont dit 5 000. Le Dr. Who est là! Il a dit 2.5 millions. Fin"
    )
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "M. Dupont a parlé.",
        "Les U.S. ont dit 5 000.",
        "Le Dr. Who est là!",
        "Il a dit 2.5 millions.",
        "Fin",
    ]
    assert split_sentences("One.\nTwo") == [(0, 4), (5, 8)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Losses will total $US74 billion this year, up from $US72.6 billion, AIR said.", "en"),
        ("Thousands, hundreds, billion, million, dozen, half: and two more.", "en"),
        ("Billion, milliards, mille, cent: et deux autres.", "fr"),
    ],
)
def test_scale_words_alone_are_no_crash(text: str, lang: str) -> None:
    # a scale word the scanner left is no number word of an enumeration (no crash)
    extract(text, lang, PUB)
    found = number_words(text, lang, scan(text, lang), 0, len(text))
    assert {m.text.lower() for m in found} <= {"two", "deux"}
