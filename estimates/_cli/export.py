"""``estimates export claims.csv --datawrapper -o chart.csv``: data for charting tools.

Usage::

    estimates export claims.csv --datawrapper -o chart.csv            # + chart.json
    estimates export claims.csv --datawrapper --chart dot -o chart.csv --lang fr
    estimates export claims.csv --spreadsheet -o claims-for-excel.csv

``--datawrapper`` writes one chart per quantity: a CSV with a row per claim (its source,
the date it was stated, the words as written, and only the numbers the source stated:
``from``, ``to``, ``value``, with ``open end`` for floors and ceilings) and, next to it,
a JSON file of metadata.  With several quantities, FILE names one pair of files per
quantity (``chart-1-<quantity>.csv`` ...).  ``--lang`` is the language of the output
(headers, labels); ``--input-lang`` the language of the figures read.
``--spreadsheet`` writes the claims table itself.  Both CSVs are safe to open in a
spreadsheet: cells that would run as formulas are prefixed with an apostrophe.
"""

from __future__ import annotations

import argparse
import sys

from .options import add_claims_options, add_output_option, read, read_analysis
from .report import refuse_overwriting_input

NAME = "export"
HELP = (
    "Export for charting tools and spreadsheets: Datawrapper's range/dot/arrow plot table "
    "(+ JSON metadata), or the claims as formula-safe CSV."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_claims_options(parser)
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--datawrapper",
        action="store_true",
        help="the wide CSV of Datawrapper's range, dot and arrow plots, and "
        "its metadata as JSON next to it (FILE with the suffix .json)",
    )
    what.add_argument(
        "--spreadsheet", action="store_true", help="the claims table as CSV for spreadsheets"
    )
    parser.add_argument(
        "--chart",
        choices=("range", "dot", "arrow"),
        default="range",
        help="the Datawrapper chart type named in the metadata (default: range)",
    )
    add_output_option(parser, "CSV file", required=True)


def run(args: argparse.Namespace) -> int:
    if args.spreadsheet:  # the claims as read: the analysis options do not apply
        refuse_overwriting_input(args)
        read(args).to_csv(args.output, spreadsheet=True)
        print(f"wrote {args.output}", file=sys.stderr)
        return 0
    from .._present.export import write_datawrapper

    refuse_overwriting_input(args)
    claims, by, options = read_analysis(args)
    options.pop("strategy", None)  # a Datawrapper table has no central estimate
    charts = claims.datawrapper(
        by, lang=args.lang, chart=args.chart, unit=options.pop("unit", None), **options
    )
    written = write_datawrapper(charts, args.output)
    for csv_path, json_path in written:
        print(f"wrote {csv_path} and {json_path}", file=sys.stderr)
    return 0
