"""The ``estimates`` command line (``python -m estimates``): a thin layer on the API."""
