"""The public API and the architecture: what is exported, and which layer imports which."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import estimates as est

from .datasets import ROOT, seed_claims

PACKAGE = ROOT / "estimates"

#: Which layers each layer may import at module level (lazy imports inside functions
#: are how lower layers offer facade methods, e.g. ``Claims.describe``).
ALLOWED = {
    "_model": {"_model"},
    # Languages and words (catalogues, the one language normaliser): just above _model.
    "_i18n": {"_model", "_i18n"},
    "_parsing": {"_model", "_i18n", "_parsing"},
    "_table": {"_model", "_i18n", "_parsing", "_table"},
    "_compute": {"_model", "_i18n", "_parsing", "_table", "_compute"},
    "_extract": {"_model", "_i18n", "_parsing", "_table", "_extract"},
    "_present": {"_model", "_i18n", "_parsing", "_table", "_compute", "_present"},
    "_cli": {"_model", "_i18n", "_parsing", "_table", "_compute", "_present", "_extract", "_cli"},
}


def _module_level_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    layers: set[str] = set()
    for node in tree.body:  # module level only
        if isinstance(node, ast.ImportFrom) and node.level >= 1 and node.module:
            parts = node.module.split(".")
            if node.level == 2:
                layers.add(parts[0])
            elif node.level == 1:
                layers.add(path.parent.name)
    return layers


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_dependencies_go_one_way(layer):
    for path in (PACKAGE / layer).glob("*.py"):
        used = _module_level_imports(path)
        assert used <= ALLOWED[layer], f"{path.relative_to(ROOT)} imports {used - ALLOWED[layer]}"


def test_all_names_exist_once():
    assert len(set(est.__all__)) == len(est.__all__)
    for name in est.__all__:
        assert hasattr(est, name), name


def test_errors_subclass_the_builtins_they_are():
    assert issubclass(est.ParseError, ValueError) and issubclass(
        est.ParseError, est.EstimatesError
    )
    assert issubclass(est.ValidationError, ValueError)
    assert issubclass(est.UnitError, ValueError)
    assert issubclass(est.FigureError, ValueError)
    assert issubclass(est.DataQualityWarning, UserWarning)
    assert issubclass(est.MissingDateWarning, est.EstimatesWarning)


def test_typed_package():
    assert (PACKAGE / "py.typed").exists()


def test_import_is_light():
    code = (
        "import sys, estimates; "
        "print(sorted(m for m in ('pint', 'matplotlib', 'dateparser', 'hypothesis', 'dask') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_claims_facades(tmp_path):
    claims = seed_claims()
    page = claims.report(tmp_path / "r.html")
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == page
    assert "<svg" in page and "North Korean troops in Kursk" in page
    note = claims.methodology()
    assert note.startswith("# Methodology")
