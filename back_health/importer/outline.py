"""Pages of an outliner (Logseq, Roam, Obsidian with inline fields) exported as Markdown.

An outliner keeps a page as nested bullets, each a block, with its furniture in the
text: properties (``title:: Sciatica``, ``collapsed:: true``, ``id:: 64f1c2a9-...``),
tasks (``TODO``, ``DONE``, ``LATER`` opening a block) with their ``SCHEDULED: <...>``
lines (a task's children, what came of it, stay), references to other blocks by id
(``((64f1c2a9-...))``) and tags (``#rehab``). A heading is a block too (``- ## Causes``)
and what it heads are its children, one tab further in.

:func:`read_outline` reads such a page as plain Markdown: the page's ``title::`` its
title, a heading block a heading with its children a list under it, and the furniture
dropped. Any other text is returned as it is.
"""

from __future__ import annotations

import re

#: A property line: "collapsed:: true", "- alias:: LTN palsy", "tags:: [[MSK]]".
_PROPERTY = re.compile(r"[ \t]*+(?:-[ \t]++)?([a-z][a-z0-9_-]{0,40}+)::(?=[ \t]|$)")
#: Fewest property lines that make a text an outliner's page.
MIN_PROPERTIES = 2
#: A block's bullet, the indentation before it the block's depth.
_BULLET = re.compile(r"([ \t]*+)[-*][ \t]++")
#: A task's marker opening a block: "TODO finish the summary", "DONE email Dr Shah".
_TASK = re.compile(
    r"(?:TODO|DOING|DONE|LATER|NOW|WAITING|WAIT|CANCELED|CANCELLED|IN-PROGRESS)(?=[ \t]|$)"
)
#: A task's planning line: "SCHEDULED: <2025-03-21 Fri>", "DEADLINE: <2025-04-01>".
_PLANNING = re.compile(r"[ \t]*+(?:SCHEDULED|DEADLINE):[ \t]*+<[^<>\n]{1,60}+>[ \t]*+")
#: A reference to another block by id, with the "see" that points to it:
#: "(see ((6611b2f4-7c3a-...)))", "((64f1c2a9-...))".
_BLOCK_REF = re.compile(
    r"(?<![ \t])[ \t]*+\((?:see[ \t]++)?\(\([0-9a-f-]{8,40}+\)\)\)"
    r"|(?<![ \t])[ \t]*+\(\([0-9a-f-]{8,40}+\)\)"
)
#: A tag: "#rehab", "#[[shoulder girdle]]"; never a heading's "## " or a number ("#1").
_TAG = re.compile(r"(?<![^ \t(])#(?:\[\[[^\[\]\n]{1,80}+\]\]|[^\W\d_][\w/-]{0,40}+)")
#: A Markdown heading as a block's text: "## Causes".
_HEADING = re.compile(r"#{1,6}[ \t]++\S")
#: Columns a tab stands for in an outliner's indentation.
TAB = 2

REASON = "chrome: outliner"


def read_outline(text: str) -> tuple[str, list[tuple[str, str]]]:
    """An outliner's page as plain Markdown, and what was dropped as ``(reason, text)``
    pairs. Linear: each line is read once."""
    if "::" not in text:
        return text, []
    lines = text.split("\n")
    if sum(1 for line in lines if _PROPERTY.match(line)) < MIN_PROPERTIES:
        return text, []
    dropped: list[tuple[str, str]] = []
    out: list[str] = []
    title = ""
    headings: list[int] = []  # the depths of the heading blocks the line is under
    depth = -1  # the depth of the block the line is in, its dropped tasks aside
    tasks: list[int] = []  # the depths of the task blocks the line is under
    in_task = False  # whether the line belongs to a task's own block
    for line in lines:
        if bullet := _BULLET.match(line):
            written = _depth(bullet.group(1))
            while tasks and tasks[-1] >= written:
                tasks.pop()
            # A task's children are what came of it ("DONE GP phone call" over what the
            # GP said): they stay, one level up for each task they were under.
            depth = written - len(tasks)
            in_task = False
        if in_task:
            dropped.append((REASON, line.strip()))
            continue
        if prop := _PROPERTY.match(line):
            value = line[prop.end() :].strip()
            if prop.group(1) == "title" and depth < 0 and not title:
                title = value
            dropped.append((REASON, line.strip()))
            continue
        if _PLANNING.fullmatch(line):
            dropped.append((REASON, line.strip()))
            continue
        line = _without_references(line, dropped)
        if bullet is None:
            # A line of the block above, or of no block: kept under its block.
            out.append(
                line
                if depth < 0 or not line.strip()
                else _indent(depth, headings) + "  " + line.strip()
            )
            continue
        body = line[bullet.end() :]
        while headings and headings[-1] >= depth:
            headings.pop()
        if _TASK.match(body):
            dropped.append((REASON, line.strip()))
            tasks.append(written)
            in_task = True
            continue
        if _HEADING.match(body):
            out.extend(["", body.strip(), ""])
            headings.append(depth)
            continue
        out.append(_indent(depth, headings) + "- " + body.strip())
    if title:
        out[:0] = [f"# {title}", ""]
    return "\n".join(out), dropped


def _depth(indent: str) -> int:
    return indent.count("\t") + (len(indent) - indent.count("\t")) // TAB


def _indent(depth: int, headings: list[int]) -> str:
    """The indentation of a block at ``depth`` under ``headings``: its heading's children
    are the top of the list under the heading."""
    return "  " * max(0, depth - len(headings))


def _without_references(line: str, dropped: list[tuple[str, str]]) -> str:
    """``line`` without block references and tags, each dropped."""
    if "((" in line:
        dropped.extend((REASON, match.group(0).strip()) for match in _BLOCK_REF.finditer(line))
        line = _BLOCK_REF.sub("", line)
    if "#" in line:
        found = [match.group(0) for match in _TAG.finditer(line)]
        if found:
            dropped.extend((REASON, tag) for tag in found)
            line = _TAG.sub("", line).rstrip()
    return line
