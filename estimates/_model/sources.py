"""Sources: who said a figure, under which names, and how much their word weighs.

A claim has one or several *agents* ("US, South Korean and Ukrainian intelligence" is
one claim by three agents).  In a claims table the agents of a claim sit in one
``source`` cell, separated by ``;`` — the separator UCDP uses for its source lists::

    US intelligence; South Korean intelligence; Ukrainian intelligence

A :class:`SourceBook` holds what the user knows about sources: aliases (``UK MoD`` is
``UK Ministry of Defence``), a kind per source (``warring party``, ``media``...) and
weights (per source or per kind).  Reconciliation asks it; nothing else hard-codes a
source name.

Examples
--------
>>> split_agents("US intelligence; South Korean intelligence")
('US intelligence', 'South Korean intelligence')
>>> book = SourceBook(aliases={"UK Ministry of Defence": "UK MoD"},
...                   kinds={"UK MoD": "government"})
>>> book.canonical("uk ministry of defence")
'UK MoD'
>>> book.kind("UK Ministry of Defence")
'government'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .errors import FigureError

__all__ = ["AGENT_SEPARATOR", "SourceBook", "join_agents", "split_agents"]

AGENT_SEPARATOR = ";"


#: Brackets inside which the separator belongs to one agent's name.
_OPEN, _CLOSE = "([{", ")]}"


def split_agents(cell: str | None) -> tuple[str, ...]:
    """The agents of a ``source`` cell, in order, blanks and duplicates removed.

    The separator ``;`` parts agents only outside brackets: a name such as
    "Dutch Military Intelligence (MIVD; note, timing clarified via email)" is one agent,
    never two.  One linear scan.

    >>> split_agents("MIVD (note; by email); CSIS")
    ('MIVD (note; by email)', 'CSIS')
    """
    if cell is None:
        return ()
    text = str(cell)
    if any(b in text for b in _OPEN):
        parts = _split_outside_brackets(text)
    else:  # the common case: a plain split, in C
        parts = text.split(AGENT_SEPARATOR)
    clean = (" ".join(p.split()) for p in parts)
    return tuple(dict.fromkeys(p for p in clean if p))


def _split_outside_brackets(text: str) -> list[str]:
    """``text`` split at the separator wherever no bracket is open (one linear scan)."""
    parts: list[str] = []
    depth = start = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(depth - 1, 0)
        elif ch == AGENT_SEPARATOR and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def join_agents(agents: Iterable[str] | str | None) -> str | None:
    """The ``source`` cell for a list of agents (``None`` when there are none).

    Raises
    ------
    FigureError
        If an agent's name holds the separator ``;``.
    """
    if agents is None:
        return None
    if isinstance(agents, str):
        agents = split_agents(agents)
    clean: list[str] = []
    for a in agents:
        if not isinstance(a, str):
            raise FigureError("source", a, "an agent name (a string)")
        name = " ".join(a.split())
        if len(split_agents(name)) > 1:
            raise FigureError(
                "source",
                a,
                f"an agent name without {AGENT_SEPARATOR!r} outside brackets "
                "(it separates agents)",
            )
        if name and name not in clean:
            clean.append(name)
    return f"{AGENT_SEPARATOR} ".join(clean) if clean else None


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class SourceBook:
    """What the user knows about sources: aliases, kinds and weights.

    Parameters
    ----------
    aliases : mapping of str to str
        Alternative name -> canonical name.  Matching ignores case and spacing.
    kinds : mapping of str to str
        Canonical name -> kind ("warring party", "government", "media" ...).
    weights : mapping of str to float
        Canonical name *or* kind -> weight (a name's own weight wins).  Default 1.
    """

    aliases: Mapping[str, str] = field(default_factory=dict)
    kinds: Mapping[str, str] = field(default_factory=dict)
    weights: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        aliases = {_fold(k): " ".join(v.split()) for k, v in dict(self.aliases).items()}
        # Resolve chains (a -> b -> c) once, refusing cycles.
        for k in list(aliases):
            seen = {k}
            v = aliases[k]
            while True:
                f = _fold(v)
                if f not in aliases or _fold(aliases[f]) == f:
                    break
                if f in seen:
                    raise FigureError("aliases", k, "aliases without a cycle")
                seen.add(f)
                v = aliases[f]
            aliases[k] = v
        for name, w in dict(self.weights).items():
            if not (isinstance(w, int | float) and w >= 0 and w == w):
                raise FigureError("weights", {name: w}, "a weight >= 0")
        object.__setattr__(self, "aliases", MappingProxyType(aliases))
        object.__setattr__(
            self, "kinds", MappingProxyType({_fold(k): v for k, v in dict(self.kinds).items()})
        )
        object.__setattr__(
            self,
            "weights",
            MappingProxyType({_fold(k): float(v) for k, v in dict(self.weights).items()}),
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # The read-only views do not pickle; the folded dicts rebuild the same book
        # (folding and chain resolution are idempotent).
        return (SourceBook, (dict(self.aliases), dict(self.kinds), dict(self.weights)))

    def canonical(self, name: str) -> str:
        """The canonical name of a source (itself when it has no alias)."""
        clean = " ".join(name.split())
        return self.aliases.get(clean.casefold(), clean)

    def kind(self, name: str) -> str | None:
        """The kind of a source, if known."""
        return self.kinds.get(_fold(self.canonical(name)))

    def weight(self, name: str) -> float:
        """The weight of a source: its own, else its kind's, else 1."""
        canon = _fold(self.canonical(name))
        if canon in self.weights:
            return self.weights[canon]
        kind = self.kinds.get(canon)
        if kind is not None and _fold(kind) in self.weights:
            return self.weights[_fold(kind)]
        return 1.0

    def merge(self, other: SourceBook) -> SourceBook:
        """A book with both books' entries (``other`` wins on conflicts)."""
        return SourceBook(
            {**self.aliases, **other.aliases},
            {**self.kinds, **other.kinds},
            {**self.weights, **other.weights},
        )
