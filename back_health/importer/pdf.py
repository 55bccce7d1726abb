"""PDF documents read as the text a printed page shows, with the optional ``pdf`` extra
(``pypdf``).

Clinics keep their leaflets as PDFs. ``pypdf`` gives each page's text laid out as it is
printed (``extraction_mode="layout"``): lines in reading order, a blank line where the
page leaves a gap, indentation kept. That is the text the plain-text parser already reads
for leaflets copied out of a PDF: running headers and footers, page numbers, hanging
list items and words broken across lines. Pages are joined by a form feed, as
``pdftotext`` joins them, so the parser knows where each page ends.

What this module adds:

- a document protected by a password is read when it opens without one (many are
  "encrypted" only against editing); otherwise it is refused with a message that says so;
- a document with no text layer (a scan) is refused as having nothing to import, with a
  message that says why;
- the text is never allowed past the size limit: pages are read one at a time and the
  reading stops there, and ``pypdf``'s own limits on what a compressed stream may unpack
  to stay in force.

Without the extra a PDF is refused with a message that says how to import it.
"""

from __future__ import annotations

import io
import logging

from .errors import ImportSourceError, NothingToImportError

#: Where a PDF starts (the header may follow a few bytes of junk).
PDF_SIGNATURE = b"%PDF-"

#: Bytes at the start of a file searched for the header.
_HEADER_WINDOW = 1024


def is_pdf(raw: bytes) -> bool:
    """Whether ``raw`` is a PDF: it opens with the header, or has it among its first bytes
    and the end-of-file marker at its end (a text quoting "%PDF-1.4" is no PDF)."""
    found = raw.find(PDF_SIGNATURE, 0, _HEADER_WINDOW)
    return found == 0 or (found > 0 and b"%%EOF" in raw[-_HEADER_WINDOW:])


def pdf_text(raw: bytes, name: str = "", *, max_bytes: int) -> str:
    """The text of a PDF's pages, laid out as printed and joined by form feeds. Raises
    :class:`ImportSourceError` for a document that cannot be read, when its text passes
    the size limit, or when the ``pdf`` extra is not installed."""
    label = name or "The source"
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:
        raise ImportSourceError(
            f"{label} is a PDF document. Install the 'pdf' extra "
            "(pip install wagtail-back-health[pdf]) to import PDFs, or save it as text "
            "or HTML.",
            code="binary",
        ) from exc
    # pypdf logs every oddity of a damaged file as a warning; the error below says enough.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportSourceError(
                f"{label} is a PDF protected by a password: save a copy without one first.",
                code="bad_document",
            )
        pages, size = [], 0
        for page in reader.pages:
            text = page.extract_text(extraction_mode="layout")
            size += len(text.encode("utf-8"))
            if size > max_bytes:
                raise ImportSourceError(
                    f"{label}: the text of the PDF is larger than the size limit of"
                    f" {max_bytes} bytes.",
                    code="too_large",
                )
            pages.append(text.rstrip())
    except ImportSourceError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as error:
        raise ImportSourceError(
            f"{label} is not a readable PDF: {type(error).__name__}:"
            f" {' '.join(str(error).split())}.",
            code="bad_document",
        ) from error
    text = "\n\f".join(pages)
    if not text.replace("\f", "").strip():
        raise NothingToImportError(
            f"{label} is a PDF without text (a scanned page?): there is nothing to read.",
            code="empty",
        )
    return text + "\n"
