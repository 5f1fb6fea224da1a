"""The library's own warnings: issued through :func:`warn`, silenced with :func:`silenced`.

Where the library says a thing once (when a table is read, say) it silences the same
warning in the steps that would repeat it.  ``warnings.catch_warnings`` cannot do that
safely: it saves and restores Python's one process-wide filter list, so with threads
(Dask's threaded scheduler, a web server rendering reports) one thread's restore
undoes another's filter, and a warning the user silenced comes back -- or one the user
asked to see is swallowed.  :func:`silenced` keeps its list in a context variable
instead: it holds for the thread (or task) that set it, and never touches the user's
filters.  Every warning of the library goes through :func:`warn`, which consults it.

>>> import warnings
>>> from estimates._model.errors import DataQualityWarning, MissingDateWarning
>>> with warnings.catch_warnings(record=True) as seen:
...     warnings.simplefilter("always")
...     with silenced(DataQualityWarning):
...         warn("said once already", MissingDateWarning)
...     warn("said now", MissingDateWarning)
>>> [str(w.message) for w in seen]
['said now']
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["silenced", "warn"]

# (category, compiled message pattern or None) pairs in force in this context
_SILENCED: ContextVar[tuple[tuple[type[Warning], re.Pattern[str] | None], ...]] = ContextVar(
    "estimates_silenced", default=()
)


def warn(message: str, category: type[Warning], *, stacklevel: int = 1) -> None:
    """Issue one of the library's warnings, unless :func:`silenced` covers it here.

    ``stacklevel`` counts as for :func:`warnings.warn` from the caller: 1 names the
    line that called ``warn``, 2 its caller, and so on.
    """
    for silenced_category, pattern in _SILENCED.get():
        if issubclass(category, silenced_category) and (
            pattern is None or pattern.search(message) is not None
        ):
            return
    warnings.warn(message, category, stacklevel=stacklevel + 1)


@contextmanager
def silenced(*categories: type[Warning], match: str | None = None) -> Iterator[None]:
    """Within the block, in this thread or task only, :func:`warn` drops warnings of
    ``categories`` (and their subclasses) whose message matches the regular expression
    ``match`` (searched; every message when None).  Python's filters are not touched.
    """
    pattern = None if match is None else re.compile(match)
    token = _SILENCED.set(_SILENCED.get() + tuple((c, pattern) for c in categories))
    try:
        yield
    finally:
        _SILENCED.reset(token)
