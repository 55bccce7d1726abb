"""Chat exports: the messages of whoever carries the conversation, without stamps,
senders, app notices, placeholders or the others' chatter."""

from back_health.importer.chat import is_chat, read_chat
from back_health.importer.pipeline import analyse
from back_health.importer.plan import Action, Kind

CHAT = """\
[03/05/2026, 18:01] Messages and calls are end-to-end encrypted.
[03/05/2026, 18:02] Ana Ruiz created group "Tuesday Netball"
[03/05/2026, 18:04] Ana Ruiz: Anyone free for extra practice Thursday?
[03/05/2026, 18:05] Tom Hale: Not me, my neck has locked since Saturday's match
[03/05/2026, 18:05] Tom Hale: <Media omitted>
[03/05/2026, 18:09] Priya Nair: That sounds like acute wry neck. The muscles at the side \
of the neck go into spasm and hold the head turned to one side.
[03/05/2026, 18:10] Priya Nair: Sleeping in an awkward position is the usual cause. A \
cold draught or a sudden turn can set it off too
[03/05/2026, 18:12] Priya Nair: Two stretches: 1) Chin tuck - draw your chin in, hold 5 \
seconds, 10 times 2) Side bend - tip your ear to your shoulder, hold 20 seconds, 3 each side
[03/05/2026, 18:14] Ana Ruiz: This message was deleted
[03/05/2026, 18:15] Priya Nair: Call 999 if the stiffness comes with a high fever and a \
headache that will not go away 🙏
[03/05/2026, 18:16] Tom Hale: Thanks!! 👍
[03/05/2026, 18:20] Dev Shah left
"""


def test_a_chat_export_is_recognised_and_ordinary_text_is_not():
    assert is_chat(CHAT)
    assert not is_chat("Wry neck\n\nWry neck is a sudden stiff neck.\n\n12/03/2026, 09:14 a")


def test_only_the_main_writer_s_messages_are_kept():
    text, dropped = read_chat(CHAT)
    assert "acute wry neck" in text and "usual cause" in text
    assert "18:09" not in text and "Priya Nair" not in text
    assert "Anyone free" not in text and "Thanks!!" not in text
    reasons = {reason for reason, _ in dropped}
    assert {"chrome: chat notice", "chrome: chat placeholder"} <= reasons
    assert any("Anyone free" in line for _, line in dropped)


def test_a_list_typed_on_one_line_is_set_out_and_messages_end_in_a_stop():
    text, _ = read_chat(CHAT)
    assert "\n1) Chin tuck" in text and "\n2) Side bend" in text
    assert "set it off too." in text
    assert "will not go away. 🙏" in text


def test_a_chat_export_imports_as_the_advice_it_carries():
    plan = analyse(CHAT.encode(), "group-chat.txt")
    assert plan.pages[0].title == "Acute wry neck"
    causes = {r.title for r in plan.pages[0].causes}
    assert "Sleeping in an awkward position" in causes
    exercises = [
        exercise["name"]
        for block in plan.pages[0].blocks
        if block.type == "exercise_list"
        for exercise in block.value["exercises"]
    ]
    assert exercises == ["Chin tuck", "Side bend"]
    warnings = [b.value["severity"] for b in plan.pages[0].blocks if b.type == "warning"]
    assert "emergency" in warnings
    written = {p.title for p in plan.pages if p.include and p.action != Action.SUGGEST}
    assert not any("Tom" in title or "netball" in title.lower() for title in written)
    assert all(p.kind != Kind.CONDITION or p is plan.pages[0] for p in plan.pages if p.include)


TRANSCRIPT = """\
VALLEY RADIO
The Lunchtime Surgery - transcript

[12:01] [JINGLE: "Valley Radio, all day"]

[12:01] SAM REID (PRESENTER): Today we're talking about hips and backs. Lines are open.

[12:02] DR ALICE MOORE (GUEST): Thanks, Sam. Many callers ask about sciatica, which is \
pain running from the lower back down one leg.

[12:03] JO (CALLER, FENTON): My leg aches when I sit, is that it?

[12:03] DR ALICE MOORE: It sounds like it. A slipped disc pressing on the nerve is the \
usual cause, and most people are better within six weeks.

[12:05] DR ALICE MOORE: If you lose feeling around your bottom, call 999 straight away.

[12:06] [ADVERT BREAK]
"""


def test_a_timed_transcript_keeps_the_main_speaker_without_names_or_directions():
    assert is_chat(TRANSCRIPT)
    text, dropped = read_chat(TRANSCRIPT)
    assert "which is pain running from the lower back" in text
    assert "call 999 straight away" in text
    assert "ALICE" not in text and "JINGLE" not in text and "ADVERT" not in text
    assert "My leg aches" not in text
    assert ("chrome: chat sender", "DR ALICE MOORE") in dropped


def test_a_capitalised_label_in_ordinary_text_is_no_transcript():
    leaflet = (
        "Sciatica\n\nNOTE: this leaflet is for adults.\n\nSciatica is leg pain.\n\n"
        "WARNING: call 999 if your legs go weak.\n\nMost people get better.\n"
    )
    assert not is_chat(leaflet)


MEETING = """\
Saved chat: spring members' evening
18:30:02 From Host - Back Care Circle to Everyone:
\tWelcome! Please stay on mute and type your questions here.
18:31:15 From Lena K to Everyone:
\tHello from Leeds!
18:31:40 From Sam to Everyone:
\tReacted to "Hello from Leeds!" with 👋
18:33:05 From Dr Ada Mensah (Panelist) to Everyone:
\tFacet joint pain comes from the small joints at the back of the spine. Keeping \
active is the most useful thing you can do, and most flare-ups settle within weeks. \
Heat and gentle movement help, and a physiotherapist can show you which movements \
to build up.
18:34:50 From Lena K to Everyone:
\tWhat about injections?
18:36:12 From Dr Ada Mensah (Panelist) to Everyone:
\tReplying to "What about injections?"
\tA facet joint injection can calm a flare, but the effect often wears off within months.
18:38:30 From Ben Ortiz (Panelist) to Everyone:
\tTwo exercises: 1) Knee rolls - 10 each side 2) Pelvic tilt - hold 5 seconds, 10 times
"""


def test_a_meeting_apps_saved_chat_keeps_the_speakers_without_stamps_or_reactions():
    assert not is_chat(MEETING)  # read after it is written as chat lines
    text, dropped = read_chat(MEETING)
    assert "Facet joint pain comes from the small joints" in text
    assert "A facet joint injection can calm a flare" in text
    assert "Knee rolls" in text  # a second panelist, with fewer words
    assert "From " not in text and "Everyone" not in text and "Replying to" not in text
    assert "Hello from Leeds" not in text and "Reacted to" not in text
    assert "stay on mute" not in text
    assert ("chrome: chat placeholder", 'Reacted to "Hello from Leeds!" with 👋') in dropped


def test_a_text_with_a_few_from_lines_is_no_meeting_chat():
    text = "Back pain\n\n09:00 From the clinic to you: our opening hours.\n\nWalk daily.\n"
    assert read_chat(text) == (text, [])


VIDEO = """\
Hip bursitis explained - what it is and what helps
Moorside Physio | 7:12 | Transcript

[00:00] [music]

[00:05] DR OWEN PRICE (physiotherapist): Hello and welcome. Hip bursitis is a painful \
swelling of the small sac of fluid over the bony point of the hip.

[00:40] OWEN: Lying on the sore side usually makes it worse at night, and so can climbing \
stairs, getting out of a low car or standing on one leg to put your trousers on. Many \
people notice it most after a long walk or a run on a sloping road.

[01:10] SALLY (patient): It woke me every night for a month.

[01:30] OWEN: Ice for ten minutes and a pillow between the knees help many people. \
Strengthening the muscles around the hip over six to eight weeks is what helps most in the \
long run, and a physiotherapist can show you which exercises to start with.

[02:00] [music]

---
Video description: a short talk on hip pain.
"""


def test_a_transcript_keeps_its_title_line_and_records_the_rest_of_its_header():
    text, dropped = read_chat(VIDEO)
    assert text.startswith("Hip bursitis explained - what it is and what helps\n")
    assert ("chrome: transcript header", "Moorside Physio | 7:12 | Transcript") in dropped
    # What follows a sound cue is never lost without a record.
    assert any("Video description" in line for _, line in dropped)


def test_a_speaker_named_in_full_once_and_short_after_is_one_speaker():
    text, dropped = read_chat(VIDEO)
    assert "painful swelling of the small sac" in text  # said under the full name
    assert "pillow between the knees" in text  # said under the short name
    assert "woke me every night" not in text
    assert ("chrome: chat sender", "DR OWEN PRICE") in dropped


def test_a_transcript_imports_under_its_title():
    plan = analyse(VIDEO.encode(), "hip-video.txt")
    assert plan.pages[0].title == "Hip bursitis"


def test_lines_after_a_direction_that_ends_the_talk_are_its_footer():
    text, dropped = read_chat(
        TRANSCRIPT.replace(
            "[12:06] [ADVERT BREAK]\n", "[TRANSCRIPT ENDS]\nTyped up by the station.\n"
        )
    )
    assert "Typed up by the station" not in text
    assert ("chrome: transcript footer", "Typed up by the station.") in dropped
    assert "call 999 straight away." in text
