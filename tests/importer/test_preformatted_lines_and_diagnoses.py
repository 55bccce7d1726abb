"""Classes seen in a repair café's wiki, a surf school's blog, a fire station's crew room
page, a piano tuners' guild, a falconry centre's notes in capitals and a wheelchair
basketball club's e-mail thread: an exercise sheet in a code block, doses written
"3x10", "10/side" and "5s hold", lines joined by ``<br>`` each naming an exercise and
its count, a possessive routine as an exercise heading, and subjects from a definition
with an article, in capitals, or said to be "most likely"."""

from __future__ import annotations

import pytest

from back_health.importer.chrome import chrome_reason
from back_health.importer.document import Table
from back_health.importer.dose import read_dose
from back_health.importer.names import invert_of_phrase
from back_health.importer.parse import parse_document
from back_health.importer.pipeline import analyse
from back_health.importer.rules import default_rules
from back_health.importer.text import singular

from .documents import doses_of, items_of, warnings_of

WIKI = """# Iliopsoas bursitis

Iliopsoas bursitis is a condition where the bursa under the hip flexor swells.

### The programme (twice daily)

    HEEL SLIDE ............ 3x10
    lying on your back, slide the heel up and down

    BRIDGE ................ 3x10, hold 3s at the top

    CLAM .................. 10/side, 2 sets

Stop if any of these bring on a sharp pain in the groin.
"""


def test_an_exercise_sheet_in_a_code_block_is_read_line_by_line():
    plan = analyse(WIKI.encode(), "wiki.md", format="markdown")
    doses = doses_of(plan)
    assert set(doses) == {"Heel slide", "Bridge", "Clam"}
    assert doses["Heel slide"]["sets"] == 3 and doses["Heel slide"]["repetitions"] == 10
    assert doses["Clam"]["repetitions"] == 10 and doses["Clam"]["per_side"] is True
    assert all(dose["times_per_day"] == 2 for dose in doses.values())
    assert plan.pages[0].title == "Iliopsoas bursitis"


def test_a_code_block_of_plain_text_keeps_its_words():
    # Guard: preformatted prose is read as text, not dropped.
    html = "<h1>Neck pain</h1><pre>Sit tall at the desk.\nTake a break every hour.</pre>"
    doc = parse_document(html, "html")
    texts = [block.text for s in doc.sections for block in s.blocks if hasattr(block, "text")]
    assert any("Take a break every hour" in text for text in texts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10/side, 2 sets", {"sets": 2, "repetitions": 10, "per_side": True}),
        ("3 x 20s / side", {"repetitions": 3, "hold_seconds": 20, "per_side": True}),
        ("10 reps / 5s hold", {"repetitions": 10, "hold_seconds": 5}),
        ("24/7 support line", {"repetitions": None, "per_side": False}),
    ],
)
def test_doses_with_slashes_and_seconds_before_hold(text, expected):
    dose = read_dose(text).dose
    assert {key: dose[key] for key in expected} == expected


BLOG = """<html><body><h1>Multidirectional shoulder instability</h1>
<p>Multidirectional shoulder instability is a condition where the shoulder is loose in
more than one direction.</p>
<h2>Kensa's routine</h2>
<p>Shoulder blade setting – 10 reps / 5s hold<br>
Band outward rotation – 3x12<br>
Forearm twist (palm up, palm down): 2 x 15<br>
Wall slide: slide your hand up the wall as far as is comfortable, 8 reps<br>
Once a day, on non-surf days. Keep every rep slow and controlled.</p>
<h2>Surf report</h2>
<p>Swell from the west on Saturday<br>Low tide at 14:20<br>Car park opens at 7</p>
</body></html>"""


def test_lines_naming_an_exercise_and_its_count_are_a_list():
    plan = analyse(BLOG.encode(), "blog.html", format="html")
    doses = doses_of(plan)
    assert set(doses) == {
        "Shoulder blade setting",
        "Band outward rotation",
        "Forearm twist",
        "Wall slide",
    }
    assert doses["Shoulder blade setting"]["hold_seconds"] == 5
    assert doses["Wall slide"]["repetitions"] == 8
    assert all(dose["times_per_day"] == 1 for dose in doses.values())


def test_lines_without_a_name_and_a_count_stay_a_paragraph():
    # Guard: "Swell from the west on Saturday<br>Low tide at 14:20" names no counted thing.
    doc = parse_document(BLOG, "html")
    assert not any(item.startswith("Swell") for item in items_of(doc))


@pytest.mark.parametrize(("word", "expected"), [("iliopsoas", "iliopsoas"), ("psoas", "psoas")])
def test_psoas_is_singular(word, expected):
    assert singular(word) == expected


def _subject(text: str, name: str, format: str) -> str:
    return analyse(text.encode(), name, format=format).pages[0].title


def test_a_title_about_the_readers_shoulders_names_no_group():
    html = (
        "<h1>Looking after your shoulders: AC joint arthritis</h1><p>AC joint arthritis is"
        " wear of the joint at the top of the shoulder. AC joint arthritis is common in"
        " piano tuners.</p>"
    )
    assert _subject(html, "guild.html", "html") == "AC joint arthritis"


def test_a_definition_with_an_article_and_a_long_name():
    html = (
        "<title>Crew Room</title><h2>Welfare: the Popeye arm</h2><p>A long head of biceps"
        " rupture is a tear of the longer of the two biceps tendons at the shoulder.</p>"
        "<p>Most ruptures of the long head are treated without an operation.</p>"
    )
    assert _subject(html, "crew.html", "html") == "Long head of biceps rupture"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Long head of biceps rupture", "Long head of biceps rupture"),
        ("spasm of the back muscles", "back muscle spasm"),
    ],
)
def test_an_of_phrase_ending_in_a_condition_stays(text, expected):
    assert invert_of_phrase(text, default_rules()) == expected


def test_a_definition_in_capitals_names_the_qualified_condition():
    text = (
        "STAFF NOTES - WEEK 19\n\nSAFFRON'S HIP\n\nWHAT IT IS: A FEMORAL NECK STRESS FRACTURE"
        " IS A SMALL CRACK IN THE NECK OF THE THIGH BONE.\n\nA STRESS FRACTURE HERE NEEDS"
        " REST. THE STRESS FRACTURE CAN TAKE MONTHS TO HEAL. A STRESS FRACTURE IS SERIOUS.\n"
    )
    assert _subject(text, "notes.txt", "text") == "Femoral neck stress fracture"


def test_a_diagnosis_said_to_be_most_likely():
    text = (
        "Hi Tobiah,\n\nFrom what you describe, I think this is most likely quadrilateral"
        " space syndrome.\n\nRest from overhead shooting for a few weeks.\n"
    )
    assert _subject(text, "mail.md", "markdown") == "Quadrilateral space syndrome"


NEWSLETTER = """HEDGEBANK WALLING GUILD

SUBSCAPULARIS TEAR

A subscapularis tear is a tear of the large rotator cuff tendon at the front of the
shoulder.

HOME EXERCISES (3 times a day)

EXERCISE                  DOSE
Pendulum swing            1 minute, 10 circles

Tabletop slide            slide forward 10 times

Isometric inward press    hold 5 sec x 10

GET HELP
[999]     Go to A&E if your shoulder has come out of joint.
[111]     Can't push or lift the arm after a wrench? Ring 111 today.
[GP]      See your GP or physio if the pain isn't better in 4 weeks.
"""


def test_a_two_column_table_whose_rows_are_set_apart_by_blank_lines():
    doses = doses_of(analyse(NEWSLETTER.encode(), "guild.txt", format="text"))
    assert set(doses) == {"Pendulum swing", "Tabletop slide", "Isometric inward press"}
    assert doses["Isometric inward press"]["hold_seconds"] == 5
    assert all(dose["times_per_day"] == 3 for dose in doses.values())


def test_labels_in_square_brackets_are_entries_under_a_heading_in_capitals():
    doc = parse_document(NEWSLETTER, "text")
    assert "GET HELP" in [section.heading for section in doc.sections]
    plan = analyse(NEWSLETTER.encode(), "guild.txt", format="text")
    boxes = {warning["severity"]: str(warning) for warning in warnings_of(plan)}
    assert "Can't push or lift the arm after a wrench? Ring 111 today." in boxes["urgent"]
    assert "Go to A&amp;E" in boxes["emergency"] or "Go to A&E" in boxes["emergency"]


def test_one_row_after_a_spaced_header_is_no_table():
    # Guard: a header and a single row a blank line apart stay lines.
    doc = parse_document("Plan\n\nEXERCISE      DOSE\n\nPendulum swing    10 circles\n", "text")
    assert not any(isinstance(b, Table) for s in doc.sections for b in s.blocks)


FOOTNOTED = """# Hip flexor tendinopathy

Hip flexor tendinopathy is a condition where the tendon at the front of the hip is
irritated. It settles in most people[^5].

## Exercises

Once a day.

1. Supine marching[^1]
2. Glute bridge[^2]

[^1]: Lie on your back and lift one knee, then the other. 3 sets of 10 on each leg.
[^2]: 2 sets of 12, holding the top for 3 seconds.
[^5]: Within three months.
"""


def test_an_items_footnote_is_its_text_and_other_notes_stay():
    plan = analyse(FOOTNOTED.encode(), "coop.md", format="markdown")
    doses = doses_of(plan)
    assert doses["Supine marching"]["sets"] == 3 and doses["Supine marching"]["per_side"]
    assert doses["Glute bridge"]["hold_seconds"] == 3
    doc = parse_document(FOOTNOTED, "markdown")
    texts = [block.text for s in doc.sections for block in s.blocks if hasattr(block, "text")]
    assert any("Within three months." in text for text in texts)


TYPED_TABLE = """<html><body><h1>Teres major strain</h1>
<p>A teres major strain is a tear of a small muscle behind the armpit.</p>
<h2>Home exercises</h2>
<table><caption>Do the routine once a day.</caption>
<thead><tr><th rowspan="2">Type</th><th rowspan="2">Exercise</th><th colspan="2">Dose</th></tr>
<tr><th>Sets</th><th>Reps</th></tr></thead>
<tbody>
<tr><td rowspan="2">Stretch</td><td>Cross-body arm stretch</td><td>1</td><td>3</td></tr>
<tr><td>Doorway overhead stretch</td><td>1</td><td>3</td></tr>
<tr><td>Strength</td><td>Band rows</td><td>3</td><td>12</td></tr>
</tbody></table></body></html>"""


def test_a_column_sorting_the_exercises_before_their_names_is_no_name():
    doses = doses_of(analyse(TYPED_TABLE.encode(), "forge.html", format="html"))
    assert set(doses) == {"Cross-body arm stretch", "Doorway overhead stretch", "Band rows"}
    assert doses["Band rows"]["sets"] == 3


POSTER = """                      BANKART LESION

   A Bankart lesion is a tear of the rim of cartilage at the front of the
                       shoulder socket.

                 ~ BERNADETTE'S EXERCISES ~
              twice a day, morning and evening

                 INWARD PRESS INTO A DOOR FRAME
                5 presses - hold each 10 seconds

                      SHOULDER BLADE SQUEEZE
                  10 squeezes - hold each 5 seconds

                          WALL SLIDE
                            2 x 8
"""


def test_a_name_in_capitals_over_its_dose_on_a_poster():
    doses = doses_of(analyse(POSTER.encode(), "poster.txt", format="text"))
    assert doses["Wall slide"]["sets"] == 2 and doses["Wall slide"]["repetitions"] == 8
    assert doses["Shoulder blade squeeze"]["repetitions"] == 10


def test_a_line_of_text_breaking_before_a_number_goes_on():
    # Guard: "The pain usually lasts" / "6 weeks or so." is one sentence.
    doc = parse_document("Notes\n\nThe pain usually lasts\n6 weeks or so.\n", "text")
    texts = [block.text for s in doc.sections for block in s.blocks if hasattr(block, "text")]
    assert "The pain usually lasts 6 weeks or so." in texts


def test_a_count_in_brackets_after_a_bold_name_and_a_gp_or_physio_appointment():
    text = (
        "# Gluteus maximus strain\n\nA gluteus maximus strain is a tear of the big buttock"
        " muscle.\n\n## Exercises (twice a day)\n\n- **Clamshell** (15 each side) — lie on"
        " your side with knees bent.\n- **Glute bridge** (3 sets of 10) — lift your hips.\n\n"
        "## Get help\n\nMake a GP or physio appointment if the buttock still hurts after 3"
        " weeks.\n"
    )
    plan = analyse(text.encode(), "cider.md", format="markdown")
    doses = doses_of(plan)
    assert doses["Clamshell"]["repetitions"] == 15 and doses["Clamshell"]["per_side"]
    assert any(w["severity"] == "see_doctor" for w in warnings_of(plan))


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("from our chair, Wendell Okoro-Pryce", True),
        ("From the co-op's first-aid and wellbeing volunteer, Harriet Nwachukwu-Bell", True),
        ("Players' health page · posted by the league secretary, Dennis Abernethy-Cole", True),
        # Guards: advice after "From our physio," and a sentence about a chair.
        ("From our physio, see a GP if it hurts.", False),
        ("from the chair, the pain got worse", False),
    ],
)
def test_bylines_naming_a_role_before_the_name(text, chrome):
    assert bool(chrome_reason(text)) is chrome
