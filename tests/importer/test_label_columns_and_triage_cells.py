"""Classes seen in a taxi firm's newsletter, a sea cadets' bulletin and a quarry's
toolbox talk: labels in capitals set in a column before their text ("999 NOW    Numbness
..."), a triage table whose action cell is only the place to go ("A&E now"), and a
letter's GP field told from a GP label over what to see the GP about."""

from __future__ import annotations

import pytest

from back_health.importer.chrome import chrome_reason
from back_health.importer.parse import parse_document
from back_health.importer.pipeline import analyse
from back_health.importer.rules import default_rules
from back_health.importer.severity import advice_of
from back_health.importer.text import strip_tags

from .documents import exercises_of, warnings_of

NEWSLETTER = """CABS OF HALSTEAD - DRIVERS' NEWSLETTER

A PAIN IN THE BUTT

Three drivers have had a deep ache in one buttock this winter. Piriformis syndrome is
an ache deep in the buttock from a tight piriformis muscle pressing on the sciatic nerve.

GET HELP:
  999 NOW    Numbness around your bottom or genitals, or you lose
             control of your bladder or bowels.
  GP TODAY   New weakness in a leg or foot drop.
  GP         Pain still there after 6 weeks of the above.
  DRIVING    Amitriptyline can make you drowsy. Don't drive until
             you know how it affects you.
"""


def test_labels_set_in_a_column_are_entries_keeping_their_words():
    doc = parse_document(NEWSLETTER, "text")
    texts = [block.text for section in doc.sections for block in section.blocks]
    assert "GP TODAY New weakness in a leg or foot drop." in texts
    assert any(text.startswith("999 NOW Numbness around") for text in texts)


def test_labels_set_in_a_column_are_boxed_by_the_help_they_name():
    plan = analyse(NEWSLETTER.encode(), "newsletter.txt", format="text")
    boxes = {warning["severity"]: strip_tags(str(warning)) for warning in warnings_of(plan)}
    assert "999 NOW Numbness" in boxes["emergency"]
    assert "GP TODAY New weakness" in boxes["urgent"]
    assert "Pain still there after 6 weeks" in boxes["see_doctor"]
    assert "Amitriptyline can make you drowsy" in boxes["caution"]


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("999 NOW Numbness around your bottom.", "emergency"),
        ("GP TODAY New weakness in a leg.", "urgent"),
        ("GP Pain still there after 6 weeks.", "see_doctor"),
        ("Book the GP or a physio", "see_doctor"),
    ],
)
def test_a_label_without_its_colon_and_booking_the_gp(sentence, level):
    assert advice_of(sentence, default_rules()).level == level


@pytest.mark.parametrize(
    "sentence",
    ["A&E Departments are busy in winter.", "NHS England says most back pain settles."],
)
def test_prose_opening_with_a_place_or_a_body_asks_for_nothing(sentence):
    # Guards: a sentence of prose is no label.
    assert advice_of(sentence, default_rules()) is None


TRIAGE = """# Hip flexor avulsion

A sprint start can pull a flake of bone off the front of the hip.

### When to get help

| What you notice | What to do |
|---|---|
| Cannot put any weight on the leg | A&E now |
| The hip is red, hot and swollen or your child has a fever | Ring 111 or see a GP today |
| Still limping or sore after 2 weeks | Book the GP or a physio |
"""


def test_a_triage_cell_naming_only_where_to_go_is_its_action():
    plan = analyse(TRIAGE.encode(), "bulletin.md")
    boxes = [(w["severity"], w["heading"], strip_tags(str(w))) for w in warnings_of(plan)]
    assert [severity for severity, _, _ in boxes] == ["emergency", "urgent", "see_doctor"]
    assert boxes[0][1] == "A&E now"


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("GP: Pain still there after 6 weeks of the above.", False),
        ("GP: Amelia Hart, Riverside Surgery", True),
        ("GP: The Surgery, High Street", True),
        ("GP: NHS Fife", True),
    ],
)
def test_a_gp_field_names_a_practice_a_gp_label_what_to_see_them_about(line, chrome):
    assert bool(chrome_reason(line)) is chrome


ROUTINES = """DARTS LEAGUE NEWSLETTER

BURNING SHOULDER

Parsonage-Turner syndrome is sudden, severe shoulder pain followed by weakness, from an
inflamed nerve bundle in the shoulder.

TREVOR'S HOME ROUTINE (twice a day, gently)
  Exercise                    | Dose
  ----------------------------+------------------------------
  Pendulum swings             | 10 circles
  Shoulder blade squeezes     | 10 reps, hold 5 seconds
  Table slides                | 10 reps

EXERCISES GWEN GAVE HIM (3 times a day)
  Shoulder shrugs ............................ 10 reps
  Shoulder blade squeezes, hold 5 sec ........ 10 reps
  Chest stretch in a doorway, hold 20 sec .... 3 reps

WHEN TO ACT
  SAME DAY, MINOR INJURIES UNIT: a visible bump at the top of the breastbone.
  SEE YOUR GP: pain still there after 3 weeks.
"""


def test_a_table_whose_rule_has_plus_where_the_columns_meet_is_a_table():
    plan = analyse(ROUTINES.encode(), "newsletter.txt", format="text")
    names = [exercise["name"] for exercise in exercises_of(plan)]
    assert names[:3] == ["Pendulum swings", "Shoulder blade squeezes", "Table slides"]


def test_a_hold_after_a_dot_leader_names_comma_is_its_dose():
    plan = analyse(ROUTINES.encode(), "newsletter.txt", format="text")
    doses = {exercise["name"]: exercise["dose"] for exercise in exercises_of(plan)[3:]}
    assert list(doses) == [
        "Shoulder shrugs",
        "Shoulder blade squeezes",
        "Chest stretch in a doorway",
    ]
    stretch = doses["Chest stretch in a doorway"]
    assert (stretch["hold_seconds"], stretch["repetitions"]) == (20, 3)


def test_same_day_and_the_minor_injuries_unit_as_a_label_is_urgent():
    found = advice_of("SAME DAY, MINOR INJURIES UNIT: a visible bump.", default_rules())
    assert found.level == "urgent"


def test_a_quoted_term_in_brackets_after_where_a_pain_comes_from_names_the_subject():
    text = """# 7.4 Chest pain that came from the neck ("cervical angina")

Last autumn one of our volunteers had a tight pain across his chest while stacking
crates. His heart tests were normal; the pain was coming from his neck.

## What is cervical angina?

**Cervical angina** is chest pain that feels like heart pain but comes from an
irritated nerve root in the lower neck.
"""
    plan = analyse(text.encode(), "handbook.md")
    assert plan.pages[0].title == "Cervical angina"
