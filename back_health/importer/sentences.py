"""Sentence boundaries, shared by the parsers (list leads) and the cleaning steps.

A boundary is terminal punctuation followed by whitespace and a capital, digit or
opening quote, or glued straight onto a capitalised word ("…нагрузки.To avoid").
Known abbreviations ("e.g.", "Dr.") never end a sentence.
"""

from __future__ import annotations

import re

#: Words ending in a full stop that do not end a sentence (lower case, without the stop).
ABBREVIATIONS = frozenset(
    "e.g i.e approx vs cf dr mr mrs ms prof st no nos fig figs incl esp ca "
    "mg ml tab tabs hr hrs wk wks jr sr dept co ltd inc".split()
)

#: Characters that end a sentence.
TERMINAL = ".!?…"

_BOUNDARY = re.compile(
    r"[.!?…]+[\"”’»)\]]*(?:\s+|(?<=[a-zа-яёіїєґ][.!?])(?=[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ]))"
)
_NEXT_STARTS_SENTENCE = re.compile(r"[\"“‘«(\[]?[A-ZА-ЯЁІЇЄҐÀ-ÖØ-Þ0-9¿¡]")
_LAST_WORD = re.compile(r"([^\s(\[\"“]+)\.$")
_CLOSERS = '"”’»)]'


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences, keeping each sentence's own punctuation."""
    sentences = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if end < len(text) and not _NEXT_STARTS_SENTENCE.match(text, end):
            continue
        candidate = text[start : match.start() + len(match.group().rstrip())]
        if _ends_with_abbreviation(candidate):
            continue
        if candidate.strip():
            sentences.append(candidate.strip())
        start = end
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def _ends_with_abbreviation(sentence: str) -> bool:
    match = _LAST_WORD.search(sentence.rstrip(_CLOSERS))
    if not match:
        return False
    return match.group(1).lower().rstrip(".") in ABBREVIATIONS


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with terminal punctuation (closing quotes allowed)."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL
