"""What Arrow's errors say when a pandas column cannot be converted."""

from __future__ import annotations

#: How Arrow's conversion errors name the column (``pa.Table.from_pandas``).
_HEAD = "Conversion failed for column "


def failed_column(exc: Exception) -> str | None:
    """The column an Arrow conversion error names, or None.

    Examples
    --------
    >>> failed_column(ValueError("Conversion failed for column x with type object"))
    'x'
    >>> failed_column(ValueError("something else")) is None
    True
    """
    said = str(exc)
    at = said.find(_HEAD)
    return said[at + len(_HEAD) :].split(" with type ")[0] if at >= 0 else None
