"""PDF documents built in memory for the tests: pages of lines of text in Helvetica, as a
word processor's "Save as PDF" writes a simple leaflet (one text object per line), with
a correct cross-reference table.

``pdf_document([["line", ...], ...], title=...)`` gives one page per list of lines. A
line may be ``(text, size)`` or ``(text, size, "bold")``: set in that size (11 points
otherwise), in Helvetica Bold; ``"left || right"`` sets a line in two columns, and
three or four parts set a table's row.
``compress=True`` deflates each page's content stream, as most PDFs do.
"""

from __future__ import annotations

import zlib

#: Points between lines, and where the first line of a page starts.
LEADING = 14
TOP = 800


def _escape(text: str) -> bytes:
    data = text.encode("cp1252")
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(lines) -> bytes:
    parts = [b"BT"]
    y = TOP
    for line in lines:
        text, size, weight = (line, 11, "") if isinstance(line, str) else (*line, "")[:3]
        font = b"F2" if weight == "bold" else b"F1"
        y -= max(LEADING, size + 3)
        # "left || right": a line in two columns, the right one from the page's middle;
        # more parts are a table's cells, spread across the page.
        cells = text.split(" || ")
        places = (72, 320) if len(cells) == 2 else (72, 190, 380, 470)
        for x, column in zip(places, cells, strict=False):
            parts.append(
                b"/%s %d Tf 1 0 0 1 %d %d Tm (%s) Tj" % (font, size, x, y, _escape(column))
            )
    parts.append(b"ET")
    return b"\n".join(parts)


def pdf_document(pages: list[list[str]], *, title: str = "", compress: bool = False) -> bytes:
    """The bytes of a PDF with one page per list of lines."""
    objects: list[bytes] = []  # object n is objects[n - 1]
    count = len(pages)
    # 1 catalog, 2 pages, 3 and 4 fonts, 5 info, then a page and its content for each.
    kids = " ".join(f"{6 + 2 * n} 0 R" for n in range(count))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
    for font in (b"Helvetica", b"Helvetica-Bold"):
        objects.append(
            b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % font
        )
    objects.append(b"<< /Title (%s) /Producer (tests) >>" % _escape(title))
    for n, lines in enumerate(pages):
        content = _content(lines)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
            b" /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>" % (7 + 2 * n)
        )
        if compress:
            content = zlib.compress(content)
            head = b"<< /Length %d /Filter /FlateDecode >>" % len(content)
        else:
            head = b"<< /Length %d >>" % len(content)
        objects.append(head + b"\nstream\n" + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
