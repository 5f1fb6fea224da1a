"""The engine layer: the machinery the Dask engine (:mod:`estimates.dask`) runs in its
tasks, on pandas and Arrow tables (moving rows between partitions through files).

Imports from the model layer only.
"""
