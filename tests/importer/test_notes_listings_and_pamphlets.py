"""Classes seen in a carer's notes, a marketplace listing, a symptom checker's results,
an old typed pamphlet, a parish newsletter, a ticket export and a talk board: whose notes
a title names first, the product a listing sells, old wording of where to get help, and
their furniture."""

from __future__ import annotations

import pytest

from back_health.importer.clean import chrome_reason, clean_document
from back_health.importer.dose import parse_dose
from back_health.importer.names import check_name
from back_health.importer.ocr import ocr_fixes
from back_health.importer.parse import parse_document
from back_health.importer.pipeline import analyse
from back_health.importer.rules import default_rules
from back_health.importer.severity import advice_of, severity_of

from .documents import cleaned_text, texts_of, warnings_of
from .test_clean import needs_lexicon


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("Mum – spine fracture (T12) notes", "Spine fracture"),
        ("Dad - sciatica diary", "Sciatica"),
        ("My husband: slipped disc notes", "Slipped disc"),
        ("Spinal stenosis clinic + walking plan", "Spinal stenosis"),
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
    boxes = [w["text"] for w in warnings_of(plan)]
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


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("More than 10 available · 1,284 sold", "shop furniture"),
        ("47 people are watching this.", "shop furniture"),
        ("30 days return. Buyer pays for return postage.", "shop furniture"),
        ("PayPal · Visa · Mastercard · Klarna", "shop furniture"),
        ("99.2% positive feedback", "shop furniture"),
        ("Item location: Leeds, United Kingdom", "shop furniture"),
        ("Any questions please message us, we reply within 24 hours.", "shop furniture"),
        ("[Watch thread]", "talk furniture"),
        ("Add a message to this thread", "talk furniture"),
        ("Tue 11-Mar-25 21:14:02", "talk furniture"),
        ("Place marking, same boat at 30 weeks.", "talk furniture"),
        ("Please read our Talk Guidelines.", "talk furniture"),
        ("ParentsTalk does not check the qualifications of anyone posting.", "talk furniture"),
        ("Shared with: Sam (view only) · Last synced 03/02/2025 08:16", "page metadata"),
        ("Change answers", "page metadata"),
        ("Saturday, June 14 · 10am - 12pm BST", "page metadata"),
        ("Sales end soon", "shop furniture"),
        ("Only 4 left", "shop furniture"),
        ("Refunds up to 7 days before event.", "shop furniture"),
        ("2 hours · In person · Mobile eTicket", "shop furniture"),
        ("Show map", "page tools"),
        ("Exported from the Pulse app (v4.12.1) on 10/03/2025 07:42.", "page metadata"),
        ("Data may be incomplete if your tracker did not sync.", "page metadata"),
        ("(▲ 18% vs last week)", "page metadata"),
        ("Pulse coaching doesn't replace medical advice.", "disclaimer"),
        ("AI-generated content may be inaccurate or misleading.", "disclaimer"),
        ("Meeting summary with AI Companion", "disclaimer"),
        ("Links shared in chat", "talk furniture"),
        ("**[00:56:40] Host:** Thanks everyone, that's time.", "talk furniture"),
        ("By Core Steady Physiotherapy 1.2k followers Follow", "social media"),
        ("Feedback survey (2 minutes): https://forms.example/dn-0212", "feedback"),
        ("Device: Pulse Charge 6", "page metadata"),
        ("Linked: Meds log 2025 · GP letters", "related posts"),
        ("This information is for educational purposes only.", "disclaimer"),
        ("Consult a medical professional if you have a health concern.", "disclaimer"),
        ("Anyone else had sciatica for months? : r/backpain", "social media"),
    ],
)
def test_listing_event_talk_board_app_and_note_furniture_is_chrome(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


@pytest.mark.parametrize(
    "line",
    [
        "Most people with back pain are watching for signs that it is getting worse.",
        "New research shows that walking helps.",
        "Saturday is the best day for a long walk.",
        "Only 1 in 10 people need surgery.",
        "Exercise does not replace your medicines.",
        "See your GP if you have any concerns about your back.",
    ],
)
def test_sentences_about_care_are_no_listing_furniture(line):
    assert not chrome_reason(line)


def test_a_sellers_title_names_the_product_before_its_selling_words_and_sizes():
    page = (
        "<html><head><title>Lumbar Support Back Brace Breathable Adjustable Lower Back"
        " Belt S-XXL | shopsite</title></head><body><h1>Lumbar Support Back Brace"
        " Breathable Adjustable Lower Back Belt S-XXL</h1><p>This brace supports your lower"
        " back while you stay active. Wear it for a few hours at a time, not all day.</p>"
        "<p>If your back pain is no better after 4 weeks, see a GP or physiotherapist.</p>"
        "</body></html>"
    )
    plan = analyse(page.encode(), "listing.html")
    assert plan.main_page.title == "Lumbar support back brace"
    assert not any("S-XXL" in name for name in plan.main_page.alternate_names)


TICKET = """\
# [CONT-41] Patient page: Neck sprain

| Field | Value |
|---|---|
| Project | Content Design (CONT) |
| Issue Type | Story |
| Status | IN REVIEW |
| Priority | Medium |
| Sprint | Content Sprint 12 |
| Created | 04/Feb/25 10:12 AM |

## Draft

A neck sprain is a stretched or torn ligament in the neck. It usually gets better
within a few weeks.

| Medicine | How to take it |
|---|---|
| Paracetamol | Two 500 mg tablets up to four times a day |
| Ibuprofen | One 400 mg tablet three times a day with food |
"""


def test_a_table_of_a_tickets_fields_is_dropped_and_a_table_of_medicines_kept():
    doc = clean_document(parse_document(TICKET, "markdown"))
    text = " ".join(texts_of(doc))
    for field in ("IN REVIEW", "Content Sprint 12", "Content Design (CONT)"):
        assert field not in text
    assert "Two 500 mg tablets up to four times a day" in text
    assert any("IN REVIEW" in d.text and d.reason == "chrome: page metadata" for d in doc.dropped)


def test_a_parish_newsletters_services_notices_rotas_and_prayers_are_chrome():
    page = (
        "<html><body><h1>The Messenger – April</h1><h2>Service times</h2>"
        "<p>9.30am Parish Eucharist</p><h2>Notices</h2><p>The hall roof is fixed!</p>"
        "<h2>Rotas for April</h2><table><tr><td>Sidesperson</td><td>J. Amos</td></tr></table>"
        "<h2>Health Corner: Sciatica</h2><p>Sciatica is pain that travels down the leg from"
        " the lower back. It usually gets better within six weeks.</p><h2>Prayer requests"
        "</h2><p>Please pray for Ann, recovering from her operation.</p></body></html>"
    )
    text = cleaned_text(page, "html")
    for notice in ("Parish Eucharist", "hall roof", "Sidesperson", "Please pray for Ann"):
        assert notice not in text
    assert "Sciatica is pain that travels down the leg" in text


def test_a_referral_line_is_no_subject_and_an_untitled_subject_takes_no_title_parts():
    text = (
        "Physio – first visit (low back + left leg)\n\n"
        "Referral from Dr Patel (GP). Your scan shows a disc prolapse pressing on a nerve"
        " root, which causes your sciatica.\n\nMost disc prolapses settle by themselves"
        " within 3 months. Keep walking and do your exercises.\n"
    )
    plan = analyse(text.encode(), "visit.txt")
    assert plan.main_page.title == "Disc prolapse"
    assert "Low back + left leg" not in plan.main_page.alternate_names


@pytest.mark.parametrize(
    ("item", "level"),
    [
        ("Numb saddle area or can't pee → 999 or A&E, don't wait", "emergency"),
        ("Leg getting weaker → phone the clinic nurse line or 111 same day", "urgent"),
        ("Walking distance getting shorter over 3 months → back to GP", "see_doctor"),
    ],
)
def test_a_symptom_then_an_arrow_to_where_to_go_is_advice_of_its_severity(item, level):
    found = advice_of(item, default_rules())
    assert found is not None and found.level == level


def test_items_opening_a_list_under_a_heading_that_asks_for_help_take_its_severity():
    text = (
        "# Back pain diary\n\nMy lower back has been sore since the move.\n\n"
        "## Talk to a doctor if…\n\n"
        "- your back pain hasn't improved after 4 weeks of self-care\n"
        "- you have a high temperature with your back pain – get same-day advice from"
        " your GP or 111\n"
        "- you can't control your bladder or bowels – call 999 now\n"
    )
    plan = analyse(text.encode(), "diary.md")
    levels = {
        item: b.value["severity"]
        for b in plan.main_page.blocks
        if b.type == "warning"
        for item in b.value["items"]
    }
    assert levels["your back pain hasn't improved after 4 weeks of self-care"] == "see_doctor"
    assert levels["you can't control your bladder or bowels – call 999 now"] == "emergency"


@pytest.mark.parametrize("name", ["Naproxen ↔ Sertraline", "Codeine <-> Sertraline"])
def test_two_medicines_joined_by_a_sign_are_a_pair_not_a_name(name):
    assert check_name(name, default_rules()).name == ""
    assert check_name("Co-codamol", default_rules()).name == "Co-codamol"


@pytest.mark.parametrize(
    ("text", "repetitions"),
    [
        ("Shoulder rolls: 10 backwards.", 10),
        ("Shoulder circles: 8 forwards, then 8 backwards.", 8),
        ("Ankle circles: 5 clockwise.", 5),
    ],
)
def test_a_count_of_moves_told_by_their_direction_is_the_repetitions(text, repetitions):
    assert parse_dose(text)["repetitions"] == repetitions


def test_a_self_care_item_saying_a_medicine_does_not_suit_everyone_then_whom_to_ask_is_a_caution():
    text = (
        "# Lower back pain\n\nMost back pain gets better within a few weeks.\n\n"
        "## What you can do now\n\n"
        "- Keep moving. Short walks help you recover faster.\n"
        "- Ibuprofen is not suitable for everyone. Check with a pharmacist first if you have"
        " asthma or a stomach ulcer.\n"
    )
    plan = analyse(text.encode(), "selfcare.md")
    items = [item for w in warnings_of(plan) if w["severity"] == "caution" for item in w["items"]]
    assert any(item.startswith("Ibuprofen is not suitable for everyone.") for item in items)


def test_a_question_naming_who_the_advice_is_for_goes_with_the_advice_after_it():
    text = (
        "Your back\n=========\n\nYour back pain should ease over the next few weeks.\n\n"
        "When to get help\n----------------\n\n"
        "If things are not improving in 6 weeks, please contact the clinic. Feverish and"
        " unwell with the pain? Call 111 or your GP today.\n"
    )
    plan = analyse(text.encode(), "letter.txt")
    urgent = [w["text"] for w in warnings_of(plan) if w["severity"] == "urgent"]
    assert any("Feverish and unwell with the pain? Call 111" in box for box in urgent)


@pytest.mark.parametrize(
    "sentence",
    [
        "Gels can help for a week or two, but with asthma ask a pharmacist before using"
        " ibuprofen, even as a gel.",
        "Rest for a day or two and see a GP or physio if the soreness has not eased after a week.",
    ],
)
def test_an_instruction_after_a_conjunction_speaks_to_the_reader(sentence):
    assert advice_of(sentence, default_rules()) is not None


def test_a_notes_apps_resource_link_leaves_no_identifier():
    text = (
        "# Spinal stenosis\n\nMy MRI shows narrowing at L4/5, see [[MRI report]](:/9b07e1c4d2a34f8e"
        "8e51c0a7f3d6b219). Walking eases when I lean forward.\n"
    )
    doc = clean_document(parse_document(text, "markdown"))
    assert "9b07e1c4" not in " ".join(texts_of(doc))
