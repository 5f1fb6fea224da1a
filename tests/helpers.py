"""Helpers the tests share that are not about data."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_seconds(fn: Callable[[], object], runs: int = 2) -> float:
    """The shortest wall-clock time of ``runs`` calls of ``fn``, in seconds.

    Parameters
    ----------
    fn : callable
        Called with no arguments; its result is dropped.
    runs : int
        How many times to call it (the best run is the least disturbed by the machine).

    Returns
    -------
    float
    """
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best
