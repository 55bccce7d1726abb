"""Web pages saved as text by a text-mode browser (``lynx -dump``, ``links -dump``).

Such a dump numbers every link where it stands ("an infection in one of the
[14]sacroiliac joints", "* [6]Home") and lists the addresses under "References" at the
end; it writes the page's link relations as a line opening with "#" ("#[1]RSS feed"),
an embedded frame as "IFRAME: [16]https://...", a text field as "(________)", a radio
button as "( )" and a button as "[Search]".

:func:`read_text_dump` removes that furniture, recording it as dropped: the link numbers
go (the link's words stay), and so do the references, the link relation and frame lines,
and lines holding a form's fields or buttons. A text that is no such dump is returned as
it is.
"""

from __future__ import annotations

import re

#: A link's number where the link stands, glued to its words: "[14]sacroiliac".
_LINK_NUMBER = re.compile(r"\[(\d{1,4}+)\](?=[^\s\]\d])")
#: Fewest numbered links that make a text a dump, and the share of them that must be
#: numbered in order (a dump numbers its links as they come).
MIN_LINKS = 5
IN_ORDER_SHARE = 0.8
#: A line opening with a link (a menu's item: "* [6]Home", "   [3]Skip to main content").
_LINK_LINE = re.compile(r"(?m)^[ \t]*+(?:[*+o-][ \t]++)?\[\d{1,4}+\](?=\S)")
MIN_LINK_LINES = 3
#: The list of addresses closing a dump: "References" over "   1. https://...".
_REFERENCES = re.compile(r"(?m)^(?:References|Visible links)[ \t]*+$")
_REFERENCE = re.compile(r"[ \t]*+\d{1,4}+\.[ \t]++\S{1,2000}+[ \t]*+")
#: A line of link relations ("#[1]RSS feed [2]alternate") or an embedded frame.
_FURNITURE_LINE = re.compile(r"[ \t]*+(?:#\[\d{1,4}+\]|IFRAME:|\[IMG\]|\[INLINE\])")
#: A form's field, radio button or check box, or a button on a line of its own.
_FORM_CONTROL = re.compile(r"\(_{3,}+\)|\([ *xX]\)[ \t]")
_BUTTON_LINE = re.compile(r"[ \t]*+(?:\[[^\[\]\n]{1,40}+\][ \t]*+)++")

REASON = "chrome: text browser"


def read_text_dump(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A text browser's dump of a web page without its furniture, and what was dropped
    as ``(reason, text)`` pairs. Linear: each line is read once."""
    if "[" not in text or not _is_dump(text):
        return text, []
    dropped: list[tuple[str, str]] = []
    references = _references_at(text)
    if references is not None:
        dropped.append((REASON, text[references:].strip()))
        text = text[:references]
    lines = []
    for line in text.split("\n"):
        bare = _LINK_NUMBER.sub("", line)
        if _FURNITURE_LINE.match(line) or _FORM_CONTROL.search(bare):
            dropped.append((REASON, line.strip()))
            continue
        if bare.strip() and _BUTTON_LINE.fullmatch(bare):
            dropped.append((REASON, line.strip()))
            continue
        if bare != line:
            dropped.extend((REASON, f"[{m.group(1)}]") for m in _LINK_NUMBER.finditer(line))
        lines.append(bare)
    return "\n".join(lines), dropped


def _is_dump(text: str) -> bool:
    numbers = [int(match.group(1)) for match in _LINK_NUMBER.finditer(text)]
    if len(numbers) < MIN_LINKS:
        return False
    in_order = sum(1 for a, b in zip(numbers, numbers[1:], strict=False) if b > a)
    if in_order < IN_ORDER_SHARE * (len(numbers) - 1):
        return False
    # Its links listed at the end, or lines that are links (menus: "* [6]Home").
    return _references_at(text) is not None or len(_LINK_LINE.findall(text)) >= MIN_LINK_LINES


def _references_at(text: str) -> int | None:
    """Where the closing list of addresses starts, when every line after its heading is a
    numbered address (or blank)."""
    headings = list(_REFERENCES.finditer(text))
    if not headings:
        return None
    heading = headings[-1]
    rest = [line for line in text[heading.end() :].split("\n") if line.strip()]
    if rest and all(_REFERENCE.fullmatch(line) and "://" in line for line in rest):
        return heading.start()
    return None
