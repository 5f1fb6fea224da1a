"""Track-record sentences and chart labels come from the catalogues (issue 11, 12)."""

from __future__ import annotations

import warnings

from estimates._present.track_record import track_record_chart, track_record_sentences
from tests.reliability.test_reliability import BOOK, economist_claims


def economist_record():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return economist_claims().reliability(freq="M", sources=BOOK)


def test_track_record_sentences_in_french():
    table = economist_record()
    fr = track_record_sentences(table, lang="fr-FR")
    assert fr["UK MoD"] == (
        "Les 8 chiffres comparés ne montrent pas que les chiffres de UK MoD soient plus "
        "hauts ou plus bas que ceux des autres sources pour la même quantité le même mois "
        "(intervalle à 95\u202f%\u00a0: de 0,50 à 1,43 fois les leurs)."
    )
    english = {"figures", "from", "the", "same", "compared", "interval", "times", "month"}
    for name, s in fr.items():
        words = set(s.replace(str(name), " ").lower().split())  # less the source's name
        assert not english & words, s
    en = track_record_sentences(table, lang="en")
    assert en["UK MoD"].startswith("8 figures compared do not show figures from UK MoD")


def test_track_record_chart_labels_in_french():
    fig = track_record_chart(economist_record(), lang="fr")
    assert fig.axes[0].get_xlabel().startswith("son chiffre")
    assert fig.axes[1].get_xlabel().startswith("part de ses affirmations")
