"""A phone's notification history exported as text, read as what the notifications say.

Notification history apps (and an app's own "inbox" export) write one entry per
notification: a header line with its time, the channel it came on and its title
("2025-03-11 07:00 | Education | Day 1: What is axial SpA?"), its text on the indented
lines under it, and what the user did with it ("[Tapped]", "Actions: [Done] [Snooze 1h]
-> Done"). :func:`read_notifications` keeps each entry's title as a heading over its
text, once however often it was sent, and records as dropped: the export's own header
and footer, the times and channels, what the user did, and whole entries sent on a
channel of promotion or of the phone itself (:data:`FURNITURE_CHANNELS`: offers,
streaks, the battery saver).

A text with fewer than :data:`ENTRIES_MIN` entry headers is returned as it is. Each line
is read once: linear in the size of the text.
"""

from __future__ import annotations

import re

#: Why the export's furniture is recorded as dropped.
REASON = "chrome: notification furniture"

#: Fewest entry headers that make a text a notification history.
ENTRIES_MIN = 3

#: An entry's header: time, channel and title, joined by bars.
_HEADER = re.compile(
    r"(?P<time>\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?)[ \t]*+\|[ \t]*+"
    r"(?P<channel>[^|\n]{1,40}?)[ \t]*+\|[ \t]*+(?P<title>[^\n]*+)"
)
#: Channels whose notifications are the app's promotion or the phone's own news.
FURNITURE_CHANNELS = re.compile(
    r"\b(?:promo\w*|offers?|deals?|marketing|sales?|premium|upgrades?|streaks?|rewards?|"
    r"badges?|achievements?|system|battery|android|ios|updates?|ads?|sponsored)\b",
    re.IGNORECASE,
)
#: What the user did with a notification: "[Tapped]", "Actions: [Done] [Skip] -> Done".
_ACTION = re.compile(
    r"[ \t]*+(?:actions?[ \t]*+:[^\n]*+|(?:\[[^\[\]\n]{1,30}+\][ \t]*+)++(?:->[^\n]*+)?)",
    re.IGNORECASE,
)


def read_notifications(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A notification history as its entries' titles over their text, and what was
    dropped as ``(reason, text)``; any other text unchanged."""
    if "|" not in text:
        return text, []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    headers = [_HEADER.fullmatch(line.strip()) for line in lines]
    starts = [index for index, found in enumerate(headers) if found]
    if len(starts) < ENTRIES_MIN:
        return text, []
    dropped: list[tuple[str, str]] = []
    dropped.extend((REASON, line.strip()) for line in lines[: starts[0]] if line.strip())
    kept: list[str] = []
    seen: set[tuple[str, str]] = set()
    ends = [*starts[1:], len(lines)]
    for start, end in zip(starts, ends, strict=True):
        found = headers[start]
        title = found["title"].strip()
        body: list[str] = []
        tail: list[str] = []  # unindented lines after the entry: the export's footer
        for line in lines[start + 1 : end]:
            if not line.strip():
                continue
            if _ACTION.fullmatch(line):
                dropped.append((REASON, line.strip()))
            elif line[:1].isspace() and not tail:
                body.append(line.strip())
            else:
                tail.append(line.strip())
        dropped.extend((REASON, line) for line in tail)
        entry = "\n".join(body)
        if FURNITURE_CHANNELS.search(found["channel"]):
            dropped.append((REASON, lines[start].strip()))
            dropped.extend((REASON, line) for line in body)
            continue
        dropped.append((REASON, f"{found['time']} | {found['channel'].strip()}"))
        if (title, entry) in seen:
            continue  # the same reminder sent again
        seen.add((title, entry))
        if title:
            kept.extend(["", title, "-" * max(3, len(title))])
        kept.extend(["", *body, ""])
    return "\n".join(kept), dropped
