"""LaTeX sources (a lecture handout, a leaflet typeset in LaTeX) read as Markdown.

A handout exported or pasted as its LaTeX source keeps the markup: ``\\section{...}``,
``\\textbf{...}``, ``\\begin{itemize} \\item``, ``% comments``, ``\\cite{...}`` and inline maths.
:func:`latex_to_markdown` writes it as the Markdown it stands for (headings, bold and
italic, list items), keeps the text of other commands and drops the preamble, comments,
citations and labels, so the Markdown parser reads the structure. Each pattern is applied
a fixed number of times and none backtracks: linear in the text.
"""

from __future__ import annotations

import re

#: Signs of a LaTeX source: either of these, or this many structure commands.
_DOCUMENT = re.compile(r"\\(?:documentclass|begin\{document\})")
_STRUCTURE = re.compile(
    r"\\(?:(?:sub)*section\*?\{|item\b|textbf\{|begin\{(?:itemize|enumerate)\})"
)
STRUCTURE_COMMANDS_MIN = 4

#: A comment: from an unescaped "%" to the end of its line.
_COMMENT = re.compile(r"(?<!\\)%[^\n]*+")
_TITLE = re.compile(r"\\title\{([^{}\n]{1,200})\}")
_HEADINGS = (
    (re.compile(r"\\section\*?\{([^{}\n]{1,200})\}"), "\n\n## \\1\n\n"),
    (re.compile(r"\\subsection\*?\{([^{}\n]{1,200})\}"), "\n\n### \\1\n\n"),
    (re.compile(r"\\subsubsection\*?\{([^{}\n]{1,200})\}"), "\n\n#### \\1\n\n"),
    (re.compile(r"\\paragraph\*?\{([^{}\n]{1,200})\}"), "\n\n**\\1** "),
)
_LIST_EDGE = re.compile(r"[ \t]*+\\(?:begin|end)\{(?:itemize|enumerate|description)\}[ \t]*+")
_ITEM_LABEL = re.compile(r"[ \t]*+\\item\[([^\[\]\n]{1,80})\][ \t]*+")
_ITEM = re.compile(r"[ \t]*+\\item\b[ \t]*+")
#: Commands dropped with their argument.
_DROPPED = re.compile(
    r"\\(?:cite[pt]?|ref|eqref|label|footnote|includegraphics|vspace|hspace|bibliography"
    r"(?:style)?)\*?(?:\[[^\[\]\n]{0,80}\])?\{[^{}\n]{0,200}\}"
)
_BOLD = re.compile(r"\\textbf\{([^{}\n]{1,200})\}")
_ITALIC = re.compile(r"\\(?:emph|textit)\{([^{}\n]{1,200})\}")
_LINK = re.compile(r"\\href\{[^{}\n]{0,300}\}\{([^{}\n]{1,200})\}")
#: Any other command with one argument: its text is kept.
_UNWRAP = re.compile(r"\\[A-Za-z]++\*?(?:\[[^\[\]\n]{0,80}\])?\{([^{}\n]{0,200})\}")
#: A command with no argument, and braces left over.
_BARE_COMMAND = re.compile(r"\\[A-Za-z]++\*?")
_MATH = re.compile(r"\$([^$\n]{1,200})\$")
_MATH_SYMBOL = re.compile(r"\\(approx|leq|geq|le|ge|times|pm)(?![A-Za-z])")
_MATH_SYMBOLS = {
    "approx": "≈",
    "leq": "≤",
    "geq": "≥",
    "le": "≤",
    "ge": "≥",
    "times": "×",
    "pm": "±",
}
_SYMBOLS = {
    r"\,": " ",
    r"\;": " ",
    r"\ ": " ",
    r"\%": "%",
    r"\&": "&",
    r"\_": "_",
    r"\#": "#",
    r"\\": "\n",
    "~": " ",
    "---": "—",
    "--": "–",
    "``": "“",
    "''": "”",
}
#: Passes over nested braces ("\textbf{\emph{x}}"): enough for the nesting handouts use.
NESTING_PASSES = 3


def is_latex(text: str) -> bool:
    if _DOCUMENT.search(text):
        return True
    return len(_STRUCTURE.findall(text, 0, 200_000)) >= STRUCTURE_COMMANDS_MIN


def latex_to_markdown(text: str) -> str:
    """The Markdown a LaTeX source stands for."""
    text = _COMMENT.sub("", text)
    title = _TITLE.search(text)
    if (start := text.find("\\begin{document}")) >= 0:
        text = text[start + len("\\begin{document}") :]
    if (end := text.find("\\end{document}")) >= 0:
        text = text[:end]
    if title:
        text = f"# {title.group(1).strip()}\n\n{text}"
    for pattern, replacement in _HEADINGS:
        text = pattern.sub(replacement, text)
    text = _LIST_EDGE.sub("\n", text)
    text = _ITEM_LABEL.sub(r"\n- **\1** ", text)
    text = _ITEM.sub("\n- ", text)
    text = _DROPPED.sub("", text)
    text = _MATH.sub(r"\1", text)
    for _ in range(NESTING_PASSES):
        text = _LINK.sub(r"\1", text)
        text = _BOLD.sub(r"**\1**", text)
        text = _ITALIC.sub(r"*\1*", text)
        text = _UNWRAP.sub(r"\1", text)
    text = _MATH_SYMBOL.sub(lambda m: _MATH_SYMBOLS[m.group(1)], text)
    for source, written in _SYMBOLS.items():
        text = text.replace(source, written)
    text = _BARE_COMMAND.sub("", text).replace("{", "").replace("}", "")
    # "about 70% of them \cite{x}, but": the space a dropped citation leaves.
    text = _SPACE_BEFORE_MARK.sub("", text)
    return _BLANK_LINES.sub("\n\n", text).strip() + "\n"


_SPACE_BEFORE_MARK = re.compile(r"(?<=\S)[ \t\n]++(?=[,.;:](?:\s|$))")
_BLANK_LINES = re.compile(r"\n(?:[ \t]*+\n)++")
