"""The kernel per partition equals the kernel on the whole (the Dask contract)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import estimates as est
from estimates._compute.kernel import KERNEL_SCHEMA

from ..datasets import prio_vs_ucdp


def _claims() -> est.Claims:
    return prio_vs_ucdp()


def test_partitions_by_group_give_the_whole_result():
    claims = _claims()
    by = ["conflict", "year"]
    whole = est.reconcile_frame(claims.frame, by)
    frame = claims.frame
    part = pd.util.hash_pandas_object(frame[by], index=False).to_numpy() % 7
    pieces = [est.reconcile_frame(frame[part == p], by) for p in range(7)]
    joined = pd.concat(pieces).sort_index()
    pd.testing.assert_frame_equal(joined, whole, check_categorical=False)
    assert list(whole.columns[: len(KERNEL_SCHEMA)]) == list(KERNEL_SCHEMA)


def test_kernel_schema_is_fixed_even_when_empty():
    empty = est.reconcile_frame(_claims().frame.iloc[:0], ["conflict", "year"])
    assert list(empty.columns[: len(KERNEL_SCHEMA)]) == list(KERNEL_SCHEMA)
    assert len(empty) == 0


def test_dask_runs_the_same_kernel():
    dd = pytest.importorskip("dask.dataframe")
    claims = _claims()
    by = ["conflict", "year"]
    whole = est.reconcile_frame(claims.frame, by)
    ddf = dd.from_pandas(claims.frame.reset_index(drop=True), npartitions=4)
    got = est.reconcile_dask(ddf, by).compute().sort_index()
    assert len(got) == len(whole) == 1957 + 1003 - 759  # claims less shared years
    for col in (
        "claims",
        "sources",
        "conflicts",
        "envelope_low",
        "envelope_high",
        "consensus_low",
        "agreement_claims",
        "best",
    ):
        np.testing.assert_array_equal(got[col].to_numpy(), whole[col].to_numpy())
    assert (got["verdict"].astype(str).to_numpy() == whole["verdict"].astype(str).to_numpy()).all()
