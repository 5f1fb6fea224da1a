"""The library's warnings are silenced per thread or task, never through Python's one
process-wide filter list (which threads would clobber: a Dask threaded scheduler's
tasks, a server rendering reports)."""

from __future__ import annotations

import threading
import warnings

import pytest

import estimates as est
from estimates._model.silencing import silenced, warn


def test_silenced_drops_its_categories_and_subclasses_only() -> None:
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        with silenced(est.DataQualityWarning):
            warn("dropped", est.MissingDateWarning)
            warn("kept", est.EstimatesWarning)
        warn("kept after", est.MissingDateWarning)
    assert [str(w.message) for w in seen] == ["kept", "kept after"]


def test_silenced_by_message() -> None:
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        with silenced(est.MissingDateWarning, match="not on the timeline"):
            warn(
                "3 claims have no statement date and are not on the timeline",
                est.MissingDateWarning,
            )
            warn("3 claims have no statement date and were left out", est.MissingDateWarning)
    assert [str(w.message) for w in seen] == ["3 claims have no statement date and were left out"]


def test_warn_points_at_the_caller_of_its_caller() -> None:
    def library_function() -> None:
        warn("look here", est.DataQualityWarning, stacklevel=2)

    with pytest.warns(est.DataQualityWarning) as seen:
        library_function()
    assert seen[0].filename == __file__


def test_one_thread_silencing_neither_silences_nor_unsilences_another() -> None:
    entered, done = threading.Event(), threading.Event()

    def quiet_task() -> None:
        with silenced(est.EstimatesWarning):
            entered.set()
            done.wait(5)
            warn("silenced in its own thread", est.DataQualityWarning)

    filters = list(warnings.filters)
    worker = threading.Thread(target=quiet_task)
    worker.start()
    assert entered.wait(5)
    # while the other thread is silenced: Python's filters are untouched, and this
    # thread's warning still comes (pytest turns estimates' warnings into errors)
    assert warnings.filters == filters
    with pytest.warns(est.DataQualityWarning, match="this thread's"):
        warn("this thread's warning", est.DataQualityWarning)
    # a filter the user adds now survives the other thread leaving its block
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", est.RevisionWarning)
        done.set()
        worker.join(5)
        assert warnings.filters[0][2] is est.RevisionWarning
        warn("still ignored by the user's filter", est.RevisionWarning)
    assert warnings.filters == filters


def test_every_library_warning_goes_through_warn() -> None:
    """No module of the library calls warnings.warn or changes the filters itself
    (the CLI, the application, may set its own)."""
    import pathlib

    root = pathlib.Path(est.__file__).parent
    offenders = []
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(root).as_posix()
        if rel in ("_model/silencing.py", "_cli/main.py"):
            continue
        for needle in ("warnings.warn(", "catch_warnings(", "simplefilter(", "filterwarnings("):
            if needle in text:
                offenders.append(f"{rel}: {needle}")
    assert offenders == []
