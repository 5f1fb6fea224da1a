"""The compact key the claims are shuffled on: the same keys, the same hash, anywhere."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

ed = pytest.importorskip("estimates.dask")

texts = st.lists(st.one_of(st.none(), st.text(max_size=12)), min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(0, 39))
@example(["", "\x00"], 0)  # once collided: the length term cancelled a NUL byte's
@example(["\x00", "\x00\x00", "\x00\x00\x00", ""], 1)
def test_a_text_hashes_alike_in_any_partition_and_storage(values, cut):
    full = pd.Series(values, dtype="string[pyarrow]")
    h = ed._text_hash(full)
    # equal texts, equal hashes; a missing text is not the empty text
    for i, a in enumerate(values):
        for j, b in enumerate(values):
            if a == b:
                assert h[i] == h[j]
            elif (a is None) != (b is None) or a != b:
                assert h[i] != h[j]  # 64 bits: a collision here would be a defect
    # a slice (a partition of the same column) and another storage give the same hashes
    cut = min(cut, len(values) - 1)
    assert (ed._text_hash(full.iloc[cut:]) == h[cut:]).all()
    assert (ed._text_hash(full.astype("string[python]")) == h).all()
    assert (ed._text_hash(pd.Series(values, dtype="str")) == h).all()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "é"]), st.integers(0, 3)), min_size=1))
def test_group_hash_is_a_function_of_the_keys(rows):
    frame = pd.DataFrame(rows, columns=["q", "year"]).astype({"q": "string"})
    h = ed._group_hash(frame, ["q", "year"])
    first: dict[tuple[str, int], int] = {}
    for key, value in zip(rows, h.tolist(), strict=True):
        assert first.setdefault(key, value) == value
    assert len(set(h.tolist())) == len(first)
    # the other order of the rows: the same hash per key
    back = ed._group_hash(frame.iloc[::-1], ["q", "year"])
    assert (back == h[::-1]).all()


def test_only_keys_typed_alike_everywhere_get_the_compact_hash():
    frame = pd.DataFrame(
        {
            "text": pd.Series(["a"], dtype="string"),
            "n": [1.0],
            "day": pd.to_datetime(["2024-01-01"]),
            "obj": pd.Series(["a"], dtype=object),
            "cat": pd.Categorical(["a"]),
        }
    )
    assert [ed._hashable_key(frame[c]) for c in frame.columns] == [
        True,
        True,
        True,
        False,
        False,
    ]
    assert np.asarray(ed._group_hash(frame, ["text", "n", "day"])).dtype == np.uint64


def test_short_texts_with_nul_bytes_do_not_collide():
    import itertools

    alphabet = ["\x00", "\x01", "a", "é"]
    values = [""] + ["".join(p) for n in (1, 2, 3) for p in itertools.product(alphabet, repeat=n)]
    h = ed._text_hash(pd.Series(values, dtype="string[pyarrow]"))
    assert len(set(h.tolist())) == len(values)


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(0, 39))
@example(["km", "km\x00zz", None, "km"], 1)  # pandas 2 once hashed C strings (up to NUL)
def test_one_text_key_hashed_once_per_text_hashes_as_row_by_row(values, cut):
    # each distinct text is hashed once and its rows take the hash: the rows of one
    # text must still get one hash, whatever else the partition holds
    full = pd.DataFrame({"q": pd.Series(values, dtype="string[pyarrow]")})
    h = ed._group_hash(full, ["q"], repeated=True)
    assert (ed._group_hash(full, ["q"]) == h).all()  # the same hashes, row by row
    for i, a in enumerate(values):
        for j, b in enumerate(values):
            assert (h[i] == h[j]) == (a == b or (a is None and b is None))
    cut = min(cut, len(values) - 1)
    assert (ed._group_hash(full.iloc[cut:], ["q"], repeated=True) == h[cut:]).all()
    assert (ed._group_hash(full.iloc[::-1], ["q"], repeated=True) == h[::-1]).all()
    for dtype in ("string[python]", "str"):
        other = pd.DataFrame({"q": pd.Series(values, dtype=dtype)})
        assert (ed._group_hash(other, ["q"], repeated=True) == h).all()


keys_rows = st.lists(
    st.tuples(
        st.one_of(st.none(), st.sampled_from(["", "a", "a\x00", "é", "b"])),
        st.sampled_from([0.0, -0.0, 1.5, float("nan")]),
        st.one_of(st.none(), st.sampled_from(["2024-01-01", "2024-01-02"])),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(keys_rows, st.booleans(), st.sampled_from(["string[pyarrow]", "string[python]", "object"]))
def test_rows_in_runs_of_one_group_hash_as_row_by_row(rows, runs, dtype):
    """Rows of a group in runs (as to_parquet(by=) writes them) take their run's first
    row's hash: the hashes row by row, whatever the keys (a missing text, NaN, -0.0
    against 0.0, NaT), in runs or not."""
    frame = pd.DataFrame(rows, columns=["q", "x", "day"]).astype({"q": dtype})
    frame["day"] = pd.to_datetime(frame["day"])
    if runs:  # each group's rows together, grouped as the hash groups them
        h0 = ed._group_hash(frame, ["q", "x", "day"])
        frame = frame.iloc[np.argsort(h0, kind="stable")].reset_index(drop=True)
    keys = ["q", "x", "day"]
    assert (ed._group_hash(frame, keys, repeated=True) == ed._group_hash(frame, keys)).all()
    heads = ed._run_heads(frame, keys)
    assert heads[0] == 0 and (np.diff(heads) > 0).all()
    assert len(ed._run_heads(frame.iloc[:0], keys)) == 0  # an empty file has no runs
