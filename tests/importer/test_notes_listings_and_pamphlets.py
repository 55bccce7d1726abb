"""Classes seen in a carer's notes, a marketplace listing, a symptom checker's results,
an old typed pamphlet, a parish newsletter, a ticket export and a talk board: whose notes
a title names first, the product a listing sells, old wording of where to get help, and
their furniture."""

from __future__ import annotations

import pytest

from back_health.importer.clean import clean_document
from back_health.importer.ocr import ocr_fixes
from back_health.importer.parse import parse_document
from back_health.importer.pipeline import analyse
from back_health.importer.rules import default_rules
from back_health.importer.severity import severity_of

from .documents import texts_of
from .test_clean import needs_lexicon


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


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("If your foot or leg becomes weak, send for your doctor the same day.", "urgent"),
        ("If you cannot pass water, go to the Casualty Department at once.", "emergency"),
        ("If you get a painful red eye, go to eye casualty the same day.", "urgent"),
    ],
)
def test_old_wording_of_where_to_get_help_gives_its_severity(sentence, level):
    found = severity_of(sentence, default_rules())
    assert found is not None and found.level == level


TYPED_PAMPHLET = """\
NORTHSHIRE HEALTH AUTHORITY                          Leaflet No. 9

                    THE "TRAPPED NERVE"

Your doctor has told you that the pain in your leg is due to a trapped nerve
in your back. This leaflet explains what you can do to help yourself.

WHAT HAPPENS

A disc in your back bulges and presses on a nerve, so that pain is felt down
the back of the leg. This is called sciatica.
                                                      - 1 -
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
WHEN TO SEND FOR YOUR DOCTOR

If your foot becomes weak, send for your doctor the same day.
                                                      - 2 -
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
CARE 0F YOUR BACK

Always bend your knees, not your back, when you lift. Do not wear high heels.
Do not take more than eight tablets in a day.

   lssued by the Northshire Health Authority, 1977.
   Printed in England for H.M. Stationery Office.
                                                      - 3 -
"""


def test_a_typed_pamphlets_page_numbers_rules_and_imprint_are_dropped():
    doc = clean_document(parse_document(TYPED_PAMPHLET, "text"))
    text = " ".join(texts_of(doc))
    for furniture in ("- 1 -", "~~~", "Stationery Office", "Northshire Health Authority, 1977"):
        assert furniture not in text
    reasons = {d.text: d.reason for d in doc.dropped}
    assert reasons["- 2 -"] == "chrome: page number"
    assert not any(f.kind == "non_english" for f in doc.flags)


def test_a_quoted_popular_name_in_a_title_is_the_subject_without_its_marks():
    plan = analyse(TYPED_PAMPHLET.encode(), "pamphlet.txt")
    assert plan.main_page.title == "Trapped nerve"


def test_advice_on_keeping_well_stays_text_and_a_dose_limit_is_boxed():
    plan = analyse(TYPED_PAMPHLET.encode(), "pamphlet.txt")
    boxes = [b.value["text"] for p in plan.pages for b in p.blocks if b.type == "warning"]
    assert not any("high heels" in box for box in boxes)
    assert any("eight tablets" in box for box in boxes)
    assert any("send for your doctor the same day" in box for box in boxes)


@needs_lexicon
def test_a_zero_in_a_short_capital_word_and_a_small_l_for_a_capital_i_are_put_back():
    fixes = ocr_fixes(["CARE 0F YOUR BACK", "lssued by the authority, 1ike jelly"])
    assert fixes["0F"] == "OF"
    assert fixes["lssued"] == "Issued"
    assert "L1" not in fixes and "T12" not in fixes


def test_never_doing_something_you_are_likely_to_be_hurt_by_is_a_caution():
    sentence = "Never try to catch a falling resident: you are very likely to injure your back."
    assert default_rules().cue("caution_harm", sentence)
