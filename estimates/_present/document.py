"""A small document tree, rendered to Markdown and to HTML from the same blocks.

The methodology note is built once as blocks (headings, paragraphs, bullet lists,
tables) of inline nodes (plain text, strong text, code), then written out:
:meth:`Document.to_markdown` escapes every text node for CommonMark,
:meth:`Document.to_html` escapes it for HTML.  Words come from message catalogues,
where a template may mark ``**strong**`` and ```code``` spans and ``{field}``
placeholders (:func:`fill`); values from the data are always plain text nodes, so a
source named ``*evil*`` or ``<script>`` is shown as written.

>>> doc = Document([Heading(1, [Text("Note")]), Paragraph(fill("**Source**: {s}", s="<b>*x*"))])
>>> print(doc.to_markdown())
# Note
<BLANKLINE>
**Source**: \\<b\\>\\*x\\*
<BLANKLINE>
>>> print(doc.to_html())
<h1>Note</h1>
<p><strong>Source</strong>: &lt;b&gt;*x*</p>
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Block",
    "Bullets",
    "Code",
    "Document",
    "Heading",
    "Inline",
    "Paragraph",
    "Strong",
    "Table",
    "Text",
    "fill",
    "markdown_escape",
]

# Characters that can start formatting, a link, raw HTML or a table cell in CommonMark
# and GitHub Markdown, wherever they stand (line starts are never data here).
_BREAKS = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")
_TEMPLATE = re.compile(r"\*\*(.+?)\*\*|`([^`]+)`|\{(\w+)\}")


def markdown_escape(text: Any) -> str:
    """Text shown as written in Markdown: formatting characters backslash-escaped
    (CommonMark), line breaks folded into spaces.

    >>> print(markdown_escape("*evil* [x](javascript:alert(1))"))
    \\*evil\\* \\[x\\](javascript:alert(1))
    """
    return _SPECIAL.sub(r"\\\1", _BREAKS.sub(" ", str(text)))


def _one_line(text: Any) -> str:
    return " ".join(_BREAKS.sub(" ", str(text)).split())


@dataclass(frozen=True)
class Text:
    """Plain text (escaped in every output)."""

    text: str

    def md(self) -> str:
        return markdown_escape(self.text)

    def html(self) -> str:
        return html.escape(_BREAKS.sub(" ", self.text), quote=False)


@dataclass(frozen=True)
class Strong:
    """Strong text."""

    text: str

    def md(self) -> str:
        return f"**{markdown_escape(self.text)}**"

    def html(self) -> str:
        return f"<strong>{html.escape(_one_line(self.text), quote=False)}</strong>"


@dataclass(frozen=True)
class Code:
    """A code span: a column name, a parameter value."""

    text: str

    def md(self) -> str:
        # no backtick can end the span early; line breaks folded
        return f"`{_one_line(self.text).replace('`', chr(39))}`"

    def html(self) -> str:
        return f"<code>{html.escape(_one_line(self.text), quote=False)}</code>"


Inline = Text | Strong | Code


def _md(inlines: Sequence[Inline]) -> str:
    return "".join(i.md() for i in inlines)


def _html(inlines: Sequence[Inline]) -> str:
    return "".join(i.html() for i in inlines)


@dataclass(frozen=True)
class Heading:
    level: int
    inlines: Sequence[Inline]


@dataclass(frozen=True)
class Paragraph:
    inlines: Sequence[Inline]


@dataclass(frozen=True)
class Bullets:
    items: Sequence[Sequence[Inline]]


@dataclass(frozen=True)
class Table:
    """A table: header cells, rows of cells, and per column ``left``/``right``."""

    header: Sequence[str]
    rows: Sequence[Sequence[Sequence[Inline]]]
    align: Sequence[str] = ()


Block = Heading | Paragraph | Bullets | Table


@dataclass(frozen=True)
class Document:
    """Blocks, written to Markdown or HTML."""

    blocks: Sequence[Block] = field(default_factory=tuple)

    def to_markdown(self) -> str:
        """CommonMark (with a GitHub table), every text node escaped."""
        out: list[str] = []
        for b in self.blocks:
            if isinstance(b, Heading):
                out += [f"{'#' * b.level} {_md(b.inlines)}", ""]
            elif isinstance(b, Paragraph):
                out += [_md(b.inlines), ""]
            elif isinstance(b, Bullets):
                out += [*(f"- {_md(item)}" for item in b.items), ""]
            else:
                align = list(b.align) or ["left"] * len(b.header)
                out.append("| " + " | ".join(markdown_escape(h) for h in b.header) + " |")
                out.append("|" + "|".join("---:" if a == "right" else "---" for a in align) + "|")
                out += ["| " + " | ".join(_md(c) for c in row) + " |" for row in b.rows]
                out.append("")
        return "\n".join(out).rstrip() + "\n"

    def to_html(self) -> str:
        """An HTML fragment (no ``<html>``), every text node escaped."""
        out: list[str] = []
        for b in self.blocks:
            if isinstance(b, Heading):
                level = min(max(b.level, 1), 6)
                out.append(f"<h{level}>{_html(b.inlines)}</h{level}>")
            elif isinstance(b, Paragraph):
                out.append(f"<p>{_html(b.inlines)}</p>")
            elif isinstance(b, Bullets):
                items = "".join(f"<li>{_html(item)}</li>" for item in b.items)
                out.append(f"<ul>{items}</ul>")
            else:
                align = list(b.align) or ["left"] * len(b.header)
                style = ["" if a != "right" else ' style="text-align:right"' for a in align]
                head = "".join(
                    f"<th{s}>{html.escape(h, quote=False)}</th>"
                    for h, s in zip(b.header, style, strict=True)
                )
                body = "".join(
                    "<tr>"
                    + "".join(f"<td{s}>{_html(c)}</td>" for c, s in zip(row, style, strict=True))
                    + "</tr>"
                    for row in b.rows
                )
                out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        return "\n".join(out) + "\n"


def fill(template: str, **fields: Any) -> list[Inline]:
    """Inline nodes of a catalogue template: ``**strong**``, ```code``` and ``{field}``
    placeholders.  A field's value is inserted as given when it is an inline node or a
    list of them, else as plain text (never parsed as markup).

    >>> fill("**A** `b` {c}", c="*d*")  # doctest: +NORMALIZE_WHITESPACE
    [Strong(text='A'), Text(text=' '), Code(text='b'), Text(text=' '),
     Text(text='*d*')]
    """
    out: list[Inline] = []
    pos = 0
    for m in _TEMPLATE.finditer(template):
        if m.start() > pos:
            out.append(Text(template[pos : m.start()]))
        strong, code, name = m.groups()
        if strong is not None:
            out.append(Strong(strong))
        elif code is not None:
            out.append(Code(code))
        else:
            value = fields[name]
            if isinstance(value, Text | Strong | Code):
                out.append(value)
            elif isinstance(value, list):
                out.extend(value)
            else:
                out.append(Text(str(value)))
        pos = m.end()
    if pos < len(template):
        out.append(Text(template[pos:]))
    return out
