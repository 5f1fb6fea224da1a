"""The extraction layer: from news text to a draft claims table.

Imports from the model, parsing and table layers.
"""
