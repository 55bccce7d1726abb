"""Site chrome around an article (header bars, calls to action, page tools, CMS metadata,
contents lists, copyright, share prompts, cookie banners) is recognised by general
wording rules in data/chrome.json, while advice that uses the same words is kept."""

from __future__ import annotations

import pytest

from back_health.importer.clean import chrome_reason, clean_document, heading_chrome_reason
from back_health.importer.parse import parse_document


@pytest.mark.parametrize(
    "text",
    [
        "Emergency? Call an Ambulance 999 | Clinic line 020 7946 0000",
        "0800 123 4567",
        "Book online today and get 10% off your first visit.",
        "Book your visit",
        "Looking for the best neurologist in Leeds? We can help.",
        "Top chiropractor in Manchester",
        "Call us today to arrange an assessment.",
        "Print | Email a friend | Text size",
        "Email this page to a friend",
        "Last modified by: admin on 3 May 2024",
        "Page views: 1,204",
        "Reading time 4 min",
        "Table of contents",
        "On this page",
        "© 2024 Spine Clinic Ltd. All rights reserved.",
        "Share this article",
        "We use cookies to improve your experience.",
        "Print this page | Email a friend | Text size: A A+ A++",
        "Posted on 14 March 2025 by Sam | 8 comments",
        "Posted in Uncategorised. Tags: posture. Comments are closed.",
        "Review date: May 2027.",
        "Leaflet reference: ABC-12.",
        "If you need this leaflet in large print, please ask a member of staff.",
    ],
)
def test_site_chrome_is_recognised(text):
    assert chrome_reason(text).startswith("chrome: ")


@pytest.mark.parametrize(
    "text",
    [
        "Call 999 or go to A&E if you have numbness around your bottom.",
        "Call an ambulance if someone has a neck injury and cannot move their legs.",
        "Book a review with your GP if the pain has not improved after 2 weeks.",
        "Contents of the spinal canal can be compressed by a bulging disc.",
        "Share your worries with your physiotherapist: fear of movement slows recovery.",
        "Printing at a desk for hours can strain the neck.",
        "The best exercise for back pain is the one you keep doing.",
        "Modified exercises suit people with osteoporosis.",
        "Most people recover within 6 weeks; about 1 in 10 have pain for longer.",
    ],
)
def test_advice_using_the_same_words_is_kept(text):
    assert chrome_reason(text) == ""


def test_chrome_after_another_sentence_of_a_short_paragraph_drops_the_paragraph():
    html = (
        "<html><body><h1>Naproxen</h1>"
        "<p>Notes for patients. Reviewed by the pharmacy team.</p>"
        "<p>Naproxen is an anti-inflammatory painkiller taken with food.</p></body></html>"
    )
    doc = clean_document(parse_document(html, "html"))
    texts = [block.text for _, block in doc.iter_blocks()]
    assert texts == ["Naproxen is an anti-inflammatory painkiller taken with food."]


def test_page_tools_and_tabs_are_dropped_by_their_class():
    html = (
        '<html><body><ul class="tabs"><li><a href="#">Doctors &amp; departments</a></li></ul>'
        '<div class="page-tools"><a href="#">Print</a></div><h1>Sciatica</h1>'
        "<p>Sciatica is pain caused by pressure on the sciatic nerve.</p></body></html>"
    )
    doc = clean_document(parse_document(html, "html"))
    texts = [block.text for _, block in doc.iter_blocks()]
    assert texts == ["Sciatica is pain caused by pressure on the sciatic nerve."]


def test_contents_and_tools_headings_drop_their_section():
    assert heading_chrome_reason("Table of contents")
    assert heading_chrome_reason("Share this page")
    assert not heading_chrome_reason("Treatment")


def test_a_header_bar_never_becomes_the_summary_or_a_warning():
    html = (
        "<html><body><div>Emergency? Call an Ambulance 999 | Clinic line 020 7946 0000</div>"
        "<h1>Sciatica</h1><p>Table of contents</p>"
        "<p>Sciatica is pain caused by pressure on the sciatic nerve.</p>"
        "<p>Print | Email a friend | Text size</p><p>Page views: 1,204</p>"
        "<p>© 2024 Spine Clinic Ltd. All rights reserved.</p></body></html>"
    )
    doc = clean_document(parse_document(html, "html"))
    texts = [block.text for _, block in doc.iter_blocks()]
    assert texts == ["Sciatica is pain caused by pressure on the sciatic nerve."]
    assert any("Call an Ambulance" in dropped.text for dropped in doc.dropped)
