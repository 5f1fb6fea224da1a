"""Shared helpers for the parsing tests."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from estimates import Figure, Hedge

_SHAPES = {"[]": (True, True), "[)": (True, False), "(]": (False, True), "()": (False, False)}


def check_figure(
    fig: Figure,
    low: float,
    high: float,
    shape: str,
    best: float | None,
    hedge: str,
    unit: str = "",
    *,
    ambiguous: bool = False,
    profile: str = "default",
) -> None:
    """Assert every field of a figure; bounds of approx/nearly figures to 1e-12."""
    assert isinstance(fig, Figure)
    lc, hc = _SHAPES[shape]
    if hedge in ("approx", "nearly"):
        assert fig.low == pytest.approx(low, rel=1e-12, abs=1e-12), fig
        assert fig.high == pytest.approx(high, rel=1e-12, abs=1e-12), fig
    else:
        assert (fig.low, fig.high) == (low, high), fig
    if math.isinf(high):
        assert fig.high == math.inf
    assert (fig.low_closed, fig.high_closed) == (lc, hc), fig
    assert fig.best == best, fig
    assert fig.hedge is Hedge(hedge), fig
    assert fig.unit == unit, fig
    assert fig.ambiguous is ambiguous, fig
    assert fig.profile == profile, fig


@pytest.fixture
def expect() -> Callable[..., None]:
    """``expect(fig, low, high, "[)", best, hedge, unit)`` asserts a figure's fields."""
    return check_figure
