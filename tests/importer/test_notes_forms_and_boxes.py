"""Classes seen in a workshop's job notes, a depot's briefing, a school's risk form, a
guild's newsletter, a handbook page and a festival guide: boxes and banners drawn with
characters, Roman numerals and arrows marking items, subjects named in a diagnosis, an
answer or a glossed heading, parts of the body defined, and grades of help as labels."""

from __future__ import annotations

import pytest

from back_health.importer.document import ListBlock
from back_health.importer.dose import read_dose
from back_health.importer.parse import parse_document
from back_health.importer.pipeline import analyse
from back_health.importer.rules import default_rules

from .documents import blocks_text, exercises_of, warnings_of

NOTES = """HOLLAND & PEEL, CABINET MAKERS - WORKSHOP NOTES

Mon 5 May
Carcass glued up. Drawer fronts cut.

Tue 6 May
Sam off this afternoon with a stiff neck after a day bent over the bench.

----- NOTE FROM THE OFFICE: "BENCH NECK" -----

Sam's physio says this is a levator scapulae strain, the commonest neck complaint in our
trade. It usually settles within 2 weeks once you change how you work.

Exercises (do them at each tea break):
  (i)   Chin tucks. Slide your chin straight back, hold 5 seconds. 10 times.
  (ii)  Levator scapulae stretch. Hold 20 seconds. 3 times each side.
  (iii) Shoulder rolls. 10 times.

+------------------------------------------------------------------+
| GET HELP                                                         |
| 999: sudden weakness in an arm, or neck pain with slurred speech. |
| 111 the same day: neck pain with a high temperature.             |
| GP or physio: no better after 2 weeks.                           |
+------------------------------------------------------------------+

----- END OF NOTE -----

Wed 7 May
Drawers fitted. Finish sprayed.
"""


def test_a_banner_between_rules_is_a_heading_and_its_end_is_chrome():
    doc = parse_document(NOTES, "text")
    headings = [section.heading for section in doc.sections]
    assert 'NOTE FROM THE OFFICE: "BENCH NECK"' in headings
    plan = analyse(NOTES.encode(), "notes.txt", format="text")
    assert "END OF NOTE" not in blocks_text(plan).upper()


def test_roman_numerals_in_brackets_mark_a_list():
    plan = analyse(NOTES.encode(), "notes.txt", format="text")
    names = [exercise["name"] for exercise in exercises_of(plan)]
    assert names == ["Chin tucks", "Levator scapulae stretch", "Shoulder rolls"]


def test_a_box_of_graded_help_is_a_heading_over_its_grades():
    plan = analyse(NOTES.encode(), "notes.txt", format="text")
    levels = [w["severity"] for w in warnings_of(plan)]
    assert levels == ["emergency", "urgent", "see_doctor"]


def test_what_a_physio_says_this_is_names_the_subject():
    plan = analyse(NOTES.encode(), "notes.txt", format="text")
    assert plan.pages[0].title == "Levator scapulae strain"


BRIEFING = """NORTHFIELD HIGHWAYS DEPOT
Briefing sheet 2 of 5: Looking after yourself on snow duty

ROUTINE NOTICES FIRST
* Route cards are in the pigeonholes.
* Spreader checks are every Friday at 14:00.

Q. What is it?
A. Delayed onset muscle soreness, or DOMS. It is the aching and stiffness that comes on
12 to 24 hours after hard work your muscles are not used to.

Q. What helps?
A. Keep moving. DOMS eases faster with gentle walking than with rest.

Q. Any exercises?
A. Do these at the start and the end of every gritting shift.
   a) Knee to chest stretch: hold 20 seconds, 3 times each leg.
   b) Cat-cow: 10 times, slowly.

Q. When should I get help?
   >> Very dark urine with severe muscle pain after a heavy shift: go to A&E.
   >> A high temperature with the back pain: call 111 the same day.
   >> Still sore after a week: see your GP.
"""


def test_the_answer_to_what_is_it_names_the_subject():
    plan = analyse(BRIEFING.encode(), "briefing.txt", format="text")
    assert plan.pages[0].title == "Delayed onset muscle soreness"


def test_arrows_mark_items_and_shifts_named_are_a_frequency():
    plan = analyse(BRIEFING.encode(), "briefing.txt", format="text")
    levels = [w["severity"] for w in warnings_of(plan)]
    assert levels == ["emergency", "urgent", "see_doctor"]
    assert all(e["dose"]["times_per_day"] == 2 for e in exercises_of(plan))


@pytest.mark.parametrize(
    "sentence",
    [
        "Do them at the morning tea break and again after lunch.",
        "Do these at the start and the end of every night shift.",
    ],
)
def test_two_times_named_are_twice_a_day(sentence):
    assert read_dose(sentence).dose["times_per_day"] == 2


def test_a_part_of_the_body_defined_is_no_subject():
    source = (
        "# The Flue Brush\n\n## Members' health\n\n"
        "The splenius capitis is a flat, strap-like muscle at the back of the neck. "
        "A splenius capitis strain happens when that muscle is overworked or "
        "overstretched. It usually settles in a week or two.\n"
    )
    plan = analyse(source.encode(), "news.md", format="markdown")
    assert plan.pages[0].title == "Splenius capitis strain"


def test_a_condition_defined_as_a_problem_with_a_nerve_is_a_definition():
    source = (
        "# That ache under the shoulder blade\n\n"
        "## A trapped nerve you may not have heard of\n\n"
        "Dorsal scapular nerve entrapment is a problem with a small nerve that runs from "
        "the neck to the muscles along the inner edge of the shoulder blade.\n"
    )
    plan = analyse(source.encode(), "post.md", format="markdown")
    assert plan.pages[0].title == "Dorsal scapular nerve entrapment"


def test_a_part_of_the_body_alone_and_a_pointer_to_an_injury_name_nothing():
    source = (
        "# 7.4 Back care in the brewhouse\n\n"
        "This page is about the back injury our team has had most often.\n\n"
        "## What is a multifidus strain?\n\n"
        "A multifidus strain is a small tear in the deep muscles beside the spine. A "
        "multifidus strain usually heals in 2 to 6 weeks.\n"
    )
    plan = analyse(source.encode(), "handbook.md", format="markdown")
    assert plan.pages[0].title == "Multifidus strain"


def test_a_heading_glossed_by_a_condition_is_a_candidate():
    source = (
        "# Festival Volunteer Guide\n\n## Your shifts\n\nShifts are six hours. Shifts "
        "start at the gate. Shifts end with a handover.\n\n"
        "### Stewards' neck (sternocleidomastoid strain)\n\n"
        "**What it is:** a strain of the long muscle at the side of the neck.\n"
    )
    plan = analyse(source.encode(), "guide.md", format="markdown")
    assert plan.pages[0].title == "Sternocleidomastoid strain"


def test_a_grade_of_help_as_a_label_is_no_treatment():
    source = (
        "# Neck strain\n\nA neck strain is an overstretch of the neck muscles.\n\n"
        "## What helps\n\n**Heat:** a warm flannel on the side of the neck helps.\n\n"
        "**Emergency:** Call 999 if neck pain comes with a sudden severe headache.\n\n"
        "**Same day:** Call 111 if you have a high temperature with the neck pain.\n"
    )
    plan = analyse(source.encode(), "guide.md", format="markdown")
    titles = {page.title for page in plan.pages}
    assert "Emergency" not in titles and "Same day" not in titles


def test_a_forms_condition_field_names_the_subject():
    source = (
        "CASTLE PRIMARY SCHOOL - SITE TEAM\nINDIVIDUAL RISK NOTE\n\n1. THE CONDITION\n\n"
        "Condition: Thoracic spondylosis (wear and tear of the middle back)\n\n"
        "Thoracic spondylosis means age-related changes in the discs and joints of the "
        "middle part of the spine.\n\n2. CONTROLS\n\n"
        "-> Trolley used for all chair moves.\n-> No lifting above shoulder height.\n"
    )
    plan = analyse(source.encode(), "note.txt", format="text")
    assert plan.pages[0].title == "Thoracic spondylosis"
    doc = parse_document(source, "text")
    assert any(isinstance(b, ListBlock) for s in doc.sections for b in s.blocks)


@pytest.mark.parametrize(
    "sentence",
    [
        "If one hurts more than it stretches, leave it out.",
        "If an exercise gives you pain down your leg, leave it out and tell the physio.",
    ],
)
def test_leaving_an_exercise_out_is_a_stop_if(sentence):
    assert default_rules().cue("stop_if", sentence)


BENCH = """Bench health
~~~~~~~~~~~~

A nuchal ligament sprain is an overstretch of the ligament at the back of the neck.

Exercises
~~~~~~~~~
Do all three 4 times a day.

  a) Chin tucks                10 times, hold 5 seconds each
  b) Neck extension             5 times, look up slowly and come back
  c) Shoulder blade squeezes    10 times, hold 5 seconds each
"""


def test_tilde_underlines_and_column_gaps_in_items():
    plan = analyse(BENCH.encode(), "bulletin.txt", format="text")
    found = {e["name"]: e["dose"] for e in exercises_of(plan)}
    assert set(found) == {"Chin tucks", "Neck extension", "Shoulder blade squeezes"}
    assert found["Chin tucks"]["hold_seconds"] == 5
    assert all(dose["times_per_day"] == 4 for dose in found.values())


def test_a_name_and_dose_joined_by_a_middle_dot_in_a_task_list():
    source = (
        "# Neck crepitus\n\nNeck crepitus is clicking or grinding when you move your "
        "neck.\n\n## Routine\n\nDo the routine at the start of each shift and again on "
        "your break.\n\n- [ ] **Chin tucks** · 10 reps, hold each for 5 seconds\n"
        "- [ ] **Neck rotation** · turn slowly to look over each shoulder, 5 reps each side\n"
    )
    plan = analyse(source.encode(), "wiki.md", format="markdown")
    found = {e["name"]: e["dose"] for e in exercises_of(plan)}
    assert set(found) == {"Chin tucks", "Neck rotation"}
    assert found["Chin tucks"]["times_per_day"] == 2


def test_a_line_with_one_dot_among_dot_leaders_is_an_item_too():
    source = (
        "LOW BACK PAIN\nLow back pain is common and usually settles.\n\nEXERCISES:\n"
        " Child's pose ............ hold 20 seconds, 3 times\n"
        " Cat-cow ................. 10 slow reps\n"
        " Standing back extension . 5 reps after every pen\n"
    )
    plan = analyse(source.encode(), "notes.txt", format="text")
    names = [e["name"] for e in exercises_of(plan)]
    assert names == ["Child's pose", "Cat-cow", "Standing back extension"]


@pytest.mark.parametrize(
    "source, subject",
    [
        (
            "# Society news\n\n## Health corner\n\nSeveral members have an itch between "
            "the shoulder blades. The name is **notalgia paresthetica**. It is a patch of "
            "skin that itches or burns.\n",
            "Notalgia paresthetica",
        ),
        (
            "GANG RUN NOTES\n\nA lot of you have the same thing. I call it dorsal ramus "
            "syndrome. A small nerve at the back of the spine gets irritated.\n",
            "Dorsal ramus syndrome",
        ),
        (
            "# Shoulder blade ache and clicking (scapulothoracic bursitis)\n\nA bursa "
            "under the shoulder blade gets irritated and sore.\n",
            "Scapulothoracic bursitis",
        ),
    ],
    ids=["the-name-is", "i-call-it", "symptoms-glossed"],
)
def test_what_the_text_says_it_is_called(source, subject):
    name = "article.md" if source.startswith("#") else "article.txt"
    plan = analyse(source.encode(), name)
    assert plan.pages[0].title == subject


@pytest.mark.parametrize(
    "line, level",
    [
        ("STRAIGHT TO 999 OR A&E: numbness around your backside.", "emergency"),
        ("ASK THE CHEMIST: before using ibuprofen if you take blood pressure tablets.", "caution"),
        ("Pharmacist first: before using ibuprofen if you have asthma.", "caution"),
    ],
)
def test_grades_of_help_as_labels_in_capitals(line, level):
    from back_health.importer.severity import advice_of

    found = advice_of(line, default_rules())
    assert found is not None and found.level == level


def test_a_glossary_line_naming_a_pharmacist_is_no_caution():
    from back_health.importer.severity import advice_of

    assert advice_of("pharmacist - a person who knows about medicines.", default_rules()) is None


def test_an_exercise_tables_caption_says_how_often():
    source = (
        "<h1>Scapulothoracic bursitis</h1><p>A bursa under the shoulder blade gets sore."
        "</p><h2>Exercises</h2><table><caption>Do the whole set twice a day.</caption>"
        "<tr><th>Exercise</th><th>Reps</th></tr><tr><td>Wall slides</td><td>10</td></tr>"
        "<tr><td>Shoulder blade squeezes</td><td>10</td></tr></table>"
    )
    plan = analyse(source.encode(), "page.html", format="html")
    doses = [e["dose"] for e in exercises_of(plan)]
    assert doses and all(dose["times_per_day"] == 2 for dose in doses)


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Contributed by Ann Lee, who ran a pottery stall for 20 years.", "chrome: byline"),
        ("Notes kept by: J. Ward (foreman). Copy to office weekly.", "chrome: byline"),
        ("Last edited 2 days ago by kim.p · 4 revisions", "chrome: wiki furniture"),
        ("This handbook is for Riverside Rowing Club members only.", "chrome: disclaimer"),
        ("Tap a question to open it.", "chrome: page tools"),
        ("Sign the attendance sheet before you leave the room.", "chrome: form furniture"),
        ("To be read out at the 07:30 toolbox talk, Friday 4 April", "chrome: notices"),
        ("Our practice nurse helped us write it.", "chrome: acknowledgement"),
        ("Keep this one in the glovebox.", "chrome: leaflet handling"),
    ],
)
def test_briefing_and_wiki_furniture_is_chrome(line, reason):
    from back_health.importer.chrome import chrome_reason

    assert chrome_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Sign the consent form only after the surgeon has explained the risks.",
        "Keep it moving gently.",
        "Tap your foot to the beat while you walk.",
    ],
)
def test_advice_near_briefing_furniture_stays(line):
    from back_health.importer.chrome import chrome_reason

    assert chrome_reason(line) == ""
