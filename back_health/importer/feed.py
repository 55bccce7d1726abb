"""News feeds (RSS and Atom) read as the posts they carry.

A site's feed saved as a file ("feed.xml", or pasted as text) is XML: a channel with
its title, address and dates, and items (RSS) or entries (Atom), each with a title, a
link, a date and its post as HTML inside the XML ("<description><![CDATA[<p>...</p>
]]></description>", "<content:encoded>", Atom's "<content type="html">").
:func:`feed_to_html` turns it into the page it stands for: each post's title as a
heading over its HTML (the fullest of the full content, the description and the
summary). The channel's own title, description, addresses, dates, generator and each
post's link, date, author, categories and identifier are recorded as dropped: they are
the feed's furniture, not what the posts say.

The XML is read with the standard library's parser (expat, which refuses entity
expansion attacks and reads in linear time). A text that does not open as a feed, or
whose XML is broken, is not read this way: :func:`is_feed` says so first, and
:func:`feed_to_html` returns ``None``.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ElementTree

#: Why a feed's furniture is recorded as dropped.
FEED_REASON = "chrome: feed details"

#: The opening of a feed: an RSS or Atom root, after an XML declaration if any.
_FEED_ROOT = re.compile(
    r"\A\ufeff?\s*+(?:<\?xml[^?>]{0,200}+\?>\s*+)?(?:<!--(?:[^-]|-(?!->)){0,500}+-->\s*+)?"
    r"<(?:rss\b|feed\b[^>]{0,300}?http://www\.w3\.org/2005/Atom|rdf:RDF\b)"
)

#: Elements of a post that hold what it says, fullest first (local names).
CONTENT_NAMES = ("encoded", "content", "description", "summary")
#: Elements of a post that name it.
TITLE_NAMES = ("title",)


def is_feed(text: str) -> bool:
    """Whether ``text`` opens as an RSS or Atom feed."""
    return bool(_FEED_ROOT.match(text[:2048]))


def feed_to_html(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """The HTML page a feed's posts make, and what was dropped as ``(reason, text)``;
    ``None`` when ``text`` is no feed or its XML is broken."""
    if not is_feed(text):
        return None
    try:
        root = ElementTree.fromstring(text.lstrip("\ufeff \t\r\n"))
    except ElementTree.ParseError:
        return None
    dropped: list[tuple[str, str]] = []
    posts = [element for element in root.iter() if _local(element.tag) in ("item", "entry")]
    channel = next((e for e in root.iter() if _local(e.tag) == "channel"), root)
    for child in channel:
        if _local(child.tag) not in ("item", "entry"):
            _drop(child, dropped)
    parts = ["<html><body><main>"]
    for post in posts:
        title, content, content_rank = "", "", len(CONTENT_NAMES)
        for child in post:
            name = _local(child.tag)
            if name in TITLE_NAMES and not title:
                title = _text(child)
            elif name in CONTENT_NAMES:
                value = _markup(child)
                rank = CONTENT_NAMES.index(name)
                if value.strip() and rank < content_rank:
                    content, content_rank = value, rank
            else:
                _drop(child, dropped)
        parts.append("<section>")
        if title:
            parts.append(f"<h2>{html.escape(title, quote=False)}</h2>")
        parts.append(content)
        parts.append("</section>")
    parts.append("</main></body></html>")
    return "\n".join(parts), dropped


def _local(tag) -> str:
    """An element's name without its namespace: "encoded" for content:encoded."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _markup(element) -> str:
    """What a post's content element holds, as HTML: its text is escaped HTML or CDATA
    (RSS), or XHTML elements (Atom's type="xhtml"); plain text becomes a paragraph."""
    if len(element):
        return "".join(ElementTree.tostring(child, encoding="unicode") for child in element)
    value = (element.text or "").strip()
    if element.get("type") == "text" or "<" not in value:
        return f"<p>{html.escape(value, quote=False)}</p>" if value else ""
    return value


def _drop(element, dropped: list[tuple[str, str]]) -> None:
    """Record an element's text, or its address, as dropped furniture."""
    value = _text(element) or element.get("href") or ""
    if value:
        dropped.append((FEED_REASON, value))
