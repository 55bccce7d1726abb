"""Letters a scanner's text recognition confuses, put back.

Text read off a scanned page mistakes letters for look-alikes: "rn" for "m"
("inforrnation", "trernor"), the digit one for "l" or "i" ("gratefu1", "Hosp1tal"), zero
for "o" ("TRANSMISSI0N", "CARE 0F YOUR BACK") and a small "l" for a capital "I"
("MEDlCAL", "lssued"). :func:`ocr_fixes` finds the words of a text that an English
lexicon does not know but knows once such a look-alike is put back, and :func:`fix_ocr`
rewrites them. A word the lexicon knows is
never touched ("modern", "L1", "B12"), nor one that no swap makes a word ("scrumrnaging"
stays when the lexicon lacks "scrummaging").

The lexicon is lemminflect's (the optional ``nlp`` extra); without it nothing is changed.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import product

from .names import lemma_lookup

#: A word with a look-alike in it: letters with "rn", a 0 or 1 among them, or a small
#: "l" among capitals.
_SUSPECT = re.compile(
    r"(?<![\w-])(?:(?=[\w']*?(?:rn|[^\W\d_][01]|[01][^\W\d_]|[A-Z]l[A-Z])|l[b-df-hj-np-tv-xz])"
    r"[^\W_][\w']{2,30}+|[A-Z]0|0[A-Z])(?![\w-])"
)
#: A number with its unit or ending: "10am", "10th", "2nd", "400mg", not a misread word.
_NUMBER = re.compile(
    r"\d{2,}|\d++(?:am|pm|st|nd|rd|th|mg|mcg|ml|kg|cm|mm|km|hrs?|mins?|s|x)$", re.IGNORECASE
)
#: What each look-alike may stand for.
_SWAPS = {"rn": ("rn", "m"), "1": ("1", "l", "i"), "0": ("0", "o"), "l": ("l", "I")}
_SPOT = re.compile(r"rn|[01]|(?<=[A-Z])l(?=[A-Z])|^l(?=[b-df-hj-np-tv-xz])")
#: A word of two capitals with a zero for one of the letters: "0F", "T0".
_CAPITAL_PAIR = re.compile(r"[A-Z]0|0[A-Z]")
#: Most look-alikes in one word that are tried (each adds choices).
MAX_SPOTS = 3


@lru_cache(maxsize=65536)
def _known(word: str) -> bool:
    if word.lower() in _SHORT_WORDS:
        return True
    lookup = lemma_lookup()
    return bool(lookup and lookup(word.lower()))


#: Two-letter words with an "o" the lexicon, a list of content words, does not hold.
_SHORT_WORDS = frozenset("of on to no or so do go".split())


@lru_cache(maxsize=65536)
def repaired(word: str) -> str:
    """``word`` with its look-alikes put back, when that makes a word the lexicon knows
    and ``word`` is none; else ``word``."""
    letters = sum(char.isalpha() for char in word)
    pair = _CAPITAL_PAIR.fullmatch(word) is not None  # "CARE 0F YOUR BACK"
    if _known(word) or (letters < 2 and not pair) or _NUMBER.match(word):
        return word
    if letters < 3 and word.upper() == word and not pair:
        return word  # "1RE", "C5A": a code in capitals
    spots = list(_SPOT.finditer(word))
    if word[:1].isupper() and not _in_capitals(word):
        # "Horner" is a name, not "Homer": a capitalised word keeps its "rn".
        spots = [spot for spot in spots if spot.group(0) != "rn"]
    if not spots or len(spots) > MAX_SPOTS:
        return word
    choices = [_SWAPS[spot.group(0)] for spot in spots]
    for picked in product(*choices):
        if picked == tuple(spot.group(0) for spot in spots):
            continue
        parts, at = [], 0
        for spot, swap in zip(spots, picked, strict=True):
            parts.extend((word[at : spot.start()], swap))
            at = spot.end()
        candidate = "".join(parts) + word[at:]
        if any(char.isdigit() for char in candidate):
            continue
        if _in_capitals(word) or pair:
            candidate = candidate.upper()  # "MEDlCAL" -> "MEDICAL", "0F" -> "OF"
        if _known(candidate):
            return candidate
    return word


def _in_capitals(word: str) -> bool:
    """Whether ``word`` is in capitals but for the small "l"s that stand for "I"."""
    capitals = [char for char in word if char.isalpha() and char != "l"]
    return len(capitals) >= 2 and all(char.isupper() for char in capitals)


#: Fewest words to put back for a text to be read as scanned: one could be a name.
MIN_FIXES = 2


def ocr_fixes(texts) -> dict[str, str]:
    """The words of ``texts`` to put back, as ``{wrong: right}``; none unless there are
    :data:`MIN_FIXES` or more."""
    if lemma_lookup() is None:
        return {}
    fixes: dict[str, str] = {}
    for text in texts:
        if not text:
            continue
        for match in _SUSPECT.finditer(text):
            word = match.group(0)
            if word not in fixes and (right := repaired(word)) != word:
                fixes[word] = right
    # A digit or a small "l" among letters is what scanning leaves; "rn" alone could be
    # a rare word the lexicon lacks.
    scanned = any(
        any(char.isdigit() for char in word) or word.lower() == right.lower()
        for word, right in fixes.items()
    )
    return fixes if len(fixes) >= MIN_FIXES and scanned else {}


def fix_ocr(text: str, fixes: dict[str, str], tally: Counter | None = None) -> str:
    """``text`` with the words of ``fixes`` put right."""
    if not text or not fixes:
        return text

    def swap(match: re.Match) -> str:
        word = match.group(0)
        right = fixes.get(word)
        if right is None:
            return word
        if tally is not None:
            tally[(word, right)] += 1
        return right

    return _SUSPECT.sub(swap, text)
