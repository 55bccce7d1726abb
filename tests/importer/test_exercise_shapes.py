"""Exercises written in shapes other than a dosed list under an "Exercises" heading.

A routine laid out as a table (a row per exercise, columns of sets, repetitions and
holds), a frequency given once for the whole routine before or after the list or as one
of its items, exercises as labelled paragraphs, and lists that are doses of something
else. The articles are short ones written for the test.
"""

import pytest

from back_health.imports.service import analyse

from .documents import exercises_of


def plan_of(text, name="article.md"):
    return analyse(text.encode(), name)


def exercise_lists(plan):
    return [b.value for p in plan.pages for b in p.blocks if b.type == "exercise_list"]


def doses(plan):
    return {e["name"]: e["dose"] for v in exercise_lists(plan) for e in v["exercises"]}


def tables_of(plan):
    return [b.value for p in plan.pages for b in p.blocks if b.type == "table"]


HTML_CARD = """<html><body><h1>Stiff hip after gardening</h1>
<p>A stiff hip after a day of digging and kneeling is common and eases with movement.</p>
<h2>Your routine</h2>
<p><strong>Go through the whole card twice a day</strong>, morning and afternoon.</p>
<table>
<thead><tr><th>Exercise</th><th>How to do it</th><th>Sets</th><th>Reps</th><th>Hold</th></tr>
</thead><tbody>
<tr><td>Hip flexor lunge</td><td>Kneel on one knee and shift forward. Swap legs.</td>
<td>1</td><td>4 each side</td><td>15 seconds</td></tr>
<tr><td>Clam</td><td>Lie on your side, knees bent, and lift the top knee.</td>
<td>3</td><td>12</td><td>-</td></tr>
<tr><td>Hip circles</td><td>Stand on one leg, holding a chair, and circle the other.</td>
<td>2</td><td>6 each way</td><td>-</td></tr>
</tbody></table>
</body></html>"""


def test_an_exercise_table_becomes_an_exercise_list_with_each_rows_dose():
    plan = analyse(HTML_CARD.encode(), "card.html")
    found = doses(plan)
    assert set(found) == {"Hip flexor lunge", "Clam", "Hip circles"}
    lunge, clam, circles = found["Hip flexor lunge"], found["Clam"], found["Hip circles"]
    assert (lunge["sets"], lunge["repetitions"], lunge["hold_seconds"]) == (1, 4, 15)
    assert lunge["per_side"] is True
    assert (clam["sets"], clam["repetitions"], clam["hold_seconds"]) == (3, 12, None)
    assert clam["per_side"] is False
    assert (circles["repetitions"], circles["per_side"]) == (6, True)
    # The frequency said once, in bold, is every exercise's, and is no exercise itself.
    assert all(dose["times_per_day"] == 2 for dose in found.values())
    [value] = exercise_lists(plan)
    clam_steps = next(e["steps"] for e in value["exercises"] if e["name"] == "Clam")
    assert any("lift the top knee" in step for step in clam_steps)
    # Every cell is in the exercise list: the table is not repeated.
    assert not tables_of(plan)


def test_a_markdown_exercise_table_outside_an_exercises_section_is_an_exercise_list():
    plan = plan_of(
        "# Tennis elbow\n\nTennis elbow is pain on the outside of the elbow from overuse.\n\n"
        "## Getting better\n\nDo these 3 times a day.\n\n"
        "| Stretch | Sets | Repetitions | Hold (seconds) |\n|---|---|---|---|\n"
        "| Wrist extensor stretch | 1 | 3 | 30 |\n| Wrist flexor stretch | 1 | 3 | 30 |\n\n"
        "## Painkillers\n\n| Medicine | Dose | How often |\n|---|---|---|\n"
        "| Ibuprofen | 400 mg | 3 times a day |\n| Paracetamol | 1 g | 4 times a day |\n"
    )
    found = doses(plan)
    assert set(found) == {"Wrist extensor stretch", "Wrist flexor stretch"}
    assert all(
        (d["sets"], d["repetitions"], d["hold_seconds"], d["times_per_day"]) == (1, 3, 30, 3)
        for d in found.values()
    )
    # A table of medicines and how often to take them is no exercise table.
    [table] = tables_of(plan)
    assert table["data"][0] == ["Medicine", "Dose", "How often"]


def test_a_table_of_exercises_with_one_column_of_whole_doses_is_an_exercise_list():
    plan = plan_of(
        "# Stiff neck\n\nA stiff neck after a night in a draught eases within days.\n\n"
        "## Your starting plan\n\nDone twice a day:\n\n"
        "| Exercise | How much |\n|---|---|\n| Chin tuck | 10 slow repetitions |\n"
        "| Neck side bend | Hold 15 seconds, 3 times each side |\n"
        "| Shoulder shrug | 2 sets of 8 |\n\n"
        "## Painkillers\n\n| Medicine | Dose |\n|---|---|\n| Ibuprofen | 400 mg 3 times a day |\n"
    )
    found = doses(plan)
    assert set(found) == {"Chin tuck", "Neck side bend", "Shoulder shrug"}
    assert found["Chin tuck"]["repetitions"] == 10
    bend = found["Neck side bend"]
    assert (bend["hold_seconds"], bend["repetitions"], bend["per_side"]) == (15, 3, True)
    assert (found["Shoulder shrug"]["sets"], found["Shoulder shrug"]["repetitions"]) == (2, 8)
    assert all(dose["times_per_day"] == 2 for dose in found.values())
    [table] = tables_of(plan)  # the medicine and its dose stay a table
    assert table["data"][0] == ["Medicine", "Dose"]


def test_an_item_about_the_whole_routine_gives_its_frequency_and_is_no_exercise():
    plan = plan_of(
        "# Stiff upper back\n\nA stiff upper back is common in people who sit all day.\n\n"
        "Start with these:\n\n- Thread the needle: 6 each side\n"
        "- Wall angels: 10 reps, hold 2 seconds\n- Both three times a day\n"
    )
    found = doses(plan)
    assert set(found) == {"Thread the needle", "Wall angels"}
    assert found["Thread the needle"]["repetitions"] == 6
    assert found["Thread the needle"]["per_side"] is True
    assert all(d["times_per_day"] == 3 for d in found.values())


def test_a_frequency_for_the_whole_routine_after_the_list_applies_to_every_exercise():
    plan = plan_of(
        "# Stiff upper back\n\nA stiff upper back is common in people who sit all day.\n\n"
        "I showed you two exercises:\n\n- Cat stretch: 8 repetitions\n"
        "- Side bend: 5 to each side\n\nBoth are best done twice daily, after a warm shower.\n",
        "letter.md",
    )
    found = doses(plan)
    assert set(found) == {"Cat stretch", "Side bend"}
    assert all(d["times_per_day"] == 2 for d in found.values())


def test_a_sentence_about_the_routine_gives_its_count_to_exercises_without_one():
    plan = plan_of(
        "# Stiff upper back\n\nA stiff upper back is common in people who sit all day.\n\n"
        "## Exercises\n\n- **Cat stretch**: round and hollow your back, 8 times.\n"
        "- **Side bend**: slide a hand down your leg, 5 to each side.\n\n"
        "Both morning and evening, do one group of each.\n"
    )
    found = doses(plan)
    assert all(d["sets"] == 1 and d["times_per_day"] == 2 for d in found.values())
    assert found["Cat stretch"]["repetitions"] == 8


def test_labelled_paragraphs_with_counts_under_an_exercise_heading_are_exercises():
    plan = analyse(
        "<html><body><h1>Neck strain</h1><p>Neck strain is a pulled muscle in the neck.</p>"
        "<h2>Home exercise</h2>"
        "<p>Head turn\uff1asit straight\uff0cturn head to left\uff0ckeep 3 second\uff0cdo 8"
        " times\u3002</p>"
        "<p>Shoulder shrug\uff1alift both shoulders to ears\uff0ckeep 5 second\uff0cdo 10"
        " times\u3002</p></body></html>".encode(),
        "strain.html",
    )
    found = doses(plan)
    assert set(found) == {"Head turn", "Shoulder shrug"}
    [value] = exercise_lists(plan)
    assert value["exercises"][0]["steps"][0].startswith("Sit straight")
    assert (found["Head turn"]["hold_seconds"], found["Head turn"]["repetitions"]) == (3, 8)
    assert (found["Shoulder shrug"]["hold_seconds"], found["Shoulder shrug"]["repetitions"]) == (
        5,
        10,
    )


def test_a_list_of_medicines_taken_times_a_day_is_no_exercise_list():
    plan = plan_of(
        "# After hip surgery\n\nMost people go home two days after a hip operation.\n\n"
        "Take these at home:\n\n- paracetamol 1 g four times a day\n"
        "- codeine 30 mg up to four times a day\n- a laxative once or twice a day\n"
    )
    assert not exercise_lists(plan)
    assert "paracetamol 1 g four times a day" in " ".join(
        str(b.value) for p in plan.pages for b in p.blocks
    )


def test_a_frequency_in_the_heading_or_the_lead_is_every_exercises():
    plan = plan_of(
        "# Neck pain\n\nNeck pain is common and gets better.\n\n"
        "## Neck strength programme (3 times a week, after training)\n\n"
        "- Chin tucks: 2 sets of 10.\n- Side bends: 3 sets of 8.\n\n"
        "## Your exercises\n\nMy usual routine, done twice a day:\n\n"
        "1. Shoulder rolls - 10 each way\n2. Neck turns - 5 each side\n"
    )
    found = doses(plan)
    assert found["Chin tucks"]["days_per_week"] == 3
    assert found["Side bends"]["days_per_week"] == 3
    assert found["Shoulder rolls"]["times_per_day"] == 2
    assert found["Neck turns"]["times_per_day"] == 2


def test_equipment_after_an_exercise_name_is_its_first_step():
    plan = plan_of(
        "# Neck pain\n\nNeck pain is common and gets better.\n\n## Exercises\n\n"
        "- Shoulder shrugs with dumbbells: 3 sets of 12.\n"
        "- Hip hinge with a broom handle along the back - 3 sets of 12\n"
        "- Wall press: 2 sets of 10.\n"
    )
    exercises = {e["name"]: e for v in exercise_lists(plan) for e in v["exercises"]}
    assert set(exercises) == {"Shoulder shrugs", "Hip hinge", "Wall press"}
    assert exercises["Shoulder shrugs"]["steps"][0] == "With dumbbells."
    assert exercises["Hip hinge"]["steps"][0] == "With a broom handle along the back."


def test_a_list_after_a_paragraph_naming_exercises_is_an_exercise_list():
    plan = plan_of(
        "Neck pain texts\n\nYour neck exercises. Do these 3 times a day, slowly:\n"
        "1) Chin tucks: pull your chin straight back, hold 5 secs. Repeat 10 times.\n"
        "2) Shoulder rolls: roll both shoulders backwards 10 times.\n",
        "texts.txt",
    )
    found = doses(plan)
    assert found["Chin tucks"]["hold_seconds"] == 5
    assert found["Shoulder rolls"]["repetitions"] == 10
    assert found["Shoulder rolls"]["times_per_day"] == 3


def test_an_instruction_naming_an_exercise_gives_the_exercise_its_name():
    text = (
        "# Neck pain\n\nNeck pain is common and usually settles.\n\n## Neck exercises\n\n"
        "1. **Start with chin tucks to take the load off your neck.** Slide your chin back. "
        "Hold for 5 seconds and repeat 10 times.\n"
        "2. **Practise shoulder rolls.** Roll your shoulders back. Repeat 10 times.\n"
        "3. **Knee to chest stretch.** Hug one knee. Hold for 20 seconds.\n"
    )
    names = [e["name"] for lst in exercise_lists(plan_of(text)) for e in lst["exercises"]]
    assert names == ["Chin tucks", "Shoulder rolls", "Knee to chest stretch"]


def test_a_take_care_heading_after_the_exercises_holds_cautions_not_an_exercise():
    plan = plan_of(
        "Wrist fracture: advice sheet\n\nA broken wrist usually heals in six weeks.\n\n"
        "Exercises - do these 3 times a day\n"
        "1. Finger bends: make a loose fist, then open the hand. 10 times.\n"
        "2. Wrist circles: turn the hand slowly in circles. 5 times each way.\n\n"
        "Take care\n"
        "- Codeine can make you drowsy. Do not drive if you feel sleepy.\n"
        "- Do not take ibuprofen if you have had a stomach ulcer.\n",
        "sheet.txt",
    )
    assert set(doses(plan)) == {"Finger bends", "Wrist circles"}
    warnings = [b.value for p in plan.pages for b in p.blocks if b.type == "warning"]
    cautions = " ".join(str(w) for w in warnings if w["severity"] == "caution")
    assert "Do not drive if you feel sleepy" in cautions and "stomach ulcer" in cautions


def test_a_heading_over_several_dosed_exercises_is_no_exercise_of_its_own():
    plan = plan_of(
        "# McKenzie exercises\n\nThese movements suit many people with low back pain.\n\n"
        "## Screenshots\n\nYour plan. Do each one 5 times a day:\n\n"
        "- Press-up in lying: lie on your front and push up with your arms. 10 repetitions.\n"
        "- Standing back bend: hands on your lower back, lean backwards. 10 repetitions.\n\n"
        "## Safety\n\nIf your pain is not improving after 2 weeks, see a physiotherapist.\n"
    )
    names = [exercise["name"] for exercise in exercises_of(plan)]
    assert names == ["Press-up in lying", "Standing back bend"]


def test_exercises_labelled_inside_a_paragraph_are_an_exercise_list():
    plan = plan_of(
        "# Low back pain\n\nLow back pain is very common and usually settles.\n\n"
        "## What helps\n\n"
        "Keep moving as much as you can. Standing back bends: hands on your lower back, lean"
        " back gently 5 times. First, the knee rolls: lie on your back with your knees bent"
        " and roll them to one side, then the other, 10 times each way. Do both morning and"
        " evening. Stop if the pain spreads down your leg.\n"
    )
    (listing,) = exercise_lists(plan)
    found = {e["name"]: e["dose"] for e in listing["exercises"]}
    # The order said before a name ("First, the ...") is no part of it.
    assert set(found) == {"Standing back bends", "Knee rolls"}
    assert found["Standing back bends"]["repetitions"] == 5
    assert found["Knee rolls"]["repetitions"] == 10 and found["Knee rolls"]["per_side"]
    # "Do both morning and evening" is said of the routine: every exercise.
    assert all(dose["times_per_day"] == 2 for dose in found.values())
    assert listing["stop_if"] == ["Stop if the pain spreads down your leg."]
    # The sentence before the exercises stays text on the page.
    body = " ".join(str(b.value) for b in plan.pages[0].blocks if b.type == "paragraph")
    assert "Keep moving as much as you can." in body


@pytest.mark.parametrize(
    "paragraph",
    [
        # A clause before a colon, a count that is a statistic.
        "Transitional vertebrae are common: they show up on around 1 in 10 X-rays.",
        # A form's field set in capitals, with a count.
        "HANDOVER (STAFF): POD 0. NEURO OBS X4 THEN HOURLY.",
        # A note's label.
        "Note: repeat the scan 10 times a year only if asked.",
    ],
)
def test_a_labelled_sentence_with_a_count_that_names_no_exercise_stays_text(paragraph):
    plan = plan_of(f"# Low back pain\n\nLow back pain is very common.\n\n{paragraph}\n")
    assert not exercise_lists(plan)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Two exercises to start with: chin tucks (draw your chin straight back, hold 5"
        " seconds, 10 times) and shoulder blade squeezes (hold 5 seconds, 10 times). Do both"
        " three times a day.",
        "It depends, but a typical starter set is: chin tucks, hold 5 seconds, 10 times;"
        " shoulder blade squeezes, 10 times holding for 5 seconds; and wall angels, 10 times."
        " Do them three times a day.",
    ],
)
def test_exercises_listed_after_a_lead_in_a_sentence_are_an_exercise_list(paragraph):
    plan = plan_of(f"# Neck pain\n\nNeck pain is common and usually settles.\n\n{paragraph}\n")
    found = doses(plan)
    assert {"Chin tucks", "Shoulder blade squeezes"} <= set(found)
    assert found["Chin tucks"]["repetitions"] == 10
    assert found["Chin tucks"]["hold_seconds"] == 5
    assert all(dose["times_per_day"] == 3 for dose in found.values())


@pytest.mark.parametrize(
    "paragraph",
    [
        # Two things listed under a lead that says nothing of exercises.
        "Our two clinics: Northgate, open 10 times a week, and Southside, open 5 times.",
        # Exercises named without a count.
        "Two exercises to start with: chin tucks and shoulder blade squeezes.",
    ],
)
def test_a_sentence_listing_things_without_exercise_counts_stays_text(paragraph):
    plan = plan_of(f"# Neck pain\n\nNeck pain is common and usually settles.\n\n{paragraph}\n")
    assert not exercise_lists(plan)


def test_each_phase_s_frequency_goes_to_the_exercises_listed_under_it():
    plan = plan_of(
        "# Rib strain\n\nA rib strain is a pulled muscle between the ribs.\n\n"
        "## Rehab exercises\n\n"
        "**Stage 1 (first two weeks), twice a day:**\n\n"
        "1. **Side stretch** - reach over to one side. Hold 20 seconds, 3 times each side.\n"
        "2. **Deep breaths** - breathe in slowly. 5 repetitions.\n\n"
        "**Stage 2 (from week 3), three days a week:**\n\n"
        "1. **Band rows** - 3 sets of 12.\n"
        "2. **Wall push-ups** - 2 sets of 10.\n"
    )
    found = doses(plan)
    # A stage's lead is no exercise, and its frequency is its own list's.
    assert set(found) == {"Side stretch", "Deep breaths", "Band rows", "Wall push-ups"}
    assert found["Side stretch"]["times_per_day"] == 2
    assert found["Side stretch"]["days_per_week"] is None
    assert found["Band rows"]["days_per_week"] == 3
    assert found["Band rows"]["times_per_day"] is None
    (listing,) = exercise_lists(plan)
    assert "Stage 2 (from week 3), three days a week" in listing["intro"]


def test_a_numbered_exercise_heading_names_the_exercise_after_its_number():
    plan = plan_of(
        "EXERCISES FOR LOW BACK PAIN\n\n"
        "Low back pain is very common and usually settles within weeks.\n\n"
        "HOW OFTEN: Do the whole routine once a day.\n\n"
        "EXERCISE 1 - SINGLE KNEE TO CHEST\n"
        "  1. Lie on your back with both knees bent.\n"
        "  2. Pull one knee gently towards your chest.\n"
        "  3. Hold for 20 seconds, then lower.\n"
        "  Do this 3 times with each leg.\n\n"
        "EXERCISE 2 - KNEELING HIP FLEXOR STRETCH\n"
        "  1. Kneel on one knee on a cushion.\n"
        "  2. Shift your weight forward until you feel a stretch.\n"
        "  3. Hold for 30 seconds.\n"
        "  Twice on each side.\n",
        name="sheet.txt",
    )
    found = doses(plan)
    assert set(found) == {"Single knee to chest", "Kneeling hip flexor stretch"}
    assert found["Single knee to chest"]["hold_seconds"] == 20
    assert all(dose["times_per_day"] == 1 for dose in found.values())


def test_exercises_a_paragraph_leads_into_by_instructions_each_get_their_own_dose():
    plan = plan_of(
        "# Low back pain in cyclists\n\nLow back pain is common in cyclists.\n\n"
        "## Off the bike\n\n"
        "Do the whole circuit three times a week.\n\n"
        "Start with the glute bridge: lie on your back, lift your hips, hold for three"
        " seconds and do three sets of 12. Move on to the bird dog. On hands and knees, reach"
        " one arm forward and the opposite leg back, 10 on each side. The dead bug comes next:"
        " lying on your back, lower the opposite arm and leg, 2 sets of 10. Finish with a side"
        " plank, held for 20 seconds on each side, three times.\n"
    )
    found = doses(plan)
    assert set(found) == {"Glute bridge", "Bird dog", "Dead bug", "Side plank"}
    # Each exercise's count is its own: the bird dog's sides are not the bridge's.
    assert not found["Glute bridge"]["per_side"] and found["Bird dog"]["per_side"]
    assert found["Side plank"]["hold_seconds"] == 20
    # The paragraph before says how often the whole circuit is done.
    assert all(dose["days_per_week"] == 3 for dose in found.values())


def test_the_frequency_said_of_the_exercises_beats_one_said_of_something_else():
    plan = plan_of(
        "# After neck surgery\n\nMost people go home within four days.\n\n"
        "## Exercises to start at home\n\n"
        "- Shoulder rolls: roll your shoulders backwards slowly. Repeat 10 times.\n"
        "- Chin tucks: slide your chin straight back and hold for 5 seconds. Repeat 5"
        " times.\n\n"
        "Do these 3 times a day. Walk a little further each day.\n"
    )
    found = doses(plan)
    assert set(found) == {"Shoulder rolls", "Chin tucks"}
    assert all(dose["times_per_day"] == 3 for dose in found.values())


def test_a_stop_if_said_of_any_exercise_after_a_list_is_the_lists_stop_if():
    plan = plan_of(
        "# Stiff neck\n\nA stiff neck usually eases within a week or two.\n\n"
        "## Exercises\n\nDo these twice a day.\n\n"
        "- Chin tucks: hold for 5 seconds, 10 times.\n"
        "- Shoulder rolls: 10 times each way.\n\n"
        "If any stretch sends tingling into your hand, stop it and tell your physio.\n"
    )
    (listing,) = exercise_lists(plan)
    assert listing["stop_if"] == [
        "If any stretch sends tingling into your hand, stop it and tell your physio."
    ]
    boxed = [b for page in plan.pages for b in page.blocks if b.type == "warning"]
    assert not any("tingling into your hand" in str(b.value) for b in boxed)


def test_exercises_with_boxes_to_tick_in_plain_text_are_an_exercise_list():
    plan = plan_of(
        "KNEE EXERCISE SHEET\n\nThese exercises help after a knee strain.\n\n"
        "YOUR EXERCISES\n\nDo these twice a day.\n\n"
        "[ ] 1. Quad sets\nTighten the muscle on the front of your thigh.\nDose: 10 times.\n\n"
        "[x] 2. Heel slides\nSlide your heel towards you and back.\nDose: 2 sets of 8.\n",
        name="sheet.txt",
    )
    (listing,) = exercise_lists(plan)
    found = {e["name"]: e["dose"] for e in listing["exercises"]}
    assert set(found) == {"Quad sets", "Heel slides"}
    assert found["Heel slides"]["sets"] == 2 and found["Quad sets"]["repetitions"] == 10


def test_exercises_named_before_a_spaced_dash_in_paragraphs_are_an_exercise_list():
    plan = plan_of(
        "# Desk neck pain\n\nNeck pain at a desk is common and usually settles.\n\n"
        "## Stretches for your working day\n\n"
        "Do these at the start and end of every working day:\n\n"
        "Chin tuck - draw your chin straight back. Repeat 8 times.\n\n"
        "Upper back stretch - clasp your hands in front and round your back. Hold for 15"
        " seconds.\n"
    )
    (listing,) = exercise_lists(plan)
    found = {e["name"]: e["dose"] for e in listing["exercises"]}
    assert set(found) == {"Chin tuck", "Upper back stretch"}
    assert found["Chin tuck"]["repetitions"] == 8
    assert found["Upper back stretch"]["hold_seconds"] == 15
    # "At the start and end of every working day": twice a day, for each.
    assert all(dose["times_per_day"] == 2 for dose in found.values())


def test_plain_text_lines_each_a_name_in_capitals_and_a_dash_are_one_exercise_list():
    text = (
        "BACK PAIN IN TEENAGERS\n\nBack pain is common in teenagers and usually settles.\n\n"
        "WHAT HELPS?\n\nTwo simple stretches to do once a day:\n\n"
        "  KNEE HUGS - lie on the back and hug both knees to the chest. Hold for 20"
        " seconds and repeat 3 times.\n"
        "  CAT STRETCH - on hands and knees, round the back up, then let it dip. Repeat"
        " 10 times.\n\nWARNING SIGNS\n\nSee a GP if the pain lasts more than 2 weeks.\n"
    )
    plan = plan_of(text, "leaflet.txt")
    [routine] = exercise_lists(plan)
    assert [e["name"] for e in routine["exercises"]] == ["Knee hugs", "Cat stretch"]
    assert doses(plan)["Knee hugs"]["hold_seconds"] == 20


@pytest.mark.parametrize(
    "item",
    [
        "**Try a cat-cow stretch.** On hands and knees, slowly arch and round your back 10"
        " times, twice a day.",
        "Try a seated piriformis stretch: sit on a chair, put one ankle on the other knee and"
        " lean forward. Hold for 30 seconds and repeat 3 times on each side.",
    ],
)
def test_a_tip_to_try_an_exercise_with_a_dose_is_an_exercise_and_the_other_tips_stay(item):
    text = (
        "# Back pain\n\nBack pain is very common.\n\n## What helps\n\n"
        f"- Keep moving gently through the day.\n- {item}\n- Heat can relax tight muscles.\n"
    )
    plan = analyse(text.encode(), "tips.md")

    names = [exercise["name"].lower() for exercise in exercises_of(plan)]
    assert any(name.endswith("stretch") for name in names)
    blocks = " ".join(str(b.value) for b in plan.pages[0].blocks)
    assert "Keep moving gently" in blocks


def test_a_tip_to_try_something_without_a_count_is_no_exercise():
    text = (
        "# Back pain\n\nBack pain is very common.\n\n## What helps\n\n"
        "- Keep moving gently.\n- Try a yoga class: many people enjoy it.\n"
    )
    assert exercises_of(analyse(text.encode(), "tips.md")) == []


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # A title naming exercises among other things: one heading with a frequency
        # (a closing quiz) is no run of exercise headings.
        (
            "# Treatment and exercises for wry neck\n\nWry neck is a sudden stiff neck.\n\n"
            "## Medicines\n\nParacetamol can ease the pain for a few days.\n\n"
            "## Exercises for your neck\n\nDo these twice a day:\n\n"
            "- Chin tucks: draw your chin back and hold for 5 seconds. Repeat 10 times.\n"
            "- Side bends: tip your ear towards your shoulder. Repeat 5 times each side.\n\n"
            "## When to get help\n\nSee your GP if the stiffness lasts more than a week.\n\n"
            "## Quick check\n\n- How often should you do the exercises? a) every week"
            " b) twice a day\n",
            "article.md",
            {"Chin tucks": {"times_per_day": 2}, "Side bends": {"times_per_day": 2}},
        ),
        # Exercises numbered aloud in a talk, the routine's frequency said before them.
        (
            "Neck stiffness - three easy exercises\n\n"
            "Stiffness in the neck usually eases within a week or two.\n\n"
            "Now some exercises. Do these twice a day.\n\n"
            "One: chin tucks. Draw your chin straight back and hold for 5 seconds. Do 10.\n\n"
            "Two: shoulder rolls. Roll your shoulders backwards slowly. Do 10.\n\n"
            "Three: side bends. Tip your ear towards your shoulder. Do 5 to each side.\n",
            "talk.txt",
            {
                "Chin tucks": {"times_per_day": 2},
                "Shoulder rolls": {"times_per_day": 2},
                "Side bends": {"repetitions": 5, "times_per_day": 2},
            },
        ),
        # An exercise's dose set out as bullets under its heading.
        (
            "# Lumbar spinal stenosis\n\nThe space around the nerves in the lower back is"
            " narrower.\n\n## Your exercises\n\nDo them twice a day.\n\n"
            "### 1. Single knee to chest\n\nLie on your back and pull one knee to your chest."
            "\n\n- Hold for 20 seconds\n- Repeat 5 times on each leg\n\n"
            "### 2. Pelvic tilt\n\nFlatten your lower back into the bed.\n\n"
            "- Hold for 5 seconds\n- 2 sets of 10\n",
            "article.md",
            {
                "Single knee to chest": {"hold_seconds": 20, "repetitions": 5},
                "Pelvic tilt": {"sets": 2, "repetitions": 10},
            },
        ),
        # A labelled exercise among tips; "Cool compresses" is no exercise.
        (
            "# Cervical radiculopathy\n\nA trapped nerve in the neck causes arm pain.\n\n"
            "## What helps\n\nThings that usually help:\n\n"
            "- Keep your neck moving gently.\n"
            "- Chin tucks: sit tall, glide your chin back, hold 5 seconds, 10 reps.\n"
            "- Cool compresses - hold a cold cloth on the sore area for 10 minutes.\n",
            "article.md",
            {"Chin tucks": {"hold_seconds": 5, "repetitions": 10}},
        ),
    ],
)
def test_exercises_written_in_these_shapes_keep_their_names_and_doses(text, name, expected):
    plan = plan_of(text, name=name)
    assert [e["name"] for e in exercises_of(plan)] == list(expected)
    found = doses(plan)
    for exercise, dose in expected.items():
        assert {key: found[exercise][key] for key in dose} == dose
    treatments = {p.title for p in plan.pages if p.kind == "treatment"}
    assert not treatments & set(expected)


YOGA_HANDOUT = """\
YOGA FOR LOW BACK PAIN

THE POSES
Move slowly and breathe out as you move into each pose.

 1. Constructive rest (lying on your back, knees bent)
    Stay for 2 minutes at the start of class.
 2. Pelvic tilts
    10 slow tilts, pausing for 2 breaths at each end.
 3. Cat-cow (on hands and knees)
    8 rounds, moving with the breath.
 4. Knee hugs - hug both knees to your chest and hold for
    20 seconds, twice.
"""


def test_a_poses_heading_over_named_lines_with_their_doses_below_is_an_exercise_list():
    found = doses(analyse(YOGA_HANDOUT.encode(), "handout.txt"))
    assert set(found) == {
        "Constructive rest (lying on your back, knees bent)",
        "Pelvic tilts",
        "Cat-cow (on hands and knees)",
        "Knee hugs",
    }
    assert found["Pelvic tilts"]["repetitions"] == 10
    assert found["Cat-cow (on hands and knees)"]["repetitions"] == 8
    # A line that wraps inside a name's own description is no dose line of its own.
    assert found["Knee hugs"]["hold_seconds"] == 20


COPIED_SHEET = """\
# Recovery after my back operation

## From my physio, copied from the sheet

> - Sciatic nerve glide (sitting): 10 repetitions, 3 times a day. Gentle, no pulling.
> - Pelvic tilts lying on your back: 10 repetitions, hold 5 seconds, 3 times a day.
> - Bridging: 2 sets of 8, hold 3 seconds, twice a day. From week 3.
> - If any exercise brings the leg pain back, stop that one and let me know.
"""


def test_a_dosed_list_ending_in_its_stop_if_line_is_an_exercise_list_that_keeps_it():
    plan = analyse(COPIED_SHEET.encode(), "note.md")
    (routine,) = exercise_lists(plan)
    assert [e["name"] for e in routine["exercises"]] == [
        "Sciatic nerve glide",
        "Pelvic tilts",
        "Bridging",
    ]
    assert routine["stop_if"] == [
        "If any exercise brings the leg pain back, stop that one and let me know."
    ]


def test_the_position_after_an_exercise_name_is_its_first_step():
    (routine,) = exercise_lists(analyse(COPIED_SHEET.encode(), "note.md"))
    tilts = routine["exercises"][1]
    assert tilts["steps"][0] == "Lying on your back."
    assert tilts["dose"]["hold_seconds"] == 5


def test_how_the_hands_rest_or_the_knees_move_after_a_name_is_a_step_not_the_name():
    text = (
        "# Stiff back in the morning\n\nGentle exercise helps. Try these every morning:\n\n"
        "1. Knee rolls side to side: 10 times each side.\n"
        "2. Standing back extension with hands on your hips: 5 times.\n"
        "3. Seated twist with arms crossed over your chest: 5 times each way.\n"
        "4. Heel raises holding a worktop - 2 sets of 10.\n"
    )
    (routine,) = exercise_lists(plan_of(text))
    names = [e["name"] for e in routine["exercises"]]
    assert names == ["Knee rolls", "Standing back extension", "Seated twist", "Heel raises"]
    steps = {e["name"]: e["steps"] for e in routine["exercises"]}
    assert steps["Standing back extension"][0].startswith("With hands on your hips")


def test_an_exercise_named_by_a_sentence_of_its_own_over_its_steps_is_an_exercise():
    text = (
        "SCIATICA - EASY READ\n\nWhat helps?\n\nKeep moving. Go for short walks.\n\n"
        "Knee hug exercise.\nLie on your back.\nPull one knee up to your chest.\n"
        "Hold for 20 seconds.\nDo it 3 times on each leg.\n\n"
        "Home exercises.\nYour physio will show you some.\n\n"
        "Then two exercises.\nSit tall. Do 10 of each.\n"
    )
    plan = plan_of(text, "leaflet.txt")
    names = [e["name"] for v in exercise_lists(plan) for e in v["exercises"]]
    assert names == ["Knee hug"]
    (dose,) = doses(plan).values()
    assert dose["hold_seconds"] == 20 and dose["repetitions"] == 3


def test_advice_in_bold_after_the_exercises_is_a_warning_and_no_exercise():
    from back_health.importer.pipeline import analyse

    html = (
        "<h1>Rib sprain</h1><p>A rib sprain is a strain of the joints at the back of a rib.</p>"
        "<h2>Exercises to start at home</h2><p><strong>Side bends</strong></p>"
        "<p>Standing, 10 repetitions, twice a day.</p><p><strong>Chest opener</strong></p>"
        "<p>Sitting, 10 repetitions, twice a day.</p>"
        "<div class='alert'><p><strong>Call 999 if you have chest pain that spreads to your"
        " arm or jaw.</strong></p></div>"
    )
    plan = analyse(html.encode(), "rib.html")
    names = [e["name"] for e in exercises_of(plan)]
    assert names == ["Side bends", "Chest opener"]
    severities = [
        str(b.value["severity"]) for p in plan.pages for b in p.blocks if b.type == "warning"
    ]
    assert "emergency" in severities
