"""Options shared by the subcommands: reading a claims file, analysing it, writing out.

Reading: the claims file, the language of its figures, the conventions profile, the
date format, what to do with bad rows, and ``--column FIELD=COLUMN`` to read a file
whose columns have other names (``--column low=estimate_low``; ``quantity`` may name
several columns: ``--column quantity=country,type``).

Analysis: ``--by``, ``--as-of``, ``--window``, ``--strategy``, ``--exclude-kind``,
``--latest-per-source``, ``--alias`` and ``--unit``: the options of ``reconcile``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, NamedTuple

from .._api.claims import Claims, read_claims
from .._compute.selection import ALL_STRATEGIES
from .._model.errors import OptionError
from .._model.sources import SourceBook

__all__ = [
    "STRATEGIES",
    "Analysis",
    "add_analysis_options",
    "add_claims_options",
    "add_output_option",
    "add_reading_options",
    "analysis_options",
    "by_of",
    "read",
    "read_analysis",
    "write_output",
]

#: Best-estimate strategies of ``reconcile`` (the one list lives in the compute layer).
STRATEGIES = ALL_STRATEGIES


def add_lang_options(parser: argparse.ArgumentParser, *, input_default: str = "auto") -> None:
    """``--lang``, always the language of the output, and ``--input-lang``, the
    language of the figures read (the one scheme of every subcommand)."""
    parser.add_argument(
        "--lang",
        default="en",
        choices=("en", "fr"),
        help="language of the output (default: en)",
    )
    parser.add_argument(
        "--input-lang",
        default=input_default,
        metavar="LANG",
        help="language of the figures read: en, fr"
        + (", or auto (detected per phrase)" if input_default == "auto" else "")
        + f" (default: {input_default})",
    )


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    """The claims file and how to read it (with ``--lang`` and ``--input-lang``)."""
    parser.add_argument("claims", help="claims file: .csv, .tsv, .json, .jsonl or .parquet")
    add_lang_options(parser)
    parser.add_argument(
        "--conventions", default=None, help="conventions profile: default, acled or ccc"
    )
    parser.add_argument(
        "--date-format", default=None, help="strptime format of non-ISO dates, e.g. %%d/%%m/%%Y"
    )
    parser.add_argument(
        "--encoding",
        default="utf-8",
        help="text encoding of a CSV or JSON file (default: utf-8; French Excel saves cp1252)",
    )
    parser.add_argument(
        "--sep",
        default=None,
        metavar="CHAR",
        help="CSV column separator (default: ',' and tab for .tsv; French Excel uses ';')",
    )
    parser.add_argument(
        "--errors",
        choices=("raise", "flag"),
        default="raise",
        help="stop on bad rows (raise) or keep them flagged (flag)",
    )
    parser.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="read FIELD from COLUMN of the file, e.g. low=estimate_low, "
        "stated=date, quantity=country,type (repeatable)",
    )


def _mapping(pairs: list[str]) -> dict[str, str | list[str]]:
    out: dict[str, str | list[str]] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or not field or not column:
            raise OptionError("--column", pair, "FIELD=COLUMN, e.g. low=estimate_low")
        parts = [c.strip() for c in column.split(",") if c.strip()]
        out[field] = parts if len(parts) > 1 else parts[0]
    return out


def read(args: argparse.Namespace) -> Claims:
    """Read the claims file named on the command line."""
    lang = args.input_lang
    mapping: dict[str, Any] = dict(_mapping(getattr(args, "column", []) or []))
    return read_claims(
        args.claims,
        errors=args.errors,
        lang=lang,
        conventions=args.conventions,
        date_format=args.date_format,
        encoding=getattr(args, "encoding", "utf-8"),
        sep=getattr(args, "sep", None),
        **mapping,
    )


def add_analysis_options(parser: argparse.ArgumentParser) -> None:
    """How claims are grouped, selected and summarised (the options of ``reconcile``)."""
    g = parser.add_argument_group("analysis")
    g.add_argument(
        "--by",
        nargs="+",
        action="extend",
        metavar="COL",
        help="group by these columns (default: quantity)",
    )
    g.add_argument(
        "--as-of",
        default=None,
        metavar="DATE",
        help="only claims stated by this day, e.g. 2024-11-12",
    )
    g.add_argument(
        "--window",
        default=None,
        metavar="SPAN",
        help="only claims stated within this span before --as-of, e.g. 30D",
    )
    g.add_argument(
        "--strategy",
        default="median",
        choices=STRATEGIES,
        help="how the central estimate is chosen (default: median)",
    )
    g.add_argument(
        "--exclude-kind",
        action="append",
        default=[],
        metavar="KIND",
        help="leave out sources of this kind (a 'source_kind' column), e.g. "
        "'warring party' (repeatable)",
    )
    g.add_argument(
        "--latest-per-source",
        action="store_true",
        help="a source's later claim replaces its earlier ones",
    )
    g.add_argument(
        "--alias",
        action="append",
        default=[],
        metavar="NAME=CANONICAL",
        help="count NAME as CANONICAL, e.g. 'UK Ministry of Defence=UK MoD' (repeatable)",
    )
    g.add_argument(
        "--unit",
        default=None,
        help="convert every quantity to this unit (default: its most common one)",
    )


def by_of(args: argparse.Namespace) -> list[str]:
    """The grouping columns named on the command line (default: quantity)."""
    return list(args.by) if getattr(args, "by", None) else ["quantity"]


def analysis_options(args: argparse.Namespace) -> dict[str, Any]:
    """Keyword options of ``reconcile`` from the command line (defaults left out)."""
    opts: dict[str, Any] = {}
    if args.as_of:
        opts["as_of"] = args.as_of
    if args.window:
        opts["window"] = args.window
    if args.strategy and args.strategy != "median":
        opts["strategy"] = args.strategy
    if args.exclude_kind:
        opts["exclude_kinds"] = list(args.exclude_kind)
    if args.latest_per_source:
        opts["latest_per_source"] = True
    if args.alias:
        aliases = {}
        for pair in args.alias:
            name, sep, canonical = pair.partition("=")
            if not sep or not name.strip() or not canonical.strip():
                raise OptionError("--alias", pair, "NAME=CANONICAL")
            aliases[name.strip()] = canonical.strip()
        opts["sources"] = SourceBook(aliases=aliases)
    if args.unit:
        opts["unit"] = args.unit
    return opts


def add_claims_options(parser: argparse.ArgumentParser) -> None:
    """The claims file, how to read it and how to analyse it.

    Parameters
    ----------
    parser : argparse.ArgumentParser
        The subcommand's parser: gets the reading options, then the analysis group.
    """
    add_reading_options(parser)
    add_analysis_options(parser)


class Analysis(NamedTuple):
    """A claims file read from the command line, with how to analyse it."""

    #: The claims read.
    claims: Claims
    #: The grouping columns (:func:`by_of`).
    by: list[str]
    #: Keyword options of ``reconcile`` (:func:`analysis_options`).
    options: dict[str, Any]


def read_analysis(args: argparse.Namespace) -> Analysis:
    """Read the claims file, then the grouping and the analysis options.

    Parameters
    ----------
    args : argparse.Namespace
        Parsed by a parser given :func:`add_claims_options`.

    Returns
    -------
    Analysis
        ``(claims, by, options)``.
    """
    claims = read(args)
    return Analysis(claims, by_of(args), analysis_options(args))


def alias_note(claims: Claims, options: dict[str, Any], *, most: int = 5) -> str | None:
    """One note naming the source names that may name one source (counted apart until
    ``--alias`` gives them one name), or None when there are none.

    :meth:`estimates.Claims.alias_candidates` finds them; the note lists ``most``.
    """
    pairs = claims.alias_candidates(sources=options.get("sources"))
    if not len(pairs):
        return None
    listed = [
        f"'{a}' and '{b}' ({reason})"
        for a, b, reason in zip(pairs["name"], pairs["other"], pairs["reason"], strict=True)
    ]
    more = f" and {len(listed) - most} more" if len(listed) > most else ""
    n = len(listed)
    return (
        f"note: {n} pair{'s' if n > 1 else ''} of source names may name one source and "
        f"{'are' if n > 1 else 'is'} counted apart: {'; '.join(listed[:most])}{more}. "
        "--alias NAME=CANONICAL gives them one name (the methodology note lists them all)"
    )


def add_output_option(
    parser: argparse.ArgumentParser, what: str, *, required: bool = False
) -> None:
    """``-o/--output FILE`` (standard output when left out, unless required)."""
    parser.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="FILE",
        required=required,
        help=f"{what} to write" + ("" if required else " (default: standard output)"),
    )


def write_output(text: str, path: str | None) -> None:
    """Write ``text`` to ``path`` (UTF-8), or to standard output without one."""
    if path is None or path == "-":
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    Path(path).write_text(text, encoding="utf-8")
