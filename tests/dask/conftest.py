"""A two-process Dask cluster on 127.0.0.1, shared by the tests of a module: the one
``estimates.dask.local_cluster`` starts (what ``--engine dask --workers 2`` runs on)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed")
    import estimates.dask as ed

    with ed.local_cluster(2) as cluster, distributed.Client(cluster) as cl:
        yield cl
