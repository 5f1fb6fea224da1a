"""The ``estimates`` command: one subcommand per module of this package.

Each subcommand module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int``; :data:`COMMANDS` lists them in the order ``--help`` shows.

Errors are one line on stderr, never a traceback:

==========  ===============================================================
exit code   meaning
==========  ===============================================================
0           done
2           the data or an option is wrong (bad rows name row and column),
            or the input file does not exist
3           a path cannot be used: a directory where a file is expected, no
            permission, a disk error, or an output that would overwrite the input
==========  ===============================================================

Hints in the library's messages name Python arguments (``pass date_format='%d/%m/%Y'``);
the command prints the matching flag instead (``--date-format '%d/%m/%Y'``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TextIO

from .._model.errors import EstimatesError, EstimatesWarning

__all__ = ["COMMANDS", "EXIT_ERROR", "EXIT_FILE", "build_parser", "cli_wording", "main"]

#: Subcommand modules, in the order ``estimates --help`` lists them.
COMMANDS = ("show", "reconcile", "report", "export", "methodology", "extract")

EXIT_OK = 0
#: The data or an option is wrong.
EXIT_ERROR = 2
#: A path cannot be used (a directory, no permission, the input as output).
EXIT_FILE = 3

#: Python arguments of ``read_claims`` that have a command-line flag.
_FLAGS = {
    "date_format": "--date-format",
    "encoding": "--encoding",
    "sep": "--sep",
    "lang": "--lang",
    "errors": "--errors",
}
_PASS = re.compile(r"pass (\w+)=('[^'\n]*'|\"[^\"\n]*\"|[^\s;,)]*)")


def _modules() -> list[ModuleType]:
    mods = []
    for name in COMMANDS:
        try:
            mods.append(importlib.import_module(f"{__package__}.{name}"))
        except ModuleNotFoundError as exc:  # a subcommand not written yet
            if exc.name != f"{__package__}.{name}":
                raise
    return mods


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``estimates`` command."""
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="estimates",
        description="Reconcile conflicting numeric estimates: read sourced, hedged figures "
        "and say what they span, what they agree on and where they disagree.",
        epilog="Run 'estimates COMMAND --help' for the options of a command. Exit status: "
        "0 done, 2 bad data, option or missing input, 3 a path that cannot be used "
        "(a directory, no permission, the input as output).",
    )
    parser.add_argument("--version", action="version", version=f"estimates {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for mod in _modules():
        p = sub.add_parser(mod.NAME, help=mod.HELP, description=mod.HELP)
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


def cli_wording(message: str, *, input_lang_flag: str = "--lang") -> str:
    """A library message with its Python hints turned into command-line flags.

    ``input_lang_flag`` is the flag that sets the language of figure texts (commands
    that write text in a language take it as ``--input-lang``).

    >>> cli_wording("for day-first dates pass date_format='%d/%m/%Y'")
    "for day-first dates use --date-format '%d/%m/%Y'"
    >>> cli_wording("pass encoding='cp1252'")
    "use --encoding 'cp1252'"
    """

    flags = {**_FLAGS, "lang": input_lang_flag}

    def flag(m: re.Match[str]) -> str:
        name = flags.get(m[1])
        return f"use {name} {m[2]}" if name else m[0]

    return _PASS.sub(flag, message)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def _check_paths(args: argparse.Namespace) -> str | None:
    """Why the files named on the command line cannot be used, or None."""
    if getattr(args, "engine", None) == "dask":  # folders in and out (estimates.dask)
        return None
    source = getattr(args, "claims", None)
    output = getattr(args, "output", None)
    if isinstance(source, str) and source != "-" and Path(source).is_dir():
        return f"{source} is a directory, not a claims file"
    if isinstance(output, str) and output != "-":
        if Path(output).is_dir():
            return f"-o {output} is a directory: give a file name"
        if isinstance(source, str) and Path(output).exists() and _same_file(source, output):
            return f"-o {output} is the input file: refusing to overwrite it"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    where = f"estimates {args.command}: error:"
    lang_flag = "--input-lang" if hasattr(args, "input_lang") else "--lang"
    problem = _check_paths(args)
    if problem:
        print(f"{where} {problem}", file=sys.stderr)
        return EXIT_FILE
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", EstimatesWarning)
            warnings.showwarning = _show_warning
            return int(args._run(args) or EXIT_OK)
    except EstimatesError as exc:
        print(f"{where} {cli_wording(str(exc), input_lang_flag=lang_flag)}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        print(f"{where} {_path_problem(exc)}", file=sys.stderr)
        return EXIT_ERROR if isinstance(exc, FileNotFoundError) else EXIT_FILE
    except (ValueError, KeyError) as exc:
        print(f"{where} {cli_wording(str(exc), input_lang_flag=lang_flag)}", file=sys.stderr)
        return EXIT_ERROR


def _path_problem(exc: OSError) -> str:
    """One line saying what is wrong with a path."""
    if isinstance(exc, FileNotFoundError):
        return f"no such file: {exc.filename}"
    if isinstance(exc, IsADirectoryError):
        return f"{exc.filename} is a directory, not a file"
    if isinstance(exc, PermissionError):
        return f"permission denied: {exc.filename}"
    name = f"{exc.filename}: " if exc.filename else ""
    return f"{name}{exc.strerror or exc}"


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    print(f"warning ({category.__name__}): {cli_wording(str(message))}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
