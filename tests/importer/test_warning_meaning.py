"""Warnings by meaning: advice to get help or a named risk, with its severity set by the
action asked; the emergency and urgent-care services of each locale are data."""

from __future__ import annotations

import re

import pytest

from back_health.importer.classify import classify
from back_health.importer.clean import clean_document
from back_health.importer.parse import parse_document
from back_health.importer.pipeline import analyse
from back_health.importer.plan import SourceInfo
from back_health.importer.rules import default_rules, expand_services, service_names
from back_health.importer.severity import advice_of, severity_of

SOURCE = SourceInfo(name="warnings", sha256="0" * 64, format="markdown", bytes=1)
INTRO = "# Back pain\n\nBack pain is common and usually gets better within a few weeks.\n\n"


def plan_of(markdown):
    return classify(clean_document(parse_document(INTRO + markdown, "markdown")), SOURCE)


def warnings_of(markdown):
    return [b.value for p in plan_of(markdown).pages for b in p.blocks if b.type == "warning"]


def level_of(sentence):
    """The severity of ``sentence`` read as advice to the reader, or None when it is none."""
    found = advice_of(sentence, default_rules())
    return found.level if found is not None else None


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        (
            "Call 911 or go to the nearest emergency room if you lose control of your bladder.",
            "emergency",
        ),
        ("Call triple zero (000) for an ambulance if you have chest pain.", "emergency"),
        ("Dial 112 if you cannot move your legs.", "emergency"),
        ("Seek care right away if you notice new weakness in a leg.", "urgent"),
        ("Seek care if the ache lasts more than 6 weeks.", "see_doctor"),
        ("Avoid deep twists and wide-legged stretches while your pelvis is sore.", "caution"),
        (
            "Mention your pain at your next antenatal appointment if it stops you sleeping.",
            "see_doctor",
        ),
        ("If your child is still weak weeks after a cold, mention it to your GP.", "see_doctor"),
        (
            "Drinking alcohol while taking amitriptyline is not advised, as it makes you drowsy.",
            "caution",
        ),
        ("Ask your child's physiotherapist for a review if they lean to one side.", "see_doctor"),
        ("After surgery, contact the ward the same day if the wound leaks.", "urgent"),
        (
            "Weakness after a dive is decompression sickness until proved otherwise: give"
            " oxygen and call 999.",
            "emergency",
        ),
        ("No heavy lifting for 6 weeks after the operation.", "caution"),
        ("NO DRIVING FOR 4 WEEKS, UNTIL YOU ARE OFF CODEINE.", "caution"),
        (
            "Go to your nearest emergency department if you have back pain after a fall.",
            "emergency",
        ),
        ("Go to hospital straight away if you lose control of your bowels.", "emergency"),
        ("Seek immediate medical care if the weakness in your leg is getting worse.", "urgent"),
        ("Call your doctor right away if you have back pain with a fever.", "urgent"),
        ("Phone your GP the same day if you have a high temperature.", "urgent"),
        ("Get help from NHS 111 if you are worried.", "urgent"),
        ("Go to an urgent care center if the pain is sudden and severe.", "urgent"),
        ("Sciatica in both legs needs to be checked urgently.", "urgent"),
        ("Book a routine appointment with your GP if the spasms keep coming back.", "see_doctor"),
        ("See your doctor if your symptoms have not improved after 6 weeks.", "see_doctor"),
        ("See a health professional if the pain lasts more than 6 weeks.", "see_doctor"),
        ("Contact your physical therapist if the exercises make the pain worse.", "see_doctor"),
        ("Visit the ER if you lose feeling in your legs.", "emergency"),
        ("Call your local emergency number if you cannot move.", "emergency"),
        ("Seek immediate care for back pain that causes new bladder problems.", "urgent"),
        (
            "Talk to your pharmacist before using anti-inflammatory gels if you are pregnant.",
            "caution",
        ),
        ("You should not take ibuprofen if you have had a stomach ulcer.", "caution"),
        ("People with kidney disease should not take naproxen.", "caution"),
        ("Make a routine GP appointment if the pain has lasted a month.", "see_doctor"),
        ("Advise the employee to see their GP if the pain is not improving.", "see_doctor"),
        (
            "If a worker develops numbness around the bottom, weakness in both legs or loss"
            " of bladder control, call 999.",
            "emergency",
        ),
        ("If you have osteoporosis, skip the twisting stretch.", "caution"),
        ("You should be seen urgently if you have numbness in both legs.", "urgent"),
        ("If your child has a fever with back pain, take them to a doctor the same day.", "urgent"),
        ("Consult a doctor before starting any exercise programme if you are pregnant.", "caution"),
        ("Ask your pharmacist for advice before taking these with other medicines.", "caution"),
        ("See your doctor today if you have new numbness in your legs.", "urgent"),
        ("Call your provider if your pain does not improve after six weeks.", "see_doctor"),
        ("Tell your dentist if you take a bisphosphonate.", "caution"),
        ("Book a routine appointment if the stiffness keeps coming back.", "see_doctor"),
        (
            "Make an appointment with your child's health care provider if the curve grows.",
            "see_doctor",
        ),
        ("If it still hurts after a month, get it assessed by a physiotherapist.", "see_doctor"),
        ("If the wound leaks, ring your surgical team the same day.", "urgent"),
        ("Call the 24-hour spinal cord hotline straight away if your legs feel weak.", "urgent"),
        ("Contact Ward 12 straight away if the wound bleeds.", "urgent"),
        ("Go back to your GP if the tingling spreads to your other hand.", "see_doctor"),
        ("A: See a GP if the curve keeps getting worse.", "see_doctor"),
        ("Sudden weakness in both legs after a fall: go to A&E.", "emergency"),
        ("Fish oil may increase the risk of bleeding if you take warfarin.", "caution"),
        ("Prednisolone can raise your blood sugar.", "caution"),
        ("If your legs are weak you are at risk of blood clots.", "caution"),
        # A harm a treatment risks, said of the treatment: a named risk to the reader.
        ("Like any operation, it carries a small risk of infection and bleeding.", "caution"),
        ("There is a slight risk that the needle causes nerve damage.", "caution"),
        ("The risks of the injection include a headache and, rarely, infection.", "caution"),
        # A harm two medicines taken together risk.
        ("Taking naproxen with warfarin can cause serious bleeding.", "caution"),
        ("Mixing gabapentin with alcohol can slow breathing.", "caution"),
        # Advice about the patient in a letter, a guideline or a note for colleagues.
        (
            "Black stools while on naproxen: stop the naproxen and contact his GP urgently.",
            "urgent",
        ),
        ("Sudden leg weakness may mean nerve compression: send the patient to A&E.", "emergency"),
        ("If his pain worsens, he should stop the tablets and contact his GP.", "see_doctor"),
        ("Advise patients not to drive until they know how the medicine affects them.", "caution"),
        ("Duloxetine should not be stopped suddenly.", "caution"),
        ("If the pain spreads down your legs, book in with your GP.", "see_doctor"),
        ("A leaking wound means calling your surgeon's team or 111 the same day.", "urgent"),
        # Telling a clinician about a condition or a medicine before a procedure.
        (
            "Before an epidural, tell the anaesthetist that you have a Chiari malformation.",
            "caution",
        ),
        (
            "Steroid injections can raise blood sugar, so tell the team if you have diabetes.",
            "caution",
        ),
        # Advice to avoid something with the harm it risks.
        ("Avoid neck manipulation, as sudden forceful movements could make it worse.", "caution"),
        (
            "Avoid back-bending exercises such as the cobra until you have been assessed by a"
            " physiotherapist, as they can flare your pain.",
            "caution",
        ),
        ("Avoid manipulation, and tell any therapist that you have a tethered cord.", "caution"),
        ("If it is no better after 6 weeks, get assessed properly by a physio.", "see_doctor"),
        (
            "If the pain lasts more than 3 weeks, consult an orthopaedic spine specialist.",
            "see_doctor",
        ),
        ("Book a GP or physio appointment if it keeps coming back.", "see_doctor"),
        ("Contact the pain management nurses if the site becomes red and hot.", "see_doctor"),
        ("Report to your unit medical officer the same day if an arm goes numb.", "urgent"),
        (
            "With instability we advise against manipulation, because it can injure the segment.",
            "caution",
        ),
        ("Patients who take blood thinners must inform us before an injection.", "caution"),
        ("And pls don't copy these moves off videos without a physio checking you.", "caution"),
        ("In case of sudden leg weakness, call immediately the emergency number 112.", "emergency"),
        (
            "If you take blood thinners, check with our pharmacist before taking ibuprofen.",
            "caution",
        ),
        ("Please tell me before your massage if you take warfarin.", "caution"),
        ("Contact the MSK service if your pain is not improving after 6 weeks.", "see_doctor"),
        ("Smoking increases the risk that the bones will not fuse after surgery.", "caution"),
        (
            "Do not take ibuprofen if you have had a stomach ulcer; ask a pharmacist about a"
            " safer choice.",
            "caution",
        ),
        ("Don't stop it suddenly - talk to your GP about reducing it slowly.", "caution"),
        ("Don't wait: see your GP if the numbness spreads to both legs.", "see_doctor"),
        (
            "Leg weakness in a patient with a known curve needs same-day specialist assessment.",
            "urgent",
        ),
        (
            "Referral to a paediatric spinal service is advised if the curve progresses.",
            "see_doctor",
        ),
        (
            "After a crash or heavy landing, assume a neck injury: do not move the head and"
            " call 999.",
            "emergency",
        ),
        ("New numbness in both hands requires same-day medical assessment.", "urgent"),
        ("If they stop breathing normally, start CPR straight away.", "emergency"),
        ("Check with the pharmacy before taking naproxen if you have asthma.", "caution"),
        ("Tell the practitioner if you take a blood thinner such as warfarin.", "caution"),
        # Telling the team about a medicine or a pregnancy first, asking a pharmacist
        # which medicine suits: check first. A symptom to report is still a visit.
        (
            "If you take a blood thinner such as warfarin, tell the pre-assessment nurse.",
            "caution",
        ),
        ("Ask a pharmacist which painkillers are right for you.", "caution"),
        # Checking with someone that a medicine suits the reader: check first.
        ("Check with your pharmacist that the gel is safe for you if you have asthma.", "caution"),
        ("Ask your GP whether these tablets are suitable for you.", "caution"),
        # Talking to a prescriber about changing a medicine: check first, no visit.
        ("Speak to your doctor about cutting down the tablets slowly.", "caution"),
        # A ward's line answered day and night: urgent; asking before the next dose and
        # stopping a product that harms the skin: cautions.
        ("Ring the surgical ward, day or night, if your wound starts to leak.", "urgent"),
        ("Call the ward on 01632 960 000 (24 hours) if you have a fever.", "urgent"),
        ("Get medical care right away if your incision starts to leak.", "urgent"),
        ("Contact your specialist nurse before your next injection if you have a cold.", "caution"),
        ("Stop using the cream if your skin becomes very red or sore.", "caution"),
        ("Avoid anti-inflammatory tablets for 3 months unless your surgeon says so.", "caution"),
        # Booking with or messaging a clinician if it is not better: see a doctor.
        ("Book with your GP or a physio if your neck is no better after 2 weeks.", "see_doctor"),
        (
            "Message your provider through the app if the pain is not better in a week.",
            "see_doctor",
        ),
        (
            "If you take an ACE inhibitor such as ramipril for your blood pressure, the cream"
            " may make a dry cough more likely, so let your pharmacist know.",
            "caution",
        ),
        ("We advise people with osteoporosis not to do sit-ups.", "caution"),
        ("If the pain lasts more than a day after a session, let your physio know.", "see_doctor"),
        ("If you have chest pain with it, call your GP.", "see_doctor"),
        ("Talk to your pharmacist if the cream does not help.", "see_doctor"),
        # What a symptom needs, said of the symptom: "needs a 999 call", "means A&E".
        ("Chest pain with sudden breathlessness needs a 999 call.", "emergency"),
        ("A cold, pale hand needs emergency medical attention.", "emergency"),
        ("Numbness around the bottom means A&E or 999 straight away.", "emergency"),
        ("Numbness in the saddle area is a 999 situation, so don't wait.", "emergency"),
        # A condition, then a polite request to a carer: "If he ..., please take him".
        ("If he has a fever or cannot pee, please take him to A&E straight away.", "emergency"),
        ("If the pain spreads to your leg, please call your GP.", "see_doctor"),
        # Terse routing lines of clinical notes and safety-netting: the service, then when.
        ("999 if arm weakness comes on suddenly with a drooping face.", "emergency"),
        ("A&E or 999 if he cannot pass urine.", "emergency"),
        ("Same-day GP or 111 if weakness spreads to both arms.", "urgent"),
        ("111 or same-day GP if there is a fever with it.", "urgent"),
        ("Urgent GP review if the pain wakes her at night.", "urgent"),
        ("Back to GP or physio if no sign of improvement after 3 months.", "see_doctor"),
        ("GP review in 4 weeks if not improving.", "see_doctor"),
    ],
)
def test_the_action_asked_sets_the_severity(sentence, severity):
    assert level_of(sentence) == severity


@pytest.mark.parametrize(
    "sentence",
    [
        "About 3 to 5 percent of adults will have a pinched nerve at some point.",
        "Last year 300 patients went to A&E with back pain.",
        "About 1 in 20 people with back pain need to see a specialist.",
        "I ended up in A&E last Christmas and waited six hours.",
        "Book an appointment online if you would like a sports massage.",
        "Smoking can increase the risk of back pain.",
        "Smokers carry a higher risk of back pain than non-smokers.",  # no harm named
        "Heavy lifting carries a risk of back strain at work.",
        "Opioids should not be used for acute low back pain.",  # advice against, not a risk
        "People should exercise more and see friends.",
        "Avoid slouching as it looks untidy.",
        "In many areas you can refer yourself to physiotherapy without seeing a GP first.",
        "You have this leaflet because a scan in the Emergency Department showed a break.",
        "You were brought in by ambulance after your fall.",
        "Our volunteers can help you book a GP appointment or fill in forms.",
        "No lifting injuries were reported in the study.",
        "Referral to physiotherapy is advised for most people.",
        "Staying active increases the chance that the back will heal quickly.",
        "The course teaches you when to start CPR and how to use a defibrillator.",
        "A 999 call means an ambulance crew comes to the house.",
        "This means the emergency team has seen the scan.",
        "If you have any other questions, ring the pain nurses on the advice line below.",
        # A service opening a sentence that routes no one.
        "A&E for the night was busy.",
        "999 calls rose by a tenth when the snow came.",
        "GP practices are closed when it snows.",
        "Physiotherapy if you can afford it helps.",
    ],
)
def test_statistics_and_stories_are_not_advice(sentence):
    assert advice_of(sentence, default_rules()) is None


def test_each_locale_names_its_own_services_and_an_unknown_locale_is_refused():
    shipped = service_names()
    assert {"999", "911", "112", "000"} <= set(shipped["emergency_numbers"])
    assert "111" in shipped["urgent_numbers"]
    # New Zealand's emergency number is the United Kingdom's urgent one: a site chooses.
    nz = default_rules(locales=("nz",))
    assert advice_of("Call 111 if you cannot feel your legs.", nz).level == "emergency"
    assert advice_of("Call 111 if you cannot feel your legs.", default_rules()).level == "urgent"
    with pytest.raises(ValueError, match="xx"):
        service_names(["xx"])


def test_a_kind_without_services_matches_nothing():
    pattern = expand_services(r"\bcall (?:{urgent_numbers}|a nurse)\b", {"urgent_numbers": ()})
    assert not re.search(pattern, "call 111")
    assert re.search(pattern, "call a nurse")


def test_a_list_of_conditions_after_do_not_take_if_is_a_caution():
    [warning] = warnings_of(
        "## Before you take it\n\nDo not take these tablets if:\n\n"
        "- you have epilepsy\n- you have kidney problems\n"
    )
    assert warning["severity"] == "caution"
    assert "you have epilepsy" in warning["items"]


def test_a_plain_do_not_list_stays_advice():
    assert not warnings_of(
        "## Looking after yourself\n\nDo not:\n\n- sit still for hours\n- carry heavy bags\n"
    )


@pytest.mark.parametrize(
    "item",
    [
        "Don't drive until you can turn your head fully to check your blind spot.",
        "Arrange for an adult to take you home. You must not drive for the rest of the day.",
        "Do not drive for 6 weeks, and only when you can do an emergency stop.",
    ],
)
def test_a_time_the_reader_must_not_drive_is_a_caution_in_a_list_of_donts(item):
    [warning] = warnings_of(
        f"## What not to do\n\n- Don't stay in bed for days.\n- {item}\n- Don't sit still.\n"
    )
    assert warning["severity"] == "caution"
    assert any("drive" in text for text in [warning["text"], *warning["items"]])


def test_waiting_to_drive_until_a_medicine_is_known_stays_in_the_medicines_text():
    assert not warnings_of(
        "## Medicines\n\n- Gabapentin 100 mg: take 1 capsule at night. It calms irritated"
        " nerves. Do not drive until you know how it affects you.\n- Paracetamol: 1 g"
        " four times a day.\n"
    )


def test_labelled_cautions_before_a_procedure_are_boxed_and_plain_tips_stay():
    warnings = warnings_of(
        "## Before your appointment\n\n"
        "- Blood thinners: if you take warfarin, phone us at least one week before your"
        " appointment.\n"
        "- Diabetes: the steroid can raise your blood sugar for a few days.\n"
        "- Allergies: tell us if you have ever reacted to X-ray contrast dye.\n"
        "- Pregnancy: tell us if you are, or might be, pregnant.\n"
        "- You can eat a light meal before you come.\n\n"
        "## Aftercare\n\n- Rest for the rest of the day. Do not drive for 24 hours.\n"
        "- You can shower the next day.\n"
    )
    texts = " ".join(str(w) for w in warnings)
    assert {w["severity"] for w in warnings} == {"caution"}
    for phrase in ("phone us", "blood sugar", "contrast dye", "might be, pregnant", "24 hours"):
        assert phrase in texts
    assert "light meal" not in texts and "shower" not in texts


def test_a_restrictions_heading_makes_its_list_a_caution():
    [warning] = warnings_of(
        "## Restrictions for the first 6 weeks\n\n- Do not lift anything heavier than 5kg.\n"
        "- Do not climb ladders.\n"
    )
    assert warning["severity"] == "caution"
    assert "5kg" in str(warning)


def test_a_short_do_not_wait_stays_with_the_emergency_advice_it_presses():
    [warning] = warnings_of(
        "## Warning signs\n\nCall 999 if you cannot pee or feel your bottom. "
        "Do not wait to see if it settles.\n"
    )
    assert warning["severity"] == "emergency"
    assert "Do not wait" in warning["text"]


@pytest.mark.parametrize(
    "markdown",
    [
        "## Getting medical help\n\n- pain that lasts more than 6 weeks\n- pain at night\n",
        "## When should I get help?\n\n- pain that lasts more than 6 weeks\n- pain at night\n",
        "## Back pain at night\n\nUrgent advice: Ask for an urgent GP appointment if:\n\n"
        "- you have a fever\n- you feel unwell\n",
    ],
)
def test_care_card_lists_under_help_headings_or_labels_are_warnings(markdown):
    warnings = warnings_of(markdown)
    assert warnings and all(w["items"] for w in warnings)


@pytest.mark.parametrize(
    ("sentence", "is_caution"),
    [
        ("Naproxen is not recommended in the last three months of pregnancy.", True),
        ("Aspirin is not suitable for children under 16.", True),
        ("Bed rest is not recommended for back pain.", False),
        ("Surgery is not recommended for most people with back pain.", False),
    ],
)
def test_a_medicine_unsuitable_for_a_group_is_a_caution_but_advice_against_is_not(
    sentence, is_caution
):
    assert (level_of(sentence) == "caution") is is_caution


def test_a_risks_section_of_a_procedure_is_one_caution_warning():
    values = warnings_of(
        "## Risks\n\nAs with any operation, there are risks.\n\n- wound infection (about 2 in"
        " 100 people)\n- a blood clot in the leg\n\nThere is a small risk of damage to a nerve,"
        " which can leave numbness in a leg.\n\n## Recovery\n\nMost people go home in 3 days.\n"
    )
    assert len(values) == 1
    [risks] = values
    assert risks["severity"] == "caution"
    assert "wound infection (about 2 in 100 people)" in risks["items"]
    assert "small risk of damage to a nerve" in risks["text"]
    assert "go home" not in str(risks)


def test_a_cautions_section_that_asks_for_emergency_help_keeps_that_severity():
    values = warnings_of(
        "## Cautions\n\n- Do not drive with the stimulator switched on.\n- Call 999 if you"
        " suddenly cannot move your legs.\n"
    )
    assert "emergency" in {value["severity"] for value in values}


def test_risk_factors_are_no_cautions():
    assert warnings_of("## Risk factors\n\n- smoking\n- heavy lifting at work\n") == []


def test_a_caution_that_refers_back_is_boxed_with_the_sentence_it_leans_on():
    values = warnings_of(
        "## Medicines\n\nAmitriptyline may be prescribed at night for nerve pain. It can make"
        " you drowsy, so do not drive until you know how it affects you. Most people feel"
        " better within a few weeks.\n"
    )
    assert len(values) == 1
    [caution] = values
    assert caution["severity"] == "caution"
    assert "Amitriptyline may be prescribed" in caution["text"]
    assert "do not drive" in caution["text"]
    assert "feel better" not in caution["text"]


@pytest.mark.parametrize(
    "item",
    [
        "Do not give aspirin to children under 16",
        "Don't give aspirin to children under 16",
        "Don\u2019t give aspirin to children under 16",
    ],
)
def test_a_do_not_item_for_a_group_in_a_list_of_things_to_try_is_a_caution(item):
    values = warnings_of(
        "## What you can do at home\n\n- Give paracetamol at the dose on the packet.\n"
        f"- {item}.\n- A warm bath can ease the spasm.\n"
    )
    assert [v["items"] for v in values] == [[item]]
    assert values[0]["severity"] == "caution"


def test_a_caution_is_boxed_with_the_risk_to_the_reader_named_just_before_it():
    values = warnings_of(
        "## Medicines\n\nGabapentin is taken three times a day. Gabapentin can make you"
        " sleepy. Do not drink alcohol while you are taking the capsules.\n"
    )
    [caution] = values
    assert caution["severity"] == "caution"
    assert "can make you sleepy. Do not drink alcohol" in caution["text"]
    assert "three times a day" not in caution["text"]


def test_the_risk_that_explains_a_caution_joins_its_box_and_the_rest_stays_text():
    values = warnings_of(
        "## Coming off the tablets\n\nDo not stop taking baclofen all at once. Stopping"
        " abruptly can cause fits and confusion. Your doctor will lower the dose slowly.\n"
    )
    [caution] = values
    assert "Stopping abruptly can cause fits" in caution["text"]
    assert "lower the dose" not in caution["text"]


def test_a_caution_in_what_a_list_says_of_a_treatment_is_boxed_on_its_page():
    plan = plan_of(
        "## Treatments\n\n- Amitriptyline. A low dose at night can ease nerve pain. It can"
        " make you drowsy, so do not drive until you know how it affects you.\n- Heat. A warm"
        " pack eases the spasm for many people.\n"
    )
    [page] = [p for p in plan.pages if p.title == "Amitriptyline"]
    kinds = [b.type for b in page.blocks]
    assert "warning" in kinds
    [caution] = [b.value for b in page.blocks if b.type == "warning"]
    assert "do not drive" in caution["text"]
    assert "ease nerve pain" in " ".join(str(b.value) for b in page.blocks)


def test_advice_about_a_treatment_in_a_list_item_stays_text():
    assert not warnings_of(
        "## What helps\n\n- Gentle movement. Do not wear a neck collar: it keeps the neck"
        " stiff for longer.\n"
    )


def test_an_item_asking_for_urgent_help_in_a_list_of_tips_is_boxed_and_the_rest_stay():
    values = warnings_of(
        "## What helped me\n\n- A warm shower every morning.\n- If your arm goes weak or"
        " numb, stop reading and call 111.\n- Short walks twice a day.\n"
    )
    [box] = values
    assert box["severity"] == "urgent"
    assert "call 111" in box["text"]
    assert "warm shower" not in box["text"]


@pytest.mark.parametrize(
    "heading", ["Who should not use a heat wrap", "Contraindications", "Is it safe for everyone?"]
)
def test_a_who_should_not_use_it_section_is_a_caution_and_its_see_a_gp_line_its_own(heading):
    warnings = warnings_of(
        f"## {heading}\n\n"
        "- Do not use it if you have diabetes and numb feet.\n"
        "- Do not use it on broken skin.\n\n"
        "See your GP if the pain has not improved after 2 weeks of regular use.\n"
    )
    severities = sorted(str(w["severity"]) for w in warnings)
    assert severities == ["caution", "see_doctor"]
    caution = next(w for w in warnings if str(w["severity"]) == "caution")
    assert "Do not use it on broken skin" in caution["items"]


def test_a_triage_table_is_one_warning_per_row_with_the_severity_of_its_action():
    warnings = warnings_of(
        "## When to act\n\n| If | Action |\n|---|---|\n"
        "| A hot, swollen joint | Send the pupil to the school nurse. |\n"
        "| A red, painful eye | Phone parents: the pupil needs to be seen at eye casualty "
        "the same day. |\n"
        "| Sudden weakness in the legs | Do not move the pupil. Call 999. |\n"
    )
    assert [str(w["severity"]) for w in warnings] == ["see_doctor", "urgent", "emergency"]
    assert "A red, painful eye" in warnings[1]["text"]


def test_a_data_table_is_no_triage_table():
    plan = plan_of(
        "## Medicines\n\n| Medicine | Dose |\n|---|---|\n"
        "| Naproxen | 250 mg twice a day |\n| Paracetamol | 1 g four times a day |\n"
    )
    blocks = [b.type for p in plan.pages for b in p.blocks]
    assert "table" in blocks and "warning" not in blocks


@pytest.mark.parametrize("heading", ["Other medicines, food and alcohol", "Interactions"])
def test_an_interactions_section_is_a_caution_and_names_no_treatments(heading):
    plan = plan_of(
        f"## {heading}\n\n"
        "- **Opioids.** Taking it with morphine can slow your breathing.\n"
        "- **Alcohol.** Drinking alcohol with it makes sleepiness worse.\n"
    )
    warnings = [b.value for p in plan.pages for b in p.blocks if b.type == "warning"]
    assert [str(w["severity"]) for w in warnings] == ["caution"]
    assert not {"Opioids", "Alcohol"} & {p.title for p in plan.pages}


def test_questions_to_ask_the_doctor_are_no_warning():
    from back_health.importer.pipeline import analyse

    text = (
        "# Sciatica\n\nSciatica is pain that runs from the back down the leg.\n\n"
        "## Ask your doctor\n\n- Should I see a physiotherapist?\n- Which exercises are safe?\n"
    )
    plan = analyse(text.encode(), "a.md")
    assert not [b for b in plan.pages[0].blocks if b.type == "warning"]
    assert "Which exercises are safe?" in " ".join(str(b.value) for b in plan.pages[0].blocks)


def test_a_caution_after_a_call_for_help_joins_its_box():
    from back_health.importer.pipeline import analyse

    text = (
        "# Sciatica\n\nSciatica is pain that runs from the back down the leg.\n\n"
        "Go to A&E if you cannot pee or feel numb between your legs. Do not wait for "
        "Monday.\n"
    )
    plan = analyse(text.encode(), "a.md")
    boxes = [b.value for b in plan.pages[0].blocks if b.type == "warning"]
    assert len(boxes) == 1 and boxes[0]["severity"] == "emergency"
    assert "Monday" in boxes[0]["text"]


def test_a_list_led_like_a_care_card_is_a_warning_per_urgency():
    from back_health.importer.pipeline import analyse

    text = (
        "# Wry neck\n\nWry neck is a sudden stiff neck.\n\n"
        "Neck exercises help: chin tucks, 10 times, 3 times a day.\n\n"
        "When to get checked:\n\n"
        "- See your GP if it has not settled after a week.\n"
        "- Call 111 if both hands go numb.\n"
        "- Call 999 if you have a sudden, severe headache.\n"
    )
    plan = analyse(text.encode(), "a.md")
    levels = [b.value["severity"] for b in plan.pages[0].blocks if b.type == "warning"]
    assert levels == ["see_doctor", "urgent", "emergency"]
    assert not [
        b for b in plan.pages[0].blocks if b.type == "exercise_list" and "GP" in str(b.value)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "If you take a blood thinner such as warfarin, tell us before treatment.",
        "Please tell us before your appointment if you take medicines that thin the blood.",
    ],
)
def test_telling_the_clinic_before_treatment_is_a_caution(sentence):

    assert level_of(sentence) == "caution"


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("Tell your doctor straight away if you are in contact with chickenpox.", "urgent"),
        ("Carry your steroid emergency card and show it to any doctor who treats you.", "caution"),
        ("Check with a pharmacist before taking ibuprofen.", "caution"),
    ],
)
def test_contacts_made_in_haste_are_urgent_and_safety_cards_are_cautions(sentence, level):

    assert level_of(sentence) == level


def test_an_item_advising_against_a_medicine_for_the_harm_it_does_is_a_caution():
    from back_health.importer.pipeline import analyse

    text = (
        "# Sciatica\n\nSciatica is pain that runs from the back down the leg.\n\n"
        "## Medicines\n\n- Paracetamol 500 mg: 1 to 2 tablets every 6 hours.\n"
        "- Please avoid ibuprofen and naproxen, because they can harm your kidneys.\n"
    )
    plan = analyse(text.encode(), "a.md")
    boxes = [b.value for b in plan.pages[0].blocks if b.type == "warning"]
    assert any("harm your kidneys" in str(box) and box["severity"] == "caution" for box in boxes)


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("Come to the clinic the same day if you notice numbness in your hands.", "urgent"),
        (
            "It may feel soothing, and we advise against vigorous massage of the spine,"
            " because brittle bones can break.",
            "caution",
        ),
    ],
)
def test_coming_in_the_same_day_and_advice_against_a_harm_are_warnings(sentence, level):

    assert level_of(sentence) == level


@pytest.mark.parametrize("heading", ["Important notes", "Safety bits (please read)", "Warnings"])
def test_a_heading_of_notes_or_safety_heads_warnings_and_names_nothing(heading):
    plan = plan_of(
        "# Osteochondrosis\n\nOsteochondrosis is wear of the discs of the spine.\n\n"
        "## Treatment\n\nPhysiotherapy strengthens the back muscles.\n\n"
        f"### {heading}\n\nPatients who take blood thinners must inform us before an"
        " injection.\n"
    )
    titles = {page.title for page in plan.pages}
    assert heading not in titles and heading.split(" (")[0] not in titles
    assert any(
        block.type == "warning" and "blood thinners" in block.value["text"]
        for page in plan.pages
        for block in page.blocks
    )


def test_who_cannot_take_part_in_a_study_is_no_risk_to_the_reader():
    warnings = warnings_of(
        "# Neck pain study\n\nWe are testing a new exercise plan for neck pain.\n\n"
        "## Who cannot take part\n\n- People with a pacemaker\n- Anyone waiting for neck"
        " surgery\n"
    )
    assert not warnings


def test_a_dont_list_naming_no_risk_is_advice_not_a_warning():
    values = warnings_of(
        "## Don't\n\n- do not stand in one place for long periods\n"
        "- do not go running on hard ground while the pain is bad\n"
    )
    assert values == []


@pytest.mark.parametrize(
    "item",
    [
        "do not take ibuprofen if you have asthma",
        "do not lift heavy things, as it can strain the healing joint",
    ],
)
def test_a_dont_list_naming_a_risk_or_who_is_at_risk_is_a_caution(item):
    values = warnings_of(f"## Don't\n\n- {item}\n- do not sit for long periods\n")
    assert values and values[0]["severity"] == "caution"


def test_cautions_in_a_row_are_one_box_and_advice_between_them_keeps_them_apart():
    together = warnings_of(
        "## Your tablets\n\nThis medicine may make you sleepy. If this happens, do not drive"
        " or use machines. Do not drink alcohol while you take it.\n"
    )
    cautions = [w for w in together if w["severity"] == "caution"]
    assert len(cautions) == 1
    assert "do not drive" in cautions[0]["text"] and "alcohol" in cautions[0]["text"]

    apart = warnings_of(
        "## Your tablets\n\nDo not drive if the tablets make you sleepy. Take them with food"
        " at the same times each day. Do not drink alcohol while you take them.\n"
    )
    assert len([w for w in apart if w["severity"] == "caution"]) == 2


def test_an_important_heading_over_cautions_boxes_them_as_cautions():
    found = warnings_of(
        "## Important\n\n* Do not stop the tablets suddenly, because stopping all at once can cause"
        " fits.\n* Check with your pharmacist before buying any other medicine.\n"
    )
    assert found and {w["severity"] for w in found} == {"caution"}
    assert "pharmacist" in str(found)


def test_a_list_item_that_warns_is_boxed_and_the_other_tips_stay_a_list():
    plan = plan_of(
        "## While you wear a brace\n\n- Wear a thin cotton vest under the brace.\n- Keep"
        " taking your pain relief. Check with your pharmacist before taking ibuprofen if you"
        " are over 65 or take blood thinners.\n- See your GP if your back pain hasn't eased"
        " after 6 weeks.\n"
    )
    blocks = [b for p in plan.pages for b in p.blocks]
    warnings = [b.value for b in blocks if b.type == "warning"]
    assert {w["severity"] for w in warnings} == {"caution", "see_doctor"}
    text = " ".join(str(b.value) for b in blocks if b.type != "warning")
    assert "Wear a thin cotton vest" in text and "pharmacist" not in text


def test_a_plain_list_of_do_nots_stays_advice():
    assert not warnings_of(
        "## Day to day\n\n- Do not sit for more than an hour.\n- Do not carry heavy bags.\n"
    )


@pytest.mark.parametrize(
    ("sentence", "boxed"),
    [
        (
            "Do not stop wearing the brace without advice: taking it off early can let the"
            " fracture move.",
            True,
        ),
        ("Do not stop wearing the brace at night: you will soon get used to it.", False),
    ],
)
def test_advice_against_with_the_harm_after_a_colon_is_a_caution(sentence, boxed):
    found = warnings_of(f"## Wearing your brace\n\n- Put it on lying down.\n- {sentence}\n")
    assert bool([w for w in found if w["severity"] == "caution"]) is boxed


@pytest.mark.parametrize(
    "item",
    [
        "If you take blood thinners such as warfarin or apixaban, call us at least 7 days before.",
        "Tell us if you are or could be pregnant.",
        "Please tell us if you are, or might be, pregnant.",
        "Let us know if you take insulin.",
        "You must not drive home after the injection, because your leg may be numb.",
    ],
)
def test_a_list_item_asking_to_tell_the_team_first_or_forbidding_with_a_risk_is_a_caution(item):
    markdown = (
        "# Facet joint injection\n\nA facet joint injection puts steroid into a small joint"
        f" of the spine.\n\n## Before your appointment\n\n- {item}\n- You can eat and drink"
        " normally.\n"
    )
    boxes = warnings_of(markdown)
    assert [box["severity"] for box in boxes] == ["caution"]
    assert item.split(",")[0].rstrip(".") in re.sub(r"<[^>]+>", "", str(boxes[0]))


@pytest.mark.parametrize(
    "item",
    [
        "Tell us if you have any questions.",
        "Tell us if you are happy with the plan.",
        "You should not worry, because most people feel fine.",
    ],
)
def test_a_list_item_asking_for_questions_or_reassuring_is_no_caution(item):
    markdown = (
        "# Facet joint injection\n\nA facet joint injection puts steroid into a small joint"
        f" of the spine.\n\n## Before your appointment\n\n- {item}\n- You can eat and drink"
        " normally.\n"
    )
    assert warnings_of(markdown) == []


@pytest.mark.parametrize(
    "item",
    [
        "Don't rub red areas, as this damages the skin further.",
        "Never use a heat pad on skin with no feeling, because it can burn without you noticing.",
        "Avoid alcohol during the course, as the tablets and alcohol can both damage the liver.",
    ],
)
def test_a_list_item_forbidding_something_for_the_harm_it_does_is_a_caution(item):
    markdown = f"## Looking after yourself\n\n- {item}\n- Keep moving as much as you can.\n"
    assert [box["severity"] for box in warnings_of(markdown)] == ["caution"]


def test_a_list_item_forbidding_something_for_a_reason_that_is_no_harm_stays_a_tip():
    markdown = (
        "## Looking after yourself\n\n- Don't stop the exercises suddenly, as your body"
        " needs time to adjust.\n- Keep moving as much as you can.\n"
    )
    assert warnings_of(markdown) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Seek prompt medical advice if your skin or the whites of your eyes turn yellow.",
        "Patients should be advised to stop treatment and seek prompt medical attention if"
        " jaundice develops.",
    ],
)
def test_prompt_medical_attention_is_urgent_and_advice_relayed_to_patients_counts(sentence):
    assert level_of(sentence) == "urgent"


def test_what_patients_should_be_told_that_asks_for_no_care_is_no_warning():
    sentence = "Patients should be advised that the tablets are best taken at night."
    assert advice_of(sentence, default_rules()) is None


@pytest.mark.parametrize(
    "text",
    [
        "/!\\ WARNING  Keep the cord out of reach of children.",
        "CAUTION: remove hearing aids first.",
        "\u26a0 Warning never leave the pack on for more than 20 minutes.",
    ],
)
def test_a_text_its_author_labels_a_warning_is_at_least_a_caution(text):
    assert level_of(text) == "caution"


@pytest.mark.parametrize(
    "text",
    [
        "Warning signs of a slipped disc include leg pain and numbness.",
        "Caution is usually unnecessary with gentle stretches.",
    ],
)
def test_a_sentence_that_only_starts_with_a_warning_word_is_not_labelled(text):
    assert advice_of(text, default_rules()) is None


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        (
            "We do not use shockwave if you take blood thinners, because of the risk of bleeding.",
            "caution",
        ),
        ("We also won't use it if you are pregnant or have a pacemaker.", "caution"),
        ("Pain that keeps you awake at night deserves a GP appointment.", "see_doctor"),
    ],
)
def test_a_clinic_refusing_for_the_reader_s_state_or_pain_deserving_a_visit(text, severity):
    assert level_of(text) == severity


def test_a_clinic_refusing_a_service_for_a_reason_that_is_no_health_state_is_no_warning():
    assert advice_of("We do not offer parking if you arrive late.", default_rules()) is None


def test_a_list_item_forbidding_driving_while_a_medicine_makes_you_drowsy_is_a_caution():
    markdown = (
        "## Taking your tablets\n\n- Take them with food.\n- Don't drive if they make you"
        " dizzy or sleepy.\n"
    )
    assert [box["severity"] for box in warnings_of(markdown)] == ["caution"]


def test_a_symptom_that_needs_a_999_call_is_an_emergency_headed_by_what_to_do():
    (warning,) = warnings_of(
        "# Cervical rib\n\nA cervical rib is an extra rib above the first one.\n\n"
        "A cold, pale hand with sudden pain needs a 999 call.\n"
    )
    assert warning["severity"] == "emergency"
    # What the symptom needs is no heading: the box says what to do.
    assert warning["heading"] == "Get emergency help"


def test_a_tell_us_first_lead_over_its_list_is_a_caution():
    warnings = warnings_of(
        "# Acupuncture\n\nAcupuncture uses fine needles to ease long-term pain.\n\n"
        "Before your treatment, please tell your physiotherapist if you:\n\n"
        "- take blood-thinning medicines such as warfarin\n"
        "- are pregnant or trying to become pregnant\n"
        "- have a pacemaker\n"
    )
    (warning,) = [w for w in warnings if "have a pacemaker" in w["items"]]
    assert warning["severity"] == "caution"


def test_reassurance_around_the_risks_stays_text_and_the_risks_are_boxed():
    plan = plan_of(
        "# Facet joint injection\n\nA facet joint injection puts a steroid into a small"
        " joint of the spine.\n\n## Risks\n\nMost people have no problems. Possible side"
        " effects include a sore back where the needle went in and a short-lived headache."
        " Serious complications happen after fewer than 1 in 1,000 injections.\n"
    )
    page = plan.pages[0]
    (box,) = [b.value for b in page.blocks if b.type == "warning"]
    assert "sore back" in box["text"]
    assert "no problems" not in box["text"] and "1 in 1,000" not in box["text"]
    prose = " ".join(b.value for b in page.blocks if b.type == "paragraph")
    assert "Most people have no problems." in prose and "1 in 1,000" in prose


@pytest.mark.parametrize(
    ("title", "reassurance"),
    [
        ("Coccyx injection", "Most side effects are mild and settle quickly."),
        ("Vertebroplasty", "Vertebroplasty is generally very safe."),
    ],
)
def test_mild_side_effects_or_a_safe_procedure_opening_the_risks_are_reassurance(
    title, reassurance
):
    plan = plan_of(
        f"# {title}\n\n{title} puts a steroid or cement into the spine.\n\n## Risks\n\n"
        f"{reassurance} The area may be sore for a day or two, and the steroid can make"
        " your face flush.\n"
    )
    (box,) = [b.value for b in plan.pages[0].blocks if b.type == "warning"]
    assert "face flush" in box["text"] and reassurance.split()[-2] not in box["text"]


def test_the_risks_keep_their_markup_when_reassurance_is_taken_out():
    plan = plan_of(
        "# Facet joint injection\n\nA facet joint injection puts a steroid into a small"
        " joint of the spine.\n\n## Risks\n\nMost people have no problems. Rarely, the"
        " injection causes **an infection in the joint**.\n"
    )
    (box,) = [b.value for p in plan.pages for b in p.blocks if b.type == "warning"]
    assert "<strong>an infection in the joint</strong>" in box["text"]
    assert "no problems" not in box["text"]


def test_a_risk_given_with_how_often_it_happens_stays_in_the_box():
    plan = plan_of(
        "# Spinal cord stimulation\n\nA stimulator sends small pulses to the spinal cord.\n\n"
        "## Risks\n\nThe most common problem is the leads moving out of place, which happens"
        " in about 1 in 10 people. Infection happens in about 1 in 25 people.\n"
    )
    (box,) = [b.value for p in plan.pages for b in p.blocks if b.type == "warning"]
    assert "leads moving out of place" in box["text"] and "1 in 25" in box["text"]


@pytest.mark.parametrize("opening", ["If this happens", "Should that happen", "If so"])
def test_advice_opening_with_if_this_happens_takes_the_risk_before_it_into_its_box(opening):
    [box] = warnings_of(
        "Relaxation with your eyes closed can sometimes bring back painful memories. "
        f"{opening}, stop and talk to your physiotherapist before you carry on.\n"
    )
    assert "can sometimes bring back painful memories" in box["text"]
    assert f"{opening}, stop and talk" in box["text"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ask your clinician if you would like a place on the evening group.",
        "Let your physio know if you'd prefer a video appointment.",
        "With a video appointment you talk to a chartered physiotherapist from home.",
        "Most people who call 999 with back pain do not need an ambulance.",
    ],
)
def test_an_offer_or_what_happens_at_an_appointment_is_no_warning(sentence):
    assert warnings_of(sentence + "\n") == []
    assert advice_of(sentence, default_rules()) is None


@pytest.mark.parametrize("heading", ["Cautions with your medicines", "PRECAUTIONS - PLEASE READ"])
def test_a_section_of_cautions_boxes_each_as_a_caution(heading):
    boxes = warnings_of(
        f"## {heading}\n\n- Take only one anti-inflammatory at a time.\n"
        "- If you have diabetes, steroid tablets can raise your blood sugar.\n"
    )
    assert boxes and {box["severity"] for box in boxes} == {"caution"}
    found = " ".join(" ".join([box["text"], *box.get("items", [])]) for box in boxes)
    assert "one anti-inflammatory at a time" in found and "raise your blood sugar" in found


@pytest.mark.parametrize(
    "lead", ["We will not use acupuncture:", "Massage is not suitable if you are:"]
)
def test_a_list_of_who_a_treatment_is_not_for_is_a_caution(lead):
    [box] = warnings_of(
        f"{lead}\n\n- taking blood thinners such as warfarin\n- over broken skin or a rash\n"
        "- pregnant, over the lower back\n"
    )
    assert box["severity"] == "caution"
    assert "taking blood thinners such as warfarin" in box["items"]


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        # Telling the clinician what you take or have, before the treatment: a caution.
        ("Tell your doctor if you also use antidepressants or tramadol.", "caution"),
        (
            "Tell your chiropractor if you have osteoporosis or take blood thinners, because"
            " manipulation may not be safe for you.",
            "caution",
        ),
        ("Tell us if you have ever had a reaction to a local anaesthetic.", "caution"),
        (
            "If you take warfarin, contact the Pain Management Service at least 7 days before"
            " your procedure.",
            "caution",
        ),
        (
            "There is little information about herbal remedies, so ask a pharmacist first.",
            "caution",
        ),
        ("Avoid driving until you know how this medicine affects you.", "caution"),
        ("If you have osteoporosis, avoid deep forward bends and strong twists.", "caution"),
        ("Naproxen is not usually recommended in pregnancy, as it may harm your baby.", "caution"),
        (
            "Using it with other medicines that make you drowsy, such as opioid painkillers,"
            " sleeping pills or anxiety medicines, can make this effect worse.",
            "caution",
        ),
        # Contacting the team or a centre about a symptom: see them; in haste, urgent.
        ("An adult must take you home and stay with you for 24 hours.", "caution"),
        ("Codeine can be addictive if you take it for a long time.", "caution"),
        ("Avoid bending, lifting and twisting for the first 6 weeks.", "caution"),
        ("avoid lifting anything heavier than 2 to 3 kg (a full kettle)", "caution"),
        ("Contact us if the pain gets worse.", "see_doctor"),
        ("If the wound bleeds, call the ward the same day.", "urgent"),
        ("Call the Spine & Pain Center if the soreness is still getting worse.", "see_doctor"),
        ("Call us right away if you have a fever or the site is red and swollen.", "urgent"),
    ],
)
def test_disclosures_checks_and_contacts_have_the_severity_they_ask_for(sentence, severity):
    assert level_of(sentence) == severity


@pytest.mark.parametrize(
    "sentence",
    [
        "Never take 2 doses at the same time to make up for a forgotten one.",
        "Do not take two doses at one time.",
        "Call us if you have any questions about your appointment.",
        "It takes 30 to 60 minutes and you go home the same day.",
    ],
)
def test_a_missed_dose_rule_an_offer_of_answers_and_going_home_are_no_warnings(sentence):
    assert advice_of(sentence, default_rules()) is None


def test_a_warnings_heading_asking_for_nothing_is_a_caution_box():
    plan = plan_of(
        "# Naproxen\n\nNaproxen is an anti-inflammatory painkiller.\n\n## Warnings\n\n"
        "Do not use naproxen if you have had a stomach ulcer.\n\n"
        "Tell your doctor if you are pregnant or breastfeeding.\n"
    )
    boxes = [b.value for b in plan.pages[0].blocks if b.type == "warning"]
    assert [box["severity"] for box in boxes] == ["caution"]


def test_advice_against_a_medicine_that_says_it_can_be_addictive_stays_text():
    sentence = (
        "Codeine and other opioids are not usually prescribed for sciatica, as they do"
        " little for nerve pain and can be addictive."
    )
    found = advice_of(sentence, default_rules())
    assert found is None or found.cue != "'can be addictive'"


def test_a_list_item_asking_to_see_someone_if_something_happens_is_a_warning_in_any_list():
    boxes = warnings_of(
        "## If you hurt your back\n\nKeep moving and carry on with light duties.\n\n"
        "- See your GP if the pain is not improving after 2 weeks.\n"
        "- A heat pack can help.\n"
    )
    assert [box["severity"] for box in boxes] == ["see_doctor"]
    assert "not improving after 2 weeks" in boxes[0]["text"]


@pytest.mark.parametrize("heading", ["Important cautions", "Special precautions"])
def test_a_qualified_cautions_heading_makes_each_stated_risk_a_caution(heading):
    warnings = warnings_of(
        "# Gabapentin\n\nGabapentin is a medicine for nerve pain.\n\n"
        f"## {heading}\n\n"
        "Other medicines: taking it with strong painkillers can slow your breathing.\n"
    )

    assert any(w["severity"] == "caution" and "slow your breathing" in w["text"] for w in warnings)


@pytest.mark.parametrize(
    "sentence",
    [
        "As with any operation, there are risks, including infection and nerve injury.",
        "It is very important to finish the whole course of antibiotics, even if you feel better.",
        "Keep taking the tablets even when you start to feel better.",
        "Biological medicines weaken your immune system, so you will be checked for TB first.",
        "Methotrexate can increase your risk of infections.",
    ],
)
def test_a_risk_a_treatment_carries_or_a_course_to_finish_is_a_caution(sentence):
    assert level_of(sentence) == "caution"


@pytest.mark.parametrize(
    "sentence",
    [
        "People who take medicines that weaken your immune system are more at risk.",
        "It is more likely if you have diabetes, inject drugs or take medicines that weaken"
        " your immune system.",
    ],
)
def test_a_medicine_weakening_immunity_named_as_a_risk_factor_is_no_caution(sentence):
    assert advice_of(sentence, default_rules()) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Speak to a pharmacist about which painkiller to take, especially if you have asthma.",
        "Ask our pharmacist which one suits you if you take other medicines.",
    ],
)
def test_asking_a_pharmacist_which_medicine_suits_you_is_a_caution(sentence):
    assert level_of(sentence) == "caution"


def test_speaking_to_a_pharmacist_about_symptoms_still_asks_for_a_visit():
    assert level_of("Speak to a pharmacist if the pain is not better in a week.") == "see_doctor"


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        (
            "If pain in back does not pass during 3-5 days, it is necessary to address to"
            " neurologist.",
            "see_doctor",
        ),
        (
            "If weakness appeared in leg, it is necessary urgently to call ambulance.",
            "emergency",
        ),
        ("Manual therapy is contraindicated at osteoporosis and in acute period.", "caution"),
    ],
)
def test_machine_translated_obligations_and_contraindications_are_advice(sentence, severity):
    assert level_of(sentence) == severity


def test_an_impersonal_obligation_asking_for_no_care_is_no_advice():
    assert advice_of("It is important to see the results in context.", default_rules()) is None


def test_a_machine_translated_when_to_see_a_doctor_heading_is_a_warning_heading():
    assert default_rules().cue("heading_warning", "When it is necessary to address to doctor?")


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        ("Diclofenac slightly increases the risk of heart attack and stroke.", "caution"),
        (
            "Neck manipulation has very rarely been linked to a tear in an artery that can"
            " lead to a stroke.",
            "caution",
        ),
        ("Please get your own back checked before copying my routine.", "caution"),
        ("If the pain has not improved after two weeks, check in with your doctor.", "see_doctor"),
    ],
)
def test_risks_a_treatment_carries_checks_first_and_checking_in_are_advice(sentence, severity):
    assert level_of(sentence) == severity


def test_a_risk_a_habit_carries_for_the_condition_is_no_caution():
    assert advice_of("Smoking increases the risk of back pain.", default_rules()) is None


def test_a_list_item_asking_a_pharmacist_before_taking_another_medicine_is_boxed():
    warnings = warnings_of(
        "# Diclofenac\n\nDiclofenac is an anti-inflammatory painkiller.\n\n"
        "## Counselling points\n\n- Swallow tablets whole with food.\n"
        "- Ask your pharmacist before taking any other painkiller, including cold remedies.\n"
    )
    assert any("other painkiller" in w["text"] + " ".join(w["items"]) for w in warnings)


def test_the_most_a_medicine_may_be_taken_is_a_boxed_caution_in_a_how_to_take_list():
    warnings = warnings_of(
        "# Co-codamol\n\nCo-codamol is a painkiller.\n\n## How to take it\n\n"
        "- Take 1 or 2 tablets every 4 to 6 hours when needed.\n"
        "- Do not take more than 8 tablets in 24 hours.\n"
    )
    assert any("8 tablets in 24 hours" in w["text"] + " ".join(w["items"]) for w in warnings)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Back pain that has not improved after 2 weeks should be checked by a GP.", True),
        ("All samples should be checked by the laboratory first.", False),
    ],
)
def test_what_should_be_checked_by_a_professional_asks_for_a_visit(sentence, expected):
    assert (level_of(sentence) == "see_doctor") is expected


@pytest.mark.parametrize(
    "sentence",
    [
        "For the next 6 weeks, do not lift anything heavier than a full kettle.",
        "Avoid lifting anything heavier than a bag of shopping until your team says so.",
        "Do not bend, twist or carry heavy loads for the first four weeks.",
    ],
)
def test_a_limit_on_lifting_or_bending_for_a_time_is_a_boxed_caution(sentence):
    boxes = warnings_of(f"## Going home\n\nYou can walk as much as you like. {sentence}\n")
    assert [(box["severity"], sentence.lower() in box["text"].lower()) for box in boxes] == [
        ("caution", True)
    ]


def test_advice_after_a_fronted_phrase_speaks_to_the_reader():
    assert level_of("After the injection, do not drive for 24 hours.") == "caution"
    # Telling the reader to keep going is no warning, however it opens.
    assert level_of("During a flare-up, don't stop moving altogether.") is None
    # "..., never on their own" contrasts; it tells the reader nothing.
    assert level_of("We use them alongside exercise, never on their own.") is None


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        (
            "The ward nurse told me to ring the ward straight away if the wound got red.",
            "urgent",
        ),
        ("She also said to go to A&E if I got numbness around my bottom.", "emergency"),
    ],
)
def test_advice_a_writer_reports_being_given_for_when_to_act_is_a_warning(sentence, severity):
    assert level_of(sentence) == severity


def test_a_reported_referral_with_no_condition_is_narrative():
    assert level_of("My GP told me to see a physio.") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "If you have diabetes, check your blood sugar more often for a few days afterwards.",
        "Ask your anticoagulant clinic to check your INR more often when you start it.",
        "Avoid alcohol while taking tramadol.",
        "Do not drink alcohol during the course, as both can damage the liver.",
    ],
)
def test_monitoring_a_reading_and_keeping_off_alcohol_are_cautions(sentence):
    assert level_of(sentence) == "caution"


def test_a_reading_the_clinic_takes_is_no_caution():
    assert level_of("We check your blood pressure at every visit.") is None


def test_a_machine_translated_prohibition_with_its_harm_is_a_boxed_caution():
    sentence = (
        "In the acute period it is not recommended to warm the back with hot bath or"
        " sauna, this can strengthen the edema."
    )
    assert level_of(sentence) == "caution"
    assert [box["severity"] for box in warnings_of(f"## Treatment\n\n{sentence}\n")] == ["caution"]


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        ("A seizure, confusion or being hard to wake is a 999 call.", "emergency"),
        ("If you get new weakness in your legs, that's 999 or A&E.", "emergency"),
        ("That is an A&E trip today, not a forum question.", "emergency"),
        ("Call right away if you have new weakness in your arm or hand.", "urgent"),
        ("If the patch bleeds or looks different from before, show your GP.", "see_doctor"),
        ("Get your GP to check it within a couple of weeks.", "see_doctor"),
        (
            "If it is no better in two weeks, you can refer yourself to our physio service.",
            "see_doctor",
        ),
    ],
)
def test_help_named_as_what_a_sign_is_or_who_should_look_is_advice(sentence, severity):
    assert level_of(sentence) == severity


@pytest.mark.parametrize(
    "sentence",
    [
        "This is an emergency department leaflet.",
        "The nearest emergency department is at St Mary's.",
        "About 1 in 50 people with back pain needs A&E.",
    ],
)
def test_a_place_of_care_named_in_passing_is_no_advice(sentence):
    assert level_of(sentence) is None


def test_help_asked_for_after_a_conditional_caution_joins_its_box_at_its_severity():
    boxes = warnings_of(
        "## Who it is not for\n\nIf you have back pain with numbness around your bottom,"
        " do not book a massage. Call 999 or go to A&E.\n"
    )

    assert [box["severity"] for box in boxes] == ["emergency"]
    assert "do not book a massage" in boxes[0]["text"] and "999" in boxes[0]["text"]


def test_recommending_a_physiotherapy_assessment_asks_for_a_visit():
    sentence = (
        "If your back pain has not improved after 6 weeks, we recommend booking a"
        " physiotherapy assessment instead of massage."
    )
    assert level_of(sentence) == "see_doctor"
    assert level_of("We recommend booking a course of five sessions for the best results.") is None


def test_a_key_points_summary_is_no_warning_box_but_its_emergency_item_is():
    page = """<html><body><main><h1>Sciatica</h1>
<div class="key-points"><h2>Key points</h2><ul>
<li>Sciatica is pain that travels from the lower back down the back of one leg.</li>
<li>The most common cause is a bulging or herniated disc pressing on a nerve root.</li>
<li>Most people with sciatica recover within 6 weeks without surgery.</li>
<li>Staying as active as you can is better than bed rest.</li>
<li>Call 999 if you lose control of your bladder or bowels.</li>
</ul></div><h2>Causes</h2><p>A slipped disc is the most common cause.</p></main></body></html>"""
    plan = analyse(page.encode(), "sciatica.html")
    boxes = [b.value for p in plan.pages for b in p.blocks if b.type == "warning"]

    assert [box["severity"] for box in boxes] == ["emergency"]
    assert "recover within 6 weeks" not in str(boxes[0])  # neither its text nor its items


@pytest.mark.parametrize("who", ["a pediatrician", "a paediatrician", "your rheumatologist"])
def test_seeing_a_childrens_or_joint_specialist_asks_for_a_visit(who):
    assert level_of(f"If the pain lasts more than 2 weeks, see {who}.") == "see_doctor"


@pytest.mark.parametrize(
    "sentence",
    [
        "Wait until your wound has healed before starting, and ask your physiotherapist if"
        " you are unsure.",
        "Ask your midwife if you're not sure which exercises are safe yet.",
    ],
)
def test_asking_a_professional_when_unsure_is_a_check_first_caution(sentence):
    found = severity_of(sentence, default_rules())
    assert found is not None and found.level == "caution"


def test_scheduling_an_appointment_if_pain_lasts_is_seeing_a_doctor():
    found = severity_of(
        "Schedule an appointment if your back pain lasts more than two weeks.", default_rules()
    )
    assert found is not None and found.level == "see_doctor"


def test_encouragement_not_to_stop_moving_is_no_caution():
    assert severity_of("Don't stop moving completely.", default_rules()) is None
    found = severity_of("Do not stop taking gabapentin suddenly.", default_rules())
    assert found is not None and found.level == "caution"


@pytest.mark.parametrize(
    "sentence",
    [
        "Talk to your GP (or pharmacist) before taking ibuprofen if you have asthma.",
        "Tell your instructor before the class if you are pregnant.",
        "Please talk to your teacher (or your GP) before class if you have had back surgery.",
        "Do not stop any medicine you have been prescribed without first speaking to the"
        " doctor who prescribed it.",
    ],
)
def test_checking_first_with_a_class_teacher_or_a_bracketed_second_adviser_is_a_caution(
    sentence,
):
    rules = default_rules()
    found = severity_of(sentence, rules)
    assert found is not None and found.level == "caution"
    # Read as checking first, not only as a "do not": a risk named, so it is boxed.
    assert rules.cue("severity_check_first", sentence)


def test_a_class_teachers_check_first_list_is_a_caution_not_an_exercise_list():
    plan = analyse(
        b"YOGA FOR LOW BACK PAIN\n\nWHO THIS CLASS IS FOR\n"
        b"Gentle yoga is one of the exercise approaches recommended for low back pain.\n\n"
        b"PLEASE TALK TO YOUR TEACHER (OR YOUR GP) BEFORE CLASS IF:\n"
        b"  - you have had back surgery in the last 6 months\n"
        b"  - you have osteoporosis: we will skip deep twists for you\n"
        b"  - you are pregnant\n",
        "handout.txt",
    )
    blocks = [b for page in plan.pages for b in page.blocks]
    assert not [b for b in blocks if b.type == "exercise_list"]
    assert [b.value["severity"] for b in blocks if b.type == "warning"] == ["caution"]


def test_a_caution_among_tips_is_boxed_beside_an_emergency_item_of_the_same_list():
    plan = analyse(
        b"# Back pain\n\nBack pain is very common.\n\n## What this means for you\n\n"
        b"- Stay active and keep doing your normal activities as much as you can.\n"
        b"- Do not stop any medicine you have been prescribed without first speaking to"
        b" the doctor who prescribed it.\n"
        b"- Numbness around the bottom needs emergency care: call 999 or go to A&E.\n",
        "news.md",
    )
    boxes = [b.value for b in plan.pages[0].blocks if b.type == "warning"]
    assert sorted(box["severity"] for box in boxes) == ["caution", "emergency"]


def test_a_short_do_not_before_emergency_advice_opens_it():
    [warning] = warnings_of(
        "## Red flags\n\nDo not start treatment. Arrange immediate transfer to the"
        " Emergency Department (call 999) if the patient has new weakness in both legs.\n"
    )
    assert warning["severity"] == "emergency"
    assert "Do not start treatment." in warning["text"]


def test_a_caution_naming_its_risk_before_emergency_advice_is_boxed_on_its_own():
    warnings = warnings_of(
        "## Medicines\n\nDo not take ibuprofen if you have asthma. Call 999 if you cannot"
        " breathe after taking a painkiller.\n"
    )
    assert [w["severity"] for w in warnings] == ["caution", "emergency"]


def test_a_red_flags_section_for_coaches_keeps_each_advice_at_its_own_severity():
    found = warnings_of(
        "# Stress fracture in young bowlers\n\nA stress fracture of the lower back.\n\n"
        "## Red flags\n\n"
        "Arrange a same-day medical assessment if back pain comes with a fever.\n\n"
        "Any young bowler with back pain lasting more than 2 weeks should be referred to a"
        " doctor or physiotherapist. Do not let them play through it.\n\n"
        "Do not give aspirin to players under 16.\n"
    )
    by_text = {re.sub(r"<[^>]+>", "", w["text"]): w["severity"] for w in found}
    assert next(v for t, v in by_text.items() if "same-day" in t) == "urgent"
    assert next(v for t, v in by_text.items() if "should be referred" in t) == "see_doctor"
    assert next(v for t, v in by_text.items() if "aspirin" in t) == "caution"
