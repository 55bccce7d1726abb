"""Loading a source: size limit, encodings, binaries, empty files and format sniffing."""

import hashlib
import io
import sys

import pytest

from back_health.importer.errors import ImportSourceError, NothingToImportError
from back_health.importer.load import load_source, sniff_format

LIMIT = 1024 * 1024
RUSSIAN = "Спазм мышц спины: причины и лечение. Боль проходит за несколько дней.\n"
WESTERN = "Crème brûlée, café au lait and the naïve Müller's façade: déjà vu.\n"


def load(data, name="article.txt", **kwargs):
    kwargs.setdefault("max_bytes", LIMIT)
    return load_source(data, name, **kwargs)


class CountingStream(io.RawIOBase):
    """A stream of endless text that records how much was asked of it."""

    def __init__(self):
        self.requested = []

    def readable(self):
        return True

    def read(self, size=-1):
        assert size is not None and size >= 0, "the loader must never read without a limit"
        self.requested.append(size)
        return b"a" * size


# --- encodings -------------------------------------------------------------------


def test_utf8_is_decoded_and_described():
    source = load("Back pain – what helps?\n".encode())
    assert source.text == "Back pain – what helps?\n"
    assert source.encoding == "utf-8"


def test_utf8_with_bom_loses_the_bom():
    source = load(b"\xef\xbb\xbf" + "Sciatica – overview\n".encode())
    assert source.text == "Sciatica – overview\n"
    assert source.encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(codec):
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
    source = load(bom + "Neck pain – stretches\n".encode(codec))
    assert source.text == "Neck pain – stretches\n"
    assert source.encoding.startswith("utf-16")


def test_utf16_without_bom_is_recognised_rather_than_called_binary():
    source = load("Lower back strain explained\n".encode("utf-16-le"))
    assert source.text == "Lower back strain explained\n"


def test_windows_1251_russian_is_decoded_as_cyrillic():
    source = load(RUSSIAN.encode("cp1251"))
    assert source.encoding == "cp1251"
    assert source.text == RUSSIAN


def test_windows_1252_accented_latin_is_decoded_as_western():
    source = load(WESTERN.encode("cp1252"))
    assert source.encoding == "cp1252"
    assert source.text == WESTERN


def test_windows_1252_curly_quotes_are_decoded_as_western():
    text = "It’s “worth” trying – really…\n"
    source = load(text.encode("cp1252"))
    assert source.text == text


def test_latin1_with_a_byte_windows_1252_lacks_falls_back_to_latin1():
    raw = "Café au lait".encode("latin-1") + b"\x81\n"
    source = load(raw)
    assert source.encoding == "latin-1"
    assert source.text.startswith("Café au lait")


def test_windows_line_endings_become_newlines():
    assert load(b"Title\r\n\r\nBody text.\r\n").text == "Title\n\nBody text.\n"


# --- binaries, empty sources, size -------------------------------------------------


@pytest.mark.parametrize(
    "raw, kind",
    [
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    ],
)
def test_known_binary_formats_are_rejected_by_name(raw, kind):
    with pytest.raises(ImportSourceError) as error:
        load(raw)
    assert kind in str(error.value)
    assert error.value.code == "binary"


def test_nul_bytes_mean_binary():
    with pytest.raises(ImportSourceError, match="binary"):
        load(b"Back pain\x00\x00\x01\x02 and more text" * 3)


def test_many_control_characters_mean_binary():
    raw = bytes(range(1, 9)) * 20 + b"some text"
    with pytest.raises(ImportSourceError, match="binary"):
        load(raw)


@pytest.mark.parametrize("raw", [b"", b"   \n\t\r\n  ", "\ufeff \n".encode()])
def test_empty_or_whitespace_only_is_nothing_to_import(raw):
    with pytest.raises(NothingToImportError) as error:
        load(raw)
    assert error.value.code == "empty"


def test_bytes_over_the_limit_are_refused():
    with pytest.raises(ImportSourceError) as error:
        load(b"x" * 101, max_bytes=100)
    assert error.value.code == "too_large"
    assert "100 bytes" in str(error.value)


def test_bytes_at_the_limit_are_accepted():
    assert load(b"x" * 100, max_bytes=100).bytes == 100


def test_a_stream_is_read_only_up_to_one_byte_past_the_limit():
    stream = CountingStream()
    with pytest.raises(ImportSourceError, match="larger than"):
        load(stream, max_bytes=64)
    assert stream.requested == [65]


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"y" * 2048)
    monkeypatch.setattr("pathlib.Path.open", lambda *a, **k: pytest.fail("file was opened"))
    with pytest.raises(ImportSourceError, match="huge.txt is larger than the limit of 1 KB"):
        load(path, max_bytes=1024)


def test_a_path_and_a_file_object_load_like_bytes(tmp_path):
    raw = b"# Sciatica\n\nPain down the leg.\n"
    path = tmp_path / "sciatica.md"
    path.write_bytes(raw)
    from_path = load(path, name="sciatica.md")
    from_file = load(io.BytesIO(raw), name="sciatica.md")
    assert from_path.text == from_file.text == raw.decode()
    assert from_path.sha256 == hashlib.sha256(raw).hexdigest() == from_file.sha256
    assert from_path.bytes == len(raw)


def test_a_missing_path_is_a_source_error(tmp_path):
    with pytest.raises(ImportSourceError, match="Cannot read missing.txt"):
        load(tmp_path / "missing.txt")


def test_error_messages_are_one_line():
    with pytest.raises(ImportSourceError) as error:
        load(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", name="photo.png")
    assert "\n" not in str(error.value)
    assert str(error.value).startswith("photo.png is a PNG image")


# --- format ------------------------------------------------------------------------


def test_a_whole_html_document_is_html_even_named_txt():
    source = load(b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", name="page.txt")
    assert source.format == "html"


def test_an_html_fragment_with_block_tags_is_html():
    assert sniff_format("<h2>Causes</h2>\n<p>One</p>\n<ul><li>Two</li></ul>") == "html"


def test_markdown_headings_and_links_are_markdown():
    text = "# Neck pain\n\nSee the [NHS](https://www.nhs.uk).\n\n## Causes\n\n- posture\n"
    assert sniff_format(text) == "markdown"


def test_setext_headings_with_emphasis_are_markdown():
    assert sniff_format("Neck pain\n=========\n\nIt is **common**.\n") == "markdown"


def test_plain_text_with_dash_lists_and_a_hash_number_stays_text():
    text = "Back pain\n\nCauses:\n- lifting\n- sitting\n\nPain # 8211, it hurts.\n"
    assert sniff_format(text) == "text"


@pytest.mark.parametrize(
    "name, expected",
    [("a.html", "html"), ("a.htm", "html"), ("a.md", "markdown"), ("a.markdown", "markdown")],
)
def test_the_file_extension_is_a_strong_hint(name, expected):
    assert load(b"Just a few words of text.", name=name).format == expected


def test_an_explicit_format_wins_and_aliases_are_accepted():
    assert load(b"# Title\n\nText", name="x.md", format="txt").format == "text"


def test_an_unknown_format_is_a_source_error():
    with pytest.raises(ImportSourceError, match="Unknown format 'pdf'"):
        load(b"text", format="pdf")


def test_a_declared_meta_charset_is_honoured():
    from back_health.importer.load import decode_bytes

    polish = "<html><head><meta charset='windows-1250'></head><body><p>Ból pleców mija.</p>"
    text, encoding = decode_bytes(polish.encode("cp1250"))
    assert "Ból pleców" in text and encoding == "cp1250"


def test_a_content_type_meta_charset_is_honoured():
    from back_health.importer.load import decode_bytes

    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
        "</head><body><p>Боль в спине обычно проходит.</p>"
    )
    text, _ = decode_bytes(page.encode("koi8-r"))
    assert "Боль в спине" in text


def test_a_declared_charset_that_does_not_decode_is_ignored():
    from back_health.importer.load import decode_bytes

    page = "<meta charset='ascii'><p>Rückenschmerzen vergehen meistens.</p>"
    text, _ = decode_bytes(page.encode("cp1252"))
    assert "Rückenschmerzen" in text


def test_legacy_encodings_without_a_declaration_are_detected():
    from back_health.importer.load import decode_bytes

    russian = "Боль в спине обычно проходит за несколько недель. Старайтесь двигаться. " * 3
    assert decode_bytes(russian.encode("koi8-r"))[0] == russian
    assert decode_bytes(russian.encode("cp1251"))[0] == russian


# --- RTF ----------------------------------------------------------------------------

RTF = (
    b"{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fnil Calibri;}}\r\n"
    b"{\\*\\generator Riched20 10.0}\\viewkind4\\uc1\r\n"
    b"\\pard\\b\\f0 Sciatica\\b0\\par\r\n"
    b"Sciatica is pain that runs down the leg caf\\'e9 \\u8217?s\\par\r\n"
    b"It usually gets better\r\nwithin six weeks.\\par\r\n}"
)


def test_an_rtf_document_is_read_as_its_text():
    source = load(RTF, name="leaflet.rtf")
    assert source.format == "text" and source.encoding == "rtf"
    assert "fonttbl" not in source.text and "Riched20" not in source.text
    assert "Sciatica\n\n" in source.text
    assert "caf\u00e9 \u2019s" in source.text
    assert "It usually gets better\nwithin six weeks." in source.text


def test_an_rtf_document_without_the_extra_is_refused_by_name(monkeypatch):
    monkeypatch.setitem(sys.modules, "striprtf.striprtf", None)
    with pytest.raises(ImportSourceError) as error:
        load(RTF, name="leaflet.rtf")
    assert "leaflet.rtf is an RTF document" in str(error.value)
    assert "'rtf' extra" in str(error.value)


# --- saved e-mail messages and quoted-printable text -----------------------------------

MESSAGE = (
    b'From: "Back Club" <news@backclub.example>\n'
    b"Subject: =?UTF-8?Q?Neck_news?=\n"
    b"MIME-Version: 1.0\n"
    b'Content-Type: multipart/alternative; boundary="XYZ"\n\n'
    b"--XYZ\n"
    b"Content-Type: text/plain; charset=UTF-8\n"
    b"Content-Transfer-Encoding: quoted-printable\n\n"
    b"Wry neck=E2=80=99s usual cause is sleeping awkwardly. Most people feel bet=\n"
    b"ter within a week.=20\n"
    b"--XYZ\n"
    b"Content-Type: text/html; charset=UTF-8\n\n"
    b"<p>Wry neck</p>\n"
    b"--XYZ--\n"
)


def test_a_saved_message_is_read_as_its_plain_text_body():
    source = load(MESSAGE, name="newsletter.eml")
    assert source.format == "text"
    assert source.text.startswith("Wry neck\u2019s usual cause is sleeping awkwardly.")
    assert "Most people feel better within a week." in source.text
    assert "Content-Type" not in source.text and "=E2" not in source.text


def test_quoted_printable_text_without_headers_is_decoded():
    raw = (
        b"Wry neck\n\nIt=E2=80=99s common. Most people feel bet=\nter within a week=E2=80=94"
        b"often sooner. The pain=\n eases with heat, and a warm sho=\nwer helps.\n"
    )
    text = load(raw).text
    assert "It\u2019s common. Most people feel better within a week\u2014often sooner." in text


def test_a_markdown_heading_underline_and_sums_are_not_quoted_printable():
    raw = b"Neck pain\n=========\n\nTake 1 tablet (x=10).\n\nRest\n====\n\nWalk=20 min.\n"
    assert load(raw, name="notes.md").text == raw.decode()
