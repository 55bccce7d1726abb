"""Classes of chrome that leaked into pages: a heading that is chrome by its wording,
and what must stay beside each class."""

from __future__ import annotations

from back_health.importer.clean import clean_document
from back_health.importer.parse import parse_document

from .documents import texts_of


def headings_and_texts(source: str, format: str) -> tuple[list[str], str]:
    """The headings the clean step keeps, and the text of its blocks joined."""
    doc = clean_document(parse_document(source, format))
    headings = [section.heading for section in doc.sections if section.heading]
    blocks = [text for text in texts_of(doc) if text not in headings and text != doc.title]
    return headings, " ".join(blocks)


def test_a_heading_that_is_chrome_goes_while_its_section_is_judged_block_by_block():
    markdown = (
        "# Whiplash\n\nWhiplash is a neck injury from a sudden jolt.\n\n"
        "## Comments (4)\n\nGreat article, thanks!\n\n"
        "## Updates (2)\n\nMost people feel better within 6 weeks of the injury, "
        "and gentle movement speeds that up.\n"
    )
    headings, texts = headings_and_texts(markdown, "markdown")
    assert "Updates (2)" not in headings
    assert "Most people feel better within 6 weeks" in texts


def test_a_heading_naming_what_a_plan_covers_is_kept():
    markdown = (
        "# Neck pain\n\nNeck pain is common and usually settles.\n\n"
        "## Treatments your plan may cover\n\n- Physiotherapy\n- Facet joint injections\n"
    )
    headings, texts = headings_and_texts(markdown, "markdown")
    assert "Treatments your plan may cover" in headings
    assert "Facet joint injections" in texts
