"""Issue 9: constructions seen in real articles, in French and in English.

Each sentence keeps the construction of a real article (see tests/extract/corpus for the
sources); the publication date is Tuesday 12 November 2024 (``cases.PUBLISHED``).
"""

from __future__ import annotations

import pandas as pd
import pytest

from estimates._api.extract import extract

from .cases import PUBLISHED, claims_of


def frame(sentence: str, lang: str) -> pd.DataFrame:
    return extract(sentence, lang, PUBLISHED).frame


# ----------------------------------------------------------------------- non-claims
@pytest.mark.parametrize(
    ("sentence", "lang", "kept"),
    [
        ("A few days ago, officials said 300 people had died.", "en", ["300 people"]),
        ("Quelques jours plus tard, 300 soldats ont été tués, selon Kiev.", "fr", ["300 soldats"]),
        ("Kyiv released a 90-minute video showing 40 drones.", "en", ["40 drones"]),
        ("The 20-month conflict has killed 5,000 people, the UN said.", "en", ["5,000 people"]),
        ("The toll was multiplied by 1.5 to reach 600 deaths.", "en", ["600 deaths"]),
        ("Le bilan a été multiplié par 3 pour atteindre 600 morts.", "fr", ["600 morts"]),
        (
            "The storm hit a town about 70 miles (115 km) from the coast, where 200 people died.",
            "en",
            ["200 people"],
        ),
        ("At least one analyst said 10,000 troops were there.", "en", ["10,000 troops"]),
        ("Le séisme de magnitude 6,3 a fait plus de 2.000 morts.", "fr", ["plus de 2.000 morts"]),
        ("The 21-year-old leaked estimates of 223,000 casualties.", "en", ["223,000 casualties"]),
        (
            "Irene would rank as one of the 10 costliest disasters, with $7 billion.",
            "en",
            ["$7 billion"],
        ),
    ],
)
def test_non_claims_are_not_rows(sentence: str, lang: str, kept: list[str]) -> None:
    assert [t for t, _, _ in claims_of(sentence, lang)] == kept


# ----------------------------------------------------------------------- number words
def test_number_words_in_an_enumeration_without_noun() -> None:
    s = (
        "Quarante talibans ont été tués, dont trente dans le Kunar, dix au Nangarhar, "
        "neuf dans le Laghman et deux dans le Nouristan, a annoncé lundi le ministère."
    )
    f = frame(s, "fr")
    assert f["text"].tolist() == ["Quarante", "trente", "dix", "neuf", "deux"]
    assert f["low"].tolist() == [40, 30, 10, 9, 2]
    assert set(f["source"]) == {"ministère"}


def test_number_word_in_an_enumeration_en() -> None:
    s = "Officials said 3,575 people have been displaced and nine are still missing."
    f = frame(s, "en")
    assert f["text"].tolist() == ["3,575 people", "nine"]
    assert f["low"].tolist() == [3575, 9]
    assert f["source"].tolist() == ["Officials", "Officials"]


def test_article_number_words_are_not_enumerations() -> None:
    # "les deux" is a reference, "un" an article: no rows for them
    s = "Les deux syndicats ont compté 12 000 manifestants, un record."
    assert [t for t, _, _ in claims_of(s, "fr")] == ["12 000 manifestants"]


# ----------------------------------------------------------------------- pairs and lists
@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        (
            "Il y avait 8 500 manifestants selon la préfecture et 20 000 selon les syndicats.",
            "fr",
            [("8 500 manifestants", "préfecture"), ("20 000", "syndicats")],
        ),
        (
            "À Nice, 4.500 personnes selon la préfecture, 9 000 selon la CGT.",
            "fr",
            [("4.500 personnes", "préfecture"), ("9 000", "CGT")],
        ),
        (
            "À Strasbourg, 15.000 manifestants ont été au rendez-vous, selon la police, "
            "contre 8700 selon les syndicats.",
            "fr",
            [("15.000 manifestants", "police"), ("8700", "syndicats")],
        ),
        (
            "There were 8,500 protesters according to police and 20,000 according to the unions.",
            "en",
            [("8,500 protesters", "police"), ("20,000", "unions")],
        ),
        (
            "Entre 615 000 (selon l'Intérieur) et 1,8 million de manifestants (selon la CGT) "
            "ont défilé.",
            "fr",
            [("615 000", "Intérieur"), ("1,8 million de manifestants", "CGT")],
        ),
        (
            "Le séisme a fait 2 012 morts et 2 059 blessés, selon un nouveau bilan rendu public "
            "samedi soir par le ministère de l'Intérieur.",
            "fr",
            [
                ("2 012 morts", "ministère de l'Intérieur"),
                ("2 059 blessés", "ministère de l'Intérieur"),
            ],
        ),
        (
            "À Rennes, les syndicats ont dénombré 15.000 personnes, et la préfecture 7850 "
            "personnes.",
            "fr",
            [("15.000 personnes", "syndicats"), ("7850 personnes", "préfecture")],
        ),
        (
            "La CGT a revendiqué 15.000 manifestants contre 8500 décomptés par la préfecture.",
            "fr",
            [("15.000 manifestants", "CGT"), ("8500", "préfecture")],
        ),
    ],
)
def test_a_phrase_after_a_figure_attributes_it(
    sentence: str, lang: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t, s) for t, s, _ in claims_of(sentence, lang)] == expected


def test_city_list_follows_the_pattern_with_a_flag() -> None:
    s = (
        "Les cortèges étaient fournis à Rennes (8 500 selon la préfecture et 20 000 selon les "
        "syndicats), Nantes (15 000 à 50 000) et Brest (6 000 à 10 000)."
    )
    f = frame(s, "fr")
    assert f["text"].tolist() == ["8 500", "20 000", "15 000", "50 000", "6 000", "10 000"]
    assert f["low"].tolist() == [8500, 20000, 15000, 50000, 6000, 10000]
    assert f["source"].tolist() == ["préfecture", "syndicats"] * 3
    assert f["attribution_cue"].tolist() == ["selon", "selon"] + ["pattern"] * 4
    # the pattern rows are the doubtful ones: sorting on confidence puts them first
    assert f["confidence"].iloc[2:].max() < f["confidence"].iloc[:2].min()
    assert "the list's pattern (selon préfecture, selon syndicats)" in f["reasons"].iloc[2]


def test_a_range_without_a_pattern_stays_a_range() -> None:
    f = frame("Nantes a compté de 15 000 à 50 000 manifestants, selon la mairie.", "fr")
    assert f[["low", "high", "source"]].values.tolist() == [[15000, 50000, "mairie"]]


# ----------------------------------------------------------------------- attribution
@pytest.mark.parametrize(
    ("sentence", "lang", "source"),
    [
        (
            "La Fédération française des sociétés d'assurances (FFSA) a indiqué lundi que la "
            "tempête devrait coûter entre 100 et 150 millions d'euros.",
            "fr",
            "Fédération française des sociétés d'assurances (FFSA)",
        ),
        (
            "The Joint Chiefs of Staff (JCS) said 11,000 North Korean troops were in Kursk.",
            "en",
            "Joint Chiefs of Staff (JCS)",
        ),
        (
            "The World Food Programme (WFP) says its rations reach some 1.5 million people.",
            "en",
            "World Food Programme (WFP)",
        ),
        ("RMS put insured losses at $4 billion to $10 billion.", "en", "RMS"),
        (
            "AIR Worldwide estimated the storm had caused up to $4.5 billion in insured losses.",
            "en",
            "AIR Worldwide",
        ),
        (
            "Plus de 450.000 personnes ont manifesté, selon les comptages transmis par la police.",
            "fr",
            "police",
        ),
        ("Ce jour-là, la CGT a compté 400 000 manifestants.", "fr", "CGT"),
        ("Les services de police ont dénombré 19.000 personnes.", "fr", "services de police"),
        ("Milley had placed the number at 100,000.", "en", "Milley"),
        (
            "Risk Management Solutions (RMS) today announced an estimate of $13-21 billion.",
            "en",
            "Risk Management Solutions (RMS)",
        ),
        ("However, police estimates put the crowd at just 30,000.", "en", "police"),
        ("L'ONU les estimait pourtant à 76 000.", "fr", "ONU"),
        ("La police pour sa part fait état de 13.000 manifestants.", "fr", "police"),
        (
            "Risk modelling firm RMS said on Thursday that it estimated insured losses of $15 "
            "billion.",
            "en",
            "RMS",
        ),
        (
            "« Le chiffre d'un milliard d'euros est plausible », a déclaré à l'AFP Bernard "
            "Spitz, président de la FFSA.",
            "fr",
            "Bernard Spitz",
        ),
        (
            "Plus de 1.000 morts ont été recensés, a rectifié mercredi devant la presse le "
            "ministre afghan de la Santé, Qalandar Ebad.",
            "fr",
            "Qalandar Ebad",
        ),
        (
            "The latest death figure tallied to 1,723, a military spokesman, Lt. Col. "
            "Moyeenullah Chowdhury, told reporters in the capital.",
            "en",
            "Moyeenullah Chowdhury",
        ),
        ("There were protests in San Francisco (police estimate: 55,000).", "en", "police"),
    ],
)
def test_attribution(sentence: str, lang: str, source: str) -> None:
    ((_, got, _),) = claims_of(sentence, lang)
    assert got == source


def test_reported_as_an_adjective_is_no_reporting_verb() -> None:
    s = (
        "A US official said on Wednesday that reported Russian fatalities ranged from "
        "100,000 to 120,000."
    )
    ((_, source, stated),) = claims_of(s, "en")
    assert (source, stated) == ("US official", "2024-11-06")


def test_troops_reported_dead_is_no_source() -> None:
    f = frame("Kyiv said thousands of troops reported dead were in fact 11,000 deserters.", "en")
    assert f["source"].tolist() == ["Kyiv", "Kyiv"]


def test_estimate_as_a_noun_is_no_verb() -> None:
    s = (
        "Leaked documents revealed another U.S. estimate for Russian casualties, with the "
        "totals ranging up to 223,000."
    )
    ((_, source, _),) = claims_of(s, "en")
    assert source != "estimate" and "U.S." not in (source or "")


def test_pronoun_resolves_to_the_agent_before() -> None:
    s = "The ministry of health said 300 people had died. It reported 487 deaths on Tuesday."
    f = frame(s, "en")
    assert f["source"].tolist() == ["ministry of health", "ministry of health"]
    assert f["attribution_cue"].tolist() == ["reporting_verb", "previous_sentence"]
    assert f["confidence"].iloc[1] < f["confidence"].iloc[0]


def test_pronoun_in_the_same_sentence() -> None:
    s = "Milley said Russia had 20,000 troops there, and he put Ukrainian losses at 40,000."
    f = frame(s, "en")
    assert f["source"].tolist() == ["Milley", "Milley"]


def test_thousands_separator_is_no_list_of_agents() -> None:
    s = "The United Nations, Russia and 11,000 volunteers said nothing of the 500 dead."
    f = frame(s, "en")
    assert "11" not in " ".join(f["source"].dropna())
    assert f["text"].tolist() == ["11,000", "500 dead"]


@pytest.mark.parametrize(
    "verb",
    [
        "a dit",
        "a déclaré",
        "a affirmé",
        "estime",
        "a évalué",
        "chiffre",
        "a compté",
        "dénombre",
        "a recensé",
        "fait état de",
        "avançait",
        "revendique",
        "a annoncé",
        "indiquait",
        "a placé",
        "situe",
        "évoque",
        "comptait",
    ],
)
def test_reporting_verbs_fr(verb: str) -> None:
    ((_, source, _),) = claims_of(f"La préfecture {verb} 12 000 manifestants.", "fr")
    assert source == "préfecture"


@pytest.mark.parametrize(
    "verb",
    [
        "said",
        "says",
        "told reporters",
        "estimated",
        "estimates",
        "has estimated",
        "put the toll at",
        "placed the toll at",
        "counted",
        "reported",
        "had reported",
        "claimed",
        "tallied",
        "recorded",
        "gave",
        "cited",
    ],
)
def test_reporting_verbs_en(verb: str) -> None:
    ((_, source, _),) = claims_of(f"The ministry {verb} 12,000 deaths.", "en")
    assert source == "ministry"


# ----------------------------------------------------------------------- dates
def test_statement_date_between_commas_before_the_verb() -> None:
    s = "Une précédente estimation du HCR, le 20 août, faisait état de 190 000 réfugiés."
    assert claims_of(s, "fr") == [("190 000 réfugiés", "HCR", "2024-08-20")]


def test_statement_date_in_the_next_sentence() -> None:
    s = (
        "Russia rejected an estimate by the U.S. government that Russia has suffered more "
        "than 100,000 casualties. John Kirby said the estimate, given Monday, was based on "
        "downgraded intelligence."
    )
    assert claims_of(s, "en") == [
        ("more than 100,000 casualties", "U.S. government", "2024-11-11")
    ]


def test_statement_date_after_the_object() -> None:
    s = "In Dinagat province, the local government reported 10 deaths on Sunday."
    assert claims_of(s, "en") == [("10 deaths", "local government", "2024-11-10")]


def test_event_date_is_not_the_statement_date() -> None:
    # "lundi" is when people marched, not when the unions spoke
    s = "Selon les syndicats, 25.000 personnes ont manifesté lundi."
    assert claims_of(s, "fr") == [("25.000 personnes", "syndicats", None)]


def test_statement_date_of_the_outer_speech() -> None:
    s = (
        "CIA Director William Burns on Wednesday said that the United States estimated the "
        "toll at around 15,000 killed."
    )
    ((_, source, stated),) = claims_of(s, "en")
    assert (source, stated) == ("United States", "2024-11-06")


# ----------------------------------------------------------------------- the column
def test_every_row_has_a_cue_and_a_confidence() -> None:
    s = (
        "Selon la préfecture, 42.000 personnes ont manifesté. La CGT a revendiqué 400.000 "
        "participants. Le séisme a fait 300 morts."
    )
    f = frame(s, "fr")
    assert f["attribution_cue"].tolist() == ["selon", "reporting_verb", "none"]
    assert f["confidence"].between(0, 1).all()
    assert f["confidence"].notna().all()
