"""PDF documents read as the structured text their pages print, with the optional ``pdf``
extra (``pypdf``).

Clinics keep their leaflets as PDFs. ``pypdf`` gives each page's text laid out as it is
printed (``extraction_mode="layout"``): lines in reading order, a blank line where the
page leaves a gap, indentation kept. A PDF keeps no headings or lists, only how the text
looks, so this module reads them back from the page:

- a line set larger than the body text (the size most of the text is set in) is a
  heading: the largest size is the document's title, the next sizes its sections and
  subsections; a short line wholly in bold at the body size is a subsection heading;
- a line opening with a bullet glyph ("•", "▪", "◦", the Symbol font's bullet) is a list
  item, and so is each indented line under a line ending in a colon or under a heading
  (a list whose bullets were drawn, not written); a full line runs its item on;
- a short line that does not lead into the next stands alone (a menu item, a button);
- a page in two columns is read column by column, and a table becomes a Markdown table
  (:func:`in_reading_order`, :func:`with_tables`);
- what printing put on every page goes, as it does for a leaflet copied out of a PDF as
  text (:func:`~.parse_text.strip_running_lines`: running headers, footers and page
  numbers, recorded as dropped), and a word broken across two lines is joined again
  (:func:`~.parse_text.join_hyphenated_lines`).

The result is Markdown, read by the Markdown parser like any other article. A PDF set in
one size throughout shows no headings that way: its laid-out text, pages ended by form
feeds, goes to the plain-text parser instead.

Also:

- a document protected by a password is read when it opens without one (many are
  "encrypted" only against editing); otherwise it is refused with a message that says so;
- a document with no text layer (a scan) is refused as having nothing to import, with a
  message that says why;
- the text is never allowed past the size limit: pages are read one at a time and the
  reading stops there, and ``pypdf``'s own limits on what a compressed stream may unpack
  to stay in force.

Without the extra a PDF is refused with a message that says how to import it.
"""

from __future__ import annotations

import io
import logging
import math
import re
import textwrap
import unicodedata
from bisect import bisect_right
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass

from .errors import ImportSourceError, NothingToImportError
from .language import stopwords
from .parse_text import join_hyphenated_lines, strip_running_lines

#: Where a PDF starts (the header may follow a few bytes of junk).
PDF_SIGNATURE = b"%PDF-"

#: Bytes at the start of a file searched for the header.
_HEADER_WINDOW = 1024


def is_pdf(raw: bytes) -> bool:
    """Whether ``raw`` is a PDF: it opens with the header, or has it among its first bytes
    and the end-of-file marker at its end (a text quoting "%PDF-1.4" is no PDF)."""
    found = raw.find(PDF_SIGNATURE, 0, _HEADER_WINDOW)
    return found == 0 or (found > 0 and b"%%EOF" in raw[-_HEADER_WINDOW:])


#: How much larger than the body text a line must be set to be a heading.
HEADING_SCALE = 1.15
#: Most words a heading line has.
HEADING_MAX_WORDS = 14
#: Most words of a bold line at the body size read as a subsection heading.
BOLD_HEADING_MAX_WORDS = 8
#: Share of a line's characters in bold for it to be a bold line.
BOLD_SHARE = 0.9
#: A line as long as this share of the page's longest runs on to the next line.
FULL_LINE_SHARE = 0.85
#: An item's line this long, before a word in lower case, was wrapped.
NEARLY_FULL_SHARE = 0.75

#: A bullet opening a line: the usual glyphs, the Symbol font's (private use) and a dash.
_BULLET = re.compile(
    r"^[ \t]*+[\u2022\u25cf\u25aa\u25e6\u2023\u2219\u00b7\uf0b7\uf0a7\u25a0\u25a1-][ \t]++"
)
#: What Markdown would read as markup at a line's start: a heading, quote or HTML (a
#: number opening a line is a numbered item in print too, and stays one).
_MARKUP_START = re.compile(r"^([ \t]*+)([#>+<])")


@dataclass
class PdfText:
    """What a PDF reads as: its ``text`` in ``format`` ("markdown" when the sizes it is
    set in show its headings, else "text", laid out, pages ended by form feeds), and the
    lines printing repeated on each page that were taken out, as ``(reason, line)``."""

    text: str
    format: str
    dropped: list[tuple[str, str]]


@dataclass
class Line:
    text: str
    size: float
    bold: float


def pdf_text(raw: bytes, name: str = "", *, max_bytes: int) -> PdfText:
    """What a PDF's pages read as (see the module's docstring). A PDF set in one size
    throughout shows no headings by size: its laid-out text goes to the plain-text
    parser, which finds headings by layout and wording. Raises
    :class:`ImportSourceError` for a document that cannot be read, when its text passes
    the size limit, or when the ``pdf`` extra is not installed."""
    layouts, lines = _read_pages(raw, name or "The source", max_bytes)
    text = "\n\f".join(map(in_reading_order, layouts))
    if not text.replace("\f", "").strip():
        raise NothingToImportError(
            f"{name or 'The source'} is a PDF without text (a scanned page?): there is"
            " nothing to read.",
            code="empty",
        )
    return laid_out_text(text, lines)


def laid_out_text(text: str, lines: list[Line]) -> PdfText:
    """Printed pages' text (lines in reading order, pages ended by form feeds) as
    Markdown when the sizes its ``lines`` are set in show headings, else as it is, for
    the plain-text parser. Also reads pages a converter turned into HTML line by line
    (:mod:`.printed_html`)."""
    levels = _heading_levels(lines)
    if not levels:
        return PdfText(text + "\n", "text", [])
    text, dropped = strip_running_lines(text)
    text = join_hyphenated_lines(text)
    return PdfText(_markdown(text, levels), "markdown", dropped)


def _read_pages(raw: bytes, label: str, max_bytes: int) -> tuple[list[str], list[Line]]:
    """Each page's laid-out text, and every line with the size and boldness it is set in."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:
        raise ImportSourceError(
            f"{label} is a PDF document. Install the 'pdf' extra "
            "(pip install wagtail-back-health[pdf]) to import PDFs, or save it as text "
            "or HTML.",
            code="binary",
        ) from exc
    # pypdf logs every oddity of a damaged file as a warning; the error below says enough.
    with _quiet(logging.getLogger("pypdf")):
        try:
            reader = PdfReader(io.BytesIO(raw))
            if reader.is_encrypted and not reader.decrypt(""):
                raise ImportSourceError(
                    f"{label} is a PDF protected by a password: save a copy without one first.",
                    code="bad_document",
                )
            layouts: list[str] = []
            lines: list[Line] = []
            size = 0
            for page in reader.pages:
                text = page.extract_text(extraction_mode="layout")
                size += len(text.encode("utf-8"))
                if size > max_bytes:
                    raise ImportSourceError(
                        f"{label}: the text of the PDF is larger than the size limit of"
                        f" {max_bytes} bytes.",
                        code="too_large",
                    )
                layouts.append("\n".join(map(logical_order, text.rstrip().split("\n"))))
                lines.extend(_set_lines(page))
        except ImportSourceError:
            raise
        except (
            PdfReadError,
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
            IndexError,
        ) as error:
            raise ImportSourceError(
                f"{label} is not a readable PDF: {type(error).__name__}:"
                f" {' '.join(str(error).split())}.",
                code="bad_document",
            ) from error
    return layouts, lines


@contextmanager
def _quiet(logger: logging.Logger):
    """``logger`` at ``ERROR`` while reading, as it was afterwards."""
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


#: Runs on one height further apart than this many times their size are in different
#: columns (a heading in each column of a two-column page is two lines).
COLUMN_GAP_SIZES = 2.0
#: Average width of a character, in sizes, for telling where a run ends.
CHAR_WIDTH = 0.5


def _set_lines(page) -> list[Line]:
    """The page's lines as set: each line's text (runs at one height and in one column
    joined), the largest size in it and the share of its characters in a bold font."""
    runs: dict[float, list] = {}

    def visit(text, cm, tm, font, font_size):
        if not text.strip():
            return
        scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
        height = round(tm[5] * cm[3] + cm[5])
        left = tm[4] * cm[0] + cm[4]
        name = str(font.get("/BaseFont", "")) if font else ""
        bold = "bold" in name.lower() or "black" in name.lower()
        runs.setdefault(height, []).append((left, text, font_size * scale, bold))

    page.extract_text(visitor_text=visit)
    lines = []
    for parts in runs.values():
        parts.sort(key=lambda part: part[0])
        column = [parts[0]]
        for part in parts[1:]:
            left, text, size, _ = column[-1]
            if part[0] - (left + len(text) * size * CHAR_WIDTH) > COLUMN_GAP_SIZES * size:
                lines.append(_line_of(column))
                column = []
            column.append(part)
        lines.append(_line_of(column))
    return lines


def _line_of(parts) -> Line:
    text = " ".join("".join(part for _, part, _, _ in parts).split())
    chars = sum(len(part.strip()) for _, part, _, _ in parts) or 1
    bold = sum(len(part.strip()) for _, part, _, heavy in parts if heavy) / chars
    return Line(logical_order(text), round(max(size for _, _, size, _ in parts), 1), bold)


def logical_order(line: str) -> str:
    """A line of right-to-left script (Arabic, Urdu, Hebrew) in reading order, as the
    PDF lays its glyphs out left to right: its words from right to left, each in the
    order it is read, with the shaped letter forms of the font made plain letters again.
    Numbers and Latin words inside it keep their own order; other lines are unchanged."""
    if not _RIGHT_TO_LEFT.search(line):
        return line
    line = _PRESENTATION_FORM.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), line)
    letters = sum(1 for char in line if char.isalpha())
    if len(_RIGHT_TO_LEFT.findall(line)) * 2 <= letters:
        return line
    indent = line[: len(line) - len(line.lstrip())]
    words = line.split()
    return indent + " ".join(
        word[::-1] if _RIGHT_TO_LEFT.search(word) else word for word in reversed(words)
    )


#: Letters of scripts read from right to left, and their presentation forms.
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
#: Arabic letters in the shapes a font draws them in (initial, medial, final, ligatures).
_PRESENTATION_FORM = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]+")

#: A gap of three spaces or more between text on a laid-out line.
_GAP = re.compile(r"(?<=\S) {3,}+(?=\S)")
#: Share of a page's lines a gutter must run through (or start right of) for the page
#: to be read as two columns.
GUTTER_SHARE = 0.3
#: Fewest lines a gutter must run through.
GUTTER_MIN_LINES = 4
#: A second gap this common (against the gutter's) makes the page a table, not columns.
TABLE_GAP_SHARE = 0.5


def in_reading_order(page: str) -> str:
    """A laid-out page in two columns as the left column's lines, then the right's.

    The gutter is the position most gaps of three spaces or more run through; the page
    is two columns when it runs through (or the text starts right of it on) at least
    :data:`GUTTER_SHARE` of the page's lines, and no other gap is nearly as common (a
    table has several). A line crossing the gutter without a gap (a heading over both
    columns) ends the columns before it. Linear in the page's length."""
    lines = page.split("\n")
    gaps: Counter = Counter()
    for line in lines:
        for gap in _GAP.finditer(line):
            gaps.update(range(gap.start() + 1, gap.end() - 1))
    if not gaps:
        return page
    peak, through = gaps.most_common(1)[0]
    common = TABLE_GAP_SHARE * through
    start = end = peak  # the band of positions about as common as the peak
    while gaps.get(start - 1, 0) >= common:
        start -= 1
    while gaps.get(end + 1, 0) >= common:
        end += 1
    if any(count >= common and not start - 1 <= at <= end + 1 for at, count in gaps.items()):
        return with_tables(page)  # another column of gaps: a table
    gutter = end
    filled = [line for line in lines if line.strip()]
    right_only = sum(1 for line in filled if _indent(line) >= gutter)
    if through + right_only < max(GUTTER_MIN_LINES, GUTTER_SHARE * len(filled)):
        return page
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []

    def flush() -> None:
        out.extend(left)
        if any(line.strip() for line in right):
            out.append("")
            out.extend(textwrap.dedent("\n".join(right)).split("\n"))
        left.clear()
        right.clear()

    for line in lines:
        if not line.strip():
            left.append("")
            right.append("")
        elif _indent(line) >= gutter:
            right.append(line[gutter:])
        elif len(line.rstrip()) <= gutter:
            left.append(line.rstrip())
        elif line[gutter - 1 : gutter + 1] == "  ":
            left.append(line[:gutter].rstrip())
            right.append(line[gutter:])
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def _heading_levels(lines: list[Line]) -> dict[str, int]:
    """Line text -> heading level, from the sizes the lines are set in."""
    sizes = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    if not sizes:
        return {}
    body = sizes.most_common(1)[0][0]
    larger = sorted(
        {
            line.size
            for line in lines
            if line.size >= body * HEADING_SCALE and len(line.text.split()) <= HEADING_MAX_WORDS
        },
        reverse=True,
    )
    level_of = {size: min(rank, 3) for rank, size in enumerate(larger, 1)}
    bold_level = min(len(larger) + 1, 3)
    levels: dict[str, int] = {}
    for line in lines:
        if line.size in level_of and len(line.text.split()) <= HEADING_MAX_WORDS:
            levels.setdefault(line.text, level_of[line.size])
        elif (
            line.size == body
            and line.bold >= BOLD_SHARE
            and len(line.text.split()) <= BOLD_HEADING_MAX_WORDS
            and not line.text.endswith((".", ",", ";"))
            and not _BULLET.match(line.text)
        ):
            levels.setdefault(line.text, bold_level)
    return levels


#: Share of a table's lines a column must start on.
COLUMN_SHARE = 0.3
#: Fewest lines with gaps that make a table, and fewest columns.
TABLE_MIN_LINES = 3
TABLE_MIN_COLUMNS = 3
_CELL_START = re.compile(r"(?:^|(?<=   ))[ \t]*+(?=\S)")
#: Words of a laid-out line with at most two spaces between them: one cell's text.
_WORDS_RUN = re.compile(r"\S++(?: {1,2}+\S++)*+")


def with_tables(page: str) -> str:
    """A laid-out page with each table (a run of lines whose gaps line up in three
    columns or more) set out as a Markdown pipe table. A line filling all its columns
    but one or more starts a row; a line filling fewer runs the cells above it on, as a
    cell wrapped onto two lines does. Linear in the page's length."""
    lines = page.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and lines[end].strip() and _in_table(lines[end]):
            end += 1
        region = lines[index:end]
        table = _pipe_table(region) if len(region) >= TABLE_MIN_LINES else None
        if table is None:
            # No table: the run's lines stay as they are, each looked at once.
            out.extend(region or [lines[index]])
            index = max(end, index + 1)
            continue
        out.extend(["", *table, ""])
        index = end
    return "\n".join(out)


def _in_table(line: str) -> bool:
    """A line of a table: it has a gap, or it is indented (a cell wrapped on)."""
    return bool(_GAP.search(line)) or _indent(line) >= 3


def _pipe_table(region: list[str]) -> list[str] | None:
    starts: Counter = Counter()
    for line in region:
        for cell in _CELL_START.finditer(line):
            starts[cell.end()] += 1
    columns: list[int] = []
    for at in sorted(at for at, count in starts.items() if count >= COLUMN_SHARE * len(region)):
        if not columns or at - columns[-1] > 2:
            columns.append(at)
    if len(columns) < TABLE_MIN_COLUMNS or sum(1 for line in region if _GAP.search(line)) < (
        TABLE_MIN_LINES
    ):
        return None
    columns[0] = 0
    rows: list[list[list[str]]] = []  # each row's cells, each cell's runs of words
    for line in region:
        # Each run of words goes to the column its middle is in: a heading centred over
        # its column may start left of the column's text.
        cells: list[list[str]] = [[] for _ in columns]
        for words in _WORDS_RUN.finditer(line):
            cells[bisect_right(columns, (words.start() + words.end()) / 2) - 1].append(
                words.group(0)
            )
        filled = sum(1 for cell in cells if cell)
        if not rows or filled >= len(columns) - 1:
            rows.append(cells)
        else:
            for cell, more in zip(rows[-1], cells, strict=True):
                cell.extend(more)  # a wrapped cell runs on
    escaped = [[" ".join(cell).replace("|", "\\|") for cell in row] for row in rows]
    head, *body = escaped
    return [
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(columns),
        *("| " + " | ".join(row) + " |" for row in body),
    ]


def _markdown(text: str, levels: dict[str, int]) -> str:
    """The laid-out text as Markdown: headings by their levels, bulleted and indented
    items as list items, other lines as they are (blank lines end paragraphs)."""
    out: list[str] = []
    lines = text.split("\n")
    longest = max((len(line.rstrip()) for line in lines), default=0)
    listing = False  # inside indented items under a line ending in a colon
    margin = 0
    previous = ""  # the last line with text
    for index, line in enumerate(lines):
        plain = " ".join(line.split())
        if not plain:
            out.append("")  # a gap between items goes on with the list
            continue
        item = _list_line(line, plain, previous, listing, margin, longest, levels)
        previous = line
        if item is not None:
            listing, margin, text = item
            out.append(text)
            continue
        if plain in levels:
            out.extend(["", "#" * levels[plain] + " " + _escaped(plain), ""])
            listing = False
            continue
        listing = False
        out.append(_escaped(plain))
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not plain.startswith("|") and _ends_its_block(plain, following, longest):
            out.append("")
    return "\n".join(out).strip() + "\n"


#: A line shorter than this share of the page's longest may end its block.
SHORT_LINE_SHARE = 0.6
#: The word a line ends in, punctuation aside ("... 3 sets of 12" ends in a number).
_LAST_WORD = re.compile(r"([^\W\d_]+)[^\w]*$")


def _ends_its_block(plain: str, following: str, longest: int) -> bool:
    """Whether a short line stands alone though no gap follows it: a menu item, a
    button, a line of a banner ("Skip to main content" over "Wessex Valley Health").
    The next line opens with a capital and this one does not lead into it (a comma, a
    hyphen or a joining word at its end: "... such as" over "Nurofen")."""
    following = following.strip()
    if not following[:1].isupper() or len(plain) >= SHORT_LINE_SHARE * longest:
        return False
    if plain.endswith((",", ";", ":", "-", "\u2013", "\u2014", "(", "/", "&")):
        return False
    last = _LAST_WORD.search(plain)
    return last is None or last.group(1).lower() not in _joining_words()


def _joining_words() -> frozenset[str]:
    return stopwords().get("en", frozenset())


def _list_line(line, plain, previous, listing, margin, longest, levels):
    """``(listing, margin, Markdown)`` when ``line`` is a list item or runs one on, else
    None. A bulleted line is an item; so is each line indented under a line ending in a
    colon or under a heading, unless the line before it is full, when it runs that item
    on."""
    if _BULLET.match(line):
        return listing, margin, "- " + _escaped(_BULLET.sub("", line, count=1).strip())
    indent = _indent(line)
    lead = previous.rstrip().endswith(":") or " ".join(previous.split()) in levels
    if lead and indent > _indent(previous) + 1:
        return True, indent, "- " + _escaped(plain)
    if not listing or indent != margin:
        return None
    if _runs_on(previous.rstrip(), plain, longest):
        return True, margin, "  " + _escaped(plain)  # the item's text runs on
    return True, margin, "- " + _escaped(plain)


def _runs_on(previous: str, plain: str, longest: int) -> bool:
    """Whether ``plain`` goes on with the item on the line before rather than starting
    one: that line is full, or it stops short of the end of a sentence or an item, in a
    joining word ("... the same amount of" over "vitamin D;") or, when long, before a
    word in lower case."""
    if len(previous) >= FULL_LINE_SHARE * longest:
        return True
    if previous.endswith((".", ";", ":", "!", "?", "\u201c", "\u201d", '"')):
        return False
    last = _LAST_WORD.search(previous)  # "... 3 sets of 12" ends in a number, not "of"
    if last is not None and last.group(1).lower() in _LEADS_ON:
        return True
    return plain[:1].islower() and len(previous) >= NEARLY_FULL_SHARE * longest


#: Words no item ends in: what follows them is the rest of the item.
_LEADS_ON = frozenset(
    "a an the of to for with from by as at into onto than and or nor but that which who"
    " whose your their its his her our my this these those such".split()
)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _escaped(text: str) -> str:
    """``text`` with what Markdown would read as markup at its start escaped."""
    return _MARKUP_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text, count=1)
