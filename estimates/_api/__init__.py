"""The public top layer: :class:`~estimates.Claims`, ``df.estimates`` and ``Reconciliation``.

A thin facade that imports downward (model, table, compute, presentation) and is
imported by nothing below it: compute and presentation take and return plain frames.
"""
