"""E-mail and patient-portal threads read as the messages they hold.

A thread saved or printed as text repeats itself and wraps each message in mail chrome:
header lines ("From:", "Sent:", "To:", "Subject:", and any below them: "X-Mailer:"), a
device line ("Sent from my iPhone"), the quoted earlier message ("> On 3 May 2025 at
20:47, Owen wrote:" and its "> " lines) and a sign-off with the writer's name, role and
number ("Kind regards," then short lines).
:func:`read_email_thread` drops them, in a text that is a thread (it has a header block
or a "wrote:" line): the messages themselves stay, in order, under the first message's
subject as their title when it heads the text. Every line is read once.
"""

from __future__ import annotations

import re

#: A mail header line.
_HEADER = re.compile(r"[ \t]*+(?:from|sent|to|cc|bcc|date|subject)[ \t]*+:[ \t]*+\S", re.I)
#: Any header line ("Message-ID:", "In-Reply-To:", "X-Mailer:"): read as one only in a
#: block of header lines that a known header above it began.
_ANY_HEADER = re.compile(r"[A-Za-z][A-Za-z0-9]*+(?:-[A-Za-z0-9]++)*+[ \t]*+:[ \t]")
#: A subject header, without the reply and forward marks and the mailing list's tag
#: before it ("RE: FW: Neck", "Re: [audax-chat] Deep pain").
_SUBJECT = re.compile(
    r"subject[ \t]*+:(?:[ \t]*+(?:(?:re|fwd?|aw|sv)[ \t]*+:|\[[^\]\n]{1,40}+\]))*+(?P<subject>.*)",
    re.I,
)
#: The header lines that make a block a message's header, with "From:".
_SENT = re.compile(r"[ \t]*+(?:sent|date|to|subject)[ \t]*+:", re.I)
#: "On 3 May 2025 at 20:47, Owen Trask wrote:", quoted or not.
_WROTE = re.compile(r"[ \t>]*+on\b.{4,120}?\bwrote:[ \t]*+$", re.I)
#: A quoted line of an earlier message.
_QUOTED = re.compile(r"[ \t]*+>")
#: "Sent from my iPhone", "Get Outlook for Android".
_DEVICE = re.compile(
    r"[ \t]*+(?:sent from my\b|sent from (?:mail|outlook|yahoo)\b|get outlook for\b).{0,40}$",
    re.I,
)
#: A sign-off on a line of its own: the lines after it, to a blank line, are a signature.
_SIGN_OFF = re.compile(
    r"[ \t]*+(?:(?:kind|best|warm|many)(?:est)? (?:regards|wishes|thanks)|regards|"
    r"thanks(?: again)?|thank you|cheers|best|yours (?:sincerely|faithfully)|"
    r"with (?:best|kind) (?:regards|wishes)),?[ \t]*+$",
    re.I,
)
#: Most lines a signature has after its sign-off.
SIGNATURE_LINES_MAX = 5
#: Most words of a signature line ("Spinal Nurse Practitioner, Kestrel Spinal Unit").
SIGNATURE_LINE_WORDS = 10


def is_thread(lines: list[str]) -> bool:
    """Whether ``lines`` hold a mail thread: a "From:" header with a "Sent:", "Date:",
    "To:" or "Subject:" line right after it, or a "... wrote:" line."""
    for index, line in enumerate(lines):
        if _WROTE.match(line):
            return True
        if line.lstrip().lower().startswith("from") and _HEADER.match(line):
            if any(_SENT.match(following) for following in lines[index + 1 : index + 3]):
                return True
    return False


def read_email_thread(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The messages of a mail thread without its mail chrome, and what was dropped as
    ``(reason, line)``; any other text unchanged."""
    lines = text.split("\n")
    if not is_thread(lines):
        return text, []
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    signature_left = 0
    title = ""
    text_kept = False  # whether a message's text has been kept yet
    in_header = False  # whether the line before was a header line
    subject_open = False  # whether the line before was the title's subject header
    for line in lines:
        stripped = line.strip()
        if (
            in_header
            and stripped
            and not _HEADER.match(line)
            and (_ANY_HEADER.match(line) or line[:1] in " \t")
        ):
            # "X-Mailer: Thunderbird 128.8", or a long header folded onto the next line.
            dropped.append(("chrome: e-mail header", stripped))
            if subject_open and line[:1] in " \t":
                # "Subject: ... "the stitch in" / " the chest" explained": the subject
                # folded onto the next line goes on there.
                title = f"{title} {stripped}"
            else:
                subject_open = False
            continue
        subject_open = False
        in_header = False
        if signature_left:
            if not stripped and signature_left == SIGNATURE_LINES_MAX:
                kept.append(line)  # "Kind regards," then a blank line, then the name
                continue
            if stripped and len(stripped.split()) <= SIGNATURE_LINE_WORDS:
                dropped.append(("chrome: e-mail signature", stripped))
                signature_left -= 1
                continue
            signature_left = 0
        if _WROTE.match(line) or _QUOTED.match(line):
            dropped.append(("chrome: quoted earlier message", stripped))
        elif _HEADER.match(line):
            dropped.append(("chrome: e-mail header", stripped))
            in_header = True
            subject = _SUBJECT.match(stripped)
            if subject and not title and not text_kept:
                # The first message's subject, above any text: the thread's title.
                title = subject.group("subject").strip()
                subject_open = True
        elif _DEVICE.match(line):
            dropped.append(("chrome: e-mail device line", stripped))
        elif _SIGN_OFF.match(line):
            dropped.append(("chrome: e-mail signature", stripped))
            signature_left = SIGNATURE_LINES_MAX
        else:
            kept.append(line)
            text_kept = text_kept or bool(stripped)
    if title:
        kept[:0] = [title, ""]
    return "\n".join(kept), dropped
