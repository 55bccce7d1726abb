"""Classes seen in drivers' briefings, volunteers' bulletins, club newsletters and
society pages: numbered sections in capitals over sub-headings, a routine typed with dot
leaders under its lead line, a term in capitals glossed in brackets, a qualified name set
apart in bold, help labelled "SAME DAY (GP or 111):" or "GP:", a list of help at several
urgencies under a heading that is no warning's, and the clause saying when after a name."""

from __future__ import annotations

import pytest

from back_health.importer.chrome import chrome_reason
from back_health.importer.dose import read_dose
from back_health.importer.names import derive_name
from back_health.importer.parse import parse_document
from back_health.importer.pipeline import analyse
from back_health.importer.rules import default_rules
from back_health.importer.severity import advice_of
from back_health.importer.text import strip_tags

from .documents import exercises_of, items_of, warnings_of

BRIEFING = """**********************************************************************
   CASTLEFORD KART CLUB  -  RACE DAY BRIEFING
   Round 3  *  Saturday 2 May  *  Gates 08:00, racing 10:30
**********************************************************************

----------------------------------------------------------------------
MEDICAL NOTES
From Dee Harrow, circuit paramedic
----------------------------------------------------------------------

One of our seniors went home last month with a CRACKED COLLARBONE (clavicle
fracture) after a barrier hit. Most heal in 6 to 8 weeks in a sling.

Shoulder routine, three times a day once the sling is off:
  Pendulum swings ....... 10 circles each way
  Deep breaths .......... 5 slow breaths, hold each 3 seconds
  Supported cough ....... 2 coughs, hugging a pillow,
                          after the breaths

GET HELP
  * 999 / A&E: numbness or a cold, pale hand on the injured side.
  * SAME DAY (GP or 111): a fever, or the skin over the break turning red.
  * GP: pain not easing at all after 3 weeks.
  * PHARMACIST: codeine makes you drowsy. Ask before taking it with other medicines.
"""


def test_a_term_in_capitals_glossed_in_brackets_names_the_subject():
    plan = analyse(BRIEFING.encode(), "briefing.txt", format="text")
    assert plan.pages[0].title == "Clavicle fracture"


def test_dot_leader_lines_under_their_lead_line_are_the_routine():
    plan = analyse(BRIEFING.encode(), "briefing.txt", format="text")
    doses = {exercise["name"]: exercise["dose"] for exercise in exercises_of(plan)}
    assert list(doses) == ["Pendulum swings", "Deep breaths", "Supported cough"]
    assert (doses["Deep breaths"]["repetitions"], doses["Deep breaths"]["hold_seconds"]) == (5, 3)
    assert doses["Supported cough"]["repetitions"] == 2
    assert all(dose["times_per_day"] == 3 for dose in doses.values())


def test_a_line_after_a_comma_goes_on_with_its_dot_leader_item():
    doc = parse_document(BRIEFING, "text")
    assert "Supported cough: 2 coughs, hugging a pillow, after the breaths" in items_of(doc)


def test_help_labelled_same_day_with_its_services_and_gp_are_boxed_apart():
    plan = analyse(BRIEFING.encode(), "briefing.txt", format="text")
    boxed = {warning["severity"]: strip_tags(str(warning)) for warning in warnings_of(plan)}
    assert set(boxed) == {"emergency", "urgent", "see_doctor", "caution"}
    assert "SAME DAY (GP or 111)" in boxed["urgent"]
    assert "pain not easing at all after 3 weeks" in boxed["see_doctor"]


def test_the_byline_and_the_tagline_between_stars_are_chrome():
    plan = analyse(BRIEFING.encode(), "briefing.txt", format="text")
    text = " ".join(strip_tags(str(block.value)) for page in plan.pages for block in page.blocks)
    assert "Dee Harrow" not in text
    assert "Gates 08:00" not in text


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("GP: pain not easing at all after 3 weeks.", False),
        ("GP: 2 weeks and no better", False),
        ("GP: Dr Amelia Hart, Riverside Surgery", True),
        ("GP: please check her blood pressure in 3 months.", True),
    ],
)
def test_a_gp_field_names_a_doctor_a_gp_label_asks_for_help(line, chrome):
    # The last two cases are guards: a letter's GP field stays chrome.
    assert bool(chrome_reason(line)) is chrome


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("SAME DAY (GP or 111): a fever, or coughing up green phlegm.", "urgent"),
        ("URGENT (111): new numbness in the saddle area", "urgent"),
        ("GP: an ordinary crick that is still there after 3 days.", "see_doctor"),
        ("If a resident is suddenly short of breath, help them ring 111.", "urgent"),
    ],
)
def test_labels_and_help_given_through_someone_else(sentence, level):
    assert advice_of(sentence, default_rules()).level == level


BULLETIN = """HOME VISITING SERVICE
Volunteer Bulletin

1. NEW ROUNDS
Three new rounds start in March. Please check the rota on the office door
before your first visit.

2. WHEN A CLIENT HAS A FALL: WRIST FRACTURE
Several clients have come home this winter with a broken wrist. We asked our
falls nurse what it means and how visitors can help.

What is it?
A wrist fracture is a break in one of the two forearm bones just above the
wrist, most often after a fall onto an outstretched hand.

What should I do as a visitor?
  - Swallow-safe snacks and a drink within reach help in the first week.
  - If you find a client on the floor, do not lift them. Ring 999 if they are
    hurt or confused.
  - If the fingers turn cold, blue or numb, they need help the same day:
    help them ring their GP or 111.
  - If the pain is getting worse after two weeks, encourage them to contact
    their GP.

3. MILEAGE
Claims by the end of the month please, on the yellow form.
"""


def test_numbered_sections_in_capitals_keep_their_sub_headings():
    doc = parse_document(BULLETIN, "text")
    headings = [section.heading for section in doc.sections]
    assert "WHEN A CLIENT HAS A FALL: WRIST FRACTURE" in headings
    assert headings.index("What is it?") < headings.index("MILEAGE")


def test_help_at_several_urgencies_under_a_question_heading_is_boxed_by_severity():
    plan = analyse(BULLETIN.encode(), "bulletin.txt", format="text")
    boxed = {warning["severity"]: strip_tags(str(warning)) for warning in warnings_of(plan)}
    assert "Ring 999" in boxed["emergency"]
    assert "help them ring their GP or 111" in boxed["urgent"]
    assert "encourage them to contact their GP" in boxed["see_doctor"]
    # The first item asks for no help: it stays an item of the list, never a box.
    assert not any("Swallow-safe snacks" in text for text in boxed.values())


def test_a_numbered_exercise_in_capitals_under_a_later_heading_stays_an_item():
    # A guard: numbered names in capitals with a heading after them stay items.
    sheet = """HOME EXERCISE SHEET

How often
Do the whole routine twice a day.

1. CHIN NOD
Lie on your back. Nod your chin gently. Hold for 10 seconds. Repeat 10 times.

2. SHOULDER BLADE SQUEEZE
Sit tall. Squeeze your shoulder blades back. Hold 5 seconds. 10 times.

3. NECK TURN
Turn your head slowly to one side. Hold 20 seconds. 3 times each way.

When to get help
See your GP if your neck pain is no better after 6 weeks.
"""
    headings = [section.heading for section in parse_document(sheet, "text").sections]
    assert "CHIN NOD" not in headings


SOCIETY_PAGE = """<html><head><title>Landed on your shoulder? The AC joint sprain</title></head>
<body><h1>Landed on your shoulder? The AC joint sprain</h1>
<p>Referees get flattened too. The usual result is a sprain of the
<strong>acromioclavicular (AC) joint</strong>, where the collarbone meets the shoulder.</p>
<h2>Treatment</h2><p>A sling for a few days, ice and paracetamol. The main treatment is
physiotherapy to get the shoulder moving.</p></body></html>"""


def test_a_joint_named_by_its_abbreviation_keeps_it_in_the_subject():
    plan = analyse(SOCIETY_PAGE.encode(), "page.html")
    assert plan.pages[0].title == "AC joint sprain"


BLOG = """# The lump at the bottom of my neck

Last autumn I noticed a hard bump where my collarbone meets my breastbone. My GP sent
me for an X-ray, and the answer was **sternoclavicular joint arthritis**: wear-and-tear
arthritis in the joint.

The arthritis flares when I lift the bigger dogs. Arthritis like this rarely needs more
than painkillers and a change in how you lift.
"""


def test_a_qualified_name_set_apart_in_bold_beats_its_shorter_form():
    plan = analyse(BLOG.encode(), "blog.md")
    assert plan.pages[0].title == "Sternoclavicular joint arthritis"


def test_which_treatment_is_no_name_of_one():
    text = """# Maisie's story

Last winter Maisie had a dull ache low in her back. Her GP arranged an MRI, which found a
**spinal osteoblastoma** in one of her vertebrae.

The main treatment is surgery to remove the tumour completely.
"""
    plan = analyse(text.encode(), "story.md")
    assert plan.pages[0].title == "Spinal osteoblastoma"
    assert "Main" not in {page.title for page in plan.pages}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("sometimes blood-thinning injections while mobility is poor", "Blood-thinning injections"),
        ("heat packs while the pain is bad", "Heat packs"),
        ("ice until the swelling goes down", "Ice"),
    ],
)
def test_a_clause_saying_when_is_no_part_of_a_name(text, name):
    assert derive_name(text, default_rules()).name == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 slow breaths, hold each 3 seconds", {"repetitions": 5, "hold_seconds": 3}),
        ("2 coughs, hugging the pillow", {"repetitions": 2, "hold_seconds": None}),
    ],
)
def test_holds_for_each_and_counted_coughs(text, expected):
    dose = read_dose(text).dose
    assert {key: dose[key] for key in expected} == expected


def test_bed_rest_discouraged_or_said_to_weaken_muscles_is_no_treatment_page():
    text = """# Broken hip at home

## How is it treated?

Usually with an operation, then getting up and walking with a frame within a day or two.

Lying in bed "to let it heal" is the one thing the nurses asked us to discourage. Bed
rest weakens muscles fast and raises the risk of clots.
"""
    plan = analyse(text.encode(), "hip.md")
    written = {page.title for page in plan.pages if page.include and page.action != "suggest"}
    assert "Bed rest" not in written


def test_a_bare_medicine_then_a_sentence_about_another_is_no_page_of_the_first():
    text = """# Side strain

## What to do

- Rest from lifting for a week or two.
- Paracetamol. Ibuprofen can help after the first 48 hours.
- Gentle walking every day.
"""
    plan = analyse(text.encode(), "strain.md")
    pages = {page.title: page for page in plan.pages}
    paracetamol = pages.get("Paracetamol")
    said = (
        " ".join(strip_tags(str(block.value)) for block in paracetamol.blocks)
        if paracetamol
        else ""
    )
    assert "Ibuprofen can help" not in said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My twice-a-day routine", {"times_per_day": 2}),
        ("3-times-a-day stretches", {"times_per_day": 3}),
        ("Snow angels lying on the floor - 10 slow ones", {"repetitions": 10}),
        ("Arm circles - 10 forwards and 10 backwards, each arm", {"repetitions": 10}),
    ],
)
def test_hyphenated_frequencies_and_counts_after_a_dash(text, expected):
    dose = read_dose(text).dose
    assert {key: dose[key] for key in expected} == expected


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("Health Spot is general information, not personal medical advice.", True),
        ("I'm a groomer, not a doctor. This is my story, not medical advice.", True),
        ("Not a doctor, but I'm a paediatric OT so I'll try to explain what I know.", True),
        ("Volunteer Bulletin  |  No. 42  |  Autumn", True),
        ("Back pain is not a doctor-only problem, but a common one.", False),
        ("Chin tucks - no. 3 on the sheet", False),
    ],
)
def test_disclaimers_of_who_writes_and_issue_lines_are_chrome(line, chrome):
    assert bool(chrome_reason(line)) is chrome


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("GP TODAY / 111 - Vomiting blood, or black, sticky poo.", "urgent"),
        ("GP - The lump is getting bigger, or no better after 4 weeks.", "see_doctor"),
        ("Ask a pharmacist if your child has asthma or a stomach problem.", "caution"),
        ("Speak to a pharmacist if:", "see_doctor"),
    ],
)
def test_gp_today_labels_and_the_pharmacist_as_a_caution(sentence, level):
    assert advice_of(sentence, default_rules()).level == level


def test_a_glossary_line_for_the_gp_asks_for_nothing():
    # A guard: "GP - your family doctor" explains a word.
    assert advice_of("GP - your family doctor.", default_rules()) is None


CREW_HANDBOOK = """<html><body><h1>Side strain</h1>
<p>A side strain is a tear of one of the oblique muscles where they attach to the lower
ribs, from a sudden forceful twist.</p>
<h2>What to do</h2>
<ul><li>Stop lifting and tell your team leader.</li>
<li>Ice wrapped in a cloth for 15 minutes, a few times a day.</li></ul>
<div class="box"><h3>Best avoided</h3>
<p>Strapping your ribs tightly: it stops you breathing deeply. Coming back too soon is
the main reason side strains tear again.</p></div>
<h3>Gentle exercises (morning and evening)</h3>
<ol><li>Deep breathing: 5 slow breaths into the sore side.</li>
<li>Seated rotation: arms crossed, turn slowly, 10 each side.</li>
<li>Once twisting no longer hurts, the dead bug: 2 sets of 8.</li></ol>
</body></html>"""


def test_what_is_best_avoided_and_why_it_comes_back_are_no_pages():
    plan = analyse(CREW_HANDBOOK.encode(), "handbook.html")
    written = {page.title for page in plan.pages if page.include and page.action != "suggest"}
    assert "Strapping your ribs tightly" not in written
    assert "Coming back too soon" not in written


def test_an_exercise_after_when_to_start_it_keeps_its_name():
    plan = analyse(CREW_HANDBOOK.encode(), "handbook.html")
    exercises = {exercise["name"]: exercise for exercise in exercises_of(plan)}
    assert "Dead bug" in exercises
    assert exercises["Dead bug"]["steps"] == ["Once twisting no longer hurts."]
    assert (
        exercises["Dead bug"]["dose"]["sets"],
        exercises["Dead bug"]["dose"]["repetitions"],
    ) == (2, 8)


def test_words_of_emphasis_open_no_name():
    assert derive_name("simply sitting for long stretches", default_rules()).name == (
        "Sitting for long stretches"
    )


def test_an_operation_named_by_what_it_does_keeps_that_name():
    text = """# One high shoulder blade

Our daughter has Sprengel deformity, a shoulder blade that sits higher than the other.

## Treatment

For milder cases, physio is the main treatment. Surgery to lower the shoulder blade is
considered when the loss of movement really matters.
"""
    plan = analyse(text.encode(), "thread.md")
    surgery = next(page for page in plan.pages if page.title == "Surgery")
    assert "Surgery to lower the shoulder blade" in surgery.alternate_names


NOTICEBOARD = """==================================================================
  HOLLINS & WEBB JOINERY  *  WORKSHOP NOTICEBOARD  *  w/c 3 March
==================================================================

REMINDERS
  - Dust extraction on before any sanding. No exceptions.
  - Van keys back on the hook by 5pm.
  - Timesheets to Pat by Friday noon.

------------------------------------------------------------------
HEALTH CORNER
------------------------------------------------------------------

Costochondritis is inflammation of the cartilage that joins the ribs to the
breastbone. It causes sharp chest pain that is worse when you press on the spot.

WHAT HELPS
  - Rest from heavy lifting for a week or two.
  - Paracetamol or ibuprofen for a few days.

WHEN TO GET HELP
  999 - Chest pain that is crushing, or spreads to your arm or jaw.
  GP - Pain no better after 4 weeks.
"""


def test_a_list_of_notices_under_the_title_is_dropped_when_it_says_nothing_of_health():
    plan = analyse(NOTICEBOARD.encode(), "noticeboard.txt", format="text")
    text = " ".join(strip_tags(str(block.value)) for page in plan.pages for block in page.blocks)
    assert "Timesheets" not in text
    assert "Dust extraction" not in text
    assert "Costochondritis is inflammation" in text


def test_words_joining_an_exercise_to_the_one_before_and_clauses_are_no_names():
    text = """Radio phone-in

Back pain often settles in a few weeks. Bed rest isn't recommended. Two stretches to try,
twice a day. A knee to chest stretch: lying on your back, pull one knee up, hold for 30
seconds, three times on each leg. And pelvic tilts: flatten your back into the floor, hold
5 seconds, 10 times.
"""
    plan = analyse(text.encode(), "phone-in.txt", format="text")
    names = [exercise["name"] for exercise in exercises_of(plan)]
    assert "Pelvic tilts" in names
    assert not any(name.startswith(("And", "Bed rest")) for name in names)


def test_a_heading_on_preventing_falls_after_the_exercises_is_no_exercise():
    text = """Strong bones

Exercises for your bones
------------------------
Do these once a day.

HEEL DROPS - rise onto your toes, then drop onto your heels. 2 sets of 10.
SIT TO STAND - stand up from a chair without using your hands. Repeat 10 times.

Preventing falls
----------------
Most broken bones happen after a fall. To reduce your risk:
* remove loose rugs from floors
* use a night light
"""
    plan = analyse(text.encode(), "bones.txt", format="text")
    assert "Preventing falls" not in [exercise["name"] for exercise in exercises_of(plan)]


@pytest.mark.parametrize(
    ("sentence", "against"),
    [
        ("Bed rest weakens muscles fast.", True),
        ("A collar can weaken the neck muscles if worn for weeks.", True),
        ("Antispasmodics, which are designed to weaken the muscles, are also given.", False),
    ],
)
def test_weakening_the_muscles_as_harm_not_as_purpose(sentence, against):
    assert bool(default_rules().cue("advised_against", sentence)) is against
