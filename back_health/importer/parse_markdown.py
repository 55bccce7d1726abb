"""Parse Markdown by rendering it to HTML and parsing the HTML.

The renderer is ``cmarkgfm`` (GitHub's C implementation of CommonMark with its
table extension): it renders in linear time whatever the input (runs of ``[``,
thousands of nested quotes), about thirty times faster than the pure-Python
renderers we measured (``bench/markdown_renderers.py``). When it is not installed,
``markdown-it-py`` (also linear, pure Python) is used.

Raw HTML inside Markdown passes through the renderer and is then treated exactly
like any HTML source: scripts and other dangerous elements are dropped with their
content, and only safe inline markup is kept.

Front matter (``---`` lines around YAML, as static-site generators write it) is
metadata, not text: it is read with ``python-frontmatter``, kept on
``Document.front_matter``, its ``title`` becomes the heading when the body has none,
and the block is recorded as dropped. Front matter that is not valid YAML is read as
plain ``key: value`` lines.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from .document import Document, Dropped
from .parse_html import parse_html

logger = logging.getLogger(__name__)

#: cmark-gfm extensions used to render the source.
MARKDOWN_EXTENSIONS = ("table", "strikethrough", "autolink")

# Each line is taken whole (possessive), so a long front matter block stays linear.
_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*+\n(?P<body>(?:[^\n]*+\n)*?)(?:---|\.\.\.)[ \t]*+(?:\n|\Z)"
)
_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*+)[ \t]*:[ \t]*(?P<value>.*?)\s*$")
_H1 = re.compile(r"^(?:#[ \t]+\S|\S[^\n]*+\n=+[ \t]*$)", re.MULTILINE)


def split_front_matter(text: str) -> tuple[dict[str, str], str, str]:
    """Return ``(fields, front matter text, body)``; no front matter gives ``({}, "", text)``.

    Field values are strings (lists are joined with ", "); keys are lower case.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, "", text
    fields = _yaml_fields(match.group("body"))
    if fields is None:
        fields = {}
        for line in match.group("body").splitlines():
            if field := _FIELD.match(line):
                fields[field.group("key").lower()] = field.group("value").strip("\"'")
    if not fields:
        return {}, "", text
    return fields, match.group(0).strip(), text[match.end() :]


def _yaml_fields(body: str) -> dict[str, str] | None:
    """The YAML mapping of a front matter body, or None when it is not YAML."""
    try:
        import frontmatter
    except ImportError:  # pragma: no cover - declared dependency; plain lines still work
        return None
    try:
        metadata = frontmatter.loads(f"---\n{body}---\n").metadata
    except Exception:  # noqa: BLE001 - any YAML error: fall back to plain lines
        return None
    fields = {}
    for key, value in metadata.items():
        if isinstance(value, list | tuple):
            value = ", ".join(str(item) for item in value)
        elif isinstance(value, dict):
            continue
        fields[str(key).lower()] = "" if value is None else str(value).strip()
    return fields


def render_markdown(text: str) -> str:
    """Markdown to HTML (raw HTML passed through for the HTML parser to sanitise)."""
    try:
        import cmarkgfm
        from cmarkgfm.cmark import Options
    except ImportError:
        return _render_with_markdown_it(text)
    # GFM without its "tagfilter": that would turn <script> into text, while the HTML
    # parser is the one place that removes dangerous elements with their content.
    return cmarkgfm.markdown_to_html_with_extensions(
        text, options=Options.CMARK_OPT_UNSAFE, extensions=MARKDOWN_EXTENSIONS
    )


def _render_with_markdown_it(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table").render(text)


def parse_markdown(text: str) -> Document:
    """Parse Markdown into a Document (``format="markdown"``)."""
    fields, front_matter, text = split_front_matter(text)
    if fields.get("title") and not _H1.search(text):
        text = f"# {fields['title']}\n\n{text}"
    document = parse_html(render_markdown(text), format="markdown")
    if front_matter:
        dropped = [Dropped(reason="front matter", text=front_matter), *document.dropped]
        document = replace(document, dropped=dropped, front_matter=fields)
    return document
