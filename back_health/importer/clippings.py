"""An e-reader's clippings file read as the passages a reader marked.

A Kindle keeps what its reader highlights in one text file ("My Clippings.txt"): each
clipping is the book's title and author, a line of details ("- Your Highlight on page
12 | Location 171-174 | Added on Sunday, 9 February 2025 21:14:07"), a blank line, the
passage, and a line of ten "=" closing it. :func:`read_clippings` keeps the highlighted
passages, in order, one paragraph each. The books' titles, the details lines, the
reader's own notes and empty bookmarks are recorded as dropped: they are the file's
furniture and the reader's jottings, not the books' text. A passage highlighted twice
is kept once, and one highlighted again a little longer ("... at all." then "... at
all. A scan report is ...") is kept as its longer form.

A text with fewer than :data:`CLIPPINGS_MIN` closing lines, or whose clippings do not
open with a title and a details line, is returned as it is. Each line is read once and
each passage compared with the one before it only: linear in the size of the text.
"""

from __future__ import annotations

import re

#: Fewest clippings that make a text a clippings file.
CLIPPINGS_MIN = 2

#: The line closing each clipping.
SEPARATOR = "=" * 10

#: Why each part of a clipping is recorded as dropped.
TITLE_REASON = "chrome: book title"
DETAILS_REASON = "chrome: clipping details"
NOTE_REASON = "chrome: reader's note"

#: A clipping's details line: "- Your Highlight on page 12 | Location 171-174 | ...".
_DETAILS = re.compile(r"-[ \t]++(?P<what>[^|\n]{1,80}+)(?:\|[^\n]*+)?")
#: Words of a details line that mark the reader's own note or a bookmark.
_NOTE = re.compile(r"\b(?:note|bookmark)\b", re.IGNORECASE)


def read_clippings(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The passages of a clippings file, and what was dropped as ``(reason, text)``; any
    other text unchanged."""
    if text.count(SEPARATOR) < CLIPPINGS_MIN:
        return text, []
    clippings = [
        part.strip("\ufeff\r\n").split("\n")
        for part in text.replace("\r\n", "\n").split("\n" + SEPARATOR)
    ]
    if clippings and not "".join(clippings[-1]).strip("= \t"):
        clippings.pop()  # after the last closing line
    if len(clippings) < CLIPPINGS_MIN or not all(_is_clipping(lines) for lines in clippings):
        return text, []
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    titles: set[str] = set()
    seen: set[str] = set()
    previous = ("", -1)  # the book and the place in ``kept`` of its last passage
    for lines in clippings:
        title, details = lines[0].strip("\ufeff \t"), lines[1].strip()
        passage = " ".join(line.strip() for line in lines[2:] if line.strip())
        if title not in titles:
            titles.add(title)
            dropped.append((TITLE_REASON, title))
        dropped.append((DETAILS_REASON, details))
        if not passage:
            continue
        if _NOTE.search(_DETAILS.fullmatch(details).group("what")):
            dropped.append((NOTE_REASON, passage))
            continue
        if passage in seen:
            continue
        book, place = previous
        if book == title and place >= 0 and (kept[place] in passage or passage in kept[place]):
            # Highlighted again, a little more or less of it: one passage, the longer.
            seen.add(passage)
            kept[place] = max(kept[place], passage, key=len)
            continue
        seen.add(passage)
        kept.append(passage)
        previous = (title, len(kept) - 1)
    return "\n\n".join(kept) + "\n", dropped


def _is_clipping(lines: list[str]) -> bool:
    """Whether ``lines`` open with a title line and a details line."""
    return (
        len(lines) >= 2
        and bool(lines[0].strip("\ufeff \t"))
        and _DETAILS.fullmatch(lines[1].strip()) is not None
    )
