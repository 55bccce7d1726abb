"""Scripts for video and audio (a creator's short video, a podcast, a radio piece).

A script writes what is said between directions for the crew: shots in capitals and
brackets ("[B-ROLL: anatomy animation]", "[SPLIT SCREEN: ...]", "[END]"), sounds and
cuts in round brackets ("(SFX: record scratch)", "(cut to)"), labelled lines of what is
shown ("ON-SCREEN TEXT: ...", "LOWER THIRD: ..."), and the speaker before each line
("PRIYA:", "PRIYA (VO):"); a scene's heading gives its timing ("SCENE 2 (0:18-0:38)").

:func:`read_script` reads a text with three or more lines of directions as what is said:
direction lines, inline directions, speaker labels and the timings of headings go, and
are recorded as dropped. Any other text is returned as it is.
"""

from __future__ import annotations

import re

#: A direction: a shot in capitals and square brackets, or a sound, cut or voice in
#: round ones.
_DIRECTION = (
    r"\[[A-Z][A-Z0-9 /&'\u2019-]{1,30}+(?::[^\[\]\n]{0,300}+)?\](?![(\[])"
    # "[Soft piano music]", "[Page turn sound]", "[Laughter]": a caption's sound cue.
    r"|\[[A-Z][a-z]{2,15}+(?: [a-z]{1,15}+){0,5}+\](?![(\[])"
    r"|\((?:SFX|FX|MUSIC|SOUND|AUDIO|VO|V\.O\.|CUT TO|[Cc]ut to|[Bb]eat|[Pp]ause|"
    r"[A-Z][A-Z -]{2,20}+:)[^()\n]{0,300}+\)"
)
_INLINE_DIRECTION = re.compile(rf"(?<![ \t])[ \t]*+(?:{_DIRECTION})")
#: A line of directions only (Markdown emphasis around them aside).
_DIRECTION_LINE = re.compile(rf"[ \t>*_]*+(?:(?:{_DIRECTION})[ \t*_]*+)++")
#: A scene's heading as screen and radio scripts write it ("SCENE 1. EXT. ALLOTMENT -
#: SATURDAY MORNING", "INT. KITCHEN - NIGHT"): where and when, no text.
_SLUGLINE = re.compile(
    r"[ \t]*+(?:SCENE[ \t]++\d{1,3}+[.:]?[ \t]++)?(?:INT|EXT|INT\./EXT|EXT\./INT|I/E)\.[ \t]++"
    r"[^\na-z]{1,80}+"
)
#: An actor's direction in brackets opening what a speaker says: "(60s, cheerful)".
_PARENTHETICAL = re.compile(r"\([^()\n]{1,80}+\)[ \t]*+")
#: A line saying what is shown: "ON-SCREEN TEXT: ...", "LOWER THIRD: Dr Lee".
_SHOWN_LINE = re.compile(
    r"[ \t>*_]*+(?:ON[- ]SCREEN(?: TEXT)?|TEXT ON SCREEN|SUPER|LOWER THIRD|TITLE CARD|"
    r"GRAPHIC|VISUAL|SHOT|A-ROLL|B-ROLL|SFX|MUSIC|CAPTION ON SCREEN)[ \t*_]*+:"
)
#: The speaker opening a line, maybe speaking over the pictures: "PRIYA (VO):".
_SPEAKER = re.compile(
    r"(?m)^(?P<lead>[ \t>]*+)(?:\*\*)?(?P<label>[A-Z][A-Z'\u2019.-]{1,20}+"
    r"(?: [A-Z][A-Z'\u2019.-]{1,20}+){0,2}+(?:[ \t]++\((?:VO|V\.O\.|OS|O\.S\.|OC|CONT'D)\))?)"
    r"[ \t]*+:(?:\*\*)?[ \t]++(?=\S)"
)
#: A heading's timing closing its line: "(0:04-0:18)", "(1:05 - 1:15)".
_TIMING = re.compile(
    r"(?<![ \t])[ \t]*+\((?:\d{1,2}:)?\d{1,2}:\d{2}[ \t]*+[-\u2013\u2014][ \t]*+"
    r"(?:\d{1,2}:)?\d{1,2}:\d{2}\)[ \t]*+$"
)
#: Most words of a scene's heading whose timing goes.
HEADING_WORDS = 12
#: Fewest lines of directions that make a text a script.
MIN_DIRECTION_LINES = 3
#: Labels that say what a line is rather than who speaks it.
_NOT_SPEAKERS = frozenset({"IMPORTANT", "NOTE", "WARNING", "CAUTION", "TIP", "Q", "A", "NB"})

REASON = "chrome: script direction"


def read_script(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A script as what is said, and what was dropped as ``(reason, text)`` pairs.
    Linear: each line is read once."""
    if "[" not in text and "(" not in text:
        return text, []
    lines = text.split("\n")
    directions = sum(1 for line in lines if is_direction_line(line))
    if directions < MIN_DIRECTION_LINES:
        return text, []
    dropped: list[tuple[str, str]] = []
    kept: list[str] = []
    for line in lines:
        if is_direction_line(line):
            dropped.append((REASON, line.strip()))
            continue
        if "[" in line or "(" in line:
            found = [m.group(0).strip() for m in _INLINE_DIRECTION.finditer(line)]
            if found:
                dropped.extend((REASON, direction) for direction in found)
                line = _INLINE_DIRECTION.sub("", line)
            if (timing := _TIMING.search(line)) and len(line.split()) <= HEADING_WORDS:
                # "SCENE 1 - the gallbladder (0:04-0:18)": a scene's heading and its time.
                dropped.append((REASON, timing.group(0).strip()))
                line = _TIMING.sub("", line)
        kept.append(line)
    text = "\n".join(kept)
    speakers = {
        m.group("label") for m in _SPEAKER.finditer(text) if m.group("label") not in _NOT_SPEAKERS
    }
    if speakers:
        dropped.extend(("speaker label", f"{label}:") for label in sorted(speakers))

        pieces: list[str] = []
        done = 0
        for m in _SPEAKER.finditer(text):
            if m.group("label") not in speakers:
                continue
            pieces.extend([text[done : m.start()], m.group("lead")])
            done = m.end()
            # "BRENDA: (60s, cheerful, out of breath) Six more bags ...": how the line is
            # said goes with who says it.
            if direction := _PARENTHETICAL.match(text, m.end()):
                dropped.append((REASON, direction.group(0).strip()))
                done = direction.end()
        text = "".join([*pieces, text[done:]])
    return text, dropped


def is_direction_line(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and bool(
        _DIRECTION_LINE.fullmatch(line) or _SHOWN_LINE.match(line) or _SLUGLINE.fullmatch(line)
    )
