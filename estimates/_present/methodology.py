"""The methodology note: how figures were read, grouped, selected and compared.

:func:`methodology` writes a Markdown note to publish under a chart or an article:

1. **Scope**: how many claims, groups and sources, and how they were grouped.
2. **Definitions**: stated range, envelope, consensus, agreement, conflicts and verdict,
   one sentence each.
3. **How figures were read**: each conventions profile the figures used (name,
   description, references, from :func:`estimates.get_conventions`).
4. **Central estimate**: the strategy, in words.
5. **Sources**: each agent, how many claims it made, and its kind and other names
   when a :class:`~estimates.SourceBook` (or a ``source_kind`` column) says so.
6. **Revisions**: a source's successive claims on the same quantity, earlier to later.
7. **Left out**: flagged rows (with the reason), claims outside ``as_of``/``window``,
   undated claims, excluded kinds, superseded claims, repeats of one original source.

Everything that comes from the data is escaped (:func:`markdown_escape`), so a source
named ``*evil*`` or ``[x](javascript:alert(1))`` is shown as written, never as
formatting or a link.

Examples
--------
>>> import pandas as pd, estimates
>>> claims = estimates.read_claims(pd.DataFrame({
...     "quantity": ["troops"] * 2, "figure": ["10,000 soldiers", "up to 12,000 troops"],
...     "source": ["United States", "US intelligence"],
...     "stated": ["2024-W45", "2024-11-12"]}))
>>> note = methodology(claims)
>>> print(note.splitlines()[0])
# Methodology
>>> "## How figures were read" in note and "`default`" in note
True
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._compute.reconcile import ALL_STRATEGIES, _by_list, group_codes
from .._compute.sources import canonical_cells, dedupe_originals, kind_mask
from .._compute.time import as_of_mask, latest_per_source, to_day
from .._model.conventions import get_conventions
from .._model.errors import EstimatesWarning
from .._model.figure import Figure
from .._model.sources import SourceBook, split_agents
from .._table.schema import ERROR_COLUMN
from .sentences import OPTIONS, figure_phrase, join_agents_words
from .style import HouseStyle, get_style

if TYPE_CHECKING:  # pragma: no cover
    from .._table.claims import Claims

__all__ = ["markdown_escape", "methodology"]

#: Claims shown in one revision chain before the middle ones are elided.
MAX_CHAIN = 10
#: Rows listed per reason in "Left out" before "... and N more".
MAX_LISTED = 10

# Characters that can start formatting, a link, raw HTML or a table cell in CommonMark
# and GitHub Markdown, wherever they stand (line starts are never data here).
_BREAKS = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def markdown_escape(text: Any) -> str:
    """Text shown as written in Markdown: formatting characters backslash-escaped
    (CommonMark), line breaks folded into spaces.

    >>> print(markdown_escape("*evil* [x](javascript:alert(1))"))
    \\*evil\\* \\[x\\](javascript:alert(1))
    >>> print(markdown_escape("<script> | a_b"))
    \\<script\\> \\| a\\_b
    """
    s = "" if text is None else str(text)
    s = _BREAKS.sub(" ", s)
    return _SPECIAL.sub(r"\\\1", s)


_md = markdown_escape

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "# Methodology",
        "scope": (
            "This note covers {claims} on {groups}, from {sources}. Claims are grouped by "
            "{by}; within a group every figure is converted to the group's most common "
            "unit{unit}. Claims on different quantities are never pooled."
        ),
        "claims_1": "one claim",
        "claims_n": "{n} claims",
        "groups_1": "one quantity",
        "groups_n": "{n} quantities",
        "sources_1": "one source",
        "sources_n": "{n} sources",
        "unit": " (here: {unit})",
        "definitions": "## Definitions",
        "def_stated": (
            "**Stated range**: from the smallest to the largest number the sources "
            'actually stated; "up to 12,000" states 12,000 (not its floor of 0) and a '
            'vague "thousands" states no number.'
        ),
        "def_envelope": ("**Envelope**: the smallest interval that holds every claim's interval."),
        "def_consensus": (
            "**Consensus**: the values every claim allows, the intersection of their "
            "intervals; there is none as soon as two claims exclude each other."
        ),
        "def_agreement": (
            "**Agreement**: the sub-range supported by the most claims, with the number "
            "of claims that support it."
        ),
        "def_conflicts": (
            "**Conflicts**: the pairs of claims whose intervals do not meet (an excluded "
            "end counts as not meeting), with the gap between them."
        ),
        "def_verdict": (
            '**Verdict**: "agree" when a consensus exists, "conflict" when it does '
            'not, "single" for a lone claim.'
        ),
        "conventions": "## How figures were read",
        "conventions_intro": (
            "Each figure is read as an interval under a named conventions profile, "
            "recorded on the figure. The figures here use:"
        ),
        "profile": "### Conventions profile `{name}`",
        "references": "References:",
        "unknown_profile": "This profile is not registered in this session.",
        "no_profile": "No figure was read (no valid claims).",
        "strategy": "## Central estimate",
        "strategy_median": (
            "Strategy **median**: the median of the claims' central values (a claim's "
            'best value, or the midpoint of a stated range); ceilings ("up to"), floors '
            '("more than") and vague magnitudes state no central value and are left out.'
        ),
        "strategy_conservative": (
            "Strategy **conservative**: the lowest credible figure, as ACLED and UCDP do, "
            "the smallest best value or lower bound any claim gives (ceilings give none)."
        ),
        "strategy_midpoint": (
            "Strategy **midpoint**: the middle of the consensus range, or of the agreement "
            "range when there is no consensus."
        ),
        "strategy_latest": (
            "Strategy **latest**: the central value of the most recently stated claim."
        ),
        "strategy_weighted": (
            "Strategy **weighted**: the weighted mean of the claims' central values, "
            "weighted by source (weights from the source book, 1 by default)."
        ),
        "strategy_pooled": (
            "Strategy **pooled**: the median of a linear opinion pool, an equal-weight "
            "mixture of one distribution per claim, with its quantiles."
        ),
        "strategy_reliability": (
            "Strategy **reliability**: the weighted median of the claims' ranges, each "
            "claim weighted by its source's record against the estimates of every "
            "quantity at once (truth discovery); figures more than ten times off the "
            "others are set aside."
        ),
        "precision": (
            "Derived numbers in the sentences (central values, gaps) are rounded to the "
            "precision of the numbers the sources stated."
        ),
        "sources": "## Sources",
        "sources_head": "| Source | Claims | Kind | Also named |",
        "no_sources": "No claims were counted.",
        "no_source": "(no source given)",
        "revisions": "## Revisions",
        "revisions_intro": (
            "A source's successive claims on the same quantity, earlier to later "
            "(by date of statement):"
        ),
        "no_revisions": "No source made more than one dated claim on the same quantity.",
        "superseded_note": (
            "Only each source's latest claim per quantity was counted (latest_per_source)."
        ),
        "more_chain": "… ({n} claims in all) …",
        "excluded": "## Left out",
        "nothing_left_out": "No claim was left out.",
        "flagged": "Flagged invalid when read, so left out of every computation: {claims}",
        "time": "Stated after {as_of} (as_of): {claims}",
        "window": "Stated outside the window of {window} before {as_of}: {claims}",
        "undated": "Undated, so not placed in time for as_of/window: {claims}",
        "kinds": "By sources of an excluded kind ({kinds}): {claims}",
        "superseded": (
            "Superseded by a later claim of the same source (latest_per_source): {claims}"
        ),
        "deduped": "Repeating a figure of the same original source, counted once: {claims}",
        "row": "row {row}",
        "more": "… and {n} more",
        "arrow": " → ",
    },
    "fr": {
        "title": "# Méthodologie",
        "scope": (
            "Cette note porte sur {claims} concernant {groups}, de {sources}. Les "
            "affirmations sont regroupées par {by} ; dans chaque groupe, chaque chiffre "
            "est converti dans l’unité la plus fréquente du groupe{unit}. Des affirmations "
            "sur des quantités différentes ne sont jamais mises en commun."
        ),
        "claims_1": "une affirmation",
        "claims_n": "{n} affirmations",
        "groups_1": "une quantité",
        "groups_n": "{n} quantités",
        "sources_1": "une source",
        "sources_n": "{n} sources",
        "unit": " (ici : {unit})",
        "definitions": "## Définitions",
        "def_stated": (
            "**Fourchette avancée** : du plus petit au plus grand nombre effectivement "
            "avancé par les sources ; « jusqu’à 12 000 » avance 12 000 (pas son plancher "
            "de 0) et un vague « des milliers » n’avance aucun nombre."
        ),
        "def_envelope": (
            "**Enveloppe** : le plus petit intervalle contenant l’intervalle de chaque "
            "affirmation."
        ),
        "def_consensus": (
            "**Consensus** : les valeurs admises par toutes les affirmations, "
            "l’intersection de leurs intervalles ; il n’y en a pas dès que deux "
            "affirmations s’excluent."
        ),
        "def_agreement": (
            "**Accord** : la sous-plage soutenue par le plus grand nombre d’affirmations, "
            "avec ce nombre."
        ),
        "def_conflicts": (
            "**Conflits** : les paires d’affirmations dont les intervalles ne se "
            "rejoignent pas (une borne exclue ne rejoint pas), avec l’écart qui les "
            "sépare."
        ),
        "def_verdict": (
            "**Verdict** : « agree » (accord) quand un consensus existe, « conflict » "
            "quand il n’existe pas, « single » pour une affirmation isolée."
        ),
        "conventions": "## Lecture des chiffres",
        "conventions_intro": (
            "Chaque chiffre est lu comme un intervalle selon un profil de conventions "
            "nommé, enregistré avec le chiffre. Les chiffres utilisent ici :"
        ),
        "profile": "### Profil de conventions `{name}`",
        "references": "Références :",
        "unknown_profile": "Ce profil n’est pas enregistré dans cette session.",
        "no_profile": "Aucun chiffre n’a été lu (aucune affirmation valide).",
        "strategy": "## Estimation centrale",
        "strategy_median": (
            "Stratégie **median** : la médiane des valeurs centrales des affirmations "
            "(la meilleure valeur donnée, ou le milieu d’une fourchette) ; les plafonds "
            "(« jusqu’à »), les planchers (« plus de ») et les ordres de grandeur vagues "
            "n’en donnent pas et sont écartés."
        ),
        "strategy_conservative": (
            "Stratégie **conservative** : le chiffre crédible le plus bas, comme le font "
            "ACLED et l’UCDP, la plus petite valeur ou borne basse donnée (les plafonds "
            "n’en donnent pas)."
        ),
        "strategy_midpoint": (
            "Stratégie **midpoint** : le milieu de la plage de consensus, ou de la plage "
            "d’accord en l’absence de consensus."
        ),
        "strategy_latest": (
            "Stratégie **latest** : la valeur centrale de l’affirmation la plus récente."
        ),
        "strategy_weighted": (
            "Stratégie **weighted** : la moyenne des valeurs centrales pondérée par "
            "source (poids du carnet de sources, 1 par défaut)."
        ),
        "strategy_pooled": (
            "Stratégie **pooled** : la médiane d’une mise en commun linéaire des avis, "
            "mélange à poids égaux d’une distribution par affirmation, avec ses quantiles."
        ),
        "strategy_reliability": (
            "Stratégie **reliability** : la médiane pondérée des plages des affirmations, "
            "chacune pondérée par le bilan de sa source face aux estimations de toutes "
            "les quantités à la fois ; les chiffres plus de dix fois éloignés des autres "
            "sont écartés."
        ),
        "precision": (
            "Les nombres dérivés des phrases (valeurs centrales, écarts) sont arrondis à "
            "la précision des nombres avancés par les sources."
        ),
        "sources": "## Sources",
        "sources_head": "| Source | Affirmations | Type | Autres noms |",
        "no_sources": "Aucune affirmation n’a été comptée.",
        "no_source": "(source non précisée)",
        "revisions": "## Révisions",
        "revisions_intro": (
            "Les affirmations successives d’une même source sur une même quantité, de la "
            "plus ancienne à la plus récente (par date de déclaration) :"
        ),
        "no_revisions": (
            "Aucune source n’a fait plus d’une affirmation datée sur une même quantité."
        ),
        "superseded_note": (
            "Seule la dernière affirmation de chaque source par quantité a été comptée "
            "(latest_per_source)."
        ),
        "more_chain": "… ({n} affirmations en tout) …",
        "excluded": "## Affirmations écartées",
        "nothing_left_out": "Aucune affirmation n’a été écartée.",
        "flagged": (
            "Signalées invalides à la lecture, donc écartées de tous les calculs : {claims}"
        ),
        "time": "Déclarées après le {as_of} (as_of) : {claims}",
        "window": "Déclarées hors de la fenêtre de {window} avant le {as_of} : {claims}",
        "undated": "Sans date de déclaration, donc impossibles à situer (as_of/window) : {claims}",
        "kinds": "De sources d’un type écarté ({kinds}) : {claims}",
        "superseded": (
            "Remplacées par une affirmation plus récente de la même source "
            "(latest_per_source) : {claims}"
        ),
        "deduped": (
            "Répétant un chiffre de la même source d’origine, comptées une fois : {claims}"
        ),
        "row": "ligne {row}",
        "more": "… et {n} de plus",
        "arrow": " → ",
    },
}


def _french_spacing(text: str) -> str:
    return (
        text.replace(" :", "\u00a0:")
        .replace(" ;", "\u202f;")
        .replace("« ", "«\u00a0")
        .replace(" »", "\u00a0»")
    )


_WORDS["fr"] = {k: _french_spacing(v) for k, v in _WORDS["fr"].items()}


def methodology(
    claims: Claims,
    *,
    by: str | Sequence[str] = "quantity",
    strategy: str = "median",
    sources: SourceBook | None = None,
    lang: str = "en",
    **options: Any,
) -> str:
    """A Markdown methodology note for a reconciliation of ``claims``.

    Parameters
    ----------
    claims : Claims
    by : str or list of str
        Grouping column(s), as for ``reconcile``.
    strategy : str
        The central-estimate strategy to explain.
    sources : SourceBook, optional
        Aliases and kinds of sources (listed in the Sources section).
    lang : str
        ``"en"`` or ``"fr"``.
    **options
        The selection (``as_of``, ``window``, ``latest_per_source``,
        ``exclude_kinds``, ``dedupe``), said in "Left out"; the other options of
        ``describe`` (``weights``, ``unit``, ``cumulative`` ...) are accepted so the
        same options can be passed to every presentation function.

    Returns
    -------
    str
        Markdown, with every value from the data escaped.

    Raises
    ------
    ValueError
        For an unknown language or strategy.
    TypeError
        For an unknown option.
    """
    st = get_style(None, lang)
    w = _WORDS[st.lang]
    by_ = _by_list(by)
    if strategy not in ALL_STRATEGIES:
        raise ValueError(f"strategy={strategy!r}: expected one of {', '.join(ALL_STRATEGIES)}")
    accepted = tuple(
        o for step in OPTIONS.values() for o in step if o not in ("strategy", "sources")
    )
    unknown = sorted(set(options) - set(accepted))
    if unknown:
        raise TypeError(
            f"methodology() got unexpected option(s) {', '.join(map(repr, unknown))}; "
            f"accepted: {', '.join(accepted)}"
        )
    steps = _selection(claims._frame, by_, sources, options)
    chosen = steps["chosen"]
    out = [w["title"], "", _scope(chosen, by_, sources, st, w, options.get("unit")), ""]
    out += _definitions(w)
    out += _conventions(chosen, w)
    out += [w["strategy"], "", w[f"strategy_{strategy}"], "", w["precision"], ""]
    out += _sources(chosen, sources, w)
    out += _revisions(
        steps["timed"], by_, sources, st, w, bool(options.get("latest_per_source", False))
    )
    out += _left_out(steps, st, w, options)
    return "\n".join(out).rstrip() + "\n"


# ---------------------------------------------------------------------- selection
def _selection(
    frame: pd.DataFrame, by: list[str], book: SourceBook | None, options: dict[str, Any]
) -> dict[str, Any]:
    """The filters of ``reconcile``'s selection, step by step, keeping what each drops."""
    out: dict[str, Any] = {}
    if ERROR_COLUMN in frame.columns:
        bad = frame[ERROR_COLUMN].notna().to_numpy()
        out["flagged"] = frame[bad]
        frame = frame[~bad]
    else:
        out["flagged"] = frame.iloc[:0]
    as_of, window = options.get("as_of"), options.get("window")
    out["undated"] = out["time"] = frame.iloc[:0]
    if as_of is not None or window is not None:
        with warnings.catch_warnings():  # the note says it: no warning needed
            warnings.simplefilter("ignore", EstimatesWarning)
            mask = as_of_mask(frame, as_of, window)
        if mask is not None:
            dated = frame["stated_end"].notna().to_numpy()
            out["undated"] = frame[~dated]
            out["time"] = frame[dated & ~mask]
            frame = frame[mask]
    kinds = options.get("exclude_kinds", ())
    kinds = [kinds] if isinstance(kinds, str) else list(kinds)
    out["kinds"] = frame.iloc[:0]
    if kinds:
        hit = kind_mask(frame, kinds, book)
        out["kinds"] = frame[hit]
        frame = frame[~hit]
    out["timed"] = frame
    out["superseded"] = frame.iloc[:0]
    if options.get("latest_per_source", False):
        kept = latest_per_source(frame, by, canonical_cells(frame, book))
        keep = np.zeros(len(frame), dtype=bool)
        keep[kept] = True
        out["superseded"] = frame[~keep]
        frame = frame[keep]
    out["deduped"] = frame.iloc[:0]
    if options.get("dedupe", True):
        kept_frame = dedupe_originals(frame, by)
        out["deduped"] = (
            frame[~frame.index.isin(kept_frame.index)]
            if len(kept_frame) < len(frame)
            else frame.iloc[:0]
        )
        frame = kept_frame
    out["chosen"] = frame
    return out


# ---------------------------------------------------------------------- sections
def _count(n: int, key: str, w: dict[str, str], st: HouseStyle) -> str:
    return w[f"{key}_1"] if n == 1 else w[f"{key}_n"].format(n=st.count_word(n))


def _scope(
    frame: pd.DataFrame,
    by: list[str],
    book: SourceBook | None,
    st: HouseStyle,
    w: dict[str, str],
    unit: str | None,
) -> str:
    groups = len(group_codes(frame, by)[1]) if len(frame) else 0
    agents = _agent_table(frame, book)
    by_text = st.list([f"`{_code(b)}`" for b in by])
    return w["scope"].format(
        claims=_count(len(frame), "claims", w, st),
        groups=_count(groups, "groups", w, st),
        sources=_count(len(agents), "sources", w, st),
        by=by_text,
        unit=w["unit"].format(unit=f"`{_code(unit)}`") if unit else "",
    )


def _code(text: Any) -> str:
    """Text for inside backticks (no backtick can end the code span early)."""
    return " ".join(str(text).replace("`", "'").split())


def _definitions(w: dict[str, str]) -> list[str]:
    keys = ("stated", "envelope", "consensus", "agreement", "conflicts", "verdict")
    return [w["definitions"], "", *(f"- {w['def_' + k]}" for k in keys), ""]


def _conventions(frame: pd.DataFrame, w: dict[str, str]) -> list[str]:
    out = [w["conventions"], ""]
    names = [str(p) for p in pd.unique(frame["profile"].dropna())] if len(frame) else []
    if not names:
        return [*out, w["no_profile"], ""]
    out += [w["conventions_intro"], ""]
    for name in names:
        out += [w["profile"].format(name=_code(name)), ""]
        try:
            conv = get_conventions(name)
        except KeyError:
            out += [w["unknown_profile"], ""]
            continue
        out += [_md(conv.description), ""]
        if conv.references:
            out += [w["references"], "", *(f"- {_md(r)}" for r in conv.references), ""]
    return out


def _agent_table(frame: pd.DataFrame, book: SourceBook | None) -> pd.DataFrame:
    """Per canonical agent: claims, kinds (from the book or a source_kind column), and
    the other names it appears under.  Loops over distinct source cells only."""
    if not len(frame):
        return pd.DataFrame(columns=["claims", "kind", "aliases"])
    book = book or SourceBook()
    cells = frame["source"].astype(object).where(frame["source"].notna(), None)
    kind_col = frame["source_kind"].astype(object) if "source_kind" in frame.columns else None
    rows: dict[str, dict[str, Any]] = {}
    codes, uniques = pd.factorize(cells, use_na_sentinel=True)
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    anonymous = int((codes < 0).sum())
    for u, (cell, n) in enumerate(zip(uniques, counts, strict=True)):
        kinds_here = set()
        if kind_col is not None:
            kinds_here = {str(k) for k in pd.unique(kind_col[codes == u].dropna())}
        for raw in split_agents(str(cell)):
            name = book.canonical(raw)
            row = rows.setdefault(name, {"claims": 0, "kind": set(), "aliases": set()})
            row["claims"] += int(n)
            if raw != name:
                row["aliases"].add(raw)
            kind = book.kind(raw)
            if kind:
                row["kind"].add(kind)
            row["kind"] |= kinds_here
    table = pd.DataFrame.from_dict(rows, orient="index")
    if anonymous:
        table.loc["\x00"] = {"claims": anonymous, "kind": set(), "aliases": set()}
    return table.sort_values("claims", ascending=False, kind="stable")


def _sources(frame: pd.DataFrame, book: SourceBook | None, w: dict[str, str]) -> list[str]:
    out = [w["sources"], ""]
    table = _agent_table(frame, book)
    if not len(table):
        return [*out, w["no_sources"], ""]
    head = [c.strip() for c in w["sources_head"].strip("|").split("|")]
    kinds = [", ".join(_md(k) for k in sorted(v)) for v in table["kind"]]
    aliases = [", ".join(_md(a) for a in sorted(v)) for v in table["aliases"]]
    keep = [True, True, any(kinds), any(aliases)]
    cols = [h for h, k in zip(head, keep, strict=True) if k]
    out += [
        "| " + " | ".join(cols) + " |",
        "|" + "|".join(["---", "---:", "---", "---"][: len(cols)]) + "|",
    ]
    for i, (name, row) in enumerate(table.iterrows()):
        shown = w["no_source"] if name == "\x00" else _md(name)
        cells = [shown, f"{row['claims']:,}", kinds[i], aliases[i]]
        out.append("| " + " | ".join(c for c, k in zip(cells, keep, strict=True) if k) + " |")
    return [*out, ""]


def _revisions(
    frame: pd.DataFrame,
    by: list[str],
    book: SourceBook | None,
    st: HouseStyle,
    w: dict[str, str],
    superseded: bool,
) -> list[str]:
    out = [w["revisions"], ""]
    dated = frame[frame["stated_end"].notna() & frame["source"].notna()]
    chains: list[str] = []
    if len(dated):
        cells = canonical_cells(dated, book)
        keys = dated[by].astype(object).to_numpy()
        d = dated.assign(_cell=cells, _key=[tuple(k) for k in keys], _pos=np.arange(len(dated)))
        d = d.sort_values("stated_end", kind="stable")
        for (key, cell), part in d.groupby(["_key", "_cell"], sort=True):
            if len(part) < 2:
                continue
            steps = [_step(row, st) for _, row in part.iterrows()]
            if len(steps) > MAX_CHAIN:
                half = MAX_CHAIN // 2 - 1
                steps = [*steps[:half], w["more_chain"].format(n=len(steps)), *steps[-half:]]
            who = join_agents_words(cell.split("; "), st)
            label = " ".join(str(k) for k in key)
            chains.append(f"- **{_md(who)}**, {_md(label)}: {w['arrow'].join(steps)}")
    if not chains:
        out += [w["no_revisions"], ""]
    else:
        out += [w["revisions_intro"], "", *chains, ""]
    if superseded:
        out += [w["superseded_note"], ""]
    return out


def _step(row: pd.Series, st: HouseStyle) -> str:
    fig = _row_figure(row)
    words = figure_phrase(fig, st)
    when = st.date(row["stated_start"].date(), row["stated_end"].date())
    return f"{_md(words)} ({_md(when)})"


def _row_figure(row: pd.Series) -> Figure:
    def opt(v: Any) -> Any:
        return None if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v

    return Figure(
        float(row["low"]),
        float(row["high"]),
        bool(row["low_closed"]),
        bool(row["high_closed"]),
        best=opt(row["best"]),
        hedge=str(row["hedge"]),
        unit=opt(row["unit"]) or "",
        text=opt(row["text"]),
        profile=opt(row["profile"]) or "default",
    )


def _left_out(
    steps: dict[str, Any], st: HouseStyle, w: dict[str, str], options: dict[str, Any]
) -> list[str]:
    out = [w["excluded"], ""]
    as_of = options.get("as_of")
    when = st.day(to_day(as_of).date()) if as_of is not None else ""
    kinds = options.get("exclude_kinds", ())
    kinds = [kinds] if isinstance(kinds, str) else list(kinds)
    parts = [
        ("flagged", {}),
        (
            "time" if options.get("window") is None else "window",
            {"as_of": _md(when), "window": _md(options.get("window"))},
        ),
        ("undated", {}),
        ("kinds", {"kinds": ", ".join(_md(k) for k in kinds)}),
        ("superseded", {}),
        ("deduped", {}),
    ]
    said = False
    for key, fields in parts:
        rows = steps["time" if key == "window" else key]
        if not len(rows):
            continue
        said = True
        out += [w[key].format(claims=_count(len(rows), "claims", w, st), **fields), ""]
        out += [
            f"- {_row_text(label, row, st, w, key == 'flagged')}"
            for label, row in rows.head(MAX_LISTED).iterrows()
        ]
        if len(rows) > MAX_LISTED:
            out.append(f"- {w['more'].format(n=f'{len(rows) - MAX_LISTED:,}')}")
        out.append("")
    if not said:
        out += [w["nothing_left_out"], ""]
    return out


def _row_text(label: Any, row: pd.Series, st: HouseStyle, w: dict[str, str], flagged: bool) -> str:
    parts = [w["row"].format(row=_md(label))]
    source = row.get("source")
    if isinstance(source, str) and source:
        parts.append(_md(source))
    text = row.get("text")
    if isinstance(text, str) and text:
        parts.append(_md(st.quote(text)))
    elif not flagged:
        parts.append(_md(figure_phrase(_row_figure(row), st)))
    start, end = row.get("stated_start"), row.get("stated_end")
    if not (pd.isna(start) or pd.isna(end)):
        parts.append(_md(st.date(start.date(), end.date())))
    if flagged:
        parts.append(_md(row.get(ERROR_COLUMN)))
    return ", ".join(parts)
