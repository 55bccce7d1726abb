"""Manual pages saved as text, read as the document they hold.

A manual page (``man``'s output saved from a terminal, or a page written in its style)
opens with a header line naming the page and its section at both ends ("NECKPAIN(7)
Desk Health Manual NECKPAIN(7)") and closes with a footer ending the same way, maybe
followed by the pager's status line ("Manual page neckpain(7) line 1/81 (END)"). Its
sections are headed by words in capitals at the margin (NAME, SYNOPSIS, DESCRIPTION,
...) over indented text; a *tagged paragraph* is a term on a line of its own over its
text indented deeper ("chin tuck" over "Sit tall and ...").

:func:`read_manpage` writes such a page as the plain-text reader reads documents: the
NAME line's description as the title, each section's heading underlined, paragraphs as
paragraphs, and tagged paragraphs as list items ("chin tuck: Sit tall and ..."). What a
command's manual holds for the machine, not the reader, is recorded as dropped: the
header, footer and pager lines, the NAME line, the sections in
:data:`MACHINE_SECTIONS` (usage, files, exit codes, cross-references, authorship), the
headings of option sections, and option flags and file paths used as tags (their text
stays, under the section before).

A text whose first line is no manual page header is returned as it is. Each line is
read once: linear in the size of the text.
"""

from __future__ import annotations

import re

#: Why a manual page's furniture is recorded as dropped.
REASON = "chrome: manual page furniture"

#: Sections that say how to run a command, not what a reader needs to know.
MACHINE_SECTIONS = frozenset(
    {
        "SYNOPSIS",
        "FILES",
        "EXIT STATUS",
        "RETURN VALUE",
        "RETURN VALUES",
        "ENVIRONMENT",
        "SEE ALSO",
        "AUTHOR",
        "AUTHORS",
        "COPYRIGHT",
        "REPORTING BUGS",
        "HISTORY",
        "COLOPHON",
    }
)

#: The header line: the page's name and section at both ends.
_HEADER = re.compile(
    r"[ \t]*+(?P<page>[\w.:-]{1,40}+\([0-9][\w]{0,5}+\))[ \t]++[^\n]*?[ \t](?P=page)[ \t]*+"
)
#: A section's heading: capitals at the margin.
_SECTION = re.compile(r"[A-Z][A-Z0-9 /&-]{1,40}+")
#: The pager's status line: "Manual page neckpain(7) line 1/81 (END)".
_PAGER = re.compile(r"[ \t]*+Manual page [^\n]*\bline \d+[^\n]*+")
#: The NAME line: "neckpain - mechanical neck pain in people who work at screens".
_NAME_LINE = re.compile(r"[\w.,: -]{1,80}?[ \t]+(?:-|\u2013|\\-)[ \t]+(?P<what>\S[^\n]*+)")
#: A tag that is a command's option or a file's path, not a name: "--collar", "/etc/...".
_MACHINE_TAG = re.compile(r"(?:-{1,2}\w|/|~/|\$)[^\n]*+")


def read_manpage(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A manual page as plain text, and what was dropped as ``(reason, text)`` pairs;
    any other text unchanged."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or (header := _HEADER.fullmatch(lines[first])) is None:
        return text, []
    page = header["page"]
    dropped: list[tuple[str, str]] = [(REASON, " ".join(lines[first].split()))]
    kept: list[str] = []
    section = ""
    paragraph: list[str] = []  # the lines of the paragraph being read
    tag = ""  # the term over it, if it is a tagged paragraph
    indent = 0  # the indent of the section's text

    def close() -> None:
        nonlocal paragraph, tag
        words = " ".join(" ".join(paragraph).split())
        if section in MACHINE_SECTIONS or section == "NAME":
            if tag or words:
                dropped.append((REASON, f"{tag} {words}".strip()))
        elif tag and _MACHINE_TAG.fullmatch(tag):
            dropped.append((REASON, tag))
            if words:
                kept.extend([words, ""])
        elif tag:
            kept.append(f"- {tag}: {words}" if words else f"- {tag}")
        elif words:
            kept.extend([words, ""])
        paragraph, tag = [], ""

    for line in lines[first + 1 :]:
        stripped = line.strip()
        if not stripped:
            close()
            continue
        if _PAGER.fullmatch(line) or (stripped.endswith(page) and not line[:1].isspace()):
            close()
            dropped.append((REASON, " ".join(stripped.split())))
            continue
        if not line[:1].isspace() and _SECTION.fullmatch(stripped):
            close()
            section, indent = stripped, 0
            if section in MACHINE_SECTIONS or section == "NAME" or "OPTIONS" in section:
                dropped.append((REASON, section))
            else:
                kept.extend(["", section.capitalize(), "-" * len(section), ""])
            continue
        depth = len(line) - len(line.lstrip())
        if section == "NAME" and (named := _NAME_LINE.fullmatch(stripped)):
            what = named["what"].strip()
            kept[:0] = [what[:1].upper() + what[1:], "=" * len(what), ""]
        if not indent:
            indent = depth
        if depth > indent and paragraph and not tag and len(paragraph) == 1:
            # A term alone on its line over text indented deeper: a tagged paragraph.
            tag, paragraph = paragraph[0], []
        paragraph.append(stripped)
    close()
    return "\n".join(kept), dropped
