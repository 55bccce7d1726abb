"""Dictated text: spoken punctuation written as the marks it names, only where the text
is dictated."""

from back_health.importer.dictation import is_dictated, read_dictation
from back_health.importer.pipeline import analyse

NOTE = """\
OUTPATIENT NOTE

HISTORY
Neck pain for six weeks full stop worse on looking up comma eased by rest full stop \
new paragraph

IMPRESSION
Right C6 radiculopathy secondary to right C5/6 foraminal stenosis full stop No red flags.

PLAN
Nerve root block open brackets under X-ray close brackets full stop Review in 8 weeks.
"""


def test_spoken_marks_become_the_marks_they_name():
    assert is_dictated(NOTE)
    text, dropped = read_dictation(NOTE)
    assert "for six weeks. Worse on looking up, eased by rest." in text
    assert "Nerve root block (under X-ray). Review" in text
    assert "full stop" not in text and "brackets" not in text
    assert ("spoken punctuation", "full stop (4x)") in dropped


def test_a_text_that_only_talks_about_a_comma_is_not_dictated():
    text = "Grammar corner\n\nA comma is not a full stop, and a full stop ends a sentence.\n"
    assert not is_dictated(text)
    assert read_dictation(text) == (text, [])


def test_a_clinic_notes_impression_names_its_subject_without_side_or_level():
    plan = analyse(NOTE.encode(), "note.txt")
    assert plan.pages[0].title == "Foraminal stenosis"
