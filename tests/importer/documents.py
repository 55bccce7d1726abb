"""What a parsed document says, for tests that check what was kept and what was dropped."""

from back_health.importer.clean import clean_document
from back_health.importer.document import ListBlock, Table
from back_health.importer.parse import parse_document


def texts_of(doc) -> list[str]:
    """The title, every heading, paragraph, list item and table cell of ``doc``, in order."""
    found = [doc.title]
    for section in doc.sections:
        found.append(section.heading)
        for block in section.blocks:
            if isinstance(block, ListBlock):
                found.extend(item.text for item in block.items)
            elif isinstance(block, Table):
                found.extend(block.texts())
            else:
                found.append(block.text)
    return [text for text in found if text]


def cleaned_text(source: str, format: str) -> str:
    """Every text of ``source`` parsed as ``format`` and cleaned, joined by spaces."""
    return " ".join(texts_of(clean_document(parse_document(source, format))))


def exercises_of(plan) -> list[dict]:
    """Every exercise of the plan's exercise lists, page by page, in order."""
    return [
        exercise
        for page in plan.pages
        for block in page.blocks
        if block.type == "exercise_list"
        for exercise in block.value["exercises"]
    ]


def doses_of(plan) -> dict[str, dict]:
    """Every exercise's dose by its name."""
    return {exercise["name"]: exercise["dose"] for exercise in exercises_of(plan)}


def warnings_of(plan) -> list[dict]:
    """Every warning block's value of the plan, page by page, in order."""
    return [block.value for page in plan.pages for block in page.blocks if block.type == "warning"]


def blocks_text(plan) -> str:
    """Every block value of every page of the plan, as one string to search."""
    return " ".join(str(block.value) for page in plan.pages for block in page.blocks)


def items_of(doc) -> list[str]:
    """The text of every list item of ``doc``, section by section, in order."""
    return [
        item.text
        for section in doc.sections
        for block in section.blocks
        if isinstance(block, ListBlock)
        for item in block.items
    ]
