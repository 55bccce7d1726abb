"""Classes seen in a coaches' committee's minutes, a parents' handbook, a chess club's
e-mail and a bakery's noticeboard: numbered items in capitals with their minute set in,
a two-column dose table typed in columns, labels that name the place and when ("A&E SAME
DAY:", "GP/PHYSIO:") under a lead, a handbook's name as no subject, a subject folded
onto the next header line, and "What was it?" answered "Almost certainly ..."."""

from __future__ import annotations

import pytest

from back_health.importer.chrome import chrome_reason
from back_health.importer.document import Table
from back_health.importer.email_thread import read_email_thread
from back_health.importer.parse import parse_document
from back_health.importer.pipeline import analyse
from back_health.importer.rules import default_rules
from back_health.importer.severity import advice_of
from back_health.importer.text import strip_tags

from .documents import exercises_of, warnings_of

MINUTES = """KESWICK OTTERS ROWING CLUB
Minutes of the Coaches' Committee - Tuesday 3 June, 8pm

Present:   DM (chair), KB (club physio), RT
Apologies: PW

1. BOAT BOOKINGS
   Riverside pontoon confirmed for Sundays until end of August. RT to
   chase the council about the broken ramp.

2. PLAYER WELFARE - RIB STRESS FRACTURE
   KB gave an update on one of our rowers, who has been off since April
   with a stress fracture of a rib, confirmed on a scan.

   Home programme agreed (handout to rower), twice a day:

   EXERCISE                   REPS / HOLD
   Shoulder blade setting     10 x hold 5 sec
   Chin tucks                 10 x hold 5 sec
   Wall slides                10

   Red flags for the team sheet (agreed):
     999: sudden breathlessness or sharp chest pain after a session.
     A&E SAME DAY: the arm swells, turns blue or goes cold.
     GP/PHYSIO: a rower with rib pain for over a week that is worse
       when pulling.

3. EQUIPMENT
   New oars arrived. Old ones to be checked and binned if cracked.
"""


def test_numbered_items_in_capitals_with_their_minute_set_in_are_headings():
    # A guard: the numbered sections in capitals stay headings beside the table.
    headings = [section.heading for section in parse_document(MINUTES, "text").sections]
    assert "PLAYER WELFARE - RIB STRESS FRACTURE" in headings
    assert "BOAT BOOKINGS" in headings


def test_two_columns_under_a_header_in_capitals_naming_the_dose_are_a_table():
    doc = parse_document(MINUTES, "text")
    tables = [b for s in doc.sections for b in s.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    plan = analyse(MINUTES.encode(), "minutes.txt", format="text")
    doses = {exercise["name"]: exercise["dose"] for exercise in exercises_of(plan)}
    assert list(doses) == ["Shoulder blade setting", "Chin tucks", "Wall slides"]
    assert (doses["Chin tucks"]["repetitions"], doses["Chin tucks"]["hold_seconds"]) == (10, 5)


def test_labels_in_capitals_under_a_lead_are_boxed_each_by_its_label():
    plan = analyse(MINUTES.encode(), "minutes.txt", format="text")
    boxes = [(warning["severity"], strip_tags(str(warning))) for warning in warnings_of(plan)]
    severities = [severity for severity, _ in boxes]
    assert severities == ["emergency", "emergency", "see_doctor"]
    # A label is no heading: the emergency boxes say what to do.
    assert all(warning["heading"] != "999:" for warning in warnings_of(plan))


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("A&E SAME DAY: the arm swells, turns blue or goes cold.", "emergency"),
        ("GP/PHYSIO: a rower with rib pain for over a week.", "see_doctor"),
    ],
)
def test_labels_naming_the_place_and_when(sentence, level):
    assert advice_of(sentence, default_rules()).level == level


def test_a_handbooks_name_is_no_subject():
    text = """# Starlight Allstars Cheer – Parent Handbook

## 7.3 Sit-bone avulsion fracture (ischial tuberosity avulsion)

In teenagers the patch of bone where the hamstrings attach has not fully fused. A
sudden, hard pull can snap off a flake of bone. This is an **avulsion fracture**.
Starlight Allstars Cheer has seen three of these in five seasons, and Starlight
Allstars Cheer coaches now warm up every flyer first. Ask Starlight Allstars Cheer
staff for the warm-up sheet.
"""
    plan = analyse(text.encode(), "handbook.md")
    assert plan.pages[0].title == "Sit-bone avulsion fracture"


MAIL = """From: Rook & Pawn Junior Chess Club <juniors@example.org>
To: Parents and carers
Subject: [Juniors] Congress results, and "the stitch in
 the chest" explained
Date: Fri, 7 Nov 2025 18:42:09 +0000

Dear parents and carers,

Well done to all juniors who played at the Congress last weekend.

A HEALTH NOTE

Q. What was it?
A. Almost certainly precordial catch syndrome, sometimes called
"Texidor's twinge". It is common in children and harmless.

Q. What should my child do?
A. Sit up straight and take small breaths until it passes.
"""


def test_a_subject_folded_onto_the_next_header_line_is_read_whole():
    text, _ = read_email_thread(MAIL)
    assert text.startswith('Congress results, and "the stitch in the chest" explained')


def test_what_was_it_answered_almost_certainly_names_the_subject():
    plan = analyse(MAIL.encode(), "mail.txt", format="text")
    assert plan.pages[0].title == "Precordial catch syndrome"


def test_the_same_injury_defines_no_condition():
    text = """# Pitchers' ribs

The first rib can crack from repeated stress rather than a single injury. The same injury
is seen in baseball pitchers, rowers and weightlifters.
"""
    plan = analyse(text.encode(), "ribs.md")
    assert "Same injury" not in {page.title for page in plan.pages}


def test_a_task_list_of_exercises_counted_each_side_is_kept():
    text = """# Sit-bone avulsion

### Early rehab

Twice a day, pain-free only.

- [ ] Glute bridge – 2 sets of 10
- [ ] Clam – 15 on each side
- [ ] Prone knee bend – 10 on each side
"""
    plan = analyse(text.encode(), "rehab.md")
    names = [exercise["name"] for exercise in exercises_of(plan)]
    assert names == ["Glute bridge", "Clam", "Prone knee bend"]


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("Book a GP or physio review", "see_doctor"),
        ("ROUTINE GP: aches that keep coming back for more than 3 weeks.", "see_doctor"),
        ("Back pain that wakes a child at night deserves a GP appointment.", "see_doctor"),
    ],
)
def test_a_review_with_either_a_routine_label_and_what_deserves_a_visit(sentence, level):
    assert advice_of(sentence, default_rules()).level == level


def test_an_issue_line_with_its_number_last_is_chrome():
    line = "KESTON ROAD BUS DEPOT  |  DRIVERS' WELLBEING BULLETIN  |  No. 27"
    assert chrome_reason(line)


def test_how_often_in_a_lead_that_also_says_when_to_stop_counts_for_every_exercise():
    text = """# After a long fusion

**Brian's exercises** (once a day, slowly, stop if you feel a new sharp pain):

1. Chin tucks – 10 times, holding each for 5 seconds.
2. Wall angels – slide the arms up and down 10 times.
"""
    plan = analyse(text.encode(), "blog.md")
    assert [e["dose"]["times_per_day"] for e in exercises_of(plan)] == [1, 1]


def test_a_labelled_risk_goes_with_the_caution_after_it():
    text = """DEPOT BULLETIN

LOW BACK ACHE

Most aches settle within a few weeks with gentle movement.

GET CHECKED
  111 TODAY: a high temperature with a swollen lump.
  ROUTINE GP: aches that keep coming back for more than 3 weeks.
  MEDICINES: amitriptyline and diazepam can make you drowsy. Do not
  drive until you know how they affect you.
"""
    plan = analyse(text.encode(), "bulletin.txt", format="text")
    boxes = {warning["severity"]: strip_tags(str(warning)) for warning in warnings_of(plan)}
    assert "amitriptyline and diazepam can make you drowsy" in boxes["caution"]
    assert "amitriptyline" not in boxes["see_doctor"]


@pytest.mark.parametrize(
    "line",
    [
        "Edit this page · Page history · Report a problem · Riverside Chorus, St Anne's Hall.",
        "Marlow Fen Wildlife Rescue Centre · October edition",
        "This page is visible to logged-in members only. Please don't copy it.",
        "Dr Patel is happy to chat at the club, but he cannot advise on individual children.",
    ],
)
def test_wiki_tools_a_months_edition_members_only_and_no_individual_advice_are_chrome(line):
    assert chrome_reason(line)
