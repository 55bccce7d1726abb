"""Screenplays written in Fountain, read as what is said.

Fountain (https://fountain.io) is the plain-text screenplay format that writing apps
(Highland, Slugline, Beat, Final Draft's import) read and write. A patient video or an
advert is often scripted in it. Its elements are told apart by their shape:

- a **title page** of ``Key: value`` lines opening the file ("Title:", "Credit:",
  "Author:", "Source:", "Draft date:", "Contact:"), up to the first blank line;
- **scene headings** ("INT. PHYSIO ROOM - DAY", "EXT. CAR PARK", or any line forced
  with a leading "."), **transitions** ("CUT TO:", "FADE IN:", "> FADE OUT"), and
  **centred** lines ("> THE END <");
- a **character** cue: a line in capitals (with an extension such as "(V.O.)" or
  "(CONT'D)", or forced with "@") after a blank line and right over the **dialogue**,
  which may hold **parentheticals** ("(gently)") on lines of their own;
- **action**: any other paragraph, describing what is seen;
- **notes** ("[[ ... ]]"), the **boneyard** ("/* ... */", text cut from the script),
  **sections** ("# Act one") and **synopses** ("= ...") the writer keeps for
  themselves, and page breaks ("===").

What the audience hears is the dialogue. :func:`read_fountain` keeps the title page's
title as the heading and each speech as a paragraph, and records everything else as
dropped: the rest of the title page, headings, transitions, cues, parentheticals,
action, notes and the boneyard. A line saying what is shown on screen ("SUPER: ...")
is dropped as :mod:`.script` drops it.

A text is read as Fountain only when it opens with a title page naming its title and
holds a scene heading (or a transition) and a character cue over dialogue, or holds
:data:`SCENE_HEADINGS_MIN` scene headings and as many cues; any other text (prose
under "Title:" and "Author:" lines, a radio script whose speakers are labels before a
colon) is returned as it is. Every line is read once: linear in the size of the text.
"""

from __future__ import annotations

import re

from .script import REASON, is_direction_line

#: Why a title page's details are recorded as dropped.
TITLE_PAGE_REASON = "chrome: title page"
#: Why notes and the boneyard are recorded as dropped.
NOTE_REASON = "chrome: script note"

#: Fewest scene headings (and character cues) that make a text without a title page
#: a screenplay.
SCENE_HEADINGS_MIN = 2

#: A title page's key: "Title:", "Draft date:", "Contact:".
_TITLE_KEY = re.compile(
    r"(?P<key>Title|Credit|Authors?|Source|Draft[ \t]date|Date|Contact|Copyright|Notes|"
    r"Revision|Episode|Series)[ \t]*+:(?P<value>[^\n]*+)",
    re.IGNORECASE,
)
#: A scene heading, or a line forced to be one with a leading dot.
_SCENE = re.compile(
    r"(?:(?:INT|EXT|EST|INT\./EXT|INT/EXT|I/E)[. ][^\n]*+|\.(?![.\s])[^\n]*+)", re.IGNORECASE
)
#: A transition: a line in capitals ending in "TO:", the usual fades, or forced with ">".
_TRANSITION = re.compile(
    r"(?:[A-Z][A-Z ]*+TO:|FADE IN:|FADE OUT\.?|FADE TO BLACK\.?|CUT TO BLACK\.?|"
    r">[^<\n]*+)[ \t]*+"
)
#: A centred line: "> THE END <".
_CENTRED = re.compile(r">[^\n]*+<[ \t]*+")
#: A character cue: a name in capitals with an extension, or any name forced with "@".
_CUE = re.compile(
    r"(?:@[^\n(]++|[A-Z][A-Z0-9 .'\u2019-]{0,40}+)(?:\((?:[^()\n]{1,20}+)\))?[ \t]*+\^?[ \t]*+"
)
#: A parenthetical: how a line of dialogue is said, on a line of its own.
_PARENTHETICAL = re.compile(r"\([^()\n]{1,120}+\)[ \t]*+")
#: Notes and the boneyard, which may run over lines.
_NOTE = re.compile(r"\[\[[^\]]{0,2000}+\]\]|/\*(?:[^*]|\*(?!/)){0,4000}+\*/")
#: What the writer keeps for themselves: page breaks, sections and synopses.
_WRITERS_OWN = re.compile(r"={3,}+[ \t]*+|#{1,6}+[ \t][^\n]*+|=(?!=)[^\n]*+")


def read_fountain(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A Fountain screenplay as its title and what is said, and what was dropped as
    ``(reason, text)`` pairs; any other text unchanged."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title, details, start = _title_page(lines)
    if not _looks_like_a_screenplay(lines, titled=bool(title)):
        return text, []
    dropped: list[tuple[str, str]] = [(TITLE_PAGE_REASON, line) for line in details]
    body = "\n".join(lines[start:])
    if "[[" in body or "/*" in body:
        dropped.extend((NOTE_REASON, " ".join(m.group(0).split())) for m in _NOTE.finditer(body))
        body = _NOTE.sub("", body)
    kept: list[str] = [title, "=" * len(title), ""] if title else []
    for block in _blocks(body.split("\n")):
        kept.extend(_read_block(block, dropped))
    return "\n".join(kept), dropped


def _title_page(lines: list[str]) -> tuple[str, list[str], int]:
    """The title page's title, its other lines, and the index of the first line after it;
    ``("", [], 0)`` when the text opens with no title page naming its title."""
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    title = ""
    details: list[str] = []
    index = first
    while index < len(lines) and lines[index].strip():
        line = lines[index]
        found = _TITLE_KEY.fullmatch(line.strip())
        if found is None and not line[:1].isspace():
            return "", [], 0  # a line of text: no title page
        if found is not None and found["key"].lower() == "title" and not title:
            title = found["value"].strip()
            # A value may go on, indented, on the lines after its key.
            while index + 1 < len(lines) and lines[index + 1][:1].isspace() and not title:
                index += 1
                title = lines[index].strip()
        else:
            details.append(line.strip())
        index += 1
    if not title:
        return "", [], 0
    return " ".join(title.replace("_", " ").replace("*", " ").split()), details, index


def _looks_like_a_screenplay(lines: list[str], titled: bool) -> bool:
    """Whether the text has a screenplay's scenes and speakers: under a title page, a
    scene heading or transition and a cue over dialogue; without one,
    :data:`SCENE_HEADINGS_MIN` of each. ("Title: ..." over prose is a document's
    metadata, no screenplay.)"""
    scenes = cues = 0
    previous = ""
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not previous:
            if (_SCENE.fullmatch(stripped) and not stripped.startswith(".")) or (
                titled and _TRANSITION.fullmatch(stripped) and not stripped.startswith(">")
            ):
                scenes += 1
            elif _is_cue(stripped) and index + 1 < len(lines) and lines[index + 1].strip():
                cues += 1
        previous = stripped
    least = 1 if titled else SCENE_HEADINGS_MIN
    return scenes >= least and cues >= least


def _blocks(lines: list[str]):
    """The text's paragraphs: runs of lines between blank lines."""
    block: list[str] = []
    for line in lines:
        if line.strip():
            block.append(line.strip())
        elif block:
            yield block
            block = []
    if block:
        yield block


def _is_cue(line: str) -> bool:
    return (
        bool(line)
        and _CUE.fullmatch(line) is not None
        and (line.startswith("@") or any(c.isalpha() for c in line.split("(")[0]))
        and not line.rstrip().endswith((":", "."))
    )


def _read_block(block: list[str], dropped: list[tuple[str, str]]) -> list[str]:
    """The lines one paragraph keeps (what is said, then a blank line)."""
    first = block[0]
    if len(block) == 1 and (
        _WRITERS_OWN.fullmatch(first)
        or _SCENE.fullmatch(first)
        or _CENTRED.fullmatch(first)
        or _TRANSITION.fullmatch(first)
        or is_direction_line(first)
    ):
        dropped.append((REASON, first))
        return []
    if len(block) > 1 and _is_cue(first):
        dropped.append(("speaker label", first.lstrip("@")))
        said: list[str] = []
        for line in block[1:]:
            if _PARENTHETICAL.fullmatch(line):
                dropped.append((REASON, line))
            else:
                said.append(line)
        return [" ".join(said), ""] if said else []
    kept: list[str] = []
    for line in block:
        if is_direction_line(line) or _SCENE.fullmatch(line) or _TRANSITION.fullmatch(line):
            dropped.append((REASON, line))
        elif line.startswith("~"):
            kept.append(line[1:].strip())  # a lyric is sung: it is heard
        else:
            # Action describes what is seen: it is no part of what the audience hears.
            dropped.append((REASON, line.lstrip("!")))
    return [*kept, ""] if kept else []
