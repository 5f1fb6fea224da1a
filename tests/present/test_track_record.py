"""Track-record sentences and chart labels come from the catalogues (issue 11, 12)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

import estimates as est
from estimates._present.track_record import track_record_chart, track_record_sentences


def loud_claims() -> est.Claims:
    rng = np.random.default_rng(1)
    rows = []
    for q in range(12):
        truth = float(rng.integers(1000, 5000))
        rows += [
            {"quantity": f"q{q}", "best": truth, "source": "A"},
            {"quantity": f"q{q}", "best": truth, "source": "B"},
            {"quantity": f"q{q}", "best": round(truth * 1.6), "source": "Loud"},
        ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return est.read_claims(pd.DataFrame(rows).assign(stated="2024-01-15"))


def test_track_record_sentences_in_french():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = loud_claims().reliability(freq="M")
    fr = track_record_sentences(table, lang="fr-FR")
    en = track_record_sentences(table, lang="en")
    assert fr["Loud"] == (
        "Les chiffres de Loud ont été en moyenne 1,6 fois ceux des autres sources pour la "
        "même quantité le même mois (12 chiffres comparés ; intervalle à 95\u202f% : de "
        "1,6 à 1,6)."
    )
    assert en["Loud"].startswith("Figures from Loud have run on average 1.6 times")
    for s in fr:
        assert not {"figures", "from", "the", "same", "compared"} & set(s.lower().split())


def test_track_record_chart_labels_in_french():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = loud_claims().reliability()
    fig = track_record_chart(table, lang="fr")
    assert fig.axes[0].get_xlabel().startswith("son chiffre")
    assert fig.axes[1].get_xlabel().startswith("part de ses affirmations")
