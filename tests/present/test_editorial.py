"""An editor's read of what the library prints, on the real data (seed, The Economist,
PRIO vs UCDP, the Paris protest, the population edits), in English and French.

The rules: the reader can tell which estimates a sentence speaks of (a few estimates
are each named; a tension names its pair); "up to" and "more than" survive every table
cell; no value is shown that no source stated; nested parentheses become brackets.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import estimates as est
from estimates._present.text import reconciliation_frame, reconciliation_text, stated_words

from ..datasets import (
    BOOK,
    CONTAINERS,
    DATA,
    HELD,
    NK,
    economist_claims,
    prio_vs_ucdp,
    quiet,
    table,
)


@pytest.fixture(scope="module")
def prio() -> est.Claims:
    return prio_vs_ucdp()


@pytest.fixture(scope="module")
def paris() -> est.Claims:
    return quiet(est.read_claims, DATA / "protest_paris.csv")


@pytest.fixture(scope="module")
def population() -> est.Claims:
    raw = pd.read_csv(DATA / "population_claims.csv")
    raw["stated"] = raw["year"].astype(str)
    return quiet(est.read_claims, raw, quantity=["city", "year"], best="population")


# ---------------------------------------------------------------- defect 1: russia deaths
def test_economist_russia_deaths_names_each_estimate_and_the_pair_in_tension(economist):
    en = quiet(economist.describe, sources=BOOK)["russia deaths"]
    assert en == (
        "The three latest estimates of russia deaths: 369,000 to 523,000 (BBC Russia, "
        "12 June 2026), 500,000 (NATO officials [via media24], 17 June 2026) and 400,000 to "
        "450,000 (CSIS, 30 June 2026). Only the rounding of a round figure separates 400,000 "
        "to 450,000 (CSIS) from 500,000 (NATO officials [via media24]), so they do not "
        "conflict. Estimates have risen since the first, 7,000 to 15,000 (NATO officials "
        "[via WP], 23 April 2022)."
    )
    fr = quiet(economist.describe, "fr", sources=BOOK)["russia deaths"]
    assert fr == (
        "Les trois dernières estimations pour «\xa0russia deaths\xa0»\xa0: de 369\u202f000 à "
        "523\u202f000 (BBC Russia, 12 juin 2026), 500\u202f000 (NATO officials [via media24], "
        "17 juin 2026) et de 400\u202f000 à 450\u202f000 (CSIS, 30 juin 2026). Seul l’arrondi "
        "d’un chiffre rond sépare l’estimation de 400\u202f000 à 450\u202f000 (CSIS) de celle "
        "de 500\u202f000 (NATO officials [via media24])\xa0: elles ne se contredisent pas. Les "
        "estimations ont augmenté depuis la première, de 7\u202f000 à 15\u202f000 (NATO "
        "officials [via WP], 23 avril 2022)."
    )
    for text in (en, fr):
        assert "The estimates are separated" not in text
        assert "Les estimations ne sont séparées" not in text


def test_a_tension_between_two_sources_names_both(prio):
    en = quiet(prio.describe, by=["conflict", "year"])[(139, 2002)]
    assert en == (
        "There are two estimates of “139, 2002”: 40 (UCDP) and 43 to 311 (PRIO). Only the "
        "rounding of a round figure separates 40 (UCDP) from 43 to 311 (PRIO), so they do "
        "not conflict. Figures from PRIO have run on average 4.7 times those of UCDP for the "
        "same quantity (132 figures compared; 95% interval 4.0 to 5.6)."
    )
    fr = quiet(prio.describe, "fr", by=["conflict", "year"])[(139, 2002)]
    assert fr == (
        "On compte deux estimations pour «\xa0139, 2002\xa0»\xa0: 40 (UCDP) et de 43 à 311 "
        "(PRIO). Seul l’arrondi d’un chiffre rond sépare l’estimation de 40 (UCDP) de celle "
        "de 43 à 311 (PRIO)\xa0: elles ne se contredisent pas. Les chiffres de PRIO ont "
        "été en moyenne 4,7 fois ceux d’UCDP pour la même quantité (132 chiffres comparés\u202f; "
        "intervalle à 95\u202f%\xa0: de 4,0 à 5,6)."
    )


def _three(figures: list[str]) -> est.Claims:
    return table(
        quantity=["q"] * 3, figure=figures, source=["A", "B", "C"], stated=["2024-01-01"] * 3
    )


def test_tension_pairs_sharing_their_figures_are_named_together():
    claims = _three(["12,000", "about 15,000", "about 15,000"])
    assert quiet(claims.reconcile).iloc[0]["tensions"] == 2
    assert (
        "Only the rounding of a round figure separates 12,000 (A) from about 15,000 (B; C), "
        "so they do not conflict." in quiet(claims.describe).iloc[0]
    )
    assert (
        "Seul l’arrondi d’un chiffre rond sépare l’estimation de 12\u202f000 (A) de celle "
        "d’environ 15\u202f000 (B\u202f; C)\xa0: elles ne se contredisent pas."
        in quiet(claims.describe, "fr").iloc[0]
    )


def test_several_tension_pairs_are_counted_and_the_furthest_named():
    claims = _three(["12,000", "about 15,000", "about 14,000"])
    assert quiet(claims.reconcile).iloc[0]["tensions"] == 2
    en = quiet(claims.describe).iloc[0]
    assert en.startswith(
        "There are three estimates of q: 12,000 (A, 1 January 2024), about 14,000 (C, "
        "1 January 2024) and about 15,000 (B, 1 January 2024). In two pairs, the estimates "
        "are apart only within the rounding of round figures or at the edge of a vague one, "
        "so they do not conflict; the furthest apart are 12,000 (A) and about 15,000 (B)."
    )
    fr = quiet(claims.describe, "fr").iloc[0]
    assert (
        "Dans deux paires, les estimations ne sont séparées que par l’arrondi de chiffres "
        "ronds ou la limite d’un chiffre vague, et ne se contredisent donc pas\u202f; les plus "
        "éloignées sont l’estimation de 12\u202f000 (A) et celle d’environ 15\u202f000 (B)." in fr
    )


def test_a_vague_edge_is_named_as_such():
    claims = table(
        quantity=["q"] * 2,
        figure=["thousands", "20,000"],
        source=["A", "B"],
        stated=["2024-01-01"] * 2,
    )
    assert quiet(claims.describe).iloc[0] == (
        "There are two estimates of q: “thousands” (A, 1 January 2024) and 20,000 (B, "
        "1 January 2024). Only the edge of a vague figure separates “thousands” (A) from "
        "20,000 (B), so they do not conflict."
    )
    assert (
        quiet(claims.describe, "fr")
        .iloc[0]
        .endswith(
            "Seule la limite d’un chiffre vague sépare l’estimation «\xa0thousands\xa0» (A) de "
            "celle de 20\u202f000 (B)\xa0: elles ne se contredisent pas."
        )
    )


# ---------------------------------------------------------------- defect 2: the seed
def test_seed_names_the_third_estimate(seed):
    en = quiet(seed.describe)[NK]
    assert en.startswith(
        "There are three estimates of North Korean troops in Kursk: 10,000 (United States, "
        "week of 4 November 2024), up to 12,000 (US, South Korean and Ukrainian "
        "intelligence, 12 November 2024) and “des milliers de soldats nord-coréens” (South "
        "Korea, United States and Ukraine, undated). All three estimates"
    )
    fr = quiet(seed.describe, "fr")[NK]
    # French never factors an English noun: the three agencies in full, joined with "et".
    assert (
        "jusqu’à 12\u202f000 (US intelligence, South Korean intelligence et Ukrainian "
        "intelligence, 12 novembre 2024) et «\xa0des milliers de soldats nord-coréens\xa0» "
        "(South Korea, United States et Ukraine, sans date). Les trois estimations" in fr
    )


def test_a_data_set_without_dates_is_not_undated_on_every_figure(prio):
    en = quiet(prio.describe, by=["conflict", "year"])[(10, 1990)]
    assert en.startswith(
        "There are two estimates of “10, 1990”: 25 to 999 (PRIO) and 1,165 to 1,174 (UCDP)."
    )
    assert "undated" not in en
    assert "sans date" not in quiet(prio.describe, "fr", by=["conflict", "year"])[(10, 1990)]


def _groups_fully_compared(claims: est.Claims, by, **kw) -> list:
    r = quiet(claims.reconcile, by, **kw)
    few = (r["claims"] >= 2) & (r["claims"] <= 4) & (r["claims"] == r["claims_total"])
    return list(r.index[few.to_numpy()])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_one_of_a_few_estimates_is_named(population, prio, lang):
    """Wherever two to four estimates are compared, every source is in the paragraph
    (the population edits: each claim one editor; PRIO vs UCDP)."""
    cases = ((population, ["city", "year"], 200), (prio, ["conflict", "year"], 300))
    for claims, by, size in cases:
        keys = _groups_fully_compared(claims, by)[:size]
        text = quiet(claims.describe, lang, by=by)
        f = claims.frame
        sources = f.groupby(by, sort=False, observed=True)["source"].agg(list)
        for key in keys:
            for source in sources[key]:
                assert str(source).translate(str.maketrans("()", "[]")) in text[key], (key, source)


def test_camps_never_nest_parentheses(population):
    en = quiet(population.describe, by=["city", "year"])
    assert en[("abuja", 2005)].count("contributor #0 [") >= 2
    assert not any(re.search(r"\([^()]*\(", t) for t in en)


# ---------------------------------------------------------------- defect 3: the table
def test_table_keeps_the_hedges_of_the_seed(seed):
    table = reconciliation_frame(quiet(seed.reconcile), seed.frame)
    assert table.loc[NK, "stated"] == "10,000 to as many as 12,000"
    assert table.loc[CONTAINERS, "stated"] == "more than 13,000"
    assert table.loc[HELD, "stated"] == "about 50,000"
    # one claim of three gives a central value: said so, not "median"
    assert table.loc[NK, "best"] == "10,000 (only central value)"
    assert table.loc[HELD, "best"] == "about 50,000 (only central value)"
    assert table.loc[CONTAINERS, "best"] == ""
    fr = reconciliation_frame(quiet(seed.reconcile), seed.frame, "fr")
    assert fr.loc[NK, "stated"] == "10\u202f000 à 12\u202f000 au maximum"
    assert fr.loc[CONTAINERS, "stated"] == "plus de 13\u202f000"
    assert fr.loc[HELD, "stated"] == "environ 50\u202f000"
    assert fr.loc[NK, "best"] == "10\u202f000 (seule valeur centrale)"


def test_table_text_of_the_seed_keeps_the_hedges(seed):
    text = reconciliation_text(quiet(seed.reconcile), claims=seed)
    assert "10,000 to as many as 12,000" in text and "more than 13,000" in text
    assert "(median)" not in text


def test_table_keeps_more_than_in_the_stated_range_and_the_gap(paris):
    table = reconciliation_frame(quiet(paris.reconcile), paris.frame)
    row = table.loc["protesters in Paris"]
    assert row["stated"] == "12,000 to more than 50,000"
    assert row["max gap"] == "more than 38,000"
    # 15,600, the median of 12,000, 16,200 and two midpoints, is no source's figure
    assert row["best"] == ""
    fr = reconciliation_frame(quiet(paris.reconcile), paris.frame, "fr").loc["protesters in Paris"]
    assert fr["stated"] == "12\u202f000 à plus de 50\u202f000"
    assert fr["max gap"] == "plus de 38\u202f000"


def test_table_shows_no_value_that_no_source_stated(economist, prio):
    r = quiet(economist.reconcile, sources=BOOK)
    table = reconciliation_frame(r, economist.frame)
    # the midpoint of CSIS's 525,000 to 625,000 and the median 446,000 (the middle of
    # BBC's range) were never stated
    assert r.loc["ukraine casualties", "best"] == 575_000
    assert table.loc["ukraine casualties", "best"] == ""
    assert table.loc["russia deaths", "best"] == ""
    assert table.loc["russia deaths", "stated"] == "369,000 to 523,000"
    assert table.loc["russia casualties", "stated"] == "1,300,000 to 1,490,000"
    p = quiet(prio.reconcile, ["conflict", "year"])
    cells = reconciliation_frame(p, prio.frame)["best"]
    assert not cells.str.contains(r"\.\d", regex=True).any()  # no "5,499.5 (median)"
    assert (cells == "").sum() > 1000


def test_table_best_names_its_strategy_when_a_source_stated_it(population):
    r = quiet(population.reconcile, ["city", "year"])
    table = reconciliation_frame(r, population.frame)
    assert table.loc[("addis ababa", 2005), "best"] == "2,973,004 (median)"
    assert table.loc[("abu dhabi", 2006), "best"] == ""  # the mean of two figures
    assert table.loc[("abcoude", 2007), "stated"] == "4 to 8,657"  # digits in a table


def test_stated_words_is_column_wise_and_indexed_like_the_result(population):
    r = quiet(population.reconcile, ["city", "year"])
    words = stated_words(r, population.frame)
    assert words.index.equals(r.index)
    assert list(words.columns) == [
        "stated",
        "consensus",
        "agreement",
        "best",
        "best_figure",
        "best_kind",
        "max gap",
    ]
    # every stated cell holds the group's stated numbers, as written
    lo = r["stated_low"].to_numpy()
    assert (words["stated"].str.len() > 0).all()
    first = words["stated"].str.split(" to ").str[0].str.replace(",", "").astype(float)
    assert np.allclose(first.to_numpy(), lo)


def test_table_without_claims_still_prints_the_range(seed):
    table = reconciliation_frame(quiet(seed.reconcile))
    assert table.loc[NK, "stated"] == "10,000 to 12,000"


def test_economist_loader_is_unchanged():
    assert len(economist_claims().frame) == 124


# ---------------------------------------------------------------- more of the same kind
def test_a_source_name_with_a_semicolon_in_parentheses_stays_whole(economist):
    """The Economist's "Dutch Military Intelligence and Security Service (MIVD; note,
    timing clarified via email)" is one name: never "(MIVD and note, ...)"."""
    for lang in ("en", "fr"):
        text = quiet(
            economist.describe, lang, sources=BOOK, by=["country", "type"], compare_within=None
        )[("russia", "deaths")]
        assert "[MIVD; note, timing clarified via email]" in text
        assert "MIVD and note" not in text and "MIVD et note" not in text


def test_french_first_estimate_has_one_de(economist):
    fr = quiet(economist.describe, "fr", sources=BOOK, by=["country", "type"], compare_within=None)
    assert fr[("russia", "deaths")].endswith(
        "La première estimation était de 7\u202f000 à 15\u202f000 (NATO officials [via WP], "
        "23 avril 2022)."
    )
    assert not any(re.search(r"\bde de\b|\bd’de\b", t) for t in fr)
    en = quiet(economist.describe, sources=BOOK, by=["country", "type"], compare_within=None)
    assert en[("russia", "deaths")].endswith(
        "The first estimate was 7,000 to 15,000 (NATO officials [via WP], 23 April 2022)."
    )


def test_a_small_figure_beside_large_ones_is_in_digits(population):
    en = quiet(population.describe, by=["city", "year"])[("abcoude", 2007)]
    assert en.startswith("Estimates of “Abcoude, 2007” range from 4 (contributor #0 ")
    assert ": 4 falls short of 8,657 (contributor #634828: rrburke) by 8,653." in en
    assert "four" not in en
    # alone, a small count is still spelled, as AP does
    one = table(quantity=["q"], figure=["5"], source=["A"], stated=["2024"])
    assert quiet(one.describe).iloc[0] == "A single estimate of q: five (A, 2024)."


def test_table_gap_is_between_stated_numbers_and_hedged_like_sentences(economist):
    r = quiet(economist.reconcile, sources=BOOK)
    table = reconciliation_frame(r, economist.frame)
    # CSIS's 1.49 million against the closed end of NATO's 1.3 to 1.4 million
    assert table.loc["russia casualties", "max gap"] == "at least 90,000"
    vague = table_of(["thousands", "50,000"])
    assert vague.iloc[0]["max gap"] == ""  # "thousands" states no number to measure from


def table_of(figures: list[str]) -> pd.DataFrame:
    claims = table(
        quantity=["q"] * len(figures),
        figure=figures,
        source=[f"S{i}" for i in range(len(figures))],
        stated=["2024-01-01"] * len(figures),
    )
    return reconciliation_frame(quiet(claims.reconcile), claims.frame)


def test_stated_words_names_a_missing_key_column(seed, economist):
    r = quiet(economist.reconcile, ["country", "type"])
    with pytest.raises(est.MissingColumnError, match="no column 'country' in the claims frame"):
        stated_words(r, seed.frame)


def test_the_agreed_figure_is_said_in_a_sources_words():
    """ "about 5,000" is read as 4,500 to 5,500, but no source said 4,500: the sentence
    gives the source's own words, or only that the estimates agree."""
    about = _three(["about 5,000", "thousands", "about 5,000"])
    en = quiet(about.describe).iloc[0]
    assert "consistent with a figure of about 5,000" in en and "4,500" not in en
    fr = quiet(about.describe, "fr").iloc[0]
    assert "compatibles avec un chiffre d’environ 5\u202f000" in fr and "4\u202f500" not in fr
    # the consensus 4,500 to 5,200 has an end no source stated: no number is given
    capped = _three(["about 5,000", "up to 5,200", "thousands"])
    en = quiet(capped.describe).iloc[0]
    assert "All three estimates are consistent with one another." in en and "4,500" not in en
    fr = quiet(capped.describe, "fr").iloc[0]
    assert "Les trois estimations sont toutes compatibles entre elles." in fr


def test_the_end_of_a_range_is_no_median_estimate():
    ranges = _three(["10,000 to 12,000", "11,000 to 15,000", "11,500 to 12,500"])
    en = quiet(ranges.describe).iloc[0]
    assert "median" not in en
    points = _three(["10,000", "10,500", "11,000"])
    assert quiet(points.describe).iloc[0].endswith("The median estimate is 10,500.")
    # a source's "about" survives into the median it gives
    about = _three(["about 10,000", "about 10,500", "about 11,000"])
    assert quiet(about.describe).iloc[0].endswith("The median estimate is about 10,500.")
    assert (
        quiet(about.describe, "fr")
        .iloc[0]
        .endswith("L’estimation médiane est d’environ 10\u202f500.")
    )
