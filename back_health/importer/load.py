"""Load a source: enforce the size limit, reject binaries, detect the encoding and format.

Encoding: byte order marks first, then strict UTF-8, then the charset an HTML source
declares (``<meta charset>``, ``http-equiv`` Content-Type) when it decodes, then
``charset-normalizer`` (right on 9 of our 10 legacy-encoding samples against 7 for
the word-shape choice between Windows-1251 and Windows-1252 kept as the fallback:
``bench/encodings.py``).
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .asciidoc import is_asciidoc
from .calendar import is_calendar
from .docx import docx_text, is_docx
from .errors import ImportSourceError, NothingToImportError
from .feed import feed_to_html
from .hl7 import is_hl7
from .latex import is_latex, latex_to_markdown
from .mail import read_mail
from .org import is_org
from .pdf import is_pdf, pdf_text
from .rst import is_rst
from .rtf import is_rtf, rtf_text

FORMATS = ("html", "markdown", "text")

#: Accepted spellings of each format, for ``format=`` arguments and file extensions.
FORMAT_ALIASES = {
    "html": "html",
    "htm": "html",
    "xhtml": "html",
    "markdown": "markdown",
    "md": "markdown",
    "mdown": "markdown",
    "text": "text",
    "txt": "text",
    "plain": "text",
    # Sheets saved as delimited text are text: the text parser reads their records.
    "csv": "text",
    "tsv": "text",
    # Subtitle files are text: the text parser reads their cues as talk.
    "srt": "text",
    "vtt": "text",
    # Markups the text parser reads as the pages they show: reStructuredText, Org-mode,
    # AsciiDoc, iCalendar, HL7 version 2 messages.
    "rst": "text",
    "org": "text",
    "adoc": "text",
    "asciidoc": "text",
    "ics": "text",
    "hl7": "text",
}

#: File signatures of formats that are not text, with the name shown to the user.
BINARY_SIGNATURES = (
    # A PDF is read before this check (with the ``pdf`` extra).
    (b"%PDF", "a PDF document"),
    # A Word document (.docx) is read before this check; any other ZIP is refused.
    (b"PK\x03\x04", "a ZIP archive or an Office document other than Word's .docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "a program"),
)

#: Share of control bytes (other than tab, newlines, form feed) above which a source is binary.
MAX_CONTROL_RATIO = 0.01

_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13)) + b"\x7f"
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_WORD = re.compile(r"[^\W\d_]+")
#: ``<meta charset="...">`` or ``content="text/html; charset=..."`` in the first bytes.
_DECLARED_CHARSET = re.compile(
    rb"<meta[^<>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.I
)

#: Bytes of the source searched for a declared charset.
DECLARED_CHARSET_WINDOW = 4096

#: Legacy encodings health articles come in, in order of preference on a tie. Left to
#: choose among all, charset-normalizer reads a short Western text as Baltic (cp1257).
LEGACY_ENCODINGS = ("cp1252", "cp1251", "cp1250", "koi8_r", "iso8859_2", "koi8_u", "latin_1")

#: Non-ASCII bytes a source needs before charset-normalizer is asked (its statistics
#: say nothing about "Café au lait").
MIN_DETECTION_BYTES = 32
_NON_ASCII_BYTES = bytes(range(128, 256))

#: Bytes charset-normalizer reads to choose an encoding (the choice is then applied to
#: the whole source, so a 5 MB file costs no more to detect than a small one).
DETECTION_SAMPLE = 64 * 1024
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

_HTML_CERTAIN = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>])", re.I)
_HTML_BLOCK_TAG = re.compile(
    r"<(?:p|div|h[1-6]|ul|ol|li|br|table|article|section|body)\b[^>]*>", re.I
)
_MD_ATX = re.compile(r"^#{1,6}[ \t]+[^\d\s#]", re.M)
# The look-ahead checks for a word character once per line; the line is then taken
# whole, so a long line is not rescanned for every split point.
_MD_SETEXT = re.compile(r"^(?=[^\n\w]*+\w)[^\n]*+\n(?:=++|-{2,}+)[ \t]*+$", re.M)
_MD_LIST = re.compile(r"^[ \t]{0,3}[-*+][ \t]+\S", re.M)
_MD_LINK = re.compile(r"!?\[[^\[\]\n]++\]\([^)\s][^)]*+\)")
# The emphasised span is bounded so a line of unclosed "**" costs linear time.
_MD_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__)\S[^\n]{0,200}?\S?\1(?![\w*])")
_MD_FENCE = re.compile(r"^```", re.M)


@dataclass
class LoadedSource:
    """A source read into memory, decoded, with its format decided."""

    name: str
    raw: bytes
    text: str
    encoding: str
    sha256: str
    #: "html", "markdown" or "text".
    format: str
    #: Size of ``raw`` in bytes.
    bytes: int
    #: What reading the source took out before parsing (a PDF's running headers), as
    #: ``(reason, text)``: recorded as dropped with what the clean step drops.
    dropped: list[tuple[str, str]] = field(default_factory=list)


def load_source(data, name: str, *, max_bytes: int, format: str = "auto") -> LoadedSource:
    """Read ``data`` (bytes, a binary file object or a path) into a :class:`LoadedSource`.

    Never reads more than ``max_bytes + 1`` bytes, so an oversized upload is refused
    without being held in memory.
    """
    raw = read_limited(data, max_bytes=max_bytes)
    if not raw.strip():
        raise NothingToImportError(f"{name or 'The source'} is empty.", code="empty")
    dropped: list[tuple[str, str]] = []
    if is_rtf(raw):
        # Read as the text it holds (with the ``rtf`` extra; refused by name without it).
        text, encoding = normalise_newlines(rtf_text(raw, name)), "rtf"
        resolved = "text"
    elif is_docx(raw):
        # Read as the HTML it stands for (with the ``docx`` extra; refused by name without).
        text, dropped = docx_text(raw, name, max_bytes=max_bytes)
        encoding, resolved = "docx", "html"
    elif is_pdf(raw):
        # Read as the structured text its pages print (with the ``pdf`` extra; refused by
        # name without): Markdown when its type sizes show headings, else laid-out text.
        read = pdf_text(raw, name, max_bytes=max_bytes)
        text, encoding, resolved, dropped = read.text, "pdf", read.format, read.dropped
    else:
        reject_binary(raw, name)
        text, encoding = decode_bytes(raw)
        # A saved e-mail message is read as its body; quoted-printable text is decoded.
        text, resolved = read_mail(normalise_newlines(text))
        if is_latex(text):
            # A LaTeX source is read as the Markdown its commands stand for.
            text, resolved = latex_to_markdown(text), "markdown"
        elif (feed := feed_to_html(text)) is not None:
            # An RSS or Atom feed is read as the page its posts make.
            (text, dropped), resolved = feed, "html"
    if not text.strip():
        raise NothingToImportError(f"{name or 'The source'} is empty.", code="empty")
    return LoadedSource(
        name=name,
        raw=raw,
        text=text,
        encoding=encoding,
        sha256=source_sha256(raw, encoding),
        format=resolved or resolve_format(format, name, text),
        bytes=len(raw),
        dropped=dropped,
    )


def source_sha256(raw: bytes, encoding: str = "") -> str:
    """SHA-256 of the bytes the user supplied, line endings normalised (CRLF and CR to LF).

    A browser's textarea turns line endings into CRLF; normalising keeps the same
    article recognised however it reached the importer.
    """
    if encoding.startswith(("utf-16", "utf-32")):
        # Line endings are wider than one byte in these encodings.
        text = raw.decode(encoding)
        normalised = text.replace("\r\n", "\n").replace("\r", "\n").encode(encoding)
    else:
        normalised = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return hashlib.sha256(normalised).hexdigest()


def read_limited(data, *, max_bytes: int) -> bytes:
    """Return the bytes of ``data``, refusing anything larger than ``max_bytes``."""
    if isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
    elif hasattr(data, "read"):
        raw = data.read(max_bytes + 1)
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
    elif isinstance(data, str | os.PathLike):
        path = Path(data)
        try:
            if path.stat().st_size > max_bytes:
                raise _too_large(path.name, max_bytes)
            with path.open("rb") as handle:
                raw = handle.read(max_bytes + 1)
        except OSError as error:
            raise ImportSourceError(
                f"Cannot read {path.name}: {error.strerror or error}.", code="unreadable"
            ) from error
    else:
        raise ImportSourceError(
            "The source must be bytes, a file or a path.", code="unsupported_input"
        )
    if len(raw) > max_bytes:
        raise _too_large("The source", max_bytes)
    return raw


def _too_large(name: str, max_bytes: int) -> ImportSourceError:
    return ImportSourceError(
        f"{name} is larger than the limit of {_human_size(max_bytes)}.", code="too_large"
    )


def _human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    if size >= 1024:
        return f"{size / 1024:g} KB"
    return f"{size} bytes"


def reject_binary(raw: bytes, name: str = "") -> None:
    """Raise when ``raw`` is a known binary format or is not text at all."""
    label = name or "The source"
    for signature, kind in BINARY_SIGNATURES:
        if raw.startswith(signature):
            raise ImportSourceError(
                f"{label} is {kind}, not text, HTML or Markdown.", code="binary"
            )
    if _bom_encoding(raw) or _utf16_without_bom(raw):
        return
    controls = sum(raw.count(byte) for byte in _CONTROL_BYTES)
    if b"\x00" in raw or controls > MAX_CONTROL_RATIO * len(raw):
        raise ImportSourceError(
            f"{label} looks like a binary file, not text, HTML or Markdown.", code="binary"
        )


def _bom_encoding(raw: bytes) -> str:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding
    return ""


def _utf16_without_bom(raw: bytes) -> str:
    """UTF-16 text without a BOM has NUL in every other byte for Latin text."""
    sample = raw[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return ""
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return ""


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode ``raw`` and return ``(text, encoding name)``."""
    encoding = _bom_encoding(raw) or _utf16_without_bom(raw)
    if encoding:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError as error:
            raise ImportSourceError(
                f"The source says it is {encoding} but is not valid {encoding}.",
                code="encoding",
            ) from error
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = declared_charset(raw)
    if declared:
        try:
            return raw.decode(declared), declared
        except UnicodeDecodeError:
            pass  # the page lied about its encoding: detect it instead
    by_shapes = _decode_single_byte(raw)
    detected = _detect_with_charset_normalizer(raw, prefer=by_shapes[1])
    if detected and codecs.lookup(detected).name != codecs.lookup(by_shapes[1]).name:
        try:
            return raw.decode(detected), detected
        except UnicodeDecodeError:
            pass
    return by_shapes


def declared_charset(raw: bytes) -> str:
    """The codec an HTML source declares in its first bytes, or ``""``."""
    match = _DECLARED_CHARSET.search(raw[:DECLARED_CHARSET_WINDOW])
    if not match:
        return ""
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return ""
    # Browsers read a page declared as Latin-1 as Windows-1252; so do we.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _detect_with_charset_normalizer(raw: bytes, *, prefer: str) -> str:
    """charset-normalizer's choice; on a tie (short texts read equally well in several
    encodings) the word-shape choice ``prefer`` wins when it is among the tied."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return ""
    sample = raw[:DETECTION_SAMPLE]
    if len(sample) - len(sample.translate(None, _NON_ASCII_BYTES)) < MIN_DETECTION_BYTES:
        return ""  # too few accented letters for statistics: the word shapes decide
    results = from_bytes(sample, cp_isolation=list(LEGACY_ENCODINGS))
    best = results.best()
    if best is None:
        return ""
    preferred = codecs.lookup(prefer).name
    for match in results:
        tied = abs(match.chaos - best.chaos) < 0.01 and abs(match.coherence - best.coherence) < 0.01
        if tied and codecs.lookup(match.encoding).name == preferred:
            return prefer
    return best.encoding


def _decode_single_byte(raw: bytes) -> tuple[str, str]:
    """Choose between Windows-1251 and Windows-1252 (Latin-1 when a byte has no
    Windows-1252 character) by the plausibility of the words each gives."""
    try:
        western, western_name = raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        western, western_name = raw.decode("latin-1"), "latin-1"
    try:
        cyrillic = raw.decode("cp1251")
    except UnicodeDecodeError:
        return western, western_name
    if word_plausibility(cyrillic, cyrillic=True) > word_plausibility(western, cyrillic=False):
        return cyrillic, "cp1251"
    return western, western_name


def word_plausibility(text: str, *, cyrillic: bool) -> float:
    """Share of words with non-ASCII letters that look like real words in that script.

    Cyrillic read as Windows-1252 gives words made only of accented letters
    ("Ïðèâåò"); Western text read as Windows-1251 puts Cyrillic letters inside
    Latin words ("cafй"). Real words keep one script and one case pattern.
    """
    plausible = total = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        total += 1
        if not _consistent_case(word):
            continue
        has_cyrillic = bool(_CYRILLIC.search(word))
        if cyrillic:
            plausible += has_cyrillic and all("\u0400" <= char <= "\u04ff" for char in word)
        else:
            plausible += not has_cyrillic and any(char.isascii() for char in word)
    return plausible / total if total else 0.0


def _consistent_case(word: str) -> bool:
    return word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def resolve_format(requested: str, name: str, text: str) -> str:
    """Return the format to parse with: the requested one, or sniffed for ``auto``."""
    requested = (requested or "auto").lower()
    if requested != "auto":
        try:
            return FORMAT_ALIASES[requested]
        except KeyError:
            raise ImportSourceError(
                f"Unknown format {requested!r}: use auto, html, markdown or text.",
                code="unknown_format",
            ) from None
    return sniff_format(text, name)


def format_from_name(name: str) -> str:
    """The format a file extension stands for, or ``""``."""
    suffix = Path(name or "").suffix.lower().lstrip(".")
    if suffix == "markdown":
        return "markdown"
    return FORMAT_ALIASES.get(suffix, "")


def sniff_format(text: str, name: str = "") -> str:
    """Guess the format from the content; a file extension wins unless the content is a
    whole HTML document."""
    head = text[:65536]
    if _HTML_CERTAIN.search(head):
        return "html"
    hinted = format_from_name(name)
    if hinted:
        return hinted
    if len(_HTML_BLOCK_TAG.findall(head)) >= 3:
        return "html"
    if is_org(head) or is_asciidoc(head) or is_calendar(head) or is_rst(head) or is_hl7(head):
        # Their lists and tables look like Markdown's; the text parser reads them.
        return "text"
    if markdown_signals(head) >= 2:
        return "markdown"
    return "text"


def markdown_signals(text: str) -> int:
    """Count kinds of Markdown syntax present; plain text rarely shows two of them."""
    atx = len(_MD_ATX.findall(text))
    signals = [
        atx >= 2,
        atx >= 1,
        bool(_MD_SETEXT.search(text)),
        bool(_MD_LIST.search(text)) and bool(_MD_LINK.search(text) or _MD_EMPHASIS.search(text)),
        bool(_MD_LINK.search(text)),
        bool(_MD_EMPHASIS.search(text)),
        bool(_MD_FENCE.search(text)),
    ]
    return sum(signals)
