"""Languages and words: the one normaliser, the catalogues, the one formatter."""

from __future__ import annotations

import pickle
import warnings
from datetime import date
from pathlib import Path

import pytest

import estimates as est
from estimates._i18n import (
    LanguageError,
    MessageError,
    normalise_lang,
    register_catalogue,
    translator,
    unit_words,
    unregister_catalogue,
)
from estimates._i18n.unit_words import unit_table
from estimates._model.units import unit_label
from estimates._parsing.render import render
from estimates._present.format import (
    format_interval,
    format_number,
    format_period,
    format_periods,
    format_range,
)
from estimates._present.style import get_style

from ..datasets import seed_claims

NNBSP = "\u202f"
DATA = Path(__file__).parent.parent / "data" / "i18n"


@pytest.mark.parametrize("tag", ["fr", "fr-FR", "fr_FR", "FR", " fr-ca "])
def test_one_normaliser(tag: str) -> None:
    assert normalise_lang(tag) == "fr"
    assert translator(tag).lang == "fr"


@pytest.mark.parametrize("tag", ["de", "", None, 3, "klingon"])
def test_unsupported_language_is_a_value_error_listing_the_supported(tag: object) -> None:
    with pytest.raises(LanguageError, match="expected one of 'en', 'fr'") as info:
        normalise_lang(tag)
    assert isinstance(info.value, ValueError) and isinstance(info.value, est.EstimatesError)
    assert info.value.code == "language.unsupported"
    again = pickle.loads(pickle.dumps(info.value))
    assert str(again) == str(info.value)


PAGE_CALLS = {
    "describe": lambda claims, lang: claims.describe(lang),
    "methodology": lambda claims, lang: claims.methodology(lang=lang),
    "parse": lambda claims, lang: est.parse("about 10,000", lang=lang),
    "extract": lambda claims, lang: est.extract("about 10,000 soldiers", lang=lang),
    "translator": lambda claims, lang: translator(lang),
}


@pytest.mark.parametrize("call", sorted(PAGE_CALLS))
def test_every_language_refusal_is_the_public_language_error(call: str) -> None:
    """One class for one rule: catching estimates.LanguageError catches the refusal of
    every entry point (describe once raised a private twin it did not catch)."""
    assert LanguageError is est.LanguageError
    claims = est.read_claims(DATA.parent / "protest_paris.csv")
    with pytest.raises(est.LanguageError, match="unsupported language 'de'") as info:
        PAGE_CALLS[call](claims, "de")
    assert isinstance(info.value, est.ParseError) and info.value.lang == "de"
    assert info.value.supported[:2] == ("en", "fr")


def test_a_table_passed_as_the_language_is_named_by_its_type_not_printed() -> None:
    claims = est.read_claims(DATA.parent / "protest_paris.csv")
    with pytest.raises(est.LanguageError) as info:
        claims.describe(claims.reconcile())  # the result passed where lang goes
    message = str(info.value)
    assert "(a Reconciliation, not a language tag)" in message
    assert "\n" not in message and len(message) < 160
    assert info.value.lang == "(a Reconciliation, not a language tag)"


def test_catalogue_words_and_plurals() -> None:
    fr, en = translator("fr"), translator("en")
    assert fr("conflict", context="verdict") == "conflit"
    assert fr("disputed", context="verdict") == "contesté"
    assert en.plural("claim", 1, context="count", n="1") == "1 claim"
    assert en.plural("claim", 0, context="count", n="0") == "0 claims"
    # French: 0 and 1 are singular; so is 1.5 (CLDR), which English makes plural.
    assert fr.plural("claim", 0, context="count", n="0") == "0 affirmation"
    assert fr.is_singular(1.5) and not en.is_singular(1.5)
    with pytest.raises(MessageError, match="catalogue 'fr' has no message 'nope'"):
        fr("nope", context="verdict")


def test_english_and_french_catalogues_have_the_same_messages() -> None:
    en, fr = translator("en"), translator("fr")
    for context in ("style", "number", "scale", "sentence", "unit", "verdict", "count"):
        assert en.keys(context) == fr.keys(context), context
    # English alone distinguishes "fewer than" (counts) from "less than" (measures).
    assert en.keys("hedge") - fr.keys("hedge") == {"fewer_than"}
    assert fr.keys("hedge") <= en.keys("hedge")


def test_one_unit_word_table() -> None:
    # French "year" and English "meter" read the same in sentences, render and labels.
    assert unit_words("year", "fr").singular == "année"
    assert unit_words("year", "fr").plural == "ans"
    assert get_style("fr-press").amount(1, "year") == "1 année"
    assert get_style("fr-press").amount(3, "year") == "3 ans"
    c = est.get_conventions()
    assert render(c.figure("exact", 3, unit="year"), "fr") == "3 ans"
    assert unit_label("meter") == "metres" and unit_label("meter", plural=False) == "metre"
    assert get_style("ap").amount(3, "meter") == "3 metres"
    assert render(c.figure("exact", 3, unit="meter")) == "3 metres"
    assert set(unit_table("en")) == set(unit_table("fr"))


def test_numbers_are_written_exactly_in_the_locale() -> None:
    assert format_number(12000) == "12,000"
    assert format_number(12000, "fr-FR") == f"12{NNBSP}000"
    assert format_number(1_490_000, scale=True) == "1.49 million"
    assert format_number(1_490_000, "fr", scale=True) == "1,49 million"
    assert format_number(2_000_000, "fr", scale=True) == "2 millions"
    # Never rounded: a figure that needs three decimals of a million is written in full.
    assert format_number(1_225_500, scale=True) == "1,225,500"
    assert format_number(0.1 + 0.2) == "0.30000000000000004"
    # Extreme values (issue 13) do not raise, and are never a row of forty zeros:
    # scientific notation, with exactly their digits.
    assert format_number(1e40, scale=True) == "1E40"
    assert format_number(1e-300) == "1E-300"
    assert format_number(-1.2345678912345e30, "fr") == "-1,2345678912345E30"
    assert format_number(123456789012345678901.0) == "123,456,789,012,345,680,000"
    assert format_number(float("-inf")) == "-∞"


def test_ranges_and_intervals() -> None:
    assert format_range(2000, 10000) == "2,000 to 10,000"
    assert format_range(13000, float("inf"), "fr", low_closed=False) == f"plus de 13{NNBSP}000"
    assert format_range(float("-inf"), 5, "en") == "at most 5"
    assert format_interval(0, 12000, True, False) == "[0, 12,000)"
    assert format_interval(13000, float("inf"), False, False, "fr") == f"(13{NNBSP}000{NNBSP}; ∞)"


def test_one_date_formatter() -> None:
    assert format_period(date(2024, 11, 4), date(2024, 11, 10)) == "week of 4 November 2024"
    assert format_period(date(2024, 11, 4), date(2024, 11, 4), "fr") == "4 novembre 2024"
    assert format_period(date(2024, 11, 1), date(2024, 11, 1), "fr") == "1er novembre 2024"
    out = format_periods(
        ["2024-11-04", None, "2024-10-01"], ["2024-11-10", None, "2024-10-31"], "fr"
    )
    assert list(out) == ["semaine du 4 novembre 2024", "", "octobre 2024"]
    # The house styles use the same formatter.
    assert get_style("ap").date(date(2024, 11, 4), date(2024, 11, 10)) == "week of 4 November 2024"


@pytest.fixture
def german():
    register_catalogue("de", DATA)
    yield
    unregister_catalogue("de")


def test_a_third_language_is_a_catalogue(german) -> None:
    assert normalise_lang("de-AT") == "de"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text = seed_claims().describe("de")
    containers = text.iloc[1]
    assert containers == (
        "Eine einzige Schätzung für North Korean weapons containers sent to Russia: "
        "mehr als 13.000 Container (South Korean intelligence, Oktober 2024)."
    )
    assert text.iloc[0].startswith(
        "Es gibt drei Schätzungen für North Korean troops in Kursk: 10.000 "
        "(United States, Woche vom 4. November 2024), bis zu 12.000"
    )
    assert "(South Korea, United States und Ukraine, undatiert)" in text.iloc[0]
    assert format_number(1_500_000, "de", scale=True) == "1,5 Millionen"
    # Words the catalogue leaves out come from English.
    assert translator("de")("agree", context="verdict") == "agree"


def test_unregistered_language_is_refused_again(german) -> None:
    unregister_catalogue("de")
    with pytest.raises(LanguageError):
        translator("de")


def test_register_catalogue_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no catalogue for 'xx'"):
        register_catalogue("xx", tmp_path)


def test_french_messages_keep_their_spaces_unbreakable() -> None:
    """French press typography: a no-break space before a colon and inside « »; a
    narrow one before ; ? ! -- never a plain space, at which a line could break and leave
    the colon or the guillemet alone at the start of a line."""
    from babel.messages.pofile import read_po

    path = Path(est.__file__).parent / "_i18n" / "locales" / "fr" / "LC_MESSAGES"
    with (path / "estimates.po").open("rb") as f:
        catalog = read_po(f)
    bad = []
    for message in catalog:
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in texts:
            for plain in (" :", " ;", " ?", " !", " »", "« "):
                if text and plain in text:
                    bad.append((message.context, message.id, plain))
    assert bad == []
