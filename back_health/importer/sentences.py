"""Sentence boundaries, shared by the parsers (list leads) and the cleaning steps.

A boundary is terminal punctuation followed by whitespace and a capital, digit or
opening quote, or glued straight onto a capitalised word ("…нагрузки.To avoid").
Known abbreviations ("e.g.", "Dr.") never end a sentence.
"""

from __future__ import annotations

import re

from .memo import remembered_call

#: Words ending in a full stop that do not end a sentence (lower case, without the stop).
ABBREVIATIONS = frozenset(
    "e.g i.e approx vs cf dr mr mrs ms prof st no nos fig figs incl esp ca "
    "mg ml tab tabs hr hrs wk wks jr sr dept co ltd inc hon".split()
)

#: Characters that end a sentence.
TERMINAL = ".!?…।॥。！？"

# Linear time: a run of terminal punctuation is only tried from its first character
# (the look-behind) and is taken whole (possessive), so "......" costs one attempt,
# not one attempt per dot, each rescanning the rest of the run. The pattern opens with
# the punctuation itself (the look-behind follows it), so re skips straight to it.
# A full-width stop (Chinese, Japanese) ends its sentence whatever follows: those
# scripts have no capitals and need no space. The danda (।, ॥) ends a sentence in Hindi,
# Bengali and other Indic scripts, before a space like a full stop.
_BOUNDARY = re.compile(
    r"[。！？](?<![。！？][。！？])[。！？]*+[」』\"”’»)）\]]*+\s*+"
    r"|[.!?…।॥](?<![.!?…।॥][.!?…।॥])[.!?…।॥]*+[\"”’»)\]]*+"
    r"(?:\s++|(?<=[a-zа-яёіїєґ][.!?])(?=[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ]))"
)
#: A sentence starts with a capital, a digit, an opening mark, a copyright sign or a
#: letter of a script without capitals (Chinese, Japanese, Korean, Arabic, Hebrew, Indic,
#: Thai).
_NEXT_STARTS_SENTENCE = re.compile(
    # "... Do not move them. ** Call 111 ...": emphasis marks may open a sentence.
    r"(?:[*_]{1,3}+[ \t]?)?[\"“‘«(\[「『]?[A-ZА-ЯЁІЇЄҐÀ-ÖØ-ÞΑ-Ω0-9¿¡©"
    r"\u0590-\u05ff\u0600-\u06ff\u0900-\u0dff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf"
    r"\u4e00-\u9fff\uac00-\ud7af]"
)
#: A dose a printed form's dots lead to: "2 sets of 10", "10 reps", "3 x 30 seconds",
#: "3x10", "10/side".
_DOSE_AFTER_LEADER = re.compile(
    r"[\[(]?+(?:hold\b|\d{1,3}[ \t]*+(?:(?:sets?|x|×|reps?|repetitions|times|seconds?|secs?|"
    r"minutes?|mins?|each|swings|breaths)\b|[x×][ \t]*+\d|/[ \t]*+(?:side|leg|arm)))",
    re.IGNORECASE,
)
#: What a dose after a printed form's dots opens with: a digit or a bracket.
_LEADER_VALUE_OPENERS = frozenset("0123456789[(")
#: Abbreviations that stand before a number only ("No. 7", "Nos. 3 and 4").
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "ext", "tel"})
#: Stops after which any character starts a new sentence.
_FULL_WIDTH_STOPS = "。！？"
#: Longest abbreviation worth looking back for (characters before its final stop).
_LONGEST_ABBREVIATION = max(map(len, ABBREVIATIONS))
_WORD_OPENERS = '(["“'
_CLOSERS = '"”’»)]'


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences, keeping each sentence's own punctuation.

    Linear in the length of ``text``: a rejected boundary costs a constant amount of
    work (no slice of the text so far is made until a sentence is accepted). Within an
    :func:`~.memo.article_scope` each text is split once (the cleaning steps and the
    recognisers split the same paragraphs); every call gets a list of its own.
    """
    return list(remembered_call(_split, text))


def _split(text: str) -> list[str]:
    sentences = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if (
            end < len(text)
            and text[match.start()] not in _FULL_WIDTH_STOPS
            and not _NEXT_STARTS_SENTENCE.match(text, end)
        ):
            continue
        if (
            end < len(text)
            and text[end] in _LEADER_VALUE_OPENERS
            and text.startswith("....", match.start())
            and _DOSE_AFTER_LEADER.match(text, end)
        ):
            # "Wall push-ups ............ 2 sets of 10", "Pendulum swing ........ [10
            # swings]": dots leading to a dose.
            continue
        stop = match.start() + len(match.group().rstrip())
        if _abbreviation_before(text, start, stop, end):
            continue
        candidate = text[start:stop].strip()
        if candidate:
            sentences.append(candidate)
        start = end
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def _abbreviation_before(text: str, start: int, stop: int, after: int) -> bool:
    """True when ``text[start:stop]`` ends with a known abbreviation and its full stop;
    ``after`` is where the next sentence would start.

    Looks back a bounded number of characters, so the cost never depends on the length
    of the sentence.
    """
    while stop > start and text[stop - 1] in _CLOSERS:
        stop -= 1
    if stop <= start or text[stop - 1] != ".":
        return False
    limit = max(start, stop - 2 - _LONGEST_ABBREVIATION)
    begin = stop - 1
    while begin > limit and not text[begin - 1].isspace() and text[begin - 1] not in _WORD_OPENERS:
        begin -= 1
    if begin > start and not (text[begin - 1].isspace() or text[begin - 1] in _WORD_OPENERS):
        return False  # the word is longer than any abbreviation
    word = text[begin : stop - 1].lower().rstrip(".")
    if word in NUMBER_ABBREVIATIONS:
        # "No. 7" abbreviates "number"; "No. Osteoporosis is ..." answers a question.
        return after < len(text) and (text[after].isdigit() or text[after] == "#")
    return word in ABBREVIATIONS


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with terminal punctuation (closing quotes allowed)."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL
