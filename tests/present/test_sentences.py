"""Sentences: word-for-word, in English (AP-like) and French (press), on the seed,
The Economist's real claims and small hand-made tables."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import estimates as est
from estimates._i18n import LanguageError
from estimates._present.sentences import describe, describe_claim, precision_exponents
from estimates._present.style import HouseStyle, get_style, round_to, style_names

from ..datasets import CONTAINERS, HELD, NK, quiet, strict_table, table
from .warned import told_quietly


def sub(claims: est.Claims, mask) -> est.Claims:
    return claims[np.asarray(mask, dtype=bool)]


# ---------------------------------------------------------------- the seed article
SEED_EN = {
    NK: (
        "There are three estimates of North Korean troops in Kursk: 10,000 (United States, "
        "week of 4 November 2024), up to 12,000 (US, South Korean and Ukrainian intelligence, "
        "12 November 2024) and “des milliers de soldats nord-coréens” (South Korea, United "
        "States and Ukraine, undated). All three estimates are consistent with a figure of "
        "10,000."
    ),
    CONTAINERS: (
        "A single estimate of North Korean weapons containers sent to Russia: more than "
        "13,000 containers (South Korean intelligence, October 2024)."
    ),
    HELD: (
        "A single estimate of Russian troops held in Kursk by Ukraine: about 50,000 "
        "soldiers (Volodymyr Zelensky, 11 November 2024)."
    ),
}

SEED_FR = {
    NK: (
        "On compte trois estimations pour «\xa0North Korean troops in Kursk\xa0»\xa0: "
        "10\u202f000 (United States, semaine du 4 novembre 2024), jusqu’à 12\u202f000 (US "
        "intelligence, South Korean intelligence et Ukrainian intelligence, 12 novembre 2024) "
        "et «\xa0des milliers de soldats nord-coréens\xa0» (South Korea, United States et "
        "Ukraine, sans date). Les trois estimations sont toutes compatibles avec un chiffre de "
        "10\u202f000."
    ),
    CONTAINERS: (
        "Une seule estimation pour «\xa0North Korean weapons containers sent to "
        "Russia\xa0»\xa0: plus de 13\u202f000 conteneurs (South Korean intelligence, "
        "octobre 2024)."
    ),
    HELD: (
        "Une seule estimation pour «\xa0Russian troops held in Kursk by Ukraine\xa0»\xa0: "
        "environ 50\u202f000 soldats (Volodymyr Zelensky, 11 novembre 2024)."
    ),
}


def test_seed_sentences_english(seed):
    s = quiet(seed.describe)
    assert s.name == "description"
    assert s.to_dict() == SEED_EN


def test_seed_sentences_french(seed):
    assert quiet(seed.describe, lang="fr").to_dict() == SEED_FR


def test_seed_index_is_reconciles(seed):
    s = quiet(seed.describe)
    r = quiet(seed.reconcile)
    assert s.index.equals(r.index)


def test_seed_as_of_is_passed_through(seed):
    with pytest.warns(est.MissingDateWarning, match="1 claims have no statement date"):
        s = seed.describe(as_of="2024-11-11")
    assert s[NK] == (
        "A single estimate of North Korean troops in Kursk: 10,000 soldiers (United States, "
        "week of 4 November 2024)."
    )


def test_claim_describes_itself(seed):
    containers = seed[4]
    assert containers.describe() == SEED_EN[CONTAINERS]
    assert containers.describe("fr") == SEED_FR[CONTAINERS]
    assert describe_claim(containers, "fr-FR", style="fr-press") == SEED_FR[CONTAINERS]


# ---------------------------------------------------------------- The Economist
def test_economist_june_2026_russia(economist):
    f = economist.frame
    june = sub(
        economist,
        (f["stated_end"] >= "2026-06-01")
        & (f["stated_end"] <= "2026-06-30")
        & (f["country"] == "russia"),
    )
    en = quiet(june.describe, by=["country", "type"])
    # 500,000 against 400,000 to 450,000 is within the rounding of 500,000: a tension.
    # Each of the three estimates is named, and so is the pair in tension.
    assert en[("russia", "deaths")] == (
        "There are three estimates of “Russia, deaths”: 369,000 to 523,000 (BBC Russia, "
        "12 June 2026), 500,000 (NATO officials [via media24], 17 June 2026) and 400,000 to "
        "450,000 (CSIS, 30 June 2026). Only the rounding of a round figure separates 400,000 "
        "to 450,000 (CSIS) from 500,000 (NATO officials [via media24]), so they do not "
        "conflict."
    )
    # The facing 1.4 million is a range's closed end: the gap is at least 90,000; no
    # median is printed between conflicting figures.  NATO's range is never cut to 1.3m.
    assert en[("russia", "casualties")] == (
        "There are two estimates of “Russia, casualties”: 1.3 million to 1.4 million (NATO "
        "officials [via media24], 17 June 2026) and 1.49 million (CSIS, 30 June 2026). The "
        "two estimates conflict: 1.49 million (CSIS) exceeds 1.3 million to 1.4 million "
        "(NATO officials [via media24]) by at least 90,000."
    )
    fr = quiet(june.describe, "fr", by=["country", "type"])
    assert fr[("russia", "deaths")] == (
        "On compte trois estimations pour «\xa0Russia, deaths\xa0»\xa0: de 369\u202f000 à "
        "523\u202f000 (BBC Russia, 12 juin 2026), 500\u202f000 (NATO officials [via media24], "
        "17 juin 2026) et de 400\u202f000 à 450\u202f000 (CSIS, 30 juin 2026). Seul l’arrondi "
        "d’un chiffre rond sépare l’estimation de 400\u202f000 à 450\u202f000 (CSIS) de celle "
        "de 500\u202f000 (NATO officials [via media24])\xa0: elles ne se contredisent pas."
    )
    assert fr[("russia", "casualties")] == (
        "On compte deux estimations pour «\xa0Russia, casualties\xa0»\xa0: de 1,3 million à "
        "1,4 million (NATO officials [via media24], 17 juin 2026) et 1,49 million (CSIS, "
        "30 juin 2026). Les deux estimations se contredisent\xa0: l’estimation de 1,49 million "
        "(CSIS) dépasse d’au moins 90\u202f000 celle de 1,3 million à 1,4 million (NATO "
        "officials [via media24])."
    )


def test_economist_same_day_clash(economist):
    f = economist.frame
    day = sub(economist, (f["stated_end"] == "2024-11-19") & (f["type"] == "casualties"))
    en = quiet(day.describe, by=["country", "type"])
    assert en[("russia", "casualties")] == (
        "Estimates of “Russia, casualties” range from 600,000 (Western intelligence agencies "
        "[via WSJ], 19 November 2024) to at least 700,000 (UK Ministry of Defence, "
        "19 November 2024). The two estimates conflict: at least 700,000 (UK Ministry of "
        "Defence) exceeds 600,000 (Western intelligence agencies [via WSJ]) by at least "
        "100,000."
    )
    fr = quiet(day.describe, "fr", by=["country", "type"])
    assert fr[("russia", "casualties")] == (
        "Les estimations pour «\xa0Russia, casualties\xa0» vont de 600\u202f000 (Western "
        "intelligence agencies [via WSJ], 19 novembre 2024) à 700\u202f000 au moins (UK "
        "Ministry of Defence, 19 novembre 2024). Les deux estimations se contredisent\xa0: "
        "l’estimation de 700\u202f000 au moins (UK Ministry of Defence) dépasse d’au moins "
        "100\u202f000 celle de 600\u202f000 (Western intelligence agencies [via WSJ])."
    )


def test_economist_options_and_aliases(economist):
    book = est.SourceBook(aliases={"UK Ministry of Defence": "UK MoD"})
    f = economist.frame
    day = sub(economist, (f["stated_end"] == "2024-11-19") & (f["type"] == "casualties"))
    s = quiet(day.describe, by=["country", "type"], sources=book)
    assert "at least 700,000 (UK MoD, 19 November 2024)" in s.iloc[0]
    # Every group of the whole table gets a paragraph, warring parties left out.
    full = told_quietly(economist.describe, by=["country", "type"], exclude_kinds="warring party")
    r = told_quietly(economist.reconcile, by=["country", "type"], exclude_kinds="warring party")
    assert full.index.equals(r.index)
    assert "Armed Forces of Ukraine" not in " ".join(full)
    assert full[("ukraine", "deaths")].startswith("The latest estimate of “Ukraine, deaths”: ")


# ---------------------------------------------------------------- hand-made cases
def test_one_claim():
    claims = table(
        quantity=["containers"],
        figure=["more than 13,000 containers"],
        source=["South Korean intelligence agency"],
        stated=["2024-10"],
    )
    assert quiet(claims.describe).iloc[0] == (
        "A single estimate of containers: more than 13,000 containers (South Korean "
        "intelligence agency, October 2024)."
    )
    assert quiet(claims.describe, "fr").iloc[0] == (
        "Une seule estimation pour «\xa0containers\xa0»\xa0: plus de 13\u202f000 conteneurs "
        "(South Korean intelligence agency, octobre 2024)."
    )


def test_two_agreeing():
    claims = table(
        quantity=["troops"] * 2,
        figure=["10,000 soldiers", "up to 12,000 soldiers"],
        source=["United States", "US intelligence; Ukrainian intelligence"],
        stated=["2024-W45", "2024-11-12"],
    )
    assert quiet(claims.describe).iloc[0] == (
        "Estimates of troops range from 10,000 (United States, week of 4 November 2024) to "
        "as many as 12,000 (US and Ukrainian intelligence, 12 November 2024). Both estimates are "
        "consistent with a figure of 10,000."
    )
    assert quiet(claims.describe, "fr").iloc[0] == (
        "Les estimations pour «\xa0troops\xa0» vont de 10\u202f000 (United States, semaine du "
        "4 novembre 2024) à 12\u202f000 au maximum (US intelligence et Ukrainian "
        "intelligence, 12 novembre 2024). Les deux estimations sont compatibles avec un "
        "chiffre de 10\u202f000."
    )


def test_two_conflicting_ratio():
    claims = table(
        quantity=["q"] * 2,
        figure=["10,000", "50,000"],
        source=["A", "B"],
        stated=["2024-01-01", "2024-01-08"],
    )
    # No median between two conflicting figures: 30,000 is a number nobody stated.
    assert quiet(claims.describe).iloc[0] == (
        "Estimates of q range from 10,000 (A, 1 January 2024) to 50,000 (B, 8 January "
        "2024). The two estimates conflict: 50,000 (B) is five times 10,000 (A)."
    )
    assert quiet(claims.describe, "fr").iloc[0] == (
        "Les estimations pour «\xa0q\xa0» vont de 10\u202f000 (A, 1er janvier 2024) à "
        "50\u202f000 (B, 8 janvier 2024). Les deux estimations se contredisent\xa0: "
        "l’estimation de 50\u202f000 (B) représente cinq fois celle de 10\u202f000 (A)."
    )


def test_open_ended_only():
    claims = table(
        quantity=["containers"] * 2,
        figure=["more than 13,000 containers", "at least 15,000 containers"],
        source=["South Korean intelligence agency", "Ukrainian intelligence"],
        stated=["2024-10", "2024-11-04/2024-11-20"],
    )
    assert quiet(claims.describe).iloc[0] == (
        "Estimates of containers range from more than 13,000 (South Korean intelligence "
        "agency, October 2024) to at least 15,000 (Ukrainian intelligence, between 4 and 20 "
        "November 2024). Both estimates are consistent with a figure of at least 15,000."
    )
    assert quiet(claims.describe, "fr").iloc[0] == (
        "Les estimations pour «\xa0containers\xa0» vont de plus de 13\u202f000 (South Korean "
        "intelligence agency, octobre 2024) à 15\u202f000 au moins (Ukrainian intelligence, "
        "entre le 4 et le 20 novembre 2024). Les deux estimations sont compatibles avec un "
        "chiffre de 15\u202f000 au moins."
    )


def test_one_source_stands_apart():
    claims = table(
        quantity=["q"] * 4,
        figure=["10,000 to 12,000", "11,000 to 13,000", "12,000", "50,000"],
        source=["A", "B", "C", "D"],
        stated=["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"],
    )
    # Four estimates: each is named (B and C state neither end of the range).
    assert quiet(claims.describe).iloc[0] == (
        "There are four estimates of q: 10,000 to 12,000 (A, 1 January 2024), 11,000 to "
        "13,000 (B, 2 January 2024), 12,000 (C, 3 January 2024) and 50,000 (D, 4 January "
        "2024). The estimates conflict, and one source stands apart, D: 50,000 is more than "
        "four times 10,000 to 12,000 (A)."
    )
    assert quiet(claims.describe, "fr").iloc[0] == (
        "On compte quatre estimations pour «\xa0q\xa0»\xa0: de 10\u202f000 à 12\u202f000 (A, "
        "1er janvier 2024), de 11\u202f000 à 13\u202f000 (B, 2 janvier 2024), 12\u202f000 (C, "
        "3 janvier 2024) et 50\u202f000 (D, 4 janvier 2024). Les estimations se contredisent, "
        "et une source fait exception, D\xa0: l’estimation de 50\u202f000 représente plus de "
        "quatre fois celle de 10\u202f000 à 12\u202f000 (A)."
    )


def test_many_conflicting_pairs_and_one_source():
    claims = table(
        quantity=["q"] * 3,
        best=[11966, 17756, 24917],
        source=["UK MoD"] * 3,
        stated=["2022-04-01", "2022-05-01", "2022-06-01"],
    )
    # A source's successive figures are revisions, never conflicts (issue 8).
    assert quiet(claims.describe).iloc[0] == (
        "The latest estimate of q: 24,917 (UK MoD, 1 June 2022). Estimates have risen since "
        "the first, 11,966 (UK MoD, 1 April 2022)."
    )
    assert quiet(claims.describe, "fr").iloc[0] == (
        "La dernière estimation pour «\xa0q\xa0»\xa0: 24\u202f917 (UK MoD, 1er juin 2022). "
        "Les estimations ont augmenté depuis la première, 11\u202f966 (UK MoD, 1er avril "
        "2022)."
    )


def test_vague_magnitudes_only():
    claims = table(
        quantity=["q"] * 2,
        figure=["thousands", "des dizaines"],
        lang=["en", "fr"],
        source=["A", "B"],
        stated=["2024-Q3", "2024-Q3"],
    )
    # Quoted in their own words, with their readings; no number is given for a gap
    # that only conventions make.
    assert quiet(claims.describe).iloc[0] == (
        "Estimates of q state no figure: “thousands” (A, 3rd quarter of 2024) and “des "
        "dizaines” (B, 3rd quarter of 2024). The two estimates conflict: “thousands” (A), "
        "read as 2,000 to fewer than 20,000, lies above “des dizaines” (B), read as 20 to "
        "fewer than 200."
    )
    assert quiet(claims.describe, "fr").iloc[0] == (
        "Les estimations pour «\xa0q\xa0» n’avancent aucun chiffre\xa0: «\xa0thousands\xa0» "
        "(A, 3e trimestre 2024) et «\xa0des dizaines\xa0» (B, 3e trimestre 2024). Les deux "
        "estimations se contredisent\xa0: l’estimation «\xa0thousands\xa0» (A), soit de "
        "2\u202f000 à moins de 20\u202f000, se situe au-dessus de celle «\xa0des "
        "dizaines\xa0» (B), soit de 20 à moins de 200."
    )


def test_percentages_differ_by_points():
    claims = table(
        quantity=["share"] * 2,
        figure=["5%", "7%"],
        source=["A", "B"],
        stated=["2024-01", "2024-02"],
    )
    assert quiet(claims.describe).iloc[0] == (
        "Estimates of share range from 5% (A, January 2024) to 7% (B, February 2024). The "
        "two estimates conflict: 7% (B) exceeds 5% (A) by two percentage points."
    )


def test_converted_figures_are_cited_as_stated():
    claims = table(
        quantity=["distance"] * 2,
        figure=["12 km", "about 20 miles"],
        source=["A", "B"],
        stated=["2024-01", "2024-02"],
    )
    assert quiet(claims.describe).iloc[0] == (
        "Estimates of distance range from 12 km (A, January 2024) to about 20 miles (B, "
        "February 2024). The two estimates conflict: about 20 miles (B) is about two and a "
        "half times 12 km (A)."
    )


def test_same_figure_and_only_figure():
    both = table(
        quantity=["q"] * 2,
        figure=["10,000", "10,000"],
        source=["A", "B"],
        stated=["2024-01-01", "2024-01-02"],
    )
    assert quiet(both.describe).iloc[0] == (
        "Both estimates of q give 10,000 (A, 1 January 2024; B, 2 January 2024). Both "
        "estimates are consistent with a figure of 10,000."
    )
    assert quiet(both.describe, "fr").iloc[0] == (
        "Les deux estimations pour «\xa0q\xa0» donnent 10\u202f000 (A, 1er janvier 2024\u202f; "
        "B, 2 janvier 2024). Les deux estimations sont compatibles avec un chiffre de "
        "10\u202f000."
    )
    # Two estimates, one vague: each is named, so "both" is explained.
    two = table(
        quantity=["q"] * 2,
        figure=["about 5,000", "thousands"],
        source=["A", "B"],
        stated=["2024-01-01", "2024-01-02"],
    )
    assert quiet(two.describe).iloc[0] == (
        "There are two estimates of q: about 5,000 (A, 1 January 2024) and “thousands” (B, "
        "2 January 2024). Both estimates are consistent with a figure of about 5,000."
    )
    assert quiet(two.describe, "fr").iloc[0] == (
        "On compte deux estimations pour «\xa0q\xa0»\xa0: environ 5\u202f000 (A, 1er janvier "
        "2024) et «\xa0thousands\xa0» (B, 2 janvier 2024). Les deux estimations sont "
        "compatibles avec un chiffre d’environ 5\u202f000."
    )
    # Past four estimates, the one figure stated is named as such.
    only = table(
        quantity=["q"] * 5,
        figure=["about 5,000", "thousands", "thousands", "thousands", "thousands"],
        source=["A", "B", "C", "D", "E"],
        stated=["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"],
    )
    assert (
        quiet(only.describe)
        .iloc[0]
        .startswith(
            "The only figure stated for q is about 5,000 (A, 1 January 2024). All five estimates "
            "are consistent with a figure of about 5,000."
        )
    )
    assert (
        quiet(only.describe, "fr")
        .iloc[0]
        .startswith(
            "Le seul chiffre avancé pour «\xa0q\xa0» est d’environ 5\u202f000 (A, 1er janvier "
            "2024). Les cinq estimations sont toutes compatibles avec un chiffre d’environ "
            "5\u202f000."
        )
    )


def test_no_central_value_is_printed_that_no_source_stated():
    # The weighted mean of 24,000, 24,000 and 25,000 is 24,333.33...: nobody said it.
    claims = table(
        quantity=["q"] * 3,
        best=[24000, 24000, 25000],
        source=["A", "B", "C"],
        stated=["2024-01-01", "2024-01-02", "2024-01-03"],
    )
    r = quiet(claims.reconcile, strategy="weighted")
    assert r["best"].iloc[0] == pytest.approx(24333.333, abs=0.01)  # the table keeps it
    for lang in ("en", "fr"):
        text = quiet(claims.describe, lang, strategy="weighted").iloc[0]
        assert "24,3" not in text and "24\u202f3" not in text
        assert "weighted mean" not in text and "moyenne pondérée" not in text
    # The median of midpoints 446,000, 425,000 and 500,000 is BBC's midpoint: BBC said
    # "369,000 to 523,000", not 446,000 (the Economist's June 2026 Russian deaths).
    june = table(
        quantity=["q"] * 3,
        low=[369000, 400000, 500000],
        high=[523000, 450000, 500000],
        source=["BBC Russia", "CSIS", "NATO"],
        stated=["2026-06-12", "2026-06-30", "2026-06-17"],
    )
    assert "446" not in quiet(june.describe).iloc[0]
    # The median of about 12,000 and about 13,000 is 12,500, which nobody said.
    two = table(quantity=["q"] * 2, figure=["about 12,000", "about 13,000"], source=["A", "B"])
    assert "median" not in quiet(two.describe).iloc[0]
    # A median that a source stated is said, with every digit and the hedge it was stated with.
    three = table(
        quantity=["q"] * 3,
        figure=["about 11,966", "about 12,361", "about 12,756"],
        source=["A", "B", "C"],
    )
    assert quiet(three.describe).iloc[0].endswith("The median estimate is about 12,361.")


def test_never_plural_sources_for_one_source(economist, seed):
    one = table(
        quantity=["q"] * 2,
        best=[100, 200],
        source=["UK MoD", "UK MoD"],
        stated=["2024-01-01", "2024-02-01"],
    )
    texts = [quiet(one.describe, lang).iloc[0] for lang in ("en", "fr")]
    assert texts[0].startswith("The latest estimate of q: 200 (UK MoD, 1 February 2024).")
    assert texts[1].startswith("La dernière estimation pour «\xa0q\xa0»\xa0: 200 (UK MoD")
    for text in texts:
        assert not re.search(r"\bsources\b", text)
    # Across real data: a group with one source never says "sources".
    for claims, by, call in (
        (economist, ["country", "type"], told_quietly),
        (seed, "quantity", quiet),
    ):
        r = call(claims.reconcile, by=by)
        for lang in ("en", "fr"):
            s = call(claims.describe, lang, by=by)
            for key in r.index[r["sources"].to_numpy() == 1]:
                assert not re.search(r"\bsources\b", s[key]), s[key]


def test_hedges_are_kept(seed):
    s = quiet(seed.describe)
    assert "up to 12,000" in s[NK]
    assert "more than 13,000" in s[CONTAINERS]
    assert "about 50,000" in s[HELD]
    fr = quiet(seed.describe, "fr")
    assert "plus de 13\u202f000" in fr[CONTAINERS]
    assert "jusqu’à 12\u202f000" in fr[NK]


def test_flagged_rows_are_left_out():
    claims = strict_table(
        errors="flag",
        quantity=["q", "q"],
        low=[1000, 5000],
        high=[3000, 2000],
        source=["A", "B"],
        stated=["2024", "2024"],
    )
    with pytest.warns(est.DataQualityWarning, match="1 claims flagged invalid"):
        s = claims.describe()
    assert s.iloc[0] == "A single estimate of q: 1,000 to 3,000 (A, 2024)."


def test_empty_table():
    claims = est.read_claims(pd.DataFrame({"quantity": [], "low": []}))
    s = describe(claims)
    assert len(s) == 0 and s.name == "description"


def test_by_several_columns_joins_keys():
    claims = table(
        country=["russia"],
        type=["deaths"],
        best=[500000],
        source=["NATO"],
        stated=["2026-06-17"],
        quantity=["x"],
    )
    s = quiet(claims.describe, by=["country", "type"])
    assert s[("russia", "deaths")] == (
        "A single estimate of “Russia, deaths”: 500,000 (NATO, 17 June 2026)."
    )


# ---------------------------------------------------------------- errors
def test_unknown_language_style_and_option(seed):
    with pytest.raises(
        LanguageError, match="unsupported language 'de': expected one of 'en', 'fr'"
    ):
        quiet(seed.describe, "de")
    with pytest.raises(
        est.OptionError, match="style='chicago': expected one of 'ap', 'fr-press'"
    ) as info:
        quiet(seed.describe, style="chicago")
    assert (info.value.option, info.value.value) == ("style", "chicago")
    with pytest.raises(
        est.OptionError, match=r"style='fr-press': .* \('fr-press' writes 'fr'\): use style='ap'"
    ):
        quiet(seed.describe, style="fr-press")
    with pytest.raises(TypeError, match=r"unexpected keyword argument 'colour'"):
        quiet(seed.describe, colour="red")


# ---------------------------------------------------------------- the house styles
def test_style_numbers():
    ap, fr = get_style("ap"), get_style("fr-press")
    assert [ap.number(x) for x in (7, 10, 12000, 1_490_000, 1_225_000, 2e9, 1.5)] == [
        "seven",
        "10",
        "12,000",
        "1.49 million",
        "1,225,000",
        "2 billion",
        "1.5",
    ]
    assert [fr.number(x) for x in (7, 12000, 1_490_000, 2e6, 1.5)] == [
        "7",
        "12\u202f000",
        "1,49 million",
        "2 millions",
        "1,5",
    ]
    assert ap.amount(3e6, "dollar") == "$3 million"
    assert ap.amount(5, "percent") == "5%"
    assert ap.amount(5, "kilometer") == "5 km"
    assert ap.amount(1, "soldier") == "one soldier"
    assert fr.amount(2e6, "euro") == "2 millions d’euros"
    assert fr.amount(5, "percent") == "5\u202f%"
    assert fr.prep("de", "environ 50") == "d’environ 50"


def test_style_dates():
    ap, fr = get_style("ap"), get_style("fr-press")
    cases = [
        ((date(2024, 11, 12), date(2024, 11, 12)), "12 November 2024", "12 novembre 2024"),
        ((date(2024, 11, 1), date(2024, 11, 1)), "1 November 2024", "1er novembre 2024"),
        (
            (date(2024, 11, 4), date(2024, 11, 10)),
            "week of 4 November 2024",
            "semaine du 4 novembre 2024",
        ),
        ((date(2024, 10, 1), date(2024, 10, 31)), "October 2024", "octobre 2024"),
        ((date(2024, 10, 1), date(2024, 12, 31)), "4th quarter of 2024", "4e trimestre 2024"),
        ((date(2024, 1, 1), date(2024, 12, 31)), "2024", "2024"),
        (
            (date(2024, 11, 4), date(2024, 11, 20)),
            "between 4 and 20 November 2024",
            "entre le 4 et le 20 novembre 2024",
        ),
        (
            (date(2024, 10, 4), date(2024, 11, 20)),
            "between 4 October and 20 November 2024",
            "entre le 4 octobre et le 20 novembre 2024",
        ),
        (
            (date(2023, 12, 30), date(2024, 1, 2)),
            "between 30 December 2023 and 2 January 2024",
            "entre le 30 décembre 2023 et le 2 janvier 2024",
        ),
        (
            (date(2023, 8, 1), date(2024, 10, 31)),
            "between August 2023 and October 2024",
            "entre août 2023 et octobre 2024",
        ),
        (
            (date(2024, 8, 1), date(2024, 10, 31)),
            "between August and October 2024",
            "entre août et octobre 2024",
        ),
    ]
    for span, en, french in cases:
        assert ap.date(*span) == en
        assert fr.date(*span) == french


def test_style_lists_ratios_and_registry():
    ap, fr = get_style("ap"), get_style("fr-press")
    assert ap.list(["a", "b", "c"]) == "a, b and c"  # no serial comma
    assert fr.list(["a", "b", "c"]) == "a, b et c"
    assert [ap.times(x) for x in (2.0, 2.5, 3.3, 4.96, 12.4, 120.5)] == [
        "twice",
        "two and a half times",
        "about three and a half times",
        "five times",
        "12 times",
        "120 times",
    ]
    assert fr.times(2.5) == "deux fois et demie"
    assert set(style_names()) >= {"ap", "fr-press"}
    assert get_style(lang="fr").name == "fr-press" and get_style().name == "ap"
    assert isinstance(get_style(get_style("ap")), HouseStyle)
    with pytest.raises(ValueError, match="style='x'"):
        get_style("x")


def test_rounding_helpers():
    assert round_to(24333.33, 1000) == 24000
    assert round_to(125000, 10000) == 130000
    h = np.array([0, 7, 8, 9])  # exact, up_to, range, magnitude
    e = precision_exponents(
        np.array([0, 0, 369000, 2000.0]),
        np.array([10000, np.nan, np.nan, np.nan]),
        np.array([0, 12000, 523000, 10000.0]),
        h,
    )
    assert e[:3].tolist() == [4, 3, 3] and np.isnan(e[3])


# ---------------------------------------------------------------- issue 8: camps, growth
PROTEST = Path(__file__).parent.parent / "data" / "protest_paris.csv"


def test_protest_table_describes_two_camps_never_one_source_apart():
    claims = est.read_claims(PROTEST)
    en = quiet(claims.describe).iloc[0]
    assert en == (
        "The six estimates of protesters in Paris range from 12,000 (Préfecture de police, "
        "8 March 2025) to more than 50,000 (CGT, 8 March 2025). The estimates split into two "
        "camps: 12,000 to 16,200 (Préfecture de police, AFP and Occurrence) against 20,000 or "
        "more (BFMTV, Reuters and CGT). The furthest apart: more than 50,000 (CGT) is more than "
        "four times 12,000 (Préfecture de police)."
    )
    fr = quiet(claims.describe, "fr").iloc[0]
    assert fr == (
        "Les six estimations pour «\xa0protesters in Paris\xa0» vont de 12\u202f000 (Préfecture "
        "de police, 8 mars 2025) à plus de 50\u202f000 (CGT, 8 mars 2025). Les estimations "
        "se partagent en deux camps\xa0: de 12\u202f000 à 16\u202f200 (Préfecture de police, "
        "AFP et Occurrence) contre 20\u202f000 ou plus (BFMTV, Reuters et CGT). Les plus "
        "éloignées\xa0: l’estimation de plus de 50\u202f000 (CGT) représente plus de quatre "
        "fois celle de 12\u202f000 (Préfecture de police)."
    )
    assert quiet(claims.describe, "fr-FR").iloc[0] == fr
    assert quiet(claims.describe, "fr_FR").iloc[0] == fr
    for text in (en, fr):
        assert "stands apart" not in text and "fait exception" not in text
        assert "15,600" not in text and "15\u202f600" not in text  # no median across camps


def test_gap_from_an_open_bound_says_more_than():
    # Without the sentence's ratio: CGT against an exact 45,000 is not twice as large.
    claims = table(
        quantity=["q"] * 2,
        figure=["plus de 50 000 manifestants", "12 000 manifestants"],
        lang=["fr", "fr"],
        source=["CGT", "Préfecture de police"],
        stated=["2025-03-08", "2025-03-08"],
    )
    en = quiet(claims.describe).iloc[0]
    assert "more than 50,000 (CGT) is more than four times 12,000 (Préfecture de police)" in en
    near = table(
        quantity=["q"] * 2,
        figure=["more than 50,000", "30,000"],
        source=["CGT", "Police"],
        stated=["2025-03-08", "2025-03-08"],
    )
    assert (
        quiet(near.describe)
        .iloc[0]
        .endswith("more than 50,000 (CGT) exceeds 30,000 (Police) by more than 20,000.")
    )
    assert (
        quiet(near.describe, "fr")
        .iloc[0]
        .endswith("dépasse de plus de 20\u202f000 celle de 30\u202f000 (Police).")
    )


def test_economist_russian_casualties_latest_range_and_growth(economist):
    en = told_quietly(economist.describe, by=["country", "type"])[("russia", "casualties")]
    assert en == (
        "The two latest estimates of “Russia, casualties”: 1.3 million to 1.4 million (NATO "
        "officials [via media24], 17 June 2026) and 1.49 million (CSIS, 30 June 2026). The "
        "two estimates conflict: 1.49 million (CSIS) exceeds 1.3 million to 1.4 million "
        "(NATO officials [via media24]) by at least 90,000. Estimates have risen since the "
        "first, 11,966 (UK MoD, 1 April 2022)."
    )
    assert "120 times" not in en and "2,021" not in en
    fr = told_quietly(economist.describe, "fr", by=["country", "type"])[("russia", "casualties")]
    assert fr == (
        "Les deux dernières estimations pour «\xa0Russia, casualties\xa0»\xa0: de 1,3 million "
        "à 1,4 million (NATO officials [via media24], 17 juin 2026) et 1,49 million (CSIS, "
        "30 juin 2026). Les deux estimations se contredisent\xa0: l’estimation de 1,49 million "
        "(CSIS) dépasse d’au moins 90\u202f000 celle de 1,3 million à 1,4 million (NATO "
        "officials [via media24]). Les estimations ont augmenté depuis la première, "
        "11\u202f966 (UK MoD, 1er avril 2022)."
    )


def test_seed_north_korean_troops_is_no_conflict(seed):
    for lang in ("en", "fr"):
        text = quiet(seed.describe, lang)[NK]
        assert "conflict" not in text and "contredis" not in text


def test_revision_is_never_a_conflict():
    police = table(
        quantity=["q"] * 2,
        best=[8000, 12000],
        source=["Police", "Police"],
        stated=["2025-03-08", "2025-03-09"],
    )
    text = quiet(police.describe).iloc[0]
    assert text == (
        "The latest estimate of q: 12,000 (Police, 9 March 2025). Estimates have risen "
        "since the first, 8,000 (Police, 8 March 2025)."
    )


@pytest.mark.parametrize(
    ("low", "high", "unit", "en"),
    [
        (5.0, np.inf, "", "A single estimate of q: at least five (A, 1 January 2024)."),
        (-np.inf, 5.0, "percent", "A single estimate of q: at most 5% (A, 1 January 2024)."),
        (
            1e40,
            2e40,
            "",
            # Never a row of forty zeros (nor "10,000,...,000 billion").
            "A single estimate of q: 1E40 to 2E40 (A, 1 January 2024).",
        ),
        (1e-300, 2e-300, "percent", None),
    ],
)
def test_unbounded_and_extreme_numbers_are_described(low, high, unit, en):
    # issue 13: "cannot write inf as a figure", InvalidOperation at 1e40, 1e-300.
    claims = est.read_claims(
        pd.DataFrame(
            {
                "quantity": ["q"] * 2,
                "low": [low] * 2,
                "high": [high] * 2,
                "unit": [unit] * 2,
                "source": ["A", "B"],
                "stated": ["2024-01-01", "2024-01-02"],
            }
        )
    )
    for lang in ("en", "fr"):
        for text in (
            quiet(claims.describe, lang).iloc[0],
            quiet(claims[:1].describe, lang).iloc[0],
        ):
            assert "inf" not in text and "∞" not in text
    if en is not None:
        assert quiet(claims[:1].describe).iloc[0] == en


ENGLISH_WORDS = re.compile(
    r"\b(the|and|of|estimates?|range|from|to|conflict|agree|disputed|single|about|more|"
    r"than|least|latest|since|against|furthest|apart|stands|week|times|or|by)\b"
)


def test_french_descriptions_have_no_english_word(seed, economist):
    labels_and_sources = set()
    texts = []
    protest = est.read_claims(PROTEST)
    for claims, by, call in (
        (seed, "quantity", quiet),
        (economist, ["country", "type"], told_quietly),
        (protest, "quantity", quiet),
    ):
        texts.extend(call(claims.describe, "fr", by=by))
        f = claims.frame
        labels_and_sources.update(str(v) for v in f["source"].dropna())
    for text in texts:
        visible = re.sub(r"«\xa0[^»]*\xa0»", " ", text)  # quoted labels and words
        visible = re.sub(r"\([^()]*(\([^()]*\)[^()]*)*\)", " ", visible)  # attributions
        found = ENGLISH_WORDS.findall(visible.lower())
        assert not found, (found, text)


def test_describe_prints_whole_sentences_at_the_prompt(seed):
    s = quiet(seed.describe)
    shown = repr(s)
    assert "..." not in shown
    joined = " ".join(line.strip() for line in shown.splitlines())
    for text in s:
        assert text in joined


def test_describe_signature_is_explicit():
    import inspect

    params = inspect.signature(est.Claims.describe).parameters
    assert not any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    assert {"lang", "by", "style", "as_of", "compare_within", "strategy"} <= set(params)


def test_a_ratio_that_overflows_is_said_as_a_gap():
    # hypothesis found it: 4 / 2.2e-308 is inf; "inf times" must never be written.
    claims = quiet(
        est.read_claims,
        pd.DataFrame(
            {"quantity": "q", "best": [0, 2.2250738585072014e-308, 4], "source": ["A", "A", "B"]}
        ),
    )
    text = quiet(claims.describe).iloc[0]
    assert "exceeds 2.2250738585072014E-308 (A) by four." in text


def test_style_errors_carry_their_fields() -> None:
    from estimates._present.style import get_style, register_style

    with pytest.raises(est.ArgumentTypeError, match="style: expected a HouseStyle") as info:
        register_style("ap")  # type: ignore[arg-type]
    assert info.value.argument == "style"
    with pytest.raises(est.OptionError) as err:
        get_style("ap").times(0.5)
    assert (err.value.option, err.value.value, err.value.expected) == (
        "ratio",
        0.5,
        "a number >= 1",
    )
