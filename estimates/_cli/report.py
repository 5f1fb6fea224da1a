"""``estimates report claims.csv -o report.html``: one self-contained HTML report.

Usage::

    estimates report seeds/kursk_claims.csv -o kursk.html
    estimates report seeds/kursk_claims.csv -o kursk-fr.html --lang fr

``--lang`` is the language of the page; ``--input-lang`` the language of the figures
read (rows with no ``lang`` value), as for every command that writes text.
    estimates report losses.csv -o losses.html --by country type --exclude-kind "warring party"

The page holds, per quantity, the sentence saying what the claims span, a chart, the
claims with links to their sources, the pairs of claims that exclude each other, and a
methodology section.  It needs no network and runs no JavaScript: open it in any
browser, attach it to an e-mail, or publish it as it is.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .._model.errors import OptionError
from .options import add_claims_options, add_output_option, read_analysis, write_output

NAME = "report"
HELP = (
    "Write one self-contained HTML report: per quantity a sentence, a chart, the claims "
    "with their sources, the disagreements, and the methodology."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_claims_options(parser)
    add_output_option(parser, "HTML file")
    parser.add_argument("--title", default=None, help="title of the page")
    parser.add_argument(
        "--charts",
        choices=("svg", "png", "none"),
        default="svg",
        help="charts as inline SVG (default), PNG images, or none",
    )
    parser.add_argument(
        "--timeline",
        choices=("auto", "yes", "no"),
        default="auto",
        help="add a timeline per quantity: when its claims span several "
        "months (auto, the default), always, or never",
    )
    parser.add_argument(
        "--max-pairs",
        type=int,
        default=20,
        metavar="N",
        help="disagreements shown per quantity (default: 20)",
    )
    parser.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar (shown on a terminal when tqdm is installed)",
    )


def refuse_overwriting_input(args: argparse.Namespace) -> None:
    """Refuse ``-o`` naming the claims file read (``estimates report k.csv -o k.csv``)."""
    out = getattr(args, "output", None)
    if out in (None, "-"):
        return
    src, dst = Path(args.claims), Path(out)
    same = src.resolve() == dst.resolve()
    if not same and src.exists() and dst.exists():
        same = os.path.samefile(src, dst)
    if same:
        raise OptionError("--output", out, "a file other than the claims file it would overwrite")


def run(args: argparse.Namespace) -> int:
    refuse_overwriting_input(args)
    claims, by, options = read_analysis(args)
    html = claims.report(
        by=by,
        lang=args.lang,
        title=args.title,
        charts=None if args.charts == "none" else args.charts,
        timeline={"auto": None, "yes": True, "no": False}[args.timeline],
        max_pairs=args.max_pairs,
        progress=not args.no_progress,
        **options,
    )
    write_output(html, args.output)
    if args.output not in (None, "-"):
        print(f"wrote {args.output}", file=sys.stderr)
    return 0
