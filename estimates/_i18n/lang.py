"""The one language normaliser: a language tag to the key of a message catalogue.

``"fr"``, ``"fr-FR"``, ``"fr_FR"``, ``"FR"`` and ``" fr-ca "`` all give ``"fr"``.  A
language is *supported* when a message catalogue exists for it: ``en`` and ``fr`` ship
with the package, and :func:`estimates._i18n.register_catalogue` adds others.  The
parser reads only the languages it has a lexicon for; it passes its own list as
``supported``.

>>> normalise_lang("fr_FR"), normalise_lang("EN-gb")
('fr', 'en')
>>> normalise_lang("de")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
estimates._model.errors.LanguageError: unsupported language 'de': expected one of 'en', 'fr' ...
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .._model.errors import LanguageError

__all__ = ["LanguageError", "language_key", "normalise_lang"]


def language_key(lang: Any) -> str | None:
    """The primary language subtag of a tag, lower case ("fr" for "fr_FR"), or None
    when ``lang`` is not a non-empty string."""
    if not isinstance(lang, str):
        return None
    key = lang.strip().lower().replace("_", "-").split("-", 1)[0]
    return key or None


def normalise_lang(lang: Any, supported: Iterable[str] | None = None, *, text: str = "") -> str:
    """The catalogue key of a language tag.

    Parameters
    ----------
    lang : str
        A language tag: ``"fr"``, ``"fr-FR"``, ``"fr_FR"``, ``"FR"``.
    supported : iterable of str, optional
        The accepted keys (default: every language with a message catalogue).
    text : str, optional
        The text that was to be read in that language, named by the error.

    Raises
    ------
    LanguageError
        (:class:`estimates.LanguageError`, a ``ParseError`` and so a ``ValueError``)
        for any other language, listing the supported ones.
    """
    if supported is None:
        from .catalogue import languages

        supported = languages()
    allowed = tuple(supported)
    key = language_key(lang)
    if key is None or key not in allowed:
        raise LanguageError(lang, allowed, text=text)
    return key
