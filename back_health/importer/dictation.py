"""Dictated text typed by speech recognition, with its spoken punctuation left in.

A clinic note or letter dictated to speech-recognition software and not proofread keeps
the punctuation the speaker said aloud: "four months full stop no injury recalled",
"referred by GP comma worse on walking", "new paragraph", "open brackets nerve root
block close brackets". Read as it is, "full stop" would end names and sentences would
run together. :func:`read_dictation` turns the spoken marks into the marks they name,
but only in a text that is dictated: one that says "full stop" or "new paragraph" and
has at least :data:`SPOKEN_MARKS_MIN` spoken marks in all, so an ordinary sentence about
a comma or a full stop is left alone. One pass of one pattern: linear in the text.
"""

from __future__ import annotations

import re

from .fold import fold_case

#: Fewest spoken marks that make a text dictated.
SPOKEN_MARKS_MIN = 4

#: A spoken mark and the spaces around it. A run of spaces is tried from its start only
#: (the look-behind), so a long run is read once.
_SPOKEN = re.compile(
    r"(?:(?<![ \t])[ \t]++)?\b"
    r"(?P<mark>full stop|new paragraph|new line|comma|open brackets?|close brackets?)\b[ \t]*+",
    re.IGNORECASE,
)

_WRITTEN = {
    "full stop": ". ",
    "new paragraph": "\n\n",
    "new line": "\n",
    "comma": ", ",
    "open bracket": " (",
    "open brackets": " (",
    "close bracket": ") ",
    "close brackets": ") ",
}

#: Spaces before a mark that closes ("block ) ."), after one that opens ("( nerve").
_SPACE_BEFORE_CLOSE = re.compile(r"[ \t]++(?=[.,)])")
_SPACE_AFTER_OPEN = re.compile(r"(?<=\()[ \t]++")
#: A mark written twice: "pain, , worse", "day. ." (the speaker said it, and so did the
#: software).
_REPEATED = re.compile(r"([.,])[.,]++")
#: The first letter of a sentence after a spoken full stop.
_SENTENCE_START = re.compile(r"(?:(?<=\. )|(?<=\n))[a-z]")


def is_dictated(text: str) -> bool:
    """Whether ``text`` keeps the punctuation its speaker said aloud."""
    lowered = fold_case(text)
    if "full stop" not in lowered and "new paragraph" not in lowered:
        return False  # the common case, found without reading the marks
    marks = [m.group("mark").lower() for m in _SPOKEN.finditer(text)]
    return len(marks) >= SPOKEN_MARKS_MIN and bool({"full stop", "new paragraph"} & set(marks))


def read_dictation(text: str) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with its spoken marks written as marks, and the words dropped as
    ``(reason, words)``; any other text unchanged."""
    if not is_dictated(text):
        return text, []
    spoken: dict[str, int] = {}

    def written(match: re.Match) -> str:
        mark = match.group("mark").lower()
        spoken[mark] = spoken.get(mark, 0) + 1
        return _WRITTEN[mark]

    text = _SPOKEN.sub(written, text)
    text = _SPACE_AFTER_OPEN.sub("", _SPACE_BEFORE_CLOSE.sub("", text))
    text = _REPEATED.sub(r"\1", text)
    text = _SENTENCE_START.sub(lambda m: m.group(0).upper(), text)
    dropped = [("spoken punctuation", f"{mark} ({count}x)") for mark, count in spoken.items()]
    return text, dropped
