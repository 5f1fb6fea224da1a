"""English sentences: figures, attribution, joint sources, statement dates, negatives.

Every sentence is read as published on Tuesday 12 November 2024.  Each case lists the
claims expected, in order, as (figure as written, source cell, stated date).
"""

from __future__ import annotations

import pytest

from .cases import Expected, claims_of

US_SK_UA = "US intelligence; South Korean intelligence; Ukrainian intelligence"

# fmt: off
ATTRIBUTION: list[tuple[str, list[Expected]]] = [
    # --- reporting verbs, subject before the verb
    ("The Pentagon said 10,000 North Korean troops were in Kursk.",
     [("10,000 North Korean troops", "Pentagon", None)]),
    ("Ukrainian officials told reporters that about 300 soldiers were captured.",
     [("about 300 soldiers", "Ukrainian officials", None)]),
    ("The UN estimated that at least 500 civilians were killed in October.",
     [("at least 500 civilians", "UN", None)]),
    ("Washington confirmed that more than 1,000 troops had arrived.",
     [("more than 1,000 troops", "Washington", None)]),
    ("Russia claimed 700 Ukrainian soldiers were killed.",
     [("700 Ukrainian soldiers", "Russia", None)]),
    ("Analysts estimate that up to 20,000 fighters remain in the city.",
     [("up to 20,000 fighters", "Analysts", "2024-11-12")]),
    ("The governor says nearly 40 drones were shot down overnight.",
     [("nearly 40 drones", "governor", "2024-11-12")]),
    ("Kyiv has said around 5,000 prisoners are held in Russia.",
     [("around 5,000 prisoners", "Kyiv", None)]),
    ("The ministry reported 12 deaths and 40 wounded.",
     [("12 deaths", "ministry", None), ("40 wounded", "ministry", None)]),
    ("Ukraine's military said it shot down 40 drones.",
     [("40 drones", "Ukraine's military", None)]),
    ("Officials in Kyiv told the BBC that 30 people died.",
     [("30 people", "Officials in Kyiv", None)]),
    ("A UN report estimates 3.7 million people have been displaced.",
     [("3.7 million people", "UN report", "2024-11-12")]),
    ("The general staff announced that 1,250 Russian soldiers were killed.",
     [("1,250 Russian soldiers", "general staff", None)]),
    # --- titles and names
    ("Ukrainian President Volodymyr Zelensky said about 50,000 soldiers were in Kursk.",
     [("about 50,000 soldiers", "Volodymyr Zelensky", None)]),
    ("NATO Secretary General Mark Rutte said 11,000 troops had been deployed.",
     [("11,000 troops", "Mark Rutte", None)]),
    ("John Kirby, the White House spokesman, said 3,000 troops were moved.",
     [("3,000 troops", "John Kirby", None)]),
    ("Defence Minister Rustem Umerov said 2,000 soldiers were trained.",
     [("2,000 soldiers", "Rustem Umerov", None)]),
    # --- phrases
    ("According to the UN, at least 500 civilians were killed in Gaza.",
     [("at least 500 civilians", "UN", None)]),
    ("More than 1,200 soldiers died, according to Ukrainian officials.",
     [("More than 1,200 soldiers", "Ukrainian officials", None)]),
    ("According to Ukraine and the United States, 8,000 troops have arrived.",
     [("8,000 troops", "Ukraine; United States", None)]),
    # --- subject after or at the end
    ("About 10,000 troops are in Kursk, the Pentagon said.",
     [("About 10,000 troops", "Pentagon", None)]),
    ("There are 10,000 troops in Kursk, said John Kirby.",
     [("10,000 troops", "John Kirby", None)]),
    ("The A380 carries 853 passengers, Airbus says.",
     [("853", "Airbus", "2024-11-12")]),
    ("In 2022, about 6 million refugees left Ukraine, the UNHCR said.",
     [("about 6 million refugees", "UNHCR", None)]),
    # --- joint sources
    ("South Korea, the US and Ukraine said thousands of North Korean soldiers were in Russia.",
     [("thousands of North Korean soldiers", "South Korea; US; Ukraine", None)]),
    ("US, South Korean and Ukrainian intelligence estimate that up to 12,000 North Korean "
     "troops are fighting.", [("up to 12,000 North Korean troops", US_SK_UA, "2024-11-12")]),
    ("Britain and France confirmed that 200 soldiers were evacuated.",
     [("200 soldiers", "Britain; France", None)]),
    ("Ukrainian and Western officials said 600,000 Russian troops were in Ukraine.",
     [("600,000 Russian troops", "Ukrainian officials; Western officials", None)]),
    ("On Monday, South Korea and the US said 3,000 more troops had arrived.",
     [("3,000 more troops", "South Korea; US", "2024-11-11")]),
    # --- sources named in an earlier clause; pronouns
    ("The Pentagon said 8,000 troops are in Kursk and that 3,000 more were on their way.",
     [("8,000 troops", "Pentagon", None), ("3,000", "Pentagon", None)]),
    ("The Pentagon said 8,000 troops are in Kursk, and it estimated that another 3,000 were "
     "coming.", [("8,000 troops", "Pentagon", None), ("3,000", "Pentagon", None)]),
    ("The ministry told reporters that 200 drones were shot down and that 15 missiles were "
     "intercepted.", [("200 drones", "ministry", None), ("15 missiles", "ministry", None)]),
    ("They said 200 people were arrested in Tbilisi.", [("200 people", None, None)]),
    # --- relative clauses and parentheticals
    # the date between subject and verb dates the statement (the report's release)
    ("The report, which was released on Tuesday, counted 2,500 deaths.",
     [("2,500 deaths", "report", "2024-11-12")]),
    ("The ministry of defence, in a statement on Friday, said 150 drones were destroyed.",
     [("150 drones", "ministry of defence", "2024-11-08")]),
    ("NATO chief Mark Rutte, speaking in Brussels, said 11,000 troops had arrived.",
     [("11,000 troops", "Mark Rutte", None)]),
    # --- statement dates
    ("Ukrainian President Volodymyr Zelensky said on Monday that his army was holding about "
     "50,000 soldiers in Kursk.", [("about 50,000 soldiers", "Volodymyr Zelensky",
                                   "2024-11-11")]),
    ("Last week, the United States confirmed that 10,000 North Korean soldiers were in Kursk.",
     [("10,000 North Korean soldiers", "United States", "2024-W45")]),
    ("Last month, South Korea's intelligence agency said more than 13,000 containers were "
     "sent since August 2023.", [("more than 13,000 containers",
                                  "South Korea's intelligence agency", "2024-10")]),
    ("Britain's defence ministry estimated in early August that 70,000 Russian soldiers had "
     "died.", [("70,000 Russian soldiers", "Britain's defence ministry",
                "2024-08-01/2024-08-10")]),
    ("The COVID-19 pandemic killed 7 million people worldwide, WHO estimated in May.",
     [("7 million people", "WHO", "2024-05")]),
    ("Kyiv said yesterday that 1,500 soldiers had been killed.",
     [("1,500 soldiers", "Kyiv", "2024-11-11")]),
    ("The army said three days ago that 400 soldiers were missing.",
     [("400 soldiers", "army", "2024-11-09")]),
    ("The Kremlin said on 7 November that 600 soldiers had died.",
     [("600 soldiers", "Kremlin", "2024-11-07")]),
    ("About 10,000 troops are in Kursk, the Pentagon said on Friday.",
     [("About 10,000 troops", "Pentagon", "2024-11-08")]),
    ("Seoul said last Tuesday that 1,500 special forces had been sent.",
     [("1,500", "Seoul", "2024-11-05")]),
    ("The UN said late last month that 250 children were killed.",  # "late" not read
     [("250 children", "UN", "2024-10")]),
]

NO_SOURCE: list[tuple[str, list[Expected]]] = [
    ("Some 3,000 people fled the city.", [("Some 3,000 people", None, None)]),
    ("More than 1,200 soldiers died last week.", [("More than 1,200 soldiers", None, None)]),
    ("Between 2,000 and 3,000 soldiers were killed or wounded.",
     [("Between 2,000 and 3,000 soldiers", None, None)]),
    ("Russia lost 1,000 tanks and 2,000 armoured vehicles in 2023.",
     [("1,000 tanks", None, None), ("2,000", None, None)]),
    ("Kyiv has not confirmed the figure of 5,000 casualties.", [("5,000 casualties", None, None)]),
    ("The Kremlin did not confirm that 600 soldiers had died.", [("600 soldiers", None, None)]),
    ("The toll was estimated at 500 dead.", [("estimated at 500 dead", None, None)]),
    ("Thousands of people marched in the capital.", [("Thousands of people", None, None)]),
    ("The estimate of 40,000 troops is widely quoted.", [("40,000 troops", None, None)]),
    ("An estimated 20,000 people were displaced, and 300 homes were destroyed.",
     [("An estimated 20,000 people", None, None), ("300 homes", None, None)]),
]

NEGATIVES: list[str] = [
    "The war started in 2022 and escalated in 2023.",
    "The summit took place on 7 November 2024 in Budapest.",
    "The COVID-19 pandemic changed everything.",
    "The A380 and the F-16 were on display.",
    "The CAC 40 and the FTSE 100 fell, the G7 said.",
    "He was 23 years old, the ministry said.",
    "The meeting started at 10:30 and ended at 9 p.m.",
    "It was the 21st attack this month, officials said.",
    "Flight MH17 was shot down over Ukraine, investigators said.",
    "Article 5 of the treaty was invoked, NATO said.",
    "The report was published on 2024-11-03.",
    "Call +33 1 23 45 67 89 for details.",
    "Talks lasted from 2014-2022, diplomats said.",
    "A 5G network was installed in 2021.",
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), ATTRIBUTION + NO_SOURCE)
def test_claims(sentence: str, expected: list[Expected]) -> None:
    assert claims_of(sentence, "en") == expected


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_not_figures(sentence: str) -> None:
    assert claims_of(sentence, "en") == []


def test_count() -> None:
    assert len(ATTRIBUTION) + len(NO_SOURCE) + len(NEGATIVES) >= 60
