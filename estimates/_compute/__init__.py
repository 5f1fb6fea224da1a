"""The compute layer: the reconcile kernel, disagreements, time, strategies, sensitivity.

Pure functions over columns.  Imports from the model and table layers only.
"""
