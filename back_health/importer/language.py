"""Detect the language of an article and of its passages, without a dependency.

The script decides first (Cyrillic against Latin letters); within a script the
language whose common function words ("the", "und", "que") make up most of the
words wins. Stopword lists are data (``data/stopwords.json``): add a language there.

Each passage is profiled once (:func:`profile`); the article's language comes from
the sum of its passages' profiles, so no text is scanned twice.
"""

from __future__ import annotations

import json
import re
import string
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

#: File with the stopword lists, one list per ISO 639-1 code.
STOPWORDS_FILE = Path(__file__).with_name("data") / "stopwords.json"

#: Languages written in Cyrillic; every other language in the data is Latin script.
CYRILLIC_LANGUAGES = ("ru", "uk")

#: Letters that only one Cyrillic language uses, as extra evidence.
DISTINCTIVE_LETTERS = {"uk": "іїєґ", "ru": "ыэъё"}

#: Fewest words a Latin-script passage needs before it can be called another language.
MIN_WORDS_SAME_SCRIPT = 5

#: Fewest words a passage in another script needs.
MIN_WORDS_OTHER_SCRIPT = 2

#: Share of a passage's letters that must be in the other script.
OTHER_SCRIPT_SHARE = 0.6

#: Share of a passage's words that must be the other language's stopwords.
MIN_STOPWORD_SHARE = 0.2

_PUNCTUATION_TO_SPACE = str.maketrans(dict.fromkeys("\"'’‘“”«»()[]{}.,;:!?…–—/\\*•·", " "))
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN_ACCENTED = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_ASCII_LETTERS = string.ascii_letters.encode()


@cache
def stopwords() -> dict[str, frozenset[str]]:
    """The stopword lists, loaded once."""
    data = json.loads(STOPWORDS_FILE.read_text(encoding="utf-8"))
    return {code: frozenset(words) for code, words in data.items() if not code.startswith("_")}


@cache
def _languages_of_word() -> dict[str, tuple[str, ...]]:
    """The stopword lists inverted: word -> languages it is a stopword of."""
    index: dict[str, list[str]] = {}
    for code, words in stopwords().items():
        for word in words:
            index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}


@dataclass
class Profile:
    """What language detection needs to know about a passage."""

    words: int = 0
    cyrillic: int = 0
    latin: int = 0
    hits: Counter = field(default_factory=Counter)

    def __add__(self, other: Profile) -> Profile:
        return Profile(
            self.words + other.words,
            self.cyrillic + other.cyrillic,
            self.latin + other.latin,
            self.hits + other.hits,
        )

    @property
    def script(self) -> str:
        if not self.cyrillic and not self.latin:
            return ""
        return "cyrillic" if self.cyrillic > self.latin else "latin"


def profile(text: str) -> Profile:
    """Count words, letters per script and stopword hits per language (C-speed parts)."""
    words = text.lower().translate(_PUNCTUATION_TO_SPACE).split()
    index = _languages_of_word()
    hits = Counter(code for word in words if word in index for code in index[word])
    cyrillic = len(_CYRILLIC.findall(text)) if _CYRILLIC.search(text) else 0
    if cyrillic:
        for code, letters in DISTINCTIVE_LETTERS.items():
            hits[code] += sum(text.count(letter) for letter in letters)
    encoded = text.encode("utf-8")
    latin = len(encoded) - len(encoded.translate(None, _ASCII_LETTERS))
    if not text.isascii():
        latin += len(_LATIN_ACCENTED.findall(text))
    return Profile(len(words), cyrillic, latin, hits)


@cache
def languages_in(script: str) -> tuple[str, ...]:
    """The languages of the data written in ``script``."""
    codes = list(stopwords())
    if script == "cyrillic":
        return tuple(code for code in CYRILLIC_LANGUAGES if code in codes)
    return tuple(code for code in codes if code not in CYRILLIC_LANGUAGES)


def language_of(found: Profile, default: str = "en") -> str:
    """The most likely language of a profiled text, ``default`` without evidence."""
    if not found.words or not found.script:
        return default
    candidates = languages_in(found.script)
    best = max(candidates, key=lambda code: found.hits[code])
    if found.hits[best] == 0:
        return candidates[0] if found.script == "cyrillic" else default
    return best


def detect_language(text: str, default: str = "en") -> str:
    """The most likely language of ``text``, or ``default`` when there is no evidence."""
    return language_of(profile(text), default)


def foreign_language(passage: str, main: str, found: Profile | None = None) -> str:
    """The language of ``passage`` when it is clearly not ``main``, else ``""``.

    Another script needs most of the letters (a quoted foreign word in an English
    sentence never qualifies); the same script needs enough words and a clear
    stopword majority for the other language.
    """
    found = found or profile(passage)
    letters = found.cyrillic + found.latin
    if not letters:
        return ""
    main_script = "cyrillic" if main in CYRILLIC_LANGUAGES else "latin"
    other_share = (found.latin if main_script == "cyrillic" else found.cyrillic) / letters
    if other_share >= OTHER_SCRIPT_SHARE:
        if found.words < MIN_WORDS_OTHER_SCRIPT:
            return ""
        fallback = "und" if main_script == "cyrillic" else CYRILLIC_LANGUAGES[0]
        return language_of(found, default=fallback)
    if other_share > 1 - OTHER_SCRIPT_SHARE or found.words < MIN_WORDS_SAME_SCRIPT:
        return ""
    others = [code for code in languages_in(main_script) if code != main]
    if not others:
        return ""
    best = max(others, key=lambda code: found.hits[code])
    hits = found.hits[best]
    if hits >= 2 and hits >= MIN_STOPWORD_SHARE * found.words and hits > 2 * found.hits[main]:
        return best
    return ""
