"""The model layer: value types, conventions, units, dates and sources.

Imports nothing from the other layers (parsing, table, compute, present).
"""
