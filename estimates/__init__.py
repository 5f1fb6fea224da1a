"""estimates: reconcile conflicting numeric estimates.

Every figure in the news ("up to 12,000 soldiers", "environ 50 000", "thousands") is a
*sourced interval with dates*.  ``estimates`` reads such figures, keeps them in claims
tables, and computes per quantity what they span, what they all allow, what most of
them support, and where and by how much they disagree, over time.

The public API is what this module exports (``estimates.__all__``), plus the
hypothesis strategies in :mod:`estimates.strategies`.  Everything in the underscored
subpackages is private and may change:

* ``_model``   value types: :class:`Figure`, :class:`Claim`, :class:`DateInterval`,
  :class:`Conventions`, units, sources, errors
* ``_parsing`` :func:`parse` and :func:`render`: hedged figures from and to text
* ``_table``   :class:`Claims`, :func:`read_claims`: the claims table and its I/O
* ``_compute`` the reconcile kernel, disagreements, time, best-estimate strategies
* ``_present`` sentences, HTML, charts, the report, exports
* ``_extract`` :func:`extract`: from news text to a draft claims table
* ``_cli``     the ``estimates`` command

Examples
--------
>>> import estimates
>>> estimates.parse("jusqu’à 12 000 soldats", lang="fr")
Figure([0, 12000] soldier, hedge='up_to', text='jusqu’à 12 000 soldats')
"""

from __future__ import annotations

from ._api import accessor as _accessor  # noqa: F401 - registers df.estimates
from ._api.claims import Claims, read_claims
from ._api.extract import extract
from ._compute.kernel import KERNEL_SCHEMA
from ._compute.reconcile import reconcile_frame
from ._compute.selection import ALL_STRATEGIES as STRATEGIES
from ._compute.selection import Comparison, Selection
from ._model.claim import Claim, Status
from ._model.conventions import (
    PROFILES,
    Conventions,
    MagnitudeReading,
    conventions_names,
    get_conventions,
    register_conventions,
    set_conventions,
    use_conventions,
)
from ._model.dates import DateInterval
from ._model.errors import (
    ArgumentTypeError,
    ClaimError,
    ComparabilityError,
    ComparabilityWarning,
    DataQualityWarning,
    DateError,
    DependencyError,
    ErrorCode,
    EstimatesError,
    EstimatesWarning,
    FigureError,
    LanguageError,
    MissingColumnError,
    MissingDateWarning,
    MissingSourceWarning,
    OptionError,
    PairBudgetError,
    ParseError,
    RevisionWarning,
    ShuffleError,
    SourceError,
    UnitError,
    ValidationError,
)
from ._model.figure import Figure
from ._model.hedges import Hedge
from ._model.sources import SourceBook
from ._model.units import COUNT_UNITS, canonical_unit, conversion_factor
from ._model.units import registry as unit_registry
from ._parsing.parser import parse, scan
from ._parsing.render import render

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """``estimates.dask``, the Dask engine, is imported on first use (it imports dask).

    ``reconcile_dask`` (kept for compatibility) is :func:`estimates.dask.reconcile`.
    """
    if name in ("dask", "reconcile_dask"):
        import importlib

        engine = importlib.import_module(".dask", __name__)
        return engine if name == "dask" else engine.reconcile
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "COUNT_UNITS",
    "KERNEL_SCHEMA",
    "PROFILES",
    "STRATEGIES",
    "ArgumentTypeError",
    "Claim",
    "ClaimError",
    "Claims",
    "ComparabilityError",
    "ComparabilityWarning",
    "Comparison",
    "Conventions",
    "DataQualityWarning",
    "DateError",
    "DateInterval",
    "DependencyError",
    "ErrorCode",
    "EstimatesError",
    "EstimatesWarning",
    "Figure",
    "FigureError",
    "Hedge",
    "LanguageError",
    "MagnitudeReading",
    "MissingColumnError",
    "MissingDateWarning",
    "MissingSourceWarning",
    "OptionError",
    "PairBudgetError",
    "ParseError",
    "RevisionWarning",
    "Selection",
    "ShuffleError",
    "SourceBook",
    "SourceError",
    "Status",
    "UnitError",
    "ValidationError",
    "__version__",
    "canonical_unit",
    "conventions_names",
    "conversion_factor",
    "extract",
    "get_conventions",
    "parse",
    "read_claims",
    "reconcile_dask",
    "reconcile_frame",
    "register_conventions",
    "render",
    "scan",
    "set_conventions",
    "unit_registry",
    "use_conventions",
]
