"""Sheets saved as delimited text (CSV or TSV, as a spreadsheet's "Save as" writes them).

A sheet saved so has one record a line (a quoted cell may hold line breaks), every record
padded with empty cells to the sheet's width: ``Chin tucks,1,10,5,3x daily,"Sit tall",``.
Read line by line it is commas and quotes around text. :func:`read_spreadsheet` reads such
a text (most of its records of one width of three or more cells, many of them with empty
cells) as the plain text the text parser reads:

- a record with one filled cell is a line of its own, a paragraph or a heading;
- a header record (three or more short cells) and the records of two or more filled cells
  under it are a table, written as pipe lines;
- a short label before a text ("WARNINGS", "Do not use heat packs ...") heads that text
  and the texts in the records below it that leave the label's cell empty;
- an empty record ends a block.

Any other text is returned as it is.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter

#: Delimiters a sheet is saved with, most common first.
DELIMITERS = (",", "\t", ";")
#: Fewest records, and fewest cells a record, a text needs to be read as a sheet.
MIN_RECORDS = 5
MIN_WIDTH = 3
#: Share of the records that must have the sheet's width.
WIDTH_SHARE = 0.8
#: Share of the records that must have an empty cell (a sheet pads its rows; prose with
#: commas in it never leaves two of them side by side).
EMPTY_CELL_SHARE = 0.3
#: Most words in a header cell or in a label before a text.
HEADER_WORDS = 5

#: A cell that ends a sentence, which no column heading does.
_SENTENCE_END = re.compile(r"[.!?]['\")\]]?$")


def read_spreadsheet(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text of a sheet saved as delimited text, as plain text; nothing is dropped
    (the delimiters are no text). A text that is no sheet is returned as it is."""
    records = _records(text)
    if records is None:
        return text, []
    return "\n".join(_lines(records)) + "\n", []


def _records(text: str) -> list[list[str]] | None:
    """The records of ``text`` read with the delimiter that makes it a sheet, each
    without its trailing empty cells, or None."""
    if not any(delimiter in text for delimiter in DELIMITERS):
        return None
    for delimiter in DELIMITERS:
        if text.count(delimiter) < MIN_RECORDS * (MIN_WIDTH - 1):
            continue
        try:
            rows = list(csv.reader(io.StringIO(text), delimiter=delimiter, strict=True))
        except csv.Error:
            continue
        rows = [row for row in rows if row]  # a blank line between records
        if len(rows) < MIN_RECORDS:
            continue
        width, count = Counter(len(row) for row in rows).most_common(1)[0]
        if width < MIN_WIDTH or count < WIDTH_SHARE * len(rows):
            continue
        if sum(any(not cell.strip() for cell in row) for row in rows) < EMPTY_CELL_SHARE * len(
            rows
        ):
            continue
        records = []
        for row in rows:
            cells = [" ".join(cell.strip().split("\n")) for cell in row]
            while cells and not cells[-1]:
                cells.pop()
            records.append(cells)
        return records
    return None


def _is_header(cells: list[str]) -> bool:
    """Column headings: three or more filled cells side by side, each a few words and no
    sentence."""
    filled = [cell for cell in cells if cell]
    return (
        len(filled) >= MIN_WIDTH
        and len(filled) == len(cells)
        and all(_is_label(cell) for cell in filled)
    )


def _filled(cells: list[str]) -> list[str]:
    return [cell for cell in cells if cell]


def _lines(records: list[list[str]]) -> list[str]:
    lines: list[str] = []
    index = 0
    while index < len(records):
        cells = records[index]
        filled = _filled(cells)
        if not filled:
            lines.append("")
            index += 1
            continue
        if _is_header(cells) and index + 1 < len(records) and len(_filled(records[index + 1])) >= 2:
            index = _table(records, index, lines)
            continue
        if len(filled) > 1 and cells[0] and _is_label(cells[0]):
            # "WARNINGS","Do not use heat packs ...": the label heads its texts, and the
            # records below that leave its cell empty go on under it.
            lines.extend(["", cells[0], ""])
            lines.extend(line for cell in filled[1:] for line in (cell, ""))
            index += 1
            while index < len(records) and records[index] and not records[index][0]:
                if filled := _filled(records[index]):
                    lines.extend(line for cell in filled for line in (cell, ""))
                index += 1
            continue
        # One filled cell, or several that are no table's: each cell a line of its own.
        lines.extend(line for cell in filled for line in (cell, ""))
        index += 1
    return lines


def _is_label(cell: str) -> bool:
    return len(cell.split()) <= HEADER_WORDS and not _SENTENCE_END.search(cell)


def _table(records: list[list[str]], index: int, lines: list[str]) -> int:
    """Write the table whose header record is at ``index`` as pipe lines; the index of
    the first record after it."""
    head = records[index]
    rows = []
    index += 1
    while index < len(records) and len(_filled(records[index])) >= 2:
        rows.append(records[index])
        index += 1
    # A column may have no heading ("Exercise,Sets,Reps,"): the widest record sets it.
    width = max(len(row) for row in (head, *rows))
    head, *rows = (row + [""] * (width - len(row)) for row in (head, *rows))
    lines.append("")
    for row in (head, ["---"] * width, *rows):
        lines.append("| " + " | ".join(cell.replace("|", "/") for cell in row) + " |")
    lines.append("")
    return index
