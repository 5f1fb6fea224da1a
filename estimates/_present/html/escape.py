"""The one HTML safety policy: escaped text, and which URLs may become links.

Every value that comes from the data (quantities, sources, texts, notes, errors, URLs,
group keys, column names) is escaped (:func:`text`); a URL becomes a link only when
:func:`safe_url` accepts it.  The Jupyter fragments (:mod:`.repr`), the report
(:mod:`.report`, whose Jinja2 templates autoescape and use :func:`safe_url` as a filter)
and the Datawrapper export all use this module: one URL policy, one escaper.
"""

from __future__ import annotations

from html import escape
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from ..._model.missing import is_missing

__all__ = ["css", "link", "safe_url", "text"]

#: Characters a URL may not hold to become a link: they cannot appear unescaped in a
#: valid URL (RFC 3986) and could close an attribute or a tag, or hide a scheme.
_REFUSED = frozenset('"<>\\`\x7f')


def text(value: Any) -> str:
    """Escaped text of any value (``""`` for missing values).

    >>> text('<b a="1">') == '&lt;b a=&quot;1&quot;&gt;'
    True
    """
    if is_missing(value):
        return ""
    return escape(str(value), quote=True)


def safe_url(url: Any) -> str | None:
    """The URL when it is a plain ``http(s)`` URL with a host, else None.

    Refused: other schemes (``javascript:``, ``data:``), relative and scheme-relative
    URLs, any whitespace or control character (leading spaces included), a backslash,
    DEL, and the characters ``"``, ``<``, ``>`` and backquote.

    >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)")
    ('https://example.org/a?b=1', None)
    >>> safe_url(" JAVASCRIPT:alert(1)"), safe_url("//evil.example"), safe_url("data:,x")
    (None, None, None)
    >>> safe_url('https://ok.example/"onmouseover="alert(1)') is None
    True
    """
    if not isinstance(url, str) or not url:
        return None
    if any(ord(c) < 33 or c in _REFUSED for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def short_url(url: str) -> str:
    """The host of a URL without ``www.`` (the URL itself when it has none)."""
    host = urlsplit(url).netloc
    return host.removeprefix("www.") or url


def link(url: Any, label: str | None = None, *, muted: str = "") -> str:
    """An ``<a>`` to a safe URL (labelled with ``label`` or its host), else escaped text.

    ``muted`` is a class for the text of a refused URL.
    """
    ok = safe_url(url)
    if ok is None:
        shown = text(url)
        return f'<span class="{muted}">{shown}</span>' if muted and shown else shown
    shown = text(label if label is not None else short_url(ok))
    return (
        f'<a href="{escape(ok, quote=True)}" target="_blank" '
        f'rel="noopener noreferrer nofollow">{shown}</a>'
    )


def css(name: str) -> str:
    """A style sheet shipped with the package (``report.css``, ``repr.css``)."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
