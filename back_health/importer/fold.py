"""Case folding for matching text, in two strengths.

Python's ``re.IGNORECASE`` treats more letters as one than ``str.lower()`` does: the
long s "ſ" is an "s", the dotless "ı" and the dotted "İ" are an "i", "ς" is "σ". And
``str.lower()`` is not even length-preserving ("İ" becomes "i" and a combining dot),
so an offset found in a lower-cased copy can point at the wrong place of the original.

- :func:`fold_case` keeps every character where it was (one character in, one out):
  a copy to search with substring tests and lower-case patterns, whose offsets index
  the original.
- :func:`fold_name` is for comparing words and names, never for offsets: it also
  expands ligatures and "ß" ("ﬁ" -> "fi", "ß" -> "ss") and unifies compatibility
  forms (full-width letters), so a text and a vocabulary name folded alike compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache


def _regex_equivalents() -> dict[int, tuple[int, ...]]:
    """Letters ``re`` matches as one under IGNORECASE beyond what ``lower()`` unifies."""
    try:  # CPython's private table (3.11+); the fallback covers the Latin letters
        from re._casefix import _EXTRA_CASES

        return dict(_EXTRA_CASES)
    except (ImportError, AttributeError):  # pragma: no cover
        return {0x69: (0x131,), 0x73: (0x17F,)}


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {0x130: "i"}  # "İ".lower() is two characters
    for code, others in _regex_equivalents().items():
        for char in map(chr, (code, *others)):
            # The letter both fold to is the lower case of its upper case ("ſ" -> "S"
            # -> "s"); a letter whose upper case is more than one letter stays as it is.
            common = char.upper().lower()
            if len(common) == 1 and common != char:
                table[ord(char)] = common
    return table


_TABLE = _fold_table()


@cache
def _odd_letters() -> re.Pattern:
    """The letters the table folds, and those whose lower case holds one ("Σ" lowers to
    a final "ς" at the end of a word): a text without them folds by ``lower()`` alone."""
    folded = set(map(chr, _TABLE))
    odd = folded | {
        char for char in map(chr, range(0x10000)) if not folded.isdisjoint(char.lower())
    }
    odd.add("\u03a3")  # "Σ" lowers to "ς" at the end of a word, to "σ" elsewhere
    return re.compile("[" + "".join(sorted(re.escape(char) for char in odd)) + "]")


def fold_case(text: str) -> str:
    """``text`` lower-cased the way ``re.IGNORECASE`` compares letters, one character
    for one, so positions in the result are positions in ``text``."""
    if text.isascii() or not _odd_letters().search(text):
        return text.lower()
    return text.translate(_TABLE).lower().translate(_TABLE)


def fold_name(text: str) -> str:
    """``text`` folded for comparing names: :func:`fold_case`, then full case folding
    ("ß" -> "ss", "ﬁ" -> "fi") and compatibility forms unified; "’" is "'". The result
    may be longer or shorter than ``text``: compare it, never index with it."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKC", text.replace("\u2019", "'"))
    return unicodedata.normalize("NFKC", fold_case(text).casefold()).translate(_TABLE)
