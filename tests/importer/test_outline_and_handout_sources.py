"""Plain-text sources read as the pages they show: an Org-mode outline (a person's notes
and log, as Emacs keeps them), an AsciiDoc source (a handout as Asciidoctor builds it), a
calendar file of appointments and a Gopher menu around a document. Their settings,
drawers, directives, properties, menus and marks are furniture; their headlines,
sections, lists, tables, admonitions and descriptions are the page."""

from __future__ import annotations

import pytest

from back_health.importer.asciidoc import is_asciidoc, read_asciidoc
from back_health.importer.calendar import read_gopher
from back_health.importer.clean import clean_document
from back_health.importer.document import Table
from back_health.importer.load import load_source
from back_health.importer.org import is_org, read_org
from back_health.importer.parse import parse_document
from back_health.importer.pipeline import DEFAULT_MAX_BYTES, analyse

from .documents import exercises_of, texts_of, warnings_of

ORG_NOTES = """\
#+TITLE: Neck pain diary
#+AUTHOR: R. Okafor
#+STARTUP: overview
#+FILETAGS: :health:neck:

* Daily stretches                                                   :daily:
  :PROPERTIES:
  :CREATED:  [2025-04-02 Wed 07:50]
  :END:
Twice a day, after work and before bed.
  1. Chin tucks: 10 reps, hold 5 s each.
  2. Upper trapezius stretch: hold 20 s, 3 each side.
  3. Shoulder rolls: 10 reps.

* Symptom log
| Date       | Pain /10 | Notes        |
|------------+----------+--------------|
| 2025-04-02 |        6 | stiff        |
| 2025-04-16 |        3 | much better  |
#+TBLFM: nil

* DONE Physio appointment with [[https://example.org/clinic][the MSK clinic]]
  CLOSED: [2025-04-10 Thu 15:10]
** What the physio said
- Most neck pain settles within *six weeks* with gentle movement.
- A soft collar is /not/ recommended: it stiffens the neck.
- If I get numbness or weakness in both arms, call 999.

* TODO Buy a new pillow
  DEADLINE: <2025-04-20 Sun>

# Local Variables:
# org-log-done: time
# End:
"""


def test_an_org_outline_reads_as_its_title_headlines_lists_and_table():
    doc = clean_document(parse_document(ORG_NOTES, "text"))
    assert doc.title == "Neck pain diary"
    headings = [s.heading for s in doc.sections]
    assert "Daily stretches" in headings  # without its tags
    assert "Physio appointment with the MSK clinic" in headings  # without DONE, link shown
    text = " ".join(texts_of(doc))
    assert "Most neck pain settles within six weeks with gentle movement" in text
    assert "A soft collar is not recommended" in text
    for markup in ("#+", ":PROPERTIES:", ":CREATED:", "CLOSED:", "DEADLINE:", ":daily:", "[["):
        assert markup not in text
    tables = [b for s in doc.sections for b in s.blocks if isinstance(b, Table)]
    assert tables and "much better" in tables[0].texts()


def test_an_org_task_with_nothing_under_it_is_the_writers_reminder():
    doc = clean_document(parse_document(ORG_NOTES, "text"))
    assert "Buy a new pillow" not in " ".join(texts_of(doc))
    assert any(
        d.reason == "chrome: to-do item" and d.text == "Buy a new pillow" for d in doc.dropped
    )
    assert not any(f.kind == "truncated" for f in doc.flags)


def test_an_org_outline_gives_its_exercises_and_warning():
    plan = analyse(ORG_NOTES.encode(), "neck.org.txt")
    exercises = {e["name"]: e["dose"] for e in exercises_of(plan)}
    assert exercises["Chin tucks"]["repetitions"] == 10
    assert exercises["Upper trapezius stretch"]["per_side"] is True
    assert all(dose["times_per_day"] == 2 for dose in exercises.values())
    severities = {w["severity"] for w in warnings_of(plan)}
    assert "emergency" in severities


def test_a_text_with_a_star_list_and_a_hash_line_is_no_org_outline():
    text = "Back pain\n\n* Walk daily\n* Rest a little\n\n#1 tip: keep moving.\n"
    assert not is_org(text)
    assert read_org(text) == (text, [])


ASCIIDOC_HANDOUT = """\
= Lower Back Pain: Advice for Patients
Outpatient Physiotherapy, Riverside Hospital
v2.0, 2025-01-20
:toc: left
:sectnums:
:leaflet-ref: PHY-118

// Owner: physiotherapy lead. Review yearly.
ifdef::backend-pdf[]
include::_shared/letterhead.adoc[]
endif::[]

== What is it?

Lower back pain is pain between the bottom of the ribs and the top of the legs.

NOTE: Most back pain gets better within six weeks.

== Exercises

Do these twice a day.

. *Knee rolls*: lie on your back and roll both knees to one side. Repeat 10 times.
. *Pelvic tilt*: flatten your lower back into the floor. Hold for 5 seconds, 10 times.

[CAUTION]
====
Ask a pharmacist before taking ibuprofen if you have asthma or a stomach ulcer.
====

.Sitting tips
[cols="1,3",options="header"]
|===
|Where |What to do
|At a desk |Get up and move every 30 minutes.
|In the car |Take a break every hour.
|===

WARNING: Call 999 if you cannot control your bladder or bowels.

'''
Leaflet {leaflet-ref} +
"""


def test_an_asciidoc_handout_reads_as_the_page_it_builds():
    doc = clean_document(parse_document(ASCIIDOC_HANDOUT, "text"))
    assert doc.title == "Lower Back Pain: Advice for Patients"
    assert {"What is it?", "Exercises", "Sitting tips"} <= {s.heading for s in doc.sections}
    text = " ".join(texts_of(doc))
    assert "Note: Most back pain gets better within six weeks." in text
    assert "Caution: Ask a pharmacist before taking ibuprofen" in text
    for markup in ("ifdef::", "include::", ":toc:", "====", "|===", "[cols", "//", "*Knee"):
        assert markup not in text
    assert "Riverside Hospital" not in text and "v2.0" not in text  # the header's lines
    tables = [b for s in doc.sections for b in s.blocks if isinstance(b, Table)]
    assert tables and tables[0].texts()[:2] == ["Where", "What to do"]
    assert "Get up and move every 30 minutes." in tables[0].texts()


def test_an_asciidoc_handout_gives_its_exercises_and_warnings():
    plan = analyse(ASCIIDOC_HANDOUT.encode(), "back.adoc.txt")
    exercises = {e["name"]: e["dose"] for e in exercises_of(plan)}
    assert set(exercises) == {"Knee rolls", "Pelvic tilt"}
    assert exercises["Pelvic tilt"]["hold_seconds"] == 5
    severities = {w["severity"] for w in warnings_of(plan)}
    assert {"caution", "emergency"} <= severities


def test_attribute_references_are_replaced_and_the_markup_recorded():
    shown, dropped = read_asciidoc(ASCIIDOC_HANDOUT)
    assert "Leaflet PHY-118" in shown
    assert ("chrome: markup", "include::_shared/letterhead.adoc[]") in dropped
    assert ("chrome: byline", "v2.0, 2025-01-20") in dropped


def test_a_text_without_a_document_title_is_no_asciidoc():
    text = "Back pain\n\n== not a heading ==\n\nNOTE: rest a little.\n\n:toc: left\n"
    assert not is_asciidoc(text)
    markdown_like = "= Title\n\nJust a line.\n"
    assert not is_asciidoc(markdown_like)


def test_a_plain_text_pipe_table_keeps_its_rows_when_a_cell_is_a_date():
    text = (
        "Back pain log\n=============\n\nHow my back has been.\n\n"
        "| Date       | Pain /10 | Notes           |\n"
        "|------------|----------|-----------------|\n"
        "| 2025-01-12 |        6 | started routine |\n"
        "| 2025-02-02 |        4 | swim twice      |\n"
    )
    doc = clean_document(parse_document(text, "text"))
    tables = [b for s in doc.sections for b in s.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert tables[0].texts()[-3:] == ["2025-02-02", "4", "swim twice"]


CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Clinic Bookings//EN\r\n"
    "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\nBEGIN:STANDARD\r\nTZNAME:GMT\r\n"
    "END:STANDARD\r\nEND:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\nUID:1@clinic.example\r\nDTSTART:20250402T090000\r\n"
    "SUMMARY:Physio – neck assessment\r\n"
    "LOCATION:Physiotherapy\\, Level 2\\, Riverside Health Centre\r\n"
    "DESCRIPTION:Your neck pain comes from a stiff joint and tight muscles.\\nHome exer\r\n"
    " cises:\\n- Chin tucks: 10 repetitions 3 times a day\\n- Shoulder rolls: 10 r\r\n"
    " epetitions 3 times a day\\nCall 999 if you get weakness in both arms.\r\n"
    "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Reminder: physio\r\nTRIGGER:-PT2H\r\n"
    "END:VALARM\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_a_calendar_file_reads_as_its_events_summaries_and_descriptions():
    doc = clean_document(parse_document(CALENDAR, "text"))
    text = " ".join(texts_of(doc))
    assert "Physio – neck assessment" in [doc.title, *(s.heading for s in doc.sections)]
    assert "Your neck pain comes from a stiff joint and tight muscles." in text
    for markup in ("VCALENDAR", "DTSTART", "TZNAME", "Reminder: physio", "Level 2", "\\n"):
        assert markup not in text
    assert any(d.text.startswith("LOCATION: Physiotherapy, Level 2") for d in doc.dropped)


def test_a_calendar_files_folded_advice_gives_exercises_and_a_warning():
    plan = analyse(CALENDAR.encode(), "appointments.ics.txt")
    exercises = {e["name"]: e["dose"] for e in exercises_of(plan)}
    assert exercises["Shoulder rolls"]["repetitions"] == 10
    assert exercises["Chin tucks"]["times_per_day"] == 3
    severities = {w["severity"] for w in warnings_of(plan)}
    assert "emergency" in severities


GOPHER = (
    "iCOMMUNITY HEALTH LINE\tfake\t(NULL)\t0\n"
    "i\tfake\t(NULL)\t0\n"
    "0Wry neck\t/health/wryneck.txt\tgopher.example.net\t70\n"
    "1Back pain documents\t/health/back\tgopher.example.net\t70\n"
    "WRY NECK\n========\n\n"
    "Wry neck is a painful, stiff neck that comes on suddenly, often after sleeping\n"
    "in an awkward position. It usually gets better by itself within a week, and\n"
    "gentle movement and simple painkillers help it settle sooner.\n\n"
    "  ! Ibuprofen is not suitable for everyone. Ask a pharmacist first if you\n"
    "  ! have asthma or a stomach ulcer.\n\n"
    "1<< Back to the menu\t/health\tgopher.example.net\t70\n"
    "iServed by a small server\tfake\t(NULL)\t0\n"
    ".\n"
)


def test_a_gopher_menu_around_a_document_is_dropped_as_navigation():
    doc = clean_document(parse_document(GOPHER, "text"))
    text = " ".join(texts_of(doc))
    assert "Wry neck is a painful, stiff neck" in text
    for menu in ("COMMUNITY HEALTH LINE", "Back pain documents", "Back to the menu", "(NULL)"):
        assert menu not in text
    assert ("chrome: navigation", "Back pain documents") in [
        (d.reason, d.text) for d in doc.dropped
    ]
    assert "!" not in text  # the marks down a callout's margin


def test_a_callouts_check_first_line_is_a_caution():
    plan = analyse(GOPHER.encode(), "wryneck.txt")
    boxes = [w["text"] for w in warnings_of(plan) if w["severity"] == "caution"]
    assert any("Ask a pharmacist first if you have asthma" in box for box in boxes)


def test_a_menu_with_no_document_keeps_its_information_lines():
    menu = (
        "".join(
            f"i{line}\tfake\t(NULL)\t0\n"
            for line in (
                "Sciatica is pain that travels from the lower back down the leg.",
                "Keep moving and take simple painkillers while it settles.",
            )
        )
        + "0More on sciatica\t/sciatica.txt\tgopher.example.net\t70\n"
    )
    shown, dropped = read_gopher(menu)
    assert "Keep moving and take simple painkillers" in shown
    assert dropped == [("chrome: navigation", "More on sciatica")]


@pytest.mark.parametrize(
    ("source", "name"),
    [
        (ORG_NOTES, "diary.org"),
        (ORG_NOTES, ""),
        (ASCIIDOC_HANDOUT, "handout.adoc"),
        (ASCIIDOC_HANDOUT, ""),
        (CALENDAR, "appointments.ics"),
    ],
)
def test_these_markups_are_read_as_text_by_their_extension_or_their_content(source, name):
    loaded = load_source(source.encode(), name, max_bytes=DEFAULT_MAX_BYTES)
    assert loaded.format == "text"
