"""The summary is the page's lead: the body does not open by saying it again."""

from back_health.importer.lead import body_after_lead
from back_health.importer.plan import BlockPlan

SUMMARY = "Sciatica is pain that travels down the leg."


def paragraph(html):
    return BlockPlan("paragraph", html)


def test_the_summary_sentences_leave_the_first_paragraph_and_the_rest_stays():
    blocks = [paragraph("<p>Sciatica is pain that travels down the leg. It often eases.</p>")]

    assert body_after_lead(blocks, SUMMARY) == (0, "<p>It often eases.</p>")


def test_case_spacing_and_closing_punctuation_do_not_hide_a_repeat():
    blocks = [
        paragraph("<p>sciatica is pain that  travels down the leg</p><p>It often eases.</p>"),
    ]

    assert body_after_lead(blocks, SUMMARY) == (0, "<p>It often eases.</p>")


def test_a_paragraph_that_only_starts_like_the_summary_is_kept():
    blocks = [paragraph("<p>Sciatica is pain that travels down the leg, mostly.</p>")]

    assert body_after_lead(blocks, SUMMARY) is None


def test_a_body_that_is_only_the_summary_keeps_it():
    assert body_after_lead([paragraph(f"<p>{SUMMARY}</p>")], SUMMARY) is None


def test_a_body_opening_with_a_heading_is_left_alone():
    blocks = [
        BlockPlan("heading", {"text": "Causes", "level": "h2"}),
        paragraph(f"<p>{SUMMARY}</p>"),
    ]

    assert body_after_lead(blocks, SUMMARY) is None


def test_the_first_block_with_content_is_the_one_compared():
    blocks = [paragraph(""), paragraph(f"<p>{SUMMARY}</p>"), paragraph("<p>More.</p>")]

    assert body_after_lead(blocks, SUMMARY) == (1, "")
