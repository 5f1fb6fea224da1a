"""The presentation layer: sentences, HTML, charts, report, exports, methodology.

Imports from every layer below it; nothing below imports it at module level.
"""
