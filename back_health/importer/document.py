"""The intermediate Document every source format is parsed into.

A Document is flat: a title and a list of sections, each with a heading, a
heading level and a list of blocks (paragraphs and lists). Hierarchy is read
from the levels when needed. Everything the cleaning steps change or drop is
recorded on the Document so the report can show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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


Block = Paragraph | ListBlock


@dataclass
class Section:
    #: Heading text; empty for the part before the first heading.
    heading: str
    #: 1 for the title level, 2 for top sections, up to 6.
    level: int = 2
    blocks: list[Block] = field(default_factory=list)


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
    dropped: list[Dropped] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    #: Where the article came from when the source said so (canonical link, og:url).
    url: str = ""
    #: Front matter fields of a Markdown source (lower-case keys, string values); its
    #: ``title`` is one candidate for the article's subject.
    front_matter: dict[str, str] = field(default_factory=dict)

    def iter_blocks(self):
        """Yield ``(section, block)`` pairs in reading order."""
        for section in self.sections:
            for block in section.blocks:
                yield section, block
