"""Classes seen in an audiobook's transcript, a sign-language video page, a cruise
ship's medical notice and a hotel's guest directory: caption sound cues, exercises
named one sentence at a time, help by text message, advice to check with someone's
own doctor, and a hotel's name as a title."""

from __future__ import annotations

import pytest

from back_health.importer.chrome import chrome_reason
from back_health.importer.notifications import REASON as NOTIFICATION_REASON
from back_health.importer.notifications import read_notifications
from back_health.importer.pipeline import analyse
from back_health.importer.rules import default_rules
from back_health.importer.script import read_script
from back_health.importer.sentences import split_sentences
from back_health.importer.severity import advice_of, severity_of

from .documents import blocks_text, exercises_of, warnings_of

TRANSCRIPT = """WALKING TALL - accessibility transcript

[Soft piano music]

NARRATOR: Chapter Three. The stiff back.

[Music fades]

NARRATOR: Ankylosing spondylitis is a long-term inflammation of the joints of the spine.

[Page turn sound]

NARRATOR: Here are the exercises my physiotherapist gave me.

The knee to chest stretch. Lie on your back and pull one knee towards your chest. Hold for
fifteen seconds. Do this five times with each leg, twice a day.

The pelvic tilt. Lie on your back with your knees bent. Repeat ten times, twice a day.

[Short pause]
"""


def test_caption_sound_cues_in_sentence_case_are_directions():
    text, dropped = read_script(TRANSCRIPT)
    assert "[Soft piano music]" not in text and "[Music fades]" not in text
    assert ("chrome: script direction", "[Page turn sound]") in dropped
    assert ("speaker label", "NARRATOR:") in dropped
    assert "Ankylosing spondylitis is a long-term inflammation" in text


def test_exercises_named_one_sentence_at_a_time_are_read():
    plan = analyse(TRANSCRIPT.encode(), "chapter.txt", format="text")
    found = {e["name"]: e["dose"] for e in exercises_of(plan)}
    assert set(found) == {"Knee to chest stretch", "Pelvic tilt"}
    assert found["Knee to chest stretch"]["hold_seconds"] == 15
    assert found["Pelvic tilt"]["repetitions"] == 10


def test_a_labelled_paragraph_with_an_article_is_no_spoken_exercise():
    source = (
        "# Osteitis pubis\n\nOsteitis pubis is pain over the pubic bone.\n\n## What helps\n\n"
        "**A graded return to running.** Once you can hop 10 times on each leg without pain,"
        " start with walk-run intervals.\n"
    )
    plan = analyse(source.encode(), "blog.md", format="markdown")
    assert [e["name"] for e in exercises_of(plan)] == []


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("Use 999 BSL or text 999 straight away if you cannot control your bladder.", "emergency"),
        ("Text 999 if you cannot speak on the phone.", "emergency"),
        (
            "Check with the ship's doctor before taking ibuprofen if you have asthma.",
            "caution",
        ),
    ],
)
def test_help_by_text_and_checking_with_someones_own_doctor(sentence, level):
    found = severity_of(sentence, default_rules())
    assert found is not None and found.level == level


def test_use_and_a_place_ask_for_no_help():
    assert severity_of("Use the stairs carefully for a week.", default_rules()) is None


def test_a_hotels_name_is_no_subject():
    source = (
        "THE HARBOURSIDE HOTEL, FALMOUTH\n\nIN-ROOM GUEST DIRECTORY\n\nWelcome to The"
        " Harbourside Hotel. Dial 0 for reception.\n\nBACK CARE ON YOUR TRAVELS\n\nA long"
        " journey can bring on sudden low back pain. Most acute low back pain settles within"
        " a few weeks. Keep moving.\n"
    )
    plan = analyse(source.encode(), "directory.txt", format="text")
    assert plan.main_page.title == "Acute low back pain"
    [why] = [d.because for d in plan.decisions if d.as_ == "subject"]
    assert "harbourside hotel' (an organisation's name)" in why


NEWSLETTER = """# Allotment news

## From the committee

Please pay your rent at the shop hut by the end of the month. Plot inspections are on
Saturday 5 April. The seed swap raised 146 pounds for the new polytunnel.

## Health on the plot

Facet joint pain is pain from the small joints at the back of the spine. Digging for hours
can bring it on. Keep moving, and take paracetamol if you need it.

Call 999 if your legs go weak or numb.

## Rats

Rats have been seen near the compost bays. Please do not put cooked food in the compost.
"""


def test_sections_that_say_nothing_of_health_are_dropped_with_why():
    plan = analyse(NEWSLETTER.encode(), "newsletter.md", format="markdown")
    text = blocks_text(plan)
    assert "Plot inspections" not in text and "compost" not in text
    assert "Keep moving" in text
    assert [w["severity"] for w in warnings_of(plan)] == ["emergency"]
    dropped = {d.text.split("\n")[0] for d in plan.dropped if "something else" in d.reason}
    assert dropped == {"From the committee", "Rats"}
    assert any(d.part == "Rats" and d.as_ == "dropped" for d in plan.decisions)


def test_a_section_with_a_cause_or_an_exercise_stays_without_health_words():
    source = (
        "# Ankylosing spondylitis\n\n## What it is\n\nAnkylosing spondylitis is a long-term"
        " inflammation of the spine.\n\n## Cause\n\nMost people with it carry a gene called"
        " HLA-B27.\n\n## Every morning\n\nLie on your front and lift your head, 10 times.\n\n"
        "## Contact\n\nWrite to us at the address below.\n"
    )
    plan = analyse(source.encode(), "as.md", format="markdown")
    text = blocks_text(plan)
    assert "HLA-B27" in text or any("HLA-B27" in p.title for p in plan.pages)
    assert [d.text.split("\n")[0] for d in plan.dropped if "something else" in d.reason] == [
        "Contact"
    ]


def test_a_video_pages_player_credits_and_description_are_furniture():
    source = (
        "<h1>Cauda equina syndrome</h1>"
        '<div class="player"><span>BSL video: Cauda equina syndrome (4 min 12 s)</span>'
        "<button>Play</button></div>"
        "<details><summary>Video description</summary><p>A presenter in a blue top signs"
        " against a grey background.</p></details>"
        '<p class="credits">Presented by Amira Khan. Translated by a registered'
        " translator.</p><h2>What is it?</h2><p>Cauda equina syndrome is when the nerves at"
        " the bottom of the spine are badly squeezed. It is an emergency.</p>"
    )
    plan = analyse(source.encode(), "bsl.html", format="html")
    text = blocks_text(plan)
    for furniture in ("4 min 12 s", "blue top", "Presented by", "Video description"):
        assert furniture not in text
    assert "badly squeezed" in text


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("Download video (38 MB)", True),
        ("Download the transcript (120 KB)", True),
        ("Download our leaflet to read more about sciatica.", False),
    ],
)
def test_a_download_with_its_size_is_chrome(line, chrome):
    assert bool(chrome_reason(line)) is chrome


NOTIFICATIONS = """NotiLog - notification history export
Device: Pixel 7 | Exported: 2025-03-18 21:04 | 6 entries
================================================================

2025-03-11 07:00 | Education | What is sciatica?
  Sciatica is pain that travels from the lower back down the leg.
  [Tapped]

2025-03-11 07:30 | Reminders | Morning routine
  Knee to chest stretch: hold 20 seconds, 3 times each side.
  Actions: [Done] [Snooze 1h]  -> Done

2025-03-11 12:00 | Promotions | Premium: 40% off this week only
  Unlock guided videos.
  [Dismissed]

2025-03-12 07:30 | Reminders | Morning routine
  Knee to chest stretch: hold 20 seconds, 3 times each side.
  Actions: [Done] [Snooze 1h]  -> Snoozed

2025-03-13 09:02 | System | Battery saver is on
  Some notifications may be delayed.

2025-03-14 07:00 | Safety | Warning signs
  Call 999 if you cannot control your bladder or bowels.

================================================================
End of export. Upgrade to export more than 6 entries.
"""


def test_a_notification_history_reads_as_its_entries_once_each():
    text, dropped = read_notifications(NOTIFICATIONS)
    assert "What is sciatica?\n---" in text and "Sciatica is pain that travels" in text
    assert text.count("Knee to chest stretch: hold 20 seconds") == 1
    for furniture in ("[Tapped]", "Actions:", "Premium", "Battery saver", "End of export", "07:00"):
        assert furniture not in text
    assert (NOTIFICATION_REASON, "Actions: [Done] [Snooze 1h]  -> Done") in dropped
    assert (NOTIFICATION_REASON, "2025-03-13 09:02 | System | Battery saver is on") in dropped


def test_a_notification_history_is_imported_with_its_exercise_and_warning():
    plan = analyse(NOTIFICATIONS.encode(), "notilog.txt", format="text")
    assert [e["name"] for e in exercises_of(plan)] == ["Knee to chest stretch"]
    assert [w["severity"] for w in warnings_of(plan)] == ["emergency"]


def test_a_table_with_bars_is_no_notification_history():
    text = "Drug | Dose | Notes\nIbuprofen | 400 mg | with food\nNaproxen | 250 mg | twice\n"
    assert read_notifications(text) == (text, [])


def test_emphasis_marks_open_a_sentence_and_advice():
    text = (
        "** Call 999 if someone falls from a ladder and cannot move their legs. Do not move"
        " them. ** Call 111 the same day if back pain comes with a fever."
    )
    sentences = split_sentences(text)
    assert len(sentences) == 3 and sentences[2].startswith("** Call 111")
    rules = default_rules()
    assert advice_of(sentences[0], rules).level == "emergency"
    assert advice_of(sentences[2], rules).level == "urgent"


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("5.2 Call 999 if a player has sudden weakness in an arm or leg.", "emergency"),
        ("See the welfare team or a GP if your pain is not better after 1 week.", "see_doctor"),
    ],
)
def test_a_clauses_number_and_someone_else_to_see_first_leave_help(sentence, level):
    assert advice_of(sentence, default_rules()).level == level


def test_a_guidelines_numbered_do_not_is_no_caution_to_the_reader():
    assert (
        advice_of("1.2.6 Do not offer belts or corsets for low back pain.", default_rules()) is None
    )


def test_what_the_text_says_is_an_app_is_no_condition():
    source = (
        "<h1>Frequently asked questions</h1><h2>What is Backcast?</h2><p>Backcast is a"
        " free app that asks people with persistent low back pain to rate their pain each"
        " day. Backcast compares the ratings with the weather.</p><h2>Who can join?</h2>"
        "<p>Adults with persistent low back pain can join Backcast. Persistent low back pain"
        " is pain that lasts more than 12 weeks.</p>"
    )
    plan = analyse(source.encode(), "faq.html", format="html")
    assert plan.main_page.title == "Persistent low back pain"


@pytest.mark.parametrize(
    "sentence",
    [
        "Please don't sit on a rolled-up keepnet as a cushion.",
        "Please do not wear a neck collar.",
        "Please don't buy an inversion table.",
    ],
)
def test_a_bare_prohibition_naming_no_risk_is_no_warning(sentence):
    assert advice_of(sentence, default_rules()) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Do not take ibuprofen.",
        "Never lift anything over 25 kg on your own.",
        "Do not put it on broken or irritated skin.",
        "Please do not let anyone crack your neck, as this can damage the spinal cord.",
        "Do not drive for 6 weeks.",
        "Please don't take codeine while you're breastfeeding.",
    ],
)
def test_a_prohibition_naming_a_medicine_a_risk_or_when_is_a_caution(sentence):
    found = advice_of(sentence, default_rules())
    assert found is not None and found.level == "caution"


def test_every_headed_section_may_be_about_something_else_when_the_lead_is_not():
    source = (
        "# Coccydynia\n\nCoccydynia is pain in the tailbone, worse when you sit. Most cases"
        " settle within a few months. Call 999 if you cannot control your bladder.\n\n"
        "## Match results\n\nFirst place went to K. Dwyer on peg 14.\n\n"
        "## Work party\n\nSaturday at the top car park. Bring loppers and wellies.\n\n"
        "## Tackle swap\n\nBring old reels and rods to the clubhouse on 3 April.\n"
    )
    plan = analyse(source.encode(), "bulletin.md", format="markdown")
    text = blocks_text(plan)
    assert "loppers" not in text and "peg 14" not in text and "reels" not in text
    assert "Call 999" in text


def test_a_document_saying_nothing_of_health_keeps_its_sections():
    source = (
        "# Club news\n\n## Match results\n\nFirst place went to K. Dwyer on peg 14.\n\n"
        "## Work party\n\nSaturday at the top car park.\n\n## Dates\n\nThe meeting is on"
        " 3 April.\n"
    )
    plan = analyse(source.encode(), "news.md", format="markdown")
    assert not [d for d in plan.dropped if "something else" in d.reason]
