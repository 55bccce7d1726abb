"""Saved e-mail messages and quoted-printable text read as the text they carry.

A newsletter saved from a mail program (an ``.eml`` file, or its source pasted as text)
opens with mail headers ("From:", "MIME-Version:", "Content-Type: multipart/...") and
carries its body encoded: quoted-printable ("Can=E2=80=99t", lines broken with a final
"=") or base64, in one or more MIME parts. The standard library's :mod:`email` package
reads all of it; :func:`read_mail` keeps the body of the plain-text part (or of the HTML
part when there is no plain one). Quoted-printable text without headers (the body alone,
pasted) is decoded with :mod:`quopri` when it plainly is some: soft line breaks and
escaped bytes, several of each.
"""

from __future__ import annotations

import email
import email.policy
import quopri
import re

#: A header line opening a saved message.
_HEADER_LINE = re.compile(r"[A-Za-z][A-Za-z0-9-]{1,40}:[ \t]")
#: Headers that make a header block a MIME message's.
_MIME_HEADER = re.compile(
    r"^(?:mime-version|content-type|content-transfer-encoding)[ \t]*:", re.I | re.M
)
#: Most lines of the header block looked at.
HEADER_LINES_MAX = 60
#: A quoted-printable soft line break and an escaped byte.
#: A soft break follows a character other than "=" (a Markdown heading's "=====" line
#: ends in "=" too); an escape is of a byte outside ASCII, a space or "=" itself.
_SOFT_BREAK = re.compile(r"(?<=[^=\n])=\n")
_ESCAPE = re.compile(r"=(?:[89A-F][0-9A-F]|20|3D)")
#: Fewest soft breaks and escapes that make headerless text quoted-printable.
QP_SIGNS_MIN = 3


def read_mail(text: str) -> tuple[str, str]:
    """``(text, format)``: a saved message's body and its format ("text" or "html"),
    quoted-printable text decoded (format ""), or ``text`` unchanged with format ""."""
    if _is_message(text):
        body, subtype = _message_body(text)
        if body.strip():
            return body, "html" if subtype == "html" else "text"
    if _is_quoted_printable(text):
        return _decode_quoted_printable(text), ""
    return text, ""


def _is_message(text: str) -> bool:
    lines = text.lstrip().split("\n", HEADER_LINES_MAX)[:HEADER_LINES_MAX]
    if not lines or not _HEADER_LINE.match(lines[0]):
        return False
    header = "\n".join(lines).split("\n\n", 1)[0]
    return bool(_MIME_HEADER.search(header))


def _message_body(text: str) -> tuple[str, str]:
    message = email.message_from_string(text.lstrip(), policy=email.policy.default)
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return "", ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):
        return "", ""
    return (content, part.get_content_subtype()) if isinstance(content, str) else ("", "")


def _is_quoted_printable(text: str) -> bool:
    soft = len(_SOFT_BREAK.findall(text))
    escapes = len(_ESCAPE.findall(text))
    return soft >= QP_SIGNS_MIN and escapes >= QP_SIGNS_MIN


def _decode_quoted_printable(text: str) -> str:
    raw = quopri.decodestring(text.encode("utf-8", "surrogateescape"))
    return raw.decode("utf-8", "replace")
