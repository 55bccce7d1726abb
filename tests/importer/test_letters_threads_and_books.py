"""Classes seen in a school's letter, a question-and-answer thread, a news release, a
translated clinic page and a book's scanned chapter: what is chrome in each, the
running heads of a printed book, and the subject their titles name."""

from __future__ import annotations

import pytest

from back_health.importer.clean import chrome_reason, clean_document
from back_health.importer.names import condition_name_from_title, headline_clause
from back_health.importer.parse import parse_document
from back_health.importer.parse_text import strip_running_lines
from back_health.importer.pipeline import analyse
from back_health.importer.rules import default_rules
from back_health.importer.severity import advice_of

from .documents import texts_of
from .test_subtitle_lines_and_toggles import main_causes


def advice_level(sentence: str) -> str | None:
    """The severity of the advice a sentence gives, or None for no advice."""
    found = advice_of(sentence, default_rules())
    return found.level if found is not None else None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Share · Improve this question · Follow", "post furniture"),
        ("Share · Improve this answer · Follow", "post furniture"),
        (
            "This fixed it. Swapped to curl-ups and the pain went. – jo_lifts Mar 16, 2024 at"
            " 19:30",
            "comments",
        ),
        ("Great answer! – Sam Lee Apr 2, 2023", "comments"),
        ("Headteacher: Mr P. Oduya MA NPQH", "letter header"),
        ('"Achieve together" - A member of the Northvale Schools Trust', "publisher"),
        ("TERM DATES: Autumn term ends Friday 18 December 2026", "notices"),
        ("If you would like to talk, I am in school on Mondays and Wednesdays.", "notices"),
        ("EMBARGOED until 00:01 GMT Thursday 5 March 2026", "press release"),
        ("NORTHVALE, 5 March 2026", "press release"),
    ],
)
def test_a_thread_s_comments_a_school_s_letterhead_and_a_release_s_embargo_are_chrome(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


@pytest.mark.parametrize(
    "line",
    [
        "Stop if it hurts - see your GP on Mar 3, 2024",
        "Share the exercises with your physio and follow their advice.",
        "Your teacher can tell you the term dates for PE fixtures.",
        "I am in pain on Mondays after the weekend's gardening.",
        "Northvale is where the trial ran, with 400 people taking part.",
    ],
)
def test_advice_that_shares_or_dates_something_is_kept(line):
    assert chrome_reason(line) == ""


def test_a_questions_list_after_hot_network_questions_goes():
    markdown = (
        "# Why does rowing hurt my back?\n\nRowing bends the lower back under load.\n\n"
        "## Hot Network Questions\n\n- How much protein do I need?\n- Is running bad?\n"
    )
    texts = texts_of(clean_document(parse_document(markdown, "markdown")))
    assert not any("protein" in text for text in texts)
    assert any("bends the lower back" in text for text in texts)


BOOK = (
    "48                    LIVING WITH NECK PAIN\n"
    "\n"
    "Chapter 4\n"
    "\n"
    "Most neck pain settles within a few weeks. Keep moving your neck gently.\n"
    "\n"
    "                                        WHIPLASH    49\n"
    "\n"
    "A whiplash injury happens when the head is thrown forwards and back.\n"
)


def test_a_book_s_running_heads_with_their_page_numbers_go_even_once_each():
    # Each running head is printed once here (two pages of a scanned chapter): the page
    # number far apart from a title in capitals makes it one.
    text, removed = strip_running_lines(BOOK)
    assert ("chrome: running header or footer", "WHIPLASH 49") in removed
    assert ("chrome: running header or footer", "48 LIVING WITH NECK PAIN") in removed
    assert "Keep moving your neck gently." in text and "WHIPLASH" not in text


@pytest.mark.parametrize(
    "line",
    [
        "Walking     30",  # a table row in small letters
        "NECK TURNS 10",  # one space: a heading with its count
        "Repeat 10 times, 3 times a day.   2",
    ],
)
def test_a_line_with_a_number_that_is_no_running_head_stays(line):
    text = f"Exercises\n\n{line}\n\nStop if it hurts.\n"
    kept, removed = strip_running_lines(text)
    assert not any(found == " ".join(line.split()) for _, found in removed)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Why do sit-ups hurt my lower back?", "Lower back pain from sit-ups"),
        ("Why does running make my neck ache?", "Neck pain from running"),
        ("Why does sitting hurt my back", "Back pain from sitting"),
    ],
)
def test_why_something_hurts_a_part_names_the_pain_it_brings(title, name):
    assert condition_name_from_title(title, default_rules()) == name


def test_why_something_hurts_what_is_no_part_of_the_body_names_no_pain():
    rules = default_rules()
    assert "pain" not in condition_name_from_title("Why does it hurt my feelings?", rules)


@pytest.mark.parametrize(
    ("title", "clause"),
    [
        (
            "Walking programme keeps low back pain away for longer",
            ("Walking programme", "keeps low back pain away for longer"),
        ),
        ("Yoga eases back pain in older adults", ("Yoga", "eases back pain in older adults")),
        ("Disc bulges in older adults", ("", "")),
        ("Back spasms treatment options", ("", "")),
        ("Cervical kyphosis: causes, symptoms and treatment", ("", "")),
        ("Whiplash-associated disorders (WAD): assessment and management", ("", "")),
    ],
)
def test_a_headline_s_clause_is_read_as_its_subject_and_predicate(title, clause):
    pytest.importorskip("lemminflect", reason="the optional lexicon tells a verb's -s form")
    assert headline_clause(title, default_rules()) == clause


def test_a_news_headline_names_its_condition_not_a_fragment_of_its_clause():
    pytest.importorskip("lemminflect", reason="the optional lexicon tells a verb's -s form")
    plan = analyse(
        b"# Walking programme keeps low back pain away for longer, trial finds\n\n"
        b"People who walked five days a week went longer before their low back pain came"
        b" back. Low back pain is the leading cause of disability worldwide. Low back pain"
        b" often comes back within a year.\n",
        "release.md",
    )
    assert plan.pages[0].title == "Low back pain"


def test_a_treatment_at_a_condition_in_a_translated_title_is_about_the_treatment():
    # "Schroth-Therapie bei Skoliose", translated word for word: "at" stands for "for".
    plan = analyse(
        b"# Schroth therapy at scoliosis\n\nThe Schroth therapy is a scoliosis-specific"
        b" physiotherapy. Scoliosis is a sideways curve of the spine. Schroth therapy uses"
        b" breathing and mirror work. Scoliosis in children is checked every six months.\n",
        "practice.md",
    )
    assert plan.pages[0].title == "Schroth therapy"


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        ("New bladder or bowel change → send straight to A&E or call 999.", "emergency"),
        ("Night pain, weight loss, Hx of cancer → urgent GP review same day or 111.", "urgent"),
        ("Arm weakness → same-day referral to the on-call spinal team.", "urgent"),
        ("No better after 12 wks of exercise → refer back to GP for pain clinic.", "see_doctor"),
        (
            "With loss of control over bladder or bowel or numbness in the genital area,"
            " call immediately the emergency number 112.",
            "emergency",
        ),
        ("If you take blood-thinning medicines, please ask before in the pharmacy.", "caution"),
        ("If you are pregnant, please tell me when you book.", "caution"),
    ],
)
def test_a_triage_arrow_and_translated_or_first_person_advice_have_their_severity(
    sentence, severity
):
    assert advice_level(sentence) == severity


@pytest.mark.parametrize(
    "sentence",
    [
        "Pain 3/10 -> 5/10 after the session.",
        "Rest days -> fewer flare-ups.",
        "If you have questions, please call me at the office, Monday to Friday.",
    ],
)
def test_an_arrow_without_an_action_and_an_offer_to_answer_questions_are_no_advice(sentence):
    assert advice_level(sentence) is None


def warnings_of(plan) -> list[dict]:
    return [b.value for p in plan.pages for b in p.blocks if b.type == "warning"]


def test_a_callout_s_kind_makes_its_titled_text_a_caution():
    plan = analyse(
        b"# Central sensitisation\n\nCentral sensitisation is pain amplified by the nervous"
        b" system.\n\n## Management\n\nPain education comes first.\n\n"
        b"> [!caution] Amitriptyline\n> Makes patients drowsy, so they shouldn't drive if"
        b" affected. Check with a pharmacist before combining it with tramadol.\n",
        "notes.md",
    )
    boxes = [w for w in warnings_of(plan) if "drowsy" in w["text"]]
    assert boxes and boxes[0]["severity"] == "caution"


def test_red_flag_lines_with_their_own_actions_are_boxed_by_severity_under_plain_text():
    plan = analyse(
        b"# Neck pain\n\nNeck pain is common.\n\n## Red flags checklist\n\n"
        b"Screen every new patient.\n\n"
        b"- Neck pain after a fall with midline tenderness \xe2\x86\x92 call 999.\n"
        b"- Fever or weight loss \xe2\x86\x92 urgent same-day GP review.\n",
        "protocol.md",
    )
    boxes = warnings_of(plan)
    assert {w["severity"] for w in boxes} == {"emergency", "urgent"}
    assert not any("Screen every new patient" in w["text"] for w in boxes)
    assert any("Screen every new patient" in str(b.value) for b in plan.pages[0].blocks)


def exercises_of(plan) -> list[str]:
    return [
        e["name"]
        for p in plan.pages
        for b in p.blocks
        if b.type == "exercise_list"
        for e in b.value["exercises"]
    ]


def test_indented_lines_with_a_label_and_a_colon_after_their_lead_s_block_are_exercises():
    plan = analyse(
        b"Smoking and back pain\n\nSmoking harms the discs of the spine.\n\nA routine\n\n"
        b"Do this routine at least twice a day:\n\n"
        b"  Standing back extension: hands on hips, lean back gently, 5 times.\n"
        b"  Shoulder rolls: roll your shoulders backwards 10 times.\n\n"
        b"Stop if it hurts.\n",
        "chapter.txt",
    )
    assert exercises_of(plan) == ["Standing back extension", "Shoulder rolls"]


def test_a_form_s_indented_fields_are_no_items():
    lines = "Sciatica\n\nPatient details:\n  Date: 3 June 2026\n  Ward: Spinal unit\n"
    doc = parse_document(lines, "text")
    assert not any(type(b).__name__ == "ListBlock" for s in doc.sections for b in s.blocks)


def test_a_checklist_of_dosed_exercises_is_no_task_list():
    plan = analyse(
        b"# Back pain\n\nBack pain is common.\n\n## Home programme\n\nOnce daily:\n\n"
        b"- [x] Sit-to-stand: 3 sets of 8\n- [x] Bridges: 2 sets of 10\n\n## To do\n\n"
        b"- [ ] read the guideline\n- [ ] book the review\n",
        "notes.md",
    )
    assert exercises_of(plan) == ["Sit-to-stand", "Bridges"]
    assert not any("read the guideline" in str(b.value) for p in plan.pages for b in p.blocks)


def test_a_treatment_setting_the_scene_before_a_comma_is_not_what_the_verb_says_of():
    plan = analyse(
        b"# Smoking and back pain\n\nSmoking is bad for the back. Smokers get back pain more"
        b" often.\n\n## How smoking affects the spine\n\nNicotine narrows the small vessels"
        b" that feed the discs. After spinal surgery, smoking slows healing.\n",
        "chapter.md",
    )
    assert "Spinal surgery" not in {p.title for p in plan.pages if p.include}
    assert "Surgery" not in {p.title for p in plan.pages if p.include}


def test_what_raises_the_chances_of_succeeding_is_no_cause():
    plan = analyse(
        b"# Back pain\n\nBack pain is common in smokers.\n\n## Stopping smoking\n\n"
        b"Nicotine patches and the tablet varenicline both increase your chances.\n\n"
        b"## Causes\n\nHeavy lifting raises your chances of getting back pain.\n",
        "chapter.md",
    )
    causes = main_causes(plan)
    assert "Heavy lifting" in causes
    assert not any("varenicline" in c.lower() for c in causes)


def test_a_condition_defined_first_on_a_treatment_s_page_is_a_page_of_its_own():
    plan = analyse(
        b"# Schroth therapy for scoliosis\n\nScoliosis is a sideways curve of the spine with"
        b" twisting of the vertebrae.\n\n## What is Schroth therapy?\n\nSchroth therapy is a"
        b" scoliosis-specific physiotherapy that uses breathing and mirror work.\n",
        "practice.md",
    )
    main = plan.pages[0]
    assert main.title == "Schroth therapy" and "Scoliosis" not in main.alternate_names
    assert "Scoliosis" in {r.title for r in main.related_conditions}
    assert any(p.title == "Scoliosis" and p.kind == "condition" for p in plan.pages)


def test_how_a_pain_feels_is_no_subject_of_an_untitled_text():
    plan = analyse(
        b"Saved chat\n\nSharp pain is what I have, at the front of my chest. Sharp pain"
        b" when I breathe in, and sharp pain when I twist.\n\nIt may be a muscle"
        b" strain, from the gym.\n",
        "chat.txt",
    )
    assert plan.pages[0].title != "Sharp pain"


def test_a_verb_before_a_condition_is_no_part_of_the_name_a_text_uses_most():
    pytest.importorskip("lemminflect", reason="the optional lexicon tells a verb")
    from back_health.importer.classify.subject import _normalised, most_named_condition

    rules = default_rules()
    text = "If you get chest pain, call 999. You get chest pain when you breathe in."
    assert most_named_condition(f" {_normalised(text, rules)} ", rules, least=1) == ("Chest pain")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Clinicians only.", "leaflet handling"),
        (
            "This pathway is for use by GPs, ANPs and first contact practitioners.",
            "leaflet handling",
        ),
        ("Owner: MSK Clinical Lead (Dr P. Nand)", "page metadata"),
        ("Last modified March 2, 2026: update red flags (a3f9c2e)", "page metadata"),
        ("Here's what we found, based on the answers you gave.", "page metadata"),
        ("Results generated 18 February 2026, 07:52.", "page metadata"),
        ("Change my answers", "page metadata"),
        ("Moderate match", "page metadata"),
        ("Talk to a GP now", "promotional"),
        ("Only 4 spaces left!", "notices"),
        ("Rules reminder:", "post furniture"),
        ("No selling, no referral codes, no spam.", "post furniture"),
        (
            "CONFIDENTIALITY NOTICE: This fax contains confidential patient information.",
            "disclaimer",
        ),
        ("If you have received it in error, please telephone us and destroy it.", "disclaimer"),
        ("Do not copy or forward.", "disclaimer"),
    ],
)
def test_a_pathway_s_owner_a_checker_s_result_lines_and_a_fax_s_notice_are_chrome(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


@pytest.mark.parametrize(
    "line",
    [
        "Do not copy the exercises if they hurt.",
        "This guideline is for use by GPs when the pain has lasted 6 weeks.",
        "Talk to a GP if it gets worse.",
        "Only 1 in 10 people need surgery.",
    ],
)
def test_advice_about_copying_whom_a_pathway_is_for_and_talking_to_a_gp_is_kept(line):
    assert chrome_reason(line) == ""


def test_hugo_toml_front_matter_is_metadata_and_gives_the_title():
    plan = analyse(
        b'+++\ntitle = "Sciatica: referral pathway"\nweight = 30\n[params]\nowner = "Lead"\n'
        b"+++\n\nSciatica is leg pain from an irritated nerve root in the lower back.\n",
        "pathway.md",
    )
    assert plan.pages[0].title == "Sciatica"
    assert not any("weight = 30" in str(b.value) for p in plan.pages for b in p.blocks)
    assert any(d.reason == "front matter" for d in plan.dropped)


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        ("Told to call 999 if she develops a sudden severe headache.", "emergency"),
        ("Patient advised to attend A and E immediately if any numbness develops.", "emergency"),
        ("Advised to check with a pharmacist before taking more anti-inflammatories.", "caution"),
        (
            "If you get numbness around your bottom, that's 999 or straight to A and E, don't"
            " wait.",
            "emergency",
        ),
        ("If it's not getting better in six weeks, book a review with us.", "see_doctor"),
        (
            "Taking tapentadol with gabapentin or alcohol increases the risk of dangerous"
            " drowsiness.",
            "caution",
        ),
        ("Avoid ibuprofen until you've spoken to a doctor.", "caution"),
        (
            "This workshop isn't suitable if you have had back surgery in the last 12 weeks.",
            "caution",
        ),
        (
            "If you're taking ibuprofen for more than a couple of weeks, check with a pharmacist.",
            "caution",
        ),
        (
            "If you've taken naproxen for 2 weeks and it is no better, speak to your GP.",
            "see_doctor",
        ),
    ],
)
def test_reported_advice_spoken_routing_and_interactions_have_their_severity(sentence, severity):
    assert advice_level(sentence) == severity


@pytest.mark.parametrize(
    "sentence",
    [
        "Taking ibuprofen with food reduces the risk of an upset stomach.",
        "Yoga isn't suitable for everyone.",
    ],
)
def test_what_lowers_a_risk_or_suits_not_everyone_is_no_advice(sentence):
    assert advice_level(sentence) is None


def test_a_record_s_first_active_problem_is_its_subject_not_its_first_medicine():
    plan = analyse(
        b"PROBLEMS\n  Active\n  G95.1   Spinal cord infarction, T8 level     onset 09/01/2026\n"
        b"  N31.9   Neurogenic bladder                   onset 10/01/2026\n\n"
        b"MEDICATIONS\n  Aspirin 75 mg dispersible       ONE daily\n"
        b"  Aspirin is taken to thin the blood. Aspirin can upset the stomach.\n\n"
        b"INFORMATION FOR YOU\n\nYou had a spinal cord infarction, a stroke of the spinal"
        b" cord.\n",
        "summary.txt",
    )
    assert plan.pages[0].title == "Spinal cord infarction"


@pytest.mark.parametrize(
    ("name", "cased"),
    [
        ("Anterior Pelvic Tilt & Low Back Ache", "Anterior pelvic tilt & low back ache"),
        ("Vitamin D & Back Pain", "Vitamin D & back pain"),
        ("Achilles tendon", "Achilles tendon"),
    ],
)
def test_a_title_cased_name_with_a_sign_between_its_words_is_put_in_sentence_case(name, cased):
    from back_health.importer.text import sentence_case

    assert sentence_case(name) == cased


def test_a_list_given_to_do_each_day_with_a_timed_walk_is_an_exercise_list():
    plan = analyse(
        b"# Back pain after surgery\n\nBack pain after surgery eases over weeks.\n\n## Week 4\n\n"
        b"The physio gave me these to do three times a day:\n\n"
        b"1. Pelvic tilts lying on your back - 10 reps\n2. Heel slides - 10 each leg\n"
        b"3. Walking - build up to 30 minutes\n",
        "blog.md",
    )
    assert exercises_of(plan) == ["Pelvic tilts", "Heel slides", "Walking"]


def test_exercises_a_letter_s_item_lists_after_its_label_are_each_an_exercise():
    plan = analyse(
        b"# Neck pain\n\nNeck pain at work is common in dentists.\n\n## What has been tried\n\n"
        b"- Heat and massage, short-lived relief.\n"
        b"- Home exercises: chin tucks, 10 reps, 3 times a day; upper trapezius stretch,"
        b" hold 30 seconds each side, 3 times a day.\n",
        "referral.md",
    )
    assert exercises_of(plan) == ["Chin tucks", "Upper trapezius stretch"]


def test_a_bold_lead_exercise_with_a_full_stop_and_a_kind_in_brackets_is_one_exercise():
    plan = analyse(
        b"# Sequestered disc\n\nA sequestered disc is a fragment of disc that has broken"
        b" free.\n\n## What helps while I wait?\n\n"
        b"- **Sciatic nerve glides.** Sit on a chair and straighten the knee. 10 reps, twice"
        b" a day.\n"
        b"- **Prone press-ups (McKenzie style).** Lie on your stomach and push up. Hold 30"
        b" seconds, 5 times, twice a day.\n"
        b"- **Neck exercises.** Two to start with. Chin tucks, 10 times.\n"
        b"- **Anti-inflammatories** help some people in the short term.\n",
        "wiki.md",
    )
    assert exercises_of(plan) == ["Sciatic nerve glides", "Prone press-ups"]


@pytest.mark.parametrize(
    "sentence",
    [
        "If there is a progressive neurological deficit, then discuss with the on-call spinal"
        " team the same day.",
        "If back pain comes with fever, then arrange same-day assessment for spinal infection.",
    ],
)
def test_a_pathway_s_if_then_same_day_action_is_urgent(sentence):
    assert advice_level(sentence) == "urgent"


@pytest.mark.parametrize(
    ("cell", "dose"),
    [
        ("10-second hold each side", {"hold_seconds": 10, "per_side": True}),
        ("15-second hold", {"hold_seconds": 15, "repetitions": None}),
        ("10 reps", {"repetitions": 10}),
    ],
)
def test_a_hyphened_hold_in_a_reps_or_hold_column_is_a_hold(cell, dose):
    from back_health.importer.dose import dose_cell_text, read_dose

    found = read_dose(dose_cell_text("repetitions", cell, "Reps / hold")).dose
    assert {key: found[key] for key in dose} == dose


def test_the_main_causes_a_clinic_sees_are_causes():
    plan = analyse(
        b"# Neck injuries in the scrum\n\nMost scrum neck problems are sore necks.\n\n"
        b"## What can go wrong\n\nThe main causes we see are collapsed scrums, mistimed"
        b" engagement and weak neck muscles.\n",
        "club.md",
    )
    assert {"Collapsed scrums", "Weak neck muscles"} <= main_causes(plan)


def test_a_clause_before_a_comma_is_no_part_of_the_culprit_s_name():
    plan = analyse(
        b"# Low back pain from padel\n\nPadel is hard on the lower back.\n\n## Why it hurts\n\n"
        b"A few lessons on technique might help too, twisting with a straight back is the"
        b" usual culprit.\n",
        "call.md",
    )
    causes = main_causes(plan)
    assert not any("lessons" in c.lower() for c in causes)
    assert "Twisting with a straight back" in causes


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("*Results vary from person to person.", "disclaimer"),
        ("BEFORE: Couldn't sit for an hour. AFTER: Back at work in 2 weeks!*", "testimonials"),
        ("This comment has been minimized.", "post furniture"),
        ("Show comment", "post furniture"),
        ("Sign up for free to join this conversation on GitHub.", "post furniture"),
        ("Verified: Chartered physiotherapist, spinal service", "post furniture"),
        ("There is a problem with information submitted for this request.", "form furniture"),
        ("VAT relief not available on this product.", "shop furniture"),
        ("This is a copy of your consultation for your records.", "page metadata"),
        ("Hi Sam, thanks for completing your consultation.", "page metadata"),
        ("Happy new year from all of us at the clinic!", "newsletter"),
        ("Meet the team: Priya", "newsletter"),
        ("Book with Priya on Tuesdays and Thursdays.", "notices"),
    ],
)
def test_a_landing_page_s_claims_a_thread_s_badges_and_a_shop_s_lines_are_chrome(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


@pytest.mark.parametrize(
    "line",
    [
        "Before: warm up. After: stretch.",
        "Results of the scan vary.",
        "Meet the team | Patient group",
        "Book with your GP on Monday if it is no better.",
    ],
)
def test_a_warm_up_s_order_and_a_newsletter_s_contents_line_are_kept(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        ("Tell us if you've had a stroke or take blood thinners.", "caution"),
        ("If you fall and your legs go numb, ask ski patrol to call for help (112).", "emergency"),
        ("Take the brace off straight away if you get pins and needles in your arms.", "caution"),
        (
            "If you're no better after 6 weeks, we'll write to your GP and suggest you see them.",
            "see_doctor",
        ),
    ],
)
def test_a_clinic_s_and_a_device_s_advice_have_their_severity(sentence, severity):
    assert advice_level(sentence) == severity


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Kyphoscoliosis in my 40s", "Kyphoscoliosis"),
        ("Scoliosis in my late thirties", "Scoliosis"),
        ("Back pain at 52", "Back pain"),
        ("Back pain at night", "Back pain at night"),
    ],
)
def test_the_writer_s_age_is_no_part_of_a_name(title, name):
    from back_health.importer.names import without_time

    assert without_time(title) == name


def test_a_team_s_name_over_a_report_is_no_subject_and_its_section_labels_no_treatments():
    plan = analyse(
        b"Community Occupational Therapy - Neuro and Older People's Team\n\n"
        b"OCCUPATIONAL THERAPY HOME VISIT REPORT\n\nREASON FOR REFERRAL\n"
        b"She has Parkinson's disease and has developed Pisa syndrome.\n\nBACKGROUND\n"
        b"Pisa syndrome is a sideways bending of the trunk that straightens when lying"
        b" down. Pisa syndrome can make sitting tiring.\n",
        "report.txt",
    )
    assert plan.pages[0].title == "Pisa syndrome"
    assert not any(p.title == "Reason for referral" for p in plan.pages)


def test_a_product_named_for_a_posture_corrector_is_a_treatment_s_page():
    plan = analyse(
        b"# PostureWell adjustable posture corrector\n\nThis posture corrector pulls the"
        b" shoulders back while you sit. Wear the posture corrector for an hour a day.\n",
        "product.md",
    )
    assert plan.pages[0].kind == "treatment"


def test_the_most_common_type_a_sentence_names_is_a_kind_of_the_condition():
    plan = analyse(
        b"# Spinal AVM\n\nA spinal arteriovenous malformation (AVM) is a tangle of blood vessels"
        b" on or in the spinal cord.\n\n## Overview\n\nThe most common type is a spinal dural"
        b" arteriovenous fistula, a single abnormal connection in the covering of the spinal"
        b" cord.\n",
        "page.md",
    )
    kinds = {p.title for p in plan.pages if p.kind == "condition"}
    assert "Spinal dural arteriovenous fistula" in kinds
    assert not any("connection" in title for title in kinds)


def test_a_podcast_episode_s_title_names_the_transcript_not_the_show():
    turns = [
        "JO: Hello and welcome to the show, the podcast about your body at work.",
        "SAM: Today we're talking about bus drivers, because many of you wrote in.",
        "JO: Our guest is Priya, a physiotherapist who worked with drivers for years.",
        "PRIYA: Thanks for having me. Back pain in bus drivers usually comes from long"
        " hours sitting still in one position.",
        "SAM: What should drivers do first?",
        "PRIYA: Adjust the seat so the hips are level with the knees, and get out and walk"
        " at every break. Most back pain settles within six weeks.",
        "JO: And if it doesn't settle?",
        "PRIYA: See your GP if it is no better after six weeks, or sooner if it is getting worse.",
    ]
    lines = "\n".join(f"[00:0{i}:10] {turn}" for i, turn in enumerate(turns))
    plan = analyse(
        (
            "THE WELL WITHIN PODCAST\nEpisode 12: Back pain in bus drivers\n"
            "Hosts: Jo and Sam | Guest: Priya, physiotherapist\n\n" + lines + "\n"
        ).encode(),
        "episode.txt",
    )
    assert plan.pages[0].title == "Back pain in bus drivers"


@pytest.mark.parametrize(
    ("sentence", "times"),
    [
        ("Do this routine every morning before work and again at lunch.", 2),
        ("Do the routine once every morning, and again in the evening if your leg is tight.", 1),
        ("Do them every morning.", 1),
    ],
)
def test_every_morning_and_again_later_is_twice_a_day_unless_only_when_needed(sentence, times):
    from back_health.importer.dose import read_dose

    assert read_dose(sentence).dose["times_per_day"] == times
