"""Classes seen in a bell ringers' tower notes, a care home's noticeboard memo, a
beekeepers' e-mail, a tattoo studio's handbook and an angling club's notes: a table typed
with tabs, items numbered "(1)" and lettered "(a)" to "(c)", doses in square brackets
after dot leaders, a name over its nested dose details, labels set between stars, a
bold label that asks for help with the text saying when, and exercises told in prose
("For the butterfly stretch, ...")."""

from __future__ import annotations

import pytest

from back_health.importer.chrome import chrome_reason
from back_health.importer.document import Table
from back_health.importer.parse import parse_document
from back_health.importer.pipeline import analyse
from back_health.importer.rules import default_rules
from back_health.importer.severity import advice_of
from back_health.importer.text import singular, strip_tags

from .documents import blocks_text as blocks_text_of
from .documents import doses_of, items_of, texts_of, warnings_of


def _boxes(plan) -> dict[str, str]:
    boxes: dict[str, str] = {}
    for warning in warnings_of(plan):
        boxes[warning["severity"]] = (
            f"{boxes.get(warning['severity'], '')} {strip_tags(str(warning))}"
        )
    return boxes


TOWER_NOTES = """ST AUDRIES TOWER NOTES

FROZEN SHOULDER

Frozen shoulder is a condition where the capsule of the shoulder joint thickens and
tightens, so the arm will not lift or turn.

DAILY EXERCISES - three times a day

EXERCISE\tHOW MANY\tHOLD
Pendulum swing\t10 swings\t-
Table slide\t10\t5 seconds
Towel stretch behind the back\t5\t10 seconds

WHEN TO GET HELP

    SAME DAY (GP or 111) if the shoulder becomes hot, red and swollen and you feel
    feverish.

    NB if you have diabetes, a steroid injection can push up your blood sugar for a
    few days.
"""


def test_a_table_typed_with_tabs_is_read_by_its_tabs():
    doses = doses_of(analyse(TOWER_NOTES.encode(), "tower.txt", format="text"))
    assert set(doses) == {"Pendulum swing", "Table slide", "Towel stretch behind the back"}
    assert doses["Pendulum swing"]["repetitions"] == 10
    assert doses["Table slide"]["hold_seconds"] == 5
    assert doses["Towel stretch behind the back"]["repetitions"] == 5
    assert all(dose["times_per_day"] == 3 for dose in doses.values())


def test_a_same_day_label_before_if_and_a_raised_blood_sugar_are_boxed():
    boxes = _boxes(analyse(TOWER_NOTES.encode(), "tower.txt", format="text"))
    assert "SAME DAY (GP or 111) if the shoulder" in boxes["urgent"]
    assert "push up your blood sugar" in boxes["caution"]


def test_a_tab_line_without_rows_under_it_is_no_table():
    # Guard: a label and its value typed with a tab, once, stay a line of text.
    doc = parse_document("Notes\n\nCaptain:\tJudith Penhallow\n", "text")
    assert not any(isinstance(b, Table) for section in doc.sections for b in section.blocks)
    assert any("Judith Penhallow" in text for text in texts_of(doc))


MEMO = """ROWAN LODGE - STAFF NOTICEBOARD

CALCIFIC TENDINITIS OF THE SHOULDER

Calcific tendinitis is a condition where calcium builds up in a tendon of the shoulder.

What treatments are there?
  (1) Rest from lifting above shoulder height
  (2) Anti-inflammatory painkillers such as ibuprofen
  (3) Physiotherapy once the worst pain settles

Exercises (twice a day)
  (a) Pendulum swing ........ [10 swings, sore arm only]
  (b) Shoulder blade squeeze  [hold 5 s, x10]
  (c) Stick-assisted arm raise [x10]
  (d) Neck side stretch ..... [hold 20 s, x3 each side]
"""


def test_items_numbered_in_brackets_from_one_make_a_list():
    doc = parse_document(MEMO, "text")
    headings = [section.heading for section in doc.sections]
    assert "What treatments are there?" in headings
    assert "Rest from lifting above shoulder height" in items_of(doc)


def test_a_lettered_c_after_b_is_an_item_and_bracketed_doses_are_read():
    doses = doses_of(analyse(MEMO.encode(), "memo.txt", format="text"))
    assert set(doses) == {
        "Pendulum swing",
        "Shoulder blade squeeze",
        "Stick-assisted arm raise",
        "Neck side stretch",
    }
    assert doses["Pendulum swing"]["repetitions"] == 10
    assert doses["Shoulder blade squeeze"]["hold_seconds"] == 5
    assert doses["Stick-assisted arm raise"]["repetitions"] == 10
    assert doses["Neck side stretch"] == {
        **doses["Neck side stretch"],
        "hold_seconds": 20,
        "repetitions": 3,
        "per_side": True,
    }


@pytest.mark.parametrize(
    "text",
    [
        # Reference numbers in brackets that do not run from one stay text.
        "Application details\n\n(21) Application No: 2403117\n(22) Date of filing: 04.03.2024\n",
        "Authors\n\nR. Hale(1), F. Lind(2)\n(1) Department of Neurosurgery\n"
        "(2) Emergency Medicine\n",
    ],
)
def test_bracketed_numbers_that_are_codes_or_affiliations_stay_lines(text):
    doc = parse_document(text, "text")
    assert not any(text.startswith("Date of filing") for text in items_of(doc))
    assert "Emergency Medicine" not in items_of(doc)


def test_a_copyright_line_alone_is_no_item():
    # Guard: "(c) Northbridge Clinic 2025" on its own is a copyright line.
    doc = parse_document("About us\n\n(c) Northbridge Clinic 2025\n", "text")
    assert items_of(doc) == []


NESTED = """<html><body><h1>Biceps tendinopathy</h1>
<p>Biceps tendinopathy is irritation of the long head of the biceps tendon at the front
of the shoulder.</p>
<h2>Exercises</h2>
<p>Once a day.</p>
<ol>
  <li>Static biceps hold
    <ul><li>elbow bent at a right angle, press up under a table</li>
        <li>hold 30 seconds</li><li>5 times</li></ul></li>
  <li>Slow elbow curls
    <ul><li>with a 1 kg bag of sugar</li><li>3 sets of 12</li></ul></li>
</ol>
<h2>Causes</h2>
<ul>
  <li>Lifting
    <ul><li>heavy boxes</li><li>awkward loads</li></ul></li>
</ul>
</body></html>"""


def test_a_name_over_its_nested_dose_details_is_one_exercise():
    plan = analyse(NESTED.encode(), "bees.html", format="html")
    doses = doses_of(plan)
    assert set(doses) == {"Static biceps hold", "Slow elbow curls"}
    assert doses["Static biceps hold"]["hold_seconds"] == 30
    assert doses["Slow elbow curls"]["sets"] == 3
    assert plan.pages[0].title == "Biceps tendinopathy"


def test_a_name_over_nested_examples_without_counts_keeps_its_items():
    # Guard: "Lifting" over "heavy boxes" and "awkward loads" names no exercise.
    doc = parse_document(NESTED, "html")
    assert {"Lifting", "heavy boxes", "awkward loads"} <= set(items_of(doc))


@pytest.mark.parametrize(
    ("word", "expected"),
    [("biceps", "biceps"), ("triceps", "triceps"), ("hips", "hip"), ("tendons", "tendon")],
)
def test_biceps_is_singular(word, expected):
    assert singular(word) == expected


def test_a_definition_with_a_short_name_and_another_name_between_commas():
    text = (
        "# 1. Health matters\n\nOur treasurer has a pinching hip.\n\n## 2. What is it?\n\n"
        "Femoroacetabular impingement, usually shortened to FAI and sometimes simply "
        "called hip impingement, is when the ball and socket of the hip rub.\n"
    )
    plan = analyse(text.encode(), "quarterly.md", format="markdown")
    assert plan.pages[0].title == "Femoroacetabular impingement"


ANGLING = """Q: When should I get help?

   *** 999 / A&E ***  A fall on the bank, and now the leg is shorter and you cannot stand.

   *** SAME DAY ***  Hip suddenly hot and swollen with a temperature - ring 111.

   *** GP ***  Pain at night or stiffness getting worse despite 3 months of exercises.
"""


def test_labels_set_between_stars_are_read_as_labels():
    doc = parse_document(ANGLING, "text")
    texts = texts_of(doc)
    assert any(text.startswith("999 / A&E: A fall on the bank") for text in texts)
    boxes = _boxes(analyse(ANGLING.encode(), "angling.txt", format="text"))
    assert "A fall on the bank" in boxes["emergency"]
    assert "Pain at night" in boxes["see_doctor"]


HANDBOOK = """# Subacromial impingement

Subacromial impingement is a condition where a tendon is pinched under the point of
the shoulder.

## What actually helps

- Exercise, guided by a physio, is the main treatment.
- A steroid injection can calm things down.

### The routine

Twice a day.

- **Shoulder blade setting**
  - draw your shoulder blades back and down
  - hold 10 seconds, 10 times
- Lying hip extension, on your front — 2 × 10 each leg
- Four-point rock back, only as far as it is pain-free — 10 reps

If an exercise makes the pain sharp, drop it and tell the physio.

### When it's more than a sore shoulder

> **Same day — GP or 111:** you suddenly can't lift your arm after a fall.

> **Book the GP or physio** if it's no better after 6 weeks of the routine.

> **Heads-up:** if you take ibuprofen most days, ask your pharmacist about your stomach.

- ⏱ **Soon:** see your GP if it has lasted more than 6 weeks.
- ⏱ **Later:** see a physio if it keeps coming back.
"""


def test_labels_that_ask_for_help_are_boxed_and_name_no_treatment():
    plan = analyse(HANDBOOK.encode(), "handbook.md", format="markdown")
    boxes = _boxes(plan)
    assert "you suddenly can't lift your arm" in boxes["urgent"]
    assert "Book the GP or physio" in boxes["see_doctor"]
    assert "ask your pharmacist" in boxes["caution"]
    titles = {page.title for page in plan.pages}
    assert not titles & {"Same day", "Heads-up", "Book the GP or physio"}
    assert "⏱" not in " ".join(strip_tags(str(w)) for w in warnings_of(plan))


def test_dropping_an_exercise_that_hurts_is_the_lists_stop_if():
    plan = analyse(HANDBOOK.encode(), "handbook.md", format="markdown")
    assert not any("drop it" in strip_tags(str(w)) for w in warnings_of(plan))
    doses = doses_of(plan)
    assert doses["Lying hip extension"]["sets"] == 2
    assert doses["Four-point rock back"]["repetitions"] == 10


def test_a_label_naming_a_treatment_before_what_it_does_is_no_box():
    # Guard: "**See a physio.** A physiotherapist will ..." names a treatment.
    text = (
        "# Herniated disc\n\nA herniated disc is a condition where a disc bulges.\n\n"
        "## What helps\n\n**See a physio.** A physiotherapist will work out which "
        "movements ease your leg pain.\n"
    )
    plan = analyse(text.encode(), "listicle.md", format="markdown")
    assert not any("See a physio" in strip_tags(str(w)) for w in warnings_of(plan))


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("Same day — GP or 111: you suddenly can't lift your arm.", "urgent"),
        ("SAME DAY (GP or 111) if your shoulder becomes hot.", "urgent"),
        ("A steroid injection can push up your blood sugar for a few days.", "caution"),
    ],
)
def test_same_day_labels_and_blood_sugar(sentence, level):
    assert advice_of(sentence, default_rules()).level == level


PROSE = """<html><body><h1>Perthes disease</h1>
<p>Perthes disease is a condition where the blood supply to the top of the thigh bone
is interrupted.</p>
<h2>Home exercises</h2>
<p>Alfie does these twice a day.</p>
<p>For the butterfly stretch, he lies on his back with his feet together, lets his knees
fall out and holds for 30 seconds, five times.</p>
<p>For leg rolls, he lies on his back and rolls the whole leg in and out, 10 times on each
leg.</p>
<h2>Treatment</h2>
<p>For most children, treatment means regular X-rays and physiotherapy.</p>
</body></html>"""


def test_exercises_told_in_prose_after_for():
    doses = doses_of(analyse(PROSE.encode(), "railway.html", format="html"))
    assert set(doses) == {"Butterfly stretch", "Leg rolls"}
    assert doses["Butterfly stretch"]["hold_seconds"] == 30
    assert doses["Leg rolls"]["per_side"] is True


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("Further reading: Chartered Society of Physiotherapy · Versus Arthritis", True),
        ("Useful links: NHS 111 online · Versus Arthritis", True),
        # Guard: a sentence after the label is text, not a list of links.
        ("Further reading: if the pain persists, see your GP.", False),
    ],
)
def test_a_labelled_line_of_further_reading_is_chrome(text, chrome):
    assert bool(chrome_reason(text)) is chrome


BULLETIN = """MV Saint Aubin - Crew Welfare Bulletin
======================================

Crew mess Wi-Fi code changes on Monday. New lockers for hotel staff are on deck 3 aft.

Outer hip pain on board
-----------------------

Greater trochanteric pain syndrome is pain over the bony point on the outside of the
hip. It is most common in women aged 40 to 60.

What helps
----------

A pillow between your knees when lying on your side eases the pain at night.
"""


def test_notices_under_a_bulletins_name_that_say_nothing_of_health_go():
    plan = analyse(BULLETIN.encode(), "bulletin.md", format="markdown")
    text = " ".join([plan.pages[0].summary, blocks_text_of(plan)])
    assert "Wi-Fi" not in text
    assert any("Wi-Fi" in dropped.text for dropped in plan.dropped)
    assert plan.pages[0].summary.startswith("Greater trochanteric pain syndrome is pain")


def test_a_story_under_the_title_that_speaks_of_pain_stays():
    # Guard: the opening paragraph tells of the hip before the first heading.
    story = BULLETIN.replace(
        "Crew mess Wi-Fi code changes on Monday. New lockers for hotel staff are on deck 3 aft.",
        "Bernadette's outer hip has ached at night since the spring refit.",
    )
    plan = analyse(story.encode(), "bulletin.md", format="markdown")
    text = " ".join([plan.pages[0].summary, blocks_text_of(plan)])
    assert "Bernadette's outer hip has ached" in text
