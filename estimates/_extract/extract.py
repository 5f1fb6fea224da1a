"""From news text to a draft claims table: :func:`extract`.

Every figure of the text becomes one row of a claims frame (a :class:`~estimates.Claims` table
through :func:`estimates.extract`), with
the words it was read from, the sentence around it, who said it, when, the period it
describes and a suggested quantity key.  Each field that was inferred rather than read
says how in the ``reasons`` column, and ``confidence`` rates the inferred fields; an
empty field means the text does not say (never a guess).

How it works (each step is linear in the text; see the modules for the rules)
------------------------------------------------------------------------------
1. :func:`estimates.scan` finds the figures (years, dates, names with digits, ages,
   times and ordinals are not figures; durations inside a date such as "three days
   ago" or "au cours des dernières 24 heures" are dropped too, and so are French ages
   said with "avoir": "il avait 23 ans").
2. :mod:`.sentences` cuts the text into sentences, so each figure has its evidence.
3. :mod:`.attribution` finds the reporting verbs and phrases of each sentence that
   holds a figure, their agents, and the cue each figure belongs to.
4. :mod:`.dates` resolves the statement date next to the cue and the period the figure
   refers to ("depuis août 2023" runs to the statement date) against ``published``.
5. :mod:`.quantity` reads the counted noun phrase and the place, and suggests a key.

Columns
-------
The standard columns of a claims table (:mod:`estimates._table.schema`) with
``quantity`` the suggested key, ``text`` the figure as written (``parse`` reads it
back to the same figure), ``source`` the agents (``;``-separated), ``stated_*`` and
``refers_*`` the dates, ``status`` ``confirmed`` for a verb of confirmation, then:

=============  ================================================================
counted        the words saying what is counted ("soldats nord-coréens")
place          the place named in the figure's clause ("Koursk"), if any
sentence       the sentence holding the figure
span_start     where the figure starts in the text (a character offset)
span_end       where it ends (``text[span_start:span_end]`` is the figure)
attribution_cue how the source was read: ``selon`` (a phrase: "selon X",
               "d'après X", "according to X", "pour la police"),
               ``reporting_verb`` ("X a déclaré", "X said"), ``passive_agent``
               ("décomptés par X", "an estimate by X"), ``estimate_noun``
               ("X's estimate: N"), ``gapping`` ("..., et la préfecture 7850":
               the verb of the clause before elided), ``pattern`` (a city list
               read after the pattern the article set), ``pronoun`` ("il",
               "they": an agent named earlier in the sentence),
               ``previous_sentence`` (an agent of the sentence before), or
               ``none`` (nobody named)
confidence     0-1, the lowest confidence of the source and of the inferred
               dates: sort on it to review the doubtful rows first; the
               quantity key is always a suggestion and does not count
reasons        per field, how it was read: ``field: reason`` joined by `` | ``
=============  ================================================================
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from .._model.conventions import Conventions
from .._model.dates import DateInterval, _as_date
from .._model.errors import ArgumentTypeError, DataQualityWarning, EstimatesError, ParseError
from .._model.silencing import warn
from .._model.sources import join_agents
from .._parsing.lexicon import normalise_lang
from .._parsing.parser import Mention, parse, scan
from .._table.ingest import standardise
from .attribution import Cue, assign, find_cues
from .claims import not_a_claim, number_words
from .dates import DateMention, find_dates
from .quantity import clause_end, counted_phrase, find_place, suggest_key
from .sentences import split_sentences

__all__ = ["EXTRA_COLUMNS", "extract_frame"]

_SURROGATE = re.compile("[\ud800-\udfff]")

#: Columns added after the standard ones, in order.
EXTRA_COLUMNS: tuple[str, ...] = (
    "counted",
    "place",
    "sentence",
    "span_start",
    "span_end",
    "attribution_cue",
    "confidence",
    "reasons",
)


@dataclass(slots=True)
class _Row:
    mention: Mention
    sentence: tuple[int, int]
    source: str | None
    status: str
    stated: DateInterval | None
    refers: DateInterval | None
    counted: str
    place: str | None
    key: str
    confidence: float
    reasons: str
    cue: str


def key_or_en(lang: object) -> str:
    """The language key for messages, "en" when it cannot be read."""
    try:
        return normalise_lang(str(lang))
    except EstimatesError:
        return "en"


def decode_utf8(
    data: bytes, invalid_utf8: str = "raise", lang: str = "en", what: str = "text"
) -> str:
    """UTF-8 bytes as text: refuse bytes that are not UTF-8, or replace them and warn.

    Parameters
    ----------
    data : bytes
    invalid_utf8 : {"raise", "replace"}
    lang : str
        For the message.
    what : str
        What the bytes are ("text", a file name), for the message.

    Returns
    -------
    str
        The text; with ``"replace"``, one U+FFFD per bad byte sequence.

    Raises
    ------
    ParseError
        With ``"raise"``, at the first bad byte (its offset in ``position``).

    Examples
    --------
    >>> decode_utf8("5 000 soldats".encode())
    '5 000 soldats'
    >>> try:
    ...     decode_utf8(bytes([53, 32, 255]) + b" soldats")
    ... except ParseError as exc:
    ...     print(exc.position, exc.reason)
    2 text: byte 0xff at offset 2 is not UTF-8
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if invalid_utf8 != "replace":
            raise ParseError(
                data[:200].decode("utf-8", errors="backslashreplace"),
                f"{what}: byte 0x{data[exc.start]:02x} at offset {exc.start} is not UTF-8",
                lang=lang,
                expected="UTF-8 text (or invalid_utf8='replace' / --replace-invalid to "
                "replace bad bytes with U+FFFD)",
                position=exc.start,
            ) from None
        text = data.decode("utf-8", errors="replace")
        warn(
            f"{what}: {text.count(chr(0xFFFD))} byte sequence(s) that are not UTF-8 replaced "
            f"by U+FFFD, the first at byte offset {exc.start}",
            DataQualityWarning,
            stacklevel=3,
        )
        return text


def _published(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, str):
        return date.fromisoformat(value.strip()[:10])
    if isinstance(value, datetime):
        return value.date()
    return _as_date("published", value)


def extract_frame(
    text: str | bytes,
    lang: str,
    published: date | str | None,
    *,
    conventions: str | Conventions | None,
    use_dateparser: bool,
    invalid_utf8: str = "raise",
) -> pd.DataFrame:
    """The frame of :func:`estimates.extract` (see it for the arguments, their
    defaults, and the columns)."""
    raw, key = extract_rows(
        text,
        lang,
        published,
        conventions=conventions,
        use_dateparser=use_dateparser,
        invalid_utf8=invalid_utf8,
    )
    return standardise(raw, errors="raise", lang=key, conventions=conventions)


def extract_rows(
    text: str | bytes,
    lang: str,
    published: date | str | None,
    *,
    conventions: str | Conventions | None,
    use_dateparser: bool,
    invalid_utf8: str = "raise",
) -> tuple[pd.DataFrame, str]:
    """The rows :func:`extract_frame` finds, before they are read as claims (each row
    holds its ``lang``), and the language key: frames of many texts can be
    concatenated and read as claims at once (``estimates.dask.extract`` does)."""
    if isinstance(text, bytes | bytearray):
        text = decode_utf8(bytes(text), invalid_utf8, key_or_en(lang))
    if not isinstance(text, str):
        raise ArgumentTypeError("text", text, "a str, or bytes in UTF-8")
    if invalid_utf8 not in ("raise", "replace"):
        raise ParseError(
            str(invalid_utf8),
            "invalid_utf8 is not an option",
            lang=key_or_en(lang),
            expected="invalid_utf8='raise' or invalid_utf8='replace'",
        )
    if _SURROGATE.search(text) is not None:  # unencodable: one U+FFFD each, offsets kept
        text = _SURROGATE.sub("\ufffd", text)
    key = normalise_lang(lang)
    pub = _published(published)
    mentions = scan(text, key, conventions=conventions)
    # Number words the scanner left in an enumeration ("dont trente dans le Kunar").
    extra = number_words(text, key, mentions, 0, len(text))
    if extra:
        mentions = sorted([*mentions, *extra], key=lambda x: x.start)
    rows: list[_Row] = []
    if mentions:
        rows = _rows(text, key, pub, mentions, use_dateparser)
    return _raw_table(text, rows, key, pub), key


# ----------------------------------------------------------------------- rows
def _by_sentence(
    sentences: list[tuple[int, int]], mentions: list[Mention]
) -> list[tuple[tuple[int, int], list[Mention]]]:
    starts = [a for a, _ in sentences]
    groups: dict[int, list[Mention]] = {}
    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if i < 0:
            i = 0
        groups.setdefault(i, []).append(m)
    return [(sentences[i], ms) for i, ms in sorted(groups.items())]


def _rows(
    text: str, lang: str, pub: date | None, mentions: list[Mention], use_dp: bool
) -> list[_Row]:
    sentences = split_sentences(text) or [(0, len(text))]
    starts = [a for a, _ in sentences]
    named: dict[int, tuple[str, ...]] = {}
    out: list[_Row] = []
    pattern: tuple[Cue, Cue] | None = None
    for (s0, s1), ms in _by_sentence(sentences, mentions):
        dates = find_dates(text, lang, pub, s0, s1, use_dateparser=use_dp) if pub else []
        # A duration inside a date ("three days ago") is no figure, nor an age, nor a
        # duration, a magnitude, a multiplier, a distance, a rank or a speaker.
        kept: list[Mention] = []
        for m in ms:
            if any(d.start <= m.start and m.end <= d.end for d in dates):
                continue
            if _is_age(text, m, lang) or not_a_claim(text, m, lang, kept[-1] if kept else None):
                continue
            kept.append(m)
        ms = kept
        if not ms:
            continue
        spans = [_attribution_span(text, m) for m in ms]
        cues = find_cues(text, s0, s1, lang, pub or date.today(), spans, dates=dates)
        if any(c.pronoun and not c.agents for c in cues):
            cues = _with_previous_agents(
                text, sentences, starts, s0, s1, lang, pub, spans, dates, named
            )
        last = [c.agents for c in cues if c.agents and not c.negated]
        if last:
            named[s0] = last[-1]
        first_row = len(out)
        chosen = assign(text, lang, spans, cues, s0, dates)
        pattern = _pattern_of(text, ms, chosen) or pattern
        for i, m in enumerate(ms):
            cue, rule = chosen[i]
            split = _split_by_pattern(text, lang, m, cues, pattern) if pattern else None
            if split is not None:
                for part, pcue in split:
                    out.append(
                        _row(text, lang, pub, part, (s0, s1), pcue, dates, s0, s1, "pattern")
                    )
                continue
            lo = ms[i - 1].end if i else s0
            hi = ms[i + 1].start if i + 1 < len(ms) else s1
            # the figure's clause ends where a later cue's words start ("..., selon X")
            for c in cues:
                c0 = min(c.start, c.agent_span[0]) if c.agent_span else c.start
                if c0 >= m.end:
                    hi = min(hi, c0)
                    break
            out.append(_row(text, lang, pub, m, (s0, s1), cue, dates, lo, hi, rule))
        if pub is not None:
            _date_from_next(text, lang, pub, sentences, starts, s1, out[first_row:], use_dp)
    return out


_GIVEN = re.compile(
    r"(?<![^\W_])(?:the|this|that|its|their|l['’]|cette|ce|leur|son|sa)\s*"
    r"(?:estimate|figure|count|tally|toll|estimation|chiffre|bilan|décompte)s?\s*,?\s*"
    r"(?:given|released|published|made|issued|announced|provided|"
    r"donnée?s?|publiée?s?|annoncée?s?|rendue?s?\s+publique?s?|fournie?s?)\s+",
    re.IGNORECASE,
)


def _date_from_next(
    text: str,
    lang: str,
    pub: date,
    sentences: list[tuple[int, int]],
    starts: list[int],
    s1: int,
    rows: list[_Row],
    use_dp: bool,
) -> None:
    """Date the sourced, undated rows of a sentence from the next one when it says when
    the figure was given: "... more than 100,000 casualties. Kirby said the estimate,
    given Monday, was based on ..." (in place)."""
    todo = [r for r in rows if r.stated is None and r.source is not None]
    if not todo:
        return
    i = bisect.bisect_left(starts, s1)
    if i >= len(sentences):
        return
    n0, n1 = sentences[i]
    g = _GIVEN.search(text, n0, n1)
    if g is None:
        return
    d = next(
        (
            d
            for d in find_dates(text, lang, pub, n0, n1, use_dateparser=use_dp)
            if d.start == g.end()
        ),
        None,
    )
    if d is None or d.since:
        return
    for r in todo:
        r.stated = d.interval
        r.reasons += (
            f" | stated: '{d.text}' = {d.interval}, {d.rule}, from '{g.group().strip()} "
            f"{d.text}' in the next sentence"
        )
        r.confidence = min(r.confidence, 0.7)


def _bracket(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The brackets around ``text[a:b]`` on the same line, if any."""
    lo = text.rfind("(", max(0, a - 200), a)
    if lo < 0 or ")" in text[lo:a] or "\n" in text[lo:a]:
        return None
    hi = text.find(")", b, b + 200)
    if hi < 0 or "(" in text[b:hi] or "\n" in text[b:hi]:
        return None
    return lo, hi + 1


def _pattern_of(
    text: str, ms: Sequence[Mention], chosen: Sequence[tuple[Cue | None, str]]
) -> tuple[Cue, Cue] | None:
    """The pattern a city-by-city list sets: two figures in one pair of brackets, each
    with its own "selon X" after it ("Toulouse (9.000 selon la police, 70.000 selon
    les syndicats)"): (the first cue, the second cue)."""
    for i in range(len(ms) - 1):
        (c1, r1), (c2, r2) = chosen[i], chosen[i + 1]
        if r1 != "after" or r2 != "after" or c1 is None or c2 is None:
            continue
        if c1.how != "selon" or c2.how != "selon" or c1.agents == c2.agents:
            continue
        br = _bracket(text, ms[i].start, ms[i].end)
        if br is not None and br == _bracket(text, ms[i + 1].start, ms[i + 1].end):
            return c1, c2
    return None


_RANGE_SPLIT = re.compile(r"\s*(?:[-–—]|\bà\b|\bto\b)\s*")


def _split_by_pattern(
    text: str, lang: str, m: Mention, cues: Sequence[Cue], pattern: tuple[Cue, Cue]
) -> list[tuple[Mention, Cue]] | None:
    """A range alone in brackets after a pattern is set ("Nantes (10.000 à 25.000)")
    read as the pattern's pair: 10.000 for the first source, 25.000 for the second."""
    if m.figure.hedge.value != "range" or m.hedge_span is not None:
        return None
    br = _bracket(text, m.start, m.end)
    if br is None or text[br[0] + 1 : br[1] - 1].strip() != m.text.strip():
        return None
    if any(br[0] <= c.start < br[1] for c in cues):
        return None
    a, b = m.number_span
    cut = _RANGE_SPLIT.search(text, a, b)
    if cut is None:
        return None
    out: list[tuple[Mention, Cue]] = []
    for (x, y), cue in zip(((a, cut.start()), (cut.end(), b)), pattern, strict=True):
        try:
            fig = parse(text[x:y], lang)
        except EstimatesError:
            return None
        words = f"({pattern[0].verb} {'; '.join(pattern[0].agents)}, {pattern[1].verb} "
        words += f"{'; '.join(pattern[1].agents)})"
        pcue = replace(
            cue,
            how="pattern",
            confidence=0.6,
            dates=[],
            reason=f"the list's pattern {words}, read for a pair in brackets",
        )
        out.append((Mention(x, y, text[x:y], fig, None, (x, y), None), pcue))
    return out


_VERB_HEDGES = frozenset(
    {"estimated", "estimates", "estimate", "estime", "estiment", "estimait", "estimaient"}
)


def _attribution_span(text: str, m: Mention) -> tuple[int, int]:
    """The figure's span for attribution: without a hedge that is the reporting verb
    itself ("The ministry estimated 12,000 deaths": "estimated" reports)."""
    if m.hedge_span is not None and m.hedge_span[0] == m.start:
        word = text[m.hedge_span[0] : m.hedge_span[1]].lower()
        if word in _VERB_HEDGES:
            return m.hedge_span[1], m.end
    return m.start, m.end


#: How far each way of choosing a figure's cue is trusted (see ``assign``).
_RULE_CONFIDENCE = {"after": 0.9, "before": 0.9, "closing": 0.8, "gapping": 0.7}


def _how(cue: Cue | None, rule: str) -> tuple[str, float]:
    """The ``attribution_cue`` of a row and the confidence of its source."""
    if cue is None or cue.negated or not cue.agents:
        # nobody named: sure when the sentence has no cue at all, less when one was
        # found but names nobody (a document, "on", a pronoun with no antecedent)
        return "none", (0.5 if cue is not None else 0.7)
    conf = min(cue.confidence, _RULE_CONFIDENCE.get(rule, 0.6))
    if cue.pronoun:
        return ("pronoun" if cue.confidence >= 0.7 else "previous_sentence"), conf
    if rule == "gapping":
        return "gapping", conf
    return cue.how, conf


_HAS = frozenset(
    {"a", "avait", "avaient", "ont", "aura", "aurait", "auraient", "avoir", "eu", "ayant"}
)


def _is_age(text: str, m: Mention, lang: str) -> bool:
    """French "il avait 23 ans": a number of years after "avoir" is an age."""
    if lang != "fr" or m.figure.unit != "year" or m.hedge_span is not None:
        return False
    before = text[max(0, m.start - 12) : m.start].split()
    return bool(before) and before[-1].lower() in _HAS


def _with_previous_agents(
    text: str,
    sentences: list[tuple[int, int]],
    starts: list[int],
    s0: int,
    s1: int,
    lang: str,
    pub: date | None,
    spans: list[tuple[int, int]],
    dates: list[DateMention],
    named: dict[int, tuple[str, ...]],
) -> list[Cue]:
    """Cues again, with the last agents named in the sentence before (for pronouns):
    read there, or kept from when that sentence was read (``named``: sentence start ->
    its last agents, pronouns resolved)."""
    i = bisect.bisect_left(starts, s0)
    agents: tuple[str, ...] = ()
    if i > 0 and sentences[i - 1][0] in named:
        agents = named[sentences[i - 1][0]]
    elif i > 0:
        p0, p1 = sentences[i - 1]
        for c in find_cues(text, p0, p1, lang, pub or date.today(), [], dates=[]):
            if c.agents and not c.negated:
                agents = c.agents
    return find_cues(text, s0, s1, lang, pub or date.today(), spans, agents, dates=dates)


def _row(
    text: str,
    lang: str,
    pub: date | None,
    m: Mention,
    sentence: tuple[int, int],
    cue: Cue | None,
    dates: Sequence[DateMention],
    lo: int,
    hi: int,
    rule: str = "before",
) -> _Row:
    reasons: list[str] = []
    how, source_conf = _how(cue, rule)
    confidences: list[float] = [source_conf]
    # ------------------------------------------------------------ source
    source: str | None = None
    status = "claimed"
    if cue is None:
        reasons.append("source: no reporting verb or phrase for this figure in its sentence")
    elif cue.negated:
        reasons.append(f"source: none, the reporting verb is negated ('{cue.verb}')")
    elif not cue.agents:
        reasons.append(f"source: none ({cue.reason})")
    else:
        source = join_agents(cue.agents)
        where = "after" if cue.start >= m.end else "before"
        reasons.append(f"source: {cue.reason}, {where} the figure ({how})")
        if cue.confirm:
            status = "confirmed"
            reasons.append(f"status: confirmed ('{cue.verb}')")
    # ------------------------------------------------------------ statement date
    stated: DateInterval | None = None
    if pub is None:
        reasons.append("stated: no publication date given, dates are not resolved")
    elif cue is None or cue.negated:
        reasons.append("stated: no attribution, no statement date")
    elif cue.dates:
        d = cue.dates[0]
        stated = d.interval
        if d.since:
            stated = DateInterval(d.interval.start, pub)
        other = {str(x.interval) for x in cue.dates[1:]} - {str(stated)}
        more = f" (also read: {', '.join(sorted(other))})" if other else ""
        reasons.append(f"stated: '{d.text}' = {stated}, {d.rule}{more}")
        confidences.append(0.9 if not other else 0.6)
    elif (obj := _object_date(text, m, cue, dates)) is not None:
        stated = obj.interval
        reasons.append(
            f"stated: '{obj.text}' = {stated}, {obj.rule}, after the figure the verb "
            f"'{cue.verb}' reports"
        )
        confidences.append(0.7)
    elif cue.tense == "present":
        stated = DateInterval(pub, pub)
        reasons.append(
            f"stated: present tense '{cue.verb}' and no date in the text: the publication "
            f"date {pub.isoformat()}"
        )
        confidences.append(0.6)
    else:
        reasons.append("stated: no date in the text")
    # ------------------------------------------------------------ period referred to
    refers: DateInterval | None = None
    used = {(d.start, d.end) for d in cue.dates} if cue is not None else set()
    ref = _refers_date(text, lang, m, dates, used, cue, lo, hi)
    if ref is not None:
        if ref.since:
            end = stated.end if stated is not None else pub
            assert end is not None
            if end >= ref.interval.start:
                refers = DateInterval(ref.interval.start, end)
                until = "the statement date" if stated is not None else "publication"
                reasons.append(f"refers_to: '{ref.text}' = {refers}, from its start to {until}")
                confidences.append(0.8)
        else:
            refers = ref.interval
            reasons.append(f"refers_to: '{ref.text}' = {refers}, {ref.rule}")
            confidences.append(0.7)
    # ------------------------------------------------------------ what and where
    counted, cspan = counted_phrase(text, m, lang, hi)
    after = cspan[1] if cspan else m.end
    place = find_place(text, after, hi, lang)
    if place is None:
        back = max(lo, cue.end if cue is not None and cue.end <= m.start else lo)
        place = find_place(text, back, m.start, lang)
    key = suggest_key(counted, place, m.figure.unit)
    what = f"'{counted}'" if counted else f"no counted noun (unit '{m.figure.unit}')"
    reasons.append(
        f"quantity: suggested from {what}" + (f" and the place '{place}'" if place else "")
    )
    conf = min(confidences)
    return _Row(
        m,
        sentence,
        source,
        status,
        stated,
        refers,
        counted,
        place,
        key,
        conf,
        " | ".join(reasons),
        how,
    )


_OBJECT_GAP = re.compile(r"^[\s\w'’.-]{0,90}$")
_NOT_OBJECT = re.compile(
    r"(?<![^\W_])(?:que|qu['’]|that|died|were|was|are|is|sont|ont|est|était|étaient|"
    r"have|has|had|avait|avaient)(?![^\W_])",
    re.IGNORECASE,
)


def _object_date(
    text: str, m: Mention, cue: Cue, dates: Sequence[DateMention]
) -> DateMention | None:
    """A statement date after a figure that is the object of the reporting verb: "the
    local government reported 10 deaths on Sunday", "Milley had placed the number at
    100,000 in November", "L'ONU les estimait à 76 000 il y a trois jours"."""
    if cue.kind != "verb" or cue.inverted or cue.end > m.start:
        return None
    between = text[cue.end : m.start]
    if not _OBJECT_GAP.match(between) or _NOT_OBJECT.search(between):
        return None
    for d in dates:
        if d.start >= m.end and not d.since:
            gap = text[m.end : d.start]
            if len(gap) <= 30 and "," not in gap and not _NOT_OBJECT.search(gap):
                return d
            return None
    return None


def _refers_date(
    text: str,
    lang: str,
    m: Mention,
    dates: Sequence[DateMention],
    used: set[tuple[int, int]],
    cue: Cue | None,
    lo: int,
    hi: int,
) -> DateMention | None:
    """The date of the figure's own clause: after it up to the clause end, else before
    it back to its clause start (the cue, the figure before)."""
    if not dates:
        return None
    # the clause ends at a relative word ("où", "where", "which") or ";"
    stop = clause_end(text, m.end, hi, lang)
    start = lo
    if cue is not None and cue.end <= m.start:
        start = max(start, cue.end)
    after = [
        d for d in dates if m.end <= d.start and d.end <= stop and (d.start, d.end) not in used
    ]
    if after:
        return after[0]
    before = [
        d for d in dates if start <= d.start and d.end <= m.start and (d.start, d.end) not in used
    ]
    return before[-1] if before else None


# ----------------------------------------------------------------------- table
def _ts(d: date | None) -> Any:
    return pd.NaT if d is None else pd.Timestamp(d)


def _raw_table(text: str, rows: list[_Row], lang: str, pub: date | None) -> pd.DataFrame:
    figs = [r.mention.figure for r in rows]

    def strings(values: Sequence[str | None]) -> pd.Series:
        return pd.Series(list(values), dtype="string")

    def days(values: Sequence[date | None]) -> pd.Series:
        return pd.Series([_ts(v) for v in values], dtype="datetime64[ns]")

    return pd.DataFrame(
        {
            "quantity": strings([r.key for r in rows]),
            "text": strings([r.mention.text for r in rows]),
            "low": np.array([f.low for f in figs], dtype=float),
            "high": np.array([f.high for f in figs], dtype=float),
            "low_closed": np.array([f.low_closed for f in figs], dtype=bool),
            "high_closed": np.array([f.high_closed for f in figs], dtype=bool),
            "best": np.array([np.nan if f.best is None else f.best for f in figs], dtype=float),
            "hedge": strings([f.hedge.value for f in figs]),
            "unit": strings([f.unit for f in figs]),
            "profile": strings([f.profile for f in figs]),
            "ambiguous": np.array([f.ambiguous for f in figs], dtype=bool),
            "source": strings([r.source for r in rows]),
            "stated_start": days([r.stated.start if r.stated else None for r in rows]),
            "stated_end": days([r.stated.end if r.stated else None for r in rows]),
            "refers_start": days([r.refers.start if r.refers else None for r in rows]),
            "refers_end": days([r.refers.end if r.refers else None for r in rows]),
            "published": days([pub] * len(rows)),
            "lang": strings([lang] * len(rows)),
            "status": strings([r.status for r in rows]),
            "counted": strings([r.counted or None for r in rows]),
            "place": strings([r.place for r in rows]),
            "sentence": strings(
                [" ".join(text[a:b].split()) for a, b in (r.sentence for r in rows)]
            ),
            "span_start": np.array([r.mention.start for r in rows], dtype="int64"),
            "span_end": np.array([r.mention.end for r in rows], dtype="int64"),
            "attribution_cue": strings([r.cue for r in rows]),
            "confidence": np.array([r.confidence for r in rows], dtype=float),
            "reasons": strings([r.reasons for r in rows]),
        }
    )
