"""Classes seen in a club's newsletter columns, a gym's induction card, a first-aid note
and a translator's sample page: a lead about getting help after an exercise table, lists
graded by stars, another country's emergency number with the reader's in brackets, a
stop-if paragraph after the exercises, mastheads of dated parts, bylines under boxed
headings, and a subject named after the treatment that brought it on."""

from __future__ import annotations

import pytest

from back_health.importer.chrome import chrome_reason
from back_health.importer.clean import clean_document
from back_health.importer.parse import parse_document
from back_health.importer.pipeline import analyse
from back_health.importer.rules import default_rules
from back_health.importer.severity import advice_of

from .documents import blocks_text, exercises_of, texts_of, warnings_of

COLUMN = """# The Lockkeepers' Bulletin

## Health corner: trapezius strain

A trapezius strain is a small tear in the large muscle across the top of the shoulders.
It usually settles within three weeks.

**Exercises**

| Exercise | How much |
|---|---|
| Shoulder shrugs | 10 reps |
| Neck side bend | hold 20 seconds, 3 reps |

Do them twice a day.

**When to get help:**

- Call 999 if the shoulder pain comes with chest pain or breathlessness.
- Call 111 the same day if your arm goes numb after a fall from the lock gate.
- See your GP if it has not settled in 3 weeks.
"""


def test_a_lead_about_getting_help_ends_the_exercise_list_before_it():
    plan = analyse(COLUMN.encode(), "bulletin.md", format="markdown")
    names = [exercise["name"] for exercise in exercises_of(plan)]
    assert names == ["Shoulder shrugs", "Neck side bend"]
    levels = [warning["severity"] for warning in warnings_of(plan)]
    assert levels == ["emergency", "urgent", "see_doctor"]


GRADED = """BOATHOUSE INDUCTION CARD 3: ROWING MACHINE AND YOUR BACK

LUMBAR STRAIN
A lumbar strain is an overstretch of the muscles of the lower back. Most get better
within two to four weeks.

WHEN TO GET HELP
*** Call 999 if you cannot control your bladder or bowels, or your bottom feels numb.
** Call 111 the same day if you have a fever with the back pain.
* See a GP if it is not improving after 4 weeks.
"""


def test_a_list_graded_by_stars_is_one_warning_per_grade():
    plan = analyse(GRADED.encode(), "card.txt", format="text")
    found = {warning["severity"]: warning for warning in warnings_of(plan)}
    assert set(found) == {"emergency", "urgent", "see_doctor"}
    assert "*" not in blocks_text(plan)


def test_a_star_run_closed_later_is_emphasis_not_a_grade():
    source = (
        "LUMBAR STRAIN\n\nA lumbar strain is an overstretch of the back muscles.\n\n"
        "WHEN TO GET HELP\n\n  ** Call 999 if you fall from a height and cannot move\n"
        "     your legs. Do not move. **\n  See a GP if it is not better in 4 weeks.\n"
    )
    doc = parse_document(source, "text")
    texts = texts_of(doc)
    assert not any(text.startswith("Call 999") and text.endswith("legs.") for text in texts)


@pytest.mark.parametrize(
    "sentence",
    [
        "Call 15 (in the UK, 999) at once if your legs suddenly go weak.",
        "Ring 118 (in the UK 999) straight away if you lose control of your bladder.",
    ],
)
def test_another_countrys_number_with_the_readers_in_brackets_is_an_emergency(sentence):
    found = advice_of(sentence, default_rules())
    assert found is not None and found.level == "emergency"


def test_a_local_number_with_a_bracketed_place_is_no_emergency():
    found = advice_of("Call 0800 1234 (in the UK, 999)", default_rules())
    assert found is None


STOP_AFTER = """# Allotment notes

## Your back this spring

Sciatica is pain that travels from the lower back down the leg.

**Gentle stretches once the worst has passed:**

- Knee hugs: hold for 20 seconds, 3 times, twice a day
- Pelvic tilts: 10 reps, twice a day

Stop doing them if the pain spreads further down your leg.

**Red flags:**

- Call 999 if you cannot pass urine.
"""


def test_a_stop_if_paragraph_after_the_exercises_is_their_stop_if():
    plan = analyse(STOP_AFTER.encode(), "notes.md", format="markdown")
    lists = [b.value for p in plan.pages for b in p.blocks if b.type == "exercise_list"]
    assert len(lists) == 1
    assert lists[0]["stop_if"] == ["Stop doing them if the pain spreads further down your leg."]
    assert all("Stop doing them" not in w["text"] for w in warnings_of(plan))


def test_a_bold_lead_over_the_exercises_is_not_repeated_as_a_paragraph():
    plan = analyse(STOP_AFTER.encode(), "notes.md", format="markdown")
    paragraphs = " ".join(
        str(b.value) for p in plan.pages for b in p.blocks if b.type == "paragraph"
    )
    assert "Gentle stretches once the worst has passed" not in paragraphs


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Please do not remove this poster.", "chrome: leaflet handling"),
        ("Keep this in the minibus first aid kit.", "chrome: leaflet handling"),
        ("Copies at reception.", "chrome: leaflet handling"),
        ("Issued by: Club Welfare Officer, Dana Brooks", "chrome: byline"),
        ("Our treasurer, a retired nurse, wrote this piece for us.", "chrome: byline"),
        ("Our monthly column by Raj Patel, a physiotherapist.", "chrome: byline"),
        ("I write about running, rescue dogs and, now and then, my knees.", "chrome: byline"),
        ("For: all coaches, volunteers and parents", "chrome: page metadata"),
        ("Members only", "chrome: page metadata"),
        ("This extract is published with the author's permission.", "chrome: page metadata"),
        ("Registered charity linked to the county federation", "chrome: copyright"),
        (
            "(Welsh text below for our visitors - thank you to Ffion for translating.)",
            "chrome: translation",
        ),
        (
            "Translated by a qualified medical translator and checked by a second linguist.",
            "chrome: translation",
        ),
        ("Club nights: Tuesdays 7-9pm.", "chrome: notices"),
    ],
)
def test_club_and_leaflet_furniture_is_chrome(line, reason):
    assert chrome_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Keep it in the fridge if the leaflet says so.",
        "For: back pain that has lasted more than six weeks",
        "Stretch for 30 seconds on Tuesdays and Thursdays.",
    ],
)
def test_advice_near_furniture_wording_stays(line):
    assert chrome_reason(line) == ""


MASTHEAD = """# Riverside Rowing Club

Issue 12 · Autumn 2024 · Editor: Sam Reid, Club Captain

## Health: low back pain

Low back pain is very common in rowers and usually settles in a few weeks.
"""


def test_a_masthead_of_dated_parts_is_dropped():
    plan = analyse(MASTHEAD.encode(), "club.md", format="markdown")
    assert "Autumn 2024" not in blocks_text(plan)
    assert "settles in a few weeks" in blocks_text(plan)


BOXED = """==================================================
   HILLSIDE TENNIS CLUB - MEMBERS' NOTICEBOARD
==================================================
Posted by the Welfare Team, May 2025

--------------------------------------------------
  A NOTE ABOUT YOUR NECK
  by Priya Shah, member and sports physiotherapist
--------------------------------------------------

Cervical spondylosis is the normal wear of the joints and discs of the neck with age.
Many people have it on a scan and feel nothing.
"""


def test_a_byline_under_a_boxed_heading_is_no_part_of_it_nor_the_title():
    doc = parse_document(BOXED, "text")
    headings = [section.heading for section in doc.sections]
    assert "A NOTE ABOUT YOUR NECK" in headings
    assert not any("Priya" in heading or "Posted by" in heading for heading in headings)
    assert not doc.title.startswith("Posted by")


AFTER_TREATMENT = """# Home programme - Oral Surgery Therapy Team

## Jaw stiffness after radiotherapy

Radiotherapy to the head and neck can tighten the muscles that open the jaw. The
radiotherapy team will tell you when to start. Radiotherapy can leave the skin sore too.

## Exercises

1. Jaw opening: open as wide as is comfortable and hold for 5 seconds. Repeat 10 times.
"""


def test_a_treatment_the_heading_says_the_condition_follows_is_not_the_subject():
    plan = analyse(AFTER_TREATMENT.encode(), "handout.md", format="markdown")
    assert plan.pages[0].kind == "condition"
    assert plan.pages[0].title == "Jaw stiffness after radiotherapy"


ABBREVIATED = """# Staff briefing 7/2025

## Spotting cervical myelopathy in older residents

### What is it?

Degenerative cervical myelopathy (DCM) happens when wear in the neck squeezes the spinal
cord. DCM comes on slowly. Residents with DCM may drop things or walk unsteadily.

### What to do

Tell the nurse in charge the same day if a resident with DCM has new clumsy hands.

### Why it matters

Cervical myelopathy is easy to miss in older people. Untreated cervical myelopathy can
leave a resident unable to walk.
"""


def test_an_abbreviation_the_text_defines_counts_as_naming_the_condition():
    plan = analyse(ABBREVIATED.encode(), "briefing.md", format="markdown")
    assert plan.pages[0].title == "Degenerative cervical myelopathy"


CARD = """RIVERSIDE CLIMBING WALL
INDUCTION CARD 2 of 6: BOULDERING AREA AND YOUR BACK

MAT RULES
- Book the bouldering area at the desk. One hour slots at weekends.
- Keep the mats clear. Put the brushes back on the hook.

----------------------------------------------------------------
BACK HEALTH: LUMBAR STRAIN

A lumbar strain is an overstretch of the muscles of the lower back. It usually settles
within two to four weeks.

WHAT HELPS
- keep moving with gentle walking
- paracetamol or ibuprofen

WHEN TO GET HELP
- Call 999 if you cannot control your bladder or bowels.
"""


def test_a_heading_after_a_rule_starts_a_part_of_its_own():
    doc = parse_document(CARD, "text")
    levels = {section.heading: section.level for section in doc.sections if section.heading}
    assert levels["MAT RULES"] == levels["BACK HEALTH: LUMBAR STRAIN"] == 2
    plan = analyse(CARD.encode(), "card.txt", format="text")
    assert "Put the brushes back" not in blocks_text(plan)
    assert any(d.reason == "chrome: section about something else" for d in plan.dropped)


PRINTED = """ASHGROVE SURGERY
1 Mill Lane, Ashgrove  |  Tel: 01632 960999

ANKYLOSING SPONDYLITIS

WHAT IS IT?

Ankylosing spondylitis is a long-term inflammation of the joints of the spine. It usually
starts before the age of 40.

                                                        Page 1 of 2
-------------------------------------------------------------------------
ASHGROVE SURGERY                       Ankylosing spondylitis


WHEN TO GET HELP

- Call 999 or go to A&E if you cannot control your bladder or bowels.
"""


def test_a_running_header_of_the_title_beside_a_heading_is_dropped():
    doc = clean_document(parse_document(PRINTED, "text"))
    headings = [section.heading for section in doc.sections]
    assert not any(h.startswith("ASHGROVE SURGERY ") for h in headings)
    assert ("chrome: running header or footer", "ASHGROVE SURGERY Ankylosing spondylitis") in [
        (d.reason, d.text) for d in doc.dropped
    ]
