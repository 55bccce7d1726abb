"""Parse plain text into a Document, reading structure from layout and wording.

Rules (general, never a list of known headings):

- Paragraphs are separated by blank lines; lines inside a paragraph are joined, and
  indentation alone never starts a new paragraph.
- A heading is a line that stands alone (or starts a block whose next line starts a
  new sentence), is short (:data:`MAX_HEADING_WORDS`), starts with a capital, does not
  end like a sentence (``.``, ``,``, ``;``, ``:``, ``!``; ``?`` is fine) and is
  followed by more text.
- The title is the last of the heading-like lines the text opens with, i.e. the first
  heading followed by body text; earlier lone lines are site chrome ("Useful Tips")
  and stay in an untitled section before the title for the clean step to drop. When
  the line before it shares a word with it ("Sciatica" / "What is sciatica?"), that
  line is the title instead.
- Levels: the title is 1, headings 2; a numbered heading ("Tip 2: ...") or a heading
  straight after another heading (no text between) is one level deeper, at most 3.
- Lists: bulleted (``• - * – · ▪``) or numbered (``1.``, ``1)``, ``a)``) lines; lines
  that follow an item without a marker continue it; items split by blank lines stay
  one list while the marker (and numbering) continues. A paragraph ending with a
  colon just before a list is its lead.
- A line underlined with ``===`` or ``---`` (Markdown "setext" style, common in e-mail
  newsletters) is a heading whatever its wording, unless it ends a sentence. A rule under
  several lines that do not read as one heading (a record's fields, a letterhead) closes
  them instead: each is read as a line of its own.
- A box drawn around text ("+----+" above and below, "|" on each side) is read as the
  lines inside it, a paragraph of their own.
- Pipe tables: a line of ``|``-separated cells followed by a separator line
  (``|---|:---:|``) starts a table; the following lines with a ``|`` are its rows.
- FAQ layout: "Q:"/"Question:" before a question makes it a heading; "A:"/"Answer:"
  before its answer is dropped.
- A subtitle file (SubRip, WebVTT) is read as the talk it transcribes (see
  :mod:`.subtitles`); a chat export, as the messages of its main writers (see
  :mod:`.chat`); a flashcard deck export, as its notes without the deck's header, deck
  paths and tags (see :mod:`.flashcards`).
- An e-mail signature is not article text: everything after a ``--`` line, or from a
  lone sign-off ("Kind regards,", "Stay well,") to the end, is recorded as dropped.

The recognisers here are also used by the HTML parser for lists faked with ``<br>``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .asciidoc import read_asciidoc
from .calendar import read_calendar, read_gopher
from .chat import read_chat
from .chrome import chrome_candidates, chrome_reason, heading_chrome_reason
from .clippings import read_clippings
from .dictation import read_dictation
from .document import Document, Dropped, ListBlock, ListItem, Paragraph, Section, Table
from .email_thread import read_email_thread
from .flashcards import read_flashcards
from .fountain import read_fountain
from .gemtext import DOT_LEADERS, read_gemtext
from .hl7 import read_hl7
from .manpage import read_manpage
from .notifications import read_notifications
from .org import read_org
from .ris import read_ris
from .rst import read_rst
from .script import read_script
from .sentences import split_sentences
from .spreadsheet import read_spreadsheet
from .subtitles import read_subtitles
from .text import CAPITALS_LABEL_START
from .textdump import read_text_dump
from .yaml_export import read_yaml

#: Longest line, in words, that can be a heading.
MAX_HEADING_WORDS = 12

#: Deepest level given to a heading inferred from layout.
MAX_INFERRED_LEVEL = 3

#: Words a heading does not end with ("It seems to remain in" is a cut-off sentence).
DANGLING_WORDS = frozenset(
    "a an the and or but of to in on at by with from that which who is are was were be "
    "as than into onto its their your our his her this these those".split()
)

#: Verbs of getting help that take an object: a line with a comma ending in one is cut
#: off before it ("..., or call" over "NHS 111 ...").
CONTACT_VERBS = frozenset("call ring phone dial contact see visit ask text email".split())

#: Dangling words that may still end a heading over a list ("Two exercises to start
#: with"): a preposition left at the end, never an article or "of".
TRAILING_PREPOSITIONS = frozenset("with on to in at by from into onto".split())

#: A short list item ends with "." only when this is the last word ("etc.").
KEEP_FINAL_STOP_AFTER = frozenset("etc e.g i.e approx".split())

#: Words at most for a list item to lose a lone final full stop ("Manual therapy.").
SHORT_ITEM_WORDS = 12

#: Bullets, "o" among them: word processors and typewritten leaflets bullet with it.
#: Arrows ("->", "=>", ">>", "→") mark items as bullets do.
_BULLET = re.compile(
    r"^(?P<marker>->|=>|>>|\u2192|[•·▪◦‣●■□►▸✓✔\-–—*+o])[ \t\u00a0]+(?P<text>\S.*)$"
)
#: A run of stars opening a line: "*** Call 999 if ...".
_STAR_RUN = re.compile(r"^[ \t]*+(\*{1,3})[ \t\u00a0]+(?=\S)")
#: What a byline's chrome reason reads.
BYLINE = "chrome: byline"
_NUMBER = re.compile(r"^(?P<marker>\d{1,3})[.)][ \t\u00a0]+(?P<text>\S.*)$")
#: "(1) ...": an item only in a run numbered from one ("(22) Date of filing" is a code).
_BRACKETED_NUMBER = re.compile(r"\((?P<marker>\d{1,2})\)[ \t\u00a0]+(?P<text>\S.*)")
#: A lower-case Roman numeral in brackets: "(i)", "(ii)", "iv)".
_ROMAN = re.compile(r"^\(?(?P<marker>i{1,3}|iv|vi{0,3}|ix|x)\)[ \t\u00a0]+(?P<text>\S.*)$")
_ROMAN_VALUES = {
    numeral: value
    for value, numeral in enumerate(
        ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"), start=1
    )
}
#: A short name, then a gap of three spaces or more before the rest of an item.
_ITEM_COLUMN_GAP = re.compile(r"([^\s:.][^:.\n]{0,40}?\S)[ \t]{3,}+(?=\S)")
#: Pictographs: the emoji planes, dingbats and miscellaneous symbols, stars and circles.
_PICTOGRAPHS = "\U0001f300-\U0001faff\u2600-\u27bf\u2b50\u2b55\u231a\u231b\u23e9-\u23fa"
#: A pictograph, or a joiner of one, that may decorate the end of a line.
_PICTOGRAPH = re.compile(f"[{_PICTOGRAPHS}\ufe0f\u200d]")


def without_trailing_pictographs(line: str) -> str:
    """``line`` without the pictographs and spaces ending it ("WHO GETS IT? 🤔"), read
    from the end one character at a time (linear however long the line)."""
    end = len(line)
    while end and (line[end - 1].isspace() or _PICTOGRAPH.match(line[end - 1])):
        end -= 1
    return line[:end]


def without_pictographs(line: str) -> str:
    """``line`` without the pictographs and spaces around it ("❌ Not recommended",
    "WHO GETS IT? 🤔"), each end read one character at a time."""
    line = without_trailing_pictographs(line)
    start = 0
    while start < len(line) and (line[start].isspace() or _PICTOGRAPH.match(line[start])):
        start += 1
    return line[start:]


#: A line opening with a pictograph as its bullet ("🏃 Runners who ramp up ..."), its text in
#: sentence case (a line of capitals between pictographs is a heading: "🚩 RED FLAGS 🚩").
_EMOJI_BULLET = re.compile(
    f"^(?P<marker>[{_PICTOGRAPHS}])\ufe0f?[ \t\u00a0]+"
    "(?P<text>(?:[A-Z][a-z'\u2019 ]|[a-z0-9\"'(\u201c])\\S*+.*)$"
)
#: "a) ...", "a. ...", and "(a) ..." (never "(c) Northbridge Medical Center", a
#: copyright line).
_LETTER = re.compile(
    r"^(?:\((?![cC]\)[ \t\u00a0]+[A-Z0-9]))?"
    r"(?P<marker>[a-z])(?:\)|\.(?=[ \t\u00a0]+[A-Z]))[ \t\u00a0]+(?P<text>\S.*)$"
)
_NUMBERED_HEADING = re.compile(r"^[^\W\d_]+\.?\s+\d{1,3}\s*[:.)\-–—]\s+\S")
#: A sentence ending inside a line, or a semicolon between the values of a labelled
#: line ("Keywords: low back pain; obesity"): either way the line is not a heading. A
#: question before a capitalised subtitle is a headline's ("Cement for a broken spine?
#: Your questions on kyphoplasty").
_INNER_SENTENCE_BREAK = re.compile(r"[.…;]\s+\S|[!?]\s+(?![A-Z])\S")
_WORDS = re.compile(r"[^\W\d_]{4,}")
_UNDERLINE = re.compile(r"^(?:={3,}|-{3,}|_{3,}|~{3,})$")
_QUESTION_LABEL = re.compile(r"^(?:Q|Question)\s*[:.)]\s+(?=\S.*\?$)")
_ANSWER_LABEL = re.compile(r"^(?:A|Answer)\s*[:.)]\s+(?=\S)")
#: A line that starts an e-mail signature (RFC 3676 "-- " and its trimmed form).
_SIGNATURE_DELIMITER = re.compile(r"^--\s*$")
#: Closing words of a letter or newsletter: a lone line of these ends the article.
_SIGN_OFF = re.compile(
    r"^(?:(?:kind|best|warm|warmest)\s+(?:regards|wishes)|regards|best|cheers|thanks|"
    r"thank you|many thanks|yours(?:\s+(?:sincerely|faithfully|truly))?|sincerely|"
    r"take care|stay (?:well|safe|healthy)|all the best|until next time|"
    r"see you (?:soon|next (?:time|month|week)))\s*[,!.]?$",
    re.IGNORECASE,
)
# Runs are tried from their first character only (look-behinds) and taken whole, so a
# long run of spaces or commas costs linear time.
_TRAILING_ITEM_PUNCTUATION = re.compile(r"(?:(?<!\s)\s++)?(?<![,;])[,;]++$")
_HTML_TRAILING_PUNCTUATION = re.compile(r"(?:(?<!\s)\s++)?([,;.])((?:\s*+</[a-z]++>)*+)\s*+$")


@dataclass(frozen=True)
class ItemMarker:
    """What starts a list item: its family and its value (bullet char, number, letter)."""

    family: str  # "bullet", "number", "letter", "emoji" or "line" (no marker)
    value: str
    text: str

    @property
    def ordered(self) -> bool:
        return self.family not in ("bullet", "emoji", "line")

    def continues(self, previous: ItemMarker) -> bool:
        """True when this item can follow ``previous`` in the same list."""
        if self.family != previous.family:
            return False
        if self.family == "bullet":
            return self.value == previous.value
        if self.family in ("emoji", "line"):
            return True  # each item may have its own pictograph, or none
        if self.family == "number":
            return int(self.value) == int(previous.value) + 1
        if self.family == "roman":
            return _ROMAN_VALUES[self.value] == _ROMAN_VALUES[previous.value] + 1
        return ord(self.value) == ord(previous.value) + 1


def with_lone_pictographs_as_text(markers: list[ItemMarker | None]) -> list[ItemMarker | None]:
    """A pictograph opens list items only when two lines or more of a block open with one:
    a lone "📞 See your GP if ..." is a callout's text, not a list of one."""
    if sum(1 for marker in markers if marker and marker.family == "emoji") >= LINE_ITEMS_MIN:
        return markers
    return [None if marker and marker.family == "emoji" else marker for marker in markers]


#: "(c) ..." read as a copyright line alone, an item after "(b) ...".
_COPYRIGHT_LETTER = re.compile(r"\(c\)[ \t\u00a0]+(?P<text>\S.*)")


def item_markers(lines: list[str]) -> list[ItemMarker | None]:
    """The list marker each of ``lines`` opens with, or None: "(c) Stick-assisted arm
    raise" after "(b) ..." is the third item, not a copyright line; "(1) ...", "(2) ..."
    are items when the bracketed numbers run from one."""
    markers = [match_item(line) for line in lines]
    numbered = [
        (index, found)
        for index, line in enumerate(lines)
        if markers[index] is None and (found := _BRACKETED_NUMBER.fullmatch(line.strip()))
    ]
    if len(numbered) >= LINE_ITEMS_MIN and all(
        int(found["marker"]) == count for count, (_, found) in enumerate(numbered, start=1)
    ):
        for index, found in numbered:
            markers[index] = ItemMarker("number", found["marker"], found["text"].strip())
    for index in range(1, len(markers)):
        before = markers[index - 1]
        if (
            markers[index] is None
            and before is not None
            and before.family == "letter"
            and before.value == "b"
            and (found := _COPYRIGHT_LETTER.fullmatch(lines[index].strip()))
        ):
            markers[index] = ItemMarker("letter", "c", found["text"].strip())
    return with_lone_pictographs_as_text(markers)


def match_item(line: str) -> ItemMarker | None:
    """Return the list marker ``line`` starts with, if any."""
    line = line.strip()
    for family, pattern in (
        ("bullet", _BULLET),
        ("number", _NUMBER),
        ("roman", _ROMAN),
        ("letter", _LETTER),
        ("emoji", _EMOJI_BULLET),
    ):
        match = pattern.match(line)
        if match:
            text = match.group("text").strip()
            if gap := _ITEM_COLUMN_GAP.match(text):
                # "a) Chin tucks        10 times, hold 5 seconds each": a name, then what
                # to do, set apart in a column.
                text = f"{gap.group(1)}: {text[gap.end() :]}"
            return ItemMarker(family, match.group("marker"), text)
    return None


def is_heading_like(line: str, *, before_list: bool = False, headline: bool = False) -> bool:
    """True when ``line`` reads like a heading: short, capitalised, not a sentence.
    ``before_list``: the next line is a list item, so a last word such as "with" ("Two
    exercises to start with") ends a slide's title rather than a cut-off sentence.
    ``headline``: the line is in capitals over a line that is not, so it is not the start
    of a sentence wrapped onto the next line, whatever word it ends in."""
    # "WHO GETS IT? 🤔": pictographs after a heading decorate it; so does a footnote
    # marker after a sentence ("... into types by cause.[2]"), which stays a sentence.
    line = _TRAILING_FOOTNOTE.sub("", without_trailing_pictographs(line.strip()))
    if (roman := _ROMAN_SECTION.match(line)) and (
        _in_capitals(line[roman.end() :]) or line.endswith("?")
    ):
        # "III. WHY IT HAPPENS": a section's number in Roman numerals is no sentence.
        line = line[roman.end() :]
    words = line.split()
    if not words or _word_count(words) > MAX_HEADING_WORDS or match_item(line):
        return False
    if line[-1] in ".,;:!":
        return False
    if _CONDITION_THEN_CLAUSE.match(line):
        # "If the pain spreads down your leg, call" (then "NHS 111 ..." on the next
        # line): a sentence broken across lines, not a heading.
        return False
    if _INNER_SENTENCE_BREAK.search(line) and not _capitals_question(line):
        # '"MY SCAN SAYS I HAVE A BULGING DISC. SHOULD I BE WORRIED?"': a headline in
        # capitals may ask its question in two sentences; a line of text may not.
        return False
    first = next((char for char in line if char.isalnum()), "")
    if not (first.isupper() or first.isdigit()):
        return False
    last = words[-1].lower().strip("\"'”’)")
    if last in CONTACT_VERBS and "," in line:
        # "Ask for a same-day appointment with the duty doctor, or call" (then "NHS 111
        # when ..."): advice cut off before whom to call, not a heading.
        return False
    if headline and len(words) > 2 and _in_capitals(line):
        return True  # "... THE BACK MUSCLE NOBODY HAS HEARD OF": a headline, not cut off
    return last not in DANGLING_WORDS or (before_list and last in TRAILING_PREPOSITIONS)


#: A section's number in capital Roman numerals: "III. ", "IV. ".
_ROMAN_SECTION = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\.[ \t]++(?=\S)")
#: A condition and then a comma and a clause: the start of a sentence.
_CONDITION_THEN_CLAUSE = re.compile(
    r"(?:if|when|unless|although|because|while|once|as soon as)\b[^,\n]{3,80}+,[ \t]++[a-z]",
    re.IGNORECASE,
)


def _word_count(words: list[str]) -> int:
    """How many of ``words`` are words: a dash between them is none."""
    return sum(1 for word in words if word not in ("-", "\u2013", "\u2014"))


#: Footnote markers ending a line: "[2]", "[3][4]", "[a]".
_TRAILING_FOOTNOTE = re.compile(r"(?:\[(?:\d{1,3}|[a-z])\])+$")


def _in_capitals(line: str) -> bool:
    letters = [char for char in line if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def _capitals_question(line: str) -> bool:
    """Whether ``line`` is written in capitals and ends in a question mark (quoted or not)."""
    return _in_capitals(line) and line.rstrip("\"'”’ ").endswith("?")


def heading_is_numbered(line: str) -> bool:
    """ "Tip 2: Causes", "Step 3. Stretch": one of a numbered series."""
    return bool(_NUMBERED_HEADING.match(line.strip()))


def tidy_item_text(text: str) -> str:
    """Drop trailing "," and ";" from an item, and the full stop of a short one-sentence item."""
    text = _TRAILING_ITEM_PUNCTUATION.sub("", collapse_spaces(text))
    if _drops_final_stop(text):
        text = text[:-1].rstrip()
    return text


def tidy_item_html(html: str, text: str) -> str:
    """Apply :func:`tidy_item_text`'s punctuation rule to inline HTML."""
    if not html:
        return html
    match = _HTML_TRAILING_PUNCTUATION.search(html)
    if not match:
        return html
    mark = match.group(1)
    if mark == "." and not _drops_final_stop(text + "."):
        return html
    return html[: match.start()] + match.group(2)


def _drops_final_stop(text: str) -> bool:
    if not text.endswith(".") or text.endswith(".."):
        return False
    words = text.split()
    if len(words) > SHORT_ITEM_WORDS or len(split_sentences(text)) > 1:
        return False
    return words[-1].lower().rstrip(".") not in KEEP_FINAL_STOP_AFTER


def collapse_spaces(text: str) -> str:
    return " ".join(text.split())  # the same whitespace as the regex "\s+", faster


def lead_of(block) -> str:
    """The sentence introducing a list: the last sentence of a paragraph ending in a colon."""
    if isinstance(block, Paragraph) and block.text.rstrip().endswith(":"):
        sentences = split_sentences(block.text)
        return sentences[-1] if sentences else block.text
    return ""


# --- plain text -------------------------------------------------------------------


@dataclass
class _Unit:
    """A paragraph, heading candidate or list item, before sections are built."""

    kind: str  # "para", "item", "table"
    lines: list[str] = field(default_factory=list)
    marker: ItemMarker | None = None
    table: Table | None = None
    #: A single line that could be a heading (decided once we know what follows).
    heading_like: bool = False
    #: A line that is site or document chrome on its own ("Our ref: SA/LT", "Slide 7
    #: of 12"): a paragraph of its own for the clean step to drop, never a heading.
    chrome: bool = False
    #: The chrome is a block of its own (blank lines around it): after a heading-like
    #: line it ends the lines before the body ("By ..." under a headline).
    chrome_block: bool = False
    #: A numbered line read as a section heading ("3. Treatment").
    numbered_heading: bool = False
    #: A heading given with its gloss in brackets on the line under it ("COCCYX
    #: INJECTION" / "(injection for tailbone pain)"): a headline, the last line before
    #: the body when it comes among the opening lines.
    glossed: bool = False
    #: A heading-like line with its text on the lines straight under it (no blank line).
    over_text: bool = False
    #: A heading underlined with "=" (the top level of a text's headings).
    double_underlined: bool = False
    #: A field of a form's header with its value ("Employee number:   40217"): dropped
    #: where it stands, as "chrome: form field".
    form_field: bool = False
    #: Which block of lines (between blank lines) the unit was read from.
    block: int = -1
    #: A heading underlined with a rule of any mark ("=", "-").
    underlined: bool = False

    @property
    def text(self) -> str:
        return collapse_spaces(" ".join(self.lines))


def read_in_turn(text: str, readers) -> tuple[str, list[tuple[str, str]]]:
    """``text`` passed through each reader in turn (each returns the text it leaves and
    what it dropped as ``(reason, text)``), and all that was dropped, in order."""
    dropped: list[tuple[str, str]] = []
    for reader in readers:
        text, found = reader(text)
        dropped.extend(found)
    return text, dropped


#: An empty or ticked box opening a line, and the spaces after it.
_TICK_BOX = re.compile(
    r"(?m)^([ \t]*+)(?:\[[ xX\u2713\u2714]?\]|[\u2610\u2611\u2612\u25a1])[ \t]++(?=\S)"
)


def parse_text(text: str) -> Document:
    """Parse plain text (see the module docstring for the rules)."""
    text, talk = read_in_turn(
        text,
        (
            read_notifications,
            read_flashcards,
            read_spreadsheet,
            read_text_dump,
            read_clippings,
            read_rst,
            read_org,
            read_asciidoc,
            read_calendar,
            read_hl7,
            read_ris,
            read_yaml,
            read_gopher,
            read_manpage,
            read_gemtext,
            read_fountain,
            read_script,
            read_subtitles,
            read_chat,
            read_dictation,
            read_email_thread,
            strip_thread_counters,
        ),
    )
    text = unbox_text(text)
    text = columns_one_after_the_other(text)
    # "Interpreter required: [ ] Yes [X] No": a form's choices, each a box and a word or
    # two, are its furniture.
    text, choices = strip_form_choices(text)
    # "[ ] 1. Seated slider": a box to tick before a line is a form's control, no text.
    text = _TICK_BOX.sub(r"\1", text)
    text, running = strip_running_lines(text)
    running[:0] = choices
    text = join_hyphenated_lines(text)
    running[:0] = talk
    text, speakers = strip_speaker_labels(text)
    running.extend(("speaker label", label) for label in speakers)
    text, speakers = strip_lone_speaker_lines(text)
    running.extend(("speaker label", label) for label in speakers)
    text, notes = strip_notes_labels(text)
    running.extend(("chrome: slide label", label) for label in notes)
    text, marks = strip_scan_marks(text)
    running.extend(marks)
    body, signature = split_signature(text)
    body, slip = split_tear_off(body)
    body, footer = split_footer(body)
    title, sections, dropped = build_sections(text_units(body))
    dropped[:0] = [Dropped(reason=reason, text=line) for reason, line in running]
    if footer:
        dropped.append(Dropped(reason="chrome: footer", text=footer))
    if slip:
        dropped.append(Dropped(reason="chrome: tear-off slip", text=slip))
    if signature:
        dropped.append(Dropped(reason="signature", text=signature))
    return Document(title=title, sections=sections, format="text", dropped=dropped)


#: Fewest lines split by one "|" at the same place that make a text two columns.
PARALLEL_LINES_MIN = 8
#: Share of the non-blank lines that must be split so (the rest: blank on one side).
PARALLEL_SHARE = 0.8


def columns_one_after_the_other(text: str) -> str:
    """A text typed in two columns side by side, each line split by one "|" at the same
    place (a bilingual leaflet: English on the left, its translation on the right), read
    as the left column and then the right one, each line's halves in their own column:
    read line by line, the two texts would be woven into one another's sentences. Any
    other text unchanged."""
    if text.count("|") < PARALLEL_LINES_MIN:
        return text
    lines = text.split("\n")
    places: dict[int, int] = {}
    filled = 0
    for line in lines:
        if not line.strip():
            continue
        filled += 1
        if line.count("|") == 1:
            place = line.index("|")
            places[place] = places.get(place, 0) + 1
    if not places:
        return text
    place, count = max(places.items(), key=lambda item: item[1])
    if count < PARALLEL_LINES_MIN or count < PARALLEL_SHARE * filled:
        return text
    left: list[str] = []
    right: list[str] = []
    for line in lines:
        if line.count("|") == 1 and line.index("|") == place:
            left.append(line[:place].rstrip())
            half = line[place + 1 :]
            right.append(half[1:] if half.startswith(" ") else half)
        else:
            left.append(line)
            right.append("")
    return "\n".join(left) + "\n\n" + "\n".join(right)


#: The top or bottom of a box drawn around text: "+--------+" (one cell, no inner "+").
_BOX_BORDER = re.compile(r"[ \t]*+\+[-=]{3,}+\+[ \t]*+")
#: A line inside such a box: "|  Call 999 if ...   |" (no "|" inside: not a table row).
_BOX_SIDES = re.compile(r"[ \t]*+\|([^|\n]*+)\|[ \t]*+")


def unbox_text(text: str) -> str:
    """``text`` with each box drawn around lines of text ("+----+" above and below, "|"
    on each side, as text leaflets draw a warning or a note) replaced by its lines, a
    paragraph of their own. The sides need not line up: a line that overruns the right
    border is still inside. A box whose lines are not all inside stays as it is."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        if not _BOX_BORDER.fullmatch(lines[index]):
            out.append(lines[index])
            index += 1
            continue
        end = index + 1
        inside: list[str] = []
        while end < len(lines) and (sides := _BOX_SIDES.fullmatch(lines[end])):
            inside.append(sides.group(1).strip())  # an empty line ends a paragraph
            end += 1
        if inside and end < len(lines) and _BOX_BORDER.fullmatch(lines[end]):
            out.extend(["", *_box_lines(inside), ""])
            index = end + 1
        else:
            out.extend(lines[index:end])
            index = end  # each line is read at most twice: linear time
    return _without_attention_marks(out)


def _without_attention_marks(lines: list[str]) -> str:
    """The lines joined, each run of lines marked for attention ("  !! Call 999 if ...")
    read as the items of a list when every line of the run ends a sentence, else as the
    lines of a callout, the marks dropped."""
    out: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if _ATTENTION_MARK.match(line):
            run.append(line)
            continue
        if run:
            texts = [_ATTENTION_MARK.sub("", mark_line).rstrip() for mark_line in run]
            whole = len(run) > 1 and all(text[-1:] in ".!?" for text in texts)
            out.extend(f"- {text.lstrip()}" if whole else text for text in texts)
            run = []
        out.append(line)
    return "\n".join(out[:-1])


def _box_lines(inside: list[str]) -> list[str]:
    """A box's lines as text: a heading line first ("GET HELP") is a paragraph of its
    own, and lines that each end a sentence ("999: a sudden, very severe headache ...",
    "111 the same day: ...") are the items of a list; other lines stay as they are."""
    head: list[str] = []
    if len(inside) > 1 and inside[0] and inside[1] and is_heading_like(inside[0]):
        head, inside = [inside[0], ""], inside[1:]
    written = [line for line in inside if line]
    if len(written) > 1 and all(line[-1] in ".!?" for line in written):
        return [*head, *(f"- {line}" if line else line for line in inside)]
    return [*head, *inside]


#: Marks of attention down a note's margin ("  ! Ibuprofen is not safe for everyone."):
#: lines of a callout, whose text the marks only draw the eye to.
_ATTENTION_MARK = re.compile(r"[ \t]*+!{1,3}+[ \t]++(?=\S)")


#: A line ending in a word broken by a hyphen ("degen-"), and the line after it opening
#: with the rest of the word ("erative changes ...").
_BROKEN_END = re.compile(r"(?<![\w-])([^\W\d_]{2,}+)-[ \t]*+$")
_BROKEN_REST = re.compile(r"^[ \t]*+([^\W\d_]{2,}+)([.,;:!?)]*+)(?=\s|$)")
#: First parts that make compounds rather than syllables: the hyphen stays
#: ("long-\nterm" is "long-term").
COMPOUND_FIRST_PARTS = frozenset(
    "self well non long short part full half anti co ex pre post over under life age "
    "day side low high one two three four five six ten first second third follow "
    "back neck pain hip knee arm leg x t".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def join_hyphenated_lines(text: str) -> str:
    """A word a printed page broke across two lines ("degen-" / "erative") is one word
    again. The hyphen stays when the text writes the word with it elsewhere or its first
    part makes compounds ("long-" / "term"); it goes when the text writes the word whole
    elsewhere, and otherwise (a syllable break). Only lowercase continuations join, so a
    list's dash or a heading is never glued on. Linear: one pass over the lines."""
    if "-\n" not in text and "- \n" not in text:
        return text
    words = {word.lower() for word in _WORD.findall(text)}
    lines = text.split("\n")
    for index in range(len(lines) - 1):
        end = _BROKEN_END.search(lines[index])
        if end is None:
            continue
        rest = _BROKEN_REST.match(lines[index + 1])
        if rest is None or not rest.group(1)[:1].islower():
            continue
        first, second = end.group(1), rest.group(1)
        whole = (first + second).lower()
        hyphened = f"{first}-{second}".lower()
        keep = hyphened in words or (whole not in words and first.lower() in COMPOUND_FIRST_PARTS)
        joined = f"{first}-{second}" if keep else first + second
        lines[index] = lines[index][: end.start()] + joined + rest.group(2)
        lines[index + 1] = lines[index + 1][rest.end() :].lstrip()
    return "\n".join(lines)


#: Longest line, in words, read as a running header or footer.
MAX_RUNNING_LINE_WORDS = 15

#: Non-empty lines at each edge of a printed page where running headers and footers sit.
RUNNING_LINE_DEPTH = 2

# A line that is only a page or slide number ("Page 2 of 4", "Slide 7 of 12", "- 3 -",
# "12", "2/4") ...
_PAGE_NUMBER_LINE = re.compile(
    r"(?:[\[(]?(?:page|slide)[ \t]*+\d{1,4}(?:[ \t]*+(?:of|/)[ \t]*+\d{1,4})?[\])]?"
    r"|-[ \t]*+\d{1,4}[ \t]*+-|\d{1,4}(?:[ \t]*+/[ \t]*+\d{1,4})?)",
    re.IGNORECASE,
)
# ... or a footer line that carries one ("Leaflet 12   Issued 2025   Page 2 of 4").
# A fax machine's line at the top of each page carries "P.002/003".
_PAGE_OF = re.compile(
    r"\b(?:(?:page|slide)[ \t]++\d{1,4}[ \t]++of[ \t]++\d{1,4}\b"
    r"|p(?:age)?\.?[ \t]?\d{1,4}/\d{1,4}\b(?![/.]\d))",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")


def _blank_or_break(lines: list[str], index: int) -> bool:
    if index < 0 or index >= len(lines):
        return True
    return not lines[index].strip() or "\f" in lines[index]


def _page_rule(lines: list[str], index: int) -> bool:
    """Whether the line at ``index`` is a rule drawn across the page ("~~~~~~~~~~"
    between a typed leaflet's pages)."""
    return 0 <= index < len(lines) and _PAGE_RULE.fullmatch(lines[index].strip()) is not None


#: A rule across a page: one mark repeated ten times or more.
_PAGE_RULE = re.compile(r"([~=_*#-])\1{9,}+")


#: A post's place in a numbered thread, opening its line: "1/12", "4 / 12".
_THREAD_COUNTER = re.compile(r"[ \t]*+(\d{1,3})[ \t]*+/[ \t]*+(\d{1,3})(?![\d/])[ \t]*+")
#: Fewest numbered posts that make a thread.
THREAD_POSTS_MIN = 3


def strip_thread_counters(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Remove the counters of a numbered social-media thread ("1/12 Let's talk about
    ...", "2/12 ..."): at least :data:`THREAD_POSTS_MIN` lines open with ``k/N`` for the
    same N, each k at most N and the ks distinct. Other text is unchanged."""
    lines = text.split("\n")
    found: dict[str, list[tuple[int, re.Match]]] = {}
    for index, line in enumerate(lines):
        match = _THREAD_COUNTER.match(line)
        if match and match.end() < len(line) and int(match.group(1)) <= int(match.group(2)):
            found.setdefault(match.group(2), []).append((index, match))
    dropped: list[tuple[str, str]] = []
    for posts in found.values():
        if len({m.group(1) for _, m in posts}) < THREAD_POSTS_MIN:
            continue
        for index, match in posts:
            dropped.append(("chrome: thread counter", match.group(0).strip()))
            lines[index] = lines[index][match.end() :]
    return ("\n".join(lines), dropped) if dropped else (text, [])


def strip_running_lines(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Remove what printing put on every page: page numbers, and short lines repeated
    at the top or bottom of two or more pages (digits aside: "Page 1 of 3" and "Page 2
    of 3" repeat). Pages end at form feeds and at page-number lines. Returns the text
    and ``(reason, line)`` for each line removed."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    pages: list[list[int]] = [[]]
    numbers: set[int] = set()
    for index, line in enumerate(lines):
        parts = line.split("\f")
        if len(parts) > 1 and pages[-1]:
            pages.append([])
        stripped = " ".join(line.replace("\f", " ").split())
        if not stripped:
            continue
        if _page_number(stripped, lines, index):
            numbers.add(index)
            pages[-1].append(index)
            pages.append([])
            continue
        pages[-1].append(index)
    pages = [page for page in pages if page]
    if len(pages) < 2 and not any(_PAGE_OF.search(lines[i]) for i in numbers):
        return text, []
    edges: dict[str, list[int]] = {}
    for page in pages:
        edge = page[:RUNNING_LINE_DEPTH] + page[-RUNNING_LINE_DEPTH:]
        for index in dict.fromkeys(edge):
            line = " ".join(lines[index].replace("\f", " ").split())
            if index in numbers or len(line.split()) > MAX_RUNNING_LINE_WORDS:
                continue
            edges.setdefault(_DIGITS.sub("#", line.lower()), []).append(index)
    running = {index for found in edges.values() if len(found) >= 2 for index in found}
    removed: list[tuple[str, str]] = []
    for index in sorted(numbers | running):
        line = " ".join(lines[index].replace("\f", " ").split())
        if index not in numbers or _running_head(lines[index]):
            reason = "chrome: running header or footer"
        elif line.lower().lstrip("[(").startswith("slide"):
            reason = "chrome: slide number"
        else:
            reason = "chrome: page number"
        removed.append((reason, line))
        lines[index] = ""
    return "\n".join(line.replace("\f", "") for line in lines), removed


#: A printed book's running head: the page number set far apart from the book's or
#: chapter's title in capitals ("112      YOUR BACK: A GUIDE", "SMOKING AND BACK PAIN   113").
_RUNNING_HEAD = re.compile(
    r"[ \t]*+(?:\d{1,4}[ \t]{3,}+(?P<after>\S[^\n]{2,80}?)"
    r"|(?P<before>\S[^\n]{2,80}?)[ \t]{3,}+\d{1,4})[ \t]*+"
)


def _running_head(line: str) -> bool:
    """Whether a raw ``line`` is a book's running head: a page number and a title in
    capitals, far apart on one line."""
    match = _RUNNING_HEAD.fullmatch(line)
    if match is None:
        return False
    title = match.group("after") or match.group("before")
    return (
        title.upper() == title
        and any(char.isalpha() for char in title)
        and len(title.split()) <= MAX_RUNNING_LINE_WORDS
    )


def _page_number(line: str, lines: list[str], index: int) -> bool:
    if _running_head(lines[index]) and (
        _blank_or_break(lines, index - 1) or _blank_or_break(lines, index + 1)
    ):
        return True
    if _PAGE_NUMBER_LINE.fullmatch(line):
        # A bare number stands apart from the text ("3" before an exercise's steps does not);
        # one between dashes ("- 2 -") is a page's number wherever it stands.
        if line.startswith("-"):
            return any(
                _blank_or_break(lines, at) or _page_rule(lines, at) for at in (index - 1, index + 1)
            )
        return line.lower().lstrip("[(").startswith(("page", "slide")) or (
            _blank_or_break(lines, index - 1) and _blank_or_break(lines, index + 1)
        )
    return len(line.split()) <= MAX_RUNNING_LINE_WORDS and bool(_PAGE_OF.search(line))


#: A transcript's speaker label at the start of a line: "MIRIAM: So, ...", "GEMMA
#: (PRESENTER): Afternoon, ...".
_SPEAKER = re.compile(
    r"^(?P<label>[A-Z][A-Z'\u2019.-]{1,20}(?: [A-Z][A-Z'\u2019.-]{1,20})?"
    r"(?: \([A-Za-z][A-Za-z' -]{1,20}\))?):[ \t]+(?=\S)",
    re.MULTILINE,
)
#: The gap after a form field's label that lines its values up: two spaces or a tab.
_FIELD_GAP = re.compile(r"[ ]{2}|\t")
#: Labels that say what a line is rather than who speaks it: a kind of note, a medicine's
#: change on a discharge list ("STOPPED: Codeine" must keep its label), an answer.
_NOT_SPEAKERS = frozenset(
    {"IMPORTANT", "NOTE", "WARNING", "CAUTION", "TIP", "Q", "A", "NB", "PS", "URGENT", "UPDATE"}
    | {"DANGER", "ALERT", "INFO", "NOTICE", "REMEMBER", "ACTION", "PLAN", "ADVICE"}
    | {"NEW", "STOPPED", "STOP", "CHANGED", "UNCHANGED", "CONTINUE", "CONTINUED", "STARTED"}
    | {"INCREASED", "REDUCED", "YES", "NO", "DONE", "TODO"}
)
#: Fewest labelled lines, and distinct speakers, that make a text a transcript.
SPEAKER_LINES_MIN = 3
SPEAKERS_MIN = 2


def strip_speaker_labels(text: str) -> tuple[str, list[str]]:
    """Remove the speaker labels of a transcript ("MIRIAM: ...", "TOM: ..."): lines open
    with a name in capitals and a colon at least three times, by two speakers or more. A
    label set apart from its value by a wide gap ("DOB:      02/07/1941") is a form's
    field, not a speaker.
    What they say stays; returns the text and the labels removed (each once)."""
    found = [
        m
        for m in _SPEAKER.finditer(text)
        if m.group("label") not in _NOT_SPEAKERS and not _FIELD_GAP.match(text, m.end("label") + 1)
    ]
    speakers = sorted({m.group("label") for m in found})
    if len(found) < SPEAKER_LINES_MIN or len(speakers) < SPEAKERS_MIN:
        return text, []
    labels = set(speakers)
    return _SPEAKER.sub(lambda m: "" if m.group("label") in labels else m.group(0), text), [
        f"{label}:" for label in speakers
    ]


#: A speaker's line of its own over what they say: a name ("Ruth Okonedo", "Dr Anwen
#: Price"), with who they are in brackets the first time ("(Sheffield Kelham) (Lab)").
_LONE_SPEAKER = re.compile(
    r"[ \t]*+(?P<name>(?:[A-Z][\w'.\u2019-]*+[ \t]++){1,5}?[A-Z][\w'.\u2019-]*+)"
    r"(?P<who>(?:[ \t]++\([^()\n]{2,60}+\))*+)[ \t]*+"
)


def strip_lone_speaker_lines(text: str) -> tuple[str, list[str]]:
    """Remove the speakers' lines of a record of what people said, each name on a line
    of its own over their words: a debate's members, introduced with who they are in
    brackets and then named alone ("Colin Marsh (North Wentdale) (Con)", later "Colin
    Marsh"). Two speakers at least, each named again after their introduction; what
    they say stays. Returns the text and the lines removed."""
    if "(" not in text:
        return text, []
    lines = text.split("\n")
    found: list[tuple[int, str, bool]] = []
    for index, line in enumerate(lines[:-1]):
        if not lines[index + 1].strip() or (index and lines[index - 1].strip()):
            continue  # a speaker's line starts a block and has words under it
        if len(line) > LONE_SPEAKER_MAX_CHARS:
            continue
        match = _LONE_SPEAKER.fullmatch(line)
        if match:
            found.append((index, match.group("name"), bool(match.group("who"))))
    introduced = {name for _, name, who in found if who}
    named_again = {name for _, name, who in found if not who}
    speakers = introduced & named_again
    if len(speakers) < SPEAKERS_MIN:
        return text, []
    removed = {index for index, name, _ in found if name in speakers}
    kept = [line for index, line in enumerate(lines) if index not in removed]
    return "\n".join(kept), [lines[index].strip() for index in sorted(removed)]


#: Longest line read as a speaker's own line.
LONE_SPEAKER_MAX_CHARS = 120


#: The label of a slide's notes at the start of a line: "Speaker notes: Most disc ...".
_NOTES_LABEL = re.compile(
    r"^[ \t]*+(?P<label>(?:speaker|presenter)(?:'s|s'|’s)?[ \t]++notes?[ \t]*+:)[ \t]*+(?=\S)",
    re.IGNORECASE | re.MULTILINE,
)


#: A line of specks a scan read as marks: ". ,", ".' ' ,", "~ ' ." (two kinds at least;
#: a rule of one mark, "-----", is no speck).
_SCAN_MARKS = re.compile(
    r"(?m)^[ \t]*+[.,'`~^;:\"\u00b0\u2018\u2019\u201c\u201d]"
    r"(?:[ \t]*+[.,'`~^;:\"\u00b0\u2018\u2019\u201c\u201d]){1,8}+[ \t]*+$"
)


#: A box to tick on a form: "[ ]", "[X]", "☐", "☒".
_BOX = re.compile(r"\[[ xX\u2713\u2714]?\]|[\u2610\u2611\u2612]")
#: Most words after a box for it to be one of a form's choices ("[ ] Suspected cancer").
CHOICE_WORDS = 4


def strip_form_choices(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Lines of a form's choices, two boxes or more each followed by a word or a few
    ("Priority: [ ] Routine [X] Urgent"), dropped."""
    if "[" not in text and not any(box in text for box in "\u2610\u2611\u2612"):
        return text, []
    dropped: list[tuple[str, str]] = []
    lines = text.split("\n")
    for index, line in enumerate(lines):
        boxes = list(_BOX.finditer(line))
        if len(boxes) < 2:
            continue
        after = [
            line[box.end() : following.start()]
            for box, following in zip(boxes, boxes[1:], strict=False)
        ]
        after.append(line[boxes[-1].end() :])
        if all(len(part.split()) <= CHOICE_WORDS for part in after):
            dropped.append(("chrome: form choices", line.strip()))
            lines[index] = ""
    return ("\n".join(lines), dropped) if dropped else (text, [])


def strip_scan_marks(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Lines of specks a scan read as punctuation, dropped."""
    if not _SCAN_MARKS.search(text):
        return text, []
    dropped: list[tuple[str, str]] = []

    def drop(match: re.Match) -> str:
        marks = match.group(0).strip()
        if len(set(marks.replace(" ", "").replace("\t", ""))) < 2:
            return match.group(0)  # "...", ",,": one mark repeated
        dropped.append(("chrome: scan marks", marks))
        return ""

    return _SCAN_MARKS.sub(drop, text), dropped


def strip_notes_labels(text: str) -> tuple[str, list[str]]:
    """Remove the "Speaker notes:" label of an exported slide deck: the notes are the
    deck's prose, so each starts a paragraph of its own (never the tail of the slide's
    last bullet). Returns the text and the labels removed (each once)."""
    found = {match.group("label") for match in _NOTES_LABEL.finditer(text)}
    if not found:
        return text, []
    return _NOTES_LABEL.sub("\n", text), sorted(" ".join(label.split()) for label in found)


def split_signature(text: str) -> tuple[str, str]:
    """Return ``(text, signature)``: a signature is what follows a ``--`` line or a
    lone sign-off line, so a clinician's name and an unsubscribe footer never reach
    the article. A signature is short (:data:`MAX_SIGNATURE_WORDS`): a sign-off with
    more text after it ends one message of several (a digest, a thread), not the
    document, and the next one is looked for."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # Words from each line to the end, counted once from the end: linear.
    words_after = [0] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        words_after[index] = words_after[index + 1] + len(lines[index].split())
    for index, line in enumerate(lines):
        stripped = line.strip()
        if len(stripped) > 40 or not stripped:
            continue
        if words_after[index] > MAX_SIGNATURE_WORDS:
            if _SIGN_OFF.match(stripped) and _is_lone_line(lines, index):
                if (end := _signed_block_end(lines, index)) is not None:
                    # "Yours sincerely, / Mr D. Lee / Consultant", then a rule and the
                    # advice sheet sent with the letter: the signature is what lies
                    # between; the sheet is the article's.
                    signature = collapse_spaces(" ".join(lines[index:end]))
                    return "\n".join(lines[:index] + lines[end:]), signature
            continue
        if _SIGNATURE_DELIMITER.match(stripped) or (
            _SIGN_OFF.match(stripped) and _is_lone_line(lines, index)
        ):
            signature = collapse_spaces(" ".join(lines[index:]))
            return "\n".join(lines[:index]), signature
    return text, ""


#: Most lines and words of a signature block a rule closes, from its sign-off.
SIGNED_BLOCK_MAX_LINES = 8
SIGNED_BLOCK_MAX_WORDS = 40


def _signed_block_end(lines: list[str], index: int) -> int | None:
    """The index of the rule line that closes the short signature block starting at the
    sign-off line ``index``, or None when no rule closes it soon."""
    words = 0
    for end in range(index + 1, min(len(lines), index + SIGNED_BLOCK_MAX_LINES + 2)):
        stripped = lines[end].strip()
        if _RULE.match(stripped):
            return end if words else None
        words += len(stripped.split())
        if words > SIGNED_BLOCK_MAX_WORDS:
            return None
    return None


#: Most words a signature holds, from its sign-off or ``--`` line to the end.
MAX_SIGNATURE_WORDS = 120


#: A horizontal rule on a line of its own (after a blank line; right under text it
#: underlines a heading).
_RULE = re.compile(r"^(?:-{3,}|_{3,}|\*{3,}|={3,}|~{3,})$")
_STAR_RULE = re.compile(r"[ \t]*+\*{3,}+[ \t]*+")
#: Most words after the last rule read as the document's footer.
MAX_FOOTER_WORDS = 60
#: What a footer holds: a phone number, an e-mail address, a copyright line, "Page 1 of
#: 2", a byline.
_FOOTER_SIGNAL = re.compile(
    r"\+?\d[\d ()-]{6,}\d|[\w.+-]+@[\w-]+\.[\w.-]+|©|\(c\)\s*\d{4}|\bcopyright\b"
    r"|\ball rights reserved\b|\bpage \d+ of \d+\b|^(?:written|edited|produced) by\b",
    re.IGNORECASE | re.MULTILINE,
)


def split_tear_off(text: str) -> tuple[str, str]:
    """Return ``(text, slip)``: a printed leaflet's tear-off slip, everything after a
    "cut here" line, is a form for the reader, not article text."""
    match = _CUT_HERE.search(text)
    if match is None:
        return text, ""
    return text[: match.start()], collapse_spaces(text[match.end() :].replace("\n", " "))


#: A line marking where to cut a slip off: "----- cut here -----", "✂ Tear off".
_CUT_HERE = re.compile(
    r"^[ \t\-–—✂✁.=_*]*+(?:cut|tear)(?: (?:here|off|along (?:this|the dotted) line))"
    r"[ \t\-–—✂✁.=_*]*+$",
    re.IGNORECASE | re.MULTILINE,
)


def split_footer(text: str) -> tuple[str, str]:
    """Return ``(text, footer)``: a short block after the last horizontal rule that
    holds contact details, a copyright or a byline is the document's footer."""
    lines = text.split("\n")
    for index in range(len(lines) - 1, 0, -1):
        if _RULE.match(lines[index].strip()) and not lines[index - 1].strip():
            rest = "\n".join(lines[index + 1 :]).strip()
            if len(rest.split()) <= MAX_FOOTER_WORDS and _FOOTER_SIGNAL.search(rest):
                return "\n".join(lines[:index]), collapse_spaces(rest.replace("\n", " "))
            break
    return text, ""


def _is_lone_line(lines: list[str], index: int) -> bool:
    before = lines[index - 1].strip() if index else ""
    after = lines[index + 1].strip() if index + 1 < len(lines) else ""
    return not before and bool(lines[index].strip()) and (not after or index + 1 == len(lines))


def text_units(text: str) -> list[_Unit]:
    """Split ``text`` into paragraphs, heading candidates and list items. Numbered lines
    over their text are section headings ("3. Treatment") only where the document has no
    other headings after the first of them; else they are numbered items ("1. Chin tucks"
    under "EXERCISES TO TRY"), except in a leaflet of numbered questions, each on a line
    of its own (see :func:`_lone_numbered_headings`)."""
    units = _text_units(text, numbered_headings=True)
    first = next((i for i, unit in enumerate(units) if unit.numbered_heading), None)
    if first is None:
        return units
    numbered = [i for i, unit in enumerate(units) if unit.numbered_heading]
    others = [
        index
        for index, unit in enumerate(units[first + 1 :], start=first + 1)
        if unit.heading_like
        and not unit.numbered_heading
        and not unit.chrome
        # "Signed: A. Pryce   Date: 10/01/2025" under the last section: a sign-off line
        # the clean step drops is no heading of the document's.
        and not chrome_reason(" ".join(unit.lines))
    ]
    if others and not (
        # "1. NEW STOCK" ... "3. WHEN A READER HAS A FALL" over "What is it?" ... "4.
        # MILEAGE CLAIMS": numbered headings in capitals that run to the end are a
        # bulletin's sections, the other headings inside them.
        len(numbered) >= LINE_ITEMS_MIN
        and others[-1] < numbered[-1]
        and all(_in_capitals(" ".join(units[i].lines)) for i in numbered)
    ):
        return _text_units(text, numbered_headings=False)
    return units


def _text_units(text: str, *, numbered_headings: bool) -> list[_Unit]:
    blocks = _blocks(text)
    laid_out = [_layout_cells(block) for block in blocks]
    chrome = _chrome_lines(laid_out)
    units: list[_Unit] = []
    # A leaflet of numbered questions keeps its numbered headings whatever other headings
    # it has ("--- END OF TRANSLATION ---" after them, a caps title before).
    lone = _lone_numbered_headings(blocks)
    for index, (block, cells) in enumerate(zip(blocks, laid_out, strict=True)):
        first_of_block = len(units)
        read = [] if index in lone else _block_units(block, numbered_headings)
        if index in lone:
            # "1. What is it?" on a line of its own, a paragraph after it.
            text = match_item(_as_numbered(block[0])).text
            units.append(_Unit("para", [text], heading_like=True, numbered_heading=True))
        elif (
            not chrome
            or any(_UNDERLINE.match(line) for line in block[1:])
            or any(unit.kind == "table" for unit in read)
        ):
            # An underlined heading is read as one, whatever it holds; a table's cells
            # (a date, a time) are its own, not chrome to split its lines at.
            units.extend(read)
        elif (
            len(read) == 1 and read[0].kind == "para" and " ".join(block) in chrome
        ) or _is_address(block, chrome):
            units.append(_Unit("para", block, chrome=True, chrome_block=True))
        elif any(part in chrome for line in cells for part in (*line, " ".join(line))):
            split = _split_chrome_lines(cells, chrome)
            if all(unit.chrome for unit in split):
                for unit in split:
                    unit.chrome_block = True
            units.extend(split)
        else:
            units.extend(read)
        for unit in units[first_of_block:]:
            unit.block = index
    return units


#: Fewest "Label:   value" lines that make a block a form's header.
FORM_FIELDS_MIN = 3
#: A form's field on one cell: a short label, its colon and a gap of two spaces or a tab
#: before the value (a gap of three spaces or more splits the line into cells).
_FORM_FIELD_LINE = re.compile(r"[ \t]*+[A-Za-z][\w &/'().-]{0,40}+:(?:[ \t]{2,}+|\t)\S")
#: The first column of a line of fields laid out in columns: a label alone ("Patient:")
#: or a label with its value ("Date of exam: 18/11/2024 14:05").
_FIELD_CELL = re.compile(r"[A-Za-z][\w &/'().-]{0,40}+:(?:[ \t]|$)")
#: The reason a form's field dropped with its value is chrome.
FORM_FIELD_REASON = "chrome: form field"
#: The reason a street, town or postcode line is chrome (data/chrome.json).
ADDRESS_REASON = "chrome: contact details"

#: The gap between the columns of a line laid out with spaces ("Clinic date: 14/01/2025
#: <spaces> Typed: 20/01/2025").
_COLUMN_GAP = re.compile(r"[ \t]{3,}|\t")


def _layout_cells(lines: list[str]) -> list[list[str]]:
    """Each line of a block as its columns (one cell for an ordinary line)."""
    return [[cell for cell in _COLUMN_GAP.split(line) if cell] or [line] for line in lines]


def _chrome_lines(blocks: list[list[list[str]]]) -> set[str]:
    """The blocks, lines and columns that are chrome on their own, in blocks whose lines
    stand apart (a letterhead, a form, an e-mail's header, a title with its byline),
    where joining the lines would hide a "Ref:" or a date inside a paragraph. A wrapped
    paragraph's lines never stand apart, so they are never tested alone."""
    texts: list[str] = []
    for block in blocks:
        if not _lines_stand_apart(block):
            continue
        lines = [" ".join(cells) for cells in block]
        if len(lines) > 1:
            texts.append(" ".join(lines))
        texts.extend(lines)
        texts.extend(cell for cells in block if len(cells) > 1 for cell in cells)
    if not texts:
        return set()
    found = chrome_candidates(texts)
    # A lone line that names a chrome section ("Related articles") stays a heading, so
    # the section goes with it.
    return {text for text in found if not heading_chrome_reason(text)}


def _lines_stand_apart(block: list[list[str]]) -> bool:
    """Whether no line of a block runs on into the next: none ends on a comma, hyphen
    or a word such as "the", each next line starts with a capital, digit or sign, and
    none is a list item."""
    lines = [" ".join(cells) for cells in block]
    if any(match_item(line) for line in lines):
        return False
    for line, following in zip(lines, lines[1:], strict=False):
        if line.endswith((",", "-", "–", ";")) and not line.endswith("--"):
            # "--- next part ---" is a rule drawn round words, no word broken at its end.
            return False
        if following[:1].islower() and not _WEB_ADDRESS.match(following):
            return False  # "www.ourpractice.nhs.uk" under an address starts a line of its own
        if line.rsplit(None, 1)[-1].lower() in DANGLING_WORDS:
            return False
    return True


#: A web or e-mail address at the start of a line: lower case, yet no run-on.
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.|[\w.+-]++@[\w-]++\.)")

#: Most words of a line of a postal address.
MAX_ADDRESS_LINE_WORDS = 8


def _is_address(block: list[str], chrome: set[str]) -> bool:
    """A block of short lines that ends on a street, town or postcode line ("Dr R. Patel
    / Orchard Lane Surgery / 22 Orchard Lane / Kingsmere KM2 5DF") or a telephone line:
    an address, the name lines with it."""
    if len(block) < 2 or block[-1] not in chrome:
        return False
    if any(len(line.split()) > MAX_ADDRESS_LINE_WORDS for line in block):
        return False
    return chrome_reason(block[-1]) == ADDRESS_REASON


def _split_chrome_lines(block: list[list[str]], chrome: set[str]) -> list[_Unit]:
    """The units of a block of lines that stand apart, some of them chrome: each line
    (or each column of a line with a chrome column) a unit of its own, the chrome ones
    paragraphs for the clean step to drop, the others headings when they read as one."""
    units: list[_Unit] = []
    fields = [
        _FIELD_CELL.match(cells[0]) is not None
        if len(cells) > 1
        else _FORM_FIELD_LINE.match(cells[0]) is not None
        for cells in block
    ]
    for index in range(1, len(block) - 1):
        # "Expert:      Mr A. Pryce" over "             Consultant Orthopaedic Surgeon":
        # a short value run on to a line of its own between two fields is the field's.
        line = " ".join(block[index])
        if (
            not fields[index]
            and fields[index - 1]
            and fields[index + 1]
            and len(line.split()) <= CONTINUED_VALUE_MAX_WORDS
            and not line.rstrip().endswith((".", ":"))
        ):
            fields[index] = True
    if sum(fields) >= FORM_FIELDS_MIN and all(fields[1:]):
        # "Re:   Mr Gareth Lowe" / "Employee number:   40217" / "Referring manager:   ...":
        # a letter's or a form's header of fields, some of them known chrome; a line above
        # them that is no field ("MEDICAL REPORT - EXTRACT") stays, as a title would.
        header = [] if fields[0] else [_unit_of_line(block[0], chrome)]
        return header + [
            _Unit("para", [" ".join(cells)], chrome=True, form_field=True)
            for cells, field in zip(block, fields, strict=True)
            if field
        ]
    for cells in block:
        line = " ".join(cells)
        parts = cells if len(cells) > 1 and any(cell in chrome for cell in cells) else [line]
        units.extend(_unit_of_line([part], chrome) for part in parts)
    return units


def _unit_of_line(cells: list[str], chrome: set[str]) -> _Unit:
    line = " ".join(cells)
    if line in chrome:
        return _Unit("para", [line], chrome=True)
    return _Unit("para", [line], heading_like=is_heading_like(line))


#: Most words of a field's value run on to a line of its own.
CONTINUED_VALUE_MAX_WORDS = 6


def _blocks(text: str) -> list[list[str]]:
    blocks, current = [], []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    blocks = _spaced_table_rows([_without_banners(block) for block in blocks])
    # Indentation is read here, once: a table laid out in columns becomes pipe lines,
    # labelled indented items get their markers, and a line back at the margin after
    # items that hang indented ends their list.
    return [
        part
        for block in blocks
        for hung in _split_after_hanging_items(
            _labelled_indented_items(columns_as_pipe_lines(_set_in_arrows(block)))
        )
        for labelled in _split_at_capital_labels(hung)
        for part in _split_at_closing_rules([line.strip() for line in labelled])
    ]


def _spaced_table_rows(blocks: list[list[str]]) -> list[list[str]]:
    """Blocks with a two-column table's rows set a blank line apart joined to its header:
    "EXERCISE      DOSE" alone (in capitals, naming the dose), then blocks of one line each
    whose second cell starts where the header's does ("Pendulum swing    1 minute ...")."""
    out: list[list[str]] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        rows = 0
        found = next((i for i, line in enumerate(block) if _two_column_dose_header(line)), None)
        if found is not None:
            starts = _cell_starts(block[found])
            if all(_fits_columns(_cell_starts(line), starts) for line in block[found + 1 :]):
                while (
                    index + 1 + rows < len(blocks)
                    and len(row := blocks[index + 1 + rows]) == 1
                    and len(cells := _cell_starts(row[0])) == 2
                    and _fits_columns(cells, starts)
                ):
                    rows += 1
        if rows and len(block) - found - 1 + rows >= LINE_ITEMS_MIN:
            out.append([*block, *(blocks[index + 1 + n][0] for n in range(rows))])
            index += 1 + rows
        else:
            out.append(block)
            index += 1
    return out


def _two_column_dose_header(line: str) -> bool:
    """ "EXERCISE      DOSE": a header of two cells in capitals naming the dose."""
    return len(_cell_starts(line)) == 2 and _names_the_dose(line)


#: A line that is text between runs of rule characters: "----- NOTE FROM THE OFFICE -----".
_BANNER = re.compile(r"[ \t]*+([-=~#]{3,}+)[ \t]++(\S(?:[^\n]{0,100}?\S)?)[ \t]++\1[ \t]*+")


def _without_banners(lines: list[str]) -> list[str]:
    """Each banner line as the text between its rules ("----- NOTE FROM THE OFFICE:
    "ORGAN BUILDER'S NECK" -----" is that heading); a separator in lower case ("------
    next part ------" in a digest) stays as it is."""
    return [
        found.group(2)
        if (found := _BANNER.fullmatch(line)) and found.group(2)[:1].isupper()
        else line
        for line in lines
    ]


def _split_at_capital_labels(lines: list[str]) -> list[list[str]]:
    """A block in which two or more lines open with a label (in capitals before a spaced
    dash or a colon, "HEEL DROPS - rise up onto your toes ...", or capitalised before a
    colon, "Heat: a warm bath ..."), each running on over the lines under it: one part
    per labelled line, so each is a paragraph of its own and not the text of the first
    label."""
    starts = [index for index, line in enumerate(lines) if _CAPITAL_LABEL.match(line.strip())]
    if len(starts) < 2 or not (
        any(index + 1 < len(lines) and lines[index + 1].strip()[:1].islower() for index in starts)
        or all(_CAPITALS_DASH_LABEL.match(lines[index].strip()) for index in starts)
    ):
        # A block of fields, a line each ("Sender ID: ...", "Status key: ..."), is read
        # as one: only labelled text wrapped onto the lines under it is split, and lines
        # each opening with a name in capitals and a spaced dash ("KNEE HUGS - lie on
        # the back ...").
        return [lines]
    bounds = sorted({0, *starts, len(lines)})
    return [lines[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


#: A label opening a line, then its text: in capitals before a spaced dash or a colon
#: ("HEEL DROPS - rise up"), or a capitalised word or few before a colon ("Heat: a warm
#: bath ...").
_CAPITAL_LABEL = re.compile(
    r"(?:(?-i:[A-Z][A-Z0-9'\u2019&/-]++(?:[ ][A-Z0-9][A-Z0-9'\u2019&/-]*+){0,5})"
    r"(?:[ \t]++[-\u2013\u2014]|:)|(?-i:[A-Z][a-z'\u2019-]*+(?:[ ][a-z][a-z'\u2019-]*+){0,3}):)"
    r"[ \t]++\S"
)


#: A name in capitals, then a spaced dash and its text: "KNEE HUGS - lie on the back".
_CAPITALS_DASH_LABEL = re.compile(
    r"(?-i:[A-Z][A-Z0-9'\u2019&/-]++(?:[ ][A-Z0-9][A-Z0-9'\u2019&/-]*+){0,5})"
    r"[ \t]++[-\u2013\u2014][ \t]++\S"
)


def _split_after_hanging_items(lines: list[str]) -> list[list[str]]:
    """The block cut before a line at the margin, without a list marker, that follows a
    list item whose wrapped lines are indented under its text::

        * Arterial thoracic outlet syndrome, in which the
          subclavian artery is narrowed. Small clots may
          travel to the fingers.
        Sudden pain and coldness of the hand needs emergency attention.

    The author indented what continues the item, so the line that is not indented is
    not part of it: a paragraph of its own. An item whose wrapped lines start at the
    margin goes on as before (lines after an item continue it)."""
    parts: list[list[str]] = []
    start = 0
    # Whether the lines since the last item's marker are indented under it; None just
    # after a marker, until its next line tells.
    hanging: bool | None = False
    for index, line in enumerate(lines):
        indented = line[:1].isspace()
        if match_item(line):
            hanging = None
        elif hanging is None:
            hanging = indented
        elif hanging and not indented:
            parts.append(lines[start:index])
            start, hanging = index, False
        elif not indented:
            hanging = False
    parts.append(lines[start:])
    return parts


def _split_at_closing_rules(block: list[str]) -> list[list[str]]:
    """A block cut at each rule under lines that are not a heading: a rule under "AFTER
    VISIT SUMMARY" / "Patient: ..." / "Provider: ..." closes a record's header rather
    than underlining it, and those lines joined into one heading would hide each field
    from the chrome patterns. The closing rule goes with the cut."""
    parts: list[list[str]] = []
    current: list[str] = []
    above: list[str] = []  # the lines of ``current`` since its last rule
    for line in block:
        if not _RULE.match(line):
            current.append(line)
            above.append(line)
            continue
        if _UNDERLINE.match(line) and above:
            if not _underlines_heading(above):
                parts.append(current)
                current, above = [], []
                continue
            # An underlined heading starts a part, so a part holds one at most (and
            # thousands of them in one block are read one by one, not nested).
            before = current[: len(current) - len(above)]
            if any(not _RULE.match(text) for text in before):
                parts.append(before)
                current = current[len(before) :]
        current.append(line)
        above = []
    if current:
        parts.append(current)
    return parts


def _underlines_heading(lines: list[str]) -> bool:
    """Whether a rule under ``lines`` underlines them as a heading: one line that does
    not end a sentence (an e-mail's "Welcome back!" is a heading whatever its wording,
    "About 1 in 3 adults get it." is not), or lines that read as one heading together,
    none of them a record's field ("Patient: Ann Lee")."""
    if len(lines) == 1:
        return not lines[0].endswith(".")
    # More lines than a heading has words are no heading (and are never joined).
    if len(lines) > MAX_HEADING_WORDS or any(_is_field_line(line) for line in lines):
        return False
    return is_heading_like(" ".join(lines))


#: A grid table's border: "+----+------+" or "+====+======+".
_GRID_BORDER = re.compile(r"\+(?:[-=]++\+)++")


def grid_as_pipe_lines(lines: list[str]) -> list[str]:
    """A grid table's lines ("+----+" borders around "| a | b |" rows, as psql, Emacs,
    reStructuredText and Pandoc draw them) as a pipe table: the border under the header
    row becomes the separator and the other borders go. When borders part the body's
    rows (Pandoc's, reStructuredText's), the lines between two borders are one row whose
    cells' text wrapped, each cell's lines joined; when they do not (psql's), each line
    is a row. Other lines are returned as they are."""
    if not any(_GRID_BORDER.fullmatch(line.strip()) for line in lines):
        return lines
    out: list[str] = []
    index = 0
    while index < len(lines):
        if not _GRID_BORDER.fullmatch(lines[index].strip()):
            out.append(lines[index])
            index += 1
            continue
        # A table: its borders and the "|" lines between them, in groups by border.
        groups: list[tuple[str, list[str]]] = []
        border, opened = lines[index], True  # the border above, and whether no row yet
        index += 1
        while index < len(lines):
            stripped = lines[index].strip()
            if _GRID_BORDER.fullmatch(stripped):
                border, opened = lines[index], True
            elif stripped.startswith("|"):
                if opened:
                    groups.append((border, []))
                    opened = False
                groups[-1][1].append(lines[index])
            else:
                break
            index += 1
        merge = len(groups) > 2  # a header and two body rows or more, each bordered
        for number, (above, rows) in enumerate(groups):
            out.extend([_merged_row(rows, above)] if merge else rows)
            if number == 0 and len(groups) > 1:
                out.append("|" + "---|" * (above.strip().count("+") - 1))
    return out


def _merged_row(lines: list[str], border: str) -> str:
    """The lines of one grid row as one pipe line: each line cut where the border above
    has its "+", and each cell's pieces joined."""
    cuts = [index for index, char in enumerate(border) if char == "+"]
    if (
        len(lines) == 1
        or len(cuts) < 2
        or any(
            len(line) < cuts[-1] or any(line[cut : cut + 1] != "|" for cut in cuts)
            for line in lines
        )
    ):
        # A row on one line, or lines that do not keep to the border's columns: each
        # line a row, as it is.
        return "\n".join(lines)
    cells = [
        " ".join(" ".join(line[start + 1 : end].split()) for line in lines).strip()
        for start, end in zip(cuts, cuts[1:], strict=False)
    ]
    return "| " + " | ".join(" ".join(cell.split()) for cell in cells) + " |"


def _block_units(lines: list[str], numbered_headings: bool = False) -> list[_Unit]:
    """The units of one block of lines, its pipe tables found first (a loop, so a block
    of thousands of tables needs no recursion)."""
    lines = grid_as_pipe_lines(lines)
    units: list[_Unit] = []
    start = 0
    while (found := _next_pipe_table(lines, start)) is not None:
        header, end = found
        if header > start:
            units.extend(_plain_block_units(lines[start:header], numbered_headings))
        table = pipe_table(lines[header:end])
        if table.rows:
            units.append(_Unit("table", table=table))
        else:
            units.extend(_plain_block_units(lines[header:end], numbered_headings))
        start = end
    if start < len(lines):
        units.extend(_plain_block_units(lines[start:], numbered_headings))
    return units


def columns_as_pipe_lines(lines: list[str]) -> list[str]:
    """A block's table laid out in columns, written as pipe lines (the way a grid table
    is), its other lines unchanged. Such a table is a header line over a line of dash
    runs, one run per column ("MEDICINE    DOSE" / "----------  ------"), then its rows
    to the end of the block; the runs say where each column starts, so this is read
    before the lines lose their indentation. A line with nothing in the first column,
    or only a bracketed note there ("(Adcal-D3 chewable)   (lunch and evening)"), goes
    on with the row above it."""
    rule = next(
        (
            index
            for index in range(1, len(lines))
            if _DASH_RUNS.fullmatch(lines[index]) and lines[index - 1].strip()
        ),
        None,
    )
    if rule is None:
        return _aligned_columns_as_pipe_lines(lines)
    starts = [match.start() for match in _DASH_RUN.finditer(lines[rule])]
    if len(starts) > COLUMN_TABLE_MAX_COLUMNS:
        return lines  # a decorative rule, not a table's: each row is cut once per column
    head = _cut_columns(lines[rule - 1], starts)
    if sum(1 for cell in head if cell) < 2:
        return lines
    rows: list[list[str]] = []
    for line in lines[rule + 1 :]:
        cells = _cut_columns(line, starts)
        if rows and (not cells[0] or cells[0].startswith("(")):
            rows[-1] = [" ".join(filter(None, pair)) for pair in zip(rows[-1], cells, strict=True)]
        elif any(cells):
            rows.append(cells)
    if not rows:
        return lines

    return [
        *lines[: rule - 1],
        _pipes(head),
        "|" + "---|" * len(starts),
        *map(_pipes, rows),
    ]


#: Most columns of a table laid out in columns.
COLUMN_TABLE_MAX_COLUMNS = 20


def _aligned_columns_as_pipe_lines(lines: list[str]) -> list[str]:
    """A table laid out in columns with no rule under its header, written as pipe lines:
    a header line of three or more short cells without figures ("EXERCISE   HOLD
    REPS") that opens the block or follows its one-cell caption, then two or more rows
    to the end of the block, each of two or more cells that start where the header's do
    (a row may leave a column empty, or fill it with "-"). A block of name and detail in
    two columns stays the items it is."""
    captioned = len(lines) > 1 and len(_cell_starts(lines[0])) == 1
    for index, line in enumerate(lines[: 2 if captioned else 1]):
        if len(lines) - index < 3:
            break
        if "\t" in line:
            # "EXERCISE<tab>HOW MANY<tab>HOLD": cells typed with tabs line up only on
            # screen, so they are told by the tabs between them, not by where they start.
            if table := _tab_separated_as_pipe_lines(lines[index:]):
                return [*lines[:index], *table]
            continue
        starts = _cell_starts(line)
        if len(starts) > COLUMN_TABLE_MAX_COLUMNS or len(starts) < 2:
            continue
        if len(starts) == 2 and not _names_the_dose(line):
            # "EXERCISE   REPS / HOLD": two columns make a table only under a header in
            # capitals naming the dose; else name and detail stay items.
            continue
        head = _cut_columns(line, starts)
        if not all(_HEADER_CELL.fullmatch(cell) for cell in head):
            continue
        rows = lines[index + 1 :]
        if all(_fits_columns(_cell_starts(row), starts) for row in rows):
            return [
                *lines[:index],
                _pipes(head),
                "|" + "---|" * len(starts),
                *(_pipes(_cut_columns(row, starts)) for row in rows),
            ]
        return lines
    return lines


_TABS = re.compile(r"[ ]*+\t[\t ]*+")


def _tab_separated_as_pipe_lines(lines: list[str]) -> list[str]:
    """A header line and its rows with their cells separated by tabs, as pipe lines: the
    header of two or more short cells without figures (two only when, in capitals, it
    names a dose), each row of at most as many cells and at least two; else []."""
    head = _TABS.split(lines[0].strip())
    if len(head) > COLUMN_TABLE_MAX_COLUMNS or len(head) < 2:
        return []
    if not all(_HEADER_CELL.fullmatch(cell) for cell in head):
        return []
    if len(head) == 2 and not _names_the_dose(lines[0]):
        return []
    rows = [_TABS.split(line.strip()) for line in lines[1:]]
    if not all(2 <= len(row) <= len(head) for row in rows):
        return []
    return [
        _pipes(head),
        "|" + "---|" * len(head),
        *(_pipes(row + [""] * (len(head) - len(row))) for row in rows),
    ]


def _cell_starts(line: str) -> list[int]:
    """Where each cell of a line laid out in columns starts."""
    first = len(line) - len(line.lstrip())
    return [first, *(match.end() for match in _COLUMN_GAP.finditer(line, first))]


def _fits_columns(row: list[int], starts: list[int]) -> bool:
    # Each cell of the row starts at one of the header's columns (give or take
    # COLUMN_SLIP characters), the first at the first.
    return (
        len(row) >= 2
        and abs(row[0] - starts[0]) <= COLUMN_SLIP
        and all(any(abs(cell - start) <= COLUMN_SLIP for start in starts) for cell in row)
    )


def _pipes(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _names_the_dose(line: str) -> bool:
    """Whether a header line is in capitals and names a dose ("EXERCISE   REPS / HOLD"):
    the one header of two columns read as a table."""
    return _in_capitals(line) and bool(_DOSE_HEADER.search(line))


#: A header's word naming a dose column: "REPS", "HOLD", "SETS", "HOW OFTEN".
_DOSE_HEADER = re.compile(
    r"\b(?:REPS|REPETITIONS|HOLD|SETS|DOSE|HOW OFTEN|HOW MANY|TIMES|FREQUENCY|DURATION)\b"
)
#: A header cell of a table laid out in columns: a few words, no figures.
_HEADER_CELL = re.compile(r"[^\W\d_](?:[^\d\n]{0,30}[^\W\d])?(?:\s*\([^()\d\n]{1,20}\))?")

#: A line of two or more runs of dashes with spaces between: the rule under a table's
#: header that marks where each column starts.
_DASH_RUNS = re.compile(r"[ \t]*+-{3,}+(?:[ \t]++-{3,}+)++[ \t]*+")
_DASH_RUN = re.compile(r"-{3,}+")


def _cut_columns(line: str, starts: list[int]) -> list[str]:
    # A cell typed a character or two left of its column ("(lunch and evening)" under
    # "WHEN") is cut where its word starts; the first column takes what stands before
    # its rule's start too.
    cuts = [0, *(_word_start(line, start) for start in starts[1:]), len(line)]
    return [collapse_spaces(line[begin:end]) for begin, end in zip(cuts, cuts[1:], strict=False)]


def _word_start(line: str, index: int) -> int:
    """``index``, moved left to the start of the word it falls inside (at most
    :data:`COLUMN_SLIP` characters)."""
    if index >= len(line) or line[index].isspace():
        return min(index, len(line))
    for start in range(index, max(index - COLUMN_SLIP, 0) - 1, -1):
        if start == 0 or line[start - 1].isspace():
            return start
    return index


#: Most characters a cell may start left of its column's rule.
COLUMN_SLIP = 3


def _next_pipe_table(lines: list[str], start: int) -> tuple[int, int] | None:
    """``(header line, end)`` of the first pipe table at or after ``start``, or None."""
    for index in range(start + 1, len(lines)):
        if "|" in lines[index - 1] and is_table_separator(lines[index]):
            end = index + 1
            while end < len(lines) and "|" in lines[end] and not is_table_separator(lines[end]):
                end += 1
            return index - 1, end
    return None


def is_table_separator(line: str) -> bool:
    """ "|---|:---:|" (outer pipes optional, at least one inner pipe when none), or a
    rule with "+" where the columns meet ("-------+-------", as a database prints one)."""
    line = line.strip()
    if "|" not in line and "+" in line and _PLUS_RULE.fullmatch(line):
        return True
    if "|" not in line or "-" not in line:
        return False
    cells = _pipe_cells(line)
    return bool(cells) and all(
        cell and cell.strip(":") and not cell.strip(":").strip("-") and cell.count(":") <= 2
        for cell in cells
    )


#: A dose after a name's comma: "hold 5 sec", "10 each side".
_DOSE_IN_NAME = re.compile(r"(?:hold|\d)", re.IGNORECASE)
#: A table's rule whose columns meet at "+": "-----+-----", "+----+----+".
_PLUS_RULE = re.compile(r"\+?-{3,}+(?:\+-{3,}+)++\+?")


def _pipe_cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells = line.replace("\\|", "\0").split("|")
    return [collapse_spaces(cell.replace("\0", "|")) for cell in cells]


def pipe_table(lines: list[str]) -> Table:
    """A table from pipe lines: the header line, the separator, then the rows."""
    head = _pipe_cells(lines[0])
    rows = [_pipe_cells(line) for line in lines[2:]]
    width = len(head)
    # Rows are fitted to the header's width, as GitHub renders them.
    rows = [(row + [""] * width)[:width] for row in rows]
    head_rows = [head] if any(head) else []
    return Table(head=head_rows, rows=[row for row in rows if any(row)])


#: A section's label on a line of its own: a few words and a colon ("FINDINGS:").
_CAPITALS_LABEL = re.compile(r"[^\W\d_][^\W_]*+(?:[ &/-]++[^\W_]++){0,4}+[ \t]*+:")


#: A label set between runs of stars before its text ("*** 999 / A&E ***  A fall on the
#: bank ..."), read as a label and its colon.
_STARRED_LABEL = re.compile(
    r"^[ \t]*+(?P<run>\*{1,3})[ \t]*+(?P<label>[^\s*.!?:][^*.!?:\n]{0,30}?)[ \t]*+(?P=run)"
    r"[ \t]++(?=\S)"
)


def _graded_stars(lines: list[str]) -> list[str]:
    """Lines opening with runs of one to three stars of more than one length, none
    closing with a star ("*** Call 999 ...", "** Call 111 ...", "* See a GP ..."): a
    list graded by urgency, each run one bullet. A run closed later ("** Call 999 ...
    **") is emphasis, which stays."""
    runs = {run.group(1) for line in lines if (run := _STAR_RUN.match(line))}
    if len(runs) < 2 or any(line.rstrip().endswith("*") for line in lines):
        return lines
    return [_STAR_RUN.sub("* ", line, count=1) for line in lines]


def _set_in_arrows(lines: list[str]) -> list[str]:
    """Lines set in from the margin, each opening with ">" ("  > Looking up at the pole
    for long stretches"): a list's items, two lines or more of them. A quotation marks
    its lines with ">" at the margin, and stays as it is."""
    if sum(1 for line in lines if _SET_IN_ARROW.match(line)) < LINE_ITEMS_MIN:
        return lines
    return [_SET_IN_ARROW.sub(r"\1- ", line, count=1) for line in lines]


#: ">" opening a line set in from the margin.
_SET_IN_ARROW = re.compile(r"^([ \t]++)>[ \t]++(?=\S)")


def _plain_block_units(lines: list[str], numbered_headings: bool = False) -> list[_Unit]:
    lines = [
        _STARRED_LABEL.sub(r"\g<label>: ", _ANSWER_LABEL.sub("", _QUESTION_LABEL.sub("", line)))
        for line in _graded_stars(lines)
    ]
    if len(lines) > 1 and _RULE.match(lines[0]):
        # "-----" / "1. WELCOME TO DR OKAFOR" / "-----": a heading boxed by rules; the
        # rule above it ends the part before and is no part of the heading.
        return _plain_block_units(lines[1:], numbered_headings)
    if len(lines) > 1 and _STAR_RULE.fullmatch(lines[-1]):
        # "*****" under a masthead's lines closes the box drawn around them: no text.
        return _plain_block_units(lines[:-1], numbered_headings)
    if (labelled := _label_column(lines)) is not None:
        # "999 NOW    Numbness around ..." / "GP TODAY   New weakness ...": labels in
        # capitals in a column of their own, each entry a paragraph "LABEL: text".
        return [
            # "GET HELP" in capitals over the entries heads them.
            _Unit("para", [line], heading_like=not index and is_heading_like(line))
            for index, line in enumerate(labelled)
        ]
    if (numbered := _numbered_section(lines)) is not None:
        return numbered
    underlined = next((i for i in range(1, len(lines)) if _UNDERLINE.match(lines[i])), None)
    if underlined is not None:
        byline = []
        if underlined > 1 and chrome_reason(last := lines[underlined - 1].strip()) == BYLINE:
            # "A WORD ABOUT YOUR BACK" / "by Frank Osei, retired physio" between rules:
            # the byline under a heading is no part of it.
            byline, underlined_text = [_Unit("para", [last])], lines[: underlined - 1]
        else:
            underlined_text = lines[:underlined]
        heading = _Unit("para", [collapse_spaces(" ".join(underlined_text))])
        heading.heading_like = True
        # "=" (and a line of "_", a typewriter's rule) under a headline; "-" under a
        # section heading.
        heading.double_underlined = lines[underlined].startswith(("=", "_"))
        heading.underlined = True
        rest = lines[underlined + 1 :]
        return [
            heading,
            *byline,
            *(_plain_block_units(rest, numbered_headings) if rest else []),
        ]
    fields = sum(1 for line in lines if _is_field_line(line))
    if fields >= 2 and fields >= FIELD_LINES_SHARE * len(lines):
        # "Visit date: ..." / "Provider: ..." / "Diagnosis: ...": a record's fields, each
        # a line of its own (never run together into one paragraph).
        return [_Unit("para", [line]) for line in lines if line.strip()]
    if _unpunctuated(lines):
        # Captions or a dictated note: "so you bent down to pick up the washing basket" /
        # "and now your lower back has gone tight and sore" / ...: with no punctuation to
        # end a sentence, each line is the only boundary the text has; run together, the
        # whole block would read as one sentence.
        return [_Unit("para", [line]) for line in lines if line.strip()]
    units: list[_Unit] = []
    first, rest = lines[0], lines[1:]
    if len(rest) == 1 and _GLOSS_LINE.fullmatch(rest[0].strip()) and is_heading_like(first):
        # "COCCYX INJECTION" / "(injection for tailbone pain)": a heading and, on the line
        # under it, its gloss in brackets are one heading.
        joined = f"{first.strip()} {rest[0].strip()}"
        return [_Unit("para", [joined], heading_like=is_heading_like(joined), glossed=True)]
    # "TAILBONE PAIN AFTER HAVING A BABY" / "by Sarah Okafor, Registered Osteopath": a
    # headline in capitals over a line that is not is never a sentence wrapped onto it.
    headline = bool(rest) and len(first.split()) > 2 and _in_capitals(first)
    headline = headline and not _in_capitals(rest[0])
    listed = bool(rest) and item_markers(rest)[0] is not None
    if rest and (
        is_heading_like(first, before_list=listed, headline=headline)
        and (listed or _starts_new_line_of_text(rest[0], _capitals_name(first)) or headline)
    ):
        # "Posted by the Welfare Committee, April 2025" over a notice: a byline, a line
        # of its own that heads nothing.
        byline = chrome_reason(first.strip()) == BYLINE
        units.append(_Unit("para", [first], heading_like=not byline, over_text=not byline))
        lines = rest
    elif (
        rest
        and _CAPITALS_LABEL.fullmatch(first.strip())
        and _in_capitals(first)
        and not match_item(rest[0])  # "AT HOME:" over items leads its list
    ):
        # "CLINICAL HISTORY:" / "6/52 L leg pain radiating ...": a record's section label
        # in capitals heads the lines under it, whatever they start with.
        label = first.strip().rstrip(":").strip()
        units.append(_Unit("para", [label], heading_like=True, over_text=True))
        lines = rest
    elif rest and _lettered_heading(first, rest[0]):
        # "(a) The muscle" over "A thin, flat muscle that runs ...": a lettered part's
        # heading over its text, not an item of a lettered list.
        heading = match_item(first)
        text = heading.text if heading is not None else first.strip()[4:].strip()
        units.append(_Unit("para", [text], heading_like=True, over_text=True))
        lines = rest
    elif numbered_headings and rest and _numbered_heading(first, rest):
        # "3. Treatment" over its text: a numbered section heading, not a list item.
        units.append(
            _Unit("para", [match_item(first).text], heading_like=True, numbered_heading=True)
        )
        lines = rest
        if all(_SUBSECTION_NUMBER.match(line) for line in lines):
            # "1.1 I am instructed ...", "1.2 My overriding duty ...": each numbered
            # paragraph a paragraph of its own, its number no part of its text.
            return [
                *units,
                *(_Unit("para", [line[_SUBSECTION_NUMBER.match(line).end() :]]) for line in lines),
            ]
    # Counted once for the block: each line is then read alone (linear time).
    led = sum(1 for line in lines if DOT_LEADERS.fullmatch(line.strip())) >= LINE_ITEMS_MIN
    # "Breathing routine, every hour:" over the lines: the lead of the list they make.
    lead = (
        1
        if lines and lines[0].rstrip().endswith(":") and not _leaders(lines[0].strip(), led)
        else 0
    )
    if led or len(lines) - lead >= LINE_ITEMS_MIN:
        if (items := _leader_items(lines[lead:], led)) and len(items) >= LINE_ITEMS_MIN:
            # "Chin tucks ........ 10 times, 5 second hold" / "Shoulder shrugs .... 2 sets
            # of 10": a name joined to its text by dot leaders, a line each, is a list's
            # items. Not a list of page numbers or telephone numbers ("Emergency .... 911").
            marker = ItemMarker("line", "", "")
            return [
                *units,
                *(_Unit("para", [line]) for line in lines[:lead]),
                *(_Unit("item", [item], marker=marker) for item in items),
            ]
    if units and _lines_are_items(lines):
        # Under a heading line, "Complete rest: it makes the muscle stiffer" / "Aggressive
        # stretching through sharp pain" / ...: short lines each opening with a capital
        # and none ending a sentence are the items of a list laid out without markers.
        marker = ItemMarker("line", "", "")
        return [*units, *(_Unit("item", [line.strip()], marker=marker) for line in lines)]
    markers = item_markers(lines)
    # Lines longer than any wrapping leaves were not wrapped: each that ends a sentence
    # ends its paragraph ("Painkillers. Take ..." / "Keep moving. Short walks ...").
    unwrapped = any(len(line) > UNWRAPPED_LINE_CHARS for line in lines[:-1])
    for line, marker in zip(lines, markers, strict=True):
        if marker:
            units.append(_Unit("item", [marker.text], marker=marker))
        elif (
            unwrapped
            and units
            and units[-1].kind == "para"
            and not units[-1].heading_like
            and _starts_new_line_of_text(line)
            and units[-1].lines[-1].rstrip().endswith((".", "!", "?", '."', ".\u201d"))
        ):
            units.append(_Unit("para", [line]))
        elif (
            units
            and units[-1].kind == "para"
            and not units[-1].heading_like
            and units[-1].lines[-1].rstrip().endswith(":")
            and CAPITALS_LABEL_START.match(line)
        ):
            # "Red flags for the team sheet:" / "999: sudden breathlessness ...": a line
            # labelled in capitals after a lead starts a paragraph of its own.
            units.append(_Unit("para", [line]))
        elif units and _one_line_items(units) and _starts_new_line_of_text(line):
            # "- Chin tucks: 10 reps" / "- Neck turns: 10 each way" / "Do both daily.": after
            # a run of items of one line each, a new sentence is a paragraph of its own.
            units.append(_Unit("para", [line]))
        elif units and (units[-1].kind == "item" or not units[-1].heading_like):
            units[-1].lines.append(line)
        else:
            units.append(_Unit("para", [line]))
    if len(units) == 1 and units[0].kind == "para" and len(units[0].lines) == 1:
        units[0].heading_like = is_heading_like(units[0].lines[0])
    return units


def _label_column(lines: list[str]) -> list[str] | None:
    """A block's lines as "LABEL text" entries when they are labels in capitals set in a
    column before their text ("GP TODAY   New weakness in a leg."), the lines that do not
    start with one going on with the entry before; a lead line ending in a colon, or one in
    capitals, may open the block. Labels may be set in square brackets ("[999]  Go to A&E
    ..."). None for any other block: two labelled lines at least, and no line before the
    first but the lead."""
    entries: list[list[str]] = []
    lead: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if found := _COLUMN_LABEL.fullmatch(stripped) or _BRACKETED_LABEL.fullmatch(stripped):
            # The label keeps its words, without a colon of its own: advice reads a label
            # naming help so set as if it had one (:func:`~.severity.as_labelled`).
            entries.append([f"{found['label']} {found['text']}"])
        elif entries and stripped[:1].islower():
            entries[-1].append(stripped)
        elif not entries and index == 0 and (stripped.endswith(":") or _in_capitals(stripped)):
            # "Get help:" or "GET HELP" over the entries.
            lead = [stripped]
        else:
            return None
    if len(entries) < LINE_ITEMS_MIN:
        return None
    return [*lead, *(" ".join(parts) for parts in entries)]


#: A label in capitals (figures allowed: "999 NOW") set apart from its text by a gap of
#: two spaces or more, the text opening with a capital.
_COLUMN_LABEL = re.compile(
    r"(?P<label>[A-Z0-9](?:[A-Z0-9&/'-]|[ ](?=[A-Z0-9&/'-])){1,23}+)[ \t]{2,}+"
    r"(?P<text>[A-Z][^\n]*+)"
)


#: A label in capitals in square brackets before its text: "[999]  Go to A&E if ...",
#: "[CHEMIST] On blood pressure tablets? ...".
_BRACKETED_LABEL = re.compile(
    r"\[(?P<label>[A-Z0-9](?:[A-Z0-9&/'-]|[ ](?=[A-Z0-9&/'-])){0,15}+)\][ \t]++"
    r"(?P<text>[A-Z][^\n]*+)"
)


def _unpunctuated(lines: list[str]) -> bool:
    """Whether a block is lines of text written without punctuation: at least
    :data:`UNPUNCTUATED_LINES_MIN` lines and :data:`UNPUNCTUATED_WORDS_MIN` words, none a
    list item, with at most one mark ending or splitting a sentence (. , ; : ! ?) for
    every :data:`UNPUNCTUATED_WORDS_PER_MARK` words. Wrapped prose has one every dozen
    words or so."""
    texts = [line.strip() for line in lines if line.strip()]
    if len(texts) < UNPUNCTUATED_LINES_MIN:
        return False
    if any(match_item(text) for text in texts):
        return False
    words = sum(len(text.split()) for text in texts)
    marks = sum(len(_SENTENCE_MARK.findall(text)) for text in texts)
    return words >= UNPUNCTUATED_WORDS_MIN and marks * UNPUNCTUATED_WORDS_PER_MARK <= words


#: Fewest lines and words of a block read line by line for want of punctuation.
UNPUNCTUATED_LINES_MIN = 6
UNPUNCTUATED_WORDS_MIN = 40
#: Fewest words per punctuation mark of such a block.
UNPUNCTUATED_WORDS_PER_MARK = 40
#: A mark that ends or splits a sentence, followed by a space or the line's end.
_SENTENCE_MARK = re.compile(r"[.,;:!?](?=\s|$)")


#: A line that is wholly a short gloss in brackets: "(injection for tailbone pain)".
_GLOSS_LINE = re.compile(r"\([^()]{1,80}\)")

#: Longest line text wrapping leaves; a longer one holds a whole paragraph.
UNWRAPPED_LINE_CHARS = 120


#: A record's field line: a short capitalised key, a colon, a value.
_FIELD_LINE = re.compile(r"[A-Z][\w'/()&-]*+(?: [\w'/()&-]++){0,4}:[ \t]++\S")
#: Most words of a field line's value: a record's value, not a labelled sentence.
FIELD_VALUE_WORDS = 16


def _is_field_line(line: str) -> bool:
    """ "Visit date: 02/11/2025, 10:40 AM" is a field; "Acupuncture: six sessions at £40
    each. Relaxing, no lasting change." is a labelled sentence."""
    line = line.strip()
    return (
        bool(_FIELD_LINE.match(line))
        and not line.endswith((".", "!", "?"))
        and len(line.split()) <= FIELD_VALUE_WORDS
    )


#: Share of a block's lines that must be field lines for each to stand alone.
FIELD_LINES_SHARE = 0.6


def _lines_are_items(lines: list[str]) -> bool:
    """Whether a block's lines are list items written without markers: two or more short
    lines, each opening with a capital letter (after any quotation mark), none ending with
    a full stop, question mark or colon, none a list item."""
    lines = [line for line in lines if line.strip()]
    if len(lines) < LINE_ITEMS_MIN:
        return False
    for line in lines:
        text = without_trailing_pictographs(line.strip())
        opening = text.lstrip("\"'\u201c\u2018(")
        if not opening or not opening[0].isupper() or text[-1] in ".?:;," or match_item(text):
            return False
        if len(text.split()) > LINE_ITEM_MAX_WORDS:
            return False
    return True


def _leader_items(lines: list[str], led: bool) -> list[str]:
    """The items of lines that each join a name to its text by dot leaders ("Name: text"),
    a line after one ending in a comma going on with its text ("Knee straightening .....
    10 each leg," / "3 times a day"); [] when a line is neither, or a text holds no
    word."""
    # Each item's parts, joined once at the end (linear however many lines go on).
    items: list[list[str]] = []
    for line in lines:
        if not line.strip():
            continue
        if found := _leaders(line.strip(), led):
            if not _WORD_CHARACTER.search(found["text"]):
                return []
            name, comma, dose = _unmarked(found["name"]).partition(", ")
            if comma and not _DOSE_IN_NAME.match(dose):
                name, dose = f"{name}, {dose}", ""
            # "Shoulder blade squeezes, hold 5 sec ...... 10 reps": a dose said after the
            # name's comma goes with the dose after the dots.
            text = f"{dose}, {found['text']}" if dose else found["text"]
            items.append([f"{name}: {text}"])
        elif items and items[-1][-1].endswith((",", ";")):
            items[-1].append(line.strip())
        else:
            return []
    return [" ".join(parts) for parts in items]


def _leaders(line: str, led: bool):
    """The name and text of a line joined by dot leaders; in a block where two lines or
    more have full leaders (``led``), a line whose name nearly fills the column has one
    or two dots ("Standing back extension . 5 reps after every pen")."""
    if found := DOT_LEADERS.fullmatch(line):
        return found
    return _SHORT_LEADER.fullmatch(line) if led else None


#: A name and its text joined by one or two dots between spaces.
_SHORT_LEADER = re.compile(
    r"(?P<name>[^\s.][^.\n]{0,60}?)[ \t]++\.{1,2}+[ \t]++(?P<text>\S[^\n]*+)"
)
#: A letter: what a dose has and a page or telephone number has not.
_WORD_CHARACTER = re.compile(r"[^\W\d_]")
#: Fewest lines of a list laid out without markers.
LINE_ITEMS_MIN = 2
#: Most words of each of its lines.
LINE_ITEM_MAX_WORDS = 18


#: A report's numbered paragraph: "1.1 I am instructed ...", "9.12 In my opinion ...".
_SUBSECTION_NUMBER = re.compile(r"(\d{1,3})\.\d{1,3}\.?[ \t]++(?=\S)")


def _numbered_section(lines: list[str]) -> list[_Unit] | None:
    """A procedure's numbered section: "5. BACK INJURY - FIRST AID" in capitals over
    "5.1 If someone ...", "5.2 Call ...", each perhaps wrapped onto the lines after it. The
    heading and one paragraph per numbered part, its number no part of its text; None
    for any other block."""
    if len(lines) < 2:
        return None
    head = _SECTION_NUMBER.match(lines[0])
    first = _SUBSECTION_NUMBER.match(lines[1])
    if head is None or first is None or first.group(1) != head.group(1):
        return None
    title = lines[0][head.end() :].strip()
    if not _in_capitals(title) or len(title.split()) > MAX_HEADING_WORDS:
        return None
    parts: list[list[str]] = []
    for line in lines[1:]:
        if number := _SUBSECTION_NUMBER.match(line):
            parts.append([line[number.end() :].strip()])
        elif match_item(line):
            return None  # items of their own ("a) Standing back extension: ...")
        elif line.strip():
            parts[-1].append(line.strip())  # wrapped onto the next line
    return [
        _Unit("para", [title], heading_like=True, numbered_heading=True),
        *(_Unit("para", [" ".join(part)]) for part in parts),
    ]


#: A section's number before its heading: "5. ", "12 ".
_SECTION_NUMBER = re.compile(r"(\d{1,3})\.?[ \t]++(?=\S)")


def _numbered_heading(first: str, rest: list[str], *, alone: bool = False) -> bool:
    """Whether a block's numbered first line is a section heading: short and heading-like
    after its number ("3. Treatment", "1. What is it?"), with lines of text (no items of
    the same list) under it, flush with it. A line ``alone`` in its block may head a
    bulleted list set in from it in the next block ("3. WHAT YOU CAN DO" then " - Keep
    your neck moving.")."""
    marker = match_item(first)
    if marker is None or marker.family != "number" or first[:1].isspace():
        return False
    words = len(marker.text.split())
    if alone and marker.text.rstrip().endswith("?"):
        # A numbered question alone on its line heads its answer, however long: "Why does
        # my back hurt when I sit in my wheelchair all day?"
        if words > QUESTION_HEADING_WORDS:
            return False
    elif not is_heading_like(marker.text) or words > (
        NUMBERED_HEADING_WORDS_ALONE
        if alone
        # "3. WHEN A READER HAS A FALL: PUBIC RAMUS FRACTURE": capitals say heading at
        # any length a heading has.
        else NUMBERED_CAPITALS_HEADING_WORDS
        if _in_capitals(marker.text)
        else NUMBERED_HEADING_WORDS
    ):
        return False
    following = match_item(rest[0])
    if following is not None and following.family == "number":
        return False
    bulleted = alone and following is not None
    if rest[0][:1].isspace() and not bulleted:
        return False
    if (sub := _SUBSECTION_NUMBER.match(rest[0])) and sub.group(1) == marker.value:
        # "1. INTRODUCTION" over "1.1 I am instructed by ...": a report's numbered
        # paragraphs under their section's heading.
        return True
    if not _starts_new_line_of_text(rest[0].lstrip() if bulleted else rest[0]):
        return False
    # Under it, a paragraph: more than one line, or one long line.
    return len(rest) >= 2 or len(rest[0].split()) >= PARAGRAPH_LINE_WORDS


#: Fewest words of a single line that is a paragraph of its own.
PARAGRAPH_LINE_WORDS = 12


def _unmarked(name: str) -> str:
    """A name without the list marker it opens with ("a) Clams" -> "Clams")."""
    marker = match_item(name)
    return (marker.text if marker is not None else name).strip()


def _lettered_heading(first: str, following: str) -> bool:
    """Whether a block's first line, marked "(a)" or "(iv)", is the heading of a lettered
    part: a few words like a heading's, over a line of text or a list of another kind
    (never over the next item of its own list)."""
    marker = match_item(first)
    if marker is None and _THIRD_PART.match(first):
        # "(c) When it isn't a strain" after "(a)" and "(b)": the third part. A copyright
        # line names its holder in capitals, often with a year ("(c) Alder Valley
        # Birdwatchers 2025").
        text = first.strip()[4:].strip()
        if not _DIGITS.search(text) and any(word[:1].islower() for word in text.split()[1:]):
            marker = ItemMarker("letter", "c", text)
    if marker is None or marker.family not in ("letter", "roman"):
        return False
    if len(marker.text.split()) > LETTERED_HEADING_WORDS or not is_heading_like(marker.text):
        return False
    under = match_item(following)
    if under is not None:
        return under.family not in ("letter", "roman")
    return _starts_new_line_of_text(following)


#: Most words of a lettered part's heading.
LETTERED_HEADING_WORDS = 6
#: "(c) " before words: a third lettered part, or a copyright line.
_THIRD_PART = re.compile(r"[ \t]*+\([cC]\)[ \t]++\S")


#: A numbered question's marker in an FAQ: "Q1.", "Q 2:", "Question 3)".
_QUESTION_NUMBER = re.compile(r"[ \t]*+(?:Q|Question)[ \t]?(\d{1,3})[ \t]*+[.:)][ \t]++(?=\S)")


def _as_numbered(line: str) -> str:
    """ "Q1. Why does it hurt?" -> "1. Why does it hurt?"; any other line unchanged."""
    question = _QUESTION_NUMBER.match(line)
    return f"{question.group(1)}. {line[question.end() :]}" if question else line


def _lone_numbered_headings(blocks: list[list[str]]) -> set[int]:
    """The blocks that are each one numbered line heading the text after it, in a
    leaflet of numbered questions ("1. What is it?" ... "4. How is it treated?" ...
    "7. Contact us", or "Q1." ... "Q7."): two such lines or more, one of them a
    question, each flush left with a paragraph of text (not an item of the same list)
    in the block after it."""
    found = {
        index
        for index, block in enumerate(blocks[:-1])
        if len(block) == 1
        and _numbered_heading(_as_numbered(block[0]), blocks[index + 1], alone=True)
    }
    asks = any(blocks[index][0].rstrip().endswith("?") for index in found)
    # "1. ARRIVAL AND SET-UP TIMES" ... "4. LOOKING AFTER YOUR NECK": numbered lines in
    # capitals, each alone over its text, head a pack's parts as questions would.
    capitals = all(_in_capitals(match_item(_as_numbered(blocks[i][0])).text) for i in found)
    if len(found) < 2 or not (asks or capitals):
        return set()
    if capitals:
        # "3. MEDICAL OFFICER'S NOTE: PAIN AT THE BACK OF THE LOWER RIBS" among them: a
        # longer numbered line in capitals, alone over its text, is one of the parts too.
        found |= {
            index
            for index, block in enumerate(blocks[:-1])
            if len(block) == 1
            and (marker := match_item(block[0])) is not None
            and marker.family == "number"
            and _in_capitals(marker.text)
            and len(marker.text.split()) <= NUMBERED_CAPITALS_HEADING_WORDS
            and not match_item(blocks[index + 1][0])
            # Under it, a paragraph: more than one line, or one long line.
            and (
                len(blocks[index + 1]) >= 2
                or len(blocks[index + 1][0].split()) >= PARAGRAPH_LINE_WORDS
            )
        }
    return found


#: Most words a numbered heading has after its number; alone on its line, with a blank
#: line after it ("3. WHAT YOU CAN DO TO HELP YOURSELF").
NUMBERED_HEADING_WORDS = 6
NUMBERED_HEADING_WORDS_ALONE = 9
#: Most words of a numbered line in capitals that heads its part among others like it.
NUMBERED_CAPITALS_HEADING_WORDS = 16
#: Most words of a numbered question alone on its line that heads its answer.
QUESTION_HEADING_WORDS = 20


def _one_line_items(units: list[_Unit]) -> bool:
    """Whether the last two units are list items of one line each."""
    return len(units) >= 2 and all(
        unit.kind == "item" and len(unit.lines) == 1 for unit in units[-2:]
    )


def _capitals_name(line: str) -> str:
    """``line`` when it is written in capitals ("WALL SLIDE" over its dose "2 x 8"), else
    "": a line of text that breaks before a number goes on with the number."""
    return line.strip() if _in_capitals(line) else ""


def _starts_new_line_of_text(line: str, name: str = "") -> bool:
    """Whether a line under a named item starts text of its own: a capital, a list
    marker, or a number under a bare name ("8 rounds, moving with the breath" under
    "Cat-cow (on hands and knees)": its dose, where "hold for / 20 seconds" wraps)."""
    if match_item(line):
        return True
    first = next((char for char in line if char.isalnum()), "")
    if first.isdigit():
        return _BARE_NAME.fullmatch(_BRACKETED.sub("", name).strip()) is not None
    return first.isupper()


#: A name alone: up to five words, no clause after a dash, colon or comma.
_BARE_NAME = re.compile(r"[^\W\d_][\w'’-]*+(?:[ \t]++[\w'’-]++){0,4}")
#: A bracketed aside ("(on hands and knees)").
_BRACKETED = re.compile(r"\([^()\n]{0,80}\)")


def build_sections(units: list[_Unit]) -> tuple[str, list[Section], list[Dropped]]:
    """Turn units into ``(title, sections, dropped)``: choose the title, headings, levels
    and lists. A block of lines the parser found to be chrome before the title (a
    letterhead ending in its telephone line) is dropped here, where its lines are still
    apart: joined into one paragraph, its wording no longer reads as chrome."""
    preamble, title, start, title_demoted = _choose_title(units)
    sections: list[Section] = []
    dropped = [
        Dropped(reason=chrome_reason(unit.text) or ADDRESS_REASON, text=unit.text)
        for unit in preamble
        if unit.chrome_block
    ]
    preamble = [unit for unit in preamble if not unit.chrome_block]
    if preamble:
        sections.append(Section(heading="", level=1, blocks=[Paragraph(u.text) for u in preamble]))
    current = Section(heading=title, level=1)
    sections.append(current)
    markers: dict[int, ItemMarker] = {}
    previous_heading_level = 1 if title else 0
    body = units[start:]
    for index, unit in enumerate(body):
        followed = index + 1 < len(body)
        if unit.form_field:
            dropped.append(Dropped(reason=FORM_FIELD_REASON, text=unit.text))
            continue
        if unit.kind == "para" and len(unit.lines) == 1 and _RULE.match(unit.lines[0]):
            # "=====" between two parts of a newsletter ends the part before it: what
            # follows is never the text of the heading above the rule.
            if current.heading or current.blocks:
                current = Section(heading="", level=max(current.level, 2))
                sections.append(current)
                # The heading after the rule starts a part of its own: it is no
                # sub-heading of the one before the rule.
                previous_heading_level = min(previous_heading_level, 1)
            continue
        if unit.kind == "para" and unit.heading_like and followed:
            level = _heading_level(unit.text, previous_heading_level, bool(current.blocks))
            if title_demoted and index == 0:
                level = 2
            current = Section(heading=unit.text, level=level)
            sections.append(current)
            previous_heading_level = level
        elif unit.kind == "item":
            _add_item(current, unit.marker, unit.lines, markers)
        elif unit.kind == "table":
            current.blocks.append(unit.table)
        else:
            current.blocks.append(Paragraph(unit.text))
    return title, [s for s in sections if s.heading or s.blocks], dropped


def _choose_title(units: list[_Unit]) -> tuple[list[_Unit], str, int, bool]:
    """Return (preamble units, title, index where the body starts, title line demoted)."""
    if (underlined := _underlined_headline(units)) is not None:
        return units[:underlined], units[underlined].text, underlined + 1, False
    run = 0
    headed = False  # a heading-like line is among those read so far
    while True:
        # Chrome lines ("Our ref: ...", "Received 12 May 2025") sit among the lines
        # before the title; they are never the title themselves. A block of chrome after
        # a heading-like line (a byline, a form's fields) ends them.
        while run < len(units) and units[run].kind == "para":
            unit = units[run]
            if (unit.chrome_block and headed and not _is_navigation(unit)) or not (
                unit.heading_like or unit.chrome
            ):
                break
            headed = headed or not unit.chrome
            run += 1
            if unit.glossed and unit.heading_like:
                break
        # "Guidance Note GN-14 | Version 3 | Issued May 2025" between the publisher's
        # name and the real title: a masthead, part of the lines before the title.
        if run + 1 < len(units) and _is_masthead(units[run]) and units[run + 1].heading_like:
            headed = True
            run += 1
            continue
        break
    heads = [index for index in range(run) if not units[index].chrome]
    if not heads or run == len(units):
        return [], "", 0, False
    for head in heads[:-1]:
        following = units[head + 1]
        if (
            units[head].heading_like
            and following.chrome
            and _DATED.search(following.text)
            and head + 2 < run
            and units[head].block == following.block == units[head + 2].block
        ):
            # "Parcel Delivery Drivers: Back Injuries" over "Volume 764: debated on
            # Wednesday 12 March 2025" over "Westminster Hall": a line with a dated line
            # under it, in a block of header lines that goes on, is the headline. (A
            # masthead, "Harbour Health Guides" / "Updated 2 May 2025", ends its block;
            # the title comes after it.)
            return units[:head], units[head].text, head + 1, False
    # "By Tom Ashworth, Health Correspondent" (and a dateline) under the headline: body
    # text (dropped as chrome later); the headline above them is the title.
    end = len(heads)
    while end > 1 and (
        _BYLINE.match(units[heads[end - 1]].text) or _DATELINE.match(units[heads[end - 1]].text)
    ):
        end -= 1
    if end < len(heads):
        title = heads[end - 1]
        return units[:title], units[title].text, title + 1, False
    last = heads[-1]
    if len(heads) >= 2 and _says_nothing(units[last].text):
        # "ACUTE WRY NECK" then "What is it?": a question made of function words only
        # opens the first section; the line above it is the title.
        return units[: heads[-2]], units[heads[-2]].text, heads[-2] + 1, True
    if len(heads) >= 2:
        first = heads[-2]
        if (
            units[first].double_underlined
            and units[last].underlined
            and not units[last].double_underlined
        ):
            # "Back pain in sickle cell disease" over "=====", then "Why it happens" over
            # "-----": a title and its first section, by the rules under them.
            return units[:first], units[first].text, first + 1, False
        if (
            units[first].heading_like
            and units[last].over_text
            and units[last].text.rstrip().endswith("?")
            and not units[first].text.rstrip().endswith("?")
        ):
            # "SPINAL FRACTURE CAUSED BY OSTEOPOROSIS" then "What has happened to my
            # back?" with its answer on the lines under it: the question opens the first
            # section (a question standing alone under a label may be the headline).
            return units[:first], units[first].text, first + 1, True
        if units[first].heading_like and _share_a_word(units[first].text, units[last].text):
            # "Sciatica" then "What is sciatica?": the first is the title, the second a
            # section.
            return units[:first], units[first].text, first + 1, True
    return units[:last], units[last].text, last + 1, False


#: What marks a line as document metadata: a date or number with a separator, a
#: version, "Issued", "Reading time".
_METADATA_SIGNAL = re.compile(
    r"\s[|·•]\s|\b(?:version|issued|updated|reviewed|reading time|ref(?:erence)?|leaflet no)\b"
    r"|\b\d{4}\b",
    re.IGNORECASE,
)


def is_metadata_line(text: str) -> bool:
    """Whether ``text`` reads as document metadata: no sentence end, and a date,
    version, reference or "|" separator ("Guidance Note GN-14 | Issued May 2025")."""
    text = text.rstrip()
    return not text.endswith((".", "!", "?", ":")) and bool(_METADATA_SIGNAL.search(text))


def _underlined_headline(units: list[_Unit]) -> int | None:
    """The index of a heading underlined with "=" among the opening lines, when every
    line above it is short and no sentence (a service's name, its trust, a series label
    such as "BONE HEALTH INFORMATION"): the headline, whatever stands above it."""
    for index, unit in enumerate(units[: OPENING_LINES + 1]):
        if unit.double_underlined:
            return index if index else None
        if unit.kind != "para" or len(unit.lines) > 2:
            return None
        if any(line.rstrip().endswith((".", "!", "?", ":")) for line in unit.lines):
            return None
        if any(len(line.split()) > OPENING_LINE_WORDS for line in unit.lines):
            return None
    return None


#: How many short lines may stand above an underlined headline, and their longest.
OPENING_LINES = 6
OPENING_LINE_WORDS = 12


def _is_navigation(unit: _Unit) -> bool:
    """A breadcrumb or menu line: a site's name above it is no title, and the headline
    comes under it ("WHITLOW SPORTS MASSAGE", its menu, "Blog > Injuries", then the
    headline), unlike a byline, which comes under the headline."""
    return chrome_reason(unit.text) == NAVIGATION_REASON


#: The reason a breadcrumb or menu is chrome (data/chrome.json).
NAVIGATION_REASON = "chrome: navigation"


def _is_masthead(unit: _Unit) -> bool:
    """A short block of metadata lines (no sentence ends, a date, version or "|")."""
    return (
        unit.kind == "para"
        and not unit.heading_like
        and len(unit.lines) <= 4
        and all(len(line.split()) <= 14 for line in unit.lines)
        and not any(line.rstrip().endswith((".", "!", "?", ":")) for line in unit.lines)
        and is_metadata_line(unit.text)
    )


#: A date standing as a line of its own under a headline: "Saturday 8 March 2025".
#: A date written out: "12 March 2025", "March 12th, 2025".
_WRITTEN_DATE = (
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
    r"\d{1,2}(?:st|nd|rd|th)?),?\s+\d{4}"
)
_DATELINE = re.compile(
    rf"^\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?{_WRITTEN_DATE}\s*$",
    re.IGNORECASE,
)
#: A date written out anywhere in a line.
_DATED = re.compile(rf"\b{_WRITTEN_DATE}\b", re.IGNORECASE)
#: A byline: "By <Name>", "Written by <Name>".
_BYLINE = re.compile(r"^(?i:(?:(?:written|words|posted|reported)\s+)?by)\s+[A-Z][\w'.-]*")


#: An indented line that opens with a short capitalised label and a spaced dash: "  Knee
#: rolls - lie on your back ...".
_INDENTED_LABEL = re.compile(
    r"^[ \t]{2,}(?=[A-Z])[^\W\d][\w' ]{0,40}?(?:\s[-\u2013\u2014]\s+\S"
    # "  Shoulder rolls: 10 times backwards.": a label and a colon, on a line that is a
    # whole sentence (not a form's "  Date: 3 June").
    r"|:[ \t]++\S[^\n]*+(?<=[.!?]))"
)


def _labelled_indented_items(lines: list[str]) -> list[str]:
    """Indented lines after a line ending with a colon, two or more of them opening with a
    label and a dash, are list items without markers: each labelled line gets a bullet,
    the indented lines after it continue it, and the first unindented line ends them."""
    # One pass from the end: where each indented run ends and how many labelled lines lie
    # from each line to the end of the block (so no run is scanned twice: linear time).
    count = len(lines)
    run_end = [count] * (count + 1)
    labels = [0] * (count + 1)
    for index in range(count - 1, -1, -1):
        indented = lines[index][:2].isspace() and bool(lines[index].strip())
        run_end[index] = run_end[index + 1] if indented else index
        labels[index] = labels[index + 1] + bool(indented and _INDENTED_LABEL.match(lines[index]))
    for index, line in enumerate([":", *lines[:-1]], start=-1):
        # A block of indented lines only follows its lead's block ("Do this routine at
        # least twice a day:", a blank line, the items): it starts as if after a lead.
        if not line.rstrip().endswith(":"):
            continue
        end = run_end[index + 1]
        if labels[index + 1] - labels[end] < 2 or (index < 0 and end < count):
            continue
        run = lines[index + 1 : end]
        marked = [f"- {item.strip()}" if _INDENTED_LABEL.match(item) else item for item in run]
        return [*lines[: index + 1], *marked, *lines[end:]]
    return lines


def _says_nothing(line: str) -> bool:
    """Whether a line holds function words only, or words about the document itself
    ("What is it?", "Why?", "Who is this leaflet for?")."""
    words = _LETTERS.findall(line.lower())
    return bool(words) and all(word in _FUNCTION_WORDS for word in words)


_LETTERS = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS = DANGLING_WORDS | frozenset(
    "what why how who when where which it is does do did can will should this these for"
    " about leaflet booklet factsheet sheet handout page guide information document".split()
)


def _share_a_word(first: str, second: str) -> bool:
    words = {word.lower() for word in _WORDS.findall(first)}
    return bool(words & {word.lower() for word in _WORDS.findall(second)})


def _heading_level(text: str, previous: int, body_since_previous: bool) -> int:
    if heading_is_numbered(text):
        return MAX_INFERRED_LEVEL
    if previous >= 2 and not body_since_previous:
        return min(previous + 1, MAX_INFERRED_LEVEL)
    return 2


def _add_item(
    section: Section, marker: ItemMarker, lines: list[str], markers: dict[int, ItemMarker]
) -> None:
    text = collapse_spaces(" ".join(lines))
    item = ListItem(tidy_item_text(text))
    first = lines[0].strip()
    if len(lines) > 1 and is_heading_like(first) and _starts_new_line_of_text(lines[1], first):
        # "1. Knee rolls" on a line of its own, then the steps: a named item.
        rest = collapse_spaces(" ".join(lines[1:]))
        item = ListItem(
            tidy_item_text(f"{first}. {rest}"),
            f"<strong>{html.escape(first, quote=False)}</strong> {html.escape(rest, quote=False)}",
        )
    add_list_item(section, item, marker, markers)


def add_list_item(
    section: Section, item: ListItem, marker: ItemMarker, markers: dict[int, ItemMarker]
) -> None:
    """Append ``item`` to the section's last list when ``marker`` continues it, or
    start a new list (led by the paragraph before it) when it does not."""
    last = section.blocks[-1] if section.blocks else None
    if isinstance(last, ListBlock) and id(last) in markers and marker.continues(markers[id(last)]):
        last.items.append(item)
    else:
        last = ListBlock(ordered=marker.ordered, items=[item], lead=lead_of(last))
        section.blocks.append(last)
    markers[id(last)] = marker
