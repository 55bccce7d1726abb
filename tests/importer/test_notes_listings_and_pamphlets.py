"""Classes seen in a carer's notes, a marketplace listing, a symptom checker's results,
an old typed pamphlet, a parish newsletter, a ticket export and a talk board: whose notes
a title names first, the product a listing sells, old wording of where to get help, and
their furniture."""

from __future__ import annotations

import pytest

from back_health.importer.pipeline import analyse


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("Mum – spine fracture (T12) notes", "Spine fracture"),
        ("Dad - sciatica diary", "Sciatica"),
        ("My husband: slipped disc notes", "Slipped disc"),
    ],
)
def test_a_title_naming_whose_notes_first_is_about_the_condition_after(title, subject):
    text = (
        f"# {title}\n\nHe felt a sharp pain in his back lifting a box. The doctor said it"
        " should settle in a few weeks.\n\n## Medicines\n\nParacetamol four times a day.\n"
    )
    plan = analyse(text.encode(), "notes.md")
    assert plan.main_page.title == subject
    assert not any(
        name.lower() in ("mum", "dad", "my husband", "husband")
        for name in plan.main_page.alternate_names
    )
