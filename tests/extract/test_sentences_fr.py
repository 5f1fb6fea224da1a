"""French sentences: figures, attribution, joint sources, statement dates, negatives.

Every sentence is read as published on Tuesday 12 November 2024.  Each case lists the
claims expected, in order, as (figure as written, source cell, stated date).
"""

from __future__ import annotations

import pytest

from .cases import Expected, claims_of

RENS = (
    "services de renseignement américains; services de renseignement sud-coréens; "
    "services de renseignement ukrainiens"
)

# fmt: off
ATTRIBUTION: list[tuple[str, list[Expected]]] = [
    # --- verbes, sujet avant le verbe
    ("Le Pentagone a déclaré que 10 000 soldats nord-coréens étaient à Koursk.",
     [("10 000 soldats", "Pentagone", None)]),
    ("Les États-Unis ont confirmé qu’il y avait 10 000 soldats nord-coréens en Russie.",
     [("10 000 soldats", "États-Unis", None)]),
    ("Les analystes estiment que jusqu’à 20 000 combattants restent dans la ville.",
     [("jusqu’à 20 000 combattants", "analystes", "2024-11-12")]),
    ("Le gouverneur affirme que près de 40 drones ont été abattus.",
     [("près de 40 drones", "gouverneur", "2024-11-12")]),
    ("Kiev a indiqué qu’environ 5 000 prisonniers étaient détenus en Russie.",
     [("environ 5 000 prisonniers", "Kiev", None)]),
    ("Le ministère russe de la Défense affirme avoir abattu 40 drones dans la nuit.",
     [("40 drones", "ministère russe de la Défense", "2024-11-12")]),
    ("L’état-major a annoncé que 1 250 soldats russes avaient été tués.",
     [("1 250 soldats", "état-major", None)]),
    ("Les autorités locales ont indiqué que 12 personnes avaient été tuées et 30 blessées.",
     [("12 personnes", "autorités locales", None), ("30 blessées", "autorités locales", None)]),
    ("L’ONU a estimé que plus de 3 millions de personnes avaient fui.",
     [("plus de 3 millions de personnes", "ONU", None)]),
    ("Moscou a également affirmé que 700 soldats ukrainiens avaient été tués.",
     [("700 soldats", "Moscou", None)]),
    ("Le ministère déclare que 15 missiles ont été interceptés.",
     [("15 missiles", "ministère", "2024-11-12")]),
    ("Le chef de l’armée a dit que 3 000 soldats étaient prêts.",
     [("3 000 soldats", "chef de l’armée", None)]),
    # --- titres et noms
    ("Le président ukrainien Volodymyr Zelensky a déclaré que 50 000 soldats étaient à Koursk.",
     [("50 000 soldats", "Volodymyr Zelensky", None)]),
    ("Le porte-parole du Kremlin, Dmitri Peskov, a déclaré que 2 000 soldats avaient été "
     "déployés.", [("2 000 soldats", "Dmitri Peskov", None)]),
    ("Le président français Emmanuel Macron a annoncé une aide de 3 milliards d’euros.",
     [("3 milliards d’euros", "Emmanuel Macron", None)]),
    ("« Nous avons perdu 300 hommes », a déclaré le général Ivanov.",
     [("300 hommes", "général Ivanov", None)]),
    # --- selon, d'après
    ("Selon le ministère ukrainien de la Défense, plus de 500 soldats russes ont été tués.",
     [("plus de 500 soldats", "ministère ukrainien de la Défense", None)]),
    ("Plus de 500 soldats sont morts, selon Kiev.", [("Plus de 500 soldats", "Kiev", None)]),
    ("D’après l’ONU, environ 3,7 millions de personnes ont été déplacées.",
     [("environ 3,7 millions de personnes", "ONU", None)]),
    ("Le Covid-19 a fait plus de 7 millions de morts dans le monde, selon l’OMS.",
     [("plus de 7 millions de morts", "OMS", None)]),
    ("Environ 40 000 manifestants ont défilé à Paris, selon la préfecture de police.",
     [("Environ 40 000 manifestants", "préfecture de police", None)]),
    ("Selon les organisateurs, ils étaient 100 000 à Paris, et 40 000 selon la police.",
     [("100 000", "organisateurs", None), ("40 000", "police", None)]),
    ("Selon Kiev et Washington, 8 000 soldats sont arrivés.",
     [("8 000 soldats", "Kiev; Washington", None)]),
    # --- sujet après le verbe ou en fin de phrase
    ("Des dizaines de milliers de soldats seraient mobilisés, estiment des analystes.",
     [("Des dizaines de milliers de soldats", "analystes", "2024-11-12")]),
    ("Environ 10 000 soldats sont à Koursk, a déclaré le Pentagone.",
     [("Environ 10 000 soldats", "Pentagone", None)]),
    ("Quelque 2 000 soldats ont été tués, a affirmé vendredi l’état-major.",
     [("Quelque 2 000 soldats", "état-major", "2024-11-08")]),
    # --- sources conjointes
    ("Les services de renseignement américains, sud-coréens et ukrainiens estiment que "
     "jusqu’à 12 000 soldats nord-coréens sont engagés.",
     [("jusqu’à 12 000 soldats", RENS, "2024-11-12")]),
    ("La Corée du Sud, les États-Unis et l’Ukraine ont déclaré que des milliers de soldats "
     "nord-coréens se préparaient.",
     [("des milliers de soldats", "Corée du Sud; États-Unis; Ukraine", None)]),
    ("Londres et Paris ont confirmé que 200 soldats avaient été évacués.",
     [("200 soldats", "Londres; Paris", None)]),
    ("Les autorités ukrainiennes et russes ont indiqué que 300 civils avaient été évacués.",
     [("300 civils", "autorités ukrainiennes; autorités russes", None)]),
    # --- source d'une proposition antérieure, pronoms
    ("Zelensky a dit que 20 000 soldats étaient engagés, et il a précisé que 3 000 autres "
     "arrivaient.", [("20 000 soldats", "Zelensky", None), ("3 000", "Zelensky", None)]),
    ("L’armée a annoncé que 25 drones avaient été abattus et que 4 missiles avaient été "
     "interceptés.", [("25 drones", "armée", None), ("4 missiles", "armée", None)]),
    ("L’armée ukrainienne, qui a déclaré avoir abattu 25 drones, craint une offensive.",
     [("25 drones", "armée ukrainienne", None)]),
    ("Ils ont déclaré que 200 personnes avaient été arrêtées.",
     [("200 personnes", None, None)]),
    # --- dates de la déclaration
    ("Le président ukrainien Volodymyr Zelensky a déclaré lundi dans son discours quotidien "
     "que son armée retenait environ 50 000 soldats à Koursk.",
     [("environ 50 000 soldats", "Volodymyr Zelensky", "2024-11-11")]),
    ("La semaine dernière, les États-Unis ont confirmé qu’il y avait 10 000 soldats "
     "nord-coréens dans la région russe de Koursk, où l’Ukraine a lancé une incursion "
     "surprise début août.", [("10 000 soldats", "États-Unis", "2024-W45")]),
    ("Le mois dernier, l’agence de renseignement sud-coréenne a déclaré que plus de 13 000 "
     "conteneurs avaient été envoyés depuis août 2023.",
     [("plus de 13 000 conteneurs", "agence de renseignement sud-coréenne", "2024-10")]),
    ("Le Pentagone a affirmé mardi que 8 000 soldats se trouvaient à Koursk.",
     [("8 000 soldats", "Pentagone", "2024-11-12")]),
    ("Le porte-parole du Kremlin, Dmitri Peskov, a déclaré jeudi que 2 000 soldats avaient "
     "été déployés.", [("2 000 soldats", "Dmitri Peskov", "2024-11-07")]),
    ("Il y a trois jours, Kiev a annoncé que 1 200 soldats avaient été faits prisonniers.",
     [("1 200 soldats", "Kiev", "2024-11-09")]),
    ("Le président français Emmanuel Macron a annoncé mi-octobre une aide de 3 milliards "
     "d’euros.", [("3 milliards d’euros", "Emmanuel Macron", "2024-10-11/2024-10-20")]),
    ("Hier, l’armée a indiqué que 30 soldats avaient été blessés.",
     [("30 soldats", "armée", "2024-11-11")]),
    ("Le 7 novembre, le ministère a annoncé que 90 drones avaient été détruits.",
     [("90 drones", "ministère", "2024-11-07")]),
    ("L’an dernier, l’ONU a estimé que 6 millions de réfugiés avaient quitté le pays.",
     [("6 millions de réfugiés", "ONU", "2023")]),
    ("En octobre, Séoul a affirmé que 1 500 soldats avaient été envoyés.",
     [("1 500 soldats", "Séoul", "2024-10")]),
    ("Kiev a déclaré dimanche dernier que 400 soldats avaient disparu.",
     [("400 soldats", "Kiev", "2024-11-10")]),
]

NO_SOURCE: list[tuple[str, list[Expected]]] = [
    ("Quelque 3 000 personnes ont fui la ville.", [("Quelque 3 000 personnes", None, None)]),
    ("Plus de 1 200 soldats sont morts la semaine dernière.",
     [("Plus de 1 200 soldats", None, None)]),
    ("Entre 2 000 et 3 000 soldats ont été tués ou blessés.",
     [("Entre 2 000 et 3 000 soldats", None, None)]),
    ("La Russie a perdu 1 000 chars et 2 000 véhicules blindés en 2023.",
     [("1 000 chars", None, None), ("2 000 véhicules", None, None)]),
    ("Kiev n’a pas confirmé le chiffre de 5 000 morts.", [("5 000 morts", None, None)]),
    ("Le bilan est estimé à 500 morts.", [("estimé à 500 morts", None, None)]),
    ("Des milliers de personnes ont manifesté dans la capitale.",
     [("Des milliers de personnes", None, None)]),
    ("Le chiffre de 40 000 soldats circule depuis des semaines.",
     [("40 000 soldats", None, None)]),
    ("Une dizaine de villages ont été détruits et 300 maisons endommagées.",
     [("Une dizaine", None, None), ("300 maisons", None, None)]),
    ("Le G7 a promis 50 milliards de dollars à l’Ukraine.",
     [("50 milliards de dollars", None, None)]),
]

NEGATIVES: list[str] = [
    "La guerre a commencé en 2022 et s’est intensifiée en 2023.",
    "Le sommet a eu lieu le 7 novembre 2024 à Budapest.",
    "La pandémie de Covid-19 a tout changé.",
    "L’A380 et le F-16 étaient exposés.",
    "Le CAC 40 a reculé, a indiqué le G7.",
    "Il avait 23 ans, a déclaré le ministère.",
    "La réunion a commencé à 10h30 et s’est terminée à 21h.",
    "C’était la 3e attaque ce mois-ci, selon les autorités.",
    "Le vol MH17 a été abattu au-dessus de l’Ukraine.",
    "L’article 5 du traité a été invoqué, selon l’OTAN.",
    "Il est âgé de 45 ans, selon la police.",
    "Appelez le 01 23 45 67 89 pour plus d’informations.",
    "Les négociations ont duré de 2014 à 2022.",
    "Les deux pays ont signé un accord depuis août 2023.",
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), ATTRIBUTION + NO_SOURCE)
def test_claims(sentence: str, expected: list[Expected]) -> None:
    assert claims_of(sentence, "fr") == expected


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_not_figures(sentence: str) -> None:
    assert claims_of(sentence, "fr") == []


def test_count() -> None:
    assert len(ATTRIBUTION) + len(NO_SOURCE) + len(NEGATIVES) >= 60
