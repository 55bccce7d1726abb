"""Subtitle files (SubRip ``.srt``, WebVTT ``.vtt``) read as the talk they transcribe.

A subtitle file is plain text cut into numbered cues, each with a timing line
("00:00:04,200 --> 00:00:08,900") and one or two lines of what is said. Read as text it
would be a heap of one-line paragraphs between numbers and timings. :func:`read_subtitles`
turns it back into prose: cue numbers, timings, the ``WEBVTT`` header and ``NOTE`` blocks
go, styling tags (``<i>``, ``{\\an8}``) are stripped, the cues of one stretch of talk are
joined into a paragraph, and a new paragraph starts where the speaker changes or the
talk pauses. Cues that are only a sound ("[MUSIC]", "(applause)") and the speaker labels
("DR MENON:") are recorded as dropped, never kept as text.

Every step reads each line once: linear in the size of the file.
"""

from __future__ import annotations

import re

#: Fewest timing lines that make a text a subtitle file.
SUBTITLE_CUES_MIN = 3

#: A pause between two cues, in seconds, that starts a new paragraph.
PARAGRAPH_PAUSE = 2.0

#: A cue's timing line: hours optional (WebVTT), comma or point before the milliseconds,
#: cue settings after the end time ("line:0 position:20%").
_TIMING = re.compile(
    r"[ \t]*+(?:(\d{1,2}):)?(\d{1,2}):(\d{2})[,.](\d{1,3})[ \t]++-->[ \t]++"
    r"(?:(\d{1,2}):)?(\d{1,2}):(\d{2})[,.](\d{1,3})(?:[ \t][^\n]*+)?"
)
#: Styling inside a cue: HTML-like tags and SubStation overrides ("{\an8}").
_STYLING = re.compile(
    r"</?(?:i|b|u|s|font|c|v|lang|ruby|rt|span)\b[^<>\n]{0,200}+>|\{\\[^{}\n]{0,40}+\}",
    re.IGNORECASE,
)
#: A cue that is only a sound or an action: "[MUSIC]", "(laughs)", "♪".
_SOUND = re.compile(r"(?:\[[^\[\]\n]{1,40}+\]|\([^()\n]{1,40}+\)|[♪♫#\s])++")
#: A speaker's label opening a cue: "DR MENON:", "JAMES (PHYSIOTHERAPIST):", "- MARY:".
_LABEL = re.compile(
    r"(?:-[ \t]*+)?(?P<label>[A-Z][A-Z'\u2019.\-]{0,20}+(?:[ \t][A-Z][A-Z'\u2019.\-]{0,20}+){0,3}+"
    r"(?:[ \t]*+\([A-Z][A-Z \t'\u2019.\-]{0,30}+\))?+):[ \t]++(?=\S)"
)


def is_subtitles(text: str) -> bool:
    """Whether ``text`` is a subtitle file: it opens with ``WEBVTT`` or has at least
    :data:`SUBTITLE_CUES_MIN` timing lines."""
    if text.lstrip("\ufeff").startswith("WEBVTT"):
        return True
    found = 0
    for line in text.splitlines():
        if "-->" in line and _TIMING.fullmatch(line):
            found += 1
            if found >= SUBTITLE_CUES_MIN:
                return True
    return False


def read_subtitles(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The talk of a subtitle file as paragraphs, and what was dropped as
    ``(reason, text)`` pairs. A text that is no subtitle file is returned as it is."""
    if not is_subtitles(text):
        return text, []
    dropped: list[tuple[str, str]] = []
    paragraphs: list[list[str]] = []
    timings = 0
    last_end: float | None = None
    for start, end, lines in _cues(text):
        timings += 1
        said = " ".join(_STYLING.sub("", line).strip() for line in lines).strip()
        if not said:
            continue
        if _SOUND.fullmatch(said):
            dropped.append(("chrome: subtitle sound", said))
            continue
        label = _LABEL.match(said)
        if label:
            dropped.append(("speaker label", f"{label.group('label')}:"))
            said = said[label.end() :]
        pause = last_end is None or start - last_end >= PARAGRAPH_PAUSE
        if label or pause or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(said)
        last_end = end
    dropped.insert(0, ("chrome: subtitle timing", f"{timings} cue numbers and timings"))
    # Each label or sound once, in the order first met.
    return "\n\n".join(" ".join(p) for p in paragraphs) + "\n", list(dict.fromkeys(dropped))


def _cues(text: str):
    """``(start, end, lines)`` of each cue, in order; the lines before the first timing
    (the ``WEBVTT`` header, ``NOTE`` and ``STYLE`` blocks) and cue numbers are skipped."""
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        timing = _TIMING.fullmatch(line) if "-->" in line else None
        index += 1
        if timing is None:
            continue
        said = []
        while index < len(lines) and lines[index].strip():
            if "-->" in lines[index] and _TIMING.fullmatch(lines[index]):
                break  # a cue with no text: the next timing starts the next cue
            said.append(lines[index])
            index += 1
        if said and said[-1].strip().isdigit() and index < len(lines):
            said.pop()  # the next cue's number, when no blank line came before it
        yield _seconds(timing.group(1, 2, 3, 4)), _seconds(timing.group(5, 6, 7, 8)), said


def _seconds(parts) -> float:
    hours, minutes, seconds, millis = parts
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000
