"""Names, keys and summaries: turning article wording into page titles.

A page name is a short noun phrase, never a sentence fragment. The rules are
general (cut before the verb, drop leading articles, reject long or dangling
phrases) and their word lists live in ``data/cues.json`` so a site can adapt them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .fold import fold_case
from .memo import remembered_call
from .rules import RuleSet, default_rules
from .text import (  # noqa: F401  (the toolkit, re-exported for the classifier)
    TITLE_CASE_MINOR_WORDS,
    escape,
    sentence_case,
    singular,
    split_sentences,
    squash_spaces,
    strip_tags,
)

#: Longest summary, in characters (the page model's meta-description limit).
SUMMARY_MAX_LENGTH = 300

#: Quotation marks a name may be wrapped in.
QUOTE_MARKS = "\"'“”‘’«»„"
#: An apostrophe inside or ending a word ("Scheuermann's", "Scheuermanns'") is kept.
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’](?=[^\W\d_])|(?<=s)['’](?=\s)")
_QUOTE_MARK = re.compile(r"(?<![^\W\d_])'|[\"“”‘’«»„]")


@lru_cache(maxsize=4096)
def _key_words(name: str, rules: RuleSet) -> str:
    text = name.lower().replace("&", " and ")
    text = re.sub(r"[^\w\s]", " ", text)
    words = [w for w in text.split() if w not in ("the", "a", "an")]
    return " ".join(singular(w, _mass_nouns(rules)).lower() for w in words)


@lru_cache(maxsize=16)
def _mass_nouns(rules: RuleSet) -> frozenset[str]:
    return frozenset(rules.mass_nouns)


def entity_key(name: str, rules: RuleSet | None = None) -> str:
    """The identity of an entity, shared by the classifier and the writer: case,
    punctuation, leading articles and plurals are folded ("Sports injuries" and "a
    sports injury" are one entity), and so are the names of one synonym group."""
    rules = rules or default_rules()
    key = _key_words(name, rules)
    return _synonym_index(rules).get(key, (key, ""))[0]


#: The classifier's historical name for :func:`entity_key`.
name_key = entity_key


def preferred_title(name: str, rules: RuleSet) -> str:
    """The synonym group's preferred title for ``name``, or ``name`` itself."""
    key = _key_words(name, rules)
    return _synonym_index(rules).get(key, ("", ""))[1] or name


@lru_cache(maxsize=16)
def _synonym_index(rules: RuleSet) -> dict[str, tuple[str, str]]:
    index: dict[str, tuple[str, str]] = {}
    for group in reversed(rules.synonym_groups):  # earlier groups (site ones) win
        canonical = _key_words(group[0], rules)
        for name in group:
            index[_key_words(name, rules)] = (canonical, group[0])
    return index


def summarise(text: str, limit: int = SUMMARY_MAX_LENGTH, sentences: int = 2) -> str:
    """The first one or two sentences of ``text``, at most ``limit`` characters, cut at
    a sentence or a word boundary, never inside a word."""
    chosen: list[str] = []
    for sentence in split_sentences(text):
        candidate = " ".join([*chosen, sentence])
        if len(candidate) > limit:
            break
        chosen.append(sentence)
        if len(chosen) == sentences:
            break
    if chosen:
        return " ".join(chosen)
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–")
    return cut + "…"


@dataclass(frozen=True)
class DerivedName:
    """A name cut from a text, or why none could be: ``name`` is "" then."""

    name: str
    reason: str


def _words(rules: RuleSet, key: str) -> list[str]:
    return list(rules.name_rules.get(key, ()))


_PRACTITIONER = re.compile(
    r"(?:ists?|ians?|\b(?:chiropractors?|osteopaths?|surgeons?|nurses?|doctors?|physios?))$",
    re.IGNORECASE,
)


def is_practitioner(name: str) -> bool:
    """Whether ``name`` names who gives care ("Physiotherapist", "Osteopath"), not the
    care itself or a condition."""
    return bool(_PRACTITIONER.search(name.strip()))


def is_instruction(phrase: str, rules: RuleSet) -> bool:
    """Whether ``phrase`` opens with an instruction to the reader ("Keep your neck moving",
    "Take paracetamol"), not a name (fixed phrases such as "Keeping active" aside)."""
    words = phrase.split()
    if not words or any(phrase.lower().startswith(p) for p in _words(rules, "name_fixed_phrases")):
        return False
    first = words[0].strip(".,;:!?\"'").lower()
    return first in _words(rules, "name_imperative_start") or opens_with_verb(first)


#: "lifting something heavy or awkward" -> "lifting heavy or awkward objects".
_SOMETHING_ADJECTIVE = re.compile(
    r"\b(?P<verb>(?:lift|carry|carri|mov|push|pull|hold)\w*)\s+(?:something|anything)\s+"
    r"(?P<adj>[a-z]+(?:\s+(?:or|and)\s+[a-z]+)?)$",
    re.IGNORECASE,
)
#: Degree words that make a relative clause the point of a name ("that is too soft").
_DEGREE = r"(?:too|very|overly|not|so)"


def _trailing_modifier(for_word: str) -> re.Pattern:
    """A too-long name and the preposition it is cut before ("lifting heavy objects| with
    a bent back"); ``for_word`` is how "for" may open the cut-off part."""
    return re.compile(
        r"^(\S+\s+\S+.*?)(?:\s+(?:\w{3,}ed|worn|held|done|kept))?\s+(?:with|without|at|in|on|"
        rf"{for_word}|during|from|after|before|while|around|between|near|under|below|"
        r"above|behind|inside)\s+.*$",
        re.IGNORECASE,
    )


#: Cut before any of them.
_TRAILING_ANY_MODIFIER = _trailing_modifier("for")
#: Cut before them but a span of time: "Sitting for hours" keeps how long, the span is what
#: makes it a cause.
_TRAILING_MODIFIER = _trailing_modifier(
    r"for(?!\s+(?:hours|long|a long time|years|months|weeks|days|too long)\b)"
)


@lru_cache(maxsize=16)
def _name_patterns(rules: RuleSet) -> dict[str, re.Pattern]:
    cut = "|".join(_words(rules, "name_cut"))
    drop = "|".join(re.escape(w) for w in _words(rules, "name_drop_leading"))
    joins = "|".join(re.escape(w) for w in _words(rules, "name_connectives"))
    comments = "|".join(re.escape(w) for w in _words(rules, "name_comments"))
    return {
        # "especially a difficult delivery", "which strains the muscles": a part of a
        # list of names that comments on the name before it.
        "comment": re.compile(rf"^(?:{comments})\b", re.IGNORECASE) if comments else None,
        "connective": re.compile(rf"^(?:(?:{joins}),?\s+)+(?=\w)", re.IGNORECASE)
        if joins
        else None,
        "cut": re.compile(rf"\s+(?:{cut})\b", re.IGNORECASE) if cut else None,
        "drop": re.compile(rf"^(?:(?:{drop})\s+)+", re.IGNORECASE) if drop else None,
        "trailing": re.compile(
            "|".join(f"(?:{p})" for p in _words(rules, "name_trailing")) or r"(?!x)x",
            re.IGNORECASE,
        ),
        "vague": re.compile(
            "|".join(f"(?:{p})" for p in _words(rules, "vague")) or r"(?!x)x", re.IGNORECASE
        ),
        "general": re.compile(
            "|".join(f"(?:{p})" for p in _words(rules, "name_general")) or r"(?!x)x",
            re.IGNORECASE,
        ),
        # "a pillow that is too high or too flat" -> "pillow", "too high or too flat"
        "relative_qualifier": re.compile(
            r"^(?:\w+ing\s+(?:on|in|with|at|under|from|into|onto)\s+)?(?:(?:a|an|the|your)\s+)?"
            r"(?P<np>[\w-]+(?:\s+[\w-]+)?)\s+(?:that|which)\s+(?:is|are|feels?|seems?)\s+"
            rf"(?P<pred>{_DEGREE}\s+\w+(?:\s+(?:or|and)\s+(?:{_DEGREE}\s+)?\w+)?)\.?$",
            re.IGNORECASE,
        ),
        "copula_adjective": re.compile(
            r"^(?P<np>.+?)\s+(?:becomes?|is|are|gets?|get)\s+(?P<adj>\w+(?:er|ed))\.?$",
            re.IGNORECASE,
        ),
    }


def without_connective(text: str, rules: RuleSet) -> str:
    """``text`` without the words joining it to the sentence before ("So disc wear is the
    main cause" -> "disc wear is the main cause")."""
    pattern = _name_patterns(rules)["connective"]
    return pattern.sub("", text) if pattern is not None else text


def without_duration(text: str) -> str:
    """``text`` without a span of time opening it ("Hours spent looking down" ->
    "looking down", "years of heavy lifting" -> "heavy lifting", "Long hours hunched over
    a laptop" -> "hunched over a laptop")."""
    return _DURATION_OF.sub("", text.strip())


def is_vague(text: str, rules: RuleSet) -> bool:
    text = text.strip(" .,;:" + QUOTE_MARKS).strip()
    return not text or bool(_name_patterns(rules)["vague"].match(text))


def first_phrase(text: str) -> str:
    """The item's first sentence, or the part before a colon or a spaced dash, or before
    a capitalised verb glued on as its text ("Poor posture Looking down at ...")."""
    text = " ".join(text.split())
    sentences = split_sentences(text)
    head = sentences[0] if sentences else text
    # A full-width colon (translations from Chinese) needs no space after it.
    # "Cervical spondylosis → narrow canal": notes write what follows with an arrow.
    head = re.split(
        r"\s*:\s+|\s+[-–—·]\s+|\s*:$|\s*\uff1a\s*|\s*(?:→|->|=>|⇒)\s*", head, maxsplit=1
    )[0]
    words = head.split()
    for index in range(1, min(len(words), 7)):
        word, before = words[index], words[index - 1]
        if word[:1].isupper() and before[:1].islower() and _glued_verb(word):
            return " ".join(words[:index]).strip()
    return head.strip()


def _glued_verb(word: str) -> bool:
    word = word.strip(".,;:")
    return word.lower().endswith("ing") or opens_with_verb(word)


@lru_cache(maxsize=1)
def lemma_lookup():
    """lemminflect's lexicon lookup when the optional extra is installed, else None."""
    try:
        from lemminflect import getAllLemmas
    except ImportError:
        return None
    return getAllLemmas


@lru_cache(maxsize=8192)
def opens_with_verb(word: str) -> bool:
    """Whether ``word`` can only be a verb that is not a participle ("Vary", "Happens",
    "Have"): a phrase opening with it is an instruction or a clause, never a name.
    Participles ("Lifting", "Trapped") open names. Needs the ``nlp`` extra
    (lemminflect's lexicon); without it only the ``name_imperative_start`` words count."""
    word = word.strip(".,;:!?\"'").lower()
    if len(word) < 2 or word.endswith(("ing", "ed")):
        return False
    lookup = lemma_lookup()
    if lookup is None:
        return False
    lemmas = lookup(word)
    if not lemmas or not set(lemmas) <= {"VERB", "AUX"}:
        return False
    # "Worn discs", "Torn ligament": an irregular past participle opens a name.
    return not any(
        word != lemma and word in _participles(lemma) for lemma in lemmas.get("VERB", ())
    )


@lru_cache(maxsize=1)
def _inflection_lookup():
    """lemminflect's inflection lookup when the optional extra is installed, else None."""
    try:
        from lemminflect import getInflection
    except ImportError:
        return None
    return getInflection


#: Words that open a question, never a name.
_AUXILIARIES = frozenset(
    "could can should would will may might must does do did is are was were has have had".split()
)
#: Words after a verb that make what follows its object ("started the same day").
_OPENING_DETERMINERS = frozenset({"the", "a", "an", "your", "my", "his", "her", "their", "it"})


@lru_cache(maxsize=4096)
def ends_with_past_participle(word: str) -> bool:
    """Whether ``word`` is a past tense or participle in -ed that the lexicon knows only
    as a verb ("optimised", "debated"), not an adjective or noun ("bed", "advanced")."""
    word = word.strip(".,;:!?\"'").lower()
    if len(word) < 5 or not word.endswith("ed"):
        return False
    lookup = lemma_lookup()
    if lookup is None:
        return False
    lemmas = lookup(word)
    return bool(lemmas) and set(lemmas) == {"VERB"}


@lru_cache(maxsize=4096)
def present_verb(word: str) -> bool:
    """Whether ``word`` is a verb's -s form ("keeps", "cuts", "eases"), whatever else it
    may be ("keeps" is also a noun). Needs the ``nlp`` extra; without it, never."""
    lower = word.lower()
    lookup, inflect = lemma_lookup(), _inflection_lookup()
    if lookup is None or inflect is None or not lower.endswith("s"):
        return False
    return any(lower in inflect(lemma, "VBZ") for lemma in lookup(lower).get("VERB", ()))


#: Words that cannot follow a verb opening a headline's predicate as its object.
_NOT_AN_OBJECT = frozenset(
    "in on at of and or with after during from for to by as among between than".split()
)
#: Most words of the subject a headline's clause opens with ("Walking programme").
HEADLINE_SUBJECT_MAX_WORDS = 4


def headline_clause(text: str, rules: RuleSet) -> tuple[str, str]:
    """A headline's clause as ``(subject, predicate)``: "Walking programme keeps low back
    pain away for longer" -> ("Walking programme", "keeps low back pain away for
    longer"), "Yoga eases back pain in older adults" -> ("Yoga", "eases ..."): the name
    before a verb's -s form that follows a singular word (a plural noun is no verb:
    "Disc bulges in ..."). ("", "") when the text is no such clause or what it opens
    with is no name."""
    words = text.split()
    for index in range(1, min(len(words) - 1, HEADLINE_SUBJECT_MAX_WORDS + 1)):
        before, after = words[index - 1].lower(), words[index + 1].lower()
        if not before[-1:].isalpha():
            break  # "Cervical kyphosis: causes, ...": a label, then a list
        if (
            before.endswith("s")
            or after in _NOT_AN_OBJECT
            or not after[:1].isalnum()
            or not present_verb(words[index])
        ):
            continue  # "Disc bulges in older adults": a plural before its setting
        named = " ".join(words[: index + 1])
        if rules.is_condition_term(named) or rules.has_condition_head(named):
            break  # "Whiplash-associated disorders ...", "Back spasms ...": a name
        subject = check_name(" ".join(words[:index]), rules).name
        return (subject, " ".join(words[index:])) if subject else ("", "")
    return "", ""


def _participles(lemma: str) -> tuple[str, ...]:
    inflect = _inflection_lookup()
    return tuple(inflect(lemma, "VBN")) if inflect else ()


@lru_cache(maxsize=4096)
def gerund(verb: str) -> str:
    """The -ing form of a verb ("keep" -> "keeping", "use" -> "using", "stop" ->
    "stopping"): lemminflect's when the ``nlp`` extra is installed, else by the spelling
    rules (which miss a few irregular doublings)."""
    lower = verb.lower()
    inflect = _inflection_lookup()
    found = inflect(lower, "VBG") if inflect else ()
    if found:
        form = found[0]
    elif lower.endswith("ie"):
        form = lower[:-2] + "ying"
    elif lower.endswith("e") and not lower.endswith(("ee", "ye", "oe")):
        form = lower[:-1] + "ing"
    else:
        form = lower + "ing"
    return form.capitalize() if verb[:1].isupper() else form


def as_gerund_phrase(phrase: str, rules: RuleSet) -> str:
    """An instruction as the name of what it asks ("Keep active" -> "Keeping active",
    "Use heat" -> "Using heat"); "" when ``phrase`` is no instruction. One whose verb
    takes an -ing form already ("Keep moving", "Stop smoking") names itself: "Keeping
    moving" is no English."""
    words = phrase.split()
    if not is_instruction(phrase, rules) or words[0].lower().endswith("ing"):
        return ""
    if len(words) > 1 and words[1].lower().endswith("ing"):
        return phrase
    return " ".join([gerund(words[0]), *words[1:]])


@lru_cache(maxsize=8192)
def only_adjective(word: str, *, adverbs: bool = True, participles: bool = False) -> bool:
    """Whether ``word`` can only be an adjective ("Ordinary", "Different"), or with
    ``adverbs`` an adverb, or with ``participles`` an adjective that is a verb's form too
    ("repeated"): alone it names nothing. Without ``adverbs`` a word that is an adverb too
    ("off" of "Ease off", "alone") may close an instruction's name. Needs the ``nlp``
    extra; without it no word is known to be one."""
    lookup = lemma_lookup()
    word = word.strip(".,;:!?\"'").lower()
    if lookup is None or len(word) < 3:
        return False
    tags = set(lookup(word))
    allowed = {"ADJ", "ADV"} if adverbs else {"ADJ"}
    if participles and "ADJ" in tags:
        allowed.add("VERB")
    return bool(tags) and tags <= allowed


#: "a gene called HLA-B27" -> "HLA-B27", "(called femoroacetabular impingement)" ->
#: "femoroacetabular impingement": the name comes after "called".
_CALLED = re.compile(
    r"^(?:(?:an?\s+|the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:called|named|known as)"
    r"|(?:so-)?called|known as)\s+(?=\S)",
    re.I,
)


#: "the bacterium Mycobacterium tuberculosis" -> "Mycobacterium tuberculosis": the kind of
#: germ before its proper name is no part of it.
_GERM_KIND = re.compile(
    r"^(?:an?\s+|the\s+)?(?:bacterium|bacteria|germ|germs|virus|fungus|parasite|microbe"
    r"|organism)\s+(?=[A-Z])"
)


#: A time at the end of a name: "at 28 weeks", "after 3 months", "from week six", "two
#: years ago".
_AT_A_TIME = re.compile(
    r"\s+(?:(?:at|after|from|since|for|until|in)\s+(?:about\s+|over\s+)?"
    r"(?:(?:\d{1,3}|a few|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+"
    r"(?:days?|weeks?|months?|years?)(?:\s+(?:old|pregnant|postpartum))?"
    r"|(?:day|week|month)\s+(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve))"
    # "... two years ago", "... last spring": when it happened.
    r"|(?:about\s+)?(?:\d{1,3}|a|an|one|a few|several|two|three|four|five|six|ten)\s+"
    r"(?:days?|weeks?|months?|years?)\s+ago"
    r"|last\s+(?:week|month|year|spring|summer|autumn|fall|winter)"
    # "Kyphoscoliosis in my 40s", "... at 52": the writer's age then.
    r"|(?:in|at)\s+(?:my|his|her|their|your|our)\s+(?:early\s+|mid-?\s*|late\s+)?"
    r"(?:\d0s|\d0's|twenties|thirties|forties|fifties|sixties|seventies|eighties)"
    r"|at\s+(?:the\s+age\s+of\s+)?\d{2})"
    r"\s*$",
    re.IGNORECASE,
)


def without_time(name: str) -> str:
    """ "Sciatica at 28 weeks" -> "Sciatica", "Physiotherapy from week six" ->
    "Physiotherapy": when the writer had it is no part of its name."""
    return _AT_A_TIME.sub("", name)


#: "being born with a narrow spinal canal" -> "narrow spinal canal": what someone is born
#: with is the name.
_BORN_WITH = re.compile(r"^(?:being\s+|was\s+|were\s+)?born\s+with\s+(?=\w)", re.IGNORECASE)


#: A course of a treatment before the treatment: "a long course of antituberculous
#: therapy", "a short trial of amitriptyline".
_COURSE_OF = re.compile(
    r"^(?:an?\s+|the\s+)?(?:(?:long|longer|short|shorter|full|further|second|new)\s+)?"
    r"(?:course|courses|trial)\s+of\s+(?=\w)",
    re.IGNORECASE,
)


#: A span of time before what fills it: "years of heavy lifting", "a few weeks of ...".
#: The spinal level a name is found at, after it: " at T12", " of L4/5", " at the C5-6
#: level". It is one patient's; the condition is the same at any level.
_SPINAL_LEVEL = re.compile(
    r"\s+(?:at|of|in)\s+(?:the\s+)?[CTLS]\d{1,2}(?:\s*[/-]\s*[CTLS]?\d{1,2})?"
    r"(?:\s+(?:level|vertebra|disc))?(?=\s*(?:[,.;:)]|$))",
    re.IGNORECASE,
)
_DURATION_OF = re.compile(
    r"^(?:(?:an?|the|many|several|some|\d{1,3}|two|three|four|five|ten|a few)\s+)?"
    r"(?:(?:long|more|short)\s+)?(?:minutes|hours|days|weeks|months|years|decades)\s+"
    r"(?:(?:of|spent)\s+(?=\w)|(?=[^\W\d_]+(?:ed|ing)\b))",
    re.IGNORECASE,
)


def noun_phrase(text: str, rules: RuleSet) -> str:
    """The noun phrase a sentence starts with: before the verb or the first comma."""
    # Worked out once per article scope: the recognisers derive names from the same
    # texts again and again (the answers are immutable).
    return remembered_call(_noun_phrase, text, rules)


def _noun_phrase(text: str, rules: RuleSet) -> str:
    patterns = _name_patterns(rules)
    # "A slipped (herniated) disc": a word glossing another inside the name is no cut.
    text = without_inner_gloss(text.strip()).rstrip(".!?;:,").strip()
    text = without_connective(text, rules)
    # "Blood-thinning injections while mobility is poor": the clause says when.
    text = _WHEN_CLAUSE.split(text, maxsplit=1)[0]
    text = _CALLED.sub("", text.strip(QUOTE_MARKS + " "))
    text = _GERM_KIND.sub("", text)
    text = _BORN_WITH.sub("", text)
    text = _COURSE_OF.sub("", text)
    text = _DURATION_OF.sub("", text)
    text = _SPINAL_LEVEL.sub("", text)
    text = _SOMETHING_ADJECTIVE.sub(r"\g<verb> \g<adj> objects", text)
    if qualified := patterns["relative_qualifier"].match(text):
        return f"{qualified.group('np')} {qualified.group('pred')}"
    if adjective := patterns["copula_adjective"].match(text):
        np = _cut(adjective.group("np"), patterns)
        # "X is a condition in which parts of the spine become inflamed": the
        # adjective belongs to a later clause when the subject holds a verb of its own.
        if patterns["cut"] is None or not patterns["cut"].search(adjective.group("np")):
            return f"{adjective.group('adj')} {invert_of_phrase(np)}"
    return _cut(text, patterns)


#: A clause saying when, with a subject and its verb: " while mobility is poor", " until
#: the swelling goes down" (never " when bending forward", which qualifies a name).
_WHEN_CLAUSE = re.compile(
    r"[ \t]+(?:while|whilst|when|until|unless|because|once)[ \t]+(?:[\w'-]+[ \t]+){1,3}?"
    r"(?:is|are|was|were|gets?|goes|feels?|allows?|has|have|settles?|eases?|lets?)\b",
    re.IGNORECASE,
)
#: A present participle after a word, then a preposition: " pressing on", " pushing into".
_PARTICIPLE_AFTER = re.compile(
    r"(?<![a-z])(?P<before>[a-z]++)[ \t]++(?:pressing|pushing|rubbing|pinching|squeezing|pulling|"
    r"leaking|bulging|sticking|catching)[ \t]++"
    # "bulging backwards into the spinal canal": which way, then where.
    r"(?:(?:backwards?|forwards?|outwards?|sideways|inwards?)[ \t]++)?"
    r"(?:on|against|into|onto|through|out|down|at|in)\b",
    re.IGNORECASE,
)
#: Words after which a participle starts the name, not what the named thing does
#: ("stiffness on waking in the morning", "and lifting", "when pushing down").
_NOT_A_NOUN_BEFORE = frozenset({"and", "or", "when", "while"})


def _named_thing_acting(text: str) -> int | None:
    """Where what the named thing is doing starts ("Slipped disc| pressing on the
    nerve"), when a participle and a preposition follow a noun; else None."""
    for match in _PARTICIPLE_AFTER.finditer(text):
        before = match.group("before").lower()
        if before not in _PREPOSITIONS | _DETERMINERS | _NOT_A_NOUN_BEFORE:
            return match.end("before")
    return None


def without_inner_gloss(text: str) -> str:
    """``text`` without a bracket glossing the describing word before it, inside a name
    that goes on after it: "a slipped (herniated) disc", "Chronic (long-term) low back
    pain", "Static (dry) cupping". A bracket after a noun names it again or is said of
    the whole ("the chickenpox virus (varicella-zoster) becoming active") and stays."""
    return _INNER_GLOSS.sub(_gloss_after_adjective, text) if "(" in text else text


#: A short bracket between two words.
_INNER_GLOSS = re.compile(r"(?<=[^\W\d_]{3})[ \t]*+\([^()]{1,30}+\)(?=[ \t]++[^\W\d_])")
#: Endings of a describing word: "herniated", "bulging", "chronic", "spinal".
_DESCRIBING_ENDINGS = ("ed", "ing", "ic", "al")


def _gloss_after_adjective(match: re.Match) -> str:
    """Nothing for a gloss after a describing word ("herniated (slipped)"), else itself."""
    start = match.string.rfind(" ", 0, match.start()) + 1
    word = match.string[start : match.start()]
    describing = word.lower().endswith(_DESCRIBING_ENDINGS) or only_adjective(word)
    return "" if describing else match.group(0)


def _cut(text: str, patterns: dict[str, re.Pattern]) -> str:
    parts = re.split(r"\s*[,;:(]\s*|\s+[-–—]\s+", text, maxsplit=1)
    if len(parts) == 2 and _coordinate_adjective(text, parts[0]):
        # "Short, frequent walks", "Regular, gentle exercise": adjectives side by side
        # before one noun, not a list; the name runs to the next comma.
        parts = re.split(r"\s*[,;:(]\s*|\s+[-–—]\s+", f"{parts[0]} {parts[1]}", maxsplit=1)
    text = parts[0]
    if (acting := _named_thing_acting(text)) is not None:
        # "Slipped disc pressing on the nerve": what the named thing is doing is no part
        # of its name.
        text = text[:acting]
    if patterns["cut"] is not None:
        text = _cut_at_verb(text, patterns["cut"])
    if patterns["drop"] is not None:
        text = patterns["drop"].sub("", text)
    text = patterns["trailing"].sub("", text)
    return _QUOTE_MARK.sub("", _APOSTROPHE.sub("'", text)).strip(" .")


def without_adjective_comma(text: str) -> str:
    """``text`` without the comma between coordinated adjectives that open it ("Short,
    frequent walks help" -> "Short frequent walks help"), so a cut at the first comma
    keeps the whole noun phrase."""
    first = text.split(",", 1)[0]
    if first != text and _coordinate_adjective(text, first):
        return f"{first} {text[len(first) + 1 :].lstrip()}"
    return text


def _coordinate_adjective(text: str, first: str) -> bool:
    """Whether ``first``, the part of ``text`` before its first comma, is one adjective
    coordinated with the next ("Short, frequent walks"): a single word the lexicon knows
    as an adjective, followed by a comma and a lower-case word."""
    if " " in first or not text[len(first) : len(first) + 1] == ",":
        return False
    after = text[len(first) + 1 :].lstrip()
    if not after[:1].islower():
        return False
    lookup = lemma_lookup()
    return lookup is not None and "ADJ" in lookup(first.lower())


#: Words after which a cut word is the noun of a phrase ("at work", "with help").
_PREPOSITIONS = frozenset({"at", "in", "to", "for", "from", "with", "of", "on", "by", "into"})
#: Words after which a cut word is read as a noun ("a sudden increase in mileage").
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "any", "every", "each"})


def _cut_at_verb(text: str, cut: re.Pattern) -> str:
    """``text`` up to its first verb-like cut word, skipping a cut word that reads as a
    noun after adjectives ("A sudden increase in weekly mileage", "Heavy manual work"):
    there it heads the noun phrase rather than ending it."""
    for match in cut.finditer(text):
        before = text[max(0, match.start() - 12) : match.start()].split()
        if before and before[-1].lower() in _PREPOSITIONS:
            continue  # "Heavy lifting at work": after a preposition the word is a noun
        if _defines_indefinite(text[: match.start()], match.group(0).strip()):
            return text  # "Close contact with someone who has TB": the clause says who
        # Only a short opening can be adjectives (this also keeps the scan linear).
        if match.start() <= _ADJECTIVE_RUN_CHARS and _noun_after_determiner(
            text[: match.start()].split(), match.group(0).strip()
        ):
            continue
        return text[: match.start()]
    return text


#: The relative words that open a restrictive clause.
_RELATIVE_WORDS = frozenset({"who", "where", "that"})
#: "with someone who ...", "in a country where ...": an indefinite after a preposition,
#: which the relative clause that follows defines.
_INDEFINITE_OBJECT = re.compile(
    r"\b(?:with|in|to|from|near|around|for)\s+(?:someone|somebody|anyone|anybody|"
    r"people|others|(?:an?|some)\s+[a-z-]+)$",
    re.IGNORECASE,
)


def _defines_indefinite(before: str, word: str) -> bool:
    """Whether ``word`` opens a relative clause that says which person or place the
    indefinite object before it is ("Time in a country where TB is common"): without
    the clause the name says nothing, so the clause is part of it."""
    if word.lower() not in _RELATIVE_WORDS:
        return False
    return bool(_INDEFINITE_OBJECT.search(before[-40:].rstrip()))


#: Words a name may have beyond the limit for a clause that defines its indefinite
#: object ("Time in a country where TB is common").
_DEFINING_CLAUSE_WORDS = 3
_RELATIVE_WORD = re.compile(r"\s(?:who|where|that)\s", re.IGNORECASE)


def _holds_defining_clause(name: str) -> bool:
    match = _RELATIVE_WORD.search(name)
    return match is not None and _defines_indefinite(name[: match.start()], "who")


#: Longest opening, in characters, read as a determiner and adjectives before a noun.
_ADJECTIVE_RUN_CHARS = 60


def _noun_after_determiner(before: list[str], word: str) -> bool:
    """Whether ``word`` heads a noun phrase of adjectives ("Heavy manual work", "a
    sudden increase"): every word before it, after an optional determiner, can be an
    adjective, and it can be a noun."""
    lookup = lemma_lookup()
    if lookup is None:
        return False
    words = [w.lower() for w in before]
    if words and words[0] in _DETERMINERS:
        words = words[1:]
    return (
        bool(words)
        and len(words) <= 3
        and all("ADJ" in (tags := lookup(w)) and "VERB" not in tags for w in words)
        and "NOUN" in lookup(word.lower())
    )


def invert_of_phrase(text: str, rules: RuleSet | None = None) -> str:
    """ "spasm of the back muscles" -> "back muscle spasm"; "size of the pelvis" ->
    "pelvis size". Only short phrases are turned round; others are returned as is.
    "in" needs a determiner: "pain in the lower back" names a place, while "back pain
    in children" or "scoliosis in teenagers" names who has it and stays as written."""
    match = re.fullmatch(
        r"(?P<x>\w+(?: \w+)?) (?:of (?:the |your |a )?|(?P<in>in) (?:the |your |a ))"
        r"(?P<y>[\w-]+(?: [\w-]+){0,2})",
        text,
    )
    if not match:
        return text
    if rules is not None and (
        rules.is_condition_term(match.group("x"))
        or rules.is_condition_term(match.group("y"))
        or (not match.group("in") and rules.has_condition_head(match.group("y")))
    ):
        # "Osteochondrosis of the lumbar spine" is already a condition's name, and so is
        # "Loss of cervical lordosis": what happens to a condition is said of it. "Long
        # head of biceps rupture" ends in a condition's head: a name as it stands.
        return text
    x = match.group("x")
    if match.group("in") and rules is not None and not rules.has_condition_head(x):
        # "Pain in the lower back" is "lower back pain"; "a calcified disc in your neck"
        # is no neck's calcified disc: only a complaint is named by where it is felt.
        return text
    y_words = match.group("y").split()
    y_words[-1] = singular(y_words[-1])
    return f"{' '.join(y_words)} {x}"


#: A lone noun followed by a restrictive relative clause (no comma): "a job that ...".
_DEFINED_HEAD = re.compile(
    r"^\s*(?:an?\s+|the\s+)?([A-Za-z-]+(?:\s+(?:and|or)\s+[A-Za-z-]+)?)\s+(?:that|which|who|where)\b",
    re.I,
)
_JOIN = re.compile(r"\s+(?:and|or)\s+", re.I)


def derive_name(text: str, rules: RuleSet) -> DerivedName:
    """A clean page name from a list item, heading or sentence, or the reason none is."""
    return remembered_call(_derive_name, text, rules)


def _derive_name(text: str, rules: RuleSet) -> DerivedName:
    phrase = first_phrase(text)
    if _EXCESS_IDIOM.fullmatch(phrase.strip(" .!")):
        # "Too much, too soon": the whole idiom names the cause; "Too much" alone is none.
        return DerivedName(sentence_case(phrase.strip(" .!")), "an idiom of overdoing it")
    if is_vague(phrase, rules):
        return DerivedName("", "vague item, not an entity")
    name = noun_phrase(phrase, rules)
    # "the wear of the joint": after an article the first word is a noun, not an order.
    derived = check_name(name, rules, noun_first=bool(_ARTICLE_START.match(phrase)))
    if not derived.name and derived.reason.startswith("longer than"):
        # "Lifting with your back instead of your legs": the contrast is no part of it.
        contrast = _CONTRAST.split(name, maxsplit=1)[0]
        if contrast != name and (cut := check_name(contrast, rules)).name:
            return cut
        for pattern in (_TRAILING_MODIFIER, _TRAILING_ANY_MODIFIER):
            # "Sitting still for hours" keeps how long; "Sitting on hard seats for long
            # periods" is still too long with it, and drops it.
            if shorter := pattern.match(name):
                derived = check_name(shorter[1], rules)
                if derived.name:
                    return derived
    defined = _DEFINED_HEAD.match(phrase)
    if (
        derived.name
        and defined
        and derived.name.casefold() == defined.group(1).casefold()
        and any(
            singular(word, rules.mass_nouns) in _words(rules, "name_generic_heads")
            for word in _JOIN.split(derived.name.casefold())
        )
    ):
        # "a job that involves sitting all day" is not about jobs ("jobs and sports where
        # you ..." neither): without its
        # defining clause the generic noun loses the sense, so it is not a name.
        return DerivedName("", "a generic noun whose defining clause would be cut off")
    return derived


#: Where a contrast after a name starts: " instead of your legs", " rather than ...".
_CONTRAST = re.compile(r"\s+(?:instead of|rather than|as opposed to)\s", re.IGNORECASE)
#: An article opening a phrase: the word after it is a noun or an adjective.
_ARTICLE_START = re.compile(r"^\s*(?:an?|the)\s+\w", re.IGNORECASE)


#: The particle of a phrasal verb: "set up", "sort out".
_PARTICLES = frozenset({"up", "out", "down", "off", "away"})


#: A sum of money: "£50", "$1,200", "€ 30".
_PRICE = re.compile(r"[£$€]\s?\d")


def check_name(
    name: str, rules: RuleSet, *, noun_first: bool = False, max_words: int = 0
) -> DerivedName:
    """Accept ``name`` as a page name, or say why it is not one. ``noun_first``: an
    article stood before it, so its first word is no verb. ``max_words``: the most
    words it may have, when not the rules' ``max_name_words`` (a title's name)."""
    return remembered_call(_check_name, name, rules, noun_first, max_words)


#: A sign joining two things as a pair: "↔", "⇄", "<->", "<=>".
_PAIR_SIGN = re.compile(r"[\u2194\u21c4\u21c6\u21d4\u27f7]|<-+>|<=+>")


def _check_name(name: str, rules: RuleSet, noun_first: bool, max_words: int = 0) -> DerivedName:
    name = " ".join(name.split()).strip(" .,;:" + QUOTE_MARKS)
    words = name.split()
    if not words:
        return DerivedName("", "no noun phrase before the verb")
    if name.count("(") != name.count(")") or name.count("[") != name.count("]"):
        # "Pseudarthrosis)": cut from inside a bracket, a fragment of what it stood in.
        return DerivedName("", "a bracket without its pair: a fragment")
    if is_vague(name, rules):
        return DerivedName("", "vague item, not an entity")
    if _PAIR_SIGN.search(name):
        # "Naproxen ↔ Sertraline": an interaction between two, no one thing's name.
        return DerivedName("", "two things joined by a sign: a pair, not a name")
    if name.lower() in _words(rules, "name_connectives"):
        return DerivedName("", f"{name!r} joins sentences; it names nothing")
    if _name_patterns(rules)["general"].match(name):
        return DerivedName("", "too general to be a page of its own")
    limit = max_words or int(rules.name_rules.get("max_name_words", 6))
    if _holds_defining_clause(name):
        limit += _DEFINING_CLAUSE_WORDS
    if len(words) > limit:
        return DerivedName("", f"longer than {limit} words")
    if words[-1].lower() in _words(rules, "name_bad_end"):
        return DerivedName("", f"ends in {words[-1]!r}")
    fixed = any(name.lower().startswith(p) for p in _words(rules, "name_fixed_phrases"))
    # "Wear of the discs", "Use of steroids": a verb's form before "of" is its noun.
    fixed = fixed or noun_first or (len(words) > 2 and words[1].lower() == "of")
    if words[0].lower() in _words(rules, "name_imperative_start") and not fixed:
        return DerivedName("", f"starts with {words[0]!r}, an instruction, not a name")
    if words[0].lower() in _words(rules, "name_pronoun_start"):
        return DerivedName("", f"starts with {words[0]!r}, not a noun phrase")
    if words[0][:1].isdigit():
        return DerivedName("", f"starts with {words[0]!r}: a measure, not a name")
    if _PRICE.search(name):
        return DerivedName("", "holds a price: a cost, not a name")
    if opens_with_verb(words[0]) and not fixed:
        return DerivedName("", f"starts with the verb {words[0]!r}: a clause, not a name")
    if len(words) > 1 and words[0].lower() in _AUXILIARIES:
        # "Could stiff hips": a question's opening, not a name.
        return DerivedName("", f"starts with {words[0]!r}: a question, not a name")
    if len(words) > 1 and words[-1].isdigit():
        return DerivedName("", f"ends in the number {words[-1]!r}: a label, not a name")
    if ends_with_past_participle(words[-1]):
        # "Analgesia optimised", "Timing debated": a note's clause, not a name; alone
        # ("STOPPED: Codeine"), a verb labelling what follows.
        return DerivedName("", f"ends in the verb {words[-1]!r}: a clause, not a name")
    if (
        len(words) > 2
        and words[1].lower() in _OPENING_DETERMINERS
        and ends_with_past_participle(words[0])
    ):
        # "Started the same day", "Caused the fall": a verb and its object.
        return DerivedName("", f"starts with the verb {words[0]!r} and its object")
    if len(words) > 2 and not fixed and not words[0].lower().endswith("ing"):
        # "Raise your screen", "Set up your study space": an instruction and its object.
        after = words[2] if words[1].lower() in _PARTICLES else words[1]
        if after.lower() == "your":
            return DerivedName("", f"starts with the instruction {words[0]!r} and its object")
    pronouns = set(_words(rules, "name_pronouns"))
    if pronoun := next((w for w in words if w.lower() in pronouns), None):
        return DerivedName("", f"contains {pronoun!r}, not a noun phrase")
    if not re.search(r"[A-Za-z]{3}", name):
        return DerivedName("", "no word in it")
    if len(words) == 1 and only_adjective(words[0]):
        return DerivedName("", f"{words[0]!r} is an adjective; alone it names nothing")
    if len(words) == 2 and words[0].lower().endswith("ly") and only_adjective(words[0]):
        # "Naturally bendy", "Very rarely": an adverb and what it qualifies.
        return DerivedName("", f"opens with the adverb {words[0]!r}: a description")
    return DerivedName(sentence_case(_singular_mass(name, rules)), "noun phrase")


def _singular_mass(name: str, rules: RuleSet) -> str:
    """ "Emotional stresses" -> "Emotional stress": a mass noun's plural is the same thing."""
    words = name.split()
    last = words[-1]
    if last.lower().endswith("es") and last.lower()[:-2] in rules.mass_nouns:
        words[-1] = last[:-2]
    elif last.lower().endswith("s") and last.lower()[:-1] in rules.mass_nouns:
        words[-1] = last[:-1]
    return " ".join(words)


def injury_by_part(name: str) -> str:
    """An injury named by where it is after "of", named the way a condition is: "Sprain
    of a costotransverse joint" -> "Costotransverse joint sprain", "Fractures of ribs"
    -> "Rib fractures", "soft tissue injury (sprain/strain) of the thoracic spine" ->
    "Thoracic spine soft tissue injury"; "" for any other name."""
    match = _INJURY_OF_PART.fullmatch(" ".join(_IN_BRACKETS.sub("", name).split()))
    if match is None:
        return ""
    *words, last = match.group("part").lower().split()
    return sentence_case(" ".join([*words, singular(last), match.group("injury").lower()]))


#: Words in brackets, with the space before them.
_IN_BRACKETS = re.compile(r"\s*\([^()]{0,60}\)")
#: "<injury> of (a|the) <one to three words of a part>".
_INJURY_OF_PART = re.compile(
    r"(?P<injury>(?:(?!and\b|or\b)[a-z-]{3,12}\s+){0,2}?"
    r"(?:fractures?|dislocations?|sprains?|strains?|contusions?|tears?|injury|injuries))"
    r"\s+of\s+(?:(?:a|an|the|one|both)\s+)?"
    r"(?P<part>(?:(?!(?:with|from|after|during|into|onto|over)\b)[a-z-]{3,20}\s+){0,2}"
    r"(?!(?:with|from|after|during|into|onto|over)\b)[a-z-]{3,20})",
    re.IGNORECASE,
)


def split_names(text: str, rules: RuleSet) -> list[str]:
    """Split "osteopathy or manual therapy, other methods" into its names, when every
    part is short; otherwise the text is one name."""
    text = text.strip().rstrip(".;")
    parts: list[str] = []
    comment = _name_patterns(rules)["comment"]
    for part in re.split(r"\s*[,;]\s*", text):
        if not part.strip():
            continue
        if parts and (
            (comment is not None and comment.match(part.strip())) or _EXAMPLE_OPENER.match(part)
        ):
            # "Childbirth, especially a difficult delivery", "Arthritis, including
            # ankylosing spondylitis": the part says more about the name before it, or
            # gives an example of it, and is no name in the list.
            parts[-1] = f"{parts[-1]}, {part.strip()}"
        else:
            parts.append(part.strip())
    if _EXCESS_IDIOM.fullmatch(text):
        return [text]  # "Too much, too soon": one idiom of overdoing it, no two names
    expanded: list[str] = []
    for part in parts:
        pieces = re.split(r"\s+(?:and|or|&)\s+", part)
        if len(pieces) > 1 and _one_term(part, rules):
            # "Anterior cervical discectomy and fusion (ACDF)": one operation's name.
            expanded.append(part)
        elif len(pieces) > 1 and all(_is_term(piece, rules) for piece in pieces):
            expanded.extend(pieces)
        else:
            expanded.append(part)
    if len(expanded) > 1 and all(len(p.split()) <= 4 for p in expanded):
        return expanded
    return [text]


#: Words offering an example after a name in a list: "including ", "for example ".
_EXAMPLE_OPENER = re.compile(
    r"^(?:including|e\.\s?g\.,?|for example|for instance)\s+(?=\w)", re.IGNORECASE
)
#: Two or three parts saying "too" much of something: "too much, too soon", "too far,
#: too fast".
_EXCESS_IDIOM = re.compile(r"too\s+\w+(?:,?\s+too\s+\w+){1,2}", re.IGNORECASE)


def _one_term(text: str, rules: RuleSet) -> bool:
    """Whether one treatment the vocabulary knows is the whole of ``text`` (a bracket
    after it aside)."""
    name = _BRACKETED.sub("", text).strip()
    return any(
        match.start() == 0 and match.end() == len(name)
        for _term, match in rules.find_treatments(name)
    )


def _is_term(text: str, rules: RuleSet) -> bool:
    """Whether a short phrase is a known treatment, medicine or condition term."""
    text = text.strip()
    if rules.is_condition_term(text):
        return True
    found = rules.find_treatments(text) or rules.find_medicines(text)
    return bool(found) and len(text.split()) <= 4


_BRACKETED = re.compile(r"(?<!\s)\s*+\([^()]*+\)")


def bracketed_names(title: str) -> list[str]:
    """The other names a title gives in brackets: "Coccydynia (tailbone pain)"."""
    return [sentence_case(m.strip()) for m in re.findall(r"\(([^()]{3,60})\)", title)]


#: "Why does my shoulder blade hurt?", "Why is my lower back so sore?".
_WHY_IT_HURTS = re.compile(
    r"why (?:(?:does|do|is|are|might|would) )?(?:my|your|the) (?P<part>[a-z][a-z -]{2,40}?)"
    r"(?: so| still| always)? (?:(?:is|are) )?(?:hurts?|hurting|aches?|aching|sore|painful|stiff)"
    r"\b",
    re.IGNORECASE,
)


#: "Why do sit-ups hurt my lower back?", "Why does running make my neck ache?": what
#: hurts which part.
_WHY_IT_HURTS_ME = re.compile(
    r"why (?:do|does|did|can|could|might|would|will) (?P<cause>[a-z][a-z -]{2,40}?) "
    r"(?:hurt|make) (?:my|your|the) (?P<part>[a-z][a-z -]{2,30}?)"
    r"(?: (?:hurt|ache|sore|stiff))?[ ?!.]*+",
    re.IGNORECASE,
)


#: When it hurts, told as a clause about the reader: "when you breathe", "after I sit".
_WHEN_THE_READER = re.compile(
    r"\b(?P<when>when|while|after|before|during)\s+(?:i|you|we|they)\s+(?P<verb>[a-z]{2,20})\b",
    re.IGNORECASE,
)
#: Verbs a clause about the reader may open with that have no -ing name of what is done.
_NOT_AN_ACTION = frozenset(
    "am is are was were be been have has had do does did can could will would shall should "
    "may might must get got feel felt".split()
)
#: The circumstance after "Why does my back hurt": "when I bend forward", "after swings".
_CIRCUMSTANCE = re.compile(
    r"\s+(?:(?:when|while|after|before|during|from)\s+[^?!:;,.()]{2,60}"
    r"|(?:first thing\s+)?(?P<time>in the (?:morning|evening|night)|at night|overnight|in bed))",
    re.IGNORECASE,
)


def circumstance_as_gerund(text: str) -> str:
    """When it hurts as the name of what is done: "Back pain when you breathe" -> "Back
    pain when breathing", "when I bend forward" -> "when bending forward" (a clause about
    the reader names nothing; the -ing form does)."""

    def named(match: re.Match) -> str:
        verb = match["verb"]
        if verb.lower() in _NOT_AN_ACTION or verb.lower().endswith("ing"):
            return match.group(0)
        return f"{match['when']} {gerund(verb)}"

    return _WHEN_THE_READER.sub(named, text)


def condition_name_from_title(title: str, rules: RuleSet) -> str:
    """ "How to relieve spasm of the back muscles?" -> "Back muscle spasm";
    "Sciatica: symptoms and treatment" -> "Sciatica"; "What is sciatica?" -> "Sciatica";
    "Why does my back hurt when I bend forward?" -> "Back pain when bending forward"."""
    text = " ".join(title.split())
    if hurts := _WHY_IT_HURTS.match(text):
        # "Why does my shoulder blade hurt?", "Why your lower back hurts after swings" ask
        # about shoulder blade pain, lower back pain after swings.
        part = hurts["part"]
        if when := _CIRCUMSTANCE.match(text, hurts.end()):
            # "first thing in the morning" is when: "in the morning".
            said = when["time"] or circumstance_as_gerund(when.group(0).strip())
            part = f"{part} pain {said}"
        else:
            part = f"{part} pain"
        words = [w if w.isupper() and len(w) > 1 else w.lower() for w in part.split()]
        return sentence_case(" ".join(words))
    if (hurts := _WHY_IT_HURTS_ME.fullmatch(text)) and (
        rules.regions_in(hurts["part"]) or hurts["part"].lower() in ("back", "spine")
    ):
        # "Why do sit-ups hurt my lower back?" asks about lower back pain from sit-ups.
        return sentence_case(f"{hurts['part'].lower()} pain from {hurts['cause'].lower()}")
    text = rules.remove_cues("heading_prefix", text, "")
    text = rules.remove_cues("title_suffix", text, "")
    # 'THE "SLIPPED DISC"': quotation marks around a popular name are no part of it.
    text = _QUOTED_WORDS.sub(r"\1", text)
    text = first_title_part(text, rules)
    text = circumstance_as_gerund(text)
    text = _BRACKETED.sub("", text)  # "Coccydynia (tailbone pain)": the bracket is another name
    text = rules.remove_cues("title_prefix", text, "", count=1)
    text = text.strip(" .?!" + QUOTE_MARKS)
    text = invert_of_phrase(text, rules)
    return sentence_case(text) if text else ""


def first_title_part(title: str, rules: RuleSet) -> str:
    """The part of a title before its first "?", ":", "!", spaced dash or comma: what it
    names. "Mum – spine fracture (T12) notes": whose notes they are comes first, and the
    part after it is the one that names something."""
    parts = _TITLE_PARTS.split(title, maxsplit=1)
    if len(parts) > 1 and rules.cue("title_person", parts[0]):
        parts = _TITLE_PARTS.split(rules.remove_cues("title_suffix", parts[1], ""), maxsplit=1)
    if len(parts) > 1:
        # "Spinal stenosis clinic + walking plan": a genre word ending the first part.
        return rules.remove_cues("title_genre", parts[0], "").strip() or parts[0]
    return parts[0]


#: Words in quotation marks, straight or curly: '"slipped disc"'.
_QUOTED_WORDS = re.compile(r"[\"\u201c\u201d]([^\"\u201c\u201d\n]{1,60}+)[\"\u201c\u201d]")

#: Where a title's parts meet: "?", ":" or "!", a spaced dash or plus, a comma.
_TITLE_PARTS = re.compile(r"\s*[?:!]\s*|\s+[-–—+]\s+|\s*,\s*")

_CONDITION_CLAUSE = re.compile(
    r"^(?:(?P<your>your|the|their)\s+(?P<np>[\w' -]+?)\s+(?:is|are|get|gets|become|becomes)"
    r"|(?P<you>you|you're|you are|they are|they're)(?:\s+(?:are|is))?)"
    r"\s+(?P<adj>(?:too |very )?[a-z]+)$",
    re.IGNORECASE,
)
#: A clause's subject ("you", "they") and what it does, after "more likely if".
_PERSON_CLAUSE = re.compile(
    r"^(?:(?:you|they|he|she|your child)\s+)?(?P<verb>[a-z]+)(?P<rest>(?:\s+[\w'-]+){0,6})$",
    re.IGNORECASE,
)
#: "you are", "they're": what follows describes the person ("you are overweight").
_COPULA = re.compile(r"^\s*(?:you|they)(?:'re|\s+(?:are|is))\b", re.IGNORECASE)
#: Verbs of having: "have diabetes", "have had a back injury" name what is had.
_HAVING = re.compile(r"^(?:have|has|had)(?:\s+(?:had|got|been\s+given))?\s+", re.IGNORECASE)
#: A clause that says what the person does not do ("don't get much exercise").
_NEGATED_CLAUSE = re.compile(r"^(?:(?:you|they)\s+)?(?:do|does|did)(?:\s+not|n['\u2019]t)\b", re.I)


def risk_names(sentence: str, cue: str, rules: RuleSet) -> list[str]:
    """Risk factors named by the conditions after ``cue`` ("more likely if"): "your back
    muscles are weak or you are overweight" -> ["Weak back muscles", "Being overweight"];
    "you smoke, sit at a desk all day or have diabetes" -> ["Smoking", "Sitting at a desk
    all day", "Diabetes"]."""
    # fold_case keeps positions: an offset in the folded copy is one in the sentence.
    start = fold_case(sentence.replace("\u2019", "'")).find(fold_case(cue))
    if start < 0:
        return []
    tail = sentence[start + len(cue) :].strip().rstrip(".!?;")
    names = []
    for clause in re.split(r",\s*(?:or\s+|and\s+)?|\s+or\s+", tail):
        name = _risk_clause_name(clause.strip(), rules)
        derived = check_name(name, rules) if name else None
        if derived and derived.name:
            names.append(derived.name)
    return names


def _risk_clause_name(clause: str, rules: RuleSet) -> str:
    """What one condition of a "more likely if" sentence names, or ""."""
    if _NEGATED_CLAUSE.match(clause):
        return ""
    match = _CONDITION_CLAUSE.match(clause)
    # "you are overweight" describes the person; "you smoke" says what they do (below).
    if match and (match["np"] or _COPULA.search(clause) or not _can_be_verb(match["adj"])):
        if match.group("np"):
            return f"{match.group('adj')} {match.group('np')}"
        return f"being {match.group('adj')}"
    match = _PERSON_CLAUSE.match(clause)
    if not match:
        return ""
    verb, rest = match.group("verb"), match.group("rest").strip()
    if verb.lower() in ("are", "is", "were", "was", "be"):
        return ""  # "are a smoker", "are pregnant" (read above when one word)
    if _HAVING.match(f"{verb} {rest}"):
        had = _HAVING.sub("", f"{verb} {rest}")
        if _is_participle(had.split()[0] if had else ""):
            return ""  # "have hurt your neck before": an event, told as a clause
        return re.sub(r"^(?:an?|the|some)\s+", "", had, flags=re.IGNORECASE)
    if not _can_be_verb(verb):
        return ""
    return " ".join(filter(None, [gerund(verb), rest]))


def _is_participle(word: str) -> bool:
    """Whether ``word`` is a verb's past participle ("hurt", "broken", "injured")."""
    lookup = lemma_lookup()
    if lookup is None or not word:
        return word.lower().endswith("ed")
    lemmas = lookup(word.lower()).get("VERB", ())
    return any(word.lower() in _participles(lemma) for lemma in lemmas)


def opens_with_base_verb(text: str) -> bool:
    """Whether ``text`` opens with a word that can be a verb's base form ("Slide your arm
    under ...", "Stay for five breaths"), as an instruction does; False without the
    ``nlp`` extra's lexicon."""
    words = text.split()
    return bool(words) and _can_be_verb(words[0].strip(".,;:!?\"'"))


@lru_cache(maxsize=4096)
def _can_be_verb(word: str) -> bool:
    """Whether ``word`` can be the base form of a verb ("smoke", "sit"); False without the
    ``nlp`` extra's lexicon (a clause then names nothing)."""
    lookup = lemma_lookup()
    if lookup is None:
        return False
    lemmas = lookup(word.lower())
    return word.lower() in lemmas.get("VERB", ())


def subject_name(sentence: str, rules: RuleSet) -> str:
    """The condition a definition sentence is about ("Back muscle tension syndrome
    occurs ..."), when its subject ends in a condition word; else ""."""
    phrase = noun_phrase(sentence, rules)
    words = phrase.split()
    # "Paraplegia follows an injury lower down": the name ends at its verb.
    verb = next((i for i, w in enumerate(words) if i and opens_with_verb(w)), None)
    derived = check_name(" ".join(words[:verb]), rules)
    if derived.name and (
        rules.has_condition_head(derived.name) or rules.is_condition_term(derived.name)
    ):
        return derived.name
    return ""
