"""Reading a typed claims table: ``read_claims`` against ``reconcile()`` of the same claims.

Run::

    python benchmarks/bench_read.py                 # 10^6 and 10^7 claims
    python benchmarks/bench_read.py --sizes 1e6     # a quick run

The claims are those of the Dask benchmark (``bench_dask.write_claims``: quantity and
source as text, low/high/best as float64, the statement day as ``timestamp[ns]``),
written to Parquet in a temporary folder and read back into one DataFrame with
``pandas.read_parquet``, as a worker reads a file.  Then, in this process, on the same
frame, for each size:

* ``copy``: ``frame.copy()`` (a deep copy: the floor of any read that returns its own
  table);
* ``read``: ``estimates.read_claims(frame)`` (every check of the table, every column
  typed);
* ``reconcile``: ``Claims.reconcile()`` of the claims just read.

Each is timed as the best of ``--repeat`` runs.  Printed: microseconds per claim and
the ratios ``read / reconcile`` (goal: at most 1) and ``read / copy``, then one JSON
object with every number.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent))

from bench_dask import write_claims  # noqa: E402

import estimates as est  # noqa: E402


def typed_frame(n: int, seed: int = 0) -> pd.DataFrame:
    """``n`` claims of the Dask benchmark, read back from Parquet into one frame."""
    folder = Path(tempfile.mkdtemp(prefix="bench_read_"))
    try:
        files = write_claims(folder, n, chunk=min(n, 10**6), seed=seed)
        parts = [pd.read_parquet(folder / f"part.{i}.parquet") for i in range(files)]
        return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def best_of(repeat: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    """The shortest wall time of ``repeat`` calls, and the last result."""
    times, out = [], None
    for _ in range(repeat):
        out = None
        gc.collect()
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def measure(n: int, repeat: int) -> dict[str, float]:
    frame = typed_frame(n)
    t_copy, _ = best_of(repeat, frame.copy)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t_read, claims = best_of(repeat, lambda: est.read_claims(frame))
        t_rec, result = best_of(repeat, claims.reconcile)
    return {
        "claims": n,
        "groups": len(result),
        "copy_s": t_copy,
        "read_s": t_read,
        "reconcile_s": t_rec,
        "copy_us_per_claim": t_copy / n * 1e6,
        "read_us_per_claim": t_read / n * 1e6,
        "reconcile_us_per_claim": t_rec / n * 1e6,
        "read_over_reconcile": t_read / t_rec,
        "read_over_copy": t_read / t_copy,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1e6,1e7", help="claims per table, comma-separated")
    ap.add_argument("--repeat", type=int, default=3, help="runs per timing (best kept)")
    args = ap.parse_args()
    rows = []
    for size in args.sizes.split(","):
        n = int(float(size))
        r = measure(n, args.repeat if n <= 10**6 else max(1, args.repeat - 1))
        rows.append(r)
        print(
            f"{n:>12,} claims  read {r['read_us_per_claim']:.3f} us/claim  "
            f"reconcile {r['reconcile_us_per_claim']:.3f}  copy {r['copy_us_per_claim']:.3f}  "
            f"read/reconcile {r['read_over_reconcile']:.2f}  read/copy {r['read_over_copy']:.1f}",
            flush=True,
        )
    print(json.dumps({"pandas": pd.__version__, "sizes": rows}, indent=1))


if __name__ == "__main__":
    main()
