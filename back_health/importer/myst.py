"""MyST Markdown (Jupyter Book, Sphinx) read as the plain Markdown it shows.

MyST writes boxes as directives fenced with backticks or colons ("```{note}", "```{admonition}
Before you start", ":::{warning}"), marks places to link to ("(san-causes)="), comments
lines out ("% TODO ..."), and wraps words in roles ("{term}`sciatica`", "{ref}`the exercises
<san-exercises>`", "{abbr}`MRI (magnetic resonance imaging)`").

:func:`read_myst` reads a text with such syntax as plain Markdown: a box becomes a quote
headed by its title, or labelled with its kind ("**Warning:** ..."), the way the page
shows it; a figure keeps its caption and loses its file's path and options; a glossary
keeps its terms and their meanings; targets, comments and a directive's options
(":class: dropdown") go, recorded as dropped; a role is its text. Code cells
("```{code-cell}") are left to the code rules. Any other text is returned as it is.
"""

from __future__ import annotations

import re

#: Directives that hold prose: boxes, a figure's caption, a glossary.
BOX_DIRECTIVES = frozenset(
    "note warning tip important caution attention danger error hint seealso admonition "
    "dropdown topic sidebar margin epigraph pull-quote card".split()
)
TEXT_DIRECTIVES = frozenset({"figure", "glossary", "div", "container", "rubric"})
#: A directive's opening fence: "```{note}", "````{admonition} Title", ":::{warning}".
_OPENING = re.compile(
    r"[ \t]{0,3}+(?P<fence>`{3,}+|~{3,}+|:{3,}+)\{(?P<kind>[a-z][\w-]{0,29}+)\}"
    r"[ \t]*+(?P<title>[^\n]{0,200}+)"
)
#: A directive's option line: ":class: dropdown", ":name: fig-neck".
_OPTION = re.compile(r"[ \t]*+:[a-z][\w-]{0,30}+:(?:[ \t][^\n]{0,200}+)?")
#: A target to link to: "(san-causes)=".
_TARGET = re.compile(r"[ \t]*+\([\w.:-]{1,80}+\)=[ \t]*+")
#: A comment line: "% TODO: check the wording".
_COMMENT = re.compile(r"%(?:[ \t][^\n]{0,300}+)?")
#: A role: "{term}`sciatica`", "{ref}`the exercises <san-exercises>`".
_ROLE = re.compile(r"\{[a-z][\w:-]{0,20}+\}`([^`\n]{1,200}+)`")
#: The target after a role's text: "the exercises <san-exercises>".
_ROLE_TARGET = re.compile(r"[ \t]*+<[^<>\n]{1,100}+>$")
#: An abbreviation's expansion in brackets: "MRI (magnetic resonance imaging)".
_EXPANSION = re.compile(r"[ \t]*+\([^()\n]{1,100}+\)$")

REASON = "chrome: site markup"


def read_myst(text: str) -> tuple[str, list[tuple[str, str]]]:
    """MyST Markdown as plain Markdown, and what was dropped as ``(reason, text)`` pairs.
    Linear: each line is read once."""
    if "{" not in text and ")=" not in text:
        return text, []
    lines = text.split("\n")
    if not any(_OPENING.fullmatch(line) or _TARGET.fullmatch(line) for line in lines):
        return text, []
    dropped: list[tuple[str, str]] = []
    out: list[str] = []
    fence = ""  # the fence of the directive being read ("" outside one)
    boxed = False  # whether its text is quoted as a box
    label = ""  # "**Warning:** " for the first line of a box without a title
    options = False  # the directive's option lines may still come
    for line in lines:
        if fence:
            if line.strip() == fence:
                fence, boxed, label = "", False, ""
                out.append("")
                continue
            if options and _OPTION.fullmatch(line):
                dropped.append((REASON, line.strip()))
                continue
            options = False
            line = _roles(line)
            if boxed:
                if label and line.strip():
                    line, label = f"{label}{line.lstrip()}", ""
                out.append(f"> {line}" if line.strip() else ">")
            else:
                out.append(line)
            continue
        if (opening := _OPENING.fullmatch(line)) and _reads_as_text(opening.group("kind")):
            kind, title = opening.group("kind"), opening.group("title").strip()
            fence, options = opening.group("fence"), True
            boxed = kind in BOX_DIRECTIVES
            if kind == "figure" and title:
                dropped.append((REASON, line.strip()))  # the figure's file
                title = ""
            if boxed:
                out.extend(["", f"> **{title}**", ">"] if title else [""])
                label = "" if title or kind == "admonition" else f"**{kind.capitalize()}:** "
            else:
                out.append("")
            continue
        if _TARGET.fullmatch(line) or _COMMENT.fullmatch(line):
            dropped.append((REASON, line.strip()))
            continue
        out.append(_roles(line))
    return "\n".join(out), dropped


def _reads_as_text(kind: str) -> bool:
    return kind in BOX_DIRECTIVES or kind in TEXT_DIRECTIVES


def _roles(line: str) -> str:
    if "}`" not in line:
        return line
    return _ROLE.sub(_role_text, line)


def _role_text(match: re.Match) -> str:
    """A role's text: "the exercises <san-exercises>" -> "the exercises", an
    abbreviation without its expansion."""
    text = match.group(1)
    shown = _ROLE_TARGET.sub("", text)
    if match.group(0).startswith("{abbr}"):
        shown = _EXPANSION.sub("", shown)
    return shown or text
