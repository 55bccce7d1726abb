"""Body blocks of planned pages: headings, rich text, warnings and list markup."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from typing import TypedDict

from ..document import ListBlock, ListItem, Paragraph, Table
from ..names import (
    split_sentences,
    strip_tags,
)
from ..plan import BlockPlan, PagePlan
from .context import Context

#: A bold label opening a paragraph or list item: "<b>Name</b> its text".
BOLD_LABEL = re.compile(r"\s*<(strong|b)>(?P<label>[^<]{1,80})</\1>\s*(?P<rest>.*)", re.S)


def label_begins_sentence(match: re.Match) -> bool:
    """Whether a bold label (a :data:`BOLD_LABEL` match) is the subject of the sentence it
    begins: nothing parts it from the text, which goes on in lower case ("<b>Painkillers</b>
    such as paracetamol ...", "<b>Pregabalin</b> is started at a low dose")."""
    rest = strip_tags(match.group("rest")).lstrip()
    return match.group("label").rstrip()[-1:].isalnum() and rest[:1].islower()


class HeadingValue(TypedDict):
    text: str
    level: str  # "h2" | "h3" | "h4"


class WarningValue(TypedDict):
    severity: str  # a Severity
    heading: str
    text: str  # HTML
    items_lead: str  # "any" | "all" | ""
    items: list[str]


class Dose(TypedDict):
    sets: int | None
    repetitions: int | None
    hold_seconds: int | None
    per_side: bool
    times_per_day: int | None
    days_per_week: int | None


class ExerciseValue(TypedDict):
    name: str
    steps: list[str]
    dose: Dose
    cautions: list[str]


class ExerciseListValue(TypedDict):
    heading: str
    intro: str  # HTML
    exercises: list[ExerciseValue]
    stop_if: list[str]


class TableValue(TypedDict):
    """The raw value of Wagtail's ``TableBlock`` (``wagtail.contrib.table_block``)."""

    data: list[list[str]]  # the header row first when there is one
    table_caption: str
    table_header_choice: str  # "row" | "column" | "both" | "neither"
    first_row_is_table_header: bool
    first_col_is_header: bool
    cell: list
    mergeCells: list


def table_value(table: Table) -> TableValue:
    """A document table as a table block: header rows merged into the one header row
    the block has, plain-text cells (a link's address written after its words, see
    :func:`cell_with_links`), the caption kept."""
    if table.links:
        width = len(table.head)
        table = replace(
            table,
            head=[_linked_row(table, number, row) for number, row in enumerate(table.head)],
            rows=[_linked_row(table, width + number, row) for number, row in enumerate(table.rows)],
            links={},
        )
    head = [table.headings] if table.head else []
    row_header, col_header = bool(head), table.header_column
    choice = {(True, True): "both", (True, False): "row", (False, True): "column"}
    return {
        "data": [*head, *(list(row) for row in table.rows)],
        "table_caption": table.caption,
        "table_header_choice": choice.get((row_header, col_header), "neither"),
        "first_row_is_table_header": row_header,
        "first_col_is_header": col_header,
        "cell": [],
        "mergeCells": [],
    }


def _linked_row(table: Table, number: int, row: list[str]) -> list[str]:
    return [
        cell_with_links(table.links[number, column]) if (number, column) in table.links else cell
        for column, cell in enumerate(row)
    ]


# "<" never occurs inside a tag of inline markup; excluding it keeps runs of "<" linear.
_MARKUP = re.compile(r"(<[^<>]*+>)")
_LINK_OPEN = re.compile(r'<a href="([^"<>]*)">')


def link_address(href: str) -> str:
    """What a table cell shows of a link: an http(s) address as it is, a ``mailto:``
    link's e-mail address; ``""`` for anything else (a phone number, an anchor on the
    source page, a script)."""
    probe = href.strip()
    lowered = probe.lower()
    if lowered.startswith(("http://", "https://")) and len(probe) > len("https://"):
        return probe
    if lowered.startswith("mailto:"):
        address = probe[len("mailto:") :].split("?", 1)[0]
        return address if "@" in address and not any(c.isspace() for c in address) else ""
    return ""


def cell_with_links(markup: str) -> str:
    """A cell's inline HTML as the plain text of a table block cell, each link's words
    followed by its address in brackets: "See NHS (https://www.nhs.uk/) advice". Wagtail's
    table block keeps plain text; this way an editor sees where every link pointed and
    can change it, and the page turns the address into a link. An address the words
    already are ("https://www.nhs.uk/") is not repeated."""
    out: list[str] = []
    start, address = 0, ""
    for piece in _MARKUP.split(markup):
        if not piece.startswith("<"):
            out.append(html.unescape(piece))
        elif opening := _LINK_OPEN.fullmatch(piece):
            start, address = len(out), link_address(html.unescape(opening.group(1)))
        elif piece == "</a>" and address:
            words = " ".join("".join(out[start:]).split())
            if words.rstrip("/") != address.rstrip("/"):
                out.append(f" ({address})")
            address = ""
    return " ".join("".join(out).split())


def sentence_markup(paragraph: Paragraph, sentences: list[str]) -> list[str]:
    """The sentences as HTML: split the paragraph's markup the same way when it lines up
    with the text, else escape the plain sentences."""
    if paragraph.html:
        pieces = split_sentences(paragraph.html)
        if len(pieces) == len(sentences) and all(
            strip_tags(p) == s for p, s in zip(pieces, sentences, strict=True)
        ):
            return pieces
        if len(sentences) == 1:
            return [paragraph.html]
    return [html.escape(s, quote=False) for s in sentences]


def list_text(block: ListBlock) -> str:
    return "; ".join(item.text for item in block.items)


def list_html(block: ListBlock, items: list[ListItem]) -> str:
    tag = "ol" if block.ordered else "ul"
    inner = "".join(
        f"<li>{item.html or html.escape(item.text, quote=False)}</li>" for item in items
    )
    return f"<{tag}>{inner}</{tag}>"


def drop_lead_paragraph(
    owner: PagePlan, lead: str, state: Context, *, marked_up: bool = False
) -> None:
    """The lead of a list that became pages would dangle; take it out of the body.
    ``marked_up``: a lead the list's block repeats goes in bold too."""
    if not lead or not owner.blocks or owner.blocks[-1].type != "paragraph":
        return
    strip_lead(owner.blocks[-1], lead, marked_up=marked_up)
    if not owner.blocks[-1].value.strip():
        owner.blocks.pop()


def strip_lead(block: BlockPlan, lead: str, *, marked_up: bool = False) -> None:
    """Take a list's lead sentence off the end of a paragraph block (its value may be
    left empty: empty paragraphs are dropped when the plan is finished)."""
    escaped = html.escape(lead, quote=False)
    for wrapped in (f"<p>{escaped}</p>", f"<p>{lead}</p>"):
        if block.value.endswith(wrapped):
            block.value = block.value[: -len(wrapped)]
            return
    if block.value.endswith(f"{escaped}</p>"):
        block.value = block.value[: -len(escaped) - 4].rstrip() + "</p>"
        if block.value.endswith("<p></p>"):
            block.value = block.value[:-7]
        return
    if not marked_up:
        return
    # "<p><strong>Gentle exercises:</strong></p>": the lead in bold is the lead still.
    start = block.value.rfind("<p>")
    if start >= 0 and block.value.endswith("</p>"):
        last = html.unescape(_TAG.sub("", block.value[start + 3 : -4])).strip()
        if last and last == lead.strip():
            block.value = block.value[:start]


_TAG = re.compile(r"<[^<>]{0,200}+>")


def paragraph_html(paragraph: Paragraph) -> str:
    return f"<p>{paragraph.html or html.escape(paragraph.text, quote=False)}</p>"


def add_heading(page: PagePlan, text: str, level: int, base: int, state: Context) -> None:
    last = state.pages.heading_level(page)
    wanted = max(2, min(level - base + 2, 4))
    h = min(wanted, last + 1)
    state.pages.set_heading_level(page, h)
    add_block(page, BlockPlan("heading", {"text": text.strip(), "level": f"h{h}"}), state)


def add_html(page: PagePlan, markup: str, state: Context) -> None:
    if not strip_tags(markup):
        return
    last = page.blocks[-1] if page.blocks else None
    # A list still to be settled holds its place with an empty block that settling
    # overwrites: what follows it is a paragraph of its own, never appended to it.
    if last is not None and last.type == "paragraph" and id(last) not in state.pending_blocks:
        last.value += markup
    else:
        page.blocks.append(BlockPlan("paragraph", markup))


def add_block(page: PagePlan, block: BlockPlan, state: Context) -> None:
    page.blocks.append(block)


def warning_value(severity: str, heading: str, text_html: str) -> WarningValue:
    return {
        "severity": severity,
        "heading": heading,
        "text": text_html,
        "items_lead": "",
        "items": [],
    }
