"""The claim: a figure with who said it, who reported it, and when.

A :class:`Claim` is a sourced estimate: the :class:`~estimates.Figure` plus the
``quantity`` it measures (a key the user chooses, such as ``"north korean troops in
kursk"``), its ``source`` agents, the outlet that ``reported_by`` it, the
``original_source`` it really comes from (so five outlets repeating one briefing can be
counted once), when it was ``stated`` and what period it ``refers_to`` (both
:class:`~estimates.DateInterval`), its ``url``, ``published`` date, ``lang``, ``status``
and a free ``note``.

Examples
--------
>>> from estimates import Figure, DateInterval
>>> c = Claim(
...     Figure(0, 12000, hedge="up_to", unit="soldier", text="jusqu’à 12 000"),
...     quantity="north korean troops in kursk",
...     source="US intelligence; South Korean intelligence",
...     stated=DateInterval.parse("2024-11-12"),
... )
>>> c.source
('US intelligence', 'South Korean intelligence')
>>> c  # doctest: +NORMALIZE_WHITESPACE
Claim('north korean troops in kursk': [0, 12000] soldier up_to,
      by US intelligence; South Korean intelligence, stated 2024-11-12)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from .dates import DateInterval, _as_date
from .errors import FigureError
from .figure import Figure
from .sources import join_agents, split_agents

__all__ = ["Claim", "Status"]


class Status(StrEnum):
    """Where a claim stands: ``claimed`` (said), ``confirmed`` (backed by another
    party), ``disputed`` (contested), ``retracted`` (withdrawn by its source)."""

    CLAIMED = "claimed"
    CONFIRMED = "confirmed"
    DISPUTED = "disputed"
    RETRACTED = "retracted"


STATUS_CODES: tuple[str, ...] = tuple(s.value for s in Status)


@dataclass(frozen=True, slots=True, repr=False)
class Claim:
    """A figure with its quantity, sources and dates.

    Parameters
    ----------
    figure : Figure
        What was said, read as an interval.
    quantity : str
        What is measured: a key the user chooses.  Claims of different quantities
        are never pooled.
    source : str or iterable of str
        The agent(s) who made the claim.  A string is split on ``;``.
    reported_by : str, optional
        The outlet that carried it.
    original_source : str, optional
        Who the figure really comes from, when the source repeats someone else.
    stated : DateInterval, optional
        When it was said (a day, a week, a month ...).
    refers_to : DateInterval, optional
        The period the number describes.
    url : str, optional
    published : datetime.date, optional
        Publication date of the report carrying the claim.
    lang : str
        Language of the figure's text (``"en"``, ``"fr"`` ...).
    status : Status or str
    note : str, optional
    id : str, optional
        An identifier of the claim in the user's data (an event id, a row key).
    extra : mapping, optional
        Further columns of the user's table, carried along untouched.
    """

    figure: Figure
    quantity: str
    source: tuple[str, ...] = ()
    reported_by: str | None = None
    original_source: str | None = None
    stated: DateInterval | None = None
    refers_to: DateInterval | None = None
    url: str | None = None
    published: date | None = None
    lang: str = "en"
    status: Status = Status.CLAIMED
    note: str | None = None
    id: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        if not isinstance(self.figure, Figure):
            raise FigureError("figure", self.figure, "a Figure (see estimates.parse)")
        if not isinstance(self.quantity, str) or not self.quantity.strip():
            raise FigureError("quantity", self.quantity, "a non-empty string naming the quantity")
        src: Iterable[str] | str | None = self.source
        cell = join_agents(src if src else None)
        set_(self, "source", split_agents(cell))
        for name in ("quantity", "reported_by", "original_source", "url", "note", "id"):
            v = getattr(self, name)
            if v is not None and not isinstance(v, str):
                raise FigureError(name, v, "a string or None")
            if v is not None and "\x00" in v:
                raise FigureError(name, v, "text without NUL characters")
        for name in ("stated", "refers_to"):
            v = getattr(self, name)
            if isinstance(v, str):
                v = DateInterval.parse(v)
                set_(self, name, v)
            if v is not None and not isinstance(v, DateInterval):
                raise FigureError(name, v, "a DateInterval, an ISO date/period string, or None")
        if self.published is not None:
            pub = self.published
            if isinstance(pub, str):
                pub = date.fromisoformat(pub)
            set_(self, "published", _as_date("published", pub))
        if not isinstance(self.lang, str) or not self.lang:
            raise FigureError("lang", self.lang, "a language code such as 'en' or 'fr'")
        try:
            set_(self, "status", Status(self.status))
        except ValueError:
            raise FigureError("status", self.status, "one of " + ", ".join(STATUS_CODES)) from None
        set_(self, "extra", MappingProxyType(dict(self.extra)))

    def __reduce__(self) -> tuple[Any, ...]:
        # ``extra`` is a read-only view, which does not pickle: rebuild from the fields
        # (in declaration order) with ``extra`` as a plain dict.
        values = tuple(
            dict(self.extra) if f.name == "extra" else getattr(self, f.name) for f in fields(self)
        )
        return (Claim, values)

    @property
    def agents(self) -> tuple[str, ...]:
        """The source agents (same as :attr:`source`)."""
        return self.source

    def replace(self, **changes: Any) -> Claim:
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)

    def describe(self, lang: str = "en", *, style: str | None = None) -> str:
        """One attributed sentence for this claim (see :meth:`Claims.describe`)."""
        from .._present.sentences import describe_claim

        return describe_claim(self, lang=lang, style=style)

    def __repr__(self) -> str:
        f = self.figure
        parts = [f"{self.quantity!r}: {f}"]
        if f.hedge.value != "exact":
            parts[0] += f" {f.hedge.value}"
        if self.source:
            parts.append("by " + "; ".join(self.source))
        if self.stated is not None:
            parts.append(f"stated {self.stated}")
        if self.refers_to is not None:
            parts.append(f"refers to {self.refers_to}")
        if self.status is not Status.CLAIMED:
            parts.append(self.status.value)
        return f"Claim({', '.join(parts)})"

    def _repr_html_(self) -> str:
        from .._present.html import claim_html

        return claim_html(self)
