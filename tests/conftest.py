"""Test configuration: hypothesis profiles.

``HYPOTHESIS_PROFILE=quick`` runs fewer examples (CI's second pass on pandas 2.2).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("default", deadline=None)
settings.register_profile(
    "quick", max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
