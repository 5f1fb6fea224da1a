"""Docstring fragments shared by the public signatures that take the same arguments.

The methods of :class:`~estimates.Claims`, the ``df.estimates`` accessor and the
per-group functions of :mod:`estimates.dask` spell out the same selection arguments;
their documentation is written once here and put in each docstring by
:func:`fill_doc`, at the indentation of the line ``%(name)s`` it replaces, so that
``help()`` shows every argument and the words never drift apart.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["FRAGMENTS", "fill_doc"]

_F = TypeVar("_F", bound=Callable[..., Any])

#: The numpydoc paragraphs of arguments shared by several public signatures.
FRAGMENTS: dict[str, str] = {
    "by": """\
by : str or list of str, default "quantity"
    Grouping column(s): one group per distinct key, e.g. ``["country", "type"]``.
""",
    "strategy": """\
strategy : str, default "median"
    Best-estimate strategy: ``median``, ``conservative``, ``midpoint``,
    ``latest``, ``weighted``, ``pooled`` or ``reliability``.
""",
    "unit": """\
unit : str, optional
    Convert every group to this unit (default: each group's most common).
""",
    "selection_parameters": """\
selection : Selection, optional
    The claim selection as one object (``estimates.Selection``); the same
    object the methodology note describes.  Give it *or* the separate
    arguments below, not both.
as_of : date, optional
    Only claims stated by then (``stated_end <= as_of``).
window : duration, optional
    Only claims stated within this span before ``as_of`` (or before the
    table's latest statement): ``"30D"``, ``"4W"``.
latest_per_source : bool, default False
    Keep only each source's latest claim on a group (its earlier ones leave
    every figure, not only the comparison).
exclude_kinds : str or list of str, default ()
    Leave out claims by sources of these kinds (``source_kind`` column or
    ``sources.kinds``), e.g. ``"warring party"``.
dedupe : bool, default True
    Count a figure repeated from one ``original_source`` once.
sources : SourceBook, optional
    Aliases (merged before counting and before telling a revision from a
    disagreement), kinds and weights of sources.
""",
    "compare_within_auto": """\
compare_within : duration, "auto" or None, default "auto"
    Claims are compared only with claims of the same time: stated within
    this span of each other, or with overlapping ``refers_to`` periods.
    ``"auto"`` is 31 days and warns (``ComparabilityWarning``) when a group's
    claims span more; ``None`` compares every source's latest claim.
""",
}

_SLOT = re.compile(r"^([ ]*)%\((\w+)\)s\n", re.M)


def fill_doc(fn: _F) -> _F:
    """Replace each line ``%(name)s`` of ``fn``'s docstring by ``FRAGMENTS[name]``,
    indented as that line.

    >>> def f(as_of=None):
    ...     '''Parameters
    ...     ----------
    ...     %(selection_parameters)s
    ...     '''
    >>> fill_doc(f).__doc__.splitlines()[6]
    '    as_of : date, optional'
    """
    if fn.__doc__:
        fn.__doc__ = _SLOT.sub(
            lambda m: textwrap.indent(FRAGMENTS[m.group(2)], m.group(1)), fn.__doc__
        )
    return fn
