"""Body blocks of planned pages: headings, rich text, warnings and list markup."""

from __future__ import annotations

import html
from typing import TypedDict

from ..document import ListBlock, ListItem, Paragraph, Table
from ..names import (
    split_sentences,
    strip_tags,
)
from ..plan import BlockPlan, PagePlan
from .context import Context


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
    the block has, plain-text cells, the caption kept."""
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


def flush_paragraph(owner: PagePlan, kept: list[str], state: Context) -> None:
    text = " ".join(kept).strip()
    if text:
        add_html(owner, f"<p>{text}</p>", state)


def list_text(block: ListBlock) -> str:
    return "; ".join(item.text for item in block.items)


def list_html(block: ListBlock, items: list[ListItem]) -> str:
    tag = "ol" if block.ordered else "ul"
    inner = "".join(
        f"<li>{item.html or html.escape(item.text, quote=False)}</li>" for item in items
    )
    return f"<{tag}>{inner}</{tag}>"


def drop_lead_paragraph(owner: PagePlan, lead: str, state: Context) -> None:
    """The lead of a list that became pages would dangle; take it out of the body."""
    if not lead or not owner.blocks or owner.blocks[-1].type != "paragraph":
        return
    strip_lead(owner.blocks[-1], lead)
    if not owner.blocks[-1].value.strip():
        owner.blocks.pop()


def strip_lead(block: BlockPlan, lead: str) -> None:
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
    if page.blocks and page.blocks[-1].type == "paragraph":
        page.blocks[-1].value += markup
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
