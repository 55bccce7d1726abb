"""Classes seen in a care plan exported as YAML, a pharmacy's counselling sheet, a
bulletin board's text, a social post and a translated clinic page: a record's text
and fields, and one exercise standing alone under its own heading or named in prose."""

from __future__ import annotations

import pytest

from back_health.importer.chrome import chrome_reason
from back_health.importer.names import check_name
from back_health.importer.pipeline import analyse
from back_health.importer.rules import default_rules
from back_health.importer.severity import advice_of
from back_health.importer.yaml_export import FIELD_REASON, is_yaml_record, read_yaml

from .documents import exercises_of, warnings_of

CARE_PLAN = """# Exported from CarePath v7 - Community MSK Physiotherapy
# schema: careplan/2.1
care_plan:
  patient_ref: RCP-0048-7731
  referral_date: 2025-05-28
  clinician: "Jo Morrow, Band 6 Physiotherapist"
  diagnosis:
    primary: "Lumbar radiculopathy (L5), confirmed on MRI"
    summary: |
      Lumbar radiculopathy is leg pain from an irritated nerve root in the lower back.
      It usually comes from a disc bulge pressing on the nerve.
  interventions:
    - name: Knee to chest stretch
      frequency: twice a day
      dose: "hold 20 seconds, 5 times each side"
    - name: Pain relief
      frequency: as needed
      dose: "Paracetamol regularly for a week"
  not_recommended:
    - "Bed rest - it slows recovery"
  red_flags:
    - flag: "Numbness around your bottom or loss of bladder control"
      action: "Call 999 or go to A&E immediately"
    - flag: "Pain not easing after 6 weeks"
      action: "See your GP or physiotherapist"
  review:
    date: 2025-07-09
    with: "Jo Morrow (clinic room 3)"
"""


def test_a_yaml_record_reads_as_its_sentences_lists_and_headings():
    text, dropped = read_yaml(CARE_PLAN)
    assert "Summary\n-------" in text and "Red flags\n---------" in text
    assert "Lumbar radiculopathy is leg pain from an irritated nerve root" in text
    assert "- Knee to chest stretch: twice a day; hold 20 seconds, 5 times each side" in text
    assert "- Numbness around your bottom or loss of bladder control: Call 999" in text
    for field in ("RCP-0048-7731", "2025-05-28", "Band 6", "clinic room 3", "careplan/2.1"):
        assert field not in text
    assert (FIELD_REASON, "patient_ref: RCP-0048-7731") in dropped


def test_a_yaml_record_is_imported_as_the_care_it_plans():
    plan = analyse(CARE_PLAN.encode(), "careplan.txt")
    assert plan.main_page.title == "Lumbar radiculopathy"
    assert "Knee to chest stretch" in [e["name"] for e in exercises_of(plan)]
    assert "emergency" in [w["severity"] for w in warnings_of(plan)]


@pytest.mark.parametrize(
    "text",
    [
        "Title: Back pain\nAuthor: Jo\n\nBack pain is common. Most people get better.\n",
        "a: [1, 2\nb: c: d:\n  e: f\n  g: h\n  i: j\n  k: l\n  m: n\n",  # broken YAML
        "- one\n- two\n- three\n",
    ],
)
def test_a_text_that_is_no_yaml_record_is_left_as_it_is(text):
    assert read_yaml(text) == (text, [])


def test_a_short_key_value_text_is_no_yaml_record():
    assert not is_yaml_record("Name: Jo\nDate: today\n")


@pytest.mark.parametrize(
    "heading", ["Knee to chest stretch", "Exercise: knee to chest stretch", "EXERCISE: KNEE ROLLS"]
)
def test_one_exercise_alone_under_its_own_heading_is_an_exercise(heading):
    text = (
        "# Back spasm\n\nA back spasm is a sudden tightening of the back muscles.\n\n"
        f"## {heading}\n\nLie on your back with both knees bent. Pull one knee gently towards"
        " your chest and hold for 20 seconds. Repeat 5 times on each side, twice a day.\n"
    )
    (exercise,) = exercises_of(analyse(text.encode(), "sheet.md"))
    assert exercise["name"].lower() in ("knee to chest stretch", "knee rolls")
    assert exercise["dose"]["repetitions"] == 5 and exercise["dose"]["hold_seconds"] == 20


@pytest.mark.parametrize(
    "heading", ["Ice and heat", "Paracetamol", "When to see a doctor", "Sciatica"]
)
def test_a_heading_that_names_no_exercise_over_a_dose_is_no_exercise(heading):
    text = (
        "# Back spasm\n\nA back spasm is a sudden tightening of the back muscles.\n\n"
        f"## {heading}\n\nUse it for 20 minutes, 3 times a day, and hold the pack in place.\n"
    )
    assert not exercises_of(analyse(text.encode(), "sheet.md"))


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "The one exercise I give everyone is the standing back extension: hands on hips,"
            " lean back gently, hold for 3 seconds. 10 reps, 5 times a day.",
            "Standing back extension",
        ),
        (
            "Here's the exercise. It's called a chin tuck. Sit tall, slide your chin straight"
            " back, hold for 5 seconds, and do 10 of those, three times a day.",
            "Chin tuck",
        ),
    ],
)
def test_an_exercise_a_sentence_names_as_the_one_to_do_is_an_exercise(body, name):
    text = f"# Back pain at work\n\nBack pain at work is common and usually settles.\n\n{body}\n"
    exercises = exercises_of(analyse(text.encode(), "post.md"))
    assert [e["name"] for e in exercises] == [name]
    assert exercises[0]["dose"]["repetitions"] == 10


def test_a_favourite_activity_is_no_exercise_named_in_prose():
    text = (
        "# Back pain\n\nBack pain is common.\n\nMy favourite exercise is walking, because it"
        " is free.\n"
    )
    assert not exercises_of(analyse(text.encode(), "post.md"))


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        (
            "Go to Urgencies of the hospital or call to the 112 if it appears loss of strength"
            " in the legs.",
            "emergency",
        ),
        (
            "Request appointment with your doctor of head the same day if the pain comes with"
            " fever.",
            "urgent",
        ),
        ("If affected do not drive or operate machinery.", "caution"),
        ("Avoid alcoholic drink.", "caution"),
    ],
)
def test_translated_and_label_wording_gives_its_severity(sentence, level):
    found = advice_of(sentence, default_rules())
    assert found is not None and found.level == level


def test_a_medicine_labels_cautionary_wording_is_one_caution():
    text = (
        "DIAZEPAM 2MG TABLETS\nTake ONE tablet THREE times a day when required.\n\n"
        "Warning: May cause drowsiness. If affected do not drive or operate machinery."
        " Avoid alcoholic drink.\n\nWhy have I been given this?\n\nYour prescriber has given"
        " you diazepam to relax a painful muscle spasm in your lower back.\n"
    )
    plan = analyse(text.encode(), "label.txt")
    (box,) = [w for w in warnings_of(plan) if "drowsiness" in w["text"]]
    assert "operate machinery" in box["text"] and "alcoholic drink" in box["text"]


@pytest.mark.parametrize(
    "line",
    [
        "412 points by throwaway_lumbar 9 hours ago | hide | past | favorite | 287 comments",
        "8 hours ago [-]",
        "[reply]",
        "[C]ontinue, [S]top, [N]onstop?",
        "[Q] Quit to main menu",
        "T H E   H E A L T H Y   H O U N D   B B S",
        "Node 2 of 4  ·  14400 baud  ·  FidoNet 2:250/417",
        "Bulletin #12",
        "Time left: 42 min  ·  Calls today: 17  ·  Press any key...",
        "Follow for part 2 where I show you the upper neck stretch!",
    ],
)
def test_thread_and_bulletin_board_furniture_is_chrome(line):
    assert chrome_reason(line)


@pytest.mark.parametrize(
    "line",
    [
        "[1] Take paracetamol every 4 hours.",
        "[2] NICE. Low back pain and sciatica in over 16s. 2016.",
        "Most people feel better within 2 days.",
    ],
)
def test_numbered_notes_and_plain_sentences_stay(line):
    assert not chrome_reason(line)


@pytest.mark.parametrize(
    "name", ["Key message for patients", "Caution with NSAIDs", "Important points"]
)
def test_a_boxs_title_names_no_page(name):
    assert not check_name(name, default_rules()).name
