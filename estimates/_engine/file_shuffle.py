"""The file shuffle: rows brought to their output partition through files.

A hash shuffle in two rounds of plain tasks, through a folder every worker can read
and write (any folder on one machine; a shared file system across machines):

1. each input partition :func:`spill` s its rows: sorted by output partition (a
   stable sort, so rows keep their order within an output), written as one Arrow IPC
   file holding one record batch per output partition, in a folder of the process
   that runs it (a Dask worker's own local directory).  It returns its row count per
   output;
2. once every input is spilled, each output partition :func:`gather` s its batch
   from every input's file (memory-mapped: only its own rows are read), in input
   order, and checks the row counts against what the inputs wrote.  It then marks
   itself done in every folder; the last output done deletes the folder.  A folder
   some output never reads (``.head()`` computes the first output only) goes with
   the worker's local directory when the worker closes.

Each row is copied three times (the sort, the write, the read into pandas), against
six or so in a peer-to-peer shuffle, and the rounds need no background threads:
measured at 10^8 claims on 2 workers (``benchmarks/bench_dask.py``).

Everything here works on pandas and Arrow tables; the Dask graph that runs it is
built by :mod:`estimates.dask`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._model.errors import ShuffleError, ValidationError
from .arrow import failed_column

#: The largest number of output partitions (destinations sort as 16-bit integers,
#: which NumPy sorts by radix).
MAX_PARTITIONS = 65_535


def spill_path(folder: str, number: int) -> str:
    """The file input partition ``number`` writes in ``folder``."""
    return os.path.join(folder, f"{number}.arrow")


def spill(
    part: pd.DataFrame,
    destination: np.ndarray,
    partitions: int,
    folder: str,
    number: int,
) -> np.ndarray:
    """Write input partition ``number``'s rows for the outputs to read; return how many
    rows go to each output (``partitions`` counts).

    Parameters
    ----------
    part : pandas.DataFrame
        The rows (and index) to move.
    destination : numpy.ndarray
        Each row's output partition, in ``[0, partitions)``.
    partitions : int
        How many output partitions.
    folder : str
        Where to write (made if missing).
    number : int
        The input partition's number (names its file).

    Examples
    --------
    >>> import tempfile
    >>> part = pd.DataFrame({"q": ["a", "b", "a"], "low": [1.0, 2.0, 3.0]})
    >>> folder = tempfile.mkdtemp()
    >>> spill(part, np.array([1, 0, 1]), 2, folder, 0).tolist()
    [1, 2]
    >>> counts = np.array([[1, 2]])
    >>> gather([folder], counts, 1, part.iloc[:0])
       q  low
    0  a  1.0
    2  a  3.0
    >>> gather([folder], counts, 0, part.iloc[:0])  # the last output: folder deleted
       q  low
    1  b  2.0
    >>> os.path.exists(folder)
    False
    """
    import pyarrow as pa

    if not 0 < partitions <= MAX_PARTITIONS:
        raise ValueError(f"partitions must be in [1, {MAX_PARTITIONS}], not {partitions}")
    dest = np.asarray(destination)
    if len(dest) != len(part):
        raise ValueError(f"{len(dest)} destinations for {len(part)} rows")
    if len(dest) and (dest.min() < 0 or dest.max() >= partitions):
        raise ValueError(f"destinations outside [0, {partitions})")
    dest = dest.astype(np.uint16)
    counts = np.bincount(dest, minlength=partitions).astype(np.int64)
    if not len(part):
        return counts  # nothing written: no output reads from here
    order = np.argsort(dest, kind="stable")
    try:
        table = pa.Table.from_pandas(part, preserve_index=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError) as exc:
        raise _not_arrow(part, exc) from None
    # one chunk: every batch then shares each dictionary (an IPC file allows no other)
    batch = table.take(order).combine_chunks().to_batches()[0]
    os.makedirs(folder, exist_ok=True)
    path = spill_path(folder, number)
    partial = path + ".partial"  # a task run again never leaves half a file to read
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    with pa.OSFile(partial, "wb") as sink, pa.ipc.new_file(sink, batch.schema) as writer:
        for start, count in zip(starts.tolist(), counts.tolist(), strict=True):
            writer.write_batch(batch.slice(start, count))
    os.replace(partial, path)
    return counts


def gather(
    folders: Sequence[str], counts: np.ndarray, number: int, empty: pd.DataFrame
) -> pd.DataFrame:
    """Output partition ``number``: its rows from every input's file, in input order.

    Parameters
    ----------
    folders : sequence of str
        Where each input partition wrote its file.
    counts : numpy.ndarray
        Rows per input (rows) and output (columns), as :func:`spill` returned them.
    number : int
        The output partition.
    empty : pandas.DataFrame
        What to return when no row comes here (the columns and dtypes).
    """
    import pyarrow as pa

    outputs = counts.shape[1]
    batches = []
    for source in np.flatnonzero(counts[:, number]).tolist():
        folder = folders[source]
        path = spill_path(folder, source)
        try:
            reader = pa.ipc.open_file(pa.memory_map(path))
        except FileNotFoundError:
            raise ShuffleError(
                folder,
                number,
                f"the file {os.path.basename(path)} written for it is missing: the "
                "workers do not all see each other's local directory (on several "
                "machines, set Dask's temporary-directory to a folder they share, or "
                "shuffle='p2p'), or the files were deleted once every partition had "
                "read them and this one was computed again: compute the result again",
            ) from None
        wrote = int(counts[source, number])
        batch = reader.get_batch(number) if reader.num_record_batches == outputs else None
        if batch is None or batch.num_rows != wrote:
            raise ShuffleError(
                folder,
                number,
                f"the file {os.path.basename(path)} does not hold the {wrote} rows "
                "written for this partition",
            )
        batches.append(batch)
    frame = _frame_of(_table_of(batches), empty) if batches else empty
    for folder in dict.fromkeys(folders):  # each folder once, in order
        _done(folder, number, outputs)
    return frame


def _table_of(batches: list[Any]) -> Any:
    """One Arrow table of the batches, in order.  Inputs may type a column apart when
    one holds no value there (an object column all missing is Arrow's null type):
    those columns take the type the others give them."""
    import pyarrow as pa

    schemas = {b.schema for b in batches}
    if len(schemas) == 1:
        return pa.Table.from_batches(batches)
    tables = [pa.Table.from_batches([b]) for b in batches]
    return pa.concat_tables(tables, promote_options="permissive")


def _frame_of(table: Any, empty: pd.DataFrame) -> pd.DataFrame:
    """The pandas frame of ``table``, in ``empty``'s dtypes: Arrow gives back most of
    them from the pandas metadata it keeps, but texts held as objects come back as
    pandas 3's ``str`` (a missing text NaN, not None): they are rebuilt as objects
    from the Arrow values, None for missing."""
    frame = table.to_pandas()
    objects = {
        c: pd.Series(table.column(c).to_numpy(zero_copy_only=False), index=frame.index)
        for c in empty.columns
        if empty[c].dtype == object and frame[c].dtype != object
    }
    if objects:
        frame = frame.assign(**{c: v.astype(object) for c, v in objects.items()})
    if empty.index.dtype == object and frame.index.dtype != object:
        frame.index = frame.index.astype(object)
    return frame


def _done(folder: str, number: int, outputs: int) -> None:
    """Mark output ``number`` read in ``folder``; the last of ``outputs`` deletes it."""
    if not os.path.isdir(folder):  # its inputs had no rows: nothing was written
        return
    try:
        with open(os.path.join(folder, f"{number}.read"), "w"):
            pass
        read = sum(1 for name in os.listdir(folder) if name.endswith(".read"))
    except FileNotFoundError:  # the last other output, done meanwhile, deleted it
        return
    if read >= outputs:
        shutil.rmtree(folder, ignore_errors=True)


def _not_arrow(part: pd.DataFrame, exc: Exception) -> ValidationError:
    """The column Arrow could not take, with its first value of another type than the
    column's first value (the error path only)."""
    column = failed_column(exc)
    row: object = pd.NA
    value: object = pd.NA
    if column in part.columns and part[column].dtype == object:
        values = part[column].dropna()
        kinds = values.map(type)
        odd = np.flatnonzero((kinds != kinds.iat[0]).to_numpy()) if len(kinds) else np.array([])
        if len(odd):
            row, value = values.index[odd[0]], values.iat[odd[0]]
    failures = pd.DataFrame(
        {
            "row": [row],
            "column": [column],
            "value": [value],
            "expected": [
                "values of one type per column, to shuffle through files "
                f"(Arrow said: {exc}); or shuffle='p2p'"
            ],
        }
    )
    return ValidationError(failures, what="claims to shuffle")
