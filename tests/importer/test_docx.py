"""Word documents (.docx) are read as the HTML they stand for, with the ``docx`` extra."""

from __future__ import annotations

import io
import sys
import zipfile

import pytest

from back_health.importer.docx import docx_text, is_docx
from back_health.importer.errors import ImportSourceError
from back_health.importer.load import load_source
from back_health.importer.pipeline import analyse
from tests.importer.word import word_document

pytest.importorskip("mammoth", reason="the 'docx' extra (mammoth) is not installed")

MB = 1024 * 1024

LEAFLET = [
    ("Title", "Facet joint pain"),
    ("Subtitle", "Information for patients"),
    (
        "p",
        "Facet joint pain comes from the small joints at the back of the spine. It "
        "usually follows **wear and tear** of those joints and gets better on its own.",
    ),
    ("picture", "A drawing of the joints of the spine"),
    ("Heading1", "Treatment"),
    (
        "p",
        "Most people get better with [physiotherapy](https://example.org/physio) and "
        "simple painkillers.",
    ),
    (
        "table",
        [
            ["Treatment", "What it involves"],
            ["Facet joint injection", "A steroid injection into the joint."],
            ["Radiofrequency denervation", "Heat applied to the nerve of the joint."],
        ],
    ),
    ("Heading1", "Exercises"),
    ("number", "Knee rolls: lie on your back and roll both knees to one side. Repeat 10 times."),
    ("number", "Pelvic tilt: flatten your lower back into the floor. Hold for 5 seconds."),
    ("Heading1", "When to get help"),
    ("p", "See a GP if the pain has not eased after 6 weeks."),
    ("IntenseQuote", "Call 999 if you lose control of your bladder or bowels."),
    ("bullet", "Keep moving gently."),
    ("bullet", "Take painkillers regularly for a few days."),
]


def load(data: bytes, name: str = "leaflet.docx", max_bytes: int = 5 * MB):
    return load_source(data, name, max_bytes=max_bytes)


def test_a_word_document_is_read_as_html_with_its_structure():
    source = load(word_document(LEAFLET, title="Facet joint leaflet"))
    assert source.format == "html" and source.encoding == "docx"
    page = source.text
    assert "<title>Facet joint leaflet</title>" in page, "the title from its properties"
    assert "<h1>Facet joint pain</h1>" in page, "Word's Title style is the heading"
    assert "<h1>Treatment</h1>" in page
    assert '<a href="https://example.org/physio">physiotherapy</a>' in page
    assert "<strong>wear and tear</strong>" in page
    assert "<ol><li>Knee rolls" in page and "<ul><li>Keep moving" in page
    assert "<table>" in page and "Radiofrequency denervation" in page
    assert "<blockquote>" in page, "Intense Quote is a quotation"
    assert "<img" not in page, "pictures are left out"


def test_a_word_document_becomes_pages_as_a_web_page_would():
    plan = analyse(word_document(LEAFLET), "leaflet.docx")
    main = plan.pages[0]
    assert main.title == "Facet joint pain"
    types = [block.type for block in main.blocks]
    assert "table" in types, "the Word table stays a table"
    exercises = next(block for block in main.blocks if block.type == "exercise_list")
    assert [e["name"] for e in exercises.value["exercises"]] == ["Knee rolls", "Pelvic tilt"]
    severities = {block.value["severity"] for block in main.blocks if block.type == "warning"}
    assert {"emergency", "see_doctor"} <= severities
    assert any('href="https://example.org/physio"' in str(block.value) for block in main.blocks)


def test_pictures_are_never_read():
    data = word_document(LEAFLET)
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as archive, zipfile.ZipFile(broken, "w") as out:
        for info in archive.infolist():
            content = archive.read(info)
            if info.filename.startswith("word/media/"):
                content = b"not a picture at all"
            out.writestr(info, content)
    text = load(broken.getvalue()).text
    assert "Facet joint pain" in text
    # Read, the bytes would be in the page as a data address.
    assert "base64" not in text and "bm90IGEgcGljdHVyZSBhdCBhbGw" not in text


def test_only_a_zip_with_a_word_body_is_a_word_document(tmp_path):
    data = word_document([("p", "Back pain is common.")])
    assert is_docx(data)
    path = tmp_path / "leaflet.docx"
    path.write_bytes(data)
    assert is_docx(path)
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("articles/one.md", "# One")
    assert not is_docx(other.getvalue())
    assert not is_docx(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportSourceError) as error:
        load(other.getvalue(), "articles.zip")
    assert "an Office document other than Word's .docx" in str(error.value)


def _with_part(name: str, content: bytes, compression=zipfile.ZIP_DEFLATED) -> bytes:
    data = word_document([("p", "Back pain is common.")])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as archive, zipfile.ZipFile(out, "w") as target:
        for info in archive.infolist():
            if info.filename != name:
                target.writestr(info, archive.read(info))
        target.writestr(name, content, compress_type=compression)
    return out.getvalue()


def test_a_document_type_declaration_is_refused():
    attack = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>"
    )
    with pytest.raises(ImportSourceError) as error:
        load(_with_part("word/document.xml", attack))
    assert error.value.code == "bad_document"
    assert "declares a document type" in str(error.value)


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    bomb = b"<w:document>" + b" " * (4 * MB) + b"</w:document>"
    with pytest.raises(ImportSourceError) as error:
        load(_with_part("word/document.xml", bomb))
    assert "possible zip bomb" in str(error.value)


def test_parts_that_unpack_past_the_limit_are_refused():
    data = word_document([("p", "Back pain is common. " * 200)])
    with pytest.raises(ImportSourceError) as error:
        load(data, max_bytes=len(data) // 10)
    assert error.value.code in {"too_large"}


def test_a_broken_word_document_is_a_clear_error():
    with pytest.raises(ImportSourceError) as error:
        load(_with_part("word/document.xml", b"<w:document><w:body>"))
    assert error.value.code == "bad_document"
    assert str(error.value).startswith("leaflet.docx is not a readable Word document")


def test_without_the_extra_a_word_document_is_refused_by_name(monkeypatch):
    monkeypatch.setitem(sys.modules, "mammoth", None)
    with pytest.raises(ImportSourceError) as error:
        docx_text(word_document([("p", "Back pain.")]), "leaflet.docx", max_bytes=MB)
    assert "leaflet.docx is a Word document" in str(error.value)
    assert "'docx' extra" in str(error.value)


def test_a_picture_left_out_is_recorded_as_dropped_with_its_description():
    from back_health.importer.docx import PICTURE_REASON

    assert load(word_document(LEAFLET)).dropped == [
        (PICTURE_REASON, "A drawing of the joints of the spine")
    ]
    plan = analyse(word_document(LEAFLET), "leaflet.docx")
    assert any(
        d.reason == PICTURE_REASON and d.text == "A drawing of the joints of the spine"
        for d in plan.dropped
    )
