"""Clean a parsed Document: named steps, each a pure function recording what it changed.

:func:`clean_document` runs :data:`CLEAN_STEPS` in order. Each step takes a Document
and returns a new one (the input is never modified), adding to ``dropped`` (full
text, never an excerpt), ``repairs`` (one aggregate record per kind and form) and
``flags``. Steps that only rewrite text apply to the title, headings, paragraphs,
list items, list leads and the text inside inline HTML alike.
"""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from html.entities import html5 as HTML5_ENTITIES

from .chrome import (  # noqa: F401 - also importable from here
    CHROME_FILE,
    CHROME_SEARCH_JOINED,
    WordingPattern,
    _chrome_dispatch,
    chrome_candidates,
    chrome_patterns,
    chrome_reason,
    compile_wording,
    cut_inline_chrome,
    gives_care_advice,
    heading_chrome_reason,
    only_routes_care,
)
from .document import (
    Document,
    Dropped,
    Flag,
    ListBlock,
    ListItem,
    Paragraph,
    Repair,
    Section,
    Table,
)
from .dose import has_counts, read_dose
from .errors import NothingToImportError
from .hl7 import SEGMENT_REASON
from .language import (
    ARTICLE_SAMPLE,
    MIN_WORDS_SAME_SCRIPT,
    PASSAGE_SAMPLE,
    Profile,
    detect_language,
    foreign_language,
    identify,
    plainly_in,
    profile,
    rank_languages,
    stopwords,
)
from .ocr import fix_ocr, ocr_fixes
from .parse_html import safe_inline_html
from .parse_text import DANGLING_WORDS, MAX_HEADING_WORDS, is_metadata_line
from .rst import MARKUP_REASON
from .sentences import ends_sentence, split_sentences
from .text import without_heading_number

#: Flag kind for a passage in another language when the article is in English.
NON_ENGLISH = "non_english"

#: Flag kind for a passage in another language when the article is not in English.
OTHER_LANGUAGE = "other_language"

#: Paragraphs with at most this many sentences are dropped whole when one sentence is
#: chrome ("Want to learn more? Watch the video."); longer ones lose only that sentence.
SHORT_PARAGRAPH_SENTENCES = 3

#: Longest sentence (in words) that goes with a chrome sentence in a short paragraph;
#: a longer one says something of its own ("Cauda equina syndrome ... call 999. Learn
#: more") and stays while the chrome sentence goes.
CHROME_COMPANION_WORDS = 8

#: The reason of a practice's or club's notice (a closure, a new clinic): see
#: ``notices`` in ``data/chrome.json``.
NOTICE_REASON = "chrome: notices"

#: A list is dropped whole when at least this share of its items is chrome.
CHROME_LIST_SHARE = 0.5

TextFix = Callable[[str, Counter | None], str]


def clean_document(doc: Document, steps=None) -> Document:
    """Run the cleaning steps; raise :class:`NothingToImportError` when nothing is left."""
    for step in CLEAN_STEPS if steps is None else steps:
        doc = step(doc)
    if not any(True for _ in doc.iter_blocks()):
        raise NothingToImportError(
            "Nothing to import: the source holds only site chrome, promotion or empty text.",
            document=doc,
        )
    return doc


# --- rewriting every text of a document -------------------------------------------

# "<" inside a tag is impossible in the markup we keep; excluding it keeps a run of
# "<<<<" linear (each "<" would otherwise scan to the end of the text for a ">").
_TAG = re.compile(r"(<[^<>]*+>)")


def map_html_text(markup: str, fix: Callable[[str], str]) -> str:
    """Apply ``fix`` to the text between the tags of inline HTML, leaving tags alone."""
    if not markup:
        return markup
    parts = _TAG.split(markup)
    for index in range(0, len(parts), 2):
        if parts[index]:
            parts[index] = html_lib.escape(fix(html_lib.unescape(parts[index])), quote=False)
    return "".join(parts)


def rewrite_texts(doc: Document, fix: TextFix) -> tuple[Document, Counter]:
    """A copy of ``doc`` with ``fix`` applied everywhere, and the tally ``fix`` kept.

    Only plain-text fields are tallied, so a repair inside a paragraph's HTML is not
    counted twice.
    """
    tally: Counter = Counter()

    def quiet(text: str) -> str:
        return fix(text, None)

    sections = []
    for section in doc.sections:
        blocks = []
        for block in section.blocks:
            if isinstance(block, Paragraph):
                blocks.append(Paragraph(fix(block.text, tally), map_html_text(block.html, quiet)))
            elif isinstance(block, Table):
                blocks.append(
                    block.map_text(
                        lambda text: fix(text, tally),
                        lambda markup: map_html_text(markup, quiet),
                    )
                )
            else:
                items = [
                    ListItem(fix(item.text, tally), map_html_text(item.html, quiet))
                    for item in block.items
                ]
                blocks.append(replace(block, items=items, lead=fix(block.lead, None)))
        sections.append(replace(section, heading=fix(section.heading, tally), blocks=blocks))
    title_is_heading = any(section.heading == doc.title for section in doc.sections)
    title = fix(doc.title, None if title_is_heading else tally)
    return replace(doc, title=title, sections=sections), tally


def _with_repairs(doc: Document, kind: str, tally: Counter) -> Document:
    repairs = [Repair(kind=kind, from_=old, to=new, count=n) for (old, new), n in tally.items()]
    return replace(doc, repairs=[*doc.repairs, *repairs]) if repairs else doc


# --- step: sanitise inline HTML ------------------------------------------------------

_SAFE_TAG = re.compile(r'<(?:/?(?:strong|em)|/a|a href="(?:https?:|mailto:|tel:|#)[^"<>]*")>')


def sanitise_inline_html(doc: Document) -> Document:
    """Re-serialise inline HTML that is not already in the safe form.

    The parsers only produce ``<strong>``, ``<em>`` and safe ``<a href>``; this step
    is the guarantee for Documents built elsewhere: no ``javascript:``/``data:`` URL,
    event handler or style attribute survives.
    """
    changed = 0

    def safe(markup: str) -> str:
        nonlocal changed
        if not markup or all(_SAFE_TAG.fullmatch(tag) for tag in _TAG.findall(markup)):
            return markup
        changed += 1
        return safe_inline_html(markup)

    sections = []
    for section in doc.sections:
        blocks = []
        for block in section.blocks:
            if isinstance(block, Paragraph):
                blocks.append(replace(block, html=safe(block.html)))
            elif isinstance(block, Table):
                blocks.append(block.map_text(lambda text: text, safe) if block.links else block)
            else:
                items = [replace(item, html=safe(item.html)) for item in block.items]
                blocks.append(replace(block, items=items))
        sections.append(replace(section, blocks=blocks))
    doc = replace(doc, sections=sections)
    if changed:
        repair = Repair(kind="sanitise", from_="unsafe inline markup", to="", count=changed)
        doc = replace(doc, repairs=[*doc.repairs, repair])
    return doc


# --- step: repair mojibake -----------------------------------------------------------

_CONTINUATION = "".join(
    sorted({bytes([b]).decode("cp1252", "ignore") for b in range(0x80, 0xC0)} - {""})
)
_C = "[" + re.escape(_CONTINUATION) + "]"
_MOJIBAKE = re.compile(
    f"(?:[\u00c2-\u00df]{_C}|[\u00e0-\u00ef]{_C}{{2}}|[\u00f0-\u00f4]{_C}{{3}})+"
)

#: Mojibake whose original byte has no Windows-1252 character, so it cannot round-trip.
MOJIBAKE_LEFTOVERS = {"â€\u009d": "”", "â€\ufffd": "”", "Ã\u008d": "Í", "Ã\u0081": "Á"}


def repair_mojibake(doc: Document) -> Document:
    """UTF-8 that was read as Windows-1252 ("â€™", "Ã©") back to the real characters."""
    doc, tally = rewrite_texts(doc, fix_mojibake)
    return _with_repairs(doc, "mojibake", tally)


def fix_mojibake(text: str, tally: Counter | None = None) -> str:
    if not text or text.isascii():
        return text
    for _ in range(2):  # text mangled twice needs two round trips
        fixed = _MOJIBAKE.sub(lambda match: _round_trip(match.group(), tally), text)
        if fixed == text:
            break
        text = fixed
    for broken, good in MOJIBAKE_LEFTOVERS.items():
        if broken in text:
            if tally is not None:
                tally[(broken, good)] += text.count(broken)
            text = text.replace(broken, good)
    if "Ã " in text:
        # "à" is C3 A0: its second byte read as a no-break space, which is often turned
        # into a plain space on the way ("Ã  demander"). "Ã" is no word on its own.
        fixed = _LONE_A_GRAVE.sub("à ", text)
        if tally is not None and fixed != text:
            tally[("Ã ", "à")] += len(_LONE_A_GRAVE.findall(text))
        text = fixed
    return text


_LONE_A_GRAVE = re.compile(r"(?<!\S)Ã {1,2}(?=\w)")


def _round_trip(run: str, tally: Counter | None) -> str:
    try:
        fixed = run.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return run
    if tally is not None:
        tally[(run, fixed)] += 1
    return fixed


# --- step: repair letters a scan confused -----------------------------------------------


def repair_scanned_letters(doc: Document) -> Document:
    """Words a scanner's text recognition misread ("inforrnation", "Hosp1tal",
    "MEDlCAL") put back, when a lexicon knows the word they were (see :mod:`.ocr`)."""
    fixes = ocr_fixes([doc.title, *(s.heading for s in doc.sections), *doc.block_texts()])
    if not fixes:
        return doc
    doc, tally = rewrite_texts(doc, lambda text, tally: fix_ocr(text, fixes, tally))
    return _with_repairs(doc, "scanned letters", tally)


# --- step: repair entities -------------------------------------------------------------

_ENTITY = re.compile(
    # Each run (spaces, "&amp;&amp;...") is tried from its start only and taken whole,
    # so long runs cost linear time instead of one rescan per character.
    r"(?P<pre>(?:(?<![ \t])[ \t]++)?)"
    r"(?P<entity>"
    r"(?<!&amp;)(?:&amp;)++(?:\#[xX][0-9a-fA-F]{2,5}|\#\d{2,6}|[A-Za-z][A-Za-z0-9]{1,31});?"
    r"|&\#[xX][0-9a-fA-F]{2,5};?"
    r"|&\#[ \t]?\d{2,6};?"
    r"|&[A-Za-z][A-Za-z0-9]{1,31};?"
    r"|(?<![&\#\d])\#[ \t]?\d{3,5}(?:;|(?!\d))"
    r")"
    r"(?P<post>[ \t]*,?)"
)

#: Named entities recognised without their semicolon ("&nbsp", "&mdash").
NAMES_WITHOUT_SEMICOLON = frozenset(
    "nbsp ndash mdash hellip rsquo lsquo rdquo ldquo laquo raquo quot apos amp lt gt "
    "copy reg trade deg middot bull shy times minus plusmn frac12 eacute".split()
)

#: Numbers read as a character when written without "&" ("# 8211"): typographic
#: punctuation, euro and trade mark signs, never an ordinary "#3".
BARE_NUMBER_RANGES = ((8192, 8303), (8364, 8364), (8482, 8482))

_DASHES = "–—"
_CLOSING = "’”»"
_OPENING = "‘“«"


def repair_entities(doc: Document) -> Document:
    """Broken or double-escaped HTML entities ("# 8211", "&amp;#8211;", "&nbsp") to characters.

    A dash lands between spaces and eats a stray comma ("lumbago # 8211, possible"
    -> "lumbago – possible"); quotes and apostrophes hug their word.
    """
    doc, tally = rewrite_texts(doc, fix_entities)
    return _with_repairs(doc, "entity", tally)


def fix_entities(text: str, tally: Counter | None = None) -> str:
    if "&" not in text and "#" not in text:
        return text

    def replace_entity(match: re.Match) -> str:
        entity = match.group("entity")
        char = entity_char(entity)
        if char is None:
            return match.group()
        if tally is not None:
            tally[(" ".join(entity.split()), char)] += 1
        pre, post = match.group("pre"), match.group("post")
        start, end = match.start(), match.end()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if char in _DASHES:
            if before.isdigit() and after.isdigit() and not pre and not post:
                return char
            return (" " if start or pre else "") + char + (" " if after and after != " " else "")
        if char in _CLOSING or char == "…":
            return char + post
        if char in _OPENING:
            return pre + char + post.rstrip(" \t")
        if char == "\u00a0":
            return pre + " " + post if not (pre or post) else pre + post
        return pre + char + post

    return _ENTITY.sub(replace_entity, text)


def entity_char(entity: str) -> str | None:
    """The character a (broken) entity stands for, or None when it is not one."""
    body = entity
    while body.startswith("&amp;"):
        body = "&" + body[5:]
    has_semicolon = body.endswith(";")
    body = body.rstrip(";")
    if body.startswith("&#"):
        digits = body[2:].strip()
        code = int(digits[1:], 16) if digits[:1] in "xX" and len(digits) > 1 else None
        if code is None:
            code = int(digits) if digits.isdigit() else -1
        return _code_char(code)
    if body.startswith("#"):
        code = int(body[1:].strip())
        if any(low <= code <= high for low, high in BARE_NUMBER_RANGES):
            return _code_char(code)
        return None
    name = body[1:]
    if has_semicolon and f"{name};" in HTML5_ENTITIES:
        return HTML5_ENTITIES[f"{name};"]
    if name in NAMES_WITHOUT_SEMICOLON:
        return HTML5_ENTITIES[f"{name};"]
    return None


def _code_char(code: int) -> str | None:
    if code < 32 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF or 127 <= code < 160:
        return None
    return chr(code)


# --- step: whitespace and typography ---------------------------------------------------

_NBSP = re.compile("[\u00a0\u2007\u202f]")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
# Every run of whitespace (any Unicode space) becomes one space: after this step no text
# holds two whitespace characters in a row, which keeps the classifier's many ``\s*``
# patterns linear (a long run would otherwise be rescanned from each of its positions).
_SPACE_RUN = re.compile(r"\s{2,}|[^\S ]")
# Written to start with a literal or a small class: re scans such patterns far faster
# (the look-behind follows the first space, so the scan skips to spaces).
_SPACE_BEFORE_PUNCTUATION = re.compile(r" (?<=[^\W_] ) *(?=[,;:.!?](?:\s|$))")
_MISSING_SPACE = re.compile(r"([.!?])(?<=[a-zа-яёіїєґ]{2}[.!?])(?=[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ])")


def normalise_whitespace(doc: Document) -> Document:
    """Non-breaking and doubled spaces, space before punctuation, a missing space between
    sentences ("load.To avoid"): one aggregate "whitespace" repair with the count."""
    doc, tally = rewrite_texts(doc, fix_whitespace)
    total = sum(tally.values())
    sections = [
        replace(section, blocks=[_strip_block(block) for block in section.blocks])
        for section in doc.sections
    ]
    doc = replace(doc, sections=sections)
    if not total:
        return doc
    repair = Repair(kind="whitespace", from_="irregular spacing", to="normalised", count=total)
    return replace(doc, repairs=[*doc.repairs, repair])


def fix_whitespace(text: str, tally: Counter | None = None) -> str:
    if not text:
        return text
    count = 0
    for pattern, replacement, needed in _WHITESPACE_FIXES:
        if needed(text):
            text, n = pattern.subn(replacement, text)
            count += n
    if tally is not None:
        stripped = text.strip()
        count += stripped != text
        text = stripped
        tally[("whitespace", "")] += count
    return text


#: Pictographs and their joiners ("💪", "👁️"): decoration in blog posts that would end
#: a sentence without its full stop and sit in page titles.
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u26ff\u2700-\u27bf\u2b50\u2b55\u231a\u231b\u23e9-\u23fa]"
    "[\ufe0f\u200d\U0001f3fb-\U0001f3ff]*(?:\u200d[\U0001f000-\U0001faff][\ufe0f]?)*"
)

_WHITESPACE_FIXES = (
    # (pattern, replacement, cheap test whether the pattern can match at all)
    (_EMOJI, "", lambda text: not text.isascii()),
    (_INVISIBLE, "", lambda text: not text.isascii()),
    (_NBSP, " ", lambda text: not text.isascii()),
    (_SPACE_RUN, " ", lambda text: "  " in text or not text.isprintable() or not text.isascii()),
    (_SPACE_BEFORE_PUNCTUATION, "", lambda text: " " in text),
    (_MISSING_SPACE, r"\1 ", lambda text: True),
)


def _strip_block(block):
    if isinstance(block, Paragraph):
        return Paragraph(block.text.strip(), tidy_inline_spacing(block.html))
    if isinstance(block, Table):
        return block.map_text(str.strip, tidy_inline_spacing)
    items = [ListItem(item.text.strip(), tidy_inline_spacing(item.html)) for item in block.items]
    return replace(block, items=items, lead=block.lead.strip())


# --- step: cut inline markers -----------------------------------------------------------


def drop_inline_chrome(doc: Document) -> Document:
    """Cut the markers a page leaves inside its text: footnote markers ("canal.[1]"),
    "[edit]" links after headings, a transcript's "[laughs]", a timestamp opening a
    chapter heading ("[02:15] Why does it happen?"). Each marker is recorded as dropped
    once, with its reason."""
    found: list[tuple[str, str]] = []

    def fix(text: str, tally: Counter | None) -> str:
        return cut_inline_chrome(text, found if tally is not None else None)

    doc, _ = rewrite_texts(doc, fix)
    if not found:
        return doc
    dropped = [Dropped(reason=reason, text=text) for reason, text in dict.fromkeys(found)]
    return replace(doc, dropped=[*doc.dropped, *dropped])


# --- step: drop the labels before the title ----------------------------------------------


def title_section_index(doc: Document) -> int:
    """Index of the section the title heads, or -1."""
    if not doc.title:
        return -1
    for index, section in enumerate(doc.sections):
        if section.level == 1 and section.heading == doc.title:
            return index
    return -1


def drop_labels_before_title(doc: Document) -> Document:
    """Lone short lines before the title ("Useful Tips") are category labels: drop them."""
    title_index = title_section_index(doc)
    if title_index <= 0:
        return doc
    dropped = list(doc.dropped)
    sections = []
    for index, section in enumerate(doc.sections):
        if index < title_index and not section.heading:
            kept = []
            for block in section.blocks:
                if _is_label(block):
                    dropped.append(
                        Dropped(reason="chrome: label before the title", text=block.text)
                    )
                else:
                    kept.append(block)
            section = replace(section, blocks=kept)
        sections.append(section)
    return replace(doc, sections=sections, dropped=dropped)


def drop_signatures(doc: Document) -> Document:
    """A letter's signature: the short paragraphs after its sign-off ("Yours sincerely,"
    over "Mr K. Adebayo, Consultant Spinal Surgeon / Dictated 3 March ..."), up to
    :data:`SIGNATURE_MAX_PARAGRAPHS` of at most :data:`SIGNATURE_MAX_WORDS` words each,
    none of them a sentence of advice. The sign-off itself is left to the chrome step."""
    dropped = list(doc.dropped)
    sections = []
    for section in doc.sections:
        kept: list = []
        signing = 0  # paragraphs of a signature still to look at
        for block in section.blocks:
            if signing and isinstance(block, Paragraph) and _signature_line(block.text):
                dropped.append(Dropped(reason="signature", text=block.text))
                signing -= 1
                continue
            signing = (
                SIGNATURE_MAX_PARAGRAPHS
                if isinstance(block, Paragraph) and _SIGN_OFF.fullmatch(block.text.strip())
                else 0
            )
            kept.append(block)
        sections.append(
            replace(section, blocks=kept) if len(kept) != len(section.blocks) else section
        )
    if len(dropped) == len(doc.dropped):
        return doc
    return replace(doc, sections=sections, dropped=dropped)


#: Most paragraphs after a sign-off read as its signature.
SIGNATURE_MAX_PARAGRAPHS = 2
#: Most words of a paragraph of a signature.
SIGNATURE_MAX_WORDS = 30
#: A letter's sign-off alone: "Yours sincerely,", "Kind regards".
_SIGN_OFF = re.compile(
    r"(?:yours (?:sincerely|faithfully|truly)|(?:kind|best|warm|warmest) (?:regards|wishes)|"
    r"with (?:best|kind) (?:regards|wishes)|regards|sincerely)[ \t]*+,?",
    re.IGNORECASE,
)
#: A sentence a signature has no place for: advice, a request, a warning.
_NOT_A_SIGNATURE = re.compile(
    r"\b(?:if|please|call|contact|phone|ring|see|go|take|do not|don't|should|must)\b",
    re.IGNORECASE,
)


def _signature_line(text: str) -> bool:
    return len(text.split()) <= SIGNATURE_MAX_WORDS and not _NOT_A_SIGNATURE.search(text)


#: Most words of a metadata block before the title ("Guidance Note 14 | Issued May
#: 2025 For line managers ...").
MAX_MASTHEAD_WORDS = 40


def _is_label(block) -> bool:
    if not isinstance(block, Paragraph) or block.text.rstrip().endswith((".", ":")):
        return False
    words = len(block.text.split())
    return words <= MAX_HEADING_WORDS or (
        words <= MAX_MASTHEAD_WORDS and is_metadata_line(block.text)
    )


# --- step: drop chrome by wording --------------------------------------------------------


#: Longest line whose parts between separators are looked at one by one.
SEPARATED_LINE_MAX = 160
#: What joins the parts of a masthead or footer line: a middle dot, a bar, a bullet.
_LINE_SEPARATOR = re.compile(r"\s+[\u00b7|\u2022]\s+")
#: A name in title case, or a date in words: "Brackenridge Community MSK Service", "NHS
#: Fife", "Spring 2025".
_NAME_LIKE = re.compile(
    r"(?:[A-Z][\w'\u2019&.-]*+|of|and|for|the|&)"
    r"(?:\s++(?:[A-Z][\w'\u2019&.-]*+|of|and|for|the|&|\d{1,4}(?:st|nd|rd|th)?,?)){0,7}"
)


def drop_chrome(doc: Document) -> Document:
    """Drop navigation, share bars, comments, related posts, ads and promotion by wording.

    A promotional lead ("...the following FREE materials:") drops with its list; a list
    whose items are mostly chrome drops whole (with its lead); a short paragraph with
    one chrome sentence drops whole, a long one loses that sentence only.
    """
    # A heading that reads as chrome by the block patterns ("Updates (3)", "Come and
    # practise with us") goes on its own; the section's blocks are judged one by one.
    texts = [section.heading for section in doc.sections if section.level > 1]
    sentences_of: dict[str, list[str]] = {}
    parts_of: dict[str, list[str]] = {}
    for _, block in doc.iter_blocks():
        if isinstance(block, Paragraph):
            texts.append(block.text)
            if (
                len(block.text) <= SEPARATED_LINE_MAX
                and len(parts := [p.strip() for p in _LINE_SEPARATOR.split(block.text)]) > 1
            ):
                # "Brackenridge MSK Service · Information for patients": each part is
                # looked at on its own.
                parts_of[block.text] = parts
                texts.extend(parts)
            # Each sentence is a line of its own too, so a pattern anchored at a line
            # start ("^Reviewed by") finds chrome that follows another sentence.
            sentences = sentences_of.setdefault(block.text, split_sentences(block.text))
            if len(sentences) > 1:
                texts.extend(sentences)
        elif isinstance(block, Table):
            texts.extend(block.texts())
            texts.extend(_field_lines(block))
        else:
            texts.append(block.lead)
            for item in block.items:
                texts.append(item.text)
                sentences = sentences_of.setdefault(item.text, split_sentences(item.text))
                if len(sentences) > 1:
                    texts.extend(sentences)
    candidates = chrome_candidates([text for text in texts if text])

    def reason_of(text: str) -> str:
        if text in candidates:
            return chrome_reason(text) or _sentence_reason(text) or _parts_reason(text)
        return _sentence_reason(text) or _parts_reason(text)

    def _parts_reason(text: str) -> str:
        """A line of parts joined by "·" or "|", one of them chrome and the others
        chrome, names (an organisation, a service) or a way back ("Was this helpful? ·
        Back to Student Health · Last updated ..."): the line is chrome."""
        parts = parts_of.get(text, ())
        reasons = [chrome_reason(part) if part in candidates else "" for part in parts]
        pairs = zip(parts, reasons, strict=True)
        if any(reasons) and all(
            reason or _NAME_LIKE.fullmatch(part) or _WAY_BACK.fullmatch(part)
            for part, reason in pairs
        ):
            return next(filter(None, reasons))
        return ""

    def _sentence_reason(text: str) -> str:
        sentences = sentences_of.get(text, ())
        if len(sentences) > 1 and any(sentence in candidates for sentence in sentences):
            return next(filter(None, map(chrome_reason, sentences)), "")
        return ""

    dropped = list(doc.dropped)
    # The stories a newsletter's contents named (dropped before this step).
    listed = {heading_key(entry) for entry in issue_contents(doc.dropped)}
    sections = []
    for section in doc.sections:
        reason = heading_chrome_reason(section.heading) if section.heading else ""
        if reason and section.level > 1:
            if reason == CONTENTS:
                chrome, rest = _contents_and_rest(section.blocks)
            elif any(advice := [gives_care_advice(block_text(b)) for b in section.blocks]):
                # "CONTACT US" over "If you develop weakness in both legs ... call 999":
                # the advice stays, the heading and the rest of the section go. An item
                # of a meeting's business ("ANY OTHER BUSINESS" over a talk on neck pain
                # that ends on when to get help) is the talk's: only the heading and its
                # first block go, each block after is judged alone.
                pairs = list(zip(section.blocks, advice, strict=True))
                talk = (
                    reason == MINUTES_REASON
                    and len(section.blocks) > 2
                    and not advice[0]
                    and any(advice[2:])
                )
                chrome = [b for i, (b, gives) in enumerate(pairs) if not gives and not (talk and i)]
                rest = [b for i, (b, gives) in enumerate(pairs) if gives or (talk and i)]
            else:
                chrome, rest = _chrome_and_rest(section.blocks)
            text = "\n".join([section.heading, *(block_text(b) for b in chrome)])
            dropped.append(Dropped(reason=reason, text=text))
            if rest:
                # "IN THIS ISSUE" and its list, then the first story without a heading
                # of its own: the contents go, the story stays.
                section = replace(section, heading="", blocks=rest)
            else:
                continue
        elif section.level > 1 and section.heading in candidates:
            heading_reason = chrome_reason(section.heading)
            if heading_reason and heading_reason not in KEPT_HEADING_REASONS:
                if heading_key(section.heading) in listed and not any(
                    gives_care_advice(block_text(b)) for b in section.blocks
                ):
                    # "STAFF NEWS", named in the newsletter's contents: a story of its
                    # own, all of it chrome, not a stray heading over the article's text.
                    text = "\n".join([section.heading, *map(block_text, section.blocks)])
                    dropped.append(Dropped(reason=heading_reason, text=text))
                    continue
                dropped.append(Dropped(reason=heading_reason, text=section.heading))
                section = replace(section, heading="")
        blocks = _drop_chrome_blocks(section.blocks, dropped, reason_of)
        sections.append(replace(section, blocks=blocks))
    last = next((s.blocks[-1] for s in reversed(doc.sections) if s.blocks), None)
    kept_last = next((s.blocks[-1] for s in reversed(sections) if s.blocks), None)
    ending_dropped = doc.ending_dropped or (last is not None and kept_last is not last)
    return replace(doc, sections=sections, dropped=dropped, ending_dropped=ending_dropped)


#: The reason of a meeting's furniture, whose "Any other business" may hold a talk.
MINUTES_REASON = "chrome: meeting minutes"


#: Chrome by wording that, as a heading, still names what its section holds: "Treatments
#: your plan may cover" heads a list of treatments, which the heading lets the classifier
#: read as such.
KEPT_HEADING_REASONS = frozenset({"chrome: insurance cover"})


def _field_lines(table: Table) -> list[str]:
    """The rows of a table of two columns as the lines of fields they stand for
    ("Status | IN REVIEW" -> "Status: IN REVIEW"); none for a wider table."""
    if table.width != 2:
        return []
    return [f"{row[0]}: {row[1]}" for row in table.rows if len(row) == 2 and row[0] and row[1]]


def _drop_chrome_blocks(blocks: list, dropped: list[Dropped], reason_of) -> list:
    kept: list = []
    drop_next_list = ""
    for block in blocks:
        if isinstance(block, ListBlock):
            if drop_next_list and _items_say_more(block):
                # "THE FREE PLAN includes three starter exercises:" over exercises told
                # step by step: the promotional lead goes, the instructions stay.
                drop_next_list = ""
            lead_reason = reason_of(block.lead) if block.lead else ""
            if lead_reason and any(gives_care_advice(item.text) for item in block.items):
                # "Safety points (to go in the next newsletter):" over "If you become
                # breathless ... call 999": the lead goes, the advice stays, as under a
                # chrome heading.
                if not drop_next_list:
                    dropped.append(Dropped(reason=lead_reason, text=block.lead))
                drop_next_list = lead_reason = ""
            reason = drop_next_list or lead_reason
            drop_next_list = ""
            kept_items, item_reasons, cut = [], [], False
            for item in block.items:
                item_reason = reason_of(item.text)
                if item_reason:
                    # "Physiotherapy - exercises for the neck. Up to 8 sessions on Core
                    # plans.": a long item keeps its own sentences, loses the chrome one.
                    trimmed = _drop_chrome_item_sentences(item, dropped)
                    if trimmed is not None:
                        item, item_reason, cut = trimmed, "", True
                item_reasons.append(item_reason)
                if not item_reason:
                    kept_items.append(item)
            chrome_items = sum(1 for r in item_reasons if r)
            if not reason and chrome_items and chrome_items >= CHROME_LIST_SHARE * len(block.items):
                reason = next(r for r in item_reasons if r)
                if block.lead and kept and isinstance(kept[-1], Paragraph):
                    if kept[-1].text.endswith(block.lead):
                        lead = kept.pop()
                        dropped.append(Dropped(reason=reason, text=lead.text))
            if reason:
                dropped.append(Dropped(reason=reason, text=block_text(block)))
                continue
            for item, item_reason in zip(block.items, item_reasons, strict=True):
                if item_reason:
                    dropped.append(Dropped(reason=item_reason, text=item.text))
            kept.append(replace(block, items=kept_items) if chrome_items or cut else block)
            continue
        if isinstance(block, Table):
            # A grid of links or page tools laid out as a table drops whole, as a list does.
            drop_next_list = ""
            reasons = [reason_of(text) for text in block.texts()]
            if fields := [reason_of(line) for line in _field_lines(block)]:
                # A table of fields and their values ("Status | IN REVIEW"): each row
                # read as the "Status: IN REVIEW" line it stands for.
                if sum(map(bool, fields)) > sum(map(bool, reasons)) * len(fields) / len(reasons):
                    reasons = fields
            chrome_cells = [r for r in reasons if r]
            if chrome_cells and len(chrome_cells) >= CHROME_LIST_SHARE * len(reasons):
                dropped.append(Dropped(reason=chrome_cells[0], text=block_text(block)))
            elif (priced := without_price_columns(block, dropped)) is not None:
                kept.append(priced)
            continue
        drop_next_list = ""
        paragraph, reason = _drop_chrome_sentences(block, dropped, reason_of)
        if paragraph is None:
            if block.text.rstrip().endswith(":"):
                drop_next_list = reason
            continue
        kept.append(paragraph)
    return kept


#: Chrome whose patterns read a whole paragraph across its sentences, so that what each
#: sentence says on its own does not keep it: "This article is about the spinal
#: condition. For the slipping of other joints, see Listhesis (disambiguation)."
WHOLE_BLOCK_REASONS = frozenset({"chrome: wiki furniture"})


def _drop_chrome_sentences(block: Paragraph, dropped: list[Dropped], reason_of):
    """Return (paragraph or None when dropped whole, reason)."""
    whole = reason_of(block.text)
    if not whole:
        return block, ""
    sentences = split_sentences(block.text)
    reasons = [chrome_reason(sentence) for sentence in sentences]
    if not any(reasons):
        # Chrome as a whole though no "sentence" is: a line the splitter cut at its
        # initials ("R. Okonjo-Hale(1), F. Lindqvist(2)"), or a line of parts
        # ("Brackenridge MSK Service · Information for patients"), with nothing said.
        reason = chrome_reason(block.text) or whole
        if reason and (
            reason in WHOLE_BLOCK_REASONS
            or _all_parts_chrome(block.text)
            or not any(map(_says_more, sentences))
        ):
            dropped.append(Dropped(reason=reason, text=block.text))
            return None, reason
        return block, ""
    reason = next(r for r in reasons if r)
    rest = [sentence for sentence, why in zip(sentences, reasons, strict=True) if not why]
    notice = reasons[0] == NOTICE_REASON
    if len(sentences) <= SHORT_PARAGRAPH_SENTENCES and not any(
        _says_more(sentence) and not (notice and only_routes_care(sentence)) for sentence in rest
    ):
        # "Want to learn more? Watch the video.": the other sentence only leads to it;
        # "We will be closed on Thursday for staff training. In an emergency call 999":
        # where to go meanwhile is part of the notice.
        dropped.append(Dropped(reason=reason, text=block.text))
        return None, reason
    paragraph = block
    for sentence, sentence_reason in zip(sentences, reasons, strict=True):
        if sentence_reason:
            dropped.append(Dropped(reason=sentence_reason, text=sentence))
            paragraph = remove_sentence(paragraph, sentence)
    return paragraph, reason


#: A link back to a part of the site, beside other chrome on its line.
_WAY_BACK = re.compile(
    r"(?:back|return|go|up) to (?:the )?(?-i:[A-Z][\w'\u2019&-]*+)(?:\s++[\w'\u2019&-]++){0,5}",
    re.I,
)


def _all_parts_chrome(text: str) -> bool:
    """Whether ``text`` is a line of parts joined by "·" or "|", each chrome or a name
    ("Leaflet PT-4 · Version 3 · Tick each day you do your exercises on the chart."):
    though a part is a full sentence, the line says nothing of its own."""
    parts = [part.strip() for part in _LINE_SEPARATOR.split(text)]
    return len(parts) > 1 and all(
        chrome_reason(part) or _NAME_LIKE.fullmatch(part) for part in parts
    )


def _drop_chrome_item_sentences(item: ListItem, dropped: list[Dropped]) -> ListItem | None:
    """The item without its chrome sentences when the rest says something of its own
    (as a paragraph keeps it); None when the item is chrome as a whole."""
    sentences = split_sentences(item.text)
    if len(sentences) < 2:
        return None
    reasons = [chrome_reason(sentence) for sentence in sentences]
    rest = [sentence for sentence, why in zip(sentences, reasons, strict=True) if not why]
    if not rest or not any(reasons):
        return None
    if len(sentences) <= SHORT_PARAGRAPH_SENTENCES and not any(map(_says_more, rest)):
        return None
    paragraph = Paragraph(item.text, item.html)
    for sentence, reason in zip(sentences, reasons, strict=True):
        if reason:
            dropped.append(Dropped(reason=reason, text=sentence))
            paragraph = remove_sentence(paragraph, sentence)
    return ListItem(paragraph.text, paragraph.html)


def _items_say_more(block: ListBlock) -> bool:
    """Whether most items of a list say something of their own (:func:`_says_more`),
    as instructions do and a list of offers ("Posture guide", "Exercise e-book") does
    not."""
    saying = sum(1 for item in block.items if any(map(_says_more, split_sentences(item.text))))
    return saying * 2 > len(block.items)


def _says_more(sentence: str) -> bool:
    """Whether a sentence beside chrome says something of its own: a full sentence
    longer than :data:`CHROME_COMPANION_WORDS` words, not a run of joined header lines."""
    sentence = sentence.strip()
    return len(sentence.split()) > CHROME_COMPANION_WORDS and sentence.endswith((".", "!", "?"))


#: A column heading of prices: a self-pay or shop table's price list is no content.
_PRICE_HEADING = re.compile(
    r"^\s*(?:(?:self[- ]pay|package|total|guide|fixed)\s+)?(?:price|prices|cost|costs|fee|fees)"
    r"(?:\s*\([^()]{0,20}\))?\s*$",
    re.IGNORECASE,
)
#: The reason a price column is dropped.
PRICE_REASON = "chrome: shop furniture"


#: A cell that is only an amount or a range of amounts: "£50 to £70 a session", "$1,800".
_PRICE_CELL = re.compile(
    r"^\s*(?:from\s+)?[£$€]\s?\d[\d,]*+(?:\.\d\d)?+"
    r"(?:\s*+(?:to|-|–)\s*+[£$€]?\s?\d[\d,]*+(?:\.\d\d)?+)?"
    r"(?:\s++(?:a|per|each)\s++[a-z]++)?\s*$",
    re.IGNORECASE,
)


def without_price_columns(table: Table, dropped: list[Dropped]) -> Table | None:
    """``table`` without its columns of prices ("Price", "Cost (£)") and its rows of them
    ("Self-pay cost | £50 a session | £1,800"), recorded as dropped; the table itself
    when it has none, or nothing but them. None, the whole table dropped, for a price
    list: one column of what is sold ("Follow-up treatment (30 min)") beside its prices."""
    table = _without_price_rows(table, dropped)
    headings = table.headings if table.head else []
    prices = [i for i, heading in enumerate(headings) if _PRICE_HEADING.match(heading)]
    if not prices or len(prices) == len(headings):
        return table
    keep = [i for i in range(len(headings)) if i not in prices]
    if len(keep) == 1 and _all_priced(table, prices):
        dropped.append(Dropped(reason=PRICE_REASON, text=block_text(table)))
        return None

    def cut(row: list[str]) -> list[str]:
        return [row[i] for i in keep if i < len(row)]

    for index in prices:
        cells = [row[index] for row in table.rows if index < len(row) and row[index]]
        dropped.append(Dropped(reason=PRICE_REASON, text=" | ".join([headings[index], *cells])))
    return replace(
        table,
        head=[cut(row) for row in table.head],
        rows=[cut(row) for row in table.rows],
        links={
            (row, keep.index(col)): link for (row, col), link in table.links.items() if col in keep
        },
    )


def _all_priced(table: Table, columns: list[int]) -> bool:
    """Whether every body row gives an amount in one of ``columns``."""
    return bool(table.rows) and all(
        any(index < len(row) and _PRICE_CELL.match(row[index]) for index in columns)
        for row in table.rows
    )


def _without_price_rows(table: Table, dropped: list[Dropped]) -> Table:
    """``table`` without the body rows headed by a price word whose other cells are all
    amounts: a comparison table's cost row, where its columns are the options."""
    prices = [
        index
        for index, row in enumerate(table.rows)
        if len(row) > 1
        and _PRICE_HEADING.match(row[0])
        and all(_PRICE_CELL.match(cell) for cell in row[1:] if cell)
        and any(row[1:])
    ]
    if not prices or len(prices) == len(table.rows):
        return table
    for index in prices:
        dropped.append(Dropped(reason=PRICE_REASON, text=" | ".join(table.rows[index])))
    head = len(table.head)
    kept = [index for index in range(len(table.rows)) if index not in prices]
    return replace(
        table,
        rows=[table.rows[index] for index in kept],
        links={
            (row if row < head else head + kept.index(row - head), col): link
            for (row, col), link in table.links.items()
            if row < head or row - head in kept
        },
    )


#: The reason a contents list's section is dropped (data/chrome.json).
CONTENTS = "chrome: table of contents"


def _contents_and_rest(blocks: list) -> tuple[list, list]:
    """A contents section's blocks up to its first list (a label before it included),
    and the text after it, which the contents did not hold."""
    first_list = next((i for i, b in enumerate(blocks) if isinstance(b, ListBlock)), None)
    if first_list is None:
        return blocks, []
    return blocks[: first_list + 1], blocks[first_list + 1 :]


#: Most words a chrome section ("Opening hours", "Comments") holds before the rest is read
#: as text its heading does not cover: a story run on under it, its own heading lost.
CHROME_SECTION_MAX_WORDS = 250


def _chrome_and_rest(blocks: list) -> tuple[list, list]:
    """A chrome section's blocks, all of them when it is short; when it runs on past
    :data:`CHROME_SECTION_MAX_WORDS` ("CHRISTMAS OPENING HOURS", two lines, then a whole
    article whose heading was not recognised), its first block only, and the rest kept."""
    words = sum(len(block_text(block).split()) for block in blocks)
    if words <= CHROME_SECTION_MAX_WORDS or len(blocks) < 2:
        return blocks, []
    return blocks[:1], blocks[1:]


def block_text(block) -> str:
    """The plain text of a paragraph, list or table, one line per item or cell."""
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Table):
        return "\n".join(block.texts())
    return "\n".join(item.text for item in block.items)


def remove_sentence(paragraph: Paragraph, sentence: str) -> Paragraph:
    """``paragraph`` without ``sentence``, in its text and in its inline HTML."""
    text = " ".join(paragraph.text.replace(sentence, " ", 1).split())
    return Paragraph(text=text, html=remove_from_html(paragraph.html, sentence) if text else "")


def remove_from_html(markup: str, text: str) -> str:
    """Inline HTML with the first occurrence of plain ``text`` cut out, tags kept balanced.

    Returns ``""`` (the writer then uses the plain text) when the text cannot be found.
    """
    if not markup:
        return markup
    parts = _TAG.split(markup)
    plain_parts = [html_lib.unescape(part) if i % 2 == 0 else "" for i, part in enumerate(parts)]
    plain = "".join(plain_parts)
    start = plain.find(text)
    if start < 0:
        return ""
    end = start + len(text)
    offset = 0
    for index in range(0, len(parts), 2):
        piece = plain_parts[index]
        low, high = offset, offset + len(piece)
        if high > start and low < end:
            cut_from, cut_to = max(start - low, 0), min(end - low, len(piece))
            parts[index] = html_lib.escape(piece[:cut_from] + piece[cut_to:], quote=False)
        offset = high
    return tidy_inline_spacing("".join(parts))


_EMPTY_INLINE = re.compile(r"<(strong|em|a)(?: [^>]*)?>\s*</\1>")
_SPACE_BEFORE_CLOSE = re.compile(r"(?<!\s)\s++(</(?:strong|em|a)>)")
_SPACE_AFTER_OPEN = re.compile(r"(<(?:strong|em|a)(?: [^>]*)?>)\s+")
_SPACE_AFTER_CLOSE_BEFORE_PUNCTUATION = re.compile(r"(</(?:strong|em|a)>) +(?=[,;:.!?](?:\s|$))")


def tidy_inline_spacing(markup: str) -> str:
    """Move spaces out of inline tags, drop empty ones, and collapse spaces."""
    markup = _EMPTY_INLINE.sub("", markup)
    markup = _SPACE_BEFORE_CLOSE.sub(r"\1 ", markup)
    markup = _SPACE_AFTER_OPEN.sub(r" \1", markup)
    markup = _SPACE_AFTER_CLOSE_BEFORE_PUNCTUATION.sub(r"\1", markup)
    return " ".join(markup.split())


# --- step: contents lists ------------------------------------------------------------------

#: Least share of a list's items that must name later headings for it to be contents.
CONTENTS_SHARE = 0.8

#: Fewest items a contents list has.
CONTENTS_MIN_ITEMS = 3

_NOT_WORD = re.compile(r"[^\w ]++")


def issue_contents(dropped: list[Dropped]) -> list[str]:
    """The entries of a newsletter's contents ("IN THIS ISSUE"), from what the contents
    step dropped: a leaflet's own contents ("What is in this leaflet") are none."""
    texts = [item.text for item in dropped if item.reason == CONTENTS]
    if not any(_ISSUE_LABEL.search(text) for text in texts):
        return []
    return [
        part.strip()
        for text in texts
        for line in text.splitlines()
        if not _ISSUE_LABEL.search(line)
        for part in line.split("|")
        if part.strip()
    ]


#: The label of a newsletter's contents.
_ISSUE_LABEL = re.compile(
    r"^\W*(?:in|inside)\s+(?:this|the|our)\s+(?:issue|edition|newsletter|bulletin)\b"
    r"|^\W*this\s+(?:issue|edition|month)\s*:?\s*$",
    re.IGNORECASE,
)


def heading_key(text: str) -> str:
    """A heading as a contents list names it: without its number, case or punctuation."""
    text = without_heading_number(text.strip())
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


def drop_contents_lists(doc: Document) -> Document:
    """Drop a list whose items name the headings that follow it: a table of contents,
    whatever it is called ("What is in this leaflet", "Jump to"), with its short lead."""
    # Each heading's last section: a heading follows section ``index`` when its last
    # section comes after it (a set of the later headings per section would be copied
    # once per section, quadratic in a long document).
    last: dict[str, int] = {}
    for index, section in enumerate(doc.sections):
        if section.heading:
            last[heading_key(section.heading)] = index
    final = max(last.values(), default=-1)  # the last section with a heading
    dropped = list(doc.dropped)
    sections = []
    changed = False
    title = doc.title
    for index, section in enumerate(doc.sections):
        kept: list = []
        for block in section.blocks:
            if (
                isinstance(block, ListBlock)
                and index < final  # a heading follows
                and _is_contents(block, last, index)
            ):
                changed = True
                text = block_text(block)
                if kept and isinstance(kept[-1], Paragraph) and _is_label(kept[-1]):
                    text = kept.pop().text + "\n" + text
                dropped.append(Dropped(reason="chrome: table of contents", text=text))
                continue
            kept.append(block)
        if (
            not kept
            and section.blocks
            and section.heading
            and heading_chrome_reason(section.heading) == CONTENTS
        ):
            # "IN THIS ISSUE" over nothing but its contents: the label goes too, and is
            # no title of the article.
            dropped.append(Dropped(reason=CONTENTS, text=section.heading))
            if section.level == 1 and doc.title == section.heading:
                title = ""
            section = replace(section, heading="")
        sections.append(replace(section, blocks=kept))
    if not changed:
        return doc
    return replace(doc, sections=sections, dropped=dropped, title=title)


def _is_contents(block: ListBlock, last: dict[str, int], index: int) -> bool:
    """Whether the list, in section ``index``, names the headings that follow it
    (``last`` gives each heading's last section)."""
    if len(block.items) < CONTENTS_MIN_ITEMS:
        return False
    named = sum(1 for item in block.items if last.get(heading_key(item.text), -1) > index)
    return named >= CONTENTS_SHARE * len(block.items)


# --- step: passages in another language -------------------------------------------------


def flag_other_languages(doc: Document, main: str = "") -> Document:
    """Detect the article's language and remove passages written in another one.

    Works sentence by sentence, so a paragraph mixing English and Russian keeps its
    English; a foreign word or name inside an English sentence is never flagged.
    Consecutive foreign sentences of a paragraph form one flagged passage. Headings are
    flagged but kept (a heading left without text is dropped as an empty section).
    """
    # Profile every sentence once; the article's language is the sum of the profiles.
    profiles: dict[str, Profile] = {}
    sentences_of: dict[int, list[str]] = {}
    total = Profile()
    hits = Counter()
    sample: list[str] = []
    sampled = 0
    for section in doc.sections:
        texts = [section.heading] if section.heading else []
        for block in section.blocks:
            if isinstance(block, Paragraph):
                sentences_of[id(block)] = split_sentences(block.text)
                texts.extend(sentences_of[id(block)])
            elif isinstance(block, Table):
                texts.extend(row_text(row) for row in (*block.head, *block.rows))
            else:
                texts.extend(item.text for item in block.items)
        for text in texts:
            found = profiles.get(text)
            if found is None:
                found = profiles[text] = profile(text)
            # Summed in place: adding Profiles builds a new Counter per passage.
            total.words += found.words
            total.cyrillic += found.cyrillic
            total.latin += found.latin
            total.other += found.other
            hits.update(found.hits)
    total.hits = +hits  # as Profile addition does: only positive counts
    # The model reads a sample of the passages in the article's main script: a few
    # Cyrillic sentences (two bytes a letter) must not outweigh an English article.
    for text, found in profiles.items():
        if sampled >= ARTICLE_SAMPLE:
            break
        if found.script == total.script:
            sample.append(text)
            sampled += len(text) + 1
    main = main or detect_language("\n".join(sample), found=total)
    kind = NON_ENGLISH if main == "en" else OTHER_LANGUAGE
    known: dict[str, str] = {}

    def long_foreign(text: str) -> str:
        if text not in known:
            known[text] = foreign_language(text, main, profiles.get(text))
        return known[text]

    second = second_language(profiles, long_foreign)

    def foreign(text: str) -> str:
        return long_foreign(text) or short_in_language(text, second, profiles.get(text))

    flags = list(doc.flags)
    sections = []
    title = doc.title
    halved_chrome: list[Dropped] = []
    if second and (halves := _main_half(title, main, second)):
        # "Poen cefn mewn ffermwyr / Back pain in farmers": the title's half in the
        # article's language is its title.
        title = halves[0]
        flags.append(Flag(kind=kind, text=halves[1], language=second))
    for section in doc.sections:
        if second:
            if section.heading:
                section = _main_half_of_heading(section, main, second, kind, flags)
            kept = []
            for before in section.blocks:
                block = _main_half_of_paragraph(before, main, second, kind, flags)
                # "Oedd y dudalen hon yn ddefnyddiol? / Was this page helpful?": what is left
                # of a bilingual line may be chrome the chrome step could not see in both
                # halves.
                if block is not before and (reason := chrome_reason(block.text)):
                    halved_chrome.append(Dropped(reason=reason, text=block.text))
                else:
                    kept.append(block)
            section = replace(section, blocks=kept)
        heading_language = foreign(section.heading) if section.heading else ""
        if heading_language:
            flags.append(Flag(kind=kind, text=section.heading, language=heading_language))
        flagged_before = len(flags)
        blocks = []
        for block in section.blocks:
            if isinstance(block, Paragraph):
                sentences = sentences_of.get(id(block)) or split_sentences(block.text)
                block = _drop_foreign_sentences(block, sentences, foreign, main, kind, flags)
                if block.text:
                    blocks.append(block)
                continue
            if isinstance(block, Table):
                blocks.append(_drop_foreign_rows(block, foreign, kind, flags))
                continue
            items = []
            for item in block.items:
                sentences = split_sentences(item.text)
                if len(sentences) > 1:
                    # "Un lumbago guérit ... Lumbago usually gets better ...": an example
                    # and its translation; the foreign sentence goes, the rest stays.
                    kept = _drop_foreign_sentences(
                        Paragraph(text=item.text, html=item.html),
                        sentences,
                        foreign,
                        main,
                        kind,
                        flags,
                    )
                    if kept.text:
                        items.append(replace(item, text=kept.text, html=kept.html))
                    continue
                language = foreign(item.text)
                if language:
                    flags.append(Flag(kind=kind, text=item.text, language=language))
                else:
                    items.append(item)
            blocks.append(replace(block, items=items))
        blocks = [b for b in blocks if not isinstance(b, ListBlock) or b.items]
        if (
            section.heading
            and not heading_language
            and section.blocks
            and not blocks
            and not plainly_in(main, profiles.get(section.heading) or profile(section.heading))
        ):
            # "¿Cómo se contagia?" over text all in Spanish: too short to tell alone, the
            # heading is in the language of what it heads. "Aching back? It could be
            # osteomalacia" over a passage in Urdu reads plainly as English and stays.
            if languages := [f.language for f in flags[flagged_before:] if f.language]:
                flags.append(Flag(kind=kind, text=section.heading, language=languages[0]))
        if heading_language and blocks and sections:
            # "डॉक्टर से कब मिलें?" over English text: the heading is flagged and leaves the
            # page; its text goes on under the heading before it.
            sections[-1] = replace(sections[-1], blocks=[*sections[-1].blocks, *blocks])
            continue
        sections.append(replace(section, blocks=blocks))
    shares = _language_shares(profiles, flags[len(doc.flags) :], main)
    flags.extend(_foreign_in_dropped(doc.dropped, long_foreign, main, kind))
    return replace(
        doc,
        title=title,
        sections=sections,
        flags=flags,
        language=main,
        language_shares=shares,
        dropped=[*doc.dropped, *halved_chrome],
    )


#: Reasons for dropping what is no prose in any language: a markup's settings, a
#: message's segments of identifiers and codes.
NOT_PROSE_REASONS = frozenset({MARKUP_REASON, SEGMENT_REASON})


def _foreign_in_dropped(dropped: list[Dropped], foreign, main: str, kind: str) -> list[Flag]:
    """A flag for each foreign sentence of the chrome dropped before this step (a sidebar
    in Hindi, a footer line in Welsh): it never reaches a page, but the editor learns
    that the source holds text in that language. Run after the shares, which measure
    the kept text only."""
    flags = []
    for passage in dropped:
        if passage.reason in NOT_PROSE_REASONS:
            continue
        passages, languages = passage_languages(split_sentences(passage.text), foreign, main)
        flags.extend(_foreign_flags(passages, languages, kind))
    return flags


def _language_shares(profiles: dict[str, Profile], flags: list[Flag], main: str):
    """Each language's share of the article's text: the flagged passages' for theirs,
    the rest for the main language."""
    # Letters, not words: Chinese and Japanese write no spaces between words.
    total = sum(len(text) for text in profiles) or 1
    shares: Counter = Counter()
    for flag in flags:
        shares[flag.language] += len(flag.text)
    result = {language: min(1.0, size / total) for language, size in shares.items()}
    result[main] = max(0.0, 1.0 - sum(result.values()))
    return result


#: Passages in one other language that make an article bilingual: its short passages
#: in that language (headings, labels) are then flagged too.
BILINGUAL_MIN_PASSAGES = 3
#: Probability the model must give that language for a short passage.
SHORT_PASSAGE_CONFIDENCE = 0.9
#: Separators of a line given in both languages ("What is it? / Beth ydyw?").
_BILINGUAL_SEPARATOR = re.compile(r"\s+[/|]\s+")
#: Longest such line, in words.
BILINGUAL_LINE_WORDS = 16


def second_language(profiles: dict[str, Profile], foreign) -> str:
    """The other language of a bilingual article (English paragraphs, each followed by
    its Welsh): the one language at least :data:`BILINGUAL_MIN_PASSAGES` passages long
    enough to judge are in, else ``""``."""
    counts = Counter(
        language
        for text, found in profiles.items()
        if found.words >= MIN_WORDS_SAME_SCRIPT and (language := foreign(text))
    )
    if len(counts) != 1:
        return ""
    language, count = counts.most_common(1)[0]
    return language if count >= BILINGUAL_MIN_PASSAGES else ""


def short_in_language(text: str, language: str, found: Profile | None) -> str:
    """``language`` when a passage too short for the usual test ("Beth ydyw?", "Ar ôl y
    driniaeth") is confidently in it, in an article known to be bilingual in it."""
    if not language or not text:
        return ""
    found = found or profile(text)
    if found.words >= MIN_WORDS_SAME_SCRIPT or not found.words:
        return ""
    code, probability = identify(text[:PASSAGE_SAMPLE])
    return language if code == language and probability >= SHORT_PASSAGE_CONFIDENCE else ""


def _main_half(text: str, main: str, second: str) -> tuple[str, str] | None:
    """``(kept, dropped)`` for a line given in both languages of a bilingual article
    ("What is it? / Beth ydyw?", "Risks / Risgiau"): the half the model finds more in
    the article's language than in the other is kept; None when the line is not one."""
    if len(text.split()) > BILINGUAL_LINE_WORDS:
        return None
    halves = _BILINGUAL_SEPARATOR.split(text)
    if len(halves) != 2 or not all(half.strip() for half in halves):
        return None
    leaning = [_leaning(half, main, second) for half in halves]
    if leaning[0] > 0 > leaning[1]:
        return halves[0], halves[1]
    if leaning[1] > 0 > leaning[0]:
        return halves[1], halves[0]
    return None


def _leaning(text: str, main: str, second: str) -> float:
    """How much more the model reads ``text`` as ``main`` than as ``second``."""
    ranked = dict(rank_languages(text[:PASSAGE_SAMPLE]))
    return ranked.get(main, 0.0) - ranked.get(second, 0.0)


def _main_half_of_heading(section: Section, main: str, second: str, kind: str, flags) -> Section:
    halves = _main_half(section.heading, main, second)
    if halves is None:
        return section
    flags.append(Flag(kind=kind, text=halves[1], language=second))
    return replace(section, heading=halves[0])


def _main_half_of_paragraph(block, main: str, second: str, kind: str, flags):
    if not isinstance(block, Paragraph):
        return block
    halves = _main_half(block.text, main, second)
    if halves is None:
        if (label := _LABEL.match(block.text)) and (
            halves := _main_half(label.group("label"), main, second)
        ):
            # "Meddyginiaethau / Medicines: Check with a pharmacist ...": a label given in
            # both languages keeps its half in the article's.
            flags.append(Flag(kind=kind, text=halves[1], language=second))
            return Paragraph(text=f"{halves[0]}{block.text[label.end('label') :]}")
        return block
    flags.append(Flag(kind=kind, text=halves[1], language=second))
    return Paragraph(text=halves[0])


#: A short label opening a paragraph, before its colon.
_LABEL = re.compile(r"(?P<label>[^:.!?\n]{3,60}+):[ \t]")


def row_text(row: list[str]) -> str:
    """A table row read as one passage ("Russia Nalgesin, Налгезин")."""
    return " ".join(cell for cell in row if cell)


def _drop_foreign_rows(table: Table, foreign, kind: str, flags: list[Flag]) -> Table:
    """A table without its body rows in another language (flagged), as a list loses
    its foreign items; the grid stays whole."""
    kept = []
    for index, row in enumerate(table.rows):
        text = row_text(row)
        language = foreign(text) if text else ""
        if language:
            flags.append(Flag(kind=kind, text=text, language=language))
        else:
            kept.append(index)
    return table.keep_rows(kept) if len(kept) < len(table.rows) else table


def _drop_foreign_sentences(
    block: Paragraph, sentences, foreign, main: str, kind: str, flags: list[Flag]
):
    sentences, languages = passage_languages(sentences, foreign, main)
    if not any(languages):
        return block
    flags.extend(_foreign_flags(sentences, languages, kind))
    # The kept sentences joined, in one pass: removing each foreign sentence in turn would
    # rescan the paragraph once per sentence (quadratic on a long foreign paragraph).
    pairs = list(zip(sentences, languages, strict=True))
    text = " ".join(" ".join(sentence for sentence, language in pairs if not language).split())
    html = block.html if text else ""
    removed = [sentence for sentence, language in pairs if language]
    if html and len(removed) <= MAX_HTML_CUTS:
        for sentence in removed:
            html = remove_from_html(html, sentence)
    else:
        html = ""  # the writer escapes the plain text instead
    return Paragraph(text=text, html=html)


def passage_languages(sentences, foreign, main: str) -> tuple[list[str], list[str]]:
    """A paragraph's sentences cut into passages (:func:`_passages`) and the language of
    each when it is foreign, else ""."""
    passages: list[str] = []
    cut: list[bool] = []
    languages: list[str] = []
    for sentence in sentences:
        parts = _passages(sentence)
        if len(parts) == 1:
            found = [foreign(sentence)]
        else:
            found = [_own_words(part, foreign(part)) for part in parts]
            if not any(found) and (whole := _own_words(sentence, foreign(sentence))):
                # "Knochenschmerz plus Anämie beim älteren Patienten: an ein Myelom
                # denken!": foreign as a whole, though neither half says so alone.
                found = [whole] * len(parts)
        passages.extend(parts)
        cut.extend([len(parts) > 1] * len(parts))
        languages.extend(found)
    return passages, _short_passages_too(passages, languages, cut, foreign, main)


def _own_words(passage: str, language: str) -> str:
    """``language`` when a short passage shows it by more than the model's guess: one of
    its function words, or mostly a script of its own ("ہر جمعرات صبح دس بجے"). "Reply ·
    Share" and "J Spinal Balance. 2019;11:55-63." are no passage in another language,
    whatever the model makes of them."""
    if not language:
        return ""
    found = profile(passage)
    if found.hits[language]:
        return language
    own_script = found.other > found.latin + found.cyrillic
    return language if own_script and language not in stopwords() else ""


def _foreign_flags(passages: list[str], languages: list[str], kind: str) -> list[Flag]:
    """One flag for each run of passages in the same foreign language."""
    runs: list[tuple[str, list[str]]] = []
    previous = ""
    for passage, language in zip(passages, languages, strict=True):
        if language and language == previous:
            runs[-1][1].append(passage)
        elif language:
            runs.append((language, [passage]))
        previous = language
    return [
        Flag(
            kind=kind, text=" ".join(_LEADING_SEPARATOR.sub("", p) for p in run), language=language
        )
        for language, run in runs
    ]


def _passages(sentence: str) -> list[str]:
    """A sentence cut where a line joins passages that may be in different languages:
    after a separator ("Lucia donated £25 · ¡Mucho ánimo, Sofía!", "available in large
    print. / Mae'r daflen ...") or a label's colon ("lua-torta reblogged this and added:
    nossa, eu uso colete ..."). A part after a separator starts with it, so a foreign
    part leaves with its separator; the parts joined by spaces give the sentence back."""
    cuts = [match.start() for match in _PASSAGE_BREAK.finditer(sentence)]
    if not cuts:
        return [sentence]
    parts = [
        sentence[start:end].strip() for start, end in zip([0, *cuts], [*cuts, None], strict=True)
    ]
    return [part for part in parts if part]


#: Where a line may pass from one language to another: before a separator between
#: spaces (which goes with the passage after it), or after a label's colon.
_PASSAGE_BREAK = re.compile(r"(?<=\s)(?=[\u00b7|/]\s)|(?<=\w:)(?=\s)")
#: A separator at the start of a passage.
_LEADING_SEPARATOR = re.compile(r"^[\u00b7|/]\s+")


def _short_passages_too(
    passages: list[str], languages: list[str], cut: list[bool], foreign, main: str
) -> list[str]:
    """The languages of a paragraph's passages, with short sentences each too short to
    tell alone ("Stai dritto, Luca!" "Sembri un vecchio.") read together, and a short
    passage read in the language of a foreign passage beside it when the model finds it
    more in that language than in the article's ("... ainda odeio." "força pra todas
    nós"). Parts of a line between separators are not read together: a menu ("Reply ·
    Share · Report") is no sentence."""
    languages = list(languages)
    short = [
        not language and 0 < len(passage.split()) < MIN_WORDS_SAME_SCRIPT
        for passage, language in zip(passages, languages, strict=True)
    ]
    start = 0
    while start < len(passages):
        if not short[start] or cut[start]:
            start += 1
            continue
        end = start
        while end < len(passages) and short[end] and not cut[end]:
            end += 1
        joined = " ".join(passages[start:end])
        if end - start > 1 and (language := _own_words(joined, foreign(joined))):
            languages[start:end] = [language] * (end - start)
        start = end
    for index, passage in enumerate(passages):
        if languages[index] or not short[index]:
            continue
        beside = [
            languages[other]
            for other in (index - 1, index + 1)
            if 0 <= other < len(passages) and languages[other]
        ]
        for language in beside:
            if _leaning(passage, language, main) > 0:
                languages[index] = language
                break
    return languages


#: Most sentences cut out of a paragraph's inline HTML one by one; beyond this the
#: paragraph keeps its plain text only.
MAX_HTML_CUTS = 20


# --- step: truncated ending ---------------------------------------------------------------


def flag_truncated_ending(doc: Document) -> Document:
    """Flag and remove a last sentence that stops mid-way or on a colon introducing nothing.

    When chrome followed it (hashtags after a post whose last sentence ended in an emoji),
    the text went on: a long last sentence that does not stop on a word like "the" stays.
    """
    position = _last_block(doc)
    if position is None:
        return doc
    section_index, block_index = position
    block = doc.sections[section_index].blocks[block_index]
    if not isinstance(block, Paragraph):
        return doc
    sentences = split_sentences(block.text)
    last = sentences[-1] if sentences else ""
    if not last or (ends_sentence(last) and not last.rstrip().endswith(":")):
        return doc
    if len(last.split()) <= DOSE_LINE_MAX_WORDS and has_counts(
        read_dose(last, counts_only=True).dose
    ):
        # "WALL SLIDE" over "2 x 8" at the end of a poster: a dose, whole as it is.
        return doc
    section = doc.sections[section_index]
    if (doc.ending_dropped or gives_care_advice(f"{section.heading} {last}")) and _went_on(last):
        # A care card's last line ("Call 999 or go to A&E if:" over "you suddenly have
        # numbness ... or you cannot control when you pee or poo") is no cut-off text.
        return doc
    paragraph = remove_sentence(block, last)
    blocks = list(section.blocks)
    if paragraph.text:
        blocks[block_index] = paragraph
    else:
        del blocks[block_index]
    sections = list(doc.sections)
    sections[section_index] = replace(section, blocks=blocks)
    flag = Flag(kind="truncated", text=last)
    return replace(doc, sections=sections, flags=[*doc.flags, flag])


#: Most words of a last line that is only a dose ("2 x 8", "10 times each side").
DOSE_LINE_MAX_WORDS = 8


def _went_on(sentence: str) -> bool:
    """A sentence long enough to say something, not stopping on a colon or a word such as
    "the" or "from": complete, though its final mark is missing."""
    words = sentence.rstrip().split()
    return (
        len(words) > CHROME_COMPANION_WORDS
        and not sentence.rstrip().endswith((":", ",", ";"))
        and words[-1].lower() not in DANGLING_WORDS
    )


def _last_block(doc: Document) -> tuple[int, int] | None:
    for section_index in range(len(doc.sections) - 1, -1, -1):
        if doc.sections[section_index].blocks:
            return section_index, len(doc.sections[section_index].blocks) - 1
    return None


# --- step: empty blocks and sections ------------------------------------------------------


def drop_empty_sections(doc: Document) -> Document:
    """Remove empty paragraphs and lists, then sections left with neither blocks nor
    subsections (a heading followed by deeper headings keeps its place)."""
    dropped = list(doc.dropped)
    cleaned = []
    for section in doc.sections:
        blocks = [block for block in section.blocks if _has_content(block)]
        cleaned.append(replace(section, blocks=blocks))
    kept: list[Section] = []
    next_level = 0  # level of the next kept section; 0 at the end
    for section in reversed(cleaned):
        if section.blocks or (next_level and next_level > section.level):
            kept.append(section)
            next_level = section.level
        elif section.heading:
            dropped.append(Dropped(reason="empty section", text=section.heading))
    kept.reverse()
    return replace(doc, sections=kept, dropped=dropped)


#: Most words of who issued a document before the title in a running header.
RUNNING_HEAD_MAX_WORDS = 6


def drop_repeated_title_headings(doc: Document) -> Document:
    """A heading that repeats the document's title after the title's own heading is a
    running header a printed page put at its top ("Lumbar discography" over page 2 of
    the leaflet), and so is one of who issued it, in capitals, beside the title or a
    heading it had already: it goes, and what it headed joins the section before it."""
    title = " ".join(doc.title.split()).casefold()
    if not title:
        return doc
    sections: list[Section] = []
    dropped = list(doc.dropped)
    seen = False
    headings: set[str] = {title}
    for section in doc.sections:
        words = " ".join(section.heading.split())
        heading = words.casefold()
        # "OAKFIELD MEDICAL PRACTICE      Inflammatory back pain" over page 2: who issued
        # it in capitals beside the title or a heading the document had already, as a
        # running header sets them.
        parts = words.split(" ", RUNNING_HEAD_MAX_WORDS)
        repeats = heading == title or any(
            (before := " ".join(parts[:cut])).isupper()
            and len(before) > 2
            and " ".join(parts[cut:]).casefold() in headings
            for cut in range(1, len(parts))
        )
        headings.add(heading)
        if repeats and seen and sections:
            dropped.append(Dropped(reason="chrome: running header or footer", text=section.heading))
            sections[-1] = replace(sections[-1], blocks=[*sections[-1].blocks, *section.blocks])
            continue
        seen = seen or repeats
        sections.append(section)
    if len(sections) == len(doc.sections):
        return doc
    return replace(doc, sections=sections, dropped=dropped)


def spoken_lists(doc: Document) -> Document:
    """Paragraphs in a row opening with a spoken number ("One: deep breathing. Sit
    upright ...", "Two: seated rotation. ...") are the items of a numbered list, as a talk
    or a transcript says a list aloud."""
    sections = [replace(s, blocks=_spoken_list_blocks(s.blocks)) for s in doc.sections]
    return replace(doc, sections=sections)


def _spoken_list_blocks(blocks: list) -> list:
    out: list = []
    index = 0
    while index < len(blocks):
        run: list[str] = []
        while index + len(run) < len(blocks):
            block = blocks[index + len(run)]
            match = _SPOKEN_NUMBER.match(block.text) if isinstance(block, Paragraph) else None
            if not match or _NUMBER_WORDS.index(match.group(1).lower()) != len(run):
                break
            rest = block.text[match.end() :]
            run.append(rest[:1].upper() + rest[1:])
        if len(run) >= SPOKEN_LIST_MIN:
            # "Now some exercises. Do these twice a day." said before it introduces it.
            before = out[-1].text if out and isinstance(out[-1], Paragraph) else ""
            lead = before if len(split_sentences(before)) <= SPOKEN_LEAD_SENTENCES else ""
            items = [ListItem(text=item) for item in run]
            out.append(ListBlock(ordered=True, items=items, lead=lead))
            index += len(run)
        else:
            out.append(blocks[index])
            index += 1
    return out


#: Fewest paragraphs in a row, numbered aloud from one, that make a list.
SPOKEN_LIST_MIN = 2
#: Most sentences of the paragraph before such a list that read as its lead.
SPOKEN_LEAD_SENTENCES = 2
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
#: A number said aloud opening a paragraph: "One:", "Number two,", "Exercise three -".
_SPOKEN_NUMBER = re.compile(
    r"[ \t]*+(?:(?:number|exercise|step|tip)[ \t]++)?(one|two|three|four|five|six|seven|"
    r"eight|nine|ten)[ \t]*+[:,\u2013\u2014-][ \t]*+(?=\w)",
    re.IGNORECASE,
)


def _has_content(block) -> bool:
    if isinstance(block, Paragraph):
        return bool(block.text.strip())
    if isinstance(block, Table):
        return bool(block.rows)
    return any(item.text.strip() for item in block.items)


#: The steps :func:`clean_document` runs, in order. Sites may run their own sequence.
CLEAN_STEPS: tuple[Callable[[Document], Document], ...] = (
    sanitise_inline_html,
    repair_mojibake,
    repair_entities,
    repair_scanned_letters,
    normalise_whitespace,
    drop_inline_chrome,
    drop_labels_before_title,
    # Before the chrome step, which may take a listed heading away ("STAFF NEWS" as a
    # notice): the contents are told by every heading the article has.
    drop_contents_lists,
    drop_signatures,
    drop_chrome,
    flag_other_languages,
    flag_truncated_ending,
    spoken_lists,
    drop_repeated_title_headings,
    drop_empty_sections,
)
