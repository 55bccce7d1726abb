"""Classes seen in club bulletins, a rescue team's notes and a community group's blog:
exercises named over a nested list of their details, holds written "30 sec x 2", two
times of day, lines marked "!!", help labelled at the end of a line or answering a
question, lettered parts, numbered parts in capitals, exercise names as sentences, a
warm-up and a byline that starts "From Dr"."""

from __future__ import annotations

import pytest

from back_health.importer.chrome import chrome_reason
from back_health.importer.dose import read_dose
from back_health.importer.parse import parse_document
from back_health.importer.pipeline import analyse
from back_health.importer.rules import default_rules
from back_health.importer.severity import advice_of, severity_of
from back_health.importer.text import strip_tags

from .documents import exercises_of, warnings_of

SLING_BLOG = """# Carrying without the ache

Carrying a baby for hours loads the upper back, and an **upper back strain** is the
usual result when a carrier sits too low.

### Our stretches

Twice a day:

+ **Doorway chest stretch**
  + forearms on the door frame, step through gently
  + hold 20 seconds, 3 goes
+ **Wall angels**
  + back and head against the wall, slide your arms up and down
  + 8 slow repetitions

### Please get checked if...

+ Your back is still sore after 3 weeks of adjusting the fit: see your GP, who can refer you.
+ Upper back pain comes with chest pain or breathlessness: call 999.
"""


def test_a_name_over_a_nested_list_of_its_details_is_one_exercise():
    plan = analyse(SLING_BLOG.encode(), "blog.md")
    doses = {exercise["name"]: exercise["dose"] for exercise in exercises_of(plan)}
    assert list(doses) == ["Doorway chest stretch", "Wall angels"]
    assert (
        doses["Doorway chest stretch"]["hold_seconds"],
        doses["Doorway chest stretch"]["repetitions"],
    ) == (20, 3)
    assert doses["Wall angels"]["repetitions"] == 8


def test_help_under_a_get_checked_heading_after_the_exercises_is_boxed():
    plan = analyse(SLING_BLOG.encode(), "blog.md")
    boxed = {warning["severity"]: strip_tags(str(warning)) for warning in warnings_of(plan)}
    assert "still sore after 3 weeks" in boxed["see_doctor"]
    assert "call 999" in boxed["emergency"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30 sec x 2 each side", {"hold_seconds": 30, "repetitions": 2, "per_side": True}),
        ("20s x 3", {"hold_seconds": 20, "repetitions": 3}),
        ("These, morning and afternoon, once the worst has eased:", {"times_per_day": 2}),
        ("in the morning and at bedtime", {"times_per_day": 2}),
    ],
)
def test_holds_before_their_count_and_two_times_of_day(text, expected):
    dose = read_dose(text).dose
    assert {key: dose[key] for key in expected} == expected


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("Sudden weakness lifting the arm: same-day GP or 111.", "urgent"),
        ("Numb legs: same-day GP appointment.", "urgent"),
        ("Ask the chemist before ibuprofen.", "caution"),
    ],
)
def test_help_named_after_a_colon_and_the_chemist(sentence, level):
    assert advice_of(sentence, default_rules()).level == level


BULLETIN = """RIVERSIDE PADDLERS - CREW BULLETIN

PADDLER HEALTH

In paddlers a sore shoulder blade is very often SCAPULAR DYSKINESIS, where the blade
tips or wings as the arm reaches forward.

WHEN TO GET IT LOOKED AT
   !! After a capsize, if anyone has neck pain or tingling in the arms, call 999.
   !! Sudden weakness lifting the arm: same-day GP or 111.
   !! No better after 6 weeks? Book in with a physio or your GP.
   !! On warfarin or other blood thinners? Ask a pharmacist before using ibuprofen gel.
"""


def test_lines_marked_for_attention_that_each_end_a_sentence_are_items():
    plan = analyse(BULLETIN.encode(), "bulletin.txt", format="text")
    boxes = [(warning["severity"], " ".join(warning["items"])) for warning in warnings_of(plan)]
    severities = [severity for severity, _ in boxes]
    assert severities == ["emergency", "urgent", "see_doctor", "caution"]
    assert "On warfarin or other blood thinners? Ask a pharmacist" in boxes[-1][1]


RESCUE_NOTES = """CRAGSIDE HILL RESCUE TEAM
Members' Bulletin | March

1. CALL-OUTS

   Since the last bulletin: 6 call-outs, 8 casualties, 2 stand-downs. Thanks to
   everyone who turned out for the night search.

2. TRAINING

   Casualty care refresher at base on Tuesday, radio night on the 25th.
   Pager test every Sunday at 12:00.

3. MEDICAL OFFICER'S NOTE: PAIN LOW AT THE BACK OF THE RIBS ON ONE SIDE

   From Dr Helen Marsh, team doctor, with our physio member Dan
   Kirkby.

   After the long carry, three of you had the same complaint: a sharp pain low at
   the back of the ribs. In every case it was a SERRATUS POSTERIOR INFERIOR STRAIN.

   (a) The muscle
   A thin, flat muscle that runs from the spine out to the bottom four ribs. When
   it is strained, the fibres are overstretched or slightly torn.

   (b) Exercises
   Side-lying rib opener. Lie on your good side, top arm overhead. 5 slow breaths
   into the sore ribs.
   Seated rotation. Arms crossed, turn gently each way. 10 each way.
   Thread the needle. Slide the arm under your body and hold for 10 seconds, 5
   times on each side.
   Do all three every morning and every evening.

   (c) When it isn't a strain
   After a fall, breathless or coughing blood? 999.
   Not improving after 3 weeks? See your GP or book in with Dan.
"""


def test_lettered_parts_and_numbered_parts_in_capitals_are_headings():
    doc = parse_document(RESCUE_NOTES, "text")
    headings = [section.heading for section in doc.sections]
    assert "MEDICAL OFFICER'S NOTE: PAIN LOW AT THE BACK OF THE RIBS ON ONE SIDE" in headings
    assert {"The muscle", "Exercises", "When it isn't a strain"} <= set(headings)


def test_exercise_names_written_as_sentences_are_exercises():
    plan = analyse(RESCUE_NOTES.encode(), "notes.txt", format="text")
    doses = {exercise["name"]: exercise["dose"] for exercise in exercises_of(plan)}
    assert list(doses) == ["Side-lying rib opener", "Seated rotation", "Thread the needle"]
    assert doses["Thread the needle"]["hold_seconds"] == 10
    assert all(dose["times_per_day"] == 2 for dose in doses.values())


def test_a_number_answering_a_question_and_the_question_before_advice_are_boxed():
    plan = analyse(RESCUE_NOTES.encode(), "notes.txt", format="text")
    boxed = {warning["severity"]: strip_tags(warning["text"]) for warning in warnings_of(plan)}
    assert "coughing blood? 999." in boxed["emergency"]
    assert "Not improving after 3 weeks? See your GP" in boxed["see_doctor"]


def test_a_byline_from_a_titled_name_is_chrome():
    assert chrome_reason("From Dr Helen Marsh, team doctor, with our physio member Dan") == (
        "chrome: byline"
    )
    assert chrome_reason("From Monday, the car park is closed.") == ""


ARCHERY_NEWS = """# Club news

Some of you feel dizzy at full draw with the head turned: that is **bow hunter's
syndrome**, where turning the head pinches an artery in the neck.

### A shoulder warm-up that's safe for everyone

1. Shoulder rolls (10 forwards, then 10 backwards)
2. Band pull-aparts (2 x 15 with a light band)
3. Chin tucks (8 repetitions, holding 3 seconds each)
"""


def test_a_warm_up_is_an_exercise_list():
    plan = analyse(ARCHERY_NEWS.encode(), "news.md")
    names = [exercise["name"] for exercise in exercises_of(plan)]
    assert names == ["Shoulder rolls", "Band pull-aparts", "Chin tucks"]


def test_a_rule_of_stars_closing_a_box_is_no_text():
    doc = parse_document(
        "*****************\n  HARBOUR ROWERS\n  Crew bulletin\n*****************\n\n"
        "NOTICES\nThe boathouse opens at 7.\n",
        "text",
    )
    texts = [block.text for section in doc.sections for block in section.blocks]
    assert not any("***" in text for text in texts)


def test_one_count_under_a_sets_and_reps_column_counts_repetitions():
    from back_health.importer.dose import dose_cell_text

    assert read_dose(dose_cell_text("sets", "3 each arm", "Sets × reps")).dose["repetitions"] == 3
    assert read_dose(dose_cell_text("sets", "3 × 12", "Sets × reps")).dose["sets"] == 3
    assert dose_cell_text("sets", "3", "Sets") == "3 sets"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20 seconds each side, three times a day.", {"hold_seconds": 20, "per_side": True}),
        ("Ten at a time, every hour you're at the screen.", {"repetitions": 10}),
        ("Take one at a time.", {"repetitions": None}),
        ("Hold 30 seconds, then swap legs.", {"hold_seconds": 30, "per_side": True}),
    ],
)
def test_a_length_on_each_side_counts_at_a_time_and_swapping_legs(text, expected):
    dose = read_dose(text).dose
    assert {key: dose[key] for key in expected} == expected


def test_a_gp_appointment_that_day_is_urgent():
    sentence = "Back pain that wakes your child at night needs a GP appointment that day."
    assert advice_of(sentence, default_rules()).level == "urgent"


@pytest.mark.parametrize(
    "line",
    [
        "Try before you buy · carrier hire · peer support for babywearing families",
        "Home · Club nights · Fixtures · Contact",
    ],
)
def test_a_line_of_three_short_parts_between_middle_dots_is_chrome(line):
    assert chrome_reason(line) == "chrome: taglines"


def test_counts_between_middle_dots_are_no_chrome():
    assert chrome_reason("Chin tucks · hold 5 seconds · 10 reps") == ""
    assert chrome_reason("Rest well · it eases in a week.") == ""


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("999 / A&E: back pain with numbness between the legs.", "emergency"),
        ("111 / same-day GP: pain with a fever or feeling unwell.", "urgent"),
        ("111 or GP: a fever with the pain.", "urgent"),
    ],
)
def test_labels_naming_two_services_with_a_slash_or_or(sentence, level):
    assert advice_of(sentence, default_rules()).level == level


MAGAZINE = """THE WILLOW LANTERN
Residents' magazine

ASK THE NURSE

Dear Maureen,
My doctor sent me for a scan and then said I had something called "glossodynia" and
that it would go away by itself. What on earth was it?

Dear Arthur,
I'm glad it's settling. Glossodynia simply means a burning pain of the tongue with
nothing to see. It usually settles over some months.

STAFF BULLETIN

WHAT IT IS
Thoracolumbar junction syndrome. The nerves where the mid back meets the low back are
irritated, and the pain is felt over the hip.
"""


def test_a_definition_with_simply_means_names_the_subject():
    plan = analyse(MAGAZINE.split("STAFF BULLETIN")[0].encode(), "mag.txt", format="text")
    assert plan.pages[0].title == "Glossodynia"


def test_the_answer_under_a_what_it_is_heading_names_the_subject():
    text = (
        "HARBOUR MUSEUM\nStaff bulletin\n\nSeveral of you mentioned a nagging ache after"
        " long gallery shifts, so I asked our physio to explain.\n\n"
        + MAGAZINE.split("STAFF BULLETIN\n\n")[1]
    )
    plan = analyse(text.encode(), "bulletin.txt", format="text")
    assert plan.pages[0].title == "Thoracolumbar junction syndrome"


def test_the_whole_term_set_in_bold_names_the_subject():
    page = (
        "<html><head><title>Headbanging &amp; your neck</title></head><body><article>"
        "<h1>Headbanging &amp; your neck</h1><p>Woke up after a show unable to turn your "
        "head? Here's what our medics want you to know about <strong>headbanging neck "
        "strain</strong>.</p><p>A neck strain is an overstretched muscle.</p>"
        "</article></body></html>"
    )
    plan = analyse(page.encode(), "neck.html")
    assert plan.pages[0].title == "Headbanging neck strain"


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("Hand cold, white and painful: GP same day or 111.", "urgent"),
        ("Pins and needles that keep coming back: book your GP.", "see_doctor"),
        ("Not improving after three weeks? Book in with Sam or your GP.", "see_doctor"),
        ("GP or Tom's clinic: no easing after 6 weeks.", "see_doctor"),
        ("Same-day GP appointment or 111", "urgent"),
    ],
)
def test_help_named_after_a_colon_a_person_or_alone(sentence, level):
    assert severity_of(sentence, default_rules()).level == level


def test_a_colour_graded_question_goes_with_the_caution_after_it():
    text = (
        "YARD NEWS\n\nCostoclavicular syndrome is a squeezed bundle of nerves and vessels"
        " under the collarbone.\n\n"
        "WHEN TO GET HELP\n"
        "RED    - Arm suddenly swollen, blue and heavy: A&E or 999. It can be a clot.\n"
        "RED    - Chest pain with sweating: ring 999.\n"
        "AMBER  - Hand cold, white and painful: GP same day or 111.\n"
        "GREEN  - Pins and needles that keep coming back for 2 weeks: book your GP.\n"
        "BLUE   - On blood thinners or got a stomach ulcer? Ask the pharmacist about"
        " ibuprofen first.\n"
    )
    plan = analyse(text.encode(), "notes.txt", format="text")
    cautions = [strip_tags(w["text"]) for w in warnings_of(plan) if w["severity"] == "caution"]
    assert cautions and "stomach ulcer? Ask the pharmacist" in cautions[0]


def test_a_triage_table_whose_action_cells_name_services_is_warnings():
    page = (
        "<html><body><article><h1>Cluneal nerve pain</h1><p>Middle cluneal nerve entrapment"
        " is a trapped nerve over the back of the pelvis.</p><h2>When it's not a nerve</h2>"
        "<table><thead><tr><th>If you notice</th><th>Do this</th></tr></thead><tbody>"
        "<tr><td>Numbness around your bottom</td><td>Get to A&amp;E now or call 999</td></tr>"
        "<tr><td>Pain with a high temperature</td><td>Ring 111 or your GP the same day</td></tr>"
        "<tr><td>Your leg is going weak</td><td>Same-day GP appointment or 111</td></tr>"
        "</tbody></table><p>Gel cushions are in the depot office.</p></article></body></html>"
    )
    plan = analyse(page.encode(), "page.html")
    assert [w["severity"] for w in warnings_of(plan)] == ["emergency", "urgent", "urgent"]


def test_an_extension_number_ends_no_sentence():
    from back_health.importer.text import split_sentences

    assert split_sentences("Self-refer to OH on ext. 4410. Then rest.") == [
        "Self-refer to OH on ext. 4410.",
        "Then rest.",
    ]


def test_lettered_items_with_dot_leaders_lose_their_letters():
    text = (
        "LOW BACK NOTES\n\nSacroiliac joint pain is an ache over the dimple at the back of"
        " the pelvis.\n\nEXERCISES - twice a day\n"
        "  a) Buttock squeeze, standing ........ 10 x 5-second holds\n"
        "  b) Clams .......................... 3 sets of 10, each side\n"
        "  c) Hip hitch ...................... 8 per leg\n"
    )
    plan = analyse(text.encode(), "notes.txt", format="text")
    names = [exercise["name"] for exercise in exercises_of(plan)]
    assert names == ["Buttock squeeze, standing", "Clams", "Hip hitch"]


def test_an_instruction_with_its_own_count_among_exercises_is_one():
    page = (
        "<html><body><article><h1>Headbanging neck strain</h1><p>A headbanging neck strain"
        " is an overstretched muscle at the back of the neck.</p>"
        "<p>Try these a few times a day:</p><ul>"
        "<li>Chin tucks &times;10 (hold each for 2 secs)</li>"
        "<li>Look over each shoulder, 5 times a side</li>"
        "<li>Shoulder rolls &ndash; 10 back, 10 forward</li></ul></article></body></html>"
    )
    plan = analyse(page.encode(), "page.html")
    doses = {exercise["name"]: exercise["dose"] for exercise in exercises_of(plan)}
    assert list(doses) == ["Chin tucks", "Look over each shoulder", "Shoulder rolls"]
    assert doses["Look over each shoulder"]["per_side"] is True


def test_a_when_to_ring_heading_heads_help_and_worth_a_trip_is_a_visit():
    text = (
        "THE LANTERN\n\nCarotidynia is tenderness over the artery at the side of the neck."
        " It usually settles in two weeks.\n\n"
        "WHEN TO RING FOR HELP\n"
        " - Face drooping or muddled speech: dial 999. It may be a stroke.\n"
        " - Over 50 with a new headache or a tender scalp? Ring the surgery for an"
        " appointment today.\n"
        " - Tenderness lasting more than two weeks: see your GP.\n"
    )
    plan = analyse(text.encode(), "mag.txt", format="text")
    severities = {warning["severity"] for warning in warnings_of(plan)}
    assert {"emergency", "urgent", "see_doctor"} <= severities
    sentence = "Still stiff after a week? Worth a trip to your GP or a physio."
    assert advice_of(sentence, default_rules()).level == "see_doctor"


def test_do_each_one_in_the_lead_gives_every_exercise_its_count():
    text = (
        "# Lyme radiculopathy\n\nLyme radiculopathy is an infection of the nerve roots that"
        " a tick bite can bring.\n\n### Getting moving again\n\n"
        "My physio's stretches for when the pain eases. Do each one 5 times, twice a day:\n\n"
        "- **Seated twist** — arms crossed, turn slowly to each side\n"
        "- **Cat and camel** on all fours\n"
    )
    plan = analyse(text.encode(), "post.md")
    doses = [exercise["dose"] for exercise in exercises_of(plan)]
    assert len(doses) == 2
    assert all((d["repetitions"], d["times_per_day"]) == (5, 2) for d in doses)


def test_the_same_help_asked_again_at_once_is_one_box():
    page = (
        "<html><body><article><h1>Serratus anterior strain</h1><p>A serratus anterior strain"
        " is a pulled muscle along the side of the ribs.</p><p>Chest pain that spreads to"
        " your arm, with sweating or feeling sick, needs an ambulance. Call 999.</p>"
        "</article></body></html>"
    )
    plan = analyse(page.encode(), "page.html")
    boxes = [strip_tags(w["text"]) for w in warnings_of(plan) if w["severity"] == "emergency"]
    assert len(boxes) == 1 and boxes[0].endswith("needs an ambulance. Call 999.")
