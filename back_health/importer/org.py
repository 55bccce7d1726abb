"""Org-mode files (Emacs's outlines: notes, logs, handouts) read as text.

An Org file marks its structure with lines that, read as plain text, would be printed:
in-buffer settings ("#+TITLE: Rehab log", "#+STARTUP: overview", "#+FILETAGS: :AS:"),
headlines of stars carrying a to-do keyword, a priority and tags ("* TODO [#A] Call
the clinic  :health:"), drawers of properties ("  :PROPERTIES:" ... "  :END:"), planning
lines ("SCHEDULED: <2025-03-06 Thu>", "CLOSED: [2025-02-27 Thu 11:40]"), comment lines
("# Local Variables:"), block markers ("#+BEGIN_QUOTE"), a table's formula line
("#+TBLFM: ...") and links ("[[https://...][the leaflet]]").

:func:`read_org` turns such a text into the text it shows: the title becomes a title
line underlined with "=", each headline a heading underlined with "-" (without its
keyword, priority and tags), a checkbox leaves its list item, a table's rules read as a
pipe table's, a link shows its text and bold, italic, code and verbatim marks go; the
settings, drawers, planning lines, comments and block markers are dropped and recorded,
and so is a task headline with nothing under it (the writer's reminder).
A text with fewer than :data:`ORG_MARKS_MIN` such lines is returned as it is. Every step
reads each line once: linear in the size of the text.
"""

from __future__ import annotations

import re

from .rst import MARKUP_REASON

#: Why a task headline with nothing under it is recorded as dropped.
TASK_REASON = "chrome: to-do item"

#: Fewest Org lines (settings, headlines with a keyword or tags, drawers, planning
#: lines) that make a text an Org file.
ORG_MARKS_MIN = 3

#: An in-buffer setting or a block marker: "#+TITLE: ...", "#+BEGIN_QUOTE".
_SETTING = re.compile(r"#\+(?P<key>[A-Za-z_]{1,30}+)(?::(?P<value>[^\n]*+))?")
#: A headline's start: stars, then perhaps a to-do keyword and a priority.
_HEADLINE = re.compile(
    r"(?P<stars>\*++)[ \t]++"
    r"(?:(?P<keyword>TODO|DONE|NEXT|WAITING|HOLD|CANCELLED|CANCELED|STARTED|SOMEDAY)\b[ \t]*+)?"
    r"(?:\[#[A-Z0-9]\][ \t]*+)?"
)
#: A headline's tags, its last word: ":health:rehab:".
_TAGS = re.compile(r":(?:[\w@#%]++:)++")
#: A drawer's opening or closing line: ":PROPERTIES:", ":LOGBOOK:", ":END:".
_DRAWER = re.compile(r":(?P<name>[A-Za-z_-]{1,30}+):")
#: A planning line: "SCHEDULED: <...>", "DEADLINE: <...>", "CLOSED: [...]".
_PLANNING = re.compile(r"(?:(?:SCHEDULED|DEADLINE|CLOSED):[ \t]*+[<\[][^\n]*+)")
#: A comment line: "# ..." (a hash and a space, or a hash alone).
_COMMENT = re.compile(r"#(?:[ \t][^\n]*+)?")
#: A table's rule: "|-----+-----|".
_TABLE_RULE = re.compile(r"\|[-+:]++\|?")
#: A checkbox after a list item's bullet or number: "- [X] ", "1. [ ] ".
_CHECKBOX = re.compile(r"(?m)^([ \t]*+(?:[-+]|\d{1,3}+[.)])[ \t]++)\[[ xX-]\][ \t]++")
#: A link, with a description or without: "[[url][text]]", "[[url]]".
_LINK = re.compile(r"\[\[(?P<target>[^\[\]\n]{1,400}+)\](?:\[(?P<text>[^\[\]\n]{1,200}+)\])?\]")
#: Emphasis, code and verbatim marks around a word or words: "*bold*", "/italic/",
#: "=verbatim=", "~code~".
_MARKED = re.compile(
    r"(?<![\w*/=~])(?P<mark>[*/=~])(?P<text>[^\s*/=~](?:[^*/=~\n]{0,200}?[^\s*/=~])?)"
    r"(?P=mark)(?![\w*/=~])"
)
#: Settings whose value is the text's title.
_TITLE_KEYS = frozenset({"title"})


def _org_marks(lines: list[str]) -> int:
    marks = 0
    for line in lines:
        stripped = line.strip()
        if line.startswith("#+") and _SETTING.fullmatch(line.rstrip()):
            marks += 1
        elif stripped in (":PROPERTIES:", ":LOGBOOK:") or _PLANNING.match(stripped):
            marks += 1
        elif line.startswith("*") and (headline := _headline(line)):
            marks += bool(headline[1])
        if marks >= ORG_MARKS_MIN:
            return marks
    return marks


def _headline(line: str) -> tuple[str, bool] | None:
    """A headline's title, and whether it carried a to-do keyword or tags; None for a
    line that is no headline."""
    start = _HEADLINE.match(line)
    if start is None:
        return None
    title = line[start.end() :].strip()
    words = title.rsplit(None, 1)
    tagged = bool(words) and _TAGS.fullmatch(words[-1]) is not None
    if tagged:
        title = words[0] if len(words) == 2 else ""
    # As shown, so that the underline it gets is as long as it.
    title = _MARKED.sub(r"\g<text>", _LINK.sub(_link_text, title))
    return title, bool(start.group("keyword")) or tagged


def is_org(text: str) -> bool:
    """Whether ``text`` holds at least :data:`ORG_MARKS_MIN` lines of Org markup."""
    if "#+" not in text and ":PROPERTIES:" not in text and "SCHEDULED:" not in text:
        return False
    return _org_marks(text.split("\n")) >= ORG_MARKS_MIN


def _link_text(match: re.Match) -> str:
    if match.group("text"):
        return match.group("text")
    target = match.group("target")
    return target.split(":", 1)[1] if target.startswith(("file:", "id:")) else target


def read_org(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text an Org file shows, and what was dropped as ``(reason, text)``; any other
    text unchanged."""
    if not is_org(text):
        return text, []
    lines = text.replace("\r\n", "\n").split("\n")
    dropped: list[tuple[str, str]] = []
    kept: list[str] = []
    drawer: list[str] | None = None
    titled = False
    #: Where each headline's lines start in ``kept``, its title, whether it is a task,
    #: and its level (its number of stars).
    headlines: list[tuple[int, str, bool, int]] = []
    for line in lines:
        stripped = line.strip()
        if drawer is not None:
            drawer.append(stripped)
            if stripped.upper() == ":END:":
                dropped.append((MARKUP_REASON, " ".join(drawer)))
                drawer = None
            continue
        if _DRAWER.fullmatch(stripped) and stripped.upper() != ":END:":
            drawer = [stripped]
            continue
        if stripped.startswith("#+") and (setting := _SETTING.fullmatch(stripped)):
            value = (setting.group("value") or "").strip()
            if setting.group("key").lower() in _TITLE_KEYS and value and not titled:
                kept.extend([value, "=" * len(value), ""])
                titled = True
            dropped.append((MARKUP_REASON, stripped))
            continue
        if _PLANNING.match(stripped) or (
            line.startswith("#") and _COMMENT.fullmatch(line.rstrip())
        ):
            dropped.append((MARKUP_REASON, stripped))
            continue
        if line.startswith("*") and (headline := _headline(line)):
            title, marked = headline
            if title:
                headlines.append((len(kept), title, marked, len(line) - len(line.lstrip("*"))))
                kept.extend(["", title, "-" * len(title), ""])
            if marked:
                dropped.append((MARKUP_REASON, stripped))
            continue
        if _TABLE_RULE.fullmatch(stripped):
            kept.append(stripped.replace("+", "|"))
            continue
        kept.append(line)
    if drawer is not None:  # a drawer never closed: its lines are text after all
        kept.extend(drawer)
    # A task with nothing under it ("* TODO Order more pens") is the writer's reminder,
    # not the heading of a section that never came.
    # Its part ends at the next headline of its level or above (one below is in it):
    # found from the end with a stack of the headlines still open, in linear time.
    above: list[tuple[int, int]] = []  # (level, start)
    ends: list[int] = []
    for start, _, _, level in reversed(headlines):
        while above and above[-1][0] > level:
            above.pop()
        ends.append(above[-1][1] if above else len(kept))
        above.append((level, start))
    ends.reverse()
    for (start, title, task, _), end in zip(headlines, ends, strict=True):
        if task and not any(line.strip() for line in kept[start + 3 : end]):
            kept[start + 1 : start + 3] = ["", ""]
            dropped.append((TASK_REASON, title))
    shown = _CHECKBOX.sub(r"\1", "\n".join(kept))
    shown = _LINK.sub(_link_text, shown)
    return _MARKED.sub(r"\g<text>", shown), dropped
