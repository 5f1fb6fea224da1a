"""The file shuffle: every row reaches its output once, in order, with its dtypes; the
files go once read; what goes wrong says where."""

from __future__ import annotations

import glob
import itertools
import os
import pickle
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import estimates as est
from estimates._engine import file_shuffle as fs

from ..datasets import economist_claims, prio_vs_ucdp, quiet
from .test_engine import ECON_BY, _ddf, assert_same_groups, assert_same_rows

pytest.importorskip("pyarrow")
dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
ed = pytest.importorskip("estimates.dask")


def _frame(rng: np.random.Generator, n: int) -> pd.DataFrame:
    """Rows of every dtype a claims table holds, missing values in each."""
    texts = np.array(["Kursk", "Київ", "", "a\x00b", "10 000"], dtype=object)
    text = pd.Series(texts[rng.integers(0, len(texts), n)], dtype="string")
    text[rng.random(n) < 0.2] = pd.NA
    low = rng.normal(1000, 300, n)
    low[rng.random(n) < 0.2] = np.nan
    low[rng.random(n) < 0.05] = -0.0
    day = pd.Series(pd.Timestamp("2024-08-06") + pd.to_timedelta(rng.integers(0, 900, n), "D"))
    day[rng.random(n) < 0.2] = pd.NaT
    hedge = pd.Categorical(
        rng.choice(["exact", "up_to", "more_than"], n),
        categories=["exact", "approx", "up_to", "more_than"],
    )
    count = pd.array(rng.integers(0, 50, n), dtype="Int64")
    count[rng.random(n) < 0.2] = pd.NA
    # texts kept as objects (pandas 2), missing in whole partitions at times
    picks = texts[rng.integers(0, len(texts), n)]
    gaps = rng.random(n) < 0.5
    note = np.array([None if m else t for t, m in zip(picks, gaps, strict=True)], dtype=object)
    return pd.DataFrame(
        {
            "note": note,
            "quantity": text.array,
            "low": low,
            "low_closed": rng.random(n) < 0.5,
            "stated_end": day.to_numpy(),
            "hedge": hedge,
            "claims": count,
        },
        index=pd.Index(rng.permutation(n) * 3, name="claim"),
    )


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.integers(0, 60),
    st.integers(1, 4),
    st.integers(1, 5),
)
def test_every_row_reaches_its_output_once_in_order_with_its_dtypes(
    tmp_path_factory, seed, rows, inputs, outputs
):
    rng = np.random.default_rng(seed)
    frame = _frame(rng, rows)
    dest = rng.integers(0, outputs, rows)
    cuts = np.sort(rng.integers(0, rows + 1, inputs - 1))
    bounds = [0, *cuts.tolist(), rows]
    folder = str(tmp_path_factory.mktemp("spill") / "shuffle")
    counts = np.vstack(
        [
            fs.spill(frame.iloc[a:b], dest[a:b], outputs, folder, i)
            for i, (a, b) in enumerate(itertools.pairwise(bounds))
        ]
    )
    assert counts.sum() == rows
    folders = [folder] * inputs
    for j in range(outputs):
        got = fs.gather(folders, counts, j, frame.iloc[:0])
        # the rows sent to j, in the order they came (input by input, row by row)
        expected = frame[dest == j]
        pd.testing.assert_frame_equal(got, expected)
        assert np.signbit(got["low"].to_numpy()).sum() == np.signbit(expected["low"]).sum()
    # every output has read: the files are gone
    assert not os.path.exists(folder)


def test_files_stay_until_the_last_output_has_read(tmp_path):
    frame = _frame(np.random.default_rng(1), 30)
    folder = str(tmp_path / "s")
    counts = np.vstack([fs.spill(frame, np.arange(30) % 3, 3, folder, 0)])
    fs.gather([folder], counts, 0, frame.iloc[:0])
    fs.gather([folder], counts, 2, frame.iloc[:0])
    assert os.path.exists(fs.spill_path(folder, 0))
    fs.gather([folder], counts, 1, frame.iloc[:0])
    assert not os.path.exists(folder)


def test_outputs_read_at_once_in_threads_all_get_their_rows(tmp_path):
    # Dask's threaded scheduler runs outputs side by side: whichever is last deletes
    # the folder while others may still be marking themselves done
    from concurrent.futures import ThreadPoolExecutor

    frame = _frame(np.random.default_rng(4), 400)
    outputs = 16
    dest = np.arange(400) % outputs
    for attempt in range(20):
        folder = str(tmp_path / f"s{attempt}")
        counts = np.vstack(
            [fs.spill(frame.iloc[i::2], dest[i::2], outputs, folder, i) for i in range(2)]
        )
        with ThreadPoolExecutor(8) as pool:
            parts = list(
                pool.map(
                    lambda j, f=folder, c=counts: fs.gather([f, f], c, j, frame.iloc[:0]),
                    range(outputs),
                )
            )
        assert sum(len(p) for p in parts) == 400
        assert not os.path.exists(folder)


def test_a_missing_file_is_a_shuffle_error_naming_folder_and_partition(tmp_path):
    frame = _frame(np.random.default_rng(2), 10)
    folder = str(tmp_path / "s")
    counts = np.vstack([fs.spill(frame, np.zeros(10, int), 2, folder, 0)])
    os.remove(fs.spill_path(folder, 0))
    with pytest.raises(est.ShuffleError) as info:
        fs.gather([folder], counts, 0, frame.iloc[:0])
    err = info.value
    assert isinstance(err, OSError) and err.code == "engine.shuffle_files"
    assert (err.directory, err.partition) == (folder, 0)
    assert "0.arrow" in str(err) and "is missing" in str(err)
    back = pickle.loads(pickle.dumps(err))
    assert (back.directory, back.partition, back.reason) == (folder, 0, err.reason)


def test_a_file_not_holding_the_rows_written_is_a_shuffle_error(tmp_path):
    frame = _frame(np.random.default_rng(3), 10)
    folder = str(tmp_path / "s")
    counts = np.vstack([fs.spill(frame, np.zeros(10, int), 2, folder, 0)])
    counts[0, 0] = 11  # the plan says 11 rows: the file holds 10
    with pytest.raises(est.ShuffleError, match="does not hold the 11 rows"):
        fs.gather([folder], counts, 0, frame.iloc[:0])


def test_values_arrow_cannot_store_name_their_row_column_and_value(tmp_path):
    frame = pd.DataFrame({"quantity": ["a", "b", "c"], "note": ["x", 7, "z"]}, index=[4, 5, 6])
    with pytest.raises(est.ValidationError) as info:
        fs.spill(frame, np.zeros(3, int), 1, str(tmp_path / "s"), 0)
    failure = info.value.failures.iloc[0]
    assert (failure["row"], failure["column"], failure["value"]) == (5, "note", 7)
    assert "shuffle='p2p'" in failure["expected"]


@pytest.mark.parametrize(
    ("dest", "partitions", "match"),
    [
        ([0, 2], 2, "outside"),
        ([0, -1], 2, "outside"),
        ([0], 2, "1 destinations for 2"),
        ([0, 0], 0, "partitions"),
    ],
)
def test_bad_destinations_raise(tmp_path, dest, partitions, match):
    frame = pd.DataFrame({"low": [1.0, 2.0]})
    with pytest.raises(ValueError, match=match):
        fs.spill(frame, np.array(dest), partitions, str(tmp_path / "s"), 0)


# ---------------------------------------------------------------------- in the engine
@pytest.fixture(scope="module")
def economist():
    return economist_claims()


@pytest.mark.parametrize("shuffle", ["files", "p2p", "tasks"])
def test_every_shuffle_gives_the_pandas_groups(client, economist, shuffle):
    expected = quiet(economist.reconcile, by=ECON_BY)
    got = ed.reconcile(_ddf(economist), by=ECON_BY, shuffle=shuffle).compute()
    assert_same_groups(got, expected)
    prio = prio_vs_ucdp()
    by = ["conflict", "year"]
    got = ed.disagreements(_ddf(prio, 7), by=by, shuffle=shuffle).compute()
    assert_same_rows(got, quiet(prio.disagreements, by=by), [*by, "claim_a", "claim_b"])
    # by_source shuffles twice: the claims on the groups, the pairs on the sources
    sources = ed.by_source(_ddf(prio, 7), by=by, shuffle=shuffle).compute()
    assert_same_groups(sources, quiet(prio.by_source, by=by))


def test_auto_goes_through_files_on_one_machine_and_leaves_no_file(client, economist):
    frame = economist.frame
    texts = {c: "string" for c in frame.columns if frame[c].dtype == object}
    ddf = dd.from_pandas(frame.astype(texts), npartitions=4, sort=False)  # no objects
    assert ed._one_machine()
    assert ed._shuffle_of("auto", ddf) == "files"
    # Dask's own setting, when you make one, wins
    with dask.config.set({"dataframe.shuffle.method": "p2p"}):
        assert ed._shuffle_of("auto", ddf) == "p2p"
    # a column of Python objects: not through Arrow files
    objects = ddf.assign(note=ddf["source"].astype(object))
    assert ed._shuffle_of("auto", objects) == "tasks"
    ed.reconcile(ddf, by=ECON_BY).compute()
    left = client.run(
        lambda dask_worker: glob.glob(os.path.join(dask_worker.local_directory, "estimates-*"))
    )
    assert all(not found for found in left.values())


def test_a_bad_shuffle_is_an_option_error(economist):
    with pytest.raises(est.OptionError) as info:
        ed.reconcile(_ddf(economist), by=ECON_BY, shuffle="disk")
    assert info.value.option == "shuffle"
    # checked whether or not a shuffle would run
    with pytest.raises(est.OptionError):
        ed.reconcile(_ddf(economist), by=ECON_BY, partitioned=True, shuffle="disk")
    with pytest.raises(est.OptionError):
        ed.to_parquet(_ddf(economist), "x", shuffle="disk")


def test_files_on_dasks_own_scheduler_go_to_its_temporary_directory(tmp_path, economist):
    expected = quiet(economist.reconcile, by=ECON_BY)
    with dask.config.set(scheduler="threads", **{"temporary-directory": str(tmp_path)}):
        result = ed.reconcile(_ddf(economist), by=ECON_BY, shuffle="files")
        # no data warning escapes the tasks, though the threads share one filter list
        # (pytest turns estimates' warnings into errors) and the filters are left as
        # they were
        filters = list(warnings.filters)
        got = result.compute()
        assert warnings.filters == filters
    assert_same_groups(got, expected)
    assert not glob.glob(str(tmp_path / "estimates-shuffle-*"))  # read, then deleted


def test_to_parquet_by_through_files_writes_whole_groups(client, tmp_path, economist):
    out = tmp_path / "by-country"
    ed.to_parquet(_ddf(economist), out, by="country", shuffle="files")
    for path in sorted(out.glob("*.parquet")):
        part = pd.read_parquet(path)
        # each country's rows in one file, next to each other
        runs = (part["country"] != part["country"].shift()).sum()
        assert runs == part["country"].nunique()
    back = ed.read_claims(out)
    got = ed.reconcile(back, by=ECON_BY).compute()  # no shuffle: the files hold groups
    assert_same_groups(got, quiet(economist.reconcile, by=ECON_BY))


def test_cli_shuffle_needs_the_dask_engine(capsys):
    from estimates._cli.main import main

    from ..datasets import SEED_CSV

    assert main(["reconcile", str(SEED_CSV), "--shuffle", "files"]) != 0
    assert "--shuffle" in capsys.readouterr().err
