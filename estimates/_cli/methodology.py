"""``estimates methodology claims.csv``: the methodology note, as Markdown.

Usage::

    estimates methodology seeds/kursk_claims.csv -o note.md
    estimates methodology seeds/kursk_claims.csv --lang fr --strategy conservative

The note says how the figures were read (the conventions profile and what each hedge
means), how claims were grouped, selected and compared, and how the central estimate
was chosen: the paragraph to publish under a chart or an article.
"""

from __future__ import annotations

import argparse

from .options import add_claims_options, add_output_option, read_analysis, write_output
from .report import refuse_overwriting_input

NAME = "methodology"
HELP = "Write the methodology note (Markdown): how figures were read, grouped and compared."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_claims_options(parser)
    add_output_option(parser, "Markdown file")


def run(args: argparse.Namespace) -> int:
    refuse_overwriting_input(args)
    claims, by, options = read_analysis(args)
    text = claims.methodology(args.lang, by, **options)
    write_output(text, args.output)
    return 0
