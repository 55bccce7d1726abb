"""Parse Markdown by rendering it with Python-Markdown and parsing the HTML.

Raw HTML inside Markdown passes through the renderer and is then treated exactly
like any HTML source: scripts and other dangerous elements are dropped with their
content, and only safe inline markup is kept.

YAML front matter (``---`` lines around ``key: value`` pairs, as static-site
generators write it) is metadata, not text: its ``title`` becomes the heading when
the body has none, and the block is recorded as dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace

import markdown

from .document import Document, Dropped
from .parse_html import parse_html

#: Python-Markdown extensions used to render the source.
MARKDOWN_EXTENSIONS = ("sane_lists",)

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<body>(?:.*\n)*?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$")
_H1 = re.compile(r"^(?:#[ \t]+\S|\S.*\n=+[ \t]*$)", re.MULTILINE)


def split_front_matter(text: str) -> tuple[dict[str, str], str, str]:
    """Return ``(fields, front matter text, body)``; no front matter gives ``({}, "", text)``."""
    match = _FRONT_MATTER.match(text)
    if not match or not any(_FIELD.match(line) for line in match.group("body").splitlines()):
        return {}, "", text
    fields = {}
    for line in match.group("body").splitlines():
        if field := _FIELD.match(line):
            fields[field.group("key").lower()] = field.group("value").strip("\"'")
    return fields, match.group(0).strip(), text[match.end() :]


def parse_markdown(text: str) -> Document:
    """Parse Markdown into a Document (``format="markdown"``)."""
    fields, front_matter, text = split_front_matter(text)
    if fields.get("title") and not _H1.search(text):
        text = f"# {fields['title']}\n\n{text}"
    rendered = markdown.markdown(text, extensions=list(MARKDOWN_EXTENSIONS))
    document = parse_html(rendered, format="markdown")
    if front_matter:
        dropped = [Dropped(reason="front matter", text=front_matter), *document.dropped]
        document = replace(document, dropped=dropped)
    return document
