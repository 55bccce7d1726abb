"""PDF documents are read as the text their pages print, with the ``pdf`` extra."""

from __future__ import annotations

import sys

import pytest

from back_health.importer.errors import ImportSourceError, NothingToImportError
from back_health.importer.load import load_source
from back_health.importer.pdf import is_pdf, logical_order, pdf_text
from back_health.importer.pipeline import analyse
from tests.importer.pdfs import pdf_document

pytest.importorskip("pypdf", reason="the 'pdf' extra (pypdf) is not installed")

MB = 1024 * 1024

HEADER = "Northfield Community Hospital               Physiotherapy Department"
FOOTER = "Leaflet PT-31 (version 2)                                  Page {n} of 2"

LEAFLET = [
    [
        HEADER,
        "",
        "Neck sprain",
        "",
        "A neck sprain is a stretch or small tear of the muscles and ligaments of the",
        "neck. Most neck sprains get better within two to four weeks.",
        "",
        "What causes it?",
        "",
        "  - a jolt to the head in a car accident",
        "  - a fall or a tackle in sport",
        "",
        FOOTER.format(n=1),
    ],
    [
        HEADER,
        "",
        "Treatment",
        "",
        "Keep your neck moving gently. Take paracetamol or ibuprofen regularly for a few",
        "days, and use a warm pack for 15 minutes at a time.",
        "",
        "When to get help",
        "",
        "Call 999 if you have weakness in both arms or cannot walk steadily.",
        "See a GP if the pain has not eased after 4 weeks.",
        "",
        FOOTER.format(n=2),
    ],
]


def test_a_pdf_is_read_as_the_text_its_pages_print():
    source = load_source(pdf_document(LEAFLET, compress=True), "neck.pdf", max_bytes=MB)
    assert (source.format, source.encoding) == ("text", "pdf")
    assert "\f" in source.text, "pages end with a form feed"
    assert "\n\nWhat causes it?\n\n" in source.text, "a gap on the page is a blank line"
    assert "  - a fall or a tackle in sport" in source.text, "indentation is kept"


def test_a_pdf_leaflet_becomes_pages_without_its_running_header_and_footer():
    plan = analyse(pdf_document(LEAFLET, compress=True), "neck.pdf")
    main = plan.pages[0]
    assert main.title == "Neck sprain"
    texts = " ".join(str(block.value) for page in plan.pages for block in page.blocks)
    assert "Northfield Community Hospital" not in texts and "Page 1 of 2" not in texts
    severities = {block.value["severity"] for block in main.blocks if block.type == "warning"}
    assert {"emergency", "see_doctor"} <= severities


def test_a_pdf_is_known_by_its_header():
    data = pdf_document(LEAFLET)
    assert is_pdf(data)
    assert is_pdf(b"\r\n" + data), "a few bytes of junk before the header"
    assert not is_pdf(b"Our old leaflet was saved as %PDF-1.4 and nobody could open it.")


def test_a_pdf_without_text_has_nothing_to_import():
    with pytest.raises(NothingToImportError) as error:
        load_source(pdf_document([[], []]), "scan.pdf", max_bytes=MB)
    assert "scan.pdf is a PDF without text" in str(error.value)


def test_text_past_the_size_limit_is_refused_page_by_page():
    pages = [["Keep moving gently and take painkillers if you need them."] * 40] * 20
    data = pdf_document(pages, compress=True)
    with pytest.raises(ImportSourceError) as error:
        pdf_text(data, "long.pdf", max_bytes=8 * 1024)
    assert error.value.code == "too_large"


def test_a_broken_pdf_is_a_clear_error():
    with pytest.raises(ImportSourceError) as error:
        load_source(b"%PDF-1.4\n1 0 obj << /Type /Catalog", "broken.pdf", max_bytes=MB)
    assert error.value.code == "bad_document"
    assert str(error.value).startswith("broken.pdf is not a readable PDF")


def _encrypted(user_password: str) -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    plain = pdf_document([["Neck sprain", "", "A neck sprain is a stretch of the neck muscles."]])
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_locked_only_against_editing_is_read_and_one_needing_a_password_is_not():
    assert "neck sprain is a stretch" in load_source(_encrypted(""), "a.pdf", max_bytes=MB).text
    with pytest.raises(ImportSourceError) as error:
        load_source(_encrypted("secret"), "locked.pdf", max_bytes=MB)
    assert "locked.pdf is a PDF protected by a password" in str(error.value)


def test_without_the_extra_a_pdf_is_refused_by_name(monkeypatch):
    monkeypatch.setitem(sys.modules, "pypdf", None)
    with pytest.raises(ImportSourceError) as error:
        pdf_text(pdf_document(LEAFLET), "neck.pdf", max_bytes=MB)
    assert "neck.pdf is a PDF document" in str(error.value)
    assert "'pdf' extra" in str(error.value)


def _page(*lines):
    return [list(lines)]


LONG = "Most people with a sprained neck feel much better within two to four weeks and"


def test_type_sizes_and_bold_give_the_headings():
    data = pdf_document(
        _page(
            "Northfield Community Hospital",
            ("Neck sprain", 22),
            "A neck sprain is a stretch of the muscles and ligaments of the neck.",
            ("What causes it?", 15),
            "A jolt to the head in a car accident is the usual cause.",
            ("Self-care", 11, "bold"),
            "Keep your neck moving gently.",
        )
    )
    source = load_source(data, "neck.pdf", max_bytes=MB)
    assert source.format == "markdown"
    assert "# Neck sprain\n" in source.text
    assert "## What causes it?\n" in source.text
    assert "### Self-care\n" in source.text
    plan = analyse(data, "neck.pdf")
    assert plan.pages[0].title == "Neck sprain"


def test_bulleted_and_indented_lines_are_list_items():
    data = pdf_document(
        _page(
            ("Neck sprain", 22),
            "It may help to:",
            "      use a warm pack for 15 minutes at a time",
            f"      {LONG}",
            "      most are back at work within days",
            "      take paracetamol regularly",
            "",
            "\u2022 Keep your neck moving.",
            "\u2022 Sleep on one firm pillow.",
        )
    )
    text = load_source(data, "neck.pdf", max_bytes=MB).text
    assert "- use a warm pack for 15 minutes at a time\n" in text
    assert f"- {LONG}\n  most are back at work within days\n" in text, "a full line runs on"
    assert "- take paracetamol regularly\n" in text
    assert "- Keep your neck moving.\n- Sleep on one firm pillow.\n" in text


def test_an_item_wrapped_before_a_joining_word_or_a_lower_case_word_runs_on():
    data = pdf_document(
        _page(
            ("Osteomalacia", 22),
            "Osteomalacia means soft bones. It happens when the body does not have enough vitamin D"
            " to take up calcium.",
            "You are more at risk if:",
            "      you have darker skin, which needs more sunlight to make the same amount of",
            "      vitamin D;",
            "      you are housebound, work night shifts or cover most of your skin when outdoors",
            "      whenever you go out",
            "      you are pregnant",
            "      you take medicines for epilepsy",
            "",
            "Do these twice a week:",
            "      Dumbbell shrugs: 3 sets of 12",
            "      Bent-over rows: 3 sets of 10",
        )
    )
    text = load_source(data, "bones.pdf", max_bytes=MB).text
    assert "to make the same amount of\n  vitamin D;\n" in text, "a joining word runs on"
    assert "your skin when outdoors\n  whenever you go out\n" in text, "so does a long line"
    assert "- you are pregnant\n- you take medicines for epilepsy\n" in text, "short items stand"
    assert "- Dumbbell shrugs: 3 sets of 12\n- Bent-over rows" in text, "a number ends an item"


def test_a_pdf_set_in_one_size_goes_to_the_plain_text_parser():
    source = load_source(pdf_document(LEAFLET), "neck.pdf", max_bytes=MB)
    assert source.format == "text"


def test_running_headers_of_a_structured_pdf_are_recorded_as_dropped():
    pages = [
        ["Northfield Community Hospital", ("Neck sprain", 22), "A neck sprain is common.", "1"],
        ["Northfield Community Hospital", ("Treatment", 15), "Keep your neck moving.", "2"],
        ["Northfield Community Hospital", ("Help", 15), "See a GP if it is no better.", "3"],
    ]
    data = pdf_document(pages)
    source = load_source(data, "neck.pdf", max_bytes=MB)
    assert source.format == "markdown"
    assert "Northfield" not in source.text
    plan = analyse(data, "neck.pdf")
    assert any("Northfield" in item.text for item in plan.dropped)


def test_short_lines_of_a_printed_web_page_stand_alone_and_wrapped_sentences_do_not():
    data = pdf_document(
        _page(
            "Accept all cookies",
            "Skip to main content",
            "Call us on 01632 960 111",
            "Health A to Z",
            ("Neck sprain", 22),
            f"{LONG} most are back at work within days. Take painkillers such as",
            "Nurofen if you need them. See a GP if the pain is no better after",
            "6 weeks.",
        )
    )
    text = load_source(data, "neck.pdf", max_bytes=MB).text
    assert "Accept all cookies\n\nSkip to main content\n\n" in text
    # A line ending in a number leads into nothing, though the word before it might.
    assert "Call us on 01632 960 111\n\nHealth A to Z\n" in text
    assert "such as\nNurofen if you need them." in text
    assert "better after\n6 weeks." in text
    plan = analyse(data, "neck.pdf")
    kept = " ".join(str(block.value) for page in plan.pages for block in page.blocks)
    assert "Skip to main content" not in kept


def test_reading_leaves_the_sites_logging_as_it_was():
    import logging

    logger = logging.getLogger("pypdf")
    logger.setLevel(logging.INFO)
    try:
        with pytest.raises(ImportSourceError):
            pdf_text(b"%PDF-1.4\n1 0 obj << /Type", "broken.pdf", max_bytes=MB)
        assert logger.level == logging.INFO
    finally:
        logger.setLevel(logging.NOTSET)


TWO_COLUMNS = "\n".join(
    [
        "Coccyx pain",
        "",
        "What is it?                                      Treatment",
        "Coccyx pain is pain at the bottom of the         Sit on a soft cushion and take",
        "spine. It often follows a fall.                  simple painkillers.",
        "                                                 When to get help",
        "Causes                                           See a GP if it lasts 8 weeks.",
        "   a fall onto the tailbone",
        "   childbirth",
    ]
)


def test_a_page_in_two_columns_is_read_column_by_column():
    from back_health.importer.pdf import in_reading_order

    text = in_reading_order(TWO_COLUMNS)
    assert text.index("spine. It often follows a fall.") < text.index("   childbirth")
    assert text.index("   childbirth") < text.index("Treatment")
    assert "Sit on a soft cushion and take\nsimple painkillers." in text
    assert text.startswith("Coccyx pain\n"), "a line over both columns stays first"


def test_a_spaced_out_line_is_not_two_columns_and_a_table_is_a_table():
    from back_health.importer.pdf import in_reading_order

    page = (
        "Coccyx pain is pain at the bottom of the spine.\nIt often follows a fall.\n"
        "Most people get better within a few months.\nLeaflet PI-2        Page 1 of 2"
    )
    assert in_reading_order(page) == page
    table = (
        "Exercise      Sets   Repetitions\nChin tuck     2      10\nPelvic tilt   3      8\n"
        "Knee hug      1      5\nBridge        2      10"
    )
    assert "| Pelvic tilt | 3 | 8 |" in in_reading_order(table)


def test_indented_lines_under_a_heading_are_list_items():
    data = pdf_document(
        _page(
            ("Coccyx pain", 22),
            "Coccyx pain is pain at the bottom of the spine.",
            ("Causes", 15),
            "     a fall onto the tailbone",
            "     childbirth",
        )
    )
    text = load_source(data, "coccyx.pdf", max_bytes=MB).text
    assert "## Causes\n\n- a fall onto the tailbone\n- childbirth\n" in text


CARD = "\n".join(
    [
        "Do these twice a day:",
        "",
        "     Exercise               How to do it                         Sets   Repetitions",
        " Pelvic tilt          Lie on your back and flatten your            2      10",
        "                      lower back into the floor.",
        " Knee hug             Hug one knee to your chest and hold          1      5 each side",
        "                      for 20 seconds.",
        " Bridge               Lift your hips until your body is            2      8",
        "                      straight from knees to shoulders.",
        "",
        "Stop if any exercise hurts.",
    ]
)


def test_a_laid_out_table_becomes_a_pipe_table_with_its_wrapped_cells_joined():
    from back_health.importer.pdf import in_reading_order

    text = in_reading_order(CARD)
    assert "| Exercise | How to do it | Sets | Repetitions |" in text
    assert (
        "| Knee hug | Hug one knee to your chest and hold for 20 seconds. | 1 | 5 each side |"
    ) in text
    assert text.startswith("Do these twice a day:") and text.rstrip().endswith("hurts.")


def test_exercises_in_a_pdf_table_are_read_with_their_doses():
    from back_health.importer.pdf import in_reading_order

    markdown = "# Back exercises\n\n" + in_reading_order(CARD) + "\n"
    plan = analyse(markdown.encode(), "card.md")
    exercises = next(
        block.value["exercises"]
        for page in plan.pages
        for block in page.blocks
        if block.type == "exercise_list"
    )
    assert [e["name"] for e in exercises] == ["Pelvic tilt", "Knee hug", "Bridge"]
    assert exercises[1]["dose"]["hold_seconds"] == 20


def test_a_line_in_a_right_to_left_script_is_put_in_reading_order():
    # As a PDF lays Urdu out: words from left to right in the order they are seen, each
    # one's letters reversed, some in the shapes the font draws them in (U+FExx).
    read = "اگر آپ کی کمر میں 2 ہفتوں سے درد ہے تو GP سے ملیں"
    seen = " ".join(word[::-1] if not word.isascii() else word for word in read.split()[::-1])
    seen = seen.replace("ن", "\ufee6")  # noon in its final form
    assert logical_order(seen) == read
    assert logical_order("Call 999 now") == "Call 999 now", "left-to-right lines stay"
    mostly_english = "See your GP (ڈاکٹر) if the pain lasts more than two weeks"
    assert logical_order(mostly_english) == mostly_english
