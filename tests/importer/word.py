"""Word documents (.docx) built in memory for the tests, as Word writes them: a ZIP of
XML parts with styles, numbering for lists, tables, hyperlinks and document properties.

``word_document(blocks, title=...)`` takes blocks as tuples:

- ``("Title", text)``, ``("Heading1", text)`` ... any paragraph style of :data:`STYLES`;
- ``("p", text)``: a Normal paragraph;
- ``("bullet", text)`` / ``("bullet", text, level)`` and ``("number", text)``: list items;
- ``("table", [[cell, ...], ...])``: a table, the first row its header;
- ``("picture", alt)``: an inline picture with alternative text.

In any text, ``**bold**`` is a bold run and ``[words](https://...)`` a hyperlink.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

#: Paragraph styles: style id -> the name Word shows.
STYLES = {
    "Normal": "Normal",
    "Title": "Title",
    "Subtitle": "Subtitle",
    "Heading1": "heading 1",
    "Heading2": "heading 2",
    "Heading3": "heading 3",
    "ListParagraph": "List Paragraph",
    "Quote": "Quote",
    "IntenseQuote": "Intense Quote",
}

_INLINE = re.compile(r"\*\*(.+?)\*\*|\[([^\]]+)\]\((https?://[^)\s]+)\)")

# A 1x1 PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


class _Builder:
    def __init__(self):
        self.links: list[str] = []
        self.pictures = 0

    def runs(self, text: str) -> str:
        out, at = [], 0
        for match in _INLINE.finditer(text):
            out.append(self.run(text[at : match.start()]))
            if match.group(1) is not None:
                out.append(self.run(match.group(1), bold=True))
            else:
                self.links.append(match.group(3))
                rid = f"rIdLink{len(self.links)}"
                out.append(f'<w:hyperlink r:id="{rid}">{self.run(match.group(2))}</w:hyperlink>')
            at = match.end()
        out.append(self.run(text[at:]))
        return "".join(out)

    @staticmethod
    def run(text: str, bold: bool = False) -> str:
        if not text:
            return ""
        props = "<w:rPr><w:b/></w:rPr>" if bold else ""
        return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'

    def paragraph(self, text: str, style: str = "", numbering: tuple[int, int] | None = None):
        props = f'<w:pStyle w:val="{style}"/>' if style else ""
        if numbering:
            num, level = numbering
            props += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
        props = f"<w:pPr>{props}</w:pPr>" if props else ""
        return f"<w:p>{props}{self.runs(text)}</w:p>"

    def picture(self, alt: str) -> str:
        self.pictures += 1
        return (
            "<w:p><w:r><w:drawing><wp:inline>"
            f'<wp:docPr id="{self.pictures}" name="Picture {self.pictures}" descr="{escape(alt)}"/>'
            "<a:graphic><a:graphicData><pic:pic><pic:blipFill>"
            f'<a:blip r:embed="rIdPicture{self.pictures}"/>'
            "</pic:blipFill></pic:pic></a:graphicData></a:graphic>"
            "</wp:inline></w:drawing></w:r></w:p>"
        )

    def table(self, rows) -> str:
        cells = "".join(
            "<w:tr>" + "".join(f"<w:tc>{self.paragraph(cell)}</w:tc>" for cell in row) + "</w:tr>"
            for row in rows
        )
        return f"<w:tbl>{cells}</w:tbl>"

    def block(self, block) -> str:
        kind, value = block[0], block[1]
        if kind == "p":
            return self.paragraph(value)
        if kind == "bullet":
            return self.paragraph(value, "ListParagraph", (1, block[2] if len(block) > 2 else 0))
        if kind == "number":
            return self.paragraph(value, "ListParagraph", (2, block[2] if len(block) > 2 else 0))
        if kind == "table":
            return self.table(value)
        if kind == "picture":
            return self.picture(value)
        if kind in STYLES:
            return self.paragraph(value, kind)
        raise ValueError(f"unknown block {kind!r}")


def _styles() -> str:
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/></w:style>'
        for sid, name in STYLES.items()
    )
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    return f'{head}<w:styles xmlns:w="{W}">{styles}</w:styles>'


def _numbering() -> str:
    def abstract(number: int, fmt: str) -> str:
        levels = "".join(
            f'<w:lvl w:ilvl="{level}"><w:numFmt w:val="{fmt}"/></w:lvl>' for level in range(3)
        )
        return f'<w:abstractNum w:abstractNumId="{number}">{levels}</w:abstractNum>'

    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">'
        + abstract(0, "bullet")
        + abstract(1, "decimal")
        + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        + '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        + "</w:numbering>"
    )


def word_document(
    blocks,
    *,
    title: str = "",
    extra_parts: dict[str, bytes] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """The bytes of a .docx holding ``blocks`` (see the module's docstring); with
    ``compression=zipfile.ZIP_STORED`` its size is about its XML's."""
    builder = _Builder()
    body = "".join(builder.block(block) for block in blocks)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"'
        ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        ' xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f"<w:body>{body}</w:body></w:document>"
    )
    relations = [
        f'<Relationship Id="rIdStyles" Type="{REL}/styles" Target="styles.xml"/>',
        f'<Relationship Id="rIdNumbering" Type="{REL}/numbering" Target="numbering.xml"/>',
    ]
    relations += [
        f'<Relationship Id="rIdLink{n}" Type="{REL}/hyperlink" Target="{escape(url)}"'
        ' TargetMode="External"/>'
        for n, url in enumerate(builder.links, 1)
    ]
    relations += [
        f'<Relationship Id="rIdPicture{n}" Type="{REL}/image" Target="media/image{n}.png"/>'
        for n in range(1, builder.pictures + 1)
    ]
    package = "application/vnd.openxmlformats-package"
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default Extension="rels" ContentType="{package}.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="png" ContentType="image/png"/>'
        f'<Override PartName="/word/document.xml" ContentType="{main}"/>'
        "</Types>"
    )
    package_relations = (
        f'<Relationships xmlns="{PACKAGE_REL}">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
        f'<Relationship Id="rId2" Type="{PACKAGE_REL}/metadata/core-properties"'
        ' Target="docProps/core.xml"/>'
        "</Relationships>"
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        "<cp:coreProperties"
        ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">'
        + (f"<dc:title>{escape(title)}</dc:title>" if title else "")
        + "</cp:coreProperties>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", package_relations)
        archive.writestr("docProps/core.xml", core)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/styles.xml", _styles())
        archive.writestr("word/numbering.xml", _numbering())
        archive.writestr(
            "word/_rels/document.xml.rels",
            f'<Relationships xmlns="{PACKAGE_REL}">{"".join(relations)}</Relationships>',
        )
        for n in range(1, builder.pictures + 1):
            archive.writestr(f"word/media/image{n}.png", PNG)
        for part, data in (extra_parts or {}).items():
            archive.writestr(part, data)
    return out.getvalue()
