"""Flashcard deck exports in plain text (Anki's "Notes in Plain Text").

Such a file opens with header lines (``#separator:tab``, ``#html:true``, ``#deck
column:2``, ``#tags column:5``) and then holds one note a line, its fields split by the
separator. The header, and the note type, deck path (``MedSchool::Y4::Haematology``),
tags (``haem::myeloma high-yield``) and id columns it names, are the deck's furniture:
:func:`read_flashcards` drops them and leaves each note's own fields, front then back, as
a paragraph of their own, line breaks (``<br>``) and cloze deletions (``{{c1::osteoclasts}}``
read as "osteoclasts") resolved and other markup removed.
"""

from __future__ import annotations

import csv
import html
import re

#: A header line of the export: "#separator:tab", "#deck column:2".
_HEADER = re.compile(r"#([a-z][a-z ]{1,30}+):([^\n]{0,80}+)")
#: Header keys only a flashcard export writes (at least two must open the file).
_EXPORT_KEYS = frozenset(
    {
        "separator",
        "html",
        "notetype",
        "deck",
        "tags",
        "columns",
        "guid column",
        "notetype column",
        "deck column",
        "tags column",
    }
)
#: The columns that hold the deck's furniture rather than a note's text.
_FURNITURE_COLUMNS = ("notetype column", "deck column", "tags column", "guid column")
_SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
#: A cloze deletion, its answer kept: "{{c1::osteoclasts}}", "{{c2::lytic::type}}".
_CLOZE = re.compile(r"\{\{c\d{1,3}::([^{}:]*+(?::(?!:)[^{}:]*+)*+)(?:::[^{}]*+)?\}\}")
_BREAK = re.compile(r"<br[ \t]*+/?>|</(?:div|p|li)>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>\n]{0,200}+>")

REASON = "chrome: flashcard export"


def read_flashcards(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The notes of a flashcard export as paragraphs, and what was dropped as
    ``(reason, text)`` pairs. A text that is no flashcard export is returned as it is."""
    lines = text.split("\n")
    header: dict[str, str] = {}
    dropped: list[tuple[str, str]] = []
    index = 0
    while index < len(lines):
        match = _HEADER.fullmatch(lines[index].strip())
        if not match or match.group(1).strip() not in _EXPORT_KEYS:
            break
        header[match.group(1).strip()] = match.group(2).strip()
        dropped.append((REASON, lines[index].strip()))
        index += 1
    if len(header) < 2:
        return text, []
    separator = header.get("separator", "tab")
    separator = _SEPARATORS.get(separator.lower(), separator[:1] or "\t")
    furniture = {
        int(header[key]) - 1 for key in _FURNITURE_COLUMNS if header.get(key, "").isdigit()
    }
    is_html = header.get("html", "").lower() != "false"
    seen: set[str] = set()
    notes = []
    for row in csv.reader(lines[index:], delimiter=separator):
        fields = []
        for column, field in enumerate(row):
            if column in furniture:
                if field.strip() and field.strip() not in seen:
                    seen.add(field.strip())
                    dropped.append((REASON, field.strip()))
                continue
            field = _note_text(field, is_html)
            if field:
                fields.append(field)
        if fields:
            notes.append(" ".join(fields))
    return "\n\n".join(notes) + "\n", dropped


def _note_text(field: str, is_html: bool) -> str:
    field = _CLOZE.sub(lambda match: match.group(1), field)
    if is_html:
        field = _TAG.sub("", _BREAK.sub("\n", field))
        field = html.unescape(field)
    return " ".join(line.strip() for line in field.split("\n") if line.strip())
