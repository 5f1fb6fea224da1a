"""Reading hedged figures from text (being written; see the parsing helper's task)."""

from __future__ import annotations

from .._model.figure import Figure


def parse(text: str, lang: str = "en", *, conventions=None) -> Figure:  # noqa: ANN001
    raise NotImplementedError("parse is being written")


def scan(text: str, lang: str = "en", *, conventions=None) -> list:  # noqa: ANN001
    raise NotImplementedError("scan is being written")
