"""One sentence splitter: names and summaries cut sentences where the parsers and
the cleaning steps do."""

import pytest

from back_health.importer import sentences, text
from back_health.importer.names import first_phrase, summarise

PARAGRAPHS = [
    "Stretch gently, e.g. the cat stretch, twice a day. Then rest. Then walk.",
    "Ask Dr. Okafor about it. Then rest.",
    "Слабые мышцы спины.To avoid this, walk daily.",
    "Wait... then try again! Does it hurt? Stop.",
]


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_the_toolkit_cuts_where_the_parsers_cut(paragraph):
    assert text.split_sentences(paragraph) == sentences.split_sentences(paragraph)


def test_an_abbreviation_never_ends_a_summary_sentence():
    summary = summarise("Ask Dr. Okafor about it. Then rest.", sentences=1)

    assert summary == "Ask Dr. Okafor about it."


def test_a_summary_is_the_first_sentences_the_toolkit_finds():
    paragraph = PARAGRAPHS[0]

    assert summarise(paragraph) == " ".join(text.split_sentences(paragraph)[:2])


def test_a_name_is_cut_at_the_first_sentence_boundary_even_when_glued():
    assert first_phrase("Слабые мышцы спины.To avoid this, walk daily.") == "Слабые мышцы спины."
    assert first_phrase("Weak glutes e.g. from sitting. They let the pelvis tip.") == (
        "Weak glutes e.g. from sitting."
    )


def test_a_name_ends_where_notes_write_what_follows_with_an_arrow():
    assert first_phrase("Cervical spondylosis → narrow canal, osteophytes") == (
        "Cervical spondylosis"
    )
    assert first_phrase("Weak glutes -> pelvis tips") == "Weak glutes"


def test_a_copyright_sign_starts_a_sentence():
    from back_health.importer.sentences import split_sentences

    assert split_sentences("Produced by Harbour Audio. © 2025 The Back Room.") == [
        "Produced by Harbour Audio.",
        "© 2025 The Back Room.",
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("WHEN TO SEE YOUR GP", "When to see your GP"),
        ("WHY DOES IT HAPPEN?", "Why does it happen?"),
        ("HYPERKYPHOSIS", "Hyperkyphosis"),
        ("OPLL", "OPLL"),
        ("Causes of NSAID side effects", "Causes of NSAID side effects"),
        ("2. HEALTH FOCUS: LUMBAGO AND YOUR JOB", "2. Health focus: lumbago and your job"),
    ],
)
def test_a_line_set_in_capitals_reads_in_sentence_case(line, expected):
    assert text.unshout(line, ("GP", "NSAID")) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Is it serious? No. Osteoporosis is common and treatable.",
            ["Is it serious?", "No.", "Osteoporosis is common and treatable."],
        ),
        (
            "See leaflet No. 7 for details. It helps.",
            ["See leaflet No. 7 for details.", "It helps."],
        ),
    ],
)
def test_no_abbreviates_number_only_before_a_number(paragraph, expected):
    from back_health.importer.sentences import split_sentences

    assert split_sentences(paragraph) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Vitamin D", "Vitamin D"),
        ("vitamin D", "Vitamin D"),
        ("Vitamin B12 Deficiency", "Vitamin B12 deficiency"),
        ("T4 Syndrome", "T4 syndrome"),
        ("Short Leg Syndrome", "Short leg syndrome"),
    ],
)
def test_a_capital_letter_standing_for_a_name_keeps_its_capital(name, expected):
    assert text.sentence_case(name) == expected
