"""Classes seen in volunteers' rota notes and further bulletins: a table laid out in
columns with no rule under its header."""

from __future__ import annotations

from back_health.importer.document import Table
from back_health.importer.parse import parse_document
from back_health.importer.pipeline import analyse

from .documents import blocks_text, exercises_of, items_of

ROTA_NOTES = """MILLBROOK COMMUNITY ORCHARD
Work party notes, week of 9 March

Sciatica is pain that runs from the lower back down the back of one leg, when a
nerve root in the lower back is pressed on or irritated. Most people feel better
within 6 weeks.

EXERCISES (twice a day)

  EXERCISE              HOLD          REPS
  Knee hugs             -             8
  Piriformis stretch    30 seconds    2 each side
  Pelvic tilts          5 seconds     10

Stop any of these if the pain spreads further down your leg.
"""


def test_a_table_in_columns_without_a_rule_is_a_table():
    doc = parse_document(ROTA_NOTES, "text")
    tables = [block for section in doc.sections for block in section.blocks]
    tables = [block for block in tables if isinstance(block, Table)]
    assert len(tables) == 1
    assert tables[0].head == [["EXERCISE", "HOLD", "REPS"]]
    assert tables[0].rows[1] == ["Piriformis stretch", "30 seconds", "2 each side"]


def test_its_rows_are_exercises_with_their_doses():
    plan = analyse(ROTA_NOTES.encode(), "notes.txt", format="text")
    exercises = {exercise["name"]: exercise["dose"] for exercise in exercises_of(plan)}
    assert list(exercises) == ["Knee hugs", "Piriformis stretch", "Pelvic tilts"]
    stretch = exercises["Piriformis stretch"]
    assert (stretch["hold_seconds"], stretch["repetitions"], stretch["per_side"]) == (30, 2, True)
    assert exercises["Knee hugs"]["repetitions"] == 8
    assert all(exercise["times_per_day"] == 2 for exercise in exercises.values())


MEDICINES = """MEDICINES ON DISCHARGE
  Naproxen 250 mg tablets       ONE twice a day     NEW
  Omeprazole 20 mg capsules     ONE daily           NEW
  Heat rub                      as needed
  Senna tablets                 TWO at night        NEW
  Amlodipine 5 mg tablets       ONE daily
"""


def test_a_list_of_rows_without_a_header_is_no_table():
    # The fourth line has no figures, but only a block's first lines can be its header.
    doc = parse_document(MEDICINES, "text")
    assert not [
        block for section in doc.sections for block in section.blocks if isinstance(block, Table)
    ]
    assert any(item.startswith("Senna tablets") for item in items_of(doc))


BULLETIN = """HARTWELL MODEL ENGINEERS
Members' bulletin, spring

WORKSHOP NEWS
The big vice on bench 2 is stiff. Please do not force it; a new one is on order.
Lathe bookings close on Friday at noon.

ON THE ICE
Two members fell on the car park ice last month. The risk is worst first thing, so
use the path by the shed until the gritter has been.

BENCH HEALTH
Thoracic back pain is an ache between the shoulder blades, often from hours bent
over fine work. Take a break every half hour and stand up straight.

SOCIAL
Curry night is on the 14th. Names to Brian by Sunday, please.
"""


def test_a_notice_with_one_word_that_also_names_health_is_dropped():
    plan = analyse(BULLETIN.encode(), "bulletin.txt", format="text")
    text = f"{plan.pages[0].summary} {blocks_text(plan)}"
    assert "ache between the shoulder blades" in text
    assert "vice on bench 2" not in text
    assert "Curry night" not in text
    # Two sentences of falls and risk are about the members' health.
    assert "fell on the car park ice" in text
