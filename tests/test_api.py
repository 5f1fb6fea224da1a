"""The public API and the architecture: what is exported, and which layer imports which."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pandas as pd
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
    # What the Dask engine's tasks run on pandas and Arrow tables (the file shuffle).
    "_engine": {"_model", "_engine"},
    "_present": {"_model", "_i18n", "_parsing", "_table", "_compute", "_present"},
    # The thin public top layer: Claims, df.estimates, Reconciliation, extract().
    "_api": {"_model", "_i18n", "_parsing", "_table", "_compute", "_present", "_extract", "_api"},
    "_cli": {
        "_model",
        "_i18n",
        "_parsing",
        "_table",
        "_compute",
        "_present",
        "_extract",
        "_api",
        "_cli",
    },
}


def _layer_of(path: Path, node: ast.ImportFrom) -> str | None:
    """The top package (layer) a relative ``from ... import`` in ``path`` reaches."""
    rel = path.relative_to(PACKAGE).parts
    target = [*rel[: len(rel) - node.level], *(node.module.split(".") if node.module else [])]
    return target[0] if node.level >= 1 and target else None


def _module_level_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        layer
        for node in tree.body  # module level only
        if isinstance(node, ast.ImportFrom) and (layer := _layer_of(path, node))
    }


def _runtime_imports(path: Path) -> set[str]:
    """Layers imported anywhere in a module (lazy imports too), except type-only ones."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            type_only.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    return {
        layer
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and id(node) not in type_only
        and (layer := _layer_of(path, node))
    }


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_dependencies_go_one_way(layer):
    for path in (PACKAGE / layer).rglob("*.py"):
        used = _module_level_imports(path)
        assert used <= ALLOWED[layer], f"{path.relative_to(ROOT)} imports {used - ALLOWED[layer]}"


@pytest.mark.parametrize(
    "layer", ["_model", "_i18n", "_parsing", "_table", "_compute", "_present"]
)
def test_nothing_below_the_top_layer_reaches_up_to_it(layer):
    # Not even lazily: compute and presentation take and return plain frames; only
    # ``_api`` builds Claims tables and Reconciliation frames.
    for path in (PACKAGE / layer).rglob("*.py"):
        assert "_api" not in _runtime_imports(path), f"{path.relative_to(ROOT)} imports _api"
        assert "_cli" not in _runtime_imports(path), f"{path.relative_to(ROOT)} imports _cli"


def test_presentation_never_names_the_top_layer():
    # Not even for type hints: presentation takes claims frames and the shared option
    # objects (Selection, Comparison); Claims forwards to it.
    for path in (PACKAGE / "_present").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert _layer_of(path, node) != "_api", f"{path.relative_to(ROOT)} imports _api"
                assert not (node.module or "").startswith("estimates._api"), path
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith("estimates._api") for a in node.names), path


def _private_imports(path: Path) -> list[str]:
    """Private names ``path`` imports from a module outside its own package (helpers
    shared by the modules of one package, e.g. ``_present/charts/draw.py``, are its
    own business)."""
    package = list(path.relative_to(PACKAGE).parts[:-1])
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.ImportFrom) and node.level >= 1):
            continue
        base = package[: len(package) - (node.level - 1)]
        target = base + (node.module.split(".") if node.module else [])
        if target[:-1] == package:
            continue
        out += [
            f"{'.'.join(target)}.{a.name}"
            for a in node.names
            if a.name.startswith("_") and not a.name.startswith("__")
        ]
    return out


@pytest.mark.parametrize("layer", ["_present", "_api", "_cli"])
def test_no_module_imports_a_private_name_of_another_package(layer):
    for path in (PACKAGE / layer).rglob("*.py"):
        if path.name == "track_record.py":  # owned by another change this wave (rel2)
            continue
        found = _private_imports(path)
        assert not found, f"{path.relative_to(ROOT)} imports {found}"


def test_no_module_reads_the_private_frame_of_a_table():
    for path in PACKAGE.rglob("*.py"):
        if path.parent.name == "_api":
            continue
        text = path.read_text(encoding="utf-8")
        assert "._frame" not in text, f"{path.relative_to(ROOT)} reads a table's private _frame"


def test_compute_returns_plain_frames_and_the_api_wraps_them():
    from estimates._api.result import Reconciliation
    from estimates._compute.reconcile import reconcile

    claims = seed_claims()
    plain = reconcile(claims.frame)
    assert type(plain) is pd.DataFrame
    wrapped = claims.reconcile()
    assert isinstance(wrapped, Reconciliation)
    pd.testing.assert_frame_equal(wrapped.to_frame(), plain)


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


def test_the_all_extra_brings_every_feature():
    """``pip install ".[all]"`` (the README's first command) gives every feature a
    user runs: each extra but those for developing the library itself."""
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    (bundle,) = extras["all"]
    named = set(bundle.split("[", 1)[1].rstrip("]").split(","))
    assert named == set(extras) - {"all", "test", "bench", "notebooks"}


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


def _public_callables():
    """(name, function) of every public method of Claims and ``df.estimates``, and of
    every public function of ``estimates`` and ``estimates.dask``."""
    import inspect

    import estimates.dask as ed
    from estimates._api.accessor import EstimatesAccessor

    out = []
    for cls in (est.Claims, EstimatesAccessor):
        for name, member in vars(cls).items():
            if name.startswith("_") and name != "__init__":
                continue
            fn = member.__func__ if isinstance(member, classmethod | staticmethod) else member
            if inspect.isfunction(fn):
                out.append((f"{cls.__name__}.{name}", fn))
    for module, names in ((est, est.__all__), (ed, ed.__all__)):
        for name in names:
            obj = getattr(module, name)
            if inspect.isfunction(obj):
                out.append((f"{module.__name__}.{name}", obj))
    return out


def test_public_signatures_spell_out_their_arguments():
    import inspect

    listed = {name: inspect.signature(fn) for name, fn in _public_callables()}
    # The list is the public surface: it must hold the facade methods and functions.
    for name in (
        "Claims.reconcile",
        "Claims.describe",
        "Claims.report",
        "Claims.__init__",
        "EstimatesAccessor.reconcile",
        "estimates.read_claims",
        "estimates.extract",
        "estimates.dask.reconcile",
        "estimates.reconcile_dask",
    ):
        assert name in listed, name
    hidden = {
        name: [p.name for p in sig.parameters.values() if p.kind is p.VAR_KEYWORD]
        for name, sig in listed.items()
    }
    assert {k: v for k, v in hidden.items() if v} == {}


def _documented_parameters(doc: str) -> set[str]:
    """Names in the numpydoc "Parameters" section of a docstring."""
    import inspect
    import re

    doc = inspect.cleandoc(doc).replace("\\\n", "")
    match = re.search(r"^Parameters\n-+\n(.*?)(?=^\w[\w ]*\n-+\n|\Z)", doc, re.M | re.S)
    if match is None:
        return set()
    names: set[str] = set()
    for line in match.group(1).splitlines():
        if line and not line[0].isspace():
            head = line.split(" : ")[0]
            names.update(n.strip().lstrip("*") for n in head.split(","))
    return names


def test_claims_methods_document_every_parameter():
    import inspect

    for name, fn in _public_callables():
        if not name.startswith(
            ("Claims.", "EstimatesAccessor.", "estimates.read_claims", "estimates.dask.")
        ):
            continue
        params = [p for p in inspect.signature(fn).parameters if p not in ("self", "cls")]
        if not params:
            continue
        documented = _documented_parameters(fn.__doc__ or "")
        assert set(params) <= documented, f"{name}: undocumented {set(params) - documented}"
        assert "%(" not in (fn.__doc__ or ""), f"{name}: a docstring fragment was not filled"


def test_all_matches_what_is_exported():
    import types

    public = {
        n
        for n, v in vars(est).items()
        if not n.startswith("_") and not isinstance(v, types.ModuleType) and n != "annotations"
    }
    # Lazy names (imported on first use) are in __all__ but not yet in the namespace.
    assert public <= set(est.__all__), public - set(est.__all__)
    assert set(est.__all__) - public <= {"reconcile_dask", "__version__"}


@pytest.mark.parametrize(
    "method", ["reconcile", "describe", "camps", "report", "datawrapper", "plot"]
)
def test_a_call_warns_once_at_the_users_line(economist, method):
    # Claims spanning years: one ComparabilityWarning per call, however many parts
    # (key figures, sentences, charts) the call computes, pointing at the caller.
    if method == "plot":
        pytest.importorskip("matplotlib")
    options = {"report": {"charts": None}}.get(method, {})
    with pytest.warns(est.ComparabilityWarning, match="span more than 31 days") as record:
        getattr(economist, method)(**options)
    assert len(record) == 1, [str(r.message) for r in record]
    assert record[0].filename == __file__
