"""Parse Markdown by rendering it with Python-Markdown and parsing the HTML.

Raw HTML inside Markdown passes through the renderer and is then treated exactly
like any HTML source: scripts and other dangerous elements are dropped with their
content, and only safe inline markup is kept.
"""

from __future__ import annotations

import markdown

from .document import Document
from .parse_html import parse_html

#: Python-Markdown extensions used to render the source.
MARKDOWN_EXTENSIONS = ("sane_lists",)


def parse_markdown(text: str) -> Document:
    """Parse Markdown into a Document (``format="markdown"``)."""
    rendered = markdown.markdown(text, extensions=list(MARKDOWN_EXTENSIONS))
    return parse_html(rendered, format="markdown")
