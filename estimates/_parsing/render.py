"""Writing figures back as text (being written; see the parsing helper's task)."""

from __future__ import annotations

from .._model.figure import Figure


def render(figure: Figure, lang: str = "en") -> str:
    raise NotImplementedError("render is being written")
