"""Source names that probably name one source: candidates for aliases, never merged.

A table typed by hand or gathered from several outlets names one source several ways:
"CSIS" and "The Centre for Strategic and International Studies", "UK MoD" and "UK
Ministry of Defence", "Meduza" and "Meduza (cumulative)".  Counted apart, one source
is cited as several ("from 7 sources") and its track record is split.  Which names
are one source is the user's call (a :class:`~estimates.SourceBook` alias), so this
module only *proposes* pairs, each with the reason:

* ``"spelling"`` -- the same words once case, accents, punctuation and a leading
  article are set aside ("UK Foreign ministry", "UK foreign Ministry");
* ``"bracketed note"`` -- the same name but for a note in brackets at its end
  ("Meduza (cumulative)", "Dutch Military Intelligence ... (MIVD; note, timing
  clarified via email)");
* ``"initials"`` -- one name is an acronym of the other: its letters are the other's
  initials, with or without its function words ("CSIS", "UK MoD", "US").

Names are compared through keys, grouped with pandas (no comparison of every pair of
names); Python touches each *distinct* name once.  No regular expression is used, so
no name can make it backtrack.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import pandas as pd

from .._model.sources import SourceBook
from .sources import agents_of

__all__ = ["MAX_NAMES_PER_KEY", "NAME_FUNCTION_WORDS", "alias_candidates", "name_keys"]

#: Words an acronym may skip and a leading article a name may drop ("The Memory Book",
#: "Centre for Strategic and International Studies" -> CSIS; "l'Agence ...").
NAME_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "for",
        "and",
        "on",
        "in",
        "at",
        "a",
        "an",
        "to",
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "l",
        "d",
        "et",
        "pour",
        "en",
        "sur",
        "aux",
    ]
)
_ARTICLES = frozenset({"the", "a", "an", "la", "le", "les", "l"})
#: More names than this on one key are a family of names, not one source ("contributor
#: #0 (12.104.73.2)", "contributor #0 (24.58.205.25)" ...): no pairs are proposed.
MAX_NAMES_PER_KEY = 4
_REASONS = ("spelling", "bracketed note", "initials")


def _words(name: str) -> list[str]:
    """The name's words: letters and digits, accents removed, split on anything else."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    out, word = [], []
    for c in plain:
        if c.isalnum():
            word.append(c)
        elif word:
            out.append("".join(word))
            word = []
    if word:
        out.append("".join(word))
    return out


def _spelling(words: list[str]) -> str:
    low = [w.casefold() for w in words]
    while len(low) > 1 and low[0] in _ARTICLES:
        low = low[1:]
    return " ".join(low)


def _without_note(name: str) -> tuple[str, str | None]:
    """``("Meduza", "cumulative")`` for ``"Meduza (cumulative)"``; the name itself and
    None without a closing bracket at its end, or when the brackets hold no letter (an
    identifier such as an address, "contributor #0 (12.104.73.2)", not a note)."""
    text = name.rstrip()
    close = text[-1:] if text else ""
    opening = {")": "(", "]": "["}.get(close)
    if opening is None:
        return name, None
    start = text.rfind(opening)
    if start <= 0:
        return name, None
    note = text[start + 1 : -1].strip()
    if not any(c.isalpha() for c in note):
        return name, None
    return text[:start].rstrip(), note


def _is_acronym_word(word: str) -> bool:
    """ "UK", "CSIS", "MoD": two or more capitals, at least half the letters."""
    letters = [c for c in word if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals >= 2 and 2 * capitals >= len(letters)


def name_keys(names: Iterable[str]) -> pd.DataFrame:
    """The keys :func:`alias_candidates` groups names by, one row per name.

    Columns: ``name``; ``spelling`` (folded words); ``base`` (the spelling without a
    bracketed note at the end) and ``note``; ``acronym`` (the letters of a name made of
    acronym words only, upper case, else None); ``initials`` and ``initials_content``
    (the initials of a name of two or more words, an acronym word counting whole; the
    second without function words; None for a one-word name).

    >>> name_keys(["UK MoD", "UK Ministry of Defence", "The Centre for Strategic and "
    ...            "International Studies"])[["acronym", "initials", "initials_content"]]
      acronym initials initials_content
    0   UKMOD     None             None
    1    None    UKMOD             UKMD
    2    None  TCFSAIS             CSIS
    """
    rows = []
    for name in names:
        base, note = _without_note(name)
        words = _words(name)
        base_words = _words(base)
        acronym = (
            "".join(w.upper() for w in words)
            if words and all(_is_acronym_word(w) for w in words)
            else None
        )
        initials = content = None
        if acronym is None and len(base_words) >= 2:
            parts = [w.upper() if _is_acronym_word(w) else w[0].upper() for w in base_words]
            initials = "".join(parts)
            content = "".join(
                p for p, w in zip(parts, base_words, strict=True)
                if w.casefold() not in NAME_FUNCTION_WORDS
            ) or None  # fmt: skip
        rows.append(
            (
                name,
                _spelling(words) or None,  # a name of no letter or digit pairs with none
                _spelling(base_words) or None,
                note,
                acronym,
                initials,
                content,
            )
        )
    return pd.DataFrame(
        rows,
        columns=["name", "spelling", "base", "note", "acronym", "initials", "initials_content"],
        dtype=object,
    )


def _pairs_on(keys: pd.DataFrame, left: str, right: str, reason: str) -> pd.DataFrame:
    """Pairs of distinct names whose ``left`` key equals the other's ``right`` key, on
    keys shared by at most :data:`MAX_NAMES_PER_KEY` names."""
    a = keys[["name", left]].dropna().rename(columns={left: "key"})
    b = keys[["name", right]].dropna().rename(columns={right: "key", "name": "other"})
    both = pd.concat([a, b.rename(columns={"other": "name"})]).drop_duplicates()
    sizes = both.groupby("key")["name"].size()
    family = sizes.index[(sizes > MAX_NAMES_PER_KEY).to_numpy()]
    a, b = a[~a["key"].isin(family)], b[~b["key"].isin(family)]
    pairs = a.merge(b, on="key")
    pairs = pairs[pairs["name"] != pairs["other"]]
    return pairs.assign(reason=reason)[["name", "other", "reason"]]


def alias_candidates(frame: pd.DataFrame, sources: SourceBook | None = None) -> pd.DataFrame:
    """Pairs of source names that probably name one source (see the module notes).

    What :meth:`estimates.Claims.alias_candidates` runs.  Agents of joint claims count
    one by one; names the ``sources`` book already maps to one canonical name are one
    name.  Each pair comes once, under its first reason in the order spelling,
    bracketed note, initials, with the name of more claims first (on a tie, the
    longer): the likelier canonical name.
    """
    agents = agents_of(frame, sources, use_originals=False)
    n_named = len(agents.names)
    named = agents.code < n_named
    counts = pd.Series(agents.code[named]).value_counts()
    claims = pd.Series(counts.to_numpy(), index=agents.names[counts.index.to_numpy()])
    keys = name_keys(str(n) for n in claims.index)
    found = pd.concat(
        [
            _pairs_on(keys, "spelling", "spelling", "spelling"),
            # the same base, and at least one of the two has a note
            _pairs_on(keys.dropna(subset=["note"]), "base", "base", "bracketed note"),
            _pairs_on(keys, "base", "spelling", "bracketed note"),
            _pairs_on(keys, "acronym", "initials", "initials"),
            _pairs_on(keys, "acronym", "initials_content", "initials"),
        ],
        ignore_index=True,
    )
    columns = ["name", "other", "reason", "claims", "other_claims"]
    if found.empty:
        return pd.DataFrame(columns=columns).astype({"claims": "int64", "other_claims": "int64"})
    n_a = claims.reindex(found["name"]).to_numpy()
    n_b = claims.reindex(found["other"]).to_numpy()
    len_a = found["name"].str.len().to_numpy()
    len_b = found["other"].str.len().to_numpy()
    first_is_a = (
        (n_a > n_b)
        | ((n_a == n_b) & (len_a > len_b))
        | ((n_a == n_b) & (len_a == len_b) & (found["name"] < found["other"]).to_numpy())
    )
    out = pd.DataFrame(
        {
            "name": found["name"].where(first_is_a, found["other"]),
            "other": found["other"].where(first_is_a, found["name"]),
            "reason": pd.Categorical(found["reason"], categories=_REASONS, ordered=True),
        }
    )
    out = out.sort_values(["reason", "name", "other"], kind="stable")
    out = out.drop_duplicates(["name", "other"]).reset_index(drop=True)
    out["claims"] = claims.reindex(out["name"]).to_numpy().astype("int64")
    out["other_claims"] = claims.reindex(out["other"]).to_numpy().astype("int64")
    out["reason"] = out["reason"].astype(object)
    return out[columns]
