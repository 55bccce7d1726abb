"""The importer's one text toolkit: sentences, tags, spaces, case and singulars.

Every stage that cuts text into sentences or compares words uses these, so the
parsers, the classifier and the writer agree on where a sentence ends and on when
two words are the same word.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache

from . import sentences as _sentences_module
from .memo import remembered_call

# "<" never occurs inside a tag we keep; excluding it keeps runs of "<" linear.
_TAG = re.compile(r"<[^<>]++>")

#: A number before a heading's words: "4. ", "2) ", "Step 3 ", "Section 3: ", an outline's
#: "8 " and "4.1 ".
HEADING_NUMBER = re.compile(
    r"^\s*+(?:(?:step|part|section|chapter)\s++)?\d{1,3}(?:\.\d{1,3})*+[.):]?\s++", re.I
)


def without_heading_number(heading: str) -> str:
    """ "4. Your stories" -> "Your stories": a heading's number is no part of what it says."""
    return HEADING_NUMBER.sub("", heading, count=1)


#: Words title case leaves in lower case ("Back Pain at Work").
TITLE_CASE_MINOR_WORDS = frozenset(
    "a an the and or but nor of in on at to for by with from as into vs".split()
)


def without_article(text: str) -> str:
    """``text`` without the article opening it: "the knee to chest stretch" -> "knee to
    chest stretch"."""
    return _LEADING_ARTICLE.sub("", text, count=1)


#: A line or sentence opening with a label in capitals or figures and its colon: "999:
#: ...", "A&E SAME DAY: ...", "GP/PHYSIO: ...", "MEDICINES: ...".
CAPITALS_LABEL_START = re.compile(r"\W*+[A-Z0-9][A-Z0-9 &/()'-]{1,30}+:[ \t]++(?=\S)")
_LEADING_ARTICLE = re.compile(r"^\s*+(?:an?|the)\s++", re.IGNORECASE)


def squash_spaces(text: str) -> str:
    """Runs of whitespace as one space, trimmed."""
    # str.split() and the regex's \s agree on what whitespace is; split is faster.
    return " ".join(text.split())


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, whitespace normalised; abbreviations such as "e.g."
    do not end one (the same boundaries the parsers use)."""
    return list(_split_cached(text))


@lru_cache(maxsize=4096)
def _split_cached(text: str) -> tuple[str, ...]:
    return tuple(_sentences_module.split_sentences(squash_spaces(text)))


def strip_tags(markup: str) -> str:
    """The plain text of an HTML fragment, entities decoded, spaces squashed."""
    return squash_spaces(html.unescape(_TAG.sub("", markup)))


def escape(text: str) -> str:
    """Text as HTML element content."""
    return html.escape(text, quote=False)


#: An all-capital word this long is a word set in capitals, not an acronym
#: ("HYPERKYPHOSIS"; "NSAIDS" and "OPLL" are shorter).
SHOUTED_WORD_LETTERS = 8


def _shouted(words: list[str]) -> bool:
    return sum(len(w) >= 4 and w.isupper() for w in words) >= 2 or any(
        len(w) >= SHOUTED_WORD_LETTERS and w.isupper() for w in words
    )


def unshout(text: str, acronyms: Iterable[str] = ()) -> str:
    """A line set in capitals ("WHEN TO SEE YOUR GP") in sentence case ("When to see your
    GP"), keeping ``acronyms``; any other text as it is."""
    words = text.split()
    if not words or text.upper() != text or not _shouted(words):
        return text
    kept = {acronym.upper(): acronym for acronym in acronyms}
    out = []
    # "1. WELCOME TO THE CLINIC" -> "1. Welcome to the clinic": the first word with a
    # letter in it opens the sentence, after any number.
    first = next((i for i, word in enumerate(words) if any(c.isalpha() for c in word)), 0)
    for index, word in enumerate(words):
        core = word.strip(_EDGE_PUNCTUATION)
        if core.upper() in kept:
            out.append(word.replace(core, kept[core.upper()]))
        elif index == first:
            out.append(word[:1].upper() + word[1:].lower())
        else:
            out.append(word.lower())
    return " ".join(out)


_EDGE_PUNCTUATION = ".,;:!?()[]\"'‘’“”"


def sentence_case(name: str) -> str:
    """ "Short Leg Syndrome" -> "Short leg syndrome"; acronyms (NSAIDs, TENS) and the
    capitals of a name written in running text ("Achilles") are kept. Worked out once per
    name in an article scope."""
    return remembered_call(_sentence_case, name)


def _sentence_case(name: str) -> str:
    words = name.split()
    if not words:
        return name
    if _shouted(words) and name.upper() == name:
        return unshout(name)  # "BACK PAIN AT WORK": a line set in capitals, no acronyms
    # "Anterior Pelvic Tilt & Low Back Ache": a sign between the words is no word.
    rest = [
        w
        for w in words[1:]
        if w.lower() not in TITLE_CASE_MINOR_WORDS and any(c.isalpha() for c in w)
    ]
    capitalised = [w for w in rest if w[:1].isupper()]
    title_cased = len(capitalised) == len(rest) and (
        len(capitalised) >= 2 or len(rest) == len(words) - 1 > 0
    )
    out = []
    for index, word in enumerate(words):
        if index == 0:
            word = word[:1].upper() + word[1:]
        elif title_cased and not is_acronym(word) and not _LETTER_NAME.fullmatch(word):
            word = word.lower()  # not "D" in "Vitamin D", "B12", "T4 syndrome"
        out.append(word)
    return " ".join(out)


#: A capital letter standing for a name, with a number or not: "D", "B12", "T4".
_LETTER_NAME = re.compile(r"[A-Z]\d{0,2}")


def sentence_start(text: str) -> str:
    """A text cut from after a label ("Painkillers: paracetamol can ease ...") or a list
    item written in lower case ("a road traffic accident, especially ...") as a sentence
    of its own, its first letter a capital: the page then reads as prose and the text
    splits into sentences where it should ("... for you. If other painkillers ...").
    A first word with capitals inside ("iPhone", "eGFR") is kept as written."""
    stripped = text.lstrip()
    first = stripped.split(maxsplit=1)[0] if stripped else ""
    if not first[:1].islower() or any(c.isupper() for c in first):
        return text
    at = len(text) - len(stripped)
    return text[:at] + text[at].upper() + text[at + 1 :]


def is_acronym(word: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", word)
    return sum(1 for c in letters if c.isupper()) >= 2


def singular(word: str, mass_nouns: frozenset[str] | tuple[str, ...] = ()) -> str:
    """A simple English singular, good enough for comparing names; ``mass_nouns`` are
    nouns whose "-es" plural drops both letters ("stresses" -> "stress")."""
    lower = word.lower()
    # Singular however they end: biceps, triceps, quadriceps ("-ceps", head); psoas,
    # iliopsoas.
    if len(lower) <= 3 or lower.endswith(("ss", "us", "is", "sis", "itis", "ics", "ceps", "psoas")):
        return word
    if lower.endswith("ies"):
        return word[:-3] + "y"
    if lower.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if mass_nouns and lower.endswith("es") and lower[:-2] in mass_nouns:
        return word[:-2]
    if lower.endswith("s"):
        return word[:-1]
    return word
