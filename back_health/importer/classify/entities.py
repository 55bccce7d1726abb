"""Conditions, causes, treatments and medicines named in list items and sentences."""

from __future__ import annotations

import bisect
import os
import re
from functools import lru_cache

from ..clean import block_text
from ..document import ListBlock, ListItem
from ..memo import remembered, remembered_call
from ..names import (
    as_gerund_phrase,
    check_name,
    derive_name,
    entity_key,
    first_phrase,
    injury_by_part,
    is_instruction,
    is_practitioner,
    is_vague,
    name_key,
    only_adjective,
    opens_with_verb,
    preferred_title,
    risk_names,
    split_names,
    split_sentences,
    strip_tags,
    subject_name,
    without_adjective_comma,
    without_connective,
    without_duration,
    without_inner_gloss,
)
from ..plan import Kind, MedicinePlan, PagePlan
from ..rules import Part, RuleSet
from ..text import sentence_case, sentence_start
from .blocks import BOLD_LABEL, label_begins_sentence
from .context import ENTITY_KINDS, Context, add_alternate, relate, relation_note
from .subject import CARE_WORD, whole_medicine
from .topics import CAUSE_TOPICS, TREATMENT_TOPICS
from .warnings import add_prose


def cause_page(name: str, state: Context, reason: str = "") -> PagePlan:
    """A cause's page; a cause that is a condition by its own words (not merely a name
    the vocabulary knows) is a condition page."""
    if named := injury_by_part(name):
        # "a sprain of a costotransverse joint": an injury is a condition, named so.
        page = state.entity(Kind.CONDITION, named, reason=f"{reason}; an injury of a part")
        add_alternate(page, name, state.rules)
        state.pages.alias(name, page)
        return page
    if state.rules.is_condition_term(name, vocabulary=False):
        return state.entity(Kind.CONDITION, name, reason=f"{reason}; its words name a condition")
    if state.rules.cue("disorder_name", name):
        # "Myofascial pain syndrome" is a condition that causes this one: one page.
        return state.entity(Kind.CONDITION, name, reason=f"{reason}; it names a disorder")
    if general := _general_cause(name, state):
        # "a fall from standing height" after "Falls": the same cause, told more exactly;
        # its wording is another name of the page already there.
        add_alternate(general, name, state.rules)
        state.pages.alias(name, general)
        return general
    return state.entity(Kind.CAUSE, name, reason=reason)


def _general_cause(name: str, state: Context) -> PagePlan | None:
    """The cause page that ``name`` narrows with a phrase of how, where or when ("Fall
    from standing height" of "Falls", "Lifting with a bent back" of "Lifting"), when
    ``name`` has no page of its own."""
    rules = state.rules
    match = _NARROWED_BY.search(name)
    if match is None or state.pages.get(entity_key(name, rules)) is not None:
        return None
    page = state.pages.get(entity_key(name[: match.start()], rules))
    return page if page is not None and page.kind == Kind.CAUSE else None


#: The first word of a phrase saying how, where or when: "from standing height".
_NARROWED_BY = re.compile(r"\s(?:from|onto|on|at|in|into|during|while|when|with|without)\s", re.I)


def owner_for_relations(owner: PagePlan, state: Context) -> PagePlan:
    return owner if owner.kind == Kind.CONDITION else state.main


def advised_against(sentence: str, start: int, rules: RuleSet) -> str | None:
    """The cue that advises against what is named at ``start`` of ``sentence``: "bed rest
    is not recommended", "insufficient evidence for cold therapy", "surgery is rarely
    needed". Only the clause the name is in counts ("Heat helps, but traction is not
    recommended" advises against traction alone). Worked out once per sentence and start
    in an article scope: the recognisers ask it again and again."""
    return remembered_call(_advised_against, sentence, start, rules)


def _advised_against(sentence: str, start: int, rules: RuleSet) -> str | None:
    clause_start, clause_end = _clause_bounds(sentence, start)
    if cue := rules.cue("advised_against", sentence[clause_start:clause_end]):
        return cue
    if sentence[:start].strip(" \"'\u201c\u2018*"):
        return None
    # The name opens the sentence: a later clause that refers back to it counts too
    # ("Aspirin is an NSAID too, but it is not used for back pain").
    for clause in _CLAUSE_BREAK.split(sentence[clause_end:])[1:]:
        for part in re.split(r",\s*(?:so|and)\s+", clause):
            refers = _REFERS_TO_ITEM.match(part) or _REFERS_BACK_AT_END.search(part)
            if refers and (cue := rules.cue("advised_against", part)):
                return cue
    return None


def _clause_breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    """The spans of :data:`_CLAUSE_BREAK` in ``sentence``, found once per sentence (each
    name in it asks again)."""
    return remembered(
        _clause_breaks,
        sentence,
        lambda: tuple(match.span() for match in _CLAUSE_BREAK.finditer(sentence)),
    )


#: A clause that ends by naming what came before: "so we do not recommend them".
_REFERS_BACK_AT_END = re.compile(r"\b(?:them|it|these|this)\W*$", re.IGNORECASE)


def item_advised_against(text: str, rules: RuleSet) -> str | None:
    """The cue advising against a list item's treatment: in its first clause, or in a
    later one that refers back to it ("Steroid tablets are sometimes tried, but ... so
    they are rarely advised")."""
    return advised_against(text, 0, rules)


_REFERS_TO_ITEM = re.compile(r"\s*(?:so\s+)?(?:it|they|these|this)\b", re.I)


#: Where one clause of a sentence ends and another, that may say the opposite, begins.
# The look-ahead names every character a break can open with: re then skips the others.
_CLAUSE_BREAK = re.compile(
    r"(?=[\s;,.])(?:\s*;\s*|,?\s+(?:but|whereas|while|although|though|however)\s+|\.\s+)"
)


def treatments_in_sentence(
    sentence: str, owner: PagePlan, topic: str, state: Context, within: PagePlan | None = None
) -> None:
    """Treatments and medicines named in a sentence of ``owner``'s text; ``within`` is the
    treatment whose own section the sentence is in, if any."""
    rules = state.rules
    medicines = rules.find_medicines(sentence)
    terms = rules.find_treatments(sentence)
    about = described_treatment(sentence, [m for _, m in medicines] + [m for _, m in terms], rules)
    for info, match in medicines:
        if deficient(sentence, match.start()):
            state.decide(match.group(0), "content", "the sentence names a lack of it")
            continue
        if cue := advised_against(sentence, match.start(), rules):
            state.decide(match.group(0), "content", f"the sentence advises against it ({cue!r})")
            continue
        if rules.cue("negated_treatment", _before(sentence, match.start())):
            # "Do not take ibuprofen while you are pregnant" warns; it does not treat.
            state.decide(match.group(0), "content", "the sentence advises against it")
            continue
        if (
            within is not None
            and _medicine_of(info, within, rules)
            # "Dexamethasone is a steroid ...": the medicine the sentence is about, not one
            # a doctor "may suggest" under "Pain relief".
            and sentence[: match.start()].strip(" *_\"'").lower() in ("", "a", "an", "the")
            and section_treatment_named(
                within,
                sentence,
                medicine_title(info),
                lambda text: _treatments_besides(within, text, rules),
                state,
            )
        ):
            # "Steroids: Dexamethasone is a steroid given as soon as ...": the medicine
            # the section's class of medicines means.
            general_title = within.title
            state.pages.retitle(within, medicine_title(info))
            state.decide(match.group(0), "treatment", f"the medicine {general_title!r} means")
        page = medicine_page(info, match.group(0), owner, state, sentence)
        if match is about:
            _describe(page, sentence, state)
    combination_product(sentence, owner, state)
    if not terms or (
        topic not in TREATMENT_TOPICS
        and (about is None or topic in NOT_TREATMENT_TOPICS)
        and not rules.cue("treatment_sentence", sentence)
    ):
        return
    for term, match in without_name_ends(terms, sentence):
        if rules.cue("negated_treatment", _before(sentence, match.start())):
            continue
        if deficient(sentence, match.start()):
            state.decide(match.group(0), "content", "the sentence names a lack of it")
            continue
        if refers_to_list(sentence, match, rules):
            # "The exercises below strengthen ...": the article's own list, not the
            # treatment in general.
            state.decide(match.group(0), "content", "names the article's own list")
            continue
        if cue := advised_against(sentence, match.start(), rules):
            state.decide(match.group(0), "content", f"the sentence advises against it ({cue!r})")
            continue
        if rules.cue("discouraged_treatment", sentence[match.end() :]):
            state.decide(match.group(0), "content", "the sentence advises against it")
            continue
        if specific := more_specific_treatment(owner, term.name):
            state.decide(match.group(0), "content", f"refers back to {specific!r}")
            continue
        if (
            within is not None
            and within.kind == Kind.TREATMENT
            and within.treatment_kind == term.kind
            and within.title != term.name
            and general_operation(rules) is term
        ):
            # "Surgery may be considered if ..." under "Spinal fusion surgery": the
            # operation of the section, not surgery in general.
            state.decide(match.group(0), "content", f"refers to {within.title!r}")
            continue
        if (
            within is not None
            and _kind_of(term, within, rules)
            and section_treatment_named(
                within,
                sentence,
                term.name,
                lambda text: {
                    t.name for t, _ in rules.find_treatments(text) if _kind_of(t, within, rules)
                },
                state,
            )
        ):
            # "Surgery: A microdiscectomy removes the piece of disc ...", "Injections: an
            # epidural steroid injection may be offered": the section headed by the
            # general name is about the one treatment its text names first.
            general_title = within.title
            state.pages.retitle(within, term.name)
            within.treatment_kind = term.kind
            state.decide(match.group(0), "treatment", f"the treatment {general_title!r} means")
        elif general := operation_named(sentence, term, match, state):
            # "Surgery may be considered ... The usual operation is a discectomy": the
            # surgery the article speaks of is a discectomy, one page under that name.
            state.pages.retitle(general, term.name)
            general.treatment_kind = term.kind
            state.decide(match.group(0), "treatment", f"names the operation {general.title!r}")
        page = state.term_page(term, match.group(0), f"treatment term {term.name!r} in a sentence")
        short = _SHORT_NAME_AFTER.match(sentence, match.end())
        if short and short.group(1)[0] == match.group(0)[:1].upper():
            # "radiofrequency ablation (RFA)": a later "RFA uses heat ..." is about it (not
            # "radiotherapy" in "stereotactic body radiotherapy (SABR)").
            add_alternate(page, short.group(1), rules)
            state.pages.alias(short.group(1), page)
        if _is_head_of(match.group(0), page.title, rules):
            # "a brace" for "Back brace": the shorter name the article uses is another name.
            add_alternate(page, match.group(0), rules)
            state.pages.alias(match.group(0), page)
        elif written := wording_of(match.group(0), page, rules):
            # "a heat pack" for "Heat therapy", "physical therapy" for "Physiotherapy": the
            # article's own wording is another name of the page.
            add_alternate(page, written, rules)
        if not term.general and (care := CARE_WORD.match(sentence, match.end())):
            # "Chiropractic care can't reverse ...": the article's name for it holds the
            # general word after the term; a later sentence opening so is about it.
            named = match.group(0) + care.group(0)
            add_alternate(page, named, rules)
            state.pages.alias(named, page)
        if (purpose := _WHAT_IT_DOES_AFTER.match(sentence, match.end())) is not None:
            # "Surgery to lower the shoulder blade (...) is considered when ...": the
            # article's name for the operation it means says what it does.
            add_alternate(page, match.group(0) + purpose.group(0), rules)
        relate(owner, "treatments", page)
        state.decide(match.group(0), "treatment", f"treatment term {term.name!r} in a sentence")
        if term.general and within is not None and within.kind == Kind.TREATMENT:
            # "Exercises to strengthen the core ..." in the physiotherapy section are
            # part of physiotherapy: named, but the text is that treatment's.
            continue
        if match is about:
            if term.class_of_medicine:
                # "Anti-inflammatory painkillers": the article's name for the class.
                written = check_name(match.group(0), rules).name
                if written and len(written.split()) <= 4:
                    add_alternate(page, written, rules)
            _describe(page, sentence, state)


#: What a general treatment is for, said right after it, before a bracket, a comma or the
#: verb of its sentence: " to lower the shoulder blade".
_WHAT_IT_DOES_AFTER = re.compile(
    r"[ \t]++to[ \t]++(?:lower|raise|remove|release|repair|fix|fuse|free|straighten|correct|"
    r"replace|widen|stabilise|stabilize|decompress|reattach|realign|shorten|lengthen)"
    r"(?:[ \t]++[\w-]++){1,4}?(?=[ \t]*+[(,;.]|[ \t]++(?:is|are|may|can|will|might|could)\b)",
    re.IGNORECASE,
)
#: A short name in capitals in brackets straight after a name: " (RFA)".
_SHORT_NAME_AFTER = re.compile(r"[ \t]*+\((?-i:([A-Z][A-Z0-9-]{1,7}))\)")


def operation_named(sentence: str, term, match: re.Match, state: Context) -> PagePlan | None:
    """The article's general surgery page when ``sentence`` names the operation it means
    right before ``term`` ("The most common operation is spinal fusion") and ``term`` has
    no page of its own yet; else None."""
    rules = state.rules
    if term.kind != "surgery" or not rules.cue("operation_named", _before(sentence, match.start())):
        return None
    if state.pages.get(entity_key(term.name, rules)) is not None:
        return None  # both are pages already: the text of each stays its own
    general = general_operation(rules)
    if general is None or general.name == term.name:
        return None
    page = state.pages.get(entity_key(general.name, rules))
    if page is None or page.kind != Kind.TREATMENT or page is state.main:
        return None
    return page


def section_treatment_named(
    within: PagePlan | None, sentence: str, specific: str, family, state: Context
) -> bool:
    """Whether ``specific``, named in ``sentence`` of the section ``within`` heads, is the
    treatment the section's general heading means ("Injections" -> "Epidural steroid
    injection", "Surgery" -> "Spinal fusion", "Steroids" -> "Dexamethasone"): named in
    the section's first sentence, the only treatment of the heading's kind the section
    names (``family`` gives the names of that kind in a text), with no page of its own
    yet. A section naming several ("Painkillers: paracetamol ... ibuprofen ...") keeps
    its general page. Asked once per section."""
    if within is None or within.kind != Kind.TREATMENT or within is state.main:
        return False
    section = state.treatment_sections.pop(id(within), None)
    if section is None or not _opens(section, sentence):
        return False  # "Surgery may be considered if ...": the text is about surgery first
    named = family("\n".join(block_text(block) for block in section.blocks))
    return named == {specific} and state.pages.get(entity_key(specific, state.rules)) is None


def _opens(section, sentence: str) -> bool:
    """Whether ``sentence`` is the first of ``section``'s text."""
    first = " ".join(block_text(section.blocks[0]).split()) if section.blocks else ""
    return first.startswith(" ".join(sentence.split()))


def _treatments_besides(page: PagePlan, text: str, rules: RuleSet) -> set[str]:
    """The medicines and treatments ``text`` names besides ``page``'s own."""
    own = {
        page.title,
        *(t.name for t, _ in rules.find_treatments(preferred_title(page.title, rules))),
    }
    medicines = {medicine_title(info) for info, _ in rules.find_medicines(text)}
    return medicines | {t.name for t, _ in rules.find_treatments(text) if t.name not in own}


def _medicine_of(info, page: PagePlan, rules: RuleSet) -> bool:
    """Whether the medicine ``info`` is of the class of medicines ``page`` names
    ("Dexamethasone" of "Steroids", a corticosteroid)."""
    if not info.drug_class:
        return False
    classes = {t.name for t, _ in rules.find_treatments(preferred_title(page.title, rules))}
    return any(
        t.class_of_medicine and t.name in classes for t, _ in rules.find_treatments(info.drug_class)
    )


def _kind_of(term, page: PagePlan, rules: RuleSet) -> bool:
    """Whether the vocabulary ``term`` is a kind of the treatment ``page`` names in
    general: the page is the general operation and the term an operation, or the page's
    name is the term's name without its first words ("Steroid injections" of "Epidural
    steroid injection")."""
    if term.name == page.title:
        return False
    general = general_operation(rules)
    if general is not None and entity_key(page.title, rules) == entity_key(general.name, rules):
        return term.kind == general.kind
    words = entity_key(page.title, rules).split()
    specific = entity_key(term.name, rules).split()
    return len(specific) > len(words) and specific[-len(words) :] == words


def general_operation(rules: RuleSet):
    """The vocabulary's term for surgery in general, which a named operation is a kind
    of (None when the vocabulary has none)."""
    return next((term for term, _ in rules.find_treatments(_GENERAL_OPERATION)), None)


#: The word whose vocabulary term is the general operation a specific one is a kind of.
_GENERAL_OPERATION = "surgery"


def without_name_ends(found: list, text: str) -> list:
    """``found`` (treatment terms and their matches in ``text``) without a one-word term
    of the same kind straight after the term before it, which ends that name: "surgery"
    in "Spinal fusion surgery" is the operation named, not a second treatment."""
    kept = []
    for index, (term, match) in enumerate(found):
        if index:
            previous_term, previous = found[index - 1]
            if (
                previous_term.kind == term.kind
                and previous_term.name != term.name
                and " " not in match.group(0)
                and previous.end() < match.start()
                and not text[previous.end() : match.start()].strip()
            ):
                continue
        kept.append((term, match))
    return kept


def deficient(sentence: str, start: int) -> bool:
    """Whether the words before ``start`` say the thing named there is lacking: "low
    vitamin D", "a lack of sleep" name a cause, not a treatment."""
    return _DEFICIENT_BEFORE.search(sentence[max(0, start - 40) : start]) is not None


#: Words saying what follows is lacking, right before it.
_DEFICIENT_BEFORE = re.compile(
    r"\b(?:low|lack of|too little|not enough|deficiency of|deficient in|shortage of|"
    r"low levels? of|lacking|insufficient)\s+$",
    re.IGNORECASE,
)


def wording_of(written: str, page: PagePlan, rules: RuleSet) -> str:
    """The article's wording of a vocabulary term as a page name, when it is a clean
    name other than the page's title and names the treatment, not its practitioner
    ("physiotherapist")."""
    name = check_name(written, rules).name
    if name and is_practitioner(name) and _THERAPIST.search(name):
        # "A physical therapist can design ...": the therapy the therapist gives is the
        # article's own name for it ("Physical therapy" for "Physiotherapy").
        name = _THERAPIST.sub("therapy", name)
    if not name or len(name.split()) > 4 or is_practitioner(name):
        return ""
    # Compared as written: the entity key makes vocabulary synonyms equal, and the
    # article's own synonym is exactly what an editor and a search need to see.
    return "" if name.casefold() == page.title.casefold() else name


#: The end of a therapist's name, whose therapy is named by the same words.
_THERAPIST = re.compile(r"therapists?$", re.IGNORECASE)


#: Sections where saying what something does does not make it a treatment ("Regular
#: exercise may slow wear and tear" under Prevention).
NOT_TREATMENT_TOPICS = ("prevention", "causes", "cause", "symptoms", "complications")


def _describe(page: PagePlan, sentence: str, state: Context) -> None:
    if state.rules.cue("vague_benefit", sentence):
        # "Painkillers such as ibuprofen may help with the ache": a passing claim that it
        # helps says nothing an editor could write a page from.
        state.decide(sentence, "content", f"only says {page.title!r} may help")
        return
    state.pages.add_text(page, sentence)
    state.decide(sentence, f"text of {page.title!r}", "the sentence says what it does")


def described_treatment(sentence: str, matches: list[re.Match], rules: RuleSet):
    """The match of the one treatment ``sentence`` says something about, else None: the
    subject of what it does ("Keeping active ... helps the nerve recover", "an epidural
    injection may be offered") or the one treatment named after a cue that offers it
    ("can be treated with anti-inflammatory painkillers such as ibuprofen"). Examples
    after "such as" and a treatment in an "if" clause are not what the sentence is
    about; a passing or hedged mention says nothing of its own."""
    if not matches or rules.cue("passing_mention", sentence):
        return None
    matches = sorted(matches, key=lambda m: m.start())
    # Candidates: not an example of another, not inside an "if"/"when" clause.
    candidates, example = [], False
    for index, match in enumerate(matches):
        before = _before(sentence, match.start())
        gap = sentence[matches[index - 1].end() if index else 0 : match.start()]
        # "such as X or Y": both are examples.
        # "A course of physiotherapy focusing on bending exercises ... helps": what the
        # first one is made of is no subject either.
        example = bool(_EXAMPLE_CUE.search(gap) or (index and _MADE_OF.search(gap))) or (
            example and bool(_COORDINATED.fullmatch(gap))
        )
        if example or _CONDITIONAL.search(before.rsplit(",", 1)[-1]):
            continue
        if _IN_BRACKETS.search(before):
            continue  # "the steroid (usually triamcinolone) is injected": said of the steroid
        if _MODIFIES_NOUN.match(sentence, match.end()):
            continue  # "your physio appointments ... will help your claim": the appointments
        if _COMPARED_WITH.search(before):
            continue  # "work differently from ordinary painkillers": what it is compared with
        if _EXAMPLES_THEN_VAGUE.match(sentence, match.end()):
            # "Painkillers such as paracetamol can help": a class shown by its examples,
            # said only to help or be offered, is named in passing, and so are they.
            return None
        candidates.append(match)
    for match in candidates:
        if _APPOSITIVE_DEFINITION.match(sentence, match.end()):
            # "he underwent a microdiscectomy, an operation to remove the part of the
            # disc pressing on the nerve": the aside says what it is.
            return match
    if (
        candidates
        and (frame := _FRAMED_BY.match(sentence))
        and candidates[0].start() == frame.end()
        and sentence[candidates[0].end() :].lstrip().startswith(",")
    ):
        # "In kyphoplasty, a small balloon is first used ...": the sentence tells what
        # happens in the treatment it opens with.
        return candidates[0]
    for match in candidates:
        if rules.cue("treatment_object", _before(sentence, match.start())):
            end = match.end()
            for following in (m for m in matches if m.start() >= match.end()):
                if following.start() < end:
                    continue  # inside the brackets after the name
                gap = sentence[end : following.start()]
                if _BRACKET_OPEN.fullmatch(gap):
                    # "cyclobenzaprine (Flexeril)", "manual therapy (manipulation or
                    # massage)": what the brackets hold is the same one or its examples.
                    close = sentence.find(")", following.start())
                    end = close + 1 if close >= 0 else len(sentence)
                    continue
                if _COORDINATED.fullmatch(gap):
                    return None  # "options include X and Y": a list, no one subject
                break
            return match
    ends = [m.end() for m in candidates]  # in order: the matches do not overlap
    verbs = sorted(
        rules.cue_matches("treatment_predicate", sentence),
        key=lambda verb: verb.start(),
    )
    for verb in verbs:
        ahead = _before(sentence, verb.start())
        if _NEGATED.search(ahead) or _INFINITIVE.search(ahead):
            continue  # "does not help"; "exercises to strengthen the muscles that support"
        count = bisect.bisect_right(ends, verb.start())
        if not count:
            continue
        # The nearest: "A heat pack, a warm bath or a hot water bottle ... relaxes".
        subject = candidates[count - 1]
        gap = sentence[subject.end() : verb.start()]
        if count > 1 and _ALTERNATIVE.fullmatch(
            sentence[candidates[count - 2].end() : subject.start()]
        ):
            # "Paracetamol or ibuprofen can be used for a few days": alternatives named
            # together; the sentence says nothing of either alone.
            return None
        if ";" in gap:
            return None  # "Start with rest and painkillers; most people improve": the verb's
            # subject is in a clause of its own
        if "," in gap and _FRONTED_PHRASE.match(sentence, 0, subject.start()):
            # "After spinal surgery, smoking slows healing": the treatment sets the scene
            # in a phrase before the comma; what the verb says is of what follows it.
            return None
        if _last_of_a_list(subject, candidates[: count - 1], sentence, rules) or (
            count > 1 and _listed_with_another(candidates[count - 2], subject, sentence, rules)
        ):
            # "Heat, gentle movement and simple painkillers are all most people need": a
            # list; what it says is said of the list, not of the last one.
            return None
        # "physiotherapy focusing on bending exercises, core strength and walking
        # tolerance helps": what it consists of may take more words.
        most = SUBJECT_GAP_MAX_WORDS * (2 if _MADE_OF.match(gap.strip()) else 1)
        # "A heat pack ... for 15 to 20 minutes relaxes": how long is part of the dose.
        if len(_DURATION.sub(" ", gap).split()) <= most and not _CONDITIONAL.search(gap):
            return subject
        return None
    return None


#: A phrase setting the scene at a sentence's start, up to the treatment it names:
#: "After spinal", "Following your", "During".
_FRONTED_PHRASE = re.compile(
    r"\W*(?:after|before|during|following|since|until|without|with|for|in)\b[^,;]{0,40}$",
    re.IGNORECASE,
)


#: How long a treatment is used, between its name and what it does: "for 15 to 20
#: minutes at a time".
_DURATION = re.compile(
    r"\bfor\s+(?:up\s+to\s+|about\s+|around\s+)?\d+(?:\s*(?:to|-|\u2013|or)\s*\d+)?\s*"
    r"(?:seconds?|minutes?|mins?|hours?|days?|weeks?)(?:\s+at\s+a\s+time)?\b",
    re.IGNORECASE,
)


def _last_of_a_list(match: re.Match, before: list[re.Match], sentence: str, rules: RuleSet) -> bool:
    """Whether ``match`` ends a list of three or more ("heat, gentle movement and simple
    painkillers") that is not of one treatment in several forms ("a heat pack, a warm
    bath or a hot water bottle")."""
    start = max(0, match.start() - LIST_REACH)
    if not _LAST_OF_LIST.search(sentence[start : match.start()]):
        return False
    named = _treatment_named(match.group(0), rules)
    return not any(
        other.start() >= start and _treatment_named(other.group(0), rules) == named
        for other in before
    )


#: How far before a treatment a list it ends may begin.
LIST_REACH = 80


def _listed_with_another(
    previous: re.Match, match: re.Match, sentence: str, rules: RuleSet
) -> bool:
    """Whether ``match`` is listed right after ``previous`` ("X, Y and Z") and names
    another treatment (a heat pack and a hot water bottle are one: heat)."""
    gap = sentence[previous.end() : match.start()]
    if not _COORDINATED.fullmatch(gap) or not _JOINED.search(gap):
        return False  # "After surgery, a physiotherapist ...": a comma alone joins no list
    return _treatment_named(previous.group(0), rules) != _treatment_named(match.group(0), rules)


_JOINED = re.compile(r"\b(?:and|or|as well as)\b", re.IGNORECASE)
#: Before the last item of a list of three or more: "heat, gentle movement and simple ".
_LAST_OF_LIST = re.compile(
    r"[\w-],\s++(?:[\w-]+\s+){1,3}(?:and|or|as well as)\s+(?:[\w-]+\s+)?$", re.IGNORECASE
)


def _treatment_named(written: str, rules: RuleSet) -> str:
    """The vocabulary term or medicine ``written`` names, else its own words."""
    if terms := rules.find_treatments(written):
        return terms[0][0].name
    if medicines := rules.find_medicines(written):
        return medicines[0][0].generic
    return written.lower()


def _before(sentence: str, end: int) -> str:
    """The text just before ``end``: what a cue anchored at a name's start can see (a
    bounded window, so a long sentence with many names stays linear)."""
    return sentence[max(0, end - _WINDOW) : end]


#: Characters of context a cue next to a name looks at.
_WINDOW = 160

#: Most words between a treatment and the verb saying what it does.
SUBJECT_GAP_MAX_WORDS = 8
#: After a class of treatment: its examples, then only that they help or are offered.
#: A noun a treatment's name modifies, after it: " appointments", " department".
_MODIFIES_NOUN = re.compile(
    r"\s+(?:appointments?|department|team|clinic|services?|waiting\s+lists?|referrals?|notes"
    r"|staff|centre|center|unit|records?|bills?|costs?|fees?)\b",
    re.IGNORECASE,
)
#: An aside after a treatment's name saying what it is: ", an operation to remove",
#: ", a type of injection that".
_APPOSITIVE_DEFINITION = re.compile(
    r",\s*+(?:an?|the)\s+(?:(?:small|minor|major|short|simple|common|keyhole|type|kind|form)"
    r"\s+(?:of\s+)?)?(?:operation|procedure|surgery|injection|treatment|medicine|drug|therapy"
    r"|technique|programme|program|course|device)\s+(?:to|that|which|in which|where|used)\b",
    re.IGNORECASE,
)
_EXAMPLES_THEN_VAGUE = re.compile(
    r"\s*,?\s*(?:such as|like|including|for example|e\.g\.)\s+(?:[\w()'\u2019-]+,?\s+){1,8}?"
    r"(?:(?:can|may|might|could|will|often|usually|sometimes|also)\s+){0,2}"
    r"(?:help|helps|(?:be|are) (?:offered|given|used|tried))\b",
    re.IGNORECASE,
)
#: Just before a name it is compared with: "differently from", "rather than", "unlike".
_COMPARED_WITH = re.compile(
    r"\b(?:different(?:ly)?\s+(?:from|to)|rather\s+than|instead\s+of|unlike|compared\s+"
    r"(?:with|to)|(?:better|worse|stronger|weaker|safer|faster|slower|longer|shorter)\s+than)"
    r"\s+(?:(?:an?|the|your|ordinary|regular|usual|standard|simple|normal|other)\s+){0,2}$",
    re.IGNORECASE,
)
_EXAMPLE_CUE = re.compile(r"\b(?:such as|like|including|for example|e\.g\.|for instance)\b", re.I)
#: A phrase saying what a treatment consists of: "focusing on", "based on", "made up of".
_MADE_OF = re.compile(
    r"\b(?:focus(?:s|es|ed|ing)? on|focused on|based (?:on|around)|cent(?:red|ered) on|"
    r"built around|made up of|consisting of|combining|that (?:includes|combines|uses))\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(r"\b(?:if|when|unless|until|because|although|whether)\b", re.I)
_NEGATED = re.compile(r"(?:\bnot|n['\u2019]t|\bnever)\s*$", re.I)
#: A verb after these belongs to an infinitive or a relative clause, not to the subject:
#: "exercises to strengthen ...", "the muscles that support ...".
_INFINITIVE = re.compile(r"\b(?:to|that|which|who)\s*$", re.I)
_BRACKET_OPEN = re.compile(r"\s*\(\s*")
#: What offers one name as another's alternative: "paracetamol or ibuprofen".
_ALTERNATIVE = re.compile(r"\s*+,?\s*+or\s++(?:(?:an?|the)\s++)?", re.I)
#: What joins items of one list: "X and Y", "X, Y", "acetaminophen (Tylenol) or naproxen".
_COORDINATED = re.compile(
    r"[\s(),\u00ae\u2122]*+(?:(?:and|or|as well as)\s+)?(?:(?:an?|the)\s+)?[\s(]*+", re.I
)
#: A name opening a bracket, perhaps after a hedge: "(usually triamcinolone)".
_IN_BRACKETS = re.compile(
    r"\(\s*+(?:(?:usually|often|typically|mostly|normally|commonly|most often|for example|"
    r"e\.g\.|such as|like|including)[,:]?\s++)?$",
    re.I,
)


#: How far into a sentence a treatment word still opens it ("The exercises below ...").
LIST_REFERENCE_START = 5


def refers_to_list(sentence: str, match: re.Match, rules: RuleSet) -> bool:
    """Whether a treatment word points at the article's own list ("the exercises below",
    "these stretches") rather than naming the treatment."""
    return bool(
        rules.cue("list_reference_before", _before(sentence, match.start()))
        or rules.cue("list_reference_after", sentence[match.end() : match.end() + _WINDOW])
    )


def combination_product(sentence: str, owner: PagePlan, state: Context) -> PagePlan | None:
    """ "Robaxacet contains methocarbamol with acetaminophen." -> a medicine page for the
    product the vocabulary does not know, its generic name the medicines it combines."""
    rules = state.rules
    match = _COMBINES.match(sentence)
    if not match or rules.cue("dangling_start", match.group("name")):
        return None
    name = match.group("name")
    if whole_medicine(name, rules) is not None:
        return None  # a known medicine is found as one
    found = rules.find_medicines(match.group("rest"))
    if len(found) == 1 and found[0][0].components:
        generic = found[0][0].generic  # what it contains is a combination the vocabulary knows
    elif len(found) < 2:
        return None
    else:
        joins = [
            match.group("rest")[found[i][1].end() : found[i + 1][1].start()]
            for i in range(len(found) - 1)
        ]
        if not all(_JOIN.fullmatch(join) for join in joins):
            return None
        generic = " with ".join(info.generic for info, _ in found)
    page = state.entity(
        Kind.TREATMENT, name, "medicine", f"combination product of {generic} the text names"
    )
    page.treatment_kind = "medicine"
    if not page.medicines:
        page.medicines.append(MedicinePlan(generic=generic, brands=[name]))
    add_alternate(page, generic, rules)
    relate(owner, "treatments", page, "combination product")
    state.pages.add_text(page, sentence)
    state.decide(name, "treatment (medicine)", f"a product combining {generic}")
    return page


#: "<Brand> contains|combines <medicine> with|and <medicine>": a capitalised name of up to
#: three words (a brand), then what it contains.
_COMBINES = re.compile(
    r"\s*(?P<name>[A-Z][\w-]*+(?: [A-Z][\w-]*+){0,2})\s+(?:contains|combines|is a combination of)"
    r"\s+(?P<rest>.*)",
    re.S,
)
_JOIN = re.compile(r"\s*(?:,\s*)?(?:with|and|plus|\+|/)\s*", re.I)


def _is_head_of(written: str, title: str, rules: RuleSet) -> bool:
    """Whether ``written`` is the last words of ``title`` ("brace" of "Back brace")."""
    written_key, title_key = name_key(written, rules), name_key(title, rules)
    return bool(written_key) and title_key.endswith(" " + written_key)


def more_specific_treatment(owner: PagePlan, name: str) -> str:
    """A treatment of ``owner`` that is a kind of ``name`` ("Decompression surgery" for
    "Surgery"): a later bare "after surgery" means that one, not a new page."""
    suffix = " " + name.lower()
    return next((r.title for r in owner.treatments if r.title.lower().endswith(suffix)), "")


def risks_in_sentence(sentence: str, owner: PagePlan, state: Context) -> None:
    """ "It is more likely if your back muscles are weak" -> cause "Weak back muscles";
    the sentence stays in the text."""
    cue = state.rules.cue("risk_sentence", sentence)
    if not cue:
        return
    for name in risk_names(sentence, cue, state.rules):
        page = cause_page(name, state, f"risk factor after {cue!r}")
        relate(owner, "causes", page)
        state.decide(name, "cause", f"risk factor after {cue!r}")


def causes_in_sentence(sentence: str, owner: PagePlan, state: Context) -> None:
    """ "Other causes include a spinal tumour and a spinal infection" -> two causes,
    only when every listed part is a clean name (else none: no fragments); the
    sentence stays in the text."""
    rules = state.rules
    if subject := _named_as_cause(sentence, rules):
        # "Childbirth is the other common cause." names the cause and says so of it.
        if _within_main_title(subject, state):
            return  # "Back pain is a common reason for sickness absence" on "Back pain at work"
        page = cause_page(subject, state, "the subject of a sentence saying it is a cause")
        if page is not owner and page is not state.main:
            relate(owner, "causes", page)
            state.pages.add_text(page, sentence)
            state.decide(subject, "cause", "the sentence says it is a cause")
        return
    if not rules.cue("cause_sentence", sentence):
        return
    match = rules.cue_match("cause_sentence", sentence)
    if _HYPOTHETICAL.search(sentence[: match.start()]):
        return  # "If the cause of the problem is a disc herniation, surgery ...": a case
    of = _CAUSE_OF.search(match.group(0))
    if of is not None:
        # "The most common cause of sciatica is a slipped disc": the cause of what the
        # page is about, or of something else ("the main cause of death").
        if not _names_page(of.group("what"), owner, rules):
            return
    elif not speaks_of(owner, _LEADING_CIRCUMSTANCE.sub("", sentence[: match.start()]), rules):
        # "In adults, the most common cause is ...": in whom it holds frames the sentence.
        return
    # "The most common cause is a herniated disk; in older adults, ...": the clause ends
    # at the semicolon. "a disc bulge, where ..., and a bony narrowing, which ...": the
    # asides between commas are no names.
    rest = _CLAUSE_STOP.split(sentence[match.end() :], maxsplit=1)[0]
    # "caused by narrowing of the canal, and sometimes by a spondylolisthesis": the
    # second "by" goes on with the list.
    rest = _AND_BY.sub(" and ", rest)
    first, comma, after = rest.partition(",")
    if _ONE_CAUSE.search(match.group(0)) or (
        comma and _DEFINITE.match(after) and rules.is_condition_term(first.strip())
    ):
        # "The most common cause is cervical spondylosis, the gradual wear of the discs
        # ...": one cause, and what follows its comma describes it; so does "caused by
        # cervical spondylosis, the age-related wear of the discs" after a known name.
        rest = first
    names = listed_names(without_asides(rest), rules)
    # "a disc bulge, where the centre pushes out, and bony narrowing (foraminal
    # stenosis), which comes with age": a comment on each name says something of each.
    described = len(names) > 1 and _described_each(rest, names, rules)
    for name in names:
        page = cause_page(name, state, f"listed after {match.group(0)!r}")
        if page is not owner:
            relate(owner, "causes", page)
            state.decide(name, "cause", f"listed after {match.group(0)!r}")
            if described:
                state.pages.add_text(page, sentence)
            elif len(names) == 1 and not rules.cue(
                "passing_mention", sentence[: match.end()] + rest.split(",", 1)[0]
            ):
                # "The most common cause is a fall onto your backside": the one cause a
                # sentence names is what it is about.
                state.pages.add_text(page, sentence)


#: A list of causes going on after "by": ", and sometimes by", " or, rarely, by".
_AND_BY = re.compile(
    r",?\s+(?:and|or)\s*,?\s+(?:(?:sometimes|occasionally|also|rarely|more rarely|less often)"
    r"\s*,?\s+)?by\s+",
    re.IGNORECASE,
)
#: The opening of a definite description: ", the age-related wear of the discs".
_DEFINITE = re.compile(r"\s*the\s", re.IGNORECASE)
#: A conditional just before a cause cue: "If the cause is ...", "when the reason is".
_HYPOTHETICAL = re.compile(r"\b(?:if|when|whether|unless|where)\s*+$", re.IGNORECASE)
#: "cause of sciatica is": what the cause is of.
_CAUSE_OF = re.compile(r"\b(?:of|for)\s+(?P<what>.+?)\s+(?:is|are|was)$", re.IGNORECASE)
#: A cue naming one cause: "the most common cause is", "the usual reason was".
_ONE_CAUSE = re.compile(
    r"\b(?:cause|reason|culprit|trigger|explanation|risk factor)(?:\s+(?:of|for)\s+.+?)?"
    r"(?:\s+(?:we|you|I|doctors|physios)\s+\w+(?:\s+(?:in|at)\s+[\w\s-]+?)?)?\s+(?:is|was)$",
    re.IGNORECASE,
)


def origins_in_sentence(sentence: str, owner: PagePlan, topic: str, state: Context) -> None:
    """Causes named by where the condition comes from: "It usually comes from a strained
    muscle", "In people over 50 it is more often the result of cervical spondylosis",
    "The narrowing comes from ..." in a causes section. The subject must be the page
    (its name or a word referring to it), or anything but a word about words or benefits
    in a causes section ("The name comes from the Greek" is none). A part of the body
    ("comes from the muscles") and a treatment are never causes."""
    rules = state.rules
    if owner.kind != Kind.CONDITION or not rules.cue("cause_origin", sentence):
        return
    match = rules.cue_match("cause_origin", sentence)
    if _NEGATED_BEFORE.search(sentence[: match.start()]):
        return  # "Most herniated discs don't come from one dramatic injury"
    subject = _SETTING_PHRASE.sub("", sentence[: match.start()]).strip(" ,")
    if not subject or rules.cue("origin_subject_except", subject):
        return
    # "Most sciatica comes from ...": how much of the condition is no part of its name.
    named = _QUANTITY_OF.sub("", subject)
    own = (
        rules.cue("anaphoric_subject", subject)
        or (rules.is_condition_term(named) and speaks_of(owner, named, rules))
        # "Most people catch it from unpasteurized dairy": the cue itself names it.
        or bool(_NAMES_IT.search(match.group(0)))
    )
    if not own and topic not in CAUSE_TOPICS:
        return
    if not own and rules.is_condition_term(subject) and not _refers_to(owner, subject, rules):
        return  # "Epilepsy is a consequence of ...": what another condition comes from
    rest = _NON_RESTRICTIVE.split(sentence[match.end() :], maxsplit=1)[0]
    # "during pregnancy or in the months after giving birth": a second phrase of time
    # is no further name.
    rest = _SECOND_ADVERBIAL.split(rest, maxsplit=1)[0]
    # "unpasteurized dairy, especially fresh cheese": what follows narrows the one name.
    rest = _ELABORATION.split(rest, maxsplit=1)[0]
    # "cervical spondylosis, the age-related wear of the discs and joints, with ...": when
    # the whole is no clean list, the name before the first comma.
    names = listed_names(rest, rules) or listed_names(rest.split(",", 1)[0], rules)
    # "a complication of Harrington rod instrumentation for scoliosis": what a cause was
    # done for is no part of its name.
    names = [_PURPOSE_AFTER.split(name, maxsplit=1)[0] for name in names]
    names = [
        name
        for name in names
        if not rules.cue("anatomy_subject", f"the {_PLACE_AFTER.split(name, 1)[0]}")
        and not rules.find_treatments(name)
        and not is_vague(name, rules)
    ]
    for name in names:
        page = cause_page(name, state, f"named after {match.group(0).strip()!r}")
        if page is owner or page is state.main or page.kind == Kind.TREATMENT:
            continue
        relate(owner, "causes", page)
        state.decide(name, "cause", f"the condition comes from it ({match.group(0).strip()!r})")
        if len(names) == 1 and not rules.cue("passing_mention", sentence):
            state.pages.add_text(page, sentence)


#: Whose opinion a sentence gives, opening it: "Doctors think", "Experts believe that".
_OPINION = re.compile(
    r"^\s*(?:(?:most|many|some)\s+)?(?:doctors|experts|researchers|scientists|specialists|"
    r"surgeons|we|they|i)\s+(?:now\s+)?(?:think|believe|suspect|say|agree|feel)(?:\s+that)?\s+",
    re.IGNORECASE,
)
#: A negation just before a cue: "don't", "do not", "never", "rarely".
_NEGATED_BEFORE = re.compile(
    r"(?:\bnot|n['\u2019]t|\bnever|\brarely|\bseldom|\bhardly ever)[ \t]*+$", re.IGNORECASE
)
#: A comma before words that narrow or illustrate what came before.
_ELABORATION = re.compile(
    r",\s*(?:especially|particularly|mainly|mostly|notably|such as|like|including|for example|"
    r"for instance|e\.g\.)\s",
    re.IGNORECASE,
)
#: A cause cue that refers to the condition itself: "catch it from".
_NAMES_IT = re.compile(r"\b(?:it|them|this|the infection)\s+from\b", re.IGNORECASE)
#: A second phrase of time or place after a name: " or in the months after ...".
_SECOND_ADVERBIAL = re.compile(
    r"\s+(?:or|and)\s+(?=(?:in|at|during|after|before|when|while|within)\b)", re.IGNORECASE
)
#: Where what something was done for starts: " for scoliosis".
_PURPOSE_AFTER = re.compile(r"\s+for\s+(?=\S)", re.IGNORECASE)
#: Where a phrase of place starts after a head noun: "the tendons| around the hip".
_PLACE_WORDS = "of|in|around|at|on|near|between|along|behind|inside|within"
_PLACE_AFTER = re.compile(rf"\s+(?:{_PLACE_WORDS})\s", re.IGNORECASE)
#: A phrase of place after a part of the body: "the tendons over the outer hip".
_ANY_PLACE_AFTER = re.compile(
    rf"\s+(?:{_PLACE_WORDS}|over|under|above|below|across|down|into|through)\s", re.IGNORECASE
)
#: How much of a condition a subject speaks of: "Most", "Nearly all cases of".
_QUANTITY_OF = re.compile(
    r"^(?:(?:nearly|almost)\s+all|most|much|some|many)(?:\s+(?:cases|episodes)\s+of)?\s+",
    re.IGNORECASE,
)
#: A phrase saying who or when before a subject: "In people over 50 it ...".
_SETTING_PHRASE = re.compile(
    r"^\s*(?:in|among|for|during|after|over)\s[^,]{0,40}?(?:,\s*|\s(?=(?:it|this|they)\b))",
    re.IGNORECASE,
)


#: The cue :func:`effects_in_sentence` runs pattern by pattern, asked first if it can match.
_RISK_HOLDER = ("risk_holder",)


def effects_in_sentence(sentence: str, owner: PagePlan, state: Context) -> None:
    """Causes a sentence names by what they do to the page's condition: "Low energy
    availability can lead to a stress fracture", "People with diabetes are more likely
    to get it", "Obesity, smoking and depression are risk factors for back pain". A
    cause that is the one subject of such a sentence gets the sentence as its text."""
    rules = state.rules
    if owner.kind != Kind.CONDITION:
        return
    if born := rules.cue_match("cause_born_with", sentence, at_start=True):
        # "Some athletes are born with a narrower canal (congenital stenosis), which ...".
        rest = _NON_RESTRICTIVE.split(sentence[born.end() :], maxsplit=1)[0]
        names = listed_names(rest, rules)
        for name in names:
            _sentence_cause(name, sentence if len(names) == 1 else "", owner, state, born.group(0))
        return
    if (carried := _GENE_CARRIED.search(sentence)) and _PEOPLE.search(sentence[: carried.start()]):
        # "Most people with it carry a gene called HLA-B27": a gene those with the
        # condition carry is a risk they were born with.
        _sentence_cause(
            carried["name"] or carried["gene"], sentence, owner, state, carried.group(0)
        )
        return
    for pattern in (
        rules.cue_patterns("risk_holder") if rules.may_cue(_RISK_HOLDER, sentence) else ()
    ):
        if match := pattern.search(sentence):
            name = match.group("name")
            also = match.groupdict().get("also")
            if also and not derive_name(name, rules).name:
                # "People who are naturally bendy, with hypermobile joints, are more
                # prone": the plain words say nothing a name can, their gloss does.
                name = also
            _sentence_cause(name, sentence, owner, state, match.group(0))
            return
    if rules.cue("cause_list_subject", sentence):
        match = rules.cue_match("cause_list_subject", sentence)
        if _refers_to(owner, sentence[match.end() :], rules):
            names = listed_names(sentence[: match.start()], rules)
            said = sentence if len(names) == 1 else ""
            for name in names:
                _sentence_cause(name, said, owner, state, match.group(0))
        return
    if rules.cue("cause_when", sentence):
        # "Sciatica most often happens when a slipped disc presses on the nerve."
        match = rules.cue_match("cause_when", sentence)
        cause = sentence[match.end() :]
        glossed = _GLOSS_OPENING.match(cause)
        if (
            glossed
            and len(glossed.group("description").split()) >= GLOSSED_DESCRIPTION_MIN_WORDS
            and rules.is_condition_term(glossed.group("name"))
        ):
            # "... happens when age-related changes in the neck (cervical spondylosis)
            # narrow the canal": the term in brackets names what the words describe.
            if match.start() and speaks_of(owner, sentence[: match.start()], rules):
                _sentence_cause_named(
                    sentence_case(glossed.group("name")), sentence, owner, state, match[0]
                )
            return
        name = derive_name(cause, rules).name
        rest = cause.strip()[len(name) :] if name else ""
        after = _strip_article(cause)[len(name) :] if name else rest
        # "one of the cushioning discs ... bulges": one of the parts is still a part.
        part = _ANY_PLACE_AFTER.split(_ONE_OF.sub("", name), maxsplit=1)[0] if name else ""
        if _PASSIVE_NEXT.match(after) or (part and rules.cue("anatomy_subject", f"the {part}")):
            # "... happens when a vein or an artery is squeezed", "... when the nerves in
            # the lower back are squeezed": what is acted on is the part of the body
            # affected, not the cause.
            return
        if (
            match.start()
            and speaks_of(owner, sentence[: match.start()], rules)
            and not _RELATIVE_NEXT.match(after)
        ):
            _sentence_cause(cause, sentence, owner, state, match.group(0))
        return
    if not rules.cue("cause_effect", sentence):
        return
    match = rules.cue_match("cause_effect", sentence)
    # "... can lead to scarring, so the nerve roots stick; this stage is called adhesive
    # arachnoiditis": what the cause leads to is the object of its own clause.
    effect = _CLAUSE_END.split(sentence[match.end() :], maxsplit=1)[0]
    if match.start() == 0 or not _refers_to(owner, effect, rules):
        return
    subject = sentence[: match.start()]
    if rules.cue("anaphoric_subject", subject.strip()) or rules.cue("dangling_start", subject):
        return
    if _ENDS_RELATIVE.search(subject):
        return  # "..., which causes pain": the cause is the clause before, not a name
    _sentence_cause(subject, sentence, owner, state, match.group(0))


#: A gene people carry: "carry a gene called HLA-B27", "have the HLA-B27 gene".
_GENE_CARRIED = re.compile(
    r"\b(?:carry|carries|have|has|inherit|inherits|are born with)\s+(?:an?|the)\s+"
    r"(?:(?:gene|genetic marker|marker)\s+(?:called|named|known as)\s+(?P<name>[\w-]{2,20}+)"
    r"|(?P<gene>[A-Z][\w-]{1,15}+)\s+gene\b)"
)
#: Who a sentence speaks of before what they carry.
_PEOPLE = re.compile(
    r"\b(?:people|patients|adults|children|men|women|everyone|who|most|many)\b", re.IGNORECASE
)
#: Fewest words of a description its term in brackets names ("a slipped (herniated)
#: disc" is a gloss inside a name, not one).
GLOSSED_DESCRIPTION_MIN_WORDS = 4
#: A description with its term in brackets opening a clause: "age-related changes in the
#: neck (cervical spondylosis) narrow ...".
_GLOSS_OPENING = re.compile(r"^\s*(?P<description>[^().;:]{8,120}+)\((?P<name>[^()]{3,40}+)\)")
#: A passive after a name: "is squeezed", "are pressed on", "gets irritated".
_PASSIVE_NEXT = re.compile(
    r"^\W*(?:(?:is|are|was|were|gets?|becomes?)\s+(?:\w+ly\s+)?(?:\w+ed|\w+en|caught|trapped|"
    r"pinched|squashed|squeezed|pressed|compressed|irritated|inflamed|damaged|torn|worn|"
    r"stretched|trapped|injured)\b)",
    re.IGNORECASE,
)


#: Where the clause after a cause cue ends: a semicolon, or a comma before a new clause.
_CLAUSE_END = re.compile(
    r";|,\s*(?:so|and|but|which|where|while|whereas|because|as|and so)\s", re.IGNORECASE
)
#: Where the clause holding a cause cue starts: "A can refer pain, and B can cause it",
#: "One more thing: narrowed arteries can cause it".
_CLAUSE_START = re.compile(r"(?:;|:|,\s*(?:and|but|while|whereas|or))\s+")


def subtypes_in_sentence(sentence: str, owner: PagePlan, topic: str, state: Context) -> None:
    """Kinds of the condition named in prose: "The two usual kinds are postural kyphosis
    and Scheuermann's disease", or, in a types section, a sentence about one kind
    ("Isthmic spondylolisthesis results from a defect ..."). Each is a condition page
    related to the condition; a sentence about one kind is its text."""
    rules = state.rules
    if owner.kind != Kind.CONDITION:
        return
    if topic == "types" and (opening := _IN_KIND.match(sentence)):
        # "In central stenosis the middle of the canal is narrowed": the kind the
        # sentence is about opens it, up to the clause it frames.
        head = _framing_name(sentence[opening.end() :], rules)
        if name := derive_name(head, rules).name:
            _subtype(
                name, sentence, owner, state, "the kind a sentence in a types section is about"
            )
        return
    if topic == "types" and (name := subject_name(sentence, rules)):
        _subtype(name, sentence, owner, state, "the subject of a sentence in a types section")
        return
    if not rules.cue("types_sentence", sentence):
        return
    match = rules.cue_match("types_sentence", sentence)
    names = listed_names(sentence[match.end() :], rules)
    if match.group(0).lower().endswith(" is"):
        # "The most common type is a spinal dural arteriovenous fistula, a single
        # abnormal connection ...": one kind; what follows its comma describes it.
        names = names[:1]
    # One kind named, and not in passing ("Rarer forms are ..."): the sentence is about it.
    said = sentence if len(names) == 1 and not rules.cue("passing_mention", sentence) else ""
    for name in names:
        _subtype(name, said, owner, state, f"listed after {match.group(0).strip()!r}")


def _framing_name(rest: str, rules: RuleSet) -> str:
    """The name framing a sentence, from just after its "In": up to a comma close by when
    that is a whole name ("In discogenic back pain, the pain ..."), else up to the
    clause's subject ("In central stenosis the middle ...")."""
    comma = rest.find(",", 0, FRAMING_NAME_CHARS)
    if comma > 0:
        head = rest[:comma]
        if whole_name(head, rules):
            return head
    return _KIND_ENDS.split(rest, maxsplit=1)[0]


#: How far after "In" a comma may end the name that frames a sentence.
FRAMING_NAME_CHARS = 50
#: "In central stenosis ...", "With the isthmic type, ...": a sentence framed by a kind.
_IN_KIND = re.compile(r"(?:in|with)\s+(?=\S)", re.IGNORECASE)
#: Where the name of the kind framing a sentence ends: a comma, or the clause's subject.
_KIND_ENDS = re.compile(
    r"\s*[,;:(]|\s+(?=(?:the|a|an|your|this|these|it|they|there|pain|symptoms)\b)", re.IGNORECASE
)


def related_in_sentence(sentence: str, owner: PagePlan, topic: str, state: Context) -> None:
    """In a section on conditions like this one, the conditions a sentence names: "The main
    differential is postural kyphosis, a flexible round back ...", "Hip osteoarthritis
    gives a similar ache". One named as the sentence's subject or as the differential is
    described by it; several named together are mentions."""
    rules = state.rules
    if topic != "related" or owner.kind != Kind.CONDITION:
        return
    if lead := _DIFFERENTIAL_IS.match(sentence):
        named = _NON_RESTRICTIVE.split(sentence[lead.end() :], maxsplit=1)[0]
        # "postural kyphosis, a flexible round back ...": what follows the comma glosses it.
        names = listed_names(_APPOSITION.split(named, maxsplit=1)[0], rules)
    else:
        # "Gallbladder disease can refer pain to the shoulder blade, and heart problems
        # can cause pain ...": each clause's subject; two named together are mentions.
        names = [
            n for clause in _CLAUSE_START.split(sentence) if (n := subject_name(clause, rules))
        ]
        if not names:
            return
    names = [n for n in names if rules.is_condition_term(n) or rules.has_condition_head(n)]
    said = sentence if len(names) == 1 and not rules.cue("passing_mention", sentence) else ""
    for name in names:
        _related_condition(
            name,
            said,
            owner,
            state,
            "a condition like this one",
            "named in a section on conditions like this one",
        )


#: A comma before a phrase describing the name before it: ", a flexible round back".
_APPOSITION = re.compile(r",\s+(?=(?:an?|the|which|who|where|in which)\b)", re.IGNORECASE)
#: "The main differential is", "Other conditions to rule out include".
_DIFFERENTIAL_IS = re.compile(
    r"(?:the\s+)?(?:(?:main|commonest|most common|usual|key|other|important)\s+)?"
    r"(?:differentials?|differential diagnos[ie]s|look-?alikes?|mimics?|conditions? to rule out)"
    r"\s+(?:is|are|includes?)\s+",
    re.IGNORECASE,
)


def named_kind(sentence: str, owner: PagePlan, state: Context) -> None:
    """One kind of the condition a sentence names as such, wherever it stands: "The form
    we see in gymnasts is isthmic spondylolisthesis, which follows a fracture",
    "Piriformis syndrome is the best-known type". It is a related condition with the
    sentence as its text."""
    rules = state.rules
    if owner.kind != Kind.CONDITION:
        return
    if after := rules.cue_match("kind_named_after", sentence, at_start=True):
        text = _NON_RESTRICTIVE.split(sentence[after.end() :], maxsplit=1)[0]
        if not (name := whole_name(text.rstrip(" ."), rules)):
            return  # only a whole name is the kind
    elif verb := _DEFINING_VERB.search(sentence, 0, EXPLAINED_SUBJECT_CHARS):
        if not rules.cue_match("kind_named_before", sentence[verb.start() :], at_start=True):
            return
        if not (name := whole_name(sentence[: verb.start()].strip(), rules)):
            return
    else:
        return
    if _names_one_condition(name, state):
        _subtype(name, sentence, owner, state, "the sentence names it as a kind")


def framing_condition(sentence: str, owner: PagePlan, topic: str, state: Context) -> None:
    """A condition that frames a sentence saying what happens in it ("In a burst
    fracture, the whole vertebra is crushed", "In discogenic back pain the pain comes
    from the disc") is a related condition with the sentence as its text. In a types
    section :func:`subtypes_in_sentence` reads it."""
    rules = state.rules
    if topic == "types" or not defines_conditions(owner, state):
        return
    opening = _IN_CONDITION.match(sentence)
    if opening is None or name_key(state.main.title, rules) in name_key(sentence, rules):
        return  # "In back pain, amitriptyline helps ...": it says how the subject is used
    if not (name := whole_name(_framing_name(sentence[opening.end() :], rules), rules)):
        return  # only a whole name frames the sentence
    if _PEOPLE_WITH.search(name) or _EITHER.search(name):
        # "In older people with osteoporosis, ...": who, not what; "In myasthenia gravis
        # or motor neurone disease, ...": what holds for either, explaining neither.
        return
    if not (rules.is_condition_term(name) or rules.has_condition_head(name)):
        return
    if _names_one_condition(name, state):
        _related_condition(
            name, sentence, owner, state, "the text defines it", "a sentence it frames explains it"
        )


#: Two names offered as alternatives: "myasthenia gravis or motor neurone disease".
_EITHER = re.compile(r"\s(?:or|and/or)\s", re.IGNORECASE)
#: People named by what they have: "people with osteoporosis", "someone with gout".
_PEOPLE_WITH = re.compile(r"\s(?:with|who)\s", re.IGNORECASE)
#: "In a burst fracture, ...": a sentence framed by what it is about (not "With ...",
#: which frames what someone has or does).
_IN_CONDITION = re.compile(r"in\s+(?:an?\s+|the\s+)?(?=\S)", re.IGNORECASE)


def _subtype(name: str, sentence: str, owner: PagePlan, state: Context, why: str) -> None:
    if not is_subtype(name, state) or state.rules.find_treatments(name):
        return
    if state.rules.cue("heading_types", name):
        return  # "The classification of muscle cramps is ...": the grouping, not a kind
    _related_condition(
        name,
        sentence,
        owner,
        state,
        f"a kind of the condition: {why}",
        f"a kind of {owner.title!r}: {why}",
    )


def explained_condition(sentence: str, owner: PagePlan, state: Context) -> None:
    """Another condition a sentence opens with and explains is a related condition with
    that sentence as its text: "Spinal stenosis happens when these changes narrow the
    space around the nerves", "Facet joint pain comes from the small joints"."""
    rules = state.rules
    if not defines_conditions(owner, state):
        return
    opening, aside = without_named_aside(sentence)
    explains = _EXPLAINS.search(opening[:EXPLAINED_SUBJECT_CHARS])
    if explains is None or rules.cue("passing_mention", opening):
        return
    # "Degenerative cervical myelopathy (DCM) happens when ...": its short name after it.
    subject, short = without_short_name(opening[: explains.start()].strip())
    if not (name := whole_name(subject, rules)):
        return  # the whole subject must be the name
    if not (rules.is_condition_term(name) or rules.has_condition_head(name)):
        return
    if name.lower() in _general_terms(rules) or not _names_one_condition(name, state):
        return
    _related_condition(
        name, sentence, owner, state, "the text explains it", "a sentence explains it"
    )
    _add_short_name(name, aside or short, state)


#: How far into a sentence the name it explains may run.
EXPLAINED_SUBJECT_CHARS = 60
#: What a sentence explaining the condition it opens with says next.
_EXPLAINS = re.compile(
    r"\s+(?:(?:usually|often|mostly|sometimes|also)\s+)?(?:happens|occurs|develops)\s+when\b"
    r"|\s+(?:usually\s+|often\s+|mostly\s+)?comes\s+from\b",
    re.IGNORECASE,
)


def condition_defined(sentence: str, owner: PagePlan, state: Context) -> None:
    """Another condition a sentence opens with and defines is a related condition with
    that sentence as its text: "A lumbar sprain is an injury to the ligaments",
    "Discogenic pain is pain from the disc itself", "Pelvic girdle pain (PGP) is pain at
    the front of the pelvis" (the bracket another name of it)."""
    rules = state.rules
    opening, aside = without_named_aside(sentence)
    if not defines_conditions(owner, state) or rules.cue("passing_mention", opening):
        return
    verb = _DEFINING_VERB.search(opening, 0, EXPLAINED_SUBJECT_CHARS)
    if verb is None or not rules.cue_match("condition_definition", opening[verb.start() :]):
        return
    subject, short = without_short_name(opening[: verb.start()].strip())
    short = aside or short
    if not (name := whole_name(subject, rules)):
        return  # the whole subject must be the name
    if not (rules.is_condition_term(name) or rules.has_condition_head(name)):
        return
    if name.lower() in _general_terms(rules) or rules.find_treatments(name):
        return
    if not _names_one_condition(name, state):
        return
    _related_condition(name, sentence, owner, state, "the text defines it", "a sentence defines it")
    _add_short_name(name, short, state)


def _add_short_name(name: str, short: str, state: Context) -> None:
    """The other name a bracket after ``name`` gives becomes one of its page's names."""
    rules = state.rules
    page = state.pages.get(name_key(name, rules))
    alias = check_name(short, rules).name if short else ""
    if page is not None and page is not state.main and alias:
        add_alternate(page, alias, rules)
        state.pages.alias(alias, page)


def whole_name(text: str, rules: RuleSet) -> str:
    """The page name ``text`` is when all of it is the name, else "" ("A lumbar sprain" is
    "Lumbar sprain"; "A few millimetres of slip" or a clause is none)."""
    name = derive_name(text, rules).name
    return name if name and name_key(name, rules) == name_key(text, rules) else ""


def without_named_aside(sentence: str) -> tuple[str, str]:
    """A sentence without a bracket inside or after the name it opens with, and the other
    name the bracket gives: "A thoracic disc prolapse (also called a thoracic disc
    herniation) happens when ..." -> ("A thoracic disc prolapse happens when ...",
    "thoracic disc herniation"); "Chronic (long-term) low back pain is ..." ->
    ("Chronic low back pain is ...", ""): a gloss (:func:`without_inner_gloss`), no name.
    A bracket after the verb is no part of the name."""
    match = _NAMED_ASIDE.match(sentence)
    if match and not (_DEFINING_VERB.search(match["name"]) or _EXPLAINS.search(match["name"])):
        return match["name"] + sentence[match.end() :], match["other"]
    return without_inner_gloss(sentence), ""


#: A name, then a bracket saying what else it is called.
_NAMED_ASIDE = re.compile(
    r"(?P<name>[^()]{3,60}?)\s*\(\s*(?:also|sometimes|often)\s+(?:called|known\s+as|named)\s+"
    r"(?:an?\s+|the\s+)?(?P<other>[^()]{3,60})\)",
    re.IGNORECASE,
)


def without_short_name(subject: str) -> tuple[str, str]:
    """A subject and the short name in brackets after it: "Pelvic girdle pain (PGP)" ->
    ("Pelvic girdle pain", "PGP"); ("X", "") when there is none."""
    if subject.endswith(")") and "(" in subject:
        name, _, short = subject[:-1].rpartition("(")
        return name, short
    return subject, ""


def _names_one_condition(name: str, state: Context) -> bool:
    """Whether ``name``, the subject of a sentence defining it, names a condition other
    than the subject: not the general word ("A cyst is ..."), a count or an adverb cut
    with it ("A few millimetres of slip", "Scoliosis simply", "Less often the pain"),
    nor a form of the subject ("Scoliosis" in "Scoliosis in adults", "Spinal
    osteoarthritis" for "Osteoarthritis of the spine")."""
    rules = state.rules
    words = name_key(name, rules).split()
    if not words or (len(words) == 1 and rules.has_condition_head(name)):
        return False
    if _QUANTITY_START.match(name) or words[-1].endswith("ly"):
        return False
    if _INNER_WORD.search(name):
        return False
    subject = _stems(state.main.title, rules)
    # "Cervical herniated disk" for "Herniated disk in the neck": a word for the same
    # part of the body is the same word.
    regions = set(rules.regions_in(state.main.title))
    # "Stable fractures" on a Jefferson fracture page: a grade of it, no other condition.
    grades = frozenset(rules.name_rules.get("name_grade_words", ()))

    def in_subject(word: str) -> bool:
        if word in grades or any(_same_word(word, other) for other in subject):
            return True
        return bool(regions) and bool(regions.intersection(rules.regions_in(word)))

    return not all(in_subject(word) for word in _stems(name, rules))


#: An article or an adverb inside a name cut from a sentence: "Less often the pain".
_INNER_WORD = re.compile(r"\s(?:the|a|an|often|usually|sometimes|also)\s", re.IGNORECASE)
#: Words that say nothing of which condition a name is ("of", "the", "in"; "related" of
#: "work-related back pain", which is "back pain at work").
_LINK_WORDS = frozenset(
    {"of", "the", "in", "at", "a", "an", "with", "and", "to", "for", "on", "related"}
)


def _stems(name: str, rules: RuleSet) -> frozenset[str]:
    """The words of ``name`` that say which condition it is."""
    return frozenset(w for w in name_key(name, rules).split() if w not in _LINK_WORDS)


#: Letters two forms of one word share at least, and most letters either adds.
SAME_WORD_PREFIX = 4
SAME_WORD_ENDING = 3


def _same_word(one: str, other: str) -> bool:
    """Whether two words are forms of one ("spinal" and "spine", "sprain" and "sprains"),
    not two words that start alike ("osteoporosis" and "osteoarthritis")."""
    shared = len(os.path.commonprefix([one, other]))
    return shared >= min(SAME_WORD_PREFIX, len(one), len(other)) and (
        max(len(one), len(other)) - shared <= SAME_WORD_ENDING
    )


#: A count or an order opening a phrase: "first fracture", "few millimetres", "no".
_QUANTITY_START = re.compile(
    r"(?:first|second|third|last|next|few|several|many|some|no|any|each|every|one|two)\b",
    re.IGNORECASE,
)
#: The verb after the name a sentence defines ("... is", "... are", "... means").
_DEFINING_VERB = re.compile(r"\s+(?:is|are|means)\s", re.IGNORECASE)


def defines_conditions(owner: PagePlan, state: Context) -> bool:
    """Whether the conditions the text defines in ``owner``'s text get pages: a condition's
    text, or the text of an article about a treatment, which defines the conditions it
    treats or causes ("Vertebroplasty is for a vertebral compression fracture, where
    ...")."""
    return owner.kind == Kind.CONDITION or (owner is state.main and owner.kind == Kind.TREATMENT)


def relate_condition(owner: PagePlan, page: PagePlan) -> None:
    """``page`` among ``owner``'s related conditions; a treatment has none (a condition an
    article on a treatment defines may be what it treats or a harm it does)."""
    if owner.kind == Kind.CONDITION:
        relate(owner, "related_conditions", page)


def _related_condition(
    name: str, sentence: str, owner: PagePlan, state: Context, reason: str, because: str
) -> None:
    """``name``'s condition page, related to ``owner`` with ``sentence`` (if any) as its
    text; nothing when it is the owner or the main subject."""
    rules = state.rules
    key = name_key(name, rules)
    if key in {name_key(owner.title, rules), name_key(state.main.title, rules)}:
        return
    page = state.entity(Kind.CONDITION, name, reason=reason)
    if page is owner or page is state.main:
        return
    relate_condition(owner, page)
    if sentence:
        state.pages.add_text(page, sentence)
    state.decide(name, "condition", because)


def _strip_article(text: str) -> str:
    """``text`` without an article or possessive opening it ("the disc", "your shoes")."""
    return _ARTICLE.sub("", text)


_ARTICLE = re.compile(r"^\s*(?:an?|the|your|my|their|his|her|our)\s+", re.IGNORECASE)


def defined_conditions(sentence: str, owner: PagePlan, state: Context) -> None:
    """A condition the sentence defines in passing is a related condition with that
    sentence as its text: "... linked to relative energy deficiency in sport (RED-S), a
    condition in which ...".
    """
    rules = state.rules
    if not defines_conditions(owner, state) or not rules.cue("condition_apposition", sentence):
        return
    match = rules.cue_match("condition_apposition", sentence)
    before = sentence[: match.start()].rstrip()
    short = ""
    if before.endswith(")") and "(" in before:
        # "relative energy deficiency in sport (RED-S)": the bracket is another name.
        before, _, short = before[:-1].rpartition("(")
        before = before.rstrip()
    text = _LAST_LINK.split(before)[-1]
    name = derive_name(text, rules).name
    if not name or name_key(text, rules) != name_key(name, rules):
        return  # only a whole noun phrase before the comma is the defined name
    key = name_key(name, rules)
    if key in {name_key(owner.title, rules), name_key(state.main.title, rules)}:
        return
    page = state.entity(Kind.CONDITION, name, reason="the text defines it as a condition")
    if page is owner or page is state.main:
        return
    if short and (alias := check_name(short, rules).name):
        add_alternate(page, alias, rules)
        state.pages.alias(alias, page)
    relate_condition(owner, page)
    state.pages.add_text(page, sentence)
    state.decide(name, "condition", f"defined as one ({match.group(0).strip()!r})")


def glossed_condition(sentence: str, owner: PagePlan, state: Context) -> None:
    """A condition named before what it is, in a few words after a comma, is a related
    condition with the sentence as its text: "one episode of uveitis, an inflammation of
    the eye", "a sign of spondylolysis, a stress fracture at the back of a vertebra"."""
    rules = state.rules
    if not defines_conditions(owner, state):
        return
    match = rules.cue_match("condition_gloss", sentence)
    if match is None or rules.cue("passing_mention", sentence):
        return
    # "a sign of spondylolysis, a stress fracture ...": what follows the comma is what
    # the name just before it is, whatever that name qualifies.
    name = trailing_condition(sentence[: match.start()], rules, after_preposition=True)
    if name and _names_one_condition(name, state):
        _related_condition(
            name, sentence, owner, state, "the text defines it", "what it is follows its name"
        )


def relative_defined_condition(sentence: str, owner: PagePlan, state: Context) -> None:
    """A condition named just before a clause saying what happens in it is a related
    condition with the sentence as its text: "Lifting can cause a herniated disc, where
    the soft centre pushes out", "people with sacroiliac joint dysfunction, in which the
    joint moves too much"."""
    rules = state.rules
    if not defines_conditions(owner, state):
        return
    for match in rules.cue_matches("defining_relative", sentence):
        name = trailing_condition(sentence[: match.start()], rules)
        if name and _names_one_condition(name, state):
            _related_condition(
                name,
                sentence,
                owner,
                state,
                "the text defines it",
                "a clause after its name says what happens in it",
            )


#: How many words a name ending a clause may have.
TRAILING_NAME_WORDS = 6


def trailing_condition(text: str, rules: RuleSet, *, after_preposition: bool = False) -> str:
    """The condition whose name ends ``text`` ("lifting causes a herniated disc" ->
    "Herniated disc", "Paget's disease of bone"), else "". The name starts after a
    ``name_boundary`` word; a shorter reading that names no condition ("bone") gives way
    to a longer one. Unless ``after_preposition``, a name qualifying the noun before it
    ("rods for scoliosis") is none: what follows may be about that noun."""
    text = text.rstrip()
    boundaries = {m.end(): m.group(0) for m in rules.cue_matches("name_boundary", text)}
    for start in sorted({0, *boundaries}, reverse=True):
        phrase = text[start:].strip()
        if not phrase:
            continue
        words = phrase.split()
        if len(words) > TRAILING_NAME_WORDS or any(opens_with_verb(w) for w in words[1:]):
            return ""  # "fibromyalgia involves central sensitisation": a clause, no name
        if not after_preposition and _OF_A_NOUN.fullmatch(boundaries.get(start, "")):
            # "instrumentation for scoliosis, in which the rod ...": the clause may be
            # about the noun the name qualifies.
            return ""
        name = whole_name(phrase, rules)
        if (
            name
            and (rules.is_condition_term(name) or rules.has_condition_head(name))
            and name.lower() not in _general_terms(rules)
        ):
            return name
    return ""


#: A preposition joining a name to the noun before it ("rods for scoliosis").
_OF_A_NOUN = re.compile(r"\s*(?:for|of|after|in|on|at|by|before)\s+", re.IGNORECASE)


#: "This is called X", "That slip is called X", "This more serious condition is known as X".
#: A name given inside the sentence that describes it.
_CALLED_INLINE = re.compile(
    r"\b(?:which|that)\s+(?:is|are)\s+(?:then\s+)?(?:called|known as|termed)\s+"
    r"|\ban?\s+(?:(?:[\w-]+\s+){0,2}?(?:problem|condition|disorder|complication)\s+|type\s+of"
    r"\s+(?:[\w-]+\s+){1,3}?)(?:called|known as|termed|named)\s+"
    # "When the cord itself is squeezed ..., the condition is called cervical myelopathy".
    r"|^(?:when|if|once)\s[^;.]{3,160}?,\s+(?:the|this)\s+(?:condition|problem|disorder)\s+"
    r"(?:is|are)\s+(?:then\s+)?(?:called|known as|termed)\s+",
    re.IGNORECASE,
)
#: A subject that describes (a relative clause in it) before "is called <name>".
_DESCRIBED_THEN_CALLED = re.compile(
    r"[^,;:()]{3,80}?\s(?:that|which|who|where)\s[^,;:()]{3,80}?\s(?:is|are)\s+"
    r"(?:then\s+|usually\s+|often\s+|sometimes\s+)?(?:called|known as|termed)\s+",
    re.IGNORECASE,
)
#: Where a name after "called" ends: at a verb joined by "and", or a relative clause.
_NAME_ENDS = re.compile(
    r"\s+(?:and|which|that|who|where)\s+(?=(?:is|are|was|were|can|may|might|will|usually|often|"
    r"tends?|develops?|affects?|causes?|happens?)\b)|\s+(?:develops?|affects?|happens?|occurs?)\b",
    re.IGNORECASE,
)
_CALLED = re.compile(
    r"^(?:this|that|it|these|those)\b(?:\s+[\w-]+){0,4}?\s+(?:is|are)\s+(?:then\s+)?"
    r"(?:called|known as|termed|named)\s+"
    r"|^(?:this|that|these|those)\s+[\w-]+(?:\s+[\w-]+)?,\s+(?:called|known as|termed)\s+",
    re.IGNORECASE,
)


def called_condition(sentence: str, previous: str, owner: PagePlan, state: Context) -> None:
    """A condition the text names after describing it ("The nerve pain can last for months.
    This is called postherpetic neuralgia.") is a related condition; the description and
    the naming sentence are its text."""
    rules = state.rules
    if not defines_conditions(owner, state):
        return
    match = _CALLED.match(sentence) if previous else None
    said = f"{previous} {sentence}"
    stated = False  # the sentence itself says it is a condition ("a problem called ...")
    if match is None:
        # "..., which is called cervical myelopathy", "a problem called spinal stenosis",
        # "a type of bone cancer called osteosarcoma": named in the sentence describing it.
        match = _CALLED_INLINE.search(sentence)
        said = sentence
        stated = match is not None and match.group(0).lower().startswith(("a ", "an "))
    if match is None:
        # "Back pain that has lasted more than 3 months is called persistent back pain":
        # the subject describes what the name after "called" names.
        match = _DESCRIBED_THEN_CALLED.match(sentence)
    if match is None:
        return
    text = _NON_RESTRICTIVE.split(sentence[match.end() :], maxsplit=1)[0]
    text = _NAME_ENDS.split(text, maxsplit=1)[0]
    # "called spinal fractures or vertebral fractures": the first of the names given;
    # "called persistent or chronic back pain": the first word shares the rest's head.
    first, *other = re.split(r"\s+or\s+", text, maxsplit=1)
    if other and len(first.split()) == 1 and len(other[0].split()) >= 2:
        first = f"{first} {other[0].split(None, 1)[1]}"
    text = first
    name = derive_name(text.rstrip(" ."), rules).name
    if not name or len(name.split()) > 4:
        return
    if not (stated or rules.is_condition_term(name) or rules.has_condition_head(name)):
        return
    key = name_key(name, rules)
    if any(
        key == subject or key.endswith(f" {subject}")
        for subject in (name_key(owner.title, rules), name_key(state.main.title, rules))
    ):
        return  # the subject itself, or a form of it ("idiopathic transverse myelitis")
    head = key.split()[-1]
    if (
        owner is state.main
        and head not in _GENERIC_HEADS
        and head in name_key(state.main.title, rules).split()
    ):
        # "Spinal fracture caused by osteoporosis" ... "This is called an osteoporotic
        # vertebral fracture": the subject's own name in the text, another name of it.
        add_alternate(state.main, name, rules)
        state.decide(name, "alternate name", "the text names the subject it describes")
        return
    page = state.entity(Kind.CONDITION, name, reason="the text names what it describes")
    if page is owner or page is state.main:
        return
    relate_condition(owner, page)
    state.pages.add_text(page, said)
    state.decide(name, "condition", f"named after its description ({match.group(0).strip()!r})")


#: Head words too general to show that two names are one condition.
_GENERIC_HEADS = frozenset(
    {
        "pain",
        "ache",
        "aches",
        "syndrome",
        "disease",
        "disorder",
        "condition",
        "problem",
        "problems",
        "injury",
        "injuries",
    }
)
#: The word that links a defined name to the clause before it: the name follows it.
_LAST_LINK = re.compile(
    r"\b(?:to|with|by|from|as|and|or|is|are|was|were|called|named|have|has|had)\s+",
    re.IGNORECASE,
)


def cause_subject(sentence: str, owner: PagePlan, topic: str, state: Context) -> None:
    """In a causes section, a sentence whose subject does harm names causes: "Repeated
    twisting puts stress on the joints", "Whiplash can tear the joint capsule", "Obesity
    and pregnancy both raise the load on the joints". One cause named alone gets the
    sentence as its text. A part of the body acting ("The disc presses on the nerve") is
    no cause; the condition it is part of is named elsewhere."""
    rules = state.rules
    if topic not in CAUSE_TOPICS or owner.kind != Kind.CONDITION:
        return
    if there := rules.cue_match("cause_existential", sentence, at_start=True):
        # "Then there is low energy availability, meaning ...": what there is.
        rest = sentence[there.end() :]
        if _THERE_IS_NO_NAME.match(rest):
            return  # "There is no single cause", "There are many reasons"
        names = listed_names(_NON_RESTRICTIVE.split(rest, maxsplit=1)[0].split(",")[0], rules)
        if names and not rules.cue("anaphoric_subject", names[0]):
            said = sentence if len(names) == 1 else ""
            for name in names:
                _sentence_cause(name, said, owner, state, there.group(0))
        return
    # "Osteoporosis, which thins bone, may let ...", "Arthritis of the facet joints, the
    # small joints at the back, adds to ...": the aside after the subject says what the
    # subject is, and neither names it nor is what it does.
    said_of = _SUBJECT_ASIDE.sub(r"\g<subject> ", sentence, count=1)
    if not rules.cue("cause_predicate", said_of):
        return
    match = min(rules.cue_matches("cause_predicate", said_of), key=lambda m: m.start())
    # "Heavy loading of the spine, while the bones are still growing, seems to ...": the
    # clause between commas says when, and is no part of the name.
    subject = without_duration(_ASIDE.sub("", said_of[: match.start()]).strip())
    # "Also a genetic disposition plays a role": the joining word is no part of it.
    subject = without_connective(subject, rules)
    # "Researchers think changes in genes play a part", "Genes probably play a part":
    # who says so and how sure they are are no part of the name either.
    subject = _TRAILING_HEDGE.sub("", _REPORTED_BY.sub("", subject, count=1), count=1)
    # "In older adults, weak hip muscles ...", "During pregnancy the hormone relaxin ...":
    # when or in whom it happens is no part of the name.
    subject = _KIND_BEFORE_NAME.sub("", _LEADING_CIRCUMSTANCE.sub("", subject, count=1), count=1)
    if not subject or _ENDS_RELATIVE.search(subject):
        return
    if rules.cue("anaphoric_subject", subject) or rules.cue("dangling_start", subject):
        return
    if rules.cue("anatomy_subject", subject):
        return
    if _MODIFIERS_ONLY.fullmatch(subject) and only_adjective(subject.split()[-1], participles=True):
        # "The repeated strain can make your back ache": after a determiner and its
        # adjective, the cue's word ("strain") is the noun they qualify, not a verb.
        return
    names = listed_names(subject, rules)
    kept: list[str] = []
    for name in names:
        if rules.cue("anatomy_subject", f"the {_strip_article(name)}"):
            if kept and _ENDS_WITH_OBJECT.search(kept[-1]):
                # "Lifting with a rounded back and straight legs": a part of the body
                # after a name's "with" is more of its object, not another cause.
                continue
            # "... the hormone falls and the tendons weaken": a part of the body acting
            # after an "and" is a clause of its own, not one of a list of causes.
            return
        kept.append(name)
    listed, names = names, kept
    if len(names) == 2 and _PLACE_AFTER.search(names[0]) and len(names[1].split()) == 1:
        # "Looking down at a phone or laptop": the "or" joins the objects of the place,
        # not two causes.
        names = [name] if (name := derive_name(subject, rules).name) else []
    if not names:
        return
    # "A forward slip of one vertebra, called degenerative spondylolisthesis,": the
    # name it is called is the whole subject's name.
    called = _CALLED_AFTER.match(subject.rstrip(" ,"))
    if not called and len(" ".join(listed).split()) < len(_LIST_WORDS.sub(" ", subject).split()):
        # The names must be the whole subject ("People may develop it because ..." is
        # none), or one name with a phrase of time or place after it ("Heavy loading of
        # the spine in the teenage years").
        rest = _strip_article(subject)[len(names[0]) :] if len(names) == 1 else ""
        if not (rest and _strip_article(subject).lower().startswith(names[0].lower())):
            return
        if not _CIRCUMSTANCE.match(rest):
            return
    # The sentence says what each does ("Obesity and pregnancy both raise the load"),
    # unless it names them in passing, offers them as alternatives ("A bulging or
    # herniated disc can add to it") or lists more than a sentence can say much of.
    alternatives = len(names) > 1 and _OR.search(subject)
    said = sentence
    if len(names) > 2 or alternatives or rules.cue("passing_mention", sentence):
        said = ""
    for name in names:
        _sentence_cause(name, said, owner, state, match.group(0))


_OR = re.compile(r"\bor\b", re.IGNORECASE)
#: Who thinks so, before a cause: "Researchers think", "It is thought that".
_REPORTED_BY = re.compile(
    r"^(?:(?:some |many |most )?(?:researchers|scientists|experts|doctors|specialists|studies|"
    r"research|we|they)\s+(?:now\s+)?(?:think|believe|suspect|suggest|say|agree)|"
    r"it is (?:now )?(?:thought|believed|suspected))\s+(?:that\s+)?",
    re.IGNORECASE,
)
#: How sure the text is, after a cause and before what it does: "Genes probably".
_TRAILING_HEDGE = re.compile(
    r"\s+(?:probably|possibly|likely|certainly|definitely|perhaps|also|often|sometimes|"
    r"usually|partly|largely|mainly|themselves|itself)$",
    re.IGNORECASE,
)
#: A name ending in a phrase with its object: "Lifting with a rounded back".
_ENDS_WITH_OBJECT = re.compile(r"\s(?:with|without|on|onto|through|into)\s+(?:\S+\s+){0,3}\S+$")
#: What "there is" says of causes in general, naming none.
_THERE_IS_NO_NAME = re.compile(
    r"(?:no|not|many|several|some|various|a few|a number of|a lot of|lots of|plenty of|more than|"
    r"usually|often|always|sometimes)\b|[^,.;:]{0,40}\b(?:causes?|reasons?|factors?|triggers?|"
    r"explanations?|answers?|links?|ways?)\b",
    re.IGNORECASE,
)
#: A phrase of time or place after a name: " in the teenage years", " at work".
_CIRCUMSTANCE = re.compile(
    r"\s+(?:in|at|during|over|after|before|from|on|for)\s+[^,;:]{1,60}+$", re.IGNORECASE
)
#: A phrase of time or of whom opening a sentence, before its subject: "In older adults,",
#: "During pregnancy" before "the hormone ...".
_LEADING_CIRCUMSTANCE = re.compile(
    r"^(?:during|in|after|before|over|with|among|from|for|at)\s++"
    r"(?:[^,]{1,50}+,\s*+|(?:[\w-]+\s+){1,4}?(?=(?:the|a|an|your|their|his|her)\s))",
    re.IGNORECASE,
)
#: A clause of circumstance set off by commas: ", while the bones are still growing,".
_ASIDE = re.compile(
    r",\s*+(?:while|when|as|because|since|especially|particularly|even)\b[^,]{0,80}+(?:,|$)",
    re.IGNORECASE,
)
#: A non-restrictive aside after a sentence's opening noun phrase: a relative clause
#: (", which thins bone,") or an appositive (", the small joints at the back,"), not
#: followed by "and" or "or" (then the commas join a list: "Smoking, the pill and ...").
_SUBJECT_ASIDE = re.compile(
    r"^(?P<subject>[^,;:()]{1,80}+),\s*+(?:which|who|whose|where|the|an?|its|their)\s[^,;:()]{1,120}+,"
    r"\s++(?!(?:and|or)\b)",
    re.IGNORECASE,
)
#: Articles and joins a list of names may have between its names.
_LIST_WORDS = re.compile(r"\b(?:an?|the|and|or|your|my|their|his|her|our)\b|,", re.IGNORECASE)


def _sentence_cause(text: str, sentence: str, owner: PagePlan, state: Context, cue: str) -> None:
    rules = state.rules
    # "Coeliac disease and low body weight all increase the risk": the quantifier after
    # the names is no part of the last one.
    text = _FLOATING_QUANTIFIER.sub("", _CLAUSE_START.split(text)[-1])
    words = text.split()
    # "Long-term steroid use weakens bone and raises the risk": the name ends at its verb.
    verb = next((i for i, w in enumerate(words) if i and opens_with_verb(w)), None)
    subject = without_connective(" ".join(words[:verb]), rules)
    # "Smoking and carrying extra weight make it more likely": each coordinated name.
    names = listed_names(subject, rules) if _LIST_JOIN.search(subject) else []
    if len(names) > 1 and all(len(n.split()) <= 4 for n in names):
        for name in names:
            _sentence_cause_named(name, "", owner, state, cue)
        return
    name = derive_name(subject, rules).name
    if not name or len(name.split()) > 5:
        return
    _sentence_cause_named(name, sentence, owner, state, cue)


#: A determiner and up to two words after it, with no more: "The repeated", "a sudden".
_MODIFIERS_ONLY = re.compile(r"(?:the|a|an|this|that|any|your|their)(?:\s+[\w-]+){1,2}", re.I)


def _sentence_cause_named(
    name: str, sentence: str, owner: PagePlan, state: Context, cue: str
) -> None:
    rules = state.rules
    key = name_key(name, rules)
    main_key = name_key(state.main.title, rules) if state.main else ""
    if key in (name_key(owner.title, rules), main_key) or _within_main_title(name, state):
        return  # "Spasm of the back aggravates it" on "Back muscle spasm": the subject
    named = [m for _, m in rules.find_treatments(name)] + [m for _, m in rules.find_medicines(name)]
    if any(not deficient(name, match.start()) for match in named):
        # "Physiotherapy can lead to a full recovery" names a treatment ("Low vitamin D"
        # names the lack of one).
        return
    page = cause_page(name, state, f"the subject of {cue.strip()!r}")
    if page is owner or page is state.main or page.kind == Kind.TREATMENT:
        return
    relate(owner, "causes", page)
    if sentence:
        state.pages.add_text(page, sentence)
    state.decide(name, "cause", f"the sentence says it brings on the condition ({cue.strip()!r})")


#: The kind of thing a name is, before the name: "the hormone relaxin" is "relaxin".
_KIND_BEFORE_NAME = re.compile(
    r"^(?:the|an?)\s+(?:hormone|gene|genetic marker|bacterium|virus|protein|enzyme|germ)\s+"
    r"(?:(?:called|named|known as)\s+)?(?=\S)",
    re.IGNORECASE,
)
#: A quantifier after a subject, before its verb: "... all", "... both", "... each".
_FLOATING_QUANTIFIER = re.compile(r"\s+(?:all|both|each|together|alike)\s*$", re.IGNORECASE)
_ENDS_RELATIVE = re.compile(r"\b(?:which|that|this|what)\s*$", re.IGNORECASE)
#: "the muscles that hold the spine are weak": the name's own relative clause follows it.
_RELATIVE_NEXT = re.compile(r"^\W*(?:that|which|who|whose)\b", re.IGNORECASE)
_OBJECT_OF = re.compile(r"^(?:of|for)\s+", re.IGNORECASE)
_NO_OBJECT = re.compile(
    r"^(?:because|as|when|if|since|among|by|through|especially|particularly|in|after)\b",
    re.IGNORECASE,
)


def _refers_to(owner: PagePlan, text: str, rules: RuleSet) -> bool:
    """Whether the words after a cause cue speak of ``owner``: nothing (the risk of what
    the page is about), a word referring back, or the page's name or head word."""
    text = _OBJECT_OF.sub("", text.strip(" .,;:"))
    if not text or _NO_OBJECT.match(text):
        return True  # "raises the risk because ...": the risk of what the page is about
    if rules.cue("anaphoric_subject", text) or rules.cue("dangling_start", text):
        return True
    if _EPISODES.match(text):
        return True  # "Heavy lifting triggers most flare-ups": episodes of the condition
    said = set(name_key(text, rules).split())
    for name in (owner.title, *owner.alternate_names):
        words = name_key(name, rules).split()
        # "Sacral stress fracture in runners" is a fracture: its head is before "in".
        head = _HEAD_MODIFIER.split(name_key(name, rules), maxsplit=1)[0].split()
        if words and (set(words) <= said or words[-1] in said or (head and head[-1] in said)):
            return True
    return False


_HEAD_MODIFIER = re.compile(r"\s+(?:in|at|during|after|for|of|from|with)\s+")
#: Episodes of the condition a page is about, as the object of a cause cue: "most
#: flare-ups", "new attacks", "the symptoms".
_EPISODES = re.compile(
    r"(?:(?:most|many|some|an?|the|your|its|their|these|new|further|more|repeated|"
    r"recurrent|fresh)\s+){0,2}(?:flare-?ups?|attacks?|episodes?|bouts?|relapses?|"
    r"recurrences?)\b",
    re.IGNORECASE,
)


#: A comma between two adjectives before their noun: "Thin, brittle bone".
_ADJECTIVE_COMMA = re.compile(
    r"^(\s*[A-Za-z]*(?:ed|al|ic|ous|ive|le|ful|less|y|thin|weak|soft|old))"
    r",(?=\s+[a-z]+\s+[a-z]+\s*$)",
    re.IGNORECASE,
)
_MODIFIER_START = re.compile(r"\s+(?:of|in|on|during|from|with|at|after)\s+", re.IGNORECASE)


def _within_main_title(name: str, state: Context) -> bool:
    """Whether every word of ``name`` is in the main page's title: the subject itself
    or a broader name of it, never one of its causes."""
    if state.main is None:
        return False
    words = set(name_key(name, state.rules).split()) - _FUNCTION_WORDS
    return bool(words) and words <= set(name_key(state.main.title, state.rules).split())


#: Words a name may hold that say nothing of what it names ("spasm of the back").
_FUNCTION_WORDS = frozenset({"of", "in", "on", "at", "the", "a", "an", "to", "for", "with"})


#: What a "reason" is for when it is no cause: seeing a doctor, time off work.
#: What the cause is of after "the main reason": the condition coming back ("side strains
#: tear again", "it keeps coming back", "it recurs").
_COMES_BACK = re.compile(
    r"[^.;!?]{0,60}?\b(?:again|recurs?|recurrence|relapses?|(?:come|comes|coming|keeps?\s+coming)"
    r"\s+back|returns?)\b",
    re.IGNORECASE,
)
_REASON_TO_SEEK_CARE = re.compile(
    r"\s*+(?:why\s+)?(?:(?:people|adults|children|patients|women|men|workers)\s+)?"
    r"(?:(?:see|visit|go\s+to|consult|contact|call|book)\s+(?:a|an|the|their|your|his|her)\b"
    r"|(?:take|need)\s+time\s+off\b|miss(?:es)?\s+work\b)"
    r"|\s*+for\s+(?:seeing|visiting|a\s+visit|visits|appointments?|consultations?|time\s+off"
    r"|sick(?:ness)?\s+(?:leave|absence)|absence|missing)\b",
    re.IGNORECASE,
)


def _named_as_cause(sentence: str, rules: RuleSet) -> str:
    """The name a "<name> is the main cause" sentence gives, else ""."""
    if not rules.cue("cause_subject_sentence", sentence):
        return ""
    for pattern in rules.cue_patterns("cause_subject_sentence"):
        if (match := pattern.search(sentence)) and match.start() > 0:
            if _REASON_TO_SEEK_CARE.match(sentence, match.end()):
                # "Neck pain is one of the most common reasons adults see a doctor": why
                # people seek care, not what brings the condition on.
                return ""
            if _COMES_BACK.match(sentence, match.end()):
                # "Coming back too soon is the main reason side strains tear again": why
                # it returns, not what brings it on.
                return ""
            # "Doctors think hEDS is the main reason": whose opinion it is is no name.
            subject = _OPINION.sub("", sentence[: match.start()])
            if ";" in subject:
                return ""  # "... most of the rest; X is a cause": no clean subject
            if rules.cue("anaphoric_subject", subject) or rules.cue("passing_mention", sentence):
                return ""
            if rules.cue("anatomy_subject", subject.strip()):
                return ""  # "The gluteal tendon is the big one": a part of the body
            # "Repetitive hyperextension of the lower back in sport": the name is the
            # head before its modifiers.
            # "Thin, brittle bone is behind most fractures": adjectives in a row.
            subject = _ADJECTIVE_COMMA.sub(r"\1", without_duration(subject))
            texts = [subject, re.split(_MODIFIER_START, subject, maxsplit=1)[0]]
            if "," in subject and _FINITE_VERB.search(subject.split(",", 1)[0]):
                # "A few lessons on technique might help too, twisting with a straight
                # back is the usual culprit": what comes before the comma is a clause of
                # its own; the name is the last clause's subject.
                texts = [subject.rsplit(",", 1)[1]]
            elif "," in subject:
                # "Forward head posture, with the chin poking out, is the main culprit";
                # "In older adults, falls are the leading cause".
                texts += [subject.split(",", 1)[0], subject.rsplit(",", 1)[1]]
                if _LAST_CLAUSE.match(texts[-1]):
                    # "Beer raises uric acid, diuretics ..., and kidney disease is one of
                    # the strongest risk factors": the last clause's subject is the name.
                    texts = [_LAST_CLAUSE.sub("", texts[-1])]
            for text in texts:
                derived = derive_name(one_object(text), rules)
                if derived.name and len(derived.name.split()) <= 6:
                    if rules.cue("anatomy_subject", f"the {derived.name}"):
                        # "A disc in your lower back pressing on the nerve is a common
                        # cause": the part of the body left when the name is cut.
                        return ""
                    return spaced(derived.name)
    return ""


#: A share of a group before its name: "one of the", "some of your", "either of".
_ONE_OF = re.compile(
    r"^(?:one|some|any|each|either|both|all|many|most|several|two)\s+of\s+(?:the|your|its)\s+",
    re.IGNORECASE,
)
#: A verb that makes words a clause: "might help", "is", "have".
_FINITE_VERB = re.compile(
    r"\b(?:might|may|can|could|will|would|should|must|is|are|was|were|has|have|had|does|do|"
    r"did)\b",
    re.IGNORECASE,
)
#: The "and" or "or" opening the last clause of a sentence of several.
_LAST_CLAUSE = re.compile(r"\s*(?:and|or|but)\s+", re.IGNORECASE)


def speaks_of(owner: PagePlan, subject: str, rules: RuleSet) -> bool:
    """Whether a "... is caused by" subject is the page itself, not another condition
    ("Pelvic girdle pain is caused by ..." on a back pain page is not)."""
    # "Most psoas abscesses are caused by ...", "Most cases of sciatica ...": how many
    # of them, then the name of what they are.
    subject = _QUANTIFIER_START.sub("", subject.strip(" ,"))
    if not subject or rules.cue("anaphoric_subject", subject):
        return True
    if not rules.is_condition_term(subject) and not rules.has_condition_head(subject):
        return True
    key = name_key(subject, rules)
    names = [name_key(name, rules) for name in (owner.title, *owner.alternate_names)]
    if key in names or any(name.endswith(f" with {key}") for name in names):
        # "Sciatica is ..." on "Lower back pain with sciatica": the part the page is about.
        return True
    # "In older people kyphosis is caused by ...": after a phrase saying who or when,
    # the subject is the page's name.
    return bool(_SETTING.match(subject)) and any(key.endswith(f" {name}") for name in names)


def _names_page(what: str, owner: PagePlan, rules: RuleSet) -> bool:
    """Whether ``what`` ("sciatica", "it", "neck pain in older people") names the page."""
    what = re.split(r"\s+(?:in|among|for|during|at|after|before)\s", what.strip(" ,"), maxsplit=1)[
        0
    ]
    if rules.cue("anaphoric_subject", what) or what.lower() in ("it", "this", "them", "these"):
        return True
    key = name_key(what, rules)
    names = [name_key(name, rules) for name in (owner.title, *owner.alternate_names)]
    return bool(key) and any(
        key == name or name.endswith(f" {key}") or key.endswith(f" {name}") for name in names
    )


#: How many of something a subject opens with: "Most", "Nearly all cases of", "The
#: majority of".
_QUANTIFIER_START = re.compile(
    r"^\s*(?:most|many|some|nearly all|almost all|a few|the majority of)\s+"
    r"(?:(?:cases|episodes|types|forms|kinds)\s+of\s+)?(?=\w)",
    re.IGNORECASE,
)


_SETTING = re.compile(
    r"^\s*(?:\w{1,10}:\s*)?(?:in|among|for|during|at|after|before|with)\s", re.IGNORECASE
)


#: Where a clause that comments on what came before starts: "a disc herniation, where
#: disc material bursts backwards"; what follows it is not part of the name.
_NON_RESTRICTIVE = re.compile(
    r",\s*(?:(?:in|on|at|from|through|by|of) )?(?:where|which|who|whom|when|whereby|as)\b"
    r"|;|:\s|\s[-\u2013\u2014]\s",
    re.IGNORECASE,
)

#: Where the clause naming causes ends: a semicolon, a colon or a spaced dash.
_CLAUSE_STOP = re.compile(
    r";|:\s|\s[-\u2013\u2014]\s|,\s*+(?:and|but|so)\s++(?:because|if|when|since|although|"
    r"though|while|this|that|these|they|it|there|we|you)\b"
    r"|\s(?:as|when|once)\s++(?:you|we|people|they)\s++(?:get|grow|become)\s++older\b",
    re.IGNORECASE,
)
#: A part of a list, between commas, that comments on the name before it.
_ASIDE_PART = re.compile(
    r"\s*(?:(?:in|on|at|from|through|by|of)\s+)?(?:where|which|who|whom|whereby|as|even|when|"
    r"while|whereas|because|since|although|though|if|unless|"
    r"especially|particularly|usually|often|mostly|typically|sometimes)\b",
    re.IGNORECASE,
)


#: A sentence opening by naming the treatment it tells of: "In kyphoplasty, ...",
#: "During an epidural, ...".
_FRAMED_BY = re.compile(r"\W*(?:in|during|with)\s+(?:(?:an?|the)\s+)?", re.IGNORECASE)


def _described_each(text: str, names: list[str], rules: RuleSet) -> bool:
    """Whether every name of a list is followed by an aside that comments on it, or a
    term in brackets after a description of it."""
    parts = text.split(",")
    commented = sum(
        1
        for index, part in enumerate(parts[:-1])
        if _ASIDE_PART.match(parts[index + 1]) and not _ASIDE_PART.match(part)
    )
    return commented >= len(names) and not rules.cue("passing_mention", text)


def without_asides(text: str) -> str:
    """A list of names without the comments set off by commas: "a disc bulge, where the
    centre pushes out, and bony narrowing, which comes with age" -> "a disc bulge, and
    bony narrowing"; "a car hit from behind, even at low speed" -> "a car hit from
    behind"."""
    parts = text.split(",")
    kept = [parts[0]] + [part for part in parts[1:] if not _ASIDE_PART.match(part)]
    return ",".join(kept)


#: A short noun phrase and the relative clause after it ("bacteria that reach ...").
_RELATIVE_HEAD = re.compile(
    r"^\s*(?P<name>(?:[\w'-]+\s+){0,2}[\w'-]+)\s+(?:that|which|who)\s+\w", re.IGNORECASE
)

#: Separators of a run-on list in a sentence: commas and a final "and"/"or".
# Each space run is tried from its start only (look-behinds): linear on long runs.
LISTED_SEPARATOR = re.compile(r"(?<!\s)\s*+,\s*+(?:(?:and|or)\s+)?|(?<!\s)\s++(?:and|or)\s+")


def listed_names(text: str, rules: RuleSet) -> list[str]:
    # "a herniated (slipped) disc": a gloss between a name's describing word and its noun
    # is no part of it ("the chickenpox virus (varicella-zoster) becoming ..." keeps it).
    # "Long, unbroken hours in one position": adjectives side by side are one name's.
    text = without_adjective_comma(text.strip().rstrip(".!;:,").rstrip())
    text = without_inner_gloss(text)
    if (term := _gloss_term(text)) and not _LIST_JOIN.search(text.split("(", 1)[0]):
        # "a force driven straight down through the head (axial loading)": a long
        # description and the term for it in brackets; the term is the name.
        name = derive_name(term, rules).name
        return [name] if name else []
    if called := _CALLED_AFTER.match(text):
        # "age-related wear and tear of the spine, called spondylosis": the name it is
        # called is the name.
        name = derive_name(called.group("name"), rules).name
        return [name] if name else []
    if (head := _RELATIVE_HEAD.match(text)) and not _LIST_JOIN.search(head.group("name")):
        # "a sudden jolt that throws the head forwards, backwards or sideways": a short
        # name and the clause saying what it does; the commas are the clause's. A part
        # of the body ("vertebrae that did not form") is what the clause is about.
        name = derive_name(head.group("name"), rules).name
        if not name or rules.cue("anatomy_subject", f"the {_strip_article(head['name'])}"):
            return []
        return [name]
    # "wear and tear" is one name, not two.
    text = _WEAR_AND_TEAR.sub("wear-and-tear", text)
    # "uneven wear of the discs and joints": the "and" joins the objects of the "of",
    # not two names.
    text = one_object(text)
    appositive = _APPOSITIVE.search(text)
    if appositive and not _LIST_JOIN.search(
        f"{text[: appositive.start()]} {text[appositive.end() :]}"
    ):
        # "cervical spinal stenosis, a narrowing of the spinal canal": one name and what
        # it is, not a list ("a tumour, an infection, and ..." is one).
        text = text[: appositive.start()]
    parts = _shared_head([p for p in LISTED_SEPARATOR.split(text) if p.strip()])
    if len(parts) > 1:
        # "a disc bulge and bony narrowing of the exit hole for the nerve (foraminal
        # stenosis)": a part that is a description and its term names the term.
        parts = [_gloss_term(part) or part for part in parts]
    if len(parts) == 1 and (head := _RELATIVE_HEAD.match(parts[0])):
        # "caused by bacteria that reach the spine through the blood": one name and
        # the clause that says what it does.
        name = derive_name(head.group("name"), rules).name
        return [name] if name else []
    names = [
        spaced(derive_name(part, rules).name.replace("ear-and-tear", "ear and tear"))
        for part in parts
    ]
    # A run-on list's parts are short names; one cause alone may carry its setting
    # ("a large central disc herniation in the lower back").
    longest = 12 if len(parts) == 1 else 8
    if not names or not all(names):
        return []
    if any(len(part.split()) > longest for part in parts):
        if len(parts) == 1 and _name_then_setting(parts[0], names[0]):
            # "muscle strain from holding your neck in one position for a long time": a
            # short name opens the part, and what follows its preposition is its setting.
            return names
        return []
    return names


def _name_then_setting(part: str, name: str) -> bool:
    """Whether ``part`` opens with ``name`` (an article aside) and goes on with a
    preposition: the name, then where or how it comes about."""
    words = _strip_article(part.strip()).split()
    count = len(name.split())
    return (
        count <= SETTING_NAME_MAX_WORDS
        and " ".join(words[:count]).lower() == name.lower()
        and len(words) > count
        and words[count].lower() in _SETTING_PREPOSITIONS
    )


#: Most words of a name a long setting may follow.
SETTING_NAME_MAX_WORDS = 4
_SETTING_PREPOSITIONS = frozenset({"from", "in", "with", "after", "during", "when", "while"})


def _gloss_term(text: str) -> str:
    """The term in brackets after a long description ("a force driven straight down
    through the head (axial loading)" -> "axial loading"), else ""."""
    glossed = _GLOSSED.match(text.strip())
    if glossed and len(glossed.group("description").split()) > GLOSS_DESCRIPTION_WORDS:
        return glossed.group("name")
    return ""


#: Most words a description may have and not be named by the term in brackets after it.
GLOSS_DESCRIPTION_WORDS = 5
#: Words in brackets inside a name, more of the name after them: " (slipped)" disc.
#: A description and the term for it in brackets at the end: "... (axial loading)".
_GLOSSED = re.compile(r"^(?P<description>[^()]{10,200}+)\((?P<name>[^()]{3,40}+)\)[\s.]*$")
#: A description and the name it is called by: "..., called spondylosis".
_CALLED_AFTER = re.compile(
    r"^(?P<description>[^,;]{3,120}?),?\s++(?:(?:also|sometimes|often|commonly)\s++)?"
    r"(?:called|known as|termed)\s++(?P<name>[^,;()]{3,40}+)(?:\s*+\([^()]{1,20}+\))?$",
    re.IGNORECASE,
)
_WEAR_AND_TEAR = re.compile(r"\bwear and tear\b", re.IGNORECASE)


def one_object(text: str) -> str:
    """``text`` with the "and" of two objects of a closing "of the" phrase written as one
    word ("of the discs_and_small_joints"), so no list is read in it; the names derived
    from it write the underscores as spaces."""
    return _OF_PAIR.sub(lambda m: f"{m['first']}_and_{m['second'].replace(' ', '_')}", text)


def spaced(name: str) -> str:
    """A name derived from :func:`one_object`'s text, with its words apart again."""
    return name.replace("_", " ")


#: Two plural nouns after "of the" joined by "and", ending the text: one object ("of the
#: discs and small joints", "of the joints and discs in the spine").
_OF_PAIR = re.compile(
    r"(?P<first>\bof\s+(?:the|your|its|their)\s+[\w-]+s)\s+and\s+"
    r"(?P<second>(?:[\w-]+\s+)?[\w-]+(?<!ing)(?:\s+(?:in|of)\s+(?:the|your)\s+[\w-]+)?)\s*$",
    re.IGNORECASE,
)


def _shared_head(parts: list[str]) -> list[str]:
    """ "a bulging or herniated disc" is two discs: a lone participle or adjective before
    another and its noun shares that noun ("bulging disc", "herniated disc"; "traumatic
    and pathological spondylolisthesis")."""
    if len(parts) != 2:
        return parts
    first = _strip_article(parts[0]).split()
    last = _strip_article(parts[1]).split()
    if (
        len(first) == 1
        # "carrying extra weight" is a verb and its object, which nothing shares.
        and len(last) == 2
        and all(_PARTICIPLE.search(w) or only_adjective(w) for w in (first[0], last[0]))
    ):
        return [f"{parts[0]} {' '.join(last[1:])}", parts[1]]
    return parts


_PARTICIPLE = re.compile(r"[a-z](?:ing|ed|en)$")


#: A comma before "a", "an" or "the" that opens a noun phrase saying what came before is.
_APPOSITIVE = re.compile(r",\s++(?:a|an|the)\s", re.IGNORECASE)
#: A list's joins before it: another comma, "and" or "or".
_LIST_JOIN = re.compile(r",|\s(?:and|or)\s", re.IGNORECASE)


def medicine_page(info, written: str, owner: PagePlan, state: Context, context: str) -> PagePlan:
    """One page per medicine, titled by its generic name, knowing the brand written."""
    page = state.entity(
        Kind.TREATMENT,
        medicine_title(info),
        "medicine",
        f"medicine vocabulary: {written!r} is {info.generic}",
    )
    page.treatment_kind = "medicine"
    brand = "" if info.is_generic else written[:1].upper() + written[1:].lower()
    if not page.medicines:
        page.medicines.append(MedicinePlan(generic=info.generic))
    medicine = page.medicines[0]
    if brand and brand not in medicine.brands:
        medicine.brands.append(brand)
        add_alternate(page, brand, state.rules)
    elif info.is_generic:
        add_alternate(page, written.lower(), state.rules)
    relate(owner, "treatments", page, info.drug_class)
    why = f"medicine vocabulary: {written!r} is {info.generic}"
    state.decide(
        written, "treatment (medicine)", why + (f" ({info.drug_class})" if info.drug_class else "")
    )
    return page


def medicine_title(info) -> str:
    """A medicine page's title: its generic name, first letter a capital ("Vitamin D")."""
    return info.generic[:1].upper() + info.generic[1:]


def list_entities(
    block: ListBlock, category: str, owner: PagePlan, state: Context
) -> tuple[list[ListItem], list[tuple[ListItem, list[PagePlan]]]]:
    """Make a page of every item of a causes or treatments list that names one.

    Returns the items that could not be named (they stay as text) and the named items
    with their pages (their text stays too when their pages end up only suggested)."""
    relation_owner = owner_for_relations(owner, state)
    left: list[ListItem] = []
    named: list[tuple[ListItem, list[PagePlan]]] = []
    for item in block.items:
        pages = _item_entities(item, block, category, owner, relation_owner, state)
        if pages is None:
            left.append(item)
        elif pages:
            named.append((item, pages))
    return left, named


def _item_entities(
    item: ListItem,
    block: ListBlock,
    category: str,
    owner: PagePlan,
    relation_owner: PagePlan,
    state: Context,
) -> list[PagePlan] | None:
    """The pages one list item names; None when it stays as text, [] when it is dropped
    (a vague "and much more")."""
    rules = state.rules
    asked = state.ask(Part("item", item.text, lead=block.lead), owner, category)
    if asked is not None:
        if asked.as_ in ENTITY_KINDS:
            name = asked.name or derive_name(item.text, rules).name or item.text
            page = state.entity(asked.as_, name, asked.treatment_kind, asked.because)
            field_name = "treatments" if asked.as_ == "treatment" else "causes"
            relate(relation_owner, field_name, page, item_explanation(item.text) or block.lead)
            return [page]
        return [] if asked.as_ == "junk" else None
    if category == "treatments" and (cue := item_advised_against(item.text, rules)):
        state.decide(item.text, "content", f"the item advises against it ({cue!r})")
        return None
    phrase = first_phrase(item.text)
    if rules.cue("not_a_label", phrase.strip(" .:*")):
        # "The good news: most curves stop ...", "Head coach Jo Lyle said: ...": what the
        # item opens with frames what follows; it names nothing.
        state.decide(item.text, "content", "the item opens with a framing label")
        return None
    bold = BOLD_LABEL.match(item.html or "")
    if (
        category in ("causes", "treatments")
        and bold
        and label_begins_sentence(bold)
        and len(bold.group("label").split()) <= LABEL_NAME_MAX_WORDS
        and not _LABEL_GOES_ON.match(strip_tags(bold.group("rest")))
    ):
        # "<b>Smoking</b> narrows the tiny blood vessels ...", "<b>Stopping smoking</b>
        # improves how well treatment works": the bold words are the name and the
        # sentence they begin says what it does: the whole item is its text.
        phrase = bold.group("label").strip()
        explanation = " ".join(item.text.split())
    else:
        explanation = item_explanation(item.text) or labelled_rest(item)
    # Medicines named in the item's name, not in its explanation: "Anti-inflammatory
    # painkillers. Tablets such as ibuprofen ..." is a page for the painkillers.
    examples: list[PagePlan] = []
    medicines = rules.find_medicines(phrase) if category == "treatments" else []
    if cut := _examples_only(phrase, medicines):
        # "Painkillers such as paracetamol or ibuprofen ...": the medicines are examples,
        # related (their brands kept) but not the item, whose page is its label's.
        examples = [
            medicine_page(info, match.group(0), relation_owner, state, item.text)
            for info, match in medicines
        ]
        phrase = cut
    elif medicines:
        if (
            explanation
            and len(phrase.split()) <= BARE_NAME_WORDS
            and _opens_with_another_medicine(explanation, medicines, rules)
        ):
            # "Paracetamol. Ibuprofen can help after the first 48 hours.": what follows
            # the bare name is about another medicine, not an explanation of this one;
            # the item names both in passing and stays text.
            state.decide(item.text, "content", "the item names two medicines in passing")
            return None
        pages = [
            medicine_page(info, match.group(0), relation_owner, state, item.text)
            for info, match in medicines
        ]
        name = check_name(phrase, rules).name
        if len(pages) == 1 and name and len(name.split()) <= 4:
            # "Ibuprofen gel": the form the article names is another name of the page.
            add_alternate(pages[0], name, rules)
        if explanation:
            give_body(pages[0], _item_body(item, phrase, pages[0], explanation, rules), state)
        elif len(pages) == 1 and _says_something(item.text, pages[0], rules):
            state.pages.add_text(pages[0], item.text)
        return pages
    if category == "causes" and (named := parenthetical_condition(phrase, state)):
        page = cause_page(named, state, "condition named in brackets in a causes list")
        relate(
            relation_owner, "causes", page, relation_note(explanation or lead_context(block.lead))
        )
        # Cut at the first bracket (linear; a bracket is known to close later).
        outer = derive_name(phrase.split("(", 1)[0].rstrip(), rules).name
        if outer:
            add_alternate(page, outer, rules)
        state.decide(phrase, "cause (condition)", "condition named in brackets in a causes list")
        return [page]
    pages = []
    for part in split_names(phrase, rules):
        if is_vague(part, rules):
            state.decide(part, "content", "vague item, not an entity")
            continue
        note = explanation or lead_context(block.lead)
        if page := item_page(part, category, relation_owner, state, note):
            pages.append(page)
    if (
        pages
        and explanation
        and is_instruction(phrase, rules)
        and is_instruction(explanation, rules)
        and not labelled_rest(item)
    ):
        # "Keep your neck moving gently. Do not wear a collar ...": an item of advice that
        # names a treatment in passing; what follows is more advice, not its description.
        state.decide(item.text, "content", "advice naming a treatment; no description of it")
    elif pages and explanation:
        # "Keep moving and walk a little more each day. Bed rest slows recovery.": the
        # item leaves the list for its page, so a first sentence that says more than the
        # name goes with the explanation.
        give_body(pages[0], _item_body(item, phrase, pages[0], explanation, rules), state)
    elif pages and _says_something(item.text, pages[0], rules):
        # "Physiotherapy can ease the pain.": the item is a sentence about its name, and
        # the page's text whatever else of it came before.
        give_body(pages[0], " ".join(item.text.split()), state)
    if not pages:
        return examples or ([] if is_vague(phrase, rules) else None)
    return pages + examples


#: Most words of an item's first part that is only a medicine's name ("Paracetamol.").
BARE_NAME_WORDS = 3


def _opens_with_another_medicine(explanation: str, medicines: list, rules: RuleSet) -> bool:
    """Whether ``explanation`` opens with a medicine none of ``medicines`` is."""
    named = {info.generic for info, _ in medicines}
    found = rules.find_medicines(explanation)
    return bool(found) and found[0][1].start() == 0 and found[0][0].generic not in named


def _item_body(
    item: ListItem, phrase: str, page: PagePlan, explanation: str, rules: RuleSet
) -> str:
    """The text an item leaving its list gives its page: the explanation after its name,
    or the whole item when its first sentence says more than the name ("Take paracetamol
    regularly, every 4 to 6 hours. Do not take more than 8 tablets in 24 hours.") or
    tells the reader to do it ("Keep your neck moving. Resting it makes it stiffer.")."""
    if len(phrase.split()) >= len(page.title.split()) + NAME_SENTENCE_EXTRA_WORDS:
        return " ".join(item.text.split())
    if _TRY_THIS.match(phrase) or is_instruction(phrase, rules):
        # "Try different feeding positions. Lying on your side ...": the advice that
        # names the page is part of what the item says.
        return " ".join(item.text.split())
    return explanation


#: Words beyond its page's name that make an item's first sentence say something.
NAME_SENTENCE_EXTRA_WORDS = 3


def _says_something(text: str, page: PagePlan, rules: RuleSet) -> bool:
    """Whether a list item is a sentence about the entity it names, not just its name."""
    if len(text.split()) < len(page.title.split()) + 3:
        return False
    if page.kind == Kind.CONDITION and len(text.split()) >= len(page.title.split()) + 6:
        # "Trochanteric bursitis causes pain over the bony point of the hip": an item
        # that goes on about a condition describes it, whatever its verb.
        return True
    return bool(rules.cue("treatment_predicate", text) or rules.cue("item_statement", text))


def parenthetical_condition(phrase: str, state: Context) -> str:
    """ "Wear and tear of the neck joints (cervical spondylosis)" -> "Cervical spondylosis":
    the condition an item names in brackets, when the words outside do not name one."""
    match = re.search(r"\(([^()]+)\)", phrase)
    if not match:
        return ""
    inner = check_name(match.group(1), state.rules).name
    outer = phrase[: match.start()].strip()
    if not inner or not state.rules.is_condition_term(inner):
        return ""
    if name_key(outer, state.rules) in state.pages:
        return ""
    if state.rules.is_condition_term(outer) and not check_name(outer, state.rules).name:
        return inner  # "a small stress fracture in one of the bones of the spine
        # (spondylolysis)": a description too long for a name; the term is the name
    if state.rules.is_condition_term(outer):
        return ""
    return inner


def item_page(part: str, category: str, owner: PagePlan, state: Context, note: str):
    rules = state.rules
    terms = rules.find_treatments(part) if category == "treatments" else []
    if terms:  # the vocabulary names a treatment better than the item's wording
        term, match = terms[0]
        page = state.entity(
            Kind.TREATMENT, term.name, term.kind, f"treatments list item, term {term.name!r}"
        )
        written = match.group(0) if len(part.split()) > 6 else check_name(part, rules).name
        if not written or is_instruction(written, rules):
            # "Keep moving" worded as advice: its -ing form is another name of the term.
            written = as_gerund_phrase(match.group(0).strip(), rules)
        if written and len(written.split()) <= 6:
            add_alternate(page, written, rules)
        relate(owner, "treatments", page, relation_note(note))
        state.decide(part, "treatment", f"list item in a treatments list, term {term.name!r}")
        return page
    if category == "types" and (kind := _kind_by_adjective(part, owner, rules)):
        # "a. Isthmic. A stress fracture ..." in a list of the types of spondylolisthesis:
        # the describing word names a kind of the condition.
        page = state.entity(Kind.CONDITION, kind, reason="a type of the condition")
        relate(owner, "related_conditions", page, relation_note(note))
        state.decide(part, "condition", "describing word in a types list: a kind of it")
        return page
    derived = derive_name(part, rules)
    if not derived.name and category == "treatments" and (offered := _TRY_THIS.match(part)):
        # "Try different feeding positions", "Use a wheat bag": what the item tells the
        # reader to try is the treatment it names.
        derived = derive_name(part[offered.end() :], rules)
    if not derived.name and category == "causes" and (when := AFTER_EVENT.match(part)):
        # "After spinal surgery", "During pregnancy": the event the item dates the
        # condition from is the cause it names.
        derived = derive_name(part[when.end() :], rules)
    if not derived.name:
        state.decide(part, "content", f"no clean name ({derived.reason}); kept as text")
        return None
    if category == "treatments" and _names_a_condition_only(derived.name, rules):
        # "Conditions I treat: cervical radiculopathy, sciatica ...": a condition is never
        # a treatment, whatever the heading over it says.
        state.decide(part, "content", "a condition in a treatments list; kept as text")
        return None
    if category == "treatments" and _DIAGNOSTIC_TEST.search(derived.name):
        # "An MRI scan for junior players with pain on arching": a test, not a treatment.
        state.decide(part, "content", "a test in a treatments list; kept as text")
        return None
    if category == "types" and owner.kind == Kind.TREATMENT:
        # "The main types we offer are: Swedish massage, deep tissue massage ..." on a
        # therapy's page: the kinds of a treatment are treatments.
        words = set(name_key(derived.name, rules).split())
        if not (words & set(name_key(owner.title, rules).split()) or rules.find_treatments(part)):
            state.decide(part, "content", "not a kind of the treatment")
            return None
        page = state.entity(
            Kind.TREATMENT, derived.name, owner.treatment_kind or "other", "a type of the treatment"
        )
        relate(owner, "treatments", page, relation_note(note))
        state.decide(part, "treatment", "item of a types list: a kind of the treatment")
        return page
    if category == "types":
        if not is_subtype(derived.name, state):
            state.decide(part, "content", "not a kind of the condition")
            return None
        page = state.entity(Kind.CONDITION, derived.name, reason="a type of the condition")
        relate(owner, "related_conditions", page, relation_note(note))
        state.decide(part, "condition", "item of a types list: a kind of the condition")
        return page
    if category in _CONDITION_ITEMS:
        if not (rules.is_condition_term(derived.name) or rules.has_condition_head(derived.name)):
            state.decide(part, "content", "not the name of a condition")
            return None
        reason, because = _CONDITION_ITEMS[category]
        page = state.entity(Kind.CONDITION, derived.name, reason=reason)
        if category == "treated":
            # "Spondylolisthesis - one vertebra has slipped forward ..." under "The main
            # conditions it treats are:" on a treatment's page: the page treats it.
            relate(page, "treatments", owner, relation_note(note))
        else:
            relate(owner, "related_conditions", page, relation_note(note))
        state.decide(part, "condition", because)
        return page
    if category == "treatments":
        page = state.entity(Kind.TREATMENT, derived.name, "other", "item of a treatments list")
        relate(owner, "treatments", page, relation_note(note))
        state.decide(part, "treatment", "list item in a treatments list")
        return page
    page = cause_page(derived.name, state, "item of a causes list")
    relate(owner, "causes", page, relation_note(note))
    as_ = "cause (condition)" if page.kind == Kind.CONDITION else "cause"
    state.decide(part, as_, "list item in a causes list")
    return page


#: Lists whose items name conditions: (reason of the page, why the item names one).
_CONDITION_ITEMS = {
    "treated": ("a condition the treatment treats", "item of a list of the conditions it treats"),
    "related": ("a related condition", "item of a list of related or similar conditions"),
}


#: A cause item or heading opening with when the condition starts: "After a fall",
#: "Following spinal surgery", "During pregnancy".
AFTER_EVENT = re.compile(
    r"^\W*(?:after|following|during)\s+(?:(?:a|an|the|your|some)\s+)?(?=\w)", re.IGNORECASE
)


#: An instruction to try something, before what is to be tried: "Try different ",
#: "Use a ", "Consider ".
_TRY_THIS = re.compile(
    r"^\W*(?:try|use|consider|wear|apply|ask about|think about|look into)\s+"
    r"(?:(?:a|an|some|the|different|regular|gentle|simple|other)\s+)*(?=\w)",
    re.IGNORECASE,
)


def _names_a_condition_only(name: str, rules: RuleSet) -> bool:
    """Whether ``name`` is a condition's name and nothing else: its last word a condition
    word ("Cervical radiculopathy", "Sciatica"), no treatment of one ("Treating
    osteoporosis") or a thing named after one ("Disease-modifying medicines")."""
    words = name.split()
    if words[0].lower().endswith("ing") and not rules.is_condition_term(words[0]):
        return False
    return rules.is_condition_term(words[-1], vocabulary=False) and not rules.find_treatments(name)


def _kind_by_adjective(part: str, owner: PagePlan, rules: RuleSet) -> str:
    """ "Isthmic" in a list of the types of spondylolisthesis -> "Isthmic
    spondylolisthesis": one or two describing words alone, and the condition named."""
    words = part.strip(" .:").split()
    if not 1 <= len(words) <= 2 or owner.kind != Kind.CONDITION:
        return ""
    if not all(only_adjective(w) or w.lower().endswith(_ADJECTIVE_ENDINGS) for w in words):
        return ""
    if rules.is_condition_term(part) or opens_with_verb(words[0]):
        return ""
    return sentence_case(f"{' '.join(words)} {owner.title.lower()}")


#: Endings of describing words the lexicon may not know ("isthmic", "congenital").
_ADJECTIVE_ENDINGS = ("ic", "al", "ive", "ary", "ous", "tic")


def lead_context(lead: str) -> str:
    """A list's lead as a relation note: "Additional treatment methods include:" ->
    "Additional treatment methods"."""
    lead = lead.strip().rstrip(":").strip()
    return re.sub(r"\s+(?:include|includes|are|is|the following)$", "", lead, flags=re.I)


def _examples_only(phrase: str, found: list) -> str:
    """The name before "such as" when every medicine ``found`` in an item's name comes
    after it ("Painkillers such as paracetamol or ibuprofen" -> "Painkillers"), else ""."""
    if not found:
        return ""
    example = _EXAMPLE_CUE.search(phrase)
    if example is None or example.start() == 0:
        return ""
    if any(match.start() < example.start() for _, match in found):
        return ""
    return phrase[: example.start()].strip(" ,")


def item_explanation(text: str) -> str:
    """What an item says after its name: "Short shoulders. This feature is rare." ->
    "This feature is rare."."""
    sentences = split_sentences(text) or [text]
    # "Physiotherapy: a physiotherapist will assess your back. You can book ...": what
    # follows the label in the first sentence is part of the explanation too.
    # "a walking frame, to take some of your weight while the bone heals": what it is
    # for, after a comma, explains it too.
    parts = re.split(r"\s*:\s+|\s+[-–—]\s+|,\s+(?=to\s+[a-z])", sentences[0], maxsplit=1)
    after_label = parts[1].strip() if len(parts) == 2 and len(parts[1].split()) > 3 else ""
    return " ".join([after_label, *sentences[1:]]).strip()


#: Most words of a bold label that names its item.
LABEL_NAME_MAX_WORDS = 5
#: Words after a bold label that make it part of a longer name: "<b>Treating Cushing's
#: syndrome</b> or hypothyroidism", "<b>Lifting</b> of heavy loads".
_LABEL_GOES_ON = re.compile(
    r"\s*(?:or|and|of|in|on|with|such|like|including|from|to|for|at|,)\b", re.IGNORECASE
)


def labelled_rest(item: ListItem) -> str:
    """What a bold-labelled item says after its label ("<b>Dry needling</b>, using fine
    needles ..."), when it is long enough to say something; else ""."""
    match = BOLD_LABEL.match(item.html or "")
    if not match:
        return ""
    raw = strip_tags(match.group("rest")).lstrip()
    rest = raw.strip(" ,;:.-\u2013\u2014")
    if len(rest.split()) < LABEL_REST_MIN_WORDS:
        return ""
    if label_begins_sentence(match):
        # "<b>Painkillers</b> such as paracetamol for a few days": the label begins the
        # sentence, so the explanation is the whole of it, never a fragment.
        return " ".join(item.text.split())
    return rest


#: Fewest words after a bold label that say something about it.
LABEL_REST_MIN_WORDS = 4


def give_body(page: PagePlan, text: str, state: Context) -> None:
    """Write what the article says of an entity on its page; a sentence there that warns
    the reader ("It can make you dizzy, so do not drive") is boxed as on any page."""
    text = sentence_start(text)
    add_prose(page, text, state)
    state.pages.add_text(page, text)


def note_advised_against(sentence: str, state: Context) -> None:
    """Remember the treatments and medicines ``sentence`` advises against, as written
    ("codeine", "bed rest"); advice on when only to use one ("only if ...") is none."""
    rules = state.rules
    if not rules.cue("advised_against", sentence):
        return  # most sentences advise against nothing: no names to look up
    found = [match for _, match in rules.find_treatments(sentence)]
    found += [match for _, match in rules.find_medicines(sentence)]
    for match in found:
        clause = _clause_of(sentence, match.start())
        cue = rules.cue("advised_against", clause)
        if not cue or RESTRICTION.search(cue):
            continue
        before = clause[: clause.lower().find(cue.lower())]
        if _CONDITIONAL_BEFORE.search(before):
            continue  # "If these do not help, your GP may prescribe codeine": a case
        state.advised_against.add(name_key(match.group(0), rules))


def _clause_of(sentence: str, start: int) -> str:
    """The clause of ``sentence`` holding ``start`` ("Sulfasalazine helps the joints" of
    "..., but it does not help the spine")."""
    clause_start, clause_end = _clause_bounds(sentence, start)
    return sentence[clause_start:clause_end]


def _clause_bounds(sentence: str, start: int) -> tuple[int, int]:
    """Where the clause of ``sentence`` holding ``start`` begins and ends."""
    clause_start, clause_end = 0, len(sentence)
    for break_start, break_end in _clause_breaks(sentence):
        if break_end <= start:
            clause_start = break_end
        elif break_start >= start:
            clause_end = break_start
            break
    return clause_start, clause_end


#: Advice on when only to use a treatment ("only if ..."): a restriction, not against it.
RESTRICTION = re.compile(r"\bonly\b", re.IGNORECASE)
#: A conditional opening the words before a cue: "If these do not help".
_CONDITIONAL_BEFORE = re.compile(r"\b(?:if|when|unless|until|whether)\b", re.IGNORECASE)


def describe_subject(sentence: str, owner: PagePlan, state: Context) -> None:
    """Give a page the sentence that says something about it: one whose subject is the
    entity ("Spinal fusion is considered when ..."). A passing or hedged mention ("Massage
    can also help", "Tumours are a rare cause") and advice against it say nothing of
    their own, so the page stays a suggestion."""
    rules = state.rules
    words = sentence.split()
    if len(words) < 4 or rules.cue("passing_mention", sentence):
        return
    if rules.cue("vague_benefit", sentence) and (
        _names_several(sentence, rules) or rules.find_medicines(sentence)
    ):
        # "Paracetamol can help with aches.", "Paracetamol, ibuprofen gel or a heat pack
        # can help.": a passing claim that a medicine (or each of several things) may
        # help says nothing a page could hold.
        return
    if advised_against(sentence, 0, rules) or _opens_with_alternatives(sentence, rules):
        return
    named = [m for _, m in rules.find_treatments(sentence)]
    if named and _EXAMPLES_THEN_VAGUE.match(sentence, min(m.end() for m in named)):
        return  # "Painkillers such as paracetamol can help": a mention of each
    if any(
        match.start() < LIST_REFERENCE_START and refers_to_list(sentence, match, rules)
        for _term, match in rules.find_treatments(sentence)
    ):
        return  # "The exercises below strengthen ...": about the list, not the treatment
    if page := _practitioner_subject(sentence, state):
        # "A physiotherapist can test the strength of your hips and give you a
        # programme": what the practitioner does is the treatment they give.
        if page is not owner and page is not state.main:
            state.pages.add_text(page, sentence)
            state.decide(sentence, f"text of {page.title!r}", "its practitioner is the subject")
        return
    start = name_key(" ".join(words[:8]), rules)
    for key, page in state.pages.opening(start):
        if page is owner or page is state.main or not key:
            continue
        if owner.kind == Kind.TREATMENT and page.title in _general_terms(rules):
            continue  # part of the treatment whose section this is
        if start == key or start.startswith(key + " "):
            if key in state.advised_against:
                # "We do not usually recommend codeine ... Codeine can be addictive":
                # why not, said of what the article advised against.
                state.decide(sentence, "content", f"says why {page.title!r} is advised against")
                return
            if (
                page.kind == Kind.CAUSE and start[len(key) :].lstrip().startswith(("and ", "or "))
            ) or _LISTED_AFTER_COMMA.match(" ".join(words[len(key.split()) - 1 : 12])):
                # "Smoking and extra weight make it likelier", "Gout, the pill and
                # obesity add to it": risks, listed; "Staying active, physiotherapy and
                # ibuprofen are tried first" says nothing of its first treatment alone.
                return
            state.pages.add_text(page, sentence)
            state.decide(sentence, f"text of {page.title!r}", "the sentence is about it")
            return
    if opened := _opened_by_synonym(sentence, state):
        # "Keep moving as much as you can": another name of "Staying active" opens it,
        # the name the article gives it.
        page, written = opened
        if rules.cue("vague_benefit", sentence):
            # "Heat packs can help relax muscle spasm": a passing claim, as when the
            # page's own name opens it; the article's wording is still another name.
            add_alternate(page, written, rules)
        elif _give_sentence(page, sentence, owner, state, "another of its names opens it"):
            add_alternate(page, written, rules)
        return
    if page := _described_after_modifier(sentence, state):
        _give_sentence(page, sentence, owner, state, "its subject, after a describing word")


def _give_sentence(
    page: PagePlan, sentence: str, owner: PagePlan, state: Context, because: str
) -> bool:
    """Give ``page`` the sentence as its text, unless it is the page the sentence is on,
    the article's own page, or a general treatment inside the section of a treatment it
    is part of. Whether it was given."""
    if page is owner or page is state.main:
        return False
    if owner.kind == Kind.TREATMENT and page.title in _general_terms(state.rules):
        return False
    state.pages.add_text(page, sentence)
    state.decide(sentence, f"text of {page.title!r}", because)
    return True


def _opened_by_synonym(sentence: str, state: Context) -> tuple[PagePlan, str] | None:
    """The treatment page another of whose names opens ``sentence`` ("Keep moving as
    much as you can" for "Staying active"), with that name as written, when the name is
    not listed with others."""
    found = state.rules.find_treatments(sentence)  # remembered: asked of it before
    if not found or found[0][1].start() > len(sentence) - len(sentence.lstrip()):
        return None
    term, match = found[0]
    after = sentence[match.end() :]
    if _LISTED_AFTER_COMMA.match(after.lstrip()) or _NAME_GOES_ON.match(after):
        return None  # "Heat, ibuprofen or a walk ...", "Keep moving and ...": several
    page = state.pages.get(name_key(term.name, state.rules))
    if page is None or page.kind != Kind.TREATMENT:
        return None
    return page, match.group(0)


def _described_after_modifier(sentence: str, state: Context) -> PagePlan | None:
    """The treatment page a sentence opens with after a describing word or two, as its
    subject: "A soft cervical collar worn for short periods may let ...", "Artificial
    disk replacement keeps some movement" (the page's name is "Cervical collar", "Disc
    replacement"). Not a list of treatments, nor a name after a verb or a preposition."""
    rules = state.rules
    found = rules.find_treatments(sentence)  # remembered: asked of the sentence before
    if not found or found[0][1].start() > MODIFIED_SUBJECT_REACH:
        return None
    term, match = found[0]
    before = sentence[: match.start()].split()
    if not before or len(before) > MODIFIERS_BEFORE_SUBJECT:
        return None  # a name opening the sentence is found by its key, or is no subject
    if _NEGATION.search(sentence) or rules.cue("vague_benefit", sentence):
        # "A soft collar isn't recommended", "A heat pack can ease tight muscles": nothing
        # it does that a page could hold.
        return None
    if term.general or not all(
        word.lower() in ("a", "an", "the") or only_adjective(word.strip(",")) for word in before
    ):
        return None  # "Stop an exercise if ...", "Two exercises to try": no describing word
    if is_practitioner(match.group(0)):
        return None  # "The physiotherapist showed you ...": who gives care has its own rule
    if _LISTED_AFTER_COMMA.match(sentence[match.end() :].lstrip()) or _NAME_GOES_ON.match(
        sentence, match.end()
    ):
        # "A heat pack, ibuprofen or a short walk ...": several, listed; "Painkillers to
        # take at home:" heads what follows.
        return None
    page = state.pages.get(name_key(term.name, rules))
    return page if page is not None and page.kind == Kind.TREATMENT else None


#: What follows a name that lists it with others or makes it a heading: ", ", " and ",
#: " to ".
_NAME_GOES_ON = re.compile(r"\s*(?:[,:]|and\b|or\b|&|to\b)")
#: Most describing words before a treatment's name at a sentence's start ("A soft").
MODIFIERS_BEFORE_SUBJECT = 3
#: How far into a sentence (in characters) its subject's name is looked for.
MODIFIED_SUBJECT_REACH = 80


def _practitioner_subject(sentence: str, state: Context) -> PagePlan | None:
    """The treatment page whose practitioner opens ``sentence`` as its subject, doing
    something ("A physiotherapist can assess ...", "Your chiropractor will ...")."""
    opening = _PRACTITIONER_OPENING.match(sentence)
    if opening is None or _NEGATION.search(sentence) or state.rules.cue("vague_benefit", sentence):
        return None  # "A physio can help if it goes on", "... will not manipulate it"
    for term, match in state.rules.find_treatments(sentence[: opening.end()]):
        if match.start() == opening.start("who") and is_practitioner(match.group(0)):
            page = state.pages.get(name_key(term.name, state.rules))
            return page if page is not None and page.kind == Kind.TREATMENT else None
    return None


#: A sentence opening with who gives care and what they can do: "A physiotherapist can".
_PRACTITIONER_OPENING = re.compile(
    r"\s*(?:an?|your|the|our)\s+(?:[\w-]+\s+){0,2}?(?P<who>[\w-]+)"
    r"(?:\s+(?:with|who)\s+[^,.;]{0,40}?)?\s+(?:can|will|may|might|could|would|should)\s",
    re.IGNORECASE,
)


#: A comma after a sentence's first name and a list's "and" or "or" after it: "Gout, the
#: pill and obesity"; not an aside (", which ..."). Run on a sentence's first 12 words.
_LISTED_AFTER_COMMA = re.compile(
    r"^\S*,\s++(?!(?:which|who|whose)\b)(?:[^,]{1,40}?,\s*){0,3}?[^,]{0,40}?\s(?:and|or)\s",
    re.IGNORECASE,
)
#: After a treatment's name, a relative clause saying what it is or does: "...
#: physiotherapy, which usually combines manual therapy with ...".
_DESCRIBING_RELATIVE = re.compile(
    r"\s*+(?:\([^()]{0,60}+\)\s*+)?,\s*+which\s++(?:(?:usually|often|normally|mostly|"
    r"typically|generally|also|can|may|will|aims to|is designed to)\s++){0,2}"
    r"(?:involves?|combines?|uses?|means?|helps?|works?|focus(?:es)?|eases?|relieves?|"
    r"strengthens?|includes?|targets?|reduces?|improves?|restores?|teaches?|blocks?|calms?|"
    r"is an?|are)\b",
    re.IGNORECASE,
)


_NEGATION = re.compile(r"\b(?:not|never|no)\b|n[\'\u2019]t\b", re.IGNORECASE)


def described_by_relative(sentence: str, owner: PagePlan, state: Context) -> None:
    """Give a treatment's page the sentence whose relative clause describes it ("Your
    doctor can refer you for physiotherapy, which usually combines manual therapy with a
    graded exercise programme"): the clause is about the treatment, whatever the
    sentence's subject."""
    rules = state.rules
    if rules.cue("passing_mention", sentence) or advised_against(sentence, 0, rules):
        return
    if _NEGATION.search(sentence):
        return  # "Steroid tablets, which help other arthritis, don't do much for AS"
    for term, match in rules.find_treatments(sentence):
        if not _DESCRIBING_RELATIVE.match(sentence, match.end()):
            continue
        page = state.pages.get(name_key(term.name, rules)) or state.pages.get(
            name_key(match.group(0), rules)
        )
        if page is None or page is owner or page is state.main or page.kind != Kind.TREATMENT:
            return
        state.pages.add_text(page, sentence)
        state.decide(sentence, f"text of {page.title!r}", "a relative clause describes it")
        return


def _opens_with_alternatives(sentence: str, rules: RuleSet) -> bool:
    """Whether ``sentence`` opens with two treatments offered as alternatives
    ("Paracetamol or ibuprofen can be used for a few days"): it says nothing of either
    alone."""
    matches = sorted(
        [m for _, m in rules.find_medicines(sentence)]
        + [m for _, m in rules.find_treatments(sentence)],
        key=lambda m: m.start(),
    )
    if len(matches) < 2 or matches[0].start() >= LIST_REFERENCE_START:
        return False
    return bool(_ALTERNATIVE.fullmatch(sentence[matches[0].end() : matches[1].start()]))


def _names_several(sentence: str, rules: RuleSet) -> bool:
    """Whether ``sentence`` names two treatments or medicines or more."""
    return len(rules.find_treatments(sentence)) + len(rules.find_medicines(sentence)) >= 2


@lru_cache(maxsize=16)
def _general_terms(rules: RuleSet) -> frozenset[str]:
    """Names of the general treatment terms ("Exercise")."""
    return frozenset(term.name for term in rules.treatment_terms if term.general)


def is_subtype(name: str, state: Context) -> bool:
    """Whether ``name`` reads as a kind of the main condition: it names a condition, or
    shares the main condition's head word ("Idiopathic scoliosis" of "Scoliosis")."""
    rules = state.rules
    if rules.is_condition_term(name) or rules.has_condition_head(name):
        return True
    main_words = set(name_key(state.main.title, rules).split()) if state.main else set()
    return bool(main_words & set(name_key(name, rules).split()))


def stated_synonyms(sentence: str, state: Context) -> None:
    """ "A slipped disc, also called a prolapsed or herniated disc, ..." -> the page for
    the slipped disc also carries "Prolapsed disc" and "Herniated disc": names the text
    itself says are the same thing join that page, whatever the vocabulary says."""
    rules = state.rules
    if not rules.cue("synonym_cue", sentence):
        return
    for pattern in rules.cue_patterns("synonym_cue"):
        match = pattern.search(sentence)
        if not match:
            continue
        subject = re.split(r"[,;(]", sentence[: match.start()])[0]
        page = _page_named(subject, state)
        if page is None:
            return
        said = re.split(
            r"[,;)]|\s+(?:is|are|was|were|can|may|which|that|happens?|occurs?)\s+",
            sentence[match.end() :],
            maxsplit=1,
        )[0]
        for name in _alternatives(said, rules):
            # Compared as written: the text's own synonyms count even where the
            # vocabulary already folds them together.
            if name.lower() != page.title.lower():
                add_alternate(page, name, rules)
                state.pages.alias(name, page)
                state.decide(name, "alternate name", f"the text names {page.title!r} so too")
        return


def _page_named(text: str, state: Context) -> PagePlan | None:
    rules = state.rules
    name = check_name(text, rules).name
    if not name:
        return None
    return state.pages.get(name_key(name, rules))


def _alternatives(text: str, rules: RuleSet) -> list[str]:
    """ "a prolapsed or herniated disc" -> ["prolapsed disc", "herniated disc"]."""
    parts = [p.strip() for p in re.split(r"\s*,\s*|\s+or\s+", text.strip(" .")) if p.strip()]
    parts = [re.sub(r"^(?:a|an|the)\s+", "", p, flags=re.I) for p in parts]
    if len(parts) > 1:
        head = parts[-1].split()[1:]  # the shared noun: "herniated disc" -> "disc"
        parts = [f"{p} {' '.join(head)}" if len(p.split()) == 1 and head else p for p in parts]
    names = [check_name(p, rules).name for p in parts]
    return [n for n in names if n and len(n.split()) <= 5]


#: What names a test, never a treatment: "A simple blood test shows ...", "A biopsy of the
#: bone helps choose the antibiotic", "An X-ray or ultrasound scan is used to guide ...".
_DIAGNOSTIC_TEST = re.compile(
    r"\b(?:x-?rays?|mri|ct|scans?|ultrasound|blood tests?|urine tests?|biops(?:y|ies)|tests?|"
    r"dexa|nerve conduction studies|investigations?)\b",
    re.IGNORECASE,
)


def treatment_subject(sentence: str, owner: PagePlan, topic: str, state: Context) -> None:
    """In a treatments section, a sentence that says what something does for the reader
    ("Bisphosphonates such as alendronic acid slow the loss of bone", "A brace may be
    used ...") names a treatment and says something about it, whether or not the
    vocabulary knows it."""
    rules = state.rules
    if topic not in TREATMENT_TOPICS or rules.cue("passing_mention", sentence):
        return
    if owner.kind == Kind.TREATMENT:
        return  # the section is about one treatment: its sentences describe that one
    if not rules.cue("treatment_predicate", sentence):
        return
    # The earliest verb: "A brace may be used ... to help the bone heal" is about the brace.
    # A verb's form followed by a modal or "is" is a noun ending the name: "A soft lumbar
    # support can help ..." is about the support.
    verbs = [
        m
        for m in rules.cue_matches("treatment_predicate", sentence)
        if not _MODAL_NEXT.match(sentence, m.end())
    ]
    if not verbs:
        return
    match = min(verbs, key=lambda m: m.start())
    # The verb must follow the name itself: "X such as Y slows ...", not "X is needed
    # within two days to relieve ..." (there the verb belongs to another clause).
    # "There's no cure, but treatment can ease ...": the verb's subject is in its own
    # clause, after the last "but", "and" or "so" that opens one.
    before = _CLAUSE_OPENING.split(without_adjective_comma(sentence[: match.start()]))[-1]
    subject = re.split(r"\s*(?:,|\(|\bsuch as\b|\blike\b|\bincluding\b)", before)[0]
    if _EXISTENTIAL.match(subject):
        return  # "There is no cure ...": nothing is named
    if _LISTED_AFTER_COMMA.match(before[len(subject) :]):
        return  # "Staying active, physiotherapy and ibuprofen are tried first": a list
    if _EXAMPLES_THEN_VAGUE.match(sentence, len(subject)):
        return  # "Painkillers such as paracetamol can help": a mention of each
    subject = re.sub(r"^(?:an?|the)\s+", "", subject.strip(), flags=re.IGNORECASE)
    if not subject or advised_against(sentence, 0, rules):
        return
    name = derive_name(subject, rules).name
    if not name or name.lower() != subject.lower() or len(name.split()) > 4:
        name = device_opening(subject, rules)
    if not name:
        return
    if rules.cue("anaphoric_subject", name):
        return
    if rules.is_condition_term(name) or rules.has_condition_head(name):
        return  # "The pain usually eases": the condition, not a treatment
    if _DIAGNOSTIC_TEST.search(name):
        return  # "An X-ray or ultrasound scan is used to guide the needle": a test
    if is_practitioner(name):
        return  # "A sports dietitian can check ...": who gives care, not the care
    key = name_key(name, rules)
    if state.main is not None and key == name_key(state.main.title, rules):
        return
    if rules.find_medicines(name):
        return  # "Gabapentin and pregabalin are prescribed": the medicines have their pages
    if _shortened_treatment(name, owner_for_relations(owner, state), state):
        return  # "The shot is given ..." after "a shot of steroid medicine"
    terms = rules.find_treatments(name)
    if terms:
        term = terms[0][0]
        page = state.entity(Kind.TREATMENT, term.name, term.kind, "the sentence says what it does")
    else:
        page = state.entity(Kind.TREATMENT, name, "other", "the sentence says what it does")
    relate(owner_for_relations(owner, state), "treatments", page)
    state.pages.add_text(page, sentence)
    state.decide(
        name, "treatment", f"subject of {match.group(0).strip()!r} in a treatments section"
    )


#: A comma or semicolon and the word opening a clause of its own.
_CLAUSE_OPENING = re.compile(r"[,;]\s+(?:but|and|so|yet|while|although|though)\s+", re.I)
#: "There is", "There's", "It is": a clause that names nothing.
_EXISTENTIAL = re.compile(r"^(?:there|it)(?:'s|\u2019s|\s+(?:is|are|was|were)\b)", re.I)


def treatment_statement(sentence: str, owner: PagePlan, state: Context) -> None:
    """A sentence that says what the treatment is names it, in any section: "Treatment
    is mostly relative rest: stop rowing ..." (the name follows), "Motor control training
    is the mainstay" (the name is the subject). The sentence is the page's text. A hedged
    or passing one ("Surgery is rarely the treatment of choice") says nothing."""
    rules = state.rules
    if owner.kind not in (Kind.CONDITION, Kind.TREATMENT) or rules.cue("passing_mention", sentence):
        return
    if advised_against(sentence, 0, rules):
        return
    lead = rules.cue_match("treatment_is_lead", sentence, at_start=True)
    if lead is not None:
        text = re.split(r"\s*[:;(]|\s+[-\u2013\u2014]\s+|,\s", sentence[lead.end() :], maxsplit=1)[
            0
        ]
        names = listed_names(text, rules)
        cue, cue_end = lead.group(0), lead.end() + len(text)
    else:
        found = rules.cue_match("treatment_subject_sentence", sentence)
        if found is None or found.start() == 0:
            return
        subject = without_connective(sentence[: found.start()], rules)
        names = [name] if (name := derive_name(subject, rules).name) else []
        cue, cue_end = found.group(0), found.start()
    names = [n for n in names if len(n.split()) <= 5 and not rules.cue("anaphoric_subject", n)]
    for name in names:
        if rules.is_condition_term(name) or rules.has_condition_head(name):
            continue
        if _DESCRIBED_TREATMENT.match(name) or any(
            m.start() < cue_end for _, m in rules.find_medicines(sentence)
        ):
            # "an operation to free the cord" describes one; "A steroid tablet,
            # prednisolone, is ..." names a medicine, which has its own page.
            continue
        terms = rules.find_treatments(name)
        kind = terms[0][0].kind if terms else "other"
        # "Treatment Bisphosphonates are the main treatment" (a heading run into its
        # text): a known treatment ending the name is the name.
        ending = [t for t, m in terms if m.end() == len(name.rstrip(" ."))]
        title = ending[0].name if ending else name
        page = state.entity(
            Kind.TREATMENT, title, kind, f"named as the treatment ({cue.strip()!r})"
        )
        if page is owner or page is state.main:
            continue
        relate(owner_for_relations(owner, state), "treatments", page)
        if len(names) == 1:
            state.pages.add_text(page, sentence)
        state.decide(name, "treatment", f"the sentence says it is the treatment ({cue.strip()!r})")


#: A modal or a form of "be" right after a word: the word ended the subject.
_MODAL_NEXT = re.compile(
    r"\s+(?:can|may|might|could|will|would|should|must|is|are|was|were)\b", re.IGNORECASE
)


#: A generic treatment and what it does: a description, not a name.
_DESCRIBED_TREATMENT = re.compile(
    r"(?:an?\s+)?(?:operation|surgery|procedure|treatment|injection|medicine|tablet)s?\s+"
    r"(?:to|that|which|for)\b",
    re.IGNORECASE,
)


def _shortened_treatment(name: str, owner: PagePlan, state: Context) -> bool:
    """Whether ``name`` is a treatment of ``owner`` said shorter: the head or the first
    words of one of its names ("shot" for "Shot of steroid medicine", "brace" for
    "Back brace")."""
    rules = state.rules
    said = name_key(name, rules)
    # :func:`_is_head_of` and the opening test, with ``name``'s key worked out once: the
    # owner's treatments grow with the article, and each is asked about every time.
    head, opening = f" {said}", f"{said} "
    for relation in owner.treatments:
        page = state.pages.get(name_key(relation.title, rules))
        for known in [relation.title, *(page.alternate_names if page is not None else ())]:
            key = name_key(known, rules)
            if (said and key.endswith(head)) or key.startswith(opening):
                return True
    return False


def device_opening(subject: str, rules: RuleSet) -> str:
    """The device a longer subject opens with: "A foam roller used on the thigh" ->
    "Foam roller"."""
    words = re.sub(r"^(?:an?|the)\s+", "", subject.strip(), flags=re.IGNORECASE).split()
    for size in range(min(4, len(words)), 0, -1):
        name = check_name(" ".join(words[:size]), rules).name
        if name and rules.is_device(name):
            return name
    return ""


def title_causes(title: str, state: Context) -> None:
    """ "Spinal fracture caused by osteoporosis": what a title says brings the subject on
    is a cause of it."""
    match = _TITLE_CAUSED_BY.match(" ".join(title.split()))
    if match is None or state.main.kind != Kind.CONDITION:
        return
    for name in listed_names(match.group("cause"), state.rules):
        page = cause_page(sentence_case(name), state, "the title says it brings the subject on")
        if page is not state.main:
            relate(state.main, "causes", page)
            state.decide(name, "cause", f"named in the title after {match.group('cue')!r}")


#: A title naming its subject and what causes it.
_TITLE_CAUSED_BY = re.compile(
    r"^(?P<subject>[^:?|]{3,80}?)\s+(?P<cue>caused by|due to|secondary to|resulting from)\s+"
    r"(?P<cause>[^:?|]{3,60})$",
    re.IGNORECASE,
)
