"""The claims-table layer: schema, validation, the Claims collection and its I/O.

Imports from the model and parsing layers only.
"""
