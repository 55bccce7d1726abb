"""Exercise doses: parsed from prose, said back in plain English by one function."""

import pytest

from back_health.importer.dose import (
    DOSE_KEYS,
    dose_cell_text,
    dose_to_text,
    parse_dose,
    read_dose,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Repeat 10 times.", {"repetitions": 10}),
        ("Neck holds: 5 holds of 10 seconds", {"repetitions": 5, "hold_seconds": 10}),
        (
            "Hold 3 seconds. 8 on each side.",
            {"hold_seconds": 3, "repetitions": 8, "per_side": True},
        ),
        ("3 sets of 8, 5-second hold", {"sets": 3, "repetitions": 8, "hold_seconds": 5}),
        ("10 second holds, 5 times", {"hold_seconds": 10, "repetitions": 5}),
        ("Shoulder rolls - 10 each way", {"repetitions": 10, "per_side": True}),
        ("Do 3-4 each side", {"repetitions": 3, "per_side": True}),
        ("Roll both shoulders backwards 10 times.", {"repetitions": 10}),
        ("Hug one knee to your chest. Count to 10.", {"hold_seconds": 10}),
        ("People who smoke are 3 times more likely to get it.", {}),
        ("Do 10 repetitions.", {"repetitions": 10}),
        # The exercise a count is of, after the count.
        ("Lean back over your chair. Do 6 of these.", {"repetitions": 6}),
        # A rest between sets is no hold.
        (
            "8 repetitions, 2 sets, resting for 45 seconds between sets.",
            {"sets": 2, "repetitions": 8},
        ),
        ("Do 8 of them on each side.", {"repetitions": 8, "per_side": True}),
        ("3 sets of 10", {"sets": 3, "repetitions": 10}),
        ("Hold for 20 seconds.", {"hold_seconds": 20}),
        ("Stay in this position for 1 minute.", {"hold_seconds": 60}),
        ("Repeat five times with each leg.", {"repetitions": 5, "per_side": True}),
        ("Do it on each side.", {"per_side": True}),
        ("Twice a day.", {"times_per_day": 2}),
        ("Do this 3 times daily.", {"times_per_day": 3}),
        ("Three times a week.", {"days_per_week": 3}),
        ("Three sessions a week alongside a graded return to running.", {"days_per_week": 3}),
        ("2 workouts per week.", {"days_per_week": 2}),
        ("Let your chest open and rest here for 3 minutes.", {"hold_seconds": 180}),
        ("Rest in bed for 2 days.", {}),
        ("Hold for 30 seconds, twice.", {"hold_seconds": 30, "repetitions": 2}),
        ("Hold 10 seconds and repeat twice.", {"hold_seconds": 10, "repetitions": 2}),
        ("Walk every day.", {"days_per_week": 7, "times_per_day": 1}),
        ("Hold for 10 seconds, 5 times.", {"hold_seconds": 10, "repetitions": 5}),
        (
            "Hold 20 seconds; 10 times on each side.",
            {"hold_seconds": 20, "repetitions": 10, "per_side": True},
        ),
        ("Lie down, 2 times a day.", {"times_per_day": 2}),
        ("Move through 8 rounds.", {"repetitions": 8}),
        ("Breathe in and out for 5 cycles.", {"repetitions": 5}),
        ("Complete 3 rounds of 10.", {"sets": 3, "repetitions": 10}),
        ("Neck rotations: 10 to each side, slowly", {"repetitions": 10, "per_side": True}),
        ("3 sets of 20 seconds on each side.", {"sets": 3, "hold_seconds": 20, "per_side": True}),
        ("Dead bug: 8 slow reps each side", {"repetitions": 8, "per_side": True}),
        ("Hold 10 s, rest 10 s, 6 reps.", {"hold_seconds": 10, "repetitions": 6}),
        ("Thread the needle: 6 each side", {"repetitions": 6, "per_side": True}),
        ("Neck turns: 5 each way", {"repetitions": 5, "per_side": True}),
        ("Roll your knees over, 8 times each way.", {"repetitions": 8, "per_side": True}),
        ("Hold for 5 seconds. Do 10.", {"hold_seconds": 5, "repetitions": 10}),
        ("Circle your feet 10 times every hour.", {"repetitions": 10}),
        ("Breathing: 6 slow, deep breaths", {"repetitions": 6}),
        ("Take four deep breaths.", {"repetitions": 4}),
        ("Lift your leg, keep 5 seconds, do 8 times.", {"hold_seconds": 5, "repetitions": 8}),
        ("Morning and evening each do one group.", {"sets": 1, "times_per_day": 2}),
        ("Put your hands on either side of the sink and lean in.", {}),
    ],
)
def test_parse_dose_reads_each_written_element(text, expected):
    dose = parse_dose(text)
    assert {key: value for key, value in dose.items() if value} == expected


def test_parse_dose_always_returns_every_key():
    assert set(parse_dose("nothing here")) == set(DOSE_KEYS)


def test_a_range_takes_the_lower_bound_and_says_so():
    reading = read_dose("Hold for 20-30 seconds, 2 to 3 times a day.")
    assert reading.dose["hold_seconds"] == 20
    assert reading.dose["times_per_day"] == 2
    assert any("lower bound" in note and "20-30" in note for note in reading.notes)


def test_times_a_day_is_frequency_not_repetitions():
    dose = parse_dose("Repeat 5 times on each side, 2 times a day.")
    assert dose["repetitions"] == 5
    assert dose["times_per_day"] == 2


@pytest.mark.parametrize(
    "text", ["Do this routine three times during your working day.", "Twice through the day."]
)
def test_times_during_the_day_is_frequency_not_repetitions(text):
    dose = parse_dose(text)
    assert dose["repetitions"] is None
    assert dose["times_per_day"] in (2, 3)


def test_dose_to_text_says_the_dose_in_plain_english():
    dose = parse_dose("Hold for 20 seconds. Repeat 5 times on each side, twice a day.")
    assert dose_to_text(dose) == "Hold for 20 seconds. Repeat 5 times on each side, 2 times a day."


def test_dose_to_text_words_sets_and_singulars():
    assert dose_to_text({"sets": 3, "repetitions": 10}) == "Do 3 sets of 10 repetitions."
    assert dose_to_text({"hold_seconds": 1}) == "Hold for 1 second."
    assert dose_to_text({"days_per_week": 7}) == "Do this every day."


def test_an_empty_dose_says_nothing():
    assert dose_to_text({}) == ""
    assert dose_to_text(None) == ""


def test_dose_to_text_uses_the_translation_functions_given():
    calls = []

    def ngettext(singular, plural, n):
        calls.append(singular)
        return (singular if n == 1 else plural).replace("Repeat", "REPEAT")

    text = dose_to_text({"repetitions": 4}, ngettext=ngettext)
    assert text == "REPEAT 4 times."
    assert calls == ["Repeat %(n)d time"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hold for 20 seconds, repeating three times on each side.", {"repetitions": 3}),
        ("Relax, then do 10 squeezes, 3 times a day.", {"repetitions": 10, "times_per_day": 3}),
        ("Sit on a table. 10 times on each leg.", {"repetitions": 10, "per_side": True}),
        ("Do them every morning.", {"times_per_day": 1}),
    ],
)
def test_counts_and_frequencies_written_as_words_are_read(text, expected):
    dose = read_dose(text).dose
    assert {key: dose[key] for key in expected} == expected


def test_every_day_is_once_a_day_and_said_once():
    dose = read_dose("Do these exercises every day.").dose
    assert (dose["times_per_day"], dose["days_per_week"]) == (1, 7)
    assert dose_to_text(dose) == "Do this every day."


@pytest.mark.parametrize(
    ("kind", "cell", "heading", "expected"),
    [
        ("sets", "2", "Sets", {"sets": 2}),
        ("repetitions", "3 each side", "Reps", {"repetitions": 3, "per_side": True}),
        ("repetitions", "2 x 10", "Reps", {"sets": 2, "repetitions": 10}),
        ("hold", "15 seconds", "Hold", {"hold_seconds": 15}),
        ("hold", "20", "Hold (seconds)", {"hold_seconds": 20}),
        ("hold", "1", "Hold (minutes)", {"hold_seconds": 60}),
        ("hold", "-", "Hold", {}),
        ("per_side", "Yes", "Each side?", {"per_side": True}),
        ("frequency", "3", "Times a day", {"times_per_day": 3}),
        ("frequency", "Twice daily", "How often", {"times_per_day": 2}),
    ],
)
def test_a_dose_table_cell_is_read_by_its_column(kind, cell, heading, expected):
    dose = parse_dose(dose_cell_text(kind, cell, heading))
    assert {key: value for key, value in dose.items() if value} == expected


@pytest.mark.parametrize(
    "text",
    ["Stretch often times a day.", "Someone lifts it.", "Lift the weight times a week."],
)
def test_a_number_word_inside_another_word_is_no_number(text):
    # "often" holds "ten", "someone" "one", "weight" "eight".
    dose = read_dose(text).dose
    assert dose["times_per_day"] is None and dose["repetitions"] is None
    assert dose["days_per_week"] is None


@pytest.mark.parametrize("text", ["Do 3 sets of 30-second holds.", "Do 3 sets of 30 second holds."])
def test_sets_of_holds_named_by_their_length_count_no_repetitions(text):
    dose = read_dose(text).dose
    assert (dose["sets"], dose["repetitions"], dose["hold_seconds"]) == (3, None, 30)


def test_a_count_done_to_each_side_is_a_repetition_for_each_side():
    dose = read_dose("Turn slowly to one side, then the other. Do 10 to each side.").dose
    assert dose["repetitions"] == 10 and dose["per_side"] is True
