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
