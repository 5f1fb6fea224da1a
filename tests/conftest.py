"""Test configuration: hypothesis profiles.

``HYPOTHESIS_PROFILE=quick`` runs fewer examples (CI's second pass on pandas 2.2).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

import estimates as est

from .datasets import economist_claims, seed_claims

settings.register_profile("default", deadline=None)
settings.register_profile(
    "quick", max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def seed() -> est.Claims:
    """The claims curated from the seed article."""
    return seed_claims()


@pytest.fixture(scope="session")
def economist() -> est.Claims:
    """The Economist's Ukraine-loss claims (see tests/datasets.py)."""
    return economist_claims()
