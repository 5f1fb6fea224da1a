"""Sources in computations: agents per claim, aliases, kinds, weights, originals.

Every function here works on whole columns.  Python only loops over the *distinct*
``source`` cells (a few hundred in real tables), never over claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._model.errors import FigureError
from .._model.sources import SourceBook, split_agents

__all__ = [
    "Agents",
    "agents_of",
    "canonical_cells",
    "claim_weights",
    "dedupe_originals",
    "kind_mask",
]


@dataclass(frozen=True)
class Agents:
    """The agents of each claim, exploded: one entry per (claim, agent).

    Attributes
    ----------
    claim : int array
        Row position of the claim.
    code : int array
        Agent code (index into ``names``); anonymous claims get codes of their own.
    names : numpy array of str
        Canonical agent names (``"(no source) #row"`` for anonymous claims).
    """

    claim: np.ndarray
    code: np.ndarray
    names: np.ndarray


def _cells(frame: pd.DataFrame, use_originals: bool) -> pd.Series:
    src = frame["source"]
    if use_originals and "original_source" in frame.columns:
        orig = frame["original_source"]
        has = orig.notna()
        if has.any():
            src = orig.astype(object).where(has, src.astype(object))
    return src


def agents_of(
    frame: pd.DataFrame, book: SourceBook | None = None, *, use_originals: bool = True
) -> Agents:
    """Explode each claim's agents, canonicalised by ``book``.

    With ``use_originals`` a claim's ``original_source``, when given, stands for its
    agents: five outlets repeating one briefing are one source.
    """
    book = book if book is not None else _NO_BOOK
    cells = _cells(frame, use_originals)
    codes, uniques = pd.factorize(cells, use_na_sentinel=True)
    per_cell, names = _cell_agents(tuple(str(u) for u in uniques), book)
    n = len(frame)
    n_named = len(names)
    first = np.array([x[0] if x else -1 for x in per_cell] + [-1], dtype=np.int64)
    cidx = np.where(codes >= 0, codes, len(per_cell))
    code = first[cidx]
    anon = code < 0
    code[anon] = n_named + np.flatnonzero(anon)
    claim = np.arange(n, dtype=np.int64)
    # Joint claims: their second, third ... agents, exploded only for those rows.
    extra_cells = [i for i, x in enumerate(per_cell) if len(x) > 1]
    if extra_cells:
        extra_len = np.zeros(len(per_cell) + 1, dtype=np.int64)
        extra_len[extra_cells] = [len(per_cell[i]) - 1 for i in extra_cells]
        flat = np.array([a for i in extra_cells for a in per_cell[i][1:]], dtype=np.int64)
        cell_start = np.zeros(len(per_cell) + 1, dtype=np.int64)
        np.cumsum(extra_len[:-1], out=cell_start[1:])
        rows = np.flatnonzero(extra_len[cidx] > 0)
        reps = extra_len[cidx[rows]]
        ex_claim = np.repeat(rows, reps)
        within = np.arange(len(ex_claim)) - np.repeat(np.cumsum(reps) - reps, reps)
        ex_code = flat[cell_start[cidx[ex_claim]] + within]
        claim = np.concatenate([claim, ex_claim])
        code = np.concatenate([code, ex_code])
    all_names = np.empty(n_named + n, dtype=object)
    all_names[:n_named] = list(names)
    anon_rows = np.flatnonzero(anon)
    if len(anon_rows):
        all_names[n_named + anon_rows] = [f"(no source) #{i}" for i in anon_rows]
    return Agents(claim, code, all_names)


def _cell_agents(
    cells: tuple[str, ...], book: SourceBook
) -> tuple[list[list[int]], dict[str, int]]:
    """Agent ids of each distinct source cell, and the id of each canonical name."""
    key = (cells, id(book))
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is book:
        return hit[1], hit[2]
    names: dict[str, int] = {}
    per_cell: list[list[int]] = []
    canonical = book.canonical if book.aliases else None
    for cell in cells:
        ids: list[int] = []
        for a in split_agents(cell):
            if canonical is not None:
                a = canonical(a)
            i = names.setdefault(a, len(names))
            if i not in ids:
                ids.append(i)
        per_cell.append(ids)
    _CACHE.clear()  # keep only the latest table's cells
    _CACHE[key] = (book, per_cell, names)
    return per_cell, names


_NO_BOOK = SourceBook()
_CACHE: dict[tuple[tuple[str, ...], int], tuple[SourceBook, list[list[int]], dict[str, int]]] = {}


def canonical_cells(frame: pd.DataFrame, book: SourceBook | None) -> np.ndarray:
    """Each row's source cell with aliases applied (``"(no source)"`` when empty).

    >>> import pandas as pd
    >>> f = pd.DataFrame({"source": ["UK Ministry of Defence; CSIS", None]})
    >>> canonical_cells(f, SourceBook(aliases={"UK Ministry of Defence": "UK MoD"})).tolist()
    ['UK MoD; CSIS', '(no source)']
    """
    cells = frame["source"]
    codes, uniques = pd.factorize(cells, use_na_sentinel=True)
    per_cell, names = _cell_agents(tuple(str(u) for u in uniques), book or _NO_BOOK)
    inverse = np.array(list(names), dtype=object)
    joined = np.array(
        ["; ".join(inverse[i] for i in ids) if ids else "(no source)" for ids in per_cell]
        + ["(no source)"],
        dtype=object,
    )
    return joined[np.where(codes >= 0, codes, len(per_cell))]


def kind_mask(
    frame: pd.DataFrame, kinds: Iterable[str], book: SourceBook | None = None
) -> np.ndarray:
    """Rows whose source is of one of ``kinds``.

    A row's kind comes from a ``source_kind`` column when the table has one, else from
    ``book`` (a joint claim is of a kind when any of its agents is).
    """
    wanted = {k.casefold() for k in kinds}
    out = np.zeros(len(frame), dtype=bool)
    if not wanted:
        return out
    if "source_kind" in frame.columns:
        col = frame["source_kind"].astype("string").str.casefold()
        out |= col.isin(wanted).fillna(False).to_numpy(dtype=bool)
    if book is not None and book.kinds:
        codes, uniques = pd.factorize(frame["source"], use_na_sentinel=True)
        hit = np.array(
            [
                any((book.kind(a) or "").casefold() in wanted for a in split_agents(str(u)))
                for u in uniques
            ]
            + [False],
            dtype=bool,
        )
        out |= hit[np.where(codes >= 0, codes, len(uniques))]
    return out


def claim_weights(
    frame: pd.DataFrame, book: SourceBook | None, column: str | None = None
) -> np.ndarray:
    """Per-claim weight: a ``column`` of weights, else the mean of the agents' weights."""
    if column is not None:
        w = pd.to_numeric(frame[column], errors="raise").to_numpy(dtype="float64")
        if np.any(np.isnan(w) | (w < 0)):
            raise FigureError(column, "weights column", "numbers >= 0, no blanks")
        return w
    if book is None or not book.weights:
        return np.ones(len(frame))
    codes, uniques = pd.factorize(frame["source"], use_na_sentinel=True)
    per = np.array(
        [np.mean([book.weight(a) for a in split_agents(str(u))] or [1.0]) for u in uniques] + [1.0]
    )
    return per[np.where(codes >= 0, codes, len(uniques))]


def dedupe_originals(frame: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """Keep one claim per (group, original source, figure): a briefing repeated by
    several outlets counts once (the latest statement is kept)."""
    if "original_source" not in frame.columns or frame["original_source"].isna().all():
        return frame
    has = frame["original_source"].notna().to_numpy()
    keys = [*by, "original_source", "low", "high", "low_closed", "high_closed", "best"]
    sub = frame.iloc[np.flatnonzero(has)].assign(_pos=np.flatnonzero(has))
    sub = sub.sort_values("stated_end", kind="stable", na_position="first")
    kept = sub.drop_duplicates(subset=keys, keep="last")["_pos"].to_numpy()
    keep = ~has
    keep[kept] = True
    return frame.iloc[np.flatnonzero(keep)]
