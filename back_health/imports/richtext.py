"""Safe database rich text from imported HTML, through Wagtail's own whitelisting.

Wagtail does not sanitise programmatic writes, so every rich text value the
importer writes passes through here with the features of its target block.
"""

from bs4 import Comment

from ..importer.parse_html import DROP_TAGS, parse_soup

#: Elements dropped together with their content before whitelisting (unwrapping
#: them would leak script text into the page): the parser's list, plus the head.
DROP_WITH_CONTENT = [*DROP_TAGS, "head", "title"]


def _converter(features):
    try:
        from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter
    except ImportError:  # pragma: no cover - Wagtail before 8.0
        from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

        converter = EditorHTMLConverter(features=features)
        return lambda html: (converter.to_database_format(html), [])
    converter = DbHTMLConverter(features=features)
    return converter.clean


def to_db_html(html, features):
    """Return ``(db_html, removals)`` for ``html`` limited to ``features``.

    ``removals`` lists what Wagtail stripped (tag, action, reason) for the report.
    """
    soup = parse_soup(html or "")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(DROP_WITH_CONTENT):
        tag.decompose()
    for tag in soup.find_all(["a"]):
        if not tag.get("href"):
            tag.unwrap()
    db_html, removals = _converter(list(features))(str(soup))
    return _tidy(db_html), [
        {"tag": r.tag, "action": r.action, "reason": r.reason} for r in removals
    ]


#: Top-level elements that may stand outside a paragraph.
BLOCK_ELEMENTS = {"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "hr", "blockquote", "embed"}


def _tidy(db_html):
    """Unwrap links whose unsafe ``href`` was dropped and wrap stray top-level
    text in paragraphs, so the editor and templates see well-formed blocks."""
    soup = parse_soup(db_html)
    for tag in soup.find_all("a"):
        if not (tag.get("href") or tag.get("linktype")):
            tag.unwrap()
    run = []
    for node in list(soup.contents):
        if getattr(node, "name", None) in BLOCK_ELEMENTS:
            _wrap(soup, run)
            run = []
        else:
            run.append(node)
    _wrap(soup, run)
    return str(soup)


def _wrap(soup, nodes):
    if (
        not nodes
        or not "".join(n.get_text() if hasattr(n, "get_text") else str(n) for n in nodes).strip()
    ):
        for node in nodes:
            if not getattr(node, "name", None):
                node.extract()
        return
    paragraph = soup.new_tag("p")
    nodes[0].insert_before(paragraph)
    for node in nodes:
        paragraph.append(node.extract())
