"""HL7 version 2 messages read as the text they carry.

A hospital system sends a discharge summary or a clinic letter to a practice as an HL7
version 2 message: segments of fields, one per line, each named by three letters
("MSH|^~\\&|...", "PID|1||...", "OBX|3|TX|CAUSE^Likely cause^L|1|Discitis happens when
..."). The text a person reads is in the observation segments of text types (OBX with a
value type of TX, FT or ST: the fifth field, its repetitions one line each) and in note
segments (NTE, the third field). :func:`read_hl7` keeps those, each observation under
its name (the second component of its identifier, "Likely cause") as a heading, and
decodes the escape sequences the standard defines ("\\.br\\" a line of its own, "\\T\\" the
"&" the encoding characters reserve, "\\X41\\" a character by its code). Every other
segment (the header, the patient, the visit, the order) and every coded or numeric
observation is recorded as dropped: identifiers, addresses and codes, no text.

The delimiters are the message's own: the header's fourth character is the field
separator and the next four are the component, repetition, escape and subcomponent
characters. A text that does not open with a header segment is returned as it is.
Each segment is read once: linear in the size of the text.
"""

from __future__ import annotations

import re

#: Why a segment that is not text is recorded as dropped.
SEGMENT_REASON = "chrome: message segment"

#: Segments that open a message, a batch of messages or a file of batches.
HEADER_SEGMENTS = ("MSH", "BHS", "FHS")

#: Value types of an observation that hold text.
TEXT_TYPES = frozenset({"TX", "FT", "ST"})

#: A segment's name: three capitals or digits at the start of a line.
_SEGMENT_NAME = re.compile(r"[A-Z][A-Z0-9]{2}")


def is_hl7(text: str) -> bool:
    """Whether ``text`` opens with an HL7 version 2 header segment ("MSH|^~\\&")."""
    head = text.lstrip("\ufeff \t\r\n")[:8]
    return (
        len(head) == 8
        and head[:3] in HEADER_SEGMENTS
        and not head[3].isalnum()
        and not head[3].isspace()
        and len(set(head[3:8])) == 5
    )


def read_hl7(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text an HL7 version 2 message carries, and what was dropped as ``(reason,
    text)``; any other text unchanged."""
    if not is_hl7(text):
        return text, []
    text = text.lstrip("\ufeff \t\r\n")
    field, component, repetition, escape, subcomponent = text[3:8]
    decode = _decoder(field, component, repetition, escape, subcomponent)
    delimiters = re.compile(f"[{re.escape(field + component + repetition)}]")
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    heading = ""
    for segment in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        name = segment[:3]
        if not segment.strip():
            continue
        if not _SEGMENT_NAME.fullmatch(name) or segment[3:4] not in ("", field):
            kept.append(decode(segment))  # a line of text wrapped out of its segment
            continue
        fields = segment.split(field)
        if name == "OBX" and len(fields) > 5 and fields[2].strip().upper() in TEXT_TYPES:
            title = _component(fields[3], component, 1) or _component(fields[3], component, 0)
            if title and title != heading:
                heading = title
                shown = decode(title)
                kept.extend(["", shown, "-" * len(shown), ""])
            for value in fields[5].split(repetition):
                kept.extend([decode(value), ""])
        elif name == "NTE" and len(fields) > 3:
            for value in fields[3].split(repetition):
                kept.extend([decode(value), ""])
        else:
            shown = " ".join(
                decode(part).strip() for part in delimiters.split(segment) if part.strip()
            )
            dropped.append((SEGMENT_REASON, shown))
    return "\n".join(kept), dropped


def _component(value: str, separator: str, index: int) -> str:
    parts = value.split(separator)
    return parts[index].strip() if index < len(parts) else ""


def _decoder(field: str, component: str, repetition: str, escape: str, subcomponent: str):
    """A function decoding a value's escape sequences: the delimiters, line breaks and
    characters by their code; formatting (highlighting, indents) goes."""
    characters = {"F": field, "S": component, "R": repetition, "E": escape, "T": subcomponent}
    sequence = re.compile(
        f"{re.escape(escape)}([^{re.escape(escape)}\\n]{{1,40}}+){re.escape(escape)}"
    )

    def replace(match: re.Match) -> str:
        code = match.group(1)
        if code in characters:
            return characters[code]
        if code.startswith((".br", ".sp")):
            return "\n\n"  # a line of its own: a medicine, a step, a graded warning
        if code[:1] == "X" and re.fullmatch(r"X(?:[0-9A-Fa-f]{2})+", code):
            return bytes.fromhex(code[1:]).decode("latin-1")
        return ""  # "\H\", "\N\", "\.in+4\", "\.ce\": how it was shown, no text

    def decode(value: str) -> str:
        return sequence.sub(replace, value)

    return decode
