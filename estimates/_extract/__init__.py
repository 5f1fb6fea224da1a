"""The extraction layer: from news text to a draft claims table.

Imports from the model, parsing and table layers.  One module per concept:

* :mod:`.extract`      :func:`extract`, assembling the claims table
* :mod:`.sentences`    sentences with their spans
* :mod:`.tokens`       the words of a sentence with their spans
* :mod:`.attribution`  reporting verbs and phrases, their agents, joint sources, scope
* :mod:`.dates`        statement dates and periods, resolved against the publication date
* :mod:`.quantity`     the counted noun phrase, the place and the suggested key
"""
