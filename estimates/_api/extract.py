"""The public :func:`extract`: a draft :class:`~estimates.Claims` table from news text."""

from __future__ import annotations

from datetime import date

from .._extract.extract import extract_frame
from .._model.conventions import Conventions
from .claims import Claims

__all__ = ["extract"]


def extract(
    text: str | bytes,
    lang: str = "en",
    published: date | str | None = None,
    *,
    conventions: str | Conventions | None = None,
    use_dateparser: bool = True,
    invalid_utf8: str = "raise",
) -> Claims:
    """A draft claims table of every figure in a news text.

    Parameters
    ----------
    text : str or bytes
        The article.  Bytes are decoded as UTF-8: bytes that are not UTF-8 raise a
        :class:`~estimates.ParseError` naming the first bad byte, unless
        ``invalid_utf8="replace"``.  Lone surrogate code points in a str are replaced
        by U+FFFD (one each, so offsets do not move).
    lang : {"en", "fr"}
        Its language (or a tag such as ``"fr-FR"``).
    published : datetime.date or ISO str, optional
        Publication date: "now" for relative dates ("lundi", "last week").  Without
        it, no date is resolved (the reasons say so).
    conventions : str or Conventions, optional
        Profile that reads hedges and vague figures (default: the active one).
    use_dateparser : bool
        Resolve plain dates with ``dateparser`` when installed (default).
    invalid_utf8 : {"raise", "replace"}
        For bytes that are not UTF-8: refuse them (default), or replace each bad
        byte with U+FFFD and warn (:class:`~estimates.DataQualityWarning`) with the
        count and the first offset.

    Returns
    -------
    Claims
        One row per figure, in text order; see the module docs for the columns.

    Examples
    --------
    >>> text = ("Les services de renseignement américains, sud-coréens et ukrainiens "
    ...         "estiment que jusqu’à 12 000 soldats nord-coréens sont engagés en Ukraine.")
    >>> claims = extract(text, "fr", published="2024-11-12")
    >>> row = claims.frame.iloc[0]
    >>> row["quantity"], row["text"], row["stated_start"].date().isoformat()
    ('soldats nord-coréens @ Ukraine', 'jusqu’à 12 000 soldats', '2024-11-12')
    >>> for agent in row["source"].split("; "):  # three agents
    ...     print(agent)
    services de renseignement américains
    services de renseignement sud-coréens
    services de renseignement ukrainiens
    >>> extract("The Pentagon said 10,000 troops were in Kursk.", published="2024-11-12"
    ...         ).frame[["quantity", "text", "source"]].values.tolist()
    [['troops @ Kursk', '10,000 troops', 'Pentagon']]
    """
    return Claims._from_frame(
        extract_frame(
            text,
            lang,
            published,
            conventions=conventions,
            use_dateparser=use_dateparser,
            invalid_utf8=invalid_utf8,
        )
    )
