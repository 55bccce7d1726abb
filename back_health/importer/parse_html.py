"""Parse HTML into a Document with BeautifulSoup's stdlib ``html.parser``.

Order matters: dangerous elements go first with their content (so no script text can
leak), then site chrome (recorded as dropped), then the content root (``<article>`` or
``<main>``) is walked without recursion, so thousands of nested elements cannot raise
RecursionError.

- Title: the first ``<h1>`` (one inside ``<article>``/``<main>`` preferred), else
  ``og:title`` or ``<title>`` without its " | Site name" suffix.
- Sections: ``<h2>``-``<h6>``, plus paragraphs written wholly in bold and short
  enough to be headings (one level below the last real heading).
- Lists: ``<ul>``/``<ol>`` (nested lists flattened into the same list), and lists faked
  with ``<br>`` or new lines and bullet or number markers inside a paragraph, or as
  one paragraph per item.
- Tables: a data table (header cells, a ``<thead>``, a ``<caption>`` or a regular grid
  of short cells) becomes a :class:`~.document.Table` of plain-text cells; a layout table
  (``role="presentation"``, nested tables, cells holding headings, lists or several
  paragraphs, one cell per row) is read through like any other container.
- Inline markup is kept as safe HTML: only ``<strong>``, ``<em>`` and ``<a href>``
  with an http(s), mailto, tel or ``#`` address, and no other attribute.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field, replace

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction
from bs4.exceptions import ParserRejectedMarkup

from .document import Document, Dropped, ListBlock, ListItem, Paragraph, Section, Table
from .parse_text import (
    LINE_ITEMS_MIN,
    ItemMarker,
    add_list_item,
    collapse_spaces,
    is_heading_like,
    item_markers,
    lead_of,
    parse_text,
    tidy_item_html,
    tidy_item_text,
)
from .pdf import laid_out_text
from .printed_html import printed_lines

#: Elements removed with everything inside them before anything else happens.
DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "form",
    "svg",
    "button",
    "input",
    "select",
    "textarea",
    "canvas",
    "audio",
    "video",
    "link",
    "meta",
)

#: Fewest words of prose (paragraphs, questions, notes) that make a form part of the
#: article: a consultation questionnaire's notes and alerts, not a search box.
FORM_PROSE_MIN_WORDS = 80
_FORM_PROSE_TAGS = ("p", "legend", "h2", "h3", "h4", "div")


def open_text_forms(soup) -> None:
    """Unwrap each ``<form>`` that holds prose (a pharmacy's consultation questionnaire
    with its notes and alerts): its text stays, its controls still go, and so do the
    labels of its choices ("Yes", "No"). Other forms go whole, with the controls."""
    for form in soup.find_all("form"):
        prose = " ".join(
            t.get_text(" ")
            for t in form.find_all(_FORM_PROSE_TAGS)
            if not t.find(_FORM_PROSE_TAGS) and not t.find("input")
        ).split()
        if len(prose) < FORM_PROSE_MIN_WORDS or sum(w.endswith(".") for w in prose) < 2:
            continue  # a search box, a sign-up, a quiz of questions and choices
        choices = {
            field.get("id")
            for field in form.find_all("input")
            if (field.get("type") or "").lower() in ("radio", "checkbox") and field.get("id")
        }
        for label in form.find_all("label"):
            if label.find(("input", "select")) or label.get("for") in choices:
                label.decompose()
        form.unwrap()


#: Elements that are site chrome wherever they are, with the reason recorded.
CHROME_TAGS = {
    "nav": "navigation",
    # AMP pages name their furniture by element.
    "amp-sidebar": "navigation",
    "amp-ad": "advertising",
    "amp-sticky-ad": "advertising",
    "amp-embed": "advertising",
    "amp-social-share": "share buttons",
    "amp-consent": "cookie banner",
    "amp-user-notification": "cookie banner",
}

#: Elements that are site chrome unless they hold the article's title (header) or sit
#: inside the article (aside: often a callout worth keeping).
CHROME_TAGS_OUTSIDE_CONTENT = {"header": "site header", "footer": "footer", "aside": "sidebar"}

#: ``role`` values that mark site chrome.
CHROME_ROLES = {
    "navigation": "navigation",
    "banner": "site header",
    "contentinfo": "footer",
    "complementary": "sidebar",
    "search": "navigation",
}

#: Words in a class or id that mark site chrome, by reason. A class name matches when
#: it, or one of its hyphenated parts, starts with a word ("navbar", "post-navigation").
CHROME_CLASS_WORDS = {
    "navigation": (
        "nav",
        "menu",
        "breadcrumb",
        "crumbs",
        "pagination",
        "skip",
        "tabs",
        "toc",
        "pagetree",
        "page-tree",
    ),
    "page metadata": (
        "metadata",
        "lozenge",
        "status-macro",
        "like-button",
        "labels",
        "edited",
        "tags",
        "taglist",
    ),
    "promotional": ("cta", "call-to-action", "upgrade-cta", "paywall", "product", "basket"),
    "page tools": ("tools", "page-tools", "print", "utility", "utilities", "player"),
    "cookie banner": ("cookie", "consent", "gdpr"),
    "share buttons": ("share", "sharing", "social"),
    "comments": ("comment", "disqus", "reply"),
    "advertising": ("advert", "ads", "adsbygoogle", "ad", "promo", "banner", "sponsor"),
    "sidebar": ("sidebar", "widget"),
    "newsletter": ("newsletter", "subscribe", "signup", "mailing"),
    "related posts": ("related", "recommended", "similar", "bookmark"),
    "site header": ("masthead", "announcement"),
    "byline": (
        "byline",
        "meta",
        "author",
        "dateline",
        "posted-on",
        "affiliation",
        "date",
        "time",
        "timestamp",
        "credits",
    ),
    "disclaimer": ("disclaimer",),
    "footer": ("footer",),
    # Forum and comment furniture around the posts themselves.
    "post furniture": (
        "postprofile",
        "profile",
        "signature",
        "actions",
        "stats",
        "rank",
        "reactions",
        "attachment",
    ),
    "testimonials": ("testimonial", "review-badge", "reviews"),
    "contact details": ("contact", "map", "opening-hours", "directions"),
    "feedback": ("feedback", "survey"),
}

#: Words matched as a whole part only, because they start ordinary words ("address").
EXACT_CLASS_WORDS = frozenset(
    {"ad", "ads", "meta", "tabs", "tools", "print", "utility", "toc", "map", "rank", "stats"}
    | {"profile", "actions", "cta", "labels", "date", "product", "time", "edited", "tags"}
    | {"player", "credits"}
)

#: Words a chrome word starts that name the article's own parts: a clinician's
#: "commentary" on a patient's story is no comment thread.
NOT_CHROME_CLASS_WORDS = frozenset({"commentary", "commentaries"})

BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre "
    "section summary table tbody td tfoot th thead tr ul caption html".split()
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LIST_TAGS = frozenset({"ul", "ol", "menu", "dir"})
_INLINE_KEEP = {"strong": "strong", "b": "strong", "em": "em", "i": "em", "a": "a"}
_SKIP_STRINGS = (Comment, CData, Declaration, Doctype, ProcessingInstruction)

#: Address schemes a kept link may use.
SAFE_URL_SCHEMES = ("http://", "https://", "mailto:", "tel:", "#")

_CLASS_TOKENS = re.compile(r"[\s_]+")
_TITLE_SEPARATORS = (" | ", " – ", " — ", " - ", " · ", " :: ")
_NEWLINE_ITEM = re.compile(r"\n[ \t]*(?=(?:[•·▪◦‣●■□►▸✓✔\-–—*+]|\d{1,3}[.)]|[a-z]\))[ \t])")
_URL_JUNK = re.compile(r"[\x00-\x20\x7f]+")
_MARKER_IN_HTML = re.compile(r"^((?:<[^>]+>)*)\s*(?:[•·▪◦‣●■□►▸✓✔\-–—*+]|\d{1,3}[.)]|[a-z]\))\s+")
_EMPTY_INLINE = re.compile(r"<(strong|em|a)(?: [^>]*)?>\s*</\1>")
#: A marked section ("<![CDATA[...]]>", "<![if IE]>"); "<" inside ends the try, so a run
#: of unclosed ones stays linear.
_MARKED_SECTION = re.compile(r"<!\[[^<>]*>")


class _BrowserSoup(BeautifulSoup):
    """The standard library's parser, closing an open heading or paragraph when a block
    starts inside it, as a browser does: ``<h1>Title<p>Text`` is ``<h1>Title</h1>
    <p>Text</p>``. Closed as the markup is read, not moved after it, so that headings left
    open one inside another cost no more than one pass."""

    def handle_starttag(self, name, namespace, nsprefix, attrs, *args, **kwargs):
        current = self.currentTag
        if name in _BLOCK_CHILDREN and current is not None and current.name in _AUTO_CLOSED:
            self.endData()
            self._popToTag(current.name)
        return super().handle_starttag(name, namespace, nsprefix, attrs, *args, **kwargs)


def parse_soup(markup: str) -> BeautifulSoup:
    """``markup`` parsed, whatever it holds. Python's HTML parser rejects a marked section
    it does not know ("<![foo[", an unclosed "<!["); such sections are dropped (an
    unclosed one is kept as text) and the markup parsed again."""
    try:
        return _BrowserSoup(markup, "html.parser")
    except ParserRejectedMarkup:
        markup = _MARKED_SECTION.sub("", markup).replace("<![", "&lt;![")
        return _BrowserSoup(markup, "html.parser")


def parse_html(html: str, *, format: str = "html") -> Document:
    """Parse an HTML document or fragment (see the module docstring)."""
    soup = parse_soup(html)
    if (printed := printed_lines(soup)) is not None:
        return _printed_document(*printed, format=format)
    for comment in soup.find_all(string=lambda text: isinstance(text, _SKIP_STRINGS)):
        comment.extract()
    url = _origin_url(soup)
    meta_title = _meta_title(soup)
    revealed = _revealed_ids(soup)
    unnumbered_captions(soup)
    tab_headings(soup)
    accordion_headings(soup)
    open_text_forms(soup)
    remove_elements(soup.find_all(["head", *DROP_TAGS]))
    remove_elements(hidden_elements(soup, revealed))
    comments = drop_editor_comments(soup)
    summaries_as_headings(soup)
    terms_before_definitions(soup)
    h1 = _title_heading(soup)
    root = _content_root(soup, h1)
    dropped = comments + drop_structural_chrome(soup, root, h1)
    dropped += drop_link_blocks(root, h1)
    title_in_root = h1 is not None and (h1 is root or _inside(h1, root))
    if h1 is not None and not title_in_root:
        h1.extract()
    if root is not soup:
        root.extract()
        outside = collapse_spaces(soup.get_text(" "))
        if outside:
            dropped.append(Dropped(reason="outside the main content", text=outside))
    events = content_events(root, title_element=h1 if title_in_root else None)
    title = _heading_text(h1) if h1 is not None else meta_title
    # An <h1> above the article still heads its opening paragraphs.
    intro_heading = title if h1 is not None and not title_in_root else ""
    sections = build_sections(events, intro_heading=intro_heading)
    return Document(title=title, sections=sections, format=format, dropped=dropped, url=url)


def _printed_document(text: str, lines, *, format: str) -> Document:
    """Printed pages converted to HTML line by line, read as a PDF's lines are."""
    from .parse_markdown import parse_markdown  # the Markdown parser builds on this one

    laid_out = laid_out_text(text, lines)
    if laid_out.format == "markdown":
        document = parse_markdown(laid_out.text)
    else:
        document = parse_text(laid_out.text)
    dropped = [Dropped(reason=reason, text=line) for reason, line in laid_out.dropped]
    return replace(document, format=format, dropped=[*dropped, *document.dropped])


def summaries_as_headings(soup) -> None:
    """A toggle's summary (``<details><summary>Why does it happen?</summary>``, as notes
    apps and FAQ accordions write them) heads what the toggle holds: it becomes a heading
    one level below the heading before it. One pass over the headings in order."""
    level = 1
    for element in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "summary"]):
        if element.name != "summary":
            level = int(element.name[1])
        elif element.parent is not None and element.parent.name == "details":
            element.name = f"h{min(level + 1, 6)}"


#: Class tokens of a flashcard's or glossary's term, and of the definition after it.
TERM_TOKENS = frozenset({"term", "word", "front", "question", "headword"})
DEFINITION_TOKENS = frozenset({"def", "definition", "answer", "back", "meaning", "explanation"})


def terms_before_definitions(soup) -> None:
    """A term set beside its definition in elements of their own (``<span class="term">
    Red flags</span><span class="def">Call 999 ...</span>``, as a flashcard set or a
    glossary shows them) reads "Red flags: Call 999 ...", not "Red flagsCall 999"."""
    for element in soup.find_all(class_=True):
        if not TERM_TOKENS & _class_tokens(element):
            continue
        following = element.find_next_sibling()
        if following is None or not DEFINITION_TOKENS & _class_tokens(following):
            continue
        text = element.get_text(" ").strip()
        if text and text[-1] not in ".:?!":
            element.append(": ")
        elif text:
            element.append(" ")


#: Links of a word processor's comments: the marker in the text ("[a]", "[A1]") links to
#: the comment, the comment links back (Google Docs ``#cmnt1``/``#cmnt_ref1``; Word
#: ``#_msocom_1``/``#_msoanchor_1``).
_COMMENT_MARKER = re.compile(r"#(?:cmnt\d{1,5}|_msocom_\d{1,5})$")
_COMMENT_BODY = re.compile(r"#(?:cmnt_ref\d{1,5}|_msoanchor_\d{1,5})$")


def drop_editor_comments(soup) -> list[Dropped]:
    """Remove a word processor's review comments exported with a document: the markers in
    the text and the comments' paragraphs. Each comment is recorded as dropped."""
    dropped: list[Dropped] = []
    for link in soup.find_all("a", href=True):
        href = link.get("href")
        if not isinstance(href, str) or link.parent is None:
            continue
        if _COMMENT_BODY.search(href):
            body = link.find_parent(("div", "p")) or link
            if body.name == "p" and body.parent is not None and body.parent.name == "div":
                if len(body.parent.find_all("p")) == 1:
                    body = body.parent
            text = collapse_spaces(body.get_text(" "))
            dropped.append(Dropped(reason="chrome: editor comment", text=text))
            body.extract()
        elif _COMMENT_MARKER.search(href):
            marker = link.parent if link.parent.name == "sup" else link
            marker.extract()
    return dropped


#: Most words a cell of a data table holds; a longer cell is prose laid out in a grid.
DATA_CELL_MAX_WORDS = 40

#: Elements that, inside a cell, make its table a layout grid (a page, not data).
LAYOUT_CELL_TAGS = frozenset(
    "table h1 h2 h3 h4 h5 h6 ul ol dl blockquote article section header footer nav aside "
    "main hr figure".split()
)
#: Block elements of which a data cell holds at most one (``<td><p>8 mg</p></td>``).
_CELL_BLOCK_TAGS = frozenset({"p", "div"})
_LAYOUT_ROLES = frozenset({"presentation", "none"})


def layout_tables(root: Tag) -> set[int]:
    """Ids of the tables under ``root`` whose cells hold a page rather than data: a nested
    table, a heading, a list, or several paragraphs in one cell.

    One walk of the tree (a stack, no recursion), each element seen once, so tables
    nested thousands deep cost linear time.
    """
    layout: set[int] = set()
    # (node, id of the nearest table, id of the nearest cell of that table)
    stack: list[tuple[Tag, int, int]] = [(root, 0, 0)]
    blocks_in_cell: dict[int, int] = {}
    while stack:
        node, table, cell = stack.pop()
        for child in node.children:
            if not isinstance(child, Tag):
                continue
            name = child.name
            child_table, child_cell = table, cell
            if cell and (name in LAYOUT_CELL_TAGS):
                layout.add(table)
            elif cell and name in _CELL_BLOCK_TAGS:
                blocks_in_cell[cell] = blocks_in_cell.get(cell, 0) + 1
                if blocks_in_cell[cell] > 1:
                    layout.add(table)
            if name == "table":
                child_table, child_cell = id(child), 0
            elif name in ("td", "th") and table:
                child_cell = id(child)
            stack.append((child, child_table, child_cell))
    return layout


def data_table(element: Tag, layout: set[int]) -> Table | None:
    """The data table ``element`` holds, or None when it is a layout table.

    A data table has at least two rows and two columns, short cells, and says it holds
    data: header cells (``<th>``), a ``<thead>``, a ``<caption>``, or a regular grid
    (every row as wide, each with two or more filled cells).
    """
    if id(element) in layout or str(element.get("role") or "").lower() in _LAYOUT_ROLES:
        return None
    grid, header_cells, head_count, links = _grid(element)
    if len(grid) < 2 or max(len(row) for row in grid) < 2:
        return None
    if any(len(text.split()) > DATA_CELL_MAX_WORDS for row in grid for text in row):
        return None
    caption_tag = next((c for c in element.children if getattr(c, "name", None) == "caption"), None)
    caption = collapse_spaces(caption_tag.get_text(" ")) if caption_tag is not None else ""
    widths = {len(row) for row in grid}
    regular = len(widths) == 1 and all(sum(1 for text in row if text) >= 2 for row in grid)
    if not (header_cells or head_count or caption or regular):
        return None
    width = max(widths)
    grid = [row + [""] * (width - len(row)) for row in grid]
    is_th = [flags + [False] * (width - len(flags)) for flags in header_cells or [[]] * len(grid)]
    if not head_count:
        # Leading rows of header cells only are column headings.
        while (
            head_count < len(grid) - 1
            and all(
                flag or not text
                for flag, text in zip(is_th[head_count], grid[head_count], strict=True)
            )
            and any(is_th[head_count])
        ):
            head_count += 1
    head, rows = grid[:head_count], grid[head_count:]
    if not rows:
        return None
    body_flags = is_th[head_count:]
    header_column = all(flags[0] and not all(flags) for flags in body_flags)
    return Table(head=head, rows=rows, caption=caption, header_column=header_column, links=links)


def _grid(table: Tag):
    """The table's rows as cell texts (spanned cells repeated as empty cells), which
    cells are ``<th>`` (an empty list when none is), how many rows ``<thead>`` holds, and
    the inline HTML of the cells holding a link, by (row, column)."""
    grid: list[list[str]] = []
    flags: list[list[bool]] = []
    links: dict[tuple[int, int], str] = {}
    any_th = False
    head_count = 0
    spans: dict[int, int] = {}  # column -> rows it is still covered by a rowspan above
    for row, in_head in _own_rows(table):
        texts: list[str] = []
        row_flags: list[bool] = []
        row_links: dict[int, str] = {}
        for cell in _cells(row):
            while spans.get(len(texts), 0) > 0:
                spans[len(texts)] -= 1
                texts.append("")
                row_flags.append(False)
            column = len(texts)
            texts.append(collapse_spaces(cell.get_text(" ")))
            if texts[-1] and (markup := _cell_links(cell)):
                row_links[column] = markup
            row_flags.append(cell.name == "th")
            any_th = any_th or cell.name == "th"
            colspan = min(_span(cell.get("colspan")), MAX_SPAN)
            texts.extend([""] * (colspan - 1))
            row_flags.extend([cell.name == "th"] * (colspan - 1))
            rowspan = min(_span(cell.get("rowspan")), MAX_SPAN)
            for spanned in range(column, column + colspan):
                if rowspan > 1:
                    spans[spanned] = rowspan - 1
        if not any(texts):
            continue
        links.update(((len(grid), column), markup) for column, markup in row_links.items())
        grid.append(texts)
        flags.append(row_flags)
        if in_head and head_count == len(grid) - 1:
            head_count += 1
    return grid, flags if any_th else [], head_count, links


def _cell_links(cell: Tag) -> str:
    """A cell's inline HTML when it holds a link with a safe address, else ``""``."""
    if not any(safe_href(link.get("href")) for link in cell.find_all("a", href=True)):
        return ""
    return _merge_lines(inline_lines(cell.contents, breaks=False)).markup


#: Widest span a cell may claim (``colspan="100000"`` must not build a huge row).
MAX_SPAN = 50


def _span(value) -> int:
    text = str(value or "").strip()
    return int(text) if text.isdigit() and 0 < len(text) < 4 and int(text) > 0 else 1


def _own_rows(table: Tag) -> list[tuple[Tag, bool]]:
    """The table's rows (each with whether ``<thead>`` holds it), not those of tables
    nested in it: a walk of its children and row groups."""
    rows: list[tuple[Tag, bool]] = []
    for child in table.children:
        if not isinstance(child, Tag):
            continue
        if child.name == "tr":
            rows.append((child, False))
        elif child.name in ("thead", "tbody", "tfoot"):
            in_head = child.name == "thead"
            rows.extend(
                (row, in_head) for row in child.children if getattr(row, "name", None) == "tr"
            )
    return rows


def _cells(row: Tag) -> list[Tag]:
    return [cell for cell in row.children if getattr(cell, "name", None) in ("th", "td")]


#: Elements a heading or paragraph cannot contain: one starting inside means the source
#: never closed the heading or paragraph, which :class:`_BrowserSoup` closes there.
_BLOCK_CHILDREN = frozenset(
    {
        "p",
        "div",
        "ul",
        "ol",
        "table",
        "section",
        "article",
        "blockquote",
        "pre",
        "dl",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "form",
        "header",
        "footer",
        "nav",
        "aside",
        "main",
    }
)


#: Class names of text meant for screen readers only ("Urgent advice: " prefixes);
#: the page templates add their own, so the source's would read twice.
_HIDDEN_CLASSES = ("visually-hidden", "visuallyhidden", "sr-only", "screen-reader", "a11y-hidden")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def accordion_headings(soup: BeautifulSoup) -> None:
    """``<h2><button aria-expanded="false">Treatment</button></h2>``: the button inside
    an accordion's heading is its text, not a control to drop. A toggle button standing
    alone before its panel (``<button aria-expanded>Question?</button><div class="panel"
    hidden>``) heads the panel, which is content however it is hidden."""
    inside: dict[int, bool] = {}
    for button in soup.find_all("button"):
        if _within(button, _HEADING_NAMES, inside):
            button.unwrap()
        elif button.has_attr("aria-expanded") and (panel := button.find_next_sibling()):
            if panel.name in _PANEL_TAGS and button.get_text(strip=True):
                for attribute in ("hidden", "style"):
                    if attribute in panel.attrs:
                        del panel[attribute]
                # Above the headings its panel holds ("Common causes" over "<h3>Slipped
                # disc</h3>"), so that they are its sub-headings (its own children only:
                # panels nested in panels are each read once).
                inner = [
                    int(h.name[1]) for h in panel.find_all(_NUMBERED_HEADINGS, recursive=False)
                ]
                button.name = f"h{max(2, min(3, min(inner, default=4) - 1))}"
                button.attrs = {}


_PANEL_TAGS = frozenset({"div", "section", "dd", "ul", "ol", "p"})


#: A figure's number opening its caption: "Fig. 1.", "Figure 2:", "Photo 3 -".
_FIGURE_NUMBER = re.compile(
    r"\s*(?:fig(?:ure)?|photo|picture|image|diagram|illustration)\.?\s*\d{1,3}[a-z]?"
    r"\s*[.:\u2013\u2014-]\s*(?=\S)",
    re.IGNORECASE,
)


def unnumbered_captions(soup: BeautifulSoup) -> None:
    """A caption without the figure's number ("Fig. 1. Wall press hold: ..." reads "Wall
    press hold: ..."): the number points at a picture that is not imported, and its full
    stop would make a sentence of it."""
    for caption in soup.find_all("figcaption"):
        first = next(
            (node for node in caption.descendants if isinstance(node, NavigableString)), None
        )
        if first is None or isinstance(first, _SKIP_STRINGS):
            continue
        if found := _FIGURE_NUMBER.match(str(first)):
            first.replace_with(str(first)[found.end() :])


def tab_headings(soup: BeautifulSoup) -> None:
    """A tabbed page's tabs (``role="tab"``, each naming the panel it shows by
    ``aria-controls`` or a link to its id) as the headings of their panels: the label
    "Treatment" goes to the top of the panel it opens, unless the panel opens with a
    heading of its own, and the tab goes. Every panel is content, shown or not."""
    tabs = soup.find_all(attrs={"role": "tab"})
    if not tabs:
        return
    by_id = {str(element["id"]): element for element in soup.find_all(id=True)}
    for tab in tabs:
        target = str(tab.get("aria-controls") or tab.get("href") or "").lstrip("#").split()
        panel = by_id.get(target[0]) if target else None
        label = collapse_spaces(tab.get_text(" "))
        if panel is None or not label:
            continue
        first = next(iter(panel.find_all(True, recursive=False)), None)
        if first is None or first.name not in _NUMBERED_HEADINGS:
            inner = [int(h.name[1]) for h in panel.find_all(_NUMBERED_HEADINGS)]
            heading = soup.new_tag(f"h{max(2, min(3, min(inner, default=4) - 1))}")
            heading.string = label
            panel.insert(0, heading)
        tab.decompose()


_HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6", "summary"]
_NUMBERED_HEADINGS = _HEADINGS[:6]
#: What a browser closes when a block starts inside it.
_AUTO_CLOSED = frozenset({*_NUMBERED_HEADINGS, "p"})
_HEADING_NAMES = frozenset(_HEADINGS)


def _within(tag: Tag, names: frozenset[str], known: dict[int, bool]) -> bool:
    """Whether an ancestor of ``tag`` is named one of ``names``. ``known`` remembers the
    answer for every element passed on the way up, so that the tags of a whole tree are
    answered in one walk of each element, however deep they nest."""
    passed = []
    node = tag.parent
    found = False
    while node is not None:
        if (answer := known.get(id(node))) is not None:
            found = answer
            break
        if node.name in names:
            found = True
            break
        passed.append(id(node))
        node = node.parent
    for key in passed:
        known[key] = found
    return found


def hidden_elements(soup: BeautifulSoup, revealed: set[str]) -> list[Tag]:
    """Elements a sighted reader never sees: screen-reader-only text, ``hidden``,
    and inline ``display: none``. A closed accordion or tab panel is not among them: a
    button the reader presses opens it (``aria-controls``, ``data-target``) or it is a
    tab's panel; nor is a questionnaire's message shown on an answer."""
    found = []
    for element in soup.find_all(True):
        classes = " ".join(element.get("class") or []).lower()
        if any(name in classes for name in _HIDDEN_CLASSES):
            found.append(element)
        elif (
            (element.has_attr("hidden") or _DISPLAY_NONE.search(element.get("style") or ""))
            and not _is_panel(element, revealed)
            and not _form_message(element)
        ):
            found.append(element)
    return found


def _form_message(element: Tag) -> bool:
    """Whether a hidden element is what a questionnaire shows on an answer ("These
    symptoms can be a sign of cauda equina syndrome ... go to A&E or call 999 now."):
    a sentence inside a form's fieldset, content however it is hidden."""
    if element.find_parent(("fieldset", "form")) is None:
        return False
    text = element.get_text(" ").split()
    return len(text) >= FORM_MESSAGE_MIN_WORDS and text[-1].endswith((".", "!"))


#: Fewest words of a form's hidden message kept as content.
FORM_MESSAGE_MIN_WORDS = 5


#: Attributes by which a button or link names the panel it opens.
_REVEALING_ATTRIBUTES = ("aria-controls", "data-target", "data-bs-target")


def _revealed_ids(soup: BeautifulSoup) -> set[str]:
    """Ids of the panels the page's buttons and toggles open."""
    ids: set[str] = set()
    for attribute in _REVEALING_ATTRIBUTES:
        for element in soup.find_all(attrs={attribute: True}):
            ids.update(part.lstrip("#") for part in str(element[attribute]).split())
    return ids


def _is_panel(element: Tag, revealed: set[str]) -> bool:
    return element.get("id") in revealed or element.get("role") == "tabpanel"


# --- page metadata --------------------------------------------------------------


def _origin_url(soup: BeautifulSoup) -> str:
    for link in soup.find_all("link", href=True):
        if "canonical" in (link.get("rel") or []):
            return link["href"].strip()
    meta = soup.find("meta", attrs={"property": "og:url"})
    return (meta.get("content") or "").strip() if meta else ""


def _meta_title(soup: BeautifulSoup) -> str:
    meta = soup.find("meta", attrs={"property": "og:title"})
    title = (meta.get("content") or "") if meta else ""
    if not title.strip() and soup.title:
        title = strip_site_name(soup.title.get_text())
    return collapse_spaces(title)


def strip_site_name(title: str) -> str:
    """ "Sciatica - causes and treatment | Clinic" -> "Sciatica - causes and treatment"."""
    title = collapse_spaces(title)
    for separator in _TITLE_SEPARATORS:
        if separator in title:
            kept = title.rsplit(separator, 1)[0].strip()
            if kept:
                return kept
    return title


# --- content root and chrome ----------------------------------------------------


#: Class names that mark an element as the document's title when it has no <h1>
#: (Word's "MsoTitle", blog themes' "entry-title").
_TITLE_CLASS = re.compile(
    r"^(?:msotitle|title|headline|(?:entry|post|page|article|story)[-_]?(?:title|headline))$",
    re.IGNORECASE,
)


def _title_heading(soup: BeautifulSoup) -> Tag | None:
    first = None
    # Each element's answers worked out once, however deep the headings nest.
    texted = _holding_text(soup)
    in_content: dict[int, bool] = {}
    in_chrome: dict[int, bool] = {}
    for h1 in soup.find_all("h1"):
        if id(h1) not in texted:
            continue
        if _within(h1, _CONTENT_NAMES, in_content):
            return h1
        if first is None and not _within(h1, _CHROME_NAMES, in_chrome):
            first = h1
    if first is None:
        first = soup.find(
            lambda tag: (
                tag.name not in ("html", "body", "title", "meta")
                and any(_TITLE_CLASS.match(name) for name in tag.get("class") or [])
                and bool(collapse_spaces(tag.get_text(" ")))
            )
        )
        if first is not None:
            first.name = "h1"  # from here on it is the title heading, not body text
    return first


_CONTENT_NAMES = frozenset({"article", "main"})
_PLAIN_STRINGS = (NavigableString, CData)
_CHROME_NAMES = frozenset({"nav", "footer"})


def _holding_text(soup: BeautifulSoup) -> set[int]:
    """The ids of the elements holding text other than spaces: each text marks its
    ancestors up to the first already marked, so every element is marked once."""
    marked: set[int] = set()
    for string in soup.find_all(string=True):
        if type(string) not in _PLAIN_STRINGS or not string.strip():
            continue  # a comment, a script: no text a reader sees
        node = string.parent
        while node is not None and id(node) not in marked:
            marked.add(id(node))
            node = node.parent
    return marked


def _text_lengths(soup: BeautifulSoup) -> dict[int, int]:
    """The length of each element's text by id, in one pass from the last node back: a
    node's descendants all come after it, so each is counted before its parent is."""
    lengths: dict[int, int] = {}
    for node in reversed(list(soup.descendants)):
        if isinstance(node, Tag):
            length = lengths.get(id(node), 0)
        elif type(node) in _PLAIN_STRINGS:
            length = len(node)
        else:
            continue
        if node.parent is not None:
            lengths[id(node.parent)] = lengths.get(id(node.parent), 0) + length
    return lengths


def _content_root(soup: BeautifulSoup, h1: Tag | None) -> Tag:
    if h1 is not None:
        for parent in h1.parents:
            if parent.name in ("article", "main") or parent.get("role") == "main":
                return _widened(parent)
    articles = soup.find_all("article")
    if len(articles) > 1:
        lengths = _text_lengths(soup)
        return _widened(max(articles, key=lambda article: lengths.get(id(article), 0)))
    if articles:
        return _widened(articles[0])
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    return main or soup.body or soup


def _widened(root: Tag) -> Tag:
    """The page's ``<main>`` instead of the one ``<article>`` inside it when most of
    main's text is outside that article: a question in an ``<article>`` with its answers
    in a ``<section>`` beside it is one piece of content. A main holding several articles
    (a list of posts) keeps the one."""
    if root.name != "article":
        return root
    main = next(
        (
            parent
            for parent in root.parents
            if parent.name == "main" or parent.get("role") == "main"
        ),
        None,
    )
    if main is None or len(main.find_all("article")) > 1:
        return root
    inside = len(root.get_text(" ").split())
    outside = len(main.get_text(" ").split()) - inside
    return main if outside > inside else root


def _inside(element: Tag, ancestor: Tag) -> bool:
    return any(parent is ancestor for parent in element.parents)


def chrome_reason(element: Tag, inside_content: bool) -> str:
    """Why ``element`` is site chrome, or ``""`` when it is not."""
    name = element.name
    if name in CHROME_TAGS:
        return CHROME_TAGS[name]
    if name in CHROME_TAGS_OUTSIDE_CONTENT and (not inside_content or name == "footer"):
        return CHROME_TAGS_OUTSIDE_CONTENT[name]
    attributes = element.attrs or {}
    role = str(attributes.get("role") or "").lower()
    if role in CHROME_ROLES:
        return CHROME_ROLES[role]
    classes = attributes.get("class") or []
    if isinstance(classes, str):
        classes = [classes]
    if name == "aside" and "notes" in classes:
        # reveal.js and its kin: what the presenter reads, never shown on the slide.
        return "speaker notes"
    if name == "a" and any(_BUTTON_CLASS.match(c) for c in classes):
        # <a class="button button--primary">Request an equipment assessment</a>: a link
        # dressed as a button asks the reader to act on the site.
        return "promotional"
    names = " ".join([*classes, str(attributes.get("id") or "")]).lower()
    for token in _CLASS_TOKENS.split(names):
        if token:
            reason = _class_token_reason(token)
            if reason:
                return reason
    return ""


#: A class that dresses a link as a button: "button", "btn", "button--primary", "btn-lg".
_BUTTON_CLASS = re.compile(r"^(?:button|btn)(?:$|[-_])", re.IGNORECASE)
#: Fewest words of a sidebar inside the article read as a callout, and the largest share
#: of them that may be link text.
CALLOUT_MIN_WORDS = 15
CALLOUT_MAX_LINK_SHARE = 0.25


def is_callout(element: Tag) -> bool:
    """Whether a sidebar inside the article is a callout of the article's own ("When to
    see a doctor" with its advice): sentences, not a column of links or widgets."""
    words = element.get_text(" ").split()
    if len(words) < CALLOUT_MIN_WORDS:
        return False
    linked = sum(len(link.get_text(" ").split()) for link in element.find_all("a"))
    if linked > CALLOUT_MAX_LINK_SHARE * len(words):
        return False
    sentences = sum(word.endswith((".", "?", "!", ":")) for word in words)
    return sentences + len(element.find_all("li")) >= 2


#: Fewest words, in two sentences or more, of a cell that is prose, not metadata.
METADATA_PROSE_MIN_WORDS = 40


def _holds_prose(element: Tag) -> bool:
    """Whether ``element`` holds a passage of prose: :data:`METADATA_PROSE_MIN_WORDS`
    words or more, read as a callout is (sentences, few of its words in links)."""
    return len(element.get_text(" ").split()) >= METADATA_PROSE_MIN_WORDS and is_callout(element)


def _class_token_reason(token: str) -> str:
    parts = [part for part in token.split("-") if part not in NOT_CHROME_CLASS_WORDS]
    token = "-".join(parts)
    for reason, words in CHROME_CLASS_WORDS.items():
        for word in words:
            if word in EXACT_CLASS_WORDS:
                if word in parts:
                    return reason
            elif token.startswith(word) or any(part.startswith(word) for part in parts):
                return reason
    return ""


def drop_structural_chrome(soup: BeautifulSoup, root: Tag, title: Tag | None) -> list[Dropped]:
    """Remove navigation, banners, share bars, comments... and record their text."""
    inside_root = {id(element) for element in root.find_all(True)}
    # A callout beside the article inside the page's <main> (a red-flags box next to
    # tabbed content) belongs to it as much as one inside the content root does.
    scope = next(
        (
            parent
            for parent in (root, *root.parents)
            if isinstance(parent, Tag)
            and (parent.name in ("main", "article") or (parent.get("role") or "") == "main")
        ),
        root,
    )
    inside_scope = {id(element) for element in scope.find_all(True)}
    protected = {id(root), *(id(parent) for parent in root.parents)}
    if title is not None:
        protected |= {id(title), *(id(parent) for parent in title.parents)}
    dropped = []
    removed: set[int] = set()
    for element in soup.find_all(True):
        if id(element) in removed or id(element) in protected:
            continue
        inside = id(element) in inside_root
        reason = chrome_reason(element, inside)
        if not reason or (
            reason == "sidebar" and id(element) in inside_scope and is_callout(element)
        ):
            continue
        if reason in ("page metadata", "byline") and element.name == "td" and _holds_prose(element):
            # A repository's "metadataFieldValue" cell holding the abstract: the text
            # itself, whatever its class calls it (its labels and short values still go).
            continue
        if reason == "comments" and _conversation_message(element):
            continue
        if reason == "navigation" and element.find(attrs={"role": "tabpanel"}) is not None:
            # class="tabs" around the tab panels: the panels are the article's text.
            continue
        if reason in ("comments", "testimonials"):
            # An author's own replies in a thread ("OP", "bypostauthor") are the article
            # going on (an "ask me anything" answered below the post), and so are a
            # business owner's responses under its reviews: they stay.
            for reply in _author_replies(element):
                if inside:
                    element.insert_before(reply.extract())
                else:  # the thread below the post: the replies go on after it
                    root.append(reply.extract())
                protected.add(id(reply))
        text = collapse_spaces(element.get_text(" "))
        if text:
            dropped.append(Dropped(reason=f"chrome: {reason}", text=text))
        removed.update(id(descendant) for descendant in element.descendants)
        element.decompose()
    return dropped


#: Class tokens of one message in a conversation (a team channel, a chat window).
MESSAGE_TOKENS = frozenset({"message", "msg", "chat-message"})


def _class_tokens(element: Tag) -> set[str]:
    classes = element.get("class") or []
    if isinstance(classes, str):
        classes = classes.split()
    return {token.lower() for token in classes}


def _conversation_message(element: Tag) -> bool:
    """Whether a reply is a message of a conversation, not a comment under an article:
    classed a message like the message it answers beside it ("message root" and
    "message reply" in a team channel), whose colleagues' replies are the discussion
    itself."""
    tokens = _class_tokens(element) & MESSAGE_TOKENS
    if not tokens or element.parent is None:
        return False
    return any(
        tokens & _class_tokens(sibling)
        and not any(_class_token_reason(token) == "comments" for token in _class_tokens(sibling))
        for sibling in element.parent.find_all(True, recursive=False)
        if sibling is not element
    )


#: Class tokens that mark a reply by the author of the post it replies under.
AUTHOR_REPLY_TOKENS = frozenset(
    {
        "op",
        "is-op",
        "bypostauthor",
        "by-post-author",
        "submitter",
        "owner",
        "owner-response",
        "owner-reply",
        "response-from-owner",
        "business-response",
    }
)


def _author_replies(element: Tag) -> list[Tag]:
    """The outermost replies inside ``element`` that the post's author wrote."""
    found: list[Tag] = []
    for reply in element.find_all(True):
        if AUTHOR_REPLY_TOKENS & _class_tokens(reply):
            if not any(_inside(reply, outer) for outer in found):
                found.append(reply)
    return found


#: Blocks judged by their links: lists, paragraphs and their containers.
LINK_BLOCK_TAGS = frozenset({"ul", "ol", "menu", "p", "div", "section", "td", "dl"})

#: Share of a block's text inside links from which it is a block of links.
LINK_DENSITY = 0.8

#: Longest block of links (in characters of text) judged as one.
LINK_BLOCK_MAX_CHARS = 600

#: Words a paragraph needs to count as the article's prose.
PROSE_WORDS = 8

#: Elements whose text can be the article's prose.
PROSE_TAGS = frozenset({"p", "li", "td", "dd", "blockquote"})

#: Most words of prose after a block of links for it to close the page (a footer).
TRAILING_PROSE_WORDS = 40

_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


@dataclass
class _Extent:
    chars: int = 0
    link_chars: int = 0
    links: int = 0
    anchors: int = 0
    words: int = 0
    sentence: bool = False
    #: The element is, or holds, a paragraph of the article's prose.
    prose: bool = False


def drop_link_blocks(root: Tag, title: Tag | None) -> list[Dropped]:
    """Remove blocks made of links alone, judged by structure rather than wording.

    A block of in-page links ("#symptoms") is a table of contents wherever it is. Any
    other block of links is a menu, breadcrumb, tag cloud or link footer when it sits
    before the title or after the article's last paragraph of prose; inside the article
    a list of links may name the article's own subjects, so it stays, as does a list of
    links a heading or a lead introduces. Elements holding prose are never removed.
    """
    elements = [root, *root.find_all(True)]
    position = {id(element): index for index, element in enumerate(elements)}
    extents: dict[int, _Extent] = {}
    for element in reversed(elements):  # children before parents: one linear pass
        extent = _Extent()
        inside_link = element.name == "a"
        for child in element.children:
            if isinstance(child, Tag):
                sub = extents.get(id(child))
                if sub is None:
                    continue
                extent.chars += sub.chars
                extent.link_chars += sub.link_chars
                extent.links += sub.links
                extent.anchors += sub.anchors
                extent.words += sub.words
                extent.sentence = extent.sentence or sub.sentence
                extent.prose = extent.prose or sub.prose
            elif isinstance(child, NavigableString) and not isinstance(child, _SKIP_STRINGS):
                text = child.strip()
                if not text:
                    continue
                extent.chars += len(text)
                if inside_link:
                    extent.link_chars += len(text)
                else:
                    extent.words += len(text.split())
                    extent.sentence = extent.sentence or bool(_SENTENCE_END.search(text))
        if inside_link:
            extent.link_chars = extent.chars
            extent.links += 1
            extent.anchors += str(element.get("href") or "").startswith("#")
            extent.words = 0
            extent.sentence = False
        if element.name in PROSE_TAGS and extent.sentence and extent.words >= PROSE_WORDS:
            extent.prose = True
        extents[id(element)] = extent
    title_at = position.get(id(title), -1) if title is not None else -1
    title_text = collapse_spaces(title.get_text(" ")) if title is not None else ""
    guarded = {id(root)}
    if title is not None:
        guarded |= {id(title), *(id(parent) for parent in title.parents)}
    # Words of prose from each position to the end: a block of links followed by no
    # more than a footer's worth of prose (an address, a disclaimer) closes the page.
    prose_after = [0] * (len(elements) + 1)
    for index in range(len(elements) - 1, -1, -1):
        element = elements[index]
        extent = extents[id(element)]
        own_prose = element.name in PROSE_TAGS and extent.prose
        prose_after[index] = prose_after[index + 1] + (extent.words if own_prose else 0)
    dropped: list[Dropped] = []
    removed: set[int] = set()
    for element in elements:
        if id(element) in removed or id(element) in guarded:
            continue
        if element.name not in LINK_BLOCK_TAGS:
            continue
        extent = extents[id(element)]
        if extent.prose:
            continue
        if extent.links < 2 or extent.sentence or extent.chars > LINK_BLOCK_MAX_CHARS:
            continue
        link_chars = extent.link_chars
        if link_chars < LINK_DENSITY * extent.chars and title_text:
            # A breadcrumb ends with the page's own title, which is not a link.
            if collapse_spaces(element.get_text(" ")).endswith(title_text):
                link_chars += len(title_text.replace(" ", ""))
        if link_chars < LINK_DENSITY * extent.chars:
            continue
        at = position[id(element)]
        if extent.anchors == extent.links:
            reason = "chrome: table of contents"
        elif at < title_at or (
            prose_after[at] <= TRAILING_PROSE_WORDS and not _introduced(element)
        ):
            reason = "chrome: links"
        else:
            continue
        text = collapse_spaces(element.get_text(" "))
        if text:
            dropped.append(Dropped(reason=reason, text=text))
        removed.update(id(descendant) for descendant in element.descendants)
        element.decompose()
    return dropped


def _introduced(element: Tag) -> bool:
    """True when a heading or a lead ending in a colon introduces ``element``: the
    article's own list of links ("Treatments" over links to treatment pages)."""
    previous = element.find_previous_sibling(True)
    if previous is None:
        return False
    if previous.name in HEADING_TAGS:
        return True
    return previous.name == "p" and collapse_spaces(previous.get_text(" ")).endswith(":")


def remove_elements(elements) -> None:
    """Decompose ``elements`` (in document order), skipping those inside one already gone.

    Tracks removed ids itself: asking a decomposed bs4 element anything (even
    ``.decomposed`` in some versions) turns into a slow search of the tree.
    """
    removed: set[int] = set()
    for element in elements:
        if id(element) in removed:
            continue
        removed.update(id(descendant) for descendant in element.descendants)
        element.decompose()


# --- content walk ---------------------------------------------------------------


@dataclass
class Event:
    """One thing found in reading order: a heading, a paragraph, a list or a list item."""

    kind: str  # "heading", "bold_heading", "paragraph", "list", "item", "table"
    text: str = ""
    html: str = ""
    level: int = 0
    ordered: bool = False
    items: list[ListItem] = field(default_factory=list)
    marker: ItemMarker | None = None
    table: Table | None = None


@dataclass
class _Line:
    text: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    bold: int = 0
    total: int = 0

    @property
    def plain(self) -> str:
        return collapse_spaces("".join(self.text))

    @property
    def markup(self) -> str:
        markup = _EMPTY_INLINE.sub("", collapse_spaces("".join(self.html)))
        return markup if "<" in markup else ""

    @property
    def all_bold(self) -> bool:
        return self.total > 0 and self.bold >= self.total


def content_events(root: Tag, *, title_element: Tag | None = None) -> list[Event]:
    """Walk ``root`` in reading order without recursion and return its events."""
    events: list[Event] = []
    layout = layout_tables(root)
    stack = [iter(root.contents)]
    # For each open element: the level of the heading it opens with (a box: a care card,
    # a "Do" and "Don't" panel), else 0, and the lowest and highest levels of the headings
    # inside it. When a box whose headings are all at its own level closes, the section
    # around it goes on. Each heading updates the innermost element only; a closing one
    # passes its levels out (linear in the events).
    boxes: list[list[int]] = [[0, _NO_LEVEL, 0]]
    run: list = []
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            _flush(run, events)
            level, lowest, highest = boxes.pop()
            if level and lowest == highest == level:
                events.append(Event("box_end", level=level))
            if boxes:
                outer = boxes[-1]
                outer[1], outer[2] = min(outer[1], lowest), max(outer[2], highest)
            continue
        if isinstance(node, NavigableString):
            if not isinstance(node, _SKIP_STRINGS):
                run.append(node)
            continue
        if not isinstance(node, Tag):
            continue
        if node.name not in BLOCK_TAGS:
            run.append(node)
            continue
        _flush(run, events)
        if node.name == "dl" and _asks_questions(node):
            # "<dt>Should I rest when my back flares?</dt><dd>Try not to. ...</dd>": an
            # FAQ's questions head their answers, as on any FAQ page; without terms left,
            # the list is read as ordinary blocks below.
            for term in node.find_all("dt"):
                term.name = "h3"
        if node.name in HEADING_TAGS:
            text = _heading_text(node)
            if text:
                level = 1 if node is title_element else max(int(node.name[1]), 2)
                events.append(Event("heading", text=text, level=level))
                inner = boxes[-1]
                inner[1], inner[2] = min(inner[1], level), max(inner[2], level)
        elif node.name in LIST_TAGS and _holds_sections(node):
            # "Step 1: Seeing your GP" with its paragraphs, one step per item: the items
            # are sections, read as blocks; a step's lone number is no text.
            _strip_step_numbers(node)
            stack.append(iter(node.contents))
            boxes.append([0, _NO_LEVEL, 0])
        elif node.name in LIST_TAGS:
            events.extend(_list_events(node))
        elif node.name == "dl" and (definitions := _definition_events(node)):
            events.extend(definitions)
        elif node.name == "table" and (table := data_table(node, layout)) is not None:
            events.append(Event("table", table=table))
        elif node.name == "pre":
            events.extend(_preformatted_events(node))
        elif node.name != "hr":
            stack.append(iter(node.contents))
            boxes.append([_box_heading_level(node, title_element), _NO_LEVEL, 0])
    _flush(run, events)
    return events


def _preformatted_events(node: Tag) -> list[Event]:
    """A ``<pre>`` block (a Markdown code block of an exercise sheet, "HEEL SLIDE ......
    3x10") as its paragraphs: the runs of lines between blank lines, each read as one,
    its words as they stand."""
    text = node.get_text()
    return [
        Event("paragraph", text=paragraph)
        for block in _BLANK_LINES.split(text)
        if (paragraph := collapse_spaces(block))
    ]


#: A blank line, between the paragraphs of preformatted text.
_BLANK_LINES = re.compile(r"\n[ \t]*+\n")


#: Elements that may be a box inside a section.
_BOX_TAGS = frozenset({"div", "aside", "blockquote", "details"})
#: Lower than any heading's level: no heading seen yet.
_NO_LEVEL = 7


def _box_heading_level(element: Tag, title_element: Tag | None) -> int:
    """The level of the heading ``element`` opens with (a care card, a "Do" panel, a
    callout), else 0; the title's heading opens no box, and a sectioning element
    (``section``, ``article``) is a part of the text, no box inside one."""
    if element.name not in _BOX_TAGS:
        return 0
    first = next(
        (
            child
            for child in element.children
            if isinstance(child, Tag) or (isinstance(child, NavigableString) and child.strip())
        ),
        None,
    )
    if not isinstance(first, Tag) or first.name not in HEADING_TAGS or first is title_element:
        return 0
    return max(int(first.name[1]), 2)


def _heading_text(node: Tag) -> str:
    return " ".join(line.plain for line in inline_lines(node.contents) if line.plain)


def _flush(run: list, events: list[Event]) -> None:
    if run:
        events.extend(run_events(inline_lines(run)))
        run.clear()


def inline_lines(nodes, *, breaks: bool = True) -> list[_Line]:
    """Serialise inline nodes into lines of (plain text, safe HTML), split at ``<br>``.

    Iterative: a stack of nodes and closing markers, never recursion.
    """
    lines = [_Line()]
    open_tags: list[str] = []
    bold_depth = 0
    stack: list = [(node, False) for node in reversed(list(nodes))]
    while stack:
        node, closing = stack.pop()
        if closing:
            if node in ("strong",):
                bold_depth -= 1
            if node:
                open_tags.pop()
                lines[-1].html.append(f"</{node}>")
            continue
        if isinstance(node, NavigableString):
            if isinstance(node, _SKIP_STRINGS):
                continue
            pieces = _NEWLINE_ITEM.split(str(node)) if breaks else [str(node)]
            for index, piece in enumerate(pieces):
                if index:
                    _break_line(lines, open_tags)
                _add_text(lines[-1], piece, bold_depth)
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if name == "br":
            if breaks:
                _break_line(lines, open_tags)
            else:
                _add_text(lines[-1], " ", bold_depth)
            continue
        if name in ("img", "wbr"):
            continue
        if name in BLOCK_TAGS:
            _add_text(lines[-1], " ", bold_depth)
        kept = _INLINE_KEEP.get(name, "")
        opening = ""
        if kept == "a":
            href = safe_href(node.get("href"))
            if href:
                opening = f'<a href="{html_lib.escape(href, quote=True)}">'
            else:
                kept = ""
        elif kept:
            opening = f"<{kept}>"
        if kept:
            open_tags.append(opening)
            lines[-1].html.append(opening)
            if kept == "strong":
                bold_depth += 1
        stack.append((kept, True))
        stack.extend((child, False) for child in reversed(node.contents))
    return lines


def _add_text(line: _Line, text: str, bold_depth: int) -> None:
    line.text.append(text)
    line.html.append(html_lib.escape(text, quote=False))
    visible = len(text) - text.count(" ") - text.count("\n") - text.count("\t")
    line.total += visible
    if bold_depth > 0:
        line.bold += visible


def _break_line(lines: list[_Line], open_tags: list[str]) -> None:
    for opening in reversed(open_tags):
        lines[-1].html.append(f"</{opening[1:].split(' ')[0].rstrip('>')}>")
    lines.append(_Line(html=list(open_tags)))


def safe_href(href) -> str:
    """Return ``href`` when it uses an allowed scheme, else ``""`` (the link is unwrapped)."""
    if not isinstance(href, str):
        return ""
    href = href.strip()
    probe = _URL_JUNK.sub("", href).lower()
    return href if probe.startswith(SAFE_URL_SCHEMES) else ""


def safe_inline_html(markup: str) -> str:
    """Any HTML reduced to the inline markup the parser keeps (dangerous elements dropped
    with their content, ``<strong>``/``<em>``/safe ``<a href>`` kept, nothing else)."""
    soup = parse_soup(markup)
    remove_elements(soup.find_all(DROP_TAGS))
    return _merge_lines(inline_lines(soup.contents, breaks=False)).markup


def run_events(lines: list[_Line]) -> list[Event]:
    """Events for one run of inline content: paragraphs, bold headings, faked lists."""
    events: list[Event] = []
    group: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and line.plain:
            group.append(line)
            continue
        if group:
            events.extend(_group_events(group))
            group = []
    return events


def _group_events(group: list[_Line], *, counted: bool = True) -> list[Event]:
    markers = item_markers([line.plain for line in group])
    if any(markers) and (sum(1 for m in markers if m) >= 2 or len(group) == 1 or markers[0]):
        return _faked_list_events(group, markers)
    if counted and len(group) > 1 and (runs := _named_count_runs(group)):
        # "Band outward rotation – 3x12<br>Wall press-up – 2x10<br>...": runs of lines
        # each naming something and its count are lists' items, the lines around them
        # text (each line read once: linear however the runs alternate).
        events: list[Event] = []
        position = 0
        for start, end in [*runs, (len(group), len(group))]:
            if start > position:
                events.extend(_group_events(group[position:start], counted=False))
            if end > start:
                items = [ItemMarker("line", "", line.plain) for line in group[start:end]]
                events.extend(_faked_list_events(group[start:end], items))
            position = end
        return events
    events = []
    first = group[0]
    if len(group) > 1 and first.all_bold and is_heading_like(first.plain):
        events.append(Event("bold_heading", text=first.plain))
        group = group[1:]
    text = " ".join(line.plain for line in group)
    if len(group) == 1 and group[0].all_bold and is_heading_like(text):
        events.append(Event("bold_heading", text=text))
        return events
    markup = " ".join(line.markup or html_lib.escape(line.plain, quote=False) for line in group)
    has_markup = any(line.markup for line in group)
    if has_markup and (run_in := _RUN_IN_LABEL.match(group[0].markup or "")):
        # "<strong>Same day</strong> Get a same-day GP appointment ...": a label run in
        # to its text, set apart as "Same day: Get ..." so that it never reads as the
        # sentence's first words.
        label = html_lib.unescape(run_in.group("label")).strip()
        if len(label.split()) <= ITEM_LABEL_MAX_WORDS and text.startswith(f"{label} "):
            text = f"{label}: {text[len(label) + 1 :]}"
            markup = f"{markup[: run_in.end('bold')]}:{markup[run_in.end('bold') :]}"
    events.append(Event("paragraph", text=text, html=markup if has_markup else ""))
    return events


#: A bold label that opens a paragraph and runs in to a sentence of its own: words with
#: no stop of their own, then a capitalised word and words in lower case
#: ("<strong>Emergency</strong> Ring 999 if ..."; never "<strong>1.1.2</strong> Do not
#: ...", a name over "MBBS FRCS" nor a banner over "Audit ID: 12").
_RUN_IN_LABEL = re.compile(
    r"(?P<bold><strong>(?P<label>[^\W\d_](?:[^<]{0,60}?[^\W_])?)</strong>)[ \t]++"
    r"(?=[A-Z][a-z]*+[ \t]++(?:[A-Za-z\d&]++[ \t]++)?[a-z])"
)


#: A line naming something, then a spaced dash or a colon, then a count: "Band outward
#: rotation – 3x12", "Side plank on elbow – 3 x 20s / side".
_NAMED_COUNT_LINE = re.compile(
    r"[A-Z][\w'\u2019/-]*+(?:[ \t]++[\w'\u2019/-]++){0,5}?(?:[ \t]++\([^()\n]{1,40}+\))?"
    r"(?:[ \t]*+:|[ \t]++[-\u2013\u2014])[ \t]++[^.!?\n]{0,100}?\d"
)


def _named_count_runs(group: list[_Line]) -> list[tuple[int, int]]:
    """Where each run of :data:`LINE_ITEMS_MIN` lines or more in a row, each naming
    something and its count, starts and ends in ``group``."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, line in enumerate([*group, None]):
        if line is not None and _NAMED_COUNT_LINE.match(line.plain):
            start = index if start is None else start
            continue
        if start is not None and index - start >= LINE_ITEMS_MIN:
            runs.append((start, index))
        start = None
    return runs


def _faked_list_events(group: list[_Line], markers: list[ItemMarker | None]) -> list[Event]:
    events: list[Event] = []
    lead: list[_Line] = []
    current: Event | None = None
    for line, marker in zip(group, markers, strict=True):
        if marker:
            html = _MARKER_IN_HTML.sub(r"\1", line.markup, count=1) if line.markup else ""
            current = Event("item", text=marker.text, html=html, marker=marker)
            events.append(current)
        elif current is not None:
            current.text = f"{current.text} {line.plain}"
            if current.html or line.markup:
                current.html = " ".join(
                    [current.html or html_lib.escape(current.text, quote=False)]
                    + [line.markup or html_lib.escape(line.plain, quote=False)]
                )
        else:
            lead.append(line)
    if lead:
        events[:0] = _group_events(lead)
    return events


def _list_events(list_tag: Tag) -> list[Event]:
    """One list event for a ``<ul>``/``<ol>``, nested lists flattened into it in reading
    order (a stack of iterators, no recursion). A top-level item that introduces the list
    nested in it ("Amara's starter routine, once a day:" over the exercises) is a lead,
    not an item: the list before it, the lead as a paragraph, the nested list, and the
    items after it come out in that order."""
    ordered = list_tag.name == "ol"
    events: list[Event] = []
    items: list[ListItem] = []

    def flush() -> None:
        if items:
            events.append(Event("list", ordered=ordered, items=list(items)))
            items.clear()

    introduced = 0  # the depth of the stack while a nested list an item introduced is read
    stack = [iter(_list_children(list_tag))]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            if introduced and len(stack) < introduced:
                flush()
                introduced = 0
            continue
        inline, nested, sublist = [], [], False
        for node in child.contents:
            # html.parser does not close <li> implicitly: a nested <li> is a sibling item.
            if isinstance(node, Tag) and (node.name in LIST_TAGS or node.name == "li"):
                nested.extend(_list_children(node))
                sublist = sublist or node.name in LIST_TAGS
            else:
                inline.append(node)
        item = _labelled_item(inline)
        if item is None and (line := _merge_lines(inline_lines(inline, breaks=False))).plain:
            text = tidy_item_text(line.plain)
            item = ListItem(text=text, html=tidy_item_html(line.markup, text))
        if item is not None and sublist and (detailed := _detailed_item(item, nested)):
            # "**Doorway chest stretch**" over "forearms on the door frame ..." and "hold
            # 20 seconds, 3 goes": the name's own details, not items of the list.
            item, nested = detailed, []
        if item is not None:
            if (
                sublist
                and len(stack) == 1
                and item.text.rstrip().endswith(":")
                and not _EXAMPLES_FOLLOW.search(item.text)
            ):
                flush()
                events.append(Event("paragraph", text=item.text, html=item.html))
                introduced = 2
            else:
                items.append(item)
        if nested:
            stack.append(iter(nested))
    flush()
    return events


def _detailed_item(item: ListItem, nested: list[Tag]) -> ListItem | None:
    """An item that is only a name in bold, over a nested list of its details (each in
    lower case or holding a count, none a list of its own), as one labelled item:
    "<strong>Wall angels</strong>: Back and head against the wall ... 8 slow
    repetitions."; None for any other item. A name not in bold ("Slow elbow curls" over
    "with a 1 kg bag of sugar" and "3 sets of 12"), or details written as sentences, make
    one when a detail holds a count."""
    label = _WHOLLY_BOLD.fullmatch(item.html or "")
    if len(item.text.split()) > ITEM_LABEL_MAX_WORDS:
        return None
    if label is None and (item.html and item.html != item.text or item.text[-1:] in ".,;:!?"):
        return None
    details = []
    stepped = False  # a detail is a sentence of its own ("Kneel on one knee ...")
    for child in nested:
        if child.name != "li" or child.find(LIST_TAGS) is not None:
            return None
        plain = _merge_lines(inline_lines(child.contents, breaks=False)).plain
        text = tidy_item_text(plain)
        if not text:
            return None
        if not (text[:1].islower() or _DIGIT.search(text)):
            if not plain.rstrip().endswith((".", "!", "?")):
                return None
            stepped = True
        details.append(text if text.endswith((".", "!", "?")) else f"{text}.")
    counted = any(_DIGIT.search(text) for text in details)
    if not details or ((label is None or stepped) and not counted):
        # Steps as sentences ("Kneel on one knee ...", "Hold for 30 seconds, 3 times on
        # each side.") are an exercise's when one of them counts.
        return None
    described = " ".join(f"{text[:1].upper()}{text[1:]}" for text in details)
    name = item.text.rstrip(" :")
    shown = label.group(1) if label else html_lib.escape(name, quote=False)
    return ListItem(
        text=f"{name}: {described}",
        html=f"<strong>{shown}</strong>: {html_lib.escape(described, quote=False)}",
    )


#: An item's markup that is one run of bold text: its name alone.
_WHOLLY_BOLD = re.compile(r"\s*<strong>([^<]{1,80})</strong>\s*:?\s*")
_DIGIT = re.compile(r"\d")


#: The end of an item whose nested list gives examples of it ("Sitting for long periods,
#: for example:"): the item is one of its list's own, the examples are its detail.
_EXAMPLES_FOLLOW = re.compile(
    r"\b(?:for example|for instance|such as|e\.?g\.?|including|like|especially)[ \t]*+:[ \t]*+$",
    re.IGNORECASE,
)


def _labelled_item(nodes: list) -> ListItem | None:
    """An item whose first paragraph or line is a short name over the text that explains
    it ("<p>Isthmic spondylolisthesis</p><p>Starts with a stress fracture ...</p>", a
    loose Markdown list or a toggle; "<strong>Heat</strong><br>A warm pack ..."), as a
    labelled item: "<strong>Isthmic spondylolisthesis</strong>: Starts with ...", the
    way a ``<dl>`` is read. Run together, the name would run into the sentence after it
    ("Isthmic spondylolisthesis Starts with ..."). None for any other item."""
    if not any(
        isinstance(node, Tag) and (node.name in BLOCK_TAGS or node.name == "br") for node in nodes
    ):
        return None  # one run of inline text: nothing stands apart as a name
    parts: list[list] = [[]]
    for node in nodes:
        if isinstance(node, Tag) and node.name in BLOCK_TAGS:
            parts.append([node])
            parts.append([])
        else:
            parts[-1].append(node)
    lines = [
        line for part in parts if part for line in inline_lines(part, breaks=True) if line.plain
    ]
    if len(lines) < 2:
        return None
    label, rest = lines[0].plain, lines[1:]
    if (
        len(label.split()) > ITEM_LABEL_MAX_WORDS
        or label.endswith((".", "!", "?", ":", ";", ","))
        or not rest[0].plain[:1].isupper()
    ):
        return None
    return _labelled(lines[0], rest)


def _labelled(label: _Line, described: list[_Line]) -> ListItem:
    """A labelled item: the label bold, a colon, then what describes it
    ("<strong>Cold abscess</strong>: A collection of pus ...")."""
    name = tidy_item_text(label.plain)
    text = tidy_item_text(f"{name}: {' '.join(line.plain for line in described)}")
    markup = " ".join(line.markup or html_lib.escape(line.plain, quote=False) for line in described)
    label_html = strip_bold(label.markup or html_lib.escape(name, quote=False))
    return ListItem(text=text, html=f"<strong>{label_html}</strong>: {markup}")


#: Most words of a name heading its own item's text.
ITEM_LABEL_MAX_WORDS = 6


def _holds_sections(list_tag: Tag) -> bool:
    """Whether a list's items are sections: an item holds a heading (a child of the item,
    so each list looks at its own items only and nested lists cost linear time)."""
    return any(
        item.find(HEADING_TAGS, recursive=False) is not None
        for item in list_tag.find_all("li", recursive=False)
    )


def _strip_step_numbers(list_tag: Tag) -> None:
    """Remove the number each item of a list of sections opens with (a ``<span>1</span>``
    badge before the step's heading)."""
    for item in list_tag.find_all("li", recursive=False):
        for node in list(item.contents):
            if isinstance(node, NavigableString) and not node.strip():
                continue
            if (
                isinstance(node, Tag)
                and node.name not in BLOCK_TAGS
                and _STEP_NUMBER.fullmatch(node.get_text().strip())
            ):
                node.extract()
            break


#: A step's number badge: "1", "2.", "Step 3".
_STEP_NUMBER = re.compile(r"(?:step\s*)?\d{1,3}[.:)]?", re.IGNORECASE)


def _asks_questions(dl: Tag) -> bool:
    """Whether most of a ``<dl>``'s terms (two at least) are questions."""
    terms = [term.get_text(" ").strip() for term in dl.find_all("dt")]
    asked = sum(term.endswith("?") for term in terms)
    return asked >= 2 and asked * 2 > len(terms)


#: Fewest short descriptions under one term that are its fields, each an item.
FIELD_DESCRIPTIONS_MIN = 3
#: Most words of a description read as a field ("Published: 09 September 2024").
FIELD_DESCRIPTION_MAX_WORDS = 8


def _definition_events(dl: Tag) -> list[Event]:
    """A ``<dl>`` as a list of labelled items: each term, bold, with its descriptions after
    a colon ("<strong>Cold abscess</strong>: A collection of pus ..."), the way a list of
    named things with their explanations is written. A ``<dl>`` without terms is read as
    ordinary blocks (empty list returned)."""
    items: list[ListItem] = []
    term: _Line | None = None
    described: list[_Line] = []

    def close() -> None:
        if term is None or not term.plain:
            return
        lines = [line for line in described if line.plain]
        if len(lines) >= FIELD_DESCRIPTIONS_MIN and all(
            len(line.plain.split()) <= FIELD_DESCRIPTION_MAX_WORDS for line in lines
        ):
            # "Details" over "Written by ...", "Category: ...", "Published: ...", "Hits:
            # 2318": short fields under one label, each an item of its own (run together,
            # none could be told apart).
            items.extend(ListItem(text=tidy_item_text(line.plain), html="") for line in lines)
        elif lines:
            items.append(_labelled(term, lines))
        else:
            items.append(ListItem(text=tidy_item_text(term.plain), html=""))

    for child in dl.find_all(("dt", "dd")):
        line = _merge_lines(inline_lines(child.contents, breaks=False))
        if child.name == "dt":
            close()
            term, described = line, []
        else:
            described.append(line)
    close()
    return [Event("list", ordered=False, items=items)] if items else []


def strip_bold(markup: str) -> str:
    """Inline markup without its own bold tags (a term made bold as a label)."""
    return markup.replace("<strong>", "").replace("</strong>", "")


def _list_children(tag: Tag) -> list[Tag]:
    if tag.name == "li":
        return [tag]
    return tag.find_all("li", recursive=False) or [tag]


def _merge_lines(lines: list[_Line]) -> _Line:
    merged = _Line()
    for line in lines:
        merged.text.extend([*line.text, " "])
        merged.html.extend([*line.html, " "])
        merged.bold += line.bold
        merged.total += line.total
    return merged


# --- sections -------------------------------------------------------------------


def build_sections(events: list[Event], *, intro_heading: str = "") -> list[Section]:
    """Group events into sections.

    A level-1 heading event (the title) opens the level-1 title section; anything
    before it lands in an untitled level-1 section (chrome for the clean step).
    """
    current = Section(heading=intro_heading, level=1)
    sections = [current]
    markers: dict[int, ItemMarker] = {}
    last_heading_level = 1
    for event in events:
        if event.kind == "box_end":
            # A care card or panel closed: what follows belongs to the section around it.
            parent = _around_box(sections, current, event.level)
            if parent is not None:
                current = Section(heading=parent.heading, level=parent.level, continues=True)
                sections.append(current)
                last_heading_level = parent.level
            continue
        if event.kind == "heading":
            current = Section(heading=event.text, level=event.level)
            sections.append(current)
            last_heading_level = event.level
        elif event.kind == "bold_heading":
            current = Section(heading=event.text, level=min(max(last_heading_level + 1, 2), 6))
            sections.append(current)
        elif event.kind == "paragraph":
            current.blocks.append(Paragraph(text=event.text, html=event.html))
        elif event.kind == "list":
            previous = current.blocks[-1] if current.blocks else None
            current.blocks.append(
                ListBlock(ordered=event.ordered, items=event.items, lead=lead_of(previous))
            )
        elif event.kind == "item":
            _add_faked_item(current, event, markers)
        elif event.kind == "table":
            current.blocks.append(event.table)
    return [
        section
        for section in sections
        if section.blocks or (section.heading and not section.continues)
    ]


def _around_box(sections: list[Section], current: Section, level: int) -> Section | None:
    """The section a box whose heading is at ``level`` sits in, when the box's section
    (or one inside it) is the current one; None otherwise."""
    if current.continues or current.level < level:
        return None
    return next((section for section in reversed(sections) if section.level < level), None)


def _add_faked_item(section: Section, event: Event, markers: dict[int, ItemMarker]) -> None:
    text = tidy_item_text(event.text)
    item = ListItem(text=text, html=tidy_item_html(event.html, text))
    add_list_item(section, item, event.marker, markers)
