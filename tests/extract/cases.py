"""Shared helper for the sentence tables: extract one sentence, compare its claims."""

from __future__ import annotations

from datetime import date

import pandas as pd

from estimates._api.extract import extract

#: Publication date of every test sentence: Tuesday 12 November 2024.
PUBLISHED = date(2024, 11, 12)

#: One expected claim: (figure as written, source cell or None, stated ISO or None).
Expected = tuple[str, str | None, str | None]


def _iso(a: object, b: object) -> str | None:
    if pd.isna(a):
        return None
    from estimates import DateInterval

    return str(DateInterval(a, b))  # type: ignore[arg-type]


def claims_of(sentence: str, lang: str) -> list[Expected]:
    """(figure, source, stated) of every claim extracted from one sentence."""
    f = extract(sentence, lang, PUBLISHED).frame
    return [
        (t, None if pd.isna(s) else s, _iso(a, b))
        for t, s, a, b in zip(
            f["text"], f["source"], f["stated_start"], f["stated_end"], strict=True
        )
    ]
