"""Word documents (``.docx``) read as the HTML they stand for, with the optional ``docx``
extra (``mammoth``).

Clinics keep their leaflets in Word. ``mammoth`` reads what a document means rather than
how it looks: Word's heading styles become ``<h1>`` to ``<h6>``, numbered and bulleted
paragraphs become lists (nested as they are in Word), tables stay tables, and bold,
italic and links are kept. The HTML then goes through the same parser and rules as a
saved web page. What this module adds:

- the checks a ZIP archive from outside needs before anything is read from it: an
  encrypted part, XML parts that unpack to more than the size limit in all (the XML is
  what costs time and memory to read: about 1.5 s and 55 MB per MB), or that are
  compressed more than :data:`MAX_COMPRESSION_RATIO` to one (a zip bomb), and XML with
  a document type declaration (Word never writes one; it is how entity expansion
  attacks start) are refused with a message that names them;
- the styles Word documents use that are not headings by name: ``Title`` is the
  document's heading, ``Subtitle`` a paragraph under it, ``Quote`` and ``Intense Quote``
  quotations;
- pictures are left out, as they are from a web page: a picture's bytes are never
  read, so a document of 5 MB of photographs costs nothing to import; each is recorded
  as dropped with its description (alternative text), so an editor sees what was left;
- the document's title from its properties (``docProps/core.xml``), when the author set
  one, is the HTML's ``<title>``: one more candidate for the subject, as a web page's.

Without the extra a Word document is refused with a message that says how to import it.
"""

from __future__ import annotations

import html
import io
import os
import re
import zipfile

from .errors import ImportSourceError

#: Where a ZIP archive (and so a Word document) starts.
ZIP_SIGNATURE = b"PK\x03\x04"

#: The part every Word document has.
DOCUMENT_PART = "word/document.xml"

#: A part compressed more than this to one is refused as a possible zip bomb (XML
#: compresses well: a real document's text part is about 5 to 15 to one).
MAX_COMPRESSION_RATIO = 100

#: Bytes of each XML part looked at for a document type declaration (it comes before
#: the root element).
_DECLARATION_WINDOW = 2048

#: Word's styles that name what a paragraph is, beyond the headings ``mammoth`` knows.
STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name='Subtitle'] => p:fresh
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
"""

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)
_CORE_TITLE = re.compile(rb"<dc:title>([^<]{1,300})</dc:title>")


def is_docx(source: bytes | os.PathLike) -> bool:
    """Whether ``source`` (bytes, or the path of a file) is a Word document: a ZIP archive
    holding ``word/document.xml``. Only the archive's directory is read."""
    if isinstance(source, bytes):
        if not source.startswith(ZIP_SIGNATURE):
            return False
        source = io.BytesIO(source)
    try:
        with zipfile.ZipFile(source) as archive:
            archive.getinfo(DOCUMENT_PART)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return False
    return True


#: The reason a picture left out of a Word document is recorded as dropped.
PICTURE_REASON = "picture (not imported)"


def docx_text(raw: bytes, name: str = "", *, max_bytes: int) -> tuple[str, list[tuple[str, str]]]:
    """The HTML a Word document stands for (a whole page, its title from the document's
    properties), and the pictures left out as ``(reason, description)``. Raises
    :class:`ImportSourceError` for a document that cannot or must not be read, or when
    the ``docx`` extra is not installed."""
    label = name or "The source"
    try:
        import mammoth
    except ImportError as exc:
        raise ImportSourceError(
            f"{label} is a Word document. Install the 'docx' extra "
            "(pip install wagtail-back-health[docx]) to import Word documents, or save it "
            "as a web page (.html) or text.",
            code="binary",
        ) from exc
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ImportSourceError(
            f"{label} is not a readable Word document: {error}.", code="bad_document"
        ) from error
    with archive:
        check_parts(archive, label, max_bytes=max_bytes)
        title = _core_title(archive)
    pictures: list[tuple[str, str]] = []

    def no_picture(image) -> list:
        # Nothing for a picture (``mammoth`` asks for the HTML nodes it becomes); what
        # it showed, by its alternative text, is recorded.
        described = " ".join(str(getattr(image, "alt_text", "") or "").split())
        pictures.append((PICTURE_REASON, described or "a picture without a description"))
        return []

    try:
        result = mammoth.convert_to_html(
            io.BytesIO(raw),
            style_map=STYLE_MAP,
            convert_image=no_picture,
        )
    except Exception as error:  # noqa: BLE001 - a broken part of any kind is bad input
        raise ImportSourceError(
            f"{label} is not a readable Word document: {type(error).__name__}:"
            f" {' '.join(str(error).split())}.",
            code="bad_document",
        ) from error
    body = result.value
    head = f"<title>{html.escape(title)}</title>" if title else ""
    page = f"<!DOCTYPE html>\n<html><head>{head}</head><body>\n{body}\n</body></html>\n"
    return page, pictures


def check_parts(archive: zipfile.ZipFile, label: str, *, max_bytes: int) -> None:
    """Refuse an archive whose XML parts are encrypted, unpack to too much, are
    compressed suspiciously well or declare a document type."""
    unpacked = 0
    for info in archive.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue  # pictures and fonts are never read
        if info.flag_bits & 0x1:
            raise ImportSourceError(
                f"{label} is an encrypted Word document: save it without a password first.",
                code="bad_document",
            )
        if info.file_size > 1024 and info.file_size > MAX_COMPRESSION_RATIO * max(
            info.compress_size, 1
        ):
            raise ImportSourceError(
                f"{label}: {info.filename} is compressed more than {MAX_COMPRESSION_RATIO}"
                " to 1, refused as a possible zip bomb.",
                code="bad_document",
            )
        unpacked += info.file_size
        if unpacked > max_bytes:
            raise ImportSourceError(
                f"{label}: the text of the Word document unpacks to more than the size"
                f" limit of {max_bytes} bytes.",
                code="too_large",
            )
        with archive.open(info) as part:
            if _DOCTYPE.search(part.read(_DECLARATION_WINDOW)):
                raise ImportSourceError(
                    f"{label}: {info.filename} declares a document type, which Word never"
                    " writes; refused.",
                    code="bad_document",
                )


def _core_title(archive: zipfile.ZipFile) -> str:
    """The title the document's properties give, or ""."""
    try:
        with archive.open("docProps/core.xml") as part:
            found = _CORE_TITLE.search(part.read(64 * 1024))
    except KeyError:
        return ""
    if not found:
        return ""
    return html.unescape(found.group(1).decode("utf-8", "replace")).strip()
