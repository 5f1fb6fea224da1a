"""The methodology note: how figures were read, grouped, selected and compared.

:func:`methodology_document` builds the note once, as a small document tree
(:mod:`estimates._present.document`), rendered to Markdown (:func:`methodology`,
``Document.to_markdown``) or HTML (``Document.to_html``), in the words of the
language's message catalogue (context ``methodology``):

1. **Scope**: how many claims, groups and sources, and how they were grouped.
2. **Definitions**: stated range, envelope, consensus, agreement, conflicts and verdict.
3. **How figures were read**: each conventions profile the figures used.
4. **Comparison**: the comparison window and revisions (the same
   :class:`~estimates._compute.selection.Comparison` rule ``reconcile`` applies).
5. **Central estimate**: the strategy, in words.
6. **Sources**: each agent, how many claims it made, its kind and other names.
7. **Revisions**: a source's successive claims on the same quantity.
8. **Left out**: what each step of the :class:`~estimates._compute.selection.Selection`
   dropped, read from the trace of the very selection that was applied (no second
   copy of the selection rules here).

Everything that comes from the data is a plain text node, escaped in both outputs, so
a source named ``*evil*`` or ``[x](javascript:alert(1))`` is shown as written.

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
>>> methodology_document(claims, lang="fr").to_html().startswith("<h1>Méthodologie</h1>")
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._compute.reconcile import group_codes
from .._compute.reliability import discover_frame
from .._compute.selection import Comparison, Selection, Trace, as_frame, by_list
from .._compute.sources import canonical_cells
from .._compute.time import to_day
from .._i18n import Words, words
from .._model.conventions import ACLED, CCC, DEFAULT, Conventions, get_conventions
from .._model.errors import EstimatesWarning
from .._model.silencing import silenced
from .._model.sources import SourceBook, split_agents
from .._table.schema import ERROR_COLUMN, row_figure
from .document import (
    Block,
    Bullets,
    Code,
    Document,
    Heading,
    Inline,
    Paragraph,
    Strong,
    Table,
    Text,
    fill,
    markdown_escape,
)
from .format import format_number
from .sentences import figure_phrase, group_label, join_agents_words
from .style import HouseStyle, get_style

__all__ = ["markdown_escape", "methodology", "methodology_document"]

#: Claims shown in one revision chain before the middle ones are elided.
MAX_CHAIN = 10
#: Rows listed per reason in "Left out" before "... and N more".
MAX_LISTED = 10


def _heading(template: str, **fields: Any) -> Heading:
    level = len(template) - len(template.lstrip("#"))
    return Heading(max(level, 1), fill(template.lstrip("#").strip(), **fields))


def methodology_document(
    claims: pd.DataFrame,
    *,
    lang: str = "en",
    by: str | Sequence[str] = "quantity",
    selection: Selection | None = None,
    comparison: Comparison | None = None,
) -> Document:
    """The methodology note of a reconciliation, as a document tree.

    ``claims`` is a claims frame; ``lang`` and ``by`` are those of
    :meth:`estimates.Claims.methodology`, ``selection`` which claims count and
    ``comparison`` how they are compared and summarised (defaults: as ``reconcile``).
    The selection is applied once (:meth:`Selection.apply`) and the note describes
    its trace.

    Raises
    ------
    LanguageError
        For a language without a catalogue.
    """
    st = get_style(None, lang)
    w = words(st.lang, "methodology")
    by_ = by_list(by)
    sel = selection or Selection()
    how = comparison or Comparison()
    frame = as_frame(claims)
    with silenced(EstimatesWarning):  # the note says what was left out: no warning needed
        chosen, trace = sel.apply(frame, by_)
    book = sel.sources
    blocks: list[Block] = [_heading(w["title"])]
    blocks.append(Paragraph(_scope(chosen, by_, book, st, w, how.unit)))
    blocks += _definitions(w)
    blocks += _conventions(chosen, w)
    blocks += _comparison(w, how.span)
    blocks += [
        _heading(w["strategy"]),
        Paragraph(fill(w[f"strategy_{how.strategy}"])),
        Paragraph(fill(w["precision"])),
    ]
    if how.strategy == "reliability":
        blocks += _reliability_weights(chosen, by_, book, how.unit, w)
    blocks += _sources(chosen, book, w)
    timed = frame.loc[
        frame.index.difference(
            _dropped(trace, "flagged", "as_of", "window", "exclude_kinds"), sort=False
        )
    ]
    blocks += _revisions(timed, by_, book, st, w, sel.latest_per_source)
    blocks += _left_out(frame, trace, sel, st, w)
    return Document(tuple(blocks))


def methodology(
    claims: pd.DataFrame,
    *,
    lang: str = "en",
    by: str | Sequence[str] = "quantity",
    selection: Selection | None = None,
    comparison: Comparison | None = None,
) -> str:
    """The methodology note in Markdown (see :func:`methodology_document`)."""
    return methodology_document(
        claims, lang=lang, by=by, selection=selection, comparison=comparison
    ).to_markdown()


def _dropped(trace: Trace, *codes: str) -> pd.Index:
    labels: list[object] = []
    for code in codes:
        labels.extend(trace.dropped(code))
    return pd.Index(labels)


# ---------------------------------------------------------------------- sections
def _count(n: int, key: str, w: Words, st: HouseStyle) -> str:
    return w[f"{key}_1"] if n == 1 else w[f"{key}_n"].format(n=st.count_word(n))


def _codes(items: Sequence[Any], st: HouseStyle) -> list[Inline]:
    """Column names as code spans, joined with the language's list pattern."""
    marks = [f"\x00{i}\x00" for i in range(len(items))]
    joined = st.list(marks)
    out: list[Inline] = []
    for k, part in enumerate(joined.split("\x00")):
        if k % 2:
            out.append(Code(str(items[int(part)])))
        elif part:
            out.append(Text(part))
    return out


def _scope(
    frame: pd.DataFrame,
    by: list[str],
    book: SourceBook | None,
    st: HouseStyle,
    w: Words,
    unit: str | None,
) -> list[Inline]:
    groups = len(group_codes(frame, by)[1]) if len(frame) else 0
    agents = _agent_table(frame, book)
    return fill(
        w["scope"],
        claims=_count(len(frame), "claims", w, st),
        groups=_count(groups, "groups", w, st),
        sources=_count(len(agents), "sources", w, st),
        by=_codes(by, st),
        unit=fill(w["unit"], unit=Code(str(unit))) if unit else "",
    )


def _definitions(w: Words) -> list[Block]:
    keys = ("stated", "envelope", "consensus", "agreement", "conflicts", "verdict")
    return [_heading(w["definitions"]), Bullets([fill(w["def_" + k]) for k in keys])]


#: The profiles that ship with the package: their descriptions are in the catalogues.
_SHIPPED = {c.name: c for c in (DEFAULT, ACLED, CCC)}


def _profile_description(conv: Conventions, w: Words) -> str:
    """A profile's description in the note's language: the catalogue's words for a
    shipped profile, the registry's text for a profile a user registered (or changed).

    >>> from estimates._model.conventions import CCC
    >>> _profile_description(CCC, words("fr", "methodology")).startswith("Lecture des tailles")
    True
    """
    if _SHIPPED.get(conv.name) == conv:
        found = w.get(f"profile_description_{conv.name}")
        if found:
            return str(found)
    return conv.description


def _conventions(frame: pd.DataFrame, w: Words) -> list[Block]:
    out: list[Block] = [_heading(w["conventions"])]
    names = [str(p) for p in pd.unique(frame["profile"].dropna())] if len(frame) else []
    if not names:
        return [*out, Paragraph(fill(w["no_profile"]))]
    out.append(Paragraph(fill(w["conventions_intro"])))
    for name in names:
        out.append(_heading(w["profile"].replace("`{name}`", "{name}"), name=Code(name)))
        try:
            conv = get_conventions(name)
        except KeyError:
            out.append(Paragraph(fill(w["unknown_profile"])))
            continue
        out.append(Paragraph([Text(_profile_description(conv, w))]))
        if conv.references:
            out += [
                Paragraph(fill(w["references"])),
                Bullets([[Text(r)] for r in conv.references]),
            ]
    return out


def _comparison(w: Words, span: pd.Timedelta | None) -> list[Block]:
    """The comparison rule ``reconcile`` applies (the window of the same :class:`Comparison`)."""
    rule = w["compare_all"] if span is None else w["compare_within"]
    days = "" if span is None else str(span.days)
    return [
        _heading(w["comparison"]),
        Paragraph(fill(rule, days=days)),
        Paragraph(fill(w["revisions_rule"])),
    ]


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
        kinds_here: set[str] = set()
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
        none: dict[str, Any] = {"claims": anonymous, "kind": set(), "aliases": set()}
        table.loc["\x00"] = pd.Series(none)
    return table.sort_values("claims", ascending=False, kind="stable")


def _reliability_weights(
    frame: pd.DataFrame, by: list[str], book: SourceBook | None, unit: str | None, w: Words
) -> list[Block]:
    """The weights the ``reliability`` strategy learned, per source, with the record
    they were learned from (claims right of claims counted), heaviest first."""
    if not len(frame):
        return []
    with silenced(EstimatesWarning):
        _, src = discover_frame(frame, by, sources=book, unit=unit)
    if not len(src):
        return []
    src = src.sort_values(["weight", "count"], ascending=False, kind="stable")
    head = [c.strip() for c in w["weights_head"].strip().strip("|").split("|")]
    rows = [
        [
            [Text(str(name))],
            [Text(format_number(round(float(weight), 2), w.lang))],
            [
                Text(
                    w["weights_record"].format(
                        right=format_number(round(float(right), 1), w.lang),
                        count=format_number(round(float(count), 1), w.lang),
                    )
                )
            ],
        ]
        for name, weight, right, count in zip(
            src.index, src["weight"], src["right"], src["count"], strict=True
        )
    ]
    return [
        Paragraph(fill(w["weights_intro"])),
        Table(head, rows, ("left", "right", "right")),
    ]


def _sources(frame: pd.DataFrame, book: SourceBook | None, w: Words) -> list[Block]:
    out: list[Block] = [_heading(w["sources"])]
    table = _agent_table(frame, book)
    if not len(table):
        return [*out, Paragraph(fill(w["no_sources"]))]
    head = [c.strip() for c in w["sources_head"].strip().strip("|").split("|")]
    kinds = [", ".join(sorted(v)) for v in table["kind"]]
    aliases = [", ".join(sorted(v)) for v in table["aliases"]]
    keep = [True, True, any(kinds), any(aliases)]
    align = [a for a, k in zip(("left", "right", "left", "left"), keep, strict=True) if k]
    rows = []
    for i, (name, row) in enumerate(table.iterrows()):
        shown = w["no_source"] if name == "\x00" else str(name)
        cells = [shown, format_number(row["claims"], w.lang), kinds[i], aliases[i]]
        rows.append([[Text(c)] for c, k in zip(cells, keep, strict=True) if k])
    cols = [h for h, k in zip(head, keep, strict=True) if k]
    return [*out, Table(cols, rows, align), *_alias_candidates(frame, book, w)]


def _alias_candidates(frame: pd.DataFrame, book: SourceBook | None, w: Words) -> list[Block]:
    """The names that may name one source (counted apart until given one name)."""
    from .._compute.aliases import alias_candidates

    pairs = alias_candidates(frame, book)
    if not len(pairs):
        return []
    head = [c.strip() for c in w["alias_head"].strip().strip("|").split("|")]
    rows = [
        [[Text(str(a))], [Text(str(b))], [Text(w[f"alias_{reason}"])]]
        for a, b, reason in zip(pairs["name"], pairs["other"], pairs["reason"], strict=True)
    ]
    return [Paragraph(fill(w["alias_intro"])), Table(head, rows, ("left", "left", "left"))]


def _revisions(
    frame: pd.DataFrame,
    by: list[str],
    book: SourceBook | None,
    st: HouseStyle,
    w: Words,
    superseded: bool,
) -> list[Block]:
    out: list[Block] = [_heading(w["revisions"])]
    dated = frame[frame["stated_end"].notna() & frame["source"].notna()]
    chains: list[list[Inline]] = []
    if len(dated):
        cells = canonical_cells(dated, book)
        keys = dated[by].astype(object).to_numpy()
        key_col = pd.Series([tuple(k) for k in keys], index=dated.index, dtype=object)
        d = dated.assign(_cell=cells, _key=key_col, _pos=np.arange(len(dated)))
        d = d.sort_values("stated_end", kind="stable")
        for (key, cell), part in d.groupby(["_key", "_cell"], sort=True):
            if len(part) < 2:
                continue
            steps = [_step(row, st) for _, row in part.iterrows()]
            if len(steps) > MAX_CHAIN:
                half = MAX_CHAIN // 2 - 1
                steps = [*steps[:half], w["more_chain"].format(n=len(steps)), *steps[-half:]]
            who = join_agents_words(str(cell).split("; "), st)
            parts = tuple(key) if isinstance(key, tuple) else (key,)
            label = group_label(parts if len(parts) > 1 else parts[0])
            chains.append([Strong(who), Text(f", {label}: {w['arrow'].join(steps)}")])
    if not chains:
        out.append(Paragraph(fill(w["no_revisions"])))
    else:
        out += [Paragraph(fill(w["revisions_intro"])), Bullets(chains)]
    if superseded:
        out.append(Paragraph(fill(w["superseded_note"])))
    return out


def _step(row: pd.Series, st: HouseStyle) -> str:
    fig = row_figure(row)
    words = figure_phrase(fig, st)
    when = st.date(row["stated_start"].date(), row["stated_end"].date())
    return f"{words} ({when})"


def _left_out(
    frame: pd.DataFrame, trace: Trace, sel: Selection, st: HouseStyle, w: Words
) -> list[Block]:
    """What each step of the applied selection dropped, from its trace."""
    out: list[Block] = [_heading(w["excluded"])]
    as_of = sel.as_of
    when = st.day(to_day(as_of).date()) if as_of is not None else ""
    timed = frame.loc[_dropped(trace, "as_of", "window")]
    dated = timed["stated_end"].notna().to_numpy()
    after = (
        dated & (timed["stated_end"] > to_day(as_of)).to_numpy()
        if as_of is not None
        else (np.zeros(len(timed), dtype=bool))
    )
    parts: list[tuple[str, pd.DataFrame, dict[str, Any]]] = [
        ("flagged", frame.loc[_dropped(trace, "flagged")], {}),
        ("time", timed[after], {"as_of": when}),
        ("window", timed[dated & ~after], {"as_of": when, "window": str(sel.window)}),
        ("undated", timed[~dated], {}),
        (
            "kinds",
            frame.loc[_dropped(trace, "exclude_kinds")],
            {"kinds": ", ".join(sel.exclude_kinds)},
        ),
        ("superseded", frame.loc[_dropped(trace, "latest_per_source")], {}),
        ("deduped", frame.loc[_dropped(trace, "dedupe")], {}),
    ]
    said = False
    for key, rows, fields in parts:
        if not len(rows):
            continue
        said = True
        out.append(Paragraph(fill(w[key], claims=_count(len(rows), "claims", w, st), **fields)))
        items = [
            [Text(_row_text(label, row, st, w, key == "flagged"))]
            for label, row in rows.head(MAX_LISTED).iterrows()
        ]
        if len(rows) > MAX_LISTED:
            items.append([Text(w["more"].format(n=format_number(len(rows) - MAX_LISTED, w.lang)))])
        out.append(Bullets(items))
    if not said:
        out.append(Paragraph(fill(w["nothing_left_out"])))
    return out


def _row_text(label: Any, row: pd.Series, st: HouseStyle, w: Words, flagged: bool) -> str:
    parts = [w["row"].format(row=label)]
    source = row.get("source")
    if isinstance(source, str) and source:
        parts.append(source)
    text = row.get("text")
    if isinstance(text, str) and text:
        parts.append(st.quote(text))
    elif not flagged:
        parts.append(figure_phrase(row_figure(row), st))
    start, end = row.get("stated_start"), row.get("stated_end")
    if not (pd.isna(start) or pd.isna(end)):
        parts.append(st.date(start.date(), end.date()))
    if flagged:
        parts.append(str(row.get(ERROR_COLUMN)))
    return ", ".join(parts)
