"""The bundled notebooks run top to bottom from a clean checkout (cwd = notebooks/)."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
CELL_TIMEOUT = 120  # seconds per cell


@pytest.mark.slow  # > 5 s: still runs in CI
@pytest.mark.notebook
@pytest.mark.parametrize(("name", "charts"), [("kursk", 2), ("economist", 4)])
def test_notebook_runs_top_to_bottom(name, charts):
    path = NOTEBOOKS / f"{name}.ipynb"
    stored = nbformat.read(path, as_version=4)
    # Stored without outputs, so that diffs show code, not images.
    for cell in stored.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()  # raises CellExecutionError, with the cell, on any error
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert errors == []
    images = [
        o
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type in ("display_data", "execute_result") and "image/png" in o.data
    ]
    assert len(images) == charts  # the charts were drawn
    texts = "\n".join(
        o.get("text", "")
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "stream"
    )
    if name == "kursk":
        assert "There are three estimates of North Korean troops in Kursk:" in texts
        assert "On compte trois estimations pour" in texts
    else:
        assert "quantity-months with two claims or more" in texts
    # Nothing was written into the repository.
    assert not any(NOTEBOOKS.glob("*.html"))


def test_notebooks_need_no_absolute_paths():
    for path in NOTEBOOKS.glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        source = "\n".join(c.source for c in nb.cells)
        assert "/work/" not in source and "/home/" not in source and "C:\\\\" not in source
        assert "pyproject.toml" in source  # the root is found by walking up
