"""Identify the language of an article and of its passages.

The identifier is ``py3langid`` (a Naive Bayes model over byte n-grams for 97
languages, measured against ``lingua-language-detector`` and the stopword counts this
module used to rely on: ``bench/language_identifiers.py``). Asking it about every
sentence would cost a third of a millisecond each, so a cheap profile comes first:
the script of the letters (Cyrillic against Latin) and the share of the main
language's common function words ("the", "and", "of"). A sentence in the main
script that is clearly made of the main language's function words is never sent to
the model; only the doubtful ones are, and the model must be confident to call one
foreign.

Stopword lists (``data/stopwords.json``) feed the cheap profile; add a language there
to give its articles the same fast path.
"""

from __future__ import annotations

import json
import re
import string
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from pathlib import Path

from .memo import memory

try:  # a declared dependency; without it the stopword profile decides alone
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
except ImportError:  # pragma: no cover
    LanguageIdentifier = None

#: File with the stopword lists, one list per ISO 639-1 code.
STOPWORDS_FILE = Path(__file__).with_name("data") / "stopwords.json"

#: Languages written in Cyrillic; every other language in the data is Latin script.
CYRILLIC_LANGUAGES = ("ru", "uk")

#: Letters that only one Cyrillic language uses, as extra evidence.
DISTINCTIVE_LETTERS = {"uk": "іїєґ", "ru": "ыэъё"}

#: Fewest words a Latin-script passage needs before function words and the model's
#: ordinary confidence can call it another language (shorter ones need
#: :data:`SURE_CONFIDENCE`).
MIN_WORDS_SAME_SCRIPT = 5

#: Fewest words a passage in another script needs.
MIN_WORDS_OTHER_SCRIPT = 2

#: Fewest letters a passage in a script with no stopword list needs (Chinese writes a
#: word in one or two characters).
MIN_LETTERS_UNCASED_SCRIPT = 4

#: Share of a passage's letters that must be in the other script.
OTHER_SCRIPT_SHARE = 0.6

#: Share of a passage's words that must be the other language's stopwords.
MIN_STOPWORD_SHARE = 0.2

#: Fewest words a same-script passage needs to be called a language without a
#: stopword list (so no function word can confirm the model).
MIN_WORDS_UNLISTED = 10

#: Share of a passage's words that are the main language's stopwords above which the
#: passage is taken to be in the main language without asking the model.
MAIN_STOPWORD_SHARE = 0.2

#: Probability the model must give another language to call a same-script passage
#: foreign (English medical sentences with few function words must stay English).
MIN_CONFIDENCE = 0.9
#: The model's confidence that calls a short passage foreign when it holds at least as
#: many function words of the main language as of the other.
TIED_CONFIDENCE = 0.99

#: Probability of another language that calls a same-script passage foreign whatever
#: its length or function words. English medical terms the model reads as Latin or
#: French stay below it ("Spina bifida occulta" 0.997, "Café au lait spots" 0.9995);
#: short foreign sentences ("Vă mulțumim pentru răbdare.") reach 0.99999.
SURE_CONFIDENCE = 0.9999

#: Fewest words such a passage needs: a lone word is a name or a language link.
MIN_WORDS_SURE = 2

#: Share of the main language's function words above which a passage is plainly in it
#: and the model is not asked. Below it, a passage can still be foreign when the model
#: is sure: Irish "an" and "as" are English function words too.
PLAIN_MAIN_SHARE = 0.3

#: The model's labels that name no language (a URL, a code).
NOT_LANGUAGES = frozenset({"zxx", "und"})

#: Characters of an article the model reads to decide its main language (the model
#: costs about five microseconds a byte, so it reads a sample, never the article).
ARTICLE_SAMPLE = 3000

#: Share of an article's text in a language the rules cover that makes the article
#: readable in it when its main language is one they do not (a leaflet in Welsh and
#: English is read in English, its Welsh flagged).
BILINGUAL_SHARE = 0.3

#: Characters of a passage the model reads.
PASSAGE_SAMPLE = 400

#: Words from which the model's answer about a whole article is taken whatever its
#: confidence (below, an unsure answer gives way to the stopword vote).
MIN_ARTICLE_WORDS = 40

_PUNCTUATION_TO_SPACE = str.maketrans(dict.fromkeys("\"'’‘“”«»()[]{}.,;:!?…–—/\\*•·", " "))
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
#: Letters of the scripts with no stopword list: Greek, Armenian, Hebrew, Arabic, the
#: Indic scripts, Thai, Georgian, Hangul, Japanese kana and Chinese characters.
_OTHER_LETTERS = re.compile(
    r"[\u0370-\u03ff\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0900-\u0dff"
    r"\u0e00-\u0e7f\u10a0-\u10ff\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    r"\uac00-\ud7af]"
)
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
    #: Letters of scripts the stopword lists do not cover (Chinese, Arabic, Greek ...).
    other: int = 0

    def __add__(self, other: Profile) -> Profile:
        return Profile(
            self.words + other.words,
            self.cyrillic + other.cyrillic,
            self.latin + other.latin,
            self.hits + other.hits,
            self.other + other.other,
        )

    @property
    def script(self) -> str:
        if not self.cyrillic and not self.latin and not self.other:
            return ""
        if self.other > self.cyrillic and self.other > self.latin:
            return "other"
        return "cyrillic" if self.cyrillic > self.latin else "latin"


def profile(text: str) -> Profile:
    """Count words, letters per script and stopword hits per language (C-speed parts)."""
    words = text.lower().translate(_PUNCTUATION_TO_SPACE).split()
    index = _languages_of_word()
    hits = Counter(chain.from_iterable(filter(None, map(index.get, words))))
    cyrillic = len(_CYRILLIC.findall(text)) if _CYRILLIC.search(text) else 0
    if cyrillic:
        for code, letters in DISTINCTIVE_LETTERS.items():
            hits[code] += sum(text.count(letter) for letter in letters)
    encoded = text.encode("utf-8")
    latin = len(encoded) - len(encoded.translate(None, _ASCII_LETTERS))
    other = 0
    if not text.isascii():
        latin += len(_LATIN_ACCENTED.findall(text))
        other = len(_OTHER_LETTERS.findall(text))
    return Profile(len(words), cyrillic, latin, hits, other)


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


@cache
def identifier():
    """The py3langid model, loaded once (about a second), or None when not installed."""
    if LanguageIdentifier is None:  # pragma: no cover
        return None
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """``(ISO 639-1 code, probability)`` of ``text`` by the model; ``("", 0.0)`` without it."""
    model = identifier()
    if model is None or not text.strip():  # pragma: no cover - dependency missing
        return "", 0.0
    ranked = memory(_BEST_RANKED)
    if ranked is not None and text in ranked and model.min_confidence is None:
        # The model's best language, as :func:`identify_against` ranked it for this very
        # text: what ``classify`` returns (without a minimum confidence), read once.
        return ranked[text]
    code, probability = model.classify(text)
    return code, float(probability)


def rank_languages(text: str) -> list[tuple[str, float]]:
    """Every language the model knows with its probability for ``text``, best first;
    empty without the model."""
    model = identifier()
    if model is None or not text.strip():  # pragma: no cover - dependency missing
        return []
    return [(code, float(probability)) for code, probability in model.rank(text)]


def identify_against(text: str, main: str) -> tuple[str, float]:
    """The model's best language for ``text`` and the probability that it is NOT ``main``.

    Related languages share the probability of a short sentence (Spanish, Galician,
    Portuguese), so "not the main language" is the confident question to ask.
    """
    model = identifier()
    if model is None or not text.strip():  # pragma: no cover - dependency missing
        return "", 0.0
    ranked = model.rank(text)
    best = memory(_BEST_RANKED)
    if best is not None:
        best[text] = (ranked[0][0], float(ranked[0][1]))
    main_probability = next((float(p) for code, p in ranked if code == main), 0.0)
    return ranked[0][0], 1.0 - main_probability


#: Where an article scope keeps the best language the model ranked for each text: the
#: cleaning step asks :func:`identify_against` and then :func:`identify` of one passage.
_BEST_RANKED = "language: best ranked"


def detect_language(text: str, default: str = "en", found: Profile | None = None) -> str:
    """The main language of ``text`` (an article), or ``default`` without evidence.

    Reads at most :data:`ARTICLE_SAMPLE` characters, so the cost does not grow with
    the article.
    """
    found = found or profile(text[:ARTICLE_SAMPLE])
    if not found.script:
        return default
    if found.script == "other":
        # Written in a script no rule set covers: the model names it, or "und".
        return identify(text[:ARTICLE_SAMPLE])[0] or "und"
    if not found.words:
        return default
    # Function words counted over every passage weigh each passage by its length; the
    # model, reading a mixed sample, can favour a long foreign paragraph. So the model
    # decides only where the counts cannot: a language without a stopword list.
    voted = language_of(found, default="")
    if voted and found.hits[voted] >= MAIN_STOPWORD_SHARE * found.words:
        return voted  # function words settle it: no need to ask the model
    code, probability = identify(text[:ARTICLE_SAMPLE])
    if code and code not in stopwords() and code != voted:
        if probability >= MIN_CONFIDENCE or found.words >= MIN_ARTICLE_WORDS:
            return code
    return voted or code or default


def plainly_in(language: str, found: Profile) -> bool:
    """Whether a passage so profiled plainly reads as ``language``: two of its function
    words or more, making up a fair share of the passage's words ("It could be
    osteomalacia")."""
    hits = found.hits[language]
    return hits >= 2 and hits >= PLAIN_MAIN_SHARE * found.words


def _own_function_words(passage: str, code: str, main: str) -> tuple[int, int]:
    """How many of ``passage``'s words are function words of ``code`` and not of
    ``main``, and how many of ``main`` and not of ``code``."""
    index = _languages_of_word()
    own = main_own = 0
    for word in passage.lower().translate(_PUNCTUATION_TO_SPACE).split():
        languages = index.get(word) or ()
        if code in languages and main not in languages:
            own += 1
        elif main in languages and code not in languages:
            main_own += 1
    return own, main_own


def foreign_language(passage: str, main: str, found: Profile | None = None) -> str:
    """The language of ``passage`` when it is clearly not ``main``, else ``""``.

    Another script needs most of the letters (a quoted foreign word in an English
    sentence never qualifies); the same script needs enough words and a clear
    stopword majority for the other language.
    """
    found = found or profile(passage)
    letters = found.cyrillic + found.latin
    if found.other >= MIN_LETTERS_UNCASED_SCRIPT and found.other >= OTHER_SCRIPT_SHARE * (
        letters + found.other
    ):
        # A passage in a script the main language does not use ("腰肌劳损是..." in an
        # English article). Chinese and Japanese have no spaces, so letters are counted.
        code, _ = identify(passage[:PASSAGE_SAMPLE])
        return "" if code == main else code or "und"
    if not letters:
        return ""
    main_script = "cyrillic" if main in CYRILLIC_LANGUAGES else "latin"
    other_share = (found.latin if main_script == "cyrillic" else found.cyrillic) / letters
    if other_share >= OTHER_SCRIPT_SHARE:
        if found.words < MIN_WORDS_OTHER_SCRIPT:
            return ""
        fallback = "und" if main_script == "cyrillic" else CYRILLIC_LANGUAGES[0]
        voted = language_of(found, default="")
        if voted and found.hits[voted]:
            return voted  # the script and its function words settle it
        code, _ = identify(passage[:PASSAGE_SAMPLE])
        if code and code != main:
            return code
        return fallback
    if other_share > 1 - OTHER_SCRIPT_SHARE or found.words < MIN_WORDS_SURE:
        return ""
    main_hits = found.hits[main]
    main_share = main_hits / found.words
    if plainly_in(main, found):
        return ""  # plainly the main language: no need to ask the model
    code, probability = identify_against(passage[:PASSAGE_SAMPLE], main)
    if code in NOT_LANGUAGES:
        return ""
    if code and code != main and probability >= SURE_CONFIDENCE:
        # Short ("Muito obrigada pela ajuda!") or holding words that are also the main
        # language's function words ("Tá an fhoireann ar fáil as seo amach."):
        # only the model's near-certainty calls it foreign.
        return code
    if found.words < MIN_WORDS_SAME_SCRIPT or (
        main_hits >= 2 and main_share >= MAIN_STOPWORD_SHARE
    ):
        return ""
    if code and code != main and probability >= MIN_CONFIDENCE:
        # Medical terms are Latin and Greek: a short list of them ("Scoliosis, kyphosis
        # and lordosis") reads as Latin to the model. The other language must show one
        # of its own function words, or the passage must be long.
        # A name from another language in an English heading ("Does tai chi help back
        # pain?": "chi" is a Welsh word) brings no more of that language's own function
        # words than the main language's own ("does"); words of both count for neither.
        # Then only the model's near-certainty calls it foreign.
        own, main_own = _own_function_words(passage, code, main)
        if own and (own > main_own or probability >= TIED_CONFIDENCE):
            return code
        if code not in stopwords() and found.words >= MIN_WORDS_UNLISTED:
            return code
        return ""
    if code:
        return ""
    return _foreign_by_stopwords(found, main, main_script)  # pragma: no cover


def _foreign_by_stopwords(found: Profile, main: str, script: str) -> str:
    """The stopword vote, used only when the model is not installed."""
    others = [code for code in languages_in(script) if code != main]
    if not others:
        return ""
    best = max(others, key=lambda code: found.hits[code])
    hits = found.hits[best]
    if hits >= 2 and hits >= MIN_STOPWORD_SHARE * found.words and hits > 2 * found.hits[main]:
        return best
    return ""
