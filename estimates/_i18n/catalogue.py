"""Message catalogues: every user-facing word, in gettext ``.po`` files.

The words live in ``locales/<lang>/LC_MESSAGES/estimates.po`` (package data), one
catalogue per language.  They are read with Babel's :func:`~babel.messages.pofile.read_po`
and compiled in memory to a :class:`gettext.GNUTranslations` on first use, so no build
step is needed.  Message ids are stable keys grouped by context (``msgctxt``):

==========================  ===================================================
context                     what
==========================  ===================================================
``style``                   house-style settings: Babel locale, date patterns,
                            quotation marks, spacing of ``:`` and ``;``
``number``                  number words "zero" to "nine"
``scale``                   scale words ("million"), with plural forms
``hedge``                   hedge templates ("up to {n}")
``hedge-after-preposition`` the same after "from"/"to" ("as many as {n}")
``sentence``                sentence templates of :mod:`estimates._present.sentences`
``unit``                    unit words, with plural forms; ``{n}`` marks where the
                            figure goes when it is not before the word ("${n}")
``unit-after-of``           a unit after "of"/"de" where a symbol reads badly
``verdict``                 verdicts and statuses ("conflict", "disputed")
``text``, ``count``         plain-text tables and counts ("3 claims")
``methodology``             the methodology note
==========================  ===================================================

A third language is a catalogue, not a code change: write ``<dir>/<lang>/LC_MESSAGES/
estimates.po`` (copy the English one) and call :func:`register_catalogue`.  Messages
missing from an added catalogue fall back on English; the shipped English and French
catalogues are complete (a missing key is a :class:`MessageError`).

Examples
--------
>>> _ = translator("fr-FR")
>>> _("conflict", context="verdict")
'conflit'
>>> _.plural("claim", 3, context="count", n=3)
'3 affirmations'
>>> _.plural("claim", 1, context="count", n=1)
'1 affirmation'
"""

from __future__ import annotations

import gettext
import io
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from .._model.errors import ErrorCode, EstimatesError
from .lang import LanguageError, language_key, normalise_lang

__all__ = [
    "DOMAIN",
    "LOCALES",
    "MessageError",
    "Translator",
    "Words",
    "generation",
    "languages",
    "register_catalogue",
    "translator",
    "words",
]

DOMAIN = "estimates"
#: The catalogues that ship with the package.
LOCALES = Path(__file__).parent / "locales"
#: Languages whose catalogues are complete (no fallback).
BUILTIN = ("en", "fr")

_lock = threading.Lock()
_paths: dict[str, Path] = {
    lang: LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po" for lang in BUILTIN
}
_cache: dict[str, Translator] = {}
_generations = [0]


def generation() -> int:
    """Bumped whenever the catalogues change (keys caches built from them)."""
    return _generations[0]


class MessageError(EstimatesError, KeyError):
    """A message id is missing from a catalogue (a defect of the catalogue).

    Attributes
    ----------
    lang, msgid, context : str
    code : str
        ``"i18n.message_missing"``.
    """

    code = ErrorCode.MESSAGE_MISSING

    def __init__(self, lang: str, msgid: str, context: str | None) -> None:
        self.lang, self.msgid, self.context = lang, msgid, context
        where = f" (context {context!r})" if context else ""
        super().__init__(f"catalogue {lang!r} has no message {msgid!r}{where}")

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.lang, self.msgid, self.context))


class _Missing(gettext.NullTranslations):
    """End of a fallback chain: a missing message is an error, not its key."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def pgettext(self, context: str, message: str) -> str:
        raise MessageError(self.lang, message, context)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        raise MessageError(self.lang, msgid1, context)


class Translator:
    """The words of one language: ``t(msgid, context=..., **fields)``.

    Parameters
    ----------
    lang : str
        The catalogue key ("en", "fr").
    translations : gettext.GNUTranslations
        The compiled catalogue, with its fallbacks.
    """

    def __init__(
        self, lang: str, translations: gettext.GNUTranslations, keys: dict[str, frozenset[str]]
    ) -> None:
        self.lang = lang
        self._t = translations
        self._keys = keys  # context -> message ids, over the catalogue and its fallbacks

    def keys(self, context: str) -> frozenset[str]:
        """The message ids of a context."""
        return self._keys.get(context, frozenset())

    def _get(self, context: str, msgid: str) -> str:
        try:
            return self._t.pgettext(context, msgid)
        except MessageError:
            # gettext leaves out empty translations; an empty message that exists is "".
            if msgid in self.keys(context):
                return ""
            raise

    def __repr__(self) -> str:
        return f"Translator({self.lang!r})"

    def __call__(self, msgid: str, /, context: str = "sentence", **fields: Any) -> str:
        """The message, with ``{field}`` placeholders filled in when fields are given."""
        text = self._get(context, msgid)
        return text.format(**fields) if fields else text

    def plural(self, msgid: str, count: float, /, context: str = "count", **fields: Any) -> str:
        """The plural form of the message for ``count`` (the catalogue's Plural-Forms rule;
        a fraction takes the form CLDR gives it: "1.5 metres", "1,5 mètre")."""
        text = self._t.npgettext(context, msgid, msgid, plural_n(count, self.lang))
        return text.format(**fields) if fields else text

    def is_singular(self, x: float) -> bool:
        """Whether ``x`` takes the first (singular) form under the catalogue's rule."""
        rule = self._t.plural  # type: ignore[attr-defined]  # the Plural-Forms function
        return bool(rule(plural_n(x, self.lang)) == 0)

    def has(self, msgid: str, context: str = "sentence") -> bool:
        """Whether the message exists (in this catalogue or its fallbacks)."""
        return msgid in self.keys(context)


def plural_n(x: float, lang: str) -> int:
    """The integer gettext's plural rule should see for ``x``: ``x`` itself when whole;
    for a fraction 1 when CLDR puts it in the "one" category, else 2."""
    ax = abs(float(x))
    if ax != ax:  # NaN
        return 2
    if ax >= 1e18 or ax == int(ax):
        return int(min(ax, 1e18))
    from babel import Locale

    try:
        form = Locale.parse(lang).plural_form(ax)
    except (ValueError, LookupError):  # an unknown locale: English's rule
        form = "other"
    return 1 if form == "one" else 2


def languages() -> tuple[str, ...]:
    """The languages with a catalogue: the shipped ones and those registered."""
    return tuple(_paths)


def register_catalogue(lang: str, path: str | Path) -> str:
    """Add (or replace) the catalogue of a language.

    Parameters
    ----------
    lang : str
        The language tag ("de", "de-DE": stored as "de").
    path : str or Path
        A ``.po`` file, or a directory holding ``<lang>/LC_MESSAGES/estimates.po``
        (a gettext locale directory).

    Returns
    -------
    str
        The catalogue key.

    Raises
    ------
    LanguageError
        If ``lang`` is not a language tag.
    FileNotFoundError
        If no catalogue is found at ``path``.
    """
    key = language_key(lang)
    if key is None:
        raise LanguageError(lang, languages())
    p = Path(path)
    if p.is_dir():
        p = p / key / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not p.is_file():
        raise FileNotFoundError(f"no catalogue for {key!r} at {str(p)!r}")
    with _lock:
        _paths[key] = p
        _cache.clear()
        _generations[0] += 1
    return key


def unregister_catalogue(lang: str) -> None:
    """Remove a registered catalogue (the shipped ones are restored, not removed)."""
    key = language_key(lang)
    with _lock:
        if key in BUILTIN:
            _paths[key] = LOCALES / key / "LC_MESSAGES" / f"{DOMAIN}.po"
        elif key is not None:
            _paths.pop(key, None)
        _cache.clear()
        _generations[0] += 1


def _compile(path: Path, keys: dict[str, set[str]]) -> gettext.GNUTranslations:
    """The compiled catalogue; its message ids are added to ``keys`` by context."""
    with path.open("rb") as fh:
        catalog = read_po(fh, domain=DOMAIN)
    for message in catalog:
        if message.id:
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            keys.setdefault(str(message.context or ""), set()).add(str(msgid))
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


def translator(lang: str) -> Translator:
    """The translator of a language ("fr", "fr-FR", "fr_FR" alike).

    Raises
    ------
    LanguageError
        For a language with no catalogue.
    """
    key = normalise_lang(lang, languages())
    got = _cache.get(key)
    if got is not None:
        return got
    with _lock:
        keys: dict[str, set[str]] = {}
        t = _compile(_paths[key], keys)
        if key in BUILTIN:
            t.add_fallback(_Missing(key))
        else:
            english = _compile(_paths["en"], keys)
            english.add_fallback(_Missing(key))
            t.add_fallback(english)
        frozen = {c: frozenset(ids) for c, ids in keys.items()}
        got = _cache[key] = Translator(key, t, frozen)
    return got


class Words(Mapping[str, str]):
    """The messages of one context of a language's catalogue, read like a dict.

    >>> words("fr-FR", "verdict")["conflict"]
    'conflit'
    """

    def __init__(self, lang: str, context: str) -> None:
        self._t = translator(lang)
        self._context = context

    @property
    def lang(self) -> str:
        """The catalogue's language key ("en", "fr")."""
        return self._t.lang

    def __getitem__(self, key: str) -> str:
        return self._t(key, context=self._context)

    def get(self, key: str, default: Any = None) -> Any:
        """The message, or ``default`` when the catalogue has none."""
        return self[key] if self._t.has(key, self._context) else default

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._t.keys(self._context)))

    def __len__(self) -> int:
        return len(self._t.keys(self._context))


def words(lang: str, context: str = "chart") -> Words:
    """The words of ``context`` in ``lang`` ("fr-FR" and "fr" alike)."""
    return Words(lang, context)
