"""``estimates reconcile claims.csv``: per quantity, what the claims span and allow.

Usage::

    estimates reconcile claims.csv
    estimates reconcile claims.csv --by country type --as-of 2025-01-01 --format csv -o r.csv
    estimates reconcile losses.csv --column quantity=country,type --column low=estimate_low \\
        --column high=estimate_high --column best=estimate --column stated=date \\
        --date-format %d/%m/%Y --exclude-kind "warring party"

``--format table`` (default) prints the columns a reader wants; ``csv`` writes every
column of ``reconcile`` for spreadsheets (cells that would run as formulas are
neutralised); ``json`` writes ``{"by": [...], "groups": [...]}`` with ``inf`` as the
string ``"inf"``.
"""

from __future__ import annotations

import argparse
import json

import numpy as np
import pandas as pd

from .._table.io import records, write_csv
from .options import add_claims_options, add_output_option, read_analysis, write_output

NAME = "reconcile"
HELP = (
    "Per quantity: the range the claims span, what they all allow (consensus), what most "
    "allow (agreement), a central estimate and the conflicts."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_claims_options(parser)
    parser.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="table (for reading), csv (for spreadsheets: formula-safe) or json (default: table)",
    )
    add_output_option(parser, "file")


def _num(v: float) -> str:
    if pd.isna(v):
        return ""
    if np.isinf(v):
        return "inf" if v > 0 else "-inf"
    return f"{v:,.15g}"


def _interval(lo: float, hi: float, lc: bool, hc: bool) -> str:
    if pd.isna(lo) or pd.isna(hi):
        return "none"
    body = _num(lo) if lo == hi else f"{_num(lo)}, {_num(hi)}"
    return f"{'[' if lc else '('}{body}{']' if hc else ')'}"


def table_text(result: pd.DataFrame) -> str:
    """The reconcile result as a readable table (the columns a reader wants first)."""
    if result.empty:
        return "no claims"
    r = result
    out = pd.DataFrame(
        {
            "claims": r["claims"].to_numpy(),
            "sources": r["sources"].to_numpy(),
            "stated": [
                "" if pd.isna(a) else (_num(a) if a == b else f"{_num(a)} to {_num(b)}")
                for a, b in zip(r["stated_low"], r["stated_high"], strict=True)
            ],
            "consensus": [
                _interval(*v)
                for v in zip(
                    r["consensus_low"],
                    r["consensus_high"],
                    r["consensus_low_closed"],
                    r["consensus_high_closed"],
                    strict=True,
                )
            ],
            "agreement": [
                f"{_interval(a, b, c, d)} ({n})"
                for a, b, c, d, n in zip(
                    r["agreement_low"],
                    r["agreement_high"],
                    r["agreement_low_closed"],
                    r["agreement_high_closed"],
                    r["agreement_claims"],
                    strict=True,
                )
            ],
            "best": [_num(v) for v in r["best"]],
            "conflicts": r["conflicts"].to_numpy(),
            "verdict": r["verdict"].astype(str).to_numpy(),
            "unit": r["unit"].astype(str).to_numpy(),
        },
        index=r.index,
    )
    return out.to_string()


def run(args: argparse.Namespace) -> int:
    claims, by, options = read_analysis(args)
    result = claims.reconcile(by, **options)
    if args.format == "table":
        text = table_text(result)
    elif args.format == "csv":
        text = write_csv(pd.DataFrame(result).reset_index(), None, spreadsheet=True) or ""
    else:
        flat = pd.DataFrame(result).reset_index()
        for c in flat.columns:
            if isinstance(flat[c].dtype, pd.CategoricalDtype):
                flat[c] = flat[c].astype(object)
        doc = {"by": by, "groups": list(records(flat))}
        text = json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False)
    write_output(text, args.output)
    return 0
