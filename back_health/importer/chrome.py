"""Site chrome by wording: the patterns of ``data/chrome.json``, compiled for speed.

:func:`chrome_reason` says why one text is chrome; :func:`chrome_candidates` finds, in
one scan, which of many texts a block pattern matches. The parsers use them to keep a
line that is chrome on its own apart from its neighbours, and the clean step drops
what they match.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .fold import fold_case
from .memo import memory
from .prefilter import (
    Dispatch,
    lower_pattern,
    required_literals,
    starts_at_line_start,
)
from .text import without_heading_number

#: File with the wording of site chrome and promotion (see its ``_comment``).
CHROME_FILE = Path(__file__).with_name("data") / "chrome.json"


@dataclass(frozen=True)
class WordingPattern:
    """One chrome pattern, compiled for speed.

    Patterns are matched without case. Python's ``re`` skips ahead to a literal prefix
    only without IGNORECASE and without a leading ``\\b``, so ordinary patterns are
    lower-cased and run on lower-cased text, and a leading ``\\b`` is checked by hand.
    Patterns with a case-sensitive part (``(?-i:FREE)``) run as written.
    """

    reason: str
    regex: re.Pattern
    on_lowered: bool
    word_start: bool
    #: Starts with "^": tried at line starts only, instead of at every position.
    anchored: bool = False

    def search(self, text: str, lowered: str) -> bool:
        if self.anchored and "\n" not in text:
            # One line: its start is the only place to try (asked of every line of an
            # article, so :meth:`find`'s loop is skipped).
            return self.regex.match(lowered if self.on_lowered else text) is not None
        return self.find(text, lowered) >= 0

    def find(self, text: str, lowered: str, position: int = 0) -> int:
        """Start of the first match at or after ``position``, or -1."""
        subject = lowered if self.on_lowered else text
        if self.anchored:
            while True:
                if self.regex.match(subject, position):
                    return position
                position = subject.find("\n", position) + 1
                if not position:
                    return -1
        while True:
            match = self.regex.search(subject, position)
            if match is None:
                return -1
            start = match.start()
            if not self.word_start or start == 0 or not _is_word_char(subject[start - 1]):
                return start
            position = start + 1


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def compile_wording(reason: str, pattern: str) -> list[WordingPattern]:
    """Compile one data pattern; a leading ``(?:a|b)`` of plain words becomes one
    pattern per word, so each starts with a literal ``re`` can skip ahead to."""
    if "(?-i:" in pattern:
        regex = re.compile(pattern, re.I | re.M)
        anchored = starts_at_line_start(pattern, regex.flags)
        return [WordingPattern(reason, regex, False, False, anchored=anchored)]
    word_start = pattern.startswith("\\b")
    if word_start:
        pattern = pattern[2:]
    expanded = _LEADING_ALTERNATION.match(pattern)
    variants = (
        [word + pattern[expanded.end() :] for word in expanded.group(1).split("|")]
        if expanded
        else [pattern]
    )
    return [
        WordingPattern(
            reason,
            re.compile(lower_pattern(variant), re.M),
            on_lowered=True,
            word_start=word_start,
            anchored=starts_at_line_start(variant, re.M),
        )
        for variant in variants
    ]


# Not followed by a quantifier: an optional group ("(?:the )?") cannot be split into words.
_LEADING_ALTERNATION = re.compile(r"\(\?:([\w |'-]+)\)(?![?*+{])")


@cache
def chrome_patterns() -> tuple[tuple[WordingPattern, ...], tuple[WordingPattern, ...]]:
    """(block patterns, section heading patterns) from :data:`CHROME_FILE`."""
    data = json.loads(CHROME_FILE.read_text(encoding="utf-8"))

    def compiled(group: dict) -> tuple[WordingPattern, ...]:
        return tuple(
            compiled
            for reason, patterns in group.items()
            for pattern in patterns
            for compiled in compile_wording(reason, pattern)
        )

    return compiled(data["blocks"]), compiled(data["section_headings"])


@cache
def inline_patterns() -> tuple[tuple[str, re.Pattern, frozenset[str] | None], ...]:
    """(reason, pattern, required strings) of the markers cut out of a text ("[1]",
    "[edit]", "4/14"). Most need a bracket or another sign a text seldom holds: a pattern
    is tried only on a text holding one of its strings."""
    data = json.loads(CHROME_FILE.read_text(encoding="utf-8"))
    return tuple(
        (reason, regex, required_literals(regex.pattern, regex.flags, symbols=True))
        for reason, patterns in data.get("inline", {}).items()
        for pattern in patterns
        for regex in [re.compile(pattern, re.IGNORECASE)]
    )


@cache
def _inline_dispatch() -> Dispatch:
    """Which inline patterns a text holds the strings of, from one scan: a text holding
    none has no marker, and one holding some (any "(" or "[" does) is not tested pattern
    by pattern. The scan costs half a search for all the strings at once."""
    return Dispatch(literals for _, _, literals in inline_patterns())


def cut_inline_chrome(text: str, found: list[tuple[str, str]] | None = None) -> str:
    """``text`` without its inline markers; each one cut is added to ``found`` as
    ``("chrome: <reason>", marker)``."""
    candidates = _inline_dispatch().exact_candidates(fold_case(text))
    if not candidates:
        return text
    changed = False
    for number, (reason, pattern, _) in enumerate(inline_patterns()):
        if number not in candidates:
            continue

        def cut(match: re.Match, reason=reason) -> str:
            if found is not None:
                found.append((f"chrome: {reason}", match.group().strip()))
            return ""

        text, cuts = pattern.subn(cut, text)
        if cuts:
            # A cut can bring a pattern's words together: the text is scanned again.
            candidates = _inline_dispatch().exact_candidates(fold_case(text))
            changed = True
    return text.strip() if changed else text


def _reason(
    text: str,
    patterns: tuple[WordingPattern, ...],
    dispatch: Dispatch,
    gates: tuple[tuple[WordingPattern, frozenset[int]], ...] = (),
) -> str:
    """The reason of the first of ``patterns`` that matches ``text``. One scan for the
    words the patterns need ("cookie", "subscribe") picks the few that can match, and
    each gate (:func:`_anchored_gates`) that fails rules out its members: a text is
    seldom chrome, and trying a thousand patterns one by one on every sentence of an
    article would cost far more."""
    if not text:
        return ""
    lowered = fold_case(text)
    candidates = dispatch.exact_candidates(lowered)
    for gate, members in gates:
        if not gate.search(text, lowered):
            candidates -= members
    for index in sorted(candidates):
        pattern = patterns[index]
        if pattern.search(text, lowered):
            return f"chrome: {pattern.reason}"
    return ""


def chrome_reason(text: str) -> str:
    """The reason ``text`` is chrome ("chrome: promotional"), or ``""``."""
    return _reason(text, chrome_patterns()[0], _chrome_dispatch(), _anchored_gates())


def chrome_candidates(texts: list[str]) -> set[str]:
    """The texts that match a block pattern. One scan finds the words each pattern needs
    ("cookie", "subscribe"); a pattern then runs only on the texts holding one of its
    words (running every pattern over every text, or over the whole joined text, costs
    far more than the scan). Within an :func:`~.memo.article_scope` the answer for each
    text is kept: the parser and the clean step ask about many of the same lines."""
    known = memory(_chrome_candidates)
    if known is None:
        return _chrome_candidates(list(dict.fromkeys(texts)))
    fresh = list(dict.fromkeys(text for text in texts if text not in known))
    found = _chrome_candidates(fresh)
    known.update((text, text in found) for text in fresh)
    return {text for text in texts if known[text]}


def _chrome_candidates(texts: list[str]) -> set[str]:
    if not texts:
        return set()
    joined = "\n".join(texts)
    lowered_texts = [fold_case(text) for text in texts]  # one character for one
    lowered = "\n".join(lowered_texts)  # offsets agree with ``joined``
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    found: set[str] = set()
    patterns = chrome_patterns()[0]
    gates = _anchored_gates()
    passed: dict[int, set[int]] = {}  # gate -> the texts it passes
    for index, parts in _chrome_dispatch().candidates_by_part(lowered_texts).items():
        pattern = patterns[index]
        for number, (gate, members) in enumerate(gates):
            if index in members:
                if number not in passed:
                    passed[number] = {
                        part
                        for part, text in enumerate(texts)
                        if gate.search(text, lowered_texts[part])
                    }
                parts = parts & passed[number]
        # A pattern anchored at line starts is tried line by line either way: on its
        # candidate texts only, it is tried on fewer. One without an anchor searches the
        # texts joined when they are many and long enough to be most of the whole.
        if (
            len(parts) > CHROME_SEARCH_JOINED
            and not pattern.anchored
            and sum(len(texts[part]) for part in parts) * 2 > len(joined)
        ):
            found.update(_joined_matches(pattern, texts, joined, lowered, starts))
            continue
        for part in parts:
            text = texts[part]
            if text not in found and pattern.search(text, lowered_texts[part]):
                found.add(text)
    return found


#: Texts holding a pattern's words above which a pattern not anchored at line starts
#: searches all texts joined (one call) rather than each of them.
CHROME_SEARCH_JOINED = 12


def _joined_matches(pattern, texts, joined: str, lowered: str, starts: list[int]):
    """The texts where a match of ``pattern`` in the joined texts starts (these include
    every text the pattern matches on its own)."""
    position = 0
    while (start := pattern.find(joined, lowered, position)) >= 0:
        index = bisect_right(starts, start) - 1
        yield texts[index]
        if index + 1 >= len(starts):
            break
        position = starts[index + 1]


@cache
def _anchored_gates() -> tuple[tuple[WordingPattern, frozenset[int]], ...]:
    """The block patterns anchored at line starts that no word of theirs can rule out, as
    alternations (a text none of them matches at a line start skips them all), each with
    their indexes: one of the patterns run lower-cased, one of those with a case-sensitive
    part."""
    patterns = chrome_patterns()[0]
    gates = []
    for on_lowered, flags in ((True, re.M), (False, re.I | re.M)):
        members = [
            index
            for index, pattern in enumerate(patterns)
            if pattern.anchored
            and pattern.on_lowered is on_lowered
            and not pattern.regex.groups
            and required_literals(pattern.regex.pattern, pattern.regex.flags, digits=True) is None
        ]
        if len(members) < 2:
            continue
        combined = "|".join(f"(?:{patterns[index].regex.pattern})" for index in members)
        gate = WordingPattern("", re.compile(combined, flags), on_lowered, False, anchored=True)
        gates.append((gate, frozenset(members)))
    return tuple(gates)


def _dispatch(patterns: tuple[WordingPattern, ...]) -> Dispatch:
    return Dispatch(
        [
            required_literals(pattern.regex.pattern, pattern.regex.flags, digits=True)
            for pattern in patterns
        ]
    )


@cache
def _chrome_dispatch() -> Dispatch:
    return _dispatch(chrome_patterns()[0])


@cache
def _heading_dispatch() -> Dispatch:
    return _dispatch(chrome_patterns()[1])


@cache
def _care_advice() -> dict[str, tuple[re.Pattern, ...]]:
    data = json.loads(CHROME_FILE.read_text(encoding="utf-8"))
    return {
        kind: tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)
        for kind, patterns in data.get("care_advice", {}).items()
    }


def gives_care_advice(text: str) -> bool:
    """Whether ``text`` tells the reader when to get care: an emergency service or a
    professional to see or call, with a word saying when ("If you develop weakness in
    both legs ... go to A&E immediately or call 999", "contact your GP or call 111 the
    same day"). Such text is no chrome, whatever the heading over it ("Contact us"); a
    footer's "For medical emergencies, call 911." says no when and is."""
    return _names_care(text) and _says_care(text, "when")


def only_routes_care(text: str) -> bool:
    """Whether ``text`` names an emergency service or a professional to call but says
    no when ("In an emergency call 999; for urgent advice call 111" under a closure
    notice): a routing line, no advice about this article's subject."""
    return _names_care(text) and not _says_care(text, "when")


def _names_care(text: str) -> bool:
    """Whether ``text`` names an emergency service or a professional to see or call."""
    return _says_care(text, "emergency") or _says_care(text, "contact")


def _says_care(text: str, kind: str) -> bool:
    return any(pattern.search(text) for pattern in _care_advice().get(kind, ()))


def heading_chrome_reason(heading: str) -> str:
    """The reason a section with this heading is chrome ("Comments", "Related posts",
    "4. Your stories": a heading's number is no part of what it says)."""
    patterns, dispatch = chrome_patterns()[1], _heading_dispatch()
    unnumbered = without_heading_number(heading)
    # "3 thoughts on ..." counts comments: its number is its own; tried as written too.
    return _reason(unnumbered, patterns, dispatch) or (
        _reason(heading, patterns, dispatch) if unnumbered != heading else ""
    )
