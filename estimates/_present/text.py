"""Plain-text display of claims tables, for terminals and ``repr``."""

from __future__ import annotations

import dataclasses
import math
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .._compute.selection import as_frame, quantities_of, sources_of
from .._i18n import translator
from .._model.errors import MissingColumnError
from .format import format_interval, format_number, format_periods, format_range
from .sentences import _CENTRAL, _HEDGES, figure_words, gap_hedge

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

    from .._i18n.catalogue import Translator
    from .style import HouseStyle


__all__ = [
    "RECONCILIATION_CORE",
    "claims_summary",
    "claims_text",
    "interval_text",
    "reconciliation_frame",
    "reconciliation_summary",
    "reconciliation_text",
    "stated_words",
    "summary_frame",
]


def interval_text(
    low: np.ndarray, high: np.ndarray, lc: np.ndarray, hc: np.ndarray, lang: str = "en"
) -> np.ndarray:
    """Interval notation per row: ``[0, 12,000]``, ``(13,000, ∞)``, ``[10,000]`` (the one
    formatter, :func:`estimates._present.format.format_interval`)."""
    return np.array(
        [
            format_interval(float(a), float(b), bool(c), bool(d), lang)
            for a, b, c, d in zip(low, high, lc, hc, strict=True)
        ],
        dtype=object,
    )


def summary_frame(
    claims: pd.DataFrame, max_rows: int | None = None, lang: str = "en"
) -> pd.DataFrame:
    """The columns a reader wants first: quantity, figure, interval, source, stated."""
    f = as_frame(claims)
    f = f if max_rows is None else f.head(max_rows)
    # Dates in words, as in sentences and charts: "week of 4 November 2024".
    stated = format_periods(f["stated_start"], f["stated_end"], lang)
    out = pd.DataFrame(
        {
            "quantity": f["quantity"].astype(object).fillna(""),
            "figure": f["text"].astype(object).fillna(""),
            "interval": interval_text(
                f["low"].to_numpy(),
                f["high"].to_numpy(),
                f["low_closed"].to_numpy(),
                f["high_closed"].to_numpy(),
                lang,
            ),
            "unit": f["unit"].astype(object).fillna(""),
            "hedge": f["hedge"].astype(object),
            "source": f["source"].astype(object).fillna(""),
            "stated": stated,
        },
        index=f.index,
    )
    if "error" in f.columns:
        out["error"] = f["error"].astype(object).fillna("")
    return out


def claims_summary(claims: pd.DataFrame) -> str:
    """One line: how many claims, quantities and sources (and flagged rows).

    >>> import pandas as pd, estimates
    >>> claims_summary(estimates.read_claims(pd.DataFrame(
    ...     {"quantity": ["q"], "figure": ["10"], "source": ["A"], "stated": ["2024"]})))
    'Claims: 1 claim, 1 quantity, 1 source'
    """
    f = as_frame(claims)
    n, q, s = len(f), len(quantities_of(f)), len(sources_of(f))
    head = (
        f"Claims: {n} claim{'s' if n != 1 else ''}, {q} "
        f"quantit{'ies' if q != 1 else 'y'}, "
        f"{s} source{'s' if s != 1 else ''}"
    )
    if "error" in f.columns:
        head += f", {int(f['error'].notna().sum())} flagged invalid"
    return head


def claims_text(claims: pd.DataFrame, max_rows: int = 20, lang: str = "en") -> str:
    """A short header and the first rows of a claims table."""
    f = as_frame(claims)
    n = len(f)
    head = claims_summary(f)
    if n == 0:
        return head
    table = summary_frame(f, max_rows, lang).to_string(max_colwidth=40)
    more = f"\n... {n - max_rows} more" if n > max_rows else ""
    return f"{head}\n{table}{more}"


# ---------------------------------------------------------------------- reconciliations
def reconciliation_summary(frame: pd.DataFrame) -> str:
    """One line: how many groups, and how many of each verdict.

    >>> import pandas as pd
    >>> reconciliation_summary(pd.DataFrame({"verdict": ["conflict", "single", "single"]}))
    'Reconciliation: 3 groups (1 conflict, 2 single)'
    """
    n = len(frame)
    text = f"Reconciliation: {n:,} group{'s' if n != 1 else ''}"
    if n and "verdict" in frame.columns:
        counts = frame["verdict"].astype(str).value_counts()
        parts = [
            f"{counts[v]:,} {v}" for v in ("conflict", "tension", "agree", "single") if v in counts
        ]
        if parts:
            text += " (" + ", ".join(parts) + ")"
    return text


def _num_text(x: np.ndarray, lang: str = "en") -> np.ndarray:
    return np.array([format_number(v, lang) for v in x], dtype=object)


def _range_text(frame: pd.DataFrame, prefix: str) -> np.ndarray:
    lo = frame[f"{prefix}_low"].to_numpy(dtype="float64")
    hi = frame[f"{prefix}_high"].to_numpy(dtype="float64")
    lc_col, hc_col = f"{prefix}_low_closed", f"{prefix}_high_closed"
    lc = frame[lc_col].to_numpy(dtype=bool) if lc_col in frame else np.ones(len(frame), bool)
    hc = frame[hc_col].to_numpy(dtype=bool) if hc_col in frame else np.ones(len(frame), bool)
    text = interval_text(lo, hi, lc, hc)
    text[np.isnan(lo) | np.isnan(hi)] = "none"
    return text


def reconciliation_frame(
    frame: pd.DataFrame, claims: pd.DataFrame | None = None, lang: str = "en"
) -> pd.DataFrame:
    """The columns a reader wants first, as text: claims, sources, stated range,
    consensus, agreement, best, verdict, conflicts, max gap, unit.  Column-wise.

    ``claims``, the claims frame the reconciliation was computed from, gives the
    stated range its hedges ("10,000 to as many as 12,000", "more than 13,000"), the
    best value its honest label ("10,000 (only central value)"; nothing for a value no
    source stated, such as the midpoint of a range) and the largest gap its hedge
    ("more than 38,000" against an open end): see :func:`stated_words`.  Without it,
    the stated range is bare numbers.
    """
    out = pd.DataFrame(index=frame.index)
    for col in ("claims", "sources"):
        if col in frame.columns:
            out[col] = frame[col].to_numpy()
    hedged = None
    if claims is not None and len(frame) and {"stated_low", "stated_high"} <= set(frame.columns):
        hedged = stated_words(frame, claims, lang)
    if {"stated_low", "stated_high"} <= set(frame.columns):
        if hedged is not None:
            out["stated"] = hedged["stated"]
        else:
            lo = frame["stated_low"].to_numpy(dtype="float64")
            hi = frame["stated_high"].to_numpy(dtype="float64")
            lo_t, hi_t = _num_text(lo, lang), _num_text(hi, lang)
            t = translator(lang)
            span = np.array(
                [
                    t("stated_range", context="text", low=a, high=b)
                    for a, b in zip(lo_t, hi_t, strict=True)
                ],
                dtype=object,
            )
            out["stated"] = np.where(
                np.isnan(lo), t("none", context="text"), np.where(lo == hi, lo_t, span)
            )
    for prefix in ("consensus", "agreement"):
        if {f"{prefix}_low", f"{prefix}_high"} <= set(frame.columns):
            out[prefix] = _range_text(frame, prefix)
            if hedged is not None:  # in the sources' words where a claim gives them
                said = hedged[prefix].to_numpy(dtype=object)
                out[prefix] = np.where(said != "", said, out[prefix].to_numpy(dtype=object))
    if "agreement_claims" in frame.columns and "agreement" in out.columns:
        # Exactly how many claims hold the range: "(2 of 6 claims)", never "most".
        held = frame["agreement_claims"].to_numpy()
        total = frame["claims"].to_numpy() if "claims" in frame.columns else held
        t = translator("en")
        words = np.array(
            [
                t.plural("held", int(n), context="text", k=f"{int(k):,}", n=f"{int(n):,}")
                for k, n in zip(held, total, strict=True)
            ],
            dtype=object,
        )
        out["agreement"] = np.where(
            out["agreement"] == "none", "none", out["agreement"] + " (" + words + ")"
        )
    if hedged is not None and "best" in frame.columns:
        out["best"] = hedged["best"]
    elif "best" in frame.columns:
        out["best"] = _num_text(frame["best"].to_numpy(dtype="float64"))
        if "best_strategy" in frame.columns:
            strategy = frame["best_strategy"].astype(str).to_numpy(dtype=object)
            out["best"] = np.where(out["best"] == "", "", out["best"] + " (" + strategy + ")")
    for col in ("verdict", "conflicts"):
        if col in frame.columns:
            out[col] = frame[col].astype(object).to_numpy()
    if hedged is not None and "max_gap" in frame.columns:
        out["max gap"] = hedged["max gap"]
    elif "max_gap" in frame.columns:
        out["max gap"] = _num_text(frame["max_gap"].to_numpy(dtype="float64"))
    for col in ("unit", "decreases"):
        if col in frame.columns:
            out[col] = frame[col].astype(object).to_numpy()
    return out


#: The columns of a ``reconcile`` result the reader's table is made of: a frame without
#: them (a user's own, or a selection of columns) is shown as the plain table it is.
RECONCILIATION_CORE = ("claims", "sources", "stated_low", "stated_high", "verdict")


def reconciliation_text(
    frame: pd.DataFrame,
    max_rows: int = 50,
    max_colwidth: int | None = 40,
    claims: pd.DataFrame | None = None,
) -> str:
    """A reconciliation as plain text: a summary line and one row per group.

    Works on the result of ``reconcile`` (and of ``timeline``); used by the CLI (which
    shows every row, and the group keys whole: ``max_colwidth=None``).  ``claims``: the
    claims frame it was computed from, for the hedges of the stated range (see
    :func:`reconciliation_frame`).

    >>> import pandas as pd, estimates
    >>> claims = estimates.read_claims(pd.DataFrame({
    ...     "quantity": ["troops"] * 2, "figure": ["10,000 soldiers", "up to 12,000 troops"],
    ...     "source": ["United States", "US intelligence"],
    ...     "stated": ["2024-W45", "2024-11-12"]}))
    >>> text = reconciliation_text(claims.reconcile())
    >>> print(text.splitlines()[0])
    Reconciliation: 1 group (1 agree)
    >>> "[10,000] (2 of 2 claims)" in text
    True
    >>> "10,000 to as many as 12,000" in reconciliation_text(claims.reconcile(), claims=claims)
    True
    """
    head = reconciliation_summary(frame)
    if len(frame) == 0:
        return head
    table = reconciliation_frame(frame.head(max_rows), claims).to_string(max_colwidth=max_colwidth)
    more = f"\n... {len(frame) - max_rows:,} more groups" if len(frame) > max_rows else ""
    return f"{head}\n{table}{more}"


# ---------------------------------------------------------------------- stated words
def stated_words(result: pd.DataFrame, claims: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Per group of ``result``, the stated range, best value and largest gap in words,
    with the hedges of the claims that state them.  Column-wise.

    ``claims`` is the claims frame ``result`` was computed from (a ``Claims`` works
    too); its rows are matched to groups by the key columns (``result``'s index names).
    A claim counts when it lies in its group's comparison window (stated within
    ``compared_since`` .. ``latest_stated``, or undated) and is its source's latest
    there.  Of those, the claim whose smallest stated number is ``stated_low`` gives
    the low end its hedge, the one whose largest is ``stated_high`` the high end (the
    latest such claim when several do); one claim stating both ends is written whole.

    Columns:

    ``stated``
        "10,000 to as many as 12,000", "more than 13,000", "about 50,000",
        "369,000 to 523,000"; a bare number for an end no claim matches (a claim
        converted from another unit); the catalogue's "none" without stated numbers.
    ``best`` (and ``best_figure``, ``best_kind``: the value's words and "only" or the
    strategy, for layouts that place the label elsewhere)
        The best value when a compared claim stated it, labelled with the strategy
        ("12,000 (median)"), or "(only central value)" when one claim alone gives a
        central value, hedged as that claim is ("about 50,000 (only central value)");
        empty for a value no source stated (the midpoint of a range, the mean of two
        figures): no number is shown that no source gave; empty too for the one
        central value of a group in conflict (it is one side, as in sentences).
    ``consensus`` (and ``agreement``, what most claims allow, alike)
        What every claim allows, in a source's words: the claim's own figure when the
        consensus is exactly its interval ("about 50,000", never the 45,000 to 55,000 a
        convention reads it as); the range when each end is a number a source stated
        (or an open end); else the catalogue's "overlapping" (no number no source
        gave); empty without a consensus.
    ``max gap``
        The gap between the numbers the two furthest-apart claims stated, hedged as
        sentences hedge it ("more than 38,000" from "more than 50,000" to "12,000",
        "at least 90,000" from a range's end); empty when one of them states no
        number ("thousands").

    Raises
    ------
    MissingColumnError
        When ``claims`` lacks a key column of ``result``'s index.

    Examples
    --------
    >>> import pandas as pd, estimates
    >>> claims = estimates.read_claims(pd.DataFrame({
    ...     "quantity": ["q"] * 2, "figure": ["12,000", "more than 50,000"],
    ...     "source": ["Police", "Union"], "stated": ["2025-03-08"] * 2}))
    >>> words = stated_words(claims.reconcile(), claims).iloc[0]
    >>> words[["stated", "consensus", "max gap"]].to_dict()
    {'stated': '12,000 to more than 50,000', 'consensus': '', 'max gap': 'more than 38,000'}
    >>> zelensky = estimates.read_claims(pd.DataFrame({
    ...     "quantity": ["q"], "figure": ["environ 50 000"], "lang": ["fr"],
    ...     "source": ["Volodymyr Zelensky"], "stated": ["2024-11-11"]}))
    >>> stated_words(zelensky.reconcile(), zelensky)[["consensus", "best"]].iloc[0].to_dict()
    {'consensus': 'about 50,000', 'best': 'about 50,000 (only central value)'}
    """
    from .._compute.camps import stated_numbers
    from .._compute.reconcile import hedge_codes
    from .style import get_style

    # a table cell writes figures in digits, as its other columns do ("4 to 8,657",
    # "1,300,000", never "four to 8,657" or "1.3 million" beside "[1,490,000]")
    st = dataclasses.replace(get_style(lang=lang), spell_below=0, scales=())
    t = translator(lang)
    f = as_frame(claims)
    n = len(result)
    by = [str(b) for b in result.index.names]
    for key in by:
        if key not in f.columns:
            raise MissingColumnError(key, f.columns, what="claims frame given for the table")
    keys = pd.MultiIndex.from_frame(f[by]) if len(by) > 1 else pd.Index(f[by[0]])
    pos = np.asarray(result.index.get_indexer(keys), dtype=np.int64)
    low = f["low"].to_numpy(dtype="float64")
    high = f["high"].to_numpy(dtype="float64")
    best = f["best"].to_numpy(dtype="float64")
    hcode = hedge_codes(f["hedge"])
    hedge = np.array(_HEDGES, dtype=object)[hcode]
    smin, smax = stated_numbers(low, high, best, hcode)
    end = f["stated_end"].to_numpy(dtype="datetime64[ns]")
    # ---- the claims in each group's comparison window, each source's latest
    ok = pos >= 0
    safe = np.where(ok, pos, 0)
    for col, keep in (("compared_since", np.greater_equal), ("latest_stated", np.less_equal)):
        if col in result.columns:
            bound = result[col].to_numpy(dtype="datetime64[ns]")[safe]
            ok &= np.isnat(end) | np.isnat(bound) | keep(end, bound)
    rows = np.flatnonzero(ok)
    order = pd.DataFrame(
        {
            "pos": pos[rows],
            "src": f["source"].astype(object).to_numpy()[rows],
            "end": end[rows],
            "row": rows,
        }
    ).sort_values(["pos", "src", "end", "row"], na_position="first", kind="stable")
    latest = order.drop_duplicates(["pos", "src"], keep="last")
    cand = np.sort(latest["row"].to_numpy())
    cpos = pos[cand]

    def pick(values: np.ndarray, target: np.ndarray) -> np.ndarray:
        """Per group, the latest candidate row whose ``values`` equal ``target``; -1."""
        hit = np.isclose(values[cand], target[cpos], rtol=1e-9, atol=0.0)
        table = pd.DataFrame({"pos": cpos[hit], "end": end[cand[hit]], "row": cand[hit]})
        table = table.sort_values(["pos", "end", "row"], na_position="first", kind="stable")
        last = table.drop_duplicates("pos", keep="last")
        out = np.full(n, -1, dtype=np.int64)
        out[last["pos"].to_numpy()] = last["row"].to_numpy()
        return out

    s_lo = result["stated_low"].to_numpy(dtype="float64")
    s_hi = result["stated_high"].to_numpy(dtype="float64")
    at_lo, at_hi = pick(smin, s_lo), pick(smax, s_hi)

    def words(i: int, side: str) -> str | None:
        """Claim ``i``'s figure: whole (``side`` "both"), or the words of one end."""
        h = str(hedge[i])
        if side != "both" and h == "range":
            return st.amount(low[i] if side == "low" else high[i])
        after = side != "both" or h == "range"
        return figure_words(
            st,
            h,
            low[i],
            high[i],
            best[i],
            after_preposition=after,
            low_closed=bool(f["low_closed"].iat[i]),
            high_closed=bool(f["high_closed"].iat[i]),
        )

    none = t("none", context="text")
    stated = np.empty(n, dtype=object)
    for g in range(n):
        a, b = int(at_lo[g]), int(at_hi[g])
        lo, hi = float(s_lo[g]), float(s_hi[g])
        if math.isnan(lo) or math.isnan(hi):
            stated[g] = none
            continue
        if a >= 0 and a == b:
            text = words(a, "both")
        else:
            lo_t = (words(a, "low") if a >= 0 else None) or st.amount(lo)
            hi_t = (words(b, "high") if b >= 0 else None) or st.amount(hi)
            text = (
                lo_t
                if lo == hi and a == b
                else t("stated_range", context="text", low=lo_t, high=hi_t)
            )
        stated[g] = text or st.amount(lo)
    best_words, best_figure, best_kind = _best_words(
        result, st, t, cand, cpos, best, smin, smax, hcode
    )
    return pd.DataFrame(
        {
            "stated": stated,
            "consensus": _consensus_words(result, st, t, cand, cpos, f, words),
            "agreement": _consensus_words(result, st, t, cand, cpos, f, words, "agreement"),
            "best": best_words,
            "best_figure": best_figure,
            "best_kind": best_kind,
            "max gap": _gap_words(result, st, cand, cpos, (low, high, smin, smax, hcode), f),
        },
        index=result.index,
    )


def _consensus_words(
    result: pd.DataFrame,
    st: HouseStyle,
    t: Translator,
    cand: np.ndarray,
    cpos: np.ndarray,
    f: pd.DataFrame,
    words: Callable[[int, str], str | None],
    prefix: str = "consensus",
) -> np.ndarray:
    """The consensus (or, with ``prefix="agreement"``, the agreement) of each group in
    a source's words (see :func:`stated_words`)."""
    n = len(result)
    out = np.full(n, "", dtype=object)
    if f"{prefix}_low" not in result or n == 0:
        return out
    clo = result[f"{prefix}_low"].to_numpy(dtype="float64")
    chi = result[f"{prefix}_high"].to_numpy(dtype="float64")
    clc = result[f"{prefix}_low_closed"].to_numpy(dtype=bool)
    chc = result[f"{prefix}_high_closed"].to_numpy(dtype=bool)
    low = f["low"].to_numpy(dtype="float64")[cand]
    high = f["high"].to_numpy(dtype="float64")[cand]
    best = f["best"].to_numpy(dtype="float64")[cand]
    lc = f["low_closed"].to_numpy(dtype=bool)[cand]
    hc = f["high_closed"].to_numpy(dtype=bool)[cand]
    same = (low == clo[cpos]) & (high == chi[cpos]) & (lc == clc[cpos]) & (hc == chc[cpos])
    own = np.full(n, -1, dtype=np.int64)
    groups, first = np.unique(cpos[same], return_index=True)
    own[groups] = cand[same][first]
    # an end is said as a number only when a source stated it (a bound or a best value)
    numbers = np.stack([low, high, best])

    def stated(ends: np.ndarray) -> np.ndarray:
        hit = np.isclose(numbers, ends[cpos], rtol=1e-9, atol=0.0).any(axis=0)
        return (np.bincount(cpos[hit], minlength=n) > 0) | ~np.isfinite(ends)

    both = stated(clo) & stated(chi)
    for g in np.flatnonzero(~np.isnan(clo)):
        if own[g] >= 0:
            out[g] = words(int(own[g]), "both") or ""
        if not out[g] and both[g]:
            out[g] = format_range(
                float(clo[g]),
                float(chi[g]),
                st.lang,
                low_closed=bool(clc[g]),
                high_closed=bool(chc[g]),
                compact=True,
            )
        if not out[g]:
            out[g] = t("overlapping", context="text")
    return out


def _best_words(
    result: pd.DataFrame,
    st: HouseStyle,
    t: Translator,
    cand: np.ndarray,
    cpos: np.ndarray,
    best: np.ndarray,
    smin: np.ndarray,
    smax: np.ndarray,
    hcode: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The best value, labelled honestly, or "" when no compared claim stated it; also
    the value alone, in words, and its kind ("only" central value, or the strategy)."""
    n = len(result)
    value = result["best"].to_numpy(dtype="float64") if "best" in result else np.full(n, np.nan)
    strategy = (
        result["best_strategy"].astype(str).to_numpy(dtype=object)
        if "best_strategy" in result
        else np.full(n, "", dtype=object)
    )
    central = np.isin(hcode[cand], list(_CENTRAL))
    centrals = np.bincount(cpos[central], minlength=n)
    target = value[cpos]
    said = (
        np.isclose(best[cand], target, rtol=1e-9, atol=0.0)
        | np.isclose(smin[cand], target, rtol=1e-9, atol=0.0)
        | np.isclose(smax[cand], target, rtol=1e-9, atol=0.0)
    )
    stated = np.bincount(cpos[said], minlength=n) > 0
    # the one central value's own hedge ("about 50,000")
    approx = np.zeros(n, dtype=bool)
    approx[cpos[central & (hcode[cand] == _HEDGES.index("approx")) & said]] = True
    conflict = (
        result["verdict"].astype(str).to_numpy() == "conflict"
        if "verdict" in result
        else np.zeros(n, dtype=bool)
    )
    # a median or weighted value is a central value a source gave, never a range's end
    central_said = (
        np.bincount(cpos[np.isclose(best[cand], target, rtol=1e-9, atol=0.0)], minlength=n) > 0
    )
    out = np.full(n, "", dtype=object)
    figure = np.full(n, "", dtype=object)
    kind = np.full(n, "", dtype=object)
    for g in np.flatnonzero(stated & np.isfinite(value)):
        x = st.amount(float(value[g]))
        if strategy[g] in ("median", "weighted") and not central_said[g]:
            continue
        if centrals[g] == 1 and strategy[g] in ("median", "weighted"):
            if conflict[g]:  # one side's figure is no best value between conflicting ones
                continue
            x = st.hedged("approx", x) if approx[g] else x
            out[g] = t("best_only", context="text", x=x)
            figure[g], kind[g] = x, "only"
        elif centrals[g] >= 2 or strategy[g] not in ("median", "weighted"):
            out[g] = t("best_strategy", context="text", x=x, strategy=strategy[g])
            figure[g], kind[g] = x, strategy[g]
    return out, figure, kind


def _gap_words(
    result: pd.DataFrame,
    st: HouseStyle,
    cand: np.ndarray,
    cpos: np.ndarray,
    numbers: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    f: pd.DataFrame,
) -> np.ndarray:
    """The largest gap between the numbers the furthest-apart claims stated, hedged as
    in sentences: "more than" against an open end, "at least" against a stated bound,
    bare between two central values; nothing when a facing claim states no number
    (a vague "thousands" is no hard number) or the stated numbers do not part."""
    low, high, smin, smax, hcode = numbers
    n = len(result)
    if "max_gap" not in result:
        return np.full(n, "", dtype=object)
    disjoint = np.isfinite(result["max_gap"].to_numpy(dtype="float64"))
    lc = f["low_closed"].to_numpy(dtype=bool)
    hc = f["high_closed"].to_numpy(dtype=bool)
    frame = pd.DataFrame(
        {
            "pos": cpos,
            "top": np.where(np.isnan(smax[cand]), np.inf, smax[cand]),
            "bottom": np.where(np.isnan(smin[cand]), -np.inf, smin[cand]),
            "low": low[cand],
            "high": high[cand],
            "row": cand,
        }
    )
    # the furthest apart, as sentences pick them: the lowest largest stated number
    # against the highest smallest one
    lower = frame.sort_values(["pos", "top", "high", "row"]).drop_duplicates("pos")
    upper = frame.sort_values(["pos", "bottom", "low", "row"]).drop_duplicates("pos", keep="last")
    a = np.full(n, -1, dtype=np.int64)
    b = np.full(n, -1, dtype=np.int64)
    a[lower["pos"].to_numpy()] = lower["row"].to_numpy()
    b[upper["pos"].to_numpy()] = upper["row"].to_numpy()
    out = np.full(n, "", dtype=object)
    for g in np.flatnonzero(disjoint & (a >= 0) & (b >= 0)):
        i, k = int(a[g]), int(b[g])
        gap = float(smin[k] - smax[i])
        if not (math.isfinite(gap) and gap > 0):
            continue
        x = st.amount(gap)
        hedge = gap_hedge(int(hcode[i]), bool(hc[i]), int(hcode[k]), bool(lc[k]))
        out[g] = st.hedged(hedge, x, count=False) if hedge else x
    return out
