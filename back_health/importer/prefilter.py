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
from functools import lru_cache
from operator import itemgetter

import ahocorasick

from .fold import fold_case

try:  # CPython's own regex parser; stable in 3.11-3.13 but private, hence the fallback
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    _sre = _sre_parse = None

#: Shortest required substring worth testing for.
MIN_LITERAL = 3
#: Characters so rare in prose that one alone is worth testing for ("@", "£", "_", "©"):
#: any character but letters, digits, spaces and the punctuation of ordinary sentences.
COMMON_PUNCTUATION = frozenset(".,;:!?'\"()-\u2013\u2014/&%*+")
#: Shortest string of a set :func:`required_all` gives: a weak set still narrows the others.
MIN_EACH = 2


def required_literals(
    pattern: str, flags: int = 0, *, symbols: bool = False, digits: bool = False
) -> frozenset[str] | None:
    """Strings (folded by :func:`~.fold.fold_case`) one of which every match of ``pattern``
    contains, or None. A lone character counts when it is rare ("@"), or with
    ``symbols`` when it is any but a letter, digit or space ("[", "("). With ``digits``,
    a pattern that needs nothing better needs a digit ("\\d", "[0-9]")."""
    parsed = _parsed(pattern, flags)
    if parsed is None:
        return None
    rare = _is_symbol if symbols else _is_rare
    found = _required(parsed, _or_digit(rare) if digits else rare)
    return frozenset(found) if found else None


@lru_cache(maxsize=4)
def _or_digit(rare):
    return lambda char: char.isdecimal() or rare(char)


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


#: Repeats whose body a match holds when at least one is required ("x{3,}+" too).
_REPEATS = (
    tuple(
        getattr(_sre, name)
        for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
        if hasattr(_sre, name)
    )
    if _sre is not None
    else ()
)


def _required(items, rare) -> set[str] | None:
    best: set[str] | None = None
    run: list[str] = []

    def flush():
        nonlocal best, run
        if len(run) >= MIN_LITERAL or any(map(rare, run)):
            best = _better(best, {"".join(run)})
        run = []

    for op, av in items:
        if op is _sre.LITERAL:
            run.append(fold_case(chr(av)))
            continue
        flush()
        requirement = None
        if op is _sre.SUBPATTERN:
            requirement = _required(list(av[-1]), rare)
        elif op is _sre.BRANCH:
            branches = [_required(list(branch), rare) for branch in av[1]]
            if all(branches):
                requirement = set().union(*branches)
        elif op in _REPEATS and av[0] >= 1:
            requirement = _required(list(av[2]), rare)
        elif op is _sre.IN and (chars := _set_chars(av)):
            # "(?:£|\$|€)", which the parser writes as a set: one of rare characters.
            if all(map(rare, chars)):
                requirement = chars
        if requirement:
            best = _better(best, requirement)
    flush()
    return best


def starts_at_line_start(pattern: str, flags: int = 0) -> bool:
    """Whether every match of ``pattern`` starts with "^" (every branch does): such a
    pattern need only be tried at line starts. False when unsure."""
    parsed = _parsed(pattern, flags)
    return parsed is not None and _anchored(parsed)


def _anchored(items) -> bool:
    if not items:
        return False
    op, av = items[0]
    if op is _sre.AT:
        return av is _sre.AT_BEGINNING
    if op is _sre.SUBPATTERN:
        return _anchored(list(av[-1]))
    if op is _sre.BRANCH:
        return all(_anchored(list(branch)) for branch in av[1])
    return False


def _set_chars(items) -> set[str] | None:
    """The characters a set ("[0-9£]", "\\d") matches, or None for one that is negated or
    holds a class other than digits."""
    chars: set[str] = set()
    for kind, value in items:
        if kind is _sre.LITERAL:
            chars.add(fold_case(chr(value)))
        elif kind is _sre.RANGE and value[1] - value[0] < 64:
            chars.update(fold_case(chr(code)) for code in range(value[0], value[1] + 1))
        elif kind is _sre.CATEGORY and value is _sre.CATEGORY_DIGIT:
            chars |= _decimal_digits()
        else:
            return None
    return chars


@lru_cache(maxsize=1)
def _decimal_digits() -> frozenset[str]:
    """Every character ``\\d`` matches: the decimal digits of every script."""
    return frozenset(char for char in map(chr, range(0x110000)) if char.isdecimal())


def _is_rare(char: str) -> bool:
    return _is_symbol(char) and char not in COMMON_PUNCTUATION


def _is_symbol(char: str) -> bool:
    return not (char.isalnum() or char.isspace())


def required_all(pattern: str, flags: int = 0) -> tuple[frozenset[str], ...]:
    """Sets of lower-case ASCII strings such that every match of ``pattern`` contains a
    string of each set: ``"(\\d+|once) times? a day"`` gives ``{"once", "time"}`` and
    ``{"day"}``. Empty when nothing is required (or the parser is unavailable). Test a
    text with :func:`may_match_all` on its :func:`~.fold.fold_case`."""
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
        elif op in _REPEATS and av[0] >= 1:
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
    for needed in requirements:  # loops, not generators: this runs for every cue tried
        for literal in needed:
            if literal in folded:
                break
        else:
            return False
    return True


def _better(current: set[str] | None, candidate: set[str]) -> set[str]:
    """The more selective requirement: one of rare characters ("@"), else the one whose
    shortest string is longer."""
    if current is None:
        return candidate
    return candidate if _selectivity(candidate) > _selectivity(current) else current


def _selectivity(requirement: set[str]) -> tuple[bool, int]:
    return (
        all(any(map(_is_rare, literal)) for literal in requirement),
        min(map(len, requirement)),
    )


def may_match(literals: frozenset[str] | None, lowered: str) -> bool:
    return literals is None or any(literal in lowered for literal in literals)


def lower_pattern(pattern: str) -> str:
    """Lower-case a pattern's literals, never its escapes (``\\S`` must stay ``\\S``),
    group names or inline flags (``(?P<Name>``, ``(?L)``)."""
    out, escaped, position = [], False, 0
    while position < len(pattern):
        char = pattern[position]
        if not escaped and char == "(" and (syntax := _GROUP_SYNTAX.match(pattern, position)):
            out.append(syntax.group())
            position = syntax.end()
            continue
        out.append(char if escaped else fold_case(char))
        escaped = char == "\\" and not escaped
        position += 1
    return "".join(out)


_GROUP_SYNTAX = re.compile(r"\(\?(?:P?<\w+>|P=\w+\)|[aiLmsux-]+[:)])")


#: What a pattern must not hold to be run lower-cased: a case-sensitive part (inside a
#: negative look-around it would reject too much), a group named by its number, a
#: character by its name, or a letter with a case by its code ("\\x41", not "\\u2013").
_CASE_BOUND = re.compile(r"\(\?-i|\\[N0-9]")
_CODE_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))")


def _case_bound(pattern: str) -> bool:
    if _CASE_BOUND.search(pattern):
        return True
    for match in _CODE_ESCAPE.finditer(pattern):
        char = chr(int(next(filter(None, match.groups())), 16))
        if char.lower() != char or char.upper() != char:
            return True
    return False


@lru_cache(maxsize=8192)
def caseless(pattern: re.Pattern) -> re.Pattern | None:
    """``pattern``, compiled with IGNORECASE, as a pattern without it that finds the same
    matches in the :func:`~.fold.fold_case` of a text; None when it cannot be.

    Python's ``re`` tries each alternative of a caseless pattern in full at every
    position; on lower-case text without IGNORECASE it tests an alternative's first
    letter first, and skips ahead to a literal prefix: several times faster."""
    if not pattern.flags & re.IGNORECASE or _case_bound(pattern.pattern):
        return None
    try:
        return re.compile(lower_pattern(pattern.pattern), pattern.flags & ~re.IGNORECASE)
    except re.error:  # pragma: no cover - a lower-cased escape it did not foresee
        return None


def search_caseless(
    pattern: re.Pattern, text: str, folded: str, position: int = 0
) -> re.Match | None:
    """``pattern.search(text, position)``, found first in ``folded`` (the
    :func:`~.fold.fold_case` of ``text``) by :func:`caseless`; the match returned is
    ``pattern``'s own, in ``text``."""
    return search_folded(pattern, caseless(pattern), text, folded, position)


def search_folded(
    pattern: re.Pattern, fast: re.Pattern | None, text: str, folded: str, position: int = 0
) -> re.Match | None:
    """:func:`search_caseless` with ``fast``, the :func:`caseless` of ``pattern``, looked
    up once: a compiled pattern's hash (the cache's key) reads its whole code each time,
    tens of microseconds for a pattern of many alternatives."""
    if fast is None:
        return pattern.search(text, position)
    found = fast.search(folded, position)
    if found is None:
        return None
    return pattern.match(text, found.start()) or pattern.search(text, found.start())


def finditer_caseless(pattern: re.Pattern, text: str, folded: str | None = None):
    """``pattern.finditer(text)``, each match found first by :func:`search_caseless`."""
    if caseless(pattern) is None:
        yield from pattern.finditer(text)
        return
    folded = fold_case(text) if folded is None else folded
    position = 0
    while (match := search_caseless(pattern, text, folded, position)) is not None:
        if match.end() == match.start():
            # An empty match: ``finditer`` has its own rules for what follows one.
            yield from pattern.finditer(text, match.start())
            return
        yield match
        position = match.end()


def split_alternatives(pattern: str) -> list[str] | None:
    """The top-level alternatives of ``pattern``'s source ("a(b|c)|d" -> ["a(b|c)", "d"]),
    or None when it has none or may be read wrongly (verbose mode, where "#" opens a
    comment; a piece that does not compile alone)."""
    parts, start, depth, position = [], 0, 0, 0
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            position += 2
            continue
        if char == "[":
            # A set: "]" right after "[" or "[^" is a member, and "|" or "(" in it are too.
            position += 2 if pattern.startswith("^", position + 1) else 1
            position += 1 if pattern.startswith("]", position) else 0
            while position < len(pattern) and pattern[position] != "]":
                position += 2 if pattern[position] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:position])
            start = position + 1
        position += 1
    parts.append(pattern[start:])
    if len(parts) < 2 or re.search(r"\(\?[aiLmsu-]*x", pattern):
        return None
    return parts


class Alternatives:
    """``pattern.search`` for a pattern of many top-level alternatives, each tried alone
    and only on a text that holds the words its own matches need (:func:`required_all`).

    A pattern's requirements are those all its alternatives share: one alternative
    needing a common word ("do") lets every text through to all of them, and ``re`` tries
    each at every position. Alone, an alternative whose words are missing is not tried.
    The match is the one of the alternative starting leftmost (the first in order on a
    tie), exactly what the whole pattern finds: it is found again there with the whole
    pattern, so its groups are the pattern's own."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.needs = required_all(pattern.pattern, pattern.flags)
        fast = self.fast = caseless(pattern)
        self.pieces: list[tuple[tuple[frozenset[str], ...], re.Pattern]] | None = None
        sources = split_alternatives(pattern.pattern)
        if sources is None or pattern.flags & re.VERBOSE:
            return
        flags = (fast or pattern).flags
        try:
            self.pieces = [
                (
                    required_all(source, pattern.flags),
                    re.compile(lower_pattern(source) if fast is not None else source, flags),
                )
                for source in sources
            ]
        except re.error:  # a piece that only compiles with the others (a backreference)
            self.pieces = None

    def search(self, text: str, folded: str) -> re.Match | None:
        """``pattern.search(text)``; ``folded`` is the :func:`~.fold.fold_case` of
        ``text``."""
        if not may_match_all(self.needs, folded):
            return None
        if self.pieces is None:
            return search_folded(self.pattern, self.fast, text, folded)
        target = text if self.fast is None else folded
        first = None
        for needs, piece in self.pieces:
            if not may_match_all(needs, folded):
                continue
            found = piece.search(target)
            if found is not None and (first is None or found.start() < first):
                first = found.start()
                if first == 0:
                    break
        if first is None:
            return None
        return search_folded(self.pattern, self.fast, text, folded, first)


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
    patterns one of whose required literals occurs (patterns without literals always
    do). The scan is an Aho-Corasick automaton: one pass over the text, in C, finds every
    occurrence of every literal, however many there are."""

    def __init__(self, literal_sets):
        owners: dict[str, set[int]] = {}
        always = []
        for index, literals in enumerate(literal_sets):
            if literals is None:
                always.append(index)
                continue
            for literal in literals:
                owners.setdefault(literal, set()).add(index)
        self._always = frozenset(always)
        self._automaton = None
        # The patterns each literal is required by, by the literal's number.
        self._owners: list[frozenset[int]] = []
        if owners:
            # The automaton gives a literal's number: a set of small ints is cheaper to
            # build than one of (literal, patterns) pairs.
            automaton = ahocorasick.Automaton()
            for literal, indexes in owners.items():
                automaton.add_word(literal, len(self._owners))
                self._owners.append(frozenset(indexes))
            automaton.make_automaton()
            self._automaton = automaton

    def _found(self, lowered: str) -> set[int]:
        """The number of every literal that occurs, once each: the scan and the set are
        C, however many times a literal occurs."""
        if self._automaton is None:
            return set()
        return set(map(itemgetter(1), self._automaton.iter(lowered)))

    def candidates_by_part(self, parts: list[str]) -> dict[int, set[int]]:
        """For many lower-cased texts: pattern index -> the texts (by position) holding
        one of its literals (every text for a pattern without any)."""
        found: dict[int, set[int]] = {index: set(range(len(parts))) for index in self._always}
        if self._automaton is None:
            return found
        parts_of: dict[int, set[int]] = {}  # literal -> the parts holding it
        for part, lowered in enumerate(parts):
            for hit in self._found(lowered):
                if hit in parts_of:
                    parts_of[hit].add(part)
                else:
                    parts_of[hit] = {part}
        for literal, holding in parts_of.items():
            for index in self._owners[literal]:
                if index in found:
                    found[index] |= holding
                else:
                    found[index] = set(holding)
        return found

    def exact_candidates(self, lowered: str) -> set[int]:
        """The indexes of the patterns one of whose literals occurs in ``lowered`` (and
        of those without literals): exactly the patterns :func:`may_match` lets through."""
        found = set(self._always)
        owners = self._owners
        for literal in self._found(lowered):
            found |= owners[literal]
        return found

    def candidates(self, lowered: str) -> list[int]:
        return sorted(self.exact_candidates(lowered))


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
