"""reStructuredText sources (a documentation site's page, as Sphinx builds it) read as text.

A page written in reStructuredText marks its structure with explicit markup that, read as
plain text, would be printed: directives (".. note::", ".. toctree::" with the pages it
lists), substitution definitions (".. |unit| replace:: Haematology Day Unit") and their
uses ("|unit|"), link targets (".. _sickle-back-pain:"), a field list of the page's
details (":Version: 4.0") and roles (":ref:`the pain plan <sickle-pain-plan>`"). Titles
over- and underlined with punctuation are read by the plain-text parser as they are.

:func:`read_rst` turns such a text into the text it shows: substitutions are replaced by
what they stand for; roles by their text (or the last part of their target, its dashes as
spaces); inline literal and emphasis marks go; an admonition (note, warning, caution,
important, tip, ...) keeps its body, after its name as a label ("Warning: ..."); an
"only" block keeps its body; every other directive, with its options and body, goes, as
do link targets, comments and the page's field list, each recorded as dropped. A text
with fewer than :data:`RST_MARKS_MIN` directives, targets or substitution definitions is
returned as it is. Every step reads each line once: linear in the size of the text.
"""

from __future__ import annotations

import re

#: Why a directive, a target or a substitution definition is recorded as dropped.
MARKUP_REASON = "chrome: markup"

#: Fewest explicit markup lines (directives, targets, substitution definitions) that
#: make a text a reStructuredText source.
RST_MARKS_MIN = 3

#: An explicit markup line: a directive, a substitution definition, a link target.
_DIRECTIVE = re.compile(r"\.\.[ \t]++(?P<name>[\w-]++)::(?P<argument>[^\n]*+)")
_SUBSTITUTION = re.compile(
    r"\.\.[ \t]++\|(?P<name>[^|\n]{1,40}+)\|[ \t]++replace::[ \t]*+(?P<text>[^\n]*+)"
)
#: A substitution's use in the text: "|unit|".
_SUBSTITUTED = re.compile(r"\|(?P<name>[^|\n]{1,40}+)\|")
_TARGET = re.compile(r"\.\.[ \t]++_[^:\n]{1,80}+:[ \t]*+\S*+")
#: A field of the page's field list: ":Version: 4.0".
_FIELD = re.compile(r":[A-Za-z][\w .-]{0,40}+:(?:[ \t]++[^\n]*+)?")
#: A role: ":ref:`text <target>`", ":doc:`/path/page`", ":term:`name`".
_ROLE = re.compile(r":[\w.-]{1,20}+:`(?P<body>[^`\n]{1,200}+)`")
_ROLE_TEXT = re.compile(r"(?P<text>[^<]*?)\s*<[^>]*>")
_LITERAL = re.compile(r"``(?P<text>[^`\n]{1,200}+)``")
#: Directives whose body is text a reader sees, under the directive's name as a label.
ADMONITIONS = frozenset(
    {"note", "warning", "caution", "important", "tip", "hint", "danger", "attention", "error"}
)
#: Directives whose body is text shown as it is.
SHOWN_BODIES = frozenset({"only", "container", "rubric", "topic", "sidebar", "admonition"})


def is_rst(text: str) -> bool:
    """Whether ``text`` holds at least :data:`RST_MARKS_MIN` lines of explicit markup."""
    if ".. " not in text:
        return False
    marks = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith(".. ") and (
            _DIRECTIVE.match(stripped) or _TARGET.fullmatch(stripped)
        ):
            marks += 1
            if marks >= RST_MARKS_MIN:
                return True
    return False


def _field_list_lines(lines: list[str]) -> set[int]:
    """The numbers of the lines of field lists: blocks (between blank lines) whose every
    line is a field (":Version: 4.0"), the page's details."""
    found: set[int] = set()
    start = 0
    for end in range(len(lines) + 1):
        if end == len(lines) or not lines[end].strip():
            block = range(start, end)
            if block and all(_FIELD.fullmatch(lines[i].strip()) for i in block):
                found.update(block)
            start = end + 1
    return found


def _role_text(match: re.Match) -> str:
    body = match.group("body")
    if shown := _ROLE_TEXT.match(body):
        if shown.group("text").strip():
            return shown.group("text").strip()
    last = body.strip("~/").rsplit("/", 1)[-1]
    return last.replace("-", " ").replace("_", " ")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def read_rst(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text a reStructuredText page shows, and what was dropped as ``(reason,
    text)``; any other text unchanged."""
    if not is_rst(text):
        return text, []
    lines = text.replace("\r\n", "\n").split("\n")
    dropped: list[tuple[str, str]] = []
    substitutions: dict[str, str] = {}
    kept: list[str] = []
    fields = _field_list_lines(lines)
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        indent = _indent(line)
        index += 1
        if index - 1 in fields:
            dropped.append(("chrome: form field", stripped))
            continue
        if not stripped.startswith(".."):
            kept.append(line)
            continue
        # An explicit markup block: the line and the lines indented under it.
        body: list[str] = []
        while index < len(lines) and (not lines[index].strip() or _indent(lines[index]) > indent):
            body.append(lines[index])
            index += 1
        while body and not body[-1].strip():
            body.pop()
        if substitution := _SUBSTITUTION.fullmatch(stripped):
            substitutions[substitution.group("name")] = substitution.group("text").strip()
            dropped.append((MARKUP_REASON, stripped))
            continue
        directive = _DIRECTIVE.match(stripped)
        name = directive.group("name").lower() if directive else ""
        content = [b for b in body if not _FIELD.fullmatch(b.strip())]
        if name in ADMONITIONS or name in SHOWN_BODIES:
            shown = [b.strip() for b in content if b.strip()]
            if name in ADMONITIONS and shown:
                shown[0] = f"{name.capitalize()}: {shown[0]}"
            argument = directive.group("argument").strip()
            if name in ("admonition", "topic", "rubric", "sidebar") and argument:
                shown.insert(0, argument)
            kept.extend(["", *shown, ""])
            dropped.append((MARKUP_REASON, stripped))
            continue
        dropped.append(
            (MARKUP_REASON, " ".join([stripped, *(b.strip() for b in body if b.strip())]))
        )
        kept.append("")
    shown_text = "\n".join(kept)
    if substitutions:
        shown_text = _SUBSTITUTED.sub(
            lambda m: substitutions.get(m.group("name"), m.group(0)), shown_text
        )
    shown_text = _ROLE.sub(_role_text, shown_text)
    for marked in (_LITERAL, _STRONG, _EMPHASIS):
        shown_text = marked.sub(r"\g<text>", shown_text)
    return _titles_underlined(shown_text), dropped


def _titles_underlined(text: str) -> str:
    """Titles as the plain-text parser reads them: an over- and underlined title, or one
    underlined with another mark than "=" or "-", becomes a title underlined with "="
    (the first) or "-" (the others)."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    first = True
    while index < len(lines):
        line = lines[index]
        if (
            _ADORNMENT.fullmatch(line)
            and index + 2 < len(lines)
            and lines[index + 2] == line
            and lines[index + 1].strip()
        ):
            title = lines[index + 1].strip()  # over- and underlined
            out.extend([title, ("=" if first else "-") * len(title)])
            first = False
            index += 3
            continue
        if (
            out
            and out[-1].strip()
            and _ADORNMENT.fullmatch(line)
            and len(line) >= len(out[-1].strip())
        ):
            out.append(("=" if first else "-") * len(line))
            first = False
            index += 1
            continue
        out.append(line)
        index += 1
    return "\n".join(out)


#: A line of one punctuation mark repeated: a title's over- or underline.
_ADORNMENT = re.compile(r"([=\-~^#*+`':.\"_])\1{2,}+")
_STRONG = re.compile(r"\*\*(?P<text>[^*\n]{1,200}+)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?P<text>[^*\s][^*\n]{0,200}?)\*(?![\w*])")
