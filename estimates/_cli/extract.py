"""``estimates extract article.txt``: a draft claims table from news text, as CSV.

Usage::

    estimates extract article.txt --input-lang fr --published 2024-11-12 -o claims.csv
    estimates extract articles/ a.txt b.txt --input-lang en -o claims.csv

Each argument is a text file or a folder (its ``*.txt`` files, sorted by name).  Every
figure of every file becomes one row of the CSV, which the journalist corrects (in a
spreadsheet: formula-like cells are neutralised) and feeds back to ``estimates
reconcile`` or ``estimates report``, or to :func:`estimates.read_claims`.

Per-file settings
-----------------
A file may start with header lines ``published: 2024-11-12`` and ``lang: fr`` (in any
order, one per line, before the text); they override ``--published`` and ``--input-lang``
for that file.  Header lines are blanked, not removed, so ``span_start`` /
``span_end`` are character offsets into the file as it is (decoded as UTF-8).  A file
that is not UTF-8 is refused, naming the file and the first bad byte;
``--replace-invalid`` reads it with U+FFFD for each bad byte and says so on standard
error.

Review sheet
------------
``--review`` prints, instead of the CSV, one entry per claim with the doubtful rows
first (lowest ``confidence``): how the source was read (``attribution_cue``), the
sentence with the figure in ``[[ ]]``, the source in ``{{ }}`` and the statement date in
``<< >>``, and the reading of each field::

    estimates extract article.txt --input-lang fr --published 2023-04-13 --review

Columns
-------
``quantity`` (the suggested key: replace it with yours), ``figure`` (the figure as
written; the reader parses it again), ``lang``, ``source`` (agents separated by
``;``), ``stated`` and ``refers_to`` (ISO dates or intervals: ``2024-11-11``,
``2024-W45``, ``2023-08/2024-10``), ``status``, ``published``, ``counted``, ``place``,
``sentence``, ``span_start``, ``span_end``, ``file``, ``attribution_cue`` (how the
source was read: ``selon``, ``reporting_verb``, ``passive_agent``, ``pattern``,
``pronoun``, ``previous_sentence``, ``none`` ...), ``confidence`` (sort on it to check
the doubtful rows first), ``reasons`` and an empty ``note`` for the journalist.
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from .._api.extract import extract
from .._extract.extract import decode_utf8
from .._extract.sentences import split_sentences
from .._model.dates import DateInterval
from .._model.errors import OptionError
from .._table.io import neutralise_formulas

NAME = "extract"
HELP = (
    "Read figures, hedges, sources and dates from English or French news text into a "
    "claims CSV to correct and reconcile."
)

#: Columns of the CSV, in order.
CSV_COLUMNS: tuple[str, ...] = (
    "quantity",
    "figure",
    "lang",
    "source",
    "stated",
    "refers_to",
    "status",
    "published",
    "counted",
    "place",
    "sentence",
    "span_start",
    "span_end",
    "file",
    "attribution_cue",
    "confidence",
    "reasons",
    "note",
)

_HEADER = re.compile(r"[ \t]*(published|lang)[ \t]*:[ \t]*(\S+)[ \t]*$", re.IGNORECASE)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="text files, or folders of *.txt files"
    )
    parser.add_argument(
        "--lang",
        default="en",
        choices=("en", "fr"),
        help="language of the output (default: en): the CSV holds codes and numbers; "
        "--review is written in English",
    )
    parser.add_argument(
        "--input-lang",
        default="en",
        metavar="LANG",
        help="language of the texts: en or fr "
        "(default: en; a 'lang: fr' first line overrides it per file)",
    )
    parser.add_argument(
        "--published",
        default=None,
        help="publication date, YYYY-MM-DD: 'now' for relative dates "
        "(a 'published: YYYY-MM-DD' first line overrides it per file)",
    )
    parser.add_argument(
        "-o", "--output", default=None, help="CSV file to write (default: standard output)"
    )
    parser.add_argument(
        "--review",
        action="store_true",
        help="print a review sheet (doubtful rows first, spans highlighted) instead of CSV",
    )
    parser.add_argument(
        "--replace-invalid",
        action="store_true",
        help="read bytes that are not UTF-8 as U+FFFD (with a warning) instead of refusing "
        "the file",
    )
    parser.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar (shown for several files when tqdm is installed)",
    )


def text_files(paths: Iterable[str]) -> list[Path]:
    """The files named, with the ``*.txt`` files of the folders named (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(q for q in p.glob("*.txt") if q.is_file()))
        elif p.exists():
            out.append(p)
        else:
            raise FileNotFoundError(2, "No such file or directory", str(p))
    return out


def read_article(path: Path, replace_invalid: bool = False) -> tuple[str, dict[str, str]]:
    """The text of a file with its header lines blanked, and the header settings.

    Bytes that are not UTF-8 raise a :class:`~estimates.ParseError` naming the file and
    the first bad byte, unless ``replace_invalid`` (then each is U+FFFD, with a
    :class:`~estimates.DataQualityWarning`).
    """
    text = decode_utf8(
        path.read_bytes(), "replace" if replace_invalid else "raise", what=str(path)
    )
    if text.startswith("\ufeff"):
        text = " " + text[1:]
    settings: dict[str, str] = {}
    pos = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        m = _HEADER.match(text, pos, line_end)
        if m is None:
            break
        settings[m.group(1).lower()] = m.group(2)
        text = text[:pos] + " " * (line_end - pos) + text[line_end:]
        pos = line_end + 1
    return text, settings


def _interval(start: Any, end: Any) -> str | None:
    if pd.isna(start) or pd.isna(end):
        return None
    return str(DateInterval(start, end))


def claims_csv_frame(frame: pd.DataFrame, file: str) -> pd.DataFrame:
    """The CSV columns of one file's extracted claims frame."""
    n = len(frame)
    out = pd.DataFrame(
        {
            "quantity": frame["quantity"].astype(object),
            "figure": frame["text"].astype(object),
            "lang": frame["lang"].astype(object),
            "source": frame["source"].astype(object),
            "stated": [
                _interval(a, b)
                for a, b in zip(frame["stated_start"], frame["stated_end"], strict=True)
            ],
            "refers_to": [
                _interval(a, b)
                for a, b in zip(frame["refers_start"], frame["refers_end"], strict=True)
            ],
            "status": frame["status"].astype(str),
            "published": frame["published"].dt.strftime("%Y-%m-%d"),
            "counted": frame["counted"].astype(object),
            "place": frame["place"].astype(object),
            "sentence": frame["sentence"].astype(object),
            "span_start": frame["span_start"].to_numpy(),
            "span_end": frame["span_end"].to_numpy(),
            "file": [file] * n,
            "attribution_cue": frame["attribution_cue"].astype(object),
            "confidence": frame["confidence"].to_numpy(),
            "reasons": frame["reasons"].astype(object),
            "note": [None] * n,
        },
        columns=list(CSV_COLUMNS),
    )
    return out.where(out.notna(), None)


def _progress(items: list[Path], show: bool) -> Iterable[Path]:
    if show and len(items) > 1:
        try:
            from tqdm import tqdm
        except ImportError:
            return items
        return tqdm(items, desc="extract", unit="file", file=sys.stderr)
    return items


_STATED_WORDS = re.compile(r"stated: '([^']+)'")


def _mark(sentence: str, spans: list[tuple[int, int, str, str]]) -> str:
    """The sentence with non-overlapping spans wrapped in their markers."""
    out = []
    at = 0
    for a, b, left, right in sorted(spans):
        if a < at:
            continue
        out.append(sentence[at:a] + left + sentence[a:b] + right)
        at = b
    out.append(sentence[at:])
    return " ".join("".join(out).split())


def _find(haystack: str, needle: str, after: int = 0) -> int:
    i = haystack.lower().find(needle.lower(), after)
    return i if i >= 0 else haystack.lower().find(needle.lower())


def review_sheet(frame: pd.DataFrame, texts: dict[str, str]) -> str:
    """A plain-text review sheet of extracted claims, the doubtful rows first.

    Parameters
    ----------
    frame : pandas.DataFrame
        The CSV frame (:func:`claims_csv_frame`), several files concatenated.
    texts : dict
        File name -> its text (for the sentence around each figure).

    Returns
    -------
    str
        One entry per claim: confidence, ``attribution_cue``, file and offset; the
        sentence with the figure in ``[[ ]]``, the source in ``{{ }}`` and the statement
        date words in ``<< >>``; then figure, source, stated and the reasons.
    """
    if frame.empty:
        return "no claims\n"
    order = frame.assign(_c=frame["confidence"].astype(float)).sort_values(
        ["_c", "file", "span_start"], kind="stable"
    )
    cuts = {f: split_sentences(t) for f, t in texts.items()}
    lines: list[str] = []
    for n, (_, r) in enumerate(order.iterrows(), 1):
        text = texts[r["file"]]
        a, b = int(r["span_start"]), int(r["span_end"])
        sents = cuts[r["file"]]
        k = bisect.bisect_right([x for x, _ in sents], a) - 1 if sents else -1
        s0, s1 = sents[k] if k >= 0 else (max(0, a - 200), min(len(text), b + 200))
        s1 = max(s1, b)
        sentence = text[s0:s1]
        spans = [(a - s0, b - s0, "[[", "]]")]
        for agent in ("" if pd.isna(r["source"]) else r["source"]).split("; "):
            if agent:
                i = _find(sentence, agent)
                if i >= 0:
                    spans.append((i, i + len(agent), "{{", "}}"))
        for words in _STATED_WORDS.findall("" if pd.isna(r["reasons"]) else r["reasons"])[:1]:
            i = _find(sentence, words)
            if i >= 0:
                spans.append((i, i + len(words), "<<", ">>"))
        lines.append(
            f"[{n}] confidence {float(r['confidence']):.2f}  {r['attribution_cue']}  "
            f"{r['file']}:{a}"
        )
        lines.append(f"    {_mark(sentence, spans)}")
        source = "(none)" if pd.isna(r["source"]) else r["source"]
        stated = "(none)" if pd.isna(r["stated"]) else r["stated"]
        lines.append(
            f"    figure {r['figure']!r}  source {source}  stated {stated}  "
            f"quantity {r['quantity']}"
        )
        for reason in ("" if pd.isna(r["reasons"]) else r["reasons"]).split(" | "):
            lines.append(f"      - {reason}")
        lines.append("")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if args.lang != "en":  # the CSV holds codes and numbers; --review is English
        raise OptionError(
            "--lang",
            args.lang,
            "en (--lang is the output language); give the language of the texts with "
            f"--input-lang {args.lang}",
        )
    files = text_files(args.paths)
    parts: list[pd.DataFrame] = []
    texts: dict[str, str] = {}
    for path in _progress(files, not args.no_progress):
        text, settings = read_article(path, replace_invalid=args.replace_invalid)
        lang = settings.get("lang", args.input_lang)
        published = settings.get("published", args.published)
        claims = extract(text, lang, published)
        parts.append(claims_csv_frame(claims.frame, str(path)))
        texts[str(path)] = text
    table = (
        pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=list(CSV_COLUMNS))
    )
    if args.review:
        sheet = review_sheet(table, texts)
        if args.output is None:
            sys.stdout.write(sheet)
        else:
            Path(args.output).write_text(sheet, encoding="utf-8")
        return 0
    for c in table.columns:
        if table[c].dtype == object:
            table[c] = neutralise_formulas(table[c])
    csv = table.to_csv(index=False, lineterminator="\r\n", float_format="%.6g")
    if args.output is None:
        sys.stdout.write(csv)
    else:
        Path(args.output).write_text(csv, encoding="utf-8")
        print(
            f"estimates extract: {len(table)} claims from {len(files)} file(s) -> {args.output}",
            file=sys.stderr,
        )
    return 0
