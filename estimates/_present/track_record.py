"""Source track records in words and in a chart.

:func:`track_record_sentences` turns :meth:`estimates.Claims.reliability` into one
sentence per source (of the form "Figures from <source> have run on average 1.6
times those of other sources for the same quantity in the same month (12 figures
compared; 95% interval 1.3 to 1.9)").  What may
be said comes from :func:`estimates._compute.reliability.track_record_facts`: a source
is said to run high or low only when enough figures were compared and the interval
of its median ratio excludes 1; otherwise the sentence says there are too few
comparisons, or that they show no clear difference.  The ratio is given with at most
two significant digits, fewer when the figures compared were rounder.

:func:`track_record_notes` gives ``describe()`` the sentences the data support: for
each group, those of its sources that run clearly higher or lower than the others
(never a "too few" sentence: a paragraph says nothing of a record it cannot judge).

:func:`track_record_chart` draws, per source, its median ratio to the others'
consensus (log scale) and its hit rate, each with its interval (matplotlib: the
``plot`` extra).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .._compute.reliability import MIN_COMPARED, track_record_facts
from .._i18n import Words, translator, words
from .._model.errors import EstimatesWarning
from .._model.silencing import silenced
from .charts.draw import _figure_axes, _plain, _wrap
from .format import format_number
from .style import get_style

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["track_record_chart", "track_record_notes", "track_record_sentences"]

#: Periods of the comparison (``freq`` of the table), as the catalogue keys them.
_PERIODS = ("D", "W", "M", "Q", "Y")


def _decimals(x: float, digits: int) -> int:
    """The decimals that give ``x`` ``digits`` significant digits (none for NaN)."""
    if not math.isfinite(x) or x <= 0:
        return 0
    return max(digits - 1 - math.floor(math.log10(x)), 0)


def _ratio(x: float, decimals: int, lang: str) -> str:
    """A ratio with ``decimals`` decimals, all shown ("4.0 to 5.6")."""
    if not math.isfinite(x) or x <= 0:
        return ""
    return format_number(x, lang, decimals=decimals)


def _where(freq: str | None, w: Words) -> str:
    key = None if freq is None else str(freq).upper()
    return w[f"where_{key}"] if key in _PERIODS else w["where"]


def track_record_sentences(
    table: pd.DataFrame,
    *,
    min_compared: int = MIN_COMPARED,
    level: float = 0.95,
    lang: str = "en",
    others: Mapping[str, str] | None = None,
) -> pd.Series:
    """One sentence per source on how its figures compare with other sources'.

    Parameters
    ----------
    table : DataFrame
        The result of :meth:`estimates.Claims.reliability`.
    min_compared : int
        Fewest figures compared before a source is said to run high or low.
    level : float
        The confidence level the table was computed with (for the wording).
    lang : str
        Language of the sentences (the catalogue's ``track_record`` context).
    others : mapping, optional
        For a source compared with one other source only, that source's name: the
        sentence names it ("those of UCDP") instead of "other sources".

    Returns
    -------
    pandas.Series
        Indexed by source.

    Examples
    --------
    >>> import pandas as pd, estimates
    >>> claims = estimates.read_claims(pd.DataFrame({
    ...     "quantity": ["a", "a", "b", "b"], "best": [100, 120, 10, 12],
    ...     "source": ["X", "Y", "X", "Y"], "stated": "2024-11-12"}))
    >>> print(track_record_sentences(claims.reliability())["Y"])  # doctest: +NORMALIZE_WHITESPACE
    Too few figures to judge whether figures from Y run higher or lower than other
    sources' for the same quantity (2 compared).
    >>> print(track_record_sentences(claims.reliability(), lang="fr")["Y"])
    ... # doctest: +NORMALIZE_WHITESPACE
    Trop peu de chiffres pour juger si les chiffres de Y sont plus hauts ou plus bas que
    ceux des autres sources pour la même quantité (2 comparés).
    """
    w = words(lang, "track_record")
    t = translator(lang)
    facts = track_record_facts(table, min_compared=min_compared)
    style = get_style(lang=lang)

    def of(name: str) -> str:
        return style.prep("de", name)  # "d’UCDP" in French; English does not use it

    pct = w["percent"].format(n=format_number(level * 100, lang))
    freq = table.attrs.get("freq")
    where = _where(freq if isinstance(freq, str) else None, w)
    out: list[str] = []
    columns = zip(
        facts.index.astype(str),
        facts["verdict"].astype(str),
        facts["quantity"].to_numpy(dtype=object),
        facts["compared"].to_numpy(dtype=np.int64),
        facts["digits"].to_numpy(dtype=np.int64),
        facts["ratio"].to_numpy(dtype="float64"),
        facts["ratio_low"].to_numpy(dtype="float64"),
        facts["ratio_high"].to_numpy(dtype="float64"),
        strict=True,
    )
    for name, verdict, quantity, n, d, ratio, ratio_low, ratio_high in columns:
        q = quantity if isinstance(quantity, str) else None
        ends = max(_decimals(float(ratio_low), int(d)), _decimals(float(ratio_high), int(d)))
        whose = w["whose_of"].format(name=name, quantity=q) if q else w["whose"].format(name=name)
        fields = {
            "whose": whose,
            "others": (
                w["others_one"].format(name=others[name], of_name=of(others[name]))
                if others is not None and name in others
                else w["others"]
            ),
            "where": where,
            "n": format_number(int(n), lang),
            "pct": pct,
            # both ends of the interval to one precision ("4.0 to 5.6", "0.99 to 1.20")
            "lo": _ratio(float(ratio_low), ends, lang),
            "hi": _ratio(float(ratio_high), ends, lang),
            "ratio": _ratio(float(ratio), _decimals(float(ratio), int(d)), lang),
        }
        if verdict == "none":
            out.append(w["none"].format(where=where, name=name))
            continue
        if verdict == "too few" and int(n) == 0:
            # other sources spoke, but never with one consensus figure to divide by
            text = w["too_few_none"].format(**fields)
            out.append(text[:1].upper() + text[1:])
            continue
        key = {"too few": "too_few", "unclear": "unclear"}.get(verdict, "runs")
        if key != "too_few" and fields["lo"] == fields["hi"]:
            key += "_one"  # both ends of the interval read the same: say the value once
        text = t.plural(key, int(n), context="track_record", **fields)
        out.append(text[:1].upper() + text[1:])
    return pd.Series(out, index=facts.index, name="track_record", dtype=object)


def track_record_notes(
    frame: pd.DataFrame,
    by: list[str],
    labels: pd.Index,
    *,
    lang: str = "en",
    sources: object | None = None,
) -> list[str]:
    """Per group (in the order of ``labels``), the track-record sentences of its
    sources that the data support, joined ("" for most groups).

    A source's sentence is given only when :func:`track_record_facts` finds it runs
    higher or lower than the others (enough figures compared, its interval clear of
    1).  Claims are compared month by month when any is dated (undated claims are
    left out of the records), else quantity by quantity.

    Parameters
    ----------
    frame : DataFrame
        The claims ``describe`` tells (after its selection).
    by : list of str
        The group keys.
    labels : Index
        The groups of the paragraphs, as :func:`estimates._compute.reconcile.group_codes`
        gives them for ``frame``.
    lang : str
        Language of the sentences.
    sources : SourceBook, optional
        Aliases and kinds.

    Returns
    -------
    list of str
    """

    from .._compute.reconcile import group_codes
    from .._compute.reliability import track_record
    from .._compute.sources import agents_of
    from .._model.sources import SourceBook

    empty = [""] * len(labels)
    if not len(frame):
        return empty
    book = sources if isinstance(sources, SourceBook) else None
    freq = "M" if frame["stated_end"].notna().any() else None
    with silenced(EstimatesWarning):  # describe has warned of these claims already
        table = track_record(frame, by, freq=freq, sources=book)
    facts = track_record_facts(table)
    said = facts["verdict"].isin(["higher", "lower"]).to_numpy()
    if not said.any():
        return empty
    chosen = table[said]
    chosen.attrs.update(table.attrs)
    codes, own = group_codes(frame, by)
    agents = agents_of(frame, book, use_originals=True)
    names = pd.Series(agents.names.astype(str)[agents.code])
    # two sources in all: each sentence names the other one, not "other sources"
    speakers = names.unique()
    others = (
        {str(speakers[0]): str(speakers[1]), str(speakers[1]): str(speakers[0])}
        if len(speakers) == 2
        else None
    )
    text = track_record_sentences(chosen, lang=lang, others=others)
    pairs = pd.DataFrame({"group": codes[agents.claim], "text": names.map(text)})
    pairs = pairs.dropna().drop_duplicates()
    # sources in the order of the table (most claims first)
    rank = pd.Series(np.arange(len(text)), index=text.to_numpy())
    pairs = pairs.assign(rank=pairs["text"].map(rank).to_numpy()).sort_values(["group", "rank"])
    joined = pairs.groupby("group", sort=True)["text"].agg(" ".join)
    per_group = pd.Series(joined.to_numpy(), index=own[joined.index.to_numpy()])
    return [str(x) for x in per_group.reindex(labels).fillna("").to_numpy(dtype=object)]


def track_record_chart(table: pd.DataFrame, *, top: int = 15, lang: str = "en") -> Figure:
    """Per source: median ratio to the others' consensus and hit rate, with intervals.

    Parameters
    ----------
    table : DataFrame
        The result of :meth:`estimates.Claims.reliability`.
    top : int
        Sources shown: those with the most figures compared.
    lang : str
        Language of the labels (the catalogue's ``track_record`` context).

    Returns
    -------
    matplotlib.figure.Figure
    """
    w = words(lang, "track_record")
    shown = table[table["compared"] > 0].sort_values("compared", ascending=False).head(top)
    shown = shown.iloc[::-1]
    height = 1.2 + 0.32 * max(len(shown), 1)
    fig, _ = _figure_axes(None, height, 1)
    fig.clear()
    left, right = fig.subplots(1, 2, sharey=True, gridspec_kw={"width_ratios": [3, 2]})
    y = np.arange(len(shown))
    labels = [
        _plain(_wrap(f"{s} ({int(n)})", 34, 1))
        for s, n in zip(shown.index, shown["compared"], strict=True)
    ]
    bias = shown["bias"].to_numpy(dtype="float64")
    b_lo = shown["bias_low"].to_numpy(dtype="float64")
    b_hi = shown["bias_high"].to_numpy(dtype="float64")
    finite = np.concatenate(
        [bias[np.isfinite(bias)], b_lo[(b_lo > 0) & np.isfinite(b_lo)], b_hi[np.isfinite(b_hi)]]
    )
    lim_lo = min(float(finite.min()) if len(finite) else 1.0, 1.0) / 1.5
    lim_hi = max(float(finite.max()) if len(finite) else 1.0, 1.0) * 1.5
    draw_lo = np.where(b_lo > 0, b_lo, lim_lo)
    draw_hi = np.where(np.isfinite(b_hi), b_hi, lim_hi)
    has = np.isfinite(bias)
    open_ = has & ((b_lo <= 0) | ~np.isfinite(b_hi))
    left.hlines(y[has & ~open_], draw_lo[has & ~open_], draw_hi[has & ~open_], color="#4a6fa5")
    left.hlines(y[open_], draw_lo[open_], draw_hi[open_], color="#4a6fa5", linestyles="dotted")
    left.plot(bias[has], y[has], "o", color="#1f3b63")
    left.axvline(1.0, color="#888888", linewidth=0.8)
    left.set_xscale("log")
    left.set_xlim(lim_lo, lim_hi)
    left.set_xlabel(_plain(w["chart_ratio"]))
    left.set_yticks(y, labels)
    rate = shown["hit_rate"].to_numpy(dtype="float64")
    right.hlines(
        y,
        shown["hit_low"].to_numpy(dtype="float64"),
        shown["hit_high"].to_numpy(dtype="float64"),
        color="#a56f4a",
    )
    right.plot(rate, y, "o", color="#63391f")
    right.set_xlim(0, 1)
    right.set_xlabel(_plain(w["chart_hits"]))
    fig.suptitle(_plain(w["chart_title"]), fontsize="medium")
    return fig
