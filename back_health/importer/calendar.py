"""Calendar files (iCalendar, ".ics") and Gopher menus read as the text they carry.

An iCalendar file ("BEGIN:VCALENDAR") holds events whose summary and description are
what a person reads: a clinic's appointments with the advice written into each. Its
lines are folded (a line starting with a space goes on with the one before) and its
values escaped ("\\n" for a new line, "\\," for a comma). :func:`read_calendar` unfolds
and unescapes them and keeps each event's summary, as a heading, over its description;
every other property (times, places, identifiers, reminders, time zones) is dropped and
recorded. A file that does not open with "BEGIN:VCALENDAR" is returned as it is.

A Gopher menu saved with a document lists lines of a type character, a display text
and tab-separated selector, host and port ("0Whiplash\\t/health/whiplash.txt\\thost\\t70",
"iVolunteer-run since 1994\\tfake\\t(NULL)\\t0"). :func:`read_gopher` drops the menu's
lines (links and the information lines around them are its navigation) and keeps the
document; a menu with no document of its own keeps its information lines' text. A text
with fewer than :data:`GOPHER_LINES_MIN` menu lines is returned as it is.

Both read each line once: linear in the size of the text.
"""

from __future__ import annotations

import re

from .rst import MARKUP_REASON

#: Why a Gopher menu's line is recorded as dropped.
MENU_REASON = "chrome: navigation"

#: Fewest menu lines that make a text a Gopher menu.
GOPHER_LINES_MIN = 3

#: Fewest words outside the menu that make a document of its own.
GOPHER_DOCUMENT_MIN_WORDS = 40

#: A content line: "NAME;PARAM=VALUE:value" (the name and its parameters, then the value).
_CONTENT_LINE = re.compile(r"(?P<name>[A-Za-z][A-Za-z0-9-]{0,60}+)(?P<params>;[^:\n]{0,300}+)?:")
#: An escaped character of a value: "\n", "\,", "\;", "\\".
_ESCAPE = re.compile(r"\\([nN,;\\])")
#: Components whose properties are never read (reminders, time zones and their parts).
_SKIPPED = frozenset({"VALARM", "VTIMEZONE", "STANDARD", "DAYLIGHT"})
#: A Gopher menu line: type, display text, selector, host, port.
_MENU_LINE = re.compile(
    r"(?P<type>[0-9A-Za-z+:;<])(?P<text>[^\t\n]*+)\t[^\t\n]*+\t[^\t\n]*+\t\d{1,5}+\s*+"
)


def _unescape(value: str) -> str:
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def is_calendar(text: str) -> bool:
    """Whether ``text`` opens with "BEGIN:VCALENDAR"."""
    return text.lstrip("\ufeff \t\r\n")[:15].upper() == "BEGIN:VCALENDAR"


def read_calendar(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The summaries and descriptions of a calendar's events, and what was dropped as
    ``(reason, text)``; any other text unchanged."""
    if not is_calendar(text):
        return text, []
    lines: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] += line[1:]  # a folded line goes on with the one before
        else:
            lines.append(line)
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    skipping: list[str] = []  # the skipped components open here, innermost last
    for line in lines:
        found = _CONTENT_LINE.match(line)
        if found is None:
            if line.strip():
                kept.append(line)
            continue
        name = found.group("name").upper()
        value = line[found.end() :]
        if name in ("BEGIN", "END"):
            component = value.strip().upper()
            if name == "BEGIN" and (skipping or component in _SKIPPED):
                skipping.append(component)
            elif name == "END" and skipping and skipping[-1] == component:
                skipping.pop()
            elif name == "END" and component == "VEVENT":
                kept.append("")
            continue
        if skipping:
            continue
        shown = _unescape(value).strip()
        if name == "SUMMARY" and shown:
            kept.extend(["", shown, "-" * len(shown), ""])
        elif name in ("DESCRIPTION", "COMMENT") and shown:
            kept.extend([*shown.split("\n"), ""])
        elif shown:
            dropped.append((MARKUP_REASON, f"{name}: {shown}"))
    return "\n".join(kept), dropped


def read_gopher(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A Gopher menu's document without the menu, and what was dropped as ``(reason,
    text)``; any other text unchanged."""
    if "\t" not in text:
        return text, []
    lines = text.split("\n")
    menu = [_MENU_LINE.fullmatch(line) for line in lines]
    if sum(1 for found in menu if found) < GOPHER_LINES_MIN:
        return text, []
    words = sum(len(line.split()) for line, found in zip(lines, menu, strict=True) if not found)
    document = words >= GOPHER_DOCUMENT_MIN_WORDS
    last = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    for index, (line, found) in enumerate(zip(lines, menu, strict=True)):
        if found is None:
            if index == last and line.strip() == ".":
                continue  # the end of a Gopher reply
            kept.append(line)
        elif found.group("type") == "i" and not document:
            kept.append(found.group("text"))
        elif found.group("text").strip():
            dropped.append((MENU_REASON, found.group("text").strip()))
        else:
            kept.append("")
    return "\n".join(kept), dropped
