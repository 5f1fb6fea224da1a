"""Languages and words: one language normaliser, the message catalogues, unit words.

This layer sits just above the model: it imports only ``_model`` (for the error root).
"""

from __future__ import annotations

from .catalogue import (
    MessageError,
    Translator,
    Words,
    languages,
    register_catalogue,
    translator,
    unregister_catalogue,
    words,
)
from .lang import LanguageError, language_key, normalise_lang
from .unit_words import UnitWords, unit_plural, unit_words

__all__ = [
    "LanguageError",
    "MessageError",
    "Translator",
    "UnitWords",
    "Words",
    "language_key",
    "languages",
    "normalise_lang",
    "register_catalogue",
    "translator",
    "unit_plural",
    "unit_words",
    "unregister_catalogue",
    "words",
]
