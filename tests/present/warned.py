"""Calls on claims that span years: the user is told that only the claims of each
group's last 31 days were compared (``ComparabilityWarning``), and the tests say so."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import pytest

import estimates as est

#: What the warning says.
SPAN = "span more than 31 days"


def told(fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
    """``fn(*args, **kw)``, asserting the comparison-window warning (any other warning
    still fails the test)."""
    with pytest.warns(est.ComparabilityWarning, match=SPAN):
        return fn(*args, **kw)


def told_quietly(fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
    """As :func:`told`, with the other data-quality warnings silenced (as ``quiet``):
    the comparison-window warning is still asserted, never hidden."""

    def call() -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", est.DataQualityWarning)
            warnings.simplefilter("always", est.ComparabilityWarning)
            return fn(*args, **kw)

    return told(call)
