"""Treatments, medicines, devices and exercises as articles state them, each class of
wording specified on a few lines written for the test.

A treatment the text says something about gets a page; one it only names, gives as an
example or advises against stays text (a suggestion at most); exercises keep their names
and doses however the dose is worded.
"""

from importlib.util import find_spec

import pytest

from back_health.importer.dose import read_dose
from back_health.importer.names import check_name
from back_health.importer.plan import Action, Kind
from back_health.importer.rules import default_rules
from back_health.imports.service import analyse

from .documents import exercises_of


def plan_of(text, name="article.md"):
    return analyse(text.encode(), name)


def written(plan, kind=Kind.TREATMENT):
    return {
        p.title
        for p in plan.pages
        if p.include and p.action != Action.SUGGEST and (kind is None or p.kind == kind)
    }


def page_titled(plan, title):
    return next(p for p in plan.pages if p.title == title)


def article(*paragraphs, title="Thoracic back pain"):
    intro = "Thoracic back pain is pain felt between the shoulder blades."
    return "\n\n".join([f"# {title}", intro, *paragraphs]) + "\n"


# -- treatments stated in prose ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "treatment"),
    [
        ("If the pain lasts, a nerve block may be offered by the pain clinic.", "Nerve block"),
        ("Hydrotherapy in a warm pool eases stiffness for many people.", "Hydrotherapy"),
        ("Staying active within your limits helps the back recover sooner.", "Staying active"),
        (
            "An operation to free the trapped nerve, called a laminectomy, is an option "
            "when the pain lasts.",
            "Laminectomy",
        ),
        ("Paracetamol (Tylenol) is a good first choice for the pain.", "Paracetamol"),
        ("Diazepam is then prescribed for a few nights when spasms are bad.", "Diazepam"),
        ("Treatment is with antibiotics, first into a vein and then as tablets.", "Antibiotics"),
        ("Most people are treated with several weeks of antibiotics.", "Antibiotics"),
        (
            "1.2.3 Consider manual therapy (spinal manipulation or massage) alongside exercise.",
            "Manual therapy",
        ),
        ("Offer hydrotherapy to people who find land exercise too painful.", "Hydrotherapy"),
        (
            "For pain that is not settling, a nerve block may give relief for some weeks.",
            "Nerve block",
        ),
        ("The standard operation is a laminectomy.", "Laminectomy"),
        (
            "Then I may recommend adding a spinal fusion, in which screws hold the bones together.",
            "Spinal fusion",
        ),
        (
            "A course of hydrotherapy focusing on gentle stretching exercises, balance and"
            " walking in water helps many patients.",
            "Hydrotherapy",
        ),
        # How it is given or what it involves, after its name.
        (
            "Radiofrequency denervation is done under a local anaesthetic.",
            "Radiofrequency ablation",
        ),
        ("Acupuncture is often tried when exercise alone has not helped.", "Acupuncture"),
        ("A TENS machine works by sending small electrical pulses through the skin.", "TENS"),
        # Referred for it: offered.
        (
            "If the pain carries on, you may be referred to a pain clinic for a nerve block.",
            "Nerve block",
        ),
        # Offered to the reader, said in the passive.
        (
            "If the pain carries on, you may then be offered a facet joint injection.",
            "Facet joint injections",
        ),
    ],
)
def test_a_treatment_that_is_the_subject_of_what_it_does_is_written(sentence, treatment):
    plan = plan_of(article(sentence))

    assert treatment in written(plan)


def test_what_a_treatment_consists_of_is_not_what_the_sentence_describes():
    plan = plan_of(
        article(
            "A course of hydrotherapy focusing on gentle stretching exercises helps many"
            " patients to walk further, as the warm water takes weight off the joints."
        )
    )
    assert "Hydrotherapy" in written(plan)
    assert "Stretching exercises" not in written(plan)


def test_a_treatment_it_is_compared_with_is_not_what_the_sentence_describes():
    plan = plan_of(
        article(
            "Nerve pain medicines such as amitriptyline work differently from ordinary"
            " painkillers: they calm irritated nerves rather than reduce inflammation."
        )
    )
    assert "Painkillers" not in written(plan)


def test_the_one_treatment_offered_is_written_and_its_examples_are_not():
    plan = plan_of(
        article(
            "Muscle spasm can be treated with muscle relaxants such as diazepam for a few days."
        )
    )

    assert "Muscle relaxants" in written(plan)
    assert "Diazepam" not in written(plan)


def test_examples_joined_by_or_are_all_examples():
    plan = plan_of(article("Painkillers like paracetamol or ibuprofen can be taken for the pain."))

    assert "Painkillers" in written(plan)
    assert not {"Paracetamol", "Ibuprofen"} & written(plan)


def test_a_list_of_options_in_one_sentence_describes_none_of_them():
    plan = plan_of(article("Options include pilates and yoga."))

    assert not {"Pilates", "Yoga"} & written(plan)


@pytest.mark.parametrize(
    ("sentence", "treatment"),
    [
        ("If painkillers do not help, see your GP again.", "Painkillers"),
        (
            "A physiotherapist gives you exercises to strengthen the muscles that support "
            "your back.",
            "Exercise",
        ),
        ("It is for people whose pain does not improve after surgery.", "Surgery"),
    ],
)
def test_a_treatment_that_is_not_the_subject_is_not_described(sentence, treatment):
    plan = plan_of(article(sentence))

    assert treatment not in written(plan)


def test_a_class_of_medicine_keeps_the_name_the_article_gives_it():
    plan = plan_of(
        article(
            "Anti-inflammatory painkillers such as naproxen reduce the swelling around the"
            " irritated joints and ease the pain for a week or two."
        )
    )

    page = page_titled(plan, "Anti-inflammatory drugs")
    assert page.title in written(plan)
    assert "Anti-inflammatory painkillers" in page.alternate_names


@pytest.mark.parametrize(
    ("sentence", "title", "wording"),
    [
        ("Physical therapy helps you get moving again.", "Physiotherapy", "Physical therapy"),
        ("A heat pack relaxes the tight muscle.", "Heat therapy", "Heat pack"),
    ],
)
def test_a_vocabulary_term_keeps_the_articles_own_wording_as_another_name(sentence, title, wording):
    page = page_titled(plan_of(article(sentence)), title)
    assert wording in page.alternate_names


def test_a_wording_ending_like_a_practitioner_is_still_another_name():
    from back_health.importer.classify.entities import wording_of
    from back_health.importer.plan import Kind, PagePlan
    from back_health.importer.rules import default_rules

    page = PagePlan(kind=Kind.TREATMENT, title="Painkillers")
    assert wording_of("pain relievers", page, default_rules()) == "Pain relievers"
    assert wording_of("spinal surgeons", page, default_rules()) == ""
    # A therapist names the therapy they give: the page's own title, or another name.
    physio = PagePlan(kind=Kind.TREATMENT, title="Physiotherapy")
    assert wording_of("physiotherapist", physio, default_rules()) == ""
    assert wording_of("physical therapist", physio, default_rules()) == "Physical therapy"


def test_a_practitioner_is_not_another_name_of_the_treatment():
    page = page_titled(
        plan_of(article("A physiotherapist helps you get moving again.")), "Physiotherapy"
    )
    assert not any("physiotherapist" in name.lower() for name in page.alternate_names)


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "Anti-inflammatory painkillers such as ibuprofen may help with the ache.",
            "Anti-inflammatory drugs",
        ),
        ("Paracetamol, ibuprofen gel or a heat pack wrapped in a towel can help.", "Paracetamol"),
        (
            "Paracetamol and anti-inflammatories such as ibuprofen or diclofenac can help for"
            " short periods.",
            "Paracetamol",
        ),
        ("A hot water bottle wrapped in a towel can relax tight muscles.", "Heat therapy"),
        ("Ibuprofen can ease the pain for a day or two.", "Ibuprofen"),
        ("Paracetamol can take the edge off the pain at night.", "Paracetamol"),
    ],
)
def test_a_short_claim_that_a_treatment_may_help_is_only_a_mention(sentence, title):
    plan = plan_of(article(sentence))
    page = page_titled(plan, title)
    assert page.action == "suggest"
    assert sentence.split()[2] in str(plan.main_page.blocks)


@pytest.mark.parametrize(
    "item",
    [
        "Hydrotherapy, including exercises in warm water to strengthen the muscles that"
        " support the spine",
        "Anti-inflammatory gel you can buy from a pharmacy",
        "Nerve root injections in the back to relieve leg pain",
    ],
)
def test_a_list_item_whose_verb_belongs_to_a_relative_or_purpose_clause_is_a_mention(item):
    plan = plan_of(article("## Treatment", "- Physiotherapy helps most people", f"- {item}"))

    assert written(plan) == {"Physiotherapy"}
    assert item.split()[0].lower() in str(plan.main_page.blocks).lower()


@pytest.mark.parametrize(
    ("item", "title"),
    [
        ("Hydrotherapy in a warm pool can ease stiff joints", "Hydrotherapy"),
        ("Acupuncture, which we offer on Tuesdays, may help some people", "Acupuncture"),
    ],
)
def test_a_list_item_whose_own_verb_says_what_the_treatment_does_is_written(item, title):
    plan = plan_of(article("## Treatment", "- Physiotherapy helps most people", f"- {item}"))

    assert title in written(plan)


# -- advised against ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "item",
    [
        "Collars are sometimes worn, but the benefit is small, so they are rarely advised",
        "Magnetic therapy is best avoided",
        "Laser therapy: we do not offer it, and there is little evidence for it",
    ],
)
def test_a_list_item_advised_against_in_any_clause_about_it_is_not_a_page(item):
    plan = plan_of(article("## Treatment", "- Physiotherapy helps most people", f"- {item}"))

    assert "Physiotherapy" in written(plan)
    assert written(plan) == {"Physiotherapy"}


@pytest.mark.parametrize(
    "item",
    [
        "Do not wear a soft collar. A collar holds the neck still.",
        "Don't sleep in a brace: it weakens the muscles that hold you up.",
        "Never use a TENS machine. It is sold for back pain.",
    ],
)
def test_a_list_item_telling_the_reader_not_to_use_a_treatment_is_not_a_page(item):
    plan = plan_of(article("## Treatment", "- Physiotherapy helps most people", f"- {item}"))

    assert written(plan) == {"Physiotherapy"}


@pytest.mark.parametrize(
    "item",
    [
        "Don't rely on ibuprofen alone. It eases swelling and pain while you keep moving.",
        "Never take ibuprofen with other anti-inflammatories. It eases swelling and pain.",
    ],
)
def test_a_caution_on_how_to_take_a_treatment_is_no_advice_against_it(item):
    plan = plan_of(article("## Treatment", "- Physiotherapy helps most people", f"- {item}"))

    assert "Ibuprofen" in written(plan)


@pytest.mark.parametrize(
    "heading",
    ["### ❌ Not recommended", "### What doesn't help", "### Treatments we do not offer"],
)
def test_what_a_section_advising_against_treatments_names_is_no_page(heading):
    plan = plan_of(
        article(
            "## Treatment",
            "- **Physiotherapy**: graded exercise to keep the back moving.",
            heading,
            "- Surgery to free the nerve: the benefit is short-lived. We do not refer for it.",
            "- Acupuncture: the trials show no lasting change.",
        )
    )
    page = page_titled(plan, "Thoracic back pain")
    text = " ".join(str(block.value) for block in page.blocks)

    assert written(plan) == {"Physiotherapy"}
    assert "Surgery to free the nerve" in text  # kept as text, not lost


def test_a_heading_that_only_ends_in_help_still_heads_treatments():
    plan = plan_of(article("## What else helps", "- Acupuncture eases the ache for some people."))

    assert "Acupuncture" in written(plan)


@pytest.mark.parametrize("heading", ["When surgery is considered", "Surgery is only offered"])
def test_a_heading_saying_when_a_treatment_is_used_heads_that_treatment(heading):
    plan = plan_of(article(f"## {heading}", "It frees the trapped nerve in most people."))

    assert "Surgery" in written(plan)


@pytest.mark.parametrize(
    ("heading", "item", "title"),
    [
        *(
            (heading, "Laminoplasty: the surgeon hinges the bony arches open.", "Laminoplasty")
            for heading in ("The operations we offer", "Surgical options", "Mx", "Tx:")
        ),
        *(
            (heading, "Hydrotherapy: exercises in a warm pool ease stiff joints.", "Hydrotherapy")
            for heading in (
                "How we help with back pain",
                "How to fix it",
                "What can be done?",
                "PLAN",
            )
        ),
    ],
)
def test_headings_on_operations_on_how_it_is_helped_or_a_notes_plan_head_treatments(
    heading, item, title
):
    plan = plan_of(article(f"## {heading}", f"- {item}"))

    assert page_titled(plan, title).kind == Kind.TREATMENT


def test_a_sentence_calling_it_the_most_useful_fix_names_the_treatment():
    plan = plan_of(
        article(
            "## Getting better",
            "Strength training is the most useful long-term fix: two short sessions a week "
            "make the back far more tolerant of load.",
        )
    )

    assert "Strength training" in written(plan)


def test_a_label_telling_the_reader_to_skip_something_is_no_treatment():
    plan = plan_of(
        article(
            "## How to fix it",
            "**Skip the gadget.** Save your money on that inversion table: there is no good "
            "evidence it helps.",
        )
    )

    assert {p.title for p in plan.pages} == {"Thoracic back pain"}


def test_a_verbs_form_before_can_is_the_end_of_the_treatments_name():
    plan = plan_of(
        article(
            "## Treatment",
            "A soft lumbar support can help for a short spell, but wearing a corset long "
            "term weakens the muscles.",
        )
    )

    assert "Soft lumbar" not in {p.title for p in plan.pages}


@pytest.mark.parametrize(
    ("sentence", "fragment"),
    [
        ("Short, frequent walks help the disc recover within weeks.", "Short"),
        ("A sports dietitian can check that you are eating enough to heal.", "Sports dietitian"),
    ],
)
def test_a_subject_cut_at_an_adjectives_comma_or_naming_who_gives_care_is_no_page(
    sentence, fragment
):
    plan = plan_of(article("## Treatment", sentence))

    assert fragment not in {p.title for p in plan.pages}


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Will I need a brace?", "Back brace"),
        ("Is surgery an option?", "Surgery"),
        ("Can physiotherapy help?", "Physiotherapy"),
        # What it helps with is the page's subject.
        ("Can a chiropractor help with thoracic back pain?", "Chiropractic"),
        ("Will physiotherapy help with my pain?", "Physiotherapy"),
    ],
)
def test_a_question_heading_about_a_treatment_heads_that_treatment(heading, title):
    plan = plan_of(
        article(
            f"## {heading}",
            "Some people are offered it for a few weeks while the bone heals, and most "
            "find they can move more easily afterwards.",
        )
    )

    assert title in written(plan)


@pytest.mark.parametrize(
    ("heading", "answer"),
    [
        (
            "Do steroid injections help?",
            "Steroid injections are not used for this in young people.",
        ),
        ("Will I need surgery?", "Rarely. Most people recover with rest and exercises."),
        ("Can I still exercise?", "Yes. Walking and swimming are usually fine."),
    ],
)
def test_a_question_answered_no_or_about_doing_something_heads_no_treatment(heading, answer):
    plan = plan_of(article(f"## {heading}", answer))

    assert written(plan) == set()


def test_a_heading_before_an_operation_does_not_head_treatments():
    plan = plan_of(article("## Before your operation", "- Bring your walking aids with you."))

    assert "Walking aids" not in {p.title for p in plan.pages}


@pytest.mark.parametrize(
    ("item", "title"),
    [
        ("Open anterior lumbar interbody fusion", "Spinal fusion"),
        ("Minimally invasive tubular lumbar microdiscectomy", "Discectomy"),
    ],
)
def test_a_list_items_longer_name_for_a_term_is_kept_as_another_name(item, title):
    plan = plan_of(
        article(
            "## Treatment",
            f"- {item}: the surgeon works through a small cut and most people go home "
            "the next day.",
        )
    )

    assert item in page_titled(plan, title).alternate_names


# -- devices and procedures ------------------------------------------------------------


def test_a_heading_naming_a_device_is_that_devices_page():
    plan = plan_of(
        article(
            "## Posture corrector brace",
            "A posture corrector brace pulls the shoulders back while you sit at a desk.",
        )
    )

    assert "Posture corrector brace" in written(plan)


def test_a_heading_that_only_ends_in_a_common_word_is_not_a_device():
    plan = plan_of(
        article("## Emotional support", "Talking to friends and family can make pain easier.")
    )

    assert "Emotional support" not in written(plan)


@pytest.mark.parametrize(
    "sentence",
    [
        "Surgery is almost never needed for this fracture.",
        "Surgery is needed only if pus collects and presses on the nerves.",
        "Surgery, such as a discectomy, should be a last resort.",
        "Surgery is only considered for a very small number of people.",
    ],
)
def test_a_treatment_said_to_be_needed_only_rarely_is_no_written_page(sentence):
    plan = plan_of(article("## Treatment", sentence))

    assert "Surgery" not in written(plan)


@pytest.mark.parametrize(
    "sentence",
    [
        "A rigid brace is not recommended for thoracic back pain.",
        "\"A rigid brace supports the upper back for weeks, and that isn't something I'd"
        ' recommend," says our physio.',
        "I wouldn't recommend a rigid brace even though it supports the upper back for weeks.",
        "We no longer offer a rigid brace even though it supports the upper back for weeks.",
        "A rigid brace supports the upper back and makes the pain last longer.",
    ],
)
def test_a_device_advised_against_is_not_a_page(sentence):
    plan = plan_of(article("## Treatment", sentence))

    assert not written(plan)


def test_a_leaflet_about_a_procedure_has_that_treatment_as_its_main_page():
    plan = plan_of(
        "# Radiofrequency ablation\n\nRadiofrequency ablation uses heat to switch off the "
        "small nerves that carry pain from a facet joint.\n"
    )

    assert plan.main_page.kind == Kind.TREATMENT
    assert plan.main_page.treatment_kind == "procedure"


@pytest.mark.parametrize("joined", ["and", "&"])
def test_a_title_joining_two_treatments_is_about_the_first_and_names_the_second(joined):
    plan = plan_of(
        f"# Epidural injections {joined} nerve root blocks\n\nThis leaflet explains both.\n\n"
        "## What happens\n\nA nerve root block numbs one nerve for a few hours.\n"
    )

    assert plan.main_page.kind == Kind.TREATMENT
    assert plan.main_page.title == "Epidural injections"
    assert "Nerve root blocks" in written(plan)


def test_one_operation_named_by_its_two_steps_stays_one_subject():
    plan = plan_of("# Anterior cervical discectomy and fusion\n\nThe operation frees a nerve.\n")

    assert plan.main_page.title == "Anterior cervical discectomy and fusion"


def test_a_label_over_dosed_exercises_under_a_treatments_heading_is_no_treatment():
    plan = plan_of(
        article(
            "## What to do about it\n\nCut your mileage for a week.\n\n"
            "### Strength (every other day)\n\n1. **Clamshells**: lift the top knee."
            " 3 sets of 15 each side.\n2. **Glute bridges**: lift your hips. 3 sets of 12.\n"
        )
    )
    assert not any(title.startswith("Strength") for title in written(plan))
    assert {e["name"] for e in exercises_of(plan)} >= {"Clamshells", "Glute bridges"}


# -- medicines ------------------------------------------------------------------------------


def test_a_combination_product_the_vocabulary_does_not_know_is_kept_as_a_medicine():
    # An invented brand: the shipped vocabulary knows the real combination products.
    plan = plan_of(article("Dolorex Duo contains ibuprofen with codeine."))

    page = page_titled(plan, "Dolorex duo")
    assert page.treatment_kind == "medicine"
    assert page.medicines[0].generic == "ibuprofen with codeine"
    assert page.title in written(plan)


def test_a_pronoun_before_contains_is_not_a_product():
    plan = plan_of(article("It contains ibuprofen and codeine."))

    assert not any(p.title.lower() == "it" for p in plan.pages)


# -- the article's own exercises and general words --------------------------------------


def test_the_exercises_below_name_the_list_not_the_treatment():
    plan = plan_of(
        article(
            "The exercises below strengthen the muscles of the upper back.",
            "1. **Wall angels** - slide your arms up the wall. Repeat 10 times.",
            "2. **Chin tucks** - draw your chin back. Hold for 5 seconds, 10 times.",
        )
    )

    assert [e["name"] for e in exercises_of(plan)] == ["Wall angels", "Chin tucks"]
    assert "Exercise" not in written(plan)


def test_a_general_word_in_a_treatments_own_section_is_part_of_that_treatment():
    plan = plan_of(
        article(
            "## Physiotherapy",
            "Exercises to build strength in the upper back help most people and are the "
            "first thing a physiotherapist teaches.",
        )
    )

    assert "Physiotherapy" in written(plan)
    assert "Exercise" not in written(plan)


def test_a_bold_labelled_item_with_its_text_after_a_comma_is_written():
    plan = plan_of(
        article("## Treatment", "- **Dry needling**, using fine needles in tight muscle bands")
    )

    assert "Dry needling" in written(plan)


def test_medicines_given_as_examples_in_a_labelled_item_are_not_the_item():
    plan = plan_of(
        article(
            "## Treatment",
            "- **Pain relief** such as naproxen or diclofenac for a week when the ache is"
            " bad.\n- **Heat**. A warm pack on the lower back eases the spasm.",
        )
    )

    assert "Naproxen" not in written(plan)
    assert "Diclofenac" not in written(plan)
    text = " ".join(str(block.value) for block in page_titled(plan, "Pain relief").blocks)
    assert "Pain relief such as naproxen" in text  # a sentence, never "such as ..."


def test_a_bold_name_that_begins_its_sentence_stays_in_the_text_of_its_page():
    plan = plan_of(
        article(
            "## Medicines",
            "**Gabapentin** is started at a low dose and raised over a few weeks until the"
            " nerve pain eases.",
        )
    )

    page = page_titled(plan, "Gabapentin")
    text = " ".join(str(block.value) for block in page.blocks)
    assert "Gabapentin is started at a low dose" in text
    assert "Is started" not in text


# -- exercises in plain text ---------------------------------------------------------------


PLAIN_SHEET = """THORACIC MOBILITY
Exercise sheet

Thoracic back pain often comes with a stiff upper back. These exercises keep it moving.

How to do your exercises
Do the whole routine three times a day.
Stop the exercise if it causes pain spreading into your chest.

Seated twist
Sit tall with your arms crossed. Turn your upper body to one side
and hold for a count of five. Do 6 on each side.

Thoracic extension
Sit with your hands behind your head and lean back over the chair. Eight repetitions.
"""


def test_a_routine_counting_its_stretches_gives_its_frequency_not_a_count():
    plan = plan_of(
        article(
            "## Stretches",
            "Three gentle stretches, once a day while the baby naps:",
            "1. Knee hug: hold for 20 seconds, 3 times.\n2. Cat stretch: 8 slow repetitions."
            "\n3. Child's pose: hold for 30 seconds.",
        )
    )
    exercises = exercises_of(plan)
    assert len(exercises) == 3
    assert all(e["dose"]["times_per_day"] == 1 for e in exercises)
    assert [e["dose"]["repetitions"] for e in exercises] == [3, 8, None]


def test_plain_text_exercises_take_the_routines_frequency_and_varied_doses():
    plan = plan_of(PLAIN_SHEET, "sheet.txt")

    exercises = {e["name"]: e["dose"] for e in exercises_of(plan)}
    assert set(exercises) == {"Seated twist", "Thoracic extension"}
    assert exercises["Seated twist"]["hold_seconds"] == 5
    assert exercises["Seated twist"]["repetitions"] == 6
    assert exercises["Seated twist"]["per_side"] is True
    assert exercises["Thoracic extension"]["repetitions"] == 8
    assert all(dose["times_per_day"] == 3 for dose in exercises.values())


NUMBERED_ITEMS = """NECK STIFFNESS

Your neck can stiffen after long hours at a screen. Do these exercises twice a day.

1. Neck rotation
Turn your head slowly to one side, then the other. Repeat 5 times each side.

2. Shoulder shrug
Lift both shoulders towards your ears, then let them drop. Repeat 10 times.
"""


def test_a_numbered_plain_text_item_keeps_the_name_on_its_first_line():
    plan = plan_of(NUMBERED_ITEMS, "neck.txt")

    exercises = {e["name"]: e["dose"] for e in exercises_of(plan)}
    assert set(exercises) == {"Neck rotation", "Shoulder shrug"}
    assert exercises["Neck rotation"]["per_side"] is True
    assert all(dose["times_per_day"] == 2 for dose in exercises.values())


DOSED_HEADINGS = """# Five minutes for a stiff lower back

A stiff lower back loosens with gentle movement. Do this once every evening.

## 1. Pelvic rock

Lie on your back and rock your pelvis gently. Twice on each side.

## 2. Side bend

Stand tall and slide one hand down your thigh. 3 x 15 second holds, each side.
"""


def test_dosed_exercise_headings_make_a_list_whatever_the_title_says():
    plan = plan_of(DOSED_HEADINGS)

    exercises = {e["name"]: e["dose"] for e in exercises_of(plan)}
    assert set(exercises) == {"Pelvic rock", "Side bend"}
    assert exercises["Pelvic rock"]["repetitions"] == 2
    assert (exercises["Side bend"]["repetitions"], exercises["Side bend"]["hold_seconds"]) == (
        3,
        15,
    )
    assert all(dose["times_per_day"] == 1 for dose in exercises.values())


def test_a_brand_in_brackets_is_the_same_medicine_not_a_second_option():
    plan = plan_of(
        article("Your doctor may prescribe a short course of diazepam (Valium) for the spasm.")
    )

    assert "Diazepam" in written(plan)


def test_examples_with_brands_in_brackets_stay_examples():
    plan = plan_of(
        article("Pain relievers such as paracetamol (Panadol) or naproxen (Aleve) are the first.")
    )

    assert "Painkillers" in written(plan)
    assert not {"Paracetamol", "Naproxen"} & written(plan)


def test_a_device_opening_a_sentence_under_a_treatments_heading_is_named():
    plan = plan_of(
        article("## Things that help", "A foam roller used on the upper back can ease tightness.")
    )

    assert "Foam roller" in written(plan)


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("Hold for a count of five, then relax.", "hold_seconds", 5),
        ("Holding it for a slow count of 10.", "hold_seconds", 10),
        ("Hold for half a minute.", "hold_seconds", 30),
        ("Do 12 on each side.", "repetitions", 12),
        ("Repeat 8 with each leg.", "repetitions", 8),
        ("Slide back and forth 10 times per leg.", "repetitions", 10),
        ("Twice on each side.", "repetitions", 2),
        ("3 x 20 second holds.", "hold_seconds", 20),
        ("3 x 20 second holds.", "repetitions", 3),
        ("Do this twice a day.", "repetitions", None),
        ("Tilt the pelvis towards 12 o'clock. 10 slow tilts.", "repetitions", 10),
        ("Lift the chest on the out-breath. 5 lifts.", "repetitions", 5),
        ("Rest here for 8 slow breaths (about 40 seconds).", "hold_seconds", 40),
        ("Take 2 tablets (about 30 minutes before a meal).", "hold_seconds", None),
        ("Do 8 slow reps per side and repeat the set 3 times.", "sets", 3),
        ("Slide your arms up the wall 10 times without arching.", "repetitions", 10),
    ],
)
def test_dose_wordings(text, field, value):
    assert read_dose(text).dose[field] == value


def test_a_diary_heading_names_the_treatment_after_its_date_label():
    plan = plan_of(
        "Neck pain diary\n\nMy neck has hurt for a year and this is what I tried.\n\n"
        "MONTHS 3-4: naproxen\n\nMy GP prescribed naproxen twice a day with food. It took"
        " the edge off the pain but upset my stomach.\n",
        "diary.txt",
    )
    assert "Naproxen" in written(plan)


def test_two_medicines_as_one_subject_are_their_own_pages_not_a_joined_one():
    plan = plan_of(
        article("Gabapentin and pregabalin are often prescribed for nerve pain at night.")
    )
    titles = {p.title for p in plan.pages}
    assert "Gabapentin and pregabalin" not in titles
    assert {"Gabapentin", "Pregabalin"} <= titles


@pytest.mark.parametrize(
    ("opening", "owner", "phrase"),
    [
        # The name of another page heads a longer noun phrase: the section's own treatment.
        (
            "Exercise in a warm pool is offered to people who find land exercise painful.",
            "Hydrotherapy",
            "warm pool",
        ),
        # The other page's name is the sentence's subject: that page's text.
        (
            "Exercise is also part of every session and builds strength.",
            "Exercise",
            "every session",
        ),
    ],
)
def test_a_section_keeps_a_paragraph_whose_opening_name_only_heads_a_longer_one(
    opening, owner, phrase
):
    text = (
        "# Back pain\n\nBack pain is common and usually gets better.\n\n"
        "## Treatment\n\nExercise helps most people recover and keeps the back moving.\n\n"
        f"### Hydrotherapy\n\n{opening} The water supports your weight while you move.\n"
    )
    plan = plan_of(text)
    assert owner in written(plan)
    page = page_titled(plan, owner)
    said = page.summary + " ".join(str(block.value) for block in page.blocks)
    assert phrase in said


def test_an_item_of_advice_naming_a_treatment_in_passing_does_not_describe_it():
    plan = plan_of(
        "# Wry neck\n\nWry neck is a stiff, painful neck that comes on overnight.\n\n"
        "## What can I do?\n\n- Keep your neck moving gently. Do not wear a neck collar: it"
        " makes the stiffness last longer.\n- **Heat**: a covered hot water bottle on the sore"
        " muscles for 15 minutes can ease the spasm.\n"
    )
    assert "Staying active" not in written(plan)
    assert "Heat therapy" in written(plan) or "Heat" in written(plan)
    text = " ".join(str(b.value) for b in plan.pages[0].blocks)
    assert "Do not wear a neck collar" in text


def test_a_treatment_named_in_the_articles_own_words_is_one_page():
    # The vocabulary calls it "Radiofrequency ablation"; the leaflet's word names the page.
    text = (
        "# Radiofrequency denervation\n\n"
        "This leaflet explains radiofrequency denervation, a treatment for pain from the "
        "facet joints.\n\n## What happens\n\n"
        "Radiofrequency denervation uses heat from a needle to switch off small nerves.\n\n"
        "## Radiofrequency denervation\n\nIt takes about an hour.\n"
    )
    titles = [p.title for p in plan_of(text).pages if p.kind == Kind.TREATMENT]
    assert titles.count("Radiofrequency denervation") == 1
    assert "Radiofrequency ablation" not in titles


@pytest.mark.parametrize(
    "opening",
    [
        "This leaflet explains {name}, a treatment for long-term neck pain.",
        "This page gives you information about {name}.",
    ],
)
def test_what_a_document_says_it_explains_is_its_subject(opening):
    text = (
        "Tawel Valley University Health Board\n\n"
        + opening.format(name="radiofrequency denervation")
        + "\n\nThe doctor uses heat from a needle to switch off the small nerves. "
        "Radiofrequency denervation takes about an hour and you go home the same day.\n"
    )
    plan = plan_of(text, "leaflet.txt")
    assert plan.pages[0].title == "Radiofrequency denervation"


@pytest.mark.parametrize(
    "sentence",
    [
        "Paracetamol or ibuprofen can be used for the first few days.",
        "For the first few days, paracetamol or ibuprofen can take the edge off the pain.",
    ],
)
def test_medicines_offered_as_alternatives_are_mentions_of_each(sentence):
    text = (
        "# Wry neck\n\nWry neck is a sudden stiff neck that settles within a week.\n\n"
        f"## Treatment\n\n{sentence}\n"
    )
    assert not {"Paracetamol", "Ibuprofen"} & written(plan_of(text))


def test_a_medicine_with_its_brand_in_brackets_is_still_described():
    text = (
        "# Wry neck\n\nWry neck is a sudden stiff neck that settles within a week.\n\n"
        "## Treatment\n\nAcetaminophen (Tylenol) is a good first choice for the pain.\n"
    )
    assert written(plan_of(text)) & {"Paracetamol", "Acetaminophen"}


@pytest.mark.parametrize(
    "sentence",
    [
        "A physiotherapist can show you stretches to keep the neck moving.",
        "Physio gets you turning your head again within a few weeks.",
        "If it keeps coming back, a course of physiotherapy looks at your posture and strength.",
    ],
)
def test_what_a_practitioner_does_describes_their_treatment(sentence):
    text = (
        "# Wry neck\n\nWry neck is a sudden stiff neck that settles within a week.\n\n"
        f"## Treatment\n\n{sentence}\n"
    )
    assert "Physiotherapy" in written(plan_of(text))


def test_physiological_is_no_physio():
    text = (
        "# Wry neck\n\nWry neck is a sudden stiff neck that settles within a week.\n\n"
        "## Treatment\n\nPhysiological changes in the muscle show up on no scan.\n"
    )
    assert "Physiotherapy" not in {p.title for p in plan_of(text).pages}


@pytest.mark.parametrize(
    "sentence",
    [
        "Painkillers such as paracetamol and ibuprofen can help you keep moving.",
        "Simple painkillers like paracetamol may be offered for the first week.",
        "Muscle relaxants, for example diazepam, are given for a few days.",
    ],
)
def test_a_class_shown_by_examples_and_only_said_to_help_is_a_mention(sentence):
    plan = plan_of(article(sentence))
    assert not {"Painkillers", "Muscle relaxants", "Paracetamol", "Diazepam"} & written(plan)


def test_a_class_shown_by_examples_with_what_it_does_is_described():
    plan = plan_of(
        article("Anti-inflammatory painkillers such as ibuprofen reduce the swelling around it.")
    )
    assert "Anti-inflammatory drugs" in written(plan)


@pytest.mark.parametrize(
    ("sentence", "treatment"),
    [
        ("Treatment is mostly relative rest: stop running for 3 to 6 weeks.", "Relative rest"),
        ("Motor control training is the mainstay.", "Motor control training"),
        (
            "Standard treatment is urgent surgical decompression, with antibiotics.",
            "Decompression surgery",
        ),
        ("So graded walking is the first-line treatment.", "Graded walking"),
    ],
)
def test_a_sentence_saying_what_the_treatment_is_names_it(sentence, treatment):
    assert treatment in written(plan_of(article(sentence)))


@pytest.mark.parametrize(
    "sentence",
    ["Surgery is rarely the treatment of choice.", "Treatment is not needed for most people."],
)
def test_a_hedged_or_negated_treatment_statement_names_nothing(sentence):
    assert not written(plan_of(article(sentence)))


@pytest.mark.parametrize(
    "sentence",
    [
        "Physiotherapy gives you advice on how to move without making the pain worse.",
        "Physiotherapy for it: a physiotherapist finds out which movements make it worse.",
    ],
)
def test_what_makes_the_pain_worse_in_a_clause_is_no_advice_against_the_treatment(sentence):
    assert "Physiotherapy" in written(plan_of(article(sentence)))


@pytest.mark.parametrize(
    ("sentence", "treatment"),
    [
        ("Walking is the best exercise after this operation.", "Walking"),
        ("Swimming is one of the best things you can do: start with 10 minutes.", "Swimming"),
    ],
)
def test_the_best_exercise_or_thing_to_do_is_a_treatment(sentence, treatment):
    assert treatment in written(plan_of(article(sentence)))


def test_a_medicine_in_apposition_or_a_described_operation_is_no_new_treatment():
    plan = plan_of(
        article(
            "A steroid tablet, prednisolone, is the standard treatment.",
            "The main treatment is an operation to free the nerve.",
        )
    )
    titles = {p.title for p in plan.pages}
    assert "Steroid tablet" not in titles and "Operation to free the nerve" not in titles


def test_a_steroid_shot_is_a_steroid_injection_and_the_shot_refers_back_to_it():
    text = (
        "# Hip bursitis\n\nHip bursitis is inflammation of a fluid sac over the hip.\n\n"
        "## Treatment\n\nYour doctor might suggest a shot of steroid medicine into the "
        "joint. The shot is given using an X-ray to guide the needle.\n"
    )
    titles = {p.title for p in plan_of(text).pages}
    assert "Steroid injections" in titles and "Shot" not in titles


def test_treatments_not_used_are_advised_against():
    plan = plan_of(article("Antibiotics are not used, because it is not caused by an infection."))
    assert "Antibiotics" not in written(plan)
    assert not {r.title for r in plan.pages[0].causes}


@pytest.mark.parametrize(
    "sentence",
    [
        "Paracetamol can help with aches.",
        "Ibuprofen can help for a few days.",
        "Paracetamol is fine to take as before.",
    ],
)
def test_a_medicine_only_said_to_help_or_be_fine_is_a_mention(sentence):
    assert not {"Paracetamol", "Ibuprofen"} & written(plan_of(article(sentence)))


def test_a_treatment_the_opening_defines_is_the_subject():
    text = (
        "Device approved for back operation\n\nA company today announced approval of its"
        " implant.\n\nSacroiliac (SI) joint fusion is an operation for people with long-term"
        " pain from the sacroiliac joints. It takes about an hour.\n"
    )
    assert plan_of(text, "release.txt").pages[0].title == "Sacroiliac joint fusion"


def test_a_short_line_above_a_list_names_it_as_a_lead_would():
    text = (
        "Thoracic radiculopathy\n\nThoracic radiculopathy is an irritated nerve root in the"
        " middle of the back.\n\nYOUR CARE PLAN\n\nMedicines\n"
        "- Gabapentin 100 mg: take 1 capsule at bedtime. This medicine calms irritated nerves.\n"
        "- Lidocaine 4% patch: apply 1 patch to the painful area for up to 12 hours.\n"
    )
    assert "Gabapentin" in written(plan_of(text, "summary.txt"))


def test_what_are_the_alternatives_lists_treatments():
    text = (
        "# Coccygectomy\n\nA coccygectomy is an operation to remove the tailbone.\n\n"
        "## What are the alternatives?\n\n"
        "- A coccyx cushion: a wedge cushion with a cut-out at the back.\n"
        "- A ganglion impar block: an injection of local anaesthetic near the coccyx.\n"
    )
    assert {"Coccyx cushion", "Ganglion impar block"} <= written(plan_of(text))


@pytest.mark.parametrize("label", ["<strong>Keep moving.</strong>", "<b>Keep moving:</b>"])
def test_a_bold_label_worded_as_advice_names_its_treatment(label):
    plan = plan_of(
        "<h1>Neck strain</h1><p>Neck strain is an overstretched neck muscle.</p>"
        "<h2>Treating it at home</h2>"
        f"<p>{label} Gently turn your head through the day. Holding it still makes it"
        " stiffer.</p>"
        "<p><strong>Heat.</strong> A warm wheat bag for twenty minutes eases tight"
        " muscles.</p>",
        "neck.html",
    )
    page = page_titled(plan, "Staying active")
    assert "Staying active" in written(plan)
    # The advice names itself: "Keeping moving" would be no English.
    assert "Keep moving" in page.alternate_names
    assert "Keeping moving" not in page.alternate_names
    text = " ".join([page.summary] + [str(b.value) for b in page.blocks])
    assert "Gently turn your head" in text
    assert "Holding it still makes it stiffer." in text


@pytest.mark.parametrize(
    "sentence",
    [
        "Codeine needs a prescription, and it isn't a good choice for a simple strain.",
        "Codeine is rarely a sensible choice for a strain.",
    ],
)
def test_a_treatment_said_to_be_a_poor_choice_is_advised_against(sentence):
    plan = plan_of(
        "# Neck strain\n\nNeck strain is an overstretched neck muscle.\n\n"
        f"## Treatment\n\nParacetamol eases the pain of neck strain. {sentence}\n"
    )
    assert "Codeine" not in written(plan)


@pytest.mark.parametrize("heading", ["A physiotherapist can help", "How physiotherapy helps"])
def test_a_heading_saying_a_treatment_helps_heads_its_section(heading):
    plan = plan_of(
        "# Low back pain\n\nLow back pain is pain between the ribs and the hips.\n\n"
        f"## {heading}\n\nThey look at how you move and show you exercises that suit you."
        " You can ask your GP to refer you.\n"
    )
    assert "Physiotherapy" in written(plan)
    assert "show you exercises" in " ".join(
        str(b.value) for b in page_titled(plan, "Physiotherapy").blocks
    )


def test_a_heading_on_how_the_main_treatment_works_stays_on_its_page():
    plan = plan_of(
        "# Physiotherapy for back pain\n\nPhysiotherapy is treatment with movement and"
        " exercise.\n\n## How physiotherapy helps\n\nIt loosens stiff joints and builds"
        " strength.\n"
    )
    assert [p.title for p in plan.pages if p.kind == Kind.TREATMENT and p.include] == [
        plan.main_page.title
    ]


def test_exercise_cards_with_a_table_of_counts_are_exercises_and_the_notes_stay_prose():
    card = (
        "<h3>{code} {name}</h3><p>{step}</p><table><tr><th>Sets</th><th>Reps</th>"
        "<th>Hold</th><th>Side</th></tr><tr><td>{sets}</td><td>10</td><td>{hold}</td>"
        "<td>{side}</td></tr></table>"
    )
    plan = plan_of(
        "<html><head><title>Home Exercise Programme - HX-1</title></head><body>"
        "<h2>Clinician notes</h2><p>Your symptoms fit a cervical radiculopathy: a nerve"
        " root in your neck is irritated.</p><p>The usual cause is a disc bulge, where the"
        " soft centre of a disc pushes out against the nerve.</p>"
        "<p><strong>Frequency:</strong> do the whole programme 3 times daily.</p>"
        + card.format(
            code="NK-004",
            name="Chin tucks",
            step="Slide your chin back.",
            sets=2,
            hold="5 s",
            side="-",
        )
        + card.format(
            code="NK-021",
            name="Neck rotation",
            step="Turn your head to one side.",
            sets=1,
            hold="-",
            side="Each side",
        )
        + "</body></html>",
        "programme.html",
    )
    assert plan.main_page.title == "Cervical radiculopathy"
    exercises = {e["name"]: e["dose"] for e in exercises_of(plan)}
    assert set(exercises) == {"Chin tucks", "Neck rotation"}
    assert exercises["Chin tucks"]["sets"] == 2 and exercises["Chin tucks"]["hold_seconds"] == 5
    assert exercises["Neck rotation"]["per_side"] is True
    assert all(dose["times_per_day"] == 3 for dose in exercises.values())
    assert "Disc bulge" in {r.title for r in plan.main_page.causes}


def test_a_conditioning_programme_lists_exercises_named_before_a_bracket():
    plan = plan_of(
        "NECK PAIN IN AIRCREW\n\n1. What is it?\nNeck pain in aircrew is pain and stiffness"
        " of the neck caused by flying, and it usually settles within days.\n\n"
        "2. Neck conditioning programme\nDo this 3 times a week.\n"
        "- Isometric neck holds (front, back and each side): 5 holds of 10 seconds\n"
        "- Chin tucks with head lift (lying on your back): 3 sets of 10\n",
        "sheet.txt",
    )
    exercises = {e["name"]: e for e in exercises_of(plan)}
    assert set(exercises) == {"Isometric neck holds", "Chin tucks with head lift"}
    assert exercises["Chin tucks with head lift"]["dose"]["sets"] == 3
    assert exercises["Chin tucks with head lift"]["steps"][0] == "Lying on your back."
    assert exercises["Isometric neck holds"]["dose"]["hold_seconds"] == 10
    assert all(e["dose"]["days_per_week"] == 3 for e in exercises.values())


def test_what_can_i_take_heads_treatments_and_a_colon_after_advice_against_is_no_label():
    plan = plan_of(
        "# Wry neck\n\nWry neck is a sudden spasm of the neck muscles.\n\n"
        "## What can I take for it?\n\n**Heat** from a warm wheat bag relaxes the spasm for"
        " many people.\n\nPlease don't wear a soft collar: it stops the neck moving and keeps"
        " it stiff.\n"
    )
    assert "Heat therapy" in written(plan) or "Heat" in written(plan)
    assert not {"Cervical collar", "Soft collar"} & written(plan)


@pytest.mark.parametrize("label", ["PSA", "FYI", "Top tip", "Edit"])
def test_a_post_label_before_a_colon_names_nothing(label):
    plan = plan_of(
        "# Scoliosis\n\nScoliosis is a sideways curve of the spine.\n\n## The brace\n\n"
        "A rigid back brace is worn for 20 hours a day to stop the curve getting worse.\n\n"
        f"**{label}:** if the skin under your brace is broken, ring your orthotist the same"
        " day.\n"
    )
    assert label not in {page.title for page in plan.pages}


@pytest.mark.parametrize(
    ("label", "title"),
    [("The good news", "Good news"), ("Head coach Gareth Lyle said", "Head coach Gareth Lyle")],
)
def test_a_discourse_or_quote_label_before_a_colon_names_nothing(label, title):
    plan = plan_of(
        "# Scoliosis\n\nScoliosis is a sideways curve of the spine.\n\n## What helps\n\n"
        "- **Bracing:** a rigid back brace worn for 20 hours a day stops the curve growing.\n"
        f"- {label}: most curves stop getting worse once growth ends.\n"
    )
    titles = {page.title for page in plan.pages}
    assert "Bracing" in titles or "Back brace" in titles
    assert not {label, title} & titles


def test_a_heading_naming_a_treatment_gives_its_page_the_articles_own_name():
    plan = plan_of(
        "# Sciatica treatment: fixed-price packages\n\nSciatica is pain along the sciatic"
        " nerve.\n\n## Our treatments\n\n### Nerve root injection\n\nA steroid is injected"
        " around the trapped nerve root under X-ray guidance.\n"
    )
    assert plan.main_page.title == "Sciatica"
    page = next(p for p in plan.pages if "Nerve root injection" in (p.title, *p.alternate_names))
    assert page.kind == Kind.TREATMENT and page.include


def test_a_local_anaesthetic_in_an_injections_own_section_is_part_of_it():
    plan = plan_of(
        "# Facet joint pain\n\nFacet joint pain comes from the small joints of the spine.\n\n"
        "## Treatment\n\n### Facet joint injection\n\nA local anaesthetic and a steroid are"
        " injected into the joint under X-ray guidance.\n"
    )
    assert "Local anaesthetics" not in written(plan)
    assert "Facet joint injections" in written(plan) or any(
        "injection" in title.lower() for title in written(plan)
    )


def test_a_dosed_sequence_under_any_heading_takes_the_frequency_after_a_note():
    plan = plan_of(
        article(
            "## Tonight's sequence",
            "1. **Pelvic clock** - lying on your back, tilt the pelvis. 10 slow tilts.\n"
            "2. **Glute bridge** - peel the spine up. 2 sets of 8.\n"
            "3. **Child's pose** - rest here for 8 slow breaths (about 40 seconds).",
            "> Teacher's note: pads are on the shelf by the door.",
            "**Home practice:** run through the whole sequence once a day.",
        )
    )
    exercises = {e["name"]: e["dose"] for e in exercises_of(plan)}
    assert set(exercises) == {"Pelvic clock", "Glute bridge", "Child's pose"}
    assert exercises["Child's pose"]["hold_seconds"] == 40
    assert all(e["times_per_day"] == 1 for e in exercises.values())


def test_contraindications_and_what_we_do_not_recommend_head_their_sections():
    plan = plan_of(
        article(
            "## Before you join in (contraindications)",
            "- If you have osteoporosis, skip the roll-downs, because rounding forward raises"
            " the risk of a fracture.",
            "## What we don't recommend",
            "A posture corrector strap won't fix it; the muscles just get lazier.",
        )
    )
    warnings = [b for p in plan.pages for b in p.blocks if b.type == "warning"]
    assert [w.value["severity"] for w in warnings] == ["caution"]
    assert "Posture corrector strap" not in written(plan)


def test_an_instruction_names_the_exercise_it_is_done_with():
    plan = plan_of(
        article(
            "## Strengthening and stretching",
            "1. **Stretch the front of your hips with a half-kneeling hip flexor stretch.**"
            " Kneel on one knee. Hold for 30 seconds.\n"
            "2. **Train your deep tummy muscles with dead bugs.** Lie on your back. Do 8 reps.\n"
            "3. **Shoulder shrugs with dumbbells.** Lift and lower. Do 10 reps.",
        )
    )
    names = [e["name"] for e in exercises_of(plan)]
    assert names == ["Half-kneeling hip flexor stretch", "Dead bugs", "Shoulder shrugs"]


def test_a_relative_clause_describing_a_treatment_gives_it_a_page():
    plan = plan_of(
        article(
            "Your GP can refer you for hydrotherapy, which usually combines warm-water"
            " exercise with gentle stretching over six weeks."
        )
    )
    assert "Hydrotherapy" in written(plan)
    assert "warm-water" in page_titled(plan, "Hydrotherapy").summary


def test_a_relative_clause_before_a_negation_describes_nothing():
    plan = plan_of(
        article(
            "Hydrotherapy, which helps many other kinds of arthritis, does not do much for"
            " thoracic back pain."
        )
    )
    assert "Hydrotherapy" not in written(plan)


def test_a_numbered_sequence_of_exercise_headings_keeps_the_ones_without_a_count():
    plan = plan_of(
        article(
            "## The sequence\n\nPractise this sequence once a day.",
            "### 1. Seated chin tucks\n\nGlide your chin straight back. Hold for 5 seconds,"
            " then release. Repeat 10 times.",
            "### 2. Thread the needle\n\nFrom all fours, slide one arm under the other. Stay"
            " for 5 slow breaths, then switch sides.",
            "### 3. Supported fish\n\nLie back over a bolster and rest here for 3 minutes.\n\n"
            "If you have osteoporosis, skip supported fish, as arching over a bolster can"
            " stress fragile vertebrae.",
        )
    )
    exercises = {e["name"]: e for e in exercises_of(plan)}
    assert list(exercises) == ["Seated chin tucks", "Thread the needle", "Supported fish"]
    assert exercises["Thread the needle"]["dose"]["per_side"] is True
    assert exercises["Supported fish"]["dose"]["hold_seconds"] == 180
    # Ruled out for a group with its risk named: a caution box, not only a line of the list.
    boxed = [
        block.value
        for page in plan.pages
        for block in page.blocks
        if block.type == "warning" and "osteoporosis" in block.value["text"]
    ]
    assert boxed and boxed[0]["severity"] == "caution"


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        (
            "Anti-inflammatory painkillers such as ibuprofen (Advil\u00ae, Motrin\u00ae) or"
            " naproxen (Aleve\u00ae) ease pain and swelling around the joint.",
            "Naproxen",
        ),
        (
            "Contrast dye confirms the position before the steroid (usually triamcinolone)"
            " and the anaesthetic are injected.",
            "Triamcinolone",
        ),
    ],
)
def test_a_medicine_given_as_an_example_in_brackets_or_after_brands_is_a_mention(sentence, mention):
    plan = plan_of(article(sentence))
    assert mention not in written(plan)


def test_a_numbered_step_saying_how_often_is_the_routines_not_an_exercise():
    plan = plan_of(
        article(
            "## Your exercises",
            "### 1. Chin tucks\n\nGlide your chin back. Hold for 5 seconds. Repeat 10 times.",
            "### 2. Thread the needle\n\nFrom all fours, slide one arm under the other. Stay"
            " for 5 slow breaths, then switch sides.",
            "### 3. How often\n\nDo the whole routine twice a day.",
        )
    )
    names = [e["name"] for e in exercises_of(plan)]
    assert names == ["Chin tucks", "Thread the needle"]


def test_a_title_naming_a_programme_does_not_make_every_heading_an_exercise():
    plan = plan_of(
        "# Thoracic hyperkyphosis: your home exercise programme\n\n"
        "## About your upper back\n\n- The upper back curves forward a little.\n"
        "- A bigger curve can ache.\n\n## Your exercises\n\n"
        "| Exercise | Sets | Reps | How often |\n|---|---|---|---|\n"
        "| Chin tucks | 2 | 10 | 3 times a day |\n| Seated row | 3 | 12 | 3 days a week |\n"
    )
    exercises = {e["name"]: e["dose"] for e in exercises_of(plan)}
    assert list(exercises) == ["Chin tucks", "Seated row"]
    assert exercises["Chin tucks"]["times_per_day"] == 3
    assert (exercises["Seated row"]["days_per_week"], exercises["Seated row"]["times_per_day"]) == (
        3,
        None,
    )


def test_a_lead_opening_with_a_condition_names_its_list_by_its_main_clause():
    plan = plan_of(
        article(
            "## What treatments are available?",
            "If your symptoms are mild, treatment starts without surgery:\n\n"
            "- Physiotherapy: a physiotherapist will teach you exercises and advice on posture.\n"
            "- Hydrotherapy: exercises in a warm pool ease stiffness for many people.",
        )
    )
    assert {"Physiotherapy", "Hydrotherapy"} <= written(plan)


def test_what_actually_helped_heads_treatments_and_framing_labels_name_nothing():
    plan = plan_of(
        article(
            "## What actually helped me",
            "**Heat.** A wheat bag on my lower back for 20 minutes relaxed the spasm.",
            "**Physiotherapy.** My physio checked my back and gave me a plan to load the"
            " muscle gradually.",
            "**Honest note:** nothing worked overnight, and the first week was hard.",
        )
    )
    assert {"Physiotherapy"} <= written(plan)
    assert not {"Honest note", "Honest"} & {p.title for p in plan.pages}


@pytest.mark.parametrize(
    "name",
    [
        "Another approach",
        "Not your shoulders",
        "Not just rest",
        "Another common symptom",
        "One rare cause",
    ],
)
def test_a_contrast_or_a_placeholder_is_no_name(name):
    from back_health.importer.names import check_name
    from back_health.importer.rules import default_rules

    assert check_name(name, default_rules()).name == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "An X-ray or ultrasound scan is used to guide the needle into the joint.",
        "A simple blood test shows whether your vitamin D is low.",
        "A biopsy of the bone helps choose the right antibiotic.",
    ],
)
def test_a_test_in_a_treatments_section_is_no_treatment(sentence):
    plan = plan_of(article("## Treatment", f"Physiotherapy helps most people. {sentence}"))
    assert written(plan) <= {"Physiotherapy"}


@pytest.mark.parametrize(
    ("sentences", "treatment"),
    [
        (
            "Codeine can cause constipation and drowsiness. They are not recommended for"
            " long-term back pain.",
            "Codeine",
        ),
        (
            "Prolotherapy involves injecting a sugar solution into the ligaments. It is not"
            " recommended, as there is no good evidence that it works.",
            "Prolotherapy",
        ),
    ],
)
def test_a_treatment_advised_against_in_the_next_sentence_is_no_page(sentences, treatment):
    plan = plan_of(article("## Treatment", f"Physiotherapy helps most people. {sentences}"))
    assert treatment not in written(plan)
    assert "Physiotherapy" in written(plan)


@pytest.mark.parametrize(
    "sentence",
    [
        "For most people, naproxen and massage are the usual first steps.",
        "At home, heat, gentle movement and simple painkillers like paracetamol or ibuprofen"
        " are the usual first steps.",
        "Begin with massage and ibuprofen gel; most people improve within a fortnight.",
    ],
)
def test_treatments_listed_together_are_mentions_of_each(sentence):
    text = (
        "# Wry neck\n\nWry neck is a sudden stiff neck that settles within a week.\n\n"
        f"## Treatment\n\n{sentence}\n"
    )
    assert not {"Naproxen", "Heat therapy", "Painkillers", "Massage", "Ibuprofen"} & written(
        plan_of(text)
    )


def test_a_treatment_after_an_opening_phrase_and_its_comma_is_described():
    text = (
        "# Wry neck\n\nWry neck is a sudden stiff neck that settles within a week.\n\n"
        "## Treatment\n\nAfter the first week of rest, massage loosens the tight muscle.\n"
    )
    assert "Massage" in written(plan_of(text))


def test_one_treatment_in_several_forms_listed_is_still_described():
    text = (
        "# Wry neck\n\nWry neck is a sudden stiff neck that settles within a week.\n\n"
        "## Warmth\n\nA heat pack, a warm shower or a hot water bottle in a cover loosens"
        " the tight muscle.\n"
    )
    assert "Heat therapy" in written(plan_of(text))


def test_saying_when_a_described_treatment_is_used_keeps_its_description():
    text = (
        "# Wry neck\n\nWry neck is a sudden stiff neck that settles within a week.\n\n"
        "## Treatment\n\nDecompression surgery removes the bone pressing on the nerve."
        " It is only offered if the arm grows weaker.\n"
    )
    assert "Decompression surgery" in written(plan_of(text))


def test_advice_against_a_described_treatment_still_undoes_its_description():
    text = (
        "# Wry neck\n\nWry neck is a sudden stiff neck that settles within a week.\n\n"
        "## Treatment\n\nDecompression surgery removes the bone pressing on the nerve."
        " It is not recommended for wry neck.\n"
    )
    assert "Decompression surgery" not in written(plan_of(text))


def test_a_yes_or_no_opening_an_answer_is_no_label():
    plan = plan_of(article("## Treatment", "Yes. Walking and swimming keep the back moving."))

    assert "Yes" not in {p.title for p in plan.pages}


def test_a_paragraph_after_a_list_of_treatments_stays_on_the_page():
    plan = plan_of(
        article(
            "## Treatment",
            "Things that can help include:",
            "- physiotherapy\n- a heat pack on the sore area",
            "Most people feel better within a few weeks of starting.",
        )
    )

    text = " ".join(str(block.value) for block in plan.pages[0].blocks)
    assert "Most people feel better within a few weeks of starting." in text


@pytest.mark.parametrize(
    ("item", "title"),
    [
        (
            "Take paracetamol regularly, every 4 to 6 hours, for the first few days. "
            "Do not take more than 8 tablets in 24 hours.",
            "Paracetamol",
        ),
        (
            "Keep moving and walk a little further each day. Bed rest slows recovery.",
            "Staying active",
        ),
    ],
)
def test_an_item_leaving_its_list_takes_its_whole_text_to_its_page(item, title):
    plan = plan_of(article("## What you can do", f"- {item}\n- Physiotherapy"))

    page = page_titled(plan, title)
    text = " ".join([page.summary, *(str(block.value) for block in page.blocks)])
    assert item.split(".")[0] in text and item.split(". ")[1].rstrip(".") in text


def test_what_follows_an_items_label_in_its_first_sentence_stays_with_the_page():
    item = (
        "Physiotherapy: a physiotherapist will assess your back and give you exercises. "
        "You can book directly without seeing a GP first."
    )
    plan = plan_of(article("## What you can do", f"- {item}\n- Heat"))

    page = page_titled(plan, "Physiotherapy")
    text = " ".join([page.summary, *(str(block.value) for block in page.blocks)])
    assert "will assess your back" in text and "book directly" in text


def test_a_lead_saying_when_a_list_applies_stays_when_its_items_leave_for_their_pages():
    lead = "We only offer surgery when the pain has lasted six months and these have not helped:"
    plan = plan_of(
        article(
            "## Treatment",
            lead,
            "- Physiotherapy: a physiotherapist teaches you exercises to strengthen your back.\n"
            "- Acupuncture: fine needles placed in the skin can ease the pain for a while.",
        )
    )

    text = " ".join(str(block.value) for block in plan.pages[0].blocks)
    assert "We only offer surgery when the pain has lasted six months" in text


@pytest.mark.parametrize(
    ("sentence", "page"),
    [
        (
            "A physiotherapist can test the strength of your hips and give you a programme "
            "that fits your body.",
            "Physiotherapy",
        ),
        (
            "Your chiropractor will use gentle mobilisation of the stiff joints between the "
            "shoulder blades.",
            "Chiropractic",
        ),
        (
            "A physiotherapist with vestibular training will test how well you sense your "
            "head position.",
            "Physiotherapy",
        ),
    ],
)
def test_what_a_practitioner_does_describes_the_treatment_they_give(sentence, page):
    plan = plan_of(article("## Treatment", sentence))

    assert page in written(plan)
    treatment = page_titled(plan, page)
    text = " ".join([treatment.summary, *(str(block.value) for block in treatment.blocks)])
    assert sentence in text


@pytest.mark.parametrize(
    "sentence",
    [
        "A physiotherapist can help if the pain goes on.",
        "Your chiropractor will ask about your health and will not manipulate your neck.",
        "A friend who is a physiotherapist might know someone local.",
    ],
)
def test_a_practitioner_who_only_may_help_or_will_not_treat_names_no_page(sentence):
    plan = plan_of(article("## Treatment", sentence))

    assert written(plan) == set()


@pytest.mark.parametrize(
    "label", ["Useful to know", "Key points", "Guidance for carers", "Did you know?", "Top tips"]
)
def test_a_box_label_under_a_treatments_heading_names_no_treatment(label):
    plan = plan_of(
        article(
            "## Treatment",
            f"### {label}",
            "Most people get better with gentle activity and simple painkillers.",
            "### Acupuncture",
            "Acupuncture uses fine needles placed in the skin of the back and shoulders.",
        )
    )
    assert "Acupuncture" in written(plan)
    assert label.rstrip("?") not in {p.title for p in plan.pages}


@pytest.mark.parametrize("name", ["Pseudarthrosis)", "(non-union", "Cage [fig. 2"])
def test_a_name_with_a_bracket_but_not_its_pair_is_a_fragment(name):
    assert check_name(name, default_rules()).name == ""


def test_a_name_with_a_bracketed_gloss_stays_a_name():
    assert check_name("Non-union (pseudarthrosis)", default_rules()).name


def test_a_myth_or_fact_label_is_no_treatment():
    plan = analyse(
        b"# Ankylosing spondylitis: myths and facts\n\n"
        b"Ankylosing spondylitis is inflammation of the joints of the spine.\n\n"
        b"## Treatment\n\n"
        b"- **Myth:** rest is the best treatment.\n"
        b"- **Fact:** regular exercise, guided by a physiotherapist, keeps the spine moving.\n",
        "myths.md",
    )
    titles = {p.title for p in plan.pages}
    assert not titles & {"Fact", "Myth"}


def test_the_kinds_of_a_treatment_listed_under_types_are_treatments():
    plan = analyse(
        b"# Acupuncture\n\nAcupuncture uses fine needles to ease long-term pain.\n\n"
        b"## Types of acupuncture\n\nThe main types we offer are:\n\n"
        b"- **Electro-acupuncture**: a small current passes between two needles.\n"
        b"- **Auricular acupuncture**: fine needles are placed in the ear.\n",
        "acupuncture.md",
    )
    kinds = {p.title: p.kind for p in plan.pages}
    assert kinds.get("Electro-acupuncture") == Kind.TREATMENT
    assert kinds.get("Auricular acupuncture") == Kind.TREATMENT


@pytest.mark.parametrize(
    "sentence",
    [
        "There is no cure, but treatment can ease the stiffness while the joints settle.",
        "There's no quick fix, and rest alone may help for a day or two.",
    ],
)
def test_a_clause_saying_there_is_no_cure_names_no_treatment(sentence):
    plan = plan_of(article("## Treatment", f"Physiotherapy helps most people. {sentence}"))
    assert not any(title.lower().startswith("there") for title in written(plan))


def test_a_sentence_opening_with_a_list_of_treatments_says_nothing_of_the_first_alone():
    plan = analyse(
        b"# Lumbago\n\nLumbago is pain in the lower back.\n\n## Treatment\n\nStaying active,"
        b" physiotherapy and ibuprofen are usually tried first for a few weeks.\n\n"
        b"Sulfasalazine and methotrexate can affect your blood count, so you need tests.\n",
        "lumbago.md",
    )
    written = {p.title for p in plan.pages if p.kind == Kind.TREATMENT and p.include}
    assert "Staying active" not in written
    assert "Sulfasalazine" in written, "two named together share what is said of them"


def test_an_item_telling_the_reader_to_try_something_names_what_to_try():
    plan = analyse(
        b"# Mid-back ache\n\nA mid-back ache is common in people who sit all day.\n\n"
        b"## Things that help\n\n"
        b"- **Try a wheat bag.** Warm it and rest it on your upper back for 15 minutes.\n"
        b"- **Use a kneeling chair** for an hour a day, so that you sit more upright.\n",
        "ache.md",
    )
    pages = {p.title: p for p in plan.pages if p.kind == Kind.TREATMENT and p.include}
    assert {"Wheat bag", "Kneeling chair"} <= set(pages)
    body = " ".join(str(b.value) for b in pages["Wheat bag"].blocks) + pages["Wheat bag"].summary
    assert "Try a wheat bag" in body, "the advice that names it stays with it"


def test_an_item_saying_what_its_treatment_is_for_after_a_comma_is_its_text():
    plan = plan_of(
        article(
            "Treatment may include:\n\n"
            "- hydrotherapy, to let you move in warm water without putting weight on the hip\n"
            "- a walking stick\n"
        )
    )
    pages = {p.title: p for p in plan.pages}
    assert "Hydrotherapy" in written(plan)
    assert "warm water" in pages["Hydrotherapy"].summary
    assert "Walking aids" not in written(plan)


def test_a_list_whose_items_are_labelled_by_procedures_lists_treatments():
    plan = plan_of(
        "# Lumbar decompression\n\nA lumbar decompression takes pressure off the nerves in"
        " the lower back.\n\n## The operation\n\nYour surgeon will use one of these:\n\n"
        "- Laminectomy: part of the bone at the back of the spine is removed.\n"
        "- Foraminotomy: the opening where the nerve leaves the spine is widened.\n"
    )
    assert {"Laminectomy", "Foraminotomy"} <= written(plan)


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("Chiropractic care for neck pain: what to expect", "Chiropractic care"),
        ("Acupuncture treatment for back pain", "Acupuncture treatment"),
    ],
)
def test_a_known_treatment_with_a_general_word_for_care_is_the_subject(title, subject):
    # "care" or "treatment" after a treatment's name adds nothing: the title is about
    # the treatment, and the pain it is for stays a condition it treats.
    plan = plan_of(
        f"# {title}\n\nNeck and back pain are common, and most people get better within"
        " weeks.\n\n## What does a visit involve?\n\nThe first visit starts with questions"
        " about your pain.\n"
    )
    assert plan.pages[0].title == subject
    assert plan.pages[0].kind == Kind.TREATMENT


@pytest.mark.parametrize(
    ("heading", "subject"),
    [
        ("What is tai chi?", "Tai chi"),
        ("Does tai chi help back pain?", "Tai chi"),
        ("How tai chi can help back pain", "Tai chi"),
        ("Five moves to try", "Back pain"),
    ],
)
def test_self_care_for_a_condition_is_the_subject_when_a_heading_asks_about_it(heading, subject):
    # "Tai chi for back pain" over "What is tai chi?" is a page about tai chi; without a
    # heading asking what it is or whether it helps it is a routine for the condition,
    # as "Exercises for back pain" is.
    plan = plan_of(
        f"# Tai chi for back pain\n\nBack pain is very common, and tai chi is a gentle way"
        f" to keep moving.\n\n## {heading}\n\nTai chi is a slow, flowing exercise. Classes"
        " run in most towns, and tai chi suits people of any age with back pain.\n"
    )
    assert plan.pages[0].title == subject


def test_a_device_named_with_its_condition_is_the_subject_and_its_term_finds_it():
    # "Scoliosis bracing" names a condition and a device: the page is about the device,
    # and "a brace" in its text is this page, not another "Back brace" page.
    plan = plan_of(
        "# Scoliosis bracing: frequently asked questions\n\nA brace is made to measure and"
        " worn under clothes.\n\n## Which curves need a brace?\n\nWe usually suggest a brace"
        " when the curve measures between 25 and 40 degrees.\n"
    )
    assert plan.pages[0].title == "Scoliosis bracing"
    assert plan.pages[0].kind == Kind.TREATMENT
    assert [p.title for p in plan.pages if p.kind == Kind.TREATMENT] == ["Scoliosis bracing"]


def test_a_paragraph_labelled_by_a_treatments_name_under_any_heading_is_about_it():
    # "What does a visit involve?" is no treatments heading, but each bold label names a
    # treatment the vocabulary knows, and the paragraph says what it is.
    plan = plan_of(
        "# Neck pain\n\nNeck pain is common and usually settles.\n\n## What does a visit"
        " involve?\n\n**Spinal manipulation.** Often called an adjustment, this is a quick,"
        " controlled push to a joint in the neck.\n\n**A full history.** We ask about your"
        " work and your sleep.\n"
    )
    assert "Spinal manipulation" in written(plan)
    assert not any("history" in title.lower() for title in written(plan))


def test_a_dissection_glossed_after_its_name_is_a_condition_the_text_defines():
    plan = plan_of(
        "# Neck manipulation\n\nNeck manipulation is a quick push to a joint of the neck.\n\n"
        "## Is it safe?\n\nNeck manipulation has been linked to vertebral artery dissection,"
        " a tear in the wall of an artery in the neck that can lead to a stroke.\n"
    )
    page = page_titled(plan, "Vertebral artery dissection")
    assert page.kind == Kind.CONDITION and page.action != Action.SUGGEST


def test_a_short_name_in_brackets_after_a_treatment_finds_it_later():
    plan = plan_of(
        "# Medial branch block\n\nA medial branch block is an injection near the nerves of the"
        " facet joints.\n\n## What happens next\n\nYou may be offered radiofrequency ablation"
        " (RFA). RFA uses heat to switch off the same nerves for 6 to 12 months.\n"
    )
    page = page_titled(plan, "Radiofrequency ablation")
    assert page.action != Action.SUGGEST and "RFA" in page.alternate_names
    assert "switch off the same nerves" in page.summary


def test_a_short_name_for_a_longer_name_is_not_given_to_its_head():
    plan = plan_of(
        "# Spinal metastases\n\nSpinal metastases are cancers that have spread to the spine.\n\n"
        "## Treatment\n\nRadiotherapy is the main treatment. A more precise type, stereotactic"
        " body radiotherapy (SABR), is used for a few people.\n"
    )
    radiotherapy = page_titled(plan, "Radiotherapy")
    assert "SABR" not in radiotherapy.alternate_names


def test_a_title_joining_a_condition_to_a_treatment_is_about_the_condition():
    plan = plan_of(
        "# Ankylosing spondylitis and exercise\n\nAnkylosing spondylitis is a long-term"
        " inflammation of the spine, and daily exercise helps keep it moving.\n\n## Your daily"
        " stretches\n\nDo these every morning.\n"
    )
    assert plan.pages[0].title == "Ankylosing spondylitis"
    assert plan.pages[0].kind == Kind.CONDITION


def test_an_operation_named_by_its_two_steps_stays_one_name():
    plan = plan_of(
        "# Anterior cervical discectomy and fusion\n\nAnterior cervical discectomy and fusion"
        " is an operation on the neck to take out a disc and join two bones.\n"
    )
    assert plan.pages[0].title == "Anterior cervical discectomy and fusion"


@pytest.mark.parametrize(
    "text",
    [
        "## Surgery\n\n- **Anterior cervical discectomy and fusion (ACDF).** The surgeon removes"
        " the disk through the front of the neck and fuses the two bones.\n- **Artificial"
        " disk replacement.** The disk is replaced with an artificial one.\n",
        "## Surgery\n\nThe usual operation is an anterior cervical discectomy and fusion (ACDF)."
        " ACDF removes the disk through the front of the neck.\n",
    ],
)
def test_an_operation_named_by_its_two_steps_is_one_treatment_page(text):
    plan = plan_of(
        "# Cervical radiculopathy\n\nCervical radiculopathy is a pinched nerve in the neck.\n\n"
        + text
    )
    titles = {p.title for p in plan.pages}
    assert "Anterior cervical discectomy and fusion" in titles
    assert not titles & {"Discectomy", "Spinal fusion"}


@pytest.mark.parametrize(
    ("sentence", "operation"),
    [
        ("The usual operation is a laminectomy, which takes bone off the canal.", "Laminectomy"),
        ("The most common operation for it is spinal fusion.", "Spinal fusion"),
        ("The standard operation is a posterior spinal fusion with rods.", "Spinal fusion"),
    ],
)
def test_the_operation_a_surgery_section_names_is_that_surgery_page(sentence, operation):
    plan = plan_of(
        article(
            "## Surgery",
            f"Surgery may be considered if the pain lasts for months. {sentence}",
            "Most people are walking again the day after.",
        )
    )

    page = page_titled(plan, operation)
    assert "Surgery" in page.alternate_names
    assert "Surgery" not in written(plan)
    assert operation in {r.title for r in plan.pages[0].treatments}


def test_an_operation_named_beside_surgery_without_saying_it_is_the_one_keeps_its_page():
    plan = plan_of(
        article(
            "## Surgery",
            "Surgery may be considered if the pain lasts for months.",
            "Spinal fusion joins two vertebrae with rods and a bone graft.",
        )
    )

    assert {"Surgery", "Spinal fusion"} <= written(plan)


def test_anti_inflammatory_tablets_and_nsaids_are_one_page_and_a_gel_another():
    plan = plan_of(
        article(
            "## Treatment",
            "Anti-inflammatory painkillers ease the ache for most people in a few days.",
            "Non-steroidal anti-inflammatory drugs (NSAIDs) are best taken with food.",
            "An anti-inflammatory gel rubbed into the sore area helps some people too.",
        )
    )

    pages = [p for p in plan.pages if p.kind == Kind.TREATMENT]
    nsaids = [p for p in pages if "NSAIDs" in {p.title, *p.alternate_names}]
    assert len(nsaids) == 1
    assert "Anti-inflammatory painkillers" in {nsaids[0].title, *nsaids[0].alternate_names}
    assert "Anti-inflammatory gels" in written(plan)


@pytest.mark.parametrize(
    ("paragraphs", "title", "alternate"),
    [
        # A sub-heading that is another name of a treatment heads that treatment.
        (
            (
                "## How is it treated?",
                "### Pain relief",
                "Your doctor may suggest paracetamol for a few days. Stronger medicines are"
                " kept for severe pain.",
            ),
            "Pain relief",
            "Analgesics",
        ),
        # A sentence opening with another name of a treatment is about it, under the name
        # the article gave it.
        (
            (
                "## Treating thoracic back pain",
                "Keep moving as much as you can: short walks help the muscles recover. Do not"
                " rest in bed for long periods.",
            ),
            "Staying active",
            "Keep moving",
        ),
    ],
)
def test_another_name_of_a_treatment_heading_or_opening_text_is_about_it(
    paragraphs, title, alternate
):
    plan = plan_of(article(*paragraphs))
    assert title in written(plan)
    assert alternate in page_titled(plan, title).alternate_names


def test_the_same_words_heading_a_section_of_their_own_head_a_topic():
    plan = plan_of(
        article(
            "## Pain relief",
            "Paracetamol eases the ache for some people. A heat pack relaxes tight muscles.",
        )
    )

    assert "Pain relief" not in {p.title for p in plan.pages}


def test_a_question_about_a_treatment_answered_no_makes_no_page_of_it():
    plan = plan_of(
        article(
            "## Treatment",
            "### Is bracing any use for adults?",
            "Bracing is not usually helpful in adults. A brace cannot straighten a curve"
            " once you have stopped growing, and wearing one weakens the back muscles.",
        )
    )

    assert "Back brace" not in written(plan)


def test_an_operation_heading_ending_in_surgery_is_one_page_and_its_surgery_is_that_one():
    plan = plan_of(
        article(
            "## Treatment",
            "### Spinal fusion surgery",
            "Surgery may be considered if the pain is severe. Rods and screws hold the spine"
            " while the bones join.",
        )
    )

    assert written(plan) == {"Spinal fusion"}


@pytest.mark.parametrize(
    ("sentence", "treatment"),
    [
        # A sentence opening in a treatment tells of it.
        ("In kyphoplasty, a small balloon is first used to make space.", "Kyphoplasty"),
        ("During acupuncture, fine needles are placed in the skin for 20 minutes.", "Acupuncture"),
        # What an operation does to the spine describes it.
        ("A microdiscectomy removes the part of the disc pressing on the nerve.", "Discectomy"),
        ("Spinal fusion joins two vertebrae so that they no longer move.", "Spinal fusion"),
        ("Laminoplasty opens up the spinal canal by creating a hinge.", "Laminoplasty"),
    ],
)
def test_a_sentence_saying_what_a_treatment_does_describes_it(sentence, treatment):
    assert treatment in written(plan_of(article("## Treatment", sentence)))


def test_a_treatment_named_later_in_a_sentence_with_an_opening_frame_is_not_its_subject():
    sentence = "In most people, the pain settles with time and acupuncture is not needed."
    assert "Acupuncture" not in written(plan_of(article("## Treatment", sentence)))


def test_how_long_a_treatment_is_used_does_not_part_it_from_what_it_does():
    sentence = (
        "A heat pack or warm wheat bag on the back for 15 to 20 minutes at a time relaxes"
        " tight muscles."
    )
    assert "Heat therapy" in written(plan_of(article("## Treatment", sentence)))


@pytest.mark.parametrize(
    "heading",
    ["How you can ease back pain yourself", "Ways to ease the pain", "Easing the pain at home"],
)
def test_a_self_help_heading_heads_treatments(heading):
    plan = plan_of(
        article(f"## {heading}", "Physiotherapy teaches you exercises that strengthen the back.")
    )
    assert "Physiotherapy" in written(plan)


@pytest.mark.parametrize(
    ("sentence", "treatment"),
    [
        ("The best thing you can do is keep active.", "Staying active"),
        ("Codeine is offered for a few days after a bad injury.", "Codeine"),
    ],
)
def test_the_best_thing_to_do_or_what_is_offered_describes_the_treatment(sentence, treatment):
    assert treatment in written(plan_of(article("## Treatment", sentence)))


@pytest.mark.parametrize("heading", ["What didn't help", "Things that did not work"])
def test_what_did_not_help_in_a_story_makes_no_treatment_pages(heading):
    plan = plan_of(
        article(
            f"## {heading}",
            "**Weeks of bed rest.** I spent two weeks lying flat and got stiffer and more"
            " miserable.",
        )
    )
    assert "Bed rest" not in written(plan)


def test_a_therapist_s_name_gives_the_therapy_another_name():
    plan = plan_of(
        article(
            "## Treatment",
            "A physical therapist can design a program of exercises to strengthen the core.",
        )
    )
    assert "Physical therapy" in page_titled(plan, "Physiotherapy").alternate_names


def test_a_question_whether_there_are_alternatives_heads_treatments():
    plan = plan_of(
        article(
            "## Are there alternatives to surgery?",
            "**Physiotherapy.** A structured programme of core strengthening helps many"
            " people avoid surgery altogether.",
        )
    )
    assert "Physiotherapy" in written(plan)


def test_conditions_a_treatment_treats_told_by_label_are_its_conditions():
    text = (
        "# Lumbar spinal fusion\n\nLumbar spinal fusion is an operation that joins two"
        " vertebrae in the lower back.\n\n## Why would I need it?\n\n"
        "The main conditions it treats are:\n\n"
        "- **Spondylolisthesis** - one vertebra has slipped forward over the one below.\n"
        "- **Degenerative disc disease** - a worn disc that causes long-standing pain.\n"
    )
    plan = plan_of(text)

    condition = page_titled(plan, "Spondylolisthesis")
    assert condition.kind == Kind.CONDITION
    assert "Lumbar spinal fusion" in {r.title for r in condition.treatments}
    assert "Degenerative disc disease" in written(plan, kind=Kind.CONDITION)


def test_a_plain_list_of_what_a_medicine_treats_names_them_in_passing():
    text = (
        "# Gabapentin\n\nGabapentin is a medicine for nerve pain.\n\n## What it is for\n\n"
        "The main conditions it treats are:\n\n- epilepsy\n- nerve pain\n"
    )
    assert not written(plan_of(text), kind=Kind.CONDITION)


def test_a_course_of_a_treatment_is_named_by_the_treatment():
    text = (
        "# Spinal tuberculosis\n\nSpinal tuberculosis is an infection of the spine.\n\n"
        "## Treatment\n\nThe main treatment is a long course of antituberculous therapy.\n"
    )

    assert "Antituberculous therapy" in written(plan_of(text))


@pytest.mark.parametrize(
    ("title", "body", "subject"),
    [
        # A treatment someone had is named without whose it was.
        ("Twelve weeks after my microdiscectomy: what helped", "", "Microdiscectomy"),
        ("Six months after your spinal fusion", "", "Spinal fusion"),
        # Pain that stayed after an operation is what a title asks about, not the
        # operation.
        (
            "Still in pain after back surgery?",
            "Failed back surgery syndrome is pain that goes on after an operation on the"
            " spine. Failed back surgery syndrome affects about 1 in 5 people who have had"
            " back surgery.",
            "Failed back surgery syndrome",
        ),
        # A title asking why a part hurts names its pain, and when it hurts.
        (
            "Why Your Lower Back Hurts After Kettlebell Swings",
            "",
            "Lower back pain after kettlebell swings",
        ),
        ("Why does my neck ache in the morning?", "", "Neck pain in the morning"),
        # The article before a name is no part of it.
        (
            "The Pain Management Programme (PMP)",
            "The programme is a group course. The programme runs for 8 weeks.",
            "Pain management programme",
        ),
        # When the writer was diagnosed is no part of the condition's name.
        (
            "Starting a biologic next month",
            "I was diagnosed with ankylosing spondylitis two years ago. Naproxen helped at"
            " first but the stiffness is back every morning.",
            "Ankylosing spondylitis",
        ),
    ],
)
def test_a_title_or_diagnosis_is_read_for_the_name_of_the_subject(title, body, subject):
    body = body or "I had a bad few months but I am walking again and back at work."
    text = f"# {title}\n\n{body}\n"

    assert plan_of(text).pages[0].title == subject


def test_when_a_treatment_started_is_no_part_of_its_other_name():
    text = (
        "# Recovering from back surgery\n\nThe first weeks are slow.\n\n## What helped\n\n"
        "- **Physiotherapy from week six.** My physio got me bending and lifting again.\n"
        "- **Walking.** I walked a little further every day.\n"
    )
    physio = next(p for p in plan_of(text).pages if p.title == "Physiotherapy")

    assert physio.alternate_names == []


@pytest.mark.parametrize(
    ("sentence", "described"),
    [
        ("A soft cervical collar worn for short periods may let the neck muscles rest.", True),
        ("A rigid collar gives some relief on bad days.", True),
        # Advised against, or one of several listed: nothing said of it.
        ("A soft collar isn't recommended: it weakens the neck muscles.", False),
        ("Two soft collars, a heat pack or a short walk can all help.", False),
    ],
)
def test_a_treatment_named_after_a_describing_word_is_what_the_sentence_describes(
    sentence, described
):
    text = (
        "# Neck pain\n\nNeck pain is common and usually settles.\n\n## Treatment\n\n"
        f"Physiotherapy helps most people. {sentence}\n"
    )

    assert ("Cervical collar" in written(plan_of(text))) is described


def test_the_care_word_after_a_treatment_is_part_of_the_articles_name_for_it():
    text = (
        "# Scheuermann's kyphosis\n\nScheuermann's kyphosis is a rounded upper back.\n\n"
        "## Where chiropractic care fits in\n\nChiropractic care can ease stiffness and"
        " keep the spine moving alongside exercise.\n"
    )
    page = next(p for p in plan_of(text).pages if p.title == "Chiropractic")

    assert "Chiropractic care" in page.alternate_names


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Artificial disk replacement keeps some movement at that level.", "Disc replacement"),
        ("A microdiskectomy removes the part of the disk pressing on the nerve.", "Discectomy"),
    ],
)
def test_the_american_disk_spelling_names_the_same_treatment(text, title):
    assert title in {term.name for term, _ in default_rules().find_treatments(text)}


def test_the_american_disk_spelling_names_the_same_condition():
    rules = default_rules()
    assert rules.is_condition_term("degenerative disk disease")
    assert not default_rules().find_treatments("Some discomfort is normal after discharge.")


@pytest.mark.parametrize("label", ["Drug therapy", "Medicamentous therapy", "Medical treatment"])
def test_a_heading_for_medicines_in_general_is_no_treatment_page(label):
    text = (
        "# Osteochondrosis\n\nOsteochondrosis is wear of the discs.\n\n## Treatment\n\n"
        f"{label}. In the acute period doctors prescribe anti-inflammatory drugs and muscle"
        " relaxants to remove the spasm.\n\nManual therapy. Soft techniques of the therapist"
        " return mobility to the spine.\n"
    )
    titles = {p.title for p in plan_of(text).pages}

    assert label not in titles and "Manual therapy" in titles


def test_a_run_in_name_with_its_abbreviation_heads_its_text():
    text = (
        "OSTEOCHONDROSIS\n\nOsteochondrosis is wear of the discs.\n\nTREATMENT\n\n"
        "Manual therapy. Soft techniques of the therapist return mobility to the spine.\n\n"
        "Exercise therapy (LFK). Special gymnastics under an instructor strengthens the"
        " muscular corset, which holds the spine.\n"
    )
    plan = plan_of(text, "post.txt")

    assert "Exercise therapy" in written(plan)
    assert "Back brace" not in {p.title for p in plan.pages}  # the muscles, no brace


def test_a_medicine_for_pain_in_two_places_is_the_subject_not_a_condition():
    text = (
        "# Amitriptyline for back and nerve pain\n\nAmitriptyline belongs to a group of"
        " medicines called tricyclic antidepressants. Amitriptyline is taken at night.\n"
    )
    main = plan_of(text).pages[0]

    assert (main.kind, main.title) == (Kind.TREATMENT, "Amitriptyline")


def test_a_warm_up_list_with_one_timed_item_is_an_exercise_list():
    text = (
        "# Back pain\n\nBack pain after gardening is common.\n\n## Warm up first\n\n"
        "Spend 5 minutes getting your back ready:\n\n"
        "- Marching on the spot: 2 minutes\n"
        "- Shoulder rolls: roll your shoulders slowly, 10 times\n"
        "- Hip circles: hands on hips, circle your hips 10 times\n"
    )

    assert [e["name"] for e in exercises_of(plan_of(text))] == [
        "Marching on the spot",
        "Shoulder rolls",
        "Hip circles",
    ]


def test_how_often_an_item_leading_into_the_exercises_says_applies_to_each():
    text = (
        "Neck pain letter\n\nYou have mechanical neck pain.\n\nPlan\n\n"
        "1. Heat. A warm wheat bag on your neck for 15 minutes can ease the stiffness.\n"
        "2. Exercises. Please do these gently, 3 times a day:\n"
        "   - Neck rotation: turn your head to look over one shoulder. Repeat 5 times each"
        " side.\n"
        "   - Chin tucks: pull your chin straight back, hold for 5 seconds. Repeat 10 times.\n"
    )
    exercises = exercises_of(plan_of(text, "letter.txt"))

    assert [e["name"] for e in exercises] == ["Neck rotation", "Chin tucks"]
    assert {e["dose"]["times_per_day"] for e in exercises} == {3}


def test_an_exercise_table_with_a_row_id_column_reads_its_exercises():
    text = (
        "# Low back pain\n\nMost low back pain gets better within 6 weeks.\n\n"
        "## Exercise library\n\nDo the whole routine twice a day.\n\n"
        "| id | Exercise | Sets | Reps | Hold |\n|---|---|---|---|---|\n"
        "| `knee_rolls` | Knee rolls | 1 | 10 each side | - |\n"
        "| `pelvic_tilt` | Pelvic tilt | 2 | 10 | 5 s |\n"
    )
    exercises = exercises_of(plan_of(text))

    assert [e["name"] for e in exercises] == ["Knee rolls", "Pelvic tilt"]
    assert exercises[1]["dose"]["hold_seconds"] == 5


def test_a_repository_path_as_a_title_names_no_subject():
    text = (
        "# backwell-content / low-back-pain\n\nPatient-facing text for the app.\n\n"
        "## Low back pain: the basics\n\nMost low back pain is non-specific and improves"
        " within 6 weeks. Low back pain is very common.\n"
    )

    assert plan_of(text).pages[0].title == "Low back pain"


@pytest.mark.parametrize(
    ("section", "specific", "general"),
    [
        (
            "## Operations\n\n### Surgery\n\nA microdiscectomy takes away the part of the disc"
            " that presses on the nerve. Most people go home the next day.\n",
            "Discectomy",
            "Surgery",
        ),
        (
            "## Treatment\n\n### Injections\n\nIf the leg pain is bad, an epidural steroid"
            " injection may be offered. A thin needle is guided by X-ray.\n",
            "Epidural steroid injection",
            "Injections",
        ),
        (
            "## Treatment\n\n### Steroids\n\nDexamethasone is a steroid started as soon as the"
            " problem is suspected. It brings down swelling around the nerves.\n",
            "Dexamethasone",
            "Steroids",
        ),
    ],
)
def test_a_general_treatment_heading_means_the_one_treatment_its_section_names(
    section, specific, general
):
    plan = plan_of(
        "# Lumbar radiculopathy\n\nLumbar radiculopathy is a trapped nerve root in the lower"
        " back.\n\n" + section
    )
    treatments = [p for p in plan.pages if p.kind == Kind.TREATMENT]
    page = next(p for p in treatments if p.title == specific)
    assert general in page.alternate_names
    assert not any(p.title == general for p in treatments)


@pytest.mark.parametrize(
    "section",
    [
        # Two operations: the heading stays general.
        "## Treatment\n\n### Surgery\n\nSurgery may help if other treatment has not. A"
        " laminectomy makes more room for the nerves, and a spinal fusion joins two bones.\n",
        # A medicine given as an example of the heading's class.
        "## Treatment\n\n### Muscle relaxants\n\nFor bad spasms a muscle relaxant, such as"
        " diazepam, may be given for a few days.\n",
        # The section names another treatment besides the medicine.
        "## Treatment\n\n### Painkillers\n\nParacetamol or anti-inflammatory medicines can"
        " help for a short time.\n",
    ],
)
def test_a_general_treatment_heading_naming_several_or_examples_stays_general(section):
    plan = plan_of(
        "# Lumbar radiculopathy\n\nLumbar radiculopathy is a trapped nerve root in the lower"
        " back.\n\n" + section
    )
    heading = section.split("### ", 1)[1].split("\n", 1)[0]
    assert heading in {p.title for p in plan.pages if p.kind == Kind.TREATMENT}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # A product's name ends in the treatment it is one of.
        (
            "# Relievo Twin Pad TENS Machine\n\nA TENS machine sends small electrical"
            " pulses through pads on the skin. TENS can ease back pain for some people"
            " while it is on.\n\n## How to use it\n\nPlace the pads either side of the"
            " painful area and start on the lowest setting.\n",
            "TENS",
        ),
        # An operation with describing words is no product of its last word.
        (
            "# Endoscopic lumbar discectomy\n\nEndoscopic lumbar discectomy removes the"
            " part of a disc pressing on a nerve through a tube the width of a pencil.\n",
            "Endoscopic lumbar discectomy",
        ),
    ],
)
def test_a_product_is_a_page_about_its_treatment_and_an_operation_keeps_its_name(text, title):
    plan = plan_of(text)
    assert plan.pages[0].title == title
    assert plan.pages[0].kind == Kind.TREATMENT


def test_not_stopping_a_medicine_suddenly_is_no_advice_against_it():
    plan = plan_of(
        article(
            "## Medicines",
            "Gabapentin can ease burning nerve pain. Do not stop taking gabapentin suddenly;"
            " your GP will lower the dose slowly.",
        )
    )
    decisions = [d for d in plan.decisions if d.part.lower() == "gabapentin"]
    assert decisions and not any("advises against" in d.because for d in decisions)


def test_who_checks_you_over_is_no_treatment():
    plan = plan_of(
        article(
            "## If you hurt your back at work",
            "- Stop lifting and tell your team leader straight away.\n"
            "- A first aider will check you over.\n"
            "- Keep gently moving. Walking is better than lying down.",
        )
    )
    assert "First aider" not in written(plan)


def test_another_name_of_a_treatment_listed_with_others_says_nothing_of_it():
    plan = plan_of(
        article(
            "## Treating thoracic back pain",
            "Keep moving, a heat pack and simple painkillers all help a little.",
        )
    )
    assert "Staying active" not in written(plan)


def test_a_bold_clause_before_a_comma_is_no_label_but_a_bold_name_still_is():
    plan = plan_of(
        article(
            "## Treatment",
            "**Before taking ibuprofen regularly**, check with your pharmacist if you have asthma.",
            "**Dry needling**, used by some physiotherapists, places fine needles in tight"
            " muscles to ease them.",
        )
    )
    text = " ".join(str(b.value) for p in plan.pages for b in p.blocks)
    assert ". ," not in text
    assert "Dry needling" in written(plan)


@pytest.mark.skipif(find_spec("lemminflect") is None, reason="needs the nlp extra's lexicon")
@pytest.mark.parametrize(
    "opening",
    ["Supportive care remains important.", "Gentle movement remains helpful.", "Pacing is vital."],
)
def test_a_short_sentence_ending_in_an_adjective_is_no_label_naming_a_treatment(opening):
    plan = plan_of(
        article(
            "## Treatment",
            "- Physiotherapy helps most people",
            f"{opening} A nurse shows carers how to move the child safely at home.",
        )
    )
    assert not [p.title for p in plan.pages if p.title.lower().startswith(opening[:8].lower())]


@pytest.mark.parametrize(
    ("advice", "why"),
    [
        (
            "We do not usually recommend codeine for this kind of pain.",
            "Codeine can be addictive and causes constipation.",
        ),
        ("Bed rest is not recommended.", "Bed rest weakens the muscles that support you."),
    ],
)
def test_what_is_said_of_a_treatment_after_advice_against_it_makes_no_page(advice, why):
    plan = plan_of(article("## Treatment", f"Physiotherapy helps most people. {advice} {why}"))
    assert written(plan) <= {"Physiotherapy"}


def test_a_treatment_only_restricted_is_still_described():
    plan = plan_of(
        article(
            "## Treatment",
            "Surgery is only considered if the pain lasts more than a year."
            " Surgery removes the part of the disc pressing on the nerve.",
        )
    )
    assert "Surgery" in written(plan)
