"""``estimates export claims.csv --datawrapper -o chart.csv``: data for charting tools.

Usage::

    estimates export claims.csv --datawrapper -o chart.csv            # + chart.json
    estimates export claims.csv --datawrapper --chart dot -o chart.csv --lang fr
    estimates export claims.csv --spreadsheet -o claims-for-excel.csv

``--datawrapper`` writes the wide table Datawrapper's range, dot and arrow plots read
(one row per quantity, one column per source, then the lowest and highest figures
stated, the consensus and agreement ranges and the central estimate) and, next to it,
a JSON file of metadata (sources, their links and claims, units, column meanings).
``--spreadsheet`` writes the claims table itself.  Both CSVs are safe to open in a
spreadsheet: cells that would run as formulas are prefixed with an apostrophe.
"""

from __future__ import annotations

import argparse
import sys

from .options import add_claims_options, add_output_option, read, read_analysis

NAME = "export"
HELP = (
    "Export for charting tools and spreadsheets: Datawrapper's range/dot/arrow plot table "
    "(+ JSON metadata), or the claims as formula-safe CSV."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_claims_options(parser, output_lang=True)
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
        read(args).to_csv(args.output, spreadsheet=True)
        print(f"wrote {args.output}", file=sys.stderr)
        return 0
    from .._present.export import write_datawrapper

    claims, by, options = read_analysis(args)
    csv_path, json_path = write_datawrapper(
        claims, args.output, by=by, lang=args.lang, chart=args.chart, **options
    )
    print(f"wrote {csv_path} and {json_path}", file=sys.stderr)
    return 0
