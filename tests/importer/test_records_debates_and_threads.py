"""Classes seen in a radiology report, a debate record, a forum thread, a chat export, a
course page, a product's summary of characteristics and a trial's registry record: record
headers laid out in columns, section labels in capitals, a report's conclusion, speakers
named on lines of their own, a dated headline, a group's condition, and their furniture."""

from __future__ import annotations

import pytest

from back_health.importer.classify.subject import diagnosed_condition
from back_health.importer.clean import chrome_reason, clean_document
from back_health.importer.parse import parse_document
from back_health.importer.pipeline import analyse
from back_health.importer.rules import default_rules

from .documents import cleaned_text, texts_of
from .test_letters_threads_and_books import advice_level

REPORT = """\
WESTBRIDGE GENERAL HOSPITAL
Department of Imaging - Westbridge

Patient:      HALE, Simon Peter           DOB: 02/03/1968     Sex: M
Hospital No:  WB1234567                   NHS No: 943 476 5919
Examination:  MRI CERVICAL SPINE
Date of exam: 04/02/2025 09:10            Location: Scanner 1
Referrer:     Dr P Osei, Hillview Practice

CLINICAL HISTORY:
3/12 R arm pain into thumb, numbness R index finger.
?C6 radiculopathy.

FINDINGS:
C5/6: right foraminal disc protrusion narrowing the exit foramen.
Other levels unremarkable. Cord normal in signal.

CONCLUSION:
1. Right C5/6 foraminal disc protrusion compressing the exiting right C6 root.
2. No cord compression.

Report status: FINAL
"""


def _report_plan():
    return analyse(REPORT.encode(), "report.txt")


def test_a_record_header_laid_out_in_columns_is_dropped_as_form_fields():
    doc = clean_document(parse_document(REPORT, "text"))
    text = " ".join(texts_of(doc))
    for field in ("HALE", "WB1234567", "943 476 5919", "Sex: M", "Scanner 1", "Dr P Osei"):
        assert field not in text
        assert field not in doc.title
    dropped = " ".join(d.text for d in doc.dropped)
    assert "Date of exam: 04/02/2025 09:10" in dropped


def test_a_section_label_in_capitals_heads_the_lines_under_it():
    doc = clean_document(parse_document(REPORT, "text"))
    headings = [s.heading for s in doc.sections]
    assert "CLINICAL HISTORY" in headings
    assert "FINDINGS" in headings
    history = next(s for s in doc.sections if s.heading == "CLINICAL HISTORY")
    assert history.blocks[0].text.startswith("3/12 R arm pain")


def test_a_capitals_label_over_items_still_leads_its_list():
    text = (
        "Going home after neck surgery\n\nAT HOME:\n* Keep the wound dry for 5 days.\n"
        "* Walk a little more each day.\n"
    )
    doc = clean_document(parse_document(text, "text"))
    assert "AT HOME" not in [s.heading for s in doc.sections]


def test_a_report_s_numbered_conclusion_names_its_diagnosis():
    plan = _report_plan()
    title = plan.pages[0].title
    assert title.endswith("disc protrusion")
    assert "C5" not in title and "Right" not in title
    assert any(d.as_ == "subject" and "diagnosis" in d.because for d in plan.decisions)


def test_an_essay_s_conclusion_in_prose_names_no_diagnosis():
    text = (
        "# Living with a stiff back\n\nMany people live with a stiff back for years.\n\n"
        "## Conclusion\n\nA lumbar disc extrusion compressing a nerve root needs a plan, "
        "but most stiffness is not that.\n"
    )
    plan = analyse(text.encode(), "essay.md")
    assert not any("diagnosis" in d.because for d in plan.decisions if d.as_ == "subject")


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("Diagnosis: Left paracentral L5/S1 disc extrusion compressing the S1 root.", "extrusion"),
        ("Diagnosis: lumbar L4/5 disc prolapse pressing on the L5 root.", "Lumbar disc prolapse"),
    ],
)
def test_a_diagnosis_is_named_without_where_it_bulges_or_what_it_presses_on(said, name):
    found = diagnosed_condition(said, default_rules())
    assert name.lower() in found.lower()
    assert "root" not in found.lower()
    assert "paracentral" not in found.lower()


DEBATE = """\
Clinic Waiting Times: Back Pain
Volume 770: debated on Tuesday 4 February 2025
Westminster Hall

                                                                  41WH

Jane Sowerby (Kelsbury North) (LD)
I beg to move,
That this House has considered waiting times for back pain services.

A constituent of mine waited eleven months to see a physiotherapist for her sciatica.

Mark Ellison (Dunmore) (Con)
Will the hon. Lady give way?

Jane Sowerby
I will give way.

Mark Ellison
Most back pain settles within six weeks with simple painkillers and keeping active.

9.52 am

Jane Sowerby
Most does, but anyone with numbness around the bottom and trouble passing urine should call 999.
"""


def test_speakers_named_on_lines_of_their_own_are_dropped_and_what_they_say_stays():
    doc = clean_document(parse_document(DEBATE, "text"))
    headings = [s.heading for s in doc.sections]
    assert not any("Sowerby" in h or "Ellison" in h for h in headings)
    text = " ".join(texts_of(doc))
    assert "Jane Sowerby" not in text and "Mark Ellison" not in text
    assert "waited eleven months" in text
    assert "Most back pain settles within six weeks" in text
    reasons = {d.text: d.reason for d in doc.dropped}
    assert reasons["Mark Ellison"] == "speaker label"


def test_a_name_on_a_line_of_its_own_once_is_no_speaker():
    text = (
        "Back pain after a fall\n\nRuth Okonedo (Clinic Lead)\nFalls are a common cause of "
        "back pain in older people.\n\nSee your GP if the pain is no better after a week.\n"
    )
    doc = clean_document(parse_document(text, "text"))
    assert "Falls are a common cause" in " ".join(texts_of(doc))
    assert not any(d.reason == "speaker label" for d in doc.dropped)


def test_a_line_dated_under_it_makes_a_line_the_headline():
    doc = clean_document(parse_document(DEBATE, "text"))
    assert doc.title == "Clinic Waiting Times: Back Pain"


def test_a_debate_s_furniture_is_dropped():
    doc = clean_document(parse_document(DEBATE, "text"))
    text = " ".join([doc.title, *texts_of(doc), *(s.heading for s in doc.sections)])
    for furniture in ("41WH", "9.52 am", "Volume 770"):
        assert furniture not in text


def test_a_title_naming_a_group_then_its_condition_names_the_condition_in_the_group():
    text = (
        "Parcel Delivery Drivers: Back Injuries\n\nDrivers lift and twist hundreds of "
        "times a day. Back injuries are common among them, and back pain often follows.\n\n"
        "Most back pain settles with time. See a GP if it has not eased after six weeks.\n"
    )
    plan = analyse(text.encode(), "drivers.txt")
    assert plan.pages[0].title == "Back injuries in parcel delivery drivers"


def test_a_title_whose_first_part_names_a_condition_is_read_as_before():
    text = (
        "# Back pain in young fast bowlers: stress fractures\n\nYoung fast bowlers can get "
        "stress fractures in the lower back. Stress fractures need rest from bowling.\n"
    )
    plan = analyse(text.encode(), "bowlers.md")
    assert "in back pain" not in plan.pages[0].title.lower()


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Re: Lower back killing me after gigs - throne height?", "post furniture"),
        (
            "Last edited by drummer77 on Sun Feb 23, 2025 8:55 pm, edited 1 time in total.",
            "post furniture",
        ),
        ("Users browsing this forum: No registered users and 3 guests", "post furniture"),
        ("Moved from Gear Talk. Thanks, the mods.", "post furniture"),
        ("Pinned message", "chat export"),
        ("Replying to", "chat export"),
        ("End of export. 14 messages, 2 attachments not downloaded.", "chat export"),
        ("Channel topic: aches and niggles. Peer support only.", "chat export"),
        ("GG @cellocarl, you just advanced to level 5!", "chat export"),
        ("14/01/2025 19:42", "page metadata"),
        ("9.30 am", "page metadata"),
        ("Prerequisites: complete quiz 7.2 (score 3/5) to unlock this item.", "teaching furniture"),
        ("Learning outcome: explain how the ring apophysis forms.", "teaching furniture"),
        ("Quiz 7.3: Limbus check (5 questions, 2 attempts allowed)", "teaching furniture"),
        ("Page author: Dr K. Adeyemi. Last edited 4 Nov 2024.", "teaching furniture"),
        ("For the full list of excipients, see section 6.1.", "medicine leaflet"),
        ("Report any suspected adverse reactions via the Yellow Card Scheme.", "medicine leaflet"),
        ("ATC code: M02AA13.", "medicine leaflet"),
        ("6.3 Shelf life: 3 years.", "medicine leaflet"),
        ("6.5 Nature and contents of container: aluminium tube, 50 g.", "medicine leaflet"),
        ("Information provided by:", "research study"),
        ("Last Update Posted: 2025-03-04", "research study"),
        (
            "Listing a study does not mean it has been evaluated by the U.S. Federal Government.",
            "research study",
        ),
        ("Report status: FINAL", "report furniture"),
        ("GP FILING NOTE - Reviewed 20/11/2024", "report furniture"),
        ("Filed to: Investigations > Imaging.", "report furniture"),
        ("rose—", "parliamentary record"),
        ("88WH", "parliamentary record"),
        ("Volume 764: debated on Wednesday 12 March 2025", "parliamentary record"),
        (
            "The Parliamentary Under-Secretary of State for Work and Pensions (Tom Hadley)",
            "parliamentary record",
        ),
    ],
)
def test_furniture_of_threads_exports_courses_leaflets_registries_and_reports(line, reason):
    # The first reason whose patterns match is reported; some lines match two.
    assert chrome_reason(line) in (f"chrome: {reason}", "chrome: site header", "chrome: disclaimer")


@pytest.mark.parametrize(
    "line",
    [
        "Re-injury is common if you go back to heavy lifting too soon.",
        "Replying to emails at a laptop on the sofa made my back worse.",
        "The quiz at the end checks what you learned about posture.",
        "Store the gel out of the sight and reach of children.",
        "At 9.30 am the pain was at its worst, so I took two paracetamol.",
        "Ibuprofen (Nurofen) (OTC)",
    ],
)
def test_text_that_looks_like_furniture_stays(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        (
            "If back pain comes with numbness around the bottom, that is a 999 call or a "
            "trip to A&E, not something to drive through.",
            "emergency",
        ),
        ("Let your hospice nurse or GP know the same day if your pain is getting worse.", "urgent"),
        (
            "If your pain is not controlled within a few days, talk to your community "
            "palliative care nurse about a review.",
            "see_doctor",
        ),
        (
            "If back pain has not settled after two weeks, refer to a sports physician or "
            "physiotherapist for assessment.",
            "see_doctor",
        ),
        ("Check with a pharmacist if you're taking it every day.", "caution"),
        (
            "If a large amount of gel is swallowed, medical advice should be sought the same day.",
            "urgent",
        ),
        ("If symptoms persist, medical advice should be sought.", "see_doctor"),
        ("Treatment should be discontinued if a rash develops.", "caution"),
        (
            "Concurrent use with aspirin or other NSAIDs may increase the risk of undesirable "
            "effects and is not recommended.",
            "caution",
        ),
    ],
)
def test_advice_in_a_debate_a_hospice_page_a_course_and_a_product_s_summary(sentence, level):
    assert advice_level(sentence) == level


@pytest.mark.parametrize(
    "sentence",
    [
        "Ask the advice of your pharmacist.",
        "In the trial, treatment was stopped when a rash developed.",
        "Let it settle today and rest.",
        "Check the dose on the packet for your age.",
    ],
)
def test_wording_near_that_advice_is_not_read_as_more_than_it_says(sentence):
    assert advice_level(sentence) in (None, "caution")


def test_a_procedure_done_to_a_part_for_a_condition_is_the_subject_and_the_condition_a_page():
    text = (
        "# Restorative Neurostimulation of the Multifidus Muscle for Chronic Low Back Pain\n\n"
        "Restorative neurostimulation is an implanted device that stimulates the nerve to "
        "the multifidus. Restorative neurostimulation is tested here against a sham.\n\n"
        "Chronic low back pain is pain that has lasted more than three months.\n"
    )
    plan = analyse(text.encode(), "trial.md")
    assert plan.pages[0].kind == "treatment"
    assert plan.pages[0].title == "Restorative neurostimulation"
    treated = next(p for p in plan.pages if p.title == "Chronic low back pain")
    assert treated.kind == "condition"
    assert "for" in treated.reason
    assert [r.title for r in plan.pages[0].related_conditions] == ["Chronic low back pain"]


def test_a_treatment_title_without_for_makes_no_condition_page():
    text = (
        "# Co-codamol\n\nCo-codamol is a painkiller that combines codeine and paracetamol. "
        "Co-codamol can cause constipation.\n"
    )
    plan = analyse(text.encode(), "cocodamol.md")
    assert plan.pages[0].kind == "treatment"
    assert not any(p.kind == "condition" for p in plan.pages)


def test_a_medicine_in_a_form_for_the_skin_keeps_the_form_in_its_name():
    text = (
        "SUMMARY OF PRODUCT CHARACTERISTICS\n\nMovelief Ibuprofen 5% w/w Gel\n\n"
        "1. NAME OF THE MEDICINAL PRODUCT\n\nThe gel relieves backache, sprains and strains. "
        "Rub a thin layer of gel into the skin up to three times a day.\n"
    )
    plan = analyse(text.encode(), "smpc.txt")
    assert plan.pages[0].title == "Ibuprofen gel"


def test_a_causes_section_naming_its_causes_in_a_series_passes_no_cause_to_the_next():
    text = (
        "# Limbus vertebra\n\nA limbus vertebra is a small fragment of bone at the corner "
        "of a vertebra.\n\n## Who gets it?\n\nIt is linked with loading of the growing spine: "
        "gymnastics, weightlifting, rowing and wrestling.\n\n## Presentation and imaging\n\n"
        "Some athletes have low back pain when bending. An X-ray shows smooth edges.\n"
    )
    plan = analyse(text.encode(), "limbus.md")
    assert not any(p.title == "Presentation and imaging" for p in plan.pages)


def test_a_heading_on_other_treatments_of_a_kind_for_a_condition_makes_its_items_treatments():
    text = (
        "# Orphenadrine\n\nOrphenadrine is a muscle relaxant.\n\n"
        "## Other muscle relaxants for acute low back pain\n\n"
        "- Diazepam: short course only, for severe muscle spasm.\n"
        "- Methocarbamol: a short-term add-on for painful muscle spasm.\n"
        "- Evidence: a small short-term benefit, with more side effects than placebo.\n"
    )
    plan = analyse(text.encode(), "notes.md")
    written = {p.title for p in plan.pages if p.include}
    assert {"Diazepam", "Methocarbamol"} <= written
    assert "Evidence" not in {p.title for p in plan.pages}
    assert "Muscle relaxants for acute low back pain" not in {p.title for p in plan.pages}


CHANNEL = """\
# Riverside Orchestra / strings

**violaviolet** · 14/01/2025 19:42
Anyone else getting a burning knot between the shoulder blades after rehearsal?

😩 5 · 🫂 3

**cellocarl** · 14/01/2025 19:58
↪ *Replying to* **violaviolet**: Anyone else getting a burning knot
Same here, our chairs are far too soft.

👍 6

**Helen R (viola, physio)** · 14/01/2025 21:10
If upper back pain comes with chest pain or shortness of breath, call 999.
"""


def test_a_chat_export_in_markdown_keeps_what_each_message_says():
    doc = clean_document(parse_document(CHANNEL, "markdown"))
    text = " ".join(texts_of(doc))
    assert "Anyone else getting a burning knot between the shoulder blades" in text
    assert "Same here, our chairs are far too soft." in text
    for furniture in ("19:42", "violaviolet ·", "Replying to", "6", "5 ·"):
        assert furniture not in text
    assert any(d.reason == "chrome: chat export" and "19:58" in d.text for d in doc.dropped)


def test_a_dotted_date_line_or_two_in_markdown_is_no_chat_export():
    text = (
        "# Sciatica\n\n**Dr A Lee** · 14/01/2025 19:42\n\nSciatica is pain down the leg.\n\n"
        "Replying to your question: yes, walking helps.\n"
    )
    doc = clean_document(parse_document(text, "markdown"))
    assert "Replying to your question" in " ".join(texts_of(doc))


@pytest.mark.parametrize(
    "sentence",
    [
        "Codeine can cause constipation, so drink plenty of fluids.",
        "Long-term use of NSAIDs can cause stomach bleeding and kidney problems.",
        "Taking codeine for more than 3 days can lead to addiction.",
        "Dexamethasone can raise blood sugar.",
        "It can make you drowsy or dizzy.",
        "Diazepam can cause dependence.",
    ],
)
def test_a_side_effect_of_a_medicine_or_treatment_is_a_caution(sentence):
    assert advice_level(sentence) == "caution"


@pytest.mark.parametrize(
    "sentence",
    [
        "Long-lasting shoulder blade pain can lead to tension headaches and poor sleep.",
        "Neck problems can also cause headaches.",
        "A fall can cause another fracture.",
        "It often causes stiffness that is worst first thing in the morning.",
    ],
)
def test_what_a_condition_brings_on_is_no_side_effect(sentence):
    assert advice_level(sentence) is None


def test_a_caution_leaning_on_a_side_effect_in_an_item_joins_its_box():
    text = (
        "# Cervical stenosis\n\nCervical stenosis is a narrowing of the spinal canal in the "
        "neck.\n\n## Treatment\n\n- Physiotherapy: exercises for the neck.\n"
        "- Medicines for nerve pain, such as gabapentin, calm irritated nerves. They can make "
        "you drowsy or dizzy. Do not drive if they affect you in this way.\n"
    )
    plan = analyse(text.encode(), "stenosis.md")
    boxes = [
        w["text"]
        for page in plan.pages
        for b in page.blocks
        if b.type == "warning"
        for w in [b.value]
    ]
    assert any("drowsy or dizzy" in t and "Do not drive" in t for t in boxes)


RST_PAGE = """\
.. meta::
   :description: Back pain in a pain crisis

.. |unit| replace:: Haematology Day Unit
.. |phone| replace:: 0161 555 0142

.. _crisis-back-pain:

##################################
Back pain in sickle cell disease
##################################

:Leaflet ref: HAEM-SC-017
:Version: 4.0

.. contents:: On this page
   :local:

Why it happens
==============

In a pain crisis, sickled cells block small vessels in the bone marrow of the spine.
See :ref:`your pain plan <pain-plan>` and :doc:`/haematology/hydroxycarbamide`.

.. warning::

   Call 999 if you have chest pain or new weakness in your legs.

.. toctree::
   :hidden:

   travel-and-sickle-cell

Ring the |unit| on |phone| the same day if your pain is not controlled.
"""


def test_a_restructuredtext_source_reads_as_the_page_it_builds():
    doc = clean_document(parse_document(RST_PAGE, "text"))
    assert doc.title == "Back pain in sickle cell disease"
    assert "Why it happens" in [s.heading for s in doc.sections]
    text = " ".join(texts_of(doc))
    assert "See your pain plan and hydroxycarbamide." in text
    assert "Ring the Haematology Day Unit on 0161 555 0142 the same day" in text
    assert "Warning: Call 999 if you have chest pain" in text
    for markup in ("..", "|unit|", ":ref:", "HAEM-SC-017", "toctree", "travel-and-sickle"):
        assert markup not in text
    assert any(d.reason == "chrome: markup" and "toctree" in d.text for d in doc.dropped)


def test_a_text_with_a_line_or_two_starting_with_dots_is_no_restructuredtext():
    text = "Back pain\n\n.. and then it eased.\n\nRest for a day, then walk a little.\n"
    doc = clean_document(parse_document(text, "text"))
    assert ".. and then it eased." in " ".join(texts_of(doc))


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Next >", "navigation"),
        ("« Previous post", "navigation"),
        ("[New search]", "page tools"),
        ("[Printable PDF version]", "page tools"),
        ("Cite as: [2024] EWHC 2291 (KB)", "legal claims"),
        ("Neutral Citation Number: [2024] EWHC 2291 (KB)", "legal claims"),
        ("Hearing dates: 15-17 July 2024", "legal claims"),
        ("Mr T. Wyatt (instructed by Marlow Booth LLP) for the Claimant", "legal claims"),
        ("URL: http://www.example.org/cases/2024/2291.html", "page metadata"),
        ("Please use this identifier to cite or link to this item:", "library furniture"),
        ("Page view(s): 418 · Download(s): 133", "library furniture"),
        ("View Statistics", "library furniture"),
        ("Appears in Collections: Masters Theses", "library furniture"),
        ("Items in Eastmoor Repository are protected by copyright.", "library furniture"),
        ("Osei_2023_MSc.pdf", "download link"),
        ("+ Follow", "social media"),
        ("Like · Reply · 9 Reactions", "social media"),
        ("Exported from medsocial.uk with threadreader 0.9 · 8 posts", "chat export"),
        ("CONFIDENTIAL - contains patient identifiable information.", "report furniture"),
        ("Patient signature: [signed electronically]", "report furniture"),
        ("Page generated from source HAEM-SC-017.rst · Sphinx 7.2.6", "page metadata"),
    ],
)
def test_furniture_of_judgments_repositories_posts_records_and_built_pages(line, reason):
    assert chrome_reason(line) in (f"chrome: {reason}", "chrome: site header", "chrome: copyright")


@pytest.mark.parametrize(
    "line",
    [
        "Next, lie on your back with your knees bent.",
        "Follow the plan your physio gave you.",
        "Like many people, I ignored it at first.",
        "The report.pdf your GP sent says the disc is bulging.",
    ],
)
def test_sentences_near_that_furniture_stay(line):
    assert chrome_reason(line) == ""


def test_a_label_over_short_fields_in_a_definition_list_gives_each_field_alone():
    html = (
        "<html><body><article><h1>Neck injuries in judo</h1><dl><dt>Details</dt>"
        "<dd>Written by Marion Okafor</dd><dd>Category: Health &amp; Safety</dd>"
        "<dd>Published: 09 September 2024</dd><dd>Hits: 2318</dd></dl>"
        "<p>A neck sprain is a stretch injury of the neck's soft tissues. Most settle in a "
        "few weeks with gentle movement.</p></article></body></html>"
    )
    text = cleaned_text(html, "html")
    assert "Hits" not in text and "Written by" not in text
    assert "A neck sprain is a stretch injury" in text


def test_a_judgment_s_finding_of_an_injury_to_a_part_names_it():
    found = diagnosed_condition(
        "Both experts agree that the Claimant suffered a soft tissue injury to the lumbar "
        "spine. An MRI scan showed disc disease.",
        default_rules(),
    )
    assert found.lower() == "soft tissue injury to the lumbar spine"


def test_a_site_s_name_before_a_colon_is_no_subject():
    html = (
        "<html><head><title>Eastmoor Research Repository: Schoolbag load in pupils</title>"
        "</head><body><main><p>This thesis measured schoolbag load in pupils aged 11 to 14."
        " Pupils carried bags of up to a fifth of their body weight.</p></main></body></html>"
    )
    plan = analyse(html.encode(), "item.html")
    assert "repository" not in plan.pages[0].title.lower()


def test_a_999_job_the_same_night_is_an_emergency():
    sentence = (
        "Numbness around your bottom, or losing control of your bladder, is an A&E job the "
        "same night."
    )
    assert advice_level(sentence) == "emergency"


def test_a_heading_listing_its_topics_up_to_when_to_get_help_is_no_warning():
    text = (
        "# Looking after your back in early years\n\n"
        "### Back pain in nursery staff: causes, prevention and when to get help\n\n"
        "Staff INSET day · Physio-led session · 45 minutes\n\n## When to get help\n\n"
        "Call 999 if you have numbness around your bottom.\n"
    )
    plan = analyse(text.encode(), "deck.md")
    boxes = [b.value for p in plan.pages for b in p.blocks if b.type == "warning"]
    assert boxes and all("INSET" not in box["text"] for box in boxes)
    assert any("999" in box["text"] or "999" in box["heading"] for box in boxes)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[New search] [Printable PDF version] [Help]", "page tools"),
        (
            "URL: http://www.example.org/2024/2291.html Cite as: [2024] EWHC 2291 (KB)",
            "page metadata",
        ),
    ],
)
def test_a_row_of_bracketed_links_and_a_citation_line_are_furniture(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


def test_a_line_of_numbered_references_is_no_row_of_links():
    assert chrome_reason("[1] Smith J. Back pain. [2] Jones K.") == ""


def test_a_product_of_two_medicines_with_strengths_names_the_combination():
    text = (
        "# Ibuprofen 200 mg / Codeine 12.8 mg Tablets (24)\n\nThese tablets combine "
        "ibuprofen and codeine for short-term pain. Do not take them for more than 3 days.\n"
    )
    plan = analyse(text.encode(), "product.md")
    assert plan.pages[0].title == "Ibuprofen and codeine"
    assert plan.pages[0].kind == "treatment"


def test_what_a_pain_really_is_in_a_title_is_the_subject():
    text = (
        "# Ep. 87: When back pain is really endometriosis, with Dr Hana Okoye\n\n"
        "Endometriosis can cause low back pain that comes and goes with periods. Back pain "
        "that follows the cycle is worth mentioning to your GP. Endometriosis is common.\n"
    )
    plan = analyse(text.encode(), "episode.md")
    assert plan.pages[0].title == "Endometriosis"


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("Gabapentin can very rarely cause breathing problems, which can be serious.", "caution"),
        (
            "Like any spinal surgery it carries risks, including infection and nerve damage.",
            "caution",
        ),
        ("Codeine passes into breast milk and must not be taken while breastfeeding.", "caution"),
        ("She must go straight to A&E and not wait for her flight.", "emergency"),
    ],
)
def test_rare_side_effects_risks_including_a_group_s_ban_and_advice_reported_of_her(
    sentence, level
):
    assert advice_level(sentence) == level


def test_the_harm_behind_advice_against_a_treatment_stays_text():
    text = (
        "# Chronic low back pain\n\nChronic low back pain lasts more than three months.\n\n"
        "## Medicines\n\nOpioids are not recommended for chronic low back pain. They work no "
        "better than other painkillers and carry risks, including addiction and overdose.\n"
    )
    plan = analyse(text.encode(), "clbp.md")
    boxes = [b.value["text"] for p in plan.pages for b in p.blocks if b.type == "warning"]
    assert not any("addiction" in box for box in boxes)


def test_a_questionnaire_form_with_notes_keeps_its_notes_and_drops_its_choices():
    notes = " ".join(
        f"<p class='note'>Note {n}: check with a pharmacist before taking this alongside "
        "other medicines, because some of them interact with codeine.</p>"
        for n in range(1, 5)
    )
    html = (
        "<html><body><main><h1>Ibuprofen and codeine tablets</h1><p>Answer a few questions "
        "so our pharmacist can check the tablets are safe for you.</p><form>"
        "<fieldset><legend>1. Are you pregnant or breastfeeding?</legend>"
        "<label><input type='radio' name='q1'> Yes</label>"
        "<label><input type='radio' name='q1'> No</label>"
        f"{notes}<div class='alert'><p>Call 999 or go to A&amp;E if you have numbness "
        "around your bottom or cannot control your bladder.</p></div></fieldset>"
        "<button>Continue</button></form></main></body></html>"
    )
    text = cleaned_text(html, "html")
    assert "Call 999 or go to A&E" in text
    assert "Note 3: check with a pharmacist" in text
    assert " Yes " not in f" {text} " and "Continue" not in text


def test_a_quiz_or_a_search_form_still_goes_whole():
    html = (
        "<html><body><main><h1>Back sprain</h1><p>Back sprains are common in care work and "
        "usually settle in a few weeks.</p><form class='quiz'><p>1. Which is the most common "
        "cause?</p><ul><li>a) One heavy lift</li><li>b) Stooping</li></ul>"
        "<button>Check answers</button></form><form role='search'><input name='q'>"
        "</form></main></body></html>"
    )
    text = cleaned_text(html, "html")
    assert "Which is the most common cause" not in text and "One heavy lift" not in text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Thank you for your request received on 3 April 2025.", "letter header"),
        ("We can confirm that the Trust holds this information.", "letter header"),
        (
            "If you are unhappy with our response, you may ask for an internal review within "
            "40 working days.",
            "letter header",
        ),
        (
            "Information released under the Act may be published in our disclosure log.",
            "letter header",
        ),
        ("Report via the Yellow Card website or search for MHRA Yellow Card.", "medicine leaflet"),
        ("Drug Safety Update volume 18, issue 3: October 2024: 2.", "medicine leaflet"),
        ("See top donations", "page metadata"),
        ("Created 3 March 2025", "page metadata"),
        ("Save and continue later", "form furniture"),
        ("Read by K. Osei (Care Navigator) 08:03", "form furniture"),
        ("Assigned to: Duty doctor list", "form furniture"),
        ("Patient consented to SMS reply: Yes", "form furniture"),
    ],
)
def test_furniture_of_information_requests_alerts_appeals_and_online_forms(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


@pytest.mark.parametrize(
    "line",
    [
        "Thank you for your help with my back.",
        "We can confirm that the trust holds a waiting list for this operation.",
        "Created a plan with my physio.",
        "See all donations from the club below to help.",
    ],
)
def test_sentences_near_letter_and_form_furniture_stay(line):
    assert chrome_reason(line) == ""


def test_a_repository_s_abstract_in_a_metadata_cell_is_kept_and_its_labels_go():
    abstract = (
        "Background: Low back pain is common in secondary school pupils. Heavy schoolbags "
        "are often blamed. Methods: we weighed the bags of 612 pupils and asked about back "
        "pain in the past month. Results: pupils carrying more than 15% of their body weight "
        "reported more back pain."
    )
    html = (
        "<html><head><title>Eastmoor Research Repository: Schoolbag load</title></head><body>"
        "<main><table class='itemDisplayTable'><tr><th>DC Field</th><th>Value</th></tr>"
        "<tr><td class='metadataFieldLabel'>dc.contributor.author</td>"
        "<td class='metadataFieldValue'>Osei, Kwabena</td></tr>"
        "<tr><td class='metadataFieldLabel'>dc.description.abstract</td>"
        f"<td class='metadataFieldValue'>{abstract}</td></tr></table></main></body></html>"
    )
    text = cleaned_text(html, "html")
    assert "Heavy schoolbags are often blamed." in text
    assert "Osei, Kwabena" not in text and "dc.contributor.author" not in text


SOP = """\
STANDARD OPERATING PROCEDURE

1. PURPOSE
This procedure sets out how staff lift safely and what to do after a back injury.

5. BACK INJURY - FIRST AID
5.1 If someone feels sudden back pain while lifting, they must stop the task straight
away and must not finish the lift.
5.3 Call 999 immediately if the injured person has numbness around the bottom or
cannot control their bladder.
5.6 If the pain is severe, arrange for them to go to the minor injuries unit the same
day or call 111.
"""


def test_a_procedure_s_numbered_section_gives_a_heading_and_a_paragraph_per_part():
    doc = clean_document(parse_document(SOP, "text"))
    section = next(s for s in doc.sections if s.heading == "BACK INJURY - FIRST AID")
    texts = [b.text for b in section.blocks]
    assert texts[0].startswith("If someone feels sudden back pain while lifting")
    assert any(t.startswith("Call 999 immediately") for t in texts)
    assert not any(t.startswith("5.") for t in texts)


def test_each_numbered_part_gets_its_own_severity():
    plan = analyse(SOP.encode(), "sop.txt")
    levels = {
        b.value["severity"]
        for p in plan.pages
        for b in p.blocks
        if b.type == "warning" and "minor injuries unit" in b.value["text"]
    }
    assert levels == {"urgent"}


def test_a_numbered_section_with_lettered_items_keeps_its_items():
    text = (
        "Warm-up\n\n4. WARM-UP\n4.1 Before each shift:\na) Standing back extension: 5 "
        "repetitions\nb) Side bends: 5 each side\n"
    )
    doc = clean_document(parse_document(text, "text"))
    assert any(hasattr(b, "items") and len(b.items) == 2 for s in doc.sections for b in s.blocks)
