"""The ``estimates`` command: one subcommand per module of this package.

Each subcommand module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int``; :data:`COMMANDS` lists them in the order ``--help`` shows.
Errors from the library are printed to stderr (with the row and column at fault for
bad tables) and give exit status 2; a missing file gives 2 as well.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings
from collections.abc import Sequence

from .._model.errors import EstimatesError, EstimatesWarning

__all__ = ["COMMANDS", "build_parser", "main"]

#: Subcommand modules, in the order ``estimates --help`` lists them.
COMMANDS = ("show", "reconcile", "report", "export", "methodology", "extract")

EXIT_OK = 0
EXIT_ERROR = 2


def _modules() -> list:
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
        epilog="Run 'estimates COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"estimates {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for mod in _modules():
        p = sub.add_parser(mod.NAME, help=mod.HELP, description=mod.HELP)
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", EstimatesWarning)
            warnings.showwarning = _show_warning
            return int(args._run(args) or EXIT_OK)
    except EstimatesError as exc:
        print(f"estimates {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except FileNotFoundError as exc:
        print(f"estimates {args.command}: error: no such file: {exc.filename}", file=sys.stderr)
        return EXIT_ERROR
    except (ValueError, KeyError) as exc:
        print(f"estimates {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_ERROR


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    print(f"warning ({category.__name__}): {message}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
