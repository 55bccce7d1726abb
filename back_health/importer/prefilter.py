"""Cheap substring tests that rule a regular expression out before running it.

Python's ``re`` tries every alternative of a long cue pattern at every position of a
sentence, which is slow over hundreds of sentences. Most cue patterns contain a word
that any match must include ("massages?" needs "massage"); a substring test on the
lower-cased sentence is far cheaper than the search. The required words are read from
the pattern's parse tree, so the data files need no extra keyword lists. When a pattern
has no required word (or the parser internals are unavailable), it is always searched.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

from .fold import fold_case

try:  # CPython's own regex parser; stable in 3.11-3.13 but private, hence the fallback
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    _sre = _sre_parse = None

#: Shortest required substring worth testing for.
MIN_LITERAL = 3
#: Shortest string of a set :func:`required_all` gives: a weak set still narrows the others.
MIN_EACH = 2
#: Tries a :class:`Dispatch` scans a text with (see ``Dispatch._hits``).
SCANS = 2


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings (folded by :func:`~.fold.fold_case`) one of which every match of ``pattern``
    contains, or None."""
    parsed = _parsed(pattern, flags)
    if parsed is None:
        return None
    found = _required(parsed)
    return frozenset(found) if found else None


@lru_cache(maxsize=8192)
def _parsed(pattern: str, flags: int) -> list | None:
    """The parse tree of ``pattern`` (read only), once per pattern: every rule set built
    from the same patterns reads their words again."""
    if _sre_parse is None:
        return None
    try:
        return list(_sre_parse.parse(pattern, flags))
    except Exception:  # noqa: BLE001 - any surprise means "no prefilter", never an error
        return None


def _required(items) -> set[str] | None:
    best: set[str] | None = None
    run: list[str] = []

    def flush():
        nonlocal best, run
        if len(run) >= MIN_LITERAL:
            best = _better(best, {"".join(run)})
        run = []

    for op, av in items:
        if op is _sre.LITERAL:
            run.append(fold_case(chr(av)))
            continue
        flush()
        requirement = None
        if op is _sre.SUBPATTERN:
            requirement = _required(list(av[-1]))
        elif op is _sre.BRANCH:
            branches = [_required(list(branch)) for branch in av[1]]
            if all(branches):
                requirement = set().union(*branches)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            requirement = _required(list(av[2]))
        if requirement:
            best = _better(best, requirement)
    flush()
    return best


def required_all(pattern: str, flags: int = 0) -> tuple[frozenset[str], ...]:
    """Sets of lower-case ASCII strings such that every match of ``pattern`` contains a
    string of each set: ``"(\\d+|once) times? a day"`` gives ``{"once", "time"}`` and
    ``{"day"}``. Empty when nothing is required (or the parser is unavailable). Test a
    text with :func:`may_match_all` on its :func:`fold`."""
    parsed = _parsed(pattern, flags)
    if parsed is None:
        return ()
    found: list[frozenset[str]] = []
    for requirement in _required_each(parsed):
        if requirement not in found:
            found.append(requirement)
    return tuple(found)


def _required_each(items) -> list[frozenset[str]]:
    """Every requirement of a sequence, in order (see :func:`required_all`)."""
    found: list[frozenset[str]] = []
    run: list[str] = []

    def flush():
        if len(run) >= MIN_EACH:
            found.append(frozenset({"".join(run)}))
        run.clear()

    for op, av in items:
        if op is _sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if op is _sre.BRANCH and run:
            # "le(?:ad|d)" as the parser writes "lead|led": the run and each branch's
            # opening letters are one word.
            joined = {"".join(run) + _leading(branch) for branch in av[1]}
            if min(map(len, joined)) >= MIN_EACH:
                found.append(frozenset(joined))
        flush()
        if op is _sre.SUBPATTERN:
            found.extend(_required_each(list(av[-1])))
        elif op is _sre.BRANCH:
            branches = [_required_each(list(branch)) for branch in av[1]]
            if all(branches):
                # Any one requirement of each branch, joined, is required of the whole:
                # the first ones joined and the last ones joined.
                found.append(frozenset().union(*(branch[0] for branch in branches)))
                found.append(frozenset().union(*(branch[-1] for branch in branches)))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            found.extend(_required_each(list(av[2])))
    flush()
    return found


def _leading(items) -> str:
    """The lower-case ASCII letters a sequence opens with."""
    letters = []
    for op, av in items:
        if op is not _sre.LITERAL or av >= 128:
            break
        letters.append(chr(av).lower())
    return "".join(letters)


def may_match_all(requirements: tuple[frozenset[str], ...], folded: str) -> bool:
    """Whether ``folded`` holds a string of each of ``requirements``."""
    return all(any(literal in folded for literal in needed) for needed in requirements)


def _better(current: set[str] | None, candidate: set[str]) -> set[str]:
    """The more selective requirement: the one whose shortest string is longer."""
    if current is None:
        return candidate
    return candidate if min(map(len, candidate)) > min(map(len, current)) else current


#: Characters that ``re.IGNORECASE`` matches to an ASCII letter but ``str.lower`` does not
#: turn into that letter alone: dotted and dotless I, long S, the Kelvin sign.
_IGNORECASE_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """``text`` lower-cased so that every ASCII literal an ``re.IGNORECASE`` pattern
    matches in ``text`` is a substring of the result (``str.lower`` alone misses "İ")."""
    if text.isascii():
        return text.lower()
    return text.translate(_IGNORECASE_ASCII).lower()


def may_match(literals: frozenset[str] | None, lowered: str) -> bool:
    return literals is None or any(literal in lowered for literal in literals)


class Gate:
    """Many patterns' literals in one C-level scan: when none occurs, none can match."""

    def __init__(self, literal_sets):
        literals: set[str] = set()
        self.open = False
        for found in literal_sets:
            if found is None:
                self.open = True  # one pattern without a required word: always search
                break
            literals |= found
        self._pattern = re.compile(trie_pattern(literals)) if literals else None

    def may_match(self, lowered: str) -> bool:
        if self.open:
            return True
        return self._pattern is not None and self._pattern.search(lowered) is not None


class Dispatch:
    """Which of many patterns can match a text, from one scan for their literals.

    ``Dispatch([lits_0, lits_1, ...]).candidates(lowered)`` gives the indexes of the
    patterns whose required literals occur (patterns without literals always do)."""

    def __init__(self, literal_sets):
        self._always: list[int] = []
        self._owners: dict[str, set[int]] = {}
        for index, literals in enumerate(literal_sets):
            if literals is None:
                self._always.append(index)
                continue
            for literal in literals:
                self._owners.setdefault(literal, set()).add(index)
        literals = list(self._owners)
        # The literals each literal is the start of (itself first): in sorted order they
        # follow it, one run per literal.
        ordered = sorted(literals)
        extended: dict[str, list[str]] = {}
        for index, literal in enumerate(ordered):
            run = [literal]
            for other in ordered[index + 1 :]:
                if not other.startswith(literal):
                    break
                run.append(other)
            extended[literal] = run
        # A scan stops at the shortest literal of a trie path; a longer literal that
        # extends it may be there too, so it owns the patterns of both.
        self._by_prefix = {
            literal: set().union(*(self._owners[other] for other in extended[literal]))
            for literal in literals
        }
        #: The literals a scan's literal is the start of, for the exact test.
        self._extensions = {
            literal: tuple((other, frozenset(self._owners[other])) for other in extended[literal])
            for literal in literals
        }
        # One scan for all the literals, as searches of a few tries, each for the literals
        # opening with some of the characters: a search skips the positions no literal of
        # its trie can start at, and each trie has fewer branches to try.
        firsts = Counter(literal[0] for literal in literals)
        order = sorted(firsts, key=lambda char: (-firsts[char], char))
        self._searches = tuple(
            re.compile(trie_pattern([lit for lit in literals if lit[0] in order[i::SCANS]])).search
            for i in range(min(SCANS, len(order)))
        )

    def _hits(self, lowered: str):
        """``(start, literal)`` for every position a literal starts at, with the shortest
        literal starting there (in no particular order)."""
        for search in self._searches:
            match = search(lowered)
            while match is not None:
                start = match.start()
                yield start, match.group()
                match = search(lowered, start + 1)

    def candidates_by_part(self, lowered: str, starts: list[int]) -> dict[int, set[int]]:
        """For ``lowered`` made of parts beginning at ``starts``: pattern index -> the
        parts holding one of its literals (every part for a pattern without any)."""
        found: dict[int, set[int]] = {index: set(range(len(starts))) for index in self._always}
        if not self._searches:
            return found
        parts_of: dict[str, set[int]] = {}
        for start, literal in self._hits(lowered):
            part = bisect_right(starts, start) - 1
            if literal in parts_of:
                parts_of[literal].add(part)
            else:
                parts_of[literal] = {part}
        for literal, parts in parts_of.items():
            for index in self._by_prefix[literal]:
                if index in found:
                    found[index] |= parts
                else:
                    found[index] = set(parts)
        return found

    def exact_candidates(self, lowered: str) -> set[int]:
        """The indexes of the patterns one of whose literals occurs in ``lowered`` (and
        of those without literals): exactly the patterns :func:`may_match` lets through."""
        found = set(self._always)
        if not self._searches:
            return found
        seen: set[str] = set()
        for start, literal in self._hits(lowered):
            for other, owners in self._extensions[literal]:
                if other not in seen and lowered.startswith(other, start):
                    seen.add(other)
                    found |= owners
        return found

    def candidates(self, lowered: str) -> list[int]:
        found = set(self._always)
        for _start, literal in self._hits(lowered):
            found |= self._by_prefix[literal]
        return sorted(found)


def trie_pattern(literals) -> str:
    """One regex matching any of ``literals``, shaped as a trie ("ab|ac" -> "a(?:b|c)"):
    Python's ``re`` tries alternatives one by one, so sharing prefixes is much faster."""
    trie: dict = {}
    for literal in literals:
        node = trie
        for char in literal:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie(trie)


def _trie(node: dict) -> str:
    if "" in node:
        return ""  # a literal ends here: for a substring test the prefix is enough
    branches = [re.escape(char) + _trie(child) for char, child in sorted(node.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
