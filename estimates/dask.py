"""Past one machine: the ``estimates`` pipeline on Dask collections.

Every function here takes and returns Dask collections and runs, per partition, the
same pure code as the in-memory library, so that ``.compute()`` gives what the
:class:`~estimates.Claims` method gives on the same claims (rows may come in another
order: sort them, e.g. ``.compute().sort_index()``).

=====================  ========================================================
function               what each partition runs
=====================  ========================================================
:func:`read_claims`    :func:`estimates.read_claims` on one file (CSV, JSON, Parquet)
:func:`extract`        :func:`estimates.extract` on each article of the partition
:func:`reconcile`      :meth:`Claims.reconcile` on partitions holding whole groups
:func:`disagreements`  :meth:`Claims.disagreements` (the pair budget is per group)
:func:`revisions`      a source's successive figures for a quantity, per group
:func:`by_source`      pairs of sources, brought together by source pair
:func:`camps`          :meth:`Claims.camps` on partitions holding whole groups
:func:`timeline`       :meth:`Claims.timeline` on partitions holding whole groups
:func:`sensitivity`    :meth:`Claims.sensitivity` on partitions holding whole groups
:func:`reliability`    one pass per round: each partition's source records under
                       the current weights, summed per source on the client
                       (``reconcile(strategy="reliability")`` uses the weights)
:func:`to_parquet`     writes one Parquet file per partition, in one schema taken
                       from the meta (claims, or any result above)
=====================  ========================================================

How groups meet
---------------
The per-group methods need every claim of a group in one partition.  The claims are
first shuffled on the group keys: a hash repartition on one 64-bit hash of the keys
(or on the key columns themselves when they are objects or categories), so no step
collects the whole table on one worker.  Only the columns some computation reads
travel (:data:`UNREAD_COLUMNS` stay behind).  :func:`by_source` shuffles twice: claims
on the group keys, then the pairs on the source pair.

Which shuffle: the ``shuffle`` argument (see :func:`reconcile`).  By default, when
every worker runs on this machine, through files (:mod:`estimates._engine.file_shuffle`:
each partition writes its rows sorted by destination to one Arrow file, each output
reads its share of every file); elsewhere Dask's own (``dataframe.shuffle.method``,
which also wins over the default when you set it).

The shuffle is skipped when the partitions already hold whole groups: for claims read
from files :func:`to_parquet` wrote with ``by=`` (their footers say which groups each
holds, and every partition is checked as it is computed), or on your word
(``partitioned=True``, unchecked).

Workers
-------
:func:`local_cluster` starts worker processes on this machine (127.0.0.1 only) with
:data:`WORKER_ENVIRON`, the allocator setting the kernels need: give workers you start
yourself the same environment.

What travels with each task
---------------------------
The conventions profile in force when the graph is built (:func:`estimates.use_conventions`)
is captured and put in force in the worker, so a worker reads "thousands" as the client
does, even for a profile registered only on the client.  Errors raised in a worker
reach the client with their type, message, reason code and fields (they pickle).

Data-quality warnings raised inside workers (claims flagged invalid left out, claims
without a date) are not shown: look at ``ddf[ddf["error"].notna()]`` and
``ddf["stated_end"].isna()`` yourself.

Examples
--------
>>> import estimates.dask as ed  # doctest: +SKIP
>>> claims = ed.read_claims("claims/*.parquet")  # doctest: +SKIP
>>> ed.to_parquet(ed.reconcile(claims, by="quantity"), "reconciled/")  # doctest: +SKIP
"""

from __future__ import annotations

import glob as _glob
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from ._api.claims import Claims, frame_of
from ._api.claims import read_claims as _read_claims
from ._api.docs import FRAGMENTS, fill_doc
from ._compute.disagreements import SOURCE_PAIR, source_pairs, source_table
from ._compute.reconcile import group_codes
from ._compute.selection import Selection, selection_of
from ._compute.time import DateLike
from ._engine import file_shuffle
from ._engine.arrow import failed_column
from ._model.conventions import (
    PROFILES,
    Conventions,
    get_conventions,
    register_conventions,
    use_conventions,
)
from ._model.errors import (
    ArgumentTypeError,
    DataQualityWarning,
    DependencyError,
    OptionError,
    PairBudgetError,
    ValidationError,
)
from ._model.silencing import silenced
from ._model.sources import SourceBook
from ._table.schema import COLUMNS, ERROR_COLUMN, INPUT_COLUMN, dtype_of

try:
    import dask
    import dask.bag as db
    import dask.dataframe as dd
except ImportError as exc:  # pragma: no cover - exercised without the extra
    raise DependencyError("dask", "dask", "estimates.dask") from exc

__all__ = [
    "by_source",
    "camps",
    "disagreements",
    "extract",
    "local_cluster",
    "read_claims",
    "reconcile",
    "reliability",
    "revisions",
    "sensitivity",
    "timeline",
    "to_parquet",
]

#: File suffixes :func:`read_claims` reads from a folder.
SUFFIXES = (".csv", ".tsv", ".csv.gz", ".json", ".jsonl", ".parquet")

#: The fields :func:`read_claims` maps to columns of the files (``field=column``).
READ_FIELDS = (
    "quantity",
    "figure",
    "text",
    "low",
    "high",
    "best",
    "low_closed",
    "high_closed",
    "hedge",
    "unit",
    "profile",
    "ambiguous",
    "source",
    "reported_by",
    "original_source",
    "stated",
    "stated_start",
    "stated_end",
    "refers_to",
    "refers_start",
    "refers_end",
    "url",
    "published",
    "status",
    "note",
    "id",
)

#: How every per-group function documents ``partitioned`` (one home: filled in by
#: :func:`estimates._api.docs.fill_doc`).
FRAGMENTS["partitioned_parameter"] = """\
partitioned : bool
    Your word that every partition already holds whole groups of ``by`` (e.g. one
    file per quantity): the shuffle on the group keys is skipped and **nothing checks
    it**; a group split across partitions would come back as several rows, each
    reconciled from part of its claims.  Claims read by :func:`read_claims` from
    files :func:`to_parquet` wrote with ``by=`` (these keys or fewer) need no flag:
    the shuffle is skipped and each partition checked.
"""

#: The default pair budget of :func:`disagreements`, per group.
DEFAULT_MAX_PAIRS = 1_000_000


# ---------------------------------------------------------------------- workers

#: Environment of the worker processes :func:`local_cluster` starts (and what to give
#: the workers of a cluster you start yourself).  Distributed sets
#: ``MALLOC_TRIM_THRESHOLD_`` for its workers, which also turns off glibc's sliding
#: mmap threshold: every array above 128 KiB is then mapped afresh from the system
#: and zeroed page by page, and freed back at once.  The per-group kernels allocate
#: column-sized arrays by the hundred: the reconcile kernel ran 1.4-1.6x slower on a
#: worker than the same code in a plain Python process.  This restores the threshold
#: glibc itself slides up to (32 MiB on 64-bit systems): columns of a partition are
#: reused from the heap, as in the client, while the trim threshold still hands freed
#: memory at the heap's top back to the system.  Measured with
#: ``benchmarks/bench_dask.py`` at 10^7 claims on 2 workers: 10.2 s to 8.5 s
#: shuffled, 8.4 s to 6.6 s on files written whole per group.
WORKER_ENVIRON: Mapping[str, str] = MappingProxyType(
    {"MALLOC_MMAP_THRESHOLD_": str(32 * 1024 * 1024)}
)


def local_cluster(
    workers: int | None = None,
    *,
    threads_per_worker: int = 1,
    memory_limit: str | float | None = "auto",
    local_directory: str | os.PathLike[str] | None = None,
) -> Any:
    """Worker processes on this machine, tuned for the ``estimates`` kernels.

    A :class:`distributed.LocalCluster` listening on 127.0.0.1 only (the dashboard on
    a free local port), whose workers start with :data:`WORKER_ENVIRON` (values you
    set in ``distributed.nanny.pre-spawn-environ`` or in the environment win).  What
    ``estimates reconcile --engine dask --workers N`` runs on.

    Parameters
    ----------
    workers : int, optional
        Worker processes (default: one per CPU).
    threads_per_worker : int
        Threads in each worker (default 1: the kernels hold the GIL for much of
        their time, so processes scale where threads do not).
    memory_limit : str or float or None
        Each worker's memory cap, as Dask takes it (``"4GB"``; ``"auto"``, the
        default, shares the machine's memory between the workers).
    local_directory : path, optional
        Where workers spill and shuffle to disk (default: Dask's temporary folder).

    Returns
    -------
    distributed.LocalCluster
        Close it when done (``with`` does so): ``Client(cluster)`` connects to it.

    Examples
    --------
    >>> from distributed import Client  # doctest: +SKIP
    >>> import estimates.dask as ed  # doctest: +SKIP
    >>> with ed.local_cluster(2) as cluster, Client(cluster) as client:  # doctest: +SKIP
    ...     ed.reconcile(ed.read_claims("claims/*.parquet")).compute()
    """
    try:
        from distributed import LocalCluster
    except ImportError as exc:  # pragma: no cover - exercised without the extra
        raise DependencyError("distributed", "dask", "estimates.dask.local_cluster") from exc
    n = workers if workers is not None else (os.cpu_count() or 1)
    for name, value in (("workers", n), ("threads_per_worker", threads_per_worker)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ArgumentTypeError(name, value, "an int")
        if value < 1:
            raise OptionError(name, value, "at least 1")
    key = "distributed.nanny.pre-spawn-environ"
    environ = {**WORKER_ENVIRON, **dask.config.get(key, {})}
    # each nanny writes these into this process's environment before it spawns its
    # worker; the ones that were not there before are taken out again afterwards
    before = {k: os.environ.get(k) for k in WORKER_ENVIRON}
    try:
        with dask.config.set({key: environ}):
            return LocalCluster(
                n_workers=n,
                threads_per_worker=threads_per_worker,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                worker_dashboard_address=None,
                # the scheduler's HTTP endpoint (health checks) on a free local port
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                memory_limit=memory_limit,
                local_directory=None if local_directory is None else str(local_directory),
            )
    finally:
        for k, v in before.items():
            if v is None:
                os.environ.pop(k, None)


# ---------------------------------------------------------------------- conventions
@contextmanager
def _in_force(conventions: Conventions) -> Iterator[None]:
    """Put a profile captured on the client in force in this (worker) process."""
    if PROFILES.get(conventions.name) != conventions:
        register_conventions(conventions, replace=True)
    # the data warnings are the client's to give, once (silenced for this task only:
    # Python's filter list is one per process, shared by a threaded scheduler's tasks)
    with use_conventions(conventions.name), silenced(DataQualityWarning):
        yield


def _task(fn: Callable[..., Any], conventions: Conventions) -> Callable[..., Any]:
    """``fn`` run under the client's conventions profile (picklable: a partial)."""
    from functools import partial

    return partial(_run_in_force, fn, conventions)


def _run_in_force(fn: Callable[..., Any], conventions: Conventions, *args: Any, **kw: Any) -> Any:
    with _in_force(conventions):
        return fn(*args, **kw)


# ---------------------------------------------------------------------- helpers
def _graph() -> Any:
    """Build graphs with pandas' own dtypes: the results must equal the pandas library's
    column for column, so Dask's conversion of text columns to Arrow strings is off."""
    return dask.config.set({"dataframe.convert-string": False})


def _by_list(by: str | Sequence[str]) -> list[str]:
    if isinstance(by, str):
        return [by]
    if not isinstance(by, Sequence) or not all(isinstance(b, str) for b in by) or not by:
        raise ArgumentTypeError("by", by, "a column name or a non-empty list of column names")
    return list(by)


def _check_frame(ddf: Any, by: Sequence[str], what: str) -> None:
    if not isinstance(ddf, dd.DataFrame):
        raise ArgumentTypeError(
            "claims", ddf, f"a dask DataFrame of claims for estimates.dask.{what}"
        )
    missing = [c for c in by if c not in ddf.columns]
    if missing:
        raise OptionError(
            "by", list(by), f"columns of the claims (it has {', '.join(map(str, ddf.columns))})"
        )


def _whole_groups(ddf: Any, keys: Sequence[str], partitioned: bool, shuffle: str) -> Any:
    """The frame with every group's rows in one partition.

    Three ways, cheapest first:

    * ``partitioned=True`` (the caller's word, not checked) or one partition: as is;
    * claims read by :func:`read_claims` from files :func:`to_parquet` wrote with
      ``by=`` a subset of ``keys``: as is, each partition checked, as it is computed,
      to hold only rows of its file's groups (:func:`_check_buckets`), so claims moved
      between partitions after reading raise instead of being reconciled in parts;
    * otherwise a hash shuffle (``shuffle``: :func:`_shuffle_of`).  When every key is
      text, a number, a date or a flag, the rows go where one compact 64-bit hash of
      the keys sends them (:func:`_group_hash`, computed per partition over the
      text's bytes): hashing the key columns themselves (what ``shuffle(on=keys)``
      does) costs as much as moving the rows."""
    _check_shuffle(shuffle)  # whether or not a shuffle runs
    ddf = _read_columns(ddf, keys)
    if partitioned or ddf.npartitions == 1:
        return _library_text(ddf)
    marked = _marked_partitions(ddf, keys)
    if marked is not None:
        by, buckets, sets = marked
        checked = ddf.map_partitions(
            _check_buckets, by, buckets, sets, meta=ddf._meta, enforce_metadata=False
        )
        return _library_text(checked)
    return _library_text(_shuffled_on(ddf, keys, shuffle))


def _shuffled_on(ddf: Any, keys: Sequence[str], shuffle: str) -> Any:
    """``ddf`` with all rows of equal ``keys`` in one partition: a hash shuffle, the
    one ``shuffle`` names (:func:`_shuffle_of`)."""
    method = _shuffle_of(shuffle, ddf)
    if method == FILES and all(_text_key(ddf._meta[k]) for k in keys):
        # objects holding texts too (pandas 2): each partition checks they are texts
        return _file_shuffled(ddf, _group_destination, (list(keys),), ddf.npartitions)
    if not all(_hashable_key(ddf._meta[k]) for k in keys):
        return ddf.shuffle(on=list(keys), shuffle_method=_dask_method(method))
    meta = ddf._meta.assign(**{GROUP_HASH: pd.Series([], dtype="uint64")})
    hashed = ddf.map_partitions(_with_group_hash, list(keys), meta=meta)
    return hashed.shuffle(on=GROUP_HASH, shuffle_method=_dask_method(method)).drop(
        columns=[GROUP_HASH]
    )


#: Standard columns no per-group computation reads (what a claim records for people:
#: where it was published, notes, ids, how its figure was read): left behind before
#: the shuffle, which then moves a third fewer bytes.  A test fills them with other
#: values and checks that no result changes (tests/dask/test_engine.py).
UNREAD_COLUMNS = (
    "url",
    "published",
    "note",
    "id",
    "lang",
    "profile",
    "ambiguous",
    "status",
    "reported_by",
)


#: The shuffle through files (:mod:`estimates._engine.file_shuffle`).
FILES = "files"

#: What ``shuffle=`` takes.
SHUFFLES = ("auto", FILES, "p2p", "tasks")

#: With ``shuffle="auto"`` off this machine, up to this many partitions shuffles run
#: as plain tasks; beyond, Dask's default (peer-to-peer on a cluster: memory stays
#: flat however many partitions).  Measured at 10^7 claims in 10 files on 2 workers
#: (``benchmarks/bench_dask.py --shuffle tasks,p2p,tasks,p2p``, four runs): wall
#: times alike within the machine's noise (tasks 33-43 s, median 36; p2p 25-49 s,
#: median 39), the workers' peak memory 7-10% lower with tasks.
TASK_SHUFFLE_PARTITIONS = 16

FRAGMENTS["shuffle_parameter"] = """\
shuffle : {"auto", "files", "p2p", "tasks"}
    How the rows of a group are brought together when the partitions do not hold
    whole groups already.  ``"files"``: each partition writes its rows, sorted by
    destination, to one Arrow file in its worker's local directory, and each output
    partition reads its share of every file (every worker must see the others'
    local directories: one machine, or Dask's ``temporary-directory`` on a file
    system they share); the files are deleted once every output has read them, or
    when the workers close; group keys held as categories go through plain tasks
    instead (their codes may differ from partition to partition).  ``"p2p"``,
    ``"tasks"``: Dask's own shuffles.
    ``"auto"`` (the default): Dask's ``dataframe.shuffle.method`` if you set it;
    else ``"files"`` when every worker runs on this machine and no column holds
    Python objects; else ``"tasks"`` up to 16 partitions and Dask's choice beyond.
"""


def _shuffle_of(shuffle: str, ddf: Any) -> str | None:
    """The shuffle to run on ``ddf``: ``"files"``, a Dask method, or None (Dask's
    choice), from the ``shuffle=`` argument (see the ``shuffle`` parameter)."""
    _check_shuffle(shuffle)
    if shuffle != "auto":
        return shuffle
    chosen = dask.config.get("dataframe.shuffle.method", None)
    if chosen:
        return str(chosen)
    if _arrow_columns(ddf._meta) and _one_machine():
        return FILES
    return "tasks" if ddf.npartitions <= TASK_SHUFFLE_PARTITIONS else None


def _check_shuffle(shuffle: str) -> None:
    if shuffle not in SHUFFLES:
        raise OptionError("shuffle", shuffle, "one of " + ", ".join(map(repr, SHUFFLES)))


def _dask_method(method: str | None) -> str | None:
    """Dask's ``shuffle_method`` for a choice of :func:`_shuffle_of`: keys the file
    shuffle cannot hash (categories) go through plain tasks, which run on any
    scheduler, as the file shuffle does."""
    return "tasks" if method == FILES else method


def _arrow_columns(meta: pd.DataFrame) -> bool:
    """Whether no column (nor the index) holds Python objects, whose values Arrow may
    not take in one type (the file shuffle writes Arrow files)."""
    index = list(meta.index.levels) if isinstance(meta.index, pd.MultiIndex) else [meta.index]
    dtypes = [*meta.dtypes.tolist(), *(i.dtype for i in index)]
    return not any(pd.api.types.is_object_dtype(t) for t in dtypes)


def _one_machine() -> bool:
    """Whether every worker runs on this machine: no distributed client (Dask's own
    schedulers), or a client whose workers all listen on a loopback address (as
    :func:`local_cluster`'s do) or in-process."""
    import ipaddress
    from urllib.parse import urlsplit

    try:
        from distributed import default_client

        client = default_client()
    except (ImportError, ValueError):  # no distributed, or no client
        return True
    workers = client.scheduler_info(n_workers=-1).get("workers", {})
    if not workers:
        return False
    for address in workers:
        parts = urlsplit(address)
        if parts.scheme == "inproc":
            continue
        host = parts.hostname or ""
        try:
            if not ipaddress.ip_address(host).is_loopback:
                return False
        except ValueError:
            if host != "localhost":
                return False
    return True


def _group_destination(part: pd.DataFrame, keys: Sequence[str], partitions: int) -> np.ndarray:
    """Each row's output partition: its group's :func:`_group_hash` modulo ``partitions``."""
    return (_group_hash(part, keys) % np.uint64(partitions)).astype(np.int64)


def _file_shuffled(
    ddf: Any,
    destination: Callable[..., np.ndarray],
    args: tuple[Any, ...],
    partitions: int,
) -> Any:
    """``ddf``'s rows in ``partitions`` partitions, each row in the one
    ``destination(part, *args, partitions)`` names, moved through files
    (:mod:`estimates._engine.file_shuffle`): one task per input partition writes,
    then one per output partition reads (with the graph's later steps)."""
    import uuid

    token = uuid.uuid4().hex  # one folder per graph: shuffles never share files
    spilled = ddf.map_partitions(
        _spill_part,
        destination,
        args,
        partitions,
        token,
        meta=pd.DataFrame(
            {"rows": pd.Series([], dtype="int64"), "folder": pd.Series([], dtype=object)}
        ),
        enforce_metadata=False,
    )
    plan = dask.delayed(_spill_plan, pure=True)(spilled.to_delayed())
    outputs = dd.from_map(
        _output_number,
        range(partitions),
        meta=pd.DataFrame({"output": pd.Series([], dtype="int64")}),
        label="estimates-file-shuffle",
        enforce_metadata=False,
    )
    return outputs.map_partitions(
        _gather_part, plan, ddf._meta, meta=ddf._meta, enforce_metadata=False
    )


#: Spill folders written outside a Dask worker (Dask's own schedulers), deleted when
#: the process exits if some output never read them.
_LOCAL_SPILLS: set[str] = set()


def _spill_folder(token: str) -> str:
    """Where this process writes its spill files: under the Dask worker's local
    directory (deleted with it), else under Dask's ``temporary-directory`` (or the
    system's), deleted at exit if still there."""
    import tempfile

    try:
        from distributed import get_worker

        root = get_worker().local_directory
    except (ImportError, ValueError):
        import atexit

        root = dask.config.get("temporary-directory", None) or tempfile.gettempdir()
        folder = os.path.join(root, f"estimates-shuffle-{token}")
        if not _LOCAL_SPILLS:
            atexit.register(_remove_local_spills)
        _LOCAL_SPILLS.add(folder)
        return folder
    return os.path.join(root, f"estimates-shuffle-{token}")


def _remove_local_spills() -> None:
    import shutil

    for folder in _LOCAL_SPILLS:
        shutil.rmtree(folder, ignore_errors=True)


def _spill_part(
    part: pd.DataFrame,
    destination: Callable[..., np.ndarray],
    args: tuple[Any, ...],
    partitions: int,
    token: str,
    partition_info: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    number = 0 if partition_info is None else int(partition_info["number"])
    folder = _spill_folder(token)
    where = destination(part, *args, partitions)
    counts = file_shuffle.spill(part, where, partitions, folder, number)
    return pd.DataFrame({"rows": counts, "folder": folder})


def _spill_plan(frames: Sequence[pd.DataFrame]) -> tuple[list[str], np.ndarray]:
    """Each input's folder, and its rows per output (inputs x outputs)."""
    folders = [str(f["folder"].iat[0]) for f in frames]  # one row per output, never none
    return folders, np.vstack([f["rows"].to_numpy(np.int64) for f in frames])


def _output_number(number: int) -> pd.DataFrame:
    return pd.DataFrame({"output": [number]})


def _gather_part(
    output: pd.DataFrame, plan: tuple[list[str], np.ndarray], empty: pd.DataFrame
) -> pd.DataFrame:
    folders, counts = plan
    number = int(output["output"].to_numpy(np.int64)[0])
    return file_shuffle.gather(folders, counts, number, empty)


def _read_columns(ddf: Any, keys: Sequence[str]) -> Any:
    """The claims without the :data:`UNREAD_COLUMNS` (group keys kept)."""
    unread = [c for c in UNREAD_COLUMNS if c in ddf.columns and c not in keys]
    return ddf.drop(columns=unread) if unread else ddf


def _library_text(ddf: Any) -> Any:
    """The standard text columns in their schema dtype, as a ``Claims`` table holds
    them (:func:`estimates._table.ingest.cast_standard`).

    ``dd.from_pandas(claims.frame)`` turns them into Arrow strings on pandas 2.2 (Dask's
    ``dataframe.convert-string``), whereas the pandas library's are pandas' own
    ``StringDtype()``; a group key would carry Dask's dtype into the results' index.
    Cast after the shuffle (Arrow strings move cheaper); a no-op when they agree."""
    meta = ddf._meta
    casts = {
        c.name: dtype_of(c)
        for c in COLUMNS
        if c.kind == "string" and c.name in meta.columns and meta[c.name].dtype != dtype_of(c)
    }
    return ddf.astype(casts) if casts else ddf


#: The column holding :func:`_group_hash` during a shuffle (never in a result).
GROUP_HASH = "__estimates_group_hash__"

#: Odd 64-bit multipliers of the hash (golden ratio; splitmix64's finaliser).
_MULT = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)


def _hashable_key(column: pd.Series) -> bool:
    """Whether :func:`_group_hash` hashes this key alike in every partition: text in a
    text dtype, numbers, dates, flags (not objects or categories, whose values or
    codes may differ in type from partition to partition)."""
    t = column.dtype
    if isinstance(t, pd.StringDtype):
        return True
    if isinstance(t, pd.CategoricalDtype) or pd.api.types.is_object_dtype(t):
        return False
    return bool(
        pd.api.types.is_numeric_dtype(t)
        or pd.api.types.is_bool_dtype(t)
        or pd.api.types.is_datetime64_any_dtype(t)
    )


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: every bit of ``h`` moves every bit of the result."""
    h = h ^ (h >> np.uint64(30))
    h = h * _MIX1
    h = h ^ (h >> np.uint64(27))
    h = h * _MIX2
    return h ^ (h >> np.uint64(31))


def _text_hash(column: pd.Series) -> np.ndarray:
    """A 64-bit hash of each text, from its UTF-8 bytes (a polynomial over the bytes,
    summed per text with one cumulative sum): the same text gives the same hash in
    every partition and process; a missing text gets a hash of its own."""
    import pyarrow as pa

    arr = pa.array(column, type=pa.large_string(), from_pandas=True)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    n = len(arr)
    _, off_buf, data_buf = arr.buffers()
    offsets = np.frombuffer(off_buf, dtype=np.int64, count=n + 1, offset=arr.offset * 8)
    first = int(offsets[0])
    rel = offsets - first
    size = int(rel[-1])
    data = (
        np.frombuffer(data_buf, dtype=np.uint8, count=size, offset=first)
        if size
        else np.zeros(0, dtype=np.uint8)
    )
    lengths = np.diff(rel)
    with np.errstate(over="ignore"):
        pos = np.arange(size, dtype=np.int64) - np.repeat(rel[:-1], lengths)
        powers = np.cumprod(np.full(max(int(lengths.max(initial=0)), 1), _MULT))
        total = np.concatenate(([np.uint64(0)], np.cumsum((data + np.uint64(1)) * powers[pos])))
        # the length mixed on its own: XOR with a multiple of _MULT would cancel the
        # polynomial of a one-byte NUL text (it and the empty text would collide)
        h = _mix((total[rel[1:]] - total[rel[:-1]]) ^ _mix(lengths.astype(np.uint64) + _MIX1))
    if arr.null_count:
        h[np.asarray(arr.is_null())] = _MIX1
    return h


def _group_hash(part: pd.DataFrame, keys: Sequence[str], *, repeated: bool = False) -> np.ndarray:
    """One 64-bit hash per row of its group keys, alike in every partition.

    ``repeated``: the partition holds many rows per group (a file written whole per
    group), so rows in runs of one group (as :func:`to_parquet` writes them) take the
    hash of their run's first row, and otherwise each distinct text is hashed once
    and its rows take the hash: the same hashes, for less work.  On files of groups
    drawn at random, where nearly every text of a partition is distinct, the
    distinct texts cost the workers more (benchmarks/bench_dask.py)."""
    if repeated and len(part) > 1:
        heads = _run_heads(part, keys)
        if len(heads) <= len(part) // 2:
            # rows in runs of one group (files to_parquet(by=) wrote sort them so):
            # each run's first row hashed, the others take its hash
            lengths = np.diff(np.append(heads, len(part)))
            return np.repeat(_group_hash(part[list(keys)].iloc[heads], keys), lengths)
    h = np.zeros(len(part), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in keys:
            col = part[k]
            if pd.api.types.is_datetime64_any_dtype(col.dtype):
                col = col.dt.as_unit("ns")  # a day is a day, whatever unit a file gave
            if repeated and getattr(col.dtype, "storage", None) == "pyarrow":
                # Arrow tells texts apart by their bytes (pandas 2 hashing of Python
                # strings stops at a NUL: not used here)
                codes, uniques = pd.factorize(col, use_na_sentinel=False)
                one = _text_hash(pd.Series(uniques))[codes]
            elif isinstance(col.dtype, pd.StringDtype):
                one = _text_hash(col)
            elif pd.api.types.is_object_dtype(col.dtype):  # text kept as objects (pandas 2)
                one = _object_text_hash(part, k)
            else:
                one = pd.util.hash_pandas_object(col, index=False).to_numpy(np.uint64)
            h = _mix(h * _MULT + one)
    return h


def _run_heads(part: pd.DataFrame, keys: Sequence[str]) -> np.ndarray:
    """Positions of the rows whose keys differ from the row before (the first row
    always): the starts of runs of rows of one group.  Keys compare as
    :func:`_group_hash` tells them apart: texts by their bytes, numbers and dates by
    their bits, a missing value equal only to a missing value."""
    import pyarrow as pa
    import pyarrow.compute as pc

    n = len(part)
    change = np.zeros(n, dtype=bool)
    if n == 0:
        return np.flatnonzero(change)
    change[0] = True
    for k in keys:
        col = part[k]
        if isinstance(col.dtype, pd.StringDtype) or pd.api.types.is_object_dtype(col.dtype):
            try:
                arr = pa.array(col, type=pa.large_string(), from_pandas=True)
            except (pa.ArrowInvalid, pa.ArrowTypeError):  # not texts: hashing says so
                return np.arange(n)
            a, b = arr[1:], arr[:-1]
            same = pc.fill_null(pc.equal(a, b), False)
            both = pc.and_(pc.is_null(a), pc.is_null(b))
            change[1:] |= ~np.asarray(pc.or_(same, both), dtype=bool)
        elif not isinstance(col.dtype, np.dtype):  # nullable numbers, zoned dates...
            return np.arange(n)  # no runs taken: hashed as before
        else:
            values = col.to_numpy()
            if values.dtype.kind in "fMm":
                values = values.view(f"u{values.dtype.itemsize}")  # -0.0 is not 0.0
            change[1:] |= values[1:] != values[:-1]
    return np.flatnonzero(change)


def _object_text_hash(part: pd.DataFrame, key: str) -> np.ndarray:
    """:func:`_text_hash` of an object column holding texts; anything else raises
    (its hash would not be the same in every partition)."""
    col = part[key]
    if pd.api.types.infer_dtype(col, skipna=True) not in ("string", "empty"):
        fits = col.map(lambda v: isinstance(v, str))  # the error path only
        rows = np.flatnonzero(col.notna().to_numpy() & ~fits.to_numpy(dtype=bool))[:20]
        failures = pd.DataFrame(
            {
                "row": part.index[rows],
                "column": key,
                "value": col.iloc[rows].to_numpy(dtype=object),
                "expected": "text (a group key of files written whole per group)",
            }
        )
        raise ValidationError(failures, what="claims")
    return _text_hash(col)


def _text_key(column: pd.Series) -> bool:
    """Whether a key column can be hashed by :func:`_group_hash` (objects: checked
    to be texts as each partition is hashed)."""
    return _hashable_key(column) or pd.api.types.is_object_dtype(column.dtype)


def _with_group_hash(part: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    return part.assign(**{GROUP_HASH: _group_hash(part, keys)})


# ---------------------------------------------------------------------- partitioned files
#: The key of the Parquet footer metadata :func:`to_parquet` writes with ``by=``, and
#: of the Dask meta's ``attrs`` where :func:`read_claims` keeps what the files say.
PARTITIONS_KEY = "estimates.partitions"

#: The version of :func:`_group_hash` a footer's buckets were computed with: files
#: written with another are not taken as whole groups (they are shuffled).
HASH_VERSION = 1

#: Buckets per file :func:`to_parquet` spreads the groups over (``hash % buckets``,
#: the buckets shuffled to the files): enough for files of even size.
BUCKETS_PER_FILE = 64


def _bucket_of(part: pd.DataFrame, keys: Sequence[str], buckets: int) -> np.ndarray:
    """Each row's bucket: its group's :func:`_group_hash` modulo ``buckets``."""
    return (_group_hash(part, keys, repeated=True) % np.uint64(buckets)).astype(np.int64)


def _marked_partitions(
    ddf: Any, keys: Sequence[str]
) -> tuple[list[str], int, tuple[tuple[int, ...], ...]] | None:
    """What :func:`read_claims` learned from the files' footers, when it proves that
    the partitions hold whole groups of ``keys``: the files were written by
    :func:`to_parquet` with ``by=`` a subset of ``keys``, one partition per file."""
    mark = ddf._meta.attrs.get(PARTITIONS_KEY)
    if not mark:
        return None
    by, buckets, sets = list(mark["by"]), int(mark["buckets"]), tuple(mark["sets"])
    if not set(by) <= set(keys) or len(sets) != ddf.npartitions:
        return None
    if not all(k in ddf.columns and _text_key(ddf._meta[k]) for k in by):
        return None
    return by, buckets, sets


def _check_buckets(
    part: pd.DataFrame,
    by: Sequence[str],
    buckets: int,
    sets: Sequence[Sequence[int]],
    partition_info: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """``part`` unchanged when every row is of a bucket its file holds (the groups of
    the other files are in their partitions), else a :class:`ValidationError` naming
    the first rows out of place."""
    number = 0 if partition_info is None else int(partition_info["number"])
    mine = np.asarray(sets[number], dtype=np.int64)
    out = ~np.isin(_bucket_of(part, by, buckets), mine)
    if not out.any():
        return part
    rows = np.flatnonzero(out)[:20]
    failures = pd.DataFrame(
        {
            "row": part.index[rows],
            "column": ", ".join(by),
            "value": (
                part[by[0]].iloc[rows].to_numpy(dtype=object)
                if len(by) == 1
                else [tuple(v) for v in part[list(by)].iloc[rows].itertuples(index=False)]
            ),
            "expected": f"a group of the file read into partition {number} (the claims "
            "were moved between partitions after reading: shuffle them on the group "
            "keys and pass partitioned=True)",
        }
    )
    raise ValidationError(failures, what=f"claims of partition {number}")


def _footer_marks(files: Sequence[str]) -> dict[str, Any] | None:
    """What the footers of ``files`` (Parquet written by :func:`to_parquet` with
    ``by=``) say about their groups, when it proves each holds whole groups: one
    writing (the same ``dataset``, keys and buckets) and no bucket in two files.
    Only the footers are read; None at the first file that does not prove it."""
    import json

    import pyarrow.parquet as pq

    if not all(f.lower().endswith((".parquet", ".pq")) for f in files):
        return None
    first: dict[str, Any] | None = None
    sets: list[tuple[int, ...]] = []
    for f in files:
        raw = (pq.read_schema(f).metadata or {}).get(PARTITIONS_KEY.encode())
        if raw is None:
            return None
        mark = json.loads(raw)
        head = {k: mark.get(k) for k in ("dataset", "by", "buckets", "hash")}
        if head["hash"] != HASH_VERSION:
            return None
        if first is None:
            first = head
        elif head != first:
            return None
        sets.append(tuple(int(b) for b in mark["bucket_set"]))
    seen = [b for s in sets for b in s]
    if first is None or len(seen) != len(set(seen)):
        return None
    return {"by": list(first["by"]), "buckets": int(first["buckets"]), "sets": tuple(sets)}


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """A plain DataFrame (display subclasses such as ``Reconciliation`` dropped)."""
    return frame if type(frame) is pd.DataFrame else pd.DataFrame(frame)


def _typed_meta(meta: pd.DataFrame) -> pd.DataFrame:
    """The meta with its empty categorical columns' categories typed as text (so that
    Parquet writers agree with the partitions, whose categories are strings)."""
    text = pd.Categorical(np.array(["x"], dtype=object)).categories[:0]
    if pd.api.types.is_object_dtype(text.dtype):
        # pandas 2.2 infers text categories as objects, and an empty object Index tells
        # Arrow no type (its schema would say null values, and no partition fits it)
        text = text.astype(pd.StringDtype())
    cats = {
        c: pd.CategoricalDtype(text)
        for c, t in meta.dtypes.items()
        if isinstance(t, pd.CategoricalDtype) and len(t.categories) == 0
    }
    return meta.astype(cats) if cats else meta


def _period_level(meta: pd.DataFrame, freq: str) -> pd.DataFrame:
    """A timeline's meta with its ``period`` level typed as the partitions' (periods of
    ``freq``; an empty result cannot tell)."""
    from ._compute.time import period_codes

    index = meta.index
    if not isinstance(index, pd.MultiIndex) or "period" not in index.names:
        return meta
    empty = pd.Index(period_codes(pd.Series([], dtype="datetime64[ns]"), freq))
    level = index.names.index("period")
    typed = index.set_levels(empty, level=level, verify_integrity=False)
    return meta.set_axis(typed, axis=0)


#: The dtypes of :meth:`Claims.camps`' columns (its result on no claims has none).
CAMPS_DTYPES = {
    "camp": "int64",
    "camps": "int64",
    "low": "float64",
    "high": "float64",
    "low_closed": "bool",
    "high_closed": "bool",
    "stated_low": "float64",
    "stated_high": "float64",
    "claims": "int64",
}


def _camps_meta(meta: pd.DataFrame, claims: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """The camps' meta typed as their partitions (numbers, flags; number keys)."""
    dtypes: dict[str, Any] = {c: t for c, t in CAMPS_DTYPES.items() if c in meta.columns}
    for k in keys:
        t = claims[k].dtype
        if k in meta.columns and (
            pd.api.types.is_numeric_dtype(t) or pd.api.types.is_bool_dtype(t)
        ):
            dtypes[k] = t
    out = meta.astype(dtypes)
    out.attrs.update(meta.attrs)
    return out


def _method_kernel(
    part: pd.DataFrame, method: str, args: tuple[Any, ...], options: Mapping[str, Any]
) -> pd.DataFrame:
    """The ``Claims`` method on one partition of whole groups."""
    claims = Claims._from_frame(part)
    return _plain(getattr(claims, method)(*args, **options))


def _per_group(
    ddf: Any,
    method: str,
    keys: Sequence[str],
    *,
    args: tuple[Any, ...] = (),
    options: Mapping[str, Any],
    partitioned: bool,
    shuffle: str,
    kernel: Callable[..., pd.DataFrame] = _method_kernel,
) -> Any:
    """Run a per-group ``Claims`` method over a Dask DataFrame of claims."""
    conv = get_conventions()
    fn = _task(kernel, conv)
    with _graph():
        whole = _whole_groups(ddf, keys, partitioned, shuffle)
    with _in_force(conv):
        meta = kernel(whole._meta, method, args, options)
    meta = _with_labels(_typed_meta(meta), whole._meta)
    if method == "timeline":
        meta = _period_level(meta, options["freq"])
    elif method == "camps":
        meta = _camps_meta(meta, whole._meta, keys)
    with _graph():
        return whole.map_partitions(fn, method, args, options, meta=meta, enforce_metadata=False)


#: The arguments of a call that make its claim selection (as for the Claims methods).
SELECTION_ARGS = (
    "as_of",
    "window",
    "latest_per_source",
    "exclude_kinds",
    "dedupe",
    "sources",
)


def _selection(ddf: Any, call: Mapping[str, Any]) -> Selection:
    """The claim selection of a call (its ``selection`` or its separate arguments, from
    the caller's ``locals()``), as one object every partition applies alike.

    ``window`` without ``as_of`` counts back from the latest statement of the *whole*
    table: that day is computed first (a reduction, not a collection) and fixed."""
    sel = selection_of(call["selection"], **{k: call[k] for k in SELECTION_ARGS})
    if sel.window is not None and sel.as_of is None:
        valid = ddf[ddf["error"].isna()] if "error" in ddf.columns else ddf
        latest = valid["stated_end"].max().compute()
        if not pd.isna(latest):
            sel = replace(sel, as_of=pd.Timestamp(latest))
    return sel


# ---------------------------------------------------------------------- per group
#: Arguments of a per-group function that are not options of the ``Claims`` method.
_NOT_OPTIONS = frozenset({"ddf", "partitioned", "shuffle", "wide", "selection", *SELECTION_ARGS})


def _run(
    ddf: Any,
    method: str,
    call: Mapping[str, Any],
    *,
    kernel: Callable[..., pd.DataFrame] = _method_kernel,
    check: str | None = None,
) -> Any:
    """Run the ``Claims`` method ``method`` per group, with the arguments of a call of
    a per-group function (its ``locals()``): every option as given, the group keys as
    a list and the claim selection as one object every partition applies alike."""
    keys, options = _prepared(ddf, check or method, call)
    return _per_group(
        ddf,
        method,
        keys,
        options=options,
        partitioned=call["partitioned"],
        shuffle=call["shuffle"],
        kernel=kernel,
    )


def _prepared(ddf: Any, what: str, call: Mapping[str, Any]) -> tuple[list[str], dict[str, Any]]:
    """The group keys and the options of a per-group call (its ``locals()``), checked."""
    keys = _by_list(call["by"])
    _check_frame(ddf, keys, what)
    options = {k: v for k, v in call.items() if k not in _NOT_OPTIONS}
    options.update(by=keys, selection=_selection(ddf, call))
    if "quantiles" in options:
        options["quantiles"] = tuple(options["quantiles"])
    if "max_pairs" in options:
        max_pairs = options["max_pairs"]
        if isinstance(max_pairs, bool) or not isinstance(max_pairs, int | np.integer):
            raise ArgumentTypeError("max_pairs", max_pairs, "an int")
        options["max_pairs"] = int(max_pairs)
    return keys, options


@fill_doc
def reconcile(
    ddf: Any,
    by: str | Sequence[str] = "quantity",
    *,
    selection: Selection | None = None,
    as_of: DateLike | None = None,
    window: str | pd.Timedelta | None = None,
    latest_per_source: bool = False,
    exclude_kinds: Sequence[str] | str = (),
    dedupe: bool = True,
    sources: SourceBook | None = None,
    strategy: str = "median",
    weights: str | None = None,
    unit: str | None = None,
    compare_within: str | pd.Timedelta | int | None = "auto",
    cumulative: bool | Sequence[str] = False,
    quantiles: Sequence[float] = (0.05, 0.5, 0.95),
    tail: float = 2.0,
    partitioned: bool = False,
    shuffle: str = "auto",
) -> Any:
    """Per group: what the claims span, allow and support, and how they conflict.

    :meth:`estimates.Claims.reconcile` on a Dask DataFrame of claims: every option
    means the same, and ``.compute()`` gives the same rows (in another order).

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Claims in the standard schema (from :func:`read_claims`, or
        ``dd.from_pandas(claims.frame, ...)``).  Rows flagged invalid (an ``error``
        value) are left out, as by the ``Claims`` method.
    by
        As for :meth:`estimates.Claims.reconcile`.
    %(selection_parameters)s
    strategy, weights, unit, compare_within, cumulative, quantiles, tail
        As for :meth:`estimates.Claims.reconcile`.
    %(partitioned_parameter)s
    %(shuffle_parameter)s

    Returns
    -------
    dask.dataframe.DataFrame
        One row per group, indexed by the ``by`` keys, the columns of
        :meth:`~estimates.Claims.reconcile`; rows unordered across partitions.

    Examples
    --------
    >>> import dask.dataframe as dd, estimates, estimates.dask as ed  # doctest: +SKIP
    >>> claims = estimates.read_claims("seeds/kursk_claims.csv")  # doctest: +SKIP
    >>> ddf = dd.from_pandas(claims.frame, npartitions=2)  # doctest: +SKIP
    >>> ed.reconcile(ddf).compute().sort_index()  # doctest: +SKIP
    """
    if strategy == "reliability":  # weights learned across partitions, not per partition
        keys, options = _prepared(ddf, "reconcile", locals())
        return _reconcile_reliability(ddf, keys, options, partitioned, shuffle)
    return _run(ddf, "reconcile", locals())


@fill_doc
def timeline(
    ddf: Any,
    freq: str = "M",
    by: str | Sequence[str] = "quantity",
    *,
    running: bool | None = None,
    selection: Selection | None = None,
    as_of: DateLike | None = None,
    window: str | pd.Timedelta | None = None,
    latest_per_source: bool = False,
    exclude_kinds: Sequence[str] | str = (),
    dedupe: bool = True,
    sources: SourceBook | None = None,
    strategy: str = "median",
    unit: str | None = None,
    compare_within: str | pd.Timedelta | int | None = "31D",
    cumulative: bool | Sequence[str] = False,
    partitioned: bool = False,
    shuffle: str = "auto",
) -> Any:
    """Reconcile per period of statement, as :meth:`estimates.Claims.timeline`.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Claims in the standard schema.
    freq, by, running
        As for :meth:`estimates.Claims.timeline`.
    %(selection_parameters)s
    strategy, unit, compare_within, cumulative
        As for :meth:`estimates.Claims.timeline`.
    %(partitioned_parameter)s
    %(shuffle_parameter)s

    Returns
    -------
    dask.dataframe.DataFrame
        Indexed by the ``by`` keys and ``period``; rows unordered across partitions.
    """
    return _run(ddf, "timeline", locals())


@fill_doc
def sensitivity(
    ddf: Any,
    by: str | Sequence[str] = "quantity",
    *,
    selection: Selection | None = None,
    as_of: DateLike | None = None,
    window: str | pd.Timedelta | None = None,
    latest_per_source: bool = False,
    exclude_kinds: Sequence[str] | str = (),
    dedupe: bool = True,
    sources: SourceBook | None = None,
    strategy: str = "median",
    unit: str | None = None,
    compare_within: str | pd.Timedelta | int | None = "31D",
    partitioned: bool = False,
    shuffle: str = "auto",
) -> Any:
    """Leave-one-source-out reconciliation, as :meth:`estimates.Claims.sensitivity`.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Claims in the standard schema.
    by
        As for :meth:`estimates.Claims.sensitivity`.
    %(selection_parameters)s
    strategy, unit, compare_within
        As for :meth:`estimates.Claims.sensitivity`.
    %(partitioned_parameter)s
    %(shuffle_parameter)s

    Returns
    -------
    dask.dataframe.DataFrame
        Indexed by the ``by`` keys and ``without``; rows unordered across partitions.
    """
    return _run(ddf, "sensitivity", locals())


@fill_doc
def revisions(
    ddf: Any,
    by: str | Sequence[str] = "quantity",
    *,
    selection: Selection | None = None,
    as_of: DateLike | None = None,
    window: str | pd.Timedelta | None = None,
    latest_per_source: bool = False,
    exclude_kinds: Sequence[str] | str = (),
    dedupe: bool = True,
    sources: SourceBook | None = None,
    unit: str | None = None,
    cumulative: bool | Sequence[str] = False,
    first: bool = True,
    partitioned: bool = False,
    shuffle: str = "auto",
) -> Any:
    """A source's successive figures for a quantity, as :meth:`estimates.Claims.revisions`.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Claims in the standard schema.
    by
        As for :meth:`estimates.Claims.revisions`.
    %(selection_parameters)s
    unit, cumulative, first
        As for :meth:`estimates.Claims.revisions`.
    %(partitioned_parameter)s
    %(shuffle_parameter)s

    Returns
    -------
    dask.dataframe.DataFrame
        One row per revision; rows unordered across partitions.
    """
    return _run(ddf, "revisions", locals())


@fill_doc
def camps(
    ddf: Any,
    by: str | Sequence[str] = "quantity",
    *,
    selection: Selection | None = None,
    as_of: DateLike | None = None,
    window: str | pd.Timedelta | None = None,
    latest_per_source: bool = False,
    exclude_kinds: Sequence[str] | str = (),
    dedupe: bool = True,
    sources: SourceBook | None = None,
    unit: str | None = None,
    compare_within: str | pd.Timedelta | int | None = "auto",
    partitioned: bool = False,
    shuffle: str = "auto",
) -> Any:
    """The camps of each group in conflict, as :meth:`estimates.Claims.camps`.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Claims in the standard schema.
    by
        As for :meth:`estimates.Claims.camps`.
    %(selection_parameters)s
    unit, compare_within
        As for :meth:`estimates.Claims.camps`.
    %(partitioned_parameter)s
    %(shuffle_parameter)s

    Returns
    -------
    dask.dataframe.DataFrame
        Rows unordered across partitions.
    """
    return _run(ddf, "camps", locals())


# ---------------------------------------------------------------------- pairs
def _pairs_kernel(
    part: pd.DataFrame, method: str, args: tuple[Any, ...], options: Mapping[str, Any]
) -> pd.DataFrame:
    """``Claims.disagreements`` on whole groups, with the pair budget per group."""
    budget = int(options["max_pairs"])
    by = list(options["by"])
    claims = Claims._from_frame(part)
    valid = frame_of(claims.valid())
    codes, labels = group_codes(valid, by)
    k = np.bincount(codes, minlength=len(labels)).astype(np.int64)
    pairs = k * (k - 1) // 2
    over = np.flatnonzero(pairs > budget)
    # Claims left out by the selection cannot add pairs: only groups over the budget
    # before selection are checked again, alone, after it (they are few and huge).
    for g in over:
        alone = Claims._from_frame(valid[codes == g])
        try:
            getattr(alone, method)(**{**options, "max_pairs": budget})
        except PairBudgetError as exc:
            raise PairBudgetError(exc.pairs, budget, group=labels[int(g)]) from None
    total = max(int(pairs.sum()), budget)
    return _plain(getattr(claims, method)(**{**options, "max_pairs": total}))


@fill_doc
def disagreements(
    ddf: Any,
    by: str | Sequence[str] = "quantity",
    *,
    selection: Selection | None = None,
    as_of: DateLike | None = None,
    window: str | pd.Timedelta | None = None,
    latest_per_source: bool = False,
    exclude_kinds: Sequence[str] | str = (),
    dedupe: bool = True,
    sources: SourceBook | None = None,
    unit: str | None = None,
    compare_within: str | pd.Timedelta | int | None = "auto",
    revisions: bool = True,
    only_conflicts: bool = False,
    max_pairs: int = DEFAULT_MAX_PAIRS,
    partitioned: bool = False,
    shuffle: str = "auto",
) -> Any:
    """One row per pair of claims within a group, as :meth:`estimates.Claims.disagreements`.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Claims in the standard schema.
    by
        As for :meth:`estimates.Claims.disagreements`.
    %(selection_parameters)s
    unit, compare_within, revisions, only_conflicts
        As for :meth:`estimates.Claims.disagreements`.
    max_pairs : int
        The pair budget **per group** (in memory it is for the whole table): a group
        with more pairs raises :class:`~estimates.PairBudgetError` naming it.
    %(partitioned_parameter)s
    %(shuffle_parameter)s

    Returns
    -------
    dask.dataframe.DataFrame
        One row per pair; ``claim_a``/``claim_b`` are the claims' index labels.  Rows
        unordered across partitions.
    """
    return _run(ddf, "disagreements", locals(), kernel=_pairs_kernel)


@fill_doc
def by_source(
    ddf: Any,
    by: str | Sequence[str] = "quantity",
    *,
    selection: Selection | None = None,
    as_of: DateLike | None = None,
    window: str | pd.Timedelta | None = None,
    latest_per_source: bool = False,
    exclude_kinds: Sequence[str] | str = (),
    dedupe: bool = True,
    sources: SourceBook | None = None,
    unit: str | None = None,
    compare_within: str | pd.Timedelta | int | None = "auto",
    wide: bool = False,
    max_pairs: int = DEFAULT_MAX_PAIRS,
    partitioned: bool = False,
    shuffle: str = "auto",
) -> Any:
    """How often, and how far, each pair of sources disagree, as
    :meth:`estimates.Claims.by_source`.

    The pairs of claims (:func:`disagreements`) become ordered pairs of agents, which
    are shuffled on the agent pair and counted where they land (the same functions as
    in memory: :func:`~estimates._compute.disagreements.source_pairs` and
    :func:`~estimates._compute.disagreements.source_table`).

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Claims in the standard schema.
    by
        As for :func:`disagreements`.
    %(selection_parameters)s
    unit, compare_within, max_pairs
        As for :func:`disagreements`.
    wide : bool
        Only ``False`` on Dask (a source x source matrix has one column per source,
        unknown before computing): compute, then ``.share.unstack("other")``.
    %(partitioned_parameter)s
    %(shuffle_parameter)s

    Returns
    -------
    dask.dataframe.DataFrame
        Indexed by ``source`` and ``other``; rows unordered across partitions.
    """
    if wide:
        raise OptionError(
            "wide", wide, "False on Dask: compute the long table, then .share.unstack('other')"
        )
    pairs = _run(ddf, "disagreements", locals(), kernel=_pairs_kernel, check="by_source")
    long_meta = source_pairs(pairs._meta)
    with _graph():
        long = pairs.map_partitions(source_pairs, meta=long_meta)
        if long.npartitions > 1:
            long = _shuffled_on(long, SOURCE_PAIR, shuffle)
        return long.map_partitions(source_table, meta=source_table(long_meta))


# ---------------------------------------------------------------------- reading
def _natural(path: str) -> list[Any]:
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", path)]


def _files(path_or_glob: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> list[str]:
    if isinstance(path_or_glob, str | os.PathLike):
        p = os.fspath(path_or_glob)
        if os.path.isdir(p):
            found = [
                str(f)
                for f in Path(p).rglob("*")
                if f.is_file() and str(f).lower().endswith(SUFFIXES)
            ]
        elif _glob.has_magic(p):
            found = [f for f in _glob.glob(p, recursive=True) if os.path.isfile(f)]
        else:
            found = [p] if os.path.isfile(p) else []
        if not found:
            raise OptionError(
                "path_or_glob",
                p,
                "a claims file, a folder holding " + ", ".join(SUFFIXES) + " files, or a "
                "glob matching some (e.g. 'claims/*.parquet')",
            )
        # absolute: workers do not run in the client's working directory
        return sorted((os.path.abspath(f) for f in found), key=_natural)
    if isinstance(path_or_glob, Sequence):
        out: list[str] = []
        for item in path_or_glob:
            out.extend(_files(item))
        return out
    raise ArgumentTypeError(
        "path_or_glob", path_or_glob, "a path, a glob, a folder or a list of them"
    )


def _read_file(
    path: str,
    options: Mapping[str, Any],
    flag: bool,
    path_column: str | None,
    files: Sequence[str] = (),
) -> pd.DataFrame:
    """One file through :func:`estimates.read_claims`; its errors name the file."""
    try:
        frame = frame_of(_read_claims(path, **options))
    except ValidationError as exc:
        failures = exc.failures.copy()
        failures.insert(0, "file", path)
        raise ValidationError(failures, what=f"claims file {path}") from None
    if flag:
        frame = _with_flag_columns(frame)
    if path_column is not None:
        # every file's name a category, as in the meta (no list of n names)
        names = list(files) or [path]
        codes = np.full(len(frame), names.index(path), dtype=np.int32)
        frame = frame.assign(**{path_column: pd.Categorical.from_codes(codes, pd.Index(names))})
    return frame


#: Rows of the first file read to learn the columns and dtypes (the Dask meta).
HEAD_ROWS = 64


def _meta_of(
    path: str, options: Mapping[str, Any], flag: bool, path_column: str | None
) -> pd.DataFrame:
    """The empty frame a file's claims will look like, from its first rows only
    (a bad row there is left for the task reading the file to report)."""
    from ._table.io import read_table

    low = path.lower()
    if low.endswith((".csv", ".tsv", ".txt", ".csv.gz")):
        sep = options.get("sep") or ("\t" if ".tsv" in low else ",")
        head = pd.read_csv(
            path,
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            sep=sep,
            encoding=options.get("encoding", "utf-8"),
            nrows=HEAD_ROWS,
        )
    elif low.endswith((".parquet", ".pq")):
        import pyarrow.parquet as pq

        batch = next(pq.ParquetFile(path).iter_batches(batch_size=HEAD_ROWS), None)
        head = batch.to_pandas() if batch is not None else pd.read_parquet(path)
    else:
        head = read_table(path, encoding=options.get("encoding", "utf-8"))[0]
    frame = frame_of(_read_claims(head.iloc[:HEAD_ROWS], **{**options, "errors": "flag"}))
    flag_columns = [c for c in (ERROR_COLUMN, INPUT_COLUMN) if c in frame.columns]
    frame = _with_flag_columns(frame) if flag else frame.drop(columns=flag_columns)
    return frame.iloc[:0]


def _with_flag_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the columns a flagged read adds (empty when no row was flagged)."""
    missing = {
        c: pd.Series(pd.NA, index=frame.index, dtype="string")
        for c in (ERROR_COLUMN, INPUT_COLUMN)
        if c not in frame.columns
    }
    return frame.assign(**missing) if missing else frame


def _conform(frame: pd.DataFrame, meta: pd.DataFrame, path: str) -> pd.DataFrame:
    """A file's frame in the columns and dtypes of the first file's (the Dask meta)."""
    extra = [c for c in frame.columns if c not in meta.columns]
    missing = [c for c in meta.columns if c not in frame.columns]
    if extra:
        failures = pd.DataFrame(
            {
                "file": path,
                "row": pd.NA,
                "column": extra,
                "value": pd.NA,
                "expected": "only the columns of the first file: " + ", ".join(meta.columns),
            }
        )
        raise ValidationError(failures, what=f"claims file {path}")
    if missing:
        frame = frame.assign(**{c: pd.Series(pd.NA, index=frame.index) for c in missing})
    frame = frame[list(meta.columns)]
    differ = {c: meta[c].dtype for c in meta.columns if frame[c].dtype != meta[c].dtype}
    if differ:
        for c, t in differ.items():
            try:
                frame = frame.assign(**{c: frame[c].astype(t)})
            except (TypeError, ValueError):
                failures = pd.DataFrame(
                    {
                        "file": [path],
                        "row": [pd.NA],
                        "column": [c],
                        "value": [str(frame[c].dtype)],
                        "expected": [f"{t} values, as in the first file"],
                    }
                )
                raise ValidationError(failures, what=f"claims file {path}") from None
    return frame


def _read_partition(
    path: str,
    options: Mapping[str, Any],
    flag: bool,
    path_column: str | None,
    like: pd.DataFrame,
    files: Sequence[str] = (),
) -> pd.DataFrame:
    """One file's claims, conformed to the meta.  With ``errors="raise"``, a file with
    bad rows raises one error naming the bad rows of *every* file in ``files``."""
    try:
        return _conform(_read_file(path, options, flag, path_column, files), like, path)
    except ValidationError as exc:
        if flag or len(files) < 2:
            raise
        failures = _every_failure(files, path, exc.failures, options, path_column, like)
    bad = failures["file"].nunique()
    raise ValidationError(
        failures, what=f"claims files ({bad} of {len(files)} with problems)"
    ) from None


def _file_failures(
    path: str, options: Mapping[str, Any], path_column: str | None, like: pd.DataFrame
) -> pd.DataFrame | None:
    """The failures of one file (its :class:`ValidationError` table), or None."""
    try:
        _conform(_read_file(path, options, False, path_column), like, path)
    except ValidationError as exc:
        return exc.failures
    return None


def _every_failure(
    files: Sequence[str],
    failed: str,
    failures: pd.DataFrame,
    options: Mapping[str, Any],
    path_column: str | None,
    like: pd.DataFrame,
) -> pd.DataFrame:
    """The failures of every file, in file order: ``failed`` (already read) and the
    others, read again only to collect theirs (on the error path only: a clean read
    never pays for it).  Inside a Dask worker the other files are read as tasks of
    their own, in parallel; elsewhere one after the other."""
    others = [f for f in files if f != failed]
    fn = _task(_file_failures, get_conventions())
    found: list[pd.DataFrame | None]
    try:
        from distributed import get_worker, worker_client

        get_worker()
    except (ImportError, ValueError):
        found = [fn(f, options, path_column, like) for f in others]
    else:
        with worker_client() as client:
            futures = client.map(
                fn, others, options=options, path_column=path_column, like=like, pure=False
            )
            found = client.gather(futures)
    by_file = dict(zip(others, found, strict=True))
    by_file[failed] = failures
    parts = [by_file[f] for f in files if by_file[f] is not None]
    return pd.concat(parts, ignore_index=True)


def read_claims(
    path_or_glob: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    errors: str = "raise",
    lang: str = "en",
    conventions: str | Conventions | None = None,
    date_format: str | None = None,
    na_values: Mapping[str, Sequence[object]] | Sequence[object] | None = None,
    encoding: str = "utf-8",
    sep: str | None = None,
    include_path_column: bool | str = False,
    quantity: str | Sequence[str] | None = None,
    figure: str | None = None,
    text: str | None = None,
    low: str | None = None,
    high: str | None = None,
    best: str | None = None,
    low_closed: str | None = None,
    high_closed: str | None = None,
    hedge: str | None = None,
    unit: str | None = None,
    profile: str | None = None,
    ambiguous: str | None = None,
    source: str | None = None,
    reported_by: str | None = None,
    original_source: str | None = None,
    stated: str | None = None,
    stated_start: str | None = None,
    stated_end: str | None = None,
    refers_to: str | None = None,
    refers_start: str | None = None,
    refers_end: str | None = None,
    url: str | None = None,
    published: str | None = None,
    status: str | None = None,
    note: str | None = None,
    id: str | None = None,
) -> Any:
    """Read many claims files into a Dask DataFrame of claims, one partition per file.

    Each file goes through :func:`estimates.read_claims` (its ``figure`` texts parsed,
    its rows validated) in a task of its own, under the conventions profile in force
    when this is called (or ``conventions=``).

    Parameters
    ----------
    path_or_glob : path, glob, folder, or list of them
        CSV/TSV/JSON/JSONL/Parquet files: ``"claims/*.parquet"``, a folder written by
        ``to_parquet`` (read recursively, files in natural order: ``part.2`` before
        ``part.10``), or a list.
    errors : {"raise", "flag"}
        ``"raise"``: bad rows raise one :class:`~estimates.ValidationError` naming
        every bad row of every file, with its ``file``, ``row`` (and ``line`` for text
        files), in file order.  The first task to meet a bad file collects the others'
        failures (reading them again, in parallel on a cluster), so a clean read costs
        nothing more.  ``"flag"``: every row is kept; bad rows carry the reason in the
        ``error`` column (present in every partition).
    lang, conventions, date_format, na_values, encoding, sep
        As for :func:`estimates.read_claims`.
    include_path_column : bool or str
        Add a column (``"path"``, or the name given) holding each row's file.
    quantity, figure, text, low, high, best, low_closed, high_closed, hedge, unit, \
profile, ambiguous, source, reported_by, original_source, stated, stated_start, \
stated_end, refers_to, refers_start, refers_end, url, published, status, note, id
        Column mapping, as for :func:`estimates.read_claims`: the standard field = your
        column's name (``quantity`` may name several columns).

    Returns
    -------
    dask.dataframe.DataFrame
        The claims in the standard schema, in file order; each partition's index is
        the row label within its file.  Every file must have the first file's columns
        (missing ones are filled with missing values; others raise).

    Raises
    ------
    OptionError
        When nothing matches ``path_or_glob``.
    ValidationError
        When computed, for a file with bad rows (``errors="raise"``).
    """
    from ._table.validation import check_errors_arg

    check_errors_arg(errors)
    files = _files(path_or_glob)
    mapping = {
        k: v
        for k, v in {
            "quantity": quantity,
            "figure": figure,
            "text": text,
            "low": low,
            "high": high,
            "best": best,
            "low_closed": low_closed,
            "high_closed": high_closed,
            "hedge": hedge,
            "unit": unit,
            "profile": profile,
            "ambiguous": ambiguous,
            "source": source,
            "reported_by": reported_by,
            "original_source": original_source,
            "stated": stated,
            "stated_start": stated_start,
            "stated_end": stated_end,
            "refers_to": refers_to,
            "refers_start": refers_start,
            "refers_end": refers_end,
            "url": url,
            "published": published,
            "status": status,
            "note": note,
            "id": id,
        }.items()
        if v is not None
    }
    conv = get_conventions(conventions)
    options: dict[str, Any] = {
        "errors": errors,
        "lang": lang,
        "conventions": conv,
        "date_format": date_format,
        "na_values": na_values,
        "encoding": encoding,
        "sep": sep,
        **mapping,
    }
    path_column = (
        None
        if include_path_column is False
        else ("path" if include_path_column is True else str(include_path_column))
    )
    flag = errors == "flag"
    with _in_force(conv):
        meta = _meta_of(files[0], options, flag, path_column)
    if path_column is not None:
        meta = meta.assign(**{path_column: pd.Categorical([], categories=files)})
    marks = _footer_marks(files)
    if marks is not None:  # files written by to_parquet(by=...): no shuffle needed
        meta.attrs[PARTITIONS_KEY] = marks
    with _graph():
        return dd.from_map(
            _task(_read_partition, conv),
            files,
            options=options,
            flag=flag,
            path_column=path_column,
            like=meta,
            files=files,
            meta=meta,
            label="estimates-read-claims",
            enforce_metadata=False,
        )


# ---------------------------------------------------------------------- writing
#: Result columns holding claims' index labels (``reconcile``/``timeline``/
#: ``sensitivity``: first, latest, apart; ``revisions``: previous; ``disagreements``:
#: the pair), and those holding a list per row (``camps``): of labels, of texts.
LABEL_COLUMNS = (
    "first_claim",
    "latest_claim",
    "apart_claim",
    "previous_claim",
    "claim_a",
    "claim_b",
)
LABEL_LIST_COLUMNS = ("claim_ids",)
TEXT_LIST_COLUMNS = ("source_list", "texts")

#: The key of a result meta's ``attrs`` naming the dtype of the claims' labels.
LABELS_KEY = "estimates.labels"

#: The column :func:`to_parquet` shuffles claims on with ``by=`` (never written).
BUCKET = "__estimates_bucket__"


def _labels_of(index: pd.Index) -> str | None:
    """How claim labels of this index are written: ``"int64"``, ``"string"`` or None."""
    t = index.dtype
    if pd.api.types.is_integer_dtype(t) and not pd.api.types.is_bool_dtype(t):
        return "int64"
    if isinstance(t, pd.StringDtype) or pd.api.types.is_object_dtype(t):
        return "string"
    return None


def _with_labels(meta: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """A result's meta, noting how the claims' labels are written (for :func:`to_parquet`)."""
    labels = _labels_of(claims.index)
    if labels is not None:
        meta.attrs[LABELS_KEY] = labels
    return meta


def _plan(meta: pd.DataFrame, labels: str | None) -> dict[str, str]:
    """How each object column of a frame is written: ``"labels"`` (claim labels, as
    ``labels`` says), ``"labels-list"``, ``"text-list"`` or ``"text"``."""
    plan: dict[str, str] = {}
    for c, t in meta.dtypes.items():
        if not pd.api.types.is_object_dtype(t):
            continue
        name = str(c)
        if name in LABEL_COLUMNS or name in LABEL_LIST_COLUMNS:
            if labels not in ("int64", "string"):
                raise OptionError(
                    "labels",
                    labels,
                    f"'int64' or 'string', the type of the claims' labels in {name!r} "
                    "(this frame does not say: it was not made by estimates.dask)",
                )
            plan[name] = "labels" if name in LABEL_COLUMNS else "labels-list"
        else:
            plan[name] = "text-list" if name in TEXT_LIST_COLUMNS else "text"
    return plan


def _arrow_type(kind: str, labels: str | None) -> Any:
    import pyarrow as pa

    label = pa.int64() if labels == "int64" else pa.large_string()
    return {
        "labels": label,
        "labels-list": pa.list_(label),
        "text-list": pa.list_(pa.large_string()),
        "text": pa.large_string(),
    }[kind]


def _not_written(frame: pd.DataFrame, column: str, expected: str) -> ValidationError:
    """The error for a column whose values are not what its Parquet type holds."""
    values = frame[column]
    kind = pd.api.types.infer_dtype(values, skipna=True)
    kinds = {"integer": (int, np.integer), "string": (str,)}.get(
        expected, (list, tuple, np.ndarray)
    )
    fits = values.map(lambda v: isinstance(v, kinds) and not isinstance(v, bool))  # error path
    rows = np.flatnonzero(values.notna().to_numpy() & ~fits.to_numpy(dtype=bool))[:20]
    failures = pd.DataFrame(
        {
            "row": frame.index[rows],
            "column": column,
            "value": values.iloc[rows].to_numpy(dtype=object),
            "expected": f"{expected} values (the column holds {kind} values)",
        }
    )
    return ValidationError(failures, what="table to write as Parquet")


def parquet_frame(frame: pd.DataFrame, labels: str | None = None) -> pd.DataFrame:
    """``frame`` with its object columns in the types :func:`to_parquet` writes them
    in, column by column: claim labels as nullable integers (``labels="int64"``) or
    text; the other object columns are text or lists, which Arrow writes as they are
    (and refuses, per column, when they are not).

    Raises
    ------
    ValidationError
        Naming the rows whose value a column's type cannot hold (a number among
        texts, a text among integer labels).
    """
    frame = _typed_meta(frame)  # no categories at all: text ones (Arrow: no null type)
    plan = _plan(frame, labels)
    out = {}
    for c, kind in plan.items():
        col = frame[c]
        if kind == "labels" and labels == "int64":
            if pd.api.types.infer_dtype(col, skipna=True) not in ("integer", "empty"):
                raise _not_written(frame, c, "integer")
            out[c] = pd.array(col.to_numpy(dtype=object), dtype="Int64")
        elif kind in ("labels", "text") and pd.api.types.infer_dtype(col, skipna=True) not in (
            "string",
            "empty",
        ):
            raise _not_written(frame, c, "string")
    return frame.assign(**out) if out else frame


def parquet_schema(meta: pd.DataFrame, labels: str | None, write_index: bool) -> Any:
    """The one Arrow schema every partition of a frame is written with (from its meta:
    an empty partition, or one whose column is all missing, writes the same types)."""
    import pyarrow as pa

    plan = _plan(meta, labels)
    schema = pa.Schema.from_pandas(parquet_frame(meta, labels), preserve_index=write_index)
    for i, field in enumerate(schema):
        if field.name in plan:
            t = _arrow_type(plan[field.name], labels)
        elif pa.types.is_dictionary(field.type):  # a partition may have many categories
            value = field.type.value_type
            # no categories in the meta: Arrow says null; they are the partitions' texts
            t = pa.dictionary(pa.int32(), pa.large_string() if pa.types.is_null(value) else value)
        elif pa.types.is_null(field.type):  # an object index level (text keys)
            t = pa.large_string()
        else:
            continue
        schema = schema.set(i, pa.field(field.name, t))
    return schema


def _write_part(
    part: pd.DataFrame,
    folder: str,
    schema: Any,
    labels: str | None,
    write_index: bool,
    mark: Mapping[str, Any] | None,
    partition_info: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """Write one partition as ``part.<number>.parquet`` in ``folder``; its row count."""
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq

    number = 0 if partition_info is None else int(partition_info["number"])
    metadata = dict(schema.metadata or {})
    if mark is not None:
        held = np.unique(part[BUCKET].to_numpy()).tolist()
        metadata[PARTITIONS_KEY.encode()] = json.dumps({**mark, "bucket_set": held}).encode()
        # each group's rows in one run, in the order they came (the check of whole
        # groups on reading then hashes one row per run: _group_hash)
        order = np.argsort(_group_hash(part, mark["by"], repeated=True), kind="stable")
        part = part.drop(columns=[BUCKET]).take(order)
    frame = parquet_frame(part, labels)
    try:
        table = pa.Table.from_pandas(frame, schema=schema, preserve_index=write_index)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError) as exc:
        said = str(exc)
        bad = failed_column(exc)
        if bad is None or bad not in frame.columns or not frame[bad].dtype == object:
            raise ValidationError(
                pd.DataFrame(
                    {"row": [pd.NA], "column": [bad], "value": [pd.NA], "expected": [said]}
                ),
                what="table to write as Parquet",
            ) from None
        raise _not_written(frame, bad, str(schema.field(bad).type)) from None
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), **metadata})
    pq.write_table(table, os.path.join(folder, f"part.{number}.parquet"))
    return pd.DataFrame({"rows": [len(frame)]})


def to_parquet(
    ddf: Any,
    path: str | os.PathLike[str],
    *,
    by: str | Sequence[str] | None = None,
    write_index: bool = True,
    labels: str | None = None,
    overwrite: bool = False,
    compute: bool = True,
    shuffle: str = "auto",
) -> Any:
    """Write claims or results as a Parquet dataset that reads back with the same values.

    One file per partition, ``part.0.parquet``, ``part.1.parquet``, ... in the folder
    ``path``, all with one schema: ``pandas.read_parquet(path)`` (results) or
    :func:`read_claims` / :func:`estimates.read_claims` (claims) give back the same
    values and dtypes, the index included.  ``ddf.to_parquet`` cannot write the
    results of this module: their object columns (claim labels, sources, texts,
    lists) hold values Dask only learns by computing them, and a partition where a
    column is all missing would write another type.  Here the types come from the
    meta: claim labels (``first_claim``, ``apart_claim``, ``claim_a``...) as the
    claims' index (integers, missing ones kept missing, or text), other object
    columns as text, ``camps``' lists as lists, categoricals as dictionaries; a value
    a column's type cannot hold raises, naming its row, instead of being converted.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Claims (:func:`read_claims`, or ``dd.from_pandas(claims.frame, ...)``) or the
        result of a function of this module.
    path : str or os.PathLike
        The folder to write (created; it must be empty unless ``overwrite``).
    by : str or list of str, optional
        Claims only: write each group of these keys whole in one file (a shuffle on
        the keys first), its rows next to each other, and say so in
        the files' footers.  :func:`read_claims` reads
        the footers, and the per-group functions with these keys (or more) then skip
        their shuffle; each partition is checked, as it is computed, to hold only its
        file's groups (rows moved between partitions after reading raise a
        :class:`~estimates.ValidationError`, never a group reconciled in parts).  The
        keys must be text (objects holding texts, too), number, date or flag columns.
    write_index : bool
        Write the index (a result's group keys; claims' labels) as well.
    labels : {"int64", "string"}, optional
        The type of the claims' labels in the label columns; by default as the
        function that made the result noted it (needed only for frames from
        elsewhere).
    overwrite : bool
        Delete the ``part.*.parquet`` files already in ``path`` (when called, even with
        ``compute=False``); a folder holding other files is never written in.
    compute : bool
        Write now and return the number of rows written; or (False) return the Dask
        scalar that writes when computed (e.g. ``client.compute(...)`` with a
        progress bar).
    shuffle : {"auto", "files", "p2p", "tasks"}
        With ``by``: how the groups are brought together, as for :func:`reconcile`.

    Returns
    -------
    int or dask scalar
        Rows written.

    Raises
    ------
    OptionError
        ``path`` is a file or a folder with files in it (without ``overwrite``); ``by``
        names keys that are not columns, or not hashable alike everywhere.
    ValidationError
        When computed: a value a column's type cannot hold, with its row.

    Examples
    --------
    >>> import estimates.dask as ed  # doctest: +SKIP
    >>> claims = ed.read_claims("claims/*.csv")  # doctest: +SKIP
    >>> ed.to_parquet(claims, "by-quantity/", by="quantity")  # doctest: +SKIP
    >>> claims = ed.read_claims("by-quantity/")  # doctest: +SKIP
    >>> ed.to_parquet(ed.reconcile(claims), "reconciled/")  # no shuffle  # doctest: +SKIP
    >>> pd.read_parquet("reconciled/")  # doctest: +SKIP
    """
    import uuid

    _check_shuffle(shuffle)  # before anything in the folder is deleted

    if not isinstance(ddf, dd.DataFrame):
        raise ArgumentTypeError("ddf", ddf, "a dask DataFrame for estimates.dask.to_parquet")
    keys: list[str] = []
    if by is not None:  # checked before anything in the folder is deleted
        keys = _by_list(by)
        _check_frame(ddf, keys, "to_parquet")
        bad = [k for k in keys if not _text_key(ddf._meta[k])]
        if bad:
            raise OptionError("by", bad, "text, number, date or flag columns (not categories)")
    folder = Path(os.path.abspath(path))  # workers do not run in this working directory
    if folder.exists() and not folder.is_dir():
        raise OptionError("path", os.fspath(path), "a folder to write the Parquet files in")
    if folder.exists():
        old = list(folder.glob("part.*.parquet"))
        others = [f for f in folder.iterdir() if f not in old]
        if (old or others) and not overwrite:
            raise OptionError(
                "path", os.fspath(path), "an empty or new folder (or overwrite=True)"
            )
        if others:
            raise OptionError(
                "path",
                os.fspath(path),
                "a folder holding only part.*.parquet files to overwrite "
                f"(it holds {others[0].name})",
            )
        for f in old:
            f.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    if labels is None:
        labels = ddf._meta.attrs.get(LABELS_KEY)
    mark = None
    with _graph():
        if by is not None:
            n = ddf.npartitions
            buckets = n * BUCKETS_PER_FILE
            mark = {
                "dataset": uuid.uuid4().hex,
                "by": keys,
                "buckets": buckets,
                "hash": HASH_VERSION,
            }
            meta = ddf._meta.assign(**{BUCKET: pd.Series([], dtype="int64")})
            bucketed = ddf.map_partitions(_with_bucket, keys, buckets, meta=meta)
            method = _shuffle_of(shuffle, bucketed)
            if method == FILES:
                ddf = _file_shuffled(bucketed, _bucket_destination, (), n)
            else:
                ddf = bucketed.shuffle(on=BUCKET, npartitions=n, shuffle_method=method)
        data_meta = ddf._meta.drop(columns=[BUCKET]) if mark else ddf._meta
        schema = parquet_schema(data_meta, labels, write_index)
        written = ddf.map_partitions(
            _write_part,
            str(folder),
            schema,
            labels,
            write_index,
            mark,
            meta=pd.DataFrame({"rows": pd.Series([], dtype="int64")}),
            enforce_metadata=False,
        )
        total = written["rows"].sum()
        return int(total.compute()) if compute else total


def _with_bucket(part: pd.DataFrame, keys: Sequence[str], buckets: int) -> pd.DataFrame:
    return part.assign(**{BUCKET: _bucket_of(part, keys, buckets)})


def _bucket_destination(part: pd.DataFrame, partitions: int) -> np.ndarray:
    """Each row's file: its bucket modulo the files."""
    return part[BUCKET].to_numpy(np.int64) % partitions


# ---------------------------------------------------------------------- extraction
#: The columns of an articles frame (``text`` is required; the others may be absent).
ARTICLE_COLUMNS = ("text", "lang", "published", "url")


def _extract_articles(
    articles: pd.DataFrame, options: Mapping[str, Any], meta: pd.DataFrame | None
) -> pd.DataFrame:
    """Claims of every article in a frame, each row with its article's URL.

    Each text is scanned alone (:func:`estimates.extract`'s unit), and the rows of all
    of them are read as claims at once: reading a table has a cost per call that
    would otherwise be paid once per article."""
    from ._extract.extract import extract_rows
    from ._table.ingest import standardise

    raws, urls = [], []
    for d in articles.to_dict(orient="records"):
        lang = d.get("lang")
        pub = d.get("published")
        raw, _ = extract_rows(
            d["text"],
            "en" if lang is None or pd.isna(lang) else str(lang),
            None if pub is None or pd.isna(pub) else pub,
            **options,
        )
        url = d.get("url")
        raws.append(raw)
        urls.extend([None if url is None or pd.isna(url) else str(url)] * len(raw))
    data = pd.concat(raws, ignore_index=True)
    out = standardise(data, errors="raise", conventions=options["conventions"])
    given = np.array([u is not None for u in urls], dtype=bool)
    if given.any():
        out["url"] = pd.array(
            np.where(given, np.array(urls, dtype=object), out["url"].to_numpy(object)),
            dtype="string",
        )
    if meta is None:
        return out
    out = out.astype(meta.dtypes.to_dict()) if len(out) else meta.iloc[:0]
    return out[list(meta.columns)]


def _article_records(records: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    rows = list(records)
    for r in rows:
        if not isinstance(r, Mapping) or "text" not in r:
            raise ArgumentTypeError(
                "articles", r, "a mapping with a 'text' key (and 'lang', 'published', 'url')"
            )
    return pd.DataFrame({c: [r.get(c) for r in rows] for c in ARTICLE_COLUMNS}, dtype=object)


_SAMPLE = "The Pentagon said about 10,000 troops were in Kursk."


def extract(
    articles: Any,
    *,
    conventions: str | Conventions | None = None,
    use_dateparser: bool = True,
) -> Any:
    """A draft claims table of every figure in an archive of articles.

    Each article goes through :func:`estimates.extract`; its claims keep the article's
    ``url`` and their character ``span_start``/``span_end`` in its text.

    Parameters
    ----------
    articles : dask.bag.Bag or dask.dataframe.DataFrame
        Articles: a Bag of mappings, or a DataFrame with columns, ``text`` (required),
        ``lang`` (default ``"en"``), ``published`` (a date, or an ISO string) and
        ``url``.
    conventions, use_dateparser
        As for :func:`estimates.extract`.

    Returns
    -------
    dask.dataframe.DataFrame
        One row per figure, the columns of :func:`estimates.extract`; each
        partition's rows in article then text order.
    """
    conv = get_conventions(conventions)
    options = {"conventions": conv, "use_dateparser": use_dateparser}
    with _in_force(conv):
        meta = _extract_articles(
            pd.DataFrame({"text": [_SAMPLE], "published": ["2024-11-12"], "url": ["u"]}),
            options,
            None,
        ).iloc[:0]
    fn = _task(_extract_articles, conv)
    if isinstance(articles, db.Bag):
        parts = [
            dask.delayed(fn)(dask.delayed(_article_records)(p), options, meta)
            for p in articles.to_delayed()
        ]
        with _graph():  # else Dask converts every text column to Arrow strings
            return dd.from_delayed(parts, meta=meta, verify_meta=False)
    if isinstance(articles, dd.DataFrame):
        if "text" not in articles.columns:
            raise OptionError(
                "articles",
                list(articles.columns),
                "a frame with a 'text' column (and 'lang', 'published', 'url')",
            )
        return articles.map_partitions(fn, options, meta, meta=meta, enforce_metadata=False)
    raise ArgumentTypeError("articles", articles, "a dask Bag of mappings or a dask DataFrame")


# ---------------------------------------------------------------------- reliability
#: Columns of :func:`reliability` (what each source's learned weight rests on).
RELIABILITY_COLUMNS = ("weight", "accuracy", "right", "count", "kind")


def _reliability_part(
    part: pd.DataFrame,
    keys: list[str],
    sel: Selection,
    settings: Mapping[str, Any],
    weights: pd.Series | None,
    what: str,
    record: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One partition of whole groups under given source weights (one pass, no
    learning): each source's record (``what="record"``: right, count, kind, the
    sufficient statistics) or each group's estimate (``what="groups"``)."""
    from ._compute.reliability import discover_frame

    frame, _trace = sel.apply(part, keys)
    groups, record = discover_frame(
        frame.reset_index(drop=True),
        keys,
        sources=sel.sources,
        unit=settings["unit"],
        tolerance=settings["tolerance"],
        prior=settings["prior"],
        iterations=0,
        source_weights=weights,
        source_record=record,
    )
    if what == "groups":
        return groups
    out = record[["right", "count"]].astype("float64")
    out["kind"] = record["kind"].astype(object)
    return out


def _reliability_reconcile_part(
    part: pd.DataFrame,
    method: str,
    args: tuple[Any, ...],
    options: Mapping[str, Any],
) -> pd.DataFrame:
    """:meth:`Claims.reconcile` of one partition with ``strategy="reliability"``, its
    ``best`` and ``strategy_explanation`` from the weights learned on the whole table
    (``options["weights"]``) instead of the partition's own."""
    plain = {k: v for k, v in options.items() if k not in ("learned", "settings")}
    plain["strategy"] = "median"
    result = _plain(Claims._from_frame(part).reconcile(**plain))
    keys = list(plain["by"])
    learned = options["learned"]
    groups = _reliability_part(
        part,
        keys,
        plain["selection"],
        options["settings"],
        learned["weight"],
        "groups",
        learned[["right", "count"]],
    )
    result["best"] = groups["best"].reindex(result.index).to_numpy()
    result["best_strategy"] = pd.Categorical(["reliability"] * len(result))
    result["strategy_explanation"] = (
        groups["strategy_explanation"].reindex(result.index).to_numpy(dtype=object)
    )
    return result


def _learn_weights(
    whole: Any,
    keys: list[str],
    sel: Selection,
    settings: Mapping[str, Any],
    iterations: int,
) -> pd.DataFrame:
    """The source weights, learned as :func:`estimates._compute.reliability.discover`
    learns them, one pass over the partitions per round: each partition gives its
    sources' records under the current weights, the records are summed per source
    (they are additive) and the next weights computed from the sums."""
    from ._compute.reliability import ReliabilityError, weights_from_record

    if int(iterations) != iterations or iterations < 0:
        raise ReliabilityError("iterations", iterations, "a whole number >= 0")
    conv = get_conventions()
    fn = _task(_reliability_part, conv)
    meta = pd.DataFrame(
        {
            "right": pd.Series([], dtype="float64"),
            "count": pd.Series([], dtype="float64"),
            "kind": pd.Series([], dtype=object),
        },
        index=pd.Index([], dtype=object, name="source"),
    )
    weight: pd.Series | None = None
    accuracy = None
    record = meta
    for it in range(int(iterations) + 1):
        with _graph():
            parts = whole.map_partitions(
                fn, keys, sel, settings, weight, "record", meta=meta, enforce_metadata=False
            )
        rows = parts.compute()
        record = rows.groupby(level=0, sort=True).agg(
            right=("right", "sum"), count=("count", "sum"), kind=("kind", "first")
        )
        if it == int(iterations):
            break
        kinds, _ = pd.factorize(record["kind"].fillna("").to_numpy(dtype=object))
        new, acc, _pk = weights_from_record(
            record["right"].to_numpy(dtype="float64"),
            record["count"].to_numpy(dtype="float64"),
            kinds.astype(np.int64),
            prior=settings["prior"],
            floor=settings["floor"],
        )
        new_w = pd.Series(new, index=record.index)
        if weight is not None and np.allclose(
            new_w.to_numpy(), weight.reindex(record.index).to_numpy(), rtol=0, atol=1e-12
        ):
            break
        weight, accuracy = new_w, pd.Series(acc, index=record.index)
    out = pd.DataFrame(
        {
            "weight": (weight.reindex(record.index) if weight is not None else 1.0),
            "accuracy": (accuracy.reindex(record.index) if accuracy is not None else np.nan),
            "right": record["right"],
            "count": record["count"],
            "kind": record["kind"].where(record["kind"].notna(), None),
        },
        index=record.index,
    )
    out.index.name = "source"
    return out


@fill_doc
def reliability(
    ddf: Any,
    by: str | Sequence[str] = "quantity",
    *,
    selection: Selection | None = None,
    as_of: DateLike | None = None,
    window: str | pd.Timedelta | None = None,
    latest_per_source: bool = False,
    exclude_kinds: Sequence[str] | str = (),
    dedupe: bool = True,
    sources: SourceBook | None = None,
    unit: str | None = None,
    tolerance: float = 1e-3,
    prior: float = 0.5,
    iterations: int = 30,
    partitioned: bool = False,
    shuffle: str = "auto",
) -> pd.DataFrame:
    """The source weights ``reconcile(strategy="reliability")`` learns, learned across
    every partition at once.

    Truth discovery alternates between per-group estimates and per-source weights
    (see :mod:`estimates._compute.reliability`).  Here each round is one pass over
    the partitions (each holding whole groups): every partition estimates its groups
    under the current weights and returns its sources' records (claims right and
    claims counted, which add up across partitions); the client sums them per source
    and computes the next weights.  The result is the same as on one machine: the
    weights, and so the estimates, of ``Claims.reconcile(strategy="reliability")``.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Claims in the standard schema.
    by, selection, as_of, window, latest_per_source, exclude_kinds, dedupe, sources, unit
        As for :meth:`estimates.Claims.reconcile`.
    tolerance, prior : float
        As for :meth:`estimates.Claims.reliability`.
    iterations : int
        Most rounds (each one pass over the data); stops when the weights stop changing.
    %(partitioned_parameter)s
    %(shuffle_parameter)s

    Returns
    -------
    pandas.DataFrame
        One row per source (after aliases): ``weight``, ``accuracy`` (its shrunk share
        of claims right), ``right`` and ``count`` (its record), ``kind``.  (The full
        track-record table of :meth:`estimates.Claims.reliability`, with
        leave-one-out hits and biases, is not computed here.)

    Examples
    --------
    >>> import dask.dataframe as dd, estimates, estimates.dask as ed  # doctest: +SKIP
    >>> claims = estimates.read_claims("seeds/kursk_claims.csv")  # doctest: +SKIP
    >>> ed.reliability(dd.from_pandas(claims.frame, npartitions=2))  # doctest: +SKIP
    """
    from ._compute.reliability import DEFAULTS

    keys = _by_list(by)
    _check_frame(ddf, keys, "reliability")
    sel = _selection(ddf, locals())
    settings = {"unit": unit, "tolerance": tolerance, "prior": prior, "floor": DEFAULTS["floor"]}
    with _graph():
        whole = _whole_groups(ddf, keys, partitioned, shuffle)
    return _learn_weights(whole, keys, sel, settings, iterations)


def _reconcile_reliability(
    ddf: Any, keys: list[str], options: dict[str, Any], partitioned: bool, shuffle: str
) -> Any:
    """``reconcile(strategy="reliability")`` on Dask: the weights learned across every
    partition (:func:`reliability`), then each partition reconciled with them."""
    from ._compute.reliability import DEFAULTS

    sel = options["selection"]
    settings = {
        "unit": options["unit"],
        "tolerance": DEFAULTS["tolerance"],
        "prior": DEFAULTS["prior"],
        "floor": DEFAULTS["floor"],
    }
    with _graph():
        whole = _whole_groups(ddf, keys, partitioned, shuffle)
    learned = _learn_weights(whole, keys, sel, settings, int(DEFAULTS["iterations"]))
    options = {**options, "learned": learned, "settings": settings}
    return _per_group(
        whole,
        "reconcile",
        keys,
        options=options,
        partitioned=True,
        shuffle=shuffle,
        kernel=_reliability_reconcile_part,
    )
