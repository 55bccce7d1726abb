"""Subtitle files (SubRip, WebVTT) are read as the talk they transcribe."""

from back_health.importer.parse_text import parse_text
from back_health.importer.pipeline import analyse
from back_health.importer.subtitles import is_subtitles, read_subtitles

SRT = """1
00:00:00,500 --> 00:00:03,000
[MUSIC]

2
00:00:03,200 --> 00:00:06,900
<i>DR OKAFOR: Hello. Today we talk about
coccydynia, pain in the tailbone.</i>

3
00:00:07,000 --> 00:00:10,500
Coccydynia is a condition where the coccyx
hurts when you sit.

4
00:00:10,600 --> 00:00:14,000
{\\an8}If you lose control of your bladder,
call 999.

5
00:00:18,000 --> 00:00:21,000
MAYA (PHYSIOTHERAPIST): A wedge cushion
takes the weight off the coccyx.
"""

VTT = """WEBVTT

NOTE made by hand

intro
00:01.000 --> 00:04.000 line:0 position:20%
Coccydynia is a condition where the coccyx hurts.

00:04.100 --> 00:07.000
It often follows a fall.
"""


def test_cues_become_paragraphs_of_talk_without_numbers_timings_or_tags():
    text, dropped = read_subtitles(SRT)
    paragraphs = text.strip().split("\n\n")
    assert paragraphs == [
        "Hello. Today we talk about coccydynia, pain in the tailbone. Coccydynia is a "
        "condition where the coccyx hurts when you sit. If you lose control of your "
        "bladder, call 999.",
        # A new speaker, after a pause, starts a new paragraph.
        "A wedge cushion takes the weight off the coccyx.",
    ]
    assert ("chrome: subtitle timing", "5 cue numbers and timings") in dropped
    assert ("chrome: subtitle sound", "[MUSIC]") in dropped
    assert ("speaker label", "DR OKAFOR:") in dropped
    assert ("speaker label", "MAYA (PHYSIOTHERAPIST):") in dropped


def test_webvtt_headers_notes_and_cue_settings_are_dropped():
    text, _ = read_subtitles(VTT)
    assert text.strip() == (
        "Coccydynia is a condition where the coccyx hurts. It often follows a fall."
    )


def test_a_text_with_an_arrow_or_two_is_no_subtitle_file():
    text = "Rest --> heat --> walk.\n\n00:00:01,000 --> 00:00:02,000\nOne cue only.\n"
    assert not is_subtitles(text)
    assert read_subtitles(text) == (text, [])


def test_the_parsed_document_keeps_the_talk_and_records_what_it_dropped():
    doc = parse_text(SRT)
    text = " ".join(block.text for section in doc.sections for block in section.blocks)
    assert "-->" not in text and "<i>" not in text and "MUSIC" not in text
    assert "call 999" in text
    assert {d.reason for d in doc.dropped} >= {"chrome: subtitle timing", "speaker label"}


def test_a_subtitled_talk_gets_its_subject_and_warnings():
    plan = analyse(SRT.encode(), "talk.srt")
    assert plan.pages[0].title == "Coccydynia"
    warnings = [b.value for p in plan.pages for b in p.blocks if b.type == "warning"]
    assert any("call 999" in w["text"] and w["severity"] == "emergency" for w in warnings)


#: Captions a video site made itself, saved as plain text: no punctuation, no blank
#: lines, a timestamp opening some lines, a channel's furniture around the talk.
CAPTIONS = """\
[Music]
0:00 hi everyone welcome back to the channel
today we are looking at coccydynia which is pain in the tailbone
it often starts after a fall onto your bottom or after giving birth
0:21 sitting on a wedge cushion takes the weight off the coccyx
and a warm pack for 15 minutes can ease it
[Music]
0:48 if you lose control of your bladder or bowels call 999 straight away
if you have a high temperature with the pain ring 111 today
and if it is no better after six weeks see your gp
1:10 that's it for today please hit that like button
the link to my cushion guide is in the description
"""


def test_captions_without_punctuation_are_read_line_by_line():
    doc = parse_text(CAPTIONS)
    paragraphs = [block.text for section in doc.sections for block in section.blocks]
    # One line is one paragraph: run together, the talk would be one long "sentence",
    # and a plea to like the video inside it would drop the whole talk as promotion.
    assert "0:21 sitting on a wedge cushion takes the weight off the coccyx" in paragraphs
    assert len(paragraphs) >= 10


def test_captions_keep_their_talk_and_lose_the_channel_furniture():
    plan = analyse(CAPTIONS.encode(), "captions.txt")
    assert plan.status == "imported"
    assert plan.pages[0].title == "Coccydynia"
    warnings = {
        b.value["severity"]: b.value["text"]
        for p in plan.pages
        for b in p.blocks
        if b.type == "warning"
    }
    assert "call 999" in warnings["emergency"]
    assert "ring 111 today" in warnings["urgent"]
    html = " ".join(str(b.value) for p in plan.pages for b in p.blocks)
    for chrome in ("0:21", "0:48", "welcome back to the channel", "like button", "description"):
        assert chrome not in html
    assert "wedge cushion" in html


def test_wrapped_prose_is_still_one_paragraph():
    prose = (
        "Coccydynia is pain in the tailbone, the small bone at the bottom\n"
        "of the spine. It often starts after a fall onto your bottom, or\n"
        "after giving birth, and it usually eases within a few weeks. Sitting\n"
        "on a wedge cushion takes the weight off the coccyx; a warm pack for\n"
        "15 minutes can ease it too. If it is no better after six weeks,\n"
        "see your GP, who may suggest physiotherapy or an injection.\n"
    )
    doc = parse_text(prose)
    paragraphs = [block.text for section in doc.sections for block in section.blocks]
    assert len(paragraphs) == 1
