"""Reference manager exports (RIS) read as the abstracts and notes they carry.

A reference manager (Zotero, EndNote, Mendeley) exports records as RIS: one tagged
line per field ("TY  - JOUR", "AU  - Lindqvist, Anna M.", "TI  - ...", "AB  - ..."),
each record closed by "ER  -". What a person reads is each record's title, its
abstract and its notes. :func:`read_ris` keeps those: the title (TI, T1 or, failing
them, the book or journal title) as a heading, the abstract (AB, N2) and notes (N1)
under it. Every other field (type, authors, journal, year, volume, pages, identifiers,
keywords, publisher, addresses) is recorded as dropped, as the record's details. A line
with no tag goes on with the field before it; between records it is kept as it is.

A text with fewer than :data:`RIS_RECORDS_MIN` records ("TY" lines with an "ER" line
after them) is returned as it is. Each line is read once: linear in the size of the text.
"""

from __future__ import annotations

import re

#: Why a record's other fields are recorded as dropped.
DETAILS_REASON = "chrome: reference details"

#: Fewest records that make a text an RIS export.
RIS_RECORDS_MIN = 2

#: A tagged line: two capitals or a capital and a digit, two spaces, a dash.
_TAGGED = re.compile(r"(?P<tag>[A-Z][A-Z0-9])  -(?: (?P<value>[^\n]*+))?")

#: Fields that name a record, in order of preference.
TITLE_TAGS = ("TI", "T1", "CT", "BT", "T2")
#: Fields holding what a person reads under the title.
TEXT_TAGS = frozenset({"AB", "N2", "N1"})


def read_ris(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The titles, abstracts and notes of an RIS export, and what was dropped as
    ``(reason, text)``; any other text unchanged."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    tags = [_TAGGED.fullmatch(line.strip("\ufeff \t")) for line in lines]
    starts = sum(1 for found in tags if found and found["tag"] == "TY")
    ends = sum(1 for found in tags if found and found["tag"] == "ER")
    if min(starts, ends) < RIS_RECORDS_MIN:
        return text, []
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    record: list[list[str]] = []  # [tag, value] pairs of the record being read
    for line, found in zip(lines, tags, strict=True):
        if found is None:
            if line.strip() and record:
                record[-1][1] = f"{record[-1][1]} {line.strip()}".strip()
            elif line.strip():
                kept.append(line)  # text between records is the file's own
            continue
        tag, value = found["tag"], (found["value"] or "").strip()
        if tag == "ER":
            _write(record, kept, dropped)
            record = []
            continue
        record.append([tag, value])
    _write(record, kept, dropped)
    return "\n".join(kept), dropped


def _write(record: list[list[str]], kept: list[str], dropped: list[tuple[str, str]]) -> None:
    """Add one record's title over its abstract and notes to ``kept``."""
    if not record:
        return
    fields: dict[str, list[str]] = {}
    for tag, value in record:
        fields.setdefault(tag, []).append(value)
    title_tag = next((tag for tag in TITLE_TAGS if fields.get(tag, [""])[0]), "")
    title = fields[title_tag][0] if title_tag else ""
    if title:
        kept.extend(["", title, "-" * len(title), ""])
    for tag, value in record:
        if tag in TEXT_TAGS and value:
            kept.extend([value, ""])
        elif value and not (tag == title_tag and value == title):
            dropped.append((DETAILS_REASON, f"{tag}  - {value}"))
        elif not value:
            dropped.append((DETAILS_REASON, f"{tag}  -"))
