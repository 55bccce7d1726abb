"""LaTeX sources read as the Markdown their commands stand for."""

from back_health.importer.latex import is_latex, latex_to_markdown
from back_health.importer.pipeline import analyse

HANDOUT = r"""%% handout.tex -- generated, DO NOT EDIT
\documentclass[11pt]{article}
\usepackage{amsmath}
\title{Spine block --- Lecture 3: Cauda equina syndrome}
\author{Dr A.~Lee}
\begin{document}
\maketitle
\section{What is it?}
\textbf{Cauda equina syndrome} is compression of the nerve roots below the cord,
most often by a large central disc prolapse \cite{smith2020}. It affects about
$\approx 2$ in 100\,000 people a year. % TODO check figure
\subsection{Red flags}
\begin{itemize}
  \item Numbness around the \emph{bottom or genitals}
  \item[Bladder] New difficulty passing urine
\end{itemize}
Call 999 or go to A\&E straight away if these start.
\end{document}
"""


def test_a_latex_source_is_recognised_and_plain_text_is_not():
    assert is_latex(HANDOUT)
    assert not is_latex("Back pain\n\nMost back pain settles. Take 10% off the load.\n")


def test_latex_commands_become_markdown_and_the_rest_goes():
    text = latex_to_markdown(HANDOUT)
    assert text.startswith("# Spine block — Lecture 3: Cauda equina syndrome\n")
    assert "## What is it?" in text and "### Red flags" in text
    assert "**Cauda equina syndrome** is compression" in text
    assert "- Numbness around the *bottom or genitals*" in text
    assert "- **Bladder** New difficulty passing urine" in text
    assert "disc prolapse. It affects about" in text and "≈ 2 in 100 000 people" in text
    assert "go to A&E straight away" in text
    for residue in ("\\", "{", "}", "$", "TODO", "cite", "documentclass", "Dr A"):
        assert residue not in text


def test_a_latex_handout_imports_with_its_subject_and_warning():
    plan = analyse(HANDOUT.encode(), "handout.txt")
    assert plan.pages[0].title == "Cauda equina syndrome"
    severities = [b.value["severity"] for p in plan.pages for b in p.blocks if b.type == "warning"]
    assert "emergency" in severities
