"""estimates.dask.to_parquet: what is written reads back with the same values, and
claims written whole per group are reconciled without a shuffle."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import estimates as est
from estimates._api.claims import Claims

from ..datasets import BOOK, UCDP_MAPPING, economist_claims, quiet, seed_claims
from ..datasets import SYRIA_CSV as SYRIA
from .test_engine import ECON_BY, _ddf, _plain, assert_same_claims, assert_same_groups

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
ed = pytest.importorskip("estimates.dask")


def _round_trip(result, folder, **kw) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(computed, read back from what to_parquet wrote)."""
    rows = ed.to_parquet(result, folder, **kw)
    back = pd.read_parquet(folder)
    computed = result.compute()
    assert rows == len(computed) == len(back)
    return computed, back


def assert_same_values(back: pd.DataFrame, computed: pd.DataFrame) -> None:
    """Same rows (in any order), columns, index and values; the dtypes of numbers,
    flags, dates and categories kept (labels and texts may change container only)."""
    assert list(back.columns) == list(computed.columns)
    assert list(back.index.names) == list(computed.index.names)
    for c in computed.columns:
        t = computed[c].dtype
        if not (pd.api.types.is_object_dtype(t) or isinstance(t, pd.StringDtype)):
            assert back[c].dtype == t or isinstance(t, pd.CategoricalDtype), c
    g, e = _plain(back), _plain(computed)
    if g.index.is_unique and e.index.is_unique:
        g, e = g.sort_index(), e.sort_index()
    else:  # pairs: one row per pair, indexed per partition
        keys = [c for c in ("claim_a", "claim_b", "source", "revision") if c in g.columns]
        g = g.sort_values(keys or list(g.columns[:4])).reset_index(drop=True)
        e = e.sort_values(keys or list(e.columns[:4])).reset_index(drop=True)
    pd.testing.assert_frame_equal(g, e, check_index_type=False)


@pytest.fixture(scope="module")
def economist() -> Claims:
    return economist_claims()


def test_every_result_reads_back_with_its_values(client, tmp_path, economist):
    ddf = _ddf(economist)
    results = {
        "reconcile": ed.reconcile(ddf, by=ECON_BY),
        "timeline": ed.timeline(ddf, "M", by=ECON_BY),
        "sensitivity": ed.sensitivity(ddf, by=ECON_BY, sources=BOOK),
        "revisions": ed.revisions(ddf, by=ECON_BY),
        "camps": ed.camps(ddf, by=ECON_BY),
        "disagreements": ed.disagreements(ddf, by=ECON_BY),
        "by_source": ed.by_source(ddf, by=ECON_BY, sources=BOOK),
    }
    for name, result in results.items():
        computed, back = _round_trip(result, tmp_path / name)
        assert len(computed) > 0, name
        assert_same_values(back, computed)
    # what makes the round trip worth testing is there: periods as periods, the one
    # claim that stands apart named by its (integer) label, lists of texts
    tl = pd.read_parquet(tmp_path / "timeline")
    assert isinstance(tl.index.levels[2].dtype, pd.PeriodDtype)
    assert str(tl["apart_claim"].dtype) == "Int64"
    assert tl["apart_claim"].notna().sum() == 1 and tl["apart_claim"].isna().sum() > 50
    camps = pd.read_parquet(tmp_path / "camps")
    assert all(isinstance(s, str) for cell in camps["source_list"] for s in cell)


def test_open_bounds_missing_best_and_dates_survive(client, tmp_path):
    seed = seed_claims()
    computed, back = _round_trip(ed.reconcile(_ddf(seed, 2)), tmp_path / "seed")
    assert np.isinf(back["envelope_high"]).sum() == 1  # 'more than 13,000': open above
    assert (~back["envelope_low_closed"]).sum() == 1
    assert back["best"].isna().sum() == 1  # no figure says one value
    assert back["first_stated"].dtype == "datetime64[ns]" and back["first_stated"].notna().all()
    assert_same_values(back, computed)
    assert_same_values(back, pd.DataFrame(quiet(seed.reconcile)))


def test_syria_flagged_and_text_labels(client, tmp_path, economist):
    syria = quiet(est.read_claims, SYRIA, errors="flag", **UCDP_MAPPING)
    computed, back = _round_trip(ed.reconcile(_ddf(syria, 5)), tmp_path / "syria")
    assert_same_values(back, computed)
    assert_same_values(back, pd.DataFrame(quiet(syria.reconcile)))
    # claims labelled by text: their labels stay text
    frame = economist.frame.copy()
    frame.index = pd.Index([f"econ-{i}" for i in range(len(frame))], dtype="string")
    labelled = Claims._from_frame(frame)
    computed, back = _round_trip(ed.timeline(_ddf(labelled), "M", by=ECON_BY), tmp_path / "t")
    named = back["first_claim"].dropna()
    assert len(named) > 50 and named.map(type).eq(str).all()
    assert_same_values(back, computed)
    assert_same_values(back, pd.DataFrame(quiet(labelled.timeline, "M", by=ECON_BY)))


def test_claims_read_back_as_written(client, tmp_path, economist):
    ddf = _ddf(economist, 3)
    assert ed.to_parquet(ddf, tmp_path / "claims") == len(economist.frame)
    # labels, hedges, open bounds, missing best and dates: the same claims table
    assert_same_claims(pd.read_parquet(tmp_path / "claims"), economist.frame)
    read = ed.read_claims(tmp_path / "claims").compute()
    assert_same_claims(read, economist.frame)


def test_what_a_column_cannot_hold_is_refused_not_converted(client, tmp_path):
    frame = pd.DataFrame(
        {"first_source": np.array(["BBC", 7, None], dtype=object)},
        index=pd.Index(["a", "b", "c"], name="quantity"),
    )
    with dask.config.set({"dataframe.convert-string": False}):  # Dask would make it "7"
        ddf = dd.from_pandas(frame, npartitions=1)
    with pytest.raises(est.ValidationError) as info:
        ed.to_parquet(ddf, tmp_path / "mixed")
    f = info.value.failures
    assert f[["row", "column", "value"]].values.tolist() == [["b", "first_source", 7]]
    # labels of a frame from elsewhere: their type is asked for, then checked
    labels = pd.DataFrame({"first_claim": pd.Series([3, None, "x"], dtype=object)})
    with dask.config.set({"dataframe.convert-string": False}):
        lddf = dd.from_pandas(labels, npartitions=1)
    with pytest.raises(est.OptionError) as info2:
        ed.to_parquet(lddf, tmp_path / "l1")
    assert info2.value.option == "labels"
    with pytest.raises(est.ValidationError) as info3:
        ed.to_parquet(lddf, tmp_path / "l2", labels="int64")
    assert info3.value.failures["value"].tolist() == ["x"]
    # a folder with files in it is not written over unless asked
    ed.to_parquet(ddf.iloc[:, :0], tmp_path / "once")
    with pytest.raises(est.OptionError):
        ed.to_parquet(ddf.iloc[:, :0], tmp_path / "once")
    assert ed.to_parquet(ddf.iloc[:, :0], tmp_path / "once", overwrite=True) == 3


# ---------------------------------------------------------------------- whole groups
def _has_shuffle(ddf) -> bool:
    names = {str(k[0] if isinstance(k, tuple) else k) for k in ddf.__dask_graph__()}
    return any("shuffle" in n for n in names)


def test_files_written_by_group_are_reconciled_without_a_shuffle(client, tmp_path, economist):
    ddf = _ddf(economist, 4)
    assert _has_shuffle(ed.reconcile(ddf, by=ECON_BY))
    ed.to_parquet(ddf, tmp_path / "by", by="country")
    claims = ed.read_claims(tmp_path / "by")
    assert claims.npartitions == 4
    # every group of ('country', 'type') is within one country, so in one file
    for result in (ed.reconcile(claims, by=ECON_BY), ed.disagreements(claims, by=ECON_BY)):
        assert not _has_shuffle(result)
    read = claims.compute()
    # the labels written are the claims' own: the same groups as in memory
    assert_same_claims(read.sort_index(), economist.frame)
    assert_same_groups(
        ed.reconcile(claims, by=ECON_BY).compute(), quiet(economist.reconcile, by=ECON_BY)
    )
    pairs = ed.disagreements(claims, by=ECON_BY).compute()
    assert len(pairs) == len(quiet(economist.disagreements, by=ECON_BY))
    # grouping on another key: a shuffle as usual
    assert _has_shuffle(ed.reconcile(claims, by="type"))
    # each file holds whole countries, each country's rows next to each other (so the
    # check on reading hashes one row per run)
    parts = [claims.partitions[i].compute() for i in range(4)]
    per_file = [set(p["country"]) for p in parts]
    seen = [c for s in per_file for c in s]
    assert len(seen) == len(set(seen)) == economist.frame["country"].nunique()
    for part in parts:
        runs = part["country"].ne(part["country"].shift()).sum()
        assert runs == part["country"].nunique() == len(ed._run_heads(part, ["country"]))


def test_claims_moved_after_reading_raise_instead_of_splitting_groups(client, tmp_path, economist):
    ed.to_parquet(_ddf(economist, 4), tmp_path / "by", by=ECON_BY)
    claims = ed.read_claims(tmp_path / "by")
    # the same number of partitions, but rows moved: the footers no longer tell the truth
    moved = claims.shuffle("source")
    assert moved.npartitions == claims.npartitions
    with pytest.raises(est.ValidationError) as info:
        ed.reconcile(moved, by=ECON_BY).compute()
    assert "moved between partitions" in str(info.value)
    # fewer partitions (files merged): still whole, shuffled anyway (nothing proves it)
    assert _has_shuffle(ed.reconcile(claims.repartition(npartitions=2), by=ECON_BY))
    # files from two writings are not taken for one
    ed.to_parquet(_ddf(economist, 2), tmp_path / "other", by=ECON_BY)
    both = ed.read_claims([tmp_path / "by", tmp_path / "other"])
    assert _has_shuffle(ed.reconcile(both, by=ECON_BY))


def test_partitioned_true_is_the_callers_word(client, tmp_path, economist):
    # one file per country: whole groups, which the caller knows and says
    folder = tmp_path / "countries"
    folder.mkdir()
    for i, (_, part) in enumerate(economist.frame.groupby("country", sort=True)):
        part.to_parquet(folder / f"part.{i}.parquet")
    claims = ed.read_claims(folder)
    result = ed.reconcile(claims, by=ECON_BY, partitioned=True)
    assert not _has_shuffle(result)
    assert_same_groups(result.compute(), quiet(economist.reconcile, by=ECON_BY))


def test_bad_keys_delete_nothing(client, tmp_path, economist):
    ddf = _ddf(economist, 2)
    ed.to_parquet(ddf, tmp_path / "out")
    before = sorted(p.name for p in (tmp_path / "out").iterdir())
    with pytest.raises(est.OptionError) as info:
        ed.to_parquet(ddf, tmp_path / "out", by="nope", overwrite=True)
    assert info.value.option == "by"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == before
