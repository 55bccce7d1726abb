"""Printed pages a converter turned into HTML line by line (pdf2htmlEX, poppler's
``pdftohtml``, a text layer placed on the page).

Such HTML keeps how each printed line sits on its page, not the text's structure: every
line is an element of its own, placed where it was printed (``<div class="t m0 x1 ff1
fs0 y6">``, ``<p style="position:absolute;top:162px;left:72px">``), so a sentence runs
across several elements and a word broken at the end of a line stays broken. Read as
paragraphs, each line would be one.

:func:`printed_lines` finds such pages (the converter's name in the page's
``generator``, or twenty lines or more placed absolutely or classed as a converter's
lines) and gives their lines page by page, with the style each is set in. The HTML
parser then reads them as a PDF's printed lines are read (:func:`.pdf.laid_out_text`):
what printing put on every page goes, broken words are joined, a line set in a rarer
style than the body's, and short, is a heading.
"""

from __future__ import annotations

import re
from collections import Counter

from bs4 import Comment

from .pdf import Line

#: Fewest placed lines that make a page printed rather than written for the web, and the
#: share of the page's text they must hold.
MIN_LINES = 20
PRINTED_SHARE = 0.6
#: A converter of printed pages, named in ``<meta name="generator">``.
_CONVERTER = re.compile(r"pdf2htmlex|pdftohtml|pdf\.js", re.IGNORECASE)
#: An element placed where it was printed.
_PLACED = re.compile(r"position\s*:\s*absolute", re.IGNORECASE)
#: The classes that say how a converter's line is set: font, size, colour, weight.
_STYLE_CLASS = re.compile(r"^(?:ff|fs|fc|fw|ft)[0-9a-f]+$")
#: A page: pdf2htmlEX's ``pf`` (page frame), pdftohtml's ``page1-div``.
_PAGE = re.compile(r"^(?:pf[0-9a-f]*|page\d+(?:-div)?)$")
#: A size given to a style class in the page's own style sheet: ".fs3{font-size:56px;}".
_CLASS_SIZE = re.compile(r"\.((?:fs|ft)[0-9a-f]+)\s*\{[^{}]{0,200}?font-size\s*:\s*([\d.]+)px")
#: Scale of the sizes given to styles no style sheet sizes, rarest largest.
RARE_STYLE_STEP = 0.2


def printed_lines(soup) -> tuple[str, list[Line]] | None:
    """The printed lines of a converted page, as laid-out text (pages ended by form
    feeds) and each line with the size it is set in; None for any other page."""
    generator = soup.find("meta", attrs={"name": "generator"})
    named = generator is not None and _CONVERTER.search(str(generator.get("content", "")))
    lines = _line_elements(soup)
    if len(lines) < MIN_LINES and not (named and lines):
        return None
    pages: list[list[tuple[str, str]]] = []
    page_of: dict[int, int] = {}
    for element in lines:
        text = " ".join(element.get_text("").split())
        if not text:
            continue
        key = id(_page(element))
        if key not in page_of:
            page_of[key] = len(pages)
            pages.append([])
        pages[page_of[key]].append((text, _style(element)))
    if not pages:
        return None
    body = soup.body or soup
    shown = " ".join(
        text
        for text in body.find_all(string=True)
        if not isinstance(text, Comment) and text.parent.name not in ("script", "style")
    )
    printed = sum(len(text) for page in pages for text, _ in page)
    if printed < PRINTED_SHARE * len(" ".join(shown.split())):
        return None  # a web page with a few placed boxes (a menu, a banner) in it
    sizes = _sizes(soup, [line for page in pages for line in page])
    text = "\n\f".join("\n".join(line for line, _ in page) for page in pages)
    return text, [Line(line, sizes[style], 0.0) for page in pages for line, style in page]


def _line_elements(soup) -> list:
    """The printed lines: elements a converter placed (``class="t ..."``, or placed
    absolutely) that hold no other placed element. One pass: each placed element marks
    the placed element around it, if any, as holding one."""
    placed = [
        element
        for element in soup.find_all(["div", "p", "span"])
        if "t" in (element.get("class") or []) or _PLACED.search(str(element.get("style", "")))
    ]
    ids = {id(element) for element in placed}
    holders: set[int] = set()
    for element in placed:
        for depth, parent in enumerate(element.parents):
            if depth >= PAGE_DEPTH:
                break
            if id(parent) in ids:
                holders.add(id(parent))
                break
    return [element for element in placed if id(element) not in holders]


#: How far up from a line its page (or the line holding it) is looked for.
PAGE_DEPTH = 12


def _page(element):
    for depth, parent in enumerate(element.parents):
        if depth >= PAGE_DEPTH:
            return None
        if _is_page(parent):
            return parent
    return None


def _is_page(element) -> bool:
    return any(_PAGE.match(name) for name in (element.get("class") or [])) or bool(
        _PAGE.match(str(element.get("id", "")))
    )


def _style(element) -> str:
    return " ".join(sorted(c for c in element.get("class") or [] if _STYLE_CLASS.match(c)))


def _sizes(soup, lines: list[tuple[str, str]]) -> dict[str, float]:
    """The size each style is set in: from the page's style sheet when it gives one,
    else the body's style 1 and each other style of short lines that end no sentence
    larger the rarer it is (a title's style is the rarest). Lines printed on every page
    in the same style (a running header, "Page 1 of 2") weigh nothing."""
    sheet = " ".join(style.get_text() for style in soup.find_all("style"))
    sized = {name: float(size) for name, size in _CLASS_SIZE.findall(sheet)}
    if sized:
        return {
            style: max((sized.get(c, 0.0) for c in style.split()), default=0.0) or 1.0
            for _, style in lines
        }
    # A line counts as printed on every page when it recurs in the same style: a
    # leaflet's title set large on its first page is still its title when a running
    # header repeats its words in small print on the next.
    seen = Counter((_DIGITS.sub("#", text), style) for text, style in lines)
    chars: Counter = Counter()
    shapes: dict[str, list[str]] = {}
    for text, style in lines:
        if seen[_DIGITS.sub("#", text), style] < 2:
            chars[style] += len(text)
            shapes.setdefault(style, []).append(text)
    sizes = dict.fromkeys((style for _, style in lines), 1.0)
    if not chars:
        return sizes
    body = chars.most_common(1)[0][0]
    headings = [
        style
        for style in chars
        if style != body and all(_heading_like(text) for text in shapes[style])
    ]
    for rank, style in enumerate(sorted(headings, key=lambda s: -chars[s]), 1):
        sizes[style] = 1.0 + RARE_STYLE_STEP * rank
    return sizes


_DIGITS = re.compile(r"\d+")
#: Most words of a line in a heading's style.
HEADING_WORDS = 12


def _heading_like(text: str) -> bool:
    return len(text.split()) <= HEADING_WORDS and not text.endswith((".", ",", ";"))
