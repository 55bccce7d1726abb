"""Chat exports (a group or private chat saved as text) read as the advice they carry.

A chat exported from a messaging app is one message per line, each opened by a date, a
time and its sender ("[12/03/2026, 09:14] Dan Kerr: ..." or "12/03/2026, 09:14 - Dan
Kerr: ..."); a message of several lines goes on without a stamp. Read as text it would
be a heap of one-line paragraphs opened by timestamps. :func:`read_chat` turns it into
the prose of whoever carries the conversation:

- notices of the app ("... created group", "... left", the encryption notice) and
  placeholders ("<Media omitted>", "This message was deleted") are dropped;
- each message's date, time and sender are dropped;
- the messages of the main writers (each wrote at least :data:`MAIN_WRITER_SHARE` of
  the words) are kept, one paragraph each, ended with a full stop where the writer left
  it off (a message is said, never a heading), with a list typed on one line ("1) Glute
  bridge ... 2) Clamshells ...") set out as a list; the others' chatter is dropped.

Every step reads each line once: linear in the size of the file.
"""

from __future__ import annotations

import re
import unicodedata

#: Fewest stamped lines that make a text a chat export.
CHAT_LINES_MIN = 4
#: Share of the non-blank lines that must open with a stamp.
CHAT_LINE_SHARE = 0.6
#: Share of all the words of the messages that makes a sender a main writer.
MAIN_WRITER_SHARE = 0.25

#: A message's date and time, in brackets or before a dash.
_STAMP = re.compile(
    r"[ \t]*+\[?\d{1,4}[./-]\d{1,2}[./-]\d{2,4},?[ \t]++\d{1,2}[:.]\d{2}(?:[:.]\d{2})?+"
    r"(?:[ \t]?+[AaPp]\.?[Mm]\.?)?+\]?[ \t]*+(?:[-\u2013][ \t]++)?"
)
#: A transcript's time alone, in brackets: "[10:04]".
_TIME = re.compile(r"[ \t]*+\[\d{1,2}:\d{2}(?::\d{2})?+\][ \t]*+")
#: The sender before the message: a name of a few words, or a telephone number; never a
#: stage direction in brackets ("[JINGLE: ...]").
_SENDER = re.compile(r"(?P<sender>[^:\[\n][^:\n]{0,39}?):[ \t]++(?P<message>\S.*)", re.S)
#: A stage direction alone on a line with no time: "[TRANSCRIPT ENDS]", "[END OF CALL]".
_DIRECTION = re.compile(r"[ \t]*+\[[^\[\]\n]{1,60}+\][ \t]*+")
#: A speaker's role after the name: "GARETH LOWE (PRESENTER)" is "GARETH LOWE".
_ROLE = re.compile(r"\s*\([^()]*\)$")
#: A meeting app's mark of a session's speaker after the name: "(Panelist)".
_SPEAKER_ROLE = re.compile(r"\((?:panel+ist|guest speaker|speaker)\)$", re.IGNORECASE)
#: What the app writes in place of a message.
_PLACEHOLDER = re.compile(
    r"<[^<>\n]{1,40}>|(?:this message was deleted|you deleted this message|"
    r"(?:image|video|audio|sticker|gif|document|contact card) omitted|"
    r"missed (?:voice|video) call|null|"
    r"reacted to [\"\u201c][^\n]{0,80}?[\"\u201d] with \S{1,8})\.?",
    re.IGNORECASE,
)
#: A list typed on one line: "1) Glute bridge - ... 2) Clamshells - ...".
_INLINE_ITEM = re.compile(r"(?:(?<=\s)|^)(\d{1,2})[).][ \t]++(?=\S)")


#: A meeting app's saved chat: "19:03:12 From Maureen P to Everyone:", the message on
#: the lines after it (or after the colon).
_MEETING_STAMP = re.compile(
    r"[ \t]*+(?P<time>\d{1,2}:\d{2}(?::\d{2})?+)[ \t]++From[ \t]++(?P<sender>[^\n:]{1,60}?)"
    r"[ \t]++to[ \t]++[^\n:]{1,40}?[ \t]*+:[ \t]*+(?P<message>[^\n]*+)"
)
#: A meeting chat's reply marker opening a message: 'Replying to "So what ..."'.
_REPLYING_TO = re.compile(r"[ \t]*+Replying to [\"\u201c][^\n]{0,120}$", re.IGNORECASE)


def meeting_chat_as_messages(text: str) -> str:
    """A meeting app's saved chat written as a chat export's lines ("[19:03:12] Maureen
    P: Hello ..."), each message on its stamp's line, when :data:`CHAT_LINES_MIN` lines
    or more open with such a stamp; any other text unchanged. A reply marker opening a
    message goes."""
    lines = text.splitlines()
    if sum(1 for line in lines if _MEETING_STAMP.fullmatch(line)) < CHAT_LINES_MIN:
        return text
    out: list[str] = []
    waiting = False  # a stamp whose message is on the next lines
    for line in lines:
        if stamp := _MEETING_STAMP.fullmatch(line):
            out.append(f"[{stamp['time']}] {stamp['sender'].strip()}: {stamp['message'].strip()}")
            waiting = not stamp["message"].strip()
        elif waiting and line.strip():
            if not _REPLYING_TO.fullmatch(line):
                out[-1] += line.strip()
                waiting = False
        else:
            out.append(line)
    return "\n".join(out)


def is_chat(text: str) -> bool:
    """Whether ``text`` is a chat export: at least :data:`CHAT_LINES_MIN` lines, and
    :data:`CHAT_LINE_SHARE` of its non-blank lines, open with a date and a time."""
    stamped = lines = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        lines += 1
        if (stamp := _stamp(line)) and stamp.end() < len(line):
            stamped += 1
    return stamped >= CHAT_LINES_MIN and stamped >= CHAT_LINE_SHARE * lines


def _stamp(line: str) -> re.Match | None:
    """What opens a message's line: a chat's date and time, or a transcript's time."""
    return _STAMP.match(line) or _TIME.match(line)


def read_chat(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The main writers' messages of a chat export as paragraphs, and what was dropped
    as ``(reason, text)``; any other text unchanged, with nothing dropped."""
    messages_text = meeting_chat_as_messages(text)
    meeting, text = messages_text is not text, messages_text
    if not is_chat(text):
        return text, []
    dropped: list[tuple[str, str]] = []
    speakers: set[str] = set()  # who a meeting app marks as a panelist
    senders: list[str] = []  # "" for an app notice
    lines: list[list[str]] = []  # the lines of each message
    preamble: list[str] = []  # what comes before the first message: a title, a header
    closed = False  # a direction on a line of its own ("[TRANSCRIPT ENDS]") ended the talk
    for line in text.splitlines():
        stamp = _stamp(line)
        if stamp is None or stamp.end() == len(line):
            if lines and _DIRECTION.fullmatch(line):
                dropped.append(("chrome: chat notice", line.strip()))
                closed = True
            elif closed and line.strip():
                dropped.append(("chrome: transcript footer", line.strip()))
            elif lines and line.strip():
                lines[-1].append(line.strip())  # a message of several lines
            elif not lines:
                preamble.append(line)
            continue
        closed = False
        rest = line[stamp.end() :]
        sent = _SENDER.fullmatch(rest)
        if sent is None:
            dropped.append(("chrome: chat notice", rest.strip()))
            senders.append("")  # continuation lines after a notice go with it
            lines.append([])
            continue
        sender = sent.group("sender").strip()
        if meeting and _SPEAKER_ROLE.search(sender):
            speakers.add(_ROLE.sub("", sender))
        senders.append(_ROLE.sub("", sender))
        lines.append([sent.group("message").strip()])
    senders = _same_speakers(senders)
    messages = list(zip(senders, ("\n".join(parts) for parts in lines), strict=True))
    words: dict[str, int] = {}
    for sender, message in messages:
        if sender and not _PLACEHOLDER.fullmatch(message):
            words[sender] = words.get(sender, 0) + len(message.split())
    total = sum(words.values())
    top = max(words, key=words.__getitem__, default="")
    main = {s for s, n in words.items() if s == top or n >= MAIN_WRITER_SHARE * total}
    main |= speakers & set(words)  # "Tom Brennan (Panelist)": one of the session's speakers
    paragraphs: list[str] = []
    for sender, message in messages:
        if not sender:
            if "\n" in message:  # lines after a notice: "[music]", then a description
                dropped.append(("chrome: chat notice", message.split("\n", 1)[1]))
            continue
        if _PLACEHOLDER.fullmatch(message):
            dropped.append(("chrome: chat placeholder", message))
        elif sender not in main:
            dropped.append(("chrome: chat message of another participant", message))
        else:
            paragraphs.append(_set_out_list(_ended(message)))
    dropped.extend(("chrome: chat sender", sender) for sender in sorted(words))
    # The first line before the messages names the talk ("Rib joint pain - what helps");
    # the rest is its header (station, date, "Transcript (automated)", a chapter list).
    header = [line.strip() for line in preamble if line.strip()]
    opening = header[0] if header else ""
    episode = next((m for line in header if (m := _EPISODE_TITLE.match(line))), None)
    if episode is not None:
        # "THE WELL WITHIN PODCAST" over "Episode 57: Cut, colour and a sore back - back
        # pain in hairdressers": the show's name heads every episode; the episode's title
        # names this one.
        opening = episode.group("title")
        header = [header[0], *(line for line in header[1:] if line != episode.group(0))]
        dropped.append(("chrome: transcript header", header[0]))
    dropped.extend(("chrome: transcript header", line) for line in header[1:])
    return "\n\n".join([opening, *paragraphs] if opening else paragraphs) + "\n", dropped


#: An episode's number and title among a transcript's header lines.
_EPISODE_TITLE = re.compile(
    r"(?:episode|ep\.?)[ \t]*+\d{1,4}[ \t]*+[:\u2013\u2014-][ \t]*+(?P<title>\S[^\n]{2,120})",
    re.IGNORECASE,
)


def _same_speakers(senders: list[str]) -> list[str]:
    """``senders`` with each short name of a speaker written as the full one it is part
    of: "PRIYA" after "DR PRIYA SHAH (physiotherapist)" is the same speaker."""
    full: dict[frozenset[str], str] = {}
    for sender in senders:
        words = frozenset(sender.casefold().split())
        if words and not any(words < other for other in full):
            full.setdefault(words, sender)
    if len(full) < 2:
        return senders
    named: dict[str, str] = {}
    out = []
    for sender in senders:
        if sender not in named:
            words = frozenset(sender.casefold().split())
            wider = [name for other, name in full.items() if words < other]
            named[sender] = wider[0] if len(wider) == 1 else sender
        out.append(named[sender])
    return out


def _ended(message: str) -> str:
    """A message typed without its full stop gets one: a message is said, never a
    heading ("Stop if either one gives you sharp pain")."""
    end = len(message)
    while end and (message[end - 1].isspace() or _decoration(message[end - 1])):
        end -= 1  # "I'll have a proper look 👍": the stop goes after the last word
    if end and message[end - 1].isalnum():
        return f"{message[:end]}.{message[end:]}"
    return message


def _decoration(char: str) -> bool:
    """An emoji or a joiner of one: symbols, variation selectors, zero-width joiners."""
    return unicodedata.category(char) in ("So", "Sk", "Mn", "Cf")


def _set_out_list(message: str) -> str:
    """A list typed on one line, numbered from 1 in order, set out one item a line."""
    marks = list(_INLINE_ITEM.finditer(message))
    expected, starts = 1, []
    for mark in marks:
        if int(mark.group(1)) == expected:
            starts.append(mark.start())
            expected += 1
    if len(starts) < 2:
        return message
    pieces = [message[: starts[0]].rstrip()]
    ends = [*starts[1:], len(message)]
    pieces += [message[a:b].strip() for a, b in zip(starts, ends, strict=True)]
    return "\n".join(piece for piece in pieces if piece)
