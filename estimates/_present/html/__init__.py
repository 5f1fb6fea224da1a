"""HTML output: Jupyter fragments (:mod:`.repr`), the report (:mod:`.report`), and the one
escaping and URL policy both use (:mod:`.escape`)."""

from .escape import safe_url
from .repr import claim_html, claims_html, figure_html, reconciliation_html

__all__ = ["claim_html", "claims_html", "figure_html", "reconciliation_html", "safe_url"]
