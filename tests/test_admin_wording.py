"""Report codes in words on the admin screens: flags, dropped parts, medicines."""

import pytest
from django.template import Context, Template
from django.utils import translation

from back_health.views.wording import (
    describe_dropped,
    describe_flag,
    medicine_label,
    visible_flags,
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_a_foreign_passage_names_its_language_not_its_code():
    words = describe_flag({"kind": "non_english", "language": "ru", "text": "Привет"})
    assert "Russian" in words["message"]
    assert "ru)" not in words["message"] and "non_english" not in words["message"]
    assert words["advice"] and words["quote"] == "Привет"


def test_every_known_flag_has_a_message_and_advice_without_its_code():
    for kind in (
        "thin_page",
        "non_english",
        "other_language",
        "truncated",
        "no_title",
        "table_cut",
    ):
        words = describe_flag({"kind": kind, "text": "Something", "language": "de"})
        assert words["message"] and words["advice"]
        assert kind not in words["message"] + words["advice"]


def test_an_unknown_flag_still_reads_as_words():
    words = describe_flag({"kind": "odd_layout", "text": "x"})
    assert "odd layout" in words["message"] and "odd_layout" not in words["message"]


def test_no_thin_page_flag_for_an_existing_page_that_is_only_linked_to():
    article = {
        "pages": [
            {"title": "Massage", "action": "link", "id": 7},
            {"title": "Cupping", "action": "create"},
        ],
        "flags": [
            {"kind": "thin_page", "text": "Massage", "language": ""},
            {"kind": "thin_page", "text": "Cupping", "language": ""},
        ],
    }
    messages = [flag["message"] for flag in visible_flags(article)]
    assert len(messages) == 1 and "Cupping" in messages[0]


def test_a_medicine_without_brands_has_no_empty_brackets():
    assert medicine_label({"generic": "paracetamol", "brands": []}) == "paracetamol"
    assert medicine_label({"generic": "paracetamol", "brands": [""]}) == "paracetamol"
    assert medicine_label({"generic": "ibuprofen", "brands": ["Nurofen"]}) == (
        "ibuprofen (Nurofen)"
    )


def test_dropped_site_furniture_is_described():
    words = describe_dropped({"reason": "chrome: share buttons", "text": "Share"})
    assert words["reason"] == "site furniture (share buttons)"


def test_the_full_report_shows_neither_codes_nor_empty_brackets():
    report = {
        "articles": [
            {
                "title": "Headache",
                "source": {"name": "a.md", "format": "markdown", "bytes": 10},
                "pages": [
                    {
                        "action": "create",
                        "kind": "treatment",
                        "title": "Paracetamol",
                        "medicines": [{"generic": "paracetamol", "brands": []}],
                        "blocks": [],
                        "relations": {},
                    }
                ],
                "flags": [{"kind": "non_english", "language": "ru", "text": "Да"}],
                "dropped": [],
            }
        ]
    }
    html = Template(
        '{% include "back_health/admin/includes/report.html" with report=report %}'
    ).render(Context({"report": report}))
    assert "paracetamol ()" not in html
    assert "non_english" not in html and "(ru)" not in html
    assert "Russian" in html
