"""The parsing layer: numbers and hedged figures read from text (and written back).

Imports only from the model layer.
"""
