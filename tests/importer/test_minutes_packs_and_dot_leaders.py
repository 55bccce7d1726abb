"""Classes seen in a club's meeting minutes, an exhibitor's pack, a safety sheet laid out
with dot leaders and a holiday handbook: a talk under "Any other business", lettered
items in brackets, numbered parts in capitals, exercises joined to their doses by dot
leaders, counted turns, stop-if sentences after the exercises, and a condition named
inside what a sentence is about."""

from __future__ import annotations

import pytest

from back_health.importer.chrome import chrome_reason
from back_health.importer.document import ListBlock
from back_health.importer.dose import read_dose
from back_health.importer.parse import parse_document
from back_health.importer.pipeline import analyse
from back_health.importer.rules import default_rules
from back_health.importer.severity import advice_of

from .documents import blocks_text, exercises_of, items_of, warnings_of

MINUTES = """ALDER VALLEY BIRDWATCHERS

MINUTES OF THE ANNUAL GENERAL MEETING
Held in the church hall, Tuesday 3 June 2025, 7pm

1. MINUTES OF THE LAST AGM
Agreed as a true record. Proposed Joan Ellis, seconded Peter Lowe, with no changes.

2. TREASURER'S REPORT
Balance at year end £208.15. Subs stay at £8 a year. The raffle raised £41 for the hide.

3. ELECTION OF OFFICERS
Joan re-elected Chair unopposed. Peter Lowe elected Treasurer. Sue Hart continues as Secretary.

4. ANY OTHER BUSINESS: BINOCULAR NECK
Several members mentioned stiff necks after long sessions in the hide, so our member Dr
Amir Khan (retired GP) gave a short talk.

   Cervical spondylosis is the normal wear of the discs and joints of the neck with age.
   It often causes a stiff neck and an ache that spreads to the shoulders.

   What helps:
   (a) a lighter pair of binoculars on a harness
   (b) breaks every 20 minutes to look at the ground
   (c) paracetamol for a bad day
   (d) keep up regular exercise, such as walking or swimming

   Exercises (he led the room through these):
   - Chin tucks: hold for 5 seconds, repeat 10 times.
   - Neck rotations: 5 slow turns each way.
   Do them twice a day. Stop if one makes you dizzy.

   When to seek help:
   CALL 999 if neck pain comes with sudden weakness in an arm or slurred speech.
   SEE YOUR GP if the pain has not eased after 4 weeks.

5. DATE OF NEXT MEETING
Field trips continue every second Sunday. Next AGM in June 2026 at the church hall.

(c) Alder Valley Birdwatchers
"""


def test_a_talk_under_any_other_business_is_kept():
    plan = analyse(MINUTES.encode(), "minutes.txt", format="text")
    text = f"{plan.pages[0].summary} {blocks_text(plan)}"
    assert "normal wear of the discs and joints of the neck" in text
    assert "a lighter pair of binoculars on a harness" in text
    assert plan.pages[0].title == "Cervical spondylosis"
    names = [exercise["name"] for exercise in exercises_of(plan)]
    assert names == ["Chin tucks", "Neck rotations"]


def test_the_committees_business_around_the_talk_is_dropped():
    plan = analyse(MINUTES.encode(), "minutes.txt", format="text")
    text = blocks_text(plan)
    assert "Balance at year end" not in text
    assert "Peter Lowe elected Treasurer" not in text
    assert "church hall" not in text


def test_lettered_items_in_brackets_are_a_list_and_a_copyright_line_is_not():
    doc = parse_document(MINUTES, "text")
    items = items_of(doc)
    assert "a lighter pair of binoculars on a harness" in items
    assert "paracetamol for a bad day" in items
    assert not any("Alder Valley" in item for item in items)


def test_stop_if_after_the_exercises_goes_with_them_and_the_routine_stays():
    plan = analyse(MINUTES.encode(), "minutes.txt", format="text")
    lists = [b.value for p in plan.pages for b in p.blocks if b.type == "exercise_list"]
    assert lists[0]["stop_if"] == ["Stop if one makes you dizzy."]
    assert "Do them twice a day." in blocks_text(plan)
    assert all(e["dose"]["times_per_day"] == 2 for e in exercises_of(plan))


PACK = """HOLLINS VALLEY VINTAGE TRACTOR RALLY
EXHIBITOR PACK 2025

Contents
 1. Arrival and parking
 2. Insurance
 3. Your back on the rally field

==============================================================

1. ARRIVAL AND PARKING

Trailers may unload from 7am on Saturday. Please park in the top field once unloaded.

2. INSURANCE

Every exhibitor must send a copy of their public liability cover to the rally secretary.

3. YOUR BACK ON THE RALLY FIELD

WHAT IS SACROILIAC JOINT PAIN?
The sacroiliac joints link the bottom of the spine to the pelvis. When one is strained you
get sacroiliac joint pain: an ache low in the back on one side. Older joints with some
arthritis are more easily strained.

WHAT HELPS
Keep moving, and use a heat pack in the evening.
"""


def test_numbered_parts_in_capitals_are_headings_and_the_others_drop():
    doc = parse_document(PACK, "text")
    headings = [section.heading for section in doc.sections]
    assert "ARRIVAL AND PARKING" in headings and "INSURANCE" in headings
    plan = analyse(PACK.encode(), "pack.txt", format="text")
    assert "Trailers may unload" not in blocks_text(plan)


def test_a_condition_inside_what_a_sentence_is_about_is_no_definition():
    plan = analyse(PACK.encode(), "pack.txt", format="text")
    assert plan.pages[0].title == "Sacroiliac joint pain"


SHEET = """CLEARVIEW WINDOW CLEANING - SAFETY SHEET 4

PART A - NECK STRAIN
A neck strain is an overstretch of the muscles at the side of the neck.

PART B - EXERCISES

  Upper trapezius stretch ...... hold 30 seconds, 3 times each side
  Chin tucks ................... 10 times, 5 second hold
  Shoulder rolls ............... 2 sets of 10

If you feel tingling in your hand, stop the exercise.

PART C - NUMBERS

  Office ....................... 01632 960123
  Out of hours ................. 07700 900456
"""


def test_exercises_joined_to_their_doses_by_dot_leaders_are_a_list():
    plan = analyse(SHEET.encode(), "sheet.txt", format="text")
    found = {exercise["name"]: exercise["dose"] for exercise in exercises_of(plan)}
    assert set(found) == {"Upper trapezius stretch", "Chin tucks", "Shoulder rolls"}
    assert found["Upper trapezius stretch"]["hold_seconds"] == 30
    assert found["Shoulder rolls"]["sets"] == 2
    lists = [b.value for p in plan.pages for b in p.blocks if b.type == "exercise_list"]
    assert lists[0]["stop_if"] == ["If you feel tingling in your hand, stop the exercise."]


def test_telephone_numbers_behind_dot_leaders_are_no_list():
    doc = parse_document(SHEET, "text")
    part = next(section for section in doc.sections if section.heading == "PART C - NUMBERS")
    assert not any(isinstance(block, ListBlock) for block in part.blocks)


def test_counted_turns_are_repetitions():
    dose = read_dose("Seated trunk rotations: 10 turns each way, twice a day.").dose
    assert dose["repetitions"] == 10 and dose["per_side"] and dose["times_per_day"] == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "If you feel tingling in your hand, stop the exercise.",
        "If any of these gives you pins and needles in your hand, stop and tell your physio.",
        "Stop doing them if your pain spreads down your leg.",
    ],
)
def test_stop_if_wordings(sentence):
    assert default_rules().cue("stop_if", sentence)


def test_a_medicine_not_suitable_for_everyone_is_a_caution():
    found = advice_of(
        "Ibuprofen gel is not suitable for everyone: ask the pharmacy counter if you take "
        "blood thinners.",
        default_rules(),
    )
    assert found is not None and found.level == "caution"


def test_where_a_meeting_was_held_is_chrome():
    assert chrome_reason("Held in the church hall, Tuesday 3 June 2025, 7pm") == (
        "chrome: meeting minutes"
    )
    assert chrome_reason("Held in a cool dry place, the tablets last two years.") == ""


QANDA = """# Walking dogs with a sore back

## What is a thoracic muscle strain?

A thoracic muscle strain is an overstretch of the muscles of the middle of the back.

## When should you worry?

**Is it an emergency?** Call 999 if the pain comes with chest pain or breathlessness.

**Should I call 111?** Yes, the same day, if you have back pain with a fever.

**When should I book the GP?** See a GP if the pain is not getting better after 2 weeks.
"""


def test_a_question_whether_to_get_help_answered_yes_is_that_help():
    plan = analyse(QANDA.encode(), "post.md", format="markdown")
    found = {w["severity"]: w["text"] for w in warnings_of(plan)}
    assert "back pain with a fever" in found["urgent"]


@pytest.mark.parametrize(
    "line, level",
    [
        ("111 today: back pain with a high temperature.", "urgent"),
        ("🟠 **111 today:** back pain with a high temperature.", "urgent"),
        ("999: numbness between your legs or around your bottom.", "emergency"),
        ("PHARMACIST: ask before taking ibuprofen if you take warfarin.", "caution"),
        ("The team leader will call 999.", "emergency"),
        ("Call 3333 on site, or 999 elsewhere, if the pain comes with chest pain.", "emergency"),
        ("If new weakness appears in your legs after you get home, go back to A&E.", "emergency"),
    ],
)
def test_help_labelled_by_its_number_or_asked_for_the_reader(line, level):
    found = advice_of(line, default_rules())
    assert found is not None and found.level == level


def test_statistics_about_a_number_are_no_label():
    assert advice_of("999 calls went up by a fifth last year.", default_rules()) is None


DONT_MOVE = """WINDOW CLEANING SAFETY SHEET

NECK STRAIN
A neck strain is an overstretch of the muscles at the side of the neck.

GETTING HELP
If you come off a ladder and then have numbness in your arms: DO NOT MOVE. The team
leader will call 999.

If your neck is no better after 2 weeks, book in with your GP.
"""


def test_a_caution_whose_condition_the_help_after_it_is_for_is_one_box():
    plan = analyse(DONT_MOVE.encode(), "sheet.txt", format="text")
    boxes = [w for w in warnings_of(plan) if "DO NOT MOVE" in w["text"]]
    assert len(boxes) == 1
    assert boxes[0]["severity"] == "emergency" and "999" in boxes[0]["text"]


def test_a_symptom_title_glossed_by_a_condition_names_the_condition():
    source = (
        "# Shoulder blade pain at the desk (scapulocostal syndrome)\n\n"
        "Scapulocostal syndrome is pain around the inner edge of the shoulder blade. "
        "Shoulder blade pain like this often comes from long spells in one posture.\n"
    )
    plan = analyse(source.encode(), "page.md", format="markdown")
    assert plan.pages[0].title == "Scapulocostal syndrome"


@pytest.mark.parametrize(
    "sentence, times",
    [
        ("Do these morning, lunchtime and evening.", 3),
        (
            "He does these every morning before he drives to the market, and again in the evening.",
            2,
        ),
    ],
)
def test_times_of_day_named_are_a_frequency(sentence, times):
    assert read_dose(sentence).dose["times_per_day"] == times


ARROWS = """WINDOW CLEANING SAFETY SHEET

NECK STRAIN
A neck strain is an overstretch of the muscles at the side of the neck.

What helps
  > Switch sides on the pole every 15 minutes
  > A heat pack or warm shower eases the tight muscle
  > Keep the neck moving gently. Don't hold it stiff.
"""


def test_lines_set_in_with_arrows_are_a_list():
    doc = parse_document(ARROWS, "text")
    items = items_of(doc)
    assert items[0] == "Switch sides on the pole every 15 minutes"
    assert len(items) == 3


def test_an_item_naming_a_page_with_nothing_on_it_stays_in_its_list():
    plan = analyse(MINUTES.encode(), "minutes.txt", format="text")
    text = f"{plan.pages[0].summary} {blocks_text(plan)}"
    assert "keep up regular exercise, such as walking or swimming" in text


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Meeting closed 8.40pm.", "chrome: meeting minutes"),
        ("Parish Bulletin No. 57", "chrome: page metadata"),
        ("By our secretary, Ann Cole, who has had the problem herself.", "chrome: byline"),
        ("With thanks to a local osteopath for checking it.", "chrome: acknowledgement"),
        ("Here are his main points, checked by Tom before printing.", "chrome: acknowledgement"),
        ("Priya asked us to share this.", "chrome: acknowledgement"),
        ("Keep a copy in every cab.", "chrome: leaflet handling"),
        ("Related guides: Lifting safely · Neck care", "chrome: related posts"),
        ("Members' Handbook / Safety / Neck pain at the bench", "chrome: navigation"),
    ],
)
def test_notes_and_handbook_furniture_is_chrome(line, reason):
    assert chrome_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Thanks to the physio for checking my form, I now lift better.",
        "Walking / swimming / cycling all help.",
        "By the third week most people feel better.",
        "Keep it in the fridge.",
    ],
)
def test_text_near_notes_furniture_stays(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "If any exercise makes your leg pain worse, stop it and tell your physiotherapist.",
        "Stop any move that makes your pain sharper, and tell your instructor.",
        "Stop if any stretch brings on tingling and tell the physio.",
    ],
)
def test_when_to_stop_and_tell_whoever_set_the_exercises_is_no_warning(sentence):
    assert advice_of(sentence, default_rules()) is None


def test_stopping_and_seeing_a_doctor_is_still_advice():
    found = advice_of("If the pain spreads down your leg, stop and see your GP.", default_rules())
    assert found is not None and found.level == "see_doctor"
