"""Choose the parser for a source's format."""

from __future__ import annotations

from .document import Document
from .errors import ImportSourceError
from .load import FORMAT_ALIASES, LoadedSource
from .parse_html import parse_html
from .parse_markdown import parse_markdown
from .parse_text import parse_text

#: Parser for each format; a site can add or replace one.
PARSERS = {"html": parse_html, "markdown": parse_markdown, "text": parse_text}


def parse_document(text: str, format: str) -> Document:
    """Parse ``text`` written in ``format`` ("html", "markdown" or "text", aliases allowed)."""
    resolved = FORMAT_ALIASES.get((format or "").lower(), (format or "").lower())
    try:
        parser = PARSERS[resolved]
    except KeyError:
        raise ImportSourceError(
            f"Unknown format {format!r}: use html, markdown or text.", code="unknown_format"
        ) from None
    return parser(text)


def parse_source(source: LoadedSource) -> Document:
    """Parse a loaded source with the format the loader decided."""
    return parse_document(source.text, source.format)
