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
string ``"inf"``; ``parquet`` writes every column, the group keys as columns.

Past one machine (:mod:`estimates.dask`)::

    estimates reconcile 'claims/*.parquet' --engine dask --workers 2 -o reconciled/
    estimates reconcile claims/ --engine dask --scheduler tcp://10.0.0.5:8786 -o out/

``--engine dask`` reads every file matched (a glob, a folder, or one file) one task
per file, shuffles the claims on the group keys, reconciles each group where it lands
and writes a Parquet dataset (a folder, one file per partition, replacing the files of
an earlier run; :func:`estimates.dask.to_parquet`, so ``pandas.read_parquet`` gives back
the values computed) with a progress bar on standard error.  ``--scheduler`` uses a
running Dask cluster; ``--workers N`` (or neither) starts N local worker processes
(default: one per core) on 127.0.0.1.  ``--shuffle`` chooses how groups meet (the
``shuffle`` argument of :func:`estimates.dask.reconcile`; by default through files
when every worker runs on this machine).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from typing import Any

import pandas as pd

from .._model.errors import DependencyError, OptionError
from .._table.io import records, write_csv
from .options import (
    _mapping,
    add_claims_options,
    add_output_option,
    alias_note,
    analysis_options,
    by_of,
    read_analysis,
    write_output,
)

NAME = "reconcile"
HELP = (
    "Per quantity: the range the claims span, what they all allow (consensus), what most "
    "allow (agreement), a central estimate and the conflicts."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_claims_options(parser)
    parser.add_argument(
        "--format",
        choices=("table", "csv", "json", "parquet"),
        default=None,
        help="table (for reading), csv (for spreadsheets: formula-safe), json or parquet "
        "(default: table; parquet with --engine dask)",
    )
    add_output_option(parser, "file (a folder with --engine dask)")
    g = parser.add_argument_group("engine")
    g.add_argument(
        "--engine",
        choices=("pandas", "dask"),
        default="pandas",
        help="pandas (in this process, default) or dask (files matched by a glob or in a "
        "folder, on a Dask cluster; writes Parquet)",
    )
    where = g.add_mutually_exclusive_group()
    where.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="with --engine dask: the address of a running Dask scheduler, e.g. "
        "tcp://10.0.0.5:8786",
    )
    where.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="with --engine dask: start N local worker processes (default: one per core)",
    )
    g.add_argument(
        "--shuffle",
        choices=("auto", "files", "p2p", "tasks"),
        default=None,
        help="with --engine dask: how the claims of a group are brought together "
        "(default auto: through files when every worker runs on this machine, else "
        "Dask's choice; see estimates.dask.reconcile)",
    )


def table_text(result: pd.DataFrame, claims: pd.DataFrame | None = None) -> str:
    """The reconcile result as a readable table: a summary line and every group, in
    the columns a reader wants first (the one formatter of
    :func:`estimates._present.text.reconciliation_text`); ``claims`` (the claims frame
    it was computed from) keeps the hedges of the stated range."""
    from .._present.text import reconciliation_text

    return reconciliation_text(
        result, max_rows=max(len(result), 1), max_colwidth=None, claims=claims
    )


def run(args: argparse.Namespace) -> int:
    if args.engine == "dask":
        return run_dask(args)
    engine_only = {
        "--scheduler": args.scheduler,
        "--workers": args.workers,
        "--shuffle": args.shuffle,
    }
    for flag, value in engine_only.items():
        if value is not None:
            raise OptionError(flag, value, "--engine dask as well")
    if args.lang != "en" and args.format in (None, "table"):
        raise OptionError(
            "--lang",
            args.lang,
            "en for --format table (written in English); csv, json and parquet hold "
            "codes and numbers in any --lang",
        )
    claims, by, options = read_analysis(args)
    result = claims.reconcile(by, **options)
    note = alias_note(claims, options)
    if note is not None:
        print(note, file=sys.stderr)
    if args.format == "parquet":
        if args.output in (None, "-"):
            raise OptionError("--output", args.output, "a file to write Parquet to")
        flat = pd.DataFrame(result).reset_index()
        flat.to_parquet(args.output, index=False)
        return 0
    if args.format in (None, "table"):
        text = table_text(result, claims.frame)
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


def _client(args: argparse.Namespace) -> Any:
    """A Dask client: to ``--scheduler``, or to ``--workers`` local processes
    (:func:`estimates.dask.local_cluster`)."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise DependencyError("distributed", "dask", "--engine dask") from exc
    if args.scheduler is not None:
        return Client(args.scheduler)
    if args.workers is not None and args.workers < 1:
        raise OptionError("--workers", args.workers, "at least 1")
    from .. import dask as ed

    return Client(ed.local_cluster(args.workers))


def run_dask(args: argparse.Namespace) -> int:
    """``--engine dask``: read the files, reconcile on the cluster, write Parquet."""
    if args.format not in (None, "parquet"):
        raise OptionError("--format", args.format, "parquet with --engine dask")
    if args.output in (None, "-"):
        raise OptionError("--output", args.output, "a folder to write the Parquet dataset to")
    from .. import dask as ed

    mapping = _mapping(getattr(args, "column", []) or [])
    fields = set(ed.READ_FIELDS)
    for field in mapping:
        if field not in fields:
            raise OptionError("--column", field, "a field among " + ", ".join(sorted(fields)))
    by = by_of(args)
    options = analysis_options(args)
    out = os.path.abspath(args.output)
    if any(os.path.commonpath([out, f]) == out for f in ed._files(args.claims)):
        # the earlier run's files are replaced: never the claims being read
        raise OptionError("--output", args.output, "a folder holding none of the claims files")
    client = _client(args)
    try:
        claims = ed.read_claims(
            args.claims,
            errors=args.errors,
            lang=args.input_lang,
            conventions=args.conventions,
            date_format=args.date_format,
            **mapping,  # type: ignore[arg-type]
        )
        result = ed.reconcile(claims, by, **options, shuffle=args.shuffle or "auto")
        # the group keys as columns, as the pandas engine writes them; -o replaces what
        # an earlier run wrote there (as for a file), and nothing else
        task = ed.to_parquet(
            result.reset_index(), args.output, write_index=False, overwrite=True, compute=False
        )
        from distributed import progress

        future = client.compute(task)
        # the bar is for the person, not data; it follows this client's scheduler (not
        # another client current in the process)
        with contextlib.redirect_stdout(sys.stderr), client.as_current():
            progress(future)
        print(file=sys.stderr)
        future.result()
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None:
            cluster.close()
    print(
        f"estimates reconcile: {claims.npartitions} file(s) -> {args.output} (Parquet)",
        file=sys.stderr,
    )
    return 0
