"""Options shared by the subcommands that read a claims file."""

from __future__ import annotations

import argparse

from .._table.claims import Claims, read_claims


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    """The claims file and how to read it."""
    parser.add_argument("claims", help="claims file: .csv, .tsv, .json, .jsonl or .parquet")
    parser.add_argument(
        "--lang",
        default="en",
        help="language of figure texts in rows with no 'lang' (default: en)",
    )
    parser.add_argument(
        "--conventions", default=None, help="conventions profile: default, acled or ccc"
    )
    parser.add_argument(
        "--date-format", default=None, help="strptime format of non-ISO dates, e.g. %%d/%%m/%%Y"
    )
    parser.add_argument(
        "--errors",
        choices=("raise", "flag"),
        default="raise",
        help="stop on bad rows (raise) or keep them flagged (flag)",
    )


def read(args: argparse.Namespace) -> Claims:
    """Read the claims file named on the command line."""
    return read_claims(
        args.claims,
        errors=args.errors,
        lang=args.lang,
        conventions=args.conventions,
        date_format=args.date_format,
    )
