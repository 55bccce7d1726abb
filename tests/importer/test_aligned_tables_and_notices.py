"""Classes seen in volunteers' rota notes, club pages and bulletins: a table laid out in
columns with no rule under its header, notices about something else, callouts labelled
in bold after the exercises, and the term the opening sets in bold or capitals, or gives
as the answer to "What have I done?", as the subject."""

from __future__ import annotations

from back_health.importer.document import Table
from back_health.importer.parse import parse_document
from back_health.importer.pipeline import analyse
from back_health.importer.text import strip_tags

from .documents import blocks_text, exercises_of, items_of, warnings_of

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


CLUB_PAGE = """<html><head><title>Members' area</title></head><body>
<article>
<h1>The ache that won't shift</h1>
<p>Several of you asked about the same ache after long matches, so this month is about
<strong>levator scapulae strain</strong>, a sore muscle from the neck to the shoulder blade.</p>
<h2>Three exercises to start with</h2>
<table>
<thead><tr><th>Exercise</th><th>Reps</th><th>Hold</th></tr></thead>
<tbody>
<tr><td>Chin tucks</td><td>10</td><td>5 sec</td></tr>
<tr><td>Levator scapulae stretch</td><td>3 each side</td><td>20 sec</td></tr>
</tbody>
</table>
<div class="callout red"><strong>Emergency</strong> Ring 999 if neck pain comes with sudden
weakness in an arm or slurred speech.</div>
<div class="callout green"><strong>Not settling?</strong> Book in with your GP or a physio if
the ache lasts more than 3 weeks.</div>
</article>
</body></html>"""


def test_callouts_labelled_in_bold_after_the_exercises_are_warnings():
    plan = analyse(CLUB_PAGE.encode(), "club.html")
    assert [exercise["name"] for exercise in exercises_of(plan)] == [
        "Chin tucks",
        "Levator scapulae stretch",
    ]
    severities = {warning["severity"]: strip_tags(warning["text"]) for warning in warnings_of(plan)}
    assert "Ring 999 if neck pain comes with sudden" in severities["emergency"]
    assert "Book in with your GP or a physio" in severities["see_doctor"]


def test_a_term_set_in_bold_in_the_opening_names_the_subject():
    plan = analyse(CLUB_PAGE.encode(), "club.html")
    assert plan.pages[0].title == "Levator scapulae strain"


CREW_NOTES = """RIVERBANK ROWING CLUB - CREW NOTES

OUTINGS
   Tue   18:00  Water session from the pontoon
   Sat   09:30  Long row to the lock and back

ROWER HEALTH
Several of you have mentioned an ache low at the side of the back after the long
Saturday outings. In rowers this is very often COSTOVERTEBRAL JOINT SPRAIN, where a
rib meets the spine.

Most people are back in the boat within 3 to 6 weeks.
"""

SHED_NOTES = """HOLLY LANE WORKSHOP - MEMBERS' NEWS

Our member Ray, a physio for 30 years, answers the questions he got asked after Gordon
went down lifting the oak boards last month.

Q. What have I actually done?
A. Most likely a thoracolumbar strain. That's an overstretch of the muscles where the
   middle of the back meets the lower back.

Q. How long will it last?
A. Usually a week or two.
"""


def test_a_term_set_in_capitals_in_a_sentence_names_the_subject():
    plan = analyse(CREW_NOTES.encode(), "notes.txt", format="text")
    assert plan.pages[0].title == "Costovertebral joint sprain"


def test_the_answer_to_what_have_i_done_names_the_subject():
    plan = analyse(SHED_NOTES.encode(), "news.txt", format="text")
    assert plan.pages[0].title == "Thoracolumbar strain"
