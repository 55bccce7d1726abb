"""RTF documents read as plain text, with the optional ``rtf`` extra (``striprtf``).

A leaflet saved from WordPad or Word as RTF, or pasted out of one half-converted, opens
with ``{\\rtf1``. ``striprtf`` reads the control words: groups of fonts, colours and
document properties are dropped, ``\\'e9`` and ``\\u8217?`` become their characters, in the
code page the document declares (``\\ansicpg1252``). What it cannot know is that a text
half-converted by hand keeps its line breaks: RTF ignores the line breaks of its source,
so each becomes a soft break here (one line of a paragraph, as in plain text) while
``\\par`` ends a paragraph. Without the extra an RTF source is refused with a message that
names it.
"""

from __future__ import annotations

import re

from .errors import ImportSourceError

#: Where an RTF source starts.
RTF_SIGNATURE = b"{\\rtf"

#: Stands for a line break of the source while ``striprtf`` reads it (a character no
#: text holds: RTF source is 7-bit, and this control byte is not in it).
_SOFT_BREAK = "\x0b"
_CODE_PAGE = re.compile(rb"\\ansicpg(\d{3,5})")


def is_rtf(raw: bytes) -> bool:
    return raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(RTF_SIGNATURE)


def rtf_text(raw: bytes, name: str = "") -> str:
    """The text of an RTF source; paragraphs apart by a blank line."""
    try:
        from striprtf.striprtf import rtf_to_text
    except ImportError as exc:
        raise ImportSourceError(
            f"{name or 'The source'} is an RTF document. Install the 'rtf' extra "
            "(pip install wagtail-back-health[rtf]) to import RTF, or save it as text, "
            "HTML or Markdown.",
            code="binary",
        ) from exc
    page = _CODE_PAGE.search(raw[:4096])
    encoding = f"cp{int(page.group(1))}" if page else "cp1252"
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "cp1252"
    source = raw.decode("latin-1").replace("\r\n", "\n").replace("\r", "\n")
    text = rtf_to_text(source.replace("\n", _SOFT_BREAK), encoding=encoding, errors="replace")
    return text.replace("\n", "\n\n").replace(_SOFT_BREAK, "\n")
