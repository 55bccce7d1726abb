"""Classes of failure in where a subject, its causes and their headings are found.

Each test names a class, on short articles written for it: a title that is only a genre
label over the line that names the subject, a circumstance joined by "or", a diagnosis
given as "a condition called X", a pain's title named without the part of the back the
text leaves out, cause headings in everyday words, accordion toggles over the headings
of their panels, and a cue word that is a noun after its adjective.
"""

from importlib.util import find_spec

import pytest

from back_health.importer.plan import Kind
from tests.importer.test_classify_classes import plan_of, written

needs_lexicon = pytest.mark.skipif(
    find_spec("lemminflect") is None, reason="needs the nlp extra's lexicon (lemminflect)"
)


def main_causes(plan) -> set[str]:
    """The titles of the causes the main page relates to."""
    return {relation.title for relation in plan.main_page.causes}


@pytest.mark.parametrize(
    ("label", "line"),
    [
        ("Discharge instructions", "Wound infection after hip replacement"),
        ("Information for parents", "Scheuermann's disease in teenagers"),
    ],
)
def test_a_line_under_a_genre_label_title_names_the_subject(label, line):
    condition = line.split(" after ")[0].split(" in ")[0]
    html = (
        f"<html><head><title>{label}</title></head><body><h1>{label}</h1><p>{line}</p>"
        "<h2>Why you are reading this</h2>"
        f"<p>You were seen in clinic today. {condition} was found, and the {condition.lower()}"
        " can take some weeks to settle. Most people do well.</p>"
        "<h2>Your medicines</h2><p>Take paracetamol regularly.</p></body></html>"
    )
    assert plan_of(html, "leaflet.html").main_page.title == line


def test_a_long_first_sentence_under_the_title_is_no_subtitle():
    text = (
        "# Sciatica\n\nSome people feel a numb patch on the foot as well as leg pain, and"
        " it can last weeks.\n\n## Causes\n\nA slipped disc is the usual cause.\n"
    )
    assert plan_of(text).main_page.title == "Sciatica"


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("Back pain when coughing or sneezing", "Back pain when coughing or sneezing"),
        ("Neck pain after sleeping or sitting", "Neck pain after sleeping or sitting"),
    ],
)
def test_an_or_within_when_it_hurts_joins_one_circumstance(title, subject):
    text = (
        f"# {title}\n\nA sudden catch in the back is common and usually settles in a few"
        " weeks.\n\n## Common causes\n\n### Pulled muscle\n\nA strained muscle catches when"
        " you move.\n"
    )
    assert plan_of(text).main_page.title == subject


def test_a_choice_between_two_conditions_still_gives_both():
    text = (
        "# Sciatica or piriformis syndrome?\n\nPiriformis syndrome is a condition where a"
        " buttock muscle presses on the sciatic nerve. Piriformis syndrome is less common"
        " than sciatica from a disc. Piriformis syndrome eases with stretching.\n"
    )
    assert plan_of(text).main_page.title == "Piriformis syndrome"


@pytest.mark.parametrize(
    "sentence",
    [
        "What you describe sounds very like a rare condition called occipital neuralgia.",
        "This sounds like a well-recognised disorder known as occipital neuralgia.",
    ],
)
def test_a_diagnosis_given_as_what_a_condition_is_called_is_the_subject(sentence):
    text = (
        "# ASK THE DOCTOR: 'Why do I get a stabbing pain when I turn my head?'\n\n"
        "> *For a year I have had a stabbing pain at the back of my head when I turn."
        " Should I worry?*\n\n"
        f"{sentence} The nerve at the back of the head is irritated. Attacks are brief.\n\n"
        "A physiotherapist can help. If it lasts more than a few minutes, call 111.\n"
    )
    plan = plan_of(text)
    assert plan.main_page.title == "Occipital neuralgia"
    assert "Stabbing pain" not in written(plan)


def test_a_pain_title_counts_the_text_naming_it_without_the_part_of_the_back():
    # The text says "back pain" where the title says "low back pain"; a condition named
    # as one of its causes, however often, does not outweigh the title.
    text = (
        "<html><head><title>Low back pain in rowers</title></head><body>"
        "<h1>Low back pain in rowers</h1>"
        "<p>Rowing puts the back through thousands of bends a session, and back pain is"
        " common in rowers. Most back pain settles with a change in training.</p>"
        "<h2>Why rowers get back pain</h2>"
        "<h3>Rib stress fracture</h3><p>A rib stress fracture gives pain on one side. A"
        " stress fracture needs rest from the boat.</p>"
        "<h3>Muscle strain</h3><p>A strained muscle settles in a few weeks.</p>"
        "<p>Back pain that lasts past two weeks needs a physio. A stress fracture shows on"
        " a scan, and a stress fracture heals in six to eight weeks.</p>"
        "</body></html>"
    )
    assert plan_of(text, "rowing.html").main_page.title == "Low back pain in rowers"


@pytest.mark.parametrize(
    "heading",
    [
        "The usual suspects",
        "What could it be?",
        "What's usually going on?",
        "What overloads it?",
        "Who gets it?",
        "Which people get it?",
    ],
)
def test_everyday_cause_headings_head_the_causes(heading):
    text = (
        "# Lower back pain on one side\n\nOne-sided back pain is common and mostly"
        f" comes from muscles and joints.\n\n## {heading}\n\n### Quadratus lumborum strain"
        "\n\nThe muscle beside the spine is strained by reaching and twisting.\n\n"
        "### Facet joint irritation\n\nThe small joints at the back of the spine get stiff"
        " and sore.\n"
    )
    assert {"Quadratus lumborum strain", "Facet joint irritation"} <= main_causes(plan_of(text))


def test_an_accordion_toggle_heads_the_headings_of_its_panel():
    html = (
        "<html><head><title>Back pain when lifting</title></head><body>"
        "<h1>Back pain when lifting</h1><p>Lifting is a common way to hurt your back, and"
        " the pain usually eases within weeks.</p>"
        '<button class="accordion-toggle" aria-expanded="false">Common causes</button>'
        '<div class="accordion-panel" hidden>'
        "<h3>Pulled back muscle</h3><p>A strained muscle feels tight and sore.</p>"
        "<h3>Chest infection</h3><p>Weeks of coughing can make the back ache.</p>"
        "</div>"
        '<button class="accordion-toggle" aria-expanded="false">When to get help</button>'
        '<div class="accordion-panel" hidden><p>Call 999 if you cannot pee.</p></div>'
        "</body></html>"
    )
    assert {"Pulled back muscle", "Chest infection"} <= main_causes(plan_of(html, "page.html"))


@needs_lexicon
def test_a_cue_word_after_a_determiner_and_its_adjective_is_a_noun():
    text = (
        "# Back pain when laughing\n\nA sharp catch in the back when you laugh is common"
        " and usually settles.\n\n## Common causes\n\n### Pulled muscle\n\nA strained"
        " muscle feels tight and sore.\n\n### Chest infection\n\nA chest infection or flu"
        " can leave you coughing for weeks. The repeated strain can make your back and ribs"
        " ache.\n"
    )
    plan = plan_of(text)
    causes = main_causes(plan)
    assert causes == {"Pulled muscle", "Chest infection"}
    assert not {p.title for p in plan.pages if p.kind == Kind.CAUSE} - causes


def test_a_heading_naming_two_conditions_under_causes_gives_both():
    text = (
        "# Back pain in brittle bone disease\n\nBack pain is common in brittle bone disease"
        " and has several causes.\n\n## Why the back hurts\n\n### Scoliosis and kyphosis\n\n"
        "A sideways curve or a forward rounding of the upper back puts strain on the"
        " muscles.\n\n### Loose joints and weak muscles\n\nBendy joints tire quickly.\n"
    )
    plan = plan_of(text)
    assert {"Scoliosis", "Kyphosis", "Loose joints and weak muscles"} <= main_causes(plan)
    assert "Scoliosis and kyphosis" not in {p.title for p in plan.pages}


def test_what_we_suggest_leads_advice_not_more_causes():
    text = (
        "# Back pain after long journeys\n\nLong trips are hard on the back.\n\n"
        "## Why journeys hurt\n\n- Sitting still for hours. Seats let your back slump.\n"
        "- Heaving suitcases. A twist under load strains a muscle.\n\n"
        "What we suggest:\n\n- Use a lumbar roll in the small of your back.\n"
        "- A heat patch on the drive home eases stiff muscles.\n"
    )
    plan = plan_of(text)
    causes = {p.title for p in plan.pages if p.kind == Kind.CAUSE}
    assert {"Sitting still for hours", "Heaving suitcases"} <= causes
    assert not causes & {"Heat patch", "Lumbar roll"}


def test_what_slows_healing_is_no_treatment_and_a_scan_in_a_treatments_list_is_a_test():
    text = (
        "# Wound infection after spinal surgery\n\nA wound infection after surgery is"
        " treated with antibiotics.\n\n## Treatment\n\n- Antibiotics for four weeks, taken"
        " on an empty stomach\n- An MRI scan to look for a collection of pus\n\n"
        "Smoking slows wound and bone healing. A vacuum dressing helps the wound close.\n"
    )
    plan = plan_of(text)
    treatments = {p.title for p in plan.pages if p.kind == Kind.TREATMENT}
    assert "Smoking" not in treatments
    assert not any("MRI" in title for title in treatments)


def test_a_risk_opening_a_paragraph_goes_in_the_box_of_the_action_after_it():
    text = (
        "# Back pain after travelling\n\nLong journeys stiffen the back.\n\n"
        "## When to get help\n\nIf your back still hurts after two weeks, see your GP.\n\n"
        "A painful, swollen calf after a long journey could be a blood clot. Call 111 or"
        " see a doctor the same day.\n"
    )
    plan = plan_of(text)
    boxes = {
        b.value["severity"]: b.value["text"] for b in plan.main_page.blocks if b.type == "warning"
    }
    assert "swollen calf" in boxes["urgent"]
    assert "swollen calf" not in boxes["see_doctor"]


@pytest.mark.parametrize(
    "heading", ["Frequently asked questions", "Sleeping positions after a lock"]
)
def test_a_title_asking_what_is_going_on_makes_no_heading_a_cause(heading):
    text = (
        "# Locked back? What's really going on with a facet joint lock\n\nA facet joint"
        " lock is a small joint at the back of the spine jammed at the end of its range.\n\n"
        "## Why does it happen?\n\nA sudden bend with a twist is the usual culprit.\n\n"
        "## How we treat it\n\nGentle mobilisation eases the joint.\n\n"
        f"## {heading}\n\n### Is it a slipped disc?\n\nNo, it is a joint that locks.\n"
    )
    plan = plan_of(text)
    assert heading not in {p.title for p in plan.pages}


def test_a_specific_structure_is_no_cause():
    text = (
        "# Why do rowers get low back pain?\n\nMost rowers' back pain is mechanical.\n\n"
        "## What's going on?\n\nLess often the pain comes from a specific structure. Tight"
        " hamstrings make it worse.\n"
    )
    plan = plan_of(text)
    names = {p.title for p in plan.pages if p.kind == Kind.CAUSE}
    assert "Specific structure" not in names


def test_a_clinic_letter_s_first_listed_diagnosis_is_the_subject():
    text = (
        "Spinal Assessment Clinic\nRiverside Hospital\n\nDear Mrs Jones,\n\nThank you for"
        " coming to the clinic.\n\nDiagnoses\n  1. Lumbar canal stenosis, moderate, at L4/5\n"
        "  2. Type 2 diabetes\n\nPlan\n  - Physiotherapy for six weeks\n  - Review in clinic\n"
    )
    plan = plan_of(text, "letter.txt")
    assert plan.main_page.title == "Lumbar canal stenosis"
    assert "Diagnoses" not in {p.title for p in plan.pages}


@pytest.mark.parametrize(
    ("sentence", "condition"),
    [
        ("I believe you have diabetic amyotrophy.", "Diabetic amyotrophy"),
        ("We think this is dural ectasia.", "Dural ectasia"),
    ],
)
def test_what_the_clinician_believes_the_patient_has_is_the_diagnosis(sentence, condition):
    text = (
        "Spinal Assessment Clinic\nRiverside Hospital\n\nDear Mr Holloway,\n\nThank you for"
        f" coming to see me. Your scan shows some wear, but nothing presses on a nerve.\n\n"
        f"{sentence} It often settles over months. Your leg pain should ease.\n"
    )
    assert plan_of(text, "letter.txt").main_page.title == condition


def test_a_question_after_a_column_s_label_asks_about_the_treatment():
    html = (
        "<html><head><title>Ask the pharmacist: Is diclofenac gel good for back pain?"
        "</title></head><body><h1>Ask the pharmacist: Is diclofenac gel good for back pain?"
        "</h1><p>Diclofenac gel is an anti-inflammatory gel you rub into the skin. It can"
        " ease a sore back for a few days.</p><p>Back pain usually settles on its own.</p>"
        "</body></html>"
    )
    plan = plan_of(html, "ask.html")
    assert plan.main_page.title == "Diclofenac gel"
    assert plan.main_page.kind == Kind.TREATMENT


def test_who_gets_it_and_why_makes_no_cause_of_each_line_under_it():
    text = (
        "# Spinal dural fistula\n\nA spinal dural fistula is an abnormal link between an"
        " artery and a vein in the covering of the spinal cord.\n\n## Who gets it and why"
        "\n\n- Mostly men in their fifties and sixties.\n- The fistula is thought to be"
        " acquired, but the trigger is usually unknown.\n"
    )
    plan = plan_of(text)
    assert not {p.title for p in plan.pages if p.kind == Kind.CAUSE} & {"Fistula", "Mostly men"}


def test_a_condition_named_only_as_a_condition_is_no_cause():
    text = (
        "# Neuromuscular scoliosis\n\nNeuromuscular scoliosis is a sideways curve of the"
        " spine caused by a condition that affects the nerves or muscles.\n\n## Which"
        " children get it?\n\n- **Cerebral palsy** - most common in children who cannot"
        " walk.\n- **Spina bifida** - especially when the opening is high up.\n"
    )
    plan = plan_of(text)
    assert {"Cerebral palsy", "Spina bifida"} <= main_causes(plan)
    assert "Condition" not in {p.title for p in plan.pages}
