"""The intermediate Document every source format is parsed into.

A Document is flat: a title and a list of sections, each with a heading, a
heading level and a list of blocks (paragraphs, lists and data tables). Hierarchy is read
from the levels when needed. Everything the cleaning steps change or drop is
recorded on the Document so the report can show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass
class Paragraph:
    #: Plain text, whitespace normalised.
    text: str
    #: Inline HTML (``<strong>``, ``<em>``, ``<a href>``) when the source had markup;
    #: empty when the paragraph is plain text (writers escape ``text`` then).
    html: str = ""


@dataclass
class ListItem:
    text: str
    html: str = ""


@dataclass
class ListBlock:
    ordered: bool
    items: list[ListItem] = field(default_factory=list)
    #: The sentence that introduced the list ("Causes include:"), when it was
    #: written just before the list and ended with a colon. The lead stays in
    #: the section as a paragraph too; this is a cue for the classifier.
    lead: str = ""


@dataclass
class Table:
    """A data table: rows of plain-text cells, the first rows maybe column headings.

    Layout tables (a page laid out in a grid) never become one: their content is read
    as paragraphs and lists. Rows are padded to one width by the parsers.
    """

    #: Header rows: the column headings a reader reads the body by (usually one).
    head: list[list[str]] = field(default_factory=list)
    #: Body rows.
    rows: list[list[str]] = field(default_factory=list)
    caption: str = ""
    #: True when the first cell of every body row heads its row.
    header_column: bool = False
    #: The cells that hold a link, as inline HTML (safe ``<a href>`` as in a paragraph's
    #: ``html``), by (row, column) with the header rows counted first. The cell's text
    #: stays in ``head``/``rows``: what the classifier reads.
    links: dict[tuple[int, int], str] = field(default_factory=dict)

    @property
    def width(self) -> int:
        return max((len(row) for row in (*self.head, *self.rows)), default=0)

    @property
    def headings(self) -> list[str]:
        """One heading per column: the header rows' cells joined top to bottom."""
        headings = []
        for index in range(self.width):
            parts = [row[index] for row in self.head if index < len(row) and row[index]]
            headings.append(" ".join(dict.fromkeys(parts)))
        return headings

    def texts(self) -> list[str]:
        """Every non-empty text of the table, caption first, in reading order."""
        cells = [cell for row in (*self.head, *self.rows) for cell in row]
        return [text for text in (self.caption, *cells) if text]

    def map_text(self, function, markup=None) -> Table:
        """The table with ``function`` applied to its caption and every cell, and
        ``markup`` (when given) to the inline HTML of its cells with links."""
        return Table(
            head=[[function(cell) for cell in row] for row in self.head],
            rows=[[function(cell) for cell in row] for row in self.rows],
            caption=function(self.caption),
            header_column=self.header_column,
            links=(
                {place: markup(html) for place, html in self.links.items()}
                if markup
                else dict(self.links)
            ),
        )

    def keep_rows(self, kept: list[int]) -> Table:
        """The table with only the body rows at the indexes ``kept`` (in order); the
        links of the rows kept move with them."""
        offset = len(self.head)
        moved = {index: number for number, index in enumerate(kept)}
        links = {}
        for (row, column), html in self.links.items():
            if row < offset:
                links[row, column] = html
            elif row - offset in moved:
                links[offset + moved[row - offset], column] = html
        return replace(self, rows=[self.rows[index] for index in kept], links=links)

    def column_lists(self) -> list[tuple[int, ListBlock]]:
        """Each non-empty column of the body, with its index, as a list led by its heading
        ("Possible cause:"; no lead when the column has no heading): the shape the
        classifier reads names from."""
        headings = self.headings or [""] * self.width
        lists = []
        for index in range(self.width):
            heading = headings[index].rstrip(":").strip() if index < len(headings) else ""
            items = [ListItem(row[index]) for row in self.rows if index < len(row) and row[index]]
            if items:
                lead = f"{heading}:" if heading else ""
                lists.append((index, ListBlock(ordered=False, items=items, lead=lead)))
        return lists


Block = Paragraph | ListBlock | Table


@dataclass
class Section:
    #: Heading text; empty for the part before the first heading.
    heading: str
    #: 1 for the title level, 2 for top sections, up to 6.
    level: int = 2
    blocks: list[Block] = field(default_factory=list)
    #: The rest of the section ``heading`` names, after a box with a heading of its own
    #: inside it closed (a care card, a "Do" panel): its blocks belong to that section
    #: again, and its heading is not repeated.
    continues: bool = False


@dataclass
class Dropped:
    reason: str
    text: str


@dataclass
class Flag:
    kind: str  # non_english, truncated, thin_page, no_structure, ...
    text: str
    language: str = ""


@dataclass
class Repair:
    kind: str  # entity, mojibake, whitespace, ...
    from_: str
    to: str
    count: int = 1


@dataclass
class Decision:
    part: str
    as_: str
    because: str


@dataclass
class Document:
    title: str
    sections: list[Section] = field(default_factory=list)
    #: "text", "html" or "markdown".
    format: str = "text"
    #: ISO 639-1 code of the article's main language.
    language: str = "en"
    #: Share of the text in each language found (the main one and those flagged).
    language_shares: dict[str, float] = field(default_factory=dict)
    dropped: list[Dropped] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    #: Where the article came from when the source said so (canonical link, og:url).
    url: str = ""
    #: Front matter fields of a Markdown source (lower-case keys, string values); its
    #: ``title`` is one candidate for the article's subject.
    front_matter: dict[str, str] = field(default_factory=dict)
    #: The text ended in chrome the clean step dropped (hashtags, a share bar): what now
    #: ends the article was followed by more, so it was not cut off.
    ending_dropped: bool = False

    def iter_blocks(self):
        """Yield ``(section, block)`` pairs in reading order."""
        for section in self.sections:
            for block in section.blocks:
                yield section, block

    def block_texts(self, *, leads: bool = True):
        """Yield the text of every block in reading order: a paragraph's, each cell of a
        table, a list's lead (when ``leads``) and each of its items."""
        for _section, block in self.iter_blocks():
            if isinstance(block, Paragraph):
                yield block.text
            elif isinstance(block, Table):
                yield from block.texts()
            else:
                if leads:
                    yield block.lead
                yield from (item.text for item in block.items)
