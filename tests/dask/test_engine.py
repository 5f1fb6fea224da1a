"""estimates.dask on a two-process cluster equals the pandas library on real data."""

from __future__ import annotations

import os
import shutil

import numpy as np
import pandas as pd
import pytest

import estimates as est
from estimates._api.claims import Claims
from estimates._model.errors import ArgumentTypeError, OptionError

from ..datasets import (
    BOOK,
    SEED_CSV,
    UCDP_MAPPING,
    economist_claims,
    prio_vs_ucdp,
    quiet,
    seed_claims,
)
from ..datasets import (
    SYRIA_CSV as SYRIA,
)

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
ed = pytest.importorskip("estimates.dask")


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Categoricals as their values (partitions union their categories in another
    order), text as objects (a partition with no text in a column has object dtype)."""
    out = pd.DataFrame(frame).copy()
    for c in out.columns:
        t = out[c].dtype
        text = pd.api.types.is_object_dtype(t) or isinstance(t, pd.StringDtype)
        # claim labels: objects in memory, nullable integers when read from Parquet
        labels = isinstance(t, pd.Int64Dtype)
        if isinstance(t, pd.CategoricalDtype) or text or labels:
            out[c] = out[c].astype(object).where(out[c].notna(), None)
            # lists (camps) read back from Parquet as arrays
            cells = [v.tolist() if isinstance(v, np.ndarray) else v for v in out[c]]
            out[c] = pd.Series(cells, index=out.index, dtype=object)
    if isinstance(out.index, pd.MultiIndex):
        out.index = out.index.set_levels(
            [lv.astype(object) for lv in out.index.levels], verify_integrity=False
        )
    elif isinstance(out.index.dtype, pd.CategoricalDtype):
        out.index = out.index.astype(object)
    return out


def assert_same_claims(read: pd.DataFrame, frame: pd.DataFrame) -> None:
    """The same claims table; a missing cell of a text column held as objects may be
    None on one side and NaN on the other (pandas 2.2 keeps NaN where Parquet gives
    None): both are missing, and compared as such."""

    def missing_as_none(f: pd.DataFrame) -> pd.DataFrame:
        text = [c for c in f.columns if f[c].dtype == object]
        return f.assign(**{c: f[c].astype(object).where(f[c].notna(), None) for c in text})

    pd.testing.assert_frame_equal(missing_as_none(read), missing_as_none(frame))


def assert_same_groups(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    """Same rows (by index), same columns, same values, same dtypes (categories aside)."""
    assert len(expected) > 0
    assert list(got.columns) == list(expected.columns)
    g, e = _plain(got), _plain(expected)
    assert not g.index.has_duplicates
    pd.testing.assert_frame_equal(g.sort_index(), e.sort_index(), check_index_type=False)


def assert_same_rows(got: pd.DataFrame, expected: pd.DataFrame, keys: list[str]) -> None:
    """Same rows in any order (sorted on ``keys``), same columns and values."""
    assert list(got.columns) == list(expected.columns)
    g = _plain(got).sort_values(keys, kind="stable").reset_index(drop=True)
    e = _plain(expected).sort_values(keys, kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(g, e)


@pytest.fixture(scope="module")
def economist() -> Claims:
    return economist_claims()


@pytest.fixture(scope="module")
def prio_ucdp() -> Claims:
    return prio_vs_ucdp()


@pytest.fixture(scope="module")
def syria() -> Claims:
    return quiet(est.read_claims, SYRIA, errors="flag", **UCDP_MAPPING)


def _ddf(claims: Claims, n: int = 4):
    with dask.config.set({"dataframe.convert-string": False}):
        return dd.from_pandas(claims.frame, npartitions=n, sort=False)


ECON_BY = ["country", "type"]


@pytest.mark.slow  # > 5 s: still runs in CI
def test_reconcile_economist(client, economist):
    ddf = _ddf(economist)
    for opts in (
        {},
        {"strategy": "pooled"},
        {"strategy": "weighted", "sources": BOOK},
        {"exclude_kinds": "warring party", "latest_per_source": True, "sources": BOOK},
        {"window": "180D"},
    ):
        expected = quiet(economist.reconcile, by=ECON_BY, **opts)
        got = ed.reconcile(ddf, by=ECON_BY, **opts).compute()
        assert_same_groups(got, expected)


def test_reconcile_prio_vs_ucdp_by_conflict_year(client, prio_ucdp):
    by = ["conflict", "year"]
    expected = quiet(prio_ucdp.reconcile, by=by)
    got = ed.reconcile(_ddf(prio_ucdp, 6), by=by).compute()
    assert len(expected) > 1000
    assert (expected["verdict"] == "conflict").sum() > 0
    assert_same_groups(got, expected)


def test_reconcile_syria_leaves_the_101_flagged_events_out(client, syria):
    ddf = _ddf(syria, 5)
    assert int((~ddf["error"].isna()).sum().compute()) == 101
    expected = quiet(syria.reconcile, by="quantity")
    got = ed.reconcile(ddf, by="quantity").compute()
    assert_same_groups(got, expected)


def test_reconcile_the_seed(client):
    claims = seed_claims()
    expected = quiet(claims.reconcile)
    assert_same_groups(ed.reconcile(_ddf(claims, 3)).compute(), expected)
    # the compatibility alias is the same engine
    assert_same_groups(est.reconcile_dask(_ddf(claims, 2)).compute(), expected)


def test_disagreements_and_by_source_economist(client, economist):
    ddf = _ddf(economist)
    pairs = quiet(economist.disagreements, by=ECON_BY)
    got = ed.disagreements(ddf, by=ECON_BY).compute()
    assert len(pairs) > 1000
    assert_same_rows(got, pairs, [*ECON_BY, "claim_a", "claim_b"])
    conflicts = ed.disagreements(ddf, by=ECON_BY, only_conflicts=True, sources=BOOK).compute()
    expected = quiet(economist.disagreements, by=ECON_BY, only_conflicts=True, sources=BOOK)
    assert_same_rows(conflicts, expected, [*ECON_BY, "claim_a", "claim_b"])
    table = quiet(economist.by_source, by=ECON_BY, sources=BOOK)
    assert_same_groups(ed.by_source(ddf, by=ECON_BY, sources=BOOK).compute(), table)


def test_disagreements_syria_and_prio(client, syria, prio_ucdp):
    by = ["conflict", "year"]
    expected = quiet(prio_ucdp.disagreements, by=by)
    got = ed.disagreements(_ddf(prio_ucdp, 5), by=by).compute()
    assert_same_rows(got, expected, [*by, "claim_a", "claim_b"])
    table = quiet(prio_ucdp.by_source, by=by)
    assert_same_groups(ed.by_source(_ddf(prio_ucdp, 5), by=by).compute(), table)


def test_timeline_and_sensitivity(client, economist, prio_ucdp):
    ddf = _ddf(economist)
    for freq, running in (("Q", False), ("M", True)):
        expected = quiet(economist.timeline, freq, by=ECON_BY, running=running)
        got = ed.timeline(ddf, freq, by=ECON_BY, running=running).compute()
        assert_same_groups(got, expected)
    expected = quiet(economist.sensitivity, by=ECON_BY, sources=BOOK)
    assert_same_groups(ed.sensitivity(ddf, by=ECON_BY, sources=BOOK).compute(), expected)
    seed = seed_claims()
    assert_same_groups(ed.sensitivity(_ddf(seed, 2)).compute(), quiet(seed.sensitivity))


def test_camps_economist_and_prio(client, economist, prio_ucdp):
    for claims, by in ((economist, ECON_BY), (prio_ucdp, ["conflict", "year"])):
        expected = quiet(claims.camps, by=by)
        assert len(expected) > 0
        got = ed.camps(_ddf(claims), by=by).compute()
        keys = [c for c in expected.columns if expected[c].map(type).eq(str).any()][:4]
        assert_same_rows(got, expected, [*by, *keys] if keys else list(by))


def test_revisions_economist(client, economist):
    ddf = _ddf(economist)
    for opts in ({}, {"first": False, "sources": BOOK}):
        expected = quiet(economist.revisions, by=ECON_BY, **opts)
        got = ed.revisions(ddf, by=ECON_BY, **opts).compute()
        assert len(expected) > 0
        keys = [c for c in expected.columns if c not in ("direction",)][:8]
        assert_same_rows(got, expected, keys)


# ---------------------------------------------------------------------- read_claims
def _split_csv(src, folder, n):
    raw = pd.read_csv(src, dtype=str)
    folder.mkdir()
    bounds = np.linspace(0, len(raw), n + 1).astype(int)
    for i in range(n):
        raw.iloc[bounds[i] : bounds[i + 1]].to_csv(folder / f"part.{i}.csv", index=False)
    return raw, bounds


def test_read_claims_flag_keeps_every_row_once(client, tmp_path, syria):
    raw, _ = _split_csv(SYRIA, tmp_path / "syria", 12)
    ddf = ed.read_claims(
        tmp_path / "syria", errors="flag", include_path_column=True, **UCDP_MAPPING
    )
    assert ddf.npartitions == 12
    got = ddf.compute()
    assert len(got) == len(raw) == 16566
    # nothing lost or duplicated: (file, row) are unique and the ids are the input's
    assert not got.reset_index().duplicated(["path", "index"]).any()
    assert sorted(got["id"].astype(int)) == sorted(raw["id"].astype(int))
    assert int(got["error"].notna().sum()) == 101
    # row by row the same claims as one in-memory read (files in natural order)
    expected = syria.frame.reset_index(drop=True)
    pd.testing.assert_frame_equal(
        got.drop(columns="path").reset_index(drop=True), expected, check_dtype=True
    )
    # and the same reconciliation (claims are named by their row in their file)
    same_labels = Claims._from_frame(got.drop(columns="path"))
    assert_same_groups(ed.reconcile(ddf).compute(), quiet(same_labels.reconcile))


def _syria_bad_rows(raw: pd.DataFrame) -> np.ndarray:
    low, high, best = (raw[c].astype(float) for c in ("low", "high", "best"))
    return ((low > high) | (low > best) | (best > high)).to_numpy()


def test_read_claims_raise_names_every_bad_row_of_every_file(client, tmp_path):
    raw, bounds = _split_csv(SYRIA, tmp_path / "syria", 6)
    bad = _syria_bad_rows(raw)
    per_file = [np.flatnonzero(bad[bounds[i] : bounds[i + 1]]) for i in range(6)]
    assert sum(len(r) > 0 for r in per_file) >= 4  # several bad files, not one
    ddf = ed.read_claims(str(tmp_path / "syria" / "*.csv"), **UCDP_MAPPING)
    # whichever task fails first, and whatever is computed on top of the read
    for lazy in (ddf, ed.reconcile(ddf)):
        with pytest.raises(est.ValidationError) as info:
            lazy.compute()
        err = info.value
        f = err.failures
        # every bad row of every file, in file order, by its row in its file and line
        files = [str(tmp_path / "syria" / f"part.{i}.csv") for i in range(6)]
        want = [(files[i], int(r)) for i in range(6) for r in per_file[i]]
        got = list(zip(f["file"], f["row"].astype(int), strict=True))
        assert sorted(set(got)) == sorted(want)
        assert [files.index(p) for p in f["file"]] == sorted(files.index(p) for p in f["file"])
        assert (f["line"] == f["row"] + 2).all()
        assert set(f["id"].astype(int)) == set(raw["id"].astype(int)[bad])
        assert err.code == "validation.failed"
        assert f"{len(want)} rows of the claims files" in str(err)
        # the message names the files (their folders clipped), rows and lines
        assert "syria/part.0.csv" in str(err) and "line" in str(err)
        # it reaches the client whole: it pickles with its fields
        import pickle

        back = pickle.loads(pickle.dumps(err))
        assert type(back) is est.ValidationError and str(back) == str(err)
        pd.testing.assert_frame_equal(back.failures, f)
    # one bad file only: that file's rows, the clean files are not named
    clean = tmp_path / "two"
    clean.mkdir()
    shutil.copy(tmp_path / "syria" / "part.0.csv", clean / "part.0.csv")
    second = raw.iloc[bounds[1] : bounds[2]]
    second[~bad[bounds[1] : bounds[2]]].to_csv(clean / "part.1.csv", index=False)
    with pytest.raises(est.ValidationError) as info:
        ed.read_claims(clean, **UCDP_MAPPING).compute()
    f = info.value.failures
    assert set(f["file"]) == {str(clean / "part.0.csv")}
    assert sorted(f["row"].astype(int)) == sorted(per_file[0])
    assert "(1 of 2 with problems)" in str(info.value)


def test_read_claims_flag_keeps_every_row_of_every_bad_file(client, tmp_path):
    raw, bounds = _split_csv(SYRIA, tmp_path / "syria", 6)
    bad = _syria_bad_rows(raw)
    got = ed.read_claims(
        tmp_path / "syria", errors="flag", include_path_column=True, **UCDP_MAPPING
    ).compute()
    # every row once: as many rows per file as written, ids unique and the input's
    sizes = got.groupby("path", observed=True).size()
    files = [str(tmp_path / "syria" / f"part.{i}.csv") for i in range(6)]
    assert [int(sizes[f]) for f in files] == list(np.diff(bounds))
    assert not got["id"].duplicated().any()
    assert sorted(got["id"].astype(int)) == sorted(raw["id"].astype(int))
    # the flagged rows are exactly the bad ones, in their files
    flagged = got["error"].notna().to_numpy()
    assert flagged.sum() == bad.sum() == 101
    assert set(got["id"][flagged].astype(int)) == set(raw["id"].astype(int)[bad])


def test_read_claims_parquet_json_and_figure_texts(client, tmp_path, economist):
    seed = pd.read_csv(SEED_CSV, dtype=str)
    folder = tmp_path / "seed"
    folder.mkdir()
    half = len(seed) // 2
    seed.iloc[:half].to_json(folder / "a.json", orient="records")
    shutil.copy(SEED_CSV, folder / "b.csv")
    got = ed.read_claims([folder / "a.json", folder / "b.csv"]).compute()
    expected = pd.concat([quiet(est.read_claims, seed.iloc[:half]).frame, seed_claims().frame])
    assert "figure" in seed.columns  # figures parsed from their text, in the workers
    pd.testing.assert_frame_equal(got, expected)
    # Parquet, as written by to_parquet, in a folder
    pq = tmp_path / "econ"
    pq.mkdir()
    frame = economist.frame
    for i, start in enumerate(range(0, len(frame), 40)):
        Claims._from_frame(frame.iloc[start : start + 40]).to_parquet(pq / f"part.{i}.parquet")
    ddf = ed.read_claims(pq)
    assert ddf.npartitions == 4
    read = ddf.compute()
    assert_same_claims(read.reset_index(drop=True), frame)
    # claims are named by their row in their file
    expected = quiet(Claims._from_frame(read).reconcile, by=ECON_BY)
    assert_same_groups(ed.reconcile(ddf, by=ECON_BY).compute(), expected)


def test_conventions_in_force_travel_to_the_workers(client, tmp_path):
    custom = est.Conventions(
        name="test-dask-thousands",
        description="'thousands' is 3 to 9 thousand (test only)",
        plural=est.MagnitudeReading(3, 9, True, True),
    )
    data = pd.DataFrame(
        {
            "quantity": ["q", "q", "r"],
            "figure": ["thousands of people", "about 5,000 people", "des milliers"],
            "lang": ["en", "en", "fr"],
            "source": ["A", "B", "C"],
            "stated": ["2024-01-01"] * 3,
        }
    )
    data.to_csv(tmp_path / "c.csv", index=False)
    with est.use_conventions(custom):
        ddf = ed.read_claims(tmp_path / "c.csv")
        expected = est.read_claims(tmp_path / "c.csv")
    # computed outside the block, in worker processes that never saw the profile
    got = ddf.compute()
    assert got["low"].tolist() == [3000.0, 4500.0, 3000.0]
    assert got["high"].tolist() == [9000.0, 5500.0, 9000.0]
    assert set(got["profile"]) == {"test-dask-thousands"}
    pd.testing.assert_frame_equal(got, expected.frame)
    pd.testing.assert_frame_equal(
        ed.reconcile(dd.from_pandas(got, npartitions=2)).compute().sort_index(),
        pd.DataFrame(expected.reconcile()),
    )


# ---------------------------------------------------------------------- errors
def test_worker_errors_reach_the_client_whole(client, economist):
    ddf = _ddf(economist)
    with pytest.raises(est.UnitError) as info:
        ed.reconcile(ddf, by=ECON_BY, unit="tonne").compute()
    err = info.value
    assert type(err) is est.UnitError
    assert err.code == "unit.incompatible" and err.other == "tonne"
    # the fields and message the same process gives (the group named may be another
    # group in conflict: each partition meets its own first)
    with pytest.raises(est.UnitError) as here:
        economist.reconcile(by=ECON_BY, unit="tonne")
    mine = here.value
    assert (err.unit, err.other) == (mine.unit, mine.other)
    assert err.reason.split(" is in ")[1] == mine.reason.split(" is in ")[1]
    again = est.UnitError(err.unit, err.reason, other=err.other, quantity=err.quantity)
    assert str(err) == str(again)
    if err.quantity == mine.quantity:
        assert str(err) == str(mine)
    assert isinstance(err, ValueError)
    with pytest.raises(est.PairBudgetError) as info2:
        ed.disagreements(ddf, by=ECON_BY, max_pairs=100).compute()
    e2 = info2.value
    assert e2.budget == 100 and e2.pairs > 100
    assert e2.group in {tuple(k) for k in economist.frame[ECON_BY].drop_duplicates().values}
    assert str(e2.group) in str(e2) or repr(e2.group) in str(e2)


def test_pair_budget_is_per_group(client, economist):
    ddf = _ddf(economist, 1)
    sizes = economist.frame.groupby(ECON_BY).size()
    per_group = int((sizes * (sizes - 1) // 2).max())
    total = int((sizes * (sizes - 1) // 2).sum())
    got = ed.disagreements(ddf, by=ECON_BY, max_pairs=per_group).compute()
    assert len(got) == total > per_group


def test_bad_arguments_are_estimates_errors(client, economist):
    ddf = _ddf(economist)
    with pytest.raises(est.OptionError) as info:
        ed.reconcile(ddf, by="nope")
    assert info.value.option == "by"
    with pytest.raises(est.ArgumentTypeError):
        ed.reconcile(economist.frame)
    with pytest.raises(est.OptionError):
        ed.read_claims("/nonexistent/*.parquet")
    with pytest.raises(est.OptionError):
        ed.by_source(ddf, by=ECON_BY, wide=True)


# ---------------------------------------------------------------------- extract
def test_extract_over_a_bag_and_a_frame_of_articles(client):
    db = pytest.importorskip("dask.bag")
    from ..datasets import SEED_ARTICLE

    seed = SEED_ARTICLE.read_text(encoding="utf-8")
    items = [
        {"text": seed, "lang": "fr", "published": "2024-11-12", "url": "https://ex.org/seed"},
        {
            "text": "The Pentagon said about 10,000 North Korean troops were in Kursk. "
            "Ukraine said up to 12,000 soldiers had arrived.",
            "lang": "en",
            "published": "2024-11-05",
            "url": "https://ex.org/en",
        },
        {"text": "Nothing to count here.", "lang": "en", "published": None, "url": None},
    ]
    expected = []
    for a in items:
        f = est.extract(a["text"], a["lang"], a["published"]).frame
        if a["url"]:
            f["url"] = pd.array([a["url"]] * len(f), dtype="string")
        expected.append(f)
    want = pd.concat([f for f in expected if len(f)], ignore_index=True)
    assert len(want) > 5
    bag = db.from_sequence(items, npartitions=2)
    got = ed.extract(bag).compute()
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want[list(got.columns)])
    # French, English and empty articles read as claims together, in one partition
    one = ed.extract(db.from_sequence(items, npartitions=1)).compute()
    pd.testing.assert_frame_equal(one.reset_index(drop=True), want[list(got.columns)])
    # each claim keeps its article's URL and its span in that article's text
    for rec in got.itertuples():
        text = next(a["text"] for a in items if a["url"] == rec.url)
        assert rec.text in text[rec.span_start : rec.span_end] or text[
            rec.span_start : rec.span_end
        ] in str(rec.sentence)
    with dask.config.set({"dataframe.convert-string": False}):
        frame = dd.from_pandas(pd.DataFrame(items), npartitions=2)
    got2 = ed.extract(frame).compute()
    pd.testing.assert_frame_equal(got2.reset_index(drop=True), got.reset_index(drop=True))


def test_estimates_dask_is_a_lazy_submodule():
    import subprocess
    import sys

    code = (
        "import sys, estimates; a = 'dask' in sys.modules; m = estimates.dask; "
        "print(a, m.__name__, 'dask' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "estimates.dask", "True"]


# ---------------------------------------------------------------------- CLI
def test_cli_reconcile_engine_dask_writes_parquet(client, tmp_path, economist, capsys):
    from estimates._cli.main import main

    folder = tmp_path / "in"
    folder.mkdir()
    frame = economist.frame
    for i, start in enumerate(range(0, len(frame), 50)):
        Claims._from_frame(frame.iloc[start : start + 50]).to_parquet(folder / f"c{i}.parquet")
    out = tmp_path / "out"
    argv = [
        "reconcile",
        str(folder / "*.parquet"),
        "--engine",
        "dask",
        "--scheduler",
        client.scheduler.address,
        "--by",
        "country",
        "type",
        "--exclude-kind",
        "warring party",
        "-o",
        str(out),
    ]
    assert main(argv) == 0
    # a progress bar on stderr (stdout stays for data), then what was written where
    err = capsys.readouterr().err
    assert "100% Completed" in err and "-> " + str(out) in err
    got = pd.read_parquet(out).set_index(ECON_BY)
    # claims are named by their row in their file; labels stay integers (missing ones
    # missing), texts stay texts: the values read back are the values computed
    labelled = pd.concat(
        [frame.iloc[s : s + 50].reset_index(drop=True) for s in range(0, len(frame), 50)]
    )
    expected = quiet(
        Claims._from_frame(labelled).reconcile, by=ECON_BY, exclude_kinds="warring party"
    )
    assert str(got["first_claim"].dtype) == "Int64"
    assert_same_groups(got, pd.DataFrame(expected))


def test_cli_engine_options_need_the_dask_engine(tmp_path, capsys):
    from estimates._cli.main import main

    assert main(["reconcile", str(SEED_CSV), "--workers", "2"]) != 0
    assert "--engine dask" in capsys.readouterr().err


def test_cli_engine_dask_never_writes_over_its_claims(tmp_path, capsys):
    from estimates._cli.main import main

    folder = tmp_path / "claims"
    folder.mkdir()
    seed_claims().to_parquet(folder / "part.0.parquet")
    for out in (folder, tmp_path):  # the claims' folder, or a folder holding it
        argv = ["reconcile", str(folder), "--engine", "dask", "--workers", "1", "-o", str(out)]
        assert main(argv) != 0
        assert "--output" in capsys.readouterr().err
    assert (folder / "part.0.parquet").exists()


def test_columns_left_behind_before_the_shuffle_change_no_result(economist):
    """The engine does not carry ``UNREAD_COLUMNS`` through the shuffle: in memory,
    other values there change nothing either (were a computation to start reading
    one, this fails)."""
    frame = economist.frame.copy()
    n = len(frame)
    other = frame.assign(
        url=pd.array([f"https://ex.org/{i}" for i in range(n)], dtype="string"),
        published=pd.Timestamp("2030-01-01"),
        note=pd.array(["a note"] * n, dtype="string"),
        id=pd.array([f"id{i}" for i in range(n)], dtype="string"),
        lang=pd.array(["fr"] * n, dtype="string"),
        profile=pd.array(["other"] * n, dtype="string"),
        ambiguous=~frame["ambiguous"],
        status=pd.Categorical(["retracted"] * n, dtype=frame["status"].dtype),
        reported_by=pd.array(["a wire"] * n, dtype="string"),
    )
    assert set(ed.UNREAD_COLUMNS) <= set(frame.columns)
    changed = Claims._from_frame(other)
    calls = [
        ("reconcile", (), {"by": ECON_BY, "sources": BOOK}),
        ("timeline", ("M",), {"by": ECON_BY}),
        ("sensitivity", (), {"by": ECON_BY, "sources": BOOK}),
        ("revisions", (), {"by": ECON_BY}),
        ("camps", (), {"by": ECON_BY}),
        ("disagreements", (), {"by": ECON_BY}),
        ("by_source", (), {"by": ECON_BY, "sources": BOOK}),
    ]
    for name, args, kw in calls:
        a = pd.DataFrame(quiet(getattr(economist, name), *args, **kw))
        b = pd.DataFrame(quiet(getattr(changed, name), *args, **kw))
        assert len(a) > 0, name
        pd.testing.assert_frame_equal(a, b, obj=name)


# ---------------------------------------------------------------------- workers
def test_local_cluster_workers_start_with_the_engine_environment(client):
    """Every worker of ``local_cluster`` has ``WORKER_ENVIRON`` in its environment (set
    before the process started, so glibc's allocator reads it), and listens on
    127.0.0.1 only."""
    got = client.run(lambda: {k: os.environ.get(k) for k in ed.WORKER_ENVIRON})
    assert len(got) == 2
    assert all(env == dict(ed.WORKER_ENVIRON) for env in got.values())
    assert all(address.startswith("tcp://127.0.0.1:") for address in got)


def test_local_cluster_leaves_values_you_set_in_force():
    distributed = pytest.importorskip("distributed")
    key = "distributed.nanny.pre-spawn-environ"
    mine = {**dask.config.get(key), "MALLOC_MMAP_THRESHOLD_": "1048576"}
    before = os.environ.get("MALLOC_MMAP_THRESHOLD_")
    with (
        dask.config.set({key: mine}),
        ed.local_cluster(1) as cluster,
        distributed.Client(cluster) as cl,
    ):
        got = cl.run(lambda: os.environ.get("MALLOC_MMAP_THRESHOLD_"))
    assert list(got.values()) == ["1048576"]
    # this process's own environment is left as it was (a later cluster reads config)
    assert os.environ.get("MALLOC_MMAP_THRESHOLD_") == before


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"workers": 0}, OptionError),
        ({"workers": "2"}, ArgumentTypeError),
        ({"workers": True}, ArgumentTypeError),
        ({"threads_per_worker": 0}, OptionError),
    ],
)
def test_local_cluster_bad_counts_raise_before_starting_anything(kwargs, error):
    with pytest.raises(error) as info:
        ed.local_cluster(**kwargs)
    assert info.value.args[0].startswith(next(iter(kwargs)))
