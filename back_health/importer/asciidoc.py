"""AsciiDoc sources (handouts and documentation pages as Asciidoctor builds them) read as text.

An AsciiDoc source marks its structure with lines that, read as plain text, would be
printed: a document title ("= Coccydynia") with an author and a revision line under it,
attribute entries (":toc: left", ":leaflet-ref: PIL-0412") and their references
("{leaflet-ref}"), section titles ("== Exercises"), preprocessor directives
("ifdef::backend-pdf[]", "include::letterhead.adoc[]", "endif::[]"), comments ("// ..."
and "////" blocks), block attributes ("[cols="1,3"]", "[CAUTION]"), block titles
(".Sitting tips"), delimiters ("====", "----", "|==="), ordered items (". Sit on a wedge
cushion"), admonition paragraphs ("NOTE: ...") and inline marks ("*Pelvic tilt*").

:func:`read_asciidoc` turns such a text into the text it shows: the document title
becomes a title line underlined with "=", section and block titles headings underlined
with "-"; an admonition keeps its text after its name as a label ("Caution: ..."), as a
reStructuredText admonition does; ordered items are numbered, unordered ones bulleted;
a table's cells become a pipe table; attribute references are replaced by their values,
and link macros show their text. The header's author and revision lines, attribute
entries, directives, comments, block attributes and delimiters are dropped and recorded.
A text that does not open with a document title, or holds fewer than
:data:`ASCIIDOC_MARKS_MIN` lines of such markup, is returned as it is. Every step reads
each line once: linear in the size of the text.
"""

from __future__ import annotations

import re

from .rst import MARKUP_REASON

#: Fewest AsciiDoc lines (attribute entries, section titles, directives, block
#: attributes, table delimiters) that make a text an AsciiDoc source.
ASCIIDOC_MARKS_MIN = 4

#: The document title: "= Title" (one "=" and a space).
_DOCUMENT_TITLE = re.compile(r"=[ \t]++(?P<title>\S[^\n]*+)")
#: A section title: "== Title" to "====== Title".
_SECTION_TITLE = re.compile(r"={2,6}+[ \t]++(?P<title>\S[^\n]*?)(?:[ \t]++=++)?[ \t]*+")
#: An attribute entry: ":toc: left", ":sectnums:", ":!toc:".
_ATTRIBUTE = re.compile(r":!?(?P<name>\w[\w-]{0,40}+)!?:(?:[ \t]++(?P<value>[^\n]*+))?")
#: A preprocessor directive or block macro: "ifdef::env-web[]", "include::a.adoc[]",
#: "image::x.png[]", "toc::[]".
_DIRECTIVE = re.compile(r"[a-z]{2,20}+::[^\[\n]{0,300}+\[[^\n]*\]")
#: A block attribute line: "[cols="1,3",options="header"]", "[CAUTION]", "[source]".
_BLOCK_ATTRIBUTE = re.compile(r"\[[^\[\]\n]{1,300}+\]")
#: A block title: ".Sitting and sleeping tips" (a dot straight before a word).
_BLOCK_TITLE = re.compile(r"\.(?P<title>[^\s.][^\n]*+)")
#: A delimiter line of a block: "====", "----", "....", "****", "____", "++++", "--".
_DELIMITER = re.compile(r"(?:={4,}+|-{4,}+|\.{4,}+|\*{4,}+|_{4,}+|\+{4,}+|--|'{3,}+)")
#: An ordered item: ". text", ".. text".
_ORDERED = re.compile(r"(?P<dots>\.{1,5}+)[ \t]++(?P<text>\S[^\n]*+)")
#: An unordered item: "* text", "** text", "- text".
_UNORDERED = re.compile(r"(?:\*{1,5}+|-)[ \t]++(?P<text>\S[^\n]*+)")
#: An admonition paragraph: "NOTE: text".
_ADMONITION = re.compile(r"(?P<name>NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]++(?P<text>[^\n]*+)")
#: An admonition block's attribute: "[WARNING]".
_ADMONITION_BLOCK = re.compile(r"\[(?P<name>NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]")
#: A table cell's start in a row line: "|text".
_CELL = re.compile(r"(?:^|(?<=\s))[a-z0-9.+*^<>]{0,8}+\|")
#: An attribute reference: "{leaflet-ref}".
_REFERENCE = re.compile(r"\{(?P<name>\w[\w-]{0,40}+)\}")
#: A link macro or a URL with text: "link:url[text]", "https://x[text]", "<<id,text>>".
_LINK = re.compile(
    r"(?:link:|mailto:|https?://)[^\s\[]{0,300}+\[(?P<text>[^\]\n]{0,200}+)\]"
    r"|<<[^,>\n]{1,80}+,(?P<xref>[^>\n]{1,200}+)>>"
)
#: Bold, italic and monospace marks: "*word*", "_word_", "`word`" (doubled or not).
_MARKED = re.compile(
    r"(?<![\w*_`])(?P<mark>\*\*|__|``|[*_`])(?P<text>[^\s*_`](?:[^*_`\n]{0,200}?[^\s*_`])?)"
    r"(?P=mark)(?![\w*_`])"
)
#: A hard line break at a line's end: " +".
_HARD_BREAK = re.compile(r"(?m)[ \t]\+$")
#: An inline anchor: "[[id]]", "[#id]".
_ANCHOR = re.compile(r"\[\[[\w:.-]{1,80}+\]\]")
_REPLACEMENTS = (("(C)", "\u00a9"), ("(R)", "\u00ae"), ("(TM)", "\u2122"))


def _asciidoc_marks(lines: list[str]) -> int:
    marks = 0
    for line in lines:
        stripped = line.rstrip()
        if (
            _SECTION_TITLE.fullmatch(stripped)
            or _ATTRIBUTE.fullmatch(stripped)
            or _DIRECTIVE.fullmatch(stripped)
            or stripped == "|==="
            or _ADMONITION_BLOCK.fullmatch(stripped)
        ):
            marks += 1
            if marks >= ASCIIDOC_MARKS_MIN:
                break
    return marks


def is_asciidoc(text: str) -> bool:
    """Whether ``text`` opens with a document title ("= Title") and holds at least
    :data:`ASCIIDOC_MARKS_MIN` lines of AsciiDoc markup."""
    first = text.lstrip("\ufeff\n").split("\n", 1)[0].rstrip()
    if not _DOCUMENT_TITLE.fullmatch(first) or first.startswith("=="):
        return False
    return _asciidoc_marks(text.split("\n")) >= ASCIIDOC_MARKS_MIN


def _table_lines(rows: list[str], header: bool) -> list[str]:
    """A table's row lines, stripped ("|Sitting |Sit with ...", perhaps one cell a line),
    as pipe lines: the first row gives the number of columns."""
    cells: list[str] = []
    width = 0
    for row in rows:
        if not _CELL.match(row):
            if cells:  # a cell's text running on to the next line
                cells[-1] = f"{cells[-1]} {row}"
            continue
        found = [part.strip() for part in _CELL.split(row)[1:]]
        if not width and found:
            width = len(found)
        cells.extend(found)
    if not width:
        return []
    rows = [cells[start : start + width] for start in range(0, len(cells), width)]
    if not header:
        rows.insert(0, [""] * width)  # no header row: an empty one, as pipe tables need
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    lines.insert(1, "|" + "---|" * width)
    return lines


def read_asciidoc(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text an AsciiDoc source shows, and what was dropped as ``(reason, text)``;
    any other text unchanged."""
    if not is_asciidoc(text):
        return text, []
    lines = text.lstrip("\ufeff\n").replace("\r\n", "\n").split("\n")
    dropped: list[tuple[str, str]] = []
    attributes: dict[str, str] = {}
    title = _DOCUMENT_TITLE.fullmatch(lines[0].rstrip()).group("title").strip()
    kept: list[str] = [title, "=" * len(title), ""]
    index = 1
    # The header: the author and revision lines under the title, then attribute entries,
    # up to the first blank line.
    while index < len(lines) and lines[index].strip():
        line = lines[index].strip()
        if entry := _ATTRIBUTE.fullmatch(line):
            attributes[entry.group("name")] = (entry.group("value") or "").strip()
            dropped.append((MARKUP_REASON, line))
        else:
            dropped.append(("chrome: byline", line))
        index += 1
    pending_admonition = ""
    number = 0
    table: list[str] | None = None
    table_header = False
    comment_block = False
    for line in lines[index:]:
        stripped = line.strip()
        ordered = None
        if comment_block:
            dropped.append((MARKUP_REASON, stripped))
            comment_block = stripped != "////"
            continue
        if stripped == "////":
            comment_block = True
            dropped.append((MARKUP_REASON, stripped))
            continue
        if table is not None:
            if stripped == "|===":
                kept.extend(["", *_table_lines(table, table_header), ""])
                table = None
                dropped.append((MARKUP_REASON, stripped))
            elif stripped:
                table.append(stripped)
            continue
        if stripped == "|===":
            table = []
            dropped.append((MARKUP_REASON, stripped))
            continue
        if stripped.startswith("//") and not stripped.startswith("///"):
            dropped.append((MARKUP_REASON, stripped))
            continue
        if entry := _ATTRIBUTE.fullmatch(stripped):
            attributes[entry.group("name")] = (entry.group("value") or "").strip()
            dropped.append((MARKUP_REASON, stripped))
            continue
        if _DIRECTIVE.fullmatch(stripped) or _DELIMITER.fullmatch(stripped):
            dropped.append((MARKUP_REASON, stripped))
            continue
        if admonition := _ADMONITION_BLOCK.fullmatch(stripped):
            pending_admonition = admonition.group("name").capitalize()
            dropped.append((MARKUP_REASON, stripped))
            continue
        if _BLOCK_ATTRIBUTE.fullmatch(stripped):
            table_header = "header" in stripped
            dropped.append((MARKUP_REASON, stripped))
            continue
        if section := _SECTION_TITLE.fullmatch(stripped):
            heading = section.group("title")
            kept.extend(["", heading, "-" * len(heading), ""])
            number = 0
            continue
        if (block_title := _BLOCK_TITLE.fullmatch(stripped)) and not _ORDERED.fullmatch(stripped):
            heading = block_title.group("title")
            kept.extend(["", heading, "-" * len(heading), ""])
            continue
        if pending_admonition and stripped:
            line = f"{pending_admonition}: {stripped}"
            pending_admonition = ""
        elif admonition := _ADMONITION.fullmatch(stripped):
            line = f"{admonition.group('name').capitalize()}: {admonition.group('text')}"
        elif ordered := _ORDERED.fullmatch(stripped):
            number += 1
            line = f"{'   ' * (len(ordered.group('dots')) - 1)}{number}. {ordered.group('text')}"
        elif unordered := _UNORDERED.fullmatch(stripped):
            line = f"- {unordered.group('text')}"
        if stripped and not ordered:
            number = 0  # a list's numbers start again after anything else
        kept.append(line)
    if table is not None:  # a table never closed: its rows are text after all
        kept.extend(table)
    shown = "\n".join(kept)
    shown = _REFERENCE.sub(lambda m: attributes.get(m.group("name"), m.group(0)), shown)
    shown = _LINK.sub(lambda m: m.group("text") or m.group("xref") or "", shown)
    shown = _ANCHOR.sub("", _HARD_BREAK.sub("", shown))
    for written, shown_as in _REPLACEMENTS:
        shown = shown.replace(written, shown_as)
    return _MARKED.sub(r"\g<text>", shown), dropped
