"""Gemini pages (gemtext), read as the document they hold.

A Gemini capsule's page (a ``.gmi`` file, often saved as text) is written in gemtext,
a line-oriented cousin of Markdown: a line is a link when it opens with ``=>`` (the
address, then its label), a heading with one to three ``#``, a list item with ``*``, a
quotation with ``>``, and a line of three backticks turns preformatted text on and off
(with a description of it after the backticks). :func:`read_gemtext` writes the page as
the plain-text reader reads documents: headings underlined (``=`` under a top heading,
``-`` under the others), list items with a dash, quotations as paragraphs, preformatted
lines as they are, and every link line recorded as dropped, as the capsule's
navigation. A preformatted line that joins a name to its text with dot leaders
("bird dog ....... 2 sets of 8") is a list item ("bird dog: 2 sets of 8"), as it reads.

A text with fewer than :data:`GEMTEXT_LINKS_MIN` link lines is returned as it is. Each
line is read once: linear in the size of the text.
"""

from __future__ import annotations

import re

#: Why a link line is recorded as dropped.
LINK_REASON = "chrome: link line"

#: Fewest link lines that make a text a Gemini page.
GEMTEXT_LINKS_MIN = 2

#: A link line: "=> gemini://host/path label".
_LINK = re.compile(r"=>[ \t]*+(?P<url>\S++)(?:[ \t]++(?P<label>[^\n]*+))?")
#: A heading: one to three "#" and its text.
_HEADING = re.compile(r"(?P<marks>#{1,3}+)[ \t]*+(?P<text>[^\n]*+)")
#: A name joined to its text by dot leaders: "side plank ..... hold 20 s".
DOT_LEADERS = re.compile(r"(?P<name>[^\s.][^.\n]{0,60}?)[ \t]*+\.{3,}+[ \t]*+(?P<text>\S[^\n]*+)")


def read_gemtext(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A gemtext page as plain text, and what was dropped as ``(reason, text)`` pairs;
    any other text unchanged."""
    if "=>" not in text:
        return text, []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if sum(1 for line in lines if line.startswith("=>")) < GEMTEXT_LINKS_MIN:
        return text, []
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    preformatted = False
    for line in lines:
        if line.startswith("```"):
            preformatted = not preformatted
            kept.append("")
            continue
        if preformatted:
            leaders = DOT_LEADERS.fullmatch(line.strip())
            kept.append(f"- {leaders['name']}: {leaders['text']}" if leaders else line)
        elif link := _LINK.fullmatch(line):
            dropped.append((LINK_REASON, (link["label"] or link["url"]).strip()))
        elif heading := _HEADING.fullmatch(line):
            words = heading["text"].strip()
            if words:
                mark = "=" if len(heading["marks"]) == 1 else "-"
                kept.extend(["", words, mark * max(3, len(words)), ""])
        elif line.startswith("* "):
            kept.append(f"- {line[2:].strip()}")
        elif line.startswith(">"):
            kept.append(line[1:].strip())
        else:
            kept.append(line)
    return "\n".join(kept), dropped
