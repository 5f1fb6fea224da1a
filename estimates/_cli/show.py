"""``estimates show claims.csv``: the claims table as the library reads it."""

from __future__ import annotations

import argparse

from .options import add_reading_options, read

NAME = "show"
HELP = "Read a claims file (CSV, JSON or Parquet) and print it as a table."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_reading_options(parser)
    parser.add_argument("--all", action="store_true", help="print every row (default: 50)")


def run(args: argparse.Namespace) -> int:
    claims = read(args)
    from .._present.text import claims_text

    rows = len(claims) if args.all else 50
    print(claims_text(claims.frame, max_rows=rows, lang=args.lang))
    return 0
