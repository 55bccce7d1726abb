"""Classes seen in a hospital system's HL7 message, an e-reader's clippings file, a
mailing list's digest, a team channel saved from the browser and a court judgment: the
text each format carries, what its furniture is, and advice worded by grade or by
reference to the sentence before."""

from __future__ import annotations

import pytest

from back_health.importer.chrome import chrome_reason
from back_health.importer.classify.fit import advice_heading
from back_health.importer.clippings import read_clippings
from back_health.importer.dose import parse_dose
from back_health.importer.hl7 import SEGMENT_REASON, is_hl7, read_hl7
from back_health.importer.load import FORMAT_ALIASES, sniff_format
from back_health.importer.names import check_name
from back_health.importer.parse_text import strip_speaker_labels
from back_health.importer.pipeline import analyse
from back_health.importer.rules import default_rules
from back_health.importer.severity import advice_of, severity_of

from .documents import cleaned_text, exercises_of, warnings_of

DISCHARGE_MESSAGE = "\r".join(
    [
        "MSH|^~\\&|WARDS_EPR|NORTHGATE^Northgate Hospital^L|GP|Q1^Quayside Practice^L"
        "|20250611120000||ORU^R01|MSG00042|P|2.4",
        "PID|1||5550001234^^^NHS^NH||PARRY^DELYTH^^^MS||19610203|F|||2 Mill Lane^^Holt",
        "PV1|1|I|WARD 5^BAY 1^BED 2|||||||GSURG",
        "OBR|1|DS-1|DS-2|DISSUM^Discharge Summary^L",
        "OBX|1|TX|DIAG^Diagnosis^L|1|T12 vertebral compression fracture with osteoporosis.||||||F",
        "OBX|2|TX|CAUSE^Likely cause^L|1|The bone gave way after a minor fall because"
        " osteoporosis had thinned it.||||||F",
        "OBX|3|TX|MEDS^Medicines^L|1|NEW: Alendronic acid 70 mg once a week\\.br\\"
        "STOPPED: Naproxen - indigestion||||||F",
        "OBX|4|TX|EX^Home exercise^L|1|Chin tucks: 10 repetitions, 3 times a day.||||||F",
        "OBX|5|TX|WARN^When to get help^L|1|Call 999 or go to A\\T\\E immediately if your legs"
        " go weak or numb.\\.br\\Phone your GP the same day if you get a fever.||||||F",
        "OBX|6|NM|CRP^C-reactive protein^L|1|12|mg/L|0-5||||F",
    ]
)


def test_an_hl7_message_keeps_its_text_observations_under_their_names():
    text, dropped = read_hl7(DISCHARGE_MESSAGE)
    assert "Likely cause\n------------" in text
    # "\T\" is the "&" the delimiters reserve; "\.br\" starts a line of its own.
    assert "Call 999 or go to A&E immediately" in text
    assert "NEW: Alendronic acid 70 mg once a week\n\nSTOPPED: Naproxen" in text
    # The header, the patient, the visit, the order and a numeric result are no text.
    assert "PARRY" not in text and "C-reactive" not in text and "ORU" not in text
    assert {reason for reason, _ in dropped} == {SEGMENT_REASON}
    assert any("PARRY DELYTH" in line for _, line in dropped)


def test_an_hl7_message_is_read_as_the_summary_it_carries():
    plan = analyse(DISCHARGE_MESSAGE.encode(), "message.hl7")
    assert plan.main_page.title == "Vertebral compression fracture"
    severities = {w["severity"] for w in warnings_of(plan)}
    assert {"emergency", "urgent"} <= severities
    assert [e["name"] for e in exercises_of(plan)] == ["Chin tucks"]
    # Identifiers and codes are no passage in another language.
    assert not [f for f in plan.flags if f.kind in ("non_english", "other_language")]
    # A medicine the list says was stopped is no treatment page named after the label.
    assert not any(page.title.lower() == "stopped" for page in plan.pages)


def test_hl7_escapes_and_delimiters_are_the_messages_own():
    message = "MSH#*$!@#X|Y\nOBX#1#FT#A*Advice#1#Rest!.br!Walk 10 minutes!X26! more#####F\n"
    text, _ = read_hl7(message)
    assert "Advice" in text and "Rest\n\nWalk 10 minutes& more" in text


@pytest.mark.parametrize(
    "text",
    ["MSH is a segment name.", "Message: 1\nDate: today", "", "MSH|^^^^|x"],
)
def test_a_text_that_is_no_hl7_message_is_left_as_it_is(text):
    assert not is_hl7(text)
    assert read_hl7(text) == (text, [])


def test_an_hl7_message_is_read_as_text_by_name_and_by_content():
    assert FORMAT_ALIASES["hl7"] == "text"
    assert sniff_format(DISCHARGE_MESSAGE) == "text"


CLIPPINGS = """\ufeffThe Steady Back (Okafor, Ann)
- Your Highlight on page 3 | Location 40-42 | Added on Monday, 3 March 2025 20:01:00

Persistent back pain is pain that has lasted more than three months.
==========
The Steady Back (Okafor, Ann)
- Your Highlight on page 3 | Location 40-44 | Added on Monday, 3 March 2025 20:01:30

Persistent back pain is pain that has lasted more than three months. Scans rarely explain it.
==========
The Steady Back (Okafor, Ann)
- Your Bookmark on page 9 | Location 120 | Added on Monday, 3 March 2025 20:10:00


==========
The Steady Back (Okafor, Ann)
- Your Note on page 9 | Location 121 | Added on Monday, 3 March 2025 20:10:30

show this to Sam
==========
Walking Well (Reyes, Luis)
- Your Highlight on page 15 | Location 200-201 | Added on Tuesday, 4 March 2025 07:00:00

Walking every day is one of the best things you can do for a persistent back ache.
==========
The Steady Back (Okafor, Ann)
- Your Highlight on page 3 | Location 40-44 | Added on Monday, 3 March 2025 20:01:30

Persistent back pain is pain that has lasted more than three months. Scans rarely explain it.
==========
"""


def test_a_clippings_file_keeps_each_highlighted_passage_once():
    text, dropped = read_clippings(CLIPPINGS)
    passages = [p.strip() for p in text.split("\n\n") if p.strip()]
    assert passages == [
        "Persistent back pain is pain that has lasted more than three months. Scans rarely"
        " explain it.",
        "Walking every day is one of the best things you can do for a persistent back ache.",
    ]
    reasons = {reason for reason, _ in dropped}
    assert {"chrome: book title", "chrome: clipping details", "chrome: reader's note"} <= reasons
    assert ("chrome: reader's note", "show this to Sam") in dropped
    assert ("chrome: book title", "The Steady Back (Okafor, Ann)") in dropped


def test_a_clippings_file_is_imported_without_its_furniture():
    kept = cleaned_text(CLIPPINGS, "text")
    assert "Your Highlight" not in kept and "Okafor" not in kept and "=====" not in kept
    assert "show this to Sam" not in kept
    assert kept.count("Scans rarely explain it") == 1


@pytest.mark.parametrize(
    "text",
    [
        "Heading\n==========\n\nText under it.\n\nOther\n==========\n\nMore text.\n",
        "One\n==========\n",
    ],
)
def test_a_text_with_rules_that_is_no_clippings_file_is_left_as_it_is(text):
    assert read_clippings(text) == (text, [])


DIGEST = """\
BackCare-Talk Digest, Vol 3, Issue 7

Today's Topics:

   1. Re: Knee rolls (Ann Lee)

----------------------------------------------------------------------

Message: 1
Date: Tue, 8 Apr 2025 19:42:11 +0100
From: Ann Lee <ann@example.org>
Subject: Re: [BackCare] Knee rolls

The knee rolls helped my back: 10 each side, twice a day.

My GP told me that sciatica does not usually cause numbness between the legs. If that
happens, go to A&E straight away.

-------------- next part --------------
An HTML attachment was scrubbed...
URL: <https://lists.example.org/pipermail/backcare/attachments/20250408/a1/attachment.html>

-------------- next part --------------
A non-text attachment was scrubbed...
Name: knee_rolls.jpg
Type: image/jpeg
Size: 48213 bytes
Desc: not available

------------------------------

End of BackCare-Talk Digest, Vol 3, Issue 7
"""


def test_a_digests_attachment_notes_are_dropped():
    kept = cleaned_text(DIGEST, "text")
    for furniture in ("next part", "scrubbed", "knee_rolls.jpg", "48213", "not available"):
        assert furniture not in kept
    assert "The knee rolls helped my back" in kept


def test_advice_whose_condition_is_the_sentence_before_takes_it_into_its_box():
    plan = analyse(DIGEST.encode(), "digest.txt")
    (box,) = [w for w in warnings_of(plan) if w["severity"] == "emergency"]
    assert "does not usually cause numbness between the legs" in box["text"]
    assert "If that happens, go to A&amp;E straight away" in box["text"]


def test_a_clipped_name_used_most_names_the_page_by_its_whole_name():
    text = (
        "Living with fibro\n\nMy fibro flares in winter. Fibro affects the whole body, and"
        " the back is often the worst part. Fibromyalgia is a problem with how the nerves"
        " handle pain. People with fibromyalgia often sleep badly. Gentle exercise in warm"
        " water helps my fibro.\n"
    )
    plan = analyse(text.encode(), "post.txt")
    assert plan.main_page.title == "Fibromyalgia"
    assert "Fibro" in plan.main_page.alternate_names


TEAM_CHANNEL = """<!DOCTYPE html><html><head><title>Protocols</title></head><body>
<div class="channel-header"><h1>Protocols</h1></div>
<div class="thread">
<div class="message root">
<div class="msg-head"><span class="author">Priya Nair</span> <span class="time">Mon 09:14</span>
<span class="edited">(edited)</span></div>
<h2 class="subject">Sciatica pathway for sign-off</h2>
<div class="msg-body"><p>Sciatica is leg pain from an irritated nerve root in the lower back.
Most settle within 6 to 12 weeks with staying active and a graded exercise programme.</p></div>
<div class="attachment">Sciatica_pathway_v3.docx <span>48 KB</span></div>
<div class="reactions"><span>5</span></div>
</div>
<div class="message reply">
<div class="msg-head"><span class="author">Tom Reilly</span>
<span class="time">Mon 09:41</span></div>
<div class="msg-body"><p>Can we spell out the red flags? Suggest:</p>
<ul>
<li>Numb saddle area or new bladder problems: go to A&amp;E immediately.</li>
<li>Leg weakness getting worse: call NHS 111 the same day.</li>
<li>Not improving after 6 weeks: rebook with us or see your GP.</li>
</ul></div>
</div>
<div class="message reply">
<div class="msg-head"><span class="author">Sinead Walsh</span>
<span class="time">Mon 10:03</span></div>
<div class="msg-body"><p>Home programme, all twice a day:</p>
<ul><li>Knee to chest stretch - hold 20 seconds, 3 times each leg</li>
<li>Bridge - 2 sets of 10</li></ul></div>
</div>
</div></body></html>"""


def test_the_replies_of_a_team_channel_are_the_discussion_not_comments():
    plan = analyse(TEAM_CHANNEL.encode(), "channel.html")
    assert [e["name"] for e in exercises_of(plan)] == ["Knee to chest stretch", "Bridge"]
    severities = [w["severity"] for w in warnings_of(plan)]
    # The graded list keeps its last, labelled step ("Not improving after 6 weeks: ...").
    assert severities == ["emergency", "urgent", "see_doctor"]
    text = " ".join(block for block in _paragraphs(plan))
    for furniture in ("Mon 09:41", "(edited)", "48 KB", "Sciatica_pathway_v3.docx"):
        assert furniture not in text


def test_comments_under_an_article_are_still_dropped():
    page = """<html><body><article><h1>Sciatica</h1><p>Sciatica is leg pain from an
    irritated nerve root. Most people get better within 6 weeks.</p></article>
    <div class="comments"><div class="comment reply"><p>Great post, thanks! I also tried
    acupuncture and it cured me.</p></div></div></body></html>"""
    kept = cleaned_text(page, "html")
    assert "acupuncture" not in kept


def _paragraphs(plan) -> list[str]:
    return [
        str(block.value)
        for page in plan.pages
        for block in page.blocks
        if block.type in ("paragraph", "heading")
    ]


def test_a_list_led_by_a_short_line_is_not_an_exercise_list_for_an_earlier_paragraph():
    text = (
        "# Sciatica plan\n\nOur exercise programme is graded and walking is encouraged.\n\n"
        "Can we spell out what the patient should do? Suggest:\n\n"
        "- Numb saddle area: go to A&E immediately.\n"
        "- Not improving after 6 weeks: see your GP.\n"
    )
    plan = analyse(text.encode(), "plan.md")
    assert not exercises_of(plan)
    assert [w["severity"] for w in warnings_of(plan)] == ["emergency", "see_doctor"]


def test_a_medicines_status_label_is_no_speaker_and_no_name():
    text = (
        "NEW: Alendronic acid 70 mg once a week\nSTOPPED: Naproxen\n"
        "UNCHANGED: Metformin 500 mg twice a day\nNEW: Calcium and vitamin D\n"
    )
    kept, labels = strip_speaker_labels(text)
    assert kept == text and labels == []
    # By the rules' own words, whether or not the optional lexicon is installed.
    for label in ("STOPPED", "NEW", "UNCHANGED", "Withheld"):
        assert not check_name(label, default_rules()).name


@pytest.mark.parametrize(
    "sentence",
    [
        "If you already take them, do not stop suddenly: ask your GP or pharmacist to help"
        " you reduce the dose slowly.",
        "Patients already on them should not change anything, and don't stop them abruptly.",
    ],
)
def test_not_stopping_a_medicine_suddenly_is_a_caution_whoever_it_names(sentence):
    found = severity_of(sentence, default_rules())
    assert found is not None and found.level == "caution"


def test_a_diagnosis_with_another_condition_is_the_condition_named_first():
    text = (
        "Diagnosis: L3/4 discitis with Staphylococcus aureus bacteraemia.\n\n"
        "Discitis is an infection of a disc between two vertebrae. It is treated with"
        " antibiotics for six weeks or more.\n"
    )
    plan = analyse(text.encode(), "summary.txt")
    assert plan.main_page.title == "Discitis"


def test_an_emergency_heading_leaves_out_the_grade_label():
    rules = default_rules()
    heading = advice_heading("RED: Call 999 or go to A&E if your legs go weak.", rules)
    assert heading == "Call 999 or go to A&E"


def test_a_lasting_restriction_after_a_call_for_help_is_a_caution_of_its_own():
    text = (
        "# After your discharge\n\nIf you get numbness around your back passage, go to A&E"
        " immediately. Avoid lifting anything heavier than a full kettle for the first six"
        " weeks.\n"
    )
    plan = analyse(text.encode(), "advice.md")
    boxes = [(w["severity"], w["text"]) for w in warnings_of(plan)]
    assert [severity for severity, _ in boxes] == ["emergency", "caution"]
    assert "kettle" not in boxes[0][1]


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        (
            "NSAIDs are fine for short courses, but people on warfarin should check with their"
            " pharmacist before taking any anti-inflammatory.",
            "caution",
        ),
        (
            "Anyone who wants to cut down should talk to their GP or pharmacist about reducing"
            " the dose slowly.",
            "caution",
        ),
        (
            "My GP's rule is: if the pain isn't settling after a couple of weeks, book an"
            " appointment.",
            "see_doctor",
        ),
    ],
)
def test_advice_to_a_group_or_worded_as_a_rule_is_a_warning(sentence, level):
    found = advice_of(sentence, default_rules())
    assert found is not None and found.level == level


@pytest.mark.parametrize(
    "line",
    [
        "Show this thread",
        "Missing some Tweet in this thread? You can try to",
        "This Thread may be Removed Anytime!",
        "Unroll is a free service supported by our Premium members.",
        "School of Health Sciences · University of Northmoor",
        "This page is generated from the module handbook.",
        "Submit the case report via Turnitin on Moodle.",
        "Late work is capped at 40% (see Academic Regulations, section 7).",
        "Written case report, 2,000 words",
        "Back injury compensation calculator",
        "Estimates are based on the Judicial College Guidelines (17th edition) and are for"
        " guidance only.",
    ],
)
def test_thread_reader_course_and_claims_furniture_is_chrome(line):
    assert chrome_reason(line)


@pytest.mark.parametrize(
    "line",
    [
        "Written advice, 2 pages",
        "Submit to gentle stretching twice a day.",
        "Late symptoms can include numbness in the legs.",
    ],
)
def test_lines_like_that_furniture_stay(line):
    assert not chrome_reason(line)


def test_a_pandoc_papers_metadata_title_is_its_title_over_its_sections():
    text = (
        '---\ntitle: "Scheuermann\'s kyphosis: a short review"\nauthor:\n  - name: A. Writer\n'
        "bibliography: refs.bib\n---\n\n# Introduction\n\nScheuermann's kyphosis is a rigid"
        " forward curve of the upper back [@lowe1990, p. 4].\n\n# Management\n\nMost people"
        " are managed with exercise and physiotherapy.\n"
    )
    plan = analyse(text.encode(), "review.md")
    assert plan.title == "Scheuermann's kyphosis: a short review"
    assert plan.main_page.title == "Scheuermann's kyphosis"


@pytest.mark.parametrize(
    ("text", "per_side"),
    [
        (
            "Prone arm lifts: lie on your front and lift both arms, hold for 5 seconds, 10 times.",
            False,
        ),
        ("Side stretch: 5 times on both sides.", True),
        ("Lunges: 10 times, then switch legs.", True),
    ],
)
def test_both_arms_together_are_no_dose_per_side(text, per_side):
    assert parse_dose(text)["per_side"] is per_side


def test_a_treatment_defined_by_what_it_asks_is_described():
    text = (
        "# Persistent back pain\n\nPersistent back pain lasts more than 12 weeks.\n\n"
        "Pacing means doing a steady amount each day, on good days and bad, rather than"
        " overdoing it when you feel well.\n"
    )
    plan = analyse(text.encode(), "notes.md")
    pacing = [page for page in plan.pages if page.title == "Pacing"]
    assert pacing and pacing[0].action == "create"


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "In November he underwent a microdiscectomy, an operation to remove the part of"
            " the disc pressing on the nerve.",
            "Discectomy",
        ),
        (
            "Your doctor may suggest a nerve root block, a type of injection that numbs the nerve.",
            "Selective nerve root block",
        ),
    ],
)
def test_a_treatment_with_an_aside_saying_what_it_is_is_described(sentence, title):
    text = f"# Prolapsed disc\n\nA prolapsed disc happens when a disc pushes out. {sentence}\n"
    plan = analyse(text.encode(), "story.md")
    pages = [page for page in plan.pages if page.title == title]
    assert pages and pages[0].action == "create"
