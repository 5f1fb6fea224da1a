"""The real data the tests share: the seed claims, The Economist's claims, PRIO vs UCDP.

Every loader reads from the project's own copies (``seeds/``, ``tests/data/``; origins
in ``tests/data/README.md``).  Tables are immutable, so fixtures share them.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

import estimates as est

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SEED_CSV = ROOT / "seeds" / "kursk_claims.csv"
SEED_ARTICLE = ROOT / "seeds" / "000_9e8ba33e4502eb57.txt"
ECONOMIST_CSV = DATA / "economist_ukraine_loss_estimates.csv"
SYRIA_CSV = DATA / "ucdp_ged191_syria_2016_2019.slim.csv.gz"

#: How the UCDP event columns map to the claims schema (one event, one claim).
UCDP_MAPPING = {
    "quantity": "conflict_name",
    "source": "source_office",
    "id": "id",
    "refers_start": "date_start",
    "refers_end": "date_end",
}

#: The seed's three quantities.
NK = "North Korean troops in Kursk"
CONTAINERS = "North Korean weapons containers sent to Russia"
HELD = "Russian troops held in Kursk by Ukraine"
QUANTITIES = [NK, CONTAINERS, HELD]

#: The aliases The Economist's own scripts merge.
BOOK = est.SourceBook(
    aliases={
        "UK Ministry of Defence": "UK MoD",
        "Pentagon leak": "US DoD",
        "The Centre for Strategic and International Studies": "CSIS",
    }
)


def quiet(fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
    """Call ``fn`` with data-quality warnings silenced (the seed has an undated claim)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", est.DataQualityWarning)
        return fn(*args, **kw)


def table(**columns: Any) -> est.Claims:
    """A claims table from columns, quietly."""
    return quiet(est.read_claims, pd.DataFrame(columns))


def strict_table(*, errors: str = "raise", **columns: Any) -> est.Claims:
    """A claims table from columns, read with ``errors``; its warnings are left to fail
    the test (pytest turns estimates warnings into errors)."""
    return est.read_claims(pd.DataFrame(columns), errors=errors)


def flagged_pair() -> est.Claims:
    """Two claims of quantity ``q``; B's (low 5 above high 2) is flagged invalid."""
    return strict_table(
        errors="flag",
        quantity=["q", "q"],
        low=[1, 5],
        high=[3, 2],
        source=["A", "B"],
        stated=["2024", "2024"],
    )


def seed_claims() -> est.Claims:
    """The claims curated from the seed article."""
    return quiet(est.read_claims, SEED_CSV)


def economist_claims() -> est.Claims:
    """The Economist's 124 claims, by country and type, warring parties marked as a kind."""
    raw = pd.read_csv(ECONOMIST_CSV, dtype=str)
    flag = raw.pop("ignore for chart, data from warring parties")
    raw["source_kind"] = flag.map({"yes": "warring party"})
    return quiet(
        est.read_claims,
        raw,
        quantity=["country", "type"],
        low="estimate_low",
        high="estimate_high",
        best="estimate",
        stated="date",
        date_format="%d/%m/%Y",
        url="source_url",
    )


def prio_vs_ucdp() -> est.Claims:
    """PRIO and UCDP battle deaths as two sources claiming each conflict-year."""
    prio = pd.read_csv(DATA / "prio_battle_deaths_v3.0.csv", encoding="cp1252")
    ucdp = pd.read_csv(DATA / "ucdp_brd_conflict_v5_2015.csv")
    columns = {
        "conflict": ("id", "ConflictID"),
        "year": ("year", "Year"),
        "low": ("bdeadlow", "BdLow"),
        "high": ("bdeadhig", "BdHigh"),
    }
    parts = [
        pd.DataFrame({k: table_[v[i]] for k, v in columns.items()}).assign(source=name)
        for i, (name, table_) in enumerate((("PRIO", prio), ("UCDP", ucdp)))
    ]
    frame = pd.concat(parts, ignore_index=True).assign(quantity="battle deaths")
    # UCDP codes one unknown low as -99 (Syria 2014).
    return quiet(est.read_claims, frame, na_values={"low": [-99]})
